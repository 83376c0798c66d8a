"""Findings from the resolve stage: DOIs (D6xx), URLs (U7xx) and what could not be verified (R8xx).

Reads ``ctx.resolutions``; a few checks need no network at all (DOI syntax, a URL path date that
contradicts the entry's date) and run offline too.
"""

from __future__ import annotations

from collections.abc import Iterator

from refcheck.findings import Finding, Rule, Severity, register
from refcheck.model import Reference, Resolution
from refcheck.resolve.doi import normalise_doi
from refcheck.resolve.targets import NETWORK_DOWN, VERIFIED, doi_of, url_of
from refcheck.resolve.urls import date_conflict
from refcheck.rules import Context, check

_APA_DOI = "APA 7 §9.34-9.36 (DOIs and URLs); APA-RL-09"

for _rule in (
    Rule("D601", "doi-not-registered", Severity.ERROR, "resolve",
         "The DOI is not registered with any agency (the handle API itself answered that the "
         "handle does not exist): a typo, a wrongly escaped character, or an invented DOI. Any "
         "other answer (a proxy's 404 page, an error) is R802, never D601.",
         "Rose, G. (1998). Neoclassical realism. World Politics, 51(1), 144-172. "
         "https://doi.org/10.1017/s00438871000078",
         "Rose, G. (1998). Neoclassical realism. World Politics, 51(1), 144-172. "
         "https://doi.org/10.1017/s0043887100007814", _APA_DOI),
    Rule("D602", "doi-metadata-mismatch", Severity.WARNING, "resolve",
         "A field of the entry (title, first author, year, journal, volume, issue or pages) "
         "disagrees with the metadata registered for its DOI: one of the two is wrong.",
         "Friedberg, A. L. (1993). Ripe for rivalry. International Security, 18(4), 5-33. "
         "https://doi.org/10.2307/2539204",
         "Friedberg, A. L. (1993). Ripe for rivalry. International Security, 18(3), 5-33. "
         "https://doi.org/10.2307/2539204", _APA_DOI),
    Rule("D603", "doi-retracted-or-corrected", Severity.WARNING, "resolve",
         "The registered work has a retraction, correction or other update notice; cite with care "
         "and check whether the notice changes the claim.",
         "Sadasivan, S. et al. (2012). Methylphenidate exposure ... PLoS ONE, 7(3), e33693. "
         "(a correction was published)",
         "... e33693. https://doi.org/10.1371/journal.pone.0033693 (and the correction "
         "https://doi.org/10.1371/annotation/c76da2c1-ccb8-4797-94c1-359d3ceceeda consulted)",
         "COPE retraction guidelines"),
    Rule("D604", "doi-suggested", Severity.INFO, "resolve",
         "A journal article or chapter has no DOI but Crossref has one that validates against the "
         "entry's title, author, year, volume and pages; APA 7 asks for the DOI when there is one.",
         "Tkaczyk, D. et al. (2015). CERMINE. IJDAR, 18(4), 317-335.",
         "Tkaczyk, D. et al. (2015). CERMINE. IJDAR, 18(4), 317-335. "
         "https://doi.org/10.1007/s10032-015-0249-8", _APA_DOI),
    Rule("D605", "doi-invalid-syntax", Severity.ERROR, "resolve",
         "The DOI is not a DOI: it must start with 10.<registrant>/ followed by a suffix.",
         "https://doi.org/10.2307.2539204",
         "https://doi.org/10.2307/2539204", _APA_DOI),
    Rule("U701", "url-dead", Severity.WARNING, "resolve",
         "The URL answers 404/410, redirects in a loop, or shows a 'not found' page: readers "
         "cannot reach the source; cite an archived copy.",
         "https://example.org/removed-article",
         "https://web.archive.org/web/2020/https://example.org/removed-article",
         "APA 7 §9.37 (archived copies)"),
    Rule("U702", "url-moved", Severity.INFO, "resolve",
         "The URL permanently redirects (301/308) to another address; cite the current one.",
         "http://old.example.org/news/1",
         "https://www.example.org/en/news/1", "APA 7 §9.35"),
    Rule("U703", "url-page-mismatch", Severity.WARNING, "resolve",
         "The page at the URL does not match the entry: its title is about something else, or the "
         "date in the URL path contradicts the entry's date.",
         "Atherton, K. D. (2023, January 30). Mass-market military drones ... "
         "https://www.technologyreview.com/2023/01/09/1064892/mass-market-military-drones/",
         "Atherton, K. D. (2023, January 9). Mass-market military drones ... "
         "https://www.technologyreview.com/2023/01/09/1064892/mass-market-military-drones/",
         "APA 7 §9.16 (dates), §9.35"),
    Rule("U704", "url-blocked", Severity.INFO, "resolve",
         "The site refused the checker (401/403/429/451); the page may be fine in a browser but "
         "could not be verified.",
         "https://www.publisher.example/doi/full/10.1/x (HTTP 403)",
         "https://doi.org/10.1/x"),
    Rule("R801", "offline", Severity.INFO, "resolve",
         "Resolution was switched off (--offline), so DOIs and URLs were not verified.",
         "refcheck --offline paper.docx", "refcheck paper.docx"),
    Rule("R802", "could-not-verify", Severity.INFO, "resolve",
         "A DOI or URL could not be verified: network fault, timeout, rate limit, the run's "
         "deadline, an answer that is not what the service documents, or an address refused for "
         "safety. Nothing is known to be wrong. When nothing could be reached at all, one R802 "
         "says so for the whole run ('network unreachable: 0 of 40 DOIs and URLs verified').",
         "https://doi.org/10.2307/2539204 (timed out)",
         "https://doi.org/10.2307/2539204 (verified)"),
):
    register(_rule)


