"""Repairs of the source: a container, publisher, journal, e-print or meeting the reader
missed or misplaced (docs/parser.md, "Repairs").
"""

from __future__ import annotations

import re

from refcheck.model import Organization
from refcheck.normalise.folding import fold_key
from refcheck.parse.fields import _CITIES, _Fields, title_and_brackets
from refcheck.parse.identifiers import VISIT_DATE_RU
from refcheck.parse.names import _ORG_HINT, has_org_stem, read_names
from refcheck.parse.tokens import _unquote

# "(1987) Carcinogenesis, 8, 1791–1800.": a journal cited without the article's title
_TITLELESS_JOURNAL = re.compile(
    r"\)\.?\s*(?P<j>[^,()\d]{2,80}?),\s*(?P<v>\d{1,5}[A-Z]?),\s*"
    r"(?P<p>[A-Za-z]?\d+(?:\s*[–—-]\s*\d+)?)\.?$"
)


# physics and chemistry lists name the journal by its abbreviation and no article title:
# "B. Mosconi and P. Ricci, Nucl. Phys. A517, 483 (1990)", "Uddin S. et al., J. Phys. G, 39
# (2012) 015012", "(2002) Anal. Biochem., 309, 102–108."
_ABBR_WORD = r"(?:[A-Z][a-z'-]{0,12}\.|[A-Z][a-z'-]{1,14}|[A-Z]{1,4}:?|of|and|&)"


_PAGE = r"[A-Z]?\d+(?:\s*[–—-]\s*\d+)?"


_YEAR = r"(?:1[6-9]|20)\d\d"


_ABBREVIATED_JOURNAL = re.compile(
    rf"(?:^|,\s*|\)\.?\s*)(?P<j>{_ABBR_WORD}(?:\s?{_ABBR_WORD}){{0,7}}?),?\s*"
    r"(?P<v>[A-Z]?\d{1,5}[A-Z]?)(?:\s*\((?P<i>\d{1,3})\))?"
    rf"(?:,\s*(?P<p>{_PAGE})\s*\((?P<y>{_YEAR})\)|\s*\((?P<y2>{_YEAR})\),?\s*(?P<p2>{_PAGE})"
    rf"|,\s*(?P<p3>{_PAGE}))\.?"
    r"(?:\s*\[(?:[^\[\]]|\[[^\]]*\])*\]|\s*arXiv:\S+(?:\s\[[^\]]+\])?)?[.;]?$"  # an e-print after
)


# GOST: "… / А. Медведева // Фонтанка.ру. – Режим доступа: …", "// Мир образования, 2007. – №3":
# the source after the double slash, up to the first dash-separated area, year or number
_AFTER_SLASHES = re.compile(
    r"(?<!:)//\s*(?P<c>[^/\[]{2,200}?)\s*(?:\.?\s[–—-]\s?|\.-|,\s*(?:1[5-9]|20)\d\d\b|\.\s*(?:1[5-9]|20)\d\d\b"
    r"|[.,]\s*(?:[ТтVv]|Вып|Vol)\.\s*\d|[.,]\s*(?:№|N)\s?\d|\.?\s*$|,\s*\d{1,2}\.\d{1,2}\.|"
    r"\.\s*(?:Выпуск|Вып|Ч|Т|Том|Сер|Серия)\b|\.\s*\d+-qism|\.\s*[^\W\d_]{1,15}\.?\s?:|\.\s*[^\W\d_]{1,4}\.,\s*(?:1[5-9]|20)\d\d)"
)


_CITY_OR_DATE = re.compile(
    rf"(?:{_CITIES})$|\d|(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b|[Uu]npublished"
)


_NAME_HEAD = re.compile(r"^[^\W\d_]{2,}\s(?:[^\W\d_]\.\s?){1,2}(?:\s|$)")


# what follows a periodical's name: "Title. British Critic, n.s. 1, Jan. 1814", "…. Journal 10(6)"
_AFTER_CONTAINER = re.compile(
    r"[.,]?\s*(?:[Vv]ol\.|n\.s\.|[Nn]o\.|№|[ТтVv]\.\s?\d|Cilt|C\.\s?\d|\d|\(\d|Epub|pp?\.\s?\d|"
    r"ss?\.\s?\d|səh)"
)


