"""The fast script count agrees with the per-character table it short-cuts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from refcheck import normalise
from refcheck.model import Script

SIMPLE = st.text(
    alphabet=st.sampled_from(
        [chr(c) for c in range(0x20, 0x7F)]
        + [chr(c) for c in range(0xC0, 0x250)]
        + [chr(c) for c in range(0x400, 0x482)]
        + [chr(c) for c in range(0x48A, 0x530)]
    ),
    max_size=60,
)


def _slow(s: str) -> dict[Script, int]:
    codes = s.translate(normalise._SCRIPT_CODES)
    out = {}
    for code, script in (("L", Script.LATIN), ("C", Script.CYRILLIC), ("O", Script.OTHER)):
        if codes.count(code):
            out[script] = codes.count(code)
    return out


@given(SIMPLE)
def test_fast_path_equals_table(s: str) -> None:
    assert normalise._OUTSIDE_SIMPLE.search(s) is None
    assert normalise._script_counts(s) == _slow(s)


def test_examples() -> None:
    assert normalise._script_counts("Əliyev, Макиенко ×÷ 12") == {
        Script.LATIN: 6,
        Script.CYRILLIC: 8,
    }
    assert normalise.detect_script("TACC Песков") is Script.MIXED
    assert normalise.detect_script("ﬁnal µ") is Script.MIXED  # slow path: ligature and micro sign
