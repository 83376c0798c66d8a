"""Citation→entry links and the X301/X302 claims, scored on hand-labelled real articles.

Why a script: the figures go into docs/citations.md and must reproduce with one command; the
test suite imports :func:`score_dir` to keep a floor under them, and ``bench/cite.py`` prints
them beside the speed figures.

    python scripts/eval_citations.py                          # tests/data/articles, every article
    python scripts/eval_citations.py --dir /work/corpus/articles --split dev -v
    python scripts/eval_citations.py --split heldout          # articles 03, 06, 09, … only
    python scripts/eval_citations.py --json                   # the figures as JSON

An article is ``NN.txt`` (body, heading, one entry per line at the end) and ``NN.json`` (see
``tests/data/articles/GUIDE.md``): each labelled citation is the string ``cite`` at its
``occurrence`` in the text, with the 1-based entries it means; ``uncited`` lists the entries no
citation means; ``cited_elsewhere`` the entries cited only in a part that was cut away.

What runs is refcheck's own pipeline, offline, as the command line runs it (load → split → parse
→ normalise → cite → match → rules), so the claims scored are the findings a user sees.

Counting:

* **Alignment.** A labelled citation and one of refcheck's citations are the same when their
  spans overlap. A label meaning k works may take k citations (``Smith (2010, 2012)`` labelled
  once with two entries is two citations for refcheck); pairs whose link agrees with the label
  are aligned first, then the rest by the size of the overlap.
* **Entries.** The labels number the last ``entries`` non-blank lines of ``NN.txt``; refcheck's
  entries are mapped onto those lines by span, so an entry refcheck splits or merges differently
  still counts for what it covers.
* **Links.** Precision: of refcheck's citation→entry links, those whose citation is aligned
  with a label naming that entry. Recall: of the labelled (citation, entry) pairs, those refcheck
  made. A citation refcheck finds that no label covers counts against precision when it is
  linked; a label refcheck does not find counts against recall.
* **X301** (no entry). A claim is right when its citation is aligned with a label whose
  ``entries`` is empty; recall is over those labels. **X302** (never cited): a claim is right
  when the entry is in ``uncited``; claims on ``cited_elsewhere`` entries are not counted.
* Ratios with nothing to count (no claims) print as ``-`` and pool as 1.0 only in the JSON.

The held-out split is every article whose number is a multiple of 3 (chosen by number, before
any article was read): develop on ``dev``, score ``heldout`` at the end.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DIR = ROOT / "tests" / "data" / "articles"
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f]")


def canonical(text: str) -> str:
    """The text as refcheck's loader canonicalises it (LF, no invisibles, NFC), so a labelled
    string is found at the offsets refcheck reports."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)


def is_heldout(article_id: str) -> bool:
    """Held out: article numbers divisible by 3 (03, 06, 09 …), fixed before reading any."""
    digits = re.sub(r"\D", "", article_id)
    return bool(digits) and int(digits) % 3 == 0


# ------------------------------------------------------------------------------ labels


@dataclass(frozen=True)
class Label:
    cite: str
    occurrence: int
    kind: str
    entries: tuple[int, ...]
    note: str = ""


@dataclass(frozen=True)
class Article:
    id: str
    text: str  # canonical text of NN.txt
    language: str
    entries: int
    labels: tuple[Label, ...]
    uncited: frozenset[int]
    cited_elsewhere: frozenset[int]
    path: Path
    meta: dict[str, Any] = field(default_factory=dict, compare=False)


def load_article(txt: Path) -> Article:
    meta = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    labels = tuple(
        Label(
            cite=canonical(str(c["cite"])),
            occurrence=int(c.get("occurrence", 1)),
            kind=str(c.get("kind", "")),
            entries=tuple(int(e) for e in c.get("entries", [])),
            note=str(c.get("note", "")),
        )
        for c in meta.get("citations", [])
    )
    return Article(
        id=txt.stem,
        text=canonical(txt.read_text(encoding="utf-8-sig")),
        language=str(meta.get("language", "?")),
        entries=int(meta["entries"]),
        labels=labels,
        uncited=frozenset(int(e) for e in meta.get("uncited", [])),
        cited_elsewhere=frozenset(int(e) for e in meta.get("cited_elsewhere", [])),
        path=txt,
        meta=meta,
    )