# a meeting named after the title: "Title. X. Ulusal Fen Bilimleri … Kongresi, Niğde.",
# "Title. 1. Uluslararası … Sempozyumu, Nevşehir"; Turkish "Book içinde": the book a piece is in
_MEETING = re.compile(
    r"(?:^|[.?!]\s)(?P<c>(?:(?:[IVXL]{1,5}|\d{1,2})\.\s)?[^.]{3,160}?(?:Kongresi|Sempozyumu|"
    r"Konferansı|Kurultayı|Çalıştayı|Kongresine Sunulmuş Bildiri|(?<!of )Congress|Symposium|"
    r"Conference(?!\s+Series)|"
    r"Workshop|[Кк]онференци[ия]|[Сс]импозиума?|[Кк]онгресса?)(?:\s[^.,;]{0,60})?)(?=[.,;]|$)"
)


_ICINDE = re.compile(r"[.?!]\s(?P<c>[^.()“”\"]{3,160}?)\s+(?:içinde|İçinde)\b")


# Vancouver chapter: "In: Schiff ER, Sorrell MF, editors. Schiff's Diseases of the Liver. …"
_IN_EDITORS_BOOK = re.compile(
    r"\bIn:\s*(?P<eds>[^.:;]{2,200}?),\s*"
    r"(?:editors?|eds?|organizador(?:es)?|org|coordinador(?:es)?|hrsg)\.\s*"
    r"(?P<book>[^.]{2,250}?)\.(?:\s|$)",
    re.IGNORECASE,
)


_PLACE_PUB_YEAR = re.compile(r"\s*(?P<place>[^.:;]{2,40}):\s*(?P<pub>[^;.]{2,80});\s*\d{4}")


# MLA: "Vathek. Three Gothic Novels, edited by Mario Praz, Penguin, 1968."
_MLA_EDITED = re.compile(
    r"(?:^|\.\s)(?P<t>[^.]{2,200})\.\s(?P<c>[^.]{3,200}?)"
    r"(?:,\s+edited|\.\s+Edited)\s+(?:and\s+\w+\s+)?by\s"
)


# an edition statement, not an edited book: "Schriften. Zweite … Auflage. Edited by …"
_EDITION_WORD = re.compile(r"Auflage|[Ee]dition\b|[Bb]askı|[Ii]zdanie|издание")


# "Film History, 21,1" / "Frontiers in Computational Neuroscience, 9": numbers left on the name
_CONTAINER_NUMBERS = re.compile(r",\s*(?P<v>\d{1,4})(?:,(?P<i>\d{1,3}))?$")


_CONTAINER_DOT_ISSUE = re.compile(r"\s(?P<v>\d{1,4})\.(?P<i>\d{1,4})$")


# "Trans. of the ASAE, Vol.38(1)": the volume's label and its issue left on the name
_CONTAINER_VOL_LABEL = re.compile(
    r",?\s*(?:Vol\.?|Т\.|Cilt)\s*(?P<v>\d{1,4})\s*(?:\((?P<i>[^()]{1,10})\))?$"
)


_CONTAINER_VOLUME = re.compile(
    r"(?<![\d.,:;])\s(?!(?:1[5-9]|20)\d\d$)(?P<v>\d{1,4})$"
)  # never a year


# words whose number is part of the name: "Серия 14", "(Volume 2", "page 178", "Systems 24"
_NUMBERED_PART = frozenset(
    {"(volume", "volume", "vol.", "vol", "серия", "series", "seri", "part", "pt.", "page", "p."}
    | {"no.", "issue", "systems"}
)


_CONTAINER_ACCESSED = re.compile(
    rf"\s*\((?:accessed|retrieved|viewed|erişim|{VISIT_DATE_RU})\b[^()]{{0,60}}\)$",
    re.IGNORECASE,
)


