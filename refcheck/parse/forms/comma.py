"""Comma-separated sources: IEEE, Vancouver lists, ``Journal, vol. 3, pp. 1-9, 1990`` and split
journal names."""

from __future__ import annotations

import re

from refcheck.parse.dates import _month, _valid
from refcheck.parse.fields import (
    _CITIES,
    _PLACE_PUB,
    _PROCEEDINGS,
    _PUB_WORDS,
    _TAIL_START,
    _Fields,
    _read_publisher,
    _read_tail_loose,
    _tailish,
)
from refcheck.parse.tokens import _OPEN_Q, _clean, _unquote

_IEEE_YEAR = re.compile(
    r"^(?:[^\W\d_]{3,10}\.?\s+)?(?:\d{1,2}\s+)?(?:[^\W\d_]{3,10}\.?\s+)?(1[5-9]\d\d|20\d\d)\.?$"
)


def _read_ieee_body(f: _Fields, rest: str) -> bool:
    """IEEE ``"Title," Journal, vol. 52, no. 4, pp. 33-51, 2010.`` / ``"Title," in Proc. X,
    1995, pp. 1-9.`` — comma-separated parts after a quoted title."""
    close = _OPEN_Q[rest[0]]
    end = rest.find(close, 1)
    if end < 2 or end > 400:
        return False
    f.flag("title in quotation marks")
    f.title = _unquote(rest[: end + 1].replace(close + ",", close))
    after = rest[end + 1 :].lstrip(" ,.")
    if not after:
        f.type = "document"
        return True
    if not _read_comma_source(f, after):
        return False
    f.flag("year at the end instead of after the authors")
    return True


def _read_comma_source(f: _Fields, after: str) -> bool:
    """``Journal, vol. 52, no. 4, pp. 33-51, 2010`` / ``in Proc. X, pages 1-9, Place, 1995``:
    the source as comma-separated parts (IEEE, Chicago notes); False if it is not one."""
    parts = [p.strip() for p in _split_commas(after) if p.strip()]
    cont = re.sub(r"^(?:[Ii]n:?\s+(?:the\s+)?)", "", parts[0])
    nums: list[str] = []
    i = 1
    while (
        i < len(parts)
        and _name_part(parts[i])
        and not (i + 1 < len(parts) and _is_place_part(parts[i + 1]))
    ):
        cont += ", " + parts[i]  # "IEEE Transactions on Systems, Man, and Cybernetics"
        i += 1
    tm = _TAIL_START.search(cont)
    if tm and tm.start() > 0 and _tailish(cont[tm.start() :]):
        nums.append(cont[tm.start() :].lstrip(" ,"))  # "IEEE Network Mag. 3(1)"
        cont = cont[: tm.start()]
    for p in parts[i:]:
        ym = _IEEE_YEAR.match(p)
        if ym:
            f.year = f.year or int(ym[1])
            continue
        if re.search(r"\d", p) and _tailish(p):
            nums.append(p)
        elif (_PUB_WORDS.search(p) or _PLACE_PUB.match(_clean(p))) and not f.publisher:
            _read_publisher(f, p)
    if re.search(r"\d", cont) and _tailish(cont):
        return False
    f.container_title = _clean(cont)
    if nums:
        _read_tail_loose(f, ", ".join(nums))
    if f.year is None:
        ym2 = list(re.finditer(r"\b(1[5-9]\d\d|20\d\d)\b", after))
        if ym2:
            f.year = int(ym2[-1][1])
    if f.volume or f.issue:
        f.type = "article-journal"
    elif _PROCEEDINGS.search(f.container_title) or re.match(r"Proc\b", f.container_title):
        f.type = "paper-conference"
    elif f.publisher:
        f.type = "chapter"
    else:
        f.type = "article-journal" if f.pages else "document"
    return True


def _year_or_date_only(seg: str) -> bool:
    """A segment holding only a year or a date (``2006.``, ``(May 1996).``)."""
    words = re.findall(r"[^\W\d_]+", seg)
    return (
        bool(re.search(r"\b(?:1[5-9]|20)\d\d\b", seg))
        and len(seg) <= 30
        and all(_month(w) for w in words)
    )


def _numbers_part(p: str) -> bool:
    """A comma-separated piece of a source's numbers: ``v. 36``, ``pp. 417-430``, ``5 (3)``,
    ``211-243``, a year, or a month and year (``July 1986``, ``April 8-11``)."""
    p = p.strip().rstrip(".")
    if not p or not re.search(r"\d", p) or len(p) > 40:
        return False
    if _tailish(p):
        return True
    words = re.findall(r"[^\W\d_]+", p)
    return bool(words) and all(_month(w) for w in words)


