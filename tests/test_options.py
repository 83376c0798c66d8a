"""One place validates every option, wherever it comes from; every bad value is one line, exit 2.

The suite is generated from ``refcheck.options.OPTIONS``: every subcommand is run with every option
set to each bad example its kind declares, so an option added later is covered without a new test.
"""

from __future__ import annotations

import math
import os
import stat
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest

from refcheck.cli import main
from refcheck.config import Config, load_config
from refcheck.errors import ConfigError
from refcheck.options import COMMANDS, OPTIONS, Option, config_options, options_for

MANUSCRIPT = """Title

Rivalry ripens when power shifts (Friedberg, 1993, p. 29).

References

Friedberg, A. L. (1993). Ripe for rivalry: Prospects for peace in a multipolar Asia. *International Security*, *18*(3), 5–33. https://doi.org/10.2307/2539204
"""
NO_ENV: dict[str, str] = {}


class Scene:
    """A folder with the fixtures bad examples name: {file} {dir} {missing} {input} …"""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.ms = root / "ms.txt"
        self.ms.write_text(MANUSCRIPT, "utf-8")
        (root / "file.txt").write_text("a plain file\n", "utf-8")
        (root / "dir").mkdir()
        (root / "binary.bin").write_bytes(b"\xff\xfe\x00\x9b" * 64)
        (root / "nested.json").write_text("[" * 100_000, "utf-8")
        (root / "bad.toml").write_text("select = [\n", "utf-8")
        self.places = {
            "file": root / "file.txt",
            "dir": root / "dir",
            "missing": root / "missing",
            "input": self.ms,
            "binary": root / "binary.bin",
            "nested": root / "nested.json",
            "badtoml": root / "bad.toml",
        }

    def fill(self, bad: str) -> str:
        return bad.format(**{k: str(v) for k, v in self.places.items()})

    def state(self) -> dict[str, tuple[int, int]]:
        out = {}
        for dirpath, dirs, files in os.walk(self.root):
            for name in dirs + files:
                p = Path(dirpath, name)
                st = p.lstat()
                out[str(p)] = (st.st_size, st.st_mtime_ns)
        return out


@pytest.fixture
def scene(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Scene:
    monkeypatch.chdir(tmp_path)
    return Scene(tmp_path)


def positional(command: str, scene: Scene) -> list[str]:
    return {
        "check": [str(scene.ms), "--offline"],
        "parse": [str(scene.ms)],
        "export": [str(scene.ms)],
        "rules": [],
        "cache": ["info"],
        "fix": [str(scene.ms), "--offline"],
    }[command]


CASES = [
    (command, opt, bad)
    for command in COMMANDS
    for opt in options_for(command)
    for bad in (opt.kind.bad if opt.cli in ("value", "append") else ("=yes",))
]


def test_every_command_line_option_has_bad_examples() -> None:
    for command in COMMANDS:
        for opt in options_for(command):
            assert opt.cli in ("true", "false") or opt.kind.bad, (command, opt.name)
    assert len(CASES) > 100


def assert_one_line(code: int, out: str, err: str, *names: str, quiet: bool = True) -> str:
    assert code == 2, (code, err)
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("refcheck: error: "), err
    assert any(n in lines[0] for n in names), (names, lines[0])
    assert out == "" or not quiet
    return lines[0]


@pytest.mark.parametrize(
    ("command", "opt", "bad"),
    CASES,
    ids=[f"{c}-{o.flag}-{b!r}" for c, o, b in CASES],
)
def test_every_subcommand_refuses_every_bad_option_value(
    scene: Scene, capsys: pytest.CaptureFixture[str], command: str, opt: Option, bad: str
) -> None:
    if bad == "=yes":  # a flag that takes no value, given one
        argv = [command, *positional(command, scene), opt.flag + "=yes"]
    else:
        value = scene.fill(bad)
        argv = [command, *positional(command, scene), opt.flag, value]
    before = scene.state()
    manuscript = scene.ms.read_bytes()
    code = main(argv)
    out, err = capsys.readouterr()
    named = [opt.flag, *opt.flags]
    if bad != "=yes" and bad.startswith(("{", "/")):
        named.append(scene.fill(bad).split("/out.txt")[0])
    # a device that fails only when written to: the report on stdout came first
    late = bad == "/dev/full" and opt.name == "write_baseline"
    assert_one_line(code, out, err, *named, quiet=not late)
    assert scene.ms.read_bytes() == manuscript
    assert scene.state() == before  # nothing written, nothing left behind


@pytest.mark.parametrize(
    ("opt", "bad"),
    [(o, b) for o in config_options() if o.env for b in o.kind.bad if "{" not in b],
    ids=lambda v: v.env if isinstance(v, Option) else repr(v),
)
def test_environment_values_are_checked_like_the_command_line(opt: Option, bad: str) -> None:
    with pytest.raises(ConfigError, match=f"environment variable {opt.env}"):
        load_config(start=Path("/"), env={opt.env: bad})


def _python_value(opt: Option, bad: str) -> Any:
    try:
        return opt.kind.parse(bad, opt.name)
    except ValueError:
        return bad  # the text itself: refused by the check as the wrong type or value


@pytest.mark.parametrize(
    ("opt", "bad"),
    [(o, b) for o in config_options() for b in o.kind.bad if "{" not in b],
    ids=lambda v: v.name if isinstance(v, Option) else repr(v),
)
def test_api_config_refuses_what_the_command_line_refuses(opt: Option, bad: str) -> None:
    with pytest.raises(ConfigError, match=opt.name):
        Config(**{opt.name: _python_value(opt, bad)})


def _toml(value: Any) -> str:
    if isinstance(value, float):
        return "nan" if math.isnan(value) else ("inf" if value == math.inf else repr(value))
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r").replace(
            "\n", "\\n").replace("\t", "\\t") + '"'
    return str(value)


