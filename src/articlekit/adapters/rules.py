"""The declarative rules of adapters, as small pure functions.

Input → output: tokens of a raw-text dump + ``TextRules`` → the lines that rules take
out, the header the rules read (title, authors, date, standfirst), pictures; a
``PartialArticle`` + adapter class data → the same with house byline and stripped
phrases. ``helpers.apply_text_rules`` and ``helpers.apply_layout`` compose them; no
function here knows any site.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from articlekit.metadata.types import DateValue, PersonRef
from articlekit.partial import PartialArticle
from articlekit.patterns import find_dates, parse_byline
from articlekit.tokens.types import ImageRef, Token, TokenKind

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from articlekit.adapters.base import Box, ByOrganizations, Document, SiteAdapter, TextRules

__all__ = [
    "Header",
    "box_lines",
    "breadcrumb",
    "byline_names",
    "caption_images",
    "crumb_paragraphs",
    "crumb_title",
    "deep_lines",
    "first_match",
    "flush_left_headings",
    "furniture_lines",
    "glued_lines",
    "house_byline",
    "join_wrapped",
    "line_above",
    "line_after",
    "link_lists",
    "picture_lines",
    "prepare_lines",
    "pull_quotes",
    "read_date",
    "read_header",
    "repair_mojibake",
    "repeated_captions",
    "signature_names",
    "split_box_names",
    "split_topics",
    "split_unwrapped",
    "standfirst_below",
    "strip_phrases",
    "subheads",
    "teaser_cards",
    "title_repeats",
    "unglue",
    "with_kicker",
]

WORD: Final = re.compile(r"\w+")
"""A word, as ``pull_quotes`` compares the paragraphs' words."""
BARE_TIME: Final = re.compile(r"^(?P<h>\d{1,2})[:.](?P<m>\d{2})(?: Uhr| h)?$")
"""A dateline that is only a time ("13:37 Uhr"): the page was updated that day."""
SECONDS_AGO: Final = re.compile(r"^(?P<n>\d+) seconds? ago$")
"""A dateline a few seconds old ("3 seconds ago")."""
STANDFIRST_SEARCH: Final = 16
"""Lines after the header searched for a standfirst."""
HEADLINE_KINDS: Final = (TokenKind.PARAGRAPH, TokenKind.HEADING)
KICKER_GAP: Final = 2
"""Line distance from a kicker (or a card's label) to the flush-left line under it (one
blank line between)."""


# -- text -----------------------------------------------------------------------------

MOJIBAKE: Final = re.compile(r"Ã[\u0080-\u00bf]")
"""UTF-8 read as Latin-1 / ISO-8859-15: "Ã³" for "ó"."""
HIGH_RUN: Final = re.compile(r"[\u0080-\u00ff]+")
LOST_SOFT_HYPHEN: Final = "\u00ad"
"""The byte 0xAD (second byte of "í") is a soft hyphen in ISO-8859-15; dumps drop it."""
PARAGRAPH_INDENT: Final = "   "
"""lynx indents paragraphs by three columns."""


def _repair_run(match: re.Match[str]) -> str:
    run = match.group(0)
    candidates = [run]
    if run.endswith("Ã"):
        candidates.append(run + LOST_SOFT_HYPHEN)
    for candidate in candidates:
        try:
            return candidate.encode("latin-1").decode("utf-8")
        except UnicodeError:
            continue
    return run


def repair_mojibake(text: str) -> str:
    """UTF-8 read as Latin-1, back to UTF-8 (runs that do not decode stay)."""
    if not MOJIBAKE.search(text):
        return text
    return HIGH_RUN.sub(_repair_run, text)


def split_unwrapped(text: str, width: int | None) -> str:
    """A blank line after each paragraph line shorter than ``width`` that another line
    follows: that line was not wrapped, so the next one starts a new paragraph."""
    if width is None:
        return text
    out: list[str] = []
    previous = ""
    for line in text.split("\n"):
        paragraph = previous.startswith(PARAGRAPH_INDENT) and not previous.startswith(
            PARAGRAPH_INDENT + " "
        )
        if line.strip() and paragraph and len(previous) < width:
            out.append("")
        out.append(line)
        previous = line
    return "\n".join(out)


