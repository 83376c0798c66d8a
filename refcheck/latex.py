"""LaTeX manuscripts: the body from the .tex, the reference list from its .bib files (or from an
inline ``thebibliography``), and ``\\cite`` keys as citations.

Why a module of its own: a LaTeX paper's reference list is not text in APA form but BibTeX
records that a style turns into a list, so the text splitter and the APA parser cannot read it.
Here each ``@type{key, ...}`` block becomes a :class:`~refcheck.model.Reference` straight from
its fields (via pybtex, LaTeX accents to Unicode via pylatexenc), and each ``\\citep{a,b}`` key
becomes a :class:`~refcheck.model.Citation` that the match stage links by key. The rest of the
pipeline (normalise, rules, reports) runs unchanged.

Positions: the .bib texts are appended to the .tex text, each after a separator line, so every
span indexes one ``Document.text``; ``Document.parts`` records where each file starts so that
findings name the .bib and its own line (``Document.where``).

Everything that scans manuscript text is a plain loop or a bounded pattern (no nested
quantifiers): linear on adversarial input.
"""

from __future__ import annotations

import functools
import importlib
import logging
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from refcheck.errors import InputError, NoReferencesError
from refcheck.model import (
    Agent,
    Citation,
    Document,
    Organization,
    ParseStatus,
    Part,
    PartialDate,
    Person,
    RawEntry,
    Reference,
    RefusedFile,
    Source,
    Span,
)

__all__ = [
    "BibBlock",
    "bib_blocks",
    "bib_files",
    "bib_references",
    "extract_latex_citations",
    "latex_to_text",
    "load_latex",
    "mask_latex",
    "named_bibs",
]

MAX_BIB_BYTES = 16 * 1024 * 1024

# Citation commands (natbib, biblatex, plain LaTeX); \nocite is deliberately not a citation.
_NARRATIVE = frozenset(
    {"citet", "Citet", "textcite", "Textcite", "citeauthor", "Citeauthor", "citealt", "Citealt"}
)
_CITE_CMDS = _NARRATIVE | frozenset(
    {
        "cite",
        "Cite",
        "citep",
        "Citep",
        "citealp",
        "Citealp",
        "parencite",
        "Parencite",
        "autocite",
        "Autocite",
        "footcite",
        "smartcite",
        "Smartcite",
        "citeyear",
        "citeyearpar",
        "citenum",
    }
)
_CMD = re.compile(r"\\([A-Za-z]{2,20})")
# Arguments of a cite command: bounded, negated classes (C speed, no backtracking blow-up).
_OPT_ARG = re.compile(r"[ \t]{0,20}\n?[ \t]{0,20}\[([^\[\]]{0,300})\]")
_KEY_ARG = re.compile(r"[ \t]{0,20}\n?[ \t]{0,20}\{([^{}\\]{0,1000})\}")
_BIB_CMD = re.compile(
    r"\\(?:bibliography|addbibresource)[ \t]{0,20}(?:\[[^\[\]]{0,300}\])?[ \t]{0,20}"
    r"\{([^{}\\]{1,1000})\}"
)
_BIBITEM = re.compile(r"\\bibitem[ \t]{0,20}(?:\[[^\[\]]{0,300}\])?[ \t]{0,20}\{([^{}\\]{0,300})\}")
_VERBATIM = re.compile(r"\\begin\{(verbatim\*?|lstlisting|minted|comment|Verbatim)\}")
_BEGIN_DOC = "\\begin{document}"
_END_DOC = "\\end{document}"
_BEGIN_THEBIB = "\\begin{thebibliography}"
_END_THEBIB = "\\end{thebibliography}"
_ENTRY_START = re.compile(r"@[ \t]{0,4}([A-Za-z]{1,30})[ \t\n]{0,20}([{(])")
_KEY = re.compile(r"[ \t\n]{0,20}([^,\s{}()=\"#%'~\\]{1,200})[ \t\n]{0,20},")
_YEAR = re.compile(r"(?<!\d)(\d{4})([a-z]?)(?!\d)")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_TRANSLATION = re.compile(r"^(.{1,2000}?)\s{0,5}\[([^\[\]]{1,500})\]$")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s{0,3})", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}
# BibTeX/biblatex entry type → CSL type (what the checks and exporters expect).
_TYPES = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "booklet": "book",
    "collection": "book",
    "proceedings": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "unpublished": "manuscript",
    "manual": "report",
    "dataset": "dataset",
    "software": "software",
    "misc": "document",
}
_LANGIDS = {
    "english": "en",
    "american": "en",
    "british": "en",
    "turkish": "tr",
    "azerbaijani": "az",
    "azeri": "az",
    "russian": "ru",
    "german": "de",
    "french": "fr",
}


