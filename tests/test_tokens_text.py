"""Text tokenizer: raw text → ``TokenStream`` shapes (fixtures written for these tests)."""

from __future__ import annotations

import pytest

from articlekit.tokens.text import tokenize_text
from articlekit.tokens.types import Token, TokenKind


def _tokens(text: str) -> list[Token]:
    return list(tokenize_text(text).tokens)


def test_tokens_text_indentation_is_kept_as_level() -> None:
    tokens = _tokens("Überschrift ganz links\n\n   Ein eingerückter Absatz mit laufendem Text.\n")
    assert [(t.kind, t.level) for t in tokens] == [
        (TokenKind.PARAGRAPH, 0),
        (TokenKind.PARAGRAPH, 3),
    ]


def test_tokens_text_wrapped_lines_become_one_paragraph() -> None:
    text = (
        "Ce paragraphe a été coupé par le navigateur texte à une largeur fixe de quatre-\n"
        "vingts colonnes et il continue sur la ligne suivante jusqu'à sa fin naturelle.\n"
        "\n"
        "Court.\n"
    )
    tokens = _tokens(text)
    assert tokens[0].lines == (1, 2)
    assert tokens[0].text.endswith("jusqu'à sa fin naturelle.")
    assert tokens[1].text == "Court."


def test_tokens_text_unwrapped_dump_keeps_lines_apart() -> None:
    long = "palabra " * 20
    tokens = _tokens(f"{long}.\n{long}x.\n" + "y" * 300 + "\n")
    assert len(tokens) == 3


def test_tokens_text_unwrapped_dump_joins_a_sentence_broken_by_a_line_break() -> None:
    wide = " " * 200 + "Menu"  # a wide line: the dump is not wrapped by width
    for first, rest in (
        ("The council met on Tuesday", "and voted for the new tram line."),
        ("Der Stadtrat tagte am Dienstag", "und stimmte für die neue Linie."),
        ("Le conseil s'est réuni mardi", "et a voté pour la nouvelle ligne."),
        ("El ayuntamiento se reunió el martes", "y votó a favor de la nueva línea."),
        ("Il consiglio si è riunito martedì", "e ha votato per la nuova linea."),
    ):
        tokens = _tokens(f"{wide}\n\n   {first}\n   {rest}\n   Next line.\n   von Jane Roe\n")
        assert [t.text for t in tokens][1:] == [f"{first} {rest}", "Next line.", "von Jane Roe"]


def test_tokens_text_bulleted_and_numbered_lists() -> None:
    tokens = _tokens("* Inicio\n* Noticias\n   + Mundo\n   o Europa\n1. Primero\n2. Segundo\n")
    assert all(t.kind is TokenKind.LIST_ITEM for t in tokens)
    texts = [t.text for t in tokens]
    assert texts == ["Inicio", "Noticias", "Mundo", "Europa", "Primero", "Segundo"]
    assert [t.level for t in tokens[:4]] == [0, 0, 3, 3]
    assert tokens[0].group == tokens[3].group  # nested lynx bullets stay in the menu
    assert tokens[4].ordered and not tokens[0].ordered
    assert tokens[4].group != tokens[0].group  # numbered items start a new list
    assert tokens[4].group == tokens[5].group


def test_tokens_text_link_list_keeps_link_chars() -> None:
    tokens = _tokens(
        "- [Sport](https://example.org/sport)\n- [Kultur](https://example.org/kultur)\n"
    )
    assert [t.text for t in tokens] == ["Sport", "Kultur"]
    assert all(t.link_density == 1.0 for t in tokens)


def test_tokens_text_date_lines_are_not_numbered_items() -> None:
    tokens = _tokens("4. Februar 2025\n\n12. März 2024, 10:15 Uhr\n\n3. Punkt der Liste\n")
    assert [t.kind for t in tokens] == [
        TokenKind.PARAGRAPH,
        TokenKind.PARAGRAPH,
        TokenKind.LIST_ITEM,
    ]


def test_tokens_text_underlined_headings() -> None:
    tokens = _tokens("Il titolo\n=========\n\nUn sottotitolo\n--------------\n\nTesto.\n")
    assert [(t.kind, t.level, t.text) for t in tokens[:2]] == [
        (TokenKind.HEADING, 1, "Il titolo"),
        (TokenKind.HEADING, 2, "Un sottotitolo"),
    ]
    assert tokens[0].lines == (1, 2)


