"""The HTTP edge: one pooled session per trust level, per-host politeness, body caps, retries.

Every request goes through :meth:`HttpClient.fetch`, which never raises for network trouble: it
returns a :class:`FetchResult` whose ``fault`` says what went wrong (timeout, unreachable,
offline, blocked, rate_limited, deadline, malformed). Retries honour ``Retry-After`` up to a cap
and back off with jitter otherwise; a per-host limiter keeps to the rate and concurrency the
server advertises. Sockets, the SSRF guard and the per-request wall are in
:mod:`refcheck.resolve.connect`.
"""

from __future__ import annotations

import contextlib
import email.utils
import os
import random
import re
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests

from refcheck.resolve.cache import CachedEntry, ResponseCache, cache_key, open_when_free
from refcheck.resolve.connect import (
    TRANSITION_PREFIXES,
    BlockedAddressError,
    Deadline,
    GuardedAdapter,
    Reachability,
    Watchdog,
    _blocked_reason,
    _Watch,
    blocked_ip_reason,
    vet_url,
)
from refcheck.resolve.settings import ResolverSettings
from refcheck.resolve.targets import NETWORK_DOWN

__all__ = [
    "DAY", "TRANSITION_PREFIXES", "BlockedAddressError", "Deadline", "FetchResult",
    "GuardedAdapter", "HttpClient", "blocked_ip_reason", "parse_retry_after", "vet_url",
]

RETRY_STATUSES = frozenset({429, 503})
TRANSIENT_STATUSES = frozenset({500, 502, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})

DAY = 86400.0


# --------------------------------------------------------------------------- per-host limiter


def _parse_interval(value: str) -> float | None:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*", value or "")
    if not m:
        return None
    n = float(m.group(1))
    return n * {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}[m.group(2) or "s"]


def _int_header(headers: dict[str, str], name: str) -> int | None:
    raw = headers.get(name, "").strip()
    return int(raw) if raw.isdigit() and int(raw) > 0 else None


