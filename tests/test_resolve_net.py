"""Network faults and web pages: every fault ends as data within seconds, never as an exception."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from servers import FakeServices, ResetServer, attach, drip, new_server, ref
from werkzeug import Request, Response

from refcheck.model import PartialDate
from refcheck.resolve import Resolver


@pytest.fixture(scope="module")
def server() -> Iterator[HTTPServer]:
    srv = new_server()
    yield srv
    srv.clear()
    srv.stop()


@pytest.fixture
def fake(server: HTTPServer) -> Iterator[FakeServices]:
    f = attach(server)
    yield f
    server.clear()


@pytest.fixture
def cache_dir(tmp_path: Path) -> str:
    return str(tmp_path / "cache")


def one_url(fake: FakeServices, cache_dir: str, url: str, title: str = "", **kw: object) -> object:
    settings = fake.settings(cache_dir, **kw)
    (res,) = Resolver(settings).resolve([ref(1, url=url, title=title)])
    return res


# -- faults -------------------------------------------------------------------------------------


def test_slow_reply_times_out(fake: FakeServices, cache_dir: str) -> None:
    def slow(_r: Request) -> Response:
        time.sleep(3)
        return Response("<title>late</title>", content_type="text/html")

    fake.pages["/slow"] = slow
    t0 = time.perf_counter()
    res = one_url(fake, cache_dir, fake.url + "/slow", timeout=0.5)
    assert time.perf_counter() - t0 < 2.5
    assert (res.status, res.note) == ("unreachable", "no answer within 0.5 s")  # type: ignore[attr-defined]


def test_slow_drip_body_is_bounded_by_total_time(fake: FakeServices, cache_dir: str) -> None:
    fake.pages["/drip"] = lambda _r: Response(
        drip([b"<title>x</title>"] + [b" "] * 100, 0.1), content_type="text/html"
    )
    t0 = time.perf_counter()
    res = one_url(fake, cache_dir, fake.url + "/drip", timeout=1.0)
    assert time.perf_counter() - t0 < 3
    assert (res.status, res.note) == ("unreachable", "body not complete after 1.0 s")  # type: ignore[attr-defined]


def test_huge_body_stops_at_the_cap(fake: FakeServices, cache_dir: str) -> None:
    sent = []

    def huge(_r: Request) -> Response:
        def gen() -> Iterator[bytes]:
            yield b"<html><head><title>Big page about drones</title></head><body>"
            for _ in range(32 * 1024):  # 2 GiB if read to the end
                sent.append(1)
                yield b"x" * 65536

        return Response(
            gen(), content_type="text/html", headers={"Content-Length": str(2 * 1024**3)}
        )

    fake.pages["/huge"] = huge
    t0 = time.perf_counter()
    res = one_url(
        fake,
        cache_dir,
        fake.url + "/huge",
        title="Big page about drones",
        max_body_bytes=256 * 1024,
    )
    assert time.perf_counter() - t0 < 5
    assert res.status == "ok"  # type: ignore[attr-defined]
    assert "stopped reading" in res.note  # type: ignore[attr-defined]
    assert len(sent) < 100


def test_huge_service_body_is_unreachable_not_a_crash(fake: FakeServices, cache_dir: str) -> None:
    fake.pages["/crossref/works/10.1000/big"] = lambda _r: Response(
        (b"x" * 65536 for _ in range(200)), content_type="application/json"
    )
    (res,) = Resolver(fake.settings(cache_dir, max_body_bytes=100_000)).resolve(
        [ref(1, doi="10.1000/big")]
    )
    assert (res.status, res.note) == (
        "unreachable", "Crossref: malformed answer: answer larger than the size cap")


def test_connection_reset(fake: FakeServices, cache_dir: str) -> None:
    server = ResetServer()
    try:
        t0 = time.perf_counter()
        res = one_url(fake, cache_dir, f"http://127.0.0.1:{server.port}/x")
        assert time.perf_counter() - t0 < 5
        assert res.status == "unreachable"  # type: ignore[attr-defined]
        assert "reset" in res.note.lower() or "aborted" in res.note.lower()  # type: ignore[attr-defined]
        assert server.accepted == 2  # one retry after a reset
    finally:
        server.close()


def test_services_unreachable(cache_dir: str, fake: FakeServices) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    settings = fake.settings(
        cache_dir, crossref_url=f"http://127.0.0.1:{port}", doi_url=f"http://127.0.0.1:{port}"
    )
    (res,) = Resolver(settings).resolve([ref(1, doi="10.2307/2539204")])
    assert res.status == "unreachable" and "refused" in res.note


def test_dns_failure(fake: FakeServices, cache_dir: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*_a: object, **_k: object) -> list[object]:
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    res = one_url(fake, cache_dir, "https://no-such-host.invalid/page")
    assert (res.status, res.note) == ("unreachable", "DNS lookup failed for no-such-host.invalid")  # type: ignore[attr-defined]


# -- pages --------------------------------------------------------------------------------------


def test_page_title_matches(fake: FakeServices, cache_dir: str) -> None:
    fake.page(
        "/a",
        body="<html><head><title>Drones in the war | Military Magazine</title>"
        "</head><body></body></html>",
    )
    res = one_url(fake, cache_dir, fake.url + "/a", "Drones in the war")
    assert (res.status, res.diffs, res.http_status) == ("ok", (), 200)  # type: ignore[attr-defined]
    assert ("page_title", "Drones in the war | Military Magazine") in res.metadata  # type: ignore[attr-defined]


def test_page_title_mismatch_like_the_weather_page(fake: FakeServices, cache_dir: str) -> None:
    fake.page(
        "/canliyayin/697207-hava-durumu",
        body="<title>Hava Durumu - İstanbul hava durumu - Habertürk</title>",
    )
    title = "Aliyev, Habertürk'e konuştu: Türkiye olmadan sorun çözülemez"
    res = one_url(fake, cache_dir, fake.url + "/canliyayin/697207-hava-durumu", title)
    assert res.status == "mismatch"  # type: ignore[attr-defined]
    (diff,) = res.diffs  # type: ignore[attr-defined]
    assert (diff.field, diff.entry, diff.service) == (
        "title",
        title,
        "Hava Durumu - İstanbul hava durumu - Habertürk",
    )


@pytest.mark.parametrize("code", [404, 410])
def test_dead_link_with_archive_suggestion(fake: FakeServices, cache_dir: str, code: int) -> None:
    url = fake.url + "/gone"
    fake.page("/gone", status=code, body="gone")
    fake.archive[url] = "http://web.archive.org/web/2020/" + url
    res = one_url(fake, cache_dir, url, "Anything")
    assert (res.status, res.http_status) == ("dead", code)  # type: ignore[attr-defined]
    assert res.suggestion == "http://web.archive.org/web/2020/" + url  # type: ignore[attr-defined]


def test_soft_404(fake: FakeServices, cache_dir: str) -> None:
    fake.page("/soft", body="<title>Sayfa bulunamadı</title>")
    res = one_url(fake, cache_dir, fake.url + "/soft", "Dışişleri Bakanı Çavuşoğlu")
    assert res.status == "dead" and res.note.startswith("soft 404")  # type: ignore[attr-defined]


@pytest.mark.parametrize("code", [401, 403, 451])
def test_blocked_is_not_dead(fake: FakeServices, cache_dir: str, code: int) -> None:
    fake.page("/paywall", status=code, body="no")
    res = one_url(fake, cache_dir, fake.url + "/paywall")
    assert (res.status, res.http_status) == ("blocked", code)  # type: ignore[attr-defined]


def test_web_429_is_blocked_after_backoff(fake: FakeServices, cache_dir: str) -> None:
    fake.page("/busy", status=429, body="slow down", headers={"Retry-After": "0"})
    res = one_url(fake, cache_dir, fake.url + "/busy", max_retries=1)
    assert (res.status, res.http_status) == ("rate_limited", 429)  # type: ignore[attr-defined]


def test_permanent_redirect_is_moved(fake: FakeServices, cache_dir: str) -> None:
    fake.page("/old", status=301, body="", headers={"Location": "/new/place"})
    fake.page("/new/place", body="<title>Neoclassical realism</title>")
    res = one_url(fake, cache_dir, fake.url + "/old", "Neoclassical realism")
    assert res.status == "moved"  # type: ignore[attr-defined]
    assert res.final_url == fake.url + "/new/place"  # type: ignore[attr-defined]
    assert res.redirects == (fake.url + "/new/place",)  # type: ignore[attr-defined]
    assert ("moved_to", fake.url + "/new/place") in res.metadata  # type: ignore[attr-defined]


def test_temporary_redirect_chain_is_ok(fake: FakeServices, cache_dir: str) -> None:
    fake.page("/r1", status=302, headers={"Location": "/r2"})
    fake.page("/r2", status=307, headers={"Location": fake.url + "/final"})
    fake.page("/final", body="<title>Final</title>")
    res = one_url(fake, cache_dir, fake.url + "/r1", "Final")
    assert res.status == "ok" and len(res.redirects) == 2  # type: ignore[attr-defined]


def test_redirect_loop(fake: FakeServices, cache_dir: str) -> None:
    fake.page("/loop1", status=302, headers={"Location": "/loop2"})
    fake.page("/loop2", status=302, headers={"Location": "/loop1"})
    t0 = time.perf_counter()
    res = one_url(fake, cache_dir, fake.url + "/loop1")
    assert time.perf_counter() - t0 < 3
    assert res.status == "dead" and res.note.startswith("redirect loop")  # type: ignore[attr-defined]


def test_too_many_redirects(fake: FakeServices, cache_dir: str) -> None:
    for i in range(20):
        fake.page(f"/hop{i}", status=302, headers={"Location": f"/hop{i + 1}"})
    res = one_url(fake, cache_dir, fake.url + "/hop0", max_redirects=5)
    assert (res.status, res.note) == ("dead", "more than 5 redirects")  # type: ignore[attr-defined]


# -- SSRF ---------------------------------------------------------------------------------------


def test_loopback_refused_without_allow_local_urls(fake: FakeServices, cache_dir: str) -> None:
    fake.page("/secret", body="<title>internal</title>")
    for url in (fake.url + "/secret", f"http://localhost:{fake.server.port}/secret"):
        res = one_url(fake, cache_dir, url, allow_local_urls=False)
        assert res.status == "invalid" and res.note.startswith("refused: loopback")  # type: ignore[attr-defined]
    assert "/secret" not in fake.log


def test_metadata_address_refused_even_with_allow_local(fake: FakeServices, cache_dir: str) -> None:
    res = one_url(fake, cache_dir, "http://169.254.169.254/latest/meta-data/")
    assert (res.status, res.note) == ("invalid", "refused: cloud metadata address")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/admin",
        "http://[fe80::1]/",
        "http://[::ffff:169.254.169.254]/",
        "file:///etc/passwd",
    ],
)
def test_redirect_to_forbidden_address_refused(
    fake: FakeServices, cache_dir: str, target: str
) -> None:
    fake.page("/jump", status=302, headers={"Location": target})
    res = one_url(fake, cache_dir, fake.url + "/jump")
    assert res.status == "invalid" and res.note.startswith("refused:")  # type: ignore[attr-defined]
    assert res.redirects == (target,)  # type: ignore[attr-defined]


def test_dns_rebinding_checked_at_connect_time(
    fake: FakeServices, cache_dir: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A public-looking name that resolves to loopback is refused after DNS, before connecting."""
    real = socket.getaddrinfo

    def rebind(host: str, port: int, *a: Any, **k: Any) -> Any:
        if host == "innocent.example":
            return real("127.0.0.1", port, *a, **k)
        return real(host, port, *a, **k)

    monkeypatch.setattr(socket, "getaddrinfo", rebind)
    fake.page("/secret", body="<title>internal</title>")
    res = one_url(
        fake,
        cache_dir,
        f"http://innocent.example:{fake.server.port}/secret",
        allow_local_urls=False,
    )
    assert res.status == "invalid"  # type: ignore[attr-defined]
    assert res.note == "refused: innocent.example -> 127.0.0.1 (loopback address)"  # type: ignore[attr-defined]
    assert "/secret" not in fake.log


