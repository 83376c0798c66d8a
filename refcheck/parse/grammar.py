"""The grammar's entry reader: which form an entry is in, then that form's reader; report types and
the record's status."""

from __future__ import annotations

import re
from itertools import islice

from refcheck.model import Organization, ParseStatus, Person
from refcheck.parse.dates import _month
from refcheck.parse.fields import (
    _CITIES,
    _CITY_ONLY,
    _GENRE_WORDS,
    _LETTER,
    _PLACE_PUB,
    _PROCEEDINGS,
    _THESIS,
    NAME_BRACKET,
    _Fields,
    _read_container,
    _read_publisher,
    _take_title_extras,
    title_and_brackets,
)
from refcheck.parse.forms.apa import _DATE_PAREN, _EDITOR_ROLE, _read_apa_date, _read_body_apa
from refcheck.parse.forms.chicago import _read_chicago, _read_given_first
from refcheck.parse.forms.common import _standalone
from refcheck.parse.forms.gost import (
    _GOST_BOOK,
    _NO_AUTHOR_TITLE,
    _gost_areas,
    _gost_title_area,
    _read_gost,
    _read_gost_book,
)
from refcheck.parse.forms.harvard import _read_harvard
from refcheck.parse.names import _parse_author_block, _parse_given_first
from refcheck.parse.tail import _find_tail
from refcheck.parse.tokens import _clean, _segments, _unquote

_CONTENT_TYPE = re.compile(
    r"\.?\s+[—–]\s+Текст\s?:\s?(?:электронный|непосредственный)\b\.?(?=\s|$)"
)


_EDITION_NUMBER = re.compile(r"(\d+)\s*-?\s*[^\W\d_]{0,3}\.?$")


# after a no-author title and the date, an italic name with numbers or nothing after it is the
# periodical ("*Mədəniyyət*, 1.", "*Ədəbiyyat və incəsənət*."): a book's title would stand first
_ITALIC_THEN_NUMBER = re.compile(r"\*[^*]{1,200}\*(?:\s*,\s*\*?\(?\d|\.?$)")
_ITALIC_THEN_VOLUME = re.compile(r"\*[^*]{1,200}\*\s*,\s*\*?\(?[\dIVXLC]")


