"""NZZ (nzz.ch): ``Document`` → ``PartialArticle``.

One page design is known:

- ``article`` (2024): a ``section[data-nzz-tid=article]`` whose children are the
  article's components, each classed ``articlecomponent`` (sub-titles, paragraphs,
  enumerations, live-ticker time stamps ``h5.time``, pictures with the caption in
  ``h2.image-description__caption`` and the credit in ``.image-description__author``),
  after a ``div.headline`` header (flag, ``h1.headline__title``, ``p.headline__lead``,
  the visible byline and date) and ending in a ``footnote`` ("Mit Agenturmaterial.")
  and a share box. The page's JSON-LD names the headline, the first publication and
  the authors with their short codes ("Name (abc)"); the codes are dropped.

Raw-text dumps: the headline is the unindented line above the lead; the line under
the lead holds the visible byline and date ("NZZ-Redaktion 18.07.2024, 11.08 Uhr
7 min"), followed by the "Drucken"/"Teilen" bar, after which the text runs to the
footnote or the "Passend zum Artikel" teasers. A picture is its alt text, the caption
again as an unindented line, and the credit. Live tickers list the latest news first
and the dump carries only the visible byline and the last update, not the JSON-LD
authors and first publication.
"""

from __future__ import annotations

import re

from articlekit.adapters.base import Layout, SiteAdapter, TextRules

_ARTICLE = "//section[@data-nzz-tid='article']"
_COMPONENT = "*[contains(concat(' ', normalize-space(@class), ' '), ' articlecomponent ')]"


class NZZAdapter(SiteAdapter):
    """Neue Zürcher Zeitung articles and live tickers (``…-ld.<id>``)."""

    name = "nzz"
    version = "2"
    site_name = "Neue Zürcher Zeitung"
    site_timezone = "Europe/Zurich"
    domains = ("nzz.ch",)
    url_patterns = (r"-ld\.\d+",)
    fingerprints = (
        r"assets\.static-nzz\.ch/",
        r"Copyright © Neue Zürcher Zeitung AG\. Alle Rechte vorbehalten",
    )
    """NZZ's static-asset host, and the dump's copyright line."""
    layouts = (
        Layout(
            name="article",
            fingerprint=_ARTICLE + "/" + _COMPONENT,
            body=_ARTICLE + "/" + _COMPONENT,
            exclude=_ARTICLE + "/*[contains(@class, 'footnote')]",
            authors="jsonld:@NewsArticle.author.name",
            author_noise=re.compile(r"\s*\([^()]*\)\s*$"),
        ),
    )
    text_rules = TextRules(
        end_of_body=re.compile(
            r"^(?:Mit Agenturmaterial\.?|Mit Material von .+|Passend zum Artikel)$"
        ),
        byline=re.compile(
            r"^(?P<names>.*?)\s*(?P<date>\d{2}\.\d{2}\.\d{4}, \d{1,2}\.\d{2} Uhr)(?: \d+ min)?$"
        ),
        by_organizations="drop",
        headline="topmost",
        header_lines=2,
        standfirst="below_headline",
        body_start=re.compile(r"^Teilen$"),
        repeated_captions=True,
        flush_left_headings=2,
        whole_text=True,
    )
