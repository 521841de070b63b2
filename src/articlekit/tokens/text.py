"""Text tokenizer: decoded raw text (a text-browser dump, a copied page) → ``TokenStream``.

The tokenizer reads shapes, not meaning: blank-line paragraphs and wrapped lines,
list items (bulleted or numbered, with their indentation), markdown-ish markup
(``#`` headings, ``>`` quotes, ``![alt](src)`` images, ``[text](url)`` links, code
fences), underlined headings, URL-only lines, table-like rows, ``IFRAME:`` lines,
record headers such as ``date 2025-02-04`` at the very top (kept as ``HINT``
tokens, never body), and breadcrumb lines ("Home > News > World", hint
``breadcrumb``). Furniture recognition (skip links, bylines, captions …) is added
afterwards as ``hints`` by ``articlekit.patterns``; choosing the body is the scoring
stage's job.
"""

from __future__ import annotations

import re
from itertools import compress
from typing import Final

from articlekit.patterns import find_dates
from articlekit.tokens._build import new_token
from articlekit.tokens.types import ImageRef, Token, TokenKind, TokenStream

__all__ = ["tokenize_text"]

LIST_MARKER: Final = re.compile(
    r"^(?P<indent>\s*)(?P<marker>[*+\-•·▪–]|\d{1,3}[.)]|(?<=\s)[o@](?=\s))\s+(?P<rest>\S.*)$"
)
"""A bulleted or numbered list item, with its indentation (``o``/``@`` are lynx's
bullets for nested lists, recognised only when indented)."""
URL_LINE: Final = re.compile(r"^\s*<?(?P<url>(?:https?://|www\.)[^\s<>]{1,2000})>?\s*$")
EMBED_LINE: Final = re.compile(r"^\s*(?:IFRAME|EMBED|FRAME):\s*(?P<url>\S{1,2000})", re.IGNORECASE)
MD_HEADING: Final = re.compile(r"^\s{0,3}(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
MD_IMAGE: Final = re.compile(
    r"^\s*!\[(?P<alt>[^\]]{0,1000})\]\((?P<src>[^)\s]{0,2000})[^)]{0,300}\)\s*$"
)
MD_LINK: Final = re.compile(r"\[(?P<text>[^\]\n]{0,500})\]\((?P<url>[^)\s]{0,2000})[^)\n]{0,300}\)")
MD_QUOTE: Final = re.compile(r"^\s*>\s?(?P<text>.*)$")
MD_EMPHASIS: Final = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(?P<text>[^*_\n]{1,500}?)(?<=\S)\1")
UNDERLINE: Final = re.compile(r"^\s*(?P<char>[=\-~^*])(?P=char){2,}\s*$")
FENCE: Final = re.compile(r"^\s*(```|~~~)")
RULE: Final = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
RECORD_HEADER: Final = re.compile(
    r"^\s*(?P<key>date|datum|published|url|source|title|lang|language)\s*[:=]?\s+"
    r"(?P<value>\S+(?:\s\S+)?)(?=\s{2,}|\s*$)",
    re.IGNORECASE,
)
"""``date 2025-02-04`` style record headers at the top of exported dumps."""
RECORD_HEADER_LINES: Final = 3
"""Record headers are only looked for in this many first lines."""
TABLE_CELL_GAP: Final = re.compile(r"\S(?:\t+| {3,}|\s\|\s)\S")
TABLE_CELL_SPLIT: Final = re.compile(r"\t+| {3,}")
"""Between the cells of a table row set with tabs or runs of spaces."""
TABLE_MIN_CELLS: Final = 3
"""A table row has at least this many cells."""
TABLE_MIN_ROWS: Final = 2
"""A table has at least this many consecutive rows."""
WRAPPED_DUMP_MAX_WIDTH: Final = 110
"""Dumps whose longest lines are at most this wide were wrapped by the renderer."""
WRAP_FILL_SHARE: Final = 0.7
"""In a wrapped dump, a line filled to this share of the width continues on the next line."""
DATELINE_MAX_CHARS: Final = 60
"""Numbered-looking lines up to this long are checked for being a date instead."""
BREADCRUMB_SEPARATOR: Final = re.compile(r" (?:>|/|»|›|→|\\|\|) ")
"""A path separator between breadcrumb segments (with spaces around it)."""
BREADCRUMB_LABEL: Final = re.compile(
    r"^(?:you are here|du befindest dich hier|sie befinden sich hier|sie sind hier"
    r"|vous êtes ici|vous etes ici|usted está aquí|está aquí|estás aquí|sei qui|ti trovi in"
    r"|u bent hier|je bent hier|du er her|du är här|você está aqui|jesteś tutaj)\s?:\s*",
    re.IGNORECASE,
)
"""A label opening a breadcrumb ("You are here: Home > News"), dropped before the check."""
BREADCRUMB_MIN_PARTS: Final = 3
"""A breadcrumb has at least this many segments (a headline may hold one " / ")."""
BREADCRUMB_MAX_PART_WORDS: Final = 4
"""Breadcrumb segments are section names, at most this many words each."""
BREADCRUMB_MAX_CHARS: Final = 160
"""Breadcrumb lines are short."""
BREADCRUMB_HINTS: Final = frozenset({"breadcrumb"})
"""The hint a breadcrumb line carries (page furniture for the scorer)."""
_NO_HINTS: Final[frozenset[str]] = frozenset()
MIN_DISTINCT_WORD_SHARE: Final = 0.7
"""A line continuing a sentence repeats few of its words (menus repeat them)."""
HEADER_LINE_MAX_CHARS: Final = 60
"""A byline or dateline line that never continues a wrapped paragraph is this short."""
LOWER_BYLINE_LABELS: Final = frozenset(
    {"von", "by", "di", "da", "par", "por", "de", "door", "av", "af"}
)
"""Byline labels written in lower case at the start of a line."""
MOJIBAKE: Final = re.compile(
    "[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2013\u2014"
    "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|â€"
)
"""UTF-8 read as Windows-1252: "Ã¼" for "ü", "Â«" for "«", "â€™" for "’"."""
MOJIBAKE_MARKS: Final = ("Ã", "Â", "â€")
"""Cheap test whether a dump may hold any such line (three substring searches are much
faster than a regex alternation over the whole dump; the first character of "â€" is
looked for first, as a search for one character is the fastest)."""
EDIT_MARK_START: Final = re.compile(r"\[(?:INS|DEL):")
"""The start of a w3m edit mark (a cheap test before ``EDIT_MARKS``: one search, faster
than two substring searches)."""
EDIT_MARKS: Final = re.compile(r"\[INS:([^\n]{0,300}?):INS\]|\[DEL:[^\n]{0,300}?:DEL\]")
"""w3m prints ``<ins>`` as "[INS:text:INS]" (empty ad slots as "[INS::INS]") and ``<del>``
as "[DEL:text:DEL]": the inserted text stays, the deleted text and the marks go (a mark
is looked for at most 300 characters on, so hostile input stays linear)."""
CODE_LINE: Final = re.compile(
    r"[;{}]\s*$|^\s*(?://|/\*|\*/|#include|import\s|from\s\S+\simport|def\s|class\s"
    r"|function[\s(]|var\s|let\s|const\s|return\b|if\s?\(|for\s?\(|while\s?\(|</?[a-z][\w-]*[\s>]"
    r"|[$>]\s\w|\})|\)\s*(?:=>|\{)"
)
"""A line shaped like program code."""
CODE_HINT: Final = re.compile(r"[;{}][ \t]*$", re.MULTILINE)
"""A dump without any line ending like code has no code block (a cheap test first)."""
CODE_LAST_CHARS: Final = frozenset(";{}")
CODE_FIRST_CHARS: Final = frozenset("/*#<}{$>")
CODE_FIRST_WORDS: Final = frozenset(
    {"import", "from", "def", "class", "function", "var", "let", "const", "return"}
)
"""A line is only matched against ``CODE_LINE`` when it ends or starts like code."""
MIN_CODE_LINES: Final = 3
"""A code block has at least this many lines …"""
CODE_LINE_SHARE: Final = 0.6
"""… and this share of them look like code."""
WIDTH_PERCENTILE: Final = 0.95
"""Line-length percentile taken as the dump's width."""
UNDERLINE_CHARS: Final = frozenset("=-~^*")
"""The characters ``UNDERLINE`` lines are made of (the cheap test before it)."""


_BREAK: Final = TokenKind.BREAK
_EMBED: Final = TokenKind.EMBED
_FIGURE: Final = TokenKind.FIGURE
_HEADING: Final = TokenKind.HEADING
_HINT: Final = TokenKind.HINT
_LIST_ITEM: Final = TokenKind.LIST_ITEM
_PARAGRAPH: Final = TokenKind.PARAGRAPH
_PRE: Final = TokenKind.PRE
_QUOTE: Final = TokenKind.QUOTE
_TABLE: Final = TokenKind.TABLE
_URL: Final = TokenKind.URL
"""Token kinds the functions below test, bound once (see ``TokenKind``)."""


def tokenize_text(text: str) -> TokenStream:
    """Split raw text into block tokens with line spans (1-based, inclusive).

    The lines are stripped once, up front; each line is then read by the first shape
    that fits it, in this order: a block shape (``_block_shape``: a code fence, a record
    header, an underlined line, a rule, program code), else a unit (the line with its
    continuation lines): markup or a list item (``_markup``), else a paragraph.

    Args:
        text: Decoded, normalized text.
    """
    if EDIT_MARK_START.search(text) is not None:
        text = EDIT_MARKS.sub(lambda m: m.group(1) or "", text)
    lines = text.split("\n")
    if any(mark[0] in text and mark in text for mark in MOJIBAKE_MARKS):
        lines = [_unmojibake(line) for line in lines]
    trimmed = [line.rstrip() for line in lines]
    stripped = [line.lstrip() for line in trimmed]
    width = _dump_width(lines, stripped)
    wrapped = 0 < width <= WRAPPED_DUMP_MAX_WIDTH
    code_possible = (";" in text or "{" in text or "}" in text) and (
        CODE_HINT.search(text) is not None  # (it needs one of those characters)
    )
    tokens: list[Token] = []
    rows: list[int] = []  # paragraphs that may be table rows (whitespace kept until merged)
    group = 0
    i = 0
    n = len(lines)
    while i < n:
        # the first character picks which line-shape patterns can match (this is per line)
        lead = stripped[i][:1]
        if not lead:
            i += 1
            continue
        if (
            lead in "`~"
            or (lead in "-*_" and stripped[i][-1] in "-*_")
            or i < RECORD_HEADER_LINES
            or (  # (_may_underline, inlined: this is per line)
                i + 1 < n
                and (following := stripped[i + 1])[:1] in UNDERLINE_CHARS
                and following[-1] == following[0]
            )
            or code_possible
        ):  # (the cheap tests of ``_block_shape``)
            token, end = _block_shape(lines, trimmed, stripped, i, code_possible=code_possible)
            if token is not None:
                tokens.append(token)
                i = end
                continue
        lineno = i + 1
        unit = stripped[i]
        indent = len(trimmed[i]) - len(unit)
        if wrapped:
            unit, i = _wrapped_unit(trimmed, stripped, i, width, indent)
        elif lineno < n and lines[lineno][indent : indent + 1].islower():
            unit, i = _continued_unit(lines, trimmed, stripped, i, indent)
        else:
            i = lineno  # (most units are one line)
        if lead not in PLAIN_LEADS and _may_be_markup(unit, lead):
            previous = tokens[-1] if tokens else None
            token, group = _markup(unit, lineno, i, indent, previous=previous, group=group)
            if token is not None:
                tokens.append(token)
                continue
        # a paragraph (most tokens are: built here, directly)
        if ("]" in unit and "](" in unit) or "*" in unit or "_" in unit:
            body, links = _strip_markdown(unit)
        else:
            body, links = unit, 0
        hints = (
            BREADCRUMB_HINTS
            if len(body) <= BREADCRUMB_MAX_CHARS
            # (a separator needs one of its marks: the ASCII ones are tested first)
            and (
                "/" in body
                or ">" in body
                or "|" in body
                or "\\" in body
                or (not body.isascii() and ("»" in body or "›" in body or "→" in body))
            )
            and BREADCRUMB_SEPARATOR.search(body) is not None
            and _is_breadcrumb(body)
            else _NO_HINTS
        )
        if not (body.isprintable() and "  " not in body and "|" not in body):
            # (tabs are not printable): a table row keeps its cell gaps until merged
            if lineno == i and ("|" in body or "\t" in body or "   " in body):
                rows.append(len(tokens))
            else:
                body = _squash(body)
        elif body is not unit:  # markdown taken out: spaces may be left at the ends
            body = _squash(body)
        # fields by position (faster than keywords): kind, text, node, lines, level,
        # link_chars, group, ordered, href, image, rows, hints
        kind, span = _PARAGRAPH, (lineno, i)
        tokens.append(
            new_token(kind, body, -1, span, indent, links, -1, False, None, None, (), hints)
        )
    return TokenStream(tokens=tuple(_merge_tables(tokens, rows)), content_type="text")


def _block_shape(
    lines: list[str], trimmed: list[str], stripped: list[str], i: int, *, code_possible: bool
) -> tuple[Token | None, int]:
    """The token of a block of lines starting at line ``i`` that has a shape of its own,
    and the line after it: a code fence, a record header (first lines only; the rest
    of its line is then read again: ``lines``, ``trimmed`` and ``stripped`` get it), a
    line underlined by the next one, a rule, a block of program code; ``(None, i)``
    when there is none."""
    lead = stripped[i][:1]
    lineno = i + 1
    n = len(lines)
    if lead in "`~" and FENCE.match(trimmed[i]):
        end = next((j for j in range(lineno, n) if FENCE.match(trimmed[j])), n)
        code = "\n".join(trimmed[lineno:end])
        return _tok(_PRE, code, lineno, min(end + 1, n)), end + 1
    if i < RECORD_HEADER_LINES and (header := RECORD_HEADER.match(trimmed[i])) is not None:
        key = header.group("key").lower()
        value = _squash(f"{key} {header.group('value')}")
        hint = _tok(_HINT, value, lineno, lineno, hints=frozenset({f"record:{key}"}))
        rest = trimmed[i][header.end() :]
        if not rest.strip():
            return hint, lineno
        lines[i] = trimmed[i] = rest
        stripped[i] = rest.lstrip()
        return hint, i
    if (
        lineno < n
        and _may_underline(stripped[lineno])
        and UNDERLINE.match(trimmed[lineno])
        and len(stripped[i]) > 1
    ):
        level = 1 if stripped[lineno][0] == "=" else 2
        heading = _squash(stripped[i])
        return _tok(_HEADING, heading, lineno, lineno + 1, level=level), i + 2
    if lead in "-*_" and stripped[i][-1] in "-*_" and RULE.match(trimmed[i]):
        return _tok(_BREAK, "", lineno, lineno), lineno
    code_end = _code_block_end(lines, i) if code_possible else i
    if code_end > i:
        block = "\n".join(line.rstrip() for line in lines[i:code_end]).strip("\n")
        return _tok(_PRE, block, lineno, code_end), code_end
    return None, i


def _may_underline(stripped: str) -> bool:
    """``UNDERLINE`` can match a stripped line only when it starts and ends with the
    same one of ``UNDERLINE_CHARS``."""
    return stripped[:1] in UNDERLINE_CHARS and stripped[-1] == stripped[0]


def _code_like(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if stripped[-1] not in CODE_LAST_CHARS and stripped[0] not in CODE_FIRST_CHARS:
        head = stripped.split(" ", 1)[0]
        if head not in CODE_FIRST_WORDS and "(" not in stripped:
            return False
    return CODE_LINE.search(stripped) is not None


def _code_block_end(lines: list[str], i: int) -> int:
    """End (exclusive) of a block of program code starting at line ``i``: at least
    ``MIN_CODE_LINES`` lines, most of them shaped like code (ending in ``;`` ``{`` ``}``,
    starting like a comment, a tag or a declaration), single blank lines allowed
    inside; ``i`` when there is none."""
    if not _code_like(lines[i]):
        return i
    j = i
    code = total = 0
    last_code = i
    while j < len(lines):
        line = lines[j]
        if not line.strip():
            if j + 1 < len(lines) and lines[j + 1].strip() and _code_like(lines[j + 1]):
                j += 1
                continue
            break
        total += 1
        if _code_like(line):
            code += 1
            last_code = j
        elif total - code > code:
            break
        j += 1
    end = last_code + 1
    lines_in = sum(1 for line in lines[i:end] if line.strip())
    if lines_in < MIN_CODE_LINES or code < CODE_LINE_SHARE * lines_in:
        return i
    return end


def _unmojibake(line: str) -> str:
    """A line whose UTF-8 was read as Windows-1252 ("fÃ¼r", "Â«") → the intended text;
    the line as it is when it does not round-trip."""
    if not MOJIBAKE.search(line):
        return line
    for codec in ("cp1252", "latin-1"):
        try:
            return line.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return line


def _tok(
    kind: TokenKind,
    text: str,
    first: int,
    last: int,
    *,
    level: int = 0,
    hints: frozenset[str] = frozenset(),
    **extra: object,
) -> Token:
    return new_token(kind=kind, text=text, lines=(first, last), level=level, hints=hints, **extra)  # type: ignore[arg-type]


def _dump_width(lines: list[str], stripped: list[str]) -> int:
    lengths = sorted(map(len, compress(lines, stripped)))  # (the lines that are not blank)
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(len(lengths) * WIDTH_PERCENTILE))]


