"""The cite stage on citations as real authors write them, in English, Turkish, Azerbaijani and
Russian manuscripts: remarks before the names, titles for authors, comma-less and comma-only
author lists, chapters through their books, GOST square brackets, numbered and Ibid. citations,
nested parentheses, and bare ``Name YEAR`` mentions. Every name here is invented."""

from __future__ import annotations

import pytest

from refcheck.cite import extract_citations, extract_citations_from_text
from refcheck.model import Citation, Document, Person, Reference, Span


def cites(text: str) -> list[Citation]:
    return list(extract_citations_from_text(text))


def one(text: str) -> Citation:
    cs = cites(text)
    assert len(cs) == 1, cs
    return cs[0]


def brief(text: str) -> list[tuple[str, tuple[str, ...], str]]:
    return [(c.text, c.authors, c.year_text) for c in cites(text)]


# ------------------------------------------------------------------------ remarks in a parenthesis


def test_a_citation_at_the_end_of_a_longer_remark() -> None:
    c = one("(for an overview, see the recent report of Novak, Berg, & Lund, 2019)")
    assert (c.text, c.authors, c.year) == (
        "Novak, Berg, & Lund, 2019",
        ("Novak", "Berg", "Lund"),
        2019,
    )
    assert c.prefix == "see the recent report of"  # ", see" starts the work's own item


@pytest.mark.parametrize(
    "text",
    [
        "(see Brandt 2006; Kessler 2018, 2020 for examples)",
        "(see Brandt 2006; Kessler 2018, 2020 among others)",
    ],
)
def test_a_remark_after_the_last_year_ends_the_citation_there(text: str) -> None:
    assert brief(text) == [
        ("Brandt 2006", ("Brandt",), "2006"),
        ("Kessler 2018", ("Kessler",), "2018"),
        ("Kessler 2018, 2020", ("Kessler",), "2020"),  # the second year, as "(X 2018, 2020)"
    ]


@pytest.mark.parametrize(
    ("text", "author", "prefix"),
    [
        ("(i.e., the signal fades, see Arslan 2016)", "Arslan", "see"),
        ("(in: Tanaka, 2014)", "Tanaka", "in:"),
        ("(Source: Ferrow, 2011)", "Ferrow", "Source:"),
        ("(bu konuda ayrıca bkz. Oranlı, 2001)", "Oranlı", "bu konuda ayrıca bkz."),
        ("(подробнее см. Лавренов, 2020)", "Лавренов", "подробнее см."),
        ("(məs. Qəmbərli, 2018)", "Qəmbərli", "məs."),
    ],
)
def test_cue_words_before_the_names(text: str, author: str, prefix: str) -> None:
    c = one(text)
    assert (c.authors, c.prefix) == ((author,), prefix)


def test_a_remark_item_without_year_is_skipped_and_the_next_item_read() -> None:
    assert brief("(e.g. voice assistants; see: Moreau, 2021)") == [
        ("Moreau, 2021", ("Moreau",), "2021")
    ]


def test_also_inside_one_parenthesis_starts_another_work() -> None:
    got = cites("(see Vale 2005: 4, also Newman 1980) and (см. Вале 2005, также Ньюман 1980)")
    assert [(c.text, c.locator) for c in got] == [
        ("Vale 2005: 4", "4"),
        ("Newman 1980", ""),
        ("Вале 2005", ""),
        ("Ньюман 1980", ""),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "(in the Second Karabakh War, 2020)",
        "(the population of Baku, 2019)",
        "(founded in Baku, 2019)",
        "(the official statement of the Ministry, 2020)",
        "Russia's war (2022) changed",
        "(Sakarya University, Türkiye 2024)",
        "[Annual Report 2020](https://example.org/report)",
    ],
)
def test_remarks_that_do_not_introduce_a_citation(text: str) -> None:
    assert cites(text) == []


# ------------------------------------------------------------------------ names


def test_a_title_in_place_of_an_author() -> None:
    got = cites("(“Banking Law Review: 2012,” 2013; Ferrow, 2010)")
    assert [(c.text, c.authors, c.year, c.by_title) for c in got] == [
        ("“Banking Law Review: 2012,” 2013", ("Banking Law Review: 2012",), 2013, True),
        ("Ferrow, 2010", ("Ferrow",), 2010, False),
    ]


