"""From fixes to one patch: the edits chosen, made as small as they can be, composed, and shown
as a unified diff.

Fixes are made one finding at a time, so two may touch the same text: "et. al" (C201) inside a
colon locator (C203), a year letter inside a moved entry (L402 inside L401), a look-alike word
inside a romanised entry (N503 inside N501). Here every edit is first trimmed to the characters
it really changes; an entry that moves carries the edits made inside it; of two edits that still
overlap the larger wins and the smaller is applied inside it when its old text is still there,
else it is left out as superseded (the larger one says the same thing). Edits never overlap in
the result, so applying them is one pass and every character no edit touches stays as it was.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from refcheck.findings import Edit, Finding, Report
from refcheck.model import Document, Span

__all__ = ["Patch", "apply_edits", "build", "trim"]


@dataclass(frozen=True)
class Patch:
    """What ``refcheck fix`` changes in one manuscript.

    ``edits`` index ``document.text`` (the text as loaded: LF line ends, NFC) and never overlap;
    ``left_out`` are edits not made, each with why. ``unsafe`` says whether unsafe fixes were
    included.
    """

    document: Document
    edits: tuple[Edit, ...]
    unsafe: bool = False
    left_out: tuple[tuple[Edit, str], ...] = ()
    findings: tuple[Finding, ...] = field(default=(), repr=False)

    @property
    def path(self) -> str:
        return self.document.path

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def new_text(self) -> str:
        return apply_edits(self.document.text, self.edits)

    def __bool__(self) -> bool:
        return bool(self.edits)

    def codes(self) -> list[str]:
        """Rule codes the patch answers, each once, in code order."""
        out = {c for e in self.edits for c in e.code.split(",") if c}
        return sorted(out)

    def diff(self, context: int = 3) -> str:
        """A unified diff of the manuscript's text, as ruff and black print one; a .docx is
        shown as the text refcheck reads from it (one paragraph a line, italics ``*…*``)."""
        if not self.edits:
            return ""
        label = self.path + (" (text)" if self.document.format == "docx" else "")
        old = self.text.splitlines(keepends=True)
        new = self.new_text.splitlines(keepends=True)
        lines = difflib.unified_diff(old, new, label, label, n=context)
        out = []
        for line in lines:
            out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
        return "".join(out)


def trim(edit: Edit) -> Edit:
    """The edit without the characters it leaves as they are at either end."""
    old, new = edit.old, edit.new
    if not old or not new:
        return edit
    p = 0
    limit = min(len(old), len(new))
    while p < limit and old[p] == new[p]:
        p += 1
    s = 0
    while s < limit - p and old[len(old) - 1 - s] == new[len(new) - 1 - s]:
        s += 1
    if p == 0 and s == 0:
        return edit
    start = edit.span.start + p
    end = edit.span.end - s
    return Edit(Span(start, end), old[p : len(old) - s], new[p : len(new) - s], edit.code)


def _overlap(a: Edit, b: Edit) -> bool:
    """Whether two edits touch the same characters (an insertion at an edge touches nothing)."""
    if len(a.span) == 0 and len(b.span) == 0:
        return False
    if len(a.span) == 0:
        return b.span.start < a.span.start < b.span.end
    if len(b.span) == 0:
        return a.span.start < b.span.start < a.span.end
    return a.span.start < b.span.end and b.span.start < a.span.end


def _inside(outer: Edit, inner: Edit) -> bool:
    return outer.span.start <= inner.span.start and inner.span.end <= outer.span.end


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` applied (insertions at one place in given order)."""
    out: list[str] = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
        out.append(text[pos : e.span.start])
        out.append(e.new)
        pos = max(pos, e.span.end)
    out.append(text[pos:])
    return "".join(out)


def _compose(base: Edit, inner: Sequence[Edit]) -> tuple[Edit, list[Edit]]:
    """``base`` (a moved entry's insertion or a larger edit) with the edits inside the text it
    stands for applied to its new text; returns it and the inner edits that did not fit."""
    new = base.new
    codes = [c for c in base.code.split(",") if c]
    unplaced: list[Edit] = []
    for e in sorted(inner, key=lambda e: -len(e.span)):
        if e.old and new.count(e.old) == 1:
            new = new.replace(e.old, e.new, 1)
        else:
            unplaced.append(e)
            continue
        for c in e.code.split(","):
            if c and c not in codes:
                codes.append(c)
    return Edit(base.span, base.old, new, ",".join(codes)), unplaced


