"""The HTML report in a real headless Chromium: clicking a citation shows its entry.

Needs Debian's ``chromium`` (``apt-get install -y chromium``) and the ``playwright`` Python
package; never ``playwright install`` (no browser downloads). Skips cleanly when either is absent.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_report import make_report, test_rules  # noqa: F401  (the fixture, used below)

from refcheck.report import render

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("test_rules")]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
    )
    exe = CHROMIUM if CHROMIUM.exists() else None
    if exe is None:
        found = shutil.which("chromium")
        if not found:
            pytest.skip("Chromium not found (apt-get install -y chromium)")
        exe = Path(found)
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(exe), args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser: Any, tmp_path: Path) -> Iterator[Any]:
    rep = make_report(body_extra="<script>window.pwned = 1</script>\n" * 3)
    out = tmp_path / "report.html"
    out.write_text(render(rep, "html"), encoding="utf-8")
    ctx = browser.new_context()
    pg = ctx.new_page()
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(out.as_uri())
    pg.requests_seen = requests
    pg.errors_seen = errors
    try:
        yield pg
    finally:
        ctx.close()


def test_click_citation_highlights_and_shows_entry(page: Any) -> None:
    assert page.locator("#panel").is_hidden()
    page.click("#cite-1")
    assert page.evaluate("location.hash") == "#ref-2"
    entry = page.locator("#ref-2")
    assert "active" in (entry.get_attribute("class") or "").split()
    assert "active" not in (page.locator("#ref-1").get_attribute("class") or "").split()
    assert page.locator("#panel").is_visible()
    assert "Kafkasya'da güç dengesi" in page.locator("#panel-body").inner_text()
    assert "current" in (page.locator("#cite-1").get_attribute("class") or "")
    # a second citation moves the highlight
    page.click("#cite-0")
    assert page.evaluate("location.hash") == "#ref-1"
    assert "active" in (page.locator("#ref-1").get_attribute("class") or "").split()
    assert "active" not in (entry.get_attribute("class") or "").split()
    assert "Neoclassical realism" in page.locator("#panel-body").inner_text()
    # closing the panel hides it
    page.click("#panel-close")
    assert page.locator("#panel").is_hidden()


def test_no_injected_script_runs_and_nothing_is_fetched(page: Any) -> None:
    assert page.evaluate("window.pwned === undefined")
    assert "<script>window.pwned = 1</script>" in page.locator("#manuscript").inner_text()
    assert [u for u in page.requests_seen if not u.startswith("file:")] == []
    assert page.errors_seen == []


def test_opening_with_a_hash_selects_the_entry(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    out.write_text(render(make_report(), "html"), encoding="utf-8")
    ctx = browser.new_context()
    try:
        pg = ctx.new_page()
        pg.goto(out.as_uri() + "#ref-1")
        assert "active" in (pg.locator("#ref-1").get_attribute("class") or "").split()
        assert pg.locator("#panel").is_visible()
    finally:
        ctx.close()


def test_a_page_for_several_manuscripts_keeps_each_one_s_links_apart(
    browser: Any, tmp_path: Path
) -> None:
    from refcheck.report import Style, item, writer

    style = Style(batch=True)
    w = writer("html", style)
    page_text = w.start()
    for k, extra in ((1, ""), (2, " Second edition.")):
        rep = make_report(entry_extra=extra, path=f"m{k}/paper.txt")
        page_text += w.add(item(rep, "html", style=Style(batch=True, anchor=f"m{k}-")))
    page_text += w.end()
    out = tmp_path / "batch.html"
    out.write_text(page_text, encoding="utf-8")
    ctx = browser.new_context()
    try:
        pg = ctx.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(out.as_uri())
        pg.click("#m2-cite-1")
        assert pg.evaluate("location.hash") == "#m2-ref-2"
        assert "active" in (pg.locator("#m2-ref-2").get_attribute("class") or "").split()
        assert "active" not in (pg.locator("#m1-ref-2").get_attribute("class") or "").split()
        assert "linked" not in (pg.locator("#m1-cite-1").get_attribute("class") or "")
        assert "Second edition." in pg.locator("#panel-body").inner_text()
        pg.goto(out.as_uri() + "#m1-ref-1")
        pg.reload()
        assert "active" in (pg.locator("#m1-ref-1").get_attribute("class") or "").split()
        assert errors == []
    finally:
        ctx.close()
