"""GOST entries (7.1 and 7.0.100): the areas after "//" and "/", editor and compiler statements,
headings and authors after the slash, imprints, volumes and theses, in Cyrillic and Latin script."""

from __future__ import annotations

import pytest

from refcheck.model import Agent, PartialDate, Person, Reference
from refcheck.parse import parse_string as _parse_string
from refcheck.parse.dates import parse_date


def parse_string(text: str) -> Reference:
    """These tests pin the grammar's rules (the labeller reads non-APA entries in the pipeline;
    its shapes are pinned in test_parse_labeller.py). The grammar also decides P103."""
    return _parse_string(text, reader="grammar")


def _names(agents: tuple[Agent, ...]) -> list[str]:
    return [a.display for a in agents]


def test_gost_newspaper_is_a_dated_article() -> None:
    r = parse_string("Бабаян Д. Карабахский узел // Коммерсантъ. 2020. 3 октября. С. 6.")
    assert (r.type, r.container_title, r.pages) == ("article-newspaper", "Коммерсантъ", "6")
    assert r.date == PartialDate(2020, 10, 3)


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


def test_gost_meeting_place_and_dates_leave_the_container() -> None:
    r = parse_string(
        "Сидоров П. П. Энергетика региона // Каспий и мир : материалы всерос. науч. конф. "
        "(Астрахань, 5–6 окт. 2017 г.). — Астрахань : АГУ, 2017. — С. 10–15."
    )
    assert r.container_title == "Каспий и мир : материалы всерос. науч. конф"
    assert (r.type, r.pages, r.publisher) == ("paper-conference", "10–15", "АГУ")


def test_gost_proceedings_with_an_imprint_and_a_volume() -> None:
    r = parse_string(
        "Петров И. И. Язык и власть // Язык и культура : материалы V Международной "
        "конференции. — Казань : КФУ, 2018. — Т. 2. — С. 45–50."
    )
    assert (r.type, r.volume, r.pages, r.publisher) == ("paper-conference", "2", "45–50", "КФУ")
    r = parse_string("Иванов И. И. Заглавие // Вопросы философии. 2019. Т. 5, № 3. С. 10–20.")
    assert r.type == "article-journal"


def test_gost_compiler_and_scientific_editor() -> None:
    r = parse_string(
        "Грановеттер М. Сила слабых связей // Экономическая социология: сборник / сост. и "
        "отв. ред. А. Б. Петров. — М. : Наука, 2010. — С. 31–50."
    )
    assert _names(r.editors) == ["Петров, А. Б."]


def test_gost_site_designation_leaves_the_container() -> None:
    r = parse_string(
        "Инфляция // Банк России : [официальный сайт]. URL: https://cbr.ru/x "
        "(дата обращения: 01.02.2024)."
    )
    assert (r.type, r.container_title) == ("webpage", "Банк России")


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


def test_a_statement_of_responsibility_before_the_source_stays_out_of_it() -> None:
    from refcheck.parse import parse_string as pipeline

    r = pipeline("Раннев, В. Поп-фасад / В. Раннев // Коммерсант. – 2008. – 4 марта. – С. 3.")
    assert ([a.display for a in r.authors], r.title, r.container_title, r.pages) == (
        ["Раннев, В."],
        "Поп-фасад",
        "Коммерсант",
        "3",
    )


def test_a_dash_inside_a_sources_name_is_no_area_dash() -> None:
    from refcheck.parse import parse_string as pipeline

    r = pipeline(
        "Гаппоев, М.М. Арочные конструкции / М.М. Гаппоев // Шухов В.Г. (1853–1939). "
        "Искусство конструкции / пер. с нем. Л.М. Глотова. – М. : Мир, 1995. – С. 54–59"
    )
    assert (r.container_title, r.pages) == (
        "Шухов В.Г. (1853–1939). Искусство конструкции",
        "54–59",
    )


