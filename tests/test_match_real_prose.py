"""The match stage on citations as real authors write them: run-together and misread author
lists, a word before the names that is no author, chapters through their books, titles for
authors, Russian case endings, transliteration variants, near misses, numbers and Ibid.
Entries are built as records, so the parser's choices cannot move these tests. Names invented."""

from __future__ import annotations

from refcheck.checks import citation_style
from refcheck.checks import citations as rules
from refcheck.cite import extract_citations, extract_citations_from_text
from refcheck.match import compare_names, match_citations, name_variants, ru_stem
from refcheck.model import Agent, Document, Link, Organization, PartialDate, Person, Reference, Span
from refcheck.rules import Context


def P(family: str, given: str = "A.") -> Person:
    return Person(family=family, given=given)


def entry(
    *authors: Agent,
    year: int | None = 2020,
    suffix: str = "",
    title: str = "A title",
    raw: str = "",
    url: str = "",
    accessed: PartialDate | None = None,
) -> Reference:
    names = ", & ".join(a.display for a in authors)
    line = raw or f"{names}. ({year}{suffix}). {title}. {url}".strip()
    return Reference(
        index=0,
        raw=line,
        span=Span(0, 0),
        line=0,
        authors=authors,
        year=year,
        year_suffix=suffix,
        title=title,
        url=url,
        accessed=accessed,
    )


def build(body: str, refs: list[Reference]) -> Context:
    text = body + "\n\nREFERENCES\n"
    placed: list[Reference] = []
    for i, r in enumerate(refs, 1):
        start = len(text)
        text += r.raw + "\n"
        placed.append(
            Reference(
                **{
                    **{f: getattr(r, f) for f in r.__dataclass_fields__},
                    "index": i,
                    "span": Span(start, start + len(r.raw)),
                    "line": text.count("\n", 0, start) + 1,
                }
            )
        )
    end = len(body)
    doc = Document(
        text=text, body=Span(0, end), heading=Span(end + 2, end + 12), references=tuple(placed)
    )
    cits = extract_citations(doc)
    return Context(doc, tuple(placed), cits, match_citations(cits, placed))


def links(body: str, refs: list[Reference]) -> list[tuple[str, int | None, str]]:
    ctx = build(body, refs)
    by = {c.index: c for c in ctx.citations}
    return [(by[lk.citation].text, lk.reference, lk.method) for lk in ctx.links]


QOL = entry(P("Quinn"), P("Ortega"), P("Lyle"), year=2012)
WS17 = entry(P("Weller"), P("Singh"), year=2017)
WS18 = entry(P("Weller"), P("Singh"), year=2018, title="Another")


def test_a_comma_less_list_links_to_its_first_author_and_says_why() -> None:
    ctx = build("as argued (Quinn Ortega Lyle, 2012).", [QOL])
    assert [lk.reference for lk in ctx.links] == [1]
    (f,) = rules.author_count(ctx)
    assert f.code == "X306" and "without commas: write Quinn, Ortega, & Lyle" in f.message
    assert list(rules.citation_without_entry(ctx)) == []


def test_a_capitalised_word_that_is_no_author_is_skipped() -> None:
    ctx = build("RAND, Weller and Singh (2017, 2018) argue", [WS17, WS18])
    assert [(lk.reference, lk.skipped) for lk in ctx.links] == [(1, 1), (2, 1)]
    assert list(rules.citation_without_entry(ctx)) == []
    assert list(rules.author_count(ctx)) == []  # Weller and Singh: both names, right order


def test_a_chapter_cited_through_its_book() -> None:
    book = entry(P("Moreau"), P("Dahl"), title="The book")
    assert links("(Lindqvist in: Moreau and Dahl, 2020)", [book]) == [
        ("Lindqvist in: Moreau and Dahl, 2020", 1, "book")
    ]
    ctx = build("(Lindqvist in: Moreau and Dahl, 2020)", [book])
    assert list(rules.author_count(ctx)) == [] and list(rules.author_spelling(ctx)) == []
    chapter = entry(P("Lindqvist"), title="A chapter")
    assert links("(Lindqvist in: Moreau and Dahl, 2020)", [chapter, book])[0][1:] == (1, "exact")


def test_a_title_in_place_of_an_author_links_to_the_untitled_entry() -> None:
    law = entry(raw="Banking law review: 2012. (2013). Bank Press.", year=2013, title="")
    other = entry(P("Ferrow"), year=2010)
    got = links("(“Banking Law Review: 2012,” 2013; Ferrow, 2010)", [law, other])
    assert got == [("“Banking Law Review: 2012,” 2013", 1, "title"), ("Ferrow, 2010", 2, "exact")]


