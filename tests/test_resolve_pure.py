"""Pure parts of the resolve stage: DOI normalisation, metadata comparison, search validation,
page metadata, URL dates, SSRF address policy. No sockets."""

from __future__ import annotations

import ipaddress
import os
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from servers import recorded_work, ref, search_response

from refcheck.model import FieldDiff, PartialDate, Person
from refcheck.resolve import ResolverSettings, normalise_doi
from refcheck.resolve.cache import cache_key
from refcheck.resolve.doi import compare, fold, page_range, parse_crossref, parse_datacite
from refcheck.resolve.http import blocked_ip_reason, parse_retry_after, vet_url
from refcheck.resolve.search import choose, wants_search
from refcheck.resolve.urls import (
    date_conflict,
    is_soft_404,
    moved_elsewhere,
    page_title_score,
    parse_page,
    url_path_date,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.2307/2539204", "10.2307/2539204"),
        ("https://doi.org/10.2307/2539204", "10.2307/2539204"),
        ("http://dx.doi.org/10.2307/2539204.", "10.2307/2539204"),
        ("doi:10.1017/S0043887100007814", "10.1017/s0043887100007814"),
        ("DOI: 10.1017/S0043887100007814;", "10.1017/s0043887100007814"),
        ("https://doi.org/10.1126%2Fscience.169.3946.635", "10.1126/science.169.3946.635"),
        ("10.1016/0140-3664(89)90063-7", "10.1016/0140-3664(89)90063-7"),
        ("(10.1016/0140-3664(89)90063-7)", "10.1016/0140-3664(89)90063-7"),
        ("10.1000/abc\u2013def", "10.1000/abc-def"),
        ("10.1162/tacl\\_a\\_00276", "10.1162/tacl_a_00276"),
        ("<https://doi.org/10.1000/xyz>", "10.1000/xyz"),
        ("10.2307.2539204", None),
        ("https://doi.org/", None),
        ("", None),
        ("not a doi", None),
        ("11.1000/abc", None),
    ],
)
def test_normalise_doi(text: str, expected: str | None) -> None:
    assert normalise_doi(text) == expected


def test_normalise_doi_is_linear_on_adversarial_input() -> None:
    t0 = time.perf_counter()
    assert normalise_doi("10.1234/" + "(" * 50_000 + ")" * 50_000 + "." * 5000) is not None
    assert normalise_doi("doi:" * 25_000) is None
    assert time.perf_counter() - t0 < 2.0


def test_fold_is_turkish_aware_and_strips_tags() -> None:
    assert fold("İstanbul <i>Işık</i> Çağı") == fold("istanbul isik cagi")
    assert fold("Zəfər paradı") == "zefer paradi"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1425-37", ("1425", "1437")),
        ("144–172", ("144", "172")),
        ("pp. 5–33", ("5", "33")),
        ("e33693", ("e33693", "")),
        ("317-335", ("317", "335")),
    ],
)
def test_page_range(text: str, expected: tuple[str, str]) -> None:
    assert page_range(text) == expected


PLOS = recorded_work()  # real Crossref record of 10.1371/journal.pone.0033693 (has a correction)
PLOS_TITLE = (
    "Methylphenidate exposure induces dopamine neuron loss and activation of microglia "
    "in the basal ganglia of mice"
)


def plos_ref(**kw: object) -> object:
    base: dict[str, object] = {
        "title": PLOS_TITLE,
        "authors": (Person("Sadasivan", "S."),),
        "year": 2012,
        "container_title": "PLoS ONE",
        "volume": "7",
        "issue": "3",
        "pages": "e33693",
        "doi": "10.1371/journal.pone.0033693",
    }
    base.update(kw)
    return ref(1, **base)