# -- lines ----------------------------------------------------------------------------


def join_wrapped(tokens: tuple[Token, ...], width: int | None) -> tuple[Token, ...]:
    """A paragraph at least ``width`` long joined with the lines right under it (same
    indentation, no blank line between): text browsers wrap long lines at the dump's
    width, and a site whose paragraph breaks are invisible runs them together."""
    if width is None:
        return tokens
    out: list[Token] = []
    for token in tokens:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.kind is TokenKind.PARAGRAPH
            and token.kind is TokenKind.PARAGRAPH
            and len(previous.text) >= width
            and _adjacent(previous, token)
            and previous.level == token.level
            and previous.lines is not None
            and token.lines is not None
        ):
            out[-1] = dataclasses.replace(
                previous,
                text=f"{previous.text} {token.text}",
                lines=(previous.lines[0], token.lines[1]),
            )
            continue
        out.append(token)
    return tuple(out)


def unglue(tokens: tuple[Token, ...], patterns: tuple[re.Pattern[str], ...]) -> tuple[Token, ...]:
    """Paragraphs whose end matches one of ``patterns`` split in two: the text before,
    and the matched text as a line of its own."""
    if not patterns:
        return tokens
    out: list[Token] = []
    for token in tokens:
        match = next(
            (m for p in patterns if (m := p.search(token.text)) is not None and m.start() > 0),
            None,
        )
        if match is None or token.kind is not TokenKind.PARAGRAPH:
            out.append(token)
            continue
        out.append(dataclasses.replace(token, text=token.text[: match.start()].rstrip()))
        out.append(dataclasses.replace(token, text=match.group().strip()))
    return tuple(out)


MIN_PARAGRAPH_WORDS: Final = 12
"""Pictures hang under a paragraph of running text, not under header or menu lines."""


def _adjacent(before: Token, after: Token) -> bool:
    return (
        before.lines is not None
        and after.lines is not None
        and after.lines[0] == before.lines[1] + 1
    )


def glued_lines(tokens: tuple[Token, ...], wrap_width: int | None) -> set[int]:
    """Indexes of lines printed right under a paragraph of running text (no blank line
    between, the paragraph not wrapped at ``wrap_width``), and of lines glued to those."""
    found: set[int] = set()
    for i in range(1, len(tokens)):
        before, token = tokens[i - 1], tokens[i]
        if token.kind is not TokenKind.PARAGRAPH or not _adjacent(before, token):
            continue
        if i - 1 in found or (
            before.kind is TokenKind.PARAGRAPH
            and len(before.text.split()) >= MIN_PARAGRAPH_WORDS
            and before.level == token.level > 0
            and (wrap_width is None or len(before.text) + before.level < wrap_width)
            and not (i >= 2 and _adjacent(tokens[i - 2], before))
        ):
            found.add(i)
    return found


def crumb_title(tokens: tuple[Token, ...], pattern: re.Pattern[str]) -> int | None:
    """Index of the breadcrumb's last item: the list that starts with a line matching
    ``pattern`` (or follows it, when it is the list's label). The first such list that
    is not followed by another list wins."""
    first: int | None = None
    for i, token in enumerate(tokens):
        if not pattern.match(token.text):
            continue
        j = i if token.kind is TokenKind.LIST_ITEM else i + 1
        if j >= len(tokens) or tokens[j].kind is not TokenKind.LIST_ITEM:
            continue
        while (
            j + 1 < len(tokens)
            and tokens[j + 1].kind is TokenKind.LIST_ITEM
            and tokens[j + 1].group == tokens[j].group
        ):
            j += 1
        if j + 1 >= len(tokens) or tokens[j + 1].kind is not TokenKind.LIST_ITEM:
            return j
        first = j if first is None else first
    return first


def teaser_cards(tokens: tuple[Token, ...], start: int = 0) -> set[int]:
    """Indexes of teaser cards after ``start``: an indented line, a line right under it
    at the same indentation (alt text and label), and a flush-left title one blank line
    below."""
    found: set[int] = set()
    for i in range(start + 1, len(tokens) - 1):
        alt, label, title = tokens[i - 1], tokens[i], tokens[i + 1]
        if (
            alt.kind is label.kind is TokenKind.PARAGRAPH
            and alt.level == label.level > 0
            and _adjacent(alt, label)
            and title.level == 0
            and label.lines is not None
            and title.lines is not None
            and title.lines[0] - label.lines[1] == KICKER_GAP
        ):
            found.update((i - 1, i, i + 1))
    return found


