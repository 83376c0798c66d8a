"""Ninth round (batch h9): one test per general rule, each with an example other than the
entry that revealed it, plus long inputs for the new patterns."""

from __future__ import annotations

import time

from refcheck.model import Agent, Reference
from refcheck.parse import parse_string as _parse_string


def parse_string(text: str) -> Reference:
    """These tests pin the grammar's rules (the labeller reads non-APA entries in the pipeline;
    its shapes are pinned in test_parse_labeller.py). The grammar also decides P103."""
    return _parse_string(text, reader="grammar")


def _names(agents: tuple[Agent, ...]) -> list[str]:
    return [a.display for a in agents]


# --------------------------------------------------------------------------- Russian / GOST


def test_gost_name_like_title_start_without_comma_is_not_an_author() -> None:
    r = parse_string(
        "Бахтин М. М. Творчество Франсуа Рабле и народная культура. — М. : Худож. лит., 1965. "
        "— 527 с."
    )
    assert r.title.startswith("Творчество Франсуа Рабле")
    assert len(r.authors) == 1
    # a title opening with a surname and initials: "Эйзенштейн С. М. …" after the author
    r = parse_string(
        "Юренев Р. Н. Эйзенштейн С. М. в воспоминаниях современников. — М. : Искусство, 1974. "
        "— 431 с."
    )
    assert _names(r.authors) == ["Юренев, Р. Н."]
    assert r.title == "Эйзенштейн С. М. в воспоминаниях современников"
    # authors separated by commas are all read
    r = parse_string("Ильф И. А., Петров Е. П. Двенадцать стульев. — М. : Вагриус, 2000. — 400 с.")
    assert len(r.authors) == 2 and r.title == "Двенадцать стульев"


def test_latin_inverted_name_after_a_missing_comma_and_et_al() -> None:
    r = parse_string("Chen, L.M., Wu, K.P. Zhao, H. et al., Seismic zoning of the basin. 2003.")
    assert [a.family for a in r.authors] == ["Chen", "Wu", "Zhao"]
    assert r.title == "Seismic zoning of the basin"


def test_gost_imprint_year_wins_over_a_year_in_the_source_name() -> None:
    r = parse_string(
        "Белов С. С. Реформы 1990-х годов // Россия в XX веке (1900–1999) / под ред. "
        "Н. Н. Петрова. — Москва : Наука, 2005. — С. 100–120."
    )
    assert (r.year, r.container_title, r.publisher, r.pages) == (
        2005,
        "Россия в XX веке (1900–1999)",
        "Наука",
        "100–120",
    )


def test_gost_publisher_with_a_quoted_name_after_a_meeting_paren() -> None:
    r = parse_string(
        "Ковалев Д. Д. Лексика региона // Язык и культура : материалы Всерос. науч. конф. "
        "(Казань, 3–4 марта 2017 г.). — Казань : Изд-во «Отечество», 2017. — С. 12–18."
    )
    assert r.publisher == "Изд-во «Отечество»"
    assert (r.pages, r.year, r.type) == ("12–18", 2017, "paper-conference")


def test_gost_statistical_collection_with_people_and_a_body_after_semicolon() -> None:
    r = parse_string(
        "Регионы России. Социально-экономические показатели. 2021 : стат. сб. / "
        "А. А. Иванов, Б. Б. Петрова и др. ; Росстат. — М. : Росстат, 2021. — 1112 с."
    )
    assert r.type == "report"
    assert _names(r.authors) == ["Иванов, А. А.", "Петрова, Б. Б."]
    assert r.et_al
    assert r.publisher == "Росстат"


def test_gost_7_0_100_editors_written_out_and_bracketed_compilers() -> None:
    r = parse_string(
        "Теория права : учебник / П. П. Петров ; под редакцией А. А. Сидорова. — 2-е изд. — "
        "Санкт-Петербург : Питер, 2020. — 450 с."
    )
    assert _names(r.editors) == ["Сидорова, А. А."]
    assert (r.edition, r.place, r.publisher, r.year) == ("2", "Санкт-Петербург", "Питер", 2020)
    r = parse_string(
        "Социология : учебник / под редакцией В. Н. Лавриненко. — 5-е изд., перераб. и доп. — "
        "Москва : Юрайт, 2019. — 448 с. — Текст : непосредственный."
    )
    assert _names(r.editors) == ["Лавриненко, В. Н."] and r.edition == "5"
    r = parse_string(
        "История России : хрестоматия / [сост.: А. С. Орлов, В. А. Георгиев]. — Москва : "
        "Проспект, 2017. — 592 с."
    )
    assert _names(r.editors) == ["Орлов, А. С.", "Георгиев, В. А."]
    assert r.title == "История России : хрестоматия"


