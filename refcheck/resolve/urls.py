"""Web pages: bounded HTML metadata extraction, soft-404s, and page/entry comparison.

Pure functions; the fetching (redirect by redirect, SSRF-vetted) is in ``refcheck.resolve.http``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from refcheck.model import PartialDate
from refcheck.resolve.doi import fold, similarity

MAX_HTML_CHARS = 400_000  # <head> metadata lives at the top; the rest is not parsed
_META_KEYS = frozenset({"og:title", "citation_title", "dc.title", "citation_date",
                        "citation_publication_date", "citation_online_date", "citation_author",
                        "article:published_time", "og:site_name"})
SOFT_404_RE = re.compile(
    r"\b(?:404|page not found|not found|sayfa bulunamad[ıi]|sayfa mevcut de[ğg]il|"
    r"s[əe]hif[əe] tap[ıi]lmad[ıi]|страница не найдена|ошибка 404|error 404)\b",
    re.IGNORECASE)
_DATE_PATH_RE = re.compile(
    r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?=[/_.-]|$)")
_SEPARATORS_RE = re.compile(r"\s+[|\-–—:·»]\s+")


@dataclass(frozen=True)
class PageMeta:
    """What a landing page says about itself."""

    title: str = ""
    meta: tuple[tuple[str, str], ...] = field(default=())

    def get(self, key: str) -> str:
        return next((v for k, v in self.meta if k == key), "")

    @property
    def best_title(self) -> str:
        return self.get("citation_title") or self.get("og:title") or self.get("dc.title") \
            or self.title


_TITLE_OPEN_RE = re.compile(r"<title\b[^<>]{0,500}>", re.IGNORECASE)
_META_RE = re.compile(r"<meta\b([^<>]{0,3000})>", re.IGNORECASE)
_ATTR_RE = re.compile(
    r"""([a-zA-Z_:][\w:.-]{0,40})\s*=\s*("[^"]{0,2000}"|'[^']{0,2000}'|[^\s"'<>=`]{1,2000})""")
_TITLE_CLOSE_RE = re.compile(r"</title", re.IGNORECASE)
_HEAD_END_RE = re.compile(r"</head\s*>|<body\b", re.IGNORECASE)


def _extract_head(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Title and wanted meta tags, with bounded patterns only.

    Not ``html.parser``: CPython's parser is quadratic on inputs such as ``"<a " * 40000``, and
    a hostile page must not stall the run. Every quantifier here is bounded, so the work is
    linear in the (already capped) text.
    """
    end = _HEAD_END_RE.search(text)
    head = text[: end.start()] if end else text
    title = ""
    m = _TITLE_OPEN_RE.search(head)
    if m:
        close = _TITLE_CLOSE_RE.search(text, m.end(), m.end() + 5000)
        raw = text[m.end(): close.start() if close else m.end() + 1000]
        title = html.unescape(re.sub(r"<[^<>]{0,200}>", " ", raw))
    meta: list[tuple[str, str]] = []
    for tag in _META_RE.finditer(head):
        attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR_RE.findall(tag.group(1))}
        key = (attrs.get("name") or attrs.get("property") or "").strip().lower()
        content = attrs.get("content", "")
        if key in _META_KEYS and content:
            meta.append((key, " ".join(html.unescape(content).split())[:500]))
            if len(meta) >= 200:
                break
    return title, meta


def decode_html(body: bytes, content_type: str) -> str:
    m = re.search(r"charset=([\w-]{1,40})", content_type or "", re.IGNORECASE)
    head = body[:2048].decode("ascii", "replace")
    m2 = re.search(r"<meta[^>]{0,200}charset=[\"']?([\w-]{1,40})", head, re.IGNORECASE)
    for enc in (m.group(1) if m else "", m2.group(1) if m2 else "", "utf-8"):
        if not enc:
            continue
        try:
            return body.decode(enc, "replace")
        except LookupError:
            continue
    return body.decode("utf-8", "replace")


def parse_page(body: bytes, content_type: str = "") -> PageMeta:
    """``<title>`` and the citation/OpenGraph meta tags of an HTML page (bounded work)."""
    text = decode_html(body, content_type)[:MAX_HTML_CHARS]
    title, meta = _extract_head(text)
    return PageMeta(title=" ".join(title.split())[:500], meta=tuple(meta))


def is_soft_404(page: PageMeta) -> bool:
    """A 200 page whose title says "not found"."""
    t = page.title or page.get("og:title")
    return bool(t) and bool(SOFT_404_RE.search(t)) and len(t) < 120


def page_title_score(entry_title: str, page: PageMeta) -> float:
    """Best similarity of the entry title to the page title or one of its " | "-separated parts."""
    e = fold(entry_title)
    best = 0.0
    for cand in {page.best_title, page.title, page.get("og:title")}:
        if not cand:
            continue
        pieces = [cand, *_SEPARATORS_RE.split(cand)]
        for p in pieces:
            f = fold(p)
            if not f:
                continue
            if len(f) >= 20 and len(e) >= 20 and (f in e or e in f):
                return 1.0
            best = max(best, similarity(e, f))
    return best


def url_path_date(url: str) -> PartialDate | None:
    """The date written in a URL path (``/2023/01/09/``, ``/2020-10-22/``), if any."""
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return None
    m = _DATE_PATH_RE.search(path[:2000])
    if not m:
        return None
    return PartialDate(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)


def date_conflict(url: str, entry: PartialDate | None) -> tuple[str, str] | None:
    """(entry date, URL date) when the URL path date contradicts the entry's date."""
    if entry is None or entry.year is None:
        return None
    u = url_path_date(url)
    if u is None or u.year is None:
        return None
    pairs = [(entry.year, u.year), (entry.month, u.month), (entry.day, u.day)]
    for a, b in pairs:
        if a is None or b is None:
            break
        if a != b:
            return entry.iso(), u.iso()
    return None


def moved_elsewhere(start: str, final: str) -> bool:
    """A redirect that changes more than scheme, ``www.``, or a trailing slash."""
    def key(u: str) -> tuple[str, str, str]:
        p = urlsplit(u)
        host = (p.hostname or "").lower().removeprefix("www.")
        return host, p.path.rstrip("/") or "/", p.query
    return key(start) != key(final)
