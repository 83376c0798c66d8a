"""Bad files through the CLI: exit code 2 and one line on stderr naming the file, never a traceback.

Why: editors run refcheck on whatever authors send (a PNG renamed .txt, a Windows-1254 export,
a hostile .docx). Each case here either fails cleanly (exit 2, ``refcheck: error: FILE[:LINE]:
message`` on one line) or is processed within a stated time bound (docs/robustness.md).
Most cases call ``refcheck.cli.main`` in-process (fast); a few run ``python -m refcheck`` in a
subprocess so the real process boundary (exit status, stderr, no traceback) is covered too.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from refcheck.cli import main

EN = (
    "Intro text cites (Smith, 2020) and Yılmaz (2019).\n\nReferences\n\n"
    "Smith, J. (2020). A title of the work. Journal of Things, 1(2), 3–4.\n"
    "Yılmaz, Ş. (2019). Türkiye'de göç ve işgücü piyasası. İktisat Dergisi, 3(2), 1-20.\n"
)
TR = (
    "Giriş (Yılmaz, 2019; Çelik, 2020).\n\nKaynakça\n\n"
    "Çelik, Ğ. (2020). Öğrenci başarısı üzerine bir çalışma. Eğitim Dergisi, 4(1), 5-9.\n"
    "Yılmaz, Ş. (2019). Türkiye'de göç ve işgücü piyasası. İktisat Dergisi, 3(2), 1-20.\n"
)
RU = (
    "Введение (Иванов, 2020; Петров, 2018).\n\nСписок литературы\n\n"
    "Иванов, И. И. (2020). Внешняя политика России и Азербайджана в новом веке. "
    "Международные отношения, 5(2), 10-20.\n"
    "Петров, П. П. (2018). Сотрудничество государств Центральной Азии. Вестник МГУ, 3, 1-9.\n"
)
CT = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, err: str, path: Path | str, line: int | None = None) -> str:
    assert code == 2, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("refcheck: error: "), err
    where = f"{path}:{line}:" if line is not None else f"{path}"
    assert where in lines[0], (where, err)
    return lines[0]


def write_docx(path: Path, document_xml: str | bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("word/document.xml", document_xml)
    return path


# --------------------------------------------------------------------------- refused files


@pytest.mark.parametrize("command", ["check", "parse"])
@pytest.mark.parametrize(
    ("name", "data", "line", "words"),
    [
        ("empty.txt", b"", None, "empty"),
        ("blank.txt", b"  \n\t\n   \r\n", None, "whitespace"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), 3, "binary"),
        ("nul.txt", b"Intro\nmore text\x00\x00 here\n", 2, "binary"),
        ("word.docx", b"this is not a zip archive\n", None, "not a zip"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, None, ".doc"),
        ("paper.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", None, "PDF"),
    ],
)
def test_unusable_file_is_one_line_error(  # noqa: PLR0917
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    name: str,
    data: bytes,
    line: int | None,
    words: str,
) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    args = [command, str(f)] + (["--offline"] if command == "check" else [])
    code, out, err = run(capsys, *args)
    msg = assert_one_line_error(code, err, f, line)
    assert words.lower() in msg.lower()
    assert out == ""


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "nope.txt"
    code, _, err = run(capsys, "check", str(f), "--offline")
    assert "not found" in assert_one_line_error(code, err, f)
    code, _, err = run(capsys, "parse", str(f))
    assert "not found" in assert_one_line_error(code, err, f)


def test_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "folder"
    d.mkdir()
    # check searches a directory for manuscripts; an empty one is an error naming it
    code, _, err = run(capsys, "check", str(d), "--offline")
    assert "no manuscripts" in assert_one_line_error(code, err, d)
    code, _, err = run(capsys, "parse", str(d))
    assert "directory" in assert_one_line_error(code, err, d)


def test_directory_with_a_manuscript_is_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path), "--offline", "--fail-on", "never")
    assert code == 0, err
    assert "(2 references, 2 citations)" in out


@pytest.mark.parametrize("size_mb", [20, 50])
def test_huge_file_is_refused_fast_without_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], size_mb: int
) -> None:
    f = tmp_path / f"big{size_mb}.txt"
    with f.open("wb") as fh:  # sparse: the size is real, the bytes are never written
        fh.truncate(size_mb * 1024 * 1024)
    t = time.perf_counter()
    code, _, err = run(capsys, "check", str(f), "--offline")
    assert time.perf_counter() - t < 2.0
    msg = assert_one_line_error(code, err, f)
    assert "too large" in msg and f"{size_mb}.0 MiB" in msg


def test_no_reference_heading_then_references_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "nohead.txt"
    f.write_text(
        "Intro cites (Smith, 2020).\n\nSmith, J. (2020). A title. Journal, 1(2), 3–4.\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "check", str(f), "--offline")
    assert "--references-from" in assert_one_line_error(code, err, f)
    code, out, err = run(capsys, "check", str(f), "--offline", "--references-from", "3")
    assert code == 0, err
    assert "(1 reference, 1 citation)" in out
    code, out, err = run(capsys, "parse", str(f), "--references-from", "3")
    assert code == 0, err
    assert "Smith, J." in out and "2020" in out


# --------------------------------------------------------------------------- hostile .docx


def test_docx_with_external_entity_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    f = write_docx(
        tmp_path / "xxe.docx",
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>",
    )
    code, out, err = run(capsys, "check", str(f), "--offline")
    assert_one_line_error(code, err, f)
    assert "TOP-SECRET" not in out + err


def test_docx_billion_laughs_is_refused_fast(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ents = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    f = write_docx(
        tmp_path / "laughs.docx",
        f'<?xml version="1.0"?><!DOCTYPE d [{ents}]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>",
    )
    t = time.perf_counter()
    code, _, err = run(capsys, "check", str(f), "--offline")
    assert time.perf_counter() - t < 2.0
    assert_one_line_error(code, err, f)


def _zeros_deflated(gib: int = 1) -> bytes:
    """A raw deflate stream of ``gib`` GiB of zeros, built in ~0.2 s.

    After a full flush the compressor's state is reset, so every 16 MiB block of zeros
    compresses to the same bytes: compress one, repeat it.
    """
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(b"\0" * (1 << 24)) + comp.flush(zlib.Z_FULL_FLUSH)
    return block * (64 * gib) + comp.flush(zlib.Z_FINISH)


def _raw_zip(path: Path, members: list[tuple[str, bytes, int]]) -> Path:
    """Write a zip whose members are (name, raw deflate data, *declared* uncompressed size).

    zipfile cannot store pre-compressed data (nor lie about sizes), so the headers are packed
    by hand; the CRC is left 0 because a reader that honours its budget never gets to it.
    """
    out = bytearray()
    central = bytearray()
    for name, raw, size in members:
        fname = name.encode()
        offset = len(out)
        out += (
            struct.pack(
                "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, 0, len(raw), size, len(fname), 0
            )
            + fname
            + raw
        )
        central += (
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0x21,
                0,
                len(raw),
                size,
                len(fname),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + fname
        )
    cd_offset = len(out)
    out += central
    out += struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), cd_offset, 0
    )
    path.write_bytes(bytes(out))
    return path


def _deflate(data: bytes) -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    return comp.compress(data) + comp.flush()


def test_docx_zip_bomb_is_refused_fast(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """1 GiB of zeros deflated to ~1 MB, honest header: refused before inflating anything."""
    bomb = _zeros_deflated()
    f = _raw_zip(
        tmp_path / "bomb.docx",
        [("[Content_Types].xml", _deflate(CT), len(CT)), ("word/document.xml", bomb, 1 << 30)],
    )
    with zipfile.ZipFile(f) as z:  # a valid archive as far as zipfile is concerned
        assert z.getinfo("word/document.xml").file_size == 1 << 30
    t = time.perf_counter()
    code, _, err = run(capsys, "check", str(f), "--offline")
    assert time.perf_counter() - t < 3.0
    assert "zip bomb" in assert_one_line_error(code, err, f)


def test_docx_zip_bomb_with_lying_header_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The headers claim 1,000 bytes; the inflate budget (not the header) must stop it."""
    f = _raw_zip(
        tmp_path / "liar.docx",
        [
            ("[Content_Types].xml", _deflate(CT), len(CT)),
            ("word/document.xml", _zeros_deflated(), 1000),
        ],
    )
    t = time.process_time()
    code, _, err = run(capsys, "check", str(f), "--offline")
    assert time.process_time() - t < 5.0
    assert_one_line_error(code, err, f)


