"""DOM evidence: headline, dates, bylines and microdata in the page body → ``Findings``.

Input → output: a read-only lxml document → candidates from the main ``<h1>``,
``<time datetime>`` and ``itemprop`` dates, ``rel=author`` links, ``itemprop=author``
microdata, elements whose class or id says author/byline, and ``<meta itemprop>``.
Cheap by design: a handful of compiled XPaths, no Python walk over the whole tree.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from types import MappingProxyType
from typing import Final

from lxml import etree, html

from articlekit.metadata._findings import Findings
from articlekit.metadata._head import Marked, collect_marked
from articlekit.metadata._near import CONTENT_TAGS, following_texts
from articlekit.metadata._patterns import Byline, editors_from_line, has_byline_label, parse_byline
from articlekit.metadata._scan import COMMENT_RE, NO_TAGS, Clues, is_inside, scan_clues
from articlekit.metadata._text import clean_text
from articlekit.metadata.types import Evidence, PersonRef
from articlekit.metadata.visible import RegionCache, is_furniture
from articlekit.model.provenance import SourceKind

__all__ = ["extract_dom"]

AUTHOR_MICRODATA_NAME: Final = etree.XPath(".//*[@itemprop='name']")
"""The ``name`` inside an author microdata element."""
MICRODATA_DATE_PROPS: Final = frozenset({"datePublished", "dateCreated", "dateModified"})
"""``itemprop`` values of visible microdata dates."""
MICRODATA_AUTHOR_PROPS: Final = frozenset({"author", "creator"})
"""``itemprop`` values of author microdata."""
MAX_HEADLINE_CHARS: Final = 400
"""An "h1" longer than this is not a headline."""
MAX_BYLINE_CHARS: Final = 150
"""Longer author-ish elements are author bios or boxes, not bylines."""
MAX_BYLINE_ELEMENTS: Final = 40
"""At most this many author-ish elements are examined."""
HEADLINE_BYLINE_NODES: Final = 12
"""Text nodes after the headline searched for a labelled byline."""
MAX_FIELD_LABEL_CHARS: Final = 40
"""A text node ending in a colon up to this long labels the next field ("Tags:")."""
MAX_DOM_AUTHORS: Final = 10
"""At most this many names are taken from DOM bylines (more means a list of teasers)."""
MAX_TIME_ELEMENTS: Final = 5
"""At most this many ``<time>`` elements are taken as date candidates."""
MAX_TIME_SCAN: Final = 100
"""At most this many ``<time>`` elements are looked at (a live blog has hundreds)."""
MODIFIED_HINTS: Final = ("updat", "modif", "aktualisiert", "edited", "mise-a-jour", "actualiz")
"""Class/id fragments that mark a ``<time>`` as a modification date."""
PUBLISHED_HINTS: Final = ("publi", "created", "posted")
"""Class/id fragments that mark a ``<time>`` as the publication date (they win over
``MODIFIED_HINTS`` on the same element)."""
MICRODATA_FIELDS: Final = MappingProxyType(
    {
        "headline": "title",
        "description": "summary",
        "datepublished": "published",
        "datecreated": "published",
        "datemodified": "modified",
        "inlanguage": "language",
        "articlesection": "section",
        "author": "authors",
    }
)
"""``<meta itemprop>`` names (lower-case) and the field they are a candidate for."""


def _elements(result: object) -> Iterator[html.HtmlElement]:
    """XPath result → the HTML elements in it."""
    if isinstance(result, list):
        for item in result:
            if isinstance(item, html.HtmlElement):
                yield item


def _in_content(element: html.HtmlElement) -> bool:
    """Element → True when an ancestor is ``<article>``, ``<main>`` or ``role="main"``."""
    return any(
        node.tag in CONTENT_TAGS or node.get("role") == "main" for node in element.iterancestors()
    )


def _in_comment(element: html.HtmlElement) -> bool:
    """Element → True when it or an ancestor is a comment section (class or id)."""
    return is_inside(element, COMMENT_RE, NO_TAGS)


def _with_prop(clues: Clues, props: frozenset[str]) -> list[html.HtmlElement]:
    """Body elements whose ``itemprop`` is one of ``props``, in document order."""
    return [element for element, prop in clues.itemprops if prop in props]


def _text(element: html.HtmlElement) -> str | None:
    """Element → its clean text content."""
    try:
        return clean_text(element.text_content())
    except ValueError:
        return None


def _first_text(elements: list[html.HtmlElement]) -> str | None:
    """Elements → the clean text of the first one, if headline-sized."""
    for element in elements[:1]:
        text = _text(element)
        if text and len(text) <= MAX_HEADLINE_CHARS:
            return text
    return None


def _titles(clues: Clues, all_h1s: Iterable[etree._Element]) -> list[Evidence[str]]:
    """Clues and the document's ``<h1>`` (``Marked.h1s``) → headline candidates: microdata
    headline, then the main ``<h1>``."""
    found: list[Evidence[str]] = []
    micro = _first_text(_with_prop(clues, frozenset({"headline"})))
    if micro:
        found.append(Evidence(micro, SourceKind.DOM, "[itemprop=headline]"))
    h1s = list(all_h1s)
    h1 = _first_text([h for h in h1s if _in_content(h)])
    if h1:
        found.append(Evidence(h1, SourceKind.DOM, "//article//h1"))
    else:
        h1 = _first_text(h1s)
        if h1:
            found.append(Evidence(h1, SourceKind.DOM, "//h1"))
    return found


def _date_text(element: html.HtmlElement) -> str | None:
    """Date element → its machine-readable value (``datetime``/``content``) or its text."""
    for attribute in ("datetime", "content"):
        value = clean_text(element.get(attribute))
        if value:
            return value
    return _text(element)


def _is_modified(element: html.HtmlElement) -> bool:
    """``<time>`` → True when it (else its parent) says "updated"/"modified" and not
    "published" (``class="entry-date published updated"`` is the publication date)."""
    for node in (element, element.getparent()):
        if node is None:
            continue
        hints = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if any(hint in hints for hint in PUBLISHED_HINTS):
            return False
        if any(hint in hints for hint in MODIFIED_HINTS):
            return True
    return False


def _dates(
    clues: Clues, times: Iterable[etree._Element]
) -> tuple[list[Evidence[str]], list[Evidence[str]]]:
    """Clues and the ``<time datetime>`` elements (``Marked.times``) → published and modified
    date strings from microdata and ``<time>``."""
    published: list[Evidence[str]] = []
    modified: list[Evidence[str]] = []
    for element, prop in clues.itemprops:
        if prop not in MICRODATA_DATE_PROPS:
            continue
        value = _date_text(element)
        if value:
            target = modified if prop == "dateModified" else published
            target.append(Evidence(value, SourceKind.DOM, f"[itemprop={prop}]"))
    inside: list[html.HtmlElement] = []
    outside: list[html.HtmlElement] = []
    regions: RegionCache = {}
    for element in itertools.islice(times, MAX_TIME_SCAN):
        if is_furniture(element, regions):  # comments, teaser lists, the site's sidebar
            continue
        (inside if _in_content(element) else outside).append(element)
        if len(inside) >= MAX_TIME_ELEMENTS:
            break
    for element in (inside or outside)[:MAX_TIME_ELEMENTS]:
        value = clean_text(element.get("datetime"))
        if value:
            target = modified if _is_modified(element) else published
            target.append(Evidence(value, SourceKind.DOM, "time[datetime]"))
    return published, modified


def _parse(text: str, *, strict: bool) -> Byline:
    """Byline text → ``Byline``; ``strict`` keeps only names of two words or more (a
    class that merely says "author" also holds icons and share links: "Twitter")."""
    byline = parse_byline(text)
    if strict:
        persons = tuple(name for name in byline.persons if len(name.split()) >= 2)
        return Byline(persons, byline.organizations, byline.role)
    return byline


def _byline_people(
    texts: list[str], detail: str, *, strict: bool = False
) -> tuple[list[Evidence[tuple[PersonRef, ...]]], list[Evidence[tuple[str, ...]]]]:
    """Byline texts → one person evidence and one organisation evidence (deduplicated)."""
    persons: dict[str, PersonRef] = {}
    organizations: dict[str, str] = {}
    for text in texts:
        byline = _parse(text, strict=strict)
        for name in byline.persons:
            persons.setdefault(name.casefold(), PersonRef(name=name, role=byline.role))
        for org in byline.organizations:
            organizations.setdefault(org.casefold(), org)
        if len(persons) >= MAX_DOM_AUTHORS:
            break
    person_ev = [Evidence(tuple(persons.values()), SourceKind.DOM, detail)] if persons else []
    org_ev = (
        [Evidence(tuple(organizations.values()), SourceKind.DOM, detail)] if organizations else []
    )
    return person_ev, org_ev


def _microdata_author_items(clues: Clues) -> list[tuple[html.HtmlElement, str]]:
    """Document → ``itemprop=author`` elements (outside comments) and the names in them."""
    items: list[tuple[html.HtmlElement, str]] = []
    for element in _with_prop(clues, MICRODATA_AUTHOR_PROPS):
        if _in_comment(element):
            continue
        names = list(_elements(AUTHOR_MICRODATA_NAME(element)))
        for source in names or [element]:
            text = clean_text(source.get("content")) or _text(source)
            if text and len(text) <= MAX_BYLINE_CHARS:
                items.append((element, text))
    return items


def _author_links(rel_links: Iterable[etree._Element]) -> list[html.HtmlElement]:
    """``<a rel>`` elements (``Marked.rel_links``) → ``<a rel="… author …">`` links outside
    comment sections."""
    return [
        link
        for link in rel_links
        if "author" in str(link.get("rel") or "").lower().split() and not _in_comment(link)
    ]


def _sized_items(elements: list[html.HtmlElement]) -> list[tuple[html.HtmlElement, str]]:
    """Elements → those with byline-sized text, and that text."""
    short: list[tuple[html.HtmlElement, str]] = []
    for element in elements[:MAX_BYLINE_ELEMENTS]:
        text = _text(element)
        if text and len(text) <= MAX_BYLINE_CHARS:
            short.append((element, text))
    return short


def _short_items(elements: list[html.HtmlElement]) -> list[tuple[html.HtmlElement, str]]:
    """Elements → those with byline-sized text, innermost first-class: an element that
    contains another element of the list is left out (its parts are read instead)."""
    return _innermost(_sized_items(elements))


def _innermost(
    short: list[tuple[html.HtmlElement, str]],
) -> list[tuple[html.HtmlElement, str]]:
    """Byline-sized items → those that contain no other item."""
    kept = {element for element, _ in short}
    return [
        (element, text)
        for element, text in short
        if not any(inner in kept for inner in element.iterdescendants())
    ]


def _family(element: html.HtmlElement) -> set[html.HtmlElement]:
    """Element → its parent and grandparent (the container of one byline)."""
    parent = element.getparent()
    grandparent = parent.getparent() if parent is not None else None
    return {node for node in (parent, grandparent) if node is not None}


def _depth_shared(element: html.HtmlElement, ancestors: dict[html.HtmlElement, int]) -> int:
    """Element → the depth of its nearest ancestor that is also an ancestor of the headline."""
    for node in itertools.chain((element,), element.iterancestors()):
        depth = ancestors.get(node)
        if depth is not None:
            return depth
    return 0


def _nearest_first(
    items: list[tuple[html.HtmlElement, str]], headline: html.HtmlElement | None
) -> list[tuple[html.HtmlElement, str]]:
    """Byline items → the same, those sharing the deepest container with the headline
    first (document order within a depth): a byline belongs to its article's header,
    an author box in a sidebar before it does not."""
    if headline is None or len(items) < 2:
        return items
    chain = [headline, *headline.iterancestors()]
    ancestors = {node: len(chain) - index for index, node in enumerate(chain)}
    return sorted(items, key=lambda item: -_depth_shared(item[0], ancestors))


def _first_byline(items: list[tuple[html.HtmlElement, str]], *, strict: bool) -> list[str]:
    """Author-ish elements in document order → the texts of the first byline only.

    The first element naming someone wins, with the elements that share its parent or
    grandparent (several author links in one byline); later ones are teasers, related
    articles or author boxes.
    """
    for index, (element, text) in enumerate(items):
        byline = _parse(text, strict=strict)
        if not byline.persons and not byline.organizations:
            continue
        family = _family(element)
        texts = [text]
        texts.extend(t for e, t in items[index + 1 :] if _family(e) & family)
        return texts
    return []


def _is_field_label(text: str) -> bool:
    """Text node → True when it is the label of a field ("Tags:", "Übersetzung:")."""
    return text.endswith(":") and len(text) <= MAX_FIELD_LABEL_CHARS


def _labelled_byline_after(headline: html.HtmlElement) -> list[str]:
    """Headline → the labelled bylines printed right under it ("von Dr. Jane Roe",
    "By Jane Roe and John Doe", "Autorin/Autor Jane Roe"), one text each, or nothing.

    The label and the names are often separate text nodes (a link per name): from a
    label on, short nodes are joined until the byline is long enough, the next field's
    label ("Tags:", "Published:") or prose. A later labelled byline is read too (a
    syndicated story: "By Example.com · Published: … By Jane Roe, Wire").
    """
    runs: list[list[str]] = []
    current: list[str] | None = None
    for raw in itertools.islice(following_texts(headline), HEADLINE_BYLINE_NODES):
        text = " ".join(raw.split())
        if len(text) > MAX_BYLINE_CHARS:  # prose: the byline comes before the text
            break
        if has_byline_label(text):
            current = [text]
            runs.append(current)
        elif current is not None:
            if len(current) > 1 and _is_field_label(text):
                current = None
            else:
                current.append(text)
        if current is not None and len(" ".join(current)) >= MAX_BYLINE_CHARS:
            current = None
    return [" ".join(run)[:MAX_BYLINE_CHARS] for run in runs]


def _editors(items: list[tuple[html.HtmlElement, str]]) -> list[Evidence[tuple[str, ...]]]:
    """Byline elements → the names of those labelled as editors ("Editor: Jane Roe")."""
    names: dict[str, str] = {}
    for _, text in items:
        for name in editors_from_line(text):
            names.setdefault(name.casefold(), name)
    return [Evidence(tuple(names.values()), SourceKind.DOM, "editor label")] if names else []


def _authors(
    clues: Clues, rel_links: Iterable[etree._Element]
) -> tuple[
    list[Evidence[tuple[PersonRef, ...]]],
    list[Evidence[tuple[str, ...]]],
    list[Evidence[tuple[str, ...]]],
]:
    """Document → author evidence from microdata, ``rel=author``, byline elements and a
    labelled byline under the headline; organisation evidence; the names of byline
    elements labelled as editors."""
    persons: list[Evidence[tuple[PersonRef, ...]]] = []
    organizations: list[Evidence[tuple[str, ...]]] = []
    headline = clues.headline
    sized = _sized_items(list(clues.bylines))
    class_items = _innermost(sized)
    for items, detail, strict in (
        (_microdata_author_items(clues), "[itemprop=author]", False),
        (_short_items(_author_links(rel_links)), "a[rel=author]", False),
        (class_items, "[class*=byline|author]", True),
    ):
        texts = _first_byline(_nearest_first(items, headline), strict=strict)
        person_ev, org_ev = _byline_people(texts, detail, strict=strict)
        persons.extend(person_ev)
        organizations.extend(org_ev)
    if headline is not None:
        texts = _labelled_byline_after(headline)
        person_ev, _ = _byline_people(texts, "byline under the headline", strict=True)
        persons.extend(person_ev)
    return persons, organizations, _editors(sized)


def _microdata(elements: Iterable[etree._Element]) -> dict[str, list[Evidence[str]]]:
    """``<meta itemprop content>`` elements (``Marked.microdata_meta``) → their values per field
    name."""
    found: dict[str, list[Evidence[str]]] = {}
    for element in elements:
        prop = str(element.get("itemprop") or "").strip()
        field_name = MICRODATA_FIELDS.get(prop.lower())
        value = clean_text(element.get("content"))
        if field_name and value:
            evidence = Evidence(value, SourceKind.DOM, f"meta[itemprop={prop}]")
            found.setdefault(field_name, []).append(evidence)
    return found


def extract_dom(
    root: html.HtmlElement, clues: Clues | None = None, marked: Marked | None = None
) -> Findings:
    """Document → DOM candidates (see module docstring); ``clues`` from ``scan_clues``,
    ``marked`` from ``collect_marked`` (each found here when not given)."""
    clues = clues if clues is not None else scan_clues(root)
    marked = marked or collect_marked(root)
    published, modified = _dates(clues, marked.times)
    persons, organizations, editors = _authors(clues, marked.rel_links)
    micro = _microdata(marked.microdata_meta)
    micro_authors, micro_orgs = _byline_people(
        [e.value for e in micro.get("authors", [])], "meta[itemprop=author]"
    )
    return Findings(
        title=tuple(micro.get("title", []) + _titles(clues, marked.h1s)),
        summary=tuple(micro.get("summary", [])),
        language=tuple(micro.get("language", [])),
        section=tuple(micro.get("section", [])),
        authors=tuple(persons + micro_authors),
        organizations=tuple(organizations + micro_orgs),
        editors=tuple(editors),
        published=tuple(micro.get("published", []) + published),
        modified=tuple(micro.get("modified", []) + modified),
    )
