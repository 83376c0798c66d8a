"""Repairs after either reader: shapes of real lists both readers get wrong, fixed from the text.

Each repair fires on one unmistakable shape and only when the fields show the misreading it
repairs (the title holding the container, the container empty), so a right reading is never
touched. Found on the real corpus's train part, kept when the dev part (read with a labeller
trained without it) gained: docs/parser.md, "Repairs".
"""

from __future__ import annotations

import re

from refcheck.model import Organization, Person
from refcheck.parse.dates import EN_MONTH_NAMES, parse_date
from refcheck.parse.fields import _CITIES, YEAR_SPAN_END, _Fields
from refcheck.parse.grammar import _has_word
from refcheck.parse.names import has_org_stem, read_names
from refcheck.parse.repairs.numbers import (
    _bet_closing_the_entry,
    _extent_as_volume,
    _imprint_year_over_a_title_year,
    _labelled_page_as_volume,
    _numbered_issue,
    _page_after_the_year,
    _page_range_as_volume,
    _range_without_its_dash,
    _volume_pages_then_year,
)
from refcheck.parse.repairs.sources import (
    _OPEN_QUOTES,
    _abbreviated_journal,
    _arxiv_source,
    _container_body,
    _container_numbers,
    _gost_source,
    _icinde,
    _imprint_as_container,
    _imprint_closing_the_title,
    _in_editors_book,
    _meeting,
    _mla_edited,
    _named_journal,
    _preprint_server,
    _publisher_after_book,
    _series_number_as_issue,
    _title_holds_container,
    _titleless_journal,
    _untitled_article,
    _venue_year,
    _volume_dot_issue,
    _web_page_name,
)
from refcheck.parse.repairs.statements import (
    _PATENT_HEAD,
    _authors_in_statement,
    _colon_names,
    _content_form,
    _editors_in_statement,
    _english_gloss_after_title,
    _patent,
    _people_read_as_group,
    _standard,
    _statement_authors,
    _statement_in_title,
    _thesis_in_title,
    _title_before_medium,
    _title_gap,
    _translation_cut,
)
from refcheck.parse.tokens import _unquote

# a venue's year glued to its name: "CVPR 2004", "Aust. J. Plant. Physiol.1994"
_CONTAINER_YEAR = re.compile(r"(?:\s|(?<=\.))((?:1[5-9]|20)\d\d)$")
# "Trans. J. M. Rogers. Central Asiatic Journal": the translator read with the journal's name
_ROLE_SENTENCE = re.compile(
    r"^(?:Trans|Transl|Translated by|Eds?|Edited by)\.?\s+"
    # the names: initials and a surname ("J. M. Rogers"), or words written out, capitalised and
    # without a period until the last ("Hugh Gray", "Wendy Hui Kyong Chun and Thomas Keenan");
    # a journal's abbreviations ("Trans. Amer. Geoph. Un.") have periods inside
    r"(?:(?:[^\W\d_]\.\s?)+[^\W\d_][^\W\d_'’-]{2,}|"
    r"(?-i:[A-ZÀ-Þ][a-zß-ÿ'’-]+\s+(?:and\s+)?){1,6}(?-i:[A-ZÀ-Þ][a-zß-ÿ'’-]{2,}))\.\s+"
)


# Chicago "Brown, Bill, ed. Things.": the role word after the names read as the title's start
_ROLE_LEAD = re.compile(r"^(?:[Ee]ds?|[Tt]rans|[Cc]omps?|[Ee]d\. and trans)\.\s+(?=\S)")


# a proceedings' name and what follows it: ". June 29–July 2, 2016, Raleigh", ". Article": the
# meeting's dates, the article number's label (", IEEE" stays: "Pervasive Computing, IEEE")
_MONTHS = EN_MONTH_NAMES


_CONTAINER_TAIL = re.compile(
    rf"(?:\.\s+{_MONTHS}\.?\s+\d{{1,2}}\b.*|\.\s+Article"
    # ", 11 Jul 2017", ", July/August": a web source's or magazine's date
    rf"|,\s+\d{{1,2}}\s+{_MONTHS}\.?\s+\d{{4}}|,\s+{_MONTHS}(?:/{_MONTHS})?\.?(?:\s+\d{{4}})?"
    # ", S" / ", C": a Turkish number label left behind
    r"|,\s*(?:S|C|Vol|No)\.?"
    # ": официальный сайт. –URL", "/ А.И. Наумов": a site's description, a statement
    r"|[:.]\s*официальный сайт.*|\s/\s(?:[^\W\d_]\.\s?){1,2}[^\W\d_]+"
    # GOST ": В 6 т.", ". В 2-х т": how many volumes the set has
    r"|[:.]\s*[Вв](?:\s*\d+(?:-?х)?\s*т\.?)?"
    # GOST's "// Пропаганда : научно-популярный журнал", "// Идеал : собр. соч.": what kind of
    # periodical or set it is, not its name
    r"|\s:\s(?:[Сс]обр\.\s*соч\b.*|(?:[а-яё]+[- ]){0,3}(?:журнал|журн\.|альманах|газета|бюллетень"
    r"|ежегодник)\b.*|[а-яё]+о-[а-яё]+(?:ый|ий|ой))"  # "научно-популярный", its noun cut off
    # ": Электрон. научн. ж.", ":Электрон. журн.": an electronic journal's kind, abbreviated
    r"|\s?:\s?[Ээ]лектрон(?:\.|ный)\s*(?:на[уy]чн?\.?\s*)?(?:ж|журн|журнал)?\.?"
    r")$"
)


