"""Configuration: discovery, precedence, validation, and errors that name file and line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from refcheck import findings as findings_mod
from refcheck.config import Config, find_config_file, load_config, transliteration_schemes
from refcheck.errors import ConfigError
from refcheck.findings import Rule, Severity

NO_ENV: dict[str, str] = {}


@pytest.fixture(autouse=True)
def _rules(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Two known codes for validation, registered for this test only."""
    for code in ("T901", "T902"):
        rule = Rule(
            code,
            f"test-rule-{code.lower()}",
            Severity.WARNING,
            "rules",
            "A test rule.",
            "bad",
            "good",
        )
        monkeypatch.setitem(findings_mod._REGISTRY, code, rule)
    yield


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_any_file(tmp_path: Path) -> None:
    cfg = load_config(start=tmp_path, env=NO_ENV)
    assert cfg == Config()
    assert cfg.fail_on is Severity.WARNING and cfg.jobs == 1 and cfg.source == ""
    assert cfg.crossref_url == "https://api.crossref.org" and dict(cfg.severity) == {}


def test_refcheck_toml_all_keys(tmp_path: Path) -> None:
    src = write(
        tmp_path / "refcheck.toml",
        """
select = ["T9", "X3"]
ignore = ["T902"]
fail_on = "error"
transliteration = "bgn-pcgn"
mailto = "editor@example.org"
cache_dir = "cache"
use_cache = false
offline = true
crossref_url = "http://127.0.0.1:8080/"
doi_url = "https://doi.example.org"
datacite_url = "https://api.datacite.example"
allow_local_urls = true
timeout = 3
deadline = 60.5
check_urls = false
search_missing_dois = false
jobs = 4
baseline = "base.json"

[severity]
T901 = "error"
""",
    )
    cfg = load_config(start=tmp_path, env=NO_ENV)
    assert cfg.select == ("T9", "X3") and cfg.ignore == ("T902",)
    assert cfg.fail_on is Severity.ERROR and cfg.transliteration == "bgn-pcgn"
    assert cfg.severity == {"T901": Severity.ERROR}
    assert cfg.cache_dir == str((tmp_path / "cache").resolve())  # relative to the file
    assert cfg.baseline == str((tmp_path / "base.json").resolve())
    assert cfg.crossref_url == "http://127.0.0.1:8080"  # trailing slash dropped
    assert (cfg.use_cache, cfg.offline, cfg.allow_local_urls) == (False, True, True)
    assert (cfg.timeout, cfg.deadline, cfg.jobs) == (3.0, 60.5, 4)
    assert isinstance(cfg.timeout, float)
    assert (cfg.check_urls, cfg.search_missing_dois) == (False, False)
    assert cfg.mailto == "editor@example.org" and cfg.source == str(src)


def test_pyproject_section_found_upward_and_kebab_keys(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.refcheck]\n'
        'fail-on = "info"\nseverity = { T902 = "info" }\n',
    )
    deep = tmp_path / "papers" / "2025"
    deep.mkdir(parents=True)
    cfg = load_config(start=deep, env=NO_ENV)
    assert cfg.fail_on is Severity.INFO and cfg.severity == {"T902": Severity.INFO}
    assert cfg.source == str(tmp_path / "pyproject.toml")


def test_pyproject_without_section_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "refcheck.toml", "jobs = 2\n")
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config_file(tmp_path / "sub") == (tmp_path / "refcheck.toml").resolve()
    assert load_config(start=tmp_path / "sub", env=NO_ENV).jobs == 2


def test_refcheck_toml_wins_over_pyproject_in_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.refcheck]\njobs = 3\n")
    write(tmp_path / "refcheck.toml", "jobs = 5\n")
    assert load_config(start=tmp_path, env=NO_ENV).jobs == 5


def test_start_may_be_the_manuscript_file(tmp_path: Path) -> None:
    write(tmp_path / "refcheck.toml", "jobs = 6\n")
    paper = write(tmp_path / "paper.txt", "x")
    assert load_config(start=paper, env=NO_ENV).jobs == 6


