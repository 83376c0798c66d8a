"""Turkish theses and journals cite web sources by the label they list them under:
``(URL-1)`` in the text, ``URL-1. (2014). http://…`` in the list. Both sides key on ``URL-1``."""

from __future__ import annotations

from pathlib import Path

import pytest

from refcheck import check
from refcheck.cite import extract_citations_from_text
from refcheck.config import Config
from refcheck.findings import Finding
from refcheck.parse import parse_string


@pytest.mark.parametrize(
    ("entry", "key", "url"),
    [
        ("URL-1.(2014).http://egitimedair.net/odev Erişim tarihi: 07.08.2014.", "URL-1",
         "http://egitimedair.net/odev"),
        ("URL 2: https://www.meb.gov.tr/haberler/ (Erişim Tarihi: 12.03.2020).", "URL-2",
         "https://www.meb.gov.tr/haberler/"),
        ("URL-12. Türk Dil Kurumu. Güncel Türkçe Sözlük. https://sozluk.gov.tr/", "URL-12",
         "https://sozluk.gov.tr/"),
    ],
)  # fmt: skip
def test_a_listed_web_label_keys_the_entry(entry: str, key: str, url: str) -> None:
    r = parse_string(entry)
    assert (r.label, r.key, r.url) == (key, "", url)
    assert not any(a.display.startswith("URL") for a in r.authors)


def test_an_entry_whose_author_is_named_url_is_no_label() -> None:
    assert parse_string("URL: https://a.org/b").label == ""


def test_labels_are_cited_alone_together_and_beside_dated_works() -> None:
    got = extract_citations_from_text(
        "Haberler (Türkiye Gazetesi, 2014; URL-1; URL-2) ve (bkz. URL 3, URL-4) ile (URL-5)."
    )
    assert [(c.text, c.key, c.group) for c in got] == [
        ("Türkiye Gazetesi, 2014", "", 1),
        ("URL-1", "URL-1", 1),
        ("URL-2", "URL-2", 1),
        ("URL 3", "URL-3", 2),
        ("URL-4", "URL-4", 2),
        ("URL-5", "URL-5", 3),
    ]


def test_a_url_in_prose_is_no_citation() -> None:
    assert extract_citations_from_text("Adres (URL: https://a.org) ve (URL adresi).") == ()


TEXT = """Öğretmenlerin görüşleri haberlere yansımıştır (Kaya, 2019; URL-1). Başka bir haber (URL-3)
de vardır.

KAYNAKÇA

Kaya, A. (2019). Eğitim sorunları. Ankara: Nobel.
URL-1. (2014). http://egitimedair.net/odev Erişim tarihi: 07.08.2014.
URL-2. (2015). https://www.meb.gov.tr/haber Erişim tarihi: 01.02.2015.
"""


def test_web_labels_link_to_their_entries_and_the_rest_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "makale.txt"
    path.write_text(TEXT, encoding="utf-8")
    report = check(path, Config(offline=True))
    by_code: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_code.setdefault(f.code, []).append(f)
    assert [f.message for f in by_code["X301"]] == [
        "(URL-3): no entry labelled URL-3 in the reference list"
    ]
    (uncited,) = by_code["X302"]
    assert uncited.reference == 3  # URL-2 is listed and never cited; URL-1 is cited


LOWER = """Konteynerler hafiftir (docker.docs, 2024; kubernetes, 2015). Sistem (open, 2015) diye.

KAYNAKÇA

docker.docs. (2024). Get Started with Docker. https://docs.docker.com/get-started/ adresinden alındı.

kubernetes. (2015). Borg: Predecessor to Kubernetes. https://kubernetes.io/blog/ adresinden alındı.
"""


def test_a_lower_case_listed_author_is_cited_and_linked(tmp_path: Path) -> None:
    path = tmp_path / "tez.txt"
    path.write_text(LOWER, encoding="utf-8")
    report = check(path, Config(offline=True))
    assert [
        (c.text, lk.reference) for c, lk in zip(report.citations, report.links, strict=True)
    ] == [
        ("docker.docs, 2024", 1),
        ("kubernetes, 2015", 2),
    ]  # "(open, 2015)" names no listed author: prose
    assert not [f for f in report.findings if f.code in ("X301", "X302")]