def _translated_title_head(f: _Fields) -> bool:
    """The one "author" has words in square brackets after it, not an acronym (``[WHO]``)."""
    if len(f.authors) != 1 or not isinstance(f.authors[0], Organization):
        return False
    org = f.authors[0]
    abbr = org.abbreviation
    return (
        " " in abbr.strip()
        or sum(ch.islower() for ch in abbr) >= 2
        or (not abbr and NAME_BRACKET.fullmatch(org.name) is not None)
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
    date_only = None  # "(n.d.). https://…": a link with its date, nothing else (the URL is cut)
    date_first = None  # "(1948). *Journal*, *9*.": an issue of a periodical, no author or title
    for m in _DATE_PAREN.finditer(head):
        pre = head[: m.start()].rstrip()
        if not pre and not head[m.end() :].strip(" ."):
            date_only = m
        elif not pre and head[m.end() :].lstrip(" .").startswith("*"):
            date_first = m
        elif _NO_AUTHOR_TITLE.match(pre):
            untitled = m
        elif (
            pre
            # quotes mark a title (MLA, Chicago), unless the title stands in the authors'
            # place with its translation: "Yeni binada ilk tamaşa «…» [Translation]. (n.d.)."
            and (
                not any(c in pre for c in '*"“«')
                or (pre.endswith(("].", "]")) and NAME_BRACKET.fullmatch(pre.rstrip(". ")))
            )
            and len(pre) <= 400
            and not pre[-1].isdigit()  # "BMJ 2008; 336(7636)": an issue, not a date
        ):
            apa = m
        break
    if date_only is not None:
        f.form = "apa-untitled"
        _read_apa_date(f, date_only["d"])
    elif date_first is not None:
        f.form = "apa-untitled"
        _read_apa_date(f, date_first["d"])
        body = head[date_first.end() :].lstrip(" .,")
        if _ITALIC_THEN_VOLUME.match(body):
            _read_container(f, body.rstrip(". "))
            f.type = "article-journal"
        else:
            _read_body_apa(f, body)
    elif untitled is not None:
        f.form = "apa-untitled"
        f.italic_title = True
        f.title = _clean(_take_title_extras(f, head[: untitled.start()].strip()))
        _read_apa_date(f, untitled["d"])
        rest = [g.text for g in _segments(head[untitled.end() :].lstrip(" .,"))]
        _standalone(f, rest)
    elif apa is not None:
        f.form = "apa"
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
        if auth.given_first:
            f.flag("author names not written as 'Surname, I.'")
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
            and _CITY_ONLY.fullmatch(im["place"].strip())
        ):
            # "Konstitusiya. (2016). Bakı: Hüquq ədəbiyyatı.": only an imprint after the date, so
            # the head is the title of a work without an author (APA moves the title there)
            f.authors = []
            f.title = _unquote(_take_title_extras(f, pre.rstrip(". ")))
            _read_publisher(f, body)
            f.type = "book"
        else:
            _read_body_apa(f, body)
            if (
                not f.title
                and f.container_title  # a source was read after the date, and no title
                and len(f.authors) == 1
                and isinstance(f.authors[0], Organization)
            ):
                # "Key. (2007). In *Encyclopedia* …", "Title [Translation]. (1984). *Journal*,
                # (5), 112–114.": nothing after the date can be the title, so the head is one
                # (a work with no author, its title in the author's place, §9.12)
                org = f.authors[0]
                # "Title [Translation] [Ėlektronnyĭ resurs]. (n.d.).", "… [Translation]
                # [Qanun]. (1997).": the first bracket translates, the second describes
                f.title, f.title_translation, described = title_and_brackets(
                    org.name, org.abbreviation
                )
                f.authors = []
                if not described and _GENRE_WORDS.search(f.title_translation):
                    described, f.title_translation = f.title_translation, ""  # "[Web]"
                f.genre = f.genre or described
            elif (
                _translated_title_head(f)
                and not f.container_title
                and _ITALIC_THEN_NUMBER.match(body) is not None
            ):
                # "Arşın mal alan [Translation]. (1996, January 10). *Mədəniyyət*, 1.": words in
                # the brackets translate a title in the author's place; what is italic after
                # the date is its periodical, not a book
                head_org = f.authors[0]
                assert isinstance(head_org, Organization)
                f.title, f.title_translation, described = title_and_brackets(
                    head_org.name, head_org.abbreviation
                )
                f.genre = f.genre or described
                f.authors = []
                f.volume = f.issue = f.pages = ""
                _read_container(f, body.rstrip(". "))
                f.type = "article-journal"
    elif " // " in head:
        f.form = "gost"
        _read_gost(f, head)
    elif _GOST_BOOK.match(head):
        f.form = "gost-book"
        _read_gost_book(f, head)
    elif _read_harvard(f, head):
        f.form = "harvard"
    elif _read_given_first(f, head):
        f.form = "given-first"
    else:
        f.form = "chicago"
        _read_chicago(f, head)
    if f.place and "place of publication given (APA 7 omits it)" not in f.issues:
        f.flag("place of publication given (APA 7 omits it)")
    if f.genre and _THESIS.search(f.genre):
        f.type = "thesis"
    elif f.genre and re.search(r"presentation|poster|session|keynote|bildiri|sunum", f.genre, re.I):
        f.type = "paper-conference"
    if not f.title and f.container_title and f.type == "document":
        f.title, f.container_title = f.container_title, ""
    em = _EDITION_NUMBER.match(f.edition)
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
    em = _EDITORS_LEAD.match(f.container_title) if "(" in f.container_title else None
    if em and not f.editors:
        # "E. G. Naskali (Ed.) Korku Kitabı içinde": the book's editors, the comma left out
        eds, et_al = _parse_given_first(em["eds"])
        if eds and all(isinstance(a, Person) for a in eds):
            f.editors, f.container_title = eds, em["name"].strip()
            f.et_al = f.et_al or et_al
    if f.container_title.endswith("]"):
        # GOST "// Федеральная служба … : [сайт]": the bracketed kind of resource is not the name
        f.container_title = _MEDIUM_END.sub("", f.container_title)
    if area and f.title and " // " not in head:
        _gost_title_area(f, area)
    if f.type == "book" and _is_report(f):
        f.type = "report"
    if (
        f.form == "apa"
        and f.container_title
        and f.volume.isdigit()
        and not (f.issue or f.pages)
        and f.date is not None
        and f.date.day is not None
        and f"*{f.volume}*" not in head  # APA italicises a volume, never a page
    ):
        # "(1997, May 6). Title. *Daily Emerald*, 2.": a dated paper's lone number is its page
        f.pages, f.volume = f.volume, ""
    return f, head


