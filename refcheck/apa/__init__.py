"""APA 7 entries written from records: the renderer (:mod:`refcheck.apa.render`), the record
corrections a fix applies before rendering (:mod:`refcheck.apa.correct`) and safe sentence case
(:mod:`refcheck.apa.casing`)."""

from __future__ import annotations

from refcheck.apa.render import Piece, pieces, render, write

__all__ = ["Piece", "pieces", "render", "write"]
