"""Coverage-guided fuzzing of refcheck with atheris: load_text → check(offline) → report → export.

Why: the hypothesis properties (tests/test_properties.py) explore inputs built from a grammar;
atheris mutates bytes guided by coverage and finds the odd shapes a grammar never produces.
A finding here is any exception that is not a ``RefcheckError`` (bad input must never be a
traceback), a broken invariant (span outside the text, a lost entry or citation), or a hang.

Run (outside CI; ``pip install atheris``, Linux/macOS, CPython 3.10-3.12)::

    python scripts/fuzz_atheris.py -atheris_runs=200000 -max_len=4096 -timeout=20 \\
        -rss_limit_mb=2048 fuzz-corpus/ tests/regressions/

``fuzz-corpus/`` (created if missing) keeps the inputs that reached new code; the seed
manuscript and the regression corpus make good starting points. Crashes are written as
``crash-<sha1>`` files in the working folder; replay one with
``python scripts/fuzz_atheris.py crash-<sha1>``. Add ``-jobs=4 -workers=4`` for parallel
runs. ``REFCHECK_FUZZ_EXPORT=0`` skips the export formats (faster, pipeline only).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import atheris  # type: ignore[import-untyped,import-not-found,unused-ignore]

# refcheck.api imports its stages lazily; import them here so atheris instruments them all.
with atheris.instrument_imports():
    import refcheck.checks.citations
    import refcheck.checks.entries
    import refcheck.checks.multilingual
    import refcheck.checks.resolution
    import refcheck.cite
    import refcheck.exporter
    import refcheck.match
    import refcheck.normalise
    import refcheck.parse
    import refcheck.rules
    import refcheck.split  # noqa: F401
    from refcheck import api
    from refcheck.config import Config
    from refcheck.errors import RefcheckError
    from refcheck.report import render

CONFIG = Config(offline=True)
EXPORTS = ("bibtex", "biblatex", "csl-json", "ris")
REPORTS = ("text", "json", "sarif")
DO_EXPORT = os.environ.get("REFCHECK_FUZZ_EXPORT", "1") != "0"
HEADINGS = ("References", "Kaynakça", "Ədəbiyyat", "Список литературы", "Bibliography")


def _text(data: bytes) -> str:
    """Half the time raw bytes as UTF-8; otherwise a body/heading/list shape built from them."""
    fdp = atheris.FuzzedDataProvider(data)
    mode = int(fdp.ConsumeIntInRange(0, 3))
    if mode == 0:
        return str(fdp.ConsumeUnicodeNoSurrogates(len(data)))
    body = str(fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 512)))
    heading = HEADINGS[fdp.ConsumeIntInRange(0, len(HEADINGS) - 1)]
    entries = str(fdp.ConsumeUnicodeNoSurrogates(len(data)))
    return f"{body}\n\n{heading}\n\n{entries}\n"


def _check_invariants(text: str) -> None:
    doc = api.load_text(text)
    n = len(doc.text)
    assert len(doc.references) == len(doc.entries), "entries lost"
    last = -1
    for e in doc.entries:
        assert 0 <= e.span.start <= e.span.end <= n, f"entry span {e.span} outside text of {n}"
        assert e.span.start >= last, "entry spans overlap"
        last = e.span.end
    report = api.check(doc, CONFIG)
    assert len(report.links) == len(report.citations), "citations lost in matching"
    for c in report.citations:
        assert 0 <= c.span.start <= c.span.end <= n, f"citation span {c.span} outside text"
        assert doc.text[c.span.start : c.span.end] == c.text, "citation text != text[span]"
    for f in report.findings:
        if f.span is not None:
            assert 0 <= f.span.start <= f.span.end <= n, f"finding span {f.span} outside text"
    for fmt in REPORTS:
        render(report, fmt, color=False, config=CONFIG)
    if DO_EXPORT and doc.references:
        for fmt in EXPORTS:
            api.export(doc, format=fmt)


def test_one_input(data: bytes) -> None:
    """The fuzz target: anything but a RefcheckError escaping is a bug."""
    text = _text(data)
    try:
        _check_invariants(text)
    except RefcheckError:
        return  # refusing unusable input is the contract


def main() -> None:
    for folder in (a for a in sys.argv[1:] if not a.startswith("-")):
        if not Path(folder).exists() and not folder.startswith("crash-"):
            Path(folder).mkdir(parents=True)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
