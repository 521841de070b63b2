"""The site-adapter API: ``Document`` → ``PartialArticle`` for one publisher.

Input → output: an adapter reads a ``Document`` (the decoded source, its token
stream, its parsed HTML if any, and the fused metadata) and returns a
``PartialArticle``. Fields it leaves ``None`` fall through to the generic path.

An adapter is a small class with declarative class data:

- identity: ``name``, ``version``, ``domains``, ``url_patterns`` and ``fingerprints``
  (regexes that recognise the site's documents by content, for input without URL);
- ``layouts``: one ``Layout`` per page design, each with a content ``fingerprint``
  (an XPath that must match), optional ``valid_from``/``valid_until`` dates, and
  field rules (XPaths). The layout is chosen by content first; dates only break ties,
  so two layouts that are live at the same time both work;
- ``text_rules``: ``TextRules`` for raw-text dumps of the site's pages.

Code hooks (``extract_html``, ``extract_text``, ``postprocess``) exist for what rules
cannot say. See ``docs/adapters.md``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

from articlekit.decode import ContentType
from articlekit.metadata.types import Metadata
from articlekit.model.provenance import FieldSource, SourceKind
from articlekit.options import ParseOptions
from articlekit.partial import PartialArticle
from articlekit.tokens.types import TokenStream

if TYPE_CHECKING:
    from articlekit.tokens.html import HtmlDocument

__all__ = ["Document", "Layout", "SiteAdapter", "TextRules"]

FINGERPRINT_WINDOW = 200_000
"""Characters of the source searched for content fingerprints."""


@dataclass(frozen=True, slots=True)
class Document:
    """Everything the pipeline knows about one input before content selection.

    Attributes:
        text: The decoded, normalized source.
        content_type: ``"html"`` or ``"text"``.
        url: The caller's URL, else the canonical URL the page declares.
        html: The parsed HTML (read-only), ``None`` for text input.
        stream: The token stream.
        metadata: The fused metadata.
        options: The parse options.
    """

    text: str
    content_type: ContentType
    url: str | None
    html: HtmlDocument | None
    stream: TokenStream
    metadata: Metadata
    options: ParseOptions

    @property
    def published_hint(self) -> dt.date | None:
        """The publication day from metadata, used to break ties between layouts."""
        if self.metadata.published is None:
            return None
        value = self.metadata.published.value.value
        return value.date() if isinstance(value, dt.datetime) else value


@dataclass(frozen=True, slots=True)
class Layout:
    """One page design of a site, and where its fields are.

    Rules are XPath expressions evaluated on the document root, or JSON-LD paths
    written ``"jsonld:author.name"`` (``"jsonld:@NewsArticle.keywords"`` keeps only
    objects of that type); ``None`` means the layout says nothing about that field
    (the generic path and the page's metadata fill it).

    Attributes:
        name: Short name, shown in provenance (``"dw@2@rich-text"``).
        fingerprint: XPath that matches only pages of this design.
        valid_from: First day this design was live (inclusive), if known.
        valid_until: Last day this design was live (inclusive), if known.
        body: Container(s) of the article body.
        exclude: Elements inside the body that are not body (ads, share bars).
        title: Element holding the headline.
        summary: Element holding the lead / teaser.
        authors: Elements each holding one author name (or a byline to split).
        published: Element or attribute holding the publication date.
        modified: Element or attribute holding the modification date.
        topics: Elements each holding one topic/tag.
        section: Element holding the section / department name.
        short_url: Element or attribute holding the page's short link.
        figures: Image containers (``<figure>``, a site's picture box); when set, these
            are the article's images, in document order.
        figure_caption: Caption element, relative to a figure (default ``.//figcaption``).
        figure_credit: Credit element, relative to a figure (default: read from the
            caption: credit-classed children or a labelled credit such as "Photo: …").
    """

    name: str
    fingerprint: str
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    body: str | None = None
    exclude: str | None = None
    title: str | None = None
    summary: str | None = None
    authors: str | None = None
    published: str | None = None
    modified: str | None = None
    topics: str | None = None
    section: str | None = None
    short_url: str | None = None
    figures: str | None = None
    figure_caption: str | None = None
    figure_credit: str | None = None

    def live_on(self, day: dt.date | None) -> bool:
        """Whether the design was live on ``day`` (unknown days match every layout)."""
        if day is None:
            return True
        if self.valid_from is not None and day < self.valid_from:
            return False
        return not (self.valid_until is not None and day > self.valid_until)


@dataclass(frozen=True, slots=True)
class TextRules:
    """Patterns for raw-text dumps of a site's pages (regexes over whole lines).

    Attributes:
        drop: Lines matching any of these are furniture, never body.
        short_url: Matches the site's short link; group ``url`` is the link.
        end_of_body: The body ends before the first line matching this.
    """

    drop: tuple[re.Pattern[str], ...] = ()
    short_url: re.Pattern[str] | None = None
    end_of_body: re.Pattern[str] | None = None


class SiteAdapter:
    """Base class of site adapters. Subclasses set class data and may override hooks.

    The default ``extract`` picks a layout (``choose_layout``) and applies its rules
    for HTML, or the ``text_rules`` for raw text. Anything not found stays ``None``.
    """

    name: ClassVar[str] = ""
    """Unique registry name, lower case (``"dw"``)."""
    version: ClassVar[str] = "1"
    """Bumped whenever the adapter's output changes; shown in provenance."""
    domains: ClassVar[tuple[str, ...]] = ()
    """Host names served (sub-domains included): ``("dw.com",)``."""
    url_patterns: ClassVar[tuple[str, ...]] = ()
    """Regexes over the full URL that must match (when given) for the adapter to apply."""
    fingerprints: ClassVar[tuple[str, ...]] = ()
    """Regexes over the source that identify the site's documents without a URL."""
    layouts: ClassVar[tuple[Layout, ...]] = ()
    """Page designs, newest first."""
    text_rules: ClassVar[TextRules | None] = None
    """Rules for raw-text dumps; ``None`` uses the generic text path alone."""
    site_name: ClassVar[str | None] = None
    """The publisher's display name."""
    site_timezone: ClassVar[str | None] = None
    """IANA zone of the newsroom, assumed (and flagged) for times without an offset."""

    @property
    def ident(self) -> str:
        """``name@version``, as shown in provenance."""
        return f"{self.name}@{self.version}"

    # -- identity ------------------------------------------------------------------

    @classmethod
    def matches_url(cls, url: str) -> bool:
        """Whether ``url`` belongs to this site (domain, then URL patterns)."""
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            return False
        if not any(host == d or host.endswith("." + d) for d in cls.domains):
            return False
        return not cls.url_patterns or any(re.search(p, url) for p in cls.url_patterns)

    @classmethod
    def matches_content(cls, text: str) -> bool:
        """Whether the source carries one of this site's fingerprints."""
        head = text[:FINGERPRINT_WINDOW]
        return any(re.search(p, head) for p in cls.fingerprints)

    # -- extraction ------------------------------------------------------------------

    def choose_layout(self, doc: Document) -> Layout | None:
        """The layout whose fingerprint matches; the publication date breaks ties."""
        if doc.html is None:
            return None
        root = doc.html.root
        matching = [layout for layout in self.layouts if _xpath_matches(root, layout.fingerprint)]
        if len(matching) > 1:
            day = doc.published_hint
            dated = [layout for layout in matching if layout.live_on(day)]
            matching = dated or matching
        return matching[0] if matching else None

    def extract(self, doc: Document) -> PartialArticle:
        """Extract what this site's rules know. Override hooks, not this method."""
        if doc.content_type == "text":
            result = self.extract_text(doc)
        else:
            layout = self.choose_layout(doc)
            if layout is None:
                return PartialArticle(
                    warnings=(
                        (
                            "adapter.no_layout",
                            f"adapter {self.ident} matched no known layout; used the generic path",
                        ),
                    )
                )
            result = self.extract_html(doc, layout)
        return self.postprocess(doc, result)

    def extract_html(self, doc: Document, layout: Layout) -> PartialArticle:
        """Apply ``layout``'s rules (override to add code)."""
        from articlekit.adapters.helpers import apply_layout  # noqa: PLC0415

        return apply_layout(self, doc, layout)

    def extract_text(self, doc: Document) -> PartialArticle:
        """Apply ``text_rules`` on top of the generic text path (override to add code)."""
        from articlekit.adapters.helpers import apply_text_rules  # noqa: PLC0415

        return apply_text_rules(self, doc)

    def postprocess(self, doc: Document, result: PartialArticle) -> PartialArticle:
        """Last hook: adjust the partial result (default: unchanged)."""
        return result

    def amend(
        self, result: PartialArticle, changes: Mapping[str, Any], how: str
    ) -> PartialArticle:
        """``result`` with ``changes`` applied, each changed field credited to this
        adapter in provenance (``how`` names the rule, e.g. ``"text header"``)."""
        source = FieldSource(kind=SourceKind.ADAPTER, detail=f"{self.ident} {how}")
        sources = {**result.sources, **dict.fromkeys(changes, source)}
        return dataclasses.replace(result, **changes, sources=sources)


def _xpath_matches(root: object, expression: str) -> bool:
    from articlekit.adapters.helpers import xpath  # noqa: PLC0415

    return bool(xpath(root, expression))
