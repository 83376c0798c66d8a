"""The export stage: references → BibTeX, BibLaTeX, CSL-JSON or RIS text.

``export(references, format)`` is the one verb; each format lives in its own module
(:mod:`~refcheck.exporter.bibtex`, :mod:`~refcheck.exporter.csl`, :mod:`~refcheck.exporter.ris`)
with the shared citation keys in :mod:`~refcheck.exporter.keys` and LaTeX escaping in
:mod:`~refcheck.exporter.latex`. Every reference is exported, unparsed ones included (their raw
text kept), so nothing is lost between the manuscript and the reference manager.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from refcheck.errors import ExportError
from refcheck.model import Reference

__all__ = ["FORMATS", "export"]


def _bibtex(refs: Sequence[Reference], encoding: str, scheme: str) -> str:
    from refcheck.exporter.bibtex import to_bibtex

    return to_bibtex(refs, biblatex=False, encoding=encoding, scheme=scheme)


def _biblatex(refs: Sequence[Reference], encoding: str, scheme: str) -> str:
    from refcheck.exporter.bibtex import to_bibtex

    return to_bibtex(refs, biblatex=True, encoding=encoding, scheme=scheme)


def _csl_json(refs: Sequence[Reference], encoding: str, scheme: str) -> str:
    from refcheck.exporter.csl import to_csl_json

    return to_csl_json(refs, scheme=scheme)


def _ris(refs: Sequence[Reference], encoding: str, scheme: str) -> str:
    from refcheck.exporter.ris import to_ris

    return to_ris(refs, scheme=scheme)


# format name → writer; ordered as the CLI lists them.
FORMATS: dict[str, Callable[[Sequence[Reference], str, str], str]] = {
    "bibtex": _bibtex,
    "biblatex": _biblatex,
    "csl-json": _csl_json,
    "ris": _ris,
}


def export(
    references: Sequence[Reference],
    format: str = "bibtex",
    *,
    encoding: str = "utf-8",
    scheme: str = "ala-lc",
) -> str:
    """Write references in ``format`` (bibtex, biblatex, csl-json, ris).

    ``encoding`` matters for the .bib formats only: ``utf-8`` for biber/BibLaTeX, ``ascii`` for
    7-bit LaTeX escapes (classic BibTeX). ``scheme`` names the Cyrillic romanisation used for
    citation keys and the romanised .bib fields (``ala-lc``, ``bgn-pcgn``, ``gost-779`` …).
    """
    writer = FORMATS.get(format.lower())
    if writer is None:
        raise ExportError(
            f"unknown export format {format!r} (expected one of: {', '.join(FORMATS)})"
        )
    if encoding.lower().replace("_", "-") not in ("utf-8", "utf8", "ascii"):
        raise ExportError(f"unknown encoding {encoding!r} (expected utf-8 or ascii)")
    from refcheck.exporter.keys import romaniser

    romaniser(scheme)  # an unknown scheme fails here, before any output
    return writer(list(references), encoding, scheme)
