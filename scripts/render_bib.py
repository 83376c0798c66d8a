"""Render a manuscript's reference list to PDF with the tools authors use, and check the logs.

Two pipelines, each from refcheck's own export of the manuscript:

* ``biblatex``: ``refcheck export --to biblatex`` (UTF-8) → xelatex + biber + biblatex-apa
  (``style=apa``), with the preamble docs/export.md recommends;
* ``bibtex``: ``refcheck export --to bibtex --encoding ascii`` (7-bit) → pdflatex + bibtex with
  the ``apalike`` style.

A run passes when every tool exits 0 and no log holds an error or a warning from LaTeX's
citation machinery (biber's ``WARN``, biblatex's ``Package biblatex Warning``, BibTeX's
``Warning--``, LaTeX's undefined-citation and missing-character warnings). Usage::

    python scripts/render_bib.py MANUSCRIPT [--out DIR] [--pipeline biblatex|bibtex|both]
        [--script romanised|original] [--png]

``--png`` also writes page 1 of each PDF as a PNG (pdftoppm), for docs/export.md. Exit code 0
when clean, 1 with the offending log lines printed, 2 when a tool is missing. The slow test in
tests/test_export_latex_compile.py runs it on the seed when TeX is installed.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

# The preamble that works with biblatex-apa for English, Turkish, Azerbaijani and Russian
# entries (docs/export.md explains each line):
# * xelatex + fontspec with a font that has Latin, Turkish, Azerbaijani (ə) and Cyrillic;
# * babel with English only: biblatex-apa has no Turkish or Azerbaijani localisation, and babel
#   Turkish makes "=" an active shorthand, which breaks biblatex's key=value parsing;
# * autolang=none: entries keep English strings ("Retrieved", "n.d.") as APA wants, and langid
#   still decides sentence casing (biblatex-apa only sentence-cases English entries).
BIBLATEX_PREAMBLE = r"""\documentclass{article}
\usepackage{fontspec}
\setmainfont{DejaVu Serif}
\usepackage[english]{babel}
\usepackage{csquotes}
\usepackage[style=apa,backend=biber,autolang=none]{biblatex}
\addbibresource{refs.bib}
"""

BIBTEX_PREAMBLE = r"""\documentclass{article}
\usepackage[T2A,T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{tipa}
\usepackage[english]{babel}
\usepackage{url}
"""

BODY = r"""\begin{document}
\nocite{*}
%s
\end{document}
"""

# log lines that mean the bibliography did not come out right
PROBLEMS = re.compile(
    r"^(?:WARN|ERROR)\b.*"  # biber
    r"|.*Package biblatex Warning.*"
    r"|^Warning--.*"  # bibtex
    r"|.*Citation .* undefined.*"
    r"|.*There were undefined references.*"
    r"|.*Missing character: There is no .*"  # a glyph the font lacks (xelatex)
    r"|^! .*",  # any TeX error
    re.MULTILINE,
)


@dataclass
class Result:
    pipeline: str
    pdf: Path | None
    problems: list[str] = field(default_factory=list)


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, cwd=cwd, capture_output=True, text=True, timeout=600, check=False,
        encoding="utf-8", errors="replace",
    )  # fmt: skip


def _problems(*texts: str) -> list[str]:
    return [m.group(0).strip() for t in texts for m in PROBLEMS.finditer(t)]


def missing_tools(pipeline: str) -> list[str]:
    need = ["xelatex", "biber"] if pipeline == "biblatex" else ["pdflatex", "bibtex"]
    missing = [t for t in need if shutil.which(t) is None]
    if pipeline == "biblatex" and not missing:
        kpse = _run(["kpsewhich", "apa.bbx"], Path.cwd())
        if not kpse.stdout.strip():
            missing.append("biblatex-apa (apa.bbx)")
    return missing


def render(manuscript: Path, out: Path, pipeline: str, script: str = "romanised") -> Result:
    """Export, compile and check one pipeline; the PDF and the problems found."""
    from refcheck import api

    work = out / pipeline
    work.mkdir(parents=True, exist_ok=True)
    doc = api.load(manuscript)
    if pipeline == "biblatex":
        bib = api.export(doc, "biblatex", script=script)
        tex = BIBLATEX_PREAMBLE + BODY % r"\printbibliography"
        engine, backend = "xelatex", ["biber", "refs"]
    else:
        bib = api.export(doc, "bibtex", encoding="ascii")
        tex = BIBTEX_PREAMBLE + BODY % "\\bibliographystyle{apalike}\n\\bibliography{refs}"
        engine, backend = "pdflatex", ["bibtex", "refs"]
    (work / "refs.bib").write_text(bib, encoding="utf-8")
    (work / "refs.tex").write_text(tex, encoding="utf-8")
    latex = [engine, "-interaction=nonstopmode", "-halt-on-error", "refs.tex"]
    logs: list[str] = []
    for cmd in (latex, backend, latex, latex):
        proc = _run(cmd, work)
        logs.append(proc.stdout + proc.stderr)
        if proc.returncode != 0:
            return Result(pipeline, None, [f"{cmd[0]} exited {proc.returncode}", *_problems(*logs)])
    texlog = (work / "refs.log").read_text(encoding="utf-8", errors="replace")
    backend_log = work / ("refs.blg")
    blg = backend_log.read_text(encoding="utf-8", errors="replace") if backend_log.exists() else ""
    # only the last LaTeX run's log counts (the first ones lack the bibliography by design)
    return Result(pipeline, work / "refs.pdf", _problems(texlog, blg, logs[1]))


def to_png(pdf: Path, dest: Path) -> Path:
    """Page 1 of the PDF as a PNG at 110 dpi (pdftoppm from poppler-utils)."""
    stem = dest.with_suffix("")
    _run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", str(pdf),
          str(stem)], pdf.parent)  # fmt: skip
    return stem.with_suffix(".png")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("manuscript", type=Path)
    ap.add_argument("--out", type=Path, default=Path("out/render"))
    ap.add_argument("--pipeline", choices=("biblatex", "bibtex", "both"), default="both")
    ap.add_argument("--script", choices=("romanised", "original"), default="romanised")
    ap.add_argument("--png", action="store_true", help="also write page 1 of each PDF as PNG")
    args = ap.parse_args(argv)
    pipelines = ["biblatex", "bibtex"] if args.pipeline == "both" else [args.pipeline]
    status = 0
    for pipeline in pipelines:
        if missing := missing_tools(pipeline):
            print(f"{pipeline}: missing {', '.join(missing)}", file=sys.stderr)
            return 2
        result = render(args.manuscript, args.out, pipeline, args.script)
        if result.problems:
            status = 1
            print(f"{pipeline}: {len(result.problems)} problem(s)")
            for line in result.problems:
                print(f"  {line}")
        else:
            print(f"{pipeline}: clean, {result.pdf}")
        if args.png and result.pdf is not None:
            print(f"  page 1: {to_png(result.pdf, args.out / f'{pipeline}-page1.png')}")
    return status


if __name__ == "__main__":
    sys.exit(main())
