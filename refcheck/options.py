"""Every option refcheck takes, declared once and validated in one place.

Where a value comes from does not change what it may be: ``--timeout inf`` on the command line,
``timeout = inf`` in ``refcheck.toml``, a ``REFCHECK_*`` variable and ``Config(timeout=math.inf)``
in Python all go through the same :class:`Kind` and are refused with the same reason, naming the
option as the user wrote it (``--timeout``, ``timeout``, ``REFCHECK_…``).

How an option is declared
-------------------------
Add one :class:`Option` to :data:`OPTIONS` below; nothing else reads options.

* A **setting** (``config=True``, the default) is also a field of :class:`refcheck.config.Config`:
  add the field with its default there (a test checks that the two agree). It can then be set in
  ``refcheck.toml`` / ``[tool.refcheck]`` (key ``name``, or with ``-`` for ``_``) and in Python;
  ``env="REFCHECK_…"`` adds an environment variable, ``flags=`` + ``commands=`` a command-line
  spelling on those subcommands.
* A **command-line-only** option (``--format``, ``--output`` …) has ``config=False`` and a
  ``default``; the command finds the checked value as ``args.<name>``.
* ``cli`` says how a flag takes its value: ``"value"`` (``--timeout 5``), ``"append"`` (repeatable,
  comma-separated: ``--select X3 --select P1,N5``), or ``"true"``/``"false"`` (a flag without a
  value that sets the setting to that boolean: ``--offline``, ``--no-cache``).
* ``kind`` is the type, range or choice (:data:`SECONDS`, :data:`BOOL`, :func:`choice` …). A kind
  lists ``bad`` example values; tests/test_options.py runs every subcommand with every option set to
  each of them and requires one error line, exit status 2 and nothing written. A new kind needs
  bad examples; a new option of an existing kind is covered by that test without writing one.

The readers are :func:`add_arguments` (argparse, in ``refcheck.cli``), :func:`from_command_line`,
:func:`from_environment`, :func:`check_value` (the TOML reader in ``refcheck.config``) and
:func:`validate_config` (``Config.__post_init__``).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from refcheck.errors import ConfigError
from refcheck.findings import Severity

if TYPE_CHECKING:
    from refcheck.config import Config

__all__ = [
    "MAX_JOBS",
    "MAX_SECONDS",
    "OPTIONS",
    "Kind",
    "Option",
    "SeverityMap",
    "add_arguments",
    "check_value",
    "choice",
    "config_options",
    "from_command_line",
    "from_environment",
    "options_for",
    "transliteration_schemes",
    "validate_config",
]

MAX_JOBS = 64
"""Most manuscripts checked at once: each worker is a process with its own memory."""

MAX_SECONDS = 86_400.0
"""Longest timeout or deadline (a day): a finite wall, and what socket timeouts can hold."""

_SELECTOR = re.compile(r"[A-Z][0-9]{0,3}")
_FULL_CODE = re.compile(r"[A-Z][0-9]{3}")
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


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


# ---------------------------------------------------------------------------------------------
# checks: a typed value (TOML, Python, or text already parsed) -> canonical value, or ValueError
# with a reason that starts with ``what`` (the option as the user wrote it)


def _tname(value: object) -> str:
    return {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        tuple: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


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


def _seconds(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{what} must be a number of seconds, not {_tname(value)}")
    if math.isnan(value) or not value > 0:
        raise ValueError(f"{what} must be greater than 0, not {value!r}")
    if not value <= MAX_SECONDS:
        raise ValueError(f"{what} must be at most {MAX_SECONDS:.0f} seconds, not {value!r}")
    return float(value)


def _int_in(low: int, high: int | None, noun: str) -> Callable[[object, str], int]:
    def check(value: object, what: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{what} must be an integer, not {_tname(value)}")
        if value < low:
            raise ValueError(f"{what} must be at least {low}, not {value}")
        if high is not None and value > high:
            raise ValueError(f"{what} must be at most {high} {noun}, not {value}")
        return value

    return check


def _severity(value: object, what: str) -> Severity:
    if isinstance(value, Severity):
        return value
    if not isinstance(value, str):
        raise ValueError(f"{what} must be a severity string, not {_tname(value)}")
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise ValueError(f"{what}: {exc}") from None


def _fail_on(value: object, what: str) -> Severity | None:
    """A severity, or ``never`` (``None``): the run's exit status and every report agree on it."""
    if value is None or (isinstance(value, str) and value.strip().lower() == "never"):
        return None
    try:
        return _severity(value, what)
    except ValueError:
        raise ValueError(
            f"{what}: unknown severity {value!r} (expected one of: info, warning, error, never)"
        ) from None


