"""The cite stage: find every in-text citation in the body, with its exact span.

Two shapes are recognised, as APA describes them (and as real manuscripts bend them):

* parenthetical ``(Rose, 1998, p. 146)``, ``(Rose, 1998: 146)``, ``(A, 2020; B & C, 2021)``,
  ``(e.g., World Health Organization [WHO], 2020)``, ``(Wellisch, 1995, as cited in Bell, 1998)``;
* narrative ``Friedberg (1993)``, ``Carl von Clausewitz (1832)``, ``Zakaria's (1999)``,
  ``Smith and Jones (2020: 4)``, ``World Health Organization (WHO, 2020)``.

Everything is found with a handful of small, linear regular expressions (a parenthesis scan with a
negated character class, then anchored or bounded patterns on short pieces) followed by plain
Python: manuscript text is untrusted and may be large, so no pattern nests quantifiers over the
same characters. What is *not* a citation (years in prose, ranges, dates, acronyms in parentheses,
quoted titles) is rejected by the shape of the names, not by a list of known false positives.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from refcheck.model import Citation, Document, Span

__all__ = ["extract_citations", "extract_citations_from_text"]

# One parenthesis with no parenthesis inside; the negated class keeps the scan linear.
_PAREN = re.compile(r"\(([^()]{1,400})\)")
# Cheap pre-filter: does the parenthesis contain something year-like at all?
_HAS_DATE = re.compile(r"(?:1[5-9]|20)\d\d|n\.\s?d\.|in\s+press", re.IGNORECASE)
# A year element: 2020, 2020b, 1942/2012, n.d., n.d.-a, in press, in press-b. Ranges
# ("1994–2020") and longer numbers are refused by the look-arounds.
_YEAR = re.compile(
    r"(?<![\w/–—-])(?:(?P<orig>(?:1[5-9]|20)\d\d)/)?(?P<year>(?:1[5-9]|20)\d\d)(?P<sfx>[a-z])?"
    r"(?!\w)(?!\s?[–—-]\s?\d)"
    r"|(?<!\w)(?P<nd>n\.\s?d\.)(?:-(?P<ndsfx>[a-z])(?!\w))?"
    r"|(?<!\w)(?P<ip>in\s+press)(?:-(?P<ipsfx>[a-z])(?!\w))?",
)
_PREFIX = re.compile(
    r"(?:e\.\s?g\.,?|i\.\s?e\.,?|see\s+also,?|see,?|cf\.,?|compare|for\s+example,?|"
    r"for\s+a\s+review,\s+see|bkz\.,?|bk\.,?|см\.,?|ср\.,?)\s+",
    re.IGNORECASE,
)
_PREFIX_START = frozenset("eEiIsScCfFbBсС")
_AS_CITED = re.compile(r",?\s*as\s+cited\s+in\s+", re.IGNORECASE)
_ET_AL = re.compile(r"(?:,\s*|\s+)(et\.?\s{0,2}al\b\.?)$", re.IGNORECASE)
_COLON_LOC = re.compile(r"\s*:\s*(\d+(?:\s?[-–—]\s?\d+)?(?:\s?,\s?\d+(?:\s?[-–—]\s?\d+)?)*)\s*$")
_KW_LOC = re.compile(
    r"\s*,\s*(pp?\.|paras?\.|¶|chapter|chap\.|ch\.|section|sec\.|§|slide|table|figure|fig\.|"
    r"line|lines|l\.|ll\.)\s*(\S[^;]*)$",
    re.IGNORECASE,
)
_NEXT_YEAR = re.compile(r"\s*,\s*")
_QUOTE_BEFORE = re.compile(r"[\"”»][\s.,;:!?…]{0,4}$")
_WORD = re.compile(r"\S+")
_NAME_PUNCT = str.maketrans("", "", ".-'’")
_OPEN_QUOTES = frozenset("'\"“‘«„")
_CLOSE_QUOTES = ("'", '"', "”", "’", "»")


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Lower-case words allowed inside a group author's name ("Ministry of Foreign Affairs of the ...").
_FUNCTION_WORDS = _words(
    "of the for to on in and at by de des du la le el y und für der die das ve və ile и по при для"
)
# Name particles kept with the surname ("von Clausewitz", "de Haan", "van der Berg").
_PARTICLES = _words("von van der den de da di du le la del della des ten ter al el bin ibn ben zu")
# Words that make a run of capitalised words a group author even without a function word.
_GROUP_WORDS = _words(
    "agency ministry organization organisation association institute institution university "
    "republic council presidency administration directorate office department bank fund centre "
    "center committee commission service services news times post press network television tv "
    "radio gazette newspaper journal review foundation corporation company group union "
    "federation parliament assembly court government bureau authority society academy library "
    "museum program programme forum alliance party"
)
# Capitalised words that open a sentence rather than a name ("As Anadolu Agency (2020) ...").
_SENTENCE_WORDS = _words(
    "As In According While Since For And But However Moreover Also Thus Hence Both Even When "
    "Then So Yet Still Although Because If Unlike Like Following Per By From With Whereas "
    "Indeed Similarly Likewise Here There This That These Those Recently Later Earlier Finally "
    "Notably Only Unlike After Before During Under Over Against Among Between Through Within "
    "Without"
)
# Capitalised words that end a run but are not authors: months, seasons, events, documents.
_NOT_AUTHORS = _words(
    "january february march april may june july august september october november december jan "
    "feb mar apr jun jul aug sep sept oct nov dec spring summer autumn fall winter monday "
    "tuesday wednesday thursday friday saturday sunday war wars treaty agreement accord accords "
    "protocol act law declaration convention conference summit revolution crisis election "
    "elections census constitution era period century decade year years cup games olympics "
    "pandemic since before after until during from circa ca in on at by between year figure "
    "table chapter section page pages appendix see also ibid document documents strategy "
    "doctrine concept resolution statement speech interview survey"
)


@dataclass(frozen=True, slots=True)
class _Year:
    start: int
    end: int
    text: str
    year: int | None
    suffix: str
    no_date: bool
    in_press: bool
    original: int | None


@dataclass(frozen=True, slots=True)
class _Names:
    authors: tuple[str, ...]
    et_al: bool = False
    et_al_form: str = ""
    connector: str = ""
    abbreviation: str = ""


@dataclass(frozen=True, slots=True)
class _Tail:
    years: tuple[_Year, ...]
    locator: str
    locator_style: str
    end: int  # offset (in the item string) where the citation text ends


def extract_citations(doc: Document) -> tuple[Citation, ...]:
    """Every citation in ``doc.body`` (never the reference list), ordered by position."""
    if doc.format == "latex":  # hook: \cite keys are read by refcheck.latex
        from refcheck.latex import extract_latex_citations

        return extract_latex_citations(doc)
    body = doc.body
    if len(body) == 0 and doc.heading is None and doc.references_region is None:
        body = Span(0, len(doc.text))  # a bare text without a split: search all of it
    return _extract(doc.text, body.start, body.end)


def extract_citations_from_text(text: str) -> tuple[Citation, ...]:
    """Convenience for editors' scripts and tests: treat the whole string as body."""
    return _extract(text, 0, len(text))


