"""Harvard form: ``Surname, I. (2010) Title. Journal, 3(2), pp. 5-9.``, ``Surname 2010, Title``."""

from __future__ import annotations

import re

from refcheck.labels import NAME_PARTICLES
from refcheck.model import Organization, Person
from refcheck.parse.fields import _Fields
from refcheck.parse.forms.apa import _read_body_apa
from refcheck.parse.forms.chicago import _chicago_authors
from refcheck.parse.names import _parse_author_block

# "Smith, J., & Doe, A. 2010. Title." — author-date with a bare year (Harvard, CMOS author-date)
_HARVARD = re.compile(
    r"^(?P<a>[^\W\d_][^()\d\"“«*]{1,250}?)[,.]?\s+\(?(?P<y>(?:1[5-9]|20)\d\d[a-z]?)\)?[.,:]\s+(?=\S)"
)
_NAME_LOWER_OK = (
    frozenset(["and", "et", "al", "al.", "et.", "ve", "və", "и", "др.", "vd."]) | NAME_PARTICLES
)


def _read_harvard(f: _Fields, head: str) -> bool:
    """Author block, bare year, then an APA-like body; False (nothing read) when the part
    before the year is not a list of names (a Chicago title ends in a year too)."""
    m = _HARVARD.match(head)
    if not m:
        return False
    block = m["a"]
    if head[m.end("a") : m.end("a") + 1] == "." and re.search(r"(?:^|[\s.-])[^\W\d_]$", block):
        block += "."  # "Simpson, M. G. 1993." — the period belongs to the initial
    if any(w[0].islower() and w not in _NAME_LOWER_OK for w in block.split()):
        return False  # a lower-case word: a title, not names
    auth = _parse_author_block(block)
    if not any(isinstance(a, Person) for a in auth.agents):
        chi = _chicago_authors(block + ". ")  # "Haidt, Jonathan and Graham, Jesse"
        if chi is None or chi[1].strip():
            return False
        auth = chi[0]
    if not auth.agents:
        return False
    if any(isinstance(a, Organization) and len(a.name.split()) > 6 for a in auth.agents):
        return False
    f.authors = auth.agents
    f.et_al = auth.et_al
    if auth.spelled_out:
        f.flag("given name spelled out instead of initials")
    f.year = int(m["y"][:4])
    f.year_suffix = m["y"][4:]
    f.flag("date not in parentheses after the authors")
    _read_body_apa(f, head[m.end() :])
    return True
