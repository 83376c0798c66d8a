"""DOIs: normalisation, the services' metadata as one record, and entry-vs-service comparison.

Pure functions (no I/O) so that the comparison logic is tested without servers.
"""

from __future__ import annotations

import html
import importlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import unquote

from rapidfuzz import fuzz

from refcheck.model import FieldDiff, Organization, Person, Reference

DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
_PREFIX_RE = re.compile(
    r"^(?:(?:https?://)?(?:dx\.|www\.)?doi\.org/|doi\s*:\s*|doi\s+|urn:doi:)", re.IGNORECASE)
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TAG_RE = re.compile(r"<[^<>]{0,200}>")
_TRAILING = ".,;:'\"]>}»”’"


def normalise_doi(text: str) -> str | None:
    """The bare, lowercased DOI in ``text`` ("https://doi.org/10.1/X." → "10.1/x"), or None.

    Accepts the forms manuscripts use: ``doi:``, ``https://dx.doi.org/``, ``%2F``, en dashes,
    zero-width characters, trailing punctuation, ``\\_`` escapes from LaTeX/Markdown.
    """
    if not text:
        return None
    s = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_DASHES).strip()
    s = s.strip("<>").strip().lstrip("([{\"'“‘«").strip()
    for _ in range(2):
        s = _PREFIX_RE.sub("", s).strip()
    if "%" in s:
        s = unquote(s)
    s = s.replace("\\_", "_").replace(" ", "")
    s = s.rstrip(_TRAILING)  # one pass: slicing a character at a time was quadratic
    extra = s.count(")") - s.count("(")
    if extra > 0:  # unbalanced closing parentheses at the end belong to the sentence
        run = len(s) - len(s.rstrip(")"))
        s = s[: len(s) - min(run, extra)]
    if not DOI_RE.match(s):
        return None
    return s.lower()


# --------------------------------------------------------------------------- folding


def _external_fold() -> Callable[[str], str] | None:
    try:
        mod = importlib.import_module("refcheck.normalise")
    except ImportError:
        return None
    fn = getattr(mod, "fold_key", None)
    return cast(Callable[[str], str], fn) if callable(fn) else None


_FOLD = _external_fold()


def strip_tags(text: str) -> str:
    """Remove JATS/HTML/MathML tags and entities that Crossref titles carry."""
    return html.unescape(_TAG_RE.sub(" ", text))


def fold(text: str) -> str:
    """Comparison key: tags stripped, Turkish-aware casefold (I/İ/ı/i all → i), no diacritics."""
    s = strip_tags(text)
    if _FOLD is not None:
        try:
            s = _FOLD(s) or s
        except Exception:  # another stage's helper must not break resolution
            s = strip_tags(text)
    s = s.replace("İ", "i").replace("I", "i").replace("ı", "i").casefold()
    s = s.replace("ə", "e").replace("ß", "ss")
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())


def similarity(a: str, b: str) -> float:
    """0..1 similarity of two folded strings (order-sensitive, so unrelated titles score low)."""
    if not a or not b:
        return 0.0
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b)) / 100.0


# --------------------------------------------------------------------------- service records


@dataclass(frozen=True)
class WorkMeta:
    """What Crossref or DataCite says about a DOI, reduced to the fields refcheck compares."""

    doi: str
    service: str  # crossref, datacite
    title: str = ""
    subtitle: str = ""
    first_family: str = ""
    authors: tuple[str, ...] = ()
    years: tuple[int, ...] = ()  # print, issued, online, published: most relevant first
    container: tuple[str, ...] = ()  # full and short titles
    volume: str = ""
    issue: str = ""
    pages: str = ""
    type: str = ""
    landing_url: str = ""
    updates: tuple[tuple[str, str], ...] = ()  # (retraction/correction/..., DOI of the notice)

    @property
    def full_title(self) -> str:
        return f"{self.title}: {self.subtitle}" if self.subtitle else self.title

    def metadata(self) -> tuple[tuple[str, str], ...]:
        out = [("doi", self.doi), ("title", strip_tags(self.full_title).strip()),
               ("author", self.first_family),
               ("year", str(self.years[0]) if self.years else ""),
               ("container", self.container[0] if self.container else ""),
               ("volume", self.volume), ("issue", self.issue), ("pages", self.pages),
               ("type", self.type), ("landing_url", self.landing_url)]
        out += [("update", f"{kind} {doi}") for kind, doi in self.updates]
        return tuple((k, " ".join(v.split())) for k, v in out if v)