def test_a_comma_less_author_list_stays_one_name_for_the_matcher() -> None:
    c = one("(Quinn Ortega Lyle, 2012)")
    assert c.authors == ("Quinn Ortega Lyle",)


def test_harvard_lists_names_by_commas_alone() -> None:
    assert brief("(Daniel, Ganenkov 2009)") == [
        ("Daniel, Ganenkov 2009", ("Daniel", "Ganenkov"), "2009")
    ]
    c = one("(Alvar P. Nordqvist, Stenmark 2003: 70)")
    assert (c.authors, c.locator) == (("Alvar P. Nordqvist", "Stenmark"), "70")


def test_a_capitalised_word_before_a_narrative_citation_is_kept_for_the_matcher() -> None:
    got = cites("RAND, Weller and Singh (2017, 2018) argue")
    assert [(c.text, c.authors, c.year) for c in got] == [
        ("RAND, Weller and Singh (2017, 2018)", ("RAND", "Weller", "Singh"), 2017),
        ("RAND, Weller and Singh (2017, 2018)", ("RAND", "Weller", "Singh"), 2018),
    ]


def test_a_chapter_cited_through_its_book() -> None:
    c = one("(Lindqvist in: Moreau and Dahl, 2020)")
    assert (c.text, c.authors, c.book_authors, c.year) == (
        "Lindqvist in: Moreau and Dahl, 2020",
        ("Lindqvist",),
        ("Moreau", "Dahl"),
        2020,
    )


def test_see_the_chapter_in_a_book_is_the_book() -> None:
    c = one("(see the chapter in Moreau and Dahl, 2020)")
    assert (c.authors, c.book_authors) == (("Moreau", "Dahl"), ())


# ------------------------------------------------------------------------ language forms


@pytest.mark.parametrize(
    ("text", "authors", "et_al", "connector", "locator"),
    [
        ("(Yıldırım vd., 2020)", ("Yıldırım",), "vd.", "", ""),
        ("(Kayacı ve Demirel, 2019, s. 12)", ("Kayacı", "Demirel"), "", "ve", "s. 12"),
        ("(Kayacı ve Demirel, 2019, ss. 12-14)", ("Kayacı", "Demirel"), "", "ve", "ss. 12-14"),
        ("(Yıldırım ve ark., 2020)", ("Yıldırım",), "ve ark.", "", ""),
        ("(Məmmədli və b., 2019)", ("Məmmədli",), "və b.", "", ""),
        ("(Əlizadə və Quliyeva, 2018, səh. 5)", ("Əlizadə", "Quliyeva"), "", "və", "səh. 5"),
        ("(Сидоренко и др., 2015, с. 12)", ("Сидоренко",), "и др.", "", "с. 12"),
        ("(Сидоренко и др. 2015)", ("Сидоренко",), "и др.", "", ""),
    ],
)
def test_parenthetical_forms_of_the_four_languages(
    text: str, authors: tuple[str, ...], et_al: str, connector: str, locator: str
) -> None:
    c = one(text)
    assert (c.authors, c.et_al_form, c.connector, c.locator) == (authors, et_al, connector, locator)
    assert c.et_al == bool(et_al)


def test_the_issues_turkish_parenthesis_gives_two_works() -> None:
    got = cites("(Yıldırım vd., 2020; Kayacı ve Demirel, 2019)")
    assert [(c.authors, c.et_al_form, c.connector) for c in got] == [
        (("Yıldırım",), "vd.", ""),
        (("Kayacı", "Demirel"), "", "ve"),
    ]


@pytest.mark.parametrize(
    ("text", "cite_text", "authors", "et_al"),
    [
        (
            "Yıldırım ve arkadaşları (2020) gösterdi",
            "Yıldırım ve arkadaşları (2020)",
            ("Yıldırım",),
            "ve arkadaşları",
        ),
        ("Yıldırım vd. (2020) gösterdi", "Yıldırım vd. (2020)", ("Yıldırım",), "vd."),
        (
            "Kayacı ve Demirel (2019) gösterdi",
            "Kayacı ve Demirel (2019)",
            ("Kayacı", "Demirel"),
            "",
        ),
        ("Məmmədli və d. (2019) göstərir", "Məmmədli və d. (2019)", ("Məmmədli",), "və d."),
        (
            "Иваненко и Петренко (2017) показали",
            "Иваненко и Петренко (2017)",
            ("Иваненко", "Петренко"),
            "",
        ),
        ("Иваненко и др. (2017) показали", "Иваненко и др. (2017)", ("Иваненко",), "и др."),
        ("Kayacı'nın (2019) bulgusu", "Kayacı'nın (2019)", ("Kayacı",), ""),
        ("Quist’s dictionary (2018) lists", "Quist’s dictionary (2018)", ("Quist",), ""),
        ("Kayacı'nın çalışması (2019) gösterdi", "Kayacı'nın çalışması (2019)", ("Kayacı",), ""),
    ],
)
def test_narrative_forms_of_the_four_languages(
    text: str, cite_text: str, authors: tuple[str, ...], et_al: str
) -> None:
    c = one(text)
    assert (c.kind, c.text, c.authors, c.et_al_form) == ("narrative", cite_text, authors, et_al)


