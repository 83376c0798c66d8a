"""P1xx: the form of each reference-list entry (parser outcome and APA 7 entry rules).

Each check reads only the parsed ``Reference`` (and its raw text), so it needs no network and no
citations; findings sit at the entry's span. Rule sources are the IDs of
``/work/shared/docs/apa7-rules.md`` (APA-RL-xx) with the guides cited there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from refcheck.findings import Finding, Rule, Severity, register
from refcheck.model import ParseStatus, Reference
from refcheck.rules import Context, check

_STAGE = "parse"

register(
    Rule(
        code="P101",
        name="entry-unparsed",
        severity=Severity.ERROR,
        stage=_STAGE,
        summary=(
            "The entry could not be read as a reference at all, so it cannot be matched to "
            "citations, checked or exported."
        ),
        bad="See the appendix for further sources",
        good="Rose, G. (1998). Neoclassical realism and theories of foreign policy. "
        "*World Politics*, *51*(1), 144–172. https://doi.org/10.1017/S0043887100007814",
        source="APA-RL-16",
    )
)
register(
    Rule(
        code="P102",
        name="entry-partially-parsed",
        severity=Severity.WARNING,
        stage=_STAGE,
        summary=(
            "The entry lacks a core element (author, date or title) where the parser looked for "
            "it; matching and export may be wrong."
        ),
        bad="Neoclassical realism and theories of foreign policy. World Politics, 51(1), 144–172.",
        good="Rose, G. (1998). Neoclassical realism and theories of foreign policy. "
        "*World Politics*, *51*(1), 144–172.",
        source="APA-RL-07, APA-RL-08",
    )
)
register(
    Rule(
        code="P103",
        name="not-apa-form",
        severity=Severity.WARNING,
        stage=_STAGE,
        summary=(
            "The entry is written in another style (Chicago-like: year at the end, full given "
            "names, quoted titles, place of publication); the message lists each difference."
        ),
        bad="Waltz, Kenneth N. *Theory of International Politics*. Massachussets: Addison "
        "Wesley Publishing Company, Reading, 1979.",
        good="Waltz, K. N. (1979). *Theory of international politics*. Addison-Wesley.",
        source="APA-RL-07, APA-RL-08",
    )
)
register(
    Rule(
        code="P104",
        name="doi-not-url-form",
        severity=Severity.WARNING,
        stage=_STAGE,
        summary="APA 7 writes a DOI as a link, https://doi.org/10.xxxx/..., not doi:, DOI:, "
        "http://dx.doi.org/ or the link's prefix twice (a reference manager's DOI field holding "
        "a link: https://doi.org/https://doi.org/10.xxxx/...).",
        bad="Wendt, A. (1992). Anarchy is what states make of it. *International Organization*, "
        "*46*(2), 391–425. doi:10.1017/S0020818300027764",
        good="Wendt, A. (1992). Anarchy is what states make of it. *International Organization*, "
        "*46*(2), 391–425. https://doi.org/10.1017/S0020818300027764",
        source="APA-RL-09",
    )
)
register(
    Rule(
        code="P105",
        name="retrieval-date-on-stable-work",
        severity=Severity.INFO,
        stage=_STAGE,
        summary=(
            "A retrieval date is only for works designed to change; journal articles, books, "
            "chapters, theses and dated news stories or statements do not take one."
        ),
        bad="Yüzbaşıoğlu, N. (2020). Başlık. *Anadolu Ajansı*. Retrieved June 24, 2024, from "
        "https://www.aa.com.tr/tr/politika/1908565",
        good="Yüzbaşıoğlu, N. (2020). Başlık. *Anadolu Ajansı*. "
        "https://www.aa.com.tr/tr/politika/1908565",
        source="APA-RL-10",
    )
)
register(
    Rule(
        code="P106",
        name="et-al-in-reference-list",
        severity=Severity.WARNING,
        stage=_STAGE,
        summary=(
            "A reference entry names up to 20 authors; 'et al.' belongs to in-text citations, "
            "never to the reference list."
        ),
        bad="Taliaferro, J. W., et al. (2009). Introduction. In *Neoclassical realism* "
        "(pp. 1–41). Cambridge University Press.",
        good="Taliaferro, J. W., Lobell, S. E., & Ripsman, N. M. (2009). Introduction. In "
        "*Neoclassical realism* (pp. 1–41). Cambridge University Press.",
        source="APA-RL-07",
    )
)
register(
    Rule(
        code="P107",
        name="missing-date",
        severity=Severity.WARNING,
        stage=_STAGE,
        summary="Every entry has a date element: a year, a full date, (n.d.) or (in press).",
        bad="Cornell, S. E. *Azerbaijan since independence*. Routledge.",
        good="Cornell, S. E. (2011). *Azerbaijan since independence*. Routledge.",
        source="APA-RL-08",
    )
)
register(
    Rule(
        code="P108",
        name="period-after-doi-or-url",
        severity=Severity.WARNING,
        stage=_STAGE,
        summary="No period follows a DOI or URL at the end of an entry; it would break the link.",
        bad="Rose, G. (1998). Neoclassical realism. *World Politics*, *51*(1), 144–172. "
        "https://doi.org/10.1017/S0043887100007814.",
        good="Rose, G. (1998). Neoclassical realism. *World Politics*, *51*(1), 144–172. "
        "https://doi.org/10.1017/S0043887100007814",
        source="APA-RL-09",
    )
)
register(
    Rule(
        code="P109",
        name="retrieved-from-phrase",
        severity=Severity.WARNING,
        stage=_STAGE,
        summary="APA 7 drops 'Retrieved from' before a URL; the phrase stays only with a "
        "retrieval date.",
        bad="World Bank. (2021). *Azerbaijan: Country economic memorandum*. Retrieved from "
        "https://openknowledge.worldbank.org/handle/10986/35824",
        good="World Bank. (2021). *Azerbaijan: Country economic memorandum*. "
        "https://openknowledge.worldbank.org/handle/10986/35824",
        source="APA-RL-10",
    )
)
register(
    Rule(
        code="P110",
        name="doi-and-url",
        severity=Severity.INFO,
        stage=_STAGE,
        summary="When a work has a DOI, give only the DOI, not also a URL.",
        bad="Rose, G. (1998). Neoclassical realism. *World Politics*, *51*(1), 144–172. "
        "https://doi.org/10.1017/S0043887100007814 https://www.jstor.org/stable/25054068",
        good="Rose, G. (1998). Neoclassical realism. *World Politics*, *51*(1), 144–172. "
        "https://doi.org/10.1017/S0043887100007814",
        source="APA-RL-09",
    )
)

_STABLE_TYPES = frozenset({"article-journal", "book", "chapter", "thesis", "article-magazine"})
_KIND = {
    "article-journal": "a journal article",
    "article-magazine": "a magazine article",
    "article-newspaper": "a news article",
    "book": "a book",
    "chapter": "a book chapter",
    "thesis": "a thesis",
    "webpage": "a dated web page",
}
_RETRIEVED_FROM = re.compile(
    r"\b(?:Retrieved|Accessed)\s+(?:from|via|at)\b|\bErişim\s+adresi\b", re.IGNORECASE
)


def _finding(ctx: Context, ref: Reference, code: str, msg: str, suggestion: str = "") -> Finding:
    return Finding.make(
        code, msg, ctx.document, ref.span, reference=ref.index, suggestion=suggestion
    )


@check("P101", "P102", "P103")
def parse_outcome(ctx: Context) -> Iterator[Finding]:
    """What the parser could not read, or read as another citation style."""
    for ref in ctx.references:
        if ref.status is ParseStatus.UNPARSED:
            yield _finding(ctx, ref, "P101", f"entry {ref.index} could not be parsed: {ref.reason}")
        elif ref.status is ParseStatus.PARTIAL:
            yield _finding(ctx, ref, "P102", f"entry {ref.index} partially parsed: {ref.reason}")
        if ref.status is not ParseStatus.UNPARSED and not ref.apa_conformant:
            listed = "; ".join(ref.nonconformities)
            yield _finding(ctx, ref, "P103", f"entry {ref.index} is not in APA 7 form: {listed}")


@check("P104", "P108", "P110")
def doi_form(ctx: Context) -> Iterator[Finding]:
    """DOI written as a link, no period after the final link, no URL beside a DOI."""
    for ref in ctx.references:
        if ref.status is ParseStatus.UNPARSED:
            continue
        if ref.doi and (
            not ref.doi_raw.startswith("https://doi.org/") or ref.doi_raw.count("doi.org/") > 1
        ):
            good = f"https://doi.org/{ref.doi}"
            yield _finding(
                ctx,
                ref,
                "P104",
                f"DOI written as {ref.doi_raw!r}; APA 7 uses {good}",
                suggestion=good,
            )
        link = ref.doi_raw or ref.url
        if link:
            tail = ref.raw.rstrip()
            pos = tail.rfind(link)
            if pos >= 0 and tail[pos + len(link) :].strip() == ".":
                yield _finding(
                    ctx,
                    ref,
                    "P108",
                    f"period after the {'DOI' if ref.doi_raw else 'URL'} at the end of the entry",
                    suggestion=tail[:-1].rstrip(),
                )
        if ref.doi and ref.url:
            yield _finding(
                ctx, ref, "P110", f"entry gives both the DOI and a URL ({ref.url}); keep the DOI"
            )


@check("P105", "P109")
def retrieval(ctx: Context) -> Iterator[Finding]:
    """Retrieval dates only on works designed to change; no bare "Retrieved from"."""
    for ref in ctx.references:
        if ref.status is ParseStatus.UNPARSED:
            continue
        dated = ref.date is not None and ref.date.day is not None
        stable = (
            ref.type in _STABLE_TYPES
            or (ref.type == "article-newspaper" and ref.year is not None)
            or (ref.type == "webpage" and dated)  # a dated story or statement, not a live page
        )
        if ref.accessed is not None and stable:
            yield _finding(
                ctx,
                ref,
                "P105",
                f"retrieval date on {_KIND.get(ref.type, 'a stable work')}, which is not designed "
                "to change; drop 'Retrieved <date>, from'",
            )
        if ref.accessed is None and _RETRIEVED_FROM.search(ref.raw):
            yield _finding(ctx, ref, "P109", "'Retrieved from' before the URL; APA 7 drops it")


@check("P106", "P107")
def authors_and_date(ctx: Context) -> Iterator[Finding]:
    """No "et al." in the list; a date element in every entry."""
    for ref in ctx.references:
        if ref.status is ParseStatus.UNPARSED:
            continue
        if ref.et_al:
            yield _finding(
                ctx, ref, "P106", "'et al.' in a reference entry; list the authors (up to 20)"
            )
        if ref.year is None and not ref.no_date and not ref.in_press:
            yield _finding(ctx, ref, "P107", "no date: give the year, (n.d.) or (in press)")
