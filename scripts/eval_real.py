"""Field accuracy on REAL references (tests/data/real/refs.jsonl): by split, style and language.

The figure issue 14 reports: soft accuracy over the nine fields authors, year, title, container,
volume, issue, pages, DOI and URL, GROBID's soft matching (letters and digits only, case folded).
A field counts when it is non-empty in the label or in the parse, so a spurious value costs as
much as a missing one. Authors are right when the family names match in order (the first author
is also reported alone, as some peers score it).

    python scripts/eval_real.py --split test              # the figure reported (first sight)
    python scripts/eval_real.py --split dev --reader labeller
    python scripts/eval_real.py --split dev -v            # every miss
    python scripts/eval_real.py --tree /tmp/old --split test   # another checkout's parser

``--tree`` runs the parser of another work tree (``git worktree add /tmp/old <commit>``) in a
subprocess, which is how a first-sight figure is reproduced for an older commit.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "real" / "refs.jsonl"
FIELDS = ("authors", "year", "title", "container_title", "volume", "issue", "pages", "doi", "url")
FAMILIES = {
    "apa": "APA", "gost": "GOST", "mla": "MLA", "chicago-nb": "Chicago", "chicago-ad": "Chicago",
    "harvard": "Harvard", "vancouver": "Vancouver/numbered", "ieee": "Vancouver/numbered",
    "other": "other",
}  # fmt: skip


def soft(v: object) -> str:
    s = unicodedata.normalize("NFKC", str(v)).casefold().replace("ё", "е")
    return "".join(ch for ch in s if ch.isalnum())


def _families(names: Iterable[str]) -> list[str]:
    return [soft(n.partition(",")[0]) for n in names]


def field_values(rec: dict[str, Any]) -> dict[str, Any]:
    """The label's values in the scored vocabulary."""
    f = rec["fields"]
    out: dict[str, Any] = {}
    out["authors"] = _families(f.get("authors") or [])
    out["year"] = f.get("year")
    for k in FIELDS[2:]:
        out[k] = f.get(k) or ""
    return out


PARSE_SNIPPET = r"""
import json, sys
from refcheck.parse import parse_string
reader = sys.argv[1]
for line in sys.stdin:
    text = json.loads(line)
    try:
        r = parse_string(text, reader=reader) if reader != "default" else parse_string(text)
    except TypeError:
        r = parse_string(text)
    print(json.dumps({
        "authors": [a.display for a in r.authors], "year": r.year, "title": r.title,
        "container_title": r.container_title, "volume": r.volume, "issue": r.issue,
        "pages": r.pages, "doi": r.doi, "url": r.url, "type": r.type,
    }, ensure_ascii=False))
"""


def peer_all(texts: list[str]) -> list[dict[str, Any]]:
    """refextract's reading (``--peer refextract``; GPL, installed for the comparison only)."""
    sys.path.insert(0, str(ROOT))
    from bench.accuracy import refextract_fields

    out = []
    for t in texts:
        f = refextract_fields(t)
        out.append({
            "authors": [a for a in f.authors.split("; ") if a], "year": _int(f.year),
            "title": f.title, "container_title": f.container, "volume": f.volume, "issue": "",
            "pages": f.pages, "doi": f.doi, "url": f.url,
        })  # fmt: skip
    return out


def _int(v: str) -> int | None:
    return int(v) if v.isdigit() else None


def parse_all(texts: list[str], tree: Path | None, reader: str) -> list[dict[str, Any]]:
    env_root = tree or ROOT
    proc = subprocess.run(
        [sys.executable, "-c", PARSE_SNIPPET, reader],
        input="\n".join(json.dumps(t, ensure_ascii=False) for t in texts) + "\n",
        capture_output=True,
        text=True,
        cwd=str(env_root),
        env={**os.environ, "PYTHONPATH": str(env_root)},
        check=True,
    )
    return [json.loads(x) for x in proc.stdout.splitlines()]


def observed(got: dict[str, Any]) -> dict[str, Any]:
    out = dict(got)
    out["authors"] = _families(got.get("authors") or [])
    return out


def _empty(v: object) -> bool:
    return v in (None, "", [], ())


def compare(exp: dict[str, Any], got: dict[str, Any]) -> dict[str, bool | None]:
    """Per field: True right, False wrong/missing/spurious, None not counted (empty both)."""
    res: dict[str, bool | None] = {}
    for k in FIELDS:
        e, g = exp.get(k), got.get(k)
        if _empty(e) and _empty(g):
            res[k] = None
        elif k == "authors":
            res[k] = e == g
        else:
            res[k] = soft(e) == soft(g)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--split", default="", help="train, dev or test (default: all)")
    ap.add_argument("--reader", default="default", help="auto, grammar, labeller")
    ap.add_argument("--tree", type=Path, default=None, help="another checkout's parser")
    ap.add_argument("--peer", choices=("refextract",), default=None)
    ap.add_argument("--no-issue", action="store_true", help="leave the issue out (peers lack it)")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = ap.parse_args(argv)
    recs = [json.loads(x) for x in args.data.read_text(encoding="utf-8").splitlines() if x.strip()]
    if args.split:
        recs = [r for r in recs if r.get("split") == args.split]
    texts = [r["text"] for r in recs]
    gots = peer_all(texts) if args.peer else parse_all(texts, args.tree, args.reader)
    if args.no_issue:
        for g in gots:
            g["issue"] = ""
        for r in recs:
            r["fields"] = {k: v for k, v in r["fields"].items() if k != "issue"}
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_field: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    first = [0, 0]
    misses: list[str] = []
    for rec, got in zip(recs, gots, strict=True):
        exp = field_values(rec)
        obs = observed(got)
        res = compare(exp, obs)
        fam = FAMILIES.get(rec.get("style", "other"), "other")
        keys = ["all", f"style:{fam}", f"lang:{rec.get('lang', '?')}"]
        for k, ok in res.items():
            if ok is None:
                continue
            per_field[k][0] += int(ok)
            per_field[k][1] += 1
            for g in keys:
                groups[g][0] += int(ok)
                groups[g][1] += 1
            if not ok:
                misses.append(f"{rec['id']} | {k} | want {exp.get(k)!r} | got {obs.get(k)!r}")
        if exp["authors"] or obs["authors"]:
            first[1] += 1
            first[0] += int(exp["authors"][:1] == obs["authors"][:1])
    summary = {g: round(c / t, 4) for g, (c, t) in sorted(groups.items()) if t}
    counts = {g: t for g, (c, t) in groups.items()}
    if args.json:
        print(json.dumps({"refs": len(recs), "accuracy": summary, "fields_counted": counts}))
        return 0
    who = args.peer or f"refcheck reader={args.reader}"
    print(f"{len(recs)} real references (split={args.split or 'all'}, {who})")
    for g, v in summary.items():
        print(f"  {g:28s} {v:.3f}  ({groups[g][0]}/{groups[g][1]} fields)")
    for k in FIELDS:
        c, t = per_field[k]
        if t:
            print(f"  field {k:18s} {c / t:.3f}  ({c}/{t})")
    if first[1]:
        print(f"  first author only           {first[0] / first[1]:.3f}")
    if args.verbose:
        for m in misses:
            print("MISS", m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
