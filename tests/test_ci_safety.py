"""Safe to run unattended: no manuscript destroyed, one report for many files, consistent answers.

Each test pins one item of issue 18 ("Safe to run unattended in CI"); the bad-value suite for every
option is tests/test_options.py, the neutralising of printed text tests/test_neutralise.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from refcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
CLEAN = """Title

Rivalry ripens when power shifts (Friedberg, 1993, p. 29). Rose (1998) agrees.

References

Friedberg, A. L. (1993). Ripe for rivalry: Prospects for peace in a multipolar Asia. *International Security*, *18*(3), 5–33. https://doi.org/10.2307/2539204
Rose, G. (1998). Neoclassical realism and theories of foreign policy. *World Politics*, *51*(1), 144–172. https://doi.org/10.1017/s0043887100007814
"""
# one citation without an entry (X301, error), one entry never cited (X302, warning)
FAULTY = CLEAN.replace("Rose (1998) agrees.", "Nobody (2031) agrees.")
FORMATS = ["text", "json", "jsonl", "sarif", "junit", "github", "html"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(code: int, err: str) -> str:
    assert code == 2, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("refcheck: error: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def ms(tmp_path: Path) -> Path:
    p = tmp_path / "v.txt"
    p.write_text(FAULTY, "utf-8")
    return p


# ------------------------------------------------------------------------------- data loss


@pytest.mark.parametrize("fmt", FORMATS)
def test_check_refuses_to_write_its_report_over_the_manuscript(
    capsys: pytest.CaptureFixture[str], ms: Path, fmt: str
) -> None:
    before = ms.read_bytes()
    code, out, err = run(capsys, "check", str(ms), "--offline", "-f", fmt, "-o", str(ms))
    assert "is an input of this run" in one_error_line(code, err)
    assert out == "" and ms.read_bytes() == before


@pytest.mark.parametrize("to", ["bibtex", "biblatex", "csl-json", "ris"])
def test_export_refuses_to_write_over_the_manuscript(
    capsys: pytest.CaptureFixture[str], ms: Path, to: str
) -> None:
    before = ms.read_bytes()
    code, _, err = run(capsys, "export", str(ms), "--to", to, "-o", str(ms))
    assert "is an input of this run" in one_error_line(code, err)
    assert ms.read_bytes() == before


def test_a_latex_manuscript_s_bib_is_an_input_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from test_latex import BIB, TEX

    (tmp_path / "refs.bib").write_text(BIB, "utf-8")
    tex = tmp_path / "paper.tex"
    tex.write_text(TEX, "utf-8")
    for argv in (["export", str(tex)], ["check", str(tex), "--offline"]):
        code, _, err = run(capsys, *argv, "-o", str(tmp_path / "refs.bib"))
        assert "refs.bib is an input" in one_error_line(code, err)
        assert (tmp_path / "refs.bib").read_text("utf-8") == BIB


def test_a_failed_run_leaves_the_previous_report_and_no_debris(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, ms: Path
) -> None:
    out = tmp_path / "report.json"
    code, _, _ = run(capsys, "check", str(ms), "--offline", "-f", "json", "-o", str(out))
    assert code == 1
    good = out.read_bytes()
    os.chmod(out, 0o640)
    ms.write_bytes(b"")  # the manuscript becomes unusable: the run fails
    code, _, err = run(capsys, "check", str(ms), "--offline", "-f", "json", "-o", str(out))
    one_error_line(code, err)
    assert out.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "v.txt"]
    ms.write_text(CLEAN, "utf-8")
    code, _, _ = run(capsys, "check", str(ms), "--offline", "-f", "json", "-o", str(out))
    assert code == 0 and json.loads(out.read_text("utf-8"))["path"] == str(ms)
    assert (out.stat().st_mode & 0o777) == 0o640  # replaced, keeping its permissions


def test_standard_output_on_a_full_disk_is_one_line(ms: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "refcheck", "check", str(ms), "--offline"],
            stdout=full, stderr=subprocess.PIPE, text=True, check=False,
        )  # fmt: skip
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "refcheck: error: cannot write standard output: No space left on device"
    ]


# ------------------------------------------------------------------------ several manuscripts


@pytest.fixture
def twins(tmp_path: Path) -> list[Path]:
    """Two manuscripts with the same name in two folders."""
    out = []
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        p = tmp_path / folder / "paper.md"
        p.write_text(FAULTY, "utf-8")
        out.append(p)
    return out


@pytest.mark.parametrize("fmt", ["sarif", "junit", "html", "json"])
def test_document_formats_without_output_go_to_stdout_and_write_no_files(
    capsys: pytest.CaptureFixture[str],
    twins: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    code, out, _ = run(capsys, "check", *map(str, twins), "--offline", "-f", fmt)
    assert code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert out.count("a/paper.md") >= 1 and out.count("b/paper.md") >= 1
    if fmt == "json":  # one JSON document (a list), not JSON Lines under the name json
        assert [Path(r["path"]).parent.name for r in json.loads(out)] == ["a", "b"]


def test_one_sarif_log_one_run_for_many_manuscripts(
    capsys: pytest.CaptureFixture[str], twins: list[Path], tmp_path: Path
) -> None:
    target = tmp_path / "refcheck.sarif"
    code, out, _ = run(capsys, "check", *map(str, twins), "--offline", "-f", "sarif",
                       "-o", str(target))  # fmt: skip
    assert code == 1 and out == ""
    log = json.loads(target.read_text("utf-8"))
    (run_,) = log["runs"]
    uris = [a["location"]["uri"] for a in run_["artifacts"]]
    assert [u.rsplit("/", 2)[-2] for u in uris] == ["a", "b"]
    by_uri = dict.fromkeys(uris, 0)
    for r in run_["results"]:
        loc = r["locations"][0]["physicalLocation"]["artifactLocation"]
        assert uris[loc["index"]] == loc["uri"]
        by_uri[loc["uri"]] += 1
    assert list(by_uri.values()) == [3, 3]  # X301, X302, R801 in each
    import jsonschema

    schema = json.loads((ROOT / "tests" / "data" / "sarif-2.1.0.json").read_text("utf-8"))
    jsonschema.validate(log, schema)


def test_one_junit_document_with_a_suite_per_manuscript_for_gitlab(
    capsys: pytest.CaptureFixture[str], twins: list[Path], tmp_path: Path
) -> None:
    """docs/ci.md's GitLab recipe: ``--format junit --output refcheck.xml`` must be a file."""
    target = tmp_path / "refcheck.xml"
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    code, _, err = run(capsys, "check", *map(str, twins), str(empty), "--offline",
                       "--format", "junit", "--output", str(target))  # fmt: skip
    assert code == 2 and target.is_file()
    assert len(err.splitlines()) == 1 and "empty.txt" in err
    root = ET.fromstring(target.read_text("utf-8"))
    suites = root.findall("testsuite")
    assert [s.get("name", "").rsplit("/", 2)[-2:] for s in suites] == [
        ["a", "paper.md"], ["b", "paper.md"], [tmp_path.name, "empty.txt"]
    ]
    assert root.get("errors") == "1" and suites[2].find("testcase/error") is not None
    assert int(root.get("failures", "0")) == sum(int(s.get("failures", "0")) for s in suites) > 0


