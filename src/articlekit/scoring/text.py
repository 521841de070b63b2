"""Generic raw-text scoring: text ``TokenStream`` → ``PartialArticle``.

Raw text has no markup to declare a title or a byline, so this stage reads the
page's layout the way a person would:

1. every token gets a value: long, sentence-like paragraphs are positive; short
   lines, link lists and recognised furniture (skip links, ads, share lines …) are
   negative; printed markup is neutral (``_token_value``);
2. the body is the run of consecutive tokens with the highest total value
   (maximum-sum segment), so it starts and ends on real paragraphs; "Related" labels
   and the heading of the reader comments end it;
3. the header above the body is read for the title (the best-scoring headline-shaped
   line: heading markup or indentation, a byline/dateline or prose under it, words
   shared with the body and with the page's URL path, nearness; a line further down
   when a byline marks it and nothing above qualified; written with its kicker
   separator when the page repeats it so), the byline (a label alone on its line
   takes the next line's names), the dateline and a lead paragraph;
4. caption lines (with a glued-on credit) and the line before them (the alt text)
   become images; editor lines, update notices and author bio lines are taken out
   of the body into their own fields.

Every value found here has provenance ``text-pattern`` with its line range.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import math
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from articlekit.metadata.types import DateValue, PersonRef
from articlekit.model.provenance import FieldSource, SourceKind
from articlekit.options import TextScoringConfig
from articlekit.partial import PartialArticle
from articlekit.patterns import (
    Byline,
    credit_candidates,
    detect_language,
    editors_from_line,
    find_dates,
    is_credit_line,
    may_hold_credit,
    normalize_name,
    parse_byline,
    split_caption,
)
from articlekit.patterns._needles import may_hold, utf8_leads
from articlekit.patterns.dates import may_hold_date, reads_day_order
from articlekit.patterns.lines import classify_lines, prefix_pattern
from articlekit.patterns.persons import may_be_own_organization
from articlekit.tokens.types import ImageRef, Token, TokenKind, TokenStream

__all__ = ["score_text"]

SENTENCE_END: Final = re.compile(r"[.!?…:;»\"”“'’)\]。！？」』]\s*$")
"""A line ending like a sentence (or a quotation closing one)."""
FURNITURE_HINTS: Final = frozenset(
    {"skip_link", "advertisement", "share", "subscribe", "related", "cookie", "footer",
     "javascript", "feedback", "breadcrumb", "gallery"}
)  # fmt: skip
"""Pattern hints that make a line page furniture."""
GALLERY_HINT: Final = "gallery"
"""Hint of a picture gallery's slide-counter line and its caption (``_gallery_slides``)."""
SLIDE_COUNTER: Final = re.compile(
    r"(\d{1,3})\s?(?:/|of|von|de|di|sur|van|av|af)\s?(\d{1,3})(?![\d/.:])", re.IGNORECASE
)
"""A gallery slide's counter at the start of a line: "1/50", "3 of 12", "2 von 9"."""
MIN_GALLERY_SLIDES: Final = 3
"""Consecutive slide counters that make a gallery."""
PROSE_BONUS_PER_CHAR: Final = 1.0
"""Value of each character of a prose paragraph."""
SHORT_LINE_COST: Final = 15.0
"""Cost of a short line inside the body (a heading, a label): cheap, so bodies bridge them."""
LIST_ITEM_COST: Final = 40.0
"""Cost of a list item: lists are mostly menus in dumps; real in-body lists are bridged."""
FURNITURE_COST: Final = 150.0
"""Cost of a recognised furniture line."""
INLINE_LABEL_COST: Final = 40.0
"""Cost of an inline "Read more" label inside the body run (its teaser lines cost too)."""
DOUBLED_HINT: Final = "doubled"
"""Hint of a line that repeats itself (an image's alt text beside its caption)."""
MIN_PAIRED_CAPTION_CHARS: Final = 15
"""Two consecutive lines with the same letters (an image's alt text and its caption) are
at least this long."""
REPEATED_HINT: Final = "repeated"
"""Hint of a short line that recurs on the page ("Article content" between every two
paragraphs, "Reply", "More") or holds only text-browser residue ("(BUTTON)", "[img]"):
page furniture, never body (it still costs like any short line in the body run, which
keeps menus of such lines out of it)."""
MARKUP_HINT: Final = "markup"
"""Hint of a line that is mostly printed markup (see ``_markup``): neutral in the body
run, left out of the body and never a title."""
MARKUP_TAG: Final = re.compile(r"</?[A-Za-z][\w:-]{0,30}(?:\s[^<>]{0,300})?/?>")
"""An HTML/XML tag printed as text."""
MIN_MARKUP_TAGS: Final = 4
"""… and holds at least this many of them (prose may name a tag or two)."""
MARKUP_SHARE: Final = 0.4
"""A line whose tags make up this share of its characters is markup."""
MAX_REPEATED_LINE_CHARS: Final = 40
"""Repeated-line furniture is short."""
MIN_LINE_REPEATS: Final = 3
"""… and occurs at least this many times on the page."""
RESIDUE: Final = re.compile(r"\((?:BUTTON|IMG|IFRAME)\)|\[[^\]]{0,60}\]|_{3,}")
"""Text-browser residue: buttons, image placeholders, form fields."""
BYLINE_RESIDUE: Final = re.compile(
    r"(?:\((?:BUTTON|IMG|IFRAME)\)|\[[^\]]{0,60}\])(?=\s)"
    r"|^[^\s.][^.]{0,60}\.(?:jpe?g|png|gif|webp|avif|svg)(?=\s)",
    re.IGNORECASE,
)
"""Residue standing apart in a byline line ("[portrait] Jane Roe", "jane-roe.jpg Jane Roe":
a portrait without alt text, shown by its file name); glued to a word it labels a link
("[id]Enlarge image") and stays."""
BYLINE_FILE_NAME: Final = re.compile(
    r"[^\s.][^.]{0,60}\.(?:jpe?g|png|gif|webp|avif|svg)(?=\s)", re.IGNORECASE
)
"""``BYLINE_RESIDUE``'s file-name branch, which can only match at the start: a line
without "(" or "[" that this does not match has no residue (the substitution is skipped)."""
MAX_CAPTION_EXTRA_CHARS: Final = 60
"""A caption repeating its picture's alt text adds at most this many characters (a
credit, a date)."""
MAX_PAIRED_CAPTION_DIFF: Final = 4
"""Two such lines differ in length by at most this many characters (quotes, a final
period)."""
RESIDUE_CHARS: Final = re.compile(r"[(\[_]")
"""Residue holds a bracket or an underscore."""
NOT_ALNUM: Final = re.compile(r"[\W_]+")
"""Everything but letters and digits (see ``_letters``)."""
MIN_DOUBLED_WORDS: Final = 3
"""A doubled line repeats at least this many words …"""
MAX_DOUBLED_GAP_WORDS: Final = 3
"""… with at most this many other words in between ("1 min")."""
DOUBLED_PROBE_CHARS: Final = 8
"""A doubled line repeats its first characters (a cheap test before splitting words)."""
MAX_TITLE_WORDS: Final = 30
"""A title line has at most this many words."""
MIN_TITLE_WORDS: Final = 2
"""… and at least this many."""
TITLE_LOOKBACK: Final = 50
"""Tokens above the body start searched for the title (menus, share bars, images,
captions and paywall or sign-in boxes often sit between the headline and the first
paragraph; the distance cost keeps far lines from winning without an anchor)."""
TITLE_LOOKAHEAD: Final = 3
"""Tokens after the body start that may still be the title (a headline ending in "?"
or "!" scores as prose and opens the maximum-sum run)."""
TITLE_ANCHORED_LOOKAHEAD: Final = 25
"""Tokens after the body start searched for a headline with a byline or dateline right
under it (the run may open with image captions, a teaser or a paywall notice)."""
META_AFTER_TITLE: Final = 8
"""Tokens after the title searched for the byline and the dateline."""
WIDE_META_AFTER: Final = 16
"""When nothing is found next to the title, datelines and labelled bylines are looked
for this many tokens below it (and ``TITLE_LOOKBACK`` above it)."""
META_BEFORE_TITLE: Final = 3
"""Tokens before the title searched for a dateline or byline (some sites put the date
above the headline)."""
MAX_TITLE_CHARS: Final = 250
"""A longer line is a paragraph, not a headline."""
MIN_CJK_TITLE_CHARS: Final = 6
"""A title in a script without spaces (Chinese, Japanese) has at least this many letters."""
TITLE_MIN_SCORE: Final = 1.0
"""A title candidate needs at least this score (see ``_title_score``)."""
TITLE_SCORE_MARGIN: Final = 1e-6
"""Slack for rounding when a candidate is dropped by an upper bound of its score."""
TITLE_HEADING_BONUS: Final = 3.0
"""A line marked as a heading (markdown ``#``, underlined) is very likely the title."""
TITLE_INDENT_BONUS: Final = 2.0
"""lynx sets headings at column 0 and indents paragraphs: a line left of the
paragraphs' indentation is a heading."""
TITLE_INDENT_MALUS: Final = 1.0
"""… and a line at the paragraphs' indentation is less likely one."""
TITLE_ANCHOR_BONUS: Final = 3.0
"""A byline or dateline right below a line marks it as the headline."""
TITLE_PROSE_BONUS: Final = 2.0
"""A prose paragraph (the lead or the body) right below a line supports it as headline."""
TYPICAL_TITLE_CHARS: Final = 90
"""Headlines are rarely longer; beyond this, length counts against a candidate …"""
TITLE_LENGTH_COST_CHARS: Final = 30.0
"""… one point per this many characters (leads and teasers are long)."""
DATE_SHARE_OF_DATELINE: Final = 0.3
"""An unlabelled dateline's dates cover at least this share of it (a caption that ends
with a date does not)."""
MAX_SIGN_OFF_CHARS: Final = 40
"""A name signed under the article is at most this long."""
BARE_BYLINE_REACH: Final = 2
"""A byline without a "By"/"Von" label is only believed this close to the title or the
dateline."""
TITLE_OVERLAP_WEIGHT: Final = 4.0
"""Weight of the share of the line's content words that recur in the body: headlines
are about the text, menu entries and teasers of other articles are not."""
TITLE_DISTANCE_COST: Final = 0.12
"""Cost per token between a candidate and the body start."""
TITLE_PERIOD_MALUS: Final = 2.0
"""A line ending in a period is usually a sentence (a caption, a teaser), not a headline."""
TITLE_SHORT_MALUS: Final = 1.0
"""Lines of two or three words are more often section labels than headlines."""
SHORT_TITLE_WORDS: Final = 3
"""… up to this many words."""
TITLE_DEK_MALUS: Final = 2.0
"""A headline-shaped line right under another one is the standfirst, not the title."""
MAX_KICKER_WORDS: Final = 5
"""A line above the headline with at most this many words is a kicker ("Krieg in der
Ukraine"), not a headline with the candidate as its standfirst."""
TITLE_SLUG_WEIGHT: Final = 4.0
"""Weight of the share of a candidate's words that the page's URL path spells out
("/2024/05/02/council-backs-tram-extension"): sites build the slug from the headline."""
MIN_SLUG_WORDS: Final = 3
"""A URL path with fewer words (letters, not ids) is no slug."""
MIN_SLUG_WORD_CHARS: Final = 3
"""Shorter words are left out of the slug comparison ("de", "a", "to")."""
ASCII_SLUG_WORD_RE: Final = re.compile(rf"[a-z]{{{MIN_SLUG_WORD_CHARS},}}")
"""A word of a folded ASCII line long enough for the slug comparison (``WORD_RE``)."""
SLUG_DIGRAPHS: Final = (("ae", "a"), ("oe", "o"), ("ue", "u"))
"""Slugs transliterate umlauts ("ueber"); headline words are compared without marks."""
INTERFACE_LINE: Final = re.compile(
    r"^\W{0,3}(?:"
    r"share (?:on|via|with|this)|click to|go to|listen to (?:this|the)|thank you for"
    r"|sign (?:in|up)|log ?in|register (?:to|for|now)|subscribe|follow us|download (?:the|our)"
    r"|(?:media|image|video) caption|from wikipedia|topics:|tags:|filed under"
    r"|\d+\s?(?:min(?:ute)?s?|m) read|reading time|read time"
    r"|teilen (?:auf|per)|jetzt (?:anmelden|registrieren|abonnieren)|artikel anhören"
    r"|lesezeit|themen:|schlagworte:"
    r"|partager (?:sur|par)|écouter (?:l'article|cet article)|se connecter|s'inscrire"
    r"|temps de lecture"
    r"|compartir en|escuchar (?:el artículo|la noticia)|iniciar sesión|regístrate"
    r"|tiempo de lectura"
    r"|condividi su|ascolta (?:l'articolo|la notizia)|accedi|registrati|tempo di lettura"
    r")(?![^\W\d_])",
    re.IGNORECASE,
)
"""Lines of the page's interface ("Share on …", "Listen to this article", "5 min read",
"Topics: …") in English, German, French, Spanish and Italian: never the headline, never
body (hint ``INTERFACE_HINT``)."""
INTERFACE_HINT: Final = "interface"
"""Hint of an ``INTERFACE_LINE``."""
MAX_INTERFACE_CHARS: Final = 200
"""Interface lines are short."""
MAX_ORGANIZATION_CHECKS: Final = 3
"""Best title candidates checked for being only an organisation's name."""
MAX_ORGANIZATION_WORDS: Final = 5
"""… which has at most this many words."""
MAX_TITLE_SEPARATOR_CHARS: Final = 4
"""A headline repeated with its kicker separator has at most this many more characters."""
KICKER_MARKS: Final = ":|-–—"
"""Marks that separate a kicker from the headline ("Kicker: Headline", "Kicker | …")."""
ANCHOR_WINDOW: Final = 4
"""Tokens below a title candidate looked at for a byline, dateline or prose."""
CJK_CHAR_WEIGHT: Final = 2
"""A letter of a script without spaces carries about as much text as two Latin letters."""
CJK_CHARS_PER_WORD: Final = 2
"""… and about two of them make a word."""
MIN_TERM_CHARS: Final = 4
"""Words shorter than this are not content words for the title/body overlap."""
BODY_TERMS_CHARS: Final = 4000
"""Characters of body text whose content words are compared with title candidates."""
MIN_DATE_SHARE_OF_TITLE: Final = 0.4
"""A line whose date takes this share of its characters is a dateline, not a title."""
MAX_BYLINE_LINES: Final = 6
"""A byline set one author per line spans at most this many lines on either side."""
ALT_CAPTION_LENGTH_RATIO: Final = 2
"""A caption is over this many times as long as the alt text above it, whose content
words it repeats (``_words_repeated_below``)."""
MIN_ALT_WORDS: Final = 2
"""An alt text taken for one has at least this many content words (a bare name of one
word says too little)."""
MAX_BYLINE_WORDS: Final = 12
"""Byline lines are short."""
MAX_DATELINE_CHARS: Final = 80
"""A dateline is a short line that holds a date."""
DATED_FIELD_SHARE: Final = 0.6
"""A field of a long line is a dateline when its date covers this share of it."""
MAX_FIELDED_DATELINE_CHARS: Final = 240
"""… or a longer line of separated fields, one of them a labelled date."""
SLASH_DATE: Final = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})(?!\d)")
"""A numeric date with slashes; 06/01/2026 is 6 January or June 1 depending on the site."""
EN_MONTHS: Final = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
EN_DAY_MONTH: Final = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s{EN_MONTHS}\b")
"""A British-order date ("6 January")."""
EN_MONTH_DAY: Final = re.compile(rf"\b{EN_MONTHS}\s\d{{1,2}}\b")
"""An American-order date ("January 6")."""
DAY_FIRST_SAMPLE_CHARS: Final = 5000
"""Characters of prose whose language (``detect_language``) tells English pages: they
may write month first (US), others never do."""
DAY_FIRST_SAMPLE_MIN_CHARS: Final = 80
"""Only paragraphs longer than this are sampled."""
MAX_ALT_CHARS: Final = 400
"""An alt-text line before a caption is at most this long."""
MAX_PAIRED_CAPTION_CHARS_MAX: Final = max(MAX_ALT_CHARS, MAX_REPEATED_LINE_CHARS)
"""Lines longer than this get neither hint (a cheap test first)."""
MAX_HEADING_CHARS: Final = 120
"""In-body headings are short lines."""
SHORT_URL_MAX_PATH: Final = 24
"""A URL line near the top whose path is at most this long is the page's short link."""
HEADED_SEGMENT_SHARE: Final = 0.2
"""A run that has a dateline or byline above it wins over a larger run without one in a
later section (after a "Related"/"More" label) when it is worth this share of it."""
TEASER_DATELINES: Final = 2
"""A run holding this many date lines is a list of teasers, even with a date above it."""
INLINE_BOX_TOKENS: Final = 16
"""A box of links set into an article ("Recommended" and a few teasers) has at most
this many tokens before the text goes on …"""
INLINE_BOX_GAP: Final = 2
"""… and at most this many non-text tokens between the text above it and its label …"""
INLINE_BOX_MIN_VALUE: Final = 400.0
"""… and the text above it is worth at least this much (a few paragraphs)."""
HEADER_REACH: Final = 12
"""Tokens above a run looked at for its header."""
INLINE_RELATED: Final = re.compile(
    r"^\W{0,3}(?:read more|read also|also read|related|related coverage|related content"
    r"|related articles?|related stories|see also|more on this|lesen sie auch|lesen sie mehr"
    r"|mehr zum thema|lire aussi|à lire aussi|a lire aussi|voir aussi|leggi anche|lee también"
    r"|lea también|leer más|lees ook|les også|läs också|læs også|leia também)\W{0,3}$",
    re.IGNORECASE,
)
"""Labels that sit inside an article before a link to another one ("Read more: …"),
unlike the end-of-article labels ("Most read", "More stories"): they cost like furniture
instead of ending the body."""
SECTION_LABEL_MAX_CHARS: Final = 40
"""A "related" line this short is a section label ("Related topics"): the body ends there."""
COMMENTS_LABEL: Final = re.compile(
    r"^\W{0,3}(?:there are \d+ comments|\d+ (?:comments|responses|replies)"
    r"|(?:comments|kommentare|commentaires|comentarios|commenti|reacties)\s?\(\d+\)"
    r"|\d+ (?:kommentare|commentaires|comentarios|commenti|reacties)"
    r"|leave a (?:comment|reply)|post a comment|add a comment|join the discussion"
    r"|kommentar schreiben|laisser un commentaire|deja un comentario|lascia un commento)\W{0,3}$",
    re.IGNORECASE,
)
"""The heading of the reader comments under an article (EN, DE, FR, ES, IT, NL)."""
MAX_UNCOVERED_BYLINE_WORDS: Final = 2
"""An unlabelled byline may hold this many other lower-case words ("5 hours ago")."""
MAX_UNCOVERED_CAPITALISED: Final = 2
"""… and this many capitalised words that are no part of a name, role or organisation
(a Title Case headline parsed as "name — rest" leaves many)."""
MAX_CJK_NAME_CHARS: Final = 4
"""Family and given names in Chinese, Japanese and Korean are short (a longer "word" is
a phrase: headlines there have no spaces to tell them apart)."""
WORD_RE: Final = re.compile(r"[^\W\d_]+")
"""A run of letters: a word of a byline, a URL path or a headline (ids and dates are not
words)."""
MIN_NAME_WORDS: Final = 2
"""A byline name in raw text has at least a first and a last name."""
BYLINE_LABEL: Final = re.compile(
    r"^(?:by|von|par|por|di|da|av|door|text|texto|autor(?:in)?|author|auteur|autore|"
    r"reporting by|written by|posted by|words by|story by|écrit par|escrito por|scritto da|"
    r"geschrieben von|publié par|publicado por|pubblicato da)\b",
    re.IGNORECASE,
)
"""Lines starting like this are bylines even when they contain a colon."""
BARE_BYLINE_LABEL: Final = re.compile(
    r"^(?P<label>by|von|par|por|di|da|av|af|door|text|texto|autor(?:in)?|autoren|author|authors"
    r"|auteur|auteurs|autore|autori|written by|reporting by|story by|words by|geschrieben von"
    r"|écrit par|escrito por|scritto da|author of the article|author of this article"
    r"|about the author|über den autor|über die autorin|sobre el autor|à propos de l'auteur"
    r"|(?:eine?n? )?(?:kolumne|kommentar|analyse|gastbeitrag|interview|reportage|essay|glosse"
    r"|recherche|bericht) von|(?:an? )?(?:column|commentary|analysis|essay|opinion|review"
    r"|interview|report) by|(?:une? )?(?:chronique|analyse|tribune|enquête|reportage) (?:de|par)"
    r"|(?:un |una )?(?:análisis|artículo|columna|opinión|crónica|reportaje) de"
    r"|(?:un |una )?(?:commento|analisi|editoriale|rubrica|reportage) di)"
    r"\s*:?$",
    re.IGNORECASE,
)
"""A byline label alone on its line, the names on the next one (a label and a name in
separate elements)."""
MAX_BARE_LABEL_CHARS: Final = 40
"""A bare label line is short (a cheap test first)."""
BARE_LABEL_FIELD: Final = "Author"
"""Field name a long label ("Author of the article:") is read as."""
FIELD_SEPARATOR: Final = re.compile(r"\s*(?:\||•|·|\s/\s|\s[-–—]\s)\s*")
"""Separators between the fields of a byline/dateline line ("Jane Roe | 2 May 2024")."""
SPACED_SEPARATOR: Final = re.compile(r"\s[/\-–—]\s")
"""``FIELD_SEPARATOR``'s spaced slash or dash (see ``_has_field_separator``)."""
MAX_BYLINE_FIELDS: Final = 6
"""A line with more separated fields is a menu, not a byline."""
NON_TIME_COLON: Final = re.compile(r"(?<!\d):|:(?!\d)")
"""A colon that is not inside a time ("11:21"): "Kicker: headline" lines are no bylines."""
ASCII_CAPITALS: Final = bytes(range(ord("A"), ord("Z") + 1))
"""The capital letters of ASCII (``str.isupper`` of an ASCII character)."""
BYLINE_CONJUNCTIONS: Final = frozenset(
    {"and", "und", "et", "y", "e", "i", "og", "och", "en", "ve", "or"}
)
"""Conjunctions that join names in a byline ("Jane Roe og John Doe")."""
NAME_STOPWORDS: Final = frozenset(
    {
        "nach",
        "vor",
        "mit",
        "aus",
        "bei",
        "über",
        "unter",
        "neue",
        "neuer",
        "neues",
        "aktueller",
        "aktuelle",
        "alle",
        "mehr",
        "front",
        "top",
        "live",
        "after",
        "before",
        "new",
        "how",
        "why",
        "what",
        "when",
        "breaking",
        "latest",
        "watch",
        "getty",
        "studio",
        "abone",
        "après",
        "avant",
        "nouveau",
        "nouvelle",
        "tras",
        "antes",
        "nuevo",
        "nueva",
        "copyright",
        "icon",
        "foto",
        "photo",
        "bild",
        "image",
        "credit",
        "quelle",
        "source",
        "dopo",
        "prima",
        "nuovo",
        "nuova",
        "ultime",
        "últimas",
        "video",
        "videos",
        "vídeo",
        "vidéo",
        "audio",
        "podcast",
        "gallery",
        "galerie",
        "galería",
        "galleria",
        "all",
        "artikel",
        "article",
        "articolo",
        "artículo",
        "zur",
        "zum",
        "the",
        "der",
        "die",
        "das",
        "playlist",
        "au",
        "aux",
        "du",
        "los",
        "las",
        "gli",
        "news",
        "noticia",
        "noticias",
        "notizia",
        "notizie",
        "nachrichten",
        "actualités",
    }
)
"""Words that open headlines, kickers and labels but never a person's name; an
unlabelled byline whose name starts with one is not a byline ("Nach Gaetz-Rückzug",
"Front Page", "Getty Images")."""
UPDATE_LABEL: Final = re.compile(
    r"^\W{0,3}(?:updated|last updated|update|aktualisiert|akt\.|zuletzt aktualisiert"
    r"|mis à jour|mise à jour|actualizado|actualización|aggiornato|aggiornamento"
    r"|bijgewerkt|uppdaterad|oppdatert|opdateret|atualizado|güncelleme|güncellendi)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
"""A dateline labelled as the last update, not the publication."""
NAME_WITH_AGE: Final = re.compile(r"^[^\W\d_][^,\d]{2,60},\s?\d{1,3}\s*(?:$|[,;:()|–-])")
"""A name followed by an age ("Jane Roe, 37"): a person in the news, not the author."""
LABELED_AUTHOR: Final = re.compile(
    r"^(?:Autorin/Autor|Autor/Autorin|Autor(?:in)?(?:en)?|Author(?:s)?|Auteur(?:e)?s?|Autore|"
    r"Autores?|Text|Texto|Reporter)\s*:?\s+(?P<value>\S.{0,150})$"
)
"""A labelled author field, as in fact boxes ("Autorin/Autor Jane Doe")."""
LABELED_DATE: Final = re.compile(
    r"^(?:Datum|Date|Published(?: on)?|Publication date|Veröffentlicht(?: am)?|Stand|"
    r"Erschienen am|Publié le|Publicado(?: el| em)?|Fecha|Data|Pubblicato(?: il)?|"
    r"Publicerad|Publisert|Udgivet|Gepubliceerd(?: op)?|Yayınlanma)\s*:?\s+(?P<value>\S.{0,80})$",
    re.IGNORECASE,
)
"""A labelled date field ("Datum 28.04.2023", "Published: …")."""


MONTHS: Final = 12
"""Months in a year (a number above it in a date is the day)."""
CJK_RANGES: Final = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF))
"""Kana, CJK ideographs (with extension A) and Hangul syllables: code point ranges."""
CJK_RE: Final = re.compile(
    "[" + "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in CJK_RANGES) + "]"
)
"""Letters of scripts written without spaces between words (and Hangul)."""
CJK_LEADS: Final = utf8_leads(CJK_RANGES)
"""Their first UTF-8 bytes (see ``_size``)."""
TERM_RE: Final = re.compile(rf"[^\W\d_]{{{MIN_TERM_CHARS},}}")
"""A content word."""
ASCII_TERM_RE: Final = re.compile(rf"[a-z]{{{MIN_TERM_CHARS},}}")
"""``TERM_RE`` on case-folded ASCII text (its only letters are a-z), twice as fast."""
TERM_LETTER_RE: Final = re.compile(r"[^\W\d_]")
"""One letter of ``TERM_RE``: a content word found in a text is one where none borders it."""
TITLE_BAD_END: Final = (",", ";", ":", "·", "|", "•", "/", "-", "–")
"""A headline never ends like this (labels and cut-off lines do)."""
HEADER_KINDS: Final = frozenset({TokenKind.PARAGRAPH, TokenKind.HEADING, TokenKind.LIST_ITEM})
"""Token kinds that may carry a byline or a dateline (lynx bullets some of them)."""
DIGIT: Final = re.compile(r"\d")


