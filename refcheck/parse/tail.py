"""The machine-readable tail of an entry (DOI, URL, "Retrieved <date>, from", original year), read
first because it is unambiguous wherever it sits."""

from __future__ import annotations

import re

from refcheck.parse.dates import parse_date
from refcheck.parse.fields import _Fields
from refcheck.parse.identifiers import (
    _DOI,
    _ORIGINAL,
    _RETRIEVED,
    _URL,
    RETRIEVAL_STEMS,
    VISIT_DATE_RU,
    _strip_tail_punct,
)

_DOI_WORD_END = re.compile(r"[\s.,;]*\bdoi\s*:?$", re.IGNORECASE)
_ISBN = re.compile(r"\.?\s*\bISBN(?:-1[03])?:?\s*[\dXx][\dXx -]{8,20}[\dXx]\.?")


def _has_retrieval_word(s: str) -> bool:
    """Cheap gate for ``_RETRIEVED`` (an alternation tried at every position): one of its
    words must be present, compared case-free (Turkish dotted/dotless I folded as ``re.I``)."""
    low = s.lower().replace("\u0307", "").replace("ı", "i")
    return any(w in low for w in RETRIEVAL_STEMS)


_ACCESSED_AFTER_LINK = re.compile(
    rf"(?:{VISIT_DATE_RU}|Erişim tarihi|Ziyaret tarihi|Accessed|Retrieved|Müraciət tarixi)"
    r"\s*:?\s*([^()]{4,30}?\d{4})"
    # Turkish APA: "… adresinden 12.05.2020 tarihinde erişilmiştir" / "erişildi"
    r"|adresinden\s+([^()]{4,30}?\d{4})\s+tarihinde",
    re.IGNORECASE,
)

# Turkish APA 6's visit before the link: "25 Kasım 2023 tarihinde https://… adresinden alındı"
_DATE_TARIHINDE = re.compile(r"[.,]?\s*(\d{1,2}[./ ][^()\n]{1,12}?[./ ]\d{4})\s+tarihinde$")

# a word after a URL that goes on with it: a PDF copy broke the line inside the link
# ("http://www.ab.gov.tr/ files/2013/rapor.pdf", "…Kriterler. pdf", "https://moluch.ru /th/4/")
_URL_GOES_ON = re.compile(r" (?!\d{1,2}/\d{1,2}/\d{2,4}\b)([\w%~.-]*/[^\s<>\"]*)")  # no date
_FILE_END = re.compile(r" (pdf|html?|php|aspx?|docx?)\b")
# what the link ran into: a Markdown link's second half, an access note glued to it
_URL_GLUED = re.compile(r"\]\(|\((?=(?:accessed|retrieved|viewed|erişim|дата)\b)", re.IGNORECASE)


# a link written without its scheme (MLA 9 asks for none): a host whose last name is a common
# top-level domain, then a path; never inside a word, an e-mail or a DOI
_TLD = r"(?:com|org|net|edu|gov|int|info|io)(?:\.[a-z]{2})?"
_BARE_LINK_HINT = re.compile(r"\." + _TLD + "/", re.IGNORECASE)
_BARE_LINK = re.compile(
    r"(?<![\w@/.:-])(?:[a-z0-9-]+\.)+" + _TLD + r"/[^\s<>\"]+",
    re.IGNORECASE,
)


# the link prefix written again before a DOI's own: "https://doi.org/https://doi.org/10.…"
_DOI_HOST_BEFORE = re.compile(r"(?i)(?:https?://(?:dx\.)?doi\.org/)+$")


def _whole_url(s: str, um: re.Match[str]) -> str:
    """The link ``um`` found, with what a line break split off it joined back and what was glued
    to its end cut off."""
    url, end = um[0], um.end()
    for _ in range(3):
        if url.endswith((".", "/")):
            nxt = _URL_GOES_ON.match(s, end) or _FILE_END.match(s, end)
        else:
            nxt = _URL_GOES_ON.match(s, end) if s.startswith(" /", end) else None
        if nxt is None:
            break
        url, end = url + nxt[1], nxt.end()
    g = _URL_GLUED.search(url)
    if g and g.start() > 8:
        url = url[: g.start()]
    return _strip_tail_punct(url)


def _find_tail(text: str, f: _Fields) -> str:
    """Cut DOI, URL, retrieval phrase and "(Original work published …)" off; return the rest."""
    s = (_ISBN.sub("", text) if "ISBN" in text else text).rstrip()
    m = _ORIGINAL.search(s) if "(" in s else None
    if m:
        f.original_year = int(m[1])
        s = (s[: m.start()] + s[m.end() :]).rstrip()
    cut = len(s)
    dm = _DOI.search(s) if "10." in s else None  # the search is the costliest of the tail
    if dm:
        start = dm.start()
        twice = _DOI_HOST_BEFORE.search(s, 0, start) if s[start - 1 : start] == "/" else None
        if twice:  # "https://doi.org/https://doi.org/10.…": a reference manager's doubled link
            start = twice.start()
        raw = _strip_tail_punct(s[start : dm.end()])
        f.doi_raw = raw
        f.doi = _strip_tail_punct(dm[1])
        if "%" in f.doi:
            from urllib.parse import unquote

            f.doi = unquote(f.doi)  # "%3C…%3E" as copied from a link: the DOI itself has "<…>"
        cut = min(cut, start)
    links = _URL.finditer(s) if "://" in s or "www." in s.lower() else ()  # the search is slow
    for um in links:
        if dm and um.start() >= dm.start() - 30 and "doi" in um[0].lower():
            continue
        # a bare "www.site.com" in the middle is a site name, not the link (with a path after
        # it, "JSTOR, www.jstor.org/stable/24752995. Accessed …", it is the link: MLA 9)
        if (
            um[0].lower().startswith("www.")
            and "/" not in um[0].rstrip("/.,;")
            and s[um.end() :].strip(" .,;")
            and not f.url
            and not _has_retrieval_word(s[max(0, um.start() - 20) : um.start()])
        ):
            continue
        if not f.url:
            f.url = _whole_url(s, um)
        cut = min(cut, um.start())
        break
    if not f.url and "/" in s and _BARE_LINK_HINT.search(s):
        bm = _BARE_LINK.search(s)
        if bm is not None and (dm is None or bm.end() <= dm.start()):
            f.url = _whole_url(s, bm)  # "archive.org/details/…": MLA 9 drops the scheme
            cut = min(cut, bm.start())
    head = s[:cut].rstrip()
    if dm and head[-4:].lower() in ("doi:", " doi"):
        head = _DOI_WORD_END.sub("", head)  # "doi:https://doi.org/10…": the label stays behind
    rm = _RETRIEVED.search(head) if _has_retrieval_word(head) else None
    if rm is None and head.endswith("tarihinde"):
        rm = _DATE_TARIHINDE.search(head)  # "… 25 Kasım 2023 tarihinde https://… adresinden alındı"
    if rm:
        f.retrieved_phrase = True
        if rm[1]:
            f.accessed = parse_date(rm[1])
        head = head[: rm.start()].rstrip()
    if f.accessed is None:
        # "(Дата обращения: 20.07.2024)" written after the URL
        tail = s[cut:]
        am = _ACCESSED_AFTER_LINK.search(tail)
        if am:
            f.accessed = parse_date(am[1] or am[2])
            f.retrieved_phrase = True
    return head.strip()
