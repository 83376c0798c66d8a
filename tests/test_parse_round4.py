"""Fourth round (batch d5 and the AnyStyle dev half): one test per general rule, each with an
example other than the entry that revealed it."""

from __future__ import annotations

from refcheck.model import Agent, Reference
from refcheck.parse import parse_string as _parse_string


def parse_string(text: str) -> Reference:
    """These tests pin the grammar's rules (the labeller reads non-APA entries in the pipeline;
    its shapes are pinned in test_parse_labeller.py). The grammar also decides P103."""
    return _parse_string(text, reader="grammar")


def _names(agents: tuple[Agent, ...]) -> list[str]:
    return [a.display for a in agents]


# --------------------------------------------------------------------------- GOST


def test_gost_pages_in_latin_script_labels() -> None:
    """After '//' the pages may be 'səh. 101-109' or 'S. 12-19' (az/tr GOST), not only 'С.'."""
    r = parse_string(
        "Hüseynova L. M. Nizami poeziyasında təbiət // Filologiya məsələləri, 2015, № 3, səh. 101-109."
    )
    assert (r.container_title, r.year, r.issue, r.pages) == (
        "Filologiya məsələləri",
        2015,
        "3",
        "101-109",
    )
    r = parse_string("Kərimov T. Neft sənayesi // Elmi xəbərlər. – 2012. – № 1. – S. 12-19.")
    assert (r.container_title, r.issue, r.pages) == ("Elmi xəbərlər", "1", "12-19")


def test_gost_proceedings_with_imprint_and_no_slash() -> None:
    """'// Source. Place: Publisher, Year. С. …' — the imprint leaves the source name."""
    r = parse_string(
        "Петров А. А. Нефтяная дипломатия // Труды научной конференции «Энергия Евразии». — "
        "Казань: КФУ, 2018. — С. 33–41."
    )
    assert r.container_title == "Труды научной конференции «Энергия Евразии»"
    assert (r.publisher, r.place, r.year, r.pages) == ("КФУ", "Казань", 2018, "33–41")
    assert r.type == "paper-conference"


def test_gost_in_book_marker_is_a_chapter() -> None:
    """'В кн.:' ("in the book") is GOST's other way to name the source of a chapter."""
    r = parse_string(
        "Соколов Б. В. Армия и общество. В кн.: Россия в войнах XX века / под ред. "
        "Г. Ф. Кривошеева. — М.: Наука, 2001. — С. 50–72."
    )
    assert r.type == "chapter"
    assert (r.title, r.container_title) == ("Армия и общество", "Россия в войнах XX века")
    assert _names(r.editors) == ["Кривошеева, Г. Ф."]
    assert (r.publisher, r.pages, r.year) == ("Наука", "50–72", 2001)


def test_gost_editor_statements() -> None:
    """'отв. ред.', 'науч. ред.' introduce editors like 'под ред.'."""
    r = parse_string(
        "Орлов Н. Н. Каспий и Волга // Кавказ и Поволжье: сб. ст. / науч. ред. Д. Е. Ветров. — "
        "М.: Наука, 2010. — С. 1–9."
    )
    assert _names(r.editors) == ["Ветров, Д. Е."]
    assert (r.container_title, r.publisher, r.pages) == (
        "Кавказ и Поволжье: сб. ст",
        "Наука",
        "1–9",
    )


def test_gost_thesis_with_specialty_code_and_town() -> None:
    """': дис. … канд. экон. наук : 08.00.14' — the code is dropped; 'Ташкент, 2004' is a
    place and year, not a publisher."""
    r = parse_string(
        "Сидоров П. П. Энергетика Каспия: дис. … канд. экон. наук: 08.00.14. — М., 2012. — 190 с."
    )
    assert (r.type, r.title, r.genre, r.year) == (
        "thesis",
        "Энергетика Каспия",
        "дис. … канд. экон. наук",
        2012,
    )
    assert r.publisher == ""
    r = parse_string(
        "Юсупов К. Р. Водные ресурсы Центральной Азии: автореф. дис. … канд. геогр. наук. — "
        "Ташкент, 2004. — 24 с."
    )
    assert (r.type, r.place, r.publisher, r.year) == ("thesis", "Ташкент", "", 2004)


