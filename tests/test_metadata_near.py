"""``_near``'s text walks: the explicit-stack walks give what the plain recursive
definitions give, on generated trees (scripts, blank text, NBSP, deep nesting)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html

from articlekit.metadata._near import (
    NON_TEXT_TAGS,
    _subtree_texts,
    _subtree_texts_backwards,
    following_texts,
    preceding_texts,
)


def _reference_forward(element: html.HtmlElement) -> Iterator[str]:
    """The definition: text, then each child's subtree and tail (text of script, style
    and noscript left out, their tails kept)."""
    shown = element.tag not in NON_TEXT_TAGS
    if shown and element.text:
        yield element.text
    for child in element:
        if isinstance(child.tag, str):
            yield from _reference_forward(child)
        if shown and child.tail:
            yield child.tail


def _reference_backward(element: html.HtmlElement) -> Iterator[str]:
    """The definition, in reverse document order."""
    shown = element.tag not in NON_TEXT_TAGS
    for child in reversed(element):
        if shown and child.tail:
            yield child.tail
        if isinstance(child.tag, str):
            yield from _reference_backward(child)
    if shown and element.text:
        yield element.text


TAGS = st.sampled_from(["div", "p", "span", "b", "script", "style", "noscript", "section", "a"])
TEXT = st.sampled_from(["", " ", "\n\t", "\xa0", "x", "Ab c", " tail "])


def _render(tag: str, text: str, children: list[str], tail: str) -> str:
    return f"<{tag}>{text}{''.join(children)}</{tag}>{tail}"


NODES = st.recursive(
    st.builds(_render, TAGS, TEXT, st.just([]), TEXT),
    lambda inner: st.builds(_render, TAGS, TEXT, st.lists(inner, max_size=4), TEXT),
    max_leaves=30,
)
BODIES = st.builds(
    lambda before, after: f"{before}<h1>Head</h1>{after}",
    st.lists(NODES, max_size=4).map("".join),
    st.lists(NODES, max_size=4).map("".join),
)


@settings(max_examples=200)
@given(BODIES)
def test_near_walks_match_their_recursive_definitions(body: str) -> None:
    root = html.document_fromstring(f"<html><body><main>{body}</main></body></html>")
    for element in root.iter():
        assert list(_subtree_texts(element)) == list(_reference_forward(element))
        assert list(_subtree_texts_backwards(element)) == list(_reference_backward(element))
    headline = root.find(".//h1")
    assert headline is not None
    after = headline.xpath(
        "following::text()[not(parent::script or parent::style or parent::noscript)]"
    )
    assert list(following_texts(headline)) == [str(t) for t in after if t.strip()]
    before = headline.xpath(
        "preceding::text()[normalize-space()]"
        "[not(parent::script or parent::style or parent::noscript)]"
    )
    assert list(preceding_texts(headline)) == [str(t) for t in reversed(before)]
    assert (
        list(itertools.islice(preceding_texts(headline), 3))
        == [str(t) for t in reversed(before)][:3]
    )


def test_near_walks_read_deep_nesting() -> None:
    depth = 200  # (libxml2 keeps at most 256 levels)
    body = "<div>x" * depth + "</div>" * depth + "<h1>Head</h1>" + "<p>y" * depth
    root = html.document_fromstring(f"<html><body>{body}</body></html>")
    headline = root.find(".//h1")
    assert headline is not None
    assert sum(1 for _ in preceding_texts(headline)) == sum(1 for _ in root.iter("div"))
    assert sum(1 for _ in following_texts(headline)) == sum(1 for _ in root.iter("p"))
