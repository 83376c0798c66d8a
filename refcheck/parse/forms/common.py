"""Readers shared by the APA and Chicago-like forms: book tails, stand-alone works, periodicals by
date, genre leads."""

from __future__ import annotations

import re

from refcheck.model import Organization
from refcheck.parse.fields import (
    _CITY_END,
    _ORG_CITY_STATE,
    _PLACE_PUB,
    _PROCEEDINGS,
    _PUB_PLACE,
    _THESIS,
    _Fields,
    _magazine_name,
    _read_publisher,
    _read_tail_loose,
    _take_title_extras,
)
from refcheck.parse.forms.comma import _split_commas
from refcheck.parse.tokens import _PUB_AHEAD, _clean, _Seg, _segments

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


# "Book, Place: Publisher, 328-334.": a town of one or two capitalised words (or two joined by
# a slash), no colon in the book's title
_BOOK_PLACE_PUBLISHER = re.compile(
    r"^(?P<book>(?:(?!\. )[^:()]){3,}?),\s*(?P<place>[A-Z][^\W\d_]+(?:[ /][A-Z][^\W\d_]+)?)\s*:\s*"
    r"(?P<pub>[^:,()]+?)(?:,\s*(?:S\.|pp?\.|ss?\.)?\s*(?P<pages>\d+\s*[-–]\s*\d+))?\s*\.?$"
)


# the bracket after a book's title: "(pp. 3–14)", "(Vol. 2)", "(2nd ed.)", "(ss. 5-9)"
_BOOK_BRACKET = re.compile(
    r"\((?:[^()]*?(?:\bpp?\.|\bss?\.|\bsəh\.|[сС]\.|\bS\.|\bVol\.|\bCilt\b|\bed\.|"
    r"[Ee]dition|[Bb]askı)\s*[^()]*)\)"
)


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
        pm = _BOOK_BRACKET.search(rest)
        if pm and len(_segments(rest[: pm.start()])) <= 3:
            book = re.sub(r"\s+içinde$", "", _clean(rest[: pm.start()]))
            _take_title_extras(f, rest[pm.start() : pm.end()])
            f.container_title = _clean(_take_title_extras(f, book))
            after = rest[pm.end() :].lstrip(" .,")
            if after:
                _read_publisher(f, after)
            return
    bm = None if rest.startswith("*") else _BOOK_PLACE_PUBLISHER.match(rest)
    if bm:
        # "Handbuch Medienpädagogik, Wiesbaden: VS Verlag, 328-334." (German APA): the book,
        # then its imprint and the pages, all after commas
        f.container_title = _clean(_take_title_extras(f, bm["book"]))
        f.place, f.publisher = bm["place"], _clean(bm["pub"])
        if bm["pages"]:
            f.pages = bm["pages"]
        return
    segs = _segments(rest)
    if not segs:
        return
    if len(segs) >= 2 and _BOOK_BRACKET.match(segs[1].text):
        # "*What is Philosophy?* (pp. 201–218)": the title's own "?" is no sentence end
        segs = [_Seg(f"{segs[0].text} {segs[1].text}", segs[0].start), *segs[2:]]
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
