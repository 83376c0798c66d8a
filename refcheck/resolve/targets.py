"""Which DOI and which URL of an entry the resolver checks.

Kept apart from the resolver so that the offline checks can use it without importing the
HTTP stack (``requests`` alone costs a quarter of a second of start-up).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from refcheck.model import Reference

# The note of every result the resolver could not verify because nothing could be reached; the
# checks count these into one summary line instead of one R802 per DOI and URL.
NETWORK_DOWN = "network unreachable"
VERIFIED = frozenset({"ok", "mismatch", "not_found", "suggested", "dead", "moved", "blocked"})

_DOI_HOSTS = frozenset({"doi.org", "dx.doi.org", "www.doi.org"})
_SHORT_DOI = re.compile(r"doi\.org/10/[a-z0-9]+/?$", re.IGNORECASE)


def doi_of(ref: Reference) -> str:
    """The DOI text an entry carries (the DOI field, or a doi.org URL)."""
    if ref.doi or ref.doi_raw:
        return ref.doi or ref.doi_raw
    if ref.url:
        try:
            host = (urlsplit(ref.url).hostname or "").lower()
        except ValueError:
            return ""
        if host in _DOI_HOSTS and not _SHORT_DOI.search(ref.url):
            return ref.url  # a shortDOI link ("https://doi.org/10/b9tmbm") is checked as a link
    return ""


def url_of(ref: Reference) -> str:
    """The web URL to check (doi.org links are checked as DOIs instead)."""
    if not ref.url or doi_of(ref) == ref.url:
        return ""
    url = ref.url.strip()
    if url.lower().startswith("www."):  # "www.example.org/x": the scheme was left out
        url = "https://" + url
    return url
