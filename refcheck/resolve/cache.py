"""A small SQLite response cache shared by runs (and processes) that use the same cache dir.

Why not ``requests_cache.CachedSession``: it reads the whole body before storing it, which defeats
the body cap and the slow-drip budget, and its transparent redirect following would bypass the
per-hop SSRF check. So the HTTP layer streams, caps and vets each hop itself and stores the
result here, keyed like requests-cache keys responses (method, URL with ``mailto`` removed,
``Accept``). WAL journaling lets concurrent runs share the file; a corrupt or unreadable file is
moved aside and rebuilt instead of failing the run.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from refcheck.errors import RefcheckError

IGNORED_PARAMETERS = frozenset({"mailto"})

_SCHEMA = """
CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    status INTEGER NOT NULL,
    headers TEXT NOT NULL,
    body BLOB NOT NULL,
    truncated INTEGER NOT NULL,
    expires REAL NOT NULL
)
"""


@dataclass(frozen=True)
class CachedEntry:
    """One stored response (a single hop: redirects are stored as their 3xx)."""

    url: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    truncated: bool


def cache_key(method: str, url: str, accept: str) -> str:
    """Method + URL minus ignored parameters (sorted) + Accept: formats never collide."""
    parts = urlsplit(url)
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if k not in IGNORED_PARAMETERS)
    norm = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path,
                       urlencode(query), ""))
    raw = "\n".join((method.upper(), norm, accept))
    return hashlib.blake2b(raw.encode("utf-8"), digest_size=16).hexdigest()


def strip_ignored(url: str) -> str:
    """The URL as stored: ``mailto`` is never written to disk."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k not in IGNORED_PARAMETERS]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


class CacheError(RefcheckError):
    """The cache cannot do what was asked (``refcheck cache clear`` on a bad path)."""


_COLUMNS = (("key", "TEXT"), ("url", "TEXT"), ("status", "INTEGER"), ("headers", "TEXT"),
            ("body", "BLOB"), ("truncated", "INTEGER"), ("expires", "REAL"))


def _row_entry(row: tuple[Any, ...]) -> CachedEntry | None:
    """A stored row as an entry, or None when any column is not what ``put`` writes."""
    url, status, headers, body, truncated, _expires = row
    if not isinstance(url, str) or isinstance(status, bool) or not isinstance(status, int) \
            or not 100 <= status <= 599 or not isinstance(headers, str) \
            or not isinstance(body, bytes) or truncated not in (0, 1):
        return None
    try:
        pairs = json.loads(headers)
    except (ValueError, RecursionError):
        return None
    if not isinstance(pairs, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
            for p in pairs):
        return None
    return CachedEntry(url=url, status=status, headers=tuple((k, v) for k, v in pairs),
                       body=body, truncated=bool(truncated))


def open_when_free(connect: Callable[[], sqlite3.Connection],
                   seconds: float = 2.0) -> sqlite3.Connection:
    """``connect()``, tried again while SQLite says the file is locked or busy.

    Processes of one batch start together and race to create the file and switch its journal
    mode, which SQLite answers "database is locked" at once, busy timeout or not; a moment later
    the file is free. Other errors, and a lock that outlasts ``seconds``, are raised."""
    until = time.monotonic() + seconds
    while True:
        try:
            return connect()
        except sqlite3.OperationalError as exc:
            text = str(exc)
            if ("locked" not in text and "busy" not in text) or time.monotonic() >= until:
                raise
            time.sleep(0.05)


