"""Sort keys for reference lists mixing Turkish, Azerbaijani and other Latin alphabets.

Why: APA orders by the letters of the author's alphabet, not by code points."""

from __future__ import annotations

import functools
import re

from refcheck.normalise.folding import _fold_char, nfc, tr_lower
from refcheck.normalise.romanisation import romanise
from refcheck.normalise.scripts import has_cyrillic

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
    if has_cyrillic(s):
        s = romanise(s, "ala-lc")
    if turkic is None:
        turkic = _TURKIC_HINT_RE.search(s) is not None
    low = tr_lower(s) if turkic else s.replace("İ", "i").lower()
    return low.replace("i\u0307", "i").translate(_WEIGHTS)
