"""Text for people: a compact report by default, the detailed linter lines with ``--verbose``.

Compact (default): findings grouped by file, errors first, each on a line ``LINE:COL  severity
CODE  message`` wrapped at the terminal's width (100 columns when not a terminal), a suggestion
only when the message does not already contain it, one line for the same finding at several
places (with every place listed); then a count per rule and the summary line.

Verbose: one ``path:line:col: CODE [severity] message`` line per finding in reading order (what
editors and terminals turn into links), every suggestion on its own line, then the summary.

Colour is decided by the caller (the CLI knows whether stdout is a terminal and honours
``NO_COLOR``/``FORCE_COLOR``); this module only obeys ``style.color``. Manuscript text and file
names are put through :mod:`refcheck.safetext` before any colour is added, so a crafted entry or
file name cannot forge lines or drive the terminal.
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

from refcheck.findings import Finding, Report, Severity, get_rule
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

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_SEV_COLOUR = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_SEV_NAME = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}
_MIN_TEXT = 30  # columns a wrapped message keeps however narrow the terminal


def _painter(color: bool) -> Callable[..., str]:
    def paint(text: str, *codes: str) -> str:
        return "".join(codes) + text + _RESET if color and text else text

    return paint


def part(report: Report, *, path: str, config: Config | None, style: Style, fmt: str) -> str:
    """This manuscript's lines (the summary comes from the writer)."""
    return _verbose(report, path, style) if style.verbose else _compact(report, path, style)


def _verbose(report: Report, path: str, style: Style) -> str:
    paint = _painter(style.color)
    shown = visible(path)
    out: list[str] = []
    for f in sorted_findings(report):
        line, col = location(report, f)
        fpath = visible(finding_path(report, f, path))  # LaTeX: a .bib finding names the .bib
        where = f"{fpath}:{line}:{col or 1}:" if line is not None else f"{fpath}:"
        sev = paint(f"[{f.severity.value}]", _SEV_COLOUR[f.severity])
        out.append(f"{paint(where, _BOLD)} {paint(f.code, _BOLD)} {sev} {one_line(f.message)}")
        if f.suggestion:
            out.append(f"    {paint('suggestion:', _DIM)} {one_line(f.suggestion)}")
    out.append(paint(summary_line(report, shown), _BOLD))
    out.extend(f"note: {one_line(n)}" for n in report.notes)
    return "\n".join(out) + "\n"


def _compact(report: Report, path: str, style: Style) -> str:
    paint = _painter(style.color)
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in sorted_findings(report):  # the manuscript first, then its .bib files
        groups[finding_path(report, f, path)].append(f)
    out: list[str] = []
    for fpath, found in groups.items():
        found.sort(key=lambda f: -f.severity.rank)  # stable: reading order within a severity
        # the same finding at several places (27 × "retrieval date …") is one line listing them
        alike: dict[tuple[str, str, str], list[Finding]] = defaultdict(list)
        for f in found:
            alike[(f.code, f.message, f.suggestion)].append(f)
        rows = [(same[0], [_where(report, g) for g in same[1:]]) for same in alike.values()]
        loc_w = max(len(_where(report, f)) for f, _ in rows)
        indent = 2 + loc_w + 2 + 7 + 2 + max(len(f.code) for f, _ in rows) + 2
        out.append(paint(visible(fpath), _BOLD))
        for f, also in rows:
            sev = paint(f.severity.value.ljust(7), _SEV_COLOUR[f.severity])
            head = f"  {_where(report, f):>{loc_w}}  {sev}  {paint(f.code, _BOLD)}  "
            text = one_line(f.message)
            suggestion = one_line(f.suggestion) if f.suggestion else ""
            if suggestion and suggestion.strip("() ") not in text:
                text += f" → {suggestion}"
            if also:
                places = ", ".join(a for a in also if a) or "no line"
                text += f" ({len(also) + 1}×, also at {places})"
            out.extend(_wrap(head, text, indent, style.width))
    if style.batch:  # the block ends with its own figures; one manuscript's go in the summary
        out.extend(f"  note: {one_line(n)}" for n in report.notes)
        c = report.counts()
        out.append(
            f"  {plural(c['error'], 'error')}, {plural(c['warning'], 'warning')}, "
            f"{plural(c['info'], 'info')} ({plural(len(report.references), 'reference')}, "
            f"{plural(len(report.citations), 'citation')})"
        )
    return "\n".join(out) + "\n" if out else ""


