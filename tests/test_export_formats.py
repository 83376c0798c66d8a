"""CSL-JSON and RIS export: schema validity, exact item shapes, RIS parse-back, dispatch."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest

from refcheck.exporter import FORMATS, export
from refcheck.exporter.csl import to_csl, to_csl_json
from refcheck.exporter.ris import parse_ris, ris_record, to_ris
from refcheck.model import (
    Normalised,
    Organization,
    ParseStatus,
    PartialDate,
    Person,
    Reference,
    Script,
    Span,
)

SCHEMA = json.loads(
    (Path(__file__).parent / "golden" / "schema" / "csl-data.json").read_text(encoding="utf-8")
)


def ref(index: int = 1, **kw: Any) -> Reference:
    raw = kw.pop("raw", f"entry {index}")
    return Reference(index=index, raw=raw, span=Span(10, 20), line=index * 3, **kw)


ROSE = ref(
    1,
    raw="Rose, G. (1998). Neoclassical realism and theories of foreign policy. World Politics, "
    "51(1), 144–172. https://doi.org/10.1017/s0043887100007814",
    type="article-journal",
    authors=(Person("Rose", "G."),),
    year=1998,
    title="Neoclassical realism and theories of foreign policy",
    container_title="World Politics",
    volume="51",
    issue="1",
    pages="144–172",
    doi="10.1017/s0043887100007814",
    doi_raw="https://doi.org/10.1017/s0043887100007814",
    script=Script.LATIN,
    language="en",
)
MFA = ref(
    2,
    type="webpage",
    authors=(Organization("Ministry of Foreign Affairs of the Republic of Türkiye"),),
    year=2020,
    year_suffix="b",
    date=PartialDate(2020, 9, 27),
    title="QA-94, 27 September 2020",
    url="https://www.mfa.gov.tr/sc_-94.en.mfa",
    accessed=PartialDate(2024, 5, 31),
    apa_conformant=False,
    nonconformities=("title of a webpage not italicised",),
)
VON = ref(
    3,
    type="book",
    authors=(Person("Clausewitz", "Carl", particle="von", suffix="Jr."),),
    editors=(Person("Howard", "Michael"),),
    et_al=True,
    year=1984,
    original_year=1832,
    title="On war",
    title_translation="Vom Kriege",
    edition="2",
    publisher="Princeton University Press",
    place="Princeton",
    genre="[Book]",
)
NOVICHKOV = ref(
    4,
    type="article-newspaper",
    authors=(Person("Новичков", "Н."),),
    year=2020,
    title="Война дронов",
    container_title="TACC",
    script=Script.CYRILLIC,
    language="ru",
    norm=Normalised(romanised_title="Voĭna dronov", scheme="ala-lc"),
)
INPRESS = ref(5, type="report", authors=(Person("Doe", "J."),), in_press=True, title="Forthcoming")
NODATE = ref(6, type="webpage", authors=(Person("Doe", "J."),), no_date=True, title="Undated page")
UNPARSED = ref(7, raw="??? broken entry", status=ParseStatus.UNPARSED, reason="no year")
ODD_TYPE = ref(8, type="not-a-csl-type", title="Thing", year=2001)
REFS = [ROSE, MFA, VON, NOVICHKOV, INPRESS, NODATE, UNPARSED, ODD_TYPE]


# --------------------------------------------------------------------------- CSL-JSON


def test_csl_json_validates_against_the_csl_schema() -> None:
    items = json.loads(to_csl_json(REFS))
    jsonschema.validate(items, SCHEMA)
    assert [i["id"] for i in items] == [
        "rose1998neoclassical",
        "ministry2020bqa94",
        "clausewitz1984on",
        "novichkov2020voina",
        "doeinpressforthcoming",
        "doendundated",
        "brokennd",
        "anon2001thing",
    ]


def test_csl_item_exact_shape() -> None:
    assert to_csl(ROSE) == {
        "id": "rose1998neoclassical",
        "type": "article-journal",
        "author": [{"family": "Rose", "given": "G."}],
        "issued": {"date-parts": [[1998]]},
        "title": "Neoclassical realism and theories of foreign policy",
        "container-title": "World Politics",
        "volume": "51",
        "issue": "1",
        "page": "144–172",
        "DOI": "10.1017/s0043887100007814",
        "language": "en",
        "custom": {
            "line": 3,
            "raw": ROSE.raw,
            "script": "latin",
            "apa_conformant": True,
            "status": "parsed",
        },
    }


def test_csl_group_author_dates_and_nonconformities() -> None:
    item = to_csl(MFA, "k")
    assert item["id"] == "k"
    assert item["author"] == [{"literal": "Ministry of Foreign Affairs of the Republic of Türkiye"}]
    assert item["issued"] == {"date-parts": [[2020, 9, 27]]}
    # the manuscript's letter is kept aside: a renderer assigns its own (issue 16 row 10)
    assert "year-suffix" not in item
    assert item["custom"]["year_suffix"] == "b"
    assert item["accessed"] == {"date-parts": [[2024, 5, 31]]}
    assert item["URL"] == "https://www.mfa.gov.tr/sc_-94.en.mfa"
    assert item["custom"]["apa_conformant"] is False
    assert item["custom"]["nonconformities"] == ["title of a webpage not italicised"]


def test_csl_particles_suffix_editor_translation_original_date() -> None:
    item = to_csl(VON)
    # "et al." rides on the last listed name so renderers print it (row 13)
    assert item["author"] == [
        {
            "family": "Clausewitz",
            "given": "Carl",
            "non-dropping-particle": "von",
            "suffix": "Jr., et al.",
        }
    ]
    assert item["editor"] == [{"family": "Howard", "given": "Michael"}]
    assert item["original-date"] == {"date-parts": [[1832]]}
    assert item["translated-title"] == "Vom Kriege"
    assert item["title"] == f"{VON.title} [Vom Kriege]"  # Zotero's APA convention
    assert item["edition"] == "2"
    assert item["publisher-place"] == "Princeton"
    assert item["genre"] == "[Book]"
    assert item["custom"]["et_al"] is True


def test_csl_in_press_no_date_unparsed_and_unknown_type() -> None:
    ip = to_csl(INPRESS)
    assert ip["issued"] == {"literal": "in press"}
    assert ip["status"] == "in press"
    assert "issued" not in to_csl(NODATE)
    un = to_csl(UNPARSED)
    assert un["type"] == "document"
    assert un["custom"] == {
        "line": 21,
        "raw": "??? broken entry",
        "script": "none",
        "apa_conformant": True,
        "status": "unparsed",
        "reason": "no year",
    }
    assert set(un) == {"id", "type", "custom"}  # empty fields omitted
    assert to_csl(ODD_TYPE)["type"] == "document"


def test_csl_romanises_cyrillic_and_keeps_the_original_title() -> None:
    """APA romanises non-Latin references: so must the CSL-JSON renderers format (row 12)."""
    item = to_csl(NOVICHKOV)
    assert item["title"] == "Voĭna dronov"
    # not CSL's original-title: APA prints that as "(Original work published as …)"
    assert "original-title" not in item
    assert item["custom"]["original_title"] == "Война дронов"
    assert item["author"] == [{"family": "Novichkov", "given": "N."}]
    assert item["container-title"] == "TACC"
    assert item["custom"]["romanised_title"] == "Voĭna dronov"
    original = to_csl(NOVICHKOV, script="original")
    assert original["title"] == "Война дронов" and "original-title" not in original
    assert original["author"] == [{"family": "Новичков", "given": "Н."}]
    assert original["custom"]["romanised_title"] == "Voĭna dronov"
    text = to_csl_json([NOVICHKOV], script="original")
    assert "Война дронов" in text  # ensure_ascii=False
    assert text.startswith('[\n  {\n    "id": "novichkov2020voina",')


# --------------------------------------------------------------------------- RIS


def test_ris_record_exact() -> None:
    assert ris_record(ROSE, "rose1998neoclassical") == [
        "TY  - JOUR",
        "ID  - rose1998neoclassical",
        "AU  - Rose, G.",
        "PY  - 1998",
        "TI  - Neoclassical realism and theories of foreign policy",
        "T2  - World Politics",
        "VL  - 51",
        "IS  - 1",
        "SP  - 144",
        "EP  - 172",
        "DO  - 10.1017/s0043887100007814",
        "LA  - en",
        "ER  - ",
    ]


@pytest.mark.parametrize(
    ("reference", "ty"),
    [
        (ROSE, "JOUR"),
        (MFA, "ELEC"),
        (VON, "BOOK"),
        (NOVICHKOV, "NEWS"),
        (INPRESS, "RPRT"),
        (UNPARSED, "GEN"),
        (ODD_TYPE, "GEN"),
        (ref(type="chapter", title="c"), "CHAP"),
        (ref(type="thesis", title="t"), "THES"),
        (ref(type="article-magazine", title="m"), "MGZN"),
    ],
)
def test_ris_types(reference: Reference, ty: str) -> None:
    assert ris_record(reference)[0] == f"TY  - {ty}"


def test_ris_parse_back_of_own_output() -> None:
    records = parse_ris(to_ris(REFS))
    assert len(records) == len(REFS)
    mfa = dict(records[1])
    assert mfa["AU"] == "Ministry of Foreign Affairs of the Republic of Türkiye"
    assert mfa["DA"] == "2020/09/27/"
    assert mfa["Y2"] == "2024/05/31/"
    assert mfa["UR"] == "https://www.mfa.gov.tr/sc_-94.en.mfa"
    von = records[2]
    # et al. is not an author (row 11): it is noted
    assert [v for t, v in von if t == "AU"] == ["von Clausewitz, Carl, Jr."]
    assert ("N1", "Author list ends with et al. in the manuscript") in von
    assert ("N1", "Original work published 1832") in von
    assert ("A2", "Howard, Michael") in von
    assert ("TT", "Vom Kriege") in von
    assert ("CY", "Princeton") in von
    assert ("PB", "Princeton University Press") in von
    assert ("T2", "TACC") in records[3]
    assert ("PY", "in press") in records[4]
    assert not any(t == "PY" for t, _ in records[5])
    assert ("N1", "refcheck: unparsed: ??? broken entry") in records[6]


def test_ris_values_stay_on_one_line() -> None:
    r = ref(title="line one\nline two\r\n  three", year=2000)
    text = to_ris([r])
    assert "TI  - line one line two three\n" in text
    assert all(line == "" or line[2:6] == "  - " for line in text.splitlines())


# --------------------------------------------------------------------------- export()


def test_formats_registry() -> None:
    assert list(FORMATS) == ["bibtex", "biblatex", "csl-json", "ris", "jats", "crossref"]


def test_export_dispatches_every_format_and_keeps_every_entry() -> None:
    assert len(json.loads(export(REFS, "csl-json"))) == len(REFS)
    assert len(parse_ris(export(REFS, "ris"))) == len(REFS)
    for fmt in ("bibtex", "biblatex"):
        assert export(REFS, fmt).count("\n@") == len(REFS)
