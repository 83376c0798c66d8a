"""Property tests: every stage survives any text and keeps the pipeline's invariants.

Why: manuscripts are untrusted input. Whatever the text, the splitter, parser, citation
extractor and matcher must return (or raise a ``RefcheckError``), keep spans inside the text,
keep counts (one Reference per RawEntry, one Link per Citation) and be deterministic.

Run longer: ``HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py -q -p no:cacheprovider``
(100,000 examples per property; see docs/robustness.md for the figures recorded).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refcheck import api
from refcheck.cite import extract_citations
from refcheck.errors import RefcheckError
from refcheck.loader import source_from_text
from refcheck.match import match_citations
from refcheck.model import Document, ParseStatus, RawEntry, Span
from refcheck.normalise import SCHEMES, collation_key, find_lookalikes, fold_key, romanise
from refcheck.parse import parse_entries, parse_entry

# --------------------------------------------------------------------------- strategies

LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
TURKISH = "çğıöşüÇĞİÖŞÜâîû"
AZERBAIJANI = "əƏçğıöşüÇĞİÖŞÜ"
CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
# letters whose case mapping changes length (ß → SS, ﬁ → FI, İ → i̇): offsets computed on a
# lower/upper/casefolded copy and applied to the original would drift on these
EXPANDING = "ßﬁﬂŉǰΐİẞǅ"
PUNCT = "()[]{}.,;:&-–—'\"“”«»/*_#•\u0301\u0327\u0308\u0307\u200b\ufeff\u00ad\u00a0\r\u2028 "

letters = st.sampled_from(LATIN + TURKISH + AZERBAIJANI + CYRILLIC + EXPANDING)
words = st.text(letters, min_size=1, max_size=10)
names = st.builds(lambda w: w[:1].upper() + w[1:], words)
years = st.one_of(
    st.integers(1500, 2099).map(str),
    st.sampled_from(["n.d.", "in press", "2020a", "2020b", "1942/2012", "2019–2020", "20200"]),
)

TOKENS: list[st.SearchStrategy[str]] = [
    words,
    names,
    years,
    st.sampled_from(list(PUNCT)),
    st.sampled_from(
        [
            " et al.",
            " et. al",
            " & ",
            " and ",
            " ve ",
            " и ",
            ", ",
            "; ",
            ": ",
            " p. ",
            " pp. 3–4",
            "(",
            ")",
            "[",
            "]",
            "\n",
            "\n\n",
            "\n- ",
            "\n• ",
            "\n1. ",
            "\nReferences\n",
            "\nKaynakça\n",
            "\nƏdəbiyyat\n",
            "\nСписок литературы\n",
            "\n# References\n",
            "https://doi.org/10.1000/x",
            "https://",
            "doi:",
            "*",
            "\t",
            "  ",
        ]
    ),
]
token = st.one_of(*TOKENS)
texts = st.lists(token, max_size=60).map("".join)

# A citation-shaped body and an entry-shaped list, so the deep paths are exercised too.
citation = st.builds(
    lambda n1, n2, y, form: form.format(a=n1, b=n2, y=y),
    names,
    names,
    years,
    st.sampled_from(
        [
            "({a}, {y})",
            "({a} & {b}, {y})",
            "({a} et al., {y}, p. 4)",
            "{a} ({y})",
            "{a} and {b} ({y})",
            "({a}, {y}; {b}, {y})",
            "(e.g., {a}, {y}: 12)",
            "({a}, {y}, as cited in {b}, {y})",
        ]
    ),
)
entry = st.builds(
    lambda a, i, y, t, j, pre: f"{pre}{a}, {i}. ({y}). {t}. {j}, 1(2), 3–4.",
    names,
    st.sampled_from(LATIN[26:] + "ÇŞİƏАБ"),
    years,
    st.lists(words, min_size=1, max_size=6).map(" ".join),
    names,
    st.sampled_from(["", "- ", "• ", "1. ", "[1] "]),
)
manuscripts = st.builds(
    lambda body, heading, ents, noise: body + heading + "\n".join(ents) + noise,
    st.lists(st.one_of(citation, token), max_size=30).map("".join),
    st.sampled_from(["\n\nReferences\n\n", "\nKaynakça\n", "\n\nСписок литературы\n", "\n"]),
    st.lists(st.one_of(entry, texts), max_size=8),
    texts,
)
any_text = st.one_of(texts, manuscripts, st.text(max_size=200))


def _load(text: str) -> Document | None:
    """The document, or None when the text is refused with a RefcheckError (allowed)."""
    try:
        return api.load_text(text)
    except RefcheckError as exc:
        assert str(exc)  # a message, never empty
        return None


def _check_doc_spans(doc: Document) -> None:
    n = len(doc.text)
    for sp in (doc.body, doc.heading, doc.references_region, *doc.excluded):
        if sp is not None:
            assert 0 <= sp.start <= sp.end <= n
    last_end = -1
    for i, e in enumerate(doc.entries, 1):
        assert e.index == i
        assert 0 <= e.span.start <= e.span.end <= n
        assert e.span.start >= last_end, "entry spans overlap"
        last_end = e.span.end
        assert 1 <= e.line <= doc.text.count("\n") + 1
        assert e.line == doc.locate(e.span.start)[0]


# --------------------------------------------------------------------------- split + parse


@given(any_text)
def test_split_and_parse_keep_spans_and_counts(text: str) -> None:
    doc = _load(text)
    if doc is None:
        return
    # the loader's canonical text (LF, NFC, invisible characters dropped) is what spans index
    assert doc.text == source_from_text(text).text
    assert source_from_text(doc.text).text == doc.text  # canonicalising is idempotent
    _check_doc_spans(doc)
    assert len(doc.references) == len(doc.entries)
    for ref, ent in zip(doc.references, doc.entries, strict=True):
        assert ref.index == ent.index
        assert ref.span == ent.span
        assert ref.line == ent.line
        if ref.status is ParseStatus.UNPARSED:
            assert ref.reason, "an unparsed entry must say why"


@given(st.lists(st.one_of(texts, entry), max_size=6))
def test_parse_entries_one_reference_per_entry(raws: list[str]) -> None:
    entries = []
    pos = 0
    for i, raw in enumerate(raws, 1):
        entries.append(RawEntry(index=i, text=raw, span=Span(pos, pos + len(raw)), line=i))
        pos += len(raw) + 1
    refs = parse_entries(entries)
    assert len(refs) == len(entries)
    for ref, ent in zip(refs, entries, strict=True):
        assert ref.index == ent.index and ref.span == ent.span and ref.line == ent.line
        assert ref.status in set(ParseStatus)
        if ref.year is not None:
            assert 1000 <= ref.year <= 9999
    assert parse_entries(entries) == refs  # deterministic


@given(st.one_of(entry, texts, st.text(max_size=300)))
def test_parse_entry_never_raises(raw: str) -> None:
    ref = parse_entry(RawEntry(index=1, text=raw, span=Span(0, len(raw)), line=1))
    assert ref.index == 1
    assert ref.status is not ParseStatus.UNPARSED or ref.reason


# --------------------------------------------------------------------------- cite + match


@given(any_text)
def test_citations_lie_in_body_and_match_text(text: str) -> None:
    doc = _load(text)
    if doc is None:
        return
    cits = extract_citations(doc)
    n = len(doc.text)
    body = doc.body
    search_all = len(body) == 0 and doc.heading is None and doc.references_region is None
    prev = -1
    for i, c in enumerate(cits):
        assert c.index == i
        assert 0 <= c.span.start <= c.span.end <= n
        if not search_all:
            assert body.start <= c.span.start and c.span.end <= body.end
        # the documented contract: text is the citation as written, i.e. text[span]
        assert c.text == doc.text[c.span.start : c.span.end]
        assert c.kind in ("parenthetical", "narrative", "numbered")  # Citation.kind
        assert c.span.start >= prev  # ordered by position
        prev = c.span.start
    links = match_citations(cits, doc.references)
    assert len(links) == len(cits)
    indexes = {r.index for r in doc.references}
    for c, link in zip(cits, links, strict=True):
        assert link.citation == c.index
        assert link.reference is None or link.reference in indexes
        assert all(k in indexes for k in link.candidates)
    # deterministic within the process
    assert extract_citations(doc) == cits
    assert match_citations(cits, doc.references) == links


@given(manuscripts)
def test_offline_check_never_raises(text: str) -> None:
    from refcheck.config import Config

    doc = _load(text)
    if doc is None:
        return
    report = api.check(doc, Config(offline=True))
    n = len(doc.text)
    assert len(report.links) == len(report.citations)
    lines = doc.text.count("\n") + 1
    for f in report.findings:
        if f.line is not None:
            assert 1 <= f.line <= lines, f
        if f.span is not None:
            assert 0 <= f.span.start <= f.span.end <= n, f
        if f.reference is not None:
            assert 1 <= f.reference <= len(doc.references), f
    for ref in report.document.references:
        assert ref.norm is not None, "normalise fills every reference"
        for lk in ref.norm.lookalikes:
            # Lookalike.span indexes Document.text, also for words of wrapped (joined) lines
            assert report.document.text[lk.span.start : lk.span.end] == lk.text, lk


# --------------------------------------------------------------------------- normalise helpers


@given(st.one_of(st.text(max_size=200), texts))
def test_normalise_helpers_never_raise(s: str) -> None:
    k = fold_key(s)
    assert isinstance(k, str) and fold_key(s) == k
    assert isinstance(collation_key(s), str)
    assert isinstance(collation_key(s, turkic=True), str)
    assert isinstance(collation_key(s, turkic=False), str)
    for scheme in SCHEMES:
        assert isinstance(romanise(s, scheme), str)
    for lang in ("ru", "az", "tr", "en", ""):
        assert isinstance(romanise(s, "ala-lc", lang), str)
    for lk in find_lookalikes(s, offset=7):
        assert 7 <= lk.span.start <= lk.span.end <= 7 + len(s)
        assert s[lk.span.start - 7 : lk.span.end - 7] == lk.text
    for lk in find_lookalikes(s, 0, context="Москва и Санкт-Петербург"):
        assert s[lk.span.start : lk.span.end] == lk.text


@given(st.text(min_size=0, max_size=80))
def test_romanise_output_is_cyrillic_free(s: str) -> None:
    """Why: romanised fields are pasted into Latin-script entries; a leftover Cyrillic letter
    there would be a new look-alike defect introduced by refcheck itself."""
    out = romanise(s, "ala-lc")
    assert not any("\u0400" <= ch <= "\u04ff" for ch in out), out


# --------------------------------------------------------------------------- determinism across processes

_CHILD = r"""
import json, sys
from refcheck import api
from refcheck.cite import extract_citations
from refcheck.config import Config
from refcheck.normalise import detect_language
texts = json.loads(sys.stdin.read())
out = []
for t in texts:
    try:
        doc = api.load_text(t)
    except Exception as exc:
        out.append(["error", type(exc).__name__])
        continue
    rep = api.check(doc, Config(offline=True))
    out.append([
        [repr(r) for r in doc.references],
        [repr(c) for c in extract_citations(doc)],
        sorted(f"{f.code}:{f.message}" for f in rep.findings),
        [list(detect_language(r.title or r.raw)) for r in doc.references],
    ])
