"""Author-year mentions without any bracket: ``мы исходим из Plungian 1999, Плунгян 2011``.

Some traditions (Russian linguistics especially) cite in running text with no parenthesis at
all: ``в работах Татевосов 2002 и Paperno 2012``. A capitalised word followed by a year is
everywhere in prose (``March 2020``, ``Windows 2000``, ``Vision 2030``), so such a mention counts
only when the reference list has an entry by that first author with that year: the list is the
evidence. These citations therefore never raise X301; they keep their entries from being
reported as never cited (X302).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from refcheck.model import Citation, Reference, Span

# A year standing in prose, then the name right before it (read backwards from the year).
_YEAR = re.compile(r"(?<=[\s,])((?:1[5-9]|20)\d\d)([a-zа-я])?(?![\w/–—-])")
_NAME_BEFORE = re.compile(
    r"(?<![\w(\[/.-])([A-ZА-ЯЁ][^\W\d_]{1,30}(?:[-’'][^\W\d_]{1,20})?)"
    r"(\s+(?:et\s+al\.|и\s+др\.|vd\.))?,?\s$"
)
_LOC_AFTER = re.compile(r":\s?\d{1,4}(?:\s?[-–]\s?\d{1,4})?")


def _index(refs: Sequence[Reference]) -> dict[str, set[tuple[int, str]]]:
    """First-author key → (year, letter) of the entries, years written anywhere counted too."""
    from refcheck.match import entry_author_names, name_variants, reference_years

    out: dict[str, set[tuple[int, str]]] = {}
    for r in refs:
        names = entry_author_names(r)
        head = r.raw.split(",", 1)[0].split(".", 1)[0].strip()
        keys: set[str] = set()
        if names:
            keys |= name_variants(names[0])
        if head and len(head.split()) <= 2:
            keys |= name_variants(head)
        years = {(y, "") for y in reference_years(r)}
        if r.year is not None:
            years.add((r.year, r.year_suffix))
        for k in keys:
            out.setdefault(k, set()).update(years)
    return out


def bare_citations(
    text: str, start: int, end: int, refs: Sequence[Reference], taken: Sequence[Span]
) -> list[Citation]:
    """Mentions ``Name YEAR`` in ``text[start:end]`` that name a listed author and year, outside
    the ``taken`` spans (citations already found)."""
    if not refs:
        return []
    from refcheck.match import name_variants

    index: dict[str, set[tuple[int, str]]] | None = None
    spans = sorted((s.start, s.end) for s in taken)
    out: list[Citation] = []
    k = 0
    for y in _YEAR.finditer(text, start, end):
        while k < len(spans) and spans[k][1] <= y.start():
            k += 1
        if k < len(spans) and spans[k][0] <= y.start():
            continue  # the year of a citation already read
        m = _NAME_BEFORE.search(text, max(start, y.start() - 48), y.start())
        if m is None:
            continue
        loc_m = _LOC_AFTER.match(text, y.end())
        a, b = m.start(), loc_m.end() if loc_m is not None else y.end()
        if any(sa < b and a < sb for sa, sb in spans[max(0, k - 1) : k + 1]):
            continue  # overlaps a citation already read
        if index is None:
            index = _index(refs)
        year, sfx = int(y.group(1)), y.group(2) or ""
        fits = set().union(*(index.get(key, set()) for key in name_variants(m.group(1))))
        if (year, sfx) not in fits:
            continue
        span = Span(a, b)
        loc = loc_m.group(0).lstrip(": ") if loc_m is not None else ""
        out.append(
            Citation(
                index=0,
                text=span.slice(text),
                span=span,
                kind="narrative",
                authors=(m.group(1),),
                year=year,
                year_suffix=sfx,
                year_text=y.group(1) + sfx,
                et_al=bool(m.group(2)),
                et_al_form=(m.group(2) or "").strip(),
                locator=loc,
                locator_style="colon" if loc else "",
            )
        )
    return out
