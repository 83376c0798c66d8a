"""The manuscript's language and the rules that follow it: detection (en/tr/az/ru, unknown →
English with N506), the ``language`` and ``et_al`` settings, C207 (forms of another language),
C208 (a citation between sentences), N501/N502/N505 by language, C2xx findings naming the
linked entry, and the JSON report's ``links``. Names and titles are invented."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from refcheck.api import check, load_text
from refcheck.checks import citation_style, multilingual
from refcheck.checks import citations as rules
from refcheck.cite import extract_citations
from refcheck.cli import main
from refcheck.config import Config, load_config
from refcheck.errors import ConfigError
from refcheck.language import detect_language, manuscript_language
from refcheck.match import match_citations
from refcheck.model import Agent, Document, Person, Reference, Span
from refcheck.normalise import normalise_references
from refcheck.rules import Context, RuleOptions

EN = (
    "The corridor was opened in the spring, and it is clear that the decision of the ministry "
    "was taken with the support of the local administration, which had argued for it for years. "
)
TR = (
    "Koridor ilkbaharda açıldı ve bu karar bakanlık tarafından yerel yönetimin desteği ile "
    "alındı; yıllardır bu konu için çalışan yönetim, daha çok bölge halkı için bir çözüm olarak "
    "görülen projeyi savundu ve sonra da destek verdi. "
)
AZ = (
    "Dəhliz yazda açıldı və bu qərar nazirlik tərəfindən yerli idarənin dəstəyi ilə qəbul "
    "edildi; illərdir bu məsələ üçün çalışan idarə, daha çox bölgə əhalisi üçün bir həll olaraq "
    "görülən layihəni müdafiə etdi və sonra da dəstək verdi. "
)
RU = (
    "Коридор был открыт весной, и это решение министерства было принято при поддержке местной "
    "администрации, которая также долго выступала за него и для которой это было важно, как и "
    "для жителей региона, что они не раз подчеркивали в своих заявлениях. "
)
DE = (
    "Der Korridor wurde im Frühjahr geöffnet, und die Entscheidung des Ministeriums wurde mit "
    "der Unterstützung der örtlichen Verwaltung getroffen, die sich seit Jahren dafür eingesetzt "
    "hatte, weil sie für die Bewohner der Region wichtig war. "
)


@pytest.mark.parametrize(
    ("body", "code"), [(EN, "en"), (TR, "tr"), (AZ, "az"), (RU, "ru"), (DE, ""), ("Short.", "")]
)
def test_detects_the_body_language(body: str, code: str) -> None:
    got, evidence = detect_language(body * 2)
    assert got == code, evidence


def test_a_german_body_falls_back_to_english_and_says_so_once() -> None:
    doc = Document(text=DE * 3, body=Span(0, len(DE) * 3))
    lang = manuscript_language(doc)
    assert (lang.code, lang.source, lang.known) == ("en", "fallback", False)
    ctx = Context(doc, (), options=RuleOptions(language_source="fallback", language_evidence="x"))
    (f,) = multilingual.check_manuscript_language(ctx)
    assert f.code == "N506" and "English citation and translation rules apply" in f.message
    short = manuscript_language(Document(text="Body.", body=Span(0, 5)))
    assert (short.code, short.source) == ("en", "short")


def test_the_language_setting_overrides_detection() -> None:
    doc = Document(text=EN * 3, body=Span(0, len(EN) * 3))
    assert manuscript_language(doc, "tr").code == "tr"
    assert manuscript_language(doc, "tr").source == "config"


def test_language_and_et_al_settings_are_validated(tmp_path: Path) -> None:
    cfg = tmp_path / "refcheck.toml"
    cfg.write_text('language = "TR"\net_al = "VD."\n', encoding="utf-8")
    got = load_config(explicit=cfg, env={})
    assert (got.language, got.et_al) == ("tr", "vd.")
    cfg.write_text('select = ["X3"]\nlanguage = "de"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config(explicit=cfg, env={})
    assert exc.value.line == 2 and "unknown language 'de'" in str(exc.value)
    cfg.write_text('et_al = "u. a."\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"unknown form 'u\. a\.'"):
        load_config(explicit=cfg, env={})


def test_an_unknown_language_setting_is_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "refcheck.toml").write_text('language = "xx"\n', encoding="utf-8")
    paper = tmp_path / "paper.txt"
    paper.write_text("Body (Ferrow, 2010).\n\nReferences\nFerrow, A. (2010). T. P.\n", "utf-8")
    code = main(["check", str(paper), "--offline", "--config", str(tmp_path / "refcheck.toml")])
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "refcheck.toml" in err and "xx" in err


# ------------------------------------------------------------------------ C207, C208


def person(family: str) -> Person:
    return Person(family=family, given="A.")


def build(body: str, authors: list[tuple[Agent, ...]], **options: str) -> Context:
    text = body + "\n\nREFERENCES\n"
    refs: list[Reference] = []
    for i, names in enumerate(authors, 1):
        line = ", & ".join(a.display for a in names) + ". (2020). A title. Press."
        start = len(text)
        text += line + "\n"
        refs.append(Reference(i, line, Span(start, start + len(line)), i, authors=names, year=2020))
    end = len(body)
    doc = Document(text, body=Span(0, end), heading=Span(end + 2, end + 12), references=tuple(refs))
    cits = extract_citations(doc)
    opts = RuleOptions(**options)  # type: ignore[arg-type]
    return Context(doc, tuple(refs), cits, match_citations(cits, refs), options=opts)


THREE = (person("Yıldırım"), person("Oral"), person("Sezer"))
PAIR = (person("Kayacı"), person("Demirel"))
RU3 = (person("Сидоренко"), person("Орлов"), person("Зайцев"))


@pytest.mark.parametrize(
    ("body", "language", "et_al", "suggestion"),
    [
        ("(Yıldırım vd., 2020, s. 4)", "en", "auto", "(Yıldırım et al., 2020, p. 4)"),
        ("(Kayacı ve Demirel, 2020)", "en", "auto", "(Kayacı & Demirel, 2020)"),
        ("Kayacı ve Demirel (2020) argue", "en", "auto", "Kayacı and Demirel (2020)"),
        ("(bkz. Kayacı ve Demirel, 2020)", "en", "auto", "(Kayacı & Demirel, 2020)"),
        ("(Сидоренко и др., 2020, с. 12)", "en", "auto", "(Сидоренко et al., 2020, p. 12)"),
        ("(Yıldırım et al., 2020)", "tr", "vd.", "(Yıldırım vd., 2020)"),
        ("(Yıldırım vd., 2020)", "tr", "et al.", "(Yıldırım et al., 2020)"),
        ("(Сидоренко и др., 2020)", "tr", "auto", "(Сидоренко vd., 2020)"),
        ("(Kayacı ve Demirel, 2020, с. 5)", "tr", "auto", "(Kayacı ve Demirel, 2020, s. 5)"),
        ("(Yıldırım vd., 2020)", "az", "auto", "(Yıldırım və b., 2020)"),
        ("(Yıldırım vd., 2020)", "ru", "auto", "(Yıldırım и др., 2020)"),
    ],
)
def test_forms_of_another_language_are_c207_with_the_manuscripts_form(
    body: str, language: str, et_al: str, suggestion: str
) -> None:
    ctx = build(body, [THREE, PAIR, RU3], language=language, et_al=et_al)
    found = list(citation_style.citation_language(ctx))
    assert len(found) == 1, found
    f = found[0]
    if "bkz." in body:
        assert '"bkz." is Turkish' in f.message
        assert f.suggestion == "(see Kayacı & Demirel, 2020)"
    else:
        assert f.suggestion == suggestion
    assert f.reference is not None  # the linked entry is named


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("(Yıldırım et al., 2020; Kayacı & Demirel, 2020, p. 4)", "en"),
        ("(Yıldırım vd., 2020; Kayacı ve Demirel, 2020, s. 4)", "tr"),
        ("(Yıldırım et al., 2020; Kayacı & Demirel, 2020, p. 4)", "tr"),  # APA's forms too
        ("(Yıldırım ve ark., 2020)", "tr"),
        ("(Yıldırım və b., 2020; Kayacı və Demirel, 2020, səh. 4)", "az"),
        ("(Сидоренко и др., 2020, с. 12)", "ru"),
        ("Иваненко и Петренко (2020)", "ru"),
    ],
)
def test_the_manuscripts_own_forms_are_quiet(body: str, language: str) -> None:
    ctx = build(body, [THREE, PAIR, RU3], language=language)
    assert list(citation_style.citation_language(ctx)) == []


def test_a_citation_standing_alone_between_sentences() -> None:
    ctx = build("The corridor opened. (Kayacı & Demirel, 2020). Then it closed.", [PAIR])
    (f,) = citation_style.citation_between_sentences(ctx)
    assert f.code == "C208" and f.reference == 1
    assert f.suggestion == "opened (Kayacı & Demirel, 2020)."


@pytest.mark.parametrize(
    "body",
    [
        "The corridor opened (Kayacı & Demirel, 2020). Then it closed.",
        'It said "the corridor opened." (Kayacı & Demirel, 2020). Then it closed.',
        "(Kayacı & Demirel, 2020). Then it closed.",
        "As Kayacı et al. (2020). Then it closed.",
        "The corridor opened. (Kayacı & Demirel, 2020) Then it closed.",
    ],
)
def test_not_between_sentences(body: str) -> None:
    assert list(citation_style.citation_between_sentences(build(body, [PAIR]))) == []


def test_form_findings_name_the_linked_entry() -> None:
    ctx = build("(Kayacı 2020) and (Zorlu, 2019: 4)", [PAIR, (person("Oral"),)])
    (c206,) = rules.missing_comma(ctx)
    assert c206.reference == 1
    (c203,) = rules.colon_locator(ctx)
    assert c203.reference is None  # Zorlu (2019) has no entry: nothing to name


# ------------------------------------------------------------------------ N501, N502, N505


def _entries(body: str, lines: list[str], language: str) -> list[str]:
    text = body + "\nREFERENCES\n" + "\n".join(lines) + "\n"
    refs = []
    for i, line in enumerate(lines, 1):
        start = text.index(line)
        refs.append(
            Reference(i, line, Span(start, start + len(line)), i, title=line.split(". ")[2])
        )
    refs = list(normalise_references(refs, text=text))
    doc = Document(text=text, body=Span(0, len(body)))
    ctx = Context(doc, tuple(refs), options=RuleOptions(language=language))
    return [f"{f.code}:{f.reference}" for f in multilingual.check_entries(ctx)]


TITLES = [
    "Kayacı, A. (2019). Türkiye'nin enerji politikası ve bölgesel güvenlik sorunları. Ankara.",
    "Орлов, В. (2015). Внешняя политика России и проблемы региональной безопасности. Москва.",
    "Ferrow, A. (2010). The energy policy of small states and regional security. London.",
]


def test_translation_follows_the_manuscripts_language() -> None:
    assert _entries(EN, TITLES, "en") == ["N502:1", "N501:2", "N502:2"]
    assert _entries(TR, TITLES, "tr") == ["N501:2", "N502:2"]
    assert _entries(RU, TITLES, "ru") == ["N502:1"]


def test_cyrillic_citations_are_right_in_a_russian_manuscript() -> None:
    ctx = build("(Сидоренко и др., 2020)", [RU3], language="ru")
    assert list(multilingual.check_citations(ctx)) == []
    ctx = build("(Сидоренко и др., 2020)", [RU3], language="en")
    assert [f.code for f in multilingual.check_citations(ctx)] == ["N505"]


def test_the_russian_n502_message_asks_for_a_russian_translation() -> None:
    text = RU + "\nREFERENCES\n" + TITLES[0] + "\n"
    ref = Reference(1, TITLES[0], Span(0, 1), 1, title=TITLES[0].split(". ")[2])
    (ref,) = normalise_references([ref], text=text)
    ctx = Context(Document(text=text), (ref,), options=RuleOptions(language="ru"))
    (f,) = multilingual.check_entries(ctx)
    assert "no Russian translation" in f.message and "[Russian translation" in f.suggestion


# ------------------------------------------------------------------------ end to end


PAPER_TR = (
    TR * 3
    + "Bu bulgu önceki çalışmalarla uyumludur (Yıldırım vd., 2020; Kayacı ve Demirel, 2019). "
    + "Ayrıca Ferrow (2010) aynı sonuca varmıştır.\n\nKaynakça\n\n"
    + "Ferrow, A. (2010). The energy policy of small states. *Journal of Routes*, *2*(1), 1–9.\n"
    + "Kayacı, B., & Demirel, C. (2019). Enerji politikası ve bölgesel güvenlik. *Bölge "
    + "Dergisi*, *3*(2), 10–20.\n"
    + "Yıldırım, D., Oral, E., & Sezer, F. (2020). Koridorlar ve ticaret yolları. *Yol "
    + "Dergisi*, *4*(1), 5–15.\n"
)


def test_a_turkish_manuscript_end_to_end() -> None:
    doc = load_text(PAPER_TR, "paper.md", "markdown")
    report = check(doc, Config(offline=True))
    assert report.language == "tr"
    got = sorted(f.code for f in report.findings if f.code[0] in "CXN")
    assert "X301" not in got and "X302" not in got and "C207" not in got
    assert "N502" not in got  # Turkish titles in a Turkish article need no translation
    data = json.loads(_json(report))
    assert data["language"] == "tr"
    assert [(x["citation"], x["references"], x["how"]) for x in data["links"]] == [
        ("Yıldırım vd., 2020", [3], "exact"),
        ("Kayacı ve Demirel, 2019", [2], "exact"),
        ("Ferrow (2010)", [1], "exact"),
    ]
    assert data["links"][0]["line"] == 1 and data["links"][0]["column"] > 1


def _json(report: object) -> str:
    from refcheck.report import render

    return render(report, "json")  # type: ignore[arg-type]


def test_json_links_say_how_and_offer_the_nearest_entry() -> None:
    text = (
        EN * 2 + "As argued (Hollen, 2021), (Hollen, 2018) and (Zimmer, 2019).\n\nReferences\n\n"
        "Hallen, A. (2021). A title. *Journal of Routes*, *2*(1), 1–9.\n"
    )
    report = check(load_text(text, "p.md", "markdown"), Config(offline=True))
    items = json.loads(_json(report))["links"]
    assert [(x["references"], x["how"], x["method"], x["candidates"]) for x in items] == [
        ([1], "near", "near", []),
        ([], None, None, [1]),
        ([], None, None, []),
    ]
    assert set(items[0]) == {
        "citation",
        "line",
        "column",
        "references",
        "how",
        "method",
        "candidates",
    }


def test_config_language_reaches_the_rules() -> None:
    doc = load_text(PAPER_TR.replace(TR * 3, EN * 3), "paper.md", "markdown")
    en = check(doc, Config(offline=True))
    tr = check(doc, replace(Config(offline=True), language="tr"))
    assert en.language == "en" and tr.language == "tr"
    assert "C207" in {f.code for f in en.findings}
    assert "C207" not in {f.code for f in tr.findings}


def test_json_links_name_every_copy_of_a_work_listed_twice_and_none_is_uncited() -> None:
    entry = "Soare, M. (2020). Progressive web apps. *Journal of Routes*, *2*(1), 1–9.\n"
    text = (
        EN * 2 + "As shown (Soare, 2020).\n\nReferences\n\n" + entry
        + "Lind, K. (2019). Another title. *Journal of Routes*, *1*(1), 1–9.\n" + entry
    )  # fmt: skip
    report = check(load_text(text, "p.md", "markdown"), Config(offline=True))
    items = json.loads(_json(report))["links"]
    assert [(x["citation"], x["references"]) for x in items] == [("Soare, 2020", [1, 3])]
    uncited = [f.reference for f in report.findings if f.code == "X302"]
    assert uncited == [2]
    assert "L404" in {f.code for f in report.findings}  # the repeat itself is reported


def test_in_press_words_of_every_language_are_read_and_said_in_the_manuscripts() -> None:
    one = (person("Kayacı"),)
    for body, language, want in [
        ("(Kayacı, çapda)", "en", "(Kayacı, in press)"),
        ("(Kayacı, basımda)", "en", "(Kayacı, in press)"),
        ("(Kayacı, baskıda)", "az", "(Kayacı, çapda)"),
    ]:
        ctx = build(body, [one], language=language)
        assert ctx.citations[0].in_press, body
        found = list(citation_style.citation_language(ctx))
        assert [f.suggestion for f in found] == [want], body
    # the manuscript's own word, and English's anywhere, are accepted
    for body, language in [("(Kayacı, çapda)", "az"), ("(Kayacı, basımda)", "tr"),
                           ("(Kayacı, in press)", "az")]:  # fmt: skip
        ctx = build(body, [one], language=language)
        assert ctx.citations[0].in_press and not list(citation_style.citation_language(ctx))
