"""From labelled spans to fields, with the labels given by hand: the rules of ``spans`` that
repair what real lists hold, pinned apart from whatever the trained model says.

Each case is an invented entry in a shape found in real reference lists (tests/data/real).
"""

from __future__ import annotations

import pytest

from refcheck.model import PartialDate, Person
from refcheck.parse import parse_string
from refcheck.parse.fields import _Fields
from refcheck.parse.grammar import _parse, _suspect
from refcheck.parse.labeller import Labelled
from refcheck.parse.labeller.tokens import tokenize
from refcheck.parse.spans import fields_from_labels


def _labelled(*parts: tuple[str, str]) -> Labelled:
    """An entry from ``(text, label)`` parts joined by spaces; every token of a part gets its
    label (the tokenizer may cut a part into several tokens)."""
    text = " ".join(p for p, _ in parts)
    bounds = []
    pos = 0
    for p, lab in parts:
        bounds.append((pos, pos + len(p), lab))
        pos += len(p) + 1
    spans = tuple(tokenize(text))
    labels = tuple(next(lab for s, e, lab in bounds if s <= a < e) for a, _ in spans)
    return Labelled(text, spans, labels, 1.0)


def _read(*parts: tuple[str, str]) -> _Fields:
    return fields_from_labels(_labelled(*parts))


# --------------------------------------------------------------------------- tokens


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # an article number after the volume: "370:m3032", "2(4):e179-91"
        ("BMJ. 2020;370:m3032.", ["BMJ.", "2020;", "370:", "m3032."]),
        ("2020;2(4):e179-91.", ["2020;", "2(4):", "e179-91."]),
        # a title and its journal glued by a PDF copy
        ("spacesAdvances in", ["spaces", "Advances", "in"]),
        # names with an inner capital stay whole when the part before it is short
        ("McDonald, DeVito", ["McDonald,", "DeVito"]),
    ],
)
def test_tokens_cut_article_numbers_and_glued_words(text: str, tokens: list[str]) -> None:
    assert [text[s:e] for s, e in tokenize(text)] == tokens


# --------------------------------------------------------------------------- containers


@pytest.mark.parametrize(
    ("journal", "container", "volume", "issue"),
    [
        ("Image and Vision Computing 9,", "Image and Vision Computing", "9", ""),
        ("Country Life CXC.", "Country Life", "CXC", ""),
        ("Sosyal Bilimler Dergisi, V (I),", "Sosyal Bilimler Dergisi", "V", "I"),
        # a number that names a part of the journal, or a yearbook's year, stays in the name
        ("Philosophical Magazine, Series 6,", "Philosophical Magazine, Series 6", "", ""),
        ("Türk-İş Yıllığı 99,", "Türk-İş Yıllığı 99", "", ""),
        ("Almanak Türkiye 2006,", "Almanak Türkiye 2006", "", ""),
        # a single letter is a journal's section, not a Roman volume
        ("Physical Review X,", "Physical Review X", "", ""),
    ],
)
def test_a_volume_left_at_the_end_of_the_journal_name_is_the_volume(
    journal: str, container: str, volume: str, issue: str
) -> None:
    f = _read(("Smith, J.", "author"), ("A title.", "title"), (journal, "journal"),
              ("160-168,", "pages"), ("1991.", "date"))  # fmt: skip
    assert (f.container_title, f.volume, f.issue) == (container, volume, issue)
    assert f.pages == "160-168"


def test_the_journal_year_is_not_read_as_its_volume() -> None:
    f = _read(("Smith, J.", "author"), ("(2019).", "date"), ("A title.", "title"),
              ("Studies in History, 2019.", "journal"))  # fmt: skip
    assert (f.container_title, f.volume) == ("Studies in History", "")


def test_a_bracketed_translation_is_not_part_of_the_container() -> None:
    f = _read(("Isoda, Koichi.", "author"), ("“Romanha Juyohi no Shomondai”", "title"),
              ("[“English Romanticism in Japan”]. Studies in English Literature,", "journal"),
              ("no. 43,", "volume"), ("1967.", "date"))  # fmt: skip
    assert f.container_title == "Studies in English Literature"
    f = _read(("“Saohime.”", "title"), ("Kojien [Japanese Dictionary].", "container"),
              ("2008.", "date"))  # fmt: skip
    assert f.container_title == "Kojien"


def test_how_many_volumes_a_work_has_stays_in_its_name() -> None:
    f = _read(("Гегель Г.В.Ф.", "author"), ("Наука логики", "title"), ("// Соч.: в", "container"),
              ("14 т. Т. 5.", "volume"), ("М.:", "location"), ("Соцэкгиз,", "publisher"),
              ("1937.", "date"))  # fmt: skip
    assert (f.container_title, f.volume) == ("Соч.: в 14 т.", "5")


