"""Labelled spans → the record's fields: the one layer every labeller's output goes through.

The labeller says which tokens are the author list, the title, the "volume" part and so on; it
does not say how a name splits, which number is the issue, whether ``212 с.`` is pages or a
book's extent, or what type the work is. Those rules live here, shared, so that a style read by
the labeller gets the same field conventions as one read by the grammar:

* names in every order (``Фамилия И.О.``, ``И.О. Фамилия``, ``Surname AB``, given name +
  surname, particles, ``et al.``/``и др.``/``vd.``): :func:`refcheck.parse.names.read_names`;
* volume and issue from every locator (``18(3)``, ``Vol. 3, No. 2``, ``Т. 5, № 3``, ``Cilt 3,
  Sayı 2``, ``вып. 2``); pages without their label (``pp.``, ``С.``, ``ss.``, ``səh.``);
  a lone number with a page abbreviation after the imprint is the book's extent, not pages;
* GOST's ``//`` and ``–`` separators and ``In``/``In:``/``В:`` off containers; quotes and
  content statements (``[Текст]``, ``[Электронный ресурс]``) off titles;
* DOIs and URLs are read by the grammar's tail reader, never by the labeller (a regular
  expression is right there), and decoded (``%3C`` → ``<``).
"""

from __future__ import annotations

import re

from refcheck.labels import IN_PRESS
from refcheck.model import Organization, PartialDate, Person
from refcheck.parse.dates import EN_MONTH_NAMES, _month_day, parse_date
from refcheck.parse.fields import (
    _CITIES,
    _ORDINAL_WORDS,
    _THESIS,
    YEAR_SPAN_END,
    _Fields,
    _magazine_name,
    _take_title_extras,
    publisher_and_place,
)
from refcheck.parse.grammar import _IN_WORD_END, _is_report
from refcheck.parse.identifiers import VISIT_DATE_RU
from refcheck.parse.labeller import Labelled
from refcheck.parse.names import (
    FOREIGN_EDITED_BY,
    FOREIGN_TRANSLATED_BY,
    _parse_given_first,
    has_org_stem,
    read_names,
)
from refcheck.parse.relabel import mend_labels
from refcheck.parse.tail import _find_tail
from refcheck.parse.tokens import _clean, _unquote

__all__ = ["fields_from_labels"]

_YEAR = re.compile(
    r"(?<![\d/])((?:1[5-9]|20)\d\d)(?:\s*/\s*((?:1[5-9]|20)\d\d))?([a-zа-я])?(?![\d])"
)
_NO_DATE = re.compile(r"\b(?:n\.\s?d|t\.\s?y|б\.\s?г|s\.\s?d|o\.\s?J)\b", re.IGNORECASE)
_IN_PRESS = re.compile(r"\b(?:" + IN_PRESS + r")\b", re.IGNORECASE)
_CONTENT = re.compile(
    r"\s*\[(?:Текст|Электронный ресурс|Electronic resource|Мәтн|Mətn|Elektron resurs|"
    r"Ноты|Карты|Видеозапись|Internet|Интернет)\]\s*",
    re.IGNORECASE,
)
_VOL = re.compile(
    r"(?:\b(?:vols?|volume|cilt|cild|том|tom|tome|band|bd|jg|kn|кн)\b(?:\.:?|:)?\s*|"
    r"\b(?:v|c|t|т)(?:\.:?\s*|:\s*|\s+)|^\s*)"
    r"(?P<v>\d+[A-Za-z]?(?:\s*[-–/]\s*\d+)?|(?-i:[IVXLC]+)\b)",
    re.IGNORECASE,
)
_ISS = re.compile(
    r"(?P<sup>\bSuppl(?:ement)?\.?\s*\d+[A-Za-z]?)|"
    r"(?:\b(?:no|nos|number|issue|iss|sayı|s|вып|вип|выпуск|випуск|nr|num|núm|número|h|heft|fasc)(?:\.:?|:)?\s*|№\.?\s*|n°\s*|"
    r"(?-i:\bN)\.?\s*(?=\d)|(?-i:\bn)\.\s*(?=\d)|"  # ABNT and Italian "v. 39, n. 2"
    r"\(\s*)(?P<i>\d+[A-Za-z]?(?:\s*[-–/]\s*\d+)?|[A-Za-z][\w.-]{0,15}(?=\)))",
    re.IGNORECASE,
)
_PAGE_LABEL = re.compile(
    r"^(?:pages?|səhifə|səh|стр|str|pag|pp|ss|sf|сс|p|s|с|c)(?:\.\s*|\s+)|"
    r"^(?-i:pp|ss|p|s|с|c|P|С)(?=\d)",  # glued: "p12", "с.12"; "S3" is a supplement's page
    re.IGNORECASE,
)
_RANGE_ANY = re.compile(r"(?<![\d])[A-Za-z]?\d+[A-Za-z]?\s*[-–—]+\s*[A-Za-z]?\d+[A-Za-z]?(?![\w])")
_EXTENT = re.compile(r"^\s*(\d{2,4})\s*(?:с|s|p|pp|стр|səh|S|c|pages|sayfa|str)\.?\s*$")
_EDITION_N = re.compile(r"(\d+)")
_CONF = re.compile(
    r"\b(?:proceedings|conference|symposium|congress|workshop|kongre|sempozyum|konfrans|"
    r"конференци|симпозиум|материал\w* .*конф|proc\.)",
    re.IGNORECASE,
)
_NEWS = re.compile(
    r"\b(?:times|post|gazette|news|herald|tribune|guardian|газета|gazeti|gazetesi|qəzeti|"
    r"известия(?![ \t]*[^\W\d_])|правда|коммерсант)\b",  # not "Известия вузов", a journal
    re.IGNORECASE,
)