# ------------------------------------------------------------------------------- masking


def mask_latex(text: str) -> str:
    """``text`` with comments and verbatim-like environments blanked (same length, newlines
    kept), so scanners skip them while offsets stay those of the original text."""
    out = list(text)
    pos = 0
    n = len(text)
    while pos < n:  # comments: an unescaped % to the end of its line
        pct = text.find("%", pos)
        if pct == -1:
            break
        back = 0
        while pct - back - 1 >= 0 and text[pct - back - 1] == "\\":
            back += 1
        eol = text.find("\n", pct)
        eol = n if eol == -1 else eol
        if back % 2 == 0:
            out[pct:eol] = " " * (eol - pct)
            pos = eol
        else:
            pos = pct + 1
    masked = "".join(out)
    pos = 0
    while True:  # verbatim environments (found in the comment-free text), blanked in ``out``
        m = _VERBATIM.search(masked, pos)
        if m is None:
            break
        end_tag = f"\\end{{{m.group(1)}}}"
        end = masked.find(end_tag, m.end())
        stop = n if end == -1 else end + len(end_tag)
        for k in range(m.start(), stop):
            if out[k] != "\n":
                out[k] = " "
        pos = stop
    return "".join(out)


# ------------------------------------------------------------------------------- arguments


def _group(text: str, i: int, limit: int = 4000) -> tuple[int, int] | None:
    """``(start, end)`` of the content of a ``{...}`` group opening at ``i``, braces balanced."""
    if i >= len(text) or text[i] != "{":
        return None
    depth = 0
    for j in range(i, min(len(text), i + limit)):
        ch = text[j]
        if ch == "\\":
            continue
        if ch == "{" and (j == 0 or text[j - 1] != "\\"):
            depth += 1
        elif ch == "}" and text[j - 1] != "\\":
            depth -= 1
            if depth == 0:
                return i + 1, j
    return None


# ------------------------------------------------------------------------------- LaTeX → text


def latex_to_text(s: str) -> str:
    """LaTeX markup to readable Unicode: accents (``{\\c{s}}`` → ş, ``{\\u{g}}`` → ğ,
    ``{\\i}`` → ı), ``--`` → en dash, protective braces dropped, ``\\emph{x}`` → ``*x*``."""
    if not s:
        return ""
    if "\\" not in s and "{" not in s and "~" not in s and "--" not in s:
        return _SPACES.sub(" ", s).strip()
    if len(s) > PYLATEXENC_LIMIT:  # pylatexenc is superlinear on long runs (2 MB of "-": 9 s)
        return _plain_markup(s)
    return _latex_to_text_cached(s)


PYLATEXENC_LIMIT = 20_000  # characters: far beyond any real .bib field


def _plain_markup(s: str) -> str:
    """Linear stand-in for pylatexenc on oversized text: dashes and ties kept, braces dropped."""
    s = s.replace("---", "\u2014").replace("--", "\u2013").replace("~", " ")
    return _SPACES.sub(" ", s.replace("{", "").replace("}", "")).strip()


@functools.lru_cache(maxsize=8192)
def _latex_to_text_cached(s: str) -> str:
    conv, walker_cls, walker_db = _converter()
    try:  # a walker with a prebuilt context: pylatexenc rebuilds its default one per call
        nodes = walker_cls(s, latex_context=walker_db, tolerant_parsing=True).get_latex_nodes()[0]
        out = str(conv.nodelist_to_text(nodes))
        if "%s" in out and "%s" not in s:  # a macro given without its argument
            out = out.replace("*%s*", "").replace("%s", "")
    except Exception:  # pylatexenc on hostile markup: fall back to stripping braces
        out = s.replace("{", "").replace("}", "")
    return _SPACES.sub(" ", out.replace("\xa0", " ")).strip()


