"""Training sequences for the labeller: AnyStyle's XML, field-labelled records, rendered records.

Every source ends as ``(tokens, labels)`` over ``refcheck.parse.labeller.tokens.tokenize``, the
tokenizer the parser uses at run time, so training and parsing see the same tokens.

* AnyStyle XML labels spans; a token takes the label of most of its letters and digits.
* Field-labelled records (``{"text", "fields"}``: our real corpus, our written batches) are
  aligned: each field value is found in the text (case, quotes, dashes and spaces folded) and
  its characters take the field's label; role words (``In``, ``pp.``, ``под ред.``, ``Ed.``)
  take their neighbour's. A record whose title or authors cannot be found is skipped.
* Rendered records come with exact character labels (see ``scripts/render_csl.py``).
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from refcheck.parse.labeller.features import token_core
from refcheck.parse.labeller.tokens import tokenize
from refcheck.parse.tokens import reading_text

Seq = tuple[list[str], list[str]]

ANYSTYLE_MAP = {
    "citation-number": "number",
    "collection-title": "collection",
    "container-title": "container",
    "director": "author",
    "producer": "editor",
    "source": "note",
    "medium": "note",
}

# unlabelled words that belong to the field after them ("In", "pp.", "Vol.", "под ред.")
_PRE_NEXT = frozenset(
    [
        "in",
        "içinde",
        "в",
        "//",
        "pp",
        "p",
        "s",
        "ss",
        "с",
        "стр",
        "səh",
        "vol",
        "vols",
        "т",
        "том",
        "cilt",
        "c",
        "cild",
        "no",
        "nos",
        "№",
        "sayı",
        "вып",
        "issue",
        "iss",
        "nr",
        "n°",
        "available",
        "at",
        "from:",
        "retrieved",
        "from",
        "доступа",
        "режим",
        "url",
        "under",
    ]
)
_ROLE = frozenset(
    [
        "ed",
        "eds",
        "ed.",
        "eds.",
        "editor",
        "editors",
        "edited",
        "by",
        "red",
        "red.",
        "der",
        "der.",
        "hrsg",
        "hrsg.",
        "под",
        "ред",
        "ред.",
        "редакцией",
        "trans",
        "transl",
        "translated",
        "translator",
        "çev",
        "çev.",
        "çeviren",
        "пер",
        "пер.",
        "перевод",
        "tərc",
        "tərc.",
        "and",
        "&",
        "и",
        "ve",
        "və",
        "comp",
        "comps",
        "compiler",
        "сост",
        "сост.",
        "tərtib",
        "edən",
    ]
)


def _tok_label(text: str, span: tuple[int, int], chars: Sequence[str | None]) -> str | None:
    c: Counter[str] = Counter()
    for k in range(span[0], span[1]):
        lab = chars[k]
        if lab is not None and text[k].isalnum():
            c[lab] += 1
    if not c:
        return None
    return c.most_common(1)[0][0]


def tokens_from_chars(text: str, chars: Sequence[str | None]) -> Seq:
    """Token labels from character labels; unlabelled tokens take a neighbour's or ``note``."""
    spans = tokenize(text)
    toks = [text[s:e] for s, e in spans]
    labs: list[str | None] = [_tok_label(text, sp, chars) for sp in spans]
    n = len(labs)

    def nxt(i: int) -> str | None:
        for j in range(i + 1, min(n, i + 5)):
            if labs[j] is not None:
                return labs[j]
        return None

    def prv(i: int) -> str | None:
        for j in range(i - 1, max(-1, i - 5), -1):
            if out[j] is not None:
                return out[j]
        return None

    out: list[str | None] = list(labs)
    for i, t in enumerate(toks):
        if out[i] is not None:
            continue
        core = token_core(t)
        if t in ("//", "//.", "–", "—", "-", "--") or t.startswith("//"):
            out[i] = nxt(i) or prv(i)
        elif not any(ch.isalnum() for ch in t):
            out[i] = prv(i) or nxt(i)
        elif core in _ROLE:
            p, q = prv(i), nxt(i)
            if p in ("editor", "translator"):
                out[i] = p
            elif q in ("editor", "translator", "author"):
                out[i] = q
            else:
                out[i] = p or q or "note"
        elif core in _PRE_NEXT or (t.endswith(":") and core in ("available", "at", "url")):
            out[i] = nxt(i) or prv(i) or "note"
        else:
            out[i] = "note"
    labs2 = [x or "note" for x in out]
    # a place left unlabelled right before its publisher ("Bakı: Elm", "– М. : Наука")
    for i in range(len(toks) - 1):
        if labs2[i] == "note" and labs2[i + 1] == "publisher" and toks[i].endswith(":"):
            j = i
            while j >= 0 and labs2[j] == "note" and i - j < 3:
                labs2[j] = "location"
                j -= 1
        elif labs2[i] == "note" and toks[i] == ":" and labs2[i + 1] == "publisher":
            labs2[i] = "location"
            if i and labs2[i - 1] == "note":
                labs2[i - 1] = "location"
    return toks, labs2


