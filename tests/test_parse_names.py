"""Author and editor names: how author lists are split and inverted (semicolons, missing commas,
Vancouver and Cyrillic initials, given-name-first) and which bodies and people are read as a
work's editors rather than its authors."""

from __future__ import annotations

import pytest

from refcheck.model import Agent, Organization, Person, Reference
from refcheck.parse import parse_string as _parse_string
from refcheck.parse.names import read_names


def parse_string(text: str) -> Reference:
    """These tests pin the grammar's rules (the labeller reads non-APA entries in the pipeline;
    its shapes are pinned in test_parse_labeller.py). The grammar also decides P103."""
    return _parse_string(text, reader="grammar")


def _names(agents: tuple[Agent, ...]) -> list[str]:
    return [a.display for a in agents]


def test_group_author_is_not_read_as_given_first_name() -> None:
    # one name without initials is ambiguous (a group or a person): left to the other readers
    r = parse_string("Human Rights Watch. 2020. Karabakh report. New York: HRW.")
    assert [a.display for a in r.authors] != ["Watch, Human Rights"]


def test_inverted_chicago_author_is_not_read_as_given_first() -> None:
    r = parse_string("Waltz, Kenneth N. Theory of International Politics. Reading: AW, 1979.")
    assert [a.display for a in r.authors] == ["Waltz, Kenneth N."]


def test_mla_coauthor_with_an_initial() -> None:
    r = parse_string("Kissinger, Henry A., and J. Stapleton Roy. Diplomacy in Asia. Norton, 2001.")
    assert _names(r.authors) == ["Kissinger, Henry A.", "Roy, J. Stapleton"]
    assert (r.title, r.publisher, r.year) == ("Diplomacy in Asia", "Norton", 2001)


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


def test_cyrillic_surname_with_two_letter_initial_is_inverted() -> None:
    r = parse_string("Гусейнов Р. Дж. Заметки о языке. — Баку : Элм, 2001. — 90 с.")
    assert _names(r.authors) == ["Гусейнов, Р. Дж."]
    assert r.title == "Заметки о языке"


def test_mla_book_edited_and_translated() -> None:
    r = parse_string(
        "Benjamin, Walter. Illuminations. Edited by Hannah Arendt, translated by Harry Zohn, "
        "Schocken Books, 1969."
    )
    assert r.type == "book"
    assert _names(r.editors) == ["Arendt, Hannah"]
    assert (r.title, r.publisher, r.year) == ("Illuminations", "Schocken Books", 1969)


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


def test_latin_inverted_name_after_a_missing_comma_and_et_al() -> None:
    r = parse_string("Chen, L.M., Wu, K.P. Zhao, H. et al., Seismic zoning of the basin. 2003.")
    assert [a.family for a in r.authors] == ["Chen", "Wu", "Zhao"]
    assert r.title == "Seismic zoning of the basin"


@pytest.mark.parametrize(
    ("text", "family", "given"),
    [
        ("Cəfərov Nizami. Seçilmiş əsərləri: 5 cilddə. Bakı: Elm, 2007.", "Cəfərov", "Nizami"),
        (
            "Əfəndiyev Paşa (1981) Azərbaycan şifahi xalq ədəbiyyatı, Bakı, Maarif",
            "Əfəndiyev",
            "Paşa",
        ),
        ("Cəfər Cabbarlı. Seçilmiş əsərləri. Bakı: Elm, 2005.", "Cabbarlı", "Cəfər"),
    ],
)
def test_a_surname_ending_decides_the_order_of_a_spelled_out_name(
    text: str, family: str, given: str
) -> None:
    (a,) = _parse_string(text).authors  # the pipeline: the grammar reads some, the labeller others
    assert isinstance(a, Person)
    assert (a.family, a.given) == (family, given)


def test_a_comma_run_imprint_after_an_apa_date_leaves_the_title() -> None:
    # the grammar's reading is suspect (a title ending in "…, Bakı, Elm"): the labeller's stands
    r = _parse_string("Hacıyev Tofiq (1999) Dədə Qorqud: dilimiz, düşüncəmiz, Bakı, Elm")
    assert (r.title, r.place, r.publisher) == ("Dədə Qorqud: dilimiz, düşüncəmiz", "Bakı", "Elm")