@functools.lru_cache(maxsize=1)
def _converter() -> tuple[Any, Any, Any]:
    """Built once (pylatexenc's context database is slow to build)."""
    # imported by name: pylatexenc ships no type information (and is not in mypy's overrides)
    l2t = importlib.import_module("pylatexenc.latex2text")
    LatexNodes2Text, MacroTextSpec = l2t.LatexNodes2Text, l2t.MacroTextSpec
    get_default_latex_context_db = l2t.get_default_latex_context_db
    walker = importlib.import_module("pylatexenc.latexwalker")
    # pylatexenc logs a warning for every malformed macro (``\\emph`` without argument); bad
    # markup in a .bib is the user's text, handled by the fallback, not console noise
    logging.getLogger("pylatexenc").setLevel(logging.ERROR)

    db = get_default_latex_context_db()
    italic = [MacroTextSpec(m, simplify_repl="*%s*") for m in ("emph", "textit", "textsl")]
    db.add_context_category("refcheck-italic", prepend=True, macros=italic)
    db.add_context_category(
        "refcheck-links", prepend=True, macros=[MacroTextSpec("url", simplify_repl="%s")]
    )
    conv = LatexNodes2Text(latex_context=db, math_mode="verbatim", strict_latex_spaces=True)
    return conv, walker.LatexWalker, walker.get_default_latex_context_db()


def _plain(s: str) -> str:
    """A field that is not prose (DOI, URL, key): drop braces and TeX escapes only."""
    s = s.replace("\\_", "_").replace("\\%", "%").replace("\\&", "&").replace("\\#", "#")
    s = s.replace("{", "").replace("}", "").replace("\\url", "")
    return _SPACES.sub(" ", s).strip()


# ------------------------------------------------------------------------------- .bib files


@dataclass(frozen=True, slots=True)
class NamedBib:
    """A .bib file a .tex names: where it would be read from, and why it may not be."""

    path: Path
    line: int  # 1-based line of the command in the .tex
    offset: int  # of the command in the .tex text
    written: str  # the name as the .tex writes it
    refused: str = ""  # why it is not read ("" when it is inside the manuscript's folder)


def _containment(base: Path, written: str, path: Path) -> str:
    """Why ``path`` may not be read for a manuscript in ``base`` ("" when it may).

    A .tex reads only files inside its own folder tree: no absolute paths, no ``..`` out of
    it, no symbolic link that leaves it. An uploaded manuscript could otherwise put any
    readable .bib on the machine into its report and exports.
    """
    if Path(written).is_absolute() or written.startswith("~"):
        return "absolute path"
    try:
        root = base.resolve()
        lexical = Path(os.path.normpath(root / written))
        real = path.resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a name the OS refuses
        return "cannot be resolved"
    if not lexical.is_relative_to(root):
        return "'..' leads out of the manuscript's folder"
    if not real.is_relative_to(root):
        return "a symbolic link leads out of the manuscript's folder"
    return ""


def named_bibs(tex: str, tex_path: str | Path) -> list[NamedBib]:
    """Every .bib a .tex names, once, with its line and whether it lies inside the .tex's
    folder tree; commented-out commands are ignored. Existence is not checked here."""
    masked = mask_latex(tex)
    base = Path(tex_path).parent
    out: list[NamedBib] = []
    line_no = counted = 0
    for m in _BIB_CMD.finditer(masked):
        grp = m.span(1)
        line_no += masked.count("\n", counted, m.start())
        counted = m.start()
        line = line_no + 1
        for raw in masked[grp[0] : grp[1]].split(","):
            item = raw.strip()
            if item:
                name = item if item.lower().endswith(".bib") else item + ".bib"
                path = base / name
                if all(b.path != path for b in out):
                    out.append(NamedBib(path, line, m.start(), name,
                                        _containment(base, name, path)))
    return out


def bib_files(tex: str, tex_path: str | Path) -> list[tuple[Path, int]]:
    """The .bib files a .tex names (``\\bibliography{a,b}``, ``\\addbibresource{a.bib}``)
    that may be read (inside its folder tree), resolved beside it, with the 1-based line of
    the command; commented-out commands are ignored. Files are not checked for existence."""
    return [(b.path, b.line) for b in named_bibs(tex, tex_path) if not b.refused]


@dataclass(frozen=True, slots=True)
class BibBlock:
    """One ``@type{...}`` block of a .bib text: where it is, its type and key as written."""

    start: int  # offsets in the .bib text
    end: int
    kind: str  # lower-case entry type ("article", "string", ...)
    key: str  # "" when it could not be read
    complete: bool  # False when the closing brace is missing (the block ends at the next @)


