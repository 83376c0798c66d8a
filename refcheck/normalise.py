"""The normalise stage: scripts, languages, Turkish/Azerbaijani folding, romanisation, look-alikes.

Matching "Yüzbaşıoğlu" with "Yuzbasioglu", "Макиенко" with "Makienko" and sorting a list that
mixes Turkish, Azerbaijani and Russian names all need the same small set of string functions, so
they live here, pure and fast, and every other stage calls them. The original text is never
changed: keys and romanised forms go into :class:`refcheck.model.Normalised`.

Public API (names are stable; other stages import them):

``nfc``, ``tr_lower``, ``tr_upper``, ``tr_title``, ``fold_key``, ``romanise``, ``SCHEMES``,
``name_key``, ``name_keys``, ``detect_script``, ``dominant_script``, ``script_of_words``,
``detect_language``, ``LANGUAGE_DETECTORS``, ``check_language_detector``, ``find_lookalikes``,
``fix_lookalikes``, ``collation_key``, ``romanisation_style``, ``scheme_style``,
``normalise_reference``, ``normalise_references``.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import fields, replace
from typing import Any

from refcheck.errors import ConfigError
from refcheck.model import (
    Agent,
    Lookalike,
    Normalised,
    Organization,
    Person,
    Reference,
    Script,
    Span,
)

__all__ = [
    "LANGUAGE_DETECTORS",
    "SCHEMES",
    "STYLE_LETTERS",
    "LanguageDetectorError",
    "canonical_scheme",
    "check_language_detector",
    "collation_key",
    "detect_language",
    "detect_script",
    "dominant_script",
    "find_lookalikes",
    "fix_lookalikes",
    "fold_key",
    "name_key",
    "name_keys",
    "nfc",
    "normalise_reference",
    "normalise_references",
    "romanisation_style",
    "romanise",
    "scheme_style",
    "script_of_words",
    "tr_lower",
    "tr_title",
    "tr_upper",
]

# --------------------------------------------------------------------------------------------
# Casing
# --------------------------------------------------------------------------------------------


def nfc(s: str) -> str:
    """NFC-compose: "ş" typed as s + combining cedilla then equals the precomposed letter."""
    return unicodedata.normalize("NFC", s)


def tr_lower(s: str) -> str:
    """Turkish/Azerbaijani lowercase: İ→i and I→ı (Python's ``lower`` gives "i̇" for "İ")."""
    s = nfc(s).replace("I\u0307", "İ")
    return s.replace("İ", "i").replace("I", "ı").lower()  # two C-level replaces beat translate


def tr_upper(s: str) -> str:
    """Turkish/Azerbaijani uppercase: i→İ and ı→I."""
    return nfc(s).replace("i", "İ").replace("ı", "I").upper()


_WORD_RE = re.compile(r"[^\W\d_]+")


def tr_title(s: str) -> str:
    """Capitalise each word the Turkish way ("istanbul ılık" → "İstanbul Ilık")."""

    def cap(m: re.Match[str]) -> str:
        w = m.group(0)
        return tr_upper(w[0]) + tr_lower(w[1:])

    return _WORD_RE.sub(cap, nfc(s))


# --------------------------------------------------------------------------------------------
# Scripts
# --------------------------------------------------------------------------------------------


def _is_cyrillic(ch: str) -> bool:
    o = ord(ch)
    return (
        0x0400 <= o <= 0x052F
        or 0x1C80 <= o <= 0x1C8F
        or 0x2DE0 <= o <= 0x2DFF
        or (0xA640 <= o <= 0xA69F)
    )


@functools.lru_cache(maxsize=4096)
def _char_script(ch: str) -> Script:
    """Script of one letter; non-letters are ``NONE``."""
    if not ch.isalpha():
        return Script.NONE
    if ch.isascii():
        return Script.LATIN
    if _is_cyrillic(ch):
        return Script.CYRILLIC
    name = unicodedata.name(ch, "")
    if name.startswith("LATIN"):
        return Script.LATIN
    return Script.OTHER


_CYR_CHARS = re.compile(r"[\u0400-\u052f\u1c80-\u1c8f\ua640-\ua69f]")
_LATIN_CHARS = re.compile(
    r"[A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0250-\u02af\u1d00-\u1dbf"
    r"\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff\uab30-\uab6f\uff21-\uff3a\uff41-\uff5a]"
)


class _ScriptCodes(dict[int, str]):
    """``str.translate`` table: each letter to L (Latin), C (Cyrillic) or O (other), else ""."""

    def __missing__(self, key: int) -> str:
        code = ""
        if not 0x02B0 <= key <= 0x02FF:  # ʹ ʺ ʻ: romanisation marks, no script of their own
            code = {Script.LATIN: "L", Script.CYRILLIC: "C", Script.OTHER: "O"}.get(
                _char_script(chr(key)), ""
            )
        self[key] = code
        return code


_SCRIPT_CODES = _ScriptCodes()


# Text made only of ASCII, the Latin-1/Extended-A/B letters and the Cyrillic letters (nearly every
# field refcheck sees): every character in these ranges is either a letter of a known script or
# not a letter, so two C-level regex counts replace the per-character table below.
_OUTSIDE_SIMPLE = re.compile(
    r"[^\x00-\x7f\u00c0-\u024f\u0400-\u0481\u048a-\u052f"
    # and the punctuation of real titles, none of it a letter or a \w character: « » “ ” – — …
    # № (so Russian text takes the fast path); not ª º µ, letters, nor ² ½, which \w matches
    r"\u0080-\u00a9\u00ab-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u2000-\u206f\u2116]"
)
_SIMPLE_LATIN = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_SIMPLE_CYRILLIC = re.compile(r"[\u0400-\u0481\u048a-\u052f]")


# Counting letters in the UTF-8 bytes: in the simple blocks every Latin letter beyond ASCII is
# one lead byte C3-C9 (× and ÷ the only non-letters among them) and every Cyrillic letter one
# lead byte D0-D4, so bytes.count (memchr speed) replaces building a list of every letter.
_ASCII_NON_LETTERS = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))


def _script_counts(s: str) -> dict[Script, int]:
    """Letters per script (this runs on every field, so it stays at C speed)."""
    if _OUTSIDE_SIMPLE.search(s) is None:
        counts: dict[Script, int] = {}
        b = s.encode("utf-8")
        n_lat = len(b.translate(None, _ASCII_NON_LETTERS))
        n_cyr = 0
        if not s.isascii():
            n_lat += (
                b.count(b"\xc3") + b.count(b"\xc4") + b.count(b"\xc5") + b.count(b"\xc6")
                + b.count(b"\xc7") + b.count(b"\xc8") + b.count(b"\xc9")
                - s.count("\u00d7") - s.count("\u00f7")
            )  # fmt: skip
            n_cyr = (
                b.count(b"\xd0") + b.count(b"\xd1") + b.count(b"\xd2") + b.count(b"\xd3")
                + b.count(b"\xd4")
            )  # fmt: skip
        if n_lat:
            counts[Script.LATIN] = n_lat
        if n_cyr:
            counts[Script.CYRILLIC] = n_cyr
        return counts
    codes = s.translate(_SCRIPT_CODES)
    counts = {}
    for code, script in (("L", Script.LATIN), ("C", Script.CYRILLIC), ("O", Script.OTHER)):
        n = codes.count(code)
        if n:
            counts[script] = n
    return counts


def _has_cyrillic(s: str) -> bool:
    return _CYR_CHARS.search(s) is not None


def detect_script(s: str) -> Script:
    """LATIN, CYRILLIC, OTHER, MIXED (letters of two or more scripts) or NONE (no letters)."""
    if _OUTSIDE_SIMPLE.search(s) is None:  # presence, not counts: two C-level searches
        lat = _SIMPLE_LATIN.search(s) is not None
        cyr = _SIMPLE_CYRILLIC.search(s) is not None
        if lat and cyr:
            return Script.MIXED
        return Script.LATIN if lat else Script.CYRILLIC if cyr else Script.NONE
    counts = _script_counts(s)
    if not counts:
        return Script.NONE
    if len(counts) > 1:
        return Script.MIXED
    return next(iter(counts))


# Case spelt out in classes: IGNORECASE makes the engine fold every character it scans (3x slower).
_URL_RE = re.compile(r"(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\.)\S+")


def _drop_urls(s: str) -> str:
    """``s`` with each URL replaced by a space; most text has none, found by a substring test."""
    if "://" not in s and "ww." not in s.lower():
        return s
    return _URL_RE.sub(" ", s)