def test_a_narrative_naming_a_work_by_its_title_links_the_entry_of_that_year() -> None:
    guide = entry(P("Durmaz"), year=2019, title="Eski şiir kılavuzu")
    other = entry(P("Oral"), year=2019, title="Bir söz")
    body = "Durmaz’ın Eski Şiir Kılavuzu (2019) ve Kılavuzu (2018) ile Söz (2019)."
    assert links(body, [guide, other]) == [
        ("Kılavuzu (2019)", 1, "title"),
        ("Kılavuzu (2018)", None, ""),  # another year: no link
        ("Söz (2019)", None, ""),  # too short a word to name a title by
    ]


def test_a_narrative_naming_a_group_author_links_the_group_of_that_year() -> None:
    # the words before the last read as a person's given names: "Watch", "Sözlük" are left
    dictionary = entry(Organization("TÜRKÇE SÖZLÜK"), year=2005, title="")
    watch = entry(Organization("Human Rights Watch"), year=2020, title="Karabakh report")
    body = "Türkçe Sözlük (2005), Human Rights Watch (2020) ve Watch (2019) ile Sözlük (2006)."
    assert links(body, [dictionary, watch]) == [
        ("Sözlük (2005)", 1, "partial-name"),
        ("Watch (2020)", 2, "partial-name"),
        ("Watch (2019)", None, ""),  # another year: no link
        ("Sözlük (2006)", None, ""),
    ]


def test_an_entry_whose_author_list_the_parser_misread_is_found_by_its_first_word() -> None:
    misread = entry(
        Organization("Dobrova, Nina, Auerbach, Jan, Gusev, Valentin"),
        year=2013,
        raw="Dobrova, Nina, Auerbach, Jan, Gusev, Valentin. (2013). The optative. Press.",
    )
    single = entry(P("Dobrova", "Nina"), year=2012)
    assert links("(Dobrova et al. 2013: 4)", [single, misread])[0][1] == 2


def test_et_al_prefers_the_entry_with_three_or_more_authors() -> None:
    alone = entry(P("Kibrov"), year=1972, title="Alone")
    team = entry(P("Kibrov"), P("Kodzov"), P("Olovin"), year=1972, title="Team")
    assert links("(Kibrov et al., 1972) and (Kibrov, 1972)", [alone, team]) == [
        ("Kibrov et al., 1972", 2, "exact"),
        ("Kibrov, 1972", 1, "exact"),
    ]


def test_russian_case_endings_are_the_same_author() -> None:
    assert ru_stem("Иваненкова") == ru_stem("Иваненков") == "иваненков"
    assert compare_names("Иваненкова", "Иваненков") == "inflected"
    ivan = entry(P("Иваненков", "И."), year=2017)
    ctx = build("В работе Иваненкова (2017) показано", [ivan])
    assert [(lk.reference, lk.method) for lk in ctx.links] == [(1, "inflected")]
    assert list(rules.author_spelling(ctx)) == []


def test_scholarly_and_english_romanisations_of_one_name_match() -> None:
    assert name_variants("Čuprina") & name_variants("Chuprina")
    older = entry(P("Chuprina"), year=2020, title="Older")
    newer = entry(P("Čuprina"), year=2021, title="Newer")
    assert [r for _, r, _ in links("Chuprina (2021) argues", [older, newer])] == [2]


def test_original_and_republished_year_both_count() -> None:
    one = entry(P("Apresov", "V."), year=1999)
    two = entry(
        Organization("Apresov Ju. D. 1974/1995"),
        year=None,
        raw="Apresov Ju. D. 1974/1995. Semantics.",
    )
    assert links("(Apresov 1974/1995)", [one, two])[0][1] == 2


def test_a_web_source_cited_by_its_access_year() -> None:
    page = entry(
        raw="Положение о порядке. 2014. URL: https://example.org (дата обращения: 12.03.2016).",
        year=2014,
        title="Положение о порядке",
        url="https://example.org",
        accessed=PartialDate(2016, 3, 12),
    )
    assert links("[Положение..., 2016]", [page]) == [("Положение..., 2016", 1, "title")]


# ------------------------------------------------------------------------ near misses


