"""Nothing a manuscript or its file name contains can act on a terminal or forge a CI log line.

Each output kind has one boundary (refcheck/safetext.py lists them); these tests feed ESC/CSI,
OSC, C1, bidi overrides and a newline followed by a GitHub workflow command through every one.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from refcheck.cli import main
from refcheck.safetext import json_safe, one_line, visible, visible_lines, xml_safe

CLEAN = """Title

Rivalry ripens when power shifts (Friedberg, 1993, p. 29). Rose (1998) agrees.

References

Friedberg, A. L. (1993). Ripe for rivalry: Prospects for peace in a multipolar Asia. *International Security*, *18*(3), 5–33. https://doi.org/10.2307/2539204
Rose, G. (1998). Neoclassical realism and theories of foreign policy. *World Politics*, *51*(1), 144–172. https://doi.org/10.1017/s0043887100007814
"""
# ESC CSI (clear screen), OSC (set title, BEL-terminated), C1 CSI, bidi override, a forged line
HOSTILE = "\x1b[2J\x1b]0;owned\x07\x9b31m\u202eevil\u202c"
EVIL_NAME = "paper\n::error file=x.txt,line=1::forged\x1b[2J\u202e.md"
# bytes no output may pass on raw (the newline is judged per line below)
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def evil_file(tmp_path: Path) -> Path:
    p = tmp_path / EVIL_NAME
    p.write_text(CLEAN.replace("Rose (1998) agrees.", "Rose (1998) agrees (Nobody, 2031)."), "utf-8")
    return p


@pytest.fixture
def hostile_entry(tmp_path: Path) -> Path:
    p = tmp_path / "hostile.md"
    p.write_text(
        CLEAN.replace("Ripe for rivalry", f"Ripe {HOSTILE} for rivalry").replace(
            "Rose (1998) agrees.", f"Rose (1998) agrees {HOSTILE} (Nobody, 2031)."
        ),
        "utf-8",
    )
    return p


def test_helpers_make_every_control_visible() -> None:
    assert visible("a\nb\x1b[2J\u202ec") == "a\\u000ab\\u001b[2J\\u202ec"
    assert one_line("a\r\n\tb\x9bc") == "a b\\u009bc"
    assert visible_lines("x\r\ny\tz\x1b\x07\u2029") == "x\ny\tz\\u001b\\u0007\\u2029"
    doc = json.dumps({"t": HOSTILE}, ensure_ascii=False)
    assert not RAW.search(json_safe(doc)) and json.loads(json_safe(doc)) == {"t": HOSTILE}
    xml = ET.tostring(ET.Element("a", v="\x9b\u202e"), encoding="unicode")
    assert not RAW.search(xml_safe(xml)) and ET.fromstring(xml_safe(xml)).get("v") == "\x9b\u202e"


@pytest.mark.parametrize("fmt", ["text", "github"])
@pytest.mark.parametrize("verbose", [False, True])
def test_file_name_cannot_forge_lines_in_reports(
    capsys: pytest.CaptureFixture[str], evil_file: Path, fmt: str, verbose: bool
) -> None:
    args = ["check", str(evil_file), "--offline", "--format", fmt, "--no-color"]
    code, out, err = run(capsys, *args, *(["--verbose"] if verbose else []))
    assert code == 1, err
    assert not RAW.search(out + err)
    annotations = [ln for ln in out.splitlines() if ln.startswith("::")]
    assert (annotations == []) if fmt == "text" else len(annotations) == 2
    command = re.compile(r"::(error|warning|notice) file=[^:,]+,line=\d+,col=\d+,title=[A-Z]\d{3}::")
    assert all(command.match(ln) for ln in annotations)  # the forged one stayed in a property
    assert "\\u000a::error file=x.txt" in out  # shown, visibly


def test_file_name_is_neutralised_on_stderr_and_in_the_batch_summary(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, evil_file: Path
) -> None:
    bad = tmp_path / f"empty{HOSTILE}\n::error::x.txt"
    bad.write_text("", "utf-8")
    code, out, err = run(capsys, "check", str(evil_file), str(bad), "--offline", "--no-color")
    assert code == 2
    assert not RAW.search(out + err)
    assert len(err.splitlines()) == 1 and "\\u001b[2J" in err
    assert not [ln for ln in out.splitlines() + err.splitlines() if ln.startswith("::")]


def test_parse_table_and_json_keep_entries_inert(
    capsys: pytest.CaptureFixture[str], hostile_entry: Path
) -> None:
    code, out, _ = run(capsys, "parse", str(hostile_entry))
    assert code == 0 and not RAW.search(out)
    assert "\\u001b" in out and "\\u202e" in out
    for fmt in ("csl-json", "json"):
        code, out, _ = run(capsys, "parse", str(hostile_entry), "--format", fmt)
        assert code == 0 and not RAW.search(out)
        first = json.loads(out) if fmt == "csl-json" else json.loads(out.splitlines()[0])
        item = first[0] if fmt == "csl-json" else first
        assert {"\x1b", "\x9b", "\u202e"} <= set(item["title"])  # lossless: JSON escapes


@pytest.mark.parametrize("to", ["bibtex", "biblatex", "csl-json", "ris"])
def test_export_to_stdout_keeps_entries_inert(
    capsys: pytest.CaptureFixture[str], hostile_entry: Path, tmp_path: Path, to: str
) -> None:
    code, out, _ = run(capsys, "export", str(hostile_entry), "--to", to)
    assert code == 0 and not RAW.search(out)
    assert "\\u001b" in out or "\\u001B" in out.upper()
    target = tmp_path / f"out.{to}"
    code, _, _ = run(capsys, "export", str(hostile_entry), "--to", to, "-o", str(target))
    assert code == 0  # a file keeps the data (JSON losslessly escaped, the others as written)
    text = target.read_text("utf-8")
    if to == "csl-json":
        assert {"\x1b", "\x9b", "\u202e"} <= set(json.loads(text)[0]["title"])


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "jsonl"])
def test_machine_formats_are_inert_and_lossless(
    capsys: pytest.CaptureFixture[str], evil_file: Path, fmt: str
) -> None:
    code, out, _ = run(capsys, "check", str(evil_file), "--offline", "--format", fmt)
    assert code == 1 and not RAW.search(out)
    if fmt == "junit":  # XML cannot carry ESC at all (U+FFFD); the bidi override is a reference
        assert "\u202e.md" in ET.fromstring(out).find("testsuite").get("name")
    elif fmt in ("json", "jsonl"):
        assert json.loads(out.splitlines()[0] if fmt == "jsonl" else out)["path"] == str(evil_file)


def test_html_shows_controls_and_bidi_overrides_visibly(
    capsys: pytest.CaptureFixture[str], hostile_entry: Path, evil_file: Path, tmp_path: Path
) -> None:
    for src in (hostile_entry, evil_file):
        out_file = tmp_path / "r.html"
        code, _, _ = run(capsys, "check", str(src), "--offline", "--format", "html",
                         "-o", str(out_file))
        page = out_file.read_text("utf-8")
        assert code == 1
        assert not RAW.search(page.replace("\n", " "))
    assert 'class="ctl"' in page and "U+202E" in page.upper()
