"""The normalise stage: casing, folding, romanisation, scripts, language, look-alikes, sorting."""

from __future__ import annotations

import csv
import re
import time
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from refcheck.model import Organization, Person, Reference, Script, Span
from refcheck.normalise import (
    SCHEMES,
    collation_key,
    detect_language,
    detect_script,
    dominant_script,
    find_lookalikes,
    fix_lookalikes,
    fold_key,
    name_key,
    name_keys,
    nfc,
    normalise_references,
    romanise,
    script_of_words,
    tr_lower,
    tr_title,
    tr_upper,
)

DATA = Path(__file__).parent / "data" / "titles_lang.tsv"
CYRILLIC = re.compile(r"[\u0400-\u052f]")


# --- casing ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lower"),
    [
        ("İnönü", "inönü"),
        ("IŞIK", "ışık"),
        ("ILIK İSTANBUL", "ılık istanbul"),
        ("I\u0307zmir", "izmir"),
    ],
)
def test_tr_lower_maps_dotted_and_dotless_i(text: str, lower: str) -> None:
    assert tr_lower(text) == lower
    assert "\u0307" not in tr_lower(text)


def test_tr_upper_and_title() -> None:
    assert tr_upper("istanbul ılık") == "İSTANBUL ILIK"
    assert tr_title("istanbul ılık ÇAĞ") == "İstanbul Ilık Çağ"


def test_nfc_composes_decomposed_letters() -> None:
    assert nfc("s\u0327") == "ş"


# --- folding --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Yüzbaşıoğlu", "Yuzbasioglu"),
        ("Məmmədov", "Memmedov"),
        ("Hasanoğlu", "HASANOGLU"),
        ("İnönü", "Inonu"),
        ("Çavuşoğlu", "Cavusoglu"),
        ("Tüm imkânlarımızla", "tum imkanlarimizla"),
        ("Hazar Denizi'nden", "Hazar Denizinden"),
        ("Gaman-Golutvina", "Gaman Golutvina"),
        ("Pérez-Higueras", "perez higueras"),
    ],
)
def test_fold_key_meets_spelling_variants(a: str, b: str) -> None:
    assert fold_key(a) == fold_key(b)


def test_fold_key_keeps_cyrillic_apart_and_never_emits_at_sign() -> None:
    assert fold_key("Макиенко") == "макиенко"
    assert fold_key("Makienko") != fold_key("Макиенко")
    assert fold_key("Əliyev") == "eliyev"  # unidecode alone would give "@liyev"
    assert fold_key("  Xalq   Cəbhəsi —  Qəzeti ") == "xalq cebhesi qezeti"


@given(st.text(max_size=60))
def test_fold_key_is_idempotent(s: str) -> None:
    once = fold_key(s)
    assert fold_key(once) == once


# --- romanisation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [
        ("ala-lc", "Berezovskiĭ, Zakharova, Izvestii͡a, TASS"),
        ("ala-lc-plain", "Berezovskii, Zakharova, Izvestiia, TASS"),
        ("bgn-pcgn", "Berezovskiy, Zakharova, Izvestiya, TASS"),
        ("iso9", "Berezovskij, Zaharova, Izvestiâ, TASS"),
        ("gost-7.79-b", "Berezovskij, Zaxarova, Izvestiya, TASS"),
        ("scholarly", "Berezovskij, Zaxarova, Izvestija, TASS"),
        ("icao", "Berezovskii, Zakharova, Izvestiia, TASS"),
        ("wikipedia", "Berezovsky, Zakharova, Izvestiya, TASS"),
    ],
)
def test_romanise_russian_in_each_scheme(scheme: str, expected: str) -> None:
    assert romanise("Березовский, Захарова, Известия, ТАСС", scheme) == expected


def test_romanise_fixes_iuliia_yo_and_keeps_latin() -> None:
    assert romanise("Ёлкин", "ala-lc") == "Ëlkin"
    assert romanise("Ёлкин", "bgn-pcgn") == "Yëlkin"
    assert romanise("Yüzbaşıoğlu, N. (2020). TRT Haber") == "Yüzbaşıoğlu, N. (2020). TRT Haber"
    assert romanise("G20 дипломатия") == "G20 diplomatii͡a"


def test_romanise_azerbaijani_cyrillic_uses_cldr_table() -> None:
    assert romanise("Азәрбајҹан Республикасы Президенти Илһам Әлијев") == (
        "Azərbaycan Respublikası Prezidenti İlham Əliyev"
    )
    # г is q and ҝ is g in Azerbaijani Cyrillic
    assert romanise("Гарабағ Ҝәнҹә") == "Qarabağ Gəncə"


