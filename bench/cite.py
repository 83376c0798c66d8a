"""Citation extraction + matching speed: a 1 MB body against 500 references (target < 0.5 s),
and the link and X301/X302 figures on the hand-labelled real articles in tests/data/articles.

``python -m bench`` imports this module and calls :func:`run`; ``python bench/cite.py`` prints
the figures. The body is generated (seeded): prose with parenthetical, multi-work, narrative,
colon-locator, et al., Cyrillic and group-author citations in English, Turkish and Russian forms
(vd., ve, s.; и др., и, с.), GOST square brackets and remarks before the names, plus the
parentheses that are not citations (acronyms, date ranges, years in prose). References are built
directly as records so that only the cite and match stages are timed.
"""

from __future__ import annotations

import importlib.util
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from refcheck.cite import extract_citations
from refcheck.match import match_citations
from refcheck.model import Agent, Document, Organization, Person, Reference, Span

SURNAMES = [
    "Aliyev",
    "Yüzbaşıoğlu",
    "Çavuşoğlu",
    "Hasanoğlu",
    "Məmmədov",
    "Smith",
    "Rose",
    "Friedberg",
    "Кузнецов",
    "Макиенко",
    "Новичков",
    "İnan",
    "Öztürk",
    "Şahin",
    "Güneş",
    "Wallace",
    "Ivanova",
    "Qasımlı",
    "Hüseynova",
    "Brown",
    "Detsch",
    "Kucera",
    "Zakaria",
    "Taliaferro",
]
GROUPS = [
    "Ministry of Foreign Affairs of the Republic of Türkiye",
    "President of Azerbaijan Republic",
    "Anadolu Agency",
    "Администрация Президента России",
    "World Health Organization",
]
PROSE = [
    "Neoclassical realists stress that the timing of a state's moves matters as much as its "
    "material capacity, and that domestic variables filter systemic pressure.",
    "Ankara's position changed markedly between the two wars, in diplomacy as well as in the "
    "field, where unmanned aerial vehicles altered the balance of forces.",
    "Russia's stance, by contrast, combined cooperation with competition in the Caucasus, a "
    "pattern analysts describe as competitive cooperation.",
    "Türkiye'nin Kafkasya politikası, Azerbaycan ile kurulan ittifak ilişkisi çerçevesinde "
    "yeniden şekillendi ve bölgesel dengeler değişti.",
    "В российской прессе итоги войны оценивались как геополитическое поражение Москвы.",
]
FILLER = (
    "The rivalry between the two states (FSS) intensified after 2020, when the war (1994–2020) "
    "ended and the table (in the Minsk Group) was reshaped; on September 27, 2020, the attack "
    "began. "
)


def _tag(i: int) -> str:
    """A letters-only tag making each surname unique (digits would not be names)."""
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(97 + r) + out
    return out


def _refs(n: int, rng: random.Random) -> list[Reference]:
    out: list[Reference] = []
    for i in range(n):
        authors: tuple[Agent, ...]
        if i % 10 == 0:
            authors = (Organization(f"{GROUPS[i % len(GROUPS)]} {_tag(i).title()}"),)
        elif i % 3 == 0:
            authors = tuple(
                Person(f"{rng.choice(SURNAMES)}{_tag(i)}{_tag(k)}", "A.") for k in range(3)
            )
        elif i % 3 == 1:
            authors = (
                Person(f"{rng.choice(SURNAMES)}{_tag(i)}", "B."),
                Person(rng.choice(SURNAMES), "C."),
            )
        else:
            authors = (Person(f"{rng.choice(SURNAMES)}{_tag(i)}", "D."),)
        year = 1990 + i % 35
        raw = f"{'; '.join(a.display for a in authors)} ({year}). Title {i}."
        out.append(
            Reference(index=i + 1, raw=raw, span=Span(0, 1), line=1, authors=authors, year=year)
        )
    return out


# How each language's journals write et al., "and" and a page (issue 15's forms).
_FORMS = {
    "en": ("et al.", "and", "&", "p."),
    "tr": ("vd.", "ve", "ve", "s."),
    "ru": ("и др.", "и", "и", "с."),
}


def _cite(ref: Reference, rng: random.Random, *, narrative: bool) -> str:
    names = [a.family if isinstance(a, Person) else a.name for a in ref.authors]
    year = ref.year or 2000
    et_al, and_, amp, page = _FORMS[rng.choice(("en", "en", "en", "tr", "ru"))]
    if len(names) >= 3:
        who = f"{names[0]} {et_al}"
    elif len(names) == 2:
        who = f"{names[0]} {and_ if narrative else amp} {names[1]}"
    else:
        who = names[0]
    if narrative:
        return f"{who} ({year})"
    loc = rng.choice(["", "", f", {page} {rng.randint(1, 300)}", f": {rng.randint(1, 300)}"])
    return f"{who}, {year}{loc}"


