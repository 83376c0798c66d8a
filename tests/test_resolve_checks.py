"""Findings of refcheck.checks.resolution built from Resolution records (no network)."""

from __future__ import annotations

from typing import Any

from refcheck.checks.resolution import doi_findings, doi_syntax, unverified, url_findings
from refcheck.findings import Severity, get_rule
from refcheck.model import Document, FieldDiff, PartialDate, Reference, Resolution, Span
from refcheck.rules import Context

LINES = [
    "REFERENCES",
    "Friedberg, A. L. (1993). Ripe for rivalry. International Security, 18(3), 5–33. "
    "https://doi.org/10.2307/2539204",
    "Atherton, K. D. (2023, January 30). Mass-market military drones. MIT Technology Review. "
    "https://www.technologyreview.com/2023/01/09/1064892/mass-market-military-drones/",
    "Foulon, M. (2015). Neoclassical realism. International Studies Review, 17(4), 635–661.",
    "Bad, A. (2020). Bad DOI. https://doi.org/10.2307.2539204",
]
TEXT = "\n".join(LINES)


def _refs() -> tuple[Reference, ...]:
    out = []
    offset = len(LINES[0]) + 1
    extra: list[dict[str, Any]] = [
        {"doi": "10.2307/2539204", "title": "Ripe for rivalry", "year": 1993},
        {
            "url": "https://www.technologyreview.com/2023/01/09/1064892/mass-market-military-drones/",
            "date": PartialDate(2023, 1, 30),
            "year": 2023,
            "title": "Mass-market military drones",
        },
        {"title": "Neoclassical realism", "type": "article-journal"},
        {"doi_raw": "https://doi.org/10.2307.2539204"},
    ]
    for i, line in enumerate(LINES[1:], start=1):
        out.append(
            Reference(
                index=i, raw=line, span=Span(offset, offset + len(line)), line=i + 1, **extra[i - 1]
            )
        )
        offset += len(line) + 1
    return tuple(out)


REFS = _refs()
DOC = Document(text=TEXT, references=REFS)


def ctx(*resolutions: Resolution, resolved: bool = True) -> Context:
    return Context(document=DOC, references=REFS, resolutions=resolutions, resolved=resolved)


def test_rules_are_registered_with_examples() -> None:
    for code, sev in [
        ("D601", Severity.ERROR),
        ("D602", Severity.WARNING),
        ("D604", Severity.INFO),
        ("D605", Severity.ERROR),
        ("U701", Severity.WARNING),
        ("U703", Severity.WARNING),
        ("U704", Severity.INFO),
        ("R801", Severity.INFO),
        ("R802", Severity.INFO),
    ]:
        rule = get_rule(code)
        assert rule.severity == sev and rule.bad and rule.good and rule.summary.endswith(".")
        assert rule.name == rule.name.lower() and " " not in rule.name


EVIDENCE = "handle API answered HTTP 404 with responseCode 100 for 10.2307/2539204"


def test_d601_not_registered_at_entry_line() -> None:
    (f,) = doi_findings(
        ctx(
            Resolution(
                1,
                "doi",
                "10.2307/2539204",
                "not_found",
                service="doi.org",
                http_status=404,
                metadata=(("evidence", EVIDENCE),),
            )
        )
    )
    assert (f.code, f.line, f.column, f.reference) == ("D601", 2, 1, 1)
    assert f.message == f"DOI 10.2307/2539204 is not registered ({EVIDENCE})"


def test_d601_needs_the_handle_apis_evidence_else_r802() -> None:
    """A "not found" without the handle API's own answer is an unverified DOI, not an error."""
    bare = Resolution(
        1,
        "doi",
        "10.2307/2539204",
        "not_found",
        service="doi.org",
        http_status=404,
        note="HTTP 404",
    )
    assert list(doi_findings(ctx(bare))) == []
    (f,) = unverified(ctx(bare))
    assert (f.code, f.message) == (
        "R802",
        "DOI 10.2307/2539204 could not be verified (no evidence from the handle API: HTTP 404)",
    )


def test_network_down_is_one_summary_line() -> None:
    down = (
        Resolution(
            1,
            "doi",
            "10.2307/2539204",
            "unreachable",
            note="network unreachable (DNS lookup failed for api.crossref.org)",
        ),
        Resolution(2, "url", REFS[1].url, "unreachable", note="network unreachable"),
        Resolution(
            3,
            "doi-search",
            "Neoclassical realism",
            "skipped",
            note="network unreachable (run deadline reached)",
        ),
    )
    found = list(unverified(ctx(*down)))
    assert [(f.code, f.reference, f.message) for f in found] == [
        ("R802", 1, "network unreachable: 0 of 3 DOIs and URLs verified")
    ]


def test_d602_one_finding_per_field_with_both_values() -> None:
    res = Resolution(
        1,
        "doi",
        "10.2307/2539204",
        "mismatch",
        service="crossref",
        diffs=(FieldDiff("issue", "3", "4"), FieldDiff("year", "1993", "1994")),
    )
    found = list(doi_findings(ctx(res)))
    assert [f.code for f in found] == ["D602", "D602"]
    assert found[0].message == (
        "issue differs from the DOI's crossref record: entry has '3', registered '4'"
    )
    assert found[1].suggestion == "1994"