def link_lists(tokens: tuple[Token, ...]) -> set[int]:
    """Indexes of list items glued under a paragraph (with the rest of their list), and
    of list items whose text occurs more than once in ``tokens``."""
    seen: set[str] = set()
    again: set[str] = set()
    for token in tokens:
        (again if token.text in seen else seen).add(token.text)
    found: set[int] = set()
    glued = False
    for i, token in enumerate(tokens):
        if token.kind is not TokenKind.LIST_ITEM:
            continue
        previous = tokens[i - 1] if i else None
        if previous is not None and previous.kind is not TokenKind.LIST_ITEM:
            glued = previous.kind is TokenKind.PARAGRAPH and _adjacent(previous, token)
        if glued or token.text in again:
            found.add(i)
    return found


def pull_quotes(tokens: tuple[Token, ...]) -> set[int]:
    """Indexes of lines indented deeper than the paragraphs whose words (all of them,
    in order) recur in another paragraph."""
    paragraphs = [i for i, t in enumerate(tokens) if t.kind is TokenKind.PARAGRAPH]
    indent = min((tokens[i].level for i in paragraphs), default=0)
    words = {i: " ".join(WORD.findall(tokens[i].text)) for i in paragraphs}
    return {
        i
        for i in paragraphs
        if tokens[i].level > indent
        and words[i]
        and any(words[i] in words[o] for o in paragraphs if o != i)
    }


def crumb_paragraphs(tokens: tuple[Token, ...], pattern: re.Pattern[str]) -> tuple[int, int] | None:
    """The last of the indented crumbs after the first line matching ``pattern``, and
    the first flush-left line after them (the headline, where the article starts)."""
    home = next((i for i, t in enumerate(tokens) if pattern.match(t.text)), None)
    if home is None:
        return None
    headline = next((j for j in range(home + 1, len(tokens)) if _flush_left(tokens[j])), None)
    if headline is None:
        return None
    crumbs = [j for j in range(home + 1, headline) if tokens[j].kind is TokenKind.PARAGRAPH]
    return (crumbs[-1], headline) if crumbs else None


def split_box_names(tokens: tuple[Token, ...], boxes: Iterable[Box]) -> tuple[Token, ...]:
    """A named box's name glued to the end of the paragraph above its label, set apart
    as a line of its own (see ``Box.named``)."""
    named = [box for box in boxes if box.named]
    if not named:
        return tokens
    out: list[Token] = []
    for i, token in enumerate(tokens):
        name = next(
            (
                tokens[i + 2].text
                for box in named
                if i + 2 < len(tokens) and box.start.match(tokens[i + 1].text)
            ),
            None,
        )
        if name and token.kind is TokenKind.PARAGRAPH and token.text.endswith(" " + name):
            out.append(dataclasses.replace(token, text=token.text[: -len(name) - 1]))
            out.append(dataclasses.replace(token, text=name))
            continue
        out.append(token)
    return tuple(out)


def box_lines(tokens: tuple[Token, ...], boxes: Iterable[Box], start: int = 0) -> set[int]:
    """Indexes of the lines of every box (label, lines above and below it)."""
    taken: set[int] = set()
    for box in boxes:
        for i in range(start, len(tokens)):
            if i in taken or not box.start.match(tokens[i].text):
                continue
            last = i + box.lines
            if box.items:
                while last + 1 < len(tokens) and (
                    tokens[last + 1].kind is TokenKind.LIST_ITEM
                    or tokens[last + 1].level > tokens[i].level
                ):
                    last += 1
            if box.until is not None:
                last = next(
                    (j for j in range(last + 1, len(tokens)) if box.until.match(tokens[j].text)),
                    last,
                )
            if box.then is not None and last + 1 < len(tokens):
                last += 1 if box.then.search(tokens[last + 1].text) else 0
            if box.teasers is not None:
                last = _teasers_end(tokens, last, box.teasers)
            if box.to_repeat:
                last = _repeat_end(tokens, i, last)
            first = i - box.above
            if box.named and 0 < i < len(tokens) - 1 and tokens[i - 1].text == tokens[i + 1].text:
                first = min(first, i - 1)
            taken.update(range(max(start, first), min(last, len(tokens) - 1) + 1))
    return taken