# MLA 7 / Chicago: "Public Services Quarterly 10.2 (2014): 150-56" is volume 10, issue 2
_VOLUME_DOT_ISSUE = re.compile(
    r"(?<![\d.])(?P<v>\d{1,4})\.(?P<i>\d{1,3})\s*\((?:[^\W\d_]+\.?\s)?(?:1[5-9]|20)\d\d\)"
)


# '"Qobustan" jurnalı, 1977, N 10': a quoted name the word "journal" follows, its issue by N
_NAMED_JOURNAL = re.compile(
    r"[«\"“](?P<c>[^»\"”]{2,80})[»\"”]\s+(?:jurnal[ıi]?|journal|qəzeti|gazetesi|журнал)\b"
)


_N_ISSUE = re.compile(r"(?:^|[\s,.;])(?:N[s°o]?|n|№)\s?\.?\s?/?(?P<i>\d{1,4})\b")


_OPEN_QUOTES = "“\"«„‘'"


_TRAILING_BRACKET = re.compile(r"\s*\[[^\[\]]*\]$")


# a newspaper's or magazine's name: what an untitled article's italic source is called
_NEWS_WORDS = (
    "times|post|gazette|news|herald|tribune|guardian|telegraph|daily|chronicle|observer|"
    "independent|standard|monitor"
)


_NEWS_NAME = re.compile(rf"\b(?:{_NEWS_WORDS})\b", re.IGNORECASE)


_PERIODICAL_NAME = re.compile(
    rf"\b(?:{_NEWS_WORDS}|economist|weekly|magazine|journal)\b", re.IGNORECASE
)


# "… (1968, January 27). *Ədəbiyyat və incəsənət*, *55*, 3.": a periodical's name and its
# italic volume right after the date
_PERIODICAL_AFTER_DATE = re.compile(
    r"\((?:\d{4}[a-zа-я]?|n\.\s?d\.)[^()]{0,30}\)\.\s+\*(?P<c>[^*]{2,200})\*,\s+"
    r"(?:\*(?P<v>[^*]{1,20})\*(?:\((?P<i>[^()]{1,20})\))?(?:,\s+(?P<p>[\w–-]{1,20}))?"
    r"|(?P<pp>\d{1,5}[–-]\d{1,5}))\.?"  # or pages alone: "*British Critic*, 34–50."
)


# an italic name alone after the date, a link at most after it: "*TIME Magazine*. https://…"
_ITALIC_ALONE = re.compile(r"\)\.\s*\*[^\W\d_][^*]{1,150}\*\.?(?:\s+https?://\S+)?\s*$")
_NAME_GLUE = frozenset(
    ["of", "and", "for", "the", "in", "on", "at", "de", "du", "des", "la", "le", "et", "für",
     "und", "van", "von", "der", "do", "da", "dos", "das", "no", "na", "del", "y", "e"]
)  # fmt: skip


def _reads_as_title(name: str) -> bool:
    """A group's name has no colon, question or lower-case word but its glue ("of", "and"):
    ``Brinn Museum named one of 15 …``, ``Art: Expressionism’s Father`` are titles (names with
    a comma or a bracket are left as read: a person, or a list the parser could not split)."""
    if "," in name or "(" in name or "." in name:
        return False
    if ":" in name or "?" in name:
        return True
    lower = [w for w in name.split() if w[:1].islower() and w not in _NAME_GLUE]
    return len(lower) >= 2


# a site's name alone between the date and the link: "). Pazarlamasyon: https://…"
_SITE_ALONE = re.compile(r"\)\.\s*(?P<site>[^\W\d_][^.:()]{1,60})[.:]?\s+https?://\S+\s*$")


def _site_alone(f: _Fields, text: str) -> bool:
    m = _SITE_ALONE.search(text)
    return m is not None and m["site"].strip() == f.title and len(f.title.split()) <= 6


