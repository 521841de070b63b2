"""articlekit: typed article extraction from HTML or raw text.

    >>> import articlekit
    >>> article = articlekit.parse(html, url="https://www.example.com/news/1")
    >>> article.title, article.authors, article.published, article.text

The pipeline is ``decode → tokens → metadata → adapter | generic scoring → assemble``;
``tokenize`` and ``metadata`` expose its intermediate results. Every error derives
from ``ArticleKitError``.
"""

from typing import TYPE_CHECKING, Any

from articlekit import adapters
from articlekit.adapters import AdapterRegistry, Layout, SiteAdapter, TextRules
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
from articlekit.options import ParseOptions, ScoringConfig, TextScoringConfig
from articlekit.tokens.types import ImageRef, NodeInfo, Token, TokenKind, TokenStream

if TYPE_CHECKING:
    from articlekit._api import metadata, parse, tokenize

__version__ = "0.1.0"

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
# compile a few hundred patterns, which code that only needs the model, the errors or the
# adapter API should not pay for. The ``metadata`` subpackage's attribute is removed so
# that the name means the function, as documented.
del globals()["metadata"]
_PIPELINE = frozenset({"metadata", "parse", "tokenize"})


def __getattr__(name: str) -> Any:
    if name not in _PIPELINE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from articlekit import _api  # noqa: PLC0415

    value = getattr(_api, name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
