"""The parse stage: one :class:`~refcheck.model.Reference` per reference-list entry.

A hand-written grammar rather than a trained labeller, because the targets (every field of odd
real entries, 2,000 entries/s, a cheap import) reward explicit rules we can read and test:

1. pull the machine-readable tail off the entry (DOI, URL, "Retrieved <date>, from", "(Original
   work published ...)"), since those are unambiguous wherever they sit;
2. APA form: an author block, then a parenthesised date right after it ``(2020b, May 3).``;
   otherwise Chicago-like form: ``Surname, Given. Title. ... Place: Publisher, Year.`` with the
   year found later (and the entry flagged as not APA);
3. split the remainder into sentence-like segments (never inside ``*italics*``, quotes or
   brackets, never after an initial or a known abbreviation) and read title, container, volume,
   issue, pages, edition, place and publisher from their position and their italics.

Nothing here raises on any input string: failures become ``UNPARSED``/``PARTIAL`` records.
Only the stdlib ``re`` (and ``itertools``) is imported so that ``import refcheck.parse``
stays cheap.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice

from refcheck.model import (
    Agent,
    Organization,
    ParseStatus,
    PartialDate,
    Person,
    RawEntry,
    Reference,
    Script,
    Span,
)

__all__ = ["parse_entries", "parse_entry", "parse_string", "parse_text"]

# --------------------------------------------------------------------------- dates

_MONTHS: tuple[tuple[str, int], ...] = (
    # English (full names and abbreviations; "may" doubles as Azerbaijani)
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    # Turkish
    ("ocak", 1),
    ("şubat", 2),
    ("subat", 2),
    ("mart", 3),
    ("nisan", 4),
    ("mayıs", 5),
    ("mayis", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("agustos", 8),
    ("eylül", 9),
    ("eylul", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("kasim", 11),
    ("aralık", 12),
    ("aralik", 12),
    # Azerbaijani (Latin)
    ("yanvar", 1),
    ("fevral", 2),
    ("aprel", 4),
    ("iyun", 6),
    ("iyul", 7),
    ("avqust", 8),
    ("sentyabr", 9),
    ("oktyabr", 10),
    ("noyabr", 11),
    ("dekabr", 12),
)
_MONTH_MAP = dict(_MONTHS)
# Russian/Azerbaijani-Cyrillic month stems (nominative and genitive share them)
_RU_STEMS: tuple[tuple[str, int], ...] = (
    ("январ", 1),
    ("феврал", 2),
    ("март", 3),
    ("апрел", 4),
    ("мая", 5),
    ("май", 5),
    ("июн", 6),
    ("июл", 7),
    ("август", 8),
    ("сентябр", 9),
    ("октябр", 10),
    ("ноябр", 11),
    ("декабр", 12),
    ("янв", 1),
    ("фев", 2),
    ("мар", 3),
    ("апр", 4),
    ("авг", 8),
    ("сен", 9),
    ("окт", 10),
    ("ноя", 11),
    ("дек", 12),
)

# Azerbaijani Cyrillic (1939–1991) spellings that differ from the Russian ones; all have "ј",
# so they are tried only when the word has it: "14 октјабр", "3 нојабр"
_AZ_CYR_STEMS: tuple[tuple[str, int], ...] = (
    ("јанвар", 1),
    ("мај", 5),
    ("ијун", 6),
    ("ијул", 7),
    ("сентјабр", 9),
    ("октјабр", 10),
    ("нојабр", 11),
)

_WORD = r"[^\W\d_]+"


def _lower(s: str) -> str:
    """Lower-case with Turkish dotted capital I mapped to a plain i (str.lower adds U+0307)."""
    return s.replace("İ", "i").lower()


def _month(word: str) -> int | None:
    w = _lower(word.strip(".,"))
    if w in _MONTH_MAP:
        return _MONTH_MAP[w]
    for stem, num in _AZ_CYR_STEMS if "ј" in w else _RU_STEMS:
        if w.startswith(stem) and len(w) <= len(stem) + 3:
            return num
    return None


_DATE_MDY = re.compile(
    rf"({_WORD})\.?\s+(\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?(?:st|nd|rd|th)?,?\s+(\d{{4}})"
)
_DATE_DMY = re.compile(rf"(\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?\.?\s+({_WORD})\.?,?\s+(\d{{4}})")
_DATE_NUM = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")
_DATE_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DATE_MY = re.compile(rf"({_WORD})\.?,?\s+(\d{{4}})")


def _valid(y: int, m: int | None, d: int | None) -> PartialDate | None:
    if m is not None and not 1 <= m <= 12:
        return None
    if d is not None and not 1 <= d <= 31:
        return None
    return PartialDate(y, m, d)


def parse_date(text: str) -> PartialDate | None:
    """A free-standing date in English, Turkish, Azerbaijani or Russian ("20 Temmuz 2024")."""
    s = text.strip()
    m = _DATE_ISO.search(s)
    if m:
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    m = _DATE_MDY.search(s)
    if m and _month(m[1]):
        return _valid(int(m[3]), _month(m[1]), int(m[2]))
    m = _DATE_DMY.search(s)
    if m and _month(m[2]):
        return _valid(int(m[3]), _month(m[2]), int(m[1]))
    m = _DATE_NUM.search(s)
    if m:
        return _valid(int(m[3]), int(m[2]), int(m[1]))
    m = _DATE_MY.search(s)
    if m and _month(m[1]):
        return _valid(int(m[2]), _month(m[1]), None)
    m = re.search(r"\b(\d{4})\b", s)
    if m:
        return PartialDate(int(m[1]))
    return None


def _month_day(text: str, year: int) -> PartialDate | None:
    """The part after the year in an APA date: "September 27", "27 September", "Spring"."""
    s = text.strip().strip(".")
    m = re.match(rf"({_WORD})\.?\s+(\d{{1,2}})\b", s)
    if m and _month(m[1]):
        return _valid(year, _month(m[1]), int(m[2]))
    m = re.match(rf"(\d{{1,2}})\.?\s+({_WORD})", s)
    if m and _month(m[2]):
        return _valid(year, _month(m[2]), int(m[1]))
    m = re.match(rf"({_WORD})", s)
    if m and _month(m[1]):
        return PartialDate(year, _month(m[1]))
    return None


# --------------------------------------------------------------------------- DOI, URL, retrieval

_DOI = re.compile(
    r"(?:https?://(?:dx\.|www\.)?doi\.org/|\bdoi:\s*|\bDOI:?\s*|\bdoi\s+)?(10\.\d{4,9}/[^\s\"<>]+)",
    re.IGNORECASE,
)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
_RETRIEVED = re.compile(
    r"(?:(?:Retrieved|Accessed)(?:\s+on)?|Erişim(?:\s+[Tt]arihi)?|Erişildi|Müraciət\s+tarixi|"
    r"Дата\s+обращения|Дата\s+доступа|Режим\s+доступа|URL|Available|Retirado|Recuperado|"
    r"Consultado)\s*:?\s*"
    r"([^()\n]{0,40}?\d{4})?\s*[,.;]?\s*"
    r"(?:(?:from|via|at|adresinden|adresi|URL|режим доступа|de|en)\s*:?\s*"
    r"(?:[^:\n]{1,80}?\s(?:website|web site|site)\s*:?\s*)?)?$",
    re.IGNORECASE,
)
_ORIGINAL = re.compile(
    r"\(\s*(?:Original work published|Orijinal eser|Оригинал)[^()\d]*(\d{4})[^()]*\)\.?"
)


def _strip_tail_punct(s: str) -> str:
    """Trailing sentence punctuation is not part of a DOI or URL; a ')' is, when balanced."""
    while s and s[-1] in ".,;:)]'\"»”":
        if s[-1] == ")" and s.count("(") >= s.count(")"):
            break
        s = s[:-1]
    return s


# --------------------------------------------------------------------------- scripts


def _script(text: str) -> Script:
    """Latin, Cyrillic or mixed (each >= 10 % of the letters); the normalise stage refines it."""
    lat = cyr = other = 0
    for ch in text:
        if not ch.isalpha():
            continue
        o = ord(ch)
        if o < 0x250 or 0x1E00 <= o <= 0x1EFF:
            lat += 1
        elif 0x400 <= o <= 0x52F:
            cyr += 1
        else:
            other += 1
    total = lat + cyr + other
    if not total:
        return Script.NONE
    if other * 10 >= total and (lat + cyr) * 10 < total:
        return Script.OTHER
    if lat * 10 >= total and cyr * 10 >= total:
        return Script.MIXED
    if cyr > lat:
        return Script.CYRILLIC
    if lat:
        return Script.LATIN
    return Script.OTHER


# --------------------------------------------------------------------------- segments

_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "no",
        "nos",
        "vol",
        "vols",
        "ed",
        "eds",
        "pp",
        "p",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "univ",
        "dept",
        "gen",
        "gov",
        "rev",
        "rep",
        "trans",
        "transl",
        "col",
        "ch",
        "sec",
        "fig",
        "para",
        "et",
        "yay",
        "haz",
        "çev",
        "ed",
        "ss",
        "s",
        "c",
        "t",
        "g",
        "gg",
        "im",
        "изд",
        "ред",
        "пер",
        "им",
        "г",
        "т",
        "с",
        "стр",
        "вып",
        "no",
        "nr",
        "hrsg",
        "mah",
        "cad",
        "sok",
        "bsk",
        # journal and proceedings abbreviations ("Proc. of the 12th Int. Joint Conf.")
        "proc",
        "conf",
        "int",
        "intl",
        "symp",
        "natl",
        "assoc",
        "soc",
        "acad",
        "sci",
        "res",
        "annu",
        "educ",
        "psychol",
        "med",
        "j",
        "aufl",
        "səh",
        "cilt",
    ]
)
_TWO_LETTER_INITIALS = frozenset(
    ["yu", "ya", "zh", "ch", "sh", "kh", "ts", "yo", "ye", "dj", "gy", "sz"]
)
_ROLE_START = re.compile(
    r"(?:eds?\.|edited by|trans\.|çev\.|haz\.|под ред\.)\s|www\.", re.IGNORECASE
)
_OPEN_Q = {'"': '"', "“": "”", "«": "»", "„": "“"}


_PLACE_AHEAD = re.compile(r"[^\W\d_][^\W\d_-]{1,20}(?:[ -][^\W\d_]{1,20}){0,2}\s?:\s")


_PUB_AHEAD = re.compile(
    r"[^.\d]{0,40}\b(?:Press|Publishers?|Publishing|Verlag|Books|Yayınları|Yayıncılık|"
    r"Kitabevi|nəşriyyatı|Издательство)\b"
)


def _is_abbrev(s: str, end: int) -> bool:
    """Whether the '.' at ``end`` closes an initial or abbreviation rather than a sentence."""
    k = end
    while k > 0 and s[k - 1].isalpha():
        k -= 1
    tok = s[k:end]
    if not tok:
        # "5." ordinal ("5. Edition") is not a sentence end
        j = end
        while j > 0 and s[j - 1].isdigit():
            j -= 1
        return 0 < end - j <= 2 and (j == 0 or s[j - 1] == " ")
    if len(tok) == 1:
        return tok.isupper() or tok in ("p", "s", "c", "t", "v", "г", "с", "т")
    if len(tok) == 2 and tok[0].isupper() and tok.lower() in _TWO_LETTER_INITIALS:
        return True
    return _lower(tok) in _ABBREV


def _roman_before(s: str, end: int) -> bool:
    """``… araştırmalar I.`` / ``Cilt II.``: a roman numeral after a word, not an initial."""
    k = end
    while k > 0 and s[k - 1] in "IVX":
        k -= 1
    return k < end and k >= 2 and s[k - 1] == " " and s[k - 2].isalpha() and s[k - 2].islower()


@dataclass(frozen=True, slots=True)
class _Seg:
    text: str
    start: int  # offset in the string that was segmented

    @property
    def italic(self) -> bool:
        return self.text.startswith("*")

    @property
    def quoted(self) -> bool:
        return bool(self.text) and self.text[0] in "\"“«„'‘"


_ROMAN_ORDINAL = re.compile(r"[IVX]{2,5}")


def _segments(s: str) -> list[_Seg]:
    """Split at sentence ends outside italics, quotes and brackets; linear in ``len(s)``."""
    out: list[_Seg] = []
    n = len(s)
    start = 0
    i = 0
    italic = False
    depth = 0
    close_q = ""
    while i < n:
        c = s[i]
        if c == "*":
            italic = not italic
        elif close_q:
            if c == close_q:
                close_q = ""
                if i > 0 and s[i - 1] in ".?!," and i + 2 < n and s[i + 1] == " ":
                    nxt = s[i + 2]
                    if nxt.isupper() or nxt in '*"“«':
                        out.append(_Seg(s[start : i + 1].strip(), start))
                        start = i + 2
                        i += 2
                        continue
        elif c in _OPEN_Q and not italic:
            # a straight quote opens only at a word start
            if c != '"' or i == 0 or s[i - 1] in " ([:":
                close_q = _OPEN_Q[c]
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif c in ".?!" and not italic and depth == 0:
            j = i + 1
            while j < n and s[j] in "\"'”’»*":
                j += 1
            if j < n and s[j] == " ":
                k = j
                while k < n and s[k] == " ":
                    k += 1
                if k < n:
                    nxt = s[k]
                    strong = nxt == "*" or j > i + 1 or (i > 0 and s[i - 1] in '*"”»')
                    cap = (
                        nxt.isupper()
                        or nxt.isdigit()
                        or nxt in "\"“«„'‘([*"
                        or _ROLE_START.match(s, k) is not None
                        or (strong and nxt.isalpha())
                    )
                    if c in "?!":
                        # "Title? Journal, 12(3)": APA drops the period after "?", so a
                        # capital after it starts the next element
                        ok = strong or (nxt.isupper() and i > 0 and s[i - 1] != " ")
                    else:
                        ok = cap and (
                            strong
                            or not _is_abbrev(s, i)
                            # "Cilt 1. İstanbul: İletişim" — a number (or a roman numeral,
                            # "araştırmalar I. İstanbul: …"), then a place and colon
                            or (
                                (s[i - 1].isdigit() or _roman_before(s, i))
                                and (
                                    _PLACE_AHEAD.match(s, k) is not None
                                    or _PUB_AHEAD.match(s, k) is not None
                                )
                            )
                        )
                    if ok and c == "." and i - start >= 2 and _ROMAN_ORDINAL.fullmatch(s, start, i):
                        ok = False  # "II. Uluslararası Sempozyum": an ordinal opens the name
                    if ok:
                        out.append(_Seg(s[start:j].strip(), start))
                        start = k
                        i = k
                        continue
        i += 1
    tail = s[start:].strip()
    if tail:
        out.append(_Seg(tail, start))
    return [g for g in out if g.text]


_MULTI_SPACE = re.compile(r"\s{2,}")


def _clean(s: str) -> str:
    """Field value: asterisks gone, spaces squeezed, one trailing period or comma dropped."""
    s = s.replace("*", "")
    # entries arrive with whitespace squeezed to single spaces, so only joins make doubles
    s = (_MULTI_SPACE.sub(" ", s) if "  " in s else s).strip()
    if s.endswith("..") and not s.endswith("..."):
        s = s[:-2].rstrip()  # "disease.." typo: both periods go
    elif s.endswith((".", ",", ";", ":")) and not s.endswith(("..", "etc.")):
        s = s[:-1].rstrip()
    return s


def _unquote(s: str) -> str:
    s = _clean(s)
    if len(s) >= 2 and s[0] in '"“«„' and s[-1] in '"”»“':
        s = s[1:-1].strip()
        if s.endswith((".", ",")):
            s = s[:-1]
    elif (
        len(s) >= 2
        and s[0] in "'‘"
        and s[-1] in "'’"
        and s[1:-1].count("'") + s[1:-1].count("‘") == 0
    ):
        s = s[1:-1].strip()  # British single quotes; inner apostrophes would be ambiguous
        if s.endswith((".", ",")):
            s = s[:-1]
    elif len(s) >= 2 and s[0] in '"“«„' and not any(q in s[1:] for q in '"”»“'):
        s = s[1:].strip()  # an opening quote that never closes (a cut-off entry)
    return s.strip()


# --------------------------------------------------------------------------- names

_PARTICLES = frozenset(
    [
        "von",
        "van",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "du",
        "da",
        "dos",
        "das",
        "le",
        "la",
        "ter",
        "ten",
        "zu",
        "bin",
        "ibn",
        "el",
        "al",
        "dei",
    ]
)
_SUFFIX = re.compile(r"^(?:Jr|Sr|Jnr|Snr)\.?$|^(?:II|III|IV|V)$")
_INITIALS = re.compile(r"^(?:[^\W\d_][^\W\d_]?\.\s*-?\s*)+$")
_ETAL = re.compile(r"^(?:[Ee]t\.?\s*al\.?|vd\.?|v\.?d\.|и\s+др\.?|ve\s+diğerleri|ve\s+ark\.?)$")
_GIVEN_FULL = re.compile(
    r"^[^\W\d_][^\W\d_'’-]*(?:-[^\W\d_]+)?(?:\s+(?:[^\W\d_][^\W\d_'’-]*|[^\W\d_]\.))*$"
)
_ORG_WORDS = frozenset(
    [
        "of",
        "the",
        "and",
        "for",
        "ministry",
        "university",
        "agency",
        "association",
        "organization",
        "organisation",
        "institute",
        "council",
        "committee",
        "office",
        "department",
        "bank",
        "news",
        "republic",
        "government",
        "center",
        "centre",
        "society",
        "foundation",
        "press",
        "group",
        "service",
    ]
)


_INITIALS_LOOSE = re.compile(r"^(?:[^\W\d_]\.?\s*-?\s*){1,4}$")


def _is_initials(t: str) -> bool:
    """``J. J.``, ``Yu.``; also ``C. R`` / ``JJ`` (a final or every period missing, as in
    hurried lists), but only when every letter is a capital, so ``Smith`` never qualifies."""
    if not t or not t[0].isupper():
        return False
    if _INITIALS.match(t):
        return True
    letters = [c for c in t if c.isalpha()]
    return (
        bool(_INITIALS_LOOSE.match(t))
        and all(c.isupper() for c in letters)
        and (len(letters) == 1 or "." in t or " " in t or len(letters) <= 3)
    )


def _split_particle(family: str) -> tuple[str, str]:
    words = family.split()
    i = 0
    while i < len(words) - 1 and words[i] in _PARTICLES:
        i += 1
    return " ".join(words[:i]), " ".join(words[i:])


def _person(family: str, given: str, suffix: str = "") -> Person:
    particle, fam = _split_particle(family.strip())
    return Person(family=fam, given=given.strip(), particle=particle, suffix=suffix)


def _looks_person_family(t: str) -> bool:
    words = t.split()
    if not 1 <= len(words) <= 4:
        return False
    return not any(w.lower() in _ORG_WORDS for w in words)


@dataclass(slots=True)
class _Authors:
    agents: list[Agent] = field(default_factory=list)
    et_al: bool = False
    spelled_out: bool = False
    ellipsis: bool = False
    and_word: bool = False  # "and"/"ve"/"и" instead of "&"
    no_comma: bool = False  # "Иванов И. И." without the comma


def _org(name: str) -> Organization:
    m = re.match(r"^(.*?)\s*\[([^\]]{1,20})\]$", name)
    if m:
        return Organization(m[1].strip(), m[2].strip())
    return Organization(name.strip())


_AND_LAST = re.compile(
    r",?\s+(?:and|ve|və|и)\s+(?=[^\W\d_][^,&]{0,40},\s*[^\W\d_]{1,2}\.)", re.IGNORECASE
)
_NOCOMMA = re.compile(
    r"^(?P<fam>[^\W\d_][\w'’-]+)\s+(?P<ini>(?:[^\W\d_]{1,2}\.\s?-?){1,3}|[^\W\d_]{1,3})$"
)  # "Иванов И.И.", Vancouver "Clifford MJ" (capitals only, checked below)


_ETAL_TAIL = re.compile(
    r",?\s+(?:vd\.?|v\.d\.|və b\.|və başq\.|və d\.|и др\.?|ve ark\.?|ve diğerleri|"
    r"[Ee]t\.?\s*al\.?)$"
)


def _parse_author_block(block: str) -> _Authors:
    """``Surname, I. I., & Surname, I.`` or a group name; et al. and ellipses noted."""
    res = _Authors()
    b = block.strip().rstrip(",;:").strip()
    if (
        b.endswith(".")
        and not re.search(r"(?:^|[\s,-])[^\W\d_]{1,2}\.$|\.[^\W\d_]\.$", b)
        and not b.endswith(("Jr.", "Sr.", "Inc.", "Ltd.", "Co."))
    ):
        b = b[:-1].rstrip()
    if not b:
        return res
    b = b.replace("…", ". . .")
    if ";" in b and re.search(r",\s*(?:[^\W\d_]\.\s?-?)+\s*;", b):
        b = re.sub(r"\s*;\s*", ", ", b)  # "Barbot, E.; Vidic, N.S.; & Vidic, R.D."
    em = _ETAL_TAIL.search(b)
    if em and em.start() > 0:
        res.et_al = True  # "Kılıç, A. vd.", "Cəfərov, N. və b.", "Иванов, И. и др."
        b = b[: em.start()].rstrip(" ,")
    b, n_and = _AND_LAST.subn(", & ", b)
    res.and_word = n_and > 0
    toks = [t.strip() for t in re.split(r"\s*,\s*(?:&\s*)?|\s+&\s+|\s*&\s*", b) if t.strip()]
    inverted = [_NOCOMMA.match(t) for t in toks]
    inverted = [
        m if m and ("." in m["ini"] or (m["ini"].isupper() and not m["fam"].isupper())) else None
        for m in inverted
    ]
    if toks and all(inverted):
        for m in inverted:
            if m:
                ini = m["ini"]
                if re.fullmatch(r"[^\W\d_]{2,3}\.", ini) and ini[:-1].isupper():
                    ini = ini[:-1]  # Vancouver "Cornell SE." — the period ends the block
                res.agents.append(_person(m["fam"], ini))
        res.no_comma = True
        return res
    has_initials = any(_is_initials(t) for t in toks[1:])
    if not has_initials:
        # "Surname, Given" spelled out, or a group author (which may contain commas)
        if len(toks) == 2 and _looks_person_family(toks[0]) and _GIVEN_FULL.match(toks[1]):
            res.agents.append(_person(toks[0], toks[1]))
            res.spelled_out = True
            return res
        etal = re.search(r",?\s+(?:[Ee]t\.?\s*al\.?|и\s+др\.?|vd\.?)$", b)
        if etal:
            res.et_al = True
            b = b[: etal.start()]
        res.agents.append(_org(b))
        return res
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.startswith(". . ."):
            res.ellipsis = True
            t = t[5:].strip()
            if not t:
                i += 1
                continue
        if _ETAL.match(t):
            res.et_al = True
            i += 1
            continue
        m = re.match(r"^(.*?)\s+(?:[Ee]t\.?\s*al\.?)$", t)
        if m and res.agents:
            res.et_al = True
            t = m[1]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        nm = _NOCOMMA.match(t)
        if nm and "." in nm["ini"] and res.agents and not _is_initials(nxt):
            # "Seyff, N., Ollmann G., & Bortenschlager, M.": one name lost its comma
            res.agents.append(_person(nm["fam"], nm["ini"]))
            res.no_comma = True
            i += 1
            continue
        if nxt and (_is_initials(nxt) or (_GIVEN_FULL.match(nxt) and _looks_person_family(t))):
            if not _is_initials(nxt):
                res.spelled_out = True
            suffix = ""
            j = i + 2
            if j < len(toks) and _SUFFIX.match(toks[j]):
                suffix = toks[j]
                j += 1
            if re.fullmatch(r"[A-Z]{2,3}\.", nxt) and i + 2 >= len(toks):
                nxt = nxt[:-1]  # "…, Lee, MK." — Vancouver initials; the period ends the list
            res.agents.append(_person(t, nxt, suffix))
            i = j
            continue
        if _SUFFIX.match(t) and res.agents and isinstance(res.agents[-1], Person):
            p = res.agents[-1]
            res.agents[-1] = Person(p.family, p.given, p.particle, t)
            i += 1
            continue
        if _is_initials(t):  # stray initials: attach to nothing, keep going
            i += 1
            continue
        res.agents.append(_org(t))
        i += 1
    return res


def _parse_given_first(text: str) -> tuple[list[Agent], bool]:
    """Editors written given-name first: ``A. Editor & B. van der Editor`` (et al. noted)."""
    s = text.strip().rstrip(".,")
    et_al = False
    m = re.search(r",?\s+(?:[Ee]t\.?\s*al\.?|vd\.?|и\s+др\.?|ve\s+diğerleri)$", s)
    if m:
        et_al = True
        s = s[: m.start()]
    out: list[Agent] = []
    for part in re.split(r"\s*,\s*(?:&\s*|and\s+)?|\s+&\s+|\s+and\s+|\s+ve\s+|\s+и\s+", s):
        words = part.split()
        if not words:
            continue
        if len(words) == 1:
            out.append(Person(family=words[0]))
            continue
        if (
            len(words) >= 3
            and "." not in part
            and any(len(w) > 3 and w[0].isupper() and w.lower() in _ORG_WORDS for w in words)
        ):
            out.append(_org(part))  # "In California State Department of Education (Ed.),"
            continue
        last = len(words) - 1
        k = last
        while k > 1 and words[k - 1] in _PARTICLES:
            k -= 1
        given = " ".join(words[:k])
        particle = " ".join(words[k:last])
        out.append(Person(family=words[last], given=given, particle=particle))
    return out, et_al


# --------------------------------------------------------------------------- containers

_VOL_TAIL = re.compile(
    r"^[,.]?\s*(?:Vol\.\s*|Cilt\s*|Т\.\s*)?\*?(?P<vol>\d+[A-Za-z]?(?:[-–]\d+)?)?\*?"
    r"(?:\s*\((?P<iss>[^()]{1,20})\)|/(?P<iss2>\d+[A-Za-z]?)"
    r"|,?\s*(?:No\.|Issue|Sayı|№|Nr\.)\s*(?P<iss3>\w+))?"
    r"(?:\s*\((?P<yr>\d{4})\))?"
    r"(?:[,:]\s*(?:pp?\.\s*|ss?\.\s*|С\.\s*|с\.\s*)?(?P<pages>[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—]\s*[A-Za-z]?\d+[A-Za-z]?)?"
    r"|Article\s+[\w-]+|e\d+))?\s*[.,]?\s*$"
)
# Where a plain (non-italic) journal name ends and its volume/issue/pages begin.
_TAIL_START = re.compile(
    r"(?:,\s*|\s+)\(?(?:(?:[Vv]ol(?:ume)?\.?|v\.|Cilt|Cild|C\.|Т\.|Том|No\.?|no\.|Nr\.|№|Sayı|S\.|Issue|"
    r"pp?\.|ss?\.|С\.|с\.|səh\.|стр\.)\s*:?\s*)?\*?\(?[A-Z]?\d"
)
_TAIL_LABELS = re.compile(
    r"\b(?:Vol(?:ume)?|Cilt|Cild|Issue|Sayı|No|Nr|pp?|ss?|səh|pages?|Article|Suppl|Part|Pt)\b\.?|"
    r"(?<!\w)(?:C|S|Т|Том|С|с|стр|Вып|v)\.|№",
    re.IGNORECASE,
)
_T_VOL = re.compile(
    r"(?:\bVol(?:ume)?\.?|\bCilt\b|\bCild\b|(?<!\w)C\.|(?<!\w)Т\.|\bТом\b|(?<!\w)(?-i:v)\.)\s*:?\s*"
    r"(\d+[A-Za-z]?(?:\s*[-–/]\s*\d+)?)",
    re.IGNORECASE,
)
_T_ISS = re.compile(
    r"(?:\bNo\.?|\bNr\.?|№|\bSayı\b|\bIssue\b|(?<!\w)Вып\.|(?<!\w)(?-i:S)\.(?=\s*\d+[A-Za-z]?\s*(?:[,.;)]|$)"
    r"|\s*\d+\s*[-–/]\s*\d+\s*,\s*(?-i:ss?|pp?)\.))"  # "S. 1-4, ss. 45-75": a double issue
    r"\s*:?\s*(\d+[A-Za-z]?(?:\s*[-–/]\s*\d+)?)",
    re.IGNORECASE,
)
_T_PAGES = re.compile(
    r"(?:\bpp?\.|\bpages?\b|\bss?\.|(?<!\w)С\.|(?<!\w)с\.|\bsəh\.|(?<!\w)стр\.|(?<!\w)S\.)\s*:?\s*"
    r"([A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—]\s*[A-Za-z]?\d+[A-Za-z]?)?)"
)
_RANGE = re.compile(r"[A-Za-z]?\d+[A-Za-z]?\s*[-–—]\s*[A-Za-z]?\d+[A-Za-z]?")


def _tailish(t: str) -> bool:
    """Only volume/issue/page material: labels, numbers, punctuation (no words)."""
    rest = _TAIL_LABELS.sub(" ", t)
    rest = re.sub(r"[A-Za-z]?\d+(?:-?[A-Za-z])?|\be\d+", " ", rest)
    return bool(re.search(r"\d", t)) and not re.search(r"[^\W\d_]", rest) and len(t) <= 80


_YEAR_LEAD = re.compile(
    r"^[\s,.:*]*((?:1[5-9]|20)\d\d)[a-z]?(?:\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?)?\s*[;,]\s*(?=\S)"
)


def _year_lead(f: _Fields, tail: str) -> str:
    """``Journal, 2018, № 1, səh. 34–41`` / Vancouver ``Journal. 2008;8(3):283-298``: a year
    that opens the numbers (before a comma or semicolon, with more numbers after it) is the
    year, not a volume — unless the entry already has a different year."""
    m = _YEAR_LEAD.match(tail)
    if not m or not re.search(r"\d", tail[m.end() :]):
        return tail
    y = int(m[1])
    if f.year is not None and f.year != y:
        return tail
    f.year = y
    return " " + tail[m.end() :]


def _read_tail_loose(f: _Fields, tail: str) -> None:
    """Volume, issue, pages from labelled or bare forms in any order: ``Vol. 3, No. 1,
    pp. 33-51``, ``C. 85, S. 2, ss. 55-78``, ``Т. 12, № 3, С. 88–101``, ``№ 2, s. 112-120``."""
    t = _year_lead(f, tail)
    ym = re.search(r"\((?:[^()\d]{0,12})((?:1[5-9]|20)\d\d)\)", t)
    if ym:
        if f.year is None:
            f.year = int(ym[1])
        t = t[: ym.start()] + " " + t[ym.end() :]  # Chicago "62, no. 4 (2020): 79–96"
    m = re.match(r"^[\s,.:;*]*(\d+[A-Za-z]?)\*?(?=\s*[,:;]|\s*$|\s+(?:no|No|Issue|№|Nr)\b)", t)
    if m and not _RANGE.match(t.lstrip(" ,.:;*")):
        f.volume = m[1]
        t = t[m.end() :]
    m = _T_ISS.search(t)
    if m:
        f.issue = m[1].strip()
        t = t[: m.start()] + " " + t[m.end() :]
    m = _T_VOL.search(t)
    if m and not f.volume:
        f.volume = m[1].strip()
        t = t[: m.start()] + " " + t[m.end() :]
    m = _T_PAGES.search(t)
    if m:
        f.pages = m[1].strip()
        t = t[: m.start()] + " " + t[m.end() :]
    if not f.volume and not f.issue:
        m = re.match(r"^[\s,.:;*]*(\d+[A-Za-z]?)\*?\s*(?:\(([^()]{1,20})\))?(?=[\s,.:;]|$)", t)
        if m and not _RANGE.match(t.lstrip(" ,.:;*")):
            f.volume = m[1]
            if m[2]:
                f.issue = m[2].strip()
            t = t[m.end() :]
    elif not f.issue:
        m = re.search(r"\(([^()]{1,20})\)", t)
        if m and not re.fullmatch(r"\d{4}", m[1].strip()):
            f.issue = m[1].strip()
    if not f.pages:
        m = _RANGE.search(t) or re.search(r"\bArticle\s+[\w-]+|\be\d+\b", t)
        if m:
            f.pages = m[0].strip()
        else:
            m = re.search(r"[,:]\s*(\d+)\s*\.?\s*$", t)
            if m and (f.volume or f.issue):
                f.pages = m[1]


_SERIES_NUM = re.compile(r"\b(?:Seriya|Серия|Series)\s+\d{1,2}\b")


def _plain_journal(seg: str) -> tuple[str, str] | None:
    """``Journal of X, Vol. 3, No. 1, pp. 33-51`` → (name, tail) when the tail holds only
    volume/issue/pages material; a lone year (``Publisher, 2001``) is not a journal."""
    em = re.match(r"^\([^()]{1,200}\b(?:Eds?|Trans)\.\)\s*", seg)
    if em:
        seg = seg[em.end() :]  # "(M. Cooper & W. Stiles, Eds.) Journal, 9(1), 69-80"
    om = re.match(r"\d{1,3}\.\s+(?=[^\W\d_])", seg) if seg[:1].isdigit() else None
    if om:
        # "5. Uluslararası … Sempozyumu (ss. 1-9)": an ordinal opens the name, not a number
        pj = _plain_journal(seg[om.end() :])
        return (seg[: om.end()] + pj[0], pj[1]) if pj else None
    k = seg.rfind("(") if seg.endswith((")", ").")) else -1
    if (
        2 <= k <= 150
        and _PAGES_PAREN.match(seg, k)
        and re.search(r"\d", seg[:k])
        and _PROCEEDINGS.search(seg[:k])
        and "(" not in seg[:k]
    ):
        # "… 70 illiyinə həsr olunmuş … konfransın materialları (səh. 214-217)": a number in a
        # meeting's name; the bracketed pages end the source
        return seg[:k].rstrip(" ,"), seg[k:]
    sm = _SERIES_NUM.search(seg) if ("Seri" in seg or "Сери" in seg) else None
    m = _TAIL_START.search(seg, sm.end() if sm else 0)  # "Seriya 6: Ekonomika, (1)"
    if not m:
        return None
    name, tail = seg[: m.start()], seg[m.start() :]
    bare = re.sub(r"\b\d+(?:st|nd|rd|th)\b|\([^()\d]{1,20}\)", "", name)  # "12th", "(BBA)"
    if sm:
        bare = _SERIES_NUM.sub("", bare)  # "Seriya 6: Ekonomika", "Серия 5. Экономика"
    if not 2 <= len(name) <= 150 or re.search(r"[\d()]", bare):
        return None
    if len(re.findall(r"[^\W\d_]", _TAIL_LABELS.sub("", bare))) < 2:
        return None  # "pp." or "Vol." alone is not a journal name
    if not _tailish(tail):
        return None
    if (
        (_PUB_WORDS.search(name) or _CITY_END.search(name))
        and not _PROCEEDINGS.search(name)  # "… Sempozyumu Bildiriler Kitabı, Ankara, s. 45-52"
        and re.fullmatch(r"[\s,]*(?:pp?\.|ss?\.|S\.)?\s*\d+\s*(?:[-–—]\s*\d+)?\s*[.,]?\s*", tail)
    ):
        return None  # "Springer-Verlag, Berlin, p. 39-55": a publisher and chapter pages
    if re.fullmatch(r"[\s,.(]*(?:1[5-9]|20)\d\d[\s,.)]*", tail):
        return None
    if re.fullmatch(
        r"[\s,.]*(?:(?:1[5-9]|20)\d\d[\s,.]*)?\d+\s*(?:s|с|p|pp|стр|sayfa|səh|pages)\.?\s*", tail
    ):
        return None  # "Bakı: Elm, 2017, 340 s." — a book's year and extent
    return name, tail


_PAGES = re.compile(
    r"^\(?(?:pp?\.\s*|ss?\.\s*|[Сс]\.\s*)?(?P<p>\d+[A-Za-z]?\s*[-–—]\s*\d+[A-Za-z]?|\d+)\)?\.?$"
)
_EDITION = re.compile(
    r"\(?\s*(?P<n>\d+)(?:\.|st|nd|rd|th|-?е|\.?\s*[Bb]askı)?\s*(?:ed\.|[Ee]dition|[Bb]askı|изд\.?)\s*\)?",
)
_TITLE_PAREN = re.compile(r"\s*\((?P<in>[^()]{1,80})\)(?=\s*(?:\[|$|\.|,))")
_ED_INNER = re.compile(
    r"^(?P<n>\d+(?:st|nd|rd|th|ème|e|er)?\.?(?:\s+[^\W\d_]+)?|[Rr]ev\.|[Rr]evised|\d+\.|\d+-?е|"
    r"\d+-?(?:ci|cı|cu|cü|inci|ıncı|uncu|üncü|nci|ncı|ncu|ncü|ое|ье))\s*"
    r"(?:ed\.|edn\.?|éd\.|edition|bs\.|baskı|bası|basım|bsk\.|изд\.?|nəşr)(?:,\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_VOL_INNER = re.compile(
    r"^(?:(?:Vol\.|Vols\.|Cilt|C\.|Т\.|Том|Cild)\s*(?P<v>[\w–-]+)(?:,.*)?|"
    r"(?P<v2>[IVXLC]+|\d+)(?:\.|-?(?:ci|cı|cu|cü|inci|ıncı|uncu|üncü))?\s+(?:cild|cilt))$",
    re.IGNORECASE,
)  # also the number first, as Azerbaijani and Turkish write it: "(I cild)", "(2-ci cild)"
# translator or compiler in brackets after a title: "(Çev. Y. Kaplan)", "(Haz. Z. Korkmaz)"
_TRANS_INNER = re.compile(
    r"\b(?:Trans\.|Çev\.|Пер\.|Tərc\.|Haz\.|Hzl\.|Sad\.)|,\s*(?:Trans|Çev|Haz)\b|"
    r"^(?:tərcümə\s+edən|tərcümə|tərtib\s+edən|tərtibçi|çeviren|çeviri|hazırlayan|translated\s+by|"
    r"compiled\s+by|перевод|пер\.\s+с|сост\.|составитель)(?!\w)",
    re.IGNORECASE,
)  # also spelt out: "(tərcümə edən X. R. Ulutürk)", "(çeviren A. Yılmaz)", "(translated by …)",
# and compilers: "(tərtib edən: Ə. Səfərli)", "(hazırlayan …)"
# a translator's sentence after a title: "İslam. Çev. M. Dağ ve M. Aydın" (names only, no digits)
_TRANS_SENTENCE = re.compile(
    r"\.\s+(?:Çev\.|Trans\.|Tərc\.|Пер\.|Translated by)\s+[^\W\d_](?:[^\W\d_]|[ .'’,&-]){1,100}$"
)
_REPORT_INNER = re.compile(
    r"\b(?:Report|Rapor|Working Paper|Policy Brief|Publication|No\.)|"
    r"^(?-i:[A-Z]{2,8})\s+\d+(?:[-/]\d+)+$",
    re.I,
)  # also an agency's acronym and a hyphenated number: "(NCES 2022-144)"
# a law's own number after its title: "(Kanun No. 6698)", "(Public Law No. 111-148)"
_LAW_INNER = re.compile(
    r"^(?:Kanun|Yasa|Qanun|(?:Public\s+)?Law|Act|Закон|Федеральный\s+закон|Decree|Kararname)"
    r"\s+(?:No\.|Nr\.|№|Sayı|sayılı)",
    re.I,
)
# a serial's issue number after a title, dropped like a report number: "(Sayı 35)", "(Issue 4)"
_ISSUE_INNER = re.compile(r"^(?:Sayı|Issue|Number|Вып\.|Выпуск|Buraxılış)\s*\d+$", re.I)
# the book's own editors in the title bracket: "(M. Cole, V. John-Steiner, & E. Souberman, Eds.)"
_EDS_INNER = re.compile(r"^(?P<names>[^\d]{3,}?),?\s+(?:Eds?\.|Ed\.)$")
_EDITION_PAREN = re.compile(
    r"\((?P<n>\d+(?:st|nd|rd|th)|[Rr]ev\.|\d+\.)\s*ed\.(?:,\s*(?P<rest>[^()]*))?\)"
)
_GENRE = re.compile(r"\[(?P<g>[^\[\]]{2,150})\]")  # "[Thesis, a long university name]"
_GENRE_WORDS = re.compile(
    r"dissertation|thesis|tezi|диссертация|video|podcast|audio|film|press release|report|"
    r"brochure|fact sheet|blog|tweet|data set|computer software|lecture|conference|"
    r"abstract|map|interview|infographic|editorial|letter|presentation|poster|paper|"
    r"session|keynote|speech|manuscript|preprint|photograph|transcript|sunum|bildiri|доклад|"
    r"электронный ресурс|elektron resurs|elektronik kaynak|online|çevrimiçi|(?<!\w)дис\.|"
    r"автореф|dissertasiya|avtoreferat",
    re.IGNORECASE,
)
_THESIS = re.compile(
    r"dissertation|thesis|tezi|диссертац|dissertasiya|(?<!\w)дис\.|автореф", re.IGNORECASE
)
_MAGAZINE = re.compile(r"magazine|журнал\b|dergisi\b.*magazin", re.IGNORECASE)


def _magazine_name(f: _Fields) -> bool:
    """A container named as a magazine. Russian ``журнал`` means both journal and magazine:
    with a volume (``Экономический журнал …, 18(1)``) it is a journal, since Russian magazines
    are numbered by issue alone."""
    m = _MAGAZINE.search(f.container_title)
    if m is None:
        return False
    return not (f.volume and m.group().lower() == "журнал")


_PLAIN_JOURNAL = re.compile(
    r"^(?P<name>[^\d()]{2,150}?)[,.]?\s+(?:Vol\.\s*)?\*?(?P<vol>\d{1,4}[A-Za-z]?)?\*?\s*"
    r"(?:\([^()]{1,20}\)|,?\s*(?:No\.|Issue|Sayı|№)\s*\w+)?"
    r"\s*(?:[,:]\s*(?:pp?\.\s*)?[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—]\s*[A-Za-z]?\d+[A-Za-z]?)?)?\s*\.?$"
)
_PROCEEDINGS = re.compile(
    r"proceedings|conference|symposium|workshop|congress|kongre|sempozyum|bildiri|konfrans|"
    r"конференц|(?<!\w)конф\b|симпозиум|конгресс",
    re.I,
)
_PLACE_PUB = re.compile(
    r"^(?P<place>[^\W\d_][^:\d]{1,60}?)\s*:\s*(?P<pub>[^:]+?)$"
)  # "Thousand Oaks, CA: Sage", "Paris, France : Payot", "London ; New York, NY: Phaidon"
# "Detroit, MI. Morgan Kaufmann" (place first, no colon)
_STATE_PUB = re.compile(
    r"^(?P<place>[A-Z][^\W\d_]+(?:\s[A-Z][^\W\d_]+)?,\s*(?:[A-Z]{2}|[A-Z]\.\s?[A-Z]\.))\.?\s+"
    r"(?P<pub>[A-Z][^:]{1,80})$"
)
_CITIES = (
    r"(?:New York|London|Oxford|Cambridge|Boston|Chicago|"
    r"Paris|Berlin|Amsterdam|Princeton|Washington|Toronto|Leiden|Heidelberg|Dordrecht|"
    r"Thousand Oaks|San Francisco|Los Angeles|Berkeley|Philadelphia|Baltimore|New Haven|"
    r"Ankara|İstanbul|Istanbul|İzmir|Konya|Bursa|Eskişehir|Erzurum|Kars|Trabzon|Bakı|Baku|"
    r"Gəncə|Naxçıvan|Sumqayıt|Adana|Antalya|Samsun|Kayseri|Malatya|Elazığ|Ardahan|Iğdır|"
    r"Isparta|Edirne|Gaziantep|Diyarbakır|Sakarya|Kocaeli|Moscow|Tbilisi|Yerevan|Tashkent|"
    r"Almaty|Kyiv|Москва|М\.|Санкт-Петербург|СПб\.|Казань|Новосибирск|Екатеринбург|Баку|"
    r"Киев|Минск|Ташкент|Алматы|Тбилиси|Ереван|Астрахань|Махачкала|Ростов-на-Дону|"
    r"Нижний Новгород|Краснодар|Томск|Самара|Воронеж|Саратов|Л\.)"
)
# a trailing known city after an institution: "Gazi Üniversitesi, Sosyal Bilimler Enstitüsü, Ankara"
_CITY_END = re.compile(r",\s*" + _CITIES + r"\.?$")
# "Wiley, New York" / "Tioga Publishing Company, Palo Alto, CA" (place last, a known city or
# "City, ST"); an unknown trailing word stays in the publisher, as in the seed's Waltz entry
_PUB_PLACE = re.compile(
    r"^(?P<pub>[^,]{2,60}?(?:,\s*(?:Inc|Ltd|Co|LLC|Publishers)\.?)?),\s*"
    r"(?P<place>" + _CITIES + r""
    r"(?:,\s*[A-Z]{2}|,\s*[A-Z][a-z]+)?|[A-Z][^\W\d_]+(?:\s[A-Z][^\W\d_]+){0,2},\s*(?:[A-Z]{2}|"
    r"California|Kansas|Ontario|Massachusetts|New Jersey|Victoria|Netherlands|Germany|France|"
    r"Canada|Australia|England|Switzerland|Italy|Spain|Türkiye|Turkey|Russia|Azerbaijan)|"
    r"Netherlands|Germany|France|Canada|Australia|England|Switzerland|Türkiye|Turkey)$"
)
_STATES = (
    r"(?:[A-Z]{2}|[A-Z]\.\s?[A-Z]\.|California|Kansas|Ontario|Quebec|Massachusetts|New Jersey|"
    r"Victoria|Canada|Australia|England|UK|USA|U\.S\.A\.|Germany|France|Netherlands)"
)
_CITY_STATE = re.compile(r"[A-Z][^\W\d_]+(?:\s[A-Z][^\W\d_]+){0,2},\s*" + _STATES + r"\.?")
# "Department of Computer Science, University of Waterloo, Waterloo, Ontario"
_ORG_CITY_STATE = re.compile(
    r"^(?P<pub>[^:]{2,120}?),\s*(?P<place>[A-Z][^\W\d_]+(?:\s[A-Z][^\W\d_]+){0,2},\s*"
    + _STATES
    + r")\.?$"
)
# a publisher named by its kind, then one unknown town: "Florida University Press, Gainsville"
_PRESS_CITY = re.compile(
    r"^(?P<pub>[^,:]{2,80}\b(?:Press|Publishers|Verlag|Books|Yayınları|Yayıncılık|Kitabevi|"
    r"nəşriyyatı)),\s*(?P<place>[A-Z][^\W\d_]+(?:\s[A-Z][^\W\d_]+)?)\.?$"
)
_YEAR_END = re.compile(r"[,\s(]*\b(?P<y>1[5-9]\d\d|20\d\d)[a-z]?\)?\.?$")


@dataclass(slots=True)
class _Fields:
    """Mutable scratch record while one entry is read; frozen into a Reference at the end."""

    type: str = "document"
    authors: list[Agent] = field(default_factory=list)
    editors: list[Agent] = field(default_factory=list)
    et_al: bool = False
    year: int | None = None
    year_suffix: str = ""
    original_year: int | None = None
    date: PartialDate | None = None
    no_date: bool = False
    in_press: bool = False
    title: str = ""
    title_translation: str = ""
    container_title: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    edition: str = ""
    publisher: str = ""
    place: str = ""
    genre: str = ""
    doi: str = ""
    doi_raw: str = ""
    url: str = ""
    accessed: PartialDate | None = None
    italic_title: bool = False
    italic_container: bool = False
    retrieved_phrase: bool = False
    report_number: str = ""
    issues: list[str] = field(default_factory=list)

    def flag(self, phrase: str) -> None:
        if phrase not in self.issues:
            self.issues.append(phrase)


_ORDINAL_WORDS = {
    w: str(i)
    for i, w in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
        ],
        start=1,
    )
}


_GOST_THESIS = re.compile(
    r"\s*:\s*(?P<g>(?:автореф\.\s*)?дис(?:\.|сертация)\s[^:]{0,80}?)"
    r"(?:\s*:\s*\d{2}\.\d{2}\.\d{2}(?:\s*[,;]\s*\d{2}\.\d{2}\.\d{2})*\.?)?$"
)  # "… : дис. … канд. полит. наук : 23.00.04" — the specialty code is dropped


# "Başlıq: filologiya üzrə fəlsəfə doktoru dissertasiyasının avtoreferatı", "…: doktora tezi":
# the genre after a colon, ending with the thesis word (Azerbaijani and Turkish forms)
_THESIS_TAIL_WORDS = re.compile(r"dissertasiya|avtoreferat|[Tt]ezi\b")
_THESIS_TAIL = re.compile(
    r"\s*:\s*(?P<g>[^:]{0,150}?\b(?:dissertasiyası|dissertasiyasının\s+avtoreferatı|"
    r"avtoreferatı|[Tt]ezi))\.?$"
)


def _year_span(s: str) -> bool:
    """``1939–1953``: two years in order, a period the title covers, never pages."""
    m = re.fullmatch(r"((?:1[0-9]|20)\d\d)\s*[-–—]\s*((?:1[0-9]|20)\d\d)", s.strip())
    return m is not None and int(m[1]) < int(m[2]) <= int(m[1]) + 300


# ", 5. Edition" / ", 7. Auflage" / ", 2-ci nəşr" ending a title (the gate looks at its last
# characters only, so the end-anchored search is not tried at every position of every title)
_EDITION_END = re.compile(
    r"[.,]\s+(\d+)(?:\.|-?(?:st|nd|rd|th|ci|cı|cu|cü|е|ое))?\s*(?:Auflage|Aufl\.|[Ee]dition|[Ee]dn|[Ee]d\.|"
    r"[Bb]askı|[Bb]s\.|изд\.|издание|nəşr)\.?$"
)
_EDITION_END_GATE = re.compile(
    r"(?:Auflage|Aufl\.|[Ee]dition|[Ee]dn|[Ee]d\.|askı|[Bb]s\.|изд|ание|nəşr)\.?$"
)
_PAGES_PAREN = re.compile(r"\((?:pp?\.|ss?\.|[сС]\.|стр\.|səh\.|S\.)\s*([^()]+)\)")


def _take_title_extras(f: _Fields, title: str) -> str:
    """Pull ``(2nd ed.)``, ``[English translation]``, ``[Thesis, Univ]`` off a title."""
    t = title
    gm0 = _GOST_THESIS.search(t) if ":" in t else None
    if gm0 is None and ":" in t and _THESIS_TAIL_WORDS.search(t):
        gm0 = _THESIS_TAIL.search(t)
    if gm0 and gm0.start() > 0 and not f.genre:
        f.genre = _clean(gm0["g"])  # GOST "Заглавие : дис. … канд. полит. наук"
        t = t[: gm0.start()]
    paren = "(" in t
    for pm in list(_TITLE_PAREN.finditer(t))[::-1] if paren else ():
        inner = pm["in"].strip()
        if ";" in inner:
            # "(M. B. Ramos, Trans.; 30th anniversary ed.)": each part read on its own
            parts = [p.strip() for p in inner.split(";")]
            if all(
                _ED_INNER.match(p) or _VOL_INNER.match(p) or _TRANS_INNER.search(p) for p in parts
            ):
                for p in parts:
                    _take_title_extras(f, f"_ ({p})")
                t = (t[: pm.start()] + t[pm.end() :]).strip()
            continue
        em = _ED_INNER.match(inner)
        vm = _VOL_INNER.match(inner)
        if em:
            f.edition = em["n"].rstrip(".")
            for suf in ("st", "nd", "rd", "th"):
                if f.edition.endswith(suf) and f.edition[: -len(suf)].isdigit():
                    f.edition = f.edition[: -len(suf)]
            rest = em["rest"] or ""
            # "(2nd ed., pp. 5-9)", Turkish "(10. baskı, ss. 27-126)", Russian "(2-е изд., с. 5-9)"
            pgm = _T_PAGES.search(rest) if rest else None
            if pgm:
                f.pages = pgm[1].strip()
            vm2 = re.search(r"(?:Vol\.|Cilt|Т\.)\s*(\w+)", rest)
            if vm2:
                f.volume = vm2[1]
        elif vm:
            f.volume = vm["v"] or vm["v2"]
            pgm = _T_PAGES.search(inner)  # "(Vol. 2, pp. 5-9)", "(Cilt 1, ss. 479-498)"
            if pgm:
                f.pages = pgm[1].strip()
        elif _THESIS.search(inner) and len(inner) <= 80 and not f.genre:
            f.genre = inner  # "(Unpublished doctoral dissertation)", "(Yüksek lisans tezi)"
        elif re.fullmatch(r"\d+\s*[-–—]\s*\d+", inner) and not f.pages and not _year_span(inner):
            f.pages = inner  # "(25-50)" after a book title: the chapter's pages
        elif _T_PAGES.search(inner) and not f.pages:
            tp = _T_PAGES.search(inner)
            f.pages = tp[1].strip() if tp else ""  # "(Seventh Edition, pp. 91–103)"
            wm = re.search(r"\b(\w+)\s+[Ee]dition\b", inner)
            if wm and wm[1].lower() in _ORDINAL_WORDS and not f.edition:
                f.edition = _ORDINAL_WORDS[wm[1].lower()]
        elif _TRANS_INNER.search(inner):
            pass  # translator: no field in the model; the raw entry keeps it
        elif inner.endswith(("Eds.", "Ed.")):
            em2 = _EDS_INNER.match(inner)
            if not em2 or f.editors:
                continue
            f.editors, _ = _parse_given_first(em2["names"])  # a book's own editors
        elif _LAW_INNER.match(inner):
            pass  # a law's number "(Kanun No. 6698)": not a report's; the raw entry keeps it
        elif _REPORT_INNER.search(inner):
            f.report_number = inner
        elif _ISSUE_INNER.match(inner):
            pass  # a serial's issue number: no field for a book, the raw entry keeps it
        else:
            continue
        t = (t[: pm.start()] + t[pm.end() :]).strip()
    if ". " in t and ("Çev." in t or "Trans" in t or "Tərc." in t or "Пер." in t):
        m = _TRANS_SENTENCE.search(t)
        if m:
            t = t[: m.start()]  # translator: no field in the model; the raw entry keeps it
    m = _EDITION_PAREN.search(t) if paren else None
    if m:
        f.edition = (
            m["n"]
            .rstrip(".")
            .removesuffix("st")
            .removesuffix("nd")
            .removesuffix("rd")
            .removesuffix("th")
        )
        rest = m["rest"] or ""
        pgm = re.search(r"pp?\.\s*([\d–—-]+\s*[-–—]?\s*\d*)", rest)
        if pgm:
            f.pages = pgm[1].strip()
        t = (t[: m.start()] + t[m.end() :]).strip()
    m = _EDITION_END.search(t) if _EDITION_END_GATE.search(t[-12:]) else None
    if m and not f.edition:
        f.edition = m[1]
        t = t[: m.start()]
    m = _PAGES_PAREN.search(t) if paren else None
    if m:
        f.pages = m[1].strip()
        t = (t[: m.start()] + t[m.end() :]).strip()
    for gm in list(_GENRE.finditer(t))[::-1] if "[" in t else ():
        inner = gm["g"].strip()
        if _GENRE_WORDS.search(inner) and not f.genre:
            g, _, inst = inner.partition(",")
            f.genre = g.strip()
            if inst.strip() and not f.publisher:
                f.publisher = inst.strip()
        elif not f.title_translation:
            f.title_translation = inner
        else:
            continue
        t = (t[: gm.start()] + t[gm.end() :]).strip()
    return t


def _read_container(f: _Fields, seg: str) -> None:
    """``*Journal*, *9*(31), 307-322`` or ``*Review* 17/4 (2015), 635-661``."""
    s = seg.strip()
    if s.startswith("*"):
        end = s.find("*", 1)
        if end < 0:
            end = len(s)
        name = s[1:end]
        tail = s[end + 1 :]
        f.italic_container = True
        vm = re.search(r"(?:,\s*|\s+)(\d+[A-Za-z]?)$", name)
        if vm and not tail.lstrip().startswith("*"):
            # "*Professional School Counseling, 12*(4)": the volume inside the italics
            name, tail = name[: vm.start()], ", " + vm[1] + tail
    else:
        em = re.match(r"^\([^()]{1,200}\b(?:Eds?|Trans)\.\)\s*", s)
        if em:
            s = s[em.end() :]  # "(I. Mueller, Ed.) Aperion, 24(4)": the editor is not the name
        sm = _SERIES_NUM.search(s) if ("Seri" in s or "Сери" in s) else None
        m = _TAIL_START.search(s, sm.end() if sm else 0)  # "… Seriya 6: Ekonomika, (1)"
        name, tail = (s[: m.start()], s[m.start() :]) if m else (s, "")
    f.container_title = _clean(name)
    if not tail.strip().strip("."):
        return
    tail = _year_lead(f, tail)
    m = _VOL_TAIL.match(tail)
    if not m:
        _read_tail_loose(f, tail)
        return
    if not tail.lstrip().startswith((",", ".")):
        f.flag("no comma between the journal title and the volume")
    f.volume = m["vol"] or ""
    if _RANGE.fullmatch(f.volume) and not (m["pages"] or m["iss"] or m["iss2"] or m["iss3"]):
        f.volume, f.pages = "", f.volume  # "Conference Name, 163-169": a page range, no volume
        return
    if m["iss2"]:
        f.issue = m["iss2"]
        f.flag("volume and issue written as 17/4 instead of 17(4)")
    elif m["iss"]:
        iss = m["iss"].strip()
        pm = re.fullmatch(r"(?:pp?|ss?|S|С|с|səh)\.\s*(.+)", iss)
        if pm:
            f.pages = f.pages or pm[1]  # "(pp. 150-155)" is pages, not an issue
        elif re.fullmatch(r"(?:1[5-9]|20)\d\d", iss) and not m["yr"]:
            f.year = f.year or int(iss)  # Chicago "CE 10 (1949): 324-28": the year
        else:
            f.issue = iss
    elif m["iss3"]:
        f.issue = m["iss3"]
    if m["yr"] and f.year is None:
        f.year = int(m["yr"])
    if m["pages"]:
        f.pages = m["pages"].strip()


_EXTENT_END = re.compile(r",?\s+\d+\s*(?:с|s|p|pp|стр|sayfa|səh|pages)\.?$")  # ", 340 s."


def _read_publisher(f: _Fields, seg: str) -> None:
    """``Place: Publisher, 1979`` / ``Publisher, 5. Edition,1972`` / ``Publisher``."""
    s = _clean(seg)
    tm = re.match(r"^\([^()]{1,120}\)\s*", s)
    if tm and _TRANS_INNER.search(tm[0]):
        s = s[tm.end() :]  # "(A. M. Henderson, & T. Parsons, Trans.) New York: Free Press"
    s = _EXTENT_END.sub("", s) if "," in s else s
    if re.fullmatch(r"\d+\s*(?:с|s|p|pp|стр|sayfa|pages)\.?", s):
        return  # extent of a book ("300 с."), not a publisher
    m = _EDITION.search(s)
    if m and not f.edition:
        f.edition = m["n"]
        if "(" not in m[0]:
            f.flag("edition not written as (2nd ed.) after the title")
        s = (s[: m.start()] + " " + s[m.end() :]).strip(" ,")
    m = _YEAR_END.search(s)
    if m and m.start() > 0:
        if f.year is None:
            f.year = int(m["y"])
        s = s[: m.start()].strip(" ,")
    m = re.search(r",\s*(?:pp?\.\s*)?(\d+\s*[-–—]\s*\d+)$", s)
    if m and m.start() > 0:
        f.pages = f.pages or m[1]  # "Oxford: Oxford University Press, 266-304" (chapter pages)
        s = s[: m.start()].strip(" ,")
    if re.fullmatch(_CITIES + r"\.?", s) or _CITY_STATE.fullmatch(s):
        f.place = s  # "М., 2015", "Boston, MA." — a place (and year), no publisher named
        return
    m = _PRESS_CITY.match(s) or _ORG_CITY_STATE.match(s)
    if m:
        f.place = m["place"].strip()  # "Florida University Press, Gainsville"
        s = m["pub"].strip()
    m = _PLACE_PUB.match(s)
    if m:
        f.place = m["place"].strip()
        s = m["pub"].strip()
    else:
        m = _STATE_PUB.match(s) or _PUB_PLACE.match(s)
        if m:
            f.place = m["place"].strip()
            s = m["pub"].strip()
    if s:
        f.publisher = _clean(s)


# --------------------------------------------------------------------------- APA date

_DATE_PAREN = re.compile(
    r"\(\s*(?P<d>(?:\d{4}[a-z]?(?:\s*/\s*\d{4}[a-z]?)?|n\.\s?d\.(?:\s*-\s*[a-z])?|"
    r"in press(?:\s*-\s*[a-z])?|б\.\s?г\.|t\.y\.|s\.d\.|[Bb]asımda|в печати|"
    r"\d{1,2}\.?\s+[^\W\d_]{3,12}\.?\s+\d{4}|[^\W\d_]{3,12}\.?\s+\d{1,2},?\s+\d{4})"
    r"(?:,\s*[^()]{1,40})?)\s*\)",
)


_EDITOR_ROLE = re.compile(
    r"\s*\((?:Eds?\.?|Haz\.|Ред\.|Ред|Hrsg\.|Yay\.\s*haz\.|Red\.)\)\.?$", re.IGNORECASE
)


def _read_apa_date(f: _Fields, d: str) -> None:
    d = d.strip()
    low = d.lower()
    if low.startswith(("n.d", "n. d", "б.", "t.y", "s.d")):
        f.no_date = True
        m = re.search(r"-\s*([a-z])$", low)
        f.year_suffix = m[1] if m else ""
        return
    if low.startswith(("in press", "basımda", "в печати")):
        f.in_press = True
        m = re.search(r"-\s*([a-z])$", low)
        f.year_suffix = m[1] if m else ""
        return
    m = re.match(r"(\d{4})([a-z]?)(?:\s*/\s*(\d{4})([a-z]?))?(?:,\s*(.*))?$", d)
    if not m:
        pd = parse_date(d)  # "(26 February 1988)", "(12 Ekim 2020)", "(June 7, 1998)"
        if pd is not None and pd.month is not None:
            f.year, f.date = pd.year, pd
        return
    if m[3]:
        f.original_year = int(m[1])
        f.year = int(m[3])
        f.year_suffix = m[4] or ""
    else:
        f.year = int(m[1])
        f.year_suffix = m[2] or ""
    if m[5]:
        f.date = _month_day(m[5], f.year)


# --------------------------------------------------------------------------- entry reader

_CHAPTER = re.compile(
    r"(?:^|(?<=[.?!*\"”,'’]))\s+(?:In|in|İçinde|В|In:|in:)\s+(?P<eds>[^()]*?)\s*"
    r"\((?P<role>(?:Eds?|eds?|Haz|Der|Ред|Red|Hrsg|Ed\.\s*&\s*Trans)\.?\s*)\)[,.]?\s*(?P<rest>.+)$"
)
# Turkish APA 6 without "In": "A. Yazar ve B. Yazar (Ed./Haz./Der.), Kitap içinde (ss. 1-9)."
_CHAPTER_TR = re.compile(
    r"(?<=[.?!\"”])\s+(?P<eds>(?:[^\W\d_]{1,2}\.\s*-?)+[^()]{1,200}?)\s*"
    r"\((?P<role>(?i:Eds?\.|Ed|Haz\.|Der\.|Ed\.?ler|Ред\.|Red\.|Hrsg\.))\),\s*"
    r"(?P<rest>[^()]{1,300}?(?:\s+içinde\b|"
    r"\s*\((?:(?:Vol\.|Cilt|Cild|C\.|Т\.)\s*\w{1,6},\s*)?(?:pp?|ss?|səh|[сС]|S)\.\s*\d[^()]*\)).*)$"
)
_INVERTED_EDS = re.compile(r"[^\W\d_][\w'’ -]{0,40},\s*(?:[^\W\d_]{1,2}\.\s*-?\s*)+(?:,|&|$)")
_CHAPTER_NOED = re.compile(r"(?:^|(?<=[.?!\"”]))\s+(?:In|İçinde|В)\s+(?P<rest>\*.+)$")


_ISBN = re.compile(r"\.?\s*\bISBN(?:-1[03])?:?\s*[\dXx][\dXx -]{8,20}[\dXx]\.?")


_RETRIEVAL_STEMS = (
    "retrieved", "accessed", "erişim", "erişildi", "müraciət", "дата", "режим", "url",
    "available", "retirado", "recuperado", "consultado",
)  # fmt: skip


def _has_retrieval_word(s: str) -> bool:
    """Cheap gate for ``_RETRIEVED`` (an alternation tried at every position): one of its
    words must be present, compared case-free (Turkish dotted/dotless I folded as ``re.I``)."""
    low = s.lower().replace("\u0307", "").replace("ı", "i")
    return any(w in low for w in _RETRIEVAL_STEMS)


def _find_tail(text: str, f: _Fields) -> str:
    """Cut DOI, URL, retrieval phrase and "(Original work published …)" off; return the rest."""
    s = (_ISBN.sub("", text) if "ISBN" in text else text).rstrip()
    m = _ORIGINAL.search(s) if "(" in s else None
    if m:
        f.original_year = int(m[1])
        s = (s[: m.start()] + s[m.end() :]).rstrip()
    cut = len(s)
    dm = _DOI.search(s) if "10." in s else None  # the search is the costliest of the tail
    if dm:
        raw = _strip_tail_punct(dm[0])
        f.doi_raw = raw
        f.doi = _strip_tail_punct(dm[1])
        cut = min(cut, dm.start())
    for um in _URL.finditer(s):
        if dm and um.start() >= dm.start() - 30 and "doi" in um[0].lower():
            continue
        # a bare "www.site.com" in the middle is a site name, not the link
        if um[0].lower().startswith("www.") and s[um.end() :].strip(" .,;") and not f.url:
            continue
        if not f.url:
            f.url = _strip_tail_punct(um[0])
        cut = min(cut, um.start())
        break
    head = s[:cut].rstrip()
    rm = _RETRIEVED.search(head) if _has_retrieval_word(head) else None
    if rm:
        f.retrieved_phrase = True
        if rm[1]:
            f.accessed = parse_date(rm[1])
        head = head[: rm.start()].rstrip()
    if f.accessed is None:
        # "(Дата обращения: 20.07.2024)" written after the URL
        tail = s[cut:]
        am = re.search(
            r"(?:Дата обращения|Erişim tarihi|Accessed|Retrieved|Müraciət tarixi)"
            r"\s*:?\s*([^()]{4,30}?\d{4})",
            tail,
            re.IGNORECASE,
        )
        if am:
            f.accessed = parse_date(am[1])
            f.retrieved_phrase = True
    return head.strip()


def _read_body_apa(f: _Fields, body: str) -> None:
    """Everything after ``(date).`` in an APA entry."""
    cm = _CHAPTER.search(" " + body) or _CHAPTER_TR.search(" " + body)
    if cm:
        f.type = "chapter"
        title = (" " + body)[: cm.start()]
        f.title = _unquote(_take_title_extras(f, title.strip()))
        if _INVERTED_EDS.match(cm["eds"]):
            # "In Tesauro, G., & Leen, T. (Eds.)," — editors written surname first
            ia = _parse_author_block(cm["eds"])
            eds, et = ia.agents, ia.et_al
        else:
            eds, et = _parse_given_first(cm["eds"])
        f.editors, f.et_al = eds, f.et_al or et
        _read_book_tail(f, cm["rest"])
        _title_quote_check(f, title)
        return
    cm2 = _CHAPTER_NOED.search(" " + body)
    if cm2:
        f.type = "chapter"
        f.title = _clean(_take_title_extras(f, (" " + body)[: cm2.start()].strip()))
        _read_book_tail(f, cm2["rest"])
        if f.url and f.accessed is not None and not (f.pages or f.publisher or f.editors):
            # "Pedagogy. In *Merriam-Webster.com dictionary*. Retrieved …, from URL": an entry
            # of an online reference work, retrieved because it changes — a web page
            f.type = "webpage"
        return
    if " // " in body:
        # APA head, GOST source: "Əliyeva, N. (2018). Başlıq // Jurnal, № 4, s. 55-60."
        title, _, src = body.partition(" // ")
        f.title = _unquote(_take_title_extras(f, title))
        _read_container(f, src)
        f.type = "article-journal" if (f.volume or f.issue) else "chapter"
        f.flag("GOST form ('//' before the source) instead of APA")
        return
    segs = _segments(body)
    if not segs:
        return
    first = segs[0].text
    if first.startswith("*"):
        # italic title: a stand-alone work (book, report, web page, thesis)
        f.italic_title = True
        f.title = _clean(_take_title_extras(f, first))
        rest = [g.text for g in segs[1:]]
        if rest and re.match(r"^\(\d+(?:st|nd|rd|th)\s+ed\.\)|^\[", rest[0]):
            _take_title_extras(f, rest[0])
            rest = rest[1:]
        _standalone(f, rest)
        return
    k = next((i for i, g in enumerate(segs) if i > 0 and g.italic), -1)
    if k > 0:
        title = " ".join(g.text for g in segs[:k])
        f.title = _unquote(_take_title_extras(f, title))
        _title_quote_check(f, title)
        _read_container(f, segs[k].text)
        rest = [g.text for g in segs[k + 1 :]]
        if rest:
            _read_publisher(f, " ".join(rest))
        if f.volume or f.pages or f.issue:
            f.type = "article-magazine" if _magazine_name(f) else "article-journal"
            _periodical_by_date(f)
        elif _magazine_name(f):
            f.type = "article-magazine"
        else:
            f.type = "article-newspaper"
        return
    # no italics at all
    tm = _THESIS_IN_TEXT.search(body)
    gm = _GENRE_LEAD.match(body[tm.end() :]) if tm else None
    if tm and gm and tm.start() > 0:
        # "Title, Masters Thesis, Department of X, University." / "Title. PhD thesis, Dept., Univ."
        title = body[: tm.start()]
        f.title = _unquote(_take_title_extras(f, title.strip()))
        _title_quote_check(f, title)
        f.genre = f.genre or _clean(gm["g"])
        inst = re.split(r"\.\s+(?=[A-Z])", gm["inst"] or "", maxsplit=1)[0]
        if inst:
            f.publisher = f.publisher or _inst_name(inst)
        f.type = "thesis"
        return
    # "Journal, 12(3), 45-67" or "In Proceedings of X (pp. 1-9)" without italics
    for k in range(1, len(segs)):
        seg = segs[k].text
        im = re.match(r"^In:?\s+(?P<c>.+)$", seg) or re.match(
            r"^(?P<c>(?:Proceedings|Proc\.)\s.+[,(]\s*(?:Vol\.|pp?\.|pages|\d+\s*[-–—]\s*\d+).*)$",
            seg,
        )  # a proceedings volume named without "In"
        jm = _plain_journal(seg) if im is None else None
        town = ""
        if jm is None and im is None and k == len(segs) - 1 and "," in seg:
            cm_ = _CITY_END.search(seg.rstrip(". "))
            if cm_ and cm_.start() > 0:
                # "Sempozyumu Bildiriler Kitabı, Cilt 2, 340-352, Ankara." — numbers, then the
                # town where the volume appeared: a book of proceedings, not a journal
                jm = _plain_journal(seg.rstrip(". ")[: cm_.start()])
                if jm is not None:
                    town = cm_[0].strip(" ,.")
                    seg = seg.rstrip(". ")[: cm_.start()]
        if jm is not None and not town and "," in jm[0] and _PROCEEDINGS.search(jm[0]):
            cm_ = _CITY_END.search(jm[0].rstrip())
            if cm_ and cm_.start() > 0:
                # "… konfransın materialları, Bakı, səh. 210-214": the town where the
                # proceedings appeared stands before the numbers; it is a place, not the name
                town = cm_[0].strip(" ,.")
                jm = (jm[0].rstrip()[: cm_.start()], jm[1])
                seg = jm[0] + jm[1]
        if jm is None and im is None:
            continue
        qm = (
            _QUOTED_THEN_NAME.match(" ".join(g.text for g in segs[:k]))
            if jm is not None and segs[0].quoted and _SERIES.search(jm[0].strip())
            else None
        )
        if qm:
            # Harvard "'Title' [Tr.], Vestnik … universiteta. Seriya 6: Ekonomika, (1), pp. 3–17":
            # the quoted title and the first part of a series journal share a segment
            seg = qm["name"] + " " + seg
            segs = [_Seg(qm["title"], segs[0].start), *segs[k:]]
            t_end = 1
        elif (
            jm is not None
            and k >= 2
            and (_SERIES.search(jm[0].strip()) or _ONE_WORD_NAME.fullmatch(segs[k - 1].text))
        ):
            # a journal name with a period in it: "Полис. Политические исследования, (2)",
            # "Вестник РУДН. Серия: Международные отношения, 19(2)"
            seg = segs[k - 1].text + " " + seg
            t_end = k - 1
        else:
            t_end = k
        while (
            jm is not None
            and t_end >= 2
            and re.fullmatch(r"[A-Z][^\W\d_]{0,5}\.", jm[0].strip().split()[0])
            and _ABBR_WORDS.fullmatch(segs[t_end - 1].text)
        ):
            # "Bot. J. Linn. Soc. 141, 133–149": abbreviated journal words cut into segments
            seg = segs[t_end - 1].text + " " + seg
            t_end -= 1
        rest_start = 2 if qm else k + 1
        title = " ".join(g.text for g in segs[:t_end])
        f.title = _unquote(_take_title_extras(f, title))
        _title_quote_check(f, title)
        rest = [g.text for g in segs[rest_start:]]
        if jm is not None:
            pp = _PAGES_PAREN.match(jm[1]) if jm[1][:1] == "(" else None
            if pp and re.search(r"\d", jm[0]):
                f.container_title = _clean(jm[0])  # a meeting's name with a number in it
                f.pages = pp[1].strip()
            else:
                _read_container(f, seg)
            if rest and not f.pages:
                pg = _PAGES.match(rest[0].strip())
                if pg:
                    f.pages = pg["p"]  # "Language, 51(4). 901 – 923."
                    rest = rest[1:]
            f.type = "article-journal"
            if town:
                f.place = town
                f.type = "paper-conference" if _PROCEEDINGS.search(f.container_title) else "chapter"
                return
            # "Bildiriler Kitabı (ss. 112-125). Kars: Kafkas Üniversitesi Yayınları." — a
            # book of proceedings or a collection, not a journal
            if not _container_is_a_book(f, _clean(" ".join(rest))):
                _periodical_by_date(f)
            return
        if im is not None:
            cont = re.sub(r"^the\s+(?=Proc)", "", im["c"])  # "In the Proceedings of …"
            pm = _T_PAGES.search(cont)
            if pm:
                f.pages = pm[1].strip()
            else:
                bm = re.search(r"(?:,\s*|\s+)(\d+\s*[-–—]\s*\d+)\)?\s*[.,]?\s*$", cont)
                if bm:
                    f.pages = bm[1]  # "Proceedings of IJCAI-89, 1273-1278."
                    cont = cont[: bm.start()]
            vm = re.search(r"\bVol(?:ume)?\.?\s*(\w+)", cont)
            if vm:
                f.volume = vm[1]
            cm = re.search(r",?\s*\(?(?:Vol(?:ume)?\.?|pp?\.|pages)\s*\d", cont)
            if cm:
                cont = cont[: cm.start()]
            cont = _take_title_extras(f, cont)
            cont = re.split(r",\s*(?:eds?\.|edited by)\s", cont, maxsplit=1)[0]
            f.container_title = _clean(cont)
            if rest:
                pg = _PAGES.match(rest[0])
                if pg:
                    f.pages = pg["p"]
                    rest = rest[1:]
            if rest:
                _read_publisher(f, " ".join(rest))
            f.type = "paper-conference" if _PROCEEDINGS.search(f.container_title) else "chapter"
            return
    # "Journal\n6 (2), pp. 117-129." — the name and its numbers cut apart by a period
    for k in range(1, len(segs) - 1):
        nxt = segs[k + 1].text
        if _tailish(nxt) and not re.search(r"\d", segs[k].text) and len(segs[k].text) <= 120:
            if re.fullmatch(r"[\s(]*(?:1[5-9]|20)\d\d[\s.)]*", nxt):
                continue
            j = k  # "Syst. Bot. 18: 593–613": abbreviated journal words cut into segments
            while j > 1 and _ABBR_WORDS.fullmatch(segs[j - 1].text):
                j -= 1
            title = " ".join(g.text for g in segs[:j])
            f.title = _unquote(_take_title_extras(f, title))
            _title_quote_check(f, title)
            name = " ".join(g.text for g in segs[j : k + 1]).rstrip(". ")
            _read_container(f, name + ", " + nxt)
            f.type = "article-journal"
            # "Encyclopedia. (pp. 150-155). Chicago: World Book." — a book, not a journal
            _container_is_a_book(f, _clean(" ".join(g.text for g in segs[k + 2 :])))
            return
    # the journal hidden inside a segment: after "Jr.", "?", a lower-case name ("info, 9(1)")
    # or a comma ("Title, International Studies Quarterly 53 (2), 325-347")
    for k in range(len(segs) - 1, -1, -1):
        text = segs[k].text
        cuts = [m.end() for m in re.finditer(r"[.?!]\s+", text)]
        cuts += [m.end() for m in re.finditer(r",\s+", text)]
        best = None
        for c in sorted(cuts, reverse=True):
            if len(text) - c > 300:
                break  # a journal name and its numbers are short: keeps this loop linear
            pj = _plain_journal(text[c:])
            if pj is not None and (k > 0 or c > 0):
                best = c
                if text[c - 2 : c - 1] in ".?!" or text[c - 1 : c] in ".?!":
                    break
                # a comma cut must leave a capitalised name without commas, in the last segment,
                # and a real volume or pages (not "the modern age, 1870-1930")
                if (
                    "," in pj[0]
                    or not pj[0][:1].isupper()
                    or k != len(segs) - 1
                    or not re.search(r"\d+\s*[-–(]", pj[1])
                    or re.fullmatch(r"[\s,]*(?:1[5-9]|20)\d\d\s*[-–]\s*(?:1[5-9]|20)\d\d\.?", pj[1])
                ):
                    best = None
                    continue
                break
        if best is not None:
            title = " ".join(g.text for g in segs[:k]) + " " + text[:best]
            f.title = _unquote(_take_title_extras(f, title.strip().rstrip(",")))
            _title_quote_check(f, title.strip())
            _read_container(f, text[best:])
            f.type = "article-journal"
            return
        if k < len(segs) - 1:
            break  # only the last one or two segments can hold the source
    if len(segs) == 1 and _read_harvard_quoted(f, first):
        return
    if len(segs) == 1:
        pw = _PUB_WORDS_TAIL.search(first)
        if pw and pw.start() > 10:
            first, pub = first[: pw.start()], first[pw.start() :].lstrip(" ,")
            _read_publisher(f, pub)  # "Robot Vision, MIT Press."
        f.title = _unquote(_take_title_extras(f, first))
        _title_quote_check(f, first)
        f.type = "book" if f.publisher else "webpage" if f.url else "document"
        if f.report_number or re.search(r"\b(?:report|rapor|raporu|доклад)\b", f.title, re.I):
            f.type = "report"
        if f.genre:
            f.type = "thesis" if _THESIS.search(f.genre) else f.type
        return
    # "Title. PhD thesis, Dept., University." / "Title. Technical report 41, Institute."
    for k in range(1, len(segs)):
        gm = _GENRE_LEAD.match(segs[k].text)
        if gm:
            title = " ".join(g.text for g in segs[:k])
            f.title = _unquote(_take_title_extras(f, title))
            _title_quote_check(f, title)
            f.genre = f.genre or _clean(gm["g"])
            inst = gm["inst"] or ""
            inst = re.split(r"\.\s+(?=[A-Z])", inst, maxsplit=1)[0]
            if inst:
                f.publisher = f.publisher or _inst_name(inst)
            f.type = "thesis" if _THESIS.search(f.genre) else "report"
            return
        gt = segs[k].text
        if len(gt) <= 80 and _THESIS.search(gt) and not re.search(r"\d", gt):
            # "Title. Tarix üzrə fəlsəfə doktoru dissertasiyası. Bakı: AMEA Tarix İnstitutu."
            title = " ".join(g.text for g in segs[:k])
            f.title = _unquote(_take_title_extras(f, title))
            _title_quote_check(f, title)
            f.genre = f.genre or _clean(gt)
            inst = _clean(" ".join(g.text for g in segs[k + 1 :]))
            if inst:
                pm = _PLACE_PUB.match(inst) or _PUB_PLACE.match(inst)
                pub = _clean(pm["pub"] if pm else inst)
                pub = _EXTENT_END.sub("", pub) if "," in pub else pub  # "Bakı: BDU, 165 s."
                f.publisher = f.publisher or _CITY_END.sub("", pub)
            f.type = "thesis"
            return
    last = segs[-1].text
    title = " ".join(g.text for g in segs[:-1])
    f.title = _unquote(_take_title_extras(f, title))
    _title_quote_check(f, title)
    if f.genre and _THESIS.search(f.genre):
        f.type = "thesis"
        last = _clean(last)
        last = _EXTENT_END.sub("", last) if "," in last else last  # "Bakı, 24 s."
        if re.fullmatch(_CITIES + r"\.?", last):
            f.place = last  # a town alone is the place, never the institution
        else:
            # "Bakı: AMEA Dilçilik İnstitutu" (place first) or "Univ., Ankara" (place last)
            pp = _PLACE_PUB.match(last) if ":" in last else None
            if pp:
                f.place = f.place or _clean(pp["place"])
            pm = pp or _PUB_PLACE.match(last)
            f.publisher = f.publisher or _CITY_END.sub("", _clean(pm["pub"] if pm else last))
    elif _JOURNAL_NAME.search(last) and len(last) <= 150 and (f.doi or _IN_PRESS_END.search(last)):
        # "Title. Preventing Chronic Disease. https://doi.org/…", "Title. Journal of X, in press."
        f.container_title = _clean(_IN_PRESS_END.sub("", last))
        f.type = "article-journal"
    elif f.url:
        if _CITY_STATE.fullmatch(_clean(last)):
            f.place = _clean(last)  # "Boston, MA. Retrieved from …" — a place, not a site
        else:
            f.container_title = _clean(last)
        f.type = "webpage"
    elif (
        f.date is not None
        and f.date.day is not None
        and len(last) <= 60
        and ":" not in last
        and not re.search(r"\d", last)
        and not _PUB_WORDS.search(last)
    ):
        # "Gladwell, M. (2002, July 22). The talent myth. The New Yorker.": a day date dates a
        # periodical's issue, never a book's, so the last name is the paper, not a publisher
        f.container_title = _clean(last)
        f.type = "article-newspaper"
    else:
        _read_publisher(f, last)
        f.type = "book"
        if f.report_number or re.search(r"\b(?:report|rapor|raporu|доклад)\b", f.title, re.I):
            f.type = "report"


_QUOTED_HEAD = re.compile(
    r"^(?P<q>(?P<o>['‘\"“«])[^'‘’\"“”«»]{3,300}(?:['’\"”»])),\s+(?P<rest>.+)$"
)


def _read_harvard_quoted(f: _Fields, seg: str) -> bool:
    """Harvard ``'Title', Site or Paper, 10 November, p. 5.``: a quoted title, then the
    source's parts separated by commas (a day and month, pages, a name)."""
    m = _QUOTED_HEAD.match(seg)
    if not m or f.year is None:
        return False
    parts = [p.strip() for p in _split_commas(m["rest"].rstrip(". ")) if p.strip()]
    if not parts:
        return False
    name = ""
    for p in parts:
        md = _month_day(p, f.year) if re.search(r"\d", p) else None
        pm = re.fullmatch(r"(?:pp?\.|s\.|С\.)\s*(\d+\s*[-–—]\s*\d+|\d+)", p)
        if md is not None and md.day is not None and len(p) <= 20:
            f.date = md
        elif pm:
            f.pages = pm[1]
        elif not name and not re.search(r"\d", p):
            name = p
        else:
            return False  # numbers of a journal: left to the journal readers
    f.title = _unquote(m["q"])
    f.flag("title in quotation marks")
    if name:
        f.container_title = _clean(name)
    if f.url:
        f.type = "webpage"
    elif f.container_title:
        f.type = "article-newspaper"
    else:
        f.type = "document"
    return True


