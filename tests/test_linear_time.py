"""Linear time on inputs up to the size limit: 0.5 MB against 2 MB for every pattern family.

Why: 50 KB against 100 KB (tests/test_pathological.py) is too small to show a quadratic step
whose constant is small: ``re.match(p, s[pos:])`` copies the rest of the string per token and
only shows past half a megabyte. Each family below runs its worst-case inputs at 0.5 MB and at
2 MB; the 2 MB run must take at most ``RATIO`` (5) times the 0.5 MB one (linear ≈ 4, quadratic
≈ 16), plus 0.15 s of slack for the memory-hierarchy step of functions that take milliseconds
(see ``_assert_linear``). Times are CPU seconds of this process; a failing ratio is re-measured
best of three before it counts.

Families: split, cite, match, normalise, latex, loader and the resolve stage's parsers (the
parse stage, refcheck/parse, has its own tests). CI runs each family on the inputs aimed at its
patterns; ``REFCHECK_SLOW=1`` runs every worst case of ``test_pathological.WORST`` through every
function.
"""

from __future__ import annotations

import functools
import gc
import os
import time
from collections.abc import Callable

import pytest
from test_pathological import WORST

from refcheck import latex, loader, match, normalise
from refcheck.cite import extract_citations_from_text
from refcheck.model import Document, Reference, Span
from refcheck.resolve import answers, doi, http, urls
from refcheck.split import split_document

RATIO = 5.0
SMALL, BIG = 500_000, 2_000_000
SLACK = 0.15  # CPU seconds: the cache step of fast functions (see _assert_linear)
ABSOLUTE = 60.0
SLOW = bool(os.environ.get("REFCHECK_SLOW"))