_PLACE = re.compile(
    r"^(?:Bakı|Baku|Баку|Bakü|Москва|М|СПб|Ankara|İstanbul|Istanbul|London|New York|Paris|"
    r"Berlin|Oxford|Cambridge|Tbilisi|Тбилиси|Ташкент|Алматы|Киев|Минск|Ленинград|Л)\.?$"
)


# a thesis kind's word: "nomzodlik dissertatsiyasi", "дис. … канд.", "Yüksek Lisans Tezi", "nom dis"
_THESIS_WORD = r"(?:dissert|диссерт|tezi|avtoref|автореф|(?<!\w)(?:dis|дис)(?!\w))"
_QUOTED_THEN = re.compile(
    # the quote ends the title when a stop ends it, inside or after it (a bracket between):
    # "«Pesn’ o veshchem Olege» A. S. Pushkina" goes on
    # (and a closing English quote before a capitalised word: "“Irene & Family” The Sound …")
    r"^\s*[\"“«„](?P<q>[^\"”»]{3,300})[\"”»]"
    r"(?:(?<=[.,!?][\"”»])|(?<=[.,!?]['’][\"”»])|(?=(?:\s*\[[^\[\]]{2,200}\])?\s*[.,:])"
    r"|(?<=[\"”])(?=\s+[A-Z])"
    # or a thesis kind follows: "“Title” nomzodlik dissertatsiyasi. T.: 2006"
    r"|(?=\s[^.]{0,30}?" + _THESIS_WORD + "))"
    r"[.,:]?(?:\s*\[[^\[\]]{2,200}\])?\s*[.,:]?\s+"
    r"(?:In:?\s+|İçinde:?\s+|В:?\s+|[Dd]ans\s+)?"
    r"(?P<rest>[^\W\d_].{3,})$"
)
# the quoted title and the "in" of its book, the book's editors read as a note after it:
# '"The Practice of Reflexive Sociology," in | Pierre Bourdieu and …, An Invitation …'
_QUOTED_IN_END = re.compile(
    r"^\s*[\"“«„](?P<q>[^\"”»]{3,300})[\"”»][.,:]?\s+(?:[Ii]n:?|[Dd]ans|İçinde:?|В:?)$"
)
# the same when the opening quote went to the names before: "Charef », dans Ndiaye, Christiane"
_CLOSED_THEN_SOURCE = re.compile(
    r"^(?P<q>[^\"“”«»„]{3,300}?)\s?[”»](?:[.,]\s*|\s+)(?:[Dd]ans|In:?|İçinde|В:?)\s+\S"
)


# patterns compiled once (a literal in a call is looked up in re's cache every time)
_LEAD_DASHES = re.compile(r"^[–—-]+\s*")
_LEAD_SEPARATOR = re.compile(r"^(?://|[–—-]+(?=\s|$)|[.,;:]+)\s*")
_TRAIL_SEPARATOR = re.compile(r"\s*(?://|[–—-]+)$")
_REPEATED_AUTHOR = re.compile(r"^(?:[-–—_]{2,}[.,]?\s*|[–—-]\s+)")
# GOST's "other title information" naming the kind of publication, not part of its title:
# "Title : монография", ": справ.", ": метод. указания к лаб. работам", ": специальность 05.14.02 …"
_GOST_KIND = re.compile(
    r"\s*:\s*(?:(?:монография|учебное пособие|учеб\. пособие|учебник|сборник статей|"
    r"monoqrafiya|dərslik|dərs vəsaiti|справочник|справ\.?|словарь|руководство|"
    r"научное издание|хрестоматия|практикум|тезисы докладов|сборник (?:материалов|научных трудов)|"
    r"учеб(?:но|\.)-метод(?:ическое|\.) пособие)\s*|"
    r"(?:курс лекций|метод(?:ические|\.) указания|специальность \d)[^:;]{0,120})$",
    re.IGNORECASE,
)
_BOOK_NO = re.compile(r"^[-–—]?\s*(?:Kn|Кн)\.\s*")
_CONTAINER_LEAD = re.compile(
    r"^(?://\s*|[–—-]\s+|(?:in|in:|içinde:?|i̇çinde:?|в:|в сб\.:?|в сборнике:|у збірнику:)\s+"
    r"|(?:special\s+|themed\s+)?issue,\s+"  # Chicago "Special issue, Medieval Encounters 25"
    r"|(?-i:En)\s+(?=[A-ZÀ-ÝÑ«\"“]))",  # Spanish "En El arte del siglo XIX en México"
    re.IGNORECASE,
)
_IN_COLON = re.compile(r"^(?:In|İçinde|В|En|Em)\s*:\s*")
_TRAIL_ISSUE_WORD = re.compile(r"[,.]?\s*(?:№|No\.?|Nr\.?|Sayı|Вып\.?|вып\.?|núm\.?)$")
_ABBREV_END = re.compile(r"(?:^|\s)[^\W\d_]{1,5}\.$")
_VOLUME_AFTER_YEAR = re.compile(r"\s*[;:]\s*\d*\s*\(?\s*\w")
_DATE_BRACKETS = re.compile(r"^[\s(\[–—-]+|[\s)\].,;:]+$")
# Vancouver's date before the volume: "2019;", "2007 Dec;", "Dec;", "2010 Mar 4;"
_VANCOUVER_YEAR = re.compile(
    r"^(?:(?:19|20)\d\d\s*)?(?:(?-i:[A-Z][a-z]{2,8})(?:\s+\d{1,2})?(?:\s*[-–/]\s*(?-i:[A-Z][a-z]{2,8}))?)?"
    r"(?<=\w)\s*;\s*|^(?:19|20)\d\d\s*:\s*"
)
# ACM's "Journal 13, 2 (1981)": volume, comma, issue
_VOL_COMMA_ISS = re.compile(r"(\d{1,4}),\s*(\d{1,3})")
_VOL_SLASH_ISS = re.compile(r"(\d{1,3})\s*/\s*(\d{1,3})")
_YEAR4 = re.compile(r"(?:1[5-9]|20)\d\d")
_FINAL_PERIOD = re.compile(r"\.$")
_DASH_RUN = re.compile(r"\s*([-–—]+)\s*")
_SINGLE_PAGE = re.compile(r"(?<![\w.])([A-Za-z]?\d+[A-Za-z]?)(?![\w.]*\d{4})(?:\.|$)")
_PAGE_NUMBER = re.compile(r"[A-Za-z]?\d+[A-Za-z]?")
_PAGE_ODD = re.compile(r"\d+\+|[ivxlc]{1,7}\s?[-–—]\s?[ivxlc]{1,7}|(?-i:[A-Z]{2})\d{4,}")
_FIRST_WORD = re.compile(r"\b([A-Za-z]+)\b")
_ISSUE_WORD_END = re.compile(r"(?:№|\bNo\.?|\bNr\.?|\bSayı|\b[Вв]ып\.?|\bIssue|\bnúm\.?|\bn\.)\s*$")
_BARE_NUMBER = re.compile(r"\s*\d+[A-Za-z]?(?:\s*[-–/]\s*\d+)?\s*[.,;:]?\s*")
_ACCESS_WORDS = rf"accessed|retrieved|erişim|{VISIT_DATE_RU}|müraciət|viewed|цитируется"
# The whole access phrase, to read past it: "(Erişim Tarihi: 21.01.2025)", "[cited 2023 Mar 3]"
# ("cited" only in its bracket here: "Cited in Ghosh, 2006" is a note, not a visit).
_ACCESS_PHRASE = re.compile(
    rf"(?:{_ACCESS_WORDS}|\[cited)[^\d]{{0,20}}.{{0,30}}?(?:1[5-9]|20)\d\d(?:[./-]\d{{1,2}}){{0,2}}",
    re.IGNORECASE,
)
_ACCESS_DATE = re.compile(
    rf"(?:{_ACCESS_WORDS}|cited)[^\d]{{0,20}}(.{{4,30}}?\d{{4}})", re.IGNORECASE
)
_PLACE_PUBLISHER = re.compile(r"^(?P<place>[^:,]{2,30}?)\s*[:,]\s*(?P<pub>.+)$")


