"""Behaviour of DOM bylines under the headline: labels with colons, field labels that end
a byline, a second labelled byline, and credits that are not authorship."""

from __future__ import annotations

import pytest

import articlekit
from articlekit.patterns import has_byline_label, parse_byline

PROSE = "The council met on Tuesday and agreed on the new plan for the harbour. " * 5


def _authors(header_html: str) -> list[str]:
    html = (
        "<html><body><article><h1>The council agrees on the harbour plan</h1>"
        f"{header_html}<p>{PROSE}</p></article></body></html>"
    )
    return [p.name for p in articlekit.parse(html, adapter="generic").authors]


@pytest.mark.parametrize("label", ["Von:", "By:", "Por:", "Par :", "Door:", "Di:"])
def test_bylines_label_with_a_colon_is_a_label(label: str) -> None:
    assert has_byline_label(label)
    assert has_byline_label(f"{label} Jane Roe")


def test_bylines_label_needs_a_word_boundary() -> None:
    assert not has_byline_label("Dieter Roe")
    assert not has_byline_label("Byron Roe")


@pytest.mark.parametrize(
    ("header_html", "names"),
    [
        (
            "<ul><li>Von: <a>Lina BERGER</a>, <a>Omar HADDAD</a></li>"
            "<li>Tags: <a>Hafen</a>, <a>Stadtrat</a></li></ul>",
            ["Lina Berger", "Omar Haddad"],
        ),
        (
            "<div><span>By:</span> <a>Wen Li</a></div><div><span>Filed under:</span>"
            " <a>Harbour Affairs</a></div>",
            ["Wen Li"],
        ),
        (
            "<p>Por: <a>Nuria Pons</a></p><p>Etiquetas:</p><p><a>Puerto Nuevo</a></p>",
            ["Nuria Pons"],
        ),
    ],
)
def test_bylines_next_field_label_ends_the_byline(header_html: str, names: list[str]) -> None:
    assert _authors(header_html) == names


@pytest.mark.parametrize(
    ("header_html", "name"),
    [
        (
            "<p>By <a>Syndication Hub</a></p><p>PUBLISHED:</p><p>May 3, 2024</p>"
            "<p>By Ruth Amari, Wire</p>",
            "Ruth Amari",
        ),
        (
            "<p>Von <a>Portal Nord</a></p><p>Veröffentlicht:</p><p>3. Mai 2024</p>"
            "<p>Von Jonas Keller</p>",
            "Jonas Keller",
        ),
    ],
)
def test_bylines_second_labelled_byline_is_read(header_html: str, name: str) -> None:
    assert name in _authors(header_html)


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        ("Von: Lina Berger Übersetzung und Adaptierung: Omar Haddad", ("Lina Berger",)),
        ("By Wen Li. Translated by Ruth Amari", ("Wen Li",)),
        ("Par Anne Roy, traduit par Luc Bon", ("Anne Roy",)),
        ("Por Nuria Pons. Traducción: Pau Ferrer", ("Nuria Pons",)),
        ("Di Sara Neri, traduzione: Marco Blu", ("Sara Neri",)),
        ("Dewi Lestari Editor : Agus Salim", ("Dewi Lestari",)),
    ],
)
def test_bylines_translation_and_editing_credits_are_not_authorship(
    text: str, persons: tuple[str, ...]
) -> None:
    assert parse_byline(text).persons == persons


def test_bylines_share_buttons_are_no_names() -> None:
    byline = parse_byline("By Newsroom - Oct 10, 2023 Facebook Twitter Pinterest WhatsApp")
    assert byline.persons == ()
