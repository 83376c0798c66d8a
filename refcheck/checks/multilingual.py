"""N5xx: multilingual checks: romanisation, title translations, look-alike letters.

A reader of an English article cannot search for "Макиенко" or "TACC" (Latin letters imitating
Cyrillic ТАСС); APA 7 asks for romanised non-Latin entries and citations and an English
translation of non-English titles. The facts come from ``refcheck.normalise``; these checks only
decide what to report.

N504 (mixed transliteration schemes) is deliberately not implemented: telling "Zaharova" (GOST)
from "Zakharova" (ALA-LC) needs to know a Latin name is romanised Russian at all, and in lists
full of Turkish and Azerbaijani names ("Hasanoğlu", "Rehimov") the letters h/kh/x carry no such
signal, so the check would mostly raise false alarms.
"""

from __future__ import annotations

from collections.abc import Iterator

from refcheck.findings import Finding, Rule, Severity, register
from refcheck.model import Normalised, Reference, Script
from refcheck.normalise import canonical_scheme, normalise_reference, romanise
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
            "An entry written in Cyrillic (or another non-Latin script) must be romanised with a "
            "named standard (ALA-LC by default), or English readers cannot find or sort it."
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
            "A title in a language other than English needs an English translation in square "
            "brackets right after it, so readers know what the work is about."
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
        code="N505",
        name="non-latin-citation",
        severity=Severity.WARNING,
        stage="cite",
        summary=(
            "An in-text citation names a non-Latin author; APA cites the romanised surname, "
            "the same form as in the reference list."
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


def _has_cyrillic(s: str) -> bool:
    return any("\u0400" <= c <= "\u052f" for c in s)


@check("N501", "N502", "N503")
def check_entries(ctx: Context) -> Iterator[Finding]:
    """Romanisation, title translation and look-alikes, entry by entry."""
    scheme = _scheme(ctx)
    for ref in ctx.references:
        norm = _norm(ref, ctx, scheme)
        if _has_cyrillic(ref.raw):
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
        if ref.title and lang and lang != "en" and not ref.title_translation:
            after = ref.raw.split(ref.title, 1)[-1].lstrip(" *_\"'”.")
            if not after.startswith("["):
                name = _LANGUAGE_NAMES.get(lang, lang)
                yield Finding.make(
                    "N502",
                    f"entry {ref.index}: the title is in {name} ({norm.language_evidence}) and "
                    "has no English translation in square brackets after it",
                    ctx.document,
                    ref.span,
                    reference=ref.index,
                    suggestion=f"{norm.romanised_title or ref.title} "
                    "[English translation of the title]",
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


@check("N505")
def check_citations(ctx: Context) -> Iterator[Finding]:
    """In-text citations must use the romanised name (APA-IT-10)."""
    scheme = _scheme(ctx)
    for cit in ctx.citations:
        bad = [a for a in cit.authors if _has_cyrillic(a)]
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
