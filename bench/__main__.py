"""``python -m bench``: run every benchmark, print a table, write docs/benchmarks.md.

Each module in ``bench/`` exposes ``run(quick: bool = False) -> list[dict]`` with rows
``{"metric", "value", "unit", "note"}`` (medians of >= 5 runs). ``--quick`` uses smaller inputs
for a smoke run; ``--only parse,cite`` runs some modules; ``--no-write`` leaves the docs alone.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import importlib
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

MODULES = (
    "split", "parse", "normalise", "cite", "process", "export", "resolve", "hostile", "accuracy",
    "interrupt", "fix",
)
ROOT = Path(__file__).resolve().parent.parent


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 2**20:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores{mem}; Python {platform.python_version()} "
        f"on {platform.system()} {platform.release()}"
    )


def fmt_value(v: float) -> str:
    if v >= 100:
        return f"{v:,.0f}"
    if v >= 1:
        return f"{v:.2f}"
    return f"{v:.4f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    ap.add_argument("--quick", action="store_true", help="smaller inputs (smoke run)")
    ap.add_argument("--only", help="comma-separated modules: " + ",".join(MODULES))
    ap.add_argument("--no-write", action="store_true", help="do not rewrite docs/benchmarks.md")
    args = ap.parse_args(argv)
    wanted = [m.strip() for m in args.only.split(",")] if args.only else list(MODULES)
    sections: list[tuple[str, list[dict[str, Any]], float]] = []
    for name in wanted:
        try:
            mod = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as exc:
            print(f"[{name}] skipped: {exc}", file=sys.stderr)
            continue
        t0 = time.perf_counter()
        print(f"[{name}] running …", file=sys.stderr, flush=True)
        try:
            rows = mod.run(quick=args.quick)
        except Exception as exc:  # one broken benchmark must not hide the others' figures
            print(f"[{name}] failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            rows = [{"metric": f"{name}: benchmark failed", "value": float("nan"), "unit": "",
                     "note": f"{type(exc).__name__}: {str(exc)[:200]}"}]
        sections.append((name, rows, time.perf_counter() - t0))
        for r in rows:
            value = fmt_value(float(r["value"]))
            print(f"  {r['metric']:<58} {value:>12} {r['unit']:<10} {r.get('note', '')}")
    if not args.no_write and not args.only:
        write_doc(sections, quick=args.quick)
    return 0


def write_doc(sections: list[tuple[str, list[dict[str, Any]], float]], quick: bool) -> None:
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT,
            check=False,
        ).stdout.strip()
    except OSError:
        rev = ""
    out = [
        "# Benchmarks",
        "",
        "Reproduce every figure below with one command from the project root:",
        "",
        "```sh",
        "python -m pip install -e '.[test,bench]' && python -m bench"
        + (" --quick" if quick else ""),
        "```",
        "",
        f"Last run: {_dt.date.today().isoformat()}, commit `{rev or 'uncommitted'}`,",
        f"on {machine()}.",
        "Each figure is the median of at least 5 runs unless its note says otherwise. No benchmark",
        "touches the internet: resolution runs against local HTTP servers that add latency.",
        "",
    ]
    targets = ROOT / "bench" / "TARGETS.md"
    if targets.exists():
        out += [targets.read_text(encoding="utf-8").strip(), ""]
    for name, rows, secs in sections:
        out += [f"## {name}", "", f"(module `bench/{name}.py`, {secs:.1f} s)", ""]
        out += ["| metric | value | unit | note |", "|---|---:|---|---|"]
        for r in rows:
            value = fmt_value(float(r["value"]))
            out.append(f"| {r['metric']} | {value} | {r['unit']} | {r.get('note', '')} |")
        out.append("")
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(out), encoding="utf-8")
    print("wrote docs/benchmarks.md", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
