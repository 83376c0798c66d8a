"""What one line of a reference list reads like: an entry's start, its end, a continuation,
a list marker, or a line to leave out (page numbers, running headers, footnotes); and how
wrapped lines join.

Every pattern is anchored and bounded, each line is classified once: the splitter stays linear.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from enum import Enum

from refcheck.labels import CITATION_KEY_NAMES, CITATION_KEY_YEAR, NAME_PARTICLES, SOURCE_KEY_HEAD

_DIGIT4 = re.compile(r"\d{4}")
_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)[a-z]?\b|\bn\.\s?d\.|\bin press\b|\(\d{4}")

# List markers: bullets, "1." / "1)" / "(1)" / "[1]", LaTeX \bibitem.
_MARKER = re.compile(
    r"[ \t]*(?:(?P<bullet>[-*•–—▪●◦·‣+])|(?P<num>\d{1,5})[.)]|\((?P<pnum>\d{1,5})\)"
    r"|\[(?P<bnum>\d{1,5})\]|\\bibitem(?:\[[^\]\n]{0,100}\])?\{[^}\n]{0,200}\})[ \t]+(?=\S)"
)
_LATEX_ITEM = re.compile(r"[ \t]*\\bibitem")

# Entry starts. Letters are ``[^\W\d_]`` (any script); every quantifier is bounded or anchored.
_AUTHOR_START = re.compile(
    r"(?P<family>(?:[^\W\d_][\w'’.\-]{0,40}[ \t]){0,3}[^\W\d_][\w'’\-]{0,40}),[ \t]+"
    r"(?P<given>[^\W\d_]{1,3}\.|[^\W\d_][\w'’\-]{1,40}\b)"
)
_VANCOUVER_START = re.compile(
    r"[^\W\d_][\w'’\-]{1,40}(?:[ \t][^\W\d_][\w'’\-]{1,40}){0,2}"
    r"[ \t][A-Z]{1,3}[,.]"
)
# GOST's heading "Фамилия И. О.", "Quliyev R.M.", "Арефьев С. П." (no comma; initials with
# periods, in any script): the surname, then one to three capital initials
_GOST_START = re.compile(
    r"[^\W\d_][\w'’\-]{1,40}[ \t]+(?:[A-ZÀ-ÞА-ЯЁĞŞİÇÖÜƏ]\.[ \t]?-?){1,3}(?=[ \t,]|$)"
)
# a list keyed by its citations (Russian linguistics, GOST R 7.0.5 author-date):
# "Гаспаров 2000 – Гаспаров М.Л. …", "Архипова и др. 2002 — …", "Орехов 2019а – …"
_KEY_START = re.compile(
    CITATION_KEY_NAMES + r"[ \t]" + CITATION_KEY_YEAR + r"[^\W\d_]?[ \t]+[–—=-][ \t]"
)
# a source keyed by its abbreviation or name, cited "[НКРЯ]", "[РМС I: 484]", "[DeReKo]":
# "НКРЯ – Национальный корпус …", "РМС I — Матица Српска …", "KSSJ — MF — Korpus …"
# (not a wrapped imprint: "Москва – Ленинград : Наука, 1965.")
_ABBR_KEY_START = re.compile(SOURCE_KEY_HEAD + r"(?![^\s:,.]{2,30}[ \t]?:)")
# a group author before a bare year, as linguistics and Chicago author-date lists print it:
# "R Core Team. 2022. R: A language …", "World Bank. 2019a. …"
_ORG_BARE_YEAR = re.compile(
    r"[A-ZÀ-ÞА-ЯЁĞŞİÇÖÜƏ][\w'’&-]*(?:[ \t][\w'’&-]+){0,6}\.[ \t]"
    r"(?:1[5-9]\d\d|20\d\d)[a-zа-я]?\.[ \t](?=[A-ZÀ-ÞА-ЯЁĞŞİÇÖÜƏ\"“«*])"
)
_ORG_YEAR = re.compile(
    r"[^\n]{1,200}?[.,]?[ \t]\((?:1[5-9]\d\d|20\d\d|n\.\s?d\.|in press|t\.\s?y\.|tarih yok|"
    r"б\.\s?г\.|baskıda|в печати|\d{1,2}[./]\d{1,2}[./](?:1[5-9]|20)\d\d\))"
)
# Trailing abbreviations that do not end an entry ("..., p." + "197" on the next line).
_ABBREVIATIONS = frozenset(
    {"p.", "pp.", "s.", "no.", "vol.", "ed.", "n°", "c.", "с.", "стр.", "т.", "vols.", "ch."}
)
_EXTENT_WORDS = frozenset({"p.", "pp.", "s.", "с.", "стр."})  # "200 с.", "48 p.": pages in all
# "W. Landi and", "A. P. Witkin.", "J.-S. Pang," — initials, then a capitalised surname.
_INITIALS_FIRST = re.compile(
    r"(?:[A-ZÀ-ÞА-ЯЁ](?:\.-?[A-ZÀ-ÞА-ЯЁ])?\.[ \t]?){1,3}[ \t]?"
    r"[A-ZÀ-ÞА-ЯЁĞŞİÇÖÜƏ][\w'’\-]{1,40}(?:,|\.|[ \t]and[ \t]|[ \t]&|[ \t]et al)"
)
_LABELLED_PAGE = re.compile(r"(?:page|sayfa|страница|səhifə)\b", re.IGNORECASE)
# "Sozial- und Gesundheitswesen": a hyphen before a conjunction is not a soft break.
_CONJUNCTIONS = frozenset({"und", "and", "or", "oder", "ve", "veya", "и", "или", "və", "ya"})
_SAME_AUTHOR = re.compile(r"[-–—_]{2,}[ \t]?[.,]|[-_]{3,}[ \t]|[–—_]{2,}(?=[^\W\d_“\"«])")
_URL_START = re.compile(r"(?:https?://|www\.|doi:|DOI:|https?:)", re.IGNORECASE)

_PAGE_NUMBER = re.compile(
    r"(?:[-–—|][ \t]*)?\d{1,4}(?:[ \t]*[-–—|])?"
    r"|(?:page|p\.|sayfa|s\.|стр\.|страница|səhifə)[ \t]*\d{1,4}"
    r"(?:[ \t]*(?:of|/|из)[ \t]*\d{1,4})?",
    re.IGNORECASE,
)
_FOOTNOTE = re.compile(r"\[\^e?\d{1,4}\]:|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,4}[ \t]*\S|[†‡][ \t]*\S|\*(?!\*)\S")


class _Kind(Enum):
    BLANK = 0
    CONTENT = 1
    EXCLUDED = 2


@dataclass(frozen=True, slots=True)
class _Line:
    number: int  # 1-based
    start: int  # offset of the first character of the line
    text: str  # without the newline


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for i, chunk in enumerate(text.split("\n"), start=1):
        out.append(_Line(i, pos, chunk))
        pos += len(chunk) + 1
    return out


def looks_like_entry_start(line: str) -> bool:
    """Whether a line reads like the first line of a reference (not a continuation).

    ``Surname, X.`` / ``Surname, Given`` / ``Organisation. (2020`` / ``Organisation (2020`` /
    ``Surname AB,`` (Vancouver), in any script; a lowercase start, a URL or a digit means a
    continuation.
    """
    s = line.strip()
    if not s:
        return False
    first = s[0]
    if _SAME_AUTHOR.match(s):  # "———. (2020)": the previous entry's author(s) again
        return True
    if first.islower():  # "van Arragon, P." / "de la Fuente, J."
        head, _, rest = s.partition(" ")
        return (
            head in NAME_PARTICLES
            and bool(rest)
            and (_author_start(rest) or _ORG_YEAR.match(rest) is not None)
        )
    if first in "*\"“«'‘_":  # title-first entries: *Title*. (2020) / “Title” (2020)
        return _ORG_YEAR.match(s) is not None
    if not first.isupper():
        return False
    if _URL_START.match(s):
        return False
    return (
        _author_start(s)
        or _INITIALS_FIRST.match(s) is not None
        or _ORG_YEAR.match(s) is not None
        or _VANCOUVER_START.match(s) is not None
        or _GOST_START.match(s) is not None
        or _KEY_START.match(s) is not None
        or _ABBR_KEY_START.match(s) is not None
        or _ORG_BARE_YEAR.match(s) is not None
    )


def _author_start(s: str) -> bool:
    """``Surname, X.`` / ``Surname, Given``: every surname word capitalised (or a particle)."""
    m = _AUTHOR_START.match(s)
    if m is None or not m.group("given")[0].isupper():
        return False
    return all(w[0].isupper() or w in NAME_PARTICLES for w in m.group("family").split())


def _entry_like(line: str) -> bool:
    """Looser test for heading selection: the line after a heading reads like a reference."""
    s = line.strip()
    if len(s) < 20:
        return False
    m = _MARKER.match(s)
    if m:
        s = s[m.end() :]
    return looks_like_entry_start(s) or (_YEAR.search(s[:300]) is not None and len(s) >= 30)


def _ends_entry(text: str) -> bool:
    """Whether a line could be the last line of an entry (period, bracket, URL, DOI)."""
    s = text.rstrip()
    if not s:
        return True
    if s[-1] in ".)]}»”\"'":  # "{English translation.}" closing a Russian entry
        words = s.rsplit(None, 2)
        if words[-1].lower() not in _ABBREVIATIONS:
            return True
        # "… 1981. 200 с." / "… 2013. 48 p.": a book's extent ends a GOST entry; "… 2019. С."
        # (pages on the next line) does not, the number before it then ending in a period
        return len(words) >= 2 and words[-2].isdigit() and words[-1].lower() in _EXTENT_WORDS

    last = s.rsplit(None, 1)[-1]
    return bool(_URL_START.match(last)) and not last.endswith(("-", "/"))


def _link_ended(prev: str, text: str) -> bool:
    """``… URL: http://ruscorpora.ru/new/`` then ``DeReKo – Deutsches …``: a link ending in a
    slash ended its entry when the next line starts with a word, not with the link's rest."""
    last = prev.rstrip().rsplit(None, 1)[-1] if prev.strip() else ""
    first = text.split(None, 1)[0] if text.strip() else ""
    return last.endswith("/") and bool(_URL_START.match(last)) and "/" not in first


def _continues(text: str) -> bool:
    """Whether a line reads like the continuation of the previous one."""
    s = text.lstrip()
    if not s:
        return False
    first = s[0]
    return (
        first.islower()
        or first.isdigit()
        or first in "([{,;:&–-/"
        or _URL_START.match(s) is not None
    )


def _indent(text: str) -> int:
    width = 0
    for ch in text:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4
        else:
            break
    return width


def _exclusion_reason(text: str, repeats: Counter[str]) -> str:
    s = text.strip()
    if not s:
        return ""
    if _PAGE_NUMBER.fullmatch(s):
        return "page number"
    if _FOOTNOTE.match(s) and not (s.startswith("*") and s.count("*") >= 2):
        # "*Title*. (2020)" is a title-first entry; a lone leading asterisk marks a footnote.
        return "footnote"
    if (
        len(s) <= 60
        and repeats[s] >= 2
        and _MARKER.match(s) is None
        and "(" not in s
        and not s.endswith((".", ",", ";", ":"))
        and not _continues(s)
        and not looks_like_entry_start(s)
    ):
        return "repeated page header/footer"
    return ""


def _repeats(lines: list[_Line]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for ln in lines:
        s = ln.text.strip()
        if s and len(s) <= 60:
            counts[s] += 1
    return counts


def _join(parts: list[str]) -> str:
    """Join wrapped lines with one space; mend words and URLs broken at the line end.

    ``inter-`` + ``national`` → ``international`` (lowercase after a hyphen: a soft break);
    ``Nagorno-`` + ``Karabakh`` and ``5–`` + ``33`` keep the dash and drop the space; a URL
    ending in ``/`` or ``-`` continues without a space.

    Linear in the total length: the text is kept as pieces, and of its last word only what the
    decisions read (its first characters, whether it holds ``://``, its last two characters).
    Re-reading the growing text per line (``out.rsplit``, ``out + nxt``) made one entry of
    100,000 short lines take minutes.
    """
    first = parts[0].strip()
    pieces = [first]
    end = first[-2:]  # the last two characters of the text so far
    size = len(first)
    word = _Word.of(first)
    for part in parts[1:]:
        nxt = part.strip()
        if not nxt:
            continue
        is_url = bool(_URL_START.match(word.head)) or word.scheme
        drop = False
        if is_url and end.endswith(("/", "-", "_", ".", "=", "?", "&")) and not nxt[0].isspace():
            sep = (
                " "
                if (end.endswith(".") and not _URL_START.match(nxt) and nxt[0].isupper())
                else ""
            )
        elif end.endswith("-") and size >= 2 and end[-2].isalpha():
            if nxt.split(None, 1)[0] in _CONJUNCTIONS:
                sep = " "  # "Sozial- und Gesundheitswesen"
            else:
                sep = ""  # "Nagorno-" + "Karabakh"
                drop = nxt[0].islower()  # "inter-" + "national": a soft line-break hyphen
        elif end.endswith(("–", "—")) and nxt[0].isdigit():
            sep = ""
        else:
            sep = " "
        if drop:
            pieces[-1] = pieces[-1][:-1]
            size -= 1
            end = end[:-1]
            word = word.dropped()
        pieces.append(sep + nxt if sep else nxt)
        size += len(sep) + len(nxt)
        end = (end + sep + nxt)[-2:]
        word = _Word.of(nxt) if sep or len(nxt.split(None, 1)) > 1 else word.extended(nxt)
    return "".join(pieces)


@dataclass(frozen=True, slots=True)
class _Word:
    """What ``_join`` reads of the text's last word, updated without re-reading the word."""

    head: str  # its first 16 characters (the URL-start pattern needs 8)
    scheme: bool  # it contains "://"
    tail: str  # its last two characters
    size: int

    @classmethod
    def of(cls, text: str) -> _Word:
        words = text.rsplit(None, 1)
        w = words[-1] if words else ""
        return cls(w[:16], "://" in w, w[-2:], len(w))

    def extended(self, more: str) -> _Word:
        head = self.head if self.size >= 16 else (self.head + more)[:16]
        scheme = self.scheme or "://" in more or "://" in (self.tail + more[:2])
        return _Word(head, scheme, (self.tail + more)[-2:], self.size + len(more))

    def dropped(self) -> _Word:
        head = self.head[:-1] if self.size <= 16 else self.head
        return _Word(head, self.scheme, self.tail[:-1], self.size - 1)
