"""CSL-JSON: the interchange format of Zotero, pandoc/citeproc and citation.js.

Items follow the CSL 1.0.2 input schema (``csl-data.json``; a copy is vendored in
``tests/golden/schema/csl-data.json`` and every export is validated against it in the tests).
What CSL has no variable for (source line, raw text, script, APA conformance, parse status) goes
under ``custom``, the schema's designated place for extensions. Empty fields are omitted, never
written as ``""``.

Written for what renderers do with the items (citeproc-js in Zotero, pandoc's citeproc,
citeproc-py with the APA style): non-Latin entries are romanised by default with the original
script in ``custom.original_title`` (not CSL's ``original-title``, which means the title a
translated or reprinted work was first published under: the APA style prints it as "Original
work published as …"); ``script="original"`` keeps the original script, the romanised title in
``custom``. The manuscript's year letters are not written as ``year-suffix``, which a renderer
assigns itself from the whole list; an ``et al.`` list ends with an ``et al.`` name suffix, which
APA styles print as "Family, G., et al."; a translated title is also appended to ``title`` in
brackets, the form Zotero's APA style expects.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from refcheck.exporter.keys import citation_keys, romanise, title_forms, trusted_language
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


def csl_name(agent: Agent, scheme: str = "") -> dict[str, str]:
    """A CSL name object: ``{"literal"}`` for groups, family/given/particle/suffix for persons.

    ``scheme`` romanises Cyrillic names ("" keeps them as written).
    """
    if isinstance(agent, Organization):
        return {"literal": romanise(agent.name, scheme)}
    out: dict[str, str] = {"family": romanise(agent.family, scheme)}
    if agent.given:
        out["given"] = romanise(agent.given, scheme)
    if agent.particle:
        out["non-dropping-particle"] = romanise(agent.particle, scheme)
    if agent.suffix:
        out["suffix"] = agent.suffix
    return out


def _with_et_al(names: list[dict[str, str]]) -> list[dict[str, str]]:
    """Mark a list the manuscript ended with "et al." so renderers print it (not one author)."""
    if not names:
        return [{"literal": "et al."}]
    last = dict(names[-1])
    if "literal" in last:
        last["literal"] += ", et al."
    else:
        last["suffix"] = f"{last['suffix']}, et al." if "suffix" in last else "et al."
    return [*names[:-1], last]


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


def to_csl(
    ref: Reference,
    key: str | None = None,
    *,
    scheme: str = "ala-lc",
    script: str = "romanised",
) -> dict[str, Any]:
    """One reference as a CSL-JSON item (``key`` defaults to the reference's own citation key)."""
    item: dict[str, Any] = {
        "id": key if key is not None else citation_keys([ref], scheme)[0],
        "type": ref.type if ref.type in CSL_TYPES else "document",
    }
    text_scheme = scheme if script == "romanised" else ""
    if ref.authors or ref.et_al:
        names = [csl_name(a, text_scheme) for a in ref.authors]
        item["author"] = _with_et_al(names) if ref.et_al else names
    if ref.editors:
        item["editor"] = [csl_name(a, text_scheme) for a in ref.editors]
    issued = _issued(ref)
    if issued is not None:
        item["issued"] = issued
    if ref.original_year is not None:
        item["original-date"] = {"date-parts": [[ref.original_year]]}
    if ref.in_press:
        item["status"] = "in press"
    roman, original = title_forms(ref, scheme)
    title = roman if script == "romanised" else ref.title
    if title and ref.title_translation:
        title = f"{title} [{ref.title_translation}]"
    strings = (
        ("title", title),
        ("translated-title", ref.title_translation),
        ("container-title", romanise(ref.container_title, text_scheme)),
        ("volume", ref.volume),
        ("issue", ref.issue),
        ("page", ref.pages),
        ("edition", ref.edition),
        ("publisher", romanise(ref.publisher, text_scheme)),
        ("publisher-place", romanise(ref.place, text_scheme)),
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
    lang = trusted_language(ref)
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
    if ref.year_suffix:
        custom["year_suffix"] = ref.year_suffix  # the manuscript's letter; renderers assign theirs
    if ref.nonconformities:
        custom["nonconformities"] = list(ref.nonconformities)
    if ref.status is not ParseStatus.PARSED and ref.reason:
        custom["reason"] = ref.reason
    if original:
        custom["romanised_title"] = roman
        custom["original_title"] = original
    item["custom"] = custom
    return item


def to_csl_json(
    refs: Sequence[Reference], *, scheme: str = "ala-lc", script: str = "romanised"
) -> str:
    """A JSON array of CSL items in list order (UTF-8, indent 2), keys unique across the list."""
    from refcheck.exporter.keys import check_script

    check_script(script)
    keys = citation_keys(refs, scheme)
    items = [to_csl(r, k, scheme=scheme, script=script) for r, k in zip(refs, keys, strict=True)]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
