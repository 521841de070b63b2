"""Generic raw-text scoring: text → ``Article`` header fields and body (own fixtures)."""

from __future__ import annotations

import datetime as dt

import articlekit
from articlekit import Article
from articlekit.options import TextScoringConfig
from articlekit.scoring.text import score_text
from articlekit.tokens.text import tokenize_text

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
