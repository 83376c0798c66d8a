"""The field record the grammar fills (``_Fields``) and the readers every form shares:
containers, volume/issue/pages tails, title extras (editions, translators, genres), publishers
and places."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from refcheck.model import Agent, PartialDate
from refcheck.parse.names import _parse_given_first
from refcheck.parse.tokens import _clean

# --------------------------------------------------------------------------- containers

_VOL_TAIL = re.compile(
    r"^[,.]?\s*(?:Vol\.\s*|Cilt\s*|Т\.\s*)?\*?(?P<vol>\d+[A-Za-z]?(?:[-–]\d+)?|(?-i:[IVXLC]{1,7}))?\*?"
    r"(?:\s*\((?P<iss>[^()]{1,20}(?:\(\d{1,4}\))?)\)|/(?P<iss2>\d+[A-Za-z]?)"
    r"|,?\s*(?:No\.|Issue|Sayı|№|Nr\.)\s*(?P<iss3>\w+))?"
    r"(?:\s*\((?P<yr>\d{4})\))?"
    r"(?:[,:]\s*(?:pp?\.\s*|ss?\.\s*|С\.\s*|с\.\s*)?(?P<pages>[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—]\s*[A-Za-z]?\d+[A-Za-z]?)?"
    r"|Article\s+[\w-]+|e\d+|(?-i:[A-Z]{2,3})\d{4,}))?\s*[.,]?\s*$"  # "CD007868": Cochrane's
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


# patterns compiled once: a literal in a call is looked up in re's cache on every call
_TAIL_NUMBER = re.compile(r"[A-Za-z]?\d+(?:-?[A-Za-z])?|\be\d+")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")


def _tailish(t: str) -> bool:
    """Only volume/issue/page material: labels, numbers, punctuation (no words)."""
    rest = _TAIL_LABELS.sub(" ", t)
    rest = _TAIL_NUMBER.sub(" ", rest)
    return bool(_DIGIT.search(t)) and not _LETTER.search(rest) and len(t) <= 80


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


_EDITORS_PAREN_LEAD = re.compile(r"^\([^()]{1,200}\b(?:Eds?|Trans)\.\)\s*")
_ORDINAL_OR_WORDS_PAREN = re.compile(r"\b\d+(?:st|nd|rd|th)\b|\([^()\d]{1,20}\)")
_YEAR_ONLY = re.compile(r"[\s,.(]*(?:1[5-9]|20)\d\d[\s,.)]*")
_YEAR_AND_EXTENT = re.compile(
    r"[\s,.]*(?:(?:1[5-9]|20)\d\d[\s,.]*)?\d+\s*(?:s|с|p|pp|стр|sayfa|səh|pages)\.?\s*"
)
_ORDINAL_LEAD = re.compile(r"\d{1,3}\.\s+(?=[^\W\d_])")
_DIGIT_OR_PAREN = re.compile(r"[\d()]")
_PAGES_ONLY = re.compile(r"[\s,]*(?:pp?\.|ss?\.|S\.)?\s*\d+\s*(?:[-–—]\s*\d+)?\s*[.,]?\s*")


def _plain_journal(seg: str) -> tuple[str, str] | None:
    """``Journal of X, Vol. 3, No. 1, pp. 33-51`` → (name, tail) when the tail holds only
    volume/issue/pages material; a lone year (``Publisher, 2001``) is not a journal."""
    em = _EDITORS_PAREN_LEAD.match(seg)
    if em:
        seg = seg[em.end() :]  # "(M. Cooper & W. Stiles, Eds.) Journal, 9(1), 69-80"
    om = _ORDINAL_LEAD.match(seg) if seg[:1].isdigit() else None
    if om:
        # "5. Uluslararası … Sempozyumu (ss. 1-9)": an ordinal opens the name, not a number
        pj = _plain_journal(seg[om.end() :])
        return (seg[: om.end()] + pj[0], pj[1]) if pj else None
    k = seg.rfind("(") if seg.endswith((")", ").")) else -1
    if (
        2 <= k <= 150
        and _PAGES_PAREN.match(seg, k)
        and _DIGIT.search(seg[:k])
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
    bare = _ORDINAL_OR_WORDS_PAREN.sub("", name)  # "12th", "(BBA)"
    if sm:
        bare = _SERIES_NUM.sub("", bare)  # "Seriya 6: Ekonomika", "Серия 5. Экономика"
    if not 2 <= len(name) <= 150 or _DIGIT_OR_PAREN.search(bare):
        return None
    if len(_LETTER.findall(_TAIL_LABELS.sub("", bare))) < 2:
        return None  # "pp." or "Vol." alone is not a journal name
    if not _tailish(tail):
        return None
    if (
        (_PUB_WORDS.search(name) or _CITY_END.search(name))
        and not _PROCEEDINGS.search(name)  # "… Sempozyumu Bildiriler Kitabı, Ankara, s. 45-52"
        and _PAGES_ONLY.fullmatch(tail)
    ):
        return None  # "Springer-Verlag, Berlin, p. 39-55": a publisher and chapter pages
    if _YEAR_ONLY.fullmatch(tail):
        return None
    if _YEAR_AND_EXTENT.fullmatch(tail):
        return None  # "Bakı: Elm, 2017, 340 s." — a book's year and extent
    return name, tail


_PAGES = re.compile(
    r"^\(?(?:pp?\.\s*|ss?\.\s*|[Сс]\.\s*)?(?P<p>\d+[A-Za-z]?\s*[-–—]\s*\d+[A-Za-z]?|\d+)\)?\.?$"
)
_EDITION = re.compile(
    r"\(?\s*(?P<n>\d+)(?:\.|st|nd|rd|th|-?е|\.?\s*[Bb]askı)?\s*(?:ed\.|[Ee]dition|[Bb]askı|изд\.?)\s*\)?",
)
_TITLE_PAREN = re.compile(r"\s*\((?P<in>[^()]{1,80})\)(?=\s*(?:\[|$|\.|,))")
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
_ORDINALS = "|".join(_ORDINAL_WORDS)  # "first|second|…|tenth"
_ED_INNER = re.compile(
    r"^(?P<n>\d+(?:st|nd|rd|th|ème|e|er)?\.?(?:\s+[^\W\d_]+)?|[Rr]ev\.|[Rr]evised(?:\s+\w+)?|\d+\.|"
    r"\d+-?е|\d+-?(?:ci|cı|cu|cü|inci|ıncı|uncu|üncü|nci|ncı|ncu|ncü|ое|ье)|new|"
    rf"(?:{_ORDINALS})(?:\s+revised)?)\s*"
    r"(?:ed\b\.?|edn\.?|éd\.|edition|bs\.|baskı|bası|basım|bsk\.|изд\.?|nəşr|Aufl\.?|Auflage|"
    r"(?<=\.\s)b\.|(?<=\.)b\.)"
    r"\.?(?:,\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_VOL_INNER = re.compile(
    r"^(?:(?:Vol\.|Vols\.|Cilt|C\.|(?-i:C)(?=\s\d)|Т\.|Том|Cild)\s*:?\s*(?P<v>[\w–-]+)(?:,.*)?|"
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
    r"\b(?:Report|Rapor|Working Paper|Policy Brief|Publication|No\.)|^arXiv:\s*\d|"
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
    r"автореф|dissertasiya|avtoreferat|avtoref\.|(?<!\w)diss?\.(?=\s)|mimeo|textbook|"
    r"tech\.\s?rep|patent|monogra(?:ph|fi|фи)|qo.llanma|darslik|correspondence|exh\. cat|"
    r"^(?:e-?mail|web|dvd|cd-rom|blu-ray)$|"
    r"ėlektronnyĭ\s+resurs|elektronnyy\s+resurs|elektronnyj\s+resurs",
    re.IGNORECASE,
)
# a thesis named in a genre or a bracket, in every language of the corpus ("Yüksek lisans tezi",
# "(Tez)", "дис. … канд. ист. наук", "dissertasiyasının avtoreferatı", "nomzodlik
# dissertatsiyasi"; a thesis number, "Tez No: 313264", names none)
_THESIS = re.compile(
    r"dissertation|thesis|tezi|(?<!\w)tez(?!\w)(?!\s+(?:no\b|numaras))|диссертац|dissertasiya"
    r"|dissertatsiya|(?<!\w)дисс?\.|автореф",
    re.IGNORECASE,
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
# a year span closing a name ("Architectures of Identity in Russia, 1500-2000"): never its pages
YEAR_SPAN_END = r"(?:1[5-9]|20)\d\d\s*[-–—]\s*(?:1[5-9]|20)\d\d\s*$"
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


# a name with words in square brackets after it: a title and its translation ("Title
# [Translation]"), not an acronym ("[WHO]")
NAME_BRACKET = re.compile(r"(.+?)\s*\[([^\[\]]*\s[^\[\]]*)\]")


def title_and_brackets(name: str, bracket: str = "") -> tuple[str, str, str]:
    """``Title [Translation] [Description]`` in the author's place (APA 7 §9.12, §9.38) as
    ``(title, translation, description)``: the first bracket translates, the last describes.
    ``bracket`` is one the name reader already took off the end (a group's "abbreviation")."""
    brackets = [bracket] if bracket else []
    while name.endswith("]") and (bm := NAME_BRACKET.fullmatch(name)):
        name = bm[1]
        brackets.insert(0, bm[2])
    if not brackets:
        return name, "", ""
    return name, brackets[0], brackets[-1] if len(brackets) > 1 else ""


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
    form: str = ""  # which reader filled it: apa, apa-untitled, gost, gost-book, harvard, ...

    def flag(self, phrase: str) -> None:
        if phrase not in self.issues:
            self.issues.append(phrase)


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
    rf"[.,]\s+(\d+|(?i:{_ORDINALS}))"
    r"(?:\.|-?(?:st|nd|rd|th|ci|cı|cu|cü|е|ое))?\s*(?:Auflage|Aufl\.|[Ee]dition|[Ee]dn|[Ee]d\.|"
    r"[Bb]askı|[Bb]s\.|изд\.|издание|nəşr)\.?$"
)
_EDITION_END_GATE = re.compile(
    r"(?:Auflage|Aufl\.|[Ee]dition|[Ee]dn|[Ee]d\.|askı|[Bb]s\.|изд|ание|nəşr)\.?$"
)
# "Title, vol. II", "Title. Том 2", "Title, II cild": the volume of a work in volumes (APA puts
# it in parentheses, other styles after a comma); "Title. 2 vols." is the set's extent
_TITLE_VOL = re.compile(
    r"[.,]\s*(?:(?P<v>[IVXLC]+|\d{1,2})\s*(?:cild|cilt|том|т\.)|(?:Том|Т\.|Tom|Cild|Cilt|[Vv]ol\.|"
    r"[Vv]olume)\s*(?P<v2>[IVXLC]+|\d{1,2}))(?=[\s.,:]|$)|\.\s*\d{1,2}\s+vols\.?$|"
    r"\s(?:Vol|Cilt|Том)\.\s?(?P<v3>[IVXLC]+|\d{1,2})\.?$",
)
_TITLE_VOL_GATE = re.compile(r"ol|om|il|т|Т")  # cheap: most titles end with none of these
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
                _ED_INNER.match(p)
                or _VOL_INNER.match(p)
                or _TRANS_INNER.search(p)
                or (p.endswith(("Eds.", "Ed.")) and _EDS_INNER.match(p))
                for p in parts
            ):
                for p in parts:
                    _take_title_extras(f, f"_ ({p})")
                t = (t[: pm.start()] + t[pm.end() :]).strip()
            continue
        em = _ED_INNER.match(inner)
        vm = _VOL_INNER.match(inner)
        if em:
            f.edition = em["n"].rstrip(".")
            f.edition = _ORDINAL_WORDS.get(f.edition.lower(), f.edition)  # "Seventh" is 7
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
        f.edition = _ORDINAL_WORDS.get(m[1].lower(), m[1])
        t = t[: m.start()]
    m = _PAGES_PAREN.search(t) if paren else None
    if m:
        f.pages = m[1].strip()
        t = (t[: m.start()] + t[m.end() :]).strip()
    m = _TITLE_VOL.search(t) if _TITLE_VOL_GATE.search(t[-24:]) else None
    if m and m.start() > 0:
        if not f.volume:
            f.volume = m["v"] or m["v2"] or m["v3"] or ""
        t = t[: m.start()]
    brackets = list(_GENRE.finditer(t)) if "[" in t else []
    if len(brackets) >= 2 and not f.genre and not f.title_translation:
        a, b = brackets[-2], brackets[-1]
        if not t[a.end() : b.start()].strip() and not t[b.end() :].strip(" ."):
            # "Title [Translation] [Description]": APA's order of the two (§9.21, §10.6)
            f.title_translation = a["g"].strip()
            _take_title_extras(f, "_ " + b[0])
            if not f.genre:
                f.genre = b["g"].strip()
            t = t[: a.start()].strip()
            brackets = brackets[:-2]
    for gm in brackets[::-1]:
        inner = gm["g"].strip()
        untitled = not (t[: gm.start()] + t[gm.end() :]).strip(" ._")  # nothing to translate
        if (
            _GENRE_WORDS.search(inner) or untitled or _too_short_to_translate(inner, t, gm)
        ) and not f.genre:
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


