"""The resolve stage: every DOI and URL of the reference list, checked concurrently and politely.

``Resolver.resolve(references)`` returns one :class:`~refcheck.model.Resolution` per DOI, URL and
DOI search. Network trouble is data (``unreachable``, ``rate_limited``, ``skipped``), never an
exception, and the whole run is bounded by ``ResolverSettings.deadline``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed, wait
from concurrent.futures import TimeoutError as FuturesTimeout
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import requests

from refcheck.model import FieldDiff, Reference, Resolution
from refcheck.resolve import answers
from refcheck.resolve.cache import ResponseCache, clear_cache
from refcheck.resolve.doi import WorkMeta, compare, normalise_doi
from refcheck.resolve.http import DAY, Deadline, FetchResult, HttpClient
from refcheck.resolve.search import choose, wants_search
from refcheck.resolve.settings import ResolverSettings
from refcheck.resolve.targets import NETWORK_DOWN, doi_of, url_of
from refcheck.resolve.urls import is_soft_404, moved_elsewhere, page_title_score, parse_page

PAGE_TITLE_THRESHOLD = 0.5
CSL_ACCEPT = "application/vnd.citationstyles.csl+json"
HTML_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"
_FAULT_STATUS = {"timeout": "unreachable", "unreachable": "unreachable", "deadline": "skipped",
                 "rate_limited": "rate_limited", "blocked": "invalid", "offline": "unreachable",
                 "malformed": "unreachable"}
UNVERIFIED = frozenset({"unreachable", "rate_limited", "skipped"})


@dataclass(frozen=True)
class ResolverStats:
    """Network use of the most recent :meth:`Resolver.resolve` call."""

    requests: int = 0
    cache_hits: int = 0
    retries: int = 0
    network_down: bool = False  # nothing could be reached: the run verified nothing new


def _interleave_hosts(units: list[tuple[Reference, str]]) -> list[tuple[Reference, str]]:
    """Round-robin over hosts, so workers waiting on one busy host do not idle the others."""
    by_host: dict[str, list[tuple[Reference, str]]] = {}
    for unit in units:
        try:
            host = urlsplit(unit[1]).netloc.lower()
        except ValueError:
            host = ""
        by_host.setdefault(host, []).append(unit)
    queues = list(by_host.values())
    out: list[tuple[Reference, str]] = []
    for i in range(max((len(q) for q in queues), default=0)):
        out += [q[i] for q in queues if i < len(q)]
    return out


@dataclass(frozen=True)
class _Batch:
    """Outcome of one ``filter=doi:`` request: found works, or why the batch failed."""

    found: tuple[tuple[str, WorkMeta], ...] = ()
    failed: FetchResult | None = None  # None: the answer is authoritative for its DOIs


class Resolver:
    """Checks DOIs (handle API, Crossref, DataCite) and URLs (the web), with a shared cache."""

    def __init__(self, settings: ResolverSettings | None = None,
                 session: requests.Session | None = None) -> None:
        self.settings = settings if settings is not None else ResolverSettings.from_env()
        self._session = session
        self._cache: ResponseCache | None = None
        self._stats = ResolverStats()
        self._notes: tuple[str, ...] = ()
        self._cache_note = ""
        self.last_client: HttpClient | None = None  # for inspection (limits seen) in tests

    # -- public ----------------------------------------------------------------------
    @property
    def stats(self) -> ResolverStats:
        return self._stats

    @property
    def notes(self) -> tuple[str, ...]:
        """What the last run has to say about itself (the cache rebuilt, read-only, skipped)."""
        return self._notes

    @property
    def cache_path(self) -> str:
        return self.settings.cache_path

    def _open_cache(self) -> ResponseCache | None:
        if not self.settings.use_cache:
            return None
        if self._cache is None:
            try:
                self._cache = ResponseCache(self.cache_path, self.settings.cache_max_bytes)
            except OSError as exc:  # unwritable cache dir: run uncached rather than fail
                self._cache_note = (f"HTTP cache {self.cache_path} cannot be used "
                                    f"({exc.strerror or exc}): running without it")
                return None
        return self._cache

    def clear_cache(self) -> int:
        """Forget every stored response (the file stays, empty); returns how many there were.

        Raises :class:`~refcheck.resolve.cache.CacheError` when the path is not a usable cache.
        """
        if self._cache is not None:
            self._cache.close()
            self._cache = None
        return clear_cache(self.cache_path, folder_must_exist=bool(self.settings.cache_dir))

    def resolve(self, references: Sequence[Reference],
                progress: Callable[[int, int], None] | None = None) -> tuple[Resolution, ...]:
        s = self.settings
        deadline = Deadline(s.deadline)
        client = HttpClient(s, deadline, session=self._session, cache=self._open_cache())
        self.last_client = client
        out: list[Resolution] = []
        doi_units: list[tuple[Reference, str]] = []
        url_units: list[tuple[Reference, str]] = []
        search_units: list[Reference] = []
        for ref in references:
            text = doi_of(ref)
            if text:
                doi = normalise_doi(text)
                if doi is None:
                    out.append(Resolution(reference=ref.index, kind="doi", target=text,
                                          status="invalid", note="not a valid DOI"))
                else:
                    doi_units.append((ref, doi))
            elif s.search_missing_dois and wants_search(ref):
                search_units.append(ref)
            url = url_of(ref) if s.check_urls else ""
            if url:
                url_units.append((ref, url))
        total = len(out) + len(doi_units) + len(url_units) + len(search_units)
        done = len(out)
        lock = threading.Lock()

        def tick() -> None:
            nonlocal done
            with lock:
                done += 1
                n = done
            if progress is not None:
                progress(n, total)

        if progress is not None and done:
            progress(done, total)
        # The pool is shut down without waiting: at the deadline (+1 s of grace) the run ends
        # whatever a worker is doing (the watchdog cuts its socket within the same second).
        pool = ThreadPoolExecutor(max_workers=max(1, s.workers),
                                  thread_name_prefix="refcheck-resolve")
        pending: dict[Future[Resolution], tuple[str, Reference, str]] = {}
        try:
            for r, u in _interleave_hosts(url_units):
                pending[pool.submit(self._url, client, r, u)] = ("url", r, u)
            for r in search_units:
                pending[pool.submit(self._search, client, r)] = ("doi-search", r, r.title)
            unique = sorted({d for _, d in doi_units})
            batches: dict[str, _Batch] = {}
            if len(unique) > 1 and s.batch_size > 1:
                batchable = [d for d in unique if "," not in d]
                chunks = [batchable[i: i + s.batch_size]
                          for i in range(0, len(batchable), s.batch_size)]
                bfuts = {pool.submit(self._batch, client, c): c for c in chunks}
                wait(bfuts, timeout=deadline.remaining() + 1.0)
                for bfut, chunk in bfuts.items():
                    batch = bfut.result() if bfut.done() else _Batch(failed=FetchResult(
                        url="", fault="deadline", note="run deadline reached"))
                    for d in chunk:
                        batches[d] = batch
            for r, d in doi_units:
                pending[pool.submit(self._doi, client, r, d, batches.get(d))] = ("doi", r, d)
            try:
                for fut in as_completed(list(pending), timeout=deadline.remaining() + 1.0):
                    out.append(fut.result())
                    del pending[fut]
                    tick()
            except FuturesTimeout:
                pass
            for kind, r, target in pending.values():  # past the wall: reported, not waited for
                out.append(Resolution(reference=r.index, kind=kind,  # type: ignore[arg-type]
                                      target=target, status="skipped",
                                      note="run deadline reached"))
                tick()
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
            self._stats = ResolverStats(client.stats.requests, client.stats.cache_hits,
                                        client.stats.retries, client.reach.down)
            self._notes = tuple(client.cache.notes) if client.cache is not None else tuple(
                n for n in (self._cache_note,) if n)
            client.close()
        if client.reach.down:
            # every unverified result is down to the network, whatever its first symptom was
            out = [replace(r, note=f"{NETWORK_DOWN} ({r.note})" if r.note and
                           not r.note.startswith(NETWORK_DOWN) else NETWORK_DOWN)
                   if r.status in UNVERIFIED else r for r in out]
        order = {"doi": 0, "doi-search": 1, "url": 2}
        out.sort(key=lambda r: (r.reference, order.get(r.kind, 3), r.target))
        return tuple(out)

    # -- helpers ---------------------------------------------------------------------
    def _service_url(self, base: str, path: str, params: Iterable[tuple[str, str]] = ()) -> str:
        """Service URL; ``mailto`` (polite pool) for Crossref and DataCite, not for doi.org."""
        query = list(params)
        if self.settings.mailto and base != self.settings.doi_url:
            query.append(("mailto", self.settings.mailto))
        url = base.rstrip("/") + path
        return url + ("?" + urlencode(query) if query else "")

    @staticmethod
    def _fault(ref: Reference, kind: str, target: str, res: FetchResult, *,
               service: str, context: str = "") -> Resolution:
        status = _FAULT_STATUS.get(res.fault, "unreachable")
        note = f"{context}{res.note}" if context else res.note
        return Resolution(reference=ref.index, kind=kind, target=target,  # type: ignore[arg-type]
                          status=status, service=service, http_status=res.status, note=note)

    # -- DOIs ------------------------------------------------------------------------
    def _batch(self, client: HttpClient, dois: list[str]) -> _Batch:
        filt = ",".join(f"doi:{d}" for d in dois)
        url = self._service_url(self.settings.crossref_url, "/works",
                                [("filter", filt), ("rows", str(len(dois)))])
        res = client.fetch(url, check=answers.crossref_list)
        if res.fault or res.status != 200 or res.parsed is None:
            return _Batch(failed=res)
        return _Batch(found=tuple((m.doi, m) for m in res.parsed if m.doi))

    def _doi(self, client: HttpClient, ref: Reference, doi: str,
             batch: _Batch | None) -> Resolution:
        if client.deadline.expired():
            return Resolution(reference=ref.index, kind="doi", target=doi, status="skipped",
                              note="run deadline reached before this DOI was checked")
        if batch is not None and batch.failed is None:
            meta = dict(batch.found).get(doi)
            if meta is not None:
                return self._compared(ref, doi, meta)
            return self._registration(client, ref, doi)
        if batch is not None and batch.failed is not None \
                and batch.failed.fault in ("rate_limited", "deadline"):
            return self._fault(ref, "doi", doi, batch.failed, service="crossref")
        url = self._service_url(self.settings.crossref_url, "/works/" + quote(doi, safe="/"))
        res = client.fetch(url, check=answers.crossref_work)
        if res.fault:
            return self._fault(ref, "doi", doi, res, service="crossref", context="Crossref: ")
        if res.status == 200:
            return self._compared(ref, doi, res.parsed)
        if res.status == 404:
            return self._registration(client, ref, doi)
        return Resolution(reference=ref.index, kind="doi", target=doi, status="unreachable",
                          service="crossref", http_status=res.status,
                          note=f"Crossref answered HTTP {res.status}")

    def _compared(self, ref: Reference, doi: str, meta: WorkMeta) -> Resolution:
        diffs: tuple[FieldDiff, ...] = compare(ref, meta)
        return Resolution(reference=ref.index, kind="doi", target=doi,
                          status="mismatch" if diffs else "ok", service=meta.service,
                          http_status=200, final_url=meta.landing_url, diffs=diffs,
                          metadata=meta.metadata())

    def _registration(self, client: HttpClient, ref: Reference, doi: str) -> Resolution:
        """Crossref does not know the DOI: ask the handle system whether it exists at all.

        Only the handle API's own JSON saying so (``responseCode`` 100 for this handle) makes
        a DOI "not registered" (D601, an error); any other answer is "could not verify".
        """
        url = self._service_url(self.settings.doi_url, "/api/handles/" + quote(doi, safe="/"))
        res = client.fetch(url, ttl=7 * DAY, ttl_missing=DAY, check=answers.handle)
        if res.fault:
            return self._fault(ref, "doi", doi, res, service="doi.org",
                               context="not in Crossref; registration check failed: ")
        code, handle = res.parsed if res.parsed is not None else (None, "")
        if code == 100 and res.status in (200, 404) and handle.lower() in ("", doi):
            evidence = (f"handle API answered HTTP {res.status} with responseCode 100 "
                        f"for {handle or doi}")
            return Resolution(reference=ref.index, kind="doi", target=doi, status="not_found",
                              service="doi.org", http_status=res.status,
                              metadata=(("evidence", evidence),),
                              note="the DOI is not registered (handle API: not found)")
        if res.status != 200 or code not in (1, 200):
            return Resolution(reference=ref.index, kind="doi", target=doi, status="unreachable",
                              service="doi.org", http_status=res.status,
                              note=f"handle API answered HTTP {res.status}, responseCode {code}")
        if code == 200:
            return Resolution(reference=ref.index, kind="doi", target=doi, status="ok",
                              service="doi.org", http_status=200,
                              note="registered, but the handle has no URL value")
        return self._agency(client, ref, doi)

    def _agency(self, client: HttpClient, ref: Reference, doi: str) -> Resolution:
        url = self._service_url(self.settings.doi_url, "/doiRA/" + quote(doi, safe="/"))
        res = client.fetch(url, check=answers.doi_agency)
        agency = str(res.parsed or "") if not res.fault else ""
        if agency.lower() == "datacite":
            dc = client.fetch(self._service_url(self.settings.datacite_url,
                                                "/dois/" + quote(doi, safe="/")),
                              check=answers.datacite)
            if not dc.fault and dc.status == 200 and dc.parsed is not None:
                return self._compared(ref, doi, dc.parsed)
            return Resolution(reference=ref.index, kind="doi", target=doi, status="ok",
                              service="datacite", http_status=dc.status,
                              note="registered with DataCite; metadata not available to compare")
        label = agency or "another agency"
        csl = self._content_negotiation(client, doi)
        if csl is not None:
            meta = replace(csl, service=(agency or "doi.org").lower())
            return self._compared(ref, doi, meta)
        return Resolution(reference=ref.index, kind="doi", target=doi, status="ok",
                          service="doi.org", http_status=200, metadata=(("agency", label),),
                          note=f"registered with {label}; metadata not compared")

    def _content_negotiation(self, client: HttpClient, doi: str) -> WorkMeta | None:
        """CSL-JSON for a DOI of another agency (mEDRA, JaLC, ...) via doi.org, if it serves one."""
        url = self.settings.doi_url.rstrip("/") + "/" + quote(doi, safe="/")
        res, _chain, _moved = client.follow(url, accept=CSL_ACCEPT, trusted=True, ttl=30 * DAY,
                                            check=answers.csl_item)
        if res.fault or res.status != 200:
            return None
        meta: WorkMeta | None = res.parsed
        return meta

    # -- DOI search ------------------------------------------------------------------
    def _search(self, client: HttpClient, ref: Reference) -> Resolution:
        target = ref.title
        if client.deadline.expired():
            return Resolution(reference=ref.index, kind="doi-search", target=target,
                              status="skipped", note="run deadline reached")
        url = self._service_url(self.settings.crossref_url, "/works",
                                [("query.bibliographic", ref.raw[:1000]), ("rows", "2")])
        res = client.fetch(url, check=answers.crossref_search)
        if res.fault:
            return self._fault(ref, "doi-search", target, res, service="crossref")
        if res.status != 200:
            return Resolution(reference=ref.index, kind="doi-search", target=target,
                              status="unreachable", service="crossref", http_status=res.status,
                              note=f"Crossref search answered HTTP {res.status}")
        cand, why = choose(ref, res.parsed)
        if cand is None:
            return Resolution(reference=ref.index, kind="doi-search", target=target,
                              status="not_found", service="crossref", http_status=200, note=why)
        return Resolution(reference=ref.index, kind="doi-search", target=target,
                          status="suggested", service="crossref", http_status=200,
                          metadata=cand.meta.metadata(), note=why,
                          suggestion=f"https://doi.org/{cand.doi}")

    # -- URLs ------------------------------------------------------------------------
    def _url(self, client: HttpClient, ref: Reference, url: str) -> Resolution:
        if client.deadline.expired():
            return Resolution(reference=ref.index, kind="url", target=url, status="skipped",
                              note="run deadline reached before this URL was checked")
        res, chain, permanent = client.follow(url, accept=HTML_ACCEPT, trusted=False,
                                              max_bytes=self.settings.max_page_bytes)
        final = chain[-1] if chain else url
        base: dict[str, Any] = {"reference": ref.index, "kind": "url", "target": url,
                                "service": "web", "final_url": final, "redirects": chain}
        if res.fault:
            if res.note.startswith(("redirect loop", "more than")):
                return Resolution(**base, status="dead", http_status=res.status, note=res.note)
            status = _FAULT_STATUS.get(res.fault, "unreachable")
            return Resolution(**base, status=status, http_status=res.status, note=res.note)
        code = res.status or 0
        if code in (404, 410):
            return Resolution(**base, status="dead", http_status=code,
                              note=f"HTTP {code}", suggestion=self._archived(client, url))
        if code in (401, 403, 429, 451):
            return Resolution(**base, status="blocked", http_status=code,
                              note=f"HTTP {code}: the site refused the checker")
        if code >= 500:
            return Resolution(**base, status="unreachable", http_status=code,
                              note=f"HTTP {code} from the site")
        if code >= 300:
            return Resolution(**base, status="dead", http_status=code,
                              note=f"HTTP {code} without a usable redirect")
        ctype = res.header("Content-Type")
        meta: list[tuple[str, str]] = [("content_type", ctype)] if ctype else []
        diffs: list[FieldDiff] = []
        if "html" in ctype.lower() or not ctype:
            page = parse_page(res.body, ctype)
            if page.best_title:
                meta.append(("page_title", page.best_title))
            meta += [(k, v) for k, v in page.meta if k != "og:title"]
            if is_soft_404(page):
                return Resolution(**base, status="dead", http_status=code,
                                  metadata=tuple(meta),
                                  note=f"soft 404: the page says {page.title!r}",
                                  suggestion=self._archived(client, url))
            if ref.title and page.best_title and len(page.best_title) >= 10 \
                    and page_title_score(ref.title, page) < PAGE_TITLE_THRESHOLD:
                diffs.append(FieldDiff("title", ref.title, page.best_title))
        moved = permanent and moved_elsewhere(url, final)
        if moved:
            meta.append(("moved_to", final))
        status = "mismatch" if diffs else ("moved" if moved else "ok")
        return Resolution(**base, status=status, http_status=code, diffs=tuple(diffs),
                          metadata=tuple(meta), note=res.note)

    def _archived(self, client: HttpClient, url: str) -> str:
        """An Internet Archive snapshot of a dead page, when the availability API knows one."""
        if not self.settings.archive_url or client.deadline.remaining() < 1:
            return ""
        api = self.settings.archive_url + "?" + urlencode([("url", url)])
        res = client.fetch(api, check=answers.wayback)
        if res.fault or res.status != 200:
            return ""
        return str(res.parsed or "")
