"""Russian linguistics lists keyed by abbreviation ("НКРЯ – Национальный корпус …", GOST R
7.0.5's Источники) and the square brackets that cite them ("[НКРЯ]", "[РМС I: 484]"), with
the list split right when a "Литература" part is followed by an "Источники" part."""

from __future__ import annotations

from pathlib import Path

from refcheck import check
from refcheck.api import load
from refcheck.config import Config
from refcheck.match import how
from refcheck.parse import parse_string

ARTICLE = """Идиома встречается в корпусе [НКРЯ], ср. [РМС I: 484] и [РМС; Матешич 1982].
Словарь [ФСРЛЯ] даёт её как фразеологизм (Гак 2000: 127), ср. [ПОКА] и [Крылов 2010].

(4) Der neue Name wurde nicht aus der Luft gegriffen. (Rhein-Zeitung, 04.11.2019)

Литература
Гак 2000 — В. Г. Гак. Пространство вне пространства. М.: Языки русской культуры, 2000.
Фёдоров А. Ф. Фразеологический словарь русского литературного языка. М.: Астрель, 2008.
Источники
Матешич 1982 — Й. Матешич. Фразеологический словарь. Загреб, 1982.
НКРЯ – Национальный корпус русского языка. URL: http://ruscorpora.ru/new/
РМС I — Матица Српска. Речник српскохрватскога књижевног језика. Нови Сад, 1990.
Riznica — Hrvatska jezična riznica // http://riznica.ihjj.hr/
"""


def test_a_sources_part_after_the_literature_part_belongs_to_the_same_list(
    tmp_path: Path,
) -> None:
    path = tmp_path / "статья.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = load(path)
    assert [r.raw.split()[0] for r in doc.references] == [
        "Гак",
        "Фёдоров",
        "Матешич",
        "НКРЯ",
        "РМС",
        "Riznica",
    ]  # "Источники" is a section title, and a link ending in "/" ended its entry


def test_an_abbreviation_key_labels_the_entry_and_leaves_its_fields_alone() -> None:
    r = parse_string("НКРЯ – Национальный корпус русского языка. URL: http://ruscorpora.ru/")
    assert (r.label, r.key, r.url) == ("НКРЯ", "", "http://ruscorpora.ru/")
    assert parse_string("KSSJ — MF — Korpus savremenog srpskog jezika").label == "KSSJ-MF"
    assert parse_string("[НКРЯ] Национальный корпус русского языка.").label == "НКРЯ"
    assert parse_string("Иванов И. И. Словарь. М.: Наука, 2001.").label == ""


def test_keys_acronyms_and_example_sources_in_the_text(tmp_path: Path) -> None:
    path = tmp_path / "статья.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    report = check(path, Config(offline=True))
    pairs = zip(report.citations, report.links, strict=True)
    got = [(c.text, c.locator, lk.reference, lk.method) for c, lk in pairs]
    # "[РМС; …]": "РМС" alone is no listed key ("РМС I" is), "[ПОКА]" spells no title: prose
    assert got == [
        ("НКРЯ", "", 4, "key"),
        ("РМС I: 484", "484", 5, "key"),
        ("Матешич 1982", "", 3, "exact"),
        ("ФСРЛЯ", "", 2, "acronym"),
        ("Гак 2000: 127", "127", 1, "exact"),
        ("Крылов 2010", "", None, ""),
        ("Rhein-Zeitung, 04.11.2019", "", None, ""),
    ]
    x301 = sorted(f.message for f in report.findings if f.code == "X301")
    assert len(x301) == 1 and "Крылов" in x301[0]  # the example's source is no cited work


def test_an_acronym_link_is_exact_in_the_json_links() -> None:
    assert (how("acronym"), how("key")) == ("exact", "exact")
