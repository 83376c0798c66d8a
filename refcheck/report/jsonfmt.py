"""JSON: a contract users script against. Keys are only ever added, never renamed or removed.

Core keys (stable since 0.1): ``findings[].{code,severity,message,line,column,reference,citation}``,
``references``, ``citations``. Extensions: ``findings[].{path,suggestion,fix}`` (``fix``: null, or
``{safe, replacement, span, edits}`` when ``refcheck fix`` can put it right) and top-level ``path``,
``resolved``, ``notes``, ``summary``, ``language`` (the manuscript language the rules followed) and
``links``: one item per citation occurrence, ``{citation, line, column, references: [entry
indices], how: exact|folded|romanised|lookalike|near|null, method, candidates}``, so scripts read
every citation→entry decision, not only the findings. ``line``/``column`` are the finding's own
(null for an entry finding without a span; ``reference`` then names the entry). Several
manuscripts: a list of such objects; one that could not be checked has the same keys (empty) and
``error``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from refcheck.findings import Edit, Finding, Report
from refcheck.report._common import (
    Item,
    Style,
    display_path,
    fail_on,
    fail_on_name,
    finding_path,
)
from refcheck.report._common import Writer as _Writer
from refcheck.safetext import json_safe

if TYPE_CHECKING:
    from refcheck.config import Config


def as_dict(
    report: Report, *, path_display: str | None = None, config: Config | None = None
) -> dict[str, Any]:
    """The JSON document as Python data (for callers embedding it in something larger)."""
    path = display_path(report, path_display)
    threshold = fail_on(config)
    counts = report.counts()
    return {
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.value,
                "message": f.message,
                "line": f.line,
                "column": f.column,
                "reference": f.reference,
                "citation": f.citation,
                "path": finding_path(report, f, path),  # the .bib for a LaTeX .bib entry
                "suggestion": f.suggestion or None,
                "fix": fix_dict(report, f),
            }
            for f in report.findings
        ],
        "references": len(report.references),
        "citations": len(report.citations),
        "path": path,
        "resolved": report.resolved,
        "notes": list(report.notes),
        "language": report.language or None,
        "links": links(report),
        "summary": {
            "error": counts["error"],
            "warning": counts["warning"],
            "info": counts["info"],
            "total": len(report.findings),
            "fail_on": fail_on_name(threshold),
            "failed": report.failed(threshold),
        },
    }


def _where(report: Report, offset: int) -> dict[str, int]:
    line, column = report.document.locate(offset)
    return {"line": line, "column": column}


def fix_dict(report: Report, finding: Finding) -> dict[str, Any] | None:
    """``{safe, replacement, span, edits}`` when refcheck can fix the finding, else None.

    ``span`` is the first edit's ``{start, end}`` (character offsets in the text refcheck read)
    with its ``line``/``column`` and ``end_line``/``end_column``; ``replacement`` its new text;
    ``edits`` every edit of the fix in the same shape with ``old``, ``new`` and ``code`` (list
    order moves an entry with two edits).
    """
    fx = finding.fix
    if fx is None or not fx.edits:
        return None

    def span(e: Edit) -> dict[str, Any]:
        start, end = _where(report, e.span.start), _where(report, e.span.end)
        return {"start": e.span.start, "end": e.span.end, **start,
                "end_line": end["line"], "end_column": end["column"]}  # fmt: skip

    return {
        "safe": fx.safe,
        "replacement": fx.replacement,
        "span": span(fx.edits[0]),
        "edits": [
            {"span": span(e), "old": e.old, "new": e.new, "code": e.code} for e in fx.edits
        ],
    }


def links(report: Report) -> list[dict[str, Any]]:
    """One item per citation occurrence, in text order: where it is and which entries it means.

    ``references`` holds the linked entry (empty when none fits); ``how`` says how sure, in the
    reader's words (``near`` for a fuzzy, author-only or near-miss link; ``null`` when unlinked);
    ``method`` is the match stage's own word and ``candidates`` the other entries that fit as well
    (for an unlinked citation: the nearest entry, "did you mean …?").
    """
    from refcheck.match import how

    doc = report.document
    by_citation = {lk.citation: lk for lk in report.links}
    out: list[dict[str, Any]] = []
    for c in report.citations:
        lk = by_citation.get(c.index)
        line, column = doc.locate(c.span.start)
        linked = lk is not None and lk.reference is not None
        out.append(
            {
                "citation": c.text,
                "line": line,
                "column": column,
                "references": [lk.reference, *lk.also] if linked and lk is not None else [],
                "how": how(lk.method) if linked and lk is not None else None,
                "method": (lk.method or None) if lk is not None else None,
                "candidates": list(lk.candidates) if lk is not None else [],
            }
        )
    return out


def error_dict(path: str, message: str) -> dict[str, Any]:
    """A manuscript that could not be checked, in the same shape (empty lists, zero counts) with
    its reason under ``error``, so a script reading ``findings`` needs no special case."""
    return {
        "findings": [],
        "references": 0,
        "citations": 0,
        "path": path,
        "resolved": False,
        "notes": [],
        "language": None,
        "links": [],
        "summary": {"error": 0, "warning": 0, "info": 0, "total": 0, "fail_on": "", "failed": True},
        "error": message,
    }


def _dump(data: object, *, pretty: bool) -> str:
    """UTF-8 JSON (not ASCII-escaped: Turkish and Cyrillic stay readable; controls and bidi
    characters escaped, which is lossless in JSON)."""
    text = json.dumps(data, ensure_ascii=False, indent=2 if pretty else None)
    return json_safe(text)


def part(report: Report, *, path: str, config: Config | None, style: Style, fmt: str) -> str:
    """This manuscript's JSON object (``jsonl``: on one line)."""
    return _dump(as_dict(report, path_display=path, config=config), pretty=fmt == "json")


class Writer(_Writer):
    """``json``: the object for one manuscript, a list of them for a batch (even of one file,
    so a script gets the same shape whatever a folder holds), streamed: each manuscript's object
    is written when it is done, indented into the list, never parsed again. ``jsonl``: one
    object per line."""

    def add(self, item: Item) -> str:
        pretty = self.fmt == "json"
        text = item.part or _dump(error_dict(item.path, item.error), pretty=pretty)
        first = not self.items
        super().add(item)
        if not pretty:
            return text + "\n"
        if not self.style.batch:
            return text + "\n"  # one manuscript, one object (the single-file contract)
        indented = "  " + text.replace("\n", "\n  ")
        return ("[\n" if first else ",\n") + indented

    def end(self) -> str:
        if self.fmt != "json":
            return ""
        if not self.items:  # every file skipped: an empty list, still a JSON document
            return "[]\n"
        return "\n]\n" if self.style.batch else ""
