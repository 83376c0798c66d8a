"""Resolver settings: one frozen record, so a run is reproducible and tests use local servers."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any

try:  # the package may not be installed (running from a checkout)
    from importlib.metadata import PackageNotFoundError, version

    try:
        _VERSION = version("manuscript-refcheck")
    except PackageNotFoundError:
        _VERSION = "0.1.0"
except ImportError:  # pragma: no cover
    _VERSION = "0.1.0"

CACHE_FILE = "resolve.sqlite"
HOMEPAGE = "https://github.com/refcheck/refcheck"

# Environment variables are a contract with CI configurations: keep the names stable.
ENV_VARS = {
    "crossref_url": "REFCHECK_CROSSREF_URL",
    "doi_url": "REFCHECK_DOI_URL",
    "datacite_url": "REFCHECK_DATACITE_URL",
    "mailto": "REFCHECK_MAILTO",
    "allow_local_urls": "REFCHECK_ALLOW_LOCAL_URLS",
    "cache_dir": "REFCHECK_CACHE_DIR",
}


@dataclass(frozen=True)
class ResolverSettings:
    """Where the services are, how patient to be, and what the resolver may touch.

    Service URLs are trusted (tests point them at loopback servers); URLs taken from the
    manuscript are not (see ``allow_local_urls``).
    """

    mailto: str = ""
    crossref_url: str = "https://api.crossref.org"
    doi_url: str = "https://doi.org"
    datacite_url: str = "https://api.datacite.org"
    archive_url: str = "https://archive.org/wayback/available"
    use_cache: bool = True
    cache_dir: str = ""  # "" -> platformdirs.user_cache_dir("refcheck")
    allow_local_urls: bool = False
    timeout: float = 10.0  # per request: connect, each read, and the whole body
    deadline: float = 120.0  # whole run
    check_urls: bool = True
    search_missing_dois: bool = True
    max_body_bytes: int = 2 * 1024 * 1024  # service answers (JSON)
    max_page_bytes: int = 400_000  # web pages: what the page parser reads, and all that is kept
    # Until something answers, no request waits longer than this: a black-holed network is
    # found out in seconds, not after every request's own timeout (docs/resolve.md).
    reach_window: float = 5.0
    cache_max_bytes: int = 256 * 1024 * 1024  # the response cache evicts past this size
    user_agent: str = ""
    # Politeness knobs (upper bounds; the servers' rate-limit headers can only lower them).
    retry_after_cap: float = 30.0  # a longer Retry-After means "rate_limited", not a stall
    max_retries: int = 3
    service_concurrency: int = 3  # per service host, after the first response was seen
    service_rate: float = 5.0  # requests per second per service host
    host_concurrency: int = 10  # per web host (lychee's default)
    workers: int = 16  # thread pool size
    batch_size: int = 50  # DOIs per Crossref filter=doi: request
    max_redirects: int = 10

    @property
    def agent(self) -> str:
        """User-Agent naming refcheck and the mailto: Crossref's polite pool."""
        if self.user_agent:
            return self.user_agent
        contact = f"; mailto:{self.mailto}" if self.mailto else ""
        return f"refcheck/{_VERSION} (+{HOMEPAGE}{contact})"

    @property
    def resolved_cache_dir(self) -> str:
        if self.cache_dir:
            return self.cache_dir
        import platformdirs

        return platformdirs.user_cache_dir("refcheck")

    @property
    def cache_path(self) -> str:
        """The SQLite file of the response cache."""
        return os.path.join(self.resolved_cache_dir, CACHE_FILE)

    @classmethod
    def from_env(cls, **overrides: Any) -> ResolverSettings:
        """Settings from ``REFCHECK_*`` variables; explicit keyword overrides win.

        An override of ``None`` or ``""`` counts as "not given", so a caller can pass an unset
        option (``cache_dir=args.cache_dir or ""``) without masking the environment.
        """
        values: dict[str, Any] = {}
        for name, var in ENV_VARS.items():
            raw = os.environ.get(var)
            if raw is None or raw == "":
                continue
            if name == "allow_local_urls":
                values[name] = raw.strip().lower() in {"1", "true", "yes", "on"}
            else:
                values[name] = raw.strip().rstrip("/") if name.endswith("_url") else raw.strip()
        known = {f.name for f in fields(cls)}
        unknown = set(overrides) - known
        if unknown:
            raise TypeError(f"unknown ResolverSettings field(s): {', '.join(sorted(unknown))}")
        values.update({k: v for k, v in overrides.items() if v is not None and v != ""})
        return replace(cls(), **values)
