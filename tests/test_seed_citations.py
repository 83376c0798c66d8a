"""The seed manuscript end to end through load → normalise → cite → match → citation rules.

One test per genuine finding, plus the count of citations and the absence of false alarms: every
finding of the C2xx/X3xx/L4xx families must be one listed here (docs/citations.md explains each).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from refcheck.checks import citation_style, reference_list
from refcheck.checks import citations as rules
from refcheck.cite import extract_citations
from refcheck.findings import Finding, Severity
from refcheck.match import match_citations
from refcheck.model import Citation, Link
from refcheck.rules import Context

SEED = Path(__file__).resolve().parent.parent / "seeds" / "turan-2025-asya-studies.txt"
CHECKS = (
    rules.et_al_form,
    rules.ampersand,
    rules.colon_locator,
    rules.parenthetical_order,
    rules.quotation_locator,
    rules.missing_comma,
    citation_style.citation_language,
    citation_style.citation_between_sentences,
    citation_style.numbered_citations,
    rules.citation_without_entry,
    rules.entry_not_cited,
    rules.year_checks,
    rules.author_spelling,
    rules.author_count,
    reference_list.list_order,
    reference_list.year_letters,
    reference_list.duplicates,
)
MINISTRY = "Ministry of Foreign Affairs of the Republic of Türkiye"
PRESIDENT = "President of Azerbaijan Republic"


@dataclass(frozen=True)
class Seed:
    ctx: Context
    citations: tuple[Citation, ...]
    links: tuple[Link, ...]
    findings: tuple[Finding, ...]


@pytest.fixture(scope="module")
def seed() -> Seed:
    from refcheck.api import load
    from refcheck.normalise import normalise_references

    doc = load(SEED)
    refs = normalise_references(doc.references, text=doc.text)
    doc = replace(doc, references=refs)
    cits = extract_citations(doc)
    links = match_citations(cits, refs)
    ctx = Context(document=doc, references=refs, citations=cits, links=links)
    return Seed(ctx, cits, links, tuple(f for chk in CHECKS for f in chk(ctx)))


def by_code(seed: Seed, code: str) -> list[Finding]:
    return [f for f in seed.findings if f.code == code]


def test_fifty_five_citations_every_one_linked_but_clausewitz(seed: Seed) -> None:
    assert len(seed.citations) == 55
    assert len(seed.links) == 55
    unlinked = [
        c.text for c, lk in zip(seed.citations, seed.links, strict=True) if lk.reference is None
    ]
    assert unlinked == ["von Clausewitz (1832)"]


def test_citation_kinds(seed: Seed) -> None:
    kinds = Counter(c.kind for c in seed.citations)
    assert kinds == {"parenthetical": 53, "narrative": 2}


def test_x301_clausewitz_has_no_entry(seed: Seed) -> None:
    (f,) = by_code(seed, "X301")
    assert f.citation == "von Clausewitz (1832)" and f.severity is Severity.ERROR
    assert seed.ctx.document.line_text(f.line or 0)[(f.column or 1) - 1 :].startswith(
        "von Clausewitz (1832) stated"
    )


def test_x302_the_2023_ministry_entry_is_never_cited(seed: Seed) -> None:
    (f,) = by_code(seed, "X302")
    ref = seed.ctx.references[(f.reference or 0) - 1]
    assert (ref.year, ref.title[:9]) == (2023, "Dışişleri")
    assert MINISTRY in f.message


def test_c201_taliaferro_et_al_misspelt(seed: Seed) -> None:
    (f,) = by_code(seed, "C201")
    assert f.citation == "Taliaferro et. al, 2009: 2"


def test_c203_colon_locators(seed: Seed) -> None:
    found = by_code(seed, "C203")
    assert len(found) == 16
    assert found[0].suggestion == "(Taliaferro et al., 2009, p. 2)"
    assert "(Friedberg, 1993, pp. 29–30)" in {f.suggestion for f in found}
    assert "(Hecht, 2022, pp. 32–33)" in {f.suggestion for f in found}


@pytest.mark.parametrize("author", [PRESIDENT, MINISTRY])
def test_x304_unlettered_citation_of_a_lettered_group(seed: Seed, author: str) -> None:
    (f,) = [f for f in by_code(seed, "X304") if f.citation == f"{author}, 2020"]
    assert f.suggestion == f"{author}, 2020a"


@pytest.mark.parametrize("author", [PRESIDENT, MINISTRY])
def test_l402_unlettered_entry_needs_a(seed: Seed, author: str) -> None:
    (f,) = [f for f in by_code(seed, "L402") if f"entry {author} (2020)" in f.message]
    assert f.suggestion == "2020a"


def test_l402_titles_are_cut_where_they_differ(seed: Seed) -> None:
    """The President's 2020c and 2020d titles share their first 30 characters; cut there, the
    message listed two entries that read alike."""
    (f,) = [f for f in by_code(seed, "L402") if f"entry {PRESIDENT} (2020)" in f.message]
    order = f.message.split("by title order: ", 1)[1]
    labels = re.findall(r'2020[a-e] ("[^"]*"(?: \(line \d+\))?)', order)
    assert len(labels) == 5 and len({lab.casefold() for lab in labels}) == 5
    # 2020c and 2020d have the very same title: the whole title, then each entry's line
    assert labels[2] == '"Ilham Aliyev received delegation led by Turkish Foreign Minister" (line 213)'
    assert labels[3].endswith("(line 214)")
    assert labels[4] == '"A victory parade dedicated to victory…"'  # cut after 30, at a word


@pytest.mark.parametrize(
    ("entry", "follows"),
    [
        ("The Republic of Türkiye Directorate of Communications (2023)", "Taliaferro (2009)"),
        ("Xalq Cəbhəsi Qəzeti (2021)", "Zakaria (1999)"),
        ("Администрация Президента России (2020)", "Yüzbaşıoğlu & Çam (2020)"),
    ],
)
def test_l401_out_of_order(seed: Seed, entry: str, follows: str) -> None:
    (f,) = [f for f in by_code(seed, "L401") if f"entry {entry}" in f.message]
    assert f"it follows {follows}" in f.message


def test_c205_quotations_without_locator_are_info(seed: Seed) -> None:
    found = by_code(seed, "C205")
    assert {f.severity for f in found} == {Severity.INFO}
    assert [f.citation for f in found][:3] == [
        "Kucera, 2019",
        "Yüzbaşıoğlu & Çam, 2020",
        f"{MINISTRY}, 2020b",
    ]
    assert len(found) == 18


def test_no_false_alarms(seed: Seed) -> None:
    assert Counter(f.code for f in seed.findings) == {
        "C201": 1,
        "C203": 16,
        "C205": 18,
        "C208": 2,
        "X301": 1,
        "X302": 1,
        "X304": 2,
        "L401": 3,
        "L402": 2,
    }


def test_two_citations_stand_alone_between_sentences(seed: Seed) -> None:
    """Found by C208 (issue 15): "… Zangezur Corridor. (President …, 2021). As the …" and
    "… independent policies. (Memmedov & Hasanoğlu, 2023). In fact …"."""
    got = [(f.citation, f.suggestion, f.reference) for f in by_code(seed, "C208")]
    assert got == [
        (
            "President of Azerbaijan Republic, 2021",
            "Corridor (President of Azerbaijan Republic, 2021).",
            25,
        ),
        (
            "Memmedov & Hasanoğlu, 2023",
            "policies (Memmedov & Hasanoğlu, 2023).",
            11,
        ),
    ]


def test_form_findings_name_their_entries(seed: Seed) -> None:
    """Every C2xx finding on a linked citation carries the entry's index (issue 15)."""
    form = [f for f in seed.findings if f.code.startswith("C2")]
    assert form and all(f.reference is not None for f in form)


def test_tolerant_links_on_the_seed(seed: Seed) -> None:
    methods = {c.text: lk.method for c, lk in zip(seed.citations, seed.links, strict=True)}
    assert methods["Mitzer et al., 2022"] == "exact"
    assert methods["Memmedov & Hasanoğlu, 2023"] == "exact"
    assert methods["Taliaferro et. al, 2009: 2"] == "exact"
    assert methods["TACC, 2020"] == "exact"