class ResponseCache:
    """Thread-safe SQLite key/value store of responses with per-entry expiry and a size cap.

    It says what it does: each thing that makes it work differently from a plain cache (a
    damaged or wrongly shaped file rebuilt, a read-only or locked file, writes failing) adds one
    line to ``notes``, which the run reports. Rows that fail validation are deleted when read;
    expired rows are deleted when the cache opens; past ``max_bytes`` the rows that expire
    first are evicted.
    """

    def __init__(self, path: str, max_bytes: int = 256 * 1024 * 1024) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.rebuilt = False  # True when a corrupt file was found and replaced
        self.disabled = False  # True when the file could not be opened (locked, read-only)
        self.notes: list[str] = []
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._size = 0
        self._write_failed = False
        self._open()

    def _note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=2.0, check_same_thread=False,
                               isolation_level=None)
        try:
            conn.execute("PRAGMA busy_timeout=2000")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            row = conn.execute("PRAGMA quick_check").fetchone()
            if not row or row[0] != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {row[0] if row else 'no answer'}")
            conn.execute(_SCHEMA)
            cols = tuple((str(r[1]), str(r[2]).upper())
                         for r in conn.execute("PRAGMA table_info(responses)"))
            if cols != _COLUMNS:  # another program's table, or an old layout: every write fails
                raise sqlite3.DatabaseError("the responses table has another shape")
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    def _open(self) -> None:
        os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
        try:
            self._conn = open_when_free(self._connect)
        except sqlite3.OperationalError as exc:
            # locked by another process for long, read-only, disk full: not damage. Run
            # uncached and leave the file alone.
            self._conn = None
            self.disabled = True
            self._note(f"HTTP cache {self.path} cannot be opened ({exc}): running without it")
            return
        except sqlite3.DatabaseError as exc:  # "not a database", "malformed", wrong shape
            self._rebuild(str(exc))
        self._evict_expired()

    def _rebuild(self, why: str) -> None:
        """Move the damaged file aside (kept for inspection) and start an empty cache."""
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None
        for suffix in ("", "-wal", "-shm"):
            p = self.path + suffix
            if os.path.exists(p):
                with contextlib.suppress(OSError):
                    os.replace(p, p + ".corrupt")
        self.rebuilt = True
        try:
            self._conn = self._connect()
        except sqlite3.Error as exc:
            self._conn = None  # cache disabled for this run; never fail the check because of it
            self.disabled = True
            self._note(f"HTTP cache {self.path} was damaged ({why}) and cannot be rebuilt "
                       f"({exc}): running without it")
            return
        self._note(f"HTTP cache {self.path} was damaged ({why}): moved aside to "
                   f"{os.path.basename(self.path)}.corrupt and rebuilt")

    def _evict_expired(self) -> None:
        """Delete expired rows, then measure what is left (and evict past the cap)."""
        with self._lock:
            conn = self._conn
            if conn is None:
                return
            try:
                conn.execute("DELETE FROM responses WHERE expires < ?", (time.time(),))
                self._size = int(conn.execute(
                    "SELECT COALESCE(SUM(LENGTH(body) + LENGTH(headers) + LENGTH(url)), 0)"
                    " FROM responses").fetchone()[0])
            except sqlite3.Error as exc:
                self._write_error(exc)
                return
            self._evict_locked()

    def _evict_locked(self) -> None:
        """Past the cap, delete the rows that expire first until 90 % of it is left."""
        conn = self._conn
        if conn is None or self._size <= self.max_bytes:
            return
        target = int(self.max_bytes * 0.9)
        try:
            rows = conn.execute("SELECT key, LENGTH(body) + LENGTH(headers) + LENGTH(url)"
                                " FROM responses ORDER BY expires").fetchall()
            doomed: list[tuple[str]] = []
            size = self._size
            for key, n in rows:
                if size <= target:
                    break
                doomed.append((key,))
                size -= int(n or 0)
            conn.executemany("DELETE FROM responses WHERE key = ?", doomed)
            self._size = size
        except sqlite3.Error as exc:
            self._write_error(exc)

    def _write_error(self, exc: sqlite3.Error) -> None:
        if not self._write_failed:
            self._write_failed = True
            self._note(f"HTTP cache {self.path} cannot be written ({exc}): answers not stored")

    def get(self, key: str) -> CachedEntry | None:
        with self._lock:
            if self._conn is None:
                return None
            try:
                row = self._conn.execute(
                    "SELECT url, status, headers, body, truncated, expires FROM responses"
                    " WHERE key = ?", (key,)).fetchone()
            except sqlite3.OperationalError:
                return None  # locked for longer than busy_timeout: a miss, not damage
            except sqlite3.DatabaseError as exc:
                self._rebuild(str(exc))
                return None
        if row is None:
            return None
        expires = row[5]
        entry = _row_entry(tuple(row))
        if entry is None or not isinstance(expires, (int, float)) or expires < time.time():
            self.delete(key)  # a row that fails validation is a miss, and is not kept
            return None
        return entry

    def delete(self, key: str) -> None:
        with self._lock:
            if self._conn is None:
                return
            try:
                self._conn.execute("DELETE FROM responses WHERE key = ?", (key,))
            except sqlite3.Error as exc:
                self._write_error(exc)

    def put(self, key: str, entry: CachedEntry, ttl: float) -> None:
        with self._lock:
            if self._conn is None:
                return
            url = strip_ignored(entry.url)
            headers = json.dumps(entry.headers)
            try:
                self._conn.execute(
                    "INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (key, url, entry.status, headers, entry.body, int(entry.truncated),
                     time.time() + ttl))
            except sqlite3.OperationalError as exc:
                if "lock" not in str(exc).lower():  # locked by another process: skip quietly
                    self._write_error(exc)
                return
            except sqlite3.DatabaseError as exc:
                self._rebuild(str(exc))
                return
            self._size += len(entry.body) + len(headers) + len(url)
            self._evict_locked()

    def clear(self) -> int:
        """Delete every row; returns how many there were. Raises :class:`CacheError`."""
        with self._lock:
            if self._conn is None:
                raise CacheError("the cache cannot be opened", self.path)
            try:
                n = int(self._conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0])
                self._conn.execute("DELETE FROM responses")
                self._conn.execute("VACUUM")
            except sqlite3.Error as exc:
                raise CacheError(f"cannot clear the cache: {exc}", self.path) from None
            self._size = 0
            return n

    def __len__(self) -> int:
        with self._lock:
            if self._conn is None:
                return 0
            try:
                return int(self._conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0])
            except sqlite3.DatabaseError:
                return 0

    def size(self) -> int:
        """Bytes of stored bodies, headers and URLs (what the cap counts)."""
        with self._lock:
            return self._size

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.close()
                self._conn = None


