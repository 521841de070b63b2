"""Metadata stage: parsed HTML document → ``Metadata`` (title, authors, dates, language …).

Input → output: a read-only ``lxml.html`` document (comments removed), the page URL and
``ParseOptions`` → ``Metadata``: each field's winning value with its evidence, every
candidate per field in precedence order, and warnings. Never raises: bad data becomes a
warning.

Order of work: ``_scan`` reads the body's class/id values once; ``jsonld`` →
``opengraph`` (and Twitter cards) → ``meta`` → ``dom`` → ``visible`` (dates printed on
the page) each produce ``Findings`` (candidates per field, with their ``SourceKind`` and
a precise ``detail``); ``merge`` fuses them with the per-field precedence table
``merge.DEFAULT_PRECEDENCE`` and a few named reconciliation rules, and ``dates`` turns
date strings into ``DateValue``. A page that no source dated gets one more, last-resort
pass: ``pagedates`` (labelled date lines anywhere in its text). Warning codes:
``metadata.jsonld_malformed``, ``metadata.jsonld_too_large``, ``metadata.jsonld_too_deep``,
``metadata.date_unparseable``, ``metadata.bad_timezone``; ``metadata.extractor_failed`` /
``metadata.merge_failed`` mean a bug caught by the safety net.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from articlekit.metadata.types import DateValue, Evidence, Metadata, PersonRef

if TYPE_CHECKING:
    from articlekit.metadata.merge import DEFAULT_PRECEDENCE, Precedence
    from articlekit.metadata.stage import extract_metadata

__all__ = [
    "DEFAULT_PRECEDENCE",
    "DateValue",
    "Evidence",
    "Metadata",
    "PersonRef",
    "Precedence",
    "extract_metadata",
]

_LAZY = {
    "DEFAULT_PRECEDENCE": "articlekit.metadata.merge",
    "Precedence": "articlekit.metadata.merge",
    "extract_metadata": "articlekit.metadata.stage",
}
"""Names whose modules (the extractors and their patterns) load on first use, so that
importing the types does not compile every pattern."""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib  # noqa: PLC0415

    return getattr(importlib.import_module(module), name)