def _url(value: object, what: str) -> str:
    from urllib.parse import urlsplit

    text = _str(value, what).strip().rstrip("/")
    bad = ValueError(f"{what} must be an http(s) URL, not {value!r}")
    if _CONTROL.search(text) or not re.fullmatch(r"https?://[^\s/]+(/\S*)?", text):
        raise bad
    try:
        parts = urlsplit(text)
        _ = parts.port  # a port outside 0-65535 raises here
    except ValueError:
        raise bad from None
    if not parts.hostname:
        raise bad
    return text


def _email(value: object, what: str) -> str:
    """An address Crossref can write to, and safe in a User-Agent header (no CR/LF)."""
    text = _str(value, what).strip()
    if text == "":
        return ""
    local, at, domain = text.rpartition("@")
    if (
        not at
        or not local
        or not domain
        or "@" in local
        or len(text) > 254
        or _CONTROL.search(text)
        or re.search(r"[\s<>()\[\],;:\"]", text)
    ):
        raise ValueError(f"{what} must be an e-mail address like editor@journal.org, not {value!r}")
    return text


def _directory(value: object, what: str) -> str:
    """A folder refcheck may create: not a file, and not below one."""
    text = _str(value, what)
    if text == "":
        return ""
    if "\x00" in text:
        raise ValueError(f"{what} must be a folder, not a name with a NUL character")
    path = Path(text).expanduser()
    for probe in (path, *path.parents):
        if probe.exists():
            if not probe.is_dir():
                where = "is" if probe == path else f"is below {probe}, which is"
                raise ValueError(f"{what}: {text} {where} not a folder")
            break
    return text


def _path(value: object, what: str) -> str:
    text = _str(value, what)
    if "\x00" in text:
        raise ValueError(f"{what} must be a file name, not a name with a NUL character")
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


# ---------------------------------------------------------------------------------------------
# parsing text (command line, environment) into the typed value a check takes


def _as_text(text: str, what: str) -> object:
    return text


def _number_text(text: str, what: str) -> object:
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{what} must be a number of seconds, not {text!r}") from None


def _int_text(text: str, what: str) -> object:
    try:
        return int(text.strip())
    except ValueError:
        raise ValueError(f"{what} must be an integer, not {text!r}") from None


def _list_text(text: str, what: str) -> object:
    return [p.strip() for p in text.split(",") if p.strip()]


@dataclass(frozen=True)
class Kind:
    """What values an option takes: the check, how text becomes a value, and refused examples.

    ``bad`` examples may name fixtures the bad-value suite provides: ``{file}`` (an existing
    file), ``{dir}``, ``{missing}`` (a path that does not exist), ``{input}`` (the manuscript
    being read), ``{binary}`` (a file of non-UTF-8 bytes), ``{nested}`` (JSON nested 100,000
    deep), ``{badtoml}`` (a file that is not TOML) and ``{fifo}`` (a named pipe).
    """

    describe: str
    check: Callable[[object, str], Any]
    parse: Callable[[str, str], object] = _as_text
    bad: tuple[str, ...] = ()
    choices: Callable[[], Sequence[str]] | None = None

    def from_text(self, text: str, what: str) -> Any:
        """A command-line or environment value, parsed and checked."""
        return self.check(self.parse(text, what), what)


def choice(*values: str, source: Callable[[], Sequence[str]] | None = None) -> Kind:
    """One of ``values`` (or of what ``source()`` lists when the parser is built, so a new
    export or report format needs no change here)."""

    def names() -> Sequence[str]:
        return tuple(source()) if source is not None else values

    def check(value: object, what: str) -> str:
        text = _str(value, what).strip()
        allowed = names()
        if text not in allowed:
            raise ValueError(f"{what}: {value!r} is not one of: {', '.join(allowed)}")
        return text

    return Kind(
        describe="one of " + ", ".join(values) if values else "a name",
        check=check,
        bad=("nope", ""),
        choices=names,
    )


