"""The match stage: link every citation to the reference-list entry it means.

Matching is on the first author's key, then year and year letter, then co-authors. A key
tolerates what copy editors tolerate: diacritics dropped (ğ/g, ş/s, ı/i, ə/e), Cyrillic names
against their romanisations (``Makienko`` ↔ ``Макиенко``), Latin look-alikes of Cyrillic words
(``TACC`` ↔ ``ТАСС``), possessives, particles, a leading "The", group abbreviations, and small
misspellings (edit distance, via rapidfuzz). When the year or letter does not fit, the citation
is still linked to the best author match with method ``author-only``, so the cross-check rules
can name both sides; ``candidates`` lists the other entries that fit as well.

Beyond the first author's key, a citation that finds nothing tries, in this order: the first
word of a comma-less author list (``Quinn Ortega Lyle``), the cited names without a leading word
that is not an author (``RAND, Weller and Singh`` → Weller and Singh, ``Link.skipped``), the book
a chapter is cited through (``Lindqvist in: Moreau and Dahl``), a Russian name in another case
(``Иванова`` → ``Иванов``), the start of the entry's text (titles standing for authors, entries
the parser could not split) and small misspellings. Entries are also keyed by the first word of
their raw text, so an author list the parser misread still finds its citations. When nothing
fits, a *near miss* (same year and a similar or transliterated name, or a co-author cited as
first author) is linked with method ``near`` when it is unmistakable, and otherwise named in
``candidates`` so X301 can ask "did you mean …?". Numbered citations (``[12]``) link to entry
12; ``(Ibid.)`` to the entry of the citation before it.

The per-citation work is dictionary look-ups on precomputed keys (fuzzy matching only for keys
no entry shares), so thousands of citations against hundreds of entries take milliseconds.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from refcheck.labels import CYRILLIC_YEAR_LETTERS, NAME_PARTICLES, title_acronym
from refcheck.model import Citation, Link, Organization, Person, Reference
from refcheck.normalise import name_keys as _nkeys
from refcheck.normalise.scripts import has_cyrillic

__all__ = [
    "NameRelation",
    "compare_names",
    "entry_author_names",
    "fold",
    "how",
    "match_citations",
    "misread_authors",
    "name_variants",
    "reference_years",
    "ru_stem",
    "split_initials",
]


# Cyrillic letters that look like Latin ones, and the reverse, for look-alike keys (ТАСС/TACC).
_CYR_TO_LAT = str.maketrans("АВЕКМНОРСТУХаеорсухіјѕ", "ABEKMHOPCTYXaeopcyxijs")
_LAT_TO_CYR = str.maketrans("ABEKMHOPCTYXaeopcyx", "АВЕКМНОРСТУХаеорсух")
_LAT_LOOKALIKE = frozenset("ABEKMHOPCTYXaeopcyx")
# Scholarly romanisation of Russian names against the English one: Čumakina / Chumakina.
_SCHOLARLY_TO_ENGLISH = str.maketrans({"č": "ch", "š": "sh", "ž": "zh", "ǯ": "dzh", "ŝ": "shch"})
_SCHOLARLY = frozenset("čšžǯŝ")
_FUZZY_MIN = 85.0
_NEAR_MIN = 60.0  # a near miss worth naming ("did you mean …?")
_NEAR_LINK = 75.0  # a near miss of the same year worth linking
_NO_DATE_RAW = re.compile(r"\((?:n\.\s?d\.|t\.\s?y\.|tarih yok|б\.\s?г\.|без года)\)")
_JOINED = re.compile(r"\s(?:&|and|ve|və|и)\s")
_YEAR_SLIP = 2  # a year this far off may be a typo (X303); see _year_slip
_SPECIAL = str.maketrans({"ə": "e", "Ə": "e", "ı": "i", "İ": "i", "ß": "ss"})
_NONALNUM = re.compile(r"[\W_]+")
_YEARS_IN_RAW = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_ARTICLES = ("the ", "a ", "an ")
_ARTICLE_WORDS = frozenset(a.strip() for a in _ARTICLES)
_RAW_ABBR = re.compile(r"^[^.(\[]{3,160}[\[(]([^\W\d_]{2,10}(?: [^\W\d_]{1,6}){0,2})[\])]")
_RAW_HEAD = re.compile(r"^([^\W\d_][^,.(\[:;]{1,60}?)\s*[,.(\[]")
# Russian case endings: "в работе Иванова (2017)" cites Иванов; "Петровой" cites Петрова.
_RU_ENDINGS = ("ыми", "ого", "ому", "ыми", "ым", "ом", "ой", "ою", "ей", "ых", "ам", "ами", "ах",
               "ым", "а", "у", "е", "ы", "ю", "я")  # fmt: skip


def title_opens_with(title: str, words: str) -> bool:
    """Whether ``title`` starts with ``words`` (folded, word for word; six letters at least):
    how a citation naming a work by its title's first words is checked against an entry."""
    key = fold(words)
    return len(key) >= 6 and fold(" ".join(title.split()[: len(words.split())])) == key