_JOURNAL_NAME = re.compile(
    r"\b(?:Journal|Review|Quarterly|Bulletin|Annals|Letters|Transactions|Disease|Medicine|"
    r"Dergisi|Jurnalı|Журнал|Вестник|Известия|Zeitschrift|Revue|Revista)\b",
    re.IGNORECASE,
)
_IN_PRESS_END = re.compile(
    r",?\s*(?:in press|advance online publication|online first|forthcoming|basımda|в печати)\.?$",
    re.IGNORECASE,
)
_SERIES = re.compile(
    r"^(?:Серия|Сер\.|Seriya|Serisi|Series\s+[A-Z]\b)|(?:seriyası|серия|serisi|dizisi)$",
    re.IGNORECASE,
)
# a quoted title (and its bracketed translation), a comma, then a name: "'T' [E], Vestnik X"
_QUOTED_THEN_NAME = re.compile(
    r"(?P<title>['‘\"“«][^'‘’\"“”«»]{3,300}['’\"”»](?:\s*\[[^\[\]]{1,200}\])?),\s+"
    r"(?P<name>[^\W\d_][^,\d'‘’\"“”«»]{1,120}\.)$"
)
_ONE_WORD_NAME = re.compile(r"[^\W\d_][^\W\d_-]{1,14}\.")