EXTRA: dict[str, Callable[[int], str]] = {
    # shapes of the resolve stage's inputs
    "json-array": lambda n: "[" + "1," * (n // 2) + "1]",
    "json-escaped-string": lambda n: '"' + '\\"' * (n // 2) + '"',
    "json-brackets-in-string": lambda n: '["' + "[{" * (n // 2) + '"]',
    "html-meta": lambda n: '<meta name="citation_title" content="x">' * (n // 40),
    "html-unclosed-meta": lambda n: "<meta " + 'a="b" ' * (n // 6),
    "html-title": lambda n: "<title>" + "<b>x</b>" * (n // 8),
    "tags": lambda n: "<i>" * (n // 3),
    "lt-runs": lambda n: "<" * n,
    # LaTeX
    "bib-blocks": lambda n: "@article{k, title={T}}\n" * (n // 23),
    "unclosed-brace": lambda n: "@article{" + "{" * n,
    "cite-commands": lambda n: "\\citep[p.~1]{a,b} " * (n // 19),
    "bibliography-commands": lambda n: "\\bibliography{a,b} " * (n // 19),
    "backslashes": lambda n: "\\" * n,
    "percent": lambda n: "%" * n,
    # loader
    "crlf": lambda n: "a\r\n" * (n // 3),
    "lone-cr": lambda n: "a\r" * (n // 2),
    "zero-width": lambda n: "a\u200b" * (n // 2),
    # wrapped lines for the splitter
    "wrapped-initials": lambda n: "\n".join(["A. " * 26] * (n // 79)),
    "wrapped-author-list": lambda n: "\n".join(["Ab, C., & " * 8] * (n // 81)),
}
CASES = {**WORST, **EXTRA}

COMMON = ["letters", "cyrillic-run", "combining-acute", "dots", "close-parens", "initials",
          "colon-space", "entry-lines"]


@functools.lru_cache(maxsize=2)  # the small and big input of the case at hand
def _input(name: str, n: int) -> str:
    return CASES[name](n)


def _cpu(fn: Callable[[], object], runs: int = 1) -> float:
    """Best of ``runs`` CPU-time runs (no repeats inside a run: some helpers memoise).

    The cyclic garbage collector is off while a run is timed: its full passes walk every live
    object of the whole test session, so in a long pytest run they made the 2 MB call (which
    allocates 4x more) look superlinear (6-7x) when the function itself is not (4x alone)."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            t = time.process_time()
            fn()
            best = min(best, time.process_time() - t)
        finally:
            gc.enable()
    return best


def _assert_linear(fn: Callable[[str], object], case: str) -> None:
    """2 MB in at most ``RATIO`` × the 0.5 MB time, plus ``SLACK``.

    The slack is the memory hierarchy, not complexity: 0.5 MB fits the processor's caches and
    2 MB does not, so a function taking a few milliseconds shows ratios of 6-8 while growing
    exactly 2x from 2 to 4 MB (measured: ``split_initials`` 12 ms, 95 ms, 184 ms at 0.5, 2 and
    4 MB). A quadratic step is seconds at 2 MB, far past the slack.
    """
    small, big = _input(case, SMALL), _input(case, BIG)
    t_big = _cpu(lambda: fn(big))
    assert t_big < ABSOLUTE, f"{case}: {t_big:.2f} s CPU on 2 MB"
    if t_big <= SLACK:
        return
    t_small = _cpu(lambda: fn(small), 2)
    if t_big > RATIO * t_small + SLACK:  # re-measured before it counts: one hiccup is not a fail
        t_small, t_big = _cpu(lambda: fn(small), 3), _cpu(lambda: fn(big), 3)
    assert t_big <= RATIO * t_small + SLACK, (
        f"{case}: 2 MB took {t_big / t_small:.1f}x the 0.5 MB time "
        f"({t_small:.3f} s vs {t_big:.3f} s)")


def _ref(raw: str) -> Reference:
    return Reference(index=1, raw=raw, span=Span(0, len(raw)), line=1)


def _latex_citations(text: str) -> object:
    return latex.extract_latex_citations(Document(text=text, format="latex",
                                                  body=Span(0, len(text))))


# family -> (function, CI cases aimed at its patterns)
FAMILIES: dict[str, tuple[Callable[[str], object], list[str]]] = {
    "split": (lambda t: split_document(loader.source_from_text("Body.\n\nReferences\n\n" + t)),
              ["numbered-lines", "short-lines", "headings", "entry-lines", "bullets",
               "wrapped-initials", "wrapped-author-list", "combining-acute", "hyphens"]),
    "cite": (extract_citations_from_text,
             ["citations", "multi-item", "semicolons-in-paren", "narrative-caps", "open-parens",
              "close-parens", "open-paren-name", "editors", "volume-issue"]),
    "match.fold": (match.fold, COMMON),
    "match.name_variants": (match.name_variants, [*COMMON, "russian-et-al"]),
    "match.split_initials": (match.split_initials, [*COMMON, "initials-hyphen"]),
    "match.compare_names": (lambda t: match.compare_names(t, t[:-1]), COMMON),
    "match.reference_years": (lambda t: match.reference_years(_ref(t)),
                              [*COMMON, "year-runs", "parenthesised-years"]),
    "normalise.fold_key": (normalise.fold_key, COMMON),
    "normalise.romanise": (normalise.romanise, [*COMMON, "mixed-script-run"]),
    "normalise.detect_script": (normalise.detect_script, [*COMMON, "mixed-script-run"]),
    "normalise.detect_language": (normalise.detect_language, [*COMMON, "mixed-script-run"]),
    "normalise.collation_key": (normalise.collation_key, COMMON),
    "normalise.find_lookalikes": (normalise.find_lookalikes, [*COMMON, "mixed-script-run"]),
    "latex.mask_latex": (latex.mask_latex, [*COMMON, "backslashes", "percent", "cite-commands"]),
    "latex.named_bibs": (lambda t: latex.named_bibs(t, "/nonexistent/t.tex"),
                         ["bibliography-commands", "backslashes", "percent", "open-brackets"]),
    "latex.bib_blocks": (lambda t: list(latex.bib_blocks(t)),
                         ["bib-blocks", "unclosed-brace", "letters", "backslashes"]),
    "latex.citations": (_latex_citations, ["cite-commands", "backslashes", "percent", "letters"]),
    "latex.latex_to_text": (latex.latex_to_text, ["letters", "backslashes", "percent", "dots"]),
    "loader.source_from_text": (loader.source_from_text,
                                ["crlf", "lone-cr", "zero-width", "combining-acute",
                                 "short-lines", "letters"]),
    "loader.decode_bytes": (lambda t: loader.decode_bytes(t.encode("utf-8")),
                            ["crlf", "cyrillic-run", "combining-acute", "letters"]),
    "resolve.normalise_doi": (doi.normalise_doi,
                              [*COMMON, "doi-suffix", "close-parens", "em-dashes", "hyphens"]),
    "resolve.fold": (doi.fold, [*COMMON, "tags", "lt-runs"]),
    "resolve.strip_tags": (doi.strip_tags, ["tags", "lt-runs", "html-title", "letters"]),
    "resolve.page_head": (urls._extract_head,
                          ["html-meta", "html-unclosed-meta", "html-title", "lt-runs", "tags"]),
    "resolve.decode_html": (lambda t: urls.decode_html(t.encode(), "text/html"),
                            ["html-meta", "lt-runs", "letters"]),
    "resolve.url_path_date": (lambda t: urls.url_path_date("https://x.org/" + t),
                              ["year-runs", "hyphens", "url"]),
    "resolve.retry_after": (http.parse_retry_after, ["ones", "dots", "spaces", "letters"]),
    "resolve.load_json": (lambda t: _total_json(t.encode()),
                          ["json-array", "json-escaped-string", "json-brackets-in-string",
                           "open-brackets", "backslashes", "straight-quotes"]),
}


def _total_json(body: bytes) -> object:
    try:
        return answers.load_json(body, max_bytes=10**8)
    except answers.Malformed:
        return None


PARAMS = [(fam, case) for fam, (_fn, cases) in FAMILIES.items()
          for case in (list(CASES) if SLOW else cases)]


@pytest.mark.parametrize(("family", "case"), PARAMS)
def test_two_megabytes_take_at_most_five_times_half_a_megabyte(family: str, case: str) -> None:
    fn, _cases = FAMILIES[family]
    _assert_linear(fn, case)
