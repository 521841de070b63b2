"""Euronews (euronews.com, all language editions): ``Document`` → ``PartialArticle``.

One page design is known, shared by the English and French editions:

- ``newsy`` (2024–): ``article.o-article-newsy``. The headline ``h1`` is the long
  version; the edited headline the site shows in lists and shares is ``og:title``.
  The lead picture is a ``div.c-article-image-video`` with its caption in
  ``span.c-article-caption__text`` and a visible copyright line
  (``div.c-article-image-copyright``: "Copyright …", "Tous droits réservés …"); the
  byline is ``div.c-article-contributors`` ("By <b>Euronews</b> with <b>Agencies</b>":
  the names before "with"/"avec" are the authors, newsroom included); the standfirst
  is ``.c-article-summary``; the text is ``div.c-article-content``, with pictures,
  related links, tweets, infographics and players as ``div.widget`` blocks. In-text
  pictures keep caption and credit apart (``widget__captionText`` /
  ``widget__captionCredit``); the caption is kept as written, agency notes included.

Raw-text dumps (lynx) are read by the text rules: the dump shows a share bar, the
headline (not indented), the caption and copyright line, then "By …" / "Par …" and
"Published on dd/mm/yyyy" / "Publié le …" before the standfirst.
"""

from __future__ import annotations

import re

from articlekit.adapters.base import Layout, SiteAdapter, TextRules

_ARTICLE = "//article[contains(@class, 'o-article-newsy')]"
_CONTENT = _ARTICLE + "//div[contains(concat(' ', @class, ' '), ' c-article-content ')]"
_LEAD = _ARTICLE + "//div[contains(@class, 'c-article-image-video')]"
_CONTRIBUTORS = (
    _ARTICLE + "//div[contains(@class, 'c-article-contributors')]/*[self::a or self::b]"
    "[not(preceding-sibling::text()[normalize-space()][1]"
    "[contains(., 'with') or contains(., 'avec')])]"
)
"""Byline names, without the agencies named after "with"/"avec"."""
_IN_TEXT_FIGURES = _CONTENT + "//figure[contains(@class, 'widget__figure')][.//img]"


_SHARE_BAR = re.compile(r"^facebook Facebook facebook twitter Twitter")


class EuronewsAdapter(SiteAdapter):
    """Euronews, English and French editions (and the other languages' same design)."""

    name = "euronews"
    version = "3"
    site_name = "Euronews"
    domains = ("euronews.com",)
    fingerprints = (
        r"https?://static\.euronews\.com/",
        r"facebook Facebook facebook twitter Twitter twitter flipboard Flipboard",
    )
    """The image CDN (HTML); the share bar as lynx renders its icon labels (dumps)."""
    layouts = (
        Layout(
            name="newsy",
            fingerprint=_CONTENT,
            body=_CONTENT,
            exclude=_CONTENT + "//div[contains(concat(' ', @class, ' '), ' widget ')"
            " or contains(@class, 'c-ad') or contains(@class, 'advertising')"
            " or contains(@class, 'connatix') or contains(@class, 'poool')]",
            title="//meta[@property='og:title']/@content",
            summary=_ARTICLE + "//*[contains(@class, 'c-article-summary')]",
            authors=_CONTRIBUTORS,
            authors_verbatim=True,
            figures="(" + _LEAD + ")[1] | " + _IN_TEXT_FIGURES,
            figure_caption=".//span[@class='c-article-caption__text']/text()"
            "[normalize-space() and normalize-space() != '-']"
            " | .//*[contains(@class, 'widget__captionText')]",
            figure_credit=".//div[contains(@class, 'c-article-image-copyright')]"
            " | .//*[contains(@class, 'widget__captionCredit')]",
            caption_as_written=True,
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(
                r"^(?:ADVERTISEMENT|PUBLICITÉ|\(BUTTON\) Close advertising|"
                r"(?:Share this article|Partager cet article|Share|Partager)"
                r" ?(?:Comments|Discussion|Close Button)?)$"
            ),
            _SHARE_BAR,
            re.compile(r"^Copy/paste the article video embed link below:"),
            re.compile(r"^Copier/coller le lien embed"),
        ),
        end_of_body=re.compile(
            r"^(?:Go to accessibility shortcuts|Accéder aux raccourcis "
            r"d'accessibilité|You might also like|À découvrir également|"
            r"Read more|Journalist •|Journaliste •|Top stories|À la une)"
        ),
        dateline=re.compile(
            r"^(?:Published on|Updated|Publié le|Mis à jour)\s*:?\s*"
            r"(?P<date>\d{2}/\d{2}/\d{4}.*)$"
        ),
        dayfirst=True,
        byline=re.compile(r"^(?:By|Par)\s+(?P<names>.+?)(?:\s+(?:with|avec)\s+.*)?$"),
        headline="topmost",
        header_lines=6,
        standfirst="after_header",
        standfirst_chars=40,
        link_lists=True,
        pull_quotes=True,
    )
