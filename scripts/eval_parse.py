"""Field-level accuracy of the parser on labelled references (ours and AnyStyle's).

Why a script and not only a test: the figures go into docs/parser.md and must be reproducible
with one command; the test suite imports :func:`score` to keep a floor under them.

    python scripts/eval_parse.py                          # tests/data/refs_multilingual.jsonl
    python scripts/eval_parse.py --split heldout -v       # one split, list the misses
    python scripts/eval_parse.py --batch h2 --by-lang     # the second held-out batch, per language
    python scripts/eval_parse.py --anystyle --half dev    # AnyStyle, even sequences (developed on)
    python scripts/eval_parse.py --anystyle --half test   # AnyStyle, odd sequences (not looked at)
    python scripts/eval_parse.py --anystyle --sample 50   # 50 random disagreements (seed 7)

Accuracy counts, per entry, every field that is non-empty in the label *or* in the parse, so a
spurious value costs as much as a missing one; fields that are empty on both sides are not counted.
Two scores: *exact* (after squeezing whitespace) and *soft* (GROBID's soft matching: punctuation
and whitespace removed, case folded). *Fully right* is the share of entries with every counted
field exactly right.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from refcheck.model import Agent, PartialDate, Reference  # noqa: E402
from refcheck.parse import parse_string  # noqa: E402

FIELDS = (
    "type", "authors", "editors", "year", "no_date", "in_press", "original_year", "date",
    "title", "title_translation", "container_title", "volume", "issue", "pages", "edition",
    "publisher", "genre", "doi", "url", "accessed",
)  # fmt: skip

READER = "auto"  # which reader parse_string uses: auto, grammar, labeller (--reader)

# Fields AnyStyle's labels can express (see anystyle_records for the mapping).
ANYSTYLE_FIELDS = (
    "authors", "year", "title", "container_title", "volume", "issue", "pages", "edition",
    "publisher", "doi", "url",
)  # fmt: skip


@dataclass(frozen=True)
class Score:
    correct: int
    total: int
    misses: tuple[tuple[str, str, object, object], ...]  # (id, field, expected, got)
    per_field: tuple[tuple[str, int, int], ...]
    soft_correct: int = 0
    entries: int = 0
    fully_right: int = 0
    per_field_soft: tuple[tuple[str, int], ...] = ()

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0

    @property
    def soft(self) -> float:
        return self.soft_correct / self.total if self.total else 1.0

    @property
    def full(self) -> float:
        return self.fully_right / self.entries if self.entries else 1.0


def _agents(agents: Iterable[Agent]) -> list[str]:
    return [a.display for a in agents]


def _date(d: PartialDate | None) -> list[int] | None:
    return d.parts() if d is not None else None


def observed(ref: Reference) -> dict[str, Any]:
    """The parse in the label's vocabulary (names as "Family, I.", dates as lists)."""
    out: dict[str, Any] = {}
    for f in FIELDS:
        v = getattr(ref, f)
        if f in ("authors", "editors"):
            v = _agents(v)
        elif f in ("date", "accessed"):
            v = _date(v)
        out[f] = v
    return out


def _empty(v: object) -> bool:
    return v in (None, "", [], False, ())


def _norm(v: object) -> object:
    if isinstance(v, str):
        return re.sub(r"\s+", " ", v).strip()
    if isinstance(v, list):
        return [_norm(x) for x in v]
    return v


def _soft(v: object) -> str:
    """GROBID-style soft form: letters and digits only, case folded (NFKC first)."""
    if isinstance(v, list):
        v = " ".join(str(x) for x in v)
    s = unicodedata.normalize("NFKC", str(v)).casefold()
    return "".join(ch for ch in s if ch.isalnum())


def _authors_key(v: object) -> object:
    """AnyStyle labels author *strings* as written (``M. Kitsuregawa, H. Tanaka`` or
    ``Tanaka, H.``); we give ``Family, Given``. Compare the sorted name tokens, so the order a
    name was written in does not count, '&'/'and' dropped (third round: the old token
    *sequence* marked every correctly inverted given-name-first list wrong)."""
    if isinstance(v, list):
        v = " ".join(str(x) for x in v)
    if not isinstance(v, str):
        return v
    s = re.sub(r"(?:^|\s)(?:&|and|ve|və|и)(?=\s)", " ", v)
    # "et al." and ". . ." are our et_al flag / skipped names, not names in ``authors``
    s = re.sub(r"\bet\.?\s*al\b\.?|\.\s?\.\s?\.|…", " ", s)
    return sorted(re.findall(r"[^\W_]+", s))