# a town closing a GOST source's name, before the year: "… лесостепь». Пенза, 1999", "… М., 1986"
# (a town written out after its own sentence; Moscow's, Leningrad's, Kyiv's abbreviations after
# a space)
_CONTAINER_TOWN = re.compile(
    r"\.\s+(?P<town>[А-ЯЁ][а-яё]{3,}(?:-[А-ЯЁ][а-яё]+)?)$|\s(?P<abbr>М|Л|СПб|К)$"
)


_YEAR_NEXT = re.compile(r"\s*,\s*(?:1[5-9]|20)\d\d")


_YEAR_NEXT_ABBR = re.compile(r"\.?\s*,\s*(?:1[5-9]|20)\d\d")


# MLA 7 puts the role after a period: "… Theory Reader. Eds. Wendy Hui Kyong Chun and …"
# ... and its French, Spanish, German, Italian and Portuguese forms: "In Pierre Michon : fictions &
# enquêtes, édité par Agnès Castiglione", "…, editado por Wilhelm Weischedel"
_EDITED_BY = (
    r"édité par|éditée par|éd\. par|dirigé par|sous la direction de|editado por|edición de|"
    r"hrsg\. von|herausgegeben von|a cura di|organizado por"
)
_CONTAINER_EDITED = re.compile(
    r"(?:\s*,\s+|\.\s+(?=Ed))(?P<role>ed\.|eds\.|Eds?\.|edited by|Edited by|by|"
    + _EDITED_BY
    + r")\s+(?P<names>[A-ZÀ-ÞА-ЯЁ][^\W\d_].{1,150})$"
)
# a translator's or annotator's statement closing a title: "Œuvres III. Traduit par Maurice de
# Gandillac et Pierre Rusch", "Correspondance 1932-1960, avertissement et notes par M. Dobrenn"
_TITLE_ROLE_END = re.compile(
    r"(?:\s*,|\.)\s+(?:(?:avertissement|préface|introduction)\s+et\s+)?(?:[Tt]raduit|[Tt]raduits|"
    r"[Tt]ranslated|[Üü]bersetzt|[Tt]raducido|[Tt]raducción|notes|[Pp]réface|[Ee]dited|[Éé]dité|"
    r"[Ee]ditado|[Hh]erausgegeben)\s+(?:par|por|von|by|de)\s+"
    r"[A-ZÀ-Þ][^\W\d_.'’-]*\.?"
    r"(?:[ -](?:[A-ZÀ-Þ][^\W\d_'’-]*\.?|de|von|van|la|et|y|und|and|e|du|der))*$"
)


_DANGLING_ROLE = re.compile(r"[,.]?\s+(?:edited\s+by|by|eds?\.)$")


_SHORT_BOOK = re.compile(r"([A-ZÀ-Þ][^\W\d_'’-]+(?:[-'’][^\W\d_]+)?), ([A-ZÀ-Þ].{3,})$")


# a page range closing a book's name (never a year span: "…, 1700-1850")
_CONTAINER_PAGES = re.compile(
    r"(?:,\s+|\.\s+|(?<=[^\W\d_])\s+)(?:(?:pp?|ss?|с|С)\.\s?)?"
    rf"(?!{YEAR_SPAN_END})(?!(?:1[5-9]|20)\d\d\s?[-–—])(\d{{1,4}}\s?[-–—]\s?\d{{1,4}})$"
)


_NOT_PAGES_BEFORE = (" c.", " ca.", " No.", " no.", " No", "sei")  # circa, report numbers


# a town or country closing a proceedings' or book's name: "Computer Vision – ECCV 2016, Cham"
_CONTAINER_PLACE = re.compile(
    rf",\s*(?:{_CITIES}|Cham|Las Vegas|Şəki|Turkey|Türkiye|USA|UK|Germany|France|Russia|"
    r"Azerbaijan|Kazakhstan|Uzbekistan|Italy|Spain|China|Japan|Canada|Australia)\.?$"
)


