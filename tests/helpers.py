"""Small builders shared by several test files (imported as ``helpers``: tests/ is on sys.path)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from pylatexenc import latex2text

from refcheck.parse import parse_string


def parsed_fields(text: str, reader: str = "auto") -> dict[str, Any]:
    """The parser's reading of one entry, as the plain values a test table compares."""
    r = parse_string(text, reader=reader)
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


class _Decoder:
    """pylatexenc's text conversion with a walker that knows ``\\textSchwa`` takes an argument."""

    def __init__(self, text_db: object, walker_db: object) -> None:
        self.l2t = latex2text.LatexNodes2Text(latex_context=text_db, math_mode="verbatim")
        self.walker_db = walker_db

    def latex_to_text(self, s: str) -> str:
        from pylatexenc import latexwalker

        nodes = latexwalker.LatexWalker(s, latex_context=self.walker_db).get_latex_nodes()[0]
        return str(self.l2t.nodelist_to_text(nodes))


def latex_decoder() -> _Decoder:
    """pylatexenc with the four text commands its default table lacks (documented in export.md).

    ``\\textSchwa{\\textschwa}`` is refcheck's capital schwa: a stock decoder drops the unknown
    macro and reads the argument (ə); this one reads the capital.
    """
    from pylatexenc import latexwalker, macrospec

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
    walker_db = latexwalker.get_default_latex_context_db()
    walker_db.add_context_category(
        "refcheck", prepend=True, macros=[macrospec.MacroSpec("textSchwa", "{")]
    )
    return _Decoder(db, walker_db)


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