def _too_short_to_translate(inner: str, t: str, gm: re.Match[str]) -> bool:
    """``*Temples and Gods in Roman Dakhleh* [DVD]``: one or two words after a title of six or
    more cannot translate it; they describe the work (§9.21), whatever they say."""
    if len(inner) > 24 or len(inner.split()) > 2 or inner == "Translation needed":
        return False  # the renderer's placeholder stands where the translation goes
    return len((t[: gm.start()] + t[gm.end() :]).split()) >= 6


_PLAIN_LONE_NUMBER = re.compile(r",\s*\d+\.?\s*")


_A_YEAR_IN_THE_NAME = re.compile(r"^\s+(?:1[89]|20)\d\d$")


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
        if vm and not tail.lstrip().startswith("*") and not _A_YEAR_IN_THE_NAME.search(vm[0]):
            # "*Professional School Counseling, 12*(4)": the volume inside the italics (but
            # "*The Annual Report of the Center 2001*, 311–26" names its year)
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
    if (
        f.italic_container
        and _PLAIN_LONE_NUMBER.fullmatch(tail)
        and not (m["pages"] or m["iss"] or m["iss2"] or m["iss3"])
    ):
        # "*Qobustan*, 78.": APA italicises a volume, so a plain lone number is the page
        f.volume, f.pages = "", f.volume
        return
    if m["iss2"]:
        f.issue = m["iss2"]
        f.flag("volume and issue written as 17/4 instead of 17(4)")
    elif m["iss"]:
        iss = m["iss"].strip()
        pm = re.fullmatch(r"(?:pp?|ss?|S|С|с|səh)\.\s*(.+)", iss)
        if pm:
            f.pages = f.pages or pm[1]  # "(pp. 150-155)" is pages, not an issue
        elif re.fullmatch(r"(?:1[5-9]|20)\d\d", iss) and not m["yr"] and f.year in (None, int(iss)):
            f.year = f.year or int(iss)  # Chicago "CE 10 (1949): 324-28": the year
            # (a dated entry's "*392*(1802)" is an issue that looks like a year)
        else:
            f.issue = iss
    elif m["iss3"]:
        f.issue = m["iss3"]
    if m["yr"] and f.year is None:
        f.year = int(m["yr"])
    if m["pages"]:
        f.pages = m["pages"].strip()


