"""CSL-JSON: the interchange format of Zotero, pandoc/citeproc and citation.js.

Items follow the CSL 1.0.2 input schema (``csl-data.json``; a copy is vendored in
``tests/golden/schema/csl-data.json`` and every export is validated against it in the tests).
What CSL has no variable for (source line, raw text, script, APA conformance, parse status) goes
under ``custom``, the schema's designated place for extensions. Empty fields are omitted, never
written as ``""``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from refcheck.exporter.keys import citation_keys, language_of
from refcheck.model import Agent, Organization, ParseStatus, PartialDate, Reference

CSL_TYPES = frozenset(
    {
        "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
        "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
        "entry-dictionary", "entry-encyclopedia", "figure", "graphic", "hearing", "interview",
        "legal_case", "legislation", "manuscript", "map", "motion_picture", "musical_score",
        "pamphlet", "paper-conference", "patent", "performance", "periodical",
        "personal_communication", "post", "post-weblog", "regulation", "report", "review",
        "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
    }
)  # fmt: skip


def csl_name(agent: Agent) -> dict[str, str]:
    """A CSL name object: ``{"literal"}`` for groups, family/given/particle/suffix for persons."""
    if isinstance(agent, Organization):
        return {"literal": agent.name}
    out: dict[str, str] = {"family": agent.family}
    if agent.given:
        out["given"] = agent.given
    if agent.particle:
        out["non-dropping-particle"] = agent.particle
    if agent.suffix:
        out["suffix"] = agent.suffix
    return out


def csl_date(date: PartialDate) -> dict[str, Any] | None:
    parts = date.parts()
    return {"date-parts": [parts]} if parts else None


def _issued(ref: Reference) -> dict[str, Any] | None:
    if ref.in_press:
        return {"literal": "in press"}
    if ref.no_date:
        return None
    if ref.date is not None and ref.date.year is not None:
        return csl_date(ref.date)
    if ref.year is not None:
        return {"date-parts": [[ref.year]]}
    return None


def to_csl(ref: Reference, key: str | None = None) -> dict[str, Any]:
    """One reference as a CSL-JSON item (``key`` defaults to the reference's own citation key)."""
    item: dict[str, Any] = {
        "id": key if key is not None else citation_keys([ref])[0],
        "type": ref.type if ref.type in CSL_TYPES else "document",
    }
    if ref.authors:
        item["author"] = [csl_name(a) for a in ref.authors]
    if ref.editors:
        item["editor"] = [csl_name(a) for a in ref.editors]
    issued = _issued(ref)
    if issued is not None:
        item["issued"] = issued
    if ref.original_year is not None:
        item["original-date"] = {"date-parts": [[ref.original_year]]}
    if ref.in_press:
        item["status"] = "in press"
    strings = (
        ("year-suffix", ref.year_suffix),
        ("title", ref.title),
        ("translated-title", ref.title_translation),
        ("container-title", ref.container_title),
        ("volume", ref.volume),
        ("issue", ref.issue),
        ("page", ref.pages),
        ("edition", ref.edition),
        ("publisher", ref.publisher),
        ("publisher-place", ref.place),
        ("genre", ref.genre),
        ("DOI", ref.doi),
        ("URL", ref.url),
    )
    for name, value in strings:
        if value:
            item[name] = value
    if ref.accessed is not None:
        acc = csl_date(ref.accessed)
        if acc is not None:
            item["accessed"] = acc
    lang = language_of(ref)
    if lang:
        item["language"] = lang
    custom: dict[str, Any] = {
        "line": ref.line,
        "raw": ref.raw,
        "script": ref.script.value,
        "apa_conformant": ref.apa_conformant,
        "status": ref.status.value,
    }
    if ref.et_al:
        custom["et_al"] = True
    if ref.nonconformities:
        custom["nonconformities"] = list(ref.nonconformities)
    if ref.status is not ParseStatus.PARSED and ref.reason:
        custom["reason"] = ref.reason
    if ref.norm is not None and ref.norm.romanised_title:
        custom["romanised_title"] = ref.norm.romanised_title
    item["custom"] = custom
    return item


def to_csl_json(refs: Sequence[Reference], *, scheme: str = "ala-lc") -> str:
    """A JSON array of CSL items in list order (UTF-8, indent 2), keys unique across the list."""
    keys = citation_keys(refs, scheme)
    items = [to_csl(r, k) for r, k in zip(refs, keys, strict=True)]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
