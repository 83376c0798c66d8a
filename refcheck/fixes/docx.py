"""A patch applied to a Word .docx as a tracked-changes revision, runs and formatting kept.

The patch's edits index the text the loader reads from the .docx (one paragraph a line, italic
runs as ``*…*``, list paragraphs with ``- ``). Here ``word/document.xml`` is read as text and
cut into tags and character data without re-serialising anything, each paragraph is rendered
the way the loader renders it while remembering which bytes of which ``<w:t>`` every character
came from, and that rendering is matched to the loader's line. An edit then becomes:

* inside a paragraph: the runs it touches split at the edit's ends (each part keeps the run's
  ``<w:rPr>``), the old characters wrapped in ``<w:del>`` (``<w:delText>``), the new text in
  ``<w:ins>`` runs whose properties are copied from the first run touched, italic where the new
  text has ``*…*``;
* whole lines deleted (an entry moved away): every run of the paragraph deleted and its
  paragraph mark too (``<w:pPr><w:rPr><w:del/>``);
* whole lines inserted (an entry moved here): a new paragraph with the paragraph properties of
  its neighbour in the list, marked inserted.

Word shows each change with author "refcheck" for the editor to accept or reject. Everything else
in the archive is copied byte for byte. A paragraph whose text cannot be matched to the loader's
line (fields, footnote references, text boxes, line breaks inside it) is left alone: its edits
are returned as left out, with the reason, and the diff shows only what was applied.
"""

from __future__ import annotations

import datetime
import html
import io
import re
import zipfile
from dataclasses import dataclass, field

from refcheck.errors import OutputError
from refcheck.findings import Edit
from refcheck.fixes.patch import Patch

__all__ = ["DocxResult", "apply_docx"]

_TAG = re.compile(r"<(/?)([A-Za-z_][\w.:-]*)([^>]*?)(/?)>|<!--.*?-->|<\?.*?\?>", re.S)
_UNIT = re.compile(r"&[^;&<>]{1,12};|[^&]", re.S)
# elements whose text the loader does not read (deleted revisions, field codes, properties)
_SKIP = {"w:del", "w:moveFrom", "w:instrText", "w:delText", "w:delInstrText", "w:pPr", "w:rPr",
         "w:fldData"}  # fmt: skip
# a paragraph holding any of these is not edited (the loader adds text or lines for them)
_HARD = {"w:footnoteReference", "w:endnoteReference", "w:drawing", "w:pict", "w:object",
         "mc:AlternateContent", "w:txbxContent", "w:br", "w:cr", "w:sym", "w:fldSimple",
         "w:fldChar"}  # fmt: skip
_PLAIN_RUN_CHILDREN = {"w:rPr", "w:t", "w:tab", "w:noBreakHyphen", "w:lastRenderedPageBreak",
                       "w:softHyphen", "w:ptab"}  # fmt: skip


@dataclass
class _Unit:
    """One character of a run's text: the bytes it is written with in document.xml."""

    text: str  # the character (entities decoded)
    raw: str  # as written ("&amp;")
    kind: str = "t"  # t: in a <w:t>; tab, nbh: the element itself


@dataclass
class _Run:
    start: int  # offsets of <w:r ...> ... </w:r> in document.xml
    end: int
    open_tag: str
    rpr: str  # the <w:rPr>…</w:rPr> as written ("" if none)
    atoms: list[_Unit | str]  # units, or raw XML of other children kept in place
    italic: bool
    plain: bool  # only text-like children: safe to split
    in_revision: bool  # inside <w:ins>/<w:del>/<w:moveTo>: not touched


@dataclass
class _Para:
    start: int
    end: int
    ppr: str  # <w:pPr>…</w:pPr> as written
    runs: list[_Run] = field(default_factory=list)
    hard: bool = False
    listed: bool = False
    italic: bool = False
    line: str = ""  # rendered like the loader's line
    chars: list[tuple[int, int] | None] = field(default_factory=list)  # (run, atom) per char


@dataclass
class DocxResult:
    """The new .docx bytes, the edits applied and those left out (with why)."""

    data: bytes
    applied: list[Edit]
    left_out: list[tuple[Edit, str]]


def _attr(attrs: str, name: str) -> str | None:
    m = re.search(rf'\b{re.escape(name)}="([^"]*)"', attrs)
    return m.group(1) if m else None