def _continued_unit(
    lines: list[str], trimmed: list[str], stripped: list[str], i: int, indent: int
) -> tuple[str, int]:
    """The text of the unit starting at line ``i`` of a dump that was not wrapped by
    width, and the line after it: a line broken inside a sentence (``<br>``) goes on in
    lower case at the same indentation.

    (Called when the next line starts in lower case there; ``lines`` are the raw lines,
    ``trimmed`` right-stripped, ``stripped`` stripped.)"""
    text = stripped[i]
    i += 1
    while i < len(lines):
        nxt = lines[i]
        if not nxt[indent : indent + 1].islower() or (indent and nxt[:indent].strip()):
            break  # continuations start in lower case at the same indentation
        line = stripped[i]
        if not (
            line
            and not _ends_sentence(text)
            and not (_may_start_list(line) and LIST_MARKER.match(trimmed[i]))
            and not (_may_be_url(line) and URL_LINE.match(trimmed[i]))
            and not _cell_gap(line)
            and not _labelled_name(line)
            and _sentence_part(stripped[i - 1], line)
        ):
            break
        text = f"{text} {line}"
        i += 1
    return text, i


def _wrapped_unit(
    trimmed: list[str], stripped: list[str], i: int, width: int, indent: int
) -> tuple[str, int]:
    """The text of the unit starting at line ``i`` of a dump wrapped at ``width``, and
    the line after it: a line filled to ``WRAP_FILL_SHARE`` of the width goes on in the
    next line, unless that is blank, indented less, a list item, a URL, a table row, or
    a byline or dateline after a finished sentence."""
    text = stripped[i]
    i += 1
    if _cell_gap(text):
        return text, i  # a table row is never continued
    fill = WRAP_FILL_SHARE * width
    previous = trimmed[i - 1]
    while i < len(trimmed):
        nxt = trimmed[i]
        line = stripped[i]
        if (
            not line
            or len(previous) < fill
            or (_may_start_list(line) and LIST_MARKER.match(nxt))
            or (_may_be_url(line) and URL_LINE.match(nxt))
            or len(nxt) - len(line) < indent - 1
            or _cell_gap(line)  # (``previous`` had none, or the loop had ended)
            or (_ends_sentence(previous) and _header_line(line))
        ):
            break
        text = f"{text} {line}"
        previous = nxt
        i += 1
    return text, i


