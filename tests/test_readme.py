"""README.md is the newcomer's first contact: its commands and its Python snippet must stay true."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_opens_with_the_two_commands() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert first_block is not None
    commands = [ln for ln in first_block.group(1).splitlines() if ln and not ln.startswith("#")]
    assert commands == [
        "python -m pip install -e . && refcheck check seeds/turan-2025-asya-studies.txt --offline",
        "python -m pip install -e '.[test]' && python -m pytest",
    ]
    assert README.index(first_block.group(0)) < 200  # it opens the README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()  # CI runs exactly the README's test command


def test_python_snippet_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    snippet = re.search(r"```python\n(.*?)```", README, re.S)
    assert snippet is not None
    monkeypatch.chdir(ROOT)
    scope: dict[str, object] = {}
    exec(compile(snippet.group(1), "README.md", "exec"), scope)
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 5
    assert str(scope["bib"]).count("\n@") + str(scope["bib"]).startswith("@") == 42