def _flag(xml: str, tag: str) -> bool | None:
    m = re.search(rf"<{tag}(\s[^>]*)?/?>", xml)
    if m is None:
        return None
    val = _attr(m.group(1) or "", "w:val")
    return val is None or val.lower() not in ("0", "false", "off")


class _Reader:
    """Paragraphs of document.xml with byte positions (a linear scan, no tree built)."""

    def __init__(self, xml: str, styles: object) -> None:
        self.xml = xml
        self.styles = styles
        self.paras: list[_Para] = []
        self._scan()

    def _scan(self) -> None:
        xml = self.xml
        stack: list[str] = []
        para: _Para | None = None
        run: _Run | None = None
        depth_para = -1
        in_t = False
        t_start = 0
        skip = 0
        revision = 0
        for m in _TAG.finditer(xml):
            name = m.group(2)
            if name is None:  # comment or declaration
                continue
            closing, selfclose = m.group(1) == "/", m.group(4) == "/"
            if in_t and closing and name == "w:t":
                if run is not None and not skip:
                    for u in _UNIT.finditer(xml, t_start, m.start()):
                        raw = u.group(0)
                        run.atoms.append(_Unit(html.unescape(raw), raw))
                in_t = False
            if not closing:
                if name == "w:p" and not selfclose:
                    if para is not None:  # a paragraph inside a paragraph (text box)
                        para.hard = True
                    else:
                        para = _Para(m.start(), -1, "")
                        depth_para = len(stack)
                elif para is not None and name in _HARD:
                    para.hard = True
                if para is not None and name == "w:pPr" and not selfclose and not para.ppr:
                    end = xml.find("</w:pPr>", m.end())
                    para.ppr = xml[m.start() : end + len("</w:pPr>")] if end >= 0 else ""
                if name in ("w:ins", "w:moveTo", "w:del") and not selfclose:
                    revision += 1
                if name in _SKIP and not selfclose:
                    skip += 1
                if name == "w:r" and not selfclose and para is not None and not skip:
                    run = _Run(m.start(), -1, m.group(0), "", [], False, True, revision > 0)
                elif run is not None and name == "w:rPr" and not selfclose and not run.rpr:
                    end = xml.find("</w:rPr>", m.end())
                    run.rpr = xml[m.start() : end + len("</w:rPr>")] if end >= 0 else ""
                if run is not None and name == "w:t" and not selfclose and not skip:
                    in_t = True
                    t_start = m.end()
                elif run is not None and not skip and name in ("w:tab", "w:ptab"):
                    run.atoms.append(_Unit(" ", m.group(0), "tab"))
                elif run is not None and not skip and name == "w:noBreakHyphen":
                    run.atoms.append(_Unit("-", m.group(0), "nbh"))
                elif (
                    run is not None
                    and name not in _PLAIN_RUN_CHILDREN
                    and name != "w:r"
                    and stack
                    and stack[-1] == "w:r"
                ):
                    run.plain = False
                if not selfclose:
                    stack.append(name)
                elif run is not None and stack and stack[-1] == "w:r" and name not in (
                    "w:tab", "w:ptab", "w:noBreakHyphen"
                ) and name != "w:t":
                    if name in _PLAIN_RUN_CHILDREN:
                        run.atoms.append(m.group(0))
                    else:
                        run.plain = False
                        run.atoms.append(m.group(0))
                continue
            # closing tag
            if stack and stack[-1] == name:
                stack.pop()
            if name in _SKIP:
                skip = max(0, skip - 1)
            if name in ("w:ins", "w:moveTo", "w:del"):
                revision = max(0, revision - 1)
            if name == "w:r" and run is not None:
                run.end = m.end()
                self._finish_run(run)
                if para is not None:
                    para.runs.append(run)
                run = None
            elif name == "w:p" and para is not None and len(stack) == depth_para:
                para.end = m.end()
                self.paras.append(para)
                para = None

    def _finish_run(self, run: _Run) -> None:
        rpr = run.rpr
        italic: bool | None = None
        rs = re.search(r'<w:rStyle\s[^>]*w:val="([^"]*)"', rpr)
        if rs is not None and self.styles.italic(rs.group(1)):  # type: ignore[attr-defined]
            italic = True
        direct = _flag(rpr, "w:i")
        if direct is not None:
            italic = direct
        run.italic = bool(italic) if italic is not None else False
        run.italic_set = italic is not None  # type: ignore[attr-defined]