def clear_cache(path: str, *, folder_must_exist: bool = True) -> int:
    """Empty the cache file at ``path`` (how many rows it had); never rebuilds or creates.

    ``refcheck cache clear`` must not say "cleared" about a path that is not a cache: a
    missing folder that was named (``--cache-dir``), a file that is not a refcheck cache, or
    one that cannot be written is a :class:`CacheError` (exit 2); the file is left as it was.
    """
    folder = os.path.dirname(path) or "."
    if not os.path.isdir(folder):
        if os.path.exists(folder) or folder_must_exist:
            raise CacheError("cache folder not found", folder)
        return 0  # the default folder before any run: nothing to clear
    if not os.path.lexists(path):
        return 0
    if not os.path.isfile(path):
        raise CacheError("not a cache file", path)
    uri = "file:" + quote(os.path.abspath(path)) + "?mode=rw"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=2.0, isolation_level=None)
    except sqlite3.Error as exc:
        raise CacheError(f"cannot open the cache: {exc}", path) from None
    try:
        names = {str(r[0]) for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "responses" not in names:
            raise CacheError("not a refcheck cache (no responses table)", path)
        n = int(conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0])
        conn.execute("DELETE FROM responses")
        conn.execute("VACUUM")
        return n
    except sqlite3.Error as exc:
        raise CacheError(f"cannot clear the cache: {exc}", path) from None
    finally:
        conn.close()