_SOURCE_NUMBERS = re.compile(
    r",\s*(?=(?:vol\.?|cilt|c\.|т\.|no\.?|sayı|№|s\.|ss\.|pp?\.|с\.)?\s*\d)", re.IGNORECASE
)


# an area dash has a period or a space before it: ". – 2008", " — Т. 3"; "(1853–1939)" has not
_GOST_AREA = re.compile(
    r"(?:\.\s*|\s+)[—–-]\s*(?=(?:1[5-9]|20)\d\d\b|[ТтVv]\.|Vol|№|Iss|Вып|[СсPp]\.)"
)
_G_VOL = re.compile(r"(?:\b[ТтVv]|Vol|Том|Cilt|Cild)\.?\s*(\d+)")
_G_ISS = re.compile(r"(?:№|\bIss|\bNo|\b[Вв]ып|\bN)\.?\s*(\d+)")
_G_PAGES = re.compile(
    r"(?:\b[СсPpSs]{1,2}\.|\bpp\.|Article(?: number)?:?)\s*"
    r"([A-Za-z]?\d+(?:\s*[-–—]\s*[A-Za-z]?\d+)?)"
)


def _gost_source_rest(f: _Fields, rest: str) -> None:
    """Year, volume, issue and pages from GOST areas left inside a container run."""
    if f.year is None:
        ym = _YEAR.search(rest)
        if ym:
            f.year = int(ym[1])
    for rx, name in ((_G_VOL, "volume"), (_G_ISS, "issue"), (_G_PAGES, "pages")):
        m = rx.search(rest)
        if m and not getattr(f, name):
            setattr(f, name, re.sub(r"\s*([-–—])\s*", r"\1", m[1]))


_THESIS_KIND = re.compile(r"[^.,]{0,30}?" + _THESIS_WORD + r"[^.,]{0,30}\.?")


def _source_after_quote(f: _Fields, rest: str) -> None:
    """``Journal, 71, 3rd Quarter, s. 103-118`` after a quoted title: the name up to the first
    number, then volume/issue and pages from what follows."""
    m = _SOURCE_NUMBERS.search(rest)
    name, numbers = (rest[: m.start()], rest[m.end() :]) if m else (rest, "")
    kind = _THESIS_KIND.match(name)
    if kind:  # "“Title” nomzodlik dissertatsiyasi. T.: 2006": the work's kind, not a source
        f.genre, f.type = f.genre or kind[0].strip(" ."), "thesis"
        return
    f.container_title = _container(name)
    if numbers:
        rm = _RANGE_ANY.search(numbers)
        if rm:
            _pages(f, rm[0], False)
            numbers = numbers[: rm.start()]
        _volume(f, numbers.split(",")[0])


def _runs(lab: Labelled) -> list[tuple[str, int, int]]:
    """(label, start, end) of each run of equally labelled tokens, offsets into the text."""
    out: list[tuple[str, int, int]] = []
    labels = mend_labels([lab.text[s:e] for s, e in lab.spans], list(lab.labels))
    for (s, e), label in zip(lab.spans, labels, strict=True):
        if out and out[-1][0] == label:
            out[-1] = (label, out[-1][1], e)
        else:
            out.append((label, s, e))
    return out


def _strip(s: str) -> str:
    s = s.replace("*", "").strip()
    s = _LEAD_DASHES.sub("", s)
    s = _LEAD_SEPARATOR.sub("", s)
    s = _TRAIL_SEPARATOR.sub("", s)
    return _clean(s).strip(" ,;:")


_CLOSE_Q = "\"”»’'"
_OPEN_Q = "\"“«‘„'"