def _first(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value) if isinstance(value, (str, int, float)) else ""


def _as_list(value: Any) -> list[Any]:
    """Lists stay lists, a lone string becomes one item, anything else nothing."""
    if isinstance(value, list):
        return value
    return [value] if isinstance(value, str) else []


def _year(value: Any) -> int | None:
    try:
        y = value["date-parts"][0][0]
    except (KeyError, IndexError, TypeError):
        return None
    return int(y) if isinstance(y, int) or (isinstance(y, str) and y.isdigit()) else None


def parse_crossref(msg: dict[str, Any]) -> WorkMeta:
    """A Crossref ``work`` message (``/works/{doi}``, one ``items[]`` entry) or CSL-JSON.

    CSL-JSON from doi.org content negotiation has the same keys with plain strings where
    Crossref has arrays, so one reader serves both.
    """
    people = _as_list(msg.get("author")) or _as_list(msg.get("editor"))
    names: list[str] = []
    for p in people:
        if isinstance(p, dict):
            names.append(str(p.get("family") or p.get("name") or ""))
    first = names[0] if names else ""
    for p in people:
        if isinstance(p, dict) and p.get("sequence") == "first":
            first = str(p.get("family") or p.get("name") or first)
            break
    years: list[int] = []
    for key in ("published-print", "issued", "published-online", "published"):
        y = _year(msg.get(key))
        if y is not None and y not in years:
            years.append(y)
    containers: list[str] = []
    for key in ("container-title", "short-container-title", "container-title-short"):
        for c in _as_list(msg.get(key)):  # CSL-JSON uses plain strings
            if isinstance(c, str) and c and c not in containers:
                containers.append(c)
    updates = tuple((str(u.get("type", "update")), str(u.get("DOI", "")))
                    for u in _as_list(msg.get("updated-by")) if isinstance(u, dict))
    resource = msg.get("resource") or {}
    landing = ""
    if isinstance(resource, dict) and isinstance(resource.get("primary"), dict):
        landing = str(resource["primary"].get("URL", ""))
    return WorkMeta(
        doi=str(msg.get("DOI", "")).lower(), service="crossref",
        title=_first(msg.get("title")), subtitle=_first(msg.get("subtitle")),
        first_family=first, authors=tuple(names), years=tuple(years),
        container=tuple(containers), volume=_first(msg.get("volume")),
        issue=_first(msg.get("issue")),
        pages=_first(msg.get("page")) or _first(msg.get("article-number")),
        type=_first(msg.get("type")), landing_url=landing, updates=updates)


def parse_datacite(doc: dict[str, Any]) -> WorkMeta:
    """A DataCite JSON:API ``/dois/{doi}`` document."""
    data = doc.get("data")
    attrs = data.get("attributes") if isinstance(data, dict) else None
    if not isinstance(attrs, dict):
        raise ValueError("DataCite response without data.attributes")
    names: list[str] = []
    for c in attrs.get("creators") or []:
        if isinstance(c, dict):
            fam = c.get("familyName") or str(c.get("name", "")).split(",")[0]
            names.append(str(fam))
    titles = [t for t in attrs.get("titles") or [] if isinstance(t, dict)]
    main = next((str(t.get("title", "")) for t in titles if not t.get("titleType")),
                str(titles[0].get("title", "")) if titles else "")
    sub = next((str(t.get("title", "")) for t in titles if t.get("titleType") == "Subtitle"), "")
    years: list[int] = []
    py = attrs.get("publicationYear")
    if isinstance(py, int) or (isinstance(py, str) and py.isdigit()):
        years.append(int(py))
    cont = attrs.get("container") if isinstance(attrs.get("container"), dict) else {}
    assert isinstance(cont, dict)
    first_page, last_page = str(cont.get("firstPage") or ""), str(cont.get("lastPage") or "")
    pages = f"{first_page}-{last_page}" if first_page and last_page else first_page
    types = attrs.get("types") if isinstance(attrs.get("types"), dict) else {}
    assert isinstance(types, dict)
    return WorkMeta(
        doi=str(attrs.get("doi", "")).lower(), service="datacite", title=main, subtitle=sub,
        first_family=names[0] if names else "", authors=tuple(names), years=tuple(years),
        container=tuple(str(cont["title"]) for _ in [0] if cont.get("title")),
        volume=str(cont.get("volume") or ""), issue=str(cont.get("issue") or ""), pages=pages,
        type=str(types.get("resourceTypeGeneral") or ""), landing_url=str(attrs.get("url") or ""))


