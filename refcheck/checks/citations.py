"""Citation rules: in-text form (C201–C206) and citation ↔ list cross-checks (X3xx).

The language and location rules (C207–C209) live in ``refcheck.checks.citation_style``, the
reference-list rules (L4xx) in ``refcheck.checks.reference_list``; both use the helpers here.
Every message names both sides: the citation as written and the entry as ``Surname (year)``.
Citation findings sit on the citation's span, entry-only findings on the entry's span.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence

from rapidfuzz import fuzz

from refcheck.cite.grammar import (
    NARRATIVE_AND,
    et_al_language,
)
from refcheck.findings import Finding, Rule, Severity, register
from refcheck.labels import is_web_source_key
from refcheck.match import (
    NameRelation,
    compare_names,
    entry_author_names,
    fold,
    misread_authors,
    name_variants,
    split_initials,
)
from refcheck.model import Citation, Link, Organization, Person, Reference
from refcheck.rules import Context, check

_APA_XCHECK = "APA 7 §8.10–8.12; see apa7-rules.md APA-X-01..X-04"
# A remark that starts a new alphabetical run inside one parenthesis ("see also", "bkz.", "см.")
_NEW_RUN = re.compile(r"\b(?:see|cf|also|bkz|bk|bakınız|krş|bax|müq)\b|см\.|ср\.|также", re.I)


def _rule(*args: str | Severity) -> None:
    code, name, sev, stage, summary, bad, good, *rest = args
    assert isinstance(sev, Severity)
    register(
        Rule(
            str(code),
            str(name),
            sev,
            str(stage),
            str(summary),
            str(bad),
            str(good),
            str(rest[0]) if rest else "",
        )
    )


_rule(
    "C201",
    "et-al-misspelt",
    Severity.WARNING,
    "cite",
    '"et al." is written with a period after "al" only; "et. al" and "et al" are errors.',
    "(Taliaferro et. al, 2009)",
    "(Taliaferro et al., 2009)",
    "APA 7 §8.17 (APA-IT-04)",
)
_rule(
    "C202",
    "ampersand-or-and",
    Severity.WARNING,
    "cite",
    'Use "&" between names inside parentheses and "and" in running text.',
    "Smith & Jones (2020) argue ... (Smith and Jones, 2020)",
    "Smith and Jones (2020) argue ... (Smith & Jones, 2020)",
    "APA 7 §8.17 (APA-IT-02)",
)
_rule(
    "C203",
    "colon-locator",
    Severity.WARNING,
    "cite",
    'A page locator is written "p. 146" or "pp. 29–30" after a comma, not after a colon.',
    "(Rose, 1998: 146)",
    "(Rose, 1998, p. 146)",
    "APA 7 §8.13 (APA-IT-03)",
)
_rule(
    "C204",
    "parenthetical-not-alphabetical",
    Severity.WARNING,
    "cite",
    "Works cited together in one parenthesis are ordered as in the reference list.",
    "(Zakaria, 1999; Rose, 1998)",
    "(Rose, 1998; Zakaria, 1999)",
    "APA 7 §8.12 (APA-IT-06)",
)
_rule(
    "C205",
    "quotation-without-locator",
    Severity.INFO,
    "cite",
    "A direct quotation needs a page, paragraph or section locator (heuristic: a closing "
    "quotation mark right before the citation).",
    '"...will no longer exist" (Kucera, 2019).',
    '"...will no longer exist" (Kucera, 2019, para. 3).',
    "APA 7 §8.25 (APA-IT-05)",
)
_rule(
    "C206",
    "non-apa-punctuation",
    Severity.WARNING,
    "cite",
    "A parenthetical citation separates the author from the year with a comma.",
    "(Rose 1998)",
    "(Rose, 1998)",
    "APA 7 §8.11 (APA-IT-03)",
)
_rule(
    "C210",
    "citation-without-year",
    Severity.WARNING,
    "cite",
    "Every author-date citation gives the year, a repeated one too: a citation of names and a "
    "page only (a listed author's work cited again) is linked to that author's entry (the one "
    "cited last when the author has several) and gets its year back.",
    "(Bıyıklı, s. 63)",
    "(Bıyıklı, 2021, s. 63)",
    "APA 7 §8.10, §8.11 (APA-IT-03)",
)
_rule(
    "X301",
    "citation-without-entry",
    Severity.ERROR,
    "match",
    "Every work cited in the text has an entry in the reference list.",
    "Carl von Clausewitz (1832) stated ... [no Clausewitz entry]",
    "Clausewitz (1832/1976) stated ... [Clausewitz, C. von. (1976). On war ...]",
    _APA_XCHECK,
)
_rule(
    "X302",
    "entry-not-cited",
    Severity.WARNING,
    "match",
    "Every reference-list entry is cited somewhere in the text.",
    "Ministry of Foreign Affairs ... (2023) listed but never cited",
    "the entry is cited, e.g. (Ministry of Foreign Affairs ..., 2023), or removed",
    _APA_XCHECK,
)
_rule(
    "X303",
    "year-mismatch",
    Severity.ERROR,
    "match",
    "The year in the citation is the year of the entry it refers to.",
    "(Rose, 1999) with entry Rose, G. (1998)",
    "(Rose, 1998) with entry Rose, G. (1998)",
    _APA_XCHECK,
)
_rule(
    "X304",
    "year-suffix-mismatch",
    Severity.WARNING,
    "match",
    "Same-author same-year works carry the same letter (2020a, 2020b) in text and list.",
    "(President of Azerbaijan Republic, 2020) with entries 2020 and 2020b",
    "(President of Azerbaijan Republic, 2020a) with entries 2020a and 2020b",
    _APA_XCHECK,
)
_rule(
    "X305",
    "author-spelling-mismatch",
    Severity.WARNING,
    "match",
    "The cited surname is spelt as in the entry (diacritic-only differences are info).",
    "(Taliafero, 2009) with entry Taliaferro, J. W.",
    "(Taliaferro, 2009) with entry Taliaferro, J. W.",
    _APA_XCHECK,
)
_rule(
    "X306",
    "author-order-or-count-mismatch",
    Severity.WARNING,
    "match",
    "A citation names the entry's authors in the entry's order: both names of a two-author "
    "work, and no missing or extra co-author.",
    "(Memmedov, 2023) with entry Memmedov, A., & Hasanoğlu, M. (2023)",
    "(Memmedov & Hasanoğlu, 2023)",
    "APA 7 §8.17 (APA-X-02, APA-X-03)",
)
_rule(
    "X307",
    "et-al-for-fewer-than-three-authors",
    Severity.WARNING,
    "match",
    '"et al." stands for three or more authors; one- and two-author works are named in full.',
    "(Yüzbaşıoğlu et al., 2020) with a two-author entry",
    "(Yüzbaşıoğlu & Çam, 2020)",
    "APA 7 §8.17 (APA-X-03)",
)
_rule(
    "X308",
    "ambiguous-citation",
    Severity.WARNING,
    "match",
    "A citation fits several entries equally well; add letters or names to tell them apart.",
    "(Rehimov, 2020) with two Rehimov (2020) entries",
    "(Rehimov, 2020a) with entries Rehimov (2020a) and (2020b)",
    "APA 7 §8.19 (APA-X-04/05)",
)
# ------------------------------------------------------------------------------------ helpers


def _label(ref: Reference) -> str:
    """``Surname (year)`` for messages."""
    names = entry_author_names(ref)
    if not names:
        head = ref.title[:60] or ref.raw[:60]
    elif len(names) == 1:
        head = names[0]
    elif len(names) == 2:
        head = f"{names[0]} & {names[1]}"
    else:
        head = f"{names[0]} et al."
    return f"{head} ({ref.year_label})"


def _cite_label(c: Citation) -> str:
    return f"({c.text})" if c.kind == "parenthetical" else c.text


def _refs_by_index(refs: Sequence[Reference]) -> dict[int, Reference]:
    return {r.index: r for r in refs}


def _pairs(ctx: Context) -> Iterator[tuple[Citation, Link, Reference | None]]:
    by_idx = _refs_by_index(ctx.references)
    links = {lk.citation: lk for lk in ctx.links}
    for c in ctx.citations:
        lk = links.get(c.index)
        if lk is None:
            continue
        yield c, lk, (by_idx.get(lk.reference) if lk.reference is not None else None)


def _linked(ctx: Context) -> dict[int, Reference]:
    """Citation index → the entry it is linked to (C2xx findings name it too)."""
    by_idx = _refs_by_index(ctx.references)
    return {
        lk.citation: by_idx[lk.reference]
        for lk in ctx.links
        if lk.reference is not None and lk.reference in by_idx
    }


def _cfind(
    code: str,
    ctx: Context,
    c: Citation,
    msg: str,
    ref: Reference | None = None,
    *,
    suggestion: str = "",
    severity: Severity | None = None,
) -> Finding:
    return Finding.make(
        code,
        msg,
        ctx.document,
        c.span,
        reference=ref.index if ref else None,
        citation=c.text,
        suggestion=suggestion,
        severity=severity,
    )


def _efind(code: str, ctx: Context, ref: Reference, msg: str, suggestion: str = "") -> Finding:
    return Finding.make(
        code, msg, ctx.document, ref.span, reference=ref.index, suggestion=suggestion
    )


# ------------------------------------------------------------------------------------ C2xx


@check("C201")
def et_al_form(ctx: Context) -> Iterator[Finding]:
    linked = _linked(ctx)
    for c in ctx.citations:
        if c.et_al and c.et_al_form != "et al." and et_al_language(c.et_al_form) == "en":
            yield _cfind(
                "C201",
                ctx,
                c,
                f'{_cite_label(c)}: "{c.et_al_form}" should be "et al."',
                linked.get(c.index),
                suggestion=c.text.replace(c.et_al_form, "et al."),
            )


@check("C202")
def ampersand(ctx: Context) -> Iterator[Finding]:
    linked = _linked(ctx)
    word = NARRATIVE_AND.get(ctx.options.language, "and")
    for c in ctx.citations:
        if c.kind == "parenthetical" and c.connector == "and":
            yield _cfind(
                "C202",
                ctx,
                c,
                f'{_cite_label(c)}: use "&" between names inside parentheses',
                linked.get(c.index),
                suggestion=re.sub(r"\s+and\s+", " & ", c.text, count=1),
            )
        elif c.kind == "narrative" and c.connector == "&":
            yield _cfind(
                "C202",
                ctx,
                c,
                f'{c.text}: use "{word}" between names in running text',
                linked.get(c.index),
                suggestion=re.sub(r"\s*&\s*", f" {word} ", c.text, count=1),
            )


def fix_colon_locator(c: Citation) -> str:
    """The citation with its colon locator rewritten the APA way (p./pp., en dash)."""
    loc = re.sub(r"\s?[-–—]\s?", "–", c.locator)
    page = f"pp. {loc}" if ("–" in loc or "," in loc) else f"p. {loc}"
    text = c.text
    if c.et_al and c.et_al_form != "et al.":
        text = text.replace(c.et_al_form, "et al.", 1)
    idx = text.rfind(":")
    if idx < 0:
        return text
    return text[:idx].rstrip() + ", " + page + text[idx + 1 :].replace(c.locator, "", 1).strip()


@check("C203")
def colon_locator(ctx: Context) -> Iterator[Finding]:
    linked = _linked(ctx)
    for c in ctx.citations:
        if c.locator_style == "colon" and c.kind != "numbered":
            fixed = fix_colon_locator(c)
            shown = f"({fixed})" if c.kind == "parenthetical" else fixed
            yield _cfind(
                "C203",
                ctx,
                c,
                f"{_cite_label(c)}: colon locator; APA writes {shown}",
                linked.get(c.index),
                suggestion=shown,
            )


def _first_key(c: Citation) -> str:
    return fold(c.authors[0]) if c.authors else ""


def _year_order(c: Citation) -> tuple[int, int, str]:
    if c.no_date:
        return (0, 0, c.year_suffix)
    if c.in_press:
        return (2, 0, c.year_suffix)
    return (1, c.year or 0, c.year_suffix)


@check("C204")
def parenthetical_order(ctx: Context) -> Iterator[Finding]:
    linked = _linked(ctx)
    groups: dict[int, list[Citation]] = defaultdict(list)
    for c in ctx.citations:
        if c.kind == "parenthetical" and not c.secondary:
            groups[c.group].append(c)
    for items in groups.values():
        items.sort(key=lambda c: c.group_position)
        for prev, cur in itertools.pairwise(items):
            if _NEW_RUN.search(cur.prefix):
                continue  # a "see also" phrase starts a new run
            if not prev.authors or not cur.authors:
                continue  # an unknown \cite key has no name to order by
            pk, ck = (
                (_first_key(prev), tuple(fold(a) for a in prev.authors)),
                (_first_key(cur), tuple(fold(a) for a in cur.authors)),
            )
            out_of_order = ck[1] < pk[1] if ck[1] != pk[1] else _year_order(cur) < _year_order(prev)
            if out_of_order:
                yield _cfind(
                    "C204",
                    ctx,
                    cur,
                    f"({prev.text}; {cur.text}): works in one parenthesis go in "
                    f"reference-list order; {cur.text} belongs before {prev.text}",
                    linked.get(cur.index),
                )


@check("C205")
def quotation_locator(ctx: Context) -> Iterator[Finding]:
    linked = _linked(ctx)
    groups: dict[int, list[Citation]] = defaultdict(list)
    for c in ctx.citations:
        if c.kind == "parenthetical":
            groups[c.group].append(c)
    for items in groups.values():
        if items[0].after_quote and not any(c.locator for c in items):
            c = min(items, key=lambda x: x.group_position)
            yield _cfind(
                "C205",
                ctx,
                c,
                f"{_cite_label(c)} follows a direct quotation but gives no page, "
                "paragraph or section locator",
                linked.get(c.index),
            )


@check("C206")
def missing_comma(ctx: Context) -> Iterator[Finding]:
    linked = _linked(ctx)
    for c in ctx.citations:
        if c.kind != "parenthetical" or not c.year_text:
            continue
        idx = c.text.find(c.year_text)
        before = c.text[:idx].rstrip()
        if (
            idx > 0
            and before
            and not before.endswith((",", "]"))
            and (before[-1].isalpha() or before.endswith("."))
        ):
            fixed = before + ", " + c.text[idx:]
            yield _cfind(
                "C206",
                ctx,
                c,
                f"{_cite_label(c)}: a comma goes between the author and the year",
                linked.get(c.index),
                suggestion=f"({fixed})",
            )


# ------------------------------------------------------------------------------------ X3xx


def _letter_plan(refs: Sequence[Reference]) -> dict[int, str]:
    """Entry index → letter it should carry, for entries of a same-author same-year group that
    lack one. Minimal change: the lowest letters not yet used, in list order."""
    plan: dict[int, str] = {}
    for group in _same_author_year_groups(refs):
        if len(group) < 2:
            continue
        used = {r.year_suffix for r in group if r.year_suffix}
        free = (ch for ch in "abcdefghijklmnopqrstuvwxyz" if ch not in used)
        for r in group:
            if not r.year_suffix:
                plan[r.index] = next(free, "")
    return plan


def _author_tuple(ref: Reference) -> tuple[str, ...]:
    """Who the entry is by: surnames plus first initials (two Smiths are different authors)."""
    if ref.authors:
        out = []
        for a in ref.authors:
            if isinstance(a, Person):
                out.append(fold(f"{a.particle}{a.family}") + ":" + fold(a.given[:1]))
            else:
                out.append(fold(a.name.lower().removeprefix("the ")))
        return tuple(out)
    return (fold(ref.raw[:40]),)


def _same_author_year_groups(refs: Sequence[Reference]) -> list[list[Reference]]:
    groups: dict[tuple[object, ...], list[Reference]] = defaultdict(list)
    for r in refs:
        if r.year is None and not (r.no_date or r.in_press):
            continue
        groups[(_author_tuple(r), r.year, r.no_date, r.in_press)].append(r)
    return list(groups.values())


# between two items of an enumeration: a comma or "and", maybe a word of the next name
_JOINER = re.compile(
    r"\s*[,;]?\s*(?:(?:and|ve|və|и|ile|&)\s+)?(?:[A-ZÀ-ÞА-ЯЁĞŞİÇÖÜƏ][^\W\d_]{0,20}\s+){0,2}"
)


def _enumerations(ctx: Context) -> set[int]:
    """``Filipinler (1986), Moğolistan (1990), Tayland ve Tayvan (1992)``: three or more
    narrative "citations" in a row, joined by commas or "and", none of them near any entry, are
    dates of events or places, not works; X301 stays quiet on them."""
    text = ctx.document.text
    links = {lk.citation: lk for lk in ctx.links}
    out: set[int] = set()
    run: list[int] = []
    prev: Citation | None = None
    for c in ctx.citations:
        lk = links.get(c.index)
        lone = c.kind == "narrative" and lk is not None and lk.reference is None
        lone = lone and lk is not None and not lk.candidates and not c.et_al
        if (
            lone
            and prev is not None
            and (prev.span == c.span or _JOINER.fullmatch(text, prev.span.end, c.span.start))
        ):
            run.append(c.index)
        else:
            if len(run) >= 3:
                out.update(run)
            run = [c.index] if lone else []
        prev = c if lone else None
    if len(run) >= 3:
        out.update(run)
    return out


# a numbered linguistic example: "(4) Der neue Name … gegriffen. (Rhein-Zeitung, 04.11.2019)"
_EXAMPLE_LINE = re.compile(r"[ \t]*\(\d{1,3}[a-zа-я]?\)[ \t]")


def _example_source(text: str, c: Citation) -> bool:
    """Whether ``c`` tags the source of a numbered example (the corpus a sentence was taken
    from, as linguistics articles print them): it closes a line that opens with ``(4)``."""
    line_start = text.rfind("\n", 0, c.span.start) + 1
    line_end = text.find("\n", c.span.end)
    rest = text[c.span.end : line_end if line_end >= 0 else len(text)]
    return _EXAMPLE_LINE.match(text, line_start) is not None and not rest.strip(" .)]")


@check("X301")
def citation_without_entry(ctx: Context) -> Iterator[Finding]:
    by_idx = _refs_by_index(ctx.references)
    listed_dates = _enumerations(ctx)
    text = ctx.document.text
    for c, lk, _ in _pairs(ctx):
        if lk.reference is not None or c.index in listed_dates:
            continue
        if not lk.candidates and _example_source(text, c):
            continue  # a corpus example's source, not a cited work
        suggestion = ""
        if is_web_source_key(c.key):
            msg = f"({c.text}): no entry labelled {c.key} in the reference list"
        elif c.key:
            msg = f"\\cite key '{c.key}' has no entry in the .bib or thebibliography list"
        elif c.kind == "numbered":
            msg = (
                f"[{c.text}]: no entry {c.number} in a list of "
                f"{len(ctx.references)} entr{'y' if len(ctx.references) == 1 else 'ies'}"
            )
        elif c.ibid:
            msg = f"({c.text}) follows no citation it could repeat"
        else:
            msg = (
                f"{_cite_label(c)}: no entry for {c.authors[0] if c.authors else '?'} "
                f"({c.year_text}) in the reference list"
            )
            near = by_idx.get(lk.candidates[0]) if lk.candidates else None
            if near is not None:
                msg += f"; did you mean {_label(near)}?"
                suggestion = _as_cited(c, near)
        yield _cfind("X301", ctx, c, msg, suggestion=suggestion)


def _as_cited(c: Citation, ref: Reference) -> str:
    """How ``c`` would cite ``ref`` (the near miss an X301 message offers)."""
    names = entry_author_names(ref)
    if not names:
        who = f"“{ref.title[:60]}”" if ref.title else ref.raw[:40]
    elif len(names) >= 3:
        who = f"{names[0]} et al."
    elif len(names) == 2:
        joiner = "&" if c.kind == "parenthetical" else "and"
        who = f"{names[0]} {joiner} {names[1]}"
    else:
        who = names[0]
    year = ref.year_label
    return f"({who}, {year})" if c.kind == "parenthetical" else f"{who} ({year})"


@check("X302")
def entry_not_cited(ctx: Context) -> Iterator[Finding]:
    cited = {lk.reference for lk in ctx.links if lk.reference is not None}
    cited |= {i for lk in ctx.links for i in lk.also}  # a repeated entry: R-rules report it
    # an entry an ambiguous citation may mean (X308 says which) is not known to be uncited
    cited |= {i for lk in ctx.links if lk.reference is not None and lk.method != "author-only"
              for i in lk.candidates}  # fmt: skip
    for r in ctx.references:
        if r.index not in cited:
            yield _efind("X302", ctx, r, f"entry {_label(r)} is never cited in the text")


@check("C210")
def citation_without_year(ctx: Context) -> Iterator[Finding]:
    by_idx = _refs_by_index(ctx.references)
    for c, lk, ref in _pairs(ctx):
        if not c.no_year or ref is None:
            continue
        names = c.text[: c.text.find(c.locator)].rstrip(" ,") if c.locator else c.text
        fixed = f"({names}, {ref.year_label}, {c.locator})" if c.locator else ""
        msg = f"({c.text}) gives no year; the entry it repeats is {_label(ref)}"
        others = ", ".join(_label(by_idx[i]) for i in lk.candidates if i in by_idx)
        if others:
            msg += f" (the author's entry cited last; also listed: {others})"
        yield _cfind("C210", ctx, c, msg, ref, suggestion=fixed)


@check("X303", "X304", "X308")
def year_checks(ctx: Context) -> Iterator[Finding]:
    plan = _letter_plan(ctx.references)
    by_idx = _refs_by_index(ctx.references)
    for c, lk, ref in _pairs(ctx):
        if ref is None or c.no_year:
            continue  # a citation without a year is C210's to report
        others = ", ".join(_label(by_idx[i]) for i in lk.candidates if i in by_idx)
        same_year = (
            (c.year is not None and c.year == ref.year)
            or (c.no_date and ref.no_date)
            or (c.in_press and ref.in_press)
        )
        if lk.method == "author-only" and not same_year:
            if ref.year is None and not (ref.no_date or ref.in_press):
                msg = f"{_cite_label(c)} cites {_label(ref)}, whose entry gives no year"
            else:
                msg = f"{_cite_label(c)} has year {c.year_text} but the entry is {_label(ref)}"
            if others:
                msg += f" (other entries of this author: {others})"
            yield _cfind("X303", ctx, c, msg, ref, suggestion=ref.year_label)
            continue
        if lk.method == "author-only":  # same year, letter differs
            want = ref.year_suffix or plan.get(ref.index, "")
            msg = f"{_cite_label(c)} has {c.year_text} but the entry is {_label(ref)}"
            if others:
                msg += f"; entries of this author and year: {others}"
            yield _cfind("X304", ctx, c, msg, ref, suggestion=_with_suffix(c, ref, want))
            continue
        if not c.year_suffix and ref.index in plan and plan[ref.index]:
            want = plan[ref.index]
            yield _cfind(
                "X304",
                ctx,
                c,
                f"{_cite_label(c)} cites {_label(ref)}, one of several entries of this "
                f"author and year: entry and citation need the letter "
                f"{_year_text(ref)}{want}",
                ref,
                suggestion=_with_suffix(c, ref, want),
            )
            continue
        if lk.candidates:
            yield _cfind(
                "X308", ctx, c, f"{_cite_label(c)} fits {_label(ref)} and also {others}", ref
            )


def _year_text(ref: Reference) -> str:
    if ref.in_press:
        return "in press-"
    if ref.no_date or ref.year is None:
        return "n.d.-"
    return str(ref.year)


def _with_suffix(c: Citation, ref: Reference, letter: str) -> str:
    new = f"{_year_text(ref)}{letter}"
    return c.text.replace(c.year_text, new, 1) if c.year_text else c.text


@check("X305")
def author_spelling(ctx: Context) -> Iterator[Finding]:
    for c, lk, ref in _pairs(ctx):
        if ref is None or lk.method == "abbreviation" or misread_authors(ref):
            continue  # a list the parser read as one agent has no names to compare with
        names = entry_author_names(ref)
        for cited_as_written, listed in zip(_cited_names(c, lk), names, strict=False):
            cited = split_initials(cited_as_written)[1]
            if (
                isinstance(ref.lead_agents[0], Organization)
                and c.kind == "narrative"
                and fold(listed) in fold(cited)
                and fold(listed) != fold(cited)
            ):
                continue  # sentence words before a narrative group name
            rel = compare_names(cited, listed)
            if rel == NameRelation.FOLDED:
                yield _cfind(
                    "X305",
                    ctx,
                    c,
                    f'{_cite_label(c)}: "{cited}" is spelt "{listed}" in the entry {_label(ref)}',
                    ref,
                    suggestion=listed,
                    severity=Severity.INFO,
                )
            elif rel in (NameRelation.FUZZY, NameRelation.DIFFERENT) and _close(cited, listed):
                yield _cfind(
                    "X305",
                    ctx,
                    c,
                    f'{_cite_label(c)}: "{cited}" does not match "{listed}" of the '
                    f"entry {_label(ref)}",
                    ref,
                    suggestion=listed,
                )


def _close(a: str, b: str) -> bool:
    return fuzz.ratio(fold(a), fold(b)) >= 70


def _person_count(ref: Reference) -> int:
    return len(ref.lead_agents)


def _cited_names(c: Citation, lk: Link) -> tuple[str, ...]:
    """The cited names the link stands on: a chapter's book, or without a leading word that is
    no author ("RAND, Weller and Singh"); none for titles, numbers and ibid."""
    if c.by_title or c.ibid or c.kind == "numbered":
        return ()
    if lk.method == "book":
        return c.book_authors
    return c.authors[lk.skipped :]


def _run_together(cited: Sequence[str], listed: Sequence[str]) -> bool:
    """``(Quinn Ortega Lyle, 2012)``: one cited "name" made of the entry's surnames."""
    return len(cited) == 1 and len(listed) > 1 and fold(cited[0]) == fold("".join(listed))


