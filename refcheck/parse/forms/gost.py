"""GOST 7.1 / 7.0.5 / 7.0.100 forms.

Articles ``Иванов И. И. Название // Журнал. – 2019. – Т. 5, № 3. – С. 10–20.``, books with
``– Place: Publisher, Year. – 212 с.``, areas and content-type statements."""

from __future__ import annotations

import re
from collections.abc import Sequence

from refcheck.model import Agent, Person
from refcheck.parse.dates import _DATE_DMY, _WORD, _month, _valid
from refcheck.parse.fields import _Fields, _read_publisher, _take_title_extras
from refcheck.parse.names import _org, _parse_given_first, _person
from refcheck.parse.tokens import _clean, _segments, _unquote

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
    im = re.search(r"(?:№|No\.|(?i:в[ыи]п\.)|(?<!\w)N(?=\s?\d+\.))\s*(\w+)", tail)  # "Вип." (uk)
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
    r"\s*[.,]\s*(?:[-–—]\s*)?(?=(?:1[5-9]|20)\d\d\b|(?:Т|Vol|С|P|Вып|вып|Вип|вип)\.|Ҹ\.\s*\d|№|N\s?\d|Том\b|URL\b)"
)
# "… тарихи. Ҹ. 1" before an imprint: the volume of a book, not part of its name
_GOST_VOL_END = re.compile(r"[.,]\s*(?:Т\.|Том|Ҹ\.|Vol\.)\s*\d+\.?$")


_NO_AUTHOR_TITLE = re.compile(r"^\*[^*]{1,300}\*(?:\s*[(\[][^()\[\]]{1,80}[)\]])*\.?$")


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


_GOST_SEP = re.compile(r"\.\s+[—–]\s+")


def _gost_areas(text: str) -> tuple[str, str]:
    """GOST separates areas with ". — " (or ". – "): read them as plain sentence ends, but
    not inside brackets (``(III в. до н. э. – VIII в. н. э.)`` is a span of centuries).
    Also returns the first area (authors and title, up to the first separator), or ""."""
    out: list[str] = []
    pos = 0
    first = ""
    opened = closed = 0  # brackets before the separator, counted as the scan goes: linear
    counted = 0
    for m in _GOST_SEP.finditer(text):
        opened += text.count("(", counted, m.start())
        closed += text.count(")", counted, m.start())
        counted = m.start()
        if opened > closed:
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