def dominant_script(s: str, share: float = 0.8) -> Script:
    """The script holding at least ``share`` of the letters (URLs ignored), else MIXED.

    An entry's script for reporting: "Макиенко, К. ... https://www.vedomosti.ru/..." is Cyrillic
    even though the URL and "Retrieved" are Latin.
    """
    s = _drop_urls(s)
    if _OUTSIDE_SIMPLE.search(s) is None and _SIMPLE_CYRILLIC.search(s) is None:
        return Script.LATIN if _SIMPLE_LATIN.search(s) is not None else Script.NONE
    counts = _script_counts(s)
    total = sum(counts.values())
    if not total:
        return Script.NONE
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] >= share * total else Script.MIXED


def script_of_words(s: str) -> tuple[tuple[str, Script], ...]:
    """Each word with its script, for callers that need to know which words are Cyrillic."""
    return tuple((m.group(0), detect_script(m.group(0))) for m in _WORD_RE.finditer(s))


# --------------------------------------------------------------------------------------------
# Folding
# --------------------------------------------------------------------------------------------

# Letters NFD does not decompose, folded by hand before any unidecode step.
_SPECIAL_FOLD = {
    "ə": "e",
    "ǝ": "e",  # turned e (lowercase of Ǝ), typed for the schwa ə when a keyboard lacks it
    "ı": "i",
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "ł": "l",
    "þ": "th",
    "ħ": "h",
    "ŋ": "n",
    "ʼ": "",
    "ʻ": "",
    "’": "",
    "'": "",
    "`": "",
    "ʹ": "",
    "ʺ": "",
    "\u2018": "",
}
_APOSTROPHES = frozenset("'’ʼʻ`ʹʺ\u2018\u02bc")


@functools.lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """Fold one lowercase character to the matching alphabet: diacritics off, Cyrillic kept."""
    if ch in _SPECIAL_FOLD:
        return _SPECIAL_FOLD[ch]
    if ch.isascii():
        return ch if ch.isalnum() else " "
    if _is_cyrillic(ch):
        return ch  # Latin and Cyrillic stay distinguishable; romanise first to merge them
    if unicodedata.category(ch).startswith("M"):
        return ""
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    if base.isascii():
        return base if base.isalnum() else " "
    if not ch.isalnum():
        return " "
    if _char_script(ch) is Script.LATIN:
        from unidecode import unidecode  # last resort for rare Latin letters only

        # only letters and digits survive, as for every other key character ("@" would not)
        out = "".join(c if c.isalnum() else " " for c in unidecode(ch).lower())
        return out if out.strip() else ch
    return ch


class _FoldMap(dict[int, str]):
    """``str.translate`` table built from :func:`_fold_char` on first sight of each character."""

    def __missing__(self, key: int) -> str:
        out = _fold_char(chr(key))
        self[key] = out
        return out


_FOLD_MAP = _FoldMap()
# ASCII only: tr_lower would turn "I" into dotless ı, which folds back to i, so plain lowercase
_ASCII_FOLD = bytes(
    (b | 0x20) if 65 <= b <= 90 else b if (48 <= b <= 57 or 97 <= b <= 122) else 32
    for b in range(256)
)


def fold_key(s: str) -> str:
    """The matching key: NFC, Turkish-aware lowercase, diacritics folded, punctuation to spaces.

    ğ→g, ş→s, ç→c, ı→i, ö→o, ü→u, ə→e, â/î/û→a/i/u and other Latin diacritics folded;
    apostrophes vanish ("Denizi'nden" → "denizinden"); other punctuation becomes one space;
    Cyrillic is lowercased but not romanised.
    """
    if s.isascii():  # most keys: one 256-byte table in C instead of a dict lookup per character
        return " ".join(s.encode("ascii").translate(_ASCII_FOLD, b"'`").decode("ascii").split())
    return " ".join(tr_lower(s).translate(_FOLD_MAP).split())


# --------------------------------------------------------------------------------------------
# Romanisation
# --------------------------------------------------------------------------------------------

SCHEMES: tuple[str, ...] = (
    "ala-lc",
    "ala-lc-plain",
    "bgn-pcgn",
    "iso9",
    "gost-7.79-b",
    "scholarly",
    "icao",
    "wikipedia",
)
"""Named romanisation standards. ``ala-lc`` (Library of Congress, with its diacritics and tie
bars) is the default APA guides name; ``ala-lc-plain`` drops the diacritics; ``iso9`` is GOST
7.79-2000 System A (= ISO 9:1995); ``gost-7.79-b`` its ASCII System B; ``scholarly`` the
linguists' scientific transliteration; ``icao`` the passport scheme (ICAO Doc 9303);
``wikipedia`` the popular English-press style (Berezovsky, Yeltsin)."""

_IULIIA_NAMES = {
    "ala-lc": "ALA_LC",
    "ala-lc-plain": "ALA_LC_ALT",
    "bgn-pcgn": "BGN_PCGN",
    "iso9": "GOST_779",
    "gost-7.79-b": "GOST_779_ALT",
    "scholarly": "SCIENTIFIC",
    "icao": "ICAO_DOC_9303",
    "wikipedia": "WIKIPEDIA",
}

# Azerbaijani Cyrillic → Azerbaijani Latin, from Unicode CLDR
# common/transforms/Azerbaijani-Latin-BGN.xml (BGN/PCGN 1993). It is also the official 1991
# Latin alphabet, so it is used whatever the scheme for text written in Azerbaijani Cyrillic.
_AZ_CYRL = {
    "а": "a", "б": "b", "в": "v", "г": "q", "ғ": "ğ", "д": "d", "е": "e", "ә": "ə", "ж": "j",
    "з": "z", "и": "i", "ы": "ı", "ј": "y", "к": "k", "ҝ": "g", "л": "l", "м": "m", "н": "n",
    "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ү": "ü", "ф": "f",
    "х": "x", "һ": "h", "ч": "ç", "ҹ": "c", "ш": "ş", "й": "y", "э": "e", "ю": "yu", "я": "ya",
    "ь": "", "ъ": "", "ё": "yo", "ц": "ts", "щ": "şç",
}  # fmt: skip
_AZ_CYRL_UPPER = {"И": "İ", "Ы": "I"}

# Ukrainian letters (and Ukrainian values of г/и/є) per scheme; Russian letters come from iuliia.
# ALA-LC Ukrainian table; BGN/PCGN 2019 (= Ukrainian national 2010); GOST 7.79 A and B; scholarly.
_UK_COMMON = {"е": "e", "г": "h", "ґ": "g", "и": "y", "і": "i", "х": "kh", "ц": "ts", "щ": "shch"}
_UK: dict[str, dict[str, str]] = {
    "ala-lc": {**_UK_COMMON, "є": "i͡e", "ї": "ï", "й": "ĭ", "ю": "i͡u", "я": "i͡a", "ц": "t͡s",
               "ь": "ʹ", "’": "ʺ"},
    "ala-lc-plain": {**_UK_COMMON, "є": "ie", "ї": "i", "й": "i", "ю": "iu", "я": "ia", "ь": "",
                     "’": ""},
    "bgn-pcgn": {**_UK_COMMON, "є": "ie", "ї": "i", "й": "i", "ю": "iu", "я": "ia", "ь": "",
                 "’": ""},
    "iso9": {**_UK_COMMON, "г": "g", "ґ": "g̀", "є": "ê", "и": "i", "і": "ì", "ї": "ï", "й": "j",
             "ю": "û", "я": "â", "х": "h", "ц": "c", "щ": "ŝ", "ь": "ʹ", "’": "ʼ"},
    "gost-7.79-b": {**_UK_COMMON, "г": "g", "ґ": "g`", "є": "ye", "и": "y`", "ї": "yi", "й": "j",
                    "ю": "yu", "я": "ya", "х": "x", "ц": "cz", "щ": "shh", "ь": "`", "’": "``"},
    "scholarly": {**_UK_COMMON, "є": "je", "ї": "ji", "й": "j", "ю": "ju", "я": "ja", "х": "x",
                  "ц": "c", "щ": "šč", "ь": "ʹ", "’": "ʺ"},
    "icao": {**_UK_COMMON, "є": "ie", "ї": "i", "й": "i", "ю": "iu", "я": "ia", "ь": "", "’": ""},
    "wikipedia": {**_UK_COMMON, "є": "ie", "ї": "i", "й": "i", "ю": "iu", "я": "ia", "ь": "",
                  "’": ""},
}  # fmt: skip
# Word-initial Ukrainian forms in BGN/PCGN 2019 and the press style.
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}

# Kazakh extra letters, ALA-LC non-Slavic Cyrillic table (plain fallbacks for other schemes).
_KK_ALA = {"ә": "ă", "ғ": "ǵ", "қ": "ķ", "ң": "n̡", "ө": "ȯ", "ұ": "ū", "ү": "u̇", "һ": "ḣ",
           "і": "ī"}  # fmt: skip
