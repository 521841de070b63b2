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

import re

from articlekit.adapters.base import Layout, SiteAdapter, TextRules

_ARTICLE = "//article[contains(concat(' ', normalize-space(@class), ' '), ' story-article ')]"
_BODY = _ARTICLE + "//div[contains(concat(' ', normalize-space(@class), ' '), ' article-body ')]"


class DerStandardAdapter(SiteAdapter):
    """DER STANDARD stories (``/story/<id>/…``), Austrian and German editions."""

    name = "derstandard"
    version = "2"
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
        drop_indent=5,
        dateline=re.compile(r"^\d{1,2}\. \w+ \d{4}, \d{1,2}:\d{2}$"),
        headline="topmost",
        header_lines=3,
        standfirst="below_headline",
        signature=re.compile(r"\((?P<names>[^()]+?),\s*\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\)\s*$"),
        by_organizations="drop",
    )
