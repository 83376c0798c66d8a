"""The words citations are built from, in the four languages refcheck's journals publish in.

APA's English forms (``et al.``, ``&``/``and``, ``p.``, ``see``, ``as cited in``, ``n.d.``) have
counterparts that Turkish, Azerbaijani and Russian journals print: ``vd.``/``ve ark.``, ``ve``,
``s.``/``ss.``, ``bkz.``, ``akt.``, ``t.y.``; ``və b.``/``və d.``, ``və``, ``səh.``; ``и др.``,
``и``, ``с.``, ``см.``, ``цит. по``, ``б. г.``. The cite stage recognises every form in every
manuscript (an English article that writes ``vd.`` still cites a work); each table says which
language a form belongs to, so the rules (C207) can say when a form is not the manuscript's.

All patterns are anchored or bounded, with no nested quantifiers over the same characters.
"""

from __future__ import annotations

import re

from refcheck.labels import IN_PRESS, NAME_PARTICLES

LANGUAGES = ("en", "tr", "az", "ru")
LANGUAGE_NAMES = {"en": "English", "tr": "Turkish", "az": "Azerbaijani", "ru": "Russian"}


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# ------------------------------------------------------------------------------- et al.

# "et al." and its translations at the end of a name list ("Yılmaz vd.", "Иванов и др.").
ET_AL_PATTERN = (
    r"et\.?\s{0,2}al\b\.?|vd\b\.?|ve\s+ark\b\.?|ve\s+arkadaşları\b|ve\s+diğ(?:erleri\b|\.)"
    r"|və\s+(?:b|d)\b\.?|və\s+başq(?:aları\b|\.)|və\s+digərləri\b|и\s+др\b\.?|и\s+соавт\b\.?"
    # romanised "и др." of texts that cite a transliterated list ("Isayev i dr., 2012")
    r"|i\s+dr\.|i\s+soavt\."
)
ET_AL_END = re.compile(r"(?:,\s*|\s+)(" + ET_AL_PATTERN + r")$", re.IGNORECASE)
# The same, closing the words right before a narrative year: "Yılmaz vd. (2020)".
# (with a possessive or a Turkish case ending: "et al.'s", "vd.’nin", "vd’ye")
ET_AL_BEFORE = re.compile(
    r"(?:^|\s)(" + ET_AL_PATTERN + r")(?:['’](?:s|[a-zçğıöşüə]{1,5}))?,?$", re.IGNORECASE
)

# The form each language's journals print (the suggestion when another is used) ...
ET_AL_CANONICAL = {"en": "et al.", "tr": "vd.", "az": "və b.", "ru": "и др."}
# ... and every form a journal of that language may choose (config ``et_al``).
ET_AL_CHOICES = {
    "et al.": "en",
    "vd.": "tr",
    "ve ark.": "tr",
    "ve arkadaşları": "tr",
    "və b.": "az",
    "və d.": "az",
    "и др.": "ru",
}


def et_al_language(form: str) -> str:
    """Which language an et-al form (as written) belongs to: ``"vd."`` → ``"tr"``."""
    low = form.strip().lower()
    if low.startswith("et"):
        return "en"
    if low.startswith(("vd", "ve")):
        return "tr"
    if low.startswith("və"):
        return "az"
    if low.startswith(("и", "i ")):
        return "ru"
    return ""


def et_al_key(form: str) -> str:
    """A form reduced for comparison with a configured choice: case and spacing folded."""
    return " ".join(form.lower().split())


# ------------------------------------------------------------------------------- connectors

# Between the last two names: "&" (any language's parentheses) or the language's "and".
CONNECTOR_WORDS = {"and": "en", "ve": "tr", "və": "az", "и": "ru"}
CONNECTORS = frozenset(CONNECTOR_WORDS) | {"&"}
NARRATIVE_AND = {"en": "and", "tr": "ve", "az": "və", "ru": "и"}
# " and " / " ve " / " və " / " и " inside a names string, the last one wins (rpartition-like)
CONNECTOR_SPLIT = re.compile(r"\s(and|ve|və|и)\s(?!.*\s(?:and|ve|və|и)\s)")