# Turkish nursing books: "Format Matbaacılık Ltd. Şti., İstanbul:143-156": the chapter's pages
# after the place, read with the publisher
_PUBLISHER_PAGES = re.compile(
    r"^(?P<rest>.*?)(?:(?:^|,\s*)(?P<place>[^\W\d_][^\W\d_ .,-]{1,20}))?"
    r":\s?(?P<p>\d+\s*[-–]\s*\d+)$"
)


# physics: "S. M. Bilenky, F. von Feilitzsch, and W. Potzel, arXiv:0804.3409 [hep-ph].": names
# and an e-print only
_NAMES_THEN_EPRINT = re.compile(r"^(?P<names>[^\d()\[\]:]{3,300}?),\s*(?=(?:arXiv|e-print):\s?\S)")


# a body that publishes read as the source of a work with no numbers: "Title. Kültür ve Turizm
# Bakanlığı.", "Title. Progress Publishers.", "Title. Instituto Brasileiro de Geografia …"
_PUBLISHING_HOUSE = re.compile(
    r"\b(?:Press|Publishers?|Publishing|Verlag|Yayınları|Yayıncılık|Kitabevi|nəşriyyatı|"
    r"Издательство|Corp)\b"
)


# … and a public body, which may also be the site a web page is on (the seed's "Министерство
# Иностранных Дел Российской Федерации"): a publisher only for what is not a web page
_PUBLIC_BODY = re.compile(
    r"\b(?:Bakanlığı|Ministry|Ministerium|Instituto|Institute|Association|Research Council|"
    r"Министерство)\b"
)


_SERIAL_OR_MEETING = re.compile(
    r"Proc|Journal|Annals|Bulletin|Review|Workshop|Conference|Symposium|Congress|Transactions"
)


# a Hijri year before its Gregorian one: "1383/1963", "1385sh/2006", "1409 AH/1988 CE"
_HIJRI_GREGORIAN = re.compile(
    r"(?<!\d)(?P<h>1[0-4]\d\d)\s?(?:sh|ş|AHS?|A\.H\.|h|H|hş|k)?\.?\s?/\s?(?P<g>(?:1[5-9]|20)\d\d)(?!\d)"
)


# "Avtomobillar. 1-qism", "Tarixi. 2-kitob", "Шығармалар. 3-том": the part of a work in volumes
_PART_END = re.compile(
    r"[.,]\s*(?:(\d{1,2})\s?-\s?|([IVXLC]{1,6})\s)"
    r"(?:qism|kit[oо]b|jild|t[oо]m|том|бөлім|часть|cilt)\.?$",
    re.IGNORECASE,
)


# an edition trailing the publisher: "…, Birinci Baskı", "…, 3. Baskı", "…, 2nd ed."
_ORDINAL_WORDS = {
    "birinci": "1", "ikinci": "2", "üçüncü": "3", "dördüncü": "4", "beşinci": "5",
    "altıncı": "6", "yedinci": "7", "sekizinci": "8", "dokuzuncu": "9", "onuncu": "10",
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5",
}  # fmt: skip


_PUBLISHER_EDITION = re.compile(
    r",\s*(?P<n>\d+(?:\.|st|nd|rd|th)?|(?i:" + "|".join(_ORDINAL_WORDS) + r"))\s+"
    r"(?:[Bb]askı|[Bb]ası|[Bb]asım|ed\.?|edition)$"
)


_TRANSLATOR_PAREN = re.compile(
    r"\s*\((?:trans|tr|transl|çev|пер|tərc)\.?(?:\s[^()]*)?\)?$", re.IGNORECASE
)


# a known city, or a town with its state or country code: "Oxford, UK:", "Chapel Hill, NC:"
_PLACE_COLON_PUBLISHER = re.compile(
    rf"(?P<place>{_CITIES}(?:,\s*[A-Z]{{2,3}})?|[^\W\d_][^\W\d_ .'-]{{1,20}}"
    r"(?:[ -][^\W\d_]{2,20})?,\s*[A-Z]{2,3}):\s+(?P<pub>[^:]{3,120})"
)


_LEADING_PUNCT = ":;,."


_CLOSE_QUOTES = "”\"»“’'"


_DANGLING_DASH = re.compile(r"(?:\.\s*|\s+)[—–-](?:\s*URL)?\s*:?$")


_PERIODICAL = ("article-journal", "article-newspaper", "article-magazine")


# a sentence naming the kind of publication after the title (the period of GOST's colon)
_KIND_SENTENCE = re.compile(
    r"\.\s+(?P<k>Dərslik|Dərs vəsaiti|Monoqrafiya|Monografiya|Darslik|O[‘’']quv qo[‘’']llanma|"
    r"Монография|Учебник|Учебное пособие|Учеб\. пособие|Ders [Kk]itabı|Textbook)$"
)


