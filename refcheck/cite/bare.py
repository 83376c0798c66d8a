"""Citations the reference list confirms: bare mentions and year-only parentheses.

Author-year mentions without any bracket: ``мы исходим из Plungian 1999, Плунгян 2011``.

Some traditions (Russian linguistics especially) cite in running text with no parenthesis at
all: ``в работах Татевосов 2002 и Paperno 2012``. A capitalised word followed by a year is
everywhere in prose (``March 2020``, ``Windows 2000``, ``Vision 2030``), so such a mention counts
only when the reference list has an entry by that first author with that year: the list is the
evidence. These citations therefore never raise X301; they keep their entries from being
reported as never cited (X302).

Year-only parentheses after an author named earlier in the sentence, ``Dursun bu müdahalenin …
olduğunu iddia ediyor (2007: 106)``, are read the same way: the nearest capitalised word before
the parenthesis (in its paragraph, at most 3,000 characters back) that is the first
personal author of a listed entry of that year is the author cited.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from refcheck.cite.grammar import YEAR
from refcheck.cite.items import parse_tail
from refcheck.labels import is_web_source_key, source_key, title_acronym
from refcheck.model import Citation, Person, Reference, Span

# A year standing in prose, then the name right before it (read backwards from the year).
_YEAR = re.compile(r"(?<=[\s,])((?:1[5-9]|20)\d\d)([a-zа-я])?(?![\w/–—-])")
# "Hardie P. 1993", "Hardie Ph. 1993": the surname may carry its initials
_INITIALS = r"(?:\s[A-ZА-ЯЁ][a-zа-яё]?\.){0,2}"
_NAME_BEFORE = re.compile(
    r"(?<![\w(\[/.-])([A-ZА-ЯЁ][^\W\d_]{1,30}(?:[-’'][^\W\d_]{1,20})?)" + _INITIALS +
    r"(\s+(?:et\s+al\.|и\s+др\.|vd\.))?,?\s$"
)
# "Örneğin bkz: van Zoonen, 2002." / "see Ferrow, 2011": a cue word makes it a citation.
_CUED = re.compile(
    r"(?<![\w(\[])(?i:see|bkz|bk|bakınız|cf|см|ср)\.?:?\s+"
    r"((?:(?:van|von|de|der|den|da|di|du|la|le)\s+){0,2}[A-ZА-ЯЁÀ-ÞĞŞİÇÖÜƏ][^\W\d_]{1,30}"
    r"(?:[-’'][^\W\d_]{1,20})?)" + _INITIALS + r"(\s+(?:et\s+al\.|и\s+др\.|vd\.))?,?\s$"
)
_LOC_AFTER = re.compile(r":\s?\d{1,4}(?:\s?[-–]\s?\d{1,4})?")
# "MEDİZ 2008 yılı boyunca", "в 2008 году", "in the 2008 season": a date, not a citation
# "Kasım 1992'de": a Turkish case ending on the year makes it a date too ("in November 1992")
_YEAR_NOUN = re.compile(
    r"\s?(?:yıl|yil|il[iə]|year|год|г\.|season|edition)|['’][a-zçğıöşü]{1,4}\b", re.IGNORECASE
)


def _index(refs: Sequence[Reference]) -> dict[str, set[tuple[int, str]]]:
    """First-author key → (year, letter) of the entries, years written anywhere counted too."""
    from refcheck.match import entry_author_names, name_variants, reference_years

    out: dict[str, set[tuple[int, str]]] = {}
    for r in refs:
        names = entry_author_names(r)
        head = r.raw.split(",", 1)[0].split(".", 1)[0].strip()
        keys: set[str] = set()
        if names:
            keys |= name_variants(names[0])
        if head and len(head.split()) <= 2:
            keys |= name_variants(head)
        years = {(y, "") for y in reference_years(r)}
        if r.year is not None:
            years.add((r.year, r.year_suffix))
        for k in keys:
            out.setdefault(k, set()).update(years)
    return out


def bare_citations(
    text: str,
    start: int,
    end: int,
    refs: Sequence[Reference],
    taken: Sequence[Span],
    *,
    listed: ListedYears | None = None,
) -> list[Citation]:
    """Mentions ``Name YEAR`` in ``text[start:end]`` that name a listed author and year, outside
    the ``taken`` spans (citations already found)."""
    if not refs:
        return []
    listed = listed or ListedYears(refs)
    spans = sorted((s.start, s.end) for s in taken)
    out: list[Citation] = []
    k = 0
    for y in _YEAR.finditer(text, start, end):
        while k < len(spans) and spans[k][1] <= y.start():
            k += 1
        if k < len(spans) and spans[k][0] <= y.start():
            continue  # the year of a citation already read
        cued = _CUED.search(text, max(start, y.start() - 64), y.start())
        m = cued or _NAME_BEFORE.search(text, max(start, y.start() - 48), y.start())
        if m is None or _YEAR_NOUN.match(text, y.end()):
            continue
        loc_m = _LOC_AFTER.match(text, y.end())
        a, b = m.start(1), loc_m.end() if loc_m is not None else y.end()
        if any(sa < b and a < sb for sa, sb in spans[max(0, k - 1) : k + 1]):
            continue  # overlaps a citation already read
        year, sfx = int(y.group(1)), y.group(2) or ""
        names = [m.group(1)]
        if cued is None:
            names, a = _names_before(text, start, m.start(1), names)
        fits = listed.of(names[0])
        if (year, sfx) not in fits and len(names) > 1:
            names, a = names[-1:], m.start(1)  # the run is no listed author's: the last name alone
            fits = listed.of(names[0])
        if (year, sfx) not in fits and cued is None:
            continue  # (after "see"/"bkz." it is a citation even of an unlisted work: X301)
        if a < m.start(1) and any(sa < b and a < sb for sa, sb in spans[max(0, k - 2) : k + 1]):
            continue  # the co-authors in front reach into a citation already read
        span = Span(a, b)
        loc = loc_m.group(0).lstrip(": ") if loc_m is not None else ""
        out.append(
            Citation(
                index=0,
                text=span.slice(text),
                span=span,
                kind="narrative",
                authors=tuple(names),
                year=year,
                year_suffix=sfx,
                year_text=y.group(1) + sfx,
                et_al=bool(m.group(2)),
                et_al_form=(m.group(2) or "").strip(),
                locator=loc,
                locator_style="colon" if loc else "",
            )
        )
    return out


def _listed_years(index: dict[str, set[tuple[int, str]]], name: str) -> set[tuple[int, str]]:
    """The (year, letter) pairs of the entries whose first author has this name."""
    from refcheck.match import name_variants  # as in _index: loaded on first use

    return set().union(*(index.get(key, set()) for key in name_variants(name)))


class ListedYears:
    """The list's first authors with their years, built on first use and once per document:
    the bare-mention pass and the listed-parenthesis pass both ask it."""

    __slots__ = ("_index", "_refs", "_titles")

    def __init__(self, refs: Sequence[Reference]) -> None:
        self._refs = refs
        self._index: dict[str, set[tuple[int, str]]] | None = None
        self._titles: list[tuple[str, int]] | None = None

    def titled(self, words: str, year: int) -> bool:
        """Whether an entry of that year has a title that starts with these words
        (``Флора Самарской области, 2007`` for ``Флора Самарской области. Учебное пособие.
        Самара, 2007``; a reference work cited by its title, ``Ўзбек тили грамматикаси,
        1995``, though its entry has an author)."""
        from refcheck.match import title_opens_with

        if self._titles is None:
            self._titles = [(r.title, r.year) for r in self._refs if r.title and r.year]
        return any(y == year and title_opens_with(t, words) for t, y in self._titles)

    def of(self, name: str) -> set[tuple[int, str]]:
        """The (year, letter) pairs of the entries whose first author has this name."""
        if self._index is None:
            self._index = _index(self._refs)
        return _listed_years(self._index, name)


# "Roll, Ross 1980", "Harvey, Liu, Zhu 2016", "Иванов и Петров 2017": co-authors before the last
_NAME_RUN = re.compile(
    r"(?<![\w(\[/.-])([A-ZА-ЯЁ][^\W\d_]{1,30}(?:[-’'][^\W\d_]{1,20})?)"
    r"(?:,[ \t]*|[ \t]+(?:и|and|&|ve|və)[ \t]+)$"
)


def _names_before(text: str, start: int, pos: int, names: list[str]) -> tuple[list[str], int]:
    """The co-authors written before the last name of a bare mention, and where they start."""
    out = list(names)
    while len(out) < 6:
        mm = _NAME_RUN.search(text, max(start, pos - 40), pos)
        if mm is None:
            break
        out.insert(0, mm.group(1))
        pos = mm.start(1)
    return out, pos


_WORD = re.compile(r"[A-ZÀ-ÞА-ЯЁĞŞİÇÖÜƏ][^\W\d_]{1,30}(?:[-'’][^\W\d_]{1,20})?")
_CASE_ENDING = re.compile(r"['’][^\W\d_]{1,5}$")
_LOOK_BACK = 3000  # the paragraph, at most this far back
_SENTENCE_END = re.compile(r"[.!?][\"”»’']?\s+(?=[A-ZÀ-ÞА-ЯЁĞŞİÇÖÜƏ“«\"])")
_QUOTES = {"”": "“", "»": "«", '"': '"'}


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Where the sentence holding ``text[pos]`` starts (not before ``lo``); a quotation that
    ends right before ``pos`` belongs to the sentence, its full stops too."""
    end = pos
    while end > lo and text[end - 1] in " \t":
        end -= 1
    if end > lo and text[end - 1] in _QUOTES:
        opening = text.rfind(_QUOTES[text[end - 1]], lo, end - 1)
        if opening >= 0:
            end = opening
    last = lo
    for m in _SENTENCE_END.finditer(text, lo, end):
        last = m.end()
    return last


