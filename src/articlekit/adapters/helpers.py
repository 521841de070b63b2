"""Helpers for adapters: safe XPath, token selection by element, rule application.

Input → output: ``Document`` + ``Layout`` (or ``TextRules``) → ``PartialArticle``.
Adapters call these instead of walking trees themselves, so every adapter selects
body blocks from the one token stream the pipeline already built.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import lxml.etree

from articlekit.adapters.base import TextRules
from articlekit.adapters.rules import (
    breadcrumb,
    first_match,
    flush_left_headings,
    furniture_lines,
    line_above,
    line_after,
    picture_lines,
    prepare_lines,
    read_header,
    repair_mojibake,
    signature_names,
    split_topics,
    split_unwrapped,
    standfirst_below,
    teaser_cards,
    title_repeats,
    with_kicker,
)
from articlekit.metadata.dates import load_zone, parse_date
from articlekit.metadata.types import DateValue, PersonRef
from articlekit.model.provenance import FieldSource, SourceKind
from articlekit.partial import PartialArticle
from articlekit.patterns import parse_byline
from articlekit.tokens.html import read_image
from articlekit.tokens.types import ImageRef, Token, TokenKind, TokenStream

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

BODY_KINDS: Final = frozenset(
    {
        TokenKind.PARAGRAPH, TokenKind.HEADING, TokenKind.LIST_ITEM, TokenKind.QUOTE,
        TokenKind.TABLE, TokenKind.PRE, TokenKind.FIGURE, TokenKind.EMBED,
    }
)  # fmt: skip


_POSITIONAL: Final = re.compile(r"\[\s*\d|last\s*\(|position\s*\(")
"""A predicate that depends on position: ``a//b[1]`` differs from ``a/descendant::b[1]``."""


_QUOTE_OR_SLASHES: Final = re.compile(r"['\"]|//")
"""What ``linear_xpath`` looks at: quotes (to skip string literals) and ``//``."""


def _step_end(expression: str, start: int) -> int:
    """Index where the location step starting at ``start`` ends (``/`` or ``|`` outside
    brackets, parentheses and quotes)."""
    depth = 0
    quote = ""
    for i in range(start, len(expression)):
        ch = expression[i]
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        elif depth <= 0 and ch in "/|":
            return i
    return len(expression)


def linear_xpath(expression: str) -> str:
    """``expression`` with each inner ``//`` before a name test written ``/descendant::``.

    The two mean the same unless the step has a positional predicate (left alone), but
    libxml2 evaluates ``a//b`` by merging a descendant-or-self set per ``a`` with a
    duplicate check per node: quadratic when there are many ``a`` (a page repeated 64
    times took seconds for one rule); ``a/descendant::b`` stays linear.
    """
    if "//" not in expression:
        return expression
    out: list[str] = []
    done = 0
    quote = ""
    for match in _QUOTE_OR_SLASHES.finditer(expression):
        mark, i = match.group(), match.start()
        if quote:
            quote = "" if mark == quote else quote
            continue
        if mark != "//":
            quote = mark
            continue
        before = expression[:i].rstrip()[-1:]
        after = expression[i + 2 : i + 3]
        step = expression[i + 2 : _step_end(expression, i + 2)]
        if (
            before
            and (before in "])*_-" or before.isalnum())
            and (after.isalpha() or after == "*")
            and "::" not in step
            and not _POSITIONAL.search(step)
        ):
            out.append(expression[done:i])
            out.append("/descendant::")
            done = i + 2
    out.append(expression[done:])
    return "".join(out)


def xpath(root: Any, expression: str) -> list[Any]:
    """Evaluate ``expression`` on ``root``; an invalid expression gives ``[]``."""
    try:
        result = root.xpath(linear_xpath(expression))
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


JSONLD_PREFIX: Final = "jsonld:"
"""A rule starting with this is a JSON-LD path instead of an XPath."""
JSONLD_SCRIPTS: Final = "//script[@type='application/ld+json']/text()"
MAX_JSONLD_DEPTH: Final = 32
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


