"""The fast script count agrees with the per-character table it short-cuts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from refcheck import normalise
from refcheck.model import Script
from refcheck.normalise import folding, scripts

SIMPLE = st.text(
    alphabet=st.sampled_from(
        [chr(c) for c in range(0x20, 0x7F)]
        + [chr(c) for c in range(0xC0, 0x250)]
        + [chr(c) for c in range(0x400, 0x482)]
        + [chr(c) for c in range(0x48A, 0x530)]
        + list("\u00ab\u00bb\u201c\u201d\u2013\u2014\u2026\u2116\u00a0\u00b0\u00a9\u2009")
    ),
    max_size=60,
)


def _slow(s: str) -> dict[Script, int]:
    codes = s.translate(scripts._SCRIPT_CODES)
    out = {}
    for code, script in (("L", Script.LATIN), ("C", Script.CYRILLIC), ("O", Script.OTHER)):
        if codes.count(code):
            out[script] = codes.count(code)
    return out


@given(SIMPLE)
def test_fast_path_equals_table(s: str) -> None:
    assert scripts._OUTSIDE_SIMPLE.search(s) is None
    assert scripts._script_counts(s) == _slow(s)


def test_examples() -> None:
    assert scripts._script_counts("Əliyev, Макиенко ×÷ 12") == {
        Script.LATIN: 6,
        Script.CYRILLIC: 8,
    }
    assert normalise.detect_script("TACC Песков") is Script.MIXED
    assert normalise.detect_script("ﬁnal µ") is Script.MIXED  # slow path: ligature and micro sign


def test_copy_with_norm_equals_dataclasses_replace() -> None:
    """The slot-by-slot copy keeps every field, as ``dataclasses.replace`` would."""
    from dataclasses import fields, replace

    from refcheck.model import Normalised, Reference
    from refcheck.parse import parse_string

    ref = parse_string(
        "Макиенко, К. (2020, November 10). Как Россия проиграла войну. *Ведомости*. "
        "https://www.vedomosti.ru/x"
    )
    norm = Normalised(title_key="x", scheme="ala-lc")
    fast = normalise._with_norm(ref, norm, "ru", Script.CYRILLIC)
    slow = replace(ref, norm=norm, language="ru", script=Script.CYRILLIC)
    assert fast == slow
    assert fast.norm is norm and fast.language == "ru" and fast.script is Script.CYRILLIC
    assert {f.name for f in fields(Reference)} == {
        *normalise._REF_FIELDS,
        "norm",
        "language",
        "script",
    }
    assert ref.norm is None  # the input is untouched


def test_romanise_capitals_word_by_word() -> None:
    """All-capital words keep capitals ("МИД" → "MID"); the rest goes letter by letter."""
    assert normalise.romanise("МИД России и ТАСС") == "MID Rossii i TASS"
    assert normalise.romanise("Шахматы ЮНЕСКО") == "Shakhmaty I͡UNESKO"
    assert normalise.romanise("Щукин") == "Shchukin"
    # a word with a run of capitals but lowercase too stays mixed; digits and hyphens bound words
    assert normalise.romanise("МИДа и ТАСС-2, РФ") == "MIDa i TASS-2, RF"
    assert normalise.romanise("ЁЖ") == "ËZH"


def test_fold_key_ascii_path_matches_general_path() -> None:
    for c in map(chr, range(128)):
        s = f"Ab{c}Iz"
        general = " ".join(normalise.tr_lower(s).translate(folding._FOLD_MAP).split())
        assert normalise.fold_key(s) == general, repr(c)
    assert normalise.fold_key("ISTANBUL's Policy") == "istanbuls policy"
