"""Tests of articlekit.patterns.credits: captions with glued-on credits."""

from __future__ import annotations

import random

import pytest

from articlekit.patterns import CaptionParts, clean_credit, credits, is_credit_line, split_caption
from articlekit.patterns.credits import split_name_tail

ONE_MB = 1_000_000


def test_credits_splits_glued_image_label_with_file_note() -> None:
    text = (
        "Netanyahu will be the first foreign leader to visit the White House since Donald "
        "Trump's return to power [FILE: July 2024]Image: Alex Brandon/AP/picture alliance"
    )
    assert split_caption(text) == CaptionParts(
        caption=(
            "Netanyahu will be the first foreign leader to visit the White House since "
            "Donald Trump's return to power"
        ),
        credit="Alex Brandon/AP/picture alliance",
        note="FILE: July 2024",
    )


def test_credits_splits_german_bild_label_glued_to_name() -> None:
    text = (
        "Gilt als einziger Antikriegskandidat: Boris NadeschdinBild: Mikhail Sinitsyn/TASS/"
        "dpa/picture alliance"
    )
    parts = split_caption(text)
    assert parts.caption == "Gilt als einziger Antikriegskandidat: Boris Nadeschdin"
    assert parts.credit == "Mikhail Sinitsyn/TASS/dpa/picture alliance"
    assert parts.note is None


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        (
            "A lighthouse at dusk. Photo: Jane Roe/Reuters",
            "A lighthouse at dusk.",
            "Jane Roe/Reuters",
        ),
        ("Fischer am Hafen. Foto: Erika Muster/dpa", "Fischer am Hafen.", "Erika Muster/dpa"),
        ("Der Marktplatz im Regen Bilder: Stadtarchiv", "Der Marktplatz im Regen", "Stadtarchiv"),
        ("Ein alter Bahnhof Quelle: Privat", "Ein alter Bahnhof", "Privat"),
        ("Un marché à Lyon. Crédit photo : Paul Martin", "Un marché à Lyon.", "Paul Martin"),
        ("Le vieux port. Crédits : Agence XY", "Le vieux port.", "Agence XY"),
        ("Una plaza en Sevilla. Imagen: Agencia EFE", "Una plaza en Sevilla.", "Agencia EFE"),
        ("Un barco en Vigo. Fotografía: Ana Gómez", "Un barco en Vigo.", "Ana Gómez"),
        ("Il duomo di notte Immagine: ANSA", "Il duomo di notte", "ANSA"),
        (
            "A quiet street Credit: Sam Poe for The Daily Example",
            "A quiet street",
            "Sam Poe for The Daily Example",
        ),
        ("Sunset over the bay © Example Images", "Sunset over the bay", "Example Images"),
        ("A red kite (c) Max Weber", "A red kite", "Max Weber"),
        ("Harbour cranes Copyright: Port Authority", "Harbour cranes", "Port Authority"),
        ("Ein Hund im Park Foto © Erika Muster", "Ein Hund im Park", "Erika Muster"),
        ("Crowds in the square (Photo: Jane Roe/AP)", "Crowds in the square", "Jane Roe/AP"),
        ("Die Sonne geht unter | Foto: Hans Meier", "Die Sonne geht unter", "Hans Meier"),
        (
            "Students at the gate. Photo by Handout/City School Board via Getty Images",
            "Students at the gate.",
            "Handout/City School Board via Getty Images",
        ),
        (
            "La ministre à Paris, le 3 mai. JEAN DUPONT / AFP",
            "La ministre à Paris, le 3 mai.",
            "JEAN DUPONT / AFP",
        ),
        (
            "Die Ministerin: »Wir bleiben dabei« Max Muster / dpa",
            "Die Ministerin: »Wir bleiben dabei«",
            "Max Muster / dpa",
        ),
        ("Мост через реку ночью Фото: Иван Петров", "Мост через реку ночью", "Иван Петров"),
        ("Die Brücke im Nebel Bildrechte: Sender/Eva Rot", "Die Brücke im Nebel", "Sender/Eva Rot"),
        ("Der Hafen bei Nacht Bildnachweis: Jan Weiß", "Der Hafen bei Nacht", "Jan Weiß"),
        ("Limanda bir vapur. Fotoğraf: Ayşe Kaya / AA", "Limanda bir vapur.", "Ayşe Kaya / AA"),
        ("A híd éjjel. Fotó: Kovács Anna/MTI", "A híd éjjel.", "Kovács Anna/MTI"),
        ("Το λιμάνι το πρωί. Φωτογραφία: Νίκος Παππάς", "Το λιμάνι το πρωί.", "Νίκος Παππάς"),
    ],
)
def test_credits_splits_labelled_credit_in_many_languages(
    text: str, caption: str, credit: str
) -> None:
    parts = split_caption(text)
    assert (parts.caption, parts.credit) == (caption, credit)


