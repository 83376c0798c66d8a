"""One work inside a parenthesis: ``e.g., Rose & Lee, 1998, p. 4`` → remark, names, years, locator.

Real prose puts more than a prefix before the names: ``(for an overview, see the recent report of
Novak, Berg, & Lund, 2019)``, ``(i.e., the signal fades, see Arslan 2016)``, ``(in: Tanaka,
2014)``. The names are therefore read as the longest run of words before the year that parses as
an author list; what precedes them is a *remark*, accepted when it ends the way remarks before a
citation end (a cue word such as *see*/*bkz.*/*см.*, a colon, or, before an unmistakable author
list with ``&``/``and``/``et al.``, any lower-case word). A chapter cited through its book
(``Lindqvist in: Moreau and Dahl, 2020``) and a title standing for the author
(``“Banking Law Review: 2012,” 2013``, ``Положение..., 2016``) are read too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from refcheck.cite.grammar import (
    AS_CITED,
    AS_CITED_HINT,
    COLON_LOC,
    CUE_WORDS,
    DATE,
    DAYS,
    KW_LOC,
    PARTICLES,
    PREFIX,
    QUOTE_PAIRS,
    VOLUME_PAREN,
    YEAR,
)
from refcheck.cite.names import Names, parse_names, parse_title

_NEXT_YEAR = re.compile(r"\s*,\s*")
_NEXT_YEAR_SEMI = re.compile(r"\s*[,;]\s*")
_INNER_LOC = re.compile(r"\s*:\s*\d+(?:\s?[-–—]\s?\d+)?(?:\s?,\s?\d+(?:\s?[-–—]\s?\d+)?)*(?=\s*;)")
_WORD = re.compile(r"\S+")
_VOLUME_AFTER_YEAR = re.compile(r"\s?" + VOLUME_PAREN + r"(?=\s*[:,]|\s*$)")
# "see"-like prefixes: what follows them up to the names is a remark about the source.
_SEE = re.compile(r"see|cf|compare|for\s+a\s+review|bkz|bk\.|bakınız|krş|karş|bax|müq|см|ср", re.I)
# "Lindqvist in: Moreau and Dahl": the chapter's author, then the book's.
_CHAPTER_IN = re.compile(r",?\s+(?:in:?|içinde:?|в\s+кн\.:?|в:)\s+")


@dataclass(frozen=True, slots=True)
class Year:
    start: int
    end: int
    text: str
    year: int | None
    suffix: str
    no_date: bool
    in_press: bool
    original: int | None


@dataclass(frozen=True, slots=True)
class Tail:
    years: tuple[Year, ...]
    locator: str
    locator_style: str
    end: int  # offset (in the item string) where the citation text ends


@dataclass(frozen=True, slots=True)
class Item:
    prefix: str  # the remark before the names, as written ("e.g.,", "see the report of")
    names_start: int
    names: Names
    tail: Tail
    secondary: bool
    book: Names | None = None  # "in: Moreau and Dahl": the book a chapter is cited through


def year_of(m: re.Match[str]) -> Year:
    if m.group("year"):
        orig = m.group("orig")
        return Year(
            m.start(),
            m.end(),
            m.group(0),
            int(m.group("year")),
            m.group("sfx") or "",
            False,
            False,
            int(orig) if orig else None,
        )
    if m.group("nd"):
        return Year(m.start(), m.end(), m.group(0), None, m.group("ndsfx") or "", True, False, None)
    return Year(m.start(), m.end(), m.group(0), None, m.group("ipsfx") or "", False, True, None)


def parse_tail(item: str, first: re.Match[str] | Year, *, semicolons: bool = False) -> Tail | None:
    """The years after the names (``2000, 2016``) and the locator, if the rest is one."""
    years = [first if isinstance(first, Year) else year_of(first)]
    pos = years[0].end
    sep_re = _NEXT_YEAR_SEMI if semicolons else _NEXT_YEAR
    while True:
        inner = _INNER_LOC.match(item, pos) if semicolons else None
        if inner is not None:
            pos = inner.end()  # "(2011: 95, 140; 2012a: 166)": a page of a year before the last
        sep = sep_re.match(item, pos)
        if sep is None:
            break
        nxt = YEAR.match(item, sep.end())
        if nxt is None:
            break
        more = year_of(nxt)
        last = years[-1].year
        if more.year and last and not more.suffix and more.year < last - 150:
            break  # "(Kilinc and Gulersoy, 2011, 1575)": a page typed without "p.", no year
        years.append(more)
        pos = nxt.end()
    vm = _VOLUME_AFTER_YEAR.match(item, pos)
    if vm is not None:
        pos = vm.end()  # "[Грамматика 1980(2): 181]": the second volume of a 1980 work
    rest = item[pos:]
    if not rest.strip():
        return Tail(tuple(years), "", "", pos)
    cm = COLON_LOC.match(rest)
    if cm is not None:
        return Tail(tuple(years), cm.group(1), "colon", pos + cm.end(1))
    km = KW_LOC.match(rest)
    if km is not None:
        loc = f"{km.group(1)} {km.group(2).strip()}".strip()
        style = km.group(1).lower()
        return Tail(
            tuple(years),
            loc,
            style,
            pos + km.end(2) - (len(km.group(2)) - len(km.group(2).rstrip())),
        )
    if rest.lstrip().startswith(",") or _TRAILING_REMARK.match(rest):
        # A note such as ", emphasis added" or " for examples" ("(see Karatsareas 2018, 2020
        # for examples)"): the citation ends at the year.
        return Tail(tuple(years), "", "", pos)
    return None


_TRAILING_REMARK = re.compile(
    r"\s+(?:for|among|amongst|inter\s+alia|and\s+(?:the\s+)?references|esp\.|especially|"
    r"cited|quoted|reviewed|discussed|summari[sz]ed)\b[^;()\d]{0,80}$"
)


def is_year_only(item: str) -> re.Match[str] | None:
    """``2012`` or ``2012, p. 4``: more years of the previous work in the parenthesis."""
    ym = YEAR.match(item)
    if ym is None or parse_tail(item, ym) is None:
        return None
    return ym


def _remark_ok(remark: str, names: Names, cued: bool) -> bool:
    """``cued``: the item opened with a prefix (``see the report of …``), so a remark ending in
    any lower-case word leads to the names."""
    r = remark.strip()
    if not r:
        return True
    if PREFIX.fullmatch(r + " ") or r.endswith(":"):
        return True
    last = r.split()[-1].lower().rstrip(",;")
    if last in CUE_WORDS:
        return True
    listed = bool(names.connector or names.et_al or len(names.authors) > 1)
    return (listed or cued) and last.isalpha() and last.islower()


def _chapter(names_text: str, comma_list: bool) -> tuple[Names, Names] | None:
    m = _CHAPTER_IN.search(names_text)
    if m is None:
        return None
    chapter = parse_names(names_text[: m.start()], comma_list=comma_list)
    book = parse_names(names_text[m.end() :], comma_list=comma_list)
    if chapter is None or book is None or chapter.by_title or book.by_title:
        return None
    return chapter, book


def _plausible_start(word: str) -> bool:
    return word[:1].isupper() or word[:1] in QUOTE_PAIRS or word in PARTICLES


def _names_in(
    before: str, comma_list: bool, cued: bool = False
) -> tuple[int, Names, Names | None] | None:
    """The longest run of words at the end of ``before`` that reads as names (see module doc)."""
    for k, m in enumerate(_WORD.finditer(before)):
        start = m.start()
        if not _plausible_start(m.group()):
            continue
        text = before[start:]
        book: Names | None = None
        names = parse_names(text, comma_list=comma_list)
        if names is None:
            pair = _chapter(text, comma_list)
            if pair is None:
                continue
            names, book = pair
        if k and not _remark_ok(before[:start], names, cued):
            continue
        return start, names, book
    return None


def _title_item(item: str, start: int, secondary: bool) -> Item | None:
    """``“Banking Law Review: 2012,” 2013``: a quoted title, then the year."""
    close = QUOTE_PAIRS[item[start]]
    end = item.find(close, start + 1)
    if end < 0:
        return None
    names = parse_title(item[start : end + 1])
    if names is None:
        return None
    pos = end + 1
    while pos < len(item) and item[pos] in " ,":
        pos += 1
    ym = YEAR.match(item, pos)
    if ym is None:
        return None
    tail = parse_tail(item, ym)
    if tail is None:
        return None
    return Item("", start, names, tail, secondary)


def _dated_item(item: str, lead: int, comma_list: bool) -> tuple[int, Names, Tail] | None:
    """``Milliyet, 30.08.1984``: a newspaper cited by its day; the year is the date's.
    ``Milliyet, 25;26;29.08.1984`` cites three days (three issues), one year each."""
    dm = DAYS.search(item, lead) or DATE.search(item, lead)
    if dm is None or not item[lead : dm.start()].rstrip().endswith(","):
        return None
    found = _names_in(item[lead : dm.start()].rstrip(" ,"), comma_list)
    if found is None:
        return None
    year = int(dm.group(3))
    if dm.re is DATE:
        years: tuple[Year, ...] = (
            Year(dm.start(), dm.end(), dm.group(0), year, "", False, False, None),
        )
    else:
        month = dm.group(0)[len(dm.group(1)) :]  # ".08.1984"
        days = list(re.finditer(r"\d+", dm.group(1)))
        years = tuple(
            Year(
                dm.start() + d.start(),
                dm.end() if k == len(days) - 1 else dm.start() + d.end(),
                d.group(0) + month,
                year,
                "",
                False,
                False,
                None,
            )
            for k, d in enumerate(days)
        )
    tail = parse_tail(item, years[-1])
    if tail is None:
        return None
    return (
        found[0],
        found[1],
        Tail(years[:-1] + tail.years, tail.locator, tail.locator_style, tail.end),
    )


def parse_item(item: str, *, comma_list: bool = False) -> Item | None:
    """``e.g., Rose & Lee, 1998, p. 4`` → remark, where the names start, names, years/locator."""
    secondary = False
    start = 0
    cited = AS_CITED.search(item) if AS_CITED_HINT.search(item) else None
    if cited is not None:
        secondary = True
        start = cited.end()
    pm = PREFIX.match(item, start)
    lead = pm.end() if pm is not None else start
    if lead < len(item) and item[lead] in QUOTE_PAIRS:
        titled = _title_item(item, lead, secondary)
        if titled is not None:
            prefix = item[start:lead].strip()
            return Item(prefix, titled.names_start, titled.names, titled.tail, secondary)
    dated = _dated_item(item, lead, comma_list)
    if dated is not None:
        at, who, day = dated
        return Item(item[start : lead + at].strip(), lead + at, who, day, secondary)
    for ym in YEAR.finditer(item, lead):
        before = item[lead : ym.start()]
        # "(Coşkun:2024)": a colon typed for the comma, glued to the year
        if not (before.strip(" ,:") and before.endswith((" ", ",", "\n", ":"))):
            continue
        # Harvard's "Daniel, Ganenkov 2009" (no comma before the year) lists names by commas
        harvard = not before.rstrip().endswith(",")
        see = pm is not None and _SEE.match(pm.group(0)) is not None
        found = _names_in(before.rstrip(" ,:\n"), comma_list or harvard, see)
        if found is None:
            continue
        tail = parse_tail(item, ym)
        if tail is None:
            continue
        offset, names, book = found
        prefix = item[start : lead + offset].strip()
        return Item(prefix, lead + offset, names, tail, secondary, book)
    return None
