"""The record an APA 7 entry should have been written from: what an *unsafe* fix renders.

Each change here is one the rules ask for and one a reader could check against the original:

* a Cyrillic entry romanised in the configured scheme (APA-RL-11), look-alike letters read as the
  script they imitate first (``TACC`` → ``ТАСС`` → ``TASS``);
* given names as initials (``Jeffrey W.`` → ``J. W.``), with a period after each;
* no date → ``n.d.``; pages with an en dash; the place of publication and a whole work's page
  count dropped (§9.29);
* a retrieval date kept only for works designed to change (P105's rule);
* the URL dropped when there is a DOI (P110);
* the title in sentence case where that is safe (:mod:`refcheck.apa.casing`);
* a title that needs a translation gets the ``[Translation needed]`` placeholder: the translation
  itself is the author's to write, never invented here.
"""

from __future__ import annotations

import re
from dataclasses import replace

from refcheck.apa.casing import Vocabulary, sentence_case
from refcheck.labels import CYRILLIC_YEAR_LETTERS
from refcheck.model import Agent, Organization, Person, Reference
from refcheck.normalise.scripts import has_cyrillic
from refcheck.parse.fields import publisher_and_place

__all__ = [
    "TRANSLATION_PLACEHOLDER",
    "apa_record",
    "initials",
    "is_placeholder",
    "keeps_retrieval_date",
    "needs_translation",
    "publisher_is_author",
]

TRANSLATION_PLACEHOLDER = "Translation needed"
"""What stands in the square brackets until the author writes the translation (N502 still
reports it)."""

_STABLE_TYPES = frozenset({"article-journal", "book", "chapter", "thesis", "article-magazine"})
_PERIODICAL = frozenset({"article-journal", "article-magazine", "article-newspaper"})
_WHOLE_WORKS = frozenset({"book", "report", "thesis", "webpage", "dataset", "document"})


def is_placeholder(translation: str) -> bool:
    """Whether a bracketed translation is refcheck's placeholder, not a translation."""
    return translation.strip(" []").casefold() == TRANSLATION_PLACEHOLDER.casefold()


def keeps_retrieval_date(ref: Reference) -> bool:
    """A retrieval date belongs only to works designed to change (APA-RL-10; the rule of P105):
    not to journal articles, books, chapters, theses, dated news or dated statements."""
    dated = ref.date is not None and ref.date.day is not None
    stable = (
        ref.type in _STABLE_TYPES
        or (ref.type == "article-newspaper" and ref.year is not None)
        or (ref.type == "webpage" and dated)
    )
    return not stable


def needs_translation(title_language: str, manuscript: str) -> bool:
    """A title is translated into the manuscript's language, except English titles in a Turkish,
    Azerbaijani or Russian manuscript (N502's rule)."""
    if not title_language or title_language == manuscript:
        return False
    return not (title_language == "en" and manuscript != "en")


def initials(given: str) -> str:
    """``Jeffrey W.`` → ``J. W.``, ``Jean-Paul`` → ``J.-P.``, ``M.V.`` → ``M. V.``, ``G`` → ``G.``,
    Vancouver's ``VC`` → ``V. C.`` (a lower-case initial is capitalised)."""
    out: list[str] = []
    for part in re.split(r"[\s.]+", given.strip()):
        if not part:
            continue
        if 2 <= len(part) <= 3 and part.isalpha() and part.isupper():
            out.extend(f"{ch}." for ch in part)  # Vancouver's "VC": two initials, not one name
            continue
        pieces = [q for q in part.split("-") if q]
        out.append("-".join(f"{_initial(q)}." for q in pieces))
    return " ".join(out)


# an ayn, a hamza or an apostrophe opening a transliterated name ("ʿAbbās", "ʾAḥmad", "O‘ktam")
_LEAD_MARKS = "ʿʾ‘’'`ʻ"


def _initial(word: str) -> str:
    """The first letter, upper-cased; a transliteration mark before it stays with it
    (``ʿAbbās`` → ``ʿA``), as a mark alone is no initial a reader takes back."""
    lead = len(word) - len(word.lstrip(_LEAD_MARKS))
    if lead < len(word):
        ch = word[lead]
        return word[:lead] + (ch.upper() if ch.islower() else ch)
    return word[0]


def publisher_is_author(publisher: str, authors: tuple[Agent, ...]) -> bool:
    """Whether the publisher is the (first) group author, named the same way."""
    first = authors[0] if authors else None
    return isinstance(first, Organization) and _name_key(first.name) == _name_key(publisher)


def _name_key(name: str) -> str:
    return " ".join(name.casefold().replace(".", " ").split())


def _roman(text: str, scheme: str, fixes: dict[str, str]) -> str:
    from refcheck.normalise import _apply_fixes, romanise

    if not text or not has_cyrillic(_apply_fixes(text, fixes)):
        return _apply_fixes(text, fixes) if fixes else text
    return romanise(_apply_fixes(text, fixes), scheme)


def _agent(a: Agent, scheme: str, fixes: dict[str, str], romanise_it: bool) -> Agent:
    if isinstance(a, Organization):
        name = _roman(a.name, scheme, fixes) if romanise_it else a.name
        return Organization(name, a.abbreviation)
    family, given, particle = a.family, a.given, a.particle
    if romanise_it:
        family = _roman(family, scheme, fixes)
        given = _roman(given, scheme, fixes)
        particle = _roman(particle, scheme, fixes)
    return Person(family, initials(given) if given else "", particle, a.suffix)