@pytest.mark.parametrize(
    ("entry", "title"),
    [
        ("Тран Ван Лок. Развитие городской среды Хюэ / Тран Ван Лок // Вестник МГСУ. – 2016. "
         "– № 3. – С. 40–45.", "Развитие городской среды Хюэ"),
        ("Ivleva Tatyana P., Merzhanov Alexander G. Three-dimensional waves / Tatyana P. "
         "Ivleva, Alexander G. Merzhanov // Chaos.-2003.- Vol.13, N 1, p.80-86.",
         "Three-dimensional waves"),
        ("Белова А. Н. НТИ и технологическое развитие / Преодоление технологических барьеров "
         "// Вестник ИТ. – 2019. – № 2. – С. 5–9.",
         "НТИ и технологическое развитие / Преодоление технологических барьеров"),
    ],
)  # fmt: skip
def test_a_statement_left_in_the_title_is_cut_when_it_names_the_authors(
    entry: str, title: str
) -> None:
    assert _parse_string(entry).title == title  # either reader


@pytest.mark.parametrize(
    ("entry", "title", "year", "authors"),
    [
        ("Патент №1044845. Позиционный пневмопривод [Текст] / Е. А. Рязанов (СССР). –– "
         "№ 3318224/23-06 ; заявл. 10.07.1981 ; опубл. 30.09.1983, Бюл. № 36. –– 3 с. : ил.",
         "Позиционный пневмопривод", 1983, ["Рязанов, Е. А."]),
        ("Пат. 2738039 Российская Федерация, МПК G 01 C 23/005, G 01 C 21/00. Способ навигации "
         "/ Васильев К. К., Королев Л. Ю. ; заявитель МГУ. – № 2020110580 ; заявлено "
         "13.03.2020 ; опубл. 20.12.2020, Бюл. № 35.",
         "Способ навигации", 2020, ["Васильев, К. К.", "Королев, Л. Ю."]),
        ("Способ получения микрокремнезема : патент N2625114 Рос. Федерация ; патентообладатель "
         "МГУ. – № 2016115956; опубл. 11.07.2017, Бюл. № 20. – 9с.",
         "Способ получения микрокремнезема", 2017, []),
    ],
)  # fmt: skip
def test_a_patent_is_dated_by_its_publication_and_has_no_issue(
    entry: str, title: str, year: int, authors: list[str]
) -> None:
    r = _parse_string(entry)
    assert (r.title, r.year, r.volume, r.issue) == (title, year, "", "")
    assert [a.display for a in r.authors] == authors


def test_an_autoreferats_heading_author_found_later_in_the_statement_takes_its_order() -> None:
    r = _parse_string(
        "Королев, Л. Ю. Оценивание координат группы / К. К. Васильев, Л. Ю. Королев // "
        "Автоматизация процессов управления. – 2019. – № 3 (57). – С. 86–92."
    )
    assert [a.display for a in r.authors] == ["Васильев, К. К.", "Королев, Л. Ю."]
    r = _parse_string(
        "Королев, Л. Ю. Оценивание / Л. Ю. Королев ; под ред. К. К. Васильева // Вестник. – "
        "2019. – № 3. – С. 86–92."
    )
    assert [a.display for a in r.authors] == ["Королев, Л. Ю."]


def test_the_editors_of_a_statement_of_responsibility_are_read_by_the_labeller_too() -> None:
    # the pipeline's reader: the labeller left these in the title and the place
    r = _parse_string(
        "Физиология растительных организмов и роль металлов / Под ред. Н.М. Чернавской. М.: "
        "Изд-во МГУ, 1988. 157 с."
    )
    assert [(e.family, e.given) for e in r.editors if isinstance(e, Person)] == [
        ("Чернавской", "Н. М.")
    ]
    assert (r.title, r.place, r.publisher) == (
        "Физиология растительных организмов и роль металлов", "М.", "Изд-во МГУ",
    )  # fmt: skip
    r = _parse_string(
        "Голубая книга Самарской области / Под ред. Г.С. Розенберга и С.В. Саксонова. Самара: "
        "СНЦ РАН, 2007. 200 с."
    )
    assert [e.family for e in r.editors if isinstance(e, Person)] == ["Розенберга", "Саксонова"]


