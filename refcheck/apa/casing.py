"""Sentence case for titles, only where it is safe.

APA 7 writes article, book and chapter titles in sentence case (APA-RL-14): the first word, the
first word after a colon, and proper nouns capitalised. A program cannot know every proper noun,
so this module lowercases a capitalised word only when it has evidence that the word is a common
one, and keeps everything else as the author wrote it:

* a word is lowercased when it is a function word of the title's language, or when the manuscript
  itself writes it in lower case far more often than capitalised after a lower-case word
  (``Vocabulary.common``);
* acronyms and words with inner capitals (``NATO``, ``TBMM``, ``COVID-19``, ``McDonald``), words
  with digits, Turkish and Azerbaijani proper nouns with an apostrophe before a suffix
  (``Azerbaycan'ın``, ``Akdeniz'e``) and words the manuscript capitalises in mid-sentence (names of
  countries, people, places) are kept;
* Turkish and Azerbaijani words are lowercased the Turkish way (``I`` → ``ı``, ``İ`` → ``i``).

A title that is not in title case to begin with (fewer than half of its content words
capitalised) is returned unchanged: it is already sentence case, or the author's choice. So is a
title with a capitalised word there is no evidence about: all or nothing, never half and half.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

__all__ = ["FUNCTION_WORDS", "Vocabulary", "is_title_case", "sentence_case"]

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "a an the and or but nor of in on at to for from by with without into onto over under "
        "about after before between through during against among as via per than vs versus"
    ),
    "tr": _words("ve ile ya da veya için gibi bir bu şu o de da ki mi ne hem ama fakat"),
    "az": _words("və ilə ya da yaxud üçün kimi bir bu o də da ki mi nə həm amma lakin"),
    "ru": _words("и в во на с со к ко по о об от до из за для при без над под у как"),
}

_WORD = re.compile(r"[^\W\d_][^\W_]*(?:[-'’][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?:]\s*$")


def _lower(word: str, language: str) -> str:
    if language in ("tr", "az"):
        from refcheck.normalise import tr_lower

        return tr_lower(word)
    return word.lower()


@dataclass
class Vocabulary:
    """What the manuscript says about its words: those it writes in lower case (common words)
    and those it capitalises in the middle of a sentence (names)."""

    lower: Counter[str] = field(default_factory=Counter)
    capitalised: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, text: str) -> Vocabulary:
        """Counts from ``text`` (the manuscript): a capital after a sentence end, a line start
        or a quotation mark says nothing and is not counted."""
        voc = cls()
        prev_end = -1
        prev_lower = False
        for m in _WORD.finditer(text):
            w = m.group(0)
            between = text[prev_end : m.start()] if prev_end >= 0 else "\n"
            after_lower = prev_lower and between.strip() == "" and "\n" not in between
            prev_end, prev_lower = m.end(), w[0].islower()
            if w[0].islower():
                voc.lower[w.casefold()] += 1
                if "ı" in w:  # Turkish dotless ı: looked up by its own spelling too
                    voc.lower[w] += 1
            elif after_lower and w[0].isupper() and not any(c.isupper() for c in w[1:]):
                # a capital right after a lower-case word, in running text: a name
                voc.capitalised[w.casefold()] += 1
        return voc

    def counts(self, word: str, language: str = "en") -> tuple[int, int]:
        """(times written in lower case, times capitalised after a lower-case word); a
        Turkish or Azerbaijani capital I is looked up as ı too."""
        keys = {word.casefold()}
        if language in ("tr", "az"):
            keys.add(_lower(word, language))
        return (sum(self.lower[k] for k in keys), sum(self.capitalised[k] for k in keys))

    def common(self, word: str, language: str = "en") -> bool:
        """Written in lower case in the manuscript, far more often than capitalised
        mid-sentence."""
        lower, capitalised = self.counts(word, language)
        return lower > 2 * capitalised


def is_title_case(title: str, language: str = "en") -> bool:
    """Whether most content words after the first are capitalised (the author used title case)."""
    words = [m.group(0) for m in _WORD.finditer(title)][1:]
    stop = FUNCTION_WORDS.get(language, FUNCTION_WORDS["en"])
    content = [w for w in words if w.casefold() not in stop]
    if len(content) < 2:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised * 2 > len(content)


def _decide(word: str, vocabulary: Vocabulary | None, language: str) -> bool | None:
    """True: keep the capital (a name, an acronym); False: lower it (a common word); None: no
    evidence either way."""
    if any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:]):
        return True  # NATO, COVID-19, McDonald, iPhone
    if language in ("tr", "az") and re.search(r"['’]", word):
        return True  # Turkish proper nouns take an apostrophe before a suffix: Azerbaycan'ın
    stop = FUNCTION_WORDS.get(language, frozenset()) | FUNCTION_WORDS["en"]
    if word.casefold() in stop:
        return False
    if vocabulary is None:
        return None
    lower, capitalised = vocabulary.counts(word, language)
    if lower > 2 * capitalised:
        return False
    if capitalised and not lower:
        return True
    return None


def sentence_case(title: str, language: str = "en", vocabulary: Vocabulary | None = None) -> str:
    """``title`` in sentence case where that is safe (see the module docstring): all or nothing,
    so that a title is never left half in one case and half in the other. A capitalised word
    with no evidence either way leaves the whole title as the author wrote it."""
    if not title or not is_title_case(title, language):
        return title
    out: list[str] = []
    pos = 0
    first = True
    for m in _WORD.finditer(title):
        out.append(title[pos : m.start()])
        word = m.group(0)
        between = title[pos : m.start()]
        starts = first or (bool(_SENTENCE_END.search(title[: m.start()])) and bool(between.strip()))
        if not starts and word[0].isupper():
            decision = _decide(word, vocabulary, language)
            if decision is None:
                return title
            if decision is False:
                word = _lower(word[0], language) + word[1:]
        out.append(word)
        pos = m.end()
        first = False
    out.append(title[pos:])
    return "".join(out)