def _render(para: _Para) -> None:
    """The loader's line for ``para`` (``refcheck.loader._render``) and, per character, which
    run and atom it came from (None for the ``*`` markers and the list prefix)."""
    segs: list[tuple[list[tuple[str, tuple[int, int]]], bool]] = []
    for ri, run in enumerate(para.runs):
        italic = run.italic if getattr(run, "italic_set", False) else para.italic
        chars = [(a.text, (ri, ai)) for ai, a in enumerate(run.atoms) if isinstance(a, _Unit)]
        if not chars:
            continue
        if any(isinstance(a, _Unit) and a.kind == "tab" for a in run.atoms):
            # the loader writes a tab as a plain space: split the run at its tabs
            cur: list[tuple[str, tuple[int, int]]] = []
            for ai, a in enumerate(run.atoms):
                if not isinstance(a, _Unit):
                    continue
                if a.kind == "tab":
                    if cur:
                        segs.append((cur, italic))
                        cur = []
                    segs.append(([(" ", (ri, ai))], False))
                else:
                    cur.append((a.text, (ri, ai)))
            if cur:
                segs.append((cur, italic))
            continue
        segs.append((chars, italic))
    merged: list[list[object]] = []
    for chars, italic in segs:
        if merged and merged[-1][1] == italic:
            merged[-1][0] = list(merged[-1][0]) + chars  # type: ignore[call-overload]
        else:
            merged.append([chars, italic])
    line: list[str] = []
    where: list[tuple[int, int] | None] = []
    for chars_obj, italic_obj in merged:
        chars = list(chars_obj)  # type: ignore[call-overload]
        text = "".join(c for c, _ in chars)
        core = text.strip()
        if italic_obj and core and "\n" not in core:
            lead = len(text) - len(text.lstrip())
            trail = len(text) - len(text.rstrip())
            for c, w in chars[:lead]:
                line.append(c)
                where.append(w)
            line.append("*")
            where.append(None)
            for c, w in chars[lead : len(chars) - trail]:
                line.append(c)
                where.append(w)
            line.append("*")
            where.append(None)
            for c, w in chars[len(chars) - trail :]:
                line.append(c)
                where.append(w)
        else:
            for c, w in chars:
                line.append(c)
                where.append(w)
    text = "".join(line)
    # the loader strips line breaks at the ends and adds "- " to list paragraphs
    if para.listed and text.strip():
        lead = len(text) - len(text.lstrip())
        text = "- " + text[lead:]
        where = [None, None, *where[lead:]]
    para.line = text
    para.chars = where


def _styles(zf: zipfile.ZipFile) -> object:
    from refcheck.loader import _parse_part, _Styles

    names = set(zf.namelist())
    budget = type("B", (), {"left": 64 * 1024 * 1024})()
    root = _parse_part(zf, "word/styles.xml", "<docx>", budget) if "word/styles.xml" in names \
        else None  # fmt: skip
    return _Styles(root)


def _listed(ppr: str, styles: object) -> tuple[bool, bool, str]:
    """(a list paragraph, italic by style, the style id) from a paragraph's properties."""
    ps = re.search(r'<w:pStyle\s[^>]*w:val="([^"]*)"', ppr)
    pstyle = ps.group(1) if ps else ""
    num = re.search(r'<w:numId\s[^>]*w:val="([^"]*)"', ppr)
    if num is not None:
        listed = num.group(1) != "0"
    else:
        listed = bool(pstyle) and bool(styles.numbered(pstyle))  # type: ignore[attr-defined]
    italic = bool(pstyle) and bool(styles.italic(pstyle))  # type: ignore[attr-defined]
    return listed, italic, pstyle


class _Writer:
    """Turns edits into replacement XML for paragraphs and runs."""

    def __init__(self, max_id: int) -> None:
        self.next_id = max_id + 1
        self.date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def rev(self, kind: str) -> str:
        self.next_id += 1
        return f'<w:{kind} w:id="{self.next_id}" w:author="refcheck" w:date="{self.date}">'

    def mark(self, kind: str) -> str:
        self.next_id += 1
        return f'<w:{kind} w:id="{self.next_id}" w:author="refcheck" w:date="{self.date}"/>'


