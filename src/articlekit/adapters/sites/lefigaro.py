"""Le Figaro (lefigaro.fr): ``Document`` → ``PartialArticle``.

One page design is known:

- ``fig`` (2024–): the ``article`` holds ``h1.fig-headline``, the byline
  ``span.fig-content-metas__authors`` ("Par …"), a share bar, the lead picture
  (``figure.fig-media`` with ``span.fig-media__credits`` inside its ``figcaption``),
  the standfirst ``p.fig-standfirst``, a "Sommaire" box on live-style round-ups, and
  the text in ``div.fig-content-body`` (``p.fig-paragraph``, ``h2.fig-body-heading``),
  where "À découvrir" boxes (``div.fig-crosslinking``), "À lire aussi" links
  (``p.fig-body-link``) and ad slots are interleaved.

The byline is often a newsroom credit ("Le Figaro et AFP"), which the page's JSON-LD
declares as the author's name; it is kept as written.

Raw-text dumps (lynx) are read by ``extract_text``: headline (not indented), "Par …",
"Publié le … / il y a … heures", the share list, the lead caption, then the standfirst.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from articlekit.adapters.base import Document, Layout, SiteAdapter, TextRules
from articlekit.adapters.helpers import apply_text_rules, jsonld_values
from articlekit.metadata.types import DateValue, PersonRef
from articlekit.model.provenance import FieldSource, SourceKind
from articlekit.partial import PartialArticle
from articlekit.patterns import find_dates, parse_byline
from articlekit.tokens.types import Token, TokenKind

_ARTICLE = "//article"
_BODY = _ARTICLE + "//div[contains(@class, 'fig-content-body')]"

_DATELINE = re.compile(r"^Publié (?P<value>.+?)(?:, mis à jour .+)?$")
_BYLINE = re.compile(r"^Par (?P<value>.+)$")
_STANDFIRST_LABEL = re.compile(r"^[A-ZÀ-Ý0-9 ’'«»-]{4,60} - ")
"""Standfirsts open with a rubric in capitals: "LE POINT SUR LA SITUATION - …"."""
_DAY_FIRST = re.compile(
    r"(?P<d>\d{2})/(?P<m>\d{2})/(?P<y>\d{4})(?: à (?P<H>\d{1,2})[h:](?P<M>\d{2}))?"
)
_BOX_LABEL = re.compile(r"^(?:À découvrir|Sommaire)$")
BOX_ITEM_INDENT = 5
"""A box's link titles wrap onto lines indented deeper than the paragraphs."""
MAX_HEADER_LINES = 3
"""Lines between the headline and the dateline (the byline)."""
MAX_LEAD_SEARCH = 16
"""Lines after the dateline searched for the standfirst (share list, caption)."""