def bib_blocks(text: str) -> Iterator[BibBlock]:
    """Split a .bib text into blocks by brace depth, linearly; an unterminated block ends where
    the next ``@type{`` begins a line, so one broken entry never swallows the rest."""
    pos = 0
    n = len(text)
    while pos < n:
        at = text.find("@", pos)
        if at == -1:
            return
        m = _ENTRY_START.match(text, at)
        if m is None:
            pos = at + 1
            continue
        kind = m.group(1).lower()
        paren = m.group(2) == "("
        depth = 1
        j = m.end()
        complete = False
        while j < n:
            ch = text[j]
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0 and not paren:
                    complete = True
                    j += 1
                    break
            elif ch == ")" and paren and depth == 1:
                complete = True
                j += 1
                break
            elif ch == "\n":  # a new entry starting a line: the current one lost its brace
                nxt = _skip_blank(text, j + 1)
                if nxt < n and text[nxt] == "@" and _ENTRY_START.match(text, nxt):
                    j += 1
                    break
            j += 1
        km = _KEY.match(text, m.end())
        keyed = km is not None and kind not in {"string", "preamble", "comment"}
        key = km.group(1) if km is not None and keyed else ""
        yield BibBlock(at, j, kind, key, complete)
        pos = max(j, at + 1)


def _skip_blank(text: str, i: int) -> int:
    n = len(text)
    while i < n and text[i] in " \t":
        i += 1
    return i


def bib_references(
    text: str, offset: int = 0, first_line: int = 1, first_index: int = 1
) -> tuple[tuple[RawEntry, ...], tuple[Reference, ...]]:
    """One RawEntry and one Reference per entry block of a .bib text (nothing lost: a block
    pybtex cannot read is an UNPARSED Reference with the reason). Spans are ``offset`` + the
    position in ``text``; lines are counted within the .bib (``first_line`` = its line 1)."""
    from pybtex.database import BibliographyData
    from pybtex.database.input.bibtex import Parser
    from pybtex.errors import capture
    from pybtex.scanner import PybtexSyntaxError

    parser = Parser()  # one parser: @string macros carry over from block to block
    entries: list[RawEntry] = []
    refs: list[Reference] = []
    index = first_index
    line_no = counted = 0
    for block in bib_blocks(text):
        chunk = text[block.start : block.end]
        if block.kind in {"comment", "preamble"}:
            continue
        parser.data = BibliographyData()  # each block alone: a broken one loses nothing else
        errors: list[Exception] = []
        data = None
        try:
            with capture() as captured:
                data = parser.parse_string(chunk)
            errors.extend(captured)
        except Exception as exc:  # pybtex raises many types on hostile input; none is fatal
            errors.append(exc)
        if block.kind == "string":
            continue
        span = Span(offset + block.start, offset + block.end)
        line_no += text.count("\n", counted, block.start)  # incremental: linear in the text
        counted = block.start
        line = first_line + line_no
        one_line = _SPACES.sub(" ", chunk).strip()
        entry = RawEntry(index=index, text=one_line, span=span, line=line, note="bibtex")
        syntax = [_error_text(e) for e in errors if isinstance(e, PybtexSyntaxError)]
        bib_entries = list(data.entries.items()) if data is not None else []
        if not block.complete:
            syntax.insert(0, "missing closing brace")
        if syntax or len(bib_entries) != 1:
            reason = "BibTeX syntax error: " + syntax[0] if syntax else "no BibTeX entry"
            ref = Reference(
                index=index,
                raw=one_line,
                span=span,
                line=line,
                status=ParseStatus.UNPARSED,
                reason=reason,
                key=block.key,
            )
        else:
            key, bib_entry = bib_entries[0]
            ref = _reference(index, str(key), bib_entry, span, line)
            if errors:  # duplicate field and the like: the entry is read, with a remark
                ref = replace(ref, status=ParseStatus.PARTIAL, reason=_error_text(errors[0]))
        entries.append(replace(entry, text=ref.raw))
        refs.append(ref)
        index += 1
    return tuple(entries), tuple(refs)


def _error_text(exc: Exception) -> str:
    msg = str(exc).strip() or type(exc).__name__
    return _SPACES.sub(" ", msg)[:200]