_THESIS_IN_TEXT = re.compile(
    r"[,.]\s+(?=(?:Unpublished\s+)?(?:Ph\.?\s?D\.?|Doctoral|Master'?s|Masters)\s*"
    r"(?:thesis|dissertation)\b|(?:Yayımlanmamış\s+|Yayınlanmamış\s+)?"
    r"(?:Yüksek\s+Lisans|Doktora|Sanatta\s+Yeterlik)\s+Tezi\b)",
    re.IGNORECASE,
)


def _inst_name(inst: str) -> str:
    """An institution with its town dropped: "Dept., Univ. of Waterloo, Waterloo, Ontario"."""
    s = _clean(inst)
    m = _ORG_CITY_STATE.match(s) or _PUB_PLACE.match(s)
    return _CITY_END.sub("", _clean(m["pub"] if m else s))


_GENRE_LEAD = re.compile(
    r"^(?P<g>(?:Unpublished\s+)?(?:Ph\.?\s?D\.?|Doctoral|Master'?s|Masters|M\.?A\.?|M\.?Sc\.?|"
    r"Bachelor'?s|Diploma|Habilitation)\s*(?:thesis|dissertation|Thesis|Dissertation)|"
    r"(?:Yay[ıi]mlanmam[ıi]ş\s+|Yayınlanmamış\s+)?(?:Yüksek\s+[Ll]isans|Doktora|"
    r"Sanatta\s+[Yy]eterlik)\s+[Tt]ezi|"
    r"(?:Tech(?:nical)?\.?\s*(?:rep(?:ort)?\.?|Report|memo)|Working\s+[Pp]aper|Research\s+[Rr]eport)"
    r"(?:\s+(?:No\.\s*)?[\w./-]*\d[\w./-]*)?)"
    r"[,.:]?\s*(?P<inst>.*)$"
)


