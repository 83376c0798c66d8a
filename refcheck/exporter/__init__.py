"""The export stage: references → BibTeX, BibLaTeX, CSL-JSON, RIS, JATS or Crossref XML.

``export(references, format)`` is the one verb; each format lives in its own module
(:mod:`~refcheck.exporter.bibtex`, :mod:`~refcheck.exporter.csl`, :mod:`~refcheck.exporter.ris`,
:mod:`~refcheck.exporter.xmlrefs` for JATS and Crossref) with the shared citation keys and
romanisation in :mod:`~refcheck.exporter.keys` and LaTeX escaping in
:mod:`~refcheck.exporter.latex`. Every reference is exported, unparsed ones included (their raw
text kept), so nothing is lost between the manuscript and the reference manager.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from refcheck.errors import ExportError
from refcheck.model import Reference

__all__ = ["ENCODINGS", "FORMATS", "SCRIPTS", "export"]

ENCODINGS = ("utf-8", "ascii")
SCRIPTS = ("romanised", "original")

Writer = Callable[[Sequence[Reference], str, str, str], str]


def _bibtex(refs: Sequence[Reference], encoding: str, scheme: str, script: str) -> str:
    from refcheck.exporter.bibtex import to_bibtex

    return to_bibtex(refs, biblatex=False, encoding=encoding, scheme=scheme, script=script)


def _biblatex(refs: Sequence[Reference], encoding: str, scheme: str, script: str) -> str:
    from refcheck.exporter.bibtex import to_bibtex

    return to_bibtex(refs, biblatex=True, encoding=encoding, scheme=scheme, script=script)


def _csl_json(refs: Sequence[Reference], encoding: str, scheme: str, script: str) -> str:
    from refcheck.exporter.csl import to_csl_json

    return to_csl_json(refs, scheme=scheme, script=script)


def _ris(refs: Sequence[Reference], encoding: str, scheme: str, script: str) -> str:
    from refcheck.exporter.ris import to_ris

    return to_ris(refs, scheme=scheme, script=script)


def _jats(refs: Sequence[Reference], encoding: str, scheme: str, script: str) -> str:
    from refcheck.exporter.xmlrefs import to_jats

    return to_jats(refs, scheme=scheme, script=script)


def _crossref(refs: Sequence[Reference], encoding: str, scheme: str, script: str) -> str:
    from refcheck.exporter.xmlrefs import to_crossref

    return to_crossref(refs, scheme=scheme, script=script)


# format name → writer; ordered as the CLI lists them.
FORMATS: dict[str, Writer] = {
    "bibtex": _bibtex,
    "biblatex": _biblatex,
    "csl-json": _csl_json,
    "ris": _ris,
    "jats": _jats,
    "crossref": _crossref,
}


def export(
    references: Sequence[Reference],
    format: str = "bibtex",
    *,
    encoding: str = "utf-8",
    scheme: str = "ala-lc",
    script: str = "romanised",
) -> str:
    """Write references in ``format`` (bibtex, biblatex, csl-json, ris, jats, crossref).

    ``encoding`` matters for the .bib formats only: ``utf-8`` for biber/BibLaTeX, ``ascii`` for
    7-bit LaTeX escapes (classic BibTeX). ``scheme`` names the Cyrillic romanisation used for
    citation keys and romanised fields (``ala-lc``, ``bgn-pcgn``, ``gost-779`` …). ``script``
    decides how non-Latin entries are written: ``romanised`` (APA 7's default) or ``original``
    (as written, the romanised title beside it) for journals that print Cyrillic.
    """
    writer = FORMATS.get(format.lower())
    if writer is None:
        raise ExportError(
            f"unknown export format {format!r} (expected one of: {', '.join(FORMATS)})"
        )
    if encoding.lower().replace("_", "-") not in ("utf-8", "utf8", "ascii"):
        valid = ", ".join(ENCODINGS)
        raise ExportError(f"unknown encoding {encoding!r} (expected one of: {valid})")
    if script not in SCRIPTS:
        raise ExportError(f"unknown script {script!r} (expected one of: {', '.join(SCRIPTS)})")
    from refcheck.exporter.keys import romaniser

    romaniser(scheme)  # an unknown scheme fails here, before any output
    return writer(list(references), encoding, scheme, script)
