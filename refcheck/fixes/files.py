"""Writing a patch back to the manuscript's file, losing nothing.

The patch's edits index the text as loaded (line ends as LF, letters composed, invisible
characters dropped: :func:`refcheck.loader._normalise_newlines`); the file may have CRLF line
ends, a byte-order mark, decomposed letters or another encoding. So the file's own text is
decoded again, mapped character by character onto the loaded text, and the edits are applied to
*it*: every byte no edit touches is written back as it was, in the file's encoding and line ends.

Safety: the file must be the one the patch was made from (its bytes are compared with those read
before checking: a file changed on disk since is refused), writable (a read-only file is refused,
not replaced by a rename), and it is replaced through a temporary file in the same folder and
``os.replace`` once everything is written; the original goes to a backup beside it first.
"""

from __future__ import annotations

import contextlib
import os
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from refcheck.errors import InputError, OutputError
from refcheck.findings import Edit
from refcheck.fixes.patch import Patch

__all__ = [
    "FIX_SUFFIXES",
    "Snapshot",
    "applicable",
    "backup_path",
    "mapped_text",
    "snapshot",
    "write_patch",
]

FIX_SUFFIXES = (".txt", ".md", ".markdown", ".tex", ".docx")

_INVISIBLE = frozenset("\u200b\u2060\ufeff\u00ad\u200e\u200f")


@dataclass(frozen=True)
class Snapshot:
    """A manuscript's bytes as read before it was checked (compared again before writing)."""

    path: str
    data: bytes


def snapshot(path: str) -> Snapshot:
    """Read ``path`` for fixing: a known format, a regular file, writable (one-line errors)."""
    p = Path(path)
    if p.suffix.lower() not in FIX_SUFFIXES:
        raise InputError(
            f"cannot fix a {p.suffix or 'suffix-less'} file (refcheck fix takes "
            f"{', '.join(FIX_SUFFIXES)})",
            path,
        )
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a manuscript file", path) from None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path) from None
    return Snapshot(path, data)


def _writable(path: str) -> None:
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(f"{path}: not a regular file; refusing to replace it")
    # the permission bits, not os.access: root may write anything, and a rename would replace
    # the file whatever its mode
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(
        path, os.W_OK
    ):
        raise OutputError(f"{path}: the file is read-only; nothing was changed")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.access(folder, os.W_OK):
        raise OutputError(f"{path}: cannot write in its folder {folder}; nothing was changed")


def _unchanged(snap: Snapshot) -> None:
    try:
        now = Path(snap.path).read_bytes()
    except OSError as exc:
        raise OutputError(f"{snap.path}: cannot read it again: {exc.strerror or exc}") from None
    if now != snap.data:
        raise OutputError(
            f"{snap.path}: the file changed on disk since refcheck read it; nothing was written "
            "(run refcheck fix again)"
        )


def backup_path(path: str) -> str:
    """``FILE.bak``, or ``FILE.bak.1``, ``.2`` … if taken: a backup never replaces another."""
    candidate = path + ".bak"
    n = 0
    while os.path.lexists(candidate):
        n += 1
        candidate = f"{path}.bak.{n}"
    return candidate


