"""Findings about the files a manuscript names rather than its text (S9xx).

A LaTeX manuscript names its .bib files; refcheck reads only those inside the manuscript's own
folder tree (``refcheck.latex.named_bibs``). A name that points elsewhere is reported here,
with the path as written, and is never read.
"""

from __future__ import annotations

from collections.abc import Iterator

from refcheck.findings import Finding, Rule, Severity, register
from refcheck.rules import Context, check

register(Rule(
    "S901", "file-outside-manuscript-folder", Severity.ERROR, "load",
    "The manuscript names a file outside its own folder (an absolute path, '..' leading out, or "
    "a symbolic link leaving the folder). refcheck does not read it, so its entries are not "
    "checked: a manuscript cannot make refcheck read, report or export other files.",
    "\\bibliography{../../shared/refs} or \\addbibresource{/home/me/all.bib}",
    "\\bibliography{refs} with refs.bib beside the .tex",
))


@check("S901")
def refused_files(ctx: Context) -> Iterator[Finding]:
    for refused in ctx.document.refused:
        yield Finding.make(
            "S901",
            f"{refused.path} was not read: {refused.reason} (a manuscript reads only files "
            "inside its own folder)",
            ctx.document, refused.span)
