"""The language of a title or an entry: rules for en/tr/az/ru first, langdetect or lingua
after.

Why rules first: langdetect has no Azerbaijani and reads short titles poorly."""

from __future__ import annotations

import functools
import importlib.util
import re
import unicodedata
from typing import Any

from refcheck.errors import ConfigError
from refcheck.model import Script
from refcheck.normalise.folding import nfc, tr_lower
from refcheck.normalise.romanisation import (
    _AZ_CYRL_MARKS,
    _AZ_KK_SHARED,
    _KK_MARKS,
    _ROMAN_LOW_RE,
    _TIE_RE,
    _UK_MARKS,
    _cyrillic_language,
)
from refcheck.normalise.scripts import _OUTSIDE_SIMPLE, _SIMPLE_CYRILLIC, _drop_urls, _script_counts

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
    if not (turkic or tr or az) and all(t.isascii() for t in plain):
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
