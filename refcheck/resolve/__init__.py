"""The resolve stage: DOIs against doi.org/Crossref/DataCite and URLs against the web.

The only network stage. Everything it learns is returned as ``Resolution`` records; see
``docs/resolve.md`` for statuses, limits, the cache and the SSRF policy. Names are imported on
first use (PEP 562) so that offline runs never load the HTTP stack.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from refcheck.resolve.doi import normalise_doi
    from refcheck.resolve.resolver import Resolver, ResolverStats
    from refcheck.resolve.settings import ResolverSettings

__all__ = ["Resolver", "ResolverSettings", "ResolverStats", "normalise_doi"]

_WHERE = {
    "Resolver": "refcheck.resolve.resolver",
    "ResolverStats": "refcheck.resolve.resolver",
    "ResolverSettings": "refcheck.resolve.settings",
    "normalise_doi": "refcheck.resolve.doi",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'refcheck.resolve' has no attribute {name!r}")
