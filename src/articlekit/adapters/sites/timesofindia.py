"""Times of India (timesofindia.indiatimes.com): ``Document`` → ``PartialArticle``.

One page design is known:

- ``articleshow`` (2024–): the React ``articleshow`` page. The body is one
  ``div[@data-articlebody]`` holding bare text: paragraphs are separated by ``<br>``
  or by empty ``span.br`` markers, sub-headings are ``span.strong`` runs or an ``h2``
  in a ``div.cdatainfo`` box, and lists sit in ``div.cdatainfo`` boxes too. Ads,
  embeds, the lead picture and promotional ``cdatainfo`` boxes (links such as "You
  Can Also Check: Gold Rate in …") are interleaved as ``div``/``section`` elements.
  The optional synopsis box (``div.art_synopsis``) is the summary; without one, the
  meta description is the lead paragraph cut off mid-sentence, so the summary is the
  whole lead paragraph instead.

Because the paragraphs are not elements, the body is split here (``extract_html``)
rather than taken from the token stream, which sees the text as one block.

Topics are ``<meta name="news_keywords">``: the site prefixes them with SEO phrases
("World news, … Breaking news"), which are dropped; the rest are shown in title case.

Raw-text dumps (lynx) are read by the generic text path with the rules below; the
image CDN ``static.toiimg.com`` identifies the site's HTML without a URL.
"""

from __future__ import annotations

import re
from typing import Any

from articlekit.adapters.base import Document, Layout, SiteAdapter, TextRules
from articlekit.adapters.helpers import xpath
from articlekit.partial import PartialArticle
from articlekit.tokens.types import Token, TokenKind, TokenStream

_BODY = "//div[@data-articlebody]"
_SYNOPSIS = "//div[contains(@class, 'art_synopsis')]//div[contains(@class, 'id-r-synopsis')]"
_BYLINE = re.compile(
    r"^(?P<names>[^/]{2,120}(?: / [^/]{2,60})*?)"
    r" / (?P<date>[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} IST)$"
)
"""The dump's byline: "Jane Doe / TIMESOFINDIA.COM / Apr 16, 2026, 14:04 IST" (desks and
agencies in capitals name no person)."""
MIN_CUT_WORDS = 8
"""A description shorter than this is not taken for a cut-off copy of the lead."""
_BREAK_TAGS = frozenset({"br"})
_BLOCK_TAGS = frozenset({"div", "section", "p", "figure", "table", "ul", "ol", "iframe"})
_HEADING_TAGS = frozenset({"h2", "h3", "h4"})
_LIST_TAGS = frozenset({"li"})


def _classes(el: Any) -> set[str]:
    return set(str(el.get("class") or "").split())


class _Splitter:
    """Splits the TOI body (bare text between break markers) into body tokens."""

    def __init__(self, stream: TokenStream) -> None:
        self._index = {el: i for i, el in enumerate(stream.elements)}
        self.tokens: list[Token] = []
        self._parts: list[str] = []
        self._kind = TokenKind.PARAGRAPH
        self._node = -1

    def _node_of(self, el: Any) -> int:
        for candidate in (el, *el.iterancestors()):
            found = self._index.get(candidate)
            if found is not None:
                return found
        return -1

    def flush(self) -> None:
        text = " ".join("".join(self._parts).split())
        if text:
            level = 2 if self._kind is TokenKind.HEADING else 0
            self.tokens.append(Token(kind=self._kind, text=text, node=self._node, level=level))
        self._parts = []
        self._kind = TokenKind.PARAGRAPH

    def add(self, text: str | None, kind: TokenKind, el: Any) -> None:
        if not text or not text.strip():
            if text and self._parts:
                self._parts.append(text)
            return
        if self._parts and kind is not self._kind:
            self.flush()
        if not self._parts:
            self._kind, self._node = kind, self._node_of(el)
        self._parts.append(text)

    def walk(self, el: Any, kind: TokenKind = TokenKind.PARAGRAPH) -> None:
        self.add(el.text, kind, el)
        for child in el:
            if not isinstance(child.tag, str):
                self.add(child.tail, kind, el)
                continue
            tag, classes = child.tag.lower(), _classes(child)
            if tag in _BREAK_TAGS or "br" in classes:
                self.flush()
            elif tag in _HEADING_TAGS or "strong" in classes:
                self.walk(child, TokenKind.HEADING)
            elif tag in _LIST_TAGS:
                self.flush()
                self.walk(child, TokenKind.LIST_ITEM)
                self.flush()
            elif tag in _BLOCK_TAGS:
                self.flush()
                if not _is_promo_box(child):
                    self.walk(child, kind)
                    self.flush()
            elif tag not in ("script", "style", "noscript", "img", "video-embed"):
                self.walk(child, kind)
            self.add(child.tail, kind, el)


def _is_promo_box(el: Any) -> bool:
    """A ``div.cdatainfo`` box without a sub-heading or a list is a link promo."""
    if "cdatainfo" not in _classes(el):
        return False
    return not xpath(el, "./h2 | ./h3 | ./ul | ./ol")


def _cut_copy_of(description: str, paragraph: str) -> bool:
    """Whether the meta description is ``paragraph`` cut off ("… According to.")."""
    words = description.rstrip(".… ").split()
    return len(words) >= MIN_CUT_WORDS and paragraph.startswith(" ".join(words))


class TimesOfIndiaAdapter(SiteAdapter):
    """The Times of India (English)."""

    name = "timesofindia"
    version = "1"
    site_name = "The Times of India"
    domains = ("timesofindia.indiatimes.com",)
    fingerprints = (
        r"https?://static\.toiimg\.com/",
        r"(?m)TOI logo\s*$",
        r"TIMESOFINDIA\.COM / [A-Z][a-z]{2} \d",
    )
    """The image CDN (HTML); the logo's alt text and the desk's byline credit (dumps)."""
    layouts = (
        Layout(
            name="articleshow",
            fingerprint=_BODY,
            title="//h1",
            summary=_SYNOPSIS,
            topics="//meta[@name='news_keywords']/@content",
            topics_drop=re.compile(r"news", re.IGNORECASE),
            topics_title_case=True,
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(r"^\(BUTTON\)"),
            re.compile(r"^(?:Share|AA|Comments|Follow us|Small|Medium|Large)$"),
            re.compile(r"^\((?:AI )?image used for representational purpose\)$", re.IGNORECASE),
            re.compile(r"^(?:You Can Also Check:|Get real-time updates and )"),
        ),
        end_of_body=re.compile(r"^(?:End of Article|Follow Us On Social Media)$"),
        byline=_BYLINE,
        by_organizations="drop",
        headline="topmost",
        header_lines=1,
        wrap_width=950,
        alt_repeats_title=True,
        standfirst_chars=80,  # a synopsis is a few sentences, not a label
    )

    def extract_html(self, doc: Document, layout: Layout) -> PartialArticle:
        """The layout's rules, plus the body split at the site's break markers."""
        result = super().extract_html(doc, layout)
        assert doc.html is not None
        splitter = _Splitter(doc.stream)
        for container in xpath(doc.html.root, _BODY):
            splitter.walk(container)
            splitter.flush()
        body = tuple(t for t in splitter.tokens if t.text != result.summary)
        if not body:
            return result
        changes: dict[str, Any] = {"body": body}
        description = doc.metadata.summary.value if doc.metadata.summary else None
        if result.summary is None and description and _cut_copy_of(description, body[0].text):
            changes["summary"] = body[0].text
            changes["body"] = body[1:]
        return self.amend(result, changes, f"layout {layout.name}")