def _replace(path: str, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it over ``path``."""
    import tempfile

    from refcheck import output

    folder = os.path.dirname(os.path.abspath(path))
    mode = stat.S_IMODE(os.stat(path).st_mode)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.",
                                   suffix=".refcheck-tmp")  # fmt: skip
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    output._LIVE.add(tmp)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        output._LIVE.discard(tmp)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def mapped_text(raw: str) -> tuple[str, list[int]]:
    """The text as the loader makes it from ``raw``, and for each of its positions (and its end)
    the position in ``raw``: the loader's normalisation, step by step, with offsets kept."""
    out: list[str] = []
    where: list[int] = []
    i = 0
    n = len(raw)
    while i < n:
        ch = raw[i]
        if ch == "\r":
            out.append("\n")
            where.append(i)
            i += 2 if raw.startswith("\r\n", i) else 1
            continue
        if ch in "\u2028\u2029":
            out.append("\n")
            where.append(i)
            i += 1
            continue
        if ch in _INVISIBLE:
            i += 1
            continue
        # a letter and the combining marks after it compose on their own (NFC)
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        cluster = raw[i:j]
        composed = unicodedata.normalize("NFC", cluster) if j > i + 1 else cluster
        for k, c in enumerate(composed):
            out.append(c)
            where.append(i if k == 0 else min(i + k, j - 1))
        i = j
    where.append(n)
    return "".join(out), where


def _decoded(snap: Snapshot) -> tuple[str, str, bytes]:
    """The file's text as it is (no normalisation), the codec and the byte-order mark."""
    import codecs

    from refcheck.loader import decode_bytes

    codec = decode_bytes(snap.data, snap.path).encoding  # the loader's choice, made again
    if snap.data.startswith(codecs.BOM_UTF8):
        return snap.data[3:].decode("utf-8"), "utf-8", codecs.BOM_UTF8
    raw = snap.data.decode(codec)  # utf-16/32 consume their mark and write it back
    return raw.lstrip("\ufeff") if codec in ("utf-16", "utf-32") else raw, codec, b""


def _text_bytes(patch: Patch, snap: Snapshot, part_end: int | None) -> bytes:
    """The file's new bytes for a plain-text manuscript (.txt, .md, .tex)."""
    raw, codec, bom = _decoded(snap)
    loaded, where = mapped_text(raw)
    limit = part_end if part_end is not None else len(patch.text)
    expect = patch.text[:limit]
    if loaded != expect and loaded + "\n" != expect:
        raise OutputError(
            f"{snap.path}: the file's text does not map onto the text refcheck read; nothing "
            "was written"
        )
    newline = "\r\n" if "\r\n" in raw else ("\r" if "\r" in raw else "\n")
    pieces: list[str] = []
    pos = 0
    for e in patch.edits:
        if e.span.end > len(loaded):
            if e.span.start >= len(loaded):  # at the very end (the loader's closing newline)
                pieces.append(raw[pos:])
                pos = len(raw)
                pieces.append(e.new.replace("\n", newline))
                continue
            raise OutputError(f"{snap.path}: an edit reaches past the end of the file")
        start, end = where[e.span.start], where[e.span.end]
        pieces.append(raw[pos:start])
        pieces.append(e.new.replace("\n", newline))
        pos = end
    pieces.append(raw[pos:])
    text = "".join(pieces)
    try:
        return bom + text.encode(codec)
    except UnicodeEncodeError as exc:
        bad = text[exc.start : exc.end]
        raise OutputError(
            f"{snap.path}: the fixed text has {bad!r}, which the file's encoding {codec} cannot "
            "hold; nothing was written (save the file as UTF-8)"
        ) from None


def _main_part_end(patch: Patch) -> int | None:
    """Where the manuscript's own text ends (a LaTeX document has its .bib files after it)."""
    parts = patch.document.parts
    if not parts:
        return None
    sep = patch.text.rfind("\n", 0, parts[0].start - 1)
    return sep + 1 if sep >= 0 else parts[0].start


def applicable(patch: Patch, snap: Snapshot) -> Patch:
    """``patch`` less what cannot be written to this file (a .docx paragraph refcheck cannot
    match, an edit in a .bib), those edits moved to ``left_out`` with why: the diff then shows
    exactly what ``--write`` does."""
    from dataclasses import replace

    left = list(patch.left_out)
    edits = list(patch.edits)
    main_end = _main_part_end(patch)
    if main_end is not None:
        left += [(e, "it is in a .bib file, which refcheck fix does not rewrite")
                 for e in edits if e.span.end > main_end]  # fmt: skip
        edits = [e for e in edits if e.span.end <= main_end]
    if patch.document.format == "docx" and edits:
        from refcheck.fixes.docx import apply_docx

        res = apply_docx(replace(patch, edits=tuple(edits)), snap.data)
        edits = res.applied
        left += res.left_out
    return replace(patch, edits=tuple(edits), left_out=tuple(left))


def write_patch(patch: Patch, snap: Snapshot, *, backup: bool = True) -> list[str]:
    """Apply ``patch`` to its file (see the module docstring); returns the files written (the
    backup first). Raises :class:`OutputError` (one line) when it cannot, changing nothing."""
    if not patch.edits:
        return []
    _writable(snap.path)
    main_end = _main_part_end(patch)
    if main_end is not None and any(e.span.end > main_end for e in patch.edits):
        bad: list[Edit] = [e for e in patch.edits if e.span.end > main_end]
        raise OutputError(f"{snap.path}: {len(bad)} edit(s) fall in a .bib file, which refcheck "
                          "fix does not rewrite; nothing was written")  # fmt: skip
    if patch.document.format == "docx":
        from refcheck.fixes.docx import apply_docx

        data = apply_docx(patch, snap.data).data
    else:
        data = _text_bytes(patch, snap, main_end)
    _unchanged(snap)
    written: list[str] = []
    if backup:
        target = backup_path(snap.path)
        try:
            with open(target, "xb") as fh:
                fh.write(snap.data)
        except OSError as exc:
            raise OutputError(f"cannot write the backup {target}: {exc.strerror or exc}") from None
        written.append(target)
    _replace(snap.path, data)
    written.append(snap.path)
    return written
