"""The cite stage: find every in-text citation in the body, with its exact span.

Shapes recognised, as APA describes them and as real manuscripts in English, Turkish,
Azerbaijani and Russian bend them (the words of each language are in ``refcheck.cite.grammar``):

* parenthetical ``(Rose, 1998, p. 146)``, ``(Rose, 1998: 146)``, ``(A, 2020; B & C, 2021)``,
  ``(e.g., World Health Organization [WHO], 2020)``, ``(Wellisch, 1995, as cited in Bell, 1998)``,
  ``(Yılmaz vd., 2020; Kaya ve Demir, 2019, s. 4)``, ``(Сидоров и др., 2015, с. 12)``, Harvard's
  ``(Rose 1998)``, remarks before the names ``(i.e., the signal fades, see Arslan 2016)``, titles
  for authors ``(“Banking Law Review: 2012,” 2013)``, chapters through their book
  ``(Lindqvist in: Moreau and Dahl, 2020)`` (see ``refcheck.cite.items``);
* GOST R 7.0.5 square brackets ``[Орлов, Зайцев, 2019в]``, ``[Иванов и др., 2015, с. 12]``,
  ``[Положение..., 2016]``, ``[б. г.]``;
* narrative ``Friedberg (1993)``, ``Carl von Clausewitz (1832)``, ``Zakaria's (1999)``,
  ``Smith and Jones (2020: 4)``, ``Иванов и Петров (2017)``, ``Author (2017; 2013)``,
  ``World Health Organization (WHO, 2020)`` (see ``refcheck.cite.narrative``);
* numbered ``[12]``, ``[3–5]``, ``[12, с. 5]``, only in a manuscript that cites by number (three or
  more such brackets, at least as many as author-date citations): ``kind="numbered"``.

Everything is found with a handful of small, linear regular expressions (a parenthesis scan with a
negated character class, then anchored or bounded patterns on short pieces) followed by plain
Python: manuscript text is untrusted and may be large, so no pattern nests quantifiers over the
same characters. What is *not* a citation (years in prose, ranges, dates, acronyms in parentheses,
quoted titles) is rejected by the shape of the names, not by a list of known false positives.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from refcheck.cite.bare import (
    ListedYears,
    bare_citations,
    keyed_brackets,
    listed_parentheses,
    year_only_citations,
)
from refcheck.cite.grammar import (
    ALSO_SPLIT,
    AND_SPLIT,
    DAYS,
    HAS_DATE,
    IBID,
    QUOTE_PAIRS,
    VOLUME_PAREN,
    WEB_KEY,
    WEB_KEYS,
    YEAR,
)
from refcheck.cite.items import Item, is_year_only, parse_item, parse_tail
from refcheck.cite.narrative import is_narrative_abbreviation, narrative
from refcheck.labels import web_source_key
from refcheck.model import Citation, Document, Span

__all__ = ["extract_citations", "extract_citations_from_text"]

# One parenthesis (or square bracket) with none inside; the negated class keeps the scan linear.
_PAREN = re.compile(
    r"\(([^()]{1,400})\(([^()]{0,100})\)([^()]{0,400})\)"  # one parenthesis inside: (110)
    r"|\(([^()]{1,400})\)"
    # GOST brackets, a volume's number after the year allowed: "[Грамматика 1980(2): 181]"
    r"|\[([^\[\]()\n]{1,400}(?:" + VOLUME_PAREN + r"[^\[\]()\n]{0,200})?)\]"
)
_QUOTE_BEFORE = re.compile(r"[\"”»][\s.,;:!?…]{0,4}$")
# [12], [3–5], [1, 4; 7], [12, с. 5], [12, p. 5]: a manuscript that cites by number
_NUMBERS = re.compile(
    r"\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?(?:\s*[,;]\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?)*"
)
_NUMBER_LOC = re.compile(r"\s*[,:]\s*((pp?\.|ss?\.|сс?\.|стр\.)\s*\d+(?:\s*[-–—]\s*\d+)?)\s*$")
_NUMBER_PART = re.compile(r"(\d{1,3})(?:\s*[-–—]\s*(\d{1,3}))?")
_MIN_NUMBERED = 3  # fewer numbered brackets are footnote marks or intervals, not a style
_MAX_RANGE = 50


def extract_citations(doc: Document) -> tuple[Citation, ...]:
    """Every citation in ``doc.body`` (never the reference list), ordered by position."""
    if doc.format == "latex":  # hook: \cite keys are read by refcheck.latex
        from refcheck.latex import extract_latex_citations

        return extract_latex_citations(doc)
    body = doc.body
    if len(body) == 0 and doc.heading is None and doc.references_region is None:
        body = Span(0, len(doc.text))  # a bare text without a split: search all of it
    orphans: list[tuple[int, int, str]] = []
    text = _plain_spaces(doc.text)
    found = _extract(text, body.start, body.end, orphans)
    bare = year_only_citations(text, body.start, orphans, doc.references)
    listed = ListedYears(doc.references)  # the list's authors and years, read once
    bare += bare_citations(
        text, body.start, body.end, doc.references, [c.span for c in found], listed=listed
    )
    bare += listed_parentheses(
        text, body.start, body.end, doc.references, [c.span for c in (*found, *bare)], listed=listed
    )
    bare += keyed_brackets(
        text, body.start, body.end, doc.references, [c.span for c in (*found, *bare)]
    )
    if bare:
        group = max((c.group for c in found), default=0)
        bare = [replace(c, group=group + k) for k, c in enumerate(bare, 1)]
        merged = sorted([*found, *bare], key=lambda c: (c.span.start, c.group, c.group_position))
        found = tuple(_with_index(c, i) for i, c in enumerate(merged))
    return _as_written(found, doc.text, text)


def extract_citations_from_text(text: str) -> tuple[Citation, ...]:
    """Convenience for editors' scripts and tests: treat the whole string as body."""
    plain = _plain_spaces(text)
    return _as_written(_extract(plain, 0, len(plain)), text, plain)