def _teasers_end(tokens: tuple[Token, ...], last: int, title: re.Pattern[str]) -> int:
    """Index of the last line of the teasers after ``last`` (see ``Box.teasers``)."""
    while last + 2 < len(tokens) and title.match(tokens[last + 2].text):
        last += 2
        while last + 1 < len(tokens) and tokens[last + 1].kind is TokenKind.LIST_ITEM:
            last += 1
    return last


def _repeat_end(tokens: tuple[Token, ...], label: int, last: int) -> int:
    """Index of the repetition of the first flush-left line after ``label``."""
    title = next((j for j in range(label + 1, len(tokens)) if tokens[j].level == 0), None)
    if title is None:
        return last
    again = next(
        (j for j in range(title + 1, len(tokens)) if tokens[j].text == tokens[title].text),
        title,
    )
    return max(last, again)


def deep_lines(tokens: tuple[Token, ...], indent: int | None) -> set[int]:
    """Indexes of paragraph lines indented ``indent`` columns or more."""
    if indent is None:
        return set()
    return {i for i, t in enumerate(tokens) if t.kind is TokenKind.PARAGRAPH and t.level >= indent}


def flush_left_headings(tokens: tuple[Token, ...], level: int | None) -> tuple[Token, ...]:
    """Flush-left paragraph lines as headings of ``level``, when the dump indents its
    paragraphs (text browsers print headings at column 0)."""
    if level is None or not any(t.kind is TokenKind.PARAGRAPH and t.level > 0 for t in tokens):
        return tokens
    return tuple(
        dataclasses.replace(t, kind=TokenKind.HEADING, level=level)
        if t.kind is TokenKind.PARAGRAPH and t.level == 0 and t.text
        else t
        for t in tokens
    )


MAX_SUBHEAD_CHARS: Final = 80
"""A sub-heading the dump indents like a paragraph is a short line …"""
MIN_PARAGRAPH_CHARS: Final = 120
"""… set between two paragraphs at least this long."""
SENTENCE_ENDS: Final = (".", ",", ";", ":", ")", "”", '"')


def subheads(tokens: tuple[Token, ...], level: int | None) -> tuple[Token, ...]:
    """Short lines without final punctuation between two long paragraphs, as headings."""
    if level is None:
        return tokens

    def long(token: Token) -> bool:
        return token.kind is TokenKind.PARAGRAPH and len(token.text) >= MIN_PARAGRAPH_CHARS

    out = list(tokens)
    for i in range(1, len(tokens) - 1):
        token = tokens[i]
        if (
            token.kind is TokenKind.PARAGRAPH
            and 0 < len(token.text) <= MAX_SUBHEAD_CHARS
            and not token.text.endswith(SENTENCE_ENDS)
            and long(tokens[i - 1])
            and long(tokens[i + 1])
        ):
            out[i] = dataclasses.replace(token, kind=TokenKind.HEADING, level=level)
    return tuple(out)


def caption_images(
    tokens: tuple[Token, ...], rules: TextRules, start: int = 0, end: int | None = None
) -> tuple[tuple[ImageRef, ...], set[int]]:
    """Pictures read from caption lines (``rules.caption_credit``) between ``start`` and
    ``end``, and their lines."""
    pattern = rules.caption_credit
    images: list[ImageRef] = []
    taken: set[int] = set()
    if pattern is None and rules.caption_after is None:
        return (), taken
    for i in range(start, len(tokens) if end is None else end):
        if rules.caption_after is not None and i + 1 < len(tokens) and i not in taken:
            if rules.caption_after.search(tokens[i].text):
                taken.update((i, i + 1))
                images.append(ImageRef(caption=tokens[i + 1].text))
            continue
        match = pattern.search(tokens[i].text) if pattern is not None else None
        if match is None or i in taken:
            continue
        lines = {i}
        caption_at = i
        caption = (match.groupdict().get("caption") or "").strip()
        if not caption and i > start:
            caption_at = i - 1
            caption = tokens[caption_at].text
            lines.add(caption_at)
        credit = (match.groupdict().get("credit") or "").strip() or None
        if credit is None and "credit" in match.groupdict() and i + 1 < len(tokens):
            credit = tokens[i + 1].text
            lines.add(i + 1)
        alt = None
        above = caption_at - 1
        if (
            above >= start
            and above not in taken
            and (rules.alt_above or tokens[above].text == caption)
        ):
            alt = tokens[above].text
            lines.add(above)
        taken |= lines
        images.append(ImageRef(alt=alt, caption=caption or None, credit=credit))
    return tuple(images), taken


