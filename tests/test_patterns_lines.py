"""Tests of articlekit.patterns.lines: boilerplate line hints."""

from __future__ import annotations

import re

import pytest

from articlekit.patterns import Hint, classify, editors_from_line, has_hint
from articlekit.patterns import lines as lines_module

ONE_MB = 1_000_000

CASES: list[tuple[str, Hint]] = [
    # skip links
    ("Skip to content", Hint.SKIP_LINK),
    ("Skip to main content", Hint.SKIP_LINK),
    ("Zum Inhalt springen", Hint.SKIP_LINK),
    ("Zur Hauptnavigation springen", Hint.SKIP_LINK),
    ("Aller au contenu", Hint.SKIP_LINK),
    ("Ir al contenido principal", Hint.SKIP_LINK),
    ("Vai al contenuto", Hint.SKIP_LINK),
    ("* Zum Inhalt / Zur Navigation", Hint.SKIP_LINK),
    # advertisements
    ("Advertisement", Hint.ADVERTISEMENT),
    ("Anzeige", Hint.ADVERTISEMENT),
    ("Werbung", Hint.ADVERTISEMENT),
    ("Publicité", Hint.ADVERTISEMENT),
    ("Publicidad", Hint.ADVERTISEMENT),
    ("Pubblicità", Hint.ADVERTISEMENT),
    ("Sponsored", Hint.ADVERTISEMENT),
    ("Story continues below advertisement", Hint.ADVERTISEMENT),
    ("Story continues below", Hint.ADVERTISEMENT),
    (
        "This advertisement has not loaded yet, but your article continues below.",
        Hint.ADVERTISEMENT,
    ),
    ("Annonsørinnhold", Hint.ADVERTISEMENT),
    ("Реклама:", Hint.ADVERTISEMENT),
    ("Anuncio", Hint.ADVERTISEMENT),
    ("Annuncio", Hint.ADVERTISEMENT),
    ("Anzeigen", Hint.ADVERTISEMENT),
    # share bars
    ("Share", Hint.SHARE),
    ("Teilen", Hint.SHARE),
    ("Partager", Hint.SHARE),
    ("Compartir", Hint.SHARE),
    ("Condividi", Hint.SHARE),
    ("Share on Facebook", Hint.SHARE),
    ("Tweet", Hint.SHARE),
    ("Copy link", Hint.SHARE),
    ("Facebook Twitter WhatsApp E-Mail", Hint.SHARE),
    ("Teilen | Drucken | Link kopieren", Hint.SHARE),
    # subscribe prompts
    ("Sign up for our morning newsletter", Hint.SUBSCRIBE),
    ("Jetzt den Newsletter abonnieren", Hint.SUBSCRIBE),
    ("Abonnez-vous pour lire la suite", Hint.SUBSCRIBE),
    ("Esta función es solo para suscriptores", Hint.SUBSCRIBE),
    ("Sie sind bereits Kunde?", Hint.SUBSCRIBE),
    ("Suscríbete a nuestro boletín", Hint.SUBSCRIBE),
    ("Iscriviti alla newsletter", Hint.SUBSCRIBE),
    # related
    ("Related topics", Hint.RELATED),
    ("Related articles", Hint.RELATED),
    ("Read more", Hint.RELATED),
    ("Ähnliche Themen", Hint.RELATED),
    ("Mehr zum Thema", Hint.RELATED),
    ("Lesen Sie auch: Warum der Zug später kam", Hint.RELATED),
    ("À lire aussi", Hint.RELATED),
    ("Lire aussi : la grève continue", Hint.RELATED),
    ("Leer más", Hint.RELATED),
    ("Te puede interesar", Hint.RELATED),
    ("Leggi anche", Hint.RELATED),
    ("Die Redaktion empfiehlt", Hint.RELATED),
    # recommendation widgets, as text browsers print them (label and its logo's alt text)
    ("by Taboola by Taboola", Hint.RELATED),
    ("Promoted Links Promoted Links", Hint.RELATED),
    ("Recommended by Outbrain", Hint.RELATED),
    ("You May Like", Hint.RELATED),
    ("MORE FOR YOU", Hint.RELATED),
    ("Around The Web", Hint.RELATED),
    # cookies
    ("We use cookies to give you a better experience.", Hint.COOKIE),
    ("Diese Website verwendet Cookies.", Hint.COOKIE),
    ("Nous utilisons des cookies pour améliorer votre expérience.", Hint.COOKIE),
    ("Utilizamos cookies propias y de terceros.", Hint.COOKIE),
    ("Questo sito utilizza cookie tecnici.", Hint.COOKIE),
    ("Accept all", Hint.COOKIE),
    ("Alle akzeptieren", Hint.COOKIE),
    # footers
    ("© 2025 Example Media Group", Hint.FOOTER),
    ("Copyright 2024 Beispiel Verlag", Hint.FOOTER),
    ("All rights reserved.", Hint.FOOTER),
    ("Alle Rechte vorbehalten", Hint.FOOTER),
    ("Tous droits réservés", Hint.FOOTER),
    ("Impressum", Hint.FOOTER),
    ("Datenschutz", Hint.FOOTER),
    ("Privacy policy", Hint.FOOTER),
    ("Terms of use", Hint.FOOTER),
    ("Impressum | Datenschutz | Kontakt", Hint.FOOTER),
    ("Mentions légales", Hint.FOOTER),
    # editors
    ("Edited by: Jane Roe", Hint.EDITORS),
    ("Editor: John Poe", Hint.EDITORS),
    ("Redaktion: Max Beispiel", Hint.EDITORS),
    ("Redigiert von: Erika Muster", Hint.EDITORS),
    ("Édité par Luc Bernard", Hint.EDITORS),
    ("Editado por Lucía Torres", Hint.EDITORS),
    ("A cura di Giulia Romano", Hint.EDITORS),
    # notices
    ("This article will be updated as news comes in.", Hint.NOTICE),
    ("This story has been updated to add a statement.", Hint.NOTICE),
    ("Correction: a previous version gave the wrong year.", Hint.NOTICE),
    ("Editor's note: some names were changed.", Hint.NOTICE),
    ("Editor’s note: some names were changed.", Hint.NOTICE),
    ("Dieser Artikel wird laufend aktualisiert.", Hint.NOTICE),
    ("Der Artikel wurde am Abend aktualisiert.", Hint.NOTICE),
    ("Cet article a été mis à jour.", Hint.NOTICE),
    ("Este artículo se actualizará con más información.", Hint.NOTICE),
    ("Questo articolo sarà aggiornato.", Hint.NOTICE),
    ("Dieser Artikel wird im Laufe des Abends aktualisiert.", Hint.NOTICE),
    # feedback
    ("Send us your feedback", Hint.FEEDBACK),
    ("Schicken Sie uns Ihr Feedback!", Hint.FEEDBACK),
    ("Signaler une erreur", Hint.FEEDBACK),
    # javascript
    ("You need to enable JavaScript to view this page.", Hint.JAVASCRIPT),
    ("Bitte aktivieren Sie JavaScript in Ihrem Browser.", Hint.JAVASCRIPT),
    ("JavaScript est désactivé dans votre navigateur.", Hint.JAVASCRIPT),
]