# no-break, narrow and thin spaces, as typesetters put them in "[Тестелец 2001: 256]" and
# "(Smith, 2020, p. 5)": read as spaces, one character for one, so every offset stays true
_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u2009\u202f", " "))


def _plain_spaces(text: str) -> str:
    if text.isascii() or not any(ch in text for ch in "\u00a0\u2007\u2009\u202f"):
        return text
    return text.translate(_SPACES)


def _as_written(found: tuple[Citation, ...], text: str, plain: str) -> tuple[Citation, ...]:
    """Each citation's ``text`` as the manuscript has it (its no-break spaces kept)."""
    if plain is text:
        return found
    out = []
    for c in found:
        written = text[c.span.start : c.span.end]
        out.append(c if written == c.text else replace(c, text=written))
    return tuple(out)


def _extract(
    text: str, start: int, end: int, orphans: list[tuple[int, int, str]] | None = None
) -> tuple[Citation, ...]:
    """Parentheses and brackets in ``text[start:end]``; year-only ones with no name before
    them are added to ``orphans`` (open offset, year offset, year part) when it is given."""
    found: list[Citation] = []
    numbered: list[tuple[int, int, str]] = []  # (start, end, content) of [12]-like brackets
    group = 0
    for m in _PAREN.finditer(text, start, end):
        if m.group(1) is not None:
            # "(Salajbanov, Sumbatova 2022: 2-3 (110-111))": read with the inner parenthesis
            # blanked (offsets kept); if that is no citation, the inner one may be
            inner = m.group(2)
            masked = m.group(1) + " " * (len(inner) + 2) + m.group(3)
            tries = ((m.start(), m.start(1), masked), (m.start(2) - 1, m.start(2), inner))
            for open_pos, base, content in tries:
                if not _readable(content):
                    continue
                got = _parse_group(
                    text,
                    open_pos=open_pos,
                    base=base,
                    content=content,
                    group=group + 1,
                    body_start=start,
                    first_index=len(found),
                    orphans=orphans,
                )
                if got:
                    group += 1
                    found.extend(got)
                    break
            continue
        bracket = m.group(4) is None
        content = m.group(5) if bracket else m.group(4)
        if not bracket and text.startswith("]", m.end()) and _in_example_source(text, m.start()):
            continue
        inner = _cited_brackets(text, m) if not bracket and "[" in content else []
        if inner:
            # "(see [Kayne 1994], [Johannessen 1998])": GOST brackets inside a remark
            for im in inner:
                group += 1
                found.extend(
                    _parse_group(
                        text,
                        open_pos=im.start(),
                        base=im.start(1),
                        content=im[1],
                        group=group,
                        body_start=start,
                        first_index=len(found),
                        bracket=True,
                        orphans=orphans,
                    )
                )
            continue
        if bracket:
            if text.startswith("(", m.end()):
                continue  # a Markdown link [text](url)
            if _NUMBERS.fullmatch(content) or _numbered_with_locator(content):
                numbered.append((m.start(5), m.end(5), content))
                continue
        if not HAS_DATE.search(content):
            if "URL" in content and WEB_KEYS.fullmatch(content):
                group += 1
                found.extend(_web_keys(text, m.start(5 if bracket else 4), content, group))
                continue
            ibid = IBID.fullmatch(content.strip())
            if ibid is not None:
                group += 1
                found.append(_ibid(text, m.start(5 if bracket else 4), content, ibid, group))
            continue
        if not _readable(content):
            continue
        if (
            not bracket
            and content[:1] in QUOTE_PAIRS
            and text[max(start, m.start() - 8) : m.start()].rstrip()[-1:] in ("»", "”", '"')
        ):
            # «De muro Caukasea» («Кавказская стена», 1728): the title just named, translated
            # and dated in the prose; a title cited in an author's place follows no title
            continue
        group += 1
        found.extend(
            _parse_group(
                text,
                open_pos=m.start(),
                base=m.start(5 if bracket else 4),
                content=content,
                group=group,
                body_start=start,
                first_index=len(found),
                bracket=bracket,
                orphans=orphans,
            )
        )
    if len(numbered) >= _MIN_NUMBERED and len(numbered) >= len(found):
        found.extend(_numbered(text, numbered, group))
    # Narrative names never reach back over an earlier parenthesis, so spans come out in order
    # and indexes are assigned on the way; re-sort only if that ever fails.
    if any(a.span.start > b.span.start for a, b in itertools.pairwise(found)):
        found.sort(key=lambda c: (c.span.start, c.group_position))
    if any(c.index != i for i, c in enumerate(found)):
        found = [_with_index(c, i) for i, c in enumerate(found)]
    return tuple(found)


