"""The page's headline element and the text right after it: ``_scan`` finds the
headline once, ``dom`` (bylines under it) and ``visible`` (datelines under it) read the
text after it.

Input → output: a read-only lxml document and its microdata elements → the headline
element; an element → the text nodes after it, lazily, in document order.

The walks filter the texts of a subtree in a ``for`` loop, not with ``yield from`` over
a generator expression: the compiled build (mypyc) makes a generator expression a list,
which read every text of the subtree (for a sibling near the top of the page, most of
the page) where the callers take a few.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from lxml import etree, html

__all__ = [
    "CONTENT_TAGS",
    "MAX_HEADLINES",
    "following_texts",
    "headline_element",
    "preceding_texts",
]

MAX_HEADLINES: Final = 5
"""How many of the body's first ``<h1>`` are headline candidates."""
H1S: Final = etree.XPath(f"/html/body/descendant::h1[position() <= {MAX_HEADLINES}]")
"""The first few ``<h1>`` of the body (a name test: fast in libxml2)."""
CONTENT_TAGS: Final = frozenset({"article", "main"})
"""Elements that hold the article (``role="main"`` is checked where it counts)."""
NON_TEXT_TAGS: Final = frozenset({"script", "style", "noscript"})
"""Elements whose text is not shown."""


def headline_element(
    root: html.HtmlElement,
    itemprops: tuple[tuple[html.HtmlElement, str], ...],
    h1s: list[html.HtmlElement] | None = None,
) -> html.HtmlElement | None:
    """Document → its headline element: an ``<h1>`` inside the article, else the first
    ``<h1>``, else a microdata headline. ``h1s``: the body's first ``MAX_HEADLINES``
    ``<h1>`` when the caller has them (``H1S``)."""
    if h1s is None:
        found = H1S(root)
        h1s = (
            [e for e in found if isinstance(e, html.HtmlElement)] if isinstance(found, list) else []
        )
    for element in h1s:
        if any(a.tag in CONTENT_TAGS for a in element.iterancestors()):
            return element
    if h1s:
        return h1s[0]
    return next((e for e, prop in itemprops if prop == "headline"), None)


_Frame = tuple[html.HtmlElement, bool, Iterator[html.HtmlElement]]
"""An element of a walk, whether its own text is shown, and its children still to read."""


def _subtree_texts(element: html.HtmlElement) -> Iterator[str]:
    """Element → its text nodes in document order (not its own tail); the text inside
    script, style and noscript is left out, their tails are not.

    A walk with an explicit stack, not one generator per element: nested generators pass
    each text up through every level, so a text node cost time in proportion to its depth.
    """
    shown = element.tag not in NON_TEXT_TAGS
    if shown and element.text:
        yield element.text
    stack: list[_Frame] = [(element, shown, iter(element))]
    while stack:
        owner, shown, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            # the finished element's tail, shown as its parent's text is
            if stack and stack[-1][1] and owner.tail:
                yield owner.tail
            continue
        if isinstance(child.tag, str):
            child_shown = child.tag not in NON_TEXT_TAGS
            if child_shown and child.text:
                yield child.text
            if len(child):
                stack.append((child, child_shown, iter(child)))
                continue
        if shown and child.tail:
            yield child.tail


XML_SPACE: Final = " \t\n\r"
"""What XPath's ``normalize-space()`` strips (not NBSP): text of only these is blank."""


def _subtree_texts_backwards(element: html.HtmlElement) -> Iterator[str]:
    """Element → its text nodes in reverse document order (not its own tail), those
    inside script, style and noscript left out as in ``_subtree_texts`` (the same
    explicit-stack walk)."""
    stack: list[_Frame] = [(element, element.tag not in NON_TEXT_TAGS, reversed(element))]
    while stack:
        owner, shown, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if shown and owner.text:
                yield owner.text
            continue
        if shown and child.tail:
            yield child.tail
        if isinstance(child.tag, str):
            if len(child):
                stack.append((child, child.tag not in NON_TEXT_TAGS, reversed(child)))
            elif child.text and child.tag not in NON_TEXT_TAGS:
                yield child.text


def preceding_texts(element: html.HtmlElement) -> Iterator[str]:
    """Element → the text nodes before it that are not blank (XPath's ``normalize-space()``:
    NBSP is not blank), nearest first, lazily: XPath's ``preceding::text()`` without the
    text directly inside script, style and noscript, in reverse document order. A walk
    up from the element costs what it reads; libxml2 evaluates the XPath over the whole
    document before it."""
    node: html.HtmlElement | None = element
    while node is not None:
        parent = node.getparent()
        shown = parent is None or parent.tag not in NON_TEXT_TAGS
        for sibling in node.itersiblings(preceding=True):
            if shown and sibling.tail and sibling.tail.strip(XML_SPACE):
                yield sibling.tail
            if isinstance(sibling.tag, str):
                for text in _subtree_texts_backwards(sibling):  # (a loop: see module doc)
                    if text.strip(XML_SPACE):
                        yield text
        if parent is not None and shown and parent.text and parent.text.strip(XML_SPACE):
            yield parent.text
        node = parent


def following_texts(element: html.HtmlElement) -> Iterator[str]:
    """Element → the non-blank text nodes after it in document order (XPath's
    ``following::text()``: its descendants excluded), lazily."""
    node: html.HtmlElement | None = element
    while node is not None:
        if node.tail and node.tail.strip():
            yield node.tail
        for sibling in node.itersiblings():
            if isinstance(sibling.tag, str):
                for text in _subtree_texts(sibling):  # (a loop: see module doc)
                    if text.strip():
                        yield text
            if sibling.tail and sibling.tail.strip():
                yield sibling.tail
        node = node.getparent()