def _score(records: Iterable[dict[str, Any]], fields: tuple[str, ...], label_only: bool) -> Score:
    correct = total = soft_ok = entries = full = 0
    misses: list[tuple[str, str, object, object]] = []
    fc: Counter[str] = Counter()
    fs: Counter[str] = Counter()
    ft: Counter[str] = Counter()
    for rec in records:
        got = observed(parse_string(rec["text"], reader=READER))
        exp = rec["expected"]
        anystyle = rec.get("source") == "anystyle"
        entries += 1
        all_ok = True
        for f in fields:
            e = exp.get(f)
            g = got[f]
            if label_only and f not in exp:
                continue
            if _empty(e) and _empty(g):
                continue
            if f == "type" and "type" not in exp:
                continue
            total += 1
            ft[f] += 1
            if anystyle and f == "authors":
                ok = _authors_key(e) == _authors_key(g)
                sok = ok or _soft(e) == _soft(g)
            else:
                ok = _norm(e) == _norm(g)
                sok = ok or (not _empty(e) and not _empty(g) and _soft(e) == _soft(g))
            if ok:
                correct += 1
                fc[f] += 1
            else:
                all_ok = False
                misses.append((rec["id"], f, e, g))
            if sok:
                soft_ok += 1
                fs[f] += 1
        full += all_ok
    per = tuple((f, fc[f], ft[f]) for f in FIELDS if ft[f])
    per_soft = tuple((f, fs[f]) for f in FIELDS if ft[f])
    return Score(correct, total, tuple(misses), per, soft_ok, entries, full, per_soft)


def score(records: Iterable[dict[str, Any]]) -> Score:
    """Our labelled set: every field, spurious values count."""
    return _score(records, FIELDS, label_only=False)


def score_anystyle(records: Iterable[dict[str, Any]]) -> Score:
    """AnyStyle: the fields its labels can express; a spurious value in them counts too."""
    return _score(records, ANYSTYLE_FIELDS, label_only=False)


def score_partial(records: Iterable[dict[str, Any]]) -> Score:
    """The old AnyStyle measure: only the fields each label names (kept for comparison)."""
    return _score(records, FIELDS, label_only=True)


def load_jsonl(path: Path, split: str = "", batch: str = "") -> list[dict[str, Any]]:
    recs = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    recs = [r for r in recs if not split or r.get("split") == split]
    if batch:
        recs = [r for r in recs if r.get("batch", "h1") == batch]
    return recs


# --------------------------------------------------------------------------- AnyStyle

_APA_LIKE = re.compile(r"^[^()]{2,200}?\(\d{4}[a-z]?\)\.\s")
_TAIL = ".,;: "


def _strip(s: str) -> str:
    """A label span without the punctuation AnyStyle keeps around it (quotes, '.', ',') and
    without the ``<italic>`` markup some of its sequences carry (markup, not field text)."""
    s = re.sub(r"</?(?:italic|i|em|b|bold)>", "", s)
    s = s.strip().strip("*").strip()
    while s and s[-1] in _TAIL:
        s = s[:-1]
    s = s.strip()
    if len(s) >= 2 and s[0] in "\"“«'‘" and s[-1] in "\"”»'’":
        s = s[1:-1].strip()
        while s and s[-1] in _TAIL:
            s = s[:-1]
    elif s[:1] in '"“«' and not any(q in s[1:] for q in '"”»'):
        s = s[1:]
    return s.strip()


def _title(s: str) -> str:
    """Title span: our parser moves ``[Doctoral dissertation]`` to genre and ``(2nd ed.)`` to
    edition, so those trailing parts are not title text in our fields."""
    t = _strip(s)
    t = re.sub(r"\s*\[[^\[\]]*\]$", "", t)
    t = re.sub(r"\s*\((?:\d+(?:st|nd|rd|th)|[Rr]ev\.)\s*ed\.\)$", "", t)
    return _strip(t)