def test_romanise_ukrainian_letters() -> None:
    assert romanise("Київ, Україна, Євген, ґанок", "ala-lc") == "Kyïv, Ukraïna, I͡evhen, ganok"
    assert romanise("Київ, Україна, Євген", "bgn-pcgn") == "Kyiv, Ukraina, Yevhen"


def test_romanise_unknown_scheme_lists_valid_ones() -> None:
    with pytest.raises(ValueError, match=r"ala-lc.*bgn-pcgn"):
        romanise("Москва", "klingon")
    assert romanise("Москва", "ALA_LC") == "Moskva"  # aliases and case are forgiven


@given(st.text(alphabet=st.characters(min_codepoint=0x400, max_codepoint=0x52F), max_size=30))
def test_romanise_never_leaves_cyrillic(s: str) -> None:
    for scheme in SCHEMES:
        assert not CYRILLIC.search(romanise(s, scheme))


# --- name keys ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Макиенко", "Makienko"),
        ("Yüzbaşıoğlu", "Yuzbasioglu"),
        ("Məmmədov", "Memmedov"),
        ("Hasanoğlu", "Hasanoglu"),
        ("Новичков", "Novichkov"),
    ],
)
def test_name_key_meets_romanised_and_folded_forms(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Захарова", "Zakharova"),
        ("Захарова", "Zaharova"),
        ("Захарова", "Zaxarova"),
        ("Березовский", "Berezovsky"),
        ("Березовский", "Berezovskiy"),
        ("Березовский", "Berezovskij"),
        ("Юрьев", "Yuryev"),
        ("Макиенко", "Makiyenko"),
    ],
)
def test_name_keys_tolerate_other_schemes(cyrillic: str, latin: str) -> None:
    assert name_keys(cyrillic) & name_keys(latin)


def test_name_keys_anglicised_azerbaijani() -> None:
    assert "mammadov" in name_keys("Məmmədov")
    assert "khalilov" in name_keys("Xəlilov")
    assert name_keys("Rose") == frozenset({"rose"})


# --- scripts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Makienko", Script.LATIN),
        ("Макиенко", Script.CYRILLIC),
        ("Аliyev", Script.MIXED),  # Cyrillic А
        ("G20 дипломатия", Script.MIXED),
        ("2020, 334–344.", Script.NONE),
        ("東京", Script.OTHER),
        ("Zəfər paradı", Script.LATIN),
    ],
)
def test_detect_script(text: str, script: Script) -> None:
    assert detect_script(text) is script


def test_dominant_script_ignores_urls_and_small_latin_parts() -> None:
    entry = "Макиенко, К. (2020). Как Россия проиграла во второй карабахской войне. https://x.ru/a"
    assert dominant_script(entry) is Script.CYRILLIC
    assert script_of_words("G20 дипломатия") == (
        ("G", Script.LATIN),
        ("дипломатия", Script.CYRILLIC),
    )


# --- language -------------------------------------------------------------------------------

SEED_TITLES = [
    ("2020'de öne çıkan çatışma ve potansiyel risk bölgeleri", "tr"),
    ("Mass-market military drones: 10 Breakthrough Technologies 2023", "en"),
    ("Zəfər paradı keçirildi", "az"),
    ("Neoclassical Realism: Challengers and Bridging Identities", "en"),
    ("Aliyev, Habertürk'e konuştu: Türkiye olmadan sorun çözülemez", "tr"),
    ("Hazar Denizi'nden Akdeniz'e Zengezur Koridoru", "tr"),
    ("Visit of Foreign Minister Mevlüt Çavuşoğlu to Azerbaijan", "en"),
    ("Dışişleri Bakanımız Sayın Hakan Fidan'ın TBMM Genel Kurulu bütçe konuşması", "tr"),
    ("A monument of victory: The Bayraktar TB2 kill list", "en"),
    ("В Турции считают, что России не удалось урегулировать кризис в Карабахе", "ru"),
    ("President Erdoğan to Visit Belgium and Azerbaijan", "en"),
    ("Ilham Aliyev Addressed the Nation", "en"),
    ("Türkiye's stance shows Azerbaijan not alone: Aliyev", "en"),
    (
        "İlham Aliyev, 29 Ekim Cumhuriyet Bayramı dolayısıyla Cumhurbaşkanı Erdoğan'ı kutladı",
        "tr",
    ),
    ("Theory of International Politics", "en"),
    (
        "Zəfər xronikası: 5 oktyabr 2020-ci il Prezident İlham Əliyevin Türkiyənin "
        '"TRT Haber" televiziya kanalına müsahibəsi',
        "az",
    ),
    ("Dışişleri Bakanı Çavuşoğlu: Tüm imkânlarımızla Azerbaycan'ın yanındayız", "tr"),
    ("Как Россия проиграла во второй карабахской войне", "ru"),
    ("Война дронов. Азербайджан продемонстрировал применявшиеся в Нагорном Карабахе", "ru"),
]


