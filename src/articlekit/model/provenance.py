"""Provenance: where each field of an article came from, and what went wrong.

Input → output: none; built by ``articlekit.assemble``.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from articlekit.model._base import Frozen


class SourceKind(StrEnum):
    """The kind of evidence a field value was taken from."""

    JSONLD = "json-ld"
    OPENGRAPH = "opengraph"
    TWITTER = "twitter"
    META = "meta"
    DOM = "dom"
    TEXT_PATTERN = "text-pattern"
    ADAPTER = "adapter"
    URL = "url"
    CALLER = "caller"


class FieldSource(Frozen):
    """Where one field's value came from.

    Attributes:
        kind: The kind of evidence.
        detail: A precise pointer: a JSON-LD path, a meta name, an XPath, a text
            line range, or ``"<adapter>@<version>"``.
        assumed_timezone: For dates: the timezone was not in the source but assumed
            (from ``ParseOptions.default_timezone`` or an adapter's site zone).
    """

    kind: SourceKind
    detail: str | None = None
    assumed_timezone: bool = False


class Span(Frozen):
    """Where a body block came from: an XPath for HTML, a line range for text.

    Attributes:
        xpath: XPath of the source element (HTML input).
        lines: First and last line, 1-based and inclusive (text input).
    """

    xpath: str | None = None
    lines: tuple[int, int] | None = None


class Warning(Frozen):
    """A problem that did not stop parsing.

    Attributes:
        code: Stable machine-readable code, e.g. ``"decode.replaced"``.
        message: Human-readable explanation.
    """

    code: str
    message: str


class Provenance(Frozen):
    """The evidence behind an ``Article``.

    Attributes:
        fields: For each filled field name, where its value came from.
        blocks: One ``Span`` per body block, in the same order as ``Article.body``.
        content_type: ``"html"`` or ``"text"``: how the input was read.
        encoding: The character encoding used to decode bytes input, if any.
        adapter: ``"<name>@<version>"`` of the site adapter that ran, if any.
        warnings: Problems that did not stop parsing.
    """

    fields: dict[str, FieldSource] = Field(default_factory=dict)
    blocks: tuple[Span, ...] = ()
    content_type: str = "html"
    encoding: str | None = None
    adapter: str | None = None
    warnings: tuple[Warning, ...] = ()