_KK_PLAIN = {"ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
             "і": "i"}  # fmt: skip

_AZ_CYRL_MARKS = frozenset("ҹјҝ")  # only Azerbaijani among the languages we meet
_AZ_KK_SHARED = frozenset("әғөүһ")
_KK_MARKS = frozenset("қңұ")
_UK_MARKS = frozenset("їєґ")
_BE_MARKS = frozenset("ў")
_NON_RUSSIAN_RE = re.compile(
    "["
    + "".join(sorted(_AZ_CYRL_MARKS | _KK_MARKS | _AZ_KK_SHARED | _UK_MARKS | _BE_MARKS | {"і"}))
    + "".join(sorted(c.upper() for c in _AZ_CYRL_MARKS | _KK_MARKS | _AZ_KK_SHARED | _UK_MARKS))
    + "ЎІ]"
)
_CAPS_RUN_RE = re.compile(r"[\u0400-\u042f]{2}")  # two Cyrillic capitals in a row
_CYR_WORD_RE = re.compile(r"[^\W_]+")
# a word with two Cyrillic capitals ("МИД", "ТАСС", "РФ"); most words have one or none


def _cyrillic_language(s: str) -> str:
    """Which Cyrillic orthography ``s`` uses, from letters only: az, kk, uk, be or ru."""
    if _NON_RUSSIAN_RE.search(s) is None:
        return "ru"  # the common case, settled by one C-level scan
    low = s.lower()
    letters = set(low)
    if letters & _AZ_CYRL_MARKS:
        return "az"
    if letters & _KK_MARKS:
        return "kk"
    if letters & _AZ_KK_SHARED:
        return "az" if "ә" in letters or "ј" in letters else "kk"
    if letters & _UK_MARKS or ("і" in letters and "ы" not in letters):
        return "uk"
    if letters & _BE_MARKS:
        return "be"
    return "ru"


@functools.lru_cache(maxsize=16)
def _iuliia_schema(scheme: str) -> Any:
    import iuliia

    return getattr(iuliia, _IULIIA_NAMES[scheme])


@functools.lru_cache(maxsize=16)
def _letter_table(scheme: str) -> dict[int, str] | None:
    """A ``str.translate`` table for schemes that map letter by letter (no context rules).

    Same letters as the iuliia schema, applied in C; None for schemes whose letters depend on
    their neighbours (BGN/PCGN "ye" after vowels, GOST B "c" before е/и), which keep iuliia.
    """
    import json

    path = getattr(_iuliia_schema(scheme), "path", None)  # iuliia's own JSON definition
    if path is None:
        return None
    with open(path, encoding="utf-8") as fh:
        defn = json.load(fh)
    if defn.get("prev_mapping") or defn.get("next_mapping") or defn.get("ending_mapping"):
        return None
    mapping: dict[str, str] = defn["mapping"]
    table = {ord(k): v for k, v in mapping.items() if len(k) == 1}
    table.update({ord(k.upper()): v.capitalize() for k, v in mapping.items() if len(k) == 1})
    return table


def canonical_scheme(scheme: str) -> str:
    if scheme in _SCHEME_SET:  # the common case, on every romanise call
        return scheme
    key = scheme.strip().lower().replace("_", "-")
    aliases = {"alalc": "ala-lc", "loc": "ala-lc", "gost-7.79-a": "iso9", "gost-779": "iso9",
               "iso-9": "iso9", "bgn": "bgn-pcgn", "scientific": "scholarly",
               "ala-lc-simple": "ala-lc-plain"}  # fmt: skip
    key = aliases.get(key, key)
    if key not in SCHEMES:
        raise ValueError(f"unknown transliteration scheme {scheme!r}; valid: {', '.join(SCHEMES)}")
    return key


def _case_like(src: str, out: str) -> str:
    """Carry the source word's capitalisation over: "ТАСС" → "TASS", "Щукин" → "Shchukin"."""
    if not out:
        return out
    if len(src) > 1 and src.isupper():
        return out.upper()
    if src[:1].isupper():
        return out[:1].upper() + out[1:]
    return out


def _romanise_word(word: str, scheme: str, lang: str) -> str:
    if lang == "az":
        out = []
        for ch in word:
            if ch in _AZ_CYRL_UPPER:
                out.append(_AZ_CYRL_UPPER[ch])
                continue
            low = ch.lower()
            rep = _AZ_CYRL.get(low)
            if rep is None:
                out.append(ch)
            elif ch != low:
                out.append(tr_upper(rep[:1]) + rep[1:])
            else:
                out.append(rep)
        res = "".join(out)
        return tr_upper(res) if len(word) > 1 and word.isupper() else res
    if lang in ("uk", "kk"):
        table = _UK[scheme] if lang == "uk" else (_KK_ALA if scheme == "ala-lc" else _KK_PLAIN)
        pieces: list[str] = []
        for i, ch in enumerate(word):
            low = ch.lower()
            sub: str | None = None
            if lang == "uk" and scheme in ("bgn-pcgn", "wikipedia", "icao") and i == 0:
                sub = _UK_INITIAL.get(low)
            if sub is None:
                sub = table.get(low)
            if sub is None:
                # a letter shared with Russian: let the Russian scheme romanise it
                sub = str(_iuliia_schema(scheme).translate(low))
            pieces.append(_case_like(ch, sub) if ch != low else sub)
        res = "".join(pieces)
        return res.upper() if len(word) > 1 and word.isupper() else res
    letters = _letter_table(scheme)
    out_ru = (
        word.translate(letters)
        if letters is not None
        else str(_iuliia_schema(scheme).translate(word))
    )
    out_ru = out_ru.replace("ё", "ë").replace("Ё", "Ë")
    if len(word) > 1 and word.isupper():
        out_ru = out_ru.upper()
    return out_ru


def _leftover(s: str) -> str:
    """Letters no table covered (pre-1918 ѣ, Serbian ђ …): unidecode rather than Cyrillic."""
    if not _has_cyrillic(s):
        return s
    from unidecode import unidecode

    return "".join(unidecode(c) if _is_cyrillic(c) else c for c in s)


_SCHEME_SET = frozenset(SCHEMES)


def _romanise_capital_words(s: str, letters: dict[int, str]) -> str:
    """``s`` with each all-capital word holding a run of Cyrillic capitals ("МИД", "ТАСС")
    romanised in capitals ("MID", not "MId"); other text is left for the caller's table.

    The runs are found by a two-letter class search and widened to their word in Python, which
    is much cheaper than a word-level regex over every word of the entry.
    """
    out: list[str] = []
    last = 0
    n = len(s)
    for m in _CAPS_RUN_RE.finditer(s):
        a = m.start()
        if a < last:
            continue  # a second run inside a word already done
        while a > 0 and s[a - 1].isalnum():  # [^\W_] is exactly str.isalnum
            a -= 1
        b = m.end()
        while b < n and s[b].isalnum():
            b += 1
        w = s[a:b]
        out.append(s[last:a])
        if len(w) > 1 and w.isupper():
            w = w.translate(letters).replace("ё", "ë").replace("Ё", "Ë").upper()
        out.append(w)
        last = b
    out.append(s[last:])
    return "".join(out)


@functools.lru_cache(maxsize=8192)
def romanise(s: str, scheme: str = "ala-lc", language: str = "") -> str:
    """Cyrillic → Latin in a named standard (see ``SCHEMES``); Latin text passes through unchanged.

    The orthography is taken from ``language`` (ru, uk, kk, az) or guessed from the letters:
    Azerbaijani Cyrillic (ә ғ ҹ һ ј ө ү ы) always goes to the Azerbaijani Latin alphabet (CLDR
    Azerbaijani-Latin-BGN), Ukrainian і ї є ґ and Kazakh қ ң ұ get their own tables, Russian
    goes through ``iuliia``. Raises ValueError for an unknown scheme.
    """
    key = canonical_scheme(scheme)
    s = nfc(s)
    if not _has_cyrillic(s):
        return s
    lang = language or _cyrillic_language(s)
    letters = _letter_table(key) if lang == "ru" else None
    if letters is not None:
        # a letter-for-letter scheme: one C-level pass does the whole string, after the
        # all-capital words ("МИД", "ТАСС") are romanised in capitals ("MID", not "MId")
        if _CAPS_RUN_RE.search(s) is not None:
            s = _romanise_capital_words(s, letters)
        return _leftover(s.translate(letters).replace("ё", "ë").replace("Ё", "Ë"))

    def repl(m: re.Match[str]) -> str:
        w = m.group(0)
        if not _has_cyrillic(w):
            return w
        return _romanise_word(w, key, lang)

    return _leftover(_CYR_WORD_RE.sub(repl, s))


