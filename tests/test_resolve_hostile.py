"""Hostile and failing networks (issue 19): bounded time, no crash, nothing wrong cached or shown.

Every server here is local: pytest-httpserver for answers in the services' formats, raw sockets
for what an HTTP framework cannot send (a status line one byte at a time, a host that accepts
and never answers). A name that must not resolve is made to hang or fail by patching
``socket.getaddrinfo``, so no test ever sends a packet beyond this machine.
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import re
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from servers import FakeServices, RawServer, attach, new_server, recorded_work, ref
from werkzeug import Request, Response

from refcheck import cli
from refcheck.model import Resolution
from refcheck.resolve import Resolver
from refcheck.resolve.cache import CachedEntry, ResponseCache, cache_key

PLOS_DOI = "10.1371/journal.pone.0033693"
_REAL_GETADDRINFO = socket.getaddrinfo


@pytest.fixture(scope="module")
def server() -> Iterator[HTTPServer]:
    srv = new_server()
    yield srv
    srv.clear()
    srv.stop()


@pytest.fixture
def fake(server: HTTPServer) -> Iterator[FakeServices]:
    f = attach(server)
    f.works[PLOS_DOI] = recorded_work()
    yield f
    server.clear()


@pytest.fixture
def cache_dir(tmp_path: Path) -> str:
    return str(tmp_path / "cache")


def plos(index: int = 1) -> Any:
    """The recorded PLOS ONE work, cited by its DOI alone (so it resolves "ok")."""
    return ref(index, doi=PLOS_DOI)


# -- raw socket servers ---------------------------------------------------------------------


class DripServer(RawServer):
    """Accepts, reads the request, then sends ``payload`` one byte every ``pause`` seconds.

    Each read the client makes gets a byte well within any per-read timeout, so only a wall
    for the whole request ends it. The server gives up by itself after ``limit`` seconds so a
    client without a wall fails the test instead of hanging it.
    """

    def __init__(self, payload: bytes, pause: float = 0.2, limit: float = 20.0) -> None:
        self.payload = payload
        self.pause = pause
        self.limit = limit
        super().__init__(backlog=64)

    def serve(self, conn: socket.socket) -> None:
        threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn: socket.socket) -> None:
        end = time.monotonic() + self.limit
        with contextlib.suppress(OSError), conn:
            conn.settimeout(1.0)
            with contextlib.suppress(OSError):
                conn.recv(65536)
            i = 0
            while not self._stop.is_set() and time.monotonic() < end:
                conn.sendall(self.payload[i % len(self.payload): i % len(self.payload) + 1])
                i += 1
                time.sleep(self.pause)


class TarpitServer(RawServer):
    """Accepts every connection and never sends a byte (a host that black-holes requests)."""

    def __init__(self) -> None:
        self.held: list[socket.socket] = []
        super().__init__(backlog=256)

    def serve(self, conn: socket.socket) -> None:
        self.held.append(conn)

    def close(self) -> None:
        super().close()
        for c in self.held:
            with contextlib.suppress(OSError):
                c.close()


STATUS_DRIP = b"HTTP/1.1 200 OK\r\n" + b"X-Pad: " + b"a" * 100_000
HEADER_DRIP = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"X-Pad: " + b"a" * 100_000


def _hanging_dns(monkeypatch: pytest.MonkeyPatch, seconds: float = 60.0) -> list[str]:
    """Names hang (a black-holed resolver); IP literals resolve as usual. Returns names asked."""
    asked: list[str] = []

    def lookup(host: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            ipaddress.ip_address(str(host).split("%", 1)[0])
        except ValueError:
            asked.append(str(host))
            time.sleep(seconds)
            raise socket.gaierror(-3, "Temporary failure in name resolution") from None
        return _REAL_GETADDRINFO(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    return asked


def _failing_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    def lookup(host: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            ipaddress.ip_address(str(host).split("%", 1)[0])
        except ValueError:
            raise socket.gaierror(-2, "Name or service not known") from None
        return _REAL_GETADDRINFO(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", lookup)


# -- row 1: one clock ------------------------------------------------------------------------


@pytest.mark.parametrize("payload", [STATUS_DRIP, HEADER_DRIP], ids=["status-line", "headers"])
def test_slow_header_server_is_cut_at_the_request_timeout(
    fake: FakeServices, cache_dir: str, payload: bytes
) -> None:
    drip = DripServer(payload)
    try:
        t0 = time.monotonic()
        (res,) = Resolver(fake.settings(cache_dir, timeout=1.0)).resolve(
            [ref(1, url=drip.url + "/page")])
        elapsed = time.monotonic() - t0
    finally:
        drip.close()
    assert elapsed < 2.0, f"{elapsed:.1f} s for a 1 s timeout"
    assert (res.status, res.note) == ("unreachable", "no answer within 1.0 s")


def test_slow_headers_never_pass_the_run_deadline_by_more_than_a_second(
    fake: FakeServices, cache_dir: str
) -> None:
    """Services and pages all drip; timeout 5 s > deadline 2 s: the deadline is the wall."""
    drip = DripServer(HEADER_DRIP)
    try:
        settings = fake.settings(
            cache_dir, timeout=5.0, deadline=2.0, crossref_url=drip.url + "/crossref",
            doi_url=drip.url + "/doi", archive_url=drip.url + "/wayback")
        refs = [ref(i, doi=f"10.1000/x{i}", url=f"{drip.url}/p{i}") for i in range(1, 9)]
        t0 = time.monotonic()
        out = Resolver(settings).resolve(refs)
        elapsed = time.monotonic() - t0
    finally:
        drip.close()
    assert elapsed <= 3.0, f"{elapsed:.1f} s with a 2 s deadline"
    assert len(out) == 16
    assert {r.status for r in out} <= {"skipped", "unreachable"}


def test_hanging_name_lookup_is_cut_at_the_request_timeout(
    fake: FakeServices, cache_dir: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _hanging_dns(monkeypatch)
    t0 = time.monotonic()
    (res,) = Resolver(fake.settings(cache_dir, timeout=1.0)).resolve(
        [ref(1, url="https://hangs.example/page")])
    assert time.monotonic() - t0 < 2.0
    assert asked == ["hangs.example"]
    assert res.status == "unreachable"
    assert res.note.startswith("network unreachable")


def test_cli_deadline_is_a_wall_with_a_slow_header_server(
    fake: FakeServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    drip = DripServer(HEADER_DRIP)
    paper = tmp_path / "paper.txt"
    paper.write_text(
        "Body (Ng, 2020).\n\nReferences\n\n"
        f"Ng, A. (2020). A title. Journal, 1(2), 3-4. https://doi.org/10.1000/abc\n"
        f"Ng, B. (2021). Another title. {drip.url}/page\n", encoding="utf-8")
    for var, path in (("CROSSREF", "/crossref"), ("DOI", "/doi"), ("DATACITE", "/dc")):
        monkeypatch.setenv(f"REFCHECK_{var}_URL", drip.url + path)
    monkeypatch.setenv("REFCHECK_ALLOW_LOCAL_URLS", "1")
    try:
        t0 = time.monotonic()
        code = cli.main(["check", str(paper), "--deadline", "2", "--timeout", "10",
                         "--no-progress"])
        elapsed = time.monotonic() - t0
    finally:
        drip.close()
    out = capsys.readouterr()
    assert elapsed <= 2.0 + 1.0 + 1.5, f"{elapsed:.1f} s"  # + 1.5 s for loading and checking
    assert code in (0, 1) and "Traceback" not in out.err + out.out


# -- row 2: deep JSON -----------------------------------------------------------------------


DEEP = b"[" * 400_000


@pytest.mark.parametrize("where", ["crossref", "handle", "negotiation"])
def test_deeply_nested_json_is_malformed_and_never_cached(
    fake: FakeServices, cache_dir: str, where: str
) -> None:
    doi = "10.5555/deep"
    if where == "crossref":
        fake.pages[f"/crossref/works/{doi}"] = lambda _r: Response(
            DEEP, content_type="application/json")
    elif where == "handle":
        fake.pages[f"/doi/api/handles/{doi}"] = lambda _r: Response(
            DEEP, status=404, content_type="application/json")
    else:
        fake.handles[doi] = 1
        fake.agencies[doi] = "mEDRA"
        fake.pages[f"/doi/{doi}"] = lambda _r: Response(
            DEEP, content_type="application/vnd.citationstyles.csl+json")
    for _run in range(2):  # the second run must ask again, not replay a bad answer
        r = Resolver(fake.settings(cache_dir))
        (res,) = r.resolve([ref(1, doi=doi)])
        assert r.stats.requests >= 1  # asked over the network each time
        if where == "negotiation":  # metadata not compared, the DOI is registered
            assert (res.status, res.note) == ("ok", "registered with mEDRA; metadata not compared")
        else:
            assert res.status == "unreachable"
            assert "malformed answer: JSON nested deeper than 64 levels" in res.note
    with sqlite3.connect(Path(cache_dir, "resolve.sqlite")) as db:
        bodies = [row[0] for row in db.execute("SELECT body FROM responses")]
    assert DEEP not in bodies


# -- row 7/8/9: the cache -----------------------------------------------------------------------


def _put_plos(cache_dir: str, fake: FakeServices) -> str:
    """Run once so the PLOS answer is cached; returns its cache key."""
    Resolver(fake.settings(cache_dir)).resolve([plos()])
    return cache_key("GET", f"{fake.url}/crossref/works/{PLOS_DOI}", "application/json")


def test_cache_row_with_a_non_integer_status_is_a_miss_and_deleted(
    fake: FakeServices, cache_dir: str
) -> None:
    key = _put_plos(cache_dir, fake)
    db_path = Path(cache_dir, "resolve.sqlite")
    with sqlite3.connect(db_path) as db:
        assert db.execute("UPDATE responses SET status = 'abc' WHERE key = ?", (key,)).rowcount == 1
    r = Resolver(fake.settings(cache_dir))
    (res,) = r.resolve([plos()])
    assert res.status == "ok" and r.stats.requests == 1 and r.stats.cache_hits == 0
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT status FROM responses WHERE key = ?", (key,)).fetchall() == [
            (200,)]


@pytest.mark.parametrize("column,value", [
    ("headers", "{not json"), ("headers", '[["a", 1]]'), ("truncated", 7), ("status", 99),
    ("body", "text, not bytes"),
])
def test_cache_rows_failing_validation_are_deleted(
    fake: FakeServices, cache_dir: str, column: str, value: object
) -> None:
    key = _put_plos(cache_dir, fake)
    cache = ResponseCache(str(Path(cache_dir, "resolve.sqlite")))
    assert cache._conn is not None
    cache._conn.execute(f"UPDATE responses SET {column} = ? WHERE key = ?", (value, key))
    assert cache.get(key) is None
    assert cache._conn.execute("SELECT COUNT(*) FROM responses WHERE key = ?",
                               (key,)).fetchone() == (0,)


def _notes(fake: FakeServices, cache_dir: str) -> tuple[tuple[Resolution, ...], Resolver]:
    r = Resolver(fake.settings(cache_dir))
    return r.resolve([plos()]), r


def test_corrupt_cache_is_rebuilt_with_a_note(fake: FakeServices, cache_dir: str) -> None:
    Path(cache_dir).mkdir()
    Path(cache_dir, "resolve.sqlite").write_bytes(b"not a database at all" * 100)
    (res,), r = _notes(fake, cache_dir)
    assert res.status == "ok"
    path = str(Path(cache_dir, "resolve.sqlite"))
    assert r.notes == (f"HTTP cache {path} was damaged (file is not a database): moved aside "
                       "to resolve.sqlite.corrupt and rebuilt",)


def test_wrongly_shaped_table_is_rebuilt_so_writes_work_again(
    fake: FakeServices, cache_dir: str
) -> None:
    Path(cache_dir).mkdir()
    path = Path(cache_dir, "resolve.sqlite")
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE responses (key TEXT PRIMARY KEY, value BLOB)")
    (_res,), r = _notes(fake, cache_dir)
    assert r.notes == (f"HTTP cache {path} was damaged (the responses table has another shape):"
                       " moved aside to resolve.sqlite.corrupt and rebuilt",)
    (_res,), warm = _notes(fake, cache_dir)
    assert (warm.stats.requests, warm.stats.cache_hits, warm.notes) == (0, 1, ())


def test_unopenable_cache_runs_uncached_with_a_note(fake: FakeServices, cache_dir: str) -> None:
    Path(cache_dir, "resolve.sqlite").mkdir(parents=True)  # a folder where the file should be
    (res,), r = _notes(fake, cache_dir)
    assert res.status == "ok"
    assert r.notes == (f"HTTP cache {Path(cache_dir, 'resolve.sqlite')} cannot be opened "
                       "(unable to open database file): running without it",)


def test_cache_folder_that_cannot_be_made_is_a_note(
    fake: FakeServices, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    (res,), r = _notes(fake, str(blocker / "cache"))
    assert res.status == "ok"
    assert r.notes == (f"HTTP cache {blocker / 'cache' / 'resolve.sqlite'} cannot be used "
                       "(Not a directory): running without it",)


def test_full_cache_says_writes_fail(fake: FakeServices, cache_dir: str) -> None:
    r = Resolver(fake.settings(cache_dir))
    cache = r._open_cache()
    assert cache is not None and cache._conn is not None
    pages = cache._conn.execute("PRAGMA page_count").fetchone()[0]
    cache._conn.execute(f"PRAGMA max_page_count = {pages}")  # this connection's disk is full
    (res,) = r.resolve([plos()])
    assert res.status == "ok"
    assert r.notes == (f"HTTP cache {cache.path} cannot be written (database or disk is full):"
                       " answers not stored",)


def test_pages_store_only_what_is_read(fake: FakeServices, cache_dir: str) -> None:
    body = "<html><head><title>Big page about drones</title></head><body>" + "x" * 3_000_000
    fake.page("/big", body=body)
    (res,) = Resolver(fake.settings(cache_dir)).resolve([ref(1, url=fake.url + "/big")])
    assert res.status == "ok"
    with sqlite3.connect(Path(cache_dir, "resolve.sqlite")) as db:
        (size,) = db.execute("SELECT LENGTH(body) FROM responses").fetchone()
    assert size == 400_000


def test_expired_rows_are_evicted_and_the_size_is_capped(fake: FakeServices, cache_dir: str) -> None:
    path = str(Path(cache_dir, "resolve.sqlite"))
    cache = ResponseCache(path, max_bytes=1_000_000)
    old = CachedEntry(url="https://x.example/old", status=200, headers=(), body=b"o" * 1000,
                      truncated=False)
    cache.put("old", old, ttl=-1.0)  # already expired
    for i in range(20):
        cache.put(f"k{i}", CachedEntry(url=f"https://x.example/{i}", status=200, headers=(),
                                       body=b"b" * 300_000, truncated=False), ttl=100.0 + i)
        assert cache.size() <= 1_000_000
    cache.close()
    again = ResponseCache(path, max_bytes=1_000_000)
    assert again.get("old") is None
    assert again._conn is not None
    keys = [k for (k,) in again._conn.execute("SELECT key FROM responses ORDER BY expires")]
    # past the cap the rows expiring first go, down to 90 % of it (three rows are 900,066 B)
    assert keys == ["k18", "k19"]
    assert again.size() == len(keys) * (300_000 + len("[]") + len("https://x.example/17"))


def test_cache_clear_fails_on_a_bad_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_cache = tmp_path / "other" / "resolve.sqlite"
    not_cache.parent.mkdir()
    not_cache.write_bytes(b"precious data, not a database")
    assert cli.main(["cache", "clear", "--cache-dir", str(not_cache.parent)]) == 2
    err = capsys.readouterr().err
    assert err == f"refcheck: error: {not_cache}: cannot clear the cache: file is not a database\n"
    assert not_cache.read_bytes() == b"precious data, not a database"
    missing = tmp_path / "typo"
    assert cli.main(["cache", "clear", "--cache-dir", str(missing)]) == 2
    assert capsys.readouterr().err == f"refcheck: error: {missing}: cache folder not found\n"
    other_db = tmp_path / "db" / "resolve.sqlite"
    other_db.parent.mkdir()
    with sqlite3.connect(other_db) as db:
        db.execute("CREATE TABLE t (x)")
    assert cli.main(["cache", "clear", "--cache-dir", str(other_db.parent)]) == 2
    assert "not a refcheck cache" in capsys.readouterr().err


def test_cache_clear_says_how_many(fake: FakeServices, cache_dir: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    _put_plos(cache_dir, fake)
    assert cli.main(["cache", "clear", "--cache-dir", cache_dir]) == 0
    path = Path(cache_dir, "resolve.sqlite")
    assert capsys.readouterr().out == f"cleared {path} (1 stored answers)\n"


# -- rows 11-13: addresses, typed answers, evidence -------------------------------------------


@pytest.mark.parametrize("host", [
    "[2002:7f00:1::]", "[2002:7f00:1::1]", "[::7f00:1]", "[64:ff9b::7f00:1]",
    "[::ffff:0:7f00:1]", "[2001:0:4136:e378:8000:63bf:3fff:fdd2]",
])
def test_transition_prefixes_are_refused_before_any_connection(
    fake: FakeServices, cache_dir: str, host: str
) -> None:
    settings = fake.settings(cache_dir, allow_local_urls=False)
    (res,) = Resolver(settings).resolve([ref(1, url=f"http://{host}:{fake.server.port}/x")])
    assert res.status == "invalid" and res.note.startswith("refused: ")
    assert fake.log == []


@pytest.mark.parametrize("field,value,where", [
    ("title", 5, "message.title: expected a list, got a number"),
    ("title", [5], "message.title[0]: expected a string, got a number"),
    ("author", {"family": "X"}, "message.author: expected a list, got an object"),
    ("volume", 7, "message.volume: expected a string, got a number"),
    ("issued", {"date-parts": [[True]]}, "message.issued.date-parts[0][0]: expected a number"),
    ("DOI", None, "message.DOI: expected a string, got null"),
])
def test_wrongly_typed_crossref_fields_are_malformed_not_findings(
    fake: FakeServices, cache_dir: str, field: str, value: object, where: str
) -> None:
    fake.works[PLOS_DOI] = {**recorded_work(), field: value}
    (res,) = Resolver(fake.settings(cache_dir)).resolve([plos()])
    assert res.status == "unreachable" and res.diffs == ()
    assert res.note.startswith(f"Crossref: malformed answer: {where}")


def test_batch_whose_items_is_not_a_list_falls_back_to_single_lookups(
    fake: FakeServices, cache_dir: str
) -> None:
    other = "10.1002/jor.1100150407"
    fake.works[other] = {**recorded_work(), "DOI": other}
    fake.pages["/crossref/works"] = lambda _r: Response(
        json.dumps({"status": "ok", "message": {"items": {"0": recorded_work()}}}),
        content_type="application/json")
    out = Resolver(fake.settings(cache_dir)).resolve([plos(1), ref(2, doi=other)])
    assert [r.status for r in out] == ["ok", "ok"]
    singles = sorted(p.split("?")[0] for p in fake.log if p.startswith("/crossref/works/"))
    assert singles == [f"/crossref/works/{other}", f"/crossref/works/{PLOS_DOI}"]
    assert not any(p.startswith("/doi/") for p in fake.log)


def test_a_host_answering_404_to_everything_gives_no_d601(
    fake: FakeServices, cache_dir: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A captive portal or proxy: 404 pages everywhere are not evidence that DOIs are invented."""
    portal = "<html><head><title>Sign in to the Wi-Fi</title></head></html>"

    def everything_404(_req: Request) -> Response:
        return Response(portal, status=404, content_type="text/html")

    fake.server.clear()
    fake.server.expect_request(re.compile(".*")).respond_with_handler(everything_404)
    dois = ["10.2307/2539204", "10.1017/s0043887100007814", "10.1111/misr.12231"]
    out = Resolver(fake.settings(cache_dir)).resolve(
        [ref(i, doi=d) for i, d in enumerate(dois, 1)])
    assert [r.status for r in out] == ["unreachable"] * 3
    assert all(r.note.startswith("not in Crossref; registration check failed: malformed answer")
               for r in out)
    paper = tmp_path / "p.txt"
    paper.write_text("Text (Rose, 1998).\n\nReferences\n\nRose, G. (1998). Neoclassical realism. "
                     "World Politics, 51(1), 144-172. https://doi.org/10.1017/s00438871000078\n",
                     encoding="utf-8")
    for var, path in (("CROSSREF", "/crossref"), ("DOI", "/doi"), ("DATACITE", "/dc")):
        monkeypatch.setenv(f"REFCHECK_{var}_URL", fake.url + path)
    cli.main(["check", str(paper), "--no-progress", "--format", "text"])
    text = capsys.readouterr().out
    assert "D601" not in text
    assert "R802" in text