LIST_LEADS: Final = "*+-•·▪–o@"
"""Characters a list item starts with (besides digits): ``LIST_MARKER``'s markers."""
BULLETS: Final = frozenset("*+-•·▪–")
"""``LIST_MARKER``'s bullets that need no indentation before them."""
URL_STARTS: Final = ("http", "www.", "<http", "<www.")
"""A stripped text that ``URL_LINE`` matches starts with one of these (case matters)."""
SENTENCE_STOPS: Final = ".!?:;。！？"
"""Characters that end a sentence: after a line ending in one, the next line starts a new
block even in lower case."""


def _may_start_list(stripped: str) -> bool:
    """``LIST_MARKER`` can match a line only when its text starts with a marker."""
    lead = stripped[:1]
    return bool(lead) and (lead in LIST_LEADS or lead.isdigit())


def _may_be_url(stripped: str) -> bool:
    """``URL_LINE`` can match a stripped line only when it starts with ``URL_STARTS``."""
    return stripped.startswith(URL_STARTS)


def _cell_gap(stripped: str) -> bool:
    """``TABLE_CELL_GAP`` in a stripped line (which needs a tab, three spaces or a bar)."""
    return ("\t" in stripped or "   " in stripped or "|" in stripped) and (
        TABLE_CELL_GAP.search(stripped) is not None
    )


