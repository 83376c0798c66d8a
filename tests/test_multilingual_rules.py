"""N5xx rules: romanisation (N501), translations (N502), look-alikes (N503), citations (N505)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from refcheck.checks import multilingual
from refcheck.findings import Finding, Severity, get_rule
from refcheck.model import Citation, Document, Organization, Person, Reference, Span
from refcheck.normalise import normalise_references
from refcheck.rules import Context, RuleOptions

SEED = Path(__file__).resolve().parent.parent / "seeds" / "turan-2025-asya-studies.txt"


def _run(ctx: Context) -> list[Finding]:
    out = list(multilingual.check_entries(ctx)) + list(multilingual.check_citations(ctx))
    return sorted(out, key=lambda f: (f.span.start if f.span else 0, f.code))


def _doc_with(entries: list[str], body: str = "") -> tuple[Document, list[Reference]]:
    text = body + "\nREFERENCES\n\n" + "\n".join(f"- {e}" for e in entries) + "\n"
    refs = []
    pos = len(body)
    for i, e in enumerate(entries, 1):
        start = text.index(e, pos)
        refs.append(Reference(i, e, Span(start, start + len(e)), text.count("\n", 0, start) + 1))
        pos = start + len(e)
    return Document(text=text, body=Span(0, len(body))), refs


def _seed_references() -> tuple[Document, list[Reference]]:
    """The seed's reference list split on bullets (independent of the split/parse stages)."""
    text = SEED.read_text(encoding="utf-8")
    start = text.index("\nREFERENCES\n") + 1
    refs: list[Reference] = []
    pos = text.index("\n", start) + 1
    for line in text[pos:].split("\n"):
        if line.strip():
            raw = line[2:] if line.startswith("- ") else line
            s = text.index(raw, pos)
            refs.append(
                Reference(len(refs) + 1, raw, Span(s, s + len(raw)), text.count("\n", 0, s) + 1)
            )
        pos += len(line) + 1
    return Document(text=text, body=Span(0, start)), refs


def test_rules_are_registered_with_examples_and_sources() -> None:
    for code, name, sev in [
        ("N501", "non-latin-not-transliterated", Severity.WARNING),
        ("N502", "missing-title-translation", Severity.WARNING),
        ("N503", "lookalike-characters", Severity.ERROR),
        ("N505", "non-latin-citation", Severity.WARNING),
    ]:
        rule = get_rule(code)
        assert (rule.name, rule.severity) == (name, sev)
        assert rule.bad != rule.good and rule.source and rule.summary.endswith(".")


def test_seed_every_cyrillic_entry_gets_n501_with_ala_lc_suggestion() -> None:
    doc, refs = _seed_references()
    assert len(refs) == 42
    ctx = Context(document=doc, references=normalise_references(refs, text=doc.text))
    findings = _run(ctx)
    n501 = {f.reference: f for f in findings if f.code == "N501"}
    cyrillic = {r.index for r in refs if any("\u0400" <= c <= "\u04ff" for c in r.raw)}
    assert set(n501) == cyrillic == {17, 35, 36, 37, 38, 39, 40, 41, 42}
    assert n501[38].suggestion == (
        "Makienko, K. (2020, November 10). Kak Rossii͡a proigrala vo vtoroĭ karabakhskoĭ voĭne. "
        "*Vedomosti*. https://www.vedomosti.ru/opinion/articles/2020/11/10/846462-rossiya-proigrala"
    )
    assert n501[41].suggestion.startswith("TASS. (2020, September 28). Peskov: Vsem storonam")
    assert n501[36].suggestion.startswith('Berezovskiĭ, G. (2020, December 9). "Parad pobediteleĭ"')
    for index, f in n501.items():
        assert index is not None
        assert f.span is not None and f.line is not None
        assert doc.text[f.span.start : f.span.end] == refs[index - 1].raw


def test_seed_tacc_reported_as_n503_at_each_occurrence() -> None:
    doc, refs = _seed_references()
    ctx = Context(document=doc, references=normalise_references(refs, text=doc.text))
    n503 = [f for f in _run(ctx) if f.code == "N503"]
    assert [f.reference for f in n503] == [40, 41, 41]
    for f in n503:
        assert f.span is not None and doc.text[f.span.start : f.span.end] == "TACC"
        assert f.severity is Severity.ERROR and f.suggestion == "TASS"
        assert "ТАСС" in f.message
    assert n503[1].line == doc.locate(refs[40].span.start)[0]


def test_n502_for_turkish_title_without_translation_and_not_when_translated() -> None:
    entries = [
        "Memmedov, A. (2023). Hazar Denizi'nden Akdeniz'e Zengezur Koridoru. *Dergisi*, 6(2).",
        "Memmedov, A. (2023). Hazar Denizi'nden Akdeniz'e Zengezur Koridoru [The Zangezur "
        "Corridor from the Caspian to the Mediterranean]. *Dergisi*, 6(2).",
        "Rose, G. (1998). Neoclassical realism and theories of foreign policy. *World Politics*.",
    ]
    doc, refs = _doc_with(entries)
    title = "Hazar Denizi'nden Akdeniz'e Zengezur Koridoru"
    refs = [
        replace(refs[0], title=title),
        replace(refs[1], title=title),
        replace(refs[2], title="Neoclassical realism and theories of foreign policy"),
    ]
    findings = _run(Context(document=doc, references=tuple(refs)))  # norm computed on the fly
    n502 = [f for f in findings if f.code == "N502"]
    assert [f.reference for f in n502] == [1]
    assert "Turkish" in n502[0].message
    assert n502[0].suggestion == f"{title} [English translation of the title]"
    assert not [f for f in findings if f.code in ("N501", "N503")]