MAX_GLUED_CREDIT_CHARS: Final = 60
"""A credit glued to a repeated caption is short ("AFP", "Foto: EFE")."""
MAX_CREDIT_LINE_WORDS: Final = 8
"""A credit on the line under a repeated caption is short ("Jane Example / AP")."""
MIN_ALT_WORDS: Final = 4
"""Captions are sentences; shorter repeated lines are menus or an author's photo."""


def repeated_captions(
    tokens: tuple[Token, ...], start: int = 0, end: int | None = None, taken: Iterable[int] = ()
) -> tuple[tuple[ImageRef, ...], set[int]]:
    """Pictures printed as their alt text, then the caption repeating it (with the
    credit glued on, or on the short line below), and their lines; between ``start``
    and ``end``."""
    images: list[ImageRef] = []
    lines: set[int] = set(taken)
    found: set[int] = set()
    stop = len(tokens) if end is None else end
    for i in range(start + 1, stop):
        alt, caption = tokens[i - 1], tokens[i]
        if (
            i - 1 in lines
            or alt.kind is not TokenKind.PARAGRAPH
            or len(alt.text.split()) < MIN_ALT_WORDS
            or not caption.text.startswith(alt.text)
        ):
            continue
        rest = caption.text[len(alt.text) :].strip()
        credit: str | None = rest or None
        used = {i - 1, i}
        if rest and len(rest) > MAX_GLUED_CREDIT_CHARS:
            continue
        below = tokens[i + 1] if i + 1 < stop else None
        if not rest and below is not None and 0 < len(below.text.split()) <= MAX_CREDIT_LINE_WORDS:
            credit = below.text
            used.add(i + 1)
        lines |= used
        found |= used
        images.append(ImageRef(alt=alt.text, caption=alt.text, credit=credit))
    return tuple(images), found


def prepare_lines(tokens: tuple[Token, ...], rules: TextRules) -> tuple[Token, ...]:
    """Lines joined and split as the rules say, without ``drop`` lines."""
    tokens = unglue(join_wrapped(tokens, rules.wrap_width), rules.unglue)
    tokens = split_box_names(subheads(tokens, rules.subheads), rules.boxes)
    if not rules.drop:
        return tokens
    return tuple(t for t in tokens if not any(p.search(t.text) for p in rules.drop))


def breadcrumb(tokens: tuple[Token, ...], rules: TextRules) -> tuple[int | None, int]:
    """The breadcrumb's last item (the title), and where the article starts."""
    if rules.crumbs is None:
        return None, 0
    if rules.crumb_lines == "paragraphs":
        found = crumb_paragraphs(tokens, rules.crumbs)
        return (found[0], found[1] + 1) if found is not None else (None, 0)
    crumb = crumb_title(tokens, rules.crumbs)
    return (crumb, crumb + 1) if crumb is not None else (None, 0)


def furniture_lines(tokens: tuple[Token, ...], rules: TextRules, start: int) -> set[int]:
    """Indexes of boxes, deep indents, glued lines, link lists and pull quotes."""
    taken = box_lines(tokens, rules.boxes, start) | deep_lines(tokens, rules.drop_indent)
    if rules.glued_lines:
        taken |= glued_lines(tokens, rules.wrap_width)
    if rules.link_lists:
        taken |= link_lists(tokens)
    if rules.pull_quotes:
        taken |= pull_quotes(tokens)
    return taken


