"""Head metadata: ``<meta name>``, ``<link rel>``, ``<html lang>``, ``<title>`` → ``Findings``.

Input → output: the read-only document, its meta and link tags and the page URL →
candidates from Dublin Core, Parse.ly, Sailthru, Highwire (``citation_*``) and generic
``<meta name>`` tags, canonical and short links, the document language and ``<title>``.
"""

from __future__ import annotations

import re
from typing import Final

from lxml import etree, html

from articlekit.metadata._findings import Findings
from articlekit.metadata._head import LinkTag, Marked, MetaTag, collect_marked, meta_values
from articlekit.metadata._patterns import parse_byline
from articlekit.metadata._text import absolute_url, clean_text
from articlekit.metadata.types import Evidence, PersonRef
from articlekit.model.provenance import SourceKind

__all__ = ["extract_meta"]

HTML_LANG: Final = etree.XPath(
    "/html/@lang | /html/@xml:lang", namespaces={"xml": "http://www.w3.org/XML/1998/namespace"}
)
"""The ``lang`` attribute of the root element."""

TITLE_KEYS: Final = (
    "parsely-title",
    "sailthru.title",
    "dc.title",
    "dcterms.title",
    "citation_title",
)
"""Meta names of the headline, best first (``<title>`` comes after them)."""
SUMMARY_KEYS: Final = ("description", "dc.description", "dcterms.description", "dcterms.abstract")
"""Meta names of the description, best first."""
AUTHOR_KEYS: Final = (
    "dc.creator",
    "dcterms.creator",
    "author",
    "byl",
    "sailthru.author",
    "parsely-author",
    "article.author",
    "citation_author",
    "dc.contributor",
)
"""Meta names of the author(s), best first: Dublin Core is declared on purpose where it
exists; a plain ``author`` is often a CMS default."""
PUBLISHED_KEYS: Final = (
    "dc.date",
    "dcterms.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "article.published",
    "article_date_original",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
    "citation_date",
    "originalpublicationdate",
    "datepublished",
    "release_date",
)
"""Meta names of the publication date, best first."""
MODIFIED_KEYS: Final = (
    "dcterms.modified",
    "dc.date.modified",
    "article.updated",
    "last-modified",
    "lastmod",
)
"""Meta names (and ``http-equiv``) of the modification date, best first."""
LANGUAGE_KEYS: Final = ("dc.language", "dcterms.language", "language", "content-language")
"""Meta names (and ``http-equiv``) of the document language, best first."""
SITE_KEYS: Final = ("application-name", "dc.publisher", "dcterms.publisher", "publisher")
"""Meta names of the site or publisher."""
SECTION_KEYS: Final = ("parsely-section", "sailthru.section", "section", "article.section")
"""Meta names of the site section."""
TOPIC_KEYS: Final = ("news_keywords", "keywords", "parsely-tags", "sailthru.tags")
"""Meta names of keywords/tags, best first."""
KEYWORD_SPLIT_RE: Final = re.compile(r"\s*[,;]\s*")
"""Separators between keywords in one meta value."""
CJK_RE: Final = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
"""Chinese, Japanese or Korean script: such keyword lists are often space-separated."""
MAX_KEYWORD_CHARS: Final = 80
"""A "keyword" longer than this is a sentence, not a topic."""


def _first(result: object) -> str | None:
    """XPath result (elements or attribute strings) → the first clean text in it."""
    if not isinstance(result, list) or not result:
        return None
    item = result[0]
    if isinstance(item, etree._Element):
        return clean_text(item.text_content() if isinstance(item, html.HtmlElement) else item.text)
    return clean_text(str(item))


