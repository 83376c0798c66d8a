"""The load stage: turn a manuscript file into decoded text (:class:`refcheck.model.Source`).

Everything that can go wrong with a file (missing, binary, undecodable, too large, a broken or
hostile Word archive) is caught here and raised as :class:`refcheck.errors.InputError` with the
file name and, where there is one, the line, so the later stages only ever see clean ``str`` text.
Offsets matter downstream, so the text is kept as written: only line endings are normalised.

Supported inputs (see ``docs/input.md``): plain text and Markdown in any common encoding, Word
``.docx`` (read with ``zipfile`` + ``defusedxml``: paragraphs become lines, italics become
``*...*``, footnotes are kept) and, minimally, LaTeX ``.tex`` with a ``.bib`` beside it.
"""

from __future__ import annotations

import codecs
import re
import stat
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import Element, ParseError

from refcheck.errors import InputError
from refcheck.model import Source

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DOCX_MAX_RATIO",
    "DOCX_MAX_UNCOMPRESSED",
    "Decoded",
    "decode_bytes",
    "read_docx",
    "read_source",
    "source_from_text",
]

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
"""Largest file read (16 MiB): far above any manuscript, small enough to keep memory bounded."""

DOCX_MAX_UNCOMPRESSED = 64 * 1024 * 1024
"""Cap on the bytes inflated from one .docx (all parts read together): zip-bomb guard."""

DOCX_MAX_RATIO = 200
"""Cap on a part's compression ratio; real WordprocessingML XML compresses 5-30x, bombs 1000x."""

_CHUNK = 1 << 16
_MAX_CONTROL_SHARE = 0.01  # more than 1% odd control characters: treat as binary
_TEXT_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".mdown": "markdown"}

# Characters that should never appear in text: C0 controls except TAB, LF, VT, FF, CR; and DEL.
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and the codec that produced it (``Source.encoding``)."""

    text: str
    encoding: str


def read_source(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read a manuscript file and return its decoded text and format.

    Raises :class:`InputError` (one line naming the file) for anything unusable, so callers
    never see ``OSError``/``UnicodeDecodeError``/zip or XML exceptions.
    """
    p = Path(path)
    name = str(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError("file not found", name) from None
    except PermissionError:
        raise InputError("cannot read the file: permission denied", name) from None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", name) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError("is a directory, not a manuscript file", name)
    if not stat.S_ISREG(st.st_mode):  # a named pipe or a terminal would wait forever
        raise InputError("not a regular file (a pipe, socket or device): save it as a file", name)
    if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
        raise InputError(
            f"file too large ({_mib(st.st_size)}; the limit is {_mib(max_bytes)})", name
        )
    data = _read_bounded(p, name, max_bytes)
    suffix = p.suffix.lower()
    if suffix == ".docx" or (data.startswith(b"PK\x03\x04") and suffix not in {".txt", ".md"}):
        return read_docx(data, name)
    _refuse_known_binary(data, name, suffix)
    decoded = decode_bytes(data, name)
    fmt = _TEXT_SUFFIXES.get(suffix, "text")
    if suffix in {".tex", ".latex", ".ltx"}:
        return _latex_source(decoded, p, name, max_bytes)
    return Source(text=decoded.text, path=name, format=fmt, encoding=decoded.encoding)


def source_from_text(text: str, path: str = "<string>", fmt: str = "text") -> Source:
    """Wrap text already in memory (pasted references, tests) exactly like a loaded file."""
    return Source(text=_normalise_newlines(text), path=path, format=fmt, encoding="utf-8")


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MiB"


def _read_bounded(p: Path, name: str, max_bytes: int) -> bytes:
    """Read at most ``max_bytes + 1`` bytes: pipes and growing files cannot exhaust memory."""
    try:
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise InputError("cannot read the file: permission denied", name) from None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", name) from None
    if len(data) > max_bytes:
        raise InputError(f"file too large (more than {_mib(max_bytes)})", name)
    return data


def _refuse_known_binary(data: bytes, name: str, suffix: str) -> None:
    """Name the formats people actually try (PDF, old .doc, RTF) instead of 'binary file'."""
    if data.startswith(b"%PDF"):
        raise InputError("PDF is not supported: export the manuscript as .docx or .txt", name)
    if data.startswith(b"\xd0\xcf\x11\xe0") or suffix == ".doc":
        raise InputError(
            "old Word .doc (binary) is not supported: save the manuscript as .docx", name
        )
    if data[:64].lstrip().startswith(b"{\\rtf"):
        raise InputError("RTF is not supported: save the manuscript as .docx or .txt", name)


# --------------------------------------------------------------------------- text decoding

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Single-byte Latin code pages charset_normalizer confuses for Turkish/Azerbaijani text.
_LATIN_FAMILY = ("cp1254", "iso8859_9", "cp1252", "cp1250", "iso8859_2", "latin_1", "cp1257")
_TR_AZ_LETTERS = frozenset("çğışöüÇĞİŞÖÜâîû")
_MOJIBAKE_LETTERS = frozenset("ţýÝđĐþÞðÐřŕĺľťňůŢ¤ŗųŖ")


def decode_bytes(data: bytes, path: str = "<bytes>") -> Decoded:
    """Decode manuscript bytes: BOM, then strict UTF-8, then a *confident* detection.

    Returns the text with newlines normalised and the codec used. A wrong guess silently
    corrupts names (the whole point of refcheck), so an unsure detection is an error.
    """
    text: str | None = None
    encoding = ""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"cannot decode as {codec} (byte {exc.start}): the file is damaged",
                    path,
                    _byte_line(data, exc.start),
                ) from None
            encoding = "utf-8" if codec == "utf-8-sig" else codec
            text = text.lstrip("\ufeff") if codec != "utf-8-sig" else text
            break
    if text is None:
        nul = data.find(b"\x00")
        if nul != -1:
            raise InputError(
                "binary file (NUL byte): not a text manuscript", path, _byte_line(data, nul)
            )
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError as exc:
            text, encoding = _detect(data, path, exc)
    _check_controls(text, path)
    text = _normalise_newlines(text)
    if not text.strip():
        raise InputError("file is empty" if not text else "file contains only whitespace", path)
    return Decoded(text, encoding)


