"""APA form: ``Authors (2020b, May 3). Title. Container, 7(2), 1-9.`` and its Turkish/Azerbaijani/
Russian variants; also the quoted-title Harvard body it shares."""

from __future__ import annotations

import re

from refcheck.labels import IN_PRESS_WORDS
from refcheck.parse.dates import _month_day, parse_date
from refcheck.parse.fields import (
    _CITIES,
    _CITY_END,
    _CITY_STATE,
    _EXTENT_END,
    _PAGES,
    _PAGES_PAREN,
    _PLACE_PUB,
    _PROCEEDINGS,
    _PUB_PLACE,
    _PUB_WORDS,
    _T_PAGES,
    _THESIS,
    _Fields,
    _magazine_name,
    _plain_journal,
    _read_container,
    _read_publisher,
    _tailish,
    _take_title_extras,
)
from refcheck.parse.forms.comma import _split_commas
from refcheck.parse.forms.common import (
    _ABBR_WORDS,
    _GENRE_LEAD,
    _IN_PRESS_END,
    _JOURNAL_NAME,
    _ONE_WORD_NAME,
    _PUB_WORDS_TAIL,
    _QUOTED_THEN_NAME,
    _SERIES,
    _THESIS_IN_TEXT,
    _container_is_a_book,
    _inst_name,
    _periodical_by_date,
    _read_book_tail,
    _standalone,
    _title_quote_check,
)
from refcheck.parse.names import _parse_author_block, _parse_given_first, has_org_stem
from refcheck.parse.tokens import _clean, _Seg, _segments, _unquote

# --------------------------------------------------------------------------- APA date

_DATE_PAREN = re.compile(
    r"\(\s*(?P<d>(?:\d{4}[a-z]?(?:\s*/\s*\d{4}[a-z]?)?|n\.\s?d\.(?:\s*-\s*[a-z])?|"
    r"in press(?:\s*-\s*[a-z])?|to appear|б\.\s?г\.|t\.y\.|[Tt]arih yok|s\.d\.|[Bb]asımda|"
    r"в печати|"
    r"[Ff]orth(?:coming|\.)|"
    r"\d{1,2}\.?\s+[^\W\d_]{3,12}\.?\s+\d{4}|[^\W\d_]{3,12}\.?\s+\d{1,2},?\s+\d{4})"
    r"(?:,\s*[^()]{1,40})?)\s*\)",
)


_EDITOR_ROLE = re.compile(
    r"\s*(?:\((?:Eds?\.?|Haz\.|Ред\.|Ред|Hrsg\.|Yay\.\s*haz\.|Red\.)\)|,?\s+eds?\.)\.?$",
    re.IGNORECASE,
)


def _read_apa_date(f: _Fields, d: str) -> None:
    d = d.strip()
    low = d.lower()
    if low.startswith(("n.d", "n. d", "б.", "t.y", "s.d", "tarih yok")):
        f.no_date = True
        m = re.search(r"-\s*([a-z])$", low)
        f.year_suffix = m[1] if m else ""
        return
    if low.startswith((*IN_PRESS_WORDS, "forth")):
        f.in_press = True
        m = re.search(r"-\s*([a-z])$", low)
        f.year_suffix = m[1] if m else ""
        return
    m = re.match(r"(\d{4})([a-z]?)(?:\s*/\s*(\d{4})([a-z]?))?(?:,\s*(.*))?$", d)
    if not m:
        pd = parse_date(d)  # "(26 February 1988)", "(12 Ekim 2020)", "(June 7, 1998)"
        if pd is not None and pd.month is not None:
            f.year, f.date = pd.year, pd
        return
    if m[3]:
        f.original_year = int(m[1])
        f.year = int(m[3])
        f.year_suffix = m[4] or ""
    else:
        f.year = int(m[1])
        f.year_suffix = m[2] or ""
    if m[5]:
        f.date = _month_day(m[5], f.year)


# --------------------------------------------------------------------------- entry reader

