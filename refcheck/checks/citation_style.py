"""Citation style beyond APA's basic form: the manuscript's language (C207), where a citation
stands (C208) and manuscripts that cite by number (C209).

C207 reads the forms each language's journals print from ``refcheck.cite.grammar`` and the
manuscript's language from ``RuleOptions.language`` (``refcheck.language``), so an English
manuscript's ``vd.`` and a Turkish one's ``и др.`` are told apart from the forms that are right.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from refcheck.checks.citations import _cfind, _cite_label, _linked, _rule
from refcheck.cite.grammar import (
    CONNECTOR_WORDS,
    ET_AL_CANONICAL,
    IN_PRESS_LANGUAGE,
    LANGUAGE_NAMES,
    LOCATOR_APA,
    LOCATOR_LANGUAGE,
    LOCATOR_NATIVE,
    NARRATIVE_AND,
    NO_DATE_LANGUAGE,
    PREFIX_APA,
    PREFIX_LANGUAGE,
    et_al_key,
    et_al_language,
)
from refcheck.findings import Finding, Severity
from refcheck.model import Citation
from refcheck.rules import Context, check

_rule(
    "C207",
    "citation-form-of-another-language",
    Severity.WARNING,
    "cite",
    "A citation uses the words of the manuscript's language (or APA's English ones): in an "
    'English manuscript "et al.", "&"/"and", "p.", "see", "n.d."; in a Turkish one "vd." (or '
    'the journal\'s choice, setting et_al), "ve", "s."; in an Azerbaijani one "və b.", "və", '
    '"s."/"səh."; in a Russian one "и др.", "и", "с.".',
    "(Yılmaz vd., 2020, s. 4) in an English manuscript",
    "(Yılmaz et al., 2020, p. 4)",
    "APA 7 §8.17, §8.13; journal style sheets (setting et_al)",
)
_rule(
    "C208",
    "citation-between-sentences",
    Severity.WARNING,
    "cite",
    "A parenthetical citation belongs inside the sentence it supports, before the full stop, "
    "not alone between two sentences.",
    "The corridor opened. (Hale, 2021). Then …",
    "The corridor opened (Hale, 2021). Then …",
    "APA 7 §8.11",
)
_rule(
    "C209",
    "numbered-citations",
    Severity.INFO,
    "cite",
    "The manuscript cites by number ([12], [3–5]); refcheck links each number to that entry "
    "of the list and does not apply the author-date form rules to them (said once).",
    "… as shown [3–5], and later [12, с. 5].",
    "(nothing to change: the note says which checks apply)",
    "APA 7 §8.10 (author-date); GOST R 7.0.5-2008 §7 (numbered)",
)


_SEE_WORD = {"en": "see", "tr": "bkz.", "az": "bax", "ru": "см."}
_NO_DATE = {"en": "n.d.", "tr": "t.y.", "az": "t.y.", "ru": "б. г."}
_IN_PRESS = {"en": "in press", "tr": "baskıda", "az": "çapda", "ru": "в печати"}


def _accepted(form_language: str, language: str) -> bool:
    """A form of ``form_language`` is right in a manuscript in ``language``: its own forms and,
    in a Turkish, Azerbaijani or Russian manuscript, APA's English ones too."""
    return form_language in (language, "en")


def foreign_forms(c: Citation, language: str, et_al: str = "auto") -> list[tuple[str, str, str]]:
    """The forms of ``c`` that are not the manuscript's: ``(as written, its language, the form to
    use)``. ``et_al`` is the journal's choice ("auto": the manuscript language's or APA's)."""
    out: list[tuple[str, str, str]] = []
    if c.et_al and c.et_al_form:
        form_lang = et_al_language(c.et_al_form)
        if et_al != "auto":
            ok = et_al_key(c.et_al_form) == et_al_key(et_al) or (
                et_al == "et al." and form_lang == "en"  # misspellings are C201's
            )
            want = et_al
        elif language == "en":
            ok, want = form_lang == "en", "et al."
        else:
            ok, want = _accepted(form_lang, language), ET_AL_CANONICAL[language]
        if not ok:
            out.append((c.et_al_form, form_lang, want))
    conn_lang = CONNECTOR_WORDS.get(c.connector, "")
    if conn_lang and not (conn_lang == language or (conn_lang == "en" and language != "en")):
        want = "&" if c.kind == "parenthetical" else NARRATIVE_AND.get(language, "and")
        out.append((c.connector, conn_lang, want))
    loc_lang = LOCATOR_LANGUAGE.get(c.locator_style, "")
    if loc_lang and loc_lang != language and not (language == "az" and c.locator_style == "s."):
        plural = c.locator_style in {"ss.", "сс."}
        if language == "en":
            want = LOCATOR_APA[c.locator_style]
        else:
            want = LOCATOR_NATIVE[language][1 if plural and language != "az" else 0]
        out.append((c.locator_style, loc_lang, want))
    first = c.prefix.split()[0].lower() if c.prefix else ""
    pre_lang = PREFIX_LANGUAGE.get(first, "")
    if pre_lang and pre_lang != language:
        word = c.prefix.split()[0]
        want = PREFIX_APA[first] if language == "en" else _SEE_WORD[language]
        out.append((word, pre_lang, want))
    if c.no_date or c.in_press:
        written = c.year_text.split("-")[0].strip()
        table = NO_DATE_LANGUAGE if c.no_date else IN_PRESS_LANGUAGE
        date_lang = table.get(written.replace(" ", "") if c.no_date else written, "")
        if date_lang and not (date_lang == language or (date_lang == "en" and language != "en")):
            want = (_NO_DATE if c.no_date else _IN_PRESS).get(language, "n.d.")
            out.append((written, date_lang, want))
    return out