_PUB_WORDS_TAIL = re.compile(
    r",\s*[^,]{0,60}\b(?:Press|Publishers?|Publishing|Verlag|Books|[EÉ]ditions|Yayınları|"
    r"Yayıncılık|Yayınevi|Kitabevi|Издательство|Изд-во|nəşriyyatı|Nəşriyyatı)\b[^,]{0,30}"
    r"(?:,\s*[^,]{2,40}){0,2}\.?$"
)
_ABBR_WORDS = re.compile(r"(?:[A-Z][^\W\d_]{0,11}\.\s*){1,4}")


def _container_is_a_book(f: _Fields, pub: str) -> bool:
    """A container with no volume/issue followed by ``Place: Publisher`` is a book or a
    proceedings volume, not a journal: read the publisher and retype the entry."""
    if pub and not (f.volume or f.issue) and (_PLACE_PUB.match(pub) or _PUB_AHEAD.match(pub)):
        _read_publisher(f, pub)
        f.type = "paper-conference" if _PROCEEDINGS.search(f.container_title) else "chapter"
        return True
    return False


def _periodical_by_date(f: _Fields) -> None:
    """APA dates periodicals by their rhythm: a day date with no volume is a daily (newspaper;
    its running number ``№ 245`` may stand as the issue); a month date with a volume is a
    magazine, and so is a month date with an issue alone (``(2019, Mart). … Bilim ve Teknik,
    Sayı 616, s. 40-45``): dailies are dated by the day. Journals give the year only."""
    if f.date is None or f.date.month is None or _magazine_name(f):
        return
    if f.date.day is not None and not f.volume:
        f.type = "article-newspaper"
    elif f.date.day is None and (f.volume or f.issue):
        f.type = "article-magazine"


