"""The declarative adapter rules (``TextRules``, ``Box``, ``Layout`` options), one by one
and end to end, on small dumps and pages written for these tests in several languages."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from zoneinfo import ZoneInfo

import articlekit
from articlekit.adapters import Box, Layout, SiteAdapter, TextRules
from articlekit.adapters.rules import (
    box_lines,
    byline_names,
    caption_images,
    crumb_paragraphs,
    crumb_title,
    deep_lines,
    flush_left_headings,
    glued_lines,
    join_wrapped,
    line_above,
    line_after,
    link_lists,
    pull_quotes,
    read_date,
    read_header,
    repair_mojibake,
    repeated_captions,
    signature_names,
    split_box_names,
    split_topics,
    split_unwrapped,
    subheads,
    teaser_cards,
    title_repeats,
    unglue,
    with_kicker,
)
from articlekit.tokens.types import Token, TokenKind

BERLIN = ZoneInfo("Europe/Berlin")


def lines(text: str) -> tuple[Token, ...]:
    """Tokens of a small dump, one per non-blank line, as text browsers print them:
    indentation is the level, "* " starts a list item (one list per run)."""
    tokens: list[Token] = []
    group = 0
    for number, row in enumerate(text.split("\n"), 1):
        if not row.strip():
            continue
        level = len(row) - len(row.lstrip())
        body = row.strip()
        item = re.match(r"^\* (.*)$", body)
        previous = tokens[-1] if tokens else None
        if item is not None:
            if previous is None or previous.kind is not TokenKind.LIST_ITEM:
                group += 1
            tokens.append(
                Token(
                    TokenKind.LIST_ITEM,
                    item.group(1),
                    lines=(number, number),
                    level=level,
                    group=group,
                )
            )
        else:
            tokens.append(Token(TokenKind.PARAGRAPH, body, lines=(number, number), level=level))
    return tuple(tokens)


def texts_of(tokens: tuple[Token, ...], indexes: set[int]) -> list[str]:
    return [tokens[i].text for i in sorted(indexes)]


# -- dates --------------------------------------------------------------------------


def test_read_date_reads_day_first_slashes_only_when_told() -> None:
    assert read_date("04/11/2024 à 18:30", dayfirst=True) is not None
    value = read_date("04/11/2024 à 18:30", dayfirst=True)
    assert value is not None and value.value == dt.datetime(2024, 11, 4, 18, 30)
    month_first = read_date("04/11/2024", dayfirst=False)
    assert month_first is not None and month_first.value == dt.date(2024, 4, 11)
    assert read_date("04/11/2024") is None


def test_read_date_puts_naive_times_in_the_site_zone_and_flags_it() -> None:
    value = read_date("12.03.2025, 14.05 Uhr", zone=BERLIN)
    assert value is not None
    assert value.value == dt.datetime(2025, 3, 12, 14, 5, tzinfo=BERLIN)
    assert value.assumed_timezone
    offset = read_date("14/05/2025 - 08:45 GMT+2", dayfirst=True, zone=BERLIN)
    assert offset is not None and not offset.assumed_timezone


def test_read_date_counts_bare_times_and_seconds_from_the_reference() -> None:
    now = dt.datetime(2025, 3, 12, 16, 0, tzinfo=dt.UTC)
    clock = read_date("10:49 Uhr", reference=now)
    assert clock is not None and clock.relative
    assert clock.value == dt.datetime(2025, 3, 12, 10, 49, tzinfo=dt.UTC)
    ago = read_date("3 seconds ago", reference=now)
    assert ago is not None and ago.value == now - dt.timedelta(seconds=3)
    assert read_date("10:49 Uhr") is None


# -- bylines ------------------------------------------------------------------------


def test_byline_names_without_a_person_follow_by_organizations() -> None:
    assert byline_names("Ana Ejemplo y Luis Muestra") == ("Ana Ejemplo", "Luis Muestra")
    assert byline_names("Le Quotidien et AFP", "whole") == ("Le Quotidien et AFP",)
    assert byline_names("Le Quotidien et AFP", "split") == ("Le Quotidien", "AFP")
    assert byline_names("Le Quotidien et AFP", "drop") == ()


def test_signature_names_come_from_the_last_closing_signature() -> None:
    tokens = lines(
        "   Der erste Absatz des Textes erzählt, was im Dorf geschehen ist.\n\n"
        "   Der letzte Absatz schließt die Geschichte ab. (Eva Muster aus Graz, "
        "Karl Beispiel, 3.5.2024)\n"
    )
    rules = TextRules(
        signature=re.compile(r"\((?P<names>[^()]+?),\s*\d{1,2}\.\d{1,2}\.\d{4}\)$"),
        by_organizations="drop",
    )
    assert signature_names(tokens, rules) == ("Eva Muster", "Karl Beispiel")


# -- lines --------------------------------------------------------------------------


def test_join_wrapped_joins_a_full_width_line_with_the_lines_under_it() -> None:
    long = ("Palabra " * 12).strip()
    tokens = lines(f"   {long}\n   sigue aquí.\n\n   Otro párrafo.\n")
    joined = join_wrapped(tokens, 90)
    assert [t.text for t in joined] == [f"{long} sigue aquí.", "Otro párrafo."]
    assert joined[0].lines == (1, 2)
    assert join_wrapped(tokens, None) == tokens


def test_unglue_sets_a_glued_dateline_apart() -> None:
    tokens = lines("   Der Vorspann endet hier. 28.04.2023, 20.15 Uhr\n")
    split = unglue(tokens, (re.compile(r"(?<=\.)\s+\d{1,2}\.\d{1,2}\.\d{4}, [\d.]+ Uhr$"),))
    assert [t.text for t in split] == ["Der Vorspann endet hier.", "28.04.2023, 20.15 Uhr"]


def test_crumb_title_is_the_last_item_of_the_breadcrumb() -> None:
    tokens = lines(
        "     * Menü\n     * Suche\n\n     * Startseite\n     * Politik\n"
        "     * Neue Brücke über den Fluss\n\nNeue Brücke über den Fluss\n"
    )
    at = crumb_title(tokens, re.compile(r"^Startseite$"))
    assert at is not None and tokens[at].text == "Neue Brücke über den Fluss"
    labelled = lines("   Pfadnavigation\n     * Home\n     * Wetter\n\n   Text.\n")
    found = crumb_title(labelled, re.compile(r"^Pfadnavigation$"))
    assert found is not None and labelled[found].text == "Wetter"


def test_crumb_paragraphs_run_to_the_headline() -> None:
    tokens = lines(
        "     * Home\n\n     Sport\n\n     Der Titel für Suchmaschinen\n\n"
        "Lauf in Berlin:Die sichtbare Schlagzeile\n"
    )
    found = crumb_paragraphs(tokens, re.compile(r"^Home$"))
    assert found is not None
    assert tokens[found[0]].text == "Der Titel für Suchmaschinen"
    assert tokens[found[1]].text.startswith("Lauf in Berlin")


def test_boxes_take_their_lines() -> None:
    tokens = lines(
        "   Erster Absatz.\n\n   Lesen Sie auch\n   Bild eines Hauses\n   Ein anderer Artikel\n"
        "   heise online\n\n   Zweiter Absatz.\n\n   Para saber más\n\n"
        "Un titular de otra noticia\n\n   Redacción: Ana\n\nUn titular de otra noticia\n\n"
        "   Tercer párrafo.\n"
    )
    boxes = (
        Box(re.compile(r"^Lesen Sie auch$"), lines=3),
        Box(re.compile(r"^Para saber más$"), to_repeat=True),
    )
    taken = box_lines(tokens, boxes)
    kept = [t.text for i, t in enumerate(tokens) if i not in taken]
    assert kept == ["Erster Absatz.", "Zweiter Absatz.", "Tercer párrafo."]


def test_boxes_with_items_a_kicker_and_a_byline_after() -> None:
    tokens = lines(
        "   Sommaire\n     * Premier lien\n     * Second lien\n\n   Le texte reprend.\n\n"
        "   Politik\n   :Ein Anriss\n   Der Anrisstext.\n   Von Max Muster\n\n   Weiter.\n"
    )
    boxes = (
        Box(re.compile(r"^Sommaire$"), items=True),
        Box(re.compile(r"^:\S"), above=1, lines=1, then=re.compile(r"^Von ")),
    )
    kept = [t.text for i, t in enumerate(tokens) if i not in box_lines(tokens, boxes)]
    assert kept == ["Le texte reprend.", "Weiter."]


def test_box_until_runs_to_and_includes_its_end_line() -> None:
    tokens = lines(
        "   Erster Absatz.\n\n   Anzeige\n\n   Ein Angebot.\n\n   Noch ein Angebot.\n\n"
        "   Ende der Anzeige\n\n   Zweiter Absatz.\n"
    )
    box = Box(re.compile(r"^Anzeige$"), until=re.compile(r"^Ende der Anzeige$"))
    kept = [t.text for i, t in enumerate(tokens) if i not in box_lines(tokens, (box,))]
    assert kept == ["Erster Absatz.", "Zweiter Absatz."]


def test_named_box_takes_its_name_glued_to_the_paragraph_above() -> None:
    box = Box(re.compile(r"^Newsletter abonnieren$"), lines=2, named=True)
    tokens = lines(
        "   Ein Absatz über das Wetter am Wochenende. Wetter-Brief\n   Newsletter abonnieren\n\n"
        "Wetter-Brief\n\n   Jeden Morgen das Wetter.\n\n   Der Text geht weiter.\n"
    )
    split = split_box_names(tokens, (box,))
    kept = [t.text for i, t in enumerate(split) if i not in box_lines(split, (box,))]
    assert kept == ["Ein Absatz über das Wetter am Wochenende.", "Der Text geht weiter."]


def test_deep_lines_and_flush_left_headings() -> None:
    tokens = lines(
        "   A paragraph of the text.\n\n       A pull quote set deeper.\n\n"
        "A sub-heading\n\n   More text.\n"
    )
    assert texts_of(tokens, deep_lines(tokens, 5)) == ["A pull quote set deeper."]
    headed = flush_left_headings(tokens, 2)
    assert [(t.kind, t.level) for t in headed if t.text == "A sub-heading"] == [
        (TokenKind.HEADING, 2)
    ]


def test_subheads_between_long_paragraphs() -> None:
    long = "This sentence is long enough to count as running text of an article body. " * 2
    tokens = lines(f"   {long}\n\n   What comes next\n\n   {long}\n\n   Short line\n")
    marked = subheads(tokens, 3)
    assert [t.text for t in marked if t.kind is TokenKind.HEADING] == ["What comes next"]


def test_glued_lines_link_lists_and_pull_quotes() -> None:
    long = "Una frase larga del texto que describe con calma lo que pasó ayer en la ciudad."
    tokens = lines(
        f"   {long}\n   Foto de la plaza (BUTTON) Galería\n\n   {long} Y sigue.\n"
        "     * Un enlace relacionado\n\n   Otro párrafo.\n\n     * Un enlace relacionado\n"
    )
    assert texts_of(tokens, glued_lines(tokens, 990)) == ["Foto de la plaza (BUTTON) Galería"]
    assert texts_of(tokens, link_lists(tokens)) == ["Un enlace relacionado"] * 2
    quoted = lines(
        "   Sie sagte: Wir bleiben hier, was auch passiert. Dann ging sie.\n\n"
        "       Wir bleiben hier, was auch passiert\n"
    )
    assert texts_of(quoted, pull_quotes(quoted)) == ["Wir bleiben hier, was auch passiert"]


# -- pictures -----------------------------------------------------------------------


def test_caption_with_a_glued_credit() -> None:
    tokens = lines("   Ein Boot im Hafen\n   Ein Boot im HafenQuelle: Max Muster/dpa\n\n   Text.\n")
    rules = TextRules(caption_credit=re.compile(r"^(?P<caption>.+?)Quelle: (?P<credit>.+)$"))
    images, taken = caption_images(tokens, rules)
    assert [(i.alt, i.caption, i.credit) for i in images] == [
        ("Ein Boot im Hafen", "Ein Boot im Hafen", "Max Muster/dpa")
    ]
    assert taken == {0, 1}


def test_caption_with_the_credit_on_the_next_line_and_the_caption_above() -> None:
    tokens = lines(
        "   Der Minister am Rednerpult\n   Foto:\n\n   Max Muster / AP\n\n"
        "   Bild eines Tores\n   Das Tor der Altstadt im Winter.\n   (Bild: Eva Muster)\n"
    )
    credit_below = TextRules(caption_credit=re.compile(r"^(?P<caption>.*?)\s*Foto:(?P<credit>)$"))
    images, _ = caption_images(tokens, credit_below)
    assert [(i.caption, i.credit) for i in images] == [
        ("Der Minister am Rednerpult", "Max Muster / AP")
    ]
    caption_above = TextRules(
        caption_credit=re.compile(r"^\(Bild:\s*(?P<credit>.+)\)$"), alt_above=True
    )
    images, _ = caption_images(tokens, caption_above)
    assert [(i.alt, i.caption, i.credit) for i in images] == [
        ("Bild eines Tores", "Das Tor der Altstadt im Winter.", "Eva Muster")
    ]


def test_caption_after_a_button_line() -> None:
    tokens = lines("   (BUTTON) Detailansicht öffnen\n   Ein Läufer im Ziel.\n\n   Text.\n")
    rules = TextRules(caption_after=re.compile(r"^\(BUTTON\) Detailansicht öffnen$"))
    images, taken = caption_images(tokens, rules)
    assert [i.caption for i in images] == ["Ein Läufer im Ziel."]
    assert taken == {0, 1}


def test_repeated_captions_glued_or_on_the_line_below() -> None:
    tokens = lines(
        "   Los pilotos en la primera vuelta de la carrera.\n"
        "   Los pilotos en la primera vuelta de la carrera.AFP\n\n"
        "   Der Hafen war seit Mai im Betrieb.\n\nDer Hafen war seit Mai im Betrieb.\n\n"
        "   Eva Muster / AP\n\n   Ein Absatz.\n"
    )
    images, taken = repeated_captions(tokens)
    assert [(i.caption, i.credit) for i in images] == [
        ("Los pilotos en la primera vuelta de la carrera.", "AFP"),
        ("Der Hafen war seit Mai im Betrieb.", "Eva Muster / AP"),
    ]
    assert [t.text for i, t in enumerate(tokens) if i not in taken] == ["Ein Absatz."]


# -- header -------------------------------------------------------------------------


FRENCH_HEADER_RULES = TextRules(
    dateline=re.compile(r"^Publié le (?P<date>.+)$"),
    dayfirst=True,
    byline=re.compile(r"^Par (?P<names>.+)$"),
    headline="topmost",
)
"""A made-up French site's header: "Publié le" dateline, "Par" byline, topmost headline."""
FRENCH_STANDFIRST_RULES = dataclasses.replace(
    FRENCH_HEADER_RULES, standfirst="below_headline", standfirst_chars=40
)
"""The same with the standfirst under the headline."""

