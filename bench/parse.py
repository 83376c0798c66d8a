"""Parser throughput: references per second on one core, over >= 10,000 references.

The corpus is the seed's 42 entries plus the 84 labelled multilingual references, repeated to
10,080 entries (a realistic mix of APA, Chicago-like, Latin and Cyrillic entries). There is no
model to load (the parser is a grammar); the import time of ``refcheck.parse`` is reported apart.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus() -> list[str]:
    seed = (ROOT / "seeds" / "turan-2025-asya-studies.txt").read_text(encoding="utf-8")
    lines = seed.split("\n")
    start = lines.index("REFERENCES") + 1
    out = [ln.strip().removeprefix("- ") for ln in lines[start:] if ln.strip()]
    data = ROOT / "tests" / "data" / "refs_multilingual.jsonl"
    out += [json.loads(ln)["text"] for ln in data.read_text(encoding="utf-8").splitlines() if ln]
    return out


def _import_seconds() -> float:
    """Self+children import time of refcheck.parse in a fresh interpreter (-X importtime)."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import refcheck.parse"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    for line in proc.stderr.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3 and parts[2] == "refcheck.parse":
            return int(parts[0].split(":")[1]) / 1e6  # self time only, in seconds
    return float("nan")


def run(quick: bool = False) -> list[dict[str, object]]:
    sys.path.insert(0, str(ROOT))
    from refcheck.parse import parse_string

    base = corpus()
    reps = max(1, (1_000 if quick else 10_000) // len(base) + 1)
    refs = base * reps
    rounds = 5
    rates = []
    for _ in range(rounds):
        t0 = time.process_time()  # CPU time of this process: one core, immune to other load
        for text in refs:
            parse_string(text)
        rates.append(len(refs) / (time.process_time() - t0))
    imports = [_import_seconds() for _ in range(1 if quick else 5)]
    return [
        {
            "metric": "parse_refs_per_s",
            "value": round(statistics.median(rates), 1),
            "unit": "refs/s",
            "note": f"median of {rounds} runs over {len(refs)} refs, CPU time, one core",
        },
        {
            "metric": "parse_import_self_s",
            "value": round(statistics.median(imports), 4),
            "unit": "s",
            "note": "self time of `import refcheck.parse` (-X importtime); no model to load",
        },
    ]


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        print(row)
