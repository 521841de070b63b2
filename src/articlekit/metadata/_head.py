"""Reading ``<meta>`` and ``<link>`` tags once: document → keyed (name, content) pairs.

Input → output: a read-only lxml document → ``MetaTag``/``LinkTag`` tuples in document
order, with lower-cased keys, shared by ``opengraph`` and ``meta``; and ``Marked``: the
elements the metadata extractors look up by tag (meta and link tags, ``<title>``,
JSON-LD scripts, ``<h1>``, ``<time datetime>``, ``<a rel>``), found in one walk of the
document instead of one XPath walk each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from lxml import etree, html

from articlekit._fastinit import fast_frozen_init
from articlekit.metadata._text import clean_text

__all__ = [
    "LinkTag",
    "Marked",
    "MetaTag",
    "collect_links",
    "collect_marked",
    "collect_meta",
    "meta_values",
]

META_KEY_ATTRIBUTES: Final = ("property", "name", "http-equiv")
"""Attributes that name a meta tag (``itemprop`` is microdata, read by ``dom``)."""
DUBLIN_CORE_RE: Final = re.compile(r"^(dc|dcterms):")
"""``dc:title`` (RDFa) is read as ``dc.title`` (HTML meta convention)."""
MAX_META_TAGS: Final = 2_000
"""At most this many meta tags are read (pages with more are generated junk)."""


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class MetaTag:
    """One ``<meta>``: its lower-cased key (``og:title``, ``author`` …) and clean content."""

    key: str
    content: str
    attribute: str


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class LinkTag:
    """One ``<link>``: its lower-cased ``rel`` tokens and raw ``href``."""

    rel: frozenset[str]
    href: str


_ASCII_LOWER: Final = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
"""XPath's ``translate(…, 'AB…Z', 'ab…z')``: ASCII letters only."""
_MARKED_TAGS: Final = ("meta", "link", "title", "script", "h1", "time", "a")
"""The tags ``collect_marked`` reads (an ``iter`` filter: lxml tests them in C)."""


@dataclass(frozen=True, slots=True)
class Marked:
    """The elements the metadata extractors select by tag, in document order (the test
    suite holds the XPath each list equals).

    Attributes:
        meta: ``<meta content>``.
        links: ``<link href rel>``.
        microdata_meta: ``<meta itemprop content>``.
        title: the document's ``<title>`` (a child of ``<head>``, or one inside neither
            an ``<svg>`` nor the body), in a list of at most one.
        ldjson: scripts whose type says ``ld+json`` (any case).
        h1s: every ``<h1>``.
        times: ``<time datetime>`` without ``itemprop``.
        rel_links: ``<a rel>``.
    """

    meta: tuple[etree._Element, ...] = ()
    links: tuple[etree._Element, ...] = ()
    microdata_meta: tuple[etree._Element, ...] = ()
    title: tuple[etree._Element, ...] = ()
    ldjson: tuple[etree._Element, ...] = ()
    h1s: tuple[etree._Element, ...] = ()
    times: tuple[etree._Element, ...] = ()
    rel_links: tuple[etree._Element, ...] = ()


def _is_document_title(title: etree._Element) -> bool:
    """``/descendant::head/title | /descendant::title[not(ancestor::svg) and
    not(ancestor::body)]``, for one ``<title>``."""
    parent = title.getparent()
    if parent is not None and parent.tag == "head":
        return True
    return not any(a.tag in ("svg", "body") for a in title.iterancestors())


def collect_marked(root: html.HtmlElement) -> Marked:
    """Document → ``Marked``, in one walk (the XPaths it stands for walk the whole
    document each; like them, the walk starts at the document's root, whatever
    element of it ``root`` is)."""
    get = etree._Element.get
    meta: list[etree._Element] = []
    links: list[etree._Element] = []
    microdata: list[etree._Element] = []
    title: list[etree._Element] = []
    ldjson: list[etree._Element] = []
    h1s: list[etree._Element] = []
    times: list[etree._Element] = []
    rel_links: list[etree._Element] = []
    for element in root.getroottree().getroot().iter(*_MARKED_TAGS):
        tag = element.tag
        if tag == "a":
            if get(element, "rel") is not None:
                rel_links.append(element)
        elif tag == "meta":
            if get(element, "content") is not None:
                meta.append(element)
                if get(element, "itemprop") is not None:
                    microdata.append(element)
        elif tag == "script":
            kind = get(element, "type")
            if kind and "ld+json" in kind.translate(_ASCII_LOWER):
                ldjson.append(element)
        elif tag == "link":
            if get(element, "href") is not None and get(element, "rel") is not None:
                links.append(element)
        elif tag == "time":
            if get(element, "datetime") is not None and get(element, "itemprop") is None:
                times.append(element)
        elif tag == "h1":
            h1s.append(element)
        elif not title and _is_document_title(element):  # (tag == "title")
            title.append(element)
    return Marked(
        meta=tuple(meta),
        links=tuple(links),
        microdata_meta=tuple(microdata),
        title=tuple(title),
        ldjson=tuple(ldjson),
        h1s=tuple(h1s),
        times=tuple(times),
        rel_links=tuple(rel_links),
    )


def collect_meta(root: html.HtmlElement, marked: Marked | None = None) -> tuple[MetaTag, ...]:
    """Document → every named ``<meta>`` with non-empty content, in document order
    (``marked``: its ``collect_marked``, when the caller has it)."""
    tags: list[MetaTag] = []
    for element in (marked or collect_marked(root)).meta:
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


def collect_links(root: html.HtmlElement, marked: Marked | None = None) -> tuple[LinkTag, ...]:
    """Document → every ``<link rel href>``, in document order (``marked``: as above)."""
    links: list[LinkTag] = []
    for element in (marked or collect_marked(root)).links:
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