def _drop_stray_quotes(t: str) -> str:
    """A closing quote the title never opened (its opening one went to the author) and the
    reverse, with the punctuation inside it: ``What does it tell us?.”`` → ``…us?``."""
    t = t.strip()
    if t and t[-1] in _CLOSE_Q and not any(q in t[:-1] for q in _OPEN_Q):
        t = t[:-1].rstrip()
        if t.endswith((".", ",")) and not t.endswith(".."):
            t = t[:-1]
    if t and t[0] in _OPEN_Q and not any(q in t[1:] for q in _CLOSE_Q):
        t = t[1:].lstrip()
    return t


_TITLE_TAIL_JUNK = re.compile(
    r"(?:[.,]\s*-?\s*|\s+-\s*|\s*:\s*)(?:izd|изд|çev|çeviren|trans|transl|translated|пер|tərc|"
    r"учеб|ucheb|учебное|учебник|монография)\b.*$|[,.]\s*-\s*$|"
    r"\.\s+(?:Ed\.|Eds\.|Edited\s+by|Introduction\s+by|Intro\.|With\s+an\s+introduction|Foreword\s+by|"
    r"Preface\s+by|Annotated\s+by|Compiled\s+by)\s.*$|\s+\.\s+(?:Introduction|Ed\.)\b.*$|"
    rf"[.,]\s+(?:{FOREIGN_EDITED_BY}|{FOREIGN_TRANSLATED_BY})(?:\s.*)?$|"
    r"(?:[.,]\s+|\s*:\s*|\s+\()(?:arXiv\s+preprint|arXiv:\s*\d|Preprint\s|Препринт\s).*$|"
    r"[.,]\s+(?:Retrieved|Erişim|Accessed|Available|Режим|Дата обращения)\b.*$|"
    r"\s*\([^()]{0,30}$",  # "Title (Çev" / "Title (S": a bracket the title does not close
    re.IGNORECASE,
)
_STATEMENT_END = re.compile(r"\s*(?://|;|\s[–—]\s|\.\s+[–—])")
_RESP = re.compile(r"\s+/\s*(?:[^\W\d_]{1,2}\.\s*){1,3}[^\W\d_]|\s+/\s*(?:под|ed\.|by|сост|пер)\b")


def _title(f: _Fields, raw: str) -> str:
    t = raw.replace("*", "").strip()
    t = _REPEATED_AUTHOR.sub("", t)  # "---. Title": a repeated author
    t = _CONTENT.sub(" ", t).strip()
    t = t.rstrip(" ,;:/")
    t = _drop_stray_quotes(_unquote(_clean(t)))
    t = _take_title_extras(f, t)
    t = _GOST_KIND.sub("", t)
    m = _TITLE_TAIL_JUNK.search(t)
    if m and m.start() > 0:
        t = t[: m.start()]  # "Title, çev.", "Title.- izd", "Title: Учеб. пособие"
    m = _RESP.search(t)
    if m and m.start() > 0:
        # GOST "Title / I. I. Ivanov, P. P. Petrov": the statement of responsibility is cut
        # from the title (repairs.repair reads every author from it, for both readers)
        t = t[: m.start()]
    return (
        _unquote(t.strip(" ,;:/")).rstrip(".")
        if t.endswith(".") and not re.search(r"(?:^|\s)[^\W\d_]{1,3}\.$|\.\.$", t)
        else _unquote(t.strip(" ,;:/"))
    )


_ROLE_NEAR = re.compile(
    r"(?<![^\W\d_])(?:eds?|editors?|edited|red|der|hrsg|hg|ред|редакц\w*|сост|comps?|"
    rf"compiled|haz|hazırlayan|tərt\w*|dir|directed|ed\.\s*by|{FOREIGN_EDITED_BY})(?![^\W\d_])",
    re.IGNORECASE,
)
_SEASON_END = re.compile(
    r",\s*(?:Spring|Summer|Fall|Autumn|Winter|Güz|Bahar|Yaz|Kış|Весна|Лето|Осень|Зима)"
    r"(?:\s+\d{2,4})?\s*$",
    re.IGNORECASE,
)
_RETRIEVED_END = re.compile(
    r"[.,]\s+(?:Retrieved|Erişim|Accessed|Available)\b.*$"
    r"|(?:^|[.,]\s+)(?:Disponível|Disponible|Acesso)\s+(?:em|en)\b.*$"  # Portuguese, Spanish
)
_BRACKET_LEAD = re.compile(r"^\[[^\[\]]{2,300}\][.,]?\s+(?=\S)")
_BRACKET_END = re.compile(r"\s*\[[^\[\]]{2,200}\]$")
_KIND_AFTER = re.compile(
    r"^[\"«“„](?P<n>[^\"»”]{2,120})[\"»”]\s*(?:jurnalı|jurnal|журнал|журнала|dergisi|qəzeti|"
    r"газета|газеты|məcmuəsi|сборник)\b.*$",
    re.IGNORECASE,
)