def _extract(text: str, start: int, end: int) -> tuple[Citation, ...]:
    found: list[Citation] = []
    group = 0
    for m in _PAREN.finditer(text, start, end):
        content = m.group(1)
        if not _HAS_DATE.search(content):
            continue
        if "\n\n" in content or content.count("\n") > 2:
            continue
        group += 1
        found.extend(
            _parse_parenthesis(
                text,
                open_pos=m.start(),
                base=m.start(1),
                content=content,
                group=group,
                body_start=start,
                first_index=len(found),
            )
        )
    # Narrative names never reach back over an earlier parenthesis, so spans come out in order
    # and indexes are assigned on the way; re-sort only if that ever fails.
    if any(a.span.start > b.span.start for a, b in itertools.pairwise(found)):
        found.sort(key=lambda c: (c.span.start, c.group_position))
        found = [_with_index(c, i) for i, c in enumerate(found)]
    return tuple(found)


def _with_index(c: Citation, i: int) -> Citation:
    return c if c.index == i else replace(c, index=i)


# --------------------------------------------------------------------------- parenthetical


def _split_items(content: str) -> list[tuple[int, str]]:
    """Semicolon-separated items with their offsets in ``content``, whitespace trimmed."""
    items: list[tuple[int, str]] = []
    pos = 0
    for part in content.split(";"):
        stripped = part.strip()
        if stripped:
            items.append((pos + (len(part) - len(part.lstrip())), stripped))
        pos += len(part) + 1
    return items


