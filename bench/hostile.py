"""Hostile and failing networks (issue 19): how long a run takes when nothing answers properly.

* the seed manuscript checked (``refcheck check``, in process) while every name lookup hangs, as
  on a black-holed network: target <= 10 s, one R802 summary line;
* a server dripping its headers one byte at a time, ``--deadline 2``: how far past the deadline
  the resolve stage ends (target <= 1 s);
* 500 DOIs against a service that accepts connections and never answers;
* bytes stored in the cache for 20 web pages of 3 MB each (before: 2 MiB per page).

Local sockets only; the hanging lookups are a patched ``socket.getaddrinfo``, so nothing leaves
the machine.
"""

from __future__ import annotations

import contextlib
import io
import ipaddress
import os
import socket
import sqlite3
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from refcheck.model import Reference, Span
from refcheck.resolve import Resolver, ResolverSettings

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "turan-2025-asya-studies.txt"


def _ref(i: int, **kw: Any) -> Reference:
    return Reference(index=i, raw=f"entry {i}", span=Span(i * 10, i * 10 + 5), line=i, **kw)


class _Socket:
    """Accepts connections; ``drip`` sends a byte every 0.2 s, otherwise it never answers."""

    def __init__(self, drip: bool) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(512)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.drip = drip
        self.stop = threading.Event()
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.held.append(conn)
            if self.drip:
                threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn: socket.socket) -> None:
        payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Pad: " + b"a" * 10_000
        with contextlib.suppress(OSError):
            conn.recv(65536)
            for i in range(len(payload)):
                if self.stop.is_set():
                    return
                conn.sendall(payload[i: i + 1])
                time.sleep(0.2)

    def close(self) -> None:
        self.stop.set()
        for c in self.held:
            with contextlib.suppress(OSError):
                c.close()
        self.sock.close()


def _blackholed_seed() -> tuple[float, int, int]:
    """Seconds, exit code and R802 lines of ``refcheck check seed`` with hanging lookups."""
    from refcheck import cli

    real = socket.getaddrinfo

    def hang(host: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            ipaddress.ip_address(str(host).split("%", 1)[0])
        except ValueError:
            time.sleep(120)
            raise socket.gaierror(-3, "Temporary failure in name resolution") from None
        return real(host, *args, **kwargs)

    out = io.StringIO()
    old_env = os.environ.get("REFCHECK_CACHE_DIR")
    os.environ["REFCHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="refcheck-bench-")
    socket.getaddrinfo = hang  # type: ignore[assignment]
    try:
        with contextlib.redirect_stdout(out):
            t0 = time.perf_counter()
            code = cli.main(["check", str(SEED), "--no-progress", "--require-network"])
            elapsed = time.perf_counter() - t0
    finally:
        socket.getaddrinfo = real  # type: ignore[assignment]
        if old_env is None:
            os.environ.pop("REFCHECK_CACHE_DIR", None)
        else:
            os.environ["REFCHECK_CACHE_DIR"] = old_env
    r802 = sum(" R802 " in line for line in out.getvalue().splitlines())
    return elapsed, code, r802


def _settings(base: str, **kw: Any) -> ResolverSettings:
    return ResolverSettings(crossref_url=base + "/crossref", doi_url=base + "/doi",
                            datacite_url=base + "/dc", archive_url=base + "/wb",
                            cache_dir=tempfile.mkdtemp(prefix="refcheck-bench-"),
                            allow_local_urls=True, **kw)


def _pages_server(size: int) -> tuple[ThreadingHTTPServer, int]:
    body = b"<html><head><title>A page about drones</title></head><body>" + b"x" * size

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_a: Any) -> None:
            pass

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(OSError):
                self.wfile.write(body)

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    srv.handle_error = lambda *_a: None  # type: ignore[method-assign]  # clients stop reading
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, srv.server_address[1]


def run(quick: bool = False) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    seconds, code, r802 = _blackholed_seed()
    rows.append({"metric": "blackholed_seed_check", "value": seconds, "unit": "s",
                 "note": f"every lookup hangs; target <= 10 s; exit {code} (--require-network), "
                         f"{r802} R802 line(s)"})

    drip = _Socket(drip=True)
    try:
        base = f"http://127.0.0.1:{drip.port}"
        refs = [_ref(i, doi=f"10.1000/x{i}", url=f"{base}/p{i}") for i in range(1, 9)]
        t0 = time.perf_counter()
        Resolver(_settings(base, timeout=5.0, deadline=2.0)).resolve(refs)
        over = time.perf_counter() - t0 - 2.0
    finally:
        drip.close()
    rows.append({"metric": "slow_headers_past_deadline", "value": over, "unit": "s",
                 "note": "headers dripped 1 byte / 0.2 s, timeout 5 s, deadline 2 s; "
                         "target <= 1 s"})

    pit = _Socket(drip=False)
    try:
        base = f"http://127.0.0.1:{pit.port}"
        n = 100 if quick else 500
        t0 = time.perf_counter()
        Resolver(_settings(base, timeout=2.0)).resolve(
            [_ref(i, doi=f"10.1000/{i}") for i in range(1, n + 1)])
        pit_t = time.perf_counter() - t0
    finally:
        pit.close()
    rows.append({"metric": "tarpit_service_dois", "value": pit_t, "unit": "s",
                 "note": f"{n} DOIs, service accepts and never answers, timeout 2 s"})

    srv, port = _pages_server(3_000_000)
    try:
        settings = _settings(f"http://127.0.0.1:{port}", search_missing_dois=False)
        Resolver(settings).resolve([_ref(i, url=f"http://127.0.0.1:{port}/p{i}")
                                    for i in range(1, 21)])
        with sqlite3.connect(settings.cache_path) as db:
            stored = db.execute("SELECT SUM(LENGTH(body)) FROM responses").fetchone()[0] or 0
    finally:
        srv.shutdown()
        srv.server_close()
    rows.append({"metric": "cache_bytes_20_pages_of_3MB", "value": stored / 2**20, "unit": "MiB",
                 "note": "only what the page parser reads is stored (was 2 MiB per page)"})
    return rows


if __name__ == "__main__":
    for row in run():
        print(f"{row['metric']:32} {row['value']:10.3f} {row['unit']:6} {row['note']}")