def _part_index(refs: Sequence[Reference]) -> dict[str, tuple[str, set[tuple[int, str]]]]:
    """Each word of a first author's two-word family name → (the whole name, its entry years):
    a text names "Kamacı Gencer" by "Gencer" as often as in full, and cites her "(2022, s. 8)"."""
    from refcheck.match import entry_author_names, name_variants

    out: dict[str, tuple[str, set[tuple[int, str]]]] = {}
    for r in refs:
        names = entry_author_names(r)
        words = names[0].split() if names else []
        if len(words) != 2 or r.year is None:
            continue
        for w in words:
            if len(w) < 4 or not w[0].isupper():
                continue
            for k in name_variants(w):
                full, years = out.setdefault(k, (names[0], set()))
                if full == names[0]:
                    years.add((r.year, r.year_suffix))
    return out


def year_only_citations(
    text: str, body_start: int, orphans: Sequence[tuple[int, int, str]], refs: Sequence[Reference]
) -> list[Citation]:
    """``(2007: 106)`` after "Dursun … iddia ediyor": the listed (personal) author named before
    it, in its sentence or, with that year, earlier in the paragraph (see ``_author_before``)."""
    if not orphans or not refs:
        return []
    people = [r for r in refs if r.authors and isinstance(r.authors[0], Person)]
    persons = _index(people)
    parts = _part_index(people)
    out: list[Citation] = []
    for open_pos, year_pos, part in orphans:
        ym = YEAR.match(part)
        tail = parse_tail(part, ym, semicolons=True) if ym is not None else None
        if tail is None or len(tail.years) != 1:
            continue
        y = tail.years[0]
        if y.year is None:
            continue
        lo = max(body_start, open_pos - _LOOK_BACK)
        window_start = max(lo, text.rfind("\n", lo, open_pos) + 1)
        sentence = _sentence_start(text, window_start, open_pos)
        name = _author_before(
            text,
            window_start,
            sentence=sentence,
            pos=open_pos,
            year=(y.year, y.suffix),
            persons=persons,
            parts=parts,
        )
        if name:
            span = Span(year_pos, year_pos + tail.end)
            out.append(
                Citation(
                    index=0,
                    text=span.slice(text),
                    span=span,
                    kind="narrative",
                    authors=(name,),
                    year=y.year,
                    year_suffix=y.suffix,
                    year_text=y.text,
                    locator=tail.locator,
                    locator_style=tail.locator_style,
                )
            )
    return out


