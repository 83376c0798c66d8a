"""The resolver against local stand-ins of Crossref, doi.org, DataCite and the Wayback API.

Each service speaks its real format (recorded Crossref bodies and headers; handle/doiRA/DataCite
bodies per their documentation). No test touches the internet.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from servers import (
    FakeServices,
    attach,
    new_server,
    recorded,
    recorded_headers,
    recorded_work,
    ref,
    search_response,
)
from werkzeug import Request, Response

from refcheck.model import Person, Reference
from refcheck.resolve import Resolver

PLOS = recorded_work()
PLOS_DOI = "10.1371/journal.pone.0033693"
PLOS_TITLE = (
    "Methylphenidate exposure induces dopamine neuron loss and activation of microglia "
    "in the basal ganglia of mice"
)


@pytest.fixture(scope="module")
def server() -> Iterator[HTTPServer]:
    srv = new_server()
    yield srv
    srv.clear()
    srv.stop()


@pytest.fixture
def fake(server: HTTPServer) -> Iterator[FakeServices]:
    f = attach(server)
    f.works[PLOS_DOI] = PLOS
    for i in range(len(recorded("test_works_with_many_ids.json"))):
        w = recorded_work("test_works_with_many_ids.json", i)
        f.works[w["DOI"].lower()] = w
    yield f
    server.clear()


@pytest.fixture
def cache_dir(tmp_path: Path) -> str:
    return str(tmp_path / "cache")


def plos(index: int = 1, **kw: object) -> Reference:
    base: dict[str, object] = {
        "title": PLOS_TITLE,
        "authors": (Person("Sadasivan", "S."),),
        "year": 2012,
        "container_title": "PLoS ONE",
        "volume": "7",
        "issue": "3",
        "pages": "e33693",
        "doi": PLOS_DOI,
        "type": "article-journal",
    }
    base.update(kw)
    return ref(index, **base)


def test_registered_and_matching_single_doi(fake: FakeServices, cache_dir: str) -> None:
    fake.crossref_headers = recorded_headers()  # the recording's own headers (public pool)
    (res,) = Resolver(fake.settings(cache_dir)).resolve([plos()])
    assert (res.kind, res.status, res.service, res.http_status) == ("doi", "ok", "crossref", 200)
    assert res.diffs == ()
    assert (
        "update",
        "correction 10.1371/annotation/c76da2c1-ccb8-4797-94c1-359d3ceceeda",
    ) in res.metadata
    assert fake.log == [f"/crossref/works/{PLOS_DOI}?mailto=test%40example.org"]


def test_user_agent_names_refcheck_and_mailto(fake: FakeServices, cache_dir: str) -> None:
    seen: list[str] = []

    def page(req: Request) -> Response:
        seen.append(req.headers.get("User-Agent", ""))
        return Response("<title>x</title>", content_type="text/html")

    fake.pages["/ua"] = page
    Resolver(fake.settings(cache_dir, check_urls=True)).resolve([ref(1, url=fake.url + "/ua")])
    assert seen and seen[0].startswith("refcheck/") and "mailto:test@example.org" in seen[0]


def test_many_dois_go_in_one_filter_request(fake: FakeServices, cache_dir: str) -> None:
    others = [d for d in sorted(fake.works) if d != PLOS_DOI]
    refs = [plos(1)] + [ref(i + 2, doi=d) for i, d in enumerate(others)]
    out = Resolver(fake.settings(cache_dir)).resolve(refs)
    assert [r.status for r in out] == ["ok"] * 6
    crossref = [p for p in fake.log if p.startswith("/crossref")]
    assert len(crossref) == 1 and crossref[0].startswith("/crossref/works?filter=doi%3A")
    assert "rows=6" in crossref[0]


def test_mismatch_per_field(fake: FakeServices, cache_dir: str) -> None:
    entry = plos(
        title="Caffeine and zebrafish memory",
        authors=(Person("Pond"),),
        year=2016,
        container_title="Nature",
        volume="8",
        issue="4",
        pages="e1",
    )
    (res,) = Resolver(fake.settings(cache_dir)).resolve([entry])
    assert res.status == "mismatch"
    assert [d.field for d in res.diffs] == [
        "title",
        "author",
        "year",
        "container",
        "volume",
        "issue",
        "pages",
    ]
    assert res.diffs[2].entry == "2016" and res.diffs[2].service == "2012"


def test_crossref_404_and_handle_100_is_not_registered(fake: FakeServices, cache_dir: str) -> None:
    (res,) = Resolver(fake.settings(cache_dir)).resolve([ref(1, doi="10.1371/notarealdoi")])
    assert (res.status, res.service, res.http_status) == ("not_found", "doi.org", 404)
    assert fake.log == [
        "/crossref/works/10.1371/notarealdoi?mailto=test%40example.org",
        "/doi/api/handles/10.1371/notarealdoi",
    ]


def test_crossref_404_handle_1_datacite_metadata(fake: FakeServices, cache_dir: str) -> None:
    doi = "10.5281/zenodo.3763274"
    fake.handles[doi] = 1
    fake.agencies[doi] = "DataCite"
    fake.datacite[doi] = {
        "doi": doi,
        "titles": [{"title": "Software for checking references"}],
        "creators": [{"name": "Yüzbaşıoğlu, N.", "familyName": "Yüzbaşıoğlu"}],
        "publicationYear": 2020,
        "types": {"resourceTypeGeneral": "Software"},
        "url": "https://zenodo.org/record/3763274",
    }
    good = ref(
        1,
        doi=doi,
        title="Software for checking references",
        year=2020,
        authors=(Person("Yuzbasioglu"),),
    )
    bad = ref(
        2,
        doi=doi,
        title="Software for checking references",
        year=2014,
        authors=(Person("Yüzbaşıoğlu"),),
    )
    out = Resolver(fake.settings(cache_dir)).resolve([good, bad])
    assert [(r.status, r.service) for r in out] == [("ok", "datacite"), ("mismatch", "datacite")]
    assert [(d.field, d.entry, d.service) for d in out[1].diffs] == [("year", "2014", "2020")]
    assert "/doi/doiRA/10.5281/zenodo.3763274" in fake.log


def test_registered_with_other_agency(fake: FakeServices, cache_dir: str) -> None:
    fake.handles["10.5240/abcd"] = 1
    fake.agencies["10.5240/abcd"] = "EIDR"
    (res,) = Resolver(fake.settings(cache_dir)).resolve([ref(1, doi="10.5240/ABCD")])
    assert (res.status, res.note) == ("ok", "registered with EIDR; metadata not compared")


def test_invalid_doi_makes_no_request(fake: FakeServices, cache_dir: str) -> None:
    (res,) = Resolver(fake.settings(cache_dir)).resolve([ref(1, doi_raw="doi 10.2307.2539204")])
    assert (res.status, res.target) == ("invalid", "doi 10.2307.2539204")
    assert fake.log == []


def test_second_run_makes_zero_requests(fake: FakeServices, cache_dir: str) -> None:
    fake.page("/article", body="<title>Hello there</title>")
    refs = [
        plos(1),
        ref(2, doi="10.1371/notarealdoi"),
        ref(3, url=fake.url + "/article", title="Hello there"),
    ]
    first = Resolver(fake.settings(cache_dir))
    out1 = first.resolve(refs)
    assert first.stats.requests == len(fake.log) == 3  # one batch, one handle, one page
    n = len(fake.log)
    second = Resolver(fake.settings(cache_dir))
    out2 = second.resolve(refs)
    assert len(fake.log) == n
    assert second.stats.requests == 0 and second.stats.cache_hits == 3
    assert [(r.status, r.diffs) for r in out1] == [(r.status, r.diffs) for r in out2]
    # mailto never reaches the cache file
    raw = Path(cache_dir, "resolve.sqlite").read_bytes()
    assert b"test@example.org" not in raw and b"test%40example.org" not in raw


def test_no_cache_and_clear_cache(fake: FakeServices, cache_dir: str) -> None:
    Resolver(fake.settings(cache_dir, use_cache=False)).resolve([plos()])
    Resolver(fake.settings(cache_dir, use_cache=False)).resolve([plos()])
    assert len(fake.log) == 2
    r = Resolver(fake.settings(cache_dir))
    r.resolve([plos()])
    r.clear_cache()
    r.resolve([plos()])
    assert len(fake.log) == 4 and r.stats.requests == 1


def test_corrupt_cache_file_is_rebuilt(fake: FakeServices, cache_dir: str) -> None:
    os.makedirs(cache_dir)
    path = Path(cache_dir, "resolve.sqlite")
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(3000))
    r = Resolver(fake.settings(cache_dir))
    (res,) = r.resolve([plos()])
    assert res.status == "ok"
    assert Path(cache_dir, "resolve.sqlite.corrupt").exists()
    again = Resolver(fake.settings(cache_dir))
    again.resolve([plos()])
    assert again.stats.requests == 0


def test_concurrent_runs_share_one_cache(fake: FakeServices, cache_dir: str) -> None:
    fake.crossref_headers = {**fake.crossref_headers, "x-rate-limit-limit": "100"}
    refs = [ref(i, doi=f"10.1371/missing{i}") for i in range(1, 9)]
    results: list[int] = []

    def run() -> None:
        results.append(len(Resolver(fake.settings(cache_dir, batch_size=1)).resolve(refs)))

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert results == [8, 8, 8, 8]
    warm = Resolver(fake.settings(cache_dir, batch_size=1))
    assert {r.status for r in warm.resolve(refs)} == {"not_found"}
    assert warm.stats.requests == 0


def test_concurrency_limit_header_is_honoured(fake: FakeServices, cache_dir: str) -> None:
    fake.latency = 0.05
    fake.max_concurrent = 3
    fake.crossref_headers = {**fake.crossref_headers, "x-concurrency-limit": "3",
                             "x-rate-limit-limit": "100"}
    refs = [ref(i, doi=f"10.1371/missing{i}") for i in range(1, 13)]
    r = Resolver(fake.settings(cache_dir, batch_size=1, service_concurrency=8, use_cache=False))
    out = r.resolve(refs)
    assert {x.status for x in out} == {"not_found"}
    assert fake.rejected == 0
    assert fake.peak == 3  # used the advertised concurrency, never more
    assert r.stats.retries == 0


def test_rate_limit_header_lowers_the_rate(fake: FakeServices, cache_dir: str) -> None:
    fake.crossref_headers = {
        "x-rate-limit-limit": "5",
        "x-rate-limit-interval": "1s",
        "x-concurrency-limit": "3",
    }
    refs = [ref(i, doi=f"10.1371/missing{i}") for i in range(1, 5)]
    t0 = time.perf_counter()
    Resolver(fake.settings(cache_dir, batch_size=1, use_cache=False)).resolve(refs)
    assert len(fake.log) == 8  # 4 Crossref + 4 handle requests on one host
    assert time.perf_counter() - t0 >= 0.9  # 8 requests at 5 per second need a second window


def _flaky(fake: FakeServices, failures: int, headers: dict[str, str]) -> list[float]:
    times: list[float] = []

    def handler(req: Request) -> Response:
        times.append(time.monotonic())
        if len(times) <= failures:
            return Response(
                "<html><body><h1>429 Too Many Requests</h1></body></html>",
                status=429,
                headers=headers,
                content_type="text/html",
            )
        return Response(
            json.dumps({"status": "ok", "message-type": "work", "message": PLOS}),
            content_type="application/json",
        )

    fake.pages[f"/crossref/works/{PLOS_DOI}"] = handler
    return times


def test_429_with_retry_after_is_honoured(fake: FakeServices, cache_dir: str) -> None:
    times = _flaky(fake, 1, {"Retry-After": "1"})
    r = Resolver(fake.settings(cache_dir))
    (res,) = r.resolve([plos()])
    assert res.status == "ok" and r.stats.retries == 1
    assert len(times) == 2 and 0.95 <= times[1] - times[0] < 3


def test_429_without_retry_after_backs_off(fake: FakeServices, cache_dir: str) -> None:
    times = _flaky(fake, 2, {})
    (res,) = Resolver(fake.settings(cache_dir)).resolve([plos()])
    assert res.status == "ok" and len(times) == 3
    assert times[1] - times[0] >= 0.5 and times[2] - times[1] >= 0.5


def test_retry_after_of_a_day_is_rate_limited_not_a_stall(
    fake: FakeServices, cache_dir: str
) -> None:
    times = _flaky(fake, 99, {"Retry-After": "86400"})
    t0 = time.perf_counter()
    (res,) = Resolver(fake.settings(cache_dir)).resolve([plos()])
    assert time.perf_counter() - t0 < 2
    assert (res.status, res.http_status) == ("rate_limited", 429)
    assert res.note == "Crossref: server asked to wait 86400 s (cap 30 s)"
    assert len(times) == 1


def test_persistent_429_gives_up_after_retries(fake: FakeServices, cache_dir: str) -> None:
    times = _flaky(fake, 99, {"Retry-After": "0"})
    (res,) = Resolver(fake.settings(cache_dir, max_retries=2)).resolve([plos()])
    assert res.status == "rate_limited" and len(times) == 3


@pytest.mark.parametrize(
    ("body", "status", "ctype"),
    [
        ('{"status":"ok","message":{"DOI": ', 200, "application/json"),  # truncated JSON
        ("<html>not json</html>", 200, "text/html"),
        (
            json.loads(
                recorded("test_works_query_filters_not_allowed_with_dois.json")[0]["response"][
                    "body"
                ]
            )
            and recorded("test_works_query_filters_not_allowed_with_dois.json")[0]["response"][
                "body"
            ],
            400,
            "application/json",
        ),
        ("Internal error", 500, "text/plain"),
    ],
)
def test_malformed_or_error_bodies_are_unreachable(
    fake: FakeServices, cache_dir: str, body: str, status: int, ctype: str
) -> None:
    fake.pages[f"/crossref/works/{PLOS_DOI}"] = lambda _r: Response(
        body, status=status, content_type=ctype
    )
    t0 = time.perf_counter()
    (res,) = Resolver(fake.settings(cache_dir)).resolve([plos()])
    assert res.status == "unreachable" and res.http_status == status
    assert ("malformed" in res.note) if status == 200 else (str(status) in res.note)
    assert time.perf_counter() - t0 < 5


def test_malformed_batch_falls_back_to_single_lookups(fake: FakeServices, cache_dir: str) -> None:
    fake.pages["/crossref/works"] = lambda _r: Response("{oops", content_type="application/json")
    refs = [plos(1), ref(2, doi="10.1002/jor.1100150407")]
    out = Resolver(fake.settings(cache_dir)).resolve(refs)
    assert [r.status for r in out] == ["ok", "ok"]


def test_missing_doi_is_suggested_with_evidence(fake: FakeServices, cache_dir: str) -> None:
    fake.searches["CERMINE"] = search_response("structured-ref-response-1.json")
    entry = ref(
        1,
        raw="Tkaczyk, D., Szostek, P., Fedoryszak, M., Dendek, P. J., & Bolikowski, Ł. "
        "(2015). CERMINE: automatic extraction of structured metadata from "
        "scientific literature. IJDAR, 18(4), 317–335.",
        title="CERMINE: automatic extraction of structured metadata from scientific literature",
        authors=(Person("Tkaczyk", "D."),),
        year=2015,
        volume="18",
        issue="4",
        pages="317–335",
        type="article-journal",
    )
    unknown = ref(
        2,
        title="Hazar Denizi'nden Akdeniz'e Zengezur Koridoru",
        year=2023,
        authors=(Person("Memmedov"),),
        volume="6",
        type="article-journal",
    )
    out = Resolver(fake.settings(cache_dir)).resolve([entry, unknown])
    assert (out[0].kind, out[0].status) == ("doi-search", "suggested")
    assert out[0].suggestion == "https://doi.org/10.1007/s10032-015-0249-8"
    assert out[0].note.startswith("evidence: title 1.00, first author Tkaczyk, year 2015")
    assert (out[1].status, out[1].suggestion) == ("not_found", "")
    assert any("query.bibliographic=Tkaczyk" in p and "rows=2" in p for p in fake.log)


def test_deadline_marks_the_rest_skipped(fake: FakeServices, cache_dir: str) -> None:
    fake.latency = 0.4
    refs = [ref(i, doi=f"10.1371/missing{i}") for i in range(1, 30)]
    t0 = time.perf_counter()
    out = Resolver(
        fake.settings(cache_dir, batch_size=1, deadline=1.0, service_concurrency=1)
    ).resolve(refs)
    assert time.perf_counter() - t0 < 3
    statuses = [r.status for r in out]
    assert len(out) == 29 and "skipped" in statuses
    assert set(statuses) <= {"not_found", "skipped"}


def test_progress_reports_every_unit(fake: FakeServices, cache_dir: str) -> None:
    calls: list[tuple[int, int]] = []
    refs = [plos(1), ref(2, doi="bad"), ref(3, doi="10.1371/notarealdoi")]
    Resolver(fake.settings(cache_dir)).resolve(refs, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (3, 3) and [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_rate_budget_is_shared_by_runs_using_one_cache_dir(fake: FakeServices,
                                                           cache_dir: str) -> None:
    """Two resolvers (as two batch processes would) share one 5 requests/s budget per service."""
    dois = [*sorted(d for d in fake.works if d != PLOS_DOI), PLOS_DOI]

    def run(offset: int) -> None:
        refs = [ref(i, doi=d) for i, d in enumerate(dois[offset:offset + 3], start=1)]
        settings = fake.settings(cache_dir, batch_size=1, service_rate=5.0)
        Resolver(settings).resolve(refs)

    threads = [threading.Thread(target=run, args=(k * 3,)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    times = sorted(fake.times)
    assert len(times) == 6
    # never more than 5 requests (of both runs together) inside one second
    assert all(times[i + 5] - times[i] >= 0.95 for i in range(len(times) - 5))


def test_other_agency_metadata_via_content_negotiation(fake: FakeServices,
                                                       cache_dir: str) -> None:
    doi = "10.3280/ses2020-001001"
    fake.handles[doi] = 1
    fake.agencies[doi] = "mEDRA"
    accepts: list[str] = []

    def resolver_hop(req: Request) -> Response:
        accepts.append(req.headers.get("Accept", ""))
        return Response("", status=302, headers={"Location": f"/transform/{doi}"})

    csl = {"DOI": doi, "type": "article-journal", "title": "Turkey and the South Caucasus",
           "author": [{"family": "Çelikpala", "given": "M."}],
           "issued": {"date-parts": [[2020]]}, "container-title": "Studi Economici e Sociali",
           "volume": "55", "issue": "1", "page": "7-24"}
    fake.pages[f"/doi/{doi}"] = resolver_hop
    fake.pages[f"/transform/{doi}"] = lambda _r: Response(
        json.dumps(csl), content_type="application/vnd.citationstyles.csl+json")
    entry = ref(1, doi=doi, title="Turkey and the South Caucasus", year=2020,
                authors=(Person("Celikpala"),), container_title="Studi Economici e Sociali",
                volume="55", issue="2", pages="7–24")
    (res,) = Resolver(fake.settings(cache_dir)).resolve([entry])
    assert (res.status, res.service) == ("mismatch", "medra")
    assert [(d.field, d.entry, d.service) for d in res.diffs] == [("issue", "2", "1")]
    assert accepts == ["application/vnd.citationstyles.csl+json"]


def test_content_negotiation_redirect_to_internal_address_is_refused(
        fake: FakeServices, cache_dir: str) -> None:
    doi = "10.3280/evil"
    fake.handles[doi] = 1
    fake.agencies[doi] = "mEDRA"
    fake.page(f"/doi/{doi}", status=302,
              headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    (res,) = Resolver(fake.settings(cache_dir)).resolve([ref(1, doi=doi)])
    assert (res.status, res.note) == ("ok", "registered with mEDRA; metadata not compared")


def test_locked_cache_file_is_not_destroyed(fake: FakeServices, cache_dir: str) -> None:
    import sqlite3

    os.makedirs(cache_dir)
    path = os.path.join(cache_dir, "resolve.sqlite")
    warm = Resolver(fake.settings(cache_dir))
    warm.resolve([plos()])
    assert warm.stats.requests == 1
    warm._cache.close()  # type: ignore[union-attr]
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        t0 = time.perf_counter()
        r = Resolver(fake.settings(cache_dir))
        (res,) = r.resolve([plos()])
        assert res.status == "ok" and r.stats.requests == 1  # ran uncached
        assert time.perf_counter() - t0 < 8
        assert not os.path.exists(path + ".corrupt")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    again = Resolver(fake.settings(cache_dir))
    again.resolve([plos()])
    assert again.stats.requests == 0  # the original cache survived
