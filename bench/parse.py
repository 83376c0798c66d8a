"""Parser throughput: references per second on one core, over >= 10,000 references.

Two corpora, each repeated to >= 10,000 entries: the seed's 42 entries plus our 1,000 written
references (mostly APA, which the grammar reads: the manuscripts refcheck is for), and the 2,629
real references of tests/data/real (every style; most go to the labeller, the costlier reader).
The labeller's model load (once per process, lazily) and the import time of ``refcheck.parse``
are reported apart, as is the size of the wheel the model ships in (issue 14: ≤ 10 MB growth).
"""

from __future__ import annotations

import json
import math
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


def real_corpus() -> list[str]:
    data = ROOT / "tests" / "data" / "real" / "refs.jsonl"
    return [json.loads(ln)["text"] for ln in data.read_text(encoding="utf-8").splitlines() if ln]


def _rate(base: list[str], quick: bool, rounds: int) -> tuple[float, int]:
    from refcheck.parse import parse_string

    reps = max(1, (1_000 if quick else 10_000) // len(base) + 1)
    refs = base * reps
    rates = []
    for _ in range(rounds):
        t0 = time.process_time()  # CPU time of this process: one core, immune to other load
        for text in refs:
            parse_string(text)
        rates.append(len(refs) / (time.process_time() - t0))
    return statistics.median(rates), len(refs)


def _model_load_seconds() -> float:
    """Wall time of the labeller's first load in a fresh interpreter (the model file read)."""
    code = (
        "import time; from refcheck.parse.labeller import _load; t=time.perf_counter(); _load();"
        " print(time.perf_counter()-t)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    try:
        return float(proc.stdout.strip())
    except ValueError:
        return float("nan")


def _wheel_mb() -> tuple[float, float]:
    """The built wheel's size and the model file's, in MB (``pip wheel --no-deps``)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
             "-w", tmp, str(ROOT)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        wheels = list(Path(tmp).glob("*.whl"))
        size = wheels[0].stat().st_size / 1e6 if proc.returncode == 0 and wheels else math.nan
    model = ROOT / "refcheck" / "parse" / "labeller" / "model.crfsuite"
    return size, model.stat().st_size / 1e6


def run(quick: bool = False) -> list[dict[str, object]]:
    sys.path.insert(0, str(ROOT))
    rounds = 5
    rate, n = _rate(corpus(), quick, rounds)
    real_rate, real_n = _rate(real_corpus(), quick, 3)
    imports = [_import_seconds() for _ in range(1 if quick else 5)]
    loads = [_model_load_seconds() for _ in range(1 if quick else 5)]
    wheel, model = _wheel_mb()
    return [
        {
            "metric": "parse_refs_per_s",
            "value": round(rate, 1),
            "unit": "refs/s",
            "note": f"seed + written references (mostly APA), median of {rounds} runs over {n} "
            "refs, CPU time, one core",
        },
        {
            "metric": "parse_refs_per_s_real",
            "value": round(real_rate, 1),
            "unit": "refs/s",
            "note": f"the real corpus (every style; the labeller reads most), median of 3 runs "
            f"over {real_n} refs, CPU time, one core",
        },
        {
            "metric": "labeller_model_load_s",
            "value": round(statistics.median(loads), 4),
            "unit": "s",
            "note": "first load of the CRF model in a fresh process (target ≤ 0.1 s)",
        },
        {
            "metric": "wheel_mb",
            "value": round(wheel, 2),
            "unit": "MB",
            "note": f"`pip wheel --no-deps .`; the model file is {model:.2f} MB of it",
        },
        {
            "metric": "parse_import_self_s",
            "value": round(statistics.median(imports), 4),
            "unit": "s",
            "note": "self time of `import refcheck.parse` (-X importtime); the model loads later",
        },
    ]


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        print(row)
