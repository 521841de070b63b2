"""One pass over the body's class/id/itemprop values: document → byline and date elements.

Input → output: a read-only lxml document (and the tokenizer's ``TokenStream.labelled``,
when it has it) → ``Clues``: the elements whose class or id says byline/author, and those
whose class, id or ``itemprop`` says date/time/published (plus ``<time>`` without
``datetime`` and ``<abbr title>``), each in document order, outside comment sections.
Shared by ``dom`` (bylines) and ``visible`` (printed dates).

Why a Python pass: libxml2 evaluates ``contains(translate(@class, …), 'date')`` with a
fresh string per test, so a dozen lower-cased tests per element cost far more than
reading every attribute value once as a string and matching one regex on it. The
tokenizer's walk already reads every element's attributes: its ``labelled`` list (the
body's elements with a class, id or itemprop, and its ``<time>``/``<abbr>``) spares this
stage a second walk over the body; without it (a stream from embedded markup, a walk
cut short by a limit, a caller's bare document) the same list is read here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from lxml import etree, html

from articlekit.metadata._near import MAX_HEADLINES, headline_element
from articlekit.patterns._needles import holds
from articlekit.patterns.keywords import keyword_regex
from articlekit.tokens.types import LABELLED_TAGS, Labelled

__all__ = ["COMMENT_RE", "NO_TAGS", "Clues", "is_inside", "scan_clues"]

BYLINE_RE: Final = keyword_regex("byline", "author(?!i)")
"""A lower-cased class or id that says byline/author (not "authority", "authorize")."""
DATE_WORDS: Final = (
    "date", "datum", "fecha", "time", "publi", "posted", "created", "erstellt", "byline",
    "author", "meta", "updated", "modified",
)  # fmt: skip
DATE_RE: Final = keyword_regex(*DATE_WORDS)
"""A lower-cased class, id or itemprop that says its element prints a date
(``entry-date``, ``post-meta``, ``published``, ``dateline``, ``timestamp`` …)."""
DATE_NEEDLES: Final = (
    "dat", "time", "meta", "author", "byline", "publi", "posted", "created", "modified",
    "fecha", "erstellt",
)  # fmt: skip
"""Plain words every ``DATE_RE`` match holds ("dat" for "date", "datum" and "updated"):
a class value without any of them is not searched (most of a page's are not)."""
COMMENT_RE: Final = re.compile(r"comment")
"""A lower-cased class or id of a comment section (its bylines and dates are readers')."""
SKIPPED_TAGS: Final = frozenset(
    {"script", "style", "noscript", "template", "meta", "link", "img", "input", "select",
     "option", "button", "form", "svg", "iframe", "body", "html"}
)  # fmt: skip
"""Elements never read as bylines or date lines."""
NO_TAGS: Final[frozenset[str]] = frozenset()
"""For ``is_inside`` when only class and id count."""
_TIME_TAGS: Final = frozenset({"time", "abbr"})
"""Tags that are date clues by themselves (``<time>`` without ``datetime``, ``<abbr title>``)."""
MAX_BYLINES: Final = 100
"""At most this many byline elements are kept (``dom`` reads fewer still)."""
MAX_CLUE_VALUES = 20_000
"""At most this many attribute values are looked at (generated pages can have more)."""


@dataclass(frozen=True, slots=True)
class Clues:
    """Elements whose attributes say what they hold, in document order.

    Attributes:
        bylines: Elements whose class or id says byline/author, outside comments.
        dates: Elements whose class, id or itemprop says date/time, ``<time>`` without
            ``datetime`` and ``<abbr title>``.
        itemprops: Every body element with an ``itemprop`` (``<meta>`` excepted) and
            that value, so microdata needs no second walk over the tree.
        headline: The headline element (``_near.headline_element``).
    """

    bylines: tuple[html.HtmlElement, ...] = ()
    dates: tuple[html.HtmlElement, ...] = ()
    itemprops: tuple[tuple[html.HtmlElement, str], ...] = ()
    headline: html.HtmlElement | None = None


def is_inside(element: html.HtmlElement, pattern: re.Pattern[str], tags: frozenset[str]) -> bool:
    """Element → True when it or an ancestor has one of ``tags`` or a matching class/id."""
    node: html.HtmlElement | None = element
    while node is not None:
        if node.tag in tags:
            return True
        hints = f"{node.get('class') or ''} {node.get('id') or ''}"
        if len(hints) > 1 and pattern.search(hints.lower()):
            return True
        node = node.getparent()
    return False


_DATE: Final = 1
_BYLINE: Final = 2
"""Bits of what a class or id value says (``_kinds``)."""


def _kinds(value: str) -> int:
    """Class or id value → ``_DATE`` and/or ``_BYLINE`` bits (0: neither)."""
    lowered = value.lower()
    if not holds(lowered, DATE_NEEDLES) or not DATE_RE.search(lowered):
        return 0  # (every byline word is a date word too: "byline", "author")
    return _DATE | (_BYLINE if BYLINE_RE.search(lowered) else 0)


def _body_descendants(root: html.HtmlElement) -> Iterator[html.HtmlElement]:
    """The elements inside ``/html/body``, in document order (comments and processing
    instructions are filtered out by lxml, in C)."""
    if root.tag != "html":
        return
    for body in root.iterchildren("body"):
        yield from body.iterdescendants(etree.Element)


def _labelled(root: html.HtmlElement) -> Iterator[Labelled]:
    """Document → what ``TokenStream.labelled`` holds: the body's elements with a class,
    id or itemprop, and its ``<time>``, ``<abbr>`` and ``<h1>``, with those three values."""
    get = etree._Element.get  # (unbound: no method object made per element)
    for element in _body_descendants(root):
        classes = get(element, "class")
        ident = get(element, "id")
        prop = get(element, "itemprop")
        if classes is not None or ident is not None or prop is not None:
            yield element, classes, ident, prop
        elif element.tag in LABELLED_TAGS:
            yield element, None, None, None


def _first_h1s(items: Iterable[Labelled]) -> list[html.HtmlElement]:
    """The body's first ``MAX_HEADLINES`` ``<h1>`` elements (every ``<h1>`` is labelled)."""
    found: list[html.HtmlElement] = []
    for item in items:
        if item[0].tag == "h1":
            found.append(item[0])
            if len(found) >= MAX_HEADLINES:
                break
    return found


def scan_clues(root: html.HtmlElement, labelled: Sequence[Labelled] | None = None) -> Clues:
    """Document → its byline, date and microdata elements (see module docstring).

    ``labelled``: the tokenizer's ``TokenStream.labelled`` for this document, if it has
    it (the same elements are then not looked for again; read twice: clues, then the
    headline's ``<h1>``).
    """
    bylines: dict[html.HtmlElement, None] = {}
    dates: dict[html.HtmlElement, None] = {}
    itemprops: list[tuple[html.HtmlElement, str]] = []
    seen: dict[str, int] = {}
    """Memo of ``_kinds`` of class and id values for this call: pages repeat a few class
    values many times."""
    seen_props: dict[str, bool] = {}
    """… and whether an itemprop value says date (itemprops never say byline)."""
    budget = MAX_CLUE_VALUES
    # A Python walk, not one XPath union of attribute sets: libxml2 merges the node-sets
    # of a union with a duplicate check per node, which is quadratic in the number of
    # attributes (a 20 MB page spent seconds there). Elements without any of the three
    # attributes (nor a time tag) never reach this loop.
    get = etree._Element.get  # (unbound: no method object made per element)
    items = labelled if labelled is not None else tuple(_labelled(root))
    for element, classes, ident, prop in items:
        if budget <= 0:
            break
        tag = element.tag
        if tag in _TIME_TAGS and (
            (tag == "time" and get(element, "datetime") is None)
            or (tag == "abbr" and get(element, "title") is not None)
        ):
            dates[element] = None
            budget -= 1
        if ident is None and prop is None:  # (most: a class alone, read inline)
            if classes is None:
                continue
            budget -= 1
            if tag in SKIPPED_TAGS:
                continue
            kinds = seen.get(classes)
            if kinds is None:
                kinds = seen[classes] = _kinds(classes)
            if kinds:
                if kinds & _DATE:
                    dates[element] = None
                if kinds & _BYLINE:
                    bylines[element] = None
            continue
        skipped = tag in SKIPPED_TAGS
        for value in (classes, ident) if ident is not None else (classes,):
            if value is None:
                continue
            budget -= 1
            if skipped:
                continue
            kinds = seen.get(value)
            if kinds is None:
                kinds = seen[value] = _kinds(value)
            if kinds:
                if kinds & _DATE:
                    dates[element] = None
                if kinds & _BYLINE:
                    bylines[element] = None
        if prop is not None:
            budget -= 1
            if tag != "meta":
                itemprops.append((element, prop))
            if not skipped:
                is_date = seen_props.get(prop)
                if is_date is None:
                    is_date = seen_props[prop] = DATE_RE.search(prop.lower()) is not None
                if is_date:
                    dates[element] = None
    kept: list[html.HtmlElement] = []
    for element in bylines:
        if not is_inside(element, COMMENT_RE, NO_TAGS):
            kept.append(element)
            if len(kept) >= MAX_BYLINES:
                break
    found_itemprops = tuple(itemprops)
    return Clues(
        bylines=tuple(kept),
        dates=tuple(dates),
        itemprops=found_itemprops,
        headline=headline_element(root, found_itemprops, _first_h1s(items)),
    )
