"""The public verbs: ``load``, ``parse_references``, ``check``, ``fix``, ``export``.

This module only wires the stages together (load → split → parse → normalise → cite → match →
resolve → rules); each stage lives in its own module and knows nothing of the others' I/O.
Heavy stages are imported inside the functions so ``import refcheck`` stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from refcheck.findings import Report
from refcheck.model import Document, Reference, Resolution, Source

if TYPE_CHECKING:
    from refcheck.config import Config
    from refcheck.fixes.patch import Patch
    from refcheck.resolve import Resolver, ResolverSettings


def load(path: str | Path, *, references_from: int | None = None) -> Document:
    """Read a manuscript and parse its reference list (every entry, parsed or flagged)."""
    from refcheck.loader import read_source

    return load_source(read_source(path), references_from=references_from)


def load_text(
    text: str,
    path: str = "<string>",
    format: str = "text",
    *,
    references_from: int | None = None,
) -> Document:
    """Like :func:`load` for text already in memory (editorial scripts, tests)."""
    from refcheck.loader import source_from_text

    return load_source(source_from_text(text, path, format), references_from=references_from)


def load_source(source: Source, *, references_from: int | None = None) -> Document:
    """Split an already-read source and parse its list: the seam ``load``/``load_text`` share."""
    if source.format == "latex" and references_from is None:  # hook: .tex + .bib, see latex.py
        from refcheck.latex import load_latex

        return load_latex(source)
    from refcheck.parse import parse_entries
    from refcheck.split import split_document

    doc = split_document(source, references_from=references_from)
    return replace(doc, references=parse_entries(doc.entries))


def parse_references(text: str) -> list[Reference]:
    """Parse a reference list given as text (with or without its heading), one record per entry."""
    from refcheck.errors import NoReferencesError

    try:
        doc = load_text(text)
    except NoReferencesError:
        doc = load_text(text, references_from=1)
    return list(doc.references)


def check(
    document: Document | str | Path,
    config: Config | None = None,
    *,
    resolver: Resolver | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Run every stage after parsing and return all findings (the caller decides what fails).

    Without ``config``, the configuration is read as the CLI reads it: ``refcheck.toml`` or
    ``[tool.refcheck]`` found from the working directory, then ``REFCHECK_*`` variables.
    """
    from refcheck.cite import extract_citations
    from refcheck.config import load_config
    from refcheck.language import manuscript_language
    from refcheck.match import match_citations
    from refcheck.normalise import normalise_references
    from refcheck.rules import Context, RuleOptions, run_checks

    cfg = config if config is not None else load_config()
    doc = document if isinstance(document, Document) else load(document)
    refs = normalise_references(
        doc.references,
        scheme=cfg.transliteration,
        text=doc.text,
        language_detector=cfg.language_detector,
    )
    doc = replace(doc, references=refs)
    language = manuscript_language(doc, cfg.language)
    citations = extract_citations(doc)
    links = match_citations(citations, refs)

    resolutions: tuple[Resolution, ...] = ()
    notes: list[str] = []
    resolved = False
    network_down = False
    if not cfg.offline:
        if resolver is None:
            from refcheck.resolve import Resolver as _Resolver

            resolver = _Resolver(resolver_settings(cfg))
        resolutions = resolver.resolve(refs, progress=progress)
        resolved = True
        notes.extend(resolver.notes)  # the cache rebuilt, read-only or skipped
        network_down = resolver.stats.network_down
    else:
        notes.append("offline: DOIs and URLs were not verified")

    ctx = Context(
        document=doc,
        references=refs,
        citations=citations,
        links=links,
        resolutions=resolutions,
        resolved=resolved,
        options=RuleOptions(
            transliteration=cfg.transliteration,
            offline=cfg.offline,
            language_detector=cfg.language_detector,
            language=language.code,
            language_source=language.source,
            language_evidence=language.evidence,
            et_al=cfg.et_al,
        ),
    )
    findings = run_checks(ctx, cfg.select, cfg.ignore, dict(cfg.severity))
    if network_down and not any(f.code == "R802" and f.message.startswith("network unreachable")
                                for f in findings):  # R802 ignored: still said, once
        from refcheck.checks.resolution import network_summary
        from refcheck.resolve.targets import VERIFIED

        checked = [r for r in resolutions if r.status != "invalid"]
        notes.append(network_summary(sum(r.status in VERIFIED for r in checked), len(checked)))
    from refcheck.fixes.make import attach

    findings = attach(ctx, findings)
    return Report(
        document=doc,
        citations=citations,
        links=links,
        resolutions=ctx.resolutions,
        findings=tuple(findings),
        resolved=resolved,
        notes=tuple(notes),
        language=language.code,
        network_unreachable=network_down,
    )