def _persons(persons: Sequence[object]) -> tuple[tuple[Agent, ...], bool]:
    out: list[Agent] = []
    et_al = False
    for p in persons:
        first = [str(x) for x in getattr(p, "first_names", [])]
        middle = [str(x) for x in getattr(p, "middle_names", [])]
        pre = [str(x) for x in getattr(p, "prelast_names", [])]
        last = [str(x) for x in getattr(p, "last_names", [])]
        lineage = [str(x) for x in getattr(p, "lineage_names", [])]
        if not (first or middle or pre or lineage) and len(last) == 1:
            word = last[0]
            if word == "others":
                et_al = True
                continue
            whole = _group(word, 0) == (1, len(word) - 1)
            if word.startswith("{") and whole:  # {Ministry of Foreign Affairs}: group author
                out.append(Organization(latex_to_text(word[1:-1])))
                continue
        out.append(
            Person(
                family=latex_to_text(" ".join(last)),
                given=latex_to_text(" ".join(first + middle)),
                particle=latex_to_text(" ".join(pre)),
                suffix=latex_to_text(" ".join(lineage)),
            )
        )
    return tuple(out), et_al


def _date(value: str) -> PartialDate | None:
    m = _ISO_DATE.match(value.strip())
    if m is None:
        return None
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if month is not None and not 1 <= month <= 12:
        month = day = None
    if day is not None and not 1 <= day <= 31:
        day = None
    return PartialDate(int(m.group(1)), month, day)


def _month(value: str) -> int | None:
    v = value.strip().lower().rstrip(".")
    if v.isdigit():
        n = int(v)
        return n if 1 <= n <= 12 else None
    return _MONTHS.get(v)


def _reference(index: int, key: str, entry: object, span: Span, line: int) -> Reference:
    """A Reference from one pybtex Entry: fields mapped to the model, LaTeX to Unicode."""
    raw_fields = getattr(entry, "fields", {})
    fields = {str(k).lower(): str(v) for k, v in raw_fields.items()}
    persons = getattr(entry, "persons", {})
    kind = str(getattr(entry, "type", "misc")).lower()

    def get(*names: str) -> str:
        for n in names:
            if fields.get(n):
                return latex_to_text(fields[n])
        return ""

    authors, et_al = _persons(persons.get("author", []))
    editors, _ = _persons(persons.get("editor", []))
    csl = _TYPES.get(kind, "document")
    if csl == "article-journal" and fields.get("entrysubtype", "").lower() in {
        "newspaper",
        "magazine",
    }:
        csl = "article-" + fields["entrysubtype"].lower()
    if csl == "document" and fields.get("url") and not fields.get("publisher"):
        csl = "webpage"

    year: int | None = None
    suffix = ""
    no_date = in_press = False
    date = _date(fields.get("date", ""))
    year_text = get("year").lower()
    ym = _YEAR.search(year_text)
    if ym is not None:
        year, suffix = int(ym.group(1)), ym.group(2)
    elif date is not None:
        year = date.year
    elif year_text.replace(" ", "") in {"n.d.", "nd", "nodate"} or fields.get("date") == "nodate":
        no_date = True
    elif year_text in {"in press", "forthcoming"} or fields.get("pubstate", "") in {
        "inpress",
        "forthcoming",
    }:
        in_press = True
    if date is None and year is not None:
        month = _month(get("month"))
        day_text = get("day")
        day = int(day_text) if day_text.isdigit() and month and 1 <= int(day_text) <= 31 else None
        if month is not None:
            date = PartialDate(year, month, day)
    elif date is not None and year is not None and date.year != year:
        date = None

    title = get("title")
    translation = get("titleaddon")
    tm = _TRANSLATION.match(title)
    if tm is not None and not translation:
        title, translation = tm.group(1).rstrip(), tm.group(2).strip()
    translation = translation.strip("[] ")

    if csl in {"chapter", "paper-conference"}:
        container = get("booktitle", "journal", "journaltitle")
    else:
        container = get("journal", "journaltitle", "booktitle")
    publisher = get("publisher", "institution", "school", "organization")
    genre = get("type")
    if not genre and kind == "phdthesis":
        genre = "Doctoral dissertation"
    elif not genre and kind == "mastersthesis":
        genre = "Master's thesis"
    doi = _DOI_PREFIX.sub("", _plain(fields.get("doi", "")))
    url = _plain(fields.get("url", "") or fields.get("howpublished", "")) if not doi else ""
    if doi and fields.get("url"):
        url = _plain(fields["url"])
    if url and not url.lower().startswith(("http://", "https://", "ftp://")):
        url = ""
    accessed = _date(fields.get("urldate", ""))
    lang = _LANGIDS.get((fields.get("langid") or fields.get("language") or "").lower(), "")

    ref = Reference(
        index=index,
        raw="",
        span=span,
        line=line,
        type=csl,
        authors=authors,
        editors=editors,
        et_al=et_al,
        year=year,
        year_suffix=suffix,
        date=date,
        no_date=no_date,
        in_press=in_press,
        title=title,
        title_translation=translation,
        container_title=container,
        volume=get("volume"),
        issue=get("number", "issue"),
        pages=get("pages").replace("--", "–"),
        edition=get("edition"),
        publisher=publisher,
        place=get("address", "location"),
        genre=genre,
        doi=doi,
        # the style writes the DOI as a link; how the .bib spells it is not an APA defect
        doi_raw=f"https://doi.org/{doi}" if doi else "",
        url=url,
        accessed=accessed,
        language=lang,
        status=ParseStatus.PARSED,
        apa_conformant=True,  # BibTeX is not the APA list form; the style renders it
        key=key,
    )
    return replace(ref, raw=render_reference(ref))


