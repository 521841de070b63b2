"""Fox News (foxnews.com): ``Document`` → ``PartialArticle``.

One page design is known, chosen by its markup:

- ``article-wrap`` (2019–): the server-rendered Nuxt page; ``article.article-wrap``
  with ``header.article-header`` (``h1.headline``, the dek ``h2.sub-headline``, the
  byline ``div.author-byline``) and ``div.article-body`` holding the paragraphs, ad
  containers, the lead video (``div.featured-video``), photos (``div.image-ct`` with
  the caption and the parenthesised credit in two ``<span>``) and, at its end, the
  author's bio (``div.author-bio``); paragraphs that are one bold link (teasers of
  other stories, app promotions) are not body. Topics are the ``classification-tags`` meta.

Raw-text dumps are read by the generic text path with the share bar, the lead video
(link, title, description), photo captions, all-capitals teaser links and the author
bio dropped; the flush-left headline and dek above the "By … | Fox News" byline give
title and summary.
"""

from __future__ import annotations

import dataclasses
import re

from articlekit.adapters.base import Document, Layout, SiteAdapter, TextRules
from articlekit.adapters.helpers import apply_layout, apply_text_rules
from articlekit.metadata.types import PersonRef
from articlekit.model.provenance import FieldSource, SourceKind
from articlekit.partial import PartialArticle
from articlekit.patterns import parse_byline
from articlekit.tokens.types import ImageRef, Token, TokenKind

_ARTICLE = "//article[contains(concat(' ', @class, ' '), ' article-wrap ')]"
_BODY = _ARTICLE + "//div[contains(concat(' ', @class, ' '), ' article-body ')]"
_CAPTION = ".//div[contains(@class, 'info')]/div[@class='caption']/p"
_NOT_BODY = (
    "contains(@class, 'ad-container') or contains(@class, 'featured-video')"
    " or contains(@class, 'image-ct') or contains(@class, 'video-ct')"
    " or contains(@class, 'article-meta') or @id='cultivate-embed'"
)

_PROMO = _BODY + "/p[a/strong and normalize-space(.) = normalize-space(a)]"
"""A paragraph that is one bold link: "CLICK HERE TO GET THE FOX NEWS APP", teasers."""

CAPTION = re.compile(r"[.!?”]\s*\([^()]{2,80}\)$")
"""A photo caption: a sentence, then the credit in parentheses."""


class FoxNewsAdapter(SiteAdapter):
    """Fox News articles (news, politics, opinion)."""

    name = "foxnews"
    version = "1"
    site_name = "Fox News"
    domains = ("foxnews.com",)
    fingerprints = (
        r"https://a57\.foxnews\.com/",
        r"This material may not be published, broadcast, rewritten, or redistributed\. ©\d{4} "
        r"FOX News Network",
    )
    """Fox's image CDN (HTML) and its copyright notice (HTML and text dumps)."""
    layouts = (
        Layout(
            name="article-wrap",
            fingerprint=_BODY,
            body=_BODY,
            exclude=_BODY + "//*[" + _NOT_BODY + "] | " + _PROMO,
            title=_ARTICLE + "//header//h1[contains(@class, 'headline')]",
            summary=_ARTICLE + "//header//h2[contains(@class, 'sub-headline')]",
            authors=_ARTICLE + "//header//div[contains(@class, 'author-byline')]"
            "//a[contains(@href, '/person/')]",
            topics="//meta[@name='classification-tags']/@content",
            figures=_BODY + "//div[contains(concat(' ', @class, ' '), ' image-ct ')]",
            figure_caption=_CAPTION + "/span[1]",
            figure_credit=_CAPTION + "/span[2]",
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(r"^(?:Facebook|Twitter|Flipboard|Instagram|Comments|Print|Email|close)$"),
            re.compile(r"^This material may not be published, broadcast, rewritten"),
            re.compile(r"^CLICK HERE TO "),
            re.compile(r"^[^a-z]*[A-Z]{2}[^a-z]{12,}$"),
            CAPTION,
        ),
        end_of_body=re.compile(
            r"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){1,3} is an? .{0,80}\b(?:for|at|with) Fox "
            r"(?:News|Business)"
        ),
    )

    def extract_text(self, doc: Document) -> PartialArticle:
        """The text rules without video and photo furniture; headline, dek and byline read
        together."""
        tokens = _without_media(doc.stream.tokens)
        doc = dataclasses.replace(doc, stream=dataclasses.replace(doc.stream, tokens=tokens))
        result = apply_text_rules(self, doc)
        at = next((i for i, t in enumerate(tokens) if BYLINE.match(t.text)), None)
        if at is None or at < 2:
            return result
        headline, dek = tokens[at - 2], tokens[at - 1]
        if not (_flush_left(headline) and _flush_left(dek)):
            return result
        byline = parse_byline(BYLINE.match(tokens[at].text).group("names"))  # type: ignore[union-attr]
        source = FieldSource(kind=SourceKind.ADAPTER, detail=f"{self.ident} header")
        changes: dict[str, object] = {"title": headline.text, "summary": dek.text}
        if byline.persons:
            changes["authors"] = tuple(PersonRef(name=n) for n in byline.persons)
        body = tuple(t for t in result.body or () if t.text not in (headline.text, dek.text))
        return dataclasses.replace(
            result,
            **changes,  # type: ignore[arg-type]
            body=body or result.body,
            sources={**result.sources, **dict.fromkeys(changes, source)},
        )

    def extract_html(self, doc: Document, layout: Layout) -> PartialArticle:
        """The layout's rules; the parentheses around photo credits removed."""
        result = apply_layout(self, doc, layout)
        if not result.images:
            return result
        return dataclasses.replace(result, images=tuple(_bare_credit(i) for i in result.images))


def _bare_credit(image: ImageRef) -> ImageRef:
    credit = (image.credit or "").strip()
    if credit.startswith("(") and credit.endswith(")"):
        return dataclasses.replace(image, credit=credit[1:-1].strip() or None)
    return image


MAX_ALT_CHARS = 160
"""The image's alt text, printed right above its caption, is short."""
BYLINE = re.compile(r"^By (?P<names>.+?) \| Fox (?:News|Business)")
"""The header byline: "By Jane Doe, John Roe | Fox News"."""
VIDEO_LABEL = re.compile(r" Video$")
"""Text browsers print the lead video's link as its title followed by "Video"."""
VIDEO_BLOCK_TOKENS = 3
"""The video link, its title and its description."""


def _flush_left(token: Token) -> bool:
    return token.kind in (TokenKind.PARAGRAPH, TokenKind.HEADING) and token.level == 0


def _without_media(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """Tokens without embedded video blocks (link, title, description) and photo alt texts
    (the short line right above a caption)."""
    out: list[Token] = []
    skip = 0
    for i, token in enumerate(tokens):
        if skip:
            skip -= 1
            continue
        if VIDEO_LABEL.search(token.text) and token.level > 0:
            skip = VIDEO_BLOCK_TOKENS - 1
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            following is not None
            and CAPTION.search(following.text)
            and len(token.text) <= MAX_ALT_CHARS
            and not CAPTION.search(token.text)
        ):
            continue
        out.append(token)
    return tuple(out)
