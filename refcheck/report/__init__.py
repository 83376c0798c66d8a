"""Report formats: one report document for one manuscript or for many.

A report is written in two steps so that many manuscripts give **one** valid document per format
(a SARIF log with one run, JUnit ``<testsuites>`` with a suite each, a JSON list, one HTML page):

1. :func:`item` turns one manuscript's :class:`~refcheck.findings.Report` into an :class:`Item`:
   the format's fragment for it plus the figures a summary needs. Items are small and picklable, so
   ``--jobs`` workers make them and send them back.
2. A :class:`Writer` (:func:`writer`) puts items together: ``start()``, ``add(item)`` for each
   manuscript in order, ``end()``; each call returns text to write. Line formats (text, github,
   jsonl) return each manuscript's text from ``add`` so it streams; document formats return the
   whole document from ``end``.

:func:`render` is both steps for one report (the Python API). Each format is a module with a
``part`` function and a ``Writer`` class, so adding a format is adding a module. Formats never
touch the network or the file system.
"""

from __future__ import annotations

import importlib
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from refcheck.errors import ConfigError
from refcheck.findings import Report, Severity
from refcheck.report._common import Item, Style, Writer, display_path, fail_on

if TYPE_CHECKING:
    from refcheck.config import Config

__all__ = ["FORMATS", "Item", "Style", "Writer", "error_item", "item", "render", "view", "writer"]

# format name -> module under refcheck.report
FORMATS: dict[str, str] = {
    "text": "text",
    "json": "jsonfmt",
    "jsonl": "jsonfmt",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "html": "html",
}


def _module(fmt: str) -> Any:
    name = FORMATS.get(fmt)
    if name is None:
        raise ConfigError(f"unknown report format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    return importlib.import_module(f"refcheck.report.{name}")


def view(report: Report, config: Config | None) -> Report:
    """The report as the configuration asks to show it: findings below ``min_severity`` left
    out (and counted in a note), like ``--ignore`` leaves out rules: they do not fail the run."""
    floor = getattr(config, "min_severity", Severity.INFO)
    if not isinstance(floor, Severity) or floor is Severity.INFO:
        return report
    kept = tuple(f for f in report.findings if f.severity.rank >= floor.rank)
    hidden = len(report.findings) - len(kept)
    if not hidden:
        return report
    note = (
        f"{hidden} finding{'s' if hidden != 1 else ''} below {floor.value} not shown "
        f"(min_severity = {floor.value})"
    )
    return replace(report, findings=kept, notes=(*report.notes, note))


def item(
    report: Report,
    fmt: str,
    *,
    path_display: str | None = None,
    config: Config | None = None,
    style: Style | None = None,
) -> Item:
    """One manuscript's share of a ``fmt`` report (``config.min_severity`` applied)."""
    style = style or Style()
    module = _module(fmt)
    shown = view(report, config)
    path = display_path(shown, path_display)
    rules: dict[tuple[str, str], int] = {}
    for f in shown.findings:
        rules[(f.code, f.severity.value)] = rules.get((f.code, f.severity.value), 0) + 1
    counts = shown.counts()
    return Item(
        path=path,
        part=module.part(shown, path=path, config=config, style=style, fmt=fmt),
        counts=(counts["error"], counts["warning"], counts["info"]),
        rules=tuple((code, sev, n) for (code, sev), n in sorted(rules.items())),
        references=len(shown.references),
        citations=len(shown.citations),
        failed=shown.failed(fail_on(config)),
        notes=shown.notes,
    )


def error_item(path: str, message: str) -> Item:
    """A manuscript that could not be checked: reports list it with ``message``."""
    return Item(path=path, error=message, failed=True)


def writer(fmt: str, style: Style | None = None, *, config: Config | None = None) -> Writer:
    """The writer that puts ``fmt`` items together into one document."""
    w: Writer = _module(fmt).Writer(style or Style(), fmt=fmt, config=config)
    return w


def render(
    report: Report,
    fmt: str,
    *,
    path_display: str | None = None,
    color: bool | None = None,
    config: Config | None = None,
    verbose: bool = False,
    width: int | None = None,
) -> str:
    """Render one ``report`` as ``fmt`` (one of :data:`FORMATS`).

    ``path_display`` is the path to print (default: the document's, relative to the working folder);
    ``color``, ``verbose`` and ``width`` only matter to ``text`` (colour off by default; the compact
    report wrapped at ``width`` columns, default 100, or the detailed one); ``config`` supplies
    ``fail_on`` (JUnit failures, JSON summary), ``min_severity`` and the rule selection.
    """
    style = Style(verbose=verbose, width=100 if width is None else width, color=bool(color))
    w = writer(fmt, style, config=config)
    return w.start() + w.add(item(report, fmt, path_display=path_display, config=config,
                                  style=style)) + w.end()  # fmt: skip
