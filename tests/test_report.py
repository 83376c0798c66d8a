"""Report formats over a hand-built Report: text, json, sarif, junit, github, baseline.

The builder below is shared with test_report_html.py and test_html_browser.py.
"""

from __future__ import annotations

import json
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from refcheck import findings as findings_mod
from refcheck.config import Config
from refcheck.errors import ConfigError
from refcheck.findings import Finding, Report, Rule, Severity
from refcheck.model import Citation, Document, FieldDiff, Link, Reference, Resolution, Span
from refcheck.report import FORMATS, render
from refcheck.report.baseline import apply_baseline, fingerprints, write_baseline
from refcheck.report.github import escape_data, escape_property

DATA = Path(__file__).parent / "data"

TEST_RULES = (
    Rule(
        "T901",
        "citation-without-entry",
        Severity.WARNING,
        "match",
        "A citation names a work that is not in the reference list.",
        "(Unknown, 2001)",
        "(Rose, 1998)",
        "APA 7 §8.4",
    ),
    Rule(
        "T902",
        "doi-metadata-mismatch",
        Severity.ERROR,
        "resolve",
        "The DOI resolves to a work whose title differs from the entry's.",
        "Rose, G. (1998). Wrong title. https://doi.org/10.1017/S0043887100007814",
        "Rose, G. (1998). Neoclassical realism and theories of foreign policy. "
        "https://doi.org/10.1017/S0043887100007814",
    ),
    Rule(
        "T903",
        "missing-title-translation",
        Severity.INFO,
        "parse",
        "A non-English title needs an English translation in square brackets.",
        "Kafkasya'da güç dengesi.",
        "Kafkasya'da güç dengesi [Balance of power in the Caucasus].",
    ),
)