def test_gost_collection_editors_stop_at_semicolon() -> None:
    r = parse_string(
        "Орлова Т. Т. Язык и власть // Политическая лингвистика : сборник статей / под редакцией "
        "А. П. Чудинова ; Уральский гос. пед. ун-т. — Екатеринбург : УрГПУ, 2018. — С. 15–25."
    )
    assert _names(r.editors) == ["Чудинова, А. П."]
    assert (r.type, r.publisher) == ("chapter", "УрГПУ")


def test_gost_heading_author_then_all_authors_after_slash() -> None:
    r = parse_string(
        "Гаврилов Е. Е. Экономика фирмы : учебное пособие / Е. Е. Гаврилов, Н. Н. Носов. — "
        "Москва : Издательство Юрайт, 2021. — 210 с."
    )
    assert _names(r.authors) == ["Гаврилов, Е. Е.", "Носов, Н. Н."]
    # a slash naming someone else (not the heading's author) does not replace the heading
    r = parse_string(
        "Гаврилов Е. Е. Экономика фирмы / А. А. Сидоров, Б. Б. Белов. — Москва : Юрайт, 2021."
    )
    assert _names(r.authors) == ["Гаврилов, Е. Е."]


def test_gost_book_volume_and_part_after_an_imprint_is_a_chapter() -> None:
    r = parse_string(
        "Никитин О. О. Памятники письменности // История русского языка. — Москва : Наука, "
        "2004. — Т. 2, вып. 1. — С. 40–52."
    )
    assert (r.type, r.volume, r.publisher, r.pages) == ("chapter", "2", "Наука", "40–52")


# --------------------------------------------------------------------------- Turkish


def test_edition_and_turkish_pages_in_one_parenthesis() -> None:
    r = parse_string(
        "Ortaylı, İ. (2005). Osmanlı modernleşmesi. İçinde A. Yılmaz (Ed.), *Türk tarihi* "
        "(3. baskı, ss. 101-140). Ankara: Nobel."
    )
    assert (r.edition, r.pages, r.container_title, r.publisher) == (
        "3",
        "101-140",
        "Türk tarihi",
        "Nobel",
    )


# --------------------------------------------------------------------------- English


def test_mla_translator_then_publisher_in_one_sentence() -> None:
    r = parse_string(
        "Bakhtin, Mikhail. Rabelais and His World. Translated by Helene Iswolsky, Indiana UP, 1984."
    )
    assert (r.publisher, r.year, r.type) == ("Indiana UP", 1984, "book")
    r = parse_string(
        "Foucault, Michel. The Order of Things. Trans. by A. Sheridan and B. Smith, Vintage, 1994."
    )
    assert r.publisher == "Vintage"


def test_chicago_in_book_with_pages_then_imprint_sentence() -> None:
    r = parse_string(
        'Scott, James C. "Everyday Forms of Resistance." In Everyday Forms of Peasant '
        "Resistance, 3-33. London: Frank Cass, 1989."
    )
    assert (r.type, r.container_title, r.pages, r.publisher, r.year) == (
        "chapter",
        "Everyday Forms of Peasant Resistance",
        "3-33",
        "Frank Cass",
        1989,
    )
    r = parse_string(
        'Scott, James C. "Everyday Forms of Resistance." In *Everyday Forms of Peasant '
        "Resistance*, pp. 3-33. London: Frank Cass, 1989."
    )
    assert (r.container_title, r.pages, r.type) == (
        "Everyday Forms of Peasant Resistance",
        "3-33",
        "chapter",
    )


# --------------------------------------------------------------------------- robustness


def test_new_patterns_stay_linear_on_long_input() -> None:
    for s in (
        "Иванов И. И. " * 4000 + "Заглавие.",
        "X // Y / под редакцией А. Б. " * 3000,
        "X / А. Б. Иванов ; " * 4000 + ". М. : Наука, 2000.",
        "X. Translated by A " * 4000 + ", P, 2000.",
        "X. In Y " * 6000 + ", 1-2.",
        "X / Y. 2-е изд., а. " * 3000 + "М. : Наука, 2000.",
        "// X : Y, 1999 " * 4000,
    ):
        t0 = time.perf_counter()
        parse_string(s)
        assert time.perf_counter() - t0 < 2.0