_CONT_ISSUE = re.compile(
    r"[.,]?\s*(?:№|No\.|(?-i:N))\s*(?P<i>\d+)\b[^\d]{0,12}$"
    r"|(?<=[^\W\d_])\((?P<g>\d{1,4})\)$"  # "Türk Dili(835)": an issue glued to the name
)
_CONT_IMPRINT = re.compile(r"[.,]\s*(?P<place>" + _CITIES + r")\s*:\s*(?P<pub>[^:\d]{2,60})$")
_CONT_CITY_END = re.compile(r"(?:^|[.,]\s*)(?P<place>" + _CITIES + r")\.?$")
# a volume left at the end of the journal's name: "Quarterly, 14", "Image and Vision Computing 9",
# "Country Life CXC", "Dergisi, V (I)"; never after a word that numbers a part of the name
_CONT_VOL = re.compile(
    r"(?:,\s*|\s+)(?P<v>\d{1,4}|(?-i:[IVXLC]{2,7})|(?<=,\s)(?-i:[IVX]))"
    r"(?:\s*\((?P<i>\d{1,3}|(?-i:[IVX]{1,4}))\))?\s*$"
)
# "Series 6" names a part of the journal; "Türk-İş Yıllığı 99", "Yearbook 2001": a year
_NAME_PART_OR_YEARBOOK = re.compile(
    r"\b(?:Series|Serie|Part|Section|Sect|Серия|Сер|Ser|Vol|Sec|No|Yıllığı|Yearbook|Almanac|"
    r"Almanak|Annual|Ежегодник|Jahrbuch|İllik|Salnamə)\.?$",
    re.IGNORECASE,
)
# a page range closing a book's name (never a year span: "De Stijl, 1922–1934")
_CONT_PAGES = re.compile(rf",\s*(?:pp?\.\s*)?(?!{YEAR_SPAN_END})(\d+\s*[-–—]\s*\d+)\s*$")


_MONTH = EN_MONTH_NAMES + r"\.?"
_CONT_TAIL = re.compile(
    r"[.,]\s*(?:(?:Т|Том|Vol|Cilt|Cild|Tome)\.?|Epub(?: ahead of print)?|"
    + _MONTH
    + r"\s+\d{1,2}(?:\s*[–-]\s*(?:"
    + _MONTH
    + r"\s+)?\d{1,2})?)$"
)


def _container(raw: str) -> str:
    s = raw.replace("*", "").strip()
    s = _BOOK_NO.sub("", s)
    km = _KIND_AFTER.match(s)
    if km:
        return _clean(km["n"]).strip()
    s = _CONTAINER_LEAD.sub("", s)
    s = _IN_COLON.sub("", s)
    s = _CONTENT.sub(" ", s)
    s = _BRACKET_LEAD.sub("", s)  # '[“Title in English”]. Journal': the title's translation
    s = _RETRIEVED_END.sub("", s)  # "Wex. Retrieved": the retrieval phrase's first word
    s = s.strip().rstrip(" ,;:/–—-")
    if s.endswith(("].", "]")):
        s = _BRACKET_END.sub("", s.rstrip("."))  # "Kojien [Japanese Dictionary]"
    s = _SEASON_END.sub("", s)  # "Toplum ve Bilim, Güz", "Journalism History, Summer 93"
    s = _TRAIL_ISSUE_WORD.sub("", s).rstrip(" ,;:")
    s = _IN_WORD_END.sub("", s)  # "Kitap içinde": Turkish "in (the book)" after its name
    # what follows a source's name, not part of it: "Ученые записки. Т" (a volume word whose
    # number the labeller gave the volume), "Proceedings of …. June 29–July 2" (the meeting's
    # days), "Social Semiotics. Epub" (the publication status)
    s = _CONT_TAIL.sub("", s).rstrip(" ,;:")
    if s.endswith(".") and not _ABBREV_END.search(s):
        s = s[:-1]
    return _unquote(_clean(s)).strip(" ,;")


def _date(f: _Fields, text: str) -> None:
    if f.year is not None:
        return
    s = text.replace("*", "")
    inner = _DATE_BRACKETS.sub("", s)
    m = _YEAR.search(s)
    if m:
        if m[2]:
            f.original_year, f.year = int(m[1]), int(m[2])
        else:
            f.year = int(m[1])
        if m[3]:
            f.year_suffix = m[3]
        rest = s[m.end() :]
        if _VOLUME_AFTER_YEAR.match(rest):
            _volume(f, rest.lstrip(" ;:"))  # Vancouver "2011;(4):" read as the date
        d = parse_date(inner) if len(inner) > 6 else None
        if (d is None or d.month is None) and len(inner) > 6:
            d = _month_day(s[m.end() :].strip(" ,.;:)]"), f.year)
        if d is not None and d.year == f.year and d.month is not None:
            f.date = d
        return
    d = parse_date(inner) if 6 < len(inner) < 40 else None
    if d is not None and d.year:
        # "(07/10/1984)": a numeric day/month/year, whose year follows a slash
        f.year = d.year
        f.date = d if d.month is not None else None
        return
    if _NO_DATE.search(s):
        f.no_date = True
    elif _IN_PRESS.search(s):
        f.in_press = True


_YEAR_RANGE = re.compile(r"((?:1[5-9]|20)\d\d)\s*[-–—/]\s*(?:\d{2}|(?:1[5-9]|20)\d\d)")
_DMY = re.compile(r"\b\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})\b")
_WHOLE_NUMBER = re.compile(r"\s*\(\d{1,5}\)")
_N_VOLS_LEAD = re.compile(r"\s*(\d{1,3}\s*(?:т|тт|томах|vols?|volumes|cilt)\.?)", re.IGNORECASE)
_IN_END = re.compile(r"(?:^|\s)(?:в|in|во)$", re.IGNORECASE)
_N_VOLS = re.compile(r"^\d+\s*(?:vols?|volumes|cilt|cild|т\.|тт\.|томах)\.?$", re.IGNORECASE)