@pytest.mark.parametrize(
    "text",
    [
        "The image: shows a crowd gathering in the square. It was taken on a Monday.",
        "Ein Sinnbild: Menschen warten vor dem Amt auf ihre Termine",
        "The minister said the photo: was fake, and nobody believed her at all. Really?",
        "Just an ordinary caption about a harbour.",
        "Le président / la présidente a parlé longtemps devant les élus",
    ],
)
def test_credits_leaves_ordinary_captions_whole(text: str) -> None:
    parts = split_caption(text)
    assert parts.caption == text
    assert parts.credit is None


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("(Image:Some Agency via Getty Images)", "Some Agency via Getty Images"),
        ("Photo: Jane Roe", "Jane Roe"),
        ("Foto: © Max Muster", "Max Muster"),
    ],
)
def test_credits_credit_only_text_has_no_caption(text: str, credit: str) -> None:
    assert split_caption(text) == CaptionParts(caption=None, credit=credit, note=None)


def test_credits_empty_and_label_only_inputs_give_nothing() -> None:
    assert split_caption("") == CaptionParts(None, None, None)
    assert split_caption("   ") == CaptionParts(None, None, None)
    assert split_caption("Image:") == CaptionParts(None, None, None)


def test_credits_trailing_bracket_note_is_separated_without_credit() -> None:
    parts = split_caption("Workers on a roof [Archive: 2019]")
    assert parts == CaptionParts("Workers on a roof", None, "Archive: 2019")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Foto: © dpa", "dpa"),
        ("(c) AP", "AP"),
        ("Copyright: Example Images", "Example Images"),
        ("  Image:   Jane   Roe  ", "Jane Roe"),
        ("(Photo: Jane Roe)", "Jane Roe"),
        ("Foto: (Jane Roe)", "Jane Roe"),
        ("(Foto: (Jane Roe/AP))", "Jane Roe/AP"),
        ("Photo by Max Muster", "Max Muster"),
        ("©", None),
        ("", None),
        ("Bild:", None),
    ],
)
def test_credits_clean_credit_strips_labels(raw: str, expected: str | None) -> None:
    assert clean_credit(raw) == expected


@pytest.mark.parametrize("filler", [" ", "1", ".", "A", "Image: ", "a/"])
def test_credits_huge_adversarial_input_returns(filler: str) -> None:
    text = filler * (ONE_MB // len(filler))
    parts = split_caption(text)
    assert isinstance(parts, CaptionParts)
    clean_credit(text)


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        (
            "Boats in the harbour at dawn. | Jane Roe/Example Images via Getty Images",
            "Boats in the harbour at dawn.",
            "Jane Roe/Example Images via Getty Images",
        ),
        (
            "Der Zug steht still.The Associated Press",
            "Der Zug steht still.",
            "The Associated Press",
        ),
        (
            "Un mercado en Madrid.Ana Gómez / Europa Press",
            "Un mercado en Madrid.",
            "Ana Gómez / Europa Press",
        ),
        (
            "Un barco en Vigo, el 3 de mayo. Pablo Ruiz (REUTERS)",
            "Un barco en Vigo, el 3 de mayo.",
            "Pablo Ruiz (REUTERS)",
        ),
        (
            "A flag over the factory. (AP Photo/Sam Poe)",
            "A flag over the factory.",
            "AP Photo/Sam Poe",
        ),
        (
            "A road through the desert. Ada Lin for The Example Weekly",
            "A road through the desert.",
            "Ada Lin for The Example Weekly",
        ),
        ("The new lobby was redesigned. Supplied", "The new lobby was redesigned.", "Supplied"),
        (
            "Ein Kraftwerk im Nebel. Foto: Max Muster/dpa +++ dpa-Bildfunk +++",
            "Ein Kraftwerk im Nebel.",
            "Max Muster/dpa",
        ),
        ("駅前の広場を歩く人々（山田太郎撮影）", "駅前の広場を歩く人々", "山田太郎"),
        ("会見する首相＝ＡＰ", "会見する首相", "ＡＰ"),
    ],
)
def test_credits_recognises_unlabelled_trailing_credits(
    text: str, caption: str, credit: str
) -> None:
    parts = split_caption(text)
    assert (parts.caption, parts.credit) == (caption, credit)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor at the opening. Photo of the Day",
        "Troops of the U.S. Army",
        "Anwohner in der Altstadt. Das Wasser stieg weiter",
        "Ministers met in Brussels (left to right: Roe, Poe)",
        "A cat sleeping (file photo)",
    ],
)
def test_credits_does_not_invent_unlabelled_credits(text: str) -> None:
    assert split_caption(text).credit is None


