"""Helpers every report format shares: the path to show, a finding's line, safe one-line text."""

from __future__ import annotations

import os
from pathlib import Path

from refcheck.findings import Finding, Report, Severity

TOOL_NAME = "refcheck"
DIST_NAME = "manuscript-refcheck"
# Where docs/rules.md is published; SARIF helpUri and HTML links point at ``#<code>`` in it.
RULES_DOC_URL = "https://github.com/refcheck/refcheck/blob/main/docs/rules.md"


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


def fail_on(config: object | None) -> Severity:
    """The configured threshold (a ``Config``), or the default, warning."""
    value = getattr(config, "fail_on", None)
    return value if isinstance(value, Severity) else Severity.WARNING


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
