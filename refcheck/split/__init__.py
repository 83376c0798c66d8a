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
The parts: :mod:`refcheck.split.headings` (where the list starts and ends),
:mod:`refcheck.split.lines` (what each line reads like, how wrapped lines join); this module
walks the region and builds the entries. See ``docs/input.md`` for the heading words and the
heuristics.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from refcheck.errors import InputError, NoReferencesError
from refcheck.model import Document, RawEntry, Source, Span
from refcheck.split.headings import (
    _SMALL_WORDS,
    BACK_MATTER_HEADINGS,
    REFERENCE_HEADINGS,
    SUBHEADINGS,
    _find_heading,
    _is_back_matter,
    _known_heading,
    fold_heading,
    is_reference_heading,
)
from refcheck.split.lines import (
    _LABELLED_PAGE,
    _LATEX_ITEM,
    _MARKER,
    _YEAR,
    _continues,
    _ends_entry,
    _exclusion_reason,
    _indent,
    _join,
    _Kind,
    _Line,
    _lines,
    _link_ended,
    _repeats,
    looks_like_entry_start,
)

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


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A line of the list region left out of the entries, and why."""

    span: Span
    line: int
    reason: str  # "page number", "repeated page header/footer", "footnote"


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
