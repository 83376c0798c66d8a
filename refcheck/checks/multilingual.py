"""N5xx: multilingual checks: romanisation, title translations, look-alike letters.

A reader of an English article cannot search for "Макиенко" or "TACC" (Latin letters imitating
Cyrillic ТАСС); APA 7 asks for romanised non-Latin entries and citations and an English
translation of non-English titles. The facts come from ``refcheck.normalise``; these checks only
decide what to report.

N504 compares the romanised Russian *titles* of a list (titles the normalise stage finds to be
Russian in Latin letters), not names: a Latin name alone does not say it is romanised Russian,
and in lists full of Turkish and Azerbaijani names ("Hasanoğlu", "Rehimov") the letters h/kh/x
carry no such signal.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from refcheck.apa.correct import TRANSLATION_PLACEHOLDER, is_placeholder
from refcheck.findings import Finding, Rule, Severity, register
from refcheck.model import Normalised, Reference, Script, Span
from refcheck.normalise import (
    SCHEMES,
    STYLE_LETTERS,
    canonical_scheme,
    normalise_reference,
    romanisation_style,
    romanise,
    scheme_style,
)
from refcheck.normalise.scripts import has_cyrillic
from refcheck.rules import Context, check

_SOURCE_RL11 = (
    "APA-RL-11; https://apastyle.apa.org/blog/transliterated-titles-references ; "
    "https://library.unimelb.edu.au/recite/apa7/non-english-sources"
)

register(
    Rule(
        code="N501",
        name="non-latin-not-transliterated",
        severity=Severity.WARNING,
        stage="normalise",
        summary=(
            "In a manuscript written in Latin letters, an entry written in Cyrillic (or another "
            "non-Latin script) must be romanised with a named standard (ALA-LC by default), or "
            "readers cannot find or sort it; a Russian manuscript lists Cyrillic works as they are."
        ),
        bad="Макиенко, К. (2020, November 10). Как Россия проиграла во второй карабахской войне. "
        "*Ведомости*. https://www.vedomosti.ru/opinion/articles/2020/11/10/846462-rossiya-proigrala",
        good="Makienko, K. (2020, November 10). Kak Rossii͡a proigrala vo vtoroĭ karabakhskoĭ "
        "voĭne [How Russia lost the second Karabakh war]. *Vedomosti*. "
        "https://www.vedomosti.ru/opinion/articles/2020/11/10/846462-rossiya-proigrala",
        source=_SOURCE_RL11,
    )
)
register(
    Rule(
        code="N502",
        name="missing-title-translation",
        severity=Severity.WARNING,
        stage="normalise",
        summary=(
            "A title in a language other than the manuscript's needs a translation into the "
            "manuscript's language in square brackets right after it, so readers know what the "
            "work is about (English titles in a Turkish, Azerbaijani or Russian manuscript are "
            "left as they are, as those journals do)."
        ),
        bad="Memmedov, A., & Hasanoğlu, M. (2023). Hazar Denizi'nden Akdeniz'e Zengezur "
        "Koridoru. *Uluslararası Yönetim Akademisi Dergisi*, 6(2), 334–344.",
        good="Memmedov, A., & Hasanoğlu, M. (2023). Hazar Denizi'nden Akdeniz'e Zengezur "
        "Koridoru [The Zangezur Corridor from the Caspian Sea to the Mediterranean]. "
        "*Uluslararası Yönetim Akademisi Dergisi*, 6(2), 334–344.",
        source=_SOURCE_RL11,
    )
)
register(
    Rule(
        code="N503",
        name="lookalike-characters",
        severity=Severity.ERROR,
        stage="normalise",
        summary=(
            "A word is spelt with letters of one script imitating another (Latin TACC for "
            "Cyrillic ТАСС, a Cyrillic а inside a Latin name); searches and matching fail on it."
        ),
        bad="TACC. (2020, September 28). Песков: Всем сторонам ... нужна максимальная "
        "сдержанность. TACC. https://tass.ru/politika/9568723",
        good="TASS. (2020, September 28). Peskov: Vsem storonam ... nuzhna maksimalʹnai͡a "
        "sderzhannostʹ [Peskov: All sides need maximum restraint]. TASS. "
        "https://tass.ru/politika/9568723",
        source="Unicode TR39 confusables; " + _SOURCE_RL11,
    )
)
register(
    Rule(
        code="N504",
        name="mixed-transliteration-schemes",
        severity=Severity.INFO,
        stage="normalise",
        summary=(
            "The romanised Russian titles of one list follow different schemes (я as ia, ya or "
            "ja; a final й as ĭ, i, y or j; х as kh or x; ь as ʹ, ' or `): pick one, as the "
            "transliteration setting does for refcheck's suggestions."
        ),
        bad="Kuznetsov, A. (2015). Vneshnyaya politika Rossii [Russia's foreign policy]. Nauka. "
        "… Orlov, V. (2001). Istoriia russkoi literatury [A history of Russian literature]. "
        "Nauka.",
        good="Kuznetsov, A. (2015). Vneshni͡ai͡a politika Rossii [Russia's foreign policy]. "
        "Nauka. … Orlov, V. (2001). Istorii͡a russkoĭ literatury [A history of Russian "
        "literature]. Nauka.",
        source=_SOURCE_RL11
        + "; ALA-LC Russian romanization table (https://www.loc.gov/catdir/cpso/roman.html)",
    )
)
register(
    Rule(
        code="N506",
        name="manuscript-language-unknown",
        severity=Severity.INFO,
        stage="normalise",
        summary=(
            "The body is in none of the languages refcheck's rules know (English, Turkish, "
            "Azerbaijani, Russian), so English rules apply; said once. Set language in the "
            "configuration to choose."
        ),
        bad="Die Arbeit von Weber (2019) zeigt, dass die Grenzen … [a German body]",
        good='language = "en" in refcheck.toml (or a body in en, tr, az or ru)',
        source="refcheck.language; configuration key language",
    )
)
register(
    Rule(
        code="N505",
        name="non-latin-citation",
        severity=Severity.WARNING,
        stage="cite",
        summary=(
            "An in-text citation names a non-Latin author in a manuscript written in Latin "
            "letters; APA cites the romanised surname, the same form as in the reference list."
        ),
        bad="(Макиенко, 2020)",
        good="(Makienko, 2020)",
        source="APA-IT-10; https://library.unimelb.edu.au/recite/apa7/non-english-sources",
    )
)


_LANGUAGE_NAMES = {
    "tr": "Turkish", "az": "Azerbaijani", "ru": "Russian", "uk": "Ukrainian", "kk": "Kazakh",
    "be": "Belarusian", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "ro": "Romanian",
}  # fmt: skip


def _scheme(ctx: Context) -> str:
    try:
        return canonical_scheme(ctx.options.transliteration)
    except ValueError:
        return "ala-lc"


def _norm(ref: Reference, ctx: Context, scheme: str) -> Normalised:
    """The normalised facts, computed here if the pipeline did not (or used another scheme or
    language detector)."""
    detector = ctx.options.language_detector
    norm = ref.norm
    if norm is not None and norm.scheme == scheme and norm.language_detector == detector:
        return norm
    done = normalise_reference(ref, scheme, ctx.document.text or None, detector)
    assert done.norm is not None
    return done.norm


def _cyrillic_manuscript(ctx: Context) -> bool:
    """A Russian manuscript writes Cyrillic names and titles as they are (GOST R 7.0.100)."""
    return ctx.options.language == "ru"


def _needs_translation(title_language: str, manuscript: str) -> bool:
    """A title is translated into the manuscript's language, except English ones in a Turkish,
    Azerbaijani or Russian manuscript: those journals print English titles as they are."""
    if not title_language or title_language == manuscript:
        return False
    return not (title_language == "en" and manuscript != "en")


@check("N501", "N502", "N503")
def check_entries(ctx: Context) -> Iterator[Finding]:
    """Romanisation, title translation and look-alikes, entry by entry."""
    scheme = _scheme(ctx)
    manuscript = ctx.options.language
    into = _LANGUAGE_NAMES.get(manuscript, "English")  # the language a translation goes into
    for ref in ctx.references:
        norm = _norm(ref, ctx, scheme)
        if has_cyrillic(ref.raw) and not _cyrillic_manuscript(ctx):
            fields = [
                name for name, sc in norm.field_scripts if sc in (Script.CYRILLIC, Script.MIXED)
            ]
            where = f" ({', '.join(fields)})" if fields else ""
            yield Finding.make(
                "N501",
                f"entry {ref.index} is written in Cyrillic{where}; APA asks for a romanised "
                f"entry ({scheme})",
                ctx.document,
                ref.span,
                reference=ref.index,
                suggestion=norm.romanised_entry or romanise(ref.raw, scheme),
            )
        lang = norm.title_language
        placeholder = is_placeholder(ref.title_translation) if ref.title_translation else False
        if ref.title and _needs_translation(lang, manuscript) and (
            not ref.title_translation or placeholder
        ):
            after = ref.raw.split(ref.title, 1)[-1].lstrip(" *_\"'”.")
            if placeholder or not after.startswith("["):
                name = _LANGUAGE_NAMES.get(lang, lang)
                shown = ref.title if _cyrillic_manuscript(ctx) else norm.romanised_title
                has = (f"still has the placeholder [{TRANSLATION_PLACEHOLDER}] where its {into} "
                       "translation goes") if placeholder else (
                    f"has no {into} translation in square brackets after it")
                yield Finding.make(
                    "N502",
                    f"entry {ref.index}: the title is in {name} ({norm.language_evidence}) and "
                    f"{has}",
                    ctx.document,
                    ref.span,
                    reference=ref.index,
                    suggestion=f"{shown or ref.title} [{into} translation of the title]",
                )
        for lk in norm.lookalikes:
            if lk.intended_script is Script.CYRILLIC:
                fix = romanise(lk.intended, scheme)
                msg = (
                    f'"{lk.text}" is written in Latin letters imitating the Cyrillic '
                    f'"{lk.intended}" (romanised {fix})'
                )
            else:
                fix = lk.intended
                msg = f'"{lk.text}" mixes Cyrillic letters into the Latin word "{lk.intended}"'
            yield Finding.make(
                "N503",
                f"entry {ref.index}: {msg}",
                ctx.document,
                lk.span,
                reference=ref.index,
                suggestion=fix,
            )


def _scheme_names(style: dict[str, str]) -> list[str]:
    """The schemes whose letters agree with every form in ``style``."""
    return [
        name
        for name in SCHEMES
        if all(scheme_style(name).get(letter) == form for letter, form in style.items())
    ]


def _forms(style: dict[str, tuple[str, str]]) -> str:
    return "; ".join(f"{k} as {style[k][0]} ({style[k][1]})" for k in STYLE_LETTERS if k in style)


@check("N504")
def check_scheme_consistency(ctx: Context) -> Iterator[Finding]:
    """One romanisation scheme per list: the titles agree with each other, and then the Cyrillic
    entries' suggestions (N501, in the configured scheme) agree with them."""
    scheme = _scheme(ctx)
    styled: list[tuple[Reference, dict[str, tuple[str, str]]]] = []
    cyrillic: list[Reference] = []
    for ref in ctx.references:
        if has_cyrillic(ref.raw):
            cyrillic.append(ref)
            continue
        if ref.title and _norm(ref, ctx, scheme).title_language == "ru":
            style = romanisation_style(ref.title)
            if style:
                styled.append((ref, style))
    if not styled:
        return
    configured = scheme_style(scheme)
    usual: dict[str, tuple[str, str]] = {}  # letter -> (the list's form, a word showing it)
    for letter in STYLE_LETTERS:
        counts = Counter(style[letter][0] for _, style in styled if letter in style)
        if not counts:
            continue
        top = max(counts.values())
        tied = [form for form in counts if counts[form] == top]  # in order of first use
        form = configured[letter] if configured.get(letter) in tied else tied[0]
        word = next(s[letter][1] for _, s in styled if s.get(letter, ("",))[0] == form)
        usual[letter] = (form, word)
    mixed = False
    for ref, style in styled:
        odd = {k: v for k, v in style.items() if v[0] != usual[k][0]}
        if not odd:
            continue
        mixed = True
        theirs = {k: usual[k] for k in odd}
        names = _scheme_names({k: form for k, (form, _) in theirs.items()})
        yield Finding.make(
            "N504",
            f"entry {ref.index} romanises Russian with {_forms(odd)}, where the list's other "
            f"romanised titles have {_forms(theirs)}; use one scheme throughout",
            ctx.document,
            ref.span,
            reference=ref.index,
            suggestion=f"write {_forms(theirs)}" + (f" ({', '.join(names)})" if names else ""),
        )
    clash = {k: v for k, v in usual.items() if configured.get(k, v[0]) != v[0]}
    if cyrillic and clash and not mixed:
        names = _scheme_names({k: form for k, (form, _) in usual.items()})
        ref = cyrillic[0]
        fix = f'set transliteration = "{names[0]}"' if names else "romanise it by hand"
        ours = "; ".join(f"{k} as {configured[k]}" for k in STYLE_LETTERS if k in clash)
        yield Finding.make(
            "N504",
            f"entry {ref.index} is in Cyrillic and its suggested romanisation uses {scheme} "
            f"({ours}), but the list's romanised titles have {_forms(clash)}; {fix} so the "
            "two match",
            ctx.document,
            ref.span,
            reference=ref.index,
            suggestion=fix,
        )


