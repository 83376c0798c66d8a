"""Where a title ends: what leaves it (edition, translator, compiler, agency and serial numbers,
in brackets or as sentences after it) and what stays in it (year spans, Roman numerals, parts)."""

from __future__ import annotations

from refcheck.model import Agent, Reference
from refcheck.parse import parse_string as _parse_string


def parse_string(text: str) -> Reference:
    """These tests pin the grammar's rules (the labeller reads non-APA entries in the pipeline;
    its shapes are pinned in test_parse_labeller.py). The grammar also decides P103."""
    return _parse_string(text, reader="grammar")


def _names(agents: tuple[Agent, ...]) -> list[str]:
    return [a.display for a in agents]


def test_roman_numeral_before_an_imprint_ends_the_title() -> None:
    r = parse_string("Köprülü, M. F. (1999). Türk edebiyatı tarihi II. Ankara: Akçağ Yayınları.")
    assert (r.title, r.publisher, r.type) == ("Türk edebiyatı tarihi II", "Akçağ Yayınları", "book")


def test_year_span_in_brackets_stays_in_the_title() -> None:
    r = parse_string("Smith, J. (2001). Empire and trade (1815–1914). London: Verso.")
    assert (r.title, r.pages) == ("Empire and trade (1815–1914)", "")
    r = parse_string("Doe, A. (2001). A chapter. In B. Roe (Ed.), A book (25-50). Verso.")
    assert r.pages == "25-50"  # an ordinary page range is still pages


def test_bracket_with_translator_and_edition_separated_by_a_semicolon() -> None:
    r = parse_string(
        "Eco, U. (1995). *The name of the rose* (W. Weaver, Trans.; 2nd ed.). Harcourt."
    )
    assert (r.title, r.edition, r.publisher) == ("The name of the rose", "2", "Harcourt")


def test_unknown_part_keeps_a_semicolon_bracket_in_the_title() -> None:
    r = parse_string("Doe, J. (2001). *Notes (first part; second part)*. Harcourt.")
    assert r.title == "Notes (first part; second part)" and r.edition == ""


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


def test_title_before_the_date_when_only_an_imprint_follows() -> None:
    r = parse_string("Türkiye Cumhuriyeti Anayasası. (2019). Ankara: Seçkin.")
    assert (r.type, r.authors, r.title) == ("book", (), "Türkiye Cumhuriyeti Anayasası")
    assert (r.place, r.publisher, r.year) == ("Ankara", "Seçkin", 2019)
    r = parse_string("World Bank. (2020). Doing business 2020. Washington, DC: World Bank.")
    assert _names(r.authors) == ["World Bank"] and r.title == "Doing business 2020"


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


def test_basi_is_an_edition_word() -> None:
    r = parse_string(
        "Tanör, B. (2018). Osmanlı-Türk anayasal gelişmeleri (27. bası). İstanbul: YKY."
    )
    assert (r.title, r.edition, r.publisher) == ("Osmanlı-Türk anayasal gelişmeleri", "27", "YKY")


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


def test_azerbaijani_compiler_in_the_title_bracket() -> None:
    r = parse_string("Məmmədov, R. (2010). Xalq nağılları (tərtib edən: T. Fərzəliyev). Bakı: Elm.")
    assert (r.title, r.publisher) == ("Xalq nağılları", "Elm")


def test_an_edition_spelled_out_or_abbreviated_leaves_the_title() -> None:
    r = parse_string("Kaya, A. (1990). Research methods. Third Edition. New York: Holt.")
    assert (r.title, r.edition) == ("Research methods", "3")
    r = parse_string("Kaya, A. & Berg, D. (1971). Evaluating growth (4. b.). Boston: Allyn.")
    assert (r.title, r.edition) == ("Evaluating growth", "4")
    r = parse_string("Lund, K. (1996) Beneath the Soil (Revised paperback edn). London: Batsford.")
    assert (r.title, r.edition) == ("Beneath the Soil", "Revised paperback")


