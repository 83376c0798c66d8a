"""The parse stage: one :class:`~refcheck.model.Reference` per reference-list entry.

Two readers, chosen per entry by evidence (docs/parser.md, "Which reader"):

* the **grammar** (``grammar``, ``forms/``): hand-written rules for APA 7 and its near
  relatives. It reads clean APA best and is the only reader that can say *how* an entry departs
  from APA 7 (the P103 phrases), so it sees every entry;
* the **labeller** (``labeller/``): a linear-chain CRF trained on real reference lists of every
  style, labelling tokens that ``spans`` turns into fields. It reads every other form (GOST,
  Harvard, Vancouver, Chicago, MLA, house styles) better than rules could.

The grammar's reading of an APA-form entry stands unless it shows a sign of a misreading; every
other entry takes the labeller's fields with the grammar's findings. Both start from what is
unambiguous wherever it sits: DOI, URL, "Retrieved <date>, from" (``tail``).

Nothing here raises on any input string: failures become ``UNPARSED``/``PARTIAL`` records.
The model is loaded on first use, so ``import refcheck.parse`` stays cheap.

The package's files name its parts: ``dates``, ``identifiers`` and ``tail`` (DOI, URL,
retrieval), ``tokens`` (segments), ``names`` (author lists in every order), ``fields`` (the
record and the readers every form shares), ``forms/`` (one module per reference style:
``apa``, ``chicago`` (and MLA), ``comma`` (IEEE, Vancouver), ``gost``, ``harvard``),
``grammar`` (which form an entry is in), ``labeller/`` (tokens, features, the model) and
``spans`` (labelled tokens to fields).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from refcheck.labels import (
    CITATION_KEY_NAMES,
    CITATION_KEY_YEAR,
    SOURCE_KEY_HEAD,
    source_key,
    web_source_key,
)
from refcheck.model import Organization, ParseStatus, RawEntry, Reference, Span
from refcheck.parse.dates import parse_date
from refcheck.parse.fields import _Fields
from refcheck.parse.grammar import _grammar_is_sure, _markup_to_stars, _parse, _status
from refcheck.parse.labeller import label
from refcheck.parse.repairs import repair
from refcheck.parse.spans import fields_from_labels
from refcheck.parse.tokens import _script, reading_text

__all__ = ["parse_date", "parse_entries", "parse_entry", "parse_string", "parse_text"]


READERS = ("auto", "grammar", "labeller")


def _read(clean: str, reader: str) -> _Fields:
    """The fields of one entry by the chosen reader.

    ``auto`` (docs/parser.md, "Which reader"): the grammar's reading when the entry is in APA
    form and the reading shows no sign of having gone wrong (``_grammar_is_sure``), completed by
    the labeller where it lacks a source or a number; the labeller's otherwise. Decided on the
    real dev split, where the labeller reads every non-APA form better than the grammar, and on
    the seed and the written batches, which the grammar reads best.
    """
    if reader == "grammar":
        f, _head = _parse(clean)
        return f
    if reader == "labeller":
        return fields_from_labels(label(clean))
    f, _head = _parse(clean)
    if _grammar_is_sure(f, clean):
        if _incomplete(f):
            _complete(f, fields_from_labels(label(clean)))
        return f
    lf = fields_from_labels(label(clean))
    # what the entry gets wrong against APA 7 is the grammar's finding, whoever read the fields
    lf.issues = list(f.issues)
    lf.italic_title = f.italic_title
    lf.italic_container = f.italic_container
    lf.retrieved_phrase = lf.retrieved_phrase or f.retrieved_phrase
    if not lf.title and lf.publisher and not lf.container_title and f.title not in ("", lf.place):
        lf.title = f.title  # a book with a publisher has a title: the grammar's, if it read one
    elif not (lf.title or lf.authors or lf.container_title or lf.publisher) and f.title:
        lf.title = f.title  # "Библиотека Plotty – URL: …": nothing but a name and a link
    return lf


def parse_string(
    text: str, index: int = 1, span: Span | None = None, line: int = 1, *, reader: str = "auto"
) -> Reference:
    """Parse one entry given as a plain string (``span`` defaults to the whole string)."""
    sp = span if span is not None else Span(0, len(text))
    raw = text
    try:
        clean = _markup_to_stars(" ".join(text.split()))  # the same whitespace set as re's \s
        clean = reading_text(clean)
        if clean.endswith((")", ").", "]", "].")):
            # "… pp. 34–40. (in Ukrainian)": the work's language closing a transliterated entry,
            # no part of its source
            clean = _LANGUAGE_NOTE_END.sub("", clean)
        key = _CITATION_KEY.match(clean) if "–" in clean[:80] or "—" in clean[:80] else None
        if key:
            clean = clean[key.end() :]  # the entry after its key, "Гаспаров 2000 – "
        role = _DASH_ROLE.match(clean)
        if role:
            clean = f"{role['dash']}. {clean[role.end() :]}"  # "———, ed. Title": the role goes
        web = _WEB_LABEL.match(clean)
        if web:
            clean = clean[web.end() :]  # "URL-1. (2014). http://…": the label, not the author
        f = _read(clean, reader)
        repair(f, clean)
        if key:
            _key_year(f, key)
    except (ValueError, IndexError, RecursionError) as exc:  # defensive: never raise on input
        return Reference(
            index=index,
            raw=raw,
            span=sp,
            line=line,
            status=ParseStatus.UNPARSED,
            reason=f"parser error: {type(exc).__name__}",
            script=_script(text),
        )
    ref = _reference(f, clean, raw, index, sp, line=line)
    if web:
        return replace(ref, label=web_source_key(web[1]))
    marked = "–" in clean[:40] or "—" in clean[:40] or clean[:1] == "["
    abbr = _SOURCE_KEY.match(clean) if marked and not key else None
    # "НКРЯ – Национальный корпус …": the key the text cites it by ([НКРЯ]); the entry keeps
    # its fields as read (lists differ on whether the abbreviation is part of the title)
    return replace(ref, label=source_key(abbr[1] or abbr[2])) if abbr else ref


_LANGUAGE_NOTE_END = re.compile(
    r"(?<=[.,])\s*[(\[](?:[Ii]n|[Нн]а)\s+(?:Russian|Ukrainian|Azerbaijani|Turkish|Kazakh|Uzbek|"
    r"Kyrgyz|Tajik|Persian|Georgian|Armenian|Belarusian|Chinese|Japanese|German|French|Arabic|"
    r"русском|украинском)(?:\s+language)?[)\]]\.?$"
)


# The repeated author's dash and the role that work gave them: "———, editor and translator.",
# "-----, ed.", "______. (ed. and trans.)", "———, Hg.": the title starts after it, and the
# previous entry's names are this work's editors (parse_entries)
_DASH_ROLE = re.compile(
    r"(?P<dash>[-–—_]{2,})\s*[.,]?\s*(?P<role>\(?(?:editor and translator|ed\. and trans|editors?|"
    r"eds?|trans|comp|Hrsg|Hg|éds?|dir)\b\.?\)?)"
    # "——. trans. E. G. Browne. Title": the translator's name, no part of the title
    r"(?:(?<=trans\.)\s+(?:[A-Z][\w'’-]*\.?\s+){0,3}[A-Z][\w'’-]+(?=\.\s))?[.,]?\s+(?=\S)",
    re.IGNORECASE,
)
# Turkish theses and journals list web sources under a label they cite by, "URL-1. (2014).
# http://…", "URL 2: https://…" cited "(URL-1)" (refcheck.cite): the label keys the entry.
_WEB_LABEL = re.compile(r"(?:URL|Url)\s?[-–—]?\s?(\d{1,3})\b\s*[.:)\-–—]?\s*(?=\S)")


# A source listed under the abbreviation it is cited by (GOST R 7.0.5 "Источники"):
# "НКРЯ – …", "РМС I — …", "KSSJ — MF — …", "DeReKo – …"
# (or in brackets before the entry: "[НКРЯ] Национальный корпус …")
_SOURCE_KEY = re.compile(
    SOURCE_KEY_HEAD + r"|\[([^\W\d_][\w'’\-]{1,20}(?:\s[IVX]{1,4})?)\]\s(?=[A-ZÀ-ÞА-ЯЁ«\"“])"
)


# A list keyed by the citations that point to it (Russian linguistics; GOST R 7.0.5's
# author-date): "Гаспаров 2000 – Гаспаров М.Л. Очерк …", "Архипова и др. 2002 — …",
# "Орехов 2019а – …". The key is read for its year letter; the entry is what follows it.
_CITATION_KEY = re.compile(  # on the entry with its spaces made single (parse_string)
    rf"(?P<names>{CITATION_KEY_NAMES}) (?P<year>{CITATION_KEY_YEAR})(?P<letter>[^\W\d_])?"
    r"\s*[–—]\s+(?=[^\W\d_«\"“])"
)


def _key_year(f: _Fields, key: re.Match[str]) -> None:
    """The key's year when the entry gives none, and its letter (``2019а``), which the entry's
    own imprint never carries."""
    year = int(key["year"])
    if f.year is None:
        f.year = year
    if key["letter"] and f.year == year and not f.year_suffix:
        f.year_suffix = key["letter"]


def _reference(f: _Fields, clean: str, raw: str, index: int, sp: Span, *, line: int) -> Reference:
    status, reason = _status(f, clean)
    if status is ParseStatus.UNPARSED:
        return Reference(
            index=index,
            raw=raw,
            span=sp,
            line=line,
            status=status,
            reason=reason,
            script=_script(clean),
            doi=f.doi,
            doi_raw=f.doi_raw,
            url=f.url,
        )
    script_src = " ".join(
        [a.display for a in f.authors] + [f.title, f.container_title, f.publisher]
    )
    if not script_src.strip():
        script_src = clean
    issues = tuple(f.issues)
    return Reference(
        index=index,
        raw=raw,
        span=sp,
        line=line,
        type=f.type,
        authors=tuple(f.authors),
        editors=tuple(f.editors),
        et_al=f.et_al,
        year=f.year,
        year_suffix=f.year_suffix,
        original_year=f.original_year,
        date=f.date,
        no_date=f.no_date,
        in_press=f.in_press,
        title=f.title,
        title_translation=f.title_translation,
        container_title=f.container_title,
        volume=f.volume,
        issue=f.issue,
        pages=f.pages,
        edition=f.edition,
        publisher=f.publisher,
        place=f.place,
        genre=f.genre,
        doi=f.doi,
        doi_raw=f.doi_raw,
        url=f.url,
        accessed=f.accessed,
        script=_script(script_src),
        status=status,
        reason=reason,
        apa_conformant=not issues,
        nonconformities=issues,
    )


def _incomplete(f: _Fields) -> bool:
    """Whether the labeller may add to a sure grammar reading, and so is worth its time: a
    source without all its numbers, a title with neither source nor publisher after it, or a
    book whose title or publisher holds a number or an "in" (a source read as the imprint:
    ``Sex Transm Infect 86 (Suppl 2)``, ``…, in The Political Economy of …``)."""
    if f.container_title:
        return not (f.volume and f.issue and f.pages)
    if not f.publisher:
        return True
    return bool(_SOURCE_HINT.search(f.title) or _SOURCE_HINT.search(f.publisher))


_SOURCE_HINT = re.compile(r"\d|,\s+in\s", re.IGNORECASE)


def _complete(f: _Fields, lf: _Fields) -> None:
    """What the labeller adds to the grammar's sure APA reading (docs/parser.md, "Which
    reader"): the source the grammar's title ran on into, and the numbers it did not find.
    The grammar keeps everything it did read, so the labeller never undoes a sure reading."""
    if not f.container_title and lf.container_title and _runs_into(f.title, lf.title):
        # "Title. Journal Abbrev. 12" read as one title: the labeller knows where the source starts
        f.title, f.container_title, f.type = lf.title, lf.container_title, lf.type
    read = {f.volume, f.issue, f.pages} - {""}
    for name in ("volume", "issue", "pages"):
        value = getattr(lf, name)
        if not getattr(f, name) and value and value not in read:  # one number, one field
            setattr(f, name, value)


def _runs_into(title: str, shorter: str) -> bool:
    """Whether ``title`` is ``shorter`` and more (the grammar's title ran on past the end)."""
    a = " ".join(title.split()).rstrip(". ")
    b = " ".join(shorter.split()).rstrip(". ")
    return bool(b) and len(b) < len(a) and a.startswith(b)


def parse_entry(entry: RawEntry) -> Reference:
    """One ``Reference`` for one ``RawEntry``; same index, raw text, span and line."""
    return parse_string(entry.text, entry.index, entry.span, entry.line)


def parse_entries(entries: Sequence[RawEntry]) -> tuple[Reference, ...]:
    """Parse every entry, in order; nothing is dropped (count in == count out)."""
    out: list[Reference] = []
    for e in entries:
        ref = parse_entry(e)
        if out and _no_names_but_a_dash(ref):
            ref = _same_authors_as(ref, out[-1])
        out.append(ref)
    return tuple(out)


# "———. 2019b. Title" (Chicago, MLA), "______ Title", "———Title": the previous entry's authors,
# not written again
_AUTHOR_DASH = re.compile(r"\s*(?:[-–—―_]{2,}\s*[.,]|[-_]{3,}\s|[–—―_]{2,}(?=[^\W\d_“\"«]))")
_REPEATED_PHRASE = "author replaced by a dash (APA 7 writes the names again)"
# "— (2002b). Title" (biblatex's author-year lists): one dash before the date
_DASH_BEFORE_DATE = re.compile(r"\s*[–—]\s(?=\(\d{4})")


def _no_names_but_a_dash(ref: Reference) -> bool:
    if ref.editors:
        return False
    if not ref.authors:
        return bool(_AUTHOR_DASH.match(ref.raw))
    one = ref.authors[0]
    return (
        len(ref.authors) == 1
        and isinstance(one, Organization)
        and not one.name.strip("-–—_ ")
        and bool(_AUTHOR_DASH.match(ref.raw) or _DASH_BEFORE_DATE.match(ref.raw))
    )


def _same_authors_as(ref: Reference, prev: Reference) -> Reference:
    """The dash's authors are the previous entry's (so citations of this work find it)."""
    if not prev.authors and not prev.editors:
        return ref
    issues = (*ref.nonconformities, _REPEATED_PHRASE)
    role = _DASH_ROLE.match(reading_text(ref.raw.strip()))
    if role and not role["role"].lstrip("(").lower().startswith("trans"):
        # "———, ed. Title": every role but a translator's makes them this work's editors
        return replace(
            ref,
            editors=prev.authors or prev.editors,
            nonconformities=issues,
            apa_conformant=False,
        )
    return replace(
        ref,
        authors=prev.authors if prev.authors else (),
        editors=() if prev.authors else prev.editors,
        et_al=prev.et_al,
        nonconformities=issues,
        apa_conformant=False,
    )


_BULLET = re.compile(r"^\s*(?:[-*•–]\s+|\d{1,3}[.)]\s+|\[\d{1,3}\]\s+)")


def parse_text(text: str) -> tuple[Reference, ...]:
    """One entry per non-blank line, bullets stripped; spans are offsets into ``text``."""
    out: list[Reference] = []
    pos = 0
    line_no = 0
    for line in text.split("\n"):
        line_no += 1
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        bm = _BULLET.match(line)
        lead = bm.end() if bm else len(line) - len(line.lstrip())
        body = line[lead:].rstrip()
        s = start + lead
        out.append(parse_string(body, len(out) + 1, Span(s, s + len(body)), line_no))
    return tuple(out)
