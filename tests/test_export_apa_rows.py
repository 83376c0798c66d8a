"""Issue 16's table, one test per row: what the renderers authors use got wrong, now pinned.

Each test names the row it pins. The values are what biblatex-apa, BibTeX's standard styles,
citeproc (pandoc, citeproc-py, Zotero) and Zotero's RIS import need to print APA 7.
"""

from __future__ import annotations

import json

import pytest
from pybtex.database import parse_string

from refcheck.errors import ExportError
from refcheck.exporter import export
from refcheck.exporter.bibtex import to_bibtex
from refcheck.exporter.csl import to_csl
from refcheck.exporter.ris import parse_ris, ris_record
from refcheck.model import Normalised, Organization, Person, Reference, Script, Span
from tests.helpers import latex_decoder


def ref(index: int = 1, **kw: object) -> Reference:
    raw = str(kw.pop("raw", "raw entry text"))
    return Reference(index=index, raw=raw, span=Span(0, len(raw)), line=index, **kw)  # type: ignore[arg-type]


def bib_fields(bib: str) -> dict[str, dict[str, str]]:
    data = parse_string(bib, "bibtex")
    return {k: dict(e.fields) for k, e in data.entries.items()}


def bib_entry(bib: str) -> dict[str, str]:
    (fields,) = bib_fields(bib).values()
    return fields


RU = ref(
    type="article-newspaper",
    authors=(Person("Березовский", "Г."),),
    year=2020,
    title='"Парад победителей": Эрдоган приехал в Баку',
    container_title="Газета.Ru",
    language="ru",
    script=Script.CYRILLIC,
)


def test_row1_biblatex_apa_gets_the_romanised_title_not_origtitle() -> None:
    f = bib_entry(to_bibtex([RU], biblatex=True))
    assert f["title"] == "“{P}arad pobediteleĭ”: {Ė}rdogan priekhal v {B}aku"
    assert "origtitle" not in f  # biblatex-apa would print it first, the title in brackets
    assert f["usera"] == "“{П}арад победителей”: {Э}рдоган приехал в {Б}аку"
    tr = ref(type="book", title="Zəfər xronikası", title_translation="Victory chronicle", year=2021)
    g = bib_entry(to_bibtex([tr], biblatex=True))
    assert (g["title"], g["titleaddon"]) == ("Zəfər xronikası", "Victory chronicle")


def test_row1_script_original_keeps_cyrillic_with_the_romanised_title_beside_it() -> None:
    f = bib_entry(to_bibtex([RU], biblatex=True, script="original"))
    assert f["title"] == "“{П}арад победителей”: {Э}рдоган приехал в {Б}аку"
    assert f["usera"] == "“{P}arad pobediteleĭ”: {Ė}rdogan priekhal v {B}aku"
    assert f["journaltitle"] == "Газета.Ru"
    data = parse_string(to_bibtex([RU], biblatex=True, script="original"), "bibtex")
    (entry,) = data.entries.values()
    assert str(entry.persons["author"][0]) == "Березовский, Г."
    with pytest.raises(ExportError, match="needs --encoding utf-8"):
        to_bibtex([RU], encoding="ascii", script="original")


@pytest.mark.parametrize("csl_type", ["article-newspaper", "article-magazine"])
def test_row2_periodicals_that_are_not_journals_are_nonacademic(csl_type: str) -> None:
    from refcheck.model import PartialDate

    r = ref(type=csl_type, title="A report", container_title="The Daily", year=2020,
            date=PartialDate(2020, 11, 10))  # fmt: skip
    f = bib_entry(to_bibtex([r], biblatex=True))
    assert f["entrysubtype"] == "nonacademic"
    assert f["date"] == "2020-11-10"  # biblatex-apa prints month and day for nonacademic


def test_row3_straight_quotes_become_opening_and_closing_quotes() -> None:
    r = ref(type="book", title='The "Victory parade" and \'the duo\'', year=2020)
    assert bib_entry(to_bibtex([r]))["title"] == "The “{V}ictory parade” and ‘the duo’"
    ascii7 = to_bibtex([r], encoding="ascii")
    assert r"{\textquotedblleft}" in ascii7 and r"{\textquoteright}" in ascii7
    apostrophes = ref(type="book", title="Hazar Denizi'nden CHI '09 Azerbaijanis'", year=2020)
    assert bib_entry(to_bibtex([apostrophes]))["title"] == (
        "Hazar {D}enizi'nden {CHI} ’09 {A}zerbaijanis’"
    )