def test_as_cited_in_and_its_translations_keep_the_secondary_source() -> None:
    for text in (
        "(Smythe, 1990, as cited in Kayacı, 2019)",
        "(Smythe, 1990, akt. Kayacı, 2019)",
        "(Smythe, 1990; aktaran Kayacı, 2019)",
    ):
        c = cites(text)[-1]
        assert (c.authors, c.year, c.secondary) == (("Kayacı",), 2019, True), text
    c = one("(цит. по: Иваненко, 2015)")
    assert (c.authors, c.secondary) == (("Иваненко",), True)


def test_no_date_and_in_press_in_other_languages() -> None:
    assert one("(Kayacı, t.y.)").no_date
    assert one("(Kayacı, baskıda)").in_press
    assert one("[Иваненко, б. г.]").no_date
    assert one("(Иваненко, в печати)").in_press


# ------------------------------------------------------------------------ GOST brackets


def test_gost_square_brackets() -> None:
    c = one("как показано [Орловский, Зайченко, 2019в], далее")
    assert (c.text, c.authors, c.year, c.year_suffix, c.kind) == (
        "Орловский, Зайченко, 2019в",
        ("Орловский", "Зайченко"),
        2019,
        "в",
        "parenthetical",
    )
    c = one("[Иваненко и др., 2015, с. 12]")
    assert (c.authors, c.et_al_form, c.locator, c.locator_style) == (
        ("Иваненко",),
        "и др.",
        "с. 12",
        "с.",
    )
    t = one("[Положение..., 2016]")
    assert (t.authors, t.by_title, t.year) == (("Положение",), True, 2016)
    n = one("Иваненко [2015] считает")
    assert (n.kind, n.text, n.authors) == ("narrative", "Иваненко [2015]", ("Иваненко",))


def test_two_works_in_one_bracket() -> None:
    assert brief("[Иваненко, 2015; Петренко, 2016]") == [
        ("Иваненко, 2015", ("Иваненко",), "2015"),
        ("Петренко, 2016", ("Петренко",), "2016"),
    ]


# ------------------------------------------------------------------------ years


def test_several_years_of_one_narrative_author_with_semicolons() -> None:
    got = cites("Quist (2017; 2013) argued")
    assert [(c.text, c.year) for c in got] == [
        ("Quist (2017; 2013)", 2017),
        ("Quist (2017; 2013)", 2013),
    ]


def test_a_year_alone_after_a_semicolon_is_the_same_author_again() -> None:
    got = cites("(Quist, 2010; 2012)")
    assert [(c.text, c.authors, c.year) for c in got] == [
        ("Quist, 2010", ("Quist",), 2010),
        ("2012", ("Quist",), 2012),
    ]


# ------------------------------------------------------------------------ nesting, brackets


def test_one_parenthesis_inside_a_citation() -> None:
    c = one("(5) Example (Nordqvist, Stenmark 2022: 2-3 (110-111)) the horse")
    assert (c.text, c.authors, c.locator) == (
        "Nordqvist, Stenmark 2022: 2-3",
        ("Nordqvist", "Stenmark"),
        "2-3",
    )
    assert brief("x (see Valeri (2020)) y") == [("Valeri (2020)", ("Valeri",), "2020")]


def test_a_narrative_citation_right_after_an_opening_bracket() -> None:
    assert brief("in Azerbaijani [Tağızadə (2006): 612; 601] and") == [
        ("Tağızadə (2006)", ("Tağızadə",), "2006")
    ]