def test_a_co_author_cited_first_is_linked_and_x306_names_the_entry() -> None:
    nb = entry(P("Novak"), P("Berg"), year=2019)
    ctx = build("as shown (Berg, 2019).", [nb])
    assert [(lk.reference, lk.method) for lk in ctx.links] == [(1, "near")]
    (f,) = rules.author_count(ctx)
    assert "Berg is author 2 of the entry, not its first; cite (Novak & Berg, 2019)" in f.message


def test_swapped_names_of_the_same_year_beat_another_year_of_the_first_name() -> None:
    later = entry(P("Plunger"), year=1999)
    pair = entry(P("Auermann"), P("Plunger"), year=1998)
    assert links("(Plunger & Auermann 1998: 104)", [later, pair])[0][1:] == (2, "near")


def test_a_similar_name_of_the_same_year_is_linked_as_near() -> None:
    hale = entry(P("Hallen"), year=2021)
    ctx = build("as shown (Hollen, 2021).", [hale])
    assert [(lk.reference, lk.method) for lk in ctx.links] == [(1, "near")]


def test_no_entry_names_the_closest_one_did_you_mean() -> None:
    hale = entry(P("Hallen"), year=2021)
    ctx = build("as shown (Hollen, 2019).", [hale])
    assert ctx.links == (Link(0, None, "", 0.0, (1,)),)
    (f,) = rules.citation_without_entry(ctx)
    assert f.message.endswith("did you mean Hallen (2021)?")
    assert f.suggestion == "(Hallen, 2021)"
    far = build("as shown (Zimmer, 2019).", [hale])
    (g,) = rules.citation_without_entry(far)
    assert "did you mean" not in g.message and g.suggestion == ""


# ------------------------------------------------------------------------ numbers, ibid


def test_numbers_link_to_their_entries_and_a_missing_number_is_x301() -> None:
    refs = [entry(P("Ab")), entry(P("Cd")), entry(P("Ef"))]
    ctx = build("Shown [1], [2–3] and [9].", refs)
    assert [lk.reference for lk in ctx.links] == [1, 2, 3, None]
    (f,) = rules.citation_without_entry(ctx)
    assert f.message == "[9]: no entry 9 in a list of 3 entries"
    assert [x.code for x in citation_style.numbered_citations(ctx)] == ["C209"]
    assert list(rules.entry_not_cited(ctx)) == []


def test_ibid_links_to_the_entry_of_the_citation_before() -> None:
    refs = [entry(P("Valeri"), year=2020), entry(P("Nordin"), year=2003)]
    got = links("(Valeri, 2020) and (Ibid.), then (Nordin, 2003: 7) and (ibid.: 70).", refs)
    assert [(r, m) for _, r, m in got] == [(1, "exact"), (1, "ibid"), (2, "exact"), (2, "ibid")]
    ctx = build("(Ibid.) first.", refs[:1])
    (f,) = rules.citation_without_entry(ctx)
    assert "follows no citation" in f.message


def test_co_authors_are_read_from_the_raw_entry_when_the_parser_joined_them() -> None:
    alone = entry(P("Bakkers", "I."), year=2003, title="Alone")
    joined = entry(
        Organization("Bakkers I ve Gillon S"),
        year=2003,
        raw="Bakkers I ve Gillon S (2003). Ontology, method and hypothesis. Press.",
    )
    assert links("(Bakkers ve Gillon, 2003) and (Bakkers, 2003)", [alone, joined]) == [
        ("Bakkers ve Gillon, 2003", 2, "exact"),
        ("Bakkers, 2003", 1, "exact"),
    ]


def test_another_year_prefers_the_entry_with_the_same_letter() -> None:
    a = entry(P("Akkaya"), year=2019, suffix="a", title="A")
    b = entry(P("Akkaya"), year=2019, suffix="b", title="B")
    assert links("(Akkaya, 2021b)", [a, b]) == [("Akkaya, 2021b", 2, "author-only")]


def test_when_neither_year_nor_names_fit_there_is_no_link_but_a_suggestion() -> None:
    pair = entry(
        Organization("Buğralı A ve Keyder C"),
        year=2006,
        raw="Buğralı A ve Keyder C (2006). The welfare regime. Journal.",
    )
    ctx = build("(Buğralı, 2014) and (Buğralı ve Keyder, 2016)", [pair])
    assert [(lk.reference, lk.candidates) for lk in ctx.links] == [(None, (1,)), (1, ())]
    (f,) = rules.citation_without_entry(ctx)
    assert "did you mean" in f.message
    (g,) = rules.year_checks(ctx)
    assert g.code == "X303" and g.citation == "Buğralı ve Keyder, 2016"


