"""APA 7 entry text from a :class:`~refcheck.model.Reference`, faithful to the record.

The renderer formats; it does not correct. Whatever the record says (a spelled-out given name, a
Cyrillic title, a retrieval date) is printed in APA 7's order and punctuation, so that parsing the
output gives the same record back (tests/test_apa_render.py checks that property on generated
records and on every entry of the real corpora). Corrections (initials, romanisation, sentence
case, the translation placeholder, dropping a retrieval date) are :mod:`refcheck.apa.correct`'s.

An entry is first a list of :class:`Piece` (text, italic), then written in the manuscript's
markup: Markdown ``*…*`` (plain text and Markdown manuscripts, the form the loader reads a .docx
into), LaTeX ``\\textit{…}`` (``thebibliography`` entries), or runs (the .docx writer takes the
pieces as they are).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from refcheck.apa.correct import publisher_is_author
from refcheck.model import Agent, Organization, Reference

__all__ = [
    "MARKUPS",
    "MONTHS",
    "Piece",
    "agent_text",
    "author_list",
    "date_text",
    "pieces",
    "render",
    "write",
]

MARKUPS = ("markdown", "latex", "plain")

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

MAX_LISTED = 20  # APA 7 lists up to 20 authors; 21 or more: the first 19, ". . .", the last

# types whose title is italic: works that stand alone
_STANDALONE = frozenset(
    {"book", "report", "thesis", "webpage", "dataset", "document", "software", "manuscript",
     "motion_picture", "broadcast", "song", "map", "post", "post-weblog"}
)  # fmt: skip
_PERIODICAL = frozenset({"article-journal", "article-magazine", "article-newspaper", "article"})
_LEGAL = frozenset({"legal_case", "legislation", "bill", "treaty", "regulation"})

_NUMBERED = re.compile(r"\d")


def _presentation(ref: Reference) -> bool:
    """A conference paper given, not printed: ``[Paper presentation]. Conference, Place.``"""
    return (
        ref.type == "paper-conference"
        and bool(ref.genre or ref.place)
        and not (ref.editors or ref.pages or ref.publisher)
    )


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of entry text, italic or not."""

    text: str
    italic: bool = False


def _ordinal(n: str) -> str:
    if not n.isdigit():
        return n
    k = int(n)
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix}"


def agent_text(agent: Agent, *, given_first: bool = False) -> str:
    """``Family, G. G.`` (or ``G. G. Family`` for editors in a chapter); a group by its name."""
    if isinstance(agent, Organization):
        return agent.name
    family = f"{agent.particle} {agent.family}".strip()
    if given_first:
        out = f"{agent.given} {family}".strip()
        return f"{out}, {agent.suffix}" if agent.suffix else out
    out = f"{family}, {agent.given}" if agent.given else family
    return f"{out}, {agent.suffix}" if agent.suffix else out


def author_list(agents: Sequence[Agent], *, et_al: bool = False, given_first: bool = False) -> str:
    """APA 7's list: ``A, B, & C``; 21 or more: the first 19, ``. . .``, the last (§9.8).

    ``et_al`` writes the record's "et al." back (not APA in a list, P106 says so, but the record
    says it and the renderer does not invent the missing names).
    """
    names = [agent_text(a, given_first=given_first) for a in agents]
    if not names:
        return ""
    if given_first:  # "In S. E. Lobell, N. M. Ripsman, & J. W. Taliaferro (Eds.),"
        if et_al:
            return ", ".join(names) + ", et al."
        if len(names) == 1:
            return names[0]
        if len(names) == 2:
            return f"{names[0]} & {names[1]}"
        return ", ".join(names[:-1]) + ", & " + names[-1]
    if et_al:
        return ", ".join(names) + ", et al."
    if len(names) > MAX_LISTED:
        return ", ".join(names[: MAX_LISTED - 1]) + ", . . . " + names[-1]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def date_text(ref: Reference) -> str:
    """What goes inside the date parentheses: ``2020b, September 27``, ``n.d.-a``, ``in press``."""
    if ref.in_press:
        return "in press" + (f"-{ref.year_suffix}" if ref.year_suffix else "")
    if ref.no_date or ref.year is None:
        return "n.d." + (f"-{ref.year_suffix}" if ref.year_suffix else "")
    out = f"{ref.year}{ref.year_suffix}"
    d = ref.date
    if d is not None and d.month is not None and 1 <= d.month <= 12:
        out += f", {MONTHS[d.month - 1]}" + (f" {d.day}" if d.day else "")
    return out


