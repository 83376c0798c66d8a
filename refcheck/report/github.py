"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request diff.

Escaping follows the runner's rules (actions/toolkit ``command.ts``): in the message ``%``, CR and
LF are percent-encoded; in properties ``:`` and ``,`` are too, since they delimit properties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from refcheck.findings import Report, Severity
from refcheck.report._common import (
    Item,
    Style,
    finding_path,
    location,
    plural,
    sorted_findings,
    summary_line,
)
from refcheck.report._common import Writer as _Writer
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


def part(report: Report, *, path: str, config: Config | None, style: Style, fmt: str) -> str:
    """``::error file=…,line=…,col=…,title=CODE::message`` lines, then a plain summary line."""
    shown = visible(path)
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
    out.append(one_line(summary_line(report, shown)))
    out.extend(f"note: {one_line(n)}" for n in report.notes)
    return "\n".join(out) + "\n"


class Writer(_Writer):
    """Streams each manuscript's annotations; a manuscript that could not be checked is an
    ``::error`` annotation on its file; a batch ends with the totals."""

    def add(self, item: Item) -> str:
        super().add(item)
        if item.error:
            where = escape_property(visible(item.path))
            return f"::error file={where},title=refcheck::{escape_data(one_line(item.error))}\n"
        return item.part

    def end(self) -> str:
        if not self.style.batch or not self.items:
            return ""
        e = sum(i.counts[0] for i in self.items)
        w = sum(i.counts[1] for i in self.items)
        n = sum(i.counts[2] for i in self.items)
        return (
            f"{plural(len(self.items), 'manuscript')}: {plural(e, 'error')}, "
            f"{plural(w, 'warning')}, {plural(n, 'info')}\n"
        )