class SharedRateWindow:
    """The rate windows of the service hosts, shared by every process using one cache dir.

    A batch job running several refcheck processes must stay within one polite budget per
    service: each request is recorded in a small SQLite table (wall-clock timestamps), and a
    process may send only while fewer than ``rate`` requests of *any* process fall in the last
    ``interval``. Concurrency caps stay per process. Any SQLite trouble disables the sharing
    (the per-process limits still hold) rather than failing the run.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        try:
            self._conn = open_when_free(lambda: self._connect(path))
        except sqlite3.Error:
            self._conn = None

    @staticmethod
    def _connect(path: str) -> sqlite3.Connection:
        conn = sqlite3.connect(path, timeout=5.0, check_same_thread=False, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("CREATE TABLE IF NOT EXISTS sent (host TEXT NOT NULL, ts REAL NOT NULL)")
            conn.execute("CREATE INDEX IF NOT EXISTS sent_host_ts ON sent (host, ts)")
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    def take(self, host: str, rate: float, interval: float) -> float:
        """Record a request and return 0, or return how long to wait before asking again."""
        with self._lock:
            conn = self._conn
            if conn is None:
                return 0.0
            now = time.time()
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    conn.execute("DELETE FROM sent WHERE host = ? AND ts <= ?",
                                 (host, now - max(interval, 60.0)))
                    count, first = conn.execute(
                        "SELECT COUNT(*), MIN(ts) FROM sent WHERE host = ? AND ts > ?",
                        (host, now - interval)).fetchone()
                    if count < rate:
                        conn.execute("INSERT INTO sent VALUES (?, ?)", (host, now))
                        wait = 0.0
                    else:
                        wait = max(0.001, float(first) + interval - now)
                finally:
                    conn.execute("COMMIT")
            except sqlite3.Error:
                self._conn = None
                return 0.0
            return wait

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.close()
                self._conn = None


@dataclass
class _Host:
    cap: int  # configured upper bound
    limit: int  # current concurrency limit
    rate: float  # requests per interval (0: unlimited)
    interval: float
    seen: bool  # a response arrived, so the server's headers are known
    active: int = 0
    max_active: int = 0
    paused_until: float = 0.0
    sent: deque[float] = field(default_factory=deque)


class HostLimiter:
    """Per-host concurrency and rate, following ``x-concurrency-limit`` / ``x-rate-limit-*``.

    A service host starts with one request in flight until the first response shows the
    server's limits, then uses ``min(configured, advertised)``: never more than either says.
    With a :class:`SharedRateWindow` the rate budget is shared by every process using the same
    cache dir; concurrency stays per process.
    """

    def __init__(self, default_concurrency: int = 10,
                 shared: SharedRateWindow | None = None) -> None:
        self.default_concurrency = max(1, default_concurrency)
        self.shared = shared
        self._lock = threading.Lock()
        self._cond = threading.Condition(self._lock)
        self._hosts: dict[str, _Host] = {}

    def configure(self, host: str, concurrency: int, rate: float, probe: bool) -> None:
        with self._lock:
            if host not in self._hosts:
                self._hosts[host] = _Host(cap=max(1, concurrency),
                                          limit=1 if probe else max(1, concurrency),
                                          rate=rate, interval=1.0, seen=not probe)

    def _get(self, host: str) -> _Host:
        h = self._hosts.get(host)
        if h is None:
            n = self.default_concurrency
            h = self._hosts[host] = _Host(cap=n, limit=n, rate=0.0, interval=1.0, seen=True)
        return h

    def acquire(self, host: str, until: float) -> bool:
        """Wait for a slot (False when the deadline ``until`` (monotonic) passes first)."""
        with self._cond:
            h = self._get(host)
            while True:
                now = time.monotonic()
                if now >= until:
                    return False
                wait = 0.0
                if h.active >= h.limit:
                    wait = until - now
                elif h.paused_until > now:
                    wait = h.paused_until - now
                elif h.rate > 0:
                    while h.sent and h.sent[0] <= now - h.interval:
                        h.sent.popleft()
                    if len(h.sent) >= h.rate:
                        wait = h.sent[0] + h.interval - now
                    elif self.shared is not None:
                        wait = self.shared.take(host, h.rate, h.interval)
                if wait <= 0:
                    h.active += 1
                    h.max_active = max(h.max_active, h.active)
                    if h.rate > 0:
                        h.sent.append(now)
                    return True
                self._cond.wait(min(wait, until - now, 1.0))

    def release(self, host: str, headers: dict[str, str] | None) -> None:
        with self._cond:
            h = self._get(host)
            h.active = max(0, h.active - 1)
            if headers is not None:
                conc = _int_header(headers, "x-concurrency-limit")
                if not h.seen:
                    h.seen = True
                    h.limit = h.cap
                if conc is not None:
                    h.limit = max(1, min(h.cap, conc))
                lim = _int_header(headers, "x-rate-limit-limit")
                interval = _parse_interval(headers.get("x-rate-limit-interval", "1s"))
                if lim is not None and interval:
                    new_rate = lim / interval  # per second
                    old_rate = h.rate / h.interval if h.rate > 0 else float("inf")
                    if new_rate < old_rate:
                        h.rate, h.interval = float(lim), interval
            self._cond.notify_all()

    def pause(self, host: str, seconds: float, halve: bool = False) -> None:
        """Back off: nobody sends to ``host`` for ``seconds``; ``halve`` also cuts concurrency."""
        with self._cond:
            h = self._get(host)
            h.paused_until = max(h.paused_until, time.monotonic() + seconds)
            if halve:
                h.limit = max(1, h.limit // 2)
            self._cond.notify_all()

    def max_active(self, host: str) -> int:
        with self._lock:
            return self._get(host).max_active


# --------------------------------------------------------------------------- fetching


@dataclass(frozen=True)
class FetchResult:
    """One HTTP exchange (or the reason there was none). ``fault`` is "" on a real answer."""

    url: str
    status: int | None = None
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    truncated: bool = False
    from_cache: bool = False
    fault: str = ""  # timeout, unreachable, offline, blocked, rate_limited, deadline, malformed
    note: str = ""
    parsed: Any = None  # what the caller's ``check`` made of the answer

    def header(self, name: str) -> str:
        low = name.lower()
        for k, v in self.headers:
            if k.lower() == low:
                return v
        return ""

    def json(self) -> Any:
        """Decoded JSON with a depth and size bound; raises ValueError for anything else."""
        from refcheck.resolve.answers import load_json

        if self.truncated:
            raise ValueError("response body exceeded the size cap")
        return load_json(self.body)


def parse_retry_after(value: str) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date)."""
    value = (value or "").strip()
    if not value:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - time.time())


