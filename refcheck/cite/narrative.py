"""Narrative citations: ``Friedberg (1993)``, ``Yılmaz vd. (2020)``, ``Иванов и Петров (2017)``.

The year part in parentheses (or GOST's square brackets) is read first, then the words before it
are walked back to the names: persons keep their surname with its particles, group authors keep
their whole run, sentence words and lower-case words in front are dropped. Possessives and
Turkish case endings after an apostrophe (``Zakaria's``, ``Kaya'nın``) are not part of the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from refcheck.cite.grammar import (
    CLOSE_QUOTES,
    CONNECTORS,
    ET_AL_BEFORE,
    FUNCTION_WORDS,
    GROUP_WORDS,
    NOT_AUTHORS,
    OPEN_QUOTES,
    PARTICLES,
    POSTPOSITIONS,
    SENTENCE_WORDS,
    WORK_NOUNS,
    YEAR,
)
from refcheck.cite.items import parse_tail
from refcheck.cite.names import Names, is_name_token
from refcheck.model import Citation, Span

_WORD = re.compile(r"\S+")
# "Zakaria's", "Zakaria’", "Kaya'nın", "Demir’e": a possessive or case ending after an apostrophe
_SUFFIX = re.compile(r"['’](?:s|[a-zçğıöşüə]{1,5})?$")
_CLOSE = {"(": ")", "[": "]"}
_ABBR_BEFORE = re.compile(r"\(([^\W\d_][^\W\d_&\-]{1,11})\)[ \t]?$")


@dataclass(frozen=True, slots=True)
class Run:
    start: int  # offset in text where the citation text starts
    authors: tuple[str, ...]
    et_al_form: str
    connector: str


def narrative(
    text: str,
    *,
    open_pos: int,
    year_base: int,
    year_part: str,
    group: int,
    body_start: int,
    abbreviation: str | None,
    first_index: int = 0,
) -> list[Citation]:
    """``Name (year…)``: read the year part, then walk back over the words before ``(``."""
    ym = YEAR.match(year_part)
    if ym is None:
        return []
    tail = parse_tail(year_part, ym, semicolons=True)  # "Author (2017; 2013)"
    if tail is None:
        return []
    closer = _CLOSE.get(text[open_pos], ")")
    close = year_base + tail.end
    rest = text[close : close + 3]
    if not rest.lstrip().startswith(closer):
        return []
    close = text.index(closer, close) + 1
    run = names_before(text, open_pos, body_start)
    if run is None:
        # "Birleşmiş Milletler Çevre Programı’nın (UNEP) (2020: 4)": the abbreviation before
        m = _ABBR_BEFORE.search(text, max(body_start, open_pos - 24), open_pos)
        if m is None or not m.group(1).isupper():
            return []
        run = Run(m.start(), (m.group(1),), "", "")
    out: list[Citation] = []
    for k, y in enumerate(tail.years):
        last = k == len(tail.years) - 1
        span = Span(run.start, close)
        out.append(
            Citation(
                index=first_index + k,
                text=span.slice(text),
                span=span,
                kind="narrative",
                authors=run.authors,
                year=y.year,
                year_suffix=y.suffix,
                year_text=y.text,
                no_date=y.no_date,
                in_press=y.in_press,
                original_year=y.original,
                et_al=bool(run.et_al_form),
                et_al_form=run.et_al_form,
                connector=run.connector,
                abbreviation=abbreviation or "",
                locator=tail.locator if last else "",
                locator_style=tail.locator_style if last else "",
                group=group,
                group_position=k,
            )
        )
    return out


def _tokens_before(text: str, pos: int, body_start: int) -> list[tuple[int, int]]:
    lo = max(body_start, pos - 240)
    window = text[lo:pos]
    if window and not (window[-1].isspace() or window[-1].isalpha() or window[-1] in "'’."):
        return []
    nl = window.rfind("\n\n")
    if nl != -1:
        lo += nl + 2
        window = window[nl + 2 :]
    toks = [(lo + m.start(), lo + m.end()) for m in _WORD.finditer(window)]
    # "[Tağıyev (2006): 612]", "(see Dmitriev (1940))": the bracket opened before the names
    # ends the run; the names start after it
    for k in range(len(toks) - 1, -1, -1):
        a, b = toks[k]
        if text[a] in "[(" and b - a > 1:
            return [(a + 1, b), *toks[k + 1 :]]
    return toks


def _strip_suffix(word: str) -> str:
    m = _SUFFIX.search(word)
    if m is not None and m.start() >= 2 and word[:1].isupper():
        return word[: m.start()]
    return word


def _et_al_before(words: list[str], i: int) -> tuple[str, int]:
    """An et-al form ending at word ``i`` ("et al.", "vd.", "ve arkadaşları", "и др."): the form
    and how many words it takes, or ``("", 0)``."""
    joined = " ".join(words[max(0, i - 2) : i + 1])
    m = ET_AL_BEFORE.search(joined)
    if m is None:
        return "", 0
    form = m.group(1)
    return form, len(form.split())


def names_before(text: str, pos: int, body_start: int) -> Run | None:
    toks = _tokens_before(text, pos, body_start)
    if not toks:
        return None
    i = len(toks) - 1
    words = [text[a:b] for a, b in toks]
    if i > 0 and words[i].lower() in POSTPOSITIONS:
        i -= 1  # "Rai vd.’ye göre (2014)", "Kayacı tarafından (2019)"
    et_al_form, n = _et_al_before(words, i)
    if n:
        i -= n
        if i > 0 and words[i] in CONNECTORS:
            i -= 1  # "Rai ve vd.’nin (2014)": a connector left before the et-al form
        if i < 0:
            return None
        last = words[i].rstrip(",")
    else:
        last = _strip_suffix(words[i])
        if last.lower() in {"et.al.", "et.al"}:
            return None
        if last.lower() in WORK_NOUNS and i > 0:
            # "Musaev’s dictionary (2018)", "Kaya'nın çalışması (2019)": the work of a name
            owner = _strip_suffix(words[i - 1])
            if owner != words[i - 1] and is_name_token(owner):
                i -= 1
                last = owner
    if last.endswith(".") and len(last.rstrip(".")) <= 1:
        return None  # "Turan, A. (2025)": an initial, i.e. a reference, not a citation
    if not is_name_token(last) or last.rstrip(".").lower() in NOT_AUTHORS:
        return None
    # Collect the run of name words before it (right to left).
    run: list[int] = [i]
    seen_connector = False
    j = i - 1
    while j >= 0 and len(run) < 16:
        w = words[j]
        if w.endswith((".", "!", "?", ":", ";", '"', "”", ")")) and w not in {"St.", "Dr."}:
            break
        core = w.rstrip(",")
        if w.endswith(",") and not seen_connector:
            break
        if core in CONNECTORS:
            seen_connector = True
        elif core in FUNCTION_WORDS or core.lower() in PARTICLES:
            pass
        elif not is_name_token(core):
            break
        run.append(j)
        j -= 1
    run.reverse()
    if j >= 0 and words[j][:1] in OPEN_QUOTES:
        between = text[toks[j][0] + 1 : pos]
        if not any(q in between for q in CLOSE_QUOTES):
            return None  # inside a quoted title: 'Ripe for Rivalry (1993)'
    # drop leading lower-case words, connectors and sentence words ("the President of ...",
    # "As Anadolu Agency"), but keep a particle that starts a surname ("de Haan")
    while run:
        w = words[run[0]].rstrip(",")
        if is_name_token(w) and w not in SENTENCE_WORDS:
            break
        if w in PARTICLES and _particle_chain_ends_in_name(words, run):
            break
        run.pop(0)
    if not run:
        return None
    cores = [words[k].rstrip(",") for k in run]
    cores[-1] = last
    chain = len(cores) - 1  # the particles right before the last word belong to the surname
    while chain > 0 and cores[chain - 1] in PARTICLES:
        chain -= 1
    is_group = any(
        c in FUNCTION_WORDS and c not in CONNECTORS and c not in PARTICLES for c in cores[:chain]
    ) or any(c.lower().rstrip(".") in GROUP_WORDS for c in cores)
    if len(cores) == 1 and cores[0].isupper() and len(cores[0]) > 1:
        is_group = True
    if is_group:
        start = toks[run[0]][0]
        name = text[start : toks[i][0] + len(last)]
        return Run(start, (name,), et_al_form, "")
    # Persons: split on connectors and commas, keep each segment's surname (with particles).
    segments: list[list[int]] = [[]]
    connector = ""
    for k, c in zip(run, cores, strict=True):
        if c in CONNECTORS:
            connector = c
            segments.append([])
            continue
        segments[-1].append(k)
        if words[k].endswith(",") and k != run[-1]:
            segments.append([])
    segments = [s for s in segments if s]
    if not segments:
        return None
    authors: list[str] = []
    first_start = -1
    for seg in segments:
        last_k = seg[-1]
        s_start = toks[last_k][0]
        m = len(seg) - 2
        while m >= 0 and words[seg[m]].lower() in PARTICLES:
            s_start = toks[seg[m]][0]
            m -= 1
        word = last if last_k == i else _strip_suffix(words[last_k].rstrip(","))
        surname = text[s_start : toks[last_k][0] + len(word)]
        if len(surname.rstrip(".")) <= 1:
            return None
        if first_start < 0:
            first_start = s_start
        authors.append(surname)
    if len(authors) > 1 and not connector:
        return None
    return Run(first_start, tuple(authors), et_al_form, connector)


def _particle_chain_ends_in_name(words: list[str], run: list[int]) -> bool:
    """``van der Berg``: the particles at the start of ``run`` are followed by a surname."""
    for k in run:
        w = words[k].rstrip(",")
        if w not in PARTICLES:
            return is_name_token(w)
    return False


def is_narrative_abbreviation(text: str, open_pos: int, body_start: int, names: Names) -> bool:
    """``World Health Organization (WHO, 2020)``: the abbreviation spells the preceding name."""
    if len(names.authors) != 1 or names.et_al:
        return False
    abbr = names.authors[0]
    if not (abbr.isupper() and 2 <= len(abbr) <= 10 and abbr.isalpha()):
        return False
    run = names_before(text, open_pos, body_start)
    if run is None or len(run.authors) != 1:
        return False
    initials = "".join(w[0] for w in run.authors[0].split() if w[:1].isupper())
    return initials.upper().endswith(abbr.upper()) and len(initials) >= len(abbr)
