"""Features of a token for the sequence labeller (documented in docs/parser.md, "The labeller").

The features are AnyStyle's kinds (the word, its shape, affixes, punctuation, dictionary words,
position) plus what the four languages need: keywords of Turkish, Azerbaijani and Russian
reference lists (``Cilt``, ``Sayı``, ``ss.``, ``səh.``, ``Т.``, ``вып.``, ``№``, ``С.``, ``под
ред.``), GOST's ``//`` and ``–`` separators, the script of the word, and a few facts carried
from the left (inside brackets or quotes, after ``//``, after a year, the sentence number), which
a linear-chain CRF cannot see by itself. Every feature is a short string, so the model file holds
its weights by name and a feature never seen in training costs nothing.
"""

from __future__ import annotations

import re

__all__ = ["FEATURE_VERSION", "sequence_features", "token_core"]

FEATURE_VERSION = 2  # stored in the model file's name check; bump when features change

_LEAD = "([{\"'“‘«„*<"
_TRAIL = ".,;:)]}\"'”’»*!?>"

_YEAR = re.compile(r"(?:1[5-9]\d\d|20[0-4]\d)[a-zа-я]?$")
_RANGE = re.compile(r"\d+\s*[-–—]\s*\d+$")
_ROMAN = re.compile(r"(?=[ivxlcdm]+$)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")
_INITIALS = re.compile(r"(?:[^\W\d_]{1,2}\.(?:-?[^\W\d_]{1,2}\.)*|[^\W\d_]\.?-[^\W\d_]\.?)$")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|\.|-?[а-яə]{1,3}|-ci|-cü|-cı|-cu)$")
_URLISH = re.compile(r"^(?:https?:|www\.|ftp:)|://", re.IGNORECASE)
_DOIISH = re.compile(r"^(?:doi:?|\(?10\.\d{4,9}/)|doi\.org", re.IGNORECASE)

# keyword -> category; words compared after ``token_core`` lower-casing (final period kept off)
_KEYWORDS: dict[str, str] = {}


def _add(cat: str, words: str) -> None:
    for w in words.split():
        _KEYWORDS[w] = cat


_add(
    "month",
    "january jan february feb march mar april apr may june jun july jul august aug september "
    "sept sep october oct november nov december dec ocak şubat mart nisan mayıs haziran temmuz "
    "ağustos eylül ekim kasım aralık yanvar fevral aprel iyun iyul avqust sentyabr oktyabr noyabr "
    "dekabr январь января февраль февраля март марта апрель апреля май мая июнь июня июль июля "
    "август августа сентябрь сентября октябрь октября ноябрь ноября декабрь декабря янв февр "
    "апр авг сент окт нояб дек spring summer autumn fall winter",
)
_add("vol", "vol vols volume volumes cilt c т том tom cild band bd jg jahrgang tome t kn кн")
_add("iss", "no nos number issue iss sayı s № nr num вып выпуск n° no° h heft fasc")
_add("pp", "p pp page pages s ss sf с стр səh səhifə c pag")
_add("ed", "ed eds editor editors edited edit red редактор под ред der hzg hrsg herausgegeben")
_add("edn", "edn edition baskı bs изд издание nəşr nəşri aufl auflage éd")
_add("trans", "trans transl translated translator çev çeviren пер перевод tərc tərcümə")
_add("in", "in içinde in: в: в //")
_add("and", "and & ve və и und et y та")
_add("etal", "al al. др vd ark b d")
_add(
    "pub",
    "press publisher publishers publishing publications books verlag yayınları yayınevi yayın "
    "yayıncılık kitabevi nəşriyyatı nəşriyyat nəşriyyatı издательство изд-во издательский "
    "наука университета university universitesi üniversitesi universiteti университет "
    "academic akademik academy elm maarif",
)
_add(
    "place",
    "london york new oxford cambridge paris berlin chicago boston washington princeton "
    "amsterdam leiden moscow moskva москва м спб санкт-петербург ленинград л киев баку bakı "
    "baku ankara istanbul i̇stanbul izmir i̇zmir konya tashkent ташкент almaty алматы тбилиси "
    "tbilisi erzurum bursa eskişehir thousand oaks abingdon cham hoboken berkeley minsk минск "
    "новосибирск екатеринбург казань",
)
_add(
    "genre",
    "thesis dissertation phd doctoral master's masters tez tezi doktora yüksek lisans "
    "диссертация дис дисс автореф канд докт dissertasiya avtoreferat report rapor hesabat "
    "доклад отчет отчёт монография monoqrafiya учеб пособие dərslik ders kitabı manuscript "
    "unpublished yayımlanmamış yayınlanmamış preprint",
)
_add(
    "retr",
    "retrieved accessed available erişim adresi tarihi müraciət режим доступа дата обращения "
    "url online электронный ресурс internet интернет цитируется viewed cited",
)
_add(
    "conf",
    "proceedings conference symposium congress workshop meeting kongre kongresi sempozyum "
    "sempozyumu bildiriler konfrans конференция конференции симпозиум материалы сборник "
    "тезисы proc",
)
_add(
    "jrnl",
    "journal review dergisi dergi bulletin transactions annals quarterly letters magazine "
    "вестник журнал известия записки jurnal jurnalı xəbərləri əsərləri bülten bülteni "
    "studies research science sciences",
)
_add("doi", "doi")
_add("isbn", "isbn issn")


