"""LaTeX escaping and citation keys of the export stage: tables of cases, round trips, safety."""

from __future__ import annotations

import re
import time

import pytest
from helpers import latex_decoder
from hypothesis import given
from hypothesis import strategies as st

from refcheck.errors import ExportError
from refcheck.exporter import keys, latex
from refcheck.model import Organization, ParseStatus, Person, Reference, Span

DEC = latex_decoder()


def decode(s: str) -> str:
    # pylatexenc renders the ALA-LC tie \t{iu} without its U+0361; compare without it
    return str(DEC.latex_to_text(s))


@pytest.mark.parametrize(
    ("text", "utf8", "ascii7"),
    [
        ("Çavuşoğlu", "Çavuşoğlu", r"{\c{C}}avu{\c{s}}o{\u{g}}lu"),
        ("Mevlüt", "Mevlüt", r'Mevl{\"u}t'),
        ("İlham Əliyev", "İlham Əliyev", r"{\.I}lham {\textSchwa{\textschwa}}liyev"),
        ("ılık", "ılık", r"{\i}l{\i}k"),
        ("imkânları", "imkânları", r"imk{\^a}nlar{\i}"),
        ("Berezovskiĭ", "Berezovskiĭ", r"Berezovski{\u{\i}}"),
        ("i͡u", "i͡u", r"{\t{iu}}"),
        ("100%", r"100\%", r"100\%"),
        ("a & b # c", r"a \& b \# c", r"a \& b \# c"),
        ("$x_1$", r"\$x\_1\$", r"\$x\_1\$"),
        ("x^2 ~y", r"x\textasciicircum{}2 \textasciitilde{}y", r"x\textasciicircum{}2 \textasciitilde{}y"),
        (r"\input{a}", r"\textbackslash{}input\textbraceleft{}a\textbraceright{}", r"\textbackslash{}input\textbraceleft{}a\textbraceright{}"),
        ("5–33", "5–33", "5--33"),
        ("a--b", "a-{}-b", "a-{}-b"),
        ("''x'' <<y>> ,,z !`", "'{}'x'{}' <{}<y>{}> ,{},z !{}`", "'{}'x'{}' <{}<y>{}> ,{},z !{}`"),
        ("“War”", "“War”", r"{\textquotedblleft}War{\textquotedblright}"),
        ("Straße", "Straße", r"Stra{\ss}e"),
    ],
)  # fmt: skip
def test_escape_table(text: str, utf8: str, ascii7: str) -> None:
    assert latex.escape(text) == utf8
    assert latex.escape(text, ascii=True) == ascii7


@pytest.mark.parametrize(
    "text",
    [
        "Dışişleri Bakanı Sayın Hakan Fidan'ın TBMM Genel Kurulu bütçe konuşması",
        "Zəfər xronikası: Prezident İlham Əliyevin Türkiyənin “TRT Haber” kanalına müsahibəsi",
        r"\input{/etc/passwd} \write18{rm -rf ~} \immediate {unbalanced",
        "50% off & #1 at $5_x^2 ~ }{ \\",
        "Gazeta.Ru — “Parad pobediteleĭ”: Ėrdogan…",
        "a--b---c – d — e",
    ],
)
@pytest.mark.parametrize("ascii7", [False, True])
def test_escape_round_trips_through_pylatexenc(text: str, ascii7: bool) -> None:
    assert decode(latex.escape(text, ascii=ascii7)) == text
    assert decode(latex.protect_case(text, ascii=ascii7)) == text


def test_ascii_output_is_seven_bit() -> None:
    out = latex.escape("Çavuşoğlu Əliyev İlham ıı ğ «x» № 5", ascii=True)
    assert out.isascii()
    assert latex.unmappable("Çavuşoğlu Əliyev ж") == "ж"