_EMBED: Final = TokenKind.EMBED
_FIGURE: Final = TokenKind.FIGURE
_HEADING: Final = TokenKind.HEADING
_HINT: Final = TokenKind.HINT
_LIST_ITEM: Final = TokenKind.LIST_ITEM
_PARAGRAPH: Final = TokenKind.PARAGRAPH
_URL: Final = TokenKind.URL
"""Token kinds the functions below test, bound once (see ``TokenKind``)."""


@dataclass(frozen=True, slots=True)
class _Header:
    """What the lines above the body say (stage-internal)."""

    title: int | None
    byline: int | None
    byline_lines: tuple[int, ...]
    """The byline token and the name lines under a bare label (see ``_byline_group``)."""
    dateline: int | None
    lead: int | None
    body_start: int
    """First token index that may be body (after a title found inside the run)."""


def score_text(
    stream: TokenStream,
    *,
    config: TextScoringConfig,
    reference_time: dt.datetime | None = None,
    url: str | None = None,
) -> PartialArticle:
    """Find the article in a raw-text token stream.

    Args:
        stream: Tokens of the text.
        config: Thresholds for prose lines.
        reference_time: "Now", for relative datelines ("2 hours ago").
        url: The page's URL, when known: its path often spells the headline.
    """
    tokens = stream.tokens
    hints = _classify_all(tokens)
    prose, values = _values(tokens, hints, config)
    start, end = _body_range(tokens, hints, values)
    if start < 0:
        return PartialArticle(warnings=(("scoring.no_body", "no paragraph of running text"),))
    box = _inline_box(values, start)
    if box is not None:
        start = box[0]
    para_indent = _paragraph_indent(tokens[start : end + 1], prose[start : end + 1])
    page = _Page(
        tokens,
        hints,
        config,
        reference_time,
        start,
        end,
        para_indent,
        _slug_words(url),
        prose,
    )
    header = _read_header(page)
    sources: dict[str, FieldSource] = {}

    def note(name: str, index: int) -> None:
        lines = tokens[index].lines or (0, 0)
        sources[name] = FieldSource(
            kind=SourceKind.TEXT_PATTERN, detail=f"lines {lines[0]}-{lines[1]}"
        )

    title = authors = published = summary = None
    if header.title is not None:
        title = _punctuated_title(tokens, header.title)
        note("title", header.title)
    if header.byline is not None:
        names = dict.fromkeys(n for i in header.byline_lines for n in page.byline(i))
        authors = tuple(PersonRef(name=n) for n in names)
        note("authors", header.byline)
    if header.dateline is not None:
        text = tokens[header.dateline].text
        published = _first_date(text, reference_time, page.day_first(text))
        note("published", header.dateline)
    if authors is None or published is None:
        labeled = _labeled_fields(page)
        if authors is None and labeled[0] is not None:
            authors = labeled[0][1]
            note("authors", labeled[0][0])
        if published is None and labeled[1] is not None:
            published = labeled[1][1]
            note("published", labeled[1][0])
    if header.lead is not None:
        summary = tokens[header.lead].text
        note("summary", header.lead)

    body: dict[int, Token] = {}
    images: list[ImageRef] = []
    editors: list[PersonRef] = []
    notices: list[str] = []
    short_url: str | None = None
    consumed = {
        i for i in (header.title, header.byline, header.dateline, header.lead) if i is not None
    }
    consumed.update(header.byline_lines)
    last_body = start
    first = min([header.body_start, *consumed])
    media = _media_titles(tokens, hints)
    for i in range(first, end + 1):  # the header and the body run
        if i in consumed:
            continue
        token = tokens[i]
        hint = hints[i]
        if token.kind is _URL and short_url is None and i < end:
            short_url = _short_url(token.href)
            if short_url:
                note("short_url", i)
            continue
        caption = page.caption(i)
        if caption is not None:
            alt = _alt_before(tokens, hints, i, consumed)
            if alt is not None:
                consumed.add(alt)
                body.pop(alt, None)
            image = ImageRef(
                alt=tokens[alt].text if alt is not None else None,
                caption=caption[0],
                credit=caption[1],
            )
            images.append(image)
            body[i] = Token(kind=_FIGURE, text="", lines=token.lines, image=image)
            continue
        if hint:  # (most tokens have none: these tests are skipped)
            if DOUBLED_HINT in hint and not hint & FURNITURE_HINTS:
                half = _doubled(token.text)
                following = i + 1
                if half is None and following < len(tokens) and DOUBLED_HINT in hints[following]:
                    image = ImageRef(alt=token.text, caption=tokens[following].text)
                    consumed.add(following)
                else:
                    image = ImageRef(caption=half or token.text)
                images.append(image)
                body[i] = Token(kind=_FIGURE, text="", lines=token.lines, image=image)
                continue
            if "editors" in hint:
                editors.extend(PersonRef(name=n) for n in editors_from_line(token.text))
                note("editors", i)
                continue
            if "notice" in hint:
                notices.append(token.text)
                continue
        if i < header.body_start or (box is not None and box[1] <= i <= box[2]):
            continue
        if i in media:
            continue
        if hint and (
            REPEATED_HINT in hint
            or MARKUP_HINT in hint
            or INTERFACE_HINT in hint
            or not FURNITURE_HINTS.isdisjoint(hint)
        ):
            continue
        if token.kind in NO_BODY_KINDS:
            continue
        if token.kind is _EMBED:
            body[i] = token
            continue
        if token.kind is _PARAGRAPH and not prose[i]:  # (what _as_body_token may change)
            block = _as_body_token(token, False, para_indent)
        else:
            block = token
        if block is not None:
            body[i] = block
        last_body = i
    for i in range(max(first, end + 1), len(tokens)):  # after the run: editors, notices
        if not hints[i] or i in consumed:
            continue
        if "editors" in hints[i]:
            editors.extend(PersonRef(name=n) for n in editors_from_line(tokens[i].text))
            note("editors", i)
        elif "notice" in hints[i]:
            notices.append(tokens[i].text)
    if authors is None and body:
        signed = _sign_off(page, max((i for i, t in body.items() if t.text), default=start))
        if signed is not None:
            signed_names = page.byline(signed) or (tokens[signed].text,)  # or the organisation
            authors = tuple(PersonRef(name=n) for n in signed_names)
            note("authors", signed)
            body.pop(signed, None)
    if authors:
        authors = _attach_bios(authors, tokens, hints, last_body)
    return PartialArticle(
        title=title,
        summary=summary,
        authors=authors or None,
        editors=tuple(editors) or None,
        published=published,
        body=tuple(body.values()),
        images=tuple(images),
        notices=tuple(notices),
        short_url=short_url,
        sources={
            **sources,
            "body": FieldSource(kind=SourceKind.TEXT_PATTERN, detail=_span(tokens, start, end)),
        },
    )