def fold(s: str) -> str:
    """Folded, romanised, punctuation-free key ("Yüzbaşıoğlu" → "yuzbasioglu")."""
    return _fold_cached(s)


@functools.lru_cache(maxsize=16384)
def _fold_cached(s: str) -> str:
    from unidecode import unidecode

    low = s.translate(_SPECIAL).lower()
    return _NONALNUM.sub("", unidecode(low)).lower()


def _strip_article(name: str) -> str:
    low = name.lower()
    for art in _ARTICLES:
        if low.startswith(art) and len(name) > len(art):
            return name[len(art) :]
    return name


@functools.lru_cache(maxsize=16384)
def name_variants(name: str) -> frozenset[str]:
    """Every key a family or group name may appear as (folded, romanised, look-alike, no "The")."""
    name = name.strip().rstrip(".,")
    for poss in ("'s", "’s"):
        if name.endswith(poss):
            name = name[: -len(poss)]
    out: set[str] = set()
    bases = {name, _strip_article(name)}
    for base in bases:
        out.add(fold(base))
        out.update(re.sub(r"\s+", "", k) for k in _nkeys(base))
        if _SCHOLARLY & set(base.lower()):
            out.add(fold(base.lower().translate(_SCHOLARLY_TO_ENGLISH)))  # Čumakina: Chumakina
        if has_cyrillic(base):
            out.add(fold(base.translate(_CYR_TO_LAT)))  # ТАСС written for TACC
        elif base and set(base) <= _LAT_LOOKALIKE | {" "}:
            out.add(fold(base.translate(_LAT_TO_CYR)))  # TACC written for ТАСС
    out.discard("")
    return frozenset(out)


def _family(a: Person | Organization) -> str:
    if isinstance(a, Person):
        return f"{a.particle} {a.family}".strip()
    return a.name


def entry_author_names(ref: Reference) -> tuple[str, ...]:
    """The entry's author names as written (family names with particles, group names); an
    edited work with no author is listed and cited by its editors (APA 7 §9.10)."""
    return tuple(_family(a) for a in ref.lead_agents)


def reference_years(ref: Reference) -> tuple[int, ...]:
    """Years written anywhere in the entry, for entries whose date the parser did not find."""
    return tuple(int(y) for y in _YEARS_IN_RAW.findall(ref.raw))


_GLUED_INITIALS = re.compile(r"\s[A-ZÀ-ÞА-ЯЁ]{1,3}$")  # "Rai S": a family name with initials


def misread_authors(ref: Reference) -> bool:
    """Whether the parser's author list of ``ref`` plainly holds several names in one agent or a
    surname with its initials glued on (``Person("Rai S", "Hoskyns C ve Thomas D")``, the Turkish
    ``Surname I`` style): the counts and spellings of that list are not to be trusted."""
    for a in ref.authors:
        family = a.family if isinstance(a, Person) else a.name
        rest = a.given if isinstance(a, Person) else a.name
        if (
            _GLUED_INITIALS.search(family)
            or _JOINED.search(f" {rest} ")
            or _JOINED.match(f" {family} ")
        ):
            return True
    return False


class NameRelation:
    """How a name in a citation relates to the entry's name (the X305 severity depends on it)."""

    SAME = "same"
    FOLDED = "folded"  # differs only in diacritics, case, punctuation (Çavuşoglu/Çavuşoğlu)
    ROMANISED = "romanised"  # one side Cyrillic, the other its romanisation
    LOOKALIKE = "lookalike"  # Latin letters imitating Cyrillic or the reverse
    PARTICLE = "particle"  # the same surname with or without its particle (von Clausewitz)
    INFLECTED = "inflected"  # a Russian surname in another case (Иванова for Иванов)
    FUZZY = "fuzzy"  # a real spelling difference
    DIFFERENT = "different"