def test_parse_crossref_recorded_work() -> None:
    meta = parse_crossref(PLOS)
    assert meta.doi == "10.1371/journal.pone.0033693"
    assert meta.first_family == "Sadasivan"
    assert meta.years == (2012,)
    assert meta.container == ("PLoS ONE",)  # full and short titles, deduplicated
    assert (meta.volume, meta.issue, meta.pages) == ("7", "3", "e33693")
    assert meta.updates == (
        ("correction", "10.1371/annotation/c76da2c1-ccb8-4797-94c1-359d3ceceeda"),
    )
    assert meta.landing_url == "https://dx.plos.org/10.1371/journal.pone.0033693"
    assert (
        "update",
        "correction 10.1371/annotation/c76da2c1-ccb8-4797-94c1-359d3ceceeda",
    ) in meta.metadata()


def test_matching_entry_has_no_diffs() -> None:
    assert compare(plos_ref(), parse_crossref(PLOS)) == ()  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("change", "field", "entry", "service"),
    [
        (
            {"title": "Caffeine improves memory in adult zebrafish"},
            "title",
            "Caffeine improves memory in adult zebrafish",
            PLOS["title"][0],
        ),
        ({"authors": (Person("Pond", "B. B."),)}, "author", "Pond", "Sadasivan"),
        ({"year": 2015}, "year", "2015", "2012"),
        (
            {"container_title": "Nature Neuroscience"},
            "container",
            "Nature Neuroscience",
            "PLoS ONE",
        ),
        ({"volume": "17"}, "volume", "17", "7"),
        ({"issue": "4"}, "issue", "4", "3"),
        ({"pages": "e33694"}, "pages", "e33694", "e33693"),
    ],
)
def test_each_field_mismatch_is_its_own_diff(
    change: dict[str, object], field: str, entry: str, service: str
) -> None:
    diffs = compare(plos_ref(**change), parse_crossref(PLOS))  # type: ignore[arg-type]
    assert diffs == (FieldDiff(field, entry, service),)


def test_tolerances_year_plus_minus_one_case_and_abbreviated_pages() -> None:
    meta = parse_crossref({**PLOS, "page": "1425-1437", "title": ["<i>KRAS</i> and the mouse"]})
    entry = plos_ref(year=2013, pages="1425–37", title="KRAS AND THE MOUSE")
    assert compare(entry, meta) == ()  # type: ignore[arg-type]


def test_parse_datacite_attributes() -> None:
    meta = parse_datacite(
        {
            "data": {
                "id": "10.5281/zenodo.1",
                "type": "dois",
                "attributes": {
                    "doi": "10.5281/ZENODO.1",
                    "titles": [{"title": "Data"}, {"title": "More", "titleType": "Subtitle"}],
                    "creators": [{"name": "Çam, Ö.", "nameType": "Personal"}],
                    "publicationYear": 2020,
                    "container": {
                        "title": "Zenodo",
                        "volume": "2",
                        "firstPage": "3",
                        "lastPage": "9",
                    },
                    "types": {"resourceTypeGeneral": "Dataset"},
                    "url": "https://zenodo.org/record/1",
                },
            }
        }
    )
    assert (meta.doi, meta.full_title, meta.first_family, meta.years) == (
        "10.5281/zenodo.1",
        "Data: More",
        "Çam",
        (2020,),
    )
    assert (meta.container, meta.volume, meta.pages, meta.type) == (
        ("Zenodo",),
        "2",
        "3-9",
        "Dataset",
    )
    with pytest.raises(ValueError, match="attributes"):
        parse_datacite({"errors": []})


# -- DOI search validation (Crossref's matcher test responses) --------------------------------

CERMINE = {
    "title": "CERMINE: automatic extraction of structured metadata from scientific literature",
    "authors": (Person("Tkaczyk", "D."),),
    "year": 2015,
    "container_title": "International Journal on Document Analysis and Recognition",
    "volume": "18",
    "issue": "4",
    "pages": "317-335",
    "type": "article-journal",
}


def test_search_accepts_validated_candidate_with_evidence() -> None:
    items = search_response("structured-ref-response-1.json")["message"]["items"]
    cand, note = choose(ref(1, **CERMINE), items)
    assert cand is not None
    assert cand.doi == "10.1007/s10032-015-0249-8"
    assert cand.support == 5
    assert note.startswith("evidence: title 1.00, first author Tkaczyk, year 2015, volume 18")


