"""P1xx entry rules: each with an entry that must fire it and one that must not."""

from __future__ import annotations

import pytest

from refcheck.checks import entries
from refcheck.findings import Finding, Severity, get_rule
from refcheck.model import Document
from refcheck.parse import parse_text
from refcheck.rules import Context

CHECKS = (entries.parse_outcome, entries.doi_form, entries.retrieval, entries.authors_and_date)


def findings(text: str) -> list[Finding]:
    refs = parse_text(text)
    doc = Document(text=text, references=refs)
    ctx = Context(document=doc, references=refs)
    return [f for chk in CHECKS for f in chk(ctx)]


def codes(text: str) -> list[str]:
    return sorted(f.code for f in findings(text))


GOOD_ARTICLE = (
    "Rose, G. (1998). Neoclassical realism and theories of foreign policy. *World Politics*, "
    "*51*(1), 144–172. https://doi.org/10.1017/S0043887100007814"
)

CASES = [
    # code, bad entry, good entry
    ("P101", "12345 ---", GOOD_ARTICLE),
    (
        "P102",
        "Rose, G. Neoclassical realism and theories of foreign policy. https://example.org/rose",
        GOOD_ARTICLE,
    ),
    (
        "P103",
        "Waltz, Kenneth N. *Theory of International Politics*. Massachussets: Addison Wesley "
        "Publishing Company, Reading, 1979.",
        "Waltz, K. N. (1979). *Theory of international politics*. Addison-Wesley.",
    ),
    (
        "P104",
        "Wendt, A. (1992). Anarchy is what states make of it. *International Organization*, "
        "*46*(2), 391–425. doi:10.1017/S0020818300027764",
        "Wendt, A. (1992). Anarchy is what states make of it. *International Organization*, "
        "*46*(2), 391–425. https://doi.org/10.1017/S0020818300027764",
    ),
    (
        "P105",
        "Yüzbaşıoğlu, N., & Çam, Ö. T. (2020). Dışişleri Bakanı Çavuşoğlu. *Anadolu Ajansı*. "
        "Retrieved June 24, 2024, from https://www.aa.com.tr/tr/politika/1908565",
        "Yüzbaşıoğlu, N., & Çam, Ö. T. (2020). Dışişleri Bakanı Çavuşoğlu. *Anadolu Ajansı*. "
        "https://www.aa.com.tr/tr/politika/1908565",
    ),
    (
        "P106",
        "Lobell, S. E., et al. (2009). *Neoclassical realism*. Cambridge University Press.",
        "Lobell, S. E., Ripsman, N. M., & Taliaferro, J. W. (2009). *Neoclassical realism*. "
        "Cambridge University Press.",
    ),
    (
        "P107",
        "Cornell, S. E. *Azerbaijan since independence*. Routledge.",
        "Cornell, S. E. (n.d.). *Azerbaijan since independence*. Routledge.",
    ),
    ("P108", GOOD_ARTICLE + ".", GOOD_ARTICLE),
    (
        "P109",
        "World Bank. (2021). *Azerbaijan: Country economic memorandum*. Retrieved from "
        "https://openknowledge.worldbank.org/handle/10986/35824",
        "World Bank. (2021). *Azerbaijan: Country economic memorandum*. "
        "https://openknowledge.worldbank.org/handle/10986/35824",
    ),
    (
        "P110",
        GOOD_ARTICLE + " https://www.jstor.org/stable/25054068",
        GOOD_ARTICLE,
    ),
]


@pytest.mark.parametrize(("code", "bad", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_fires_on_bad_not_on_good(code: str, bad: str, good: str) -> None:
    assert code in codes(bad)
    assert code not in codes(good)


def test_good_article_is_clean() -> None:
    assert codes(GOOD_ARTICLE) == []


def test_p103_message_lists_each_nonconformity() -> None:
    bad = CASES[2][1]
    (f,) = [f for f in findings(bad) if f.code == "P103"]
    assert "year at the end instead of after the authors" in f.message
    assert "given name spelled out instead of initials" in f.message
    assert "place of publication given (APA 7 omits it)" in f.message
    assert f.severity is Severity.WARNING


def test_p104_suggests_the_https_form() -> None:
    (f,) = [f for f in findings(CASES[3][1]) if f.code == "P104"]
    assert f.suggestion == "https://doi.org/10.1017/S0020818300027764"


def test_p105_on_dated_web_page_but_not_on_undated_one() -> None:
    dated = (
        "AZTV. (2020, December 10). *Zəfər paradı keçirildi*. Aztv.az. Retrieved August 5, 2024, "
        "from https://aztv.az/az/news/10691/zefer-paradi-kecirildi"
    )
    (f,) = [f for f in findings(dated) if f.code == "P105"]
    assert f.message.startswith("retrieval date on a dated web page")
    undated = (
        "Кремль. (n.d.). *Биография Президента*. Retrieved July 20, 2024, from "
        "http://kremlin.ru/structure/president/biography"
    )
    assert "P105" not in codes(undated)


def test_a_doubled_doi_link_is_a_p104_with_the_single_link() -> None:
    text = (
        "Carlsson, F. (2014). Social preferences. Journal of Public Economics, 117, 104–114. "
        "https://doi.org/https://doi.org/10.1016/j.jpubeco.2014.05.009"
    )
    (f,) = [f for f in findings(text) if f.code == "P104"]
    assert f.suggestion == "https://doi.org/10.1016/j.jpubeco.2014.05.009"


def test_findings_sit_at_the_entry() -> None:
    text = GOOD_ARTICLE + "\n- " + CASES[3][1] + "\n"
    (f,) = [f for f in findings(text) if f.code == "P104"]
    assert f.reference == 2
    assert f.line == 2
    assert f.column == 3  # after the "- " bullet


def test_rules_are_registered_with_examples() -> None:
    for code, *_ in CASES:
        rule = get_rule(code)
        assert rule.code == code
        assert rule.bad and rule.good and rule.summary
        assert rule.source.startswith("APA-RL-")
    assert get_rule("P101").severity is Severity.ERROR
    assert get_rule("P105").severity is Severity.INFO


def test_registered_bad_examples_fire_their_rule() -> None:
    """The bad/good examples shown in docs/rules.md must themselves be right."""
    for code, *_ in CASES:
        rule = get_rule(code)
        if code == "P101":
            continue
        assert code in codes(rule.bad), code
        assert code not in codes(rule.good), code