def _end(text: str) -> str:
    """A period after an element, unless it already ends with one (or with ? or !)."""
    text = text.rstrip()
    if not text or text.endswith((".", "?", "!")):
        return text
    return text + "."


def _ends_sentence(p: list[Piece]) -> bool:
    last = next((x.text.rstrip() for x in reversed(p) if x.text.strip()), "")
    return last.endswith((".", "?", "!"))


def _close(p: list[Piece]) -> None:
    """End the pieces so far with a period (inside nothing: after the italics)."""
    if p and not _ends_sentence(p):
        p.append(Piece("."))


def _title_pieces(ref: Reference, italic: bool, extras: str = "", bracket: str = "") -> list[Piece]:
    """``*Title* [Translation] (2nd ed.) [Description].``: APA's title element (§9.19-9.22)."""
    out: list[Piece] = []
    title = ref.title.strip()
    if title:
        out.append(Piece(title, italic))
    if ref.title_translation:
        out.append(Piece(f" [{ref.title_translation}]"))
    if extras:
        out.append(Piece(f" ({extras})"))
    if bracket:
        out.append(Piece(f" [{bracket}]"))
    if out:
        out[0] = Piece(out[0].text.lstrip(), out[0].italic)
        _close(out)
    return out


def _after_head(title: list[Piece]) -> list[Piece]:
    """The title element after the author and date, one space apart (none when untitled)."""
    return [Piece(" "), *title] if title else []


# an edition statement that already names itself: "2nd ed.", "Rev. edn", "3. baskı", "2-е изд."
_EDITION_WORD = re.compile(r"(?i)\b(?:ed|edn|edition|eds|baskı|bs|изд|изд-е|aufl|Auflage|éd)\b\.?")


def _edition(ref: Reference) -> str:
    """``2`` → ``2nd ed.``; ``10th anniversary`` → ``10th anniversary ed.``, so the statement
    reads as an edition and not as the end of the title."""
    if not ref.edition:
        return ""
    e = ref.edition.strip()
    if e.isdigit():
        return f"{_ordinal(e)} ed."
    return e if _EDITION_WORD.search(e) else f"{e} ed."


def _book_extras(ref: Reference, *, pages: bool = False) -> str:
    """``2nd ed., Vol. 3, pp. 1–9`` after a book title (a chapter's book, or the book itself)."""
    parts = [x for x in (_edition(ref), f"Vol. {ref.volume}" if ref.volume else "") if x]
    if pages and ref.pages:
        many = any(c in ref.pages for c in "–-—,")
        parts.append(f"{'pp.' if many else 'p.'} {ref.pages}")
    return ", ".join(parts)


def _link(ref: Reference) -> list[Piece]:
    """The DOI as a link (APA-RL-09), else the URL, with a retrieval date when the record has
    one; never a period after it."""
    if ref.doi:
        return [Piece(f" https://doi.org/{ref.doi}")]
    if not ref.url:
        return []
    if ref.accessed is not None and ref.accessed.year is not None:
        return [Piece(f" Retrieved {_full_date(ref.accessed)}, from {ref.url}")]
    return [Piece(f" {ref.url}")]


def _full_date(d: object) -> str:
    from refcheck.model import PartialDate

    assert isinstance(d, PartialDate)
    if d.month and 1 <= d.month <= 12:
        if d.day:
            return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
        return f"{MONTHS[d.month - 1]} {d.year}"
    return str(d.year)


