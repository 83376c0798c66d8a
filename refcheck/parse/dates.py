"""Dates in English, Turkish, Azerbaijani and Russian: month names, ``parse_date``."""

from __future__ import annotations

import re

from refcheck.model import PartialDate

# English month names and their abbreviations, as a regex alternation (no trailing period):
# the spans layer and the repairs look for a date after a source's name with it
EN_MONTH_NAMES = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
)

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

# Ukrainian month stems (the genitive of "від 2 вересня 2014 року" and the nominative)
_UK_STEMS: tuple[tuple[str, int], ...] = (
    ("січ", 1), ("лют", 2), ("берез", 3), ("квіт", 4), ("трав", 5), ("черв", 6), ("лип", 7),
    ("серп", 8), ("верес", 9), ("жовт", 10), ("листопад", 11), ("груд", 12),
)  # fmt: skip

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

# the Cyrillic stems in the order they are tried: Russian (or Azerbaijani's "ј" spellings), then
# Ukrainian, whose stems differ from both
_RU_THEN_UK = _RU_STEMS + _UK_STEMS
_AZ_CYR_THEN_UK = _AZ_CYR_STEMS + _UK_STEMS

_WORD = r"[^\W\d_]+"


def _lower(s: str) -> str:
    """Lower-case with Turkish dotted capital I mapped to a plain i (str.lower adds U+0307)."""
    return s.replace("İ", "i").lower()


def _month(word: str) -> int | None:
    w = _lower(word.strip(".,"))
    if w in _MONTH_MAP:
        return _MONTH_MAP[w]
    for stem, num in _AZ_CYR_THEN_UK if "ј" in w else _RU_THEN_UK:
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
