"""Repairs of the numbers: a page range, a labelled page or an Uzbek *bet* read as the volume."""

from __future__ import annotations

import re

from refcheck.normalise.scripts import has_cyrillic
from refcheck.parse.fields import _Fields

_WIDE_RANGE = re.compile(r"(\d{1,5})\s*[-–]\s*(\d{1,5})")


# "p. 97 141": a page range whose dash was lost in copying (a PDF's, a web page's)
_SPACED_RANGE = re.compile(r"\bpp?\.\s?(\d{1,5}) (\d{1,5})(?=[.,;]?(?:\s|$))")


def _range_without_its_dash(f: _Fields, text: str) -> None:
    """The first page read as a volume or lost, the last kept as the pages: the range as
    written."""
    m = _SPACED_RANGE.search(text)
    if m is None or m[2] != f.pages or int(m[1]) >= int(m[2]):
        return
    f.pages = f"{m[1]} {m[2]}"
    if f.volume == m[1]:
        f.volume = ""
    elif f.issue == m[1]:
        f.issue = ""


def _page_range_as_volume(f: _Fields) -> None:
    """ "ed. Steven E. Lobell vd. 1-41. Cambridge": a range too wide for volumes is pages."""
    m = _WIDE_RANGE.fullmatch(f.volume)
    if m and int(m[2]) - int(m[1]) >= 4:  # (the caller saw no pages)
        f.pages, f.volume = f.volume, ""


# the page label before a number: GOST's "– С. 29" (Cyrillic or a Latin look-alike), "S. 12",
# "P. 5", "pp. 3", "ss. 4", "səh. 7"; a volume's label: "Т. 5", "Vol. 5", "Cilt 5", "Bd. 5"
# (Uzbek "B."/"Б." is *bet*, the page)
_PAGE_LABEL = re.compile(r"(?:^|[\s.,;:–—-])(?:[Сс]|s|[Pp]{1,2}|ss|səh|стр|B|Б)\.\s?(\d[\d–—-]*)")


# a capital "S." is a page (Seite, GOST transliterated) but a Turkish issue (Sayı): "C. 32, S. 1"
_CAPITAL_S_PAGE = re.compile(r"(?:^|[\s.,;:–—-])S\.\s?(\d[\d–—-]*)")


_TURKISH_NUMBERS = re.compile(r"\bC(?:ilt)?\.?\s?\d|Sayı|[ğşıİ]")


# a Latin "C." for the Cyrillic one, in a Cyrillic entry (a Turkish or Azerbaijani "C." is cilt)
_LATIN_C_PAGE = re.compile(r"(?:^|[\s.,;:–—-])[Cc]\.\s?(\d[\d–—-]*)")


_VOLUME_LABEL = re.compile(
    r"(?:^|[\s.,;:–—-])(?:[ТT]|т|[Vv]ol|[Cc]ilt|[Bb]d|[Tt]om|кн|[Cc]\s?ild)\.?\s?(\d[\d–—-]*)"
)


def _labelled_volumes(text: str) -> set[str]:
    """The numbers the entry names as volumes (``Т. 5``, ``Vol. 12``, ``Cilt 3``)."""
    return {m[1] for m in _VOLUME_LABEL.finditer(text)}


def _labelled_page_as_volume(f: _Fields, text: str) -> None:
    """``… № 8. – C. 29.`` read with 29 as the volume: a number the entry labels as its page,
    and never as a volume, is the pages."""
    pages = {m[1] for m in _PAGE_LABEL.finditer(text)}
    if "S." in text and not _TURKISH_NUMBERS.search(text):
        pages.update(m[1] for m in _CAPITAL_S_PAGE.finditer(text))
    if has_cyrillic(text):
        pages.update(m[1] for m in _LATIN_C_PAGE.finditer(text))
    if f.volume in pages and f.volume not in _labelled_volumes(text):
        f.pages, f.volume = f.volume, ""


