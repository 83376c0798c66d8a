"""README.md is the newcomer's first contact: its commands and its Python snippet must stay true."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_opens_with_the_two_commands() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert first_block is not None
    commands = [ln for ln in first_block.group(1).splitlines() if ln and not ln.startswith("#")]
    assert commands == [
        "python3 -m venv .venv && .venv/bin/pip install -e . && "
        ".venv/bin/refcheck check seeds/turan-2025-asya-studies.txt --offline",
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest",
    ]
    for command in commands:  # nothing is installed outside the virtual environment
        steps = command.split(" && ")
        assert steps[0] == "python3 -m venv .venv"
        assert all(step.startswith(".venv/bin/") for step in steps[1:])
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


_PEP668_PROBE = (
    "import os, sys, sysconfig; print(sys.prefix == sys.base_prefix and os.path.exists("
    "os.path.join(sysconfig.get_path('stdlib'), 'EXTERNALLY-MANAGED')))"
)


def _externally_managed_python() -> str | None:
    """A ``python3`` that refuses ``pip install`` (PEP 668), as on a fresh Debian or Ubuntu."""
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if not candidate or not os.path.exists(candidate):
            continue
        probe = subprocess.run(
            [candidate, "-c", _PEP668_PROBE], capture_output=True, text=True, check=False
        )
        venv = subprocess.run([candidate, "-c", "import ensurepip, venv"], capture_output=True,
                              check=False)  # fmt: skip
        if probe.stdout.strip() == "True" and venv.returncode == 0:
            return candidate
    return None


@pytest.mark.slow
def test_first_command_works_on_an_externally_managed_python(tmp_path: Path) -> None:
    """The README's first command, verbatim, in a copy of the repository, with ``python3`` a
    system Python that refuses ``pip install`` (PEP 668); the old command fails there."""
    python3 = _externally_managed_python()
    if python3 is None:
        pytest.skip("no externally managed python3 (PEP 668) with venv on this machine")
    copy = tmp_path / "refcheck"
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                             check=False).stdout.decode().split("\0")  # fmt: skip
    if not any(tracked):
        pytest.skip("not a git checkout")
    for name in filter(None, tracked):
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    bindir = tmp_path / "bin"
    bindir.mkdir()
    (bindir / "python3").symlink_to(python3)
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}/usr/bin{os.pathsep}/bin"}
    env.pop("VIRTUAL_ENV", None)
    env.pop("PYTHONPATH", None)
    first = re.search(r"```sh\n(.*?)```", README, re.S)
    assert first is not None
    command = next(ln for ln in first.group(1).splitlines() if ln.startswith("python3 -m venv"))
    old = subprocess.run(["bash", "-c", "python3 -m pip install -e ."], cwd=copy, env=env,
                         capture_output=True, text=True, check=False)  # fmt: skip
    assert old.returncode != 0 and "externally-managed-environment" in old.stdout + old.stderr
    new = subprocess.run(["bash", "-c", command], cwd=copy, env=env, capture_output=True,
                         text=True, check=False, timeout=600)  # fmt: skip
    assert new.returncode == 1, new.stderr[-2000:]  # the seed has findings: exit status 1
    assert new.stdout.splitlines()[-2].startswith("4 errors, ")
    assert "(42 references, 55 citations)" in new.stdout