def test_html_for_many_manuscripts_is_one_page_with_distinct_ids(
    capsys: pytest.CaptureFixture[str], twins: list[Path], tmp_path: Path
) -> None:
    import re

    target = tmp_path / "report.html"
    code, _, _ = run(capsys, "check", *map(str, twins), "--offline", "-f", "html",
                     "-o", str(target))  # fmt: skip
    page = target.read_text("utf-8")
    ids = re.findall(r' id="([^"]+)"', page)
    assert code == 1 and len(ids) == len(set(ids))
    assert {"m1", "m2", "m1-ref-1", "m2-ref-1", "m1-cite-0", "m2-cite-0"} <= set(ids)
    assert page.count("<!DOCTYPE html>") == 1 and page.count('<article class="manuscript"') == 2
    assert 'href="#m2-ref-1" data-ref="1" data-p="m2-"' in page


def test_each_manuscript_uses_the_configuration_of_its_own_folder(
    capsys: pytest.CaptureFixture[str], twins: list[Path]
) -> None:
    a, b = twins
    (a.parent / "refcheck.toml").write_text('ignore = ["X301"]\n', "utf-8")
    for order in ((b, a), (a, b)):
        code, out, _ = run(capsys, "check", *map(str, order), "--offline", "-f", "jsonl")
        rows = {Path(r["path"]).parent.name: r for r in map(json.loads, out.splitlines())}
        assert code == 1
        assert "X301" not in [f["code"] for f in rows["a"]["findings"]]
        assert "X301" in [f["code"] for f in rows["b"]["findings"]]