def picture_lines(
    tokens: tuple[Token, ...], rules: TextRules, start: int, taken: set[int]
) -> tuple[tuple[ImageRef, ...], set[int]]:
    """Pictures between ``start`` and ``end_of_body`` and their lines."""
    end = first_match(tokens, rules.end_of_body, start)
    images, lines = caption_images(tokens, rules, start, end)
    if rules.repeated_captions:
        repeated, more = repeated_captions(tokens, start, end, taken | lines)
        images = (*images, *repeated)
        lines |= more
    return images, lines


# -- header ---------------------------------------------------------------------------


def read_date(
    text: str,
    *,
    dayfirst: bool | None = None,
    zone: ZoneInfo | None = None,
    reference: dt.datetime | None = None,
) -> DateValue | None:
    """A dateline's date: a bare time or "N seconds ago" counts from ``reference``;
    a time without offset is read in ``zone`` (and flagged as assumed)."""
    text = text.strip()
    value: dt.date
    clock = BARE_TIME.match(text)
    seconds = SECONDS_AGO.match(text)
    if clock is not None or seconds is not None:
        if reference is None:
            return None
        if clock is not None:
            value = reference.replace(
                hour=int(clock["h"]), minute=int(clock["m"]), second=0, microsecond=0
            )
        else:
            assert seconds is not None
            value = reference - dt.timedelta(seconds=int(seconds["n"]))
        relative = True
    else:
        found = find_dates(text, reference_time=reference, prefer_dayfirst=dayfirst)
        if not found:
            return None
        value, relative = found[0].value, found[0].relative
    if isinstance(value, dt.datetime) and value.tzinfo is None and zone is not None:
        return DateValue(value=value.replace(tzinfo=zone), assumed_timezone=True, relative=relative)
    return DateValue(value=value, relative=relative)


def byline_names(value: str, by_organizations: ByOrganizations = "split") -> tuple[str, ...]:
    """The persons a byline names; without any, what ``by_organizations`` says."""
    byline = parse_byline(value)
    if byline.persons:
        return tuple(byline.persons)
    if by_organizations == "split" and byline.organizations:
        return tuple(byline.organizations)
    if by_organizations != "drop" and value.strip():
        return (value.strip(),)
    return ()


@dataclass(frozen=True, slots=True)
class Header:
    """What the header rules found in a dump (indexes into its tokens).

    Attributes:
        anchor: The dateline (else the byline) line.
        headline: The headline line.
        standfirst: The standfirst line.
        authors: Names from the byline.
        published: The dateline's (or byline's) date.
        taken: Lines that are header, not body.
        body_start: First line that may be body.
    """

    anchor: int | None = None
    headline: int | None = None
    standfirst: int | None = None
    authors: tuple[str, ...] = ()
    published: DateValue | None = None
    taken: frozenset[int] = frozenset()
    body_start: int = 0


def _flush_left(token: Token) -> bool:
    return token.kind in HEADLINE_KINDS and token.level == 0 and bool(token.text)


def _byline_at(
    tokens: tuple[Token, ...], i: int, rules: TextRules
) -> tuple[tuple[str, ...], set[int], str | None]:
    """Names, lines and date text of the byline at ``i``."""
    assert rules.byline is not None
    match = rules.byline.search(tokens[i].text)
    if match is None:
        return (), set(), None
    groups = match.groupdict()
    names_text = (groups.get("names") or "").strip()
    lines = {i}
    if names_text:
        names = byline_names(names_text, rules.by_organizations)
    elif i + 1 < len(tokens) and tokens[i + 1].kind is TokenKind.LIST_ITEM:
        j = i + 1
        found: list[str] = []
        while j < len(tokens) and tokens[j].kind is TokenKind.LIST_ITEM:
            found.append(tokens[j].text)
            lines.add(j)
            j += 1
        names = tuple(found)
    elif i + 1 < len(tokens) and "names" in groups:
        names = byline_names(tokens[i + 1].text, rules.by_organizations)
        lines.add(i + 1)
    else:
        names = ()
    return names, lines, groups.get("date")


def first_match(
    tokens: tuple[Token, ...], pattern: re.Pattern[str] | None, start: int = 0
) -> int | None:
    """Index of the first line from ``start`` on that ``pattern`` finds something in."""
    if pattern is None:
        return None
    return next((i for i in range(start, len(tokens)) if pattern.search(tokens[i].text)), None)


