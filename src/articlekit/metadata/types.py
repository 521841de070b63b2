"""Types of the metadata stage: candidate values with their evidence, and the fused result.

Input → output: none; defines ``Evidence``, ``DateValue``, ``PersonRef`` and ``Metadata``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

from articlekit._fastinit import fast_frozen_init

if TYPE_CHECKING:  # (an annotation only: importing the types loads no pydantic model)
    from articlekit.model.provenance import SourceKind

T = TypeVar("T")


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class Evidence(Generic[T]):
    """One candidate value for a field, and where it was found.

    Attributes:
        value: The candidate value.
        kind: The kind of source (JSON-LD, OpenGraph, meta, DOM …).
        detail: Precise pointer, e.g. ``"NewsArticle.headline"``, ``"og:title"``,
            ``"meta[name=author]"``, ``"//h1"``.
    """

    value: T
    kind: SourceKind
    detail: str = ""


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class DateValue:
    """A publication or modification date as precise as the source gave it.

    ``value`` is a ``date`` when the source had no time, a naive ``datetime`` when it
    had a time but no offset, an aware ``datetime`` when it had an offset (or a zone
    was assumed, then ``assumed_timezone`` is True).
    """

    value: dt.datetime | dt.date
    assumed_timezone: bool = False
    relative: bool = False
    """The value was resolved from a relative expression ("2 hours ago")."""


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class PersonRef:
    """A person named by the page (author or editor)."""

    name: str
    role: str | None = None
    description: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    """Fused metadata of one document: each field's winning value with its evidence.

    A field is ``None`` (or empty) when nothing credible was found. ``candidates``
    keeps every candidate seen, per field name, in precedence order, so users and
    adapter authors can see what the fusion chose from.
    """

    title: Evidence[str] | None = None
    summary: Evidence[str] | None = None
    site_name: Evidence[str] | None = None
    language: Evidence[str] | None = None
    url: Evidence[str] | None = None
    canonical_url: Evidence[str] | None = None
    short_url: Evidence[str] | None = None
    section: Evidence[str] | None = None
    topics: Evidence[tuple[str, ...]] | None = None
    authors: Evidence[tuple[PersonRef, ...]] | None = None
    organizations: Evidence[tuple[str, ...]] | None = None
    published: Evidence[DateValue] | None = None
    modified: Evidence[DateValue] | None = None
    lead_image: Evidence[str] | None = None
    paywalled: Evidence[bool] | None = None
    candidates: dict[str, tuple[Evidence[object], ...]] = field(default_factory=dict)
    warnings: tuple[tuple[str, str], ...] = ()