def test_ibid_repeats_the_source_before() -> None:
    got = cites("(Valeri, 2020: 3) Lak (Ibid.) and (ibid.: 70) and [Там же, с. 12].")
    assert [(c.text, c.ibid, c.locator) for c in got] == [
        ("Valeri, 2020: 3", False, "3"),
        ("Ibid.", True, ""),
        ("ibid.: 70", True, "70"),
        ("Там же, с. 12", True, "с. 12"),
    ]
    assert all(c.authors == () for c in got[1:])


def test_numbered_citations_in_a_manuscript_that_cites_by_number() -> None:
    got = cites("As shown [3–5], and [12, с. 5] and later [7] and [1; 2].")
    assert [(c.kind, c.number, c.text, c.locator) for c in got] == [
        ("numbered", 3, "3–5", ""),
        ("numbered", 4, "3–5", ""),
        ("numbered", 5, "3–5", ""),
        ("numbered", 12, "12, с. 5", "с. 5"),
        ("numbered", 7, "7", ""),
        ("numbered", 1, "1; 2", ""),
        ("numbered", 2, "1; 2", ""),
    ]


def test_a_few_bracketed_numbers_in_an_author_date_manuscript_are_not_citations() -> None:
    text = "Footnote [1] and [2] and [3]. (Quist, 2010), (Vale, 2011), (Nord, 2012), (Sten, 2013)."
    assert [c.kind for c in cites(text)] == ["parenthetical"] * 4


# ------------------------------------------------------------------------ bare mentions


def _doc(body: str, refs: list[tuple[str, int]]) -> Document:
    text = body + "\n\nСписок литературы\n"
    out: list[Reference] = []
    for i, (family, year) in enumerate(refs, 1):
        raw = f"{family}, A. {year}. A title."
        start = len(text)
        text += raw + "\n"
        out.append(
            Reference(
                i, raw, Span(start, start + len(raw)), i, authors=(Person(family, "A."),), year=year
            )
        )
    end = len(body)
    return Document(
        text=text, body=Span(0, end), heading=Span(end + 2, end + 19), references=tuple(out)
    )


def test_bare_name_year_mentions_count_when_the_list_has_that_author_and_year() -> None:
    doc = _doc(
        "Мы исходим из Quist 1999, Вальтеров 2011, где; в работах Ольхов 2002 и Paperny 2012: "
        "в марте 2020 г. и In March 2020 и Windows 2000 и Quist 1998.",
        [("Quist", 1999), ("Вальтеров", 2011), ("Ольхов", 2002), ("Paperny", 2012)],
    )
    got = extract_citations(doc)
    assert [(c.text, c.kind, c.authors) for c in got] == [
        ("Quist 1999", "narrative", ("Quist",)),
        ("Вальтеров 2011", "narrative", ("Вальтеров",)),
        ("Ольхов 2002", "narrative", ("Ольхов",)),
        ("Paperny 2012", "narrative", ("Paperny",)),
    ]
    assert [c.index for c in got] == [0, 1, 2, 3]


def test_bare_mentions_may_carry_the_authors_initials_before_the_year() -> None:
    doc = _doc(
        "Подробнее см. Hardie P. 1993: 81–83 и Quist Ph. 1999; но не Windows X. 2000.",
        [("Hardie", 1993), ("Quist", 1999)],
    )
    got = extract_citations(doc)
    assert [(c.text, c.authors, c.locator) for c in got] == [
        ("Hardie P. 1993: 81–83", ("Hardie",), "81–83"),
        ("Quist Ph. 1999", ("Quist",), ""),
    ]


def test_bare_mentions_never_duplicate_a_citation_already_read() -> None:
    doc = _doc("As Quist (1999) and (Quist 1999: 4) say.", [("Quist", 1999)])
    assert [c.text for c in extract_citations(doc)] == ["Quist (1999)", "Quist 1999: 4"]


@pytest.mark.parametrize(
    ("text", "cite_text", "et_al"),
    [
        ("Bu bölümde Rahimi vd.’nin (2014) kavramı", "Rahimi vd.’nin (2014)", "vd."),
        ("kavramdır. Rahimi vd.’ye göre (2014:4) bu", "Rahimi vd.’ye göre (2014:4)", "vd."),
        ("Bu bölümde Rahimi ve vd.’nin (2014) kavramı", "Rahimi ve vd.’nin (2014)", "vd."),
        ("Dolayısıyla Rahimi vd’nin(2014) yaklaşımı", "Rahimi vd’nin(2014)", "vd"),
        ("bu Kayacı tarafından (2019) önerildi", "Kayacı tarafından (2019)", ""),
    ],
)
def test_turkish_narratives_with_case_endings_and_postpositions(
    text: str, cite_text: str, et_al: str
) -> None:
    c = one(text)
    assert (c.kind, c.text, c.et_al_form) == ("narrative", cite_text, et_al)
    assert c.authors in {("Rahimi",), ("Kayacı",)}


