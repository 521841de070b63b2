"""The common shape every metadata extractor returns: candidate values per field.

Input → output: none; defines ``Findings``, filled by ``jsonld``, ``opengraph``, ``meta``
and ``dom`` and fused by ``merge``.
"""

from __future__ import annotations

from dataclasses import dataclass

from articlekit.metadata.types import Evidence, PersonRef

__all__ = ["Findings", "Warn"]

Warn = tuple[str, str]
"""A warning: stable code (``"metadata.…"``) and a human-readable message."""


@dataclass(frozen=True, slots=True)
class Findings:
    """Candidates found by one extractor, per field, in that extractor's preference order.

    Text values are already cleaned (unescaped, NFC, whitespace collapsed); names are
    raw (``merge`` normalises them); dates are raw strings (``dates`` parses them); URLs
    are absolute where a base was known. ``editors`` are names the page labels as its
    editors ("Editor: …"); ``merge`` uses them only to tell editors from authors.
    """

    title: tuple[Evidence[str], ...] = ()
    summary: tuple[Evidence[str], ...] = ()
    site_name: tuple[Evidence[str], ...] = ()
    language: tuple[Evidence[str], ...] = ()
    canonical_url: tuple[Evidence[str], ...] = ()
    short_url: tuple[Evidence[str], ...] = ()
    section: tuple[Evidence[str], ...] = ()
    topics: tuple[Evidence[tuple[str, ...]], ...] = ()
    authors: tuple[Evidence[tuple[PersonRef, ...]], ...] = ()
    organizations: tuple[Evidence[tuple[str, ...]], ...] = ()
    editors: tuple[Evidence[tuple[str, ...]], ...] = ()
    published: tuple[Evidence[str], ...] = ()
    modified: tuple[Evidence[str], ...] = ()
    lead_image: tuple[Evidence[str], ...] = ()
    paywalled: tuple[Evidence[bool], ...] = ()
    warnings: tuple[Warn, ...] = ()