def test_n502_respects_parsed_title_translation() -> None:
    doc, refs = _doc_with(
        ["AZTV. (2020). *Zəfər paradı keçirildi* [Victory parade held]. Aztv.az."]
    )
    ref = replace(refs[0], title="Zəfər paradı keçirildi", title_translation="Victory")
    assert not _run(Context(document=doc, references=(ref,)))


def test_n501_suggestion_follows_configured_scheme() -> None:
    doc, refs = _doc_with(["Березовский, Г. (2020). Парад победителей. Газета.Ru."])
    ref = replace(refs[0], authors=(Person("Березовский", "Г."),))
    for scheme, expected in [
        ("bgn-pcgn", "Berezovskiy, G. (2020). Parad pobediteley. Gazeta.Ru."),
        ("iso9", "Berezovskij, G. (2020). Parad pobeditelej. Gazeta.Ru."),
    ]:
        ctx = Context(
            document=doc,
            references=normalise_references([ref], "ala-lc", text=doc.text),
            options=RuleOptions(transliteration=scheme),
        )
        (f,) = [f for f in _run(ctx) if f.code == "N501"]
        assert f.suggestion == expected
        assert scheme in f.message


def test_n503_mixed_script_name_in_latin_entry() -> None:
    doc, refs = _doc_with(["Аliyev, I. (2020). Addressed the nation. President.az."])
    ref = replace(refs[0], authors=(Person("Аliyev", "I."),))
    findings = _run(Context(document=doc, references=(ref,)))
    assert [f.code for f in findings] == ["N501", "N503"]  # a Cyrillic letter is in the entry
    n503 = findings[1]
    assert n503.suggestion == "Aliyev" and "mixes Cyrillic" in n503.message
    assert n503.span == Span(refs[0].span.start, refs[0].span.start + 6)


def test_n505_cyrillic_citation_author() -> None:
    body = "As Макиенко (2020) argued, and (TASS, 2020; Rose, 1998) report."
    doc, refs = _doc_with(["Rose, G. (1998). Neoclassical realism. *World Politics*."], body)
    cits = (
        Citation(0, "Макиенко (2020)", Span(3, 18), "narrative", ("Макиенко",), 2020),
        Citation(1, "TASS, 2020", Span(32, 42), "parenthetical", ("TASS",), 2020),
        Citation(2, "Rose, 1998", Span(44, 54), "parenthetical", ("Rose",), 1998),
    )
    refs = [replace(refs[0], authors=(Organization("Rose"),))]
    findings = [f for f in _run(Context(doc, tuple(refs), citations=cits)) if f.code == "N505"]
    assert len(findings) == 1
    (f,) = findings
    assert (f.span, f.citation, f.suggestion) == (Span(3, 18), "Макиенко (2020)", "Makienko")
    assert f.line == 1 and f.column == 4


def test_plain_english_entry_has_no_findings() -> None:
    doc, refs = _doc_with(
        ["Waltz, K. N. (1979). *Theory of international politics*. Addison-Wesley."]
    )
    ref = replace(refs[0], title="Theory of international politics")
    assert _run(Context(document=doc, references=(ref,))) == []


@pytest.mark.parametrize("scheme", ["bogus", ""])
def test_bad_scheme_option_falls_back_to_ala_lc(scheme: str) -> None:
    doc, refs = _doc_with(["Макиенко, К. (2020). Война дронов."])
    ctx = Context(document=doc, references=tuple(refs), options=RuleOptions(transliteration=scheme))
    (f,) = _run(ctx)
    assert f.suggestion == "Makienko, K. (2020). Voĭna dronov."


def test_n502_cyrillic_title_suggests_romanised_title() -> None:
    doc, refs = _doc_with(["Макиенко, К. (2020). Как Россия проиграла. *Ведомости*."])
    ref = replace(refs[0], title="Как Россия проиграла")
    (f,) = [f for f in _run(Context(document=doc, references=(ref,))) if f.code == "N502"]
    assert "Russian" in f.message
    assert f.suggestion == "Kak Rossii͡a proigrala [English translation of the title]"