def test_a_doubled_dash_in_a_page_range_is_still_a_locator() -> None:
    assert one("(Corvin 2006: 190–-191)").locator == "190–-191"


def _year_only(body: str, refs: list[tuple[str, int]]) -> list[tuple[str, tuple[str, ...]]]:
    return [(c.text, c.authors) for c in extract_citations(_doc(body, refs))]


def test_a_year_only_parenthesis_cites_the_author_named_in_its_sentence() -> None:
    body = "Dursunoğlu bu müdahalenin örtük olduğunu iddia ediyor (2007: 106). Sonra devam eder."
    assert _year_only(body, [("Dursunoğlu", 2007)]) == [("2007: 106", ("Dursunoğlu",))]


def test_in_its_sentence_the_listed_author_with_that_year_wins_else_the_nearest() -> None:
    body = "4 Raymond Willem, Gramsky’nin kavramının etkisini vurgular (1986: 108). Son."
    assert _year_only(body, [("Willem", 1986), ("Gramsky", 1989)]) == [("1986: 108", ("Willem",))]
    quoted = "Marxen şöyle diyordu: “Örümcek dokur. Ne var ki mimar kurar” (1996: 194). Son."
    assert _year_only(quoted, [("Marxen", 1986)]) == [("1996: 194", ("Marxen",))]


def test_before_its_sentence_only_an_author_listed_with_that_year_counts() -> None:
    body = "Tehranov (2002) ilkeleri sayar. Bunları şöyle özetliyor (2002: 72). Son."
    assert _year_only(body, [("Tehranov", 2002)]) == [
        ("Tehranov (2002)", ("Tehranov",)),
        ("2002: 72", ("Tehranov",)),
    ]
    other_year = "Tehranov ilkeleri sayar. Bunları şöyle özetliyor (2002: 72). Son."
    assert _year_only(other_year, [("Tehranov", 1999)]) == []


def test_one_word_of_a_two_word_family_name_names_the_author_of_a_year_only_parenthesis() -> None:
    body = ("Kamacı Gencer bu yapıları listeler. Gencer, makaleyi şu şekilde tablolaştırır "
            "(2022, s. 801). Son.")  # fmt: skip
    refs = [("Kamacı Gencer", 2022), ("Bulak", 2017)]
    assert _year_only(body, refs)[-1] == ("2022, s. 801", ("Kamacı Gencer",))
    # the word alone, with another year, names no one
    assert _year_only("Gencer tablolaştırır (2019, s. 8). Son.", refs) == []


def test_a_year_in_parentheses_with_no_listed_author_before_it_is_no_citation() -> None:
    assert _year_only("Then the Second Karabakh War (2020) began.", [("Rosen", 2020)]) == []


def test_an_abbreviation_in_parentheses_before_a_year_is_the_author() -> None:
    c = one("Birleşik Çevre Ajansı’nın (BÇA) (2020: 4, 11) raporu")
    assert (c.kind, c.text, c.authors, c.locator) == (
        "narrative",
        "(BÇA) (2020: 4, 11)",
        ("BÇA",),
        "4, 11",
    )


def test_after_see_a_remark_about_the_source_leads_to_a_single_name() -> None:
    assert brief("(see the report of Alizadeh, 1998: 50)") == [
        ("Alizadeh, 1998: 50", ("Alizadeh",), "1998")
    ]
    assert brief("(см. работу Иваненко, 2015)") == [("Иваненко, 2015", ("Иваненко",), "2015")]
    assert cites("(e.g., the case of Baku, 2019)") == []


def test_several_years_of_a_narrative_author_each_with_pages() -> None:
    got = cites("Max Webern’in (2011: 95, 140; 2012a: 166; 2012b: 270) devletin tanımı")
    assert [(c.authors, c.year_text, c.locator) for c in got] == [
        (("Webern",), "2011", ""),
        (("Webern",), "2012a", ""),
        (("Webern",), "2012b", "270"),
    ]