@dataclass
class Stats:
    """Counters tests read: a warm second run must show ``requests == 0``."""

    requests: int = 0
    cache_hits: int = 0
    retries: int = 0


class HttpClient:
    """Fetches for the resolver: services (trusted) and manuscript URLs (SSRF-guarded)."""

    HOST_FAILURES = 2  # a host that never answered and failed this often is not asked again

    def __init__(self, settings: ResolverSettings, deadline: Deadline,
                 session: requests.Session | None = None,
                 cache: ResponseCache | None = None) -> None:
        self.settings = settings
        self.deadline = deadline
        self.cache = cache
        self.shared: SharedRateWindow | None = None
        if cache is not None and not cache.disabled:
            self.shared = SharedRateWindow(os.path.join(os.path.dirname(cache.path),
                                                        "ratelimit.sqlite"))
        self.limiter = HostLimiter(settings.host_concurrency, self.shared)
        self.stats = Stats()
        self._stats_lock = threading.Lock()
        self.reach = Reachability(min(settings.timeout, settings.reach_window))
        self.watchdog = Watchdog(deadline, self.reach)
        self._host_lock = threading.Lock()
        self._host_failures: dict[str, int] = {}
        self._host_answered: set[str] = set()
        pool = max(settings.workers, settings.host_concurrency)
        self._own_session = session is None
        if session is None:
            session = requests.Session()
            service = GuardedAdapter(False, pool_maxsize=pool, guard=False,
                                     watchdog=self.watchdog, pool_connections=16)
            session.mount("http://", service)
            session.mount("https://", service)
        self.service_session = session
        web = requests.Session()
        web.trust_env = False  # an environment proxy would bypass the address check
        adapter = GuardedAdapter(settings.allow_local_urls, pool_maxsize=pool,
                                 watchdog=self.watchdog)
        web.mount("http://", adapter)
        web.mount("https://", adapter)
        self.web_session = web
        self.service_hosts: set[str] = set()
        for base in (settings.crossref_url, settings.doi_url, settings.datacite_url,
                     settings.archive_url):
            host = urlsplit(base).netloc.lower()
            if host:
                self.service_hosts.add(host)
                self.limiter.configure(host, settings.service_concurrency,
                                       settings.service_rate, probe=True)

    def _count(self, name: str) -> None:
        with self._stats_lock:
            setattr(self.stats, name, getattr(self.stats, name) + 1)

    def close(self) -> None:
        self.watchdog.close()
        self.web_session.close()
        if self._own_session:
            self.service_session.close()
        if self.shared is not None:
            self.shared.close()

    # -- one hop ----------------------------------------------------------------------
    def fetch(self, url: str, *, accept: str = "application/json", trusted: bool = True,
              ttl: float = 30 * DAY, ttl_missing: float = DAY, max_bytes: int | None = None,
              check: Callable[[FetchResult], Any] | None = None) -> FetchResult:
        """GET one URL without following redirects; cached, limited, retried, capped.

        ``check`` validates an answer (any status but a redirect) and returns what the caller
        wants of it, stored in ``parsed``; when it raises ``ValueError`` the answer is a
        ``malformed`` fault, is not cached, and a cached copy of it is deleted.
        """
        if not trusted:  # before the cache: a stored answer must not bypass today's policy
            why = vet_url(url, self.settings.allow_local_urls)
            if why:
                return FetchResult(url=url, fault="blocked", note=f"refused: {why}")
        key = cache_key("GET", url, accept)
        if self.cache is not None:
            hit = self.cache.get(key)
            if hit is not None:
                cached = FetchResult(url=url, status=hit.status, headers=hit.headers,
                                     body=hit.body, truncated=hit.truncated, from_cache=True)
                checked = self._checked(cached, check)
                if checked.fault != "malformed":
                    self._count("cache_hits")
                    return checked
                self.cache.delete(key)  # a stored answer that fails validation is a miss
        result = self._checked(self._fetch_network(url, accept, trusted, max_bytes), check)
        if self.cache is not None and result.fault == "" and result.status is not None:
            if result.status == 200 or result.status in REDIRECT_STATUSES:
                life = ttl
            elif result.status in (404, 410):
                life = ttl_missing
            else:
                life = 0.0
            if life > 0:
                self.cache.put(key, CachedEntry(url=url, status=result.status,
                                                headers=result.headers, body=result.body,
                                                truncated=result.truncated), life)
        return result

    @staticmethod
    def _checked(res: FetchResult, check: Callable[[FetchResult], Any] | None) -> FetchResult:
        if check is None or res.fault or res.status in REDIRECT_STATUSES:
            return res
        try:
            return replace(res, parsed=check(res))
        except (ValueError, RecursionError) as exc:
            return replace(res, fault="malformed", note=f"malformed answer: {str(exc)[:160]}")

    def _host_down(self, host: str) -> bool:
        with self._host_lock:
            return host not in self._host_answered and \
                self._host_failures.get(host, 0) >= self.HOST_FAILURES

    def _host_result(self, host: str, result: FetchResult, trusted: bool) -> None:
        """Learn from one attempt: an answer clears a host; silence counts against it."""
        silent = result.status is None and result.fault in ("timeout", "unreachable")
        with self._host_lock:
            if result.status is not None:
                self._host_answered.add(host)
            elif silent:
                self._host_failures[host] = self._host_failures.get(host, 0) + 1
        if result.status is not None:
            self.reach.answered = True
        elif silent:
            self.reach.failed(service=trusted and host in self.service_hosts)

    def _fetch_network(self, url: str, accept: str, trusted: bool,
                       max_bytes: int | None) -> FetchResult:
        s = self.settings
        host = urlsplit(url).netloc.lower()
        session = self.service_session if trusted else self.web_session
        headers = {"User-Agent": s.agent, "Accept": accept}
        attempt = 0
        while True:
            if self.deadline.expired():
                return FetchResult(url=url, fault="deadline", note="run deadline reached")
            if self.reach.down:
                return FetchResult(url=url, fault="offline", note=NETWORK_DOWN)
            if self._host_down(host):
                return FetchResult(url=url, fault="unreachable",
                                   note=f"{_host_name(url)} did not answer earlier requests")
            if not self.limiter.acquire(host, self.deadline.at):
                return FetchResult(url=url, fault="deadline",
                                   note="run deadline reached while waiting for a slot")
            if self._host_down(host):  # found out while this request waited for its slot
                self.limiter.release(host, None)
                return FetchResult(url=url, fault="unreachable",
                                   note=f"{_host_name(url)} did not answer earlier requests")
            got: dict[str, str] | None = None
            try:
                result = self._once(session, url, headers, max_bytes or s.max_body_bytes)
                got = {k.lower(): v for k, v in result.headers}
            finally:
                self.limiter.release(host, got)
            self._host_result(host, result, trusted)
            status = result.status
            if result.fault == "unreachable" and attempt < min(1, s.max_retries) \
                    and "reset" in result.note.lower():
                attempt += 1
                self._count("retries")
                time.sleep(min(self._backoff(attempt), self.deadline.remaining()))
                continue
            if status in RETRY_STATUSES or (status in TRANSIENT_STATUSES and attempt < 1):
                if attempt >= s.max_retries:
                    return self._give_up(result)
                retry_after = parse_retry_after(result.header("Retry-After"))
                if retry_after is not None and retry_after > s.retry_after_cap:
                    return self._give_up(result, f"server asked to wait {retry_after:.0f} s "
                                                 f"(cap {s.retry_after_cap:.0f} s)")
                delay = retry_after if retry_after is not None else self._backoff(attempt)
                if delay >= self.deadline.remaining():
                    return self._give_up(result, "retry would pass the run deadline")
                attempt += 1
                self._count("retries")
                self.limiter.pause(host, delay, halve=(status == 429 and not trusted))
                continue
            return result

    @staticmethod
    def _backoff(attempt: int) -> float:
        """Exponential backoff with full jitter: 0.5, 1, 2 ... seconds (+ up to 50 %)."""
        base = 0.5 * (2 ** max(0, attempt - 1)) if attempt else 0.5
        return base * (1.0 + random.random() * 0.5)

    @staticmethod
    def _give_up(result: FetchResult, why: str = "") -> FetchResult:
        fault = "rate_limited" if result.status in RETRY_STATUSES else "unreachable"
        note = why or f"HTTP {result.status} after retries"
        return FetchResult(url=result.url, status=result.status, headers=result.headers,
                           body=result.body, fault=fault, note=note)

    def _once(self, session: requests.Session, url: str, headers: dict[str, str],
              max_bytes: int) -> FetchResult:
        s = self.settings
        budget = min(s.timeout, self.deadline.remaining())
        if budget <= 0:
            return FetchResult(url=url, fault="deadline", note="run deadline reached")
        if self.reach.down:  # found out while this request waited for its slot
            return FetchResult(url=url, fault="offline", note=NETWORK_DOWN)
        self.reach.begin()
        started = time.monotonic()
        watch = self.watchdog.start(started + budget)
        self._count("requests")
        try:
            return self._exchange(session, url, headers, max_bytes=max_bytes, budget=budget,
                                  watch=watch)
        finally:
            self.watchdog.finish(watch)

    def _walled(self, watch: _Watch, budget: float, fallback: FetchResult) -> FetchResult:
        """The fault to report when the watchdog cut the request (else ``fallback``)."""
        if watch.fired == "deadline":
            return replace(fallback, fault="deadline", note="run deadline reached")
        if watch.fired == "offline":
            return replace(fallback, fault="offline", note=NETWORK_DOWN)
        if watch.fired == "timeout" and fallback.note.startswith("DNS lookup"):
            return replace(fallback, fault="timeout")
        if watch.fired == "timeout":
            note = (f"no answer within {budget:.1f} s" if fallback.status is None
                    else f"body not complete after {budget:.1f} s")
            return replace(fallback, fault="timeout", note=note)
        return fallback

    def _exchange(self, session: requests.Session, url: str, headers: dict[str, str], *,
                  max_bytes: int, budget: float, watch: _Watch) -> FetchResult:
        clipped = budget < self.settings.timeout  # a timeout now is the run's deadline
        host = _host_name(url)
        try:
            resp = session.get(url, headers=headers, stream=True, allow_redirects=False,
                               timeout=(budget, budget))
        except requests.Timeout:
            if clipped:
                return self._walled(watch, budget, FetchResult(
                    url=url, fault="deadline", note="run deadline reached"))
            return self._walled(watch, budget, FetchResult(
                url=url, fault="timeout", note=f"no answer within {budget:.1f} s"))
        except requests.ConnectionError as exc:
            why = _blocked_reason(exc)
            if why:
                return FetchResult(url=url, fault="blocked", note=f"refused: {why}")
            return self._walled(watch, budget, FetchResult(
                url=url, fault="unreachable", note=_short(exc, host)))
        except (requests.RequestException, OSError, ValueError) as exc:
            return self._walled(watch, budget, FetchResult(
                url=url, fault="unreachable", note=_short(exc, host)))
        hdrs = tuple((str(k), str(v)) for k, v in resp.headers.items())
        chunks: list[bytes] = []
        size = 0
        truncated = False
        fault = note = ""
        cut = False  # the watchdog ended the body (not its end, not the cap)
        try:
            raw = resp.raw
            while True:
                if watch.fired:
                    cut = True
                    break
                chunk = raw.read1(65536, decode_content=True)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    chunks.append(chunk[: len(chunk) - (size - max_bytes)])
                    truncated = True
                    note = f"body larger than {max_bytes} bytes: stopped reading"
                    break
                chunks.append(chunk)
        except requests.Timeout:
            fault, note = ("deadline", "run deadline reached") if clipped else (
                "timeout", f"body stalled for {budget:.1f} s")
            cut = bool(watch.fired)
        except Exception as exc:  # urllib3 protocol errors, resets, decode errors mid-body
            fault, note = "unreachable", f"body interrupted: {_short(exc, host)}"
            cut = bool(watch.fired)  # a socket shut down by the watchdog reads as a reset
        finally:
            resp.close()
        result = FetchResult(url=url, status=resp.status_code, headers=hdrs,
                             body=b"".join(chunks), truncated=truncated, fault=fault, note=note)
        return self._walled(watch, budget, result) if cut else result

    # -- redirect chains ---------------------------------------------------------------
    def follow(self, url: str, *, accept: str, trusted: bool, ttl: float = DAY,
               ttl_missing: float = DAY, max_bytes: int | None = None,
               check: Callable[[FetchResult], Any] | None = None,
               ) -> tuple[FetchResult, tuple[str, ...], bool]:
        """Follow redirects by hand so each hop is vetted; (last result, chain, permanent moved)."""
        chain: list[str] = [url]
        seen = {url}
        permanent = False
        current = url
        for hop in range(self.settings.max_redirects + 1):
            # a trusted service may redirect to another configured service; anywhere else,
            # the hop is vetted like a manuscript URL
            hop_trusted = trusted and (
                hop == 0 or urlsplit(current).netloc.lower() in self.service_hosts)
            res = self.fetch(current, accept=accept, trusted=hop_trusted, ttl=ttl,
                             ttl_missing=ttl_missing, max_bytes=max_bytes, check=check)
            if res.fault or res.status not in REDIRECT_STATUSES:
                return res, tuple(chain[1:]), permanent
            location = res.header("Location")
            if not location:
                return res, tuple(chain[1:]), permanent
            nxt = urljoin(current, location.strip())
            if res.status in (301, 308):
                permanent = True
            if nxt in seen:
                return (FetchResult(url=nxt, status=res.status, fault="unreachable",
                                    note=f"redirect loop back to {nxt}"),
                        tuple(chain[1:]), permanent)
            seen.add(nxt)
            chain.append(nxt)
            current = nxt
        return (FetchResult(url=current, fault="unreachable",
                            note=f"more than {self.settings.max_redirects} redirects"),
                tuple(chain[1:]), permanent)