def test_credentials_in_url_refused(fake: FakeServices, cache_dir: str) -> None:
    res = one_url(fake, cache_dir, f"http://user:pw@127.0.0.1:{fake.server.port}/x")
    assert (res.status, res.note) == ("invalid", "refused: credentials in URL")  # type: ignore[attr-defined]


def test_doi_org_urls_are_checked_as_dois(fake: FakeServices, cache_dir: str) -> None:
    out = Resolver(fake.settings(cache_dir)).resolve(
        [ref(1, url="https://doi.org/10.1371/notarealdoi", date=PartialDate(2020))]
    )
    assert [(r.kind, r.status) for r in out] == [("doi", "not_found")]


def test_many_hosts_respect_per_host_limit(fake: FakeServices, cache_dir: str) -> None:
    fake.latency = 0.05
    fake.page("/p", body="<title>Page</title>")
    port = fake.server.port  # "localhost" is another host than the services' 127.0.0.1
    refs = [ref(i, url=f"http://localhost:{port}/p?i={i}", title="Page") for i in range(1, 41)]
    r = Resolver(fake.settings(cache_dir, host_concurrency=4, workers=16))
    out = r.resolve(refs)
    assert {x.status for x in out} == {"ok"}
    assert fake.peak == 4
    assert r.last_client is not None and r.last_client.limiter.max_active(f"localhost:{port}") == 4