def manuscript(
    n_refs: int = 500, body_bytes: int = 1_000_000, seed: int = 11, *, dense: bool = False
) -> Document:
    """Prose with citations. Realistic density (default) is one citation per ~350 bytes, more than
    twice the seed's (55 in 47 KB); ``dense`` packs one per ~65 bytes as a stress test."""
    rng = random.Random(seed)
    refs = _refs(n_refs, rng)
    parts: list[str] = []
    size = 0
    while size < body_bytes:
        kind = rng.random()
        if kind < 0.5:
            piece = f"As argued ({_cite(rng.choice(refs), rng, narrative=False)}). "
        elif kind < 0.7:
            items = "; ".join(_cite(rng.choice(refs), rng, narrative=False) for _ in range(3))
            piece = f"Several works agree (e.g., {items}). "
        elif kind < 0.8:
            piece = f"Following {_cite(rng.choice(refs), rng, narrative=True)}, we go on. "
        elif kind < 0.85:  # GOST brackets and a remark before the names
            piece = (
                f"Как показано [{_cite(rng.choice(refs), rng, narrative=False)}], и (for an "
                f"overview, see the report of {_cite(rng.choice(refs), rng, narrative=False)}). "
            )
        else:
            piece = FILLER
        if not dense:
            prose = " ".join(PROSE[rng.randrange(len(PROSE))] for _ in range(2))
            piece = f"{prose} {piece}"
        parts.append(piece)
        size += len(piece.encode("utf-8"))
    body = "".join(parts)
    text = body + "\n\nREFERENCES\n" + "\n".join(r.raw for r in refs)
    return Document(
        text=text,
        body=Span(0, len(body)),
        heading=Span(len(body) + 2, len(body) + 12),
        references=tuple(refs),
    )


def _median_time(
    fn: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    times = []
    for _ in range(repeat):
        t0 = clock()
        fn()
        times.append(clock() - t0)
    return statistics.median(times)


def _measure(doc: Document, repeat: int) -> tuple[int, float, float, float, float, float]:
    cits = extract_citations(doc)
    links = match_citations(cits, doc.references)
    linked = sum(lk.reference is not None for lk in links) / max(1, len(links))
    t_extract = _median_time(lambda: extract_citations(doc), repeat)
    t_match = _median_time(lambda: match_citations(cits, doc.references), repeat)
    both = lambda: match_citations(extract_citations(doc), doc.references)  # noqa: E731
    t_both = _median_time(both, repeat)
    cpu_both = _median_time(both, repeat, time.process_time)
    return len(cits), linked, t_extract, t_match, t_both, cpu_both


ROOT = Path(__file__).resolve().parent.parent


def _scorer() -> Any:
    """``scripts/eval_citations.py`` (a script, loaded by path)."""
    path = ROOT / "scripts" / "eval_citations.py"
    spec = importlib.util.spec_from_file_location("eval_citations", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_citations", mod)
    spec.loader.exec_module(mod)
    return mod


def corpus_rows(folder: Path | None = None) -> list[dict[str, object]]:
    """Link and claim precision/recall on real articles (``python scripts/eval_citations.py``)."""
    ev = _scorer()
    folder = folder or ev.DEFAULT_DIR
    articles = ev.load_articles(folder)
    if not articles:
        return [{"metric": "cite: real articles", "value": 0, "unit": "articles",
                 "note": f"no labelled articles in {folder}"}]  # fmt: skip
    c = ev.score(articles).pooled()
    langs = ", ".join(
        f"{n} {lang}" for lang, n in sorted(_count(a.language for a in articles).items())
    )
    where = f"{len(articles)} articles ({langs}), {c.labels} labelled citations"
    rows: list[dict[str, object]] = []
    for metric, right, total in (
        ("link precision", c.link_right, c.link_made),
        ("link recall", c.link_found, c.link_gold),
        ("X301 precision", c.x301_right, c.x301_claims),
        ("X301 recall", c.x301_found, c.x301_gold),
        ("X302 precision", c.x302_right, c.x302_claims),
        ("X302 recall", c.x302_found, c.x302_gold),
    ):
        if not total:
            continue  # 0/0 is no figure: the committed articles hold no such claim
        rows.append(
            {
                "metric": f"cite: real articles, {metric}",
                "value": round(right / total, 4),
                "unit": "",
                "note": f"{right}/{total}; {where}; target >= 0.97",
            }
        )
    return rows


def _count(items: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for x in items:
        out[x] = out.get(x, 0) + 1
    return out


def run(quick: bool = False) -> list[dict[str, object]]:
    body_bytes = 100_000 if quick else 1_000_000
    repeat = 5
    n, linked, t_extract, t_match, t_both, cpu = _measure(manuscript(500, body_bytes), repeat)
    n_dense, _, _, _, t_dense, _ = _measure(manuscript(500, body_bytes, dense=True), repeat)
    size = f"{body_bytes / 1e6:.1f} MB body, 500 refs, {n} citations"
    return [
        {
            "metric": "cite: extract citations",
            "value": round(t_extract, 4),
            "unit": "s",
            "note": f"{size}; median of {repeat}",
        },
        {
            "metric": "cite: match citations",
            "value": round(t_match, 4),
            "unit": "s",
            "note": f"{size}; median of {repeat}",
        },
        {
            "metric": "cite: extract + match",
            "value": round(t_both, 4),
            "unit": "s",
            "note": f"{size}; target < 0.5 s; median of {repeat}",
        },
        {
            "metric": "cite: extract + match, CPU time",
            "value": round(cpu, 4),
            "unit": "s",
            "note": f"{size}; process time, unaffected by other load; median of {repeat}",
        },
        {
            "metric": "cite: extract + match, dense",
            "value": round(t_dense, 4),
            "unit": "s",
            "note": f"stress: {body_bytes / 1e6:.1f} MB, {n_dense} citations (1 per ~65 bytes); "
            f"no target; median of {repeat}",
        },
        {
            "metric": "cite: citations linked",
            "value": round(100 * linked, 2),
            "unit": "%",
            "note": "generated citations that found their entry (expected 100)",
        },
        *corpus_rows(),
    ]


if __name__ == "__main__":
    for row in run():
        print(f"{row['metric']:<28} {row['value']:>10} {row['unit']:<3} {row['note']}")
