"""Render → parse round trip: the property that keeps the renderer and the parser honest.

A record rendered as APA 7 and read back by the parser's grammar must give the same record, field
for field, over the fields APA 7 prints. The place of publication is left out for everything but
a presentation: APA 7 drops it (§9.29), so the renderer does not print it.
"""

from __future__ import annotations

from dataclasses import dataclass

from refcheck.apa.render import render
from refcheck.model import Agent, ParseStatus, Person, Reference

__all__ = ["COMPARED", "RoundTrip", "corrected", "differences", "round_trip", "type_class"]

COMPARED = (
    "type", "authors", "editors", "et_al", "year", "year_suffix", "original_year", "date",
    "no_date", "in_press", "title", "title_translation", "container_title", "volume", "issue",
    "pages", "edition", "publisher", "genre", "doi", "url", "accessed",
)  # fmt: skip


@dataclass(frozen=True)
class RoundTrip:
    """One record's trip: the text rendered, the record read back, and the fields that differ."""

    rendered: str
    back: Reference
    diffs: tuple[tuple[str, object, object], ...]

    @property
    def same(self) -> bool:
        return not self.diffs


# What APA 7 text says about a work's type: a periodical article, a part of a book (chapter,
# proceedings paper, encyclopedia entry: all "In *Book*"), or a work that stands alone. Within a
# class the text is the same (a journal article without volume reads like a newspaper article).
_TYPE_CLASS = {
    "article-journal": "periodical", "article-magazine": "periodical",
    "article-newspaper": "periodical", "article": "periodical",
    "chapter": "part", "paper-conference": "part", "entry-encyclopedia": "part",
    "entry-dictionary": "part", "entry": "part",
}  # fmt: skip


def type_class(ref: Reference) -> str:
    """The type as APA text shows it (see ``_TYPE_CLASS``); a presentation outside proceedings
    stands alone."""
    if ref.type == "paper-conference" and not ref.container_title:
        return "standalone"
    return _TYPE_CLASS.get(ref.type, "standalone")


def _agent_key(agent: Agent) -> tuple[str, ...]:
    """A person without given names prints as a group does ("Elçin."): one key for both; a
    particle prints as part of the family name."""
    if isinstance(agent, Person) and (agent.given or agent.particle or agent.suffix):
        # "Van Laar, D." prints the same whether "Van" was read as a particle or not
        family = f"{agent.particle} {agent.family}".strip()
        return ("person", family, agent.given, agent.suffix)
    name = agent.family if isinstance(agent, Person) else agent.name
    return ("name", name.rstrip("."))  # the element's period swallows a name's own


def _printed(agents: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """The names APA 7 prints of a list: 21 or more give the first 19, an ellipsis and the last
    (§9.8), so the ones between cannot come back."""
    return agents[:19] + agents[-1:] if len(agents) > 20 else agents


def _source_slot(ref: Reference) -> str:
    """A stand-alone work's one source name: ``Title. arXiv. URL`` prints a site (container)
    and a publisher alike, so APA text cannot tell which of the two the record had."""
    if bool(ref.container_title) == bool(ref.publisher):
        return ""
    return ref.container_title or ref.publisher


# fields whose text ends an element of the entry, the element's period right after it
_ENDS_ELEMENT = ("title", "publisher")


def differences(a: Reference, b: Reference) -> tuple[tuple[str, object, object], ...]:
    """``(field, a's value, b's value)`` for each compared field that differs, as far as APA 7
    text can tell (types by :func:`type_class`, agents by :func:`_agent_key`)."""
    out: list[tuple[str, object, object]] = []
    one_slot = type_class(a) == "standalone" and _source_slot(a) == _source_slot(b) != ""
    for name in COMPARED:
        x, y = getattr(a, name), getattr(b, name)
        if one_slot and name in ("container_title", "publisher"):
            continue
        if name == "type":
            x, y = type_class(a), type_class(b)
        elif name in ("authors", "editors"):
            x, y = _printed(tuple(map(_agent_key, x))), _printed(tuple(map(_agent_key, y)))
        elif name in _ENDS_ELEMENT:
            # "Iskusstvo, SPb." / "impulse, n.": the element's period swallows the field's own
            x, y = x.removesuffix("."), y.removesuffix(".")
        if x != y:
            out.append((name, getattr(a, name), getattr(b, name)))
    if a.type == "paper-conference" and not a.container_title and a.place != b.place:
        out.append(("place", a.place, b.place))
    return tuple(out)


def corrected(ref: Reference, scheme: str = "ala-lc", language: str = "en") -> Reference:
    """The record a fix renders for ``ref`` (normalised first, then :func:`apa_record`)."""
    from refcheck.apa.correct import apa_record
    from refcheck.normalise import normalise_reference

    return apa_record(normalise_reference(ref, scheme), scheme=scheme, manuscript_language=language)


def round_trip(ref: Reference, markup: str = "markdown", reader: str = "grammar") -> RoundTrip:
    """Render ``ref`` and parse the text back with ``reader``."""
    from refcheck.parse import parse_string

    text = render(ref, markup)
    back = parse_string(text, reader=reader)
    if back.status is ParseStatus.UNPARSED:
        return RoundTrip(text, back, (("status", ref.status.value, back.status.value),))
    return RoundTrip(text, back, differences(ref, back))
