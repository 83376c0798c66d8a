"""The cite stage: what is extracted, with which fields and spans, and what is not a citation."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refcheck.cite import extract_citations, extract_citations_from_text
from refcheck.model import Citation, Document, Span

PERM = "Permanent Representation of the Republic of Azerbaijan to the Council of Europe"


def one(text: str) -> Citation:
    cs = extract_citations_from_text(text)
    assert len(cs) == 1, cs
    return cs[0]


def summary(text: str) -> list[tuple[str, str, tuple[str, ...], str]]:
    return [(c.kind, c.text, c.authors, c.year_text) for c in extract_citations_from_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("as shown (Rose, 1998).", (("Rose",), 1998, "", "", "")),
        ("as shown (Rose, 1998, p. 146).", (("Rose",), 1998, "", "p. 146", "p.")),
        ("(Hecht, 2022, pp. 32–33)", (("Hecht",), 2022, "", "pp. 32–33", "pp.")),
        ("(Rose, 1998: 146)", (("Rose",), 1998, "", "146", "colon")),
        ("(Friedberg, 1993: 29-30)", (("Friedberg",), 1993, "", "29-30", "colon")),
        ("(Smith, 2020, para. 4)", (("Smith",), 2020, "", "para. 4", "para.")),
        (
            "(Ministry of Foreign Affairs of the Republic of Türkiye, 2020b)",
            (("Ministry of Foreign Affairs of the Republic of Türkiye",), 2020, "b", "", ""),
        ),
        (
            "(President of Azerbaijan Republic, 2020e)",
            (("President of Azerbaijan Republic",), 2020, "e", "", ""),
        ),
        (
            f"({PERM}, 2021)",
            (
                (PERM,),
                2021,
                "",
                "",
                "",
            ),
        ),
        ("(Макиенко, 2020)", (("Макиенко",), 2020, "", "", "")),
        (
            "(Администрация Президента России, 2020)",
            (("Администрация Президента России",), 2020, "", "", ""),
        ),
        ("(Xalq Cəbhəsi Qəzeti, 2021)", (("Xalq Cəbhəsi Qəzeti",), 2021, "", "", "")),
        ("(Yüzbaşıoğlu & Çam, 2020)", (("Yüzbaşıoğlu", "Çam"), 2020, "", "", "")),
        ("(News.ru, 2020)", (("News.ru",), 2020, "", "", "")),
        ("(TACC, 2020)", (("TACC",), 2020, "", "", "")),
        ("(de Haan, 2019)", (("de Haan",), 2019, "", "", "")),
    ],
)
def test_parenthetical_fields(text: str, expected: tuple[object, ...]) -> None:
    c = one(text)
    assert c.kind == "parenthetical"
    assert (c.authors, c.year, c.year_suffix, c.locator, c.locator_style) == expected


def test_span_is_exact_and_excludes_parentheses() -> None:
    text = "Intro. As argued (Rose, 1998: 146), theory matters."
    c = one(text)
    assert c.text == "Rose, 1998: 146"
    assert text[c.span.start : c.span.end] == c.text


def test_several_works_share_group_and_positions() -> None:
    text = "x (e.g., Smith, 2020; see also Brown & Lee, 2019) y (Ng, 2001)"
    cs = extract_citations_from_text(text)
    assert [(c.text, c.prefix, c.group_position) for c in cs] == [
        ("Smith, 2020", "e.g.,", 0),
        ("Brown & Lee, 2019", "see also", 1),
        ("Ng, 2001", "", 0),
    ]
    assert cs[0].group == cs[1].group != cs[2].group
    assert [c.index for c in cs] == [0, 1, 2]
    assert cs[1].connector == "&"


def test_turkish_and_russian_see_prefixes() -> None:
    cs = extract_citations_from_text("(bkz. Oran, 2001) and (см. Лавров, 2020)")
    assert [(c.prefix, c.authors) for c in cs] == [("bkz.", ("Oran",)), ("см.", ("Лавров",))]


def test_same_author_several_years() -> None:
    cs = extract_citations_from_text("(Zhou, n.d., 2000, 2016, in press)")
    assert [(c.year, c.no_date, c.in_press) for c in cs] == [
        (None, True, False),
        (2000, False, False),
        (2016, False, False),
        (None, False, True),
    ]
    assert all(c.authors == ("Zhou",) for c in cs)


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("(Taliaferro et. al, 2009: 2)", "et. al"),
        ("(Smith et al, 2020)", "et al"),
        ("(Smith Et al., 2020)", "Et al."),
        ("(Mitzer et al., 2022)", "et al."),
        ("Smith et al. (2020) said", "et al."),
        ("Smith et. al (2020) said", "et. al"),
    ],
)
def test_et_al_forms(text: str, form: str) -> None:
    c = one(text)
    assert c.et_al and c.et_al_form == form
    assert c.authors[0] in {"Taliaferro", "Smith", "Mitzer"}


def test_disambiguating_names_before_et_al() -> None:
    c = one("(Smith, Jones, Lee, et al., 2020)")
    assert (c.authors, c.et_al_form) == (("Smith", "Jones", "Lee"), "et al.")


def test_connectors() -> None:
    assert one("(Smith and Jones, 2020)").connector == "and"
    assert one("Smith & Jones (2020) say").connector == "&"
    c = one("Smith, Jones, and Lee (2020) say")
    assert (c.authors, c.connector, c.kind) == (("Smith", "Jones", "Lee"), "and", "narrative")


@pytest.mark.parametrize(
    ("text", "cite_text", "authors"),
    [
        ("following Friedberg (1993).", "Friedberg (1993)", ("Friedberg",)),
        ("Carl von Clausewitz (1832) stated", "von Clausewitz (1832)", ("von Clausewitz",)),
        ("Zakaria's (1999) book", "Zakaria's (1999)", ("Zakaria",)),
        ("Zakaria’s (1999) book", "Zakaria’s (1999)", ("Zakaria",)),
        ("Aaron Louis Friedberg (1993: 29-30) says", "Friedberg (1993: 29-30)", ("Friedberg",)),
        (
            "the President of Azerbaijan Republic (2020) said",
            "President of Azerbaijan Republic (2020)",
            ("President of Azerbaijan Republic",),
        ),
        ("As Anadolu Agency (2020) reported", "Anadolu Agency (2020)", ("Anadolu Agency",)),
        ("de Haan (2019) says", "de Haan (2019)", ("de Haan",)),
        ("van der Berg (2018) says", "van der Berg (2018)", ("van der Berg",)),
        ("Smith et al.'s (2020) view", "Smith et al.'s (2020)", ("Smith",)),
        ("Makienko (2020) notes", "Makienko (2020)", ("Makienko",)),
    ],
)
def test_narrative(text: str, cite_text: str, authors: tuple[str, ...]) -> None:
    c = one(text)
    assert (c.kind, c.text, c.authors) == ("narrative", cite_text, authors)
    assert text[c.span.start : c.span.end] == cite_text


def test_abbreviation_parenthetical_and_narrative() -> None:
    p = one("(World Health Organization [WHO], 2020)")
    assert (p.authors, p.abbreviation) == (("World Health Organization",), "WHO")
    n = one("World Health Organization (WHO, 2020) says")
    assert (n.kind, n.authors, n.abbreviation) == (
        "narrative",
        ("World Health Organization",),
        "WHO",
    )
    bare = one("(WHO, 2020)")
    assert (bare.kind, bare.authors, bare.abbreviation) == ("parenthetical", ("WHO",), "")


def test_dates_suffixes_original_year_secondary() -> None:
    assert one("(Smith, n.d.-a)").year_suffix == "a"
    assert one("(Smith, in press)").in_press
    c = one("(Camus, 1942/2012)")
    assert (c.year, c.original_year, c.year_text) == (2012, 1942, "1942/2012")
    s = one("(Wellisch, 1995, as cited in Bell, 1998)")
    assert (s.authors, s.year, s.secondary) == (("Bell",), 1998, True)


@pytest.mark.parametrize(
    "text",
    [
        "In 2020, the war began.",
        "On September 27, 2020, at around 06:00 in the morning",
        "between May 4, 1994, and (1994–2020) later",
        "Security Service (FSS) and (TAF) and (SAM) systems",
        "Ankara's absence at the table (in the Minsk Group) from the beginning",
        "Türkiye (then official name of Türkiye) fully supports",
        "(September 27, 2020)",
        "(Spring 2025)",
        "the Second Karabakh War (2020) began",
        "the war (2020) began",
        "Turan, A. (2025). Ankara Moscow confrontation",
        "Kemal İNAT (PhD Dissertation, Sakarya University, Sakarya, Türkiye, 2024).",
        "the total number of statements was 65,1 it is seen",
        "(Iran, Libya, Syria, Israel-Palestine, Kashmir, Afghanistan, Iraq, and Yemen) in 2020",
        "*Asya Studies*, *9*(31), 307-322.",
        "a title 'Ripe for Rivalry (1993)' in quotes",
        "As stated in the National Security Policy Document (2005), the",
    ],
)
def test_not_citations(text: str) -> None:
    got = extract_citations_from_text(text)
    assert [c.text for c in got] == []


def test_after_quote() -> None:
    cs = extract_citations_from_text(
        'stand by "the righteous party..." (Ministry, 2020b). Then “x” (Rehimov, 2020) and '
        "«цитата» (Макиенко, 2020), but plain (Rose, 1998)."
    )
    assert [c.after_quote for c in cs] == [True, True, True, False]


def test_document_body_only() -> None:
    text = "Body cites (Rose, 1998).\nREFERENCES\nRose, G. (1998). Title (Smith, 2000)."
    body_end = text.index("REFERENCES")
    doc = Document(text=text, body=Span(0, body_end), heading=Span(body_end, body_end + 10))
    assert [c.text for c in extract_citations(doc)] == ["Rose, 1998"]


def test_bare_document_without_split_uses_all_text() -> None:
    assert [c.text for c in extract_citations(Document(text="x (Rose, 1998)"))] == ["Rose, 1998"]


@pytest.mark.parametrize(
    "chunk",
    [
        "(" * 50_000,
        "(a" * 50_000,
        "(Rose, 1998" * 9_000,
        "Smith " * 17_000 + "(2020)",
        "A, " * 33_000 + "2020)",
        "(" + "Rose and " * 11_000 + "2020)",
        ("(" + "x" * 399) * 250,
        "et al. " * 14_000 + "(2020)",
        "(Rose, 1998: " + "1, " * 33_000 + ")",
        ("Ab " * 60 + "(2020) ") * 500,
        "(A, 1998; " * 10_000 + ")",
    ],
    ids=lambda s: f"{s[:12]!r}x{len(s)}",
)
def test_adversarial_inputs_are_linear(chunk: str) -> None:
    text = chunk[:100_000] if len(chunk) > 100_000 else chunk
    t0 = time.perf_counter()
    extract_citations_from_text(text)
    assert time.perf_counter() - t0 < 1.5


@settings(max_examples=150)
@given(
    st.text(
        alphabet=st.sampled_from(list("(); ,.:&'\"”«»-–aAbZəÇçğİıМм12090 \netal.")), max_size=300
    )
)
def test_never_raises_and_spans_are_exact(text: str) -> None:
    cs = extract_citations_from_text(text)
    assert [c.index for c in cs] == list(range(len(cs)))
    for c in cs:
        assert text[c.span.start : c.span.end] == c.text
        assert c.authors and all(a.strip() for a in c.authors)