def test_batch_rows_follow_the_order_given_not_completion(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_path: Path
) -> None:
    names = ["zeta.txt", "seed.txt", "alpha.txt", "mid.txt"]
    for name in names:
        text = seed_path.read_text("utf-8") if name == "seed.txt" else CLEAN
        (tmp_path / name).write_text(text, "utf-8")
    argv = ["check", *(str(tmp_path / n) for n in names), "--offline", "--jobs", "3",
            "--no-progress"]  # fmt: skip
    outs = []
    for _ in range(2):
        _, out, _ = run(capsys, *argv, "-f", "jsonl")
        outs.append([Path(json.loads(line)["path"]).name for line in out.splitlines()])
        _, text, _ = run(capsys, *argv)
        table = text[text.index("manuscript  ") :].splitlines()[1:5]
        assert [Path(row.split()[0]).name for row in table] == names
    assert outs == [names, names]


def test_a_folder_skips_hidden_and_tool_folders_and_files_without_a_list(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for hidden in (".venv/lib", ".git", "node_modules/x", "env"):
        (tmp_path / hidden).mkdir(parents=True)
        (tmp_path / hidden / "notes.txt").write_text("no list here\n", "utf-8")
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr\n", "utf-8")
    (tmp_path / "README.md").write_text("# A project\n\nNo references here.\n", "utf-8")
    (tmp_path / "paper.md").write_text(CLEAN, "utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check", ".", "--offline", "-f", "jsonl")
    assert code == 0, err
    assert [json.loads(line)["path"] for line in out.splitlines()] == ["paper.md"]
    assert err.splitlines() == [
        "refcheck: no reference list found in README.md: skipped (not a manuscript?)"
    ]


def test_one_named_file_without_a_list_is_still_an_error_unless_told_to_skip(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# A project\n\nNo references here.\n", "utf-8")
    code, _, err = run(capsys, "check", str(readme), "--offline")
    assert "--references-from" in one_error_line(code, err)
    code, _out, err = run(capsys, "check", str(readme), "--offline", "--missing-list", "skip")
    assert code == 0 and "skipped" in err and len(err.splitlines()) == 1
    (tmp_path / "refcheck.toml").write_text('missing_list = "error"\n', "utf-8")
    code, _, err = run(capsys, "check", str(readme), str(readme.with_name("x.md")), "--offline")
    assert code == 2


def test_readme_and_docs_of_this_repository_pass(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's target: ``refcheck check README.md docs/`` exits 0 and says why."""
    monkeypatch.chdir(ROOT)
    code, out, err = run(capsys, "check", "README.md", "docs/", "--offline")
    assert code == 0, err
    assert out == ""  # nothing was checked: no empty summary either
    assert len(err.splitlines()) == 1
    assert err.startswith("refcheck: no reference list found in README.md, docs/")
    assert "skipped" in err


# ------------------------------------------------------------------------------- consistency


def test_fail_on_never_is_the_same_answer_everywhere(
    capsys: pytest.CaptureFixture[str], ms: Path
) -> None:
    code, out, _ = run(capsys, "check", str(ms), "--offline", "--fail-on", "never", "-f", "json")
    data = json.loads(out)
    assert code == 0 and data["findings"]
    assert data["summary"]["failed"] is False and data["summary"]["fail_on"] == "never"
    code, out, _ = run(capsys, "check", str(ms), "--offline", "--fail-on", "never", "-f", "junit")
    root = ET.fromstring(out)
    assert code == 0 and root.get("failures") == "0" and not root.findall(".//failure")
    (ms.parent / "refcheck.toml").write_text('fail_on = "never"\n', "utf-8")
    code, _, _ = run(capsys, "check", str(ms), "--offline")
    assert code == 0


@pytest.mark.parametrize("to", ["csl-json", "ris"])
def test_ascii_encoding_is_refused_where_it_cannot_apply(
    capsys: pytest.CaptureFixture[str], ms: Path, to: str
) -> None:
    code, out, err = run(capsys, "export", str(ms), "--to", to, "--encoding", "ascii")
    assert "--encoding ascii applies to bibtex and biblatex only" in one_error_line(code, err)
    assert out == ""


def test_export_reads_the_configuration_and_the_environment(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ru = tmp_path / "ru.md"
    ru.write_text(
        "Text (Иванов, 2020).\n\nСписок литературы\n\n"
        "Иванов, И. И. (2020). Внешняя политика России. Москва: Наука.\n",
        "utf-8",
    )
    _, default, _ = run(capsys, "export", str(ru), "--to", "bibtex")
    (tmp_path / "refcheck.toml").write_text('transliteration = "iso9"\n', "utf-8")
    _, from_file, _ = run(capsys, "export", str(ru), "--to", "bibtex")
    assert default.split("{", 2)[1].startswith("ivanov2020")
    assert from_file != default  # the scheme of the manuscript's folder applied
    monkeypatch.setenv("REFCHECK_LANGUAGE_DETECTOR", "cld3")
    code, _, err = run(capsys, "export", str(ru))
    assert "REFCHECK_LANGUAGE_DETECTOR" in one_error_line(code, err)  # read, and checked


def test_export_of_a_latex_manuscript_keeps_the_bib_keys(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``\\cite{yilmaz2019}`` must still resolve after the list is exported."""
    import re

    from test_latex import BIB, TEX

    (tmp_path / "refs.bib").write_text(BIB, "utf-8")
    tex = tmp_path / "paper.tex"
    tex.write_text(TEX, "utf-8")
    bib_keys = re.findall(r"^@(?!string)\w+\{([^,\s]+),", BIB, re.M)
    for to in ("bibtex", "biblatex"):
        code, out, _ = run(capsys, "export", str(tex), "--to", to)
        assert code == 0
        assert re.findall(r"^@\w+\{([^,\s]+),", out, re.M)[: len(bib_keys)] == bib_keys
    code, out, _ = run(capsys, "export", str(tex), "--to", "csl-json")
    assert [i["id"] for i in json.loads(out)][: len(bib_keys)] == bib_keys


def test_one_baseline_for_several_manuscripts_never_applied_to_another(
    capsys: pytest.CaptureFixture[str], twins: list[Path], tmp_path: Path
) -> None:
    a, b = twins
    base = tmp_path / "baseline.json"
    code, _, _ = run(capsys, "check", str(a), str(b), "--offline", "--write-baseline", str(base))
    assert code == 1
    data = json.loads(base.read_text("utf-8"))
    assert [m["path"] for m in data["manuscripts"]] == ["a/paper.md", "b/paper.md"]
    code, out, _ = run(capsys, "check", str(a), str(b), "--offline", "--baseline", str(base),
                       "-f", "jsonl")  # fmt: skip
    assert code == 0 and all(json.loads(r)["findings"] == [] for r in out.splitlines())
    # a baseline written for a/paper.md does not hide the same findings in c/paper.md
    (tmp_path / "c").mkdir()
    c = tmp_path / "c" / "paper.md"
    c.write_text(FAULTY, "utf-8")
    code, out, _ = run(capsys, "check", str(c), "--offline", "--baseline", str(base), "-f", "json")
    report = json.loads(out)
    assert code == 1 and {f["code"] for f in report["findings"]} >= {"X301", "X302"}
    assert any("nothing recorded for this manuscript" in n for n in report["notes"])