def _author_before(
    text: str,
    lo: int,
    *,
    sentence: int,
    pos: int,
    year: tuple[int, str],
    persons: dict[str, set[tuple[int, str]]],
    parts: dict[str, tuple[str, set[tuple[int, str]]]] | None = None,
) -> str:
    """The author a year-only parenthesis at ``pos`` cites: in its own sentence, a listed author
    with that year, else the nearest listed author (a wrong year is X303's to say); before the
    sentence, in the paragraph, the nearest listed author with that year. "" when none."""
    from refcheck.match import name_variants

    nearest = ""
    for w in reversed(list(_WORD.finditer(text, lo, pos))):
        name = _CASE_ENDING.sub("", w.group())
        keys = name_variants(name)
        years = [persons[k] for k in keys if k in persons]
        if not years:
            # one word of a two-word family name, with the year: the whole name
            whole = [parts[k][0] for k in keys if parts and k in parts and year in parts[k][1]]
            if whole:
                return whole[0]
            continue
        if year in set().union(*years):
            return name
        if w.start() >= sentence and not nearest:
            nearest = name
        if w.start() < sentence and nearest:
            return nearest
    return nearest


# --------------------------------------------------------------------------- listed parentheses

# A parenthesis the author-date reading left alone, read again against the list, one ";" item
# at a time: names (one to three capitalised words, et al. allowed), then a year, a page, or
# both. "(Bıyıklı, s. 63)" repeats a work cited before without its year (Turkish humanities,
# MLA); "(Kasım, 1992, s. 218)" names an author who is also a month; "(Mustafa Naima, 1281,
# s. 250)" dates an Ottoman print by its Hijri year, as its entry does.
_PARENS = re.compile(r"\(([^()\n]{3,300})\)")
_LISTED_ITEM = re.compile(
    r"(?P<names>(?:(?:van|von|de|der|den|da|di|du|la|le|al|el)\s+){0,2}"
    # a listed name may be lower-case or hold a dot: "(docker.docs, 2024)", "(kubernetes, 2015)"
    r"[^\W\d_]{2,31}(?:[-'’.][^\W\d_]{1,20})?"
    r"(?:\s+[A-ZÀ-ÞА-ЯЁĞŞİÇÖÜƏ][^\W\d_]{1,30}(?:[-'’][^\W\d_]{1,20})?){0,2})"
    r"(?P<etal>\s+(?:et\s+al\.|vd\.|ve\s+ark\.|və\s+b\.|и\s+др\.))?"
    r"(?:\s*,\s*(?P<year>(?:1\d|20)\d\d)(?P<sfx>[a-zа-я])?(?![\w/–—-]))?"
    r"(?:(?(year)\s*[,:.]\s*|\s*,?\s*)"
    r"(?P<loc>(?P<kw>pp?\.|ss?\.|сс?\.|стр\.|səh\.)\s?\d{1,4}(?:\s?[-–—]\s?\d{1,4})?))?"
)