FRENCH_HEADER = """\
   Menu
Un pont neuf pour la ville

   La mairie lance un chantier de deux ans pour désengorger le centre aux heures de pointe.
   Par Jeanne Exemple et Paul Modèle
   Publié le 04/11/2024 à 18:30

   Le conseil municipal a voté mardi soir le projet de nouveau pont, attendu depuis des années.
"""


def test_read_header_reads_headline_standfirst_byline_and_dateline() -> None:
    tokens = lines(FRENCH_HEADER)
    header = read_header(tokens, FRENCH_STANDFIRST_RULES)
    assert header.headline is not None
    assert tokens[header.headline].text == "Un pont neuf pour la ville"
    assert header.standfirst is not None
    assert tokens[header.standfirst].text.startswith("La mairie lance")
    assert header.authors == ("Jeanne Exemple", "Paul Modèle")
    assert header.published is not None
    assert header.published.value == dt.datetime(2024, 11, 4, 18, 30)
    assert tokens[header.body_start].text.startswith("Le conseil municipal")


def test_read_header_byline_with_names_on_the_next_lines_and_a_date_group() -> None:
    listed = lines("Ein Titel\n\n   13:37 Uhr\n   Von\n     * Eva Muster\n     * Karl Beispiel\n")
    rules = TextRules(
        dateline=re.compile(r"^\d{1,2}:\d{2} Uhr$"), byline=re.compile(r"^Von(?P<names>)$")
    )
    assert read_header(listed, rules).authors == ("Eva Muster", "Karl Beispiel")
    next_line = lines("Ein Titel\n\n   Kolumne von\n   Eva Muster\n\n   Text.\n")
    label = TextRules(byline=re.compile(r"^Kolumne von(?: (?P<names>.+))?$"))
    assert read_header(next_line, label).authors == ("Eva Muster",)
    dated = lines("   Jane Doe / DESK / Apr 16, 2026, 14:04 IST\n")
    credits = TextRules(
        byline=re.compile(r"^(?P<names>[^/]+?) / .* / (?P<date>\w{3} \d{1,2}, \d{4}, [\d:]+) IST$")
    )
    header = read_header(dated, credits)
    assert header.authors == ("Jane Doe",)
    assert header.published is not None
    assert header.published.value == dt.datetime(2026, 4, 16, 14, 4)


