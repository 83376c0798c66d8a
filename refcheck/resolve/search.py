"""Missing DOIs: Crossref ``query.bibliographic`` candidates, accepted only after validation.

The validation follows Crossref's own search-based matcher (SBMV): a candidate needs at least three
support signals among title, year (±1 counts half), volume, first author and first page, and the
title or the author must agree. Two equally good candidates are a tie: no suggestion, never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from refcheck.model import Reference
from refcheck.resolve.doi import (
    WorkMeta,
    entry_first_family,
    fold,
    names_agree,
    page_range,
    parse_crossref,
    title_similarity,
)

SEARCH_TYPES = frozenset({"article-journal", "chapter", "paper-conference"})
MIN_SUPPORT = 3.0
SIGNAL_THRESHOLD = 0.7


@dataclass(frozen=True)
class Candidate:
    """A validated search hit with the evidence that supports it."""

    meta: WorkMeta
    support: float
    title_score: float
    evidence: tuple[str, ...]

    @property
    def doi(self) -> str:
        return self.meta.doi


def wants_search(ref: Reference) -> bool:
    """Journal articles and chapters without a DOI are where a missing DOI is most likely."""
    return ref.type in SEARCH_TYPES and not ref.doi and not ref.doi_raw and bool(ref.title)


def validate(ref: Reference, meta: WorkMeta) -> Candidate | None:
    if meta.type in ("journal-issue", "journal", "journal-volume") or not meta.doi:
        return None
    support = 0.0
    evidence: list[str] = []
    tscore = title_similarity(ref.title, meta) if ref.title else 0.0
    if tscore > SIGNAL_THRESHOLD:
        support += 1
        evidence.append(f"title {tscore:.2f}")
    fam = entry_first_family(ref)
    author_ok = bool(fam and meta.first_family and fold(fam)
                     and names_agree(fam, meta.first_family))
    if author_ok:
        support += 1
        evidence.append(f"first author {meta.first_family}")
    if ref.year is not None and meta.years:
        if ref.year in meta.years:
            support += 1
            evidence.append(f"year {ref.year}")
        elif any(abs(ref.year - y) == 1 for y in meta.years):
            support += 0.5
            evidence.append(f"year {meta.years[0]} (±1)")
    if ref.volume and meta.volume and ref.volume.strip().lower() == meta.volume.strip().lower():
        support += 1
        evidence.append(f"volume {meta.volume}")
    if ref.pages and meta.pages:
        ef, _ = page_range(ref.pages)
        sf, _ = page_range(meta.pages)
        if ef and ef == sf:
            support += 1
            evidence.append(f"first page {sf}")
    if support < MIN_SUPPORT or not (tscore > SIGNAL_THRESHOLD or author_ok):
        return None
    return Candidate(meta=meta, support=support, title_score=tscore, evidence=tuple(evidence))


def choose(ref: Reference, items: list[Any]) -> tuple[Candidate | None, str]:
    """The one validated candidate, or None with the reason (nothing validated, or a tie)."""
    valid: list[Candidate] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        cand = validate(ref, parse_crossref(item))
        if cand is not None:
            valid.append(cand)
    if not items:
        return None, "Crossref returned no candidates"
    if not valid:
        return None, f"no candidate among {len(items)} passed validation"
    valid.sort(key=lambda c: (c.support, c.title_score), reverse=True)
    best = valid[0]
    if len(valid) > 1 and valid[1].support == best.support \
            and abs(valid[1].title_score - best.title_score) < 0.02 and valid[1].doi != best.doi:
        return None, f"ambiguous: {best.doi} and {valid[1].doi} fit equally well"
    return best, "evidence: " + ", ".join(best.evidence)
