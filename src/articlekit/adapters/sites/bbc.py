"""BBC (bbc.com, bbc.co.uk): ``Document`` → ``PartialArticle``.

One page design is known, chosen by its markup:

- ``blocks`` (2023–): the React article page, an ``<article>`` made of
  ``data-component`` blocks (``headline-block``, ``byline-block``, ``text-block``,
  ``subheadline-block``, ``image-block`` with ``caption-block``, ``links-block``,
  ``tags``/``tag-list-block``); lists of links inside a text block ("read more"
  teasers) are not body. Each picture is a grey placeholder ``<img>`` followed by
  the real one and a credit ``<span>``; images are read from the real one.

Pages without a named byline carry the newsroom as the JSON-LD author
(``NewsMediaOrganization`` "BBC News"), which is kept as the author.

Raw-text dumps are read by the generic text path with the site's button, image
placeholder and footer lines dropped; the footer's "Copyright … BBC. The BBC is not
responsible for the content of external sites" identifies them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from articlekit.adapters.base import Document, Layout, SiteAdapter, TextRules
from articlekit.adapters.helpers import apply_layout, apply_text_rules, texts
from articlekit.metadata.types import PersonRef
from articlekit.model.provenance import FieldSource, SourceKind
from articlekit.partial import PartialArticle
from articlekit.tokens.types import Token, TokenKind

_BLOCK = "//article//div[@data-component='{}']"
_TEXT = _BLOCK.format("text-block")
_LINK_LIST = _TEXT + "//ul[not(li[not(a) or normalize-space(.) != normalize-space(a)])]"
"""A list whose every item is one link: "read more" teasers inside a text block."""
_NEWSROOM_AUTHOR = "jsonld:author.name"


class BBCAdapter(SiteAdapter):
    """BBC News and its sister sections on bbc.com / bbc.co.uk."""

    name = "bbc"
    version = "1"
    site_name = "BBC"
    domains = ("bbc.com", "bbc.co.uk")
    fingerprints = (
        r"https?://ichef\.bbci\.co\.uk/",
        r"The BBC is not responsible for the content of external sites",
    )
    """The BBC's image CDN (HTML) and its footer notice (HTML and text dumps)."""
    layouts = (
        Layout(
            name="blocks",
            fingerprint=_TEXT,
            body=_TEXT + " | " + _BLOCK.format("subheadline-block"),
            exclude=_LINK_LIST,
            title=_BLOCK.format("headline-block") + "//h1",
            summary="(" + _TEXT + ")[1]//p[1][b and normalize-space(.) = normalize-space(b)]",
            authors="//article//*[@data-testid='byline-contributors']"
            "//span[normalize-space() and not(*)][1]",
            topics=_BLOCK.format("tags") + "//a | " + _BLOCK.format("tag-list-block") + "//a",
            figures="//article//figure//img[not(contains(@class, 'hide-when-no-script'))]",
            figure_caption="ancestor::figure[1]//figcaption",
            figure_credit="following-sibling::span[1]",
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(r"\(BUTTON\)"),
            re.compile(r"^\[grey-placeholder\.png\]"),
        ),
        end_of_body=re.compile(r"^(?:Related|More from the BBC)$"),
    )

    def extract_text(self, doc: Document) -> PartialArticle:
        """The text rules, with lynx's flush-left lines (its headings) read as headings,
        the deeper-indented menu entries left out, and no byline above the headline."""
        tokens = _flush_left_headings(doc.stream.tokens)
        stream = dataclasses.replace(doc.stream, tokens=tokens)
        result = apply_text_rules(self, dataclasses.replace(doc, stream=stream))
        if result.title and result.authors:
            title_at = _first_index(tokens, lambda t: t.text == result.title)
            names = {p.name for p in result.authors}
            author_at = _first_index(tokens, lambda t: any(n in t.text for n in names))
            if title_at is not None and author_at is not None and author_at < title_at:
                # the byline follows the headline; a "name" above it is a menu entry
                sources = {k: v for k, v in result.sources.items() if k != "authors"}
                return dataclasses.replace(result, authors=None, sources=sources)
        return result

    def extract_html(self, doc: Document, layout: Layout) -> PartialArticle:
        """The layout's rules; without a named byline the newsroom is the author."""
        result = apply_layout(self, doc, layout)
        if result.authors or doc.html is None:
            return result
        newsroom = texts(doc.html.root, _NEWSROOM_AUTHOR)
        if not newsroom:
            return result
        return dataclasses.replace(
            result,
            authors=tuple(PersonRef(name=n) for n in dict.fromkeys(newsroom)),
            sources={
                **result.sources,
                "authors": FieldSource(
                    kind=SourceKind.ADAPTER, detail=f"{self.ident} JSON-LD newsroom author"
                ),
            },
        )


LYNX_PARAGRAPH_INDENT = 3
"""lynx indents paragraphs by three columns and prints headings flush left."""


def _flush_left_headings(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """Paragraphs printed flush left in an indented dump are the page's headings; those
    indented deeper than the paragraphs are the menu's section names."""
    if not any(t.kind is TokenKind.PARAGRAPH and t.level == LYNX_PARAGRAPH_INDENT for t in tokens):
        return tokens
    return tuple(
        dataclasses.replace(t, kind=TokenKind.HEADING, level=1)
        if t.kind is TokenKind.PARAGRAPH and t.level == 0 and t.text
        else t
        for t in tokens
        if not (t.kind is TokenKind.PARAGRAPH and t.level > LYNX_PARAGRAPH_INDENT)
    )


def _first_index(tokens: tuple[Token, ...], test: Callable[[Token], bool]) -> int | None:
    return next((i for i, t in enumerate(tokens) if test(t)), None)
