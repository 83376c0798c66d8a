"""The split stage: find the reference list in a manuscript and cut it into raw entries.

The input is the loaded text (:class:`refcheck.model.Source`); the output is a
:class:`refcheck.model.Document` with the body (where citations are looked for), the heading,
the list region and one :class:`refcheck.model.RawEntry` per entry. Nothing is lost: every
non-blank line of the region ends up in exactly one entry or in ``Document.excluded`` (page
numbers, running headers/footers, footnotes, sub-headings), and :func:`explain_exclusions` says
why.

Everything is line based and linear: each line is classified once with anchored, bounded
patterns, so a 20,000-entry list splits in well under a second and adversarial text cannot make
a pattern backtrack.
See ``docs/input.md`` for the heading words and the heuristics.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from enum import Enum

from refcheck.errors import InputError, NoReferencesError
from refcheck.labels import CITATION_KEY_NAMES, CITATION_KEY_YEAR, SOURCE_KEY_HEAD
from refcheck.model import Document, RawEntry, Source, Span

__all__ = [
    "BACK_MATTER_HEADINGS",
    "REFERENCE_HEADINGS",
    "SUBHEADINGS",
    "Exclusion",
    "explain_exclusions",
    "fold_heading",
    "is_reference_heading",
    "looks_like_entry_start",
    "split_document",
]


_LATEX_HEADING = re.compile(r"\\(?:section|chapter|subsection)\*?\{([^{}\n]{1,100})\}\s*$")
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+")
_NUMBERING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[ivxlcIVXLC]{1,6}\.|[A-Z]\.)[ \t]+")


def fold_heading(line: str) -> str:
    """Reduce a heading line to a comparable key: markup, numbering, case and ``İ/ı`` folded.

    ``"## 7. KAYNAKÇA:"`` → ``"kaynakça"``, ``"**İSTİNADLAR**"`` → ``"istinadlar"``. Turkish
    dotted/dotless i are both folded to ``i`` so Turkish and Azerbaijani capitals match.
    """
    s = line.strip()
    if len(s) > 120 or s.count(" ") > 8:  # headings are short: skip entries cheaply
        return ""
    s = unicodedata.normalize("NFC", s)
    if s.startswith("\\begin{thebibliography}"):
        return "references"
    m = _LATEX_HEADING.match(s)
    if m:
        s = m.group(1)
    s = _MD_HEADING.sub("", s)
    s = s.strip("*_ \t")
    s = _NUMBERING.sub("", s)
    s = s.strip("*_ \t").rstrip(":.").strip("*_ \t")
    s = s.replace("İ", "i").replace("I", "ı")  # Turkish-aware upper → lower for i
    s = s.lower().replace("\u0307", "").replace("ı", "i")
    return " ".join(s.split())


def _key(words: str) -> str:
    return fold_heading(words)


REFERENCE_HEADINGS: frozenset[str] = frozenset(
    _key(w)
    for w in (
        # English
        "References",
        "Reference List",
        "List of References",
        "References Cited",
        "Cited References",
        "Bibliography",
        "Select Bibliography",
        "Selected Bibliography",
        "Works Cited",
        "Cited Works",
        "Literature Cited",
        "Bibliographic References",
        "References and Notes",
        "Notes and References",
        # Turkish
        "Kaynakça",
        "Kaynakca",
        "Kaynaklar",
        "Yararlanılan Kaynaklar",
        "Kaynaklar Listesi",
        "Başvurulan Kaynaklar",
        "Bibliyografya",
        # Azerbaijani
        "Ədəbiyyat",
        "Ədəbiyyat siyahısı",
        "İstinadlar",
        "İstifadə olunmuş ədəbiyyat",
        "İstifadə edilmiş ədəbiyyat",
        "İstifadə olunan ədəbiyyat",
        "Edebiyyat",
        # Russian
        "Список литературы",
        "Список использованной литературы",
        "Список использованных источников",
        "Список источников",
        "Список источников и литературы",
        "Источники и литература",
        "Использованная литература",
        "Библиография",
        "Библиографический список",
        "Литература",
        "Источники",
    )
)
"""Folded heading lines that open a reference list (a ``/``-separated pair also counts)."""

# Weak words open a list only when no strong heading is followed by entries: "Sources" or
# "Литература" also label table notes and subsections.
_WEAK = frozenset(_key(w) for w in ("Sources", "Literature", "Источники", "Литература"))
_ALL_HEADINGS = REFERENCE_HEADINGS | _WEAK
# the words around the listed headings vary ("Список используемой литературы", "Istifadə
# olunmuş ədəbiyyatlar siyahısı", "Kullanılan kaynaklar"): the shapes, on folded text (ı → i)
_HEADING_FORMS = re.compile(
    r"список(?: [^\W\d_]+){0,2} (?:литературы|источников)(?: и литературы)?"
    r"|(?:istifadə (?:olunmuş|edilmiş|olunan) )?ədəbiyyat(?:lar)?(?: siyahisi)?"
    r"|(?:yararlanilan |başvurulan |kullanilan |faydalanilan )?kaynak(?:lar|ça)(?: listesi)?"
)


def _known_heading(key: str) -> bool:
    """A folded line that names a reference list: a listed heading or one of their shapes."""
    return key in _ALL_HEADINGS or _HEADING_FORMS.fullmatch(key) is not None


SUBHEADINGS: frozenset[str] = frozenset(
    _key(w)
    for w in (
        "Primary Sources",
        "Secondary Sources",
        "Archival Sources",
        "Archives",
        "Books",
        "Articles",
        "Journal Articles",
        "Book Chapters",
        "Reports",
        "Official Documents",
        "Documents",
        "Newspapers",
        "Theses",
        "Dissertations",
        "Internet Sources",
        "Online Sources",
        "Web Sources",
        "Websites",
        "Electronic Sources",
        "Other Sources",
        "Kitaplar",
        "Makaleler",
        "Kitap Bölümleri",
        "Tezler",
        "Raporlar",
        "Gazeteler",
        "Resmi Belgeler",
        "Arşiv Belgeleri",
        "Arşiv Kaynakları",
        "Birincil Kaynaklar",
        "İkincil Kaynaklar",
        "İnternet Kaynakları",
        "Elektronik Kaynaklar",
        "Web Kaynakları",
        "Diğer Kaynaklar",
        "Kitablar",
        "Məqalələr",
        "Mənbələr",
        "İnternet mənbələri",
        "Монографии",
        "Статьи",
        "Архивные источники",
        "Официальные документы",
        "Документы",
        "Периодическая печать",
        "Диссертации",
        "Интернет-ресурсы",
        "Электронные ресурсы",
    )
)
"""Folded section titles found *inside* reference lists; excluded as ``subheading``."""

_SUB_OR_WEAK = SUBHEADINGS | _WEAK
_SMALL_WORDS = frozenset({"and", "of", "the", "ve", "и", "və", "&", "in", "on", "on-line"})

BACK_MATTER_HEADINGS: frozenset[str] = frozenset(
    _key(w)
    for w in (
        "Appendix",
        "Appendices",
        "Annex",
        "Annexes",
        "Notes",
        "Endnotes",
        "Footnotes",
        "Author Contribution",
        "Author Contributions",
        "Authors' Contributions",
        "Contribution of Authors",
        "Acknowledgements",
        "Acknowledgments",
        "Acknowledgement",
        "Acknowledgment",
        "Funding",
        "Conflict of Interest",
        "Conflicts of Interest",
        "Declaration of Competing Interest",
        "Declarations",
        "Ethics Committee Permission",
        "Ethics Comittee Permission",
        "Data Availability",
        "Data Availability Statement",
        "Supplementary Material",
        "Supplementary Materials",
        "Tables",
        "Figures",
        "Tables and Figures",
        "Figure Captions",
        "Biographical Note",
        "Biographical Notes",
        "Notes on Contributors",
        "About the Author",
        "About the Authors",
        "Author Biography",
        "Extended Abstract",
        "Genişletilmiş Özet",
        "Ekler",
        "Ek",
        "Notlar",
        "Teşekkür",
        "Yazar Katkısı",
        "Yazar Katkıları",
        "Çıkar Çatışması",
        "Etik Kurul İzni",
        "Əlavə",
        "Əlavələr",
        "Qeydlər",
        "Təşəkkür",
        "Приложение",
        "Приложения",
        "Примечания",
        "Благодарности",
        "Сведения об авторе",
        "Сведения об авторах",
        "Об авторе",
        "Об авторах",
    )
)
"""Folded heading lines that end a reference list (back matter after it)."""

_BACK_PREFIX_RE = re.compile(
    r"(?:appendix|annex|ek|əlavə|приложение|table|figure|tablo|şekil|таблица|рисунок|cədvəl)"
    r"[ \t]+[0-9a-z]{1,4}\b",
)

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
_PARTICLES = frozenset(
    {
        "van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "el", "al", "bin",
        "ibn", "ter", "ten", "y", "del", "della", "dos", "das", "zu",
    }
)  # fmt: skip
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
class Exclusion:
    """A line of the list region left out of the entries, and why."""

    span: Span
    line: int
    reason: str  # "page number", "repeated page header/footer", "footnote"


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


def is_reference_heading(line: str) -> bool:
    """True if the line, on its own, is a reference-list heading in en/tr/az/ru."""
    if len(line) > 160 or _DIGIT4.search(line):  # cheap reject: entries are long, have years
        return False
    key = fold_heading(line)
    if not key:
        return False
    if _known_heading(key):
        return True
    # "KAYNAKÇA / REFERENCES", "Kaynakça (References)", "Литература – References"
    parts = [p.strip() for p in re.split(r"[/|–—(]", key.replace(")", ""))]
    return len(parts) > 1 and all(_known_heading(p) for p in parts)


def _is_back_matter(line: str, fmt: str) -> bool:
    s = line.strip()
    if not s or len(s) > 80 or _DIGIT4.search(s):
        return False
    if fmt == "markdown" and _MD_HEADING.match(s):
        key = fold_heading(s)
        return key not in SUBHEADINGS and not _known_heading(key)
    if fmt == "latex" and (
        s.startswith("\\end{thebibliography}") or _LATEX_HEADING.match(s) is not None
    ):
        return not is_reference_heading(s)
    key = fold_heading(s)
    if key in BACK_MATTER_HEADINGS:
        return True
    if _YEAR.search(s) or len(s) > 60:
        return False
    return _BACK_PREFIX_RE.match(key) is not None


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
            head in _PARTICLES
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
    return all(w[0].isupper() or w in _PARTICLES for w in m.group("family").split())


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


def _find_heading(lines: list[_Line], fmt: str) -> int | None:
    """Index of the heading line: the last strong heading followed by entries wins."""
    candidates = [i for i, ln in enumerate(lines) if is_reference_heading(ln.text)]
    if not candidates:
        return None
    with_entries: list[tuple[bool, int]] = []
    for i in candidates:
        following = 0
        entry_like = False
        for k in range(i + 1, len(lines)):
            ln = lines[k]
            if not ln.text.strip():
                continue
            if fold_heading(ln.text) in _SUB_OR_WEAK:  # "Список литературы" / "Источники"
                continue
            if _entry_like(ln.text):
                entry_like = True
                break
            following += 1
            if following >= 3 or _is_back_matter(ln.text, fmt) or is_reference_heading(ln.text):
                break
        if entry_like:
            with_entries.append((fold_heading(lines[i].text) not in _WEAK, i))
    if with_entries:
        strong = [i for is_strong, i in with_entries if is_strong]
        if strong:
            return strong[-1]
        found = with_entries[-1][1]
        # "Литература … Источники …": a weak heading right after another's entries is a
        # section of the same list, which the first one opens
        for _, i in reversed(with_entries[:-1]):
            if not _only_entries_between(lines, i, found):
                break
            found = i
        return found
    return candidates[-1]


def _only_entries_between(lines: list[_Line], a: int, b: int) -> bool:
    """Whether every line between headings ``a`` and ``b`` is an entry, a blank or a section
    title (a wrapped entry's lower-case continuation counts)."""
    entries = 0
    for ln in lines[a + 1 : b]:
        s = ln.text.strip()
        if not s or fold_heading(s) in _SUB_OR_WEAK:
            continue
        if not (_entry_like(s) or s[:1].islower()):
            return False
        entries += 1
    return entries > 0


@dataclass
class _Building:
    """An entry while its lines are being collected (mutable, local to the splitter)."""

    start: int
    end: int
    line: int
    parts: list[str]
    indent: int
    marked: bool
    notes: list[str]


def split_document(source: Source, *, references_from: int | None = None) -> Document:
    """Find the reference list and split it into entries; body is the text before it.

    ``references_from`` (1-based line) says where the list starts when it has no heading.
    Raises :class:`NoReferencesError` when there is no heading and no ``references_from``.
    """
    text = source.text
    lines = _lines(text)
    fmt = source.format
    heading: Span | None
    if references_from is not None:
        if not 1 <= references_from <= len(lines):
            raise InputError(
                f"--references-from {references_from} is outside the file "
                f"(it has {len(lines)} lines)",
                source.path,
            )
        first = references_from - 1
        heading = None
        body = Span(0, lines[first].start)
    else:
        h = _find_heading(lines, fmt)
        if h is None:
            raise NoReferencesError(
                "no reference-list heading found (looked for References, Bibliography, "
                "Kaynakça, Ədəbiyyat, Список литературы ...); if the list has no heading, "
                "give its first line with --references-from LINE",
                source.path,
            )
        hl = lines[h]
        lead = len(hl.text) - len(hl.text.lstrip())
        heading = Span(hl.start + lead, hl.start + len(hl.text.rstrip()))
        body = Span(0, hl.start)
        first = h + 1
    last = len(lines)
    for j in range(first, len(lines)):
        if _is_back_matter(lines[j].text, fmt) and not (references_from is not None and j == first):
            last = j
            break
    region_lines = lines[first:last]
    if first >= len(lines):
        region = Span(len(text), len(text))
    else:
        end = lines[last].start if last < len(lines) else len(text)
        region = Span(lines[first].start, max(end, lines[first].start))
    entries, excluded = _split_region(region_lines, _repeats(lines), fmt)
    return Document(
        text=text,
        path=source.path,
        format=fmt,
        body=body,
        heading=heading,
        references_region=region,
        entries=tuple(entries),
        references=(),
        excluded=tuple(e.span for e in excluded),
    )


def explain_exclusions(document: Document) -> tuple[Exclusion, ...]:
    """Why each excluded span was left out of the entries (for reports and debugging)."""
    region = document.references_region
    if region is None or not document.excluded:
        return ()
    lines = _lines(document.text)
    inside = [ln for ln in lines if region.start <= ln.start < region.end]
    _, exclusions = _split_region(inside, _repeats(lines), document.format)
    return tuple(exclusions)


def _split_region(
    lines: list[_Line], repeats: Counter[str], fmt: str
) -> tuple[list[RawEntry], list[Exclusion]]:
    kinds: list[_Kind] = []
    reasons: list[str] = []
    last_content = ""
    for i, ln in enumerate(lines):
        if not ln.text.strip():
            kinds.append(_Kind.BLANK)
            reasons.append("")
            continue
        reason = _exclusion_reason(ln.text, repeats)
        bare = reason == "page number" and not _LABELLED_PAGE.match(ln.text.strip())
        if bare and not _isolated(lines, i, last_content):
            reason = ""  # "1998" or "p. 554" wrapped onto its own line continues an entry
        if not reason and _is_subheading(lines, i, last_content):
            reason = "subheading"
        if not reason:
            last_content = ln.text
        if reason:
            kinds.append(_Kind.EXCLUDED)
            reasons.append(reason)
        else:
            kinds.append(_Kind.CONTENT)
            reasons.append("")
    content = [ln for ln, k in zip(lines, kinds, strict=True) if k is _Kind.CONTENT]
    start_cache: dict[int, bool] = {}

    def starts_entry(ln: _Line) -> bool:
        """looks_like_entry_start of an unmarked line, computed once per line."""
        flag = start_cache.get(ln.number)
        if flag is None:
            flag = start_cache[ln.number] = looks_like_entry_start(ln.text)
        return flag

    marks = {ln.number: m for ln in content if (m := _MARKER.match(ln.text)) is not None}
    markers = len(marks)
    # A bulleted/numbered list: markers on at least half the lines that start entries.
    # Counting unmarked starts is the costly part, so skip it when markers dominate anyway.
    unmarked = len(content) - markers
    if markers >= 2 and markers * 2 >= unmarked:
        marked_mode = True
    else:
        starts = sum(1 for ln in content if ln.number not in marks and starts_entry(ln))
        marked_mode = markers >= 2 and markers * 2 >= max(starts, 1)
    base = min((_indent(ln.text) for ln in content), default=0)
    hanging_mode = not marked_mode and any(
        _indent(ln.text) > base and not prev_blank
        for ln, prev_blank in _after_content(lines, kinds)
    )
    one_per_line = fmt == "docx" and not marked_mode
    paragraph_mode = False
    if not (marked_mode or hanging_mode or one_per_line):
        # Blank-line-separated entries: a paragraph is an entry, whatever its lines look like.
        firsts = [ln for ln, blank in _after_content(lines, kinds) if blank]
        n_starts = sum(1 for ln in content if starts_entry(ln))
        paragraph_mode = len(firsts) + 1 >= 3 and (len(firsts) + 1) * 2 >= n_starts
    wrap_width = 0
    if not (marked_mode or hanging_mode or one_per_line or paragraph_mode) and content:
        # Bare wrapped lines: if the next line's first word would have fitted on the previous
        # line, the break was not a wrap, so an entry ended there.
        lengths = sorted(len(ln.text.rstrip()) for ln in content)
        width = lengths[(len(lengths) * 9) // 10]
        full_lines = [ln.text for ln in content if len(ln.text.rstrip()) >= 0.85 * width]
        full = len(full_lines)
        # a wrapped line ends where the width ran out, seldom where an entry ends
        wrapped = sum(not _ends_entry(t) for t in full_lines) * 5 > full
        if len(lengths) >= 4 and full * 10 >= len(lengths) * 3 and wrapped:
            wrap_width = width
        elif (
            len(content) >= 3
            and sum(_ends_entry(ln.text) for ln in content) * 5 >= len(content) * 4
        ):
            # not wrapped at any width, and (nearly) every line ends like an entry: one entry
            # per line, as copied from a web page or a word processor (title-first entries too)
            one_per_line = True

    entries: list[_Building] = []
    excluded: list[Exclusion] = []
    cur: _Building | None = None
    last_number = 0
    blank_before = True
    prev_text = ""
    for ln, kind, reason in zip(lines, kinds, reasons, strict=True):
        if kind is _Kind.BLANK:
            blank_before = True
            continue
        if kind is _Kind.EXCLUDED:
            if reason == "subheading":
                blank_before = True  # a section title ends the entry before it
            lead = len(ln.text) - len(ln.text.lstrip())
            span = Span(ln.start + lead, ln.start + len(ln.text.rstrip()))
            excluded.append(Exclusion(span, ln.number, reason))
            continue
        raw = ln.text
        m = marks.get(ln.number)
        number: int | None = None
        if m and (m.group("num") or m.group("pnum")):
            number = int(m.group("num") or m.group("pnum"))
        is_marker = m is not None
        if is_marker and m is not None and cur is not None:
            rest = raw[m.end() :]
            if number is not None:
                # "33. https://..." wrapped from a page range is not entry 33 unless it is next;
                # but a blank line always ends an entry, and lists pasted together or
                # renumbered ("101.", "104.", "7.") start entries whose numbers do not run.
                is_marker = (
                    number == last_number + 1
                    or (blank_before and looks_like_entry_start(rest))
                    or (
                        (last_number == 0 or _ends_entry(prev_text))
                        and (marked_mode or last_number == 0)
                        and looks_like_entry_start(rest)
                    )
                )
            elif m.group("bullet") in {"–", "—"}:
                # GOST-style lines wrap as "— М.: Наука, 2001": a dash there continues.
                is_marker = looks_like_entry_start(rest)
        content_start = m.end() if (is_marker and m) else len(raw) - len(raw.lstrip())
        body_text = raw[content_start:].rstrip()
        indent = _indent(raw)
        if cur is None or is_marker or (fmt == "latex" and _LATEX_ITEM.match(raw)):
            new = True
        elif one_per_line:
            new = not (_continues(body_text) and not _ends_entry(prev_text))
        elif blank_before:
            new = not (_continues(body_text) and not _ends_entry(prev_text)) and not (
                hanging_mode and indent > cur.indent
            )
        elif hanging_mode:
            new = indent <= cur.indent and (not _continues(body_text) or starts_entry(ln))
        elif marked_mode:
            # A lost bullet: starts like an entry, previous line ended, not indented under it.
            new = (
                indent <= cur.indent
                and starts_entry(ln)
                and _ends_entry(prev_text)
                and _YEAR.search(body_text[:160]) is not None
            )
        elif paragraph_mode:
            new = False
        else:
            has_year = _YEAR.search(body_text[:160]) is not None
            if wrap_width:
                word = body_text.split(None, 1)[0]
                fits = len(prev_text.rstrip()) + 1 + len(word) <= wrap_width
                new = (fits and not _continues(body_text)) or (
                    starts_entry(ln) and _ends_entry(prev_text) and has_year
                )
                if new and not has_year and len(body_text.split()) <= 3 and not starts_entry(ln):
                    new = False  # a wrapped line that cannot start an entry ("Press.")
            else:
                new = starts_entry(ln) and (
                    _ends_entry(prev_text) or has_year or _link_ended(prev_text, body_text)
                )
        if new:
            if is_marker and number is not None:
                last_number = number
            notes: list[str] = []
            if marked_mode and not is_marker:
                notes.append("no bullet")
            cur = _Building(
                start=ln.start + content_start,
                end=ln.start + content_start + len(body_text),
                line=ln.number,
                parts=[body_text],
                indent=indent,
                marked=is_marker,
                notes=notes,
            )
            entries.append(cur)
        else:
            assert cur is not None
            cur.parts.append(body_text.strip())
            cur.end = ln.start + content_start + len(body_text)
        blank_before = False
        prev_text = body_text
    raw_entries = [
        RawEntry(
            index=i,
            text=_join(b.parts),
            span=Span(b.start, b.end),
            line=b.line,
            note="; ".join(
                [*b.notes, *([f"joined {len(b.parts)} lines"] if len(b.parts) > 1 else [])]
            ),
        )
        for i, b in enumerate(entries, start=1)
    ]
    return raw_entries, excluded


def _is_subheading(lines: list[_Line], i: int, last_content: str) -> bool:
    """A section title inside the list ("Kitaplar", "Primary Sources", "Источники").

    Known words always count; another short capitalised line without digits counts only
    between an ended entry (or a blank line) and a line that starts an entry.
    """
    s = lines[i].text.strip()
    if len(s) > 60 or _MARKER.match(s) or s.endswith((".", ",", ";", ")")):
        return False
    key = fold_heading(s)
    if key in SUBHEADINGS or _known_heading(key):
        return True
    words = s.rstrip(":").split()
    if (
        len(s) > 40
        or len(words) > 4
        or any(ch.isdigit() or ch in ".,()[]" for ch in s)
        or not all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)
    ):
        return False
    before = lines[i - 1].text.strip() if i > 0 else ""
    if before and not _ends_entry(last_content):
        return False
    for k in range(i + 1, min(i + 3, len(lines))):
        after = lines[k].text.strip()
        if after:
            return _MARKER.match(after) is not None or looks_like_entry_start(after)
    return False


def _isolated(lines: list[_Line], i: int, last_content: str) -> bool:
    """A page number stands between entries: the previous one has ended (or a blank line
    comes before) and a blank line or a new entry comes after. ``1998`` wrapped onto its own
    line at the end of an entry does not."""
    before = lines[i - 1].text.strip() if i > 0 else ""
    after = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
    if before and not _ends_entry(last_content):
        return False
    return not after or _MARKER.match(after) is not None or looks_like_entry_start(after)


def _after_content(lines: list[_Line], kinds: list[_Kind]) -> list[tuple[_Line, bool]]:
    """Content lines paired with whether a blank line separates them from earlier content."""
    out: list[tuple[_Line, bool]] = []
    seen = False
    blank = True
    for ln, k in zip(lines, kinds, strict=True):
        if k is _Kind.BLANK:
            blank = True
        elif k is _Kind.CONTENT:
            if seen:
                out.append((ln, blank))
            seen = True
            blank = False
    return out


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
