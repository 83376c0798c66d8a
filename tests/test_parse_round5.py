"""Fifth round (batch h5): one test per general rule, each with an example other than the
entry that revealed it; plus the speed gates, which must not change what is read."""

from __future__ import annotations

import time

from refcheck.model import Agent, Reference
from refcheck.parse import parse_string as _parse_string
from refcheck.parse.tail import _has_retrieval_word


def parse_string(text: str) -> Reference:
    """These tests pin the grammar's rules (the labeller reads non-APA entries in the pipeline;
    its shapes are pinned in test_parse_labeller.py). The grammar also decides P103."""
    return _parse_string(text, reader="grammar")


def _names(agents: tuple[Agent, ...]) -> list[str]:
    return [a.display for a in agents]


# --------------------------------------------------------------------------- type: report


def test_group_author_published_by_itself_is_a_report() -> None:
    """A group author whose publisher carries its name (or is its abbreviation) is a report."""
    r = parse_string(
        "World Health Organization. (2021). *Global tuberculosis report 2021: Annex*. "
        "World Health Organization Press."
    )
    assert (r.type, r.publisher) == ("report", "World Health Organization Press")
    r = parse_string(
        "Türkiye Cumhuriyet Merkez Bankası. (2020). *Finansal istikrar*. Ankara: TCMB."
    )
    assert (r.type, r.publisher) == ("report", "TCMB")


def test_group_author_book_from_another_publisher_stays_a_book() -> None:
    r = parse_string("American Psychological Association. (2020). *Publication manual*. Wiley.")
    assert r.type == "book"
    r = parse_string("Smith, J. (2020). *A history of OECD*. OECD Publishing.")
    assert r.type == "book"  # a person's book: the publisher's name says nothing


def test_report_word_in_the_genre_bracket() -> None:
    r = parse_string(
        "Иванов, И. И., & Петров, П. П. (2019). *Энергетика Каспия* [Аналитический доклад]. "
        "Центр стратегических исследований."
    )
    assert (r.type, r.genre) == ("report", "Аналитический доклад")


def test_gost_book_with_a_body_after_the_slash_and_no_publisher() -> None:
    """``Title / Body. — Place, Year.``: the body is the (group) author, the work a report."""
    r = parse_string("Регионы России. 2019 : стат. сб. / Минэкономразвития. — М., 2020. — 120 с.")
    assert _names(r.authors) == ["Минэкономразвития"]
    assert (r.title, r.year, r.place, r.publisher, r.type) == (
        "Регионы России. 2019 : стат. сб",
        2020,
        "М.",
        "",
        "report",
    )


# --------------------------------------------------------------------------- type: newspaper


def test_day_dated_periodical_with_a_running_number_is_a_newspaper() -> None:
    """A day date and no volume: a daily, even when its running number stands as the issue."""
    r = parse_string("Quliyev, T. (2019, 3 mart). Yeni yol. Xalq qəzeti, № 48, s. 5.")
    assert (r.type, r.container_title, r.issue, r.pages) == (
        "article-newspaper",
        "Xalq qəzeti",
        "48",
        "5",
    )
    r = parse_string("Kaya, A. (2019, May). Title here. Journal Name, 12(3), 4-9.")
    assert r.type != "article-newspaper"  # a month date: not a daily


# --------------------------------------------------------------------------- theses


def test_turkish_thesis_sentence_without_brackets() -> None:
    r = parse_string(
        "Demir, B. (2018). Kafkasya'da enerji güvenliği. Yayınlanmamış Doktora Tezi, "
        "Ankara Üniversitesi Sosyal Bilimler Enstitüsü, Ankara."
    )
    assert (r.type, r.title, r.genre, r.publisher) == (
        "thesis",
        "Kafkasya'da enerji güvenliği",
        "Yayınlanmamış Doktora Tezi",
        "Ankara Üniversitesi Sosyal Bilimler Enstitüsü",
    )


def test_thesis_genre_after_a_colon_and_a_town_alone() -> None:
    r = parse_string(
        "Əliyev, R. (2011). Neft sənayesinin tarixi: tarix üzrə fəlsəfə doktoru "
        "dissertasiyası. Gəncə, 160 s."
    )
    assert (r.type, r.title, r.genre, r.place, r.publisher) == (
        "thesis",
        "Neft sənayesinin tarixi",
        "tarix üzrə fəlsəfə doktoru dissertasiyası",
        "Gəncə",
        "",
    )