def test_search_rejects_candidates_without_enough_support() -> None:
    items = search_response("structured-ref-response-1.json")["message"]["items"]
    # same journal, volume and year but a different paper: title and author disagree
    other = ref(
        1,
        title="Deep learning for table detection",
        authors=(Person("Nobody"),),
        year=2015,
        volume="18",
        pages="999-1000",
        type="article-journal",
    )
    cand, note = choose(other, items)
    assert cand is None
    assert note == "no candidate among 5 passed validation"


def test_search_refuses_ties() -> None:
    item = search_response("structured-ref-response-1.json")["message"]["items"][0]
    twin = {**item, "DOI": "10.9999/copy"}
    cand, note = choose(ref(1, **CERMINE), [item, twin])
    assert cand is None and note.startswith("ambiguous")


def test_wants_search_only_for_articles_and_chapters_without_doi() -> None:
    assert wants_search(ref(1, title="T", type="article-journal"))
    assert wants_search(ref(1, title="T", type="chapter"))
    assert not wants_search(ref(1, title="T", type="webpage"))
    assert not wants_search(ref(1, title="T", type="article-journal", doi="10.1/x"))


# -- pages and URLs ---------------------------------------------------------------------------


def test_parse_page_title_and_meta() -> None:
    html = (
        "<html><head><meta charset='utf-8'><title> Hava Durumu | Habertürk </title>"
        "<meta property='og:title' content='İstanbul hava durumu'>"
        "<meta name='citation_title' content='A Paper'>"
        "<meta name='citation_date' content='2020/10/14'></head><body>x</body></html>"
    )
    page = parse_page(html.encode(), "text/html")
    assert page.title == "Hava Durumu | Habertürk"
    assert page.best_title == "A Paper"
    assert page.get("citation_date") == "2020/10/14"


def test_parse_page_windows_1251() -> None:
    body = "<title>Страница</title>".encode("cp1251")
    assert parse_page(body, "text/html; charset=windows-1251").title == "Страница"


def test_parse_page_is_bounded_on_hostile_html() -> None:
    t0 = time.perf_counter()
    for hostile in (
        "<title>" + "<" * 100_000,
        "<!--" + "-" * 100_000,
        "<a " * 40_000,
        "<meta content='" + "x" * 100_000,
    ):
        parse_page(hostile.encode(), "text/html")
    assert time.perf_counter() - t0 < 3.0


def test_soft_404_and_title_score() -> None:
    assert is_soft_404(parse_page(b"<title>Sayfa bulunamad\xc4\xb1</title>"))
    assert is_soft_404(parse_page(b"<title>404 - Page Not Found</title>"))
    assert not is_soft_404(parse_page(b"<title>Drones in the war</title>"))
    page = parse_page("<title>Hava Durumu - Habertürk</title>".encode())
    assert (
        page_title_score("Aliyev, Habertürk'e konuştu: Türkiye olmadan sorun çözülemez", page) < 0.5
    )
    page2 = parse_page(
        b"<title>The U.S. Army Is Using the Nagorno-Karabakh Conflict to Study "
        b"Drone Warfare - Foreign Policy</title>"
    )
    assert (
        page_title_score(
            "The U.S. army is using the Nagorno-Karabakh conflict to study drone warfare", page2
        )
        == 1.0
    )


def test_url_path_dates() -> None:
    tr = "https://www.technologyreview.com/2023/01/09/1064892/mass-market-military-drones/"
    assert url_path_date(tr) == PartialDate(2023, 1, 9)
    assert date_conflict(tr, PartialDate(2023, 1, 30)) == ("2023-01-30", "2023-01-09")
    assert date_conflict(tr, PartialDate(2023, 1, 9)) is None
    assert (
        date_conflict("https://iz.ru/1077150/2020-10-22/v-kremle", PartialDate(2020, 10, 22))
        is None
    )
    assert url_path_date(
        "https://www.gazeta.ru/politics/2020/12/09_a_13392853.shtml"
    ) == PartialDate(2020, 12, 9)
    assert date_conflict("https://x.org/2021/12/a.html", PartialDate(2022, 2, 23)) == (
        "2022-02-23",
        "2021-12",
    )
    assert url_path_date("https://president.az/en/articles/view/40968") is None
    t0 = time.perf_counter()
    url_path_date("https://x.org/" + "2020/" * 20_000)
    url_path_date("https://x.org/" + "/1999-1" * 20_000)
    assert time.perf_counter() - t0 < 1.0