def test_tokens_text_rule_is_a_break() -> None:
    tokens = _tokens("Oben.\n\n* * *\n\nUnten.\n")
    assert [t.kind for t in tokens] == [TokenKind.PARAGRAPH, TokenKind.BREAK, TokenKind.PARAGRAPH]


def test_tokens_text_url_and_embed_lines() -> None:
    tokens = _tokens(
        "https://example.org/a/b\n<www.example.com/x>\nIFRAME: https://player.example/v/1\n"
    )
    assert [(t.kind, t.href) for t in tokens] == [
        (TokenKind.URL, "https://example.org/a/b"),
        (TokenKind.URL, "www.example.com/x"),
        (TokenKind.EMBED, "https://player.example/v/1"),
    ]


def test_tokens_text_record_headers_are_hints() -> None:
    tokens = _tokens("date 2025-02-04   1. Skip to content\nlang de\nKein Kopf mehr.\n")
    assert tokens[0].kind is TokenKind.HINT
    assert tokens[0].text == "date 2025-02-04"
    assert "record:date" in tokens[0].hints
    assert tokens[1].text == "Skip to content"  # the rest of the header line is read on
    assert tokens[2].kind is TokenKind.HINT and tokens[2].text == "lang de"
    assert tokens[3].kind is TokenKind.PARAGRAPH


def test_tokens_text_record_headers_only_at_the_top() -> None:
    tokens = _tokens("Eins.\n\nZwei.\n\nDrei.\n\ndate 2025-02-04\n")
    assert TokenKind.HINT not in {t.kind for t in tokens}


def test_tokens_text_table_rows() -> None:
    tokens = _tokens("Name   Stadt   Punkte\nAnna   Rom   12\nBen   Oslo   9\n")
    assert [t.kind for t in tokens] == [TokenKind.TABLE]
    assert tokens[0].rows == (
        ("Name", "Stadt", "Punkte"),
        ("Anna", "Rom", "12"),
        ("Ben", "Oslo", "9"),
    )


def test_tokens_text_pipe_table() -> None:
    tokens = _tokens("| a | b | c |\n| 1 | 2 | 3 |\n")
    assert tokens[0].kind is TokenKind.TABLE
    assert tokens[0].rows[1] == ("1", "2", "3")


def test_tokens_text_single_gapped_line_is_no_table() -> None:
    tokens = _tokens("Links   Mitte   Rechts\n\nEin Satz.\n")
    assert [t.kind for t in tokens] == [TokenKind.PARAGRAPH, TokenKind.PARAGRAPH]


def test_tokens_text_markdown_dump() -> None:
    text = (
        "# Titre de l'article\n\n"
        "Un [lien](https://exemple.fr) et du **gras**.\n\n"
        "![Une photo](https://exemple.fr/a.jpg)\n\n"
        "> Une citation\n\n"
        "```\ncode()\n```\n"
    )
    tokens = _tokens(text)
    assert [t.kind for t in tokens] == [
        TokenKind.HEADING,
        TokenKind.PARAGRAPH,
        TokenKind.FIGURE,
        TokenKind.QUOTE,
        TokenKind.PRE,
    ]
    assert tokens[0].level == 1 and tokens[0].text == "Titre de l'article"
    assert tokens[1].text == "Un lien et du gras."
    assert tokens[1].link_chars == len("lien")
    assert tokens[2].image is not None
    assert (tokens[2].image.src, tokens[2].image.alt) == ("https://exemple.fr/a.jpg", "Une photo")
    assert tokens[3].text == "Une citation"
    assert tokens[4].text == "code()"


def test_tokens_text_breadcrumbs_are_hinted() -> None:
    tokens = _tokens(
        "Home > News > World\n\nStartseite / Politik / Ausland\n\nNationale Demo / Der Tag naht\n"
    )
    assert ["breadcrumb" in t.hints for t in tokens] == [True, True, False]