def load_articles(folder: Path, split: str = "all") -> list[Article]:
    out = []
    for txt in sorted(folder.glob("*.txt")):
        if not txt.with_suffix(".json").is_file():
            continue
        if split == "dev" and is_heldout(txt.stem):
            continue
        if split == "heldout" and not is_heldout(txt.stem):
            continue
        out.append(load_article(txt))
    return out


def label_spans(article: Article) -> list[tuple[int, int] | None]:
    """Where each label is in the text: the ``occurrence``-th appearance of ``cite``."""
    out: list[tuple[int, int] | None] = []
    for lab in article.labels:
        pos = -1
        for _ in range(max(1, lab.occurrence)):
            pos = article.text.find(lab.cite, pos + 1)
            if pos < 0:
                break
        out.append(None if pos < 0 else (pos, pos + len(lab.cite)))
    return out


def gold_entry_spans(article: Article) -> list[tuple[int, int]]:
    """Spans of the last ``entries`` non-blank lines: the labelled entries 1..n (a section
    title inside the list, "Источники" after "Литература", is no entry: the guide numbers
    the entries straight through both parts)."""
    from refcheck.split import SUBHEADINGS, fold_heading, is_reference_heading

    spans: list[tuple[int, int]] = []
    pos = 0
    for line in article.text.split("\n"):
        s = line.strip()
        if s and not (is_reference_heading(s) or fold_heading(s) in SUBHEADINGS):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans[-article.entries :] if article.entries else []


# ------------------------------------------------------------------------------ prediction


@dataclass(frozen=True)
class PredCitation:
    start: int
    end: int
    text: str
    reference: int | None  # refcheck's entry index (1-based) or None
    also: tuple[int, ...] = ()  # entries that repeat it (one work listed twice)


@dataclass(frozen=True)
class Prediction:
    citations: tuple[PredCitation, ...]
    reference_spans: tuple[tuple[int, int], ...]  # refcheck entry i (1-based) = [i - 1]
    x301: frozenset[tuple[int, int]]  # spans of the citations X301 was reported on
    x302: frozenset[int]  # refcheck entry indexes X302 was reported on


def run_refcheck(article: Article) -> Prediction:
    """refcheck's pipeline, offline, with the settings a user without a config file gets."""
    from refcheck.api import check, load
    from refcheck.config import Config
    from refcheck.errors import NoReferencesError

    try:
        doc = load(article.path)
    except NoReferencesError as exc:  # what a user gets: no list, so no link and no claim
        print(f"  ! {exc}", file=sys.stderr)
        return Prediction((), (), frozenset(), frozenset())
    if doc.text != article.text:
        raise SystemExit(f"{article.path}: refcheck's text differs from the scorer's")
    report = check(doc, Config(offline=True))
    links = {lk.citation: lk for lk in report.links}
    cits = tuple(
        PredCitation(
            c.span.start,
            c.span.end,
            c.text,
            links[c.index].reference if c.index in links else None,
            links[c.index].also if c.index in links else (),
        )
        for c in report.citations
    )
    x301 = frozenset(
        (f.span.start, f.span.end) for f in report.findings if f.code == "X301" and f.span
    )
    x302 = frozenset(
        f.reference for f in report.findings if f.code == "X302" and f.reference is not None
    )
    spans = tuple((r.span.start, r.span.end) for r in report.document.references)
    return Prediction(cits, spans, x301, x302)


# ------------------------------------------------------------------------------ scoring


@dataclass
class Counts:
    link_right: int = 0  # refcheck's links that a label confirms
    link_made: int = 0  # refcheck's links (citation → entry)
    link_found: int = 0  # labelled pairs refcheck made
    link_gold: int = 0  # labelled (citation, entry) pairs
    x301_right: int = 0
    x301_claims: int = 0
    x301_found: int = 0
    x301_gold: int = 0
    x302_right: int = 0
    x302_claims: int = 0
    x302_found: int = 0
    x302_gold: int = 0
    labels: int = 0
    extracted: int = 0  # labels refcheck found a citation for

    def add(self, other: Counts) -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def ratios(self) -> dict[str, float | None]:
        def r(a: int, b: int) -> float | None:
            return a / b if b else None

        return {
            "link_precision": r(self.link_right, self.link_made),
            "link_recall": r(self.link_found, self.link_gold),
            "x301_precision": r(self.x301_right, self.x301_claims),
            "x301_recall": r(self.x301_found, self.x301_gold),
            "x302_precision": r(self.x302_right, self.x302_claims),
            "x302_recall": r(self.x302_found, self.x302_gold),
            "extraction_recall": r(self.extracted, self.labels),
        }