def _ends_sentence(text: str) -> bool:
    """A right-stripped text ends with one of ``SENTENCE_STOPS``."""
    return bool(text) and text[-1] in SENTENCE_STOPS


def _header_line(text: str) -> bool:
    """A short byline ("Von dpa 30.04.2024, 18:58", "By Jane Roe") or dateline after a
    finished sentence starts a line of its own, even in a wrapped dump."""
    if len(text) > HEADER_LINE_MAX_CHARS:
        return False
    label, _, rest = text.partition(" ")
    return (bool(rest) and label.casefold() in LOWER_BYLINE_LABELS) or _is_dateline(text)


def _sentence_part(before: str, after: str) -> bool:
    """``before`` and ``after`` read as two parts of one sentence, not as a Title Case
    label ("Share Close Button") followed by a lower-case menu ("facebook Facebook …")."""
    words = before.split()
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        return False
    following = after.casefold().split()
    return len(set(following)) >= MIN_DISTINCT_WORD_SHARE * len(following)


def _labelled_name(text: str) -> bool:
    """ "von Jane Roe", "di Mario Rossi": a lower-case byline label before a name."""
    label, _, rest = text.partition(" ")
    return label.casefold() in LOWER_BYLINE_LABELS and rest[:1].isupper()


def _strip_markdown(text: str) -> tuple[str, int]:
    """Remove inline markdown links and emphasis; return the text and its link chars."""
    link_chars = 0
    if "](" in text:

        def _link(match: re.Match[str]) -> str:
            nonlocal link_chars
            link_chars += len(match.group("text"))
            return match.group("text")

        text = MD_LINK.sub(_link, text)
    if "*" in text or "__" in text:
        text = MD_EMPHASIS.sub(lambda m: m.group("text"), text)
    return text, link_chars