def test_a_same_year_entry_spelt_almost_alike_beats_other_years_of_the_name() -> None:
    refs = [
        entry(P("Harvel", "D."), year=1999, title="One"),
        entry(P("Harevel", "D."), year=2003, title="Two"),
        entry(P("Harvel", "D."), year=2006, title="Three"),
    ]
    assert links("(Harvel, 2003: 26-27, 36-37)", refs)[0][1:] == (2, "fuzzy")


def test_a_newspaper_day_picks_the_entry_of_that_day() -> None:
    refs = [
        entry(Organization("Gazetem"), year=1984, raw="Gazetem (04/10/1984). Köylüye silah. 7."),
        entry(Organization("Gazetem"), year=1984, raw="Gazetem, (30/08/1984). Ders verilecek. 7."),
    ]
    got = links("(Gazetem, 30.08.1984; Gazetem, 04.10.1984)", refs)
    assert [r for _, r, _ in got] == [2, 1]


def test_each_day_of_a_several_day_citation_picks_its_issue() -> None:
    refs = [
        entry(Organization("Gazetem"), year=1984, raw="Gazetem, (03/09/1984). Haraç. 11."),
        entry(Organization("Gazetem"), year=1984, raw="Gazetem, (05/09/1984). Operasyon. 6."),
        entry(Organization("Gazetem"), year=1984, raw="Gazetem, (15/09/1984). Yakalandı. 7."),
    ]
    got = links("(Gazetem, 03;05;15.09.1984)", refs)
    assert [r for _, r, _ in got] == [1, 2, 3]


def test_an_abbreviation_in_parentheses_in_the_entry_is_a_key() -> None:
    ayan = entry(
        Organization("Meclis-i Ayan Zabıt Ceridesi (ZC)"),
        year=1923,
        raw="Meclis-i Ayan Zabıt Ceridesi (ZC) (1923). 3. Dönem, Cilt 16.",
    )
    assert links("(TBMM ZC, 1923)", [ayan]) == [("TBMM ZC, 1923", 1, "abbreviation")]


def test_a_year_that_is_no_slip_of_the_pen_is_no_link() -> None:
    zoonen = entry(Person("Zoomen", "L.", "van"), year=1994)
    ctx = build("(van Zoomen, 2002) and (van Zoomen, 1995) and (van Zoomen, 1949)", [zoonen])
    assert [(lk.reference, lk.method, lk.candidates) for lk in ctx.links] == [
        (None, "", (1,)),  # 2002 for 1994: another work → X301 "did you mean"
        (1, "author-only", ()),  # one year off: X303
        (1, "author-only", ()),  # two digits swapped: X303
    ]


def test_an_entry_an_ambiguous_citation_may_mean_is_not_reported_uncited() -> None:
    refs = [entry(P("Kökerli", "L."), year=2007), entry(P("Kökerli", "E."), year=2007, title="B")]
    ctx = build("(Kökerli, 2007: 51)", refs)
    assert [f.code for f in rules.year_checks(ctx)] == ["X308"]
    assert list(rules.entry_not_cited(ctx)) == []


def test_an_enumeration_of_places_and_years_is_no_x301() -> None:
    body = (
        "Since the 1980s, Filipinas (1986), Mongolara (1990), Tayland ve Tayvan (1992) and "
        "Doğu Timora (2002) democratised; Zimmer (2019) disagrees."
    )
    ctx = build(body, [entry(P("Hallen"), year=2021)])
    assert len(ctx.citations) == 5  # "Tayland ve Tayvan (1992)" is one
    assert [f.citation for f in rules.citation_without_entry(ctx)] == ["Zimmer (2019)"]


def test_either_year_of_a_reprinted_entry_is_its_year() -> None:
    testelin = entry(P("Testelin", "Y. G."), year=2003, raw="Testelin, Y. G. (1980 (2003)). Forms.")
    assert links("(Testelin 1980: 6) and (Testelin 2003)", [testelin]) == [
        ("Testelin 1980: 6", 1, "exact"),
        ("Testelin 2003", 1, "exact"),
    ]


