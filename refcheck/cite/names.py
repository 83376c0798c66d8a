"""Reading the names part of a citation: persons, group authors, titles standing for authors.

What is *not* a name (a year in prose, a place, a month, a quoted phrase) is refused by the
shape of the words, not by a list of known false positives.
"""

from __future__ import annotations

from dataclasses import dataclass

from refcheck.cite.grammar import (
    CONNECTOR_SPLIT,
    ET_AL_END,
    FUNCTION_WORDS,
    GROUP_WORDS,
    NOT_AUTHORS,
    PARTICLES,
    QUOTE_PAIRS,
)
from refcheck.normalise.scripts import has_cyrillic

# the tie bars of ALA-LC romanisation (Izvestii͡a) join two letters of one name
_NAME_PUNCT = str.maketrans("", "", ".-'’\u0361\u0360")
_ELLIPSIS = ("...", "…")


@dataclass(frozen=True, slots=True)
class Names:
    authors: tuple[str, ...]
    et_al: bool = False
    et_al_form: str = ""
    connector: str = ""
    abbreviation: str = ""
    by_title: bool = False


def is_name_token(tok: str) -> bool:
    """A capitalised word of letters (dots, hyphens and apostrophes allowed inside)."""
    core = tok.rstrip(".,'’")
    return bool(core) and core[0].isupper() and core.translate(_NAME_PUNCT).isalpha()


def person_like(part: str) -> bool:
    toks = part.split()
    if not 1 <= len(toks) <= 4:
        return False
    for i, t in enumerate(toks):
        if t.lower() in PARTICLES and i < len(toks) - 1:
            continue
        if not is_name_token(t):
            return False
    last = toks[-1].rstrip(".")
    return len(last) > 1  # a bare initial is not a surname


def group_like(part: str) -> bool:
    toks = part.split()
    if not 1 <= len(toks) <= 16 or not is_name_token(toks[0]):
        return False
    named = all(t in FUNCTION_WORDS or t == "&" or is_name_token(t) for t in toks)
    return named and toks[-1] not in FUNCTION_WORDS


def has_group_word(part: str) -> bool:
    return any(w.lower().strip(".,") in GROUP_WORDS for w in part.split())


def _not_author(part: str) -> bool:
    """A month, event or document word ends the name: "the Second Karabakh War"."""
    words = part.split()
    return bool(words) and words[-1].lower().rstrip(".,") in NOT_AUTHORS


def parse_title(s: str) -> Names | None:
    """A title standing for the author: ``“Banking Law Review: 2012,”`` or ``Положение...``."""
    s = s.strip().rstrip(",")
    if len(s) < 3 or len(s) > 200:
        return None
    close = QUOTE_PAIRS.get(s[0])
    if close is not None and s.endswith(close) and len(s) > 2:
        inner = s[1:-1].strip().rstrip(",.").strip()
        if inner and (inner[0].isupper() or inner[0].isdigit()) and len(inner.split()) <= 20:
            return Names((inner,), by_title=True)
        return None
    if s.endswith(_ELLIPSIS):
        inner = s.rstrip(".…").strip()
        if inner and inner[0].isupper() and len(inner.split()) <= 12:
            return Names((inner,), by_title=True)
    return None


def parse_names(s: str, *, comma_list: bool = False) -> Names | None:
    """Split the names before the year; ``None`` when they do not look like authors.

    ``comma_list`` accepts surnames separated by commas alone (``Орлов, Зайцев``), as GOST
    R 7.0.5 writes them; elsewhere a list needs ``&``/``and``/``ve``/``və``/``и`` or et al.
    """
    s = s.strip()
    if not s or len(s) > 200:
        return None
    if s[0] in QUOTE_PAIRS or s.endswith(("...", "…")):
        return parse_title(s)
    abbreviation = ""
    if s.endswith("]") and "[" in s:
        cut = s.rfind("[")
        abbreviation = s[cut + 1 : -1].strip()
        s = s[:cut].rstrip(" ,")
    et_al_form = ""
    em = ET_AL_END.search(s) if len(s) > 3 else None
    if em is not None:
        et_al_form = em.group(1)
        s = s[: em.start()].rstrip(" ,")
    if not s:
        return None
    connector = ""
    parts: list[str] | None = None
    grouped = has_group_word(s)
    if "&" in s and not grouped:
        left, _, right = s.rpartition("&")
        connector = "&"
        parts = [p.strip() for p in left.split(",") if p.strip()] + [right.strip()]
    elif not grouped:
        cm = CONNECTOR_SPLIT.search(s)
        if cm is not None:
            left, right = s[: cm.start()], s[cm.end() :]
            cand = [p.strip() for p in left.split(",") if p.strip()] + [right.strip()]
            if all(person_like(p) for p in cand):
                connector = cm.group(1)
                parts = cand
    if parts is None and "," in s and (et_al_form or comma_list or has_cyrillic(s)):
        # "A, B, C, et al., 2018"; GOST's "Орлов, Зайцев, 2019" and Harvard's "Daniel,
        # Ganenkov 2009": names separated by commas alone, none of them an institution
        cand = [p.strip() for p in s.split(",") if p.strip()]
        short = all(len(p.split()) <= 3 and not has_group_word(p) for p in cand)
        if all(person_like(p) for p in cand) and (et_al_form or (short and len(cand) <= 6)):
            parts = cand
        elif et_al_form:
            return None
    if parts is None:
        if "," in s:
            return None  # "PhD Dissertation, Sakarya University, 2024": no author list
        if not (person_like(s) or group_like(s)):
            return None
        parts = [s]
    elif not all(person_like(p) or group_like(p) for p in parts):
        return None
    if len(parts) == 1 and (parts[0].lower().rstrip(".") in NOT_AUTHORS or _not_author(parts[0])):
        return None
    return Names(tuple(parts), bool(et_al_form), et_al_form, connector, abbreviation)
