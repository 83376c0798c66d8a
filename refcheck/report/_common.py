"""Helpers every report format shares: the path to show, a finding's line, safe one-line text."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from refcheck.findings import Finding, Report, Severity

if TYPE_CHECKING:
    from refcheck.config import Config

TOOL_NAME = "refcheck"
DIST_NAME = "manuscript-refcheck"
# Where docs/rules.md is published; SARIF helpUri and HTML links point at ``#<code>`` in it.
RULES_DOC_URL = "https://github.com/refcheck/refcheck/blob/main/docs/rules.md"


@dataclass(frozen=True)
class Style:
    """How a report is laid out (not what it says)."""

    verbose: bool = False  # text: the detailed, linter-style lines
    width: int = 100  # text: wrap at this many columns (0: never wrap)
    color: bool = False  # text: ANSI colours
    batch: bool = False  # one of several manuscripts in one report
    anchor: str = ""  # html: prefix of this manuscript's element ids in a batch page


@dataclass(frozen=True)
class Item:
    """One manuscript's share of a report: the format's fragment and the figures summaries need.

    Small and picklable: ``--jobs`` workers make it and send it back, so a batch's memory is the
    report being written, not the manuscripts.
    """

    path: str  # as displayed
    part: str = ""  # the format's fragment for this manuscript ("" when it could not be checked)
    error: str = ""  # why it could not be checked (one line)
    counts: tuple[int, int, int] = (0, 0, 0)  # errors, warnings, infos reported
    rules: tuple[tuple[str, str, int], ...] = ()  # (code, severity, count) reported
    references: int = 0
    citations: int = 0
    failed: bool = False  # a finding at or above fail_on (or an error)
    notes: tuple[str, ...] = ()


class Writer:
    """Puts items together into one document: ``start()``, ``add(item)`` …, ``end()``.

    Each call returns the text to write next. The base class streams each item's fragment.
    """

    def __init__(self, style: Style, *, fmt: str = "", config: Config | None = None) -> None:
        self.style = style
        self.fmt = fmt
        self.config = config
        self.items: list[Item] = []

    def start(self) -> str:
        return ""

    def add(self, item: Item) -> str:
        self.items.append(replace(item, part=""))  # streamed: the summary needs only figures
        return item.part

    def end(self) -> str:
        return ""


def tool_version() -> str:
    """refcheck's version: ``refcheck.__version__`` is the single source (pyproject reads it)."""
    import refcheck

    return refcheck.__version__


def display_path(report: Report, path_display: str | None) -> str:
    """The path findings are reported against: as given, else relative to cwd when below it."""
    if path_display:
        return path_display
    return _shown(report.document.path or "<string>")


def _shown(raw: str) -> str:
    """A path as reports show it: relative to the working folder when below it, with ``/``."""
    if raw.startswith("<"):
        return raw
    p = Path(raw)
    if p.is_absolute():
        try:
            return p.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return p.as_posix()
    return raw.replace(os.sep, "/")


def location(report: Report, finding: Finding) -> tuple[int | None, int | None]:
    """Line/column of a finding; a finding about an entry without its own span uses the entry's."""
    if finding.line is not None:
        return finding.line, finding.column
    if finding.reference is not None:
        refs = report.document.references
        if 1 <= finding.reference <= len(refs):
            return refs[finding.reference - 1].line, 1
    return None, None


def finding_path(report: Report, finding: Finding, path: str) -> str:
    """The file a finding is in: ``path`` (the manuscript as displayed) unless the finding is in
    an appended file (a LaTeX manuscript's .bib), whose own path is shown then."""
    where = finding.path
    if where is None and finding.line is None and finding.reference is not None:
        refs = report.document.references
        if 1 <= finding.reference <= len(refs):
            where = report.document.where(refs[finding.reference - 1].span.start)[0]
    return path if where is None else _shown(where)


def sorted_findings(report: Report) -> list[Finding]:
    """Findings in reading order (line-less ones at their entry's line, the rest first); the
    manuscript's findings come before those in appended files (LaTeX .bib)."""

    def key(f: Finding) -> tuple[str, int, int, str, str]:
        line, col = location(report, f)
        return (finding_path(report, f, ""), line or 0, col or 0, f.code, f.message)

    return sorted(report.findings, key=key)


def fail_on(config: object | None) -> Severity | None:
    """The configured threshold (a ``Config``; ``None`` for ``never``), or the default, warning."""
    if config is None or not hasattr(config, "fail_on"):
        return Severity.WARNING
    value = config.fail_on
    return value if isinstance(value, Severity) else None


def fail_on_name(threshold: Severity | None) -> str:
    """How reports spell the threshold: a severity, or ``never``."""
    return threshold.value if threshold is not None else "never"


def fails(finding: Finding, threshold: Severity | None) -> bool:
    """Whether ``finding`` fails the run at ``threshold`` (never, when it is ``None``)."""
    return threshold is not None and finding.severity.rank >= threshold.rank


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(report: Report, path: str) -> str:
    """``2 errors, 1 warning, 0 infos in x.txt (42 references, 97 citations)``."""
    c = report.counts()
    return (
        f"{plural(c['error'], 'error')}, {plural(c['warning'], 'warning')}, "
        f"{plural(c['info'], 'info')} in {path} "
        f"({plural(len(report.references), 'reference')}, "
        f"{plural(len(report.citations), 'citation')})"
    )
