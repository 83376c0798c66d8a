"""Typed records passed between the pipeline stages.

Every stage takes and returns these frozen dataclasses, never dict bags, so a stage can be
tested alone and a reader sees at a glance what flows where. Positions are character offsets
into ``Document.text`` (the decoded manuscript with line endings normalised to ``\\n``);
normalised, folded and romanised forms live in extra fields and never replace the original.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import Enum
from typing import Literal


class Script(str, Enum):
    """Writing system of a piece of text; ``MIXED`` means letters of several scripts."""

    LATIN = "latin"
    CYRILLIC = "cyrillic"
    MIXED = "mixed"
    OTHER = "other"
    NONE = "none"  # no letters at all


class ParseStatus(str, Enum):
    """How far the parser got with an entry. Nothing is dropped: unparsed entries stay records."""

    PARSED = "parsed"
    PARTIAL = "partial"
    UNPARSED = "unparsed"


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open ``[start, end)`` character range in ``Document.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date that may lack month or day, as references often do ("2020", "2020, September")."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def parts(self) -> list[int]:
        """CSL ``date-parts`` row: the leading known parts."""
        out: list[int] = []
        for p in (self.year, self.month, self.day):
            if p is None:
                break
            out.append(p)
        return out

    def iso(self) -> str:
        return "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(self.parts()))


@dataclass(frozen=True, slots=True)
class Person:
    """A personal name split the way BibTeX and CSL split it."""

    family: str
    given: str = ""
    particle: str = ""  # "von", "de", "van der" ...
    suffix: str = ""  # "Jr.", "III"

    @property
    def display(self) -> str:
        fam = f"{self.particle} {self.family}".strip()
        out = f"{fam}, {self.given}" if self.given else fam
        return f"{out}, {self.suffix}" if self.suffix else out


@dataclass(frozen=True, slots=True)
class Organization:
    """A group author ("Anadolu Agency", "Ministry of Foreign Affairs of ...")."""

    name: str
    abbreviation: str = ""

    @property
    def display(self) -> str:
        return self.name


Agent = Person | Organization


@dataclass(frozen=True, slots=True)
class Lookalike:
    """A word written with letters of one script imitating another ("TACC" for "ТАСС")."""

    text: str  # the word as written
    span: Span  # where it is in Document.text
    intended: str  # the word in the script it imitates
    intended_script: Script
    field: str = ""  # reference field it was found in ("author", "title", "container_title", ...)


@dataclass(frozen=True, slots=True)
class Normalised:
    """What the normalise stage adds to a reference: keys for matching and sorting, romanised forms.

    Owned by ``refcheck.normalise``; every other stage reads it, none writes it.
    """

    author_keys: tuple[str, ...] = ()  # folded, romanised family/organisation keys, in order
    title_key: str = ""
    sort_key: str = ""
    title_language: str = ""  # ISO 639-1 ("en", "tr", "az", "ru", ...) or "" when unknown
    language_evidence: str = ""  # why that language ("ə present", "langdetect tr 0.99", ...)
    field_scripts: tuple[tuple[str, Script], ...] = ()  # (field name, script)
    scheme: str = ""  # transliteration scheme used for the romanised fields
    romanised_authors: str = ""  # author element romanised, ready to paste
    romanised_title: str = ""
    romanised_container: str = ""
    lookalikes: tuple[Lookalike, ...] = ()
    romanised_entry: str = ""  # the whole entry romanised (look-alikes fixed), ready to paste
    language_detector: str = "builtin"  # which detector gave title_language ("builtin", "lingua")


@dataclass(frozen=True, slots=True)
class Reference:
    """One entry of the reference list, parsed or flagged; exactly one per entry, never dropped."""

    index: int  # 1-based position in the list
    raw: str  # the entry's text as found (bullet stripped, wrapped lines joined by a space)
    span: Span  # the entry's region in Document.text
    line: int  # 1-based line where the entry starts
    type: str = "document"  # CSL type: article-journal, book, chapter, report, webpage, ...
    authors: tuple[Agent, ...] = ()
    editors: tuple[Agent, ...] = ()
    et_al: bool = False  # author list written with "et al." (not APA in a reference list)
    year: int | None = None
    year_suffix: str = ""  # "b" of 2020b
    original_year: int | None = None  # 1942 of "(Original work published 1942)" or 1942/2012
    date: PartialDate | None = None  # full publication date when given ("2020, September 27")
    no_date: bool = False  # "n.d."
    in_press: bool = False
    title: str = ""
    title_translation: str = ""  # the "[English translation]" after a non-English title
    container_title: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    edition: str = ""
    publisher: str = ""
    place: str = ""
    genre: str = ""  # "Doctoral dissertation", "[Video]" ...
    doi: str = ""  # bare, as written: "10.2307/2539204"
    doi_raw: str = ""  # as written: "https://doi.org/10.2307/2539204", "doi:..."
    url: str = ""
    accessed: PartialDate | None = None  # "Retrieved <date>, from"
    language: str = ""  # ISO 639-1 of the entry (title language), "" when unknown
    script: Script = Script.NONE
    status: ParseStatus = ParseStatus.PARSED
    reason: str = ""  # why unparsed/partial
    apa_conformant: bool = True
    nonconformities: tuple[str, ...] = ()  # why the entry is not APA 7 form, one phrase each
    norm: Normalised | None = None  # filled by the normalise stage
    key: str = ""  # citation key when the entry came from a .bib file (LaTeX manuscripts)
    label: str = ""  # the label the list files it under and the text cites: "URL-1", "НКРЯ"

    @property
    def lead_agents(self) -> tuple[Agent, ...]:
        """The names the entry is listed and cited by: its authors, or its editors when it has
        none (an edited book, APA 7 §9.10)."""
        return self.authors or self.editors

    @property
    def year_label(self) -> str:
        """The date element as a citation shows it: "2020b", "n.d.", "in press"."""
        if self.in_press:
            return "in press" + (f"-{self.year_suffix}" if self.year_suffix else "")
        if self.no_date or self.year is None:
            return "n.d." + (f"-{self.year_suffix}" if self.year_suffix else "")
        return f"{self.year}{self.year_suffix}"


@dataclass(frozen=True, slots=True)
class RawEntry:
    """One reference-list entry as the splitter found it, before parsing."""

    index: int  # 1-based
    text: str  # bullet/number stripped, wrapped lines joined with single spaces
    span: Span
    line: int
    note: str = ""  # splitter's remark ("no bullet", "joined 2 lines", ...)


@dataclass(frozen=True, slots=True)
class Citation:
    """One in-text citation of one work, e.g. ``Rose, 1998: 146`` inside ``(Rose, 1998: 146)``.

    ``kind`` is ``"numbered"`` for ``[12]`` in a manuscript that cites by number: ``number`` is
    then the entry's position and ``authors`` is empty.
    """

    index: int  # 0-based order in the body
    text: str  # the citation as written, narrative name and year included
    span: Span  # offsets of ``text`` in Document.text
    kind: Literal["parenthetical", "narrative", "numbered"]
    authors: tuple[str, ...]  # names as written: ("Yüzbaşıoğlu", "Çam"), ("Ministry of ...",)
    year: int | None = None
    year_suffix: str = ""
    year_text: str = ""  # as written: "2020b", "n.d.", "in press", "1942/2012"
    no_date: bool = False
    in_press: bool = False
    original_year: int | None = None  # 1942 of 1942/2012
    et_al: bool = False
    et_al_form: str = ""  # exactly as written: "et al.", "et. al", "et al"
    connector: str = ""  # "&" or "and" between the last two names, "" otherwise
    abbreviation: str = ""  # "WHO" of "[WHO]"
    locator: str = ""  # "p. 146", "pp. 32–33", "146" (colon form)
    locator_style: str = ""  # "p.", "pp.", "para.", "colon", ...
    prefix: str = ""  # "e.g.,", "see also"
    group: int = 0  # id of the enclosing parenthetical (items of one parenthetical share it)
    group_position: int = 0  # 0-based position within the parenthetical
    secondary: bool = False  # "as cited in" target
    after_quote: bool = False  # a direct quotation ends right before this citation
    key: str = ""  # a LaTeX cite key or a listed label ("URL-1", "НКРЯ"): matched first
    book_authors: tuple[str, ...] = ()  # "Lindqvist in: Moreau and Dahl": the book's names
    by_title: bool = False  # a title stands for the author: (“Banking Law Review,” 2013)
    number: int = 0  # the entry number of a numbered citation ([12]); 0 otherwise
    ibid: bool = False  # "(Ibid.)", "[Там же, с. 5]": the work cited just before, no names
    no_year: bool = False  # "(Bıyıklı, s. 63)": names and a page, no year (a listed author)


@dataclass(frozen=True, slots=True)
class Link:
    """The match stage's verdict for one citation: which entry it means, and how sure."""

    citation: int  # Citation.index
    reference: int | None  # Reference.index (1-based) or None when no entry fits
    method: str = ""  # "exact", "folded", "romanised", "fuzzy", "lookalike", ...
    score: float = 0.0
    candidates: tuple[int, ...] = ()  # other plausible entries (ambiguity); for an unlinked
    # citation, the nearest entry ("did you mean …?")
    skipped: int = 0  # leading cited names that are not the entry's ("RAND, Weller and Singh")
    also: tuple[int, ...] = ()  # entries that repeat ``reference`` (one work listed twice)


