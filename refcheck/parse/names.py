"""Author and editor lists in every order: ``Surname, I.``, ``I. Surname``, ``Surname I.``,
given name first, particles, organisations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from refcheck.labels import NAME_PARTICLES
from refcheck.model import Agent, Organization, Person

# --------------------------------------------------------------------------- names

_SUFFIX = re.compile(r"^(?:Jr|Sr|Jnr|Snr)\.?$|^(?:II|III|IV|V)$|^(?:2nd|3rd|4th)$")
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


_LEAD_MARKS = "ʿʾ‘ʻ"


def _is_initials(t: str) -> bool:
    """``J. J.``, ``Yu.``; also ``C. R`` / ``JJ`` (a final or every period missing, as in
    hurried lists), but only when every letter is a capital, so ``Smith`` never qualifies."""
    if t[:1] in _LEAD_MARKS:
        t = t[1:]  # "ʿA. M.": an ayn or a hamza before a transliterated initial
    if not t:
        return False
    if not t[0].isupper():
        # a script without case (Arabic, Persian: "آرلاتو, آ."): only letters with periods
        return not t[0].islower() and t[0].isalpha() and bool(_INITIALS.match(t))
    if _INITIALS.match(t):
        return True
    letters = [c for c in t if c.isalpha()]
    return (
        bool(_INITIALS_LOOSE.match(t))
        and all(c.isupper() for c in letters)
        and (len(letters) == 1 or "." in t or " " in t or len(letters) <= 3)
    )


def _initials_and_particle(t: str) -> tuple[str, str] | None:
    """``C. C. von`` → ``("C. C.", "von")``, ``A. K. van der`` → ``("A. K.", "van der")``: the
    initials a reference manager prints before a surname's particle ("Bastian, C. C. von", the
    sorted form of "von Bastian"); a particle between initials stays in them ("Hunt, I. de
    V.", ``("I. de V.", "")``). None when ``t`` is not initials with a particle."""
    words = t.split()
    if len(words) < 2:
        return None  # one word (every plain "J." of a list): no particle beside initials
    kept = [w for w in words if w not in NAME_PARTICLES]
    if len(kept) == len(words) or not kept or not _is_initials(" ".join(kept)):
        return None
    k = len(words)
    while words[k - 1] in NAME_PARTICLES:
        k -= 1
    if any(w in NAME_PARTICLES for w in words[:k]):
        return t, ""  # "I. de V."
    return " ".join(words[:k]), " ".join(words[k:])


def _split_particle(family: str) -> tuple[str, str]:
    words = family.split()
    i = 0
    while i < len(words) - 1 and words[i] in NAME_PARTICLES:
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
    given_first: bool = False  # "Mol, A., C. Boom": a name after the first not inverted


# surname endings of Azerbaijani, Turkish, Russian and Ukrainian names that no given name has
_SURNAME_END = re.compile(
    r"(?:ov|ev|yev|ova|eva|yeva|oğlu|oglu|zadə|zade|ski|sky|skiy|skaya|enko|"
    r"ов|ев|ёв|ова|ева|ёва|ский|ская|енко)$",
    re.IGNORECASE,
)
_CAPWORDS = re.compile(r"[^\W\d_][\w'’-]+(?:\s+[^\W\d_][\w'’-]+){1,2}")


def _surname_first(words: list[str]) -> Person | None:
    """``Cəfərov Nizami``, ``Əfəndiyev Paşa``: two or three capitalised words whose first ends
    like a surname and whose last does not (``Cəfər Cabbarlı`` stays given name first: the
    ending decides, never the language)."""
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return None
    first, last = words[0], words[-1].rstrip(".")
    if len(first) >= 5 and _SURNAME_END.search(first) and not _SURNAME_END.search(last):
        return Person(family=first, given=" ".join(words[1:]).rstrip("."))
    if len(words) == 3 and _PATRONYMIC.search(last) and not _PATRONYMIC.search(first):
        # "Рогожина Наталья Дмитриевна", "Quliyev Rəşad Məmməd oğlu": a patronymic ends the
        # given names, so the first word is the surname whatever its ending
        return Person(family=first, given=" ".join(words[1:]).rstrip("."))
    return None


# Russian, Ukrainian and Azerbaijani patronymics (in the Latin transliteration too)
_PATRONYMIC = re.compile(r"(?:[ое]вич|[ое]вна|ична|инична|ьич|vich|vna|ichna)$", re.IGNORECASE)


def _org(name: str) -> Organization:
    if (
        name.endswith(".")
        and len(name) > 4
        and not re.search(r"(?:^|\s)[^\W\d_]{1,3}\.$", name[-6:])
    ):
        name = name[:-1]  # "News.ru." / "World Bank." : the period ends the element
    m = re.match(r"^(.*?)\s*\[([^\]]{1,20})\]$", name)
    if m:
        return Organization(m[1].strip(), m[2].strip())
    return Organization(name.strip())


_AND_LAST = re.compile(
    r"(?:,?\s+(?:and|ve|və|и|og|och)|,\s+(?-i:y|e)|(?<=[^\W\d_]\.)\s+(?-i:y|e|et|und))"
    r"\s+(?=[^\W\d_][^,&]{0,40},\s*[^\W\d_]{1,2}\.)",
    re.IGNORECASE,
)  # Spanish and Portuguese "y" / "e" (French "et", German "und") after a comma or an initial:
# "Larsen-Freeman, D. y Anderson, M.", but "Ortega y Gasset, J." is one name
_NOCOMMA = re.compile(
    r"^(?P<fam>[^\W\d_][\w'’-]+)\s+(?P<ini>(?:[^\W\d_]{1,2}\.\s?-?){1,3}|[^\W\d_]{1,3})$"
)  # "Иванов И.И.", Vancouver "Clifford MJ" (capitals only, checked below)


_ETAL_TAIL = re.compile(
    r",?\s+(?:vd\.?|v\.d\.|və b\.|və başq\.|və d\.|и др\.?|ve ark\.?|ve diğerleri|"
    r"[Ee]t\.?\s*al\.?)$"
)


_SEMICOLON_AFTER_INITIALS = re.compile(r",\s*(?:[^\W\d_]\.\s?-?)+\s*;")
_SEMICOLON = re.compile(r"\s*;\s*")
_SERIAL_AND = re.compile(r",\s*&\s")
_AUTHOR_SEP = re.compile(r"\s*,\s*(?:&\s*)?|\s+&\s*|\s*&\s+")  # "H&M", "AT&T" stay whole


# Chinese names as Chinese lists print them, family and given name in one run of two to four
# Han characters, separated by commas: "柴民权, 管健" (after reading_text's full-width commas)
_HAN = "\u4e00-\u9fff"
_HAN_NAME = re.compile(f"[{_HAN}]{{2,4}}")
_HAN_NAMES = re.compile(f"[{_HAN}]{{2,4}}(?:\\s*[,，、]\\s*[{_HAN}]{{2,4}})*[\\s.,，]*")


def _han_names(block: str) -> list[Agent] | None:
    """The persons of a span made only of Han names, else None (the anchored pattern fails at the
    first letter of any other span)."""
    if not _HAN_NAMES.fullmatch(block):
        return None
    return [Person(n, "") for n in _HAN_NAME.findall(block)]


def _parse_author_block(block: str) -> _Authors:
    """``Surname, I. I., & Surname, I.`` or a group name; et al. and ellipses noted.

    The APA reading pairs pieces at commas; a list that changes order after its first name
    (``Dunn, M., J. Billingsley, and N. Finch``) or has no comma inside its names (Vancouver
    ``Harrison K, Song R, Zhang X``) pairs wrongly: then the general reader's names are kept."""
    han = _han_names(block)
    if han:
        return _Authors(agents=han)
    res = _read_author_block(block)
    head = block.partition(",")[0].strip()
    if " " in head and "." not in head and _given_first_list(block):
        # "Mingxing Tan, Ruoming Pang, and Quoc V. Le" (ACM, CVPR): every name given name first
        agents, et_al = read_names(block)
        res.agents, res.et_al = list(agents), res.et_al or et_al
        return res
    if any(_misread(a) for a in res.agents):
        agents, et_al = read_names(block)
        if len(agents) > len(res.agents) and all(isinstance(a, Person) for a in agents):
            res.agents, res.et_al = list(agents), res.et_al or et_al
    return res


_CONJUNCTION = re.compile(r"(?:^|\s)(?:and|&|ve|və|и|und|et|y)\s", re.IGNORECASE)
_LEADING_INITIAL = re.compile(r"^[^\W\d_]\.\s?[^\W\d_]{2,}$")
_VANCOUVER_NAME = re.compile(
    r"^[^\W\d_][\w'’ -]{1,40}\s[A-Z]{1,3}\.?(?:\s(?:Jr|Sr|2nd|3rd|4th|II|III|IV)\.?)?$"
)


def _misread(agent: Agent) -> bool:
    """A name the comma pairing cannot have meant: a conjunction inside the given names, an
    initial opening the family name, or a group name made of several ``Surname AB`` names."""
    if isinstance(agent, Person):
        return bool(_CONJUNCTION.search(agent.given) or _LEADING_INITIAL.match(agent.family))
    return agent.name.count(",") >= 2 and all(
        _VANCOUVER_NAME.match(piece.strip()) for piece in agent.name.split(",")
    )


def _pieces(block: str) -> tuple[list[str], list[bool]]:
    """The block's pieces between separators, and for each whether an ``&`` comes before it."""
    toks: list[str] = []
    amp: list[bool] = []
    pos, pending = 0, False
    for m in _AUTHOR_SEP.finditer(block):
        piece = block[pos : m.start()].strip()
        if piece:
            toks.append(piece)
            amp.append(pending)
            pending = False
        pending = pending or "&" in m[0]
        pos = m.end()
    last = block[pos:].strip()
    if last:
        toks.append(last)
        amp.append(pending)
    return toks, amp


def _read_author_block(block: str) -> _Authors:
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
    b = b.replace("…", ". . .").replace("...", ". . .")
    if ";" in b and _SEMICOLON_AFTER_INITIALS.search(b):
        b = _SEMICOLON.sub(", ", b)  # "Barbot, E.; Vidic, N.S.; & Vidic, R.D."
    em = _ETAL_TAIL.search(b)
    if em and em.start() > 0:
        res.et_al = True  # "Kılıç, A. vd.", "Cəfərov, N. və b.", "Иванов, И. и др."
        b = b[: em.start()].rstrip(" ,")
    b, n_and = _AND_LAST.subn(", & ", b)
    res.and_word = n_and > 0
    toks, amp = _pieces(b)
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
        if len(toks) == 2 and _SERIAL_AND.search(b):
            # "World Bank, & IMF", "Baring, & Cashford": APA's comma before "&" ends a name
            # ("Johnson & Johnson", with no comma, stays one group)
            res.agents.extend(_org(t) for t in toks)
            return res
        # "Surname, Given" spelled out, or a group author (which may contain commas)
        if len(toks) >= 4 and len(toks) % 2 == 0 and not has_org_stem(b) and all(
            _looks_person_family(toks[k]) and _GIVEN_FULL.match(toks[k + 1]) and " " not in toks[k]
            for k in range(0, len(toks), 2)
        ):
            # "Comrie, Bernard, Khalilov, Madzhid, Khalilova, Zaira": pairs, spelled out
            res.agents.extend(_person(toks[k], toks[k + 1]) for k in range(0, len(toks), 2))
            res.spelled_out = True
            return res
        if len(toks) == 2 and _looks_person_family(toks[0]) and _GIVEN_FULL.match(toks[1]):
            res.agents.append(_person(toks[0], toks[1]))
            res.spelled_out = True
            return res
        etal = re.search(r",?\s+(?:[Ee]t\.?\s*al\.?|и\s+др\.?|vd\.?)$", b)
        if etal:
            res.et_al = True
            b = b[: etal.start()]
        words = b.split()
        person = _surname_first(words) if len(toks) == 1 and _CAPWORDS.fullmatch(b) else None
        if person is not None:
            # "Əfəndiyev Paşa (1981)": a surname, then the given name spelled out, no comma
            res.agents.append(person)
            res.spelled_out = res.no_comma = True
            return res
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
        if not t.strip("-–—_⸻? "):
            res.agents.append(_org(t))  # "———, Zumbühl, S.": the names of the entry before
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
        with_particle = _initials_and_particle(nxt) if nxt and not amp[i + 1] else None
        if with_particle is not None:
            # "Bastian, C. C. von", "Bij, A. K. van der", "Hunt, I. de V."
            given, particle = with_particle
            p = _person(t, given)
            res.agents.append(Person(p.family, p.given, particle or p.particle))
            i += 2
            continue
        if (
            nxt
            and not amp[i + 1]  # "Maisel, & Wettersten, N.": after "&" comes the last name
            and (_is_initials(nxt) or (_GIVEN_FULL.match(nxt) and _looks_person_family(t)))
        ):
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
        if _is_initials(t) and not amp[i]:  # stray initials: attach to nothing, keep going
            i += 1
            continue
        im = _INITIALS_FIRST.match(_LEAD_AND.sub("", t)) if res.agents else None
        if im and not has_org_stem(t):
            # "Mol, A., C. Ariese-Vandemeulebroucke, K. Boom & A. Politopoulos": after the
            # first name, the others given name first (Chicago, Harvard)
            res.agents.append(_person(im["fam"], im["ini"]))
            res.given_first = True
            i += 1
            continue
        res.agents.append(_org(t))
        i += 1
    return res


_LEAD_AND = re.compile(r"^(?:and|ve|və|и)\s+")
_LEAD_JOIN = re.compile(r"^(?:&|and|ve|və|и|und|et|y|e|og|och)\s+")
_INITIALS_FIRST = re.compile(
    r"(?P<ini>(?:[^\W\d_]\.\s?-?\s?){1,3})\s*(?P<fam>[^\W\d_][^\W\d_'’‑-]+(?:[-‑][^\W\d_]+)?)$"
)


_AND_BETWEEN_NAMES = re.compile(r"\s+(?:y|e|et|und|u\.|i)\s+(?=[^\W\d_])")


def _parse_given_first(text: str) -> tuple[list[Agent], bool]:
    """Editors written given-name first: ``A. Editor & B. van der Editor`` (et al. noted)."""
    s = text.strip().rstrip(".,")
    et_al = False
    m = re.search(r",?\s+(?:[Ee]t\.?\s*al\.?|vd\.?|и\s+др\.?|ve\s+diğerleri)$", s)
    if m:
        et_al = True
        s = s[: m.start()]
    out: list[Agent] = []
    # "U. Sander; F. von Gross & K.-U. Hugger": a semicolon parts names as a comma does
    parts: list[str] = []
    for part in re.split(r"\s*[,;]\s*(?:&\s*|and\s+)?|\s+&\s+|\s+and\s+|\s+ve\s+|\s+и\s+", s):
        # "Ignacio Arellano y Juan Manuel Escudero", "Bijon, Yves Clavaron und Bernard
        # Dieterle": a Romance or German "and" between two whole names ("José Ortega y Gasset"
        # is one name: a single word after it)
        m = _AND_BETWEEN_NAMES.search(part)
        if m and len(part[: m.start()].split()) >= 2 and len(part[m.end() :].split()) >= 2:
            parts += [part[: m.start()], part[m.end() :]]
        else:
            parts.append(part)
    for part in parts:
        words = part.split()
        if not words:
            continue
        if len(words) == 1:
            out.append(Person(family=words[0]))
            continue
        if (
            len(words) >= 3
            and "." not in part
            and (
                any(len(w) > 3 and w[0].isupper() and w.lower() in _ORG_WORDS for w in words)
                or has_org_stem(part)
                or any(  # a lower-case word that is no particle ("al-Dīn" is a name's)
                    len(w) > 3 and w[0].islower() and "-" not in w and w not in NAME_PARTICLES
                    for w in words[1:]
                )
            )
        ):
            # "In California State Department of Education (Ed.),", "edited by Königlichen
            # Preußischen Akademie der Wissenschaften", "Istituto centrale per il restauro"
            out.append(_org(part))
            continue
        last = len(words) - 1
        k = last
        # "A. A. Di Castro", "B. van der Parr": a particle in either case ("J. Stapleton Roy":
        # any other word after the initials is a given name)
        while k > 1 and words[k - 1].lower() in NAME_PARTICLES:
            k -= 1
        given = " ".join(words[:k])
        particle = " ".join(words[k:last])
        out.append(Person(family=words[last], given=given, particle=particle))
    return out, et_al


# --------------------------------------------------------------------------- names in every order
# The labeller hands over an author (or editor) span whatever the style: ``Surname, I. I.``,
# ``Surname I.I.`` (GOST), ``Surname AB`` (Vancouver), ``I. I. Surname``, ``Given Surname``
# (MLA's second author, Azerbaijani writers), ``SURNAME, Given``, semicolon lists, particles.
# ``read_names`` decides each name's order from its own shape, not from the style.

# "editado por", "édité par", "herausgegeben von", "a cura di": the roles Spanish, Portuguese,
# French, German and Italian lists spell out, each followed by names written given name first
FOREIGN_EDITED_BY = (
    r"(?:(?:editad|compilad|coordinad|coordenad|organizad)[oa]s?\s+por|[ée]dit[ée]e?s?\s+par|"
    r"herausgegeben\s+von|hrsg\.\s*v(?:on|\.)|a\s+cura\s+di)"
)
FOREIGN_TRANSLATED_BY = (
    r"(?:traducid[oa]\s+por|traduzid[oa]\s+por|traduit\s+par|übersetzt\s+von|tradott[oa]\s+da)"
)
_ROLE_LEAD = re.compile(
    r"^(?:\*|in:?\s|i̇çinde:?\s|içinde:?\s|в:\s|//\s*|/\s*|под\s+(?:общ\.\s*|науч\.\s*)?"
    r"ред(?:\.|акцией)\s*|(?:edited|ed\.|eds\.|hrsg\.|translated|trans\.|compiled)\s+(?:by|v\.|von)\s*|"
    rf"{FOREIGN_EDITED_BY}\s*|{FOREIGN_TRANSLATED_BY}\s*|"
    r"ed\.\s|eds\.\s|edited\s|çev(?:iren)?\.?:?\s|сост\.?:?\s|пер\.\s(?:с\s+\S+\s*)?)",
    re.IGNORECASE,
)
_ROLE_TAIL = re.compile(
    r"(?:^|[\s,]+|(?=[(\[]))[(\[]?\s*(?:eds?|editors?|red|der|hrsg|ред|сост|comps?|trans|transl|"
    r"çev|пер|yay\.\s*haz|haz|translators?|directors?|producers?|narrators?|performers?|"
    r"illustrators?|creators?|compilers?|hosts?)\.?\s*[)\]]?[\s.,:;]*$",
    re.IGNORECASE,
)
_ETAL_END = re.compile(
    r"[,\s]*(?:\[?\s*et\.?\s*al\.?\s*\]?|\[?\s*и\s*др\.?\s*\]?|vd\.?|v\.d\.|ve\s+ark\.?|"
    r"ve\s+diğ(?:erleri|\.)|və\s+b\.|və\s+d\.|və\s+başq\.|и\s+другие|and\s+others|u\.\s*a\.)"
    r"[\s.,]*$",
    re.IGNORECASE,
)
# a cheap gate in front of _ORG_HINT: the letters its words start with, matched on the
# lower-cased text (``has_org_stem``); a case-insensitive alternation is five times slower
_ORG_STEMS = re.compile(
    r"\b(?:minist|univ|inst|agen|assoc|organi|counc|commi|offic|depart|bank|gover|cent|soci|"
    r"found|bure|corp|compan|inc\b|ltd|group|nazir|bakan|ünivers|enstit|kurum|komit|минист|"
    r"инст|унив|комит|админ|федер|респ|служб|агент|nation|union|world|statist|academ|akadem|"
    r"акад|press|news|ajans|komisyon|staff|servi|collab|consort|project|network|task|sendika|"
    r"teşkil|başkan|prezid|президент|meclis|məclis|parlam|gazete|qəzet|газет|новост|daire|"
    r"müdürl|idarə|управл|палат|court|mahkeme|trust|fund|fond|фонд|program|initiat|observ|"
    r"laborat|museum|müze|музе|librar|kütüph|библиот|archiv|arşiv|архив|party|partisi|парти|"
    r"federa|board|authorit|secretar|trialist|working|агентлик|xəbər|team\b|communit|watch\b|"
    r"gmbh|llc\b|merkez|odas|derneğ|vakf|birliğ|internation|internacion|church|kilise|церк|"
    r"collective|dictionar|encyclop|sözlü|lügat|lüğət|словар|энцикл)"
)
_STEM_FOLD = str.maketrans({"\u0307": None, "ı": "i", "ſ": "s"})  # what (?i) also equates


def has_org_stem(text: str) -> bool:
    """Whether a word of ``text`` starts like an organisation's (``Minist…``, ``Унив…``)."""
    return _ORG_STEMS.search(text.lower().translate(_STEM_FOLD)) is not None


_AND_SPLIT = re.compile(r"\s+(?:and|et|und|y|e|i|и|ve|və|og|och|&)\s+")
_BODY_CONNECTORS = frozenset(
    {"et", "and", "und", "y", "e", "i", "и", "ve", "və", "og", "och", "of", "for", "the", "à"}
    | {"a", "aux", "en"}
)


def _lower_word_names_a_body(s: str) -> bool:
    """``Affaires indiennes et du Nord canadien``, ``Viaggio nei fori``: no comma, no
    initials and a lower-case word that is neither a particle nor a connector: no person's
    name is written so (``Charles de Gaulle et Jean Monnet`` has only particles)."""
    if "," in s or ";" in s or len(s) > 120 or _ANY_INITIAL.search(s):
        return False
    words = s.split()
    if len(words) < 3 or not any(
        len(w) >= 4
        and w[0].islower()
        and w.isalpha()
        and w not in NAME_PARTICLES
        and w not in _BODY_CONNECTORS
        for w in words
    ):
        return False
    # "Eugenio Sonnino and Università degli studi di Roma": a person beside the body
    return not any(
        1 < len(p.split()) <= 3 and all(w[:1].isupper() and w.isalpha() for w in p.split())
        for p in _AND_SPLIT.split(s)
    )


_ONE_FAMILY_GIVEN = re.compile(r"^[^\W\d_][\w'’-]*,\s+[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?$")
# "/" between names ("Franz, Eckhart G./ Lux, Thomas", "BARBER, S. A / FLEMİNG, J. E."); Spanish
# and Portuguese ", y" / ", e" only after a comma ("Ortega y Gasset" is one name)
_NAME_SPLIT = re.compile(
    r"\s*(;|,|&|\band\b|\bog\b|\boch\b|\bve\b|\bvə\b|\bи\b|\bund\b|\bet\b(?!\s*al)|(?<=,\s)[ye]\b|"
    r"(?<=\s)/|/(?=\s))\s*"
)
# "Alvarez, R. Michael/Kiewiet, D. Roderick": a glued slash after "Surname, Given" and before
# the next "Surname," (German notes' "Spindler/Schuster-Heckmann, Title" are not names so)
_SLASHED_NAMES = re.compile(r"^[^,/]{2,40},\s[^,/]{1,40}/[^\W\d_]")
_GLUED_SLASH = re.compile(r"/(?=[^\W\d_][\w'’ -]{1,40},)")
_CUT_ETAL = re.compile(r"\s*\[(?:и|et|and|u|i|vd|və)?\.?\s*$")
_GLUED_INITIAL = re.compile(r"(?<![^\W\d_])([^\W\d_]\.)(?=[^\W\d_])")
_INI_WORD = re.compile(
    r"^(?:[^\W\d_][^\W\d_]?\.(?:-?[^\W\d_][^\W\d_]?\.)*-?|[^\W\d_]{1,3})$"
)  # "A.", "Yu.", "A.B.", "A.-B.", "AB", "ЕМ"
_CAPWORD = re.compile(
    r"^[^\W\d_][^\W\d_]*(?:['’`ʹ][^\W\d_]+)*(?:-[^\W\d_][^\W\d_]*(?:['’`ʹ][^\W\d_]+)*)*\.?$"
)  # "Watanabe-O’Kelly", "Ngũgĩ", "d’Ambrosio"
_ORG_HINT = re.compile(
    r"\b(?:ministry|university|institute|agency|association|organi[sz]ation|council|committee|"
    r"office|department|bank|government|centres?|centers?|society|foundation|commission|"
    r"bureau|corporation|company|inc|ltd|group|nazirliyi|bakanlığı|universiteti|üniversitesi|"
    r"institutu|enstitüsü|kurumu|komitəsi|министерство|институт|университет|комитет|"
    r"администрация|федерации|республики|службы?|агентство|nations|union|world|national|"
    r"statistics|statistical|academy|akademiyası|академия|bank|press|news|agentliyi|"
    # news agencies, offices, courts, parliaments, projects: organisations in four languages
    r"ajansı|ajans|komisyonu|komissiyası|комиссия|staff|team|services?|collaboration|consortium|"
    r"project|network|task force|sendikası|teşkilatı|başkanlığı|prezidenti|президент|"
    r"meclisi|məclisi|parlamenti|parliament|gazetesi|qəzeti|газета|новости|dairesi|daire|"
    r"müdürlüğü|idarəsi|управление|палата|court|mahkemesi|trust|fund|fondu|фонд|programme|"
    r"program|initiative|observatory|laboratory|museum|müzesi|музей|library|kütüphanesi|"
    r"библиотека|archives?|arşivi|архив|party|partisi|партия|federation|federasyonu|board|"
    r"authority|secretariat|trialists|working group|xəbərləri|community|watch|gmbh|llc|"
    # the bodies of Portuguese and Spanish lists (SciELO): ministries, institutes, secretariats
    r"ministério|ministerio|secretaria|instituto|fundação|fundación|universidade|universidad|"
    # Turkish bodies: centres, chambers, associations, foundations, unions
    r"merkezi|odası|derneği|vakfı|birliği|"
    # "Amnesty International", "Amnistie internationale", "Transparencia Internacional"
    r"international|internationale|internacional|"
    # churches, collectives and dictionaries named as authors ("Church of England. The First
    # and Second Prayer Books", "Oxford English Dictionary. …", "Nişanyan Sözlük. …")
    r"church|kilisesi|церковь|collective|dictionary|dictionnaire|diccionario|encyclopa?edia|"
    r"sözlük|sözlüğü|lugati|lügati|lüğəti|словарь|энциклопедия)\b",
    re.IGNORECASE,
)


# patterns compiled once (a literal in a call is looked up in re's cache every time)
_SHORT_CAPS_ABBREV = re.compile(r"[^\W\d_]{2,3}\.")
_BRACKETED = re.compile(r"\s*\[[^\[\]]{0,120}\]|\s*\([^()]{0,120}\)")
_DASHES_ONLY = re.compile(r"[\s.,]*[-–—_]{2,}[\s.,]*")
_INITIAL_END = re.compile(r"(?:^|[\s.,-])[^\W\d_]{1,2}\.$")
_ANY_INITIAL = re.compile(r"(?:^|\s)[^\W\d_]\.")


def _is_ini_word(w: str, words: int) -> bool:
    """An initial: ``A.``, ``Yu.``, ``A.B.``; bare capitals (``AB``) only beside a longer word."""
    if not _INI_WORD.match(w):
        return False
    letters = [c for c in w if c.isalpha()]
    if "." in w:
        return letters[0].isupper()
    return words > 1 and all(c.isupper() for c in letters) and len(letters) <= 3


def _given_first(words: list[str]) -> Person:
    last = len(words) - 1
    k = last
    while k > 1 and words[k - 1].lower() in NAME_PARTICLES:
        k -= 1
    return Person(
        family=words[last].rstrip("."),
        given=" ".join(words[:k]),
        particle=" ".join(words[k:last]),
    )


def _family_first(family: str, given: str) -> Person:
    fam = family.strip().rstrip(",")
    given = given.strip()
    if _SHORT_CAPS_ABBREV.fullmatch(given) and given[:-1].isupper():
        given = given[:-1]  # Vancouver "Lee MK." / "Lee, MK.": the period ends the list
    particle, fam = _split_particle(fam) if " " in fam else ("", fam)
    return Person(family=fam, given=given.strip(), particle=particle)


_CYRILLIC_PARTICLES = frozenset(["де", "фон", "ван", "дер", "дю", "ди", "ла", "ле"])


def _is_trailing_particle(word: str) -> bool:
    w = word.rstrip(".,")
    return w[:1].islower() and (w in NAME_PARTICLES or w in _CYRILLIC_PARTICLES)


_ROLE_ANYWHERE = re.compile(
    r"(?<![^\W\d_])(?:под\s+(?:общ(?:ей)?\.?\s*|науч(?:ной)?\.?\s*)?ред(?:акцией|\.)|"
    r"(?:отв|науч|гл|общ)\.\s*ред\.|ред\.-сост\.|ред\.|сост\.|пер\.|"
    r"edited\s+by|ed\.\s+by|translated\s+by|trans\.\s+by|compiled\s+by|"
    rf"{FOREIGN_EDITED_BY}|{FOREIGN_TRANSLATED_BY}|"
    r"çev\.|çeviren|der\.|haz\.|hazırlayan|tərt\.|tərtib\s+edən|red\.)(?![^\W\d_])",
    re.IGNORECASE,
)
# a translator named after the author, within the name span: no author, no field of its own
_TRANSLATORS_AFTER = re.compile(
    r"[,.]\s*(?:trans\.|transl\.|tr\.|translated|çev\.|пер\.)(?:\s*by)?\s+[^\W\d_]",
    re.IGNORECASE,
)
_RUN_ON_NAMES = re.compile(  # the Uzbek Latin "G‘ulomov", "O`zbek" apostrophes included
    r"((?:^|\s)[^\W\d_][\w'’‘`ʻ-]+\s+(?:[^\W\d_]{1,2}\.\s?-?){1,3})\s+"
    r"(?=[^\W\d_][\w'’‘`ʻ-]{2,}\s+[^\W\d_]{1,2}\.)"
)


def read_names(text: str) -> tuple[list[Agent], bool]:
    """Persons and organisations of an author or editor span, in any order; et al. noted."""
    s = text.replace("*", " ").replace("…", " ").replace(". . .", " ").strip()
    han = _han_names(s)
    if han:
        return han, False
    cut = _CUT_ETAL.search(s) if "[" in s[-6:] else None
    if cut:  # "В. С. Бураков [и" / "J. Chen [et": "[и др.]" cut by the span, the names before
        s = s[: cut.start()]
    m = _TRANSLATORS_AFTER.search(s) if "tr" in s or "çev" in s or "пер" in s else None
    if m and m.start() > 0:
        s = s[: m.start()]  # "Attar, Farid al-Din, trans. A. J. Arberry": the translator follows
    if len(s) < 400 and _ROLE_ANYWHERE.search(s):
        s = _ROLE_ANYWHERE.sub(" ", s).strip(" ,;:")  # "под ред. А. В. Петрова", "отв. ред."
    s = _GLUED_INITIAL.sub(r"\1 ", s)  # "R.M.Əliyev" -> "R. M. Əliyev"
    if "/" in s and _SLASHED_NAMES.match(s):
        s = _GLUED_SLASH.sub("; ", s)
    for _ in range(3):
        m = _ROLE_LEAD.match(s)
        if not m or not m.end():
            break
        s = s[m.end() :].lstrip()
    # both end patterns are searched in the last characters only: linear on any input
    m = _ROLE_TAIL.search(s, max(0, len(s) - 40)) if len(s) > 6 else None
    if m:
        s = s[: m.start()]
    et_al = cut is not None
    m = _ETAL_END.search(s, max(0, len(s) - 40))
    if m and m.start() > 0:
        et_al = True
        s = s[: m.start()]
    if "[" in s or "(" in s:
        # "[Fel’kerzam, A. E.]", "(Arminiĭ Evgenʹevich)": another form of a name, not a name
        s = " ".join(_BRACKETED.sub(" ", s).split())
    if _DASHES_ONLY.fullmatch(s):
        return [], et_al  # "---." / "———.": the previous entry's author, repeated
    s = s.strip(" ,;:/[]()")  # a bracket the span cut in two: "E. de Angelis ["
    if s.endswith(".") and not _INITIAL_END.search(s[-5:]):
        s = s[:-1]
    if not s:
        return [], et_al
    if (
        has_org_stem(s)
        and _ORG_HINT.search(s)
        and not _ANY_INITIAL.search(s)
        and not _ONE_FAMILY_GIVEN.match(s)  # "Court, John": a surname that is also a word
        and not s.startswith(("A ", "An "))  # "A Hindu in Plymouth Church": a headline
    ) or _lower_word_names_a_body(s):
        return [_org(s)], et_al
    # "Юренев Р. Н. Эйзенштейн С. М.": names written one after another without a comma
    if len(s) < 400 and "," not in s and ";" not in s and s.count(".") >= 3:
        for _ in range(3):  # a match takes the space the next one starts at: again
            s, n = _RUN_ON_NAMES.subn(r"\1, ", s)
            if not n:
                break
    if ";" in s and "," in s:
        parts = [p.strip() for p in s.split(";")]
        if len(parts) > 1 and all(p.count(",") == 1 for p in parts):
            # "ELIAS, Ana Paula de Andrade Janz; ROCHA, Flavia Sucheck Mateus da" (ABNT): a
            # semicolon between names, one comma inside each
            pairs = [_LEAD_JOIN.sub("", p).split(",") for p in parts]  # "; & Hartz, S. M."
            if all(
                f.split()
                and _CAPWORD.match(f.split()[-1])
                and not any(_is_ini_word(w, 2) for w in f.split())  # "G. IDEN, F. S. RUSSEK"
                and g.split()
                for f, g in pairs
            ):
                return [_family_first(f, g) for f, g in pairs], et_al
    pieces, seps = _name_pieces(s)
    given_first = _as_given_first(pieces)
    if given_first is not None:
        # "Firoj Alam, Fahim Dalvi, Shaden Shaar, …" (ACL, IEEE): every name given name first
        return [_given_first(p.split()) for p in given_first], et_al
    out: list[Agent] = []
    inverted = False  # the first name was "Surname, Given Names" spelled out
    i = 0
    while i < len(pieces):
        if _SUFFIX.match(pieces[i]) and out and isinstance(out[-1], Person):
            p = out[-1]  # "Smith, J., Jr.", "Gause III": the name before takes it
            out[-1] = Person(p.family, p.given, p.particle, pieces[i])
            i += 1
            continue
        words = pieces[i].split()
        n = len(words)
        ini = [_is_ini_word(w, n) for w in words]
        nxt = pieces[i + 1].split() if i + 1 < len(pieces) else []
        nxt_ini = bool(nxt) and all(_is_ini_word(w, len(nxt) + 1) for w in nxt)
        if not any(ini) and n <= 3 and all(_CAPWORD.match(w) or w.lower() in NAME_PARTICLES
                                           for w in words):  # fmt: skip
            caps_first = (
                n >= 2 and words[0].isupper() and len(words[0]) > 2 and not words[1].isupper()
            )
            if (
                nxt
                and seps[i] == ","
                and not _SUFFIX.match(pieces[i + 1])
                and not caps_first  # "ARBEID Barbara, BRUNI Stefano": a name already whole
                and (
                    nxt_ini
                    # "COSTA, Roberta Dall Agnese da": a particle is no more given names
                    or (_named_words(nxt, i) and _given_piece(nxt, i))
                    # "Afanas’ev, Pjotr Savvič & Voronkin, Mixail Spiridonovič": a list written
                    # surname first goes on so; a lone surname, a comma, then given names
                    or (inverted and n == 1 and len(nxt) <= 3 and _given_piece(nxt, 0))
                )
            ):
                # "Smith, J. R." / "Waltz, Kenneth N." / "ÖZDEMİR, Nebi"
                out.append(_family_first(pieces[i], pieces[i + 1]))
                inverted = inverted or (i == 0 and not nxt_ini)
                i += 2
                continue
            if n == 1:
                out.append(Person(family=words[0].rstrip(".")))
            elif caps_first:
                out.append(_family_first(words[0], " ".join(words[1:])))  # "ÖZDEMİR Nebi"
            else:
                out.append(_surname_first(words) or _given_first(words))  # "Jane Doe"
            i += 1
            continue
        if any(ini) and not all(ini):
            first_long = ini.index(False)
            if ini.count(False) == 1 and 0 < first_long < n - 1:
                # "R.S. Kayne R.S.": the initials written on both sides (a list's typo)
                given = " ".join(words[:first_long])
                out.append(Person(family=words[first_long].rstrip(".,"), given=given))
                i += 1
                continue
            if first_long == 0 and n >= 3 and _is_trailing_particle(words[-1]) and all(ini[1:-1]):
                # "Соссюр Ф. де": the particle after the initials belongs to the family name
                # (after a comma, "Bertalanffy, Ludwig von", it stays with the given names)
                particle = words[-1].rstrip(".,")
                out.append(Person(family=words[0], given=" ".join(words[1:-1]), particle=particle))
                i += 1
                continue
            if first_long == 0 and not (n > 2 and not ini[-1] and any(ini[1:-1])):
                # "Иванов И.И.", "Smith AB", "van der Berg K."
                k = 1
                while k < n and not ini[k]:
                    k += 1
                given = " ".join(words[k:])
                if (
                    len(given) >= 3
                    and given.endswith(".")
                    and given[:-1].isupper()
                    and "." not in given[:-1]
                ):
                    given = given[:-1]  # Vancouver "Peters OA.": the period ends the list
                out.append(_family_first(" ".join(words[:k]), given))
            else:
                out.append(_given_first(words))  # "И. И. Иванов", "J. R. R. Tolkien"
            i += 1
            continue
        if all(ini):
            # stray initials (a name split at its comma, or "A. A. A." runs): give them to a
            # family name written without any
            if out and isinstance(out[-1], Person) and not out[-1].given:
                p = out[-1]
                out[-1] = Person(p.family, pieces[i], p.particle, p.suffix)
            i += 1
            continue
        out.append(_org(pieces[i]))
        i += 1
    return out, et_al


def _suffixes_apart(pieces: list[str], seps: list[str]) -> tuple[list[str], list[str]]:
    """``F. Gregory Gause III``, ``Da Silva E.F. Jr``: the suffix as a piece of its own, which
    joins the name before it, as after a comma (``Smith, J., Jr.``). A lone ``V`` stays: in
    ``Ivanov P V`` it is an initial."""
    out_p: list[str] = []
    out_s: list[str] = []
    for piece, sep in zip(pieces, seps, strict=True):
        words = piece.split()
        if len(words) >= 3 and words[-1] != "V" and _SUFFIX.match(words[-1]):
            out_p += [" ".join(words[:-1]), words[-1]]
            out_s += [",", sep]
        else:
            out_p.append(piece)
            out_s.append(sep)
    return out_p, out_s


def _short_surname_end(piece: str) -> bool:
    """``Zhoujun Li.``: a full given name, then a two-letter surname the list's period ends."""
    words = piece.split()
    last = words[-1]
    return (
        len(words) >= 2
        and len(words[0]) > 2
        and words[0].isalpha()
        and len(last) == 3
        and last[0].isupper()
        and last[1].islower()
        and last[2] == "."
    )


def _name_pieces(s: str) -> tuple[list[str], list[str]]:
    """The names of a span between its separators, and the separator after each (``seps[i]``
    comes before ``pieces[i+1]``); a suffix of three or more words stands apart."""
    parts = _NAME_SPLIT.split(s)
    pieces: list[str] = []
    seps: list[str] = []
    for k in range(0, len(parts), 2):
        piece = parts[k].strip()
        if piece.strip(" ."):
            pieces.append(piece)
            seps.append(parts[k + 1] if k + 1 < len(parts) else "")
        elif seps and k + 1 < len(parts) and parts[k + 1] != ",":
            seps[-1] = parts[k + 1]  # ", and" / ", &": the word decides
    return _suffixes_apart(pieces, seps)


def _as_given_first(pieces: list[str]) -> list[str] | None:
    """The pieces, when every one is a name written given name first, else None; the last
    name's ``Li.`` loses the list's period (``…, Ming Zhou, and Zhoujun Li.``), not an
    initial's (``Yu.``)."""
    if pieces and _short_surname_end(pieces[-1]) and _all_given_first(pieces[:-1]):
        pieces = [*pieces[:-1], pieces[-1][:-1]]
    return pieces if _all_given_first(pieces) else None


def _given_first_list(block: str) -> bool:
    """Whether ``block`` is a list of names each written given name first (:func:`read_names`
    reads it so, by the same pieces and test)."""
    return _as_given_first(_name_pieces(block.strip().rstrip(".,;: "))[0]) is not None


def _all_given_first(pieces: list[str]) -> bool:
    """Three or more names, each two to four capitalised words (particles and middle initials
    allowed inside: ``Joseph A. Paradiso``) ending with a surname, the first of more than one
    word: a list of given-first names, not ``Family, Given`` pairs (``Waltz, Kenneth, …``
    starts with one word; ``Smith, John A., …`` has a piece ending with an initial)."""
    if len(pieces) < 3 or len(pieces[0].split()) < 2:
        return False
    for p in pieces:
        words = p.split()
        if has_org_stem(p):
            return False
        full = [w for w in words if not _is_ini_word(w, len(words))]
        if len(full) == 1 and p is not pieces[0] and len(words) > 1 and full[0] is words[-1]:
            continue  # "X. Qi" after "Yelin He": initials, then the surname
        if not 2 <= len(full) <= 4 or len(words) > 5 or full[-1] is not words[-1]:
            return False  # two full words at least; an initial never ends a given-first name
        if not (words[0][:1].isupper() and (words[-1][:1].isupper() or _PREFIXED.match(words[-1]))):
            return False
        if len(words[0]) > 2 and words[0].isupper() and not words[-1].isupper():
            return False  # "ARBEID Barbara": the surname in capitals comes first
        for w in full:
            if not (_CAPWORD.match(w) or w.lower() in NAME_PARTICLES):
                return False
    return True


# a surname with its particle glued on: "d’Ambrosio", "d'Alembert"
_PREFIXED = re.compile(r"^(?:d|l|dell)['’][^\W\d_]")


def _named_words(words: list[str], i: int) -> bool:
    """Few enough words for given names: three besides particles, or the first author's four
    capitalised ones ("ELIAS, Ana Paula de Andrade Janz", ABNT)."""
    named = [w for w in words if w not in NAME_PARTICLES]
    return len(named) <= 3 or (i == 0 and len(named) == 4 and all(w[0].isupper() for w in named))


def _given_piece(words: list[str], i: int) -> bool:
    """Whether the piece after a lone family name is its given name (``Smith, John, and ...``):
    capitalised words, and either the last piece or followed by a family-name piece or a
    given-first name."""
    if not all(
        _CAPWORD.match(w) or _is_ini_word(w, len(words) + 1) or (k and w in NAME_PARTICLES)
        for k, w in enumerate(words)
    ):
        return False  # "Roberta Dall Agnese da", "Evren Ney da Silva": a particle among them
    n = len(words)
    if (
        i > 0
        and n >= 3
        and not _is_ini_word(words[0], n)
        and not _is_ini_word(words[-1], n)
        and any(_is_ini_word(w, n) for w in words[1:-1])
    ):
        # "Munger, Kevin, Rich Bonneau, John T Jost": after the first author's given names, an
        # initial between two names is a whole name written given-first
        return False
    if len(words) > 1 and not any(_is_ini_word(w, len(words)) for w in words):
        # "Kenneth Neal" could be the given names, or a second author written given-first:
        # given names only when this is the second piece (inverted first author, MLA/Chicago)
        return i == 0
    return True
