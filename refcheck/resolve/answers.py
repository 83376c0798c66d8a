"""Service answers are untrusted data: bounded JSON, and each answer checked against its shape.

Whatever Crossref, the handle API, DataCite, doi.org content negotiation or the Wayback API
send (or whatever a proxy, captive portal or hostile host answers in their place) is parsed
here, totally: an answer is either the shape the resolver expects, types included, or a
:class:`Malformed` error naming the first place it differs. Nothing is coerced (a title of ``5``
is not the title "5"), so a wrong answer can only become "could not verify" (R802), never a
finding about the manuscript, and never a cache entry (``HttpClient.fetch(check=...)``).

JSON is pre-scanned for nesting depth before ``json.loads`` (the C scanner recurses once per
level: 400 KB of ``[`` is a RecursionError), with a scanner that only visits brackets, quotes
and backslashes, so the check is linear and stops at the first level too deep.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from refcheck.resolve.doi import WorkMeta, parse_crossref, parse_datacite

if TYPE_CHECKING:
    from refcheck.resolve.http import FetchResult

MAX_DEPTH = 64  # Crossref works nest 5-6 levels; DataCite documents about 6
MAX_JSON_BYTES = 8 * 1024 * 1024
_SPECIAL = re.compile(rb'["\\\[\]{}]')


class Malformed(ValueError):
    """An answer that is not what the service documents (the message names where)."""


# ------------------------------------------------------------------------------- bounded JSON


def json_depth(body: bytes, limit: int = MAX_DEPTH) -> int:
    """Deepest bracket nesting outside strings, counted up to ``limit + 1`` (then it stops)."""
    depth = deepest = 0
    in_string = False
    skip = -1  # offset of a character escaped by a backslash
    for m in _SPECIAL.finditer(body):
        pos = m.start()
        if pos == skip:
            continue
        ch = body[pos]
        if in_string:
            if ch == 0x5C:  # backslash: the next byte is escaped, whatever it is
                skip = pos + 1
            elif ch == 0x22:
                in_string = False
            continue
        if ch == 0x22:
            in_string = True
        elif ch in (0x5B, 0x7B):
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    return deepest
        elif ch in (0x5D, 0x7D):
            depth -= 1
    return deepest


def load_json(body: bytes, max_depth: int = MAX_DEPTH, max_bytes: int = MAX_JSON_BYTES) -> Any:
    """``json.loads`` of an untrusted body: size and depth bounded, errors as :class:`Malformed`."""
    if len(body) > max_bytes:
        raise Malformed(f"JSON larger than {max_bytes} bytes")
    if json_depth(body, max_depth) > max_depth:
        raise Malformed(f"JSON nested deeper than {max_depth} levels")
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Malformed("body is not UTF-8") from None
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise Malformed(f"not JSON ({str(exc)[:80]})") from None


# ------------------------------------------------------------------------------- shapes


def _tname(value: object) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
            int: "a number", float: "a number", type(None): "null"}.get(type(value), "a value")


def _obj(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Malformed(f"{where}: expected an object, got {_tname(value)}")
    return value


def _list(value: object, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise Malformed(f"{where}: expected a list, got {_tname(value)}")
    return value


def _opt_str(d: dict[str, Any], key: str, where: str, numbers: bool = False) -> None:
    v = d.get(key)
    if v is None or isinstance(v, str):
        return
    if numbers and isinstance(v, int) and not isinstance(v, bool):
        return
    raise Malformed(f"{where}.{key}: expected a string, got {_tname(v)}")


def _texts(d: dict[str, Any], key: str, where: str, csl: bool) -> None:
    """Crossref: a list of strings; CSL-JSON: a string (a list is tolerated as Crossref's)."""
    v = d.get(key)
    if v is None or (csl and isinstance(v, str)):
        return
    for i, item in enumerate(_list(v, f"{where}.{key}")):
        if not isinstance(item, str):
            raise Malformed(f"{where}.{key}[{i}]: expected a string, got {_tname(item)}")


def _date(d: dict[str, Any], key: str, where: str) -> None:
    v = d.get(key)
    if v is None:
        return
    date = _obj(v, f"{where}.{key}")
    parts = date.get("date-parts")
    if parts is None:
        return
    for i, row in enumerate(_list(parts, f"{where}.{key}.date-parts")):
        for j, part in enumerate(_list(row, f"{where}.{key}.date-parts[{i}]")):
            if (part is not None and not isinstance(part, (int, str))) or isinstance(part, bool):
                raise Malformed(f"{where}.{key}.date-parts[{i}][{j}]: expected a number, "
                                f"got {_tname(part)}")


def work(msg: object, where: str = "message", csl: bool = False) -> dict[str, Any]:
    """A Crossref ``work`` (or CSL-JSON item): every field refcheck reads has its type."""
    m = _obj(msg, where)
    if not csl and not isinstance(m.get("DOI"), str):
        raise Malformed(f"{where}.DOI: expected a string, got {_tname(m.get('DOI'))}")
    _opt_str(m, "DOI", where)
    for key in ("title", "subtitle", "container-title", "short-container-title",
                "container-title-short"):
        _texts(m, key, where, csl)
    for key in ("volume", "issue", "page", "article-number"):
        _opt_str(m, key, where, numbers=csl)
    _opt_str(m, "type", where)
    for role in ("author", "editor"):
        people = m.get(role)
        if people is None:
            continue
        for i, p in enumerate(_list(people, f"{where}.{role}")):
            person = _obj(p, f"{where}.{role}[{i}]")
            for key in ("family", "given", "name", "literal", "sequence"):
                _opt_str(person, key, f"{where}.{role}[{i}]")
    for key in ("published-print", "issued", "published-online", "published"):
        _date(m, key, where)
    updates = m.get("updated-by")
    if updates is not None:
        for i, u in enumerate(_list(updates, f"{where}.updated-by")):
            upd = _obj(u, f"{where}.updated-by[{i}]")
            _opt_str(upd, "type", f"{where}.updated-by[{i}]")
            _opt_str(upd, "DOI", f"{where}.updated-by[{i}]")
    resource = m.get("resource")
    if resource is not None:
        primary = _obj(resource, f"{where}.resource").get("primary")
        if primary is not None:
            _opt_str(_obj(primary, f"{where}.resource.primary"), "URL",
                     f"{where}.resource.primary")
    return m


def _json(res: FetchResult) -> Any:
    if res.truncated:
        raise Malformed("answer larger than the size cap")
    return load_json(res.body)


# ------------------------------------------------------------------------------- per endpoint
# Each takes the FetchResult of one exchange and returns what the resolver uses of it, or raises
# Malformed. Statuses whose body the resolver does not read are passed through as None.


def crossref_work(res: FetchResult) -> WorkMeta | None:
    """``GET /works/{doi}``: 200 carries ``{"message": work}``."""
    if res.status != 200:
        return None
    msg = work(_obj(_json(res), "answer").get("message"))
    return parse_crossref(msg)


def _items(res: FetchResult) -> list[dict[str, Any]]:
    root = _obj(_json(res), "answer")
    message = _obj(root.get("message"), "message")
    items = _list(message.get("items"), "message.items")
    return [work(item, f"message.items[{i}]") for i, item in enumerate(items)]


def crossref_list(res: FetchResult) -> tuple[WorkMeta, ...] | None:
    """``GET /works?filter=doi:…``: 200 carries ``{"message": {"items": [work, …]}}``."""
    if res.status != 200:
        return None
    return tuple(parse_crossref(item) for item in _items(res))


def crossref_search(res: FetchResult) -> list[dict[str, Any]] | None:
    """``GET /works?query.bibliographic=…``: the candidate works, shapes checked."""
    if res.status != 200:
        return None
    return _items(res)


def handle(res: FetchResult) -> tuple[int, str] | None:
    """``GET /api/handles/{doi}``: 200 and 404 both carry ``{"responseCode": n, "handle": …}``.

    The handle API is the only evidence that a DOI does not exist, so a 404 without its JSON
    (a proxy's or captive portal's page) is malformed, not "not registered".
    """
    if res.status not in (200, 404):
        return None
    root = _obj(_json(res), "answer")
    code = root.get("responseCode")
    if not isinstance(code, int) or isinstance(code, bool):
        raise Malformed(f"answer.responseCode: expected a number, got {_tname(code)}")
    _opt_str(root, "handle", "answer")
    values = root.get("values")
    if values is not None:
        for i, v in enumerate(_list(values, "answer.values")):
            _obj(v, f"answer.values[{i}]")
    return code, str(root.get("handle") or "")


def doi_agency(res: FetchResult) -> str | None:
    """``GET /doiRA/{doi}``: ``[{"DOI": …, "RA": "Crossref"}]`` (no RA: does not exist)."""
    if res.status != 200:
        return None
    rows = _list(_json(res), "answer")
    if not rows:
        return ""
    first = _obj(rows[0], "answer[0]")
    _opt_str(first, "RA", "answer[0]")
    _opt_str(first, "DOI", "answer[0]")
    return str(first.get("RA") or "")


def datacite(res: FetchResult) -> WorkMeta | None:
    """``GET /dois/{doi}`` (JSON:API): ``{"data": {"attributes": {…}}}``."""
    if res.status != 200:
        return None
    root = _obj(_json(res), "answer")
    attrs = _obj(_obj(root.get("data"), "data").get("attributes"), "data.attributes")
    where = "data.attributes"
    _opt_str(attrs, "doi", where)
    _opt_str(attrs, "url", where)
    _opt_str(attrs, "publicationYear", where, numbers=True)
    groups: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("creators", ("name", "familyName", "givenName")),
        ("titles", ("title", "titleType", "lang")))
    for key, fields in groups:
        items = attrs.get(key)
        if items is None:
            continue
        for i, c in enumerate(_list(items, f"{where}.{key}")):
            item = _obj(c, f"{where}.{key}[{i}]")
            for f in fields:
                _opt_str(item, f, f"{where}.{key}[{i}]")
    parts: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("container", ("title", "volume", "issue", "firstPage", "lastPage")),
        ("types", ("resourceTypeGeneral",)))
    for key, fields in parts:
        v = attrs.get(key)
        if v is None:
            continue
        obj = _obj(v, f"{where}.{key}")
        for f in fields:
            _opt_str(obj, f, f"{where}.{key}", numbers=True)
    return parse_datacite(root)


def csl_item(res: FetchResult) -> WorkMeta | None:
    """doi.org content negotiation: one CSL-JSON item."""
    if res.status != 200:
        return None
    return parse_crossref(work(_json(res), "answer", csl=True))


def wayback(res: FetchResult) -> str | None:
    """Wayback availability: ``archived_snapshots.closest.url`` when available, else ""."""
    if res.status != 200:
        return None
    root = _obj(_json(res), "answer")
    snaps = _obj(root.get("archived_snapshots", {}), "answer.archived_snapshots")
    if "closest" not in snaps:
        return ""
    closest = _obj(snaps["closest"], "answer.archived_snapshots.closest")
    _opt_str(closest, "url", "answer.archived_snapshots.closest")
    available = closest.get("available")
    if available is not None and not isinstance(available, bool):
        raise Malformed("answer.archived_snapshots.closest.available: expected a boolean, "
                        f"got {_tname(available)}")
    url = str(closest.get("url") or "")
    return url if available and url.startswith(("http://", "https://")) else ""