_EXTENT_END = re.compile(r",?\s+\d+\s*(?:с|s|p|pp|стр|sayfa|səh|pages)\.?$")  # ", 340 s."


_PAREN_LEAD = re.compile(r"^\([^()]{1,120}\)\s*")
_EXTENT_ONLY = re.compile(r"\d+\s*(?:с|s|p|pp|стр|sayfa|pages)\.?")
_PAGES_AFTER_COMMA = re.compile(r",\s*(?:pp?\.\s*)?(\d+\s*[-–—]\s*\d+)$")
_CITY_ONLY = re.compile(_CITIES + r"\.?")


def _read_publisher(f: _Fields, seg: str) -> None:
    """``Place: Publisher, 1979`` / ``Publisher, 5. Edition,1972`` / ``Publisher``."""
    s = _clean(seg)
    tm = _PAREN_LEAD.match(s)
    if tm and _TRANS_INNER.search(tm[0]):
        s = s[tm.end() :]  # "(A. M. Henderson, & T. Parsons, Trans.) New York: Free Press"
    s = _EXTENT_END.sub("", s) if "," in s else s
    if _EXTENT_ONLY.fullmatch(s):
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
    m = _PAGES_AFTER_COMMA.search(s)
    if m and m.start() > 0:
        f.pages = f.pages or m[1]  # "Oxford: Oxford University Press, 266-304" (chapter pages)
        s = s[: m.start()].strip(" ,")
    if _CITY_ONLY.fullmatch(s) or _CITY_STATE.fullmatch(s):
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


def publisher_and_place(text: str) -> tuple[str, str]:
    """The publisher and place the parser reads in ``text`` ("Wiley, New York" gives ("Wiley",
    "New York")): what APA 7 prints of a publisher is what a reader would take back as one."""
    f = _Fields()
    _read_publisher(f, text)
    return f.publisher, f.place


_PUB_WORDS = re.compile(
    r"\b(?:Press|Publishers?|Publishing|Verlag|Books|Yayınları|Yayıncılık|Kitabevi|"
    r"nəşriyyatı|Издательство|Springer|Elsevier|Wiley|Routledge|Academic)\b"
)