# --------------------------------------------------------------------------- comparison

TITLE_THRESHOLD = 0.85
NAME_THRESHOLD = 0.85


def page_range(text: str) -> tuple[str, str]:
    """(first, last) page; ``1425-37`` expands to (1425, 1437); ``e33693`` stays as is."""
    s = (text or "").translate(_DASHES)
    s = re.sub(r"^\s*(?:pp?\.|s\.|с\.)\s*", "", s, flags=re.IGNORECASE).strip()
    parts = [p.strip() for p in s.split("-", 1)]
    first = parts[0]
    last = parts[1] if len(parts) > 1 else ""
    if first.isdigit() and last.isdigit() and len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    return first.lower(), last.lower()


def entry_first_family(ref: Reference) -> str:
    agents = ref.lead_agents
    if not agents:
        return ""
    a = agents[0]
    if isinstance(a, Person):
        return f"{a.particle} {a.family}".strip()
    if isinstance(a, Organization):
        return a.name
    return ""


def names_agree(entry: str, service: str) -> bool:
    a, b = fold(entry), fold(service)
    if not a or not b:
        return True
    if a == b or a.startswith(b) or b.startswith(a):
        return True
    # compound family names: "Yüzbaşıoğlu Çam" vs "Çam"
    if set(a.split()) & set(b.split()):
        return True
    return similarity(a, b) >= NAME_THRESHOLD


def title_similarity(entry_title: str, meta: WorkMeta) -> float:
    e = fold(entry_title)
    options = [fold(meta.full_title), fold(meta.title)]
    return max((similarity(e, o) for o in options if o), default=0.0)


def _norm_number(s: str) -> str:
    return re.sub(r"\s+", "", s.translate(_DASHES)).lower().lstrip("0") or "0"


def compare(ref: Reference, meta: WorkMeta) -> tuple[FieldDiff, ...]:
    """Each field where the entry and the service disagree (fields the entry lacks are skipped)."""
    diffs: list[FieldDiff] = []
    if (ref.title and (meta.title or meta.subtitle)
            and title_similarity(ref.title, meta) < TITLE_THRESHOLD):
        diffs.append(FieldDiff("title", ref.title, strip_tags(meta.full_title).strip()))
    fam = entry_first_family(ref)
    if fam and meta.first_family and not names_agree(fam, meta.first_family):
        diffs.append(FieldDiff("author", fam, meta.first_family))
    if ref.year is not None and meta.years and all(abs(ref.year - y) > 1 for y in meta.years):
        diffs.append(FieldDiff("year", str(ref.year), str(meta.years[0])))
    if ref.container_title and meta.container:
        c = fold(ref.container_title)
        compact = c.replace(" ", "")
        ok = any(similarity(c, fold(x)) >= TITLE_THRESHOLD or compact == fold(x).replace(" ", "")
                 for x in meta.container)
        if not ok:
            diffs.append(FieldDiff("container", ref.container_title, meta.container[0]))
    if ref.volume and meta.volume and _norm_number(ref.volume) != _norm_number(meta.volume):
        diffs.append(FieldDiff("volume", ref.volume, meta.volume))
    if ref.issue and meta.issue and _norm_number(ref.issue) != _norm_number(meta.issue):
        diffs.append(FieldDiff("issue", ref.issue, meta.issue))
    if ref.pages and meta.pages:
        ef, el = page_range(ref.pages)
        sf, sl = page_range(meta.pages)
        if ef != sf or (el and sl and el != sl):
            diffs.append(FieldDiff("pages", ref.pages, meta.pages))
    return tuple(diffs)
