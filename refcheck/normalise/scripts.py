"""Which script a string is written in (Latin, Cyrillic, mixed), counted fast.

Why apart: the romaniser, the language detector and the look-alike finder all ask it first."""

from __future__ import annotations

import functools
import re
import unicodedata

from refcheck.model import Script

# --------------------------------------------------------------------------------------------
# Scripts
# --------------------------------------------------------------------------------------------

_WORD_RE = re.compile(r"[^\W\d_]+")


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


def has_cyrillic(s: str) -> bool:
    """Whether ``s`` has a Cyrillic letter (any Cyrillic block): the one test every stage asks."""
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