def _detect(data: bytes, path: str, exc: UnicodeDecodeError) -> tuple[str, str]:
    import charset_normalizer

    line = _byte_line(data, exc.start)
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.percent_chaos > 10.0:
        raise InputError(
            "cannot decode: not UTF-8 and the encoding cannot be detected with confidence "
            "(re-save the file as UTF-8)",
            path,
            line,
        )
    encoding = str(best.encoding)
    if encoding in _LATIN_FAMILY:
        encoding = _prefer_turkish(data, encoding)
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):  # pragma: no cover - detection already decoded it
        raise InputError("cannot decode: damaged text", path, line) from None


def _prefer_turkish(data: bytes, detected: str) -> str:
    """Among Latin code pages pick the one yielding Turkish/Azerbaijani letters, not mojibake.

    charset_normalizer often reads cp1254 Turkish as cp1250 ("Araţtýrmalar" for
    "Araştırmalar"); counting letters typical of our languages against letters typical of
    that mix-up fixes it without a language model.
    """
    best, best_score = detected, _letter_score(data, detected)
    for enc in _LATIN_FAMILY:
        score = _letter_score(data, enc)
        if score > best_score:
            best, best_score = enc, score
    return best


def _letter_score(data: bytes, encoding: str) -> int:
    try:  # a 256 KB sample is plenty to tell the code pages apart, and keeps big files fast
        text = data[: 1 << 18].decode(encoding, errors="strict")
    except UnicodeDecodeError:
        return -(10**9)
    good = sum(1 for ch in text if ch in _TR_AZ_LETTERS)
    bad = sum(1 for ch in text if ch in _MOJIBAKE_LETTERS)
    return good - 3 * bad


def _check_controls(text: str, path: str) -> None:
    """Refuse binary data that happens to decode: NULs or many stray control characters."""
    first = _BAD_CONTROL.search(text)
    if first is None:
        return
    count = len(_BAD_CONTROL.findall(text))
    if "\x00" in text or count > max(8, _MAX_CONTROL_SHARE * len(text)):
        line = _normalise_newlines(text[: first.start()]).count("\n") + 1
        raise InputError(
            f"binary file (control character {first.group()!r}): not a text manuscript",
            path,
            line,
        )


def _byte_line(data: bytes, pos: int) -> int:
    head = data[:pos]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


# Invisible characters pasted from Word and the web (zero-width space, word joiner, a BOM left
# inside concatenated files, soft hyphen, direction marks): they hide headings and names from
# every matcher, so they are dropped once here rather than tolerated by each stage.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f]")


