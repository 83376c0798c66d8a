"""Fix speed: ``refcheck fix --unsafe`` on a 500-reference manuscript (target < 1 s).

The manuscript is bench/synth.py's (60 kB of body citing 500 multilingual entries) with the
defects fixes are for: colon locators, ``doi:`` DOIs, a period after DOIs, a shuffled stretch of
the list, retrieval dates on dated news and Cyrillic entries to romanise. Timed: load + check
(offline) + the patch (fixes attached, composed, list order) + applying it, as the command does;
and the fix stage alone (attaching fixes and building the patch from a finished check).
"""

from __future__ import annotations

import random
import statistics
import time
from typing import Any

from bench import synth


def manuscript(n_refs: int = 500) -> str:
    """The synthetic manuscript with defects to fix."""
    text = synth.manuscript(n_refs)
    body, _, refs = text.partition("REFERENCES\n")
    body = body.replace(", p. ", ": ")
    lines = refs.split("\n")
    out = []
    for i, line in enumerate(lines):
        if i % 3 == 0:
            out.append(line.replace("https://doi.org/", "doi:"))
        elif i % 3 == 1 and "doi.org" in line:
            out.append(line + ".")
        else:
            out.append(line)
    rng = random.Random(3)
    block = out[10:40]
    rng.shuffle(block)
    out[10:40] = block
    return body + "REFERENCES\n" + "\n".join(out)


def run(quick: bool = False) -> list[dict[str, Any]]:
    import refcheck
    from refcheck.config import Config
    from refcheck.fixes.make import attach
    from refcheck.fixes.patch import _context, build

    n = 100 if quick else 500
    text = manuscript(n)
    cfg = Config(offline=True)
    whole: list[float] = []
    cpu: list[float] = []
    stage: list[float] = []
    edits = 0
    for _ in range(3 if quick else 5):
        t0, c0 = time.perf_counter(), time.process_time()
        doc = refcheck.load_text(text, "bench.md", "markdown")
        report = refcheck.check(doc, cfg)
        patch = build(report, unsafe=True)
        _ = patch.new_text
        whole.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        edits = len(patch.edits)
        ctx = _context(report)
        bare = [f.__class__(**{**{s: getattr(f, s) for s in f.__slots__}, "fix": None})
                for f in report.findings]  # fmt: skip
        t1 = time.perf_counter()
        fixed = attach(ctx, bare)  # type: ignore[arg-type]
        build(report.__class__(**{**report.__dict__, "findings": tuple(fixed)}), unsafe=True)
        stage.append(time.perf_counter() - t1)
    note = f"{n} references, {len(text) // 1000} kB, {edits} edits; median of {len(whole)}"
    return [
        {"metric": f"fix --unsafe of a {n}-reference manuscript (load + check + patch)",
         "value": statistics.median(whole), "unit": "s",
         "note": f"wall, {note} (min {min(whole):.3f} s); target < 1 s"},
        {"metric": f"fix --unsafe of a {n}-reference manuscript, CPU",
         "value": statistics.median(cpu), "unit": "s", "note": "process CPU time, " + note},
        {"metric": f"fix stage alone ({n} references: fixes attached, patch built)",
         "value": statistics.median(stage), "unit": "s", "note": "wall, " + note},
    ]  # fmt: skip


if __name__ == "__main__":
    for row in run():
        print(f"{row['metric']}: {row['value']:.3f} {row['unit']} ({row['note']})")
