"""One pass over the body's class/id/itemprop values: document → byline and date elements.

Input → output: a read-only lxml document → ``Clues``: the elements whose class or id says
byline/author, and those whose class, id or ``itemprop`` says date/time/published (plus
``<time>`` without ``datetime`` and ``<abbr title>``), each in document order, outside
comment sections. Shared by ``dom`` (bylines) and ``visible`` (printed dates).

Why a Python pass: libxml2 evaluates ``contains(translate(@class, …), 'date')`` with a
fresh string per test, so a dozen lower-cased tests per element cost far more than
reading every attribute value once as a string and matching one regex on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree, html

from articlekit.metadata._near import headline_element
from articlekit.patterns.keywords import keyword_regex

__all__ = ["COMMENT_RE", "NO_TAGS", "Clues", "is_inside", "scan_clues"]

BYLINE_RE = keyword_regex("byline", "author(?!i)")
"""A lower-cased class or id that says byline/author (not "authority", "authorize")."""
DATE_RE = keyword_regex(
    "date", "datum", "fecha", "time", "publi", "posted", "created", "erstellt", "byline",
    "author", "meta", "updated", "modified",
)  # fmt: skip
"""A lower-cased class, id or itemprop that says its element prints a date
(``entry-date``, ``post-meta``, ``published``, ``dateline``, ``timestamp`` …)."""
COMMENT_RE = re.compile(r"comment")
"""A lower-cased class or id of a comment section (its bylines and dates are readers')."""
SKIPPED_TAGS = frozenset(
    {"script", "style", "noscript", "template", "meta", "link", "img", "input", "select",
     "option", "button", "form", "svg", "iframe", "body", "html"}
)  # fmt: skip
"""Elements never read as bylines or date lines."""
NO_TAGS: frozenset[str] = frozenset()
"""For ``is_inside`` when only class and id count."""
MAX_BYLINES = 100
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


def _kinds(value: str, *, itemprop: bool) -> tuple[bool, bool]:
    """Attribute value → (says date, says byline); itemprops never say byline."""
    lowered = value.lower()
    is_date = DATE_RE.search(lowered) is not None
    return is_date, not itemprop and BYLINE_RE.search(lowered) is not None


def _body_descendants(root: html.HtmlElement) -> Iterator[html.HtmlElement]:
    """The elements inside ``/html/body``, in document order (comments and processing
    instructions are filtered out by lxml, in C)."""
    if root.tag != "html":
        return
    for body in root.iterchildren("body"):
        yield from body.iterdescendants(etree.Element)


def scan_clues(root: html.HtmlElement) -> Clues:
    """Document → its byline, date and microdata elements (see module docstring)."""
    bylines: dict[html.HtmlElement, None] = {}
    dates: dict[html.HtmlElement, None] = {}
    itemprops: list[tuple[html.HtmlElement, str]] = []
    seen: dict[str, tuple[bool, bool]] = {}
    """Memo of ``_kinds`` of class and id values for this call: pages repeat a few class
    values many times."""
    seen_props: dict[str, bool] = {}
    """… and whether an itemprop value says date."""
    budget = MAX_CLUE_VALUES
    # A Python walk, not one XPath union of attribute sets: libxml2 merges the node-sets
    # of a union with a duplicate check per node, which is quadratic in the number of
    # attributes (a 20 MB page spent seconds there).
    for element in _body_descendants(root):
        if budget <= 0:
            break
        tag = element.tag
        if (tag == "time" and element.get("datetime") is None) or (
            tag == "abbr" and element.get("title") is not None
        ):
            dates.setdefault(element, None)
            budget -= 1
        get = element.get
        skipped = tag in SKIPPED_TAGS
        for value in (get("class"), get("id")):
            if value is None:
                continue
            budget -= 1
            kinds = seen.get(value)
            if kinds is None:
                kinds = seen[value] = _kinds(value, itemprop=False)
            if skipped:
                continue
            if kinds[0]:
                dates.setdefault(element, None)
            if kinds[1]:
                bylines.setdefault(element, None)
        value = get("itemprop")
        if value is not None:
            budget -= 1
            is_date = seen_props.get(value)
            if is_date is None:
                is_date = seen_props[value] = _kinds(value, itemprop=True)[0]
            if tag != "meta":
                itemprops.append((element, value))
            if is_date and not skipped:
                dates.setdefault(element, None)
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
        headline=headline_element(root, found_itemprops),
    )