def test_a_one_digit_slip_needs_the_names_to_fit() -> None:
    pair = entry(
        Organization("Stocken H ve Heon U"), year=2004, raw="Stocken H ve Heon U (2004). Regions."
    )
    ctx = build("(Stocken, 2001: 110) and (Stocken ve Heon, 2001)", [pair])
    assert [(lk.reference, lk.candidates) for lk in ctx.links] == [(None, (1,)), (1, ())]


def test_a_two_letter_surname_is_a_key_of_its_entry() -> None:
    oh = entry(Organization("Oh J S"), year=2012, raw="Oh J S (2012). Strong state. Journal.")
    assert links("(Oh, 2012: 535)", [oh])[0][1] == 1


def test_no_count_or_spelling_finding_on_an_author_list_the_parser_misread() -> None:
    misread = entry(
        Person("Raimo S", "Hoskyns C ve Thomas D"),
        year=2014,
        raw="Raimo S, Hoskyns C ve Thomas D (2014). Depletion. Journal, 16(1), 86-105.",
    )
    ctx = build("Raimo vd.’nin (2014) kavramı", [misread])
    assert [lk.reference for lk in ctx.links] == [1]
    assert list(rules.author_count(ctx)) == [] and list(rules.author_spelling(ctx)) == []
    fine = entry(P("Raimo", "S."), year=2014)
    assert [f.code for f in rules.author_count(build("Raimo vd.’nin (2014) kavramı", [fine]))] == [
        "X307"
    ]


def test_a_citation_without_a_year_links_the_author_entry_cited_last() -> None:
    a19, a21, b = entry(P("Dorukal"), year=2019), entry(P("Dorukal"), year=2021), entry(P("Usta"))
    body = "(Usta, s. 4) once; (Dorukal, 2021, s. 3) then (Dorukal, s. 9)."
    assert links(body, [a19, a21, b]) == [
        ("Usta, s. 4", 3, "no-year"),
        ("Dorukal, 2021, s. 3", 2, "exact"),
        ("Dorukal, s. 9", 2, "no-year"),
    ]
    ctx = build(body, [a19, a21, b])
    found = [(f.code, f.reference, f.suggestion) for f in rules.citation_without_year(ctx)]
    assert found == [("C210", 3, "(Usta, 2020, s. 4)"), ("C210", 2, "(Dorukal, 2021, s. 9)")]
    assert not list(rules.year_checks(ctx))  # no X303/X304 for a citation that gives no year
    # nothing cited last: the first listed entry, the other named in the message
    first = list(rules.citation_without_year(build("(Dorukal, s. 9).", [a19, a21])))
    assert (first[0].reference, "Dorukal (2021)" in first[0].message) == (1, True)


def test_a_work_without_an_author_cited_by_its_titles_first_words_beats_a_namesake() -> None:
    namesake = entry(P("Орлов", "К."), year=2022, title="Академия")
    untitled = entry(
        raw="Климент Орлов: писатель и мыслитель: библиогр. указ. Тверь, 2001.",
        year=2001,
        title="Климент Орлов: писатель и мыслитель",
    )
    got = links("Как сказано [Климент Орлов, 2001, 13], и [Орлов, 2022].", [namesake, untitled])
    assert got == [("Климент Орлов, 2001", 2, "raw-prefix"), ("Орлов, 2022", 1, "exact")]
    misread = entry(
        Organization("Климент Орлов: Климент Орлов –"),
        raw="Климент Орлов: Климент Орлов – писатель: библиогр. указ. Тверь, 2001.",
        year=2001,
        title="писатель",
    )  # the title's start read as a group author: still a work without a person's name
    got = links("Как сказано [Климент Орлов, 2001, 13], и [Орлов, 2022].", [namesake, misread])
    assert [g[:2] for g in got] == [("Климент Орлов, 2001", 2), ("Орлов, 2022", 1)]


def test_a_colon_typed_for_the_comma_and_glued_to_the_year_is_a_citation() -> None:
    year_entry = entry(P("Coşkun", "O."), year=2024)
    assert links("Bu görüş (Coşkun:2024) yaygındır.", [year_entry]) == [("Coşkun:2024", 1, "exact")]


def test_a_harvard_list_with_particles_and_disambiguating_names_gives_every_work() -> None:
    got = [
        c.text
        for c in extract_citations_from_text(
            "(Cohen et al. 2007, Loi, Marchman, et al. 2017, van Dijk et al. 2013, Yu 2018)"
        )
    ]
    assert got == [
        "Cohen et al. 2007",
        "Loi, Marchman, et al. 2017",
        "van Dijk et al. 2013",
        "Yu 2018",
    ]