@dataclass
class ArticleScore:
    article: Article
    counts: Counts
    misses: list[str]
    warnings: list[str]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def score_article(article: Article, pred: Prediction) -> ArticleScore:
    counts = Counts()
    misses: list[str] = []
    warnings: list[str] = []
    lspans = label_spans(article)
    for lab, sp in zip(article.labels, lspans, strict=True):
        if sp is None:
            warnings.append(f"label {lab.cite!r} occurrence {lab.occurrence} not in the text")
    gold = gold_entry_spans(article)
    if len(pred.reference_spans) != article.entries:
        found = len(pred.reference_spans)
        warnings.append(f"refcheck found {found} entries, labels {article.entries}")
    # refcheck entry -> labelled entries it covers
    cover: dict[int, frozenset[int]] = {}
    for i, rs in enumerate(pred.reference_spans, 1):
        cover[i] = frozenset(g for g, gs in enumerate(gold, 1) if _overlap(rs, gs) > 0)

    def gold_of(ref: int | None) -> frozenset[int]:
        return cover.get(ref, frozenset()) if ref is not None else frozenset()

    def gold_all(c: PredCitation) -> frozenset[int]:
        return gold_of(c.reference).union(*(gold_of(i) for i in c.also))

    # alignment: label k may take max(1, len(entries)) citations, each citation one label
    capacity = [max(1, len(lab.entries)) for lab in article.labels]
    owner: dict[int, int] = {}  # citation position -> label position
    taken: dict[int, list[int]] = {k: [] for k in range(len(article.labels))}
    pairs: list[tuple[int, int, int, int]] = []  # (agrees, overlap, label, citation)
    for k, (lab, sp) in enumerate(zip(article.labels, lspans, strict=True)):
        if sp is None:
            continue
        for j, c in enumerate(pred.citations):
            ov = _overlap(sp, (c.start, c.end))
            if ov > 0:
                agrees = int(bool(gold_all(c) & set(lab.entries)))
                agrees |= int(not lab.entries and c.reference is None)
                pairs.append((agrees, ov, k, j))
    for _agrees, _ov, k, j in sorted(pairs, key=lambda p: (-p[0], -p[1], p[2], p[3])):
        if j in owner or len(taken[k]) >= capacity[k]:
            continue
        owner[j] = k
        taken[k].append(j)

    # links
    for j, c in enumerate(pred.citations):
        if c.reference is None:
            continue
        counts.link_made += 1
        k = owner.get(j)
        if k is None:
            misses.append(f"link from an unlabelled citation: {c.text!r} -> entry {c.reference}")
            continue
        lab = article.labels[k]
        if gold_all(c) & set(lab.entries):
            counts.link_right += 1
        else:
            got = sorted(gold_of(c.reference))
            misses.append(f"wrong link: {c.text!r} -> {got}, label {list(lab.entries)}")
    for k, lab in enumerate(article.labels):
        counts.labels += 1
        if taken[k]:
            counts.extracted += 1
        made: set[int] = set()
        for j in taken[k]:
            made |= gold_all(pred.citations[j])
        for e in lab.entries:
            counts.link_gold += 1
            if e in made:
                counts.link_found += 1
            elif not taken[k]:
                misses.append(f"not found: {lab.cite!r} (#{lab.occurrence}) -> {e}")
            else:
                got = [pred.citations[j].reference for j in taken[k]]
                misses.append(f"missed link: {lab.cite!r} (#{lab.occurrence}) -> {e}, got {got}")

    # X301
    claimed = {j for j, c in enumerate(pred.citations) if (c.start, c.end) in pred.x301}
    for j in sorted(claimed):
        counts.x301_claims += 1
        k = owner.get(j)
        if k is not None and not article.labels[k].entries:
            counts.x301_right += 1
        else:
            what = "unlabelled" if k is None else f"label {list(article.labels[k].entries)}"
            misses.append(f"false X301: {pred.citations[j].text!r} ({what})")
    for k, lab in enumerate(article.labels):
        if lab.entries:
            continue
        counts.x301_gold += 1
        if any(j in claimed for j in taken[k]):
            counts.x301_found += 1
        else:
            misses.append(f"X301 not reported: {lab.cite!r} (#{lab.occurrence})")

    # X302
    claimed_gold: set[int] = set()
    for ref in sorted(pred.x302):
        g = gold_of(ref)
        if g and g <= article.cited_elsewhere:
            continue
        counts.x302_claims += 1
        if g & article.uncited:
            counts.x302_right += 1
            claimed_gold |= g & article.uncited
        else:
            misses.append(f"false X302: refcheck entry {ref} (labelled entries {sorted(g)})")
    for e in sorted(article.uncited):
        counts.x302_gold += 1
        if e in claimed_gold:
            counts.x302_found += 1
        else:
            misses.append(f"X302 not reported: entry {e}")
    return ArticleScore(article, counts, misses, warnings)


