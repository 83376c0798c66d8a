"""Plain-text and regional entry forms the grammar learned in the second round.

Each case is one real-looking shape (from AnyStyle's labelled data or editors' practice) with
the exact fields expected, so a regression names the form it broke.
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers import parsed_fields

from refcheck.model import PartialDate, Person, Reference
from refcheck.parse import parse_string as _parse_string


def parse_string(text: str) -> Reference:
    """These tests pin the grammar's rules (the labeller reads non-APA entries in the pipeline;
    its shapes are pinned in test_parse_labeller.py). The grammar also decides P103."""
    return _parse_string(text, reader="grammar")

def _fields(text: str) -> dict[str, Any]:
    return parsed_fields(text, reader="grammar")  # the grammar's rules, see parse_string


CASES: list[tuple[str, str, dict[str, Any]]] = [
    (
        "place-with-state",
        "Moustakas, C. (1994). Phenomenological research methods. Thousand Oaks, CA: Sage.",
        {"type": "book", "publisher": "Sage", "place": "Thousand Oaks, CA"},
    ),
    (
        "html-italics-with-volume-inside",
        "Gysbers, N. C. (2006). Improving school guidance. "
        "<italic>Professional School Counseling, 9</italic>, 245-247.",
        {"container": "Professional School Counseling", "volume": "9", "pages": "245-247"},
    ),
    (
        "question-mark-title-then-journal",
        "Easterlin, R.A. (1995). Will raising the incomes of all increase the happiness of all? "
        "Journal of Economic Behavior and Organization, 29(1), 35-47.",
        {
            "title": "Will raising the incomes of all increase the happiness of all?",
            "container": "Journal of Economic Behavior and Organization",
            "volume": "29",
            "issue": "1",
            "pages": "35-47",
        },
    ),
    (
        "vol-no-pp",
        "Selman, B., & Kautz, H. A. (1996). Knowledge compilation. "
        "Journal of the ACM, Vol. 43, No. 2, pp. 193-224.",
        {"container": "Journal of the ACM", "volume": "43", "issue": "2", "pages": "193-224"},
    ),
    (
        "turkish-cilt-sayi",
        "Kaya, M. (2018). Orta Asya politikası. Bilig, C. 85, S. 2, ss. 55-78.",
        {"container": "Bilig", "volume": "85", "issue": "2", "pages": "55-78"},
    ),
    (
        "turkish-cilt-sayi-words",
        "Efegil, E. (2010). Rusya'nın Orta Asya politikası. Akademik Bakış, Cilt 4, Sayı 7, s. 1-24.",
        {"container": "Akademik Bakış", "volume": "4", "issue": "7", "pages": "1-24"},
    ),
    (
        "russian-t-no-s",
        "Сидоров, В. И. (2017). Тюркский мир. Вопросы истории, Т. 12, № 3, С. 88–101.",
        {"container": "Вопросы истории", "volume": "12", "issue": "3", "pages": "88–101"},
    ),
    (
        "azerbaijani-seh",
        "Məmmədov, R. (2019). Enerji təhlükəsizliyi. Strateji Təhlil, 3(27), səh. 34-52.",
        {"container": "Strateji Təhlil", "volume": "3", "issue": "27", "pages": "34-52"},
    ),
    (
        "harvard-bare-year-abbreviated-journal",
        "Simpson, M. G. 1993. Septal nectary anatomy. Syst. Bot. 18: 593–613.",
        {
            "authors": ["Simpson, M. G."],
            "year": 1993,
            "title": "Septal nectary anatomy",
            "container": "Syst. Bot",
            "volume": "18",
            "pages": "593–613",
        },
    ),
    (
        "gost-with-dashes",
        "Иванов И. И. Геополитика // Мировая экономика. — 2019. — Т. 63, № 5. — С. 34–45.",
        {
            "type": "article-journal",
            "authors": ["Иванов, И. И."],
            "container": "Мировая экономика",
            "volume": "63",
            "issue": "5",
            "pages": "34–45",
        },
    ),
    (
        "gost-book-edited",
        "Кавказ: история и современность / под ред. В. В. Наумкина. М.: ИВ РАН, 2018. 412 с.",
        {
            "type": "book",
            "authors": [],
            "editors": ["Наумкина, В. В."],
            "year": 2018,
            "title": "Кавказ: история и современность",
            "publisher": "ИВ РАН",
        },
    ),
    (
        "gost-book-dashes",
        "Мухин В. Б. Военная реформа в Азербайджане. – М.: Аспект Пресс, 2017. – 256 с.",
        {"type": "book", "year": 2017, "publisher": "Аспект Пресс"},
    ),
    (
        "british-chapter",
        "Lasnik, H. (1991). 'On the necessity of binding conditions', in R. Freidin (ed.), "
        "Principles and parameters in comparative grammar. Cambridge, MA: MIT Press, 7-28.",
        {
            "type": "chapter",
            "title": "On the necessity of binding conditions",
            "editors": ["Freidin, R."],
            "container": "Principles and parameters in comparative grammar",
            "pages": "7-28",
            "publisher": "MIT Press",
        },
    ),
    (
        "plain-chapter-title-with-sentence",
        "Goodin, R. E. (1992). If people were money. In B. Barry & R. Goodin (Eds.), Free "
        "Movement. Ethical Issues in Migration (pp. 6-23). University Park, PA: Penn State Press.",
        {
            "container": "Free Movement. Ethical Issues in Migration",
            "pages": "6-23",
            "publisher": "Penn State Press",
        },
    ),
    (
        "turkish-chapter-plain-icinde",
        "Erol, M. S. (2012). Türkiye-Rusya ilişkileri. İ. Bal (Ed.), 21. Yüzyılda Türk Dış "
        "Politikası içinde (ss. 451-480). Ankara: Nobel Yayınları.",
        {
            "type": "chapter",
            "editors": ["Bal, İ."],
            "container": "21. Yüzyılda Türk Dış Politikası",
            "pages": "451-480",
            "publisher": "Nobel Yayınları",
        },
    ),
    (
        "thesis-genre-in-parentheses",
        "Tamminga, M. (2014). The dynamic production of variation (Unpublished doctoral "
        "dissertation). University of Pennsylvania.",
        {
            "type": "thesis",
            "title": "The dynamic production of variation",
            "genre": "Unpublished doctoral dissertation",
            "publisher": "University of Pennsylvania",
        },
    ),
    (
        "initial-without-period",
        "Zalaquett, C. R, & Chatters, S. J. (2012). Principals. American Secondary Education, "
        "40, 89-103.",
        {"authors": ["Zalaquett, C. R", "Chatters, S. J."], "volume": "40", "pages": "89-103"},
    ),
    (
        "vancouver-names",
        "Clifford MJ, Royer PD, Ford PL. 2013. Precipitation thresholds. New Phytologist 200: "
        "413–421.",
        {"authors": ["Clifford, MJ", "Royer, PD", "Ford, PL"], "year": 2013, "volume": "200"},
    ),
    (
        "newspaper-by-day-date",
        "Novikov, I. (2022, March 3). Energy corridor across the Caspian. Kommersant, p. 6.",
        {"type": "article-newspaper", "container": "Kommersant", "pages": "6"},
    ),
    (
        "magazine-by-month-date",
        "Kinzer, S. (2021, January). The new great game. The Atlantic Monthly, 327(1), 40–48.",
        {"type": "article-magazine", "volume": "327", "issue": "1"},
    ),
    (
        "chicago-article-no",
        'de Waal, Thomas. "The Nagorny Karabakh Conflict in Its Fourth Decade." Survival 62, '
        "no. 4 (2020): 79–96.",
        {
            "type": "article-journal",
            "container": "Survival",
            "volume": "62",
            "issue": "4",
            "pages": "79–96",
            "year": 2020,
        },
    ),
    (
        "chicago-cilt-segment",
        "Oran, Baskın. Türk Dış Politikası. Cilt 1. İstanbul: İletişim Yayınları, 2001.",
        {"type": "book", "volume": "1", "publisher": "İletişim Yayınları", "place": "İstanbul"},
    ),
    (
        "french-edition",
        "Derrida, J. (1967). L’écriture et la différence (1 éd.). Paris: Éditions du Seuil.",
        {"title": "L’écriture et la différence", "edition": "1", "publisher": "Éditions du Seuil"},
    ),
    (
        "technical-report-lead",
        "Pryor, L., & Collins, G. (1993). Cassandra: Planning with contingencies. Technical "
        "report 41, Institute for the Learning Sciences, Northwestern University.",
        {
            "type": "report",
            "genre": "Technical report 41",
            "publisher": "Institute for the Learning Sciences, Northwestern University",
        },
    ),
    (
        "conference-pages-not-volume",
        "Cheeseman, P. (1991). Where the really hard problems are. 12th International Joint "
        "Conference on Artificial Intelligence, 163-169.",
        {"type": "paper-conference", "volume": "", "pages": "163-169"},
    ),
    (
        "proceedings-state-publisher",
        "Weiss, S. (1989). An empirical comparison. In Proceedings of the 11th International "
        "Joint Conference of Artificial Intelligence, pp. 781-787. Detroit, MI. Morgan Kaufmann.",
        {"type": "paper-conference", "pages": "781-787", "publisher": "Morgan Kaufmann"},
    ),
    (
        "book-extent-not-journal",
        "Nəsibli, N. (2010). Azərbaycanın geosiyasəti və neft. Bakı: Elm nəşriyyatı, 340 s.",
        {"type": "book", "container": "", "volume": "", "publisher": "Elm nəşriyyatı"},
    ),
    (
        "proceedings-without-in",
        "Forbus, K. D. (1989). Introducing actions. Proceedings of IJCAI-89, 1273-1278.",
        {"type": "paper-conference", "container": "Proceedings of IJCAI-89", "pages": "1273-1278"},
    ),
    (
        "pages-after-a-period",
        "Lehrer, A. (1975). Talking about wine. Language, 51(4). 901 – 923.",
        {"container": "Language", "volume": "51", "issue": "4", "pages": "901 – 923"},
    ),
    (
        "edition-word-and-pages-in-brackets",
        "Jackson, J. S. (2011). Racial influences. In R. H. Binstock (Ed.), Handbook of aging "
        "(Seventh Edition, pp. 91–103). London: Elsevier.",
        {
            "container": "Handbook of aging",
            "pages": "91–103",
            "edition": "7",
            "publisher": "Elsevier",
        },
    ),
    (
        "number-then-publisher-is-a-sentence-end",
        "Bengio, Y. (1995). Diffusion of credit. In G. Tesauro (Ed.), Advances in Neural "
        "Information Processing Systems 7. MIT Press.",
        {
            "container": "Advances in Neural Information Processing Systems 7",
            "publisher": "MIT Press",
        },
    ),
    (
        "turkish-labels-with-colons",
        "Göl, A. (2015). Türkiye-Azerbaycan ilişkileri, Bilge Strateji, Cilt: 7, Sayı: 12, ss. 33-50.",
        {
            "title": "Türkiye-Azerbaycan ilişkileri",
            "container": "Bilge Strateji",
            "volume": "7",
            "issue": "12",
            "pages": "33-50",
        },
    ),
    (
        "azerbaijani-et-al",
        "Cəfərov, N. və b. (2014). Müasir Azərbaycan dili. Bakı: Elm.",
        {"authors": ["Cəfərov, N."], "publisher": "Elm"},
    ),
    (
        "russian-edition-suffix",
        "Кузнецов, А. В. (2018). Энергетика Каспия (2-е изд.). Санкт-Петербург: Питер.",
        {"edition": "2", "publisher": "Питер", "title": "Энергетика Каспия"},
    ),
    (
        "gost-chapter-in-collection",
        "Смирнова Л. Н. Тюркская интеграция // Россия и тюркский мир: сб. статей / под ред. "
        "А. Б. Козлова. — М.: Наука, 2015. — С. 100–118.",
        {
            "type": "chapter",
            "editors": ["Козлова, А. Б."],
            "container": "Россия и тюркский мир: сб. статей",
            "publisher": "Наука",
            "pages": "100–118",
            "year": 2015,
        },
    ),
    (
        "russian-dissertation-abbreviation",
        "Алиев, Т. М. (2016). Нефтяной фактор [Дис. канд. полит. наук]. РУДН.",
        {"type": "thesis", "genre": "Дис. канд. полит. наук", "publisher": "РУДН"},
    ),
    (
        "publisher-then-known-city",
        "Puterman, M. L. (1994). Markov decision problems. Wiley, New York.",
        {"type": "book", "publisher": "Wiley", "place": "New York"},
    ),
]


@pytest.mark.parametrize(("text", "want"), [(t, w) for _, t, w in CASES], ids=[c[0] for c in CASES])
def test_form(text: str, want: dict[str, Any]) -> None:
    got = _fields(text)
    assert {k: got[k] for k in want} == want


def test_gost_web_page_day_date() -> None:
    r = parse_string(
        "Война в Карабахе // РБК. 2020. 15 октября. URL: https://www.rbc.ru/x "
        "(дата обращения: 20.10.2020)."
    )
    assert (r.type, r.container_title) == ("webpage", "РБК")
    assert r.date == PartialDate(2020, 10, 15)
    assert r.accessed == PartialDate(2020, 10, 20)


def test_harvard_flags_bare_year_and_keeps_names() -> None:
    r = parse_string("Broers, L. 2019. Armenia and Azerbaijan. Edinburgh: Edinburgh UP.")
    assert r.authors == (Person("Broers", "L."),)
    assert r.year == 2019
    assert "date not in parentheses after the authors" in r.nonconformities


def test_chicago_title_is_not_mistaken_for_harvard_names() -> None:
    # lower-case words before the year: a title, so the entry stays Chicago-like
    r = parse_string("Manuwald, Gesine. Roman theatre in the republic. Cambridge: CUP, 2011.")
    assert r.title == "Roman theatre in the republic"
    assert r.publisher == "CUP"
    assert r.year == 2011


def test_unbalanced_markup_is_dropped_not_toggled() -> None:
    r = parse_string(
        "Pagani, L. (1999). Effects of poverty. Journal of Child Psychology, 40</i>, 1209–1219."
    )
    assert (r.container_title, r.volume, r.pages) == (
        "Journal of Child Psychology",
        "40",
        "1209–1219",
    )


def test_apa_head_with_gost_source() -> None:
    r = parse_string(
        "Əliyeva, N. (2018). Qarabağ problemi // Tarix və onun problemləri, № 4, s. 55-60."
    )
    assert (r.type, r.title, r.container_title) == (
        "article-journal",
        "Qarabağ problemi",
        "Tarix və onun problemləri",
    )
    assert (r.issue, r.pages) == ("4", "55-60")
    assert "GOST form ('//' before the source) instead of APA" in r.nonconformities


def test_gost_electronic_resource_is_a_genre_not_a_translation() -> None:
    r = parse_string(
        "Путин В. В. Об историческом единстве [Электронный ресурс] // Президент России. 2021. "
        "12 июля. URL: http://kremlin.ru/events/president/news/66181 (дата обращения: 01.09.2021)."
    )
    assert (r.genre, r.title_translation) == ("Электронный ресурс", "")
    assert r.date == PartialDate(2021, 7, 12)
    assert r.accessed == PartialDate(2021, 9, 1)


def test_rezhim_dostupa_is_a_retrieval_phrase() -> None:
    r = parse_string("Сафаров Р. Азербайджан и Россия. Режим доступа: https://example.ru/a")
    assert (r.title, r.publisher, r.url) == ("Азербайджан и Россия", "", "https://example.ru/a")


def test_year_and_extent_are_not_a_journal() -> None:
    r = parse_string("Haşimov, E. (2017). Azərbaycanın siyasəti. Bakı: Elm və təhsil, 2017, 250 s.")
    assert (r.type, r.container_title, r.volume, r.publisher) == ("book", "", "", "Elm və təhsil")


def test_the_turkish_no_date_in_words_is_no_date() -> None:
    from refcheck.parse import parse_string

    r = parse_string("Firdevsi. (tarih yok). Şehname (C 1) (N. Lugal, çev.). Millî Eğitim Bakanlığı.")
    assert (r.year, r.no_date, r.publisher) == (None, True, "Millî Eğitim Bakanlığı")