def _town_closing_title(f: _Fields, text: str) -> None:
    """``America in the seventies. Lawrence : University Press of Kansas``: the town before the
    publisher's colon, read as the title's last sentence, is the place."""
    head, _, town = f.title.rpartition(". ")
    if not head or not town[:1].isupper() or len(town.split()) > 3:
        return
    if any(c.isdigit() for c in town):
        return
    if re.search(re.escape(town) + r"\s?:\s?" + re.escape(f.publisher[:12]), text):
        f.title, f.place = head, town


# a full numeric date: "от 21.07.2020", "03.07.2005 tarihli", MLA's "9/08/2014"
_NUMERIC_DATE = re.compile(r"(?<![\d/.])\d{1,2}([/.])\d{1,2}\1((?:1[6-9]|20)\d\d)(?![\d/])")
# ... unless it says when the source was read
_ACCESS_BEFORE = re.compile(
    r"(?:retrieved|accessed|erişim|ziyaret|обращения|посещения|müraciət|viewed|consulted)[^.;()]{0,20}$",
    re.IGNORECASE,
)
_ACCESS_AFTER = re.compile(r"\s*(?:tarihinde\s+eri|tarixində|\))", re.IGNORECASE)


def _numeric_date_year(f: _Fields, text: str) -> None:
    """No year was read, but the entry is dated in full numbers (a law "от 21.07.2020 № 474",
    "03.07.2005 tarihli Belediye Kanunu", MLA "Louisiana Loses Its Boot 9/08/2014"): that
    date's year, unless the date is when the source was read; a date closing the title
    leaves it."""
    for m in _NUMERIC_DATE.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        if _ACCESS_BEFORE.search(before) or _ACCESS_AFTER.match(text, m.end()):
            continue
        if "http" in before.rsplit(" ", 1)[-1] or "://" in before[-12:]:
            continue  # inside a link
        f.year = int(m[2])
        if f.title.endswith(m[0]):
            f.title = f.title[: -len(m[0])].rstrip(" .,")
        return


# a law's or a ruling's date and number, spelled: "Закон України від 6 грудня 1991 року
# № 1934-ХІІ", "Федеральный закон от 22 апреля 1996 г. № 39-ФЗ", "dated November 30, 1994 No 51-FZ"
_LAW_DATE = re.compile(
    r"\b(?:от|від|dated)\s+(?P<date>\d{1,2}\s+[^\W\d_]{3,10}\.?,?\s+(?:1[7-9]|20)\d\d|"
    r"[A-Z][a-z]{2,8},?\s+\d{1,2},\s+(?:1[7-9]|20)\d\d)"
    r"(?P<no>\s*(?:року|р\.|г\.|года)?,?\s*(?:№|No\.?)\s*(?P<n>[\w/]+(?:-[\w/]+)?))?"
)


def _law_date(f: _Fields, text: str) -> None:
    """A law is dated by its adoption ("від 2 вересня 2014 року № 1669-VII"): that year, unless
    the entry has a year of its own; its number is no issue, and a title cut inside the date
    phrase runs to the number's end."""
    m = _LAW_DATE.search(text)
    if m is None:
        return
    d = parse_date(m["date"])
    if d is None or d.month is None:
        return
    if f.year is None or _year_not_the_works(f, f.year, text):
        f.year = d.year
    if m["n"] and f.issue and re.fullmatch(re.escape(f.issue) + r"[-/].+", m["n"]):
        f.issue = ""  # "№ 1669-VII": the law's number
    at = text.find(f.title) if f.title else -1
    end = at + len(f.title)
    if at >= 0 and m.start() <= end < m.end() and m["no"]:
        f.title = text[at : m.end()]  # "…: Закон України від 6 грудня 1991" + " року № 1934-ХІІ"


def _year_not_the_works(f: _Fields, year: int, text: str) -> bool:
    """The year read is a document number's ("№ 1934-ХІІ") or the visit's, and no GOST date
    element ("– 2003. –") gives it as the work's own."""
    if f"– {year}. –" in text:
        return False
    visit = f.accessed is not None and f.accessed.year == year
    return f"№ {year}" in text or f"No. {year}" in text or visit


_FOUR_DIGITS = re.compile(r"\d{4}")
# "https://keras.io/ (02.05.2024)": Russian lists' short form of "(дата обращения: …)"
_DATE_AFTER_LINK = re.compile(r"\S\s+\((\d{1,2}\.\d{1,2}\.(\d{4}))\)\.?$")


def _year_only_accessed(f: _Fields, text: str) -> bool:
    """Every place the entry writes its year is inside the access date ("Accessed December 7,
    2024. https://…", "https://keras.io/ (02.05.2024)"): the year is when the source was read,
    not when it was published."""
    year = str(f.year)
    found = False
    if f.url:
        text = text.replace(f.url, " ")  # ".../2018/10/12/…" in the link is no date of the work
    visit = _DATE_AFTER_LINK.search(text) if f.url else None  # "…/ (02.05.2024)": the visit
    for m in re.finditer(re.escape(year), text):
        if visit is not None and m.start() == visit.start(2):
            found = True
            continue
        am = _ACCESS_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        if am is None or _FOUR_DIGITS.search(am[0]):
            return False  # "accessed 30-Oct-2018, 2018": the second year is the work's own
        found = True
    return found


