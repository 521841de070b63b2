"""Deutsche Welle (dw.com): ``Document`` → ``PartialArticle``.

Three page designs are known, chosen by their markup:

- ``webapp-topics`` (2023): the React page with a ``related-topics`` list;
- ``webapp`` (2023–): the React page without it; topics are the header's kicker;
- ``classic`` (until 2023): the older server-rendered page (``div.col3``, ``p.intro``,
  ``div.longText``), with keywords in ``<meta name="keywords">``.

Raw-text dumps (copies of the page, lynx/w3m renderings) are read by the generic text
path; the short link ``p.dw.com/p/…`` identifies them.
"""

from __future__ import annotations

import datetime as dt
import re

from articlekit.adapters.base import Layout, SiteAdapter, TextRules

_ARTICLE = "//article"
_WEBAPP_BODY = _ARTICLE + "//div[contains(concat(' ', @class, ' '), ' rich-text ')]"
_WEBAPP_HEADER = _ARTICLE + "//header"
_FACT = "(//ul[contains(@class, 'smallList')])[1]/li"
"""The classic design's fact box: ``<li><strong>Label</strong> value</li>``."""


def _webapp(name: str, fingerprint: str, topics: str) -> Layout:
    """The React design; its variants differ in where topics are listed."""
    return Layout(
        name=name,
        fingerprint=fingerprint,
        valid_from=dt.date(2023, 1, 1),
        body=_WEBAPP_BODY + " | " + _ARTICLE + "/div/figure[1]",
        exclude=_ARTICLE + "//*[contains(@class, 'advertisement')"
        " or contains(@class, 'rich-text-ad') or contains(@class, 'vjs-wrapper')"
        " or contains(concat(' ', @class, ' '), ' embed ')]",
        title=_WEBAPP_HEADER + "//h1",
        summary=_WEBAPP_HEADER + "//p[contains(@class, 'teaser-text')]",
        authors=_WEBAPP_HEADER + "//*[contains(concat(' ', @class, ' '), ' author ')]",
        topics=topics,
        short_url=_ARTICLE + "//*[contains(@class, 'copy-button-wrapper')]/span",
    )


class DWAdapter(SiteAdapter):
    """Deutsche Welle, all languages."""

    name = "dw"
    version = "1"
    site_name = "DW"
    domains = ("dw.com",)
    fingerprints = (r"https?://p\.dw\.com/p/\w+",)
    """DW's short links (``p.dw.com/p/…``) appear on every article page and in its dumps."""
    layouts = (
        _webapp(
            "webapp-topics",
            _WEBAPP_BODY + " and //*[@data-tracking-name='related-topics']",
            "//*[@data-tracking-name='related-topics']//a",
        ),
        _webapp(
            "webapp",
            _WEBAPP_BODY,
            _WEBAPP_HEADER + "//*[contains(@class, 'kicker')]/span[normalize-space()]",
        ),
        Layout(
            name="classic",
            fingerprint="//div[contains(@class, 'longText')]",
            valid_until=dt.date(2023, 12, 31),
            body="//div[contains(@class, 'longText')]",
            exclude="//div[contains(@class, 'longText')]//div[contains(@class, 'picBox')]",
            figures="//div[contains(@class, 'col3')]//div[contains(@class, 'picBox')]",
            figure_caption="./p",
            title="//div[contains(@class, 'col3')]//h1",
            summary="//div[contains(@class, 'col3')]//p[contains(@class, 'intro')]",
            authors=_FACT + "[strong[contains(., 'Autor') or contains(., 'Author')]]"
            "/text()[normalize-space()]",
            topics="//meta[@name='keywords']/@content",
            short_url=_FACT + "[strong[contains(., 'Permalink')]]/text()[normalize-space()]",
            published=_FACT + "[strong[contains(., 'Datum') or contains(., 'Date')]]"
            "/text()[normalize-space()]",
        ),
    )
    text_rules = TextRules(
        drop=(re.compile(r"^(?:Anzeige|Advertisement|Werbung)$"),),
        short_url=re.compile(r"(?P<url>https?://p\.dw\.com/p/\w+)"),
    )
