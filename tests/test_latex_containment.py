"""A .tex reads only files inside its own folder tree; any other .bib is a finding, never a read.

Without this, an uploaded manuscript could name ``/home/user/private.bib`` (or ``../../x``, or a
``refs.bib`` symlink) and have its contents printed in the report and the exports.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from refcheck import api, cli

SECRET = "@article{s1, author = {Hidden, H.}, title = {SECRET-TITLE-7f3a}, journal = {J}, year = {2001}}\n"
OWN = "@article{o1, author = {Own, O.}, title = {Own title}, journal = {J}, year = {2002}}\n"


@pytest.fixture
def layout(tmp_path: Path) -> tuple[Path, Path]:
    """tmp/outside/secret.bib, and the manuscript folder tmp/ms/sub."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.bib").write_text(SECRET, encoding="utf-8")
    ms = tmp_path / "ms" / "sub"
    ms.mkdir(parents=True)
    (ms / "own.bib").write_text(OWN, encoding="utf-8")
    return outside / "secret.bib", ms


def _tex(folder: Path, command: str) -> Path:
    tex = folder / "paper.tex"
    tex.write_text("\\documentclass{article}\n\\begin{document}\nText \\cite{o1}.\n"
                   f"{command}\n\\end{{document}}\n", encoding="utf-8")
    return tex


@pytest.mark.parametrize("kind", ["absolute", "dotdot", "symlink"])
def test_bib_outside_the_folder_is_a_finding_not_a_read(
    layout: tuple[Path, Path], kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    secret, ms = layout
    if kind == "absolute":
        written, reason = str(secret), "absolute path"
    elif kind == "dotdot":
        written, reason = "../../outside/secret.bib", "'..' leads out of the manuscript's folder"
    else:
        (ms / "linked.bib").symlink_to(secret)
        written, reason = "linked.bib", "a symbolic link leads out of the manuscript's folder"
    tex = _tex(ms, f"\\bibliography{{own,{written.removesuffix('.bib')}}}")
    doc = api.load(tex)
    assert [r.title for r in doc.references] == ["Own title"]
    assert [(f.path, f.reason) for f in doc.refused] == [(written, reason)]

    assert cli.main(["check", str(tex), "--offline", "--format", "json"]) == 1
    out = capsys.readouterr().out
    assert "SECRET-TITLE" not in out
    s901 = [f for f in json.loads(out)["findings"] if f["code"] == "S901"]
    assert [(f["line"], f["severity"], f["message"]) for f in s901] == [
        (4, "error", f"{written} was not read: {reason} (a manuscript reads only files inside "
                     "its own folder)")]
    for fmt in ("bibtex", "csl-json", "ris"):
        assert cli.main(["export", str(tex), "--to", fmt]) == 0
        assert "SECRET-TITLE" not in capsys.readouterr().out


def test_paths_that_stay_inside_are_read(layout: tuple[Path, Path]) -> None:
    _secret, ms = layout
    (ms / "deeper").mkdir()
    (ms / "deeper" / "more.bib").write_text(OWN.replace("o1", "o2"), encoding="utf-8")
    (ms / "alias.bib").symlink_to(ms / "deeper" / "more.bib")
    tex = _tex(ms, "\\bibliography{deeper/more,deeper/../own}\n\\addbibresource{alias.bib}")
    doc = api.load(tex)
    assert doc.refused == ()
    assert [Path(p.path).name for p in doc.parts] == ["more.bib", "own.bib", "alias.bib"]
    assert len(doc.references) == 3


def test_only_refused_bibs_leave_an_empty_list_and_the_finding(
    layout: tuple[Path, Path]
) -> None:
    secret, ms = layout
    tex = _tex(ms, f"\\addbibresource{{{secret}}}")
    report = api.check(api.load(tex), api_config())
    assert report.references == ()
    assert [(f.code, f.line) for f in report.findings if f.code == "S901"] == [("S901", 4)]


def api_config() -> object:
    from refcheck.config import Config

    return Config(offline=True)