@dataclass(frozen=True, slots=True)
class FieldDiff:
    """One field where the entry and an authoritative service disagree."""

    field: str
    entry: str
    service: str


@dataclass(frozen=True, slots=True)
class Resolution:
    """Outcome of checking one DOI or URL of one entry; failures are data, never exceptions."""

    reference: int  # Reference.index
    kind: Literal["doi", "url", "doi-search"]
    target: str  # the DOI or URL checked
    status: str  # ok, not_found, mismatch, moved, dead, blocked, unreachable, rate_limited,
    # invalid, suggested, skipped
    service: str = ""  # crossref, datacite, doi.org, web, archive
    http_status: int | None = None
    final_url: str = ""
    redirects: tuple[str, ...] = ()
    diffs: tuple[FieldDiff, ...] = ()
    metadata: tuple[tuple[str, str], ...] = ()  # what the service says: (("title", ...), ...)
    note: str = ""
    suggestion: str = ""  # a DOI found by search, an archived copy, ...


@dataclass(frozen=True, slots=True)
class Source:
    """A manuscript as the load stage read it: decoded text, before any splitting."""

    text: str  # decoded; line endings normalised to "\n"; docx paragraphs one per line
    path: str = "<string>"
    format: str = "text"  # text, markdown, docx, latex
    encoding: str = "utf-8"
    bib_entries: tuple[str, ...] = ()  # for LaTeX: raw .bib entries found beside the .tex


