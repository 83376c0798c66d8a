"""Resolve stage: 500 DOIs and 200 URLs against local servers with 100 ms latency.

The DOI server plays Crossref's polite pool: it advertises ``x-concurrency-limit: 3`` and
``x-rate-limit-limit: 10`` per second and answers 429 to a fourth simultaneous request. Cold runs
start from an empty cache; warm runs reuse it and must make zero requests. The URL benchmark spreads
200 URLs over 20 "hosts" (distinct ports) that each refuse more than 10 simultaneous requests.
Medians of 5 runs.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from refcheck.model import Reference, Span
from refcheck.resolve import Resolver, ResolverSettings

LATENCY = 0.1


class _Server:
    """A threaded local server counting simultaneous requests; 429 above ``limit``."""

    def __init__(self, limit: int, headers: dict[str, str]) -> None:
        self.limit, self.extra = limit, headers
        self.active = self.peak = self.rejected = self.requests = 0
        self.lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_a: Any) -> None:
                pass

            def do_GET(self) -> None:
                with outer.lock:
                    outer.requests += 1
                    outer.active += 1
                    outer.peak = max(outer.peak, outer.active)
                    over = outer.active > outer.limit
                    outer.rejected += over
                try:
                    time.sleep(LATENCY)
                    status, ctype, body = (429, "text/html", b"Too Many Requests") if over \
                        else outer.answer(self.path)
                    self.send_response(status)
                    for k, v in outer.extra.items():
                        self.send_header(k, v)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                finally:
                    with outer.lock:
                        outer.active -= 1

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def answer(self, path: str) -> tuple[int, str, bytes]:
        parts = urlsplit(path)
        if parts.path == "/works":
            filt = parse_qs(parts.query).get("filter", [""])[0]
            dois = [f.split(":", 1)[1] for f in filt.split(",") if ":" in f]
            items = [{"DOI": d, "title": [f"Work {d}"], "type": "journal-article",
                      "author": [{"family": "Author", "sequence": "first"}],
                      "issued": {"date-parts": [[2020]]}} for d in dois]
            body = {"status": "ok", "message-type": "work-list",
                    "message": {"items": items, "total-results": len(items)}}
            return 200, "application/json", json.dumps(body).encode()
        title = f"Page {parts.path.strip('/')}"
        return 200, "text/html", f"<html><head><title>{title}</title></head></html>".encode()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _ref(i: int, **kw: Any) -> Reference:
    return Reference(index=i, raw=f"entry {i}", span=Span(0, 1), line=1, **kw)


def _median_run(resolver_factory: Any, refs: list[Reference], runs: int) -> tuple[float, list[int]]:
    times: list[float] = []
    reqs: list[int] = []
    for _ in range(runs):
        resolver = resolver_factory()
        t0 = time.perf_counter()
        out = resolver.resolve(refs)
        times.append(time.perf_counter() - t0)
        reqs.append(resolver.stats.requests)
        bad = [r for r in out if r.status != "ok"]
        if bad:
            raise RuntimeError(f"benchmark run failed: {bad[0]}")
    return statistics.median(times), reqs


def run(quick: bool = False) -> list[dict[str, Any]]:
    n_doi, n_url, n_hosts, runs = (100, 60, 6, 5) if quick else (500, 200, 20, 5)
    rows: list[dict[str, Any]] = []
    crossref = _Server(3, {"x-concurrency-limit": "3", "x-rate-limit-limit": "10",
                           "x-rate-limit-interval": "1s", "x-api-pool": "polite"})
    hosts = [_Server(10, {}) for _ in range(n_hosts)]
    try:
        base = f"http://127.0.0.1:{crossref.port}"
        doi_refs = [_ref(i, doi=f"10.5555/bench.{i}", title=f"Work 10.5555/bench.{i}", year=2020)
                    for i in range(1, n_doi + 1)]
        cold_dirs: list[str] = []

        def cold() -> Resolver:
            d = tempfile.mkdtemp(prefix="refcheck-bench-")
            cold_dirs.append(d)
            return Resolver(ResolverSettings(crossref_url=base, doi_url=base, datacite_url=base,
                                             cache_dir=d, mailto="bench@example.org"))

        cold_t, cold_reqs = _median_run(cold, doi_refs, runs)
        warm_dir = cold_dirs[-1]

        def warm() -> Resolver:
            return Resolver(ResolverSettings(crossref_url=base, doi_url=base, datacite_url=base,
                                             cache_dir=warm_dir, mailto="bench@example.org"))

        warm_t, warm_reqs = _median_run(warm, doi_refs, runs)
        note = f"{n_doi} DOIs, 100 ms latency, server refuses >3 concurrent"
        rows += [
            {"metric": "resolve_doi_cold", "value": cold_t, "unit": "s",
             "note": f"{note}; target <= 3 s; {cold_reqs[0]} requests (filter=doi: batches)"},
            {"metric": "resolve_doi_warm", "value": warm_t, "unit": "s",
             "note": f"same DOIs from the cache; target < 0.3 s; requests {max(warm_reqs)}"},
            {"metric": "resolve_doi_warm_requests", "value": float(max(warm_reqs)),
             "unit": "requests", "note": "must be 0"},
            {"metric": "resolve_doi_server_429", "value": float(crossref.rejected),
             "unit": "responses", "note": f"peak concurrency seen by the server {crossref.peak}"},
        ]
        per_host = n_url // n_hosts  # listed host by host: the resolver must interleave them
        url_refs = [_ref(i, url=f"http://127.0.0.1:{hosts[(i - 1) // per_host].port}/p{i}",
                         title=f"Page p{i}") for i in range(1, n_url + 1)]

        def url_cold() -> Resolver:
            d = tempfile.mkdtemp(prefix="refcheck-bench-")
            return Resolver(ResolverSettings(crossref_url=base, doi_url=base, datacite_url=base,
                                             cache_dir=d, allow_local_urls=True,
                                             search_missing_dois=False))

        url_t, _ = _median_run(url_cold, url_refs, runs)
        rows += [
            {"metric": "resolve_url_cold", "value": url_t, "unit": "s",
             "note": f"{n_url} URLs over {n_hosts} hosts, 100 ms latency; target <= 3 s"},
            {"metric": "resolve_url_max_host_concurrency",
             "value": float(max(h.peak for h in hosts)), "unit": "requests",
             "note": f"limit 10 per host; 429s: {sum(h.rejected for h in hosts)}"},
        ]
    finally:
        crossref.close()
        for h in hosts:
            h.close()
    return rows


if __name__ == "__main__":
    for row in run():
        print(f"{row['metric']:36} {row['value']:10.4f} {row['unit']:9} {row['note']}")