def test_a_list_of_given_first_names_is_not_paired_into_family_given() -> None:
    from refcheck.parse.names import read_names

    names, _ = read_names("Farid Alami, Fahim Dalvo, Shadi Shaaroh, and Nadia Durrin")
    assert [a.display for a in names] == [
        "Alami, Farid", "Dalvo, Fahim", "Shaaroh, Shadi", "Durrin, Nadia"
    ]  # fmt: skip
    names, _ = read_names("Waltz, Kenneth Neal, John Doe, and Bob Roe")  # MLA: one inverted
    assert [a.display for a in names] == ["Waltz, Kenneth Neal", "Doe, John", "Roe, Bob"]


def test_slashes_and_french_et_separate_names() -> None:
    from refcheck.parse.names import read_names

    cases = {
        "Franz, Eckhart G./ Batten, Friedrich": ["Franz, Eckhart G.", "Batten, Friedrich"],
        "BARBER, Sotir A / FLEMİNG, James E.": ["BARBER, Sotir A", "FLEMİNG, James E."],
        "Crema, E. R. et Bevan, A.": ["Crema, E. R.", "Bevan, A."],
        "AFRH/IRIS": ["AFRH/IRIS"],  # a slash inside a word is no separator
    }
    for text, want in cases.items():
        assert [a.display for a in read_names(text)[0]] == want


def test_a_suffix_joins_the_name_it_ends() -> None:
    from refcheck.parse.names import read_names

    names, _ = read_names("Barnet, Michael N. and F. Gregory Gaus III")
    assert [(a.display, getattr(a, "suffix", "")) for a in names] == [
        ("Barnet, Michael N.", ""), ("Gaus, F. Gregory, III", "III")
    ]  # fmt: skip
    names, _ = read_names("De Azevo W.M., Da Silvo E.F. Jr, Khouri H.J.")
    assert [a.display for a in names] == ["De Azevo, W. M.", "Da Silvo, E. F., Jr", "Khouri, H. J."]
    names, _ = read_names("Smith, J., Jr., & Doe, K.")
    assert [a.display for a in names] == ["Smith, J., Jr.", "Doe, K."]


def test_a_list_written_surname_first_goes_on_so() -> None:
    from refcheck.parse.names import read_names

    names, _ = read_names("Afanasev, Petr Savvič & Voronin, Mixail Spiridonovič & Alekseev, Mixail")
    assert [a.display for a in names] == [
        "Afanasev, Petr Savvič", "Voronin, Mixail Spiridonovič", "Alekseev, Mixail"
    ]  # fmt: skip
    names, _ = read_names("Smith, John, Jane Doe, and Bob Roe")  # MLA: only the first inverted
    assert [a.display for a in names] == ["Smith, John", "Doe, Jane", "Roe, Bob"]


def test_a_comma_before_the_ampersand_ends_a_name_without_initials() -> None:
    r = parse_string("Baring, & Cashford. (1993). *The Myth of the Goddess*. Penguin Books.")
    assert r.authors == (Organization("Baring"), Organization("Cashford"))


def test_an_apa_list_that_turns_given_name_first_after_its_first_name_is_read_by_name() -> None:
    r = parse_string(
        "Lund, K., P. Arslan, and T. Berg (2011). Counting birds from the air. Ibis, 53, 1-9."
    )
    assert [a.display for a in r.authors] == ["Lund, K.", "Arslan, P.", "Berg, T."]


def test_vancouver_names_before_a_parenthesised_year_are_people_not_a_group() -> None:
    r = parse_string(
        "Novak Berg K, Lund R, Ortega X (2012) Survival after diagnosis. AIDS 26: 10–19."
    )
    assert [a.display for a in r.authors] == ["Novak Berg, K", "Lund, R", "Ortega, X"]
    # a group author listing its divisions stays one group
    r = parse_string("World Health Organization, UNICEF, UNAIDS (2010) Report. Geneva.")
    assert r.authors == (Organization("World Health Organization, UNICEF, UNAIDS"),)


def test_names_glued_by_a_slash_after_surname_and_given_name_are_several() -> None:
    from refcheck.parse.names import read_names

    names, _ = read_names("Arslan, R. Mehmet/Kaya, D. Ali/Lund, Pia")
    assert [a.display for a in names] == ["Arslan, R. Mehmet", "Kaya, D. Ali", "Lund, Pia"]
    names, _ = read_names("Berg/Schuster-Lund, Recht")  # German notes: one work's authors
    assert len(names) == 2 and isinstance(names[0], Organization)