def render_reference(ref: Reference) -> str:
    """A readable APA-like one-line rendering of a .bib reference (messages, romanisation)."""
    names = [a.display for a in ref.authors]
    if len(names) > 1:
        head = ", ".join(names[:-1]) + ", & " + names[-1]
    else:
        head = names[0] if names else ""
    parts: list[str] = []
    if head:
        parts.append(head.rstrip(".") + ".")
    parts.append(f"({ref.year_label}).")
    if ref.title:
        t = ref.title + (f" [{ref.title_translation}]" if ref.title_translation else "")
        parts.append(t.rstrip(".") + ".")
    if ref.container_title:
        cont = ref.container_title
        if ref.volume:
            cont += f", {ref.volume}" + (f"({ref.issue})" if ref.issue else "")
        if ref.pages:
            cont += f", {ref.pages}"
        parts.append(cont + ".")
    if ref.publisher:
        parts.append(ref.publisher.rstrip(".") + ".")
    if ref.doi:
        parts.append(f"https://doi.org/{ref.doi}")
    elif ref.url:
        parts.append(ref.url)
    return " ".join(parts)


# ------------------------------------------------------------------------------- the document


def load_latex(source: Source) -> Document:
    """A LaTeX source as a Document: body from the .tex, entries from its .bib files (appended
    to the text, see ``Document.parts``) or from ``thebibliography``.

    Raises :class:`InputError` naming a missing .bib, and :class:`NoReferencesError` when the
    .tex has neither a .bib nor a ``thebibliography`` list.
    """
    tex = source.text
    masked = mask_latex(tex)
    b = masked.find(_BEGIN_DOC)
    e = masked.find(_END_DOC, b + 1 if b != -1 else 0)
    body_start = b + len(_BEGIN_DOC) if b != -1 else 0
    body_end = e if e != -1 and e >= body_start else len(tex)

    tb = masked.find(_BEGIN_THEBIB, body_start)
    if tb != -1 and tb < body_end:
        return _thebibliography(source, masked, Span(body_start, tb), tb)

    bibs, refused = _read_bibs(source)
    if bibs is None:
        raise NoReferencesError(
            "no reference list: the .tex has no \\bibliography{…} or \\addbibresource{…} naming "
            "a .bib file beside it, and no thebibliography environment",
            source.path,
        )
    text = tex if tex.endswith("\n") else tex + "\n"
    parts: list[Part] = []
    entries: list[RawEntry] = []
    refs: list[Reference] = []
    region_start = len(text)
    for path, bib_text in bibs:
        text += f"%% ---- refcheck: {Path(path).name} ----\n"
        start = len(text)
        first_line = text.count("\n") + 1  # once per .bib file
        parts.append(Part(path=path, start=start, first_line=first_line))
        ents, rs = bib_references(bib_text, offset=start, first_line=1, first_index=len(refs) + 1)
        entries.extend(ents)
        refs.extend(rs)
        text += bib_text if bib_text.endswith("\n") else bib_text + "\n"
    return Document(
        text=text,
        path=source.path,
        format="latex",
        body=Span(body_start, body_end),
        heading=None,
        references_region=Span(region_start, len(text)),
        entries=tuple(entries),
        references=tuple(refs),
        parts=tuple(parts),
        refused=refused,
    )