# ------------------------------------------------------------------------------- locators

# Keyword locators after the year: "p. 146", "s. 12", "с. 12", "səh. 5", "para. 4" ...
KW_LOC = re.compile(
    r"\s*,\s*(pp?\.|paras?\.|¶|chapter|chap\.|ch\.|section|sec\.|§|slide|table|figure|fig\.|"
    r"line|lines|l\.|ll\.|ss?\.|sy\.|səh\.|сс?\.|стр\.|гл\.)\s*(\S[^;]*)$",
    re.IGNORECASE,
)
# a number, or a dictionary's entry and example ("2005: 59.17", a text and its sentence)
_LOC_NUM = r"\d+(?:\.\d+)?"
COLON_LOC = re.compile(
    # a volume in Roman numerals may come first: "1893: III, 2, 1640", "2004: II,284"
    rf"\s*:\s*((?:[IVXLC]{{1,7}}\s?,\s?)?{_LOC_NUM}(?:\s?[-–—]{{1,2}}\s?{_LOC_NUM})?(?:\s?,\s?{_LOC_NUM}(?:\s?[-–—]{{1,2}}\s?{_LOC_NUM})?)*"
    # or a preface page: "2012: v", "2009: VII"
    r"|[ivxlc]{1,7}(?:\s?[-–—]\s?[ivxlc]{1,7})?|[IVXLC]{1,7}(?:\s?[-–—]\s?[IVXLC]{1,7})?)\s*$"
)
# Page locators of the other languages and APA's word for each (C207 suggestions).
LOCATOR_LANGUAGE = {"s.": "tr", "ss.": "tr", "sy.": "tr", "səh.": "az", "с.": "ru", "сс.": "ru"}
LOCATOR_LANGUAGE |= {"стр.": "ru"}
LOCATOR_APA = {"s.": "p.", "ss.": "pp.", "sy.": "p.", "səh.": "p.", "с.": "p.", "сс.": "pp."}
LOCATOR_APA |= {"стр.": "p."}
# In a Turkish, Azerbaijani or Russian manuscript, APA's English word is the other acceptable one.
LOCATOR_NATIVE = {"tr": ("s.", "ss."), "az": ("s.", "səh."), "ru": ("с.", "сс.")}

# a volume's number in parentheses after the year, GOST's "[Грамматика 1980(2): 181]": the
# bracket scan lets it through and the tail steps over it
VOLUME_PAREN = r"\((?:\d{1,2}|[IVX]{1,4})\)"

# ------------------------------------------------------------------------------- dates

YEAR = re.compile(
    r"(?<![\w/–—-])(?:(?P<orig>(?:1[5-9]|20)\d\d)(?:/|\[(?=\d{4}\])))?"
    r"(?P<year>(?:1[5-9]|20)\d\d)(?:(?<=\[\d{4})\])?"  # 1942/2012, 1911[1959]
    r"(?P<sfx>[a-zа-яё])?(?!\w)(?!\s?[–—-]\s?\d)"
    r"|(?<!\w)(?P<nd>n\.\s?d\.|t\.\s?y\.|б\.\s?г\.)(?:-(?P<ndsfx>[a-zа-яё])(?!\w))?"
    r"|(?<!\w)(?P<ip>" + IN_PRESS + r"|[Ff]orth(?:coming\b|\.))"
    r"(?:-(?P<ipsfx>[a-zа-яё])(?!\w))?",
)
# A day as the date element: "(Milliyet, 30.08.1984)" (newspapers); day, month, year.
DATE = re.compile(r"(?<![\w./])(\d{1,2})[./](\d{1,2})[./]((?:1[5-9]|20)\d\d)(?![\w/])")
# Several days of one month: "(Milliyet, 25;26;29.08.1984)", three issues of a newspaper.
DAYS = re.compile(
    r"(?<![\w./;])(\d{1,2}(?:;\s?\d{1,2})+)[./](\d{1,2})[./]((?:1[5-9]|20)\d\d)(?![\w/])"
)
# Cheap pre-filter: is there anything year-like at all?
HAS_DATE = re.compile(
    r"(?:1[5-9]|20)\d\d|n\.\s?d\.|t\.\s?y\.|б\.\s?г\.|forth|" + IN_PRESS,
    re.IGNORECASE,
)
NO_DATE_LANGUAGE = {"n.d.": "en", "t.y.": "tr", "б.г.": "ru"}  # spaces removed
IN_PRESS_LANGUAGE = {
    "in press": "en", "baskıda": "tr", "basımda": "tr", "в печати": "ru", "çapda": "az"
}  # fmt: skip