def _untitled_article(f: _Fields, text: str, org: Organization) -> None:
    """``Planned obsolescence. (2009, March 23). *The Economist*.``: an article with no author
    opens with its title (APA 7 §9.12), so the "group author" ``org`` before the date is the
    title and the italic name after it, a newspaper's or magazine's, is where it appeared."""
    name = org.name
    m = _PERIODICAL_AFTER_DATE.search(text) if "*, " in text else None
    if m and f.title.startswith(m["c"]):
        # a source named before its italic volume is a periodical: an article has a title
        # "Title [Translation] [Qanun]. (1997).": the second bracket describes it
        title, translation, described = title_and_brackets(name.rstrip(" ."), org.abbreviation)
        f.title = title
        if described:
            f.title_translation, f.genre = translation, f.genre or described
        elif " " in translation or translation == "Translation needed":
            f.title_translation = translation
        f.container_title = m["c"]
        if m["v"] and not (f.volume and m["v"].startswith(f.volume)):
            f.volume = m["v"]  # else the reader split it already ("24/3": volume 24, issue 3)
        f.issue, f.pages = f.issue or (m["i"] or ""), f.pages or (m["p"] or m["pp"] or "")
        f.authors, f.italic_title, f.italic_container = [], False, True
        f.type = "article-newspaper" if _NEWS_NAME.search(m["c"]) else "article-journal"
        return
    if f.volume or f.pages:
        return
    words = f.title.split()
    if (
        f.italic_title
        and 1 <= len(words) <= 5
        # the name's first or last word says what it is: "New York Times", "Journal of …",
        # never a word inside a title ("CryptoCurrency Historical Weekly Snapshots")
        and (
            any(_PERIODICAL_NAME.fullmatch(w.strip(".,:")) for w in (words[0], words[-1]))
            or (words[0] == "The" and _NEWS_NAME.search(f.title) is not None)
        )
        and (
            not (has_org_stem(name) or _ORG_HINT.search(name))
            or name.startswith(("A ", "An "))  # "A Hindu in Plymouth Church": a headline
        )
    ):
        f.title, f.container_title, f.authors = name, f.title, []
        f.italic_title, f.italic_container = False, True
        f.type = "article-newspaper" if _NEWS_NAME.search(f.container_title) else "article-magazine"
    elif not f.italic_title and f.url and _reads_as_title(name) and _site_alone(f, text):
        # "A brief history of Chatbots. (2018, August 11). Pazarlamasyon: https://…": a web
        # page with no author opens with its title (§9.12); the short name after it is the site
        f.title, f.container_title, f.authors = name, f.title, []
        f.type = "webpage"
    elif f.italic_title and _ITALIC_ALONE.search(text) and _reads_as_title(name):
        # "Art: Expressionism’s Father. (2011). *TIME Magazine*.": a sentence in the author's
        # place is a title (§9.12); the italic name alone after the date is its source
        f.title, f.container_title, f.authors = name, f.title, []
        f.italic_title, f.italic_container = False, True
        f.type = "article-journal"


# a computing venue with its year's last two digits: "CCS’07", "USENIX Security’12", "SOSP'93"
_VENUE_YEAR = re.compile(r"\s?['’](\d\d)$")


def _venue_year(f: _Fields) -> None:
    """``“Title,” in CCS’07.``: the venue's short form carries the only year the entry has."""
    m = _VENUE_YEAR.search(f.container_title)
    if m and m.start() > 1:
        yy = int(m[1])
        f.year = 2000 + yy if yy <= 40 else 1900 + yy
        f.container_title = f.container_title[: m.start()].rstrip()


# "Geneva: World Health Organization", "Hohenheim, Germany: University of Hohenheim", "Брест:
# Изд-во С. Лаврова": a place (a word or three, a country or state after a comma) and a name
_CONTAINER_IMPRINT = re.compile(
    r"^(?P<place>[^\W\d_][^\W\d_.\s-]*\.?(?:[\s-][^\W\d_][^\W\d_.\s]*\.?){0,2}"
    r"(?:,\s?[^\W\d_][^\W\d_\s]{1,15}\.?){0,1})\s?:\s?(?P<pub>[^:]{2,120})$"
)