BOOL = Kind("true or false", _bool, bad=("maybe", "2"))
SECONDS = Kind(
    f"number of seconds, > 0 and ≤ {MAX_SECONDS:.0f}",
    _seconds,
    _number_text,
    bad=("0", "-1", "inf", "1e999", "nan", "ten", "1e6"),
)
JOBS = Kind(
    f"integer 1-{MAX_JOBS}",
    _int_in(1, MAX_JOBS, "processes"),
    _int_text,
    bad=("0", "-2", "four", "1.5", "100000"),
)
LINE = Kind("line number ≥ 1", _int_in(1, None, ""), _int_text, bad=("0", "-1", "x"))
SEVERITY = Kind(
    "info, warning or error",
    _severity,
    bad=("fatal", ""),
    choices=lambda: ("info", "warning", "error"),
)
FAIL_ON = Kind(
    "info, warning, error or never",
    _fail_on,
    bad=("fatal", "always"),
    choices=lambda: ("info", "warning", "error", "never"),
)
SCHEME = Kind("transliteration scheme", _scheme, bad=("none", "klingon"))
DETECTOR = Kind(
    "builtin or lingua", _detector, bad=("cld3", ""), choices=lambda: ("builtin", "lingua")
)
def _languages() -> Sequence[str]:
    from refcheck.language import LANGUAGE_SETTINGS

    return tuple(LANGUAGE_SETTINGS)


def _et_al_forms() -> Sequence[str]:
    from refcheck.cite.grammar import ET_AL_CHOICES

    return ("auto", *ET_AL_CHOICES)


def _et_al(value: object, what: str) -> str:
    """``auto`` or the form a journal prints for "et al." (``vd.``, ``и др.`` …), spaces and
    case as the user types them folded to the listed form."""
    name = " ".join(_str(value, what).split())
    for form in _et_al_forms():
        if name.lower() == form.lower():
            return form
    forms = ", ".join(_et_al_forms()[1:])
    raise ValueError(f"{what}: unknown form {value!r} (expected auto or one of: {forms})")


def _language(value: object, what: str) -> str:
    name = _str(value, what).strip().lower()
    if name not in _languages():
        known = ", ".join(_languages())
        raise ValueError(f"{what}: unknown language {value!r} (expected one of: {known})")
    return name


LANGUAGE = Kind("auto, en, tr, az or ru", _language, bad=("xx", ""), choices=_languages)
ET_AL = Kind("auto or an et al. form", _et_al, bad=("etc.", ""), choices=_et_al_forms)
EMAIL = Kind(
    "e-mail address",
    _email,
    bad=("editor", "a@b.org\r\nX-Injected: 1", "a b@c.org", "@x.org", "a@"),
)
URL = Kind(
    "http(s) URL",
    _url,
    bad=("http://[::1", "ftp://x.org", "http://", "http://x.org:99999", "https://x.org/a\tb"),
)
FOLDER = Kind("folder", _directory, bad=("{file}", "{file}/sub"))
SELECTORS = Kind("list of rule selectors", _selectors, _list_text, bad=("bad selector", "Q777"))
SEVERITY_MAP = Kind("table of rule code = severity", _severity_map)
BASELINE = Kind("baseline file", _path, bad=("{missing}", "{dir}", "{binary}", "{nested}"))
CONFIG_FILE = Kind("TOML file", _path, bad=("{missing}", "{dir}", "{binary}", "{badtoml}"))
OUTPUT = Kind(
    "file to write",
    _path,
    bad=("{missing}/out.txt", "{dir}", "{input}", "/dev/full", "{file}/out.txt", ""),
)


def _report_formats() -> Sequence[str]:
    from refcheck.report import FORMATS

    return tuple(FORMATS)


def _export_formats() -> Sequence[str]:
    from refcheck.exporter import FORMATS

    return tuple(FORMATS)


# ---------------------------------------------------------------------------------------------
# the table


CHECK, PARSE, EXPORT, RULES, CACHE = "check", "parse", "export", "rules", "cache"
FIX = "fix"
COMMANDS = (CHECK, PARSE, EXPORT, RULES, CACHE, FIX)


