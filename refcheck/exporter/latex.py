"""LaTeX escaping for .bib values, written by hand because the stock codecs are lossy here.

Why not latexcodec (pybtex's writer path): measured, it turns "Çavuşoğlu, Mevlüt" into a last name
``glu`` on the round trip and fails on ə and Cyrillic. So escaping is table-driven and local:

* :func:`escape` makes *any* text inert: every TeX special character (``\\ { } % & # $ _ ^ ~``)
  becomes a text command or an escaped character, so a manuscript title such as
  ``\\input{/etc/passwd}`` or ``\\write18{rm -rf ~}`` comes out as literal text, never live LaTeX,
  and unbalanced braces cannot break an entry (braces become ``\\textbraceleft{}``, whose own
  braces are balanced; BibTeX counts ``\\{`` as a brace, so that form would not be safe).
* With ``ascii=True`` every non-ASCII letter becomes a 7-bit LaTeX accent command built from its
  Unicode decomposition (``ç`` → ``{\\c{c}}``, ``ğ`` → ``{\\u{g}}``, ``İ`` → ``{\\.I}``), plus a
  small table for letters without a decomposition (``ı`` → ``{\\i}``, ``ə`` → ``{\\textschwa}``).
* :func:`protect_case` additionally wraps capitals that BibTeX/biblatex case changers would lower.

Every pattern used here is linear (a character loop and simple regexes without nested
quantifiers), so 100 KB of adversarial text is escaped in milliseconds.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# TeX special characters → inert text. The trailing ``{}`` ends the control word so a following
# letter cannot extend it (``\textbackslash{}input`` stays text).
SPECIAL: dict[str, str] = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "$": r"\$",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}

# Non-ASCII characters without a usable Unicode decomposition (ASCII mode only).
ASCII_TABLE: dict[str, str] = {
    "ı": r"{\i}",
    "ȷ": r"{\j}",
    "ə": r"{\textschwa}",  # tipa; see docs/export.md
    # no standard command for the capital: refcheck's @preamble defines \textSchwa (T2A's
    # capital schwa glyph when that encoding is loaded), and the argument is the lower-case
    # schwa that decoders which skip unknown macros (pylatexenc, bibtexparser) still read
    "Ə": r"{\textSchwa{\textschwa}}",
    "ß": r"{\ss}",
    "ø": r"{\o}",
    "Ø": r"{\O}",
    "æ": r"{\ae}",
    "Æ": r"{\AE}",
    "œ": r"{\oe}",
    "Œ": r"{\OE}",
    "ł": r"{\l}",
    "Ł": r"{\L}",
    "đ": r"{\dj}",
    "Đ": r"{\DJ}",
    "–": "--",
    "—": "---",
    "‘": r"{\textquoteleft}",
    "’": r"{\textquoteright}",
    "“": r"{\textquotedblleft}",
    "”": r"{\textquotedblright}",
    "«": r"{\guillemotleft}",
    "»": r"{\guillemotright}",
    "…": r"{\ldots}",
    "\u00a0": "~",
    "§": r"{\S}",
    "°": r"{\textdegree}",
    "€": r"{\texteuro}",
    "№": r"{\textnumero}",
}

# Combining mark → accent command. Symbol accents take the letter directly (``{\'a}``), letter
# accents take it in braces (``{\u{g}}``).
ACCENTS: dict[str, str] = {
    "\u0300": "`",
    "\u0301": "'",
    "\u0302": "^",
    "\u0303": "~",
    "\u0304": "=",
    "\u0306": "u",
    "\u0307": ".",
    "\u0308": '"',
    "\u030a": "r",
    "\u030b": "H",
    "\u030c": "v",
    "\u0323": "d",
    "\u0327": "c",
    "\u0328": "k",
    "\u0331": "b",
}
_BELOW = frozenset("\u0323\u0327\u0328\u0331")
TIE = "\u0361"  # combining double inverted breve of ALA-LC "i͡u" → \t{iu}


def _accent(mark: str, inner: str) -> str:
    cmd = ACCENTS[mark]
    if cmd.isalpha():
        return "{\\" + cmd + "{" + inner + "}}"
    return "{\\" + cmd + inner + "}"


@lru_cache(maxsize=4096)
def _ascii_cluster(base: str, marks: str) -> str | None:
    """One base character with its combining marks as 7-bit LaTeX; None when not mappable."""
    if base in ASCII_TABLE and not marks:
        return ASCII_TABLE[base]
    if base in SPECIAL:
        inner = SPECIAL[base]
    elif base.isascii():
        inner = base
    elif base in ASCII_TABLE:
        inner = ASCII_TABLE[base]
    else:
        return None
    if marks and base in "ij" and not (set(marks) & _BELOW):
        inner = "\\" + base  # dotless i/j under an accent above, as LaTeX expects
    for m in marks:
        if m not in ACCENTS:
            return None
        inner = _accent(m, inner)
    return inner


def _fallback(ch: str) -> str:
    """Last resort for a character with no 7-bit form: an ASCII transliteration (lossy)."""
    from unidecode import unidecode

    return "".join(SPECIAL.get(c, c) for c in unidecode(ch))


def _clusters(text: str) -> list[tuple[str, str]]:
    """Split NFD text into (base, combining marks) pairs."""
    out: list[tuple[str, str]] = []
    for ch in unicodedata.normalize("NFD", text):
        if out and unicodedata.combining(ch):
            base, marks = out[-1]
            out[-1] = (base, marks + ch)
        else:
            out.append((ch, ""))
    return out


# En and em dashes become placeholders first, so that runs of hyphens and dashes can be written
# unambiguously at the end ("-–" must not become "---", an em dash).
_EN, _EM = "\ue000", "\ue001"
_DASH_TEXT = {"-": "-", _EN: "--", _EM: "---"}
_DASH_RUN = re.compile("[-\ue000\ue001]{2,}")
_COMBINING = re.compile("[\u0300-\u036f]")
# a letter with its marks, and when a tie is among them the tied letter and its marks too
_MARKED = re.compile(
    "[^\u0300-\u036f]?[\u0300-\u036f]+(?:(?<=\u0361)[^\u0300-\u036f][\u0300-\u036f]*)?"
)
_UTF8_TABLE = {ord(k): v for k, v in SPECIAL.items()}
_UTF8_HYPHENS = re.compile(r"-(?=-)")


class _AsciiTable(dict[int, str]):
    """``str.translate`` table filled on first sight of each character; remembers lossy ones."""

    def __init__(self) -> None:
        super().__init__()
        self.lossy: set[str] = set()

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        value: str | None
        if ch == "–":
            value = _EN
        elif ch == "—":
            value = _EM
        elif ch in (_LB, _RB):
            value = ch  # protect_case's brace placeholders pass through
        elif ch in (_EN, _EM):
            value = ""  # private-use code points of our own: no 7-bit form
            self.lossy.add(ch)
        elif ch in SPECIAL:
            value = SPECIAL[ch]
        elif code < 128:
            value = ch
        else:
            clusters = _clusters(ch)
            value = _ascii_cluster(*clusters[0]) if len(clusters) == 1 else None
            if value is None:
                value = _fallback(ch)
                self.lossy.add(ch)
        self[code] = value
        return value


_ASCII = _AsciiTable()


def _dashes(text: str) -> str:
    """Write placeholder dashes; adjacent hyphens/dashes are separated by ``{}``."""
    if _EN not in text and _EM not in text and "--" not in text:
        return text
    text = _DASH_RUN.sub(lambda m: "{}".join(_DASH_TEXT[c] for c in m.group()), text)
    return text.replace(_EN, "--").replace(_EM, "---")


# TeX input ligatures other than dashes: '' `` << >> ,, !` ?` would print as ” “ « » „ ¡ ¿
_LIGATURE = re.compile(r"'(?=')|`(?=`)|<(?=<)|>(?=>)|,(?=,)|[!?](?=`)")


def _ligatures(text: str) -> str:
    """Break TeX's quote/guillemet ligatures with ``{}`` so the characters print as written."""
    if _LIGATURE.search(text) is None:  # one C-level scan: the common case
        return text
    return _LIGATURE.sub(lambda m: m.group() + "{}", text)