# --------------------------------------------------------------------------------------------
# Romanisation style: which scheme a romanised Russian text follows
# --------------------------------------------------------------------------------------------

# How each scheme writes four letters that tell the schemes apart in Latin text, tested word by
# word (lowercase, tie bars removed, ’ as '). ц (ts/c/cz) and э are left out: "ts" is also т+с,
# and GOST 7.79 B writes ц both c and cz. Roman numerals never count (XX is not two х).
_STYLE_TESTS: tuple[tuple[str, tuple[tuple[str, re.Pattern[str]], ...]], ...] = (
    ("я", (
        ("ia", re.compile(r"(?:^|[aeiouy'ʹ`])i[au]")),  # ALA-LC, ICAO: Rossiia, iazyk
        ("ya", re.compile(r"(?:^|[aeiou'ʹ`])y[au]")),  # BGN/PCGN, GOST 7.79 B: Rossiya
        ("ja", re.compile(r"(?:^|[aeiouy'ʹ`])j[au]")),  # scholarly, translit: Rossija
        ("â", re.compile(r"[âû]")),  # ISO 9: Rossiâ
    )),
    ("final й", (
        ("ĭ", re.compile(r"ĭ$")),  # ALA-LC: novyĭ
        ("j", re.compile(r"[yoeiu]`?j$")),  # ISO 9, GOST 7.79 B, scholarly: novyj, novy`j
        ("y", re.compile(r"[yoei]y$")),  # BGN/PCGN: novyy, russkoy
        ("i", re.compile(r"[yoe]i$")),  # ALA-LC without diacritics, ICAO: novyi, russkoi
    )),
    ("х", (
        ("kh", re.compile(r"kh")),  # ALA-LC, BGN/PCGN, ICAO: Khrushchev
        ("x", re.compile(r"x")),  # GOST 7.79 B, scholarly: Xrushhev
    )),
    ("ь", (
        ("ʹ", re.compile(r"ʹ")),  # ALA-LC, ISO 9, scholarly: zhiznʹ
        ("'", re.compile(r"[a-z]'")),  # BGN/PCGN, ALA-LC without diacritics: zhizn'
        ("`", re.compile(r"[a-z]`(?!j)")),  # GOST 7.79 B: zhizn`
    )),
)  # fmt: skip
STYLE_LETTERS: tuple[str, ...] = tuple(letter for letter, _ in _STYLE_TESTS)
_STYLE_WORD_RE = re.compile(r"[^\W\d_]+(?:['`ʹ][^\W\d_]+)*['`ʹ]?")
_STYLE_PROBE = "Россия язык новый русской Хрущёв жизнь"


def romanisation_style(text: str) -> dict[str, tuple[str, str]]:
    """How a romanised Russian text writes я, a final й, х and ь: ``{letter: (form, word)}``.

    "Vneshnyaya politika Rossii" → ``{"я": ("ya", "Vneshnyaya")}``. Only letters the text shows
    are in the result; a form is the one most of its words use. Lists that mix "Rossiya" and
    "Rossiia" follow two schemes (rule N504).
    """
    clean = _TIE_RE.sub("", nfc(text)).replace("’", "'")
    out: dict[str, tuple[str, str]] = {}
    words = _STYLE_WORD_RE.findall(clean)
    for letter, tests in _STYLE_TESTS:
        seen: dict[str, list[str]] = {}
        for w in words:
            low = w.lower()
            if _ROMAN_LOW_RE.match(low):
                continue
            for form, test in tests:
                if test.search(low):
                    seen.setdefault(form, []).append(w)
                    break
        if seen:
            form = max(seen, key=lambda f: len(seen[f]))  # first seen wins a tie
            out[letter] = (form, seen[form][0])
    return out


@functools.lru_cache(maxsize=16)
def scheme_style(scheme: str) -> dict[str, str]:
    """The forms ``romanisation_style`` finds in text romanised with ``scheme`` (ALA-LC: ia, ĭ,
    kh, ʹ), from romanising a probe sentence with refcheck's own tables."""
    style = romanisation_style(romanise(_STYLE_PROBE, canonical_scheme(scheme)))
    return {letter: form for letter, (form, _) in style.items()}


# --------------------------------------------------------------------------------------------
# Name keys
# --------------------------------------------------------------------------------------------

# How English-language sources usually spell Azerbaijani Latin letters ("Məmmədov" → Mammadov,
# "Xəlilov" → Khalilov, "Qasımov" → Gasimov, "Cəfərov" → Jafarov).
_AZ_ANGLICISE = str.maketrans(
    {"ə": "a", "x": "kh", "q": "g", "c": "j", "ç": "ch", "ş": "sh", "ğ": "gh", "ı": "i", "j": "zh"}
)
_NAME_SCHEMES = ("ala-lc", "bgn-pcgn", "iso9", "gost-7.79-b", "scholarly", "icao", "wikipedia")


@functools.lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """Key for a family name or organisation: romanised (ALA-LC) then folded.

    "Макиенко"/"Makienko", "Yüzbaşıoğlu"/"Yuzbasioglu", "Məmmədov"/"Memmedov" and
    "Hasanoğlu"/"Hasanoglu" each share a key. Use :func:`name_keys` to tolerate other schemes.
    """
    return fold_key(romanise(name, "ala-lc"))


@functools.lru_cache(maxsize=8192)
def name_keys(name: str) -> frozenset[str]:
    """Every key ``name`` may be written as, so matching can intersect two sets.

    Cyrillic names: ALA-LC, BGN/PCGN, GOST 7.79 A/B, scholarly, ICAO and press-style
    romanisations (х → kh/h/x, й → i/y/j, ю → iu/yu/ju/u, ц → ts/c/cz, -ий → ii/iy/ij/y) and
    the Azerbaijani Latin reading. Latin names: the folded form, plus the English-press spelling
    of Azerbaijani letters (ə → a, x → kh, q → g, c → j) when the name has them.
    """
    keys = {name_key(name)}
    if _has_cyrillic(name):
        for sch in _NAME_SCHEMES:
            keys.add(fold_key(romanise(name, sch)))
        if _cyrillic_language(name) != "az":
            keys.add(fold_key(romanise(name, "ala-lc", language="az")))
    else:
        low = tr_lower(nfc(name))
        if set(low) & set("əxqcçşğ"):
            keys.add(fold_key(low.translate(_AZ_ANGLICISE)))
    keys.discard("")
    return frozenset(keys)


# --------------------------------------------------------------------------------------------
# Language detection
# --------------------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_EN_STOP = _words(
    "the of and in to a for on with from by is are was at as an its their between after "
    "toward towards into over under about against how why what who new study analysis "
    "review case during within through among be this that not since while beyond without "
    "versus via upon across around before whether which where when our your his they we "
    "you it no will should would has have had were been being does did do more most or but "
    "than from there these those what"
)
_TR_STOP = _words(
    "ve bir bu ile için olarak üzerine üzerinde da de ki gibi olan en çok daha göre kadar "
    "sonra önce arasında açısından bağlamında örneği örneğinde değerlendirilmesi "
    "incelenmesi hakkında ilişkileri politikası dış yeni nasıl "
    "neden mi mı mu mü dönemi dönemde yılında"
)
_AZ_STOP = _words(
    "və ilə üçün olan bu bir kimi daha çox haqqında haqda barədə sonra əvvəl arasında "
    "azərbaycan azərbaycanın xalq dövlət respublikası prezidenti ildə il milli tarixi"
)
# English word forms (suffixes and letter clusters Turkish and Azerbaijani spelling never use)
_EN_FORM_RE = re.compile(
    r"(?:tions?|ings?|ness|ments?|ships?|ology|ical|ally|ities|ity|ies|isms?|ous|ives?|ed)$"
    r"|w|th|ck|ough"
)
# Function words of other Latin-script languages: their presence sends a text to langdetect
_OTHER_STOP = _words(
    "de la le les des du et au aux une der die das und von zu im mit für el los las y del "
    "e o di il per con na za do od i dei della und ein eine est sur dans pour"
)
# Turkish/Azerbaijani write case endings after an apostrophe: Denizi'nden, Erdoğan'ı, TBMM'de
_EN_CLITICS = frozenset(("s", "t", "re", "ve", "ll", "d", "m"))
_TURKIC_LETTERS = frozenset("ğşıİĞŞçöüâîûÇÖÜ")
_STRONG_TURKIC = frozenset("ğşıİĞŞ")
_TURKIC_CHAR_RE = re.compile("[" + "".join(sorted(_TURKIC_LETTERS)) + "]")
_LATIN_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# The same tokens for text whose letters are all in the Latin blocks up to IPA (and their
# lowercase forms: Ə → ə, Ⱥ → ⱥ): a positive class runs faster than the negated categories.
_SIMPLE_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u2c65\u2c66"
_SIMPLE_TOKEN_RE = re.compile(f"[{_SIMPLE_LETTER}]+(?:['’][{_SIMPLE_LETTER}]+)*")