def _where(report: Report, f: Finding) -> str:
    line, col = location(report, f)
    return f"{line}:{col or 1}" if line is not None else ""


def _wrap(head: str, text: str, indent: int, width: int) -> list[str]:
    """``head`` then ``text`` wrapped at ``width`` columns under itself (never inside a word, so a
    URL or DOI stays whole and clickable)."""
    room = width - indent
    if width <= 0 or room < _MIN_TEXT or len(text) <= room:
        return [head + text]
    lines = textwrap.wrap(text, room, break_long_words=False, break_on_hyphens=False) or [""]
    return [head + lines[0]] + [" " * indent + rest for rest in lines[1:]]


class Writer(_Writer):
    """Streams each manuscript's block; ends with the count per rule and the summary."""

    def add(self, item: Item) -> str:
        super().add(item)
        return item.part

    def end(self) -> str:
        paint = _painter(self.style.color)
        items = self.items
        if not items:  # every file skipped: stderr says so, there is nothing to sum up
            return ""
        if self.style.verbose:
            return _table(items) if self.style.batch else ""
        out: list[str] = []
        rules = _by_rule(items)
        if rules:
            out.append("")
            out.append(paint("by rule" + (" (all manuscripts)" if self.style.batch else ""), _BOLD))
            out.extend(rules)
        if self.style.batch:
            out.append(_table(items).rstrip("\n"))
        else:
            for it in items:
                if it.error:
                    continue
                e, w, i = it.counts
                out.append(
                    paint(
                        f"{plural(e, 'error')}, {plural(w, 'warning')}, {plural(i, 'info')} in "
                        f"{visible(it.path)} ({plural(it.references, 'reference')}, "
                        f"{plural(it.citations, 'citation')})",
                        _BOLD,
                    )
                )
                out.extend(f"note: {one_line(n)}" for n in it.notes)
        return "\n".join(out) + "\n" if out else ""


def _by_rule(items: list[Item]) -> list[str]:
    """``  count  CODE  severity  name``, errors first, then by count."""
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for it in items:
        for code, sev, n in it.rules:
            totals[(code, sev)] += n
    rows = sorted(totals.items(), key=lambda kv: (-_SEV_NAME[kv[0][1]].rank, -kv[1], kv[0][0]))
    width = max((len(str(n)) for n in totals.values()), default=1)
    out = []
    for (code, sev), n in rows:
        try:
            name = get_rule(code).name
        except KeyError:
            name = ""
        out.append(f"  {n:>{width}}  {code}  {sev:<7}  {name}".rstrip())
    return out


def _table(items: list[Item]) -> str:
    """The batch summary: one row per manuscript in the order given, then the totals."""
    names = [visible(it.path) for it in items]
    w = max([len("manuscript"), *(len(n) for n in names)])
    out = ["", "manuscript".ljust(w) + "  refs  cites  errors  warnings  infos"]
    total = [0, 0, 0]
    for name, it in zip(names, items, strict=True):
        if it.error:
            out.append(name.ljust(w) + "  input error")
            continue
        e, wn, i = it.counts
        total = [total[0] + e, total[1] + wn, total[2] + i]
        out.append(
            f"{name.ljust(w)}  {it.references:4d}  {it.citations:5d}  {e:6d}  {wn:8d}  {i:5d}"
        )
    out.append(
        f"{plural(len(items), 'manuscript')}: {plural(total[0], 'error')}, "
        f"{plural(total[1], 'warning')}, {plural(total[2], 'info')}"
    )
    return "\n".join(out) + "\n"
