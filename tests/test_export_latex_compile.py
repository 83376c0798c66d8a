"""The full LaTeX compile of the seed's export: xelatex + biber + biblatex-apa and pdflatex +
bibtex (apalike), through scripts/render_bib.py. Slow (about 10 s) and skipped where TeX is not
installed (.ci/run installs only the light renderers; see docs/export.md for the packages).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_bib", ROOT / "scripts" / "render_bib.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["render_bib"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


render_bib = _script()


def _english_article(path: Path, n: int = 80) -> Path:
    """A reference list of real English references (the labelled data set's, APA 7 as written)."""
    data = (ROOT / "tests/data/refs_multilingual.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in data.splitlines() if line.strip()]
    texts = [r["text"] for r in rows if r["lang"] == "en"][:n]
    path.write_text("REFERENCES\n\n" + "\n\n".join(texts) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.tex
@pytest.mark.parametrize("pipeline", ["biblatex", "bibtex"])
@pytest.mark.parametrize("source", ["seed", "english"])
def test_reference_list_compiles_without_error_or_warning(
    tmp_path: Path, pipeline: str, source: str
) -> None:
    if missing := render_bib.missing_tools(pipeline):
        pytest.skip(f"not installed: {', '.join(missing)}")
    manuscript = (
        ROOT / "seeds" / "turan-2025-asya-studies.txt"
        if source == "seed"
        else _english_article(tmp_path / "english.txt")
    )
    result = render_bib.render(manuscript, tmp_path / "out", pipeline)
    assert result.problems == []
    assert result.pdf is not None and result.pdf.stat().st_size > 10_000


@pytest.mark.slow
@pytest.mark.tex
def test_script_original_compiles_with_cyrillic_titles(tmp_path: Path) -> None:
    if missing := render_bib.missing_tools("biblatex"):
        pytest.skip(f"not installed: {', '.join(missing)}")
    seed = ROOT / "seeds" / "turan-2025-asya-studies.txt"
    result = render_bib.render(seed, tmp_path / "out", "biblatex", script="original")
    assert result.problems == []


def test_log_checker_catches_what_it_must() -> None:
    """The checker itself: each kind of bad line is found (so a clean run means clean logs)."""
    log = "\n".join(
        [
            "WARN - Datamodel: article entry 'x' (refs.bib): Missing mandatory field 'title'",
            "Package biblatex Warning: Please (re)run Biber on the file:",
            "Warning--empty institution in congressional2021azerbaijan",
            "LaTeX Warning: Citation `x' on page 1 undefined on input line 5.",
            "Missing character: There is no ə in font cmr10!",
            "! Undefined control sequence.",
            "Package: infwarerr 2019/12/03 v1.5 Providing info/warning/error messages (HO)",
        ]
    )
    assert len(render_bib._problems(log)) == 6
