"""The public API is a contract: its names, and that importing it stays cheap."""

from __future__ import annotations

import subprocess
import sys

import refcheck

EXPECTED = {
    "Citation",
    "ConfigError",
    "Document",
    "ExportError",
    "FieldDiff",
    "Finding",
    "InputError",
    "Link",
    "NoReferencesError",
    "Normalised",
    "Organization",
    "ParseStatus",
    "PartialDate",
    "Person",
    "RawEntry",
    "RefcheckError",
    "Reference",
    "Report",
    "Resolution",
    "Rule",
    "Script",
    "Severity",
    "Span",
    "__version__",
    "check",
    "export",
    "fix",
    "load",
    "load_text",
    "parse_references",
}


def test_all_is_exactly_the_public_api() -> None:
    assert set(refcheck.__all__) == EXPECTED
    for name in refcheck.__all__:
        assert hasattr(refcheck, name), name


def test_exceptions_form_one_tree() -> None:
    for exc in (
        refcheck.InputError,
        refcheck.NoReferencesError,
        refcheck.ConfigError,
        refcheck.ExportError,
    ):
        assert issubclass(exc, refcheck.RefcheckError)
    assert issubclass(refcheck.NoReferencesError, refcheck.InputError)
    err = refcheck.InputError("binary file", path="a.txt", line=3)
    assert str(err) == "a.txt:3: binary file"


def test_import_is_lazy() -> None:
    """``import refcheck`` must not pull the network, BibTeX or language-model stacks."""
    code = (
        "import sys, refcheck; "
        "heavy = [m for m in ('requests', 'requests_cache', 'pybtex', 'langdetect', 'rapidfuzz') "
        "if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_span_and_locate() -> None:
    doc = refcheck.Document(text="ab\ncd\n\nef")
    assert doc.locate(0) == (1, 1)
    assert doc.locate(4) == (2, 2)
    assert doc.locate(7) == (4, 1)
    assert doc.line_text(2) == "cd"
    assert refcheck.Span(3, 5).slice(doc.text) == "cd"


def test_public_verbs_survive_stage_imports(seed_path: object) -> None:
    """Stage modules must not shadow the verbs: importing a submodule sets a package attribute."""
    doc = refcheck.load(str(seed_path))
    refcheck.export(doc.references[:1], format="csl-json")
    for verb in ("load", "check", "export", "parse_references", "load_text"):
        assert callable(getattr(refcheck, verb)), verb
    assert refcheck.load.__module__ == "refcheck.api"
    assert refcheck.export.__module__ == "refcheck.api"


def test_parse_references_with_and_without_heading() -> None:
    listing = (
        "Rose, G. (1998). Neoclassical realism and theories of foreign policy. *World Politics*, "
        "*51*(1), 144–172. https://doi.org/10.1017/s0043887100007814\n"
        "Макиенко, К. (2020, November 10). Как Россия проиграла во второй карабахской войне. "
        "*Ведомости*. https://www.vedomosti.ru/opinion/articles/2020/11/10/846462\n"
    )
    for text in (listing, "Kaynakça\n\n" + listing):
        refs = refcheck.parse_references(text)
        assert [r.index for r in refs] == [1, 2]
        assert refs[0].authors == (refcheck.Person("Rose", "G."),)
        assert (refs[0].year, refs[0].volume, refs[0].issue, refs[0].pages) == (
            1998, "51", "1", "144–172",
        )
        assert refs[0].doi == "10.1017/s0043887100007814"
        assert refs[1].authors == (refcheck.Person("Макиенко", "К."),)
        assert refs[1].date == refcheck.PartialDate(2020, 11, 10)
        assert refs[1].container_title == "Ведомости"
        assert refs[1].script is refcheck.Script.CYRILLIC