@pytest.mark.parametrize(("text", "hint"), CASES, ids=[c[0][:40] for c in CASES])
def test_lines_classify_recognises_furniture(text: str, hint: Hint) -> None:
    assert hint in classify(text)
    assert has_hint(text, hint)
    assert getattr(lines_module, f"is_{hint.value}")(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the share price rose sharply on Monday.",
        "Share prices fell for a third day.",
        "Der Minister sagte, man werde das Gesetz im Herbst ändern.",
        "Related to this, the council also voted on the budget.",
        "You may like the new tram line less than the old bus.",
        "Around the web, readers argued about the result for days.",
        "Le gouvernement a présenté son budget mercredi.",
        "El alcalde inauguró el nuevo puente el martes.",
        "Il sindaco ha inaugurato il ponte martedì.",
        "The editor of the local paper retired after forty years.",
        "",
        "   ",
    ],
)
def test_lines_classify_leaves_content_alone(text: str) -> None:
    assert classify(text) == frozenset()


def test_lines_hints_compare_equal_to_their_names() -> None:
    assert classify("Advertisement") & {"advertisement"} == {"advertisement"}
    assert {h.value for h in Hint} >= {
        "skip_link",
        "advertisement",
        "share",
        "subscribe",
        "related",
        "cookie",
        "footer",
        "editors",
        "notice",
        "feedback",
        "javascript",
    }


def test_lines_long_paragraph_is_not_whole_line_furniture() -> None:
    text = "Share " * 200
    assert Hint.SHARE not in classify(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Edited by: Jane Roe", ("Jane Roe",)),
        ("Editor: John Poe and Ada Lin", ("John Poe", "Ada Lin")),
        ("Redaktion: Max Beispiel", ("Max Beispiel",)),
        ("Redigiert von: Erika Muster", ("Erika Muster",)),
        ("Édité par Luc Bernard", ("Luc Bernard",)),
        ("Editado por Lucía Torres y Pablo Ruiz", ("Lucía Torres", "Pablo Ruiz")),
        ("A cura di Giulia Romano", ("Giulia Romano",)),
        ("* Edited by: JANE ROE", ("Jane Roe",)),
        ("The editor said no.", ()),
        ("Redaktion", ()),
        ("", ()),
    ],
)
def test_lines_editors_from_line_returns_names(text: str, names: tuple[str, ...]) -> None:
    assert editors_from_line(text) == names