# --------------------------------------------------------------------------- AnyStyle


def anystyle_sequences(paths: Iterable[Path]) -> Iterator[Seq]:
    for path in paths:
        root = ET.parse(path).getroot()
        for seq in root.iter("sequence"):
            text_parts: list[str] = []
            chars: list[str | None] = []
            for el in seq:
                part = " ".join((el.text or "").split())
                if not part:
                    continue
                lab = ANYSTYLE_MAP.get(el.tag, el.tag)
                if text_parts:
                    text_parts.append(" ")
                    chars.append(None)
                text_parts.append(part)
                chars.extend([lab] * len(part))
            text = "".join(text_parts)
            if not text:
                continue
            toks, labs = tokens_from_chars(text, chars)
            # AnyStyle files "2012;30(15):" under volume: the year before ";" is the date
            for i, t in enumerate(toks):
                if labs[i] == "volume" and re.fullmatch(r"\(?\d{4}[a-z]?\)?[;:,]", t):
                    labs[i] = "date"
            yield toks, labs


# --------------------------------------------------------------------------- alignment

_FOLD = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "–": "-", "—": "-",
     "‐": "-", "‑": "-", "ё": "е", "Ё": "Е", "\u00a0": " "}
)  # fmt: skip


def _folded(text: str) -> tuple[str, list[int]]:
    """Text folded for search (case, quotes, dashes, spaces), with a map back to offsets."""
    out: list[str] = []
    where: list[int] = []
    prev_space = False
    for i, ch in enumerate(text):
        c = ch.translate(_FOLD)
        if c == "*":  # Markdown italics: searched through, labelled with their word
            continue
        if c.isspace():
            if prev_space:
                continue
            c = " "
            prev_space = True
        else:
            prev_space = False
        for x in unicodedata.normalize("NFKD", c.lower()):
            if unicodedata.combining(x):
                continue
            out.append(x)
            where.append(i)
    return "".join(out), where


class _Aligner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.chars: list[str | None] = [None] * len(text)
        self.folded, self.where = _folded(text)

    def free(self, s: int, e: int) -> bool:
        return all(self.chars[k] is None for k in range(s, e))

    def find(
        self, value: str, label: str, after: int = 0, *, before: int | None = None,
        word: bool = True, mark: bool = True,
    ) -> tuple[int, int] | None:  # fmt: skip
        v, _ = _folded(value.strip())
        v = v.strip(" .,;:")
        if not v:
            return None
        hay = self.folded
        start = 0
        while True:
            k = hay.find(v, start)
            if k < 0:
                return None
            start = k + 1
            s, e = self.where[k], self.where[k + len(v) - 1] + 1
            if s < after or (before is not None and s >= before):
                continue
            if word and (
                (s > 0 and self.text[s - 1].isalnum() and self.text[s].isalnum())
                or (e < len(self.text) and self.text[e].isalnum() and self.text[e - 1].isalnum())
            ):
                continue
            if not self.free(s, e):
                continue
            if mark:
                self.mark(s, e, label)
            return s, e

    def mark(self, s: int, e: int, label: str) -> None:
        for k in range(s, e):
            if self.chars[k] is None:
                self.chars[k] = label


def _name_parts(name: str) -> tuple[str, list[str]]:
    fam, _, given = name.partition(",")
    parts = [p for p in re.split(r"[\s.]+", given) if p]
    return fam.strip(), parts


