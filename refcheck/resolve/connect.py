"""The connection layer: the SSRF guard and one clock per request.

Every socket the resolver opens is made here. The SSRF guard resolves a host, refuses forbidden
addresses and connects to the address it vetted (closing the DNS-rebinding gap). The clock gives
each request a wall: its name lookup runs in a helper thread abandoned at the wall, and its
sockets are registered with a :class:`Watchdog` that shuts them down when the wall passes, so a
server dripping its headers cannot hold a run past its deadline (docs/resolve.md).
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from typing import Any, ClassVar, cast
from urllib.parse import urlsplit

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import NewConnectionError
from urllib3.util import connection as u3conn

_METADATA_IPS = frozenset({ipaddress.ip_address("169.254.169.254"),
                           ipaddress.ip_address("fd00:ec2::254")})
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
# IPv6 prefixes that carry (or translate to) an IPv4 address: a request to one of them may land
# on any IPv4 host, loopback and private ones included, whatever the IPv6 address looks like.
# Python counts several of them as global (2002::/16 is "global" although 2002:7f00:1:: is
# 127.0.0.1 through a 6to4 relay), so they are refused outright.
TRANSITION_PREFIXES: tuple[tuple[ipaddress.IPv6Network, str], ...] = tuple(
    (ipaddress.IPv6Network(net), why) for net, why in (
        ("2002::/16", "6to4 address"),
        ("2001::/32", "Teredo address"),
        ("64:ff9b::/96", "NAT64 address"),
        ("64:ff9b:1::/48", "NAT64 address"),
        ("::/96", "IPv4-compatible IPv6 address"),
        ("::ffff:0:0:0/96", "SIIT IPv4-translated address"),
    ))


class Deadline:
    """The whole run's time budget; every wait and timeout is clipped to what is left."""

    def __init__(self, seconds: float) -> None:
        self.at = time.monotonic() + max(0.0, seconds)

    def remaining(self) -> float:
        return max(0.0, self.at - time.monotonic())

    def expired(self) -> bool:
        return time.monotonic() >= self.at


# --------------------------------------------------------------------------- SSRF guard


def blocked_ip_reason(ip: ipaddress.IPv4Address | ipaddress.IPv6Address,
                      allow_local: bool) -> str:
    """Why a manuscript URL may not reach this address ("" when it may)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if isinstance(ip, ipaddress.IPv6Address) and not ip.is_loopback and not ip.is_unspecified:
        for net, why in TRANSITION_PREFIXES:
            if ip in net:
                return why
    if ip.is_loopback:
        return "" if allow_local else "loopback address"
    if ip in _METADATA_IPS:
        return "cloud metadata address"
    if ip.is_link_local:
        return "link-local address"
    if ip.is_multicast:
        return "multicast address"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT:
        return "carrier-grade NAT address"
    if ip.is_private:
        return "private address"
    if ip.is_unspecified or ip.is_reserved or not ip.is_global:
        return "non-public address"
    return ""


def vet_url(url: str, allow_local: bool) -> str:
    """Static checks of one hop before any connection: scheme, credentials, literal addresses."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return f"malformed URL ({exc})"
    if parts.scheme not in ("http", "https"):
        return f"scheme {parts.scheme or '(none)'!r} not allowed"
    if parts.username is not None or parts.password is not None:
        return "credentials in URL"
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return "no host"
    if port is not None and not 0 < port < 65536:
        return "invalid port"
    try:
        ip = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        if (host == "localhost" or host.endswith(".localhost")) and not allow_local:
            return "loopback host"
        return ""
    return blocked_ip_reason(ip, allow_local)


class BlockedAddressError(NewConnectionError):
    """Raised inside urllib3 when every address of a host is refused by the SSRF policy."""


# --------------------------------------------------------------------------- one clock
#
# urllib3's timeouts bound each socket operation, not a request: a server that sends its status
# line or headers one byte a second never trips a 5 s read timeout, and getaddrinfo() has no
# timeout at all. So every request gets a wall: the sockets it uses are registered with a
# watchdog thread that shuts them down when the request's time (the per-request timeout, the
# run's deadline, and while the network is in doubt the reachability window) runs out, and name
# lookups run in a helper thread that is abandoned at the same wall.


