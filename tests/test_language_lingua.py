"""The optional lingua title-language detector (``--language-detector lingua``).

lingua is in the test extra, so these tests run in CI rather than being skipped; the "not
installed" paths are exercised by hiding the package.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

import refcheck.normalise as norm
from refcheck import api
from refcheck.cli import main
from refcheck.config import Config, load_config
from refcheck.errors import ConfigError
from refcheck.normalise import (
    LANGUAGE_DETECTORS,
    LanguageDetectorError,
    check_language_detector,
    detect_language,
    languages,
    normalise_references,
)
from refcheck.rules import Context, RuleOptions, run_checks

DATA = Path(__file__).parent / "data" / "titles_lang.tsv"
NO_ENV: dict[str, str] = {}


@pytest.fixture
def no_lingua(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if lingua-language-detector were not installed."""
    real = importlib.util.find_spec

    def find_spec(name: str, *args: object, **kwargs: object) -> object:
        return None if name == "lingua" else real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    norm.detect_language.cache_clear()


def test_cli_choices_are_the_stage_s_detectors() -> None:
    from refcheck.options import DETECTOR

    assert DETECTOR.choices is not None
    assert tuple(DETECTOR.choices()) == LANGUAGE_DETECTORS == ("builtin", "lingua")


@pytest.mark.parametrize(
    ("title", "builtin", "lingua"),
    [
        ("Counterfactuals", "", "en"),  # one word: langdetect is not asked, lingua is
        ("Dostluk", "", "tr"),
        ("Ekonomi politik", "", "tr"),  # Turkish typed without its letters: langdetect pl
        ("Corpus design criteria", "", "en"),  # langdetect: es, not taken
        ("Multiple predicate learning", "", "en"),  # langdetect: ro, not taken
    ],
)
def test_lingua_answers_where_langdetect_fails(title: str, builtin: str, lingua: str) -> None:
    assert detect_language(title)[0] == builtin
    code, evidence = detect_language(title, "lingua")
    assert code == lingua
    assert evidence.startswith(f"lingua {lingua} 0.")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # letters and function words decide before any statistics, for both detectors
        ("Україна і світ", ("uk", "Ukrainian letters ії")),
        ("Война и мир", ("ru", "Cyrillic without Ukrainian/Kazakh/Azerbaijani letters")),
        ("Zəfər paradı keçirildi", ("az", "ə in 1 word(s)")),
        (
            "Visit of Foreign Minister Mevlüt Çavuşoğlu to Azerbaijan",  # lingua alone: az
            ("en", "2 English function word(s)"),
        ),
        ("12 34", ("", "no letters")),
    ],
)
def test_lingua_keeps_letter_and_word_evidence(title: str, expected: tuple[str, str]) -> None:
    assert detect_language(title, "lingua") == expected
    assert detect_language(title) == expected


def test_lingua_accuracy_on_labelled_titles_and_short_ones() -> None:
    with DATA.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    short = [r for r in rows if len(r["title"].split()) <= 5]
    assert (len(rows), len(short)) == (212, 49)

    def accuracy(subset: list[dict[str, str]], detector: str) -> float:
        hits = sum(detect_language(r["title"], detector)[0] == r["lang"] for r in subset)
        return hits / len(subset)

    assert accuracy(rows, "lingua") == 1.0
    assert accuracy(short, "lingua") == 1.0
    assert accuracy(short, "builtin") == pytest.approx(47 / 49)  # what lingua improves on
    with (DATA.parent / "titles_lang_unseen.tsv").open(encoding="utf-8") as fh:
        unseen = [r for r in csv.DictReader(fh, delimiter="\t") if r["lang"] != "uk"]
    assert accuracy(unseen, "lingua") >= 0.99  # 341 of 343; both misses are az read as tr


def test_normalise_references_records_the_detector(seed_path: Path) -> None:
    doc = api.load(seed_path)
    refs = normalise_references(doc.references, text=doc.text, language_detector="lingua")
    assert {r.norm.language_detector for r in refs if r.norm} == {"lingua"}
    by_index = {r.index: r for r in refs}
    assert by_index[17].language == "ru"  # Cyrillic: letters
    assert by_index[3].language == "az"  # "Zəfər paradı keçirildi": ə
    assert by_index[1].language == "tr"
    assert by_index[2].language == "en"
    builtin = normalise_references(doc.references, text=doc.text)
    assert [r.language for r in refs] == [r.language for r in builtin]
    assert {r.norm.language_detector for r in builtin if r.norm} == {"builtin"}


SHORT_TURKISH = (
    "Text (Kaya, 2019).\n\nReferences\n\nKaya, A. (2019). *Dostluk*. İletişim Yayınları.\n"
)


