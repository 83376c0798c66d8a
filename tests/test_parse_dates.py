"""Dates beyond the year: months and days in Vancouver, Harvard and Azerbaijani Cyrillic entries,
and a bracketed issue that is not an APA date."""

from __future__ import annotations

from refcheck.model import Agent, Reference
from refcheck.parse import parse_string as _parse_string


def parse_string(text: str) -> Reference:
    """These tests pin the grammar's rules (the labeller reads non-APA entries in the pipeline;
    its shapes are pinned in test_parse_labeller.py). The grammar also decides P103."""
    return _parse_string(text, reader="grammar")


def _names(agents: tuple[Agent, ...]) -> list[str]:
    return [a.display for a in agents]


def test_vancouver_date_with_month_before_the_numbers() -> None:
    r = parse_string("Kim S, Cho H. Outcomes of hernia repair. Ann Surg. 2015 Mar; 261(3): 432-7.")
    assert (r.container_title, r.volume, r.issue, r.pages) == ("Ann Surg", "261", "3", "432-7")
    assert r.date is not None and (r.date.year, r.date.month) == (2015, 3)


def test_an_issue_in_brackets_after_a_number_is_not_an_apa_date() -> None:
    r = parse_string("Tan J, Ho K. Smoking and stroke. Lancet 2010; 375(9712): 100-5.")
    assert (r.year, r.volume, r.issue, r.container_title) == (2010, "375", "9712", "Lancet")
    assert _names(r.authors) == ["Tan, J", "Ho, K"]


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


def test_azerbaijani_cyrillic_month_names() -> None:
    r = parse_string("Һүсејнов Р. Јени китаб // Әдәбијјат вә инҹәсәнәт. 1975. 3 нојабр. С. 4.")
    assert r.date is not None and (r.date.year, r.date.month, r.date.day) == (1975, 11, 3)
    assert r.type == "article-newspaper"
