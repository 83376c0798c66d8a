"""Sixth round (batch h6): one test per general rule, each with an example other than the
entry that revealed it; plus long inputs for the new patterns."""

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


# --------------------------------------------------------------------------- title extras


def test_bracket_with_translator_and_edition_separated_by_a_semicolon() -> None:
    r = parse_string(
        "Eco, U. (1995). *The name of the rose* (W. Weaver, Trans.; 2nd ed.). Harcourt."
    )
    assert (r.title, r.edition, r.publisher) == ("The name of the rose", "2", "Harcourt")


def test_unknown_part_keeps_a_semicolon_bracket_in_the_title() -> None:
    r = parse_string("Doe, J. (2001). *Notes (first part; second part)*. Harcourt.")
    assert r.title == "Notes (first part; second part)" and r.edition == ""


def test_volume_written_number_first() -> None:
    r = parse_string("Sabir, M. Ə. (1992). Hophopnamə (2-ci cild). Bakı: Azərnəşr.")
    assert (r.title, r.volume, r.publisher) == ("Hophopnamə", "2", "Azərnəşr")
    r = parse_string("Köprülü, F. (1999). Edebiyat araştırmaları (II. cilt). Ankara: Akçağ.")
    assert (r.title, r.volume) == ("Edebiyat araştırmaları", "II")


def test_translator_spelled_out_leaves_the_title() -> None:
    r = parse_string("Nəvai, Ə. (1991). Leyli və Məcnun (tərcümə edən R. Rza). Bakı: Yazıçı.")
    assert (r.title, r.publisher) == ("Leyli və Məcnun", "Yazıçı")
    r = parse_string("Kafka, F. (2010). Dava (çeviren A. Kadir). İstanbul: Can Yayınları.")
    assert r.title == "Dava"


def test_harvard_edn_is_an_edition() -> None:
    r = parse_string(
        "Brownlie, I. (2008) Principles of public international law. 7th edn. "
        "Oxford: Oxford University Press."
    )
    assert (r.title, r.edition, r.publisher) == (
        "Principles of public international law",
        "7",
        "Oxford University Press",
    )


# --------------------------------------------------------------------------- Chicago / MLA


def test_chicago_edition_opening_the_imprint_sentence() -> None:
    r = parse_string(
        "Gellner, Ernest. Nations and Nationalism. 2nd ed. Ithaca: Cornell University Press, 2008."
    )
    assert (r.title, r.edition, r.place, r.publisher, r.year) == (
        "Nations and Nationalism",
        "2",
        "Ithaca",
        "Cornell University Press",
        2008,
    )
    r = parse_string("Said, Edward. Orientalism. Rev. ed. New York: Vintage, 1994.")
    assert (r.edition, r.publisher) == ("Rev", "Vintage")


def test_mla_book_edited_and_translated() -> None:
    r = parse_string(
        "Benjamin, Walter. Illuminations. Edited by Hannah Arendt, translated by Harry Zohn, "
        "Schocken Books, 1969."
    )
    assert r.type == "book"
    assert _names(r.editors) == ["Arendt, Hannah"]
    assert (r.title, r.publisher, r.year) == ("Illuminations", "Schocken Books", 1969)


# --------------------------------------------------------------------------- theses


def test_azerbaijani_thesis_bracket_with_a_long_institution() -> None:
    r = parse_string(
        "Əliyev, R. (2019). Cənubi Qafqazda enerji təhlükəsizliyi [Siyasi elmlər üzrə fəlsəfə "
        "doktoru dissertasiyası, Bakı Dövlət Universitetinin Beynəlxalq Münasibətlər fakültəsi]."
    )
    assert r.type == "thesis"
    assert r.title == "Cənubi Qafqazda enerji təhlükəsizliyi"
    assert r.genre == "Siyasi elmlər üzrə fəlsəfə doktoru dissertasiyası"
    assert r.publisher == "Bakı Dövlət Universitetinin Beynəlxalq Münasibətlər fakültəsi"


def test_long_thesis_genre_in_parentheses_then_place_and_institution() -> None:
    r = parse_string(
        "Hüseynova, S. (2018). Naxçıvan xanlığının tarixi (tarix üzrə fəlsəfə doktoru "
        "dissertasiyasının avtoreferatı). Bakı: AMEA A. A. Bakıxanov adına Tarix İnstitutu."
    )
    assert r.type == "thesis"
    assert r.title == "Naxçıvan xanlığının tarixi"
    assert r.genre == "tarix üzrə fəlsəfə doktoru dissertasiyasının avtoreferatı"
    assert (r.place, r.publisher) == ("Bakı", "AMEA A. A. Bakıxanov adına Tarix İnstitutu")