def token_core(tok: str) -> str:
    """The token without leading/trailing punctuation, lower-cased (Turkish İ folded to i)."""
    core = tok.strip(_LEAD).rstrip(_TRAIL).strip(_LEAD)
    return core.lower().replace("\u0307", "")


def _shape(tok: str) -> str:
    out: list[str] = []
    last = ""
    for ch in tok[:12]:
        if ch.isdigit():
            c = "9"
        elif ch.isalpha():
            c = "A" if ch.isupper() else "a"
        else:
            c = ch
        if c != last or c not in "9Aa":
            out.append(c)
        last = c
    return "".join(out)


def _script(core: str) -> str:
    lat = cyr = False
    for ch in core:
        if ch.isalpha():
            if "\u0400" <= ch <= "\u052f":
                cyr = True
            else:
                lat = True
    if lat and cyr:
        return "M"
    return "C" if cyr else ("L" if lat else "N")


class _Tok:
    """What a token contributes to its own features and to its neighbours', and how it moves
    the left context, built once per distinct token string (tokens repeat across a list: the
    cache makes extraction ~3x faster)."""

    __slots__ = (
        "brackets",
        "init",
        "kw",
        "m1",
        "m2",
        "own",
        "p1",
        "p2",
        "quote",
        "sentence",
        "shape",
        "shape_next",
        "shape_prev",
        "slashes",
        "stars",
        "year",
    )

    def __init__(self, tok: str) -> None:
        word, shape, kw, own = _base(tok)
        self.shape = shape
        self.kw = kw
        self.own = ("b", "w=" + word, "sh=" + shape, *own)
        self.init = "init" in own
        self.year = "year" in own
        self.m1 = ["w-1=" + word, "sh-1=" + shape, "last-1=" + tok[-1]]
        if kw:
            self.m1.append("kw-1=" + kw)
        if self.init:
            self.m1.append("init-1")
        self.p1 = ["w+1=" + word, "sh+1=" + shape]
        if kw:
            self.p1.append("kw+1=" + kw)
        if self.init:
            self.p1.append("init+1")
        self.m2 = "w-2=" + word
        self.p2 = "w+2=" + word
        self.shape_prev = "sh-1|sh=" + shape + "|"  # this token's shape pair with the next
        self.shape_next = "sh|sh+1=" + shape + "|"
        # the left context this token hands on
        self.brackets = "".join(ch for ch in tok if ch in "()[]")
        if tok[0] in '"“«„' and not (tok[-1] in '"”»' and len(tok) > 1):
            self.quote = 1  # opens a quotation
        elif tok.rstrip(".,;:")[-1:] in ('"', "”", "»"):
            self.quote = -1  # closes it
        else:
            self.quote = 0
        self.stars = tok.count("*") % 2 == 1  # toggles Markdown italics
        self.slashes = tok.startswith("//")
        self.sentence = (
            tok[-1] == "." and not self.init and kw not in ("vol", "iss", "pp", "ed", "edn")
        )