INTERFACE_OPENINGS: Final = (
    "acce", "arti", "asco", "clic", "comp", "cond", "down", "escu", "file", "foll", "from",
    "go t", "imag", "inic", "jetz", "lese", "list", "log", "medi", "part", "read", "regi",
    "regí", "s'in", "schl", "se c", "shar", "sign", "subs", "tags", "teil", "temp", "than",
    "them", "tiem", "topi", "vide", "écou",
)  # fmt: skip
"""Every alternative of ``INTERFACE_LINE`` starts (after its up to three non-word
characters) with a digit or one of these, ignoring case (a test reads the pattern)."""
LINE_START_MARKS: Final = 3
"""The non-word characters ``INTERFACE_LINE`` allows before its phrase
(``^\\W{0,3}``)."""


_INTERFACE_GATE: Final = re.compile(
    rf"\x00(?=\W{{0,{LINE_START_MARKS}}}"
    rf"(?:\d|{prefix_pattern(INTERFACE_OPENINGS, ignore_case=True)}))"
)
"""The pre-test of ``INTERFACE_LINE`` for texts joined after a NUL each (``_gated``): the
NUL before each text that starts, after up to ``LINE_START_MARKS`` non-word characters,
with a digit or an opening, case by case as ``re.IGNORECASE`` does but without trying
every phrase (``prefix_pattern``)."""