def test_d601_still_comes_from_the_handle_apis_own_answer(
    fake: FakeServices, cache_dir: str
) -> None:
    (res,) = Resolver(fake.settings(cache_dir)).resolve([ref(1, doi="10.1371/notarealdoi")])
    assert (res.status, res.metadata) == ("not_found", (
        ("evidence", "handle API answered HTTP 404 with responseCode 100 for 10.1371/notarealdoi"),))


def test_handle_answer_for_another_handle_is_not_evidence(
    fake: FakeServices, cache_dir: str
) -> None:
    fake.pages["/doi/api/handles/10.1371/notarealdoi"] = lambda _r: Response(
        json.dumps({"responseCode": 100, "handle": "10.9999/other"}), status=404,
        content_type="application/json")
    (res,) = Resolver(fake.settings(cache_dir)).resolve([ref(1, doi="10.1371/notarealdoi")])
    assert res.status == "unreachable"


# -- row 14: no network, black-holing network ------------------------------------------------


def test_no_dns_gives_short_reasons_and_one_summary_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    seed_path: Path,
) -> None:
    _failing_dns(monkeypatch)
    t0 = time.monotonic()
    code = cli.main(["check", str(seed_path), "--no-progress", "--format", "text", "--verbose"])
    elapsed = time.monotonic() - t0
    out = capsys.readouterr()
    lines = out.out.splitlines()
    r802 = [line for line in lines if " R802 " in line]
    assert len(r802) == 1, r802
    assert re.search(r"R802 \[info\] network unreachable: 0 of (\d+) DOIs and URLs verified$",
                     r802[0])
    assert not any(s in out.out for s in ("Pool(", "Max retries", "Caused by", "Traceback"))
    assert elapsed < 10
    assert code == 1  # as the same findings would give: not a pass, not an error
    assert cli.main(["check", str(seed_path), "--no-progress", "--require-network"]) == 3
    assert capsys.readouterr().err == (
        f"refcheck: error: {seed_path}: network unreachable (--require-network)\n")