@pytest.fixture
def test_rules(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Register the T9xx rules for one test only, so docs/rules.md tests never see them."""
    for rule in TEST_RULES:
        monkeypatch.setitem(findings_mod._REGISTRY, rule.code, rule)
    yield


ENTRY_1 = (
    "Rose, G. (1998). Neoclassical realism and theories of foreign policy. World Politics, "
    "51(1), 144–172. https://doi.org/10.1017/S0043887100007814"
)
ENTRY_2 = "Yüzbaşıoğlu, A., & Çam, B. (2020). Kafkasya'da güç dengesi. Ankara: Nobel."


def make_report(
    *, shift: int = 0, body_extra: str = "", entry_extra: str = "", path: str = "paper.txt"
) -> Report:
    """A small manuscript: 3 citations (one unmatched), 2 entries, 3 findings, 1 resolution diff.

    ``shift`` inserts blank lines at the top (line numbers move, nothing else does);
    ``body_extra``/``entry_extra`` inject text into the body and into entry 2.
    """
    body = (
        "\n" * shift
        + "Title of the article\n"
        + "As Rose (1998) argued, rivalry shapes the region "
        + "(Yüzbaşıoğlu & Çam, 2020: 14; Unknown, 2001).\n"
        + body_extra
        + "\n"
    )
    entry2 = ENTRY_2 + entry_extra
    text = body + "REFERENCES\n" + ENTRY_1 + "\n" + entry2 + "\n"
    heading = text.index("REFERENCES")

    def span_of(needle: str, start: int = 0) -> Span:
        i = text.index(needle, start)
        return Span(i, i + len(needle))

    s1, s2 = span_of(ENTRY_1, heading), span_of(entry2, heading)
    doc0 = Document(text=text, path=path)
    refs = (
        Reference(
            index=1,
            raw=ENTRY_1,
            span=s1,
            line=doc0.locate(s1.start)[0],
            doi="10.1017/S0043887100007814",
        ),
        Reference(index=2, raw=entry2, span=s2, line=doc0.locate(s2.start)[0]),
    )
    doc = replace(
        doc0,
        body=Span(0, heading),
        heading=span_of("REFERENCES"),
        references_region=Span(heading, len(text)),
        references=refs,
    )
    c_texts = ("Rose (1998)", "Yüzbaşıoğlu & Çam, 2020: 14", "Unknown, 2001")
    cites = tuple(
        Citation(
            index=i,
            text=t,
            span=span_of(t),
            kind="narrative" if i == 0 else "parenthetical",
            authors=(t.split(" ")[0].rstrip(","),),
        )
        for i, t in enumerate(c_texts)
    )
    links = (Link(0, 1, "exact", 1.0), Link(1, 2, "exact", 1.0), Link(2, None))
    unknown = cites[2]
    line, col = doc.locate(unknown.span.start)
    found = (
        Finding(
            "T901",
            Severity.WARNING,
            "No reference-list entry matches 'Unknown, 2001'.",
            line=line,
            column=col,
            span=unknown.span,
            citation=unknown.text,
        ),
        Finding(
            "T902",
            Severity.ERROR,
            "Title differs from Crossref's.",
            reference=1,
            suggestion="Neoclassical Realism and Theories of Foreign Policy",
        ),
        Finding(
            "T903",
            Severity.INFO,
            "Turkish title without an English translation.",
            line=refs[1].line,
            column=1,
            span=s2,
            reference=2,
        ),
    )
    res = (
        Resolution(
            reference=1,
            kind="doi",
            target="10.1017/S0043887100007814",
            status="mismatch",
            service="crossref",
            http_status=200,
            diffs=(
                FieldDiff(
                    "title",
                    "Neoclassical realism and theories of foreign policy",
                    "Neoclassical Realism and Theories of Foreign Policy",
                ),
            ),
        ),
    )
    return Report(
        document=doc,
        citations=cites,
        links=links,
        resolutions=res,
        findings=found,
        resolved=True,
        notes=("12 URLs not checked (--no-urls)",),
    )


# ------------------------------------------------------------------------------------------ text


def test_verbose_text_lines_summary_and_notes(test_rules: None) -> None:
    out = render(make_report(), "text", verbose=True)
    lines = out.splitlines()
    assert lines[0] == (
        "paper.txt:2:80: T901 [warning] No reference-list entry matches 'Unknown, 2001'."
    )
    # the entry finding without its own span is reported at its entry's line
    assert lines[1] == "paper.txt:5:1: T902 [error] Title differs from Crossref's."
    assert lines[2] == "    suggestion: Neoclassical Realism and Theories of Foreign Policy"
    assert lines[3] == "paper.txt:6:1: T903 [info] Turkish title without an English translation."
    assert lines[4] == "1 error, 1 warning, 1 info in paper.txt (2 references, 3 citations)"
    assert lines[5] == "note: 12 URLs not checked (--no-urls)"
    assert "\x1b" not in out


def test_verbose_text_colour_only_when_asked(test_rules: None) -> None:
    plain = render(make_report(), "text", color=False, verbose=True)
    coloured = render(make_report(), "text", color=True, verbose=True)
    assert "\x1b[" not in plain
    assert "\x1b[31m[error]\x1b[0m" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_verbose_text_without_line_and_path_display(test_rules: None) -> None:
    rep = make_report()
    orphan = Finding("T902", Severity.ERROR, "Run-level problem.")
    out = render(
        replace(rep, findings=(orphan,), notes=()), "text", path_display="a/b.txt", verbose=True
    )
    assert out.splitlines()[0] == "a/b.txt: T902 [error] Run-level problem."


def test_verbose_text_neutralises_control_characters(test_rules: None) -> None:
    rep = make_report()
    evil = Finding(
        "T901", Severity.WARNING, "bad\x1b[2Jname\nfake:1:1: T000 [error] forged", citation="x"
    )
    out = render(replace(rep, findings=(evil,), notes=()), "text", color=False, verbose=True)
    assert "\x1b" not in out
    assert out.count("\n") == 2  # one finding line + summary: no forged line
    assert "\\u001b[2J" in out


# ------------------------------------------------------------------------------------------ json


def test_json_contract_keys_and_values(test_rules: None) -> None:
    data = json.loads(render(make_report(), "json", config=Config(fail_on=Severity.ERROR)))
    core = {"code", "severity", "message", "line", "column", "reference", "citation"}
    assert {"findings", "references", "citations"} <= set(data)
    assert all(core <= set(f) for f in data["findings"])
    assert data["references"] == 2 and data["citations"] == 3
    f1, f2, f3 = data["findings"]
    assert f1 == {
        "code": "T901",
        "severity": "warning",
        "message": "No reference-list entry matches 'Unknown, 2001'.",
        "line": 2,
        "column": 80,
        "reference": None,
        "citation": "Unknown, 2001",
        "path": "paper.txt",
        "suggestion": None,
        "fix": None,
    }
    assert (f2["line"], f2["reference"], f2["suggestion"]) == (
        None,
        1,
        "Neoclassical Realism and Theories of Foreign Policy",
    )
    assert f3["reference"] == 2 and f3["citation"] is None
    assert data["path"] == "paper.txt" and data["resolved"] is True
    assert data["notes"] == ["12 URLs not checked (--no-urls)"]
    assert data["summary"] == {
        "error": 1,
        "warning": 1,
        "info": 1,
        "total": 3,
        "fail_on": "error",
        "failed": True,
    }


def test_json_keeps_non_ascii_readable(test_rules: None) -> None:
    rep = make_report()
    f = replace(rep.findings[0], message="Çam ≠ Cam")
    assert "Çam ≠ Cam" in render(replace(rep, findings=(f,)), "json")


# ----------------------------------------------------------------------------------------- sarif


def test_sarif_validates_against_the_2_1_0_schema(test_rules: None) -> None:
    schema = json.loads((DATA / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(render(make_report(), "sarif", path_display="docs/my paper.txt"))
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "refcheck" and driver["version"]
    rules = {r["id"]: r for r in driver["rules"]}
    t902 = rules["T902"]
    assert t902["defaultConfiguration"]["level"] == "error"
    assert rules["T903"]["defaultConfiguration"]["level"] == "note"
    assert t902["shortDescription"]["text"].startswith("The DOI resolves")
    assert t902["helpUri"].endswith("docs/rules.md#t902")
    assert "APA 7 §8.4" in rules["T901"]["fullDescription"]["text"]
    r1, r2, r3 = run["results"]
    assert (r1["ruleId"], r1["level"]) == ("T901", "warning")
    loc = r1["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "docs/my%20paper.txt"
    assert loc["region"] == {"startLine": 2, "startColumn": 80}
    assert driver["rules"][r2["ruleIndex"]]["id"] == "T902"
    assert r2["message"]["text"].endswith(
        "Suggestion: Neoclassical Realism and Theories of Foreign Policy"
    )
    assert r2["locations"][0]["physicalLocation"]["region"]["startLine"] == 5  # entry's line
    assert r3["level"] == "note"
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_fingerprints_stable_across_runs_and_line_shifts(test_rules: None) -> None:
    def fps(rep: Report) -> list[str]:
        log = json.loads(render(rep, "sarif"))
        results = log["runs"][0]["results"]
        return [r["partialFingerprints"]["refcheckFingerprint/v1"] for r in results]

    first, again, shifted = fps(make_report()), fps(make_report()), fps(make_report(shift=7))
    assert first == again == shifted
    assert len(set(first)) == 3


def test_sarif_unregistered_code_still_valid(test_rules: None) -> None:
    schema = json.loads((DATA / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    rep = make_report()
    odd = Finding("Q999", Severity.WARNING, "from a plugin nobody registered", line=1, column=1)
    log = json.loads(render(replace(rep, findings=(odd,)), "sarif"))
    jsonschema.Draft7Validator(schema).validate(log)
    res = log["runs"][0]["results"][0]
    assert log["runs"][0]["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == "Q999"


# ----------------------------------------------------------------------------------------- junit


def test_junit_parses_and_fails_per_rule_at_threshold(test_rules: None) -> None:
    rep = make_report()
    root = ET.fromstring(render(rep, "junit", config=Config(fail_on=Severity.WARNING)))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "paper.txt"
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert {"T901", "T902", "T903"} <= set(cases)
    assert cases["T901"].find("failure") is not None
    assert cases["T902"].find("failure") is not None
    t903 = cases["T903"]
    assert t903.find("failure") is None  # info is below fail_on=warning
    assert "Turkish title" in (t903.findtext("system-out") or "")
    assert suite.get("failures") == "2" == root.get("failures")
    assert int(suite.get("tests") or 0) == len(cases)
    fail = cases["T902"].find("failure")
    assert fail is not None and "paper.txt:5:1: T902 [error]" in (fail.text or "")

    only_errors = ET.fromstring(render(rep, "junit", config=Config(fail_on=Severity.ERROR)))
    assert only_errors.get("failures") == "1"


def test_junit_escapes_markup_and_strips_illegal_xml(test_rules: None) -> None:
    rep = make_report()
    evil = Finding(
        "T901", Severity.ERROR, 'a <b>&"c"</b> ]]> \x00\x07 end', line=1, column=1, citation="<x>"
    )
    xml = render(replace(rep, findings=(evil,)), "junit")
    root = ET.fromstring(xml)
    fail = root.find("testsuite/testcase[@name='T901']/failure")
    assert fail is not None
    assert 'a <b>&"c"</b> ]]> \ufffd\ufffd end' in (fail.text or "")
    assert "<b>" not in xml  # escaped on the wire


# ---------------------------------------------------------------------------------------- github


def test_github_workflow_commands(test_rules: None) -> None:
    lines = render(make_report(), "github").splitlines()
    assert lines[0] == (
        "::warning file=paper.txt,line=2,col=80,title=T901::"
        "No reference-list entry matches 'Unknown, 2001'."
    )
    assert lines[1] == (
        "::error file=paper.txt,line=5,col=1,title=T902::Title differs from "
        "Crossref's.%0ASuggestion: Neoclassical Realism and Theories of Foreign "
        "Policy"
    )
    assert lines[2].startswith("::notice file=paper.txt,line=6,col=1,title=T903::")
    assert lines[3].startswith("1 error, 1 warning, 1 info")


def test_github_escaping_rules() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    rep = make_report(path="dir,x/a:b.txt")
    out = render(replace(rep, findings=()), "github")
    assert out.startswith("0 errors")  # no annotations, just the summary
    f = Finding("T000", Severity.WARNING, "x%y", line=1, column=1)
    out = render(replace(rep, findings=(f,)), "github")
    assert out.splitlines()[0] == "::warning file=dir%2Cx/a%3Ab.txt,line=1,col=1,title=T000::x%25y"


# -------------------------------------------------------------------------------------- dispatch


def test_formats_and_unknown_format(test_rules: None) -> None:
    assert set(FORMATS) == {"text", "json", "jsonl", "sarif", "junit", "github", "html"}
    rep = make_report()
    for fmt in FORMATS:
        assert render(rep, fmt).endswith("\n")
    with pytest.raises(ConfigError, match="unknown report format 'xml'"):
        render(rep, "xml")


def test_empty_report_renders_everywhere() -> None:
    doc = Document(text="", path="empty.txt")
    rep = Report(document=doc)
    assert render(rep, "text") == (
        "0 errors, 0 warnings, 0 infos in empty.txt (0 references, 0 citations)\n"
    )
    assert json.loads(render(rep, "json"))["findings"] == []
    ET.fromstring(render(rep, "junit"))
    assert '<ol class="entries"></ol>' in render(rep, "html")


# -------------------------------------------------------------------------------------- baseline


def test_baseline_survives_line_shift_and_reports_only_new(test_rules: None) -> None:
    base = write_baseline(make_report())
    data = json.loads(base)
    assert data["version"] == 2 and [m["path"] for m in data["manuscripts"]] == ["paper.txt"]
    rows = data["manuscripts"][0]["findings"]
    assert len(rows) == 3 and {r["code"] for r in rows} == {"T901", "T902", "T903"}

    shifted = make_report(shift=5)  # same manuscript, 5 lines lower
    assert shifted.findings[0].line != make_report().findings[0].line
    kept = apply_baseline(shifted, base)
    assert kept.findings == ()
    assert kept.notes[-1] == "baseline: 3 known findings not shown"

    new = Finding(
        "T901",
        Severity.WARNING,
        "No reference-list entry matches 'Other, 2003'.",
        line=9,
        column=1,
        citation="Other, 2003",
    )
    grown = replace(shifted, findings=(*shifted.findings, new))
    assert apply_baseline(grown, base).findings == (new,)


def test_baseline_second_occurrence_is_new(test_rules: None) -> None:
    rep = make_report()
    base = write_baseline(rep)
    dup = replace(rep.findings[0], line=3)
    grown = replace(rep, findings=(*rep.findings, dup))
    assert apply_baseline(grown, base).findings == (dup,)


def test_baseline_changed_entry_is_new(test_rules: None) -> None:
    base = write_baseline(make_report())
    edited = make_report(entry_extra=" Second edition.")
    left = apply_baseline(edited, base).findings
    assert [f.code for f in left] == ["T903"]  # T903 is about entry 2, whose text changed


def test_baseline_fingerprints_ignore_message_line_numbers() -> None:
    doc = Document(text="x\n", path="p.txt")
    a = Report(document=doc, findings=(Finding("T000", Severity.INFO, "seen on line 4"),))
    b = Report(document=doc, findings=(Finding("T000", Severity.INFO, "seen on line 9"),))
    assert fingerprints(a) == fingerprints(b)


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("{not json", "baseline is not JSON"),
        ('{"findings": 3}', "no findings list"),
        ('{"version": 7, "findings": []}', "unsupported baseline version"),
        ('{"findings": [{"code": "X"}]}', "string fingerprint"),
    ],
)
def test_baseline_malformed(text: str, match: str) -> None:
    with pytest.raises(ConfigError, match=match) as info:
        apply_baseline(make_report(), text, path="base.json")
    assert info.value.path == "base.json"


# ------------------------------------------------------------------------------------ robustness


def test_renderers_linear_on_large_adversarial_input(test_rules: None) -> None:
    """100 KB of markup, controls and separators through every format, well within a second."""
    junk = ("<script>%\r\n\x1b[31m:,&\"'\u202e" * 6000)[:100_000]
    rep = make_report(body_extra=junk, entry_extra=junk[:5000])
    f = Finding(
        "T901", Severity.WARNING, junk, line=1, column=1, citation=junk[:200], suggestion=junk
    )
    rep = replace(rep, findings=(*rep.findings, f))
    for fmt in FORMATS:
        t0 = time.perf_counter()
        render(rep, fmt)
        assert time.perf_counter() - t0 < 2.0, fmt


def test_absolute_document_path_shown_relative_to_cwd(
    test_rules: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    rep = make_report(path=str(tmp_path / "sub" / "paper.txt"))
    assert render(rep, "text", verbose=True).startswith("sub/paper.txt:2:80: T901")
    outside = make_report(path="/elsewhere/paper.txt")
    assert render(outside, "text", verbose=True).startswith("/elsewhere/paper.txt:2:80:")