_CHAPTER = re.compile(
    r"(?:^|(?<=[.?!*\"”,'’]))\s+(?:In|in|İçinde|В|In:|in:)\s+(?P<eds>[^()]*?)\s*"
    r"\((?P<role>(?:Eds?|eds?|Haz|Der|Ред|Red|Hrsg|Ed\.\s*&\s*Trans)\.?\s*)\)[,.]?\s*(?P<rest>.+)$"
)
# Turkish APA 6 without "In": "A. Yazar ve B. Yazar (Ed./Haz./Der.), Kitap içinde (ss. 1-9)."
_CHAPTER_TR = re.compile(
    r"(?<=[.?!\"”])\s+(?P<eds>(?:[^\W\d_]{1,2}\.\s*-?)+[^()]{1,200}?)\s*"
    r"\((?P<role>(?i:Eds?\.|Ed|Haz\.|Der\.|Ed\.?ler|Ред\.|Red\.|Hrsg\.))\),\s*"
    r"(?P<rest>[^()]{1,300}?(?:\s+içinde\b|"
    r"\s*\((?:(?:Vol\.|Cilt|Cild|C\.|Т\.)\s*\w{1,6},\s*)?(?:pp?|ss?|səh|[сС]|S)\.\s*\d[^()]*\)).*)$"
)
_INVERTED_EDS = re.compile(r"[^\W\d_][\w'’ -]{0,40},\s*(?:[^\W\d_]{1,2}\.\s*-?\s*)+(?:,|&|$)")
_CHAPTER_NOED = re.compile(r"(?:^|(?<=[.?!\"”]))\s+(?:In|İçinde|В)\s+(?P<rest>\*.+)$")


_SOURCE_ONLY = re.compile(
    r"\*[^*]{2,200}\*,\s*(?:\*?\d+[A-Za-z]?\*?(?:\([\w.]{1,12}\))?|\([\w.]{1,12}\))"
    r"(?:,\s*\S|\.?$)"
)  # "*Journal*, *9*, 210–216", "*Journal*, *9*(2), 5–9", "*Journal*, (5), 112–114", "*J*, *64*."


# words a journal's name is made of but a publisher's seldom is ("Perspectives on Psychological
# Science", "Communication Research"), trusted only beside a DOI and no organisation's word
_JOURNAL_SUBJECT = re.compile(
    r"\b(?:Research|Science|Sciences|Studies|Perspectives|Psychology|Psychiatry|Reports|"
    r"Communication|Communications|Proceedings|Economics|Policy|Nursing|Education)\b"
)


def _a_journal_by_its_subject(last: str) -> bool:
    return bool(
        _JOURNAL_SUBJECT.search(last) and not _PUB_WORDS.search(last) and not has_org_stem(last)
    )


