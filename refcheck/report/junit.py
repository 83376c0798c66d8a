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
    Item,
    Style,
    fail_on,
    fail_on_name,
    fails,
    finding_path,
    location,
    sorted_findings,
)
from refcheck.report._common import Writer as _Writer
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


def part(report: Report, *, path: str, config: Config | None, style: Style, fmt: str) -> str:
    """This manuscript's ``<testsuite>`` element, as XML for the writer."""
    return ET.tostring(_suite(report, path, config), encoding="unicode")


def _suite(report: Report, path: str, config: Config | None) -> ET.Element:
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
        ("fail_on", fail_on_name(threshold)),
    ):
        ET.SubElement(props, "property", name=name, value=str(value))
    for code in codes:
        found = by_code.get(code, [])
        case = ET.SubElement(
            suite, "testcase", name=code, classname=_x(f"{TOOL_NAME}.{path}"), time="0"
        )
        failing = [f for f in found if fails(f, threshold)]
        passing = [f for f in found if not fails(f, threshold)]
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
    return suite


def _error_suite(path: str, message: str) -> ET.Element:
    """A manuscript that could not be checked: a suite with one erroring testcase."""
    suite = ET.Element(
        "testsuite", name=_x(path), tests="1", errors="1", skipped="0", time="0", failures="0"
    )
    case = ET.SubElement(suite, "testcase", name="input", classname=_x(f"{TOOL_NAME}.{path}"))
    ET.SubElement(case, "error", type="input", message=_x(message)).text = _x(message)
    return suite


class Writer(_Writer):
    """One ``<testsuites>`` document with a ``<testsuite>`` per manuscript, totals on the root."""

    def add(self, item: Item) -> str:
        self.items.append(item)
        return ""

    def end(self) -> str:
        suites = [
            _error_suite(i.path, i.error) if i.error else ET.fromstring(i.part) for i in self.items
        ]
        root = ET.Element(
            "testsuites",
            name=TOOL_NAME,
            tests=str(sum(int(s.get("tests", "0")) for s in suites)),
            failures=str(sum(int(s.get("failures", "0")) for s in suites)),
            errors=str(sum(int(s.get("errors", "0")) for s in suites)),
            time="0",
        )
        root.extend(suites)
        ET.indent(root)
        xml = ET.tostring(root, encoding="unicode")
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml_safe(xml) + "\n"