# business designations APA 7 leaves out of a publisher's name (§9.29)
_BUSINESS_END = re.compile(r"(?:,?\s+&?\s*(?:Inc|Ltd|LLC|Co|Corp|GmbH|Pte|Pvt)\.?)+$")


def apa_record(
    ref: Reference,
    *,
    scheme: str = "ala-lc",
    manuscript_language: str = "en",
    vocabulary: Vocabulary | None = None,
) -> Reference:
    """The corrected record (see the module docstring). ``ref`` should be normalised (its
    ``norm`` gives the title's language and the look-alike words); the result keeps ``raw``,
    ``span`` and ``index`` so it still says which entry it replaces."""
    norm = ref.norm
    fixes = {lk.text: lk.intended for lk in norm.lookalikes} if norm else {}
    romanise_it = manuscript_language != "ru"
    title_language = norm.title_language if norm else ref.language
    title = _roman(ref.title, scheme, fixes) if romanise_it else ref.title
    casing_language = title_language if title_language in ("en", "tr", "az", "ru") else "en"
    if not ref.title.isupper():
        title = sentence_case(title, casing_language, vocabulary)
    translation = ref.title_translation
    if not translation and ref.title and needs_translation(title_language, manuscript_language):
        translation = TRANSLATION_PLACEHOLDER
    container = _roman(ref.container_title, scheme, fixes) if romanise_it else ref.container_title
    if ref.type in ("chapter",) and container and not container.isupper():
        container = sentence_case(container, casing_language, vocabulary)
    publisher = _roman(ref.publisher, scheme, fixes) if romanise_it else ref.publisher
    genre = _roman(ref.genre, scheme, fixes) if romanise_it else ref.genre
    no_date = ref.no_date or (ref.year is None and not ref.in_press)
    accessed = ref.accessed if keeps_retrieval_date(ref) and ref.url and not ref.doi else None
    pages = re.sub(r"\s*[-‐‑−—–]+\s*", "–", ref.pages) if ref.pages else ""
    if re.fullmatch(r"\d+ \d+", pages) and int(pages.split()[0]) < int(pages.split()[1]):
        pages = pages.replace(" ", "–")  # "p. 15 17": a range whose dash was lost
    if ref.type in _WHOLE_WORKS:
        pages = ""  # a whole book's extent or a cited page: not part of its entry (§9.29)
    keep_place = ref.type == "paper-conference" and not ref.container_title
    if publisher and _BUSINESS_END.search(publisher):
        publisher = _BUSINESS_END.sub("", publisher)  # "Pantheon Books, Inc.": no Inc. (§9.29)
    if publisher and "," in publisher:
        # "Harper and Row, New York", "Institute, Wayne, PA": the place after the publisher,
        # which APA 7 omits (§9.29), read as a reader of the entry would read it
        name, place = publisher_and_place(publisher)
        if place and name and publisher.startswith(name):
            publisher = name
    if not publisher and "," in genre and ref.type == "thesis":
        # "[Doctorate Dissertation, The Ohio State University, Ohio, USA]": APA 7's thesis
        # bracket is the kind, then the institution (§10.6), which is the record's publisher
        kind, _, institution = genre.partition(",")
        if institution.strip()[:1].isupper():
            genre, publisher = kind.strip(), institution.strip()
    if ": " in publisher:
        # GOST "М.: Флинта: Наука": two publishers; APA 7 separates them by semicolons (§9.29)
        publisher = re.sub(r"\s*:\s+", "; ", publisher)
    authors = tuple(_agent(a, scheme, fixes, romanise_it) for a in ref.authors)
    if publisher and publisher_is_author(publisher, authors):
        publisher = ""  # the author publishes it: APA 7 omits the publisher (§9.29)
    issue = ref.issue
    if ref.type == "article-journal":
        publisher = ""  # a journal's publisher is no part of an article's entry (§10.1)
    elif ref.type in ("chapter", "paper-conference") and container:
        issue = ""  # "In *Book* (Vol. 5, pp. 1–25)": a chapter's book has no issue (§10.3)
    elif ref.type in _WHOLE_WORKS:
        issue = ""  # a book has volumes, not issues: APA prints none
        if container and not publisher and ref.type != "webpage":
            container, publisher = "", container  # "Title. NBER.": the body that issues it
        elif ref.type == "webpage" and container and publisher.casefold() == container.casefold():
            publisher = ""  # MLA's "YouTube, YouTube": the site is named once, as its name
    return replace(
        ref,
        authors=authors,
        editors=tuple(_agent(a, scheme, fixes, romanise_it) for a in ref.editors),
        title=title,
        # "(2010б)" in a romanised entry is "(2010b)"
        year_suffix=(
            ref.year_suffix.translate(CYRILLIC_YEAR_LETTERS) if romanise_it else ref.year_suffix
        ),
        title_translation=translation,
        container_title=container,
        publisher=publisher,
        genre=genre,
        no_date=no_date,
        accessed=accessed,
        pages=pages,
        issue=issue,
        place=ref.place if keep_place else "",
        url="" if ref.doi else ref.url,
        doi_raw=f"https://doi.org/{ref.doi}" if ref.doi else "",
    )
