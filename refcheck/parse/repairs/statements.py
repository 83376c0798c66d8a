"""Repairs from statements of responsibility and other title information: GOST's `/`
names and editors, kinds of publication, standards, patents, theses, translations in brackets.
"""

from __future__ import annotations

import re

from refcheck.model import Organization, Person
from refcheck.normalise.folding import fold_key
from refcheck.parse.fields import _GENRE_WORDS, _Fields
from refcheck.parse.names import _PATRONYMIC, read_names
from refcheck.parse.tokens import _unquote

# GOST: "Java [Электронный ресурс] – Режим доступа: …", "SAP ERP Review [Электронный ресурс]. –
# 2019, URL: …": a web page with no author, its title before the medium
_TITLE_BEFORE_MEDIUM = re.compile(
    r"^(?P<t>[^\[\]/]{1,120}?)\.?\s*\[(?:Электронный ресурс|электронный ресурс|Electronic resource|"
    r"Текст|Text)\]"
)


# a standard cited by its designation: "ГОСТ 24.103-84. Комплекс стандартов …", "ISO 9001:2015 …"
_STANDARD = re.compile(
    r"^(?P<d>(?:ГОСТ|GOST|ОСТ|СТО|СНиП|СП)(?:\s?Р)?"
    r"(?:\s(?:ИСО|ISO|МЭК|IEC)(?:/(?:МЭК|IEC))?)?(?:\s(?:ТО|TR))?\s?\d[\d.:]*(?:[-–]\d{2,4})?)"
    r"\.?(?:\s+(?P<t>[^\[]+?))?(?:\s*\[|\.\s*[–—-]\s|\.?$)"
)


_SERIES_HEAD = re.compile(r"^[А-ЯA-Z]{3,6}\.\s+")


# German humanities: "Gramsch-Stehfest, Robert: Titel, in: …", "Knüpfer, Christian/Beck, Clemens:
# Titel": the names, each "Surname, Given", slash-separated, end at a colon
_INITIAL = r"[^\W\d_]{1,2}\."


_FULL_GIVEN = r"[^\W\d_][\w'’-]*"


_NAME_SG = (  # one-word surname (a particle before it allowed), then given names or initials
    r"(?:(?:von|van|de|du|di|da|zu)\s)?[^\W\d_][\w'’-]+,\s"
    rf"(?:{_FULL_GIVEN}(?:\s{_FULL_GIVEN})?(?:\s{_INITIAL})?|{_INITIAL}(?:\s?{_INITIAL}){{0,2}})"
    r"(?:\s(?:von|van|de|zu))?(?![\w'’-])"
)


_COLON_NAMES = re.compile(
    rf"^(?P<names>{_NAME_SG}(?:\s?/\s?{_NAME_SG}){{0,8}}(?:\s+u\.\s?a\.)?):\s"
)


# GOST: "Алехина С. В. Title [Электронный ресурс] / С.В. Алехина, Ю. В. Мельник // Journal"
_STATEMENT = re.compile(r"(?<!/)\s/\s(?P<names>[^/;]{4,300}?)(?:\s?//|;|\s[–—-]\s|\.\s[–—-]|$)")


# GOST 7.0.100-2018's content and carrier statement: "— Текст : непосредственный",
# "Текст : электронный", "Изображение (неподвижное ; двухмерное) : непосредственное"
_CONTENT_FORM = re.compile(
    r"\s*\.?\s*[—–-]?\s*(?:Текст|Изображение|Ноты|Карты)(?:\s*\([^()]{1,40}\))?\s*:\s*"
    r"(?:непосредственн|электронн)(?:ый|ое|ая)\b\.?|"
    r"\.\s*[—–-]\s*(?:Текст|Изображение|Ноты|Карты)$",  # its form cut off by a reader
    re.IGNORECASE,
)


def _content_form(f: _Fields) -> None:
    for name in ("title", "container_title", "publisher"):
        value = getattr(f, name)
        m = _CONTENT_FORM.search(value)
        if m:
            setattr(f, name, (value[: m.start()] + " " + value[m.end() :]).strip(" .—–-"))


def _translation_cut(f: _Fields, text: str) -> None:
    """``Sobranie sochineniy: v 9 tomakh [Collected Works: in`` (the reader cut at the number):
    the bracket as the entry closes it translates the title."""
    at = text.find(f.title)
    if at < 0 or f.title_translation:
        return
    cut = at + f.title.rfind("[")
    end = text.find("]", cut)
    if end < 0 or end - cut > 300 or "[" in text[cut + 1 : end]:
        return
    inside = text[cut + 1 : end].strip()
    if cut == at or "://" in inside or inside.lower().startswith(("transl", "trans.", "пер")):
        return  # a link or a translator's note in brackets, not the title's translation
    f.title = text[at:cut].rstrip(" .")
    if not _GENRE_WORDS.search(inside) and not inside.lower().startswith(("электрон", "текст")):
        f.title_translation = inside  # a medium ("[Электронный ресурс]") translates nothing


