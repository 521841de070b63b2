"""articlekit: typed article extraction from HTML or raw text.

    >>> import articlekit
    >>> article = articlekit.parse(html, url="https://www.example.com/news/1")
    >>> article.title, article.authors, article.published, article.text

The pipeline is ``decode → tokens → metadata → adapter | generic scoring → assemble``;
``tokenize`` and ``metadata`` expose its intermediate results. Every error derives
from ``ArticleKitError``.
"""

from typing import TYPE_CHECKING, Any

from articlekit.errors import (
    AdapterError,
    AdapterNotFoundError,
    ArticleKitError,
    BinaryInputError,
    DuplicateAdapterError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    InputTypeError,
    InvalidOptionError,
    LimitExceededError,
)
from articlekit.metadata.types import DateValue, Evidence, Metadata, PersonRef
from articlekit.options import ParseOptions, ScoringConfig, TextScoringConfig
from articlekit.tokens.types import ImageRef, NodeInfo, Token, TokenKind, TokenStream

if TYPE_CHECKING:
    from articlekit import adapters
    from articlekit._api import metadata, parse, tokenize
    from articlekit.adapters import AdapterRegistry, Layout, SiteAdapter, TextRules
    from articlekit.model import (
        Article,
        Block,
        Embed,
        FieldSource,
        Figure,
        Heading,
        Image,
        ListBlock,
        Paragraph,
        Person,
        Provenance,
        Quote,
        SourceKind,
        Span,
        Table,
        Warning,
    )

__version__ = "0.2.0"

__all__ = [
    "AdapterError",
    "AdapterNotFoundError",
    "AdapterRegistry",
    "Article",
    "ArticleKitError",
    "BinaryInputError",
    "Block",
    "DateValue",
    "DuplicateAdapterError",
    "Embed",
    "EmptyInputError",
    "Evidence",
    "FieldSource",
    "Figure",
    "Heading",
    "Image",
    "ImageRef",
    "InputError",
    "InputTooLargeError",
    "InputTypeError",
    "InvalidOptionError",
    "Layout",
    "LimitExceededError",
    "ListBlock",
    "Metadata",
    "NodeInfo",
    "Paragraph",
    "ParseOptions",
    "Person",
    "PersonRef",
    "Provenance",
    "Quote",
    "ScoringConfig",
    "SiteAdapter",
    "SourceKind",
    "Span",
    "Table",
    "TextRules",
    "TextScoringConfig",
    "Token",
    "TokenKind",
    "TokenStream",
    "Warning",
    "__version__",
    "adapters",
    "metadata",
    "parse",
    "tokenize",
]

# The pipeline (``parse``, ``tokenize``, ``metadata``) loads on first use: its modules
# compile a few hundred patterns, which code that only needs the model or the errors
# should not pay for; the model (and pydantic) loads when one of its names is first
# used, the adapter API when it is first named. The ``metadata`` subpackage's attribute
# is removed so that the name means the function, as documented.
del globals()["metadata"]
_MODEL = (
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
)
"""The public model's names (``articlekit.model.__all__``, which is not imported to read
them: a test keeps the two equal); the model and pydantic load when one is first used."""

_LAZY = {
    **dict.fromkeys(_MODEL, "articlekit.model"),
    "metadata": "articlekit._api",
    "parse": "articlekit._api",
    "tokenize": "articlekit._api",
    "AdapterRegistry": "articlekit.adapters",
    "Layout": "articlekit.adapters",
    "SiteAdapter": "articlekit.adapters",
    "TextRules": "articlekit.adapters",
}
"""Public names that load their module on first use, and that module."""


def __getattr__(name: str) -> Any:
    import importlib  # noqa: PLC0415

    if name == "adapters":
        return importlib.import_module("articlekit.adapters")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
