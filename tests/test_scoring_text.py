"""Generic raw-text scoring: text → ``Article`` header fields and body (own fixtures)."""

from __future__ import annotations

import datetime as dt
import random

import pytest

import articlekit
from articlekit import Article
from articlekit.options import TextScoringConfig
from articlekit.scoring import text as st
from articlekit.scoring.text import _gallery_slides, score_text
from articlekit.tokens.text import tokenize_text
from conftest import COMPILED

EN_PARAS = (
    "The city council voted on Tuesday to expand the tram network to the northern "
    "districts, a project that has been discussed for more than a decade.",
    "Supporters said the new line would cut commuting times in half, while critics "
    "warned that the budget did not include the cost of new vehicles.",
    "Construction is expected to start next spring and to last about three years, "
    "according to the transport department.",
)

DE_PARAS = (
    "Der Stadtrat hat am Dienstag beschlossen, das Straßenbahnnetz in die nördlichen "
    "Stadtteile zu verlängern, ein Projekt, über das seit mehr als zehn Jahren gestritten wird.",
    "Befürworter sagen, die neue Linie halbiere die Fahrzeiten, Kritiker bemängeln, dass "
    "die Kosten für neue Fahrzeuge im Haushalt fehlen.",
    "Die Bauarbeiten sollen im nächsten Frühjahr beginnen und etwa drei Jahre dauern.",
)


def _parse(text: str, **kw: object) -> Article:
    return articlekit.parse(text, content_type="text", adapter="generic", **kw)  # type: ignore[arg-type]


def _lynx(*header: str, paras: tuple[str, ...] = EN_PARAS, menu: bool = True) -> str:
    """A lynx-like dump: menu, headings at column 0, paragraphs indented by three."""
    lines = ["     * Home", "     * World", "     * Sport", ""] if menu else []
    for line in header:
        lines += [line, ""]
    for para in paras:
        lines += [f"   {para}", ""]
    lines += ["   © 2025 Example Media. All rights reserved."]
    return "\n".join(lines)


def test_scoring_text_lynx_header_title_byline_date() -> None:
    article = _parse(
        _lynx(
            "Politics",
            "Council backs tram extension to the north",
            "   By Jane Doe and John Roe",
            "   February 4, 2025",
        )
    )
    assert article.title == "Council backs tram extension to the north"
    assert [p.name for p in article.authors] == ["Jane Doe", "John Roe"]
    assert article.published == dt.date(2025, 2, 4)
    assert article.text.startswith("The city council voted")
    assert "Home" not in article.text
    assert "All rights reserved" not in article.text


def test_scoring_text_w3m_german_header() -> None:
    text = "\n\n".join(
        [
            "Zum Inhalt springen",
            "Stadtrat stimmt für längere Straßenbahn",
            "Von Erika Mustermann",
            "04.02.2025, 14:13 Uhr",
            *DE_PARAS,
        ]
    )
    article = _parse(text)
    assert article.title == "Stadtrat stimmt für längere Straßenbahn"
    assert [p.name for p in article.authors] == ["Erika Mustermann"]
    assert article.published == dt.datetime(2025, 2, 4, 14, 13)
    assert article.text.startswith("Der Stadtrat hat am Dienstag")


def test_scoring_text_title_ending_in_question_mark_is_not_body() -> None:
    text = "\n\n".join(["Bauen wir zu langsam?", "Von Max Muster", *DE_PARAS])
    article = _parse(text)
    assert article.title == "Bauen wir zu langsam?"
    assert "Bauen wir zu langsam?" not in article.text


def test_scoring_text_headline_then_standfirst() -> None:
    article = _parse(
        _lynx(
            "Council backs tram extension to the north",
            "The new line is expected to halve commuting times for many residents",
            "   By Jane Doe",
        )
    )
    assert article.title == "Council backs tram extension to the north"


def test_scoring_text_kicker_then_headline() -> None:
    text = "\n\n".join(["Verkehr", "Stadtrat stimmt für längere Straßenbahn", *DE_PARAS])
    assert _parse(text).title == "Stadtrat stimmt für längere Straßenbahn"


def test_scoring_text_french_and_spanish_bylines() -> None:
    fr = "\n\n".join(
        [
            "Le conseil vote l'extension du tramway",
            "Par Marie Dupont",
            "4 février 2025 à 10h30",
            "Le conseil municipal a voté mardi l'extension du réseau de tramway vers les "
            "quartiers du nord, un projet discuté depuis plus de dix ans.",
            "Les partisans affirment que la nouvelle ligne réduira de moitié les temps de "
            "trajet, tandis que les critiques dénoncent un budget incomplet.",
        ]
    )
    article = _parse(fr)
    assert [p.name for p in article.authors] == ["Marie Dupont"]
    assert article.published is not None and article.published.day == 4  # type: ignore[union-attr]
    es = "\n\n".join(
        [
            "El ayuntamiento aprueba ampliar el tranvía",
            "Por Lucía García",
            "4 de febrero de 2025",
            "El pleno municipal aprobó el martes la ampliación de la red de tranvía hacia los "
            "barrios del norte, un proyecto debatido desde hace más de una década.",
            "Los defensores aseguran que la nueva línea reducirá a la mitad los tiempos de "
            "viaje, mientras que los críticos señalan que falta presupuesto.",
        ]
    )
    article = _parse(es)
    assert [p.name for p in article.authors] == ["Lucía García"]
    assert article.published == dt.date(2025, 2, 4)
    assert article.title == "El ayuntamiento aprueba ampliar el tranvía"


def test_scoring_text_headline_with_capitalised_words_is_not_a_byline() -> None:
    text = "\n\n".join(["Süper Lig’de golcülerin yarışı kıyasıya", *EN_PARAS])
    article = _parse(text)
    assert article.title == "Süper Lig’de golcülerin yarışı kıyasıya"
    assert not article.authors


def test_scoring_text_caption_ending_in_a_date_is_not_the_dateline() -> None:
    text = "\n\n".join(
        [
            "Council backs tram extension to the north",
            "Workers repair the old tram depot in the northern district, 12 March 2019",
            *EN_PARAS,
        ]
    )
    assert _parse(text).published is None


def test_scoring_text_relative_dateline_needs_reference_time() -> None:
    text = "\n\n".join(["Council backs tram extension", "By Jane Doe", "2 hours ago", *EN_PARAS])
    assert _parse(text).published is None
    now = dt.datetime(2025, 2, 4, 12, 0, tzinfo=dt.UTC)
    article = _parse(text, options=articlekit.ParseOptions(reference_time=now))
    assert article.published == dt.datetime(2025, 2, 4, 10, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("an hour ago", dt.datetime(2025, 2, 4, 11, 0, tzinfo=dt.UTC)),
        ("Updated a day ago", dt.date(2025, 2, 3)),
        ("vor einer Stunde", dt.datetime(2025, 2, 4, 11, 0, tzinfo=dt.UTC)),
        ("il y a une heure", dt.datetime(2025, 2, 4, 11, 0, tzinfo=dt.UTC)),
        ("hace una hora", dt.datetime(2025, 2, 4, 11, 0, tzinfo=dt.UTC)),
        ("anteayer", dt.date(2025, 2, 2)),
        ("eergisteren", dt.date(2025, 2, 2)),
    ],
)
def test_scoring_text_relative_dateline_without_a_digit(
    line: str, expected: dt.date | dt.datetime
) -> None:
    """A relative dateline in words ("an hour ago") is read like "2 hours ago"."""
    text = "\n\n".join(["Council backs tram extension", "By Jane Doe", line, *EN_PARAS])
    now = dt.datetime(2025, 2, 4, 12, 0, tzinfo=dt.UTC)
    published = _parse(text, options=articlekit.ParseOptions(reference_time=now)).published
    assert published == expected


def test_scoring_text_breadcrumb_is_not_the_title() -> None:
    text = "\n\n".join(["Home > Local > Transport", *EN_PARAS])
    assert _parse(text).title is None


