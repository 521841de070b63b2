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

Raw-text dumps (lynx) are read by the text rules: the headline (not indented), the
standfirst, "Par …", "Publié le … à …h…", then menus before the text; the text ends at
the paywall notice. "Lire aussi :" links and the favourites menu are dropped.
"""

from __future__ import annotations

import re

from articlekit.adapters.base import Layout, SiteAdapter, TextRules

_HEADER = "//header[contains(@class, 'article__header')]"
_TEXT = "//article[contains(@class, 'article__content')]"
_PAYWALL = "starts-with(normalize-space(.), 'Il vous reste')"


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
            re.compile(
                r"^(?:Pour ajouter l’article à vos sélections|identifiez-vous|"
                r"S’inscrire gratuitement|Vous possédez déjà un compte \?|Se connecter|"
                r"Article réservé aux abonnés|Temps de Lecture \d+ min\.)$"
            ),
            re.compile(r"^(?:\(BUTTON\) )?(?:Partager|Envoyer par e-mail|Copier le lien)"),
        ),
        end_of_body=re.compile(
            r"^Il vous reste \d|^(?:Lecture du Monde en cours|"
            r"Contribuer|Réutiliser ce contenu)"
        ),
        dateline=re.compile(r"^Publié (?:le )?(?P<date>.+?)(?:, modifié .+)?$"),
        byline=re.compile(r"^Par (?P<names>.+)$"),
        by_organizations="drop",
        headline="topmost",
        standfirst="below_headline",
        standfirst_chars=40,
    )
