"""Generic raw-text scoring: text ``TokenStream`` → ``PartialArticle``.

Raw text has no markup to declare a title or a byline, so this stage reads the
page's layout the way a person would:

1. every token gets a value: long, sentence-like paragraphs are positive; short
   lines, link lists and recognised furniture (skip links, ads, share lines …) are
   negative (``_token_value``);
2. the body is the run of consecutive tokens with the highest total value
   (maximum-sum segment), so it starts and ends on real paragraphs;
3. the header above the body is read for the title (the last heading-like line
   before the byline, date and lead), the byline, the dateline and a lead paragraph;
4. caption lines (with a glued-on credit) and the line before them (the alt text)
   become images; editor lines, update notices and author bio lines are taken out
   of the body into their own fields.

Every value found here has provenance ``text-pattern`` with its line range.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass

from articlekit.metadata.types import DateValue, PersonRef
from articlekit.model.provenance import FieldSource, SourceKind
from articlekit.options import TextScoringConfig
from articlekit.partial import PartialArticle
from articlekit.patterns import (
    classify,
    editors_from_line,
    find_dates,
    normalize_name,
    parse_byline,
    split_caption,
)
from articlekit.tokens.types import ImageRef, Token, TokenKind, TokenStream

__all__ = ["score_text"]

SENTENCE_END = re.compile(r"[.!?…:;»\"”“'’)\]]\s*$")
"""A line ending like a sentence (or a quotation closing one)."""
FURNITURE_HINTS = frozenset(
    {"skip_link", "advertisement", "share", "subscribe", "related", "cookie", "footer",
     "javascript", "feedback"}
)  # fmt: skip
"""Pattern hints that make a line page furniture."""
PROSE_BONUS_PER_CHAR = 1.0
"""Value of each character of a prose paragraph."""
SHORT_LINE_COST = 15.0
"""Cost of a short line inside the body (a heading, a label): cheap, so bodies bridge them."""
LIST_ITEM_COST = 40.0
"""Cost of a list item: lists are mostly menus in dumps; real in-body lists are bridged."""
FURNITURE_COST = 150.0
"""Cost of a recognised furniture line."""
MAX_TITLE_WORDS = 30
"""A title line has at most this many words."""
MIN_TITLE_WORDS = 2
"""… and at least this many."""
HEADER_WINDOW = 8
"""Tokens above the body searched for title, byline, date and lead."""
MAX_BYLINE_WORDS = 12
"""Byline lines are short."""
MAX_DATELINE_CHARS = 80
"""A dateline is a short line that holds a date."""
MAX_ALT_CHARS = 400
"""An alt-text line before a caption is at most this long."""
MAX_HEADING_CHARS = 120
"""In-body headings are short lines."""
SHORT_URL_MAX_PATH = 24
"""A URL line near the top whose path is at most this long is the page's short link."""
SECTION_LABEL_MAX_CHARS = 40
"""A "related" line this short is a section label ("Related topics"): the body ends there."""
MIN_NAME_WORDS = 2
"""A byline name in raw text has at least a first and a last name."""
BYLINE_LABEL = re.compile(
    r"^(?:by|von|par|por|di|da|av|door|text|texto|autor(?:in)?|author|auteur|autore|"
    r"reporting by|written by)\b",
    re.IGNORECASE,
)
"""Lines starting like this are bylines even when they contain a colon."""
LABELED_AUTHOR = re.compile(
    r"^(?:Autorin/Autor|Autor/Autorin|Autor(?:in)?(?:en)?|Author(?:s)?|Auteur(?:e)?s?|Autore|"
    r"Autores?|Text|Texto|Reporter)\s*:?\s+(?P<value>\S.{0,150})$"
)
"""A labelled author field, as in fact boxes ("Autorin/Autor Jane Doe")."""
LABELED_DATE = re.compile(
    r"^(?:Datum|Date|Published|Publication date|Veröffentlicht(?: am)?|Stand|Publié le|"
    r"Publicado|Fecha|Data|Pubblicato(?: il)?)\s*:?\s+(?P<value>\S.{0,80})$",
    re.IGNORECASE,
)
"""A labelled date field ("Datum 28.04.2023", "Published: …")."""


@dataclass(frozen=True, slots=True)
class _Header:
    """What the lines above the body say (stage-internal)."""

    title: int | None
    byline: int | None
    dateline: int | None
    lead: int | None


