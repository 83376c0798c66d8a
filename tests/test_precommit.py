"""The shipped pre-commit hook: a commit touching only README.md and docs/ passes, a manuscript
with findings fails it.

pre-commit runs ``entry`` with the staged files that match ``files`` appended, in one or several
invocations (it splits long lists), so each is tried alone and all together; when pre-commit is
installed, ``pre-commit try-repo`` runs this repository's hook for real.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from refcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
MANUSCRIPT_WITH_FINDINGS = """Title

Rivalry ripens when power shifts (Friedberg, 1993, p. 29). Nobody (2031) agrees.

References

Friedberg, A. L. (1993). Ripe for rivalry: Prospects for peace in a multipolar Asia. *International Security*, *18*(3), 5–33. https://doi.org/10.2307/2539204
"""


def hook() -> dict[str, Any]:
    yaml = pytest.importorskip("yaml")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    (only,) = hooks
    assert isinstance(only, dict)
    return only


def test_hook_definition() -> None:
    h = hook()
    assert (h["id"], h["language"]) == ("refcheck", "python")
    assert shlex.split(h["entry"])[:2] == ["refcheck", "check"]
    pattern = re.compile(h["files"])
    for name in ("paper.md", "a/b.docx", "x.txt", "thesis.tex", "README.md"):
        assert pattern.search(name), name
    assert not pattern.search("paper.pdf")


def _staged(repo: Path) -> list[str]:
    """What a commit touching README.md and docs/ stages, filtered as pre-commit filters."""
    pattern = re.compile(hook()["files"])
    files = [p.relative_to(repo).as_posix() for p in repo.rglob("*") if p.is_file()]
    return sorted(f for f in files if pattern.search(f))


def _entry_args() -> list[str]:
    args = shlex.split(hook()["entry"])
    assert args[0] == "refcheck"
    return args[1:]


@pytest.fixture
def notes_repo(tmp_path: Path) -> Path:
    """A repository whose commit touches only its README and docs (this project's own)."""
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    shutil.copy2(ROOT / "README.md", repo / "README.md")
    for doc in ("ci.md", "configuration.md", "reports.md", "rules.md"):
        shutil.copy2(ROOT / "docs" / doc, repo / "docs" / doc)
    return repo


def test_a_commit_touching_only_readme_and_docs_passes(
    notes_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(notes_repo)
    staged = _staged(notes_repo)
    assert "README.md" in staged and len(staged) == 5
    for batch in [staged, *([f] for f in staged)]:  # all at once, and one file per invocation
        code = main([*_entry_args(), "--offline", *batch])
        _, err = capsys.readouterr()
        assert code == 0, err
        assert len(err.splitlines()) == 1 and "no reference list found" in err
        assert "Traceback" not in err


def test_a_manuscript_with_findings_fails_the_commit(
    notes_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (notes_repo / "paper.md").write_text(MANUSCRIPT_WITH_FINDINGS, "utf-8")
    monkeypatch.chdir(notes_repo)
    code = main([*_entry_args(), "--offline", *_staged(notes_repo)])
    out, _ = capsys.readouterr()
    assert code == 1
    assert "X301" in out and "paper.md" in out


@pytest.mark.slow
def test_pre_commit_try_repo_runs_the_shipped_hook(notes_repo: Path, tmp_path: Path) -> None:
    """The real thing: pre-commit installs this repository's hook and runs it on README + docs."""
    here = Path(sys.executable).parent  # the test environment's own first
    exe = shutil.which("pre-commit", path=f"{here}{os.pathsep}{os.environ.get('PATH', '')}")
    if exe is None:
        pytest.skip("pre-commit is not installed")
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "REFCHECK_OFFLINE": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
    }  # fmt: skip
    env.pop("VIRTUAL_ENV", None)
    for argv in (["git", "init", "-q"], ["git", "add", "."]):
        subprocess.run(argv, cwd=notes_repo, env=env, check=True, capture_output=True)
    proc = subprocess.run(
        [exe, "try-repo", str(ROOT), "refcheck", "--verbose", "--files",
         *_staged(notes_repo)],
        cwd=notes_repo, env=env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "no reference list found" in proc.stdout
    (notes_repo / "paper.md").write_text(MANUSCRIPT_WITH_FINDINGS, "utf-8")
    subprocess.run(["git", "add", "paper.md"], cwd=notes_repo, env=env, check=True)
    proc = subprocess.run(
        [exe, "try-repo", str(ROOT), "refcheck", "--files", "paper.md", "README.md"],
        cwd=notes_repo, env=env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert proc.returncode == 1 and "X301" in proc.stdout
