"""Linter-style text: ``path:line:col: CODE [severity] message``, then a summary and run notes.

Colour is decided by the caller (the CLI knows whether stdout is a terminal and honours
``NO_COLOR``/``FORCE_COLOR``); this module only obeys ``color``. Manuscript text is put on one line
with control characters escaped, so a crafted entry cannot forge lines or recolour the terminal.
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

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_SEV_COLOUR = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}


def render(
    report: Report,
    *,
    path_display: str | None = None,
    color: bool = False,
    config: Config | None = None,
) -> str:
    """The report as lines of text ending with a newline."""
    path = visible(display_path(report, path_display))

    def paint(text: str, *codes: str) -> str:
        return "".join(codes) + text + _RESET if color else text

    out: list[str] = []
    for f in sorted_findings(report):
        line, col = location(report, f)
        fpath = visible(finding_path(report, f, path))  # LaTeX: a .bib finding names the .bib
        where = f"{fpath}:{line}:{col or 1}:" if line is not None else f"{fpath}:"
        sev = paint(f"[{f.severity.value}]", _SEV_COLOUR[f.severity])
        out.append(f"{paint(where, _BOLD)} {paint(f.code, _BOLD)} {sev} {one_line(f.message)}")
        if f.suggestion:
            out.append(f"    {paint('suggestion:', _DIM)} {one_line(f.suggestion)}")
    out.append(paint(summary_line(report, path), _BOLD))
    out.extend(f"note: {one_line(n)}" for n in report.notes)
    return "\n".join(out) + "\n"
