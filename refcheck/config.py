"""Configuration: one frozen :class:`Config`, read from TOML, the environment and the command line.

Precedence is command line > environment > file > defaults, as with ruff or mypy, so a CI job can
point refcheck at a local Crossref stub (``REFCHECK_CROSSREF_URL``) without editing the project's
file. Every bad value is a :class:`~refcheck.errors.ConfigError` naming the file and the line of the
offending key: ``tomllib`` gives no positions, so the line is found by scanning the file's text.
"""

from __future__ import annotations

import contextlib
import importlib
import math
import os
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from refcheck.errors import ConfigError
from refcheck.findings import Severity

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

# Environment variable -> Config field. Only these are read from the environment: they are the
# settings a CI job or a test harness needs to change without touching the project's file.
ENV_VARS: Mapping[str, str] = MappingProxyType(
    {
        "REFCHECK_CROSSREF_URL": "crossref_url",
        "REFCHECK_DOI_URL": "doi_url",
        "REFCHECK_DATACITE_URL": "datacite_url",
        "REFCHECK_MAILTO": "mailto",
        "REFCHECK_ALLOW_LOCAL_URLS": "allow_local_urls",
        "REFCHECK_CACHE_DIR": "cache_dir",
        "REFCHECK_OFFLINE": "offline",
        "REFCHECK_LANGUAGE_DETECTOR": "language_detector",
    }
)

_SELECTOR = re.compile(r"[A-Z][0-9]{0,3}")
_FULL_CODE = re.compile(r"[A-Z][0-9]{3}")
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})


class SeverityMap(Mapping[str, Severity]):
    """An immutable, hashable, picklable ``{code: Severity}``.

    ``Config`` is frozen and travels to worker processes (``--jobs``), so its mapping must be
    both read-only and picklable, which ``MappingProxyType`` is not.
    """

    __slots__ = ("_data",)

    def __init__(self, items: Mapping[str, Severity] | None = None) -> None:
        self._data: dict[str, Severity] = dict(items or {})

    def __getitem__(self, key: str) -> Severity:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __repr__(self) -> str:
        return f"SeverityMap({self._data!r})"

    def __reduce__(self) -> tuple[type[SeverityMap], tuple[dict[str, Severity]]]:
        return (SeverityMap, (self._data,))


def _empty_severity() -> Mapping[str, Severity]:
    return SeverityMap()