def test_black_holing_network_ends_the_seed_run_in_ten_seconds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    seed_path: Path,
) -> None:
    """Every service and every web host black-holes (lookups hang): one summary line, ≤ 10 s."""
    asked = _hanging_dns(monkeypatch)
    t0 = time.monotonic()
    code = cli.main(["check", str(seed_path), "--no-progress", "--format", "text", "--verbose",
                     "--require-network"])
    elapsed = time.monotonic() - t0
    out = capsys.readouterr().out
    assert elapsed <= 10.0, f"{elapsed:.1f} s"
    assert code == 3
    assert "www.technologyreview.com" in asked  # the seed's own hosts, never a real lookup
    r802 = [line for line in out.splitlines() if " R802 " in line]
    assert len(r802) == 1 and "network unreachable: 0 of " in r802[0]


def test_tarpit_service_with_500_dois_gives_up_on_the_host(
    fake: FakeServices, cache_dir: str
) -> None:
    """A service that accepts and never answers: two silent requests and the host is skipped."""
    pit = TarpitServer()
    try:
        settings = fake.settings(cache_dir, timeout=1.0, crossref_url=pit.url + "/crossref",
                                 doi_url=pit.url + "/doi", deadline=60.0)
        t0 = time.monotonic()
        out = Resolver(settings).resolve([ref(i, doi=f"10.1000/{i}") for i in range(1, 501)])
        elapsed = time.monotonic() - t0
    finally:
        pit.close()
    assert elapsed < 5.0, f"{elapsed:.1f} s"
    assert len(out) == 500 and {r.status for r in out} == {"unreachable"}
    assert sum("did not answer earlier requests" in r.note for r in out) >= 490


