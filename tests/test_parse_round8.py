"""Eighth round (batch h8): one test per general rule, each with an example other than the
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


def test_russian_zhurnal_with_a_volume_is_a_journal() -> None:
    r = parse_string(
        "Петров, А. А. (2019). Рынок труда в регионах. *Социологический журнал*, *25*(3), 45–60."
    )
    assert (r.type, r.container_title, r.volume, r.issue) == (
        "article-journal",
        "Социологический журнал",
        "25",
        "3",
    )
    # numbered by issue alone, a "журнал" stays a magazine
    r = parse_string("Петров, А. А. (2019). Заметки. *Русский журнал*, (3), 45–60.")
    assert r.type == "article-magazine"


def test_gost_town_starting_with_tom_is_not_a_volume() -> None:
    r = parse_string(
        "Сидоров П. П. Цифровые сервисы в вузе // Информатизация образования : материалы "
        "конф. — Томск : Изд-во ТГУ, 2021. — С. 12–18."
    )
    assert (r.volume, r.publisher, r.pages) == ("", "Изд-во ТГУ", "12–18")


def test_gost_volume_of_a_book_before_its_imprint() -> None:
    r = parse_string(
        "Араслы Һ. Фүзули // Азәрбајҹан әдәбијјаты тарихи. Ҹ. 2. – Бакы: Елм, 1962. – С. 10–40."
    )
    assert (r.type, r.container_title, r.volume, r.publisher, r.pages) == (
        "chapter",
        "Азәрбајҹан әдәбијјаты тарихи",
        "2",
        "Елм",
        "10–40",
    )


def test_gost_content_type_area_is_dropped() -> None:
    r = parse_string(
        "О науке и государственной научно-технической политике : федер. закон от 23.08.1996 "
        "№ 127-ФЗ. — Текст : электронный // Гарант. — URL: https://base.garant.ru/135919/ "
        "(дата обращения: 10.02.2024)."
    )
    assert (r.type, r.container_title) == ("webpage", "Гарант")
    assert r.title == (
        "О науке и государственной научно-технической политике : федер. закон от 23.08.1996 "
        "№ 127-ФЗ"
    )
    r = parse_string(
        "Смирнов, В. В. История книги : учебник / В. В. Смирнов. — Текст : непосредственный. "
        "— Москва : Логос, 2018. — 300 с."
    )
    assert (r.title, r.publisher, r.year) == ("История книги : учебник", "Логос", 2018)


def test_harvard_quoted_title_before_a_series_journal() -> None:
    r = parse_string(
        "Ivanov, I. I. (2018) 'Rynok truda v regionakh' [Regional labour markets], Vestnik "
        "Sankt-Peterburgskogo universiteta. Seriya 5: Ekonomika, 34(2), pp. 45–60."
    )
    assert (r.type, r.title, r.title_translation) == (
        "article-journal",
        "Rynok truda v regionakh",
        "Regional labour markets",
    )
    assert (r.container_title, r.volume, r.issue, r.pages) == (
        "Vestnik Sankt-Peterburgskogo universiteta. Seriya 5: Ekonomika",
        "34",
        "2",
        "45–60",
    )


# --------------------------------------------------------------------------- Turkish


def test_turkish_chapter_with_der_editors_and_no_in() -> None:
    r = parse_string(
        "Aydın, M. (2005). Dış politika ve kimlik. A. Yılmaz ve B. Kara (Der.), Türk dış "
        "politikası içinde (ss. 10-25). Ankara: İmge Kitabevi."
    )
    assert r.type == "chapter"
    assert _names(r.editors) == ["Yılmaz, A.", "Kara, B."]
    assert (r.container_title, r.pages, r.publisher) == (
        "Türk dış politikası",
        "10-25",
        "İmge Kitabevi",
    )


def test_translator_sentence_after_a_title() -> None:
    r = parse_string("Fromm, E. (1995). Sevme sanatı. Çev. Y. Salman. İstanbul: Payel Yayınları.")
    assert (r.title, r.publisher, r.type) == ("Sevme sanatı", "Payel Yayınları", "book")


def test_chicago_turkish_edition_sentence() -> None:
    r = parse_string("Kaya, Ahmet. Osmanlı Tarihi. 4. bs. Ankara: Bilgi Yayınevi, 2005.")
    assert (r.title, r.edition, r.publisher, r.year) == (
        "Osmanlı Tarihi",
        "4",
        "Bilgi Yayınevi",
        2005,
    )


def test_month_dated_periodical_with_an_issue_alone_is_a_magazine() -> None:
    r = parse_string(
        "Demir, A. (2021, Ekim). Yapay zekâ ve etik. Popüler Bilim, Sayı 320, s. 12-15."
    )
    assert (r.type, r.container_title, r.issue, r.pages) == (
        "article-magazine",
        "Popüler Bilim",
        "320",
        "12-15",
    )


def test_publisher_acronym_with_a_letter_inside_a_compound_word() -> None:
    r = parse_string("Sosyal Güvenlik Kurumu. (2019). Faaliyet planı 2019. Ankara: SGK.")
    assert r.type == "report"
    r = parse_string("Yükseköğretim Kurulu. (2016). Kalite güvencesi belgesi. Ankara: YÖK.")
    assert r.type == "report"
    # a person's book with an acronym publisher stays a book
    r = parse_string("Yıldız, K. (2016). Kalite güvencesi. Ankara: YÖK.")
    assert r.type == "book"


def test_law_number_in_the_title_bracket_is_not_a_report_number() -> None:
    r = parse_string(
        "Resmî Gazete. (2012, 11 Nisan). Millî Eğitim Temel Kanunu (Kanun No. 6287). Erişim "
        "adresi: https://www.resmigazete.gov.tr/eskiler/2012/04/20120411-8.htm"
    )
    assert (r.type, r.title) == ("webpage", "Millî Eğitim Temel Kanunu")
    r = parse_string(
        "World Bank. (2020). *Poverty and shared prosperity* (Report No. 55.1). World Bank."
    )
    assert r.type == "report"


# --------------------------------------------------------------------------- Azerbaijani


def test_azerbaijani_compiler_in_the_title_bracket() -> None:
    r = parse_string("Məmmədov, R. (2010). Xalq nağılları (tərtib edən: T. Fərzəliyev). Bakı: Elm.")
    assert (r.title, r.publisher) == ("Xalq nağılları", "Elm")


# --------------------------------------------------------------------------- robustness


def test_new_patterns_stay_linear_on_long_input() -> None:
    for s in (
        "'a' [b], " * 8000 + "Seriya 5: X, (1)",
        "Seriya 1 " * 8000 + ", (1)",
        ". Çev. A. B" * 8000,
        ". — Текст : электронный" * 6000,
        "// X. Ҹ. 1. – Бакы: Елм, 1960. " * 3000,
        "(Kanun No. 1) " * 6000,
    ):
        t0 = time.perf_counter()
        parse_string(s)
        assert time.perf_counter() - t0 < 2.0
