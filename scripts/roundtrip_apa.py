"""Measure the render → parse round trip on the real corpora (docs/fix.md, "Round trip").

    python scripts/roundtrip_apa.py [-v] [--limit N] [--reader grammar|auto]

Every entry of tests/data/real/refs.jsonl and tests/data/refs_multilingual.jsonl is parsed as
refcheck reads it; each record that parses (not UNPARSED) is rendered as APA 7 (Markdown italics)
and read back; the share of records that come back identical is printed per corpus and overall.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPORA = ("tests/data/real/refs.jsonl", "tests/data/refs_multilingual.jsonl")


def entries(path: Path) -> list[tuple[str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out.append((str(row["id"]), str(row["text"])))
    return out


def main(argv: list[str] | None = None) -> int:
    from refcheck.apa.roundtrip import corrected, round_trip
    from refcheck.model import ParseStatus
    from refcheck.parse import parse_string

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="print every failure")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--reader", default="grammar", choices=("grammar", "auto"))
    ap.add_argument("--as-parsed", action="store_true",
                    help="render the records as parsed, not as a fix corrects them")
    args = ap.parse_args(argv)
    total = same = 0
    fields: Counter[str] = Counter()
    for corpus in CORPORA:
        rows = entries(ROOT / corpus)
        if args.limit:
            rows = rows[: args.limit]
        n = ok = unparsed = 0
        for rid, text in rows:
            ref = parse_string(text)
            if ref.status is ParseStatus.UNPARSED:
                unparsed += 1
                continue
            trip = round_trip(ref if args.as_parsed else corrected(ref), reader=args.reader)
            n += 1
            if trip.same:
                ok += 1
                continue
            fields.update(d[0] for d in trip.diffs)
            if args.verbose:
                print(f"--- {rid}\n  in:  {text}\n  out: {trip.rendered}")
                for name, a, b in trip.diffs:
                    print(f"  {name}: {a!r} -> {b!r}")
        total += n
        same += ok
        print(f"{corpus}: {ok}/{n} identical ({100 * ok / max(n, 1):.2f} %), "
              f"{unparsed} entries unparsed (not rendered)")
    print(f"all: {same}/{total} identical ({100 * same / max(total, 1):.2f} %)")
    print("fields that differ:", ", ".join(f"{k} {v}" for k, v in fields.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