@check("N505")
def check_citations(ctx: Context) -> Iterator[Finding]:
    """In-text citations must use the romanised name (APA-IT-10)."""
    if _cyrillic_manuscript(ctx):
        return  # a Russian manuscript cites Cyrillic names as they are
    scheme = _scheme(ctx)
    for cit in ctx.citations:
        bad = [a for a in cit.authors if has_cyrillic(a)]
        if not bad:
            continue
        fixed = ", ".join(romanise(a, scheme) for a in bad)
        yield Finding.make(
            "N505",
            f"citation names {', '.join(bad)} in Cyrillic; cite the romanised name ({fixed})",
            ctx.document,
            cit.span,
            citation=cit.text,
            suggestion=fixed,
        )


@check("N506")
def check_manuscript_language(ctx: Context) -> Iterator[Finding]:
    """Said once: the body's language is none refcheck knows, so English rules apply."""
    if ctx.options.language_source != "fallback":
        return
    body = ctx.document.body
    yield Finding.make(
        "N506",
        "the manuscript's language is none of English, Turkish, Azerbaijani or Russian as far "
        f"as refcheck can tell ({ctx.options.language_evidence}); English citation and "
        'translation rules apply. Set language = "en", "tr", "az" or "ru" in refcheck.toml '
        "to choose",
        ctx.document,
        Span(body.start, body.start),
        suggestion='language = "en"',
    )
