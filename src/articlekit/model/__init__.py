"""Public data model: the typed, frozen pydantic objects that ``parse`` returns.

Input → output: none; these are the result types. They are built only in
``articlekit.assemble``.
"""

from articlekit.model.article import Article, Person
from articlekit.model.blocks import (
    Block,
    Embed,
    Figure,
    Heading,
    Image,
    ListBlock,
    Paragraph,
    Quote,
    Table,
)
from articlekit.model.provenance import (
    FieldSource,
    Provenance,
    SourceKind,
    Span,
    Warning,
)

__all__ = [
    "Article",
    "Block",
    "Embed",
    "FieldSource",
    "Figure",
    "Heading",
    "Image",
    "ListBlock",
    "Paragraph",
    "Person",
    "Provenance",
    "Quote",
    "SourceKind",
    "Span",
    "Table",
    "Warning",
]