@pytest.mark.parametrize(
    ("opt", "bad"),
    [(o, b) for o in config_options() for b in o.kind.bad if "{" not in b],
    ids=lambda v: v.name if isinstance(v, Option) else repr(v),
)
def test_file_values_are_checked_and_name_the_line(tmp_path: Path, opt: Option, bad: str) -> None:
    path = tmp_path / "refcheck.toml"
    path.write_text(f"# settings\n{opt.name} = {_toml(_python_value(opt, bad))}\n", "utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(start=tmp_path, env=NO_ENV)
    assert (info.value.path, info.value.line) == (str(path), 2)
    assert opt.name in str(info.value)


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_of_every_command(capsys: pytest.CaptureFixture[str], command: str | None) -> None:
    code = main([command, "--help"] if command else ["--help"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out.startswith("usage: refcheck")
    for opt in options_for(command or ""):
        assert opt.flag in out


def test_registry_and_config_fields_agree() -> None:
    names = {o.name for o in config_options()}
    assert len(names) == len(config_options())  # each setting declared once
    assert names | {"source"} == {f.name for f in fields(Config)}
    assert all(o.flags and o.commands for o in OPTIONS if not o.config)


def test_config_canonicalises_python_values() -> None:
    from refcheck.findings import Severity

    cfg = Config(fail_on="error", transliteration="LOC", select=["x3"], timeout=5)
    assert (cfg.fail_on, cfg.transliteration, cfg.select) == (Severity.ERROR, "ala-lc", ("X3",))
    assert cfg.timeout == 5.0 and isinstance(cfg.timeout, float)
    assert Config(fail_on="never").fail_on is None


# ---------------------------------------------------------------------- the issue's examples


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["export", "{ms}", "--transliteration", "none"], "--transliteration"),
        (["check", "{ms}", "--offline", "--mailto", "a@b.org\r\nX-Evil: 1"], "--mailto"),
        (["check", "{ms}", "--offline", "--mailto", "editor"], "--mailto"),
        (["check", "{ms}", "--offline", "--timeout", "inf"], "--timeout"),
        (["check", "{ms}", "--offline", "--timeout", "1e999"], "--timeout"),
        (["check", "{ms}", "--offline", "--deadline", "inf"], "--deadline"),
        (["check", "{ms}", "--offline", "--cache-dir", "{ms}"], "--cache-dir"),
        (["check", "{ms}", "--offline", "--jobs", "100000"], "--jobs"),
        (["check", "{ms}", "--offline", "--format", "yaml"], "--format"),
        (["check", "{ms}", "--offline", "--no-such-option"], "--no-such-option"),
        (["check"], "FILE"),
        (["frobnicate"], "frobnicate"),
    ],
)
def test_issue_examples_are_one_line_errors(
    scene: Scene, capsys: pytest.CaptureFixture[str], argv: list[str], named: str
) -> None:
    code = main([a.replace("{ms}", str(scene.ms)) for a in argv])
    out, err = capsys.readouterr()
    line = assert_one_line(code, out, err, named)
    assert "usage:" not in line


def test_crossref_url_with_a_broken_ipv6_literal(
    scene: Scene, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFCHECK_CROSSREF_URL", "http://[::1")
    code = main(["check", str(scene.ms)])
    out, err = capsys.readouterr()
    assert_one_line(code, out, err, "REFCHECK_CROSSREF_URL")


@pytest.mark.parametrize(
    ("name", "text", "line", "words"),
    [
        ("pyproject.toml", '[tool]\nrefcheck = "oops"\n', 2, "must be a table"),
        ("pyproject.toml", 'tool.refcheck = "oops"\n', 1, "must be a table"),
        ("refcheck.toml", 'fail_on = "error"\nfail-on = "info"\n', 2, "set twice"),
        ("refcheck.toml", "jobs = 100000\n", 1, "at most 64"),
        ("refcheck.toml", "timeout = inf\n", 1, "at most"),
    ],
)
def test_bad_files_the_issue_names(  # noqa: PLR0917
    scene: Scene, capsys: pytest.CaptureFixture[str], name: str, text: str, line: int, words: str
) -> None:
    cfg = scene.root / name
    cfg.write_text(text, "utf-8")
    code = main(["check", str(scene.ms), "--offline"])
    out, err = capsys.readouterr()
    msg = assert_one_line(code, out, err, f"{cfg}:{line}:")
    assert words in msg


def test_api_config_and_export_raise_the_documented_errors(scene: Scene) -> None:
    import refcheck
    from refcheck.errors import ExportError

    with pytest.raises(ConfigError, match="unknown transliteration scheme 'none'"):
        Config(transliteration="none")
    doc = refcheck.load(scene.ms)
    with pytest.raises(ExportError, match="unknown transliteration scheme 'none'"):
        refcheck.export(doc, scheme="none")
    with pytest.raises(ExportError, match="cld3"):
        refcheck.export(doc, language_detector="cld3")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_named_like_a_manuscript_is_refused_not_waited_on(
    scene: Scene, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = scene.root / "pipe.txt"
    os.mkfifo(fifo)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    for argv in (["check", str(fifo), "--offline"], ["parse", str(fifo)], ["export", str(fifo)]):
        code = main(argv)
        out, err = capsys.readouterr()
        assert "not a regular file" in assert_one_line(code, out, err, str(fifo))