# "№ 2 (42)", "No 4-2 (109)", "N 5(21)", "no. 6 (250)": a Russian journal's issue with its
# running number since the first issue, one issue as printed; not a volume and an issue
_NUMBERED_ISSUE = re.compile(
    r"(?:№|\b[Nn]o\.?|\bN)\s?(?P<a>\d{1,3}(?:\s?[-–]\s?\d{1,2})?)\s?\((?P<b>\d{1,4})\)"
)


def _numbered_issue(f: _Fields, text: str) -> None:
    """``… 2022, № 3(80), с. 3–13``: the issue is ``3(80)`` as written, unless the entry labels
    one of its numbers as the volume. After ``N`` or ``No`` the running number is the larger
    (``No 2 (42)``); ``N 16 (3)`` and ``No. 93 (4)`` are a volume and its issue."""
    m = _NUMBERED_ISSUE.search(text)
    if m is None:
        return
    a, b = m["a"], m["b"]
    if len(b) == 4 and b[:2] in ("15", "16", "17", "18", "19", "20"):
        return  # "No 21 (1897)": the year in brackets
    labelled = _labelled_volumes(text)
    others = {f.volume, f.issue} - {"", a, b}
    if others - labelled or not ({f.volume, f.issue} & {a, b}):
        return  # the fields hold other numbers: some other reading
    if f.volume in (a, b) and f.volume in labelled:
        return  # "Т. 5, № 5(21)": a volume of its own
    if f.pages in (a, b):
        return
    if not m.group(0).startswith("№") and int(b) < int(re.split(r"\D", a)[0]):
        # "N 16 (3)", "No. 93 (4)": a Western journal's volume and issue, the issue the smaller
        if not f.volume and f.issue == a:
            f.volume, f.issue = a, b
        return
    f.issue = m.group(0)[m.start("a") - m.start() :]
    f.volume = "" if f.volume in (a, b) else f.volume


# physics journals' "Phys. Rev. Lett. 13 (1964) 321": the volume, the year in brackets, the
# first page (or article number)
_VOLUME_YEAR_PAGE = re.compile(
    r"(?<![\d.])(\d{1,4}) \((1[5-9]\d\d|20\d\d)\),? ([A-Z]?\d{1,7})(?=[,.;]?(?:\s|$))"
)


def _page_after_the_year(f: _Fields, text: str) -> None:
    """``… Phys. Rev. 145 (1966) 1156, doi:…`` read without its page: the number after the
    bracketed year is the page."""
    for m in _VOLUME_YEAR_PAGE.finditer(text):
        if m[1] == f.volume and f.year == int(m[2]):
            f.pages = m[3]
            return


# bibtex's plain and Index Medicus' ending: "Review, 33(1):1–39, 2010.", "Med. 327:1794, 1992."
_VOLUME_PAGES_YEAR_END = re.compile(
    r"(?<![\w.])(?P<v>\d{1,4})\s?(?:\((?P<i>[^()]{1,10})\))?\s?:\s?"
    r"(?P<p>[\dl]+(?:\s?[-–—]\s?\d+)?),\s(?P<y>(?:1[6-9]|20)\d\d)\.?$"
)


def _volume_pages_then_year(f: _Fields, text: str) -> None:
    """``…, 33(1):1–39, 2010.``: the volume, issue and pages before the closing year; the
    pages the model left out or took for the year (``327:1794, 1992``) are these."""
    m = _VOLUME_PAGES_YEAR_END.search(text)
    if m is None or f.volume not in ("", m["v"]):
        return
    year = int(m["y"])
    if f.year not in (None, year) and str(f.year) not in m["p"]:
        return
    f.year, f.volume = year, m["v"]
    if m["i"] and not f.issue:
        f.issue = m["i"]
    f.pages = m["p"]


# Uzbek and Kazakh *bet* (page) closing an entry: "– Б 63-67.", "–Б 463.", "- 19-b.", "212 б."
# after a dash or the imprint's period (a Latin "B 17" alone is no page: a series' letter)
_BET_END = re.compile(
    r"(?:[–—-]\s?(?:Б|B)\.?\s?(?P<p>\d+(?:\s?[-–—]\s?\d+)?)"
    r"|\.\s(?:Б|B)\s(?P<q>\d+(?:[-–—]\d+)?)"
    r"|[–—-]\s?(?P<r>\d+(?:[-–—]\d+)?)\s?-\s?(?:b|б|bet|бет|betlar|бетлар))\.?\s*$"
)


