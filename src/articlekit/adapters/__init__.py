"""Site adapters: the API (``SiteAdapter``, ``Layout``, ``TextRules``, ``Box``), the registry,
and the built-in sites.

Input → output: ``Document`` → ``PartialArticle`` for documents of a known site.
"""

from articlekit.adapters.base import Box, Document, Layout, SiteAdapter, TextRules
from articlekit.adapters.registry import (
    ENTRY_POINT_GROUP,
    AdapterRegistry,
    available,
    build_registry,
    default_registry,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "AdapterRegistry",
    "Box",
    "Document",
    "Layout",
    "SiteAdapter",
    "TextRules",
    "available",
    "build_registry",
    "default_registry",
]
