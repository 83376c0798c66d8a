"""Text made safe to print: manuscript text and file names cannot drive a terminal or a CI log.

A file name or an entry may carry ESC/CSI sequences (clear the screen, retitle the window), C1
controls, a newline followed by ``::error …`` (a forged GitHub workflow command) or bidi overrides
that reorder what a reviewer reads ("Trojan Source"). Every output kind passes what it prints
through one function of this module at one place (its boundary):

============================  ===================================================================
output kind                   boundary
============================  ===================================================================
text report, github format    ``refcheck.report.text`` / ``.github``: :func:`one_line` on every
                              message and :func:`visible` on every path, before colours are added
stderr (errors, skip notes)   ``refcheck.cli.say``: :func:`visible`
batch summary, parse table    :func:`visible` / :func:`one_line` on every cell
JSON (json, jsonl, sarif,     :func:`json_safe` on the serialised document: the JSON escape of a
parse/export csl-json)        character means the same character, so nothing is lost
JUnit XML                     :func:`xml_safe`: character references, lossless
HTML                          ``refcheck.report.html._e``: each such character becomes a visible
                              marker
export to standard output     :func:`visible_lines` (line breaks and tabs kept)
============================  ===================================================================

"Visible" means the character is replaced by its escape ``\\u001b``: what was there can still be
read, and it can no longer act.
"""

from __future__ import annotations

import re

__all__ = [
    "UNSAFE",
    "UNSAFE_IN_LINES",
    "json_safe",
    "one_line",
    "visible",
    "visible_lines",
    "xml_safe",
]

# C0 controls, DEL, C1 controls, and the bidi marks, embeddings, overrides and isolates.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}\u2028\u2029]")
"""Characters no output may pass on as they are."""

UNSAFE_IN_LINES = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\u2028\u2029]")
"""The same, less TAB and LF: for text whose lines are kept (a CR is shown, not obeyed)."""
_BREAKS = re.compile("[\t\n\r\u2028\u2029]+")
# In serialised JSON the C0 controls are escaped already; C1, DEL, bidi and separators are not.
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_BIDI}\u2028\u2029]")
# XML 1.0 may carry these as character references (C0 controls it may not carry at all).
_XML_UNSAFE = re.compile(f"[\x7f-\x9f{_BIDI}\u2028\u2029]")


def _escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def visible(text: str) -> str:
    """Every control and bidi character shown as ``\\uXXXX``: one line, inert (file names)."""
    return UNSAFE.sub(_escape, text)


def one_line(text: str) -> str:
    """Prose on one line: runs of line breaks become one space, other controls ``\\uXXXX``."""
    return visible(_BREAKS.sub(" ", text))


def visible_lines(text: str) -> str:
    """Multi-line text (an export on a terminal): ``\\n``, ``\\r\\n`` and tabs kept, the rest
    shown as ``\\uXXXX``."""
    return UNSAFE_IN_LINES.sub(_escape, text.replace("\r\n", "\n"))


def json_safe(serialised: str) -> str:
    """Serialised JSON with C1, DEL, bidi and separator characters as JSON escapes.

    Such characters can only occur inside JSON strings, where ``\\u009b`` is the same character,
    so the data are unchanged while a terminal showing the document sees only ASCII escapes.
    """
    return _JSON_UNSAFE.sub(_escape, serialised)


def xml_safe(serialised: str) -> str:
    """Serialised XML with C1, DEL, bidi and separator characters as character references
    (the same characters to an XML parser; inert on a terminal)."""
    return _XML_UNSAFE.sub(lambda m: f"&#x{ord(m.group()):x};", serialised)
