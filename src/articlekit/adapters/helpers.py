"""Helpers for adapters: safe XPath, token selection by element, rule application.

Input → output: ``Document`` + ``Layout`` (or ``TextRules``) → ``PartialArticle``.
Adapters call these instead of walking trees themselves, so every adapter selects
body blocks from the one token stream the pipeline already built.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import lxml.etree

from articlekit.metadata.dates import load_zone, parse_date
from articlekit.metadata.types import DateValue, PersonRef
from articlekit.model.provenance import FieldSource, SourceKind
from articlekit.partial import PartialArticle
from articlekit.patterns import parse_byline
from articlekit.tokens.html import read_image
from articlekit.tokens.types import Token, TokenKind, TokenStream

if TYPE_CHECKING:
    from articlekit.adapters.base import Document, Layout, SiteAdapter

__all__ = [
    "apply_layout",
    "apply_text_rules",
    "first_text",
    "jsonld_values",
    "texts",
    "tokens_inside",
    "xpath",
]

BODY_KINDS = frozenset(
    {
        TokenKind.PARAGRAPH, TokenKind.HEADING, TokenKind.LIST_ITEM, TokenKind.QUOTE,
        TokenKind.TABLE, TokenKind.PRE, TokenKind.FIGURE, TokenKind.EMBED,
    }
)  # fmt: skip


def xpath(root: Any, expression: str) -> list[Any]:
    """Evaluate ``expression`` on ``root``; an invalid expression gives ``[]``."""
    try:
        result = root.xpath(expression)
    except (lxml.etree.XPathError, TypeError, ValueError):
        return []
    if isinstance(result, list):
        return result
    return [result] if result not in (None, "", False) else []


def _text_of(item: Any) -> str:
    if isinstance(item, str):
        return " ".join(item.split())
    if hasattr(item, "text_content"):
        return " ".join(str(item.text_content()).split())
    return " ".join(str(item).split())


JSONLD_PREFIX = "jsonld:"
"""A rule starting with this is a JSON-LD path instead of an XPath."""
JSONLD_SCRIPTS = "//script[@type='application/ld+json']/text()"
MAX_JSONLD_DEPTH = 32
"""Nesting followed when flattening JSON-LD (``@graph``, lists)."""


def _jsonld_objects(root: Any) -> list[dict[str, Any]]:
    """Every JSON object of the page's JSON-LD, ``@graph`` and lists flattened."""
    from articlekit.metadata.jsonld import parse_jsonld_text  # noqa: PLC0415

    found: list[dict[str, Any]] = []

    def walk(value: Any, depth: int) -> None:
        if depth > MAX_JSONLD_DEPTH:
            return
        if isinstance(value, list):
            for item in value:
                walk(item, depth + 1)
        elif isinstance(value, dict):
            found.append(value)
            walk(value.get("@graph"), depth + 1)

    for script in xpath(root, JSONLD_SCRIPTS):
        values, _ = parse_jsonld_text(str(script))
        for value in values:
            walk(value, 0)
    return found


def jsonld_values(root: Any, path: str) -> list[str]:
    """Strings at a dotted JSON-LD path, e.g. ``author.name`` or ``@NewsArticle.keywords``.

    A first segment starting with ``@`` keeps only objects of that ``@type``. Lists are
    flattened at every step; numbers are turned into text.
    """
    segments = [s for s in path.split(".") if s]
    objects: list[Any] = _jsonld_objects(root)
    if segments and segments[0].startswith("@") and segments[0] not in ("@id", "@type"):
        wanted = segments.pop(0)[1:]
        objects = [o for o in objects if wanted in _types(o)]
    current: list[Any] = objects
    for segment in segments:
        following: list[Any] = []
        for value in current:
            if isinstance(value, dict) and segment in value:
                item = value[segment]
                following.extend(item if isinstance(item, list) else [item])
        current = following
    return [
        " ".join(str(v).split())
        for v in current
        if isinstance(v, str | int | float) and not isinstance(v, bool) and str(v).strip()
    ]


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    if isinstance(kind, list):
        return {str(k) for k in kind}
    return {str(kind)} if kind else set()


def texts(root: Any, expression: str | None) -> list[str]:
    """Cleaned texts of every result of a rule: an XPath, or ``jsonld:`` + a JSON-LD path."""
    if not expression:
        return []
    if expression.startswith(JSONLD_PREFIX):
        return jsonld_values(root, expression[len(JSONLD_PREFIX) :])
    return [t for t in (_text_of(item) for item in xpath(root, expression)) if t]


def first_text(root: Any, expression: str | None) -> str | None:
    """Cleaned text of the first non-empty result of ``expression``."""
    found = texts(root, expression)
    return found[0] if found else None


def _node_set(stream: TokenStream, elements: Iterable[Any]) -> set[int]:
    index = {el: i for i, el in enumerate(stream.elements)}
    nodes: set[int] = set()
    for el in elements:
        if not hasattr(el, "iter"):
            continue
        found = index.get(el)
        if found is not None:
            nodes.add(found)
            continue
        nodes.update(index[d] for d in el.iter() if d in index)
    return nodes