def _persons(
    values: list[str], *, verbatim: bool = False, noise: re.Pattern[str] | None = None
) -> tuple[tuple[PersonRef, ...], tuple[str, ...]]:
    persons: list[PersonRef] = []
    organizations: list[str] = []
    for raw in values:
        value = noise.sub("", raw).strip() if noise is not None else raw
        if verbatim:
            names: tuple[str, ...] = (value,) if value else ()
            orgs: tuple[str, ...] = ()
        else:
            byline = parse_byline(value)
            names, orgs = tuple(byline.persons), tuple(byline.organizations)
        persons.extend(PersonRef(name=n) for n in names if n not in {p.name for p in persons})
        organizations.extend(o for o in orgs if o not in organizations)
    return tuple(persons), tuple(organizations)


def _figure(el: Any, layout: Layout, base_url: str | None) -> ImageRef | None:
    image = read_image(
        el, base_url=base_url, caption=layout.figure_caption, credit=layout.figure_credit
    )
    if image is None or not layout.caption_as_written:
        return image
    return dataclasses.replace(image, caption=first_text(el, layout.figure_caption))


def _split_caption(image: ImageRef, pattern: re.Pattern[str] | None) -> ImageRef:
    """A caption that carries its credit, split (credits come cleaned by
    ``patterns.clean_credit``, brackets included)."""
    if pattern is None or image.credit or not image.caption:
        return image
    match = pattern.match(image.caption)
    if match is None:
        return image
    return dataclasses.replace(
        image, caption=match.group("caption").strip(), credit=match.group("credit").strip()
    )


def _as_subheadings(
    stream: TokenStream, body: tuple[Token, ...], elements: list[Any], level: int
) -> tuple[Token, ...]:
    index = {el: i for i, el in enumerate(stream.elements)}
    nodes = {index[el] for element in elements for el in element.iter() if el in index}
    return tuple(
        dataclasses.replace(t, kind=TokenKind.HEADING, level=level)
        if t.node in nodes and t.kind is TokenKind.PARAGRAPH
        else t
        for t in body
    )


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
        persons, organizations = _persons(
            texts(root, layout.authors),
            verbatim=layout.authors_verbatim,
            noise=layout.author_noise,
        )
        if persons:
            fields["authors"] = persons
        if organizations:
            fields["organizations"] = organizations
    if "authors" not in fields and layout.authors_fallback:
        fallback = tuple(dict.fromkeys(texts(root, layout.authors_fallback)))
        if fallback:
            fields["authors"] = tuple(PersonRef(name=n) for n in fallback)
    published = _date(adapter, first_text(root, layout.published))
    if published is not None:
        fields["published"] = published
    modified = _date(adapter, first_text(root, layout.modified))
    if modified is not None:
        fields["modified"] = modified
    topics = split_topics(
        texts(root, layout.topics),
        separators=layout.topic_separators,
        drop=layout.topics_drop,
        strip=layout.topics_strip,
        title_case=layout.topics_title_case,
    )
    if topics:
        fields["topics"] = topics
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
            _figure(el, layout, doc.html.base_url)
            for el in xpath(root, layout.figures)
            if hasattr(el, "iter")
        ]
        found = tuple(_split_caption(i, layout.caption_credit) for i in images if i is not None)
        if found:
            fields["images"] = found
    if layout.body:
        containers = xpath(root, layout.body)
        exclude = xpath(root, layout.exclude) if layout.exclude else []
        body = tokens_inside(doc.stream, containers, exclude)
        if summary:
            body = tuple(t for t in body if " ".join(t.text.split()) != summary)
        if layout.exclude_text:
            unwanted = set(texts(root, layout.exclude_text))
            body = tuple(t for t in body if " ".join(t.text.split()) not in unwanted) or body
        if layout.subheadings:
            elements = xpath(root, layout.subheadings)
            body = _as_subheadings(doc.stream, body, elements, layout.subheading_level)
        if body:
            fields["body"] = body
    sources = {name: source for name in fields}
    return PartialArticle(**fields, sources=sources)


