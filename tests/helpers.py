"""Small builders shared by several test files (imported as ``helpers``: tests/ is on sys.path)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from pylatexenc import latex2text

from refcheck.parse import parse_string


def parsed_fields(text: str) -> dict[str, Any]:
    """The parser's reading of one entry, as the plain values a test table compares."""
    r = parse_string(text)
    return {
        "type": r.type,
        "authors": [a.display for a in r.authors],
        "editors": [a.display for a in r.editors],
        "year": r.year,
        "title": r.title,
        "container": r.container_title,
        "volume": r.volume,
        "issue": r.issue,
        "pages": r.pages,
        "edition": r.edition,
        "publisher": r.publisher,
        "place": r.place,
        "genre": r.genre,
    }


def latex_decoder() -> latex2text.LatexNodes2Text:
    """pylatexenc with the four text commands its default table lacks (documented in export.md)."""
    db = latex2text.get_default_latex_context_db()
    db.add_context_category(
        "refcheck",
        prepend=True,
        macros=[
            latex2text.MacroTextSpec("textbraceleft", "{"),
            latex2text.MacroTextSpec("textbraceright", "}"),
            latex2text.MacroTextSpec("textasciicircum", "^"),
            latex2text.MacroTextSpec("textSchwa", "Ə"),
        ],
    )
    return latex2text.LatexNodes2Text(latex_context=db, math_mode="verbatim")


def load_eval_parse() -> ModuleType:
    """``scripts/eval_parse.py`` as a module (it is a script, not part of the package)."""
    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("eval_parse", root / "scripts" / "eval_parse.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["eval_parse"] = mod
    spec.loader.exec_module(mod)
    return mod


def load_eval_citations() -> ModuleType:
    """``scripts/eval_citations.py`` as a module (the citation scorer is a script too)."""
    root = Path(__file__).resolve().parent.parent
    path = root / "scripts" / "eval_citations.py"
    spec = importlib.util.spec_from_file_location("eval_citations", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["eval_citations"] = mod
    spec.loader.exec_module(mod)
    return mod
