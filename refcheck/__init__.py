"""refcheck: check the references of a scholarly manuscript before it is published.

The public API is small: ``load`` a manuscript, ``parse_references`` from text, ``check`` a
document (a :class:`Report` of findings), ``fix`` it (a patch), ``export``
references. Heavy stages load lazily, so
``import refcheck`` is cheap.
"""

from __future__ import annotations

from refcheck.api import check, export, fix, load, load_text, parse_references
from refcheck.errors import (
    ConfigError,
    ExportError,
    InputError,
    NoReferencesError,
    RefcheckError,
)
from refcheck.findings import Finding, Report, Rule, Severity
from refcheck.model import (
    Citation,
    Document,
    FieldDiff,
    Link,
    Normalised,
    Organization,
    ParseStatus,
    PartialDate,
    Person,
    RawEntry,
    Reference,
    Resolution,
    Script,
    Span,
)

__version__ = "0.1.0"

__all__ = [
    "Citation",
    "ConfigError",
    "Document",
    "ExportError",
    "FieldDiff",
    "Finding",
    "InputError",
    "Link",
    "NoReferencesError",
    "Normalised",
    "Organization",
    "ParseStatus",
    "PartialDate",
    "Person",
    "RawEntry",
    "RefcheckError",
    "Reference",
    "Report",
    "Resolution",
    "Rule",
    "Script",
    "Severity",
    "Span",
    "__version__",
    "check",
    "export",
    "fix",
    "load",
    "load_text",
    "parse_references",
]
