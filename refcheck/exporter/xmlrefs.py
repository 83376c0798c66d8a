"""JATS ``<ref-list>`` and Crossref ``<citation_list>``: the two XML forms journals produce.

JATS 1.3 (NISO Z39.96, journal publishing tag set): one ``<ref>`` per reference holding an
``<element-citation>`` (the structured fields: ``person-group``, ``article-title`` or
``chapter-title``, ``source``, ``year``, ``volume``, ``fpage``/``lpage``,
``pub-id pub-id-type="doi"`` …) and a ``<mixed-citation>`` with the entry as the manuscript wrote
it. Crossref deposit schema 5.3.1: one ``<citation key="…">`` per reference with the fields
Crossref matches on (``journal_title``, first ``author``, ``volume``, ``issue``, ``first_page``,
``cYear``, ``doi``, ``article_title``/``volume_title``) plus ``unstructured_citation``, which
Crossref recommends always sending. Both are validated against the official schemas in the tests.

The documents are built as strings (escaped here), not element trees: 10,000 references are
written in a fraction of a second, and there is nothing to parse back. Characters XML 1.0 forbids
(control characters a pasted manuscript can carry) are dropped.
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
from refcheck.model import Agent, Organization, ParseStatus, PartialDate, Reference

XLINK = "http://www.w3.org/1999/xlink"
CROSSREF_NS = "http://www.crossref.org/schema/5.3.1"

# CSL type → JATS @publication-type (the JATS 1.3 tag library's suggested values).
JATS_TYPES: dict[str, str] = {
    "article-journal": "journal",
    "article": "journal",
    "article-magazine": "magazine",
    "article-newspaper": "newspaper",
    "book": "book",
    "chapter": "book",
    "paper-conference": "confproc",
    "report": "report",
    "thesis": "thesis",
    "webpage": "webpage",
    "post": "webpage",
    "post-weblog": "blog",
}
# types whose own title is the book-level title (JATS ``source``, Crossref ``volume_title``)
_BOOKISH = frozenset({"book", "report", "thesis"})

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_PAGE_SPLIT = re.compile(r"\s*[-‐‑‒–—]+\s*")
_DOI = re.compile(r"10\.[0-9]{4,9}/.{1,200}", re.DOTALL)
_XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def text(value: str) -> str:
    """Element or attribute content: escaped, XML-forbidden characters dropped, one line."""
    if _NOT_XML.search(value):
        value = _NOT_XML.sub("", value)
    return " ".join(value.translate(_XML_ESCAPES).split())


def _el(name: str, value: str, attrs: str = "") -> str:
    return f"<{name}{attrs}>{text(value)}</{name}>" if value.strip() else ""


def _pages(pages: str) -> tuple[str, str]:
    parts = [p for p in _PAGE_SPLIT.split(pages.strip()) if p]
    if not parts:
        return "", ""
    return parts[0], parts[-1] if len(parts) > 1 else ""


def _ref_id(key: str) -> str:
    """An XML ID (NCName) from a citation key: keys are a-z0-9 and may start with a digit."""
    return key if key[:1].isalpha() else f"ref-{key}"


# ------------------------------------------------------------------------------------------ JATS


def _jats_name(agent: Agent, scheme: str) -> str:
    if isinstance(agent, Organization):
        return _el("collab", romanise(agent.name, scheme))
    family = " ".join(p for p in (agent.particle, agent.family) if p) or agent.given
    given = agent.given if agent.family else ""
    return (
        "<name>"
        + _el("surname", romanise(family, scheme))
        + _el("given-names", romanise(given, scheme))
        + _el("suffix", agent.suffix)
        + "</name>"
    )


def _jats_date(d: PartialDate | None, year: int | None) -> str:
    out = _el("year", f"{year:04d}") if year is not None else ""
    if d is not None and d.year == year and d.month is not None:
        out += _el("month", f"{d.month:02d}")
        if d.day is not None:
            out += _el("day", f"{d.day:02d}")
    return out


def jats_ref(ref: Reference, key: str, scheme: str = "ala-lc", script: str = "romanised") -> str:
    """One ``<ref>``: ``element-citation`` (structured) then ``mixed-citation`` (as written)."""
    ts = scheme if script == "romanised" else ""
    unparsed = ref.status is ParseStatus.UNPARSED
    ptype = "other" if unparsed else JATS_TYPES.get(ref.type, "other")
    parts: list[str] = []
    if ref.authors or ref.et_al:
        names = "".join(_jats_name(a, ts) for a in ref.authors)
        etal = "<etal/>" if ref.et_al else ""
        parts.append(f'<person-group person-group-type="author">{names}{etal}</person-group>')
    if ref.editors:
        names = "".join(_jats_name(a, ts) for a in ref.editors)
        parts.append(f'<person-group person-group-type="editor">{names}</person-group>')
    roman, _original = title_forms(ref, scheme)
    title = roman if script == "romanised" else ref.title
    lang = trusted_language(ref)
    lang_attr = f' xml:lang="{text(lang)}"' if lang and script == "original" else ""
    container = romanise(ref.container_title, ts)
    if ref.type in _BOOKISH:
        parts.append(_el("source", title, lang_attr))
    elif ref.type == "chapter":
        parts.append(_el("chapter-title", title, lang_attr))
        parts.append(_el("source", container))
    else:
        parts.append(_el("article-title", title, lang_attr))
        parts.append(_el("source", container))
    if ref.title_translation:
        parts.append(_el("trans-title", ref.title_translation, ' xml:lang="en"'))
    if not ref.no_date and not ref.in_press:
        parts.append(_jats_date(ref.date, ref.year))
    parts.append(_el("edition", ref.edition))
    parts.append(_el("volume", ref.volume))
    parts.append(_el("issue", ref.issue))
    first, last = _pages(ref.pages)
    parts.append(_el("fpage", first))
    parts.append(_el("lpage", last))
    parts.append(_el("publisher-loc", romanise(ref.place, ts)))
    parts.append(_el("publisher-name", romanise(ref.publisher, ts)))
    if ref.doi:
        parts.append(_el("pub-id", ref.doi, ' pub-id-type="doi"'))
    if ref.url:
        href = text(ref.url)
        parts.append(f'<ext-link ext-link-type="uri" xlink:href="{href}">{href}</ext-link>')
    if ref.accessed is not None and ref.accessed.year is not None:
        iso = ref.accessed.iso()
        attrs = f' content-type="access-date" iso-8601-date="{iso}"'
        parts.append(_el("date-in-citation", iso, attrs))
    if ref.in_press:
        parts.append(_el("comment", "in press"))
    elif ref.original_year is not None:
        parts.append(_el("comment", f"Original work published {ref.original_year}"))
    body = "".join(parts)
    element = f'<element-citation publication-type="{ptype}">{body}</element-citation>'
    mixed = f"<mixed-citation>{text(ref.raw)}</mixed-citation>" if ref.raw.strip() else ""
    if unparsed:
        # nothing structured to say: the entry as written is the whole citation
        element = ""
        mixed = mixed or "<mixed-citation/>"
    return f'<ref id="{_ref_id(key)}">{element}{mixed}</ref>'


def to_jats(refs: Sequence[Reference], *, scheme: str = "ala-lc", script: str = "romanised") -> str:
    """A JATS 1.3 ``<ref-list>`` document (UTF-8), one ``<ref>`` per reference in list order."""
    check_script(script)
    keys = citation_keys(refs, scheme)
    body = "\n".join(jats_ref(r, k, scheme, script) for r, k in zip(refs, keys, strict=True))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<ref-list xmlns:xlink="{XLINK}">\n<title>References</title>\n{body}\n</ref-list>\n'
    )


# -------------------------------------------------------------------------------------- Crossref


def _first_author(ref: Reference, scheme: str) -> str:
    """Crossref's ``author``: the first author's family name (a group's name), nothing else."""
    agents = ref.lead_agents
    if not agents:
        return ""
    a = agents[0]
    if isinstance(a, Organization):
        return romanise(a.name, scheme)
    return romanise(" ".join(p for p in (a.particle, a.family) if p) or a.given, scheme)


def _short(name: str, value: str, limit: int) -> str:
    """An element whose schema type caps the length (volume, issue, first_page: 32)."""
    value = " ".join(value.split())
    return _el(name, value) if 0 < len(value) <= limit else ""


def crossref_citation(
    ref: Reference, key: str, scheme: str = "ala-lc", script: str = "romanised"
) -> str:
    """One ``<citation key="…">`` of a deposit's ``citation_list``."""
    ts = scheme if script == "romanised" else ""
    parts: list[str] = []
    if ref.status is not ParseStatus.UNPARSED:
        roman, _original = title_forms(ref, scheme)
        title = roman if script == "romanised" else ref.title
        container = romanise(ref.container_title, ts)
        if ref.type in ("article-journal", "article", "article-magazine", "article-newspaper"):
            parts.append(_el("journal_title", container))
        parts.append(_el("author", _first_author(ref, ts)))
        parts.append(_short("volume", ref.volume, 32))
        parts.append(_short("issue", ref.issue, 32))
        first, _last = _pages(ref.pages)
        parts.append(_short("first_page", first, 32))
        if ref.year is not None and not ref.no_date and not ref.in_press:
            parts.append(_el("cYear", f"{ref.year:04d}"))
        if ref.doi and _DOI.fullmatch(ref.doi) and len(ref.doi) <= 2048:
            parts.append(_el("doi", ref.doi))
        if ref.type in _BOOKISH:
            parts.append(_el("volume_title", title))
        elif ref.type in ("chapter", "paper-conference"):
            parts.append(_el("volume_title", container))
            parts.append(_el("article_title", title))
        else:
            parts.append(_el("article_title", title))
        edition = re.sub(r"\D", "", ref.edition)
        parts.append(_short("edition_number", edition, 15))
    parts.append(_el("unstructured_citation", ref.raw))
    return f'<citation key="{text(key)}">{"".join(parts)}</citation>'


def to_crossref(
    refs: Sequence[Reference], *, scheme: str = "ala-lc", script: str = "romanised"
) -> str:
    """A Crossref 5.3.1 ``<citation_list>`` (UTF-8) to place in a deposit's ``journal_article``.

    ``key`` is the citation key, unique in the list as the schema requires.
    """
    check_script(script)
    keys = citation_keys(refs, scheme)
    body = "\n".join(
        crossref_citation(r, k, scheme, script) for r, k in zip(refs, keys, strict=True)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<citation_list xmlns="{CROSSREF_NS}">\n{body}\n</citation_list>\n'
    )
