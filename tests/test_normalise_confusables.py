"""The shipped homoglyph maps are Unicode TR39 data, regenerated from the maintained package."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from refcheck import _confusables

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "gen_confusables.py"


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen_confusables", SCRIPT)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["gen_confusables"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_shipped_maps_equal_the_package_data() -> None:
    lat2cyr, cyr2lat = _generator().build()
    assert lat2cyr == _confusables.LATIN_TO_CYRILLIC, "run python scripts/gen_confusables.py"
    assert cyr2lat == _confusables.CYRILLIC_TO_LATIN, "run python scripts/gen_confusables.py"


def test_the_seed_letters_are_there() -> None:
    assert [_confusables.LATIN_TO_CYRILLIC[c] for c in "TAC"] == ["Т", "А", "С"]
    assert _confusables.CYRILLIC_TO_LATIN["а"] == "a"