def test_d603_retraction_notice() -> None:
    res = Resolution(
        1, "doi", "10.2307/2539204", "ok", metadata=(("update", "retraction 10.2307/notice"),)
    )
    (f,) = doi_findings(ctx(res))
    assert (f.code, f.suggestion) == ("D603", "https://doi.org/10.2307/notice")
    assert "retraction notice" in f.message


def test_d604_suggestion() -> None:
    res = Resolution(
        3,
        "doi-search",
        "Neoclassical realism",
        "suggested",
        suggestion="https://doi.org/10.1111/misr.12236",
        note="evidence: title 0.98, year 2015, volume 17",
    )
    (f,) = doi_findings(ctx(res))
    assert (f.code, f.line, f.suggestion) == ("D604", 4, "https://doi.org/10.1111/misr.12236")
    assert f.severity == Severity.INFO and "evidence: title 0.98" in f.message


def test_d605_invalid_syntax_offline() -> None:
    (f,) = doi_syntax(ctx(resolved=False))
    assert (f.code, f.reference) == ("D605", 4)
    assert "'https://doi.org/10.2307.2539204' is not a valid DOI" in f.message


def test_u703_url_path_date_conflict_offline_and_page_title() -> None:
    found = list(url_findings(ctx(resolved=False)))
    assert [(f.code, f.reference) for f in found] == [("U703", 2)]
    assert found[0].message == "the URL path is dated 2023-01-09 but the entry says 2023-01-30"
    res = Resolution(
        2,
        "url",
        REFS[1].url,
        "mismatch",
        diffs=(FieldDiff("title", "Mass-market military drones", "Hava Durumu"),),
    )
    msgs = [f.message for f in url_findings(ctx(res))]
    assert (
        "the page's title is 'Hava Durumu' but the entry's is 'Mass-market military drones'" in msgs
    )


def test_u701_u702_u704() -> None:
    url = REFS[1].url
    dead = Resolution(
        2,
        "url",
        url,
        "dead",
        http_status=404,
        note="HTTP 404",
        suggestion="http://web.archive.org/web/2023/" + url,
    )
    moved = Resolution(2, "url", url, "moved", metadata=(("moved_to", "https://x.org/new"),))
    blocked = Resolution(2, "url", url, "blocked", http_status=403, note="HTTP 403")
    codes = [
        (f.code, f.suggestion) for f in url_findings(ctx(dead, moved, blocked)) if f.code != "U703"
    ]
    assert codes == [
        ("U701", "http://web.archive.org/web/2023/" + url),
        ("U702", "https://x.org/new"),
        ("U704", ""),
    ]


def test_r801_offline_once_at_first_entry() -> None:
    (f,) = unverified(ctx(resolved=False))
    assert (f.code, f.reference, f.line) == ("R801", 1, 2)
    assert f.message == "offline: 2 DOIs and 1 URLs not verified"


def test_r801_none_without_dois_or_urls() -> None:
    only = (REFS[2],)
    c = Context(document=DOC, references=only, resolved=False)
    assert list(unverified(c)) == []


def test_r802_could_not_verify() -> None:
    res = (
        Resolution(1, "doi", "10.2307/2539204", "rate_limited", note="HTTP 429 after retries"),
        Resolution(2, "url", REFS[1].url, "skipped", note="run deadline reached"),
        Resolution(2, "url", "http://10.0.0.1/", "invalid", note="refused: private address"),
        Resolution(1, "doi", "10.2307/2539204", "ok"),
    )
    found = list(unverified(ctx(*res)))
    assert [f.code for f in found] == ["R802"] * 3
    assert found[0].message == (
        "DOI 10.2307/2539204 could not be verified (rate_limited: HTTP 429 after retries)"
    )


def test_seed_offline_findings(seed_path: object) -> None:
    """The seed, parsed by the real pipeline: the MIT Technology Review date and R801."""
    from refcheck.api import load

    doc = load(str(seed_path))
    c = Context(document=doc, references=doc.references, resolved=False)
    u703 = list(url_findings(c))
    tr = [f for f in u703 if "2023-01-09" in f.message]
    assert len(tr) == 1
    assert tr[0].message == "the URL path is dated 2023-01-09 but the entry says 2023-01-30"
    index = tr[0].reference
    assert index is not None
    assert doc.references[index - 1].url.startswith("https://www.technologyreview.com/")
    (r801,) = unverified(c)
    assert r801.reference == 1 and r801.message.startswith("offline: 2 DOIs and ")
    assert list(doi_syntax(c)) == []


def test_a_short_doi_link_is_checked_as_a_link_not_flagged_as_an_invalid_doi() -> None:
    from refcheck.resolve.targets import doi_of, url_of

    ref = Reference(index=1, raw="x", span=Span(0, 1), line=1, url="https://doi.org/10/b9tmbm")
    assert (doi_of(ref), url_of(ref)) == ("", "https://doi.org/10/b9tmbm")
    long_ref = Reference(index=1, raw="x", span=Span(0, 1), line=1, url="https://doi.org/10.1/x")
    assert (doi_of(long_ref), url_of(long_ref)) == ("https://doi.org/10.1/x", "")
