"""Author and editor lists in every order: ``Surname, I.``, ``I. Surname``, ``Surname I.``,
given name first, particles, organisations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from refcheck.model import Agent, Organization, Person

# --------------------------------------------------------------------------- names

_PARTICLES = frozenset(
    [
        "von",
        "van",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "du",
        "da",
        "dos",
        "das",
        "le",
        "la",
        "ter",
        "ten",
        "zu",
        "bin",
        "ibn",
        "el",
        "al",
        "dei",
    ]
)
_SUFFIX = re.compile(r"^(?:Jr|Sr|Jnr|Snr)\.?$|^(?:II|III|IV|V)$")
_INITIALS = re.compile(r"^(?:[^\W\d_][^\W\d_]?\.\s*-?\s*)+$")
_ETAL = re.compile(r"^(?:[Ee]t\.?\s*al\.?|vd\.?|v\.?d\.|и\s+др\.?|ve\s+diğerleri|ve\s+ark\.?)$")
_GIVEN_FULL = re.compile(
    r"^[^\W\d_][^\W\d_'’-]*(?:-[^\W\d_]+)?(?:\s+(?:[^\W\d_][^\W\d_'’-]*|[^\W\d_]\.))*$"
)
_ORG_WORDS = frozenset(
    [
        "of",
        "the",
        "and",
        "for",
        "ministry",
        "university",
        "agency",
        "association",
        "organization",
        "organisation",
        "institute",
        "council",
        "committee",
        "office",
        "department",
        "bank",
        "news",
        "republic",
        "government",
        "center",
        "centre",
        "society",
        "foundation",
        "press",
        "group",
        "service",
    ]
)


_INITIALS_LOOSE = re.compile(r"^(?:[^\W\d_]\.?\s*-?\s*){1,4}$")


def _is_initials(t: str) -> bool:
    """``J. J.``, ``Yu.``; also ``C. R`` / ``JJ`` (a final or every period missing, as in
    hurried lists), but only when every letter is a capital, so ``Smith`` never qualifies."""
    if not t or not t[0].isupper():
        return False
    if _INITIALS.match(t):
        return True
    letters = [c for c in t if c.isalpha()]
    return (
        bool(_INITIALS_LOOSE.match(t))
        and all(c.isupper() for c in letters)
        and (len(letters) == 1 or "." in t or " " in t or len(letters) <= 3)
    )


def _split_particle(family: str) -> tuple[str, str]:
    words = family.split()
    i = 0
    while i < len(words) - 1 and words[i] in _PARTICLES:
        i += 1
    return " ".join(words[:i]), " ".join(words[i:])


def _person(family: str, given: str, suffix: str = "") -> Person:
    particle, fam = _split_particle(family.strip())
    return Person(family=fam, given=given.strip(), particle=particle, suffix=suffix)


def _looks_person_family(t: str) -> bool:
    words = t.split()
    if not 1 <= len(words) <= 4:
        return False
    return not any(w.lower() in _ORG_WORDS for w in words)


@dataclass(slots=True)
class _Authors:
    agents: list[Agent] = field(default_factory=list)
    et_al: bool = False
    spelled_out: bool = False
    ellipsis: bool = False
    and_word: bool = False  # "and"/"ve"/"и" instead of "&"
    no_comma: bool = False  # "Иванов И. И." without the comma


def _org(name: str) -> Organization:
    m = re.match(r"^(.*?)\s*\[([^\]]{1,20})\]$", name)
    if m:
        return Organization(m[1].strip(), m[2].strip())
    return Organization(name.strip())


_AND_LAST = re.compile(
    r",?\s+(?:and|ve|və|и)\s+(?=[^\W\d_][^,&]{0,40},\s*[^\W\d_]{1,2}\.)", re.IGNORECASE
)
_NOCOMMA = re.compile(
    r"^(?P<fam>[^\W\d_][\w'’-]+)\s+(?P<ini>(?:[^\W\d_]{1,2}\.\s?-?){1,3}|[^\W\d_]{1,3})$"
)  # "Иванов И.И.", Vancouver "Clifford MJ" (capitals only, checked below)


_ETAL_TAIL = re.compile(
    r",?\s+(?:vd\.?|v\.d\.|və b\.|və başq\.|və d\.|и др\.?|ve ark\.?|ve diğerleri|"
    r"[Ee]t\.?\s*al\.?)$"
)


def _parse_author_block(block: str) -> _Authors:
    """``Surname, I. I., & Surname, I.`` or a group name; et al. and ellipses noted."""
    res = _Authors()
    b = block.strip().rstrip(",;:").strip()
    if (
        b.endswith(".")
        and not re.search(r"(?:^|[\s,-])[^\W\d_]{1,2}\.$|\.[^\W\d_]\.$", b)
        and not b.endswith(("Jr.", "Sr.", "Inc.", "Ltd.", "Co."))
    ):
        b = b[:-1].rstrip()
    if not b:
        return res
    b = b.replace("…", ". . .")
    if ";" in b and re.search(r",\s*(?:[^\W\d_]\.\s?-?)+\s*;", b):
        b = re.sub(r"\s*;\s*", ", ", b)  # "Barbot, E.; Vidic, N.S.; & Vidic, R.D."
    em = _ETAL_TAIL.search(b)
    if em and em.start() > 0:
        res.et_al = True  # "Kılıç, A. vd.", "Cəfərov, N. və b.", "Иванов, И. и др."
        b = b[: em.start()].rstrip(" ,")
    b, n_and = _AND_LAST.subn(", & ", b)
    res.and_word = n_and > 0
    toks = [t.strip() for t in re.split(r"\s*,\s*(?:&\s*)?|\s+&\s+|\s*&\s*", b) if t.strip()]
    inverted = [_NOCOMMA.match(t) for t in toks]
    inverted = [
        m if m and ("." in m["ini"] or (m["ini"].isupper() and not m["fam"].isupper())) else None
        for m in inverted
    ]
    if toks and all(inverted):
        for m in inverted:
            if m:
                ini = m["ini"]
                if re.fullmatch(r"[^\W\d_]{2,3}\.", ini) and ini[:-1].isupper():
                    ini = ini[:-1]  # Vancouver "Cornell SE." — the period ends the block
                res.agents.append(_person(m["fam"], ini))
        res.no_comma = True
        return res
    has_initials = any(_is_initials(t) for t in toks[1:])
    if not has_initials:
        # "Surname, Given" spelled out, or a group author (which may contain commas)
        if len(toks) == 2 and _looks_person_family(toks[0]) and _GIVEN_FULL.match(toks[1]):
            res.agents.append(_person(toks[0], toks[1]))
            res.spelled_out = True
            return res
        etal = re.search(r",?\s+(?:[Ee]t\.?\s*al\.?|и\s+др\.?|vd\.?)$", b)
        if etal:
            res.et_al = True
            b = b[: etal.start()]
        res.agents.append(_org(b))
        return res
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.startswith(". . ."):
            res.ellipsis = True
            t = t[5:].strip()
            if not t:
                i += 1
                continue
        if _ETAL.match(t):
            res.et_al = True
            i += 1
            continue
        m = re.match(r"^(.*?)\s+(?:[Ee]t\.?\s*al\.?)$", t)
        if m and res.agents:
            res.et_al = True
            t = m[1]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        nm = _NOCOMMA.match(t)
        if nm and "." in nm["ini"] and res.agents and not _is_initials(nxt):
            # "Seyff, N., Ollmann G., & Bortenschlager, M.": one name lost its comma
            res.agents.append(_person(nm["fam"], nm["ini"]))
            res.no_comma = True
            i += 1
            continue
        if nxt and (_is_initials(nxt) or (_GIVEN_FULL.match(nxt) and _looks_person_family(t))):
            if not _is_initials(nxt):
                res.spelled_out = True
            suffix = ""
            j = i + 2
            if j < len(toks) and _SUFFIX.match(toks[j]):
                suffix = toks[j]
                j += 1
            if re.fullmatch(r"[A-Z]{2,3}\.", nxt) and i + 2 >= len(toks):
                nxt = nxt[:-1]  # "…, Lee, MK." — Vancouver initials; the period ends the list
            res.agents.append(_person(t, nxt, suffix))
            i = j
            continue
        if _SUFFIX.match(t) and res.agents and isinstance(res.agents[-1], Person):
            p = res.agents[-1]
            res.agents[-1] = Person(p.family, p.given, p.particle, t)
            i += 1
            continue
        if _is_initials(t):  # stray initials: attach to nothing, keep going
            i += 1
            continue
        res.agents.append(_org(t))
        i += 1
    return res


def _parse_given_first(text: str) -> tuple[list[Agent], bool]:
    """Editors written given-name first: ``A. Editor & B. van der Editor`` (et al. noted)."""
    s = text.strip().rstrip(".,")
    et_al = False
    m = re.search(r",?\s+(?:[Ee]t\.?\s*al\.?|vd\.?|и\s+др\.?|ve\s+diğerleri)$", s)
    if m:
        et_al = True
        s = s[: m.start()]
    out: list[Agent] = []
    for part in re.split(r"\s*,\s*(?:&\s*|and\s+)?|\s+&\s+|\s+and\s+|\s+ve\s+|\s+и\s+", s):
        words = part.split()
        if not words:
            continue
        if len(words) == 1:
            out.append(Person(family=words[0]))
            continue
        if (
            len(words) >= 3
            and "." not in part
            and any(len(w) > 3 and w[0].isupper() and w.lower() in _ORG_WORDS for w in words)
        ):
            out.append(_org(part))  # "In California State Department of Education (Ed.),"
            continue
        last = len(words) - 1
        k = last
        while k > 1 and words[k - 1] in _PARTICLES:
            k -= 1
        given = " ".join(words[:k])
        particle = " ".join(words[k:last])
        out.append(Person(family=words[last], given=given, particle=particle))
    return out, et_al