def test_explicit_file_and_missing_explicit(tmp_path: Path) -> None:
    other = write(tmp_path / "elsewhere" / "custom.toml", 'fail_on = "error"\n')
    write(tmp_path / "refcheck.toml", 'fail_on = "info"\n')
    assert load_config(start=tmp_path, explicit=other, env=NO_ENV).fail_on is Severity.ERROR
    with pytest.raises(ConfigError, match="not found") as info:
        load_config(explicit=tmp_path / "nope.toml", env=NO_ENV)
    assert info.value.path == str(tmp_path / "nope.toml")


def test_precedence_cli_over_env_over_file(tmp_path: Path) -> None:
    write(
        tmp_path / "refcheck.toml",
        'crossref_url = "https://file.example"\nmailto = "file@x"\noffline = false\njobs = 2\n',
    )
    env = {
        "REFCHECK_CROSSREF_URL": "http://localhost:9999",
        "REFCHECK_OFFLINE": "1",
        "REFCHECK_ALLOW_LOCAL_URLS": "true",
        "REFCHECK_CACHE_DIR": "/tmp/rc",
        "REFCHECK_MAILTO": "env@x",
        "REFCHECK_DOI_URL": "http://localhost:1",
        "REFCHECK_DATACITE_URL": "http://localhost:2",
        "UNRELATED": "x",
    }
    cfg = load_config(start=tmp_path, env=env)
    assert cfg.crossref_url == "http://localhost:9999" and cfg.offline is True
    assert cfg.allow_local_urls is True and cfg.cache_dir == "/tmp/rc" and cfg.mailto == "env@x"
    assert (cfg.doi_url, cfg.datacite_url) == ("http://localhost:1", "http://localhost:2")
    assert cfg.jobs == 2  # untouched by env
    cli = cfg.merged(
        offline=False,
        crossref_url="https://cli.example",
        jobs=None,
        mailto=None,
        fail_on="error",
        select=["T901"],
    )
    assert cli.offline is False and cli.crossref_url == "https://cli.example"
    assert cli.jobs == 2 and cli.mailto == "env@x"  # None = not given
    assert cli.fail_on is Severity.ERROR and cli.select == ("T901",)
    assert cfg.merged() is cfg


def test_env_false_values_and_bad_bool() -> None:
    assert load_config(start=Path("/"), env={"REFCHECK_OFFLINE": "0"}).offline is False
    with pytest.raises(ConfigError, match="REFCHECK_OFFLINE must be true or false"):
        load_config(start=Path("/"), env={"REFCHECK_OFFLINE": "maybe"})
    with pytest.raises(ConfigError, match="REFCHECK_CROSSREF_URL must be an http"):
        load_config(start=Path("/"), env={"REFCHECK_CROSSREF_URL": "ftp://x"})


def test_merged_rejects_bad_values() -> None:
    with pytest.raises(ConfigError, match="--fail-on: unknown severity 'fatal'"):
        Config().merged(fail_on="fatal")
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        Config().merged(colour=True)
    with pytest.raises(ConfigError, match="--jobs must be at least 1"):
        Config().merged(jobs=0)


BAD_CASES = [
    ("unknown key", "jobs = 2\n\nfrobnicate = 1\n", 3, "unknown key 'frobnicate'"),
    ("wrong type", 'select = ["T9"]\njobs = "four"\n', 2, "jobs must be an integer"),
    ("bool for number", "timeout = true\n", 1, "timeout must be a number"),
    ("negative", "deadline = -1\n", 1, "deadline must be greater than 0"),
    ("unknown severity", 'fail_on = "fatal"\n', 1, "unknown severity 'fatal'"),
    (
        "severity value",
        '[severity]\nT901 = "warning"\nT902 = "loud"\n',
        3,
        "unknown severity 'loud'",
    ),
    ("severity inline", 'jobs = 1\nseverity = { T901 = "nope" }\n', 2, "unknown severity"),
    ("severity prefix", '\nseverity = { T9 = "error" }\n', 2, "not a full rule code"),
    ("severity unknown code", '[severity]\nZ123 = "error"\n', 2, "unknown rule code Z123"),
    ("scheme", 'transliteration = "klingon"\n', 1, "unknown transliteration scheme"),
    ("selector", '\n\nselect = ["T9", "bad selector"]\n', 3, "malformed rule selector"),
    ("selector code", 'ignore = ["X3", "Q777"]\n', 1, "unknown rule code Q777"),
    ("selector type", "select = [1]\n", 1, "entries must be strings"),
    ("url", 'doi_url = "doi.org"\n', 1, "must be an http(s) URL"),
    ("source is not a key", 'source = "x"\n', 1, "unknown key 'source'"),
    ("toml syntax", 'jobs = 1\nselect = ["T9"\n', 2, "invalid TOML"),
    ("toml value", 'jobs = 1\n\nmailto = = "x"\n', 3, "invalid TOML"),
]