def test_docx_missing_document_part(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "hollow.docx"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("[Content_Types].xml", CT)
    code, _, err = run(capsys, "parse", str(f))
    assert "document.xml" in assert_one_line_error(code, err, f)


def test_docx_with_malformed_xml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write_docx(tmp_path / "broken.docx", f"<w:document {W}><w:body><w:p>")
    code, _, err = run(capsys, "check", str(f), "--offline")
    assert "well-formed" in assert_one_line_error(code, err, f)


# --------------------------------------------------------------------------- encodings and newlines


@pytest.mark.parametrize(
    ("text", "codec", "expect"),
    [
        (TR, "cp1254", ["Çelik, Ğ.", "Yılmaz, Ş.", "Öğrenci başarısı"]),
        (TR, "iso8859_9", ["Çelik, Ğ.", "Yılmaz, Ş."]),
        (RU, "cp1251", ["Иванов, И. И.", "Петров, П. П."]),
        (EN, "utf-16", ["Smith, J.", "Yılmaz, Ş."]),
        (EN, "utf-8-sig", ["Smith, J.", "Yılmaz, Ş."]),
    ],
)
def test_legacy_encodings_are_detected(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    codec: str,
    expect: list[str],
) -> None:
    f = tmp_path / f"ms-{codec}.txt"
    f.write_bytes(text.encode(codec))
    code, out, err = run(capsys, "parse", str(f))
    assert code == 0, err
    for s in expect:
        assert s in out, (s, out)
    code, out, err = run(capsys, "check", str(f), "--offline", "--fail-on", "never")
    assert code == 0, err
    assert "(2 references, 2 citations)" in out


def test_latin1_german_umlauts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "latin1.txt"
    text = (
        "Einleitung (Müller, 2019).\n\nReferences\n\n"
        "Müller, K. (2019). Über die Geschichte der Völker Europas. Größe Verlag.\n"
    )
    f.write_bytes(text.encode("latin-1"))
    code, out, err = run(capsys, "parse", str(f))
    assert code == 0, err
    assert "Müller, K." in out and "Über die Geschichte" in out


def test_undecodable_bytes_are_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "noise.txt"
    f.write_bytes(bytes(b for b in range(0x80, 0x100)) * 8 + b"\nReferences\n")
    code, _, err = run(capsys, "check", str(f), "--offline")
    msg = assert_one_line_error(code, err, f)
    assert "decode" in msg or "binary" in msg


def test_mixed_line_endings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "mixed.txt"
    f.write_bytes(
        b"Intro (Smith, 2020) and (Jones, 2019).\r\n\rReferences\r\n\n"
        b"Jones, K. (2019). Another title. Journal, 2, 5.\r"
        b"Smith, J. (2020). A title. Journal, 1(2), 3-4.\r\n"
    )
    code, out, err = run(capsys, "check", str(f), "--offline", "--format", "json")
    assert code in (0, 1), err
    import json

    data = json.loads(out)
    text = json.dumps(data)
    assert "\\r" not in text
    code, out, err = run(capsys, "parse", str(f))
    assert code == 0, err
    rows = [r for r in out.splitlines()[2:] if r.strip()]
    # entries on lines 5 and 6 of the normalised text: \r\n, \r, \r\n, \n, \r each end one line
    assert [r.split()[1] for r in rows] == ["5", "6"]


# --------------------------------------------------------------------------- large but legal


def test_megabyte_lines_are_processed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = "x" * (1 << 20)
    f = tmp_path / "long.txt"
    f.write_text(
        f"Intro {line} (Smith, 2020).\n\nReferences\n\nSmith, J. (2020). {line}. Journal, 1(2), 3-4.\n",
        encoding="utf-8",
    )
    t = time.process_time()
    code, out, err = run(capsys, "check", str(f), "--offline", "--fail-on", "never")
    took = time.process_time() - t
    assert code == 0, err
    assert "(1 reference, 1 citation)" in out
    assert took < 20.0


def _many_entries(n: int) -> str:
    def name(i: int) -> str:
        s = ""
        while True:
            s += "bcdfghklmnprstvzçşğ"[i % 19] + "aeiouıöü"[(i // 19) % 8]
            i //= 152
            if i == 0:
                return s.capitalize()

    lines = sorted(
        f"{name(i * 7 + 3)}, A. ({1950 + i % 70}). Title number {i} about things. "
        f"Journal of Stuff, {i % 50}({i % 4}), {i}-{i + 9}."
        for i in range(n)
    )
    body = " ".join(f"({name(i * 7 + 3)}, {1950 + i % 70})" for i in range(0, n, 10))
    return "Intro " + body + "\n\nReferences\n\n" + "\n".join(lines) + "\n"


def test_two_thousand_entries(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "n2000.txt"
    f.write_text(_many_entries(2_000), encoding="utf-8")
    t = time.process_time()
    code, out, err = run(capsys, "check", str(f), "--offline", "--fail-on", "never")
    assert time.process_time() - t < 20.0
    assert code == 0, err
    assert "(2000 references, 200 citations)" in out


@pytest.mark.skipif(
    os.environ.get("REFCHECK_SLOW", "") in ("", "0"), reason="set REFCHECK_SLOW=1 (about 30 s)"
)
@pytest.mark.timeout(300)
def test_twenty_thousand_entries(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "n20000.txt"
    f.write_text(_many_entries(20_000), encoding="utf-8")
    t = time.process_time()
    code, out, err = run(capsys, "check", str(f), "--offline", "--fail-on", "never")
    assert time.process_time() - t < 120.0
    assert code == 0, err
    assert "(20000 references, 2000 citations)" in out


# --------------------------------------------------------------------------- real processes


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "refcheck", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.timeout(120)
def test_subprocess_errors_have_exit_2_and_no_traceback(tmp_path: Path) -> None:
    png = tmp_path / "figure.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(20 * 1024 * 1024)
    bad_docx = tmp_path / "x.docx"
    bad_docx.write_bytes(b"PK\x03\x04 truncated")
    missing = tmp_path / "missing.txt"
    for path, cmd in ((png, "check"), (big, "check"), (bad_docx, "parse"), (missing, "parse")):
        args = [cmd, str(path)] + (["--offline"] if cmd == "check" else [])
        proc = _cli(*args)
        assert proc.returncode == 2, (path, proc.stderr)
        assert "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
        assert str(path) in proc.stderr
        assert proc.stdout == ""


# --------------------------------------------------------------------------- odd paths and options


@pytest.mark.parametrize("line", ["0", "-3", "999"])
def test_references_from_outside_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    f = tmp_path / "short.txt"
    f.write_text("Intro (Smith, 2020).\n\nSmith, J. (2020). T. J, 1, 3.\n", encoding="utf-8")
    for cmd in (["check", str(f), "--offline"], ["parse", str(f)], ["export", str(f)]):
        code, _, err = run(capsys, *cmd, "--references-from", line)
        if int(line) < 1:  # not a line number at all: the option is refused before reading
            assert "must be at least 1" in assert_one_line_error(code, err, "--references-from")
        else:
            assert "outside the file" in assert_one_line_error(code, err, f)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_device_is_refused_without_reading(capsys: pytest.CaptureFixture[str]) -> None:
    t = time.perf_counter()
    code, _, err = run(capsys, "check", "/dev/zero", "--offline")
    assert time.perf_counter() - t < 5.0
    assert "not a regular file" in assert_one_line_error(code, err, "/dev/zero")


def test_symlink_loop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    code, _, err = run(capsys, "parse", str(a))
    assert_one_line_error(code, err, a)


@pytest.mark.parametrize(
    ("open_tag", "close_tag"),
    [("<w:hyperlink>", "</w:hyperlink>"), ("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>")],
)
def test_docx_nested_too_deeply(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], open_tag: str, close_tag: str
) -> None:
    """Stored (not deflated) so the ratio guard does not fire first: recursion must not blow."""
    n = 50_000
    xml = (
        f"<w:document {W}><w:body><w:p>{open_tag * n}<w:r><w:t>Intro (Smith, 2020)</w:t></w:r>"
        f"{close_tag * n}</w:p></w:body></w:document>"
    )
    f = tmp_path / "deep.docx"
    with zipfile.ZipFile(f, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("word/document.xml", xml)
    code, _, err = run(capsys, "check", str(f), "--offline")
    assert "nested" in assert_one_line_error(code, err, f)


def test_tex_with_missing_bib_names_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "paper.tex"
    f.write_text(
        "\\documentclass{article}\n\\begin{document}\nIntro.\n\\bibliography{nothere}\n"
        "\\end{document}\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "check", str(f), "--offline")
    assert "nothere.bib" in assert_one_line_error(code, err, f, 4)


def test_tex_with_bib_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "ok.tex"
    f.write_text(
        "\\documentclass{article}\n\\begin{document}\nIntro \\cite{a}.\n\\bibliography{ok}\n"
        "\\end{document}\n",
        encoding="utf-8",
    )
    (tmp_path / "ok.bib").write_text(
        "@article{a, title={A title}, author={Smith, J.}, year={2020}, journal={J}}\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "parse", str(f))
    assert code == 0, err
    assert "Smith, J." in out


def test_hostile_markup_is_escaped_in_html_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "xss.txt"
    f.write_text(
        "Intro (<script>alert(1)</script>, 2020).\n\nReferences\n\n"
        "<script>alert(1)</script>, J. (2020). <img src=x onerror=alert(1)>. J, 1, 3.\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "check", str(f), "--offline", "--format", "html")
    assert code in (0, 1), err
    assert "<script>alert" not in out and "<img src=x" not in out
    assert "&lt;img src=x" in out or "&lt;script&gt;" in out


def test_batch_reports_good_files_and_one_line_per_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(EN, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    missing = tmp_path / "missing.txt"
    code, out, err = run(
        capsys, "check", str(good), str(bad), str(missing), "--offline", "--no-progress"
    )
    assert code == 2
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert f"{bad}:3:" in lines[0] and f"{missing}:" in lines[1]
    assert "3 manuscripts" in out and "input error" in out
