"""A single self-contained HTML page an editor opens in a browser.

The manuscript body is shown with every citation highlighted and linked to its entry; the
reference list shows each entry's findings and where an authoritative service disagrees with it;
a findings table lists everything. Clicking a citation highlights its entry and shows it in a side
panel. No network at view time: CSS and JS are inline and a Content-Security-Policy allows only
those two blocks (by hash), so even a slip in escaping could not run injected script. All
manuscript text goes through :func:`html.escape`, in text and attribute context alike.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import json
import re
from collections import defaultdict
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from refcheck.findings import Finding, Report, get_rule
from refcheck.model import Citation, Resolution, Span
from refcheck.report._common import (
    RULES_DOC_URL,
    Item,
    Style,
    finding_path,
    location,
    plural,
    sorted_findings,
    summary_line,
    tool_version,
)
from refcheck.report._common import Writer as _Writer
from refcheck.safetext import UNSAFE_IN_LINES, visible

if TYPE_CHECKING:
    from refcheck.config import Config

CSS = """
:root{--err:#b3261e;--warn:#8a5a00;--info:#1d5fa8;--hl:#fff3b0;--bg:#fbfaf7;--line:#ddd}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 Georgia,"Times New Roman",serif;background:var(--bg);color:#222}
header{padding:1em 1.5em;border-bottom:1px solid var(--line);background:#fff}
header h1{font-size:1.2em;margin:0 0 .3em}
.summary{margin:0;font-family:system-ui,sans-serif}
.notes{margin:.4em 0 0;padding-left:1.2em;font:13px system-ui,sans-serif;color:#555}
.layout{display:flex;align-items:flex-start}
main{flex:1;min-width:0;padding:0 1.5em 4em}
h2{font:600 1.05em system-ui,sans-serif;margin:1.6em 0 .6em;border-bottom:1px solid var(--line)}
.body{white-space:pre-wrap;overflow-wrap:anywhere;max-width:52em}
a.cite{color:inherit;background:#e8f0fe;border-bottom:2px solid #8ab4f8;text-decoration:none;
 border-radius:2px;cursor:pointer}
a.cite[data-sev=error],a.cite.unmatched{background:#fde7e6;border-color:var(--err)}
a.cite[data-sev=warning]{background:#fff4e0;border-color:#e0a030}
a.cite.linked{background:var(--hl)}
a.cite.current{outline:2px solid #333}
ol.entries{padding-left:2.6em}
li.entry{margin:.5em 0;padding:.4em .6em;border-left:3px solid transparent;overflow-wrap:anywhere}
li.entry.active,li.entry:target{background:var(--hl);border-left-color:#c90}
.entry .meta{font:12px system-ui,sans-serif;color:#666}
ul.ef{margin:.3em 0;padding-left:1.1em;font:13px system-ui,sans-serif}
.sev-error{color:var(--err)}.sev-warning{color:var(--warn)}.sev-info{color:var(--info)}
.code{font:600 12px ui-monospace,monospace}
.ctl{font:11px ui-monospace,monospace;border:1px solid #999;border-radius:2px;padding:0 2px;
 color:#555;background:#eee}
.sugg{color:#333;font-style:italic}
table{border-collapse:collapse;font:13px system-ui,sans-serif}
td,th{border:1px solid var(--line);padding:.2em .5em;text-align:left;vertical-align:top}
table.diffs{margin:.3em 0}
section[id$=findings] table{width:100%}
article.manuscript{border-top:3px solid var(--line);margin-top:2em}
article.manuscript>h2.path{font:600 1.15em system-ui,sans-serif;border:0}
ul.toc{margin:.4em 0 0;padding-left:1.2em;font:14px system-ui,sans-serif}
p.error{color:var(--err);font-family:system-ui,sans-serif}
aside#panel{position:sticky;top:0;width:34%;max-height:100vh;overflow:auto;background:#fff;
 border-left:1px solid var(--line);padding:1em;font-size:14px}
aside#panel[hidden]{display:none}
#panel-close{float:right;font-size:1.2em;border:0;background:none;cursor:pointer}
#panel-body li.entry{list-style:none;background:none;border:0;padding:0}
@media print{aside#panel{display:none}}
""".strip()

JS = """
(function () {
  "use strict";
  var panel = document.getElementById("panel");
  var panelBody = document.getElementById("panel-body");
  var shown = null;
  function clear() {
    shown = null;
    document.querySelectorAll(".active,.linked,.current").forEach(function (el) {
      el.classList.remove("active", "linked", "current");
    });
  }
  // p: the manuscript's id prefix ("" for a one-manuscript page, "m2-" in a batch page)
  function show(p, n, cite) {
    var entry = document.getElementById(p + "ref-" + n);
    if (!entry) { return; }
    clear();
    shown = p + n;
    entry.classList.add("active");
    document.querySelectorAll("a.cite").forEach(function (a) {
      if (a.getAttribute("data-ref") === String(n) && (a.getAttribute("data-p") || "") === p) {
        a.classList.add("linked");
      }
    });
    if (cite) { cite.classList.add("current"); }
    var copy = entry.cloneNode(true);
    copy.removeAttribute("id");
    copy.classList.remove("active");
    panelBody.replaceChildren(copy);
    panel.hidden = false;
    entry.scrollIntoView({block: "center"});
  }
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a.cite[data-ref]") : null;
    if (!a) { return; }
    e.preventDefault();
    var n = a.getAttribute("data-ref");
    var p = a.getAttribute("data-p") || "";
    if (location.hash !== "#" + p + "ref-" + n) { location.hash = p + "ref-" + n; }
    show(p, n, a);
  });
  function fromHash() {
    var m = /^#((?:m\\d+-)?)ref-(\\d+)$/.exec(location.hash);
    if (m && m[1] + m[2] !== shown) { show(m[1], m[2], null); }
  }
  window.addEventListener("hashchange", fromHash);
  document.getElementById("panel-close").addEventListener("click", function () {
    panel.hidden = true;
    clear();
  });
  fromHash();
})();
""".strip()


def _e(value: object) -> str:
    """Escape for text: markup escaped, controls (but line breaks and tabs, which the body's
    ``pre-wrap`` shows as such) and bidi overrides shown as visible markers."""
    return UNSAFE_IN_LINES.sub(_marker, escape(str(value), quote=True))


def _a(value: object) -> str:
    """Escape for a double-quoted attribute: markup escaped, controls as ``\\uXXXX`` text."""
    return escape(visible(str(value)), quote=True)


def _marker(m: re.Match[str]) -> str:
    """A control or bidi character as an inert, visible box: ``U+202E`` in the page's text."""
    code = f"U+{ord(m.group()):04X}"
    return f'<span class="ctl" title="control character {code}">{code}</span>'


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _rule_name(code: str) -> str:
    try:
        return get_rule(code).name
    except KeyError:
        return ""


def _overlaps(a: Span, b: Span) -> bool:
    return (a.start < b.end and b.start < a.end) or (len(a) == 0 and b.start <= a.start < b.end)


def _body_span(report: Report) -> Span:
    doc = report.document
    if len(doc.body):
        return doc.body
    end = doc.references_region.start if doc.references_region else len(doc.text)
    if doc.heading is not None:
        end = min(end, doc.heading.start)
    return Span(0, end)


def _findings_by_citation(
    findings: list[Finding], cites: list[Citation], report: Report
) -> dict[int, list[Finding]]:
    """Attach findings to the (non-overlapping, sorted) citations they are about.

    By span overlap (binary search, so a long manuscript stays fast), else by citation text on
    the same line for findings that carry no span.
    """
    starts = [c.span.start for c in cites]
    by_text_line = {(c.text, report.document.locate(c.span.start)[0]): c for c in cites}
    out: dict[int, list[Finding]] = defaultdict(list)
    for f in findings:
        hit: Citation | None = None
        if f.span is not None:
            i = bisect.bisect_right(starts, f.span.start) - 1
            for c in cites[max(i, 0) : i + 2]:
                if _overlaps(f.span, c.span):
                    hit = c
                    break
        elif f.citation is not None and f.line is not None:
            hit = by_text_line.get((f.citation, f.line))
        if hit is not None:
            out[hit.index].append(f)
    return out


def _finding_item(f: Finding, report: Report, *, target: bool) -> str:
    line, _ = location(report, f)
    parts = [
        f'<li class="sev-{f.severity.value}">',
        f'<span class="code" title="{_a(_rule_name(f.code))}">{_e(f.code)}</span> ',
        f"[{_e(f.severity.value)}] {_e(f.message)}",
    ]
    if f.suggestion:
        parts.append(f' <span class="sugg">Suggestion: {_e(f.suggestion)}</span>')
    if target and line is not None:
        other = finding_path(report, f, "")  # "" unless in an appended file (LaTeX .bib)
        where = f"{other} line {line}" if other else f"line {line}"
        parts.append(f' <span class="meta">({_e(where)})</span>')
    parts.append("</li>")
    return "".join(parts)


def _resolution_block(res: Resolution) -> str:
    out = [
        f'<div class="meta">{_e(res.kind)} <code>{_e(res.target)}</code>: {_e(res.status)}'
        + (f" ({_e(res.service)})" if res.service else "")
        + (f" — {_e(res.note)}" if res.note else "")
        + "</div>"
    ]
    if res.diffs:
        out.append(
            '<table class="diffs"><tr><th>field</th><th>entry</th>'
            f"<th>{_e(res.service or 'service')}</th></tr>"
        )
        for d in res.diffs:
            out.append(
                f"<tr><td>{_e(d.field)}</td><td>{_e(d.entry)}</td><td>{_e(d.service)}</td></tr>"
            )
        out.append("</table>")
    return "".join(out)


def _fragment(report: Report, path: str, p: str) -> dict[str, str]:
    """One manuscript's header and main sections; ``p`` prefixes every id ("" alone on a page)."""
    doc = report.document
    findings = sorted_findings(report)
    link_of = {lk.citation: lk.reference for lk in report.links}
    n_refs = len(doc.references)

    # findings per entry and per citation
    by_ref: dict[int, list[Finding]] = defaultdict(list)
    for f in findings:
        if f.reference is not None:
            by_ref[f.reference].append(f)
    body = _body_span(report)
    cites: list[Citation] = []
    last_end = body.start
    for c in sorted(report.citations, key=lambda c: (c.span.start, -c.span.end)):
        if c.span.start >= last_end and c.span.end <= body.end:
            cites.append(c)
            last_end = c.span.end
    by_cite = _findings_by_citation(findings, cites, report)
    cited_by: dict[int, list[Citation]] = defaultdict(list)
    for c in cites:
        target_ref = link_of.get(c.index)
        if target_ref is not None:
            cited_by[target_ref].append(c)

    # the manuscript body with citations as links
    data_p = f' data-p="{_a(p)}"' if p else ""
    pieces: list[str] = []
    pos = body.start
    for c in cites:
        pieces.append(_e(doc.text[pos : c.span.start]))
        ref = link_of.get(c.index)
        issues = by_cite.get(c.index, [])
        title = "; ".join(f"{f.code}: {f.message}" for f in issues)
        sev = max(issues, key=lambda f: f.severity.rank).severity.value if issues else ""
        sev_attr = f' data-sev="{_a(sev)}"' if sev else ""
        text = _e(doc.text[c.span.start : c.span.end])
        if ref is not None and 1 <= ref <= n_refs:
            pieces.append(
                f'<a class="cite" href="#{p}ref-{ref}" data-ref="{ref}"{data_p}'
                f' id="{p}cite-{c.index}"'
                f'{sev_attr} title="{_a(title or f"entry {ref}")}">{text}</a>'
            )
        else:
            pieces.append(
                f'<a class="cite unmatched" href="#{p}cite-{c.index}" id="{p}cite-{c.index}"'
                f'{sev_attr} title="{_a(title or "no matching entry")}">{text}</a>'
            )
        pos = c.span.end
    pieces.append(_e(doc.text[pos : body.end]))

    # the reference list
    res_by_ref: dict[int, list[Resolution]] = defaultdict(list)
    for r in report.resolutions:
        res_by_ref[r.reference].append(r)
    entries: list[str] = []
    for entry in doc.references:
        fs = by_ref.get(entry.index, [])
        worst = max(fs, key=lambda f: f.severity.rank).severity.value if fs else "none"
        back = ", ".join(
            f'<a href="#{p}cite-{c.index}">line {doc.locate(c.span.start)[0]}</a>'
            for c in cited_by.get(entry.index, [])
        )
        in_file = doc.where(entry.span.start)[0]  # LaTeX: the .bib the entry is in
        at = f"{Path(in_file).name} line {entry.line}" if in_file else f"line {entry.line}"
        meta = f"{_e(at)} · " + (
            f"cited {len(cited_by[entry.index])}×: {back}" if back else "not cited"
        )
        item = [
            f'<li class="entry" id="{p}ref-{entry.index}" value="{entry.index}"'
            f' data-ref="{entry.index}" data-worst="{_a(worst)}">',
            f'<div class="raw">{_e(entry.raw)}</div>',
            f'<div class="meta">{meta}</div>',
        ]
        if fs:
            item.append('<ul class="ef">')
            item.extend(_finding_item(f, report, target=False) for f in fs)
            item.append("</ul>")
        for res in res_by_ref.get(entry.index, []):
            if res.diffs or res.status not in ("ok", "skipped"):
                item.append(_resolution_block(res))
        item.append("</li>")
        entries.append("".join(item))

    # the findings table
    cite_of_finding = {id(f): c.index for c in cites for f in by_cite.get(c.index, [])}
    rows: list[str] = []
    for f in findings:
        line, col = location(report, f)
        other = finding_path(report, f, "")  # a LaTeX .bib entry's finding names the .bib
        at = "" if line is None else (f"{other}:" if other else "") + f"{line}:{col or 1}"
        if id(f) in cite_of_finding:
            target = f'<a href="#{p}cite-{cite_of_finding[id(f)]}">citation</a>'
        elif f.reference is not None and 1 <= f.reference <= n_refs:
            target = f'<a href="#{p}ref-{f.reference}">entry {f.reference}</a>'
        else:
            target = ""
        rows.append(
            f'<tr class="sev-{f.severity.value}"><td>{_e(f.severity.value)}</td>'
            f'<td><a class="code" href="{_a(RULES_DOC_URL)}#{_a(f.code.lower())}"'
            f' title="{_a(_rule_name(f.code))}">{_e(f.code)}</a></td>'
            f"<td>{_e(at)}</td>"
            f"<td>{_e(f.message)}"
            + (f' <span class="sugg">Suggestion: {_e(f.suggestion)}</span>' if f.suggestion else "")
            + f"</td><td>{target}</td></tr>"
        )
    notes = "".join(f"<li>{_e(n)}</li>" for n in report.notes)
    header = (
        f'<p class="summary">{_e(summary_line(report, path))}</p>'
        + (f'<ul class="notes">{notes}</ul>' if notes else "")
    )
    main = "".join(
        [
            f'<section id="{p}manuscript"><h2>Manuscript</h2>',
            f'<div class="body">{"".join(pieces)}</div></section>',
            f'<section id="{p}references"><h2>References ({n_refs})</h2>',
            f'<ol class="entries">{"".join(entries)}</ol></section>',
            f'<section id="{p}findings"><h2>Findings ({len(findings)})</h2>',
            "<table><tr><th>severity</th><th>code</th><th>line</th><th>message</th>"
            f"<th>about</th></tr>{''.join(rows)}</table></section>",
        ]
    )
    return {"path": path, "header": header, "main": main}


def _page(title: str, header: str, main: str) -> str:
    csp = (
        f"default-src 'none'; style-src {_csp_hash(CSS)}; script-src {_csp_hash(JS)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_a(csp)}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="refcheck {_a(tool_version())}">',
            f"<title>refcheck: {_a(title)}</title>",
            f"<style>{CSS}</style>",
            "</head>",
            "<body>",
            "<header>",
            header,
            "</header>",
            '<div class="layout">',
            "<main>",
            main,
            "</main>",
            '<aside id="panel" hidden><button id="panel-close" type="button"'
            ' aria-label="close">×</button><div id="panel-body"></div></aside>',
            "</div>",
            f"<script>{JS}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )


def part(report: Report, *, path: str, config: Config | None, style: Style, fmt: str) -> str:
    """This manuscript's fragment (ids prefixed with ``style.anchor``), as JSON for the writer."""
    return json.dumps(_fragment(report, path, style.anchor), ensure_ascii=False)


class Writer(_Writer):
    """One self-contained page: one manuscript as before, or a batch with a list of contents,
    one article per manuscript (ids prefixed ``m1-``, ``m2-`` …) and one side panel."""

    def add(self, item: Item) -> str:
        self.items.append(item)
        return ""

    def end(self) -> str:
        if not self.style.batch and len(self.items) == 1 and not self.items[0].error:
            frag = json.loads(self.items[0].part)
            header = (
                f'<h1>refcheck report: <span class="path">{_e(frag["path"])}</span></h1>'
                + frag["header"]
            )
            return _page(frag["path"], header, frag["main"])
        toc: list[str] = []
        articles: list[str] = []
        totals = [0, 0, 0]
        for k, it in enumerate(self.items, 1):
            anchor = f"m{k}"
            if it.error:
                summary = f"could not be checked: {it.error}"
                inner = f'<p class="error">{_e(summary)}</p>'
            else:
                frag = json.loads(it.part)
                totals = [a + b for a, b in zip(totals, it.counts, strict=True)]
                summary = summary_line_of(it)
                inner = frag["header"] + frag["main"]
            toc.append(f'<li><a href="#{anchor}">{_e(it.path)}</a>: {_e(summary)}</li>')
            articles.append(
                f'<article class="manuscript" id="{anchor}">'
                f'<h2 class="path">{_e(it.path)}</h2>{inner}</article>'
            )
        n = len(self.items)
        title = f"{n} manuscript{'s' if n != 1 else ''}"
        header = (
            f"<h1>refcheck report: {_e(title)}</h1>"
            f'<p class="summary">{_e(plural(totals[0], "error"))}, '
            f'{_e(plural(totals[1], "warning"))}, {_e(plural(totals[2], "info"))}</p>'
            f'<ul class="toc">{"".join(toc)}</ul>'
        )
        return _page(title, header, "".join(articles))


def summary_line_of(it: Item) -> str:
    e, w, i = it.counts
    return (
        f"{plural(e, 'error')}, {plural(w, 'warning')}, {plural(i, 'info')} "
        f"({plural(it.references, 'reference')}, {plural(it.citations, 'citation')})"
    )
