"""Citation rules C2xx/X3xx/L4xx: each fires on its bad case, names both sides, and stays quiet
on the good case. Checks are called directly, so other rule families cannot break these tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest

from refcheck.checks import citation_style, reference_list
from refcheck.checks import citations as rules
from refcheck.cite import extract_citations
from refcheck.findings import Finding, Severity, get_rule, registered_rules
from refcheck.match import match_citations
from refcheck.model import Agent, Document, Organization, Person, Reference, Span
from refcheck.rules import Context

CHECKS: dict[str, Callable[[Context], Iterable[Finding]]] = {
    "C201": rules.et_al_form,
    "C202": rules.ampersand,
    "C203": rules.colon_locator,
    "C204": rules.parenthetical_order,
    "C205": rules.quotation_locator,
    "C206": rules.missing_comma,
    "C207": citation_style.citation_language,
    "C208": citation_style.citation_between_sentences,
    "C209": citation_style.numbered_citations,
    "C210": rules.citation_without_year,
    "X301": rules.citation_without_entry,
    "X302": rules.entry_not_cited,
    "X303": rules.year_checks,
    "X304": rules.year_checks,
    "X308": rules.year_checks,
    "X305": rules.author_spelling,
    "X306": rules.author_count,
    "X307": rules.author_count,
    "L401": reference_list.list_order,
    "L402": reference_list.year_letters,
    "L403": reference_list.year_letters,
    "L404": reference_list.duplicates,
}


def person(family: str, given: str = "A.", particle: str = "") -> Person:
    return Person(family=family, given=given, particle=particle)


def org(name: str) -> Organization:
    return Organization(name=name)


class Entry:
    """An entry to build: authors, year, letter, title (the raw line is derived)."""

    def __init__(
        self,
        *authors: Agent,
        year: int | None = 2020,
        suffix: str = "",
        title: str = "A title",
        doi: str = "",
        url: str = "",
        et_al: bool = False,
    ) -> None:
        self.authors, self.year, self.suffix, self.title = authors, year, suffix, title
        self.doi, self.url, self.et_al = doi, url, et_al

    def line(self) -> str:
        names = ", & ".join(a.display for a in self.authors)
        return f"{names}. ({self.year}{self.suffix}). {self.title}. {self.url}".strip()


def build(body: str, entries: list[Entry]) -> Context:
    """A document ``body + REFERENCES + entries``, with spans, citations and links filled."""
    text = body + "\n\nREFERENCES\n"
    refs: list[Reference] = []
    for i, e in enumerate(entries, 1):
        start = len(text)
        line = e.line()
        text += line + "\n"
        refs.append(
            Reference(
                index=i,
                raw=line,
                span=Span(start, start + len(line)),
                line=text.count("\n", 0, start) + 1,
                authors=e.authors,
                year=e.year,
                year_suffix=e.suffix,
                title=e.title,
                doi=e.doi,
                url=e.url,
                et_al=e.et_al,
            )
        )
    end = len(body)
    doc = Document(
        text=text, body=Span(0, end), heading=Span(end + 2, end + 12), references=tuple(refs)
    )
    cits = extract_citations(doc)
    return Context(
        document=doc, references=tuple(refs), citations=cits, links=match_citations(cits, refs)
    )


def run(code: str, body: str, entries: list[Entry]) -> list[Finding]:
    ctx = build(body, entries)
    return [f for f in CHECKS[code](ctx) if f.code == code]


ROSE = Entry(person("Rose", "G."), year=1998, title="Neoclassical realism")
FRIED = Entry(person("Friedberg", "A. L."), year=1993, title="Ripe for rivalry")
TWO = Entry(person("Yüzbaşıoğlu", "N."), person("Çam", "Ö. T."), title="Dışişleri")
THREE = Entry(
    person("Mitzer", "S."),
    person("Oliemans", "J."),
    person("Janovsky", "J."),
    year=2022,
    title="A monument of victory",
)


# Each row: code, bad (body, entries), good (body, entries), text expected in the bad message.
CASES: list[tuple[str, tuple[str, list[Entry]], tuple[str, list[Entry]], str]] = [
    ("C201", ("(Mitzer et. al, 2022)", [THREE]), ("(Mitzer et al., 2022)", [THREE]), "et. al"),
    ("C202", ("(Yüzbaşıoğlu and Çam, 2020)", [TWO]), ("(Yüzbaşıoğlu & Çam, 2020)", [TWO]), "&"),
    (
        "C203",
        ("(Rose, 1998: 146)", [ROSE]),
        ("(Rose, 1998, p. 146)", [ROSE]),
        "(Rose, 1998, p. 146)",
    ),
    (
        "C204",
        ("(Rose, 1998; Friedberg, 1993)", [FRIED, ROSE]),
        ("(Friedberg, 1993; Rose, 1998)", [FRIED, ROSE]),
        "Friedberg, 1993 belongs before Rose",
    ),
    (
        "C205",
        ('"no longer exist" (Rose, 1998).', [ROSE]),
        ('"no longer exist" (Rose, 1998, p. 3).', [ROSE]),
        "direct quotation",
    ),
    ("C206", ("(Rose 1998)", [ROSE]), ("(Rose, 1998)", [ROSE]), "comma"),
    ("C207", ("(Mitzer vd., 2022)", [THREE]), ("(Mitzer et al., 2022)", [THREE]), '"vd." is'),
    (
        "C208",
        ("The corridor opened. (Rose, 1998). Then it closed.", [ROSE]),
        ("The corridor opened (Rose, 1998). Then it closed.", [ROSE]),
        "opened (Rose, 1998).",
    ),
    (
        "C209",
        ("As shown [1], [2] and later [1, 2].", [ROSE, FRIED]),
        ("As shown (Rose, 1998; Friedberg, 1993).", [ROSE, FRIED]),
        "cites by number",
    ),
    (
        "C210",
        ("(Rose, 1998) and again (Rose, p. 4)", [ROSE]),
        ("(Rose, 1998) and again (Rose, 1998, p. 4)", [ROSE]),
        "(Rose, p. 4) gives no year; the entry it repeats is Rose (1998)",
    ),
    (
        "X301",
        ("Carl von Clausewitz (1832) stated", [ROSE]),
        ("Rose (1998) stated", [ROSE]),
        "von Clausewitz (1832)",
    ),
    (
        "X302",
        ("(Rose, 1998)", [FRIED, ROSE]),
        ("(Rose, 1998; Friedberg, 1993)", [FRIED, ROSE]),
        "Friedberg (1993) is never cited",
    ),
    ("X303", ("(Rose, 1999)", [ROSE]), ("(Rose, 1998)", [ROSE]), "Rose (1998)"),
    (
        "X304",
        (
            "(Rehimov, 2020c) and (Rehimov, 2020b)",
            [
                Entry(person("Rehimov"), suffix="a", title="A"),
                Entry(person("Rehimov"), suffix="b", title="B"),
            ],
        ),
        (
            "(Rehimov, 2020a) and (Rehimov, 2020b)",
            [
                Entry(person("Rehimov"), suffix="a", title="A"),
                Entry(person("Rehimov"), suffix="b", title="B"),
            ],
        ),
        "2020c",
    ),
    (
        "X305",
        ("(Taliafero, 2009)", [Entry(person("Taliaferro"), year=2009)]),
        ("(Taliaferro, 2009)", [Entry(person("Taliaferro"), year=2009)]),
        '"Taliaferro"',
    ),
    (
        "X306",
        ("(Yüzbaşıoğlu, 2020)", [TWO]),
        ("(Yüzbaşıoğlu & Çam, 2020)", [TWO]),
        "1 name cited, 2 in the entry",
    ),
    (
        "X307",
        ("(Yüzbaşıoğlu et al., 2020)", [TWO]),
        ("(Mitzer et al., 2022)", [THREE]),
        "has 2 authors",
    ),
    (
        "X308",
        ("(Smith, 2020)", [Entry(person("Smith", "J.")), Entry(person("Smith", "A."))]),
        ("(J. Smith, 2020)", [Entry(person("Smith", "J.")), Entry(person("Smith", "A."))]),
        "also Smith (2020)",
    ),
    ("L401", ("x", [ROSE, FRIED]), ("x", [FRIED, ROSE]), "it follows Rose (1998)"),
    (
        "L402",
        (
            "x",
            [
                Entry(org("President of Azerbaijan Republic"), title="Ilham addressed"),
                Entry(org("President of Azerbaijan Republic"), suffix="b", title="Ilham b"),
            ],
        ),
        (
            "x",
            [
                Entry(org("President of Azerbaijan Republic"), suffix="a", title="Ilham addressed"),
                Entry(org("President of Azerbaijan Republic"), suffix="b", title="Ilham b"),
            ],
        ),
        "needs a letter",
    ),
    (
        "L403",
        ("x", [Entry(person("Rehimov"), suffix="b")]),
        ("x", [Entry(person("Rehimov"), suffix="a"), Entry(person("Rehimov"), suffix="b")]),
        "without 2020a",
    ),
    (
        "L404",
        ("x", [ROSE, Entry(person("Rose", "G."), year=1998, title="Neoclassical realism.")]),
        ("x", [ROSE, Entry(person("Rose", "G."), year=1998, title="Another paper")]),
        "duplicate of entry 1",
    ),
]


@pytest.mark.parametrize(("code", "bad", "good", "needle"), CASES, ids=[c[0] for c in CASES])
def test_rule_bad_and_good(
    code: str, bad: tuple[str, list[Entry]], good: tuple[str, list[Entry]], needle: str
) -> None:
    found = run(code, *bad)
    assert len(found) == 1, found
    f = found[0]
    assert needle in f.message or needle in f.suggestion
    assert f.severity == get_rule(code).severity
    assert f.line is not None and f.column is not None
    assert run(code, *good) == []


def test_every_rule_of_the_family_is_tested_and_documented() -> None:
    ours = [r for r in registered_rules() if r.code[0] in "CXL" and r.code[1] in "234"]
    assert {r.code for r in ours} == {c[0] for c in CASES}
    for r in ours:
        assert r.bad and r.good and r.summary.endswith(".") and r.name == r.name.lower()


def test_citation_finding_points_at_citation_and_entry_finding_at_entry() -> None:
    ctx = build("Intro (Rose, 1999).", [ROSE, FRIED])
    (x303,) = rules.year_checks(ctx)
    assert (x303.line, x303.column, x303.reference, x303.citation) == (1, 8, 1, "Rose, 1999")
    (x302,) = rules.entry_not_cited(ctx)
    assert (x302.line, x302.reference) == (ctx.references[1].line, 2)
    assert x302.span == ctx.references[1].span


def test_colon_locator_suggestions() -> None:
    (f,) = run("C203", "(Friedberg, 1993: 29-30)", [FRIED])
    assert f.suggestion == "(Friedberg, 1993, pp. 29–30)"
    (n,) = run("C203", "Friedberg (1993: 29) says", [FRIED])
    assert n.suggestion == "Friedberg (1993, p. 29)"
    (t,) = run("C203", "(Mitzer et. al, 2022: 2)", [THREE])
    assert t.suggestion == "(Mitzer et al., 2022, p. 2)"


def test_missing_letter_citation_and_entry() -> None:
    ministry = "Ministry of Foreign Affairs of the Republic of Türkiye"
    entries = [
        Entry(org(ministry), title="Visit of Foreign Minister"),
        Entry(org(ministry), suffix="b", title="QA-94"),
    ]
    body = f"({ministry}, 2020) and ({ministry}, 2020b)"
    (x304,) = run("X304", body, entries)
    assert x304.suggestion == f"{ministry}, 2020a"
    assert run("X308", body, entries) == []
    (l402,) = run("L402", body, entries)
    assert l402.suggestion == "2020a" and l402.reference == 1
    assert 'by title order: 2020a "QA-94' in l402.message
    assert run("L403", body, entries) == []


def test_folding_difference_is_info_misspelling_is_warning() -> None:
    entries = [Entry(person("Çavuşoğlu", "M."))]
    (info,) = run("X305", "(Çavuşoglu, 2020)", entries)
    assert info.severity is Severity.INFO
    (warn,) = run("X305", "(Cavusoglo, 2020)", entries)
    assert warn.severity is Severity.WARNING
    assert run("X305", "Makienko (2020)", [Entry(person("Макиенко", "К."))]) == []


def test_et_al_entry_with_unknown_count_is_not_x307() -> None:
    entries = [Entry(person("Taliaferro", "J. W."), year=2009, et_al=True)]
    assert run("X307", "(Taliaferro et al., 2009)", entries) == []
    assert run("X306", "(Taliaferro et al., 2009)", entries) == []


def test_same_title_different_dates_or_urls_are_not_duplicates() -> None:
    a = Entry(
        org("President of Azerbaijan Republic"),
        title="Ilham Aliyev addressed the nation",
        url="https://president.az/1",
    )
    b = Entry(
        org("President of Azerbaijan Republic"),
        suffix="b",
        title="Ilham Aliyev Addressed the Nation",
        url="https://president.az/2",
    )
    assert run("L404", "x", [a, b]) == []


def test_same_doi_is_duplicate() -> None:
    a = Entry(person("Rose"), year=1998, title="One", doi="10.1017/x")
    b = Entry(person("Rose"), year=1999, title="Two", doi="10.1017/X")
    (f,) = run("L404", "x", [a, b])
    assert "same DOI" in f.message and f.reference == 2


def test_list_order_reports_first_out_of_place_only() -> None:
    entries = [
        Entry(person("Waltz")),
        Entry(person("Zakaria")),
        Entry(person("Xalq")),
        Entry(person("Yüzbaşıoğlu")),
        Entry(org("Администрация Президента России")),
    ]
    found = run("L401", "x", entries)
    assert [f.reference for f in found] == [3, 5]
    assert "move it before Waltz (2020)" in found[1].suggestion


def test_the_is_ignored_in_list_order() -> None:
    entries = [
        Entry(person("Rehimov")),
        Entry(org("The Republic of Türkiye Directorate")),
        Entry(person("Rose")),
    ]
    assert run("L401", "x", entries) == []


def test_missing_comma_after_et_al() -> None:
    (f,) = run("C206", "(Mitzer et al. 2022)", [THREE])
    assert f.suggestion == "(Mitzer et al., 2022)"


def test_see_also_starts_a_new_alphabetical_run() -> None:
    assert run("C204", "(Rose, 1998; see also Friedberg, 1993)", [FRIED, ROSE]) == []
