"""The Washington Post (washingtonpost.com): ``Document`` → ``PartialArticle``.

One page design is known, chosen by its markup:

- ``wpds`` (2022–): the React page built with the WPDS design system; the header has
  ``h1[data-qa='headline']``, the dek ``h2[data-qa='subheadline']`` and the byline
  ``a[data-qa='author-name']``; the body is a run of ``div[data-qa='article-body']``
  blocks, some of which hold ad slots (``data-qa='article-body-ad'``) or embedded posts
  (``data-testid='twitter'`` …) instead of text. Photos are ``<figure>`` elements with
  the credit in parentheses at the end of the caption.

Raw-text dumps are read by the generic text path with the action bar ("Listen",
"Share", "Add to your saved stories"), ad labels and photo captions (a sentence
followed by the credit in parentheses) dropped. Text browsers print the
headline and the dek both flush left, one after the other: the first is the title,
the second the summary.
"""

from __future__ import annotations

import dataclasses
import re

from articlekit.adapters.base import Document, Layout, SiteAdapter, TextRules
from articlekit.adapters.helpers import apply_layout, apply_text_rules, xpath
from articlekit.model.provenance import FieldSource, SourceKind
from articlekit.partial import PartialArticle
from articlekit.tokens.types import ImageRef, Token, TokenKind

_BODY = "//article//div[@data-qa='article-body']"
_SUBHEADS = _BODY + "//h3[@data-qa='article-header']"
_EMBEDS = (
    "@data-qa='article-body-ad' or @data-testid='twitter' or @data-testid='instagram'"
    " or @data-testid='youtube' or @data-qa='newsletter'"
)


class WashingtonPostAdapter(SiteAdapter):
    """The Washington Post's news and opinion pages."""

    name = "washingtonpost"
    version = "1"
    site_name = "The Washington Post"
    domains = ("washingtonpost.com",)
    fingerprints = (
        r"https://www\.washingtonpost\.com/wp-apps/imrs\.php\?src=",
        r"© 19\d\d-20\d\d The Washington Post",
    )
    """The Post's image resizer (HTML) and its copyright line (HTML and text dumps)."""
    layouts = (
        Layout(
            name="wpds",
            fingerprint="//h1[@data-qa='headline'] and " + _BODY,
            body=_BODY,
            exclude=_BODY + "//*[" + _EMBEDS + "]",
            title="//h1[@data-qa='headline']",
            summary="//h2[@data-qa='subheadline']",
            authors="//*[@data-qa='author-byline']//a[@data-qa='author-name']",
            figures="//article//figure",
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(r"\(BUTTON\)"),
            re.compile(r"^(?:Listen|Share|Comment|Save|Advertisement)$"),
            re.compile(r"^\d+ min$"),
            re.compile(r"^Add to your saved stories$"),
            re.compile(r"[.!?”]\s*\([^()]{2,80}\)$"),
        ),
    )

    def extract_html(self, doc: Document, layout: Layout) -> PartialArticle:
        """The layout's rules; captions' parenthesised credits split off, the body's ``h3``
        sub-headings (text in a ``div``) kept as headings."""
        result = apply_layout(self, doc, layout)
        if result.images:
            result = dataclasses.replace(
                result, images=tuple(_credit_apart(i) for i in result.images)
            )
        if doc.html is None or not result.body:
            return result
        index = {el: i for i, el in enumerate(doc.stream.elements)}
        nodes = {
            index[el]
            for heading in xpath(doc.html.root, _SUBHEADS)
            for el in heading.iter()
            if el in index
        }
        body = tuple(
            dataclasses.replace(t, kind=TokenKind.HEADING, level=3)
            if t.node in nodes and t.kind is TokenKind.PARAGRAPH
            else t
            for t in result.body
        )
        return dataclasses.replace(result, body=body)

    def extract_text(self, doc: Document) -> PartialArticle:
        """The text rules, with the dump's headline/dek pair and in-body sub-headings."""
        tokens = _subheads_between_paragraphs(doc.stream.tokens)
        doc = dataclasses.replace(doc, stream=dataclasses.replace(doc.stream, tokens=tokens))
        result = apply_text_rules(self, doc)
        if result.title is None:
            return result
        title_at = _token_at(tokens, result.title)
        if title_at is None or not _is_flush_left_line(tokens[title_at]):
            return result
        source = FieldSource(kind=SourceKind.ADAPTER, detail=f"{self.ident} headline and dek")
        if title_at > 0 and _is_flush_left_line(tokens[title_at - 1]):
            title, dek = tokens[title_at - 1].text, result.title
        elif title_at + 1 < len(tokens) and _is_flush_left_line(tokens[title_at + 1]):
            title, dek = result.title, tokens[title_at + 1].text
        else:
            return result
        return dataclasses.replace(
            result,
            title=title,
            summary=result.summary or dek,
            body=tuple(t for t in result.body or () if t.text != dek) or result.body,
            sources={**result.sources, "title": source, "summary": source},
        )


def _is_flush_left_line(token: Token) -> bool:
    return token.kind is TokenKind.PARAGRAPH and token.level == 0 and bool(token.text)


def _token_at(tokens: tuple[Token, ...], text: str) -> int | None:
    """The index of the first token reading ``text``."""
    return next((i for i, token in enumerate(tokens) if token.text == text), None)


CAPTION_CREDIT = re.compile(r"^(?P<caption>.*?[.!?”])\s*\((?P<credit>[^()]{2,80})\)$")
"""A caption ending with its credit in parentheses: "Storm clouds over Omaha. (Jane Doe/AP)"."""


def _credit_apart(image: ImageRef) -> ImageRef:
    if image.credit or not image.caption:
        return image
    match = CAPTION_CREDIT.match(image.caption)
    if match is None:
        return image
    return dataclasses.replace(
        image, caption=match.group("caption"), credit=match.group("credit").strip()
    )


MAX_SUBHEAD_CHARS = 80
"""An in-body sub-heading is a short line."""
MIN_PARAGRAPH_CHARS = 120
"""… set between two paragraphs at least this long."""


def _is_paragraph(token: Token) -> bool:
    return token.kind is TokenKind.PARAGRAPH and len(token.text) >= MIN_PARAGRAPH_CHARS


def _subheads_between_paragraphs(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """A short line without final punctuation between two long paragraphs is a sub-heading
    (the Post's ``h3``, which text browsers indent like the paragraphs)."""
    out = list(tokens)
    for i in range(1, len(tokens) - 1):
        token = tokens[i]
        if (
            token.kind is TokenKind.PARAGRAPH
            and 0 < len(token.text) <= MAX_SUBHEAD_CHARS
            and not token.text.endswith((".", ",", ";", ":", ")", "”", '"'))
            and _is_paragraph(tokens[i - 1])
            and _is_paragraph(tokens[i + 1])
        ):
            out[i] = dataclasses.replace(token, kind=TokenKind.HEADING, level=3)
    return tuple(out)