@dataclass(frozen=True, slots=True)
class Part:
    """A stretch of ``Document.text`` read from another file (a .bib appended to its .tex).

    The text from offset ``start`` on came from ``path``, whose line 1 is global line
    ``first_line``; one text keeps spans simple while findings still name the right file.
    """

    path: str
    start: int
    first_line: int


@dataclass(frozen=True, slots=True)
class RefusedFile:
    """A file the manuscript names but refcheck would not read (a LaTeX .bib outside its folder).

    ``path`` is the name as the manuscript writes it; ``span`` is where it is named.
    """

    path: str
    span: Span
    reason: str


@dataclass(frozen=True)
class Document:
    """A loaded manuscript: its text, where the list is, the raw entries and parsed references."""

    text: str
    path: str = "<string>"
    format: str = "text"  # text, markdown, docx, latex
    body: Span = field(default_factory=lambda: Span(0, 0))  # the part citations are looked for in
    heading: Span | None = None  # the reference-list heading line
    references_region: Span | None = None
    entries: tuple[RawEntry, ...] = ()
    references: tuple[Reference, ...] = ()
    excluded: tuple[Span, ...] = ()  # footnotes, page headers removed from entries
    parts: tuple[Part, ...] = ()  # appended files (LaTeX: the .bib files), in text order
    refused: tuple[RefusedFile, ...] = ()  # named files not read: outside the manuscript's folder

    def _line_starts(self) -> list[int]:
        cached: list[int] | None = self.__dict__.get("_ls")
        if cached is None:
            cached = [0]
            find = self.text.find
            pos = find("\n")
            while pos != -1:
                cached.append(pos + 1)
                pos = find("\n", pos + 1)
            object.__setattr__(self, "_ls", cached)
        return cached

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        starts = self._line_starts()
        i = bisect.bisect_right(starts, offset) - 1
        return i + 1, offset - starts[i] + 1

    def where(self, offset: int) -> tuple[str | None, int, int]:
        """(path, line, column) of an offset: path None for the main file, else the part's file.

        Lines and columns are 1-based and counted within that file.
        """
        line, column = self.locate(offset)
        part: Part | None = None
        for p in self.parts:
            if offset >= p.start:
                part = p
        if part is None:
            return None, line, column
        return part.path, line - part.first_line + 1, column

    def line_text(self, line: int) -> str:
        starts = self._line_starts()
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[start:end]
