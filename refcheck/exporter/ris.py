"""RIS: the tagged format EndNote, Zotero, Mendeley and most library catalogues import.

One ``TAG  - value`` line per field (two spaces, hyphen, space), ``TY`` first, ``ER`` last. Values
are single lines: embedded line breaks become spaces. Unparsed entries are still written (type
``GEN``, the raw text in ``N1``) so an import loses nothing.

Tags follow Zotero's RIS import map (its translator is what most users import with): the
container is ``T2`` (publication, book, proceedings or website title by type; ``JO`` would be
read as a journal *abbreviation*), and what RIS has no tag for goes into ``N1`` notes, never
into a field that means something else: the manuscript's ``et al.`` (not an author), its year
letter, the original year, and the title in the other script. Non-Latin entries are romanised
by default (``script="original"`` keeps them as written).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from refcheck.exporter.keys import (
    check_script,
    citation_keys,
    romanise,
    title_forms,
    trusted_language,
)
from refcheck.model import Organization, ParseStatus, PartialDate, Person, Reference

RIS_TYPES: dict[str, str] = {
    "article-journal": "JOUR",
    "article": "JOUR",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "book": "BOOK",
    "chapter": "CHAP",
    "report": "RPRT",
    "webpage": "ELEC",
    "post": "ELEC",
    "post-weblog": "ELEC",
    "thesis": "THES",
    "paper-conference": "CPAPER",
}

_NEWLINES = re.compile(r"\s*[\r\n]+\s*")
_PAGE_SPLIT = re.compile(r"\s*[-‐‑‒–—]+\s*")
_LINE = re.compile(r"^([A-Z][A-Z0-9])  - ?(.*)$")


def _line(tag: str, value: str) -> str:
    return f"{tag}  - {_NEWLINES.sub(' ', value).strip()}"


def _ris_date(d: PartialDate) -> str:
    """RIS date ``YYYY/MM/DD/`` with empty parts kept as slashes."""
    y = f"{d.year:04d}" if d.year is not None else ""
    m = f"{d.month:02d}" if d.month is not None else ""
    day = f"{d.day:02d}" if d.day is not None else ""
    return f"{y}/{m}/{day}/"


def _name(agent: Organization | Person, scheme: str) -> str:
    if isinstance(agent, Organization):
        return romanise(agent.name, scheme)
    return romanise(agent.display, scheme)


def ris_record(
    ref: Reference, key: str = "", *, scheme: str = "ala-lc", script: str = "romanised"
) -> list[str]:
    """The lines of one RIS record, ``TY`` … ``ER``."""
    ty = "GEN" if ref.status is ParseStatus.UNPARSED else RIS_TYPES.get(ref.type, "GEN")
    text_scheme = scheme if script == "romanised" else ""
    lines = [_line("TY", ty)]
    if key:
        lines.append(_line("ID", key))
    for a in ref.authors:
        lines.append(_line("AU", _name(a, text_scheme)))
    for a in ref.editors:
        lines.append(_line("A2", _name(a, text_scheme)))
    if ref.in_press:
        lines.append(_line("PY", "in press"))
    elif ref.year is not None and not ref.no_date:
        lines.append(_line("PY", f"{ref.year:04d}"))
    if ref.date is not None and ref.date.year is not None and not ref.no_date:
        lines.append(_line("DA", _ris_date(ref.date)))
    roman, original = title_forms(ref, scheme)
    if ref.title:
        lines.append(_line("TI", roman if script == "romanised" else ref.title))
    if ref.title_translation:
        lines.append(_line("TT", ref.title_translation))
    if ref.container_title:
        lines.append(_line("T2", romanise(ref.container_title, text_scheme)))
    if ref.volume:
        lines.append(_line("VL", ref.volume))
    if ref.issue:
        lines.append(_line("IS", ref.issue))
    if ref.pages:
        parts = [p for p in _PAGE_SPLIT.split(ref.pages.strip()) if p]
        if parts:
            lines.append(_line("SP", parts[0]))
        if len(parts) > 1:
            lines.append(_line("EP", parts[-1]))
    if ref.edition:
        lines.append(_line("ET", ref.edition))
    if ref.genre:
        lines.append(_line("M3", ref.genre))
    if ref.publisher:
        lines.append(_line("PB", romanise(ref.publisher, text_scheme)))
    if ref.place:
        lines.append(_line("CY", romanise(ref.place, text_scheme)))
    if ref.doi:
        lines.append(_line("DO", ref.doi))
    if ref.url:
        lines.append(_line("UR", ref.url))
    if ref.accessed is not None and ref.accessed.year is not None:
        lines.append(_line("Y2", _ris_date(ref.accessed)))
    lang = trusted_language(ref)
    if lang:
        lines.append(_line("LA", lang))
    if original:
        other = original if script == "romanised" else roman
        label = "Original title" if script == "romanised" else "Romanised title"
        lines.append(_line("N1", f"{label}: {other}"))
    if ref.et_al:
        lines.append(_line("N1", "Author list ends with et al. in the manuscript"))
    if ref.year_suffix:
        lines.append(_line("N1", f"Year as cited: {ref.year_label}"))
    if ref.original_year is not None:
        lines.append(_line("N1", f"Original work published {ref.original_year}"))
    if ref.status is not ParseStatus.PARSED:
        lines.append(_line("N1", f"refcheck: {ref.status.value}: {ref.raw}"))
    lines.append("ER  - ")
    return lines


def to_ris(refs: Sequence[Reference], *, scheme: str = "ala-lc", script: str = "romanised") -> str:
    """All references as RIS records separated by a blank line (UTF-8 text)."""
    check_script(script)
    keys = citation_keys(refs, scheme)
    pairs = zip(refs, keys, strict=True)
    return "".join(
        "\n".join(ris_record(r, k, scheme=scheme, script=script)) + "\n\n" for r, k in pairs
    )


def parse_ris(text: str) -> list[list[tuple[str, str]]]:
    """Read RIS back into (tag, value) lists, one per record; lines that are not tags are ignored.

    Small and strict on purpose: it exists so tests (and users) can check a round trip.
    """
    records: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] | None = None
    for line in text.splitlines():
        m = _LINE.match(line)
        if m is None:
            continue
        tag, value = m.group(1), m.group(2).strip()
        if tag == "TY":
            current = [(tag, value)]
        elif tag == "ER":
            if current is not None:
                records.append(current)
            current = None
        elif current is not None:
            current.append((tag, value))
    return records