def apply_text_rules(adapter: SiteAdapter, doc: Document) -> PartialArticle:
    """The generic text path, with the adapter's ``TextRules`` applied around it.

    The text is repaired and its lines prepared (``prepare_lines``); the breadcrumb,
    boxes, furniture and pictures are taken out; the header is read (``read_header``);
    the generic text path scores what follows the header (``_score``); what the rules
    found replaces what the generic path found, credited to the adapter as
    ``name@version text rules``.
    """
    rules = adapter.text_rules or TextRules()
    doc = _repaired(doc, rules)
    tokens = prepare_lines(doc.stream.tokens, rules)
    changes: dict[str, Any] = {}
    crumb, start = breadcrumb(tokens, rules)
    named = crumb if crumb is not None else line_after(tokens, rules.title_after)
    if named is not None:
        changes["title"] = tokens[named].text
    taken = furniture_lines(tokens, rules, start)
    lead_at = line_above(tokens, rules.standfirst_above, rules.standfirst_chars)
    if lead_at is not None:
        taken.add(lead_at)
    images, pictures = picture_lines(tokens, rules, start, taken)
    taken |= pictures
    if rules.caption_credit or rules.caption_after or rules.repeated_captions:
        changes["images"] = images
    zone, _ = load_zone(adapter.site_timezone)
    header = read_header(
        tokens,
        rules,
        start=start,
        skip=frozenset(taken),
        zone=zone,
        reference=doc.options.reference_time,
    )
    taken |= header.taken
    if rules.cards:
        taken |= teaser_cards(tokens, header.body_start)
    if rules.alt_repeats_title and header.headline is not None:
        title = changes.get("title", tokens[header.headline].text)
        repeats, synopsis = title_repeats(tokens, title, header.body_start, rules.standfirst_chars)
        taken |= repeats
        if synopsis is not None and header.standfirst is None:
            taken.add(synopsis)
            lead_at = synopsis
    kept, result = _score(doc, tokens, rules, taken, header.body_start)
    if not result.body and header.body_start > start:
        # the "header" matched below the text (a dateline in a teaser): score it all
        kept, result = _score(doc, tokens, rules, taken, start)
    if header.headline is not None and "title" not in changes:
        changes["title"] = with_kicker(tokens, header.headline, rules.kicker)
    authors = signature_names(tokens, rules) or header.authors
    if authors:
        changes["authors"] = tuple(PersonRef(name=n) for n in dict.fromkeys(authors))
    if header.published is not None:
        changes["published"] = header.published
    lead_at = header.standfirst if header.standfirst is not None else lead_at
    lead = tokens[lead_at] if lead_at is not None else None
    if lead is None and rules.standfirst == "below_headline" and result.summary is None:
        lead = standfirst_below(kept, changes.get("title", result.title), rules)
    if lead is not None:
        changes["summary"] = lead.text
    below = rules.byline_below_title and "authors" not in changes
    if below and result.authors and _above_title(kept, result):
        changes["authors"] = None
    body = _body(kept, result, rules, changes)
    if body != result.body or rules.whole_text:
        changes["body"] = body
    if rules.short_url is not None and result.short_url is None:
        for token in doc.stream.tokens:
            match = rules.short_url.search(token.text)
            if match:
                changes["short_url"] = match.group("url")
                break
    if adapter.site_name:
        changes["site_name"] = adapter.site_name
    detail = f"{adapter.ident} text rules"
    sources = {
        name: src.model_copy(update={"detail": f"{src.detail}; {detail}"})
        for name, src in result.sources.items()
    }
    sources.update({name: FieldSource(kind=SourceKind.ADAPTER, detail=detail) for name in changes})
    for name in [n for n, value in changes.items() if value is None]:
        del sources[name]
    return dataclasses.replace(result, **changes, sources=sources)


