"""Reading ``<meta>`` and ``<link>`` tags once: document → keyed (name, content) pairs.

Input → output: a read-only lxml document → ``MetaTag``/``LinkTag`` tuples in document
order, with lower-cased keys, shared by ``opengraph`` and ``meta``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lxml import etree, html

from articlekit.metadata._text import clean_text

__all__ = ["LinkTag", "MetaTag", "collect_links", "collect_meta", "meta_values"]

META_TAGS = etree.XPath("/descendant::meta[@content]")
"""Every ``<meta>`` with a ``content`` attribute. ``/descendant::x[…]`` selects what
``//x[…]`` does (no positional predicate), but libxml2 walks the tree once for it instead
of testing the children of every node: half the time. The other metadata XPaths do the
same."""
LINK_TAGS = etree.XPath("/descendant::link[@href and @rel]")
"""Every ``<link>`` with ``rel`` and ``href``."""
META_KEY_ATTRIBUTES = ("property", "name", "http-equiv")
"""Attributes that name a meta tag (``itemprop`` is microdata, read by ``dom``)."""
DUBLIN_CORE_RE = re.compile(r"^(dc|dcterms):")
"""``dc:title`` (RDFa) is read as ``dc.title`` (HTML meta convention)."""
MAX_META_TAGS = 2_000
"""At most this many meta tags are read (pages with more are generated junk)."""


@dataclass(frozen=True, slots=True)
class MetaTag:
    """One ``<meta>``: its lower-cased key (``og:title``, ``author`` …) and clean content."""

    key: str
    content: str
    attribute: str


@dataclass(frozen=True, slots=True)
class LinkTag:
    """One ``<link>``: its lower-cased ``rel`` tokens and raw ``href``."""

    rel: frozenset[str]
    href: str


def _elements(result: object) -> Iterator[etree._Element]:
    """XPath result → the elements in it."""
    if isinstance(result, list):
        for item in result:
            if isinstance(item, etree._Element):
                yield item


def collect_meta(root: html.HtmlElement) -> tuple[MetaTag, ...]:
    """Document → every named ``<meta>`` with non-empty content, in document order."""
    tags: list[MetaTag] = []
    for element in _elements(META_TAGS(root)):
        if len(tags) >= MAX_META_TAGS:
            break
        content = clean_text(element.get("content"))
        if content is None:
            continue
        for attribute in META_KEY_ATTRIBUTES:
            # RDFa allows several space-separated properties on one tag
            for raw_key in (element.get(attribute) or "").lower().split():
                key = (
                    DUBLIN_CORE_RE.sub(r"\1.", raw_key)
                    if raw_key.startswith(("dc:", "dcterms:"))
                    else raw_key
                )
                tags.append(MetaTag(key, content, attribute))
    return tuple(tags)


def collect_links(root: html.HtmlElement) -> tuple[LinkTag, ...]:
    """Document → every ``<link rel href>``, in document order."""
    links: list[LinkTag] = []
    for element in _elements(LINK_TAGS(root)):
        if len(links) >= MAX_META_TAGS:
            break
        rel = frozenset((element.get("rel") or "").lower().split())
        href = element.get("href") or ""
        if rel and href.strip():
            links.append(LinkTag(rel, href.strip()))
    return tuple(links)


def meta_values(tags: Iterable[MetaTag], key: str) -> tuple[str, ...]:
    """Meta tags and a lower-case key → the contents of the tags with that key, in order."""
    return tuple(tag.content for tag in tags if tag.key == key)