def _imprint_as_container(f: _Fields) -> None:
    """A book's imprint read as its source: the place and publisher it names. Taken when the
    publisher is the same name again (the imprint read twice), or missing and the place is a
    known city or has its country after a comma."""
    m = _CONTAINER_IMPRINT.match(f.container_title)
    if not m or not m["place"][:1].isupper():
        return
    place, pub = m["place"].strip(), m["pub"].strip(" .")
    if f.publisher and f.publisher.strip(" .") != pub:
        return
    if not f.publisher and not (
        re.fullmatch(_CITIES + r"\.?", place.split(",")[0]) or "," in place
    ):
        return
    f.place, f.publisher, f.container_title = f.place or place, pub, ""
    if f.type == "chapter":
        f.type = "book"


# Google Scholar's "arXiv preprint arXiv:2203.09938": the e-print server and number, the source
_ARXIV_SOURCE = re.compile(
    r"(?:[Aa]r[Xx]iv [Pp]reprint )?[Aa]r[Xx]iv:\s?(?P<id>\d{4}\.\d{4,5}(?:v\d+)?)"
    r"(?:\s\[[\w.-]+\])?"
)


def _arxiv_source(f: _Fields, text: str) -> None:
    """The e-print named after the title is the work's source, not a place and publisher
    (``arXiv preprint arXiv`` : ``2203.09938``)."""
    m = _ARXIV_SOURCE.search(text)
    if m is None or m[0] in f.title or text.find(f.title) > m.start():
        return
    f.container_title = m[0]
    if f.publisher.startswith(m["id"]):
        f.publisher = ""
    if "arxiv" in f.place.lower():
        f.place = ""


# Preprint servers and working-paper repositories: "Title. PsyArXiv. https://doi.org/…" (APA 7
# §10.8) names the server where a book names its publisher; it is the work's source
PREPRINT_SERVER = re.compile(
    r"(?:[A-Za-z]{2,12}[rR][Xx]iv|ar[Xx]iv|SSRN|OSF Preprints|Research Square|Preprints\.org"
    r"|Preprints|Zenodo|HAL|RePEc)(?: [Pp]reprints?)?"
)


def _preprint_server(f: _Fields) -> None:
    """``Hussey, I. (2020). Title. PsyArXiv. https://doi.org/…``: the server the reader took
    for a publisher is the preprint's source (where the corpus and CSL's ``container-title``
    put it)."""
    server = f.publisher.strip(" .")
    if PREPRINT_SERVER.fullmatch(server):  # the caller saw no container
        f.container_title, f.publisher = server, ""


def _titleless_journal(f: _Fields, text: str) -> None:
    m = _TITLELESS_JOURNAL.search(text)
    if m and m["j"].strip(" .") == f.title.strip(" .") and f.volume in ("", m["v"]):
        f.container_title, f.title = f.title, ""
        f.volume = m["v"]
        f.type = "article-journal"


def _abbreviated_journal(f: _Fields, text: str) -> None:
    """A journal abbreviation, volume, pages and year with no title; the reader took the
    abbreviation for a title, split it at its periods, or gave its first initial to a name."""
    m = _ABBREVIATED_JOURNAL.search(text.rstrip())
    if m is None or not any(w.endswith(".") for w in m["j"].split()):
        return
    head = text[: m.start("j")].rstrip(" ,")
    if m["p3"] and not head.endswith(")"):
        return  # "Title, J. Econ., 5, 10-20" may have a title: only after "(2002)"
    j = m["j"].strip()
    tail = fold_key(m[0])
    pages = m["p"] or m["p2"] or m["p3"]
    if f.title and fold_key(f.title) not in tail:  # a title of its own: fill only what is empty
        if fold_key(f.container_title) == fold_key(j) and f.volume in ("", m["v"]):
            f.volume, f.pages = m["v"], f.pages or pages
        return
    container = fold_key(f.container_title)
    if container and container not in tail and not container.endswith(fold_key(j)):
        return  # (a container holding the names before the journal is that journal too)
    year = m["y"] or m["y2"]
    if year and f.year not in (None, int(year)):
        return
    f.title, f.container_title = "", j.rstrip(".")
    f.volume, f.issue = m["v"], m["i"] or f.issue
    f.pages = pages
    f.type = "article-journal"
    if year and f.year is None:
        f.year = int(year)
    if head and not any(c.isdigit() or c in "()" for c in head):
        agents, et_al = read_names(head)
        if agents:
            f.authors, f.et_al = list(agents), et_al