@dataclass(frozen=True)
class Option:
    """One option; see the module docstring for how to declare one."""

    name: str  # the Config field, or args.<name> for a command-line-only option
    kind: Kind
    help: str
    flags: tuple[str, ...] = ()  # command-line spellings, the long one first
    commands: tuple[str, ...] = ()  # subcommands that take the flags
    env: str = ""  # REFCHECK_* variable ("" = none)
    config: bool = True  # a Config field: settable in a file and in Python
    cli: str = "value"  # "value", "append", "true" or "false"
    metavar: str = ""
    default: Any = None  # command-line-only options: the value when not given
    path: bool = False  # relative values in a config file are relative to its folder
    empty_env_is_unset: bool = False  # REFCHECK_X="" counts as not set
    group: str = ""  # flags of one group exclude each other

    @property
    def flag(self) -> str:
        """How messages name the option on the command line."""
        return self.flags[0] if self.flags else "--" + self.name.replace("_", "-")


OPTIONS: tuple[Option, ...] = (
    # ---- settings: Config fields, in refcheck.toml, in Python, some in the environment/CLI
    Option("select", SELECTORS, "rule codes or prefixes to run (ALL, X, X3, X305)",
           ("--select",), (CHECK, FIX), cli="append", metavar="CODES"),
    Option("ignore", SELECTORS, "rule codes or prefixes to skip (wins over --select)",
           ("--ignore",), (CHECK, FIX), cli="append", metavar="CODES"),
    Option("severity", SEVERITY_MAP, "per-rule severity: { X305 = \"error\" }"),
    Option("fail_on", FAIL_ON, "lowest severity that makes the exit status 1 (default: warning)",
           ("--fail-on",), (CHECK,), metavar="{info,warning,error,never}"),
    Option("min_severity", SEVERITY, "lowest severity reported (default: info, all)",
           ("--min-severity",), (CHECK,), metavar="{info,warning,error}"),
    Option("transliteration", SCHEME, "romanisation of Cyrillic: ala-lc (default), iso9 …",
           ("--transliteration",), (CHECK, EXPORT, FIX), metavar="SCHEME"),
    Option("language_detector", DETECTOR,
           "title languages by builtin rules (default) or lingua (extra: refcheck[lingua])",
           ("--language-detector",), (CHECK, EXPORT, FIX), env="REFCHECK_LANGUAGE_DETECTOR",
           metavar="{builtin,lingua}"),
    Option("language", LANGUAGE,
           "the manuscript's language the citation rules follow: auto (detected), en, tr, az, ru",
           ("--language",), (CHECK, FIX), metavar="{auto,en,tr,az,ru}"),
    Option("et_al", ET_AL, "the journal's et al.: auto, \"et al.\", \"vd.\", \"и др.\" …"),
    Option("mailto", EMAIL, "contact address for Crossref's polite pool", ("--mailto",),
           (CHECK, FIX), env="REFCHECK_MAILTO", metavar="EMAIL", empty_env_is_unset=True),
    Option("cache_dir", FOLDER, "HTTP cache folder", ("--cache-dir",), (CHECK, CACHE, FIX),
           env="REFCHECK_CACHE_DIR", metavar="DIR", path=True, empty_env_is_unset=True),
    Option("use_cache", BOOL, "do not read or write the HTTP cache", ("--no-cache",), (CHECK, FIX),
           cli="false"),
    Option("offline", BOOL, "do not use the network", ("--offline",), (CHECK, FIX),
           env="REFCHECK_OFFLINE", cli="true"),
    Option("crossref_url", URL, "Crossref REST API base", env="REFCHECK_CROSSREF_URL"),
    Option("doi_url", URL, "DOI resolver base", env="REFCHECK_DOI_URL"),
    Option("datacite_url", URL, "DataCite REST API base", env="REFCHECK_DATACITE_URL"),
    Option("allow_local_urls", BOOL, "allow requests to local and private addresses",
           env="REFCHECK_ALLOW_LOCAL_URLS"),
    Option("timeout", SECONDS, "per-request timeout", ("--timeout",), (CHECK, FIX),
           metavar="SECONDS"),
    Option("deadline", SECONDS, "stop network checks after this long", ("--deadline",),
           (CHECK, FIX), metavar="SECONDS"),
    Option("check_urls", BOOL, "check DOIs but not web pages", ("--no-urls",), (CHECK, FIX),
           cli="false"),
    Option("search_missing_dois", BOOL, "look up a DOI for journal articles without one"),
    Option("require_network", BOOL,
           "fail with exit status 3 when no service could be reached (nothing verified)",
           ("--require-network",), (CHECK,), cli="true"),
    Option("jobs", JOBS, f"check N manuscripts in parallel (1-{MAX_JOBS})", ("--jobs", "-j"),
           (CHECK,), metavar="N"),
    Option("baseline", BASELINE, "hide the findings recorded in FILE", ("--baseline",), (CHECK,),
           metavar="FILE", path=True),
    Option("missing_list", choice("auto", "error", "skip"),
           "a file without a reference list: skip it, or fail (auto: fail when it is the only "
           "file named, skip in a batch)", ("--missing-list",), (CHECK,),
           metavar="{auto,error,skip}"),
    # ---- command-line only
    Option("format", choice(source=_report_formats), "report format (default: text)",
           ("--format", "-f"), (CHECK,), config=False, default="text"),
    Option("output", OUTPUT, "write the report to FILE (replaced only when the run succeeds)",
           ("--output", "-o"), (CHECK,), config=False, metavar="FILE"),
    Option("config", CONFIG_FILE, "refcheck.toml or pyproject.toml to use", ("--config",),
           (CHECK, EXPORT, FIX), config=False, metavar="FILE"),
    Option("write_baseline", OUTPUT, "record today's findings in FILE", ("--write-baseline",),
           (CHECK,), config=False, metavar="FILE"),
    Option("references_from", LINE, "the reference list starts at LINE (no heading needed)",
           ("--references-from",), (CHECK, PARSE, EXPORT, FIX), config=False, metavar="LINE"),
    Option("color", BOOL, "force colours", ("--color",), (CHECK,), config=False, cli="true",
           default=False, group="color"),
    Option("no_color", BOOL, "never use colours", ("--no-color",), (CHECK,), config=False,
           cli="true", default=False, group="color"),
    Option("no_progress", BOOL, "no progress bar on stderr", ("--no-progress",), (CHECK,),
           config=False, cli="true", default=False),
    Option("clear_cache", BOOL, "empty the HTTP cache first", ("--clear-cache",), (CHECK,),
           config=False, cli="true", default=False),
    Option("verbose", BOOL, "the detailed text report: path:line:col per finding, suggestions",
           ("--verbose", "-v"), (CHECK,), config=False, cli="true", default=False),
    Option("format", choice("table", "csl-json", "json"),
           "table: readable; csl-json: a CSL-JSON array; json: one CSL-JSON object per line",
           ("--format", "-f"), (PARSE,), config=False, default="table"),
    Option("to", choice(source=_export_formats), "export format (default: bibtex)", ("--to",),
           (EXPORT,), config=False, default="bibtex"),
    Option("output", OUTPUT, "write to FILE (replaced only when the export succeeds)",
           ("--output", "-o"), (EXPORT,), config=False, metavar="FILE"),
    Option("script", choice("romanised", "original"),
           "non-Latin entries romanised (APA, default) or in their own script with the romanised "
           "form beside it", ("--script",), (EXPORT,), config=False, default="romanised",
           metavar="{romanised,original}"),
    Option("encoding", choice("utf-8", "ascii"),
           "utf-8 for biber/BibLaTeX, ascii for 7-bit LaTeX escapes (bibtex, biblatex only)",
           ("--encoding",), (EXPORT,), config=False, default="utf-8", metavar="{utf-8,ascii}"),
    Option("format", choice("text", "markdown"), "list format", ("--format", "-f"), (RULES,),
           config=False, default="text"),
    Option("write", BOOL, "apply the fixes to FILE (a backup FILE.bak is kept beside it)",
           ("--write", "-w"), (FIX,), config=False, cli="true", default=False),
    Option("unsafe", BOOL, "also apply fixes that change what an entry says (re-rendered or "
           "romanised entries, dropped retrieval dates)", ("--unsafe",), (FIX,), config=False,
           cli="true", default=False),
    Option("diff", BOOL, "print the diff with --write too (without --write it is always printed)",
           ("--diff",), (FIX,), config=False, cli="true", default=False),
    Option("backup", BOOL, "with --write, keep no FILE.bak", ("--no-backup",), (FIX,),
           config=False, cli="false", default=True),
)  # fmt: skip