_CACHE: dict[str, _Tok] = {}
_CACHE_MAX = 200_000


def _tok(tok: str) -> _Tok:
    t = _CACHE.get(tok)
    if t is None:
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        t = _CACHE[tok] = _Tok(tok)
    return t


def _base(tok: str) -> tuple[str, str, str, list[str]]:
    """(word, shape, keyword category, own features) of one token."""
    core = token_core(tok)
    shape = _shape(tok)
    f: list[str] = []
    kw = _KEYWORDS.get(core, "")
    if not kw and tok in ("//", "–", "—", "-"):
        kw = "sep"
    if _URLISH.search(tok):
        kw = kw or "url"
        word = "<url>"
    elif _DOIISH.search(tok):
        kw = kw or "doi"
        word = "<doi>"
    elif any(ch.isdigit() for ch in core):
        word = "#" + _shape(core)
        if _YEAR.match(core):
            f.append("year")
            if tok.startswith("("):
                f.append("yearp")
        elif _RANGE.match(core):
            f.append("range")
        elif _ORDINAL.match(core):
            f.append("ord")
        if core.isdigit():
            f.append(f"nd={min(len(core), 5)}")
    else:
        word = core
        n = len(core)
        if n >= 3:
            f.append("p2=" + core[:2])
            f.append("p3=" + core[:3])
            f.append("s2=" + core[-2:])
            f.append("s3=" + core[-3:])
            if n >= 5:
                f.append("s4=" + core[-4:])
        if _ROMAN.match(core) and n <= 5:
            f.append("roman")
        stripped = tok.strip(_LEAD).rstrip(",;:)]")
        if _INITIALS.match(stripped):
            f.append("init")
        elif 2 <= n <= 3 and core.isalpha() and stripped.rstrip(".").isupper():
            f.append("caps23")  # Vancouver initials "AB", "ЕМ"
    f.append("len=" + (str(len(core)) if len(core) < 4 else ("4-6" if len(core) < 7 else "7+")))
    first = tok[0]
    if first.isalpha():
        f.append("cap=" + ("A" if first.isupper() else "a"))
    elif first.isdigit():
        f.append("cap=9")
    else:
        f.append("lead=" + first)
        if len(tok) > 1 and tok[1].isalpha():
            f.append("cap2=" + ("A" if tok[1].isupper() else "a"))
    last = tok[-1]
    f.append("last=" + (last if not last.isalnum() else ("9" if last.isdigit() else "a")))
    if core and core.isupper() and len(core) > 3:
        f.append("allcaps")
    f.append("scr=" + _script(core))
    if kw:
        f.append("kw=" + kw)
    if "*" in tok:  # Markdown italics from the manuscript: titles and containers
        if tok[0] == "*" or tok[:2] in ("“*", '"*', "(*"):
            f.append("it<")
        if "*" in tok[-3:] and len(tok) > 1:
            f.append("it>")
    return word, shape, kw, f


# the position and left-context features' strings, built once (an f-string per token costs
# more than the lookup)
_SENT = tuple(f"sent={k}" for k in range(6))
_FLAGS = ("inparen", "inquote", "initalic", "afterss", "afteryear")
_CONTEXT = tuple(
    tuple(
        (*(flag for bit, flag in enumerate(_FLAGS) if mask >> bit & 1), _SENT[sent])
        for sent in range(6)
    )
    for mask in range(32)
)
_POSITIONS: dict[int, tuple[tuple[str, str, str], ...]] = {}