def _normalise_newlines(text: str) -> str:
    """The canonical text every offset refers to: LF newlines, NFC, no invisible characters.

    CRLF/CR and U+2028/U+2029 become LF; decomposed letters (macOS, PDF copy-paste: S + U+0327)
    are composed (NFC) so "Şahin" is one letter for every stage; see ``_INVISIBLE``.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2028" in text or "\u2029" in text:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    if not text.isascii():  # both checks are C-speed scans; the rewrites are rare
        if _INVISIBLE.search(text):
            text = _INVISIBLE.sub("", text)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    return text


# --------------------------------------------------------------------------- .docx

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALSE = {"0", "false", "off"}
# Elements whose text must not reach the manuscript text: deleted revisions, field codes,
# moved-away text, and drawings' alternative content.
_SKIP = {
    _W + "del",
    _W + "moveFrom",
    _W + "instrText",
    _W + "delText",
    _W + "delInstrText",
    _W + "pPr",
    _W + "rPr",
    _W + "fldData",
}


_MC_ALT = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"


def _text_boxes(el: Element) -> list[Element]:
    """Text boxes inside a drawing, once: of an AlternateContent only its first choice."""
    if el.tag == _MC_ALT:
        return _text_boxes(el[0]) if len(el) else []
    if el.tag == _W + "txbxContent":
        return [el]
    out: list[Element] = []
    for child in el:
        out.extend(_text_boxes(child))
    return out


class _Budget:
    """Counts inflated bytes across all parts of one archive (zip-bomb guard)."""

    def __init__(self, limit: int) -> None:
        self.left = limit


def read_docx(data: bytes, path: str = "<docx>") -> Source:
    """Extract a Word document's text: one paragraph per line, italics as ``*...*``.

    List paragraphs get a ``- `` prefix, footnotes/endnotes follow the paragraph that cites
    them as ``[^N]: text`` lines (endnotes ``[^eN]: text``), and the citing place gets ``[^N]``.
    Tables: one line per cell paragraph. Headers, footers, comments and deleted revisions are
    left out.
    """
    import io

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, EOFError):
        raise InputError("not a Word .docx file (not a zip archive)", path) from None
    except Exception as exc:  # zipfile raises many types on hostile archives; none is a bug
        raise InputError(f"damaged .docx: unreadable zip archive ({exc})", path) from None
    with zf:
        budget = _Budget(DOCX_MAX_UNCOMPRESSED)
        names = set(zf.namelist())
        if "word/document.xml" not in names:
            raise InputError("not a Word .docx file (no word/document.xml in the archive)", path)
        doc = _parse_part(zf, "word/document.xml", path, budget)
        styles = _Styles(
            _parse_part(zf, "word/styles.xml", path, budget) if "word/styles.xml" in names else None
        )
        notes: dict[tuple[str, str], Element] = {}
        for part, kind in (("word/footnotes.xml", "f"), ("word/endnotes.xml", "e")):
            if part in names:
                root = _parse_part(zf, part, path, budget)
                tag = _W + ("footnote" if kind == "f" else "endnote")
                for note in root.iter(tag):
                    nid = note.get(_W + "id", "")
                    if note.get(_W + "type") in {
                        "separator",
                        "continuationSeparator",
                        "continuationNotice",
                    }:
                        continue
                    notes[(kind, nid)] = note
    body = doc.find(_W + "body")
    if body is None:
        raise InputError("not a Word .docx file (document.xml has no body)", path)
    writer = _DocxWriter(styles, notes)
    try:
        writer.block(body)
    except RecursionError:
        raise InputError("refusing .docx: XML nested too deeply", path) from None
    text = "\n".join(writer.lines)
    text = _normalise_newlines(text)
    if not text.strip():
        raise InputError("the Word document contains no text", path)
    return Source(text=text, path=path, format="docx", encoding="utf-8")


def _parse_part(zf: zipfile.ZipFile, name: str, path: str, budget: _Budget) -> Element:
    import defusedxml.ElementTree as det
    from defusedxml import DefusedXmlException

    data = _read_member(zf, name, path, budget)
    try:
        root: Element = det.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise InputError(
            f"refusing {name} in the .docx: forbidden XML construct ({type(exc).__name__})", path
        ) from None
    except ParseError as exc:
        raise InputError(f"damaged .docx: {name} is not well-formed XML ({exc})", path) from None
    return root


def _read_member(zf: zipfile.ZipFile, name: str, path: str, budget: _Budget) -> bytes:
    """Inflate one member chunk by chunk, stopping at the budget whatever the header claims."""
    info = zf.getinfo(name)
    if info.file_size > budget.left:
        raise InputError(f"refusing .docx: {name} is too large when unpacked (zip bomb?)", path)
    if info.compress_size and info.file_size / info.compress_size > DOCX_MAX_RATIO:
        raise InputError(
            f"refusing .docx: {name} has a suspicious compression ratio (zip bomb?)", path
        )
    parts: list[bytes] = []
    try:
        fh: IO[bytes]
        with zf.open(info) as fh:
            for chunk in iter(lambda: fh.read(_CHUNK), b""):
                budget.left -= len(chunk)
                if budget.left < 0:
                    raise InputError(
                        f"refusing .docx: more than {_mib(DOCX_MAX_UNCOMPRESSED)} "
                        "when unpacked (zip bomb?)",
                        path,
                    )
                parts.append(chunk)
    except InputError:
        raise
    except RuntimeError as exc:  # encrypted member
        raise InputError(f"cannot read .docx: {exc}", path) from None
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        NotImplementedError,
        ValueError,
    ) as exc:
        raise InputError(f"damaged .docx: cannot unpack {name} ({exc})", path) from None
    return b"".join(parts)


class _Styles:
    """Italic and numbering flags of paragraph/character styles, following ``basedOn``."""

    def __init__(self, root: Element | None) -> None:
        self._italic: dict[str, bool | None] = {}
        self._numbered: dict[str, bool | None] = {}
        self._based: dict[str, str] = {}
        if root is None:
            return
        for st in root.iter(_W + "style"):
            sid = st.get(_W + "styleId", "")
            based = st.find(_W + "basedOn")
            if based is not None:
                self._based[sid] = based.get(_W + "val", "")
            self._italic[sid] = _flag(st.find(f"{_W}rPr/{_W}i"))
            num = st.find(f"{_W}pPr/{_W}numPr/{_W}numId")
            self._numbered[sid] = None if num is None else num.get(_W + "val", "0") != "0"

    def italic(self, sid: str) -> bool:
        return bool(self._lookup(self._italic, sid))

    def numbered(self, sid: str) -> bool:
        return bool(self._lookup(self._numbered, sid))

    def _lookup(self, table: dict[str, bool | None], sid: str) -> bool | None:
        seen: set[str] = set()
        while sid and sid not in seen:
            seen.add(sid)
            value = table.get(sid)
            if value is not None:
                return value
            sid = self._based.get(sid, "")
        return None


def _flag(el: Element | None) -> bool | None:
    """A WordprocessingML on/off property: absent → None, ``w:val`` false-ish → False."""
    if el is None:
        return None
    return el.get(_W + "val", "true").lower() not in _FALSE


class _DocxWriter:
    """Walks the body in document order and produces text lines."""

    def __init__(self, styles: _Styles, notes: dict[tuple[str, str], Element]) -> None:
        self.styles = styles
        self.notes = notes
        self.lines: list[str] = []
        self._numbers: dict[tuple[str, str], int] = {}

    def block(self, parent: Element) -> None:
        for child in parent:
            tag = child.tag
            if tag == _W + "p":
                self.paragraph(child)
            elif tag in {
                _W + "tbl",
                _W + "tr",
                _W + "tc",
                _W + "sdt",
                _W + "sdtContent",
                _W + "customXml",
                _W + "ins",
                _W + "moveTo",
            }:
                self.block(child)

    def paragraph(self, p: Element, prefix: str = "") -> None:
        ppr = p.find(_W + "pPr")
        pstyle = ""
        listed = False
        if ppr is not None:
            ps = ppr.find(_W + "pStyle")
            pstyle = ps.get(_W + "val", "") if ps is not None else ""
            num = ppr.find(f"{_W}numPr/{_W}numId")
            if num is not None:
                listed = num.get(_W + "val", "0") != "0"
            elif pstyle:
                listed = self.styles.numbered(pstyle)
        para_italic = self.styles.italic(pstyle) if pstyle else False
        segs: list[tuple[str, bool]] = []
        nested: list[Element] = []
        refs: list[tuple[str, str]] = []
        self._inline(p, para_italic, segs, nested, refs)
        text = _render(segs).strip("\n")
        if listed and text.strip():
            text = "- " + text.lstrip()
        self.lines.append(prefix + text)
        for kind, nid in refs:
            note = self.notes.get((kind, nid))
            if note is None:
                continue
            label = self._numbers[(kind, nid)]
            mark = f"[^{label}]: " if kind == "f" else f"[^e{label}]: "
            sub = _DocxWriter(self.styles, {})
            sub.block(note)
            body = " ".join(line.strip() for line in sub.lines if line.strip())
            self.lines.append(mark + body)
        for box in nested:
            self.block(box)

    def _inline(
        self,
        el: Element,
        para_italic: bool,
        segs: list[tuple[str, bool]],
        nested: list[Element],
        refs: list[tuple[str, str]],
    ) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == _W + "r":
                self._run(child, para_italic, segs, nested, refs)
            elif tag in {_W + "txbxContent", _W + "p"}:  # text boxes: own lines, after
                nested.append(child)
            elif tag == _MC_ALT:  # Choice and Fallback hold the same content: read one
                if len(child):
                    self._inline(child[0], para_italic, segs, nested, refs)
            else:  # hyperlink, ins, smartTag, sdt, fldSimple, moveTo, ...
                self._inline(child, para_italic, segs, nested, refs)

    def _run(
        self,
        r: Element,
        para_italic: bool,
        segs: list[tuple[str, bool]],
        nested: list[Element],
        refs: list[tuple[str, str]],
    ) -> None:
        rpr = r.find(_W + "rPr")
        italic = para_italic
        if rpr is not None:
            rs = rpr.find(_W + "rStyle")
            if rs is not None and self.styles.italic(rs.get(_W + "val", "")):
                italic = True
            direct = _flag(rpr.find(_W + "i"))
            if direct is not None:
                italic = direct
        for child in r:
            tag = child.tag
            if tag == _W + "t":
                segs.append((child.text or "", italic))
            elif tag in {_W + "tab", _W + "ptab"}:
                segs.append((" ", False))
            elif tag in {_W + "br", _W + "cr"}:
                segs.append(("\n", False))
            elif tag == _W + "noBreakHyphen":
                segs.append(("-", italic))
            elif tag in {_W + "footnoteReference", _W + "endnoteReference"}:
                kind = "f" if tag == _W + "footnoteReference" else "e"
                nid = child.get(_W + "id", "")
                key = (kind, nid)
                if key not in self._numbers:
                    self._numbers[key] = 1 + sum(1 for k in self._numbers if k[0] == kind)
                n = self._numbers[key]
                segs.append((f"[^{n}]" if kind == "f" else f"[^e{n}]", False))
                refs.append(key)
            elif tag in {_W + "drawing", _W + "pict", _W + "object"} or tag == _MC_ALT:
                nested.extend(_text_boxes(child))


def _render(segs: list[tuple[str, bool]]) -> str:
    """Merge adjacent runs and wrap italic stretches in ``*...*`` with spaces kept outside."""
    merged: list[list[object]] = []
    for text, italic in segs:
        if not text:
            continue
        if merged and merged[-1][1] == italic:
            merged[-1][0] = str(merged[-1][0]) + text
        else:
            merged.append([text, italic])
    out: list[str] = []
    for text_obj, italic_obj in merged:
        text = str(text_obj)
        core = text.strip()
        if italic_obj and core and "\n" not in core:
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            out.append(f"{lead}*{core}*{trail}")
        else:
            out.append(text)
    return "".join(out)


# --------------------------------------------------------------------------- LaTeX (minimal)


def _latex_source(decoded: Decoded, p: Path, name: str, max_bytes: int) -> Source:
    """Body text as written; ``bib_entries`` are the raw ``@type{...}`` blocks of the .bib files.

    Only ``\\bibliography{a,b}`` and ``\\addbibresource{a.bib}`` beside the .tex are followed;
    no macro expansion, no ``\\input``. A missing .bib is an error naming it.
    """
    from refcheck.latex import bib_files  # comment-aware: "%\bibliography{old}" is not followed

    entries: list[str] = []
    for bib, line in bib_files(decoded.text, p):
        if not bib.is_file():
            raise InputError(f"bibliography file {bib.name} not found beside the .tex", name, line)
        bib_text = decode_bytes(_read_bounded(bib, str(bib), max_bytes), str(bib)).text
        entries.extend(_bib_blocks(bib_text))
    return Source(
        text=decoded.text,
        path=name,
        format="latex",
        encoding=decoded.encoding,
        bib_entries=tuple(entries),
    )


def _bib_blocks(text: str) -> Iterator[str]:
    """Split a .bib into ``@type{...}`` blocks by brace depth (linear, no regex backtracking)."""
    i = 0
    n = len(text)
    while True:
        start = text.find("@", i)
        if start == -1:
            return
        brace = text.find("{", start)
        if brace == -1:
            return
        kind = text[start + 1 : brace].strip().lower()
        if not kind.isalpha() or kind in {"comment", "preamble", "string"}:
            i = start + 1
            if kind in {"comment", "preamble", "string"}:
                i = _skip_braces(text, brace)
            continue
        end = _skip_braces(text, brace)
        yield text[start:end].strip()
        i = end
        if i >= n:
            return


def _skip_braces(text: str, brace: int) -> int:
    depth = 0
    for j in range(brace, len(text)):
        ch = text[j]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return j + 1
    return len(text)