@pytest.mark.parametrize(
    ("text", "container"),
    [
        ("Щемек М. Я. Понятие субъективности // Пропаганда : научно-популярный журнал. – 1935. "
         "– № 4. – С. 3–9.", "Пропаганда"),
        ("Ильенков Э. В. Идеальное // Идеал : собр. соч. в 6 т. – М., 1991. – Т. 3. – С. 5–9.",
         "Идеал"),
        # conference materials after the colon are part of the name the labels keep
        ("Иванов И. И. Доклад // НАНО-2009 : материалы III Всерос. конф. – Екатеринбург, "
         "2009. – С. 1–2.", "НАНО-2009 : материалы III Всерос. конф"),
    ],
)  # fmt: skip
def test_a_periodicals_kind_after_the_colon_is_not_its_name(text: str, container: str) -> None:
    assert parse_string(text).container_title == container


def test_an_initials_set_apart_period_and_the_closing_identifiers_leave_the_fields() -> None:
    # a PDF copy's "В ." and eLIBRARY's EDN / the journal's ISSN (2022 VAK lists)
    r = parse_string("Ильенков Э. В . Психология. EDN: KMKLAB // Вопросы философии. 2020. № 3. "
                     "С. 5–19. ISSN: 0042-8744; eISSN: 2499-9628.")  # fmt: skip
    assert (r.authors[0].display, r.title, r.container_title) == (
        "Ильенков, Э. В.", "Психология", "Вопросы философии")
    assert (r.issue, r.pages) == ("3", "5–19")
    assert "EDN: KMKLAB" in r.raw  # nothing is lost


def test_an_electronic_journals_kind_after_its_name_is_not_the_name() -> None:
    # "// Journal: Электрон. научн. ж.": what kind of periodical it is, as "научный журнал"
    r = parse_string(
        "Taud H., Mas J. F. Multilayer Perceptron (MLP). [Электронный ресурс] // Geomatic"
        " Approaches for Modeling Land Change Scenarios: Электрон. научн. ж. – 2018. –"
        " Pp. 451–455."
    )
    assert r.container_title == "Geomatic Approaches for Modeling Land Change Scenarios"
    assert r.year == 2018



def test_the_grammar_reads_a_latin_n_and_the_ukrainian_issue_word_after_the_slashes() -> None:
    n_sign = parse_string("Кумахова Т.Х. Особенности // Известия ТСХА. 2011. N 2. С. 75-92.")
    ukr = parse_string("Часова Э.В. Некоторые аспекты // Вісник Криворізького технічного "
                       "університету. - Вип. 19. - 2007. - С. 183-187.")  # fmt: skip
    assert (n_sign.container_title, n_sign.issue) == ("Известия ТСХА", "2")
    assert (ukr.container_title, ukr.issue) == ("Вісник Криворізького технічного університету", "19")


@pytest.mark.parametrize(
    ("text", "year", "title", "issue"),
    [
        ("Про Збройні Сили України: Закон України від 6 грудня 1991 року № 1934-ХІІ [Електронний "
         "ресурс]. – Режим доступу: http://zakon4.rada.gov.ua/laws/show/1934-12/print1433744111019595",
         1991, "Про Збройні Сили України: Закон України від 6 грудня 1991 року № 1934-ХІІ", ""),
        ("The land code of the Russian Federation dated October 25, 2001 No. 136-FZ [Electronic "
         "resource]. Access from RLS «ConsultantPlus».",
         2001, "The land code of the Russian Federation dated October 25, 2001 No. 136-FZ", ""),
        # the journal's own year and issue stay
        ("Трудовой кодекс Российской Федерации от 30 декабря 2001 г. № 197-ФЗ // Собрание "
         "законодательства Российской Федерации. - 2002. - № 1 (часть I). - Ст. 3.",
         2002, "Трудовой кодекс Российской Федерации от 30 декабря 2001 г. № 197-ФЗ", "1"),
    ],
)  # fmt: skip
def test_a_law_is_dated_by_its_adoption_and_its_number_is_no_issue(
    text: str, year: int, title: str, issue: str
) -> None:
    r = _parse_string(text)  # the whole pipeline: a repair after either reader
    assert (r.year, r.title, r.issue or "") == (year, title, issue)


def test_ukrainian_month_names_are_read_in_dates() -> None:
    assert parse_date("2 вересня 2014") == PartialDate(2014, 9, 2)
    assert parse_date("30 листопада 2011") == PartialDate(2011, 11, 30)
