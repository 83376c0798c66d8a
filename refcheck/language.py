"""The manuscript's language: English, Turkish, Azerbaijani or Russian, which the rules follow.

A Turkish article writes ``vd.`` and ``s. 12`` and lists Turkish titles without translating them;
a Russian one cites in GOST brackets and lists Cyrillic works as they are. The citation rules
(C207) and the multilingual rules (N501, N502, N505) therefore need the language the *body* is
written in, not the titles'. ``language = "tr"`` in the configuration decides it outright;
otherwise it is detected here from the body (never the reference list) by the share of each
language's commonest function words and, between Turkish and Azerbaijani, the letter ə.

Why not langdetect or lingua: neither knows Azerbaijani well enough (langdetect has no ``az``),
the body is long (a few hundred words settle the question) and four candidates need no model.
A body in another language (or one too mixed to tell) falls back to English rules, which the
N506 finding says once.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from refcheck.model import Document, Span

__all__ = ["LANGUAGE_SETTINGS", "ManuscriptLanguage", "detect_language", "manuscript_language"]

LANGUAGE_SETTINGS = ("auto", "en", "tr", "az", "ru")
_NAMES = {"en": "English", "tr": "Turkish", "az": "Azerbaijani", "ru": "Russian"}

_FUNCTION_WORDS = {
    "en": "the of and to in is that for with as by on are this be which from it was were or an not",
    "tr": "ve bir bu ile için da de olarak olan gibi daha çok ise ki en ne olduğu değil kadar "
    "sonra ancak ayrıca her göre",
    "az": "və bir bu ilə üçün da də olaraq olan kimi daha çox isə ki ən olduğu deyil qədər "
    "sonra lakin həm hər görə",
    "ru": "и в не на что с по как для это к из о от а но также его их он она они при же или "
    "был была были является",
}
_WORDS = {lang: frozenset(ws.split()) for lang, ws in _FUNCTION_WORDS.items()}
_TOKEN = re.compile(r"[^\W\d_]+")
_SAMPLE = 200_000  # characters of body read: far more than needed, and bounded
_MIN_WORDS = 30  # fewer words cannot be told apart; English is assumed without a finding
_MIN_SHARE = {"en": 0.10, "tr": 0.04, "az": 0.04, "ru": 0.08}
_UKRAINIAN = frozenset("іїєґ")


@dataclass(frozen=True)
class ManuscriptLanguage:
    """The language the rules follow, how it was decided, and why."""

    code: str  # en, tr, az or ru: what the rules use
    source: str  # "config", "detected", "fallback" (unknown language, English rules), "short"
    evidence: str  # "Turkish function words 8.4% of 1,230 words (English 0.9%)"

    @property
    def name(self) -> str:
        return _NAMES.get(self.code, self.code)

    @property
    def known(self) -> bool:
        """False when the body is in a language refcheck does not know (English rules apply)."""
        return self.source != "fallback"


def _tr_lower(word: str) -> str:
    return word.replace("İ", "i").replace("I", "ı").lower()


def detect_language(text: str) -> tuple[str, str]:
    """``("tr", evidence)`` for a body in Turkish; ``("", evidence)`` when it is none of the four
    (or too short to tell: the evidence then starts with "too short")."""
    sample = text[:_SAMPLE]
    tokens = [_tr_lower(t) for t in _TOKEN.findall(sample)]
    if len(tokens) < _MIN_WORDS:
        return "", f"too short to tell ({len(tokens)} words)"
    counts = Counter(tokens)
    n = len(tokens)
    share = {lang: sum(counts[w] for w in ws) / n for lang, ws in _WORDS.items()}
    letters = sum(len(t) for t in tokens)
    cyrillic = sum(1 for t in tokens for ch in t if "\u0400" <= ch <= "\u04ff") / letters
    schwa = sum(t.count("ə") for t in tokens) / letters
    shown = ", ".join(f"{_NAMES[k]} {v:.1%}" for k, v in sorted(share.items(), key=lambda t: -t[1]))
    evidence = f"function words in {n:,} words: {shown}"
    if cyrillic > 0.5:
        ukrainian = sum(1 for t in tokens for ch in t if ch in _UKRAINIAN) / letters
        if share["ru"] >= _MIN_SHARE["ru"] and ukrainian < 0.005:
            return "ru", f"{cyrillic:.0%} Cyrillic letters; {evidence}"
        return "", f"{cyrillic:.0%} Cyrillic letters, not Russian; {evidence}"
    turkic = max(share["tr"], share["az"])
    if share["en"] >= _MIN_SHARE["en"] and share["en"] > turkic:
        return "en", evidence
    if turkic >= _MIN_SHARE["tr"]:
        if schwa > 0.005 or share["az"] > share["tr"]:
            return "az", f"ə is {schwa:.1%} of letters; {evidence}"
        return "tr", f"no ə; {evidence}"
    return "", evidence


def manuscript_language(doc: Document, setting: str = "auto") -> ManuscriptLanguage:
    """The language the rules follow for ``doc``: the setting, else the body's, else English."""
    if setting != "auto":
        return ManuscriptLanguage(setting, "config", f'language = "{setting}" in the configuration')
    body = doc.body
    if len(body) == 0 and doc.heading is None and doc.references_region is None:
        body = Span(0, len(doc.text))  # a bare text without a split: all of it is body
    code, evidence = detect_language(body.slice(doc.text))
    if code:
        return ManuscriptLanguage(code, "detected", evidence)
    if evidence.startswith("too short"):
        return ManuscriptLanguage("en", "short", evidence + "; English assumed")
    return ManuscriptLanguage("en", "fallback", evidence)
