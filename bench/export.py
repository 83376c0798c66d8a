"""Export speed: 10,000 references to each format (target < 2 s per format).

``python -m bench`` imports this module and calls :func:`run`; ``python bench/export.py`` prints
the figures. The references are a synthetic mix shaped like the seed (Turkish and Azerbaijani
Latin, Russian Cyrillic, group authors, unparsed entries), built once outside the timing.
"""

from __future__ import annotations

import statistics
import time

from refcheck.exporter import FORMATS, bibtex, export, keys, latex
from refcheck.model import (
    Organization,
    ParseStatus,
    PartialDate,
    Person,
    Reference,
    Script,
    Span,
)

TEMPLATES: tuple[Reference, ...] = (
    Reference(
        index=0, raw="", span=Span(0, 0), line=0, type="article-journal",
        authors=(Person("Yüzbaşıoğlu", "N."), Person("Çam", "Ö. T.")), year=2020,
        title="Dışişleri Bakanı Çavuşoğlu: Tüm imkânlarımızla Azerbaycan'ın yanındayız",
        container_title="Uluslararası Yönetim Akademisi Dergisi", volume="6", issue="2",
        pages="334–344", doi="10.1234/uyad.2023.17", language="tr", script=Script.LATIN,
    ),
    Reference(
        index=0, raw="", span=Span(0, 0), line=0, type="webpage",
        authors=(Organization("Xalq Cəbhəsi Qəzeti"),), year=2021, date=PartialDate(2021, 10, 5),
        title="Zəfər xronikası: Prezident İlham Əliyevin müsahibəsi",
        url="https://www.xalqcebhesi.az/news/politics/89141.html",
        accessed=PartialDate(2024, 6, 20), language="az", script=Script.LATIN,
    ),
    Reference(
        index=0, raw="", span=Span(0, 0), line=0, type="article-newspaper",
        authors=(Person("Макиенко", "К."),), year=2020, date=PartialDate(2020, 11, 10),
        title="Как Россия проиграла во второй карабахской войне", container_title="Ведомости",
        url="https://www.vedomosti.ru/opinion/articles/2020/11/10/846462-rossiya-proigrala",
        language="ru", script=Script.CYRILLIC,
    ),
    Reference(
        index=0, raw="", span=Span(0, 0), line=0, type="book",
        authors=(Person("Morgenthau", "Hans J."), Person("Clausewitz", "Carl", particle="von")),
        year=1972, title="Politics Among Nations: The Struggle for Power and Peace",
        edition="5", publisher="Alfred A. Knopf", place="New York", language="en",
    ),
    Reference(
        index=0, raw="Foulon, Michiel. Neoclassical Realism 17/4 (2015), 635-661.", span=Span(0, 0),
        line=0, status=ParseStatus.UNPARSED, reason="no recognisable date",
    ),
)  # fmt: skip


WORDS = ("и война", "в Баку", "Türkiye", "Əliyev", "NATO", "of Peace")


def references(n: int = 10_000) -> list[Reference]:
    """n references cycling through the templates, each with its own index, raw text and year."""
    from dataclasses import replace

    out = []
    for i in range(n):
        t = TEMPLATES[i % len(TEMPLATES)]
        out.append(
            replace(
                t,
                index=i + 1,
                line=i + 1,
                raw=t.raw or f"{t.title} ({i})",
                # every title distinct (caches must not make the figure look better than it is)
                title=f"{t.title} {WORDS[i % len(WORDS)]} {i}" if t.title else "",
                year=None if t.year is None else 1950 + i % 75,
            )
        )
    return out


def _clear_input_caches() -> None:
    """Empty every cache keyed by the references' text, so no run reuses another's work
    (per-character tables stay warm, as in any process after its first export)."""
    for cached in (
        keys._romanise_cached,
        keys.fold,
        bibtex._name_part,
        bibtex._short_text,
        latex._protect_word,
    ):
        cached.cache_clear()


def run(quick: bool = False) -> list[dict[str, object]]:
    """Median wall time per format over >= 5 runs (``quick``: 2,000 references)."""
    n = 2_000 if quick else 10_000
    refs = references(n)
    export(refs[:50], "bibtex")  # warm caches (romaniser, imports) outside the timing
    results: list[dict[str, object]] = []
    cases = [(f, "utf-8") for f in FORMATS] + [("bibtex", "ascii")]
    for fmt, enc in cases:
        wall: list[float] = []
        cpu: list[float] = []
        for _ in range(5):
            _clear_input_caches()  # each run pays for its own romanisation, names, words
            start, start_cpu = time.perf_counter(), time.process_time()
            export(refs, fmt, encoding=enc)
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        name = f"export {fmt} ({enc}) of {n:,} references"
        results.append(
            {
                "metric": name,
                "value": round(statistics.median(wall), 3),
                "unit": "s",
                "note": f"wall, median of 5 (min {min(wall):.3f} s); target < 2 s for 10,000",
            }
        )
        results.append(
            {
                "metric": name + ", CPU",
                "value": round(statistics.median(cpu), 3),
                "unit": "s",
                "note": "process CPU time, median of 5: the figure a loaded machine distorts least",
            }
        )
    return results


if __name__ == "__main__":
    for r in run():
        print(f"{r['metric']}: {r['value']} {r['unit']} ({r['note']})")
