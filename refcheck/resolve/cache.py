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
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

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


class ResponseCache:
    """Thread-safe SQLite key/value store of responses with per-entry expiry."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.rebuilt = False  # True when a corrupt file was found and replaced
        self.disabled = False  # True when the file could not be opened (locked, read-only)
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._open()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=2.0, check_same_thread=False,
                               isolation_level=None)
        conn.execute("PRAGMA busy_timeout=2000")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        row = conn.execute("PRAGMA quick_check").fetchone()
        if not row or row[0] != "ok":
            conn.close()
            raise sqlite3.DatabaseError(f"quick_check: {row[0] if row else 'no answer'}")
        conn.execute(_SCHEMA)
        return conn

    def _open(self) -> None:
        os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
        try:
            self._conn = self._connect()
        except sqlite3.OperationalError:
            # locked by another process, read-only, disk full: not damage. Run uncached and
            # leave the file alone.
            self._conn = None
            self.disabled = True
        except sqlite3.DatabaseError:  # "file is not a database", "malformed", quick_check
            self._rebuild()

    def _rebuild(self) -> None:
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
        except sqlite3.Error:
            self._conn = None  # cache disabled for this run; never fail the check because of it

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
            except sqlite3.DatabaseError:
                self._rebuild()
                return None
        if row is None or row[5] < time.time():
            return None
        try:
            headers = tuple((str(k), str(v)) for k, v in json.loads(row[2]))
        except (ValueError, TypeError):
            return None
        return CachedEntry(url=row[0], status=int(row[1]), headers=headers, body=bytes(row[3]),
                           truncated=bool(row[4]))

    def put(self, key: str, entry: CachedEntry, ttl: float) -> None:
        with self._lock:
            if self._conn is None:
                return
            try:
                self._conn.execute(
                    "INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (key, strip_ignored(entry.url), entry.status, json.dumps(entry.headers),
                     entry.body, int(entry.truncated), time.time() + ttl))
            except sqlite3.OperationalError:
                pass  # locked by another process for > busy_timeout: skip this write
            except sqlite3.DatabaseError:
                self._rebuild()

    def clear(self) -> None:
        with self._lock:
            if self._conn is None:
                return
            try:
                self._conn.execute("DELETE FROM responses")
                self._conn.execute("VACUUM")
            except sqlite3.OperationalError:
                pass
            except sqlite3.DatabaseError:
                self._rebuild()

    def __len__(self) -> int:
        with self._lock:
            if self._conn is None:
                return 0
            try:
                return int(self._conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0])
            except sqlite3.DatabaseError:
                return 0

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.close()
                self._conn = None
