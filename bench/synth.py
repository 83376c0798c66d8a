"""Synthetic manuscripts for benchmarks: multilingual entries and citations that point at them.

Deterministic (seeded) so that runs are comparable.
"""

from __future__ import annotations

import random

SURNAMES = [
    "Aliyev", "Əliyev", "Yüzbaşıoğlu", "Çavuşoğlu", "Hasanoğlu", "Məmmədov", "Smith", "Rose",
    "Friedberg", "Кузнецов", "Макиенко", "Новичков", "İnan", "Öztürk", "Şahin", "Güneş",
    "Wallace", "Ivanova", "Qasımlı", "Hüseynova", "Brown", "Detsch", "Kucera", "Zakaria",
]
INITIALS = ["A.", "B.", "C. D.", "E.", "F. G.", "K.", "M.", "N.", "R.", "T."]
TITLES = [
    "Ripe for rivalry: Prospects for peace in a multipolar Asia",
    "Hazar Denizi'nden Akdeniz'e Zengezur Koridoru",
    "Zəfər xronikası və regional təhlükəsizlik",
    "Как Россия проиграла во второй карабахской войне",
    "Neoclassical realism and theories of foreign policy",
    "Türkiye'nin Kafkasya politikası ve enerji güvenliği",
    "Drones in the Nagorno-Karabakh war: Analyzing the data",
]
JOURNALS = [
    "International Security", "World Politics", "Uluslararası İlişkiler",
    "Вестник МГИМО", "Asya Studies", "Foreign Policy Analysis",
]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def _letters(i: int) -> str:
    """A unique lowercase suffix for ``i`` ("ab", "ac", …): names stay names, no digits."""
    out = ""
    while True:
        i, d = divmod(i, 26)
        out = chr(97 + d) + out
        if not i:
            return out


def entry(rng: random.Random, i: int) -> tuple[str, str, int]:
    """One APA entry; returns (text, first author's surname, year)."""
    fam = rng.choice(SURNAMES) + ("" if i < len(SURNAMES) else _letters(i))
    year = 1990 + i % 35
    title = rng.choice(TITLES)
    kind = i % 4
    if kind == 0:
        text = (
            f"{fam}, {rng.choice(INITIALS)}, & {rng.choice(SURNAMES)}, {rng.choice(INITIALS)} "
            f"({year}). {title}. *{rng.choice(JOURNALS)}*, *{i % 60 + 1}*({i % 4 + 1}), "
            f"{i % 300 + 1}–{i % 300 + 25}. https://doi.org/10.{1000 + i % 9000}/bench.{i}"
        )
    elif kind == 1:
        text = f"{fam}, {rng.choice(INITIALS)} ({year}). *{title}*. Publisher House."
    elif kind == 2:
        text = (
            f"{fam}, {rng.choice(INITIALS)} ({year}, {rng.choice(MONTHS)} {i % 28 + 1}). {title}. "
            f"Anadolu Ajansı. Retrieved July 20, 2024, from https://www.aa.com.tr/tr/{i}"
        )
    else:
        text = (
            f"{fam}, {rng.choice(INITIALS)} ({year}). {title}. In A. Editor (Ed.), *Handbook of "
            f"{rng.choice(JOURNALS)}* (pp. {i % 50 + 1}–{i % 50 + 30}). Cambridge University Press."
        )
    return text, fam, year


def references(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [entry(rng, i)[0] for i in range(n)]


def manuscript(n_refs: int, body_bytes: int = 60_000, seed: int = 7) -> str:
    """A manuscript with a body of about ``body_bytes`` citing the entries, then its list."""
    rng = random.Random(seed)
    entries = [entry(rng, i) for i in range(n_refs)]
    filler = (
        "The regional rivalry intensified after the ceasefire, and analysts in Baku and Ankara "
        "noted the change in 2020 with some caution. "
    )
    parts: list[str] = ["Title of the article", "", "INTRODUCTION", ""]
    size = 0
    k = 0
    while size < body_bytes:
        fam, year = entries[k % n_refs][1], entries[k % n_refs][2]
        if k % 3 == 0:
            sent = f"{filler}As {fam} ({year}) argues, the balance shifted.\n\n"
        else:
            fam2, year2 = entries[(k * 7 + 3) % n_refs][1], entries[(k * 7 + 3) % n_refs][2]
            cite = f"({fam}, {year}, p. {k % 90 + 1}; {fam2}, {year2})"
            sent = f"{filler}This view is shared {cite}.\n\n"
        parts.append(sent)
        size += len(sent.encode())
        k += 1
    parts += ["REFERENCES", ""]
    parts += [f"- {e[0]}" for e in sorted(entries, key=lambda e: e[0])]
    return "\n".join(parts) + "\n"
