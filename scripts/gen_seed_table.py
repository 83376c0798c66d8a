"""Print the seed expectations table from the current parser output, for review by a human.

Why: writing 42 rows of expected fields by hand is error-prone; this prints the parser's view so
that each row can be checked against the entry and corrected in tests/test_parse_seed.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from refcheck.model import Reference  # noqa: E402
from refcheck.parse import parse_string  # noqa: E402

SKIP = ("raw", "span", "line", "norm", "index")


def seed_entries() -> list[str]:
    text = (ROOT / "seeds" / "turan-2025-asya-studies.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    start = lines.index("REFERENCES") + 1
    return [ln.strip().removeprefix("- ") for ln in lines[start:] if ln.strip()]


def row(ref: Reference) -> dict[str, object]:
    default = Reference(index=0, raw="", span=ref.span, line=0)
    return {
        k: getattr(ref, k)
        for k in Reference.__slots__
        if k not in SKIP and getattr(ref, k) != getattr(default, k)
    }


if __name__ == "__main__":
    for i, e in enumerate(seed_entries(), 1):
        print(f"    ({i}, {row(parse_string(e))!r}),")
