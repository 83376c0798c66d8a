"""The split stage: headings (en/tr/az/ru), list boundaries, entry splitting, exclusions."""

from __future__ import annotations

import itertools
import re
import time
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from refcheck.errors import InputError, NoReferencesError
from refcheck.loader import read_source, source_from_text
from refcheck.model import Document
from refcheck.split import (
    explain_exclusions,
    fold_heading,
    is_reference_heading,
    looks_like_entry_start,
    split_document,
)

_MARK = re.compile(
    r"(?:[-*•–—▪●◦·‣+]|\d{1,5}[.)]|\(\d{1,5}\)|\[\d{1,5}\]|\\bibitem(?:\[[^\]]*\])?\{[^}]*\})"
)


def split(text: str, fmt: str = "text", **kw: int) -> Document:
    return split_document(source_from_text(text, path="t.txt", fmt=fmt), **kw)


def texts(doc: Document) -> list[str]:
    return [e.text for e in doc.entries]


def assert_nothing_lost(doc: Document) -> None:
    """Entries + excluded spans + blank space + list markers cover the region; no overlaps.

    Entries do not overlap each other, nor do excluded spans; an excluded line may sit inside an
    entry's span (a page header interrupting a wrapped entry).
    """
    region = doc.references_region
    assert region is not None
    covered = [False] * (region.end - region.start)
    for group in ([e.span for e in doc.entries], list(doc.excluded)):
        spans = sorted(group, key=lambda s: s.start)
        for a, b in itertools.pairwise(spans):
            assert a.end <= b.start, f"overlap {a} {b}"
        for span in spans:
            assert region.start <= span.start <= span.end <= region.end
            for i in range(span.start - region.start, span.end - region.start):
                covered[i] = True
    gaps = "".join("\0" if c else doc.text[i + region.start] for i, c in enumerate(covered)).split(
        "\0"
    )
    for gap in gaps:
        assert _MARK.sub("", gap).strip() == "", f"lost text: {gap!r}"
    for e in doc.entries:
        assert doc.locate(e.span.start)[0] == e.line
        raw = e.span.slice(doc.text)
        if "joined" not in e.note:
            assert e.text == raw
        else:
            assert (e.text[0], e.text[-1]) == (raw[0], raw[-1])


# --------------------------------------------------------------------------- the seed


def test_seed_gives_42_entries_in_order(seed_path: Path) -> None:
    doc = split_document(read_source(seed_path))
    assert len(doc.entries) == 42
    assert [e.index for e in doc.entries] == list(range(1, 43))
    assert doc.entries[0].text.startswith(
        "Anadolu Agency. (2020, January 9). 2020'de öne çıkan çatışma"
    )
    assert doc.entries[-1].text.startswith("Унанянц, В. (2023, September 8). G20 дипломатия")
    assert doc.heading is not None and doc.heading.slice(doc.text) == "REFERENCES"
    assert doc.body == doc.heading.__class__(0, doc.heading.start)
    assert doc.references == ()
    assert doc.excluded == ()
    morgenthau = [e for e in doc.entries if e.text.startswith("Morgenthau, Hans J.")]
    assert len(morgenthau) == 1 and morgenthau[0].index == 16 and morgenthau[0].line == 207
    republic = doc.entries[29]
    assert republic.text.startswith("The Republic of Türkiye Directorate of Communications.")
    assert (republic.line, republic.note) == (222, "no bullet")
    # bullet stripped, span excludes it, text = the line
    first = doc.entries[0]
    assert doc.text[first.span.start - 2 : first.span.start] == "- "
    assert first.span.slice(doc.text) == first.text
    assert_nothing_lost(doc)


def test_seed_docx_round_trip_gives_same_entries(seed_text: str, tmp_path: Path) -> None:
    d = docx.Document()
    for raw in seed_text.split("\n"):
        style = "List Bullet" if raw.startswith("- ") else None
        line = raw[2:] if style else raw
        p = d.add_paragraph(style=style)
        for i, part in enumerate(re.split(r"\*([^*\n]+)\*", line)):
            if part:
                p.add_run(part).italic = True if i % 2 else None
    d.save(str(tmp_path / "seed.docx"))
    from_docx = split_document(read_source(tmp_path / "seed.docx"))
    from_txt = split(seed_text)
    assert len(from_docx.entries) == 42
    assert texts(from_docx) == texts(from_txt)
    assert [e.line for e in from_docx.entries] == [e.line for e in from_txt.entries]


# --------------------------------------------------------------------------- headings