def _escape_ascii_slow(text: str) -> str:
    """Text with combining marks NFC cannot absorb (ALA-LC's tie in "i͡u"): cluster by cluster."""
    parts: list[str] = []
    clusters = _clusters(text)
    i = 0
    while i < len(clusters):
        base, marks = clusters[i]
        if TIE in marks and i + 1 < len(clusters):
            first = _ascii_cluster(base, marks.replace(TIE, ""))
            second = _ascii_cluster(*clusters[i + 1])
            if first is not None and second is not None:
                parts.append("{\\t{" + first + second + "}}")
                i += 2
                continue
        if not marks:
            parts.append(_ASCII[ord(base)])
        else:
            enc = _ascii_cluster(base, marks)
            if enc is None:
                ch = unicodedata.normalize("NFC", base + marks)
                enc = _fallback(ch)
                _ASCII.lossy.add(ch)
            parts.append(enc)
        i += 1
    return "".join(parts)


# Everything :func:`escape` changes in ASCII text: TeX specials, "--" and the ligature pairs. Text
# without any of them comes back as it is, found by one C-level scan: ``str.translate`` with a
# dict costs a lookup per character, and most fields (names, journals, titles) need nothing.
_NEEDS_ESCAPE = re.compile(r"[\\{}%&#$_^~]|--|''|``|<<|>>|,,|[!?]`")


