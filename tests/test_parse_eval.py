"""The accuracy scorer itself (label mapping, soft matching, halves) and floors on AnyStyle."""

from __future__ import annotations

import pytest
from helpers import load_eval_parse

EV = load_eval_parse()


@pytest.mark.parametrize(
    ("label", "want"),
    [
        ("18(3),", ("18", "3")),
        ("*9*(31)", ("9", "31")),
        ("Vol. 3, No. 2,", ("3", "2")),
        ("(Vol. 3, Part A,", ("3", "")),
        ("No. 134, Part 3,", ("", "134")),
        ("106,", ("106", "")),
        ("12</italic>(4),", ("12", "4")),
    ],
)
def test_volume_label_mapping(label: str, want: tuple[str, str]) -> None:
    import re

    assert EV._volume(re.sub(r"</?italic>", "", label)) == want


@pytest.mark.parametrize(
    ("label", "want"),
    [("pp. 1761–1800).", "1761–1800"), ("4894–4899.", "4894–4899"), ("(p. 600).", "600")],
)
def test_pages_label_mapping(label: str, want: str) -> None:
    assert EV._pages(label) == want


def test_title_and_strip_mapping() -> None:
    assert EV._title("“A Spanish Romanticist Parodies Himself,”") == (
        "A Spanish Romanticist Parodies Himself"
    )
    assert EV._title("The dynamic production of variation [Doctoral dissertation].") == (
        "The dynamic production of variation"
    )
    assert EV._strip("<italic>Beyond Behavior,") == "Beyond Behavior"


def test_soft_form_ignores_case_punctuation_spacing() -> None:
    assert EV._soft("Journal of the A.C.M.,") == EV._soft("journal of the ACM")
    assert EV._soft("1209 –1219") == EV._soft("1209–1219")
    assert EV._soft("Title") != EV._soft("Title 2")


def test_authors_key_drops_connectives_and_et_al() -> None:
    assert EV._authors_key("Romero, C., Paunesku, D., & Dweck, C.") == EV._authors_key(
        ["Romero, C.", "Paunesku, D.", "Dweck, C."]
    )
    assert EV._authors_key("Magyar, K., Fulop, A., et al.") == EV._authors_key(
        ["Magyar, K.", "Fulop, A."]
    )


def test_authors_key_ignores_the_order_a_name_was_written_in() -> None:
    # AnyStyle keeps "M. Kitsuregawa"; we give "Kitsuregawa, M." — the same name
    assert EV._authors_key("M. Kitsuregawa, H. Tanaka, and T. Moto-oka.") == EV._authors_key(
        ["Kitsuregawa, M.", "Tanaka, H.", "Moto-oka, T."]
    )
    assert EV._authors_key("M. Kitsuregawa, H. Tanaka") != EV._authors_key(["Kitsuregawa, M."])


def test_score_counts_spurious_values_and_fully_right() -> None:
    recs = [
        {
            "id": "a",
            "text": "Walt, S. M. (1987). *The origins of alliances*. Cornell University Press.",
            "expected": {
                "type": "book",
                "authors": ["Walt, S. M."],
                "year": 1987,
                "title": "The origins of alliances",
                "publisher": "Cornell University Press",
            },
        },
        {
            "id": "b",
            "text": "Walt, S. M. (1987). *The origins of alliances*. Cornell University Press.",
            "expected": {"type": "book", "authors": ["Walt, S. M."], "year": 1987},
        },
    ]
    sc = EV.score(recs)
    assert (sc.entries, sc.fully_right) == (2, 1)
    assert (sc.correct, sc.total) == (8, 10)  # b: title and publisher are spurious
    assert ("b", "publisher", None, "Cornell University Press") in sc.misses


ANY = EV.anystyle_dir()


@pytest.mark.skipif(ANY is None, reason="shared AnyStyle data not present")
def test_anystyle_halves_are_disjoint_and_floors_hold() -> None:
    assert ANY is not None
    paths = [ANY / "core.xml", ANY / "good.xml"]
    dev = list(EV.anystyle_records(paths, "dev"))
    test = list(EV.anystyle_records(paths, "test"))
    assert {r["id"] for r in dev}.isdisjoint({r["id"] for r in test})
    assert len(dev) > 400 and len(test) > 400
    # measured 0.919 (dev) / 0.910 (test, never inspected) when written; was 0.786 / 0.792
    assert EV.score_anystyle(dev).accuracy >= 0.90
    assert EV.score_anystyle(test).accuracy >= 0.89
