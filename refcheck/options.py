"""Option values: each validator turns a raw TOML, environment or command-line value into the
typed value refcheck uses, or raises ``ValueError`` with a reason that names the option."""

from __future__ import annotations

import contextlib
import importlib
import math
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from refcheck.findings import Severity

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
}

# settings that name files: relative values in a config file are relative to that file's folder
_PATH_KEYS = ("cache_dir", "baseline")