def escape(text: str, *, ascii: bool = False) -> str:
    """Text → inert LaTeX. ``ascii=True`` also turns every non-ASCII letter into 7-bit LaTeX.

    Linear: one ``str.translate`` pass plus two regexes without nested quantifiers.
    """
    if _LB in text or _RB in text:
        # a manuscript's own U+E002/U+E003 must not pass as protect_case's brace placeholders
        # (they would reach a 7-bit file raw): they become U+FFFD like any unknown character
        text = text.translate(_NO_PLACEHOLDERS)
    return _escape(text, ascii)


def _escape(text: str, ascii: bool) -> str:
    """:func:`escape` for text whose placeholders, if any, are protect_case's own."""
    if (not ascii or text.isascii()) and _NEEDS_ESCAPE.search(text) is None:
        return text
    if not ascii:
        out = text.translate(_UTF8_TABLE)
        # "--" in the text stays two hyphens, not an en dash ligature
        return _ligatures(_UTF8_HYPHENS.sub("-{}", out) if "--" in out else out)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        if _COMBINING.search(text):
            # only the letters carrying marks NFC could not absorb take the cluster path
            parts: list[str] = []
            pos = 0
            for m in _MARKED.finditer(text):
                parts.append(text[pos : m.start()].translate(_ASCII))
                parts.append(_escape_ascii_slow(m.group()))
                pos = m.end()
            parts.append(text[pos:].translate(_ASCII))
            return _ligatures(_dashes("".join(parts)))
    return _ligatures(_dashes(text.translate(_ASCII)))


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def unmappable(text: str) -> str:
    """The characters :func:`escape` with ``ascii=True`` can only transliterate (lossy)."""
    if text.isascii():
        return ""
    text = unicodedata.normalize("NFC", text)
    chars = dict.fromkeys(_NON_ASCII.findall(text))  # each distinct one once, in text order
    for c in chars:
        _ASCII[ord(c)]  # fills the table and its record of lossy characters
    lossy = _ASCII.lossy
    # combining marks are judged with their letter by the cluster path (the tie of "i͡u" is fine)
    return "".join(c for c in chars if c in lossy and not unicodedata.combining(c))


_WORD = re.compile(r"\S+")
_LETTER = re.compile(r"[^\W\d_]")
# Protective braces travel through :func:`escape` as private-use placeholders, so a title is
# escaped in one pass; the same code points in the input are replaced first.
_LB, _RB = "\ue002", "\ue003"
_NO_PLACEHOLDERS = {ord(_LB): "\ufffd", ord(_RB): "\ufffd"}


def _not_upper_ranges(limit: int = 0x530) -> str:
    """Regex class body: the code points below ``limit`` (Latin, Greek, Cyrillic) not upper case.

    Computed from this Python's Unicode data at import, so it cannot disagree with ``str.isupper``.
    """
    ranges: list[tuple[int, int]] = []
    for cp in range(limit):
        if chr(cp).isupper():
            continue
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    return "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)


# A word (``\S+``) holding a character that may be a capital: every character outside the
# ranges above counts as one, so this finds a superset of the words with an upper-case letter,
# which are the only words :func:`_protect_word` changes; the other words skip the Python loop.
# Linear: the lazy prefix only starts at a word start (the lookbehind) and stops at its end.
_MAYBE_CAPITALISED = re.compile(r"(?<!\S)\S*?[^\s" + _not_upper_ranges() + r"]\S*")


def _mark_end(word: str, end: int) -> int:
    """Extend past combining marks; across a tie ("I͡U") include the tied letter as well."""
    start = end
    while end < len(word) and unicodedata.combining(word[end]):
        end += 1
    if TIE in word[start:end] and end < len(word):
        return _mark_end(word, end + 1)
    return end


