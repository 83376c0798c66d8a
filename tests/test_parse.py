"""The parse stage: API contract, every field family, languages, robustness and speed safety."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from helpers import load_eval_parse
from hypothesis import given, settings
from hypothesis import strategies as st

from refcheck.model import Organization, ParseStatus, PartialDate, Person, RawEntry, Script, Span
from refcheck.parse import parse_date, parse_entries, parse_entry, parse_string, parse_text

ROOT = Path(__file__).resolve().parent.parent


# --------------------------------------------------------------------------- API contract


def test_parse_entry_keeps_index_raw_span_line() -> None:
    e = RawEntry(
        index=7,
        text="Walt, S. M. (1987). *The origins of alliances*. Cornell.",
        span=Span(100, 156),
        line=12,
    )
    r = parse_entry(e)
    assert (r.index, r.raw, r.span, r.line) == (7, e.text, Span(100, 156), 12)
    assert r.status is ParseStatus.PARSED


def test_parse_entries_same_order_and_count() -> None:
    entries = [
        RawEntry(i, t, Span(0, len(t)), i)
        for i, t in enumerate(["Walt, S. M. (1987). *Alliances*. Cornell.", "", "x"], 1)
    ]
    refs = parse_entries(entries)
    assert [r.index for r in refs] == [1, 2, 3]
    assert [r.status for r in refs] == [
        ParseStatus.PARSED,
        ParseStatus.UNPARSED,
        ParseStatus.UNPARSED,
    ]
    assert refs[1].reason == "no words in the entry"


def test_parse_text_strips_bullets_and_keeps_offsets() -> None:
    text = (
        "- Walt, S. M. (1987). *Alliances*. Cornell.\n\n2. Rose, G. (1998). Title. *WP*, 51, 1–2.\n"
    )
    refs = parse_text(text)
    assert len(refs) == 2
    assert refs[0].span.slice(text).startswith("Walt, S. M.")
    assert refs[1].span.slice(text) == "Rose, G. (1998). Title. *WP*, 51, 1–2."
    assert (refs[0].line, refs[1].line) == (1, 3)
    assert refs[1].index == 2


# --------------------------------------------------------------------------- authors


@pytest.mark.parametrize(
    ("entry", "authors", "et_al"),
    [
        (
            "Memmedov, A., & Hasanoğlu, M. (2023). T. *J*, 6(2), 1–2.",
            (Person("Memmedov", "A."), Person("Hasanoğlu", "M.")),
            False,
        ),
        (
            "King, M. L., Jr. (1963). *Why we can't wait*. Harper & Row.",
            (Person("King", "M. L.", suffix="Jr."),),
            False,
        ),
        (
            "von Neumann, J., & Morgenstern, O. (1944). *Games*. Princeton University Press.",
            (Person("Neumann", "J.", particle="von"), Person("Morgenstern", "O.")),
            False,
        ),
        (
            "van der Leeuw, C. (2000). *Azerbaijan*. St. Martin's Press.",
            (Person("Leeuw", "C.", particle="van der"),),
            False,
        ),
        (
            "МИД России. (2021, June 17). *Брифинг*. https://mid.ru/ru/1",
            (Organization("МИД России"),),
            False,
        ),
        (
            "World Health Organization [WHO]. (2020). *Report*. WHO.",
            (Organization("World Health Organization", "WHO"),),
            False,
        ),
        (
            "Lobell, S. E., et al. (2009). *Neoclassical realism*. Cambridge University Press.",
            (Person("Lobell", "S. E."),),
            True,
        ),
        (
            'Taliaferro, Jeffrey W. Et. al. "Intro". Book. Cambridge: CUP, 2009.',
            (Person("Taliaferro", "Jeffrey W."),),
            True,
        ),
        (
            "Березовский, Г. (2020, December 9). Парад. Газета.Ru. https://www.gazeta.ru/1",
            (Person("Березовский", "Г."),),
            False,
        ),
    ],
)
def test_authors(entry: str, authors: tuple[object, ...], et_al: bool) -> None:
    r = parse_string(entry)
    assert r.authors == authors
    assert r.et_al is et_al


def test_twenty_one_authors_with_ellipsis() -> None:
    names = ", ".join(f"{c}oe, {c}." for c in "ABCDEFGHIJKLMNOPQRS")
    r = parse_string(f"{names}, . . . Last, L. (2020). Big team science. *Nature*, *580*, 1–5.")
    assert len(r.authors) == 20
    assert r.authors[-1] == Person("Last", "L.")
    assert r.container_title == "Nature"


def test_edited_book_puts_names_in_editors() -> None:
    r = parse_string("Oran, B. (Ed.). (2001). *Türk dış politikası* (Cilt 1). İletişim Yayınları.")
    assert r.authors == ()
    assert r.editors == (Person("Oran", "B."),)
    assert (r.volume, r.publisher, r.type, r.status) == (
        "1",
        "İletişim Yayınları",
        "book",
        ParseStatus.PARSED,
    )


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("date_text", "year", "suffix", "date", "flags"),
    [
        ("(2020)", 2020, "", None, ()),
        ("(2020b, September 27)", 2020, "b", PartialDate(2020, 9, 27), ()),
        ("(2020, 10 Kasım)", 2020, "", PartialDate(2020, 11, 10), ()),
        ("(2020, 27 сентября)", 2020, "", PartialDate(2020, 9, 27), ()),
        ("(2021, 15 iyun)", 2021, "", PartialDate(2021, 6, 15), ()),
        ("(2019, Spring)", 2019, "", None, ()),
        ("(n.d.)", None, "", None, ("no_date",)),
        ("(n.d.-b)", None, "b", None, ("no_date",)),
        ("(in press)", None, "", None, ("in_press",)),
        ("(t.y.)", None, "", None, ("no_date",)),
    ],
)
def test_date_element(
    date_text: str, year: int | None, suffix: str, date: PartialDate | None, flags: tuple[str, ...]
) -> None:
    r = parse_string(f"Walt, S. M. {date_text}. *The origins of alliances*. Cornell.")
    assert (r.year, r.year_suffix, r.date) == (year, suffix, date)
    assert r.no_date is ("no_date" in flags)
    assert r.in_press is ("in_press" in flags)
    assert r.title == "The origins of alliances"


def test_original_year_both_forms() -> None:
    a = parse_string("Piaget, J. (1952/1999). *The origins of intelligence*. Routledge.")
    assert (a.year, a.original_year) == (1999, 1952)
    b = parse_string(
        "Freud, S. (1961). *The ego and the id* (J. Strachey, Trans.). Norton. "
        "(Original work published 1923)"
    )
    assert (b.year, b.original_year, b.title, b.publisher) == (
        1961,
        1923,
        "The ego and the id",
        "Norton",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("July 20, 2024", PartialDate(2024, 7, 20)),
        ("20 July 2024", PartialDate(2024, 7, 20)),
        ("20 Temmuz 2024", PartialDate(2024, 7, 20)),
        ("20 июля 2024", PartialDate(2024, 7, 20)),
        ("21 Октября 2020", PartialDate(2020, 10, 21)),
        ("5 oktyabr 2020", PartialDate(2020, 10, 5)),
        ("12 Mart 2024", PartialDate(2024, 3, 12)),
        ("20.07.2024", PartialDate(2024, 7, 20)),
        ("2024-07-20", PartialDate(2024, 7, 20)),
        ("Sept. 3, 2019", PartialDate(2019, 9, 3)),
        ("İyul 2020", PartialDate(2020, 7)),
        ("no date here", None),
    ],
)
def test_parse_date_languages(text: str, expected: PartialDate | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("phrase", "accessed"),
    [
        ("Retrieved July 20, 2024, from", PartialDate(2024, 7, 20)),
        ("Erişim tarihi: 20 Temmuz 2024,", PartialDate(2024, 7, 20)),
        ("Дата обращения: 20 июля 2024.", PartialDate(2024, 7, 20)),
        ("Accessed 20 July 2024.", PartialDate(2024, 7, 20)),
    ],
)
def test_retrieval_date(phrase: str, accessed: PartialDate) -> None:
    r = parse_string(
        f"AZTV. (2020, December 10). *Zəfər paradı*. Aztv.az. {phrase} "
        "https://aztv.az/az/news/10691"
    )
    assert r.accessed == accessed
    assert r.url == "https://aztv.az/az/news/10691"
    assert r.container_title == "Aztv.az"


# --------------------------------------------------------------------------- identifiers


@pytest.mark.parametrize(
    ("tail", "url"),
    [
        # a PDF copy broke the line inside the link: the pieces are one address
        (
            "http://www.ab.gov.tr/ files/2013%20rapor/rapor_tr.pdf",
            "http://www.ab.gov.tr/files/2013%20rapor/rapor_tr.pdf",
        ),
        (
            "http://www.tepav.org.tr/files/r1004.Siyasi_Kriterler. pdf",
            "http://www.tepav.org.tr/files/r1004.Siyasi_Kriterler.pdf",
        ),
        ("https://tr.euronews. com/2022/06/09/haber", "https://tr.euronews.com/2022/06/09/haber"),
        (
            "https://moluch.ru /th/4/archive/29/809/ (дата обращения: 01.02.2020).",
            "https://moluch.ru/th/4/archive/29/809/",
        ),
        # what is glued to its end is not the link
        (
            "[http://dialog-21.ru/m/163.pdf](http://dialog-21.ru/m/163.pdf)",
            "http://dialog-21.ru/m/163.pdf",
        ),
        (
            "https://www.bbc.com/news/monitor-28802646(accessed 5 May 2020).",
            "https://www.bbc.com/news/monitor-28802646",
        ),
        # a date or a year after it stays a date
        ("http://x.org/a. 11/04/2019", "http://x.org/a"),
        ("http://x.org/. 2019.", "http://x.org/"),
    ],
)
def test_a_link_is_read_whole_and_nothing_more(tail: str, url: str) -> None:
    assert parse_string(f"Kaya, A. (2013). Bir rapor. {tail}").url == url


@pytest.mark.parametrize(
    ("tail", "doi", "doi_raw"),
    [
        ("https://doi.org/10.2307/2539204", "10.2307/2539204", "https://doi.org/10.2307/2539204"),
        (
            "http://dx.doi.org/10.2307/2539204.",
            "10.2307/2539204",
            "http://dx.doi.org/10.2307/2539204",
        ),
        (
            "doi:10.1163/157180610X488173",
            "10.1163/157180610X488173",
            "doi:10.1163/157180610X488173",
        ),
        (
            "DOI: 10.1017/S0043887100007814;",
            "10.1017/S0043887100007814",
            "DOI: 10.1017/S0043887100007814",
        ),
        ("10.1002/(SICI)1097-4571(199009)41:6<391::AID-ASI1>3.0.CO;2-9", "", ""),
        (
            "10.1080/14683849.2013.802920,",
            "10.1080/14683849.2013.802920",
            "10.1080/14683849.2013.802920",
        ),
        (
            "HTTPS://DOI.ORG/10.1017/CBO9780511811869)",
            "10.1017/CBO9780511811869",
            "HTTPS://DOI.ORG/10.1017/CBO9780511811869",
        ),
    ],
)
def test_doi_forms(tail: str, doi: str, doi_raw: str) -> None:
    r = parse_string(
        f"Rose, G. (1998). Neoclassical realism. *World Politics*, *51*(1), 144–172. {tail}"
    )
    if doi:
        assert (r.doi, r.doi_raw) == (doi, doi_raw)
    else:  # a DOI with angle brackets is cut at "<"; the prefix part is still found
        assert r.doi.startswith("10.1002/(SICI)1097-4571(199009)41:6")
    assert (r.volume, r.issue, r.pages) == ("51", "1", "144–172")


# --------------------------------------------------------------------------- types and fields


def test_journal_article_fields() -> None:
    r = parse_string(
        "Friedberg, A. L. (1993). Ripe for rivalry: Prospects for peace in a "
        "multipolar Asia. *International Security*, *18*(3), 5–33. "
        "https://doi.org/10.2307/2539204"
    )
    assert r.type == "article-journal"
    assert r.title == "Ripe for rivalry: Prospects for peace in a multipolar Asia"
    assert (r.container_title, r.volume, r.issue, r.pages) == (
        "International Security",
        "18",
        "3",
        "5–33",
    )
    assert r.apa_conformant and r.nonconformities == ()


def test_chapter_with_editors_pages_and_edition() -> None:
    r = parse_string(
        "Ripsman, N. M. (2009). Neoclassical realism and domestic interest groups. "
        "In S. E. Lobell, N. M. Ripsman, & J. W. van der Taliaferro (Eds.), "
        "*Neoclassical realism* (2nd ed., pp. 170–193). Cambridge University Press."
    )
    assert r.type == "chapter"
    assert r.title == "Neoclassical realism and domestic interest groups"
    assert r.editors == (
        Person("Lobell", "S. E."),
        Person("Ripsman", "N. M."),
        Person("Taliaferro", "J. W.", particle="van der"),
    )
    assert (r.container_title, r.pages, r.edition, r.publisher) == (
        "Neoclassical realism",
        "170–193",
        "2",
        "Cambridge University Press",
    )


def test_thesis_genre_and_institution() -> None:
    r = parse_string(
        "Yılmaz, S. (2018). *Türkiye-Azerbaycan ilişkilerinde enerji faktörü* "
        "[Yüksek lisans tezi, Ankara Üniversitesi]. YÖK Ulusal Tez Merkezi."
    )
    assert (r.type, r.genre, r.publisher) == ("thesis", "Yüksek lisans tezi", "Ankara Üniversitesi")
    assert r.title == "Türkiye-Azerbaycan ilişkilerinde enerji faktörü"


def test_translated_title_in_brackets() -> None:
    r = parse_string(
        "Лавров, С. В. (2019). Мир на перепутье [The world at a crossroads]. "
        "*Россия в глобальной политике*, *17*(2), 8–18."
    )
    assert (r.title, r.title_translation) == ("Мир на перепутье", "The world at a crossroads")
    assert r.script is Script.CYRILLIC


def test_report_number_and_group_author() -> None:
    r = parse_string(
        "International Crisis Group. (2020). *Improving prospects for peace* "
        "(Europe Report No. 264). https://www.crisisgroup.org/264"
    )
    assert (r.type, r.title) == ("report", "Improving prospects for peace")


def test_newspaper_and_magazine() -> None:
    n = parse_string(
        "Gall, C. (2020, October 11). Azerbaijan and Armenia trade blame. "
        "*The New York Times*. https://www.nytimes.com/2020/10/11/x.html"
    )
    assert (n.type, n.container_title) == ("article-newspaper", "The New York Times")
    m = parse_string(
        'Hecht, E. (2022). "Drones in the War". *Military Strategy Magazine* 7(4), 31-37.'
    )
    assert (m.type, m.volume, m.issue, m.pages) == ("article-magazine", "7", "4", "31-37")
    assert m.nonconformities == (
        "title in quotation marks",
        "no comma between the journal title and the volume",
    )


def test_chicago_book_with_place_and_edition() -> None:
    r = parse_string(
        "Morgenthau, Hans J. *Politics Among Nations*. Alfred A. Knopf, 5. Edition,1972."
    )
    assert (r.type, r.edition, r.publisher, r.year) == ("book", "5", "Alfred A. Knopf", 1972)
    assert not r.apa_conformant
    assert "year at the end instead of after the authors" in r.nonconformities


def test_plain_text_journal_without_italics() -> None:
    r = parse_string(
        "Deerwester, S., & Harshman, R. (1990). Indexing by latent semantic analysis. "
        "Journal of the American Society for Information Science, 41, 391-407."
    )
    assert (r.type, r.container_title, r.volume, r.pages) == (
        "article-journal",
        "Journal of the American Society for Information Science",
        "41",
        "391-407",
    )


def test_partial_when_no_date() -> None:
    r = parse_string("Cornell, S. E. *Azerbaijan since independence*. Routledge.")
    assert r.status is ParseStatus.PARTIAL
    assert r.reason == "no date recognised"
    assert r.title == "Azerbaijan since independence"


@pytest.mark.parametrize(
    ("entry", "script"),
    [
        ("Rose, G. (1998). Title. *WP*, 51, 1–2.", Script.LATIN),
        ("Тренин, Д. (2011). *Пост-империум*. РОССПЭН.", Script.CYRILLIC),
        ("Тренин, Д. (2011). *Post-imperium: A Eurasian story*. Carnegie.", Script.MIXED),
        ("12345 ---", Script.NONE),
    ],
)
def test_script(entry: str, script: Script) -> None:
    assert parse_string(entry).script is script


# --------------------------------------------------------------------------- accuracy floor


@pytest.mark.parametrize(
    ("split", "batch", "floor"),
    [
        ("dev", "h1", 0.97),
        ("heldout", "h1", 0.97),
        ("heldout", "h2", 0.97),
        ("heldout", "h3", 0.95),
    ],
)
def test_multilingual_field_accuracy(split: str, batch: str, floor: float) -> None:
    """h1: the first author's labelled set; h2 (45) and h3 (30): entries in styles the grammar
    was not built for, labelled before the first parse (h2 0.74 then, h3 0.89 when first
    measured after the second round); the floors keep the later gains."""
    ev = load_eval_parse()
    recs = ev.load_jsonl(ROOT / "tests" / "data" / "refs_multilingual.jsonl", split, batch)  # type: ignore[attr-defined]
    assert len(recs) >= 30
    assert {r["lang"] for r in recs} == {"en", "tr", "az", "ru"}
    sc = ev.score(recs)  # type: ignore[attr-defined]
    assert sc.accuracy >= floor, sc.misses[:10]


# --------------------------------------------------------------------------- robustness


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("aZ,.;:()[]*\"'“”«» -&/0123456789ğİəжЖ\t")), max_size=200)
)
def test_never_raises(text: str) -> None:
    r = parse_string(text)
    assert r.raw == text
    assert r.status in tuple(ParseStatus)
    if r.status is ParseStatus.UNPARSED:
        assert r.reason


ADVERSARIAL = [
    "(" * 100_000,
    "a. " * 33_000,
    "Smith, " * 14_000,
    "*" + "word " * 20_000,
    "A. " * 33_000 + "(2020).",
    '"' + "x, " * 33_000,
    "In " + "A. B., " * 14_000 + "(Eds.),",
    "Retrieved " * 10_000 + "from",
    "10." + "1" * 50_000 + "/" + "x" * 50_000,
    "Title " + "1(2), " * 16_000,
    "(2020, " + "Sept " * 20_000 + ")",
    # patterns added for plain-text, Harvard, GOST-book and Vancouver entries
    "Available " * 10_000 + "from x website:",
    "Smith, J. " * 10_000 + "2010. Title.",
    "Title / " * 14_000 + "М.: Наука, 2010.",
    "Smith, J. (2010). Title. " + "Journal, 1, " * 8_000,
    "Smith, J. (2010). Title. " + "Place: " * 14_000,
    "Smith, J. (2010). Title. " + "Syst. " * 16_000 + "18: 1-2.",
    "Smith, J. (2010). Title " + "x. y, " * 16_000 + "Journal 12(3), 45-67.",
    "Smith, J. (2010). Title. " + "1. Place: " * 10_000,
    "Smith MJ, " * 10_000 + "2013. Title.",
    "<i>" * 20_000 + "x" + "</italic>" * 5_000,
    "Smith, J. (2010). Title. In " + "A. B. (Eds.), " * 7_000,
    "Smith, J. (2010). Title. " + "7. Press " * 12_000,
    "Smith, J. (2010). Title. Proceedings of " + "x, 1-2 " * 14_000,
]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=[str(i) for i in range(len(ADVERSARIAL))])
def test_linear_on_adversarial_100kb(text: str) -> None:
    t0 = time.perf_counter()
    parse_string(text)
    assert time.perf_counter() - t0 < 2.0


# --------------------------------------------------------------------------- regional forms


def test_turkish_ve_and_missing_ampersand() -> None:
    r = parse_string("Yılmaz, A. ve Kaya, B. (2020). Türk dış politikası. *Bilig*, 12(2), 45-67.")
    assert r.authors == (Person("Yılmaz", "A."), Person("Kaya", "B."))
    assert r.nonconformities == ("'and' instead of '&' before the last author",)
    r2 = parse_string("Petrov, A. A., Sidorov, B. B. (2018). Title here. *Polis*, 4, 1-10.")
    assert r2.nonconformities == ("no '&' before the last author",)


def test_initials_without_comma() -> None:
    r = parse_string("Иванов И.И. (2019). Название статьи. *Вестник МГУ*, 3, 10–20.")
    assert r.authors == (Person("Иванов", "И.И."),)
    assert r.nonconformities == ("no comma between surname and initials",)


def test_gost_article_and_book() -> None:
    a = parse_string(
        "Иванов И. И., Петров П. П. Название статьи // Вестник МГУ. 2019. Т. 5, № 3. С. 10–20."
    )
    assert a.authors == (Person("Иванов", "И. И."), Person("Петров", "П. П."))
    assert (a.type, a.title, a.container_title, a.year) == (
        "article-journal",
        "Название статьи",
        "Вестник МГУ",
        2019,
    )
    assert (a.volume, a.issue, a.pages) == ("5", "3", "10–20")
    assert not a.apa_conformant
    b = parse_string("Иванов И. И. Название книги. М.: Наука, 2019. 300 с.")
    assert (b.type, b.title, b.place, b.publisher, b.year) == (
        "book",
        "Название книги",
        "М.",
        "Наука",
        2019,
    )


def test_article_number_and_thesis_publication_number() -> None:
    a = parse_string(
        "Aliyev, I. (2020). Title of article. *Journal*, *5*(2), Article e12345. "
        "https://doi.org/10.1234/xyz"
    )
    assert (a.volume, a.issue, a.pages, a.doi) == ("5", "2", "Article e12345", "10.1234/xyz")
    t = parse_string(
        "Öztürk, Ç. (2021). Title (Publication No. 12345) [Doctoral dissertation, "
        "Marmara University]. ProQuest."
    )
    assert (t.type, t.title, t.genre, t.publisher) == (
        "thesis",
        "Title",
        "Doctoral dissertation",
        "Marmara University",
    )


def test_turkish_icinde_chapter() -> None:
    r = parse_string(
        "Kaya, A. (2019). Bölüm başlığı. A. Yılmaz (Ed.), *Kitap adı* içinde (ss. 45–67). "
        "Nobel Yayınları."
    )
    assert (r.type, r.title, r.container_title, r.pages, r.publisher) == (
        "chapter",
        "Bölüm başlığı",
        "Kitap adı",
        "45–67",
        "Nobel Yayınları",
    )
    assert r.editors == (Person("Yılmaz", "A."),)


def test_russian_chapter_with_cyrillic_page_label() -> None:
    r = parse_string(
        "Иванов, И. И. (2018). Глава книги. В А. Б. Петров (Ред.), *Название книги* (с. 10–20). "
        "Наука."
    )
    assert (r.type, r.container_title, r.pages, r.publisher) == (
        "chapter",
        "Название книги",
        "10–20",
        "Наука",
    )
    assert r.editors == (Person("Петров", "А. Б."),)


def test_no_author_work_title_first() -> None:
    r = parse_string(
        "*Merriam-Webster's collegiate dictionary* (11th ed.). (2003). Merriam-Webster."
    )
    assert (r.title, r.edition, r.year, r.publisher, r.authors) == (
        "Merriam-Webster's collegiate dictionary",
        "11",
        2003,
        "Merriam-Webster",
        (),
    )
    assert r.status is ParseStatus.PARSED


def test_paper_presentation_and_turkish_original_note() -> None:
    p = parse_string(
        "Smith, A. (2019, May 5–7). *Drone warfare in the Caucasus* [Paper presentation]. "
        "International Studies Association Annual Convention, Toronto, Canada."
    )
    assert (p.type, p.genre, p.date) == (
        "paper-conference",
        "Paper presentation",
        PartialDate(2019, 5, 5),
    )
    t = parse_string(
        "Pamuk, O. (2006). *Benim adım Kırmızı* (E. Gökner, Çev.). İletişim. "
        "(Orijinal eser 1998 tarihinde yayımlanmıştır)"
    )
    assert (t.title, t.publisher, t.original_year) == ("Benim adım Kırmızı", "İletişim", 1998)


def test_issue_only_leaves_volume_empty() -> None:
    r = parse_string(
        "Kasım, K. (2012). Türkiye-Azerbaycan ilişkileri. *Karadeniz Araştırmaları*, (35), 1–24."
    )
    assert (r.volume, r.issue, r.pages) == ("", "35", "1–24")


STR_FIELDS = (
    "raw", "type", "year_suffix", "title", "title_translation", "container_title", "volume",
    "issue", "pages", "edition", "publisher", "place", "genre", "doi", "doi_raw", "url",
    "language", "reason",
)  # fmt: skip


def test_field_types_hold_on_every_labelled_entry() -> None:
    """Frozen dataclasses do not check types; make sure no None slips into a str field."""
    ev = load_eval_parse()
    recs = ev.load_jsonl(ROOT / "tests" / "data" / "refs_multilingual.jsonl")  # type: ignore[attr-defined]
    for rec in recs:
        r = parse_string(rec["text"])
        for name in STR_FIELDS:
            assert isinstance(getattr(r, name), str), (rec["id"], name)
        assert all(isinstance(a, (Person, Organization)) for a in r.authors + r.editors)
        assert r.year is None or isinstance(r.year, int)


def test_turkish_access_phrase_after_the_link_is_the_access_date_not_the_year() -> None:
    r = parse_string(
        "TÜİK. (t.y.). Nüfus istatistikleri. https://www.tuik.gov.tr/ adresinden 12.05.2020 "
        "tarihinde erişilmiştir."
    )
    assert (r.year, r.no_date, r.accessed) == (None, True, PartialDate(2020, 5, 12))
    assert r.url == "https://www.tuik.gov.tr/"
    assert r.title == "Nüfus istatistikleri"


def test_a_german_apa_chapter_with_its_imprint_and_pages_after_commas() -> None:
    ref = parse_string(
        "Bergmann, J. (2008). Medienethnographie. In: U. Sander; F. von Gross & K.-U. Hugger "
        "(Hrsg.), Handbuch Medienpädagogik, Wiesbaden: VS Verlag für Sozialwissenschaften, 328-334."
    )
    assert ref.type == "chapter"
    assert (ref.container_title, ref.place, ref.publisher, ref.pages) == (
        "Handbuch Medienpädagogik",
        "Wiesbaden",
        "VS Verlag für Sozialwissenschaften",
        "328-334",
    )
    assert [a.display for a in ref.editors] == ["Sander, U.", "von Gross, F.", "Hugger, K.-U."]


@pytest.mark.parametrize(
    ("block", "families"),
    [
        ("Goode, W. J., y Hatt, P. K.", ["Goode", "Hatt"]),
        ("Silva, J., e Souza, M.", ["Silva", "Souza"]),
        ("Ortega y Gasset, J.", ["Ortega y Gasset"]),  # one name: no comma before "y"
    ],
)
def test_spanish_and_portuguese_conjunctions_after_a_comma_join_names(
    block: str, families: list[str]
) -> None:
    from refcheck.parse.names import _parse_author_block, read_names

    for agents in (_parse_author_block(block).agents, read_names(block)[0]):
        assert [a.family for a in agents if isinstance(a, Person)] == families