def test_a_name_after_an_ampersand_is_never_the_given_name_of_the_one_before() -> None:
    r = parse_string("Lund, & Berg, N. (2018). Peptides. *Heart Clinics*, *14*, 13–25.")
    assert [a.display for a in r.authors] == ["Lund", "Berg, N."]
    r = parse_string("World Bank, & IMF. (2010). *Report*. World Bank.")
    assert r.authors == (Organization("World Bank"), Organization("IMF"))


def test_an_ampersand_inside_a_name_and_three_periods_as_ellipsis() -> None:
    r = parse_string("H&M. (2018). *Monki is certified*. H&M.")
    assert r.authors == (Organization("H&M"),)
    r = parse_string("Kaya, L., Berg, D., ... & Lund, P. (2008). Larrabee. *ACM TOG*, *27*(3), 18.")
    assert [a.display for a in r.authors] == ["Kaya, L.", "Berg, D.", "Lund, P."]


def test_eds_after_the_names_makes_them_editors() -> None:
    r = parse_string("Lund, A., & Berg, A. eds. (2009) Quantifying the economy. Oxford: Oxford UP.")
    assert (r.authors, [a.family for a in r.editors]) == ((), ["Lund", "Berg"])


def test_a_statement_whose_et_al_bracket_was_cut_keeps_its_name() -> None:
    from refcheck.parse.names import read_names

    assert read_names("В. С. Лунд [и") == ([Person("Лунд", "В. С.")], True)
    assert read_names("Jin-hai Kaya [et") == ([Person("Kaya", "Jin-hai")], True)


def test_vancouver_names_with_a_generational_suffix_are_people() -> None:
    r = parse_string(
        "Lund DC, Kaya LC, Berg ER 3rd, Arslan R, et al. (2010) Prevalence of disease in "
        "persons in the United States. Hypertension 55: 1102–9."
    )
    assert [a.display for a in r.authors] == ["Lund, DC", "Kaya, LC", "Berg, ER, 3rd", "Arslan, R"]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (  # ACL/NeurIPS: given names first, some with a middle initial, "and" before the last
            "Lena Hart, Tomas Quill, Rosa M. Vint, and Pavel Orr",
            ["Hart, Lena", "Quill, Tomas", "Vint, Rosa M.", "Orr, Pavel"],
        ),
        (  # a surname with its particle glued on
            "Clara Ruz, Marco d’Aprile, Ines Lode",
            ["Ruz, Clara", "d’Aprile, Marco", "Lode, Ines"],
        ),
        (  # "Family, Given I." pairs: a piece ending with an initial is a given name
            "Hart, Lena M., Quill, Tomas R., Vint, Rosa",
            ["Hart, Lena M.", "Quill, Tomas R.", "Vint, Rosa"],
        ),
    ],
)
def test_given_first_names_with_middle_initials_are_not_paired(
    names: str, expected: list[str]
) -> None:
    from refcheck.parse.names import read_names

    agents, _ = read_names(names)
    assert [a.display for a in agents] == expected


def test_given_first_editors_keep_every_word_after_the_initials_in_the_family_name() -> None:
    r = parse_string(
        "Hope, C. A. (2015). The houses of Kellis. In A. A. Di Castro, M. En Martin, & "
        "B. E. van der Parr (Eds.), *Housing and habitat* (pp. 199–229). Peeters."
    )
    assert [(e.particle, e.family, e.given) for e in r.editors] == [
        ("Di", "Castro", "A. A."),
        ("", "Martin", "M. En"),  # no particle: a given name (as "J. Stapleton Roy")
        ("van der", "Parr", "B. E."),
    ]


def test_a_team_is_a_group_author() -> None:
    r = parse_string("R Core Team. (2022). *R: A language and environment*. R Foundation.")
    assert [type(a).__name__ for a in r.authors] == ["Organization"]
    assert r.authors[0].display == "R Core Team"
    assert _names(parse_string("Team, J. (2019). *A title*. Publisher.").authors) == ["Team, J."]


def test_surnames_with_initials_read_as_one_group_are_the_authors() -> None:
    r = parse_string(
        "Delprat S., Guerra T.M, Rimaux J., (2003). Control Strategies for Hybrid Vehicles, "
        "Proceedings, IEEE 58th Vehicular Technology Conference, 5, 3946-3950."
    )
    assert _names(r.authors) == ["Delprat, S.", "Guerra, T. M", "Rimaux, J."]


