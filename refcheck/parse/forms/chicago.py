"""Chicago/MLA-like form: ``Surname, Given. Title. Place: Publisher, Year.``, given-name-first
heads, MLA containers and ``edited by`` statements."""

from __future__ import annotations

import re

from refcheck.labels import NAME_PARTICLES
from refcheck.model import Agent, Person
from refcheck.parse.dates import _month, parse_date
from refcheck.parse.fields import (
    _PAGES,
    _YEAR_END,
    _Fields,
    _magazine_name,
    _plain_journal,
    _read_container,
    _read_publisher,
    _take_title_extras,
)
from refcheck.parse.forms.apa import _read_body_apa
from refcheck.parse.forms.comma import (
    _COMMA_IMPRINT,
    _INVERTED_LIST,
    _VANCOUVER_LIST,
    _comma_source_cut,
    _join_split_journal,
    _read_comma_source,
    _read_ieee_body,
    _year_or_date_only,
)
from refcheck.parse.forms.common import _title_quote_check
from refcheck.parse.forms.gost import _GOST_AUTHOR, _gost_next
from refcheck.parse.names import (
    _ORG_WORDS,
    _Authors,
    _looks_person_family,
    _parse_author_block,
    _parse_given_first,
    _person,
)
from refcheck.parse.tokens import _OPEN_Q, _TWO_LETTER_INITIALS, _clean, _segments, _unquote

_CHI_GIVEN_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_'’-]*(?:-[^\W\d_]+)?|\.(?:-[^\W\d_]\.)?)\.?")


_FAMILY_COMMA = re.compile(r"([^\W\d_][^,.()\"“*:;]{0,50}?),\s+")
_ETAL_AT = re.compile(r"(?:[Ee]t\.?\s*al\.?|и\s+др\.?|vd\.)")
_ONE_INITIAL = re.compile(r"[^\W\d_]\.(?:-[^\W\d_]\.)?")


def _chicago_authors(s: str) -> tuple[_Authors, str] | None:
    """``Surname, Given N.`` (plus ``and Given Surname``, ``Et. al.``) at the start of ``s``."""
    m = _FAMILY_COMMA.match(s)
    if not m or not _looks_person_family(m[1]):
        return None
    res = _Authors()
    pos = m.end()
    given: list[str] = []
    n = len(s)
    while pos < n:
        em = _ETAL_AT.match(s[pos:])
        if em and given:
            res.et_al = True
            pos += em.end()
            break
        tm = _CHI_GIVEN_TOKEN.match(s, pos)
        if not tm or not s[pos].isupper():
            break
        tok = tm[0]
        is_init = bool(_ONE_INITIAL.fullmatch(tok))
        if given and not is_init and given[-1].endswith(".") and len(given[-1]) <= 2:
            break  # "Waltz, K. Theory" — a capitalised word after an initial starts the title
        after = s[tm.end() : tm.end() + 1]
        if after not in (" ", ",", ""):
            break
        given.append(tok)
        pos = tm.end()
        if tok.endswith(".") and not is_init:
            break  # "Fareed." closes the author block
        while pos < n and s[pos] == " ":
            pos += 1
        if pos < n and s[pos] == ",":
            break
    if not given:
        return None
    g = " ".join(given)
    if g.endswith(".") and not re.search(r"\b[^\W\d_]\.$", g):
        g = g[:-1]
    res.agents.append(_person(m[1], g))
    res.spelled_out = any(len(t.rstrip(".")) > 1 for t in given)
    # ", and Jane Doe." / ", David Jurgens, and David Allen." co-authors written given-name first
    # (an initial's period may sit inside a co-author: ", and S. Frederick Starr.")
    am = re.match(
        r"\s*,?\s*((?:[A-Z][^.\"“*,]{2,40},\s*){0,8}(?:and|&|ve|и)\s+"
        r"(?:\b[A-Z]\.|[^.\"“*]){3,80}?)\.\s",
        s[pos:],
    )
    if am:
        more, et = _parse_given_first(re.sub(r"^(?:and|&|ve|и)\s+", "", am[1]))
        res.agents.extend(more)
        res.et_al = res.et_al or et
        pos += am.end() - 1
    rest = s[pos:].lstrip(" .,")
    return res, rest


