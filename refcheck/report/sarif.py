"""SARIF 2.1.0, the format GitHub code scanning and many IDEs read.

The driver lists every registered rule (so a viewer can show a rule's help even when it did not
fire); results point at the manuscript by relative URI with 1-based line/column counted in Unicode
code points (``columnKind``). ``partialFingerprints`` are the baseline fingerprints, which do not
depend on line numbers, so a finding keeps its identity when text above it moves.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from refcheck.findings import Report, Rule, Severity
from refcheck.report._common import (
    RULES_DOC_URL,
    TOOL_NAME,
    display_path,
    finding_path,
    location,
    tool_version,
)
from refcheck.report.baseline import fingerprints
from refcheck.safetext import json_safe

if TYPE_CHECKING:
    from refcheck.config import Config

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "refcheckFingerprint/v1"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rules() -> list[Rule]:
    from refcheck.rules import all_rules

    return all_rules()


def _descriptor(rule: Rule) -> dict[str, Any]:
    full = rule.summary + (f" Source: {rule.source}." if rule.source else "")
    markdown = (
        f"{rule.summary}\n\n"
        + (f"Source: {rule.source}\n\n" if rule.source else "")
        + f"Bad:\n\n```text\n{rule.bad}\n```\n\nGood:\n\n```text\n{rule.good}\n```\n"
    )
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": full},
        "help": {"text": f"{full}\nBad: {rule.bad}\nGood: {rule.good}", "markdown": markdown},
        "helpUri": f"{RULES_DOC_URL}#{rule.code.lower()}",
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"stage": rule.stage, "tags": [rule.stage]},
    }


def as_dict(
    report: Report, *, path_display: str | None = None, config: Config | None = None
) -> dict[str, Any]:
    """The SARIF log as Python data."""
    path = display_path(report, path_display)
    uri = _uri(path)
    # artifact 0 is the manuscript; a LaTeX manuscript's .bib files follow, in order of use
    artifacts: dict[str, int] = {uri: 0}
    rules = {r.code: r for r in _rules()}
    descriptors = [_descriptor(r) for r in rules.values()]
    index = {r.code: i for i, r in enumerate(rules.values())}
    for f in report.findings:  # a code nobody registered still gets a (bare) descriptor
        if f.code not in index:
            index[f.code] = len(descriptors)
            descriptors.append({"id": f.code, "shortDescription": {"text": f.code}})
    results: list[dict[str, Any]] = []
    for fp, f in zip(fingerprints(report), report.findings, strict=True):
        text = f.message + (f"\nSuggestion: {f.suggestion}" if f.suggestion else "")
        f_uri = _uri(finding_path(report, f, path))
        f_index = artifacts.setdefault(f_uri, len(artifacts))
        physical: dict[str, Any] = {"artifactLocation": {"uri": f_uri, "index": f_index}}
        line, col = location(report, f)
        if line is not None:
            physical["region"] = {"startLine": line, "startColumn": col or 1}
        result: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": LEVEL[f.severity],
            "message": {"text": text},
            "locations": [{"physicalLocation": physical}],
            "partialFingerprints": {FINGERPRINT_KEY: fp},
        }
        props: dict[str, Any] = {}
        if f.reference is not None:
            props["reference"] = f.reference
        if f.citation is not None:
            props["citation"] = f.citation
        if props:
            result["properties"] = props
        results.append(result)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "version": tool_version(),
                "informationUri": RULES_DOC_URL.rsplit("/blob/", 1)[0],
                "rules": descriptors,
            }
        },
        "artifacts": [{"location": {"uri": u}, "roles": ["analysisTarget"]} for u in artifacts],
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [
                    {"message": {"text": n}, "level": "note"} for n in report.notes
                ],
            }
        ],
        "properties": {
            "references": len(report.references),
            "citations": len(report.citations),
            "resolved": report.resolved,
        },
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _uri(path: str) -> str:
    return quote(path, safe="/:@-._~!$&'()*+,;=")


def render(
    report: Report,
    *,
    path_display: str | None = None,
    color: bool = False,
    config: Config | None = None,
) -> str:
    """The SARIF log as pretty-printed JSON."""
    data = as_dict(report, path_display=path_display, config=config)
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
