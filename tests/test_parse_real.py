"""A floor under the parser's accuracy on real reference lists (tests/data/real, issue 14).

The figures that count are measured at first sight and recorded in docs/accuracy.md; this test
only keeps the parser from sliding back below them, on the test split (never trained on) and
split by style family and language, with scripts/eval_real.py's measure.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType

from refcheck.parse import parse_string

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "real" / "refs.jsonl"


def _eval_real() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_real", ROOT / "scripts" / "eval_real.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_real", mod)
    spec.loader.exec_module(mod)
    return mod


def _observed(text: str) -> dict[str, object]:
    r = parse_string(text)
    return {
        "authors": [a.display for a in r.authors], "year": r.year, "title": r.title,
        "container_title": r.container_title, "volume": r.volume, "issue": r.issue,
        "pages": r.pages, "doi": r.doi, "url": r.url,
    }  # fmt: skip


def test_every_real_record_is_well_formed_and_split_by_source() -> None:
    rows = [json.loads(x) for x in DATA.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(rows) == 29604
    splits: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in rows:
        assert r["source_url"] and r["text"] and r["split"] in ("train", "dev", "test")
        splits[(r["collector"], r["source"])].add(r["split"])
    assert all(len(s) == 1 for s in splits.values())  # no list in two splits


def test_accuracy_on_the_real_test_split_keeps_its_floor() -> None:
    ev = _eval_real()
    rows = [json.loads(x) for x in DATA.read_text(encoding="utf-8").splitlines() if x.strip()]
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for rec in rows:
        if rec["split"] != "test":
            continue
        res = ev.compare(ev.field_values(rec), ev.observed(_observed(rec["text"])))
        fam = ev.FAMILIES.get(rec["style"], "other")
        for ok in res.values():
            if ok is None:
                continue
            for g in ("all", fam, rec["lang"]):
                groups[g][0] += int(ok)
                groups[g][1] += 1
    acc = {g: c / t for g, (c, t) in groups.items()}
    # a little under what the shipped parser measures (docs/accuracy.md), so a retrained model's
    # noise passes and a real regression does not
    # (re-based when round 10's lists joined the test split: APA and Chicago lists harder than
    # the earlier ones came in, so their floors moved down with the split, not the parser; and
    # after round 11, whose Azerbaijani-language test lists read 0.81 with the model of that round)
    # (and after round 14, whose MLA sites and Vancouver psychiatry lists joined the test split at
    # 0.90 and 0.94: MLA 0.948 → 0.927, Vancouver 0.938 → 0.921 with the same parser)
    # (and after round 19, whose MLA bibliographies joined the test split: MLA 0.917 → 0.915)
    # (and after round 24, whose MLA student sites and Turkish-journal lists joined it: MLA
    # 0.909 → 0.896, tr 0.892 → 0.884 with the same parser)
    # (and after round 26, whose AGPS-Harvard engineering and working-paper lists joined it:
    # Harvard 0.906 → 0.894 with the same parser)
    floors = {"all": 0.885, "APA": 0.925, "Chicago": 0.855, "MLA": 0.89, "Vancouver/numbered": 0.91,
              "Harvard": 0.885, "GOST": 0.865, "en": 0.91, "ru": 0.865, "tr": 0.875, "az": 0.80}  # fmt: skip
    low = {g: round(acc[g], 3) for g, f in floors.items() if acc[g] < f}
    assert not low, low
