"""The load stage: encodings, newlines, bad files, Word .docx extraction and hardening, LaTeX."""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from hypothesis import given
from hypothesis import strategies as st

from refcheck.errors import InputError
from refcheck.loader import (
    DEFAULT_MAX_BYTES,
    decode_bytes,
    read_docx,
    read_source,
    source_from_text,
)

TR = "Yüzbaşıoğlu, N., & Çam, Ö. T. (2020). Dışişleri Bakanı Çavuşoğlu: Tüm imkânlarımızla.\n"
RU = "Макиенко, К. (2020, November 10). Как Россия проиграла во второй карабахской войне.\n"
AZ = "Xalq Cəbhəsi Qəzeti. (2021, October 5). Zəfər xronikası: 5 oktyabr 2020-ci il.\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


# --------------------------------------------------------------------------- text encodings


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param((TR + RU).encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + (TR + RU).encode("utf-8"), "utf-8", id="utf-8-bom"),
        pytest.param((TR + RU).encode("utf-16"), "utf-16", id="utf-16-le-bom"),
        pytest.param(b"\xfe\xff" + (TR + RU).encode("utf-16-be"), "utf-16", id="utf-16-be-bom"),
        pytest.param((TR + RU).encode("utf-32"), "utf-32", id="utf-32-bom"),
    ],
)
def test_unicode_encodings_decode_exactly(tmp_path: Path, data: bytes, encoding: str) -> None:
    src = read_source(write(tmp_path, "m.txt", data))
    assert src.text == TR + RU
    assert src.encoding == encoding
    assert src.format == "text"
    assert not src.text.startswith("\ufeff")


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        pytest.param(TR * 20, "cp1254", id="turkish-cp1254"),
        pytest.param(TR * 20, "iso8859_9", id="turkish-iso8859-9"),
        pytest.param(RU * 20, "cp1251", id="russian-cp1251"),
        pytest.param(RU * 20, "koi8_r", id="russian-koi8-r"),
    ],
)
def test_legacy_code_pages_are_detected(tmp_path: Path, text: str, codec: str) -> None:
    src = read_source(write(tmp_path, "legacy.txt", text.encode(codec)))
    assert src.text == text  # Turkish letters intact, not "Araţtýrmalar" mojibake
    assert src.encoding.replace("-", "_") in {codec, "cp1254", "iso8859_9", "cp1251", "koi8_r"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(b"a\r\nb\r\nc", "a\nb\nc", id="crlf"),
        pytest.param(b"a\rb\rc", "a\nb\nc", id="cr"),
        pytest.param(b"a\r\n\r\nb\n", "a\n\nb\n", id="mixed"),
        pytest.param("a\u2028b".encode(), "a\nb", id="line-separator"),
    ],
)
def test_newlines_are_normalised(tmp_path: Path, raw: bytes, expected: str) -> None:
    assert read_source(write(tmp_path, "n.txt", raw)).text == expected


def test_text_composed_to_nfc_otherwise_untouched(tmp_path: Path) -> None:
    """Decomposed letters (macOS, PDF copy-paste) are composed once at load: every offset refers
    to the NFC text, and "ç" is one letter for every stage. Spacing and markup stay as they are."""
    decomposed = "Kayna\u0301kc\u0327a  \t*italic*  x\n"
    assert read_source(write(tmp_path, "d.md", decomposed.encode())).text == (
        "Kaynákça  \t*italic*  x\n"
    )


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.txt", "text"), ("a.md", "markdown"), ("a.markdown", "markdown"), ("a.refs", "text")],
)
def test_format_from_suffix(tmp_path: Path, name: str, fmt: str) -> None:
    assert read_source(write(tmp_path, name, TR.encode())).format == fmt


def test_seed_loads(seed_path: Path, seed_text: str) -> None:
    src = read_source(seed_path)
    assert src.text == seed_text
    assert src.path == str(seed_path)


def test_source_from_text_normalises_newlines() -> None:
    src = source_from_text("a\r\nb", path="pasted")
    assert (src.text, src.path, src.format) == ("a\nb", "pasted", "text")


# --------------------------------------------------------------------------- bad files


def error_of(path: Path | str, **kw: int) -> InputError:
    with pytest.raises(InputError) as info:
        read_source(path, **kw)
    return info.value


def test_missing_file(tmp_path: Path) -> None:
    err = error_of(tmp_path / "nope.txt")
    assert err.path == str(tmp_path / "nope.txt")
    assert str(err) == f"{tmp_path / 'nope.txt'}: file not found"


def test_directory(tmp_path: Path) -> None:
    assert "is a directory" in str(error_of(tmp_path))


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "file is empty"), (b" \n\t\r\n  ", "file contains only whitespace")],
)
def test_empty_and_whitespace(tmp_path: Path, data: bytes, message: str) -> None:
    assert error_of(write(tmp_path, "e.txt", data)).message == message