def _mark_names(al: _Aligner, names: Sequence[str], label: str, before: int | None) -> bool:
    lo, hi = len(al.text), -1
    found = 0
    for name in names:
        fam, given = _name_parts(name)
        hit = al.find(fam, label, before=before, mark=False) if fam else None
        if hit is None and fam:
            # family written in capitals or transliterated differently: try its first word
            first = fam.split()[0]
            hit = al.find(first, label, before=before, mark=False) if len(first) > 2 else None
        if hit is None:
            continue
        found += 1
        s, e = hit
        lo, hi = min(lo, s), max(hi, e)
        # initials / given names within 40 characters either side, nearest first, as words
        # ("Е" of "Леонова, Е.А." must not be found inside "Сигейкин")
        for g in given:
            pat = re.compile(r"(?<![^\W\d_])" + re.escape(g) + r"(?![^\W\d_])", re.IGNORECASE)
            best: tuple[int, int] | None = None
            for m in pat.finditer(al.text, max(0, s - 40), min(len(al.text), e + 40)):
                if not al.free(m.start(), m.end()) or s <= m.start() < e:
                    continue
                d = m.start() - e if m.start() >= e else s - m.end()
                if best is None or d < best[0]:
                    best = (d, m.start())
            if best is not None:
                lo, hi = min(lo, best[1]), max(hi, best[1] + len(g))
    if not found or found < max(1, len(names) // 2):
        return False
    # include what closes the list: "et al.", "и др.", "vd.", "və b.", "(Eds.)"
    m = re.match(
        r"[\s,.]*(?:et\.?\s*al\.?|и\s*др\.?|vd\.?|ve\s+ark\.?|və\s+b\.?|və\s+d\.?|\((?:eds?|red|der|ред)\.?\))",
        al.text[hi:],
        re.IGNORECASE,
    )
    if m:
        hi += m.end()
    for k in range(lo, hi):
        if al.chars[k] is None:
            al.chars[k] = label
    return True


_MONTHS = frozenset(
    [
        "january",
        "jan",
        "february",
        "feb",
        "march",
        "mar",
        "april",
        "apr",
        "may",
        "june",
        "jun",
        "july",
        "jul",
        "august",
        "aug",
        "september",
        "sept",
        "sep",
        "october",
        "oct",
        "november",
        "nov",
        "december",
        "dec",
        "ocak",
        "şubat",
        "mart",
        "nisan",
        "mayıs",
        "haziran",
        "temmuz",
        "ağustos",
        "eylül",
        "ekim",
        "kasım",
        "aralık",
        "yanvar",
        "fevral",
        "aprel",
        "iyun",
        "iyul",
        "avqust",
        "sentyabr",
        "oktyabr",
        "noyabr",
        "dekabr",
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
        "г",
        "spring",
        "summer",
        "fall",
        "autumn",
        "winter",
    ]
)


def _paren_group(text: str, s: int, e: int) -> tuple[int, int]:
    """Widen a year to its bracket ``(2009, September 2)`` when the bracket holds only a date."""
    lo = text.rfind("(", 0, s)
    hi = text.find(")", e)
    if lo >= 0 and hi >= 0 and ")" not in text[lo:s] and "(" not in text[e:hi] and hi - lo < 40:
        rest = text[lo + 1 : s] + " " + text[e:hi]
        words = re.findall(r"[^\W\d_]+", rest)
        if all(token_core(w) in _MONTHS for w in words):
            return lo, hi + 1
    return s, e


def align_record(text: str, fields: dict[str, Any]) -> Seq | None:
    """Token labels for a field-labelled record, or None when its main fields are not found."""
    al = _Aligner(text)
    typ = fields.get("type", "")
    doi = fields.get("doi") or ""
    if doi:
        for m in re.finditer(r"\S+", text):
            if doi.lower() in m.group().lower() or (
                "doi" in m.group().lower() and doi[:7] in m.group()
            ):
                al.mark(m.start(), m.end(), "doi")
        # "doi:" as a separate word before the DOI
        for m in re.finditer(r"(?i)\bdoi:?(?=\s)", text):
            al.mark(m.start(), m.end(), "doi")
    url = fields.get("url") or ""
    if url:
        for m in re.finditer(r"\S+", text):
            if url.rstrip("/.")[:40] in m.group():
                al.mark(m.start(), m.end(), "url")
    title = fields.get("title") or ""
    t_hit = al.find(title, "title", word=False) if title else None
    if title and t_hit is None:
        return None
    title_start = t_hit[0] if t_hit else None
    if fields.get("title_translation"):
        al.find(fields["title_translation"], "title", word=False)
    cont = fields.get("container_title") or ""
    c_lab = (
        "journal"
        if typ in ("article-journal", "article-magazine", "article-newspaper")
        else "container"
    )
    c_hit = al.find(cont, c_lab, after=0, word=False) if cont else None
    after_title = t_hit[1] if t_hit else 0
    authors = fields.get("authors") or []
    if authors and not _mark_names(al, authors, "author", None):
        return None
    editors = fields.get("editors") or []
    if editors:
        _mark_names(al, editors, "editor", None)
    year = fields.get("year")
    if year:
        ys = str(year) + (fields.get("year_suffix") or "")
        hit = al.find(ys, "date", mark=False)
        if hit is None:
            hit = al.find(str(year), "date", mark=False)
        if hit is not None:
            s, e = _paren_group(text, *hit)
            al.mark(s, e, "date")
            # the same year again as an imprint year ("2018. — С. 45–50")
            for m in re.finditer(rf"(?<![\w/.-]){year}(?![\w/-])", text):
                if al.free(m.start(), m.end()):
                    al.mark(m.start(), m.end(), "date")
            # a day and month beside a year ("1988. 14 октября", "2009, September 2")
            for m in re.finditer(r"\S+", text):
                if al.free(m.start(), m.end()) and token_core(m.group()) in _MONTHS:
                    near = al.chars[max(0, m.start() - 12) : m.end() + 12]
                    if "date" in near:
                        al.mark(m.start(), m.end(), "date")
                        d = re.search(r"(\d{1,2})[,.]?\s*$", text[: m.start()])
                        if d and al.free(d.start(1), d.end(1)):
                            al.mark(d.start(1), d.end(1), "date")
    elif fields.get("no_date"):
        m = re.search(r"(?i)\(?(?:n\.\s?d\.|t\.\s?y\.|б\.\s?г\.|s\.\s?d\.)\)?", text)
        if m:
            al.mark(m.start(), m.end(), "date")
    tail_from = max(after_title, c_hit[1] if c_hit else 0)
    for key, lab in (("volume", "volume"), ("issue", "volume"), ("pages", "pages")):
        v = fields.get(key)
        if v and al.find(str(v), lab, after=tail_from) is None:
            al.find(str(v), lab, after=after_title)
    ext = fields.get("extent")
    m = re.search(
        r"(?<![\w-])%s\s?(?:сс|сс|ss|pp|с|s|p|стр|səh|S|c)\.?(?=[\s.,;]*$)"
        % (re.escape(str(ext)) if ext else r"\d{2,4}"),
        text,
    )
    if m and al.free(m.start(), m.end()):
        al.mark(m.start(), m.end(), "pages")  # a book's extent: pages, as AnyStyle labels it
    for key, lab in (("edition", "edition"), ("publisher", "publisher"), ("place", "location"),
                     ("genre", "genre")):  # fmt: skip
        v = fields.get(key)
        if v:
            al.find(str(v), lab, after=title_start or 0, word=key != "edition")
    return tokens_from_chars(text, al.chars)


def jsonl_records(path: Path, splits: Sequence[str] = ()) -> Iterator[dict[str, Any]]:
    import json

    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            if splits and rec.get("split") not in splits:
                continue
            fields = rec.get("fields") or rec.get("expected") or {}
            yield {
                "id": rec.get("id", ""),
                "text": rec["text"],
                "fields": fields,
                "lang": rec.get("lang", ""),
                "list_lang": rec.get("list_lang", rec.get("lang", "")),
                "style": rec.get("style", ""),
            }


def aligned_sequences(records: Iterable[dict[str, Any]]) -> tuple[list[Seq], int]:
    out: list[Seq] = []
    skipped = 0
    for rec in records:
        text = reading_text(" ".join(rec["text"].split()))  # as parse_string reads it
        seq = align_record(text, rec["fields"])
        if seq is None:
            skipped += 1
        else:
            out.append(seq)
    return out, skipped