HEADINGS = [
    "References",
    "REFERENCES",
    "Reference List",
    "Bibliography",
    "Works Cited",
    "Literature Cited",
    "Kaynakça",
    "KAYNAKÇA",
    "Kaynaklar:",
    "Kaynaklar",
    "YARARLANILAN KAYNAKLAR",
    "Yararlanılan Kaynaklar",
    "Ədəbiyyat",
    "ƏDƏBİYYAT SİYAHISI",
    "İstifadə edilmiş ədəbiyyat",
    "İSTİFADƏ EDİLMİŞ ƏDƏBİYYAT",
    "İstinadlar",
    "İSTİNADLAR",
    "Список литературы",
    "СПИСОК ЛИТЕРАТУРЫ",
    "Литература",
    "Библиография",
    "Библиографический список",
    "Список источников",
    "# References",
    "## 7. Kaynakça",
    "**References**",
    "7. References",
    "VII. REFERENCES:",
    "KAYNAKÇA / REFERENCES",
    "Kaynakça (References)",
    "Список литературы – References",
    "\\section*{References}",
]


@pytest.mark.parametrize("heading", HEADINGS)
def test_heading_words(heading: str) -> None:
    assert is_reference_heading(heading)
    doc = split(f"Intro (Rose, 1998).\n\n{heading}\n\nRose, G. (1998). Neoclassical realism.\n")
    assert doc.heading is not None and doc.heading.slice(doc.text) == heading
    assert texts(doc) == ["Rose, G. (1998). Neoclassical realism."]
    assert doc.body.slice(doc.text) == "Intro (Rose, 1998).\n\n"


@pytest.mark.parametrize(
    "line",
    [
        "References to the war are common in the press.",
        "The references",
        "Sources of conflict",
        "Kaynakça 12",
        "",
        "R" * 200,
    ],
)
def test_not_headings(line: str) -> None:
    assert not is_reference_heading(line)


def test_fold_heading_is_turkish_aware() -> None:
    assert fold_heading("## 7. KAYNAKÇA:") == "kaynakça"
    assert fold_heading("**İSTİNADLAR**") == "istinadlar"
    assert fold_heading("Yararlanılan  Kaynaklar") == "yararlanilan kaynaklar"


def test_table_of_contents_does_not_fool_it() -> None:
    text = (
        "Contents\n1. Introduction\n2. Method\n3. References\n4. Appendix\n\n"
        "Introduction\n\nText citing Smith (2020).\n\n"
        "References\n\nSmith, J. (2020). A book. Publisher.\nZed, A. (2019). Another. Press.\n"
    )
    doc = split(text)
    assert doc.heading is not None and doc.locate(doc.heading.start)[0] == 11
    assert texts(doc) == ["Smith, J. (2020). A book. Publisher.", "Zed, A. (2019). Another. Press."]
    assert "Text citing Smith (2020)." in doc.body.slice(doc.text)


def test_weak_heading_after_list_does_not_win() -> None:
    text = (
        "Body.\n\nReferences\n\nSmith, J. (2020). A book. Publisher.\n\n"
        "Sources\n\nTÜİK data tables, 2020 edition, Ankara, compiled by the author.\n"
    )
    doc = split(text)
    assert doc.heading is not None and doc.heading.slice(doc.text) == "References"


def test_no_heading_raises_with_hint() -> None:
    with pytest.raises(NoReferencesError) as info:
        split("Just a body.\nSmith, J. (2020). A book.\n")
    msg = str(info.value)
    assert msg.startswith("t.txt: no reference-list heading found")
    assert "--references-from LINE" in msg
    assert isinstance(info.value, InputError)


def test_references_from_line() -> None:
    text = "Body text (Smith, 2020).\n\nSmith, J. (2020). A book.\nZed, A. (2019). Other.\n"
    doc = split(text, references_from=3)
    assert doc.heading is None
    assert doc.body.slice(doc.text) == "Body text (Smith, 2020).\n\n"
    assert texts(doc) == ["Smith, J. (2020). A book.", "Zed, A. (2019). Other."]
    assert_nothing_lost(doc)
    with pytest.raises(InputError, match="outside the file"):
        split(text, references_from=99)


# --------------------------------------------------------------------------- list shapes