def author_count_message(c: Citation, names: Sequence[str], ref: Reference) -> str:
    """Why the names cited do not fit the entry's, in the words an editor would use."""
    n_entry = len(ref.authors)
    listed = entry_author_names(ref)
    if _run_together(names, listed):
        joined = ", ".join(listed[:-1]) + (", & " if c.kind == "parenthetical" else ", and ")
        return f"the names run together without commas: write {joined}{listed[-1]}"
    keys = name_variants(names[0]) if names else frozenset()
    later = [k for k, n in enumerate(listed[1:], 2) if name_variants(n) & keys]
    if later:
        return (
            f"{names[0]} is author {later[0]} of the entry, not its first; cite {_as_cited(c, ref)}"
        )
    if n_entry >= 3 and len(names) == 1:
        return "a work of three or more authors is cited as first author et al."
    return f"{len(names)} name{'s' if len(names) != 1 else ''} cited, {n_entry} in the entry"


@check("X306", "X307")
def author_count(ctx: Context) -> Iterator[Finding]:
    for c, lk, ref in _pairs(ctx):
        names = _cited_names(c, lk)
        if ref is None or not ref.authors or not names or misread_authors(ref):
            continue  # the parser read the list as one agent: its count is unknown
        n_entry = _person_count(ref)
        if c.et_al:
            if n_entry < 3 and not ref.et_al:
                yield _cfind(
                    "X307",
                    ctx,
                    c,
                    f'{_cite_label(c)}: "et al." for {_label(ref)}, which has '
                    f"{n_entry} author{'s' if n_entry != 1 else ''}; name "
                    f"{'both' if n_entry == 2 else 'the author'}",
                    ref,
                )
            continue
        if isinstance(ref.lead_agents[0], Organization) and n_entry == 1:
            continue
        cited = [fold(a) for a in names]
        listed = [fold(n) for n in entry_author_names(ref)]
        if len(cited) != n_entry and not (ref.et_al and len(cited) >= n_entry):
            what = author_count_message(c, names, ref)
            yield _cfind("X306", ctx, c, f"{_cite_label(c)} cites {_label(ref)}: {what}", ref)
        elif len(cited) == len(listed) and sorted(cited) == sorted(listed) and cited != listed:
            yield _cfind(
                "X306",
                ctx,
                c,
                f"{_cite_label(c)}: names in a different order from the entry {_label(ref)}",
                ref,
            )


_MOVED = frozenset({"list_order", "year_letters", "duplicates"})


def __getattr__(name: str) -> object:
    """The L4xx checks moved to ``refcheck.checks.reference_list``; old imports still work."""
    if name in _MOVED:
        from refcheck.checks import reference_list

        return getattr(reference_list, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
