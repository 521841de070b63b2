"""``PartialArticle``: what a content stage (an adapter or generic scoring) knows.

Input → output: none; the common currency between the content stages and
``articlekit.assemble``. Every field is optional: ``None`` means "don't know", so the
next source (the generic path, then the fused metadata) fills it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from articlekit.metadata.types import DateValue, PersonRef
from articlekit.model.provenance import FieldSource
from articlekit.tokens.types import ImageRef, Token

__all__ = ["PartialArticle"]


@dataclass(frozen=True, slots=True)
class PartialArticle:
    """Partial fields of an article, each ``None`` when unknown.

    Attributes:
        body: Body tokens in reading order (figures included).
        images: Images of the article; when ``None``, the figures in ``body`` and
            the lead image are used.
        sources: Where each set field came from, by field name.
        warnings: ``(code, message)`` pairs.
    """

    title: str | None = None
    summary: str | None = None
    authors: tuple[PersonRef, ...] | None = None
    editors: tuple[PersonRef, ...] | None = None
    organizations: tuple[str, ...] | None = None
    published: DateValue | None = None
    modified: DateValue | None = None
    section: str | None = None
    topics: tuple[str, ...] | None = None
    language: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    short_url: str | None = None
    body: tuple[Token, ...] | None = None
    images: tuple[ImageRef, ...] | None = None
    notices: tuple[str, ...] | None = None
    paywalled: bool | None = None
    sources: dict[str, FieldSource] = field(default_factory=dict)
    warnings: tuple[tuple[str, str], ...] = ()