def test_a_work_after_a_page_number_and_a_comma_is_another_work() -> None:
    assert brief("(Sabatino, 2007: 7, Parsonage, 2001: 79-80; Hupe ve Hillman, 2006: 3)") == [
        ("Sabatino, 2007: 7", ("Sabatino",), "2007"),
        ("Parsonage, 2001: 79-80", ("Parsonage",), "2001"),
        ("Hupe ve Hillman, 2006: 3", ("Hupe", "Hillman"), "2006"),
    ]


def test_a_colon_for_a_comma_between_name_and_year() -> None:
    assert brief("(Beşiktaşlı: 1991: 55-59)") == [
        ("Beşiktaşlı: 1991: 55-59", ("Beşiktaşlı",), "1991")
    ]


def test_a_newspaper_cited_by_its_day() -> None:
    got = cites("(Gazetem, 30.08.1984; Gazetem, 04.10.1984)")
    assert [(c.text, c.authors, c.year, c.year_text) for c in got] == [
        ("Gazetem, 30.08.1984", ("Gazetem",), 1984, "30.08.1984"),
        ("Gazetem, 04.10.1984", ("Gazetem",), 1984, "04.10.1984"),
    ]


def test_several_days_of_one_month_cite_one_issue_each() -> None:
    got = cites("(Gazetem, 25;26;29.08.1984; Kaya, 2001)")
    assert [(c.text, c.authors, c.year, c.year_text) for c in got] == [
        ("Gazetem, 25", ("Gazetem",), 1984, "25.08.1984"),
        ("Gazetem, 25;26", ("Gazetem",), 1984, "26.08.1984"),
        ("Gazetem, 25;26;29.08.1984", ("Gazetem",), 1984, "29.08.1984"),
        ("Kaya, 2001", ("Kaya",), 2001, "2001"),
    ]


def test_a_conjunction_after_a_year_joins_two_works_in_one_parenthesis() -> None:
    got = cites("Несколько работ (Giglio, Xiu 2017 и Kelly, Pruitt, Su 2017a) использовали")
    assert [(c.text, c.authors, c.year) for c in got] == [
        ("Giglio, Xiu 2017", ("Giglio", "Xiu"), 2017),
        ("Kelly, Pruitt, Su 2017a", ("Kelly", "Pruitt", "Su"), 2017),
    ]
    # a conjunction inside one work's names is not a cut
    assert [c.authors for c in cites("(Kaya ve Demir, 2019)")] == [("Kaya", "Demir")]


def test_harvard_works_without_commas_are_separated_by_commas() -> None:
    got = cites("artmaktadır (Ekmekçi 2001, Eliot et al. 2001, Korkmaz ve ark. 1999).")
    assert [(c.text, c.authors, c.year) for c in got] == [
        ("Ekmekçi 2001", ("Ekmekçi",), 2001),
        ("Eliot et al. 2001", ("Eliot",), 2001),
        ("Korkmaz ve ark. 1999", ("Korkmaz",), 1999),
    ]
    # a page after the year is not a work
    assert [c.locator for c in cites("(Rose 1998, p. 4)")] == ["p. 4"]


def test_forthcoming_stands_for_the_year_as_in_press_does() -> None:
    got = cites("(Magomedova, 2007, p. 722; Creissels, Forth.) and Smith (forthcoming)")
    assert [(c.text, c.year, c.in_press) for c in got] == [
        ("Magomedova, 2007, p. 722", 2007, False),
        ("Creissels, Forth.", None, True),
        ("Smith (forthcoming)", None, True),
    ]


def test_see_makes_a_bare_mention_a_citation_even_of_an_unlisted_work() -> None:
    doc = _doc("8 Örneğin bkz: van Zoomen, 2002.\n9 Bir başka not.", [("Ferrow", 2011)])
    got = extract_citations(doc)
    assert [(c.text, c.authors, c.year) for c in got] == [
        ("van Zoomen, 2002", ("van Zoomen",), 2002)
    ]


def test_a_reprint_year_in_square_brackets() -> None:
    got = cites("Michelsen (1911[1959]) ve Moscato (1896[1930]) gösterdi")
    assert [(c.text, c.year, c.original_year) for c in got] == [
        ("Michelsen (1911[1959])", 1959, 1911),
        ("Moscato (1896[1930])", 1930, 1896),
    ]


def test_also_after_a_name_with_a_case_ending() -> None:
    assert brief("Ohm’un da (2012: 529) belirttiği") == [
        ("Ohm’un da (2012: 529)", ("Ohm",), "2012")
    ]