CASES = {
    "markdown-list": (
        "# Paper\n\nBody.\n\n## References\n\n"
        "* Rose, G. (1998). Neoclassical realism. *World Politics*, 51(1), 144–172.\n"
        "* Waltz, K. N. (1979). *Theory of international politics*. Addison-Wesley.\n"
        "\n## Appendix\n\nTable stuff.\n",
        [
            "Rose, G. (1998). Neoclassical realism. *World Politics*, 51(1), 144–172.",
            "Waltz, K. N. (1979). *Theory of international politics*. Addison-Wesley.",
        ],
    ),
    "numbered-dot-wrapped": (
        "References\n"
        "1. Friedberg, A. L. (1993). Ripe for rivalry. International Security, 18(3), 5–\n"
        "33. https://doi.org/10.2307/2539204\n"
        "2. Rose, G. (1998). Neoclassical realism. World Politics, 51(1), 144–172.\n",
        [
            "Friedberg, A. L. (1993). Ripe for rivalry. International Security, 18(3), "
            "5–33. https://doi.org/10.2307/2539204",
            "Rose, G. (1998). Neoclassical realism. World Politics, 51(1), 144–172.",
        ],
    ),
    "numbered-brackets": (
        "Bibliography\n\n[1] A. Smith, Title one, 2020.\n[2] B. Jones, Title two,\n"
        "    2019.\n[3] C. Brown, Title three, 2018.\n",
        [
            "A. Smith, Title one, 2020.",
            "B. Jones, Title two, 2019.",
            "C. Brown, Title three, 2018.",
        ],
    ),
    "numbered-paren": (
        "References\n1) Smith, J. (2020). One.\n2) Jones, K. (2019). Two.\n",
        ["Smith, J. (2020). One.", "Jones, K. (2019). Two."],
    ),
    "hanging-indent": (
        "References\n\n"
        "Friedberg, A. L. (1993). Ripe for rivalry: Prospects for peace in a\n"
        "    multipolar Asia. International Security, 18(3), 5–33.\n"
        "Rose, G. (1998). Neoclassical realism and theories of foreign\n"
        "    policy. World Politics, 51(1), 144–172.\n"
        "Waltz, K. N. (1979). Theory of international politics. Addison-Wesley.\n",
        [
            "Friedberg, A. L. (1993). Ripe for rivalry: Prospects for peace in a multipolar "
            "Asia. International Security, 18(3), 5–33.",
            "Rose, G. (1998). Neoclassical realism and theories of foreign policy. World "
            "Politics, 51(1), 144–172.",
            "Waltz, K. N. (1979). Theory of international politics. Addison-Wesley.",
        ],
    ),
    "wrapped-no-indent": (
        "References\n"
        "Detsch, J. (2021, March 30). The U.S. army is using the Nagorno-Karabakh\n"
        "conflict to study drone warfare. Foreign Policy. https://foreignpolicy.com/2021/\n"
        "03/30/army-pentagon-nagorno-karabakh-drones/\n"
        "Kucera, J. (2019, April 1). After peace negotiations, threats of war break out\n"
        "between Armenia and Azerbaijan. Eurasianet.\n"
        "Макиенко, К. (2020, November 10). Как Россия проиграла во второй\n"
        "карабахской войне. Взгляд.\n"
        "Ministry of Foreign Affairs. (2020, October 6). Visit of Foreign Minister to\n"
        "Azerbaijan. Retrieved July 30, 2024, from https://www.mfa.gov.tr/\n",
        [
            "Detsch, J. (2021, March 30). The U.S. army is using the Nagorno-Karabakh conflict "
            "to study drone warfare. Foreign Policy. "
            "https://foreignpolicy.com/2021/03/30/army-pentagon-nagorno-karabakh-drones/",
            "Kucera, J. (2019, April 1). After peace negotiations, threats of war break out "
            "between Armenia and Azerbaijan. Eurasianet.",
            "Макиенко, К. (2020, November 10). Как Россия проиграла во второй карабахской "
            "войне. Взгляд.",
            "Ministry of Foreign Affairs. (2020, October 6). Visit of Foreign Minister to "
            "Azerbaijan. Retrieved July 30, 2024, from https://www.mfa.gov.tr/",
        ],
    ),
    "blank-separated-paragraphs": (
        "Kaynakça\n\n"
        "Memmedov, A., & Hasanoğlu, M. (2023). Hazar Denizi'nden Akdeniz'e Zengezur\n"
        "Koridoru. Uluslararası Yönetim Akademisi Dergisi, 6(2), 334–344.\n\n"
        "Yüzbaşıoğlu, N., & Çam, Ö. T. (2020). Dışişleri Bakanı Çavuşoğlu.\n\n"
        "*Politics among nations*. (1948). Knopf.\n",
        [
            "Memmedov, A., & Hasanoğlu, M. (2023). Hazar Denizi'nden Akdeniz'e Zengezur "
            "Koridoru. Uluslararası Yönetim Akademisi Dergisi, 6(2), 334–344.",
            "Yüzbaşıoğlu, N., & Çam, Ö. T. (2020). Dışişleri Bakanı Çavuşoğlu.",
            "*Politics among nations*. (1948). Knopf.",
        ],
    ),
    "hyphenated-line-breaks": (
        "References\n"
        "Smith, J. (2020). Inter-\nnational relations of the Nagorno-\nKarabakh war, pp. 5–\n"
        "33. Sozial-\nund Gesundheitswesen.\n",
        [
            "Smith, J. (2020). International relations of the Nagorno-Karabakh war, pp. 5–33. "
            "Sozial- und Gesundheitswesen."
        ],
    ),
    "russian-gost-dashes": (
        "Список литературы\n"
        "1. Иванов И. И. История Кавказа. — М.: Наука, 2001.\n"
        "— 300 с.\n"
        "2. Петров П. П. Политика. — СПб., 2010.\n",
        [
            "Иванов И. И. История Кавказа. — М.: Наука, 2001. — 300 с.",
            "Петров П. П. Политика. — СПб., 2010.",
        ],
    ),
    "latex-thebibliography": (
        "Text \\cite{a}.\n\\begin{thebibliography}{9}\n\\bibitem{a} A. Smith, Title, 2020.\n"
        "\\bibitem[B]{b} B. Jones, Other,\n  2019.\n\\end{thebibliography}\n\\end{document}\n",
        ["A. Smith, Title, 2020.", "B. Jones, Other, 2019."],
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_list_shapes(case: str) -> None:
    text, expected = CASES[case]
    fmt = {"markdown-list": "markdown", "latex-thebibliography": "latex"}.get(case, "text")
    doc = split(text, fmt)
    assert texts(doc) == expected
    assert_nothing_lost(doc)


def test_notes_record_joins_and_missing_bullets() -> None:
    doc = split(CASES["hanging-indent"][0])
    assert [e.note for e in doc.entries] == ["joined 2 lines", "joined 2 lines", ""]
    assert [e.line for e in doc.entries] == [3, 5, 7]


# --------------------------------------------------------------------------- list boundaries


def test_list_ends_at_back_matter_but_not_on_an_entry() -> None:
    text = (
        "References\n\n"
        "- Appendix to the report. (2020). Ministry.\n"
        "- Notes on the state of Virginia. (1785). Stockdale.\n\n"
        "Acknowledgements\n\nThanks to the referees (Smith, 2020).\n"
    )
    doc = split(text)
    assert texts(doc) == [
        "Appendix to the report. (2020). Ministry.",
        "Notes on the state of Virginia. (1785). Stockdale.",
    ]
    region = doc.references_region
    assert region is not None and doc.text[region.end :].startswith("Acknowledgements")
    assert_nothing_lost(doc)


@pytest.mark.parametrize(
    "back",
    [
        "Appendix A",
        "Appendix 1: Interview questions",
        "EKLER",
        "Ek 1",
        "Приложение 1",
        "Author Contributions",
        "Genişletilmiş Özet",
        "Table 1. Results",
        "Biographical note",
    ],
)
def test_back_matter_headings_end_the_list(back: str) -> None:
    doc = split(f"References\n\nSmith, J. (2020). One.\n\n{back}\n\nLater text here.\n")
    assert texts(doc) == ["Smith, J. (2020). One."]


# --------------------------------------------------------------------------- exclusions


def test_subheadings_inside_the_list_are_excluded() -> None:
    text = (
        "Giriş (Smith, 2020).\n\nKAYNAKÇA\n\nKitaplar\n\n"
        "Smith, J. (2020). Bir kitap. Ankara: Yayınevi.\n\nMakaleler\n"
        "Çam, Ö. T. (2019). Bir makale. Dergi, 3(2), 1–9.\n\n"
        "Online Archives\n"
        "Anadolu Agency. (2020, January 9). Haber. https://www.aa.com.tr/\n"
    )
    doc = split(text)
    assert texts(doc) == [
        "Smith, J. (2020). Bir kitap. Ankara: Yayınevi.",
        "Çam, Ö. T. (2019). Bir makale. Dergi, 3(2), 1–9.",
        "Anadolu Agency. (2020, January 9). Haber. https://www.aa.com.tr/",
    ]
    assert [(x.span.slice(doc.text), x.reason) for x in explain_exclusions(doc)] == [
        ("Kitaplar", "subheading"),
        ("Makaleler", "subheading"),
        ("Online Archives", "subheading"),
    ]
    assert_nothing_lost(doc)


def test_russian_sources_and_literature_subsections() -> None:
    text = (
        "Текст.\n\nСписок литературы\n\nИсточники\n"
        "1. Известия. (2020, October 22). В Кремле заявили.\n\nЛитература\n"
        "2. Макиенко, К. (2020). Как Россия проиграла. Взгляд.\n"
    )
    doc = split(text)
    assert doc.heading is not None and doc.heading.slice(doc.text) == "Список литературы"
    assert texts(doc) == [
        "Известия. (2020, October 22). В Кремле заявили.",
        "Макиенко, К. (2020). Как Россия проиграла. Взгляд.",
    ]


def test_markdown_subsections_do_not_end_the_list() -> None:
    text = (
        "# Paper\n\n## References\n\n### Primary sources\n\n- Smith, J. (2020). One.\n\n"
        "### Secondary sources\n\n- Jones, K. (2019). Two.\n\n## Appendix\n\nx\n"
    )
    doc = split(text, "markdown")
    assert texts(doc) == ["Smith, J. (2020). One.", "Jones, K. (2019). Two."]
    assert len(doc.excluded) == 2


def test_page_headers_footers_and_footnotes_are_excluded() -> None:
    text = (
        "Asya Studies\n\nBody text.\n\nREFERENCES\n\n"
        "- Rose, G. (1998). Neoclassical realism and theories of foreign policy. World\n"
        "Politics, 51(1), 144–172.\n"
        "\n12\n\nAsya Studies\n\n"
        "- Waltz, K. N. (1979). Theory of international politics. Addison-Wesley.\n"
        "Page 13 of 20\n"
        "*This article is extracted from my PhD dissertation.\n"
        "[^1]: A footnote from Word.\n"
        "- Zakaria, F. (1999). From wealth to power. Princeton University Press.\n"
    )
    doc = split(text)
    assert texts(doc) == [
        "Rose, G. (1998). Neoclassical realism and theories of foreign policy. World "
        "Politics, 51(1), 144–172.",
        "Waltz, K. N. (1979). Theory of international politics. Addison-Wesley.",
        "Zakaria, F. (1999). From wealth to power. Princeton University Press.",
    ]
    reasons = [(x.line, x.span.slice(doc.text), x.reason) for x in explain_exclusions(doc)]
    assert reasons == [
        (10, "12", "page number"),
        (12, "Asya Studies", "repeated page header/footer"),
        (15, "Page 13 of 20", "page number"),
        (16, "*This article is extracted from my PhD dissertation.", "footnote"),
        (17, "[^1]: A footnote from Word.", "footnote"),
    ]
    assert_nothing_lost(doc)


def test_header_inside_a_wrapped_entry_keeps_the_entry_whole() -> None:
    text = (
        "Journal of Things\n\nReferences\n\n"
        "Smith, J. (2020). A long title that wraps\n\n7\n\nJournal of Things\n\n"
        "onto the next page. Publisher.\n"
    )
    doc = split(text)
    assert texts(doc) == [
        "Smith, J. (2020). A long title that wraps onto the next page. Publisher."
    ]
    assert len(doc.excluded) == 2


def test_repeated_continuation_line_is_not_a_header() -> None:
    text = (
        "References\n\nSmith, J. (2020). Book one. Cambridge\nUniversity Press.\n"
        "Jones, K. (2019). Book two. Cambridge\nUniversity Press.\n"
    )
    doc = split(text)
    assert doc.excluded == ()
    assert texts(doc)[1] == "Jones, K. (2019). Book two. Cambridge University Press."


# --------------------------------------------------------------------------- entry starts


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Rose, G. (1998). Neoclassical realism.", True),
        ('Foulon, Michiel. "Neoclassical Realism"', True),
        ("Березовский, Г. (2020, December 9).", True),
        ("Anadolu Agency. (2020, January 9).", True),
        ("van der Berg, K. (2001). Title.", True),
        ("———. (2001). Another title.", True),
        ("Pérez-Higueras JJ, Arias A, de la Macorra JC.", True),
        ("*Politics among nations*. (1948). Knopf.", True),
        ("conflict to study drone warfare. Foreign Policy.", False),
        ("https://doi.org/10.2307/2539204", False),
        ("18(3), 5–33.", False),
        ("The Struggle for Power and Peace, a classic", False),
    ],
)
def test_looks_like_entry_start(line: str, expected: bool) -> None:
    assert looks_like_entry_start(line) is expected