def _volume(f: _Fields, text: str) -> None:
    s = _DMY.sub(" ", text.replace("*", "")).strip(" ,.;:")
    if not s or _N_VOLS.match(s):
        return  # "2 vols.": how many volumes a work has, not which one
    # "2019;12(2):" (Vancouver), "18(3)", "7 (2)", "Vol. 3, No. 2", "Т. 5, № 3", "№ 3"
    im = _ISS.search(s)
    if im:
        end = im.end()
        whole = _WHOLE_NUMBER.match(s, end) if im["i"] and im[0].startswith("№") else None
        if whole:
            end = whole.end()  # "№ 3 (122)": the issue and the journal's running number
        if not f.issue:
            f.issue = s[im.start("i") : end] if whole else (im["sup"] or im["i"]).strip()
        s_vol = (s[: im.start()] + " " + s[end:]).strip(" ,.;:()")
    else:
        s_vol = s
    s_vol = _VANCOUVER_YEAR.sub("", s_vol)
    cm = _VOL_COMMA_ISS.fullmatch(s_vol) if not im else None
    if cm and not f.volume and not f.issue:
        f.volume, f.issue = cm[1], cm[2]
        return
    sm = _VOL_SLASH_ISS.fullmatch(s_vol)
    if sm and not f.volume and not f.issue:
        f.volume, f.issue = sm[1], sm[2]  # Chicago/Turkish "17/4": volume 17, issue 4
        return
    vm = _VOL.search(s_vol)
    if vm and not f.volume and vm["v"].strip():
        v = vm["v"].strip()
        if not (_YEAR4.fullmatch(v) and f.year == int(v)):
            f.volume = v


def _pages(f: _Fields, text: str, is_book: bool) -> None:
    s = _DMY.sub(" ", text.replace("*", "")).strip(" ,;:()[]–—-")
    im = _G_ISS.search(s) if ("№" in s or "Iss" in s or "No" in s) else None
    if im and not f.issue and not s[: im.start()].rstrip().endswith(("p", "P", "pp")):
        f.issue = im[1]  # "Iss.3. — P.101-109" read as pages: the issue is not a page
        s = (s[: im.start()] + " " + s[im.end() :]).strip(" ,;:()[]–—-")
    s = _FINAL_PERIOD.sub("", s)
    if _EXTENT.match(s):
        return  # "212 s.", "110 с.", "352 pp.": a number BEFORE its label is an extent
    if f.pages:
        return
    m = _RANGE_ANY.search(s)
    if m:
        f.pages = _DASH_RUN.sub(r"\1", m[0])
        return
    s = _PAGE_LABEL.sub("", s).strip(" ,.;:")
    m = _SINGLE_PAGE.search(s)
    if m and not (_YEAR4.fullmatch(m[1]) and f.year == int(m[1])):
        f.pages = m[1]
    elif _PAGE_NUMBER.fullmatch(s) or _PAGE_ODD.fullmatch(s):
        # also MLA's "1725+" (pages not in a row), front matter's "ix-xi", Cochrane's "CD002278"
        f.pages = s


def _edition(f: _Fields, text: str) -> None:
    if f.edition:
        return
    m = _EDITION_N.search(text)
    if m:
        f.edition = m[1]
        return
    w = _FIRST_WORD.search(text)
    if w and w[1].lower() in _ORDINAL_WORDS:
        f.edition = _ORDINAL_WORDS[w[1].lower()]


def _type(f: _Fields, has_journal: bool, has_container: bool, is_book: bool) -> str:
    if f.genre and _THESIS.search(f.genre):
        return "thesis"
    if (has_journal or has_container) and f.container_title and _magazine_name(f):
        return "article-magazine"
    if has_journal and f.container_title:
        if _NEWS.search(f.container_title) and not f.volume:
            return "article-newspaper"
        if (f.publisher or f.place) and not f.volume and not f.issue:
            # "// Book / ed. … – М.: Наука, 2010. – С. 40–52": an imprint, so a book
            return "paper-conference" if _CONF.search(f.container_title) else "chapter"
        return "article-journal"
    if has_container and f.container_title:
        if _CONF.search(f.container_title):
            return "paper-conference"
        if f.url and not (f.volume or f.issue or f.pages or f.editors or f.publisher):
            return "webpage"  # "Политрейд : Хладон 134 : сайт. – URL: …": a site's page
        if f.publisher or f.editors or f.pages:
            return "chapter"
        return "article-journal" if (f.volume or f.issue) else "chapter"
    if f.url and not f.publisher and not f.container_title:
        return "webpage"
    if is_book or f.publisher:
        return "report" if _is_report(f) else "book"
    return "document"


# Frequent words of ISO 4 journal abbreviations (the LTWA's commonest, as the title-less science
# styles print them: "Curr. Opin. Chem. Biol.", "Proc. Natl Acad. Sci. USA")
_ISO4_WORDS = (
    "Acad Acta Adv Agric Am Anal Anat Ann Annu Appl Arch Astron Astrophys Bacteriol Behav Biochem "
    "Biochim Biol Biomed Biophys Biotechnol Bot Br Bull Can Chem Chim Clin Commun Comput Crit Curr "
    "Des Dev Ecol Econ Educ Electron Endocrinol Eng Environ Eur Evol Exp Expr Fr Gen Genet Geophys "
    "Immunol Ind Inorg Instrum Int J Jpn Lett Mater Math Mech Med Microbiol Mol Nat Natl Neurosci "
    "Nucl Opin Org Pharmacol Philos Phys Physiol Polym Proc Prog Protein Psychol Purif Rep Res Rev "
    "Sci Sel Soc Stat Struct Surg Syst Technol Theor Toxicol Trans Z"
)
_ISO4 = frozenset(_ISO4_WORDS.split())


def _title_less(f: _Fields, text: str) -> None:
    """A reference with no title (``(2005) Curr. Opin. Chem. Biol., 9, 210–216``): the labeller
    cuts the abbreviated journal at a period and calls its head the title. A "title" of ISO 4
    abbreviations only, followed in the text by ". " and the container, is the journal's head."""
    if not (f.title and f.container_title and (f.volume or f.pages)):
        return
    words = f.title.replace(".", " ").split()
    if not words or len(words) > 4 or not all(w in _ISO4 for w in words):
        return
    at = text.find(f.title)
    if at < 0 or not text[at + len(f.title) :].lstrip(". ").startswith(f.container_title):
        return
    f.container_title = f"{f.title}. {f.container_title}"
    f.title = ""


