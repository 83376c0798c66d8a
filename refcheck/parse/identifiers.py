"""The unambiguous parts of an entry: DOI, URL, retrieval statement, original year."""

from __future__ import annotations

import re

# --------------------------------------------------------------------------- DOI, URL, retrieval

_DOI = re.compile(
    r"(?:https?://(?:dx\.|www\.)?doi\.org/|\bdoi:\s*|\bDOI:?\s*|\bdoi\s+)?"
    # the DOI; its slash URL-encoded as a link copies it ("10.4324%2F978…")
    r"(10\.\d{4,9}(?:/|%2[Ff])[^\s\"<>]+)",
    re.IGNORECASE,
)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
# Russian and Ukrainian "date of visit" (обращения, посещения; звернення): one phrase for every
# pattern that reads an access statement (all compiled case-free)
VISIT_DATE_RU = r"дата\s+(?:обращения|посещения|звернення)"
# The words that open an access or retrieval statement, in the languages lists are written in
# (one table: the tail's pattern and its cheap word gate read it)
RETRIEVAL_OPENERS = (
    r"Retrieved(?:\s+on)?", r"Accessed(?:\s+on)?", r"Erişim(?:\s+[Tt]arihi)?", r"Erişildi",
    r"Ziyaret\s+[Tt]arihi", r"Müraciət\s+tarixi", VISIT_DATE_RU, r"Дата\s+доступа",
    r"Режим\s+доступа", r"Режим\s+доступу", r"URL",
    r"Available", r"Retirado", r"Recuperado", r"Consultado",
    r"Disponível\s+em", r"Disponible\s+en", r"Acesso\s+em",
)  # fmt: skip
# the first word of each opener, lower-case: present in any text the pattern can match
RETRIEVAL_STEMS = tuple(dict.fromkeys(re.sub(r"\W.*", "", o).lower() for o in RETRIEVAL_OPENERS))
_RETRIEVED = re.compile(
    rf"(?:{'|'.join(RETRIEVAL_OPENERS)})\s*:?\s*"
    r"([^()\n]{0,40}?\d{4})?\s*[,.;]?\s*"
    r"(?:(?:from|via|at|adresinden|adresi|URL|режим доступа|de|en)\s*:?\s*"
    r"(?:[^:\n]{1,80}?\s(?:website|web site|site)\s*:?\s*)?)?$",
    re.IGNORECASE,
)
_ORIGINAL = re.compile(
    r"\(\s*(?:Original work published|Orijinal eser|Оригинал)[^()\d]*(\d{4})[^()]*\)\.?"
)


def _strip_tail_punct(s: str) -> str:
    """Trailing sentence punctuation is not part of a DOI or URL; a ')' is, when balanced."""
    while s and s[-1] in ".,;:)]'\"»”":
        if s[-1] == ")" and s.count("(") >= s.count(")"):
            break
        s = s[:-1]
    return s