def _read_body_apa(f: _Fields, body: str) -> None:
    """Everything after ``(date).`` in an APA entry."""
    cm = _CHAPTER.search(" " + body) or _CHAPTER_TR.search(" " + body)
    if cm:
        f.type = "chapter"
        title = (" " + body)[: cm.start()]
        f.title = _unquote(_take_title_extras(f, title.strip()))
        if _INVERTED_EDS.match(cm["eds"]):
            # "In Tesauro, G., & Leen, T. (Eds.)," — editors written surname first
            ia = _parse_author_block(cm["eds"])
            eds, et = ia.agents, ia.et_al
        else:
            eds, et = _parse_given_first(cm["eds"])
        f.editors, f.et_al = eds, f.et_al or et
        _read_book_tail(f, cm["rest"])
        _title_quote_check(f, title)
        return
    cm2 = _CHAPTER_NOED.search(" " + body)
    if cm2:
        f.type = "chapter"
        f.title = _clean(_take_title_extras(f, (" " + body)[: cm2.start()].strip()))
        _read_book_tail(f, cm2["rest"])
        if f.url and f.accessed is not None and not (f.pages or f.publisher or f.editors):
            # "Pedagogy. In *Merriam-Webster.com dictionary*. Retrieved …, from URL": an entry
            # of an online reference work, retrieved because it changes — a web page
            f.type = "webpage"
        return
    if " // " in body:
        # APA head, GOST source: "Əliyeva, N. (2018). Başlıq // Jurnal, № 4, s. 55-60."
        title, _, src = body.partition(" // ")
        f.title = _unquote(_take_title_extras(f, title))
        _read_container(f, src)
        f.type = "article-journal" if (f.volume or f.issue) else "chapter"
        f.flag("GOST form ('//' before the source) instead of APA")
        return
    segs = _segments(body)
    if not segs:
        return
    first = segs[0].text
    if _SOURCE_ONLY.match(first):
        # "(2005). *Curr. Opin. Chem. Biol.*, *9*, 210–216.": a journal and its numbers, no
        # title (science lists cite so; the renderer writes such a record back the same way)
        _read_container(f, first)
        f.type = "article-journal"
        return
    if first.startswith("*"):
        # italic title: a stand-alone work (book, report, web page, thesis)
        f.italic_title = True
        f.title = _clean(_take_title_extras(f, first))
        rest = [g.text for g in segs[1:]]
        if rest and re.match(r"^\(\d+(?:st|nd|rd|th)\s+ed\.\)|^\[", rest[0]):
            _take_title_extras(f, rest[0])
            rest = rest[1:]
        _standalone(f, rest)
        return
    k = next((i for i, g in enumerate(segs) if i > 0 and g.italic), -1)
    if k > 0:
        title = " ".join(g.text for g in segs[:k])
        f.title = _unquote(_take_title_extras(f, title))
        _title_quote_check(f, title)
        _read_container(f, segs[k].text)
        rest = [g.text for g in segs[k + 1 :]]
        if rest:
            _read_publisher(f, " ".join(rest))
        if f.volume or f.pages or f.issue:
            f.type = "article-magazine" if _magazine_name(f) else "article-journal"
            _periodical_by_date(f)
        elif _magazine_name(f):
            f.type = "article-magazine"
        else:
            f.type = "article-newspaper"
        return
    # no italics at all
    tm = _THESIS_IN_TEXT.search(body)
    gm = _GENRE_LEAD.match(body[tm.end() :]) if tm else None
    if tm and gm and tm.start() > 0:
        # "Title, Masters Thesis, Department of X, University." / "Title. PhD thesis, Dept., Univ."
        title = body[: tm.start()]
        f.title = _unquote(_take_title_extras(f, title.strip()))
        _title_quote_check(f, title)
        f.genre = f.genre or _clean(gm["g"])
        inst = re.split(r"\.\s+(?=[A-Z])", gm["inst"] or "", maxsplit=1)[0]
        if inst:
            f.publisher = f.publisher or _inst_name(inst)
        f.type = "thesis"
        return
    # "Journal, 12(3), 45-67" or "In Proceedings of X (pp. 1-9)" without italics
    for k in range(1, len(segs)):
        seg = segs[k].text
        im = re.match(r"^In:?\s+(?P<c>.+)$", seg) or re.match(
            r"^(?P<c>(?:Proceedings|Proc\.)\s.+[,(]\s*(?:Vol\.|pp?\.|pages|\d+\s*[-–—]\s*\d+).*)$",
            seg,
        )  # a proceedings volume named without "In"
        jm = _plain_journal(seg) if im is None else None
        town = ""
        if jm is None and im is None and k == len(segs) - 1 and "," in seg:
            cm_ = _CITY_END.search(seg.rstrip(". "))
            if cm_ and cm_.start() > 0:
                # "Sempozyumu Bildiriler Kitabı, Cilt 2, 340-352, Ankara." — numbers, then the
                # town where the volume appeared: a book of proceedings, not a journal
                jm = _plain_journal(seg.rstrip(". ")[: cm_.start()])
                if jm is not None:
                    town = cm_[0].strip(" ,.")
                    seg = seg.rstrip(". ")[: cm_.start()]
        if jm is not None and not town and "," in jm[0] and _PROCEEDINGS.search(jm[0]):
            cm_ = _CITY_END.search(jm[0].rstrip())
            if cm_ and cm_.start() > 0:
                # "… konfransın materialları, Bakı, səh. 210-214": the town where the
                # proceedings appeared stands before the numbers; it is a place, not the name
                town = cm_[0].strip(" ,.")
                jm = (jm[0].rstrip()[: cm_.start()], jm[1])
                seg = jm[0] + jm[1]
        if jm is None and im is None:
            continue
        qm = (
            _QUOTED_THEN_NAME.match(" ".join(g.text for g in segs[:k]))
            if jm is not None and segs[0].quoted and _SERIES.search(jm[0].strip())
            else None
        )
        if qm:
            # Harvard "'Title' [Tr.], Vestnik … universiteta. Seriya 6: Ekonomika, (1), pp. 3–17":
            # the quoted title and the first part of a series journal share a segment
            seg = qm["name"] + " " + seg
            segs = [_Seg(qm["title"], segs[0].start), *segs[k:]]
            t_end = 1
        elif (
            jm is not None
            and k >= 2
            and (_SERIES.search(jm[0].strip()) or _ONE_WORD_NAME.fullmatch(segs[k - 1].text))
        ):
            # a journal name with a period in it: "Полис. Политические исследования, (2)",
            # "Вестник РУДН. Серия: Международные отношения, 19(2)"
            seg = segs[k - 1].text + " " + seg
            t_end = k - 1
        else:
            t_end = k
        while (
            jm is not None
            and t_end >= 2
            and re.fullmatch(r"[A-Z][^\W\d_]{0,5}\.", jm[0].strip().split()[0])
            and _ABBR_WORDS.fullmatch(segs[t_end - 1].text)
        ):
            # "Bot. J. Linn. Soc. 141, 133–149": abbreviated journal words cut into segments
            seg = segs[t_end - 1].text + " " + seg
            t_end -= 1
        rest_start = 2 if qm else k + 1
        title = " ".join(g.text for g in segs[:t_end])
        f.title = _unquote(_take_title_extras(f, title))
        _title_quote_check(f, title)
        rest = [g.text for g in segs[rest_start:]]
        if jm is not None:
            pp = _PAGES_PAREN.match(jm[1]) if jm[1][:1] == "(" else None
            if pp and re.search(r"\d", jm[0]):
                f.container_title = _clean(jm[0])  # a meeting's name with a number in it
                f.pages = pp[1].strip()
            else:
                _read_container(f, seg)
            if rest and not f.pages:
                pg = _PAGES.match(rest[0].strip())
                if pg:
                    f.pages = pg["p"]  # "Language, 51(4). 901 – 923."
                    rest = rest[1:]
            f.type = "article-journal"
            if town:
                f.place = town
                f.type = "paper-conference" if _PROCEEDINGS.search(f.container_title) else "chapter"
                return
            # "Bildiriler Kitabı (ss. 112-125). Kars: Kafkas Üniversitesi Yayınları." — a
            # book of proceedings or a collection, not a journal
            if not _container_is_a_book(f, _clean(" ".join(rest))):
                _periodical_by_date(f)
            return
        if im is not None:
            cont = re.sub(r"^the\s+(?=Proc)", "", im["c"])  # "In the Proceedings of …"
            pm = _T_PAGES.search(cont)
            if pm:
                f.pages = pm[1].strip()
            else:
                bm = re.search(r"(?:,\s*|\s+)(\d+\s*[-–—]\s*\d+)\)?\s*[.,]?\s*$", cont)
                if bm:
                    f.pages = bm[1]  # "Proceedings of IJCAI-89, 1273-1278."
                    cont = cont[: bm.start()]
            vm = re.search(r"\bVol(?:ume)?\.?\s*(\w+)", cont)
            if vm:
                f.volume = vm[1]
            cm = re.search(r",?\s*\(?(?:Vol(?:ume)?\.?|pp?\.|pages)\s*\d", cont)
            if cm:
                cont = cont[: cm.start()]
            cont = _take_title_extras(f, cont)
            cont = re.split(r",\s*(?:eds?\.|edited by)\s", cont, maxsplit=1)[0]
            f.container_title = _clean(cont)
            if rest:
                pg = _PAGES.match(rest[0])
                if pg:
                    f.pages = pg["p"]
                    rest = rest[1:]
            if rest:
                _read_publisher(f, " ".join(rest))
            f.type = "paper-conference" if _PROCEEDINGS.search(f.container_title) else "chapter"
            return
    # "Journal\n6 (2), pp. 117-129." — the name and its numbers cut apart by a period
    for k in range(1, len(segs) - 1):
        nxt = segs[k + 1].text
        if _tailish(nxt) and not re.search(r"\d", segs[k].text) and len(segs[k].text) <= 120:
            if re.fullmatch(r"[\s(]*(?:1[5-9]|20)\d\d[\s.)]*", nxt):
                continue
            j = k  # "Syst. Bot. 18: 593–613": abbreviated journal words cut into segments
            while j > 1 and _ABBR_WORDS.fullmatch(segs[j - 1].text):
                j -= 1
            title = " ".join(g.text for g in segs[:j])
            f.title = _unquote(_take_title_extras(f, title))
            _title_quote_check(f, title)
            name = " ".join(g.text for g in segs[j : k + 1]).rstrip(". ")
            _read_container(f, name + ", " + nxt)
            f.type = "article-journal"
            # "Encyclopedia. (pp. 150-155). Chicago: World Book." — a book, not a journal
            _container_is_a_book(f, _clean(" ".join(g.text for g in segs[k + 2 :])))
            return
    # the journal hidden inside a segment: after "Jr.", "?", a lower-case name ("info, 9(1)")
    # or a comma ("Title, International Studies Quarterly 53 (2), 325-347")
    for k in range(len(segs) - 1, -1, -1):
        text = segs[k].text
        cuts = [m.end() for m in re.finditer(r"[.?!]\s+", text)]
        cuts += [m.end() for m in re.finditer(r",\s+", text)]
        best = None
        for c in sorted(cuts, reverse=True):
            if len(text) - c > 300:
                break  # a journal name and its numbers are short: keeps this loop linear
            pj = _plain_journal(text[c:])
            if pj is not None and (k > 0 or c > 0):
                best = c
                if text[c - 2 : c - 1] in ".?!" or text[c - 1 : c] in ".?!":
                    break
                # a comma cut must leave a capitalised name without commas, in the last segment,
                # and a real volume or pages (not "the modern age, 1870-1930")
                if (
                    "," in pj[0]
                    or not pj[0][:1].isupper()
                    or k != len(segs) - 1
                    or not re.search(r"\d+\s*[-–(]", pj[1])
                    or re.fullmatch(r"[\s,]*(?:1[5-9]|20)\d\d\s*[-–]\s*(?:1[5-9]|20)\d\d\.?", pj[1])
                ):
                    best = None
                    continue
                break
        if best is not None:
            title = " ".join(g.text for g in segs[:k]) + " " + text[:best]
            f.title = _unquote(_take_title_extras(f, title.strip().rstrip(",")))
            _title_quote_check(f, title.strip())
            _read_container(f, text[best:])
            f.type = "article-journal"
            return
        if k < len(segs) - 1:
            break  # only the last one or two segments can hold the source
    if len(segs) == 1 and _read_harvard_quoted(f, first):
        return
    if len(segs) == 1:
        pw = _PUB_WORDS_TAIL.search(first)
        if pw and pw.start() > 10:
            first, pub = first[: pw.start()], first[pw.start() :].lstrip(" ,")
            _read_publisher(f, pub)  # "Robot Vision, MIT Press."
        f.title = _unquote(_take_title_extras(f, first))
        _title_quote_check(f, first)
        f.type = "book" if f.publisher else "webpage" if f.url else "document"
        if f.report_number or re.search(r"\b(?:report|rapor|raporu|доклад)\b", f.title, re.I):
            f.type = "report"
        if f.genre:
            f.type = "thesis" if _THESIS.search(f.genre) else f.type
        return
    # "Title. PhD thesis, Dept., University." / "Title. Technical report 41, Institute."
    for k in range(1, len(segs)):
        gm = _GENRE_LEAD.match(segs[k].text)
        if gm:
            title = " ".join(g.text for g in segs[:k])
            f.title = _unquote(_take_title_extras(f, title))
            _title_quote_check(f, title)
            f.genre = f.genre or _clean(gm["g"])
            inst = gm["inst"] or ""
            inst = re.split(r"\.\s+(?=[A-Z])", inst, maxsplit=1)[0]
            if inst:
                f.publisher = f.publisher or _inst_name(inst)
            f.type = "thesis" if _THESIS.search(f.genre) else "report"
            return
        gt = segs[k].text
        if len(gt) <= 80 and _THESIS.search(gt) and not re.search(r"\d", gt):
            # "Title. Tarix üzrə fəlsəfə doktoru dissertasiyası. Bakı: AMEA Tarix İnstitutu."
            title = " ".join(g.text for g in segs[:k])
            f.title = _unquote(_take_title_extras(f, title))
            _title_quote_check(f, title)
            after = " ".join(g.text for g in segs[k + 1 :])
            bm = re.fullmatch(r"\[([^\[\]]+)\]\s*(.*)", gt)
            if bm and bm[2].strip(" ."):
                # "[Yayımlanmamış Yüksek Lisans Tezi.] Gazi Üniversitesi.": the period inside
                gt, after = bm[1].rstrip(". "), f"{bm[2]} {after}"
            f.genre = f.genre or _clean(gt).strip("[]()")  # "[Yayımlanmamış … Tezi]", "(… Tezi)"
            inst = _clean(after)
            if inst:
                pm = _PLACE_PUB.match(inst) or _PUB_PLACE.match(inst)
                pub = _clean(pm["pub"] if pm else inst)
                pub = _EXTENT_END.sub("", pub) if "," in pub else pub  # "Bakı: BDU, 165 s."
                f.publisher = f.publisher or _CITY_END.sub("", pub)
            f.type = "thesis"
            return
    last = segs[-1].text
    title = " ".join(g.text for g in segs[:-1])
    f.title = _unquote(_take_title_extras(f, title))
    _title_quote_check(f, title)
    if f.genre and _THESIS.search(f.genre):
        f.type = "thesis"
        last = _clean(last)
        last = _EXTENT_END.sub("", last) if "," in last else last  # "Bakı, 24 s."
        if re.fullmatch(_CITIES + r"\.?", last):
            f.place = last  # a town alone is the place, never the institution
        else:
            # "Bakı: AMEA Dilçilik İnstitutu" (place first) or "Univ., Ankara" (place last)
            pp = _PLACE_PUB.match(last) if ":" in last else None
            if pp:
                f.place = f.place or _clean(pp["place"])
            pm = pp or _PUB_PLACE.match(last)
            f.publisher = f.publisher or _CITY_END.sub("", _clean(pm["pub"] if pm else last))
    elif len(last) <= 150 and (
        (_JOURNAL_NAME.search(last) and (f.doi or _IN_PRESS_END.search(last)))
        or (f.doi and _a_journal_by_its_subject(last))
    ):
        # "Title. Preventing Chronic Disease. https://doi.org/…", "Title. Journal of X, in press."
        f.container_title = _clean(_IN_PRESS_END.sub("", last))
        f.type = "article-journal"
    elif f.url:
        if _CITY_STATE.fullmatch(_clean(last)):
            f.place = _clean(last)  # "Boston, MA. Retrieved from …" — a place, not a site
        else:
            f.container_title = _clean(last)
        f.type = "webpage"
    elif (
        f.date is not None
        and f.date.day is not None
        and len(last) <= 60
        and ":" not in last
        and not re.search(r"\d", last)
        and not _PUB_WORDS.search(last)
    ):
        # "Gladwell, M. (2002, July 22). The talent myth. The New Yorker.": a day date dates a
        # periodical's issue, never a book's, so the last name is the paper, not a publisher
        f.container_title = _clean(last)
        f.type = "article-newspaper"
    else:
        _read_publisher(f, last)
        f.type = "book"
        if f.report_number or re.search(r"\b(?:report|rapor|raporu|доклад)\b", f.title, re.I):
            f.type = "report"