# "— V.41. — Iss.3.", "Т. 5. № 2": numbers that say what they are, whatever the label
_NOTE_VOL = re.compile(r"(?:^|[\s.—–-])(?:[ТтVv]|Vol|Том)\.\s?(\d+)\b")
_NOTE_ISS = re.compile(r"(?:^|[\s.—–-])(?:№|Iss|No|[Вв]ып)\.?\s?(\d+)\b")


def _labelled_numbers(f: _Fields, chunk: str) -> None:
    if not f.volume:
        m = _NOTE_VOL.search(chunk)
        if m:
            f.volume = m[1]
    if not f.issue:
        m = _NOTE_ISS.search(chunk)
        if m:
            f.issue = m[1]


def _publisher_as_journal(f: _Fields, text: str, runs: list[tuple[str, int, int]]) -> None:
    """ "“Title”, İletişim Araştırmaları, 14, 2nd Quarter, s. 55-70.": a "publisher" followed by
    a bare number and then pages is a journal and its volume."""
    for k, run in enumerate(runs[:-1]):
        if run[0] != "publisher":
            continue
        nxt_label, ns, ne = runs[k + 1]
        m = re.match(r"\s*(\d{1,4})\s*,", text[ns:ne]) if nxt_label in ("note", "volume") else None
        if m and any(lab == "pages" for lab, _, _ in runs[k + 2 :]):
            f.container_title, f.publisher = f.publisher, ""
            f.volume = m[1]
        return


# "by", or a role abbreviation before the names (Chicago "ed. Hannah Arendt", "Comp. M. Kadkanī"):
# the names after it are written given name first
_BY_BEFORE = re.compile(
    rf"(?:\bby|(?<![^\W\d_])(?:eds?|comps?)\.|{FOREIGN_EDITED_BY})\s*$", re.IGNORECASE
)
_ROLE_WORDS_LEAD = re.compile(
    rf"^\s*(?:edited\s+by|ed\.\s+by|by|(?:eds?|comps?)\.|{FOREIGN_EDITED_BY})\s+", re.IGNORECASE
)