def read_header(
    tokens: tuple[Token, ...],
    rules: TextRules,
    *,
    start: int = 0,
    skip: frozenset[int] = frozenset(),
    zone: ZoneInfo | None = None,
    reference: dt.datetime | None = None,
) -> Header:
    """Read dateline, byline, headline and standfirst from ``tokens[start:]``."""
    dated = first_match(tokens, rules.dateline, start)
    near = max(start, dated - rules.header_lines) if dated is not None else start
    bylined = first_match(tokens, rules.byline, near)
    anchor = dated if dated is not None else bylined
    if anchor is None:
        return Header(body_start=start)
    taken: set[int] = {anchor}
    published = None
    if dated is not None and rules.dateline is not None:
        match = rules.dateline.search(tokens[dated].text)
        assert match is not None
        groups = match.groupdict()
        clock = (groups.get("time") or "").replace(".", ":") or None
        parts = [groups.get("date"), clock, groups.get("zone")]
        raw = " ".join(p for p in parts if p) or match.group()
        published = read_date(raw, dayfirst=rules.dayfirst, zone=zone, reference=reference)
    authors: tuple[str, ...] = ()
    if bylined is not None and abs(bylined - anchor) <= rules.header_lines:
        authors, lines, date_text = _byline_at(tokens, bylined, rules)
        taken |= lines
        if published is None and date_text:
            published = read_date(
                date_text, dayfirst=rules.dayfirst, zone=zone, reference=reference
            )
    headline = None
    if rules.headline is not None:
        lowest = max(start, anchor - rules.header_lines)
        window = (
            range(anchor - 1, lowest - 1, -1)
            if rules.headline == "nearest"
            else range(lowest, anchor)
        )
        headline = next(
            (j for j in window if j not in taken and j not in skip and _flush_left(tokens[j])),
            None,
        )
        if headline is not None:
            taken.add(headline)
    if rules.names_between and headline is not None and dated is not None and not authors:
        between = [j for j in range(headline + 1, dated) if j not in skip]
        authors = tuple(
            dict.fromkeys(n for j in between for n in parse_byline(tokens[j].text).persons)
        )
        if authors:
            taken.update(between)
    standfirst = _standfirst(tokens, rules, headline, anchor, taken | skip)
    if standfirst is not None:
        taken.add(standfirst)
    last = max(taken)
    body_start = last + 1 if rules.crop_header else start
    if rules.body_start is not None:
        shared = first_match(tokens, rules.body_start, body_start)
        if shared is not None:
            body_start = shared + 1
    return Header(
        anchor=anchor,
        headline=headline,
        standfirst=standfirst,
        authors=authors,
        published=published,
        taken=frozenset(taken),
        body_start=body_start,
    )


def _standfirst(
    tokens: tuple[Token, ...],
    rules: TextRules,
    headline: int | None,
    anchor: int,
    taken: set[int] | frozenset[int],
) -> int | None:
    rule = rules.standfirst
    if rule is None:
        return None
    if rule == "below_headline":
        if headline is None:
            return None
        below = headline + 1
        if below < anchor and below not in taken and _is_lead(tokens[below], rules):
            return below
        return None
    after = [i for i in range(anchor + 1, len(tokens)) if i not in taken][:STANDFIRST_SEARCH]
    for i in after:
        if isinstance(rule, re.Pattern):
            if rule.search(tokens[i].text):
                return i
        elif _is_lead(tokens[i], rules):
            return i
    return None


def _is_lead(token: Token, rules: TextRules) -> bool:
    return token.kind is TokenKind.PARAGRAPH and len(token.text) >= rules.standfirst_chars


def line_after(tokens: tuple[Token, ...], pattern: re.Pattern[str] | None) -> int | None:
    """Index of the line after the first line matching ``pattern``."""
    found = first_match(tokens, pattern, 0)
    return found + 1 if found is not None and found + 1 < len(tokens) else None


def line_above(
    tokens: tuple[Token, ...], pattern: re.Pattern[str] | None, min_chars: int = 0
) -> int | None:
    """Index of the line above the first line matching ``pattern``, when it is at least
    ``min_chars`` long."""
    found = first_match(tokens, pattern, 1)
    if found is None or len(tokens[found - 1].text) < min_chars:
        return None
    return found - 1


