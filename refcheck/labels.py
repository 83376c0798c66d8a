"""Labels a reference list files its entries under and the text cites them by.

Turkish theses list web sources as ``URL-1. (2014). http://…`` and cite ``(URL-1)``; Russian
linguistics lists its sources under an abbreviation, ``НКРЯ – Национальный корпус …`` or
``[НКРЯ] …``, cited ``[НКРЯ]``, ``[РМС I: 484]``; a dictionary may be cited by its title's initials
(``[ФСРЛЯ]``). The split, parse, cite and match stages all read these: the spellings live here
once.
"""

from __future__ import annotations

import re

# A list keyed by citation (Russian linguistics): "Гаспаров 2000 – …", "Roll, Ross 1980 – …":
# the names and the year the text cites the entry by, before the dash that opens it (the
# splitter's entry start and the parser's key)
CITATION_KEY_NAMES = r"[^\W\d_][\w'’\-]{1,40}(?:,?[ \t](?:&[ \t])?[^\W\d_][\w'’\-.]{0,40}){0,4}"
CITATION_KEY_YEAR = r"(?:1[5-9]|20)\d\d"
# A source's abbreviation before the dash that opens its entry: "НКРЯ – …", "РМС I — …",
# "KSSJ — MF — …", "DeReKo – …" (the splitter's entry start and the parser's label).
SOURCE_KEY_HEAD = (
    r"([^\W\d_][\w'’\-]{1,20}(?:[ \t][IVX]{1,4})?(?:[ \t][–—―][ \t][A-ZА-ЯЁ]{2,6})?)"
    r"[ \t][–—―=][ \t](?=[A-ZÀ-ÞА-ЯЁ«\"“])"
)


# Name particles a surname keeps ("von Clausewitz", "de Haan", "van der Berg", "ibn Sina",
# "d'Alembert"), lower-case as names print them: the splitter's entry starts,
# the parser's names, the citation grammar and the match stage's surname comparison read one set.
NAME_PARTICLES = frozenset(
    {
        "von", "van", "der", "den", "de", "da", "di", "du", "des", "del", "della", "dei", "dos",
        "das", "le", "la", "ter", "ten", "zu", "vom", "zur", "bin", "ibn", "ben", "el", "al",
        "d’", "d'",
    }
)  # fmt: skip


# A work not yet out, in the date's place: the four languages' words (Turkish writes both
# "baskıda" and "basımda", Azerbaijani "çapda"); entries and citations read the same set.
IN_PRESS_WORDS = ("in press", "to appear", "forthcoming", "baskıda", "basımda", "в печати", "çapda")
IN_PRESS = r"in\s+press|to\s+appear|forthcoming|baskıda|basımda|в\s+печати|çapda"


# A Cyrillic year letter as its Latin counterpart: GOST's а, б, в, г, д are a, b, c, d, e; "с"
# and "е" typed for the Latin letters they look like mean those (the match stage compares
# letters so, and an entry romanised for APA writes them so)
CYRILLIC_YEAR_LETTERS = str.maketrans("абвгдес", "abcdeec")


def web_source_key(number: str) -> str:
    """The one spelling of a Turkish web-source label, ``URL-1``: entries are listed as
    ``URL-1. …``, ``URL 1: …`` and cited as ``(URL-1)``, ``(URL 1)``; both sides key on this."""
    return f"URL-{int(number)}"


def source_key(label: str) -> str:
    """The one spelling of a source's abbreviation key: a list's ``KSSJ — MF — Korpus …``,
    ``РМС I — Матица …`` cited ``[KSSJ-MF]``, ``[РМС I: 484]``: spaces and dashes folded."""
    return re.sub(r"\s*[-–—―]\s*|\s+", "-", label.strip())


def title_acronym(title: str) -> str:
    """The initials of a title's words, upper-cased: a dictionary cited ``[ФСРЛЯ]`` is listed as
    ``Фразеологический словарь русского литературного языка``."""
    return "".join(w[0] for w in re.findall(r"[^\W\d_]+", title)).upper()


def is_web_source_key(key: str) -> bool:
    """Whether a citation key is a web source's label (``URL-1``), not a LaTeX key."""
    return key.startswith("URL-") and key[4:].isdigit()
