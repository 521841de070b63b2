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

import dataclasses
import re

from articlekit.adapters.base import Document, Layout, SiteAdapter, TextRules
from articlekit.adapters.helpers import apply_layout, apply_text_rules, texts
from articlekit.metadata.types import PersonRef
from articlekit.model.provenance import FieldSource, SourceKind
from articlekit.partial import PartialArticle
from articlekit.patterns import parse_byline

_BODY = "//div[@id='article-content']/div[contains(concat(' ', @class, ' '), ' wsw ')]"
_AUTHORS = (
    "//div[contains(@class, 'publishing-details')]//div[@class='links']"
    "//a[contains(@href, '/author/')]"
)

BYLINE = re.compile(r"^By (?P<names>[^.!?]{3,120})$")
"""The header's byline in a dump: "By Associated Press", "By Jane Doe, John Roe"."""
HEADER_TOKENS = 120
"""The byline is among the first tokens of a dump."""


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
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(r"^(?:Share|share|Print|Comments)$"),
            re.compile(r"^[A-Z][A-Z .,'-]{2,60}(?:, [A-Z][A-Za-z. ]+)? —$"),
        ),
    )

    def extract_text(self, doc: Document) -> PartialArticle:
        """The text rules; the header's "By …" line names the authors, agencies included."""
        result = apply_text_rules(self, doc)
        if result.authors:
            return result
        for token in doc.stream.tokens[:HEADER_TOKENS]:
            match = BYLINE.match(token.text)
            if match is None:
                continue
            byline = parse_byline(match.group("names"))
            names = (*byline.persons, *byline.organizations)
            if names:
                source = FieldSource(kind=SourceKind.ADAPTER, detail=f"{self.ident} byline")
                return dataclasses.replace(
                    result,
                    authors=tuple(PersonRef(name=n) for n in names),
                    sources={**result.sources, "authors": source},
                )
        return result

    def extract_html(self, doc: Document, layout: Layout) -> PartialArticle:
        """The layout's rules without the dateline; an agency listed as the author stays
        the author."""
        result = apply_layout(self, doc, layout)
        if doc.html is None:
            return result
        datelines = set(texts(doc.html.root, _BODY + "/span[@class='dateline']"))
        if datelines and result.body:
            body = tuple(t for t in result.body if " ".join(t.text.split()) not in datelines)
            result = dataclasses.replace(result, body=body or result.body)
        if result.authors:
            return result
        names = texts(doc.html.root, _AUTHORS)
        if not names:
            return result
        source = FieldSource(kind=SourceKind.ADAPTER, detail=f"{self.ident} author pages")
        return dataclasses.replace(
            result,
            authors=tuple(PersonRef(name=n) for n in dict.fromkeys(names)),
            sources={**result.sources, "authors": source},
        )
