"""The default text report is compact and readable; ``--verbose`` keeps the detailed lines.

Measured on the seed before: 141 of 181 lines wider than 100 columns, the 4 errors scattered among
115 other lines, no count per rule, and infos could only be hidden code by code.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from refcheck.cli import main

SEVERITY = re.compile(r"^\s+\S*\s+(error|warning|info)\s+[A-Z]\d{3}  ")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def seed_report(capsys: pytest.CaptureFixture[str], seed_path: Path) -> tuple[int, list[str]]:
    code, out, _ = run(capsys, "check", str(seed_path), "--offline")
    return code, out.splitlines()


def test_lines_fit_in_100_columns_unless_one_unbreakable_word(
    seed_report: tuple[int, list[str]],
) -> None:
    code, lines = seed_report
    assert code == 1
    wide = [ln for ln in lines if len(ln) > 100]
    assert all(len(ln.split()) == 1 for ln in wide), wide  # a URL on a line of its own
    assert len(wide) <= 4


def test_errors_come_first_grouped_under_the_file(
    seed_report: tuple[int, list[str]], seed_path: Path
) -> None:
    _, lines = seed_report
    assert lines[0].endswith("turan-2025-asya-studies.txt")
    severities = [m.group(1) for ln in lines if (m := SEVERITY.match(ln))]
    # 4 errors on 3 lines: entry 41's two look-alikes are one line with both places
    assert severities[:3] == ["error"] * 3 and "error" not in severities[3:]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert lines[1].split()[:3] == ["105:158", "error", "X301"]


def test_the_same_finding_at_many_places_is_one_line(seed_report: tuple[int, list[str]]) -> None:
    _, lines = seed_report
    p105 = [ln for ln in lines if SEVERITY.match(ln) and " P105 " in ln]
    assert len(p105) == 2  # "a dated web page" (26 entries), "a news article" (1)
    text = " ".join(lines)
    assert re.search(r"\(26×, also at 193:3, 197:3, ", text)


def test_summary_by_rule_matches_the_findings(
    capsys: pytest.CaptureFixture[str], seed_report: tuple[int, list[str]], seed_path: Path
) -> None:
    _, lines = seed_report
    by_rule = lines[lines.index("by rule") + 1 : -2]
    counts = {row.split()[1]: int(row.split()[0]) for row in by_rule}
    _, out, _ = run(capsys, "check", str(seed_path), "--offline", "-f", "json")
    codes = [f["code"] for f in json.loads(out)["findings"]]
    assert counts == {c: codes.count(c) for c in set(codes)}
    assert [row.split()[2] for row in by_rule][:2] == ["error", "error"]
    assert lines[-2].startswith("4 errors, 71 warnings, 46 infos in ")


def test_width_follows_columns(
    capsys: pytest.CaptureFixture[str], seed_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "72")
    _, out, _ = run(capsys, "check", str(seed_path), "--offline")
    body = out.splitlines()[:-2]  # the summary and the note are one line each, as before
    wide = [ln for ln in body if len(ln) > 72]
    assert all(len(ln.split()) == 1 for ln in wide), wide


def test_min_severity_hides_below_it_everywhere_and_says_so(
    capsys: pytest.CaptureFixture[str], seed_path: Path
) -> None:
    code, out, _ = run(capsys, "check", str(seed_path), "--offline", "--min-severity", "warning")
    assert code == 1
    assert " info " not in " ".join(ln for ln in out.splitlines() if SEVERITY.match(ln))
    assert "note: 46 findings below warning not shown (min_severity = warning)" in out
    code, out, _ = run(capsys, "check", str(seed_path), "--offline", "--min-severity", "error",
                       "-f", "json")  # fmt: skip
    data = json.loads(out)
    assert code == 1 and {f["severity"] for f in data["findings"]} == {"error"}
    assert data["summary"]["warning"] == 0


def test_findings_hidden_by_min_severity_do_not_fail_the_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ms = tmp_path / "w.md"  # one entry never cited: a warning, nothing worse
    ms.write_text(
        "Text (Rose, 1998).\n\nReferences\n\n"
        "Rose, G. (1998). Neoclassical realism. *World Politics*, *51*(1), 144–172.\n"
        "Zed, A. (2000). Uncited work. *J*, *1*(1), 1–2.\n",
        "utf-8",
    )
    code, _, _ = run(capsys, "check", str(ms), "--offline")
    assert code == 1
    code, out, _ = run(capsys, "check", str(ms), "--offline", "--min-severity", "error")
    assert code == 0 and "X302" not in out


def test_verbose_keeps_every_finding_on_its_own_linter_line(
    capsys: pytest.CaptureFixture[str], seed_path: Path
) -> None:
    code, out, _ = run(capsys, "check", str(seed_path), "--offline", "--verbose")
    lines = out.splitlines()
    located = [ln for ln in lines if re.match(r"\S+\.txt:\d+:\d+: [A-Z]\d{3} \[", ln)]
    assert code == 1 and len(located) == 121
    assert sum(ln.startswith("    suggestion: ") for ln in lines) > 0
    assert lines[-2].startswith("4 errors, 71 warnings, 46 infos in ")


def test_a_batch_ends_with_rules_and_one_row_per_manuscript(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_path: Path
) -> None:
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text(seed_path.read_text("utf-8"), "utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path / "b.txt"), str(tmp_path / "a.txt"),
                       "--offline", "--no-progress")  # fmt: skip
    lines = out.splitlines()
    assert code == 1
    assert lines[-1] == "2 manuscripts: 8 errors, 142 warnings, 92 infos"
    assert "by rule (all manuscripts)" in lines
    rows = lines[lines.index("by rule (all manuscripts)") + 1 :]
    assert rows[0].split()[:3] == ["6", "N503", "error"]
    table = lines[-3:-1]
    assert [Path(r.split()[0]).name for r in table] == ["b.txt", "a.txt"]
