"""Fixes: what the right text is for a finding (:mod:`~refcheck.fixes.make`), the patch they make
together (:mod:`~refcheck.fixes.patch`), list order (:mod:`~refcheck.fixes.order`) and writing a
patch back to the manuscript's file (:mod:`~refcheck.fixes.files`, :mod:`~refcheck.fixes.docx`).
docs/fix.md is the user's guide."""

from __future__ import annotations

from refcheck.fixes.patch import Patch, build

__all__ = ["Patch", "build"]