def _text_xml(units: list[_Unit], tag: str = "w:t") -> str:
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            out.append(f'<{tag} xml:space="preserve">{"".join(buf)}</{tag}>')
            buf.clear()

    for u in units:
        if u.kind == "t":
            buf.append(u.raw)
        else:
            flush()
            out.append(u.raw)
    flush()
    return "".join(out)


def _run_xml(run: _Run, atoms: list[_Unit | str], tag: str = "w:t") -> str:
    if not any(isinstance(a, _Unit) for a in atoms):
        return ""
    parts: list[str] = []
    units: list[_Unit] = []
    for a in atoms:
        if isinstance(a, _Unit):
            units.append(a)
        else:
            parts.append(_text_xml(units, tag))
            units = []
            if tag == "w:t":
                parts.append(a)
    parts.append(_text_xml(units, tag))
    return f"{run.open_tag}{run.rpr}{''.join(parts)}</w:r>"


def _with_italic(rpr: str, italic: bool, inherited: bool) -> str:
    """Run properties with italics set as the new text wants (explicit off when inherited)."""
    inner = rpr[len("<w:rPr>") : -len("</w:rPr>")] if rpr.startswith("<w:rPr>") else ""
    inner = re.sub(r"<w:i(?:\s[^>]*)?/>|<w:i(?:\s[^>]*)?>\s*</w:i>", "", inner)
    inner = re.sub(r"<w:iCs(?:\s[^>]*)?/>", "", inner)
    flag = "<w:i/>" if italic else ('<w:i w:val="0"/>' if inherited else "")
    if flag:
        ends = [m.end() for m in re.finditer(r"<w:(?:rStyle|rFonts|b|bCs)(?:\s[^>]*)?/>", inner)]
        at = ends[-1] if ends else 0
        inner = inner[:at] + flag + inner[at:]
    return f"<w:rPr>{inner}</w:rPr>" if inner else ""


def _pieces(new: str, italic: bool = False) -> list[tuple[str, bool]]:
    """``*italic*`` markup to (text, italic) pieces; ``italic``: the state the text starts in."""
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(new.split("*")):
        if i:
            italic = not italic
        if part:
            out.append((part, italic))
    return out


def _ins_runs(w: _Writer, text: str, base_rpr: str, inherited: bool, italic: bool = False) -> str:
    """``text`` (``*…*`` for italics) as inserted runs with ``base_rpr``'s other properties."""
    runs = []
    for piece, it in _pieces(text, italic):
        raw = html.escape(piece, quote=False)
        rpr = _with_italic(base_rpr, it, inherited)
        runs.append(f'<w:r>{rpr}<w:t xml:space="preserve">{raw}</w:t></w:r>')
    return f"{w.rev('ins')}{''.join(runs)}</w:ins>" if runs else ""


def _deleted_run(run: _Run, atoms: list[_Unit | str], w: _Writer) -> str:
    body = _run_xml(run, atoms, "w:delText")
    return f"{w.rev('del')}{body}</w:del>" if body else ""


def _edit_paragraph(
    para: _Para, edits: list[tuple[int, int, str]], w: _Writer
) -> dict[int, str] | str:
    """Replacement XML per run index for edits ``(a, b, new)`` of ``para.line`` (sorted, not
    overlapping); a reason when they cannot be made."""
    deleted: dict[tuple[int, int], int] = {}  # (run, atom) -> edit
    anchor: dict[tuple[int, int], list[int]] = {}  # insert after (run, atom); atom -1: run start
    for k, (a, b, _new) in enumerate(edits):
        covered = [c for c in para.chars[a:b] if c is not None]
        for c in covered:
            deleted[c] = k
        if covered:
            anchor.setdefault(covered[-1], []).append(k)
            continue
        before = next((c for c in reversed(para.chars[:a]) if c is not None), None)
        after = next((c for c in para.chars[b:] if c is not None), None)
        if before is not None:
            anchor.setdefault(before, []).append(k)
        elif after is not None:
            anchor.setdefault((after[0], -1), []).append(k)
        else:
            return "no run to insert next to"
    touched = {r for r, _ in deleted} | {r for r, _ in anchor}
    runs = para.runs
    if any(runs[ri].in_revision or not runs[ri].plain for ri in touched):
        return "the text is in another revision or a field"
    first_run = {k: min([r for (r, _), kk in deleted.items() if kk == k]
                        + [r for (r, _), ks in anchor.items() if k in ks])
                 for k in range(len(edits))}  # fmt: skip
    return {ri: _rewrite_run(ri, para, edits, deleted, anchor, first_run, w)
            for ri in sorted(touched)}  # fmt: skip