def test_scoring_text_japanese_prose_is_body() -> None:
    paras = (
        "市議会は火曜日、路面電車の路線を北部地区に延伸する計画を賛成多数で可決した。十年以上議論されてきた事業だ。",
        "推進派は通勤時間が半分になると主張する一方、反対派は車両の購入費用が予算に含まれていないと指摘した。",
    )
    text = "\n\n".join(["路面電車の北部延伸を可決　市議会", *paras])
    article = _parse(text)
    assert article.text.startswith("市議会は火曜日")
    assert article.title == "路面電車の北部延伸を可決 市議会"  # whitespace collapsed


def test_scoring_text_no_running_text_warns() -> None:
    stream = tokenize_text("* Home\n* News\n* Sport\n")
    result = score_text(stream, config=TextScoringConfig())
    assert result.body is None
    assert result.warnings[0][0] == "scoring.no_body"


# --------------------------------------------------------------------------- bylines in fields

IT_PARAS = (
    "Il consiglio comunale ha approvato martedì il prolungamento della linea del tram "
    "verso i quartieri settentrionali, un progetto discusso da oltre dieci anni.",
    "I sostenitori dicono che la nuova linea dimezzerà i tempi di viaggio, mentre i "
    "critici ricordano che mancano i fondi per i nuovi veicoli.",
    "I lavori dovrebbero cominciare la prossima primavera e durare circa tre anni.",
)

FR_PARAS = (
    "Le conseil municipal a voté mardi le prolongement du tramway vers les quartiers "
    "nord, un projet discuté depuis plus de dix ans dans la ville.",
    "Les partisans affirment que la nouvelle ligne réduira de moitié les temps de trajet, "
    "tandis que les critiques regrettent l'absence de budget pour les rames.",
    "Les travaux doivent commencer au printemps prochain et durer environ trois ans.",
)

ES_PARAS = (
    "El ayuntamiento aprobó el martes la ampliación del tranvía hacia los barrios del "
    "norte, un proyecto que se discute desde hace más de una década.",
    "Los partidarios aseguran que la nueva línea reducirá a la mitad los tiempos de "
    "viaje, mientras que los críticos lamentan que falten fondos para los vehículos.",
    "Las obras comenzarán la próxima primavera y durarán unos tres años.",
)

TRAM_PAGES = (
    (EN_PARAS, "Council backs tram extension to the north"),
    (DE_PARAS, "Stadtrat stimmt für längere Straßenbahn"),
    (FR_PARAS, "Le conseil vote le prolongement du tramway"),
    (ES_PARAS, "El ayuntamiento aprueba ampliar el tranvía"),
    (IT_PARAS, "Il consiglio approva il nuovo tram verso nord"),
)
"""One story in English, German, French, Spanish and Italian: paragraphs and headline."""


def _per_language(*values: str) -> list[tuple[tuple[str, ...], str, str]]:
    """``(paragraphs, headline, value)`` for each language of ``TRAM_PAGES``, the values
    given in that order (EN, DE, FR, ES, IT)."""
    return [(paras, title, v) for (paras, title), v in zip(TRAM_PAGES, values, strict=True)]


def _assert_labels_are_no_bylines(*labels: str) -> None:
    """Each label (EN, DE, FR, ES, IT; see ``_per_language``) set alone under the
    headline is read as no byline."""
    for paras, title, label in _per_language(*labels):
        assert not _parse(_lynx(title, f"   {label}", paras=paras)).authors, label


def _names(article: Article) -> list[str]:
    return [p.name for p in article.authors]


def _dump(head: list[str], paras: tuple[str, ...] = EN_PARAS, tail: tuple[str, ...] = ()) -> str:
    """A dump made of the ``head`` lines as given, each paragraph indented by three and
    followed by a blank line, then the ``tail`` lines."""
    lines = [*head]
    for para in paras:
        lines += [f"   {para}", ""]
    return "\n".join([*lines, *tail])


def test_scoring_text_byline_in_a_field_with_a_date() -> None:
    cases = (
        (EN_PARAS, "Council backs tram extension to the north",
         "   Jane DoePublished Feb 4, 2025, 10:21am|Updated Feb 4, 2025, 6:39pm"),
        (DE_PARAS, "Stadtrat stimmt für längere Straßenbahn",
         "   Kolumne von Erika Muster - 04.02.2025 um 08:52 Uhr - 12 Kommentare"),
        (IT_PARAS, "Il consiglio approva il nuovo tram verso nord",
         "   Giulia Bianchi / ESEMPIO.IT / 4 febbraio 2025, 17:07"),
        (FR_PARAS, "Le conseil vote le prolongement du tramway",
         "   Actualité, Ville | Publié le 4 février 2025 | Écrit par Claire Martin"),
        (ES_PARAS, "El ayuntamiento aprueba ampliar el tranvía",
         "   Lucía Gómez, 4 de febrero de 2025, 17:46"),
    )  # fmt: skip
    expected = ("Jane Doe", "Erika Muster", "Giulia Bianchi", "Claire Martin", "Lucía Gómez")
    for (paras, title, byline), name in zip(cases, expected, strict=True):
        article = _parse(_lynx(title, byline, paras=paras))
        assert article.title == title, byline
        assert _names(article) == [name], byline
        assert article.published is not None and article.published.day == 4, byline


def test_scoring_text_kickers_and_labels_are_not_unlabelled_bylines() -> None:
    for paras, kicker, title in (
        (DE_PARAS, "Nach Rücktritt", "Stadtrat stimmt für längere Straßenbahn"),
        (EN_PARAS, "Front Page", "Council backs tram extension to the north"),
        (DE_PARAS, "Neue Pläne", "Stadtrat stimmt für längere Straßenbahn"),
        (ES_PARAS, "Nuevo Tranvía", "El ayuntamiento aprueba ampliar el tranvía"),
        (DE_PARAS, "Steigende Kosten belasten Stadt", "Stadtrat stimmt für längere Straßenbahn"),
    ):
        article = _parse(_lynx(title, kicker, "   4. Februar 2025", paras=paras))
        assert _names(article) == [], kicker


def test_scoring_text_unlabelled_names_with_conjunction_and_relative_time() -> None:
    article = _parse(_lynx("Il consiglio approva il nuovo tram verso nord",
                           "   Giulia Bianchi e Marco Rossi", paras=IT_PARAS))  # fmt: skip
    assert _names(article) == ["Giulia Bianchi", "Marco Rossi"]
    article = _parse(_lynx("Council backs tram extension to the north",
                           "   Jane Doe 5 hours ago"))  # fmt: skip
    assert _names(article) == ["Jane Doe"]


def test_scoring_text_a_sub_heading_after_the_first_paragraph_is_not_the_title() -> None:
    paras = (EN_PARAS[0], EN_PARAS[1], "Short line about the costs", EN_PARAS[2])
    text = _lynx("Council backs tram extension to the north", paras=paras)
    text = text.replace("   Short line about the costs", "Short line about the costs")
    assert _parse(text).title == "Council backs tram extension to the north"


# --------------------------------------------------------------------------- datelines


def test_scoring_text_ambiguous_slashed_date_is_day_first_outside_english() -> None:
    for paras, title, line in (
        (FR_PARAS, "Le conseil vote le prolongement du tramway", "   Publié le 06/01/2026 - 14:16"),
        (ES_PARAS, "El ayuntamiento aprueba ampliar el tranvía", "   06/01/2026"),
        (DE_PARAS, "Stadtrat stimmt für längere Straßenbahn", "   Veröffentlicht am 06/01/2026"),
        (IT_PARAS, "Il consiglio approva il nuovo tram verso nord", "   06/01/2026 ore 14:16"),
    ):  # fmt: skip
        article = _parse(_lynx(title, line, paras=paras))
        assert article.published is not None, line
        assert (article.published.month, article.published.day) == (1, 6), line