def test_extent_leaves_a_thesis_institution() -> None:
    r = parse_string(
        "Məmmədli, K. (2015). Dil siyasəti. Filologiya üzrə fəlsəfə doktoru dissertasiyası. "
        "Bakı: AMEA, 210 s."
    )
    assert (r.type, r.publisher) == ("thesis", "AMEA")


# --------------------------------------------------------------------------- titles


def test_year_span_in_brackets_stays_in_the_title() -> None:
    r = parse_string("Smith, J. (2001). Empire and trade (1815–1914). London: Verso.")
    assert (r.title, r.pages) == ("Empire and trade (1815–1914)", "")
    r = parse_string("Doe, A. (2001). A chapter. In B. Roe (Ed.), A book (25-50). Verso.")
    assert r.pages == "25-50"  # an ordinary page range is still pages


def test_gost_title_area_runs_to_the_first_separator() -> None:
    r = parse_string(
        "Иванов И. И. Теория права. Особенная часть : учебник. — 2-е изд. — СПб. : Питер, "
        "2010. — 300 с."
    )
    assert (r.title, r.edition, r.publisher, r.year) == (
        "Теория права. Особенная часть : учебник",
        "2",
        "Питер",
        2010,
    )


def test_gost_separator_inside_brackets_is_text() -> None:
    r = parse_string(
        "Алиев К. Г. Древняя история (I в. до н. э. – IV в. н. э.). — Баку : Элм, 1990. — 200 с."
    )
    assert r.title == "Древняя история (I в. до н. э. – IV в. н. э.)"
    assert (r.publisher, r.year) == ("Элм", 1990)


def test_cyrillic_surname_with_two_letter_initial_is_inverted() -> None:
    r = parse_string("Гусейнов Р. Дж. Заметки о языке. — Баку : Элм, 2001. — 90 с.")
    assert _names(r.authors) == ["Гусейнов, Р. Дж."]
    assert r.title == "Заметки о языке"


# --------------------------------------------------------------------------- sources


def test_roman_ordinal_opens_a_proceedings_name_and_a_town_ends_it() -> None:
    r = parse_string(
        "Yıldız, M. (2017). Dil ve kimlik. III. Uluslararası Dil Kongresi Bildiri Kitabı, "
        "Cilt 1, 88-97, İzmir."
    )
    assert (r.title, r.container_title, r.volume, r.pages, r.place, r.type) == (
        "Dil ve kimlik",
        "III. Uluslararası Dil Kongresi Bildiri Kitabı",
        "1",
        "88-97",
        "İzmir",
        "paper-conference",
    )


def test_gost_meeting_place_and_dates_leave_the_container() -> None:
    r = parse_string(
        "Сидоров П. П. Энергетика региона // Каспий и мир : материалы всерос. науч. конф. "
        "(Астрахань, 5–6 окт. 2017 г.). — Астрахань : АГУ, 2017. — С. 10–15."
    )
    assert r.container_title == "Каспий и мир : материалы всерос. науч. конф"
    assert (r.type, r.pages, r.publisher) == ("paper-conference", "10–15", "АГУ")


# --------------------------------------------------------------------------- speed gates


def test_retrieval_gate_folds_turkish_i_like_the_pattern() -> None:
    assert _has_retrieval_word("ERİŞİM TARİHİ: 5 Ocak 2024")
    assert _has_retrieval_word("Müraciət tarixi: 12.02.2024")
    assert not _has_retrieval_word("Smith, J. (2020). Title. Journal, 1(2), 3-4.")
    r = parse_string("TDK. (t.y.). Sözlük. ERİŞİM TARİHİ: 5 Ocak 2024, https://sozluk.gov.tr/")
    assert r.accessed is not None and (r.accessed.year, r.accessed.month) == (2024, 1)


def test_new_patterns_stay_linear_on_long_input() -> None:
    for s in (
        "(1939–1953) " * 8000,
        "II. " * 20000,
        "A, Cilt 2, 340-352, Ankara. " * 4000,
        "x / Росстат. — М., 2022. " * 4000,
        "Başlıq: dissertasiyası " * 5000,
        "(Москва, 2019 г.) " * 6000,
        "Ф. Дж. " * 15000,
    ):
        t0 = time.perf_counter()
        parse_string(s)
        assert time.perf_counter() - t0 < 2.0