_QUOTED_HEAD = re.compile(
    r"^(?P<q>(?P<o>['‘\"“«])[^'‘’\"“”«»]{3,300}(?:['’\"”»])),\s+(?P<rest>.+)$"
)


def _read_harvard_quoted(f: _Fields, seg: str) -> bool:
    """Harvard ``'Title', Site or Paper, 10 November, p. 5.``: a quoted title, then the
    source's parts separated by commas (a day and month, pages, a name)."""
    m = _QUOTED_HEAD.match(seg)
    if not m or f.year is None:
        return False
    parts = [p.strip() for p in _split_commas(m["rest"].rstrip(". ")) if p.strip()]
    if not parts:
        return False
    name = ""
    for p in parts:
        md = _month_day(p, f.year) if re.search(r"\d", p) else None
        pm = re.fullmatch(r"(?:pp?\.|s\.|С\.)\s*(\d+\s*[-–—]\s*\d+|\d+)", p)
        if md is not None and md.day is not None and len(p) <= 20:
            f.date = md
        elif pm:
            f.pages = pm[1]
        elif not name and not re.search(r"\d", p):
            name = p
        else:
            return False  # numbers of a journal: left to the journal readers
    f.title = _unquote(m["q"])
    f.flag("title in quotation marks")
    if name:
        f.container_title = _clean(name)
    if f.url:
        f.type = "webpage"
    elif f.container_title:
        f.type = "article-newspaper"
    else:
        f.type = "document"
    return True
