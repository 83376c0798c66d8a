"""Whole-process figures: ``refcheck parse``/``check`` on the seed, memory peaks, batch mode.

These run the installed command in child processes, as a user or a CI job would, so start-up
(imports, model loading) is included.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.synth import manuscript

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "turan-2025-asya-studies.txt"
PY = sys.executable


def _wall(cmd: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False, cwd=ROOT)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


_PEAK = """
import resource, sys, time
import refcheck
from refcheck.config import Config
t0 = time.perf_counter()
# load_text: a 100,000-entry list is larger than the loader's 16 MiB file limit
with open(sys.argv[1], encoding="utf-8") as fh:
    doc = refcheck.load_text(fh.read(), path=sys.argv[1])
rep = refcheck.check(doc, Config(offline=True))
dt = time.perf_counter() - t0
try:  # this process's own high-water mark; Linux carries ru_maxrss over from the parent
    with open("/proc/self/status") as fh:
        peak = next(int(x.split()[1]) for x in fh if x.startswith("VmHWM"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(peak, dt, len(doc.references), len(rep.citations))
"""


def _peak(path: str) -> tuple[float, float, int, int]:
    out = subprocess.run(
        [PY, "-c", _PEAK, path], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    return int(out[0]) / 1024, float(out[1]), int(out[2]), int(out[3])


def run(quick: bool = False) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    # An installed package has its bytecode compiled (pip does it); a checkout with
    # PYTHONDONTWRITEBYTECODE set would recompile every module on every run instead.
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "refcheck")], check=False,
                   capture_output=True)
    cli = [PY, "-m", "refcheck"]
    rows.append({
        "metric": "refcheck parse seed (whole process, wall)",
        "value": _wall([*cli, "parse", str(SEED)]), "unit": "s",
        "note": "target < 0.3 s; median of 5",
    })
    rows.append({
        "metric": "refcheck check seed --offline (whole process, wall)",
        "value": _wall([*cli, "check", str(SEED), "--offline"]), "unit": "s",
        "note": "target < 0.3 s; median of 5",
    })
    with tempfile.TemporaryDirectory() as tmp:
        for n in ((2_000,) if quick else (10_000, 100_000)):
            p = Path(tmp) / f"m{n}.txt"
            p.write_text(manuscript(n, body_bytes=min(n * 100, 2_000_000)), encoding="utf-8")
            mb, secs, nrefs, ncites = _peak(str(p))
            rows.append({
                "metric": f"memory peak, check --offline, {n:,} references",
                "value": mb, "unit": "MiB",
                "note": f"{nrefs:,} entries, {ncites:,} citations, {secs:.1f} s in-process (1 run)",
            })
        n_docs = 100 if quick else 1000
        docs = Path(tmp) / "batch"
        docs.mkdir()
        text = SEED.read_text(encoding="utf-8")
        for i in range(n_docs):
            (docs / f"ms{i:04d}.txt").write_text(text, encoding="utf-8")
        t0 = time.perf_counter()
        subprocess.run(
            [*cli, "check", str(docs), "--offline", "--jobs", "2", "--format", "json",
             "--no-progress"],
            capture_output=True, check=False, cwd=ROOT,
        )
        rows.append({
            "metric": f"batch: {n_docs:,} seed-sized manuscripts, --offline --jobs 2",
            "value": time.perf_counter() - t0, "unit": "s",
            "note": "target < 30 s for 1,000 on 2 cores (1 run)",
        })
    return rows
