"""Findings and the rule registry.

A finding is what a linter calls a diagnostic: a stable rule code, a severity, a message and a
location. Every code is registered once, here in the registry, by the module that emits it, so
``select``/``ignore``, per-rule severities and ``docs/rules.md`` all come from one source of truth.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from refcheck.model import Citation, Document, Link, Reference, Resolution, Span


class Severity(str, Enum):
    """Ordered severities; ``fail_on`` compares against them."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise ValueError(
                f"unknown severity {value!r} (expected one of: info, warning, error)"
            ) from None


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Rule:
    """A documented check. ``bad``/``good`` are the examples docs/rules.md shows."""

    code: str  # stable: never reused, never renamed
    name: str  # kebab-case slug
    severity: Severity  # default severity
    stage: str  # pipeline stage that emits it: parse, cite, match, normalise, resolve, rules
    summary: str  # one sentence: what is wrong and why it matters
    bad: str
    good: str
    source: str = ""  # the APA section or guide the rule comes from


_REGISTRY: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    """Add a rule to the registry; re-registering the same code with other content is a bug."""
    old = _REGISTRY.get(rule.code)
    if old is not None and old != rule:
        raise RuntimeError(f"rule code {rule.code} registered twice with different content")
    _REGISTRY[rule.code] = rule
    return rule


def get_rule(code: str) -> Rule:
    return _REGISTRY[code]


def registered_rules() -> Iterator[Rule]:
    """Rules registered so far, sorted by code (import ``refcheck.rules`` to load them all)."""
    return iter(sorted(_REGISTRY.values(), key=lambda r: r.code))


@dataclass(frozen=True, slots=True)
class Edit:
    """One change to ``Document.text``: ``span`` holds ``old``, which becomes ``new``.

    ``code`` names the rule(s) the change answers (``"C203"``; ``"L401,N501"`` when a moved entry
    is also rewritten). An insertion has an empty span and ``old``.
    """

    span: Span
    old: str
    new: str
    code: str
    move: int = 0  # L401: the moved entry's number, shared by its deletion and its insertion


@dataclass(frozen=True, slots=True)
class Fix:
    """How a finding can be put right, as linters say it: ``safe`` fixes change only form (a DOI
    written as a link, "et al." spelt right, list order, year letters); unsafe ones change what an
    entry says (a re-rendered or romanised entry, a retrieval date dropped, a DOI found online)."""

    safe: bool
    edits: tuple[Edit, ...]
    description: str = ""

    @property
    def replacement(self) -> str:
        """The new text of the first edit (most fixes have one)."""
        return self.edits[0].new if self.edits else ""

    @property
    def span(self) -> Span | None:
        return self.edits[0].span if self.edits else None


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in the manuscript.

    ``line``/``column`` are 1-based; for a finding about a citation they are the citation's, for a
    finding about an entry alone they are the entry's. ``reference`` is the 1-based entry index.
    """

    code: str
    severity: Severity
    message: str
    line: int | None = None
    column: int | None = None
    span: Span | None = None
    reference: int | None = None
    citation: str | None = None
    suggestion: str = ""
    path: str | None = None  # file the location is in when not the manuscript (a LaTeX .bib)
    fix: Fix | None = None  # filled by refcheck.fixes after the checks ran

    @classmethod
    def make(
        cls,
        code: str,
        message: str,
        doc: Document | None = None,
        span: Span | None = None,
        *,
        reference: int | None = None,
        citation: str | None = None,
        suggestion: str = "",
        severity: Severity | None = None,
    ) -> Finding:
        """Build a finding with the rule's default severity and line/column from ``span``."""
        rule = _REGISTRY[code]
        line = column = None
        path: str | None = None
        if doc is not None and span is not None:
            path, line, column = doc.where(span.start)  # LaTeX: the .bib's own path and line
        return cls(
            code=code,
            severity=severity or rule.severity,
            message=message,
            line=line,
            column=column,
            span=span,
            reference=reference,
            citation=citation,
            suggestion=suggestion,
            path=path,
        )

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        # the manuscript's findings (path None) first, then each appended file's in line order
        return (self.path or "", self.line or 0, self.column or 0, self.code, self.message)


@dataclass(frozen=True)
class Report:
    """The outcome of ``refcheck.check``: the findings and everything they point at.

    The library returns all findings; whether they fail a build is the caller's decision
    (:meth:`failed`), as with a linter.
    """

    document: Document
    citations: tuple[Citation, ...] = ()
    links: tuple[Link, ...] = ()
    resolutions: tuple[Resolution, ...] = ()
    findings: tuple[Finding, ...] = ()
    resolved: bool = False  # whether the resolve stage ran (False with --offline)
    notes: tuple[str, ...] = ()  # run-level remarks ("offline: 12 DOIs and 30 URLs not verified")
    language: str = ""  # the manuscript language the rules followed (en, tr, az, ru)
    network_unreachable: bool = False  # the resolve stage ran but could reach nothing

    @property
    def references(self) -> tuple[Reference, ...]:
        return self.document.references

    def failed(self, fail_on: Severity | None = Severity.WARNING) -> bool:
        """Whether a finding is at or above ``fail_on`` (``None``: ``never``, nothing fails)."""
        if fail_on is None:
            return False
        return any(f.severity.rank >= fail_on.rank for f in self.findings)

    def counts(self) -> dict[str, int]:
        out = {s.value: 0 for s in Severity}
        for f in self.findings:
            out[f.severity.value] += 1
        return out