def _comma_source_cut(first: str) -> int | None:
    """Where the source starts in ``Title, Journal Name, vol. 3, pp. 1-9, 2002``: the piece
    before the first run of number-only pieces that lasts to the end. None when the title
    would be empty, the name holds digits, or no piece has a volume, issue or page."""
    parts = _split_commas(first)
    if len(parts) < 3:
        return None
    j = len(parts)
    while j > 0 and _numbers_part(parts[j - 1]):
        j -= 1
    if j == len(parts) or j < 2:
        return None
    nums = parts[j:]
    if all(re.fullmatch(r"\s*(?:1[5-9]|20)\d\d[a-z]?\.?\s*", p) for p in nums):
        return None  # only a year: a book or a report, not a journal's numbers
    name = parts[j - 1].strip()
    if (
        not name
        or len(name) > 150
        or not (name[0].isupper() or name.lower().startswith(("in ", "in:")))
        or (re.search(r"\d", name) and not _PROCEEDINGS.search(name))
        or _PLACE_PUB.match(name)
        or _PUB_WORDS.search(name)
    ):
        return None
    return sum(len(p) + 1 for p in parts[: j - 1])


def _split_commas(s: str) -> list[str]:
    """Split at ``, `` outside brackets (linear)."""
    out: list[str] = []
    depth = 0
    start = 0
    for i, c in enumerate(s):
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif c == "," and depth == 0 and s[i + 1 : i + 2] == " ":
            out.append(s[start:i])
            start = i + 1
    out.append(s[start:])
    return out


def _name_part(p: str) -> bool:
    """A comma-separated piece that continues a name: no digits, not a place or publisher."""
    return (
        not re.search(r"\d", p)
        and not _is_place_part(p)
        and not _PUB_WORDS.search(p)
        and not re.match(r"(?:[Ee]ds?\.|[Ee]dited|pp?\.|vol\.|no\.)", p, re.I)
        and len(p) <= 80
    )


def _is_place_part(p: str) -> bool:
    return bool(
        re.fullmatch(r"[A-Z]{2}\.?|[A-Z]\.\s?[A-Z]\.", p)
        or re.fullmatch(_CITIES + r"\.?", p)
        or _month(p.rstrip(".")) is not None
    )


_COMMA_IMPRINT = re.compile(
    r",\s+(?P<imprint>[A-Z][^\W\d_]+(?:\s[A-Z][^\W\d_]+){0,2}(?:,\s*[A-Z]{2})?\s?:\s*[^,:]{2,60},"
    r"\s*(?:1[5-9]|20)\d\d\.?)$"
)
_VANCOUVER_LIST = re.compile(
    r"(?:[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?\s[A-Z]{1,3},\s){1,30}"
    r"[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?\s[A-Z]{1,3}\.\s(?=[A-Z])"
)
# "Tsikalas, F., Faleide, J. I., Title, …": several inverted names with initials, commas only
_INVERTED_LIST = re.compile(
    r"(?:[^\W\d_][\w'’-]{1,30}(?:\s[^\W\d_][\w'’-]{1,30})?,\s*"
    r"(?:(?:[^\W\d_]\.\s?-?){1,3}|[A-Z]{1,3}\.?(?=[,\s])),?\s+"
    r"(?:(?:and|&)\s+)?){2,20}"
)  # also Vancouver initials with a comma: "Bach, PB, Jett, JR, Begg, CB. Title"


_VANC_DATE = re.compile(
    r"^\s*((?:1[5-9]|20)\d\d)(?:\s+([A-Z][a-z]{2,8})\.?(?:\s+(\d{1,2}))?)?\s*;\s*(?=\S)"
)


def _join_split_journal(f: _Fields, segs: list[str]) -> list[str]:
    """``Infection and Immunity. 2015. 83(3): 1114–1121.`` (Vancouver): the journal name, the
    year and the numbers cut into sentences are put back together as ``Name, 83(3): …``."""
    for i in range(1, len(segs)):
        vd = _VANC_DATE.match(segs[i])
        if vd and _tailish(segs[i][vd.end() :]):
            # "Arch Ophthalmol. 2000 May; 118(5): 615-21." — the date before ";" is the issue's
            if f.year is None:
                f.year = int(vd[1])
                if vd[2] and _month(vd[2]):
                    f.date = _valid(f.year, _month(vd[2]), int(vd[3]) if vd[3] else None)
            segs = [*segs[:i], segs[i][vd.end() :], *segs[i + 1 :]]
        if not _tailish(segs[i]) or re.fullmatch(r"[\s(]*(?:1[5-9]|20)\d\d[\s.);]*", segs[i]):
            continue
        j = i - 1
        year = re.fullmatch(r"[\s(]*((?:1[5-9]|20)\d\d)[a-z]?[\s.);]*", segs[j])
        if year and j > 0:
            j -= 1
        name = segs[j]
        if re.search(r"\d", name) or len(name) > 120 or name.startswith(("*", '"', "“")):
            return segs
        if _PLACE_PUB.match(_clean(name)) or _PUB_WORDS.search(name):
            return segs
        if year and f.year is None:
            f.year = int(year[1])
        return [*segs[:j], name.rstrip(". ") + ", " + segs[i], *segs[i + 1 :]]
    return segs