# --------------------------------------------------------------------------- containers


def test_proceedings_chapter_without_editors_is_a_conference_paper() -> None:
    r = parse_string(
        "Demir, A., & Kaya, B. (2018). Sensor fusion for drones. In *Proceedings of the 3rd "
        "Workshop on Aerial Robotics* (pp. 5–9). Springer."
    )
    assert r.type == "paper-conference"
    assert r.container_title == "Proceedings of the 3rd Workshop on Aerial Robotics"


def test_turkish_icinde_leaves_the_container_name() -> None:
    r = parse_string(
        "Yılmaz, K. (2014). Orta Asya'da su sorunu. III. Uluslararası Türk Dünyası Kongresi "
        "Bildiri Kitabı içinde (ss. 33-40). Bişkek: Manas Üniversitesi."
    )
    assert r.container_title == "III. Uluslararası Türk Dünyası Kongresi Bildiri Kitabı"
    assert (r.pages, r.publisher, r.type) == ("33-40", "Manas Üniversitesi", "paper-conference")


def test_roman_numeral_before_an_imprint_ends_the_title() -> None:
    r = parse_string("Köprülü, M. F. (1999). Türk edebiyatı tarihi II. Ankara: Akçağ Yayınları.")
    assert (r.title, r.publisher, r.type) == ("Türk edebiyatı tarihi II", "Akçağ Yayınları", "book")


def test_a_year_opening_the_numbers_is_the_year() -> None:
    """'Journal, 2011, № 2, səh. 5-9' (year before the issue), not volume 2011."""
    r = parse_string(
        "Quliyev, A. Xəzər hövzəsi. Coğrafiya və təbii ehtiyatlar, 2011, № 2, səh. 5-9."
    )
    assert (r.year, r.volume, r.issue, r.pages) == (2011, "", "2", "5-9")
    assert r.container_title == "Coğrafiya və təbii ehtiyatlar"


def test_vancouver_year_semicolon_volume() -> None:
    r = parse_string("Lee K, Park J. Sleep and memory in adults. J Clin Med. 2019;8(4):512-520.")
    assert (r.container_title, r.year, r.volume, r.issue, r.pages) == (
        "J Clin Med",
        2019,
        "8",
        "4",
        "512-520",
    )


def test_vancouver_date_with_month_before_the_numbers() -> None:
    r = parse_string("Kim S, Cho H. Outcomes of hernia repair. Ann Surg. 2015 Mar; 261(3): 432-7.")
    assert (r.container_title, r.volume, r.issue, r.pages) == ("Ann Surg", "261", "3", "432-7")
    assert r.date is not None and (r.date.year, r.date.month) == (2015, 3)


def test_an_issue_in_brackets_after_a_number_is_not_an_apa_date() -> None:
    r = parse_string("Tan J, Ho K. Smoking and stroke. Lancet 2010; 375(9712): 100-5.")
    assert (r.year, r.volume, r.issue, r.container_title) == (2010, "375", "9712", "Lancet")
    assert _names(r.authors) == ["Tan, J", "Ho, K"]


def test_comma_separated_title_and_journal_in_one_sentence() -> None:
    """'Authors, Title, Journal, v. 12, pp. 45-60, 2008' — the source is the last name
    before a run of number-only pieces."""
    r = parse_string(
        "Aliyev, R., Mud volcanoes of the Caspian shelf, Journal of Caspian Geology, v. 12, "
        "pp. 45-60, 2008"
    )
    assert (r.title, r.container_title) == (
        "Mud volcanoes of the Caspian shelf",
        "Journal of Caspian Geology",
    )
    assert (r.volume, r.pages, r.year, r.type) == ("12", "45-60", 2008, "article-journal")


