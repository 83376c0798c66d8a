"""Pathological inputs: every stage that runs regexes over manuscript text stays linear-ish.

Why: a manuscript is untrusted text, and one catastrophic-backtracking pattern turns a 100 KB
file into a hung CI job. Each worst case is run at 50 KB and 100 KB; the 100 KB run must take
less than ``RATIO`` times the 50 KB one (linear ≈ 2, quadratic ≈ 4) and less than ``ABSOLUTE``
seconds. Times are CPU seconds of this process (``time.process_time``), so a busy machine does
not make the test flaky; the bounds are generous on purpose. The inputs were designed from the
patterns in the split package, the parse package, cite package, match.py and the normalise package (see docs/robustness.md).
"""

from __future__ import annotations

import os
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from refcheck import api
from refcheck.cite import extract_citations, extract_citations_from_text
from refcheck.config import Config
from refcheck.errors import RefcheckError
from refcheck.match import match_citations
from refcheck.model import RawEntry, Span
from refcheck.normalise import (
    collation_key,
    detect_language,
    detect_script,
    find_lookalikes,
    fold_key,
    normalise_references,
    romanise,
)
from refcheck.parse import parse_entry
from refcheck.rules import Context

RATIO = 3.2
ABSOLUTE = 5.0
FLOOR = 0.05  # below this many CPU seconds the ratio is noise, not evidence

