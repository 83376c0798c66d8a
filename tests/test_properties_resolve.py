"""Properties of the service-answer parsers: total on any input (docs/robustness.md).

Whatever a service (or something in its place) answers, each parser in
``refcheck.resolve.answers`` returns its value or raises ``Malformed``; nothing else escapes, no
wrongly typed value is coerced into a record, and the JSON depth scanner agrees with the real
depth. Runs with the ``ci`` profile by default and the ``long`` one for fuzzing campaigns:
``HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties_resolve.py -o timeout=0``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from servers import recorded_work, ref

from refcheck.resolve import answers
from refcheck.resolve.answers import Malformed, json_depth, load_json
from refcheck.resolve.cache import _row_entry
from refcheck.resolve.doi import WorkMeta, compare
from refcheck.resolve.http import FetchResult
from refcheck.resolve.urls import parse_page

KEYS = ["message", "items", "DOI", "title", "subtitle", "author", "editor", "family", "given",
        "name", "sequence", "issued", "published-print", "date-parts", "container-title",
        "volume", "issue", "page", "type", "updated-by", "resource", "primary", "URL",
        "responseCode", "handle", "values", "RA", "data", "attributes", "creators", "titles",
        "titleType", "publicationYear", "container", "types", "resourceTypeGeneral", "url",
        "doi", "archived_snapshots", "closest", "available", "firstPage", "lastPage"]

scalars = (st.none() | st.booleans() | st.integers(-10**6, 10**6)
           | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20))
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), inner, max_size=6),
    max_leaves=40,
)

PARSERS: list[Callable[[FetchResult], Any]] = [
    answers.crossref_work, answers.crossref_list, answers.crossref_search, answers.handle,
    answers.doi_agency, answers.datacite, answers.csl_item, answers.wayback,
]
WORK = recorded_work()


def _res(body: bytes, status: int = 200) -> FetchResult:
    return FetchResult(url="http://service.test/x", status=status, body=body)


def _depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


def _total(parser: Callable[[FetchResult], Any], res: FetchResult) -> Any:
    try:
        return parser(res)
    except Malformed:
        return None


def _typed(meta: WorkMeta) -> None:
    """A record that passed validation has only strings and ints where the code reads them."""
    for name in ("doi", "title", "subtitle", "first_family", "volume", "issue", "pages", "type",
                 "landing_url"):
        assert isinstance(getattr(meta, name), str), name
    assert all(isinstance(a, str) for a in meta.authors)
    assert all(isinstance(y, int) for y in meta.years)
    assert all(isinstance(c, str) for c in meta.container)


@given(st.binary(max_size=400) | st.text(alphabet='[]{}"\\,:0a tn', max_size=400).map(str.encode))
def test_load_json_is_total_on_any_bytes(body: bytes) -> None:
    try:
        value = load_json(body)
    except Malformed:
        return
    assert _depth(value) <= answers.MAX_DEPTH


@given(json_values)
def test_json_depth_scanner_agrees_with_the_parsed_depth(value: Any) -> None:
    body = json.dumps(value).encode()
    assert json_depth(body, 10_000) == _depth(value)


@given(json_values, st.sampled_from([200, 404, 500]), st.sampled_from(range(len(PARSERS))))
def test_every_service_parser_is_total_on_any_json(value: Any, status: int, which: int) -> None:
    out = _total(PARSERS[which], _res(json.dumps(value).encode(), status))
    for meta in (out if isinstance(out, tuple) else (out,)):
        if isinstance(meta, WorkMeta):
            _typed(meta)


@given(st.sampled_from(sorted(WORK)) | st.sampled_from(KEYS), json_values,
       st.sampled_from(["work", "list", "csl"]))
def test_recorded_crossref_work_with_any_field_replaced(key: str, value: Any, form: str) -> None:
    """The real answer with one field swapped: parsed and typed, or malformed; never a crash."""
    work = {**WORK, key: value}
    if form == "work":
        body, parser = {"status": "ok", "message": work}, answers.crossref_work
    elif form == "list":
        body, parser = {"message": {"items": [WORK, work]}}, answers.crossref_list
    else:
        body, parser = work, answers.csl_item
    out = _total(parser, _res(json.dumps(body).encode()))
    for meta in (out if isinstance(out, tuple) else (out,)):
        if isinstance(meta, WorkMeta):
            _typed(meta)
            compare(ref(1, title="A title", year=2012, volume="7", pages="1-2"), meta)


@given(st.tuples(json_values, json_values, json_values, st.binary(max_size=20) | json_values,
                 json_values, json_values))
def test_cache_row_validation_is_total(row: tuple[Any, ...]) -> None:
    entry = _row_entry(row)
    if entry is not None:
        assert isinstance(entry.status, int) and isinstance(entry.body, bytes)
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in entry.headers)


@given(st.binary(max_size=600) | st.text(max_size=600).map(lambda t: t.encode("utf-8")),
       st.sampled_from(["", "text/html", "text/html; charset=windows-1251",
                        "text/html; charset=nonsense"]))
def test_page_parser_is_total(body: bytes, ctype: str) -> None:
    page = parse_page(body, ctype)
    assert isinstance(page.title, str) and len(page.title) <= 500