@pytest.mark.parametrize(("title", "lang"), SEED_TITLES)
def test_detect_language_on_seed_titles(title: str, lang: str) -> None:
    code, evidence = detect_language(title)
    assert code == lang, evidence
    assert evidence


@pytest.mark.parametrize(
    ("text", "lang", "evidence"),
    [
        ("Київ і Харків", "uk", "Ukrainian"),
        ("Қазақстан тарихы", "kk", "Kazakh"),
        ("Азәрбајҹан тарихи", "az", "Azerbaijani Cyrillic"),
        ("Qarabağ savaşı ve Azərbaycan", "az", "ə"),
        ("Qarabag muharibesi haqqinda qeydler", "az", "q/x"),
        ("QA-94", "", "too short"),
        ("", "", "no letters"),
    ],
)
def test_detect_language_letter_evidence(text: str, lang: str, evidence: str) -> None:
    code, why = detect_language(text)
    assert code == lang
    assert evidence in why


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        # Russian in Latin letters, as APA asks for it (ASCII schemes: BGN/PCGN, LC plain)
        ("Vneshnyaya politika Rossii", "ru"),
        ("Kul'turnaya politika i obshchestvo", "ru"),  # the soft sign is not a Turkish ending
        ("Gosudarstvo i pravo", "ru"),
        ("Ekonomicheskiy rost", "ru"),
        ("Istorii︠a︡ russkoĭ literatury", "ru"),  # LC with its tie bars and breve
        ("Političeskaja sistema Rossii", "ru"),  # scholarly č, translit.ru -aja
        ("Mezhdunarodnyj terrorizm i bezopasnost'", "ru"),
        # English titles with Russian words and names stay English
        ("The Kul'tura of the Soviet intelligentsia", "en"),
        ("Khrushchev and the Soviet Union", "en"),
        ("Tsarist Russia and the Ottoman Empire", "en"),
        ("Soviet foreign policy under Brezhnev", "en"),
        ("Zhukov: The Life of a Soviet Marshal", "en"),
        ("Stalin and Khrushchev", "en"),  # a name inside a title counts by its ending only
        ("Politická ekonomie", "pl"),  # Czech á is no romanisation letter (langdetect: pl)
    ],
)
def test_detect_language_romanised_russian(title: str, lang: str) -> None:
    code, evidence = detect_language(title)
    assert code == lang
    assert evidence.startswith("romanised Russian word(s): ") == (lang == "ru")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # titles set in capitals: statistics read them lowercased (langdetect said en / de)
        ("OSMANLI DEVLETİNDE TOPRAK SİSTEMİ", ("tr", "langdetect tr 1.00")),
        ("ANADOLU SELÇUKLU MİMARİSİ", ("tr", "langdetect tr 1.00")),
        ("MODERN TURKISH POLITICS", ("en", "langdetect en 1.00")),
        # Roman numerals are not Azerbaijani x-words (was az: "Turkic letters with q/x")
        ("XIX. Yüzyılda Azerbaycan’da Eğitim", ("tr", "Turkish letters in 2 word(s); 1 Turkish function word(s)")),
        ("XVIII. Yüzyıl Osmanlı Şiiri", ("tr", "Turkish letters in 3 word(s)")),
        ("Xalq yaradıcılığı", ("az", "Turkic letters with q/x")),
        # a few bare ASCII words: only en/tr are taken from langdetect (it said it, ro, de)
        ("Collocation errors", ("en", "langdetect en 0.28 (short ASCII title: en/tr only)")),
        ("Dil Politikasi", ("tr", "langdetect tr 0.14 (short ASCII title: en/tr only)")),
        ("Academic vocabulary", ("", "langdetect unsure (short ASCII title; ro 1.00)")),
        # a function word of another language keeps langdetect's full answer
        ("Der Staat und die Politik", ("de", "langdetect de 1.00")),
    ],
)
def test_detect_language_capitals_numerals_and_short_ascii(
    title: str, expected: tuple[str, str]
) -> None:
    assert detect_language(title) == expected