def test_a_volume_after_the_title_is_the_volume() -> None:
    r = parse_string("Novak, J.C. (1904). A Treatise on Magnetism, vol. II. Clarendon, Oxford.")
    assert (r.title, r.volume) == ("A Treatise on Magnetism", "II")
    r = parse_string(
        "Arslan M (2002). Seçme Yazılar: 1970-2000 (Cilt: 1). İstanbul: YGS Yayınları."
    )
    assert (r.title, r.volume) == ("Seçme Yazılar: 1970-2000", "1")
    # Turkish "C 3" (Cilt) without its period, after a book's title and inside a chapter's
    r = parse_string("Durmaz, A. A. (2019). Eski şiir kılavuzu (C 3). DBY Yayınları.")
    assert (r.title, r.volume) == ("Eski şiir kılavuzu", "3")
    r = parse_string("Oral, A. (1994). Düldül. Büyük Ansiklopedi içinde (C 10, s. 20-21). Vakıf.")
    assert (r.title, r.container_title, r.volume, r.pages) == (
        "Düldül",
        "Büyük Ansiklopedi",
        "10",
        "20-21",
    )
    # a set's extent is neither title nor volume
    r = parse_string(
        "Berg, Peter. Orfèvrerie française: La collection. 2 vols. Paris: Kugel, 2005."
    )
    assert (r.title, r.volume) == ("Orfèvrerie française: La collection", "")


def test_a_title_in_the_authors_place_keeps_its_translation_before_a_description() -> None:
    r = parse_string(
        "Osnovy zakonodatelʹstva o notariate [Basics of the law on notaries] [Ėlektronnyĭ "
        "resurs]. (n.d.). In *KonsulʹtantPli͡us*. https://www.consultant.ru/document/1581/"
    )
    assert (r.authors, r.title, r.title_translation, r.genre) == (
        (),
        "Osnovy zakonodatelʹstva o notariate",
        "Basics of the law on notaries",
        "Ėlektronnyĭ resurs",
    )


def test_a_translated_russian_title_ends_at_its_bracket_and_the_journal_follows() -> None:
    r = _parse_string(
        "Avetyan E.E., Parko I.V. Zhiznennye tsikly teleskopa “Khabbl” [Life cycles of the "
        "Hubble telescope]. Interekspo Geo-Sibir — Interexpo Geo-Siberia, 2021, no. 1, pp. 3–5."
    )
    assert (r.title, r.title_translation, r.container_title, r.issue, r.pages) == (
        "Zhiznennye tsikly teleskopa “Khabbl”",
        "Life cycles of the Hubble telescope",
        "Interekspo Geo-Sibir — Interexpo Geo-Siberia",
        "1",
        "3–5",
    )


def test_a_space_before_the_titles_period_does_not_join_the_publisher_to_it() -> None:
    r = _parse_string(
        "Spence, J. D. (1990). The Search for Modern China . W. W. Norton & Company. New York."
    )
    assert (r.title, r.publisher) == ("The Search for Modern China", "W. W. Norton & Company")
    assert _parse_string(
        "Paintings by Lawrence . . . and Other Artists. New York, 1910."
    ).title.startswith("Paintings by Lawrence . . .")  # an ellipsis stays


def test_a_title_in_the_authors_place_with_a_translation_and_a_description() -> None:
    r = _parse_string(
        "Torpaq islahatı haqqında [On land reform] [Qanun]. (1997). *AR Qanunlar Külliyyatı*, *III*."
    )
    assert (r.title, r.title_translation, r.genre) == (
        "Torpaq islahatı haqqında",
        "On land reform",
        "Qanun",
    )


def test_a_bracketed_gost_kind_statement_leaves_its_brackets_and_slash() -> None:
    r = _parse_string(
        "Макаров Р. Н. Основы надёжности лётного состава : [учеб. пособ.] / Р. Н. Макаров – М. : "
        "Воздушный транспорт, 1990. – 384 с."
    )
    assert (r.title, r.genre) == ("Основы надёжности лётного состава", "учеб. пособ.")


def test_a_quoted_title_in_the_authors_place_with_its_translation_is_read_as_apa() -> None:
    r = parse_string(  # the grammar, as `refcheck fix` reads back what it wrote
        "Yeni binada ilk tamaşa «O olmasın bu olsun» [Translation needed]. (1998, December 6). "
        "*Xalq qəzeti*."
    )
    assert (r.authors, r.title, r.title_translation, r.container_title, r.year) == (
        (),
        "Yeni binada ilk tamaşa «O olmasın bu olsun»",
        "Translation needed",
        "Xalq qəzeti",
        1998,
    )
