"""Deterministic citation keys (``turan2025ankara``) and the romanisation the exporters share.

A key is ASCII only: first author's family name (or the first significant word of a group
author), the year plus the entry's year letter, and the first significant title word, all folded
the Turkish/Azerbaijani way (``Çavuşoğlu`` → ``cavusoglu``, ``Əliyev`` → ``eliyev``, never
``@liyev`` as plain ``unidecode`` gives) and romanised for Cyrillic with the configured scheme.
Collisions get ``a``, ``b``, ``c`` … in list order, so the same list always yields the same keys.
"""

from __future__ import annotations

import functools
import importlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence

from refcheck.model import Organization, Person, Reference
from refcheck.normalise.scripts import has_cyrillic

# Letters unidecode gets wrong for keys (ə → "@") or that must not pick up a dot (İ).
_FOLD = str.maketrans(
    {
        "ə": "e",
        "Ə": "e",
        "ı": "i",
        "İ": "i",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "ł": "l",
        "đ": "d",
    }
)
MAX_PART = 20  # longest author or title part of a key: hostile "names" must not make huge keys
_NON_KEY = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"\S+")

# Words skipped when picking the title word: English articles, Turkish/Azerbaijani "bir"; words
# of one letter (Russian "в", "с", "к" …) are skipped too.
STOPWORDS = frozenset({"a", "an", "the", "bir"})
# Words skipped when picking the leading word of a group author ("The Republic of ...").
ORG_STOPWORDS = frozenset({"the", "of", "and"})


def _iuliia_romaniser(scheme: str) -> Callable[[str], str] | None:
    try:
        import iuliia
    except ImportError:  # pragma: no cover - iuliia is a dependency
        return None
    try:
        sch = iuliia.schemas.get(scheme.replace("-", "_").lower())
    except (ValueError, KeyError):
        return None
    if sch is None:
        return None
    fn: Callable[[str], str] = sch.translate
    return fn


def _stage_romaniser(scheme: str) -> Callable[[str], str] | None:
    """``refcheck.normalise.romanise`` for the scheme, if that stage is importable and works."""
    try:
        mod = importlib.import_module("refcheck.normalise")
        stage: Callable[[str, str], str] = mod.romanise

        def fn(s: str) -> str:
            return str(stage(s, scheme))

        fn("тест")
    except Exception:  # stage not written yet, or it rejects the scheme: use the fallback
        return None
    return fn


_ROMANISERS: dict[str, Callable[[str], str]] = {}


def romanise(text: str, scheme: str = "ala-lc") -> str:
    """Cyrillic → Latin with the named scheme; text without Cyrillic comes back unchanged.

    Uses ``refcheck.normalise.romanise`` when that stage is importable (one romanisation for the
    whole tool), else iuliia's scheme of the same name; an unknown scheme is an ``ExportError``.
    """
    if not scheme or text.isascii() or not has_cyrillic(text):
        return text  # scheme "": the original script is wanted (--script original)
    return _romanise_cached(text, scheme)


@functools.lru_cache(maxsize=32768)
def _romanise_cached(text: str, scheme: str) -> str:
    # an export romanises each title and name twice (key and field): remember the last ones
    return romaniser(scheme)(text)


def romaniser(scheme: str) -> Callable[[str], str]:
    """The Cyrillic → Latin function for a scheme; an unknown scheme is an ``ExportError``."""
    fn = _ROMANISERS.get(scheme)
    if fn is None:
        fn = _stage_romaniser(scheme) or _iuliia_romaniser(scheme)
        if fn is None:
            from refcheck.errors import ExportError

            try:
                from refcheck.normalise import SCHEMES as known
            except ImportError:  # pragma: no cover - the stage is part of the package
                known = ("ala-lc",)
            raise ExportError(
                f"unknown transliteration scheme {scheme!r} (expected one of: {', '.join(known)})"
            )
        _ROMANISERS[scheme] = fn
    return fn


SCRIPTS = ("romanised", "original")


def check_script(script: str) -> str:
    """``romanised`` (APA's default: non-Latin entries transliterated) or ``original``."""
    if script not in SCRIPTS:
        from refcheck.errors import ExportError

        raise ExportError(f"unknown script {script!r} (expected one of: {', '.join(SCRIPTS)})")
    return script


def title_forms(ref: Reference, scheme: str = "ala-lc") -> tuple[str, str]:
    """(romanised title, original-script title) of a Cyrillic title; (title, "") otherwise.

    The normalise stage's romanisation is used when it was made with the same scheme (it fixes
    look-alike letters first), else the title is romanised here.
    """
    if not has_cyrillic(ref.title):
        return ref.title, ""
    roman = ""
    if ref.norm is not None and ref.norm.romanised_title and ref.norm.scheme in ("", scheme):
        roman = ref.norm.romanised_title
    return roman or romanise(ref.title, scheme), ref.title