def _dataset() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def test_title_dataset_is_balanced_and_sourced() -> None:
    rows = _dataset()
    assert len(rows) >= 200
    counts = {lang: sum(r["lang"] == lang for r in rows) for lang in ("en", "tr", "az", "ru")}
    assert all(c >= 45 for c in counts.values()), counts
    assert all(r["source"].strip() for r in rows)


def test_unseen_title_set_is_sourced_new_and_scored() -> None:
    """titles_lang_unseen.tsv: gathered by someone who never saw the detector (docs/multilingual.md).

    At first sight the builtin detector scored 0.968 and lingua 0.991 on its 343 en/tr/az/ru
    titles; the later rules were fixed on other examples (the test above).
    """
    with (DATA.parent / "titles_lang_unseen.tsv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["lang"] in ("en", "tr", "az", "ru")]
    assert len(rows) == 343
    assert all(r["source"].startswith(("http://", "https://")) for r in rows)
    old = {r["title"].casefold().strip() for r in _dataset()}
    assert not [r["title"] for r in rows if r["title"].casefold().strip() in old]
    hits = sum(detect_language(r["title"])[0] == r["lang"] for r in rows)
    assert hits / len(rows) >= 0.98


def test_unseen_romanised_russian_titles() -> None:
    """titles_romanised_unseen.tsv: 120 real romanised Russian titles and 60 confounders, gathered
    by someone who never saw the detector. At first sight 73 of 120 were found and one English
    title ("Khrushchev and Khrushchevism") was taken for Russian (docs/multilingual.md)."""
    with (DATA.parent / "titles_romanised_unseen.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    russian = [r["title"] for r in rows if r["lang"] == "ru"]
    others = [r for r in rows if r["lang"] != "ru"]
    assert (len(russian), len(others)) == (120, 60)
    assert all(r["source"].startswith(("http://", "https://")) for r in rows)
    found = sum(detect_language(t)[0] == "ru" for t in russian)
    assert found >= 100
    assert [r["title"] for r in others if detect_language(r["title"])[0] == "ru"] == []


def test_detect_language_accuracy_beats_langdetect_on_dataset() -> None:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    rows = _dataset()
    ours = sum(detect_language(r["title"])[0] == r["lang"] for r in rows) / len(rows)

    def plain(t: str) -> str:
        try:
            return str(detect(t))
        except LangDetectException:
            return ""

    theirs = sum(plain(r["title"]) == r["lang"] for r in rows) / len(rows)
    assert ours >= 0.95
    assert ours > theirs + 0.2  # langdetect has no Azerbaijani at all


# --- look-alikes ----------------------------------------------------------------------------

TASS_ENTRY = (
    "TACC. (2020, September 28). Песков: Всем сторонам в ситуации с Нагорным Карабахом нужна "
    "максимальная сдержанность. TACC. Retrieved June 12, 2024, from https://tass.ru/politika/9568723"
)


def test_find_lookalikes_latin_tacc_in_cyrillic_entry() -> None:
    found = find_lookalikes(TASS_ENTRY, offset=100)
    assert [(lk.text, lk.intended, lk.intended_script) for lk in found] == [
        ("TACC", "ТАСС", Script.CYRILLIC),
        ("TACC", "ТАСС", Script.CYRILLIC),
    ]
    first, second = found
    assert TASS_ENTRY[first.span.start - 100 : first.span.end - 100] == "TACC"
    assert TASS_ENTRY[second.span.start - 100 : second.span.end - 100] == "TACC"
    assert first.span.start == 100
    assert romanise(fix_lookalikes(TASS_ENTRY)).startswith("TASS. (2020, September 28). Peskov:")


def test_find_lookalikes_mixed_script_word() -> None:
    text = "Аliyev, I. (2020). Addressed the nation."  # Cyrillic А
    (lk,) = find_lookalikes(text)
    assert (lk.text, lk.intended, lk.intended_script, lk.span) == (
        "Аliyev",
        "Aliyev",
        Script.LATIN,
        Span(0, 6),
    )


def test_find_lookalikes_cyrillic_acronym_in_latin_text() -> None:
    (lk,) = find_lookalikes("The Bayraktar ТВ2 kill list and the drones of the war")
    assert (lk.text, lk.intended) == ("ТВ2", "TB2")


@pytest.mark.parametrize(
    "text",
    [
        "Atherton, K. D. (2023). Mass-market military drones: TB2. MIT Technology Review.",
        "NATO and the OSCE Minsk Group. Oryx. Retrieved from https://www.oryxspioenkop.com/",
        "Ministry of Foreign Affairs of the Republic of Türkiye. QA-94. TBMM Genel Kurulu.",
        "Русская литература XIX века и XX век: CCCP",  # Roman numerals stay Latin
        "Унанянц, В. (2023). G20 дипломатия как продолжение войны. Эхо Кавказа.",
        "Березовский, Г. (2020). Парад победителей. Газета.Ru.",
    ],
)
def test_find_lookalikes_no_false_alarms(text: str) -> None:
    flagged = [lk.text for lk in find_lookalikes(text)]
    assert flagged in ([], ["CCCP"])
    if "CCCP" not in text:
        assert flagged == []


def test_find_lookalikes_trusts_the_entrys_url() -> None:
    bbc = "Русская служба BBC. (2020). Война в Карабахе: что известно. https://www.bbc.com/russian"
    assert find_lookalikes(bbc) == ()
    tass = "Песков: всем сторонам нужна максимальная сдержанность. TACC. https://tass.ru/politika"
    assert [lk.intended for lk in find_lookalikes(tass)] == ["ТАСС"]


def test_find_lookalikes_flags_latin_cccp_in_russian_text() -> None:
    (lk,) = find_lookalikes("Распад CCCP и последствия для Кавказа")
    assert lk.intended == "СССР"


# --- collation ------------------------------------------------------------------------------


def test_collation_key_turkish_azerbaijani_order() -> None:
    names = ["Şen", "Sen", "Ünal", "Ulu", "Öz", "Oz", "Çam", "Cam", "Cem", "Əliyev", "Eliyev"]
    assert sorted(names, key=collation_key) == [
        "Cam", "Cem", "Çam", "Eliyev", "Əliyev", "Oz", "Öz", "Sen", "Şen", "Ulu", "Ünal",
    ]  # fmt: skip
    assert sorted(["İnce", "Işık", "Ilgaz"], key=collation_key) == ["Işık", "Ilgaz", "İnce"]


def test_collation_key_apa_letter_by_letter() -> None:
    assert collation_key("Brown") < collation_key("Browning")  # nothing precedes something
    assert collation_key("De Vries") == collation_key("devries")
    assert collation_key("O'Neil") == collation_key("ONeil")
    assert collation_key("Pérez") == collation_key("Perez")
    assert sorted(["MacArthur", "McAllister"], key=collation_key) == ["MacArthur", "McAllister"]


def test_collation_key_sorts_cyrillic_by_romanised_form() -> None:
    names = ["Zakaria", "Захарова", "Makienko", "Новичков", "Memmedov"]
    assert sorted(names, key=collation_key) == [
        "Makienko", "Memmedov", "Новичков", "Zakaria", "Захарова",
    ]  # fmt: skip


# --- references -----------------------------------------------------------------------------


def _seed_like_text() -> tuple[str, list[Reference]]:
    entries = [
        "Макиенко, К. (2020, November 10). Как Россия проиграла во второй карабахской войне.\n"
        "*Ведомости*. https://www.vedomosti.ru/opinion/articles/2020/11/10/846462",
        TASS_ENTRY,
        "Yüzbaşıoğlu, N., & Çam, Ö. T. (2020). Dışişleri Bakanı Çavuşoğlu: Tüm imkânlarımızla "
        "Azerbaycan'ın yanındayız. *Anadolu Ajansı*.",
    ]
    text = "REFERENCES\n\n" + "\n".join(f"- {e}" for e in entries) + "\n"
    refs: list[Reference] = []
    pos = text.index("- ")
    for i, e in enumerate(entries, 1):
        start = text.index(e, pos)
        refs.append(
            Reference(
                index=i,
                raw=e.replace("\n", " "),
                span=Span(start, start + len(e)),
                line=text.count("\n", 0, start) + 1,
            )
        )
        pos = start + len(e)
    refs[0] = replace(
        refs[0],
        authors=(Person("Макиенко", "К."),),
        title="Как Россия проиграла во второй карабахской войне",
        container_title="Ведомости",
        year=2020,
    )
    refs[1] = replace(
        refs[1],
        authors=(Organization("TACC"),),
        title="Песков: Всем сторонам в ситуации с Нагорным Карабахом нужна "
        "максимальная сдержанность",
        publisher="TACC",
    )
    refs[2] = replace(
        refs[2],
        authors=(Person("Yüzbaşıoğlu", "N."), Person("Çam", "Ö. T.")),
        title="Dışişleri Bakanı Çavuşoğlu: Tüm imkânlarımızla Azerbaycan'ın yanındayız",
        year=2020,
    )
    return text, refs


def test_normalise_references_fills_norm() -> None:
    text, refs = _seed_like_text()
    out = normalise_references(refs, "ala-lc", text=text)
    assert len(out) == len(refs)
    mak, tass, yuz = out
    assert mak.norm is not None and tass.norm is not None and yuz.norm is not None
    assert mak.language == "ru" and mak.script is Script.CYRILLIC
    assert mak.norm.author_keys == ("makienko",)
    assert mak.norm.romanised_authors == "Makienko, K."
    assert mak.norm.romanised_title == "Kak Rossii͡a proigrala vo vtoroĭ karabakhskoĭ voĭne"
    assert mak.norm.romanised_container == "Vedomosti"
    assert mak.norm.romanised_entry.startswith("Makienko, K. (2020, November 10). Kak Rossii͡a")
    assert ("title", Script.CYRILLIC) in mak.norm.field_scripts
    assert [text[lk.span.start : lk.span.end] for lk in tass.norm.lookalikes] == ["TACC", "TACC"]
    assert {lk.field for lk in tass.norm.lookalikes} == {"author"}
    assert tass.norm.romanised_title.startswith("Peskov: Vsem storonam")
    assert yuz.language == "tr" and yuz.script is Script.LATIN
    assert yuz.norm.author_keys == ("yuzbasioglu", "cam")
    assert yuz.norm.romanised_entry == ""  # nothing to romanise
    assert yuz.norm.sort_key > mak.norm.sort_key  # Y after M
    assert refs[0].norm is None  # inputs untouched


def test_normalise_references_rejects_unknown_scheme() -> None:
    _, refs = _seed_like_text()
    with pytest.raises(ValueError, match="valid"):
        normalise_references(refs, "nope")


# --- robustness -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a" * 100_000,
        ("TACC " * 20_000),
        ("Аliyev " * 14_000),
        ("'" * 50_000 + "x" * 50_000),
        ("İ" * 50_000 + " ş" * 25_000),
        ("https://" + "a" * 100_000),
        ("Как " * 25_000),
    ],
    ids=["ascii", "tacc", "mixed", "apostrophes", "dotted-i", "url", "cyrillic"],
)
def test_patterns_stay_linear_on_100kb_adversarial_input(text: str) -> None:
    t = time.perf_counter()
    fold_key(text)
    romanise(text[:30_000])
    find_lookalikes(text)
    detect_script(text)
    collation_key(text[:20_000])
    detect_language(text[:5_000])
    assert time.perf_counter() - t < 5.0