_INNER_BRACKET = re.compile(r"\[([^\[\]\n]{1,400})\]")
_LETTER = re.compile(r"[^\W\d_]")


def _cited_brackets(text: str, m: re.Match[str]) -> list[re.Match[str]]:
    """The square brackets inside a parenthesis that name a work and its year: not a reprint
    year ``(Freud, 1900 [1953])``, nor ``(World Health Organization [WHO], 2020)``."""
    return [
        im
        for im in _INNER_BRACKET.finditer(text, m.start(4), m.end(4))
        if HAS_DATE.search(im[1]) and _LETTER.search(im[1])
    ]


def _in_example_source(text: str, pos: int) -> bool:
    """``… [А. Солженицын. Один день Ивана Денисовича (1961)]``: a year in parentheses that
    closes a square bracket opened on the same line dates a quoted example (the source line of
    a corpus example), not a cited work: GOST brackets hold ``[Name year]``, never ``(year)``."""
    line_start = text.rfind("\n", 0, pos) + 1
    opened = text.rfind("[", line_start, pos)
    return opened >= 0 and text.find("]", opened, pos) < 0 and "." in text[opened:pos]


def _readable(content: str) -> bool:
    """Worth parsing: something year-like, and not a run of paragraphs."""
    return bool(HAS_DATE.search(content)) and "\n\n" not in content and content.count("\n") <= 2


def _with_index(c: Citation, i: int) -> Citation:
    return c if c.index == i else replace(c, index=i)


def _ibid(text: str, base: int, content: str, m: re.Match[str], group: int) -> Citation:
    """``(Ibid.: 70)``: a citation of the work cited just before (the match stage links it)."""
    lead = len(content) - len(content.lstrip())
    span = Span(base + lead, base + lead + m.end())
    loc = m.group("loc") or ""
    return Citation(
        index=0,
        text=span.slice(text),
        span=span,
        kind="parenthetical",
        authors=(),
        locator=loc.strip(),
        locator_style="colon" if loc and ":" in content[: m.start("loc")] else "",
        group=group,
        ibid=True,
    )


def _web_keys(text: str, base: int, content: str, group: int) -> list[Citation]:
    """``(URL-1)``, ``(bkz. URL-2, URL-3)``: web sources cited by their label (Turkish theses
    and journals), one citation per label, keyed as the list's ``URL-1. …`` entry is."""
    out = []
    for k, lm in enumerate(WEB_KEY.finditer(content)):
        span = Span(base + lm.start(), base + lm.end())
        out.append(
            Citation(
                index=0,
                text=span.slice(text),
                span=span,
                kind="parenthetical",
                authors=(span.slice(text),),
                group=group,
                group_position=k,
                key=web_source_key(lm[1]),
            )
        )
    return out


# --------------------------------------------------------------------------- numbered


def _numbered_with_locator(content: str) -> bool:
    m = _NUMBER_LOC.search(content)
    return m is not None and _NUMBERS.fullmatch(content[: m.start()]) is not None


def _numbered(text: str, brackets: list[tuple[int, int, str]], group: int) -> list[Citation]:
    """``[3–5]`` → citations of entries 3, 4 and 5, sharing the bracket's span."""
    out: list[Citation] = []
    for b_start, b_end, content in brackets:
        group += 1
        loc = _NUMBER_LOC.search(content)
        nums_end = loc.start() if loc is not None else len(content)
        numbers: list[int] = []
        for m in _NUMBER_PART.finditer(content, 0, nums_end):
            lo = int(m.group(1))
            hi = int(m.group(2)) if m.group(2) else lo
            if hi < lo or hi - lo > _MAX_RANGE:
                hi = lo
            numbers.extend(range(lo, hi + 1))
        span = Span(b_start, b_end)
        for k, n in enumerate(numbers):
            last = k == len(numbers) - 1
            out.append(
                Citation(
                    index=0,
                    text=span.slice(text),
                    span=span,
                    kind="numbered",
                    authors=(),
                    locator=loc.group(1) if loc is not None and last else "",
                    locator_style=loc.group(2).lower() if loc is not None and last else "",
                    group=group,
                    group_position=k,
                    number=n,
                )
            )
    return out