EMBED_COLON_AT: Final = len("FRAME")
"""``EMBED_LINE`` on a stripped text: its colon comes after "FRAME" or "EMBED" (5
letters) or "IFRAME" (6; each letter matches one character, ignoring case)."""
MARKUP_LEADS: Final = frozenset("!#>" + LIST_LEADS)
"""First characters of a unit that some markup shape needs besides embeds, URLs and
numbered items (an image, a heading, a quote, a bullet): a unit that starts with none of
them nor with a digit, and is no embed or URL line, is a paragraph."""


PLAIN_LEADS: Final = frozenset(map(chr, range(0x20, 0x7F))).difference(
    MARKUP_LEADS, "hw<", "iIeEfF", "0123456789"
)
"""ASCII first characters of units that are paragraphs whatever follows: no markup mark,
no digit, no start of a URL or of an embed keyword (``_may_be_markup`` is false)."""


def _may_be_markup(text: str, lead: str) -> bool:
    """Some markup shape besides a paragraph can match ``text`` (its first character
    ``lead``): an embed (its colon where the keyword ends; a case-insensitive "I" also
    matches non-ASCII letters such as "İ"), a URL, an image, a heading, a quote, a list
    item. The patterns themselves run in ``_markup``."""
    return (
        lead in MARKUP_LEADS
        or lead.isdigit()
        or (lead in "hw<" and _may_be_url(text))
        or (
            ":" in text[EMBED_COLON_AT : EMBED_COLON_AT + 2]
            and (lead in "iIeEfF" or not lead.isascii())
        )
    )