def _score(
    doc: Document, tokens: tuple[Token, ...], rules: TextRules, taken: set[int], start: int
) -> tuple[tuple[Token, ...], PartialArticle]:
    """The lines from ``start`` on that no rule took, and the generic path's reading of
    them (or all of them as the body, with ``whole_text``)."""
    from articlekit.scoring.text import score_text  # noqa: PLC0415

    kept = tuple(t for i, t in enumerate(tokens) if i >= start and i not in taken)
    kept = flush_left_headings(kept, rules.flush_left_headings)
    if rules.whole_text:
        end = first_match(kept, rules.end_of_body)
        return kept, PartialArticle(body=tuple(t for t in kept[:end] if t.text))
    stream = dataclasses.replace(doc.stream, tokens=kept)
    config, now = doc.options.text_scoring, doc.options.reference_time
    return kept, score_text(stream, config=config, reference_time=now)


def _repaired(doc: Document, rules: TextRules) -> Document:
    """``doc`` with its text repaired and read again, when the rules say so."""
    if not rules.mojibake and rules.unwrapped_width is None:
        return doc
    from articlekit.tokens.text import tokenize_text  # noqa: PLC0415

    text = repair_mojibake(doc.text) if rules.mojibake else doc.text
    text = split_unwrapped(text, rules.unwrapped_width)
    return dataclasses.replace(doc, text=text, stream=tokenize_text(text))


def _body(
    kept: tuple[Token, ...],
    result: PartialArticle,
    rules: TextRules,
    changes: dict[str, Any],
) -> tuple[Token, ...]:
    """The generic path's body, with the lines it took for fields the rules found put
    back, the opening above it (``body_from_header``), without the standfirst, and cut
    at ``end_of_body``."""
    body = result.body or ()
    for name in ("title", "authors", "published"):
        source = result.sources.get(name)
        found = _LINES.match(source.detail or "") if source is not None else None
        if name in changes and found is not None and body:
            body = _restore_line(kept, body, int(found.group(1)))
    if rules.body_from_header and body:
        body = (*_opening(kept, body), *body)
    if "summary" in changes:
        body = tuple(t for t in body if t.text != changes["summary"])
    end = first_match(kept, rules.end_of_body)
    last = kept[end].lines if end is not None else None
    if last is not None:
        body = tuple(t for t in body if t.lines is None or t.lines[0] < last[0])
    return body


RESTORED_HEADING_LEVEL: Final = 2
"""Level of a flush-left line put back into the body (a sub-heading)."""
_LINES: Final = re.compile(r"^lines (\d+)-\d+$")
"""The generic text path's provenance detail: the line range a value came from."""


def _restore_line(kept: tuple[Token, ...], body: tuple[Token, ...], line: int) -> tuple[Token, ...]:
    """``body`` with the line that starts at ``line`` put back (a flush-left one as a
    heading): inside the body, the generic path took it for a title, byline or
    dateline, but the rules found those fields elsewhere."""
    first, last = body[0].lines, body[-1].lines
    token = next((t for t in kept if t.lines is not None and t.lines[0] == line), None)
    if token is None or first is None or last is None or not first[0] < line < last[1]:
        return body
    if token.kind is TokenKind.PARAGRAPH and token.level == 0:
        token = dataclasses.replace(token, kind=TokenKind.HEADING, level=RESTORED_HEADING_LEVEL)
    before = tuple(t for t in body if t.lines is not None and t.lines[0] < line)
    return (*before, token, *body[len(before) :])


def _opening(kept: tuple[Token, ...], body: tuple[Token, ...]) -> tuple[Token, ...]:
    """Paragraphs and headings of ``kept`` above the first line of ``body``."""
    first = next((t.lines[0] for t in body if t.lines is not None), None)
    if first is None:
        return ()
    return tuple(
        t
        for t in kept
        if t.lines is not None
        and t.lines[0] < first
        and t.kind in (TokenKind.PARAGRAPH, TokenKind.HEADING)
    )


def _above_title(tokens: tuple[Token, ...], result: PartialArticle) -> bool:
    """Whether the generic path's byline stands above its title."""
    names = {p.name for p in result.authors or ()}
    title_at = next((i for i, t in enumerate(tokens) if t.text == result.title), None)
    byline_at = next((i for i, t in enumerate(tokens) if any(n in t.text for n in names)), None)
    return title_at is not None and byline_at is not None and byline_at < title_at