# --------------------------------------------------------------------------- locators


def test_a_gost_issue_keeps_the_journals_running_number() -> None:
    f = _read(("Горбунов В.А.", "author"), ("Оптимизация затрат.", "title"),
              ("// Труды НГТУ. –", "journal"), ("2018. –", "date"), ("№ 3 (122). –", "volume"),
              ("С. 54–60.", "pages"))  # fmt: skip
    assert (f.volume, f.issue, f.pages) == ("", "3 (122)", "54–60")


@pytest.mark.parametrize(
    ("locator", "volume"),
    [("VIII,", "VIII"), ("Vol. 3,", "3"), ("т. 5,", "5"), ("V. 5,", "5"), ("Cilt 3,", "3")],
)
def test_roman_volumes_are_not_cut_by_a_volume_word(locator: str, volume: str) -> None:
    f = _read(("Arık, R.", "author"), ("(1969).", "date"), ("Erzurum’da iki cami.", "title"),
              ("Vakıflar Dergisi,", "journal"), (locator, "volume"), ("149-159.", "pages"))  # fmt: skip
    assert f.volume == volume


def test_a_preprint_note_is_cut_from_the_title() -> None:
    f = _read(("Cao, Y.", "author"), ("(2023).", "date"),
              ("A survey of generated content. arXiv preprint arXiv:2303.04226", "title"))  # fmt: skip
    assert f.title == "A survey of generated content"
    f = _read(("Ivanov A.A.", "author"),
              ("Relyacionnaya model fayla: Preprint FEI-3235 [Relational model of the file]", "title"),
              ("Obninsk,", "location"), ("2013.", "date"))  # fmt: skip
    assert f.title == "Relyacionnaya model fayla"


# --------------------------------------------------------------------------- reader choice


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ("Arık, R. (1969). Erzurum’da iki cami. Vakıflar Dergisi, VIII, 149-159.",
         "container holds its volume"),
        ("Alyılmaz, C. (2011). Arap harfli yazıtlar. Turkish Studies, International Periodical, "
         "Volume 6/1, Ankara, 358-389.", "title ends with a source's volume"),
    ],
)  # fmt: skip
def test_the_grammar_gives_way_when_a_roman_volume_or_a_place_is_misread(
    entry: str, reason: str
) -> None:
    f, _head = _parse(entry)
    assert _suspect(f, entry) == reason


def test_numbers_after_their_label_words_are_volume_and_issue_whatever_the_model_said() -> None:
    f = _read(
        ("Петров, И.", "author"), ("«Название статьи».", "title"),
        ("Вестник науки,", "journal"), ("т. 7, вып.", "volume"), ("2, март 2019 г.,", "date"),
        ("сс. 45-61.", "pages"),
    )  # fmt: skip
    assert (f.volume, f.issue, f.pages, f.year) == ("7", "2", "45-61", 2019)
    g = _read(
        ("Lind, K.P.", "author"), ("Surface Waves", "title"), ("// Journal of Waves.", "journal"),
        ("—2022. — V.41. —", "date"), ("Iss.3. — P.101-109.", "pages"),
    )  # fmt: skip
    assert (g.year, g.volume, g.issue, g.pages) == (2022, "41", "3", "101-109")


def test_a_gost_statement_names_every_author_up_to_the_source() -> None:
    f = _read(
        ("Смирнова, О.П. Модель роста / Смирнова О.П., Орлов А.В.,", "author"),
        ("Зайцев Е.М.", "note"), ("// Физика и химия. -", "journal"), ("2021.", "date"),
    )  # fmt: skip
    assert [a.display for a in f.authors] == ["Смирнова, О. П.", "Орлов, А. В.", "Зайцев, Е. М."]
    assert (f.title, f.container_title) == ("Модель роста", "Физика и химия")


# --------------------------------------------------------------------------- the grammar's APA tail


@pytest.mark.parametrize(
    ("source", "numbers"),
    [
        ("*Political Studies*, *XLVI*, 544–571.", ("XLVI", "", "544–571")),
        ("*Hukuk Fakültesi Dergisi*, *XXXIII*(14), 49–62.", ("XXXIII", "14", "49–62")),
        # a GOST issue with the journal's running number, as an APA list gives it back
        ("*Izvestiia AltGU*, (3(87)), 163–166.", ("", "3(87)", "163–166")),
        ("*Radioaktivnye otkhody*, *2*(4 (13)), 90–98.", ("2", "4 (13)", "90–98")),
    ],
)
def test_the_grammar_reads_roman_volumes_and_running_issue_numbers(
    source: str, numbers: tuple[str, str, str]
) -> None:
    f, _head = _parse(f"Kumrulu, A. G. (1976). Mali denge vergisi. {source}")
    assert (f.volume, f.issue, f.pages) == numbers
    assert f.title == "Mali denge vergisi"