def _head(ref: Reference) -> list[Piece]:
    """Author element and date: ``Rose, G. (1998).``; editors in author place for an edited book;
    with no author, the title moves to the author's place (§9.12)."""
    date = f"({date_text(ref)})."
    if ref.authors:
        return [Piece(_end(author_list(ref.authors, et_al=ref.et_al)) + " " + date)]
    if ref.editors and (ref.type in _PERIODICAL or not ref.container_title):
        # an edited book, report or web document, or a periodical's special issue (§10.1, ex.
        # 13): the editors take the author's place (§9.10)
        role = "(Eds.)." if len(ref.editors) > 1 else "(Ed.)."
        return [Piece(_end(author_list(ref.editors, et_al=ref.et_al)) + f" {role} {date}")]
    return []


def pieces(ref: Reference) -> list[Piece]:
    """The entry as pieces of text, italic or not (see :func:`write` for the markup)."""
    p: list[Piece] = []
    head = [] if ref.type in _LEGAL else _head(ref)
    no_author = not head
    kind = ref.type
    date = Piece(f" ({date_text(ref)}).")

    def title_first(italic: bool, extras: str = "", bracket: str = "") -> None:
        """With no author: ``Title. (2020).`` then the rest."""
        p.extend(_title_pieces(ref, italic, extras, bracket))
        p.append(date)

    described = ref.genre.strip("[] ")  # "[Editorial]", "[Kitap Eleştirisi]" (§9.21)
    if kind in _PERIODICAL:
        if no_author:
            title_first(False, bracket=described)
        else:
            p.extend(head)
            p.extend(_after_head(_title_pieces(ref, False, bracket=described)))
        if ref.container_title:
            p.append(Piece(" "))
            p.append(Piece(ref.container_title.strip(), True))
            if ref.volume:
                p.append(Piece(", "))
                p.append(Piece(ref.volume, True))
                if ref.issue:
                    p.append(Piece(f"({ref.issue})"))
            elif ref.issue:
                p.append(Piece(f", ({ref.issue})"))
            if ref.pages:
                p.append(Piece(f", {ref.pages}"))
            _close(p)
        if ref.publisher and kind != "article-journal":
            p.append(Piece(" " + _end(ref.publisher)))
    elif kind in _LEGAL:
        # §11: "*Brown v. Board of Education*, 347 U.S. 483 (1954)." (cases italic, acts not)
        p.append(Piece(ref.title.strip(), kind == "legal_case"))
        cite = " ".join(x for x in (ref.volume, ref.container_title, ref.pages) if x)
        court = f"{ref.genre} " if ref.genre else ""
        p.append(Piece((f", {cite}" if cite else "") + f" ({court}{date_text(ref)})."))
    elif kind in ("chapter", "paper-conference", "entry-encyclopedia", "entry-dictionary",
                  "entry") and (ref.container_title or kind == "chapter") and not (
        _presentation(ref)
    ):  # fmt: skip
        if no_author:
            title_first(False, bracket=described)
        else:
            p.extend(head)
            p.extend(_after_head(_title_pieces(ref, False, bracket=described)))
        p.append(Piece(" In "))
        if ref.editors:
            role = "(Eds.)" if len(ref.editors) > 1 else "(Ed.)"
            eds = author_list(ref.editors, given_first=True)
            p.append(Piece(f"{eds} {role}, "))
        if ref.container_title:
            p.append(Piece(ref.container_title.strip(), True))
        extras = _book_extras(ref, pages=True)
        if extras:
            p.append(Piece(f" ({extras})"))
        _close(p)
        if ref.publisher:
            p.append(Piece(" " + _end(ref.publisher)))
    else:
        # a work that stands alone: book, report, thesis, web page, data set, presentation
        extras = "" if kind in ("thesis",) else _book_extras(ref)
        if ref.authors and ref.editors and kind != "thesis":
            # an authored book's editors after its title: "(E. E. Editor, Ed.; 2nd ed.)" (§10.2)
            role = "Eds." if len(ref.editors) > 1 else "Ed."
            eds = f"{author_list(ref.editors, given_first=True)}, {role}"
            extras = "; ".join(x for x in (eds, extras) if x)
        bracket = ""
        if kind == "thesis":
            bracket = ", ".join(x for x in (ref.genre.strip("[] "), ref.publisher) if x)
        elif ref.genre:
            if (
                kind in ("report",)
                and not ref.genre.startswith("[")
                and _NUMBERED.search(ref.genre)
            ):
                # "(Report No. 123)" in parentheses; a description ("[Policy brief]") in
                # square brackets (§10.4)
                extras = ", ".join(x for x in (extras, ref.genre) if x)
            else:
                bracket = ref.genre.strip("[]")
        if no_author:
            title_first(True, extras, bracket)
        else:
            p.extend(head)
            p.extend(_after_head(_title_pieces(ref, True, extras, bracket)))
        if (kind == "webpage" and ref.container_title) or ref.container_title:
            p.append(Piece(" " + _end(ref.container_title)))
        if kind == "paper-conference" and ref.place:
            # a presentation: "Conference Name, Place." (the place is part of the element)
            if p and p[-1].text.endswith("."):
                p[-1] = Piece(p[-1].text[:-1], p[-1].italic)
            p.append(Piece(f", {_end(ref.place)}"))
        own = publisher_is_author(ref.publisher, ref.authors)  # APA 7 omits it (§9.29)
        if ref.publisher and kind != "thesis" and not own:
            p.append(Piece(" " + _end(ref.publisher)))
    p.extend(_link(ref))
    if ref.original_year:
        p.append(Piece(f" (Original work published {ref.original_year})"))
    return _merge(p)


