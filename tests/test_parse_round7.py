"""Seventh round (batch h7): one test per general rule, each with an example other than the
entry that revealed it; plus the word-boundary fix of ``_is_report`` and long inputs for the
new patterns."""

from __future__ import annotations

import time

from refcheck.model import Agent, Organization, Reference
from refcheck.parse import parse_string as _parse_string


def parse_string(text: str) -> Reference:
    """These tests pin the grammar's rules (the labeller reads non-APA entries in the pipeline;
    its shapes are pinned in test_parse_labeller.py). The grammar also decides P103."""
    return _parse_string(text, reader="grammar")


def _names(agents: tuple[Agent, ...]) -> list[str]:
    return [a.display for a in agents]


# --------------------------------------------------------------------------- reports


def test_publisher_inside_a_longer_word_of_the_author_is_not_the_author() -> None:
    # "Elm" occurs inside "Elmlər" but is another body: a book, not a self-published report
    r = parse_string("Azərbaycan Milli Elmlər Akademiyası. (2010). Azərbaycan tarixi. Bakı: Elm.")
    assert (r.type, r.publisher) == ("book", "Elm")


def test_publisher_named_as_whole_words_of_the_author_is_still_a_report() -> None:
    r = parse_string("Asian Development Bank. (2019). Key indicators. Manila: Asian Development.")
    assert r.type == "report"


def test_report_word_in_a_plain_book_title() -> None:
    r = parse_string(
        "Səhiyyə Nazirliyi. (2021). Səhiyyə sisteminin fəaliyyəti haqqında hesabat. Bakı: Təbib."
    )
    assert (r.type, r.publisher) == ("report", "Təbib")
    r = parse_string(
        "Отчёт о научной деятельности за 2020 год / под ред. И. И. Петрова. — М. : Наука, "
        "2021. — 96 с."
    )
    assert r.type == "report"


def test_statistical_yearbook_is_a_report() -> None:
    r = parse_string("Ministry of Finance. (2020). *Statistical yearbook 2019*. Budget Department.")
    assert (r.type, r.title) == ("report", "Statistical yearbook 2019")


def test_agency_acronym_and_number_leave_the_title() -> None:
    r = parse_string(
        "Institute of Education Sciences. (2019). *Trends in reading* (IES 2019-037). "
        "U.S. Government Printing Office."
    )
    assert (r.title, r.type) == ("Trends in reading", "report")
    r = parse_string("Doe, J. (2010). *Notes on art* (cca 1350-1450). Harcourt.")
    assert r.title == "Notes on art (cca 1350-1450)"  # lower case: not an agency's acronym


def test_serial_issue_number_leaves_a_title() -> None:
    r = parse_string(
        "Hazine ve Maliye Bakanlığı. (2021). Kamu borç yönetimi raporu (Sayı 12). Ankara."
    )
    assert (r.title, r.type) == ("Kamu borç yönetimi raporu", "report")


# --------------------------------------------------------------------------- editors


def test_a_books_own_editors_in_the_title_bracket() -> None:
    r = parse_string(
        "Bakhtin, M. M. (1981). *The dialogic imagination: Four essays* (M. Holquist, Ed.). "
        "University of Texas Press."
    )
    assert r.type == "book"
    assert r.title == "The dialogic imagination: Four essays"
    assert _names(r.editors) == ["Holquist, M."]
    assert r.publisher == "University of Texas Press"


def test_group_editor_of_a_chapter() -> None:
    r = parse_string(
        "Smith, A. (1999). Reading at home. In National Institute of Child Health (Ed.), "
        "*Report of the panel* (pp. 10–22). Government Printing Office."
    )
    assert r.type == "chapter"
    assert len(r.editors) == 1 and isinstance(r.editors[0], Organization)
    assert r.editors[0].name == "National Institute of Child Health"


def test_mla_italic_book_then_edited_by() -> None:
    r = parse_string(
        'Hall, Stuart. "Cultural Identity and Diaspora." *Identity: Community, Culture, '
        "Difference*, edited by Jonathan Rutherford, Lawrence and Wishart, 1990, pp. 222-237."
    )
    assert r.type == "chapter"
    assert r.container_title == "Identity: Community, Culture, Difference"
    assert _names(r.editors) == ["Rutherford, Jonathan"]
    assert (r.publisher, r.pages, r.year) == ("Lawrence and Wishart", "222-237", 1990)


def test_chicago_haz_sentence_is_a_preparer_not_an_editor() -> None:
    r = parse_string(
        "Köprülü, Fuad. Türk Edebiyatında İlk Mutasavvıflar. Haz. Orhan Köprülü. "
        "Ankara: Akçağ, 2003."
    )
    assert (r.title, r.editors, r.publisher, r.year) == (
        "Türk Edebiyatında İlk Mutasavvıflar",
        (),
        "Akçağ",
        2003,
    )