# --------------------------------------------------------------------------- completing the grammar


def test_the_labeller_completes_a_sure_reading_without_undoing_it() -> None:
    from refcheck.parse import _complete

    f = _Fields(title="Directed evolution. Curr Opin Chem Biol", year=2005)
    lf = _Fields(title="Directed evolution", container_title="Curr Opin Chem Biol",
                 type="article-journal", volume="9", pages="210-216", year=2004)  # fmt: skip
    _complete(f, lf)
    # the title that ran on into its source is cut where the labeller says; the year stays
    assert (f.title, f.container_title, f.type) == (
        "Directed evolution", "Curr Opin Chem Biol", "article-journal")  # fmt: skip
    assert (f.volume, f.issue, f.pages, f.year) == ("9", "", "210-216", 2005)
    g = _Fields(title="Kitap", container_title="Dergi", volume="3", pages="1-9")
    _complete(g, _Fields(title="Başka", container_title="Başka Dergi", volume="4", issue="2"))
    assert (g.title, g.container_title, g.volume, g.issue) == ("Kitap", "Dergi", "3", "2")


def test_a_book_with_its_publisher_is_not_sent_to_the_labeller(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from refcheck import parse

    calls: list[str] = []
    real_label = parse.label

    def counting(text: str) -> Labelled:
        calls.append(text)
        return real_label(text)

    monkeypatch.setattr(parse, "label", counting)
    parse.parse_string("Kaya, A. (2019). *Osmanlı kentleri*. İletişim Yayınları.")
    assert calls == []
    # a number in the imprint may be a source read as one: the labeller is asked
    parse.parse_string("Mahy, M. (2010). Derivation of parameters. Sex Transm Infect 86 (Suppl 2).")
    assert len(calls) == 1


# --------------------------------------------------------------------------- title-less and group authors


def test_a_title_of_journal_abbreviations_is_the_head_of_a_title_less_entrys_journal() -> None:
    f = _read(("Aharoni,A. and Tawfik,D.S.", "author"), ("(2005)", "date"), ("Curr.", "title"),
              ("Opin. Chem. Biol.,", "journal"), ("9,", "volume"), ("210–216.", "pages"))  # fmt: skip
    assert (f.title, f.container_title, f.volume, f.pages) == (
        "", "Curr. Opin. Chem. Biol", "9", "210–216")  # fmt: skip
    # a title of ordinary words before an abbreviated journal stays the title
    g = _read(("Smith, J.", "author"), ("(2005)", "date"), ("Evolution.", "title"),
              ("Curr. Biol.,", "journal"), ("9,", "volume"), ("1–6.", "pages"))  # fmt: skip
    assert (g.title, g.container_title) == ("Evolution", "Curr. Biol")


@pytest.mark.parametrize(
    ("container", "name"),
    [
        ("Ученые записки СОГПИ. Т", "Ученые записки СОГПИ"),
        ("Proceedings of the 9th Conference on Data Mining. June 29–July 2", "Proceedings of the 9th Conference on Data Mining"),
        ("Social Semiotics. Epub ahead of print", "Social Semiotics"),
        ("Journal of Volcanology", "Journal of Volcanology"),
    ],
)  # fmt: skip
def test_what_follows_a_sources_name_is_cut_from_it(container: str, name: str) -> None:
    f = _read(("Ivanov, I.", "author"), ("(2019).", "date"), ("Title.", "title"),
              (container, "journal"), ("12.", "volume"))  # fmt: skip
    assert f.container_title == name


def test_a_group_author_read_as_the_titles_first_sentence_is_the_author() -> None:
    f = _read(("Antithrombotic Trialists’ Collaboration. Collaborative meta-analysis of trials.", "title"),
              ("BMJ", "journal"), ("2002;324:71–86.", "volume"))  # fmt: skip
    assert [a.display for a in f.authors] == ["Antithrombotic Trialists’ Collaboration"]
    assert f.title == "Collaborative meta-analysis of trials"
    g = _read(("Brasil.", "author"), ("Ministério da Saúde. Doença pelo Novo Coronavírus.", "title"),
              ("Brasília:", "location"), ("2021.", "date"))  # fmt: skip
    assert [a.display for a in g.authors] == ["Brasil. Ministério da Saúde"]
    assert g.title == "Doença pelo Novo Coronavírus"
    h = _read(("National Advisory", "author"),
              ("Committee on Immunization. Recommendations on vaccines.", "title"),
              ("2021.", "date"))  # fmt: skip
    assert [a.display for a in h.authors] == ["National Advisory Committee on Immunization"]
    # a person's name before a title is left alone
    k = _read(("Smith J.", "author"), ("Heart Failure. A review.", "title"), ("2001.", "date"))
    assert ([a.display for a in k.authors], k.title) == (["Smith, J."], "Heart Failure. A review")


def test_centers_and_ministries_in_other_languages_are_group_authors() -> None:
    from refcheck.parse.names import read_names

    assert read_names("Centers for Disease Control and Prevention.")[0][0].display == (
        "Centers for Disease Control and Prevention")  # fmt: skip
    assert read_names("Centers, K.")[0][0].display == "Centers, K."


def test_a_numeric_day_month_year_date_gives_its_year() -> None:
    f = _read(("Milliyet Gazetesi", "author"), ("(07/10/1984).", "date"),
              ("Saatler Kasım’da geri alınacak.", "title"), ("7.", "pages"))  # fmt: skip
    assert (f.year, f.date) == (1984, PartialDate(1984, 10, 7))


def test_a_french_tome_is_a_volume() -> None:
    f = _read(("Defrémery, C.", "author"), ("(1848).", "date"), ("Histoire des Seldjoukides.", "title"),
              ("Journal Asiatique,", "journal"), ("Tome XI,", "volume"), ("s. 417-462.", "pages"))  # fmt: skip
    assert (f.volume, f.pages) == ("XI", "417-462")


def test_an_issue_sign_with_a_period_and_a_collected_works_volume() -> None:
    f = _read(("Горбунов В.А.", "author"), ("Повышение точности.", "title"),
              ("// Вестник ИГЭУ. –", "journal"), ("2017. –", "date"), ("№. 4. –", "volume"),
              ("С. 5 – 12.", "pages"))  # fmt: skip
    assert (f.issue, f.pages) == ("4", "5–12")
    # "В 6 т." (in six volumes) names the edition; the volume cited is "Т. 4"
    g = _read(("Выготский Л. С.", "author"), ("Детская психология", "title"),
              ("// Собр. соч.: В", "container"), ("6 т. – Т. 4. –", "volume"),
              ("М.: Педагогика,", "publisher"), ("1984.", "date"))  # fmt: skip
    assert (g.container_title, g.volume) == ("Собр. соч.: В 6 т.", "4")


def test_a_particle_after_the_initials_belongs_to_the_family_name() -> None:
    from refcheck.parse.names import read_names

    assert [a.display for a in read_names("Соссюр Ф. де.")[0]] == ["де Соссюр, Ф."]
    # after a comma, as Chicago writes it, it stays with the given names
    assert [a.display for a in read_names("Bertalanffy, Ludwig von")[0]] == [
        "Bertalanffy, Ludwig von"]  # fmt: skip


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Время реакции человека : справ.", "Время реакции человека"),
        ("Русская экономика : курс лекций", "Русская экономика"),
        ("Методы анализа рядов : метод. указания к лаб. работам", "Методы анализа рядов"),
        ("Функциональные системы : научное издание", "Функциональные системы"),
        ("Справочник по функциям : справочник", "Справочник по функциям"),
        ("Словарь : история жанра", "Словарь : история жанра"),  # a subtitle stays
    ],
)
def test_a_gost_statement_of_the_publications_kind_leaves_the_title(
    title: str, expected: str
) -> None:
    f = _read(("Иванов И. И.", "author"), (title, "title"), ("– М.: Наука, 2001.", "publisher"))
    assert f.title == expected