def _parse_parenthesis(
    text: str,
    *,
    open_pos: int,
    base: int,
    content: str,
    group: int,
    body_start: int,
    first_index: int = 0,
) -> list[Citation]:
    items = _split_items(content)
    if not items:
        return []
    after_quote = bool(_QUOTE_BEFORE.search(text, max(body_start, open_pos - 8), open_pos))
    # Narrative year part: "Friedberg (1993)", "Rose (1998, p. 146)", "WHO (WHO, 2020)".
    first_off, first = items[0]
    ym = _YEAR.match(first)
    if ym is not None:
        if len(items) > 1:
            return []
        return _narrative(
            text,
            open_pos=open_pos,
            year_base=base + first_off,
            year_part=first,
            group=group,
            body_start=body_start,
            abbreviation=None,
            first_index=first_index,
        )
    out: list[Citation] = []
    position = 0
    for off, item in items:
        pieces = _parse_item(item)
        if pieces is None:
            continue
        prefix, names_start, names, tail, secondary = pieces
        if len(items) == 1 and _is_narrative_abbreviation(text, open_pos, body_start, names):
            ystart = tail.years[0].start
            return _narrative(
                text,
                open_pos=open_pos,
                year_base=base + off + ystart,
                year_part=item[ystart:],
                group=group,
                body_start=body_start,
                abbreviation=names.authors[0],
                first_index=first_index,
            )
        item_base = base + off
        for k, y in enumerate(tail.years):
            last = k == len(tail.years) - 1
            end = tail.end if last else y.end
            span = Span(item_base + names_start, item_base + end)
            out.append(
                Citation(
                    index=first_index + len(out),
                    text=span.slice(text),
                    span=span,
                    kind="parenthetical",
                    authors=names.authors,
                    year=y.year,
                    year_suffix=y.suffix,
                    year_text=y.text,
                    no_date=y.no_date,
                    in_press=y.in_press,
                    original_year=y.original,
                    et_al=names.et_al,
                    et_al_form=names.et_al_form,
                    connector=names.connector,
                    abbreviation=names.abbreviation,
                    locator=tail.locator if last else "",
                    locator_style=tail.locator_style if last else "",
                    prefix=prefix if k == 0 else "",
                    group=group,
                    group_position=position,
                    secondary=secondary,
                    after_quote=after_quote,
                )
            )
            position += 1
    return out


def _parse_item(item: str) -> tuple[str, int, _Names, _Tail, bool] | None:
    """``e.g., Rose & Lee, 1998, p. 4`` → prefix, where the names start, names, years/locator."""
    secondary = False
    start = 0
    cited = _AS_CITED.search(item) if "ited" in item or "ITED" in item else None
    if cited is not None:
        secondary = True
        start = cited.end()
    prefix = ""
    pm = _PREFIX.match(item, start) if item[start : start + 1] in _PREFIX_START else None
    if pm is not None:
        prefix = pm.group(0).strip()
        start = pm.end()
    ym = None
    for cand in _YEAR.finditer(item, start):
        before = item[start : cand.start()]
        if before.strip(" ,") and (before.endswith((" ", ",", "\n"))):
            ym = cand
            break
    if ym is None:
        return None
    names_text = item[start : ym.start()].rstrip(" ,\n")
    names = _parse_names(names_text)
    if names is None:
        return None
    tail = _parse_tail(item, ym)
    if tail is None:
        return None
    return prefix, start, names, tail, secondary


def _year_of(m: re.Match[str]) -> _Year:
    if m.group("year"):
        orig = m.group("orig")
        return _Year(
            m.start(),
            m.end(),
            m.group(0),
            int(m.group("year")),
            m.group("sfx") or "",
            False,
            False,
            int(orig) if orig else None,
        )
    if m.group("nd"):
        return _Year(
            m.start(), m.end(), m.group(0), None, m.group("ndsfx") or "", True, False, None
        )
    return _Year(m.start(), m.end(), m.group(0), None, m.group("ipsfx") or "", False, True, None)


