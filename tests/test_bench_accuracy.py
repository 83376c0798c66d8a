"""The accuracy benchmark's scoring (bench/accuracy.py): GROBID's counting, gold derivation.

Why test a benchmark: its figures are published beside GROBID's; a counting slip (a spurious
value not charged to precision, a soft match that ignores letters) would mislead silently.
None of these tests runs refextract or the whole AnyStyle set; they stay well under a second.
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path

import pytest

from bench.accuracy import (
    FIELDS,
    Fields,
    Labelled,
    Results,
    anystyle_records,
    apa_families,
    evaluate,
    exact_form,
    families_from_string,
    lang_accuracy,
    load_multilingual,
    render_doc,
    rows,
    soft_form,
)


def test_soft_form_drops_punctuation_space_and_case_only() -> None:
    assert soft_form("159–201") == soft_form("159-201") == "159201"
    assert soft_form("Power and  Peace.") == soft_form("power and peace") == "powerandpeace"
    assert soft_form("Türkiye'nin") == "türkiyenin"
    assert soft_form("Zəfər") != soft_form("Zefer")  # letters are never folded
    assert exact_form("  A  b\n c ") == "A b c"
    assert exact_form("159–201") != exact_form("159-201")


def _item(i: str, **gold: str) -> Labelled:
    return Labelled(i, "en", "heldout", i, Fields(**gold))


def test_evaluate_counts_like_grobid() -> None:
    items = [
        _item("a", title="Ripe for rivalry", year="1993", pages="5–33"),
        _item("b", title="The stranger", year="1942"),
    ]
    preds = {
        "a": Fields(title="Ripe for rivalry.", year="1993", pages="5-33"),
        "b": Fields(title="Wrong", year="1942", volume="7"),  # wrong title, spurious volume
    }
    ev = evaluate("t", items, lambda text: preds[text])
    title_x, title_s = ev.by_field("title", False), ev.by_field("title", True)
    assert (title_x.correct, title_x.predicted, title_x.expected) == (0, 2, 2)
    assert (title_s.correct, title_s.predicted, title_s.expected) == (1, 2, 2)
    vol = ev.by_field("volume", True)
    assert (vol.correct, vol.predicted, vol.expected) == (0, 1, 0)
    assert math.isnan(vol.recall) and vol.precision == 0.0 and vol.f1 == 0.0
    pages_x = ev.by_field("pages", False)
    assert (pages_x.correct, pages_x.predicted, pages_x.expected) == (0, 1, 1)
    assert ev.by_field("pages", True).f1 == 1.0
    micro = ev.micro(True)  # title 1/2/2, year 2/2/2, pages 1/1/1, volume 0/1/0
    assert (micro.correct, micro.predicted, micro.expected) == (4, 6, 5)
    assert micro.precision == pytest.approx(4 / 6)
    assert micro.recall == pytest.approx(4 / 5)
    assert (ev.fully_right_soft, ev.fully_right_exact) == (1, 0)
    assert [(m.id, m.field) for m in ev.misses] == [("b", "title"), ("b", "volume")]


def test_fields_outside_known_are_not_scored() -> None:
    item = Labelled("x", "en", "", "x", Fields(year="2001"), frozenset(FIELDS) - {"authors"})
    ev = evaluate("t", [item], lambda _: Fields(year="2001", authors="Somebody"))
    assert ev.by_field("authors").predicted == 0
    assert ev.fully_right_soft == 1


def test_apa_families_splits_only_unambiguous_spans() -> None:
    assert apa_families("Cole, J. R., & Lu, K.") == ["Cole", "Lu"]
    assert apa_families("de Waal, T.") == ["de Waal"]
    assert apa_families("Smith, J.-P., Doe, A. B., & Roe, C.") == ["Smith", "Doe", "Roe"]
    assert apa_families("Çam, Ö. T.") == ["Çam"]
    assert apa_families("World Bank.") is None
    assert apa_families("Smith, John") is None
    assert apa_families("Smith, J., et al.") is None


def test_families_from_free_author_strings() -> None:
    assert families_from_string("Kardaş, Ş., & Balcı, A.") == ["Kardaş", "Balcı"]
    assert families_from_string("F. Englert and R. Brout") == ["Englert", "Brout"]
    assert families_from_string("Smith, J. A., Jr.") == ["Smith"]
    assert families_from_string("de Waal, T.") == ["de Waal"]


XML = """<?xml version="1.0" encoding="UTF-8"?>
<dataset>
<sequence><author>Friedberg, A. L.</author><date>(1993).</date>
<title>Ripe for rivalry: Prospects for peace.</title><journal>International Security,</journal>
<volume>18(3),</volume><pages>5–33.</pages><doi>https://doi.org/10.2307/2539204</doi></sequence>
<sequence><author>World Bank.</author><date>(2010).</date><title>A report.</title>
<publisher>World Bank Press.</publisher></sequence>
<sequence><citation-number>[3]</citation-number><author>J. Smith,</author>
<title>"On things,"</title><journal>J. Stuff,</journal><volume>vol. 4, no. 2,</volume>
<pages>pp. 1-9,</pages><date>2001.</date></sequence>
<sequence><author>Roe, C.</author><date>(2014).</date><title>Trees.</title>
<url>Retrieved from http://dx.doi.org/10.1016/j.tree.2014.07.006</url></sequence>
<sequence><author>Doe, A.</author><date>(2015).</date><title>Sayfalar [Pages].</title>
<url>Retirado de http://example.org/a.pdf.</url></sequence>
</dataset>
"""


def test_anystyle_gold_derivation(tmp_path: Path) -> None:
    path = tmp_path / "mini.xml"
    path.write_text(XML, encoding="utf-8")
    recs = list(anystyle_records([path]))
    assert len(recs) == 5
    a, b, c, d, e = recs
    assert a.text.startswith("Friedberg, A. L. (1993). Ripe for rivalry")
    assert a.gold == Fields(
        authors="Friedberg", year="1993", title="Ripe for rivalry: Prospects for peace",
        container="International Security", volume="18", issue="3", pages="5–33",
        doi="10.2307/2539204",
    )  # fmt: skip
    assert "authors" not in b.known and b.gold.publisher == "World Bank Press"
    assert (c.gold.volume, c.gold.issue, c.gold.pages, c.gold.year) == ("4", "2", "1-9", "2001")
    assert c.gold.title == "On things"
    assert (d.gold.doi, d.gold.url) == ("10.1016/j.tree.2014.07.006", "")
    assert (e.gold.doi, e.gold.url) == ("", "http://example.org/a.pdf")
    assert e.gold.title == "Sayfalar"
    apa = list(anystyle_records([path], apa_only=True))
    assert [r.id for r in apa] == [a.id, b.id, d.id, e.id]


def test_multilingual_loader_reads_every_line_in_label_vocabulary() -> None:
    items = load_multilingual()
    path = Path(__file__).parent / "data" / "refs_multilingual.jsonl"
    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(items) == len(lines)
    by_id = {i.id: i for i in items}
    first = lines[0]
    assert by_id[first["id"]].text == first["text"]
    waal = [i for i in items if i.text.startswith("de Waal, T.")]
    assert waal and waal[0].gold.authors == "de Waal"
    assert {i.lang for i in items} == {"en", "tr", "az", "ru"}


def test_lang_accuracy_counts_unknown_as_wrong() -> None:
    rows = [("az", "Zəfər paradı"), ("tr", "Zafer"), ("en", "Peace"), ("en", "")]
    guess = {"Zəfər paradı": "az", "Zafer": "tr", "Peace": ""}
    res = lang_accuracy("fake", "mini", rows, lambda t: guess[t])
    assert (res.correct, res.total) == (2, 4)
    assert res.per_lang == (("en", 0, 2), ("tr", 1, 1), ("az", 1, 1))
    assert ("en", "", "Peace") in res.confusions


def test_render_doc_fills_only_marked_blocks() -> None:
    ev = evaluate("ours: mini", [_item("a", year="2001")], lambda _: Fields(year="2001"))
    res = Results((ev,), ((ev, ev),), (), peer_refs_per_s=10.0, peer_load_s=1.0)
    doc = "intro\n<!-- gen:summary -->\nold\n<!-- /gen:summary -->\noutro\n"
    out = render_doc(res, doc)
    assert out.startswith("intro\n<!-- gen:summary -->\n| data | refs |")
    assert "| ours: mini | 1 | 1.000 | 1.000 | 1.000 | 1.000 |" in out
    assert "old" not in out and out.endswith("<!-- /gen:summary -->\noutro\n")


@pytest.mark.parametrize(
    "text",
    [
        "A, " * 35_000,
        "(" * 100_000,
        "Smith" + ", J." * 30_000,
        "1" * 100_000,
        "vol. " + "1" * 100_000 + "(",
        " " * 100_000 + "[x",
        "[" + "a" * 100_000,
        "Smith, " + "A. " * 33_000 + "x",
        '"' * 100_000 + "a",
    ],
    ids=[
        "commas",
        "parens",
        "initials",
        "digits",
        "volume",
        "spaces",
        "bracket",
        "long-initials",
        "quotes",
    ],
)
def test_patterns_stay_linear_on_100kb(text: str) -> None:
    from bench.accuracy import (
        _APA_LIKE,
        _BRACKETED_TAIL,
        _PAGES,
        _URL_START,
        _VOLUME,
        _YEAR,
        _clean,
    )

    t0 = time.perf_counter()
    apa_families(text)
    families_from_string(text)
    _APA_LIKE.match(text)
    _VOLUME.match(text)
    _PAGES.search(text)
    _YEAR.search(text)
    _BRACKETED_TAIL.search(text)
    _URL_START.search(text)
    _clean(text)
    soft_form(text)
    assert time.perf_counter() - t0 < 2.0


def test_rows_say_why_when_refextract_cannot_run() -> None:
    ev = evaluate("ours: mini", [_item("a", year="2001")], lambda _: Fields(year="2001"))
    res = Results((ev,), ((ev, ev),), (), peer_error="ModuleNotFoundError: refextract")
    out = {str(r["metric"]): r for r in rows(res)}
    peer = out["peer_f1_soft[refextract; ours: mini]"]
    assert math.isnan(float(str(peer["value"])))
    assert "refextract not run: ModuleNotFoundError" in str(peer["note"])
    assert out["peer_f1_soft[refcheck; ours: mini]"]["value"] == 1.0
    assert out["parse_f1_soft[ours: mini]"]["unit"] == "F1"
    assert all(set(r) == {"metric", "value", "unit", "note"} for r in out.values())
    doc = render_doc(res, "<!-- gen:peer -->\n<!-- /gen:peer -->\n")
    assert "refextract could not run here: `ModuleNotFoundError: refextract`" in doc


def test_first_sight_rows_and_their_absence() -> None:
    from bench.accuracy import FirstSight

    ev = evaluate("ours: mini", [_item("a", year="2001")], lambda _: Fields(year="2001"))
    seen = (FirstSight("h2", "76605e8", 45, 0.84, 0.85, 0.5),)
    got = {str(r["metric"]): r for r in rows(Results((ev,), (), (), first_sight=seen))}
    row = got["parse_f1_first_sight[batch h2]"]
    assert row["value"] == 0.85 and "parser of 76605e8" in str(row["note"])
    none = rows(Results((ev,), (), (), first_sight_error="CalledProcessError: shallow"))
    miss = [r for r in none if r["metric"] == "parse_f1_first_sight"]
    assert len(miss) == 1 and math.isnan(float(str(miss[0]["value"])))
    assert "needs git history" in str(miss[0]["note"])
