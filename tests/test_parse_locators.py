"""Volume, issue and pages however they are written: Vancouver runs, a year opening the numbers,
volumes named before the number, double issues, and volume, edition and pages together in a
chapter's bracket."""

from __future__ import annotations

from refcheck.model import Agent, Reference
from refcheck.parse import parse_string as _parse_string


def parse_string(text: str) -> Reference:
    """These tests pin the grammar's rules (the labeller reads non-APA entries in the pipeline;
    its shapes are pinned in test_parse_labeller.py). The grammar also decides P103."""
    return _parse_string(text, reader="grammar")


def _names(agents: tuple[Agent, ...]) -> list[str]:
    return [a.display for a in agents]


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


def test_volume_written_number_first() -> None:
    r = parse_string("Sabir, M. Ə. (1992). Hophopnamə (2-ci cild). Bakı: Azərnəşr.")
    assert (r.title, r.volume, r.publisher) == ("Hophopnamə", "2", "Azərnəşr")
    r = parse_string("Köprülü, F. (1999). Edebiyat araştırmaları (II. cilt). Ankara: Akçağ.")
    assert (r.title, r.volume) == ("Edebiyat araştırmaları", "II")


def test_azerbaijani_chapter_with_volume_and_pages_in_the_bracket() -> None:
    r = parse_string(
        "Məmmədov, R. (2012). Füzulinin lirikası. T. Kərimli (red.), Klassik ədəbiyyat "
        "(Cild 2, səh. 55-80). Bakı: Təhsil."
    )
    assert r.type == "chapter"
    assert _names(r.editors) == ["Kərimli, T."]
    assert (r.container_title, r.volume, r.pages, r.publisher) == (
        "Klassik ədəbiyyat",
        "2",
        "55-80",
        "Təhsil",
    )


def test_turkish_double_issue_before_pages() -> None:
    r = parse_string(
        "Kaya, M. (2005). Yasama denetimi. İstanbul Hukuk Mecmuası, C. 63, S. 1-2, ss. 101-130."
    )
    assert (r.volume, r.issue, r.pages) == ("63", "1-2", "101-130")


def test_edition_and_turkish_pages_in_one_parenthesis() -> None:
    r = parse_string(
        "Ortaylı, İ. (2005). Osmanlı modernleşmesi. İçinde A. Yılmaz (Ed.), *Türk tarihi* "
        "(3. baskı, ss. 101-140). Ankara: Nobel."
    )
    assert (r.edition, r.pages, r.container_title, r.publisher) == (
        "3",
        "101-140",
        "Türk tarihi",
        "Nobel",
    )


def test_an_issue_with_its_running_number_is_one_issue() -> None:
    from refcheck.parse import parse_string as read

    r = read("Петров И.И. Статья о сети // Вестник ЛГТУ. 2016. № 2(28). С. 16–24.")
    assert (r.volume, r.issue, r.pages) == ("", "2(28)", "16–24")
    r = read("Orlov A.V. Title of a paper. Vestnik nauki, 2005, No 2 (42), pp. 69–75.")
    assert (r.volume, r.issue) == ("", "2 (42)")


def test_a_volume_and_issue_after_n_and_a_year_in_brackets_stay_what_they_are() -> None:
    from refcheck.parse import parse_string as read

    r = read("Tansley A.G. The use of terms // Ecology. 1935. N 16 (3). P. 284–307.")
    assert (r.volume, r.issue) == ("16", "3")
    r = read("Петров И.И. Статья // Журнал науки. 2016. Т. 5, № 2(28). С. 16–24.")
    assert (r.volume, r.issue) == ("5", "2(28)")


def test_a_physics_journal_gives_its_page_after_the_bracketed_year() -> None:
    from refcheck.parse import parse_string as read

    r = read("A. Author and B. Writer, “A broken symmetry”, Phys. Rev. Lett. 13 (1964) 321, "
             "doi:10.1103/PhysRevLett.13.321.")  # fmt: skip
    assert (r.volume, r.year, r.pages) == ("13", 1964, "321")


def test_an_english_no_with_its_running_number_and_a_western_volume_and_issue() -> None:
    from refcheck.parse import parse_string as read

    r = read("Melnik M. A. Types of drones. Chief Mechanic. 2024, vol. 21, no. 6 (250), "
             "pp. 15–24. (In Russ.)")  # fmt: skip
    assert (r.volume, r.issue, r.pages) == ("21", "6 (250)", "15–24")
    r = read("Ehren E. Intact ceruloplasmin / E. Ehren, G. M. Chis // The Journal of Clinical "
             "Investigation. – 1994. – No. 93 (4). – P. 1493–1501.")  # fmt: skip
    assert (r.volume, r.issue) == ("93", "4")
