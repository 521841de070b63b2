"""OpenGraph and Twitter cards: ``og:*``/``article:*``/``twitter:*`` meta tags → ``Findings``.

Input → output: the document's meta tags (from ``_head.collect_meta``) and the page URL →
OpenGraph candidates (title, description, site name, URL, image, locale, dates, authors,
section, tags, content tier) and Twitter candidates (title, description, site, creator,
image). Twitter values carry ``SourceKind.TWITTER``.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Final

from articlekit.metadata._findings import Findings
from articlekit.metadata._head import MetaTag, meta_values
from articlekit.metadata._patterns import parse_byline
from articlekit.metadata._text import absolute_url
from articlekit.metadata.types import Evidence, PersonRef
from articlekit.model.provenance import SourceKind

__all__ = ["extract_opengraph", "extract_twitter"]

URL_LIKE_RE: Final = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.|/)|\.[a-z]{2,4}/", re.IGNORECASE)
"""A value that is a URL (``article:author`` is often a profile URL, not a name)."""

MAX_TAG_CHARS: Final = 80
"""An ``article:tag`` longer than this is a sentence, not a topic."""

PUBLISHED_KEYS: Final = (
    "article:published_time",
    "article:published",
    "og:article:published_time",
    "og:published_time",
    "video:release_date",
)
"""OpenGraph keys of the publication time, best first."""
MODIFIED_KEYS: Final = ("article:modified_time", "og:article:modified_time", "og:updated_time")
"""OpenGraph keys of the modification time, best first."""
AUTHOR_KEYS: Final = ("article:author", "og:article:author")
"""OpenGraph keys of the author (some pages prefix the ``article:`` keys with ``og:``)."""
IMAGE_KEYS: Final = ("og:image:secure_url", "og:image:url", "og:image")
"""OpenGraph keys of the preview image, best first."""
PAYWALL_TIERS: Final = MappingProxyType({"locked": True, "metered": True, "free": False})
"""``article:content_tier`` values and whether they mean a paywall."""


def _texts(
    tags: tuple[MetaTag, ...], keys: tuple[str, ...], kind: SourceKind
) -> list[Evidence[str]]:
    """Meta tags and keys → one evidence per value, keys in the given order."""
    return [Evidence(value, kind, key) for key in keys for value in meta_values(tags, key)]


def _urls(
    tags: tuple[MetaTag, ...], keys: tuple[str, ...], kind: SourceKind, base: str | None
) -> list[Evidence[str]]:
    """Meta tags and keys → one evidence per value that is a usable absolute URL."""
    found: list[Evidence[str]] = []
    for key in keys:
        for value in meta_values(tags, key):
            url = absolute_url(value, base)
            if url is not None:
                found.append(Evidence(url, kind, key))
    return found


def _names(
    values: tuple[str, ...], kind: SourceKind, key: str
) -> tuple[list[Evidence[tuple[PersonRef, ...]]], list[Evidence[tuple[str, ...]]]]:
    """Author values (names or profile URLs) → person and organisation evidence."""
    persons: list[PersonRef] = []
    organizations: list[str] = []
    for value in values:
        if URL_LIKE_RE.search(value) or value.startswith("@"):
            continue
        byline = parse_byline(value)
        persons.extend(PersonRef(name=name, role=byline.role) for name in byline.persons)
        organizations.extend(byline.organizations)
    person_ev = [Evidence(tuple(persons), kind, key)] if persons else []
    org_ev = [Evidence(tuple(organizations), kind, key)] if organizations else []
    return person_ev, org_ev


def extract_opengraph(tags: tuple[MetaTag, ...], *, url: str | None) -> Findings:
    """Meta tags → OpenGraph candidates (see module docstring)."""
    kind = SourceKind.OPENGRAPH
    persons: list[Evidence[tuple[PersonRef, ...]]] = []
    organizations: list[Evidence[tuple[str, ...]]] = []
    for key in AUTHOR_KEYS:
        person_ev, org_ev = _names(meta_values(tags, key), kind, key)
        persons.extend(person_ev)
        organizations.extend(org_ev)
    topics = tuple(tag for tag in meta_values(tags, "article:tag") if len(tag) <= MAX_TAG_CHARS)
    paywalled = [
        Evidence(PAYWALL_TIERS[tier.lower()], kind, "article:content_tier")
        for tier in meta_values(tags, "article:content_tier")
        if tier.lower() in PAYWALL_TIERS
    ]
    return Findings(
        title=tuple(_texts(tags, ("og:title",), kind)),
        summary=tuple(_texts(tags, ("og:description",), kind)),
        site_name=tuple(_texts(tags, ("og:site_name",), kind)),
        language=tuple(_texts(tags, ("og:locale",), kind)),
        canonical_url=tuple(_urls(tags, ("og:url",), kind, url)),
        section=tuple(_texts(tags, ("article:section",), kind)),
        topics=(Evidence(topics, kind, "article:tag"),) if topics else (),
        authors=tuple(persons),
        organizations=tuple(organizations),
        published=tuple(_texts(tags, PUBLISHED_KEYS, kind)),
        modified=tuple(_texts(tags, MODIFIED_KEYS, kind)),
        lead_image=tuple(_urls(tags, IMAGE_KEYS, kind, url)),
        paywalled=tuple(paywalled[:1]),
    )


def extract_twitter(tags: tuple[MetaTag, ...], *, url: str | None) -> Findings:
    """Meta tags → Twitter card candidates (see module docstring)."""
    kind = SourceKind.TWITTER
    persons, organizations = _names(meta_values(tags, "twitter:creator"), kind, "twitter:creator")
    site_names = [
        Evidence(value, kind, "twitter:site")
        for value in meta_values(tags, "twitter:site")
        if not value.startswith("@") and not URL_LIKE_RE.search(value)
    ]
    return Findings(
        title=tuple(_texts(tags, ("twitter:title",), kind)),
        summary=tuple(_texts(tags, ("twitter:description",), kind)),
        site_name=tuple(site_names),
        authors=tuple(persons),
        organizations=tuple(organizations),
        lead_image=tuple(_urls(tags, ("twitter:image", "twitter:image:src"), kind, url)),
    )