def tokens_inside(
    stream: TokenStream, containers: Iterable[Any], exclude: Iterable[Any] = ()
) -> tuple[Token, ...]:
    """Body tokens under any of ``containers`` and under none of ``exclude``."""
    inside = _node_set(stream, containers)
    outside = _node_set(stream, exclude)
    selected: list[Token] = []
    for token in stream.tokens:
        if token.kind not in BODY_KINDS or token.node < 0:
            continue
        node = token.node
        keep = False
        while node >= 0:
            if node in outside:
                break
            if node in inside:
                keep = True
                break
            node = stream.nodes[node].parent
        if keep and (token.text or token.kind in (TokenKind.FIGURE, TokenKind.EMBED)):
            selected.append(token)
    return tuple(selected)


def _date(adapter: SiteAdapter, raw: str | None) -> DateValue | None:
    if not raw:
        return None
    zone, _ = load_zone(adapter.site_timezone)
    return parse_date(raw, zone=zone)


def _persons(values: list[str]) -> tuple[tuple[PersonRef, ...], tuple[str, ...]]:
    persons: list[PersonRef] = []
    organizations: list[str] = []
    for value in values:
        byline = parse_byline(value)
        persons.extend(
            PersonRef(name=n) for n in byline.persons if n not in {p.name for p in persons}
        )
        organizations.extend(o for o in byline.organizations if o not in organizations)
    return tuple(persons), tuple(organizations)


def apply_layout(adapter: SiteAdapter, doc: Document, layout: Layout) -> PartialArticle:
    """Evaluate a layout's rules on the document."""
    assert doc.html is not None
    root = doc.html.root
    detail = f"{adapter.ident} layout {layout.name}"
    source = FieldSource(kind=SourceKind.ADAPTER, detail=detail)
    fields: dict[str, Any] = {}
    title = first_text(root, layout.title)
    if title:
        fields["title"] = title
    summary = first_text(root, layout.summary)
    if summary:
        fields["summary"] = summary
    if layout.authors:
        persons, organizations = _persons(texts(root, layout.authors))
        if persons:
            fields["authors"] = persons
        if organizations:
            fields["organizations"] = organizations
    published = _date(adapter, first_text(root, layout.published))
    if published is not None:
        fields["published"] = published
    modified = _date(adapter, first_text(root, layout.modified))
    if modified is not None:
        fields["modified"] = modified
    topics = [t.strip() for raw in texts(root, layout.topics) for t in raw.split(",") if t.strip()]
    if topics:
        fields["topics"] = tuple(dict.fromkeys(topics))
    section = first_text(root, layout.section)
    if section:
        fields["section"] = section
    short_url = first_text(root, layout.short_url)
    if short_url and short_url.startswith(("http://", "https://")):
        fields["short_url"] = short_url
    if adapter.site_name:
        fields["site_name"] = adapter.site_name
    if layout.figures:
        images = [
            read_image(
                el,
                base_url=doc.html.base_url,
                caption=layout.figure_caption,
                credit=layout.figure_credit,
            )
            for el in xpath(root, layout.figures)
            if hasattr(el, "iter")
        ]
        found = tuple(i for i in images if i is not None)
        if found:
            fields["images"] = found
    if layout.body:
        containers = xpath(root, layout.body)
        exclude = xpath(root, layout.exclude) if layout.exclude else []
        body = tokens_inside(doc.stream, containers, exclude)
        if summary:
            body = tuple(t for t in body if " ".join(t.text.split()) != summary)
        if body:
            fields["body"] = body
    sources = {name: source for name in fields}
    return PartialArticle(**fields, sources=sources)


def apply_text_rules(adapter: SiteAdapter, doc: Document) -> PartialArticle:
    """The generic text path, with the adapter's line rules applied first."""
    from articlekit.scoring.text import score_text  # noqa: PLC0415

    rules = adapter.text_rules
    stream = doc.stream
    if rules is not None and rules.drop:
        kept = tuple(t for t in stream.tokens if not any(p.search(t.text) for p in rules.drop))
        stream = dataclasses.replace(stream, tokens=kept)
    result = score_text(
        stream,
        config=doc.options.text_scoring,
        reference_time=doc.options.reference_time,
    )
    changes: dict[str, Any] = {}
    if rules is not None and rules.short_url is not None and result.short_url is None:
        for token in stream.tokens:
            match = rules.short_url.search(token.text)
            if match:
                changes["short_url"] = match.group("url")
                break
    if rules is not None and rules.end_of_body is not None and result.body:
        end = _first_line(stream, rules.end_of_body)
        if end is not None:
            changes["body"] = tuple(t for t in result.body if t.lines is None or t.lines[0] < end)
    if adapter.site_name:
        changes["site_name"] = adapter.site_name
    detail = f"{adapter.ident} text rules"
    sources = {
        name: src.model_copy(update={"detail": f"{src.detail}; {detail}"})
        for name, src in result.sources.items()
    }
    sources.update({name: FieldSource(kind=SourceKind.ADAPTER, detail=detail) for name in changes})
    return dataclasses.replace(result, **changes, sources=sources)


def _first_line(stream: TokenStream, pattern: re.Pattern[str]) -> int | None:
    for token in stream.tokens:
        if token.lines is not None and pattern.search(token.text):
            return token.lines[0]
    return None