def test_read_header_nearest_headline_names_between_and_kicker() -> None:
    tokens = lines(
        "Extremismus\n\nSind wir zu sanft?\n\n   Ein Vorspann, der lang genug ist für einen Satz.\n"
        "   3. Mai 2024, 17:47\n"
    )
    rules = TextRules(dateline=re.compile(r"^\d{1,2}\. \w+ \d{4}, [\d:]+$"), headline="nearest")
    header = read_header(tokens, rules)
    assert header.headline is not None and tokens[header.headline].text == "Sind wir zu sanft?"
    between = lines(
        "A headline that asks a question?\n\n   Chris Example\n   Published 3 seconds ago\n"
    )
    names = TextRules(
        dateline=re.compile(r"^Published (?P<date>.+)$"), headline="topmost", names_between=True
    )
    assert read_header(between, names).authors == ("Chris Example",)
    kicked = lines("   Nach der Wahl\n\nNeue Regierung steht\n\n   22.11.2024 07.57\n")
    kicker = TextRules(
        dateline=re.compile(r"^(?P<date>[\d.]+) (?P<time>\d{1,2}\.\d{2})$"), headline="topmost"
    )
    header = read_header(kicked, kicker)
    assert header.headline is not None
    assert with_kicker(kicked, header.headline, ": ") == "Nach der Wahl: Neue Regierung steht"
    assert header.published is not None
    assert header.published.value == dt.datetime(2024, 11, 22, 7, 57)