@check("C207")
def citation_language(ctx: Context) -> Iterator[Finding]:
    """Forms of another language's citations: ``vd.`` in an English manuscript, and the like."""
    language = ctx.options.language
    linked = _linked(ctx)
    name = LANGUAGE_NAMES.get(language, language)
    for c in ctx.citations:
        if c.kind == "numbered" or c.key:
            continue
        forms = foreign_forms(c, language, ctx.options.et_al)
        if not forms:
            continue
        fixed, prefix = c.text, c.prefix
        for written, _lang, want in forms:
            if prefix and prefix.split()[0] == written:
                prefix = prefix.replace(written, want, 1)  # the prefix is not in the text
            else:
                fixed = fixed.replace(written, want, 1)
        if prefix != c.prefix:
            fixed = f"{prefix} {fixed}"
        what = "; ".join(
            f'"{w}" is {LANGUAGE_NAMES.get(la, la)}, {name} citations write "{want}"'
            for w, la, want in forms
        )
        chosen = ctx.options.et_al != "auto" and any(w == c.et_al_form for w, _la, _want in forms)
        if chosen:
            what += f' (the journal\'s choice: et_al = "{ctx.options.et_al}")'
        yield _cfind(
            "C207",
            ctx,
            c,
            f"{_cite_label(c)}: {what}",
            linked.get(c.index),
            suggestion=f"({fixed})" if c.kind == "parenthetical" else fixed,
        )


# The word before a full stop that is an abbreviation's, not a sentence's end.
_ABBREVIATIONS = frozenset(
    [
        "al",
        "e.g",
        "i.e",
        "etc",
        "vs",
        "cf",
        "p",
        "pp",
        "ed",
        "eds",
        "vol",
        "no",
        "dr",
        "mr",
        "mrs",
        "ms",
        "st",
        "fig",
        "ca",
        "approx",
        "vd",
        "ark",
        "bkz",
        "см",
        "ср",
        "др",
    ]
)
_SENTENCE_END = re.compile(r"(\S+)([.!?])[ \t]+$")


@check("C208")
def citation_between_sentences(ctx: Context) -> Iterator[Finding]:
    """``The corridor opened. (Hale, 2021). Then …``: the citation belongs inside the sentence."""
    text = ctx.document.text
    linked = _linked(ctx)
    groups: dict[int, list[Citation]] = defaultdict(list)
    for c in ctx.citations:
        if c.kind == "parenthetical" and not c.key:
            groups[c.group].append(c)
    for items in groups.values():
        first = min(items, key=lambda x: x.span.start)
        last = max(items, key=lambda x: x.span.end)
        if first.after_quote:
            continue  # after a quotation C205 speaks; block quotes put the citation after it
        opener = max(text.rfind("(", 0, first.span.start), text.rfind("[", 0, first.span.start))
        closer_char = ")" if text[opener : opener + 1] == "(" else "]"
        closer = text.find(closer_char, last.span.end)
        if opener < 0 or closer < 0 or not text.startswith(".", closer + 1):
            continue
        m = _SENTENCE_END.search(text, max(0, opener - 60), opener)
        if m is None:
            continue
        word = m.group(1).rstrip(".").lower()
        if word in _ABBREVIATIONS or len(word.strip("\"'”’»)")) <= 1:
            continue  # "et al. (…)", "p. (…)", an initial
        inside = text[opener : closer + 1]
        yield _cfind(
            "C208",
            ctx,
            first,
            f"{inside} stands alone between two sentences; APA puts a parenthetical citation "
            "inside the sentence it supports, before the full stop",
            linked.get(first.index),
            suggestion=f"{m.group(1)} {inside}{m.group(2)}",
        )


@check("C209")
def numbered_citations(ctx: Context) -> Iterator[Finding]:
    """Said once: the manuscript cites by number, so the author-date form rules do not apply."""
    numbered = [c for c in ctx.citations if c.kind == "numbered"]
    if not numbered:
        return
    brackets = len({c.span.start for c in numbered})
    first = numbered[0]
    yield Finding.make(
        "C209",
        f"the manuscript cites by number ({brackets} bracket{'s' if brackets != 1 else ''} "
        f"such as [{first.text}]): each number is linked to that entry of the list; the "
        "author-date form rules (C201–C208, X303–X308) do not apply to them",
        ctx.document,
        first.span,
        citation=first.text,
    )