def test_rules_renormalise_when_the_detector_differs() -> None:
    doc = api.load_text(SHORT_TURKISH)
    refs = normalise_references(doc.references, text=doc.text)  # builtin: too short to tell
    assert refs[0].language == ""

    def n502(detector: str) -> list[str]:
        opts = RuleOptions(language_detector=detector)
        ctx = Context(document=doc, references=refs, options=opts)
        return [f.message for f in run_checks(ctx) if f.code == "N502"]

    assert n502("builtin") == []
    (message,) = n502("lingua")
    assert "Turkish" in message


def test_unknown_detector_is_a_value_and_config_error() -> None:
    with pytest.raises(LanguageDetectorError, match="unknown language detector 'fasttext'"):
        detect_language("Some title here", "fasttext")
    assert issubclass(LanguageDetectorError, ValueError)
    assert issubclass(LanguageDetectorError, ConfigError)
    assert check_language_detector(" Lingua ") == "lingua"


def test_missing_lingua_names_the_extra(no_lingua: None) -> None:
    with pytest.raises(LanguageDetectorError, match=r"pip install 'manuscript-refcheck\[lingua\]'"):
        check_language_detector("lingua")
    with pytest.raises(LanguageDetectorError):
        normalise_references((), language_detector="lingua")
    assert check_language_detector("builtin") == "builtin"


def test_detect_language_without_lingua_names_the_extra(
    no_lingua: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "lingua", None)  # import lingua now fails
    languages._lingua_detector.cache_clear()
    try:
        with pytest.raises(LanguageDetectorError, match=r"manuscript-refcheck\[lingua\]"):
            detect_language("Dostluk", "lingua")
        assert detect_language("Dostluk") == ("", "too short to tell")  # builtin unaffected
    finally:
        monkeypatch.undo()
        languages._lingua_detector.cache_clear()
        norm.detect_language.cache_clear()


def test_config_setting_env_and_cli_override(tmp_path: Path) -> None:
    assert Config().language_detector == "builtin"
    (tmp_path / "refcheck.toml").write_text('language_detector = "LINGUA"\n', encoding="utf-8")
    assert load_config(start=tmp_path, env=NO_ENV).language_detector == "lingua"
    env = {"REFCHECK_LANGUAGE_DETECTOR": "builtin"}
    cfg = load_config(start=tmp_path, env=env)
    assert cfg.language_detector == "builtin"
    assert cfg.merged(language_detector="lingua").language_detector == "lingua"
    with pytest.raises(ConfigError, match="--language-detector: unknown language detector"):
        cfg.merged(language_detector="cld3")
    (tmp_path / "refcheck.toml").write_text('language_detector = "cld3"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown language detector 'cld3'") as info:
        load_config(start=tmp_path, env=NO_ENV)
    assert info.value.path == str(tmp_path / "refcheck.toml")


def test_config_without_lingua_fails_up_front(tmp_path: Path, no_lingua: None) -> None:
    (tmp_path / "refcheck.toml").write_text('language_detector = "lingua"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"manuscript-refcheck\[lingua\]"):
        load_config(start=tmp_path, env=NO_ENV)


def test_cli_check_with_lingua(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    code = main(
        ["check", str(seed_path), "--offline", "-f", "json", "--language-detector", "lingua"]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert data["references"] == 42
    n502 = [f for f in data["findings"] if f["code"] == "N502"]
    assert len(n502) == 17
    assert sorted({f["reference"] for f in n502})[:3] == [1, 3, 7]


def test_cli_without_lingua_exits_2_naming_the_extra(
    capsys: pytest.CaptureFixture[str], seed_path: Path, no_lingua: None
) -> None:
    code = main(["check", str(seed_path), "--offline", "--language-detector", "lingua"])
    err = capsys.readouterr().err
    assert code == 2
    assert "pip install 'manuscript-refcheck[lingua]'" in err
    assert "Traceback" not in err
    code = main(["export", str(seed_path), "--language-detector", "lingua"])
    err = capsys.readouterr().err
    assert code == 2
    assert "pip install 'manuscript-refcheck[lingua]'" in err


def test_cli_export_langid_from_lingua(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    src = tmp_path / "m.md"
    src.write_text(SHORT_TURKISH, encoding="utf-8")
    assert main(["export", str(src), "--to", "biblatex"]) == 0
    assert "langid" not in capsys.readouterr().out  # builtin: one word is too short to tell
    assert main(["export", str(src), "--to", "biblatex", "--language-detector", "lingua"]) == 0
    assert "langid = {turkish}" in capsys.readouterr().out


def test_builtin_never_imports_lingua(seed_path: Path) -> None:
    code = (
        "import sys; from refcheck import api; from refcheck.normalise import "
        "normalise_references as n; d = api.load(sys.argv[1]); n(d.references, text=d.text); "
        "print('lingua' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(seed_path)], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