_GF_TOKEN = re.compile(
    r"(?:[^\W\d_]\.(?:\s?-?[^\W\d_]\.){0,2}|[^\W\d_]{2}\.(?=\s)|"
    r"[^\W\d_][^\W\d_'’]*(?:[-'’][^\W\d_]+)*)"
)
_GF_SEP = re.compile(r"(?:,\s+(?:and|&)\s+|\s+(?:and|&)\s+|,\s+)")


_CYR_INVERTED_HEAD = re.compile(r"[А-ЯЁӘҺІЇЄҒҚҢӨҮҰ][^\W\d_]+,?\s+(?:[^\W\d_]{1,2}\.\s?){2,3}")


_AFTER_NAMES = re.compile(r"^(?:\.\s|,?\s*[\"“«]|,?\s*\(?(?:1[5-9]|20)\d\d\b)")


def _given_first_head(head: str) -> tuple[_Authors, str] | None:
    """Authors written given-name first at the start of a non-APA entry: ``Thomas de Waal and
    Laurence Broers. 2019. …``, IEEE ``S. E. Cornell and A. Jonsson, "Title," …``. Only taken
    when the evidence is clear (an initial, or several names), so ``Human Rights Watch.`` and
    ``Waltz, Kenneth N.`` are left to the other readers. Scans at most 300 characters."""
    if _CYR_INVERTED_HEAD.match(head):
        return None  # "Мамедова Ф. Дж. Заглавие": GOST surname and initials, not given-first
    names: list[list[str]] = []
    pos = 0
    n = min(len(head), 300)
    cur: list[str] = []
    while pos < n:
        tm = _GF_TOKEN.match(head, pos)
        if not tm or tm.end() > n:
            return None
        tok = tm[0]
        end = tm.end()
        if len(tok) == 3 and tok[1].isalpha() and tok[:2].lower() not in _TWO_LETTER_INITIALS:
            tok, end = tok[:2], end - 1  # "Ai Li." — a short surname, then the period
        if tok[0].islower() and tok not in NAME_PARTICLES:
            return None
        if tok.lower() in _ORG_WORDS or len(cur) >= 5:
            return None
        cur.append(tok)
        pos = end
        if (
            head.startswith(" ", pos)
            and not _GF_SEP.match(head, pos)
            and head[pos + 1 : pos + 2] not in _OPEN_Q
        ):
            pos += 1
            continue
        sm = _GF_SEP.match(head, pos)
        if sm and not head.startswith(('"', "“", "«"), sm.end()):
            names.append(cur)
            cur = []
            pos = sm.end()
            continue
        names.append(cur)
        break
    else:
        return None
    rest = head[pos:]
    if not _AFTER_NAMES.match(rest):
        return None
    for nm in names:
        if len(nm) < 2 or not nm[0][0].isupper():
            return None
        last = nm[-1]
        if last.endswith(".") or not last[0].isupper() or len(last) < 2:
            return None
    if len(names) < 2 and not any(t.endswith(".") for t in names[0][:-1]):
        return None
    res = _Authors()
    for nm in names:
        k = len(nm) - 1
        while k > 1 and nm[k - 1] in NAME_PARTICLES:
            k -= 1
        res.agents.append(
            Person(family=nm[-1], given=" ".join(nm[:k]), particle=" ".join(nm[k:-1]))
        )
    res.spelled_out = any(not t.endswith(".") for nm in names for t in nm[:-1])
    return res, rest.lstrip(" .,")


_BARE_YEAR_LEAD = re.compile(r"^\(?((?:1[5-9]|20)\d\d)([a-z]?)\)?[.,:]\s+(?=\S)")


def _read_given_first(f: _Fields, head: str) -> bool:
    """A given-name-first author list, then an author-date or Chicago/IEEE body."""
    got = _given_first_head(head)
    if got is None:
        return False
    auth, rest = got
    f.authors = auth.agents
    f.flag("author names not written as 'Surname, I.'")
    ym = _BARE_YEAR_LEAD.match(rest)
    if ym:
        f.year = int(ym[1])
        f.year_suffix = ym[2]
        f.flag("date not in parentheses after the authors")
        _read_body_apa(f, rest[ym.end() :])
        return True
    if rest[:1] in _OPEN_Q and _read_ieee_body(f, rest):
        return True
    _read_chicago(f, rest, authors_read=True)
    return True