def _title_quote_check(f: _Fields, title: str) -> None:
    t = title.strip()
    if t and t[0] in '"“«„':
        f.flag("title in quotation marks")


_BOOK_NUMS = re.compile(r",\s*(?=(?:Vol(?:ume)?\.|pp?\.)\s*\d)")


def _read_book_tail(f: _Fields, rest: str) -> None:
    """``*Book* (2nd ed., pp. 1–41). Publisher.`` after "In Editors (Eds.),"."""
    vm = None if rest.startswith("*") else _BOOK_NUMS.search(rest[:300])
    if vm and vm.start() > 0 and "(" not in rest[: vm.start()]:
        # "Advances in X, Vol. 7, pp. 231-238, Cambridge, MA. MIT Press." — numbers unbracketed
        f.container_title = _clean(rest[: vm.start()])
        segs2 = _segments(rest[vm.end() :])
        nums: list[str] = []
        for raw in _split_commas(segs2[0].text if segs2 else ""):
            part = raw.strip().rstrip(".")
            if re.search(r"\d", part):
                nums.append(part)
            elif part:
                f.place = f"{f.place}, {part}" if f.place else part
        if nums:
            _read_tail_loose(f, ", ".join(nums))
        if segs2[1:]:
            _read_publisher(f, " ".join(g.text for g in segs2[1:]))
        return
    if not rest.startswith("*"):
        # plain book title: it runs to the "(pp. 3–14)" / "(Vol. 2)" / "(2nd ed.)" bracket,
        # which may follow a sentence end inside the title ("Free Movement. Ethical Issues")
        pm = re.search(
            r"\((?:[^()]*?(?:\bpp?\.|\bss?\.|\bsəh\.|[сС]\.|\bS\.|\bVol\.|\bCilt\b|\bed\.|"
            r"[Ee]dition|[Bb]askı)\s*[^()]*)\)",
            rest,
        )
        if pm and len(_segments(rest[: pm.start()])) <= 3:
            book = re.sub(r"\s+içinde$", "", _clean(rest[: pm.start()]))
            _take_title_extras(f, rest[pm.start() : pm.end()])
            f.container_title = _clean(_take_title_extras(f, book))
            after = rest[pm.end() :].lstrip(" .,")
            if after:
                _read_publisher(f, after)
            return
    segs = _segments(rest)
    if not segs:
        return
    if not rest.startswith("*") and len(segs) >= 3 and not _PLACE_PUB.match(_clean(segs[1].text)):
        # plain "Book. Subtitle sentence. Place: Publisher." — all but the last is the book
        segs = [_Seg(" ".join(g.text for g in segs[:-1]), segs[0].start), segs[-1]]
    book = _take_title_extras(f, segs[0].text)
    book = re.sub(r"\s+içinde$", "", _clean(book))  # Turkish "*Kitap* içinde (ss. 1-10)"
    f.container_title = _clean(_take_title_extras(f, book))
    if segs[1:]:
        _read_publisher(f, " ".join(g.text for g in segs[1:]))