def listed_parentheses(
    text: str,
    start: int,
    end: int,
    refs: Sequence[Reference],
    taken: Sequence[Span],
    *,
    listed: ListedYears | None = None,
) -> list[Citation]:
    """Items of parentheses in ``text[start:end]`` that no citation was read from and that name
    a listed first author: with its year (an author who is also a word, ``Kasım``), or with a
    page and no year (``no_year``: the match stage links the author's entry, C210 asks for the
    year). An unlisted name stays prose: nothing here raises X301."""
    if not refs:
        return []
    listed = listed or ListedYears(refs)
    spans = sorted((s.start, s.end) for s in taken)
    out: list[Citation] = []
    k = 0
    for m in _PARENS.finditer(text, start, end):
        while k < len(spans) and spans[k][1] <= m.start(1):
            k += 1
        inside = []  # the citations already read inside this parenthesis
        for sp in spans[k:]:
            if sp[0] >= m.end(1):
                break
            inside.append(sp)
        pos = m.start(1)
        for part in m.group(1).split(";"):
            a = pos + len(part) - len(part.lstrip())
            pos += len(part) + 1
            item = _LISTED_ITEM.fullmatch(part.strip())
            if item is None:
                titled = _TITLE_ITEM.fullmatch(part.strip())
                if titled is not None and listed.titled(titled["t"], int(titled["year"])):
                    out.append(_title_citation(text, a, titled))
                continue
            if not (item["year"] or item["loc"]):
                continue
            b = a + item.end()
            if any(sa < b and a < sb for sa, sb in inside):
                continue  # a citation already read
            names = item["names"]
            fits = listed.of(names)
            if not fits and len(names.split()) > 1:
                names = names.split()[-1]  # "Şeyh Sadi Şirazi": the list may keep the last word
                fits = listed.of(names)
            year, sfx = (int(item["year"]), item["sfx"] or "") if item["year"] else (None, "")
            if not fits or (year is not None and (year, sfx) not in fits):
                continue
            span = Span(a, b)
            out.append(
                Citation(
                    index=0,
                    text=span.slice(text),
                    span=span,
                    kind="parenthetical",
                    authors=(item["names"],),
                    year=year,
                    year_suffix=sfx,
                    year_text=(item["year"] or "") + sfx,
                    et_al=bool(item["etal"]),
                    et_al_form=(item["etal"] or "").strip(),
                    locator=item["loc"] or "",
                    locator_style=(item["kw"] or "").lower(),
                    no_year=year is None,
                )
            )
    return out