def _positions(n: int) -> tuple[tuple[str, str, str], ...]:
    """``pos=`` (tenth of the entry), ``i=`` and ``r=`` (tokens before and after, up to 6)."""
    got = _POSITIONS.get(n)
    if got is None:
        got = _POSITIONS[n] = tuple(
            (f"pos={i * 10 // n}", f"i={min(i, 6)}", f"r={min(n - 1 - i, 6)}") for i in range(n)
        )
    return got


# Role phrases of Spanish, Portuguese, French, Italian and German lists, read as the English
# phrase the model learnt from thousands of examples ("Editado por X." is "Edited by X."): an
# unknown word in the middle of an entry throws the whole path off (the author ran into the
# title). The phrase's words -> the English tokens, the first one's capital kept.
_ROLE_PHRASES: dict[tuple[str, ...], tuple[str, ...]] = {
    tuple(phrase.split()): tuple(english.split("|"))
    for phrase, english in [
        *(
            (f"{w} por", "edited|by")
            for w in ("editado", "editada", "editados", "compilado", "coordinado", "organizado")
        ),
        ("coordenado por", "edited|by"),
        *((f"{w} por", "translated|by") for w in ("traducido", "traducida", "traduzido")),
        ("édité par", "edited|by"),
        ("edité par", "edited|by"),
        ("traduit par", "translated|by"),
        ("herausgegeben von", "edited|by"),
        ("hrsg. von", "ed.|by"),
        ("hrsg. v.", "ed.|by"),
        ("übersetzt von", "translated|by"),
        ("tradotto da", "translated|by"),
        ("tradotta da", "translated|by"),
        ("a cura di", "|edited|by"),  # "a" stays itself
    ]
}


# the phrases' first words: a token that is none of them opens no phrase (one set lookup)
_ROLE_FIRST_WORDS = frozenset(phrase[0] for phrase in _ROLE_PHRASES)


def _english_roles(tokens: list[str]) -> list[str]:
    """``tokens`` with foreign role phrases as their English words (same length)."""
    out = tokens
    for i, t in enumerate(tokens):
        if t.lower() not in _ROLE_FIRST_WORDS:
            continue
        for n in (2, 3):
            key = tuple(w.lower() for w in tokens[i : i + n])
            english = _ROLE_PHRASES.get(key)
            if english is None:
                continue
            if out is tokens:
                out = list(tokens)
            for k, word in enumerate(english):
                src = tokens[i + k]
                w = word or src
                out[i + k] = (w[:1].upper() + w[1:]) if src[:1].isupper() else w
            break
    return out


def sequence_features(tokens: list[str]) -> list[list[str]]:
    """One feature list per token: its own, its neighbours' and what the left context carries."""
    base = [_tok(t) for t in _english_roles(tokens)]
    n = len(tokens)
    positions = _positions(n)
    out: list[list[str]] = []
    depth = 0
    in_quote = in_italic = after_slashes = after_year = False
    sentence = 0
    last = n - 1
    for i, b in enumerate(base):
        mask = (depth > 0) | in_quote << 1 | in_italic << 2 | after_slashes << 3 | after_year << 4
        f = [*b.own, *positions[i], *_CONTEXT[mask][sentence]]
        if i:
            prev = base[i - 1]
            f.extend(prev.m1)
            f.append(prev.shape_prev + b.shape)
            if i > 1:
                f.append(base[i - 2].m2)
        else:
            f.append("BOS")
        if i < last:
            nxt = base[i + 1]
            f.extend(nxt.p1)
            f.append(b.shape_next + nxt.shape)
            if i + 1 < last:
                f.append(base[i + 2].p2)
        else:
            f.append("EOS")
        out.append(f)
        # carry the left context to the next token
        if b.brackets:
            for ch in b.brackets:
                if ch in "([":
                    depth += 1
                elif depth:
                    depth -= 1
        if b.quote:
            in_quote = b.quote > 0
        if b.stars:
            in_italic = not in_italic
        if b.slashes:
            after_slashes = True
        if b.year:
            after_year = True
        if b.sentence and sentence < 5:
            sentence += 1
    return out