def test_moved_elsewhere_ignores_scheme_www_and_slash() -> None:
    assert not moved_elsewhere("http://example.org/a", "https://www.example.org/a/")
    assert moved_elsewhere("http://example.org/a", "https://example.org/b")


# -- SSRF policy ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "addr",
    [
        "127.0.0.1",
        "10.1.2.3",
        "192.168.0.1",
        "172.16.5.4",
        "169.254.169.254",
        "100.64.0.1",
        "224.0.0.1",
        "0.0.0.0",
        "::1",
        "fc00::1",
        "fe80::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        # transition prefixes that carry an IPv4 address (Python calls 2002::/16 global)
        "2002:7f00:1::",  # 6to4 around 127.0.0.1
        "2002:a9fe:a9fe::",  # 6to4 around 169.254.169.254
        "2002:5db8:d822::",  # 6to4 around a public address: refused all the same
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
        "64:ff9b::7f00:1",  # NAT64 well-known prefix
        "64:ff9b:1::a00:1",  # NAT64 local-use prefix
        "::7f00:1",  # IPv4-compatible
        "::ffff:0:7f00:1",  # SIIT
    ],
)
def test_forbidden_addresses(addr: str) -> None:
    assert blocked_ip_reason(ipaddress.ip_address(addr), allow_local=False)


def test_allow_local_opens_loopback_only() -> None:
    assert blocked_ip_reason(ipaddress.ip_address("127.0.0.1"), allow_local=True) == ""
    assert blocked_ip_reason(ipaddress.ip_address("::1"), allow_local=True) == ""
    assert (
        blocked_ip_reason(ipaddress.ip_address("169.254.169.254"), allow_local=True)
        == "cloud metadata address"
    )
    assert blocked_ip_reason(ipaddress.ip_address("10.0.0.1"), allow_local=True)
    assert blocked_ip_reason(ipaddress.ip_address("93.184.216.34"), allow_local=False) == ""


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("ftp://example.org/x", "scheme 'ftp' not allowed"),
        ("file:///etc/passwd", "scheme 'file' not allowed"),
        ("http://user:pw@example.org/", "credentials in URL"),
        ("http://localhost:8080/", "loopback host"),
        ("http://169.254.169.254/latest/meta-data/", "cloud metadata address"),
        ("http://[::ffff:127.0.0.1]/", "loopback address"),
        ("http://[2002:7f00:1::]/", "6to4 address"),
        ("http://[64:ff9b::a9fe:a9fe]/", "NAT64 address"),
        ("https://example.org/ok", ""),
    ],
)
def test_vet_url(url: str, why: str) -> None:
    assert vet_url(url, allow_local=False) == why


def test_retry_after_forms() -> None:
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after("") is None
    assert parse_retry_after("soon") is None
    future = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 86400))
    value = parse_retry_after(future)
    assert value is not None and 86000 < value <= 86400


def test_cache_keys_separate_accept_and_ignore_mailto() -> None:
    a = cache_key("GET", "https://doi.org/10.1/x?mailto=a@b.c", "application/x-bibtex")
    assert a == cache_key("GET", "https://doi.org/10.1/x", "application/x-bibtex")
    assert a != cache_key(
        "GET", "https://doi.org/10.1/x", "application/vnd.citationstyles.csl+json"
    )
    assert cache_key("GET", "https://x.org/?b=1&a=2", "") == cache_key(
        "GET", "https://x.org/?a=2&b=1", ""
    )


