"""JSON: a contract users script against. Keys are only ever added, never renamed or removed.

Core keys (stable since 0.1): ``findings[].{code,severity,message,line,column,reference,citation}``,
``references``, ``citations``. Extensions: ``findings[].{path,suggestion}`` and top-level ``path``,
``resolved``, ``notes``, ``summary``. ``line``/``column`` are the finding's own (null for an entry
finding without a span; ``reference`` then names the entry).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from refcheck.findings import Report
from refcheck.report._common import display_path, fail_on, finding_path
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
            "fail_on": threshold.value,
            "failed": report.failed(threshold),
        },
    }


def render(
    report: Report,
    *,
    path_display: str | None = None,
    color: bool = False,
    config: Config | None = None,
) -> str:
    """Pretty-printed UTF-8 JSON (not ASCII-escaped: Turkish and Cyrillic stay readable)."""
    data = as_dict(report, path_display=path_display, config=config)
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
