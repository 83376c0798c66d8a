"""The command line is a contract CI scripts rely on: options, exit codes, output shapes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from refcheck.cli import main

CLEAN = """Title

Rivalry ripens when power shifts (Friedberg, 1993, p. 29). Rose (1998) agrees.

References

Friedberg, A. L. (1993). Ripe for rivalry: Prospects for peace in a multipolar Asia. *International Security*, *18*(3), 5–33. https://doi.org/10.2307/2539204
Rose, G. (1998). Neoclassical realism and theories of foreign policy. *World Politics*, *51*(1), 144–172. https://doi.org/10.1017/s0043887100007814
"""


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    p = tmp_path / "clean.md"
    p.write_text(CLEAN, encoding="utf-8")
    return p


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_clean_manuscript_exits_0(capsys: pytest.CaptureFixture[str], clean: Path) -> None:
    code, out, _ = run(capsys, "check", str(clean), "--offline", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["references"] == 2
    assert data["citations"] == 2
    assert [f["code"] for f in data["findings"] if f["severity"] != "info"] == []


def test_check_seed_json_contract(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    code, out, _ = run(capsys, "check", str(seed_path), "--offline", "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert data["references"] == 42
    assert data["citations"] == 55
    for f in data["findings"]:
        assert {"code", "severity", "message", "line", "column", "reference", "citation"} <= set(f)
    x301 = [f for f in data["findings"] if f["code"] == "X301"]
    assert len(x301) == 1
    assert x301[0]["citation"] == "von Clausewitz (1832)"
    assert x301[0]["reference"] is None
    assert (x301[0]["line"], x301[0]["column"]) == (105, 158)


def test_select_and_fail_on(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    code, out, _ = run(
        capsys, "check", str(seed_path), "--offline", "--format", "json", "--select", "X301,X302"
    )
    codes = sorted(f["code"] for f in json.loads(out)["findings"])
    assert codes == ["X301", "X302"]
    assert code == 1
    code, _, _ = run(capsys, "check", str(seed_path), "--offline", "--select", "X302",
                     "--fail-on", "error")
    assert code == 0  # X302 is a warning, below the threshold
    code, _, _ = run(capsys, "check", str(seed_path), "--offline", "--fail-on", "never")
    assert code == 0


def test_verbose_text_format_is_linter_like(
    capsys: pytest.CaptureFixture[str], seed_path: Path
) -> None:
    code, out, _ = run(capsys, "check", str(seed_path), "--offline", "--select", "X301", "--verbose")
    first = out.splitlines()[0]
    assert first.endswith(
        "turan-2025-asya-studies.txt:105:158: X301 [error] von Clausewitz (1832): "
        "no entry for von Clausewitz (1832) in the reference list"
    )
    assert code == 1


def test_missing_file_is_one_line_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "check", str(tmp_path / "nope.txt"), "--offline")
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "nope.txt" in err
    assert "Traceback" not in err


def test_no_heading_suggests_references_from(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    p = tmp_path / "nohead.txt"
    p.write_text("Body (Rose, 1998).\n\nRose, G. (1998). Title. *J*, *1*(1), 1–2.\n", "utf-8")
    code, _, err = run(capsys, "check", str(p), "--offline")
    assert code == 2
    assert "--references-from" in err
    code, out, _ = run(capsys, "parse", str(p), "--references-from", "3", "--format", "csl-json")
    assert code == 0
    assert json.loads(out)[0]["author"] == [{"family": "Rose", "given": "G."}]


def test_parse_csl_json_shape(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    code, out, _ = run(capsys, "parse", str(seed_path), "--format", "csl-json")
    items = json.loads(out)
    assert code == 0
    assert len(items) == 42
    friedberg = items[5]
    assert friedberg["type"] == "article-journal"
    assert friedberg["author"] == [{"family": "Friedberg", "given": "A. L."}]
    assert friedberg["issued"] == {"date-parts": [[1993]]}
    assert friedberg["container-title"] == "International Security"
    assert (friedberg["volume"], friedberg["issue"], friedberg["page"]) == ("18", "3", "5–33")
    assert friedberg["DOI"] == "10.2307/2539204"
    assert friedberg["custom"]["line"] == 196
    assert friedberg["custom"]["script"] == "latin"
    assert friedberg["custom"]["apa_conformant"] is True
    assert items[0]["author"] == [{"literal": "Anadolu Agency"}]


def test_parse_table(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    code, out, _ = run(capsys, "parse", str(seed_path))
    lines = out.splitlines()
    assert code == 0
    assert len(lines) == 2 + 42
    assert lines[2].split()[:2] == ["1", "191"]


def test_export_bibtex(capsys: pytest.CaptureFixture[str], seed_path: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "seed.bib"
    code, _, _ = run(capsys, "export", str(seed_path), "--to", "bibtex", "-o", str(out_file))
    text = out_file.read_text(encoding="utf-8")
    assert code == 0
    assert text.count("\n@") + text.startswith("@") == 42


def test_rules_lists_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    codes = [line.split()[0] for line in out.splitlines()]
    assert code == 0
    assert {"P101", "X301", "N503", "D601", "U701", "R801"} <= set(codes)
    assert codes == sorted(codes)


def test_docs_rules_md_is_generated_from_the_registry() -> None:
    from refcheck.rules import rules_markdown

    doc = (Path(__file__).resolve().parent.parent / "docs" / "rules.md").read_text("utf-8")
    assert doc == rules_markdown(), "regenerate: python -m refcheck.rules > docs/rules.md"


def test_batch_directory_json_is_one_list_and_jsonl_one_line_each(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_path: Path, clean: Path
) -> None:
    d = tmp_path / "many"
    d.mkdir()
    for i in range(3):
        (d / f"s{i}.txt").write_text(seed_path.read_text("utf-8"), "utf-8")
    (d / "clean.md").write_text(CLEAN, "utf-8")
    (d / "ignored.pdf").write_bytes(b"%PDF")
    code, out, _ = run(capsys, "check", str(d), "--offline", "--format", "jsonl", "--jobs", "2",
                       "--no-progress")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [Path(r["path"]).name for r in rows] == ["clean.md", "s0.txt", "s1.txt", "s2.txt"]
    assert [r["references"] for r in rows] == [2, 42, 42, 42]
    code, out, _ = run(capsys, "check", str(d), "--offline", "--format", "json", "--jobs", "2",
                       "--no-progress")
    data = json.loads(out)  # one JSON document, not JSON Lines in disguise
    assert code == 1
    assert isinstance(data, list) and [r["references"] for r in data] == [2, 42, 42, 42]


def test_batch_text_summary(capsys: pytest.CaptureFixture[str], tmp_path: Path, clean: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("", "utf-8")
    code, out, err = run(capsys, "check", str(clean), str(bad), "--offline")
    assert code == 2  # an unusable manuscript outranks findings
    assert "empty.txt" in err
    assert "2 manuscripts:" in out
    assert "input error" in out


def test_python_m_refcheck_subprocess(clean: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "refcheck", "check", str(clean), "--offline"],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "0 errors" in proc.stdout


def test_parse_json_lines_have_unique_ids(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    code, out, _ = run(capsys, "parse", str(seed_path), "--format", "json")
    items = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert len(items) == 42
    assert len({i["id"] for i in items}) == 42
    assert items[5]["id"] == "friedberg1993ripe"


def test_docx_seed_reports_the_same_findings_as_txt(
    capsys: pytest.CaptureFixture[str], seed_path: Path, seed_text: str, tmp_path: Path
) -> None:
    """Issue 7's target: the seed as a Word file (built with python-docx, italics as runs,
    list bullets as a list style) gives exactly the findings of the .txt, at the same places."""
    from test_load import seed_docx

    docx_path = seed_docx(seed_text, tmp_path / "seed.docx")
    _, out_txt, _ = run(capsys, "check", str(seed_path), "--offline", "--format", "json")
    code, out_docx, _ = run(capsys, "check", str(docx_path), "--offline", "--format", "json")
    txt, doc = json.loads(out_txt), json.loads(out_docx)
    assert code == 1
    assert (doc["references"], doc["citations"]) == (42, 55)

    def key(f: dict[str, object]) -> tuple[object, ...]:
        return (f["code"], f["line"], f["column"], f["message"], f["reference"], f["citation"])

    assert [key(f) for f in doc["findings"]] == [key(f) for f in txt["findings"]]


def test_baseline_accepts_known_findings_and_fails_on_new_ones(
    capsys: pytest.CaptureFixture[str], seed_text: str, tmp_path: Path
) -> None:
    ms = tmp_path / "ms.txt"
    ms.write_text(seed_text, "utf-8")
    base = tmp_path / "baseline.json"
    code, _, _ = run(capsys, "check", str(ms), "--offline", "--write-baseline", str(base))
    assert code == 1  # today's findings are still reported while the baseline is written
    code, out, _ = run(capsys, "check", str(ms), "--offline", "--baseline", str(base),
                       "--format", "json")
    assert code == 0
    assert json.loads(out)["findings"] == []
    # lines shift and a new citation without an entry appears: only that one is new
    shifted = "Preface line.\n\n" + seed_text.replace(
        "Rose states that", "Rose states (Nobody, 2031) that", 1
    )
    ms.write_text(shifted, "utf-8")
    code, out, _ = run(capsys, "check", str(ms), "--offline", "--baseline", str(base),
                       "--format", "json")
    assert code == 1
    assert [(f["code"], f["citation"]) for f in json.loads(out)["findings"]] == [
        ("X301", "Nobody, 2031")
    ]