@dataclass
class Scores:
    articles: list[ArticleScore]

    def pooled(self, select: Callable[[ArticleScore], bool] = lambda s: True) -> Counts:
        total = Counts()
        for s in self.articles:
            if select(s):
                total.add(s.counts)
        return total

    def by_language(self) -> dict[str, Counts]:
        langs = sorted({s.article.language for s in self.articles})
        return {lang: self.pooled(lambda s, la=lang: s.article.language == la) for lang in langs}


def score(
    articles: Iterable[Article], run: Callable[[Article], Prediction] = run_refcheck
) -> Scores:
    return Scores([score_article(a, run(a)) for a in articles])


def score_dir(folder: Path = DEFAULT_DIR, split: str = "all") -> Scores:
    return score(load_articles(folder, split))


# ------------------------------------------------------------------------------ output


def _fmt(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "- (0/0)"


_HEAD = (
    f"{'':<10} {'cits':>5} {'link P':>16} {'link R':>16} {'X301 P':>12} {'X301 R':>12} "
    f"{'X302 P':>12} {'X302 R':>12}"
)


def _row(name: str, c: Counts) -> str:
    return (
        f"{name:<10} {c.labels:>5} {_fmt(c.link_right, c.link_made):>16} "
        f"{_fmt(c.link_found, c.link_gold):>16} {_fmt(c.x301_right, c.x301_claims):>12} "
        f"{_fmt(c.x301_found, c.x301_gold):>12} {_fmt(c.x302_right, c.x302_claims):>12} "
        f"{_fmt(c.x302_found, c.x302_gold):>12}"
    )


def report(scores: Scores, verbose: bool = False) -> str:
    lines = [_HEAD]
    for s in scores.articles:
        lines.append(_row(f"{s.article.id} {s.article.language}", s.counts))
    lines.append("")
    for lang, c in scores.by_language().items():
        lines.append(_row(f"lang {lang}", c))
    lines.append(_row("all", scores.pooled()))
    if verbose:
        for s in scores.articles:
            if not (s.misses or s.warnings):
                continue
            title = s.article.meta.get("title", "")
            lines += ["", f"== {s.article.id} ({s.article.language}) {title}"]
            lines += [f"  ! {w}" for w in s.warnings]
            lines += [f"  - {m}" for m in s.misses]
    return "\n".join(lines)


def as_json(scores: Scores) -> dict[str, Any]:
    def block(c: Counts) -> dict[str, Any]:
        return {"counts": dict(vars(c)), "ratios": c.ratios()}

    return {
        "articles": {s.article.id: block(s.counts) for s in scores.articles},
        "languages": {k: block(v) for k, v in scores.by_language().items()},
        "all": block(scores.pooled()),
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="folder of NN.txt + NN.json")
    ap.add_argument("--split", choices=("all", "dev", "heldout"), default="all")
    ap.add_argument("--only", help="comma-separated article ids (01,07)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    articles = load_articles(args.dir, args.split)
    if args.only:
        wanted = {x.strip() for x in args.only.split(",")}
        articles = [a for a in articles if a.id in wanted]
    if not articles:
        print(f"no labelled articles in {args.dir} (split {args.split})", file=sys.stderr)
        return 1
    scores = score(articles)
    if args.json:
        print(json.dumps(as_json(scores), indent=2))
    else:
        print(report(scores, args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