def _drop_particles(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower() in NAME_PARTICLES:
        words = words[1:]
    return fold(" ".join(words))


def compare_names(cited: str, listed: str) -> str:
    """Classify the difference between a cited name and an entry's name (see NameRelation)."""
    a = _strip_article(cited.strip().rstrip(".,"))
    b = _strip_article(listed.strip().rstrip(".,"))
    for poss in ("'s", "’s"):
        if a.endswith(poss):
            a = a[: -len(poss)]
    if a == b:
        return NameRelation.SAME
    la, lb = a.translate(_CYR_TO_LAT), b.translate(_CYR_TO_LAT)
    if (a != la or b != lb) and not (has_cyrillic(la) or has_cyrillic(lb)) and la == lb:
        return NameRelation.LOOKALIKE
    if has_cyrillic(a) != has_cyrillic(b) and name_variants(a) & name_variants(b):
        return NameRelation.ROMANISED
    if _drop_particles(a) == _drop_particles(b) and fold(a) != fold(b):
        return NameRelation.PARTICLE
    if fold(a) == fold(b):
        return NameRelation.FOLDED
    if name_variants(a) & name_variants(b):
        return NameRelation.ROMANISED if has_cyrillic(a) or has_cyrillic(b) else NameRelation.FOLDED
    if ru_stem(a) and ru_stem(a) == ru_stem(b):
        return NameRelation.INFLECTED
    if fuzz.ratio(fold(a), fold(b)) >= _FUZZY_MIN:
        return NameRelation.FUZZY
    return NameRelation.DIFFERENT


@dataclass(frozen=True, slots=True)
class _Entry:
    ref: Reference
    first_keys: frozenset[str]
    other_keys: tuple[frozenset[str], ...]
    raw_key: str
    years: frozenset[int]
    head_key: str  # the raw entry up to its year, folded: the author part as written
    min_authors: int  # 2 when that part joins names ("Bakker I ve Gill S"), else 0
    date_years: frozenset[int]  # years of the date element: "(1980 (2003))", "(1974/1995)"


def _entry(ref: Reference) -> _Entry:
    names = entry_author_names(ref)
    first: set[str] = set()
    if names:
        lead = ref.lead_agents[0]
        first.update(name_variants(names[0]))
        if isinstance(lead, Organization) and lead.abbreviation:
            first.update(name_variants(lead.abbreviation))
        if isinstance(lead, Person) and lead.particle:
            first.update(name_variants(lead.family))
        double = names[0].split()
        if isinstance(lead, Person) and len(double) == 2 and double[1][:1].isupper():
            first.update(name_variants(double[1]))  # "Erdoğan Tosun": cited as Tosun too
    abbr = _RAW_ABBR.search(ref.raw, 0, 200)
    if abbr is not None and abbr.group(1).replace(" ", "").isupper():
        first.update(name_variants(abbr.group(1)))  # "... Zabıt Ceridesi (ZC) (1923)": ZC
    head = _RAW_HEAD.match(ref.raw)
    if head is not None:
        # the entry's first word(s): its first author even when the parser misread the list
        if len(head.group(1).split()) <= 3:
            first.update(name_variants(head.group(1)))
        word = head.group(1).split()[0]
        if word[:1].isupper() and len(word) > 1 and word.lower() not in _ARTICLE_WORDS:
            first.update(name_variants(word))
    if ref.norm is not None and ref.norm.author_keys:
        first.add(re.sub(r"\s+", "", ref.norm.author_keys[0]))
    others = tuple(name_variants(n) for n in names[1:])
    years = frozenset(reference_years(ref))
    year_at = _YEARS_IN_RAW.search(ref.raw)
    author_part = ref.raw[: year_at.start() if year_at else 120][:200]
    title_at = author_part.find(ref.title[:20]) if len(ref.title) >= 8 else -1
    if title_at > 0:
        author_part = author_part[:title_at]  # "Кротова Е.Б. … идиом и …": the title's "и"
    joined = 2 if _JOINED.search(author_part) else 0
    raw_key = fold(ref.raw[:160])
    date_years = (
        frozenset(
            int(y) for y in _YEARS_IN_RAW.findall(ref.raw, year_at.start(), year_at.start() + 16)
        )
        if year_at
        else frozenset()
    )
    return _Entry(
        ref, frozenset(first), others, raw_key, years, fold(author_part), joined, date_years
    )


# A Cyrillic year letter against a Latin list (or the other way)
_CYRILLIC_LETTER = CYRILLIC_YEAR_LETTERS


def _same_letter(cited: str, listed: str) -> bool:
    return cited == listed or cited.translate(_CYRILLIC_LETTER) == listed.translate(
        _CYRILLIC_LETTER
    )


def _year_fit(c: Citation, ref: Reference, e: _Entry) -> int:
    """2: year and letter fit; 1: year fits, letter differs; 0: year differs."""
    if c.no_date or c.in_press:
        same = (c.no_date and ref.no_date) or (c.in_press and ref.in_press)
        if c.no_date and ref.year is None and _NO_DATE_RAW.search(ref.raw, 0, 200):
            same = True  # "(tarih yok)", "(б. г.)": a no-date entry the parser did not mark
        if not same:
            return 0
        return 2 if _same_letter(c.year_suffix, ref.year_suffix) else 1
    if ref.year is None:
        if ref.no_date or ref.in_press:
            return 0
        if c.no_date and _NO_DATE_RAW.search(e.ref.raw, 0, 200):
            return 2 if not c.year_suffix else 1  # "(tarih yok)", "(б. г.)" the parser left
        return 2 if c.year is not None and c.year in e.years and not c.year_suffix else 0
    if c.original_year and c.original_year in e.years and c.year in e.years:
        return 2 if _same_letter(c.year_suffix, ref.year_suffix) else 1  # "1974/1995" in both
    if c.year is not None and c.year in e.date_years:
        return 2 if _same_letter(c.year_suffix, ref.year_suffix) else 1  # "(1980 (2003))"
    if c.year != ref.year:
        if ref.accessed is not None and ref.accessed.year == c.year and ref.url:
            return 2 if not c.year_suffix else 1  # GOST: a web source by its access year
        return 0
    return 2 if _same_letter(c.year_suffix, ref.year_suffix) else 1


_DAY = re.compile(r"(?<![\d.])(\d{1,2})[./](\d{1,2})[./]((?:1[5-9]|20)\d\d)(?!\d)")


def _day_fit(c: Citation, e: _Entry) -> int:
    """1 when a citation dated to the day (``Milliyet, 30.08.1984``) names the entry's day."""
    m = _DAY.fullmatch(c.year_text) if len(c.year_text) > 6 else None
    if m is None:
        return 0
    day = (int(m.group(3)), int(m.group(2)), int(m.group(1)))
    ref = e.ref
    if ref.date is not None and tuple(ref.date.parts()) == day:
        return 1
    return int(
        any(
            (int(d.group(3)), int(d.group(2)), int(d.group(1))) == day
            for d in _DAY.finditer(ref.raw, 0, 160)
        )
    )


def _coauthor_fit(names: Sequence[str], e: _Entry) -> int:
    """Cited co-authors found among the entry's: parsed names first, else the raw author part
    (``Bakker I ve Gill S (2003)`` whose list the parser may not split)."""
    n = 0
    for k, name in enumerate(names[1:]):
        keys = e.other_keys[k] if k < len(e.other_keys) else frozenset()
        key = fold(name)
        # the raw author part only where the parsed names run out: "Loi, Marchman, et al."
        # is not the entry whose fourth author is Marchman when another's second one is
        raw = k >= len(e.other_keys) and len(key) >= 3 and key in e.head_key
        if name_variants(name) & keys or raw:
            n += 1
    return n


def _script_fit(names: Sequence[str], ref: Reference) -> int:
    """1 when the cited name and the entry's start are in one script: "Кротова 2020" means
    the Russian entry, not the same author's German one of that year."""
    if not names:
        return 0
    return int(has_cyrillic(names[0]) == has_cyrillic(ref.raw[:60]))


def _count_fit(c: Citation, names: Sequence[str], e: _Entry) -> int:
    """1 when the number of names cited fits the entry's (et al.: three or more)."""
    ref = e.ref
    n = max(len(ref.authors), e.min_authors)
    if c.et_al:
        return int(n >= 3 or ref.et_al)
    return int(len(names) == n or (ref.et_al and len(names) >= n))


_INITIAL = re.compile(r"^(?:[^\W\d_]\.\s?(?:-?[^\W\d_]\.\s?)*)\s*")


def split_initials(name: str) -> tuple[str, str]:
    """``"J. W. Smith"`` → ``("J. W.", "Smith")``: APA adds initials for same-surname authors."""
    m = _INITIAL.match(name)
    if m is None or m.end() >= len(name):
        return "", name
    return m.group(0).strip(), name[m.end() :]


def _initial_fit(names: Sequence[str], ref: Reference) -> int:
    if not names or not ref.authors or not isinstance(ref.authors[0], Person):
        return 0
    initials, _ = split_initials(names[0])
    given = ref.authors[0].given
    return int(bool(initials) and bool(given) and fold(initials[:1]) == fold(given[:1]))


def _name_keys(name: str) -> list[frozenset[str]]:
    """Keys to try for a first author, most specific first."""
    out = [name_variants(name)]
    _, bare = split_initials(name)
    if bare != name:
        out.append(name_variants(bare))  # "Д.Ю.Рогачев", "J.Smith": initials glued in front
    words = name.split()
    # narrative group names may carry sentence words in front ("As Anadolu Agency")
    for k in range(1, len(words)):
        out.append(name_variants(" ".join(words[k:])))
    return out


def _citation_keys(c: Citation) -> list[frozenset[str]]:
    """Keys to try for the first author, most specific first."""
    out: list[frozenset[str]] = _name_keys(c.authors[0]) if c.authors else []
    if c.abbreviation:
        out.append(name_variants(c.abbreviation))
    return out


def ru_stem(name: str) -> str:
    """A Cyrillic surname without its case ending (``Иванова``/``Иванову`` → ``иванов``)."""
    low = name.strip().rstrip(".,").lower()
    if not has_cyrillic(low) or " " in low:
        return ""
    for end in _RU_ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= 4:
            return low[: -len(end)]
    return low


class _Index:
    """Entries by first-author key, plus the fuzzy fallback over all keys."""

    def __init__(self, refs: Sequence[Reference]) -> None:
        self.entries = [_entry(r) for r in refs]
        self.by_key: dict[str, list[int]] = {}
        self.by_other: dict[str, list[int]] = {}  # co-authors' keys (near misses)
        self.by_stem: dict[str, list[int]] = {}  # Russian stems of Cyrillic first authors
        for i, e in enumerate(self.entries):
            for k in e.first_keys:
                self.by_key.setdefault(k, []).append(i)
            for keys in e.other_keys:
                for k in keys:
                    self.by_other.setdefault(k, []).append(i)
            names = entry_author_names(e.ref)
            stem = ru_stem(names[0]) if names else ""
            if stem:
                self.by_stem.setdefault(stem, []).append(i)
        self.keys = list(self.by_key)
        self.by_index = {e.ref.index: e.ref for e in self.entries}  # Reference.index → entry
        self._fuzzy_cache: dict[str, tuple[int, ...]] = {}

    def exact(self, keys: Iterable[str]) -> list[int]:
        hits: set[int] = set()
        for k in keys:
            hits.update(self.by_key.get(k, ()))
        return sorted(hits)

    def title_start(self, words: str, year: int | None) -> list[int]:
        """Entries of that year whose title starts with these words: a work cited by its title
        though it has an author (``(Ўзбек тили грамматикаси, 1995)`` for ``Абдураҳмонов Ғ.
        Ўзбек тили грамматикаси. … 1995``), as reference works often are."""
        if year is None:
            return []
        return [
            i
            for i, e in enumerate(self.entries)
            if year in e.years and title_opens_with(e.ref.title, words)
        ]

    def raw_prefix(self, keys: Iterable[str]) -> list[int]:
        ks = [k for k in keys if len(k) >= 4]
        return [i for i, e in enumerate(self.entries) if any(e.raw_key.startswith(k) for k in ks)]

    def fuzzy(self, key: str) -> tuple[int, ...]:
        if key in self._fuzzy_cache:
            return self._fuzzy_cache[key]
        hits: set[int] = set()
        if len(key) >= 4 and self.keys:
            for cand, score, _ in process.extract(
                key, self.keys, scorer=fuzz.ratio, limit=5, score_cutoff=_FUZZY_MIN
            ):
                if len(cand) >= 4 and cand[0] == key[0] and score >= _FUZZY_MIN:
                    hits.update(self.by_key[cand])
        out = tuple(sorted(hits))
        self._fuzzy_cache[key] = out
        return out

    def similar(self, key: str, cutoff: float) -> list[tuple[int, float]]:
        """Entries whose first-author key is like ``key`` (near misses), best first."""
        if len(key) < 3 or not self.keys:
            return []
        out: dict[int, float] = {}
        for cand, score, _ in process.extract(
            key, self.keys, scorer=fuzz.ratio, limit=8, score_cutoff=cutoff
        ):
            for i in self.by_key[cand]:
                out[i] = max(out.get(i, 0.0), float(score))
        return sorted(out.items(), key=lambda t: -t[1])


def match_citations(
    citations: Sequence[Citation], references: Sequence[Reference]
) -> tuple[Link, ...]:
    """One :class:`Link` per citation, in citation order (``reference=None`` when none fits)."""
    index = _Index(references)
    # The same work is cited many times; everything the verdict depends on is in this key.
    seen: dict[tuple[object, ...], Link] = {}
    out: list[Link] = []
    # LaTeX: a cite key names its entry outright; an unknown key has no entry (no guessing)
    by_key: dict[str, int] = {}
    for r in references:
        if r.key:
            by_key.setdefault(r.key, r.index)
        if r.label:  # "URL-1. …", "НКРЯ – …": cited "(URL-1)", "[НКРЯ]"
            by_key.setdefault(r.label, r.index)
    positions = {r.index for r in references}
    previous: Link | None = None
    recent: dict[str, int] = {}  # first author cited (folded) -> the entry it was linked to
    acronyms: dict[str, list[int]] | None = None
    for c in citations:
        if c.key and c.key not in by_key and c.key.isalpha() and c.key.isupper():
            # "[ФСРЛЯ]": a dictionary cited by its title's initials (the cite stage saw one)
            if acronyms is None:
                acronyms = {}
                for r in references:
                    acronyms.setdefault(title_acronym(r.title), []).append(r.index)
            hits = acronyms.get(c.key, [])
            out.append(
                Link(c.index, hits[0], "acronym", 1.0) if len(hits) == 1 else Link(c.index, None)
            )
            previous = out[-1]
            continue
        if c.key and by_key:
            ref_index = by_key.get(c.key)
            if ref_index is None:
                out.append(Link(c.index, None, "", 0.0))
            else:
                out.append(Link(c.index, ref_index, "key", 1.0))
            previous = out[-1]
            continue
        if c.kind == "numbered":  # "[12]": the twelfth entry
            hit = Link(c.index, c.number, "number", 1.0) if c.number in positions else None
            out.append(hit or Link(c.index, None))
            previous = out[-1]
            continue
        if c.ibid:  # "(Ibid.)": the work of the citation before
            if previous is None or previous.reference is None:
                out.append(Link(c.index, None))
            else:
                out.append(Link(c.index, previous.reference, "ibid", previous.score))
            continue
        if c.no_year:  # "(Bıyıklı, s. 63)": the author's entry, the one cited last if several
            out.append(_match_no_year(c, index, recent))
            continue
        key = (
            c.authors,
            c.year,
            c.year_text,
            c.year_suffix,
            c.no_date,
            c.in_press,
            c.abbreviation,
            c.et_al,
            c.book_authors,
            c.by_title,
        )
        hit = seen.get(key)
        if hit is None:
            hit = seen[key] = _with_repeats(_match_one(c, index), index)
        if hit.citation != c.index:  # the constructor: dataclasses.replace is 5x slower
            hit = Link(
                c.index, hit.reference, hit.method, hit.score, hit.candidates, hit.skipped, hit.also
            )
        out.append(hit)
        previous = out[-1]
        if hit.reference is not None and c.authors:
            recent[fold(c.authors[0])] = hit.reference
    return tuple(out)


def _match_no_year(c: Citation, index: _Index, recent: dict[str, int]) -> Link:
    """A citation without a year repeats a work of an author cited before: the author's only
    entry, else the entry of that author cited last (the other entries are its candidates)."""
    found = _find(c, index)
    if found is None:
        return Link(c.index, None)
    refs = [index.entries[i].ref.index for i in found.hits]
    last = recent.get(fold(c.authors[0])) if c.authors else None
    best = last if last in refs else refs[0]
    others = tuple(i for i in refs if i != best) if last not in refs else ()
    return Link(c.index, best, "no-year", 0.5, others)


def _with_repeats(link: Link, index: _Index) -> Link:
    """The candidates that repeat the linked entry (the same authors, year and title: one work
    listed twice, which R-rules report) are the same work, so the citation means them too."""
    if link.reference is None or not link.candidates:
        return link
    by_index = index.by_index
    linked = by_index.get(link.reference)
    if linked is None or not linked.title:
        return link
    same = _work_key(linked)
    also = tuple(i for i in link.candidates if i in by_index and _work_key(by_index[i]) == same)
    if not also:
        return link
    rest = tuple(i for i in link.candidates if i not in also)
    return Link(link.citation, link.reference, link.method, link.score, rest, link.skipped, also)


def _work_key(ref: Reference) -> tuple[object, ...]:
    names = tuple(
        (fold(_family(a)), fold(a.given) if isinstance(a, Person) else "") for a in ref.authors
    )
    return (
        names,
        ref.year,
        ref.year_suffix,
        fold(ref.title),
    )


@dataclass(frozen=True, slots=True)
class _Found:
    hits: list[int]
    names: tuple[str, ...]  # the cited names the hits were found by
    via: str = ""  # "", "fuzzy", "skip", "book", "inflected", "raw", "near"
    skipped: int = 0


def _find(c: Citation, index: _Index) -> _Found | None:
    """The entries the citation's names point at, trying the fallbacks in the module's order."""
    names = c.authors
    for n, keys in enumerate(_citation_keys(c)):
        hits = index.exact(keys)
        if hits:
            return _Found(hits, names)
        if n == 0 and names and " " in names[0]:
            # "[Айзек Азимов, 2001]": a work without an author, cited by its title's first words
            # (GOST R 7.0.5), before the surname alone finds another work of that name (a
            # "group author" read from the title's start counts as none)
            titled = [
                i
                for i in index.raw_prefix(keys)
                if not any(isinstance(a, Person) for a in index.entries[i].ref.authors)
                and _year_fit(c, index.entries[i].ref, index.entries[i]) == 2
            ]
            if titled:
                return _Found(titled, names, "raw")
    if c.by_title and names:
        hits = index.title_start(names[0], c.year)
        if hits:
            return _Found(hits, names, "raw")
    if not names:
        return None
    first = names[0]
    words = first.split()
    if len(names) == 1 and len(words) > 1 and not c.by_title:
        hits = index.exact(name_variants(words[0]))  # "Quinn Ortega Lyle": commas left out
        if hits:
            return _Found(hits, tuple(words))
    for k in range(1, len(names)):  # "RAND, Weller and Singh (2017)": RAND is no author
        hits = [
            i
            for i in index.exact(name_variants(names[k]))
            if _year_fit(c, index.entries[i].ref, index.entries[i]) == 2
        ]
        if hits:
            return _Found(hits, names[k:], "skip", k)
    if c.book_authors:  # "Lindqvist in: Moreau and Dahl": the book's entry
        for keys in _name_keys(c.book_authors[0]):
            hits = index.exact(keys)
            if hits:
                return _Found(hits, c.book_authors, "book")
    stem = ru_stem(first)
    if stem and stem in index.by_stem:
        return _Found(list(index.by_stem[stem]), names, "inflected")
    for keys in _citation_keys(c)[:1]:
        hits = index.raw_prefix(keys)
        if hits:
            return _Found(hits, names, "raw")
        for key in keys:
            fz = index.fuzzy(key)
            if fz:
                return _Found(list(fz), names, "fuzzy")
    return None


def _near(c: Citation, index: _Index) -> Link:
    """No entry fits: link an unmistakable near miss, or name the nearest entry for X301."""
    if not c.authors:
        return Link(c.index, None)
    titled = _title_end(c, index) if c.kind == "narrative" else None
    if titled is not None:
        return titled
    keys = name_variants(c.authors[0])
    same_year: list[tuple[float, int]] = []
    other_year: list[tuple[float, int]] = []
    for k in keys:  # a co-author cited as first author: (Berg, 2019) for Novak & Berg (2019)
        for i in index.by_other.get(k, ()):
            e = index.entries[i]
            target = same_year if _year_fit(c, e.ref, e) == 2 else other_year
            target.append((100.0, i))
    for k in keys:  # a similar or differently transliterated name
        for i, score in index.similar(k, _NEAR_MIN):
            e = index.entries[i]
            if _year_fit(c, e.ref, e) == 2:
                same_year.append((score, i))
            elif score >= _NEAR_LINK:
                other_year.append((score - 10, i))
    best = sorted(set(same_year), key=lambda t: (-t[0], t[1]))
    if best and best[0][0] >= _NEAR_LINK and (len(best) == 1 or best[1][0] < best[0][0]):
        i = best[0][1]
        return Link(c.index, index.entries[i].ref.index, "near", 0.6)
    pool = sorted(set(best + other_year), key=lambda t: (-t[0], t[1]))
    if pool:
        return Link(c.index, None, "", 0.0, (index.entries[pool[0][1]].ref.index,))
    return Link(c.index, None)


_LETTERS = re.compile(r"[^\W\d_]+")


def _title_end(c: Citation, index: _Index) -> Link | None:
    """``Şentürk’ün Osmanlı Şiiri Kılavuzu (2019)``: the word before the year is no author's but
    the last word of the title of the one entry of that year (a work named by its title); or
    the last word of the group that is that entry's author (``Human Rights Watch (2020)``,
    ``Türkçe Sözlük (2005)``: the words before it read as a person's given names)."""
    word = fold(c.authors[-1])
    if len(word) < 5 or c.year is None:
        return None
    hits = [
        e.ref.index
        for e in index.entries
        if e.ref.year == c.year and [fold(w) for w in _LETTERS.findall(e.ref.title)[-1:]] == [word]
    ]
    if len(hits) == 1:
        return Link(c.index, hits[0], "title", 0.8)
    if hits or len(c.authors) != 1:
        return None
    groups = [
        e.ref.index
        for e in index.entries
        if e.ref.year == c.year
        and e.ref.authors
        and isinstance(lead := e.ref.authors[0], Organization)
        and " " in lead.name
        and fold(_LETTERS.findall(lead.name)[-1]) == word
    ]
    return Link(c.index, groups[0], "partial-name", 0.8) if len(groups) == 1 else None


def _coauthor_first(c: Citation, names: Sequence[str], index: _Index) -> Link | None:
    keys = name_variants(names[0])
    rest = [name_variants(n) for n in names[1:]]
    hits = {
        i
        for k in keys
        for i in index.by_other.get(k, ())
        if _year_fit(c, index.entries[i].ref, index.entries[i]) == 2
        and any(r & index.entries[i].first_keys for r in rest)
    }
    if len(hits) != 1:
        return None
    return Link(c.index, index.entries[hits.pop()].ref.index, "near", 0.6)


def _same_year_spelling(
    c: Citation, names: Sequence[str], index: _Index, exclude: set[int]
) -> Link | None:
    if not names:
        return None
    found: set[int] = set()
    for key in name_variants(names[0]):
        for i, _score in index.similar(key, _FUZZY_MIN):
            e = index.entries[i]
            if i not in exclude and _year_fit(c, e.ref, e) == 2:
                found.add(i)
    if len(found) != 1:
        return None
    return Link(c.index, index.entries[found.pop()].ref.index, "fuzzy", 0.7)


def _match_one(c: Citation, index: _Index) -> Link:
    found = _find(c, index)
    if found is None:
        return _near(c, index)
    hits, names = found.hits, found.names
    scored = []
    for i in hits:
        e = index.entries[i]
        scored.append(
            (
                (
                    _year_fit(c, e.ref, e),
                    _day_fit(c, e),
                    _coauthor_fit(names, e),
                    _count_fit(c, names, e),
                    _initial_fit(names, e.ref),
                    _script_fit(names, e.ref),
                ),
                i,
            )
        )
    best_fit = max(s for s, _ in scored)
    tied = [i for s, i in scored if s == best_fit]
    if best_fit[0] == 0 and len(names) > 1:
        # the author is listed, but not with this year: the same year under a co-author with
        # the other cited name first ("Plungian & van der Auwera 1998" for van der Auwera
        # and Plungian, 1998) is the work meant
        swapped = _coauthor_first(c, names, index)
        if swapped is not None:
            return swapped
    if best_fit[0] == 0:
        # the year fits no entry of this author: a same-year entry spelt almost alike is the
        # work meant (Harvey 2003 for "Harevey, David (2003)")
        spelt = _same_year_spelling(c, names, index, set(hits))
        if spelt is not None:
            return spelt
    if best_fit[0] == 0 and len(tied) > 1:
        # another year: the entry with the same letter (2021b → 2019b), then the nearest year
        tied.sort(
            key=lambda i: (
                not _same_letter(c.year_suffix, index.entries[i].ref.year_suffix),
                _year_distance(c, index.entries[i].ref),
            )
        )
    best = tied[0]
    ref = index.entries[best].ref
    if best_fit[0] == 0 and best_fit[2] == 0 and not _year_slip(c, ref, best_fit[3] == 1):
        # the year is no slip of the pen for the entry's and no co-author confirms it:
        # (van Zoonen, 2002) is not van Zoonen (1994), (Buğra, 2014) not Buğra & Keyder
        # (2006); no link, but X301 names the entry as the nearest one
        return Link(c.index, None, "", 0.0, (ref.index,))
    if best_fit[0] == 0:
        others = [i for _, i in scored if i != best]
    else:
        others = list(tied[1:])
        if best_fit[0] == 1:
            others = [i for s, i in scored if s[0] == 1 and i != best]
    candidates = tuple(index.entries[i].ref.index for i in others)
    if best_fit[0] < 2:
        return Link(c.index, ref.index, "author-only", 0.5, candidates, found.skipped)
    method, score = _name_method(c, names, ref, found.via)
    return Link(c.index, ref.index, method, score, candidates, found.skipped)


def _year_slip(c: Citation, ref: Reference, names_fit: bool) -> bool:
    """Whether the cited year may be a typo for the entry's: at most two years apart, or, when
    the cited names fit the entry's, one digit different (2009/2019) or two swapped (1998/1989)."""
    if c.year is None or ref.year is None:
        return True
    if abs(c.year - ref.year) <= _YEAR_SLIP:
        return True
    a, b = str(c.year), str(ref.year)
    typo = sum(x != y for x, y in zip(a, b, strict=True)) == 1 or sorted(a) == sorted(b)
    return names_fit and typo


def _year_distance(c: Citation, ref: Reference) -> int:
    if c.year is None or ref.year is None:
        return 10_000
    return abs(c.year - ref.year)


def _name_method(c: Citation, names: Sequence[str], ref: Reference, via: str) -> tuple[str, float]:
    if via == "book":
        return ("book", 0.9)
    if via == "inflected":
        return ("inflected", 0.9)
    entry_names = entry_author_names(ref)
    if c.by_title:
        return ("title", 0.9)
    if not entry_names or not names:
        return ("raw-prefix", 0.8)
    cited = split_initials(names[0])[1]
    rel = compare_names(cited, entry_names[0])
    head = _RAW_HEAD.match(ref.raw)
    if rel == NameRelation.DIFFERENT and head is not None:
        rel = compare_names(cited, head.group(1).split()[0])  # a list the parser misread
    raw_abbr = _RAW_ABBR.search(ref.raw, 0, 200)
    if (
        c.abbreviation
        or (
            isinstance(lead := ref.lead_agents[0], Organization)
            and lead.abbreviation
            and fold(names[0]) == fold(lead.abbreviation)
        )
        or (
            rel == NameRelation.DIFFERENT
            and raw_abbr is not None
            and fold(names[0]).endswith(fold(raw_abbr.group(1)))
        )
    ):
        return ("abbreviation", 0.95)
    table = {
        NameRelation.SAME: ("exact", 1.0),
        NameRelation.FOLDED: ("folded", 0.95),
        NameRelation.ROMANISED: ("romanised", 0.9),
        NameRelation.LOOKALIKE: ("lookalike", 0.9),
        NameRelation.PARTICLE: ("particle", 0.95),
        NameRelation.INFLECTED: ("inflected", 0.9),
        NameRelation.FUZZY: ("fuzzy", 0.8),
    }
    if rel in table:
        return table[rel]
    return ("fuzzy", 0.7) if via == "fuzzy" else ("partial-name", 0.85)


# How each method reads in reports ("links" in the JSON report): how sure, in the reader's words.
HOW = {
    "exact": "exact", "key": "exact", "abbreviation": "exact", "particle": "exact",
    "number": "exact", "ibid": "exact", "title": "exact", "book": "exact", "acronym": "exact",
    "folded": "folded", "inflected": "folded",
    "romanised": "romanised",
    "lookalike": "lookalike",
}  # fmt: skip


def how(method: str) -> str | None:
    """``exact``, ``folded``, ``romanised``, ``lookalike`` or ``near`` (fuzzy, author-only,
    no-year, partial name, raw prefix, near miss); ``None`` for an unlinked citation."""
    if not method:
        return None
    return HOW.get(method, "near")