def _standalone(f: _Fields, rest: list[str]) -> None:
    """After an italic title: site name or publisher decides web page vs book/report."""
    if f.genre and _THESIS.search(f.genre):
        f.type = "thesis"
        if rest and not f.publisher:
            f.publisher = _clean(" ".join(rest))
        return
    if f.url and (f.accessed is not None or (f.date is not None and f.date.month)):
        f.type = "webpage"
        if rest:
            f.container_title = _clean(" ".join(rest))
        return
    if rest:
        _read_publisher(f, " ".join(rest))
    if (
        (f.genre and re.search(r"report", f.genre, re.IGNORECASE))
        or re.search(r"\b(?:report|rapor|raporu|доклад)\b", f.title, re.IGNORECASE)
        or f.report_number
        or (f.authors and all(isinstance(a, Organization) for a in f.authors) and f.url)
    ):
        f.type = "report"
    else:
        f.type = "book" if (f.publisher or not f.url) else "webpage"


_CHI_GIVEN_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_'’-]*(?:-[^\W\d_]+)?|\.(?:-[^\W\d_]\.)?)\.?")


def _chicago_authors(s: str) -> tuple[_Authors, str] | None:
    """``Surname, Given N.`` (plus ``and Given Surname``, ``Et. al.``) at the start of ``s``."""
    m = re.match(r"([^\W\d_][^,.()\"“*:;]{0,50}?),\s+", s)
    if not m or not _looks_person_family(m[1]):
        return None
    res = _Authors()
    pos = m.end()
    given: list[str] = []
    n = len(s)
    while pos < n:
        em = re.match(r"(?:[Ee]t\.?\s*al\.?|и\s+др\.?|vd\.)", s[pos:])
        if em and given:
            res.et_al = True
            pos += em.end()
            break
        tm = _CHI_GIVEN_TOKEN.match(s, pos)
        if not tm or not s[pos].isupper():
            break
        tok = tm[0]
        is_init = bool(re.fullmatch(r"[^\W\d_]\.(?:-[^\W\d_]\.)?", tok))
        if given and not is_init and given[-1].endswith(".") and len(given[-1]) <= 2:
            break  # "Waltz, K. Theory" — a capitalised word after an initial starts the title
        after = s[tm.end() : tm.end() + 1]
        if after not in (" ", ",", ""):
            break
        given.append(tok)
        pos = tm.end()
        if tok.endswith(".") and not is_init:
            break  # "Fareed." closes the author block
        while pos < n and s[pos] == " ":
            pos += 1
        if pos < n and s[pos] == ",":
            break
    if not given:
        return None
    g = " ".join(given)
    if g.endswith(".") and not re.search(r"\b[^\W\d_]\.$", g):
        g = g[:-1]
    res.agents.append(_person(m[1], g))
    res.spelled_out = any(len(t.rstrip(".")) > 1 for t in given)
    # ", and Jane Doe." / ", David Jurgens, and David Allen." co-authors written given-name first
    # (an initial's period may sit inside a co-author: ", and S. Frederick Starr.")
    am = re.match(
        r"\s*,?\s*((?:[A-Z][^.\"“*,]{2,40},\s*){0,8}(?:and|&|ve|и)\s+"
        r"(?:\b[A-Z]\.|[^.\"“*]){3,80}?)\.\s",
        s[pos:],
    )
    if am:
        more, et = _parse_given_first(re.sub(r"^(?:and|&|ve|и)\s+", "", am[1]))
        res.agents.extend(more)
        res.et_al = res.et_al or et
        pos += am.end() - 1
    rest = s[pos:].lstrip(" .,")
    return res, rest


_GF_TOKEN = re.compile(
    r"(?:[^\W\d_]\.(?:\s?-?[^\W\d_]\.){0,2}|[^\W\d_]{2}\.(?=\s)|"
    r"[^\W\d_][^\W\d_'’]*(?:[-'’][^\W\d_]+)*)"
)
_GF_SEP = re.compile(r"(?:,\s+(?:and|&)\s+|\s+(?:and|&)\s+|,\s+)")


_CYR_INVERTED_HEAD = re.compile(r"[А-ЯЁӘҺІЇЄҒҚҢӨҮҰ][^\W\d_]+,?\s+(?:[^\W\d_]{1,2}\.\s?){2,3}")


def _given_first_head(head: str) -> tuple[_Authors, str] | None:
    """Authors written given-name first at the start of a non-APA entry: ``Thomas de Waal and
    Laurence Broers. 2019. …``, IEEE ``S. E. Cornell and A. Jonsson, "Title," …``. Only taken
    when the evidence is clear (an initial, or several names), so ``Human Rights Watch.`` and
    ``Waltz, Kenneth N.`` are left to the other readers. Scans at most 300 characters."""
    if _CYR_INVERTED_HEAD.match(head):
        return None  # "Мамедова Ф. Дж. Заглавие": GOST surname and initials, not given-first
    names: list[list[str]] = []
    pos = 0
    n = min(len(head), 300)
    cur: list[str] = []
    while pos < n:
        tm = _GF_TOKEN.match(head, pos)
        if not tm or tm.end() > n:
            return None
        tok = tm[0]
        end = tm.end()
        if len(tok) == 3 and tok[1].isalpha() and tok[:2].lower() not in _TWO_LETTER_INITIALS:
            tok, end = tok[:2], end - 1  # "Ai Li." — a short surname, then the period
        if tok[0].islower() and tok not in _PARTICLES:
            return None
        if tok.lower() in _ORG_WORDS or len(cur) >= 5:
            return None
        cur.append(tok)
        pos = end
        if (
            head.startswith(" ", pos)
            and not _GF_SEP.match(head, pos)
            and head[pos + 1 : pos + 2] not in _OPEN_Q
        ):
            pos += 1
            continue
        sm = _GF_SEP.match(head, pos)
        if sm and not head.startswith(('"', "“", "«"), sm.end()):
            names.append(cur)
            cur = []
            pos = sm.end()
            continue
        names.append(cur)
        break
    else:
        return None
    rest = head[pos:]
    if not re.match(r"^(?:\.\s|,?\s*[\"“«]|,?\s*\(?(?:1[5-9]|20)\d\d\b)", rest):
        return None
    for nm in names:
        if len(nm) < 2 or not nm[0][0].isupper():
            return None
        last = nm[-1]
        if last.endswith(".") or not last[0].isupper() or len(last) < 2:
            return None
    if len(names) < 2 and not any(t.endswith(".") for t in names[0][:-1]):
        return None
    res = _Authors()
    for nm in names:
        k = len(nm) - 1
        while k > 1 and nm[k - 1] in _PARTICLES:
            k -= 1
        res.agents.append(
            Person(family=nm[-1], given=" ".join(nm[:k]), particle=" ".join(nm[k:-1]))
        )
    res.spelled_out = any(not t.endswith(".") for nm in names for t in nm[:-1])
    return res, rest.lstrip(" .,")


def _read_given_first(f: _Fields, head: str) -> bool:
    """A given-name-first author list, then an author-date or Chicago/IEEE body."""
    got = _given_first_head(head)
    if got is None:
        return False
    auth, rest = got
    f.authors = auth.agents
    f.flag("author names not written as 'Surname, I.'")
    ym = re.match(r"^\(?((?:1[5-9]|20)\d\d)([a-z]?)\)?[.,:]\s+(?=\S)", rest)
    if ym:
        f.year = int(ym[1])
        f.year_suffix = ym[2]
        f.flag("date not in parentheses after the authors")
        _read_body_apa(f, rest[ym.end() :])
        return True
    if rest[:1] in _OPEN_Q and _read_ieee_body(f, rest):
        return True
    _read_chicago(f, rest, authors_read=True)
    return True


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