@pytest.mark.parametrize(
    "line",
    [
        "You are here: Home » Society » A long night at the harbour",
        "Du befindest dich hier: Startseite » Gesellschaft » Eine lange Nacht am Hafen",
        "Vous êtes ici : Accueil > Société > Une longue nuit au port",
        "Sei qui: Home / Società / Una lunga notte al porto",
    ],
)
def test_tokens_text_breadcrumb_after_a_you_are_here_label_is_hinted(line: str) -> None:
    (token,) = _tokens(line + "\n")
    assert "breadcrumb" in token.hints


def test_tokens_text_menu_and_skip_link_lines_are_list_items() -> None:
    tokens = _tokens("   * Zum Inhalt springen\n   * Politik\n   * Wirtschaft\n")
    assert [t.kind for t in tokens] == [TokenKind.LIST_ITEM] * 3
    assert len({t.group for t in tokens}) == 1


def test_tokens_text_every_token_knows_its_lines() -> None:
    tokens = _tokens("A\n\nB line one\n\n   * c\n")
    assert [t.lines for t in tokens] == [(1, 1), (3, 3), (5, 5)]
    assert tokenize_text("").tokens == ()


def test_tokens_text_title_case_label_and_lower_case_menu_are_not_joined() -> None:
    wide = " " * 200 + "Menu"
    tokens = _tokens(f"{wide}\n\n   Share Close Button\n   facebook Facebook twitter Twitter\n")
    assert [t.text for t in tokens][1:] == [
        "Share Close Button",
        "facebook Facebook twitter Twitter",
    ]


def test_tokens_text_repairs_utf8_read_as_windows_1252_line_by_line() -> None:
    dump = "\n\n".join(
        [
            "Toller Tarif: jetzt fÃ¼r nur 5 Euro",  # de
            "La revancha tras su sanciÃ³n",  # es
            "Â«Bella serataÂ», dice la premier",  # it
            "Le maire a dÃ©cidÃ© hier",  # fr
            "It wasnâ€™t planned",  # en
            "Genuine Ã and B stay as they are",
        ]
    )
    assert [t.text for t in _tokens(dump)] == [
        "Toller Tarif: jetzt für nur 5 Euro",
        "La revancha tras su sanción",
        "«Bella serata», dice la premier",
        "Le maire a décidé hier",
        "It wasn’t planned",
        "Genuine Ã and B stay as they are",
    ]


def test_tokens_text_buttons_and_counters_are_not_a_code_block() -> None:
    tokens = _tokens("   (BUTTON)\n   1/12\n   (BUTTON)\n   Weiter (Seite 2)\n")
    assert all(t.kind is not TokenKind.PRE for t in tokens)
    code = _tokens("if (x) {\n  y = 1;\n}\n")
    assert [t.kind for t in code] == [TokenKind.PRE]


def test_tokens_text_wrapped_dump_keeps_a_byline_after_a_sentence_apart() -> None:
    for sentence, header in (
        ("The council met on Tuesday and voted for the new tram line to the north.",
         "By Jane Doe"),
        ("Der Stadtrat tagte am Dienstag und stimmte für die neue Linie nach Norden.",
         "Von dpa 30.04.2024, 18:58"),
        ("Le conseil s'est réuni mardi et a voté pour la nouvelle ligne vers le nord.",
         "Par Marie Dupont"),
        ("El ayuntamiento se reunió el martes y votó a favor de la nueva línea norte.",
         "Por Lucía García"),
        ("Il consiglio si è riunito martedì e ha votato per la nuova linea verso nord.",
         "4 febbraio 2025, 14:13"),
    ):  # fmt: skip
        tokens = _tokens(f"{sentence}\n{header}\n")
        assert [t.text for t in tokens] == [sentence, header], header


def test_tokens_text_w3m_edit_marks_keep_inserted_text_only() -> None:
    text = (
        "[INS::INS]   The council met on Tuesday and [DEL:rejected:DEL] [INS:approved:INS] "
        "the plan for a new tram line.\n"
    )
    (token,) = _tokens(text)
    assert token.text == "The council met on Tuesday and approved the plan for a new tram line."


def test_tokens_text_unclosed_edit_marks_stay_linear() -> None:
    (token,) = _tokens("[INS:" * 20_000 + "\n")
    assert token.text.startswith("[INS:")