def title_repeats(
    tokens: tuple[Token, ...], title: str | None, start: int, min_chars: int = 0
) -> tuple[set[int], int | None]:
    """Lines from ``start`` on that repeat ``title``, and the paragraph right above the
    first of them when it is at least ``min_chars`` long (see
    ``TextRules.alt_repeats_title``)."""
    repeats = {i for i in range(start, len(tokens)) if title and tokens[i].text == title}
    first = min(repeats, default=None)
    if first is None or first - 1 < start:
        return repeats, None
    above = tokens[first - 1]
    if above.kind is TokenKind.PARAGRAPH and len(above.text) >= min_chars:
        return repeats, first - 1
    return repeats, None


def signature_names(tokens: tuple[Token, ...], rules: TextRules) -> tuple[str, ...]:
    """The names of the story's last closing signature (``rules.signature``)."""
    if rules.signature is None:
        return ()
    for token in reversed(tokens):
        match = rules.signature.search(token.text)
        if match is not None:
            return byline_names(match.group("names"), rules.by_organizations)
    return ()


def with_kicker(tokens: tuple[Token, ...], headline: int, joiner: str | None) -> str:
    """The headline, with the kicker above it joined on (see ``TextRules.kicker``)."""
    head = tokens[headline]
    above = tokens[headline - 1] if headline > 0 else None
    if (
        joiner is None
        or above is None
        or above.kind is not TokenKind.PARAGRAPH
        or above.level == 0
        or above.lines is None
        or head.lines is None
        or head.lines[0] - above.lines[1] != KICKER_GAP
    ):
        return head.text
    return f"{above.text}{joiner}{head.text}"


def standfirst_below(
    tokens: tuple[Token, ...], title: str | None, rules: TextRules
) -> Token | None:
    """The paragraph right under the line reading ``title`` (the generic path's title)."""
    for i, token in enumerate(tokens[:-1]):
        if title is not None and token.text == title:
            below = tokens[i + 1]
            return below if _is_lead(below, rules) else None
    return None


# -- results ---------------------------------------------------------------------------


def strip_phrases(result: PartialArticle, phrases: tuple[str, ...]) -> PartialArticle:
    """``result`` with ``phrases`` removed from its body's text."""
    if not phrases or not result.body:
        return result

    def clean(text: str) -> str:
        for phrase in phrases:
            text = text.replace(phrase, "")
        return text

    body = tuple(
        dataclasses.replace(t, text=clean(t.text)) if any(p in t.text for p in phrases) else t
        for t in result.body
    )
    return dataclasses.replace(result, body=body)


def house_byline(adapter: SiteAdapter, doc: Document, result: PartialArticle) -> PartialArticle:
    """The house byline as the author of unsigned pieces (``SiteAdapter.house_author``)."""
    house = adapter.house_author
    if house is None or result.authors:
        return result
    organizations = result.organizations or ()
    if house not in organizations and doc.content_type != "text":
        return result
    rest = tuple(o for o in organizations if o != house) or None
    changed = adapter.amend(result, {"authors": (PersonRef(name=house),)}, "house byline")
    if rest == result.organizations:
        return changed
    sources = {k: v for k, v in changed.sources.items() if k != "organizations" or rest}
    return dataclasses.replace(changed, organizations=rest, sources=sources)


def split_topics(
    values: Iterable[str],
    *,
    separators: str = ",",
    drop: re.Pattern[str] | None = None,
    strip: re.Pattern[str] | None = None,
    title_case: bool = False,
) -> tuple[str, ...]:
    """Topics from raw keyword texts: split, stripped, filtered, de-duplicated."""
    splitter = re.compile("[" + re.escape(separators) + "]") if separators else None
    topics: list[str] = []
    for value in values:
        for part in splitter.split(value) if splitter else [value]:
            topic = strip.sub("", part).strip() if strip is not None else part.strip()
            if not topic or (drop is not None and drop.search(topic)):
                continue
            topics.append(topic.title() if title_case else topic)
    return tuple(dict.fromkeys(topics))
