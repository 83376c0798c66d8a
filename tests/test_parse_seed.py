"""The seed manuscript: every field of each of its 42 entries (see docs/parser.md for odd ones).

One row per entry, in list order. Every field of ``Reference`` not named in a row must keep its
default, so a row is the complete expectation for that entry, not a sample of it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from refcheck.model import Organization, ParseStatus, PartialDate, Person, Reference, Script, Span
from refcheck.parse import parse_string

SEED = Path(__file__).resolve().parent.parent / "seeds" / "turan-2025-asya-studies.txt"
SKIP = ("raw", "span", "line", "norm", "index")


def seed_entries() -> list[str]:
    """The entries as the splitter gives them: lines after REFERENCES, bullets stripped."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    start = lines.index("REFERENCES") + 1
    return [ln.strip().removeprefix("- ") for ln in lines[start:] if ln.strip()]


ENTRIES = seed_entries()

EXPECTED: list[Any] = [
    pytest.param(
        1,
        {
            "type": "webpage",
            "authors": (Organization(name="Anadolu Agency"),),
            "year": 2020,
            "date": PartialDate(year=2020, month=1, day=9),
            "title": "2020'de öne çıkan çatışma ve potansiyel risk bölgeleri",
            "url": (
                "https://www.aa.com.tr/tr/dunya/2020de-one-cikan-catisma-ve-potansiyel-"
                "risk-bolgeleri-/1697337"
            ),
            "accessed": PartialDate(year=2024, month=7, day=20),
            "script": Script.LATIN,
        },
        id="01",
    ),
    pytest.param(
        2,
        {
            "type": "article-newspaper",
            "authors": (Person(family="Atherton", given="K. D."),),
            "year": 2023,
            "date": PartialDate(year=2023, month=1, day=30),
            "title": "Mass-market military drones: 10 Breakthrough Technologies 2023",
            "container_title": "MIT Technology Review",
            "url": (
                "https://www.technologyreview.com/2023/01/09/1064892/mass-market-milita"
                "ry-drones-tb2-10-breakthrough-technologies-2023/"
            ),
            "script": Script.LATIN,
        },
        id="02",
    ),
    pytest.param(
        3,
        {
            "type": "webpage",
            "authors": (Organization(name="AZTV"),),
            "year": 2020,
            "date": PartialDate(year=2020, month=12, day=10),
            "title": "Zəfər paradı keçirildi",
            "container_title": "Aztv.az",
            "url": "https://aztv.az/az/news/10691/zefer-paradi-kecirildi",
            "accessed": PartialDate(year=2024, month=8, day=5),
            "script": Script.LATIN,
        },
        id="03",
    ),
    pytest.param(
        4,
        {
            "type": "article-newspaper",
            "authors": (Person(family="Detsch", given="J."),),
            "year": 2021,
            "date": PartialDate(year=2021, month=3, day=30),
            "title": "The U.S. army is using the Nagorno-Karabakh conflict to study drone warfare",
            "container_title": "Foreign Policy",
            "url": "https://foreignpolicy.com/2021/03/30/army-pentagon-nagorno-karabakh-drones/",
            "script": Script.LATIN,
        },
        id="04",
    ),
    pytest.param(
        5,
        {
            "type": "article-journal",
            "authors": (Person(family="Foulon", given="Michiel"),),
            "year": 2015,
            "title": "Neoclassical Realism: Challengers and Bridging Identities",
            "container_title": "International Studies Review",
            "volume": "17",
            "issue": "4",
            "pages": "635-661",
            "script": Script.LATIN,
            "apa_conformant": False,
            "nonconformities": (
                "given name spelled out instead of initials",
                "title in quotation marks",
                "no comma between the journal title and the volume",
                "volume and issue written as 17/4 instead of 17(4)",
                "year at the end instead of after the authors",
            ),
        },
        id="05",
    ),
    pytest.param(
        6,
        {
            "type": "article-journal",
            "authors": (Person(family="Friedberg", given="A. L."),),
            "year": 1993,
            "title": "Ripe for rivalry: Prospects for peace in a multipolar Asia",
            "container_title": "International Security",
            "volume": "18",
            "issue": "3",
            "pages": "5–33",
            "doi": "10.2307/2539204",
            "doi_raw": "https://doi.org/10.2307/2539204",
            "script": Script.LATIN,
        },
        id="06",
    ),
    pytest.param(
        7,
        {
            "type": "webpage",
            "authors": (Organization(name="Habertürk"),),
            "year": 2020,
            "date": PartialDate(year=2020, month=10, day=14),
            "title": "Aliyev, Habertürk'e konuştu: Türkiye olmadan sorun çözülemez",
            "container_title": "www.haberturk.com",
            "url": "https://www.haberturk.com/canliyayin/697207-hava-durumu",
            "accessed": PartialDate(year=2024, month=8, day=10),
            "script": Script.LATIN,
        },
        id="07",
    ),
    pytest.param(
        8,
        {
            "type": "webpage",
            "authors": (Person(family="Hakobyan", given="A."),),
            "year": 2020,
            "date": PartialDate(year=2020, month=7, day=21),
            "title": "General Daniel Balayan: 'Azerbaijanis brought this fight upon themselves.'",
            "container_title": "Aravot",
            "url": "https://en.aravot.am/2020/07/21/260526/",
            "accessed": PartialDate(year=2024, month=6, day=28),
            "script": Script.LATIN,
        },
        id="08",
    ),
    pytest.param(
        9,
        {
            "type": "article-magazine",
            "authors": (Person(family="Hecht", given="E."),),
            "year": 2022,
            "title": "Drones in the Nagorno-Karabakh War: Analyzing the Data",
            "container_title": "Military Strategy Magazine",
            "volume": "7",
            "issue": "4",
            "pages": "31-37",
            "script": Script.LATIN,
            "apa_conformant": False,
            "nonconformities": (
                "title in quotation marks",
                "no comma between the journal title and the volume",
            ),
        },
        id="09",
    ),
    pytest.param(
        10,
        {
            "type": "webpage",
            "authors": (Person(family="Kucera", given="J."),),
            "year": 2019,
            "date": PartialDate(year=2019, month=4, day=1),
            "title": (
                "After peace negotiations, threats of war break out between Armenia and Azerbaijan"
            ),
            "container_title": "Eurasianet",
            "url": (
                "https://eurasianet.org/after-peace-negotiations-threats-of-war-break-o"
                "ut-between-armenia-and-azerbaijan"
            ),
            "accessed": PartialDate(year=2024, month=5, day=31),
            "script": Script.LATIN,
        },
        id="10",
    ),
    pytest.param(
        11,
        {
            "type": "article-journal",
            "authors": (
                Person(family="Memmedov", given="A."),
                Person(family="Hasanoğlu", given="M."),
            ),
            "year": 2023,
            "title": "Hazar Denizi'nden Akdeniz'e Zengezur Koridoru",
            "container_title": "Uluslararası Yönetim Akademisi Dergisi",
            "volume": "6",
            "issue": "2",
            "pages": "334–344",
            "script": Script.LATIN,
        },
        id="11",
    ),
    pytest.param(
        12,
        {
            "type": "webpage",
            "authors": (
                Organization(name="Ministry of Foreign Affairs of the Republic of Türkiye"),
            ),
            "year": 2020,
            "date": PartialDate(year=2020, month=10, day=6),
            "title": "Visit of Foreign Minister Mevlüt Çavuşoğlu to Azerbaijan",
            "url": (
                "https://www.mfa.gov.tr/sayin-bakanimizin-azerbaycan-i-ziyareti-6-10-2020.en.mfa"
            ),
            "accessed": PartialDate(year=2024, month=7, day=30),
            "script": Script.LATIN,
        },
        id="12",
    ),
    pytest.param(
        13,
        {
            "type": "webpage",
            "authors": (
                Organization(name="Ministry of Foreign Affairs of the Republic of Türkiye"),
            ),
            "year": 2020,
            "year_suffix": "b",
            "date": PartialDate(year=2020, month=9, day=27),
            "title": (
                "QA-94, 27 September 2020, Statement of the spokesperson of the Ministr"
                "y of Foreign Affairs, Mr. Hami Aksoy, in response to a question regard"
                "ing the Armenian attacks on Azerbaijan which started this morning"
            ),
            "url": (
                "https://www.mfa.gov.tr/sc_-94_-ermenistan-in-azerbaycan-a-karsi-baslat"
                "tigi-saldiri-hk-sc.en.mfa"
            ),
            "accessed": PartialDate(year=2024, month=5, day=31),
            "script": Script.LATIN,
        },
        id="13",
    ),
    pytest.param(
        14,
        {
            "type": "webpage",
            "authors": (
                Organization(name="Ministry of Foreign Affairs of the Republic of Türkiye"),
            ),
            "year": 2023,
            "date": PartialDate(year=2023, month=12, day=21),
            "title": "Dışişleri Bakanımız Sayın Hakan Fidan'ın TBMM Genel Kurulu bütçe konuşması",
            "url": (
                "https://www.mfa.gov.tr/disisleri-bakanimiz-sayin-hakan-fidan-in-tbmm-g"
                "enel-kurulu-butce-konusmasi.tr.mfa"
            ),
            "accessed": PartialDate(year=2024, month=7, day=15),
            "script": Script.LATIN,
        },
        id="14",
    ),
    pytest.param(
        15,
        {
            "type": "webpage",
            "authors": (
                Person(family="Mitzer", given="S."),
                Person(family="Oliemans", given="J."),
                Person(family="Janovsky", given="J."),
            ),
            "year": 2022,
            "date": PartialDate(year=2022, month=2, day=23),
            "title": "A monument of victory: The Bayraktar TB2 kill list",
            "container_title": "Oryx",
            "url": (
                "https://www.oryxspioenkop.com/2021/12/a-monument-of-victory-bayraktar-tb2.html"
            ),
            "accessed": PartialDate(year=2024, month=7, day=5),
            "script": Script.LATIN,
        },
        id="15",
    ),
    pytest.param(
        16,
        {
            "type": "book",
            "authors": (Person(family="Morgenthau", given="Hans J."),),
            "year": 1972,
            "title": "Politics Among Nations: The Struggle for Power and Peace",
            "edition": "5",
            "publisher": "Alfred A. Knopf",
            "script": Script.LATIN,
            "apa_conformant": False,
            "nonconformities": (
                "given name spelled out instead of initials",
                "edition not written as (2nd ed.) after the title",
                "year at the end instead of after the authors",
            ),
        },
        id="16",
    ),
    pytest.param(
        17,
        {
            "type": "webpage",
            "authors": (Organization(name="News.ru"),),
            "year": 2020,
            "date": PartialDate(year=2020, month=10, day=21),
            "title": "В Турции считают, что России не удалось урегулировать кризис в Карабахе",
            "url": (
                "https://news.ru/world/v-turcii-schitayut-chto-rossii-ne-udalos-ureguli"
                "rovat-krizis-v-karabahe/"
            ),
            "script": Script.CYRILLIC,
            "apa_conformant": False,
            "nonconformities": (
                "title in quotation marks",
                "year at the end instead of after the authors",
            ),
        },
        id="17",
    ),
    pytest.param(
        18,
        {
            "type": "webpage",
            "authors": (
                Organization(
                    name="Permanent Representation of the Republic of Azerbaijan to the Council of Europe"
                ),
            ),
            "year": 2021,
            "date": PartialDate(year=2021, month=6, day=21),
            "title": (
                "Shusha Declaration on allied relations between the Republic of Azerbai"
                "jan and the Republic of Türkiye"
            ),
            "url": (
                "https://coe.mfa.gov.az/en/news/3509/shusha-declaration-on-allied-relat"
                "ions-between-the-republic-of-azerbaijan-and-the-republic-of-Türkiye"
            ),
            "accessed": PartialDate(year=2024, month=6, day=7),
            "script": Script.LATIN,
        },
        id="18",
    ),
    pytest.param(
        19,
        {
            "type": "webpage",
            "authors": (Organization(name="Presidency of the Republic of Türkiye"),),
            "year": 2021,
            "date": PartialDate(year=2021, month=6, day=12),
            "title": "President Erdoğan to Visit Belgium and Azerbaijan",
            "url": (
                "https://www.tccb.gov.tr/en/speeches-statements/558/128253/president-er"
                "dogan-to-visit-belgium-and-azerbaijan"
            ),
            "accessed": PartialDate(year=2024, month=7, day=5),
            "script": Script.LATIN,
        },
        id="19",
    ),
    pytest.param(
        20,
        {
            "type": "webpage",
            "authors": (Organization(name="President of Azerbaijan Republic"),),
            "year": 2020,
            "date": PartialDate(year=2020, month=9, day=27),
            "title": "Ilham Aliyev Addressed the Nation",
            "container_title": "Official Website of President of Azerbaijan Republic",
            "url": "https://president.az/en/articles/view/40968",
            "accessed": PartialDate(year=2024, month=5, day=31),
            "script": Script.LATIN,
        },
        id="20",
    ),
    pytest.param(
        21,
        {
            "type": "webpage",
            "authors": (Organization(name="President of Azerbaijan Republic"),),
            "year": 2020,
            "year_suffix": "b",
            "date": PartialDate(year=2020, month=12, day=1),
            "title": "Ilham Aliyev addressed the nation",
            "container_title": "Official Website of President of Azerbaijan Republic",
            "url": "https://president.az/en/articles/view/48205/images/32",
            "accessed": PartialDate(year=2024, month=7, day=2),
            "script": Script.LATIN,
        },
        id="21",
    ),
    pytest.param(
        22,
        {
            "type": "webpage",
            "authors": (Organization(name="President of Azerbaijan Republic"),),
            "year": 2020,
            "year_suffix": "c",
            "date": PartialDate(year=2020, month=10, day=6),
            "title": "Ilham Aliyev received delegation led by Turkish Foreign Minister",
            "container_title": "Official Website of President of Azerbaijan Republic",
            "url": "https://president.az/en/articles/view/41929",
            "accessed": PartialDate(year=2024, month=7, day=28),
            "script": Script.LATIN,
        },
        id="22",
    ),
    pytest.param(
        23,
        {
            "type": "webpage",
            "authors": (Organization(name="President of Azerbaijan Republic"),),
            "year": 2020,
            "year_suffix": "d",
            "date": PartialDate(year=2020, month=11, day=1),
            "title": "Ilham Aliyev received delegation led by Turkish Foreign Minister",
            "container_title": "Official Website of President of Azerbaijan Republic",
            "url": "https://president.az/en/articles/view/45188",
            "accessed": PartialDate(year=2024, month=7, day=29),
            "script": Script.LATIN,
        },
        id="23",
    ),
    pytest.param(
        24,
        {
            "type": "webpage",
            "authors": (Organization(name="President of Azerbaijan Republic"),),
            "year": 2020,
            "year_suffix": "e",
            "date": PartialDate(year=2020, month=12, day=10),
            "title": (
                "A victory parade dedicated to victory in the Patriotic War was held at"
                " the Azadlig Square, Baku"
            ),
            "container_title": "Official Website of President of Azerbaijan Republic",
            "url": "https://president.az/en/articles/view/48788",
            "accessed": PartialDate(year=2024, month=7, day=8),
            "script": Script.LATIN,
        },
        id="24",
    ),
    pytest.param(
        25,
        {
            "type": "webpage",
            "authors": (Organization(name="President of Azerbaijan Republic"),),
            "year": 2021,
            "date": PartialDate(year=2021, month=10, day=26),
            "title": (
                "Azerbaijani, Turkish Presidents Laid Foundation Stone for Horadiz-Jabr"
                "ayil-Zangilan-Aghband Highway (Zangazur Corridor)"
            ),
            "container_title": "Official Website of President of Azerbaijan Republic",
            "url": "https://president.az/en/articles/view/53736",
            "accessed": PartialDate(year=2024, month=7, day=4),
            "script": Script.LATIN,
        },
        id="25",
    ),
    pytest.param(
        26,
        {
            "type": "webpage",
            "authors": (Person(family="Rehimov", given="R."),),
            "year": 2020,
            "date": PartialDate(year=2020, month=10, day=4),
            "title": "Türkiye's stance shows Azerbaijan not alone: Aliyev",
            "container_title": "Anadolu Agency",
            "url": (
                "https://www.aa.com.tr/en/azerbaijan-front-line/Türkiyes-stance-shows-a"
                "zerbaijan-not-alone-aliyev/1994807"
            ),
            "accessed": PartialDate(year=2024, month=6, day=9),
            "script": Script.LATIN,
        },
        id="26",
    ),
    pytest.param(
        27,
        {
            "type": "webpage",
            "authors": (Person(family="Rehimov", given="R."),),
            "year": 2021,
            "date": PartialDate(year=2021, month=10, day=28),
            "title": (
                "İlham Aliyev, 29 Ekim Cumhuriyet Bayramı dolayısıyla Cumhurbaşkanı Erd"
                "oğan'ı kutladı"
            ),
            "container_title": "Anadolu Ajansı",
            "url": (
                "https://www.aa.com.tr/tr/dunya/ilham-aliyev-29-ekim-cumhuriyet-bayrami"
                "-dolayisiyla-cumhurbaskani-erdogani-kutladi/2405556"
            ),
            "accessed": PartialDate(year=2024, month=7, day=12),
            "script": Script.LATIN,
        },
        id="27",
    ),
    pytest.param(
        28,
        {
            "type": "article-journal",
            "authors": (Person(family="Rose", given="G."),),
            "year": 1998,
            "title": "Neoclassical realism and theories of foreign policy",
            "container_title": "World Politics",
            "volume": "51",
            "issue": "1",
            "pages": "144–172",
            "doi": "10.1017/s0043887100007814",
            "doi_raw": "https://doi.org/10.1017/s0043887100007814",
            "script": Script.LATIN,
        },
        id="28",
    ),
    pytest.param(
        29,
        {
            "type": "chapter",
            "authors": (Person(family="Taliaferro", given="Jeffrey W."),),
            "editors": (Person(family="Lobell", given="Steven E."),),
            "et_al": True,
            "year": 2009,
            "title": "Introduction: Neoclassical realism, the state, and foreign policy",
            "container_title": "Neoclassical Realism, the State, and Foreign Policy",
            "pages": "1-41",
            "publisher": "Cambridge University Press",
            "place": "Cambridge",
            "script": Script.LATIN,
            "apa_conformant": False,
            "nonconformities": (
                "given name spelled out instead of initials",
                "title in quotation marks",
                "editors not written as 'In I. Editor (Ed.),' before the book title",
                "year at the end instead of after the authors",
                "place of publication given (APA 7 omits it)",
            ),
        },
        id="29",
    ),
    pytest.param(
        30,
        {
            "type": "webpage",
            "authors": (
                Organization(name="The Republic of Türkiye Directorate of Communications"),
            ),
            "year": 2023,
            "date": PartialDate(year=2023, month=5, day=5),
            "title": 'President Erdoğan\'s post: "Strong Türkiye in the field and at the table."',
            "url": (
                "https://www.iletisim.gov.tr/english/haberler/detay/president-erdogans-"
                "post-strong-turkiye-in-the-field-and-at-the-table"
            ),
            "accessed": PartialDate(year=2024, month=7, day=17),
            "script": Script.LATIN,
        },
        id="30",
    ),
    pytest.param(
        31,
        {
            "type": "book",
            "authors": (Person(family="Waltz", given="Kenneth N."),),
            "year": 1979,
            "title": "Theory of International Politics",
            "publisher": "Addison Wesley Publishing Company, Reading",
            "place": "Massachussets",
            "script": Script.LATIN,
            "apa_conformant": False,
            "nonconformities": (
                "given name spelled out instead of initials",
                "year at the end instead of after the authors",
                "place of publication given (APA 7 omits it)",
            ),
        },
        id="31",
    ),
    pytest.param(
        32,
        {
            "type": "book",
            "authors": (Person(family="Zakaria", given="Fareed"),),
            "year": 1999,
            "title": "From Wealth to Power: The Unusual Origins of America's World Role",
            "publisher": "Princeton University Press",
            "place": "Princeton",
            "script": Script.LATIN,
            "apa_conformant": False,
            "nonconformities": (
                "given name spelled out instead of initials",
                "year at the end instead of after the authors",
                "place of publication given (APA 7 omits it)",
            ),
        },
        id="32",
    ),
    pytest.param(
        33,
        {
            "type": "webpage",
            "authors": (Organization(name="Xalq Cəbhəsi Qəzeti"),),
            "year": 2021,
            "date": PartialDate(year=2021, month=10, day=5),
            "title": (
                "Zəfər xronikası: 5 oktyabr 2020-ci il Prezident İlham Əliyevin Türkiyə"
                'nin "TRT Haber" televiziya kanalına müsahibəsi'
            ),
            "url": "https://www.xalqcebhesi.az/news/politics/89141.html",
            "accessed": PartialDate(year=2024, month=6, day=20),
            "script": Script.LATIN,
        },
        id="33",
    ),
    pytest.param(
        34,
        {
            "type": "article-newspaper",
            "authors": (
                Person(family="Yüzbaşıoğlu", given="N."),
                Person(family="Çam", given="Ö. T."),
            ),
            "year": 2020,
            "title": "Dışişleri Bakanı Çavuşoğlu: Tüm imkânlarımızla Azerbaycan'ın yanındayız",
            "container_title": "Anadolu Ajansı",
            "url": (
                "https://www.aa.com.tr/tr/politika/disisleri-bakani-cavusoglu-tum-imkan"
                "larimizla-azerbaycanin-yanındayiz/1908565"
            ),
            "accessed": PartialDate(year=2024, month=6, day=24),
            "script": Script.LATIN,
        },
        id="34",
    ),
    pytest.param(
        35,
        {
            "type": "webpage",
            "authors": (Organization(name="Администрация Президента России"),),
            "year": 2020,
            "date": PartialDate(year=2020, month=11, day=10),
            "title": (
                "Заявление президента Азербайджанской Республики, премьер-министра Респ"
                "ублики Армения и президента Российской Федерации"
            ),
            "url": "http://kremlin.ru/events/president/news/64384",
            "accessed": PartialDate(year=2024, month=7, day=25),
            "script": Script.CYRILLIC,
        },
        id="35",
    ),
    pytest.param(
        36,
        {
            "type": "webpage",
            "authors": (Person(family="Березовский", given="Г."),),
            "year": 2020,
            "date": PartialDate(year=2020, month=12, day=9),
            "title": '"Парад победителей": Эрдоган приехал в Баку',
            "container_title": "Газета.Ru",
            "url": "https://www.gazeta.ru/politics/2020/12/09_a_13392853.shtml",
            "accessed": PartialDate(year=2024, month=7, day=10),
            "script": Script.CYRILLIC,
            "apa_conformant": False,
            "nonconformities": ("title in quotation marks",),
        },
        id="36",
    ),
    pytest.param(
        37,
        {
            "type": "webpage",
            "authors": (Organization(name="Известия"),),
            "year": 2020,
            "date": PartialDate(year=2020, month=10, day=22),
            "title": "В Кремле заявили о несоблюдении договоренностей по Карабаху",
            "url": (
                "https://iz.ru/1077150/2020-10-22/v-kremle-zaiavili-o-nesobliudenii-dog"
                "ovorennostei-po-karabakhu"
            ),
            "script": Script.CYRILLIC,
        },
        id="37",
    ),
    pytest.param(
        38,
        {
            "type": "article-newspaper",
            "authors": (Person(family="Макиенко", given="К."),),
            "year": 2020,
            "date": PartialDate(year=2020, month=11, day=10),
            "title": "Как Россия проиграла во второй карабахской войне",
            "container_title": "Ведомости",
            "url": "https://www.vedomosti.ru/opinion/articles/2020/11/10/846462-rossiya-proigrala",
            "script": Script.CYRILLIC,
        },
        id="38",
    ),
    pytest.param(
        39,
        {
            "type": "webpage",
            "authors": (Organization(name="МИД России"),),
            "year": 2021,
            "date": PartialDate(year=2021, month=6, day=17),
            "title": (
                "Брифинг официального представителя МИД России М.В.Захаровой, Москва, 1"
                "7 июня 2021 года"
            ),
            "container_title": "Министерство Иностранных Дел Российской Федерации",
            "url": (
                "https://mid.ru/ru/foreign_policy/rso/sotrudnicestvo-po-linii-evropa-az"
                "ia.-asem/1752686/"
            ),
            "accessed": PartialDate(year=2024, month=7, day=21),
            "script": Script.CYRILLIC,
        },
        id="39",
    ),
    pytest.param(
        40,
        {
            "type": "webpage",
            "authors": (Person(family="Новичков", given="Н."),),
            "year": 2020,
            "date": PartialDate(year=2020, month=12, day=14),
            "title": (
                "Война дронов. Азербайджан продемонстрировал применявшиеся в Нагорном К"
                "арабахе беспилотники"
            ),
            "container_title": "TACC",
            "url": "https://tass.ru/armiya-i-opk/10244145",
            "accessed": PartialDate(year=2024, month=7, day=9),
            "script": Script.CYRILLIC,
        },
        id="40",
    ),
    pytest.param(
        41,
        {
            "type": "webpage",
            "authors": (Organization(name="TACC"),),
            "year": 2020,
            "date": PartialDate(year=2020, month=9, day=28),
            "title": (
                "Песков: Всем сторонам в ситуации с Нагорным Карабахом нужна максимальн"
                "ая сдержанность"
            ),
            "container_title": "TACC",
            "url": "https://tass.ru/politika/9568723",
            "accessed": PartialDate(year=2024, month=6, day=12),
            "script": Script.CYRILLIC,
        },
        id="41",
    ),
    pytest.param(
        42,
        {
            "type": "webpage",
            "authors": (Person(family="Унанянц", given="В."),),
            "year": 2023,
            "date": PartialDate(year=2023, month=9, day=8),
            "title": "G20 дипломатия как продолжение войны другими средствами",
            "container_title": "Эхо Кавказа",
            "url": "https://www.ekhokavkaza.com/a/32584528.html",
            "script": Script.CYRILLIC,
        },
        id="42",
    ),
]


def test_seed_has_42_entries() -> None:
    assert len(ENTRIES) == 42
    assert len(EXPECTED) == 42


@pytest.mark.parametrize(("index", "fields"), EXPECTED)
def test_seed_entry(index: int, fields: dict[str, Any]) -> None:
    ref = parse_string(ENTRIES[index - 1], index=index)
    default = Reference(index=0, raw="", span=Span(0, 0), line=0)
    expected = {k: getattr(default, k) for k in Reference.__slots__ if k not in SKIP}
    expected.update(fields)
    expected.setdefault("status", ParseStatus.PARSED)
    actual = {k: getattr(ref, k) for k in expected}
    assert actual == expected
    assert ref.raw == ENTRIES[index - 1]
    assert ref.index == index