_LANGDETECT_LANGS = ("en", "tr", "ru", "uk", "de", "fr", "es", "it", "pt", "nl", "pl", "ro")


@functools.lru_cache(maxsize=1)
def _langdetect_factory() -> Any:
    """A langdetect factory with only the profiles we need, built once (it is slow to load)."""
    import json
    import os

    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
    from langdetect.utils.lang_profile import LangProfile

    factory = DetectorFactory()
    for i, code in enumerate(_LANGDETECT_LANGS):
        with open(os.path.join(PROFILES_DIRECTORY, code), encoding="utf-8") as fh:
            profile = LangProfile(**json.load(fh))
        factory.add_profile(profile, i, len(_LANGDETECT_LANGS))
    factory.set_seed(0)  # deterministic: same title, same answer
    return factory


def _langdetect_probs(s: str) -> list[tuple[str, float]]:
    """langdetect's ranked guesses for ``s``; empty when it finds no features."""
    from langdetect.lang_detect_exception import LangDetectException

    try:
        det = _langdetect_factory().create()
        det.append(s)
        return [(str(p.lang), float(p.prob)) for p in det.get_probabilities()]
    except LangDetectException:
        return []


def _cyrillic_verdict(s: str) -> tuple[str, str]:
    lang = _cyrillic_language(s)
    letters = set(s.lower())
    if lang == "az":
        marks = "".join(sorted(letters & (_AZ_CYRL_MARKS | _AZ_KK_SHARED)))
        return "az", f"Azerbaijani Cyrillic letters {marks}"
    if lang == "kk":
        marks = "".join(sorted(letters & (_KK_MARKS | _AZ_KK_SHARED | {"і"})))
        return "kk", f"Kazakh letters {marks}"
    if lang == "uk":
        marks = "".join(sorted(letters & (_UK_MARKS | {"і"})))
        return "uk", f"Ukrainian letters {marks}"
    if lang == "be":
        return "be", "Belarusian letter ў"
    return "ru", "Cyrillic without Ukrainian/Kazakh/Azerbaijani letters"


# Roman numerals ("XI–XVI. Yüzyıllar") are not the x of Azerbaijani words
_ROMAN_LOW_RE = re.compile(r"[ivxlcdm]+$")
_UPPER_RE = re.compile(r"[^\W\d_]")


def _mostly_capitals(s: str) -> bool:
    """At least 80 % of the letters are capitals (a title set in capitals)."""
    letters = _UPPER_RE.findall(s)
    return bool(letters) and sum(map(str.isupper, letters)) >= 0.8 * len(letters)


# Romanised Russian (APA asks for it: "Teoriya mezhdunarodnykh otnosheniy"): endings of Russian
# adjectives, nouns and verbs that English, Turkish and Azerbaijani words do not have (as
# BGN/PCGN, LC without diacritics -iia/-aia/-skoi and translit.ru -aja/-oj/-yh write them),
# letter clusters of ц ж щ ы, a soft sign written ' after a consonant that takes one
# ("Kul'tura", "zhizn'"), and function words. Schemes with diacritics are folded to ASCII first.
_RU_END = (
    r"(?:[^aeiou]ykh|[^aeious]ikh|sk(?:iy|ii|ij|aya|aia|oe|oye|ogo|ikh|oy|oi|ie)|ny[yij]|naya|"
    r"nogo|[kv]ogo|nykh|nosti|[oe]vaya|iy[aeu]|iyam|iyakh|ii[au]|aia|stv[oa]|ovat|ovan|eniy|"
    r"eniy[ae]|[yi]vat|y?ayut|yaet|yaya|yye|uyu|iy|[oey]j|[ai]ja|[^aeiou]yh|[^a]noe|[^aeiou]nye)"
)
_RU_INNER = r"ts[aeiouy]|shch|zh[aeiouy]|yy|[a-z][lntdzrvmbpfh]'(?!(?:s|t|re|ve|ll|d|m)$)"
_RU_STOP_WORDS = (
    "i v vo na ob ot po dlya bez pri iz kak chto ili protiv mezhdu cherez posle pered o k za "
    "ne pod nad so"
)
_RU_LATIN_END = re.compile(_RU_END + "$")
_RU_LATIN_INNER = re.compile(_RU_INNER)
_RU_LATIN_STOP = _words(_RU_STOP_WORDS)
# Any of the three in the lowercased title: most titles have none, and one search says so
_RU_LATIN_ANY = re.compile(
    rf"{_RU_END}'?(?![a-z])|{_RU_INNER}|(?<![a-z])(?:{_RU_STOP_WORDS.replace(' ', '|')})(?![a-z])"
)
_RU_LATIN_TOKEN_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*'?")


# The letters romanisation schemes add to ASCII, folded for the checks above: ISO 9 / scholarly
# č š ž, LC's ĭ ė ë and tie bars (i͡a, i︠a︡), and the soft sign as ʹ ’ ʼ or GOST's `.
_RU_FOLD = str.maketrans(
    {"č": "ch", "Č": "Ch", "š": "sh", "Š": "Sh", "ž": "zh", "Ž": "Zh", "’": "'", "ʼ": "'",
     "ʹ": "'", "`": "'", "ʺ": '"'}
)  # fmt: skip
_RU_MARKS_RE = re.compile("[\u0306\u0307\u0308\u0361\ufe20-\ufe23]")


def _ascii_romanisation(text: str) -> str | None:
    """``text`` in ASCII when every letter beyond ASCII is one of a romanisation scheme's, else
    None (French é, Czech ř, Polish ł … are other languages' letters, not Russian's)."""
    if text.isascii():
        return text
    folded = _RU_MARKS_RE.sub("", unicodedata.normalize("NFD", text.translate(_RU_FOLD)))
    if folded.isascii() or not any(
        c.isalpha() or unicodedata.combining(c) for c in folded if not c.isascii()
    ):
        return folded  # « » – … may stay: only letters and their accents matter
    return None


def _romanised_russian(text: str) -> list[str]:
    """The words of a title that read as romanised Russian ([] unless it is ASCII once the
    schemes' own letters are folded). A capitalised word inside the title counts only by its
    ending: names such as Khrushchev or Tsvetaeva appear in English titles too."""
    folded = _ascii_romanisation(text)
    if folded is None:
        return []
    folded = folded.replace("''", '"')
    if _RU_LATIN_ANY.search(folded.lower()) is None:
        return []
    out = []
    for i, w in enumerate(_RU_LATIN_TOKEN_RE.findall(folded)):
        low = w.lower()
        if (
            (low in _RU_LATIN_STOP and w != "I")
            or _RU_LATIN_END.search(low.rstrip("'"))
            or ((i == 0 or w[0].islower()) and _RU_LATIN_INNER.search(low))
        ):
            out.append(w)
    return out


def _russian_ending(word: str) -> bool:
    return _RU_LATIN_END.search(word.lower().rstrip("'")) is not None


def _turkic_suffix(token: str) -> bool:
    """True for "denizi'nden", "erdoğan'ı": a case ending after an apostrophe, not "it's"."""
    tail = token.replace("’", "'").partition("'")[2]
    return tail.isalpha() and tail.islower() and tail not in _EN_CLITICS


LANGUAGE_DETECTORS: tuple[str, ...] = ("builtin", "lingua")
"""Title-language detectors ``detect_language`` offers. ``builtin`` (the default): letters,
function words, then langdetect. ``lingua``: the same letters and words, then
lingua-language-detector (among en tr az ru uk kk) instead of langdetect, also for titles too
short for langdetect. Better on short titles, but an optional extra
(``pip install 'manuscript-refcheck[lingua]'``: a ~100 MB wheel, about 130 MB of models in
memory once loaded)."""


class LanguageDetectorError(ConfigError, ValueError):
    """An unknown detector name, or ``lingua`` asked for but not installed.

    A ConfigError, so the CLI reports it on one line (exit 2); a ValueError, like an unknown
    transliteration scheme, for library callers.
    """


def check_language_detector(name: str) -> str:
    """``name`` as ``detect_language`` accepts it, or LanguageDetectorError saying what to do."""
    key = name.strip().lower()
    if key not in LANGUAGE_DETECTORS:
        raise LanguageDetectorError(
            f"unknown language detector {name!r}; valid: {', '.join(LANGUAGE_DETECTORS)}"
        )
    if key == "lingua" and importlib.util.find_spec("lingua") is None:
        raise LanguageDetectorError(
            "the lingua language detector is not installed: "
            "pip install 'manuscript-refcheck[lingua]'"
        )
    return key


