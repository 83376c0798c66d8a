"""The resolve stage: DOIs against doi.org/Crossref/DataCite and URLs against the web.

The only network stage. Everything it learns is returned as ``Resolution`` records; see
``docs/resolve.md`` for statuses, limits, the cache and the SSRF policy.
"""

from __future__ import annotations

from refcheck.resolve.doi import normalise_doi
from refcheck.resolve.resolver import Resolver, ResolverStats
from refcheck.resolve.settings import ResolverSettings

__all__ = ["Resolver", "ResolverSettings", "ResolverStats", "normalise_doi"]
