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

from refcheck.findings import Finding, Report, Rule, Severity
from refcheck.report._common import (
    RULES_DOC_URL,
    TOOL_NAME,
    Item,
    Style,
    display_path,
    finding_path,
    location,
    tool_version,
)
from refcheck.report._common import Writer as _Writer
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


def _part_data(report: Report, path: str) -> dict[str, Any]:
    """This manuscript's results and artifacts; rule and artifact indices are the log's, set
    when the parts are put together (:func:`_log`)."""
    uri = _uri(path)
    artifacts: dict[str, None] = {uri: None}  # the manuscript first, then LaTeX .bib files
    results: list[dict[str, Any]] = []
    for fp, f in zip(fingerprints(report), report.findings, strict=True):
        text = f.message + (f"\nSuggestion: {f.suggestion}" if f.suggestion else "")
        f_uri = _uri(finding_path(report, f, path))
        artifacts.setdefault(f_uri, None)
        physical: dict[str, Any] = {"artifactLocation": {"uri": f_uri}}
        line, col = location(report, f)
        if line is not None:
            physical["region"] = {"startLine": line, "startColumn": col or 1}
        result: dict[str, Any] = {
            "ruleId": f.code,
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
        fixes = _fixes(report, f, f_uri)
        if fixes:
            result["fixes"] = fixes
        results.append(result)
    return {
        "path": path,
        "artifacts": list(artifacts),
        "results": results,
        "notes": list(report.notes),
        "properties": {
            "references": len(report.references),
            "citations": len(report.citations),
            "resolved": report.resolved,
        },
    }


def _fixes(report: Report, f: Finding, uri: str) -> list[dict[str, Any]]:
    """SARIF ``fixes``: one fix, its edits as replacements of regions (lines and columns of the
    text refcheck read); ``properties.safe`` says whether ``refcheck fix`` applies it without
    ``--unsafe``."""
    fx = f.fix
    if fx is None or not fx.edits:
        return []
    doc = report.document
    replacements = []
    for e in fx.edits:
        sl, sc = doc.locate(e.span.start)
        el, ec = doc.locate(e.span.end)
        replacements.append({
            "deletedRegion": {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec},
            "insertedContent": {"text": e.new},
        })  # fmt: skip
    kind = "safe" if fx.safe else "unsafe (refcheck fix --unsafe)"
    return [{
        "description": {"text": f"{f.code} fix, {kind}"},
        "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
        "properties": {"safe": fx.safe},
    }]  # fmt: skip


def _log(parts: list[dict[str, Any]], errors: list[tuple[str, str]], batch: bool) -> dict[str, Any]:
    """One SARIF log, one run, every manuscript's results: what code scanning expects (it refuses
    several runs of one tool in one upload)."""
    rules = {r.code: r for r in _rules()}
    descriptors = [_descriptor(r) for r in rules.values()]
    index = {code: i for i, code in enumerate(rules)}
    artifacts: dict[str, int] = {}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for part in parts:
        for uri in part["artifacts"]:
            artifacts.setdefault(uri, len(artifacts))
        for r in part["results"]:
            code = r["ruleId"]
            if code not in index:  # a code nobody registered still gets a (bare) descriptor
                index[code] = len(descriptors)
                descriptors.append({"id": code, "shortDescription": {"text": code}})
            loc = r["locations"][0]["physicalLocation"]["artifactLocation"]
            loc["index"] = artifacts[loc["uri"]]
            results.append({"ruleId": code, "ruleIndex": index[code], **r})
        prefix = f"{part['path']}: " if batch else ""
        notifications += [{"message": {"text": prefix + n}, "level": "note"} for n in part["notes"]]
    for path, message in errors:
        notifications.append({"message": {"text": f"{path}: {message}"}, "level": "error"})
    if len(parts) == 1 and not batch:
        properties: dict[str, Any] = parts[0]["properties"]
    else:
        properties = {
            "manuscripts": len(parts) + len(errors),
            "references": sum(p["properties"]["references"] for p in parts),
            "citations": sum(p["properties"]["citations"] for p in parts),
            "resolved": bool(parts) and all(p["properties"]["resolved"] for p in parts),
        }
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
            {"executionSuccessful": not errors, "toolExecutionNotifications": notifications}
        ],
        "properties": properties,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def as_dict(
    report: Report, *, path_display: str | None = None, config: Config | None = None
) -> dict[str, Any]:
    """The SARIF log of one manuscript as Python data."""
    return _log([_part_data(report, display_path(report, path_display))], [], batch=False)


def _uri(path: str) -> str:
    return quote(path, safe="/:@-._~!$&'()*+,;=")


def part(report: Report, *, path: str, config: Config | None, style: Style, fmt: str) -> str:
    """This manuscript's results, as JSON for the writer."""
    return json.dumps(_part_data(report, path), ensure_ascii=False)


class Writer(_Writer):
    """One SARIF log for every manuscript; unusable ones are error notifications and make
    ``executionSuccessful`` false."""

    def add(self, item: Item) -> str:
        self.items.append(item)
        return ""

    def end(self) -> str:
        parts = [json.loads(i.part) for i in self.items if not i.error]
        errors = [(i.path, i.error) for i in self.items if i.error]
        data = _log(parts, errors, batch=self.style.batch)
        return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
