"""The JATS 1.3 and Crossref 5.3.1 XML schemas, loaded once per test session.

The official schema files are not part of this repository (they are third-party files and stay
out of its history); tests look for them, in this order, in ``$REFCHECK_XML_SCHEMAS``,
``tests/schemas/`` (git-ignored) and ``../shared/schemas/``, each holding::

    jats-1.3/JATS-journalpublishing1-3-mathml3.xsd      (+ its -elements.xsd, standard-modules/)
    crossref-5.3.1/crossref5.3.1.xsd                   (+ common5.3.1.xsd and the files it imports)

docs/export.md says where the files come from. Without them the schema tests are skipped with
that reason; the structural tests of the same output still run.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
JATS = Path("jats-1.3") / "JATS-journalpublishing1-3-mathml3.xsd"
CROSSREF = Path("crossref-5.3.1") / "crossref5.3.1.xsd"
MATHML_URL = "http://www.w3.org/Math/XMLSchema/mathml3/"


def schema_dirs() -> list[Path]:
    dirs = [HERE / "schemas", HERE.parent.parent / "shared" / "schemas"]
    if env := os.environ.get("REFCHECK_XML_SCHEMAS"):
        dirs.insert(0, Path(env))
    return dirs


def _find(relative: Path) -> Path:
    for d in schema_dirs():
        if (d / relative).is_file():
            return d / relative
    pytest.skip(f"{relative} not found in {', '.join(map(str, schema_dirs()))} (docs/export.md)")


def _load(path: Path) -> Any:
    """An lxml XMLSchema that never touches the network (Crossref imports MathML by URL)."""
    from lxml import etree

    mathml = path.parent / "standard-modules" / "mathml3"

    class Local(etree.Resolver):  # type: ignore[misc]
        def resolve(self, url: str, pubid: str, context: Any) -> Any:
            if url.startswith(MATHML_URL):
                return self.resolve_filename(str(mathml / url.rsplit("/", 1)[1]), context)
            return None

    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(Local())
    return etree.XMLSchema(etree.parse(str(path), parser))


@functools.lru_cache(maxsize=1)
def _jats(path: Path) -> Any:
    return _load(path)


@functools.lru_cache(maxsize=1)
def _crossref(path: Path) -> Any:
    return _load(path)


def jats_schema() -> Any:
    return _jats(_find(JATS))


def crossref_schema() -> Any:
    return _crossref(_find(CROSSREF))