def config_options() -> tuple[Option, ...]:
    """The settings (Config fields), each once."""
    return tuple(o for o in OPTIONS if o.config)


def options_for(command: str) -> tuple[Option, ...]:
    """The options a subcommand takes on the command line."""
    return tuple(o for o in OPTIONS if command in o.commands and o.flags)


def _setting(name: str) -> Option:
    for opt in OPTIONS:
        if opt.config and opt.name == name:
            return opt
    raise KeyError(name)


def is_setting(name: str) -> bool:
    """Whether ``name`` is a Config field settable from a file, the CLI or Python."""
    return any(o.config and o.name == name for o in OPTIONS)


# ---------------------------------------------------------------------------------------------
# the readers


def check_value(name: str, value: object, what: str) -> Any:
    """A setting's value from a file or from Python, checked; ``ValueError`` names ``what``."""
    return _setting(name).kind.check(value, what)


def add_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    """Declare ``command``'s options on its argparse parser. Values stay raw text (``None`` when
    not given) so :func:`from_command_line` checks them with the same kinds as everywhere else."""
    groups: dict[str, argparse._MutuallyExclusiveGroup] = {}
    for opt in options_for(command):
        target: Any = parser
        if opt.group:
            if opt.group not in groups:
                groups[opt.group] = parser.add_mutually_exclusive_group()
            target = groups[opt.group]
        help_text = opt.help
        if opt.env:
            help_text += f" [env: {opt.env}]"
        if opt.cli in ("true", "false"):
            target.add_argument(
                *opt.flags, dest=opt.name, action="store_const", const=opt.cli == "true",
                default=None, help=help_text,
            )  # fmt: skip
            continue
        metavar = opt.metavar or None
        if metavar is None and opt.kind.choices is not None:
            metavar = "{" + ",".join(opt.kind.choices()) + "}"
        target.add_argument(
            *opt.flags, dest=opt.name, default=None, metavar=metavar, help=help_text,
            action="append" if opt.cli == "append" else "store",
        )  # fmt: skip