def test_scoring_text_ambiguous_slashed_date_follows_the_page_and_english_stays_unread() -> None:
    header = ("Council backs tram extension to the north", "   06/01/2026")
    assert _parse(_lynx(*header)).published is None
    paras = (*EN_PARAS, "The previous vote, held on 13/11/2019, had failed by two votes.")
    published = _parse(_lynx(*header, paras=paras)).published
    assert published is not None and (published.month, published.day) == (1, 6)


def test_scoring_text_dated_field_of_a_long_line_is_the_dateline() -> None:
    ref = dt.datetime(2025, 2, 4, 18, 0, tzinfo=dt.UTC)
    line = (
        "   Transport, Local News, City Hall, Top Story 1 | Published: 5 hours ago | "
        "Last Updated: 2 hours ago | Written by Jane Doe"
    )
    article = _parse(
        _lynx("Council backs tram extension to the north", line),
        options=articlekit.ParseOptions(reference_time=ref),
    )
    assert article.published is not None and article.published.hour == 13
    assert _names(article) == ["Jane Doe"]


def test_scoring_text_update_line_is_not_the_publication_date() -> None:
    for paras, title, first, update in (
        (DE_PARAS, "Stadtrat stimmt für längere Straßenbahn",
         "   3. Februar 2025 - 16.03 Uhr", "   Akt.: 4. Februar 2025 - 21.18 Uhr"),
        (EN_PARAS, "Council backs tram extension to the north",
         "   February 3, 2025", "   Updated February 4, 2025"),
        (ES_PARAS, "El ayuntamiento aprueba ampliar el tranvía",
         "   3 de febrero de 2025", "   Actualizado: 4 de febrero de 2025"),
    ):  # fmt: skip
        article = _parse(_lynx(update, first, title, paras=paras))
        assert article.published is not None and article.published.day == 3, first


def test_scoring_text_labelled_byline_and_date_far_from_the_headline() -> None:
    share = [f"   {w}" for w in ("Facebook", "WhatsApp", "E-Mail", "Drucken")]
    article = _parse(
        _lynx(
            "   Von Erika Muster",
            "   Erschienen am 04.02.2025",
            *[f"   Menüpunkt {n}" for n in range(1, 6)],
            "Stadtrat stimmt für längere Straßenbahn",
            *share,
            *[f"   [bild{n}.jpg]" for n in range(1, 5)],
            paras=DE_PARAS,
        )
    )
    assert article.title == "Stadtrat stimmt für längere Straßenbahn"
    assert _names(article) == ["Erika Muster"]
    assert article.published == dt.date(2025, 2, 4)


# --------------------------------------------------------------------------- standfirst


def test_scoring_text_sentence_under_a_short_headline_is_the_standfirst() -> None:
    cases = (
        (EN_PARAS, "Tram reaches the north", "The council approved the line on Tuesday."),
        (DE_PARAS, "Straßenbahn fährt bald nach Norden", "Der Stadtrat hat sie beschlossen."),
        (FR_PARAS, "Le tramway ira au nord", "Le conseil a voté la ligne mardi soir."),
        (ES_PARAS, "El tranvía llegará al norte", "El ayuntamiento aprobó la línea el martes."),
        (IT_PARAS, "Il tram arriva a nord", "Il consiglio ha approvato la linea martedì."),
    )
    for paras, title, dek in cases:
        assert _parse(_lynx(title, dek, "   4.2.2025", paras=paras)).title == title, title


def test_scoring_text_indented_menu_line_above_the_headline_is_no_headline() -> None:
    text = _lynx(
        "   Weather Climate Environment Science Technology Health",
        "Council backs tram extension to the north",
        "Tram line to reach the northern districts within three years",
        "   By Jane Doe",
    )
    assert _parse(text).title == "Council backs tram extension to the north"


# --------------------------------------------------------------------------- alt text and caption


def test_scoring_text_line_saying_the_same_thing_twice_is_an_image() -> None:
    for paras, caption in (
        (EN_PARAS, "A tram waits at the depot."),
        (DE_PARAS, "Eine Straßenbahn wartet im Depot."),
        (FR_PARAS, "Un tramway attend au dépôt."),
        (ES_PARAS, "Un tranvía espera en las cocheras."),
        (IT_PARAS, "Un tram aspetta al deposito."),
    ):
        doubled = f"   {caption} {caption}"
        paired = (f"   {caption.rstrip('.')}", f"   {caption}")
        for lines in ((doubled,), paired):
            body = (paras[0], *lines, paras[1], paras[2])
            text = _lynx("Council backs tram extension", paras=tuple(p.strip() for p in body))
            article = _parse(text)
            assert caption.rstrip(".") not in article.text, lines
            assert paras[2] in article.text
            assert any(i.caption and caption.rstrip(".") in i.caption for i in article.images)


def test_scoring_text_credits_and_people_with_ages_are_not_unlabelled_bylines() -> None:
    for paras, title, line in _per_language(
        "   Jane Doe, 37",
        "   dpa/Erika Muster",
        "   AFP/Claire Martin",
        "   Foto Lucía Gómez",
        "   Copyright Giulia Bianchi",
    ):
        assert _names(_parse(_lynx(title, line, "   4.2.2025", paras=paras))) == [], line


def test_scoring_text_repeated_labels_and_browser_residue_are_not_body() -> None:
    for paras, label in (
        (EN_PARAS, "Article content"),
        (DE_PARAS, "Mehr"),
        (FR_PARAS, "Répondre"),
        (ES_PARAS, "Contenido del artículo"),
        (IT_PARAS, "Rispondi"),
    ):
        body: list[str] = []
        for para in paras:
            body += [para, label, "(BUTTON) [img_0412]"]
        article = _parse(_lynx("Council backs tram extension to the north", paras=tuple(body)))
        assert label not in article.text, label
        assert "BUTTON" not in article.text
        assert all(p in article.text for p in paras)


# --------------------------------------------------------------------------- sections


def _teasers(n: int, lang_para: str) -> list[str]:
    """A list of other articles: date line, headline, long teaser sentence each."""
    out: list[str] = []
    for k in range(n):
        out += [f"{k + 1}.03.2025", f"Other story number {k + 1}", f"Teaser {k}: {lang_para}"]
    return out


def test_scoring_text_teaser_list_after_an_end_label_is_not_the_body() -> None:
    for paras, label, byline in (
        (EN_PARAS, "More stories", "   By Jane Doe"),
        (DE_PARAS, "Das könnte Sie auch interessieren", "   Von Erika Muster"),
        (FR_PARAS, "À découvrir également", "   Par Claire Martin"),
        (ES_PARAS, "Te recomendamos", "   Por Lucía Gómez"),
        (IT_PARAS, "Altri articoli", "   Di Giulia Bianchi"),
    ):
        lines = [*(f"   {p}" for p in paras), label, *(f"   {t}" for t in _teasers(12, paras[0]))]
        text = _lynx("Council backs tram extension to the north", byline, "   4.2.2025", paras=())
        text = text.replace("   © 2025", "\n".join(lines) + "\n   © 2025")
        article = _parse(text)
        assert article.text.startswith(paras[0][:30]), label
        assert "Teaser" not in article.text, label
        assert article.authors, label


def test_scoring_text_inline_read_more_label_does_not_end_the_body() -> None:
    for paras, label in (
        (EN_PARAS, "Read more"),
        (DE_PARAS, "Lesen Sie auch"),
        (FR_PARAS, "Lire aussi"),
        (ES_PARAS, "Lee también"),
        (IT_PARAS, "Leggi anche"),
    ):
        later = (paras[1], paras[2], f"{paras[2]} {paras[1]}")  # the larger part
        body = (paras[0], label, *later)
        text = _lynx("Council backs tram extension", "   By Jane Doe", "   4.2.2025", paras=body)
        article = _parse(text)
        assert paras[0] in article.text, label
        assert later[-1] in article.text, label