# ------------------------------------------------------------------------------- prefixes

# Phrases that introduce a citation inside a parenthesis ("e.g., Rose, 1998"), by language.
PREFIX = re.compile(
    r"(?:e\.\s?g\.,?|i\.\s?e\.,?|see\s+also,?|see:?,?|cf\.,?|compare|for\s+example,?|"
    r"for\s+instance,?|for\s+a\s+review,\s+see|in:|"
    r"ayrıca\s+bkz\.,?|bkz\.,?|bk\.,?|bakınız:?|krş\.,?|karş\.,?|örneğin,?|örn\.,?|ör\.,?|"
    r"bax:?|məs\.,?|məsələn,?|müq\.,?|"
    r"см\.\s+также,?|см\.:?,?|ср\.,?|напр\.,?|например,?)\s+",
    re.IGNORECASE,
)
PREFIX_LANGUAGE = {
    "bkz.": "tr", "bk.": "tr", "bakınız": "tr", "krş.": "tr", "karş.": "tr", "örneğin": "tr",
    "örn.": "tr", "ör.": "tr", "ayrıca": "tr", "bax": "az", "məs.": "az", "məsələn": "az",
    "müq.": "az", "см.": "ru", "ср.": "ru", "напр.": "ru", "например": "ru",
}  # fmt: skip
PREFIX_APA = {
    "bkz.": "see", "bk.": "see", "bakınız": "see", "krş.": "cf.", "karş.": "cf.",
    "örneğin": "e.g.,", "örn.": "e.g.,", "ör.": "e.g.,", "ayrıca": "see also", "bax": "see",
    "məs.": "e.g.,", "məsələn": "e.g.,", "müq.": "cf.", "см.": "see", "ср.": "cf.",
    "напр.": "e.g.,", "например": "e.g.,",
}  # fmt: skip
# Last words of a remark after which names may start inside a parenthesis:
# "(i.e., the signal fades, see Arslan 2016)", "(for details, cf. Novak, 2019)".
CUE_WORDS = _words(
    "see also cf. cf compare e.g. e.g eg. i.e. example instance review overview details "
    "bkz. bk. bakınız bkz krş. karş. örneğin örn. ör. bax məs. məsələn müq. см. ср. напр. "
    "например также"
)

# ------------------------------------------------------------------------------- secondary

# ", also Newman 1980" inside one parenthesis starts another work, as ";" does.
# So does ", Parsons, 2001" after a page or year: "(Sabatier, 2007: 7, Parsons, 2001: 79-80)".
ALSO_SPLIT = re.compile(
    r",\s+(?=(?i:see\s+also|see|also|cf\.|compare|также|см\.|ср\.|ayrıca|bkz\.|bax)\s+\S)"
    r"|(?<=\d),\s+(?=[A-ZÀ-ÞА-ЯЁĞŞİÇÖÜƏ][^,;:()\d]{0,60},\s*(?:1[5-9]|20)\d\d(?!\d))"
    # Harvard without commas: "(Potter and Perry 1995, Komşuoğlu ve ark. 1990)", after a page
    # too, "(Сай и др. 2018: 13, Haspelmath 2015: 137)" (also "van Dijk et al. 2013" and a name
    # list that tells two works apart, "Loi, Vaca, et al. 2017")
    r"|(?<=\d),\s+(?=(?:(?:van|von|de|der|den|da|di|du|la|le)\s+){0,2}"
    r"[A-ZÀ-ÞА-ЯЁĞŞİÇÖÜƏ](?:[^,;:()\d]{0,60}|[^;:()\d]{0,60}et\sal\.?)\s(?:1[5-9]|20)\d\d(?!\d))"
)