def test_require_network_is_a_config_key(tmp_path: Path) -> None:
    from refcheck.config import load_config

    (tmp_path / "refcheck.toml").write_text("require_network = true\n", encoding="utf-8")
    assert load_config(start=tmp_path, env={}).require_network is True


# -- 0 loopback/private fetches -------------------------------------------------------------


def test_no_url_form_reaches_a_loopback_listener(
    fake: FakeServices, cache_dir: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every spelling of a loopback address, and a name resolving to one: no connection made."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    listener.settimeout(0.1)
    port = listener.getsockname()[1]

    def lookup(host: Any, *args: Any, **kwargs: Any) -> Any:
        if str(host) in ("evil.test", "rebind.test"):
            return _REAL_GETADDRINFO("127.0.0.1", *args, **kwargs)
        return _REAL_GETADDRINFO(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    hosts = ["127.0.0.1", "2130706433", "0x7f000001", "0177.0.0.1", "127.1", "127.000.000.001",
             "[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[2002:7f00:1::]",
             "[64:ff9b::7f00:1]", "[::127.0.0.1]", "[::ffff:0:7f00:1]", "localhost", "LOCALHOST.",
             "foo.localhost", "evil.test", "rebind.test", "0.0.0.0", "0"]
    refs = [ref(i, url=f"http://{h}:{port}/x") for i, h in enumerate(hosts, 1)]
    try:
        out = Resolver(fake.settings(cache_dir, allow_local_urls=False)).resolve(refs)
        with contextlib.suppress(OSError):
            conn, _ = listener.accept()
            conn.close()
            pytest.fail("a manuscript URL reached the loopback listener")
    finally:
        listener.close()
    assert [r.status for r in out] == ["invalid"] * len(hosts)
    assert all(r.note.startswith("refused: ") for r in out)


def test_connect_to_a_host_dropping_syns_ends_at_the_reachability_window(
    fake: FakeServices, cache_dir: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A firewall that drops SYNs: connect() blocks for whatever timeout it is given."""
    from urllib3.util import connection as u3conn

    given: list[float] = []

    def dropped(address: Any, timeout: Any = None, **_kw: Any) -> Any:
        given.append(float(timeout))
        time.sleep(float(timeout))
        raise TimeoutError("timed out")

    monkeypatch.setattr(u3conn, "create_connection", dropped)
    t0 = time.monotonic()
    out = Resolver(fake.settings(cache_dir, timeout=10.0, reach_window=1.0)).resolve(
        [ref(i, url=f"http://127.0.0.{i}:9/x") for i in range(1, 4)])
    assert time.monotonic() - t0 < 2.5
    assert given and max(given) <= 1.05
    assert [r.note.split(" (")[0] for r in out] == ["network unreachable"] * 3, [r.note for r in out]


def test_read_only_cache_is_read_and_says_it_cannot_be_written(
    fake: FakeServices, cache_dir: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache file on a read-only mount (tests run as root, so chmod cannot show it)."""
    _put_plos(cache_dir, fake)
    real_connect = sqlite3.connect
    path = str(Path(cache_dir, "resolve.sqlite"))

    def read_only(database: str, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if database == path:
            kwargs["uri"] = True
            return real_connect(f"file:{database}?mode=ro", *args, **kwargs)
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr("refcheck.resolve.cache.sqlite3.connect", read_only)
    (res,), r = _notes(fake, cache_dir)
    assert (res.status, r.stats.requests, r.stats.cache_hits) == ("ok", 0, 1)
    assert r.notes == (f"HTTP cache {path} cannot be written (attempt to write a readonly "
                       "database): answers not stored",)