def from_command_line(command: str, args: argparse.Namespace) -> dict[str, Any]:
    """Check every option given on the command line.

    Command-line-only options are replaced on ``args`` by their checked values (defaults filled
    in); the settings given are returned as ``Config.merged`` overrides. A bad value raises
    :class:`ConfigError` naming the flag.
    """
    overrides: dict[str, Any] = {}
    for opt in options_for(command):
        raw = getattr(args, opt.name, None)
        if raw is None:
            if not opt.config:
                setattr(args, opt.name, opt.default)
            continue
        try:
            if opt.cli in ("true", "false"):
                value = opt.kind.check(raw, opt.flag)
            elif opt.cli == "append":
                items = [p.strip() for text in raw for p in str(text).split(",") if p.strip()]
                value = opt.kind.check(items, opt.flag)
            else:
                value = opt.kind.from_text(raw, opt.flag)
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
        if opt.config:
            overrides[opt.name] = value
        else:
            setattr(args, opt.name, value)
    return overrides


def from_environment(env: Mapping[str, str]) -> dict[str, Any]:
    """The settings ``REFCHECK_*`` variables give, checked."""
    values: dict[str, Any] = {}
    for opt in config_options():
        if not opt.env or opt.env not in env:
            continue
        raw = env[opt.env]
        if raw == "" and opt.empty_env_is_unset:
            continue
        try:
            values[opt.name] = opt.kind.from_text(raw, opt.env)
        except ValueError as exc:
            raise ConfigError(f"environment variable {exc}") from None
    return values


def validate_config(cfg: Config) -> None:
    """``Config.__post_init__``: every field that differs from its default is checked and
    replaced by its canonical value (``"error"`` → ``Severity.ERROR``, ``"loc"`` → ``ala-lc``).
    Python callers get the same :class:`ConfigError` as the command line and files."""
    from dataclasses import fields

    defaults = {f.name: f.default for f in fields(cfg)}
    for opt in config_options():
        value = getattr(cfg, opt.name)
        default = defaults.get(opt.name)
        if value is default or (type(value) is type(default) and value == default):
            continue
        try:
            canonical = opt.kind.check(value, opt.name)
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
        object.__setattr__(cfg, opt.name, canonical)


def env_variables() -> dict[str, str]:
    """``REFCHECK_*`` variable → setting name."""
    return {o.env: o.name for o in config_options() if o.env}


def path_settings() -> tuple[str, ...]:
    """Settings that name files or folders (relative values in a file are relative to it)."""
    return tuple(o.name for o in config_options() if o.path)