# --------------------------------------------------------------------------- scale & safety


def test_twenty_thousand_entries_split_linearly() -> None:
    entries = [
        f"- Author{i}, A. (20{i % 100:02d}). Title number {i}. Journal, {i % 50}(2), 1–9."
        for i in range(20_000)
    ]
    text = "Body.\n\nReferences\n\n" + "\n".join(entries) + "\n"
    t0 = time.perf_counter()
    doc = split(text)
    elapsed = time.perf_counter() - t0
    assert len(doc.entries) == 20_000
    assert doc.entries[-1].text == entries[-1][2:]
    assert elapsed < 5.0  # generous: the benchmark (bench/split.py) tracks the real figure


@pytest.mark.parametrize(
    "chunk",
    [
        "(" * 100_000,
        "a, " * 33_000,
        "Aaaa " * 20_000,
        "References\n" * 9_000,
        "- " * 50_000,
        "Ab, " * 25_000 + "\n",
        "[1" * 50_000,
        "A" * 99_000 + "\nReferences\n" + "x" * 1000,
        ("Aa-" * 30 + " ") * 1000,
    ],
    ids=["parens", "commas", "words", "headings", "dashes", "names", "brackets", "long", "hyph"],
)
def test_adversarial_input_stays_fast(chunk: str) -> None:
    text = "References\n" + chunk + "\n" + chunk.replace("\n", " ")
    t0 = time.perf_counter()
    doc = split(text)
    assert time.perf_counter() - t0 < 2.0
    assert doc.heading is not None