def test_scoring_text_more_dateline_shapes() -> None:
    cases = (
        (ES_PARAS, "El ayuntamiento aprueba ampliar el tranvía",
         "   04/02/2025 Actualizado a las 15:10h.", (2, 4)),
        (EN_PARAS, "Council backs tram extension to the north",
         "   By Example News, in Local, Transport, City Hall · 4 Feb 2025, 20:02 · 0 Comments",
         (2, 4)),
        (DE_PARAS, "Stadtrat stimmt für längere Straßenbahn",
         "   Erschienen am 04.02.2025", (2, 4)),
        (IT_PARAS, "Il consiglio approva il nuovo tram verso nord",
         "   Pubblicato il 4 febbraio 2025", (2, 4)),
        (FR_PARAS, "Le conseil vote le prolongement du tramway",
         "   Publié le 4 février 2025 à 10h", (2, 4)),
    )  # fmt: skip
    for paras, title, line, (month, day) in cases:
        published = _parse(_lynx(title, line, paras=paras)).published
        assert published is not None and (published.month, published.day) == (month, day), line


def test_scoring_text_british_page_reads_slashed_dates_day_first() -> None:
    paras = (*EN_PARAS, "The previous plan, presented on 6 March 2019, had been shelved.")
    header = ("Council backs tram extension to the north", "   Published on 04/02/2025 - 13:55")
    published = _parse(_lynx(*header, paras=paras)).published
    assert published is not None and (published.month, published.day) == (2, 4)
    paras = (*EN_PARAS, "The previous plan, presented on March 6, 2019, had been shelved.")
    published = _parse(_lynx(*header, paras=paras)).published
    assert published is not None and (published.month, published.day) == (4, 2)


def test_scoring_text_code_block_between_paragraphs_stays_in_the_body() -> None:
    steps = "\n".join(f"  total = add(total, {n});" for n in range(12))
    code = f"function add(a, b) {{\n  const sum = a + b;\n  return sum;\n}}\n{steps}"
    for paras in (EN_PARAS, DE_PARAS, FR_PARAS, ES_PARAS, IT_PARAS):
        text = _lynx("Council backs tram extension", paras=paras)
        text = text.replace(f"   {paras[1]}", f"   {paras[1]}\n\n{code}\n")
        article = _parse(text)
        assert "{\n  const sum = a + b;\n  return sum;\n}" in article.text
        assert paras[0] in article.text and paras[2] in article.text


def test_scoring_text_browser_residue_and_doubled_alt_text_are_no_title() -> None:
    for paras, alt in (
        (EN_PARAS, "A tram at the depot"),
        (DE_PARAS, "Eine Straßenbahn im Depot"),
        (FR_PARAS, "Un tramway au dépôt"),
        (ES_PARAS, "Un tranvía en las cocheras"),
        (IT_PARAS, "Un tram al deposito"),
    ):
        title = "Council backs tram extension to the north"
        text = _lynx(title, "   4.2.2025", "[Home ] (BUTTON)", f"{alt} {alt}", paras=paras)
        assert _parse(text).title == title, alt


# --------------------------------------------------------------------------- late headlines

LATE_HEADLINES = (
    (EN_PARAS, "Council backs tram extension to the north", "   By Jane Doe",
     "A tram waits at the depot on a grey morning, while workers inspect the overhead lines "
     "before the first service of the day. The depot was built in the sixties and has been "
     "too small for the growing fleet for many years now."),
    (DE_PARAS, "Stadtrat stimmt für längere Straßenbahn", "   Von Erika Mustermann",
     "Eine Straßenbahn wartet an einem grauen Morgen im Depot, während Arbeiter die "
     "Oberleitung vor der ersten Fahrt des Tages prüfen. Das Depot stammt aus den sechziger "
     "Jahren und ist für die wachsende Flotte seit vielen Jahren viel zu klein."),
    (FR_PARAS, "Le conseil vote le prolongement du tramway", "   Par Marie Dupont",
     "Un tramway attend au dépôt par un matin gris, pendant que des ouvriers contrôlent "
     "les lignes aériennes avant le premier service. Le dépôt date des années soixante et il "
     "est trop petit pour la flotte depuis de nombreuses années."),
    (ES_PARAS, "El ayuntamiento aprueba ampliar el tranvía", "   Por Lucía García",
     "Un tranvía espera en las cocheras en una mañana gris, mientras los operarios revisan "
     "el tendido eléctrico antes del primer servicio. Las cocheras son de los años sesenta y "
     "se han quedado pequeñas para la flota desde hace muchos años."),
    (IT_PARAS, "Il consiglio approva il nuovo tram verso nord", "   di Giulia Bianchi",
     "Un tram attende al deposito in una mattina grigia, mentre gli operai controllano "
     "la linea aerea prima della prima corsa del giorno. Il deposito risale agli anni sessanta "
     "ed è troppo piccolo per la flotta ormai da molti anni."),
)  # fmt: skip


def test_scoring_text_headline_after_an_opening_caption_is_found_by_its_byline() -> None:
    for paras, title, byline, caption in LATE_HEADLINES:
        text = _lynx(f"   {caption}", title, byline, paras=paras)
        article = _parse(text)
        assert article.title == title, title
        assert caption not in article.text


def test_scoring_text_late_line_without_byline_is_no_headline() -> None:
    for paras, title, _, caption in LATE_HEADLINES:
        text = _lynx(f"   {caption}", title, paras=paras)
        assert _parse(text).title is None, title


def test_scoring_text_short_line_repeated_between_paragraphs_is_no_title() -> None:
    for paras, label in ((EN_PARAS, "Article content"), (DE_PARAS, "Artikel lesen"),
                         (FR_PARAS, "Contenu article"), (ES_PARAS, "Sigue leyendo"),
                         (IT_PARAS, "Continua lettura")):  # fmt: skip
        lines = ["     * Home", "     * World", ""]
        for para in paras:
            lines += [f"   {label}", "", f"   {para}", ""]
        assert _parse("\n".join(lines)).title != label, label


def test_scoring_text_headline_takes_its_kicker_separator_from_the_breadcrumb() -> None:
    for paras, kicker, headline in (
        (EN_PARAS, "Transport", "Council backs tram extension to the north"),
        (DE_PARAS, "Nahverkehr", "Stadtrat stimmt für längere Straßenbahn"),
        (FR_PARAS, "Transports", "Le conseil vote le prolongement du tramway"),
        (ES_PARAS, "Movilidad", "El ayuntamiento aprueba ampliar el tranvía"),
        (IT_PARAS, "Trasporti", "Il consiglio approva il nuovo tram verso nord"),
    ):
        text = _lynx(f"     * {kicker}: {headline}", f"{kicker} {headline}", paras=paras)
        assert _parse(text).title == f"{kicker}: {headline}", headline
        # a different line with the same first words is not the headline
        text = _lynx(f"     * {kicker}: {headline} today", f"{kicker} {headline}", paras=paras)
        assert _parse(text).title == f"{kicker} {headline}", headline


SLUG_HEADLINES = (
    (EN_PARAS, "Northern districts get their tram at last",
     "City council voted to expand the tram network",
     "https://news.example/2025/02/04/northern-districts-get-their-tram-at-last-1234"),
    (DE_PARAS, "Endlich fährt die Bahn auch im Norden",
     "Stadtrat hat beschlossen, das Straßenbahnnetz zu verlängern",
     "https://zeitung.example/lokales/endlich-faehrt-die-bahn-auch-im-norden-id4711.html"),
    (FR_PARAS, "Enfin un tram pour les quartiers du nord",
     "Le conseil municipal a voté le prolongement du tramway",
     "https://journal.example/ville/enfin-un-tram-pour-les-quartiers-du-nord_4711"),
    (ES_PARAS, "Por fin llega el tren ligero a las afueras",
     "El ayuntamiento aprobó la ampliación del tranvía",
     "https://diario.example/local/2025-02-04/por-fin-llega-el-tren-ligero-a-las-afueras.html"),
    (IT_PARAS, "Finalmente arriva la linea nei quartieri a nord",
     "Il consiglio comunale ha approvato il prolungamento del tram",
     "https://giornale.example/cronaca/finalmente-arriva-la-linea-nei-quartieri-a-nord-4711"),
)  # fmt: skip