_EDITORS_LEAD = re.compile(
    r"(?P<eds>(?:[^\W\d_]\.\s?){1,3}[^\W\d_][^()]{1,100}?)\s*\((?:Eds?|Haz|Der|Ред|ред)\.?\)"
    r"\s*,?\s+(?P<name>[^\W\d_].{1,300})$"
)
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


_IN_BOOK = re.compile(r"[.,]?\s+(?://\s*)?[ВB]\s?(?:кн|сб)\.\s?:\s*")
# Turkish/Azerbaijani "Kitap içinde" ("in the book"): the postposition is not part of the name
_IN_WORD_END = re.compile(r"\s+(?:içinde|içində)[.,]?$", re.IGNORECASE)


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


def _status(f: _Fields, text: str) -> tuple[ParseStatus, str]:
    letters = sum(1 for _ in islice(_LETTER.finditer(text), 3))  # only "fewer than 3?" matters
    dated = f.year is not None or f.no_date or f.in_press
    if letters < 3:
        return ParseStatus.UNPARSED, "no words in the entry"
    if not dated and not f.authors and not f.editors and not (f.doi or f.url or f.report_number):
        if f.title and (f.container_title or f.publisher):
            return ParseStatus.PARTIAL, "no author or date recognised"  # title and source read
        return ParseStatus.UNPARSED, "no author, date or identifier recognised"
    if not f.title:
        if not dated and not f.doi and not f.url and not f.report_number:
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


_SUSPECT_TITLE = re.compile(
    r"(?:,\s*\d+\s*(?:\(\s*[\w-]+\s*\))?\s*[,:]\s*[A-Za-z]?\d+\s*[-–—]+\s*\d+\s*$|"
    r"(?:^|[\s.,])(?:İçinde|içinde|Içinde|In|В):?\s+(?:[^\W\d_]\.|[^\W\d_]+,)|\bpp?\.\s*\d|"
    r",\s*[^\W\d_][\w.]+\s*:\s*[^\W\d_][\w]+(?:\s+[\w]+){0,4}\s*$|\((?i:der|eds?|red|ред|haz|hrsg)\.?\)|"
    r",\s*(?:çev|trans|пер)\.\s|,\s*(?:s|ss|pp?|с)\.\s*\d|"
    r"[.?!:]\s(?:En|Em)(?::\s|\s+[A-ZÁÉÍÓÚÑ]))"  # Spanish/Portuguese "En: Libro", "En Libro"
)
_IN_BOOK_WORD = re.compile(r"(?:^|[\s.,])(?:İçinde|içinde|Içinde|In|В)\s*:\s", re.IGNORECASE)
_TITLE_CITY_RUN = re.compile(r",\s*" + _CITIES + r",\s*[^,]{2,60}$")
_TITLE_CITY_END = re.compile(r",\s*" + _CITIES + r"\.?$")
_QUOTE_THEN_MORE = re.compile(r"[”\"»][.,;]?\s+\S{2,}")  # not ":", a subtitle follows
_SUSPECT_PUB = re.compile(r"\d+\s*[-–—]\s*\d+|\bpp?\.\s*\d|\bdoi\b|\(\d{4}\)|\(pp", re.IGNORECASE)
_SUSPECT_CONT_START = re.compile(
    r"^(?:İçinde|içinde|Içinde|In|В)\s*:|^(?:Çev|Trans)\.\s|^(?-i:En|Em):?\s", re.IGNORECASE
)
_SUSPECT_CONT = re.compile(
    r"(?:,|\s)\s*\d+\s*\(\s*\d+\s*\)\s*$|\b(?:Cilt|Vol\.?|Sayı|No\.)\s*\d+\s*$|"
    r",\s*(?-i:[IVXLC]{1,7})\s*$"  # "Vakıflar Dergisi, VIII": a Roman volume
)
_CONT_PLACE = re.compile(r"^" + _CITIES + r"$")
# a sentence inside the title that ends like a source: "… durumu. Turkish Studies, Volume 6/1",
# "… cami. Vakıflar Dergisi, 9"
_TITLE_SOURCE_END = re.compile(
    r"\.\s+[^\W\d_][^.]{2,},\s*(?:(?:Volume|Vol\.|Cilt|Sayı|No:?|Tome)\s*)?"
    r"(?:\d{1,4}(?:[-/–]\d{1,4})?|(?-i:[IVXLC]{1,7}))(?:\s*\(\d{1,3}\))?\s*$"
)
# a journal's abbreviated name cut in two at one of its periods: title "… terminology. Anatomic",
# container "Rec. Part B New Anatom"; title "J. Biol", container "Chem"
_ABBR = r"(?:[A-Z][a-z]{0,9}\.?|[A-Z]{1,5}|&|of|and)"
_TITLE_ABBR_END = re.compile(r"(?:^|\.\s+)" + _ABBR + r"(?:\s+" + _ABBR + r"){0,6}$")
_CONT_ABBR = re.compile(r"^" + _ABBR + r"(?:\s+" + _ABBR + r"){0,5}$")
_NAMES_IN_ORG = re.compile(
    r"^(?:[^\W\d_][\w'’-]+\s+){1,2}(?:[^\W\d_]\.?(?:\s+|$)){1,3}(?:$|[,;&]|(?:ve|and|və|и)\s)"
)
_AND_WORD = re.compile(r"\s(?:&|and|ve|və|и)\s")
# "L.B. Daniels, A.S. Maisel, Natriuretic peptides, …": initials-first names, two in a row
_INITIALS_FIRST_IN_ORG = re.compile(
    r"(?:^|,\s)(?:[^\W\d_]\.\s?){1,3}[^\W\d_][^\W\d_'’-]+,\s(?:[^\W\d_]\.\s?){1,3}[^\W\d_]"
)