ANYSTYLE = Path("/work/shared/data/anystyle/core.xml")


@pytest.mark.skipif(not ANYSTYLE.exists(), reason="AnyStyle data not on this machine")
@pytest.mark.parametrize(
    ("layout", "minimum"),
    [("bullets", 98.0), ("hanging", 96.0), ("paragraphs", 97.0), ("bare", 75.0)],
)
def test_real_references_rewrapped(layout: str, minimum: float) -> None:
    """1,328 real references of many styles, wrapped at 72 columns and laid out four ways."""
    from bench.split import _accuracy, _anystyle_refs

    assert _accuracy(_anystyle_refs(), layout) >= minimum


LINES = [
    "",
    "References",
    "KAYNAKÇA",
    "Appendix A",
    "Notes",
    "- Rose, G. (1998). Neoclassical realism. World Politics, 51(1), 144–172.",
    "- Aliyev, İ. (2020, September 27). Address to the nation.",
    "1. Smith, J. (2020). One.",
    "2. Jones, K. (2019). Two",
    "[3] A. Brown, Three, 2018.",
    "Макиенко, К. (2020). Как Россия проиграла.",
    "    continued on an indented line.",
    "continued on a plain line,",
    "https://doi.org/10.2307/2539204",
    "12",
    "Page 3 of 9",
    "Asya Studies",
    "*A footnote without closing.",
    "[^1]: Word footnote.",
    "Kitaplar",
    "Inter-",
    "national relations.",
    "5–",
    "33.",
    "— 300 с.",
    "\t• Tabbed bullet entry, A. (2001).",
]