def _volume(v: str) -> tuple[str, str]:
    """``1(1),`` / ``*9*(31)`` / ``Vol. 3, No. 2`` / ``(Vol. 3, Part A,`` / ``No. 134``.

    Returns (volume, issue)."""
    s = v.replace("*", "").strip(" ,.;:")
    if s.startswith("(") and s.count("(") > s.count(")"):
        s = s[1:]  # "(Vol. 3, Part A," opens the bracket that pages close
    if s.endswith(")") and s.count(")") > s.count("("):
        s = s[:-1]
    vol = iss = ""
    m = re.match(
        r"^(?:Vol(?:ume)?\.?\s*|v\.\s*|Cilt\s*|C\.\s*|Т\.\s*|Том\s*)?(\d+[A-Za-z]?(?:\s*[-–/]\s*\d+)?)",
        s,
    )
    if m and not re.match(r"^(?:No|Nr|Issue|№|Sayı|S\.)", s, re.I):
        vol = m[1]
        s = s[m.end() :]
    im = re.search(r"\(([^()]+)\)|(?:No\.?|Nr\.?|Issue|№|Sayı|S\.)\s*(\w+(?:[-–/]\w+)?)", s, re.I)
    if im:
        iss = (im[1] or im[2] or "").strip()
    return vol, iss


def _pages(v: str) -> str:
    s = v.strip().strip("()., ;:")
    s = re.sub(r"^(?:pp?\.|pages?|ss?\.|С\.|с\.|səh\.)\s*", "", s, flags=re.I)
    return s.strip("()., ;:")


def anystyle_records(
    paths: Iterable[Path], half: str = "", shape: str = "apa"
) -> Iterator[dict[str, Any]]:
    """APA-like AnyStyle sequences as labelled records in our field vocabulary.

    Selection (``shape="apa"``): sequences whose first label is ``author`` and second ``date``,
    shaped ``Authors (YYYY). …``; ``shape="other"``: sequences that start with ``author`` but are
    not of that shape (Chicago, MLA, GOST, Vancouver …); duplicates (same text) kept once.
    ``half``: ``dev`` = even global sequence numbers (core.xml then good.xml), ``test`` = odd
    ones. Mapping, documented in docs/parser.md: year from ``date``; volume/issue from
    ``volume`` ("18(3),", "Vol. 3, No. 2");
    ``journal`` or ``container-title`` → container (a leading "In " dropped); ``pages`` without
    "pp."/brackets; ``edition`` number; ``publisher`` (``location`` is our ``place``, not
    scored); ``doi``/``url``; ``author`` compared as name tokens. Every label keeps the
    punctuation around it, which is stripped (it is not part of our fields).
    """
    import defusedxml.ElementTree as ET

    seen: set[str] = set()
    gi = -1
    for path in paths:
        root = ET.parse(str(path)).getroot()
        for seq in root.iter("sequence"):
            gi += 1
            if half == "dev" and gi % 2:
                continue
            if half == "test" and not gi % 2:
                continue
            parts = [(el.tag, (el.text or "").strip()) for el in seq]
            text = " ".join(t for _, t in parts)
            if len(parts) < 3 or text in seen:
                continue
            apa = bool(_APA_LIKE.match(text)) and parts[1][0] == "date"
            if parts[0][0] != "author" or apa != (shape == "apa"):
                continue
            dates = [v for t, v in parts if t == "date"]
            if not dates:
                continue
            seen.add(text)
            exp: dict[str, Any] = {}
            ym = re.search(r"\d{4}", dates[0])
            exp["year"] = int(ym[0]) if ym else None
            exp["authors"] = re.sub(r"</?(?:italic|i|em|b|bold)>", "", parts[0][1])
            for tag, val in parts[1:]:
                v = re.sub(r"</?(?:italic|i|em|b|bold)>", "", val).strip()
                if tag == "title" and "title" not in exp:
                    exp["title"] = _title(v)
                elif tag in ("journal", "container-title") and "container_title" not in exp:
                    exp["container_title"] = _strip(
                        re.sub(r"^[Ii]n:?\s+(?:the\s+(?=Proc))?", "", v)
                    )
                elif tag == "volume" and "volume" not in exp and "issue" not in exp:
                    vol, iss = _volume(v)
                    if vol:
                        exp["volume"] = vol
                    if iss:
                        exp["issue"] = iss
                elif tag == "pages" and "pages" not in exp:
                    p = _pages(v)
                    if re.search(r"\d", p):
                        exp["pages"] = p
                elif tag == "edition" and "edition" not in exp:
                    em = re.search(r"\d+", v)
                    if em:
                        exp["edition"] = em[0]
                elif tag == "publisher" and "publisher" not in exp:
                    exp["publisher"] = _strip(v)
                elif tag == "doi" and "doi" not in exp:
                    dm = re.search(r"10\.\d{4,9}/\S+", v)
                    if dm:
                        exp["doi"] = dm[0].rstrip(".,;)")
                elif tag == "url" and "url" not in exp:
                    dm = re.search(r"doi\.org/(10\.\d{4,9}/\S+)", v)
                    um = re.search(r"(?:https?://|www\.)\S+", v)
                    if dm and "doi" not in exp:
                        exp["doi"] = dm[1].rstrip(".,;)")  # a doi.org link is our ``doi``
                    elif um:
                        exp["url"] = um[0].rstrip(".,;)")
            yield {
                "id": f"anystyle-{gi}",
                "source": "anystyle",
                "text": text,
                "expected": exp,
                "tags": [t for t, _ in parts],
            }


