"""El Mundo (elmundo.es): ``Document`` → ``PartialArticle``.

One page design is known:

- ``article`` (2024): ``article.ue-c-article`` with a header (kicker, ``h1``, the
  standfirst ``div.ue-c-article__standfirst``, share tools, the lead
  ``figure.ue-c-article__media``) and the text in ``div.ue-c-article__body``, where
  "Para saber más" teaser boxes (``div.ue-c-article__listing``) sit between the
  paragraphs. Captions are ``span.ue-c-article__media-description``, credits
  ``span.ue-c-article__media-author``. Title, author and date come right from the
  page's metadata; the keyword list starts with the section path
  ("deportes/formula-1"), whose last segment is the first topic.

The pages declare ISO-8859-15 but are UTF-8, so text-browser dumps of them are
mojibake ("sanciÃ³n"; "Ã" alone where the second byte was a soft hyphen): the
adapter repairs runs of such characters before reading the dump. In the dumps a
picture is its alt text and then the caption with the credit glued to it, set right
under the paragraph it follows, like the "Para saber más" box (label, kicker, teaser
title, "Redacción:" byline, the title again); the tag list under a rule ends the text.
"""

from __future__ import annotations

import re

from articlekit.adapters.base import Box, Layout, SiteAdapter, TextRules

_ARTICLE = "//article[contains(concat(' ', normalize-space(@class), ' '), ' ue-c-article ')]"
_BODY = (
    _ARTICLE + "//div[contains(concat(' ', normalize-space(@class), ' '), ' ue-c-article__body ')]"
)


class ElMundoAdapter(SiteAdapter):
    """El Mundo articles (``/<section>/<yyyy>/<mm>/<dd>/<id>.html``)."""

    name = "elmundo"
    version = "1"
    site_name = "El Mundo"
    site_timezone = "Europe/Madrid"
    domains = ("elmundo.es",)
    url_patterns = (r"/\d{4}/\d{2}/\d{2}/[0-9a-f]{24}\.html",)
    fingerprints = (
        r"e00-elmundo\.uecdn\.es/",
        r"RSS de [\w/-]+ - EL MUNDO",
    )
    """El Mundo's image CDN, and its RSS links' titles (the first line of a dump)."""
    layouts = (
        Layout(
            name="article",
            fingerprint=_BODY,
            body=_BODY,
            summary=_ARTICLE + "//div[contains(@class, 'ue-c-article__standfirst')]",
            exclude=_BODY + "//div[contains(@class, 'ue-c-article__listing')"
            " or contains(@class, 'newsletter')]",
            figures=_ARTICLE + "//figure[contains(@class, 'ue-c-article__media--image')]",
            figure_caption=".//span[contains(@class, 'ue-c-article__media-description')]",
            figure_credit=".//span[contains(@class, 'ue-c-article__media-author')]",
            topics="//meta[@name='news_keywords']/@content",
            topics_strip=re.compile(r"^.*/"),
        ),
    )
    text_rules = TextRules(
        mojibake=True,
        unwrapped_width=990,
        end_of_body=re.compile(r"^_{10,}$"),
        boxes=(Box(re.compile(r"^Para saber más$"), to_repeat=True),),
        repeated_captions=True,
        standfirst="below_headline",
    )