@given(
    st.lists(st.sampled_from(LINES), min_size=1, max_size=40),
    st.sampled_from(["text", "markdown", "docx"]),
)
def test_any_arrangement_keeps_the_invariants(lines: list[str], fmt: str) -> None:
    """Whatever the lines, split either finds no heading or loses nothing."""
    text = "Body (Rose, 1998).\nAsya Studies\n" + "\n".join(lines)
    try:
        doc = split(text, fmt)
    except NoReferencesError:
        assert not any(is_reference_heading(line) for line in lines)
        return
    assert [e.index for e in doc.entries] == list(range(1, len(doc.entries) + 1))
    assert all(e.text.strip() == e.text and e.text for e in doc.entries)
    assert_nothing_lost(doc)


# --------------------------------------------------------------------------- real-list shapes


def test_renumbered_list_keeps_every_entry_and_drops_every_number() -> None:
    """Lists pasted together or renumbered: numbers that do not run 1, 2, 3 still mark entries,
    across blank lines and without them, and never stay in the entry as an author "104"."""
    text = (
        "References\n\n"
        "101. Smith, J. (2010). Title one. Journal, 1, 1-2.\n\n"
        "104. Jones, K. (2011). Title two. Journal, 2, 3-4.\n\n"
        "7. Brown, L. (2012). Title three. Journal, 3, 5-6.\n"
    )
    assert texts(split(text)) == [
        "Smith, J. (2010). Title one. Journal, 1, 1-2.",
        "Jones, K. (2011). Title two. Journal, 2, 3-4.",
        "Brown, L. (2012). Title three. Journal, 3, 5-6.",
    ]
    pasted = (
        "References\n\n"
        "1. Smith, J. (2010). Title one. Journal, 1, 1-2.\n"
        "2. Jones, K. (2011). Title two. Journal, 2, 3-4.\n"
        "1. Brown, L. (2012). Title three. Journal, 3, 5-6.\n"
        "2. Black, M. (2013). Title four. Journal, 3, 5-6.\n"
    )
    assert [t.split(",")[0] for t in texts(split(pasted))] == ["Smith", "Jones", "Brown", "Black"]


def test_wrapped_line_that_cannot_start_an_entry_continues_it() -> None:
    """A list pasted from a PDF, wrapped without indentation: a last line such as "Press." is
    the end of the entry above, not an entry of its own, even where the word would have fitted
    on the line before (the PDF's column was narrower than this list's widest line)."""
    text = (
        "References\n\n"
        "Smith, J. (2010). A long title that wraps across the line in the PDF. Cambridge University\n"
        "Press.\n"
        "Jones, K. (2011). Another book title, quite long so that the line is full. Oxford University\n"
        "Press.\n"
        "Lee, M. (2012). Third title. Journal of Things, 3(2), 5-6 and more words to fill the line.\n"
        "Kim, M. (2013). Fourth title. Journal of Things, 3(2), 5-6 and more words to fill it up.\n"
    )
    got = texts(split(text))
    assert len(got) == 4
    assert got[0].endswith("Cambridge University Press.")
    assert got[1].endswith("Oxford University Press.")


