"""Romanisation of Cyrillic (Russian, Ukrainian, Kazakh, Azerbaijani Cyrillic), the scheme a
romanised text follows, and the name keys built on both.

Why apart: APA asks for romanised entries, and matching needs every scheme an author may
have used."""

from __future__ import annotations

import functools
import re
from typing import Any

from refcheck.normalise.folding import fold_key, nfc, tr_lower, tr_upper
from refcheck.normalise.scripts import _is_cyrillic, has_cyrillic

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
# a word with two Cyrillic capitals ("МИД", "ТАСС", "РФ"); most words have one or none
_CAPS_RUN_RE = re.compile(r"[\u0400-\u042f]{2}")  # two Cyrillic capitals in a row
_CYR_WORD_RE = re.compile(r"[^\W_]+")
# Roman numerals ("XI–XVI. Yüzyıllar") are not the x of Azerbaijani words
_ROMAN_LOW_RE = re.compile(r"[ivxlcdm]+$")
# LC's tie bars (i͡a, i︠a︡) join two letters of one Cyrillic letter; as combining marks they are
# not word characters, so they would cut "istoricheska︠i︡a" into three words
_TIE_RE = re.compile("[\u0361\ufe20-\ufe23]")


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
    if not has_cyrillic(s):
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
    if not has_cyrillic(s):
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
        if not has_cyrillic(w):
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
    if has_cyrillic(name):
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