_CHICAGO_EDITION = re.compile(
    r"^(?P<n>\d+(?:st|nd|rd|th)|[Rr]ev\.|[Rr]evised)\s+(?:ed\.|edn\.?|edition\.?)(?:\s+|$)"
    r"|^(?P<tr>\d+)\.\s+(?:bs\.|baskı\.?|bası\.?|basım\.?)(?:\s+|$)"
)  # also Turkish "3. bs. İstanbul: …"


def _read_chicago(f: _Fields, head: str, authors_read: bool = False) -> None:
    """``Surname, Given. Title. Container 17/4 (2015), 1-10.`` or ``… Place: Publisher, 1979.``"""
    parsed = None
    if not authors_read:
        lm = _INVERTED_LIST.match(head)
        if lm and head[lm.end() : lm.end() + 1].isupper():
            la = _parse_author_block(lm[0])
            if len(la.agents) >= 2 and all(isinstance(a, Person) for a in la.agents):
                parsed = (la, head[lm.end() :])
        vm = _VANCOUVER_LIST.match(head) if parsed is None else None
        if vm:
            va = _Authors()
            for nm in re.finditer(r"([^\W\d_][\w'’ -]*?)\s([A-Z]{1,3})(?=,|\.)", vm[0]):
                va.agents.append(_person(nm[1], nm[2]))
            parsed = (va, head[vm.end() :])  # "Liu Z, Wang Y, Gu FX. Title. Journal. 2015."
        if parsed is None:
            parsed = _chicago_authors(head)
    gost: list[Agent] = []
    gpos = 0
    while parsed is None and not authors_read and len(gost) < 20:
        gm = _GOST_AUTHOR.match(head, gpos)
        if not gm or not _gost_next(gost, head, gpos, gm):
            break
        ini = gm[2].strip()
        if re.fullmatch(r"[A-Z]{2,3}\.", ini):
            ini = ini[:-1]  # Vancouver "Cornell SE." — the period ends the name, not an initial
        gost.append(_person(gm[1], ini))
        gpos = gm.end()
    if authors_read:
        body = head
    elif gost and head[gpos : gpos + 1].isalpha():
        f.authors = gost
        body = head[gpos:]
        etm = re.match(r"(?:et\s+al\.?|и\s+др\.?|vd\.?),?\s+", body) if body[:1] in "eиv" else None
        if etm:
            f.et_al = True  # "Lu, D.R. Ou, Q. et al., Title": the list's end, not the title's start
            body = body[etm.end() :]
    elif parsed:
        auth, body = parsed
        f.authors = auth.agents
        f.et_al = auth.et_al
        if auth.spelled_out:
            f.flag("given name spelled out instead of initials")
    else:
        segs0 = _segments(head)
        if (
            len(segs0) >= 2
            and not segs0[0].italic
            and not segs0[0].quoted
            and len(segs0[0].text) <= 80
        ):
            a = _parse_author_block(segs0[0].text)
            f.authors, f.et_al = a.agents, a.et_al
            body = head[segs0[1].start :]
        else:
            body = head
    segs = [g.text for g in _segments(body)]
    if not segs:
        return
    first = segs.pop(0)
    dm = re.search(r"\s*\(([^()]*\d{4}[^()]*)\)\.?$", first)
    if dm and first[: dm.start()].strip():
        d = parse_date(dm[1])
        if d:
            f.year = d.year
            if d.month:
                f.date = d
        first = first[: dm.start()]
    pm = _COMMA_IMPRINT.search(first)
    if pm and pm.start() > 0 and not segs:
        # "Toward A New Psychology of Women, Boston: Beacon, 1976." — all one sentence
        segs = [pm["imprint"]]
        first = first[: pm.start()]
    if not first.startswith("*") and all(_year_or_date_only(g) for g in segs):
        cut = _comma_source_cut(first)
        if cut is not None and _read_comma_source(f, first[cut:] + " " + " ".join(segs)):
            # "Title, Solar System Research, v. 36, pp. 417-430, 2002" — one sentence
            _title_quote_check(f, first)
            f.title = _unquote(_take_title_extras(f, first[:cut].rstrip(" ,")))
            f.flag("year at the end instead of after the authors")
            return
    f.italic_title = first.startswith("*")
    _title_quote_check(f, first)
    f.title = _unquote(_take_title_extras(f, first))
    segs = _join_split_journal(f, segs)
    for pos, seg in enumerate(segs):
        em = re.match(
            r"^(?:eds?\.|edited by|ed\. by|haz\.|yay\. haz\.|под ред\.)\s+(.+)$", seg, re.I
        )
        if em and em[0][:1] in "hHyY":
            continue  # "Haz. Ahmet Kuyaş.": a preparer, dropped as in "(Haz. Z. Korkmaz)"
        if em:
            names = em[1]
            tm = (
                re.search(r",\s+(?:translated\s+by|trans\.(?:\s+by)?)\s+", names)
                if "rans" in names
                else None
            )
            if tm:
                # MLA "Edited by A, translated by B and C, Publisher, 1981.": the translators
                # have no field; the comma parts after them are the publisher and the year
                tail = names[tm.end() :].rstrip(". ").split(",")[1:]
                names = names[: tm.start()]
                for part in (p.strip() for p in tail):
                    if re.fullmatch(r"(?:1[5-9]|20)\d\d", part):
                        f.year = f.year or int(part)
                    elif part and not re.search(r"\d", part) and not f.publisher:
                        f.publisher = part
            vm = re.search(r"\s+(\d+\s*[-–]\s*\d+)\.?$", names)
            if vm:
                names = names[: vm.start()]
                f.pages = vm[1]
            eds, _ = _parse_given_first(names)
            f.editors = eds
            f.flag("editors not written as 'In I. Editor (Ed.),' before the book title")
            continue
        if seg.startswith("*") and not f.container_title:
            end = seg.find("*", 1) if "dited by" in seg else -1
            if end > 0 and _read_edited_by(f, "Book" + seg[end + 1 :]):
                # MLA "*Book: A, B*, edited by A and B, Publisher, 1988, pp. …": the italics
                # bound the book's name, whatever commas it holds
                f.container_title = _clean(seg[1:end])
            else:
                _read_container(f, seg)
            continue
        if not f.container_title and _read_edited_by(f, seg):
            continue
        cm = _IN_BOOK_PAGES.match(seg) if seg[:1] in "Iİ" and not f.container_title else None
        if cm:
            # Chicago "In The Interpretation of Cultures, 87–125. New York: Basic Books, 1973.":
            # the book and the chapter's pages; the imprint follows in its own sentence
            f.container_title = _clean(cm["book"].strip().strip("*"))  # "In" names a book
            f.pages = cm["p"]
            continue
        if (
            re.match(r"[Ii]n:?\s+[A-Z\d]", seg)
            and not f.container_title
            and not re.search(r"\([Ee]ds?\.\)", seg)
            and _read_comma_source(f, " ".join([seg, *segs[pos + 1 :]]))
        ):
            break  # "In 1992 International Conference on X, pages 251-255, Place, 1992."
        if not f.container_title and _plain_journal(seg) is not None:
            _read_container(f, seg)  # "Survival 62, no. 4 (2020): 79–96"
            continue
        edm = (
            _CHICAGO_EDITION.match(seg)
            if ("ed" in seg or "bs." in seg or "bas" in seg) and not f.edition
            else None
        )
        if edm:
            # "Rev. ed. London: Verso, 2006." / "2nd ed. New York: Norton, 1999.": the edition
            # opens the imprint sentence (the segmenter does not cut after "ed.")
            f.edition = (edm["n"] or edm["tr"]).rstrip(".").removesuffix("st").removesuffix("nd")
            f.edition = f.edition.removesuffix("rd").removesuffix("th")
            if not seg[edm.end() :]:
                continue
            _read_publisher(f, seg[edm.end() :])
            continue
        vm = re.fullmatch(r"(?:Cilt|Vol\.|Т\.|Том|Cild)\s*(\w+)\.?", seg.strip())
        if vm and not f.volume:
            f.volume = vm[1]  # "Cilt 1." between a book title and its publisher
            continue
        pm = _PAGES.match(seg.strip())
        if pm and (f.container_title or f.editors) and not f.pages:
            f.pages = pm["p"]
            continue
        dm2 = re.match(r"^\(?([^()]*\d{4}[^()]*)\)?\.?$", seg)
        words = re.findall(r"[^\W\d_]+", seg)
        if dm2 and len(seg) <= 30 and all(_month(w) for w in words) and parse_date(dm2[1]):
            d = parse_date(dm2[1])
            if d:
                f.year = f.year or d.year
                if d.month:
                    f.date = d
            continue
        # a quoted title followed by a plain segment: the book or journal it appeared in
        quoted_part = pos == 0 and first[:1] in '"“«' and not f.container_title
        if quoted_part and ":" not in seg and not _YEAR_END.search(seg):
            f.container_title = _clean(seg)
            continue
        if seg[:1] in "TtÇП" and (rm := _TRANS_LEAD.match(seg)):
            # MLA "Translated by Jane E. Lewin, Cornell UP, 1980.": the translator has no field;
            # what follows the names is the imprint (Chicago "Translated by A." has none)
            if rm["rest"]:
                _read_publisher(f, rm["rest"])
            continue
        _read_publisher(f, seg)
    if f.year is None:
        ym = list(re.finditer(r"\b(1[5-9]\d\d|20\d\d)\b", body))
        if ym:
            f.year = int(ym[-1][1])
    if f.year is not None or f.no_date:
        f.flag("year at the end instead of after the authors")
    if f.editors and not f.container_title and f.publisher and not f.pages:
        f.type = "book"  # "Title. Edited by A, Publisher, 1981.": the book's own editors
    elif f.editors or (f.container_title and not f.italic_container and f.publisher):
        f.type = "chapter"
    elif f.container_title and (f.volume or f.pages):
        f.type = "article-magazine" if _magazine_name(f) else "article-journal"
    elif f.container_title:
        f.type = "article-newspaper"
    elif f.publisher:
        f.type = "book"
    elif f.url:
        f.type = "webpage"
    if f.place:
        f.flag("place of publication given (APA 7 omits it)")