def score_text(
    stream: TokenStream,
    *,
    config: TextScoringConfig,
    reference_time: dt.datetime | None = None,
) -> PartialArticle:
    """Find the article in a raw-text token stream.

    Args:
        stream: Tokens of the text.
        config: Thresholds for prose lines.
        reference_time: "Now", for relative datelines ("2 hours ago").
    """
    tokens = stream.tokens
    hints = [classify(t.text) if t.text else frozenset[str]() for t in tokens]
    start, end = _body_range(tokens, hints, config)
    if start < 0:
        return PartialArticle(warnings=(("scoring.no_body", "no paragraph of running text"),))
    header = _read_header(tokens, hints, start, config, reference_time)
    sources: dict[str, FieldSource] = {}

    def note(name: str, index: int) -> None:
        lines = tokens[index].lines or (0, 0)
        sources[name] = FieldSource(
            kind=SourceKind.TEXT_PATTERN, detail=f"lines {lines[0]}-{lines[1]}"
        )

    title = authors = published = summary = None
    if header.title is not None:
        title = tokens[header.title].text
        note("title", header.title)
    if header.byline is not None:
        authors = tuple(PersonRef(name=n) for n in _byline_names(tokens[header.byline].text))
        note("authors", header.byline)
    if header.dateline is not None:
        published = _first_date(tokens[header.dateline].text, reference_time)
        note("published", header.dateline)
    if authors is None or published is None:
        labeled = _labeled_fields(tokens, start, reference_time)
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
    last_body = start
    para_indent = _paragraph_indent(tokens[start : end + 1], config)
    for i in range(_header_start(start, header), len(tokens)):
        if i in consumed:
            continue
        token = tokens[i]
        if token.kind is TokenKind.URL and short_url is None and i < end:
            short_url = _short_url(token.href)
            if short_url:
                note("short_url", i)
            continue
        caption = _caption(token) if i <= end else None
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
            body[i] = Token(kind=TokenKind.FIGURE, text="", lines=token.lines, image=image)
            continue
        if "editors" in hints[i]:
            editors.extend(PersonRef(name=n) for n in editors_from_line(token.text))
            note("editors", i)
            continue
        if "notice" in hints[i]:
            notices.append(token.text)
            continue
        if i > end or i < start:
            continue
        if _is_media_title(tokens, hints, i):
            continue
        if hints[i] & FURNITURE_HINTS or token.kind in (
            TokenKind.HINT,
            TokenKind.BREAK,
            TokenKind.URL,
        ):
            continue
        if token.kind is TokenKind.EMBED:
            body[i] = token
            continue
        block = _as_body_token(token, config, para_indent)
        if block is not None:
            body[i] = block
        last_body = i
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


def _span(tokens: tuple[Token, ...], start: int, end: int) -> str:
    first = tokens[start].lines or (0, 0)
    last = tokens[end].lines or (0, 0)
    return f"lines {first[0]}-{last[1]}"


def _is_prose(token: Token, config: TextScoringConfig) -> bool:
    text = token.text
    return (
        token.kind in (TokenKind.PARAGRAPH, TokenKind.QUOTE)
        and len(text) >= config.min_paragraph_chars
        and text.count(" ") + 1 >= config.min_sentence_words
        and bool(SENTENCE_END.search(text))
    )


def _is_section_boundary(token: Token, hint: frozenset[str]) -> bool:
    """A short "Related stories" / "Mehr zum Thema" label: nothing after it is body."""
    return "related" in hint and len(token.text) <= SECTION_LABEL_MAX_CHARS


def _token_value(token: Token, hint: frozenset[str], config: TextScoringConfig) -> float:
    if _is_section_boundary(token, hint):
        return -math.inf
    if hint & FURNITURE_HINTS:
        return -FURNITURE_COST
    if _is_prose(token, config):
        return PROSE_BONUS_PER_CHAR * len(token.text) * (1.0 - token.link_density)
    if token.kind is TokenKind.LIST_ITEM:
        return -LIST_ITEM_COST
    if token.kind in (TokenKind.FIGURE, TokenKind.TABLE, TokenKind.PRE):
        return 0.0
    return -SHORT_LINE_COST


def _body_range(
    tokens: tuple[Token, ...], hints: list[frozenset[str]], config: TextScoringConfig
) -> tuple[int, int]:
    """The maximum-sum run of token values (Kadane), as inclusive indices."""
    best = 0.0
    best_range = (-1, -1)
    running = 0.0
    run_start = 0
    for i, token in enumerate(tokens):
        value = _token_value(token, hints[i], config)
        if value == -math.inf:
            running, run_start = 0.0, i + 1
            continue
        if running <= 0.0:
            running, run_start = value, i
        else:
            running += value
        if running > best:
            best, best_range = running, (run_start, i)
    return best_range


def _first_date(text: str, reference_time: dt.datetime | None) -> DateValue | None:
    matches = find_dates(text, reference_time=reference_time)
    if not matches:
        return None
    match = matches[0]
    return DateValue(value=match.value, relative=match.relative)


def _looks_like_title(token: Token) -> bool:
    words = token.text.split()
    return (
        token.kind in (TokenKind.HEADING, TokenKind.PARAGRAPH)
        and MIN_TITLE_WORDS <= len(words) <= MAX_TITLE_WORDS
        and not token.text.endswith((".", ",", ";"))
    ) or (token.kind is TokenKind.HEADING and token.level <= 1 and bool(words))