@functools.lru_cache(maxsize=4096)
def detect_language(s: str, detector: str = "builtin") -> tuple[str, str]:
    """(ISO 639-1 code or "", evidence) for a title or short text.

    ``builtin``: letters decide first (ə only in Azerbaijani; Cyrillic і ї є ґ → Ukrainian,
    қ ң ұ → Kazakh, ҹ ј ҝ ә → Azerbaijani, otherwise Russian), then function words of English,
    Turkish and Azerbaijani, then langdetect (seeded, restricted to a dozen languages, loaded
    once). A Turkish-looking text with q or x in its words is Azerbaijani ("Zəfər", "Qarabağ").
    ``lingua``: the same letters and words, with lingua where langdetect would be asked, and
    for titles too short for word evidence (see ``LANGUAGE_DETECTORS``). Raises
    LanguageDetectorError for another name or a missing lingua.
    """
    if detector == "builtin":
        return _rules_language(s, "langdetect")
    if detector == "lingua":  # installed or not is found out once, by _lingua_detector
        return _rules_language(s, "lingua")
    return detect_language(s, check_language_detector(detector))  # " Lingua ", or an error


def _lingua_probs(s: str) -> list[tuple[str, float]]:
    """lingua's ranked guesses for ``s`` among ``_LINGUA_LANGS``; empty when it finds none."""
    ranked = _lingua_detector().compute_language_confidence_values(s)
    return [(c.language.iso_code_639_1.name.lower(), float(c.value)) for c in ranked if c.value > 0]


# The languages lingua chooses among: the journals' four and the Cyrillic neighbours whose
# letters may be a minority in Latin text. Each language added costs memory and, on short
# titles, accuracy: with German and French added, "Soft power" came out German. Lists with many
# titles in other languages are better served by the builtin detector (langdetect knows them).
_LINGUA_LANGS = ("en", "tr", "az", "ru", "uk", "kk")


@functools.lru_cache(maxsize=1)
def _lingua_detector() -> Any:
    """The lingua detector, built once; its models load on first use, per language needed."""
    try:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder
    except ImportError:
        check_language_detector("lingua")  # says how to install it
        raise

    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in _LINGUA_LANGS]
    return LanguageDetectorBuilder.from_languages(*langs).build()


# LC's tie bars (i͡a, i︠a︡) join two letters of one Cyrillic letter; as combining marks they are
# not word characters, so they would cut "istoricheska︠i︡a" into three words
_TIE_RE = re.compile("[\u0361\ufe20-\ufe23]")


def _rules_language(s: str, stats: str) -> tuple[str, str]:
    """Letters, then function words, then ``stats`` ("langdetect" or "lingua") as last resort."""
    text = nfc(_drop_urls(s))
    if not text.isascii() and _TIE_RE.search(text) is not None:
        text = _TIE_RE.sub("", text)
    # This runs on every title, so each count below is a C-level pass, and the per-token checks
    # for letters a text lacks are skipped altogether.
    raw_tokens: list[str] | None
    if _OUTSIDE_SIMPLE.search(text) is None and _SIMPLE_CYRILLIC.search(text) is None:
        # Only Latin letters, all inside tokens, and lowercasing keeps every token's length
        # and boundaries (İ → i by tr_lower): one tokenisation serves for counts and words.
        token_re = _SIMPLE_TOKEN_RE
        low_tr = tr_lower(text)
        tokens = token_re.findall(low_tr)
        joined = "".join(tokens)
        lat = len(joined) - joined.count("'") - joined.count("’")
        if not lat:
            return "", "no letters"
        raw_tokens = None  # read from the text only when Turkic letters need their case
        n = len(tokens)
        low = text.lower()
        # without I/İ, Python's lowercase and the Turkish one are the same string
        plain = tokens if "I" not in text and "İ" not in text else token_re.findall(low)
    else:
        token_re = _LATIN_TOKEN_RE
        raw_tokens = token_re.findall(text)
        counts = _script_counts(text)
        if not counts:
            return "", "no letters"
        cyr = counts.get(Script.CYRILLIC, 0)
        lat = counts.get(Script.LATIN, 0)
        if cyr >= lat and cyr:
            return _cyrillic_verdict(text)
        if not lat:
            return "", "no Latin or Cyrillic letters"
        n = len(raw_tokens)
        low_tr = tr_lower(text)
        low = text.lower()
        tokens = token_re.findall(low_tr)
        plain = token_re.findall(low)
    schwa = sum(1 for t in tokens if "ə" in t) if "ə" in low_tr else 0
    en = sum(map(_EN_STOP.__contains__, plain))
    tr = sum(map(_TR_STOP.__contains__, tokens))
    az = sum(map(_AZ_STOP.__contains__, tokens))
    turkic: list[str] = []
    strong: list[str] = []
    suffixed = 0
    if "'" in low or "’" in low:
        en += sum(1 for t in plain if t not in _EN_STOP and t.endswith(("'s", "’s")))
        tr += sum(1 for t in tokens if t not in _TR_STOP and t.split("'")[0] in _TR_STOP)
        suffixed = sum(1 for t in plain if ("'" in t or "’" in t) and _turkic_suffix(t))
    if _TURKIC_CHAR_RE.search(text) is not None:
        if raw_tokens is None:
            raw_tokens = token_re.findall(text)
        turkic = [t for t in raw_tokens if set(t) & _TURKIC_LETTERS]
        # "AZERBAİJAN RELATİONS": capitals typed with a Turkish keyboard layout are weak evidence
        strong = [
            t for t in turkic if set(t.replace("İ", "I") if t.isupper() else t) & _STRONG_TURKIC
        ]
    qx = (
        [t for t in plain if ("q" in t or "x" in t) and len(t) > 2 and not _ROMAN_LOW_RE.match(t)]
        if "q" in low or "x" in low
        else []
    )
    if en < 2 and not (turkic or schwa or az):
        # letters, so before "too short"; before the Turkic rules, because a soft sign
        # ("Kul'tura") looks like a Turkish case ending. English titles (en >= 2) never pay.
        russian = _romanised_russian(text)
        if len(russian) > max(en, tr - suffixed) and (
            (len(russian) >= 2 and len(russian) * 3 >= n)
            or (n <= 3 and any(map(_russian_ending, russian)))
        ):
            return "ru", "romanised Russian word(s): " + ", ".join(russian[:3])
    tr += suffixed
    if not (schwa or strong or turkic) and (n < 2 or lat < 6) and stats == "langdetect":
        return "", "too short to tell"  # langdetect guesses wildly on one short word
    if schwa and schwa + az >= en:
        return "az", f"ə in {schwa} word(s)"
    if en >= 2 and en >= tr + az and en * 3 >= n - len(turkic) and en > len(strong):
        return "en", f"{en} English function word(s)"
    if strong or tr or az or len(turkic) * 2 >= n:
        if az > tr or (qx and (turkic or az)):
            return "az", "Turkic letters with q/x" if qx else f"{az} Azerbaijani word(s)"
        if strong or tr:
            ev = f"Turkish letters in {len(strong)} word(s)" if strong else ""
            if tr:
                ev = (ev + "; " if ev else "") + f"{tr} Turkish function word(s)"
            return "tr", ev
    bare_ascii = False  # plain ASCII words, no function word of any language but English
    if not (turkic or tr or az or qx) and all(t.isascii() for t in plain):
        forms = sum(1 for t in plain if t not in _EN_STOP and _EN_FORM_RE.search(t))
        enough = en + forms >= 2 and ((en + forms) * 3 >= n or (en and forms >= 2))
        bare_ascii = not any(t in _OTHER_STOP for t in plain)
        if enough and bare_ascii:
            return "en", f"{en} English function word(s), {forms} English word form(s)"
    # Statistics are trained on running text: a title in capitals ("TÜRKİYE EKONOMİSİ", Turkish
    # journals set them so) reads as English to langdetect until it is lowercased.
    probe = text.replace("İ", "i").lower() if _mostly_capitals(text) else text
    probs = _langdetect_probs(probe) if stats == "langdetect" else _lingua_probs(probe)
    if not probs:
        return "", f"{stats} found no features"
    lang, p = probs[0]
    if lang == "tr" and qx:
        return "az", f"{stats} tr {p:.2f} but q/x in Turkish-looking words"
    if en and lang != "en" and en >= n / 3:
        return "en", f"{en} English function word(s); {stats} {lang} {p:.2f}"
    if bare_ascii and n <= 5 and lang not in ("en", "tr") and stats == "langdetect":
        # A few plain ASCII words with no accent and no function word of another language, in
        # lists citing English, Turkish and Azerbaijani: langdetect's Spanish or Dutch for
        # "Corpus design criteria" is noise. Only English and Turkish typed without its
        # letters ("Turk Dis Politikasi") are taken from it, at any probability.
        near = [(code, q) for code, q in probs if code in ("en", "tr")]
        if not near:
            return "", f"langdetect unsure (short ASCII title; {lang} {p:.2f})"
        code, q = near[0]
        return code, f"langdetect {code} {q:.2f} (short ASCII title: en/tr only)"
    if p < 0.5:
        return "", f"{stats} unsure ({lang} {p:.2f})"
    return lang, f"{stats} {lang} {p:.2f}"


