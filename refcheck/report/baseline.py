"""Baselines: record today's findings so that only new ones are reported from now on.

A finding's fingerprint must survive edits elsewhere in the manuscript, so it never uses a line
number. It is the rule code plus what the finding is about: the citation's text, and/or a hash of
the reference entry's raw text, plus an occurrence index to tell apart repeats of the same key.
The same fingerprint is SARIF's ``partialFingerprints`` value, so code scanning tracks findings
across runs the same way.

One baseline file holds any number of manuscripts, each named by its path relative to the file's
folder, so ``--write-baseline`` works for a whole batch and a baseline never hides one
manuscript's findings in another.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections import Counter
from dataclasses import dataclass, replace

from refcheck.errors import ConfigError
from refcheck.findings import Finding, Report

BASELINE_VERSION = 2  # 2: one file for many manuscripts; version 1 files are still read
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


def baseline_rows(report: Report) -> list[dict[str, str]]:
    """One manuscript's rows: fingerprint, with the code and message kept beside it so that a
    reviewer can see what is being accepted."""
    rows = [
        {"fingerprint": fp, "code": f.code, "message": f.message}
        for fp, f in zip(fingerprints(report), report.findings, strict=True)
    ]
    rows.sort(key=lambda r: (r["code"], r["fingerprint"]))
    return rows


def manuscript_key(manuscript: str, baseline: str | None) -> str:
    """How a baseline names a manuscript: its path relative to the baseline file's folder (so
    the file works from any working folder), else the path as given; always with ``/``."""
    if baseline is None or manuscript.startswith("<"):
        return manuscript.replace(os.sep, "/")
    try:
        folder = os.path.dirname(os.path.abspath(baseline))
        rel = os.path.relpath(os.path.abspath(manuscript), folder)
    except ValueError:  # another drive (Windows)
        rel = os.path.abspath(manuscript)
    return rel.replace(os.sep, "/")


def baseline_document(manuscripts: dict[str, list[dict[str, str]]]) -> str:
    """The baseline file's text for every manuscript checked (keys from :func:`manuscript_key`)."""
    data = {
        "tool": "refcheck",
        "version": BASELINE_VERSION,
        "manuscripts": [
            {"path": key, "findings": rows} for key, rows in sorted(manuscripts.items())
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_baseline(report: Report, *, baseline_path: str | None = None) -> str:
    """The baseline file's text for one manuscript (``baseline_path``: where it will be kept, so
    the manuscript is named relative to it)."""
    key = manuscript_key(report.document.path, baseline_path)
    return baseline_document({key: baseline_rows(report)})


@dataclass(frozen=True)
class Baseline:
    """A read baseline: each manuscript's known fingerprints. Version 1 files recorded one
    manuscript under ``path`` as it was given on the command line."""

    path: str | None
    manuscripts: dict[str, frozenset[str]]
    version: int = BASELINE_VERSION

    def known_for(self, manuscript: str) -> frozenset[str] | None:
        """The fingerprints recorded for ``manuscript``, or None when it is not in the file."""
        key = manuscript_key(manuscript, self.path)
        if key in self.manuscripts:
            return self.manuscripts[key]
        if self.version == 1:  # recorded as given: the same file, named some other way
            for recorded, known in self.manuscripts.items():
                if recorded in (manuscript, manuscript.replace(os.sep, "/"), "") or (
                    not recorded.startswith("<")
                    and os.path.abspath(recorded) == os.path.abspath(manuscript)
                ):
                    return known
        return None


MAX_BASELINE_BYTES = 64 * 1024 * 1024


def read_baseline(path: str) -> Baseline:
    """Read a baseline file; anything unusable is one :class:`ConfigError` naming it."""
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise ConfigError("baseline is a folder, not a file", path=path)
        if not stat.S_ISREG(st.st_mode):
            raise ConfigError("baseline is not a regular file", path=path)
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BASELINE_BYTES + 1)
    except FileNotFoundError:
        raise ConfigError("baseline file not found", path=path) from None
    except OSError as exc:
        raise ConfigError(f"cannot read baseline: {exc.strerror}", path=path) from None
    if len(raw) > MAX_BASELINE_BYTES:
        raise ConfigError("baseline is larger than 64 MiB", path=path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError("baseline is not UTF-8 text", path=path) from None
    return parse_baseline(text, path=path)


def parse_baseline(text: str, *, path: str | None = None) -> Baseline:
    """A baseline from its text (version 1 or 2); a malformed one is a :class:`ConfigError`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"baseline is not JSON: {exc.msg}", path=path, line=exc.lineno) from None
    except RecursionError:
        raise ConfigError("baseline is nested too deeply to be a baseline", path=path) from None
    except ValueError as exc:  # an integer too long to convert, and the like
        raise ConfigError(f"baseline is not JSON: {exc}", path=path) from None
    version = data.get("version", 1) if isinstance(data, dict) else 1
    if version not in (1, BASELINE_VERSION):
        raise ConfigError(f"unsupported baseline version {version!r}", path=path)
    if isinstance(data, dict) and version == BASELINE_VERSION:
        entries = data.get("manuscripts")
        if not isinstance(entries, list):
            raise ConfigError("baseline has no manuscripts list", path=path)
        manuscripts: dict[str, frozenset[str]] = {}
        for entry in entries:
            if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
                raise ConfigError("baseline manuscripts need a string path", path=path)
            manuscripts[entry["path"]] = _fingerprints_of(entry.get("findings"), path)
        return Baseline(path, manuscripts)
    rows = data.get("findings") if isinstance(data, dict) else data
    recorded = data.get("path") if isinstance(data, dict) else None
    return Baseline(
        path,
        {recorded if isinstance(recorded, str) else "": _fingerprints_of(rows, path)},
        version=1,
    )


def _fingerprints_of(rows: object, path: str | None) -> frozenset[str]:
    if not isinstance(rows, list):
        raise ConfigError("baseline has no findings list", path=path)
    known: set[str] = set()
    for row in rows:
        fp = row.get("fingerprint") if isinstance(row, dict) else row
        if not isinstance(fp, str):
            raise ConfigError("baseline entries must have a string fingerprint", path=path)
        known.add(fp)
    return frozenset(known)


def hide_known(report: Report, known: frozenset[str] | None, *, baseline: str = "") -> Report:
    """``report`` without the findings whose fingerprints are ``known``; new ones are kept.
    ``None`` (the manuscript is not in the baseline) hides nothing and says so in a note."""
    if known is None:
        note = f"baseline: nothing recorded for this manuscript in {baseline or 'the baseline'}"
        return replace(report, notes=(*report.notes, note))
    kept = tuple(
        f for fp, f in zip(fingerprints(report), report.findings, strict=True) if fp not in known
    )
    hidden = len(report.findings) - len(kept)
    if not hidden:
        return report
    note = f"baseline: {hidden} known finding{'s' if hidden != 1 else ''} not shown"
    return replace(report, findings=kept, notes=(*report.notes, note))


def apply_baseline(report: Report, baseline_text: str, *, path: str | None = None) -> Report:
    """``report`` without the findings recorded for its manuscript in the baseline.

    A malformed baseline is a :class:`~refcheck.errors.ConfigError` (``path`` names it); one that
    does not record this manuscript hides nothing (a note says so).
    """
    base = parse_baseline(baseline_text, path=path)
    return hide_known(report, base.known_for(report.document.path), baseline=path or "")
