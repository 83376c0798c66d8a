"""Assemble the real reference corpus: collectors' files → tests/data/real/refs.jsonl + sources.tsv.

Each collector (a person who never saw the parser) wrote JSON Lines following
tests/data/real/README.md. This script checks every record, and gives each *source* (one
article's or book's list) a split, so no source is in two splits: sources are grouped by
collector and by the style most of their entries are in, ordered by a hash of their id, and
dealt in turn to test, dev, train, train, train (so every style family of every collector with
two or more sources has a test source, and the order does not depend on the parser).

    python scripts/real_corpus.py /work/corpus/*.jsonl      # rewrite tests/data/real/
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "real"
STR_FIELDS = (
    "type", "title", "title_translation", "container_title", "volume", "issue", "pages",
    "publisher", "place", "edition", "doi", "url", "accessed", "genre", "extent", "year_suffix",
)  # fmt: skip


_DEAL = ("test", "dev", "train", "train", "train")


def _h(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def assign_splits(recs: list[dict[str, Any]]) -> None:
    """Deal each collector's sources, style group by style group, to the splits in turn."""
    styles: dict[tuple[str, str], Counter[str]] = {}
    for r in recs:
        styles.setdefault((r["collector"], r["source"]), Counter())[r["style"]] += 1
    groups: dict[tuple[str, str], list[str]] = {}
    for (col, src), c in styles.items():
        groups.setdefault((col, c.most_common(1)[0][0]), []).append(src)
    split: dict[tuple[str, str], str] = {}
    for (col, _style), srcs in sorted(groups.items()):
        for k, src in enumerate(sorted(srcs, key=lambda s: _h(f"{col}/{s}"))):
            split[(col, src)] = _DEAL[k % len(_DEAL)] if len(srcs) > 1 else "train"
    for r in recs:
        r["split"] = split[(r["collector"], r["source"])]


def check(rec: dict[str, Any], where: str) -> list[str]:
    errs = []
    for k in ("id", "source", "source_url", "style", "lang", "text", "fields"):
        if k not in rec:
            errs.append(f"{where}: no {k}")
    f = rec.get("fields", {})
    for k in ("authors", "editors"):
        if k in f and not (isinstance(f[k], list) and all(isinstance(x, str) for x in f[k])):
            errs.append(f"{where}: {k} is not a list of strings")
    if "year" in f and not isinstance(f["year"], int):
        errs.append(f"{where}: year {f['year']!r} is not an integer")
    for k in STR_FIELDS:
        if k in f and not isinstance(f[k], str):
            f[k] = str(f[k])
    return errs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    recs: list[dict[str, Any]] = []
    errs: list[str] = []
    seen: set[str] = set()
    for path in args.files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            errs += check(rec, f"{path.name}:{n}")
            if rec.get("id") in seen:
                errs.append(f"{path.name}:{n}: duplicate id {rec.get('id')}")
            seen.add(rec.get("id", ""))
            rec["collector"] = path.stem
            recs.append(rec)
    if errs:
        print("\n".join(errs[:50]), file=sys.stderr)
        return 1
    assign_splits(recs)
    args.out.mkdir(parents=True, exist_ok=True)
    keys = ("id", "collector", "source", "source_url", "via", "split", "style", "lang",
            "list_lang", "marker", "text", "fields", "note")  # fmt: skip
    with (args.out / "refs.jsonl").open("w", encoding="utf-8") as fh:
        for rec in recs:
            fh.write(json.dumps({k: rec[k] for k in keys if k in rec}, ensure_ascii=False) + "\n")
    sources: dict[tuple[str, str], dict[str, Any]] = {}
    for rec in recs:
        key = (rec["collector"], rec["source"])
        s = sources.setdefault(key, {"n": 0, "url": rec["source_url"], "split": rec["split"],
                                     "styles": Counter(), "langs": Counter()})  # fmt: skip
        s["n"] += 1
        s["styles"][rec["style"]] += 1
        s["langs"][rec["lang"]] += 1
    with (args.out / "sources.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["collector", "source", "split", "entries", "styles", "languages", "url"])
        for (col, src), s in sorted(sources.items()):
            styles = " ".join(f"{k}:{v}" for k, v in s["styles"].most_common())
            langs = " ".join(f"{k}:{v}" for k, v in s["langs"].most_common())
            w.writerow([col, src, s["split"], s["n"], styles, langs, s["url"]])
    by = Counter((r["split"], r["collector"]) for r in recs)
    print(f"{len(recs)} references from {len(sources)} sources")
    for (sp, col), n in sorted(by.items()):
        print(f"  {sp:5s} {col:6s} {n}")
    for sp in ("train", "dev", "test"):
        sub = [r for r in recs if r["split"] == sp]
        print(f"  {sp}: styles {dict(Counter(r['style'] for r in sub))}")
        print(f"  {sp}: langs {dict(Counter(r['lang'] for r in sub))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