# name -> builder of an input of about n characters
WORST: dict[str, Callable[[int], str]] = {
    "letters": lambda n: "a" * n,
    "cyrillic-run": lambda n: "ж" * n,
    "mixed-script-run": lambda n: "Аa" * (n // 2),
    "a-comma": lambda n: "a, " * (n // 3),
    "open-paren-name": lambda n: "(A, " * (n // 4),
    "et-al": lambda n: "et al. " * (n // 7),
    "ones": lambda n: "1" * n,
    "dash-space": lambda n: "- " * (n // 2),
    "unclosed-quote": lambda n: "“" + "a " * (n // 2),
    "straight-quotes": lambda n: '"a' * (n // 2),
    "combining-acute": lambda n: "a" + "\u0301" * n,
    "dots": lambda n: "." * n,
    "hyphens": lambda n: "-" * n,
    "em-dashes": lambda n: "—" * n,
    "open-parens": lambda n: "(" * n,
    "close-parens": lambda n: "(a" + ")" * n,
    "open-brackets": lambda n: "[a" * (n // 2),
    "url": lambda n: "https://" + "a" * n,
    "www-dots": lambda n: "www." + "a." * (n // 2),
    "doi-suffix": lambda n: "10.1000/" + "a" * n,
    "comma-space-year": lambda n: ", " * (n // 2) + "2020x",
    "spaces": lambda n: "a" + " " * n + "b",
    "tabs-nbsp": lambda n: "\t\u00a0" * (n // 2),
    "initials": lambda n: "A. " * (n // 3),
    "initials-hyphen": lambda n: "A.-" * (n // 3),
    "author-list": lambda n: "Ab, C., & " * (n // 10),
    "parenthesised-years": lambda n: "(2020). " * (n // 8),
    "year-runs": lambda n: "2020" * (n // 4),
    "day-month": lambda n: "12 January " * (n // 11),
    "in-star": lambda n: ". In *a" * (n // 7),
    "editors": lambda n: "(Ed.) " * (n // 6),
    "volume-issue": lambda n: "1(2), " * (n // 6),
    "pages": lambda n: "pp. 1-" * (n // 6),
    "russian-et-al": lambda n: "и др., " * (n // 7),
    "original-published": lambda n: "(Original work published " * (n // 25),
    "nd": lambda n: "n.d. " * (n // 5),
    "colon-space": lambda n: ": " * (n // 2),
    "narrative-caps": lambda n: "Aa " * (n // 3) + "(2020)",
    "citations": lambda n: "(Smith, 2020) " * (n // 14),
    "narratives": lambda n: "Smith (2020) " * (n // 13),
    "multi-item": lambda n: (
        "(Ko, 2020; Li & Wu, 2019a, p. 4; see also Ng et al., n.d.) " * (n // 58)
    ),
    "semicolons-in-paren": lambda n: "(" + "A, 2020; " * (n // 9) + ")",
    "bullets": lambda n: "• " * (n // 2),
    "numbered-lines": lambda n: "1.\n" * (n // 3),
    "short-lines": lambda n: "a\n" * (n // 2),
    "headings": lambda n: "References\n" * (n // 11),
    "entry-lines": lambda n: "Smith, J. (2020). T. J, 1(2), 3.\n" * (n // 33),
}


def _cpu(fn: Callable[[], object], runs: int = 1) -> float:
    """Best of ``runs`` CPU-time runs."""
    best = float("inf")
    for _ in range(runs):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def _assert_linear(name: str, fn: Callable[[str], object], build: Callable[[int], str]) -> None:
    """100 KB under ``ABSOLUTE`` and under ``RATIO`` × the 50 KB time.

    The 50 KB run is skipped when 100 KB is already too fast to measure, and a failing ratio is
    re-measured (best of three) before it counts, so one scheduler hiccup cannot fail CI.
    """
    small, big = build(50_000), build(100_000)
    t_big = _cpu(lambda: fn(big))
    assert t_big < ABSOLUTE, f"{name}: {t_big:.2f} s CPU on 100 KB"
    if t_big <= FLOOR:
        return
    t_small = _cpu(lambda: fn(small))
    if t_big / max(t_small, FLOOR / 2) >= RATIO:
        t_small, t_big = _cpu(lambda: fn(small), 3), _cpu(lambda: fn(big), 3)
    assert t_big / max(t_small, FLOOR / 2) < RATIO, (
        f"{name}: 50 KB {t_small:.3f} s, 100 KB {t_big:.3f} s (superlinear)"
    )


def _pipeline(s: str) -> None:
    """Split + parse with half the input as body and half as list, then cite over the body."""
    half = len(s) // 2
    doc = api.load_text("Intro " + s[:half] + "\n\nReferences\n\n" + s[half:] + "\n")
    extract_citations(doc)


def _entry(s: str) -> None:
    parse_entry(RawEntry(index=1, text=s, span=Span(0, len(s)), line=1))


def _helpers(s: str) -> None:
    fold_key(s)
    romanise(s)
    collation_key(s)
    find_lookalikes(s)
    detect_script(s)
    detect_language(s[:5000])  # the stage only ever feeds it one title/entry


STAGES: tuple[tuple[str, Callable[[str], object]], ...] = (
    ("pipeline", _pipeline),
    ("parse_entry", _entry),
    ("cite", extract_citations_from_text),
    ("normalise", _helpers),
)


# The CI sweep runs the cheap stages on every case and the split/parse stages on the cases aimed
# at their patterns; ``REFCHECK_SLOW=1`` runs every stage on every case (about 3× longer).
SPLIT_PARSE_CASES = (
    "letters",
    "a-comma",
    "dots",
    "open-parens",
    "url",
    "comma-space-year",
    "author-list",
    "parenthesised-years",
    "in-star",
    "short-lines",
    "entry-lines",
)
FULL = os.environ.get("REFCHECK_SLOW", "") not in ("", "0")


def _sweep(cases: Sequence[str], stages: Sequence[tuple[str, Callable[[str], object]]]) -> None:
    failures: list[str] = []
    for name in cases:
        for stage, fn in stages:
            try:
                _assert_linear(f"{stage}/{name}", fn, WORST[name])
            except AssertionError as exc:
                failures.append(str(exc))
    assert not failures, "\n".join(failures)


# the normalise helpers see one field at a time; these cases target their patterns
NORMALISE_CASES = (
    "letters",
    "cyrillic-run",
    "mixed-script-run",
    "combining-acute",
    "ones",
    "dots",
    "hyphens",
    "url",
    "spaces",
    "tabs-nbsp",
    "initials",
    "russian-et-al",
    "year-runs",
)


@pytest.mark.timeout(300)
def test_worst_cases_are_linear_in_cite() -> None:
    _sweep(list(WORST), STAGES[2:3])


@pytest.mark.timeout(300)
def test_worst_cases_are_linear_in_normalise() -> None:
    _sweep(list(WORST) if FULL else NORMALISE_CASES, STAGES[3:])


@pytest.mark.timeout(300)
def test_worst_cases_are_linear_in_split_and_parse() -> None:
    _sweep(list(WORST) if FULL else SPLIT_PARSE_CASES, STAGES[:2])


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", ["letters", "multi-item", "entry-lines"])
def test_offline_check_on_100kb_worst_case_is_bounded(name: str) -> None:
    text = "Intro " + WORST[name](100_000) + "\n\nReferences\n\n" + WORST[name](100_000) + "\n"
    doc = api.load_text(text)
    t = time.process_time()
    report = api.check(doc, Config(offline=True))
    took = time.process_time() - t
    assert took < 15.0, f"{name}: check took {took:.1f} s CPU"
    assert len(report.links) == len(report.citations)


def test_deeply_nested_parentheses_in_body_and_list() -> None:
    text = "Intro " + "(" * 100_000 + "Smith, 2020" + ")" * 100_000 + ".\n\nReferences\n\n"
    text += "(" * 100_000 + "Smith, J. (2020). T. J, 1, 3.\n"
    t = time.process_time()
    doc = api.load_text(text)
    cits = extract_citations(doc)
    assert time.process_time() - t < ABSOLUTE
    assert len(doc.references) == 1
    # the innermost parenthesis is a well-formed citation and must still be found
    assert [c.text for c in cits] == ["Smith, 2020"]
    assert cits[0].span.start == 6 + 100_000


# --------------------------------------------------------------------------- many entries


def _context(text: str) -> Context:
    doc = api.load_text(text)
    refs = normalise_references(doc.references, text=doc.text)
    return Context(document=doc, references=refs)


def _reverse_sorted(n: int) -> str:
    lines = [
        f"Z{chr(97 + i // 676 % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i % 26)}x, A. (2020). T{i}. J, 1, 3."
        for i in reversed(range(n))
    ]
    return "Intro.\n\nReferences\n\n" + "\n".join(lines) + "\n"


@pytest.mark.timeout(120)
def test_reverse_sorted_list_order_is_linearithmic() -> None:
    from refcheck.checks.citations import list_order

    small, big = _context(_reverse_sorted(1_000)), _context(_reverse_sorted(4_000))
    # best of three: one garbage-collection pause inside a single run doubled the ratio once
    t_small = _cpu(lambda: list(list_order(small)), runs=3)
    t_big = _cpu(lambda: list(list_order(big)), runs=3)
    assert len(list(list_order(big))) == 3_999
    # 4× the entries: n log n gives ~5×, quadratic 16×
    assert t_big / max(t_small, 0.01) < 8, (t_small, t_big)


def _same_author_year(n: int) -> str:
    return "Intro (Smith, 2020).\n\nReferences\n\n" + "Smith, J. (2020). T. J, 1(2), 3.\n" * n


@pytest.mark.timeout(120)
def test_many_same_author_year_entries_check_is_linear() -> None:
    from refcheck.checks.citations import year_letters

    ctx = _context(_same_author_year(600))
    t = time.process_time()
    findings = [f for f in year_letters(ctx) if f.code == "L402"]
    took = time.process_time() - t
    assert len(findings) == 600
    longest = max(len(f.message) for f in findings)
    assert longest < 2_000, f"one L402 message is {longest} characters long"
    assert took < 2.0, f"{took:.1f} s CPU for a group of 600"


def test_many_citations_to_one_name_match_in_bounded_time() -> None:
    n = 1_000
    text = (
        "Intro "
        + " ".join(f"(Smith, {1900 + i % 120})" for i in range(n))
        + "\n\nReferences\n\n"
        + "\n".join(f"Smith, J. ({1900 + i % 120}). Title {i}. J, 1, 3." for i in range(n))
    )
    doc = api.load_text(text)
    refs = normalise_references(doc.references, text=doc.text)
    cits = extract_citations(doc)
    t = time.process_time()
    links = match_citations(cits, refs)
    assert time.process_time() - t < ABSOLUTE
    assert len(cits) == n and len(links) == n
    assert all(link.reference is not None for link in links)


# --------------------------------------------------------------------------- regression corpus

REGRESSIONS = Path(__file__).resolve().parent / "regressions"
# expected (references, citations) where the corpus file pins behaviour; others: invariants only
EXPECTED: dict[str, tuple[int, int]] = {
    "l402-same-author-year.txt": (300, 1),
    "l401-reverse-sorted.txt": (300, 0),
    "nested-parens.txt": (1, 1),
    "unclosed-parens.txt": (3, 1),
    "lookalikes.txt": (3, 3),
    "mixed-newlines.txt": (2, 1),
    "cp1254-turkish.txt": (1, 1),
    "heading-last-line.txt": (0, 1),
    "astral-chars.txt": (2, 2),
    "nfd-turkish.txt": (2, 2),
}


@pytest.mark.parametrize("path", sorted(REGRESSIONS.glob("*.txt")), ids=lambda p: p.name)
def test_regression_corpus_replays(path: Path) -> None:
    """Each nasty file loads (or is refused with a RefcheckError) and checks in bounded time."""
    t = time.process_time()
    try:
        doc = api.load(path)
    except RefcheckError as exc:
        assert str(path) in str(exc)
        assert path.name not in EXPECTED
        return
    report = api.check(doc, Config(offline=True))
    assert time.process_time() - t < ABSOLUTE
    n = len(doc.text)
    assert len(doc.references) == len(doc.entries)
    assert len(report.links) == len(report.citations)
    for c in report.citations:
        assert 0 <= c.span.start <= c.span.end <= n
        assert doc.text[c.span.start : c.span.end] == c.text
    for e in doc.entries:
        assert 0 <= e.span.start <= e.span.end <= n
    if path.name in EXPECTED:
        assert (len(doc.references), len(report.citations)) == EXPECTED[path.name]


# --------------------------------------------------------------------------- fixed bugs (regressions)

_TURKISH = (
    "Intro (Şahin, 2019) and Öztürk (2020).\n\nKaynakça\n\n"
    "Öztürk, Ö. (2020). Başlık. Dergi, 1, 2.\nŞahin, Ş. (2019). Başlık. Dergi, 1, 2.\n"
)


def test_composed_turkish_citations_are_found() -> None:
    """Control for the NFD case below: the composed text works."""
    cits = extract_citations(api.load_text(_TURKISH))
    assert [c.text for c in cits] == ["Şahin, 2019", "Öztürk (2020)"]


def test_decomposed_turkish_citations_are_found() -> None:
    text = unicodedata.normalize("NFD", _TURKISH)
    doc = api.load_text(text)
    cits = extract_citations(doc)
    assert len(cits) == 2
    assert [doc.text[c.span.start : c.span.end] for c in cits] == [c.text for c in cits]


@pytest.mark.parametrize("mark", ["\ufeff", "\u200b", "\u2060"])
def test_invisible_characters_in_heading(mark: str) -> None:
    doc = api.load_text(
        f"Intro (Smith, 2020).\n\n{mark}References\n\nSmith, J. (2020). T. J, 1, 3.\n"
    )
    assert len(doc.references) == 1


def test_soft_hyphen_in_heading() -> None:
    doc = api.load_text(
        "Intro (Smith, 2020).\n\nRefer\u00adences\n\nSmith, J. (2020). T. J, 1, 3.\n"
    )
    assert len(doc.references) == 1


def test_zero_width_space_in_citation() -> None:
    doc = api.load_text(
        "Intro (Smith\u200b, 2020).\n\nReferences\n\nSmith, J. (2020). T. J, 1, 3.\n"
    )
    assert len(extract_citations(doc)) == 1
