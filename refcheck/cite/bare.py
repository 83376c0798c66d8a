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

# Name (et al.) YEAR[: pages], not preceded by a bracket or a word character.
_BARE = re.compile(
    r"(?<![\w(\[/.-])(?P<name>[A-ZА-ЯЁ][^\W\d_]{1,30}(?:[-’'][^\W\d_]{1,20})?)"
    r"(?P<etal>\s+(?:et\s+al\.|и\s+др\.|vd\.))?,?\s(?P<year>(?:1[5-9]|20)\d\d)"
    r"(?P<sfx>[a-zа-я])?(?![\w/–—-])(?P<loc>:\s?\d{1,4}(?:\s?[-–]\s?\d{1,4})?)?"
)


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
    for m in _BARE.finditer(text, start, end):
        while k < len(spans) and spans[k][1] <= m.start():
            k += 1
        if k < len(spans) and spans[k][0] < m.end():
            continue  # part of a citation already read
        if index is None:
            index = _index(refs)
        year, sfx = int(m.group("year")), m.group("sfx") or ""
        fits = set().union(*(index.get(key, set()) for key in name_variants(m.group("name"))))
        if (year, sfx) not in fits:
            continue
        span = Span(m.start(), m.end())
        loc = (m.group("loc") or "").lstrip(": ")
        out.append(
            Citation(
                index=0,
                text=span.slice(text),
                span=span,
                kind="narrative",
                authors=(m.group("name"),),
                year=year,
                year_suffix=sfx,
                year_text=m.group("year") + sfx,
                et_al=bool(m.group("etal")),
                et_al_form=(m.group("etal") or "").strip(),
                locator=loc,
                locator_style="colon" if loc else "",
            )
        )
    return out