@pytest.mark.parametrize("filler", [" ", "1", ".", "Share ", "© ", "* ", "a | "])
def test_lines_huge_adversarial_input_returns(filler: str) -> None:
    text = filler * (ONE_MB // len(filler))
    assert isinstance(classify(text), frozenset)
    assert isinstance(editors_from_line(text), tuple)


@pytest.mark.parametrize(
    "text",
    [
        "Der Plan fand die Zustimmung des Parlaments.",
        "The board gave its consent to the merger on Friday.",
        "Le texte a obtenu le consentement des syndicats.",
        "El acuerdo cuenta con el consentimiento del gobierno.",
    ],
)
def test_lines_consent_in_news_is_not_a_cookie_prompt(text: str) -> None:
    assert Hint.COOKIE not in classify(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mit Ihrer Zustimmung werden Daten an Drittanbieter übermittelt.",
        "By clicking accept you allow our partners to process personal data.",
        "En cliquant, vous acceptez le partage de données avec nos partenaires tiers.",
    ],
)
def test_lines_consent_with_data_words_is_a_cookie_prompt(text: str) -> None:
    assert Hint.COOKIE in classify(text)


def _phrase_rule_lines() -> list[str]:
    """Every phrase of the phrase-list rules, as written, in Title Case, in capitals and
    with a trailing separator, plus lines that start like a phrase and go on."""
    found: list[str] = []
    for phrases in PHRASE_LISTS:
        for phrase in phrases.words:
            found += [phrase, phrase.title(), phrase.upper(), f"{phrase}:", f"{phrase} more"]
    return found


PHRASE_LISTS = [
    lines_module.SKIP_PHRASES,
    lines_module.AD_PHRASES,
    lines_module.SHARE_WORDS,
    lines_module.RELATED_PHRASES,
    lines_module.FOOTER_PHRASES,
]


def test_lines_phrase_trie_matches_as_the_alternation_ignoring_case() -> None:
    # the trie, compiled without the flag, must match in a case-folded line (what the
    # rules read: ``_normalise``) exactly what an alternation of the phrases matches
    # there with re.IGNORECASE
    for phrases in PHRASE_LISTS:
        ordered = sorted(phrases.words, key=len, reverse=True)
        alternation = re.compile(
            "|".join(re.escape(p).replace(r"\ ", r"\s") for p in ordered), re.IGNORECASE
        )
        trie = re.compile(phrases.pattern)
        samples = {"", "x"}
        for w in phrases.words:
            samples |= {w, w.upper(), w.title(), w[:-1], f"{w}s", f"{w} {w}", f"x{w}"}
            samples |= {w.replace("i", "ı"), w.replace(" ", "\t"), w.replace("s", "ſ").upper()}
        for sample in {sample.casefold() for sample in samples}:
            assert bool(trie.fullmatch(sample)) == bool(alternation.fullmatch(sample)), sample
            assert bool(trie.match(sample)) == bool(alternation.match(sample)), sample


def test_lines_openings_prefilter_agrees_with_the_rules() -> None:
    # classify skips phrase rules by the line's first two characters; has_hint runs
    # each rule's pattern alone: both must agree on every phrase and on ordinary lines
    samples = [
        *_phrase_rule_lines(),
        "Ad",
        "X",
        "Ιmpressum",  # a Greek capital iota first: not ASCII, never skipped
        "ſhare",
        "The council met on Friday.",
        "1. Einleitung",
    ]
    assert len(samples) > 500
    for text in samples:
        expected = {hint for hint in Hint if has_hint(text, hint)}
        assert set(classify(text)) == expected, text
    assert Hint.SHARE in classify("Share")
    assert Hint.RELATED in classify("Lesen Sie auch: Ein anderer Artikel")


@pytest.mark.parametrize(
    "text",
    [
        "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten. Alle akzeptieren",
        "Please enable JavaScript to view the comments powered by our provider.",
        "Abonnieren Sie unseren Newsletter und erhalten Sie die wichtigsten Nachrichten.",
        "Share this article",
        "Publicité",
        "Lire aussi : la réforme des retraites",
        "The harbour authority opened the new quay on Monday after three years of work.",
        "© 2024 Example Media. Todos los derechos reservados.",
    ],
    ids=["de-cookie", "en-js", "de-subscribe", "en-share", "fr-ad", "fr-related", "prose", "es"],
)
@pytest.mark.parametrize(
    "only",
    [frozenset({"cookie", "javascript", "subscribe"}), frozenset({"share"}), frozenset()],
    ids=["prompts", "share", "none"],
)
def test_patterns_lines_classify_only_is_the_intersection(text: str, only: frozenset[str]) -> None:
    assert classify(text, only=only) == classify(text) & only