def _with_moves(text: str, edits: list[Edit]) -> tuple[list[Edit], list[tuple[Edit, str]]]:
    """Carry the edits inside a moved entry's lines into the text inserted elsewhere."""
    deletions = [e for e in edits if e.code == "L401" and e.old and not e.new]
    if not deletions:
        return edits, []
    inserts = {e.move: e for e in edits if e.code == "L401" and e.new and not e.old}
    rest = [e for e in edits if e.code != "L401"]
    out = [e for e in edits if e.code == "L401"]
    left: list[tuple[Edit, str]] = []
    for d in deletions:
        ins = inserts.get(d.move)
        if ins is None:
            continue
        inside = [
            e
            for e in rest
            if d.span.start <= e.span.start
            and e.span.end <= d.span.end
            and not (len(e.span) == 0 and e.span.start in (d.span.start, d.span.end))
        ]
        if not inside:
            continue
        moved = [_relative(e, d) for e in inside]
        composed = apply_edits(d.old, moved)
        codes = ["L401", *[c for e in inside for c in e.code.split(",") if c]]
        # the inserted unit may have gained or lost a line end on the way: keep those
        new = ins.new.replace(d.old.strip("\n"), composed.strip("\n"), 1)
        out[out.index(ins)] = Edit(ins.span, "", new, ",".join(dict.fromkeys(codes)), ins.move)
        for e in inside:
            rest.remove(e)
    return rest + out, left


def _relative(e: Edit, unit: Edit) -> Edit:
    off = unit.span.start
    return Edit(Span(e.span.start - off, e.span.end - off), e.old, e.new, e.code)


def _clusters(edits: list[Edit]) -> list[list[Edit]]:
    """Edits grouped so that no edit overlaps one of another group (a sweep by start): the
    quadratic choice below then only ever sees a few edits at a time."""
    out: list[list[Edit]] = []
    end = -1
    for e in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
        if out and e.span.start < end:
            out[-1].append(e)
            end = max(end, e.span.end)
        else:
            out.append([e])
            end = e.span.end
    return out


def _resolve(edits: list[Edit]) -> tuple[list[Edit], list[tuple[Edit, str]]]:
    """Non-overlapping edits: the larger of two that overlap wins, the smaller is applied inside
    it when its old text is still there once, else left out."""
    kept: list[Edit] = []
    left: list[tuple[Edit, str]] = []
    order = {id(e): i for i, e in enumerate(edits)}
    for cluster in _clusters(edits):
        mine: list[Edit] = []
        for e in sorted(cluster, key=lambda e: (-len(e.span), e.span.start, order[id(e)])):
            clash = next((k for k in mine if _overlap(k, e)), None)
            if clash is None:
                mine.append(e)
                continue
            if _inside(clash, e) and e.old and clash.new.count(e.old) == 1:
                merged, _ = _compose(clash, [e])
                mine[mine.index(clash)] = merged
                continue
            left.append((e, f"superseded by the {clash.code} fix of the same text"))
        kept.extend(mine)
    kept.sort(key=lambda e: (e.span.start, e.span.end))
    return kept, left


def _context(report: Report) -> object:
    """The checks' context, rebuilt from a report (the fixes need the same facts)."""
    from refcheck.rules import Context, RuleOptions

    scheme = next((r.norm.scheme for r in report.references if r.norm is not None), "ala-lc")
    return Context(
        document=report.document,
        references=report.references,
        citations=report.citations,
        links=report.links,
        resolutions=report.resolutions,
        resolved=report.resolved,
        options=RuleOptions(transliteration=scheme, language=report.language or "en"),
    )


def build(report: Report, unsafe: bool = False) -> Patch:
    """The patch the report's fixes make: safe ones, and unsafe ones too when asked.

    The list order (L401) is worked out last, from the entries as the patch leaves them (a
    romanised entry sorts by its new spelling), so that checking the fixed text finds the list
    in order.
    """
    from refcheck.fixes.make import _Fixer, _from_bib
    from refcheck.fixes.order import list_moves
    from refcheck.rules import Context

    text = report.document.text
    chosen: list[Edit] = []
    seen: dict[tuple[int, int, str], int] = {}
    for f in report.findings:
        fx = f.fix
        if fx is None or not (fx.safe or unsafe):
            continue
        for given in fx.edits:
            if given.code == "L401":
                continue  # worked out below, from the fixed entries
            e = trim(given)
            if e.old == e.new or text[e.span.start : e.span.end] != e.old:
                continue
            key = (e.span.start, e.span.end, e.new)
            if key in seen:  # the same change asked for by two findings (L402 and X304)
                old = chosen[seen[key]]
                if e.code not in old.code.split(","):
                    chosen[seen[key]] = Edit(old.span, old.old, old.new, f"{old.code},{e.code}")
                continue
            seen[key] = len(chosen)
            chosen.append(e)
    kept, left = _resolve(chosen)
    if any(f.code == "L401" and f.fix is not None for f in report.findings) or kept:
        ctx = _context(report)
        assert isinstance(ctx, Context)
        fixer = _Fixer(ctx)
        rewritten = {r.index for r in report.references for e in kept
                     if e.span.start >= r.span.start and e.span.end <= r.span.end
                     and {"P103", "N501"} & set(e.code.split(","))}  # fmt: skip

        def record(ref: object) -> object:
            from refcheck.model import Reference

            assert isinstance(ref, Reference)
            return fixer.corrected(ref) if ref.index in rewritten else fixer.corrected_or_same(ref)

        refs = [r for r in report.references if not _from_bib(report.document, r)]
        moves = list_moves(text, refs, record)  # type: ignore[arg-type]
        kept, more = _with_moves(text, kept + moves)
        left += more
    kept.sort(key=lambda e: (e.span.start, e.span.end))
    return Patch(report.document, tuple(kept), unsafe, tuple(left), report.findings)