_PUB_WORDS = re.compile(
    r"\b(?:Press|Publishers?|Publishing|Verlag|Books|Yayınları|Yayıncılık|Kitabevi|"
    r"nəşriyyatı|Издательство|Springer|Elsevier|Wiley|Routledge|Academic)\b"
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


_CHICAGO_EDITION = re.compile(
    r"^(?P<n>\d+(?:st|nd|rd|th)|[Rr]ev\.|[Rr]evised)\s+(?:ed\.|edn\.?|edition\.?)(?:\s+|$)"
    r"|^(?P<tr>\d+)\.\s+(?:bs\.|baskı\.?|bası\.?|basım\.?)(?:\s+|$)"
)  # also Turkish "3. bs. İstanbul: …"


def _read_chicago(f: _Fields, head: str, authors_read: bool = False) -> None:
    """``Surname, Given. Title. Container 17/4 (2015), 1-10.`` or ``… Place: Publisher, 1979.``"""
    parsed = None
    if not authors_read:
        lm = _INVERTED_LIST.match(head)
        if lm and head[lm.end() : lm.end() + 1].isupper():
            la = _parse_author_block(lm[0])
            if len(la.agents) >= 2 and all(isinstance(a, Person) for a in la.agents):
                parsed = (la, head[lm.end() :])
        vm = _VANCOUVER_LIST.match(head) if parsed is None else None
        if vm:
            va = _Authors()
            for nm in re.finditer(r"([^\W\d_][\w'’ -]*?)\s([A-Z]{1,3})(?=,|\.)", vm[0]):
                va.agents.append(_person(nm[1], nm[2]))
            parsed = (va, head[vm.end() :])  # "Liu Z, Wang Y, Gu FX. Title. Journal. 2015."
        if parsed is None:
            parsed = _chicago_authors(head)
    gost: list[Agent] = []
    gpos = 0
    while parsed is None and not authors_read and len(gost) < 20:
        gm = _GOST_AUTHOR.match(head, gpos)
        if not gm or not _gost_next(gost, head, gpos, gm):
            break
        ini = gm[2].strip()
        if re.fullmatch(r"[A-Z]{2,3}\.", ini):
            ini = ini[:-1]  # Vancouver "Cornell SE." — the period ends the name, not an initial
        gost.append(_person(gm[1], ini))
        gpos = gm.end()
    if authors_read:
        body = head
    elif gost and head[gpos : gpos + 1].isalpha():
        f.authors = gost
        body = head[gpos:]
        etm = re.match(r"(?:et\s+al\.?|и\s+др\.?|vd\.?),?\s+", body) if body[:1] in "eиv" else None
        if etm:
            f.et_al = True  # "Lu, D.R. Ou, Q. et al., Title": the list's end, not the title's start
            body = body[etm.end() :]
    elif parsed:
        auth, body = parsed
        f.authors = auth.agents
        f.et_al = auth.et_al
        if auth.spelled_out:
            f.flag("given name spelled out instead of initials")
    else:
        segs0 = _segments(head)
        if (
            len(segs0) >= 2
            and not segs0[0].italic
            and not segs0[0].quoted
            and len(segs0[0].text) <= 80
        ):
            a = _parse_author_block(segs0[0].text)
            f.authors, f.et_al = a.agents, a.et_al
            body = head[segs0[1].start :]
        else:
            body = head
    segs = [g.text for g in _segments(body)]
    if not segs:
        return
    first = segs.pop(0)
    dm = re.search(r"\s*\(([^()]*\d{4}[^()]*)\)\.?$", first)
    if dm and first[: dm.start()].strip():
        d = parse_date(dm[1])
        if d:
            f.year = d.year
            if d.month:
                f.date = d
        first = first[: dm.start()]
    pm = _COMMA_IMPRINT.search(first)
    if pm and pm.start() > 0 and not segs:
        # "Toward A New Psychology of Women, Boston: Beacon, 1976." — all one sentence
        segs = [pm["imprint"]]
        first = first[: pm.start()]
    if not first.startswith("*") and all(_year_or_date_only(g) for g in segs):
        cut = _comma_source_cut(first)
        if cut is not None and _read_comma_source(f, first[cut:] + " " + " ".join(segs)):
            # "Title, Solar System Research, v. 36, pp. 417-430, 2002" — one sentence
            _title_quote_check(f, first)
            f.title = _unquote(_take_title_extras(f, first[:cut].rstrip(" ,")))
            f.flag("year at the end instead of after the authors")
            return
    f.italic_title = first.startswith("*")
    _title_quote_check(f, first)
    f.title = _unquote(_take_title_extras(f, first))
    segs = _join_split_journal(f, segs)
    for pos, seg in enumerate(segs):
        em = re.match(
            r"^(?:eds?\.|edited by|ed\. by|haz\.|yay\. haz\.|под ред\.)\s+(.+)$", seg, re.I
        )
        if em and em[0][:1] in "hHyY":
            continue  # "Haz. Ahmet Kuyaş.": a preparer, dropped as in "(Haz. Z. Korkmaz)"
        if em:
            names = em[1]
            tm = (
                re.search(r",\s+(?:translated\s+by|trans\.(?:\s+by)?)\s+", names)
                if "rans" in names
                else None
            )
            if tm:
                # MLA "Edited by A, translated by B and C, Publisher, 1981.": the translators
                # have no field; the comma parts after them are the publisher and the year
                tail = names[tm.end() :].rstrip(". ").split(",")[1:]
                names = names[: tm.start()]
                for part in (p.strip() for p in tail):
                    if re.fullmatch(r"(?:1[5-9]|20)\d\d", part):
                        f.year = f.year or int(part)
                    elif part and not re.search(r"\d", part) and not f.publisher:
                        f.publisher = part
            vm = re.search(r"\s+(\d+\s*[-–]\s*\d+)\.?$", names)
            if vm:
                names = names[: vm.start()]
                f.pages = vm[1]
            eds, _ = _parse_given_first(names)
            f.editors = eds
            f.flag("editors not written as 'In I. Editor (Ed.),' before the book title")
            continue
        if seg.startswith("*") and not f.container_title:
            end = seg.find("*", 1) if "dited by" in seg else -1
            if end > 0 and _read_edited_by(f, "Book" + seg[end + 1 :]):
                # MLA "*Book: A, B*, edited by A and B, Publisher, 1988, pp. …": the italics
                # bound the book's name, whatever commas it holds
                f.container_title = _clean(seg[1:end])
            else:
                _read_container(f, seg)
            continue
        if not f.container_title and _read_edited_by(f, seg):
            continue
        cm = _IN_BOOK_PAGES.match(seg) if seg[:1] in "Iİ" and not f.container_title else None
        if cm:
            # Chicago "In The Interpretation of Cultures, 87–125. New York: Basic Books, 1973.":
            # the book and the chapter's pages; the imprint follows in its own sentence
            f.container_title = _clean(cm["book"].strip().strip("*"))  # "In" names a book
            f.pages = cm["p"]
            continue
        if (
            re.match(r"[Ii]n:?\s+[A-Z\d]", seg)
            and not f.container_title
            and not re.search(r"\([Ee]ds?\.\)", seg)
            and _read_comma_source(f, " ".join([seg, *segs[pos + 1 :]]))
        ):
            break  # "In 1992 International Conference on X, pages 251-255, Place, 1992."
        if not f.container_title and _plain_journal(seg) is not None:
            _read_container(f, seg)  # "Survival 62, no. 4 (2020): 79–96"
            continue
        edm = (
            _CHICAGO_EDITION.match(seg)
            if ("ed" in seg or "bs." in seg or "bas" in seg) and not f.edition
            else None
        )
        if edm:
            # "Rev. ed. London: Verso, 2006." / "2nd ed. New York: Norton, 1999.": the edition
            # opens the imprint sentence (the segmenter does not cut after "ed.")
            f.edition = (edm["n"] or edm["tr"]).rstrip(".").removesuffix("st").removesuffix("nd")
            f.edition = f.edition.removesuffix("rd").removesuffix("th")
            if not seg[edm.end() :]:
                continue
            _read_publisher(f, seg[edm.end() :])
            continue
        vm = re.fullmatch(r"(?:Cilt|Vol\.|Т\.|Том|Cild)\s*(\w+)\.?", seg.strip())
        if vm and not f.volume:
            f.volume = vm[1]  # "Cilt 1." between a book title and its publisher
            continue
        pm = _PAGES.match(seg.strip())
        if pm and (f.container_title or f.editors) and not f.pages:
            f.pages = pm["p"]
            continue
        dm2 = re.match(r"^\(?([^()]*\d{4}[^()]*)\)?\.?$", seg)
        words = re.findall(r"[^\W\d_]+", seg)
        if dm2 and len(seg) <= 30 and all(_month(w) for w in words) and parse_date(dm2[1]):
            d = parse_date(dm2[1])
            if d:
                f.year = f.year or d.year
                if d.month:
                    f.date = d
            continue
        # a quoted title followed by a plain segment: the book or journal it appeared in
        quoted_part = pos == 0 and first[:1] in '"“«' and not f.container_title
        if quoted_part and ":" not in seg and not _YEAR_END.search(seg):
            f.container_title = _clean(seg)
            continue
        if seg[:1] in "TtÇП" and (rm := _TRANS_LEAD.match(seg)):
            # MLA "Translated by Jane E. Lewin, Cornell UP, 1980.": the translator has no field;
            # what follows the names is the imprint (Chicago "Translated by A." has none)
            if rm["rest"]:
                _read_publisher(f, rm["rest"])
            continue
        _read_publisher(f, seg)
    if f.year is None:
        ym = list(re.finditer(r"\b(1[5-9]\d\d|20\d\d)\b", body))
        if ym:
            f.year = int(ym[-1][1])
    if f.year is not None or f.no_date:
        f.flag("year at the end instead of after the authors")
    if f.editors and not f.container_title and f.publisher and not f.pages:
        f.type = "book"  # "Title. Edited by A, Publisher, 1981.": the book's own editors
    elif f.editors or (f.container_title and not f.italic_container and f.publisher):
        f.type = "chapter"
    elif f.container_title and (f.volume or f.pages):
        f.type = "article-magazine" if _magazine_name(f) else "article-journal"
    elif f.container_title:
        f.type = "article-newspaper"
    elif f.publisher:
        f.type = "book"
    elif f.url:
        f.type = "webpage"
    if f.place:
        f.flag("place of publication given (APA 7 omits it)")


# a book named after "In" and the pages of a chapter in it, one sentence (Chicago notes style)
_IN_BOOK_PAGES = re.compile(
    r"^(?:In|İçinde):?\s+(?P<book>\*[^*]{3,200}\*|[^\W\d_][^,*]{2,200}),\s+(?:pp?\.\s*|ss?\.\s*)?"
    r"(?P<p>[A-Za-z]?\d+[A-Za-z]?\s*[-–—]\s*[A-Za-z]?\d+[A-Za-z]?)\.?$"
)
# a translator sentence opening a segment, with the imprint that may follow its names
_TRANS_LEAD = re.compile(
    r"^(?:[Tt]ranslated\s+by|[Tt]rans\.(?:\s+by)?|Çev\.|Tərc\.|Пер\.)\s+"
    r"[^\W\d_][^,\d]{1,60}?(?:,?\s+(?:and|&|ve|və|и)\s+[^\W\d_][^,\d]{1,60}?)?"
    r"(?:,\s+(?P<rest>(?!and\b|&)[^\W\d_].*?))?\.?$"
)


# Chicago/MLA chapter source: "In Book, edited by A. Art and B. Jervis, 98–115." /
# "Book, edited by A. Art, Publisher, 2013, pp. 98-115."
_EDITED_BY = re.compile(
    r"^(?:[Ii]n:?\s+)?(?P<book>[^,]{3,200}?(?:,\s+(?!edited|ed\.)[^,]{2,80}?)?),\s+"
    r"(?:edited by|ed\. by|edited and translated by)\s+"
    r"(?P<eds>(?:[^,]{2,60},\s+){0,6}(?:and|&)\s+[^,]{2,60}|[^,]{2,60})"
    r"(?P<rest>(?:,\s+[^,]+){0,4})\.?$"
)


def _read_edited_by(f: _Fields, seg: str) -> bool:
    """A book source with its editors written after it (Chicago, MLA); pages, year and
    publisher may follow in the same sentence."""
    m = _EDITED_BY.match(seg.strip())
    if not m or re.search(r"\d", m["eds"]):
        return False
    f.container_title = _clean(m["book"])
    f.editors, _ = _parse_given_first(m["eds"])
    f.flag("editors not written as 'In I. Editor (Ed.),' before the book title")
    for part in (p.strip().rstrip(".") for p in m["rest"].split(",")):
        if not part:
            continue
        pm = re.fullmatch(r"(?:pp?\.\s*)?(\d+\s*[-–—]\s*\d+|\d+)", part)
        ym = re.fullmatch(r"(1[5-9]\d\d|20\d\d)", part)
        if ym:
            f.year = f.year or int(ym[1])
        elif pm and not f.pages:
            f.pages = pm[1]
        elif not f.publisher and not re.search(r"\d", part):
            f.publisher = _clean(part)
    return True


_GOST_AUTHOR = re.compile(
    r"([^\W\d_][\w'’-]+),?\s+((?:[^\W\d_]{1,2}\.\s?-?){1,3})(?:,\s*|\s+(?=\S))"
)


def _gost_next(got: Sequence[Agent], s: str, pos: int, m: re.Match[str]) -> bool:
    """Whether a surname-and-initials match at ``pos`` is one more author: the first always;
    a later one only after a comma (``Иванов И. И., Петров П. П.``) or when written with its own
    comma (``Lu, D.R. Ou, Q.``) — ``Лотман Ю. М. Роман А. С. Пушкина …`` starts a title."""
    if not got or s[:pos].rstrip().endswith(","):
        return True
    return s[m.end(1) : m.end(1) + 1] == ","


def _read_gost(f: _Fields, head: str) -> None:
    """Russian GOST form: ``Иванов И. И. Название // Журнал. 2019. Т. 5, № 3. С. 10–20.``"""
    pre, _, post = head.partition(" // ")
    pos = 0
    while True:
        m = _GOST_AUTHOR.match(pre, pos)
        if not m or len(f.authors) >= 20 or not _gost_next(f.authors, pre, pos, m):
            break
        f.authors.append(_person(m[1], m[2].strip()))
        pos = m.end()
    title = pre[pos:].split(" / ")[0]
    f.title = _unquote(_take_title_extras(f, title.strip()))
    src, slash, resp = post.partition(" / ")
    if slash:
        # a collection: "// Книга: сб. статей / под ред. А. Б. Козлова. М.: Наука, 2015. С. 1–9."
        em = _GOST_EDITED.match(resp.strip())
        if em:
            names = re.split(r"\.\s+(?=[^\W\d_][^.:]{0,30}\.?\s?:\s)", em[1], maxsplit=1)[0]
            names = names.split(" ; ")[0]  # "/ под ред. А. П. Чудинова ; Урал. гос. пед. ун-т"
            f.editors, _ = _parse_given_first(names)
        pm2 = re.search(r"(?:^|\.\s)([^\W\d_][^.:]{0,30}\.?)\s?:\s*([^,.:]{2,60}),\s*\d{4}", resp)
        if pm2:
            f.place, f.publisher = pm2[1].strip(), pm2[2].strip()
        f.container_title = _clean(src)
    segs = [g.text for g in _segments(post)]
    im2 = None if slash else _GOST_IMPRINT.search(post)
    if im2 and im2.start() > 0:
        # "// Материалы конференции «…». Астрахань: АГУ, 2015. С. 201–207." — a proceedings
        # volume or collection with its imprint and no statement of responsibility
        f.place, f.publisher = im2["place"].strip(), im2["pub"].strip()
        # "… конф. (Москва, 12–13 апр. 2019 г.)": the meeting's place and dates leave the name
        name = _clean(_MEETING_PAREN.sub("", _clean(post[: im2.start()])))
        f.container_title = _GOST_VOL_END.sub("", name) if name[-1:].isdigit() else name
    elif segs and not slash:
        # the name runs to the year or the first volume/issue label, so a name with a period
        # in it stays whole: "// Полис. Политические исследования. 2021. № 3. С. 8–22."
        cm = _GOST_SRC_END.search(post)
        whole = post[: cm.start()] if cm else ""
        if whole.strip() and len(whole) <= 150 and not re.search(r"\d", whole):
            f.container_title = _clean(whole)
        else:
            f.container_title = _clean(re.split(r"\s*[.,]\s*(?=\d{4}\b)", segs[0])[0])
    tail = post
    ym = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", tail)
    if ym and ":" in tail[ym.end() :]:
        # "// Русский язык конца XX столетия (1985–1995) / … — М. : Языки …, 1996": a year in the
        # source's name is not the imprint's year
        ym = _GOST_IMPRINT_YEAR.search(tail, ym.end()) or ym
    if ym:
        f.year = int(ym[1])
    # "Т. 5", "Том 2" (not the "Том" of "Томск"), Azerbaijani Cyrillic "Ҹ. 1" (ҹилд)
    vm = re.search(r"(?:(?<!\w)Т\.|\bVol\.|\bТом\b|(?<!\w)Ҹ\.(?=\s*\d))\s*(\w+)", tail)
    if vm:
        f.volume = vm[1]
    im = re.search(r"(?:№|No\.|(?i:вып\.))\s*(\w+)", tail)
    if im:
        f.issue = im[1]
    pm = _GOST_PAGES.search(tail)
    if pm:
        f.pages = pm[1] or pm[2]
    f.type = "article-journal" if (f.volume or f.issue) else "chapter"
    if f.volume and im2 is not None and im2.start() > 0:
        f.type = "chapter"  # "// История литературы. Ҹ. 1. – Бакы: Елм, 1960." — a book's volume
    if f.url and not (f.volume or f.issue or f.pages):
        f.type = "webpage"  # "Заголовок // РБК. 2020. 15 октября. URL: …"
    if ym:
        dm = _DATE_DMY.search(tail[ym.start() :])
        if dm and _month(dm[2]) and dm[3] == ym[1]:
            f.date = _valid(int(dm[3]), _month(dm[2]), int(dm[1]))
        else:
            dm2 = re.match(rf"\s*[.,]?\s*(\d{{1,2}})\s+({_WORD})", tail[ym.end() :])
            if dm2 and _month(dm2[2]):
                f.date = _valid(int(ym[1]), _month(dm2[2]), int(dm2[1]))
    if f.type == "chapter" and not slash and f.date is not None and f.date.day is not None:
        f.type = "article-newspaper"  # "// Коммерсантъ. 2020. 3 октября. С. 6." — a daily
    f.flag("GOST form ('//' before the source) instead of APA")
    f.flag("year at the end instead of after the authors")


_MEETING_PAREN = re.compile(r"\s*\([^()]{0,80}\b(?:1[5-9]|20)\d\d\b[^()]{0,20}\)$")
_GOST_IMPRINT = re.compile(
    r"(?:^|[.,]\s)(?P<place>[^\W\d_][^.:,/«»]{0,30}\.?)\s?:\s*"
    r"(?P<pub>(?:[^,.:«»]|«[^,.:«»]{1,40}»){2,60}),\s*(?:1[5-9]|20)\d\d\b"
)  # a publisher may quote its name: "Симферополь : ИТ «АРИАЛ», 2018"
# the year of a "Place : Publisher, Year" imprint
_GOST_IMPRINT_YEAR = re.compile(
    r"(?:^|[.,]\s)[^\W\d_][^.:,/«»]{0,30}\.?\s?:\s*[^:/]{2,80}?,\s*(1[5-9]\d\d|20\d\d)\b"
)
# pages after "//": "С. 10–20", "с. 5", Latin-script "S. 145-152", "səh. 23-31", "pp. 1-9"
_GOST_PAGES = re.compile(
    r"(?:(?<!\w)[Сс]\.|(?<!\w)стр\.|\bP\.|\bpp?\.|\bsəh\.|\bss?\.)\s*(\d+\s*[-–—]\s*\d+|\d+)"
    r"|(?<!\w)S\.\s*(\d+\s*[-–—]\s*\d+)"
)
_GOST_SRC_END = re.compile(
    r"\s*[.,]\s*(?=(?:1[5-9]|20)\d\d\b|(?:Т|Vol|С|P|Вып|вып)\.|Ҹ\.\s*\d|№|Том\b|URL\b)"
)
# "… тарихи. Ҹ. 1" before an imprint: the volume of a book, not part of its name
_GOST_VOL_END = re.compile(r"[.,]\s*(?:Т\.|Том|Ҹ\.|Vol\.)\s*\d+\.?$")


_NO_AUTHOR_TITLE = re.compile(r"^\*[^*]{1,300}\*(?:\s*[(\[][^()\[\]]{1,80}[)\]])*\.?$")


# "Smith, J., & Doe, A. 2010. Title." — author-date with a bare year (Harvard, CMOS author-date)
_HARVARD = re.compile(
    r"^(?P<a>[^\W\d_][^()\d\"“«*]{1,250}?)[,.]?\s+\(?(?P<y>(?:1[5-9]|20)\d\d[a-z]?)\)?[.,:]\s+(?=\S)"
)
_NAME_LOWER_OK = (
    frozenset(["and", "et", "al", "al.", "et.", "ve", "və", "и", "др.", "vd."]) | _PARTICLES
)


def _read_harvard(f: _Fields, head: str) -> bool:
    """Author block, bare year, then an APA-like body; False (nothing read) when the part
    before the year is not a list of names (a Chicago title ends in a year too)."""
    m = _HARVARD.match(head)
    if not m:
        return False
    block = m["a"]
    if head[m.end("a") : m.end("a") + 1] == "." and re.search(r"(?:^|[\s.-])[^\W\d_]$", block):
        block += "."  # "Simpson, M. G. 1993." — the period belongs to the initial
    if any(w[0].islower() and w not in _NAME_LOWER_OK for w in block.split()):
        return False  # a lower-case word: a title, not names
    auth = _parse_author_block(block)
    if not any(isinstance(a, Person) for a in auth.agents):
        chi = _chicago_authors(block + ". ")  # "Haidt, Jonathan and Graham, Jesse"
        if chi is None or chi[1].strip():
            return False
        auth = chi[0]
    if not auth.agents:
        return False
    if any(isinstance(a, Organization) and len(a.name.split()) > 6 for a in auth.agents):
        return False
    f.authors = auth.agents
    f.et_al = auth.et_al
    if auth.spelled_out:
        f.flag("given name spelled out instead of initials")
    f.year = int(m["y"][:4])
    f.year_suffix = m["y"][4:]
    f.flag("date not in parentheses after the authors")
    _read_body_apa(f, head[m.end() :])
    return True


# "Заглавие / под ред. В. В. Наумкина. М.: ИВ РАН, 2018. 412 с." (GOST book, no author head)
_GOST_BOOK = re.compile(
    r"^(?P<t>[^/]{3,300}?)\s/\s(?P<resp>[^/]{2,200}?)\.\s+"
    r"(?P<rest>[^\W\d_][^.:/]{0,30}\.?(?:\s?:\s|,\s*(?:1[5-9]|20)\d\d\b)[^/]*)$"
)  # the imprint may name no publisher: "… / Росстат. — М., 2022. — 691 с."
_GOST_EDITED = re.compile(
    r"^\[?(?:(?:сост\.\s+и\s+)?(?:под\s+(?:общ(?:\.|ей)\s+|науч(?:\.|ной)\s+)?ред(?:\.|акцией)|"
    r"(?:отв|науч|гл)\.\s+ред\.|ответственный\s+редактор|ред\.)|"
    r"сост(?:\.|авитель|авители)|ed\.|eds\.|red\.)\s*:?\s*(.+?)\]?$",
    re.I,
)  # "под ред.", "под общ. ред.", "отв. ред.", "науч. ред.", "сост.", "сост. и науч. ред.", and
# GOST 7.0.100-2018's written-out "под редакцией", "[сост.: …]"
# "[и др.]" (or, unbracketed, "и др.") closing the names after the slash
_RESP_ETAL = re.compile(r"\s*(?:\[(?:и др\.?|et al\.?|vd\.?)\]|,?\s+(?:и др|et al)\.?)$")
# "— 2-е изд.", "— 5-е изд., перераб. и доп."
_GOST_EDITION = re.compile(r"(?:^|\.\s+)(\d+)-?е\s+изд\.?(?:,\s*(?:[^\W\d_]{1,12}\.?\s*){1,5})?$")


_GIVEN_FIRST_NAME = re.compile(r"(?:[^\W\d_]{1,2}\.\s?-?){1,3}\s?[^\W\d_][\w'’-]+")


def _read_gost_book(f: _Fields, head: str) -> None:
    """GOST book: title, ``/`` statement of responsibility, then ``Place: Publisher, Year.``"""
    m = _GOST_BOOK.match(head)
    if not m:
        return
    title = m["t"]
    lead: list[Agent] = []
    pos = 0
    while len(lead) < 20:
        gm = _GOST_AUTHOR.match(title, pos)
        if not gm or not _gost_next(lead, title, pos, gm):
            break
        lead.append(_person(gm[1], gm[2].strip()))
        pos = gm.end()
    f.authors = lead
    f.title = _unquote(_take_title_extras(f, title[pos:].strip()))
    resp = m["resp"].strip()
    if "изд" in resp:
        edm = _GOST_EDITION.search(resp)
        if edm:
            f.edition = edm[1]  # "/ П. П. Петров. — 2-е изд. — СПб. : Питер": the edition area
            resp = resp[: edm.start()].strip()
    # "… / А. Б. Иванов, В. Г. Петров и др. ; под редакцией …; Нац. исслед. ун-т …": after " ; "
    # come other statements of responsibility (editors, a body, a translator)
    stmts = [p.strip() for p in resp.split(" ; ")] if " ; " in resp else [resp]
    for st in stmts[1:]:
        em = _GOST_EDITED.match(st)
        if em and not f.editors:
            f.editors, _ = _parse_given_first(em[1])
    em = _GOST_EDITED.match(stmts[0])
    if em:
        eds, _ = _parse_given_first(em[1])
        f.editors = eds
    elif not lead:
        # "Заглавие / А. В. Иванов, Б. Г. Петров [и др.]": the authors after the slash, where
        # "и др." may go unbracketed
        first_resp = stmts[0]
        em2 = _RESP_ETAL.search(first_resp)
        names = first_resp[: em2.start()] if em2 else first_resp
        parts = [p.strip() for p in names.split(",")]
        if parts and all(_GIVEN_FIRST_NAME.fullmatch(p) for p in parts):
            f.authors, _ = _parse_given_first(names)
            f.et_al = em2 is not None
        elif len(resp) <= 120 and not re.search(r"\d|\b[^\W\d_]{1,2}\.", resp):
            f.authors = [_org(resp)]  # "Заглавие / Росстат": a body responsible for the work
    elif len(lead) == 1 and "," in stmts[0]:
        # "Гаврилов Е. Е. Заглавие / Е. Е. Гаврилов, Н. Н. Носов": the heading names the first
        # author only; the statement after the slash names them all
        em2 = _RESP_ETAL.search(stmts[0])
        names = stmts[0][: em2.start()] if em2 else stmts[0]
        parts = [p.strip() for p in names.split(",")]
        if len(parts) >= 2 and all(_GIVEN_FIRST_NAME.fullmatch(p) for p in parts):
            every, _ = _parse_given_first(names)
            first = every[0] if every else None
            if isinstance(first, Person) and first.family == getattr(lead[0], "family", None):
                f.authors = every
                f.et_al = em2 is not None
    for seg in (g.text for g in _segments(m["rest"])):
        if re.fullmatch(r"\d+\s*(?:с|s|p|pp|стр)\.?", seg.strip()) or re.match(r"^\(", seg):
            continue  # extent "412 с." and series "(Серия …)"
        if not f.publisher:
            _read_publisher(f, seg)
    f.type = "book"
    f.flag("GOST form ('//' before the source) instead of APA")
    f.flag("year at the end instead of after the authors")


_CONTENT_TYPE = re.compile(
    r"\.?\s+[—–]\s+Текст\s?:\s?(?:электронный|непосредственный)\b\.?(?=\s|$)"
)


def _parse(text: str) -> tuple[_Fields, str]:
    f = _Fields()
    # GOST separates areas with ". — " (or ". – "); read them as plain sentence ends
    area = ""
    if "Текст" in text:
        # GOST 7.0.100's content-type area "— Текст : электронный" is neither title nor source
        text = _CONTENT_TYPE.sub("", text)
    if "—" in text or "–" in text:
        text, area = _gost_areas(text)
    # "Статья. В кн.: Книга / под ред. …" — "In the book:" is GOST's other source marker
    if "кн." in text or "сб." in text:
        text = _IN_BOOK.sub(" // ", text)
    head = _find_tail(text, f)
    apa = None
    untitled = None  # APA work with no author: "*Title* (11th ed.). (2003). Publisher."
    for m in _DATE_PAREN.finditer(head):
        pre = head[: m.start()].rstrip()
        if _NO_AUTHOR_TITLE.match(pre):
            untitled = m
        elif (
            pre
            and not any(c in pre for c in '*"“«')
            and len(pre) <= 400
            and not pre[-1].isdigit()  # "BMJ 2008; 336(7636)": an issue, not a date
        ):
            apa = m
        break
    if untitled is not None:
        f.italic_title = True
        f.title = _clean(_take_title_extras(f, head[: untitled.start()].strip()))
        _read_apa_date(f, untitled["d"])
        rest = [g.text for g in _segments(head[untitled.end() :].lstrip(" .,"))]
        _standalone(f, rest)
    elif apa is not None:
        pre = head[: apa.start()].strip()
        rm = _EDITOR_ROLE.search(pre)
        auth = _parse_author_block(pre[: rm.start()] if rm else pre)
        if rm:
            f.editors = auth.agents
        else:
            f.authors = auth.agents
        f.et_al = auth.et_al
        if auth.spelled_out:
            f.flag("given name spelled out instead of initials")
        if auth.and_word:
            f.flag("'and' instead of '&' before the last author")
        if auth.no_comma:
            f.flag("no comma between surname and initials")
        people = sum(isinstance(a, Person) for a in auth.agents)
        if people >= 2 and "&" not in pre and not auth.and_word and not auth.ellipsis:
            f.flag("no '&' before the last author")
        _read_apa_date(f, apa["d"])
        body = head[apa.end() :]
        if not body.startswith(".") and body.strip():
            f.flag("no period after the date")
        body = body.lstrip(" .,")
        im = _PLACE_PUB.match(_clean(body)) if ":" in body and len(auth.agents) == 1 else None
        if (
            im
            and not rm
            and isinstance(auth.agents[0], Organization)
            and re.fullmatch(_CITIES + r"\.?", im["place"].strip())
        ):
            # "Konstitusiya. (2016). Bakı: Hüquq ədəbiyyatı.": only an imprint after the date, so
            # the head is the title of a work without an author (APA moves the title there)
            f.authors = []
            f.title = _unquote(_take_title_extras(f, pre.rstrip(". ")))
            _read_publisher(f, body)
            f.type = "book"
        else:
            _read_body_apa(f, body)
    elif " // " in head:
        _read_gost(f, head)
    elif _GOST_BOOK.match(head):
        _read_gost_book(f, head)
    elif not _read_harvard(f, head) and not _read_given_first(f, head):
        _read_chicago(f, head)
    if f.place and "place of publication given (APA 7 omits it)" not in f.issues:
        f.flag("place of publication given (APA 7 omits it)")
    if f.genre and _THESIS.search(f.genre):
        f.type = "thesis"
    elif f.genre and re.search(r"presentation|poster|session|keynote|bildiri|sunum", f.genre, re.I):
        f.type = "paper-conference"
    if not f.title and f.container_title and f.type == "document":
        f.title, f.container_title = f.container_title, ""
    em = re.match(r"(\d+)\s*-?\s*[^\W\d_]{0,3}\.?$", f.edition)
    if em:
        f.edition = em[1]  # "4ème", "2 nd", "2-е" → the number
    if (
        f.type == "article-journal"
        and (not f.volume or f.publisher)
        and _PROCEEDINGS.search(f.container_title)
    ):  # "// … : материалы XIII Конгресса. — СПб. : МАПРЯЛ, 2015. — Т. 5": an imprint, no journal
        f.type = "paper-conference"
    if f.type == "chapter" and not f.editors and _PROCEEDINGS.search(f.container_title):
        f.type = "paper-conference"  # "In *Proceedings of …* (pp. 1–9)", "// Материалы конференции"
    f.container_title = _IN_WORD_END.sub("", f.container_title)
    if f.container_title.endswith("]"):
        # GOST "// Федеральная служба … : [сайт]": the bracketed kind of resource is not the name
        f.container_title = _MEDIUM_END.sub("", f.container_title)
    if area and f.title and " // " not in head:
        _gost_title_area(f, area)
    if f.type == "book" and _is_report(f):
        f.type = "report"
    return f, head


_MEDIUM_END = re.compile(r"\s*:\s*\[[^\[\]]{1,40}\]$")
_REPORT_GENRE = re.compile(
    r"\b(?:report|rapor|raporu|доклад|отч[её]т|hesabat|working paper|policy brief)\b", re.I
)
# the same family named in a book's title, plus statistical yearbooks: "… illik hesabat",
# "Доклад о …", "Sağlık istatistikleri yıllığı 2018" (the gate is a cheap lower-case scan)
_REPORT_TITLE = re.compile(
    r"\b(?:report|rapor|raporu|доклад|отч[её]т|hesabat|working paper|policy brief|"
    r"yearbook|yıllığı|ежегодник|стат\.\s?сб|статистический\s+сборник)\b",
    re.I,
)
_REPORT_TITLE_STEMS = ("report", "rapor", "доклад", "отч", "hesabat", "paper", "brief", "yearbook",
                       "yıllığı", "ежегодник", "стат")  # fmt: skip


def _has_word(short: str, long: str) -> bool:
    """``short`` occurs in ``long`` as whole words: "Elm" is not inside "Elmlər"."""
    i = long.find(short)
    while i >= 0:
        j = i + len(short)
        if (i == 0 or not long[i - 1].isalnum()) and (j == len(long) or not long[j].isalnum()):
            return True
        i = long.find(short, i + 1)
    return False


def _subsequence(short: str, long: str) -> bool:
    """Every letter of ``short`` appears in ``long`` in the same order."""
    it = iter(long)
    return all(c in it for c in short)


def _is_report(f: _Fields) -> bool:
    """A "book" that is a report: its genre or title says so (``[Доклад]``, ``… hesabat``), or a
    group author publishes it itself — no publisher (APA omits one that repeats the author;
    GOST ``/ Росстат. — М., 2022``) or a publisher named after the author (``OECD. … OECD
    Publishing``, ``… Dövlət Statistika Komitəsi. … Bakı: Dövlət Statistika Komitəsi``)."""
    if f.genre and _REPORT_GENRE.search(f.genre):
        return True
    low = f.title.lower()
    if any(w in low for w in _REPORT_TITLE_STEMS) and _REPORT_TITLE.search(f.title):
        return True
    if not f.authors or f.editors or not all(isinstance(a, Organization) for a in f.authors):
        return False
    if not f.publisher:
        return not f.edition  # reports are not issued in editions: a manual "(7th ed.)" is a book
    pub = f.publisher.casefold()
    acro = f.publisher if 2 <= len(f.publisher) <= 8 and f.publisher.isupper() else ""
    for a in f.authors:
        if not isinstance(a, Organization):
            continue
        name = a.name.casefold()
        if _has_word(name, pub) or _has_word(pub, name):
            return True  # whole words only: "Bakı: Elm" is not the "… Elmlər Akademiyası"
        caps = "".join(w[0] for w in a.name.split() if w[:1].isupper())
        if len(caps) >= 3 and caps.casefold() == pub:
            return True  # "Türkiye İstatistik Kurumu" … "TÜİK"
        if acro and caps[:1] == acro[:1] and _subsequence(acro[1:], caps[1:]):
            return True  # "Azərbaycan Respublikasının Mərkəzi Bankı" … "AMB" (a word skipped)
        if (
            len(acro) >= 3
            and caps[:1] == acro[:1]
            and caps[-1:] == acro[-1:]
            and _subsequence(acro.casefold(), name)
        ):
            return True  # "Yükseköğretim Kurulu" … "YÖK": a letter from inside a compound word
    return False


_GOST_SEP = re.compile(r"\.\s+[—–]\s+")


def _gost_areas(text: str) -> tuple[str, str]:
    """GOST separates areas with ". — " (or ". – "): read them as plain sentence ends, but
    not inside brackets (``(III в. до н. э. – VIII в. н. э.)`` is a span of centuries).
    Also returns the first area (authors and title, up to the first separator), or ""."""
    out: list[str] = []
    pos = 0
    first = ""
    for m in _GOST_SEP.finditer(text):
        if text.count("(", 0, m.start()) > text.count(")", 0, m.start()):
            continue
        if not first:
            first = text[: m.start()]
        out.append(text[pos : m.start()] + ". ")
        pos = m.end()
    if not out:
        return text, ""
    out.append(text[pos:])
    return "".join(out), first


def _gost_title_area(f: _Fields, area: str) -> None:
    """In GOST the title area runs to the first ". — ": a sentence end inside it does not end
    the title (``Международное право. Общая часть : учебник. — 3-е изд. — М. : …``)."""
    i = area.find(f.title)
    if i < 0:
        return
    after = area[i + len(f.title) :]
    if after.startswith(". ") and len(after) <= 200 and not any(c in after for c in "([/"):
        f.title = _clean(area[i:])


_IN_BOOK = re.compile(r"[.,]?\s+(?://\s*)?[ВB]\s?(?:кн|сб)\.\s?:\s*")
# Turkish/Azerbaijani "Kitap içinde" ("in the book"): the postposition is not part of the name
_IN_WORD_END = re.compile(r"\s+(?:içinde|içində)$", re.IGNORECASE)


_TAG = re.compile(r"</?(?:italic|i|em)>", re.IGNORECASE)
_OTHER_TAG = re.compile(r"</?(?:b|bold|strong|u|sup|sub|span)>", re.IGNORECASE)


def _markup_to_stars(s: str) -> str:
    """HTML/JATS italics (``<i>``, ``<italic>``, ``<em>``) read as Markdown ``*``; unbalanced
    tags (a stray ``</italic>``) are dropped, since a lone ``*`` would flip italics."""
    if "<" not in s:
        return s
    s = _OTHER_TAG.sub("", s)
    opens = sum(1 for m in _TAG.finditer(s) if not m[0].startswith("</"))
    closes = sum(1 for m in _TAG.finditer(s) if m[0].startswith("</"))
    return _TAG.sub("*" if opens == closes else "", s)


_LETTER = re.compile(r"[^\W\d_]")


def _status(f: _Fields, text: str) -> tuple[ParseStatus, str]:
    letters = sum(1 for _ in islice(_LETTER.finditer(text), 3))  # only "fewer than 3?" matters
    dated = f.year is not None or f.no_date or f.in_press
    if letters < 3:
        return ParseStatus.UNPARSED, "no words in the entry"
    if not dated and not f.authors and not f.editors and not (f.doi or f.url):
        return ParseStatus.UNPARSED, "no author, date or identifier recognised"
    if not f.title:
        if not dated and not f.doi and not f.url:
            return ParseStatus.UNPARSED, "no title or date recognised"
        return ParseStatus.PARTIAL, "no title recognised"
    missing = []
    if not f.authors and not f.editors and not f.italic_title:
        missing.append("author")
    if not dated:
        missing.append("date")
    if missing:
        return ParseStatus.PARTIAL, "no " + " or ".join(missing) + " recognised"
    return ParseStatus.PARSED, ""


def parse_string(text: str, index: int = 1, span: Span | None = None, line: int = 1) -> Reference:
    """Parse one entry given as a plain string (``span`` defaults to the whole string)."""
    sp = span if span is not None else Span(0, len(text))
    raw = text
    try:
        clean = _markup_to_stars(" ".join(text.split()))  # the same whitespace set as re's \s
        f, _head = _parse(clean)
    except (ValueError, IndexError, RecursionError) as exc:  # defensive: never raise on input
        return Reference(
            index=index,
            raw=raw,
            span=sp,
            line=line,
            status=ParseStatus.UNPARSED,
            reason=f"parser error: {type(exc).__name__}",
            script=_script(text),
        )
    status, reason = _status(f, clean)
    if status is ParseStatus.UNPARSED:
        return Reference(
            index=index,
            raw=raw,
            span=sp,
            line=line,
            status=status,
            reason=reason,
            script=_script(clean),
            doi=f.doi,
            doi_raw=f.doi_raw,
            url=f.url,
        )
    script_src = " ".join(
        [a.display for a in f.authors] + [f.title, f.container_title, f.publisher]
    )
    if not script_src.strip():
        script_src = clean
    issues = tuple(f.issues)
    return Reference(
        index=index,
        raw=raw,
        span=sp,
        line=line,
        type=f.type,
        authors=tuple(f.authors),
        editors=tuple(f.editors),
        et_al=f.et_al,
        year=f.year,
        year_suffix=f.year_suffix,
        original_year=f.original_year,
        date=f.date,
        no_date=f.no_date,
        in_press=f.in_press,
        title=f.title,
        title_translation=f.title_translation,
        container_title=f.container_title,
        volume=f.volume,
        issue=f.issue,
        pages=f.pages,
        edition=f.edition,
        publisher=f.publisher,
        place=f.place,
        genre=f.genre,
        doi=f.doi,
        doi_raw=f.doi_raw,
        url=f.url,
        accessed=f.accessed,
        script=_script(script_src),
        status=status,
        reason=reason,
        apa_conformant=not issues,
        nonconformities=issues,
    )


def parse_entry(entry: RawEntry) -> Reference:
    """One ``Reference`` for one ``RawEntry``; same index, raw text, span and line."""
    return parse_string(entry.text, entry.index, entry.span, entry.line)


def parse_entries(entries: Sequence[RawEntry]) -> tuple[Reference, ...]:
    """Parse every entry, in order; nothing is dropped (count in == count out)."""
    return tuple(parse_entry(e) for e in entries)


_BULLET = re.compile(r"^\s*(?:[-*•–]\s+|\d{1,3}[.)]\s+|\[\d{1,3}\]\s+)")


def parse_text(text: str) -> tuple[Reference, ...]:
    """One entry per non-blank line, bullets stripped; spans are offsets into ``text``."""
    out: list[Reference] = []
    pos = 0
    line_no = 0
    for line in text.split("\n"):
        line_no += 1
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        bm = _BULLET.match(line)
        lead = bm.end() if bm else len(line) - len(line.lstrip())
        body = line[lead:].rstrip()
        s = start + lead
        out.append(parse_string(body, len(out) + 1, Span(s, s + len(body)), line_no))
    return tuple(out)
