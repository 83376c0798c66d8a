"""split.lines._join is linear and joins exactly as the line-by-line version did (differential test)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from refcheck.split.lines import _CONJUNCTIONS, _URL_START, _join


def _join_reference(parts: list[str]) -> str:
    """The join as it was before it kept pieces: re-reads the growing text per line."""
    out = parts[0].strip()
    for part in parts[1:]:
        nxt = part.strip()
        if not nxt:
            continue
        last = out.rsplit(None, 1)[-1] if out else ""
        is_url = bool(_URL_START.match(last)) or "://" in last
        if is_url and out.endswith(("/", "-", "_", ".", "=", "?", "&")) and not nxt[0].isspace():
            if out.endswith(".") and not _URL_START.match(nxt) and nxt[0].isupper():
                out = f"{out} {nxt}"
            else:
                out += nxt
        elif out.endswith("-") and len(out) >= 2 and out[-2].isalpha():
            if nxt.split(None, 1)[0] in _CONJUNCTIONS:
                out = f"{out} {nxt}"  # "Sozial- und Gesundheitswesen"
            elif nxt[0].islower():
                out = out[:-1] + nxt  # "inter-" + "national": a soft line-break hyphen
            else:
                out += nxt  # "Nagorno-" + "Karabakh"
        elif out.endswith(("–", "—")) and nxt[0].isdigit():
            out += nxt
        else:
            out = f"{out} {nxt}"
    return out


pieces = st.sampled_from(["http://", "https:", "www.", "doi:", "a", "B", "inter-", "national",
                          "Nagorno-", "Karabakh", "5–", "33", "und", "/", ".", "-", "_", "=",
                          "?", "&", " ", "x y", ":", "//", "ß", "ı", "İ", "—", "9", "Z."])
lines = st.lists(st.lists(pieces, max_size=6).map("".join), min_size=1, max_size=12)


@given(lines)
def test_join_matches_the_line_by_line_reference(parts: list[str]) -> None:
    assert _join(parts) == _join_reference(parts)


def test_join_of_many_lines_is_linear() -> None:
    import time

    def cpu(n: int) -> float:
        parts = ["1.", "inter-", "national", "http://x.org/", "a/"] * (n // 5)
        t = time.process_time()
        _join(parts)
        return time.process_time() - t

    # the best of three runs each: one garbage collection in a run is not the join's cost
    small = min(cpu(100_000) for _ in range(3))
    big = min(cpu(400_000) for _ in range(3))
    assert big < 6 * max(small, 0.01)  # four times the lines: ~4x when linear, ~16x when quadratic
