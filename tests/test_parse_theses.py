"""Theses and dissertations: the genre (in brackets, after a colon or as its own sentence) leaves
the title, and the institution, town and extent after it are told apart."""

from __future__ import annotations

from refcheck.model import Reference
from refcheck.parse import parse_string as _parse_string


def parse_string(text: str) -> Reference:
    """These tests pin the grammar's rules (the labeller reads non-APA entries in the pipeline;
    its shapes are pinned in test_parse_labeller.py). The grammar also decides P103."""
    return _parse_string(text, reader="grammar")


def test_turkish_thesis_sentence_without_brackets() -> None:
    r = parse_string(
        "Demir, B. (2018). Kafkasya'da enerji güvenliği. Yayınlanmamış Doktora Tezi, "
        "Ankara Üniversitesi Sosyal Bilimler Enstitüsü, Ankara."
    )
    assert (r.type, r.title, r.genre, r.publisher) == (
        "thesis",
        "Kafkasya'da enerji güvenliği",
        "Yayınlanmamış Doktora Tezi",
        "Ankara Üniversitesi Sosyal Bilimler Enstitüsü",
    )


def test_thesis_genre_after_a_colon_and_a_town_alone() -> None:
    r = parse_string(
        "Əliyev, R. (2011). Neft sənayesinin tarixi: tarix üzrə fəlsəfə doktoru "
        "dissertasiyası. Gəncə, 160 s."
    )
    assert (r.type, r.title, r.genre, r.place, r.publisher) == (
        "thesis",
        "Neft sənayesinin tarixi",
        "tarix üzrə fəlsəfə doktoru dissertasiyası",
        "Gəncə",
        "",
    )


def test_extent_leaves_a_thesis_institution() -> None:
    r = parse_string(
        "Məmmədli, K. (2015). Dil siyasəti. Filologiya üzrə fəlsəfə doktoru dissertasiyası. "
        "Bakı: AMEA, 210 s."
    )
    assert (r.type, r.publisher) == ("thesis", "AMEA")


def test_azerbaijani_thesis_bracket_with_a_long_institution() -> None:
    r = parse_string(
        "Əliyev, R. (2019). Cənubi Qafqazda enerji təhlükəsizliyi [Siyasi elmlər üzrə fəlsəfə "
        "doktoru dissertasiyası, Bakı Dövlət Universitetinin Beynəlxalq Münasibətlər fakültəsi]."
    )
    assert r.type == "thesis"
    assert r.title == "Cənubi Qafqazda enerji təhlükəsizliyi"
    assert r.genre == "Siyasi elmlər üzrə fəlsəfə doktoru dissertasiyası"
    assert r.publisher == "Bakı Dövlət Universitetinin Beynəlxalq Münasibətlər fakültəsi"


def test_long_thesis_genre_in_parentheses_then_place_and_institution() -> None:
    r = parse_string(
        "Hüseynova, S. (2018). Naxçıvan xanlığının tarixi (tarix üzrə fəlsəfə doktoru "
        "dissertasiyasının avtoreferatı). Bakı: AMEA A. A. Bakıxanov adına Tarix İnstitutu."
    )
    assert r.type == "thesis"
    assert r.title == "Naxçıvan xanlığının tarixi"
    assert r.genre == "tarix üzrə fəlsəfə doktoru dissertasiyasının avtoreferatı"
    assert (r.place, r.publisher) == ("Bakı", "AMEA A. A. Bakıxanov adına Tarix İnstitutu")


def test_long_azerbaijani_thesis_genre_after_a_colon() -> None:
    r = parse_string(
        "Əliyev, T. (2012). Naxçıvan dialektlərinin leksikası: filologiya üzrə elmlər doktoru "
        "elmi dərəcəsi almaq üçün təqdim edilmiş dissertasiyanın avtoreferatı. Bakı, 48 s."
    )
    assert r.type == "thesis"
    assert r.title == "Naxçıvan dialektlərinin leksikası"
    assert r.genre.endswith("dissertasiyanın avtoreferatı")


def test_a_thesis_kind_after_a_spaced_comma_ends_the_title() -> None:
    r = parse_string(
        "Zengin E. 2017. Küresel Isınmanın Araçlar Üzerinde Etkisi ,Yüksek Lisans Tezi, Fen "
        "Bilimleri Enstitüsü, Mersin Üniversitesi"
    )
    assert (r.title, r.type) == ("Küresel Isınmanın Araçlar Üzerinde Etkisi", "thesis")