def _bet_closing_the_entry(f: _Fields, text: str) -> None:
    """``… – Тошкент. – 2000. –Б 463.``: the page an Uzbek entry names last, after its imprint."""
    m = _BET_END.search(text)
    if m:
        f.pages = (m["p"] or m["q"] or m["r"]).replace(" ", "")


# the imprint closing a traditional entry: ", Ankara, 1994, 675 s.", ", Wien 2015.",
# ", Vilnius 2000." (a place, then the year, then perhaps the extent or a note in brackets)
_IMPRINT_YEAR_END = re.compile(
    r"[,.]\s(?:[A-ZÀ-ÞА-ЯЁĞŞİÇÖÜ][^\W\d_]+(?:[ -][A-ZÀ-ÞА-ЯЁ][^\W\d_]+)?),?\s"
    r"(?P<year>1[5-9]\d\d|20\d\d)(?:,\s\d{1,4}\s(?:s|S|с|p|pp)\.)?\.?(?:\s\([^()]{1,40}\)\.?)?$"
)


def _imprint_year_over_a_title_year(f: _Fields, text: str) -> None:
    """``…, The History of Lithuania before 1795, Vilnius 2000.`` dated 1795: the year of the
    closing imprint is the date when the year read stands against the title, which gets it
    back (a reprint's or a second work's year is not touched)."""
    m = _IMPRINT_YEAR_END.search(text)
    if m is None or f.year is None or int(m["year"]) == f.year or not f.title:
        return
    old = str(f.year)
    at = text.find(old)
    start = text.find(f.title)
    if at < 0 or at >= m.start() or text.count(old) > 1 or start < 0:
        return
    end = start + len(f.title)
    if at >= end and _TITLE_NUMBERS.fullmatch(text[end:at]):
        # "… before | 1795,", "… 1 ( 1876- 1930),": the title runs on to the next comma
        run = _UNTIL_COMMA.match(text, end)  # always matches, perhaps empty
        f.title = text[start : run.end() if run else end].rstrip(" .")
    elif at < start and _TITLE_NUMBERS.fullmatch(text[at + 4 : start]):
        f.title = text[at:end]  # "1648 — | das Jahr …": the year opens the title
    else:
        return
    f.year = int(m["year"])


_TITLE_NUMBERS = re.compile(r"[\s\d()\[\]–—-]{0,10}")
_UNTIL_COMMA = re.compile(r"[^,;]*")


# a book's extent closing the entry: "… Tashkent, 1953. 175 p.", "Duschanbe: 183 S."
_EXTENT_CLOSING = re.compile(
    r"[\s,.:;–—-](?P<n>\d{1,5})\s?(?:p|S|s|с|стр|səh|b|б)\.?(?:\s*\([^()]{1,40}\))?\s*"
    r"(?:URL:?\s\S+.*)?$"
)
# a volume in Roman numerals named by its word: "Т. VI", "volume V", "Vol. XII", "Cilt IV"
_ROMAN_VOLUME = re.compile(
    r"(?:^|[\s,.])(?:[ТT]\.|[Vv]ol\.|[Vv]olume|[Тт]ом|[Cc]ilt)\s?(?P<r>[IVXLC]{1,7})(?=[\s,.;)]|$)"
)


def _extent_as_volume(f: _Fields, text: str) -> None:
    """``Flora of Uzbekistan. Т. VI. 175 p.`` read with volume 175: a number the entry closes
    with its extent word is the book's extent, no volume; a Roman volume the entry names by
    its word is the volume (and no container)."""
    m = _EXTENT_CLOSING.search(text)
    if m is None or m["n"] != f.volume or f.volume in _labelled_volumes(text):
        return
    f.volume = ""
    rm = _ROMAN_VOLUME.search(text)
    if rm is not None:
        f.volume = rm["r"]
        if rm["r"] in f.container_title and len(f.container_title) <= len(rm.group(0)) + 2:
            f.container_title = ""  # "Т. VI" read as the source