# --------------------------------------------------------------------------------------------
# Look-alikes (Unicode TR39 confusables through confusable-homoglyphs)
# --------------------------------------------------------------------------------------------

# The Cyrillic letters of the Russian alphabet: "intended" Cyrillic must be one of them, so "S"
# (→ Macedonian Ѕ) or "I" (→ Ukrainian І) never turn an English acronym into a finding.
_RUSSIAN = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
_ROMAN_RE = re.compile(r"[IVXLCDM]+")
_TOKEN_RE = re.compile(r"[^\W_]+")
# Words that can be look-alikes, by the script of the running text (anchored at word starts with
# a lazy look-ahead: one pass per word, no backtracking inside it).
_HAS_LATIN_WORD_RE = re.compile(r"(?<![^\W_])(?=[^\W_]*?" + _LATIN_CHARS.pattern + r")[^\W_]+")
_HAS_CYRILLIC_WORD_RE = re.compile(r"(?<![^\W_])(?=[^\W_]*?" + _CYR_CHARS.pattern + r")[^\W_]+")


@functools.lru_cache(maxsize=1)
def _confusable_maps() -> tuple[dict[str, str], dict[str, str]]:
    """Latin→Cyrillic and Cyrillic→Latin single-letter homoglyphs from the TR39 data.

    The maps are generated from the confusable-homoglyphs package into ``refcheck/_confusables.py``
    (``scripts/gen_confusables.py``; a test keeps them equal to the package's data), because
    loading the package's full JSON data would cost ~0.2 s of start-up on every run.
    """
    from refcheck._confusables import CYRILLIC_TO_LATIN, LATIN_TO_CYRILLIC

    cyr2lat = dict(CYRILLIC_TO_LATIN)
    # TR39's prototype for "I"-like letters is "l"; the intended letter in a name is "I"/"i".
    for cyr, lat in (("І", "I"), ("Ӏ", "I"), ("ӏ", "i"), ("і", "i")):
        cyr2lat[cyr] = lat
    return dict(LATIN_TO_CYRILLIC), cyr2lat


def _context_script(text: str) -> Script:
    """The script of the running text around a word, URLs and Latin boilerplate aside."""
    counts = _script_counts(_drop_urls(text))
    cyr = counts.get(Script.CYRILLIC, 0)
    lat = counts.get(Script.LATIN, 0)
    if cyr >= 12 and cyr >= 0.4 * (cyr + lat):
        return Script.CYRILLIC
    if lat and lat >= cyr:
        return Script.LATIN
    return Script.CYRILLIC if cyr else Script.NONE


def find_lookalikes(
    text: str, offset: int = 0, context: str | None = None
) -> tuple[Lookalike, ...]:
    """Words that mix scripts, or are spelt in one script to imitate a word of the other.

    Mixed: "Аliyev" with a Cyrillic А → intended "Aliyev" (the minority letters swapped).
    Whole-script: an all-uppercase Latin word whose every letter has a Russian-alphabet
    homoglyph ("TACC") inside Cyrillic running text → intended "ТАСС"; and the reverse, a
    Cyrillic word of Latin look-alikes in Latin text. Digits are allowed ("ТВ2"); Roman
    numerals, any word with a letter lacking a homoglyph ("NATO", "OSCE", "MIT") and a Latin
    name the entry's own URL spells (BBC at bbc.com) are not flagged. ``context`` is the text
    whose script decides (defaults to ``text``); spans are ``offset`` + position in ``text``.
    """
    if context is None and not _has_cyrillic(text):
        return ()  # no Cyrillic letter at all: no mixed word and no Cyrillic context
    lat2cyr, cyr2lat = _confusable_maps()
    ctx_script = _context_script(text if context is None else context)
    if ctx_script is not Script.CYRILLIC and not _has_cyrillic(text):
        return ()  # Latin running text and no Cyrillic letter: nothing can be a look-alike
    cyr_ctx = ctx_script is Script.CYRILLIC
    urls: str | None = None
    found: list[Lookalike] = []
    # In Cyrillic text only words with a Latin letter can be look-alikes (mixed, or Latin
    # capitals imitating Cyrillic); in Latin text only words with a Cyrillic letter.
    candidates = _HAS_LATIN_WORD_RE if cyr_ctx else _HAS_CYRILLIC_WORD_RE
    for m in candidates.finditer(text):
        w = m.group(0)
        if w.isascii():  # plain Latin (or digits): suspicious only as capitals in Cyrillic text
            if not w.isupper():
                continue
            has_cyr, has_lat = False, True
        elif cyr_ctx:
            has_lat = True
            has_cyr = _has_cyrillic(w)
        else:
            has_cyr = True
            has_lat = _LATIN_CHARS.search(w) is not None
        if has_cyr and has_lat:
            letters = [c for c in w if c.isalpha()]
            scripts = [_char_script(c) for c in letters]
            n_cyr = scripts.count(Script.CYRILLIC)
            n_lat = scripts.count(Script.LATIN)
            if n_lat > n_cyr or (n_lat == n_cyr and ctx_script is Script.LATIN):
                target, table = Script.LATIN, cyr2lat
            else:
                target, table = Script.CYRILLIC, lat2cyr
            intended = "".join(
                table.get(c, c) if _char_script(c) not in (target, Script.NONE) else c for c in w
            )
            found.append(Lookalike(w, Span(offset + m.start(), offset + m.end()), intended, target))
            continue
        if not w.isupper():
            continue
        letters = [c for c in w if c.isalpha()]
        if len(letters) < 2:
            continue
        if has_lat and cyr_ctx:
            if _ROMAN_RE.fullmatch(w):
                continue
            if all(lat2cyr.get(c, "") in _RUSSIAN for c in letters):
                intended = "".join(lat2cyr.get(c, c) for c in w)
                # the entry's own URL settles it: bbc.com keeps "BBC" Latin, tass.ru makes
                # "TACC" a disguised "ТАСС"
                if urls is None:
                    urls = " ".join(_URL_RE.findall(text if context is None else context)).lower()
                if urls and w.lower() in urls and romanise(intended).lower() not in urls:
                    continue
                span = Span(offset + m.start(), offset + m.end())
                found.append(Lookalike(w, span, intended, Script.CYRILLIC))
        elif has_cyr and not cyr_ctx and all(c in cyr2lat for c in letters):
            intended = "".join(cyr2lat.get(c, c) for c in w)
            span = Span(offset + m.start(), offset + m.end())
            found.append(Lookalike(w, span, intended, Script.LATIN))
    return tuple(found)


def fix_lookalikes(text: str, context: str | None = None) -> str:
    """``text`` with each look-alike word replaced by its intended spelling."""
    out = text
    for lk in reversed(find_lookalikes(text, 0, context)):
        out = out[: lk.span.start] + lk.intended + out[lk.span.end :]
    return out


# --------------------------------------------------------------------------------------------
# Collation
# --------------------------------------------------------------------------------------------

_ALPHABET = "aàbcçdeəfgğhıijklmnoöpqrsştuüvwxyz"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
_RANK.pop("à")
_TURKIC_HINT = frozenset("ğşıİəƏĞŞ")
_TURKIC_HINT_RE = re.compile("[" + "".join(sorted(_TURKIC_HINT)) + "]")
_SEP = "\x01"


def _letter_weight(ch: str) -> str:
    if not ch.isalnum():
        return ""
    if ch.isdigit():
        return chr(0x30 + int(ch)) if ch.isascii() else ch
    r = _RANK.get(ch)
    if r is None:
        base = _fold_char(ch)
        if len(base) == 1 and base in _RANK:
            r = _RANK[base]
        elif base and base != " " and base.isascii():
            return "".join(_letter_weight(b) for b in base)
        else:
            return chr(0x400 + ord(ch)) if ch.isalpha() else ""
    return chr(0x41 + r)  # ASCII weights (A…b) so ASCII keys can take a bytes fast path