# A statistical detector's guess on a title shorter than this, or below this probability, is not
# written: a wrong langid switches hyphenation and biblatex-apa's sentence casing (which only
# runs for English) for the entry, while a missing one only means the document's language.
MIN_GUESS_WORDS = 4
MIN_GUESS_PROBABILITY = 0.9
_PROBABILITY = re.compile(r"\b(?:langdetect|lingua) [a-z]{2} (\d\.\d+)")

def trusted_language(ref: Reference) -> str:
    """The entry's language when it is reliable enough to switch a renderer's behaviour.

    The parser's language and the normaliser's letter- or word-based verdicts are kept; a
    statistical guess (langdetect, lingua) only for a title of MIN_GUESS_WORDS words or more
    at MIN_GUESS_PROBABILITY.
    """
    if ref.language or ref.norm is None:
        return ref.language
    lang, evidence = ref.norm.title_language, ref.norm.language_evidence
    m = _PROBABILITY.search(evidence)
    weak = lang and m is not None and "function word" not in evidence
    if weak and m is not None:
        too_short = len(ref.title.split()) < MIN_GUESS_WORDS
        if too_short or float(m.group(1)) < MIN_GUESS_PROBABILITY:
            return ""
    return lang


def language_of(ref: Reference) -> str:
    """The entry's ISO 639-1 language: the parser's, else the normalise stage's guess."""
    if ref.language:
        return ref.language
    return ref.norm.title_language if ref.norm is not None else ""


@functools.lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower-case ASCII a-z0-9 only, Turkish/Azerbaijani-aware.

    Cached: keys fold the same family names and title words again and again.
    """
    if not text.isascii():
        text = text.translate(_FOLD)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        if not text.isascii():
            from unidecode import unidecode

            text = unidecode(text)
    return _NON_KEY.sub("", text.lower())


def _first_word(text: str, stop: frozenset[str]) -> str:
    for m in _WORD.finditer(text):
        w = fold(m.group())
        if len(w) > 1 and w not in stop and any(c.isalpha() for c in w):
            return w
    return ""


def author_part(ref: Reference, scheme: str = "ala-lc") -> str:
    """Folded family name (or group author's first significant word) of the first author."""
    agents = ref.lead_agents
    if not agents:
        return ""
    a = agents[0]
    if isinstance(a, Person):
        fam = romanise(a.family, scheme)
        return (fold(fam) or fold(romanise(a.given, scheme)))[:MAX_PART]
    assert isinstance(a, Organization)
    return _first_word(romanise(a.name, scheme), ORG_STOPWORDS)[:MAX_PART]


# a .bib key BibTeX and biber accept as written (no spaces, braces, commas, quotes, # % ~ \\)
_KEY_OK = re.compile(r"[^\s{}(),=\"#%'~\\]{1,200}")


def base_key(ref: Reference, scheme: str = "ala-lc") -> str:
    """The key before collision suffixes: author + year(+letter) + first title word."""
    author = author_part(ref, scheme)
    if not author and not ref.title:
        # an unparsed entry: its first word is the best handle a reader has on it
        author = _first_word(romanise(ref.raw, scheme), ORG_STOPWORDS)[:MAX_PART]
    author = author or "anon"
    if ref.year is not None and not ref.in_press:
        year = str(ref.year)
    elif ref.in_press:
        year = "inpress"
    else:
        year = "nd"
    year += fold(ref.year_suffix)
    title = ref.title or ref.container_title
    word = _first_word(romanise(title, scheme), STOPWORDS)[:MAX_PART] if title else ""
    return f"{author}{year}{word}"


def _suffix(n: int) -> str:
    """0 → a, 25 → z, 26 → aa …"""
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(97 + r) + s
    return s


def citation_keys(refs: Sequence[Reference], scheme: str = "ala-lc") -> list[str]:
    """One unique key per reference, in list order; colliding keys all get a, b, c …

    An entry read from a .bib (a LaTeX manuscript) keeps its own key, so the manuscript's
    ``\\cite{key}`` still finds it in the export; generated keys avoid those.
    """
    own = [r.key if r.key and _KEY_OK.fullmatch(r.key) else "" for r in refs]
    own_counts = Counter(k for k in own if k)
    own = [k if k and own_counts[k] == 1 else "" for k in own]
    bases = [k or base_key(r, scheme) for r, k in zip(refs, own, strict=True)]
    counts = Counter(b for b, k in zip(bases, own, strict=True) if not k)
    used: set[str] = {k for k in own if k} | {b for b in bases if counts[b] == 1}
    next_suffix: dict[str, int] = {}
    out: list[str] = []
    for b, k in zip(bases, own, strict=True):
        if k:
            out.append(k)
            continue
        if counts[b] == 1 and b not in own_counts:
            out.append(b)
            continue
        n = next_suffix.get(b, 0)
        while f"{b}{_suffix(n)}" in used:
            n += 1
        key = f"{b}{_suffix(n)}"
        next_suffix[b] = n + 1
        used.add(key)
        out.append(key)
    return out