def test_gost_compiler_and_scientific_editor() -> None:
    r = parse_string(
        "Грановеттер М. Сила слабых связей // Экономическая социология: сборник / сост. и "
        "отв. ред. А. Б. Петров. — М. : Наука, 2010. — С. 31–50."
    )
    assert _names(r.editors) == ["Петров, А. Б."]


# --------------------------------------------------------------------------- sources


def test_azerbaijani_chapter_with_volume_and_pages_in_the_bracket() -> None:
    r = parse_string(
        "Məmmədov, R. (2012). Füzulinin lirikası. T. Kərimli (red.), Klassik ədəbiyyat "
        "(Cild 2, səh. 55-80). Bakı: Təhsil."
    )
    assert r.type == "chapter"
    assert _names(r.editors) == ["Kərimli, T."]
    assert (r.container_title, r.volume, r.pages, r.publisher) == (
        "Klassik ədəbiyyat",
        "2",
        "55-80",
        "Təhsil",
    )


def test_proceedings_town_before_the_pages_is_the_place() -> None:
    r = parse_string(
        "Demir, A. (2019). Kıyı turizmi. Uluslararası Coğrafya Sempozyumu Bildiriler Kitabı, "
        "Ankara, s. 45-52."
    )
    assert r.type == "paper-conference"
    assert (r.container_title, r.place, r.pages) == (
        "Uluslararası Coğrafya Sempozyumu Bildiriler Kitabı",
        "Ankara",
        "45-52",
    )


def test_turkish_double_issue_before_pages() -> None:
    r = parse_string(
        "Kaya, M. (2005). Yasama denetimi. İstanbul Hukuk Mecmuası, C. 63, S. 1-2, ss. 101-130."
    )
    assert (r.volume, r.issue, r.pages) == ("63", "1-2", "101-130")


def test_gost_site_designation_leaves_the_container() -> None:
    r = parse_string(
        "Инфляция // Банк России : [официальный сайт]. URL: https://cbr.ru/x "
        "(дата обращения: 01.02.2024)."
    )
    assert (r.type, r.container_title) == ("webpage", "Банк России")


def test_online_dictionary_entry_is_a_webpage() -> None:
    r = parse_string(
        "Cambridge University Press. (n.d.). Scaffolding. In *Cambridge dictionary*. "
        "Retrieved March 3, 2024, from https://dictionary.cambridge.org/dictionary/english/x"
    )
    assert (r.type, r.title, r.container_title) == (
        "webpage",
        "Scaffolding",
        "Cambridge dictionary",
    )


def test_day_dated_item_with_a_plain_periodical_name() -> None:
    r = parse_string("Kolbert, E. (2014, May 19). The lost world. The Atlantic Monthly.")
    assert (r.type, r.container_title, r.publisher) == (
        "article-newspaper",
        "The Atlantic Monthly",
        "",
    )


# --------------------------------------------------------------------------- editions, theses, dates


def test_basi_is_an_edition_word() -> None:
    r = parse_string(
        "Tanör, B. (2018). Osmanlı-Türk anayasal gelişmeleri (27. bası). İstanbul: YKY."
    )
    assert (r.title, r.edition, r.publisher) == ("Osmanlı-Türk anayasal gelişmeleri", "27", "YKY")


def test_long_azerbaijani_thesis_genre_after_a_colon() -> None:
    r = parse_string(
        "Əliyev, T. (2012). Naxçıvan dialektlərinin leksikası: filologiya üzrə elmlər doktoru "
        "elmi dərəcəsi almaq üçün təqdim edilmiş dissertasiyanın avtoreferatı. Bakı, 48 s."
    )
    assert r.type == "thesis"
    assert r.title == "Naxçıvan dialektlərinin leksikası"
    assert r.genre.endswith("dissertasiyanın avtoreferatı")


def test_azerbaijani_cyrillic_month_names() -> None:
    r = parse_string("Һүсејнов Р. Јени китаб // Әдәбијјат вә инҹәсәнәт. 1975. 3 нојабр. С. 4.")
    assert r.date is not None and (r.date.year, r.date.month, r.date.day) == (1975, 11, 3)
    assert r.type == "article-newspaper"


# --------------------------------------------------------------------------- robustness


def test_new_patterns_stay_linear_on_long_input() -> None:
    for s in (
        "(A. B, C. D, " * 8000 + "Eds.)",
        "C. 1, S. 1-4, " * 6000,
        "X materialları, Bakı, " * 5000,
        "In *x*. Retrieved " * 6000,
        "Name : [" * 10000,
        "a: b c d e " * 8000 + "avtoreferatı",
        "(X. (2001, May 3). A. B. " * 4000,
    ):
        t0 = time.perf_counter()
        parse_string(s)
        assert time.perf_counter() - t0 < 2.0