def test_unmappable_characters_are_transliterated_not_dropped() -> None:
    assert latex.escape("Москва", ascii=True) == "Moskva"
    assert latex.escape("東京", ascii=True).isascii()
    # ALA-LC's soft sign (U+02B9) has no 7-bit form: an apostrophe, reported as lossy
    assert latex.escape("udalosʹ", ascii=True) == "udalos'"
    assert latex.unmappable("udalosʹ Çam") == "ʹ"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Ripe for rivalry: Prospects for peace in a multipolar Asia",
         "Ripe for rivalry: {P}rospects for peace in a multipolar {A}sia"),
        ("Türkiye's stance and NATO", "Türkiye's stance and {NATO}"),
        ("NATO after Türkiye", "{NATO} after {T}ürkiye"),
        ("The Bayraktar TB2 kill list", "The {B}ayraktar {TB2} kill list"),
        ("use of iPhone data", "use of {iPhone} data"),
        ("the (Zangazur Corridor)", "the ({Z}angazur {C}orridor)"),
        ('the "TRT Haber" channel', 'the "{TRT} {H}aber" channel'),
        ("QA-94, 27 September", "{QA-94}, 27 {S}eptember"),
        ("В Кремле заявили", "В {К}ремле заявили"),
    ],
)  # fmt: skip
def test_protect_case_policy(title: str, expected: str) -> None:
    assert latex.protect_case(title) == expected


def test_protect_case_keeps_a_tied_capital_pair_together() -> None:
    # ALA-LC "Ц" → "T͡S": the tie spans two letters, so both go inside the protective braces
    assert latex.protect_case("v T͡Sentre", ascii=True) == r"v {{\t{TS}}}entre"
    assert latex.protect_case("v T͡Sentre") == "v {T͡S}entre"
    assert decode(latex.protect_case("v T͡Sentre", ascii=True)) == "v TSentre"  # pylatexenc drops ͡


def test_private_use_placeholders_in_input_cannot_forge_braces() -> None:
    out = latex.protect_case("a \ue002b Cc\ue003")
    assert out.count("{") == out.count("}") == 1
    assert out == "a \ufffdb {C}c\ufffd"


def test_protect_case_ascii_braces_the_accent_group() -> None:
    assert latex.protect_case("visit of Çavuşoğlu", ascii=True) == (
        r"visit of {{\c{C}}}avu{\c{s}}o{\u{g}}lu"
    )


def test_pages_dashes() -> None:
    assert latex.pages("5–33") == "5--33"
    assert latex.pages("635-661") == "635--661"
    assert latex.pages("e1001") == "e1001"


@pytest.mark.parametrize(
    "text",
    [
        "{" * 100_000,
        "\\" * 100_000,
        "a-" * 50_000,
        "Çç" * 50_000,
        "A " * 50_000,
        "i\u0361" * 50_000,
    ],
    ids=["braces", "backslashes", "dashes", "accents", "capitals", "ties"],
)
def test_escaping_is_linear_on_adversarial_input(text: str) -> None:
    start = time.perf_counter()
    latex.escape(text, ascii=True)
    latex.protect_case(text, ascii=True)
    latex.pages(text)
    keys.fold(text)
    # linear work is well under a second; backtracking would take minutes (generous for CI load)
    assert time.perf_counter() - start < 5.0


# --------------------------------------------------------------------------- citation keys