def _visit_date_after_link(f: _Fields, text: str) -> None:
    """A bare day.month.year in brackets closing an entry right after its link is the day the
    link was visited, not the work's date (whether it is also the work's year is decided with
    the other access dates, by ``_year_only_accessed``)."""
    m = _DATE_AFTER_LINK.search(text)
    if not m or not text[: m.start() + 1].endswith(f.url[-12:]):
        return
    f.accessed = parse_date(m[1])
    if f.date == f.accessed:
        f.date = None  # the model read the visit as the work's date


# "Nature 391 (1998). 1, 3, 6": after the year's full stop, the pages of the citing document
# that hyperref's backref prints
_BACKREF_PAGES = re.compile(r"(?:\(\d{4}\)|\b\d{4})\.\s+(\d{1,3}(?:,\s*\d{1,3})*)$")
_PAGE_LABEL_GLUED = re.compile(r"[pP]\d+(?:\s*[-–—]\s*\d+)?")


# a journal's name and its English gloss: "Voprosy istorii [Problems of History]"
_CONTAINER_GLOSS = re.compile(r"\s\[[^\[\]]{3,200}\]$")


def repair(f: _Fields, text: str) -> None:
    """Apply each repair whose shape the entry has."""
    if "Текст" in text or "текст" in text or "ображение" in text:
        _content_form(f)
    if f.title[-1:] in ("—", "–", "-", "L", ":"):
        # "Простые решения. —", "Платформа TradingView – URL": GOST's separator, its label
        f.title = _DANGLING_DASH.sub("", f.title)
    if " par " in f.title or " by " in f.title or " por " in f.title or " von " in f.title:
        m = _TITLE_ROLE_END.search(f.title)
        if m and m.start() > 0:
            f.title = f.title[: m.start()]  # "Œuvres III. Traduit par Maurice de Gandillac"
    group = f.authors[0] if len(f.authors) == 1 else None
    if (
        isinstance(group, Organization)
        and not (f.container_title or f.publisher or f.editors)
        and ("*, " in text or not (f.volume or f.pages))
    ):
        _untitled_article(f, text, group)
    if ("arXiv:" in text or "ArXiv:" in text) and not f.container_title and f.title:
        _arxiv_source(f, text)
    if f.publisher and not f.container_title and f.title:
        _preprint_server(f)
    if not f.title and "arXiv:" in text:
        m = _NAMES_THEN_EPRINT.match(text)
        if m:  # the e-print's identifier identifies it; the names are its authors
            words = text[m.end() :].split(maxsplit=1)
            f.report_number = f.report_number or (words[0].rstrip(".") if words else "")
            agents, et_al = read_names(m["names"]) if not f.authors else ([], False)
            if agents and all(isinstance(a, Person) for a in agents):
                f.authors, f.et_al = list(agents), et_al
    if f.year is None and f.container_title[-3:-2] in ("’", "'"):
        _venue_year(f)
    if ": " in text[:200]:
        _colon_names(f, text)
    if "/" in text and (f.year is None or f.year < 1500):
        m = _HIJRI_GREGORIAN.search(text)
        if m and 560 <= int(m["g"]) - int(m["h"]) <= 660 and f.year in (None, int(m["h"])):
            f.year = int(m["g"])  # the Gregorian year; the Hijri one is the imprint's own
    if "[" in text and " / " not in text[:130]:
        _title_before_medium(f, text)
    if text[:1] in "ГGОС":
        _standard(f, text)
    if f.container_title.isdigit() and len(f.container_title) == 4 and f.year is None:
        f.year, f.container_title = int(f.container_title), ""  # "…]. – 2019, URL:": the year
    if f.title[:1] in "EeTtCc" and (f.authors or f.editors):
        m = _ROLE_LEAD.match(f.title)
        if m:
            f.title = f.title[m.end() :]
    if f.container_title:
        m = _CONTAINER_TAIL.search(f.container_title)
        if m and m.start() > 0:
            f.container_title = f.container_title[: m.start()]
        m = _CONTAINER_TOWN.search(f.container_title) if " //" in text else None
        if m and m.start() > 0:
            after = text.find(f.container_title)
            tail = text[after + len(f.container_title) :] if after >= 0 else ""
            if (_YEAR_NEXT_ABBR if m["abbr"] else _YEAR_NEXT).match(tail):
                # GOST "// Вестник ВУИТ. Тольятти, 2011": the town the issue came out in
                f.place = f.place or m["town"] or m["abbr"]
                f.container_title = f.container_title[: m.start()].rstrip(" .")
        m = _CONTAINER_EDITED.search(f.container_title)
        if m and m.start() > 0:
            # "Notai a Roma, ed. Orietta Verdi and Raffaele Pittella": the book's editors
            f.container_title = f.container_title[: m.start()]
            if not f.editors and m["role"] != "by":  # "…, by Yasemin Akbaba": its author
                f.editors = [a for a in read_names(m["names"])[0] if isinstance(a, Person)]
        if f.container_title.endswith((" by", " ed.", " eds.")):
            # "Encyclopedia of Politics, by": the names the role word introduced read elsewhere
            f.container_title = _DANGLING_ROLE.sub("", f.container_title)
        if f.container_title.endswith(("(blog)", "(Blog)")):
            f.container_title = f.container_title[:-6].rstrip()  # Chicago's "Name (blog)"
        m = _SHORT_BOOK.match(f.container_title) if f.year is None and not f.publisher else None
        if m and f"In {m[1]}, " in text:
            # Chicago's short form of a book listed in full elsewhere (no date, no publisher):
            # "In Weidner, Flowering in the Shadows, 45–60": the editor's surname, the title
            f.container_title = m[2]
        m = _CONTAINER_PAGES.search(f.container_title)
        if m and f.container_title[: m.start() + 1].rstrip().endswith(_NOT_PAGES_BEFORE):
            m = None
        if m and m.start() > 0 and f.pages in ("", m[1]):
            # "Uncertainty and Sensitivity Analysis in …, 131–56": the chapter's pages
            f.pages, f.container_title = m[1], f.container_title[: m.start()]
        m = _CONTAINER_PLACE.search(f.container_title) if "," in f.container_title else None
        if m and m.start() > 0:
            f.place = f.place or m[0].strip(" ,.")
            f.container_title = f.container_title[: m.start()]
    if (
        f.container_title
        and not (f.publisher or f.volume or f.issue or f.pages)
        and f.type not in ("article-journal", "article-newspaper", "article-magazine")
        and (
            _PUBLISHING_HOUSE.search(f.container_title)
            or (f.type != "webpage" and not f.url and _PUBLIC_BODY.search(f.container_title))
        )
        and not _SERIAL_OR_MEETING.search(f.container_title)
    ):
        f.publisher, f.container_title = f.container_title, ""  # the body publishes it
    if f.pages and ("p. " in text or "pp. " in text) and f.pages.isdigit():
        _range_without_its_dash(f, text)
    if f.url and f.accessed is None and text.endswith((")", ").")):
        _visit_date_after_link(f, text)
    if f.pages and text[-1:].isdigit():
        m = _BACKREF_PAGES.search(text)
        if m and f.pages in re.split(r",\s*", m[1]):
            f.pages = ""  # LaTeX's backref: the thesis pages that cite the work, not its own
    if f.pages[:1] in "pP" and _PAGE_LABEL_GLUED.fullmatch(f.pages):
        f.pages = f.pages[1:]  # Harvard "15 (4), p157-168": the page label glued to the pages
    if "[" in f.title and "]" not in f.title[f.title.rfind("[") :]:
        _translation_cut(f, text)
    if f.title[-4:].isalpha() and not f.genre:
        m = _KIND_SENTENCE.search(f.title)
        if m and m.start() > 10:  # "Neft-qaz yataqlarının … kəşfiyyatı. Dərslik": its kind
            f.genre, f.title = m["k"], f.title[: m.start()]
    if f.publisher and not f.place and ". " in f.title:
        _town_closing_title(f, text)
    if f.title.endswith("»") and "«" not in f.title:
        f.title = f.title[:-1].rstrip()  # « Title », : the closing guillemet the quote left
    if ", " in f.container_title and not f.publisher and ":" not in f.container_title:
        head, _, tail = f.container_title.rpartition(", ")
        if (
            len(tail) >= 3
            and (f.url or f.date is not None)  # a site's page or a paper's issue of a day
            and (_has_word(tail.lower(), head.lower()) or _has_word(head.lower(), tail.lower()))
        ):
            # MLA's site and its publisher, one named after the other: "BBC News, BBC",
            # "The Economic Times, Economic Times"
            f.container_title, f.publisher = head, tail
    if f.container_title[:5] in ("dans ", "Dans "):
        f.container_title = f.container_title[5:]  # French "dans" before the source: "In"
    if f.container_title[:14].lower() == "forthcoming in":
        f.container_title = f.container_title[14:].strip()
        f.in_press = f.in_press or f.year is None
    if f.volume and not f.pages and ("-" in f.volume or "–" in f.volume):
        _page_range_as_volume(f)
    if f.volume and not f.pages and f.volume[:1].isdigit():
        _labelled_page_as_volume(f, text)
    if (f.volume or f.issue) and "(" in text and ("№" in text or "N" in text or "no" in text):
        _numbered_issue(f, text)
    if f.volume and not (f.pages or f.issue) and ") " in text:
        _page_after_the_year(f, text)
    if f.container_title.endswith("]") and f.type.startswith("article"):
        m = _CONTAINER_GLOSS.search(f.container_title)
        if m and m.start() >= 3:  # "Zhurnal [Journal]": APA translates no periodical's name
            f.container_title = f.container_title[: m.start()]
    if not f.pages and ":" in text[-30:]:
        _volume_pages_then_year(f, text)
    if not f.pages and any(c in text[-12:] for c in "БBbб"):
        _bet_closing_the_entry(f, text)
    if f.volume.isdigit() and not (f.pages or f.issue):
        _extent_as_volume(f, text)
    if f.issue and not f.container_title and ("No" in text or "Nu" in text):
        _series_number_as_issue(f, text)
    if ", " in f.title:
        _imprint_closing_the_title(f)
    if f.title.endswith((")", ").")) and not f.title_translation:
        _english_gloss_after_title(f)
    if f.year is None and f.container_title[-4:].isdigit():
        m = _CONTAINER_YEAR.search(f.container_title)
        if m and m.start() >= 3:  # "In CVPR 2004", "Aust. J. Plant. Physiol.1994": the year
            f.year = int(m[1])
            name = f.container_title[: m.start()].rstrip(" ,")
            if name.endswith(".") or name.rsplit(None, 1)[-1].isupper():
                f.container_title = name  # a venue's short name; "Debates in the DH 2016" stays
    if f.year is not None and f"({f.year}" not in text and text[-1:] in ".)0123456789":
        _imprint_year_over_a_title_year(f, text)
    if f.pages and not f.issue and ("ayı" in text or "AYI" in text):
        m = _SAYI.search(text)
        if m and m[1] == f.pages:  # "cilt 50, sayı 597": the issue, not a page
            f.issue, f.pages = f.pages, ""
    if len(f.volume) >= 6 and f.volume.isdigit() and not (f.pages or f.issue):
        f.pages, f.volume = f.volume, ""  # "Journal, 2515245918771304.": an article number
    if f.container_title[:2] in ("Tr", "Ed"):
        m = _ROLE_SENTENCE.match(f.container_title)
        if m:
            f.container_title = f.container_title[m.end() :]
    if not f.volume and f.title[-3:].isalpha():
        m = _PART_END.search(f.title)
        if m:  # a title ending with its part's number (``1-qism``, ``III tom``): the volume
            f.volume, f.title = m[1] or m[2], f.title[: m.start()].rstrip()
    if (" от " in text or " від " in text or " dated " in text) and (
        "№" in text or "No" in text
    ):
        _law_date(f, text)
    if f.year is None and not (f.no_date or f.in_press) and ("." in text or "/" in text):
        _numeric_date_year(f, text)
    elif (
        f.accessed is not None
        and f.year == f.accessed.year
        and f.date is None
        and _year_only_accessed(f, text)
    ):
        f.year = None  # MLA/Chicago web pages: "accessed December 9, 2024", no date of their own
    if f.container_title[:8].lower() == "[online]":
        # Harvard (UK): "Title. [online] PCWorld. Available at: …": the medium, not the source
        f.container_title = f.container_title[8:].strip(" .")
    if "(" in f.container_title:
        # "What is Philosophy? (trans. Hugh Tomlinson …)": the translators, not the book's name
        f.container_title = _TRANSLATOR_PAREN.sub("", f.container_title).rstrip(" ,.")
    if f.container_title[:1] in _LEADING_PUNCT:
        # "In: Liliana Albertazzi (ed.): Handbook of …": the colon read with the book's name
        f.container_title = f.container_title.lstrip(_LEADING_PUNCT + " ")
    if f.title[:1] in _LEADING_PUNCT:
        f.title = _unquote(f.title.lstrip(_LEADING_PUNCT + " "))
    if f.title[:1] in _OPEN_QUOTES and not any(q in f.title[1:] for q in _CLOSE_QUOTES):
        f.title = f.title[1:].lstrip()  # a lone opening quote
    if ":" in f.publisher[-14:] and f.publisher[-1:].isdigit():
        m = _PUBLISHER_PAGES.match(f.publisher)
        if m:
            f.pages = f.pages or m["p"]
            rest = m["rest"].strip(" ,.") if m["place"] else m["rest"].strip(" ,")
            if m["place"] and not rest and f.place:
                # "Churcill Livingstone, Edinburg:128-150" read as place, publisher: swapped
                f.publisher, f.place = f.place, m["place"]
            else:
                f.publisher, f.place = rest, f.place or (m["place"] or "")
    if f.publisher[:3].lower() == "in:":
        _publisher_after_book(f, text)
    if "ask" in f.publisher or "ası" in f.publisher or "ed" in f.publisher:
        m = _PUBLISHER_EDITION.search(f.publisher)
        if m and m.start() > 0:
            # "Koç Üniversitesi Yayınları, Birinci Baskı": the edition, not the publisher's name
            n = m["n"].rstrip(".")
            number = _ORDINAL_WORDS.get(n.lower().replace("i̇", "i"), re.sub(r"\D", "", n))
            f.edition = f.edition or number
            f.publisher = f.publisher[: m.start()].rstrip(" ,.")
    if not (f.title or f.container_title or f.publisher) and f.url and f.authors:
        _web_page_name(f, text)
    if " / " in f.title and " //" in text and f.authors:
        _statement_in_title(f)
    if " . " in f.title and " . ." not in f.title and ". . " not in f.title:
        _title_gap(f, text)
    if "]" in f.genre and "[" not in f.genre:
        f.genre = f.genre.split("]", 1)[0].strip()  # ": [учеб. пособ.] / …": the bracket's words
    for name in ("place", "publisher"):
        value = getattr(f, name)
        m = _VOLUME_LEAD.match(value) if value[:1] in "cCvVтТbB" else None  # not "Т." (Toshkent)
        if m:  # "II cild. Bakı", "Cilt I, İstanbul", "Vol. 2. Princeton …": the volume word
            f.volume = f.volume or (m["n"] or "")
            setattr(f, name, value[m.end() :].strip(" ,."))
    if f.publisher[:1] in "[(" and _LANGUAGE_NOTE.fullmatch(f.publisher):
        f.publisher = ""  # "… Tehran: Gatreh. [In Persian]": the work's language, no imprint
    if "ez" in text or "hesis" in text:
        _thesis_in_title(f, text)
    if _PATENT_HEAD.match(text) or ("атент" in text and ("опубл." in text or ": патент" in text)):
        _patent(f, text)
    if f.authors and " / " in text:
        _statement_authors(f, text)
    elif not f.authors and not f.editors and " / " in text:
        _authors_in_statement(f, text)
    if not f.editors and "ред" in text:
        _editors_in_statement(f, text)
    group = f.authors[0] if len(f.authors) == 1 else None
    if isinstance(group, Organization):
        if ";" in group.name:
            _people_read_as_group(f, group, initials=False)
        elif (
            group.name.count(",") >= 2
            and _INITIALS_RUN.search(group.name)
            and not has_org_stem(group.name)
        ):
            _people_read_as_group(f, group, initials=True)
    if "jurnal" in text or "journal" in text or "qəzet" in text or "gazete" in text:
        _named_journal(f, text)
    if f.container_title:
        _container_numbers(f)
        if " / " in f.container_title or ". —" in f.container_title or ". –" in f.container_title:
            _container_body(f)
    if f.container_title and not (f.publisher or f.volume or f.issue or f.pages):
        m = _PLACE_COLON_PUBLISHER.fullmatch(f.container_title)
        if m:  # "Oxford, UK: Reuters Institute …" read as a source: the place and publisher
            f.place, f.publisher, f.container_title = m["place"], m["pub"].strip(), ""
    if not f.issue and f.volume and "." in text:
        _volume_dot_issue(f, text)
    if "." in text and (not f.title or not f.container_title or len(f.title) < 40):
        _abbreviated_journal(f, text)
    if not f.container_title and " //" in text:
        _gost_source(f, text)
    if ":" in f.container_title and not (f.volume or f.issue) and f.type not in _PERIODICAL:
        _imprint_as_container(f)
    if not f.container_title and ("içinde" in text or "İçinde" in text):
        _icinde(f, text)
    if not f.container_title and f.title:
        _meeting(f, text)
    if not f.container_title and ". " in f.title and (f.pages or f.volume or f.issue):
        _title_holds_container(f, text)
    if f.container_title:
        return
    if f.title and f.pages:
        _titleless_journal(f, text)
        if f.container_title:
            return
    if "In:" in text or "in:" in text:
        _in_editors_book(f, text)
        if f.container_title:
            return
    if "dited" in text:
        _mla_edited(f, text)


_SAYI = re.compile(r"(?<![^\W\d_])(?:[Ss]ayı|SAYI)\s*:?\s*(\d{1,4})\b")


_VOLUME_LEAD = re.compile(
    r"(?:cild|cilt|том|vol|band|bd)\b\.?\s*(?P<n>[IVXLC]{1,5}\b|\d{1,3}\b)?[.,]?\s*",
    re.IGNORECASE,
)


_LANGUAGE_NOTE = re.compile(
    r"[\[(]\s*(?:in|на)\s+[^\W\d_]+(?:\s[^\W\d_]+)?\s*[\])]\.?", re.IGNORECASE
)


_INITIALS_RUN = re.compile(r"(?<![^\W\d_])[^\W\d_]\.(?:[^\W\d_]\.?)?(?:,|$)")