def test_scoring_text_url_path_spelling_the_headline_picks_it() -> None:
    for paras, headline, other, url in SLUG_HEADLINES:
        text = "\n\n".join(["Home", "News", headline, "Listen", "01:53", other, "By Jane Doe",
                            *paras])  # fmt: skip
        assert _parse(text, url=url).title == headline, headline
        # an id-only path says nothing about the headline
        assert _parse(text, url="https://news.example/article/4711").title == other, other


def test_scoring_text_byline_label_alone_takes_the_name_on_the_next_line() -> None:
    for paras, title, label, name in (
        (EN_PARAS, "Council backs tram extension to the north", "Author of the article:",
         "Jane Doe"),
        (DE_PARAS, "Stadtrat stimmt für längere Straßenbahn", "Von", "Erika Mustermann"),
        (FR_PARAS, "Le conseil vote le prolongement du tramway", "Par", "Marie Dupont"),
        (ES_PARAS, "El ayuntamiento aprueba ampliar el tranvía", "Por", "Lucía García"),
        (IT_PARAS, "Il consiglio approva il nuovo tram verso nord", "di", "Giulia Bianchi"),
    ):  # fmt: skip
        dek = f"   {paras[2]}"
        article = _parse(_lynx(title, dek, f"   {label}", f"     * {name}", paras=paras))
        assert _names(article) == [name], label
        assert article.title == title
        assert name not in article.text
        # a label before a line that is no name gives no author
        article = _parse(_lynx(title, dek, f"   {label}", "   the city council", paras=paras))
        assert not article.authors, label


def test_scoring_text_bare_name_right_above_the_first_paragraph_is_the_byline() -> None:
    for paras, title, name in _per_language(
        "Jane Doe",
        "Erika Mustermann",
        "Marie Dupont",
        "Lucía García",
        "Giulia Bianchi",
    ):
        bar = ("   (BUTTON) Share", "   (BUTTON) Save", "   [placeholder.png]")
        article = _parse(_lynx(title, *bar, f"   {name}", paras=paras))
        assert _names(article) == [name], name
        # far from both the headline and the text it is no byline
        article = _parse(_lynx(title, *bar, f"   {name}", *bar, paras=paras))
        assert not article.authors, name


def test_scoring_text_dated_line_after_two_paragraphs_is_no_headline() -> None:
    for paras, heading, dateline in (
        (EN_PARAS, "What the council decided on Tuesday", "   February 4, 2025"),
        (DE_PARAS, "Was der Stadtrat am Dienstag beschlossen hat", "   4. Februar 2025"),
        (FR_PARAS, "Ce que le conseil a décidé mardi soir", "   4 février 2025"),
        (ES_PARAS, "Lo que decidió el ayuntamiento el martes", "   4 de febrero de 2025"),
        (IT_PARAS, "Che cosa ha deciso il consiglio martedì", "   4 febbraio 2025"),
    ):
        long = (f"{paras[0]} {paras[1]}", f"{paras[1]} {paras[2]}")  # no headline shape
        body = (*long, heading, dateline.strip(), paras[2], *long)
        text = _lynx(paras=body, menu=False).replace(f"   {heading}", heading)
        assert _parse(text).title != heading, heading


def test_scoring_text_headline_above_a_long_paywall_box_is_found() -> None:
    box = tuple(f"     * Offer number {n} for new readers" for n in range(36))
    for paras, title, byline in _per_language(
        "   By Jane Doe",
        "   Von Erika Mustermann",
        "   Par Marie Dupont",
        "   Por Lucía García",
        "   di Giulia Bianchi",
    ):
        article = _parse(_lynx(title, byline, *box, paras=paras))
        assert article.title == title, title
        assert article.text.startswith(paras[0][:20])


INTERFACE_LINES = (
    (EN_PARAS, "Council backs tram extension to the north",
     "Listen to this article about the tram network"),
    (DE_PARAS, "Stadtrat stimmt für längere Straßenbahn",
     "Artikel anhören: Stadtrat und Straßenbahn"),
    (FR_PARAS, "Le conseil vote le prolongement du tramway",
     "Écouter l'article sur le tramway du nord"),
    (ES_PARAS, "El ayuntamiento aprueba ampliar el tranvía",
     "Escuchar la noticia sobre el tranvía del norte"),
    (IT_PARAS, "Il consiglio approva il nuovo tram verso nord",
     "Ascolta l'articolo sul tram verso nord"),
)  # fmt: skip


def test_scoring_text_interface_line_is_never_the_headline() -> None:
    for paras, title, ui in INTERFACE_LINES:
        text = "\n\n".join(["Home", "News", title, "Politics", "Transport", "Local", ui, *paras])
        assert _parse(text).title != ui, ui
        text = "\n\n".join(["Home", "News", title, ui, "5 min read", "By Jane Doe", *paras])
        assert _parse(text).title == title, title


def test_scoring_text_title_case_headline_with_a_dash_is_no_byline() -> None:
    for paras, title in (
        (EN_PARAS, "Tram Plans — Council Backs Extension To The Northern Districts"),
        (DE_PARAS, "Neue Trasse — Stadtrat Will Bahnen Für Den Ganzen Norden"),
        (FR_PARAS, "Grand Projet — Le Conseil Vote Le Tramway Du Nord"),
        (ES_PARAS, "Gran Proyecto — El Ayuntamiento Aprueba Ampliar El Tranvía"),
        (IT_PARAS, "Grande Progetto — Il Consiglio Approva Il Tram Verso Nord"),
    ):
        article = _parse(_lynx(title, paras=paras))
        assert not article.authors, title
        assert article.title == title, title
    article = _parse(_lynx("Council backs tram extension to the north",
                           "   Jane Doe — Transport Correspondent"))  # fmt: skip
    assert _names(article) == ["Jane Doe"]


def test_scoring_text_printed_markup_lines_are_not_body() -> None:
    markup = (
        "[MATH: <semantics> <mrow class='ord'> <mi> A </mi> "
        "<mo> = </mo> <mi> B </mi> </mrow> :MATH]"
    )
    for paras in (EN_PARAS, DE_PARAS, FR_PARAS, ES_PARAS, IT_PARAS):
        body = (paras[0], markup, paras[1], markup, paras[2])
        text = _parse(_lynx("Council backs tram extension to the north", paras=body)).text
        assert "semantics" not in text
        assert text.startswith(paras[0][:30]) and paras[2][:30] in text
    named = (
        "Every picture on the page sits in a <figure> element with an <img> inside it, as before."
    )
    text = _parse(_lynx("Pictures", paras=(*EN_PARAS, named))).text
    assert "<figure>" in text


def test_scoring_text_reader_comments_end_the_body() -> None:
    for paras, label in (
        (EN_PARAS, "There are 13 comments"),
        (DE_PARAS, "Kommentare (12)"),
        (FR_PARAS, "12 commentaires"),
        (ES_PARAS, "Comentarios (12)"),
        (IT_PARAS, "Lascia un commento"),
    ):
        comments = (
            "I fully agree with this, and I hope the new line will also stop at our school.",
            "Ten years of talk and still no tram: I will believe it when it agrees with the plan.",
        )
        body = (*paras, label, *comments)
        text = _parse(_lynx("Council backs tram extension to the north", paras=body)).text
        assert "agree with this" not in text, label
        assert paras[2][:30] in text


def test_scoring_text_media_label_is_no_byline() -> None:
    _assert_labels_are_no_bylines(
        "Video News",
        "Audio Politik",
        "Vidéo Politique",
        "Galería Madrid",
        "Video Sport",
    )


def test_scoring_text_interface_line_inside_the_text_is_not_body() -> None:
    for paras, title, ui in INTERFACE_LINES:
        line = f"{ui}: 'A tram at the depot on a grey morning, seen from the bridge'"
        body = (paras[0], line, paras[1], paras[2])
        text = _parse(_lynx(title, paras=body)).text
        assert ui not in text, ui
        assert paras[2][:30] in text


