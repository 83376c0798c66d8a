"""LaTeX manuscripts: .tex body, .bib references, \\cite keys, positions in the right file."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from refcheck import api
from refcheck.cli import main
from refcheck.config import Config
from refcheck.errors import InputError, NoReferencesError
from refcheck.findings import Report
from refcheck.latex import (
    bib_blocks,
    bib_files,
    bib_references,
    extract_latex_citations,
    latex_to_text,
    mask_latex,
)
from refcheck.model import Organization, ParseStatus, Person, Span
from refcheck.report import render

TEX = r"""\documentclass{article}
\usepackage{natbib}
% \bibliography{old-and-missing}
\begin{document}
Turkey's policy \citep[see][p.~12]{yilmaz2019,aliyev2020} changed.
\citet{ivanov2018} argues otherwise, as does \citep{nokey2021}.
\begin{verbatim}
\cite{inverbatim}
\end{verbatim}
Moreover \citet*[pp.~3--4]{mfa2020}. % \cite{commented}
\bibliographystyle{apalike}
\bibliography{refs}
\end{document}
"""

BIB = r"""@string{jtp = "Journal of Turkish Politics"}

@article{yilmaz2019,
  author  = {Y{\i}lmaz, Ay{\c{s}}e and {\"O}zt{\"u}rk, Mehmet},
  title   = {T{\"u}rk D{\i}{\c{s}} Politikas{\i} [Turkish foreign policy]},
  journal = jtp,
  year    = {2019},
  volume  = {12}, number = {3}, pages = {45--67},
  doi     = {https://doi.org/10.1234/jtp.2019.12}
}

@book{aliyev2020,
  author    = {Əliyev, Rəşad},
  title     = {Azərbaycan tarixi [History of Azerbaijan]},
  publisher = {Elm},
  year      = 2020
}

@article{ivanov2018,
  author = {Иванов, Иван and Петров, Пётр and Сидоров, С.},
  title = {Внешняя политика России [Russia's foreign policy]},
  journal = {Международная жизнь},
  year = {2018}, month = sep
}

@misc{mfa2020,
  author = {{Ministry of Foreign Affairs}},
  title = {Statement on the region},
  year = {2020},
  url = {https://www.mfa.gov.tr/a\_b}
}

@book{uncited2017,
  author = {Demir, Ali},
  title = {Uncited book},
  publisher = {X},
  year = {2017}
}

@article{broken2015,
  author = {Kaya, B.},
  title = {Broken entry,
  year = {2015}

@book{after2016, author = {Zeki, A.}, title = {After the broken one}, year = {2016},
  publisher = {P}}
"""

OFFLINE = Config(offline=True)


@pytest.fixture
def paper(tmp_path: Path) -> Path:
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    tex = tmp_path / "paper.tex"
    tex.write_text(TEX, encoding="utf-8")
    return tex


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_bib_entries_become_references(paper: Path) -> None:
    doc = api.load(paper)
    assert doc.format == "latex"
    assert [r.key for r in doc.references] == [
        "yilmaz2019",
        "aliyev2020",
        "ivanov2018",
        "mfa2020",
        "uncited2017",
        "broken2015",
        "after2016",
    ]
    assert len(doc.entries) == len(doc.references)
    y, a, i, m, _, broken, after = doc.references
    assert y.authors == (Person("Yılmaz", "Ayşe"), Person("Öztürk", "Mehmet"))
    assert (y.title, y.title_translation) == ("Türk Dış Politikası", "Turkish foreign policy")
    assert y.container_title == "Journal of Turkish Politics"  # from @string
    assert (y.volume, y.issue, y.pages, y.year) == ("12", "3", "45–67", 2019)
    assert (y.doi, y.type, y.apa_conformant) == ("10.1234/jtp.2019.12", "article-journal", True)
    assert a.authors == (Person("Əliyev", "Rəşad"),) and a.type == "book"
    assert (a.publisher, a.year) == ("Elm", 2020)
    assert i.authors[0] == Person("Иванов", "Иван") and len(i.authors) == 3
    assert i.date is not None and (i.date.year, i.date.month) == (2018, 9)
    assert m.authors == (Organization("Ministry of Foreign Affairs"),)
    assert (m.type, m.url) == ("webpage", "https://www.mfa.gov.tr/a_b")
    assert broken.status is ParseStatus.UNPARSED
    assert "missing closing brace" in broken.reason
    assert after.status is ParseStatus.PARSED and after.title == "After the broken one"
    # spans and lines point into the appended .bib, lines counted within the .bib
    assert doc.text[y.span.start :].startswith("@article{yilmaz2019")
    assert y.line == _line_of(BIB, "@article{yilmaz2019")
    assert doc.where(y.span.start) == (str(paper.parent / "refs.bib"), y.line, 1)
    assert doc.where(doc.text.index("\\citep"))[0] is None


def test_citations_from_cite_commands(paper: Path) -> None:
    doc = api.load(paper)
    cites = extract_latex_citations(doc)
    assert [c.key for c in cites] == [
        "yilmaz2019",
        "aliyev2020",
        "ivanov2018",
        "nokey2021",
        "mfa2020",
    ]
    y, a, iv, nokey, mfa = cites
    assert (y.kind, y.prefix, y.locator, y.group, y.group_position) == (
        "parenthetical",
        "see",
        "",
        1,
        0,
    )
    assert (a.locator, a.locator_style, a.group, a.group_position) == ("p. 12", "p.", 1, 1)
    assert y.authors == ("Yılmaz", "Öztürk") and y.year == 2019 and y.connector == "&"
    assert y.text == "Yılmaz & Öztürk, 2019"
    assert (iv.kind, iv.authors, iv.et_al, iv.text) == (
        "narrative",
        ("Иванов",),
        True,
        "Иванов et al. (2018)",
    )
    assert nokey.authors == () and nokey.year is None and nokey.text == "nokey2021"
    assert (mfa.kind, mfa.locator, mfa.authors) == (
        "narrative",
        "pp. 3–4",
        ("Ministry of Foreign Affairs",),
    )
    assert doc.text[nokey.span.start : nokey.span.end] == "nokey2021"


def _check(path: Path) -> Report:
    return api.check(api.load(path), OFFLINE)


def test_cross_checks_name_the_right_file_and_line(paper: Path) -> None:
    report = _check(paper)
    bib = str(paper.parent / "refs.bib")
    x301 = [(f.path, f.line, f.column, f.message) for f in report.findings if f.code == "X301"]
    col = TEX.splitlines()[5].index("nokey2021") + 1
    assert x301 == [
        (None, 6, col, "\\cite key 'nokey2021' has no entry in the .bib or thebibliography list"),
    ]
    x302 = [(f.path, f.line, f.reference) for f in report.findings if f.code == "X302"]
    assert x302 == [
        (bib, _line_of(BIB, "@book{uncited2017"), 5),
        (bib, _line_of(BIB, "@article{broken2015"), 6),
        (bib, _line_of(BIB, "@book{after2016"), 7),
    ]
    p101 = [(f.path, f.line) for f in report.findings if f.code == "P101"]
    assert p101 == [(bib, _line_of(BIB, "@article{broken2015"))]
    links = {report.citations[lk.citation].key: lk for lk in report.links}
    assert links["yilmaz2019"].method == "key" and links["yilmaz2019"].reference == 1
    assert links["nokey2021"].reference is None
    # verbatim and comments are not citations; the commented \bibliography is not followed
    assert "inverbatim" not in {c.key for c in report.citations}
    assert "commented" not in {c.key for c in report.citations}
    # BibTeX is not the APA list form: no P103/P104 noise from .bib entries; the style sorts
    # and letters the list, so the .bib's own order is not an L401/L402/L403 finding
    assert not [f for f in report.findings if f.code in {"P103", "P104", "L401", "L402", "L403"}]


def test_reports_print_the_bib_path(paper: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(paper.parent)
    report = api.check(api.load("paper.tex"), OFFLINE)
    text = render(report, "text", verbose=True)
    line = _line_of(BIB, "@book{uncited2017")
    assert f"refs.bib:{line}:1: X302 [warning] entry Demir (2017) is never cited" in text
    assert "paper.tex:6:" in text
    compact = render(report, "text").splitlines()  # grouped by file: the .bib is a group
    bib_group = compact[compact.index("refs.bib") :]
    assert f"{line}:1  warning  X302  entry Demir (2017) is never cited" in "\n".join(bib_group)
    assert compact[0] == "paper.tex"
    sarif = json.loads(render(report, "sarif"))
    run = sarif["runs"][0]
    assert [a["location"]["uri"] for a in run["artifacts"]] == ["paper.tex", "refs.bib"]
    x302 = next(r for r in run["results"] if r["ruleId"] == "X302")
    loc = x302["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "refs.bib", "index": 1}
    assert loc["region"]["startLine"] == line
    gh = render(report, "github")
    assert f"::warning file=refs.bib,line={line},col=1,title=X302::" in gh
    junit = render(report, "junit")
    assert f"refs.bib:{line}:1: X302" in junit


def test_cli_json_exit_code_and_paths(
    paper: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(paper.parent)
    code = main(["check", "paper.tex", "--offline", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 1, err
    data = json.loads(out)
    assert data["path"] == "paper.tex" and data["references"] == 7 and data["citations"] == 5
    got = {(f["code"], f["path"], f["line"]) for f in data["findings"] if f["code"][0] == "X"}
    assert ("X301", "paper.tex", 6) in got
    assert ("X302", "refs.bib", _line_of(BIB, "@book{uncited2017")) in got


def test_missing_bib_is_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tex = tmp_path / "p.tex"
    tex.write_text("\\begin{document}\nA \\cite{a}.\n\\bibliography{gone}\n\\end{document}\n")
    with pytest.raises(InputError, match=r"gone\.bib not found") as exc:
        api.load(tex)
    assert exc.value.line == 3
    assert main(["check", str(tex), "--offline"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "gone.bib" in err


def test_no_bib_and_no_thebibliography_says_so(tmp_path: Path) -> None:
    tex = tmp_path / "p.tex"
    tex.write_text("\\begin{document}\nA \\cite{a}.\n\\end{document}\n")
    with pytest.raises(NoReferencesError, match="thebibliography") as exc:
        api.load(tex)
    assert "\\bibliography" in exc.value.message
    with pytest.raises(NoReferencesError):
        api.load_text("\\begin{document}x\\end{document}", "<t>", "latex")


THEBIB = r"""\documentclass{article}
\begin{document}
As \citet{kaya} shows, others agree \citep[p.~5]{smith,nobody}.
\begin{thebibliography}{9}
\bibitem[Kaya(2019)]{kaya} Kaya, A. (2019). \emph{T{\"u}rkiye'de d{\i}{\c{s}} politika}
  [Foreign policy in Turkey]. Bilgi.
\bibitem{smith}
Smith, J., \& Jones, K. (2020). A title. \textit{Journal of Things}, \textit{3}(2), 12--34.
\bibitem{zed} Zed, Z. (2001). Uncited. Publisher.
\end{thebibliography}
\end{document}
"""


def test_thebibliography_variant(tmp_path: Path) -> None:
    tex = tmp_path / "tb.tex"
    tex.write_text(THEBIB, encoding="utf-8")
    doc = api.load(tex)
    assert [r.key for r in doc.references] == ["kaya", "smith", "zed"]
    kaya, smith, _ = doc.references
    assert kaya.authors == (Person("Kaya", "A."),) and kaya.year == 2019
    assert kaya.title.startswith("Türkiye'de dış politika")
    assert smith.container_title == "Journal of Things" and smith.pages == "12–34"
    assert [r.line for r in doc.references] == [5, 7, 9]
    report = api.check(doc, OFFLINE)
    x = sorted((f.code, f.path, f.line) for f in report.findings if f.code[0] == "X")
    assert x == [("X301", None, 3), ("X302", None, 9)]
    assert {report.citations[lk.citation].key: lk.method for lk in report.links} == {
        "kaya": "key",
        "smith": "key",
        "nobody": "",
    }


def test_hand_typed_citations_fall_back_to_text(tmp_path: Path) -> None:
    text = THEBIB.replace("\\citet{kaya}", "Kaya (2019)").replace(
        "\\citep[p.~5]{smith,nobody}", "(Smith & Jones, 2020)"
    )
    tex = tmp_path / "hand.tex"
    tex.write_text(text, encoding="utf-8")
    report = api.check(api.load(tex), OFFLINE)
    assert [c.text for c in report.citations] == ["Kaya (2019)", "Smith & Jones, 2020"]
    assert [f.line for f in report.findings if f.code == "X302"] == [9]


def test_bib_block_splitting_and_recovery() -> None:
    text = "junk @comment{x}\n@article{a, title={T}}\n@book{b,\n title={U}\n@misc(c, title={V})\n"
    blocks = list(bib_blocks(text))
    assert [(b.kind, b.key, b.complete) for b in blocks] == [
        ("comment", "", True),
        ("article", "a", True),
        ("book", "b", False),
        ("misc", "c", True),
    ]
    entries, refs = bib_references(text, offset=100, first_line=1)
    assert [r.key for r in refs] == ["a", "b", "c"]
    assert [r.status for r in refs] == [
        ParseStatus.PARSED,
        ParseStatus.UNPARSED,
        ParseStatus.PARSED,
    ]
    assert refs[0].span == Span(100 + text.index("@article"), 100 + text.index("\n@book"))
    assert [e.line for e in entries] == [2, 3, 5]


def test_latex_to_text_and_masking() -> None:
    assert latex_to_text(r"Y{\i}lmaz {\c{S}}ahin \u{g} \"Ozt\"urk 12--34 A~B \& C") == (
        "Yılmaz Şahin ğ Öztürk 12–34 A B & C"
    )
    assert latex_to_text(r"\emph{Title} of {NATO}") == "*Title* of NATO"
    masked = mask_latex("a % c\n50\\% b %x\n")
    assert masked == "a    \n50\\% b   \n"
    verb = "\\begin{verbatim}\n\\cite{x}\n\\end{verbatim} after"
    assert mask_latex(verb) == " " * 16 + "\n" + " " * 8 + "\n" + " " * 14 + " after"


def test_bib_files_ignores_comments(tmp_path: Path) -> None:
    tex = "%\\bibliography{old}\n\\addbibresource[label=x]{a.bib}\n\\bibliography{b, c}\n"
    got = [(p.name, line) for p, line in bib_files(tex, tmp_path / "t.tex")]
    assert got == [("a.bib", 2), ("b.bib", 3), ("c.bib", 3)]


@pytest.mark.parametrize(
    "text",
    [
        "\\cite[" * 20_000,
        "\\citep{" * 15_000,
        "\\bibliography{" * 8_000,
        "%" * 50_000 + "\\" * 50_000,
        "\\begin{verbatim}x\\end{verbatim}" * 3_000,
        "\\cite" + " " * 100_000,
        "{" * 100_000,
    ],
    ids=["opt", "key", "bibliography", "percent", "verbatim", "spaces", "braces"],
)
def test_tex_scanners_are_linear(text: str) -> None:
    t0 = time.perf_counter()
    masked = mask_latex(text)
    bib_files(text, "/nonexistent/t.tex")
    from refcheck.model import Document

    doc = Document(text=text, format="latex", body=Span(0, len(text)))
    extract_latex_citations(doc)
    assert len(masked) == len(text)
    assert time.perf_counter() - t0 < 2.0


@pytest.mark.parametrize(
    "text", ["@a{" * 30_000, "@a{x,\n" * 2_000, "}" * 100_000], ids=["open", "lines", "close"]
)
def test_bib_scanner_is_linear(text: str) -> None:
    t0 = time.perf_counter()
    entries, refs = bib_references(text)
    assert len(entries) == len(refs)
    assert time.perf_counter() - t0 < 3.0


def test_biblatex_fields_and_in_memory_thebibliography() -> None:
    bib = (
        '@online{site, author = {{T{\\"U}B{\\.I}TAK}}, title = {Rapor}, date = {2021-03-05},\n'
        " urldate = {2024-01-02}, url = {https://tubitak.gov.tr/r}, langid = {turkish}}\n"
        "@thesis{th, author = {Quliyev, Elvin}, title = {Dissertasiya}, type = {phdthesis},\n"
        " institution = {BDU}, year = {n.d.}}\n"
    )
    _, (site, th) = bib_references(bib)
    assert site.authors == (Organization("TÜBİTAK"),) and site.type == "webpage"
    assert site.date is not None and site.date.iso() == "2021-03-05" and site.year == 2021
    assert site.accessed is not None and site.accessed.iso() == "2024-01-02"
    assert (site.language, site.url) == ("tr", "https://tubitak.gov.tr/r")
    assert (th.type, th.publisher, th.no_date, th.year) == ("thesis", "BDU", True, None)
    doc = api.load_text(THEBIB, "<mem>", "latex")
    assert [r.key for r in doc.references] == ["kaya", "smith", "zed"]
    assert doc.where(doc.references[0].span.start) == (None, 5, 1)