def test_a_parenthesis_inside_a_long_list_of_works() -> None:
    text = (
        "(Kibrov 1970; Testelin 1980 (2003); Comrey, Polin 1998; Comrey 1999; Kibrov 2003; "
        "Creissel 2009; Danielov, Ganenko 2009). Such"
    )
    assert [c.text for c in cites(text)] == [
        "Kibrov 1970",
        "Testelin 1980",
        "Comrey, Polin 1998",
        "Comrey 1999",
        "Kibrov 2003",
        "Creissel 2009",
        "Danielov, Ganenko 2009",
    ]


# ------------------------------------------------------- typesetters' spaces and example sources


def test_no_break_spaces_inside_gost_brackets_read_as_spaces() -> None:
    text = "как показано в [Орлов\u00a02001:\u00a0256] и в [Зайцев,\u00a0Лебедь\u00a01987]."
    assert brief(text) == [
        ("Орлов\u00a02001:\u00a0256", ("Орлов",), "2001"),
        ("Зайцев,\u00a0Лебедь\u00a01987", ("Зайцев", "Лебедь"), "1987"),
    ]
    c = cites(text)[0]
    assert c.span.slice(text) == c.text  # offsets and the text as written, no-break spaces kept
    assert c.locator == "256"


def test_gost_brackets_inside_a_parenthesised_remark_are_each_a_citation() -> None:
    text = "вершиной (идея группы союза, [Кравец 1994], [Johansen 1998]) или конъюнкт"
    assert brief(text) == [
        ("Кравец 1994", ("Кравец",), "1994"),
        ("Johansen 1998", ("Johansen",), "1998"),
    ]


def test_an_abbreviation_bracket_stays_inside_its_parenthesis() -> None:
    assert brief("(World Health Organization [WHO], 2020)") == [
        ("World Health Organization [WHO], 2020", ("World Health Organization",), "2020")
    ]


def test_the_dated_source_line_of_a_corpus_example_is_no_citation() -> None:
    text = (
        "(46) Хуже нет, как брюхо растравишь. [А.\u00a0Сомов. Один день Ивана Дёмина (1961)]\n"
        "(47) Так писал Петров (1999) о сочинении."
    )
    assert brief(text) == [("Петров (1999)", ("Петров",), "1999")]


def test_bare_mentions_of_co_authors_start_at_the_first_listed_author() -> None:
    body = "Rolf, Rossi 1980 провели тесты. В работе Harte, Lin 2019 и Ross 1980 — нет."
    text = body + "\n\nСписок литературы\nRolf, A., Rossi, B. 1980. A title.\nHarte, A. 2019. T.\n"
    refs = (
        Reference(1, "Rolf", Span(len(body) + 20, len(body) + 50), 1,
                  authors=(Person("Rolf", "A."), Person("Rossi", "B.")), year=1980),
        Reference(2, "Harte", Span(len(body) + 51, len(body) + 70), 2,
                  authors=(Person("Harte", "A."), Person("Lin", "C.")), year=2019),
    )  # fmt: skip
    doc = Document(text=text, body=Span(0, len(body)), references=refs)
    assert [(c.text, c.authors) for c in extract_citations(doc)] == [
        ("Rolf, Rossi 1980", ("Rolf", "Rossi")),
        ("Harte, Lin 2019", ("Harte", "Lin")),
    ]  # "Ross 1980" names no listed first author: prose


def test_a_page_without_a_year_cites_a_listed_author_again() -> None:
    body = (
        "İlk kez (Dorukal, 2019, s. 12) der. Sonra (Dorukal, s. 63) ve (Dorukal, s.59-60; "
        "Kemerli Usta s. 115) diye sürer; (Tablo 3, s. 5) ve (Yabancı, s. 4) birer atıf değildir."
    )
    got = extract_citations(_doc(body, [("Dorukal", 2019), ("Usta", 1998)]))
    assert [(c.text, c.authors, c.year, c.no_year, c.locator) for c in got] == [
        ("Dorukal, 2019, s. 12", ("Dorukal",), 2019, False, "s. 12"),
        ("Dorukal, s. 63", ("Dorukal",), None, True, "s. 63"),
        ("Dorukal, s.59-60", ("Dorukal",), None, True, "s.59-60"),
        ("Kemerli Usta s. 115", ("Kemerli Usta",), None, True, "s. 115"),
    ]


