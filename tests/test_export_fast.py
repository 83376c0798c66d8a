"""The export stage's fast paths give exactly what the plain algorithms give (issue 6 speed work).

Each shortcut taken for speed (the regex pre-filter of case protection, the escape pre-check,
pybtex objects built from parts, the writer's inlined fields, the paused garbage collector) is
compared here with the straightforward computation it replaces.
"""

from __future__ import annotations

import io
import time
from typing import TextIO

import pybtex.database
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pybtex.database.output.bibtex import Writer
from pybtex.exceptions import PybtexError

from refcheck.exporter import bibtex as bib
from refcheck.exporter import latex
from refcheck.model import ParseStatus, Person, Reference, Span

# Latin, Turkish and Azerbaijani letters, Cyrillic, capitals outside Latin/Greek/Cyrillic
# (Armenian Ա, Cherokee Ꮳ, Georgian Ა, Deseret 𐐀), a titlecase digraph (ǅ), a circled capital
# (Ⓐ: upper case but not a letter), combining marks and the ALA-LC tie, refcheck's own
# placeholder code points, whitespace other than spaces, TeX specials and ligature characters.
ALPHABET = (
    "abcxyzABCXYZ019 .,:;'`\"()-–—/?!<>"
    "\\{}%&#$_^~"
    "çğıöşüâÇĞİÖŞÜəƏжЖцЦ"
    "ԱաᏣᎳᲐ𐐀ǅǄⒶ"
    "\u0301\u0308\u0361\ue000\ue002\ue003\u00a0\u2028\t"
)


def protect_case_reference(text: str, *, ascii: bool = False) -> str:
    """Case protection as first written: every word that is not all lower case is examined."""
    if text.islower():
        return latex.escape(text, ascii=ascii)
    text = text.translate(latex._NO_PLACEHOLDERS)
    out: list[str] = []
    pos = 0
    first = True
    for m in latex._WORD.finditer(text):
        w = m.group()
        if not w.islower():
            out.append(text[pos : m.start()])
            out.append(latex._protect_word.__wrapped__(w, first))
            pos = m.end()
        first = False
    out.append(text[pos:])
    escaped = latex._escape("".join(out), ascii)  # keeps the placeholders just inserted
    return escaped.replace(latex._LB, "{").replace(latex._RB, "}")


def escape_reference(text: str, *, ascii: bool = False) -> str:
    """:func:`latex.escape` without its pre-check (the translate-everything path)."""
    if not ascii:
        out = text.translate(latex._UTF8_TABLE)
        return latex._ligatures(latex._UTF8_HYPHENS.sub("-{}", out) if "--" in out else out)
    if not text.isascii():
        return latex._escape(text, True)  # the pre-check only skips ASCII text
    return latex._ligatures(latex._dashes(text.translate(latex._ASCII)))


@given(st.text(alphabet=ALPHABET, max_size=80))
def test_protect_case_prefilter_matches_the_word_by_word_algorithm(text: str) -> None:
    for ascii7 in (False, True):
        assert latex.protect_case(text, ascii=ascii7) == protect_case_reference(text, ascii=ascii7)


@given(st.text(alphabet=ALPHABET, max_size=80))
def test_escape_precheck_matches_the_full_escape(text: str) -> None:
    for ascii7 in (False, True):
        # _escape: escape's body after it has turned a manuscript's placeholders into U+FFFD
        assert latex._escape(text, ascii7) == escape_reference(text, ascii=ascii7)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Visit of Աrmenia's ᏣᎳᎩ delegation", "Visit of {Ա}rmenia's {ᏣᎳᎩ} delegation"),
        ("the ǅungla and Ⓐb", "the ǅungla and Ⓐ{b}"),  # titlecase is not upper; Ⓐ is no letter
        ("Ⲁ", "Ⲁ"),  # a single capital outside the ranges, first word: left alone
        ("a\u00a0Türkiye\u2028NATO", "a\u00a0{T}ürkiye\u2028{NATO}"),  # other whitespace splits
    ],
)
def test_protect_case_capitals_outside_latin_greek_cyrillic(title: str, expected: str) -> None:
    assert latex.protect_case(title) == expected == protect_case_reference(title)


def test_unmappable_matches_translating_the_whole_text() -> None:
    text = "udalosʹ Çam ж ə i͡u \ue000 𐐀 x\u0323"
    table = latex._ASCII
    text.translate(table)  # the reference: fill the table from the whole text
    chars = [c for c in text if not c.isascii() and not latex.unicodedata.combining(c)]
    expected = "".join(dict.fromkeys(c for c in chars if c in table.lossy))
    assert latex.unmappable(text) == expected
    assert "ʹ" in expected and "ж" in expected and "Ç" not in expected