def _markup(
    text: str, first: int, last: int, indent: int, *, previous: Token | None, group: int
) -> tuple[Token | None, int]:
    """The token of a unit (its stripped ``text``, lines ``first``–``last``, indented by
    ``indent``) with some markup shape, and the running list ``group`` (``previous`` is
    the token before); ``None`` when the unit is a paragraph after all. Texts come
    squashed.

    Each shape is tried only on units with the first character it needs (an embed also
    needs its colon where the keyword ends): no unit has the first character of two
    shapes, so the order of the tests does not change which one matches."""
    lead = text[0]
    if ":" in text[EMBED_COLON_AT : EMBED_COLON_AT + 2] and (
        lead in "iIeEfF" or not lead.isascii()
    ):
        embed = EMBED_LINE.match(text)
        if embed is not None:
            return _tok(_EMBED, "", first, last, href=embed.group("url")), group
    if lead in BULLETS or (indent and lead in "o@"):  # ("o", "@": lynx's nested bullets)
        if not text[1:2].isspace():  # ``LIST_MARKER``: a bullet, then whitespace
            return None, group
        rest, ordered = text[1:].lstrip(), False
    elif lead.isdigit():  # a number ("1.", "2)"), unless the line starts with a date
        item = LIST_MARKER.match(" " * indent + text if indent else text)
        if item is None or _is_dateline(text):  # "4. Februar 2025" is not item 4
            return None, group
        rest, ordered = item.group("rest").strip(), True
    else:
        return _marked_up(text, lead, first, last), group
    marked = "](" in rest or "*" in rest or "_" in rest  # (what _strip_markdown needs)
    body, links = _strip_markdown(rest) if marked else (rest, 0)
    if not (
        previous is not None
        and previous.kind is _LIST_ITEM
        and previous.lines is not None
        and first - previous.lines[1] <= 2
        and (previous.ordered == ordered or indent > previous.level)
    ):
        group += 1  # a new list
    if body is not rest or not body.isprintable() or "  " in body:
        body = _squash(body)
    # a third of a dump's tokens: built directly, with positional fields (faster than
    # keywords): kind, text, node, lines, level, link_chars, group, ordered
    return new_token(_LIST_ITEM, body, -1, (first, last), indent, links, group, ordered), group


