"""Reference-list rules (L4xx): order, year letters, duplicates.

Entry-only findings sit on the entry's span. The same-author same-year groups and the letter
plan are shared with X304 (``refcheck.checks.citations``), so a citation and its entry are told
the same letter.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from rapidfuzz import fuzz

from refcheck.checks.citations import (
    _efind,
    _label,
    _letter_plan,
    _rule,
    _same_author_year_groups,
    _year_text,
)
from refcheck.findings import Finding, Severity
from refcheck.match import entry_author_names, fold
from refcheck.model import Reference
from refcheck.rules import Context, check

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