# "(Giglio, Xiu 2017 и Kelly, Pruitt, Su 2017)": a conjunction after a year joins two works.
AND_SPLIT = re.compile(
    r"(?<=(?:1[5-9]|20)\d\d)(?:[a-zа-я](?!\w))?\s+(?:and|и|ve|və)\s+"
    r"(?=[A-ZÀ-ÞА-ЯЁĞŞİÇÖÜƏ][^;:()\d]{0,60}?(?:1[5-9]|20)\d\d(?!\d))"
)

# "as cited in" and its translations: what follows is the (listed) secondary source.
AS_CITED = re.compile(
    r"[,;]?\s*(?:as\s+cited\s+in|cited\s+in|as\s+quoted\s+in|quoted\s+in|"
    r"akt\.:?|aktaran:?|цит\.\s?по:?)\s+",
    re.IGNORECASE,
)
AS_CITED_HINT = re.compile(r"ited|uoted|akt|цит", re.IGNORECASE)
SECONDARY_LANGUAGE = {"akt.": "tr", "aktaran": "tr", "цит. по": "ru"}

# "(Ibid.)", "(ibid.: 70)", "[Там же. С. 12]", "(a.g.e., s. 4)": the source cited just before.
IBID = re.compile(
    r"(?P<word>ibid(?:em)?\.?|там\s+же\.?|a\.\s?g\.\s?e\.?|aynı\s+eser|həmin\s+əsər)"
    r"(?:\s*[,:.]?\s*(?P<loc>(?:pp?\.|ss?\.|сс?\.|səh\.)?\s*\d+(?:\s?[-–—]\s?\d+)?"
    r"(?:\s?[,;]\s?\d+(?:\s?[-–—]\s?\d+)?)*))?",
    re.IGNORECASE,
)

# ------------------------------------------------------------------------------- name words