def _read_bibs(source: Source) -> tuple[list[tuple[str, str]] | None, tuple[RefusedFile, ...]]:
    """(path, text) of each .bib the .tex names (None when it names none and, for text in
    memory, none was handed over in ``Source.bib_entries``), and those refused unread."""
    from refcheck.loader import decode_bytes

    named = named_bibs(source.text, source.path)
    in_memory = source.path.startswith("<")
    refused = tuple(RefusedFile(b.written, Span(b.offset, b.offset), b.refused)
                    for b in named if b.refused and not in_memory)
    if not named:
        if source.bib_entries:
            return [("<bib>", "\n\n".join(source.bib_entries) + "\n")], refused
        return None, refused
    out: list[tuple[str, str]] = []
    for bib in named:
        path, line = bib.path, bib.line
        if in_memory:
            if source.bib_entries:
                return [("<bib>", "\n\n".join(source.bib_entries) + "\n")], refused
            raise InputError(
                f"bibliography file {path.name} cannot be read for text given in memory",
                source.path,
                line,
            )
        if bib.refused:
            continue  # a finding (S901), never a read
        if not path.is_file():
            raise InputError(
                f"bibliography file {path.name} not found beside the .tex", source.path, line
            )
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_BIB_BYTES + 1)
        except OSError as exc:
            raise InputError(f"cannot read {path.name}: {exc.strerror or exc}", str(path)) from None
        if len(data) > MAX_BIB_BYTES:
            raise InputError("bibliography file too large", str(path))
        if not data.strip():
            out.append((str(path), ""))
            continue
        out.append((str(path), decode_bytes(data, str(path)).text))
    return out, refused


def _thebibliography(source: Source, masked: str, body: Span, begin: int) -> Document:
    """Entries of an inline ``thebibliography``: one per ``\\bibitem[label]{key}``, its text
    (LaTeX → Unicode, italics as ``*...*``) parsed like any plain-text entry."""
    from refcheck.parse import parse_entry

    text = source.text
    end = masked.find(_END_THEBIB, begin)
    end = len(text) if end == -1 else end
    items: list[tuple[int, int, str]] = []  # (command start, text start, key)
    for m in _BIBITEM.finditer(masked, begin, end):
        items.append((m.start(), m.end(), m.group(1).strip()))
    entries: list[RawEntry] = []
    refs: list[Reference] = []
    line_no = counted = 0
    for n, (cmd, start, key) in enumerate(items, start=1):
        stop = items[n][0] if n < len(items) else end
        chunk = masked[start:stop]
        lead = len(chunk) - len(chunk.lstrip())
        span = Span(cmd, start + len(chunk.rstrip()))
        if len(span) == 0:
            span = Span(cmd, start)
        line_no += text.count("\n", counted, cmd)  # incremental: linear in the text
        counted = cmd
        line = line_no + 1
        entry_text = latex_to_text(chunk[lead:].replace("\\newblock", " "))
        entry = RawEntry(index=n, text=entry_text, span=span, line=line, note="bibitem")
        entries.append(entry)
        refs.append(replace(parse_entry(entry), key=key))
    line_end = masked.find("\n", begin)
    if line_end == -1 or line_end > end:
        line_end = begin + len(_BEGIN_THEBIB)
    heading = Span(begin, line_end)
    return Document(
        text=text,
        path=source.path,
        format="latex",
        body=body,
        heading=heading,
        references_region=Span(heading.end, end),
        entries=tuple(entries),
        references=tuple(refs),
    )


# ------------------------------------------------------------------------------- citations


@dataclass(frozen=True, slots=True)
class _Command:
    name: str
    start: int
    end: int
    prenote: str
    postnote: str
    keys: tuple[tuple[str, int, int], ...]  # (key, start, end) in Document.text


def _commands(masked: str, start: int, end: int) -> Iterator[_Command]:
    pos = start
    while True:
        m = _CMD.search(masked, pos, end)
        if m is None:
            return
        name = m.group(1)
        pos = m.end()
        if name not in _CITE_CMDS:
            continue
        i = m.end()
        if i < end and masked[i] == "*":
            i += 1
        opts: list[tuple[int, int]] = []
        for _ in range(2):
            o = _OPT_ARG.match(masked, i, end)
            if o is None:
                break
            opts.append(o.span(1))
            i = o.end()
        km = _KEY_ARG.match(masked, i, end)
        if km is None:
            continue
        grp = km.span(1)
        keys: list[tuple[str, int, int]] = []
        k = grp[0]
        for piece in masked[grp[0] : grp[1]].split(","):
            lead = len(piece) - len(piece.lstrip())
            key = piece.strip()
            if key:
                keys.append((key, k + lead, k + lead + len(key)))
            k += len(piece) + 1
        pre = post = ""
        if len(opts) == 1:
            post = masked[opts[0][0] : opts[0][1]]
        elif len(opts) == 2:
            pre = masked[opts[0][0] : opts[0][1]]
            post = masked[opts[1][0] : opts[1][1]]
        pos = km.end()
        yield _Command(name, m.start(), pos, latex_to_text(pre), latex_to_text(post), tuple(keys))