def test_entries_starting_with_a_particle_or_dated_without_a_year_are_entries() -> None:
    doc = split(
        "Intro (Vale, 1994).\n\nKaynakça\n\n"
        "Uğurlu Tanrıkul, H (2007). Medya ve Temsil. İstanbul: Vakıf.\n"
        "van Zoomen, L (1994). Feminist Media Studies. London: Sage.\n"
        "Орлова, А. (б. г.). Статья. Москва.\n"
        "Minicz, D (tarih yok). Feminist Media Theory. http://example.org/x.pdf\n"
    )
    assert [t.split(" (")[0] for t in texts(doc)] == [
        "Uğurlu Tanrıkul, H",
        "van Zoomen, L",
        "Орлова, А.",
        "Minicz, D",
    ]


def test_entries_dated_by_day_in_parentheses_are_entries() -> None:
    doc = split(
        "Intro (Gazetem, 1984).\n\nKaynakça\n\n"
        "Gazetem (04/10/1984). Köylüye Silah. 7.\n"
        "Gazetem (07/10/1984). Saatler geri alınacak. 7.\n"
    )
    assert len(texts(doc)) == 2


# ------------------------------------------------------------ lists copied one entry per line


def test_an_unwrapped_gost_list_gives_one_entry_per_line_title_first_entries_too() -> None:
    lines = [
        "Антонов В. В., Загорский В. В. Прирост леса [Forest growth]. М.: Лесн. пром-сть, 1981. 200 с.",
        "Арсеньев С. П. О возрасте деревьев [On the age of trees] // Путь в Сибирь. URL: "
        "http://example.org/a (дата обращения: 13.05.2014).",
        "Загадки расчетной лесосеки: рубим мало? [Mysteries of the cut] // Лес.ру. URL: "
        "http://example.org/b (дата обращения: 13.05.2014).",
        "Свиридов Н. Н. Моделирование древостоев и теория лесопользования. М.: Наука, 1979. 216 с.",
        "Forest Finland in Brief 2013 / ed. Y. Sevola. Vantaa: Kopijyva, 2013. 48 p.",
    ]
    doc = split("Текст статьи.\n\nБиблиография\n" + "\n".join(lines) + "\n")
    assert texts(doc) == lines
    assert_nothing_lost(doc)


@pytest.mark.parametrize(
    "line",
    ["Арефьев С. П. О максимальном возрасте", "Quliyev R.M. Kitabın adı", "Петров И. Наука"],
)
def test_gost_headings_without_a_comma_start_entries(line: str) -> None:
    assert looks_like_entry_start(line)


@pytest.mark.parametrize(
    "heading",
    [
        "Список используемой литературы",
        "СПИСОК ИСПОЛЬЗОВАННЫХ ИСТОЧНИКОВ",
        "Список литературы и источников",
        "İstifadə olunmuş ədəbiyyatlar siyahısı",
        "Kullanılan Kaynaklar",
        "KAYNAKLAR LİSTESİ",
    ],
)
def test_heading_shapes_around_the_listed_words(heading: str) -> None:
    assert is_reference_heading(heading)


@pytest.mark.parametrize("line", ["Список сокращений", "Литература по теме", "Kaynak kişiler"])
def test_other_lines_with_those_words_are_not_headings(line: str) -> None:
    assert not is_reference_heading(line)


def test_an_unwrapped_list_still_joins_a_line_cut_after_a_label() -> None:
    lines = [
        "Орлов А. В. Статья первая // Журнал. 2019. Т. 3, No.",
        "4. С. 5–9.",
        "Петров И. Книга. М.: Наука, 2001. 200 с.",
        "Сидоров П. П. Другая книга. М.: Наука, 2005. 148 с.",
    ]
    doc = split("Текст.\n\nСписок литературы\n" + "\n".join(lines) + "\n")
    assert texts(doc) == [lines[0] + " " + lines[1], lines[2], lines[3]]


@pytest.mark.parametrize(
    "heading",
    [
        "Adabiyotlar",
        "Foydalanilgan adabiyotlar ro‘yxati",
        "ФОЙДАЛАНИЛГАН АДАБИЁТЛАР",
        "Әдебиеттер тізімі",
        "Пайдаланылған әдебиеттер",
        "Колдонулган адабияттар",
    ],
)
def test_the_regions_uzbek_kazakh_and_kyrgyz_headings_open_a_list(heading: str) -> None:
    assert is_reference_heading(heading)


def test_a_strong_heading_beside_words_of_other_languages_is_a_heading() -> None:
    # one journal prints its heading in three languages: Uzbek, Russian ("footnotes"), English
    assert is_reference_heading("Iqtiboslar/Сноски/References")
    assert is_reference_heading("Notes / References")
    doc = split("Matn (Əliyev, 2010).\n\nIqtiboslar/Сноски/References\n1. Əliyev R. Kitab. – Bakı: Elm, 2010, 212 s.\n")
    assert texts(doc) == ["Əliyev R. Kitab. – Bakı: Elm, 2010, 212 s."]


