"""The normalise stage: scripts, languages, Turkish/Azerbaijani folding, romanisation, look-alikes.

Matching "Yüzbaşıoğlu" with "Yuzbasioglu", "Макиенко" with "Makienko" and sorting a list that
mixes Turkish, Azerbaijani and Russian names all need the same small set of string functions, so
they live here, pure and fast, and every other stage calls them. The original text is never
changed: keys and romanised forms go into :class:`refcheck.model.Normalised`.

Public API (names are stable; other stages import them):

``nfc``, ``tr_lower``, ``tr_upper``, ``tr_title``, ``fold_key``, ``romanise``, ``SCHEMES``,
``name_key``, ``name_keys``, ``detect_script``, ``dominant_script``, ``script_of_words``,
``detect_language``, ``LANGUAGE_DETECTORS``, ``check_language_detector``, ``find_lookalikes``,
``fix_lookalikes``, ``collation_key``, ``romanisation_style``, ``scheme_style``,
``normalise_reference``, ``normalise_references``.

The stage itself (:func:`normalise_references`) is here; the string functions live in one module
per concern: ``folding`` (case rules, matching keys), ``scripts``, ``romanisation`` (schemes,
their detection in a text, name keys), ``languages``, ``lookalikes``, ``collation``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import fields, replace

from refcheck.model import (
    Agent,
    Lookalike,
    Normalised,
    Organization,
    Person,
    Reference,
    Script,
)
from refcheck.normalise.collation import _SEP, collation_key
from refcheck.normalise.folding import fold_key, nfc, tr_lower, tr_title, tr_upper
from refcheck.normalise.languages import (
    LANGUAGE_DETECTORS,
    LanguageDetectorError,
    check_language_detector,
    detect_language,
)
from refcheck.normalise.lookalikes import find_lookalikes, fix_lookalikes
from refcheck.normalise.romanisation import (
    SCHEMES,
    STYLE_LETTERS,
    canonical_scheme,
    name_key,
    name_keys,
    romanisation_style,
    romanise,
    scheme_style,
)
from refcheck.normalise.scripts import (
    _drop_urls,
    detect_script,
    dominant_script,
    has_cyrillic,
    script_of_words,
)

__all__ = [
    "LANGUAGE_DETECTORS",
    "SCHEMES",
    "STYLE_LETTERS",
    "LanguageDetectorError",
    "canonical_scheme",
    "check_language_detector",
    "collation_key",
    "detect_language",
    "detect_script",
    "dominant_script",
    "find_lookalikes",
    "fix_lookalikes",
    "fold_key",
    "name_key",
    "name_keys",
    "nfc",
    "normalise_reference",
    "normalise_references",
    "romanisation_style",
    "romanise",
    "scheme_style",
    "script_of_words",
    "tr_lower",
    "tr_title",
    "tr_upper",
]

# --------------------------------------------------------------------------------------------
# References
# --------------------------------------------------------------------------------------------

_ARTICLES = ("the ", "a ", "an ")


def _agent_family(a: Agent) -> str:
    if isinstance(a, Person):
        return f"{a.particle} {a.family}".strip()
    return a.name


def _initials(given: str) -> str:
    parts = re.split(r"[\s.]+", given.strip())
    out: list[str] = []
    for p in parts:
        if not p:
            continue
        sub = [q for q in p.split("-") if q]
        out.append("-".join(f"{q[0]}." for q in sub))
    return " ".join(out)


def _romanised_agent(a: Agent, scheme: str) -> str:
    if isinstance(a, Organization):
        return romanise(a.name, scheme)
    fam = romanise(f"{a.particle} {a.family}".strip(), scheme)
    given = romanise(_initials(a.given) if a.given else "", scheme)
    out = f"{fam}, {given}" if given else fam
    return f"{out}, {a.suffix}" if a.suffix else out


def _apa_author_list(names: Sequence[str]) -> str:
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _sort_key(ref: Reference) -> str:
    parts: list[str] = []
    for a in ref.authors:
        if isinstance(a, Person):
            parts.append(collation_key(_agent_family(a)) + _SEP + collation_key(a.given))
        else:
            name = a.name
            if name.lower().startswith(_ARTICLES):
                name = name.split(" ", 1)[1]
            parts.append(collation_key(name))
    title = ref.title
    if title.lower().startswith(_ARTICLES):
        title = title.split(" ", 1)[1]
    head = ("\x02".join(parts)) if parts else collation_key(title)
    if ref.no_date or ref.year is None:
        year = "0000"
    elif ref.in_press:
        year = "9999"
    else:
        year = f"{ref.year:04d}"
    return f"{head}\x03{year}{ref.year_suffix}\x03{collation_key(title)}"


def _field_of(word: str, ref: Reference) -> str:
    fields = (
        ("author", " ".join(_agent_family(a) for a in ref.authors)),
        ("title", ref.title),
        ("container_title", ref.container_title),
        ("publisher", ref.publisher),
        ("url", ref.url),
    )
    for name, value in fields:
        if value and word in value:
            return name
    return ""


def _lookalikes_for(ref: Reference, text: str | None) -> tuple[Lookalike, ...]:
    if text is not None and ref.span.end <= len(text):
        region = text[ref.span.start : ref.span.end]
    else:
        region = ref.raw
    found = find_lookalikes(region, ref.span.start)
    return tuple(replace(lk, field=_field_of(lk.text, ref)) for lk in found)


def _language_text(ref: Reference) -> str:
    if ref.title:
        return ref.title
    return _drop_urls(ref.raw)


def _apply_fixes(s: str, fixes: dict[str, str]) -> str:
    """Replace whole look-alike words ("TACC" → "ТАСС") so romanisation reads them right."""
    if not fixes or not s:
        return s
    # only the words to fix are visited: a pattern of them, bounded like _TOKEN_RE's words
    words = "|".join(sorted(map(re.escape, fixes), key=len, reverse=True))
    return re.sub(rf"(?<![^\W_])(?:{words})(?![^\W_])", lambda m: fixes[m.group(0)], s)


def normalise_reference(
    ref: Reference,
    scheme: str = "ala-lc",
    text: str | None = None,
    language_detector: str = "builtin",
) -> Reference:
    """One reference with ``norm``, ``language`` and ``script`` filled (see the module doc)."""
    key = canonical_scheme(scheme)
    detector = language_detector
    if detector not in LANGUAGE_DETECTORS:
        detector = check_language_detector(detector)
    lang, evidence = detect_language(_language_text(ref), detector)
    field_values = (
        ("author", "; ".join(a.display for a in ref.authors)),
        ("title", ref.title),
        ("container_title", ref.container_title),
        ("publisher", ref.publisher),
    )
    field_scripts = tuple((name, detect_script(v)) for name, v in field_values if v)
    has_cyr = has_cyrillic(ref.raw)
    authors_rom = title_rom = container_rom = entry_rom = ""
    lookalikes = _lookalikes_for(ref, text)
    if has_cyr:
        fixes = {lk.text: lk.intended for lk in lookalikes}
        authors_rom = _apa_author_list([_romanised_agent(a, key) for a in ref.authors])
        title_rom = romanise(_apply_fixes(ref.title, fixes), key)
        container_rom = romanise(_apply_fixes(ref.container_title, fixes), key)
        entry_rom = romanise(_apply_fixes(ref.raw, fixes), key)
    content = " ".join(v for _, v in field_values if v) or ref.raw
    norm = Normalised(
        author_keys=tuple(name_key(_agent_family(a)) for a in ref.authors),
        title_key=fold_key(ref.title),
        sort_key=_sort_key(ref),
        title_language=lang,
        language_evidence=evidence,
        field_scripts=field_scripts,
        scheme=key,
        romanised_authors=authors_rom,
        romanised_title=title_rom,
        romanised_container=container_rom,
        lookalikes=lookalikes,
        romanised_entry=entry_rom,
        language_detector=detector,
    )
    return _with_norm(ref, norm, lang, dominant_script(content))


_REF_FIELDS = tuple(
    f.name for f in fields(Reference) if f.name not in ("norm", "language", "script")
)


def _with_norm(ref: Reference, norm: Normalised, language: str, script: Script) -> Reference:
    """``dataclasses.replace(ref, norm=…, language=…, script=…)`` at a fifth of the cost.

    ``replace`` rebuilds the keyword arguments and runs the frozen ``__init__`` field by field;
    this stage copies every reference of a list, so the copy is done slot by slot instead. The
    fields of a parsed ``Reference`` are already valid, so nothing is skipped by not re-running
    ``__init__`` (``Reference`` has no ``__post_init__``; a test keeps the two equal).
    """
    new = object.__new__(Reference)
    setattr_ = object.__setattr__
    for name in _REF_FIELDS:
        setattr_(new, name, getattr(ref, name))
    setattr_(new, "norm", norm)
    setattr_(new, "language", language)
    setattr_(new, "script", script)
    return new


def normalise_references(
    refs: Iterable[Reference],
    scheme: str = "ala-lc",
    text: str | None = None,
    language_detector: str = "builtin",
) -> tuple[Reference, ...]:
    """Copies of ``refs`` with ``norm`` filled; ``text`` (Document.text) gives exact spans.

    Without ``text`` look-alike spans are computed inside ``ref.raw`` and are exact only for
    entries without wrapped lines. ``language_detector`` is one of ``LANGUAGE_DETECTORS``.
    """
    canonical_scheme(scheme)
    detector = check_language_detector(language_detector)
    return tuple(normalise_reference(r, scheme, text, detector) for r in refs)