@pytest.mark.parametrize(
    ("text", "line", "message"), [c[1:] for c in BAD_CASES], ids=[c[0] for c in BAD_CASES]
)
def test_bad_config_names_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path / "refcheck.toml", text)
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")) as info:
        load_config(start=tmp_path, env=NO_ENV)
    assert info.value.path == str(path)
    assert info.value.line == line
    assert str(info.value).startswith(f"{path}:{line}: ")


def test_bad_key_line_in_pyproject_section(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pyproject.toml",
        '[project]\njobs = "not ours"\n\n[tool.refcheck]\nfail_on = "error"\njobs = "x"\n',
    )
    with pytest.raises(ConfigError) as info:
        load_config(start=tmp_path, env=NO_ENV)
    assert (info.value.path, info.value.line) == (str(path), 6)


def test_dotted_severity_key_line(tmp_path: Path) -> None:
    write(tmp_path / "refcheck.toml", 'jobs = 1\nseverity.T901 = "error"\nseverity.T902 = "x"\n')
    with pytest.raises(ConfigError) as info:
        load_config(start=tmp_path, env=NO_ENV)
    assert info.value.line == 3


def test_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "refcheck.toml").write_bytes(b'mailto = "\xff"\n')
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(start=tmp_path, env=NO_ENV)


def test_selectors_are_normalised_and_prefixes_allowed(tmp_path: Path) -> None:
    write(tmp_path / "refcheck.toml", 'select = ["all", "x3", "t901"]\nignore = "T9"\n')
    cfg = load_config(start=tmp_path, env=NO_ENV)
    assert cfg.select == ("ALL", "X3", "T901") and cfg.ignore == ("T9",)


def test_transliteration_schemes_include_defaults() -> None:
    schemes = transliteration_schemes()
    assert {"ala-lc", "bgn-pcgn"} <= schemes
    assert "klingon" not in schemes


def test_config_is_frozen() -> None:
    cfg = Config()
    with pytest.raises(AttributeError):
        cfg.jobs = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        cfg.severity["T901"] = Severity.ERROR  # type: ignore[index]


def test_key_scan_linear_on_large_file(tmp_path: Path) -> None:
    """A 100 KB config with a bad key at the end: the line scan stays fast."""
    import time

    body = "".join(f'# comment {i} [[[ "" = = .\n' for i in range(3000))
    write(tmp_path / "refcheck.toml", body + "bogus = 1\n")
    t0 = time.perf_counter()
    with pytest.raises(ConfigError) as info:
        load_config(start=tmp_path, env=NO_ENV)
    assert info.value.line == 3001
    assert time.perf_counter() - t0 < 2.0


def test_transliteration_alias_is_canonicalised(tmp_path: Path) -> None:
    write(tmp_path / "refcheck.toml", 'transliteration = "LOC"\n')
    assert load_config(start=tmp_path, env=NO_ENV).transliteration == "ala-lc"


def test_config_pickles_and_hashes_for_worker_processes(tmp_path: Path) -> None:
    import pickle

    write(tmp_path / "refcheck.toml", '[severity]\nT901 = "error"\n')
    cfg = load_config(start=tmp_path, env=NO_ENV)
    again = pickle.loads(pickle.dumps(cfg))
    assert again == cfg and again.severity == {"T901": Severity.ERROR}
    assert hash(again) == hash(cfg)