class Reachability:
    """Whether the network works at all, learnt from the run's first requests.

    ``down`` is set when nothing was reached (no TCP connection made, no answer received) and
    either ``window`` seconds passed since the first request or service hosts failed
    ``SERVICE_FAILURES`` times: a black-holed or absent network is then detected in seconds,
    and every later request ends at once instead of each waiting for its own timeout.
    """

    SERVICE_FAILURES = 2  # = HttpClient.HOST_FAILURES: a silent host is not asked a third time

    def __init__(self, window: float) -> None:
        self.window = max(0.1, window)
        self.started: float | None = None
        self.connected = False  # a TCP (or TLS) connection was established somewhere
        self.answered = False  # a status line arrived from somewhere
        self.down = False
        self.service_failures = 0
        self._lock = threading.Lock()

    @property
    def in_doubt(self) -> bool:
        return not (self.connected or self.answered or self.down)

    def begin(self) -> None:
        with self._lock:
            if self.started is None:
                self.started = time.monotonic()

    def window_end(self) -> float:
        return (self.started if self.started is not None else time.monotonic()) + self.window

    def failed(self, service: bool) -> None:
        """A request failed before any byte of an answer (DNS, refused, connect timeout)."""
        with self._lock:
            if service:
                self.service_failures += 1
            if self.in_doubt and self.service_failures >= self.SERVICE_FAILURES:
                self.down = True

    def expire(self) -> bool:
        """Called by the watchdog: the window passed with nothing reached."""
        with self._lock:
            if self.in_doubt and time.monotonic() >= self.window_end():
                self.down = True
            return self.down


class _Watch:
    """One request's wall: when it ends and the sockets to cut then."""

    __slots__ = ("end", "fired", "owned", "socks")

    def __init__(self, end: float) -> None:
        self.end = end
        self.socks: list[socket.socket] = []
        self.owned: list[socket.socket] = []  # duplicates made for the watch: closed with it
        self.fired = ""  # "", "timeout", "deadline" or "offline"


_current = threading.local()


def _current_watch() -> _Watch | None:
    return cast("_Watch | None", getattr(_current, "watch", None))


def _cut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class Watchdog:
    """Shuts down the sockets of requests whose time is up (a daemon thread polling at 20 Hz)."""

    TICK = 0.05

    def __init__(self, deadline: Deadline, reach: Reachability) -> None:
        self.deadline = deadline
        self.reach = reach
        self._lock = threading.Lock()
        self._watches: set[_Watch] = set()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, end: float) -> _Watch:
        w = _Watch(end)
        with self._lock:
            self._watches.add(w)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="refcheck-watchdog",
                                                daemon=True)
                self._thread.start()
        _current.watch = w
        return w

    def attach(self, w: _Watch, sock: socket.socket, owned: bool = False) -> None:
        with self._lock:
            (w.owned if owned else w.socks).append(sock)
            fired = bool(w.fired)
        if fired:  # the wall passed while the socket was being made
            _cut(sock)

    def finish(self, w: _Watch) -> None:
        with self._lock:
            self._watches.discard(w)
            owned, w.owned = w.owned, []
        _current.watch = None
        for sock in owned:
            with contextlib.suppress(OSError):
                sock.close()

    def _run(self) -> None:
        while not self._stop.wait(self.TICK):
            now = time.monotonic()
            with self._lock:
                watches = list(self._watches)
            if self.reach.in_doubt and now >= self.reach.window_end():
                self.reach.expire()  # before the requests' own timeouts: the verdict comes first
            for w in watches:
                if w.fired:
                    continue
                why = ""
                if now >= self.deadline.at:
                    why = "deadline"
                elif self.reach.down:
                    why = "offline"
                elif now >= w.end:
                    why = "timeout"
                if why:
                    with self._lock:
                        w.fired = why
                        socks = [*w.socks, *w.owned]
                    for sock in socks:
                        _cut(sock)

    def close(self) -> None:
        self._stop.set()


def _lookup(host: str, port: int, until: float) -> list[Any]:
    """getaddrinfo() bounded by ``until`` (monotonic): it has no timeout of its own, and a
    black-holed resolver makes it wait 5 s per try and server. The helper thread is a daemon,
    so one stuck in the C library never holds up the process's exit."""
    box: dict[str, Any] = {}
    done = threading.Event()

    def run() -> None:
        try:
            box["infos"] = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
        except OSError as exc:
            box["error"] = exc
        finally:
            done.set()

    threading.Thread(target=run, name="refcheck-dns", daemon=True).start()
    while not done.wait(0.05):
        w = _current_watch()
        if time.monotonic() >= until or (w is not None and w.fired):
            raise TimeoutError(f"DNS lookup for {host} timed out")
    if "error" in box:
        raise cast(OSError, box["error"])
    return cast("list[Any]", box["infos"])


