"""The citation scorer (scripts/eval_citations.py) on a tiny invented article.

Why test a scorer: its figures are the issue's targets; an alignment slip (one citation counted
for two labels, a link to a merged entry counted right) would move them silently.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from helpers import load_eval_citations

TEXT = """A tiny article

The corridor opened late (Novak & Berg, 2019; Missing, 2018). Hale (2021) disagreed, and
Hale (2021) said so twice (see Tanaka, 2014, 2016).

References

Hale, A. (2021). A corridor. Press.
Novak, B., & Berg, C. (2019). On corridors. Journal of Routes, 1(2), 3–4.
Orsini, D. (2010). Never cited. Press.
Tanaka, E. (2014). First. Press.
Tanaka, E. (2016). Second. Press.
"""

LABELS = {
    "source_url": "invented",
    "licence": "CC0",
    "language": "en",
    "entries": 5,
    "citations": [
        {"cite": "Novak & Berg, 2019", "occurrence": 1, "kind": "parenthetical", "entries": [2]},
        {"cite": "Missing, 2018", "occurrence": 1, "kind": "parenthetical", "entries": []},
        {"cite": "Hale (2021)", "occurrence": 1, "kind": "narrative", "entries": [1]},
        {"cite": "Hale (2021)", "occurrence": 2, "kind": "narrative", "entries": [1]},
        {"cite": "Tanaka, 2014, 2016", "occurrence": 1, "kind": "parenthetical",
         "entries": [4, 5]},
    ],
    "uncited": [3],
}  # fmt: skip


@pytest.fixture(scope="module")
def ev() -> ModuleType:
    return load_eval_citations()


@pytest.fixture()
def article(ev: ModuleType, tmp_path: Path) -> object:
    (tmp_path / "01.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "01.json").write_text(json.dumps(LABELS), encoding="utf-8")
    return ev.load_article(tmp_path / "01.txt")


def _span(text: str, s: str, n: int = 1) -> tuple[int, int]:
    pos = -1
    for _ in range(n):
        pos = text.index(s, pos + 1)
    return pos, pos + len(s)


def test_labels_are_found_at_their_occurrence(ev: ModuleType, article: object) -> None:
    spans = ev.label_spans(article)
    assert spans[2] == _span(TEXT, "Hale (2021)", 1)
    assert spans[3] == _span(TEXT, "Hale (2021)", 2)
    assert spans[3][0] > spans[2][0]


def test_gold_entries_are_the_last_lines(ev: ModuleType, article: object) -> None:
    spans = ev.gold_entry_spans(article)
    assert len(spans) == 5
    assert TEXT[spans[0][0] : spans[0][1]].startswith("Hale, A.")
    assert TEXT[spans[4][0] : spans[4][1]].startswith("Tanaka, E. (2016)")


def test_a_perfect_prediction_scores_one(ev: ModuleType, article: object) -> None:
    P = ev.PredCitation
    refs = tuple(ev.gold_entry_spans(article))
    tan = _span(TEXT, "Tanaka, 2014, 2016")
    pred = ev.Prediction(
        citations=(
            P(*_span(TEXT, "Novak & Berg, 2019"), "Novak & Berg, 2019", 2),
            P(*_span(TEXT, "Missing, 2018"), "Missing, 2018", None),
            P(*_span(TEXT, "Hale (2021)", 1), "Hale (2021)", 1),
            P(*_span(TEXT, "Hale (2021)", 2), "Hale (2021)", 1),
            P(tan[0], tan[0] + 12, "Tanaka, 2014", 4),
            P(*tan, "Tanaka, 2014, 2016", 5),
        ),
        reference_spans=refs,
        x301=frozenset({_span(TEXT, "Missing, 2018")}),
        x302=frozenset({3}),
    )
    s = ev.score_article(article, pred)
    c = s.counts
    assert (c.link_right, c.link_made, c.link_found, c.link_gold) == (5, 5, 5, 5)
    assert (c.x301_right, c.x301_claims, c.x301_found, c.x301_gold) == (1, 1, 1, 1)
    assert (c.x302_right, c.x302_claims, c.x302_found, c.x302_gold) == (1, 1, 1, 1)
    assert s.misses == []


def test_misses_cost_what_they_should(ev: ModuleType, article: object) -> None:
    """A wrong link, a missed citation, a spurious one and false claims each count once."""
    P = ev.PredCitation
    refs = tuple(ev.gold_entry_spans(article))
    pred = ev.Prediction(
        citations=(
            P(*_span(TEXT, "Novak & Berg, 2019"), "Novak & Berg, 2019", 3),  # wrong entry
            P(*_span(TEXT, "Hale (2021)", 1), "Hale (2021)", 1),
            P(*_span(TEXT, "The corridor"), "The corridor", 1),  # not a citation: spurious
            P(*_span(TEXT, "Hale (2021)", 2), "Hale (2021)", None),  # false X301
        ),
        reference_spans=refs,
        x301=frozenset({_span(TEXT, "Hale (2021)", 2)}),
        x302=frozenset({2, 3, 4, 5}),
    )
    c = ev.score_article(article, pred).counts
    assert (c.link_right, c.link_made) == (1, 3)
    assert (c.link_found, c.link_gold) == (1, 5)
    assert (c.x301_right, c.x301_claims, c.x301_found, c.x301_gold) == (0, 1, 0, 1)
    assert (c.x302_right, c.x302_claims, c.x302_found, c.x302_gold) == (1, 4, 1, 1)
    assert (c.extracted, c.labels) == (3, 5)


def test_a_merged_entry_still_counts_for_the_lines_it_covers(
    ev: ModuleType, article: object
) -> None:
    gold = ev.gold_entry_spans(article)
    merged = ((gold[0][0], gold[1][1]), *gold[2:])  # refcheck read entries 1 and 2 as one
    pred = ev.Prediction(
        citations=(ev.PredCitation(*_span(TEXT, "Novak & Berg, 2019"), "N", 1),),
        reference_spans=merged,
        x301=frozenset(),
        x302=frozenset(),
    )
    s = ev.score_article(article, pred)
    assert s.counts.link_right == 1
    assert any("refcheck found 4 entries" in w for w in s.warnings)


def test_cited_elsewhere_claims_are_not_counted(ev: ModuleType, tmp_path: Path) -> None:
    labels = dict(LABELS, cited_elsewhere=[4, 5], citations=LABELS["citations"][:4])
    (tmp_path / "02.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "02.json").write_text(json.dumps(labels), encoding="utf-8")
    art = ev.load_article(tmp_path / "02.txt")
    pred = ev.Prediction((), tuple(ev.gold_entry_spans(art)), frozenset(), frozenset({3, 4, 5}))
    c = ev.score_article(art, pred).counts
    assert (c.x302_right, c.x302_claims) == (1, 1)


def test_heldout_is_every_third_article_by_number(ev: ModuleType) -> None:
    assert [n for n in ("01", "02", "03", "06", "07", "12", "15") if ev.is_heldout(n)] == [
        "03",
        "06",
        "12",
        "15",
    ]


def test_refcheck_itself_on_the_tiny_article(ev: ModuleType, article: object) -> None:
    """The whole pipeline: every link right, the one missing work and the one uncited entry."""
    scores = ev.score([article])
    c = scores.pooled()
    assert (c.link_right, c.link_made, c.link_found, c.link_gold) == (5, 5, 5, 5)
    assert (c.x301_right, c.x301_claims, c.x302_right, c.x302_claims) == (1, 1, 1, 1)
    text = ev.report(scores, verbose=True)
    assert "1.000 (5/5)" in text


def test_the_real_articles_keep_their_floor(ev: ModuleType) -> None:
    """The 15 CC BY articles in tests/data/articles (hand-labelled, see its README): refcheck's
    links and claims must stay at least this good (docs/citations.md has the figures)."""
    articles = ev.load_articles(ev.DEFAULT_DIR)
    assert [a.id for a in articles] == [
        "01", "02", "03", "04", "05", "06", "07", "10", "11", "111", "12", "13", "14", "15", "16",
    ]  # fmt: skip
    scores = ev.score(articles)
    assert all(not s.warnings for s in scores.articles)  # every label found, every entry split
    c = scores.pooled()
    assert c.labels == 494 and c.link_gold == 494
    assert c.link_right / c.link_made >= 0.99
    assert c.link_found / c.link_gold >= 0.99
    assert c.x301_claims - c.x301_right <= 1  # false "no entry" claims
    assert c.x302_claims - c.x302_right <= 1  # false "never cited" claims