@pytest.mark.parametrize("text", ["a" * 200_000 + "A", "a-" * 100_000, "ж" * 200_000])
def test_capital_prefilter_is_linear(text: str) -> None:
    start = time.perf_counter()
    latex.protect_case(text)
    latex.protect_case(text, ascii=True)
    assert time.perf_counter() - start < 5.0  # linear: milliseconds; quadratic: hours


# --------------------------------------------------------------------------- pybtex objects


def test_fast_entries_are_what_pybtex_builds() -> None:
    assert bib._FAST_PYBTEX  # with the pybtex installed here, the shortcut is in use
    fields = [("title", "{T}itle"), ("journal", "J"), ("year", "2020")]
    persons = [("author", [bib._person(["Turan"], first=["İsmail"])])]
    fast = bib._entry("article", fields, persons)
    slow = pybtex.database.Entry("article", fields=fields, persons=dict(persons))
    assert fast == slow
    assert bib._state(fast) == bib._state(slow)
    fast.fields["Note"] = "n"  # still pybtex's case-insensitive dict
    assert fast.fields["note"] == "n" and list(fast.fields)[-1] == "Note"


@pytest.mark.parametrize(
    ("parts", "string"),
    [
        ({"last": ["Turan"], "first": ["İsmail"]}, "Turan, İsmail"),
        ({"last": ["Clausewitz"], "first": ["Carl"], "prelast": ["von"]}, "von Clausewitz, Carl"),
        ({"last": ["King"], "first": ["Martin L."], "lineage": ["Jr."]}, "King, Jr., Martin L."),
        ({"last": ["{Ministry of Foreign Affairs}"]}, "{Ministry of Foreign Affairs}"),
        ({"last": ["others"]}, "others"),
    ],
)
def test_persons_from_parts_write_like_parsed_persons(
    parts: dict[str, list[str]], string: str
) -> None:
    built = bib._person(**parts)
    parsed = pybtex.database.Person(string)
    writer = bib.SafeWriter()
    assert writer._format_name(None, built) == Writer._format_name(writer, None, parsed)
    assert writer._format_name(None, built) == string


class ReferenceWriter(bib.SafeWriter):
    """The writer as first written: pybtex's own per-person and per-field helpers, stream writes."""

    _format_name = Writer._format_name

    def write_stream(self, bib_data: pybtex.database.BibliographyData, stream: TextIO) -> None:
        for line in self.header:
            stream.write(bib.comment(line) + "\n")
        if self.header:
            stream.write("\n")
        self._write_preamble(stream, bib_data.preamble)
        first = True
        for key, entry in bib_data.entries.items():
            if not first:
                stream.write("\n")
            first = False
            for note in self.notes.per_key.get(key, ()):
                stream.write(bib.comment(latex.escape(note, ascii=True)) + "\n")
            stream.write(f"@{entry.original_type}{{{key}")
            for role, persons in entry.persons.items():
                self._write_persons(stream, persons, role)
            for name, value in entry.fields.items():
                self._write_field(stream, name, value)
            stream.write("\n}\n")


def test_writer_matches_pybtex_helpers_also_for_edited_entries() -> None:
    refs = [
        Reference(
            index=i, raw=f"raw {i}", span=Span(0, 0), line=i, type="book",
            authors=(Person("Clausewitz", "Carl", particle="von"), Person("King", "M.", suffix="Jr.")),
            editors=(Person("Əliyev", "İlham"),), year=2020, title=f"Vom Kriege {i}",
            publisher="Dümmler", reason="x @ y", status=ParseStatus.PARTIAL if i % 2 else ParseStatus.PARSED,
        )
        for i in range(1, 5)
    ]  # fmt: skip
    for opts in (bib.BibOptions(), bib.BibOptions(biblatex=True, ascii=True)):
        data, notes = bib.to_bibliography(refs, opts)
        entries = list(data.entries.values())
        entries[0].fields["Month"] = "September"  # mixed case: not the month macro
        entries[1].fields["month"] = "March"
        entries[1].fields["TITLE"] = "Replaced"  # pybtex keeps the new spelling of the key
        del entries[2].fields["publisher"]
        entries[3].persons["author"] = []  # an empty role writes nothing
        data.add_to_preamble(r"\providecommand{\x}{}")
        fast, reference = io.StringIO(), io.StringIO()
        bib.SafeWriter(notes, ["header"]).write_stream(data, fast)
        ReferenceWriter(notes, ["header"]).write_stream(data, reference)
        assert fast.getvalue() == reference.getvalue()
        assert "    Month = {September}" in fast.getvalue()
        assert "    month = mar" in fast.getvalue()
        assert "    TITLE = {Replaced}" in fast.getvalue()


def test_writer_still_rejects_unbalanced_values() -> None:
    data = pybtex.database.BibliographyData()
    data.add_entry("k", pybtex.database.Entry("misc", fields={"note": "a { b"}))
    with pytest.raises(PybtexError):
        bib.SafeWriter().write_stream(data, io.StringIO())
