"""The labeller and the layer that turns its spans into fields: tokens, names in every order,
locators, extents, the reader choice, and a missing or corrupt model file.

The reference strings are invented examples of shapes that real lists hold (issue 14); the real
ones are measured by scripts/eval_real.py, never pinned here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from refcheck.errors import ModelError
from refcheck.model import Organization, Person
from refcheck.parse import parse_string
from refcheck.parse.labeller import LABELS, label, model_path
from refcheck.parse.labeller.features import sequence_features
from refcheck.parse.labeller.tokens import tokenize
from refcheck.parse.names import read_names


def _names(agents: tuple[object, ...] | list[object]) -> list[str]:
    return [a.display for a in agents]  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- tokens


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # GOST typed without spaces: names, title, imprint come apart
        (
            "R.M.Əliyev.Kitabın adı.-Bakı, «Maarif»,1991.",
            ["R.M.", "Əliyev.", "Kitabın", "adı.", "-Bakı,", "«Maarif»,", "1991."],
        ),
        # Vancouver: year, volume(issue) and pages glued by ";" and ":"
        ("2019;12(2):40-51.", ["2019;", "12(2):", "40-51."]),
        ("г.];12(2):40-51", ["г.];", "12(2):", "40-51"]),
        # GOST "//" glued to its neighbours
        ("adı//Jurnal.-2015.-№3.", ["adı", "//", "Jurnal.", "-2015.", "-№3."]),
        # links stay whole, whatever punctuation they hold
        ("https://doi.org/10.1000/a.b(2020)12:3-4", ["https://doi.org/10.1000/a.b(2020)12:3-4"]),
        ("doi:10.1/x.Y", ["doi:10.1/x.Y"]),
        # a domain-like name is one token
        ("Газета.Ru.", ["Газета.Ru."]),
        # page lists and initials are not cut
        ("pp. 12,13.", ["pp.", "12,13."]),
    ],
)
def test_tokens_split_what_real_lists_run_together(text: str, tokens: list[str]) -> None:
    assert [text[s:e] for s, e in tokenize(text)] == tokens


def test_tokens_keep_offsets_into_the_text() -> None:
    text = "  Smith,  J.  (2020).\tTitle."
    spans = tokenize(text)
    assert [text[s:e] for s, e in spans] == ["Smith,", "J.", "(2020).", "Title."]
    assert spans[0] == (2, 8)


def test_features_are_one_list_per_token_with_context() -> None:
    feats = sequence_features(["Иванов", "И.", "И.", "Название", "//", "Журнал.", "–", "2015."])
    assert len(feats) == 8
    assert "scr=C" in feats[0]
    assert "init" in feats[1]
    assert "kw=in" in feats[4]  # "//" is GOST's "in"
    assert "afterss" in feats[5] and "afterss" not in feats[3]
    assert "year" in feats[7] and "afteryear" not in feats[7]


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("text", "names", "et_al"),
    [
        ("Петров, И., и В. Сидорова", ["Петров, И.", "Сидорова, В."], False),
        ("Орлов АВ, Зайцева ЕМ", ["Орлов, АВ", "Зайцева, ЕМ"], False),
        ("Keller, M.; Brandt, O.", ["Keller, M.", "Brandt, O."], False),
        ("van der Berg, K.", ["van der Berg, K."], False),
        ("Smith, John, and Jane Doe", ["Smith, John", "Doe, Jane"], False),
        ("Waltz, Kenneth N.", ["Waltz, Kenneth N."], False),
        ("R.M.Əliyev", ["Əliyev, R. M."], False),
        ("Cəfər Cabbarlı", ["Cabbarlı, Cəfər"], False),
        ("И. И. Иванов, П. П. Петров", ["Иванов, И. И.", "Петров, П. П."], False),
        ("Peters OA, de la Macorra JC.", ["Peters, OA", "de la Macorra, JC"], False),
        ("ÖZDEMİR, Nebi", ["ÖZDEMİR, Nebi"], False),
        (
            "Lee, L. L., W. E. Howard, and R. E. Marsh.",
            ["Lee, L. L.", "Howard, W. E.", "Marsh, R. E."],
            False,
        ),
        ("Ahmet Kaya ve Mehmet Demir", ["Kaya, Ahmet", "Demir, Mehmet"], False),
        ("Иванов И. И. [и др.]", ["Иванов, И. И."], True),
        ("Kılıç, A. vd.", ["Kılıç, A."], True),
        ("Shamanin I.V., Chertkov Y.B. et al.", ["Shamanin, I. V.", "Chertkov, Y. B."], True),
        ("Юренев Р. Н. Эйзенштейн С. М.", ["Юренев, Р. Н.", "Эйзенштейн, С. М."], False),
        ("под ред. А. В. Петрова", ["Петрова, А. В."], False),
        ("In J. Smith (Ed.),", ["Smith, J."], False),
        ("Ed Pluth and Cindy Zeiher", ["Pluth, Ed", "Zeiher, Cindy"], False),
        ("Zakaria, Fareed.", ["Zakaria, Fareed"], False),
    ],
)
def test_names_in_every_order(text: str, names: list[str], et_al: bool) -> None:
    agents, got_et_al = read_names(text)
    assert _names(agents) == names
    assert got_et_al is et_al


def test_group_authors_stay_whole() -> None:
    agents, _ = read_names("World Health Organization")
    assert agents == [Organization("World Health Organization")]
    agents, _ = read_names("Azərbaycan Respublikasının Təhsil Nazirliyi")
    assert isinstance(agents[0], Organization)


def test_particles_stay_with_the_family_name() -> None:
    agents, _ = read_names("Ludwig van Beethoven")
    assert agents == [Person(family="Beethoven", given="Ludwig", particle="van")]


# --------------------------------------------------------------------------- shapes (issue 14)


def test_russian_mla_from_a_reference_manager() -> None:
    r = parse_string(
        "Петров, И., и В. Сидорова. «Название статьи». Вестник науки: теория и практика, "
        "т. 7, вып. 2, март 2019 г., сс. 45-61, doi:10.1234/x."
    )
    assert _names(r.authors) == ["Петров, И.", "Сидорова, В."]
    assert (r.title, r.container_title) == ("Название статьи", "Вестник науки: теория и практика")
    assert (r.volume, r.issue, r.pages, r.year, r.doi) == ("7", "2", "45-61", 2019, "10.1234/x")


def test_vancouver_with_cyrillic_names_and_a_citing_date() -> None:
    r = parse_string(
        "Орлов АВ, Зайцева ЕМ. Устойчивость пород. Геология [Интернет]. 2019 "
        "[цитируется по 3 март 2023 г.];12(2):40-51."
    )
    assert _names(r.authors) == ["Орлов, АВ", "Зайцева, ЕМ"]
    assert r.year == 2019  # not the citing date
    assert (r.volume, r.issue, r.pages) == ("12", "2", "40-51")


def test_gost_book_with_dashes_and_an_extent() -> None:
    r = parse_string("Quliyev R. Kitabın adı. -Bakı: Elm, 2004, 212 s.")
    assert _names(r.authors) == ["Quliyev, R."]
    assert (r.title, r.place, r.publisher, r.year) == ("Kitabın adı", "Bakı", "Elm", 2004)
    assert r.pages == ""  # 212 s. is the book's extent


def test_gost_run_together_punctuation() -> None:
    r = parse_string("R.M.Əliyev.Kitabın adı.-Bakı, «Maarif»,1991.")
    assert _names(r.authors) == ["Əliyev, R. M."]
    assert (r.title, r.year) == ("Kitabın adı", 1991)
    assert "Maarif" in r.publisher


def test_entry_without_an_author() -> None:
    r = parse_string('Dastan poetikası. Bakı: "Elm", 2011, 180 səh.')
    assert r.authors == ()
    assert (r.title, r.year, r.pages) == ("Dastan poetikası", 2011, "")


def test_gost_series_stays_in_the_container() -> None:
    r = parse_string(
        "Иванов И. И. Статья о крае // Вестник Томского университета. Серия 3. История. – "
        "2015. – № 3. – С. 5–9."
    )
    assert r.container_title == "Вестник Томского университета. Серия 3. История"
    assert (r.year, r.issue, r.pages) == (2015, "3", "5–9")


def test_chicago_issue_in_brackets_without_a_year() -> None:
    r = parse_string('Smith, John. "Title Here." Journal of Things 7, no. 2 (March): 15-29.')
    assert (r.container_title, r.volume, r.issue, r.pages) == (
        "Journal of Things",
        "7",
        "2",
        "15-29",
    )


def test_url_encoded_doi_is_decoded() -> None:
    r = parse_string(
        "Lee, K. (2001). Title of it. Journal, 3, 1-9. "
        "https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-0"
    )
    assert r.doi == "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0"


# --------------------------------------------------------------------------- reader choice


def test_apa_entry_with_italics_is_read_by_the_grammar_others_by_the_labeller() -> None:
    apa = "Walt, S. M. (1987). *The origins of alliances*. Cornell University Press."
    assert parse_string(apa) == parse_string(apa, reader="grammar")
    chicago = "Walt, Stephen M. The Origins of Alliances. Ithaca: Cornell University Press, 1987."
    assert parse_string(chicago).title == parse_string(chicago, reader="labeller").title
    # whoever reads the fields, the APA 7 differences are the grammar's
    assert (
        parse_string(chicago).nonconformities
        == parse_string(chicago, reader="grammar").nonconformities
    )
    assert not parse_string(chicago).apa_conformant


def test_every_label_the_model_gives_is_a_known_one() -> None:
    got = label("Smith, J. (2020). Title. Journal, 1(2), 3-4. https://doi.org/10.1/x")
    assert set(got.labels) <= set(LABELS)
    assert len(got.labels) == len(got.spans) == 8
    assert got.probability is None  # a second pass over the entry, only when asked for
    sure = label(
        "Smith, J. (2020). Title. Journal, 1(2), 3-4. https://doi.org/10.1/x", probability=True
    )
    assert sure.labels == got.labels
    assert sure.probability is not None and 0.0 < sure.probability <= 1.0


# --------------------------------------------------------------------------- bad model file


def _run(code: str, env_model: str) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "REFCHECK_LABELLER_MODEL": env_model}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )


def test_missing_model_file_is_a_model_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nope.crfsuite"
    proc = _run(
        "from refcheck.parse import parse_string\n"
        "from refcheck.errors import ModelError\n"
        "try:\n"
        "    parse_string('Walt, Stephen. The Origins. Ithaca: Cornell, 1987.')\n"
        "except ModelError as e:\n"
        "    print('ERR', e)\n",
        str(missing),
    )
    assert proc.stdout.startswith("ERR ")
    assert str(missing) in proc.stdout and "missing" in proc.stdout


def test_corrupt_model_file_is_one_line_exit_2_from_the_cli(tmp_path: Path) -> None:
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(b"not a model" * 10)
    ms = tmp_path / "m.txt"
    ms.write_text(
        "Body.\n\nReferences\n\nWalt, Stephen. The Origins. Ithaca: Cornell, 1987.\n",
        encoding="utf-8",
    )
    import os

    env = {**os.environ, "REFCHECK_LABELLER_MODEL": str(bad)}
    proc = subprocess.run(
        [sys.executable, "-m", "refcheck", "check", str(ms), "--offline"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert proc.returncode == 2
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and str(bad) in lines[0] and "Traceback" not in proc.stderr


def test_model_path_defaults_to_the_packaged_file() -> None:
    assert model_path().name == "model.crfsuite"
    assert model_path().is_file()


def test_model_error_is_a_refcheck_error() -> None:
    from refcheck.errors import RefcheckError

    assert issubclass(ModelError, RefcheckError)


def test_gost_heading_title_and_statement_of_responsibility() -> None:
    """GOST 7.0.100: the heading names the first author, the statement after "/" all of them."""
    r = parse_string(
        "Смирнова, О.П. Модель роста кристаллов / Смирнова О.П., Орлов А.В., Зайцев Е.М. "
        "// Физика и химия. - 2021. – Т. 12. – № 4. - С. 33-41."
    )
    assert _names(r.authors) == ["Смирнова, О. П.", "Орлов, А. В.", "Зайцев, Е. М."]
    assert (r.title, r.container_title) == ("Модель роста кристаллов", "Физика и химия")
    assert (r.year, r.volume, r.issue, r.pages) == (2021, "12", "4", "33-41")


def test_gost_areas_with_horizontal_bars_inside_a_container() -> None:
    r = parse_string(
        "Lind, K.P. Surface Waves on Thin Films // Journal of Applied Waves. ―2022. ― V.41. "
        "― Iss.3. ― P.101-109."
    )
    assert (r.title, r.container_title) == (
        "Surface Waves on Thin Films",
        "Journal of Applied Waves",
    )
    assert (r.year, r.volume, r.issue, r.pages) == (2022, "41", "3", "101-109")


def test_quoted_title_then_its_source_in_one_run() -> None:
    r = parse_string(
        "Demir, A. (2008), “Yerel Yayıncılıkta Yeni Dönem”, İletişim Araştırmaları, 14, "
        "2nd Quarter, s. 55-70."
    )
    assert (r.title, r.container_title) == (
        "Yerel Yayıncılıkta Yeni Dönem",
        "İletişim Araştırmaları",
    )
    assert (r.volume, r.pages) == ("14", "55-70")


def test_a_year_with_the_word_year_joined_to_it_is_the_year() -> None:
    for text, year in (
        ("Qodirov S.M. Dvigatel va avtomobillar nazariyasi. Toshkent. O'qituvchi. 1982-yil.", 1982),
        ("Щетина В.А. Подвижной состав автотранспорта. Москва, «Транспорт». 1989-год.", 1989),
    ):
        assert parse_string(text).year == year
    assert parse_string("Tarix. Toshkent, 1982-yil.", reader="grammar").year == 1982


def test_a_title_ending_with_its_part_number_gives_the_volume() -> None:
    r = parse_string("Mamatov X. Avtomobillar. 2-qism. Toshkent, «O'qituvchi», 1998-yil.")
    assert (r.title, r.volume, r.year) == ("Avtomobillar", "2", 1998)


def test_the_year_of_an_access_date_is_not_the_year_of_the_work() -> None:
    r = parse_string(
        "ANOVA // Statsmodels Documentation. - URL: https://www.statsmodels.org/stable/anova.html "
        "(дата обращения: 13.05.2026)"
    )
    assert r.year is None
    assert r.accessed is not None and r.accessed.year == 2026


def test_a_gost_statement_after_the_slash_names_every_author() -> None:
    r = parse_string(
        "Аграновский А.В. Практическая криптография: алгоритмы и их программирование / "
        "А.В. Аграновский, Р.А. Хади. – Москва: Солон-Пресс, 2009. – 256 с."
    )
    assert [a.family for a in r.authors if isinstance(a, Person)] == ["Аграновский", "Хади"]


def test_editors_after_by_are_read_given_name_first() -> None:
    r = parse_string(
        "Bouchard, Gianna. 2010. “ORLAN Anatomized.” In ORLAN: A Hybrid Body of Artworks, edited "
        "by Simon Donger, Simon Shepard, and ORLAN, 62–72. London and New York: Routledge."
    )
    assert [a.display for a in r.editors] == ["Donger, Simon", "Shepard, Simon", "ORLAN"]


def test_a_book_with_a_publisher_keeps_the_title_the_grammar_read() -> None:
    r = parse_string(
        "Effland, Andreas, and Ute Effland. 2013. Abydos: Tor zur ägyptischen Unterwelt. "
        "Mainz-Darmstadt: Wissenschaftliche Buchgesellschaft."
    )
    assert (r.title, r.publisher) == (
        "Abydos: Tor zur ägyptischen Unterwelt",
        "Wissenschaftliche Buchgesellschaft",
    )


def test_turkish_law_journal_labels_with_a_colon_give_volume_and_issue() -> None:
    r = parse_string(
        "Kaya, C., “Konut Satış Sözleşmeleri”, İstanbul Barosu Dergisi, C:92, S:3, s.89-110, 2018."
    )
    assert (r.container_title, r.volume, r.issue, r.pages) == (
        "İstanbul Barosu Dergisi",
        "92",
        "3",
        "89-110",
    )


def test_two_apostrophes_quote_a_title() -> None:
    r = parse_string("Lund, X., (1997), ''Musical Sound Modelling'', Signal Processing, 3, 1-9.")
    assert r.title == "Musical Sound Modelling"


def test_pages_before_a_month_and_year_are_pages() -> None:
    r = parse_string(
        "R. Kaya and G. H. Lund, “Wrappers for feature subset selection,” Artif Intell, "
        "vol. 97, no. 1–2, pp. 273–324, Dec. 1997, doi: 10.1016/S0004-3702(97)00043-X.",
        reader="labeller",
    )
    assert (r.volume, r.issue, r.pages, r.year) == ("97", "1–2", "273–324", 1997)


def test_an_in_press_word_after_the_authors_is_the_date_and_the_title_follows() -> None:
    r = parse_string(
        "Shagal, Ksenia, and Alena Blinova (to appear). Bivalent verb classes in Skolt Saami: "
        "A pilot study. In Rogier Blokland (eds.), Saami Linguistics in Uppsala. Studia "
        "Uralica Upsaliensia 41."
    )
    assert (r.in_press, r.year, r.title) == (
        True, None, "Bivalent verb classes in Skolt Saami: A pilot study",
    )  # fmt: skip


def test_a_role_in_parentheses_ends_the_names_and_they_are_the_editors() -> None:
    r = parse_string(
        "AGHION Irène (dir.), Caylus, mécène du roi : collectionner les antiquités au XVIIIe "
        "siècle, Paris, INHA, 2002."
    )
    assert (r.authors, r.editors) == ((), (Person("AGHION", "Irène"),))
    assert r.title == "Caylus, mécène du roi : collectionner les antiquités au XVIIIe siècle"


def test_a_french_article_loses_dans_its_guillemet_and_keeps_a_range_without_its_dash() -> None:
    r = parse_string(
        "BALLERI Rita, « Il Settecento e la cultura antiquaria tra Firenze e Roma : il “Museum "
        "Florentinum” », dans Proporzioni, 2007, p. 97 141."
    )
    assert (r.title, r.container_title, r.pages) == (
        "Il Settecento e la cultura antiquaria tra Firenze e Roma : il “Museum Florentinum”",
        "Proporzioni",
        "97 141",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Danilenko, VA & Nagornyy, VP 2006, ’Technological complex for intensification of energy "
        "production’, Science and innovation, vol. 2, no. 5, pp. 34–40. (in Ukrainian)",
        "Danilenko, VA & Nagornyy, VP 2006, 'Technological complex for intensification of energy "
        "production', Science and innovation, vol. 2, no. 5, pp. 34–40.",
    ],
)
def test_harvard_agps_initials_without_periods_a_right_quote_and_a_language_note(
    text: str,
) -> None:
    r = parse_string(text)
    assert [a.display for a in r.authors] == ["Danilenko, VA", "Nagornyy, VP"]
    assert (r.year, r.title, r.container_title, r.volume, r.issue, r.pages) == (
        2006, "Technological complex for intensification of energy production",
        "Science and innovation", "2", "5", "34–40",
    )  # fmt: skip
    assert r.raw == text  # the note stays in the entry as written


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Toporov V. N. «Bednaya Liza» Karamzina: Opyt prochteniya [“Poor Liza” by Nikolai "
         "Karamzin: An Attempted Interpretation]. Moscow, The Russian State University for the "
         "Humanities Publ., 1995. 512 p.", "«Bednaya Liza» Karamzina: Opyt prochteniya"),
        ("Kahane, G., Everett, J. A., Earp, B. D., Farias, M., & Savulescu, J. (2015). "
         "“Utilitarian” judgments in sacrificial moral dilemmas do not reflect impartial concern "
         "for the greater good. Cognition, 134, 193–209.",
         "“Utilitarian” judgments in sacrificial moral dilemmas do not reflect impartial concern "
         "for the greater good"),
    ],
)  # fmt: skip
def test_a_quoted_name_opening_a_title_that_goes_on_is_part_of_it(text: str, title: str) -> None:
    assert parse_string(text).title == title


def test_a_quoted_title_before_a_thesis_kind_ends_at_its_quote() -> None:
    r = parse_string(
        "Abdurahmonova Z.X. “O’smirda milliy birlik tuyg‘usini shakllantirish” nomzodlik "
        "dissertatsiyasi. T.: 2006, - 140 b."
    )
    assert (r.title, r.genre, r.container_title) == (
        "O’smirda milliy birlik tuyg‘usini shakllantirish", "nomzodlik dissertatsiyasi", "",
    )  # fmt: skip


def test_an_entry_past_the_tagged_length_keeps_a_label_per_token_its_tail_a_note() -> None:
    from refcheck.parse.labeller import MAX_TAGGED

    text = "Orlov A. V. Title of the work. Journal, 2019, 7(2), 45-61. " + "word " * MAX_TAGGED
    lab = label(text)
    assert len(lab.labels) == len(lab.spans) > MAX_TAGGED
    assert lab.labels[0] == "author" and set(lab.labels[MAX_TAGGED:]) == {"note"}
    r = parse_string(text, reader="labeller")
    assert (r.year, r.volume, r.pages) == (2019, "7", "45-61")  # one record, its head read


def test_an_mla_issue_before_a_season_stays_the_issue() -> None:
    # "no. 1, spring 2014": the model reads the issue into the date; its label word takes it back
    r = parse_string(
        'Brantley, Richard E. "The Interrogative Mood." Religion and Literature, vol. 46,'
        " no. 1, spring 2014, pp. 157-65."
    )
    assert (r.container_title, r.volume, r.issue, r.pages, r.year) == (
        "Religion and Literature", "46", "1", "157-65", 2014,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "url"),
    [
        (
            'Brantley, Richard E. "The Interrogative Mood." Religion and Literature, vol. 46,'
            " no. 1, 2014, pp. 157-65. JSTOR, www.jstor.org/stable/24752995. Accessed 27 Nov. 2023.",
            "www.jstor.org/stable/24752995",
        ),
        (
            "Spenser, Edmund. The Faerie Queene. Edited by J. C. Smith, Clarendon Press, 1909,"
            " archive.org/details/faeriequeen01spen/page/180/mode/2up.",
            "archive.org/details/faeriequeen01spen/page/180/mode/2up",
        ),
        (  # a site's bare name with no path is no link
            "Smith, J. (2019). Title. Publisher. See www.site.com for more.",
            "",
        ),
    ],
)
def test_an_mla_link_written_without_its_scheme_is_the_url(text: str, url: str) -> None:
    assert parse_string(text).url == url


def test_a_portuguese_retrieval_phrase_introduces_the_link() -> None:
    # ABNT and Brazilian author-date lists: "Disponível em www… (acesso em …)"
    r = parse_string(
        "Clements, F.E. 1916. Plant succession: an analysis of the development of vegetation."
        " BHL: Biodiversity Heritage Library. Disponível em www.biodiversitylibrary.org/"
        " (acesso em 18-V-2020)."
    )
    assert r.url == "www.biodiversitylibrary.org/"
    assert "Disponível" not in r.container_title and "Disponível" not in r.title


@pytest.mark.parametrize(
    ("text", "pages"),
    [
        ('Bloom, Harold. "Introduction." Bloom and Gleed, pp. ix-xi.', "ix-xi"),
        (  # a Cochrane review's article number in the pages' place
            "Walsh T, Worthington HV. Fluoride toothpastes. Cochrane Database Syst Rev."
            " 2019;3(3):CD007868.",
            "CD007868",
        ),
        (
            'Gao, Haihong. "An Analysis." Theory and Practice in Language Studies, vol. 8, no. 12,'
            " Dec. 2018, pp. 1725+.",
            "1725+",
        ),
    ],
)
def test_pages_in_roman_numerals_not_in_a_row_or_as_an_article_number(
    text: str, pages: str
) -> None:
    assert parse_string(text).pages == pages


def test_a_chicago_special_issue_names_its_journal_after_the_words() -> None:
    r = parse_string(
        "Cabrera Lafuente, Ana. “Textiles from the Museum of San Isidoro (León): New Evidence"
        " for Re-evaluating Their Chronology and Provenance.” In “The Medieval Iberian Treasury"
        " in the Context of Cultural Interchange,” edited by Therese Martin. Special issue,"
        " Medieval Encounters 25, no. 1–2 (2019): 59–95."
    )
    assert r.container_title == "Medieval Encounters"


@pytest.mark.parametrize(
    ("text", "volume", "issue"),
    [
        # a Latin "N" typed for the number sign: the issue, as "№ 2" is
        ("Кумахова Т.Х. Некоторые особенности гистогенеза плодов в горах // Известия ТСХА. "
         "2011. N 2. С. 75-92.", "", "2"),
        # "N 16 (3)": the list uses the sign for the volume; the parenthesis is the issue
        ("Tansley A.G. The use and abuse of vegetational terms and concepts // Ecology. 1935. "
         "N 16 (3). Р. 284–307", "16", "3"),
    ],
)  # fmt: skip
def test_a_latin_n_before_a_number_marks_the_issue(text: str, volume: str, issue: str) -> None:
    r = parse_string(text)
    assert (r.volume or "", r.issue or "") == (volume, issue)
    assert r.type == "article-journal"


def test_a_journal_named_izvestiya_something_is_no_newspaper() -> None:
    journal = parse_string("Горбунова А.А. Регулирование // Известия АлтГУ. - 2015. - №3(87). "
                           "- С.163-166.")  # fmt: skip
    daily = parse_string("Иванов И. Статья // Известия. 2011. 5 мая. С. 3.")
    assert (journal.type, daily.type) == ("article-journal", "article-newspaper")


@pytest.mark.parametrize(
    ("text", "title", "container"),
    [
        # a quoted chapter, then "in" and the book's editors before the book
        ('Braude, Benjamin, "Founding Myths of the Millet System," in Benjamin Braude and '
         "Bernard Lewis, Christians and Jews in the Ottoman Empire: The Functioning of a Plural "
         "System , New York, Holmes and Meier, 1982.",
         "Founding Myths of the Millet System",
         "Christians and Jews in the Ottoman Empire: The Functioning of a Plural System"),
        # "(1991): “Title”, Journal, …": the date's colon is no part of the title
        ("Bohn, H., (1991): “On Testing Sustainability of Government Deficits in a Stochastic "
         "Environment”, Journal of Money, Credit and Banking 27, 257-271.",
         "On Testing Sustainability of Government Deficits in a Stochastic Environment",
         "Journal of Money, Credit and Banking"),
    ],
)  # fmt: skip
def test_a_quoted_title_ends_at_its_closing_quote(text: str, title: str, container: str) -> None:
    r = parse_string(text)
    assert (r.title, r.container_title) == (title, container)


def test_a_minus_sign_between_page_numbers_is_a_range() -> None:
    # U+2212, as PDF extraction gives the en dash of "28–31"
    r = parse_string("Ashton, C., & Morton, L. (2005). Managing talent for competitive advantage. "
                     "Strategic HR Review, 4(5), 28−31.")  # fmt: skip
    assert (r.volume, r.issue, r.pages) == ("4", "5", "28–31")


@pytest.mark.parametrize(
    ("text", "container", "volume", "issue"),
    [
        ("Koppke, Karolyna de Paula. «Considerações sobre a formação». Revista de História da "
         "Arte e da Cultura 5, núm. 2 (2024): 87-102.",
         "Revista de História da Arte e da Cultura", "5", "2"),
        # Spanish "En" before a chapter's book, as "In"
        ("Fernández, Justino. «La crítica de arte». En El arte del siglo XIX en México, 129-130. "
         "México: Universidad Nacional Autónoma de México, 1967.",
         "El arte del siglo XIX en México", "", ""),
    ],
)  # fmt: skip
def test_spanish_source_words_num_and_en(
    text: str, container: str, volume: str, issue: str
) -> None:
    r = parse_string(text)
    assert (r.container_title, r.volume or "", r.issue or "") == (container, volume, issue)


def test_a_role_after_semicolon_separated_names_makes_them_all_editors() -> None:
    r = parse_string("Fraistat, Neil; Julia Flanders (eds.), The Cambridge Companion to Textual "
                     "Scholarship. Cambridge: Cambridge University Press 2013.")  # fmt: skip
    assert r.authors == ()
    assert [e.display for e in r.editors] == ["Fraistat, Neil", "Flanders, Julia"]
    assert r.title == "The Cambridge Companion to Textual Scholarship"


def test_later_names_joined_by_a_french_et_stay_authors() -> None:
    r = parse_string("Kittler, Friedrich A., Frédérique Vargoz, Emmanuel Alloa, et Emmanuel Guez. "
                     "Gramophone, nlm, typewriter. Dijon: les Presses du réel, 2018.")  # fmt: skip
    assert [a.display for a in r.authors] == [
        "Kittler, Friedrich A.", "Vargoz, Frédérique", "Alloa, Emmanuel", "Guez, Emmanuel"]  # fmt: skip
    assert r.title == "Gramophone, nlm, typewriter"


def test_a_turkish_visit_date_before_the_link_is_when_it_was_read() -> None:
    r = parse_string("Özsaraç, Halil. (2024). Batı Asya denizlerinde emperyalist oyunlar-II. Aydınlık. "
                     "5 Ekim 2023 tarihinde https://www.aydinlik.com.tr/koseyazisi/bati-asya-444031 "
                     "adresinden alındı.")  # fmt: skip
    assert (r.year, r.title, r.container_title) == (
        2024,
        "Batı Asya denizlerinde emperyalist oyunlar-II",
        "Aydınlık",
    )
    assert r.accessed is not None and (r.accessed.year, r.accessed.month, r.accessed.day) == (
        2023,
        10,
        5,
    )


def test_a_ziyaret_tarihi_after_the_link_gives_no_year() -> None:
    r = parse_string("Burak Işıklı, Veri Madenciliği Nedir, https://burakisikli.wordpress.com/2009/"
                     "02/15/veri/ (Ziyaret Tarihi: 14 Ocak 2018).")  # fmt: skip
    assert r.year is None
    assert r.accessed is not None and (r.accessed.year, r.accessed.month) == (2018, 1)


@pytest.mark.parametrize(
    ("text", "container", "publisher"),
    [
        ("Makel, M. C., Plucker, J. A., & Hegarty, B. (2012). Replications in psychology research: "
         "How often do they really occur? Perspectives on Psychological Science. "
         "https://doi.org/10.1177/1745691612460688", "Perspectives on Psychological Science", ""),
        # an organisation's name beside a DOI stays the publisher of a book
        ("Smith, J. (2019). Social media use and well-being. American Psychological Association. "
         "https://doi.org/10.1037/0000123-000", "", "American Psychological Association"),
    ],
)  # fmt: skip
def test_a_journal_named_by_its_subject_beside_a_doi_is_the_container(
    text: str, container: str, publisher: str
) -> None:
    r = parse_string(text)
    assert (r.container_title, r.publisher) == (container, publisher)


@pytest.mark.parametrize(
    ("text", "title", "container"),
    [
        ("Rebecchi, Marie et Elena Vogman. « Valeurs excessives : Le Capital de Sergueï Eisenstein "
         "et l’économie visuelle de Georges Bataille ». In Le supermarché des images, édité par "
         "Peter Szendy,181-194. Paris : Gallimard, 2020.", "Valeurs excessives : Le Capital de "
         "Sergueï Eisenstein et l’économie visuelle de Georges Bataille", "Le supermarché des images"),
        ("KANT, Emmanuel. Werke in Zehn Bänden [Obras em Dez Volumes], editado por Wilhelm "
         "Weischedel. Darmstadt: Wissenschaftliche Buchgesellschaft, 1983.",
         "Werke in Zehn Bänden", ""),
        ("Camus, Albert, et Jean Grenier. Correspondance 1932-1960, avertissement et notes par "
         "Marguerite Dobrenn. Paris : Gallimard, 1981.", "Correspondance 1932-1960", ""),
    ],
)  # fmt: skip
def test_an_editors_or_translators_statement_in_french_spanish_or_german_leaves_the_title(
    text: str, title: str, container: str
) -> None:
    r = parse_string(text)
    assert (r.title, r.container_title) == (title, container)


def test_a_chinese_entry_with_full_width_punctuation_reads_like_any_apa_entry() -> None:
    r = parse_string("胡美娟，彭文波，杨允.(2011).当代农民工感知社会支持、自尊和主观幸福感的关系．"
                     "心理科学,34(6),1414-1421.")  # fmt: skip
    assert [a.display for a in r.authors] == ["胡美娟", "彭文波", "杨允"]
    assert (r.year, r.title, r.container_title) == (
        2011,
        "当代农民工感知社会支持、自尊和主观幸福感的关系",
        "心理科学",
    )
    assert (r.volume, r.issue, r.pages) == ("34", "6", "1414-1421")


@pytest.mark.parametrize(
    ("text", "author", "title"),
    [
        ("Amnistie internationale. 2013. Empty Words and Double Standards: Canada’s Failure to "
         "Respect and Uphold International Human Rights. http://www.amnesty.ca/sites/upr16.pdf",
         "Amnistie internationale",
         "Empty Words and Double Standards: Canada’s Failure to Respect and Uphold International "
         "Human Rights"),
        ("Comité permanent des comptes publics. 2009. Rapport du Comité permanent des comptes "
         "publics, 40e législature, 2e session, Ottawa, Communications Canada.",
         "Comité permanent des comptes publics", None),
    ],
)  # fmt: skip
def test_a_name_then_the_year_alone_then_a_title_is_a_group_author(
    text: str, author: str, title: str | None
) -> None:
    r = parse_string(text)
    assert [a.display for a in r.authors] == [author]
    assert isinstance(r.authors[0], Organization)
    if title is not None:
        assert r.title == title


def test_lower_case_words_after_a_gost_names_initials_are_the_title() -> None:
    # the model ran the names on to "//": a name is capitalised words and initials, not "о"
    ref = parse_string("Иванов И. И. Статья о науке // Вестник науки. – 2019. – № 2. – С. 10–20.")
    assert ref.authors == (Person("Иванов", "И. И."),)
    assert ref.title == "Статья о науке"
    assert ref.container_title == "Вестник науки"


def test_a_few_words_and_a_comma_before_a_bare_link_are_the_pages_title() -> None:
    ref = parse_string(
        "Mobil Oyun Yapımı, https://www.udemy.com/course/mobiloyunyapimi, Erişim Tarihi: 2021-01-06"
    )
    assert (ref.authors, ref.title) == ((), "Mobil Oyun Yapımı")
    # an inverted name before the link stays the author
    assert parse_string("Tarnawsky, Nadia. https://www.nadiatarnawsky.com/").authors == (
        Person("Tarnawsky", "Nadia"),
    )


def test_an_abnt_article_gives_its_names_issue_and_government_author() -> None:
    # Brazilian ABNT NBR 6023: "SURNAME, Given names;" between authors, "v. 39, n. 2, p. 48-67"
    ref = parse_string(
        "ELIAS, Ana Paula de Andrade Janz; ROCHA, Flavia Sucheck Mateus da; MOTTA, Marcelo "
        "Souza. Construção de aplicativos para aulas de Matemática no Ensino Médio. Boletim "
        "Técnico do Senac, v. 39, n. 2, p. 48-67, ago. 2013."
    )
    assert [a.display for a in ref.authors] == [
        "ELIAS, Ana Paula de Andrade Janz",
        "ROCHA, Flavia Sucheck Mateus da",
        "MOTTA, Marcelo Souza",
    ]
    assert (ref.container_title, ref.volume, ref.issue, ref.pages) == (
        "Boletim Técnico do Senac",
        "39",
        "2",
        "48-67",
    )
    # a particle among a single author's given names, "et al." after them
    costa = parse_string(
        "COSTA, Roberta Dall Agnese da et al. Desenvolvimento e avaliação de aplicativos. "
        "Scientia cum Industria, v. 7, n. 1, p. 27-32, 2019."
    )
    assert costa.authors == (Person("COSTA", "Roberta Dall Agnese da"),) and costa.et_al
    # the government as author: one word in capitals, then the title
    brasil = parse_string("BRASIL. Base Nacional Comum Curricular. Brasília: MEC, 2017.")
    assert [a.display for a in brasil.authors] == ["BRASIL"]
    assert brasil.title == "Base Nacional Comum Curricular"


def test_an_italian_journal_number_after_the_year_is_the_issue() -> None:
    # AIB style: «Journal», volume (year), n. issue, p. pages
    ref = parse_string(
        "Luigi Crocetti. Casamassima e Firenze: dal Soggettario all'alluvione. "
        "«Biblioteche oggi», 24 (2006), n. 3, p. 11-14."
    )
    assert (ref.container_title, ref.volume, ref.issue, ref.pages) == (
        "Biblioteche oggi",
        "24",
        "3",
        "11-14",
    )


def test_the_sentence_before_a_journal_in_guillemets_is_the_title() -> None:
    ref = parse_string(
        "Alberto Petrucciani. Lettere al direttore. «Bollettino AIB», 43 (2003), n. 3, p. 339."
    )
    assert (ref.title, ref.container_title, ref.volume, ref.issue) == (
        "Lettere al direttore",
        "Bollettino AIB",
        "43",
        "3",
    )


@pytest.mark.parametrize(
    "text, author, title, editors",
    [
        (
            "Ortega, Luis. Historia de las misiones. Editado por Ana Ruiz Soler y Juan Manuel "
            "Peña. Madrid: Cátedra, 2004.",
            "Ortega, Luis",
            "Historia de las misiones",
            ["Soler, Ana Ruiz", "Peña, Juan Manuel"],
        ),
        (
            "Weber, Max. Schriften zur Soziologie. Herausgegeben von Anna Vogt. Berlin: "
            "Suhrkamp, 1990.",
            "Weber, Max",
            "Schriften zur Soziologie",
            ["Vogt, Anna"],
        ),
        (
            "Ortega, Luis. Historia de las misiones. Traducido por Ana Ruiz. Madrid: Cátedra, 2004.",
            "Ortega, Luis",
            "Historia de las misiones",
            [],
        ),
    ],
)
def test_role_phrases_spelt_out_in_other_languages_read_as_edited_by(
    text: str, author: str, title: str, editors: list[str]
) -> None:
    # "Editado por X." is "Edited by X.": the names are the book's editors (given name first,
    # "y" between two of them), a translator is no editor, and neither is part of the title
    r = parse_string(text, reader="labeller")
    assert ([a.display for a in r.authors], r.title) == ([author], title)
    assert [e.display for e in r.editors] == editors


def test_feature_words_of_a_foreign_role_phrase_are_the_english_ones() -> None:
    from refcheck.parse.labeller.features import _english_roles

    assert _english_roles(["Editado", "por", "Ana", "Ruiz."]) == ["Edited", "by", "Ana", "Ruiz."]
    assert _english_roles(["a", "cura", "di", "Laura"]) == ["a", "edited", "by", "Laura"]
    words = ["La", "traducción", "de", "la", "poesía"]  # a title's words stay as they are
    assert _english_roles(words) is words


@pytest.mark.parametrize(
    "text, title, authors, journal, year",
    [
        (
            "Словарь говоров северного края Петрова А.В., Сидоров И.Н. Вестник филологии. 2021. "
            "№ 4. С. 10–22.",
            "Словарь говоров северного края",
            ["Петрова, А. В.", "Сидоров, И. Н."],
            "Вестник филологии",
            2021,
        ),
        (
            "Корпус текстов малых языков Поволжья Т.П. Орлова, Н.Г. Зуева. Труды института "
            "языкознания. 2020. № 7. С. 100–115.",
            "Корпус текстов малых языков Поволжья",
            ["Орлова, Т. П.", "Зуева, Н. Г."],
            "Труды института языкознания",
            2020,
        ),
    ],
)
def test_a_title_first_then_names_then_the_journal_as_elibrary_lists_them(
    text: str, title: str, authors: list[str], journal: str, year: int
) -> None:
    r = parse_string(text, reader="labeller")
    assert (r.title, [a.display for a in r.authors]) == (title, authors)
    assert (r.container_title, r.year) == (journal, year)


@pytest.mark.parametrize(
    "text, first",
    [
        ("Robert Bieri and J. R. J. Groves, The geometry of sets, J. Math. 347 (1984), 168–195.",
         "Bieri, Robert"),
        ("Adam Coates and Andrew Y. Ng. Learning Feature Representations. Stanford, 2012.",
         "Coates, Adam"),
    ],
)
def test_names_written_given_first_are_no_title_before_names(text: str, first: str) -> None:
    r = parse_string(text, reader="labeller")
    assert r.authors and r.authors[0].display == first


def test_a_gost_site_page_names_the_site_then_the_page_then_its_kind() -> None:
    r = parse_string(
        "Техснаб : Хладон 218 : сайт. – Москва, 2021 – . – URL: https://tehsnab.example/h218 "
        "(дата обращения: 25.05.2024). – Текст : электронный.",
        reader="labeller",
    )
    assert (r.authors, r.title, r.container_title, r.year) == ((), "Хладон 218", "Техснаб", 2021)
    assert (r.type, r.url) == ("webpage", "https://tehsnab.example/h218")


def test_a_page_of_a_site_with_only_a_link_is_a_web_page() -> None:
    r = parse_string(
        'King, Tessa. "Labor and Land." Decolonization. Accessed August 9, 2014. '
        "http://decolonization.example/king/",
        reader="labeller",
    )
    assert (r.container_title, r.type) == ("Decolonization", "webpage")


def test_a_cura_di_after_an_italian_book_names_its_editors() -> None:
    r = parse_string(
        "Marco Rossi. Le biblioteche italiane. In: Studi offerti a Luigi Neri, a cura di Paola "
        "Bianchi, Carlo Verdi. Milano: Editrice bibliografica, 2004, p. 383-387.",
        reader="labeller",
    )
    assert (r.container_title, r.pages) == ("Studi offerti a Luigi Neri", "383-387")
    assert [e.display for e in r.editors] == ["Bianchi, Paola", "Verdi, Carlo"]


def test_agps_harvards_bare_initials_before_the_year_close_the_names() -> None:
    r = parse_string(
        "Pinka, J, Wittenberger, G & Engel, J 2007, Borehole mining: University textbook, "
        "ES F BERG TU Košice."
    )
    assert [a.display for a in r.authors] == ["Pinka, J", "Wittenberger, G", "Engel, J"]
    assert (r.year, r.container_title) == (2007, "")
    law = parse_string("Kubis, ZUM 2006, 370, 370 ff.")  # a law journal's name, no initials
    assert [a.display for a in law.authors] == ["Kubis"]


def test_a_title_does_not_end_on_and_or_of() -> None:
    r = parse_string(
        "Pinka, J 2013, Exploration and extraction of unconventional oil and gas: Monograph, "
        "TU VŠB Ostrava, Ostrava."
    )
    assert r.title == "Exploration and extraction of unconventional oil and gas"
