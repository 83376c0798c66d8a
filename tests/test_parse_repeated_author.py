"""A dash for the previous entry's authors (``———. 2019b. Title``, Chicago and MLA): the entry
takes those authors, so its citations find it, and says that APA 7 writes the names again."""

from __future__ import annotations

from refcheck.model import Person, RawEntry, Span
from refcheck.parse import parse_entries


def entries(*texts: str) -> list[RawEntry]:
    return [RawEntry(index=i, text=t, span=Span(0, len(t)), line=i) for i, t in enumerate(texts, 1)]


def test_a_dash_takes_the_previous_entrys_authors() -> None:
    refs = parse_entries(
        entries(
            "Bolton, E. I., and A. S. Sapper. 2019a. “Bi-LSTM Model for Segmentation.” "
            "In Proceedings of AINL 2019, 151–60. Springer.",
            "———. 2019b. “Comparing Models of Morpheme Analysis.” In Proceedings 2019, 5–9.",
            "———. 2020. “An Experimental Study.” In CMCL, 79–89.",
        )
    )
    first = (Person("Bolton", "E. I."), Person("Sapper", "A. S."))
    assert [r.authors for r in refs] == [first, first, first]
    assert [r.year_suffix for r in refs] == ["a", "b", ""]
    assert "author replaced by a dash (APA 7 writes the names again)" in refs[1].nonconformities
    assert not refs[2].apa_conformant


def test_a_dash_with_nothing_before_it_stays_without_authors() -> None:
    (ref,) = parse_entries(entries("———. 2020. “An Experimental Study.” In CMCL, 79–89."))
    assert ref.authors == ()


def test_a_dash_without_its_period_still_repeats_the_authors() -> None:
    refs = parse_entries(
        entries(
            "Varga, Karl. “Bushidō or Bull?” The History Teacher 27, no. 3 (1994): 339–349.",
            "______ Legacies of the Sword. University of Hawai’i Press, 1997.",
            "———The Successors of Genghis Khan. New York: Columbia University Press, 1971.",
            "Lund, J. (2000). A title with ---- inside. Journal, 3, 4.",
        )
    )
    varga = (Person("Varga", "Karl"),)
    assert [r.authors for r in refs[:3]] == [varga, varga, varga]
    assert refs[2].title == "The Successors of Genghis Khan"
    assert refs[3].authors == (Person("Lund", "J."),)


def test_one_dash_before_the_date_repeats_the_authors_as_biblatex_writes_it() -> None:
    refs = parse_entries(
        entries(
            "Fisman, R. and Gatti, R. (2002a). “Decentralization and Corruption”. In: Journal "
            "of Public Economics 83.3, pp. 325–345.",
            "— (2002b). “Decentralization and Corruption: Evidence from US federal transfer "
            "programs”. In: Public Choice 113.1-2, pp. 25–35.",
        )
    )
    assert refs[1].authors == (Person("Fisman", "R."), Person("Gatti", "R."))
    assert (refs[1].year, refs[1].year_suffix) == (2002, "b")


def test_a_dash_with_an_editors_role_makes_the_previous_authors_editors() -> None:
    refs = parse_entries(
        entries(
            "Lynch, Deidre. The Economy of Character. Chicago: U of Chicago P, 1998. Print.",
            "――――. The Lost Childhood. London: Eyre, 1951.",
            "-----, ed. Janeites: Austen’s Disciples and Devotees. Princeton: Princeton UP, 2000.",
            "______. (ed. and trans.) A Traveller's Narrative. Cambridge: Cambridge UP, 1891.",
        )
    )
    lynch = (Person("Lynch", "Deidre"),)
    assert refs[1].authors == lynch  # a horizontal bar is a dash too
    assert [(r.authors, r.editors) for r in refs[2:]] == [((), lynch), ((), lynch)]
    assert [r.title for r in refs[1:]] == [
        "The Lost Childhood",
        "Janeites: Austen’s Disciples and Devotees",
        "A Traveller's Narrative",
    ]


def test_a_translators_name_after_the_dash_is_no_part_of_the_title() -> None:
    refs = parse_entries(
        entries(
            "Bahá'u'lláh. Gleanings. Wilmette: Bahá'í Publishing Trust, 1952.",
            "——. trans. E. G. Browne. A Traveller's Narrative. New York: Bahá'í, 1930.",
            "——. Translation and Identity. London: Verso, 2001.",
        )
    )
    assert [r.title for r in refs[1:]] == ["A Traveller's Narrative", "Translation and Identity"]
    assert refs[1].authors == refs[0].authors and refs[1].editors == ()