@given(
    st.text(max_size=120),
    st.text(max_size=40),
    st.sampled_from(SCHEMES),
)
def test_normalise_reference_never_raises_on_arbitrary_text(
    raw: str, title: str, scheme: str
) -> None:
    ref = Reference(1, raw, Span(0, len(raw)), 1, title=title, authors=(Person(title or "X"),))
    (out,) = normalise_references([ref], scheme, text=raw)
    assert out.norm is not None and out.norm.scheme == scheme
    for lk in out.norm.lookalikes:
        assert raw[lk.span.start : lk.span.end] == lk.text
    assert not CYRILLIC.search(out.norm.romanised_entry)


def test_turned_e_typed_for_schwa_folds_like_schwa() -> None:
    # U+018E/U+01DD look like Ə/ə and are typed for them; unidecode would give "@"
    assert fold_key("Ǝliyev") == fold_key("ǝliyev") == fold_key("Əliyev") == "eliyev"
    assert fold_key(fold_key("Ǝ")) == fold_key("Ǝ") == "e"


def test_an_english_title_with_a_q_or_x_word_is_english() -> None:
    # q and x hint at Azerbaijani only beside Turkic evidence
    title = "Quantized hall conductance in a two-dimensional periodic potential"
    assert detect_language(title)[0] == "en"
    assert detect_language("Azərbaycan xalq ədəbiyyatı")[0] == "az"
