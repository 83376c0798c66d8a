"""The reference type: when a group author's work is a report or a book, when a dated periodical
is a newspaper, magazine or journal, and when a source makes a conference paper or a webpage."""

from __future__ import annotations

from refcheck.model import Reference
from refcheck.parse import parse_string as _parse_string


def parse_string(text: str) -> Reference:
    """These tests pin the grammar's rules (the labeller reads non-APA entries in the pipeline;
    its shapes are pinned in test_parse_labeller.py). The grammar also decides P103."""
    return _parse_string(text, reader="grammar")


def test_proceedings_chapter_without_editors_is_a_conference_paper() -> None:
    r = parse_string(
        "Demir, A., & Kaya, B. (2018). Sensor fusion for drones. In *Proceedings of the 3rd "
        "Workshop on Aerial Robotics* (pp. 5–9). Springer."
    )
    assert r.type == "paper-conference"
    assert r.container_title == "Proceedings of the 3rd Workshop on Aerial Robotics"


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


def test_plain_journal_with_numbers_is_still_a_journal() -> None:
    r = parse_string("Smith, J. (2020). Title of it. Journal of Things, 12(3), 45-67.")
    assert (r.type, r.container_title, r.volume, r.issue) == (
        "article-journal",
        "Journal of Things",
        "12",
        "3",
    )


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


def test_a_bracket_of_one_or_two_words_after_a_long_title_describes_the_work() -> None:
    r = parse_string(
        "Kaper, O. E. (1997). *Temples and Gods in Roman Dakhleh: Studies in the Indigenous "
        "Cults* [PhD diss.]. University of Groningen."
    )
    assert (r.genre, r.title_translation, r.publisher) == ("PhD diss.", "", "University of Groningen")
    # the renderer's placeholder stays where a translation goes
    r = parse_string(
        "Arslan, A. (2020). *Klasik Türk şiirinde kutsal ve mitolojik hayvanlar* [Translation "
        "needed]. Gazi Kitabevi."
    )
    assert (r.genre, r.title_translation) == ("", "Translation needed")


def test_a_bracketed_thesis_segment_is_the_genre_without_its_brackets() -> None:
    r = parse_string(
        "Ararat, Ş. (2010). Enderûnlu Mehmed Hamid Beg dîvânı. [Yayımlanmamış Yüksek Lisans "
        "Tezi]. Gaziantep Üniversitesi."
    )
    assert (r.type, r.genre, r.publisher) == (
        "thesis",
        "Yayımlanmamış Yüksek Lisans Tezi",
        "Gaziantep Üniversitesi",
    )


def test_an_issue_that_looks_like_a_year_after_an_italic_volume_is_the_issue() -> None:
    r = parse_string(
        "Berry, M. V. (1984). Quantal phase factors. *Proceedings of the Royal Society*, "
        "*392*(1802), 45–57."
    )
    assert (r.year, r.volume, r.issue, r.pages) == (1984, "392", "1802", "45–57")


def test_an_italic_title_ending_with_a_question_mark_ends_its_segment() -> None:
    r = parse_string("Cardullo, B. (2005). *What Is Dramaturgy?* Peter Lang.")
    assert (r.title, r.publisher) == ("What Is Dramaturgy?", "Peter Lang")


def test_a_one_word_medium_in_brackets_is_a_description() -> None:
    r = parse_string("Fix, S. (2008, September 25). *Message to the author* [E-mail].")
    assert (r.genre, r.title_translation) == ("E-mail", "")


def test_a_thesis_bracket_with_its_period_inside_leaves_the_university_out() -> None:
    r = parse_string("Kaya, B. (2008). Divan şiirinde at. [Yayımlanmamış Yüksek Lisans Tezi.] Gazi Üniversitesi.")
    assert (r.genre, r.publisher, r.type) == ("Yayımlanmamış Yüksek Lisans Tezi", "Gazi Üniversitesi", "thesis")


def test_a_translated_title_in_the_authors_place_before_a_periodical() -> None:
    r = parse_string(
        "İlk Azərbaycan operası [The first Azerbaijani opera]. (1958, January 17). "
        "*Radio proqram*, 3."
    )
    assert (r.authors, r.title, r.title_translation, r.container_title, r.type) == (
        (),
        "İlk Azərbaycan operası",
        "The first Azerbaijani opera",
        "Radio proqram",
        "article-journal",
    )
    # an acronym in brackets is the group author's: "World Health Organization [WHO]"
    who = parse_string("World Health Organization [WHO]. (2020). *Global report on ageing*. WHO Press.")
    assert [a.display for a in who.authors] == ["World Health Organization"]


def test_a_forthcoming_work_is_in_press() -> None:
    r = parse_string("Creissels, D. (Forth.). Northern Akhvakh. In Y. B. Koryakov (Ed.), *Handbook*. De Gruyter.")
    assert (r.in_press, r.year, r.title) == (True, None, "Northern Akhvakh")


def test_a_translated_title_before_a_newspaper_with_no_numbers() -> None:
    r = parse_string("Leyli və Məcnun [Layla and Majnun]. (1973, January 13). *Ədəbiyyat və incəsənət*.")
    assert (r.authors, r.title, r.container_title, r.type) == (
        (),
        "Leyli və Məcnun",
        "Ədəbiyyat və incəsənət",
        "article-journal",
    )


def test_a_medium_in_brackets_after_a_title_in_the_authors_place_is_a_description() -> None:
    r = parse_string("unexcited, adj [Web]. (2016, September). In *OED Online*. Oxford University Press.")
    assert (r.title, r.genre, r.title_translation, r.container_title) == (
        "unexcited, adj",
        "Web",
        "",
        "OED Online",
    )


def test_initials_first_names_before_a_bracketed_year_are_not_a_group_author() -> None:
    r = _parse_string(
        "L.B. Daniels, A.S. Maisel, Natriuretic peptides, Journal of the American College of "
        "Cardiology 50(25) (2007) 2357-68. doi: 10.1016/j.jacc.2007.09.021"
    )
    assert [a.family for a in r.authors] == ["Daniels", "Maisel"]
    assert r.title == "Natriuretic peptides"


def test_a_romanised_russian_thesis_description_names_its_institution_after_the_comma() -> None:
    r = parse_string(
        "Lagunova, I. O. (2012). *Ispolʹzovanie ozona* [The use of ozone] [Dis. kand. khim. nauk, "
        "FGBUN IFKhĖ RAN]."
    )
    assert (r.genre, r.publisher) == ("Dis. kand. khim. nauk", "FGBUN IFKhĖ RAN")