def _title_holds_container(f: _Fields, text: str) -> None:
    """ "Review of Manfred. British Critic, n.s. VIII, Jul. 1814, pp. 38-47": the title's last
    sentence, right before the volume or issue, is the periodical it appeared in."""
    at = text.find(f.title)
    if at < 0 or not _AFTER_CONTAINER.match(text, at + len(f.title)):
        return
    head, _, tail = f.title.rpartition(". ")
    words = tail.split()
    if not head or not 1 <= len(words) <= 10 or not (tail[0].isupper() or tail[0] in _OPEN_QUOTES):
        return
    if len(head.split()) < 2 or _NAME_HEAD.match(tail):
        return
    f.title, f.container_title = head.strip(), _unquote(tail.strip(" ,"))


def _icinde(f: _Fields, text: str) -> None:
    """ "Düldül (Edebiyat). Türkiye Diyanet Vakfı İslâm Ansiklopedisi içinde (C 10, s. 20-21)":
    the book before Turkish "içinde" ("in") holds the piece."""
    m = _ICINDE.search(text)
    if m is None:
        return
    c = m["c"].strip()
    cut = fold_key(f.title).find(fold_key(c))
    if cut > 0:
        f.title = f.title[: f.title.find(c)].rstrip(" .") if c in f.title else f.title
    elif fold_key(f.title) == fold_key(c):
        return
    f.container_title = c
    f.type = "chapter"


def _meeting(f: _Fields, text: str) -> None:
    """A meeting named after the title is where the paper was given (its proceedings)."""
    at = text.find(f.title)
    if at < 0:
        return
    m = _MEETING.search(text, at + len(f.title) - 1)
    if m is None:
        m = _MEETING.search(f.title)
        if m is None or m.start("c") == 0:
            return
        f.title = f.title[: m.start("c")].rstrip(" .")  # the title ran on into the meeting
    f.container_title = m["c"].strip()
    f.type = "paper-conference"
    if f.publisher and fold_key(f.container_title) in fold_key(f.publisher):
        # "X. Ulusal … Kongresi, Niğde" read as the publisher: the meeting, then its town
        rest = f.publisher[f.publisher.find(f.container_title) + len(f.container_title) :]
        f.publisher, f.place = "", f.place or rest.strip(" ,.")


def _gost_source(f: _Fields, text: str) -> None:
    """The source after GOST's ``//`` that the labeller left unread (or read as a publisher)."""
    m = _AFTER_SLASHES.search(text)
    if m is None:
        return
    c = m["c"].strip(" .,:;")
    if (
        len(c) < 2
        or _NAME_HEAD.match(c)
        or fold_key(c) == fold_key(f.title)
        or _CITY_OR_DATE.match(c)
    ):
        return  # "// Бубер М. Два образа веры": the book's author first, another reading
    f.container_title = c
    if fold_key(f.publisher) == fold_key(c):
        f.publisher = ""


def _in_editors_book(f: _Fields, text: str) -> None:
    m = _IN_EDITORS_BOOK.search(text)
    if m is None:
        return
    cut = f.title.find(" In:")
    if cut < 0:
        cut = f.title.find(" In:".lower())
    if cut > 0:
        f.title = f.title[:cut].rstrip(" .")
    elif m["book"] == f.title:
        return  # the title is the book: the chapter's own title is not where we look
    f.container_title = m["book"].strip()
    f.type = "chapter"
    if not f.editors:
        eds, _ = read_names(m["eds"])
        f.editors = eds


def _publisher_after_book(f: _Fields, text: str) -> None:
    """ "In: Ferreira Filho M, organizador" read as the publisher: the imprint follows the book."""
    m = _IN_EDITORS_BOOK.search(text)
    if m is None:
        return
    f.publisher = ""
    pm = _PLACE_PUB_YEAR.match(text, m.end())
    if pm:
        f.place, f.publisher = pm["place"].strip(), pm["pub"].strip()


