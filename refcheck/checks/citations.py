"""Citation rules: in-text form (C2xx), citation ↔ list cross-checks (X3xx), list order (L4xx).

Every message names both sides: the citation as written and the entry as ``Surname (year)``.
Citation findings sit on the citation's span, entry-only findings on the entry's span.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from rapidfuzz import fuzz

from refcheck.findings import Finding, Rule, Severity, register
from refcheck.match import NameRelation, compare_names, entry_author_names, fold, split_initials
from refcheck.model import Citation, Link, Organization, Person, Reference
from refcheck.rules import Context, check

_APA_XCHECK = "APA 7 §8.10–8.12; see apa7-rules.md APA-X-01..X-04"


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
_rule(
    "L401",
    "list-not-alphabetical",
    Severity.WARNING,
    "rules",
    'The reference list is alphabetical letter by letter by first author ("The" ignored, '
    "Cyrillic by its romanised form); each finding names an entry and the one it follows.",
    "Zakaria, F. (1999) ... then Xalq Cəbhəsi Qəzeti (2021)",
    "Xalq Cəbhəsi Qəzeti (2021) ... then Zakaria, F. (1999)",
    "APA 7 §9.44 (APA-RL-01/02/06)",
)
_rule(
    "L402",
    "same-author-same-year-needs-letters",
    Severity.WARNING,
    "rules",
    "Every entry of a same-author same-year group carries a letter (a, b, c by title order).",
    "President of Azerbaijan Republic. (2020) ... (2020b) ...",
    "President of Azerbaijan Republic. (2020a) ... (2020b) ...",
    "APA 7 §9.47 (APA-X-04)",
)
_rule(
    "L403",
    "year-letter-gap",
    Severity.WARNING,
    "rules",
    "Year letters run a, b, c without gaps; 2020b needs a 2020a.",
    "Rehimov, R. (2020b) with no 2020a",
    "Rehimov, R. (2020a) or Rehimov, R. (2020)",
    "APA 7 §9.47 (APA-X-04)",
)
_rule(
    "L404",
    "duplicate-entry",
    Severity.WARNING,
    "rules",
    "The same work is listed twice (same DOI, or same first author, year and title).",
    "Rose, G. (1998). Neoclassical realism ... listed twice",
    "one entry for the work",
    "APA-RL-13",
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
    for c in ctx.citations:
        if c.et_al and c.et_al_form != "et al.":
            yield _cfind(
                "C201",
                ctx,
                c,
                f'{_cite_label(c)}: "{c.et_al_form}" should be "et al."',
                suggestion=c.text.replace(c.et_al_form, "et al."),
            )


@check("C202")
def ampersand(ctx: Context) -> Iterator[Finding]:
    for c in ctx.citations:
        if c.kind == "parenthetical" and c.connector == "and":
            yield _cfind(
                "C202",
                ctx,
                c,
                f'{_cite_label(c)}: use "&" between names inside parentheses',
                suggestion=re.sub(r"\s+and\s+", " & ", c.text, count=1),
            )
        elif c.kind == "narrative" and c.connector == "&":
            yield _cfind(
                "C202",
                ctx,
                c,
                f'{c.text}: use "and" between names in running text',
                suggestion=re.sub(r"\s*&\s*", " and ", c.text, count=1),
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
    for c in ctx.citations:
        if c.locator_style == "colon":
            fixed = fix_colon_locator(c)
            shown = f"({fixed})" if c.kind == "parenthetical" else fixed
            yield _cfind(
                "C203",
                ctx,
                c,
                f"{_cite_label(c)}: colon locator; APA writes {shown}",
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
    groups: dict[int, list[Citation]] = defaultdict(list)
    for c in ctx.citations:
        if c.kind == "parenthetical" and not c.secondary:
            groups[c.group].append(c)
    for items in groups.values():
        items.sort(key=lambda c: c.group_position)
        for prev, cur in itertools.pairwise(items):
            if cur.prefix.lower().startswith(("see", "cf")):
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
                )


@check("C205")
def quotation_locator(ctx: Context) -> Iterator[Finding]:
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
            )


@check("C206")
def missing_comma(ctx: Context) -> Iterator[Finding]:
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


@check("X301")
def citation_without_entry(ctx: Context) -> Iterator[Finding]:
    for c, lk, _ in _pairs(ctx):
        if lk.reference is None:
            if c.key:
                msg = f"\\cite key '{c.key}' has no entry in the .bib or thebibliography list"
            else:
                msg = (
                    f"{_cite_label(c)}: no entry for {c.authors[0] if c.authors else '?'} "
                    f"({c.year_text}) in the reference list"
                )
            yield _cfind("X301", ctx, c, msg)


@check("X302")
def entry_not_cited(ctx: Context) -> Iterator[Finding]:
    cited = {lk.reference for lk in ctx.links if lk.reference is not None}
    for r in ctx.references:
        if r.index not in cited:
            yield _efind("X302", ctx, r, f"entry {_label(r)} is never cited in the text")


@check("X303", "X304", "X308")
def year_checks(ctx: Context) -> Iterator[Finding]:
    plan = _letter_plan(ctx.references)
    by_idx = _refs_by_index(ctx.references)
    for c, lk, ref in _pairs(ctx):
        if ref is None:
            continue
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
        if ref is None or lk.method == "abbreviation":
            continue
        names = entry_author_names(ref)
        for cited_as_written, listed in zip(c.authors, names, strict=False):
            cited = split_initials(cited_as_written)[1]
            if (
                isinstance(ref.authors[0], Organization)
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
    return len(ref.authors)


@check("X306", "X307")
def author_count(ctx: Context) -> Iterator[Finding]:
    for c, _lk, ref in _pairs(ctx):
        if ref is None or not ref.authors or not c.authors:
            continue
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
        if isinstance(ref.authors[0], Organization) and n_entry == 1:
            continue
        cited = [fold(a) for a in c.authors]
        listed = [fold(n) for n in entry_author_names(ref)]
        if len(cited) != n_entry and not (ref.et_al and len(cited) >= n_entry):
            if n_entry >= 3 and len(cited) == 1:
                what = "a work of three or more authors is cited as first author et al."
            else:
                what = (
                    f"{len(cited)} name{'s' if len(cited) != 1 else ''} cited, "
                    f"{n_entry} in the entry"
                )
            yield _cfind("X306", ctx, c, f"{_cite_label(c)} cites {_label(ref)}: {what}", ref)
        elif len(cited) == len(listed) and sorted(cited) == sorted(listed) and cited != listed:
            yield _cfind(
                "X306",
                ctx,
                c,
                f"{_cite_label(c)}: names in a different order from the entry {_label(ref)}",
                ref,
            )


# ------------------------------------------------------------------------------------ L4xx


def _sort_key(ref: Reference) -> str:
    if ref.norm is not None and ref.norm.sort_key:
        return ref.norm.sort_key
    from refcheck.normalise import collation_key

    names = entry_author_names(ref)
    head = (
        "\x02".join(collation_key(n[4:] if n.lower().startswith("the ") else n) for n in names)
        if names
        else collation_key(ref.title or ref.raw[:60])
    )
    year = (
        "0000"
        if ref.no_date or ref.year is None
        else ("9999" if ref.in_press else f"{ref.year:04d}")
    )
    return f"{head}\x03{year}{ref.year_suffix}"


def _author_ordered(ctx: Context) -> list[Reference]:
    """Entries whose order and year letters the author wrote: not those read from a .bib file,
    which the bibliography style sorts and letters itself."""
    return [r for r in ctx.references if ctx.document.where(r.span.start)[0] is None]


@check("L401")
def list_order(ctx: Context) -> Iterator[Finding]:
    refs = _author_ordered(ctx)
    keys = [_sort_key(r) for r in refs]
    # Running maxima of the keys seen so far (strictly increasing) and where each occurred: the
    # first earlier entry that sorts after entry i is always one of them, so bisect finds it
    # in O(log n) instead of rescanning the prefix (a reversed list would be quadratic).
    max_keys = keys[:1]
    max_pos = [0]
    for i in range(1, len(refs)):
        if keys[i] < keys[i - 1]:
            prev, cur = refs[i - 1], refs[i]
            # where it belongs: before the first earlier entry that sorts after it
            target = refs[max_pos[bisect.bisect_right(max_keys, keys[i])]]
            yield _efind(
                "L401",
                ctx,
                cur,
                f"entry {_label(cur)} is out of alphabetical order: it follows {_label(prev)}",
                suggestion=f"move it before {_label(target)}",
            )
        if keys[i] > max_keys[-1]:
            max_keys.append(keys[i])
            max_pos.append(i)


def _title_key(ref: Reference) -> str:
    t = (ref.title or ref.raw).lower()
    for art in ("the ", "a ", "an "):
        if t.startswith(art):
            t = t[len(art) :]
    return fold(t)


_MAX_LISTED = 6  # a message names at most this many entries of a group: reports stay linear


def _distinct_titles(titles: list[str], least: int = 30) -> list[str]:
    """Each title cut after at least ``least`` characters, at a word's end, but never before the
    point where it stops reading like another's (case aside): "Ilham Aliyev received
    delegati" named two entries. Titles that are the same throughout stay whole (the caller
    tells them apart by line)."""
    folded = [t.casefold() for t in titles]
    out: list[str] = []
    for i, t in enumerate(titles):
        need = least
        for j, other in enumerate(folded):
            if j != i:
                pairs = zip(folded[i], other, strict=False)
                same = next(
                    (k for k, (a, b) in enumerate(pairs) if a != b),
                    min(len(folded[i]), len(other)),
                )
                need = max(need, same + 1)
        if need >= len(t):
            out.append(t)
            continue
        end = t.find(" ", need)
        out.append(t if end < 0 else t[:end] + "…")
    return out


def _capped(items: list[str], total: int) -> str:
    more = total - len(items)
    return ", ".join(items) + (f" and {more:,} more" if more > 0 else "")


@check("L402", "L403")
def year_letters(ctx: Context) -> Iterator[Finding]:
    refs = _author_ordered(ctx)
    plan = _letter_plan(refs)
    for group in _same_author_year_groups(refs):
        lettered = sorted(r.year_suffix for r in group if r.year_suffix)
        unlettered = [r for r in group if not r.year_suffix]
        if len(group) >= 2 and unlettered:
            by_title = sorted(group, key=_title_key)
            listed = by_title[:_MAX_LISTED]
            titles = [(r.title or r.raw)[:500] for r in listed]
            shown = _distinct_titles(titles)
            folds = Counter(t.casefold() for t in titles)
            twins = {t for t, n in folds.items() if n > 1}
            order = _capped(
                [
                    f'{_year_text(r)}{chr(97 + k)} "{title}"'
                    + (f" (line {r.line})" if full.casefold() in twins else "")
                    for k, (r, title, full) in enumerate(zip(listed, shown, titles, strict=True))
                ],
                len(by_title),
            )
            labels = [_label(o) for o in group[: _MAX_LISTED + 1]]
            for r in unlettered:
                want = plan.get(r.index, "")
                others = _capped(
                    [lab for o, lab in zip(group, labels, strict=False) if o is not r][
                        :_MAX_LISTED
                    ],
                    len(group) - 1,
                )
                yield _efind(
                    "L402",
                    ctx,
                    r,
                    f"entry {_label(r)} shares author and year with {others}; every "
                    f"entry of the group needs a letter, this one {_year_text(r)}{want} "
                    f"(APA assigns letters by title order: {order})",
                    suggestion=f"{_year_text(r)}{want}",
                )
        if lettered:
            expected = [chr(97 + k) for k in range(len(lettered) + len(unlettered))]
            missing = [ch for ch in expected if ch not in lettered]
            if len(missing) > len(unlettered) or any(ch not in expected for ch in lettered):
                for r in group:
                    if r.year_suffix and r.year_suffix not in expected[: len(group)]:
                        yield _efind(
                            "L403",
                            ctx,
                            r,
                            f"entry {_label(r)}: letter {r.year_suffix} without "
                            f"{', '.join(_year_text(r) + m for m in missing)}",
                        )
                        break
                else:
                    r = next(x for x in group if x.year_suffix)
                    yield _efind(
                        "L403",
                        ctx,
                        r,
                        f"entry {_label(r)}: letters skip "
                        f"{', '.join(_year_text(r) + m for m in missing)}",
                    )


def _date_tuple(ref: Reference) -> tuple[int, ...]:
    return tuple(ref.date.parts()) if ref.date else ()


@check("L404")
def duplicates(ctx: Context) -> Iterator[Finding]:
    seen_doi: dict[str, Reference] = {}
    refs = list(ctx.references)
    reported: set[int] = set()
    for r in refs:
        if r.doi:
            key = r.doi.lower().rstrip(".")
            if key in seen_doi:
                first = seen_doi[key]
                reported.add(r.index)
                yield _efind(
                    "L404",
                    ctx,
                    r,
                    f"entry {_label(r)} has the same DOI ({r.doi}) as entry "
                    f"{first.index} {_label(first)}",
                )
            else:
                seen_doi[key] = r
    for group in _same_first_author_year(refs):
        for a_i, a in enumerate(group):
            for b in group[a_i + 1 :]:
                if b.index in reported or not a.title or not b.title:
                    continue
                if (
                    a.year_suffix
                    and b.year_suffix
                    and a.year_suffix != b.year_suffix
                    and (_date_tuple(a) != _date_tuple(b))
                ):
                    continue
                if (
                    len(_date_tuple(a)) > 1
                    and len(_date_tuple(b)) > 1
                    and _date_tuple(a) != _date_tuple(b)
                ):
                    continue  # same title, different days: serial statements, not duplicates
                if a.url and b.url and a.url.rstrip("/") != b.url.rstrip("/"):
                    continue
                if a.doi and b.doi and a.doi.lower() != b.doi.lower():
                    continue
                if fuzz.ratio(_title_key(a), _title_key(b)) >= 92:
                    reported.add(b.index)
                    yield _efind(
                        "L404",
                        ctx,
                        b,
                        f"entry {_label(b)} looks like a duplicate of entry "
                        f"{a.index} {_label(a)} (same author, year and title)",
                    )


def _same_first_author_year(refs: Sequence[Reference]) -> list[list[Reference]]:
    groups: dict[tuple[str, int | None], list[Reference]] = defaultdict(list)
    for r in refs:
        names = entry_author_names(r)
        first = fold(names[0]) if names else ""
        if first:
            groups[(first, r.year)].append(r)
    return [g for g in groups.values() if len(g) > 1]