def _rewrite_run(  # noqa: PLR0917 - the pieces one paragraph's edits are made of
    ri: int,
    para: _Para,
    edits: list[tuple[int, int, str]],
    deleted: dict[tuple[int, int], int],
    anchor: dict[tuple[int, int], list[int]],
    first_run: dict[int, int],
    w: _Writer,
) -> str:
    """One run rewritten: kept stretches as runs, deleted ones in ``<w:del>``, insertions in
    ``<w:ins>`` after the last character they replace."""
    run = para.runs[ri]
    xml: list[str] = []
    group: list[_Unit | str] = []
    state: int | None = None  # the edit deleting the atoms in ``group`` (None: kept)

    def flush() -> None:
        if group:
            xml.append(_run_xml(run, group) if state is None else _deleted_run(run, group, w))
            group.clear()

    def insert(ks: list[int]) -> None:
        flush()
        for k in ks:
            a, _b, new = edits[k]
            base = para.runs[first_run[k]]
            italic = para.line[:a].count("*") % 2 == 1  # inside *…* where the edit starts
            xml.append(_ins_runs(w, new, base.rpr, para.italic, italic))

    insert(anchor.get((ri, -1), []))
    for ai, atom in enumerate(run.atoms):
        k = deleted.get((ri, ai))
        if k != state:
            flush()
            state = k
        group.append(atom)
        if (ri, ai) in anchor:
            insert(anchor[(ri, ai)])
            state = None
    flush()
    return "".join(xml)


def _new_paragraph(line: str, like: _Para, w: _Writer) -> str:
    text = line.rstrip("\n")
    if like.listed and text.startswith("- "):
        text = text[2:]
    ppr = like.ppr
    mark = f"<w:rPr>{w.mark('ins')}</w:rPr>"
    if ppr:
        inner = ppr[len(ppr[: ppr.find(">") + 1]) : -len("</w:pPr>")]
        inner = re.sub(r"<w:rPr>.*?</w:rPr>|<w:rPr/>", "", inner, flags=re.S)
        ppr = f"{ppr[: ppr.find('>') + 1]}{inner}{mark}</w:pPr>"
    else:
        ppr = f"<w:pPr>{mark}</w:pPr>"
    base = like.runs[0].rpr if like.runs else ""
    return f"<w:p>{ppr}{_ins_runs(w, text, base, like.italic)}</w:p>"