def test_scoring_text_organisation_name_is_no_headline() -> None:
    for paras, title, org, date in (
        (EN_PARAS, "Council backs tram extension to the north", "The Northern Tram Gazette",
         "February 4, 2025"),
        (DE_PARAS, "Stadtrat stimmt für längere Straßenbahn", "Straßenbahn Presse-Agentur",
         "4. Februar 2025"),
        (FR_PARAS, "Le conseil vote le prolongement du tramway", "Agence Tramway Presse",
         "4 février 2025"),
        (ES_PARAS, "El ayuntamiento aprueba ampliar el tranvía", "Agencia Tranvía Norte",
         "4 de febrero de 2025"),
        (IT_PARAS, "Il consiglio approva il nuovo tram verso nord", "Agenzia Tram Nord",
         "4 febbraio 2025"),
    ):  # fmt: skip
        text = "\n\n".join(["Home", "News", title, "Politics", "Transport", "Local", org, date,
                            *paras])  # fmt: skip
        assert _parse(text).title != org, org


def test_scoring_text_section_label_opening_with_a_label_word_is_no_byline() -> None:
    _assert_labels_are_no_bylines(
        "All Programmes",
        "Artikel Vorlesen",
        "Article Abonné",
        "Artículo Patrocinado",
        "Articolo Sponsorizzato",
    )


def test_scoring_text_byline_behind_a_picture_placeholder() -> None:
    for paras, title, name in _per_language(
        "Jane Doe",
        "Erika Mustermann",
        "Marie Dupont",
        "Lucía García",
        "Giulia Bianchi",
    ):
        article = _parse(_lynx(title, f"   [portrait-small] {name}", paras=paras))
        assert _names(article) == [name], name


def test_scoring_text_recommended_box_inside_the_article_keeps_the_text_above_it() -> None:
    for paras, label in (
        (EN_PARAS, "Recommended"),
        (DE_PARAS, "Empfehlungen"),
        (FR_PARAS, "Nos recommandations"),
        (ES_PARAS, "Te recomendamos"),
        (IT_PARAS, "Consigliati per te"),
    ):
        above = (f"{paras[0]} {paras[1]} {paras[2]}", f"{paras[2]} {paras[1]} {paras[0]}")
        below = tuple(f"{p} {q}" for p in paras for q in paras if p != q)
        lines = ["     * Home", "", "Council backs tram extension to the north", ""]
        for para in above:
            lines += [f"   {para}", ""]
        lines += [label, "", "     * Another story about buses", "     * A third story", ""]
        for para in below:
            lines += [f"   {para}", ""]
        text = _parse("\n".join(lines)).text
        assert text.startswith(above[0]), label
        assert "Another story" not in text, label
        assert below[-1][:40] in text, label


def test_scoring_text_label_opening_with_an_article_is_no_byline() -> None:
    _assert_labels_are_no_bylines(
        "The Morning Briefing",
        "Zur Playlist Hinzufügen",
        "Aux Abonnés Uniquement",
        "Los Más Leídos",
        "Gli Ultimi Articoli",
    )


def test_scoring_text_byline_label_alone_takes_one_author_per_line() -> None:
    for paras, title, label, names in (
        (EN_PARAS, "Council backs tram extension to the north", "By", ("Jane Doe", "John Roe")),
        (DE_PARAS, "Stadtrat stimmt für längere Straßenbahn", "Von",
         ("Erika Mustermann", "Max Mustermann")),
        (FR_PARAS, "Le conseil vote le prolongement du tramway", "Par",
         ("Marie Dupont", "Jean Martin")),
        (ES_PARAS, "El ayuntamiento aprueba ampliar el tranvía", "Por",
         ("Lucía García", "Pedro Sánchez")),
        (IT_PARAS, "Il consiglio approva il nuovo tram verso nord", "di",
         ("Giulia Bianchi", "Marco Rossi")),
    ):  # fmt: skip
        lines = (title, f"   {label}", *(f"   {n}" for n in names), "   04.02.2025")
        article = _parse(_lynx(*lines, paras=paras))
        assert _names(article) == list(names), label
        assert names[1] not in article.text


ALT_AND_CAPTION = (
    (EN_PARAS, "Council backs tram extension to the north",
     "A tram waits at the depot on a grey morning", "(Jane Roe)"),
    (DE_PARAS, "Stadtrat stimmt für längere Straßenbahn",
     "Eine Straßenbahn wartet an einem grauen Morgen im Depot", "Foto: Erika Mustermann"),
    (FR_PARAS, "Le conseil vote le prolongement du tramway",
     "Un tramway attend au dépôt par un matin gris", "(Marie Dupont)"),
    (ES_PARAS, "El ayuntamiento aprueba ampliar el tranvía",
     "Un tranvía espera en las cocheras en una mañana gris", "(Lucía García)"),
    (IT_PARAS, "Il consiglio approva il nuovo tram verso nord",
     "Un tram attende al deposito in una mattina grigia", "(Giulia Bianchi)"),
)  # fmt: skip


def test_scoring_text_picture_alt_text_and_caption_are_no_headline() -> None:
    for paras, title, alt, credit in ALT_AND_CAPTION:
        text = "\n\n".join(["Home", title, alt, f"{alt}. {credit}",
                            "By Jane Doe", *paras])  # fmt: skip
        assert _parse(text).title == title, title


def test_scoring_text_news_label_is_no_byline() -> None:
    _assert_labels_are_no_bylines(
        "News Roundup",
        "Nachrichten Überblick",
        "Actualités Locales",
        "Noticia Relacionada",
        "Notizie Correlate",
    )


def test_scoring_text_line_after_a_complete_header_is_no_headline() -> None:
    for paras, title, byline, date, caption in (
        (EN_PARAS, "Trams for the north", "By Jane Doe", "February 4, 2025",
         "Drawing of the new tram line and the council building at night"),
        (DE_PARAS, "Straßenbahn für den Norden", "Von Erika Mustermann", "4. Februar 2025",
         "Zeichnung der neuen Straßenbahnlinie und des Rathauses bei Nacht"),
        (FR_PARAS, "Un tramway pour le nord", "Par Marie Dupont", "4 février 2025",
         "Dessin de la nouvelle ligne de tramway et de la mairie la nuit"),
        (ES_PARAS, "Un tranvía para el norte", "Por Lucía García", "4 de febrero de 2025",
         "Dibujo de la nueva línea del tranvía y del ayuntamiento de noche"),
        (IT_PARAS, "Un tram per il nord", "di Giulia Bianchi", "4 febbraio 2025",
         "Disegno della nuova linea del tram e del municipio di notte"),
    ):  # fmt: skip
        text = "\n\n".join(["Home", title, byline, date, paras[0], "Save", caption,
                            *paras[1:], paras[0]])  # fmt: skip
        assert _parse(text).title == title, title


@pytest.mark.parametrize(
    ("title", "byline", "expected"),
    [
        ("Stadtrat stimmt für längere Straßenbahn", "Von dpa", ["dpa"]),
        ("Council backs longer tram line", "By The Associated Press", ["The Associated Press"]),
        ("Le conseil vote l'extension du tramway", "Par AFP", ["AFP"]),
    ],
)
def test_scoring_text_labelled_agency_byline_gives_the_agency(
    title: str, byline: str, expected: list[str]
) -> None:
    text = "\n\n".join(
        [
            title,
            byline,
            "4 February 2025",
            "The city council voted on Tuesday to extend the tram network to the northern "
            "districts, a project that has been debated for more than ten years.",
            "Supporters say the new line will halve travel times, while critics point to "
            "gaps in the budget that have not yet been closed.",
        ]
    )
    article = _parse(text)
    assert [p.name for p in article.authors] == expected