def fields_from_labels(lab: Labelled) -> _Fields:
    """The record the labeller's spans say, with the grammar's field conventions."""
    f = _Fields()
    text = lab.text
    _find_tail(text, f)  # DOI, URL, retrieval date, original year: by regular expression
    runs = _runs(lab)
    first: dict[str, tuple[int, int]] = {}
    for label, s, e in runs:
        first.setdefault(label, (s, e))
    has_journal = "journal" in first
    has_container = "container" in first
    is_book = not has_journal and not has_container
    for k, (label, s, e) in enumerate(runs):
        prev = runs[k - 1][0] if k else ""  # the run before this one
        chunk = text[s:e]
        if label == "author" and not f.authors and (s, e) == first["author"]:
            # '… M. D. Valle et al., "': a quote opening the title, labelled with the names
            agents, et_al = read_names(chunk.rstrip(' "“«„,'))
            f.authors, f.et_al = agents, et_al
        elif (
            label == "author"
            and (chunk.startswith("/") or text[:s].rstrip().endswith("/"))
            and len(f.authors) <= 1
        ):
            # the GOST statement of responsibility after "/": every author, the heading's first
            agents, et_al = read_names(_STATEMENT_END.split(chunk.lstrip("/ "), maxsplit=1)[0])
            if len(agents) > len(f.authors):
                f.authors, f.et_al = agents, et_al or f.et_al
        elif label == "editor" and not f.editors:
            around = text[max(0, s - 24) : min(len(text), e + 16)]
            if not _ROLE_NEAR.search(around):
                # names with no role word anywhere near them are not editors: after the title
                # of a book, a publisher named after a person ("Alfred A. Knopf, 1972")
                if not f.publisher and f.title:
                    f.publisher = _unquote(_strip(chunk))
                continue
            agents, _ = read_names(chunk)
            by = _BY_BEFORE.search(text, max(0, s - 12), s) or _ROLE_WORDS_LEAD.match(chunk)
            if (
                by
                and any(
                    isinstance(a, Organization) or (isinstance(a, Person) and " " in a.family)
                    for a in agents
                )
                and not has_org_stem(chunk)  # "Comp. Research Dept. Bahá’í World Centre"
            ):
                # "edited by Angelo Andrea Di Castro, Colin A. Hope, and Bruce E. Parr": after
                # "by", every name is written given name first
                names = _ROLE_WORDS_LEAD.sub("", chunk)
                if ")" in names and "(" not in names:
                    names = names.replace(")", "")  # "(trans. H. Zohn, ed. Hannah Arendt)"
                given_first, _ = _parse_given_first(names)
                if len(given_first) >= len(agents) and all(
                    isinstance(a, Person) for a in given_first[:-1]
                ):
                    agents = given_first
            f.editors = [a for a in agents if not (isinstance(a, Organization) and
                                                   len(a.name) < 4)]  # fmt: skip
        elif label == "date":
            _date(f, chunk)
        elif label == "title" and not f.title:
            qm = _QUOTED_THEN.match(chunk.replace("*", ""))
            if qm and not f.container_title and "journal" not in first and "container" not in first:
                # '"Chapter". Book Title' / '"Article", Journal, 71, s. 103-118' read as one
                # title: the closing quote ends the title; the rest is the source
                f.title = _title(f, qm["q"])
                _source_after_quote(f, qm["rest"])
                has_container = bool(f.container_title)
            elif qm:
                f.title = _title(f, qm["q"])
            elif chunk[-1:] in "nN:s" and (im := _QUOTED_IN_END.match(chunk.replace("*", ""))):
                f.title = _title(f, im["q"])
            else:
                cm = _CLOSED_THEN_SOURCE.match(chunk) if "»" in chunk or "”" in chunk else None
                f.title = _title(f, cm["q"] if cm else chunk)
        elif label in ("journal", "container") and not f.container_title:
            qm = _QUOTED_THEN.match(chunk.replace("*", "")) if "title" not in first else None
            if qm:
                # '«Title». Journal, …' read as one container: the quotes end the title
                f.title = _title(f, qm["q"])
                chunk = qm["rest"]
            am = _GOST_AREA.search(chunk)
            if am and am.start() > 0:
                # "// Journal. — 2023. — V. 129. — Iss. 11. — P. 5-9" read as one container
                _gost_source_rest(f, chunk[am.start() :])
                chunk = chunk[: am.start()]
            f.container_title = _container(chunk)
            nm = _CONT_ISSUE.search(f.container_title)
            if nm and nm.start() > 0:
                f.issue = f.issue or nm["i"] or nm["g"]  # "РМЖ. Мать и дитя. №19 от"
                f.container_title = f.container_title[: nm.start()]
            im = _CONT_IMPRINT.search(f.container_title)
            if im and im.start() > 0 and not f.publisher:
                # "AKP Kitabı: Bir Dönüşümün Bilançosu. Ankara: Phoenix": the book's imprint
                f.place, f.publisher = im["place"], im["pub"].strip()
                f.container_title = f.container_title[: im.start()]
            vm = _CONT_VOL.search(f.container_title)
            if vm and "," not in vm[0] and label != "journal":
                vm = None  # "Advances in Neural Information Processing Systems 30": a book's name
            if vm and vm.start() > 0 and not f.volume:
                head = f.container_title[: vm.start()]
                year_like = bool(_YEAR4.fullmatch(vm["v"]))
                if year_like and "," in vm[0] and f.year in (None, int(vm["v"])) and not vm["i"]:
                    f.container_title = head.rstrip(" ,.")  # "Studies, 2019": the year
                    f.year = int(vm["v"])
                elif not year_like and not _NAME_PART_OR_YEARBOOK.search(head):
                    f.volume = vm["v"]  # "İletişim Araştırmaları, 14" read as one container
                    f.issue = f.issue or (vm["i"] or "")
                    f.container_title = head.rstrip(" ,.")
            cm = _CONT_CITY_END.search(f.container_title)
            if cm and not f.place:
                # "Bakı", "Seçilmiş əsərləri. Bakı": the book's place read as (part of) a source
                f.place = cm["place"]
                f.container_title = f.container_title[: cm.start()].rstrip(" ,.")
            pm = _CONT_PAGES.search(f.container_title)
            if pm and pm.start() > 0:
                f.pages = f.pages or pm[1]  # "In Book Title, 3-33." read as one container
                f.container_title = f.container_title[: pm.start()]
        elif label == "volume":
            before = text[max(0, s - 8) : s]
            nv = _N_VOLS_LEAD.match(chunk)
            if nv and f.container_title and _IN_END.search(f.container_title):
                # "Собр. соч.: в 4 т. Т. 2": how many volumes belongs to the work's name
                f.container_title = f"{f.container_title} {nv[1]}"
                if chunk[nv.end() :].strip(" .,;:–—-"):
                    _volume(f, chunk[nv.end() :])
            elif _ISSUE_WORD_END.search(before) and (_BARE_NUMBER.fullmatch(chunk)):
                if not f.issue:
                    f.issue = chunk.strip(" .,;:")
            else:
                _volume(f, chunk)
        elif label == "pages":
            _pages(f, chunk, is_book)
        elif label == "publisher" and not f.publisher:
            f.publisher = _unquote(_strip(chunk))
            if ": " in f.publisher and not f.place:
                # "Massachussets: Addison Wesley …" labelled whole: the place, then the house
                pub, place = publisher_and_place(f.publisher)
                if pub and place and f.publisher.startswith(place):
                    f.publisher, f.place = pub, place
        elif label == "location" and not f.place:
            f.place = _strip(chunk)
        elif label == "location" and f.publisher and prev == "publisher":
            # "Massachussets: Addison Wesley Publishing Company, Reading, 1979": a second place
            # after the publisher stays with it, as written
            f.publisher = f"{f.publisher}, {_strip(chunk)}"
        elif label == "edition":
            _edition(f, chunk)
        elif label == "genre" and not f.genre:
            f.genre = _strip(chunk).strip("[]()")
        elif label == "note":
            if f.accessed is None:
                d = _ACCESS_DATE.search(chunk)
                if d:
                    f.accessed = parse_date(d[1])
            _labelled_numbers(f, chunk)
    if f.publisher and not f.container_title and not f.volume and f.pages:
        _publisher_as_journal(f, text, runs)
    if f.year is None:
        # a year the labeller left inside another part ("Journal 2019;12(2)")
        for label, s, e in runs:
            if label in ("volume", "note", "pages"):
                part = text[s:e]
                if label == "note":  # "(дата обращения: 16.05.2021)": the year of a visit
                    part = _ACCESS_PHRASE.sub(" ", part)
                m = _YEAR.search(part)
                if m and label != "pages":
                    f.year = int(m[1])
                    break
    if f.year is None and f.pages:
        ym = _YEAR_RANGE.fullmatch(f.pages)
        if ym:
            # "Paris: Briasson, 1751–65": the years of a work in many volumes, not its pages
            f.year, f.pages = int(ym[1]), ""
    _title_less(f, text)
    if not f.title and f.container_title and not (has_journal and (f.volume or f.issue)):
        # an edited book read as a container (or a book's title as a journal with no volume):
        # with nothing inside it, it is the work itself
        f.title, f.container_title = f.container_title, ""
        has_container = has_journal = False
    f.type = _type(f, has_journal, has_container, is_book)
    if f.publisher and not f.place:
        m = _PLACE_PUBLISHER.match(f.publisher)
        if m and (":" in f.publisher or _PLACE.match(m["place"])):
            f.place, f.publisher = m["place"].strip(), _unquote(m["pub"].strip())
    if isinstance(f.date, PartialDate) and f.date.year != f.year:
        f.date = None
    return f
