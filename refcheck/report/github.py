"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request diff.

Escaping follows the runner's rules (actions/toolkit ``command.ts``): in the message ``%``, CR and
LF are percent-encoded; in properties ``:`` and ``,`` are too, since they delimit properties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from refcheck.findings import Report, Severity
from refcheck.report._common import (
    display_path,
    finding_path,
    location,
    sorted_findings,
    summary_line,
)
from refcheck.safetext import one_line, visible

if TYPE_CHECKING:
    from refcheck.config import Config

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value (``file=``, ``title=`` …)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(
    report: Report,
    *,
    path_display: str | None = None,
    color: bool = False,
    config: Config | None = None,
) -> str:
    """``::error file=…,line=…,col=…,title=CODE::message`` lines, then a plain summary line."""
    path = visible(display_path(report, path_display))
    out: list[str] = []
    for f in sorted_findings(report):
        props = [f"file={escape_property(visible(finding_path(report, f, path)))}"]
        line, col = location(report, f)
        if line is not None:
            props.append(f"line={line}")
            if col is not None:
                props.append(f"col={col}")
        props.append(f"title={escape_property(visible(f.code))}")
        message = one_line(f.message)
        if f.suggestion:
            message += "\nSuggestion: " + one_line(f.suggestion)
        out.append(f"::{_COMMAND[f.severity]} {','.join(props)}::{escape_data(message)}")
    out.append(one_line(summary_line(report, path)))
    out.extend(f"note: {one_line(n)}" for n in report.notes)
    return "\n".join(out) + "\n"