def _authors(
    tags: tuple[MetaTag, ...],
) -> tuple[list[Evidence[tuple[PersonRef, ...]]], list[Evidence[tuple[str, ...]]]]:
    """Meta tags → one person evidence and one organisation evidence per author key."""
    persons: list[Evidence[tuple[PersonRef, ...]]] = []
    organizations: list[Evidence[tuple[str, ...]]] = []
    for key in AUTHOR_KEYS:
        names: list[PersonRef] = []
        orgs: list[str] = []
        for value in meta_values(tags, key):
            if value.startswith(("http://", "https://", "@")):
                continue
            byline = parse_byline(value)
            names.extend(PersonRef(name=name, role=byline.role) for name in byline.persons)
            orgs.extend(byline.organizations)
        if names:
            persons.append(Evidence(tuple(names), SourceKind.META, f"meta[name={key}]"))
        if orgs:
            organizations.append(Evidence(tuple(orgs), SourceKind.META, f"meta[name={key}]"))
    return persons, organizations


def _split_keywords(value: str) -> list[str]:
    """Keyword list → keywords: split on commas/semicolons; CJK lists on spaces too."""
    if not KEYWORD_SPLIT_RE.search(value) and CJK_RE.search(value):
        return value.split()
    return KEYWORD_SPLIT_RE.split(value)


def _topics(tags: tuple[MetaTag, ...]) -> list[Evidence[tuple[str, ...]]]:
    """Meta tags → one keyword-list evidence per keyword key."""
    found: list[Evidence[tuple[str, ...]]] = []
    for key in TOPIC_KEYS:
        words = [
            word
            for value in meta_values(tags, key)
            for word in _split_keywords(value)
            if word and len(word) <= MAX_KEYWORD_CHARS
        ]
        if words:
            found.append(Evidence(tuple(words), SourceKind.META, f"meta[name={key}]"))
    return found


def _texts(tags: tuple[MetaTag, ...], keys: tuple[str, ...]) -> list[Evidence[str]]:
    """Meta tags and keys → one evidence per value, keys in the given order."""
    return [
        Evidence(value, SourceKind.META, f"meta[{_tag_attribute(tags, key)}={key}]")
        for key in keys
        for value in meta_values(tags, key)
    ]


def _tag_attribute(tags: tuple[MetaTag, ...], key: str) -> str:
    """Meta tags and a key → the attribute that carried it (``name``, ``http-equiv`` …)."""
    return next((tag.attribute for tag in tags if tag.key == key), "name")


def _links(links: tuple[LinkTag, ...], rel: str, base: str | None) -> list[Evidence[str]]:
    """Link tags and a ``rel`` token → evidence for each usable absolute ``href``."""
    found: list[Evidence[str]] = []
    for link in links:
        if rel in link.rel:
            url = absolute_url(link.href, base)
            if url is not None:
                found.append(Evidence(url, SourceKind.META, f"link[rel={rel}]"))
    return found


def extract_meta(
    root: html.HtmlElement,
    tags: tuple[MetaTag, ...],
    links: tuple[LinkTag, ...],
    *,
    url: str | None,
    marked: Marked | None = None,
) -> Findings:
    """Document, meta and link tags → head-metadata candidates (see module docstring);
    ``marked``: the document's ``collect_marked``, when the caller has it."""
    titles = _texts(tags, TITLE_KEYS)
    title = _first(list((marked or collect_marked(root)).title))
    if title is not None:
        titles.append(Evidence(title, SourceKind.META, "title"))
    languages = []
    lang = _first(HTML_LANG(root))
    if lang is not None:
        languages.append(Evidence(lang, SourceKind.DOM, "html[lang]"))
    languages.extend(_texts(tags, LANGUAGE_KEYS))
    persons, organizations = _authors(tags)
    return Findings(
        title=tuple(titles),
        summary=tuple(_texts(tags, SUMMARY_KEYS)),
        site_name=tuple(_texts(tags, SITE_KEYS)),
        language=tuple(languages),
        canonical_url=tuple(_links(links, "canonical", url)),
        short_url=tuple(_links(links, "shortlink", url)),
        section=tuple(_texts(tags, SECTION_KEYS)),
        topics=tuple(_topics(tags)),
        authors=tuple(persons),
        organizations=tuple(organizations),
        published=tuple(_texts(tags, PUBLISHED_KEYS)),
        modified=tuple(_texts(tags, MODIFIED_KEYS)),
        lead_image=tuple(_links(links, "image_src", url)),
    )