def _host_name(url: str) -> str:
    try:
        return urlsplit(url).hostname or "the host"
    except ValueError:
        return "the host"


def _short(exc: BaseException, host: str = "the host") -> str:
    """A short reason for a network error: users read it, so no exception reprs.

    requests and urllib3 wrap the cause several times over ("HTTPSConnectionPool(host=…):
    Max retries exceeded … (Caused by NameResolutionError(…))"); only its kind is kept.
    """
    texts: list[str] = []
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo and len(texts) < 20:
        e = todo.pop()
        if id(e) in seen or not isinstance(e, BaseException):
            continue
        seen.add(id(e))
        texts.append(f"{type(e).__name__} {e}".lower())
        todo.extend(e.args)
        todo.extend(x for x in (getattr(e, "reason", None), e.__cause__, e.__context__) if x)
    low = " ".join(texts)
    if "dns failure" in low or "name or service not known" in low or "nodename" in low \
            or "getaddrinfo" in low or "name resolution" in low or "dns lookup" in low:
        if "timed out" in low:
            return f"DNS lookup for {host} timed out"
        return f"DNS lookup failed for {host}"
    if "refused" in low:
        return f"connection refused by {host}"
    if "reset" in low or "remotedisconnected" in low or "aborted" in low \
            or "connection closed" in low or "broken pipe" in low:
        return f"connection reset by {host}"
    if "timed out" in low or "timeout" in low:
        return f"no answer from {host} (timed out)"
    if "ssl" in low or "certificate" in low or "tls" in low:
        return f"TLS handshake with {host} failed"
    if "unreachable" in low or "no route" in low:
        return f"no route to {host}"
    return f"network error talking to {host} ({type(exc).__name__})"