def _is_dateline(token: Token, reference_time: dt.datetime | None) -> bool:
    return (
        token.kind in (TokenKind.PARAGRAPH, TokenKind.HEADING)
        and len(token.text) <= MAX_DATELINE_CHARS
        and bool(find_dates(token.text, reference_time=reference_time))
    )


def _byline_names(text: str) -> tuple[str, ...]:
    """Person names of a byline line, or ``()`` when the line is not a byline."""
    if len(text.split()) > MAX_BYLINE_WORDS or SENTENCE_END.search(text):
        return ()
    if ":" in text and not BYLINE_LABEL.match(text):
        return ()
    names = parse_byline(text).persons
    if not names or any(len(n.split()) < MIN_NAME_WORDS for n in names):
        return ()
    return names


def _is_byline(token: Token) -> bool:
    if token.kind not in (TokenKind.PARAGRAPH, TokenKind.HEADING):
        return False
    return bool(_byline_names(token.text))


def _read_header(
    tokens: tuple[Token, ...],
    hints: list[frozenset[str]],
    start: int,
    config: TextScoringConfig,
    reference_time: dt.datetime | None,
) -> _Header:
    """Read title, byline, dateline and lead from the lines just above the body."""
    lead = None
    first = tokens[start]
    following = tokens[start + 1] if start + 1 < len(tokens) else None
    # A lead: the first paragraph, set apart from the body by a link, image or furniture.
    if (
        following is not None
        and _is_prose(first, config)
        and (
            following.kind in (TokenKind.URL, TokenKind.FIGURE)
            or _caption(following) is not None
            or (start + 2 < len(tokens) and _caption(tokens[start + 2]) is not None)
        )
    ):
        lead = start
    byline = dateline = title = None
    i = start - 1
    stop = max(-1, start - 1 - HEADER_WINDOW)
    while i > stop:
        token = tokens[i]
        if not token.text or hints[i] & FURNITURE_HINTS or token.kind is TokenKind.HINT:
            i -= 1
            continue
        if dateline is None and _is_dateline(token, reference_time):
            dateline = i
        elif byline is None and title is None and _is_byline(token):
            byline = i
        elif _looks_like_title(token):
            title = i
            break
        i -= 1
    return _Header(title=title, byline=byline, dateline=dateline, lead=lead)


def _header_start(start: int, header: _Header) -> int:
    found = [
        i for i in (header.title, header.byline, header.dateline, header.lead) if i is not None
    ]
    return min([start, *found])


def _caption(token: Token) -> tuple[str | None, str | None] | None:
    """``(caption, credit)`` when the line is a caption with a credit label."""
    if token.kind not in (TokenKind.PARAGRAPH, TokenKind.CAPTION) or not token.text:
        return None
    if classify(token.text) & FURNITURE_HINTS:
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
        token.kind is TokenKind.PARAGRAPH
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


def _is_media_title(tokens: tuple[Token, ...], hints: list[frozenset[str]], i: int) -> bool:
    """A short line right before a "enable JavaScript to view this video" placeholder
    (or that placeholder itself) belongs to an embedded player, not to the text."""
    if "javascript" in hints[i]:
        return True
    following = i + 1
    return (
        following < len(tokens)
        and "javascript" in hints[following]
        and len(tokens[i].text) <= MAX_HEADING_CHARS
    )


def _paragraph_indent(tokens: tuple[Token, ...], config: TextScoringConfig) -> int:
    """The indentation most prose paragraphs have (lynx indents them, not headings)."""
    counts = Counter(t.level for t in tokens if _is_prose(t, config))
    return counts.most_common(1)[0][0] if counts else 0


def _as_body_token(token: Token, config: TextScoringConfig, para_indent: int) -> Token | None:
    """Short non-sentence lines inside the body are sub-headings when they stand out
    from the paragraphs' indentation; at the paragraphs' own indentation they are
    labels or image captions, not body."""
    if (
        token.kind is TokenKind.PARAGRAPH
        and len(token.text) <= MAX_HEADING_CHARS
        and not _is_prose(token, config)
        and not SENTENCE_END.search(token.text)
    ):
        if para_indent > 0 and token.level >= para_indent:
            return None
        return Token(kind=TokenKind.HEADING, text=token.text, lines=token.lines, level=2)
    return token


def _labeled_fields(
    tokens: tuple[Token, ...], start: int, reference_time: dt.datetime | None
) -> tuple[tuple[int, tuple[PersonRef, ...]] | None, tuple[int, DateValue] | None]:
    """Labelled "Author …" / "Date …" lines (fact boxes), searched after the body start."""
    author: tuple[int, tuple[PersonRef, ...]] | None = None
    date: tuple[int, DateValue] | None = None
    for i in range(start, len(tokens)):
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
                value = _first_date(match.group("value"), reference_time)
                if value is not None:
                    date = (i, value)
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
