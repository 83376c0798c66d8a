"""Configuration: one frozen :class:`Config`, read from TOML, the environment and the command line.

Precedence is command line > environment > file > defaults, as with ruff or mypy, so a CI job can
point refcheck at a local Crossref stub (``REFCHECK_CROSSREF_URL``) without editing the project's
file. Every bad value is a :class:`~refcheck.errors.ConfigError` naming the file and the line of the
offending key: ``tomllib`` gives no positions, so the line is found by scanning the file's text.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from refcheck.errors import ConfigError
from refcheck.findings import Severity
from refcheck.options import (
    SeverityMap,
    _empty_severity,
    _severity_map,
    check_value,
    env_variables,
    from_environment,
    is_setting,
    path_settings,
    transliteration_schemes,
    validate_config,
)

__all__ = [
    "CONFIG_FILENAME",
    "ENV_VARS",
    "Config",
    "SeverityMap",
    "find_config_file",
    "load_config",
    "transliteration_schemes",
]

CONFIG_FILENAME = "refcheck.toml"
PYPROJECT = "pyproject.toml"

# Environment variable -> Config field, as declared in refcheck.options.OPTIONS. Only these are
# read from the environment: the settings a CI job or a test harness needs to change without
# touching the project's file.
ENV_VARS: Mapping[str, str] = MappingProxyType(env_variables())


@dataclass(frozen=True)
class Config:
    """Every setting refcheck reads; the defaults are what runs with no file at all.

    Each field is declared as an option in :data:`refcheck.options.OPTIONS` (its kind, help,
    environment variable and command-line flag); a new setting is a field here plus one entry
    there. Constructing a ``Config`` checks every non-default value with the option's kind, so
    ``Config(transliteration="none")`` raises the same :class:`ConfigError` as the command line.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=_empty_severity)
    fail_on: Severity | None = Severity.WARNING  # None: never (exit 0 and no report fails)
    min_severity: Severity = Severity.INFO  # findings below it are not reported
    transliteration: str = "ala-lc"
    language_detector: str = "builtin"
    language: str = "auto"  # the manuscript's language: auto (detected), en, tr, az, ru
    et_al: str = "auto"  # the journal's "et al.": auto (the language's), "et al.", "vd." …
    mailto: str = ""
    cache_dir: str = ""
    use_cache: bool = True
    offline: bool = False
    crossref_url: str = "https://api.crossref.org"
    doi_url: str = "https://doi.org"
    datacite_url: str = "https://api.datacite.org"
    allow_local_urls: bool = False
    timeout: float = 10.0
    deadline: float = 120.0
    check_urls: bool = True
    search_missing_dois: bool = True
    jobs: int = 1
    baseline: str = ""
    missing_list: str = "auto"  # a file without a reference list: auto, error or skip
    require_network: bool = False  # a run that could reach no service fails (exit 3)
    source: str = ""  # the file the settings came from ("" when none was found)

    def __post_init__(self) -> None:
        validate_config(self)

    def merged(self, **overrides: Any) -> Config:
        """A copy with command-line overrides applied; ``None`` means "not given".

        Values are validated like the file's, so ``--fail-on fatal`` fails the same way as
        ``fail_on = "fatal"`` does.
        """
        changes: dict[str, Any] = {}
        for key, value in overrides.items():
            if value is None:
                continue
            name = key.replace("-", "_")
            if not is_setting(name):
                raise ConfigError(f"unknown setting {key!r}")
            try:
                changes[name] = check_value(name, value, f"--{name.replace('_', '-')}")
            except ValueError as exc:
                raise ConfigError(str(exc)) from None
        return replace(self, **changes) if changes else self


# ---------------------------------------------------------------------------------------------
# finding and reading the file


def _has_tool_section(path: Path) -> bool:
    """Whether a pyproject.toml sets ``tool.refcheck`` in any TOML spelling (``[tool.refcheck]``,
    ``[tool]`` + ``refcheck = …``, dotted keys). One that cannot be read or parsed but names
    refcheck counts as ours, so its error is reported instead of it being passed over."""
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "refcheck" not in text:
        return False
    try:
        data = _toml().loads(text)
    except Exception:  # TOMLDecodeError, or RecursionError on hostile nesting
        return re.search(r"\btool\b[\s\S]*\brefcheck\b", text) is not None
    tool = data.get("tool")
    return isinstance(tool, dict) and "refcheck" in tool


def _toml() -> Any:
    if sys.version_info >= (3, 11):  # imported here: most manuscripts come with no config file
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib


