"""Field-level accuracy of the parser on labelled references (ours and AnyStyle's).

Why a script and not only a test: the figures go into docs/parser.md and must be reproducible
with one command; the test suite imports :func:`score` to keep a floor under them.

    python scripts/eval_parse.py                      # tests/data/refs_multilingual.jsonl
    python scripts/eval_parse.py --split heldout -v   # one split, list the misses
    python scripts/eval_parse.py --anystyle           # AnyStyle core+good, APA-like entries

Accuracy counts, per entry, every field that is non-empty in the label *or* in the parse, so a
spurious value costs as much as a missing one; fields that are empty on both sides are not counted.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from refcheck.model import Agent, PartialDate, Reference  # noqa: E402
from refcheck.parse import parse_string  # noqa: E402

FIELDS = (
    "type", "authors", "editors", "year", "no_date", "in_press", "original_year", "date",
    "title", "title_translation", "container_title", "volume", "issue", "pages", "edition",
    "publisher", "genre", "doi", "url", "accessed",
)  # fmt: skip


@dataclass(frozen=True)
class Score:
    correct: int
    total: int
    misses: tuple[tuple[str, str, object, object], ...]  # (id, field, expected, got)
    per_field: tuple[tuple[str, int, int], ...]

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


def _agents(agents: Iterable[Agent]) -> list[str]:
    return [a.display for a in agents]


def _date(d: PartialDate | None) -> list[int] | None:
    return d.parts() if d is not None else None


def observed(ref: Reference) -> dict[str, Any]:
    """The parse in the label's vocabulary (names as "Family, I.", dates as lists)."""
    out: dict[str, Any] = {}
    for f in FIELDS:
        v = getattr(ref, f)
        if f in ("authors", "editors"):
            v = _agents(v)
        elif f in ("date", "accessed"):
            v = _date(v)
        out[f] = v
    return out


def _empty(v: object) -> bool:
    return v in (None, "", [], False, ())


def _norm(v: object) -> object:
    if isinstance(v, str):
        return re.sub(r"\s+", " ", v).strip()
    return v


def score(records: Iterable[dict[str, Any]]) -> Score:
    correct = total = 0
    misses: list[tuple[str, str, object, object]] = []
    fc: Counter[str] = Counter()
    ft: Counter[str] = Counter()
    for rec in records:
        got = observed(parse_string(rec["text"]))
        exp = rec["expected"]
        for f in FIELDS:
            e = exp.get(f)
            g = got[f]
            if _empty(e) and _empty(g):
                continue
            if f == "type" and "type" not in exp:
                continue
            total += 1
            ft[f] += 1
            if _norm(e) == _norm(g):
                correct += 1
                fc[f] += 1
            else:
                misses.append((rec["id"], f, e, g))
    per = tuple((f, fc[f], ft[f]) for f in FIELDS if ft[f])
    return Score(correct, total, tuple(misses), per)


def load_jsonl(path: Path, split: str = "") -> list[dict[str, Any]]:
    recs = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return [r for r in recs if not split or r.get("split") == split]


# --------------------------------------------------------------------------- AnyStyle

_APA_LIKE = re.compile(r"^[^()]{2,200}?\(\d{4}[a-z]?\)\.\s")


def anystyle_records(paths: Iterable[Path]) -> Iterator[dict[str, Any]]:
    """APA-like AnyStyle sequences as labelled records (author, year, title, container, pages...).

    AnyStyle labels are spans, not fields: we derive year from ``date``, volume/issue from
    ``volume`` ("18(3),"), and compare the fields both sides can express.
    """
    import defusedxml.ElementTree as ET

    n = 0
    for path in paths:
        root = ET.parse(str(path)).getroot()
        for seq in root.iter("sequence"):
            parts = [(el.tag, (el.text or "").strip()) for el in seq]
            text = " ".join(t for _, t in parts)
            if not _APA_LIKE.match(text) or parts[0][0] != "author" or parts[1][0] != "date":
                continue
            exp: dict[str, Any] = {}
            ym = re.search(r"\d{4}", parts[1][1])
            exp["year"] = int(ym[0]) if ym else None
            for tag, val in parts:
                v = val.strip()
                if tag == "title" and "title" not in exp:
                    exp["title"] = _strip(v)
                elif tag in ("journal", "container-title") and "container_title" not in exp:
                    exp["container_title"] = _strip(v.removeprefix("In ").strip())
                elif tag == "volume":
                    vm = re.match(r"^\*?(\d+)\*?\s*(?:\((\w+(?:[-–]\w+)?)\))?", v)
                    if vm:
                        exp["volume"] = vm[1]
                        if vm[2]:
                            exp["issue"] = vm[2]
                elif tag == "pages":
                    pm = re.search(r"\d+\s*[-–]\s*\d+|\d+", v)
                    if pm:
                        exp["pages"] = pm[0]
                elif tag == "doi":
                    dm = re.search(r"10\.\d{4,9}/\S+", v)
                    if dm:
                        exp["doi"] = dm[0].rstrip(".,;)")
            n += 1
            yield {"id": f"anystyle-{n}", "text": text, "expected": exp}


def _strip(s: str) -> str:
    s = s.strip().strip("*").strip()
    if s.endswith((".", ",")):
        s = s[:-1]
    return s.strip()


def score_partial(records: Iterable[dict[str, Any]]) -> Score:
    """Like :func:`score` but only over the fields each label names (AnyStyle has no types)."""
    correct = total = 0
    misses: list[tuple[str, str, object, object]] = []
    fc: Counter[str] = Counter()
    ft: Counter[str] = Counter()
    for rec in records:
        got = observed(parse_string(rec["text"]))
        for f, e in rec["expected"].items():
            total += 1
            ft[f] += 1
            if _norm(e) == _norm(got[f]):
                correct += 1
                fc[f] += 1
            else:
                misses.append((rec["id"], f, e, got[f]))
    per = tuple((f, fc[f], ft[f]) for f in FIELDS if ft[f])
    return Score(correct, total, tuple(misses), per)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT / "tests/data/refs_multilingual.jsonl")
    ap.add_argument("--split", default="")
    ap.add_argument("--anystyle", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    if args.anystyle:
        base = Path("/work/shared/data/anystyle")
        recs = list(anystyle_records([base / "core.xml", base / "good.xml"]))
        sc = score_partial(recs)
        label = f"AnyStyle APA-like ({len(recs)} entries)"
    else:
        recs = load_jsonl(args.data, args.split)
        sc = score(recs)
        label = f"{args.data.name} split={args.split or 'all'} ({len(recs)} entries)"
    print(f"{label}: field accuracy {sc.accuracy:.4f} ({sc.correct}/{sc.total})")
    for f, c, t in sc.per_field:
        print(f"  {f:18s} {c}/{t} = {c / t:.3f}")
    if args.verbose:
        for m in sc.misses:
            print("MISS", *m, sep=" | ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
