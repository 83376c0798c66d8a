"""The source of a part: where a journal, book or proceedings name starts and ends (ordinals,
towns, series, "edited by", "içinde"), and the publisher and place that follow it."""

from __future__ import annotations

from refcheck.model import Agent, Reference
from refcheck.parse import parse_string as _parse_string


def parse_string(text: str) -> Reference:
    """These tests pin the grammar's rules (the labeller reads non-APA entries in the pipeline;
    its shapes are pinned in test_parse_labeller.py). The grammar also decides P103."""
    return _parse_string(text, reader="grammar")


def _names(agents: tuple[Agent, ...]) -> list[str]:
    return [a.display for a in agents]


def test_turkish_icinde_leaves_the_container_name() -> None:
    r = parse_string(
        "Yılmaz, K. (2014). Orta Asya'da su sorunu. III. Uluslararası Türk Dünyası Kongresi "
        "Bildiri Kitabı içinde (ss. 33-40). Bişkek: Manas Üniversitesi."
    )
    assert r.container_title == "III. Uluslararası Türk Dünyası Kongresi Bildiri Kitabı"
    assert (r.pages, r.publisher, r.type) == ("33-40", "Manas Üniversitesi", "paper-conference")


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


def test_mla_italic_book_then_edited_by() -> None:
    r = parse_string(
        'Hall, Stuart. "Cultural Identity and Diaspora." *Identity: Community, Culture, '
        "Difference*, edited by Jonathan Rutherford, Lawrence and Wishart, 1990, pp. 222-237."
    )
    assert r.type == "chapter"
    assert r.container_title == "Identity: Community, Culture, Difference"
    assert _names(r.editors) == ["Rutherford, Jonathan"]
    assert (r.publisher, r.pages, r.year) == ("Lawrence and Wishart", "222-237", 1990)


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


def test_mla_translator_then_publisher_in_one_sentence() -> None:
    r = parse_string(
        "Bakhtin, Mikhail. Rabelais and His World. Translated by Helene Iswolsky, Indiana UP, 1984."
    )
    assert (r.publisher, r.year, r.type) == ("Indiana UP", 1984, "book")
    r = parse_string(
        "Foucault, Michel. The Order of Things. Trans. by A. Sheridan and B. Smith, Vintage, 1994."
    )
    assert r.publisher == "Vintage"


def test_chicago_in_book_with_pages_then_imprint_sentence() -> None:
    r = parse_string(
        'Scott, James C. "Everyday Forms of Resistance." In Everyday Forms of Peasant '
        "Resistance, 3-33. London: Frank Cass, 1989."
    )
    assert (r.type, r.container_title, r.pages, r.publisher, r.year) == (
        "chapter",
        "Everyday Forms of Peasant Resistance",
        "3-33",
        "Frank Cass",
        1989,
    )
    r = parse_string(
        'Scott, James C. "Everyday Forms of Resistance." In *Everyday Forms of Peasant '
        "Resistance*, pp. 3-33. London: Frank Cass, 1989."
    )
    assert (r.container_title, r.pages, r.type) == (
        "Everyday Forms of Peasant Resistance",
        "3-33",
        "chapter",
    )


def test_a_doi_label_before_a_doi_link_is_not_left_in_the_source() -> None:
    from refcheck.parse import parse_string as pipeline

    r = pipeline("Fidan, M. (2023). Romanın incelenmesi. Edebî Eleştiri Dergisi, 7(2), s. 412-423. "
                 "doi:https://doi.org/10.31465/eeder.1246024")  # fmt: skip
    assert (r.container_title, r.volume, r.issue, r.pages, r.doi) == (
        "Edebî Eleştiri Dergisi",
        "7",
        "2",
        "412-423",
        "10.31465/eeder.1246024",
    )


def test_an_issue_glued_to_the_journal_name_and_editors_without_their_comma() -> None:
    from refcheck.parse import parse_string as pipeline

    r = pipeline("Emre, İ. (2021, Temmuz). Korku. Türk Dili(835), s. 1-5.")
    assert (r.container_title, r.issue, r.pages) == ("Türk Dili", "835", "1-5")
    r = pipeline("Balık, M. (2014). Tekinsiz mekânlar. E. G. Naskali (Ed.) Korku Kitabı içinde "
                 "(s. 165-193). Kitabevi Yayınları.")  # fmt: skip
    assert (r.container_title, [a.display for a in r.editors]) == (
        "Korku Kitabı",
        ["Naskali, E. G."],
    )


def test_editors_named_after_the_title_without_in_send_the_entry_to_the_labeller() -> None:
    from refcheck.parse.fields import _Fields
    from refcheck.parse.grammar import _suspect

    f = _Fields(form="apa", title="Okuma eğitimi. Yılmaz, A. ve Demir, B. (Ed.)")
    assert _suspect(f) == "title holds a source"
    f = _Fields(form="apa", title="Reading. P. Holm, K. Vik (Eds.)")
    assert _suspect(f) == "title holds a source"
    f = _Fields(form="apa", title="Reading and writing in a second language")
    assert _suspect(f) == ""


def test_the_turkish_postposition_and_its_period_leave_a_labelled_book_name() -> None:
    from refcheck.parse.spans import _container

    assert _container("Türkçe öğretimi el kitabı içinde.") == "Türkçe öğretimi el kitabı"
    assert _container("Dil öğretimi içində,") == "Dil öğretimi"
    assert _container("Yeni içinde kitaplar") == "Yeni içinde kitaplar"


def test_a_title_ending_with_the_imprints_town_sends_the_entry_to_the_labeller() -> None:
    from refcheck.parse.fields import _Fields
    from refcheck.parse.grammar import _suspect

    f = _Fields(
        form="apa", title="Eski Türk Şiiri, Ankara", publisher="Türk Tarih Kurumu Yayınları"
    )
    assert _suspect(f) == "title ends with a place"
    f = _Fields(form="apa", title="Eski Türk Şiiri", publisher="Türk Tarih Kurumu Yayınları")
    assert _suspect(f) == ""