def find_config_file(start: Path | None = None) -> Path | None:
    """The nearest ``refcheck.toml``, or ``pyproject.toml`` with ``[tool.refcheck]``, upward.

    In one folder ``refcheck.toml`` wins; a ``pyproject.toml`` without a refcheck section is passed
    over, so a manuscript folder inside a Python project still finds the right file.
    """
    here = (start or Path.cwd()).resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        own = folder / CONFIG_FILENAME
        if own.is_file():
            return own
        py = folder / PYPROJECT
        if py.is_file() and _has_tool_section(py):
            return py
    return None


_HEADER = re.compile(r"^\s*\[\[?([^\]]*)\]\]?\s*(?:#.*)?$")


def _key_line(text: str, table: str, key: str, subkey: str | None = None) -> int | None:
    """1-based line where ``key`` (or ``key.subkey``) is set inside ``table`` ("" = top level).

    A small scan, not a TOML parser: good enough to point at the line, which is all it is for.
    Handles ``key = …``, dotted ``key.sub = …``, inline tables and a ``[table.key]`` sub-table.
    """
    nested = f"{table}.{key}" if table else key
    key_pat = re.compile(r"""^\s*["']?""" + re.escape(key) + r"""["']?\s*[.=]""")
    sub_pat = (
        re.compile(r"""(?:^|[\s{,.])["']?""" + re.escape(subkey) + r"""["']?\s*=""", re.I)
        if subkey is not None
        else None
    )
    current = ""
    first: int | None = None
    for number, line in enumerate(text.splitlines(), 1):
        m = _HEADER.match(line)
        if m:
            current = re.sub(r"[\s\"']", "", m.group(1))
            if current == nested and first is None:
                first = number
            continue
        if current == table and key_pat.match(line):
            if sub_pat is None or sub_pat.search(line):
                return number
            first = first or number
        elif sub_pat is not None and current == nested and sub_pat.search(line):
            return number
    return first


def _read_table(path: Path) -> tuple[dict[str, Any], str, str]:
    """The refcheck table of a file, the file's text, and the table's dotted name."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(
            f"cannot read configuration file: {exc.strerror}", path=str(path)
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError("configuration file is not UTF-8", path=str(path)) from None
    tomllib = _toml()
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise ConfigError("configuration file is nested too deeply", path=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        line = int(m.group(1)) if m else None
        if line is None and "end of document" in str(exc):
            line = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
        raise ConfigError(f"invalid TOML: {exc}", path=str(path), line=line) from None
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        table = tool.get("refcheck", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError(
                "[tool.refcheck] must be a table",
                path=str(path),
                line=_key_line(text, "tool", "refcheck") or _key_line(text, "", "tool"),
            )
        return table, text, "tool.refcheck"
    return data, text, ""


def _from_table(table: Mapping[str, Any], text: str, prefix: str, path: Path) -> dict[str, Any]:
    values: dict[str, Any] = {}
    spelt: dict[str, str] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        line = _key_line(text, prefix, key)
        if not is_setting(name):
            hint = f"[{prefix}]" if prefix else "the file"
            raise ConfigError(f"unknown key {key!r} in {hint}", path=str(path), line=line)
        if name in spelt:
            raise ConfigError(
                f"{key} is set twice (also as {spelt[name]}): keep one", path=str(path), line=line
            )
        spelt[name] = key
        try:
            typed = check_value(name, value, key)
        except ValueError as exc:
            if name == "severity" and isinstance(value, Mapping):
                line = _bad_severity_line(text, prefix, key, value) or line
            raise ConfigError(str(exc), path=str(path), line=line) from None
        if name in path_settings() and typed:
            typed = str((path.parent / Path(typed).expanduser()).resolve())
        values[name] = typed
    return values


def _bad_severity_line(text: str, prefix: str, key: str, value: Mapping[str, Any]) -> int | None:
    """Line of the first severity entry that fails, so the error points at it, not the table."""
    for code, sev in value.items():
        try:
            _severity_map({code: sev}, key)
        except ValueError:
            return _key_line(text, prefix, key, str(code))
    return None


def load_config(
    start: Path | None = None,
    explicit: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Config:
    """Read the configuration for a manuscript in ``start`` (or the working folder).

    ``explicit`` (``--config FILE``) skips the search; it must exist. ``env`` defaults to
    ``os.environ``; tests pass a dict. Returns defaults when no file is found.
    """
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    path: Path | None
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError("configuration file not found", path=str(path))
    else:
        path = find_config_file(start)
    if path is not None:
        table, text, prefix = _read_table(path)
        values.update(_from_table(table, text, prefix, path))
        values["source"] = str(path)
    values.update(from_environment(env))
    try:
        return Config(**values)
    except ConfigError as exc:  # a value fine alone but not here (a cache_dir below a file)
        raise ConfigError(exc.message, path=str(path) if path else None) from None
