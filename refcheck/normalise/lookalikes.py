"""Look-alike letters: Latin typed for Cyrillic and back (``TACC`` for ``ТАСС``).

Why: a mixed-script word matches nothing; finding it names the defect."""

from __future__ import annotations

import functools
import re

from refcheck.model import (
    Lookalike,
    Script,
    Span,
)
from refcheck.normalise.romanisation import romanise
from refcheck.normalise.scripts import (
    _CYR_CHARS,
    _LATIN_CHARS,
    _URL_RE,
    _char_script,
    _drop_urls,
    _script_counts,
    has_cyrillic,
)

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
    if context is None and not has_cyrillic(text):
        return ()  # no Cyrillic letter at all: no mixed word and no Cyrillic context
    lat2cyr, cyr2lat = _confusable_maps()
    ctx_script = _context_script(text if context is None else context)
    if ctx_script is not Script.CYRILLIC and not has_cyrillic(text):
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
            has_cyr = has_cyrillic(w)
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