def _parse_tail(item: str, first: re.Match[str]) -> _Tail | None:
    """The years after the names (``2000, 2016``) and the locator, if the rest is one."""
    years = [_year_of(first)]
    pos = first.end()
    while True:
        sep = _NEXT_YEAR.match(item, pos)
        if sep is None:
            break
        nxt = _YEAR.match(item, sep.end())
        if nxt is None:
            break
        years.append(_year_of(nxt))
        pos = nxt.end()
    rest = item[pos:]
    if not rest.strip():
        return _Tail(tuple(years), "", "", pos)
    cm = _COLON_LOC.match(rest)
    if cm is not None:
        return _Tail(tuple(years), cm.group(1), "colon", pos + cm.end(1))
    km = _KW_LOC.match(rest)
    if km is not None:
        loc = f"{km.group(1)} {km.group(2).strip()}".strip()
        kw = km.group(1).lower()
        style = kw
        return _Tail(
            tuple(years),
            loc,
            style,
            pos + km.end(2) - (len(km.group(2)) - len(km.group(2).rstrip())),
        )
    if rest.lstrip().startswith(","):
        # A note such as ", emphasis added": the citation ends at the year.
        return _Tail(tuple(years), "", "", pos)
    return None


def _is_name_token(tok: str) -> bool:
    core = tok.rstrip(".,'’")
    return bool(core) and core[0].isupper() and core.translate(_NAME_PUNCT).isalpha()


def _parse_names(s: str) -> _Names | None:
    """Split the names before the year; ``None`` when they do not look like authors."""
    s = s.strip()
    if not s or len(s) > 200:
        return None
    abbreviation = ""
    if s.endswith("]") and "[" in s:
        cut = s.rfind("[")
        abbreviation = s[cut + 1 : -1].strip()
        s = s[:cut].rstrip(" ,")
    et_al_form = ""
    em = _ET_AL.search(s) if ("al" in s or "AL" in s) else None
    if em is not None:
        et_al_form = em.group(1)
        s = s[: em.start()].rstrip(" ,")
    if not s:
        return None
    connector = ""
    parts: list[str] | None = None
    if "&" in s:
        left, _, right = s.rpartition("&")
        connector = "&"
        parts = [p.strip() for p in left.split(",") if p.strip()] + [right.strip()]
    elif " and " in s:
        left, _, right = s.rpartition(" and ")
        cand = [p.strip() for p in left.split(",") if p.strip()] + [right.strip()]
        if all(_person_like(p) for p in cand):
            connector = "and"
            parts = cand
    if parts is None and et_al_form and "," in s:
        parts = [p.strip() for p in s.split(",") if p.strip()]  # "A, B, C, et al., 2018"
        if not all(_person_like(p) for p in parts):
            return None
    if parts is None:
        if "," in s:
            return None  # "PhD Dissertation, Sakarya University, 2024": no author list
        if not (_person_like(s) or _group_like(s)):
            return None
        parts = [s]
    elif not all(_person_like(p) or _group_like(p) for p in parts):
        return None
    if len(parts) == 1 and parts[0].lower().rstrip(".") in _NOT_AUTHORS:
        return None
    return _Names(tuple(parts), bool(et_al_form), et_al_form, connector, abbreviation)


def _person_like(part: str) -> bool:
    toks = part.split()
    if not 1 <= len(toks) <= 4:
        return False
    for i, t in enumerate(toks):
        if t.lower() in _PARTICLES and i < len(toks) - 1:
            continue
        if not _is_name_token(t):
            return False
    last = toks[-1].rstrip(".")
    return len(last) > 1  # a bare initial is not a surname


def _group_like(part: str) -> bool:
    toks = part.split()
    if not 1 <= len(toks) <= 16 or not _is_name_token(toks[0]):
        return False
    named = all(t in _FUNCTION_WORDS or t == "&" or _is_name_token(t) for t in toks)
    return named and toks[-1] not in _FUNCTION_WORDS


# --------------------------------------------------------------------------- narrative


@dataclass(frozen=True, slots=True)
class _Run:
    start: int  # offset in text where the citation text starts
    authors: tuple[str, ...]
    et_al_form: str
    connector: str