def _suspect(f: _Fields, head: str = "") -> str:
    """Why the grammar's APA reading shows a sign of having gone wrong, or ""."""
    if not f.title:
        return "no title"
    if _SUSPECT_TITLE.search(f.title):
        return "title holds a source"
    if _TITLE_SOURCE_END.search(f.title):
        return "title ends with a source's volume"
    tm = _TITLE_ABBR_END.search(f.title) if f.container_title else None
    if (
        tm
        and _CONT_ABBR.match(f.container_title)
        and (
            "." in f.container_title  # "Rec. Part B New Anatom"
            or (tm.start() > 0 and " " in tm[0].strip(". "))  # "… immortality. Essays Informat"
            or (tm.start() == 0 and "." in f.title)  # "Proc. Natl Acad. Sci" + "USA"
        )
    ):
        return "an abbreviated journal name cut in two"
    if f.container_title and _CONT_PLACE.match(f.container_title.strip(" .")):
        return "container is a place"
    if f.title[:1] in ":;,":
        return "title opens with the date's punctuation"  # "(1991): “Title”, Journal, …"
    if f.title[:1] in '“"«„' and _QUOTE_THEN_MORE.search(f.title[1:]):
        return "title runs on past its closing quote"
    if not f.container_title and _TITLE_CITY_END.search(f.title):
        # "(1965), Eski Türk Şiiri, Ankara, Türk Tarih Kurumu Yayınları.": the imprint's place
        return "title ends with a place"
    if not f.publisher and not f.container_title and _TITLE_CITY_RUN.search(f.title):
        return "title ends with a place and a publisher"  # "…, Bakı, Elm", "…, İstanbul, Ötüken"
    if not f.container_title and head and _IN_BOOK_WORD.search(head):
        return "a chapter's book not read"
    if f.publisher and _SUSPECT_PUB.search(f.publisher):
        return "publisher holds numbers"
    if f.container_title and _SUSPECT_CONT.search(f.container_title):
        return "container holds its volume"
    if f.container_title and _SUSPECT_CONT_START.search(f.container_title):
        return "container holds an editor statement"
    if f.container_title and _month(f.container_title.rsplit(None, 1)[-1].strip(".,")):
        return "container ends with a month"
    for a in f.authors:
        if isinstance(a, Organization) and (
            _NAMES_IN_ORG.match(a.name) or _INITIALS_FIRST_IN_ORG.search(a.name)
        ):
            return "personal names read as a group"
    if len(f.authors) == 1 and head and _AND_WORD.search(head.split("(", 1)[0]):
        return "one author read from a list of several"
    return ""


def _grammar_is_sure(f: _Fields, text: str) -> bool:
    """Whether the grammar's reading stands without the labeller (docs/parser.md, "Which
    reader"): an APA form (authors, then the date in brackets) with no sign of a misreading."""
    return f.form in ("apa", "apa-untitled") and not _suspect(f, text)
