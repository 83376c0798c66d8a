"""JSON: a contract users script against. Keys are only ever added, never renamed or removed.

Core keys (stable since 0.1): ``findings[].{code,severity,message,line,column,reference,citation}``,
``references``, ``citations``. Extensions: ``findings[].{path,suggestion}`` and top-level ``path``,
``resolved``, ``notes``, ``summary``. ``line``/``column`` are the finding's own (null for an entry
finding without a span; ``reference`` then names the entry). Several manuscripts: a list of such
objects; one that could not be checked has the same keys (empty) and ``error``.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from refcheck.findings import Report
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
            }
            for f in report.findings
        ],
        "references": len(report.references),
        "citations": len(report.citations),
        "path": path,
        "resolved": report.resolved,
        "notes": list(report.notes),
        "summary": {
            "error": counts["error"],
            "warning": counts["warning"],
            "info": counts["info"],
            "total": len(report.findings),
            "fail_on": fail_on_name(threshold),
            "failed": report.failed(threshold),
        },
    }


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
    so a script gets the same shape whatever a folder holds). ``jsonl``: one object per line,
    streamed as each manuscript is done."""

    def add(self, item: Item) -> str:
        text = item.part or _dump(error_dict(item.path, item.error), pretty=self.fmt == "json")
        if self.fmt == "jsonl":
            super().add(item)
            return text + "\n"
        self.items.append(replace(item, part=text))
        return ""

    def end(self) -> str:
        if self.fmt == "jsonl":
            return ""
        if not self.style.batch and len(self.items) == 1:
            return self.items[0].part + "\n"
        docs = [json.loads(i.part) for i in self.items]
        return _dump(docs, pretty=True) + "\n"