_GLOSS_END = re.compile(r"\s\((?P<g>[^()]{8,300})\)\.?$")
_ENGLISH_WORD = re.compile(
    r"\b(?:the|of|and|in|on|for|to|with|from|by|at|its|their|an|we|is|are|as)\b", re.IGNORECASE
)


def _english_gloss_after_title(f: _Fields) -> None:
    """``Slavim zemliu (We glorify the earth)``: an English phrase in brackets closing a title
    in another language translates it, as science journals print romanised titles; an English
    title's bracketed subtitle (``Persian grammar (The lexical categories)``) stays."""
    from refcheck.normalise import detect_language  # the parse stage needs it only here

    m = _GLOSS_END.search(f.title)
    head = f.title[: m.start()] if m else ""
    if m is None or len(head) < 12 or " " not in head.strip() or " " not in m["g"].strip():
        return
    if not _ENGLISH_WORD.search(m["g"]) or _ENGLISH_WORD.search(head):
        return  # the gloss is English by its small words; the title has none
    if detect_language(m["g"])[0] != "en" or detect_language(head)[0] == "en":
        return
    f.title, f.title_translation = f.title[: m.start()].rstrip(" ."), m["g"].strip()


_THESIS_KIND = re.compile(
    r",\s*((?:Yay[ıi]mlanmam[ıi]ş\s+)?(?:Yüksek\s+Lisans|Doktora|Lisans|Bitirme|Uzmanl[ıi]k)"
    r"\s+(?:Tezi|Projesi)|(?:Master'?s?|PhD|Doctoral|Bachelor'?s?)\s+(?:[Tt]hesis|[Dd]issertation))",
    re.IGNORECASE,
)


def _thesis_in_title(f: _Fields, text: str) -> None:
    """``Küresel Isınmanın … Etkisi ,Yüksek Lisans Tezi, Fen Bilimleri Enstitüsü``: the thesis
    kind after a comma ends the title (a space before the comma hid it from both readers)."""
    m = _THESIS_KIND.search(text)
    if m is None:
        return
    first = m[1].split()[0]
    i = f.title.rfind(first)
    if i > 10 and f.title[:i].rstrip().endswith(","):
        f.title = f.title[:i].rstrip(" ,")
        f.genre = f.genre or m[1]
        f.type = "thesis"


def _colon_names(f: _Fields, text: str) -> None:
    """Names ending at a colon open the entry: they are its authors, not the title's start."""
    m = _COLON_NAMES.match(text)
    if m is None:
        return
    agents, et_al = read_names(m["names"].replace(" u.a.", "").replace(" u. a.", ""))
    if not agents or not all(isinstance(a, Person) and a.given for a in agents):
        return
    if not m["names"].endswith((" von", " van", " de", " zu")):  # "Boehn, Max von": as read
        f.authors, f.et_al = list(agents), et_al or "u." in m["names"]
    cut = f.title.find(": ")
    if cut > 0 and m["names"].endswith(f.title[:cut]):
        f.title = f.title[cut + 2 :]  # "Oskar: Werkzeuge …": the last given name read as title


def _title_before_medium(f: _Fields, text: str) -> None:
    """One segment before ``[Электронный ресурс]``: the page's title, not an author's name."""
    m = _TITLE_BEFORE_MEDIUM.match(text)
    if m is None or not f.authors:
        return
    t = m["t"].strip()
    title = "" if f.title.isdigit() else f.title  # "…]. – 2019": a year read as the title
    if (
        ". " in t
        or " – " in t
        or " - " in t
        or len(t.split()) > 12
        or (title and fold_key(title) not in fold_key(t))
    ):
        return  # "Козлов Г.Е. Реферат … [Электронный ресурс]": the author before the title
    if f.title.isdigit() and f.year is None:
        f.year = int(f.title) if len(f.title) == 4 else None
    f.authors, f.et_al, f.title = [], False, _unquote(t)


def _standard(f: _Fields, text: str) -> None:
    """A standard's designation opens the entry; its name is the title, and no one its author."""
    m = _STANDARD.match(text)
    if m is None:
        return
    t = _SERIES_HEAD.sub("", (m["t"] or "").strip(" ."))  # "ЕСКД. Правила …": the series
    if t.startswith("«") and t.endswith("»"):
        t = t[1:-1]
    f.title = _unquote(t) if t else m["d"]  # "ГОСТ 34.602-89 [Электронный ресурс]": its number
    f.authors, f.container_title, f.type = [], "", "report"
    f.report_number = f.report_number or m["d"]  # the designation identifies it
    if f.publisher and fold_key(f.publisher) in fold_key(f.title):
        f.publisher = ""
    if f.issue and f.issue in m["d"]:
        f.issue = ""
    if f.pages and f.pages in m["d"]:
        f.pages = ""


