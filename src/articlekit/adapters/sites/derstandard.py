"""Der Standard (derstandard.at): ``Document`` → ``PartialArticle``.

One page design is known:

- ``story`` (2024): ``<article class="story-article">`` with a ``div.article-header``
  (kicker, ``h1.article-title``, ``p.article-subtitle``, the byline as one
  ``span.simple`` per author, ``p.article-pubdate``) and the text in
  ``div.article-body``; pictures are ``div[data-section-type=image]`` figures with the
  caption in ``figcaption`` and the credit in a ``footer``; pull quotes
  (``data-section-type=quote``), newsletter boxes and ``ad-container`` slots sit
  between the paragraphs. Title, authors and date come right from the page's JSON-LD.

Raw-text dumps: the byline is the authors' names run together on one line ("Birgit
Muster Hans Peter Beispiel"), which cannot be split by itself; every story ends with
the newsroom's signature "(Name aus Ort, Name, 3.5.2024)", whose comma-separated
names split it. Picture lines ("alt (BUTTON) caption") and buttons are furniture; the
text ends at the "Artikel-Tools" share bar.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from articlekit.adapters.base import Document, Layout, SiteAdapter, TextRules
from articlekit.metadata.types import PersonRef
from articlekit.model.provenance import FieldSource, SourceKind
from articlekit.partial import PartialArticle
from articlekit.tokens.types import Token, TokenKind

_ARTICLE = "//article[contains(concat(' ', normalize-space(@class), ' '), ' story-article ')]"
_BODY = _ARTICLE + "//div[contains(concat(' ', normalize-space(@class), ' '), ' article-body ')]"

_SIGNATURE = re.compile(r"\((?P<names>[^()]+?),\s*\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\)\s*$")
"""The closing signature of a story: "(Name aus Ort, Name, 3.5.2024)"."""
_PLACE = re.compile(r"\s+(?:aus|in)\s+\S.*$")
"""The reporter's location after a name in the signature ("… aus Berlin")."""
_MIN_NAME_WORDS = 2
"""Signature parts shorter than this are agency or desk codes ("APA", "red")."""
_DATELINE = re.compile(r"^\d{1,2}\. \w+ \d{4}, \d{1,2}:\d{2}$")
"""The dump's dateline under the byline: "3. Mai 2024, 17:47"."""
_LEAD_WINDOW = 3
"""The dateline follows the lead within this many lines (the byline may sit between)."""
_QUOTE_INDENT = 5
"""Dumps indent pull quotes (``blockquote``) deeper than the paragraphs (3 spaces)."""


class DerStandardAdapter(SiteAdapter):
    """DER STANDARD stories (``/story/<id>/…``), Austrian and German editions."""

    name = "derstandard"
    version = "1"
    site_name = "DER STANDARD"
    site_timezone = "Europe/Vienna"
    domains = ("derstandard.at", "derstandard.de")
    url_patterns = (r"/story/\d+",)
    fingerprints = (
        r"window\.DERSTANDARD\.pageConfig",
        r"© STANDARD Verlagsgesellschaft m\.b\.H\.",
    )
    """The page-config script of every page, and the dump's copyright line."""
    layouts = (
        Layout(
            name="story",
            fingerprint=_BODY,
            body=_BODY,
            exclude=_BODY + "//*[self::ad-container or @data-section-type='quote'"
            " or @data-section-type='newsletter']",
            figures=_BODY + "//figure[@data-type='image']",
            figure_caption="./figcaption",
            figure_credit="./footer",
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(r"\(BUTTON\)"),
            re.compile(r"^#alternate\b"),
        ),
        end_of_body=re.compile(r"^Artikel-Tools$"),
    )

    def extract_text(self, doc: Document) -> PartialArticle:
        """The generic text path without pull quotes; the lead above the dateline;
        authors split by the story's closing signature."""
        tokens = tuple(
            t
            for t in doc.stream.tokens
            if not (t.kind is TokenKind.PARAGRAPH and t.level >= _QUOTE_INDENT)
        )
        cropped = dataclasses.replace(doc, stream=dataclasses.replace(doc.stream, tokens=tokens))
        result = super().extract_text(cropped)
        source = FieldSource(kind=SourceKind.ADAPTER, detail=f"{self.ident} text header")
        changes: dict[str, Any] = {}
        lead = _lead(tokens, result.title)
        if lead is not None and result.summary is None:
            changes["summary"] = lead
            changes["body"] = tuple(t for t in result.body or () if t.text != lead)
        names = _signature_names(tokens)
        if names:
            changes["authors"] = tuple(PersonRef(name=n) for n in names)
        sources = {**result.sources, **dict.fromkeys(changes, source)}
        return dataclasses.replace(result, **changes, sources=sources)


def _lead(tokens: tuple[Token, ...], title: str | None) -> str | None:
    """The paragraph under the headline, when the dateline follows it."""
    for i, token in enumerate(tokens[:-1]):
        if title is None or token.text != title:
            continue
        lead = tokens[i + 1]
        following = tokens[i + 2 : i + 2 + _LEAD_WINDOW]
        if lead.kind is TokenKind.PARAGRAPH and any(_DATELINE.match(t.text) for t in following):
            return lead.text
        return None
    return None


def _signature_names(tokens: tuple[Token, ...]) -> tuple[str, ...]:
    """Person names of the last closing signature in the text."""
    for token in reversed(tokens):
        match = _SIGNATURE.search(token.text)
        if match is None:
            continue
        names = (_PLACE.sub("", part).strip() for part in match.group("names").split(","))
        return tuple(n for n in names if len(n.split()) >= _MIN_NAME_WORDS)
    return ()
