"""Local stand-ins for Crossref, doi.org (handles, doiRA), DataCite, Wayback and web pages.

They answer in the services' real formats: Crossref bodies and headers are replayed from
recordings in ``tests/data/services`` (habanero cassettes, Crossref's matcher test resources);
handle, doiRA and DataCite bodies follow their published formats (services.md §2).
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from refcheck.model import Reference, Span
from refcheck.resolve import ResolverSettings

DATA = Path(__file__).parent / "data" / "services"
RATE_HEADERS = {
    "x-rate-limit-limit": "10",
    "x-rate-limit-interval": "1s",
    "x-concurrency-limit": "3",
    "x-api-pool": "polite",
}


def recorded(name: str) -> list[dict[str, Any]]:
    """Exchanges of one recorded cassette (request, response with decoded body)."""
    data: list[dict[str, Any]] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return data


def recorded_work(name: str = "test_works_with_one_id.json", i: int = 0) -> dict[str, Any]:
    msg: dict[str, Any] = json.loads(recorded(name)[i]["response"]["body"])["message"]
    return msg


def recorded_headers(name: str = "test_works_with_one_id.json", i: int = 0) -> dict[str, str]:
    """The real response headers minus transport ones the local server sets itself."""
    h = recorded(name)[i]["response"]["headers"]
    skip = {"content-encoding", "content-length", "connection", "transfer-encoding", "vary"}
    return {k: v for k, v in h.items() if k.lower() not in skip}


def search_response(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return data


@dataclass
class FakeServices:
    """One threaded server playing every service; tests fill the dictionaries."""

    server: HTTPServer
    works: dict[str, dict[str, Any]] = field(default_factory=dict)  # lowercased DOI -> message
    handles: dict[str, int] = field(default_factory=dict)  # DOI -> responseCode (absent: 100)
    agencies: dict[str, str] = field(default_factory=dict)  # DOI -> RA
    datacite: dict[str, dict[str, Any]] = field(default_factory=dict)  # DOI -> attributes
    searches: dict[str, dict[str, Any]] = field(default_factory=dict)  # title substring -> body
    archive: dict[str, str] = field(default_factory=dict)  # URL -> snapshot URL
    pages: dict[str, Callable[[Request], Response]] = field(default_factory=dict)
    crossref_headers: dict[str, str] = field(default_factory=lambda: dict(RATE_HEADERS))
    latency: float = 0.0
    max_concurrent: int = 0  # 0: unlimited; else 429 above it
    log: list[str] = field(default_factory=list)
    times: list[float] = field(default_factory=list)  # wall-clock arrival of each request
    active: int = 0
    peak: int = 0
    rejected: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.port}"

    def settings(self, cache_dir: str, **kw: Any) -> ResolverSettings:
        base: dict[str, Any] = {
            "crossref_url": self.url + "/crossref",
            "doi_url": self.url + "/doi",
            "datacite_url": self.url + "/datacite",
            "archive_url": self.url + "/wayback/available",
            "cache_dir": cache_dir,
            "allow_local_urls": True,
            "timeout": 2.0,
            "deadline": 20.0,
            "mailto": "test@example.org",
            "service_rate": 200.0,
        }
        base.update(kw)
        return ResolverSettings(**base)

    def page(
        self,
        path: str,
        status: int = 200,
        body: str = "",
        headers: dict[str, str] | None = None,
        content_type: str = "text/html; charset=utf-8",
    ) -> None:
        def handler(_req: Request) -> Response:
            return Response(body, status=status, headers=headers or {}, content_type=content_type)

        self.pages[path] = handler

    # -- dispatch ----------------------------------------------------------------------
    def handle(self, req: Request) -> Response:
        with self._lock:
            self.log.append(req.full_path if req.query_string else req.path)
            self.times.append(time.time())
            self.active += 1
            self.peak = max(self.peak, self.active)
            over = self.max_concurrent and self.active > self.max_concurrent
            if over:
                self.rejected += 1
        try:
            if over:
                return Response(
                    "<html><body><h1>429 Too Many Requests</h1></body></html>",
                    status=429,
                    content_type="text/html",
                    headers=self.crossref_headers,
                )
            if self.latency:
                time.sleep(self.latency)
            return self._route(req)
        finally:
            with self._lock:
                self.active -= 1

    def _json(
        self,
        body: Any,
        status: int = 200,
        headers: dict[str, str] | None = None,
        content_type: str = "application/json",
    ) -> Response:
        return Response(
            json.dumps(body), status=status, headers=headers or {}, content_type=content_type
        )

    def _route(self, req: Request) -> Response:
        path = req.path
        if path in self.pages:
            return self.pages[path](req)
        if path.startswith("/crossref/works/"):
            doi = path[len("/crossref/works/") :].lower()
            if doi in self.works:
                return self._json(
                    {
                        "status": "ok",
                        "message-type": "work",
                        "message-version": "1.0.0",
                        "message": self.works[doi],
                    },
                    headers=self.crossref_headers,
                )
            return Response(
                "Resource not found.",
                status=404,
                content_type="text/plain",
                headers=self.crossref_headers,
            )
        if path == "/crossref/works" and "filter" in req.args:
            dois = [f.split(":", 1)[1].lower() for f in req.args["filter"].split(",")]
            items = [self.works[d] for d in dois if d in self.works]
            return self._json(
                {
                    "status": "ok",
                    "message-type": "work-list",
                    "message-version": "1.0.0",
                    "message": {
                        "items-per-page": len(dois),
                        "items": items,
                        "total-results": len(items),
                    },
                },
                headers=self.crossref_headers,
            )
        if path == "/crossref/works" and "query.bibliographic" in req.args:
            q = req.args["query.bibliographic"]
            for key, body in self.searches.items():
                if key in q:
                    return self._json(body, headers=self.crossref_headers)
            return self._json(
                {
                    "status": "ok",
                    "message-type": "work-list",
                    "message-version": "1.0.0",
                    "message": {"items": [], "total-results": 0},
                },
                headers=self.crossref_headers,
            )
        if path.startswith("/doi/api/handles/"):
            doi = path[len("/doi/api/handles/") :]
            code = self.handles.get(doi.lower(), 100)
            if code == 100:
                return self._json({"responseCode": 100, "handle": doi}, status=404)
            values = [
                {
                    "index": 1,
                    "type": "URL",
                    "data": {"format": "string", "value": f"{self.url}/landing"},
                    "ttl": 86400,
                    "timestamp": "2020-01-01T00:00:00Z",
                }
            ]
            return self._json(
                {"responseCode": code, "handle": doi, **({"values": values} if code == 1 else {})}
            )
        if path.startswith("/doi/doiRA/"):
            doi = path[len("/doi/doiRA/") :]
            ra = self.agencies.get(doi.lower())
            row = {"DOI": doi, "RA": ra} if ra else {"DOI": doi, "status": "DOI does not exist"}
            return self._json([row])
        if path.startswith("/datacite/dois/"):
            doi = path[len("/datacite/dois/") :].lower()
            if doi in self.datacite:
                return self._json(
                    {"data": {"id": doi, "type": "dois", "attributes": self.datacite[doi]}},
                    content_type="application/vnd.api+json",
                )
            return self._json(
                {
                    "errors": [
                        {
                            "status": "404",
                            "title": "The resource you are looking for doesn't exist.",
                        }
                    ]
                },
                status=404,
            )
        if path == "/wayback/available":
            target = req.args.get("url", "")
            snap = self.archive.get(target)
            closest = (
                {
                    "closest": {
                        "status": "200",
                        "available": True,
                        "url": snap,
                        "timestamp": "20200101000000",
                    }
                }
                if snap
                else {}
            )
            return self._json({"url": target, "archived_snapshots": closest})
        return Response(
            "<html><head><title>404 Not Found</title></head></html>",
            status=404,
            content_type="text/html",
        )


def new_server() -> HTTPServer:
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    return server


def attach(server: HTTPServer) -> FakeServices:
    """Fresh service state on a running server (servers are shared: stopping one takes 0.5 s)."""
    server.clear()
    fake = FakeServices(server)
    server.expect_request(re.compile(".*")).respond_with_handler(fake.handle)
    return fake


def start_services() -> FakeServices:
    return attach(new_server())


def stop_services(fake: FakeServices) -> None:
    fake.server.clear()
    if fake.server.is_running():
        fake.server.stop()


def ref(index: int = 1, **kw: Any) -> Reference:
    """A parsed reference with only the fields a test cares about."""
    raw = kw.pop("raw", kw.get("title", "") or f"entry {index}")
    return Reference(index=index, raw=raw, span=Span(index * 10, index * 10 + 5), line=index, **kw)


class RawServer:
    """A local TCP server on a free port that hands every accepted connection to ``serve`` on
    its accept thread: the raw socket servers (reset, drip, tarpit) differ only in that.
    Subclasses set what ``serve`` needs before calling ``__init__``, which starts the thread."""

    def __init__(self, backlog: int = 64) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(backlog)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.accepted += 1
            self.serve(conn)

    def serve(self, conn: socket.socket) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self._stop.set()
        self.thread.join(timeout=2)
        self.sock.close()


class ResetServer(RawServer):
    """A raw socket server that accepts and immediately resets every connection."""

    def __init__(self) -> None:
        super().__init__(backlog=16)

    def serve(self, conn: socket.socket) -> None:
        with contextlib.suppress(OSError):
            conn.recv(1024)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.close()


def drip(chunks: Iterator[bytes] | list[bytes], pause: float) -> Iterator[bytes]:
    for c in chunks:
        yield c
        time.sleep(pause)