def anystyle_dir() -> Path | None:
    """shared/ sits beside the work tree (and beside CI's clone); /work/shared as a fallback."""
    for cand in (ROOT.parent / "shared", Path("/work/shared")):
        d = cand / "data" / "anystyle"
        if (d / "core.xml").is_file() and (d / "good.xml").is_file():
            return d
    return None


def _report(label: str, sc: Score) -> None:
    print(
        f"{label}: field accuracy exact {sc.accuracy:.4f} ({sc.correct}/{sc.total}), "
        f"soft {sc.soft:.4f}, fully right {sc.full:.4f} ({sc.fully_right}/{sc.entries})"
    )
    soft = dict(sc.per_field_soft)
    for f, c, t in sc.per_field:
        print(f"  {f:18s} {c:5d}/{t:<5d} exact {c / t:.3f}  soft {soft.get(f, 0) / t:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT / "tests/data/refs_multilingual.jsonl")
    ap.add_argument("--split", default="")
    ap.add_argument("--batch", default="", help="h1, h2, h3 or h4 (labelled batches, in order)")
    ap.add_argument("--by-lang", action="store_true")
    ap.add_argument("--anystyle", action="store_true")
    ap.add_argument("--half", choices=("", "dev", "test"), default="")
    ap.add_argument("--shape", choices=("apa", "other"), default="apa")
    ap.add_argument("--old", action="store_true", help="AnyStyle: the old label-only measure")
    ap.add_argument("--sample", type=int, default=0, help="print N random disagreements")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--reader", choices=("auto", "grammar", "labeller"), default="auto")
    args = ap.parse_args(argv)
    global READER  # noqa: PLW0603 - a script's one switch, read by the scoring loop
    READER = args.reader
    if args.anystyle:
        base = anystyle_dir()
        if base is None:
            print("AnyStyle data not found (shared/data/anystyle)", file=sys.stderr)
            return 2
        recs = list(anystyle_records([base / "core.xml", base / "good.xml"], args.half, args.shape))
        sc = score_partial(recs) if args.old else score_anystyle(recs)
        what = "APA-like" if args.shape == "apa" else "other shapes"
        _report(f"AnyStyle {what} half={args.half or 'both'} ({len(recs)} entries)", sc)
    else:
        recs = load_jsonl(args.data, args.split, args.batch)
        sc = score(recs)
        name = f"{args.data.name} split={args.split or 'all'} batch={args.batch or 'all'}"
        _report(f"{name} ({len(recs)} entries)", sc)
        if args.by_lang:
            for lang in sorted({r["lang"] for r in recs}):
                sub = score([r for r in recs if r["lang"] == lang])
                print(
                    f"  [{lang}] {sub.entries} entries: exact {sub.accuracy:.3f}, "
                    f"soft {sub.soft:.3f}, fully right {sub.full:.3f}"
                )
    if args.verbose:
        for m in sc.misses:
            print("MISS", *m, sep=" | ")
    if args.sample:
        texts = {r["id"]: r["text"] for r in recs}
        by_id: dict[str, list[tuple[str, object, object]]] = {}
        for rid, f, e, g in sc.misses:
            by_id.setdefault(rid, []).append((f, e, g))
        ids = sorted(by_id)
        random.Random(args.seed).shuffle(ids)
        for rid in ids[: args.sample]:
            print(f"\n{rid}: {texts[rid]}")
            for f, e, g in by_id[rid]:
                print(f"   {f}: want {e!r} got {g!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