def _narrative(
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
    ym = _YEAR.match(year_part)
    if ym is None:
        return []
    tail = _parse_tail(year_part, ym)
    if tail is None:
        return []
    close = year_base + tail.end
    rest = text[close : close + 3]
    if not rest.lstrip().startswith(")"):
        return []
    close = text.index(")", close) + 1
    run = _names_before(text, open_pos, body_start)
    if run is None:
        return []
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
    return [(lo + m.start(), lo + m.end()) for m in _WORD.finditer(window)]


def _names_before(text: str, pos: int, body_start: int) -> _Run | None:
    toks = _tokens_before(text, pos, body_start)
    if not toks:
        return None
    i = len(toks) - 1
    words = [text[a:b] for a, b in toks]
    last = words[i]
    # possessive "Zakaria's (1999)"
    for poss in ("'s", "’s", "'", "’"):
        if last.endswith(poss) and len(last) > len(poss) + 1:
            last = last[: -len(poss)]
            break
    et_al_form = ""
    if (
        last.lower().rstrip(",") in {"al.", "al", "al.,"}
        and i > 0
        and words[i - 1].lower()
        in {
            "et",
            "et.",
        }
    ):
        et_al_form = text[toks[i - 1][0] : toks[i][0] + len(last)].rstrip(",")
        i -= 1
        if i == 0:
            return None
        i -= 1
        last = words[i].rstrip(",")
    elif last.lower() in {"et.al.", "et.al"}:
        return None
    if last.endswith(".") and len(last.rstrip(".")) <= 1:
        return None  # "Turan, A. (2025)": an initial, i.e. a reference, not a citation
    if not _is_name_token(last) or last.rstrip(".").lower() in _NOT_AUTHORS:
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
        if core in {"and", "&"}:
            seen_connector = True
        elif core in _FUNCTION_WORDS or core.lower() in _PARTICLES:
            pass
        elif not _is_name_token(core):
            break
        run.append(j)
        j -= 1
    run.reverse()
    if j >= 0 and words[j][:1] in _OPEN_QUOTES:
        between = text[toks[j][0] + 1 : pos]
        if not any(q in between for q in _CLOSE_QUOTES):
            return None  # inside a quoted title: 'Ripe for Rivalry (1993)'
    # drop leading lower-case words, connectors and sentence words ("the President of ...",
    # "As Anadolu Agency"), but keep a particle that starts a surname ("de Haan")
    while run:
        w = words[run[0]].rstrip(",")
        if _is_name_token(w) and w not in _SENTENCE_WORDS:
            break
        if w in _PARTICLES and _particle_chain_ends_in_name(words, run):
            break
        run.pop(0)
    if not run:
        return None
    cores = [words[k].rstrip(",") for k in run]
    cores[-1] = last
    chain = len(cores) - 1  # the particles right before the last word belong to the surname
    while chain > 0 and cores[chain - 1] in _PARTICLES:
        chain -= 1
    is_group = any(c in _FUNCTION_WORDS and c not in {"and", "&"} for c in cores[:chain]) or any(
        c.lower().rstrip(".") in _GROUP_WORDS for c in cores
    )
    if len(cores) == 1 and cores[0].isupper() and len(cores[0]) > 1:
        is_group = True
    if is_group:
        start = toks[run[0]][0]
        name = text[start : toks[i][0] + len(last)]
        return _Run(start, (name,), et_al_form, "")
    # Persons: split on connectors and commas, keep each segment's surname (with particles).
    segments: list[list[int]] = [[]]
    connector = ""
    for k, c in zip(run, cores, strict=True):
        if c in {"and", "&"}:
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
        while m >= 0 and words[seg[m]].lower() in _PARTICLES:
            s_start = toks[seg[m]][0]
            m -= 1
        end = toks[last_k][0] + (len(last) if last_k == i else len(words[last_k].rstrip(",")))
        surname = text[s_start:end]
        if len(surname.rstrip(".")) <= 1:
            return None
        if first_start < 0:
            first_start = s_start
        authors.append(surname)
    if len(authors) > 1 and not connector:
        return None
    return _Run(first_start, tuple(authors), et_al_form, connector)


def _particle_chain_ends_in_name(words: list[str], run: list[int]) -> bool:
    """``van der Berg``: the particles at the start of ``run`` are followed by a surname."""
    for k in run:
        w = words[k].rstrip(",")
        if w not in _PARTICLES:
            return _is_name_token(w)
    return False


def _is_narrative_abbreviation(text: str, open_pos: int, body_start: int, names: _Names) -> bool:
    """``World Health Organization (WHO, 2020)``: the abbreviation spells the preceding name."""
    if len(names.authors) != 1 or names.et_al:
        return False
    abbr = names.authors[0]
    if not (abbr.isupper() and 2 <= len(abbr) <= 10 and abbr.isalpha()):
        return False
    run = _names_before(text, open_pos, body_start)
    if run is None or len(run.authors) != 1:
        return False
    initials = "".join(w[0] for w in run.authors[0].split() if w[:1].isupper())
    return initials.upper().endswith(abbr.upper()) and len(initials) >= len(abbr)