def test_an_author_who_is_also_a_month_is_cited_when_the_list_has_that_year() -> None:
    body = "Şah ikna olur (Kasım, 1992, s. 218-221). Kasım 1992'de (Kasım, 1990) yayımlandı."
    got = extract_citations(_doc(body, [("Kasım", 1992)]))
    assert [(c.text, c.year, c.locator) for c in got] == [
        ("Kasım, 1992, s. 218-221", 1992, "s. 218-221")
    ]


def test_an_ottoman_print_is_cited_by_the_hijri_year_its_entry_gives() -> None:
    body = "bir alıntı (Mustafa Naima, 1281, s.250) ve (Molla Cami, 1289.s.113); yıl 1281 idi."
    got = extract_citations(_doc(body, [("Naima", 1281), ("Cami", 1289)]))
    assert [(c.text, c.year, c.locator) for c in got] == [
        ("Mustafa Naima, 1281, s.250", 1281, "s.250"),
        ("Molla Cami, 1289.s.113", 1289, "s.113"),
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a dictionary's entry and example after the colon
        ("‘Один олень отстал’ [Сорокина, Болина 2005: 34.13].", [("Сорокина, Болина 2005: 34.13", "34.13")]),
        # works after a page, with only a comma between them
        ("‘убить’ (Сай и др. 2018: 13, Haspelmath 2015: 137–138).",
         [("Сай и др. 2018: 13", "13"), ("Haspelmath 2015: 137–138", "137–138")]),
        ("(Smith 2018: 13, 15).", [("Smith 2018: 13, 15", "13, 15")]),
        # a dictionary's volume in Roman numerals, then its part and page
        ("lüğətində (Радлов, 1893: III,2,1640; Kaşğari, 2006: I, 151, 154).",
         [("Радлов, 1893: III,2,1640", "III,2,1640"), ("Kaşğari, 2006: I, 151, 154", "I, 151, 154")]),
    ],
)  # fmt: skip
def test_colon_locators_of_russian_linguistics(text: str, want: list[tuple[str, str]]) -> None:
    assert [(c.text, c.locator) for c in extract_citations_from_text(text)] == want


def test_ibid_among_other_works_of_a_bracket_is_a_citation_of_its_own() -> None:
    got = extract_citations_from_text("ср. [Архипов 2009: 148]; см. [Там же: 86; Stolz et al. 2006: 26].")
    assert [(c.text, c.ibid) for c in got] == [
        ("Архипов 2009: 148", False),
        ("Там же: 86", True),
        ("Stolz et al. 2006: 26", False),
    ]


def test_to_appear_is_in_press() -> None:
    (c,) = extract_citations_from_text("рассмотренного в (Blinova and Shagal, to appear), и")
    assert (c.authors, c.in_press, c.year) == (("Blinova", "Shagal"), True, None)


def test_a_page_typed_without_p_after_a_year_is_no_second_year() -> None:
    assert brief("as of 2006 (Kilinc and Gulersoy, 2011, 1575).") == [
        ("Kilinc and Gulersoy, 2011", ("Kilinc", "Gulersoy"), "2011")
    ]
    # two years of one author stay two citations, a reprint's earlier year too
    assert [c.year for c in cites("(Smith, 2010, 2012) and Marx (1990, 1867)")] == [
        2010, 2012, 1990, 1867
    ]


def test_romanised_i_dr_closes_a_name_list_as_its_cyrillic_form_does() -> None:
    # a Russian text citing its transliterated list: "и др." written "i dr."
    c = one("Хроника изучена подробно (Shikhsaidov i dr., 1993).")
    assert (c.authors, c.et_al_form, c.year_text) == (("Shikhsaidov",), "i dr.", "1993")


def test_a_titles_translation_and_year_after_the_title_is_no_citation() -> None:
    assert cites("В труде «De muro Caukasea» («Кавказская стена», 1728) Байер писал.") == []
    # a quoted title in the author's place is still a citation
    assert brief("as reported (“Banking Law Review: 2012,” 2013).")[0][2] == "2013"


def test_a_volume_number_after_the_year_in_gost_brackets_is_still_a_citation() -> None:
    found = extract_citations_from_text("Текст [Грамматика 1980(2): 181] и [Smith 1980 (II): 4].")
    assert [(c.authors, c.year, c.locator) for c in found] == [
        (("Грамматика",), 1980, "181"), (("Smith",), 1980, "4")]  # fmt: skip