class LeFigaroAdapter(SiteAdapter):
    """Le Figaro."""

    name = "lefigaro"
    version = "1"
    site_name = "Le Figaro"
    domains = ("lefigaro.fr",)
    fingerprints = (
        r"https?://i\.f1g\.fr/",
        r"(?m)^\s*\* Lire dans l’app\s*$",
    )
    """The image CDN ``i.f1g.fr`` (HTML) and the share list's app link (dumps)."""
    layouts = (
        Layout(
            name="fig",
            fingerprint=_BODY + "/p[contains(@class, 'fig-paragraph')]",
            body=_BODY,
            exclude=_BODY + "//div[contains(@class, 'fig-crosslinking')"
            " or contains(@class, 'fig-ad-content') or contains(@class, 'fig-premium')]"
            " | " + _BODY + "//p[contains(@class, 'fig-body-link')]"
            " | " + _BODY + "//a[contains(@class, 'fig-a11y-skip')]",
            title=_ARTICLE + "//h1",
            summary=_ARTICLE + "//p[contains(@class, 'fig-standfirst')]",
            figures=_ARTICLE + "//figure[contains(@class, 'fig-media')]",
            figure_caption="./figcaption",
            figure_credit="./figcaption//*[contains(@class, 'fig-media__credits')]",
        ),
    )
    text_rules = TextRules(
        drop=(
            re.compile(r"^(?:Passer la publicité|Publicité|Lien copié|"
                       r"\(BUTTON\) Afficher plus|\(BUTTON\) Copier le lien|Lire dans l’app)$"),
            re.compile(r"^À lire aussi "),
        ),
        end_of_body=re.compile(r"^(?:La rédaction vous conseille|Sujets|"
                               r"\(BUTTON\) Lire les \d+ commentaires)$"),
    )

    def postprocess(self, doc: Document, result: PartialArticle) -> PartialArticle:
        """HTML: the authors as the JSON-LD names them (newsroom credits kept whole)."""
        if doc.html is None:
            return result
        names = jsonld_values(doc.html.root, "author.name")
        if not names:
            return result
        source = FieldSource(kind=SourceKind.ADAPTER, detail=f"{self.ident} JSON-LD author.name")
        return dataclasses.replace(
            result,
            authors=tuple(PersonRef(name=n) for n in dict.fromkeys(names)),
            sources={**result.sources, "authors": source},
        )

    def _opening(self, tokens: tuple[Token, ...], result: PartialArticle) -> tuple[Token, ...]:
        """The text starts right after the standfirst and the boxes: lines the text path
        left above its body (taken for a header) are the opening paragraph and the first
        sub-heading."""
        first = next((t.lines[0] for t in result.body or () if t.lines is not None), None)
        if first is None:
            return ()
        drop = self.text_rules.drop if self.text_rules is not None else ()
        return tuple(
            _as_block(t)
            for t in tokens
            if t.lines is not None
            and t.lines[0] < first
            and t.kind in (TokenKind.PARAGRAPH, TokenKind.HEADING)
            and not any(p.search(t.text) for p in drop)
        )

    def extract_text(self, doc: Document) -> PartialArticle:
        """Headline, byline and dateline open the article; the standfirst follows the
        share list and the lead caption; the text path scores what comes after it."""
        tokens = doc.stream.tokens
        found = next((i for i, t in enumerate(tokens) if _DATELINE.match(t.text)), None)
        if found is None:
            return super().extract_text(doc)
        window = range(max(0, found - MAX_HEADER_LINES), found)
        heading = next((j for j in window if _is_headline(tokens[j])), None)
        lead = next(
            (
                k
                for k in range(found + 1, min(len(tokens), found + 1 + MAX_LEAD_SEARCH))
                if _STANDFIRST_LABEL.match(tokens[k].text)
            ),
            None,
        )
        start = (lead if lead is not None else found) + 1
        rest = dataclasses.replace(doc.stream, tokens=_without_boxes(tokens[start:]))
        result = apply_text_rules(self, dataclasses.replace(doc, stream=rest))
        changes: dict[str, Any] = {}
        opening = self._opening(rest.tokens, result)
        if opening:
            changes["body"] = (*opening, *(result.body or ()))
        if heading is not None:
            changes["title"] = tokens[heading].text
        if lead is not None:
            changes["summary"] = tokens[lead].text
        for j in window:
            byline = _BYLINE.match(tokens[j].text)
            if byline is not None:
                persons = parse_byline(byline["value"]).persons
                names = persons or (byline["value"].strip(),)
                changes["authors"] = tuple(PersonRef(name=n) for n in names)
        match = _DATELINE.match(tokens[found].text)
        published = _dateline(match["value"], doc) if match else None
        if published is not None:
            changes["published"] = published
        return self.amend(result, changes, "text header")


def _dateline(value: str, doc: Document) -> DateValue | None:
    """"le 04/11/2024 à 18:30" (day first, as the site writes it) or "il y a 3 heures"."""
    numeric = _DAY_FIRST.search(value)
    if numeric is not None:
        try:
            return DateValue(
                value=dt.datetime(
                    int(numeric["y"]), int(numeric["m"]), int(numeric["d"]),
                    int(numeric["H"] or 0), int(numeric["M"] or 0),
                )
                if numeric["H"] is not None
                else dt.date(int(numeric["y"]), int(numeric["m"]), int(numeric["d"]))
            )
        except ValueError:
            return None
    dates = find_dates(value, reference_time=doc.options.reference_time)
    return DateValue(value=dates[0].value, relative=dates[0].relative) if dates else None


def _as_block(token: Token) -> Token:
    """Unindented lines in the dump are the text's ``h2`` sub-headings."""
    if token.level == 0 and token.kind is TokenKind.PARAGRAPH:
        return dataclasses.replace(token, kind=TokenKind.HEADING, level=2)
    return token


def _without_boxes(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """Drop the "Sommaire" and "À découvrir" boxes: the label and the links under it."""
    out: list[Token] = []
    in_box = False
    for token in tokens:
        if _BOX_LABEL.match(token.text):
            in_box = True
            continue
        if in_box and token.kind is TokenKind.LIST_ITEM:
            continue
        in_box = in_box and token.level > BOX_ITEM_INDENT
        if not in_box:
            out.append(token)
    return tuple(out)


def _is_headline(token: Token) -> bool:
    return token.level == 0 and token.kind in (TokenKind.PARAGRAPH, TokenKind.HEADING)