def test_row4_and_inside_publisher_location_organization_is_text() -> None:
    r = ref(type="book", title="T", year=2001, publisher="Simon and Schuster",
            place="Trinidad and Tobago")  # fmt: skip
    f = bib_entry(to_bibtex([r], biblatex=True))
    assert f["publisher"] == "Simon {and} Schuster"
    assert f["location"] == "Trinidad {and} Tobago"
    web = ref(type="webpage", title="T", year=2001, container_title="Marks and Spencer")
    assert bib_entry(to_bibtex([web], biblatex=True))["organization"] == "Marks {and} Spencer"


def test_row5_a_title_opening_with_a_quote_keeps_its_capital() -> None:
    r = ref(type="book", title="'It was as if the war had never ended'", year=2020)
    assert bib_entry(to_bibtex([r]))["title"] == "‘{I}t was as if the war had never ended’"
    d = ref(type="book", title='"Strong Türkiye"', year=2020)
    assert bib_entry(to_bibtex([d]))["title"] == "“{S}trong {T}ürkiye”"


def test_row6_booktitle_is_case_protected() -> None:
    r = ref(type="chapter", title="Fitts' law", container_title="CHI '09 Extended Abstracts",
            year=2009)  # fmt: skip
    assert bib_entry(to_bibtex([r], biblatex=True))["booktitle"] == "{CHI} ’09 {E}xtended {A}bstracts"


def test_row7_conference_papers_are_inproceedings_with_booktitle_and_pages() -> None:
    r = ref(type="paper-conference", authors=(Person("Lee", "D. R."),), year=2009,
            title="Fitts' law in practice", container_title="Proceedings of CHI '09",
            pages="12–19", publisher="ACM")  # fmt: skip
    for biblatex in (False, True):
        data = parse_string(to_bibtex([r], biblatex=biblatex), "bibtex")
        (entry,) = data.entries.values()
        assert entry.type == "inproceedings"
        assert entry.fields["booktitle"] == "Proceedings of {CHI} ’09"
        assert entry.fields["pages"] == "12--19"
        assert "howpublished" not in entry.fields
    assert ris_record(r)[0] == "TY  - CPAPER"


def test_row8_unspaced_initials_are_separate_name_parts() -> None:
    r = ref(type="book", authors=(Person("Lee", "D.R."), Person("Kim", "J.-P.")), title="T",
            year=2001)  # fmt: skip
    data = parse_string(to_bibtex([r]), "bibtex")
    (entry,) = data.entries.values()
    lee, kim = entry.persons["author"]
    # two parts, not one "D.R." (which biber abbreviates to "Lee, D.")
    assert lee.first_names + lee.middle_names == ["D.", "R."]
    assert kim.first_names + kim.middle_names == ["J.-P."]


def test_row9_capital_schwa_survives_decoders_in_7bit_output() -> None:
    from pylatexenc.latex2text import LatexNodes2Text

    r = ref(type="book", authors=(Person("Əliyev", "İ."),), title="Əsərlər", year=2001)
    bib = to_bibtex([r], encoding="ascii")
    assert bib.isascii()
    assert r"{\textSchwa{\textschwa}}liyev" in bib
    (entry,) = parse_string(bib, "bibtex").entries.values()
    family = entry.persons["author"][0].last_names[0]
    # a stock decoder (pylatexenc, used by bibtexparser) skips the unknown macro, keeps the letter
    assert LatexNodes2Text().latex_to_text(family) == "əliyev"
    assert latex_decoder().latex_to_text(family) == "Əliyev"  # one that knows refcheck's macro
    assert r"\CYRSCHWA" in bib  # the @preamble prints the capital where T2A is loaded


def test_row10_csl_leaves_year_letters_to_the_renderer() -> None:
    r = ref(type="webpage", authors=(Organization("President of Azerbaijan Republic"),),
            year=2020, year_suffix="c", title="Ilham Aliyev received delegation")  # fmt: skip
    item = to_csl(r)
    assert "year-suffix" not in item
    assert item["custom"]["year_suffix"] == "c"