def test_scoring_text_bare_name_next_to_a_dateline_far_below_the_headline() -> None:
    # a question headline that starts the run of text, a standfirst, picture and share
    # lines, then "name / place-date" above the body: the dateline is found in the wide
    # window, and the bare name on the line next to it is the byline
    for paras, name in (
        (EN_PARAS, "Jane Doe"),
        (DE_PARAS, "Erika Mustermann"),
        (ES_PARAS, "Lucía García"),
        (IT_PARAS, "Giulia Bianchi"),
    ):
        title = "Will the city council finally extend the tram network to the northern districts?"
        head = ["     * Home", "     * World", "", f"   {title}", "", f"   {paras[1]}", ""]
        head += [f"   Short line {n}" for n in range(1, 8)]
        head += ["", f"   {name}", "", "   Madrid-29/05/2025 20:00", ""]
        article = _parse(_dump(head, paras))
        assert _names(article) == [name], name
        assert article.published == dt.datetime(2025, 5, 29, 20, 0), name


def test_scoring_text_bare_name_next_to_a_date_after_the_body_is_no_byline() -> None:
    # a teaser card after the article: headline, date, section name
    tail = (
        "Related",
        "",
        "Harbour reopens after the storm",
        "",
        "   12 Jan 2024",
        "   North West Wales",
        "",
    )
    paras = EN_PARAS + tuple(reversed(EN_PARAS))
    page = _dump(["Council backs tram extension to the north", ""], paras, tail)
    assert _names(_parse(page)) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("jane doe.jpg Von Jane Doe 04.02.2025, 18:11 Uhr", ["Jane Doe"]),
        ("portrait-marie-dupont.png Par Marie Dupont", ["Marie Dupont"]),
    ],
)
def test_scoring_text_portrait_file_name_before_a_byline_is_residue(
    line: str, expected: list[str]
) -> None:
    article = _parse(_lynx("Council backs tram extension to the north", f"   {line}"))
    assert _names(article) == expected


@pytest.mark.parametrize(
    ("paras", "signature", "expected"),
    [
        (EN_PARAS, "Jane Doe", ["Jane Doe"]),
        (DE_PARAS, "dpa", ["dpa"]),
        (FR_PARAS, "Marie Dupont", ["Marie Dupont"]),
        (IT_PARAS, "Giulia Bianchi", ["Giulia Bianchi"]),
    ],
)
def test_scoring_text_name_signed_under_the_article_is_the_author(
    paras: tuple[str, ...], signature: str, expected: list[str]
) -> None:
    tail = (f"   {signature}", "", "   © 2025 Example Media. All rights reserved.")
    article = _parse(_dump(["Council backs tram extension to the north", ""], paras, tail))
    assert _names(article) == expected
    assert signature not in article.text.split("\n")


def test_scoring_text_signature_is_not_read_when_the_byline_names_someone() -> None:
    head = ["Council backs tram extension to the north", "", "   By Jane Doe", ""]
    page = _dump(head, EN_PARAS, ("   John Roe", ""))
    assert _names(_parse(page)) == ["Jane Doe"]


@pytest.mark.parametrize(
    ("paras", "counter"),
    [(EN_PARAS, "{k}/5"), (DE_PARAS, "{k} von 5"), (EN_PARAS, "{k} of 5")],
)
def test_scoring_text_picture_gallery_after_the_article_is_not_body(
    paras: tuple[str, ...], counter: str
) -> None:
    tail = ["Pictures of the week", ""]
    for k in range(1, 6):
        tail += [
            f"{counter.format(k=k)} Slide title number {k}",
            "",
            f"   A long caption for picture {k} that describes the scene at length, as "
            "galleries do, with the names of the people shown and the place.",
            "",
        ]
    text = _parse(_dump(["Council backs tram extension to the north", ""], paras, tuple(tail))).text
    assert text.startswith(paras[0])
    assert "Slide title" not in text
    assert "A long caption" not in text


def test_scoring_text_two_numbered_lines_are_no_gallery() -> None:
    lines = ["Council backs tram extension to the north", ""]
    for k, para in enumerate(EN_PARAS, 1):
        lines += [f"   {k}/2 {para}" if k < 3 else f"   {para}", ""]
    assert "1/2 The city council" in _parse("\n".join(lines)).text


@pytest.mark.parametrize(
    ("paras", "org_line", "person_line", "expected"),
    [
        (EN_PARAS, "by Harbour TimesMay 2, 2025", "Jane Doe/John Roe", ["Jane Doe", "John Roe"]),
        (DE_PARAS, "Von dpa", "Erika Mustermann", ["Erika Mustermann"]),
        (FR_PARAS, "Par AFP", "Marie Dupont", ["Marie Dupont"]),
    ],
)
def test_scoring_text_person_above_the_text_beats_an_organisation_under_the_headline(
    paras: tuple[str, ...], org_line: str, person_line: str, expected: list[str]
) -> None:
    head = [
        "Council backs tram extension to the north",
        "",
        f"   {org_line}",
        "",
        "   Share",
        "",
        "   A standfirst line without a full stop",
        "",
        f"   {person_line}",
        "",
    ]
    assert _names(_parse(_dump(head, paras))) == expected


def test_scoring_text_organisation_byline_stays_when_no_person_is_named() -> None:
    page = _dump(["Council backs tram extension to the north", "", "   Von dpa", ""], DE_PARAS)
    assert _names(_parse(page)) == ["dpa"]


def test_scoring_text_kind_of_piece_label_alone_takes_the_name_below() -> None:
    # "Kolumne von" / "Column by" alone, the name on the next line; a section name
    # nearer to the headline is not the byline
    for paras, title, label, name in (
        (EN_PARAS, "Council backs tram extension to the north", "A column by", "Jane Doe"),
        (DE_PARAS, "Stadtrat stimmt für längere Straßenbahn", "Kolumne von", "Erika Mustermann"),
        (FR_PARAS, "Le conseil vote le prolongement du tramway", "Une chronique de",
         "Marie Dupont"),
        (ES_PARAS, "El ayuntamiento aprueba ampliar el tranvía", "Columna de", "Lucía García"),
        (IT_PARAS, "Il consiglio approva il nuovo tram verso nord", "Commento di",
         "Giulia Bianchi"),
    ):  # fmt: skip
        head = [
            "     * Harbour Gate",
            "",
            title,
            "",
            f"   {paras[2]}",
            "",
            f"   {label}",
            f"   {name}",
            "",
            "     * (BUTTON) Listen",
            "",
            "   Print",
            "",
            "   Share",
            "",
            "   Font size",
            "",
        ]
        assert _names(_parse(_dump(head, paras))) == [name], label


def test_scoring_text_a_lone_counter_before_a_gallery_is_not_part_of_it() -> None:
    stream = tokenize_text(
        "7/5 A line that only looks like a counter\n\n"
        + "".join(f"{k}/5 Slide {k}\n\n   Caption {k}.\n\n" for k in range(1, 4))
    )
    texts = [stream.tokens[i].text for i in _gallery_slides(stream.tokens)]
    assert texts == [
        "1/5 Slide 1",
        "Caption 1.",
        "2/5 Slide 2",
        "Caption 2.",
        "3/5 Slide 3",
        "Caption 3.",
    ]


def _title_by_scoring_all(
    page: st._Page, candidates: list[int], terms: object
) -> tuple[int | None, bool]:
    """The reference for ``_best_title``: score every candidate, rank, skip organisations."""
    scored = [
        (st._title_score(page, i, st._title_evidence(page, i, terms)), i)  # type: ignore[arg-type]
        for i in candidates
        if not st._not_a_title(page, i)
    ]
    ranked = sorted((c for c in scored if c[0] > st.TITLE_MIN_SCORE), key=lambda c: (-c[0], c[1]))
    for _, i in ranked[: st.MAX_ORGANIZATION_CHECKS]:
        if not st._organization_name(page.tokens[i].text):
            return i, True
    return None, bool(ranked)


TITLE_SEARCH_PAGES = (
    _lynx("The Example Times", "Council backs tram extension to the north", "   By Jane Doe"),
    _lynx(
        "Politics and Business Today",
        "Weather warning for the coast tonight",
        "The Example Times",
        "Council backs tram extension to the north",
        "   February 4, 2025",
    ),
    _lynx("Local News", "Tram plan", "Council backs tram extension", "Example Media Group Ltd"),
    _lynx(
        "Stadtrat stimmt für längere Straßenbahn",
        "Die Nachrichten des Tages im Überblick",
        "   Von Erika Muster",
        paras=DE_PARAS,
    ),
    "\n".join(
        ["Most read stories this week", "", "Example News Network", ""]
        + [f"Headline number {n} about the city council" for n in range(8)]
        + ["", "Council backs tram extension to the north", "", "Jane Doe", ""]
        + [f"   {p}\n" for p in EN_PARAS]
    ),
)