@pytest.mark.parametrize(
    ("locator", "expected"),
    [
        ("Dec;63(6):", ("63", "6")),  # Vancouver: the month before the volume
        ("2012 Nov-Dec;57(6):", ("57", "6")),
        ("Winter;83(5):", ("83", "5")),
        ("13, 2", ("13", "2")),  # ACM: volume, comma, issue
    ],
)
def test_a_date_or_a_comma_before_the_issue_leaves_the_volume(
    locator: str, expected: tuple[str, str]
) -> None:
    f = _read(("Teller KM.", "author"), ("Trauma care.", "title"), ("J Trauma.", "journal"),
              (locator, "volume"), ("1338-1346.", "pages"))  # fmt: skip
    assert (f.volume, f.issue) == expected


@pytest.mark.parametrize(("pages", "expected"), [("S3.", "S3"), ("p12.", "12"), ("с.45", "45")])
def test_a_supplement_page_keeps_its_letter_and_a_glued_page_label_goes(
    pages: str, expected: str
) -> None:
    f = _read(("Teller KM.", "author"), ("Trauma care.", "title"), ("J Trauma.", "journal"),
              ("2006;60(6):", "volume"), (pages, "pages"))  # fmt: skip
    assert f.pages == expected


def test_nlm_journal_before_internet_read_as_the_title_is_the_journal() -> None:
    f = _read(("Teller KM.", "author"), ("Pitfalls in trauma care. Emergency Clinics", "title"),
              ("[Internet].", "note"), ("2010 Feb", "date"), ("[cited 2024 Sep 10];", "note"),
              ("28(1):", "volume"), ("1–27.", "pages"))  # fmt: skip
    assert (f.title, f.container_title, f.volume) == (
        "Pitfalls in trauma care", "Emergency Clinics", "28"
    )  # fmt: skip
    f = _read(("Trauma life support", "title"), ("[Internet].", "note"), ("10th ed.", "edition"),
              ("Vol. 2018.", "volume"), ("Chicago:", "location"))  # fmt: skip
    assert (f.title, f.container_title) == ("Trauma life support", "")