def apply_docx(patch: Patch, data: bytes) -> DocxResult:
    """Apply what can be applied of ``patch`` to the .docx ``data`` (see the module docstring)."""
    import bisect

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        xml = zf.read("word/document.xml").decode("utf-8")
        styles = _styles(zf)
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError) as exc:
        raise OutputError(f"{patch.path}: cannot rewrite the .docx: {exc}") from None
    reader = _Reader(xml, styles)
    for p in reader.paras:
        p.listed, p.italic, _ = _listed(p.ppr, styles)
        _render(p)
    lines = patch.text.split("\n")
    starts = [0]
    for ln in lines[:-1]:
        starts.append(starts[-1] + len(ln) + 1)
    by_line: dict[int, _Para] = {}  # the loader's line -> its paragraph, matched in order
    k = 0
    for p in reader.paras:
        if p.hard:
            continue
        for j in range(k, min(len(lines), k + 400)):
            if lines[j] == p.line:
                by_line[j] = p
                k = j + 1
                break

    def line_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1

    max_id = max((int(x) for x in re.findall(r'\bw:id="(\d+)"', xml)), default=0)
    w = _Writer(max_id)
    left: dict[int, str] = {}  # edit number -> why it is left out
    per_para: dict[int, list[tuple[int, int, int]]] = {}  # paragraph -> (edit, a, b)
    paras_of: dict[int, _Para] = {}
    deletions: dict[int, list[_Para]] = {}
    insertions: dict[int, tuple[int, _Para, bool]] = {}  # edit -> (xml offset, like, before)
    for n, e in enumerate(patch.edits):
        li = line_of(e.span.start)
        col = e.span.start - starts[li]
        if e.move and col == 0 and not e.new:  # an entry's lines deleted (moved away)
            count = e.old.count("\n") + (0 if e.old.endswith("\n") else 1)
            covered = [by_line.get(li + t) for t in range(count)]
            if any(c is None and lines[li + t] for t, c in enumerate(covered)):
                left[n] = "a paragraph of the moved entry is not matched to the .docx"
            else:
                deletions[n] = [c for c in covered if c is not None]
            continue
        if e.move and col == 0 and not e.old:  # an entry's lines inserted (moved here)
            like = by_line.get(li) or by_line.get(li - 1)
            if like is None:
                left[n] = "no paragraph to take the list's formatting from"
            else:
                here = by_line.get(li)
                insertions[n] = (here.start if here else like.end, like, here is not None)
            continue
        if "\n" in e.old or "\n" in e.new:
            left[n] = "it spans paragraphs"
            continue
        found = by_line.get(li)
        if found is None:
            left[n] = ("its paragraph is not matched to the .docx (fields, notes, text boxes or "
                       "line breaks in it)")  # fmt: skip
            continue
        per_para.setdefault(id(found), []).append((n, col, col + len(e.span)))
        paras_of[id(found)] = found
    moved = {id(p) for ps in deletions.values() for p in ps}
    cuts: list[tuple[int, int, str]] = []
    for key, items in per_para.items():
        p = paras_of[key]
        if key in moved:
            for n, _a, _b in items:
                left[n] = "its paragraph is moved; the edit travels with it"
            continue
        res = _edit_paragraph(p, [(a, b, patch.edits[n].new) for n, a, b in items], w)
        if isinstance(res, str):
            for n, _a, _b in items:
                left[n] = res
            continue
        for ri, val in res.items():
            cuts.append((p.runs[ri].start, p.runs[ri].end, val))
    # a move is made whole or not at all: its deletion and its insertion together
    moves: dict[int, list[int]] = {}
    for n in [*deletions, *insertions]:
        moves.setdefault(patch.edits[n].move, []).append(n)
    for ns in moves.values():
        bad = len(ns) != 2 or any(n in left for n in ns) or any(
            any(r.in_revision or not r.plain for p in deletions.get(n, []) for r in p.runs)
            for n in ns)  # fmt: skip
        if bad:
            for n in ns:
                left.setdefault(n, "the other half of this move cannot be made in the .docx")
            continue
        for n in ns:
            if n in deletions:
                for p in deletions[n]:
                    for r in p.runs:
                        cuts.append((r.start, r.end, _deleted_run(r, r.atoms, w)))
                    if p.ppr:
                        at = xml.find(p.ppr, p.start)
                        cuts.append((at, at + len(p.ppr), _mark_deleted(p, w)))
                    else:
                        head = xml.find(">", p.start) + 1
                        cuts.append((head, head, _mark_deleted(p, w)))
            else:
                at, like, _before = insertions[n]
                new = "".join(_new_paragraph(line, like, w)
                              for line in patch.edits[n].new.rstrip("\n").split("\n"))  # fmt: skip
                cuts.append((at, at, new))
    cuts.sort(key=lambda c: (c[0], c[1]))
    pieces: list[str] = []
    pos = 0
    for s_, e_, v in cuts:
        if s_ < pos:
            raise OutputError(f"{patch.path}: overlapping changes in the .docx (a bug)")
        pieces.append(xml[pos:s_])
        pieces.append(v)
        pos = e_
    pieces.append(xml[pos:])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in zf.infolist():
            if info.filename == "word/document.xml":
                dst.writestr(info, "".join(pieces).encode("utf-8"))
            else:
                dst.writestr(info, zf.read(info.filename))
    applied = [e for n, e in enumerate(patch.edits) if n not in left]
    return DocxResult(out.getvalue(), applied, [(patch.edits[n], why) for n, why in left.items()])


def _mark_deleted(p: _Para, w: _Writer) -> str:
    """The paragraph's properties with its mark deleted (the paragraph merges away)."""
    mark = w.mark("del")
    if not p.ppr:
        return f"<w:pPr><w:rPr>{mark}</w:rPr></w:pPr>"
    if "<w:rPr>" in p.ppr:
        return p.ppr.replace("<w:rPr>", f"<w:rPr>{mark}", 1)
    return p.ppr.replace("</w:pPr>", f"<w:rPr>{mark}</w:rPr></w:pPr>", 1)