def test_credits_lowercase_credit_after_glued_capitalised_label() -> None:
    parts = split_caption(
        "Schafe grasen am Deich vor dem Leuchtturm.Foto: hafenbild_meier/picture alliance"
    )
    assert parts.caption == "Schafe grasen am Deich vor dem Leuchtturm."
    assert parts.credit == "hafenbild_meier/picture alliance"


def test_credits_lowercase_sentence_after_label_mid_sentence_is_not_a_credit() -> None:
    parts = split_caption("The report said the image: shows the harbour at night")
    assert parts.credit is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Lena Marsh/Getty Images", True),
        ("Foto: dpa", True),
        ("Reuters", True),
        ("Berlin/Brandenburg", False),
        ("The council met on Monday.", False),
        ("Photos from the harbour festival, taken by our readers, are on page four", False),
    ],
)
def test_credits_whole_line_credit(line: str, expected: bool) -> None:
    assert is_credit_line(line) is expected


# -- names at the end of a caption element (split_name_tail) ---------------------------


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        (
            "Der Bürgermeister eröffnet die neue Brücke. (Lena Hofmann)",
            ("Der Bürgermeister eröffnet die neue Brücke.", "Lena Hofmann"),
        ),
        (
            "Vecinos en la plaza mayor durante la fiesta / Carmen de la Vega",
            ("Vecinos en la plaza mayor durante la fiesta", "Carmen de la Vega"),
        ),
        (
            "Les bénévoles trient les dons au dépôt, le 3 mars. Julien Marchetti",
            ("Les bénévoles trient les dons au dépôt, le 3 mars.", "Julien Marchetti"),
        ),
        ("Volunteers sort donations at the depot on Monday.", None),
        ("Tyson Stone (l) and Mark Rivers before the fight.", None),
        ("Die Ministerin am Dienstag in Berlin. (Archivbild)", None),
        ("Il sindaco con i volontari in piazza. (Foto di archivio)", None),
        ("Berlin. Anna Berg", None),
    ],
)
def test_split_name_tail(caption: str, expected: tuple[str, str] | None) -> None:
    rest, credit = split_name_tail(caption)
    if expected is None:
        assert (rest, credit) == (caption, None)
    else:
        assert (rest, credit) == expected


def test_unlabelled_credit_with_a_known_agency_in_lower_case() -> None:
    parts = split_caption(
        "Fischer bringen am Morgen den Fang an Land. Jana Falk (dpa/picture alliance via Getty)"
    )
    assert parts.caption == "Fischer bringen am Morgen den Fang an Land."
    assert parts.credit == "Jana Falk (dpa/picture alliance via Getty)"


def test_lower_case_words_without_a_known_agency_are_no_credit() -> None:
    text = "Fischer bringen am Morgen den Fang an Land. Danach (mit dem Boot/auf dem Kai)"
    assert split_caption(text).credit is None