def _mla_edited(f: _Fields, text: str) -> None:
    m = _MLA_EDITED.search(text)
    if m is None:
        return
    if m.start("t") == 0 or m["t"].strip(" -—–") == "":
        return  # the segment before is the author ("Byron, George Gordon, Lord." / "---."):
        # an edited book of the author's, not a piece in someone's book
    c = _TRAILING_BRACKET.sub("", m["c"].strip())
    t = _TRAILING_BRACKET.sub("", m["t"].strip()).strip("“”\"' .")
    title = f.title.strip(" .")
    if _EDITION_WORD.search(c):
        return  # "Schriften. Zweite … Auflage. Edited by": an edition statement, not a book
    if title == c or fold_key(title) == fold_key(f"{t} {c}"):
        f.title = t  # the book's name read as the title, or with it
    elif title != t:
        return
    f.container_title = c
    f.type = "chapter"


# a periodical's issuing body after its name: "Кинетика и катализ / Российская академия наук",
# "Успехи физических наук. — Российская академия наук"
_CONTAINER_BODY = re.compile(r"(?:\s/|\.\s*[—–])\s*(?P<body>[^/—–.]{3,90})$")


def _container_body(f: _Fields) -> None:
    """The body that issues a periodical, after a slash or GOST's dash, is not its name."""
    m = _CONTAINER_BODY.search(f.container_title)
    if m and m.start() > 2 and has_org_stem(m["body"]):
        f.container_title = f.container_title[: m.start()].rstrip(" ,.")
        f.publisher = f.publisher or m["body"].strip(" ,.")


# a web page named by its title alone: "Ядро Linux. –– URL: https://…", "CP/M. — URL: …"
_PAGE_NAME = re.compile(r"^(?P<t>[^.\[]{2,120}?)\.?\s*(?:[–—-]{1,2}\s*)?(?:URL|Режим доступа)\b")


def _web_page_name(f: _Fields, text: str) -> None:
    """A page with a link and nothing else read but a "name": that name is its title (GOST's
    ``Ядро Linux. –– URL: …``; an entry without a title is no reference)."""
    m = _PAGE_NAME.match(text)
    if m:
        f.title, f.authors = m["t"].strip(), []


def _container_numbers(f: _Fields) -> None:
    m = _CONTAINER_VOL_LABEL.search(f.container_title)
    if m and m.start() > 0 and f.volume in ("", m["v"]) and f.issue in ("", m["i"] or ""):
        f.container_title = f.container_title[: m.start()].rstrip(" ,.")
        f.volume, f.issue = m["v"], m["i"] or f.issue
        return
    m = _CONTAINER_ACCESSED.search(f.container_title)
    if m and m.start() > 0:
        # "American Interest (accessed on November 19, 2023)": when it was read, not its name
        f.container_title = f.container_title[: m.start()].rstrip()
    m = _CONTAINER_VOLUME.search(f.container_title) if f.pages and not f.publisher else None
    if (
        m
        and m.start() > 0
        and f.volume in ("", m["v"])
        and f.container_title[: m.start()].rsplit(None, 1)[-1].lower() not in _NUMBERED_PART
    ):
        # biblatex's "European Economic Review 172, p. 104": the volume after the name
        f.container_title, f.volume = f.container_title[: m.start()].rstrip(), m["v"]
        return
    m = _CONTAINER_DOT_ISSUE.search(f.container_title)
    if m and m.start() > 0 and f.volume in ("", m["v"], m[0].strip()) and f.issue in ("", m["i"]):
        # biblatex's default "International Economic Review 60.2, pp. 517–545"
        f.container_title = f.container_title[: m.start()].rstrip()
        f.volume, f.issue = m["v"], m["i"]
        return
    m = _CONTAINER_NUMBERS.search(f.container_title)
    if m is None or m.start() == 0 or f.volume not in ("", m["v"], m["i"] or "-"):
        return
    f.container_title = f.container_title[: m.start()].rstrip()
    f.volume = m["v"]
    if m["i"] and f.issue in ("", m["i"]):
        f.issue = m["i"]


def _volume_dot_issue(f: _Fields, text: str) -> None:
    m = _VOLUME_DOT_ISSUE.search(text)
    if m and f.volume in (m["v"], f"{m['v']}.{m['i']}"):
        f.volume, f.issue = m["v"], m["i"]