def test_the_second_cited_name_picks_the_entry_with_that_second_author() -> None:
    vaca = entry(P("Loi"), P("Vaca"), P("Ashland"), P("Marchman"), year=2017, title="Play")
    marchman = entry(P("Loi"), P("Marchman"), P("Fernald"), year=2017, title="Eye movements")
    got = links("(Loi, Marchman, et al. 2017; Loi, Vaca, et al. 2017)", [vaca, marchman])
    assert [(t, r) for t, r, _ in got] == [
        ("Loi, Marchman, et al. 2017", 2),
        ("Loi, Vaca, et al. 2017", 1),
    ]


def test_a_cyrillic_citation_means_the_russian_entry_of_an_author_listed_in_two_scripts() -> None:
    de = entry(
        P("Krotova", "E."),
        year=2020,
        title="Syntaktische Modifikationen",
        raw="Krotova E. Syntaktische Modifikationen der Phraseme. Hamburg, 2020.",
    )
    ru = entry(
        P("Кротова", "Е. Б."),
        year=2020,
        title="Синтаксическое поведение идиом",
        raw="Кротова Е.Б. Синтаксическое поведение идиом и неидиоматических выражений. 2020.",
    )
    assert [r for _, r, _ in links("[Кротова 2020], [Krotova 2020]", [de, ru])] == [2, 1]


def test_a_work_with_no_author_cited_by_its_titles_first_words_links_when_listed() -> None:
    flora = entry(raw="Флора Самарской области. Учебное пособие. Самара, 2007.", year=2007,
                  title="Флора Самарской области. Учебное пособие")  # fmt: skip
    other = entry(P("Плаксина"), year=2001)
    got = links("ареал (Плаксина, 2001; Флора Самарской области, 2007; Флора южного Урала, 2007).",
                [flora, other])  # fmt: skip
    assert got == [
        ("Плаксина, 2001", 2, "exact"),
        ("Флора Самарской области, 2007", 1, "title"),
    ]  # an unlisted title is prose: no citation, no X301


def test_an_edited_work_with_no_author_is_cited_by_its_editor_in_any_case_form() -> None:
    book = Reference(index=0, raw="Физиология растений / Под ред. Н.М. Чернавской. М., 1988.",
                     span=Span(0, 0), line=0, editors=(P("Чернавской", "Н. М."),), year=1988,
                     title="Физиология растений")  # fmt: skip
    got = links("аберрациям (Чернавская, 1988).", [book])
    assert [(text, ref) for text, ref, _ in got] == [("Чернавская, 1988", 1)]


def test_a_cyrillic_year_letter_typed_for_a_latin_one_is_the_same_letter() -> None:
    works = [entry(P("Say", "S."), year=2018, suffix=s, title=f"T{s}") for s in "abc"]
    got = links("As shown (Say 2018с: 586; Say 2018в).", works)
    assert [(text, ref) for text, ref, _ in got] == [("Say 2018с: 586", 3), ("Say 2018в", 3)]


def test_a_reference_work_cited_by_its_title_links_to_its_authored_entry() -> None:
    grammar = entry(P("Абдурахмонов", "Ғ."), year=1995, title="Ўзбек тили грамматикаси. II том",
                    raw="Абдурахмонов Ғ. Ўзбек тили грамматикаси. II том. – Тошкент, 1995.")  # fmt: skip
    other = entry(P("Грунина", "Э. А."), year=1961)
    got = links("изучал Г.А. Абдурахманов (Ўзбек тили грамматикаси, 1995; Грунина, 1961).",
                [grammar, other])  # fmt: skip
    assert got == [("Ўзбек тили грамматикаси, 1995", 1, "title"), ("Грунина, 1961", 2, "exact")]


def test_a_title_citation_with_a_page_links_and_an_unlisted_title_stays_prose() -> None:
    book = entry(year=1992, title="Doğumunun yüzüncü yılında Ömer Seyfettin",
                 raw="Doğumunun yüzüncü yılında Ömer Seyfettin. – Ankara: TTK, 1992, 166 s.")  # fmt: skip
    got = links("yazırdı (Doğumunun yüzüncü yılında Ömer Seyfettin, 1992: 45). Başqa (Böyük bir kitabın "
                "Adı, 1992: 4).", [book])  # fmt: skip
    assert got == [("Doğumunun yüzüncü yılında Ömer Seyfettin, 1992: 45", 1, "title")]
