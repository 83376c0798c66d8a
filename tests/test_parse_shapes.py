"""Reference shapes read into their fields: one case per shape (Turkish DergiPark chapters and
compilers, Russian GOST periodicals and books, Azerbaijani theses and chapters, inverted editors,
given-name-first author lists, IEEE, Vancouver, Chicago), with every field that shape is about,
so a regression names the form it broke.
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers import parsed_fields


def _fields(text: str) -> dict[str, Any]:
    """These tests pin the grammar's rules (the labeller reads non-APA entries in the pipeline;
    its shapes are pinned in test_parse_labeller.py). The grammar also decides P103."""
    return parsed_fields(text, reader="grammar")


CASES: list[tuple[str, str, dict[str, Any]]] = [
    (
        "tr-chapter-volume-and-ss",
        "Oran, B. (2001). Dönemin bilançosu. B. Oran (Ed.), Türk dış politikası içinde "
        "(Cilt 2, ss. 479-498). İstanbul: İletişim Yayınları.",
        {
            "type": "chapter",
            "editors": ["Oran, B."],
            "container": "Türk dış politikası",
            "volume": "2",
            "pages": "479-498",
            "publisher": "İletişim Yayınları",
        },
    ),
    (
        "tr-compiler-in-brackets",
        "Atatürk, M. K. (2006). Nutuk (Haz. Z. Korkmaz). Ankara: Atatürk Araştırma Merkezi.",
        {"type": "book", "title": "Nutuk", "publisher": "Atatürk Araştırma Merkezi"},
    ),
    (
        "tr-thesis-institution-then-city",
        "Aslan, M. (2018). Enerji faktörü (Yayımlanmamış yüksek lisans tezi). Gazi Üniversitesi, "
        "Sosyal Bilimler Enstitüsü, Ankara.",
        {
            "type": "thesis",
            "genre": "Yayımlanmamış yüksek lisans tezi",
            "publisher": "Gazi Üniversitesi, Sosyal Bilimler Enstitüsü",
        },
    ),
    (
        "tr-proceedings-book-with-publisher",
        "Demirtaş, B. (2017). Dış politika. Uluslararası Kafkasya Sempozyumu Bildiriler Kitabı "
        "(ss. 112-125). Kars: Kafkas Üniversitesi Yayınları.",
        {
            "type": "paper-conference",
            "container": "Uluslararası Kafkasya Sempozyumu Bildiriler Kitabı",
            "pages": "112-125",
            "publisher": "Kafkas Üniversitesi Yayınları",
            "place": "Kars",
        },
    ),
    (
        "ru-gost-journal-name-with-period",
        "Маркедонов С. М. Новая реальность // Полис. Политические исследования. 2021. № 3. "
        "С. 8–22.",
        {
            "type": "article-journal",
            "container": "Полис. Политические исследования",
            "issue": "3",
            "pages": "8–22",
            "year": 2021,
        },
    ),
    (
        "ru-gost-lowercase-issue-label",
        "Мамедов Р. Ф. Отношения // Проблемы постсоветского пространства. 2021. Т. 8, вып. 2. "
        "С. 156–170.",
        {"volume": "8", "issue": "2", "pages": "156–170", "type": "article-journal"},
    ),
    (
        "ru-gost-dissertation",
        "Алиева Л. Р. Роль Турции: дис. ... канд. полит. наук. М., 2015. 210 с.",
        {
            "type": "thesis",
            "title": "Роль Турции",
            "genre": "дис. ... канд. полит. наук",
            "publisher": "",
            "year": 2015,
        },
    ),
    (
        "ru-gost-book-authors-after-slash",
        "Каспийский регион / А. В. Иванов, Б. Г. Петров [и др.]. — СПб.: Питер, 2016. — 198 с.",
        {
            "type": "book",
            "authors": ["Иванов, А. В.", "Петров, Б. Г."],
            "title": "Каспийский регион",
            "publisher": "Питер",
        },
    ),
    (
        "ru-apa-journal-with-series",
        "Кузнецова, Н. А. (2019). Безопасность. Вестник Российского университета дружбы "
        "народов. Серия: Международные отношения, 19(2), 245–258.",
        {
            "title": "Безопасность",
            "container": "Вестник Российского университета дружбы народов. Серия: "
            "Международные отношения",
            "volume": "19",
            "issue": "2",
        },
    ),
    (
        "az-journal-series-at-end",
        "Məmmədov, E. Ş. (2019). Problemlər. AMEA-nın Xəbərləri. İctimai elmlər seriyası, № 2, "
        "səh. 67-79.",
        {
            "title": "Problemlər",
            "container": "AMEA-nın Xəbərləri. İctimai elmlər seriyası",
            "issue": "2",
            "pages": "67-79",
        },
    ),
    (
        "az-chapter-red-without-icinde",
        "Nəsirov, E. (2018). Tərəfdaşlıq. N. Cəfərov (red.), Azərbaycan dövlətçiliyi "
        "(səh. 45-60). Bakı: Təhsil.",
        {
            "type": "chapter",
            "editors": ["Cəfərov, N."],
            "container": "Azərbaycan dövlətçiliyi",
            "pages": "45-60",
            "publisher": "Təhsil",
        },
    ),
    (
        "az-thesis-genre-sentence",
        "Rzayev, T. (2014). Münasibətlər. Tarix üzrə fəlsəfə doktoru dissertasiyası. Bakı: AMEA "
        "Tarix İnstitutu.",
        {
            "type": "thesis",
            "title": "Münasibətlər",
            "genre": "Tarix üzrə fəlsəfə doktoru dissertasiyası",
            "publisher": "AMEA Tarix İnstitutu",
        },
    ),
    (
        "az-edition-ordinal-suffix",
        "Əliyev, R. (2017). Tarix (3-cü nəşr). Bakı: Elm və təhsil.",
        {"title": "Tarix", "edition": "3", "publisher": "Elm və təhsil"},
    ),
    (
        "en-inverted-editors",
        "Cooley, A. (2017). Whose rules? In Rumer, E., & Sokolsky, R. (Eds.), Russia and its "
        "neighbors (pp. 45–68). Carnegie Endowment.",
        {
            "type": "chapter",
            "editors": ["Rumer, E.", "Sokolsky, R."],
            "container": "Russia and its neighbors",
            "pages": "45–68",
        },
    ),
    (
        "en-given-first-author-date",
        'Thomas de Waal and Laurence Broers. 2019. "Towards Peace." Journal of Conflict '
        "Studies 12 (2): 33–51.",
        {
            "type": "article-journal",
            "authors": ["de Waal, Thomas", "Broers, Laurence"],
            "year": 2019,
            "title": "Towards Peace",
            "container": "Journal of Conflict Studies",
            "volume": "12",
            "issue": "2",
            "pages": "33–51",
        },
    ),
    (
        "en-ieee",
        'S. E. Cornell and A. Jonsson, "The nexus of crime," IEEE Transactions on Systems, Man, '
        "and Cybernetics, vol. 52, no. 4, pp. 33-51, 2010.",
        {
            "type": "article-journal",
            "authors": ["Cornell, S. E.", "Jonsson, A."],
            "year": 2010,
            "title": "The nexus of crime",
            "container": "IEEE Transactions on Systems, Man, and Cybernetics",
            "volume": "52",
            "issue": "4",
            "pages": "33-51",
        },
    ),
    (
        "en-journal-in-press",
        "Angrist, J., & Rubin, D. (1995). Causal effects. Journal of the American Statistical "
        "Association, in press.",
        {"type": "article-journal", "container": "Journal of the American Statistical Association"},
    ),
    (
        "chicago-commas-place-publisher-year",
        "Miller, Jean Baker, Toward A New Psychology of Women, Boston: Beacon, 1976.",
        {
            "type": "book",
            "authors": ["Miller, Jean Baker"],
            "title": "Toward A New Psychology of Women",
            "publisher": "Beacon",
            "place": "Boston",
            "year": 1976,
        },
    ),
    (
        "inverted-list-then-title-publisher-pages",
        "Tsikalas, F., Faleide, J. I., Erosional features at the crater. Springer-Verlag, "
        "Berlin, p. 39-55. 2003.",
        {
            "authors": ["Tsikalas, F.", "Faleide, J. I."],
            "title": "Erosional features at the crater",
            "container": "",
            "pages": "39-55",
            "publisher": "Springer-Verlag",
            "year": 2003,
        },
    ),
    (
        "geology-v-label",
        "Fesenkov, V. G., Crater formation (in Russian). Meteoritika, v. 16, pp. 147-155. 1958.",
        {"type": "article-journal", "container": "Meteoritika", "volume": "16", "pages": "147-155"},
    ),
    (
        "thesis-inline-after-comma",
        "Ventura, D. (1995). On discretization, Masters Thesis, Department of Computer Science, "
        "Brigham Young University.",
        {
            "type": "thesis",
            "title": "On discretization",
            "genre": "Masters Thesis",
            "publisher": "Department of Computer Science, Brigham Young University",
        },
    ),
    (
        "publisher-then-unknown-town",
        "Young, A. M. (2007). The chocolate tree. Florida University Press, Gainsville.",
        {"type": "book", "publisher": "Florida University Press", "place": "Gainsville"},
    ),
    (
        "institution-city-province",
        "Allen, J. (1990). Nested reasoning. PhD thesis, Department of Computer Science, "
        "University of Waterloo, Waterloo, Ontario.",
        {
            "type": "thesis",
            "publisher": "Department of Computer Science, University of Waterloo",
        },
    ),
    (
        "proceedings-then-place-only",
        "Zhai, S. (1991). A telerobotic system. Proceedings of SPIE 1612, Robotics in Space II, "
        "(pp. 311-320). Boston, MA.",
        {"type": "paper-conference", "pages": "311-320", "publisher": "", "place": "Boston, MA"},
    ),
    (
        "edition-with-period-after-ordinal",
        "Gargiulo, R. (2012). Special education (4th. edition). Thousand Oaks, CA: Sage.",
        {"title": "Special education", "edition": "4", "publisher": "Sage"},
    ),
    (
        "given-first-short-surname-and-conference",
        "Larry D. Wittie, Gudjun Hermannsson, and Ai Li. Eager sharing. In 1992 International "
        "Conference on Parallel Processing, pages 251-255, St. Charles, IL, August 1992.",
        {
            "type": "paper-conference",
            "authors": ["Wittie, Larry D.", "Hermannsson, Gudjun", "Li, Ai"],
            "title": "Eager sharing",
            "container": "1992 International Conference on Parallel Processing",
            "pages": "251-255",
            "year": 1992,
        },
    ),
    (
        "chicago-first-inverted-then-given-first",
        "Compton, Ryan, David Jurgens, and David Allen. 2014. “Geotagging accounts.” Journal "
        "of Big Data 3 (2): 393–401.",
        {
            "authors": ["Compton, Ryan", "Jurgens, David", "Allen, David"],
            "title": "Geotagging accounts",
            "container": "Journal of Big Data",
            "volume": "3",
            "issue": "2",
            "pages": "393–401",
        },
    ),
    (
        "vancouver-list-journal-year-numbers",
        "Liu Z, Wang Y, Gu FX, Zhu J. Vibrio cholerae represses synthesis. Infection and "
        "Immunity. 2015. 83(3): 1114–1121.",
        {
            "type": "article-journal",
            "authors": ["Liu, Z", "Wang, Y", "Gu, FX", "Zhu, J"],
            "year": 2015,
            "container": "Infection and Immunity",
            "volume": "83",
            "issue": "3",
            "pages": "1114–1121",
        },
    ),
    (
        "ieee-no-comma-before-title",
        'P. Yang and J. H. Chern "Design for reliability," Proceedings of IEEE, Vol. 81, No. 5, '
        "pp. 730-744, May 1993.",
        {
            "type": "article-journal",
            "authors": ["Yang, P.", "Chern, J. H."],
            "title": "Design for reliability",
            "container": "Proceedings of IEEE",
            "volume": "81",
            "issue": "5",
            "pages": "730-744",
            "year": 1993,
        },
    ),
    (
        "chapter-unbracketed-volume-pages-then-place",
        "Krogh, A. (1995). Neural network ensembles. In Tesauro, G., & Leen, T. (Eds.), Advances "
        "in Neural Information Processing Systems, Vol. 7, pp. 231-238, Cambridge, MA. MIT Press.",
        {
            "type": "chapter",
            "editors": ["Tesauro, G.", "Leen, T."],
            "container": "Advances in Neural Information Processing Systems",
            "volume": "7",
            "pages": "231-238",
            "publisher": "MIT Press",
            "place": "Cambridge, MA",
        },
    ),
    (
        "encyclopedia-pages-then-publisher",
        "Pettingill, O. S. (1980). Falconry. World book encyclopedia. (pp. 150-155). Chicago: "
        "World Book.",
        {
            "type": "chapter",
            "container": "World book encyclopedia",
            "pages": "150-155",
            "publisher": "World Book",
        },
    ),
    (
        "web-page-with-place-only",
        "Kolbe, T. (2011). Time and learning in schools. Boston, MA. Retrieved from "
        "http://www.timeandlearning.org/",
        {"type": "webpage", "container": "", "place": "Boston, MA", "publisher": ""},
    ),
    (
        "en-editor-bracket-before-journal",
        "Hussey, E. (1991). Mathematical objects. (I. Mueller, Ed.) Aperion, 24(4), 105-133.",
        {"container": "Aperion", "volume": "24", "issue": "4", "pages": "105-133"},
    ),
]


@pytest.mark.parametrize("text,want", [(t, w) for _, t, w in CASES], ids=[c[0] for c in CASES])
def test_shape_fields(text: str, want: dict[str, Any]) -> None:
    got = _fields(text)
    assert {k: got[k] for k in want} == want