def _merge(p: list[Piece]) -> list[Piece]:
    """Neighbouring pieces of the same style joined, empty ones dropped, spaces normalised."""
    out: list[Piece] = []
    for x in p:
        if not x.text:
            continue
        if out and out[-1].italic == x.italic:
            out[-1] = Piece(out[-1].text + x.text, x.italic)
        else:
            out.append(x)
    if out:
        out[0] = Piece(out[0].text.lstrip(), out[0].italic)
        out[-1] = Piece(out[-1].text.rstrip(), out[-1].italic)
    return out


_LATEX_SPECIAL = {"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{",
                  "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
                  "\\": r"\textbackslash{}"}  # fmt: skip


def _latex_escape(text: str) -> str:
    return "".join(_LATEX_SPECIAL.get(c, c) for c in text)


def _latex(text: str) -> str:
    """Plain text for LaTeX: special characters escaped, links in ``\\url{}``."""
    out: list[str] = []
    for word in text.split(" "):
        if word.startswith(("http://", "https://")):
            out.append(r"\url{" + word + "}")
        else:
            out.append(_latex_escape(word))
    return " ".join(out)


def write(parts: Sequence[Piece], markup: str = "markdown") -> str:
    """Pieces as text: ``markdown`` (``*italic*``), ``latex`` (``\\textit{italic}``) or
    ``plain`` (no italics). Spaces at the edge of an italic piece go outside the markers."""
    out: list[str] = []
    for x in parts:
        text = x.text
        if markup == "latex":
            if x.italic:
                core = text.strip()
                lead = text[: len(text) - len(text.lstrip())]
                trail = text[len(text.rstrip()) :]
                out.append(f"{lead}\\textit{{{_latex_escape(core)}}}{trail}" if core else text)
            else:
                out.append(_latex(text))
            continue
        if x.italic and markup == "markdown":
            core = text.strip()
            if core:
                lead = text[: len(text) - len(text.lstrip())]
                trail = text[len(text.rstrip()) :]
                out.append(f"{lead}*{core}*{trail}")
                continue
        out.append(text)
    return "".join(out)


def render(ref: Reference, markup: str = "markdown") -> str:
    """The APA 7 entry for ``ref`` in ``markup`` (see :func:`write`)."""
    if markup not in MARKUPS:
        raise ValueError(f"unknown markup {markup!r} (expected one of: {', '.join(MARKUPS)})")
    return write(pieces(ref), markup)
