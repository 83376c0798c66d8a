"""The rules stage: run every registered check over the analysed document, then filter.

Checks are small functions registered with :func:`check`, one module per family
(``refcheck.checks.*``). Each declares the rule codes it may emit, so selecting or ignoring codes
can skip whole checks, and ``docs/rules.md`` is generated from the registry
(``python -m refcheck.rules > docs/rules.md``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from refcheck.findings import Finding, Rule, Severity, registered_rules
from refcheck.model import Citation, Document, Link, Reference, Resolution

CHECK_MODULES = (
    "refcheck.checks.entries",
    "refcheck.checks.citations",
    "refcheck.checks.citation_style",
    "refcheck.checks.reference_list",
    "refcheck.checks.multilingual",
    "refcheck.checks.resolution",
    "refcheck.checks.files",
)


@dataclass(frozen=True)
class RuleOptions:
    """What the checks may be configured with (filled from ``refcheck.config.Config``)."""

    transliteration: str = "ala-lc"
    offline: bool = False
    language_detector: str = "builtin"  # see refcheck.normalise.LANGUAGE_DETECTORS
    language: str = "en"  # the manuscript's language (refcheck.language): en, tr, az, ru
    language_source: str = "default"  # config, detected, fallback (unknown: English rules), short
    language_evidence: str = ""
    et_al: str = "auto"  # the journal's et-al form; "auto": the manuscript language's


@dataclass(frozen=True)
class Context:
    """Everything the earlier stages produced; checks read it and return findings."""

    document: Document
    references: tuple[Reference, ...]
    citations: tuple[Citation, ...] = ()
    links: tuple[Link, ...] = ()
    resolutions: tuple[Resolution, ...] = ()
    resolved: bool = False  # False when the resolve stage did not run (offline)
    options: RuleOptions = field(default_factory=RuleOptions)


CheckFn = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class _Check:
    codes: frozenset[str]
    fn: CheckFn


_CHECKS: list[_Check] = []


def check(*codes: str) -> Callable[[CheckFn], CheckFn]:
    """Register a check function that may emit the given rule codes."""

    def deco(fn: CheckFn) -> CheckFn:
        _CHECKS.append(_Check(frozenset(codes), fn))
        return fn

    return deco


def load_checks() -> None:
    """Import every check module so that its rules and checks are registered."""
    for name in CHECK_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a family not built yet
            if exc.name != name:
                raise


def all_rules() -> list[Rule]:
    load_checks()
    return list(registered_rules())


def _matches(code: str, patterns: Sequence[str]) -> bool:
    """``X3`` selects X300..X399, ``ALL`` everything: prefixes, like ruff's selectors."""
    return any(p == "ALL" or code.startswith(p) for p in patterns)


def enabled(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    return _matches(code, select or ("ALL",)) and not _matches(code, ignore)


def run_checks(
    ctx: Context,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severities: dict[str, Severity] | None = None,
) -> list[Finding]:
    """Run the checks, keep the selected codes, apply severity overrides, sort by location."""
    load_checks()
    out: list[Finding] = []
    for chk in _CHECKS:
        if not any(enabled(c, select, ignore) for c in chk.codes):
            continue
        for f in chk.fn(ctx):
            if f.code not in chk.codes:
                raise RuntimeError(f"{chk.fn.__qualname__} emitted undeclared code {f.code}")
            if not enabled(f.code, select, ignore):
                continue
            if severities and f.code in severities:
                out.append(replace(f, severity=severities[f.code]))
            else:
                out.append(f)
    out.sort(key=lambda f: f.sort_key)
    return out


def rules_markdown() -> str:
    """docs/rules.md, generated from the registry so code and docs cannot drift."""
    lines = [
        "# Rules",
        "",
        "Every finding refcheck reports has one of these stable codes. Select or ignore them by",
        "code or prefix (`--select X3 --ignore X305`, or `select`/`ignore` in `[tool.refcheck]`),",
        "and change a rule's severity with `severity = { X305 = \"error\" }`.",
        "This file is generated: `python -m refcheck.rules > docs/rules.md`.",
        "",
        "| code | name | severity | stage |",
        "|---|---|---|---|",
    ]
    rules = all_rules()
    for r in rules:
        link = f"[{r.code}](#{r.code.lower()})"
        lines.append(f"| {link} | {r.name} | {r.severity.value} | {r.stage} |")
    for r in rules:
        lines += ["", f"## {r.code}", "", f"**{r.name}** ({r.severity.value}, {r.stage} stage)", ""]
        lines += [r.summary, ""]
        if r.source:
            lines += [f"Source: {r.source}", ""]
        lines += ["Bad:", "", "```text", r.bad, "```", "", "Good:", "", "```text", r.good, "```"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(rules_markdown(), end="")
