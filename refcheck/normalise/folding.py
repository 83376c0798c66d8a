"""Casing and folding: Turkish/Azerbaijani case rules and the accent-free matching key.

Why apart: every stage that compares names calls these; they must stay tiny and fast."""

from __future__ import annotations

import functools
import re
import unicodedata

from refcheck.model import Script
from refcheck.normalise.scripts import _WORD_RE, _char_script, _is_cyrillic

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


def tr_title(s: str) -> str:
    """Capitalise each word the Turkish way ("istanbul ılık" → "İstanbul Ilık")."""

    def cap(m: re.Match[str]) -> str:
        w = m.group(0)
        return tr_upper(w[0]) + tr_lower(w[1:])

    return _WORD_RE.sub(cap, nfc(s))


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