# --------------------------------------------------------------------------- author-date


_AND_HINT = re.compile(r"\d[a-zа-я]?\s+(?:and|и|ve|və)\s")


def _split_items(content: str) -> list[tuple[int, str]]:
    """Works separated by ``;`` (or by ``, also``/``, см.``…) with their offsets in ``content``,
    whitespace trimmed."""
    items: list[tuple[int, str]] = []
    pos = 0
    parts = content.split(";")
    if len(parts) > 2 and DAYS.search(content):  # "Milliyet, 25;26;29.08.1984": one item
        keep = {
            m.start() + i
            for m in DAYS.finditer(content)
            for i, ch in enumerate(m.group(1))
            if ch == ";"
        }
        parts, a = [], 0
        for i, ch in enumerate(content):
            if ch == ";" and i not in keep:
                parts.append(content[a:i])
                a = i + 1
        parts.append(content[a:])
    for part in parts:
        also = ALSO_SPLIT.finditer(part) if ", " in part[4:] else ()
        cuts = [(0, 0), *((m.start() + 1, m.start() + 1) for m in also)]
        if _AND_HINT.search(part):
            cuts += [(m.start(), m.end()) for m in AND_SPLIT.finditer(part)]
            cuts.sort()
        cuts.append((len(part), len(part)))
        for (_, a), (b, _) in itertools.pairwise(cuts):
            piece = part[a:b].rstrip(",")
            stripped = piece.strip()
            if stripped:
                items.append((pos + a + (len(piece) - len(piece.lstrip())), stripped))
        pos += len(part) + 1
    return items


def _parse_group(
    text: str,
    *,
    open_pos: int,
    base: int,
    content: str,
    group: int,
    body_start: int,
    first_index: int = 0,
    bracket: bool = False,
    orphans: list[tuple[int, int, str]] | None = None,
) -> list[Citation]:
    items = _split_items(content)
    if not items:
        return []
    after_quote = bool(_QUOTE_BEFORE.search(text, max(body_start, open_pos - 8), open_pos))
    # Narrative year part: "Friedberg (1993)", "Rose (1998, p. 146)", "Author (2017; 2013)".
    first_off, first = items[0]
    if YEAR.match(first) is not None:
        if len(items) > 1 and not all(is_year_only(it) for _, it in items):
            return []
        got = narrative(
            text,
            open_pos=open_pos,
            year_base=base + first_off,
            year_part=content[first_off:],
            group=group,
            body_start=body_start,
            abbreviation=None,
            first_index=first_index,
        )
        if not got and orphans is not None:
            orphans.append((open_pos, base + first_off, content[first_off:]))
        return got
    out: list[Citation] = []
    position = 0
    prev: Item | None = None
    for off, item in items:
        if "URL" in item and WEB_KEYS.fullmatch(item):  # "(Türkiye Gazetesi, 2014; URL-1)"
            for c in _web_keys(text, base + off, item, group):
                out.append(replace(c, index=first_index + len(out), group_position=position))
                position += 1
            prev = None
            continue
        it = parse_item(item, comma_list=bracket)
        ibid = IBID.fullmatch(item.strip()) if it is None else None
        if ibid is not None:  # "[Там же: 86; Stolz et al. 2006: 26]": the work cited before
            c = _ibid(text, base + off, item, ibid, group)
            out.append(replace(c, index=first_index + len(out), group_position=position))
            position += 1
            prev = None
            continue
        if it is None:
            ym = is_year_only(item) if prev is not None else None
            tail = parse_tail(item, ym) if ym is not None else None
            if prev is None or tail is None:
                prev = None
                continue
            # "(Smith, 2010; 2012)": more years of the work before
            it = Item("", 0, prev.names, tail, prev.secondary, prev.book)
        names, tail = it.names, it.tail
        if len(items) == 1 and is_narrative_abbreviation(text, open_pos, body_start, names):
            ystart = tail.years[0].start
            return narrative(
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
            span = Span(item_base + it.names_start, item_base + end)
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
                    prefix=it.prefix if k == 0 else "",
                    group=group,
                    group_position=position,
                    secondary=it.secondary,
                    after_quote=after_quote,
                    book_authors=it.book.authors if it.book is not None else (),
                    by_title=names.by_title,
                )
            )
            position += 1
        prev = it
    return out
