"""Le Monde (lemonde.fr): ``Document`` → ``PartialArticle``.

One page design is known:

- ``article`` (2023–): ``section.article--content``; the header holds ``h1.article__title``,
  the standfirst ``p.article__desc`` and the byline ``a.article__author-link`` ("Par …");
  the text is ``article.article__content`` (``p.article__paragraph``,
  ``h2.article__sub-title``, ``figure.article__media`` with ``span.article__credit``),
  with "Lire aussi" boxes (``section.catcher``) carrying a favourites menu, ad slots
  (``div.dfp-slot``) and, on subscriber articles, the paywall notice "Il vous reste
  …% de cet article à lire" in a last ``<p><strong>``.

The page's ``og:article:author`` is always "Le Monde"; the byline names the journalists.

Raw-text dumps (lynx) are read by ``extract_text``: the headline (not indented), the
standfirst, "Par …", "Publié le … à …h…", then menus before the text; the text ends at
the paywall notice. "Lire aussi :" links and the favourites menu are dropped.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from articlekit.adapters.base import Document, Layout, SiteAdapter, TextRules
from articlekit.adapters.helpers import apply_text_rules
from articlekit.metadata.types import DateValue, PersonRef
from articlekit.partial import PartialArticle
from articlekit.patterns import find_dates, parse_byline
from articlekit.tokens.types import Token, TokenKind

_HEADER = "//header[contains(@class, 'article__header')]"
_TEXT = "//article[contains(@class, 'article__content')]"
_PAYWALL = "starts-with(normalize-space(.), 'Il vous reste')"

_DATELINE = re.compile(r"^Publié (?:le )?(?P<value>.+?)(?:, modifié .+)?$")
_BYLINE = re.compile(r"^Par (?P<value>.+)$")
MAX_HEADER_LINES = 4
"""Lines between the headline and the dateline (standfirst, byline)."""
MIN_LEAD_CHARS = 40
"""The standfirst is a sentence, not a label."""


class LeMondeAdapter(SiteAdapter):
    """Le Monde (French edition)."""

    name = "lemonde"
    version = "1"
    site_name = "Le Monde"
    domains = ("lemonde.fr",)
    fingerprints = (
        r"https?://img\.lemde\.fr/",
        r"Il vous reste \d+(?:\.\d+)?% de cet article à lire\. La suite est réservée aux abonnés",
    )
    """The image CDN (HTML) and the paywall notice (dumps of subscriber articles)."""
    layouts = (
        Layout(
            name="article",
            fingerprint=_TEXT + "/p[contains(@class, 'article__paragraph')]",
            body=_TEXT,
            exclude=_TEXT + "//section[contains(@class, 'catcher')]"
            " | " + _TEXT + "//div[contains(@class, 'dfp-slot')]"
            " | " + _TEXT + "/p[strong[" + _PAYWALL + "]]",
            title=_HEADER + "//h1",
            summary=_HEADER + "//p[contains(@class, 'article__desc')]",
            authors=_HEADER + "//a[contains(@class, 'article__author-link')]"
            " | " + _HEADER + "//span[contains(@class, 'meta__author')]"
            "[not(a)][normalize-space()]",
            figures=_TEXT + "/figure[contains(@class, 'article__media')]",
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(r"^Lire aussi ?:"),
            re.compile(r"^(?:\(BUTTON\) )?Ajouter à vos sélections"),
            re.compile(r"^(?:Pour ajouter l’article à vos sélections|identifiez-vous|"
                       r"S’inscrire gratuitement|Vous possédez déjà un compte \?|Se connecter|"
                       r"Article réservé aux abonnés|Temps de Lecture \d+ min\.)$"),
            re.compile(r"^(?:\(BUTTON\) )?(?:Partager|Envoyer par e-mail|Copier le lien)"),
        ),
        end_of_body=re.compile(r"^Il vous reste \d|^(?:Lecture du Monde en cours|"
                               r"Contribuer|Réutiliser ce contenu)"),
    )

    def extract_text(self, doc: Document) -> PartialArticle:
        """Read the header block (headline, standfirst, byline, dateline) by its order;
        the text path scores only what follows the dateline."""
        tokens = doc.stream.tokens
        found = next((i for i, t in enumerate(tokens) if _DATELINE.match(t.text)), None)
        if found is None:
            return super().extract_text(doc)
        window = range(max(0, found - MAX_HEADER_LINES), found)
        heading = next((j for j in window if _is_headline(tokens[j])), None)
        rest = dataclasses.replace(doc.stream, tokens=tokens[found + 1 :])
        result = apply_text_rules(self, dataclasses.replace(doc, stream=rest))
        changes: dict[str, Any] = {}
        if heading is not None:
            changes["title"] = tokens[heading].text
            lead = tokens[heading + 1]
            if lead.kind is TokenKind.PARAGRAPH and len(lead.text) >= MIN_LEAD_CHARS:
                changes["summary"] = lead.text
        for j in window:
            byline = _BYLINE.match(tokens[j].text)
            if byline is not None:
                names = parse_byline(byline["value"]).persons
                if names:
                    changes["authors"] = tuple(PersonRef(name=n) for n in names)
        match = _DATELINE.match(tokens[found].text)
        now = doc.options.reference_time
        dates = find_dates(match["value"], reference_time=now) if match else ()
        if dates:
            changes["published"] = DateValue(value=dates[0].value, relative=dates[0].relative)
        return self.amend(result, changes, "text header")


def _is_headline(token: Token) -> bool:
    return token.level == 0 and token.kind in (TokenKind.PARAGRAPH, TokenKind.HEADING)