# "(Плаксина, 2001; Флора Самарской области, 2007)": a work with no author cited by the first
# words of its title (APA 7 §8.14; GOST R 7.0.5), counted when the list has that title and year
_TITLE_ITEM = re.compile(
    r"(?P<t>[A-ZÀ-ÞА-ЯЁĞŞİÇÖÜƏЎҚҒҲӘӨҮҰҺІЇЄ][^\W\d_]*(?:[\s-]+[^\W\d_]+){1,9}),\s*"
    r"(?P<year>(?:1[5-9]|20)\d\d)(?![\w/–—-])"
    # a page may follow: "(Doğumunun yüzüncü yılında Ömer Seyfettin, 1992: 45)"
    r"(?:\s?[:,]\s?(?:(?:s|ss|с|сс|p|pp|səh)\.\s?)?\d{1,5}(?:\s?[-–—]\s?\d{1,5})?)?"
)


def _title_citation(text: str, a: int, m: re.Match[str]) -> Citation:
    span = Span(a, a + m.end())
    return Citation(
        index=0,
        text=span.slice(text),
        span=span,
        kind="parenthetical",
        authors=(m["t"],),
        year=int(m["year"]),
        year_text=m["year"],
        by_title=True,
    )


# "[НКРЯ]", "[РМС I: 484]", "[RHAF: 206]", "[KSSJ-MF]", "[РМС; Matešić 1982]": a source cited
# by the abbreviation the list keys it under (no year); the key ends at a colon or comma before
# a page. A bracket with no key in the list may name a dictionary by its title's initials.
_BRACKET = re.compile(r"\[([^\[\]\n]{2,200})\]")
_KEY_ITEM = re.compile(r"\s*([^\W\d_][^\[\]\n:,;]{1,39}?)(?:\s?[:,]\s?(\d[\d\s–—-]{0,12}?))?\s*")
_ACRONYM = re.compile(r"[A-ZА-ЯЁ]{3,8}")


def keyed_brackets(
    text: str, start: int, end: int, refs: Sequence[Reference], taken: Sequence[Span]
) -> list[Citation]:
    """Items of square brackets in ``text[start:end]`` that hold a listed source's key (and
    at most a page): citations of that entry. Only what the list has counts (a key, or a
    dictionary's acronym that the initials of exactly one title spell), so nothing here is
    X301."""
    keys = {r.label for r in refs if r.label and not is_web_source_key(r.label)}
    acronyms: dict[str, list[Reference]] = {}
    spans = [(s.start, s.end) for s in taken]
    out: list[Citation] = []
    for m in _BRACKET.finditer(text, start, end):
        pos = m.start(1)
        for part in m[1].split(";"):
            a, pos = pos, pos + len(part) + 1
            km = _KEY_ITEM.fullmatch(part)
            if km is None:
                continue
            key = source_key(km[1])
            if key not in keys:
                if not _ACRONYM.fullmatch(key):
                    continue
                if not acronyms:
                    for r in refs:
                        acronyms.setdefault(title_acronym(r.title), []).append(r)
                if len(acronyms.get(key, ())) != 1:
                    continue  # the match stage links it by the one title it spells
            span = Span(a + km.start(1), a + (km.end(2) if km[2] else km.end(1)))
            if any(x < span.end and span.start < y for x, y in spans):
                continue
            out.append(
                Citation(
                    index=0,
                    text=span.slice(text),
                    span=span,
                    kind="parenthetical",
                    authors=(km[1].strip(),),
                    locator=(km[2] or "").strip(),
                    locator_style="colon" if km[2] else "",
                    key=key,
                )
            )
    return out
