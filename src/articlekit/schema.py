"""Model contract: ``Article`` → its JSON Schema, a version and a fingerprint.

Input → output: none → the JSON Schema (draft 2020-12) of what ``Article`` serialises
to, i.e. of ``article.model_dump(mode="json")`` and of the CLI's JSON output.

The schema is part of the public API (see ``CHANGELOG.md``): ``SCHEMA_VERSION`` is the
package version, and ``tests/schema_versions.json`` records the fingerprint of the
schema each released version had. A test fails when the schema changes while the
version stays the same. The fingerprint ignores ``description`` texts (docstrings),
so documentation edits need no version bump; any change of a field, type, default or
constraint does.

Usage::

    >>> from articlekit.schema import article_json_schema, SCHEMA_VERSION
    >>> article_json_schema()["properties"]["title"]
    {'anyOf': [{'type': 'string'}, {'type': 'null'}], 'default': None, 'title': 'Title'}

``docs/schema.json`` is generated from this module with ``articlekit schema``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from articlekit import __version__
from articlekit.model import Article

__all__ = [
    "JSON_SCHEMA_DIALECT",
    "SCHEMA_VERSION",
    "SCHEMA_VERSION_KEY",
    "article_json_schema",
    "schema_fingerprint",
]

SCHEMA_VERSION = __version__
"""The schema's version: the version of the articlekit package that defines it."""

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect pydantic emits."""

SCHEMA_VERSION_KEY = "x-articlekit-version"
"""Key of the top-level annotation that carries ``SCHEMA_VERSION`` in the schema."""

_DOC_ONLY_KEYS = ("description",)
"""Annotation keys that hold documentation only; the fingerprint ignores them."""


def article_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of a serialised ``Article``.

    The schema is pydantic's serialization-mode schema (so the derived ``text`` field
    is included, marked ``readOnly``) with the dialect and ``SCHEMA_VERSION`` added at
    the top level. A new dict is returned on every call.

    Returns:
        A JSON-compatible dict (``json.dumps`` works on it).
    """
    schema = Article.model_json_schema(mode="serialization")
    return {"$schema": JSON_SCHEMA_DIALECT, SCHEMA_VERSION_KEY: SCHEMA_VERSION, **schema}


def schema_fingerprint(schema: dict[str, Any] | None = None) -> str:
    """Return a SHA-256 fingerprint of the schema's contract.

    The version annotation and documentation texts are left out, so the fingerprint
    changes exactly when a field, type, default or constraint changes.

    Args:
        schema: A schema as returned by ``article_json_schema``; the current one if
            ``None``.

    Returns:
        A hex digest, e.g. ``"3f2a…"`` (64 characters).
    """
    current = article_json_schema() if schema is None else schema
    contract = {k: v for k, v in current.items() if k != SCHEMA_VERSION_KEY}
    canonical = json.dumps(_without_docs(contract), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _without_docs(node: Any) -> Any:
    """Drop documentation annotations; a *property* named like one is kept (its value
    is a schema object, not a string)."""
    if isinstance(node, dict):
        return {
            key: _without_docs(value)
            for key, value in node.items()
            if not (key in _DOC_ONLY_KEYS and isinstance(value, str))
        }
    if isinstance(node, list):
        return [_without_docs(item) for item in node]
    return node