print(json.dumps(out, ensure_ascii=False))
"""

_LANG_SAMPLES = [
    "Intro (Aliyev, 2020; Петров, 2019).\n\nReferences\n\n"
    "Aliyev, R. (2020). Azərbaycan xarici siyasəti və regional təhlükəsizlik. Bakı Universiteti.\n"
    "Petrov, P. (2019). Внешняя политика России в новом веке. Наука.\n"
    "Yılmaz, Ş. (2018). Türk dış politikasında yeni yönelimler. İletişim.\n",
    "Text (Smith, 2020).\n\nReferences\n\nSmith, J. (2020). Short. J, 1.\n"
    "Kaya, A. (2021). Ab. B, 2.\nOrlov, O. (2017). Да нет. C, 3.\n",
]


@pytest.mark.timeout(120)
def test_output_is_deterministic_across_processes(seed_text: str) -> None:
    samples = [*_LANG_SAMPLES, seed_text]
    runs = []
    for hashseed in ("0", "12345"):
        proc = subprocess.run(
            [sys.executable, "-c", _CHILD],
            input=json.dumps(samples),
            capture_output=True,
            text=True,
            env={**__import__("os").environ, "PYTHONHASHSEED": hashseed},
            timeout=110,
            check=True,
        )
        runs.append(json.loads(proc.stdout))
    assert runs[0] == runs[1]
    assert runs[0][2][0], "the seed has references"


def test_same_input_twice_gives_equal_documents(seed_text: str) -> None:
    a = api.load_text(seed_text)
    b = api.load_text(seed_text)
    assert a.references == b.references and a.entries == b.entries
    assert replace(a, path="x") == replace(b, path="x")


# --------------------------------------------------------------------------- exports and reports


@settings(max_examples=max(25, settings().max_examples // 4))  # ci: 50; long: 25,000
@given(manuscripts)
def test_exports_and_reports_are_well_formed(text: str) -> None:
    """Why: exported .bib/.json is fed to other tools; a stray brace or quote in a title must
    never produce a file they cannot read, and every entry must come out once."""
    from pybtex.database import parse_string

    from refcheck.config import Config
    from refcheck.report import render

    doc = _load(text)
    if doc is None or not doc.references:
        return
    n = len(doc.references)
    for fmt in ("bibtex", "biblatex"):
        out = api.export(doc, format=fmt)
        assert len(parse_string(out, "bibtex").entries) == n, out
    assert len(json.loads(api.export(doc, format="csl-json"))) == n
    ris = api.export(doc, format="ris")
    assert ris.count("\nER  -") + ris.startswith("ER  -") == n
    cfg = Config(offline=True)
    report = api.check(doc, cfg)
    data = json.loads(render(report, "json", color=False, config=cfg))
    assert isinstance(data, dict)
    sarif = json.loads(render(report, "sarif", color=False, config=cfg))
    assert sarif["version"] == "2.1.0"