HEADER_LINES = (
    "Council backs tram extension to the north",
    "Weather warning for the coast tonight",
    "The Example Times",
    "Example Media Group Ltd",
    "Politics and Business Today",
    "Why the new tram line matters for commuters",
    "Tram plan",
    "Local News",
    "   By Jane Doe",
    "Jane Doe",
    "   February 4, 2025",
    "Updated 2 hours ago",
    "# Council backs tram extension",
    "## What happens next",
    "Supporters and critics clash over the cost.",
    "     * Home",
    "     * Sport",
    "Photo: Example Agency",
    "   The council voted for a longer tram line after a long debate about its cost.",
    "   Commuters in the northern districts have waited for this decision for years.",
)


def _random_pages(count: int) -> list[str]:
    """Invented dumps: header lines drawn at random, in random order, above the prose."""
    rng = random.Random(7)
    pages = []
    for _ in range(count):
        head = [rng.choice(HEADER_LINES) for _ in range(rng.randint(2, 14))]
        lines = [x for line in head for x in (line, "")]
        paras = list(EN_PARAS)
        rng.shuffle(paras)
        if rng.random() < 0.5:  # a line between the paragraphs
            paras.insert(1, rng.choice(HEADER_LINES).strip())
        pages.append("\n".join(lines + [f"   {p}\n" for p in paras]))
    return pages


@pytest.mark.skipif(
    COMPILED, reason="watches _best_title by replacing it: compiled callers do not look it up"
)
def test_title_search_by_bounds_equals_scoring_every_candidate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``_best_title`` scores candidates best bound first and stops when no bound can
    beat the best score: its answer must be that of scoring every candidate, on pages
    where the candidate with the best bound is not the best one, too."""
    searched: list[int] = []
    wrong: list[tuple[object, object]] = []
    reordered = 0
    real = st._best_title

    def checked(page: st._Page, candidates: list[int], terms: object) -> tuple[int | None, bool]:
        nonlocal reordered
        found = real(page, candidates, terms)  # type: ignore[arg-type]
        expected = _title_by_scoring_all(page, candidates, terms)
        if found != expected:  # (parse turns an exception in scoring into a warning)
            wrong.append((found, expected))
        bounds = [(st._title_bound(st._title_evidence(page, i, terms)), i) for i in candidates]  # type: ignore[arg-type]
        if found[0] is not None and found[0] != max(bounds, key=lambda c: (c[0], -c[1]))[1]:
            reordered += 1
        searched.append(len(candidates))
        return found

    monkeypatch.setattr(st, "_best_title", checked)
    titles = [_parse(page).title for page in TITLE_SEARCH_PAGES]
    for page in _random_pages(300):
        _parse(page)
    assert not wrong
    assert max(searched) >= 8  # pages with many headline-shaped lines were searched
    assert reordered >= 20  # … and pages where the best bound was not the best line
    assert titles[0] == titles[1] == "Council backs tram extension to the north"
    assert titles[3] == "Stadtrat stimmt für längere Straßenbahn"


def test_title_bound_is_never_below_the_score() -> None:
    """The bound that lets ``_best_title`` skip candidates holds for every line scored."""
    seen = 0
    for page_text in TITLE_SEARCH_PAGES:
        stream = tokenize_text(page_text)
        tokens = stream.tokens
        hints = st._classify_all(tokens)
        prose = [st._prose_chars(t, TextScoringConfig()) for t in tokens]
        page = st._Page(tokens, hints, TextScoringConfig(), None, 0, len(tokens) - 1, 3)
        page.prose_chars = prose
        terms = st._body_terms(page)
        for i, token in enumerate(tokens):
            if token.text and st._title_shape(token):
                bound = st._title_bound(st._title_evidence(page, i, terms))
                score = st._title_score(page, i, st._title_evidence(page, i, terms))
                assert score <= bound + st.TITLE_SCORE_MARGIN
                seen += 1
    assert seen >= 20


# ------------------------------------------------------------- one author per line


@pytest.mark.parametrize(
    ("names", "dateline"),
    [
        (("Jane Doe", "John Roe"), "Published Tuesday 4 February 2025 - 13:26"),
        (("Kari Nordmann", "Ola Hansen Berg"), "Publisert tirsdag 04. februar 2025 - 13:26"),
        (("Jane Doe – Reporter", "John Roe – Reporter in Paris"), "Published 04.02.2025, 13.05"),
    ],
)
def test_scoring_text_unlabelled_names_one_per_line_are_all_authors(
    names: tuple[str, str], dateline: str
) -> None:
    head = ["Council backs tram extension to the north", "",
            "   A tram crosses the river bridge at dusk. Photo: Example Transit", "",
            f"    {names[0]}", "", f"    {names[1]}", "", f"   {dateline}", ""]  # fmt: skip
    article = _parse(_dump(head))
    expected = [n.split(" – ")[0] for n in names]
    assert _names(article) == expected
    assert article.published is not None
    assert not any(n in article.text for n in expected)


def test_scoring_text_names_one_per_line_stop_at_interface_and_organisation_lines() -> None:
    for neighbour in ("(BUTTON) Merken (BUTTON) Teilen", "[img] Print [img] Mail",
                      "The Example Times"):  # fmt: skip
        head = ["Council backs tram extension to the north", "", "    Jane Doe", "",
                f"    {neighbour}", "", "   4 February 2025", ""]  # fmt: skip
        assert _names(_parse(_dump(head))) == ["Jane Doe"], neighbour


def test_scoring_text_residue_between_names_separates_them() -> None:
    """Text-browser residue between words (each author's portrait, a button) separates
    byline fields: the names on either side are read apart, not as one long name."""
    for line in ("[portrait-roe] Jane Roe [portrait-doe] John Doe 4 February 2025, 17:46",
                 "(IMG) Jane Roe (IMG) John Doe 4 February 2025, 17:46"):  # fmt: skip
        head = ["Council backs tram extension to the north", "", f"   {line}", ""]
        assert _names(_parse(_dump(head))) == ["Jane Roe", "John Doe"], line


def test_scoring_text_alt_text_above_its_caption_is_no_byline() -> None:
    """A picture's alt text whose words the caption under it repeats is not a bare
    byline, though it parses as names; a bare byline above a paragraph that repeats only
    some of its words still is."""
    for alt, caption in (
        ("Mayor Anna Berger", "Mayor Anna Berger opens the new tram depot in the northern "
                              "district on Monday morning. Photo: Example Transit"),
        ("Novelist Tom Hale", "Tom Hale, the novelist, at his home by the lake, where he "
                              "wrote most of his books."),
    ):  # fmt: skip
        head = ["Council backs tram extension to the north", "", f"   {alt}", "",
                f"   {caption}", "", "   4 February 2025", ""]  # fmt: skip
        assert _names(_parse(_dump(head))) == [], alt
    head = ["Council backs tram extension to the north", "", "   Jane Doe", "",
            "   Doe has covered the city council for the Example Times since the last "
            "election and reports on transport.", "", "   4 February 2025", ""]  # fmt: skip
    assert _names(_parse(_dump(head))) == ["Jane Doe"]


def test_scoring_text_alt_text_under_a_bare_byline_does_not_join_it() -> None:
    head = ["Council backs tram extension to the north", "", "    Jane Doe", "",
            "    Mayor Anna Berger", "",
            "   Mayor Anna Berger opens the new tram depot in the northern district on "
            "Monday morning. Photo: Example Transit", "", "   4 February 2025", ""]  # fmt: skip
    assert _names(_parse(_dump(head))) == ["Jane Doe"]