@lru_cache(maxsize=16384)
def _protect_word(word: str, first: bool) -> str:
    """The word with placeholder braces where a case changer must not touch it.

    A word without an upper-case letter comes back unchanged (callers rely on this to skip it).
    Cached: the capitalised words of a reference list repeat (names of countries, people,
    institutions, acronyms), and the decision depends on the word alone.
    """
    m = _LETTER.search(word)
    if m is None:
        return word
    k = m.start()
    rest = word[k + 1 :]
    if word[k].isupper() and (rest.islower() or not rest or not any(c.isupper() for c in rest)):
        uppers = 1  # the common case, "Türkiye": decided without counting
    else:
        # a letter tied to the previous one ("T͡S" of ALA-LC "Ц") is part of that letter
        uppers = sum(1 for i, c in enumerate(word) if c.isupper() and word[i - 1 : i] != TIE)
    if uppers >= 2 or (uppers == 1 and not word[k].isupper()):
        # acronym or inner capital ("NATO", "TB2", "iPhone"): protect the word without the
        # punctuation around it ("TRT" of '"TRT', "QA-94" of "QA-94,")
        end = len(word)
        while end > k and not word[end - 1].isalnum() and not unicodedata.combining(word[end - 1]):
            end -= 1
        return word[:k] + _LB + word[k:end] + _RB + word[end:]
    if first and k > 0 and uppers == 1 and word[k].isupper():
        # a title opening with a quote or bracket ("“It was …"): the styles keep the first
        # *character* (the quote), so the capital after it must be braced
        end = _mark_end(word, k + 1)
        return word[:k] + _LB + word[k:end] + _RB + word[end:]
    if first or uppers == 0:
        return word
    # a capitalised word after the first: protect its capital only ("{T}ürkiye")
    end = k + 1
    if rest and unicodedata.combining(rest[0]):
        end = _mark_end(word, end)
    return word[:k] + _LB + word[k:end] + _RB + word[end:]


def protect_case(text: str, *, ascii: bool = False) -> str:
    """Escape a title and brace the capitals a BibTeX style or ``\\MakeSentenceCase`` would lower.

    Policy (documented in docs/export.md): titles are stored as written (APA sentence case), so
    every capital the author wrote is deliberate: acronyms and words with inner capitals are
    braced whole (``{NATO}``), other capitalised words after the first get their capital braced
    (``{T}ürkiye``), the first word is left alone unless it is an acronym.
    """
    if text.islower():
        return escape(text, ascii=ascii)
    if _LB in text or _RB in text:
        text = text.translate(_NO_PLACEHOLDERS)
    first_word = _WORD.search(text)
    first_at = first_word.start() if first_word is not None else -1

    def protect(m: re.Match[str]) -> str:
        return _protect_word(m.group(), m.start() == first_at)

    marked = _MAYBE_CAPITALISED.sub(protect, text)
    if _LB not in marked:  # every protection inserts both braces
        return escape(text, ascii=ascii)  # nothing protected: no placeholder to turn into braces
    return _escape(marked, ascii).replace(_LB, "{").replace(_RB, "}")


_OPENERS = frozenset("([{‘“«—–-/")


def smart_quotes(text: str) -> str:
    """Straight quotes → typographic ones, as a typesetter would set them.

    TeX prints ``"`` as a closing quote wherever it stands (”Парад победителей”), so a quotation
    in a title needs its opening mark. ``"`` opens after a space, bracket or dash and closes
    otherwise; ``'`` opens the same way (but not before a digit: ``’09``), stays an apostrophe
    between letters (``Denizi'nden``) and closes elsewhere.
    """
    if '"' not in text and "'" not in text:
        return text
    out: list[str] = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        if ch == '"':
            prev = text[i - 1] if i else " "
            out.append("“" if prev.isspace() or prev in _OPENERS else "”")
        elif ch == "'":
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i < last else " "
            if prev.isalnum() and nxt.isalnum():
                out.append("'")
            elif (prev.isspace() or prev in _OPENERS) and not nxt.isspace() and not nxt.isdigit():
                out.append("‘")
            else:
                out.append("’")
        else:
            out.append(ch)
    return "".join(out)


_DASHES = re.compile(r"\s*[-‐‑‒–—]+\s*")


def pages(text: str, *, ascii: bool = False) -> str:
    """Page range for BibTeX: any dash between numbers becomes ``--``."""
    parts = _DASHES.split(text)
    return "--".join(escape(p, ascii=ascii) for p in parts)