def test_binary_nul_reports_line(tmp_path: Path) -> None:
    err = error_of(write(tmp_path, "b.txt", b"line one\nline two\nthree \x00\x01\x02 four"))
    assert "binary file" in err.message
    assert err.line == 3
    assert str(err).startswith(f"{tmp_path / 'b.txt'}:3: binary file")


def test_binary_control_characters_report_first(tmp_path: Path) -> None:
    data = b"ok line\n" * 5 + b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 5
    err = error_of(write(tmp_path, "c.txt", data))
    assert "control character" in err.message
    assert err.line == 6


def test_few_stray_controls_are_tolerated(tmp_path: Path) -> None:
    text = TR * 50 + "page\x0cbreak and one \x02 stray char\n"
    assert read_source(write(tmp_path, "s.txt", text.encode())).text == text


def test_undecodable_is_refused(tmp_path: Path) -> None:
    data = ("Surname, A. (2020). Title.\n" * 3).encode() + bytes(range(0x80, 0x100)) * 3
    err = error_of(write(tmp_path, "u.txt", data))
    assert "cannot decode" in err.message
    assert err.line == 4


def test_damaged_utf16_is_refused(tmp_path: Path) -> None:
    err = error_of(write(tmp_path, "u16.txt", b"\xff\xfeA\x00\x00\xd8"))
    assert "utf-16" in err.message


