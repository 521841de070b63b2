"""Voice of America (voanews.com): ``Document`` → ``PartialArticle``.

One page design is known, chosen by its markup:

- ``wsw`` (2019–): the Pangea CMS page shared by the VOA language services;
  ``h1.pg-title``, the publishing details (``time``, "By" links to ``/author/`` pages),
  the cover ``figure.media-image`` and the body ``div#article-content div.wsw``, which
  opens with a ``span.dateline`` ("AUBURN, Wash. —") and holds in-text photos in
  ``div.wsw__embed``. Captions are ``figcaption span.caption``.

Wire agencies are listed as authors with their own author page ("By Associated Press")
and are kept as authors.

Raw-text dumps are read by the generic text path with the share bar, the "Print"
link and the dateline dropped; the header's "By …" line gives the authors.
"""

from __future__ import annotations

import re

from articlekit.adapters.base import Layout, SiteAdapter, TextRules

_BODY = "//div[@id='article-content']/div[contains(concat(' ', @class, ' '), ' wsw ')]"
_AUTHORS = (
    "//div[contains(@class, 'publishing-details')]//div[@class='links']"
    "//a[contains(@href, '/author/')]"
)


class VoiceOfAmericaAdapter(SiteAdapter):
    """Voice of America (English and the language services on the same CMS)."""

    name = "voiceofamerica"
    version = "1"
    site_name = "Voice of America"
    domains = ("voanews.com",)
    site_timezone = "America/New_York"
    """Dumps show the Washington newsroom's local time without an offset."""
    fingerprints = (r"https://gdb\.voanews\.com/", r"VOA Pronunciation Guide")
    """VOA's image host (HTML) and a link of its own footer (HTML and text dumps)."""
    layouts = (
        Layout(
            name="wsw",
            fingerprint=_BODY,
            body=_BODY,
            exclude=_BODY + "//div[@class='wsw__embed']",
            title="//h1[contains(@class, 'pg-title')]",
            authors=_AUTHORS,
            figures="//div[@class='cover-media']//figure | " + _BODY + "//figure",
            figure_caption=".//figcaption//span[@class='caption']",
            authors_fallback=_AUTHORS,
            exclude_text=_BODY + "/span[@class='dateline']",
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(r"^(?:Share|share|Print|Comments)$"),
            re.compile(r"^[A-Z][A-Z .,'-]{2,60}(?:, [A-Z][A-Za-z. ]+)? —$"),
        ),
        byline=re.compile(r"^By (?P<names>[^.!?]{3,120})$"),
        crop_header=False,
    )