# Lower-case words allowed inside a group author's name ("Ministry of Foreign Affairs of the ...").
FUNCTION_WORDS = _words(
    "of the for to on in and at by de des du la le el y und für der die das ve və ile и по при для"
)
# Name particles kept with the surname ("von Clausewitz", "de Haan", "van der Berg").
PARTICLES = NAME_PARTICLES
# Words that make a run of capitalised words a group author even without a function word.
GROUP_WORDS = _words(
    "agency ministry organization organisation association institute institution university "
    "republic council presidency administration directorate office department bank fund centre "
    "center committee commission service services news times post press network television tv "
    "radio gazette newspaper journal review foundation corporation company group union "
    "federation parliament assembly court government bureau authority society academy library "
    "museum program programme forum alliance party "
    # Turkish
    "bakanlığı bakanlık başkanlığı başkanlık kurumu kurulu enstitüsü üniversitesi derneği "
    "vakfı müdürlüğü ajansı gazetesi dergisi meclisi cumhuriyeti teşkilatı örgütü odası "
    "birliği komisyonu merkezi "
    # Azerbaijani
    "nazirliyi komitəsi institutu universiteti agentliyi qəzeti administrasiyası "
    "respublikası məclisi akademiyası xidməti mərkəzi "
    # Russian
    "министерство мид институт комитет служба агентство администрация правительство "
    "управление академия университет совет федерации республики газета журнал центр фонд"
)
# Capitalised words that open a sentence rather than a name ("As Anadolu Agency (2020) ...").
SENTENCE_WORDS = _words(
    "As In According While Since For And But However Moreover Also Thus Hence Both Even When "
    "Then So Yet Still Although Because If Unlike Like Following Per By From With Whereas "
    "Indeed Similarly Likewise Here There This That These Those Recently Later Earlier Finally "
    "Notably Only Unlike After Before During Under Over Against Among Between Through Within "
    "Without "
    "Bu Buna Bunu Ancak Ayrıca Ama Fakat Çünkü Örneğin Özellikle Nitekim Böylece Dolayısıyla "
    "Benzer Göre Öte Bununla Diğer Aynı Hem Ve İle Lakin Amma Həmçinin Belə Beləliklə "
    "Məsələn Xüsusilə Eyni Digər Ona Görə "
    "В Во На По Как Так Однако Также Согласно Например При Для Это Эти Этот Из С К О Об Но "
    "И А Поэтому Кроме Именно"
)
# Capitalised words that end a run but are not authors: months, seasons, events, documents.
NOT_AUTHORS = _words(
    "january february march april may june july august september october november december jan "
    "feb mar apr jun jul aug sep sept oct nov dec spring summer autumn fall winter monday "
    "tuesday wednesday thursday friday saturday sunday war wars treaty agreement accord accords "
    "protocol act law declaration convention conference summit revolution crisis election "
    "elections census constitution era period century decade year years cup games olympics "
    "pandemic since before after until during from circa ca in on at by between year figure "
    "table chapter section page pages appendix see also ibid document documents strategy "
    "doctrine concept resolution statement speech interview survey "
    # Turkish, Azerbaijani, Russian months and the like
    "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık savaşı "
    "antlaşması yılı yıl yüzyıl tablo şekil yanvar fevral aprel iyun iyul avqust sentyabr "
    "oktyabr noyabr dekabr müharibəsi il cədvəl январь февраль март апрель май июнь июль "
    "август сентябрь октябрь ноябрь декабрь января февраля марта апреля мая июня июля "
    "августа сентября октября ноября декабря война войны год года век таблица рис рисунок"
)
# Nouns for a work after its author's possessive: "Musaev's dictionary (2018)".
WORK_NOUNS = _words(
    "book books study studies paper papers article articles work works monograph dictionary "
    "grammar grammars thesis dissertation report analysis account description descriptions "
    "textbook volume edition overview classification sketch data model theory framework "
    "approach typology translation survey research "
    "çalışması çalışmasında kitabı kitabında makalesi makalesinde eseri eserinde tezi "
    "tezinde raporu raporunda sözlüğü sözlüğünde araştırması araştırmasında "
    "əsəri əsərində kitabı məqaləsi məqaləsində lüğəti tədqiqatı tədqiqatında"
)
# Words between a narrative name and its year: "Kaya’ya göre (2019)", "Kaya tarafından (2019)".
POSTPOSITIONS = _words("göre tarafından görə tərəfindən da de")  # "Oh’un da (2012)": also
OPEN_QUOTES = frozenset("'\"“‘«„")
CLOSE_QUOTES = ("'", '"', "”", "’", "»")
# A title standing for the author: “Banking Law Review: 2012,” 2013 / «Положение», 2016.
QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»", "‘": "’", "„": "“", "*": "*", "_": "_"}


# ------------------------------------------------------------------------- web labels

# "(URL-1)", "(URL 2; URL-3)", "(bkz. URL-4)": Turkish theses and journals cite a web source by
# the label it is listed under ("URL-1. (2014). http://…"); no year, no names.
WEB_KEY = re.compile(r"\bUR[Ll]\s?[-–—]?\s?(\d{1,3})\b")
WEB_KEYS = re.compile(
    r"\s*(?:(?:bkz|Bkz|see|See|см|Ср|cf)\.?:?\s+)?UR[Ll]\s?[-–—]?\s?\d{1,3}"
    r"(?:\s*(?:[,;]|ve|and|və|и)\s*UR[Ll]\s?[-–—]?\s?\d{1,3})*\s*"
)