# --------------------------------------------------------------------------- proceedings


def test_numeric_ordinal_opens_a_proceedings_name() -> None:
    r = parse_string(
        "Kaya, A. (2019). Okul yöneticiliği. 3. Ulusal Eğitim Kongresi Bildiriler Kitabı "
        "içinde (ss. 45-52). Ankara: Gazi Üniversitesi Yayınları."
    )
    assert r.type == "paper-conference"
    assert (r.title, r.container_title, r.pages) == (
        "Okul yöneticiliği",
        "3. Ulusal Eğitim Kongresi Bildiriler Kitabı",
        "45-52",
    )
    assert r.publisher == "Gazi Üniversitesi Yayınları"


def test_meeting_name_with_a_number_before_bracketed_pages() -> None:
    r = parse_string(
        "Quliyev, T. (2021). Neft sənayesinin tarixi. Bakı Dövlət Universitetinin 100 illik "
        "yubileyinə həsr olunmuş elmi konfransın materialları (səh. 12-15). Bakı: BDU."
    )
    assert r.type == "paper-conference"
    assert r.container_title == (
        "Bakı Dövlət Universitetinin 100 illik yubileyinə həsr olunmuş elmi konfransın materialları"
    )
    assert (r.pages, r.publisher, r.volume) == ("12-15", "BDU", "")


def test_plain_journal_with_numbers_is_still_a_journal() -> None:
    r = parse_string("Smith, J. (2020). Title of it. Journal of Things, 12(3), 45-67.")
    assert (r.type, r.container_title, r.volume, r.issue) == (
        "article-journal",
        "Journal of Things",
        "12",
        "3",
    )


def test_gost_proceedings_with_an_imprint_and_a_volume() -> None:
    r = parse_string(
        "Петров И. И. Язык и власть // Язык и культура : материалы V Международной "
        "конференции. — Казань : КФУ, 2018. — Т. 2. — С. 45–50."
    )
    assert (r.type, r.volume, r.pages, r.publisher) == ("paper-conference", "2", "45–50", "КФУ")
    r = parse_string("Иванов И. И. Заглавие // Вопросы философии. 2019. Т. 5, № 3. С. 10–20.")
    assert r.type == "article-journal"


# --------------------------------------------------------------------------- reports and books


def test_publisher_abbreviation_skipping_a_word_of_the_group_author() -> None:
    r = parse_string(
        "Türkiye Cumhuriyeti Sağlık Bakanlığı. (2019). Sağlık istatistikleri yıllığı. Ankara: TSB."
    )
    assert r.type == "report"
    r = parse_string("Azərbaycan Milli Elmlər Akademiyası. (2015). Qarabağ tarixi. Bakı: Təhsil.")
    assert r.type == "book"
    r = parse_string("Türkiye Cumhuriyeti Sağlık Bakanlığı. (2019). Başlık. Ankara: BSK.")
    assert r.type == "book"  # initials in another order


def test_group_author_work_with_an_edition_is_a_book() -> None:
    r = parse_string(
        "American Medical Association. (2007). *AMA manual of style* (10th ed.). "
        "https://doi.org/10.1093/jama/9780195176339.001.0001"
    )
    assert (r.type, r.edition) == ("book", "10")
    r = parse_string("World Bank. (2021). *Azerbaijan economic update*. https://example.org/x")
    assert r.type == "report"


def test_title_before_the_date_when_only_an_imprint_follows() -> None:
    r = parse_string("Türkiye Cumhuriyeti Anayasası. (2019). Ankara: Seçkin.")
    assert (r.type, r.authors, r.title) == ("book", (), "Türkiye Cumhuriyeti Anayasası")
    assert (r.place, r.publisher, r.year) == ("Ankara", "Seçkin", 2019)
    r = parse_string("World Bank. (2020). Doing business 2020. Washington, DC: World Bank.")
    assert _names(r.authors) == ["World Bank"] and r.title == "Doing business 2020"


# --------------------------------------------------------------------------- robustness


def test_new_patterns_stay_linear_on_long_input() -> None:
    for s in (
        "(x, Trans.; 2nd ed.) " * 6000,
        "5. " * 20000,
        "Edited by A, translated by B, C, " * 3000,
        "Rev. ed. " * 10000,
        "a 70 konfrans (səh. 1-2)" * 4000,
        "(2-ci cild) " * 8000,
        "X. (2016). Bakı: " * 5000,
    ):
        t0 = time.perf_counter()
        parse_string(s)
        assert time.perf_counter() - t0 < 2.0
