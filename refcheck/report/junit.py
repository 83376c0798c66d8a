"""JUnit XML for CI dashboards (GitLab, Jenkins, Azure): one testsuite per manuscript, one
testcase per rule.

Per rule rather than per finding, so a dashboard's test names are stable from run to run and
"97 passed, 3 failed" reads as "three rules broken". A rule fails when it has findings at or above
``fail_on``; lower ones are listed in the testcase's ``system-out`` and do not fail it. Built with
ElementTree (which escapes), after removing characters XML 1.0 cannot carry at all.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TYPE_CHECKING

from refcheck.findings import Finding, Report
from refcheck.report._common import (
    TOOL_NAME,
    display_path,
    fail_on,
    finding_path,
    location,
    sorted_findings,
)
from refcheck.safetext import xml_safe

if TYPE_CHECKING:
    from refcheck.config import Config

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _x(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _enabled_codes(config: Config | None) -> list[str]:
    from refcheck.rules import all_rules, enabled

    select = config.select if config else ()
    ignore = config.ignore if config else ()
    return [r.code for r in all_rules() if enabled(r.code, select, ignore)]


def render(
    report: Report,
    *,
    path_display: str | None = None,
    color: bool = False,
    config: Config | None = None,
) -> str:
    """A ``<testsuites>`` document with one ``<testsuite>`` for this manuscript."""
    path = display_path(report, path_display)
    threshold = fail_on(config)
    by_code: dict[str, list[Finding]] = defaultdict(list)
    for f in sorted_findings(report):
        by_code[f.code].append(f)
    codes = sorted(set(_enabled_codes(config)) | set(by_code))

    def line_of(f: Finding) -> str:
        line, col = location(report, f)
        fpath = finding_path(report, f, path)  # LaTeX: a .bib entry's finding names the .bib
        where = f"{fpath}:{line}:{col or 1}" if line is not None else fpath
        extra = f" (suggestion: {f.suggestion})" if f.suggestion else ""
        return f"{where}: {f.code} [{f.severity.value}] {f.message}{extra}"

    failures = 0
    suite = ET.Element(
        "testsuite", name=_x(path), tests=str(len(codes)), errors="0", skipped="0", time="0"
    )
    props = ET.SubElement(suite, "properties")
    for name, value in (
        ("references", len(report.references)),
        ("citations", len(report.citations)),
        ("resolved", str(report.resolved).lower()),
        ("fail_on", threshold.value),
    ):
        ET.SubElement(props, "property", name=name, value=str(value))
    for code in codes:
        found = by_code.get(code, [])
        case = ET.SubElement(
            suite, "testcase", name=code, classname=_x(f"{TOOL_NAME}.{path}"), time="0"
        )
        failing = [f for f in found if f.severity.rank >= threshold.rank]
        passing = [f for f in found if f.severity.rank < threshold.rank]
        if failing:
            failures += 1
            first = failing[0]
            fail = ET.SubElement(
                case,
                "failure",
                type=code,
                message=_x(
                    f"{len(failing)} finding{'s' if len(failing) != 1 else ''}: {first.message}"
                ),
            )
            fail.text = _x("\n".join(line_of(f) for f in failing))
        if passing:
            out = ET.SubElement(case, "system-out")
            out.text = _x("\n".join(line_of(f) for f in passing))
    suite.set("failures", str(failures))
    if report.notes:
        ET.SubElement(suite, "system-out").text = _x("\n".join(report.notes))
    root = ET.Element(
        "testsuites",
        name=TOOL_NAME,
        tests=str(len(codes)),
        failures=str(failures),
        errors="0",
        time="0",
    )
    root.append(suite)
    ET.indent(root)
    xml = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml_safe(xml) + "\n"