class _Weights(dict[int, str]):
    """``str.translate`` table filled on first sight of each character (C-speed afterwards)."""

    def __missing__(self, key: int) -> str:
        w = _letter_weight(chr(key))
        self[key] = w
        return w


_WEIGHTS = _Weights()
_ASCII_NON_ALNUM = bytes(b for b in range(128) if not chr(b).isalnum())
_ASCII_WEIGHTS = bytes(
    ord(_letter_weight(chr(b).lower()) or " ") if b < 128 and chr(b).isalnum() else b
    for b in range(256)
)


@functools.lru_cache(maxsize=8192)
def collation_key(s: str, turkic: bool | None = None) -> str:
    """APA letter-by-letter sort key for one element (a surname, an initials string, a title).

    Spaces, capitals, hyphens, apostrophes and periods are ignored and "nothing precedes
    something" holds (Brown < Browning). Turkish/Azerbaijani letters sort after their base
    (C < Ç, G < Ğ, O < Ö, S < Ş, U < Ü, E < Ə) and dotless ı before i; other accents are
    ignored. Capital "I" is read as dotless only in Turkic text (``turkic``, or auto: the string
    has ğ ş ı İ ə). Cyrillic sorts by its ALA-LC romanisation. Compose several elements with
    ``"\\x01".join(...)`` so an earlier element ends before any letter of a longer one.
    """
    if s.isascii() and not turkic:  # most names and titles: one 256-byte table in C
        return s.encode("ascii").translate(_ASCII_WEIGHTS, _ASCII_NON_ALNUM).decode("ascii")
    s = nfc(s)
    if _has_cyrillic(s):
        s = romanise(s, "ala-lc")
    if turkic is None:
        turkic = _TURKIC_HINT_RE.search(s) is not None
    low = tr_lower(s) if turkic else s.replace("İ", "i").lower()
    return low.replace("i\u0307", "i").translate(_WEIGHTS)


# --------------------------------------------------------------------------------------------
# References
# --------------------------------------------------------------------------------------------

_ARTICLES = ("the ", "a ", "an ")


def _agent_family(a: Agent) -> str:
    if isinstance(a, Person):
        return f"{a.particle} {a.family}".strip()
    return a.name


def _initials(given: str) -> str:
    parts = re.split(r"[\s.]+", given.strip())
    out: list[str] = []
    for p in parts:
        if not p:
            continue
        sub = [q for q in p.split("-") if q]
        out.append("-".join(f"{q[0]}." for q in sub))
    return " ".join(out)


def _romanised_agent(a: Agent, scheme: str) -> str:
    if isinstance(a, Organization):
        return romanise(a.name, scheme)
    fam = romanise(f"{a.particle} {a.family}".strip(), scheme)
    given = romanise(_initials(a.given) if a.given else "", scheme)
    out = f"{fam}, {given}" if given else fam
    return f"{out}, {a.suffix}" if a.suffix else out


def _apa_author_list(names: Sequence[str]) -> str:
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _sort_key(ref: Reference) -> str:
    parts: list[str] = []
    for a in ref.authors:
        if isinstance(a, Person):
            parts.append(collation_key(_agent_family(a)) + _SEP + collation_key(a.given))
        else:
            name = a.name
            if name.lower().startswith(_ARTICLES):
                name = name.split(" ", 1)[1]
            parts.append(collation_key(name))
    title = ref.title
    if title.lower().startswith(_ARTICLES):
        title = title.split(" ", 1)[1]
    head = ("\x02".join(parts)) if parts else collation_key(title)
    if ref.no_date or ref.year is None:
        year = "0000"
    elif ref.in_press:
        year = "9999"
    else:
        year = f"{ref.year:04d}"
    return f"{head}\x03{year}{ref.year_suffix}\x03{collation_key(title)}"


def _field_of(word: str, ref: Reference) -> str:
    fields = (
        ("author", " ".join(_agent_family(a) for a in ref.authors)),
        ("title", ref.title),
        ("container_title", ref.container_title),
        ("publisher", ref.publisher),
        ("url", ref.url),
    )
    for name, value in fields:
        if value and word in value:
            return name
    return ""


def _lookalikes_for(ref: Reference, text: str | None) -> tuple[Lookalike, ...]:
    if text is not None and ref.span.end <= len(text):
        region = text[ref.span.start : ref.span.end]
    else:
        region = ref.raw
    found = find_lookalikes(region, ref.span.start)
    return tuple(replace(lk, field=_field_of(lk.text, ref)) for lk in found)


def _language_text(ref: Reference) -> str:
    if ref.title:
        return ref.title
    return _drop_urls(ref.raw)


def _apply_fixes(s: str, fixes: dict[str, str]) -> str:
    """Replace whole look-alike words ("TACC" → "ТАСС") so romanisation reads them right."""
    if not fixes or not s:
        return s
    # only the words to fix are visited: a pattern of them, bounded like _TOKEN_RE's words
    words = "|".join(sorted(map(re.escape, fixes), key=len, reverse=True))
    return re.sub(rf"(?<![^\W_])(?:{words})(?![^\W_])", lambda m: fixes[m.group(0)], s)


def normalise_reference(
    ref: Reference,
    scheme: str = "ala-lc",
    text: str | None = None,
    language_detector: str = "builtin",
) -> Reference:
    """One reference with ``norm``, ``language`` and ``script`` filled (see the module doc)."""
    key = canonical_scheme(scheme)
    detector = language_detector
    if detector not in LANGUAGE_DETECTORS:
        detector = check_language_detector(detector)
    lang, evidence = detect_language(_language_text(ref), detector)
    field_values = (
        ("author", "; ".join(a.display for a in ref.authors)),
        ("title", ref.title),
        ("container_title", ref.container_title),
        ("publisher", ref.publisher),
    )
    field_scripts = tuple((name, detect_script(v)) for name, v in field_values if v)
    has_cyr = _has_cyrillic(ref.raw)
    authors_rom = title_rom = container_rom = entry_rom = ""
    lookalikes = _lookalikes_for(ref, text)
    if has_cyr:
        fixes = {lk.text: lk.intended for lk in lookalikes}
        authors_rom = _apa_author_list([_romanised_agent(a, key) for a in ref.authors])
        title_rom = romanise(_apply_fixes(ref.title, fixes), key)
        container_rom = romanise(_apply_fixes(ref.container_title, fixes), key)
        entry_rom = romanise(_apply_fixes(ref.raw, fixes), key)
    content = " ".join(v for _, v in field_values if v) or ref.raw
    norm = Normalised(
        author_keys=tuple(name_key(_agent_family(a)) for a in ref.authors),
        title_key=fold_key(ref.title),
        sort_key=_sort_key(ref),
        title_language=lang,
        language_evidence=evidence,
        field_scripts=field_scripts,
        scheme=key,
        romanised_authors=authors_rom,
        romanised_title=title_rom,
        romanised_container=container_rom,
        lookalikes=lookalikes,
        romanised_entry=entry_rom,
        language_detector=detector,
    )
    return _with_norm(ref, norm, lang, dominant_script(content))


_REF_FIELDS = tuple(
    f.name for f in fields(Reference) if f.name not in ("norm", "language", "script")
)


def _with_norm(ref: Reference, norm: Normalised, language: str, script: Script) -> Reference:
    """``dataclasses.replace(ref, norm=…, language=…, script=…)`` at a fifth of the cost.

    ``replace`` rebuilds the keyword arguments and runs the frozen ``__init__`` field by field;
    this stage copies every reference of a list, so the copy is done slot by slot instead. The
    fields of a parsed ``Reference`` are already valid, so nothing is skipped by not re-running
    ``__init__`` (``Reference`` has no ``__post_init__``; a test keeps the two equal).
    """
    new = object.__new__(Reference)
    setattr_ = object.__setattr__
    for name in _REF_FIELDS:
        setattr_(new, name, getattr(ref, name))
    setattr_(new, "norm", norm)
    setattr_(new, "language", language)
    setattr_(new, "script", script)
    return new


def normalise_references(
    refs: Iterable[Reference],
    scheme: str = "ala-lc",
    text: str | None = None,
    language_detector: str = "builtin",
) -> tuple[Reference, ...]:
    """Copies of ``refs`` with ``norm`` filled; ``text`` (Document.text) gives exact spans.

    Without ``text`` look-alike spans are computed inside ``ref.raw`` and are exact only for
    entries without wrapped lines. ``language_detector`` is one of ``LANGUAGE_DETECTORS``.
    """
    canonical_scheme(scheme)
    detector = check_language_detector(language_detector)
    return tuple(normalise_reference(r, scheme, text, detector) for r in refs)