def _statement_authors(f: _Fields, text: str) -> None:
    """The statement of responsibility after a single slash names every author; the heading
    names the first (read when it is that first author, and lists more of them)."""
    m = _STATEMENT.search(text)
    if m is None:
        return
    agents, et_al = read_names(m["names"].rstrip(" ."))
    first = f.authors[0]
    if (
        len(agents) >= 2
        and len(agents) > len(f.authors)  # the heading names fewer: the statement names all
        and all(
            isinstance(a, Person) and a.given and not any(c.isdigit() for c in a.family)
            for a in agents
        )
        and isinstance(first, Person)
        and isinstance(agents[0], Person)
        and (
            fold_key(agents[0].family) == fold_key(first.family)
            # an autoreferat's list of its author's works: the heading is the author, the
            # statement every author in order ("Королев, Л. Ю. … / К. К. Васильев, Л. Ю. Королев")
            or (
                any(
                    isinstance(a, Person) and fold_key(a.family) == fold_key(first.family)
                    for a in agents
                )
                and not _STATEMENT_ROLE.search(m["names"])
            )
        )
    ):
        f.authors, f.et_al = list(agents), et_al


_NAME_INITIAL = re.compile(
    r"(?:^|[\s.,])[^\W\d_]\.\s?(?:[^\W\d_]\.)?\s?[^\W\d_]{2,}|[^\W\d_]{2,}\s[^\W\d_]\."
)


def _statement_in_title(f: _Fields) -> None:
    """``Трансформация … / Чан Жанг Нам // Вестник …``: the statement of responsibility
    after the single slash is no part of the title; it is one when it names the heading's
    first author or reads as names with initials (``/ Y.Scherrer, S.Mocken``)."""
    cut = f.title.rfind(" / ")
    statement = f.title[cut + 3 :]
    if cut < 10 or len(statement) > 150 or "//" in statement:
        return
    first = f.authors[0]
    family = first.family if isinstance(first, Person) else first.name
    if (family and fold_key(family) in fold_key(statement)) or _NAME_INITIAL.search(statement):
        f.title = f.title[:cut].rstrip(" .,;:")


def _title_gap(f: _Fields, text: str) -> None:
    """``Title [Translation]. Journal — English journal, 2019`` read with the journal in the
    title (the bracket taken out leaves ``Title . Journal``), or ``Title . Publisher`` typed with a
    space before the period: the title ends at the gap, the rest is the source or publisher."""
    head, _, tail = f.title.partition(" . ")
    tail = tail.strip(" ,.")
    if not head or not tail or "/" in f.title or head.count("«") > head.count("»"):
        return  # a link typed with spaces, a quotation still open
    if f.title_translation:
        start = text.find(tail)
        end = text.find(f.container_title, start) if f.container_title and start >= 0 else -1
        numbered = bool(f.volume or f.issue or f.pages)  # an article's numbers: a periodical
        if end > start >= 0:  # the source runs from the gap through what was read as it
            f.container_title = text[start : end + len(f.container_title)]
        elif not f.container_title and numbered:
            f.container_title = tail
            if f.type == "book":
                f.type = "article-journal"
        f.title = head
    elif not (f.container_title or f.publisher):
        f.title = head
        if f.volume or f.issue or f.pages:  # "Title . Journal, 5(2), 1–10": the periodical
            f.container_title = tail
        else:
            f.publisher = tail


# GOST patents: "Патент №1044845. Позиционный пневмопривод [Текст] / Е. А. Рязанов (СССР). –
# № 3318224/23-06 ; заявл. 10.07.1981 ; опубл. 30.09.1983, Бюл. № 36.", "Пат. 2738039 Российская
# Федерация, МПК G 01 C 23/005. Способ … / Васильев К. К. ; …", "Способ … : патент 2526454 Рос.
# Федерация, МПК …"
_PATENT_HEAD = re.compile(r"(?:Патент|Пат\.)\s*(?:№|N)?\s*\d+[^.]*\.\s+")


_PATENT_TAIL = re.compile(r"\s*:\s*патент\b.*$", re.IGNORECASE)


_PATENT_PUBLISHED = re.compile(r"опубл(?:иковано)?\.?\s*(?:\d{1,2}\.\d{1,2}\.)?((?:1[89]|20)\d\d)")


_PATENT_TITLE = re.compile(
    r"(?P<t>[^/\[]{3,300}?)\s*(?:\[[^\]]*\]\s*)?(?:/\s*(?P<s>[^;/–—]{3,200}))?(?=[;.–—]|$)"
)