# -- topics, phrases, house byline ---------------------------------------------------


def test_split_topics_filters_strips_and_title_cases() -> None:
    raw = ["World news, flood relief, Bhopal news today", "deportes/formula-1;Qatar"]
    assert split_topics(raw, separators=",;", drop=re.compile("news", re.I)) == (
        "flood relief", "deportes/formula-1", "Qatar",
    )  # fmt: skip
    stripped = split_topics(raw[1:], separators=";", strip=re.compile(r"^.*/"))
    assert stripped == ("formula-1", "Qatar")
    assert split_topics(["flood relief"], title_case=True) == ("Flood Relief",)


# -- end to end ---------------------------------------------------------------------


class _Gazette(SiteAdapter):
    """A made-up French site whose dumps put headline, standfirst, byline and dateline
    above the text, and "À lire aussi" boxes inside it."""

    name = "gazette_test"
    site_name = "La Gazette"
    domains = ("gazette.example",)
    site_timezone = "Europe/Paris"
    house_author = "La Gazette"
    strip_phrases = (", nouvel onglet",)
    text_rules = dataclasses.replace(
        FRENCH_STANDFIRST_RULES,
        drop=(re.compile(r"^Partager$"),),
        boxes=(Box(re.compile(r"^À lire aussi$"), items=True),),
        end_of_body=re.compile(r"^Sur le même sujet$"),
    )