def test_too_large_is_refused_without_reading(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    with p.open("wb") as fh:  # sparse 20 MB file: instant to create, slow to read
        fh.seek(20_000_000)
        fh.write(b"x")
    t0 = time.perf_counter()
    err = error_of(p)
    assert time.perf_counter() - t0 < 0.5
    assert err.message == "file too large (19.1 MiB; the limit is 16.0 MiB)"
    assert DEFAULT_MAX_BYTES == 16 * 1024 * 1024


def test_max_bytes_is_configurable(tmp_path: Path) -> None:
    p = write(tmp_path, "m.txt", b"x" * 200)
    assert "too large" in error_of(p, max_bytes=100).message
    assert read_source(p, max_bytes=200).text == "x" * 200


def test_long_line_loads(tmp_path: Path) -> None:
    line = "a" * 1_500_000
    assert len(read_source(write(tmp_path, "l.txt", line.encode())).text) == 1_500_000


@pytest.mark.parametrize(
    ("data", "suffix", "needle"),
    [
        (b"%PDF-1.7\n...", ".pdf", "PDF is not supported"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, ".doc", "old Word .doc"),
        (b"{\\rtf1\\ansi Hello}", ".rtf", "RTF is not supported"),
    ],
)
def test_known_unsupported_formats_are_named(
    tmp_path: Path, data: bytes, suffix: str, needle: str
) -> None:
    assert needle in error_of(write(tmp_path, "x" + suffix, data)).message


# --------------------------------------------------------------------------- .docx


def italic_paragraph(d: docx.document.Document, line: str, style: str | None = None) -> None:
    """One paragraph from a Markdown-ish line: ``*x*`` becomes an italic run."""
    p = d.add_paragraph(style=style)
    for i, part in enumerate(re.split(r"\*([^*\n]+)\*", line)):
        if part:
            p.add_run(part).italic = True if i % 2 else None


def seed_docx(seed_text: str, path: Path) -> Path:
    d = docx.Document()
    for line in seed_text.split("\n"):
        if line.startswith("- "):
            italic_paragraph(d, line[2:], "List Bullet")
        else:
            italic_paragraph(d, line)
    d.save(str(path))
    return path


def test_docx_round_trip_equals_seed_text(seed_text: str, tmp_path: Path) -> None:
    src = read_source(seed_docx(seed_text, tmp_path / "seed.docx"))
    assert src.format == "docx"
    assert src.text == seed_text  # paragraphs = lines, italics = *...*, list → "- "


def test_docx_features(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph("Rose, G. (1998). Neoclassical realism. ")
    r = p.add_run("World Politics")
    r.italic = True
    p.add_run(", ")
    p.add_run("51").italic = True
    p.add_run("(1), 144–172.")
    p2 = d.add_paragraph("first half")
    p2.add_run().add_break()
    p2.add_run("second\thalf")
    p3 = d.add_paragraph("not italic: ")
    p3.add_run("plain").italic = False
    d.add_paragraph("Numbered entry", style="List Number")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "cell A"
    table.cell(0, 1).text = "cell B"
    p4 = d.add_paragraph("")
    p4.add_run("page").add_break(WD_BREAK.PAGE)
    d.save(str(tmp_path / "f.docx"))
    lines = read_source(tmp_path / "f.docx").text.split("\n")
    assert lines == [
        "Rose, G. (1998). Neoclassical realism. *World Politics*, *51*(1), 144–172.",
        "first half",
        "second half",
        "not italic: plain",
        "- Numbered entry",
        "cell A",
        "cell B",
        "page",
    ]


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def make_docx(
    tmp_path: Path, document: str, compression: int = zipfile.ZIP_DEFLATED, **parts: str
) -> Path:
    """A minimal hand-written .docx (for XML python-docx cannot produce: footnotes, attacks)."""
    p = tmp_path / "h.docx"
    with zipfile.ZipFile(p, "w", compression) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", document)
        for name, xml in parts.items():
            zf.writestr(f"word/{name}.xml", xml)
    return p


def body(xml: str) -> str:
    return f'<?xml version="1.0"?><w:document {W_NS}><w:body>{xml}</w:body></w:document>'


def test_docx_footnotes_follow_their_paragraph(tmp_path: Path) -> None:
    doc = body(
        "<w:p><w:r><w:t>Body text</w:t></w:r>"
        '<w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t xml:space="preserve"> more.</w:t>'
        "</w:r></w:p><w:p><w:r><w:t>Next paragraph</w:t></w:r></w:p>"
    )
    notes = (
        f'<?xml version="1.0"?><w:footnotes {W_NS}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>---</w:t></w:r></w:p>'
        '</w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>See Rose (1998).</w:t></w:r></w:p>'
        "</w:footnote></w:footnotes>"
    )
    src = read_source(make_docx(tmp_path, doc, footnotes=notes))
    assert src.text == "Body text[^1] more.\n[^1]: See Rose (1998).\nNext paragraph"


def test_docx_skips_deletions_and_field_codes_and_reads_styles(tmp_path: Path) -> None:
    doc = body(
        "<w:p><w:r><w:t>Kept </w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>"
        '<w:r><w:instrText xml:space="preserve"> ADDIN ZOTERO_ITEM {"json":1} </w:instrText>'
        '</w:r><w:r><w:rPr><w:rStyle w:val="Emph"/></w:rPr><w:t>Title</w:t></w:r>'
        '<w:r><w:rPr><w:i w:val="0"/></w:rPr><w:t>.</w:t></w:r></w:p>'
    )
    styles = (
        f'<?xml version="1.0"?><w:styles {W_NS}><w:style w:type="character" w:styleId="Base">'
        '<w:rPr><w:i/></w:rPr></w:style><w:style w:type="character" w:styleId="Emph">'
        '<w:basedOn w:val="Base"/></w:style></w:styles>'
    )
    assert read_source(make_docx(tmp_path, doc, styles=styles)).text == "Kept *Title*."


def test_docx_not_a_zip(tmp_path: Path) -> None:
    err = error_of(write(tmp_path, "fake.docx", b"just text pretending"))
    assert err.message == "not a Word .docx file (not a zip archive)"
    assert err.path == str(tmp_path / "fake.docx")


def test_docx_without_document_xml(tmp_path: Path) -> None:
    p = tmp_path / "empty.docx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("hello.txt", "hi")
    assert "no word/document.xml" in error_of(p).message


def test_docx_zip_bomb_is_refused_quickly(tmp_path: Path) -> None:
    p = tmp_path / "bomb.docx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", body("") + " " * 80_000_000)
    t0 = time.perf_counter()
    err = error_of(p)
    assert time.perf_counter() - t0 < 1.0
    assert "zip bomb" in err.message or "too large when unpacked" in err.message


def test_docx_member_reads_are_bounded(tmp_path: Path) -> None:
    """The streaming budget stops inflation; a header that lies about the size is damage."""
    from refcheck.loader import _Budget, _read_member

    buf = io.BytesIO()
    xml = body("<w:p><w:r><w:t>" + "x" * 5000 + "</w:t></w:r></w:p>")
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", xml)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
        with pytest.raises(InputError, match="zip bomb"):
            _read_member(zf, "word/document.xml", "x.docx", _Budget(len(xml) - 1))
        assert _read_member(zf, "word/document.xml", "x.docx", _Budget(len(xml))) == (xml.encode())
        zf.getinfo("word/document.xml").file_size = 10  # a lie: zipfile stops at 10, CRC fails
        with pytest.raises(InputError, match=r"damaged \.docx"):
            _read_member(zf, "word/document.xml", "x.docx", _Budget(10**6))


@pytest.mark.parametrize(
    "xml",
    [
        pytest.param(
            '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
            f"<w:document {W_NS}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body>"
            "</w:document>",
            id="billion-laughs",
        ),
        pytest.param(
            '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f"<w:document {W_NS}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body>"
            "</w:document>",
            id="xxe",
        ),
    ],
)
def test_docx_xml_attacks_are_refused(tmp_path: Path, xml: str) -> None:
    err = error_of(make_docx(tmp_path, xml))
    assert "forbidden XML construct" in err.message


def test_docx_malformed_xml(tmp_path: Path) -> None:
    err = error_of(make_docx(tmp_path, "<w:document><w:body>"))
    assert "not well-formed XML" in err.message


def test_docx_without_text(tmp_path: Path) -> None:
    assert "no text" in error_of(make_docx(tmp_path, body("<w:p/>"))).message


def test_read_docx_from_bytes_matches_file(tmp_path: Path) -> None:
    p = make_docx(tmp_path, body("<w:p><w:r><w:t>Only line</w:t></w:r></w:p>"))
    assert read_docx(p.read_bytes(), "mem.docx").text == "Only line"


# --------------------------------------------------------------------------- LaTeX


def test_latex_reads_bib_beside(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(
        "@comment{ignored}\n@article{rose1998,\n  title = {Neoclassical {R}ealism},\n}\n"
        "@book{waltz1979, title={Theory}}\n",
        encoding="utf-8",
    )
    tex = write(tmp_path, "paper.tex", b"Text \\cite{rose1998}.\n\\bibliography{refs}\n")
    src = read_source(tex)
    assert src.format == "latex"
    assert src.bib_entries == (
        "@article{rose1998,\n  title = {Neoclassical {R}ealism},\n}",
        "@book{waltz1979, title={Theory}}",
    )


def test_latex_missing_bib_names_it(tmp_path: Path) -> None:
    tex = write(tmp_path, "paper.tex", b"a\nb\n\\addbibresource{gone.bib}\n")
    err = error_of(tex)
    assert (err.line, err.message) == (3, "bibliography file gone.bib not found beside the .tex")


def test_decode_bytes_is_linear_on_adversarial_input() -> None:
    data = ("(" * 50_000 + "x" * 50_000).encode()
    t0 = time.perf_counter()
    assert len(decode_bytes(data).text) == 100_000
    assert time.perf_counter() - t0 < 1.0


def test_docx_text_box_read_once_and_after_its_paragraph(tmp_path: Path) -> None:
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    box = "<w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent>"
    doc = (
        f'<?xml version="1.0"?><w:document {W_NS} {mc}><w:body><w:p><w:r><w:t>Anchor</w:t>'
        f"</w:r><w:r><mc:AlternateContent><mc:Choice><w:drawing>{box}</w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        "</w:body></w:document>"
    )
    assert read_source(make_docx(tmp_path, doc)).text == "Anchor\nBox text"


def test_docx_deep_nesting_is_an_input_error(tmp_path: Path) -> None:
    deep = "<w:hyperlink>" * 5000 + "<w:r><w:t>x</w:t></w:r>" + "</w:hyperlink>" * 5000
    err = error_of(make_docx(tmp_path, body(f"<w:p>{deep}</w:p>"), zipfile.ZIP_STORED))
    assert "nested too deeply" in err.message


@given(st.binary(max_size=400))
def test_any_bytes_decode_or_raise_input_error(data: bytes) -> None:
    try:
        text = decode_bytes(data).text
    except InputError as err:
        assert err.message
    else:
        assert "\r" not in text and text.strip()


@given(st.binary(min_size=0, max_size=300), st.integers(min_value=0, max_value=1200))
def test_damaged_docx_is_an_input_error(noise: bytes, cut: int) -> None:
    """A real .docx with bytes overwritten or cut off: text or InputError, never a traceback."""
    data = bytearray(_SMALL_DOCX)
    data[cut : cut + len(noise)] = noise
    try:
        read_docx(bytes(data), "x.docx")
    except InputError as err:
        assert err.path == "x.docx"


def _small_docx() -> bytes:
    """A small but complete archive (document, styles, footnotes) so each example is cheap."""
    buf = io.BytesIO()
    styles = (
        f'<?xml version="1.0"?><w:styles {W_NS}><w:style w:styleId="E"><w:rPr><w:i/></w:rPr>'
        "</w:style></w:styles>"
    )
    notes = (
        f'<?xml version="1.0"?><w:footnotes {W_NS}><w:footnote w:id="1"><w:p><w:r><w:t>Note'
        "</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    doc = body(
        '<w:p><w:r><w:t>Rose, G. (1998). </w:t></w:r><w:r><w:rPr><w:rStyle w:val="E"/></w:rPr>'
        '<w:t>Neoclassical realism</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    )
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", doc)
        zf.writestr("word/styles.xml", styles)
        zf.writestr("word/footnotes.xml", notes)
    return buf.getvalue()


def test_small_docx_reads() -> None:
    assert read_docx(_SMALL_DOCX).text == "Rose, G. (1998). *Neoclassical realism*[^1]\n[^1]: Note"


_SMALL_DOCX = _small_docx()
