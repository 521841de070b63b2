"""The one exception tree of articlekit: every error the library raises.

Input → output: none; this module only defines exception types.

Tree::

    ArticleKitError                 base class; catch this to catch everything
    ├── InputError                  the caller's input cannot be parsed at all
    │   ├── InputTypeError          ``source`` is not ``str`` or ``bytes`` (also a ``TypeError``)
    │   ├── EmptyInputError         ``source`` is empty or only whitespace / NUL bytes
    │   ├── InputTooLargeError      ``source`` exceeds ``ParseOptions.max_input_bytes``
    │   ├── BinaryInputError        ``source`` looks like a binary file (PDF, image, archive)
    │   └── InvalidOptionError      an argument has a wrong value (also a ``ValueError``)
    ├── AdapterError                problems with site adapters
    │   ├── AdapterNotFoundError    ``adapter="name"`` is not registered (also a ``KeyError``)
    │   └── DuplicateAdapterError   two adapters were registered under one name
    └── LimitExceededError          a resource limit (nodes, time) was hit and no partial
                                    result could be produced

Every error has a stable machine-readable ``code`` (e.g. ``"input.empty"``). Problems that
affect one field only never raise: they become ``Warning`` entries in
``Article.provenance.warnings`` and the field stays empty.
"""

from __future__ import annotations

__all__ = [
    "AdapterError",
    "AdapterNotFoundError",
    "ArticleKitError",
    "BinaryInputError",
    "DuplicateAdapterError",
    "EmptyInputError",
    "InputError",
    "InputTooLargeError",
    "InputTypeError",
    "InvalidOptionError",
    "LimitExceededError",
]


class ArticleKitError(Exception):
    """Base class of every error raised by articlekit.

    Attributes:
        code: Stable machine-readable identifier, e.g. ``"input.empty"``.
    """

    code: str = "articlekit"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __reduce__(self) -> tuple[type[ArticleKitError], tuple[str]]:
        return (type(self), (self.message,))


class InputError(ArticleKitError):
    """The input as a whole cannot be parsed."""

    code = "input"


class InputTypeError(InputError, TypeError):
    """``source`` has a type other than ``str`` or ``bytes``."""

    code = "input.type"


class EmptyInputError(InputError):
    """``source`` is empty, or holds only whitespace or NUL bytes."""

    code = "input.empty"


class InputTooLargeError(InputError):
    """``source`` is larger than ``ParseOptions.max_input_bytes``."""

    code = "input.too_large"


class BinaryInputError(InputError):
    """``source`` is a binary file (PDF, image, archive …), not a document."""

    code = "input.binary"


class InvalidOptionError(InputError, ValueError):
    """An argument of ``parse`` has an invalid value."""

    code = "input.option"


class AdapterError(ArticleKitError):
    """A site adapter could not be found or registered."""

    code = "adapter"


class AdapterNotFoundError(AdapterError, KeyError):
    """``adapter="name"`` names no registered adapter."""

    code = "adapter.not_found"

    def __str__(self) -> str:  # KeyError would repr() the message
        return self.message


class DuplicateAdapterError(AdapterError):
    """Two adapters were registered under the same name."""

    code = "adapter.duplicate"


class LimitExceededError(ArticleKitError):
    """A resource limit was hit before anything usable was produced."""

    code = "limit"
