"""Report formats: one ``render`` over a :class:`~refcheck.findings.Report`.

Each format is a module with a ``render`` function taking the same keywords, so the CLI needs one
call and adding a format is adding a module. Formats never touch the network or the file system.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from refcheck.errors import ConfigError
from refcheck.findings import Report

if TYPE_CHECKING:
    from refcheck.config import Config

__all__ = ["FORMATS", "render"]

# format name -> module under refcheck.report
FORMATS: dict[str, str] = {
    "text": "text",
    "json": "jsonfmt",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "html": "html",
}


def render(
    report: Report,
    fmt: str,
    *,
    path_display: str | None = None,
    color: bool | None = None,
    config: Config | None = None,
) -> str:
    """Render ``report`` as ``fmt`` (one of :data:`FORMATS`).

    ``path_display`` is the path to print (default: the document's, relative to the working folder);
    ``color`` only matters to ``text`` (None = no colour); ``config`` supplies ``fail_on`` (JUnit
    failures, JSON summary) and the effective rule severities.
    """
    name = FORMATS.get(fmt)
    if name is None:
        raise ConfigError(f"unknown report format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    module = importlib.import_module(f"refcheck.report.{name}")
    out: str = module.render(report, path_display=path_display, color=bool(color), config=config)
    return out