def test_initials_of_a_script_without_case_mark_a_person() -> None:
    r = parse_string("شهریار, م. ح. (1370). *کلیات اشعار ترکی*. انتشارات نگاه.")
    assert [(a.family, a.given) for a in r.authors if isinstance(a, Person)] == [
        ("شهریار", "م. ح.")
    ]


def test_names_after_the_first_written_initials_first_are_people_and_a_nonconformity() -> None:
    r = parse_string(
        "Aspinall, A., C. F. Gaffney & A. Schmidt (2008). Magnetometry for archaeologists. "
        "AltaMira Press."
    )
    assert _names(r.authors) == ["Aspinall, A.", "Gaffney, C. F.", "Schmidt, A."]
    assert r.nonconformities == ("author names not written as 'Surname, I.'",)
    r = parse_string(
        "Bai, J., R.L. Lumsdaine, and J.H. Stock (1998). Testing for and dating common breaks. "
        "Review of Economic Studies, 64, 395-432."
    )
    assert [a.family for a in r.authors if isinstance(a, Person)] == ["Bai", "Lumsdaine", "Stock"]


def test_surnames_in_capitals_before_the_given_names_keep_each_name_whole() -> None:
    from refcheck.parse.names import read_names

    agents, _ = read_names("ARBEID Barbara, BRUNI Stefano et IOZZO Mario (dir.)")
    assert [(a.family, a.given) for a in agents if isinstance(a, Person)] == [
        ("ARBEID", "Barbara"), ("BRUNI", "Stefano"), ("IOZZO", "Mario"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "name", ["Human Rights Watch", "Bahá’í International Community", "HOLOCO GmbH"]
)
def test_watchdogs_communities_and_companies_are_groups(name: str) -> None:
    from refcheck.parse.names import read_names

    assert read_names(name) == ([Organization(name)], False)


def test_surname_given_pairs_spelled_out_with_commas_only_are_people() -> None:
    r = parse_string(
        "Comrie, Bernard, Khalilov, Madzhid, Khalilova, Zaira. (2015). A grammar of Bezhta. "
        "Leipzig: Max Planck Institute for Evolutionary Anthropology."
    )
    assert _names(r.authors) == ["Comrie, Bernard", "Khalilov, Madzhid", "Khalilova, Zaira"]
    assert "given name spelled out instead of initials" in r.nonconformities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reference manager's sorted form puts the particle after the initials
        ("Bastian, C. C. von, Blais, C., & Brewer, G. (2020). T. *J*, *1*, 2.",
         [("von", "Bastian", "C. C."), ("", "Blais", "C."), ("", "Brewer", "G.")]),
        ("Bij, A. K. van der, Weerd, S. de, & Cikot, R. J. L. M. (2003). T. *J*, *6*, 7.",
         [("van der", "Bij", "A. K."), ("de", "Weerd", "S."), ("", "Cikot", "R. J. L. M.")]),
        # a particle between the initials stays in the given names
        ("Hunt, I. de V., Dunn, T., & Linos, E. (2022). T. *J*, *1*, 2.",
         [("", "Hunt", "I. de V."), ("", "Dunn", "T."), ("", "Linos", "E.")]),
    ],
)  # fmt: skip
def test_a_particle_after_the_initials_belongs_to_the_surname(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    got = parse_string(text).authors
    assert [(a.particle, a.family, a.given) for a in got if isinstance(a, Person)] == expected


def test_a_non_breaking_hyphen_joins_a_double_surname_as_a_hyphen_does() -> None:
    # word processors type U+2011 in "Grinder‑Hansen": the name stays one person, inverted
    # (a Chicago list: the pipeline's reader, not the grammar alone)
    r = _parse_string(
        "Grinder\u2011Hansen, Poul, Ulla Kjær, Morten Ryhl\u2011Svendsen, et al. “Textiles and"
        " Environment.” Heritage Science 8, no. 95 (2020): 1–19."
    )
    assert _names(r.authors) == ["Grinder-Hansen, Poul", "Kjær, Ulla", "Ryhl-Svendsen, Morten"]
    assert r.et_al is True


@pytest.mark.parametrize(
    "body",
    ["Istituto centrale per il restauro", "Königlichen Preußischen Akademie der Wissenschaften"],
)
def test_an_editing_body_written_in_place_of_editors_is_a_group(body: str) -> None:
    r = parse_string(
        f"Torraca, G. (1998). Tecnologia delle malte. In {body} (Ed.), *Diagnosi e progetto*"
        " (pp. 203–221). De Luca."
    )
    assert r.editors == (Organization(name=body),)
    assert (r.container_title, r.pages) == ("Diagnosi e progetto", "203–221")


@pytest.mark.parametrize(
    ("block", "names"),
    [
        (
            "Mingxing Tan, Ruoming Pang, and Quoc V. Le",
            ["Tan, Mingxing", "Pang, Ruoming", "Le, Quoc V."],
        ),
        (  # initials then a surname among them; the list's period after a short surname
            "Yelin He, X. Qi, Jiaquan Ye, and Zhoujun Li.",
            ["He, Yelin", "Qi, X.", "Ye, Jiaquan", "Li, Zhoujun"],
        ),
        (  # "Vicente" holds "cent" but does not start like an organisation's word
            "Girish Kulkarni, Vicente Ordonez, and Tamara L. Berg",
            ["Kulkarni, Girish", "Ordonez, Vicente", "Berg, Tamara L."],
        ),
    ],
)
def test_a_list_of_names_each_written_given_name_first(block: str, names: list[str]) -> None:
    # ACM, CVPR and ACL lists: no name is inverted, by either reader
    from refcheck.parse.names import _parse_author_block, read_names

    assert _names(tuple(read_names(block)[0])) == names
    assert _names(tuple(_parse_author_block(block).agents)) == names


def test_surname_first_pairs_are_not_read_as_given_first_names() -> None:
    from refcheck.parse.names import _parse_author_block

    got = _parse_author_block("García Márquez, G., Vargas Llosa, M., & Fuentes, C.").agents
    assert _names(tuple(got)) == ["García Márquez, G.", "Vargas Llosa, M.", "Fuentes, C."]


def test_accents_a_pdf_set_apart_are_put_back_on_their_letters() -> None:
    from refcheck.parse.tokens import reading_text

    assert reading_text("Herv´e D´ejean, Max G¨obel, Jos ´e Sa˜no.") == (
        "Hervé Déjean, Max Göbel, José Saño."
    )
    # the mark as an apostrophe, or after its letter (another PDF's habit): left as typed
    assert reading_text("Brazil´s schools, l´Ecole.") == "Brazil´s schools, l´Ecole."
    assert reading_text("E´le´ments de grammaire, Ec´ole.") == "E´le´ments de grammaire, Ec´ole."


def test_initials_typed_on_both_sides_of_a_surname_give_one_person() -> None:
    assert read_names("R.S. Kayne R.S.")[0] == [Person("Kayne", "R. S.")]
    assert read_names("С. Клышинский Э.")[0] == [Person("Клышинский", "С.")]


def test_later_names_with_an_initial_between_two_names_are_read_given_first() -> None:
    # Chicago author-date as political science writes it: the first name inverted, the rest
    # given-first with bare initials ("John T Jost"), which is no given-name piece of "Rich Bonneau"
    got, _ = read_names(
        "Munger, Kevin, Rich Bonneau, John T Jost, Jonathan Nagler and Joshua Tucker"
    )
    assert [(p.family, p.given) for p in got if isinstance(p, Person)] == [
        ("Munger", "Kevin"),
        ("Bonneau", "Rich"),
        ("Jost", "John T"),
        ("Nagler", "Jonathan"),
        ("Tucker", "Joshua"),
    ]
    # the first author's given names may hold an initial between two names ("Lora V." aside)
    assert read_names("Schelling, Friedrich Wilhelm Joseph")[0] == [
        Person("Schelling", "Friedrich Wilhelm Joseph")
    ]


@pytest.mark.parametrize("role", ["director", "producer", "narrator", "performer", "translator"])
def test_an_mla_contributor_role_after_the_name_is_no_second_author(role: str) -> None:
    assert read_names(f"Rizzo, Anthony, {role}")[0] == [Person("Rizzo", "Anthony")]


def test_names_parted_by_semicolons_drop_the_ampersand_before_the_last() -> None:
    got, _ = read_names("Brandt, C. S.; Hasenack, H.; Laps, R. R.; & Hartz, S. M.")
    assert [a.display for a in got] == [
        "Brandt, C. S.",
        "Hasenack, H.",
        "Laps, R. R.",
        "Hartz, S. M.",
    ]


@pytest.mark.parametrize(
    "text, body",
    [
        ("Church of England. The First and Second Prayer Books. London: Everyman, 1977.",
         "Church of England"),
        ("Episcopal Church. The Book of Common Prayer. New York: Church Publishing, 1979.",
         "Episcopal Church"),
        ("Multigraph Collective. Interacting with Print. Chicago: UCP, 2018.",
         "Multigraph Collective"),
        ("Nişanyan Sözlük. Yer Adları Sözlüğü. 02 Ocak, 2024 tarihinde erişildi.",
         "Nişanyan Sözlük"),
    ],
)
def test_churches_collectives_and_dictionaries_are_bodies_not_people(text: str, body: str) -> None:
    # "Church of England" is no Mr England; in the labeller's path as in the grammar's
    for reader in ("grammar", "labeller"):
        r = _parse_string(text, reader=reader)
        assert r.authors == (Organization(body),), reader


def test_a_surname_that_names_a_body_stays_a_person() -> None:
    r = parse_string("Church, K. W. Word association norms. Computational Linguistics, 1990.")
    assert r.authors == (Person(family="Church", given="K. W."),)


def test_a_romance_or_german_and_parts_two_whole_names_written_given_first() -> None:
    from refcheck.parse.names import _parse_given_first

    names, _ = _parse_given_first("Ignacio Arellano y Juan Manuel Escudero")
    assert _names(tuple(names)) == ["Arellano, Ignacio", "Escudero, Juan Manuel"]
    names, _ = _parse_given_first("Rolf Tiedemann u. Hermann Schweppenhäuser")
    assert _names(tuple(names)) == ["Tiedemann, Rolf", "Schweppenhäuser, Hermann"]
    names, _ = _parse_given_first("José Ortega y Gasset")  # one name: one word after the "y"
    assert len(names) == 1


@pytest.mark.parametrize(
    "name",
    ["Affaires indiennes et du Nord canadien", "Viaggio nei fori", "Пушкин и его время"],
)
def test_a_lower_case_word_that_is_no_particle_makes_the_name_a_body(name: str) -> None:
    assert read_names(name) == ([Organization(name)], False)


@pytest.mark.parametrize(
    "name, people",
    [
        ("Charles de Gaulle et Jean Monnet", ["de Gaulle, Charles", "Monnet, Jean"]),
        ("Ludwig van Beethoven", ["van Beethoven, Ludwig"]),
    ],
)
def test_particles_and_connectors_alone_leave_people_people(name: str, people: list[str]) -> None:
    agents, _ = read_names(name)
    assert _names(tuple(agents)) == people


def test_norwegian_and_swedish_and_joins_the_last_two_authors() -> None:
    r = parse_string("Lunde, K., Berg, F.J. og Ås, K. (2007) Tekstens form. Oslo: Universitetsforlaget.")
    assert _names(r.authors) == ["Lunde, K.", "Berg, F.J.", "Ås, K."]
    r = parse_string("Lind, O. och Nyberg, J. (1999) Att skriva. Lund: Studentlitteratur.")
    assert _names(r.authors) == ["Lind, O.", "Nyberg, J."]


@pytest.mark.parametrize(
    ("text", "families"),
    [
        ("Larsen-Freeman, D. y Anderson, M. (2011). Techniques. Oxford University Press.",
         ["Larsen-Freeman", "Anderson"]),
        ("Murillo, F. J., Martínez G., C. y Hernández C., R. (2011). Decálogo. REICE, 9(1), 6-27.",
         ["Murillo", "Martínez G.", "Hernández C."]),
        ("Silva, A. e Souza, B. (2015). Título. Editora Vozes.", ["Silva", "Souza"]),
        ("Dupont, J. et Martin, P. (2001). Le titre. Seuil.", ["Dupont", "Martin"]),
        ("Müller, H. und Schmidt, K. (2003). Der Titel. Springer.", ["Müller", "Schmidt"]),
        ("Ortega y Gasset, J. (1930). La rebelión de las masas. Revista de Occidente.",
         ["Ortega y Gasset"]),
    ],
)  # fmt: skip
def test_a_spanish_y_or_another_languages_and_after_initials_parts_two_names(
    text: str, families: list[str]
) -> None:
    r = parse_string(text)
    assert [a.family for a in r.authors if isinstance(a, Person)] == families
