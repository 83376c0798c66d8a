"""Small builders shared by several test files (imported as ``helpers``: tests/ is on sys.path)."""

from __future__ import annotations

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