GAZETTE_DUMP = (
    "   Accueil\n   Partager\n\nUn pont neuf pour la ville\n\n"
    "   La mairie lance un chantier de deux ans pour désengorger le centre aux heures de"
    " pointe.\n"
    "   Par Jeanne Exemple\n"
    "   Publié le 04/11/2024 à 18:30\n\n"
    "   Le conseil municipal a voté mardi soir le projet de nouveau pont, attendu depuis des"
    " années par les habitants du quartier nord.\n\n"
    "   À lire aussi\n"
    "     * Les travaux de la gare prennent du retard\n"
    "     * Un nouveau marché couvert\n\n"
    "   Les travaux commenceront au printemps et dureront deux ans, selon la maire, qui"
    " promet des déviations bien indiquées, nouvel onglet.\n\n"
    "   Sur le même sujet\n     * Un autre article\n"
)


def test_text_rules_end_to_end() -> None:
    article = articlekit.parse(GAZETTE_DUMP, content_type="text", adapter=_Gazette)
    assert article.title == "Un pont neuf pour la ville"
    assert article.summary is not None and article.summary.startswith("La mairie lance")
    assert [p.name for p in article.authors] == ["Jeanne Exemple"]
    assert article.published == dt.datetime(2024, 11, 4, 18, 30, tzinfo=ZoneInfo("Europe/Paris"))
    assert article.site_name == "La Gazette"
    text = article.text
    assert "Le conseil municipal" in text and "Les travaux commenceront" in text
    assert "Les travaux de la gare" not in text and "Un autre article" not in text
    assert ", nouvel onglet" not in text
    assert article.provenance.fields["title"].detail == "gazette_test@1 text rules"