def _gated(texts: list[str], gate: re.Pattern[str]) -> list[str]:
    """The texts at whose start ``gate`` (like ``_INTERFACE_GATE``) matches, found in one
    pass over the texts joined after a NUL each (a NUL inside a text only lets that text
    through too)."""
    joined = "\x00" + "\x00".join(texts)
    starts = list(itertools.accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
    found = (bisect_right(starts, m.start()) - 1 for m in gate.finditer(joined))
    return [texts[k] for k in dict.fromkeys(found)]


KEPT_WHITESPACE_KINDS: Final = (TokenKind.PRE, TokenKind.TABLE)
"""Tokens whose text keeps line breaks (and indentation): the text tokenizer collapses
the whitespace of every other token's text (a test checks this on generated dumps)."""


def _classify_all(tokens: tuple[Token, ...]) -> list[frozenset[str]]:
    """``classify`` of every token's text plus the tokenizer's own hints; a dump repeats
    many lines (menus, buttons), so each distinct text is classified once, all of them
    in one ``classify_lines`` call (which looks for the rules' needles once per dump,
    not once per line) told that their whitespace is collapsed, but the texts of
    ``KEPT_WHITESPACE_KINDS`` (in a second call, when there are any); the other hints of
    a text (doubled, markup, interface, repeated) are found once per distinct text too
    (``_text_hints``). A line that says the same thing twice, and two consecutive lines
    that say the same thing, are an image's alt text beside its caption
    (``DOUBLED_HINT``)."""
    texts = [token.text for token in tokens]
    counts = Counter(texts)  # its keys: the distinct texts, in order
    counts.pop("", None)
    kept = dict.fromkeys(t.text for t in tokens if t.kind in KEPT_WHITESPACE_KINDS and t.text)
    collapsed = [text for text in counts if text not in kept] if kept else list(counts)
    seen: dict[str, frozenset[str]] = dict(
        zip(collapsed, classify_lines(collapsed, collapsed=True), strict=True)
    )
    if kept:
        seen.update(zip(kept, classify_lines(list(kept)), strict=True))
    for text, found in _text_hints(tokens, texts, counts).items():
        seen[text] = seen[text].union(found)
    seen[""] = frozenset()
    out = [seen[t.text] | t.hints if t.hints else seen[t.text] for t in tokens]
    lengths = [len(text) for text in texts]
    for i in [  # the length tests of a pair, for all pairs at once
        i
        for i, (before, n) in enumerate(itertools.pairwise(lengths), 1)
        if MIN_PAIRED_CAPTION_CHARS <= n <= MAX_PAIRED_CAPTION_CHARS_MAX
        and abs(n - before) <= MAX_PAIRED_CAPTION_DIFF
    ]:
        if (  # "alt text" then "Alt text." : one image
            tokens[i].kind is _PARAGRAPH
            and tokens[i - 1].kind is _PARAGRAPH
            and _same_letters(texts[i], texts[i - 1])
        ):
            out[i - 1] = out[i - 1] | {DOUBLED_HINT}
            out[i] = out[i] | {DOUBLED_HINT}
    for i in _gallery_slides(tokens):
        out[i] = out[i] | {GALLERY_HINT}
    return out


def _text_hints(
    tokens: tuple[Token, ...], texts: list[str], counts: Counter[str]
) -> dict[str, list[str]]:
    """The hints of each distinct text (the keys of ``counts``, how often each of
    ``texts`` occurs) besides ``classify``'s: doubled, markup, interface, repeated. Each
    test runs only on the texts that pass the cheap test it starts with, taken first for
    all texts at once (``INTERFACE_LINE``: ``_INTERFACE_GATE``)."""
    found: dict[str, list[str]] = {}
    for text in [  # _doubled's test that its opening characters come again
        t for t in counts if t.find(t[:DOUBLED_PROBE_CHARS], DOUBLED_PROBE_CHARS) >= 0
    ]:
        if _doubled(text) is not None:
            found.setdefault(text, []).append(DOUBLED_HINT)
    for text in [t for t in counts if "<" in t]:  # _markup needs tags
        if tokens[texts.index(text)].kind is _PARAGRAPH and _markup(text):
            found.setdefault(text, []).append(MARKUP_HINT)
    for text in _gated([t for t in counts if len(t) <= MAX_INTERFACE_CHARS], _INTERFACE_GATE):
        if INTERFACE_LINE.match(text):
            found.setdefault(text, []).append(INTERFACE_HINT)
    for text in [
        t
        for t in counts
        if len(t) <= MAX_REPEATED_LINE_CHARS
        and (counts[t] >= MIN_LINE_REPEATS or (RESIDUE_CHARS.search(t) and _residue_only(t)))
    ]:
        found.setdefault(text, []).append(REPEATED_HINT)
    return found


def _gallery_slides(tokens: tuple[Token, ...]) -> list[int]:
    """Tokens of a picture gallery printed as text: slide-counter lines ("1/50 Title",
    "2 of 50 Title") to one total, the counters that follow or precede another by one
    (at least ``MIN_GALLERY_SLIDES`` of them), each with the caption paragraph under it."""
    slides: dict[int, list[tuple[int, int]]] = {}  # total → [(number, token index)]
    for i in [i for i, token in enumerate(tokens) if token.text[:1].isdigit()]:
        match = SLIDE_COUNTER.match(tokens[i].text)
        if match is not None:
            slides.setdefault(int(match.group(2)), []).append((int(match.group(1)), i))
    out: list[int] = []
    for total, found in slides.items():
        steps = {k for k in range(1, len(found)) if found[k][0] == found[k - 1][0] + 1}
        run = [i for k, (_, i) in enumerate(found) if k in steps or k + 1 in steps]
        if len(run) < MIN_GALLERY_SLIDES or total < MIN_GALLERY_SLIDES:
            continue
        for i in run:
            out.append(i)
            if i + 1 < len(tokens) and tokens[i + 1].kind is _PARAGRAPH:
                out.append(i + 1)
    return out


def _markup(text: str) -> bool:
    """The line is mostly HTML or MathML tags that the browser printed as text
    ("[MATH: <semantics> <mrow> <mi> A </mi> …", "<br><small>Photo by <a href=…")."""
    if text.count("<") < MIN_MARKUP_TAGS:
        return False  # "A single <img>" names a tag
    tagged = sum(m.end() - m.start() for m in MARKUP_TAG.finditer(text))
    return tagged >= MARKUP_SHARE * len(text)


def _residue_only(text: str) -> bool:
    """The line holds nothing but text-browser residue ("(BUTTON) [img]")."""
    if RESIDUE_CHARS.search(text) is None:  # no residue in it: nothing to take away
        return not text.strip(" :|•·-")
    return not RESIDUE.sub("", text).strip(" :|•·-")


def _letters(text: str) -> str:
    """Letters and digits of a text, case-folded (punctuation and quotes dropped)."""
    return NOT_ALNUM.sub("", text.casefold())


LETTERS_PROBE_CHARS: Final = 8
"""``_same_letters`` compares the letters of this many leading characters first (most
neighbouring lines of the same length differ there)."""


def _same_letters(text: str, other: str) -> bool:
    """``_letters(text) == _letters(other)``, told apart first by the letters of their
    first ``LETTERS_PROBE_CHARS`` characters: case folding and dropping a character
    depend on that character alone, so the letters of a text's start begin its letters,
    and of two texts with the same letters, those of one start begin those of the
    other."""
    head, other_head = _letters(text[:LETTERS_PROBE_CHARS]), _letters(other[:LETTERS_PROBE_CHARS])
    if not (head.startswith(other_head) or other_head.startswith(head)):
        return False
    return _letters(text) == _letters(other)


def _doubled(text: str) -> str | None:
    """The repeated text of a line that says the same thing twice, as a text browser
    renders an image's alt text next to its identical caption ("A man on a bridge. A man
    on a bridge."), a few words such as a duration allowed in between; else ``None``."""
    if len(text) > 2 * MAX_ALT_CHARS or text.count(" ") < 2 * MIN_DOUBLED_WORDS - 1:
        return None
    if text.find(text[:DOUBLED_PROBE_CHARS], DOUBLED_PROBE_CHARS) < 0:
        return None  # its opening characters do not come again
    words = text.split()
    n = len(words)
    if text.find(" ".join(words[:MIN_DOUBLED_WORDS]), 1) < 0:
        return None  # its opening words do not come again
    half = (n - MAX_DOUBLED_GAP_WORDS + 1) // 2
    opening = words[:MIN_DOUBLED_WORDS]
    for k in range(n // 2, max(MIN_DOUBLED_WORDS, half) - 1, -1):
        if words[:k] == words[n - k :]:
            if any(words[j : j + MIN_DOUBLED_WORDS] == opening for j in range(1, k)):
                return None  # "A. A. A. A." repeats a phrase, it is no alt text + caption
            return " ".join(words[:k])
    return None


def _span(tokens: tuple[Token, ...], start: int, end: int) -> str:
    first = tokens[start].lines or (0, 0)
    last = tokens[end].lines or (0, 0)
    return f"lines {first[0]}-{last[1]}"


PROSE_KINDS: Final = (TokenKind.PARAGRAPH, TokenKind.QUOTE)
"""Tokens that may be prose paragraphs."""
NEUTRAL_KINDS: Final = (TokenKind.FIGURE, TokenKind.TABLE, TokenKind.PRE)
"""Tokens that are worth nothing in the body run (neither prose nor furniture)."""
CAPTION_KINDS: Final = (TokenKind.PARAGRAPH, TokenKind.CAPTION)
"""Tokens that may be a caption with a credit."""
NO_BODY_KINDS: Final = (TokenKind.HINT, TokenKind.BREAK, TokenKind.URL)
"""Tokens never kept as body blocks."""


def _size(text: str) -> tuple[int, int]:
    """``(characters, words)`` of a text, letters of scripts without spaces counted as
    ``CJK_CHAR_WEIGHT`` characters and ``1 / CJK_CHARS_PER_WORD`` words each."""
    # (a paragraph with a curly quote is not ASCII: ``may_hold`` tells faster than a
    # search whether it can hold such a letter)
    cjk = 0 if text.isascii() or not may_hold(text, CJK_LEADS) else len(CJK_RE.findall(text))
    chars = len(text) + (CJK_CHAR_WEIGHT - 1) * cjk
    words = text.count(" ") + 1 + cjk // CJK_CHARS_PER_WORD
    return chars, words


def _ends_sentence(text: str) -> bool:
    """``SENTENCE_END`` is in ``text``: it can only match at the last character that is
    not whitespace, so it is tried there alone (not searched for from every one)."""
    last = len(text.rstrip()) - 1
    return last >= 0 and SENTENCE_END.match(text, last) is not None


def _prose_chars(token: Token, config: TextScoringConfig) -> int:
    """The size (``_size``) of a prose paragraph, ``0`` for any other token: computed
    once per token, as the body run, the header and the body blocks all ask. The cheap
    tests come first: ``_size`` counts a character at most ``CJK_CHAR_WEIGHT`` times,
    and the sentence end is tested at one character (``_ends_sentence``)."""
    text = token.text
    if token.kind not in PROSE_KINDS:
        return 0
    if len(text) * CJK_CHAR_WEIGHT < config.min_paragraph_chars:
        return 0
    if not _ends_sentence(text):
        return 0
    chars, words = _size(text)
    if chars >= config.min_paragraph_chars and words >= config.min_sentence_words:
        return chars  # a prose line is never empty, so this is never 0
    return 0


def _values(
    tokens: tuple[Token, ...], hints: list[frozenset[str]], config: TextScoringConfig
) -> tuple[list[int], list[float]]:
    """``_prose_chars`` and ``_token_value`` of every token, each test that depends on a
    token's text alone (prose, a comments heading) run once per distinct text."""
    kinds = PROSE_KINDS  # the others are never prose
    firsts = {t.text: t for t in tokens if t.kind in kinds}  # a token of each such text
    prose_of = {text: _prose_chars(token, config) for text, token in firsts.items()}
    prose = [prose_of[t.text] if t.kind in kinds else 0 for t in tokens]
    short = {t.text for t in tokens if len(t.text) <= SECTION_LABEL_MAX_CHARS}
    comments = {text for text in short if COMMENTS_LABEL.match(text) is not None}
    values = [
        _token_value(t, hint, chars, t.text in comments)
        for t, hint, chars in zip(tokens, hints, prose, strict=True)
    ]
    return prose, values


def _token_value(token: Token, hint: frozenset[str], prose_chars: int, comments: bool) -> float:
    """The value of a token in the body run (``comments``: its text matches
    ``COMMENTS_LABEL``). A short "Related stories" / "Mehr zum Thema" label, or the
    heading of the reader comments ("Comments (74)", "There are 13 comments") is a
    section boundary: nothing after it is body."""
    if (comments or "related" in hint) and len(token.text) <= SECTION_LABEL_MAX_CHARS:
        # "Read more" inside an article costs like a list item; "Most read" ends it
        return -INLINE_LABEL_COST if INLINE_RELATED.match(token.text) else -math.inf
    if hint:  # (most tokens have none: the tests below are skipped)
        if not FURNITURE_HINTS.isdisjoint(hint):
            return -FURNITURE_COST
        if INTERFACE_HINT in hint:
            return -SHORT_LINE_COST  # "Click to play video: '…'" reads like a sentence
        if DOUBLED_HINT in hint or MARKUP_HINT in hint:
            return 0.0  # an image's alt text and caption, a formula's markup: neutral
    if prose_chars:
        return PROSE_BONUS_PER_CHAR * prose_chars * (1.0 - token.link_density)
    if token.kind is _LIST_ITEM:
        return -LIST_ITEM_COST
    if token.kind in NEUTRAL_KINDS:
        return 0.0
    return -SHORT_LINE_COST


def _body_range(
    tokens: tuple[Token, ...], hints: list[frozenset[str]], values: list[float]
) -> tuple[int, int]:
    """The maximum-sum run of token values (``_token_value`` of each token, in
    ``values``; Kadane), as inclusive indices.

    "Related"/"More stories" labels cut the page into sections. When the best run has no
    header above it (no dateline, no labelled byline) and an earlier section's best run
    does and is worth ``HEADED_SEGMENT_SHARE`` of it, the larger run is a list of other
    articles' teasers or another article: the headed run is the body. Inline labels
    ("Read more", ``INLINE_RELATED``) do not cut sections: the body runs across them.
    """
    best = 0.0
    best_range = (-1, -1)
    best_lo = 0  # first token of the section holding the best run
    running = 0.0
    run_start = 0
    segment_start = 0
    segments: list[tuple[float, tuple[int, int], int]] = []
    seg_best, seg_range = 0.0, (-1, -1)
    for i, value in enumerate(values):
        if value == -math.inf:
            if seg_range[0] >= 0:
                segments.append((seg_best, seg_range, segment_start))
            running, run_start, segment_start = 0.0, i + 1, i + 1
            seg_best, seg_range = 0.0, (-1, -1)
            continue
        if running <= 0.0:
            running, run_start = value, i
        else:
            running += value
        if running > seg_best:
            seg_best, seg_range = running, (run_start, i)
        if running > best:
            best, best_range, best_lo = running, (run_start, i), segment_start
    if seg_range[0] >= 0:
        segments.append((seg_best, seg_range, segment_start))
    if len(segments) < 2 or (
        _has_header(tokens, hints, best_lo, best_range[0])
        and _datelines_in(tokens, hints, best_range) < TEASER_DATELINES
    ):
        return best_range
    for value, span, lo in segments:
        if lo >= best_lo:
            break
        if value >= HEADED_SEGMENT_SHARE * best and _has_header(tokens, hints, lo, span[0]):
            return span
    return best_range


def _inline_box(values: list[float], start: int) -> tuple[int, int, int] | None:
    """A "Recommended" box set into the article: the body run starts a few tokens after
    a section label, and running text ends right above that label. Returns the start of
    that earlier text and the box's first and last token, or ``None``."""
    label = next(
        (
            i
            for i in range(start - 1, max(-1, start - 1 - INLINE_BOX_TOKENS), -1)
            if values[i] == -math.inf
        ),
        None,
    )
    if label is None:
        return None
    total = best = 0.0
    first = None
    gap = 0
    for i in range(label - 1, -1, -1):
        value = values[i]
        if value == -math.inf:
            break
        if first is None and value <= 0.0:
            gap += 1
            if gap > INLINE_BOX_GAP:
                return None
            continue
        total += value
        if total <= 0.0:
            break
        if total > best:
            best, first = total, i
    if first is None or best < INLINE_BOX_MIN_VALUE:
        return None
    return first, label, start - 1


def _datelines_in(
    tokens: tuple[Token, ...], hints: list[frozenset[str]], span: tuple[int, int]
) -> int:
    """How many short date lines a run holds (teaser cards carry one each)."""
    return sum(1 for i in range(span[0], span[1] + 1) if _short_dateline(tokens[i], hints[i]))


def _short_dateline(token: Token, hint: frozenset[str]) -> bool:
    return not hint & FURNITURE_HINTS and _short_dated(token.text, DATE_SHARE_OF_DATELINE)


def _short_dated(
    text: str,
    share: float,
    reference_time: dt.datetime | None = None,
    day_first: bool | None = None,
) -> bool:
    """A short text (``MAX_DATELINE_CHARS``) holding a date that is labelled
    (``LABELED_DATE``) or covers ``share`` of it."""
    if not text or len(text) > MAX_DATELINE_CHARS:
        return False
    if not may_hold_date(text, relative=reference_time is not None):
        return False
    matches = find_dates(text, reference_time=reference_time, prefer_dayfirst=day_first)
    covered = sum(m.end - m.start for m in matches)
    return bool(matches) and (LABELED_DATE.match(text) is not None or covered >= share * len(text))


def _has_header(
    tokens: tuple[Token, ...], hints: list[frozenset[str]], lo: int, start: int
) -> bool:
    """A dateline or a labelled byline just above ``start`` (not before ``lo``)."""
    for i in range(max(lo, start - HEADER_REACH), start):
        text = tokens[i].text
        if hints[i] & FURNITURE_HINTS or not text or len(text) > MAX_DATELINE_CHARS:
            continue
        if BYLINE_LABEL.match(text) is not None and len(text.split()) <= MAX_BYLINE_WORDS:
            return True
        if _short_dateline(tokens[i], hints[i]):
            return True
    return False


def _day_first(tokens: tuple[Token, ...]) -> bool | None:
    """How the page writes ambiguous slashed dates: day first when its unambiguous
    slashed dates (13/04/2025) say so, month first when they say that (04/13/2025);
    without such evidence day first unless the page is English, where the order of its
    written-out dates decides ("6 January" British, "January 6" American) and a page
    with neither leaves ambiguous dates unread (``None``)."""
    day_first = month_first = ambiguous = 0
    for token in tokens:
        text = token.text
        if "/" in text:
            for match in SLASH_DATE.finditer(text):
                a, b = int(match.group(1)), int(match.group(2))
                if a > MONTHS >= b:
                    day_first += 1
                elif b > MONTHS >= a:
                    month_first += 1
                elif a != b:
                    ambiguous += 1
    if not ambiguous:
        return None  # nothing to decide
    if day_first != month_first:
        return day_first > month_first
    sample: list[str] = []
    size = 0
    for token in tokens:
        if size >= DAY_FIRST_SAMPLE_CHARS:
            break
        if token.kind is _PARAGRAPH and len(token.text) > DAY_FIRST_SAMPLE_MIN_CHARS:
            sample.append(token.text)
            size += len(token.text)
    if detect_language(" ".join(sample)) != "en":
        return True
    # English: British pages write "6 January", American ones "January 6"
    named_day_first = named_month_first = 0
    for token in tokens:
        if DIGIT.search(token.text) is not None:  # (named dates have a day number)
            named_day_first += len(EN_DAY_MONTH.findall(token.text))
            named_month_first += len(EN_MONTH_DAY.findall(token.text))
    if named_day_first != named_month_first:
        return named_day_first > named_month_first
    return None


def _first_date(
    text: str, reference_time: dt.datetime | None, day_first: bool | None = None
) -> DateValue | None:
    if not may_hold_date(text, relative=reference_time is not None):
        return None
    matches = find_dates(text, reference_time=reference_time, prefer_dayfirst=day_first)
    if not matches:
        return None
    match = matches[0]
    return DateValue(value=match.value, relative=match.relative)


def _byline_names(text: str, parse: Callable[[str], Byline] = parse_byline) -> tuple[str, ...]:
    """Person names of a byline line, or ``()`` when the line is not a byline.

    A line that is not a byline as a whole may hold one among separated fields
    ("Jane Roe | Published 2 May 2024", "Column by Jane Roe - 02.05.2024 - 3 comments",
    "Jane Roe / Example Times / May 2, 2024"): a field is taken when it carries a byline
    label or another field of the line holds a date. ``parse`` is the byline parser (a
    page's memo of it: ``_Page.parse``).
    """
    names = _byline_field_names(text, parse)
    if names or not _has_field_separator(text):
        return names
    fields = [f for f in FIELD_SEPARATOR.split(text) if f.strip()]
    if len(fields) < 2 or len(fields) > MAX_BYLINE_FIELDS:
        return ()
    fields = [f.strip() for f in fields]
    if not any(_may_name(f) for f in fields):
        return ()  # (before the date search below: no field can give a name)
    labelled = [f for f in fields if BYLINE_LABEL.match(f) is not None]
    for part in labelled:  # "… | Written by Jane Roe" beats "Section, Topic | …"
        names = _byline_field_names(part, parse)
        if names:
            return names
    dated = [bool(may_hold_date(f, relative=False) and find_dates(f)) for f in fields]
    if not any(dated):
        return ()
    for part, has_date in zip(fields, dated, strict=True):
        if not has_date and part not in labelled:
            names = _byline_field_names(part, parse)
            if names:
                return names
    return ()


def _has_field_separator(text: str) -> bool:
    r"""``FIELD_SEPARATOR.search(text)`` without scanning every position of a paragraph
    (the pattern opens with ``\s*``): a bar or a bullet, else a spaced slash or dash."""
    if "|" in text or "•" in text or "·" in text:
        return True
    return ("/" in text or "-" in text or "–" in text or "—" in text) and (
        SPACED_SEPARATOR.search(text) is not None
    )


def _bare_label(text: str) -> str | None:
    """The label of a line that is nothing but a byline label ("Von", "By:", "Author of
    the article:"), as a field name the byline parser reads ("Von", "Author"); else
    ``None``."""
    if len(text) > MAX_BARE_LABEL_CHARS:
        return None
    match = BARE_BYLINE_LABEL.match(text)
    if match is None:
        return None
    label = match.group("label")
    return label if " " not in label else BARE_LABEL_FIELD


def _may_name(text: str, labelled: bool | None = None) -> bool:
    """The tests ``_byline_field_names`` makes before it runs the byline parser: a field
    failing them names no one (``labelled``: whether it opens with ``BYLINE_LABEL``,
    when the caller knows)."""
    if labelled is None:
        labelled = BYLINE_LABEL.match(text) is not None
    if len(text.split()) > MAX_BYLINE_WORDS or (not labelled and _ends_sentence(text)):
        return False
    # "desktop news": names are capitalised (in scripts with case); the capital count
    # spares the parser lines that cannot hold two capitalised names
    return labelled or not (
        (":" in text and NON_TIME_COLON.search(text))  # (the pattern tries every position)
        or text.islower()
        or _too_few_capitals(text)
    )


def _byline_field_names(
    text: str, parse: Callable[[str], Byline] = parse_byline
) -> tuple[str, ...]:
    """Person names of one byline field (a whole line or one separated field), read with
    ``parse`` (the byline parser or a page's memo of it)."""
    labelled = BYLINE_LABEL.match(text) is not None
    if not _may_name(text, labelled):
        return ()
    byline = parse(text)
    names = byline.persons
    if not names and labelled and byline.organizations:
        # "Von dpa", "By The Associated Press": a labelled byline naming no person gives
        # its organisations, as on the HTML path and in the adapters
        return byline.organizations
    if not names or any(len(n.split()) < MIN_NAME_WORDS for n in names):
        return ()
    undated = _undated(text) if not labelled else text
    if not labelled and _uncovered_words(undated, byline) > (
        MAX_UNCOVERED_BYLINE_WORDS if any(ch.isdigit() for ch in text) else 0
    ):
        return ()
    if (
        not labelled
        and _uncovered_words(undated, byline, capitalised=True) > MAX_UNCOVERED_CAPITALISED
    ):
        return ()  # "Content Depth — Write Comprehensively About …": a Title Case headline
    if not labelled and (is_credit_line(text) or NAME_WITH_AGE.search(text)):
        return ()  # "Agency/Jane Roe" credits a picture; "Jane Roe, 37" is someone in it
    if not labelled and any(
        n.split()[0].casefold() in NAME_STOPWORDS
        or sum(1 for w in n.split() if w[:1].isupper()) < MIN_NAME_WORDS
        for n in names
        if not CJK_RE.search(n) and n[:1].lower() != n[:1].upper()
    ):
        return ()
    if any(len(w) > MAX_CJK_NAME_CHARS for n in names if CJK_RE.search(n) for w in n.split()):
        return ()
    return names


def _too_few_capitals(text: str) -> bool:
    """Fewer than ``MIN_NAME_WORDS`` capital letters in a text written only in scripts
    with case: no name of capitalised words can be in it. (An ASCII text's capitals are
    counted as the bytes that ``ASCII_CAPITALS`` deletes, and all its letters have case.)"""
    if text.isascii():
        return len(text) - len(text.encode().translate(None, ASCII_CAPITALS)) < MIN_NAME_WORDS
    if sum(1 for ch in text if ch.isupper()) >= MIN_NAME_WORDS:
        return False
    return all(ch.lower() != ch.upper() for ch in text if ch.isalpha())


def _undated(text: str) -> str:
    """The text with each date in it replaced by a space."""
    if may_hold_date(text, relative=False):
        for match in reversed(find_dates(text)):
            text = text[: match.start] + " " + text[match.end :]
    return text


def _uncovered_words(undated: str, byline: Byline, *, capitalised: bool = False) -> int:
    """Lower-case (or, with ``capitalised``, capitalised) words of a line (``_undated``:
    "4 de febrero de 2025" holds no uncovered word) that are neither a name, a role nor
    an organisation ("Süper Lig'de golcülerin yarışı kıyasıya" is a headline, not a
    name)."""
    known = " ".join((*byline.persons, *byline.organizations, byline.role or "")).casefold()
    known_words = set(known.split()) | BYLINE_CONJUNCTIONS
    return sum(
        1
        for word in WORD_RE.findall(undated)
        if (word[:1].isupper() if capitalised else word.islower())
        and word.casefold() not in known_words
    )


def _terms(text: str) -> set[str]:
    """Content words of a text (character pairs for scripts without spaces)."""
    folded = text.casefold()
    if folded.isascii():
        return set(ASCII_TERM_RE.findall(folded))
    terms = set(TERM_RE.findall(folded))
    letters = CJK_RE.findall(folded)  # (the pattern is one character)
    terms.update(a + b for a, b in itertools.pairwise(letters))
    return terms


def _title_shape(token: Token) -> bool:
    """Length and ending of a headline."""
    text = token.text
    if token.kind not in (_HEADING, _PARAGRAPH) or not text:
        return False
    if len(text) > MAX_TITLE_CHARS or text.endswith(TITLE_BAD_END):
        return False
    words = len(text.split())
    if words < MIN_TITLE_WORDS and not text.isascii() and CJK_RE.search(text):
        return len(text) >= MIN_CJK_TITLE_CHARS
    return MIN_TITLE_WORDS <= words <= MAX_TITLE_WORDS or (
        token.kind is _HEADING and token.level <= 1
    )


@dataclass(slots=True)
class _Page:
    """The tokens with their hints and the body run, plus per-token memos of the
    expensive recognisers (stage-internal; one per ``score_text`` call)."""

    tokens: tuple[Token, ...]
    hints: list[frozenset[str]]
    config: TextScoringConfig
    reference_time: dt.datetime | None
    start: int
    end: int
    para_indent: int
    slug: frozenset[str] = frozenset()
    """Words of the page's URL path (see ``_slug_words``)."""
    prose_chars: list[int] = field(default_factory=list)
    """``_prose_chars`` of each token (0: not a prose paragraph)."""
    _datelines: dict[int, bool] = field(default_factory=dict)
    _bylines: dict[int, tuple[str, ...]] = field(default_factory=dict)
    _captions: dict[int, tuple[str | None, str | None] | None] = field(default_factory=dict)
    _parsed: dict[str, Byline] = field(default_factory=dict)
    _day_order: bool | None = None
    """``_day_first`` of the page, once ``_day_order_read`` (see ``day_first``)."""
    _day_order_read: bool = False

    def caption(self, i: int) -> tuple[str | None, str | None] | None:
        """``(caption, credit)`` when token ``i`` is a caption with a credit."""
        captions = self._captions
        if not captions:  # the first call: the lines without a credit, found in one go
            # among the lines asked about: the header's (from TITLE_LOOKBACK above the
            # run) and the body's; any other is asked about rarely, and read on its own
            lo = max(0, self.start - TITLE_LOOKBACK)
            captions.update(dict.fromkeys(range(lo, self.end + 1)))
            for k in credit_candidates([token.text for token in self.tokens[lo : self.end + 1]]):
                del captions[lo + k]
        if i not in captions:
            captions[i] = _caption(self.tokens[i], self.hints[i])
        return captions[i]

    def organization(self, text: str) -> bool:
        """``_organization_name(text)``, with the page's byline parses (``parse``): the
        header search asks it of the same names and lines more than once."""
        return _organization_name(text, self.parse)

    def parse(self, text: str) -> Byline:
        """``parse_byline(text)``: the byline and organisation tests parse the same text
        more than once (a name line, then the name it gives as an organisation)."""
        found = self._parsed.get(text)
        if found is None:
            found = self._parsed[text] = parse_byline(text)
        return found

    def day_first(self, text: str) -> bool | None:
        """How to read an ambiguous slashed date such as 06/01/2026 in ``text``
        (``find_dates``'s ``prefer_dayfirst``): as this page writes them (``_day_first``,
        worked out when a text with a slashed date first asks). ``find_dates`` reads a
        text without one alike whatever the answer (``reads_day_order``): ``None``."""
        if not reads_day_order(text):
            return None
        if not self._day_order_read:
            self._day_order, self._day_order_read = _day_first(self.tokens), True
        return self._day_order

    def furniture(self, i: int) -> bool:
        return bool(self.hints[i] & FURNITURE_HINTS) or self.tokens[i].kind is _HINT

    def byline(self, i: int) -> tuple[str, ...]:
        """Person names when token ``i`` is a byline, else ``()``."""
        found = self._bylines.get(i)
        if found is None:
            token = self.tokens[i]
            found = ()
            if token.kind in HEADER_KINDS:
                text = token.text
                if "[" in text or "(" in text or "." in text:  # "[portrait] Jane Roe"
                    if "[" in text or "(" in text or BYLINE_FILE_NAME.match(text):
                        text = BYLINE_RESIDUE.sub(" | ", text)
                    text = " ".join(text.split()).strip(" |")
                label = _bare_label(text)
                if label is None:
                    found = _byline_names(text, self.parse)
                elif i + 1 < len(self.tokens) and self.tokens[i + 1].kind in HEADER_KINDS:
                    found = _byline_field_names(f"{label}: {self.tokens[i + 1].text}", self.parse)
            self._bylines[i] = found
        return found

    def names_below(self, i: int) -> bool:
        """Token ``i`` is a byline label alone on its line ("By", "Author of the article:")
        whose names are the next line."""
        return _bare_label(self.tokens[i].text) is not None and bool(self.byline(i))

    def labelled_byline(self, i: int) -> bool:
        text = self.tokens[i].text
        labelled = BYLINE_LABEL.match(text) is not None or _bare_label(text) is not None
        return labelled and bool(self.byline(i))

    def dateline(self, i: int) -> bool:
        """Token ``i`` is a short line whose date is a large part of it (or labelled)."""
        found = self._datelines.get(i)
        if found is None:
            found = self._is_dateline(i)
            self._datelines[i] = found
        return found

    def _is_dateline(self, i: int) -> bool:
        token = self.tokens[i]
        text = token.text
        if token.kind not in HEADER_KINDS:
            return False
        labelled = LABELED_DATE.match(text) is not None
        if len(text) > MAX_FIELDED_DATELINE_CHARS and not labelled:
            return False  # (before the date pre-test: it would scan a whole paragraph)
        if not may_hold_date(text, relative=self.reference_time is not None):
            return False
        if len(text) > MAX_DATELINE_CHARS and not labelled:
            # "Section | Published: 2 hours ago | Written by Jane Roe": a dated field
            if len(text) > MAX_FIELDED_DATELINE_CHARS:
                return False
            fields = FIELD_SEPARATOR.split(text) if _has_field_separator(text) else [text]
            return any(self._dated_field(f.strip()) for f in fields)
        head = text[:MAX_DATELINE_CHARS]
        matches = find_dates(
            head, reference_time=self.reference_time, prefer_dayfirst=self.day_first(head)
        )
        if not matches:
            return False
        covered = sum(m.end - m.start for m in matches)
        return (
            labelled
            or matches[0].start == 0  # "25/04/2026 Updated at 15:10": a caption ends with one
            or covered >= DATE_SHARE_OF_DATELINE * len(head)
            or bool(self.byline(i))
        )

    def _dated_field(self, text: str) -> bool:
        """A field of a long line that is a labelled date or mostly a date."""
        return _short_dated(text, DATED_FIELD_SHARE, self.reference_time, self.day_first(text))

    def mostly_date(self, i: int) -> bool:
        text = self.tokens[i].text
        if not may_hold_date(text, relative=self.reference_time is not None):
            return False
        matches = find_dates(text, reference_time=self.reference_time)
        covered = sum(m.end - m.start for m in matches)
        return covered >= MIN_DATE_SHARE_OF_TITLE * len(text)

    def prose(self, i: int) -> bool:
        return self.prose_chars[i] > 0


def _read_header(page: _Page) -> _Header:
    """Read title, byline, dateline and lead from the lines around the body start."""
    tokens = page.tokens
    title = _find_title(page)
    body_start = page.start if title is None or title < page.start else title + 1
    anchor = title if title is not None else body_start
    lo = max(0, anchor - (META_BEFORE_TITLE if title is not None else META_AFTER_TITLE))
    hi = min(len(tokens), max(body_start, anchor) + META_AFTER_TITLE)
    order = sorted(range(lo, hi), key=lambda i: (i < anchor, abs(i - anchor)))
    order = [i for i in order if i != title and not page.furniture(i)]
    dateline = _pick_dateline(page, order)
    byline = next((i for i in order if page.labelled_byline(i)), None)
    if byline is None or not _names_a_person(page, byline):
        # "By Example Times" under the headline, "Jane Roe" above the text: the person
        bare = _bare_byline(page, order, {anchor, page.start, dateline})
        if byline is None or (bare is not None and _names_a_person(page, bare)):
            byline = bare
    if dateline is None or byline is None:
        # Not next to the headline: sites put the byline/date row above it, or below a
        # lead, a picture and a share bar. Only labelled bylines are believed this far,
        # and bare names on the line next to the dateline found there.
        wide_lo = max(0, anchor - TITLE_LOOKBACK)
        wide_hi = min(len(tokens), max(body_start, anchor) + WIDE_META_AFTER)
        wide = sorted(range(wide_lo, wide_hi), key=lambda i: (abs(i - anchor), i < anchor))
        near = set(order)
        wide = [i for i in wide if i not in near and i != title and not page.furniture(i)]
        wide_dateline = _pick_dateline(page, wide) if dateline is None else None
        dateline = dateline if wide_dateline is None else wide_dateline
        if byline is None:
            byline = next((i for i in wide if page.labelled_byline(i)), None)
        if byline is None and wide_dateline is not None and wide_dateline < page.end:
            byline = _bare_byline(page, order + wide, {wide_dateline}, reach=1)
    byline_lines = _byline_group(page, byline, title) if byline is not None else ()
    taken = {dateline, *byline_lines}
    while body_start in taken:
        body_start += 1
    lead = _find_lead(page, body_start)
    return _Header(
        title=title,
        byline=byline,
        byline_lines=byline_lines,
        dateline=dateline,
        lead=lead,
        body_start=body_start,
    )


def _bare_byline(
    page: _Page, order: list[int], near: set[int | None], reach: int = BARE_BYLINE_REACH
) -> int | None:
    """The first token of ``order`` that is a byline without a label and lies within
    ``reach`` tokens of one of ``near`` (the headline, the body start, the dateline); one
    that names a person comes before one that only names an organisation ("The Example
    Times" under the headline, "Jane Roe" above the text)."""
    anchors = [k for k in near if k is not None]
    first: int | None = None
    for i in order:
        if (
            any(abs(i - k) <= reach for k in anchors)
            and page.byline(i)
            and not _words_repeated_below(page, i)
        ):
            if _names_a_person(page, i):
                return i
            if first is None:
                first = i
    return first


def _words_repeated_below(page: _Page, i: int) -> bool:
    """Every content word of token ``i`` (two or more) comes again in the next token,
    which is over twice as long: the line is a picture's alt text above its caption
    ("Novelist Jane Roe" / "Jane Roe, the novelist, at her home in …"), not a byline."""
    if i + 1 >= len(page.tokens):
        return False
    text, below = page.tokens[i].text, page.tokens[i + 1].text
    if len(below) <= ALT_CAPTION_LENGTH_RATIO * len(text):
        return False
    own = _terms(text)
    return len(own) >= MIN_ALT_WORDS and own <= _terms(below)


def _names_a_person(page: _Page, i: int) -> bool:
    """Token ``i``'s byline names at least one person, not only organisations."""
    return any(not page.organization(name) for name in page.byline(i))


def _byline_group(page: _Page, byline: int, title: int | None) -> tuple[int, ...]:
    """The byline token, plus, after a label alone on its line, the next lines that are
    names too: one author per line ("By" / "Jane Roe, Reporter" / "John Doe"); or, for a
    byline of names without a label, the lines right above and below it that are such
    bylines too ("Jane Roe" / "John Doe": one author per line, no label at all)."""
    tokens = page.tokens
    if page.names_below(byline):
        last = byline + 1
        while (
            last + 1 < len(tokens)
            and last - byline < MAX_BYLINE_LINES
            and page.byline(last + 1)
            and not page.dateline(last + 1)
        ):
            last += 1
        return tuple(range(byline, last + 1))
    if not _unlabelled_byline(page, byline, title):
        return (byline,)
    first = last = byline
    while (
        last + 1 < len(tokens)
        and last + 1 - first < MAX_BYLINE_LINES
        and _unlabelled_byline(page, last + 1, title)
    ):
        last += 1
    while (
        first > 0
        and last - first + 1 < MAX_BYLINE_LINES
        and _unlabelled_byline(page, first - 1, title)
    ):
        first -= 1
    return tuple(range(first, last + 1))


def _unlabelled_byline(page: _Page, i: int, title: int | None) -> bool:
    """Token ``i`` (not the title) is a byline without a label, neither furniture, a
    dateline nor a picture's alt text (``_words_repeated_below``)."""
    if i == title or page.furniture(i):
        return False
    return (
        bool(page.byline(i))
        and not page.labelled_byline(i)
        and not page.dateline(i)
        and not _words_repeated_below(page, i)
    )


def _pick_dateline(page: _Page, order: list[int]) -> int | None:
    """The first dateline in ``order``, one that is not labelled as an update
    ("Updated …", "Akt.: …") when there is such a line."""
    update: int | None = None
    for i in order:
        if page.dateline(i):
            if UPDATE_LABEL.match(page.tokens[i].text) is None:
                return i
            if update is None:
                update = i
    return update


def _find_lead(page: _Page, start: int) -> int | None:
    """A lead: the first paragraph, set apart from the body by a link, image or caption."""
    tokens = page.tokens
    if start > page.end or start + 1 >= len(tokens):
        return None
    following = tokens[start + 1]
    if page.prose(start) and (
        following.kind in (_URL, _FIGURE)
        or page.caption(start + 1) is not None
        or (start + 2 < len(tokens) and page.caption(start + 2) is not None)
    ):
        return start
    return None


def _find_title(page: _Page) -> int | None:
    """The best-scoring headline candidate around the body start (see ``_title_score``).

    When no line qualifies up to just below the body start, a line further down, after
    running text, is taken when a byline or dateline sits right under it
    (``TITLE_ANCHORED_LOOKAHEAD``): the run may open with image captions or a teaser
    above the headline, but sub-headings have no byline.
    """
    lo = max(0, page.start - TITLE_LOOKBACK)
    hi = min(page.end, page.start + TITLE_LOOKAHEAD)
    far = min(page.end, page.start + TITLE_ANCHORED_LOOKAHEAD)
    body_terms = _body_terms(page)
    early: list[int] = []
    late: list[int] = []
    in_body = False
    running_text = False  # a prose line that is not headline-shaped since the body start
    for i in range(lo, far + 1):
        if i > page.start and page.prose(i - 1):
            running_text = running_text or not _title_shape(page.tokens[i - 1])
            if i > page.start + 1 and page.prose(i - 2):
                in_body = True  # two paragraphs of running text: we are inside the body
        if in_body:
            break  # the body has begun: a later line is a sub-heading
        if page.furniture(i) or not _title_shape(page.tokens[i]):
            continue
        text = page.tokens[i].text
        if (
            _residue_only(text)
            or (REPEATED_HINT in page.hints[i] and len(text.split()) <= SHORT_TITLE_WORDS)
            or MARKUP_HINT in page.hints[i]
            or (DOUBLED_HINT in page.hints[i] and _doubled(text) is not None)
        ):
            continue  # "[Home]", "(BUTTON)", "Article content" between all paragraphs;
            # an alt text and its caption on one line
        # once running text has begun, or below the body start, a line is late
        (late if i > hi or running_text else early).append(i)
    found, qualified = _best_title(page, early, body_terms)
    if qualified:
        return found
    # no line above qualified: a later one when a byline or dateline marks it
    scored: list[tuple[float, int]] = []
    for i in late:
        evidence = _title_evidence(page, i, body_terms)
        if _title_bound(evidence) < TITLE_MIN_SCORE - TITLE_SCORE_MARGIN:
            continue  # no line under it can lift it over the bar
        if not _anchored(page, i) or _not_a_title(page, i):
            continue
        score = _title_score(page, i, evidence)
        if score > TITLE_MIN_SCORE:
            scored.append((score, i))
    firsts = sorted(scored, key=_best_first)[:MAX_ORGANIZATION_CHECKS]
    return next((i for _, i in firsts if not page.organization(page.tokens[i].text)), None)


def _best_title(
    page: _Page, candidates: list[int], body_terms: _BodyTerms
) -> tuple[int | None, bool]:
    """The best of ``candidates`` by ``_title_score`` (ties: the earlier line) that does
    not only name an organisation ("The Example Times" under a picture; the first
    ``MAX_ORGANIZATION_CHECKS`` are looked at), and whether any candidate scored over
    ``TITLE_MIN_SCORE``.

    Candidates are scored best upper bound first (``_title_bound``: what the line itself
    shows, plus the most the lines under it can add); one whose bound cannot reach the
    best score found is not scored, so the lines under it are not read (their byline
    test runs the byline parser). The result is that of scoring every candidate.

    A candidate's words are looked up in the body (``_BodyTerms``) only when it comes
    first with words not looked up, counted as recurring (every word recurring is the
    most the overlap can be): they are looked up one by one until its bound falls
    below the next in line (``_read_overlap``), and it goes back in line, its bound exact
    once all are read. Candidates so come out in the order of their exact bounds, and a
    word of one that never comes first again is not looked up.
    """
    evidence: dict[int, tuple[float, float, float, float]] = {}
    words: dict[int, _Words] = {}
    for i in candidates:
        form, distance, slug = _line_evidence(page, i)
        own = list(_terms(page.tokens[i].text))
        words[i] = _Words(own, len(own), len(own), _recurs_over(page, i))
        evidence[i] = (form, _overlap(len(own), len(own)), distance, slug)
    line = [(-_title_bound(evidence[i]), i, False) for i in candidates]  # (-bound, i, exact)
    heapq.heapify(line)
    best: list[tuple[float, int]] = []  # heap of (-score, index), scored over the bar
    qualified = False
    checks = 0
    while True:
        while line:
            if not line[0][2]:  # the first has words not looked up: look them up
                _, i, _ = heapq.heappop(line)
                other = -line[0][0] if line else -math.inf
                evidence[i] = _read_overlap(words[i], evidence[i], body_terms, other)
                heapq.heappush(line, (-_title_bound(evidence[i]), i, not words[i].unread))
                continue
            bound, i = -line[0][0], line[0][1]
            if best and bound + TITLE_SCORE_MARGIN < -best[0][0]:
                break
            heapq.heappop(line)
            if bound < TITLE_MIN_SCORE - TITLE_SCORE_MARGIN:
                line.clear()  # in order: no candidate left can pass the bar
                break
            if _not_a_title(page, i):
                continue
            score = _title_score(page, i, evidence[i])
            if score > TITLE_MIN_SCORE:
                heapq.heappush(best, (-score, i))
                qualified = True
        if not best or checks >= MAX_ORGANIZATION_CHECKS:
            return None, qualified
        _, i = heapq.heappop(best)
        if not page.organization(page.tokens[i].text):
            return i, True
        checks += 1


@dataclass(slots=True)
class _Words:
    """A title candidate's content words in ``_best_title``'s search."""

    unread: list[str]
    """Those not looked up in the body yet."""
    recurring: int
    """How many may recur in the body: all but those looked up and not found."""
    count: int
    """How many the line has."""
    over: int
    """A word recurs when it is in more of the body's tokens than this (``_recurs_over``)."""


def _read_overlap(
    words: _Words,
    evidence: tuple[float, float, float, float],
    body_terms: _BodyTerms,
    other: float,
) -> tuple[float, float, float, float]:
    """A candidate's ``evidence`` with its unread ``words`` looked up in the body until
    all are read or its bound (``_title_bound``) falls below ``other`` (the next bound in
    line): the overlap counts the words still unread as recurring (it is
    ``_title_overlap`` once all are read)."""
    form, overlap, distance, slug = evidence
    bound = _title_bound(evidence)
    while words.unread and bound >= other:
        if body_terms[words.unread.pop()] <= words.over:
            words.recurring -= 1
            overlap = _overlap(words.recurring, words.count)
            bound = _title_bound((form, overlap, distance, slug))
    return form, overlap, distance, slug


def _best_first(candidate: tuple[float, int]) -> tuple[float, int]:
    """Sort key of ``(score, index)``: highest score first, then the earlier line."""
    return -candidate[0], candidate[1]


def _not_a_title(page: _Page, i: int) -> bool:
    """Token ``i`` is a date, a byline, a caption, an interface label ("Share on …",
    "Listen to this article", "5 min read") or a picture's alt text beside its caption."""
    return (  # (the byline parser last: each test is exact, the cheap ones go first)
        INTERFACE_HINT in page.hints[i]
        or _alt_and_caption(page.tokens, i)
        or page.mostly_date(i)
        or page.caption(i) is not None
        or bool(page.byline(i))
    )


def _organization_name(text: str, parse: Callable[[str], Byline] = parse_byline) -> bool:
    """The line is nothing but the name of an organisation ("The Example Times"), read
    with ``parse`` (the byline parser or a page's memo of it; not run on a text it cannot
    give as an organisation: ``may_be_own_organization``)."""
    if len(text.split()) > MAX_ORGANIZATION_WORDS or not may_be_own_organization(text):
        return False
    byline = parse(text)
    return not byline.persons and byline.organizations == (text,)


def _alt_and_caption(tokens: tuple[Token, ...], i: int) -> bool:
    """Token ``i`` and a neighbour are a picture's alt text and its caption: one line
    repeats the other with a credit or a few words added ("A man on a bridge" / "A man on
    a bridge. (Jane Roe)")."""
    text = tokens[i].text
    if len(text) < MIN_PAIRED_CAPTION_CHARS:
        return False
    for j in (i - 1, i + 1):
        if not 0 <= j < len(tokens):
            continue
        other = tokens[j].text
        shorter, longer = (text, other) if len(text) <= len(other) else (other, text)
        if (
            len(shorter) >= MIN_PAIRED_CAPTION_CHARS
            and len(shorter) < len(longer) <= len(shorter) + MAX_CAPTION_EXTRA_CHARS
            and longer.startswith(shorter)
        ):
            return True
    return False


def _punctuated_title(tokens: tuple[Token, ...], title: int) -> str:
    """The headline as the page writes it elsewhere with its separators: a kicker set in
    its own span renders as "Kicker Headline", while the breadcrumb, an image's alt text
    or a share link repeat it as "Kicker: Headline" (same letters, a few more marks)."""
    text = tokens[title].text
    size = len(text)
    letters: str | None = None
    for i, token in enumerate(tokens):
        other = token.text
        if (
            i == title
            or not size < len(other) <= size + MAX_TITLE_SEPARATOR_CHARS
            or other[:1] != text[:1]
            or other[-1:] != text[-1:]
        ):
            continue
        if letters is None:
            letters = _letters(text)
        if _letters(other) == letters and _separated(text, other):
            return other
    return text


def _separated(plain: str, marked: str) -> bool:
    """``marked`` holds more separators (":", "|", dashes) than ``plain``."""
    return sum(marked.count(m) for m in KICKER_MARKS) > sum(plain.count(m) for m in KICKER_MARKS)


class _BodyTerms:
    """In how many tokens of the body's first ``BODY_TERMS_CHARS`` each content word
    (``_terms``) occurs, up to ``MAX_TERM_COUNT``, counted for a word when it is asked for.

    Only the title candidates' words are asked for: instead of listing every word of the
    body, each is looked up in the body text with ``str.find``, and an occurrence counts
    when no letter borders it (then it is one of the words ``TERM_RE`` finds there); the
    count stops at ``MAX_TERM_COUNT`` tokens.
    """

    MAX_TERM_COUNT = 2
    """``_title_evidence`` asks whether a word is in one token of the body, or in two."""

    __slots__ = ("_counts", "_starts", "_text", "_texts", "_token_terms")

    def __init__(self, texts: list[str]) -> None:
        folded = [text.casefold() for text in texts]
        self._texts = texts
        self._text = "\n".join(folded)  # (no letter: words do not run across tokens)
        self._starts = list(itertools.accumulate((len(t) + 1 for t in folded), initial=0))[:-1]
        self._counts: dict[str, int] = {}
        self._token_terms: list[set[str]] | None = None

    def __getitem__(self, term: str) -> int:
        found = self._counts.get(term)
        if found is None:
            found = self._counts[term] = self._count(term)
        return found

    def shared(self, terms: set[str], more_than: int) -> int:
        """How many of ``terms`` occur in more than ``more_than`` tokens (a number below
        ``MAX_TERM_COUNT``)."""
        return sum(1 for term in terms if self[term] > more_than)

    def _count(self, term: str) -> int:
        if len(term) < MIN_TERM_CHARS:  # a character pair of a script without spaces
            if self._token_terms is None:
                self._token_terms = [_terms(text) for text in self._texts]
            found = sum(1 for terms in self._token_terms if term in terms)
            return min(found, self.MAX_TERM_COUNT)
        text = self._text
        starts = self._starts
        found = 0
        start = text.find(term)
        while start >= 0:
            end = start + len(term)
            if (start and TERM_LETTER_RE.match(text, start - 1)) or TERM_LETTER_RE.match(text, end):
                start = text.find(term, start + 1)  # part of a longer word
                continue
            found += 1
            token = bisect_right(starts, start)  # (the index of the token after it)
            if found == self.MAX_TERM_COUNT or token == len(starts):
                break
            start = text.find(term, starts[token])  # on in the next token
        return found


def _body_terms(page: _Page) -> _BodyTerms:
    """The content words of the body's first ``BODY_TERMS_CHARS`` (``_BodyTerms``)."""
    texts: list[str] = []
    size = 0
    for i in range(page.start, page.end + 1):
        text = page.tokens[i].text
        texts.append(text)
        size += len(text)
        if size > BODY_TERMS_CHARS:
            break
    return _BodyTerms(texts)


def _title_evidence(
    page: _Page, i: int, body_terms: _BodyTerms
) -> tuple[float, float, float, float]:
    """The parts of ``_title_score`` that the line itself shows: ``(form, overlap,
    distance, slug)`` — heading markup or indentation, sentence ending, shortness and
    length; the share of its words that recur in the body (``_title_overlap``); its
    distance from the body start (a cost); the share the URL path spells."""
    form, distance, slug = _line_evidence(page, i)
    return form, _title_overlap(page, i, body_terms), distance, slug


def _line_evidence(page: _Page, i: int) -> tuple[float, float, float]:
    """``_title_evidence`` but the overlap: ``(form, distance, slug)``."""
    token = page.tokens[i]
    text = token.text
    form = 0.0
    if token.kind is _HEADING:
        form += TITLE_HEADING_BONUS
    elif page.para_indent > 0:
        form += TITLE_INDENT_BONUS if token.level < page.para_indent else -TITLE_INDENT_MALUS
    if text.endswith((".", "。")) and not text.endswith("..."):
        form -= TITLE_PERIOD_MALUS
    if len(text.split()) <= SHORT_TITLE_WORDS and not CJK_RE.search(text):
        form -= TITLE_SHORT_MALUS
    form -= max(0, _size(text)[0] - TYPICAL_TITLE_CHARS) / TITLE_LENGTH_COST_CHARS
    distance = TITLE_DISTANCE_COST * abs(page.start - i)
    slug = TITLE_SLUG_WEIGHT * _slug_share(text, page.slug) if page.slug else 0.0
    return form, distance, slug


def _title_overlap(page: _Page, i: int, body_terms: _BodyTerms) -> float:
    """``TITLE_OVERLAP_WEIGHT`` times the share of token ``i``'s content words that recur
    in the body."""
    own = _terms(page.tokens[i].text)
    return _overlap(body_terms.shared(own, _recurs_over(page, i)), len(own))


def _recurs_over(page: _Page, i: int) -> int:
    """A word of token ``i`` recurs in the body when it is in more of the body's tokens
    than this: ``1`` when ``i`` is inside the body (its own token is one), else ``0``."""
    return 1 if page.start <= i <= page.end else 0


def _overlap(shared: int, words: int) -> float:
    """``_title_overlap`` of a line of ``words`` content words, ``shared`` recurring."""
    return TITLE_OVERLAP_WEIGHT * shared / (words + 1) if words else 0.0


def _title_bound(evidence: tuple[float, float, float, float]) -> float:
    """The most ``_title_score`` can be given the line's own evidence: the lines under it
    add at most a byline/dateline and prose bonus; the standfirst and closed-header
    penalties only lower it."""
    form, overlap, distance, slug = evidence
    return form + TITLE_PROSE_BONUS + TITLE_ANCHOR_BONUS + overlap - distance + slug


def _title_score(page: _Page, i: int, evidence: tuple[float, float, float, float]) -> float:
    """How much a line looks like the article's headline: its own ``evidence``
    (``_title_evidence``: heading markup or lynx's heading indentation, sentence ending,
    shortness, length, words shared with the body, distance from the body start, slug),
    plus a byline/dateline or prose right below it, minus the standfirst and
    closed-header penalties."""
    score, overlap, distance, slug = evidence
    score += _below_title(page, i)
    if _after_headline(page, i):
        score -= TITLE_DEK_MALUS
    if i > page.start and _header_closed(page, i):
        score -= TITLE_ANCHOR_BONUS
    score += overlap
    score -= distance
    score += slug
    return score


def _fold(text: str) -> str:
    """Case-folded, without diacritics ("Über" → "uber")."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    plain = unicodedata.normalize("NFKD", folded)
    marks = {ord(c): None for c in set(plain) if not c.isascii() and unicodedata.combining(c)}
    return plain.translate(marks) if marks else plain


def _slug_words(url: str | None) -> frozenset[str]:
    """Words of a URL's path, folded, with transliterated umlauts also undone
    ("ueber" → "uber"); empty when the path spells fewer than ``MIN_SLUG_WORDS``."""
    if not url:
        return frozenset()
    path = url.split("://", 1)[-1].partition("/")[2].split("?", 1)[0].split("#", 1)[0]
    words = {w for w in WORD_RE.findall(_fold(path)) if len(w) >= MIN_SLUG_WORD_CHARS}
    if len(words) < MIN_SLUG_WORDS:
        return frozenset()
    for word in list(words):
        plain = word
        for digraph, vowel in SLUG_DIGRAPHS:
            plain = plain.replace(digraph, vowel)
        words.add(plain)
    return frozenset(words)


def _slug_share(text: str, slug: frozenset[str]) -> float:
    """Share of a line's words (of ``MIN_SLUG_WORD_CHARS`` or more) that the slug holds."""
    folded = _fold(text)
    if folded.isascii():  # (letters are a-z: the runs of MIN_SLUG_WORD_CHARS or more)
        words = ASCII_SLUG_WORD_RE.findall(folded)
    else:
        words = [w for w in WORD_RE.findall(folded) if len(w) >= MIN_SLUG_WORD_CHARS]
    if not words:
        return 0.0
    return sum(1 for w in words if w in slug) / len(words)


def _header_closed(page: _Page, i: int) -> bool:
    """Above token ``i`` (inside the body run) a headline-shaped line already has its
    byline or dateline under it: the header is complete, ``i`` is a caption or a
    sub-heading."""
    for j in range(i - 1, max(-1, i - 1 - ANCHOR_WINDOW), -1):
        if page.byline(j) or page.dateline(j):
            return any(
                _title_shape(page.tokens[k]) and not page.byline(k) and not page.dateline(k)
                for k in range(max(0, j - ANCHOR_WINDOW), j)
            )
    return False


def _after_headline(page: _Page, i: int) -> bool:
    """The line right above is itself headline-shaped and longer than a kicker (or this
    line is a sentence under a headline of more than a label's words): this line is the
    standfirst (dek) under the headline. Where paragraphs are indented (lynx), the line
    above must be a heading, not indented like a menu entry."""
    j = i - 1
    while j >= 0 and page.furniture(j):
        j -= 1
    if j < 0:
        return False
    above = page.tokens[j]
    words = len(above.text.split())
    sentence = page.tokens[i].text.endswith(".") and not page.tokens[i].text.endswith("...")
    return (
        _title_shape(above)
        and (words > MAX_KICKER_WORDS or (sentence and words > SHORT_TITLE_WORDS))
        and not page.byline(j)
        and not page.dateline(j)
        and not above.text.endswith(".")
        and (page.para_indent == 0 or above.level <= page.tokens[i].level)
    )


def _anchored(page: _Page, i: int) -> bool:
    """A byline or dateline sits right under token ``i`` (see ``_below_title``)."""
    return _below_title(page, i) >= TITLE_ANCHOR_BONUS


def _below_title(page: _Page, i: int) -> float:
    """Bonus for what follows a title candidate: a byline or dateline (possibly after
    a lead paragraph), or running text right away."""
    bonus = 0.0
    others = 0
    for j in range(i + 1, min(len(page.tokens), i + 1 + ANCHOR_WINDOW)):
        if page.furniture(j) or not page.tokens[j].text:
            continue
        if page.dateline(j) or page.byline(j):
            return bonus + TITLE_ANCHOR_BONUS
        if page.prose(j):
            if others == 0 and bonus == 0.0:
                bonus = TITLE_PROSE_BONUS
                continue
            break
        others += 1
    return bonus


def _caption(token: Token, hint: frozenset[str]) -> tuple[str | None, str | None] | None:
    """``(caption, credit)`` when the line is a caption with a credit label."""
    if token.kind not in CAPTION_KINDS or not token.text:
        return None
    if hint & FURNITURE_HINTS or not may_hold_credit(token.text):
        return None
    parts = split_caption(token.text)
    if parts.credit is None:
        return None
    return parts.caption, parts.credit


def _alt_before(
    tokens: tuple[Token, ...], hints: list[frozenset[str]], i: int, consumed: set[int]
) -> int | None:
    """The line right before a caption is its image's alt text when it is not prose."""
    j = i - 1
    if j < 0 or j in consumed:
        return None
    token = tokens[j]
    if (
        token.kind is _PARAGRAPH
        and token.text
        and len(token.text) <= MAX_ALT_CHARS
        and not SENTENCE_END.search(token.text)
        and not hints[j]
        and token.lines is not None
        and tokens[i].lines is not None
        and tokens[i].lines[0] - token.lines[1] == 1  # type: ignore[index]
    ):
        return j
    return None


def _short_url(href: str | None) -> str | None:
    if not href:
        return None
    url = href if href.startswith("http") else f"https://{href}"
    path = url.split("://", 1)[-1].partition("/")[2]
    return url if len(path) <= SHORT_URL_MAX_PATH else None


def _media_titles(tokens: tuple[Token, ...], hints: list[frozenset[str]]) -> set[int]:
    """The tokens of an embedded player, not of the text: each "enable JavaScript to view
    this video" placeholder (a token with the "javascript" hint) and a short line right
    before it (found from the few placeholders, not by a test of every token)."""
    found: set[int] = set()
    for i in [i for i, hint in enumerate(hints) if hint and "javascript" in hint]:
        found.add(i)
        if i and len(tokens[i - 1].text) <= MAX_HEADING_CHARS:
            found.add(i - 1)
    return found


def _paragraph_indent(tokens: tuple[Token, ...], prose: list[int]) -> int:
    """The indentation most prose paragraphs have (lynx indents them, not headings)."""
    counts = Counter(t.level for t, chars in zip(tokens, prose, strict=True) if chars)
    return counts.most_common(1)[0][0] if counts else 0


def _as_body_token(token: Token, prose: bool, para_indent: int) -> Token | None:
    """Short non-sentence lines inside the body are sub-headings when they stand out
    from the paragraphs' indentation; at the paragraphs' own indentation they are
    labels or image captions, not body."""
    if (
        token.kind is _PARAGRAPH
        and len(token.text) <= MAX_HEADING_CHARS
        and not prose
        and not _ends_sentence(token.text)
    ):
        if para_indent > 0 and token.level >= para_indent:
            return None
        return Token(kind=_HEADING, text=token.text, lines=token.lines, level=2)
    return token


def _sign_off(page: _Page, last: int) -> int | None:
    """The author's name signed under the article, when no byline names one: the last
    body line (``last``) or the first line after it, short and nothing but a person's
    name ("Jane Roe") or an organisation's ("dpa", "The Associated Press")."""
    tokens = page.tokens
    after = next((i for i in range(last + 1, min(len(tokens), last + 3)) if tokens[i].text), None)
    for i in (last, after):
        if i is None or i < page.start or len(tokens[i].text) > MAX_SIGN_OFF_CHARS:
            continue
        if tokens[i].kind is not _PARAGRAPH or page.furniture(i):
            continue
        text = tokens[i].text
        if _bare_label(text) is None and (page.byline(i) or page.organization(text)):
            return i
    return None


def _labeled_fields(
    page: _Page,
) -> tuple[tuple[int, tuple[PersonRef, ...]] | None, tuple[int, DateValue] | None]:
    """Labelled "Author …" / "Date …" lines (fact boxes), searched after the body start."""
    tokens = page.tokens
    author: tuple[int, tuple[PersonRef, ...]] | None = None
    date: tuple[int, DateValue] | None = None
    for i in range(page.start, len(tokens)):
        text = tokens[i].text
        if author is None:
            match = LABELED_AUTHOR.match(text)
            if match is not None:
                names = _byline_names(match.group("value"))
                if names:
                    author = (i, tuple(PersonRef(name=n) for n in names))
        if date is None:
            match = LABELED_DATE.match(text)
            if match is not None:
                value = match.group("value")
                found = _first_date(value, page.reference_time, page.day_first(value))
                if found is not None:
                    date = (i, found)
        if author is not None and date is not None:
            break
    return author, date


def _attach_bios(
    authors: tuple[PersonRef, ...],
    tokens: tuple[Token, ...],
    hints: list[frozenset[str]],
    after: int,
) -> tuple[PersonRef, ...]:
    """An author bio line after the body ("Name Role and description") describes the author."""
    out: list[PersonRef] = []
    for person in authors:
        description = None
        for token in tokens[after + 1 :]:
            text = token.text
            if text.startswith(person.name + " ") and normalize_name(person.name):
                rest = text[len(person.name) :].strip(" :-–—,")
                if rest:
                    description = rest
                    break
        out.append(PersonRef(name=person.name, description=description) if description else person)
    return tuple(out)