# a book named after "In" and the pages of a chapter in it, one sentence (Chicago notes style)
_IN_BOOK_PAGES = re.compile(
    r"^(?:In|İçinde):?\s+(?P<book>\*[^*]{3,200}\*|[^\W\d_][^,*]{2,200}),\s+(?:pp?\.\s*|ss?\.\s*)?"
    r"(?P<p>[A-Za-z]?\d+[A-Za-z]?\s*[-–—]\s*[A-Za-z]?\d+[A-Za-z]?)\.?$"
)
# a translator sentence opening a segment, with the imprint that may follow its names
_TRANS_LEAD = re.compile(
    r"^(?:[Tt]ranslated\s+by|[Tt]rans\.(?:\s+by)?|Çev\.|Tərc\.|Пер\.)\s+"
    r"[^\W\d_][^,\d]{1,60}?(?:,?\s+(?:and|&|ve|və|и)\s+[^\W\d_][^,\d]{1,60}?)?"
    r"(?:,\s+(?P<rest>(?!and\b|&)[^\W\d_].*?))?\.?$"
)


# Chicago/MLA chapter source: "In Book, edited by A. Art and B. Jervis, 98–115." /
# "Book, edited by A. Art, Publisher, 2013, pp. 98-115."
_EDITED_BY = re.compile(
    r"^(?:[Ii]n:?\s+)?(?P<book>[^,]{3,200}?(?:,\s+(?!edited|ed\.)[^,]{2,80}?)?),\s+"
    r"(?:edited by|ed\. by|edited and translated by)\s+"
    r"(?P<eds>(?:[^,]{2,60},\s+){0,6}(?:and|&)\s+[^,]{2,60}|[^,]{2,60})"
    r"(?P<rest>(?:,\s+[^,]+){0,4})\.?$"
)


def _read_edited_by(f: _Fields, seg: str) -> bool:
    """A book source with its editors written after it (Chicago, MLA); pages, year and
    publisher may follow in the same sentence."""
    m = _EDITED_BY.match(seg.strip())
    if not m or re.search(r"\d", m["eds"]):
        return False
    f.container_title = _clean(m["book"])
    f.editors, _ = _parse_given_first(m["eds"])
    f.flag("editors not written as 'In I. Editor (Ed.),' before the book title")
    for part in (p.strip().rstrip(".") for p in m["rest"].split(",")):
        if not part:
            continue
        pm = re.fullmatch(r"(?:pp?\.\s*)?(\d+\s*[-–—]\s*\d+|\d+)", part)
        ym = re.fullmatch(r"(1[5-9]\d\d|20\d\d)", part)
        if ym:
            f.year = f.year or int(ym[1])
        elif pm and not f.pages:
            f.pages = pm[1]
        elif not f.publisher and not re.search(r"\d", part):
            f.publisher = _clean(part)
    return True