def test_house_author_for_an_unsigned_dump() -> None:
    unsigned = GAZETTE_DUMP.replace("   Par Jeanne Exemple\n", "")
    article = articlekit.parse(unsigned, content_type="text", adapter=_Gazette)
    assert [p.name for p in article.authors] == ["La Gazette"]
    assert article.provenance.fields["authors"].detail == "gazette_test@1 house byline"


class _Courier(SiteAdapter):
    """A made-up English site; its layout uses the layout options."""

    name = "courier_test"
    site_name = "The Courier"
    domains = ("courier.example",)
    layouts = (
        Layout(
            name="v1",
            fingerprint="//article[@class='story']",
            body="//article[@class='story']//div[@class='text']",
            title="//h1",
            authors="//a[@rel='author']",
            authors_fallback="jsonld:author.name",
            topics="//meta[@name='news_keywords']/@content",
            topic_separators=",;",
            topics_drop=re.compile("news", re.I),
            topics_title_case=True,
            figures="//article//figure",
            caption_credit=re.compile(r"^(?P<caption>.*?[.!?])\s*\((?P<credit>[^()]{2,80})\)$"),
            subheadings="//div[@class='text']//div[@class='subhead']",
            exclude_text="//div[@class='text']/span[@class='dateline']",
        ),
    )


COURIER_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour bridge reopens</title>
<meta name="news_keywords" content="Local news, harbour; bridges">
<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type":
"Organization", "name": "Courier Staff"}}</script></head><body>
<article class="story"><h1>Harbour bridge reopens</h1>
<figure><img src="https://courier.example/b.jpg" alt="A bridge">
<figcaption>The bridge at dawn. (Jane Example/Courier)</figcaption></figure>
<div class="text"><span class="dateline">PORTSMOUTH —</span>
<p>The harbour bridge reopened on Monday after eight months of repairs to its deck and cables.</p>
<div class="subhead">What changed</div>
<p>Engineers replaced the deck plates and added a lane for bicycles on the eastern side.</p>
</div></article></body></html>"""


def test_layout_options_end_to_end() -> None:
    article = articlekit.parse(COURIER_PAGE, url="https://courier.example/a", adapter=_Courier)
    assert [p.name for p in article.authors] == ["Courier Staff"]
    assert article.topics == ("Harbour", "Bridges")
    assert [(i.caption, i.credit) for i in article.images] == [
        ("The bridge at dawn.", "Jane Example/Courier")
    ]
    assert "PORTSMOUTH" not in article.text
    headings = [b.text for b in article.body if getattr(b, "type", "") == "heading"]
    assert headings == ["What changed"]


class _Wire(SiteAdapter):
    """A made-up site whose captions keep the agency note; the credit is its own line."""

    name = "wire_test"
    domains = ("wire.example",)
    layouts = (
        Layout(
            name="v1",
            fingerprint="//article",
            body="//article//div[@class='text']",
            figures="//article//div[@class='pic']",
            figure_caption=".//span[@class='cap']/text()[normalize-space() != '-']",
            figure_credit=".//div[@class='copy']",
            caption_as_written=True,
        ),
    )


WIRE_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>T</title>
</head><body><article><h1>Floods in the valley</h1>
<div class="pic"><img src="https://wire.example/p.jpg" alt="A flooded road">
<span class="cap">Water covers the road near the river. (AP Photo)<div class="copy">Copyright
Jane Example/AP</div></span></div>
<div class="text"><p>Heavy rain flooded the valley road for the second time this month.</p>
</div></article></body></html>"""


def test_caption_as_written_keeps_the_agency_note() -> None:
    article = articlekit.parse(WIRE_PAGE, url="https://wire.example/a", adapter=_Wire)
    assert [(i.caption, i.credit) for i in article.images] == [
        ("Water covers the road near the river. (AP Photo)", "Jane Example/AP")
    ]