def test_a_year_span_closing_a_books_name_stays_in_it_and_the_labelled_pages_count() -> None:
    f = _read(("Bock, Manfred.", "author"), ("“Cornelis van Eesteren.”", "title"),
              ("In De vervolgjaren van De Stijl, 1922–1934,", "container"),
              ("edited by Carel Blotkamp,", "editor"), ("241–94.", "pages"),
              ("Amsterdam:", "location"), ("Veen, 1996.", "publisher"))  # fmt: skip
    assert (f.container_title, f.pages) == ("De vervolgjaren van De Stijl, 1922–1934", "241–94")
    f = _read(("Bock, Manfred.", "author"), ("“Cornelis.”", "title"),
              ("In Essays on Style, 241–94.", "container"), ("Amsterdam:", "location"))  # fmt: skip
    assert (f.container_title, f.pages) == ("Essays on Style", "241–94")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Bayhaqī, Abūl-Fadl. Tārīkh-e Bayhaqī. Ed. ‘Alī-Akbar Fiyād. Tehran: Nashr-e ‘Ilm, "
            "1374 AHS.",
            [("Fiyād", "‘Alī-Akbar")],
        ),
        (
            "Balkhī, Jalāl ad-Dīn Muhammad. Guzīdeh-ye Ghazaliyāt-e Shams. Comp. Muhammad-Ridā "
            "Shafī‘ī Kadkanī. Tehran: Kitābha-ye Jībī, 1374 AHS.",
            [("Kadkanī", "Muhammad-Ridā Shafī‘ī")],
        ),
        (  # a body stays one name
            "Bahá’í Education: A Compilation. Comp. Research Dept. Bahá’í World Centre. Wilmette: "
            "Bahá’í Publishing Trust, 1977.",
            [("Comp. Research Dept. Bahá’í World Centre", "")],
        ),
    ],
)
def test_names_after_a_role_abbreviation_are_written_given_name_first(
    text: str, want: list[tuple[str, str]]
) -> None:
    r = parse_string(text)
    got = [(a.family, a.given) if isinstance(a, Person) else (a.name, "") for a in r.editors]
    assert got == want


def test_a_closing_guillemet_before_dans_ends_a_title_whose_opening_went_to_the_names() -> None:
    from refcheck.parse.spans import _CLOSED_THEN_SOURCE

    m = _CLOSED_THEN_SOURCE.match("Le rire dans les images de Mehdi », dans Ndiaye, Christiane")
    assert m is not None and m["q"] == "Le rire dans les images de Mehdi"
    m = _CLOSED_THEN_SOURCE.match("Le sacré, la bête et le dieu ». In Pierre Michon, édité par")
    assert m is not None and m["q"] == "Le sacré, la bête et le dieu"
    assert _CLOSED_THEN_SOURCE.match("Title without any quote, dans la ville") is None


def test_a_quoted_french_title_before_dans_is_the_title() -> None:
    r = parse_string("MARTEL, Jeanne, « La mémoire par le cinéma », dans Blanc, Paul (dir.), "
                     "Les guerres de mémoires, Paris, La Découverte, 2008, p. 262-272.")  # fmt: skip
    assert r.title == "La mémoire par le cinéma"