def fix(
    document: Document | str | Path,
    config: Config | None = None,
    unsafe: bool = False,
    *,
    resolver: Resolver | None = None,
) -> Patch:
    """The fixes for ``document`` as one :class:`~refcheck.fixes.Patch`: its ``edits`` are
    (span, old, new, code) over ``Document.text``, ``diff()`` shows them, ``new_text`` is the
    text with them applied. Safe fixes only, unless ``unsafe`` (docs/fix.md). Nothing is written:
    :func:`refcheck.fixes.write_patch` writes a patch to the manuscript's file.
    """
    from refcheck.fixes.patch import build

    report = check(document, config, resolver=resolver)
    return build(report, unsafe=unsafe)


def resolver_settings(cfg: Config) -> ResolverSettings:
    """Map the user's configuration onto the resolver's own settings."""
    from refcheck.resolve import ResolverSettings

    return ResolverSettings.from_env(
        mailto=cfg.mailto,
        crossref_url=cfg.crossref_url,
        doi_url=cfg.doi_url,
        datacite_url=cfg.datacite_url,
        use_cache=cfg.use_cache,
        cache_dir=cfg.cache_dir,
        allow_local_urls=cfg.allow_local_urls,
        timeout=cfg.timeout,
        deadline=cfg.deadline,
        check_urls=cfg.check_urls,
        search_missing_dois=cfg.search_missing_dois,
    )


# export formats that have a 7-bit form (LaTeX escapes); the others are UTF-8 text by definition
ASCII_EXPORT_FORMATS = ("bibtex", "biblatex")


def export(
    references: Sequence[Reference] | Document,
    format: str = "bibtex",
    *,
    encoding: str = "utf-8",
    scheme: str = "ala-lc",
    language_detector: str = "builtin",
    script: str = "romanised",
) -> str:
    """Write references as bibtex, biblatex, csl-json, ris, jats or crossref.

    References are normalised first (language, romanised forms) unless they already are, so
    ``langid`` and the romanised titles of Cyrillic entries are filled whichever way they came.
    ``language_detector`` ("builtin" or "lingua") decides ``langid`` for those normalised here.
    ``script`` is ``romanised`` (APA) or ``original`` (non-Latin entries as written).
    Every unusable argument (format, encoding, scheme, detector, script) is an
    :class:`~refcheck.errors.ExportError`, raised before any work; ``encoding="ascii"`` exists for
    the .bib formats only and is refused for the others rather than ignored.
    """
    from refcheck.errors import ExportError
    from refcheck.exporter import FORMATS
    from refcheck.exporter import export as _export
    from refcheck.exporter.keys import check_script
    from refcheck.normalise import normalise_references
    from refcheck.options import DETECTOR, SCHEME

    try:
        scheme = SCHEME.check(scheme, "transliteration")
        language_detector = DETECTOR.check(language_detector, "language detector")
    except ValueError as exc:
        raise ExportError(str(exc)) from None
    fmt = format.lower()
    if fmt in FORMATS and encoding.lower() == "ascii" and fmt not in ASCII_EXPORT_FORMATS:
        raise ExportError(
            f"--encoding ascii applies to {' and '.join(ASCII_EXPORT_FORMATS)} only, not {format}"
        )
    check_script(script)
    if isinstance(references, Document):
        refs = references.references
        text: str | None = references.text
    else:
        refs = tuple(references)
        text = None
    if any(r.norm is None for r in refs):
        refs = normalise_references(
            refs, scheme=scheme, text=text, language_detector=language_detector
        )
    return _export(list(refs), format=format, encoding=encoding, scheme=scheme, script=script)
