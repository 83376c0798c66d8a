"""L401's fix: the reference list in alphabetical order, with as few entries moved as possible.

The entries that stay are a longest run already in order (a longest increasing subsequence of
their places in the sorted list); every other entry moves, whole lines and all, to just before
the first staying entry that sorts after it. A reviewer reads one deletion and one insertion per
moved entry, and nothing else changes.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from refcheck.findings import Edit
from refcheck.model import Reference, Span

__all__ = ["list_moves", "units"]


def units(text: str, refs: Sequence[Reference]) -> list[tuple[int, int]] | None:
    """Each entry's whole lines ``(start, end)`` (end after its newline); None when two entries
    share a line or the entries are not in text order (nothing can then move by lines)."""
    out: list[tuple[int, int]] = []
    for r in refs:
        start = text.rfind("\n", 0, r.span.start) + 1
        nl = text.find("\n", max(r.span.end - 1, r.span.start))
        end = len(text) if nl < 0 else nl + 1
        if out and start < out[-1][1]:
            return None
        out.append((start, end))
    return out


def _keep(ranks: list[int]) -> set[int]:
    """Indices of a longest increasing subsequence of ``ranks`` (patience sorting)."""
    tails: list[int] = []
    tail_at: list[int] = []
    parent = [-1] * len(ranks)
    for i, r in enumerate(ranks):
        k = bisect.bisect_left(tails, r)
        if k == len(tails):
            tails.append(r)
            tail_at.append(i)
        else:
            tails[k] = r
            tail_at[k] = i
        parent[i] = tail_at[k - 1] if k > 0 else -1
    out: set[int] = set()
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        out.add(i)
        i = parent[i]
    return out


def list_moves(
    text: str, refs: Sequence[Reference], record: Callable[[Reference], Reference]
) -> list[Edit]:
    """The edits that put ``refs`` in L401's order: for each moved entry, its lines deleted and
    inserted before the entry it belongs before. ``record`` gives the record the key is taken
    from (with the year letter a fix adds)."""
    from refcheck.normalise import _sort_key

    spans = units(text, refs)
    if not spans or len(refs) < 2:
        return []
    keys = [_sort_key(record(r)) for r in refs]
    order = sorted(range(len(refs)), key=lambda i: keys[i])
    if order == list(range(len(refs))):
        return []
    rank = [0] * len(refs)
    for pos, i in enumerate(order):
        rank[i] = pos
    keep = _keep(rank)
    edits: list[Edit] = []
    inserts: list[tuple[int, int, str, int]] = []  # (offset, rank, text, move)
    for i in range(len(refs)):
        if i in keep:
            continue
        start, end = spans[i]
        unit = text[start:end]
        cut = end
        if text[max(0, start - 2) : start] == "\n\n" and text.startswith("\n", end):
            cut = end + 1  # an entry set apart by blank lines: one of them goes with it
        edits.append(Edit(Span(start, cut), text[start:cut], "", "L401", i + 1))
        after = next((j for j in order[rank[i] + 1 :] if j in keep), None)
        if after is not None:
            at = spans[after][0]
        else:
            last = max(keep, key=lambda j: rank[j])
            at = spans[last][1]
            if not text[:at].endswith("\n"):
                unit = "\n" + unit.rstrip("\n")
        if not unit.endswith("\n") and at < len(text):
            unit += "\n"
        inserts.append((at, rank[i], unit, i + 1))
    for at, _r, unit, move in sorted(inserts):
        edits.append(Edit(Span(at, at), "", unit, "L401", move))
    return edits
