"""Süddeutsche Zeitung (sueddeutsche.de): ``Document`` → ``PartialArticle``.

One page design is known:

- ``article-app`` (2023–2024): the React page (``div#article-app-container``) with
  ``article[@data-testid='article']``; class names are generated (``css-…``), so the
  rules use ``data-testid`` and ``itemprop``. The text is
  ``div[@itemprop='articleBody']`` with ad tiles (``iqdcontainer``), teaser boxes
  (nested ``<article>``) and newsletter boxes between the paragraphs; pictures are
  ``<figure>`` with the credit in the caption's ``<small>`` ("(Foto: …)").

Title, author, date, lead and topics come right from the page's metadata.

Raw-text dumps: the breadcrumb ("Home", sections, then the article's SEO title) stands
above the displayed headline "Kicker:Title"; the dateline is "29. September 2024,
17:27 Uhr"; the byline is "Von <name>" (or "Kolumne von" with the name on the next
line); captions follow a "(BUTTON) Detailansicht öffnen" line (credits are not shown);
teasers inside the text are "Kicker" / ":Title" / teaser text / "Von …", newsletter
boxes "<name>" / "Newsletter abonnieren" / "<name>" / pitch; the text ends at
"© SZ …".
"""

from __future__ import annotations

import dataclasses
import re

from articlekit.adapters.base import Document, Layout, SiteAdapter, TextRules
from articlekit.metadata.types import PersonRef
from articlekit.model.provenance import FieldSource, SourceKind
from articlekit.partial import PartialArticle
from articlekit.patterns import parse_byline
from articlekit.tokens.types import ImageRef, Token, TokenKind

_ARTICLE = "//article[@data-testid='article']"
_BODY = _ARTICLE + "//div[@itemprop='articleBody']"

_CRUMB_HOME = "Home"
_BYLINE = re.compile(
    r"^(?:(?:Kolumne|Kommentar|Glosse|Interview|Rezension|Essay|Analyse|Reportage) )?"
    r"[Vv]on(?: (?P<names>.+))?$"
)
"""The byline; after a label such as "Kolumne von" the names are on the next line."""
_CAPTION_BUTTON = "(BUTTON) Detailansicht öffnen"
"""The line above a caption."""
_TEASER_TITLE = re.compile(r"^:\S")
"""A teaser's title line (":Title", its kicker on the line above)."""
_NEWSLETTER = re.compile(r"^Newsletter abonnieren$")
_MIN_LEAD_CHARS = 40
"""The lead is the last line this long above the byline."""
_END = re.compile(r"^© SZ\b")


class SueddeutscheAdapter(SiteAdapter):
    """Süddeutsche Zeitung (sueddeutsche.de)."""

    name = "sueddeutsche"
    version = "1"
    site_name = "Süddeutsche Zeitung"
    domains = ("sueddeutsche.de",)
    fingerprints = (
        r"<div id=\"sueddeutsche\"",
        r"#\"SZ\.de [^\"]*RSS Feed\" SZ\.de RSS Feed",
        r"© SZ[/\w]* - Rechte am Artikel können Sie hier erwerben\.",
    )
    """The page's app root, and the feed link and rights line of every dump."""
    site_timezone = "Europe/Berlin"
    layouts = (
        Layout(
            name="article-app",
            fingerprint=_BODY,
            body=_BODY,
            exclude=_BODY + "//*[contains(@class, 'iqdcontainer') or self::article"
            " or @data-testid='newsletter' or self::aside]",
            summary=_ARTICLE + "//p[@data-manual='teaserText']",
            figures=_ARTICLE + "//figure[figcaption][not(contains(@class, 'teaserable'))]",
        ),
    )
    text_rules = TextRules(
        drop=(re.compile(r"^\(BUTTON\) Detailansicht öffnen$"),),
    )

    def extract_text(self, doc: Document) -> PartialArticle:
        """The generic text path on the article part of the dump, plus the header."""
        tokens = doc.stream.tokens
        home = next(
            (
                i
                for i, t in enumerate(tokens)
                if t.kind is TokenKind.LIST_ITEM and t.text == _CRUMB_HOME
            ),
            None,
        )
        if home is None:
            return super().extract_text(doc)
        headline = next((i for i in range(home + 1, len(tokens)) if _is_headline(tokens[i])), None)
        if headline is None:
            return super().extract_text(doc)
        crumbs = [i for i in range(home + 1, headline) if tokens[i].kind is TokenKind.PARAGRAPH]
        end = next((i for i in range(headline, len(tokens)) if _END.match(tokens[i].text)), None)
        stop = end or len(tokens)
        taken: set[int] = set()
        images: list[ImageRef] = []
        authors: tuple[PersonRef, ...] = ()
        trimmed: dict[int, Token] = {}
        for i in range(headline + 1, stop):
            text = tokens[i].text
            if not authors and (byline := _BYLINE.match(text)):
                names_at = i if byline["names"] else i + 1
                names = byline["names"] or tokens[names_at].text
                authors = tuple(PersonRef(name=n) for n in parse_byline(names).persons)
                taken.update(range(i, names_at + 1))
            elif text == _CAPTION_BUTTON and i + 1 < stop:
                images.append(ImageRef(caption=tokens[i + 1].text))
                taken.update((i, i + 1))
            elif _TEASER_TITLE.match(text):
                last = i + 2 if i + 2 < stop and _BYLINE.match(tokens[i + 2].text) else i + 1
                taken.update(range(i - 1, last + 1))
            elif _NEWSLETTER.match(text) and i + 2 < stop:
                taken.update(range(i, i + 3))
                name, above = tokens[i + 1].text, tokens[i - 1]
                if above.text == name:
                    taken.add(i - 1)
                elif above.text.endswith(" " + name):  # lynx glued the name to the paragraph
                    trimmed[i - 1] = dataclasses.replace(above, text=above.text[: -len(name) - 1])
        byline_at = min(
            (i for i in taken if i > headline and _BYLINE.match(tokens[i].text)), default=stop
        )
        lead = next(
            (
                i
                for i in range(byline_at - 1, headline, -1)
                if i not in taken and len(tokens[i].text) >= _MIN_LEAD_CHARS
            ),
            None,
        )
        if lead is not None:
            taken.add(lead)
        kept = tuple(
            trimmed.get(i, t)
            for i, t in enumerate(tokens[:stop])
            if i > headline and i not in taken
        )
        cropped = dataclasses.replace(doc, stream=dataclasses.replace(doc.stream, tokens=kept))
        result = super().extract_text(cropped)
        source = FieldSource(kind=SourceKind.ADAPTER, detail=f"{self.ident} text header")
        changed = {"images": source} | ({"title": source} if crumbs else {})
        if authors:
            changed["authors"] = source
        if lead is not None:
            changed["summary"] = source
        return dataclasses.replace(
            result,
            title=tokens[crumbs[-1]].text if crumbs else result.title,
            authors=authors or result.authors,
            images=tuple(images),
            summary=tokens[lead].text if lead is not None else result.summary,
            sources={**result.sources, **changed},
        )


def _is_headline(token: Token) -> bool:
    """The displayed headline: an unindented "Kicker:Title" line."""
    return token.kind is TokenKind.PARAGRAPH and token.level == 0 and ":" in token.text