class _WatchedMixin:
    """Connections whose sockets obey the request's wall; with ``guard``, the SSRF policy too.

    Resolve the host (bounded), refuse forbidden addresses, connect to the vetted IP itself.
    Connecting to the address that was checked (instead of letting the socket layer resolve
    the name again) closes the DNS-rebinding gap; TLS still verifies the original host name.
    """

    allow_local: ClassVar[bool] = False
    guard: ClassVar[bool] = True
    watchdog: ClassVar[Watchdog | None] = None
    _dns_host: str
    port: int
    timeout: Any
    source_address: Any
    socket_options: Any
    sock: Any

    def _new_conn(self) -> socket.socket:
        w = _current_watch()
        until = w.end if w is not None else time.monotonic() + 3600.0
        dog = type(self).watchdog
        if dog is not None and dog.reach.in_doubt:
            until = min(until, dog.reach.window_end())
        try:
            infos = _lookup(self._dns_host, self.port, until)
        except OSError as exc:
            if dog is not None and isinstance(exc, TimeoutError):
                dog.reach.expire()  # the verdict, if the window is what ran out, not a race
            raise NewConnectionError(_as_conn(self),
                                     f"DNS failure for {self._dns_host}: {exc}") from exc
        refused: list[str] = []
        last: OSError | None = None
        for _family, _type, _proto, _name, sockaddr in infos:
            addr = str(sockaddr[0])
            try:
                ip = ipaddress.ip_address(addr.split("%", 1)[0])
            except ValueError:
                continue
            why = blocked_ip_reason(ip, self.allow_local) if self.guard else ""
            if why:
                refused.append(f"{addr} ({why})")
                continue
            timeout = self.timeout  # a connect to a host that drops SYNs ends at the wall too
            if isinstance(timeout, (int, float)):
                timeout = max(0.05, min(float(timeout), until - time.monotonic()))
            try:
                sock = u3conn.create_connection((addr, self.port), timeout,
                                                source_address=self.source_address,
                                                socket_options=self.socket_options)
            except OSError as exc:
                last = exc
                continue
            if dog is not None:
                dog.reach.connected = True
                if w is not None:  # a duplicate: TLS detaches the original while wrapping it
                    dog.attach(w, sock.dup(), owned=True)
            return sock
        if refused and last is None:
            raise BlockedAddressError(
                _as_conn(self), f"refused by SSRF policy: {self._dns_host} -> {', '.join(refused)}")
        if dog is not None:
            dog.reach.expire()  # a connect cut by the reachability window gives the verdict
        raise NewConnectionError(_as_conn(self), f"cannot connect to {self._dns_host}: {last}")

    def request(self, *args: Any, **kwargs: Any) -> Any:
        """A pooled connection's socket joins the current request's wall."""
        w = _current_watch()
        dog = type(self).watchdog
        if w is not None and dog is not None and self.sock is not None:
            dog.attach(w, self.sock)
        return super().request(*args, **kwargs)  # type: ignore[misc]


def _as_conn(obj: object) -> HTTPConnection:
    return cast(HTTPConnection, obj)


class _WatchedHTTPConnection(_WatchedMixin, HTTPConnection):
    pass


class _WatchedHTTPSConnection(_WatchedMixin, HTTPSConnection):
    pass


class GuardedAdapter(HTTPAdapter):
    """An adapter whose connections obey the request wall and (``guard``) the SSRF policy."""

    def __init__(self, allow_local: bool, pool_maxsize: int = 10, *, guard: bool = True,
                 watchdog: Watchdog | None = None, pool_connections: int = 64) -> None:
        self._allow_local = allow_local
        self._guard = guard
        self._watchdog = watchdog
        super().__init__(pool_connections=pool_connections, pool_maxsize=pool_maxsize,
                         max_retries=0)

    def init_poolmanager(self, connections: int, maxsize: int, block: bool = False,
                         **pool_kwargs: Any) -> None:
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)
        allow, guarded, dog = self._allow_local, self._guard, self._watchdog

        class Conn(_WatchedHTTPConnection):
            allow_local = allow
            guard = guarded
            watchdog = dog

        class SConn(_WatchedHTTPSConnection):
            allow_local = allow
            guard = guarded
            watchdog = dog

        class Pool(HTTPConnectionPool):
            ConnectionCls = Conn

        class SPool(HTTPSConnectionPool):
            ConnectionCls = SConn

        self.poolmanager.pool_classes_by_scheme = {"http": Pool, "https": SPool}


def _blocked_reason(exc: BaseException) -> str:
    """Dig the SSRF refusal out of requests' and urllib3's exception wrapping."""
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        e = todo.pop()
        if id(e) in seen or not isinstance(e, BaseException):
            continue
        seen.add(id(e))
        if isinstance(e, BlockedAddressError):
            msg = str(e)
            return msg.split("refused by SSRF policy: ", 1)[-1]
        todo.extend(e.args)
        todo.extend(x for x in (getattr(e, "reason", None), e.__cause__, e.__context__) if x)
    return ""
