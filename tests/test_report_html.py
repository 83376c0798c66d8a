"""The HTML report: structure, links between citations and entries, and escaping."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser

import pytest
from test_report import make_report, test_rules  # noqa: F401  (the fixture, used below)

from refcheck.findings import Finding, Severity
from refcheck.model import FieldDiff, Resolution
from refcheck.report import render


class Tree(HTMLParser):
    """Collects (tag, attrs) of every start tag and the text of <script>/<style> blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.raw:
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.raw[self._in].append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())
        ]


pytestmark = pytest.mark.usefixtures("test_rules")


def parse(page: str) -> Tree:
    tree = Tree()
    tree.feed(page)
    tree.close()
    return tree


def test_citations_link_to_entries() -> None:
    tree = parse(render(make_report(), "html"))
    rose = tree.find("a", id="cite-0")
    assert rose == [
        {"class": "cite", "href": "#ref-1", "data-ref": "1", "id": "cite-0", "title": "entry 1"}
    ]
    assert tree.find("a", id="cite-1")[0]["href"] == "#ref-2"
    unmatched = tree.find("a", id="cite-2")[0]
    assert unmatched["class"] == "cite unmatched" and "data-ref" not in unmatched
    assert unmatched["data-sev"] == "warning"
    assert "T901: No reference-list entry matches" in (unmatched["title"] or "")
    entries = tree.find("li", **{"class": "entry"})
    assert [e["id"] for e in entries] == ["ref-1", "ref-2"]
    assert "hidden" in tree.find("aside", id="panel")[0]


def test_entries_show_findings_diffs_and_back_links() -> None:
    page = render(make_report(), "html")
    entry1 = page[page.index('id="ref-1"') : page.index('id="ref-2"')]
    assert "T902" in entry1 and "Title differs from Crossref&#x27;s." in entry1
    assert "Suggestion: Neoclassical Realism and Theories of Foreign Policy" in entry1
    assert '<table class="diffs">' in entry1
    assert "<td>title</td><td>Neoclassical realism and theories of foreign policy</td>" in entry1
    assert '<a href="#cite-0">line 2</a>' in entry1 and "cited 1×" in entry1
    findings = page[page.index('<section id="findings">') :]
    assert findings.count('<tr class="sev-') == 3
    assert '<a href="#cite-2">citation</a>' in findings
    assert '<a href="#ref-1">entry 1</a>' in findings


def test_csp_allows_exactly_the_inline_blocks() -> None:
    page = render(make_report(), "html")
    tree = parse(page)
    (meta,) = tree.find("meta", **{"http-equiv": "Content-Security-Policy"})
    csp = meta["content"] or ""
    assert "default-src 'none'" in csp
    for kind, directive in (("script", "script-src"), ("style", "style-src")):
        (block,) = tree.raw[kind]
        digest = base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in csp
    # nothing is fetched at view time
    assert not [a for _, a in tree.tags if "src" in a]
    assert not tree.find("link")


INJECT = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>'<b onclick=x>"


def test_everything_from_the_manuscript_is_escaped() -> None:
    rep = make_report(body_extra=INJECT, entry_extra=INJECT)
    rep = replace(
        rep,
        findings=(
            *rep.findings,
            Finding(
                "T901",
                Severity.WARNING,
                INJECT,
                line=2,
                column=80,
                span=rep.citations[2].span,
                citation=INJECT,
                suggestion=INJECT,
                reference=2,
            ),
        ),
        resolutions=(
            Resolution(
                reference=2,
                kind="url",
                target=INJECT,
                status=INJECT,
                service=INJECT,
                note=INJECT,
                diffs=(FieldDiff(INJECT, INJECT, INJECT),),
            ),
        ),
        notes=(INJECT,),
    )
    page = render(rep, "html", path_display=INJECT)
    tree = parse(page)
    assert len(tree.find("script")) == 1  # ours only
    assert not tree.find("img") and not tree.find("b")
    assert not [a for _, a in tree.tags if any(k.startswith("on") for k in a)]
    assert "<script>alert" not in page and "<img" not in page
    # the injected text is still there, as text: in the body, the entry, a title attribute
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 8
    cite = tree.find("a", id="cite-2")[0]
    assert INJECT in (cite["title"] or "")  # attribute context: intact once unescaped


def test_overlapping_or_out_of_body_citations_do_not_break_the_text() -> None:
    rep = make_report()
    c0, c1, c2 = rep.citations
    nested = replace(c1, index=3, span=replace(c1.span, start=c1.span.start + 2))
    outside = replace(c2, index=4, span=rep.references[0].span)
    rep = replace(rep, citations=(c0, c1, c2, nested, outside))
    page = render(rep, "html")
    tree = parse(page)
    assert not tree.find("a", id="cite-3") and not tree.find("a", id="cite-4")
    body = page[page.index('<div class="body">') : page.index("</section>")]
    assert unescape(re.sub(r"<[^>]+>", "", body)).count("Yüzbaşıoğlu & Çam, 2020: 14") == 1