@pytest.mark.parametrize("heading", ["LITERATURA", "Spisok literatury", "Spisok ispol’zovannoy literatury"])
def test_romanised_russian_headings_open_a_list(heading: str) -> None:
    # transliterated lists of Russian and Central Asian journals are headed so
    doc = split(f"Tekst (Abdullayev, 1963).\n\n{heading}\nAbdullayev, M. (1963). Kazem-Bek. Makhachkala: Dagknigoizdat.\n")
    assert texts(doc) == ["Abdullayev, M. (1963). Kazem-Bek. Makhachkala: Dagknigoizdat."]


@pytest.mark.parametrize(
    "line", ["Figures / Tables", "Notes / Sources", "Appendix 2 / References", "Smith / Jones"]
)
def test_words_beside_no_strong_heading_are_no_heading(line: str) -> None:
    assert not is_reference_heading(line)


def test_a_heading_shape_counts_wherever_a_listed_heading_does() -> None:
    assert is_reference_heading("Список используемой литературы / References")
    assert is_reference_heading("Kullanılan Kaynaklar (References)")


def test_a_list_keyed_by_its_citations_has_one_entry_per_key() -> None:
    lines = [
        "Гаспаров 2000 – Гаспаров М.Л. Очерк истории стиха. – М., 2000. {M.L. Gasparov. Essay. – Moscow, 2000.}",
        "Орехов 2019а – Орехов Б.В. Башкирский стих. – Уфа, 2019. {B.V. Orekhov. Bashkir verse. – Ufa, 2019.}",
        "Архипова и др. 2002 — Архипова А. С., Козьмин А. В. Текст. М., 2002.",
        "Гаспаров & Исаков 2003 — Гаспаров М. Л., Исаков О. П. Стиховедение и ЭВМ. М., 2003.",
        "Lyashevskaya et al. 2020 — Lyashevskaya O., Sechina E. Verb rhyme // Russian linguistics. 2020.",
    ]
    doc = split("Текст.\n\nЛитература\n" + "\n".join(lines) + "\n")
    assert texts(doc) == lines
    assert looks_like_entry_start(
        "Великанова & Орехов 2019 — Великанова Н. П. Цифровая текстология."
    )
    assert not looks_like_entry_start("Вестник 2019 года и другие издания.")


def test_a_group_author_before_a_bare_year_starts_an_entry() -> None:
    doc = split(
        "Body.\n\nReferences\n"
        "Pulverman, Rachel, Roberta M. Golinkoff & Kathy Hirsh-Pasek. 2008. Infants discriminate "
        "manners and paths. Cognition 108(3). 825–830.\n"
        "R Core Team. 2022. R: A language and environment for statistical computing. Vienna.\n"
    )
    assert [t[:12] for t in texts(doc)] == ["Pulverman, R", "R Core Team."]
    assert looks_like_entry_start("World Bank. 2019a. World development report.")
    assert not looks_like_entry_start("Press. 2019. continued")  # lower-case title after it


def test_a_wrapped_imprint_with_two_towns_is_no_source_key() -> None:
    assert looks_like_entry_start("НКРЯ – Национальный корпус русского языка. URL: http://a.ru/")
    assert looks_like_entry_start("DeReKo – Deutsches Referenzkorpus. URL: https://b.de/")
    assert not looks_like_entry_start("Москва – Ленинград : Наука, 1965. – 320 с.")
    assert not looks_like_entry_start("Москва – Ленинград: Наука, 1965. – 320 с.")


def test_the_primary_works_heading_and_the_kaynaklar_after_it_make_one_list() -> None:
    text = (
        "Giriş (Ergin 2009: 314), (Ali 2016: 12).\n\nTaranan Eserler\n\n"
        "Ali, S. (2016). Kürk Mantolu Madonna. İstanbul: YKY.\n\nKAYNAKLAR\n\n"
        "Ergin, M. (2009). Türk Dil Bilgisi. İstanbul: Bayrak.\n"
    )
    doc = split(text)
    assert doc.heading is not None and doc.heading.slice(doc.text) == "Taranan Eserler"
    assert texts(doc) == [
        "Ali, S. (2016). Kürk Mantolu Madonna. İstanbul: YKY.",
        "Ergin, M. (2009). Türk Dil Bilgisi. İstanbul: Bayrak.",
    ]


def test_a_transliterated_references_list_after_the_russian_one_is_still_the_list() -> None:
    text = (
        "Текст [Иванов 2001].\n\nСписок литературы\n\n1. Иванов И. И. История. М., 2001.\n\n"
        "References\n\n1. Ivanov I. I. Istoriya. Moscow, 2001.\n"
    )
    assert texts(split(text)) == ["Ivanov I. I. Istoriya. Moscow, 2001."]