def ref(index: int = 1, **kw: object) -> Reference:
    return Reference(index=index, raw=str(kw.pop("raw", "x")), span=Span(0, 1), line=index, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Çavuşoğlu", "cavusoglu"),
        ("Əliyev", "eliyev"),
        ("İlham", "ilham"),
        ("Yüzbaşıoğlu", "yuzbasioglu"),
        ("Hasanoğlu", "hasanoglu"),
        ("O'Brien-Smith", "obriensmith"),
        ("Straße", "strasse"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert keys.fold(text) == folded


@pytest.mark.parametrize(
    ("reference", "key"),
    [
        (ref(authors=(Person("Turan", "A."),), year=2025, title="Ankara and Baku"), "turan2025ankara"),
        (ref(authors=(Person("Əliyev", "İ."),), year=2020, title="Bir zəfər tarixi"), "eliyev2020zefer"),
        (ref(authors=(Person("Çavuşoğlu", "M."),), year=2020, year_suffix="b", title="The visit"), "cavusoglu2020bvisit"),
        (ref(authors=(Person("Березовский", "Г."),), year=2020, title="«Парад победителей»"), "berezovskii2020parad"),
        (ref(authors=(Organization("The Republic of Türkiye Directorate of Communications"),), year=2023, title="President Erdoğan's post"), "republic2023president"),
        (ref(authors=(Person("Clausewitz", "Carl", particle="von"),), year=1832, title="Vom Kriege"), "clausewitz1832vom"),
        (ref(no_date=True, authors=(Person("Smith", "J."),), title="A study"), "smithndstudy"),
        (ref(in_press=True, authors=(Person("Smith", "J."),), title="Study"), "smithinpressstudy"),
        (ref(status=ParseStatus.UNPARSED, raw="Garbage entry with no structure"), "garbagend"),
        (ref(year=2001, raw="(2001)."), "anon2001"),
        (ref(authors=(Organization("Известия"),), year=2020, title="В Кремле заявили"), "izvestiia2020kremle"),
    ],
)  # fmt: skip
def test_base_keys(reference: Reference, key: str) -> None:
    assert keys.base_key(reference) == key
    assert key.isascii() and key.isalnum()


def test_keys_are_unique_with_letter_suffixes_in_list_order() -> None:
    a = ref(1, authors=(Person("Rehimov", "R."),), year=2020, title="Stance")
    b = ref(2, authors=(Person("Rehimov", "R."),), year=2020, title="Stance again")
    c = ref(3, authors=(Person("Rehimov", "R."),), year=2020, title="Other")
    d = ref(4, authors=(Person("Rehimov", "R."),), year=2020, title="Stance")
    assert keys.citation_keys([a, b, c, d]) == [
        "rehimov2020stancea",
        "rehimov2020stanceb",
        "rehimov2020other",
        "rehimov2020stancec",
    ]
    # deterministic: same list, same keys
    assert keys.citation_keys([a, b, c, d]) == keys.citation_keys([a, b, c, d])


def test_suffixed_key_does_not_steal_an_existing_key() -> None:
    x = ref(1, authors=(Person("Lee", "A."),), year=2020, title="A")  # base "lee2020" ("a" skipped)
    y = ref(2, authors=(Person("Lee", "A."),), year=2020, title="The")
    z = ref(3, authors=(Person("Lee", "A."),), year=2020, year_suffix="a")
    got = keys.citation_keys([x, y, z])
    assert len(set(got)) == 3
    assert got[2] == "lee2020a"
    assert got[:2] == ["lee2020b", "lee2020c"]


def test_romanisation_scheme_changes_keys() -> None:
    r = ref(authors=(Person("Щукин", "А."),), year=2019, title="Война")
    assert keys.base_key(r, "ala-lc") == "shchukin2019voina"
    assert keys.base_key(r, "bgn-pcgn").startswith("shchukin2019voy")


def test_unknown_scheme_is_an_export_error() -> None:
    with pytest.raises(ExportError, match="no-such-scheme"):
        keys.romaniser("no-such-scheme")


ALPHABET = (
    "abcxyzABCXYZ019 .,:;'`\"()-–—/?!@*+=<>|"
    "\\{}%&#$_^~"
    "çğıöşüâîûÇĞİÖŞÜəƏ"
)


@given(st.text(alphabet=ALPHABET, max_size=60))
def test_escape_round_trip_property(text: str) -> None:
    """Any mix of Turkish/Azerbaijani letters, dashes and TeX specials decodes back exactly."""
    for ascii7 in (False, True):
        out = latex.protect_case(text, ascii=ascii7)
        assert out.count("{") == out.count("}")
        assert not re.search(r"\\(input|write18|immediate)", out)
        if ascii7:
            assert out.isascii()
        assert decode(out) == text


def test_manuscript_private_use_characters_never_pass_as_brace_placeholders() -> None:
    # U+E002/U+E003 are protect_case's internal placeholders; text that contains them (Word
    # symbol fonts use the private-use area) must come out 7-bit and without stray braces
    from refcheck.exporter import latex

    for text in ("all lower \ue002 case", "Mixed \ue002Case\ue003 Words", "\ue003"):
        for out in (latex.protect_case(text, ascii=True), latex.escape(text, ascii=True)):
            assert out.isascii(), repr(out)
            assert out.count("{") == out.count("}")
    assert latex.protect_case("all lower \ue002 case") == "all lower \ufffd case"
    assert latex.protect_case("Mixed \ue002Case") == "Mixed \ufffd{C}ase"