_LOCATOR_STYLE = re.compile(r"^(pp?\.|paras?\.|chap\.|ch\.|sec\.|§|¶)\s*", re.IGNORECASE)


def _locator(post: str) -> tuple[str, str]:
    """(locator, style) of a postnote: ``p.~12`` → ("p. 12", "p."), ``12`` → ("12", "")."""
    post = post.strip()
    if not post:
        return "", ""
    m = _LOCATOR_STYLE.match(post)
    if m is None:
        return post, ""
    style = m.group(1).lower()
    return f"{style} {post[m.end() :].strip()}".strip(), style


def _citation_names(ref: Reference) -> tuple[tuple[str, ...], bool]:
    names: list[str] = []
    for a in ref.authors:
        if isinstance(a, Person):
            names.append(f"{a.particle} {a.family}".strip())
        else:
            names.append(a.name)
    if not names:
        short = ref.title.split(":")[0].strip()
        return ((short[:80],) if short else ()), False
    if len(names) >= 3:
        return (names[0],), True
    return tuple(names), False


def extract_latex_citations(doc: Document) -> tuple[Citation, ...]:
    """One Citation per key of every ``\\cite``-like command in the body, ordered by position.

    Known keys get the authors and year of their entry (as an APA citation would show them),
    so the author/year rules stay meaningful; an unknown key gets no authors and its own name
    as ``text``, and the match stage leaves it without an entry (X301). A .tex without any
    cite command (citations typed by hand) falls back to the plain-text extractor.
    """
    masked = mask_latex(doc.text[: doc.body.end])
    by_key: dict[str, Reference] = {}
    for r in doc.references:
        if r.key and r.key not in by_key:
            by_key[r.key] = r
    out: list[Citation] = []
    seen = False
    for group, cmd in enumerate(_commands(masked, doc.body.start, doc.body.end), start=1):
        seen = True
        narrative = cmd.name in _NARRATIVE
        kind: str = "narrative" if narrative else "parenthetical"
        locator, style = _locator(cmd.postnote)
        for pos, (key, ks, ke) in enumerate(cmd.keys):
            ref = by_key.get(key)
            names: tuple[str, ...] = ()
            et_al = False
            if ref is not None:
                names, et_al = _citation_names(ref)
            cit = Citation(
                index=len(out),
                text=_citation_text(key, ref, names, et_al, narrative),
                span=Span(ks, ke),
                kind="narrative" if kind == "narrative" else "parenthetical",
                authors=names,
                year=ref.year if ref else None,
                year_suffix=ref.year_suffix if ref else "",
                year_text=ref.year_label if ref else "",
                no_date=ref.no_date if ref else False,
                in_press=ref.in_press if ref else False,
                et_al=et_al,
                et_al_form="et al." if et_al else "",
                connector=("and" if narrative else "&") if len(names) == 2 else "",
                locator=locator if pos == len(cmd.keys) - 1 else "",
                locator_style=style if pos == len(cmd.keys) - 1 else "",
                prefix=cmd.prenote if pos == 0 else "",
                group=group,
                group_position=pos,
                key=key,
            )
            out.append(cit)
    if not seen:  # no cite command at all: citations typed by hand, "(Smith, 2020)"
        from refcheck.cite import extract_citations

        return extract_citations(replace(doc, format="text"))
    return tuple(out)


def _citation_text(
    key: str, ref: Reference | None, names: tuple[str, ...], et_al: bool, narrative: bool
) -> str:
    if ref is None:
        return key
    if len(names) == 2:
        who = f"{names[0]} {'and' if narrative else '&'} {names[1]}"
    elif names:
        who = names[0] + (" et al." if et_al else "")
    else:
        who = key
    return f"{who} ({ref.year_label})" if narrative else f"{who}, {ref.year_label}"
