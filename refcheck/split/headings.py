"""Where the reference list starts and ends: heading words in en/tr/az/ru and their shapes.

The list opens at the last strong heading followed by entries (weak words such as
"Литература" or "Sources" only when no strong one is), and ends at back matter (appendices,
notes, acknowledgements). Section titles inside a list are :data:`SUBHEADINGS`.
"""

from __future__ import annotations

import re
import unicodedata

from refcheck.split.lines import _DIGIT4, _YEAR, _entry_like, _Line

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
        "Taranan Eserler",
        "Taranan Kaynaklar",
        "İncelenen Eserler",
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
# "Literatura" is Литература romanised, as the transliterated lists of Russian and Central Asian
# journals are headed (and the word of Polish, Czech and the South Slavic languages).
_WEAK = frozenset(
    _key(w) for w in ("Sources", "Literature", "Источники", "Литература", "Literatura")
)
_ALL_HEADINGS = REFERENCE_HEADINGS | _WEAK
# headings of the primary works a paper read, which Turkology papers list before their
# "Kaynaklar": a list under one, then such a heading, is one reference list in two parts
_FIRST_PART = frozenset(
    _key(w) for w in ("Taranan Eserler", "Taranan Kaynaklar", "İncelenen Eserler")
)
# the words around the listed headings vary ("Список используемой литературы", "Istifadə
# olunmuş ədəbiyyatlar siyahısı", "Kullanılan kaynaklar"): the shapes, on folded text (ı → i)
_HEADING_FORMS = re.compile(
    r"список(?: [^\W\d_]+){0,2} (?:литературы|источников)(?: и литературы)?"
    r"|spisok(?: (?:[^\W\d_]|[’'])+){0,2} (?:literatury|istochnikov)(?: i literatury)?"  # romanised
    r"|(?:istifadə (?:olunmuş|edilmiş|olunan) )?ədəbiyyat(?:lar)?(?: siyahisi)?"
    r"|(?:yararlanilan |başvurulan |kullanilan |faydalanilan )?kaynak(?:lar|ça)(?: listesi)?"
    # the region's journals: Uzbek (both scripts), Kazakh, Kyrgyz
    r"|(?:foydalanilgan )?adabiyotlar(?: ro.yxati)?|iqtiboslar"
    r"|(?:фойдаланилган )?адабиётлар(?: рўйхати)?|(?:пайдаланылған )?әдебиеттер(?: тізімі)?"
    r"|(?:колдонулган )?адабияттар"
)


_SHORT_WORDS = re.compile(r"[^\W\d_]{2,20}(?: [^\W\d_]{2,20})?")


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


def is_reference_heading(line: str) -> bool:
    """True if the line, on its own, is a reference-list heading in en/tr/az/ru."""
    if len(line) > 160 or _DIGIT4.search(line):  # cheap reject: entries are long, have years
        return False
    key = fold_heading(line)
    if not key:
        return False
    if _known_heading(key):
        return True
    # "KAYNAKÇA / REFERENCES", "Kaynakça (References)", "Литература – References"; beside a
    # strong heading, a word or two of another language counts ("Iqtiboslar/Сноски/References")
    parts = [p.strip() for p in re.split(r"[/|–—(]", key.replace(")", ""))]
    if len(parts) < 2 or not all(parts):
        return False
    return all(_known_heading(p) for p in parts) or (
        any(_known_heading(p) and p not in _WEAK for p in parts)
        and all(_known_heading(p) or _SHORT_WORDS.fullmatch(p) for p in parts)
    )


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
            found = strong[-1]
            for i in reversed(strong[:-1]):  # "Taranan Eserler … Kaynaklar …": one list
                if fold_heading(lines[i].text) not in _FIRST_PART:
                    break
                if not _only_entries_between(lines, i, found):
                    break
                found = i
            return found
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