def test_credits_every_label_word_is_found_inside_a_caption() -> None:
    # LABEL_RE looks ahead at a label's first character before trying the alternatives:
    # each label word, in any case, must still be found after some caption text
    from articlekit.patterns.credits import _LABEL_WORDS, LABEL_RE  # noqa: PLC0415

    words = _LABEL_WORDS.split("|")
    labels = [f"{w}:" for w in words] + [f"{w} ©" for w in words]
    labels += ["Photos by", "Foto by", "©", "(c)", "Copyright:"]
    for label in labels:
        for form in (label, label.lower(), label.upper()):
            text = f"Ein Boot im Hafen am Morgen. {form} Jane Roe"
            m = LABEL_RE.search(text)
            assert m is not None, form
            assert m.start() == text.index(form), form
    assert split_caption("Ein Boot im Hafen. FOTO: Max Muster").credit == "Max Muster"


def test_label_search_at_anchors_equals_scanning_every_position() -> None:
    """``_labels`` tries ``LABEL_RE`` only near colons, ©, "by", "(c)" and "copyright":
    it must find exactly what ``LABEL_RE.finditer`` finds, glued and spaced labels,
    odd whitespace and case included."""
    rng = random.Random(3)
    pieces = ("Photo", "photos", "Bild", "BILD", "Copyright", "(c)", "(C)", "©", ":", " ",
              "  ", "\t", "by", "By", "x", "Nadeschdin", "Crédit photo", "Photo credits",
              "Фото", "Quelle", "Images", "İmage", "ſource", ".", "a")  # fmt: skip
    found = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        expected = [m.span() for m in credits.LABEL_RE.finditer(text)]
        assert [m.span() for m in credits._labels(text)] == expected, text
        assert credits._has_label(text) is bool(expected), text
        found += len(expected)
    assert found > 5_000


def test_credit_pre_test_passes_every_caption_with_a_credit() -> None:
    """``may_hold_credit`` is a necessary condition: whenever ``split_caption`` finds a
    credit, the pre-test said it might. Random captions: sentence words (with "for",
    "by" and colons inside), then a random end (labels, names, brackets, bars, slashes,
    agencies, " via " / " for " phrases). The pre-test must also reject many captions,
    and every kind of credit must be found (else a pre-test route would go untested)."""
    rng = random.Random(11)
    words = ("boats", "wait", "for", "hours", "by", "the", "harbour", "nearby", "Hafen",
             "note:", "Roe", "im", "x")  # fmt: skip
    stops = (".", "!", "?", "»", "", ",")
    ends = ("Photo: Jane Roe", "Bild © Max Muster", "Photos by Jane Roe", "(c) Jane Roe",
            "Copyright Jane Roe", "Jane Roe for The Example Times", "Jane Roe via Example",
            "Jane Roe FOR The Example Times", "(Jane Roe/AP)", "| Jane Roe", "Jane Roe/Example",
            "Reuters", "picture alliance", "＝共同", "（山田撮影）", "Jane Roe", "the end",
            "bystanders", "for now", "")  # fmt: skip
    rejected = 0
    kinds: set[str] = set()
    for _ in range(20_000):
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(0, 8)))
        end = rng.choice(ends)
        text = f"{sentence}{rng.choice(stops)}{rng.choice(('', ' ', '  '))}{end}"
        if credits.may_hold_credit(text):
            if split_caption(text).credit is not None:
                kinds.add(end)
        else:
            rejected += 1
            assert split_caption(text).credit is None, text
    assert rejected > 2_000
    not_credits = {"Jane Roe", "the end", "bystanders", "for now", ""}
    assert kinds == set(ends) - not_credits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They waited for hours at the border.", False),  # " for " inside the sentence
        ("Crowds at the border. Jane Roe for The Example Times", True),  # after it
        ("Ein Boot im Hafen. Photo: Max Muster", True),
        ("Maybe the baby sleeps nearby tonight.", False),  # "by" inside words, no label
    ],
)
def test_credit_pre_test_reads_where_a_credit_can_be(text: str, expected: bool) -> None:
    assert credits.may_hold_credit(text) is expected
    assert (split_caption(text).credit is not None) is expected


def test_sentence_inside_pre_test_equals_the_pattern() -> None:
    rng = random.Random(17)
    pieces = ("word", "Roe", "abc", ".", "!", "?", " ", "  ", "x", "1990", "_")
    hits = 0
    for _ in range(10_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        expected = credits._SENTENCE_INSIDE_RE.search(text) is not None
        assert credits._sentence_inside(text) is expected, text
        hits += expected
    assert 1_000 < hits < 9_000