@dataclass(frozen=True)
class Config:
    """Every setting refcheck reads; the defaults are what runs with no file at all."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=_empty_severity)
    fail_on: Severity = Severity.WARNING
    transliteration: str = "ala-lc"
    language_detector: str = "builtin"
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
    require_network: bool = False  # a run that could reach no service fails (exit 3)
    source: str = ""  # the file the settings came from ("" when none was found)

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
            if name not in _VALIDATORS:
                raise ConfigError(f"unknown setting {key!r}", path="command line")
            try:
                changes[name] = _VALIDATORS[name](value, f"--{name.replace('_', '-')}")
            except ValueError as exc:
                raise ConfigError(str(exc), path="command line") from None
        return replace(self, **changes) if changes else self


# ---------------------------------------------------------------------------------------------
# validators: raw TOML/env/CLI value -> typed value, or ValueError with a reason


def _str(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{what} must be a string, not {_tname(value)}")
    return value


def _bool(value: object, what: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise ValueError(f"{what} must be true or false, not {value!r}")


def _positive_float(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{what} must be a number of seconds, not {_tname(value)}")
    if not value > 0 or math.isnan(value):
        raise ValueError(f"{what} must be greater than 0, not {value!r}")
    return float(value)


def _jobs(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{what} must be an integer, not {_tname(value)}")
    if value < 1:
        raise ValueError(f"{what} must be at least 1, not {value}")
    return value


def _severity(value: object, what: str) -> Severity:
    if isinstance(value, Severity):
        return value
    if not isinstance(value, str):
        raise ValueError(f"{what} must be a severity string, not {_tname(value)}")
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise ValueError(f"{what}: {exc}") from None


def _url(value: object, what: str) -> str:
    text = _str(value, what).strip().rstrip("/")
    if not re.fullmatch(r"https?://[^\s/]+(/[^\s]*)?", text):
        raise ValueError(f"{what} must be an http(s) URL, not {value!r}")
    return text


def _known_codes() -> frozenset[str]:
    """Registered rule codes; imports the check modules so every family is counted."""
    from refcheck.rules import all_rules

    return frozenset(r.code for r in all_rules())


def _selectors(value: object, what: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"{what} must be a list of rule codes or prefixes, not {_tname(value)}")
    out: list[str] = []
    for item in value:
        if not isinstance(item, str):
            raise ValueError(f"{what} entries must be strings, not {_tname(item)}")
        sel = item.strip().upper()
        if sel != "ALL" and not _SELECTOR.fullmatch(sel):
            raise ValueError(
                f"{what}: malformed rule selector {item!r} "
                "(expected ALL, a family letter like X, a prefix like X3, or a code like X305)"
            )
        if _FULL_CODE.fullmatch(sel) and sel not in _known_codes():
            raise ValueError(f"{what}: unknown rule code {sel}")
        out.append(sel)
    return tuple(out)


def _severity_map(value: object, what: str) -> Mapping[str, Severity]:
    if not isinstance(value, Mapping):
        raise ValueError(f"{what} must be a table of rule code = severity, not {_tname(value)}")
    out: dict[str, Severity] = {}
    for key, sev in value.items():
        code = str(key).strip().upper()
        if not _FULL_CODE.fullmatch(code):
            raise ValueError(f"{what}: {key!r} is not a full rule code (like X305)")
        if code not in _known_codes():
            raise ValueError(f"{what}: unknown rule code {code}")
        out[code] = _severity(sev, f"{what}.{code}")
    return SeverityMap(out)


def _normalise_module() -> Any:
    try:
        return importlib.import_module("refcheck.normalise")
    except ImportError:  # pragma: no cover - the stage is part of the package
        return None


def transliteration_schemes() -> frozenset[str]:
    """Scheme names ``transliteration`` accepts: the normalise stage's ``SCHEMES``.

    Falls back to the iuliia schema names (kebab-case) if that stage cannot be imported.
    """
    published = getattr(_normalise_module(), "SCHEMES", None)
    if published:
        return frozenset(str(s) for s in published)
    names = {"ala-lc"}
    try:
        import iuliia

        names |= {str(n).replace("_", "-") for n in iuliia.schemas.names()}
    except Exception:  # pragma: no cover - iuliia is a hard dependency
        pass
    return frozenset(names)


def _scheme(value: object, what: str) -> str:
    """The canonical scheme name; aliases (``gost-779``, ``loc`` …) as the normalise stage knows."""
    name = _str(value, what).strip().lower().replace("_", "-")
    canonical = getattr(_normalise_module(), "canonical_scheme", None)
    if canonical is not None:
        with contextlib.suppress(ValueError):  # unknown: reported below with the full list
            name = str(canonical(name))
    known = transliteration_schemes()
    if name not in known:
        raise ValueError(
            f"{what}: unknown transliteration scheme {value!r} (known: {', '.join(sorted(known))})"
        )
    return name


def _detector(value: object, what: str) -> str:
    """``builtin`` or ``lingua`` (installed): a missing extra is a setting error, said up front."""
    from refcheck.normalise import LanguageDetectorError, check_language_detector

    try:
        return check_language_detector(_str(value, what))
    except LanguageDetectorError as exc:
        raise ValueError(f"{what}: {exc}") from None


def _tname(value: object) -> str:
    return {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


_VALIDATORS: dict[str, Callable[[object, str], Any]] = {
    "select": _selectors,
    "ignore": _selectors,
    "severity": _severity_map,
    "fail_on": _severity,
    "transliteration": _scheme,
    "language_detector": _detector,
    "mailto": _str,
    "cache_dir": _str,
    "use_cache": _bool,
    "offline": _bool,
    "crossref_url": _url,
    "doi_url": _url,
    "datacite_url": _url,
    "allow_local_urls": _bool,
    "timeout": _positive_float,
    "deadline": _positive_float,
    "check_urls": _bool,
    "search_missing_dois": _bool,
    "jobs": _jobs,
    "baseline": _str,
    "require_network": _bool,
}
assert set(_VALIDATORS) | {"source"} == {f.name for f in fields(Config)}

# settings that name files: relative values in a config file are relative to that file's folder
_PATH_KEYS = ("cache_dir", "baseline")


# ---------------------------------------------------------------------------------------------
# finding and reading the file


def _has_tool_section(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*refcheck\s*[\].]", text, re.MULTILINE) is not None


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
    if sys.version_info >= (3, 11):  # imported here: most manuscripts come with no config file
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
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
                line=_key_line(text, "tool", "refcheck"),
            )
        return table, text, "tool.refcheck"
    return data, text, ""


def _from_table(table: Mapping[str, Any], text: str, prefix: str, path: Path) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        line = _key_line(text, prefix, key)
        if name not in _VALIDATORS:
            hint = f"[{prefix}]" if prefix else "the file"
            raise ConfigError(f"unknown key {key!r} in {hint}", path=str(path), line=line)
        try:
            typed = _VALIDATORS[name](value, key)
        except ValueError as exc:
            if name == "severity" and isinstance(value, Mapping):
                line = _bad_severity_line(text, prefix, key, value) or line
            raise ConfigError(str(exc), path=str(path), line=line) from None
        if name in _PATH_KEYS and typed:
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


def _from_env(env: Mapping[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for var, name in ENV_VARS.items():
        if var not in env:
            continue
        raw = env[var]
        if name in ("mailto", "cache_dir") and raw == "":
            continue  # an empty variable means "unset", as shells often export them
        try:
            values[name] = _VALIDATORS[name](raw, var)
        except ValueError as exc:
            raise ConfigError(f"environment variable {exc}") from None
    return values


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
    values.update(_from_env(env))
    return Config(**values)
