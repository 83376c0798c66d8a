"""Baselines: record today's findings so that only new ones are reported from now on.

A finding's fingerprint must survive edits elsewhere in the manuscript, so it never uses a line
number. It is the rule code plus what the finding is about: the citation's text, and/or a hash of
the reference entry's raw text, plus an occurrence index to tell apart repeats of the same key.
The same fingerprint is SARIF's ``partialFingerprints`` value, so code scanning tracks findings
across runs the same way.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import replace

from refcheck.errors import ConfigError
from refcheck.findings import Finding, Report

BASELINE_VERSION = 1
_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _key(report: Report, finding: Finding) -> str:
    parts = [finding.code]
    if finding.citation:
        parts.append("c:" + _norm(finding.citation))
    refs = report.document.references
    if finding.reference is not None and 1 <= finding.reference <= len(refs):
        parts.append("r:" + _digest(_norm(refs[finding.reference - 1].raw))[:16])
    if len(parts) == 1:  # about neither a citation nor an entry: the message is all there is
        parts.append("m:" + _norm(re.sub(r"\b(?:line|lines) \d+\b", "line", finding.message)))
    return "\x1f".join(parts)


def fingerprints(report: Report) -> list[str]:
    """One fingerprint per finding, in ``report.findings`` order (hex SHA-256, 32 characters)."""
    seen: Counter[str] = Counter()
    out: list[str] = []
    for f in report.findings:
        key = _key(report, f)
        out.append(_digest(f"{key}\x1f{seen[key]}")[:32])
        seen[key] += 1
    return out


def write_baseline(report: Report) -> str:
    """The baseline file's text: JSON with one fingerprint per finding (code and message kept
    beside it so a reviewer can see what is being accepted)."""
    rows = [
        {"fingerprint": fp, "code": f.code, "message": f.message}
        for fp, f in zip(fingerprints(report), report.findings, strict=True)
    ]
    rows.sort(key=lambda r: (r["code"], r["fingerprint"]))
    data = {
        "tool": "refcheck",
        "version": BASELINE_VERSION,
        "path": report.document.path,
        "findings": rows,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _known(baseline_text: str, path: str | None) -> set[str]:
    try:
        data = json.loads(baseline_text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"baseline is not JSON: {exc.msg}", path=path, line=exc.lineno) from None
    rows = data.get("findings") if isinstance(data, dict) else data
    if not isinstance(rows, list):
        raise ConfigError("baseline has no findings list", path=path)
    if isinstance(data, dict) and data.get("version", BASELINE_VERSION) != BASELINE_VERSION:
        raise ConfigError(f"unsupported baseline version {data.get('version')!r}", path=path)
    known: set[str] = set()
    for row in rows:
        fp = row.get("fingerprint") if isinstance(row, dict) else row
        if not isinstance(fp, str):
            raise ConfigError("baseline entries must have a string fingerprint", path=path)
        known.add(fp)
    return known


def apply_baseline(report: Report, baseline_text: str, *, path: str | None = None) -> Report:
    """``report`` without the findings recorded in the baseline; new findings are kept.

    A malformed baseline is a :class:`~refcheck.errors.ConfigError` (``path`` names it).
    """
    known = _known(baseline_text, path)
    kept = tuple(
        f for fp, f in zip(fingerprints(report), report.findings, strict=True) if fp not in known
    )
    hidden = len(report.findings) - len(kept)
    if not hidden:
        return report
    note = f"baseline: {hidden} known finding{'s' if hidden != 1 else ''} not shown"
    return replace(report, findings=kept, notes=(*report.notes, note))