def test_abbreviated_journal_words_are_joined_back() -> None:
    r = parse_string("Smith, J. (2001). Leaf anatomy of oaks. Am. J. Bot. 88: 1-10.")
    assert (r.title, r.container_title, r.volume, r.pages) == (
        "Leaf anatomy of oaks",
        "Am. J. Bot",
        "88",
        "1-10",
    )


# --------------------------------------------------------------------------- Chicago, MLA, Harvard


def test_mla_coauthor_with_an_initial() -> None:
    r = parse_string("Kissinger, Henry A., and J. Stapleton Roy. Diplomacy in Asia. Norton, 2001.")
    assert _names(r.authors) == ["Kissinger, Henry A.", "Roy, J. Stapleton"]
    assert (r.title, r.publisher, r.year) == ("Diplomacy in Asia", "Norton", 2001)


def test_chicago_source_edited_by() -> None:
    r = parse_string(
        'Snyder, Jack. "Myths of Empire." In The Realism Reader, edited by John A. Smith and '
        "Kate Doe, 45–67. Boston: Beacon Press, 2004."
    )
    assert r.type == "chapter"
    assert r.container_title == "The Realism Reader"
    assert _names(r.editors) == ["Smith, John A.", "Doe, Kate"]
    assert (r.pages, r.publisher, r.year) == ("45–67", "Beacon Press", 2004)


def test_mla_source_edited_by_with_publisher_and_pages() -> None:
    r = parse_string(
        'Ortiz, Ana. "River Towns." Rivers of Memory, edited by Lena Park, Orbit Books, 2010, '
        "pp. 12-30."
    )
    assert (r.type, r.container_title, r.publisher, r.pages, r.year) == (
        "chapter",
        "Rivers of Memory",
        "Orbit Books",
        "12-30",
        2010,
    )


def test_harvard_quoted_title_with_day_and_month() -> None:
    r = parse_string(
        "Reuters (2019) 'Caspian pipeline opens', 12 June. Available at: "
        "https://www.reuters.com/article/pipeline (Accessed: 1 July 2019)."
    )
    assert (r.type, r.title, r.url) == (
        "webpage",
        "Caspian pipeline opens",
        "https://www.reuters.com/article/pipeline",
    )
    assert r.date is not None and r.date.parts() == [2019, 6, 12]
    assert r.accessed is not None and r.accessed.parts() == [2019, 7, 1]
    r = parse_string("Hale, T. (2018) 'Oil and tea', The Times, 3 May, p. 7.")
    assert (r.type, r.title, r.container_title, r.pages) == (
        "article-newspaper",
        "Oil and tea",
        "The Times",
        "7",
    )


# --------------------------------------------------------------------------- author lists


def test_author_lists_with_semicolons_and_missing_commas() -> None:
    r = parse_string("Ay, K.; Su, T.; & Er, M. (2012). Soil salinity. Geoderma, 1(1), 1-5.")
    assert _names(r.authors) == ["Ay, K.", "Su, T.", "Er, M."]
    r = parse_string("Aydın, M., Kaya B., & Polat, S. (2018). Başlık. Dergi, 3(1), 1-9.")
    assert _names(r.authors) == ["Aydın, M.", "Kaya, B.", "Polat, S."]
    r = parse_string("Kaya, A., Demir,B. and Öz, C. (2010). Başlık. Dergi, 3(1), 1-9.")
    assert _names(r.authors) == ["Kaya, A.", "Demir, B.", "Öz, C."]


def test_vancouver_initials_with_commas() -> None:
    r = parse_string(
        "Park, JH, Kim, SY, Lee, MK. Gait in older adults. Gait Posture. 2010;5(2):10-20."
    )
    assert _names(r.authors) == ["Park, JH", "Kim, SY", "Lee, MK"]
    assert (r.title, r.container_title, r.volume) == ("Gait in older adults", "Gait Posture", "5")