def test_row11_ris_no_et_al_author_journal_in_t2_letters_and_original_year_kept() -> None:
    r = ref(type="article-journal", authors=(Person("Taliaferro", "J. W."),), et_al=True,
            year=2020, year_suffix="b", original_year=1942, title="T",
            container_title="World Politics")  # fmt: skip
    lines = ris_record(r)
    assert "AU  - et al." not in lines
    assert "T2  - World Politics" in lines
    assert not any(line.startswith("JO  -") for line in lines)  # Zotero: JO = abbreviation
    assert "N1  - Author list ends with et al. in the manuscript" in lines
    assert "N1  - Year as cited: 2020b" in lines
    assert "N1  - Original work published 1942" in lines


def test_row12_csl_and_ris_romanise_cyrillic_entries() -> None:
    item = to_csl(RU)
    assert item["title"] == '"Parad pobediteleĭ": Ėrdogan priekhal v Baku'
    assert item["author"] == [{"family": "Berezovskiĭ", "given": "G."}]
    assert item["container-title"] == "Gazeta.Ru"
    assert item["custom"]["original_title"] == RU.title
    record = dict(parse_ris("\n".join(ris_record(RU)) + "\n")[0])
    assert record["TI"] == '"Parad pobediteleĭ": Ėrdogan priekhal v Baku'
    assert record["AU"] == "Berezovskiĭ, G."
    assert record["T2"] == "Gazeta.Ru"
    original = dict(parse_ris("\n".join(ris_record(RU, script="original")) + "\n")[0])
    assert original["TI"] == RU.title and original["AU"] == "Березовский, Г."


def test_row12_romanised_title_follows_the_normalise_stage_when_schemes_match() -> None:
    norm = Normalised(romanised_title="Parad (from the normaliser)", scheme="ala-lc")
    r = ref(type="book", title="Парад", year=2020, norm=norm)
    assert to_csl(r)["title"] == "Parad (from the normaliser)"
    assert to_csl(r, scheme="bgn-pcgn")["title"] == "Parad"


def test_row13_csl_et_al_is_printed_by_renderers() -> None:
    two = ref(type="book", authors=(Person("Taliaferro", "J. W."), Person("Lobell", "S. E.")),
              et_al=True, title="T", year=2009)  # fmt: skip
    assert to_csl(two)["author"][-1] == {"family": "Lobell", "given": "S. E.", "suffix": "et al."}
    group = ref(type="book", authors=(Organization("NATO"),), et_al=True, title="T", year=2009)
    assert to_csl(group)["author"] == [{"literal": "NATO, et al."}]


def test_row14_every_babel_language_is_written_and_unknown_ones_are_noted() -> None:
    ro = ref(type="book", title="Politica externă a României", year=2001, language="ro")
    assert bib_entry(to_bibtex([ro], biblatex=True))["langid"] == "romanian"
    xx = ref(type="book", title="Something", year=2001, language="zu")
    bib = to_bibtex([xx], biblatex=True)
    assert "langid" not in bib_entry(bib)
    assert "% language 'zu' has no babel name: langid left out" in bib


@pytest.mark.parametrize(
    ("title", "evidence", "written"),
    [
        ("Corpus design", "langdetect es 0.99", False),  # short: a guess
        ("Neoclassical realism and theories of foreign policy", "langdetect en 0.99", True),
        ("Türk dış politikası ve Kafkasya bölgesi", "langdetect tr 0.71", False),  # unsure
        ("Zəfər paradı", "ə in 2 word(s)", True),  # letters, not statistics
    ],
)
def test_row14_weak_language_guesses_leave_langid_out(
    title: str, evidence: str, written: bool
) -> None:
    lang = evidence.split()[1] if evidence.startswith("langdetect") else "az"
    norm = Normalised(title_language=lang, language_evidence=evidence)
    r = ref(type="book", title=title, year=2001, norm=norm)
    assert ("langid" in bib_entry(to_bibtex([r], biblatex=True))) is written


def test_unknown_script_is_an_error_naming_the_choices() -> None:
    with pytest.raises(ExportError, match=r"unknown script 'latin' \(expected one of: romanised, original\)"):
        export([RU], "csl-json", script="latin")


def test_csl_json_script_option_through_export() -> None:
    (item,) = json.loads(export([RU], "csl-json", script="original"))
    assert item["title"] == RU.title