def test_seed_through_real_split_and_parse_when_available() -> None:
    """End to end with the split/parse stages (skipped while they are being rebuilt)."""
    try:
        from refcheck.loader import read_source
        from refcheck.parse import parse_entries
        from refcheck.split import split_document

        doc = split_document(read_source(str(SEED)))
        refs = parse_entries(doc.entries)
    except Exception as exc:  # pragma: no cover - depends on other stages' state
        pytest.skip(f"split/parse unavailable: {exc!r}")
    doc = replace(doc, references=normalise_references(refs, text=doc.text))
    findings = _run(Context(document=doc, references=doc.references))
    assert {f.reference for f in findings if f.code == "N501"} == {
        17, 35, 36, 37, 38, 39, 40, 41, 42,
    }  # fmt: skip
    assert [f.reference for f in findings if f.code == "N503"] == [40, 41, 41]
    n502 = {f.reference for f in findings if f.code == "N502"}
    assert {1, 3, 7, 11, 14, 27, 33, 34} <= n502  # the Turkish and Azerbaijani titles
    assert not n502 & {2, 4, 6, 19, 20, 26, 28}  # English titles


def test_n502_romanised_russian_title_without_translation() -> None:
    doc, refs = _doc_with(
        [
            "Kuznetsov, A. (2015). Vneshnyaya politika Rossii. Nauka.",
            "Makienko, K. (2020). Kak Rossiya proigrala vo vtoroy karabakhskoy voyne "
            "[How Russia lost the second Karabakh war]. Vedomosti.",
        ]
    )
    refs = [
        replace(refs[0], title="Vneshnyaya politika Rossii"),
        replace(
            refs[1],
            title="Kak Rossiya proigrala vo vtoroy karabakhskoy voyne",
            title_translation="How Russia lost the second Karabakh war",
        ),
    ]
    findings = _run(Context(document=doc, references=normalise_references(refs, text=doc.text)))
    n502 = [f for f in findings if f.code == "N502"]
    assert [f.reference for f in n502] == [1]
    assert "the title is in Russian (romanised Russian word(s): Vneshnyaya)" in n502[0].message
    assert not [f for f in findings if f.code == "N501"]  # already in Latin letters


MIXED_SCHEMES = """Text (Kuznetsov, 2015; Orlov, 2001; Nosov, 2010; Makienko, 2020).

References

Kuznetsov, A. (2015). Vneshnyaya politika Rossii [Russia's foreign policy]. Nauka.
Makienko, K. (2020). Как Россия проиграла [How Russia lost]. Ведомости.
Nosov, M. G. (2010). Novaya Evropa i Rossiya [New Europe and Russia]. Nauka.
Orlov, V. (2001). Istoriia russkoi literatury [A history of Russian literature]. Nauka.
"""


def _n504(text: str, scheme: str = "ala-lc") -> list[Finding]:
    from refcheck import api
    from refcheck.config import Config

    report = api.check(api.load_text(text), Config(offline=True, transliteration=scheme))
    return [f for f in report.findings if f.code == "N504"]


def test_romanisation_style_reads_the_scheme_of_a_title() -> None:
    from refcheck.normalise import romanisation_style, scheme_style

    assert romanisation_style("Vneshnyaya politika Rossii") == {"я": ("ya", "Vneshnyaya")}
    assert romanisation_style("Istorii︠a︡ russkoĭ literatury") == {
        "я": ("ia", "Istoriia"),
        "final й": ("ĭ", "russkoĭ"),
    }
    assert romanisation_style("Russkij yazyk. XX vek") == {  # XX is no х
        "я": ("ya", "yazyk"),
        "final й": ("j", "Russkij"),
    }
    assert scheme_style("ala-lc") == {"я": "ia", "final й": "ĭ", "х": "kh", "ь": "ʹ"}
    assert scheme_style("bgn-pcgn") == {"я": "ya", "final й": "y", "х": "kh", "ь": "'"}
    assert scheme_style("gost-7.79-b") == {"я": "ya", "final й": "j", "х": "x", "ь": "`"}


def test_n504_entry_that_leaves_the_list_s_scheme() -> None:
    (f,) = _n504(MIXED_SCHEMES)
    assert f.reference == 4
    assert f.severity is Severity.INFO
    assert f.message == (
        "entry 4 romanises Russian with я as ia (Istoriia), where the list's other romanised "
        "titles have я as ya (Vneshnyaya); use one scheme throughout"
    )
    assert f.suggestion == "write я as ya (Vneshnyaya) (bgn-pcgn, gost-7.79-b, wikipedia)"


def test_n504_cyrillic_suggestions_should_follow_the_list_s_scheme() -> None:
    consistent = MIXED_SCHEMES.replace("Istoriia russkoi", "Istoriya russkoy")
    (f,) = _n504(consistent)  # ALA-LC suggestions in a BGN/PCGN list
    assert f.reference == 2
    assert f.message == (
        "entry 2 is in Cyrillic and its suggested romanisation uses ala-lc (я as ia; final й as "
        "ĭ), but the list's romanised titles have я as ya (Vneshnyaya); final й as y (russkoy); "
        'set transliteration = "bgn-pcgn" so the two match'
    )
    assert _n504(consistent, "bgn-pcgn") == []  # suggestions already match
    romanised = consistent.replace(
        "Как Россия проиграла [How Russia lost]. Ведомости.",
        "Kak Rossiya proigrala [How Russia lost]. Vedomosti.",
    )
    assert _n504(romanised) == []  # no Cyrillic entry left, and the titles agree