def network_summary(verified: int, total: int) -> str:
    """The run's one line when nothing could be reached (also a report note)."""
    return f"network unreachable: {verified} of {total} DOIs and URLs verified"


def _refs(ctx: Context) -> dict[int, Reference]:
    return {r.index: r for r in ctx.references}


def _make(ctx: Context, code: str, ref: Reference, message: str, suggestion: str = "") -> Finding:
    return Finding.make(code, message, ctx.document, ref.span, reference=ref.index,
                        suggestion=suggestion)


def _meta(res: Resolution, key: str) -> list[str]:
    return [v for k, v in res.metadata if k == key]


@check("D605")
def doi_syntax(ctx: Context) -> Iterator[Finding]:
    """Syntax is checked from the entry itself, so it works offline as well."""
    for ref in ctx.references:
        text = doi_of(ref)
        if text and normalise_doi(text) is None:
            yield _make(ctx, "D605", ref, f"'{text}' is not a valid DOI (10.<prefix>/<suffix>)")


@check("D601", "D602", "D603", "D604")
def doi_findings(ctx: Context) -> Iterator[Finding]:
    refs = _refs(ctx)
    for res in ctx.resolutions:
        ref = refs.get(res.reference)
        if ref is None or res.kind not in ("doi", "doi-search"):
            continue
        if res.kind == "doi-search":
            if res.status == "suggested" and res.suggestion:
                yield _make(ctx, "D604", ref,
                            f"no DOI given; Crossref has {res.suggestion} ({res.note})",
                            suggestion=res.suggestion)
            continue
        evidence = _meta(res, "evidence")
        if res.status == "not_found" and evidence:  # an error needs the handle API's own word
            yield _make(ctx, "D601", ref, f"DOI {res.target} is not registered ({evidence[0]})")
        for diff in res.diffs:
            yield _make(ctx, "D602", ref,
                        f"{diff.field} differs from the DOI's {res.service or 'registered'} "
                        f"record: entry has '{diff.entry}', registered '{diff.service}'",
                        suggestion=diff.service)
        for update in _meta(res, "update"):
            kind, _, notice = update.partition(" ")
            yield _make(ctx, "D603", ref,
                        f"DOI {res.target} has a {kind} notice: https://doi.org/{notice}",
                        suggestion=f"https://doi.org/{notice}")


@check("U701", "U702", "U703", "U704")
def url_findings(ctx: Context) -> Iterator[Finding]:
    refs = _refs(ctx)
    for entry in ctx.references:  # offline-able: the URL path's own date
        url = url_of(entry)
        conflict = date_conflict(url, entry.date) if url else None
        if conflict:
            yield _make(ctx, "U703", entry,
                        f"the URL path is dated {conflict[1]} but the entry says {conflict[0]}")
    for res in ctx.resolutions:
        ref = refs.get(res.reference)
        if ref is None or res.kind != "url":
            continue
        if res.status == "dead":
            yield _make(ctx, "U701", ref, f"{res.target} is dead ({res.note})",
                        suggestion=res.suggestion)
        elif res.status == "blocked":
            yield _make(ctx, "U704", ref, f"{res.target} refused the checker ({res.note})")
        for moved in _meta(res, "moved_to"):
            yield _make(ctx, "U702", ref, f"{res.target} permanently redirects to {moved}",
                        suggestion=moved)
        for diff in res.diffs:
            yield _make(ctx, "U703", ref,
                        f"the page's {diff.field} is '{diff.service}' but the entry's is "
                        f"'{diff.entry}'")


@check("R801", "R802")
def unverified(ctx: Context) -> Iterator[Finding]:
    if not ctx.resolved:
        with_doi = [r for r in ctx.references if doi_of(r)]
        with_url = [r for r in ctx.references if url_of(r)]
        if with_doi or with_url:
            first = min([*with_doi, *with_url], key=lambda r: r.index)
            yield _make(ctx, "R801", first,
                        f"offline: {len(with_doi)} DOIs and {len(with_url)} URLs not verified")
        return
    refs = _refs(ctx)
    down = [r for r in ctx.resolutions
            if r.note.startswith(NETWORK_DOWN) and r.reference in refs]
    if down:  # one line for the run, not one per DOI and URL
        checked = [r for r in ctx.resolutions if r.status != "invalid"]
        verified = sum(r.status in VERIFIED for r in checked)
        first = refs[min(r.reference for r in down)]
        yield _make(ctx, "R802", first, network_summary(verified, len(checked)))
    skip = {id(r) for r in down}
    for res in ctx.resolutions:
        ref = refs.get(res.reference)
        if ref is None or id(res) in skip:
            continue
        if res.kind == "doi" and res.status == "not_found" and not _meta(res, "evidence"):
            yield _make(ctx, "R802", ref, f"DOI {res.target} could not be verified "
                                          f"(no evidence from the handle API: {res.note})")
            continue
        if res.status in ("unreachable", "rate_limited", "skipped") or (
                res.kind == "url" and res.status == "invalid"):
            what = "DOI" if res.kind == "doi" else ("DOI search" if res.kind == "doi-search"
                                                    else "URL")
            yield _make(ctx, "R802", ref,
                        f"{what} {res.target} could not be verified ({res.status}: {res.note})")
