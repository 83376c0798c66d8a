"""Scripts, abbreviations and sentence-like segments of an entry (never cut inside italics, quotes
or brackets, never after an initial or a known abbreviation)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from refcheck.model import Script
from refcheck.parse.dates import _lower

# --------------------------------------------------------------------------- year words

# "1995-yil", "1989-год", "1990-г.": a year with the word "year" joined to it (Uzbek, Russian
# lists of the region). The word goes before any reader runs (reading_text), so each finds the
# year where it finds "1995"; the labeller's training text goes through the same step.
_YEAR_WORD_HINT = re.compile(r"\d-\s?(?:yil|йил|год|г\.|жыл)", re.IGNORECASE)
_YEAR_WORD = re.compile(
    r"(?<!\d)((?:1[5-9]|20)\d\d)-\s?(?:yil(?:da)?|йил|год[ау]?|г\.|жыл[ы]?)(?![^\W\d_])",
    re.IGNORECASE,
)


# a DOI a PDF copy broke at a line end: "https://doi. org/10.1017/…", "10.15804/ athena.2020",
# "10.1007/s11145- 018-9859-0" (a DOI never ends at its prefix's slash or with a hyphen)
_DOI_HOST_BROKEN = re.compile(r"(?<=doi)\.\s+(?=org/)", re.IGNORECASE)
# eLIBRARY's and students' "В сборнике: …" / "У збірнику: …" naming a collection: GOST's "//"
_IN_COLLECTION = re.compile(
    r"(?:\s*//)?\s+(?:[ВвУу]\s+(?:сборнике|сб\.|книге|кн\.|збірнику|зб\.|книзі))\s*:\s*(?=\S)"
)
# GOST's dash glued to the year after the place: "Тошкент. -1960." (read as "– 1960")
_DASH_GLUED_YEAR = re.compile(r"(?<=\.)\s[-–—](?=(?:1[5-9]|20)\d\d\b)")
# Turkish journals' labelled numbers: "Yıl: 2008, Cilt:57, Sayı:1": the year's label goes (the
# year reads as a year), a space after the others' colon ("Cilt: 57", as most lists write it)
_TR_YEAR_LABEL = re.compile(r"\bYıl\s?:\s?(?=(?:1[5-9]|20)\d\d\b)")
_TR_NUMBER_COLON = re.compile(r"\b(Cilt|Sayı)\s?:(?=\d)")
_NAME_FIRST = re.compile(r"[А-ЯЁІЇЄ][а-яёіїєʼ'-]+,?\s+[А-ЯЁІЇЄ]\.")  # "Волков Г.Н.": no title first
_DOI_BROKEN = re.compile(r"(\b10\.\d{4,9}/(?:[^\s\"<>]*-)?)\s+(?=[\w(])")
_GLUED_VANCOUVER_YEAR = re.compile(r"([a-z]{3})((?:19|20)\d\d;\s?\d)")
_DOUBLE_HYPHEN = re.compile(r"(?<=\d)-{2,3}(?=\d)")
_MINUS_RANGE = re.compile(r"(?<=\d)\s?−\s?(?=\d)")
# characters typed for the usual ones, one for one: U+2015 for GOST's dash, word processors'
# non-breaking hyphen U+2011 and U+2010 ("Grinder‑Hansen"), the figure dash U+2012 for the en
# dash, the Arabic-script comma and semicolon
_LOOKALIKES = str.maketrans({"―": "—", "‑": "-", "‐": "-", "‒": "–", "،": ",", "؛": ";"})
# a PDF of a LaTeX text gives accents as spacing marks before their letter: "Herv´e D´ejean",
# "G¨obel", "Jos ´e"; the letter and its combining mark are composed again
# (only on the vowels, and ñ/õ/ã: "Brazil´s", "l´Ecole" use ´ for an apostrophe)
_SPACING_ACCENT = re.compile(r"(?<=[^\W\d_]) ?([´ˆ])([aeiouy])|([¨])([aeiouyAEIOU])|([˜])([nao])")
# other PDFs put the mark after its letter ("E´le´ments"): a mark before a consonant or a
# space says so, and the text is left as it is
_ACCENT_AFTER = re.compile(r"[´¨ˆ˜](?:[^aeiouyAEIOUnao ]|\s)")
_COMBINING = {"´": "\u0301", "¨": "\u0308", "ˆ": "\u0302", "˜": "\u0303"}


def _accented(m: re.Match[str]) -> str:
    mark, letter = (g for g in m.groups() if g is not None)
    return unicodedata.normalize("NFC", letter + _COMBINING[mark])

_GLUED_AFTER_QUOTE = re.compile(r"([,.]”)(?=[^\W\d_])")
# GOST's separators typed without their spaces (Uzbek and Russian lists): "lug‘ati./ Quronov D."
# (the statement's slash) and ". -Toshkent:Akademiya, 2008" (the imprint's dash, place, colon)
_GLUED_SLASH = re.compile(r"(?<=[^\W\d_]{2}\.)/(?=\s?[^\W\d_])")
_GLUED_IMPRINT = re.compile(r"([.,]\s?[-–—])\s?([^\W\d_][^\W\d_-]{1,20})\s?:\s?(?=[^\W\d_\"«“])")


# "Koda, K. 1988.Cognitive …", "Malak.2000.Understanding …": a year glued between periods
_GLUED_YEAR_HINT = re.compile(
    r"(?:1[5-9]|20)\d\d[a-z]?\.[A-ZА-ЯЁƏÇĞİÖŞÜ]|[^\W\d_]{2}\.(?:1[5-9]|20)\d\d[a-z]?\.\s"
)
_GLUED_YEAR_AFTER = re.compile(
    r"(?<![\d/.:])((?:1[5-9]|20)\d\d[a-z]?\.)(?=[A-ZА-ЯЁƏÇĞİÖŞÜ][^\W\d_])"
)
# (never inside a link: "https://doi.org/10.1016/j.pragma.2010.10.005" has a slash before)
_GLUED_YEAR_BEFORE = re.compile(
    r"(?<!\S)([^\s/:]*[^\W\d_]{2}\.)(?=(?:1[5-9]|20)\d\d[a-z]?\.(?:[A-ZА-ЯЁƏÇĞİÖŞÜ]|\s))"
)


_DOMAIN_END = re.compile(r"[a-z]\.(?:ru|com|org|net|uz|az|tr|edu|gov|info|su|ua|kz|by|de|uk)\.$")


def _statement_slash(m: re.Match[str]) -> str:
    """The slash spaced out, unless it is inside a link ("http://www.site.ru./RUS/")."""
    word = m.string[m.string.rfind(" ", 0, m.start()) + 1 : m.start()]
    return "/" if "//" in word or "www." in word or _DOMAIN_END.search(word) else " / "


# a title quoted with the right single quote on both sides (a word processor's autocorrect after
# a space): the first one opens it
_RIGHT_QUOTE_OPENS = re.compile(r"(?<=[\s(])’([^’‘'\n]{3,300}?)’(?=[,.;:])")


# a serial's ISSN and eLIBRARY's document number ("EDN: KMKLAB"), which Russian lists print
# since 2022: identifiers of the journal or the record, no part of any field (the raw entry
# keeps them; an ISSN inside the entry may stand where a journal's name would, so only the
# closing ones go)
_ISSN_EDN = re.compile(
    r"(?:[.;,]?\s*\b(?:[ep]-?ISSN|ISSN)(?:\s*\([^()]{1,12}\))?:?\s*\d{4}-?\d{3}[\dXx]\b)+\.?\s*$"
    r"|[.;,]?\s*\bEDN:?\s*[A-Z]{6}\b\.?"
)
# an initial whose period a PDF copy set apart: "Ильенков Э. В . Диалектика", "Пушкарев Ю. В ."
_SPACED_INITIAL = re.compile(r"(?<![^\s.])([^\W\d_])\s\.(?=\s|$)")


def _join_initial(m: re.Match[str]) -> str:
    return m[1] + "." if m[1].isupper() else m[0]


# Chinese and Japanese lists' full-width punctuation, which no space follows: "柴民权，管健.(2015).
# 标题．心理科学,38(5)": the ASCII mark and the space the readers split on
_CJK_MARK = {"，": ", ", "．": ". ", "。": ". ", "：": ": ", "；": "; ", "（": " (", "）": ") "}
_CJK_PUNCT_HINT = re.compile(f"[{''.join(_CJK_MARK)}]")
_CJK_PUNCT = re.compile(f"\\s*([{''.join(_CJK_MARK)}])\\s*")
_GLUED_DATE = re.compile(r"(?<=[^\W\d_])\.\((?=(?:1[5-9]|20)\d\d[a-z]?\)\.)")
_GLUED_AFTER_DATE = re.compile(r"(?<=\d\)\.)(?=[^\W\d_])")


def _cjk_punctuation(text: str) -> str:
    text = _CJK_PUNCT.sub(lambda m: _CJK_MARK[m[1]], text).strip()
    text = _GLUED_DATE.sub(". (", text)  # "管健.(2015)": the date's space
    return _GLUED_AFTER_DATE.sub(" ", text)  # "(2015).标题"


def reading_text(text: str) -> str:
    """The entry as both readers see it (and as the labeller is trained on): look-alike dashes
    and hyphens (U+2010, U+2011: word processors' non-breaking hyphen) made the usual ones, two
    apostrophes a quote mark, ``Toshkent, 1995-yil.`` → ``Toshkent, 1995.``, an initial's
    set-apart period joined (``Э. В .`` → ``Э. В.``)"""
    if not text.isascii():
        text = text.translate(_LOOKALIKES)
    if ("´" in text or "¨" in text or "ˆ" in text or "˜" in text) and not _ACCENT_AFTER.search(
        text
    ):
        text = _SPACING_ACCENT.sub(_accented, text)
    if _CJK_PUNCT_HINT.search(text):
        text = _cjk_punctuation(text)
    if "−" in text:
        text = _MINUS_RANGE.sub("–", text)  # U+2212 (minus) between numbers: a PDF's en dash
    if "--" in text:
        text = _DOUBLE_HYPHEN.sub("–", text)  # LaTeX/Markdown "1650--1790", "215---256"
    if "''" in text:
        text = text.replace("''", '"')  # "''Title''": two apostrophes typed for a quote mark
    if " ’" in text:
        text = _RIGHT_QUOTE_OPENS.sub(r"‘\1’", text)  # "2013, ’Title’, Journal": ’ for ‘
    if ",”" in text or ".”" in text:
        text = _GLUED_AFTER_QUOTE.sub(r"\1 ", text)  # '… R&D,”Journal of …': the space lost
    if "./" in text:
        text = _GLUED_SLASH.sub(_statement_slash, text).replace("/  ", "/ ")
    if ":" in text and (".-" in text or ". -" in text or "–" in text or "—" in text):
        text = _GLUED_IMPRINT.sub(r"\1 \2: ", text)
    if "10." in text and ("/ " in text or "- " in text or "doi. " in text.lower()):
        text = _DOI_BROKEN.sub(r"\1", _DOI_HOST_BROKEN.sub(".", text))  # a DOI a line end broke
    if ":" in text and ("В " in text or "в " in text or "У " in text) and _NAME_FIRST.match(text):
        text = _IN_COLLECTION.sub(" // ", text)
    if ". -1" in text or ". -2" in text or ". –1" in text or ". –2" in text:
        text = _DASH_GLUED_YEAR.sub(" – ", text)
    if "Yıl" in text or "Cilt:" in text or "Sayı:" in text:
        text = _TR_NUMBER_COLON.sub(r"\1: ", _TR_YEAR_LABEL.sub("", text))
    if ";" in text:
        text = _GLUED_VANCOUVER_YEAR.sub(r"\1 \2", text)  # "Arch Gen Psychiatry1987; 44:69"
    if _GLUED_YEAR_HINT.search(text):
        text = _GLUED_YEAR_AFTER.sub(r"\1 ", _GLUED_YEAR_BEFORE.sub(r"\1 ", text))
    if " ." in text:
        text = _SPACED_INITIAL.sub(_join_initial, text)
    if "ISSN" in text or "EDN" in text:
        text = _ISSN_EDN.sub("", text)
    return _YEAR_WORD.sub(r"\1", text) if _YEAR_WORD_HINT.search(text) else text


# --------------------------------------------------------------------------- scripts


def _script(text: str) -> Script:
    """Latin, Cyrillic or mixed (each >= 10 % of the letters); the normalise stage refines it."""
    if text.isascii():  # most English entries: every letter Latin, no loop in Python
        return Script.LATIN if any(map(str.isalpha, text)) else Script.NONE
    lat = cyr = other = 0
    for ch in text:
        if not ch.isalpha():
            continue
        o = ord(ch)
        if o < 0x250 or 0x1E00 <= o <= 0x1EFF:
            lat += 1
        elif 0x400 <= o <= 0x52F:
            cyr += 1
        else:
            other += 1
    total = lat + cyr + other
    if not total:
        return Script.NONE
    if other * 10 >= total and (lat + cyr) * 10 < total:
        return Script.OTHER
    if lat * 10 >= total and cyr * 10 >= total:
        return Script.MIXED
    if cyr > lat:
        return Script.CYRILLIC
    if lat:
        return Script.LATIN
    return Script.OTHER


# --------------------------------------------------------------------------- segments

_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "no",
        "nos",
        "vol",
        "vols",
        "ed",
        "eds",
        "pp",
        "p",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "univ",
        "dept",
        "gen",
        "gov",
        "rev",
        "rep",
        "trans",
        "transl",
        "col",
        "ch",
        "sec",
        "fig",
        "para",
        "et",
        "yay",
        "haz",
        "çev",
        "ed",
        "ss",
        "s",
        "c",
        "t",
        "g",
        "gg",
        "im",
        "изд",
        "ред",
        "пер",
        "им",
        "г",
        "т",
        "с",
        "стр",
        "вып",
        "no",
        "nr",
        "hrsg",
        "mah",
        "cad",
        "sok",
        "bsk",
        # journal and proceedings abbreviations ("Proc. of the 12th Int. Joint Conf.")
        "proc",
        "conf",
        "int",
        "intl",
        "symp",
        "natl",
        "assoc",
        "soc",
        "acad",
        "sci",
        "res",
        "annu",
        "educ",
        "psychol",
        "med",
        "j",
        "aufl",
        "səh",
        "cilt",
    ]
)
_TWO_LETTER_INITIALS = frozenset(
    ["yu", "ya", "zh", "ch", "sh", "kh", "ts", "yo", "ye", "dj", "gy", "sz"]
)
_ROLE_START = re.compile(
    r"(?:eds?\.|edited by|trans\.|çev\.|haz\.|под ред\.)\s|www\.", re.IGNORECASE
)
_OPEN_Q = {'"': '"', "“": "”", "«": "»", "„": "“"}


_PLACE_AHEAD = re.compile(r"[^\W\d_][^\W\d_-]{1,20}(?:[ -][^\W\d_]{1,20}){0,2}\s?:\s")


_PUB_AHEAD = re.compile(
    r"[^.\d]{0,40}\b(?:Press|Publishers?|Publishing|Verlag|Books|Yayınları|Yayıncılık|"
    r"Kitabevi|nəşriyyatı|Издательство)\b"
)


def _is_abbrev(s: str, end: int) -> bool:
    """Whether the '.' at ``end`` closes an initial or abbreviation rather than a sentence."""
    k = end
    while k > 0 and s[k - 1].isalpha():
        k -= 1
    tok = s[k:end]
    if not tok:
        # "5." ordinal ("5. Edition") is not a sentence end
        j = end
        while j > 0 and s[j - 1].isdigit():
            j -= 1
        return 0 < end - j <= 2 and (j == 0 or s[j - 1] == " ")
    if len(tok) == 1:
        return tok.isupper() or tok in ("p", "s", "c", "t", "v", "г", "с", "т")
    if len(tok) == 2 and tok[0].isupper() and tok.lower() in _TWO_LETTER_INITIALS:
        return True
    return _lower(tok) in _ABBREV


def _roman_before(s: str, end: int) -> bool:
    """``… araştırmalar I.`` / ``Cilt II.``: a roman numeral after a word, not an initial."""
    k = end
    while k > 0 and s[k - 1] in "IVX":
        k -= 1
    return k < end and k >= 2 and s[k - 1] == " " and s[k - 2].isalpha() and s[k - 2].islower()


@dataclass(frozen=True, slots=True)
class _Seg:
    text: str
    start: int  # offset in the string that was segmented

    @property
    def italic(self) -> bool:
        return self.text.startswith("*")

    @property
    def quoted(self) -> bool:
        return bool(self.text) and self.text[0] in "\"“«„'‘"


_ROMAN_ORDINAL = re.compile(r"[IVX]{2,5}")
# names that start with a lower-case letter yet open a new element: preprint servers, journals
_LOWER_NAME = re.compile(r"(?:arXiv|bioRxiv|medRxiv|chemRxiv|eLife|iScience|mBio|mSphere|npj)\b")


# the characters ``_segments`` acts on: italics, quotes (opening and closing), brackets, stops
_SEG_CHAR = re.compile(r'[*"“”«»„()\[\].?!]')


def _segments(s: str) -> list[_Seg]:
    """Split at sentence ends outside italics, quotes and brackets; linear in ``len(s)``."""
    out: list[_Seg] = []
    n = len(s)
    start = 0
    i = 0
    italic = False
    depth = 0
    close_q = ""
    while i < n:
        m = _SEG_CHAR.search(s, i)  # every other character changes nothing: jump over it
        if m is None:
            break
        i = m.start()
        c = s[i]
        if c == "*":
            italic = not italic
            if (
                not italic
                and depth == 0
                and s[i - 1] in "?!"
                and i + 2 < n
                and s[i + 1] == " "
                and (s[i + 2].isupper() or s[i + 2] == "(")
            ):
                # "*What Is Dramaturgy?* Peter Lang.": APA drops the period after "?"
                out.append(_Seg(s[start : i + 1].strip(), start))
                start = i + 2
                i += 2
                continue
        elif close_q:
            if c == close_q:
                close_q = ""
                if i > 0 and s[i - 1] in ".?!," and i + 2 < n and s[i + 1] == " ":
                    nxt = s[i + 2]
                    if nxt.isupper() or nxt in '*"“«':
                        out.append(_Seg(s[start : i + 1].strip(), start))
                        start = i + 2
                        i += 2
                        continue
        elif c in _OPEN_Q and not italic:
            # a straight quote opens only at a word start
            if c != '"' or i == 0 or s[i - 1] in " ([:":
                close_q = _OPEN_Q[c]
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif c in ".?!" and not italic and depth == 0:
            j = i + 1
            while j < n and s[j] in "\"'”’»*":
                j += 1
            if j < n and s[j] == " ":
                k = j
                while k < n and s[k] == " ":
                    k += 1
                if k < n:
                    nxt = s[k]
                    # after italics, quotes or a bracket ("*Title* [Translation]. de Gruyter")
                    strong = nxt == "*" or j > i + 1 or (i > 0 and s[i - 1] in '*"”»])')
                    cap = (
                        nxt.isupper()
                        or nxt.isdigit()
                        or nxt in "\"“«»„'‘([*"
                        or _ROLE_START.match(s, k) is not None
                        or (strong and nxt.isalpha())
                        or (nxt in "abcdeimn" and _LOWER_NAME.match(s, k) is not None)
                    )
                    if c in "?!":
                        # "Title? Journal, 12(3)": APA drops the period after "?", so a
                        # capital after it starts the next element
                        ok = strong or (nxt.isupper() and i > 0 and s[i - 1] != " ")
                    else:
                        ok = cap and (
                            strong
                            or not _is_abbrev(s, i)
                            # "Cilt 1. İstanbul: İletişim" — a number (or a roman numeral,
                            # "araştırmalar I. İstanbul: …"), then a place and colon
                            or (
                                (s[i - 1].isdigit() or _roman_before(s, i))
                                and (
                                    _PLACE_AHEAD.match(s, k) is not None
                                    or _PUB_AHEAD.match(s, k) is not None
                                )
                            )
                        )
                    if ok and c == "." and i - start >= 2 and _ROMAN_ORDINAL.fullmatch(s, start, i):
                        ok = False  # "II. Uluslararası Sempozyum": an ordinal opens the name
                    if ok:
                        out.append(_Seg(s[start:j].strip(), start))
                        start = k
                        i = k
                        continue
        i += 1
    tail = s[start:].strip()
    if tail:
        out.append(_Seg(tail, start))
    return [g for g in out if g.text]


_MULTI_SPACE = re.compile(r"\s{2,}")


def _clean(s: str) -> str:
    """Field value: asterisks gone, spaces squeezed, one trailing period or comma dropped."""
    s = s.replace("*", "")
    # entries arrive with whitespace squeezed to single spaces, so only joins make doubles
    s = (_MULTI_SPACE.sub(" ", s) if "  " in s else s).strip()
    if s.endswith("..") and not s.endswith("..."):
        s = s[:-2].rstrip()  # "disease.." typo: both periods go
    elif s.endswith((".", ",", ";", ":")) and not s.endswith(("..", "etc.")):
        s = s[:-1].rstrip()
    return s


def _unquote(s: str) -> str:
    s = _clean(s)
    if len(s) >= 2 and s[0] in '"“«„' and s[-1] in '"”»“':
        s = s[1:-1].strip()
        if s.endswith((".", ",")):
            s = s[:-1]
    elif (
        len(s) >= 2
        and s[0] in "'‘"
        and s[-1] in "'’"
        and s[1:-1].count("'") + s[1:-1].count("‘") == 0
    ):
        s = s[1:-1].strip()  # British single quotes; inner apostrophes would be ambiguous
        if s.endswith((".", ",")):
            s = s[:-1]
    elif len(s) >= 2 and s[0] in '"“«„' and not any(q in s[1:] for q in '"”»“'):
        s = s[1:].strip()  # an opening quote that never closes (a cut-off entry)
    return s.strip()