def _marked_up(text: str, lead: str, first: int, last: int) -> Token | None:
    """The URL, image, heading or quote token of a unit (see ``_markup``), if any."""
    url = URL_LINE.match(text) if lead in "hw<" and _may_be_url(text) else None
    if url is not None:
        href = url.group("url")
        return _tok(_URL, _squash(href), first, last, href=href)
    image = MD_IMAGE.match(text) if lead == "!" else None
    if image is not None:
        ref = ImageRef(src=image.group("src") or None, alt=image.group("alt").strip() or None)
        return _tok(_FIGURE, "", first, last, image=ref)
    heading = MD_HEADING.match(text) if lead == "#" else None
    if heading is not None:
        body, links = _strip_markdown(heading.group("text"))
        level = len(heading.group("hashes"))
        return _tok(_HEADING, _squash(body), first, last, level=level, link_chars=links)
    quote = MD_QUOTE.match(text) if lead == ">" else None
    if quote is not None and quote.group("text").strip():
        body, links = _strip_markdown(quote.group("text").strip())
        return _tok(_QUOTE, _squash(body), first, last, link_chars=links)
    return None


def _is_breadcrumb(text: str) -> bool:
    """ "Home > News > World", "Startseite / Politik / Ausland", "Vous êtes ici : Accueil >
    Monde > Europe": short segments joined by one repeated path separator, and no date
    among them."""
    if len(text) > BREADCRUMB_MAX_CHARS or BREADCRUMB_SEPARATOR.search(text) is None:
        return False  # (the separator is looked for after the label below: it is in the text)
    label = BREADCRUMB_LABEL.match(text)
    unlabelled = text[label.end() :] if label is not None else text
    match = BREADCRUMB_SEPARATOR.search(unlabelled)
    if match is None:
        return False
    parts = unlabelled.split(match.group(0))
    if label is not None:  # labelled: the last segment may be the whole headline
        parts[-1] = parts[-1].split(maxsplit=1)[0] if parts[-1].strip() else ""
    if len(parts) < BREADCRUMB_MIN_PARTS or not all(
        part.strip() and len(part.split()) <= BREADCRUMB_MAX_PART_WORDS for part in parts
    ):
        return False
    # "Jane Roe / Example Times / May 2, 2024" is a byline with a date, not a path
    return not (any(ch.isdigit() for ch in text) and find_dates(text))


