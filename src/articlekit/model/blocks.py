"""Body blocks and images: the typed pieces of an article's body.

Input → output: none; ``Block`` is a discriminated union on the ``type`` field, so
JSON round-trips back to the right class.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from articlekit.model._base import Frozen


class Image(Frozen):
    """One image of the article, with its texts kept apart.

    Attributes:
        src: Absolute URL when the page URL is known, else as found (lazy-load
            attributes such as ``data-src`` and ``srcset`` are resolved).
        alt: The ``alt`` text (a description of what the picture shows).
        caption: The visible caption, without the credit.
        credit: The photographer or agency, without a label such as "Image:".
        is_lead: True for the article's lead (cover) image.
    """

    src: str | None = None
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None
    is_lead: bool = False


class Paragraph(Frozen):
    """A paragraph of running text."""

    type: Literal["paragraph"] = "paragraph"
    text: str


class Heading(Frozen):
    """A sub-heading inside the body; ``level`` is 1–6 as in HTML."""

    type: Literal["heading"] = "heading"
    text: str
    level: int = Field(default=2, ge=1, le=6)


class Quote(Frozen):
    """A block quotation; ``cite`` names the quoted person or source if given."""

    type: Literal["quote"] = "quote"
    text: str
    cite: str | None = None


class ListBlock(Frozen):
    """A bulleted (``ordered=False``) or numbered list."""

    type: Literal["list"] = "list"
    items: tuple[str, ...]
    ordered: bool = False


class Table(Frozen):
    """A table as rows of cell texts; the first row is the header if ``header``."""

    type: Literal["table"] = "table"
    rows: tuple[tuple[str, ...], ...]
    header: bool = False
    caption: str | None = None


class Figure(Frozen):
    """An image placed in the body, at its position in the reading order."""

    type: Literal["figure"] = "figure"
    image: Image


class Embed(Frozen):
    """Embedded third-party content (video, social post, map …)."""

    type: Literal["embed"] = "embed"
    url: str | None = None
    provider: str | None = None
    text: str | None = None


Block = Annotated[
    Paragraph | Heading | Quote | ListBlock | Table | Figure | Embed,
    Field(discriminator="type"),
]
"""One body block; discriminated by its ``type`` field."""