def test_settings_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REFCHECK_CROSSREF_URL", "http://127.0.0.1:9/cr/")
    monkeypatch.setenv("REFCHECK_DOI_URL", "http://127.0.0.1:9/doi")
    monkeypatch.setenv("REFCHECK_DATACITE_URL", "http://127.0.0.1:9/dc")
    monkeypatch.setenv("REFCHECK_MAILTO", "ops@example.org")
    monkeypatch.setenv("REFCHECK_ALLOW_LOCAL_URLS", "1")
    monkeypatch.setenv("REFCHECK_CACHE_DIR", "/tmp/rc-cache")
    s = ResolverSettings.from_env(timeout=3.0)
    assert (s.crossref_url, s.doi_url, s.datacite_url) == (
        "http://127.0.0.1:9/cr",
        "http://127.0.0.1:9/doi",
        "http://127.0.0.1:9/dc",
    )
    assert (s.mailto, s.allow_local_urls, s.cache_dir, s.timeout) == (
        "ops@example.org",
        True,
        "/tmp/rc-cache",
        3.0,
    )
    assert s.agent.startswith("refcheck/") and "mailto:ops@example.org" in s.agent
    assert ResolverSettings.from_env(mailto="x@y.z").mailto == "x@y.z"
    assert ResolverSettings.from_env(cache_dir="").cache_dir == "/tmp/rc-cache"
    assert ResolverSettings.from_env().cache_path == os.path.join("/tmp/rc-cache", "resolve.sqlite")
    with pytest.raises(TypeError, match="bogus"):
        ResolverSettings.from_env(bogus=1)
    monkeypatch.delenv("REFCHECK_CACHE_DIR")
    assert ResolverSettings().resolved_cache_dir.endswith(os.path.join("refcheck"))


@settings(max_examples=300)
@given(st.text(max_size=200))
def test_normalise_doi_total(text: str) -> None:
    out = normalise_doi(text)
    assert out is None or (out.startswith("10.") and "/" in out and out == out.lower()
                           and normalise_doi(out) == out)


_KEYS = ["title", "subtitle", "author", "editor", "family", "name", "sequence", "issued",
         "published-print", "date-parts", "page", "article-number", "DOI", "type", "volume",
         "container-title", "short-container-title", "updated-by", "resource", "primary", "URL"]


@settings(max_examples=300)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.sampled_from(_KEYS), inner, max_size=5),
                    max_leaves=30))
def test_parse_crossref_survives_odd_shapes(data: object) -> None:
    """Real services send odd shapes too: the reader must degrade to empty fields, not raise."""
    if isinstance(data, dict):
        meta = parse_crossref(data)
        assert isinstance(meta.title, str) and all(isinstance(y, int) for y in meta.years)


def test_a_locked_file_is_tried_again_and_other_errors_are_raised() -> None:
    import sqlite3

    from refcheck.resolve.cache import open_when_free

    answers: list[object] = [sqlite3.OperationalError("database is locked"), "conn"]

    def connect() -> sqlite3.Connection:
        got = answers.pop(0)
        if isinstance(got, Exception):
            raise got
        return got  # type: ignore[return-value]

    assert open_when_free(connect) == "conn"  # the second try, once the file was free
    answers[:] = [sqlite3.OperationalError("attempt to write a readonly database")]
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        open_when_free(connect)
    answers[:] = [sqlite3.OperationalError("database is locked")] * 100
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        open_when_free(connect, seconds=0.1)  # a lock that outlasts the wait


def test_processes_starting_together_all_share_the_cache_and_the_rate_window(
    tmp_path: os.PathLike[str],
) -> None:
    import threading

    from refcheck.resolve.cache import ResponseCache
    from refcheck.resolve.http import SharedRateWindow

    for attempt in range(20):
        folder = os.path.join(tmp_path, str(attempt))
        start = threading.Barrier(6)
        opened: list[bool] = []

        def open_both(
            folder: os.PathLike[str] = folder,
            start: threading.Barrier = start,
            opened: list[bool] = opened,
        ) -> None:
            start.wait()
            cache = ResponseCache(os.path.join(folder, "http.sqlite"))
            window = SharedRateWindow(os.path.join(folder, "ratelimit.sqlite"))
            opened.append(not cache.disabled and window._conn is not None)

        threads = [threading.Thread(target=open_both) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert opened == [True] * 6