def _is_dateline(text: str) -> bool:
    """A short line that starts with a date ("4. Februar 2025", "12. März 2024, 10:15")."""
    if len(text) > DATELINE_MAX_CHARS or not text[:1].isdigit():
        return False
    matches = find_dates(text)
    return bool(matches) and matches[0].start == 0


def _merge_tables(tokens: list[Token], candidates: list[int]) -> list[Token]:
    """Turn runs of consecutive table-like lines into TABLE tokens, and squash the
    whitespace of the ``candidates`` (paragraphs that may be rows, in order) that end up
    in none; every other token is settled already."""
    rows = [k for k in candidates if len(_cells(tokens[k].text)) >= TABLE_MIN_CELLS]
    for k in set(candidates).difference(rows):
        tokens[k] = _squashed(tokens[k])
    if not rows:
        return tokens
    out: list[Token] = []
    done = 0  # tokens before this one are in ``out``
    run = [rows[0]]
    for k in [*rows[1:], -1]:
        if k == run[-1] + 1 and _adjacent(tokens[run[-1]], tokens[k]):
            run.append(k)
            continue
        out.extend(tokens[done : run[0]])
        if len(run) >= TABLE_MIN_ROWS:
            first, last = tokens[run[0]], tokens[run[-1]]
            cells = tuple(_cells(tokens[j].text) for j in run)
            text = "\n".join(" | ".join(r) for r in cells)
            start = first.lines[0] if first.lines else 0
            end = last.lines[1] if last.lines else 0
            out.append(_tok(_TABLE, text, start, end, rows=cells))
        else:
            out.extend(_squashed(tokens[j]) for j in run)
        done = run[-1] + 1
        run = [k]
    out.extend(tokens[done:])
    return out


def _adjacent(row: Token, following: Token) -> bool:
    """``following`` starts at most one line after ``row`` ends."""
    return bool(row.lines and following.lines and following.lines[0] - row.lines[1] <= 1)


def _squash(text: str) -> str:
    """``text`` with its whitespace collapsed (each run one space, none at the ends)."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # printable: no whitespace but " " (a cheap test, run on every text)
    return " ".join(text.split())


def _squashed(token: Token) -> Token:
    """``token`` with its whitespace collapsed (a copy only when that changes it);
    preformatted text keeps its lines and indentation."""
    if token.kind is _PRE:
        return token
    text = _squash(token.text)
    if text == token.text:
        return token
    # fields by position (``dataclasses.replace`` costs three times as much)
    return new_token(
        token.kind,
        text,
        token.node,
        token.lines,
        token.level,
        token.link_chars,
        token.group,
        token.ordered,
        token.href,
        token.image,
        token.rows,
        token.hints,
    )


def _cells(text: str) -> tuple[str, ...]:
    if "|" in text and text.count("|") >= TABLE_MIN_CELLS - 1:
        cells = [c.strip() for c in text.strip().strip("|").split("|")]
    # a gap needs a tab, three spaces or a "|": cheap substring tests before the regex
    elif ("\t" in text or "   " in text or "|" in text) and TABLE_CELL_GAP.search(text):
        cells = [c.strip() for c in TABLE_CELL_SPLIT.split(text.strip())]
    else:
        return (text,)
    return tuple(c for c in cells if c)