def _named_journal(f: _Fields, text: str) -> None:
    m = _NAMED_JOURNAL.search(text)
    if m is None or f.title == m["c"]:
        return  # the quoted name is what the labeller took as the title: no second reading
    generic = f.container_title.lower() in ("", "jurnalı", "journal", "jurnal")
    if not generic and f.container_title != m["c"]:
        return
    f.container_title = m["c"]
    f.type = "article-journal"
    n = _N_ISSUE.search(text, m.end())
    if n and not f.issue:
        f.issue = n["i"]
        if f.volume == n["i"]:
            f.volume = ""


# Turkish lists of the comma style: "Başlık, Hava-İş Sendikası Yay.No.973/33, İstanbul, 1973":
# the publisher (a name ending with Yay., Yayınları, Yayınevi, Basımevi, Matbaası, and its
# series number) closing what was read as the title
_TITLE_THEN_PUBLISHER = re.compile(
    r",\s(?P<pub>(?:[A-ZÇĞİÖŞÜ][\w.'’-]*\s){0,5}(?:[A-ZÇĞİÖŞÜ][\w'’-]*\s)?"
    r"(?:Yay\.?|Yayınları|Yayınevi|Yayıncılık|Basımevi|Matbaası))"
    r"(?P<no>\s?(?:No|Nu)\.?\s?:?\s?[\d/.-]+)?$"
)


# "Les mots de la guerre, Toulouse, Presses universitaires du Mirail", "…, London & New York:
# Routledge": a place and a publisher (named by a publisher's word) closing the title
_TITLE_THEN_IMPRINT = re.compile(
    r",\s(?P<place>[A-ZÀ-Þ][^\W\d_]+(?:[ -][A-ZÀ-Þ][^\W\d_]+)?(?:\s&\s[A-ZÀ-Þ][^\W\d_]+"
    r"(?:\s[A-ZÀ-Þ][^\W\d_]+)?)?)\s?[,:]\s(?P<pub>[^,:;]{0,40}\b(?:Presses|Press|Éditions|"
    r"Editions|Verlag|Publishers|Publishing|Books|Routledge|Gallimard|Seuil|Flammarion)\b"
    r"[^,:;]{0,40})$"
)


def _imprint_closing_the_title(f: _Fields) -> None:
    """The publisher (with its series number), or a place and a publisher, read into the end
    of the title move out."""
    m = _TITLE_THEN_PUBLISHER.search(f.title)
    if m is None and not (f.publisher or f.container_title):
        m = _TITLE_THEN_IMPRINT.search(f.title)
    if m is None or m.start() < 10:
        return
    f.title = f.title[: m.start()].rstrip()
    groups = m.groupdict()
    if groups.get("place"):
        f.place = f.place or groups["place"]
    if " " in m["pub"].strip() or groups.get("place"):  # "Yay.No.1994/20" alone names none
        f.publisher = f.publisher or m["pub"].strip()


# a publisher's series number: "MPM Yay.No.229", "Eğitim Dizisi No.7", "Yay. No: 10"
_SERIES_NUMBER = re.compile(
    r"(?:Yay|Yayınları|Dizisi|Serisi|Series|Seri)\.?\s?(?:No|Nu|Sayı)\.?\s?:?\s?(?P<n>\d{1,5})\b"
)


def _series_number_as_issue(f: _Fields, text: str) -> None:
    """A book's series number read as its issue: no issue; and the publisher the reader left at
    the end of the title (``Çalışma Ceza Hukuku, İ.Ü.Hukuk Fak`` + ``.Yay.No.558``) leaves it."""
    m = _SERIES_NUMBER.search(text)
    if m is None or m["n"] != f.issue:
        return
    f.issue = ""
    at = text.find(f.title) if f.title else -1
    if at < 0 or ", " not in f.title:
        return
    after = text[at + len(f.title) : m.start()]
    if after.strip(" .") == "":
        head, _, tail = f.title.rpartition(", ")
        if len(head) >= 10 and len(tail) <= 60:
            f.title = head
            f.publisher = f.publisher or f"{tail} Yay."