def _patent(f: _Fields, text: str) -> None:
    """A patent is dated by its publication (``опубл.``), not its application; its numbers are
    no volume or issue; its title is neither the patent's number nor ``: патент …``."""
    published = _PATENT_PUBLISHED.search(text)
    if published:
        f.year = int(published[1])
    f.volume = f.issue = ""
    head = _PATENT_HEAD.match(text)
    if head:
        m = _PATENT_TITLE.match(text, head.end())
        if m:
            f.title = m["t"].strip(" .")
            if m["s"] and (not f.authors or any(a.display.startswith("Пат") for a in f.authors)):
                agents, f.et_al = read_names(re.sub(r"\s*\([^)]*\)", "", m["s"]).strip())
                f.authors = [a for a in agents if isinstance(a, Person)]
    elif _PATENT_TAIL.search(f.title):
        f.title = _PATENT_TAIL.sub("", f.title)


# a role in a statement of responsibility: its names are not the authors
_STATEMENT_ROLE = re.compile(
    r"(?:ред|сост|пер|перевод|авт\.-сост|составитель|редактор|под|ed|comp|trans|науч)\b|"
    r"\b(?:ин-т|ун-т|институт|университет|министерство|центр|РАН|библиотека)\b",
    re.IGNORECASE,
)


_INITIALS_ONLY = re.compile(r"(?:[^\W\d_]{1,2}\.\s?){1,3}")


_GIVEN_WITH_INITIAL = re.compile(r"[^\W\d_][^\W\d_'’-]+(?:\s[^\W\d_]\.){1,2}")


# "Title / Под ред. Н.М. Чернавской. М.: …": the editors the statement names, initials first
_EDITED_BY = re.compile(
    r"/\s*(?:[Пп]од\s+(?:общ\.\s*|науч\.\s*)?ред(?:\.|акцией)|[Оо]тв\.\s*ред\.)\s*"
    r"(?P<names>(?:[А-ЯЁ]\.\s?){1,3}[А-ЯЁ][а-яё-]+(?:(?:,\s*|\s+и\s+)(?:[А-ЯЁ]\.\s?){1,3}[А-ЯЁ][а-яё-]+)*)"
)


def _editors_in_statement(f: _Fields, text: str) -> None:
    """The editors of a GOST statement of responsibility, where the reader left them in the
    title (``… / Под ред``) or the place (``Н.М. Чернавской. М.``)."""
    m = _EDITED_BY.search(text)
    if m is None:
        return
    agents, _ = read_names(m["names"])
    if not agents or not all(isinstance(a, Person) for a in agents):
        return
    f.editors = list(agents)
    f.title = _ROLE_CUT.sub("", f.title)
    if f.place.startswith(m["names"]):
        f.place = f.place[len(m["names"]) :].lstrip(" .–—-") or f.place


_ROLE_CUT = re.compile(r"\s*/\s*(?:[Пп]од\s+(?:общ\.\s*|науч\.\s*)?ред|[Оо]тв\.\s*ред)\.?$")


def _authors_in_statement(f: _Fields, text: str) -> None:
    """A GOST record that opens with its title names its authors after the slash:
    ``Title / Ю. Н. Адищев [и др.] // Журнал``, the Russian State Library's ``Title :
    автореферат дис. … / Рогожина Наталья Дмитриевна; [Место защиты: …]``. Names only:
    editors, compilers, translators and institutions stay out."""
    m = _STATEMENT.search(text)
    if m is None or m.start() < 10 or _STATEMENT_ROLE.search(m["names"]):
        return
    if ":" in m["names"] or "[сайт]" in m["names"]:
        return
    agents, et_al = read_names(m["names"].rstrip(" ."))
    if (
        agents
        and len(agents) <= 6
        and all(
            isinstance(a, Person)
            and a.family[:1].isupper()
            and (
                _INITIALS_ONLY.fullmatch(a.given)
                or _PATRONYMIC.search(a.given)
                or _GIVEN_WITH_INITIAL.fullmatch(a.given)  # "Eric M. Bottos, Warwick F. Vincent"
            )
            for a in agents
        )
    ):
        f.authors, f.et_al = list(agents), et_al or f.et_al
        i = f.title.find(" / ")
        if i > 0 and f.title[i + 3 :].startswith(m["names"][:8]):
            f.title = f.title[:i].rstrip(" .")  # the statement a reader left in the title


def _people_read_as_group(f: _Fields, group: Organization, *, initials: bool) -> None:
    """A list of people read as one group name: ``Liu, Jianli; Lughofer, Edwin; Zeng, Xianyi
    (2015):`` (semicolons), ``Delprat S., Guerra T.M, Rimaux J., (2003).`` (an initial without
    its period; then every name must carry its initials)."""
    agents, et_al = read_names(group.name)
    if len(agents) >= 2 and all(
        isinstance(a, Person) and (a.given or not initials) for a in agents
    ):
        f.authors, f.et_al = list(agents), et_al or f.et_al
