"""``refcheck export``'s options for issue 16: --to jats|crossref, --script, and unknown values
as one-line errors (exit 2) naming the valid ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from refcheck.cli import main

SEED = Path(__file__).resolve().parent.parent / "seeds" / "turan-2025-asya-studies.txt"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("fmt", "start", "count"),
    [("jats", "<ref-list", "<ref id="), ("crossref", "<citation_list", "<citation key=")],
)
def test_export_to_jats_and_crossref(
    capsys: pytest.CaptureFixture[str], fmt: str, start: str, count: str
) -> None:
    code, out, err = run(capsys, "export", str(SEED), "--to", fmt)
    assert (code, err) == (0, "")
    assert out.splitlines()[1].startswith(start)
    assert out.count(count) == 42


def test_export_script_original_keeps_cyrillic(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", str(SEED), "--to", "csl-json", "--script", "original")
    items = {i["id"]: i for i in json.loads(out)}
    assert code == 0
    assert items["makienko2020kak"]["title"] == "Как Россия проиграла во второй карабахской войне"
    code, out, _ = run(capsys, "export", str(SEED), "--to", "csl-json")
    items = {i["id"]: i for i in json.loads(out)}
    assert items["makienko2020kak"]["title"] == "Kak Rossii͡a proigrala vo vtoroĭ karabakhskoĭ voĭne"


def test_unknown_transliteration_is_one_line_with_the_valid_schemes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "export", str(SEED), "--transliteration", "none")
    assert (code, out) == (2, "")
    assert err == (
        "refcheck: error: --transliteration: unknown transliteration scheme 'none' (known: "
        "ala-lc, ala-lc-plain, bgn-pcgn, gost-7.79-b, icao, iso9, scholarly, wikipedia)\n"
    )


def test_script_original_with_ascii_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", str(SEED), "--script", "original", "--encoding", "ascii")
    assert code == 2
    assert err == (
        "refcheck: error: --script original needs --encoding utf-8 (7-bit LaTeX has no Cyrillic)\n"
    )


@pytest.mark.parametrize(
    ("option", "value", "valid"),
    [
        ("--to", "endnote", "bibtex, biblatex, csl-json, ris, jats, crossref"),
        ("--encoding", "latin-1", "utf-8, ascii"),
        ("--script", "latin", "romanised, original"),
    ],
)
def test_unknown_choice_exits_2_naming_the_valid_values(
    capsys: pytest.CaptureFixture[str], option: str, value: str, valid: str
) -> None:
    code = main(["export", str(SEED), option, value])
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"refcheck: error: {option}: {value!r} is not one of: {valid}\n"