def test_a_header_found_below_the_text_does_not_crop_it_away() -> None:
    dump = (
        "Un pont neuf pour la ville\n\n"
        "   Le conseil municipal a voté mardi soir le projet de nouveau pont, attendu depuis"
        " des années par les habitants du quartier nord.\n\n"
        "   À lire aussi\n     * Les travaux de la gare prennent du retard\n\n"
        "   Les travaux commenceront au printemps et dureront deux ans, selon la maire, qui"
        " promet des déviations bien indiquées.\n\n"
        "   Publié le 04/11/2024 à 18:30\n"
    )
    article = articlekit.parse(dump, content_type="text", adapter=_Gazette)
    assert "Le conseil municipal" in article.text
    assert "Les travaux de la gare" not in article.text
    assert article.provenance.fields["body"].detail.endswith("gazette_test@1 text rules")


def test_teaser_box_title_after_a_form_and_standfirst_above_a_reading_time() -> None:
    tokens = lines(
        "   Mehr zum Thema\n\n   1/\n\n   Ein Bild vom Bahnhof\n\n   Bahn : Neue Tickets\n\n"
        "     * Von Eva Muster\n     * vor 2 Stunden\n\n   Ein Bild vom Hafen\n\n"
        "   Hafen : Mehr Schiffe\n\n     * Von Karl Beispiel\n\n   Der Text geht weiter.\n"
    )
    slider = Box(
        re.compile(r"^Mehr zum Thema$"),
        then=re.compile(r"^\d+/$"),
        teasers=re.compile(r"^\S.* : \S.*$"),
    )
    kept = [t.text for i, t in enumerate(tokens) if i not in box_lines(tokens, (slider,))]
    assert kept == ["Der Text geht weiter."]
    form = lines(
        "   Ein Vorspann, der lang genug ist, um einer zu sein.\n\n   3 Min.\n\n"
        "   Beitrag per E-Mail versenden\n\n   Der Titel für Suchmaschinen\n"
    )
    assert line_after(form, re.compile(r"^Beitrag per E-Mail versenden$")) == 3
    assert line_above(form, re.compile(r"^\d+ Min\.$"), 40) == 0
    assert line_above(form, re.compile(r"^\d+ Min\.$"), 80) is None


def test_teaser_cards_inside_the_text() -> None:
    tokens = lines(
        "   Ein Absatz des Textes.\n\n   Ein Foto des Ministers\n   Mehr zum Thema\n\n"
        "Minister tritt zurück\n\n   Der nächste Absatz.\n"
    )
    assert texts_of(tokens, teaser_cards(tokens)) == [
        "Ein Foto des Ministers", "Mehr zum Thema", "Minister tritt zurück",
    ]  # fmt: skip


def test_title_repeats_and_the_synopsis_above_them() -> None:
    tokens = lines(
        "Monsoon reaches the coast\n\n   Jane Doe / DESK / Jun 2, 2025, 10:04 IST\n"
        "   The monsoon arrived two days early this year, bringing heavy rain to the coastal"
        " districts overnight.\n   Monsoon reaches the coast\n   The first paragraph.\n"
    )
    repeats, synopsis = title_repeats(tokens, "Monsoon reaches the coast", 2, 80)
    assert texts_of(tokens, repeats) == ["Monsoon reaches the coast"]
    assert synopsis == 2
    assert title_repeats(tokens, "Monsoon reaches the coast", 2, 200)[1] is None


def test_repair_mojibake_and_split_unwrapped_lines() -> None:
    broken = "La sanci\u00c3\u00b3n lleg\u00c3\u00b3 tarde."
    assert repair_mojibake(broken) == "La sanción llegó tarde."
    assert repair_mojibake("Ya está bien.") == "Ya está bien."
    text = "   Una línea corta.\n   Otra línea que empieza un párrafo.\n"
    assert split_unwrapped(text, 990) == (
        "   Una línea corta.\n\n   Otra línea que empieza un párrafo.\n"
    )
    assert split_unwrapped(text, None) == text


def test_the_byline_is_read_near_the_dateline() -> None:
    tokens = lines(
        "   Par Rédaction Web\n   Menu\n   Rubriques\n   Services\n   Contact\n   Archives\n"
        "Un pont neuf pour la ville\n\n   Par Jeanne Exemple\n   Publié le 04/11/2024\n"
    )
    header = read_header(tokens, FRENCH_HEADER_RULES)
    assert header.authors == ("Jeanne Exemple",)
