"""Which findings can be fixed, and how: a :class:`~refcheck.findings.Fix` per finding.

The checks decide what is wrong; this module decides what the right text is, from the same
records, after the checks ran (:func:`attach`). Edits are as small as the fix allows (the DOI
alone, the "et al." alone, a year letter alone) so that fixes compose and a reviewer reads a
short diff; an entry is re-rendered whole only when its form is wrong throughout (P103) or it is
romanised (N501).

Safe (form only): P104 DOI as a link, P108 no period after the link, P109 "Retrieved from"
dropped, C201 "et al.", C202 "&"/"and", C203 "p. 146", C206 the comma before the year, C207 the
manuscript language's citation words, C208 the citation inside its sentence, L401 list order,
L402/X304 year letters in list and text together.

Unsafe (what an entry says): P103 and N501 re-rendered entries (romanised, initials, sentence
case, ``[Translation needed]``), P105 a retrieval date dropped, P110 the URL beside a DOI dropped,
N503 look-alike letters, N505 romanised names in citations, X305 a cited name spelt as its entry,
D604 a DOI found online, U702 a moved URL.

No fix (a person decides): a missing entry or citation, a missing translation, a dead link, a
page number for a quotation, a year that disagrees, duplicates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from refcheck.findings import Edit, Finding, Fix
from refcheck.model import Citation, Document, Link, Reference, Span
from refcheck.normalise.scripts import has_cyrillic
from refcheck.rules import Context

__all__ = ["FIXABLE", "SAFE", "attach", "entry_markup", "rendered_entry"]

SAFE = frozenset({"P104", "P108", "P109", "C201", "C202", "C203", "C206", "C207", "C208",
                  "L401", "L402", "X304"})  # fmt: skip
UNSAFE = frozenset({"P103", "N501", "P105", "P110", "N503", "N505", "X305", "D604", "U702"})
FIXABLE = SAFE | UNSAFE

_BIBITEM = re.compile(r"\\bibitem\s*(?:\[[^\]]{0,300}\])?\s*\{[^{}]{0,300}\}\s*")
_RETRIEVED_FROM = re.compile(
    r"\b(?:Retrieved|Accessed)\s+(?:from|via|at)\s+|\bErişim\s+adresi:?\s+", re.IGNORECASE
)
_RETRIEVED_DATE = re.compile(
    r"\b(?:Retrieved|Accessed)\s+(?:on\s+)?[^.()]{3,40}?\d{4},?\s+(?:from|at)\s+", re.IGNORECASE
)


def entry_markup(doc: Document, ref: Reference) -> str:
    """How a rewritten entry is marked up: LaTeX in a ``thebibliography``, Markdown italics
    elsewhere (a .docx is read and written with ``*…*`` marking italic runs)."""
    return "latex" if doc.format == "latex" else "markdown"


def _from_bib(doc: Document, ref: Reference) -> bool:
    """An entry of a .bib file: fields, not APA text (the style renders it)."""
    return doc.where(ref.span.start)[0] is not None


class _Fixer:
    """Builds the fixes of one checked manuscript; caches what several fixes share."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.doc = ctx.document
        self.text = ctx.document.text
        self.refs = {r.index: r for r in ctx.references}
        self.cites = {c.span: c for c in ctx.citations}
        self._letters: dict[int, str] | None = None
        self._vocabulary: object | None = None
        self._moves: list[Edit] | None = None
        self._cited_by: dict[int, list[Citation]] | None = None
        self._link_of: dict[int, Link] | None = None

    # ------------------------------------------------------------------ shared facts

    def letters(self) -> dict[int, str]:
        """Entry index → the year letter it should get (L402's plan, X304's too)."""
        if self._letters is None:
            from refcheck.checks.citations import _letter_plan

            refs = [r for r in self.ctx.references if not _from_bib(self.doc, r)]
            self._letters = {i: ch for i, ch in _letter_plan(refs).items() if ch}
        return self._letters

    def vocabulary(self) -> object:
        if self._vocabulary is None:
            from refcheck.apa.casing import Vocabulary

            self._vocabulary = Vocabulary.of(self.text)
        return self._vocabulary

    def corrected(self, ref: Reference) -> Reference:
        """The record the entry is re-rendered from (with its year letter, if it gets one)."""
        from refcheck.apa.casing import Vocabulary
        from refcheck.apa.correct import apa_record

        voc = self.vocabulary()
        assert isinstance(voc, Vocabulary)
        out = apa_record(
            ref,
            scheme=self.ctx.options.transliteration,
            manuscript_language=self.ctx.options.language,
            vocabulary=voc,
        )
        letter = self.letters().get(ref.index, "")
        return replace(out, year_suffix=letter) if letter and not out.year_suffix else out

    # ------------------------------------------------------------------ helpers

    def _edit(self, start: int, end: int, new: str, code: str) -> Edit:
        return Edit(Span(start, end), self.text[start:end], new, code)

    def _in(self, span: Span, needle: str, code: str, new: str, last: bool = False) -> Edit | None:
        """An edit replacing ``needle`` inside ``span`` (its first or last occurrence)."""
        region = self.text[span.start : span.end]
        pos = region.rfind(needle) if last else region.find(needle)
        if pos < 0 or not needle:
            return None
        start = span.start + pos
        return self._edit(start, start + len(needle), new, code)

    def _citation(self, f: Finding) -> Citation | None:
        c = self.cites.get(f.span) if f.span is not None else None
        if c is None or c.key or self.text[c.span.start : c.span.end] != c.text:
            return None  # a \cite key, or text the extractor rebuilt: nothing to edit in place
        return c

    # ------------------------------------------------------------------ per rule

    def fix(self, f: Finding) -> Fix | None:
        method = getattr(self, "fix_" + f.code, None)
        if method is None:
            return None
        ref = self.refs.get(f.reference) if f.reference is not None else None
        if f.code[0] in "PNLDU" and ref is not None and _from_bib(self.doc, ref):
            return None  # a .bib record: its fields are not APA text
        edits = [e for e in method(f, ref) if e is not None and (e.old != e.new)]
        if not edits:
            return None
        return Fix(f.code in SAFE, tuple(edits))

    def fix_P104(self, f: Finding, ref: Reference | None) -> Iterator[Edit | None]:
        if ref is not None and ref.doi_raw:
            yield self._in(ref.span, ref.doi_raw, "P104", f"https://doi.org/{ref.doi}")

    def fix_P108(self, f: Finding, ref: Reference | None) -> Iterator[Edit | None]:
        if ref is None:
            return
        region = self.text[ref.span.start : ref.span.end].rstrip()
        if region.endswith("."):
            end = ref.span.start + len(region)
            yield self._edit(end - 1, end, "", "P108")

    def fix_P109(self, f: Finding, ref: Reference | None) -> Iterator[Edit | None]:
        if ref is None:
            return
        m = _RETRIEVED_FROM.search(self.text, ref.span.start, ref.span.end)
        if m is not None:
            yield self._edit(m.start(), m.end(), "", "P109")

    def fix_P105(self, f: Finding, ref: Reference | None) -> Iterator[Edit | None]:
        if ref is None:
            return
        m = _RETRIEVED_DATE.search(self.text, ref.span.start, ref.span.end)
        if m is not None:
            yield self._edit(m.start(), m.end(), "", "P105")

    def fix_P110(self, f: Finding, ref: Reference | None) -> Iterator[Edit | None]:
        if ref is None or not ref.url:
            return
        region = self.text[ref.span.start : ref.span.end]
        pos = region.find(ref.url)
        if pos > 0:
            start = ref.span.start + pos
            lead = len(region[:pos]) - len(region[:pos].rstrip())
            yield self._edit(start - lead, start + len(ref.url), "", "P110")

    def rerender(self, ref: Reference | None, code: str) -> Iterator[Edit | None]:
        if ref is None or ref.status.value == "unparsed":
            return
        from refcheck.apa.render import render

        fixed = self.corrected(ref)
        new = render(fixed, entry_markup(self.doc, ref))
        start = ref.span.start
        region = self.text[start : ref.span.end]
        item = _BIBITEM.match(region) if self.doc.format == "latex" else None
        if item is not None:  # \bibitem[label]{key} stays; the entry after it is rewritten
            start += item.end()
            region = region[item.end() :]
        if new and new != region:
            yield self._edit(start, ref.span.end, new, code)
            yield from self.cited_names(ref, fixed, code)

    def cited_names(self, ref: Reference, fixed: Reference, code: str) -> Iterator[Edit | None]:
        """Citations of a rewritten entry name its authors as the entry now does ("TACC" →
        "TASS", "Макиенко" → "Makienko"): the text and the list stay matched."""
        from refcheck.match import fold
        from refcheck.model import Organization

        renamed: dict[str, str] = {}
        for old, new in zip(ref.authors, fixed.authors, strict=False):
            a = old.name if isinstance(old, Organization) else f"{old.particle} {old.family}"
            b = new.name if isinstance(new, Organization) else f"{new.particle} {new.family}"
            if a.strip() != b.strip():
                renamed[fold(a.strip())] = b.strip()
        if not renamed:
            return
        for c in self.cited_by().get(ref.index, []):
            if c.key or self.text[c.span.start : c.span.end] != c.text:
                continue
            for name in c.authors:
                want = renamed.get(fold(name))
                if want and want != name:
                    yield self._in(c.span, name, code, want)

    def fix_P103(self, f: Finding, ref: Reference | None) -> Iterator[Edit | None]:
        yield from self.rerender(ref, "P103")

    def fix_N501(self, f: Finding, ref: Reference | None) -> Iterator[Edit | None]:
        yield from self.rerender(ref, "N501")

    def fix_N503(self, f: Finding, ref: Reference | None) -> Iterator[Edit | None]:
        if f.span is not None and f.suggestion:
            yield self._edit(f.span.start, f.span.end, f.suggestion, "N503")

    def fix_C201(self, f: Finding, ref: Reference | None) -> Iterator[Edit | None]:
        c = self._citation(f)
        if c is not None and c.et_al_form:
            yield self._in(c.span, c.et_al_form, "C201", "et al.")

    def fix_C202(self, f: Finding, ref: Reference | None) -> Iterator[Edit | None]:
        c = self._citation(f)
        if c is None:
            return
        if c.kind == "parenthetical":
            m = re.search(r"\s+and\s+", c.text)
            if m:
                yield self._edit(c.span.start + m.start(), c.span.start + m.end(), " & ", "C202")
        else:
            from refcheck.cite.grammar import NARRATIVE_AND

            word = NARRATIVE_AND.get(self.ctx.options.language, "and")
            m = re.search(r"\s*&\s*", c.text)
            if m:
                s, e = c.span.start + m.start(), c.span.start + m.end()
                yield self._edit(s, e, f" {word} ", "C202")

    def fix_C203(self, f: Finding, ref: Reference | None) -> Iterator[Edit | None]:
        from refcheck.checks.citations import fix_colon_locator

        c = self._citation(f)
        if c is not None:
            yield self._edit(c.span.start, c.span.end, fix_colon_locator(c), "C203")

    def fix_C206(self, f: Finding, ref: Reference | None) -> Iterator[Edit | None]:
        c = self._citation(f)
        if c is None or not c.year_text:
            return
        idx = c.text.find(c.year_text)
        before = c.text[:idx]
        cut = len(before.rstrip())
        yield self._edit(c.span.start + cut, c.span.start + idx, ", ", "C206")

    def fix_C207(self, f: Finding, ref: Reference | None) -> Iterator[Edit | None]:
        from refcheck.checks.citation_style import foreign_forms

        c = self._citation(f)
        if c is None:
            return
        for written, _lang, want in foreign_forms(c, self.ctx.options.language,
                                                  self.ctx.options.et_al):  # fmt: skip
            if written in c.text:
                yield self._in(c.span, written, "C207", want)

    def fix_C208(self, f: Finding, ref: Reference | None) -> Iterator[Edit | None]:
        c = self._citation(f)
        if c is None:
            return
        text = self.text
        group = [x for x in self.ctx.citations if x.group == c.group and x.kind == c.kind]
        last = max(group, key=lambda x: x.span.end) if group else c
        opener = text.rfind("(", 0, c.span.start)
        closer = text.find(")", last.span.end)
        if opener < 0 or closer < 0 or not text.startswith(".", closer + 1):
            return
        m = re.compile(r"(\S+)([.!?])[ \t]+$").search(text, max(0, opener - 60), opener)
        if m is None:
            return
        yield self._edit(m.start(2), closer + 2, " " + text[opener : closer + 1] + m.group(2),
                         "C208")  # fmt: skip

    def fix_N505(self, f: Finding, ref: Reference | None) -> Iterator[Edit | None]:
        from refcheck.normalise import romanise

        c = self._citation(f)
        if c is None:
            return
        linked = self.linked_names(c)
        for name in c.authors:
            if has_cyrillic(name):
                want = linked.get(name) or romanise(name, self.ctx.options.transliteration)
                yield self._in(c.span, name, "N505", want)

    def linked_names(self, c: Citation) -> dict[str, str]:
        """Cited name → the name as the linked entry's rewrite spells it (one romanisation for
        the list and the text)."""
        from refcheck.match import fold
        from refcheck.model import Organization

        link = self.link_of().get(c.index)
        ref = self.refs.get(link.reference) if link and link.reference is not None else None
        if ref is None:
            return {}
        fixed = self.corrected(ref)
        out: dict[str, str] = {}
        for old, new in zip(ref.authors, fixed.authors, strict=False):
            a = old.name if isinstance(old, Organization) else f"{old.particle} {old.family}"
            b = new.name if isinstance(new, Organization) else f"{new.particle} {new.family}"
            for name in c.authors:
                if fold(name) == fold(a.strip()):
                    out[name] = b.strip()
        return out

    def fix_X305(self, f: Finding, ref: Reference | None) -> Iterator[Edit | None]:
        c = self._citation(f)
        if c is None or not f.suggestion:
            return
        m = re.search(r'"([^"]+)" (?:is spelt|does not match)', f.message)
        if m:
            yield self._in(c.span, m.group(1), "X305", f.suggestion)

    def link_of(self) -> dict[int, Link]:
        """Citation index → its link (built once)."""
        if self._link_of is None:
            self._link_of = {lk.citation: lk for lk in self.ctx.links}
        return self._link_of

    def cited_by(self) -> dict[int, list[Citation]]:
        """Entry index → the citations linked to it (built once: fixes ask for it per entry)."""
        if self._cited_by is None:
            self._cited_by = {}
            n = len(self.ctx.citations)
            for lk in self.ctx.links:
                if lk.reference is not None and 0 <= lk.citation < n:
                    c = self.ctx.citations[lk.citation]
                    if c.index == lk.citation:
                        self._cited_by.setdefault(lk.reference, []).append(c)
        return self._cited_by

    def year_letter_edits(
        self, ref: Reference, letter: str, code: str, only: Citation | None = None
    ) -> Iterator[Edit | None]:
        """The letter in the entry's date and in every citation of it that lacks one (or in
        ``only``, the citation an X304 finding is about)."""
        year, sep = _year_base(ref)
        region = self.text[ref.span.start : ref.span.end]
        m = re.search(r"\(\s*" + re.escape(year) + r"(?![a-z\d-])", region)
        if m is not None:
            end = ref.span.start + m.end()
            yield self._edit(end, end, sep + letter, code)
        cites = [only] if only is not None else self.cited_by().get(ref.index, [])
        for c in cites:
            if c.year_suffix or c.key or not c.year_text or c.year_text != year:
                continue
            if self.text[c.span.start : c.span.end] != c.text:
                continue
            pos = c.text.rfind(c.year_text)
            if pos >= 0:
                end = c.span.start + pos + len(c.year_text)
                yield self._edit(end, end, sep + letter, code)

    def fix_L402(self, f: Finding, ref: Reference | None) -> Iterator[Edit | None]:
        if ref is not None and ref.index in self.letters():
            yield from self.year_letter_edits(ref, self.letters()[ref.index], "L402")

    def fix_X304(self, f: Finding, ref: Reference | None) -> Iterator[Edit | None]:
        c = self._citation(f)
        if ref is not None and c is not None and ref.index in self.letters():
            yield from self.year_letter_edits(ref, self.letters()[ref.index], "X304", c)

    def fix_L401(self, f: Finding, ref: Reference | None) -> Iterator[Edit | None]:
        if self._moves is None:
            from refcheck.fixes.order import list_moves

            refs = [r for r in self.ctx.references if not _from_bib(self.doc, r)]
            self._moves = list_moves(self.text, refs, self.corrected_or_same)
        yield from self._moves

    def corrected_or_same(self, ref: Reference) -> Reference:
        letter = self.letters().get(ref.index, "")
        return replace(ref, year_suffix=letter) if letter and not ref.year_suffix else ref

    def fix_D604(self, f: Finding, ref: Reference | None) -> Iterator[Edit | None]:
        if ref is None or not f.suggestion:
            return
        region = self.text[ref.span.start : ref.span.end].rstrip()
        end = ref.span.start + len(region)
        sep = "" if region.endswith(".") else "."
        doi = f.suggestion.removeprefix("https://doi.org/")
        yield self._edit(end, end, f"{sep} https://doi.org/{doi}", "D604")

    def fix_U702(self, f: Finding, ref: Reference | None) -> Iterator[Edit | None]:
        if ref is not None and ref.url and f.suggestion:
            yield self._in(ref.span, ref.url, "U702", f.suggestion)


def _year_base(ref: Reference) -> tuple[str, str]:
    """The date as written before a letter, and what joins the letter: ``2020``+``a``,
    ``n.d.``+``-a``."""
    if ref.in_press:
        return "in press", "-"
    if ref.no_date or ref.year is None:
        return "n.d.", "-"
    return str(ref.year), ""


def rendered_entry(ctx: Context, ref: Reference) -> str:
    """The entry as an unsafe fix would rewrite it."""
    from refcheck.apa.render import render

    return render(_Fixer(ctx).corrected(ref), entry_markup(ctx.document, ref))


def attach(ctx: Context, findings: Sequence[Finding]) -> list[Finding]:
    """``findings`` with ``fix`` filled where a fix exists."""
    if not any(f.code in FIXABLE for f in findings):
        return list(findings)
    fixer = _Fixer(ctx)
    out: list[Finding] = []
    for f in findings:
        fx = fixer.fix(f) if f.code in FIXABLE else None
        out.append(replace(f, fix=fx) if fx is not None else f)
    return out
