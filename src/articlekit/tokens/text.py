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
from dataclasses import dataclass, replace

from articlekit.patterns import find_dates
from articlekit.tokens.types import ImageRef, Token, TokenKind, TokenStream

__all__ = ["tokenize_text"]

LIST_MARKER = re.compile(
    r"^(?P<indent>\s*)(?P<marker>[*+\-•·▪–]|\d{1,3}[.)]|(?<=\s)[o@](?=\s))\s+(?P<rest>\S.*)$"
)
"""A bulleted or numbered list item, with its indentation (``o``/``@`` are lynx's
bullets for nested lists, recognised only when indented)."""
URL_LINE = re.compile(r"^\s*<?(?P<url>(?:https?://|www\.)[^\s<>]{1,2000})>?\s*$")
EMBED_LINE = re.compile(r"^\s*(?:IFRAME|EMBED|FRAME):\s*(?P<url>\S{1,2000})", re.IGNORECASE)
MD_HEADING = re.compile(r"^\s{0,3}(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
MD_IMAGE = re.compile(r"^\s*!\[(?P<alt>[^\]]{0,1000})\]\((?P<src>[^)\s]{0,2000})[^)]{0,300}\)\s*$")
MD_LINK = re.compile(r"\[(?P<text>[^\]\n]{0,500})\]\((?P<url>[^)\s]{0,2000})[^)\n]{0,300}\)")
MD_QUOTE = re.compile(r"^\s*>\s?(?P<text>.*)$")
MD_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(?P<text>[^*_\n]{1,500}?)(?<=\S)\1")
UNDERLINE = re.compile(r"^\s*(?P<char>[=\-~^*])(?P=char){2,}\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
RECORD_HEADER = re.compile(
    r"^\s*(?P<key>date|datum|published|url|source|title|lang|language)\s*[:=]?\s+"
    r"(?P<value>\S+(?:\s\S+)?)(?=\s{2,}|\s*$)",
    re.IGNORECASE,
)
"""``date 2025-02-04`` style record headers at the top of exported dumps."""
RECORD_HEADER_LINES = 3
"""Record headers are only looked for in this many first lines."""
TABLE_CELL_GAP = re.compile(r"\S(?:\t+| {3,}|\s\|\s)\S")
TABLE_MIN_CELLS = 3
"""A table row has at least this many cells."""
TABLE_MIN_ROWS = 2
"""A table has at least this many consecutive rows."""
WRAPPED_DUMP_MAX_WIDTH = 110
"""Dumps whose longest lines are at most this wide were wrapped by the renderer."""
WRAP_FILL_SHARE = 0.7
"""In a wrapped dump, a line filled to this share of the width continues on the next line."""
DATELINE_MAX_CHARS = 60
"""Numbered-looking lines up to this long are checked for being a date instead."""
BREADCRUMB_SEPARATOR = re.compile(r" (?:>|/|»|›|→|\\|\|) ")
"""A path separator between breadcrumb segments (with spaces around it)."""
BREADCRUMB_LABEL = re.compile(
    r"^(?:you are here|du befindest dich hier|sie befinden sich hier|sie sind hier"
    r"|vous êtes ici|vous etes ici|usted está aquí|está aquí|estás aquí|sei qui|ti trovi in"
    r"|u bent hier|je bent hier|du er her|du är här|você está aqui|jesteś tutaj)\s?:\s*",
    re.IGNORECASE,
)
"""A label opening a breadcrumb ("You are here: Home > News"), dropped before the check."""
BREADCRUMB_MIN_PARTS = 3
"""A breadcrumb has at least this many segments (a headline may hold one " / ")."""
BREADCRUMB_MAX_PART_WORDS = 4
"""Breadcrumb segments are section names, at most this many words each."""
BREADCRUMB_MAX_CHARS = 160
"""Breadcrumb lines are short."""
BREADCRUMB_HINTS = frozenset({"breadcrumb"})
"""The hint a breadcrumb line carries (page furniture for the scorer)."""
_NO_HINTS: frozenset[str] = frozenset()
MIN_DISTINCT_WORD_SHARE = 0.7
"""A line continuing a sentence repeats few of its words (menus repeat them)."""
HEADER_LINE_MAX_CHARS = 60
"""A byline or dateline line that never continues a wrapped paragraph is this short."""
LOWER_BYLINE_LABELS = frozenset({"von", "by", "di", "da", "par", "por", "de", "door", "av", "af"})
"""Byline labels written in lower case at the start of a line."""
MOJIBAKE = re.compile(
    "[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2013\u2014"
    "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|â€"
)
"""UTF-8 read as Windows-1252: "Ã¼" for "ü", "Â«" for "«", "â€™" for "’"."""
MOJIBAKE_MARKS = ("Ã", "Â", "â€")
"""Cheap test whether a dump may hold any such line (three substring searches are much
faster than a regex alternation over the whole dump)."""
EDIT_MARKS = re.compile(r"\[INS:([^\n]{0,300}?):INS\]|\[DEL:[^\n]{0,300}?:DEL\]")
"""w3m prints ``<ins>`` as "[INS:text:INS]" (empty ad slots as "[INS::INS]") and ``<del>``
as "[DEL:text:DEL]": the inserted text stays, the deleted text and the marks go (a mark
is looked for at most 300 characters on, so hostile input stays linear)."""
CODE_LINE = re.compile(
    r"[;{}]\s*$|^\s*(?://|/\*|\*/|#include|import\s|from\s\S+\simport|def\s|class\s"
    r"|function[\s(]|var\s|let\s|const\s|return\b|if\s?\(|for\s?\(|while\s?\(|</?[a-z][\w-]*[\s>]"
    r"|[$>]\s\w|\})|\)\s*(?:=>|\{)"
)
"""A line shaped like program code."""
CODE_HINT = re.compile(r"[;{}][ \t]*$", re.MULTILINE)
"""A dump without any line ending like code has no code block (a cheap test first)."""
CODE_LAST_CHARS = frozenset(";{}")
CODE_FIRST_CHARS = frozenset("/*#<}{$>")
CODE_FIRST_WORDS = frozenset(
    {"import", "from", "def", "class", "function", "var", "let", "const", "return"}
)
"""A line is only matched against ``CODE_LINE`` when it ends or starts like code."""
MIN_CODE_LINES = 3
"""A code block has at least this many lines …"""
CODE_LINE_SHARE = 0.6
"""… and this share of them look like code."""
WIDTH_PERCENTILE = 0.95
"""Line-length percentile taken as the dump's width."""


@dataclass(slots=True)
class _Unit:
    """A line or run of wrapped lines before classification (tokenizer-internal)."""

    text: str
    first: int
    last: int
    indent: int


def tokenize_text(text: str) -> TokenStream:
    """Split raw text into block tokens with line spans (1-based, inclusive).

    Args:
        text: Decoded, normalized text.
    """
    if "[INS:" in text or "[DEL:" in text:
        text = EDIT_MARKS.sub(lambda m: m.group(1) or "", text)
    lines = text.split("\n")
    if any(mark in text for mark in MOJIBAKE_MARKS):
        lines = [_unmojibake(line) for line in lines]
    width = _dump_width(lines)
    code_possible = (";" in text or "{" in text or "}" in text) and (
        CODE_HINT.search(text) is not None  # (it needs one of those characters)
    )
    tokens: list[Token] = []
    group = 0
    i = 0
    n = len(lines)
    in_fence: list[str] | None = None
    fence_start = 0
    while i < n:
        line = lines[i].rstrip()
        lineno = i + 1
        if in_fence is not None:
            if FENCE.match(line):
                tokens.append(_tok(TokenKind.PRE, "\n".join(in_fence), fence_start, lineno))
                in_fence = None
            else:
                in_fence.append(line)
            i += 1
            continue
        # the first character picks which line-shape patterns can match (this is per line)
        lead = line.lstrip()[:1]
        if not lead:
            i += 1
            continue
        if lead in "`~" and FENCE.match(line):
            in_fence, fence_start = [], lineno
            i += 1
            continue
        if i < RECORD_HEADER_LINES:
            header = RECORD_HEADER.match(line)
            if header is not None:
                tokens.append(
                    _tok(
                        TokenKind.HINT,
                        f"{header.group('key').lower()} {header.group('value')}",
                        lineno,
                        lineno,
                        hints=frozenset({f"record:{header.group('key').lower()}"}),
                    )
                )
                rest = line[header.end() :]
                if rest.strip():
                    lines[i] = rest
                    continue
                i += 1
                continue
        # underlined heading
        if (
            i + 1 < n
            and (underline := lines[i + 1].lstrip()[:1])
            and underline in "=-~^*"
            and UNDERLINE.match(lines[i + 1])
            and len(line.strip()) > 1
        ):
            level = 1 if lines[i + 1].strip().startswith("=") else 2
            tokens.append(_tok(TokenKind.HEADING, line.strip(), lineno, lineno + 1, level=level))
            i += 2
            continue
        if lead in "-*_" and RULE.match(line):
            tokens.append(_tok(TokenKind.BREAK, "", lineno, lineno))
            i += 1
            continue
        code_end = _code_block_end(lines, i) if code_possible else i
        if code_end > i:
            block = "\n".join(line.rstrip() for line in lines[i:code_end]).strip("\n")
            tokens.append(_tok(TokenKind.PRE, block, lineno, code_end))
            i = code_end
            continue
        unit, i = _read_unit(lines, i, width)
        token, group = _classify(unit, tokens, group)
        if token is not None:
            tokens.append(token)
    if in_fence is not None:
        tokens.append(_tok(TokenKind.PRE, "\n".join(in_fence), fence_start, n))
    return TokenStream(tokens=tuple(_merge_tables(tokens)), content_type="text")


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
    return Token(kind=kind, text=text, lines=(first, last), level=level, hints=hints, **extra)  # type: ignore[arg-type]


def _dump_width(lines: list[str]) -> int:
    lengths = sorted(len(line) for line in lines if line.strip())
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(len(lengths) * WIDTH_PERCENTILE))]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _read_unit(lines: list[str], i: int, width: int) -> tuple[_Unit, int]:
    """Read one line, plus its continuation lines when the dump was wrapped.

    (This runs on every line of a dump: each pattern is only tried on a line that has
    the character it needs, see ``_may_start_list``, ``_may_be_url``, ``_cell_gap`` and
    ``_ends_sentence``.)"""
    line = lines[i].rstrip()
    text = line.lstrip()
    unit = _Unit(text=text, first=i + 1, last=i + 1, indent=len(line) - len(text))
    i += 1
    if width == 0 or width > WRAPPED_DUMP_MAX_WIDTH:
        # unwrapped dump: a line broken inside a sentence (<br>) goes on in lower case
        indent = unit.indent
        while i < len(lines):
            nxt = lines[i]
            if not nxt[indent : indent + 1].islower() or (indent and nxt[:indent].strip()):
                break  # continuations start in lower case at the same indentation
            nxt = nxt.rstrip()
            stripped = nxt.strip()
            if not (
                stripped
                and not _ends_sentence(unit.text)
                and not (_may_start_list(stripped) and LIST_MARKER.match(nxt))
                and not (_may_be_url(stripped) and URL_LINE.match(nxt))
                and not _cell_gap(stripped)
                and not _labelled_name(stripped)
                and _sentence_part(lines[i - 1].strip(), stripped)
            ):
                break
            unit.text = f"{unit.text} {stripped}"
            unit.last = i + 1
            i += 1
        return unit, i
    if _cell_gap(unit.text):
        return unit, i  # a table row is never continued
    fill = WRAP_FILL_SHARE * width
    previous = line
    while i < len(lines):
        nxt = lines[i].rstrip()
        stripped = nxt.strip()
        if (
            not stripped
            or len(previous) < fill
            or (_may_start_list(stripped) and LIST_MARKER.match(nxt))
            or (_may_be_url(stripped) and URL_LINE.match(nxt))
            or _indent(nxt) < unit.indent - 1
            or _cell_gap(stripped)  # (``previous`` had none, or the loop had ended)
            or (_ends_sentence(previous) and _header_line(stripped))
        ):
            break
        unit.text = f"{unit.text} {stripped}"
        unit.last = i + 1
        previous = nxt
        i += 1
    return unit, i


LIST_LEADS = "*+-•·▪–o@"
"""Characters a list item starts with (besides digits): ``LIST_MARKER``'s markers."""
URL_STARTS = ("http", "www.", "<http", "<www.")
"""A stripped text that ``URL_LINE`` matches starts with one of these (case matters)."""
SENTENCE_STOPS = ".!?:;。！？"
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


EMBED_COLON_AT = len("FRAME")
"""``EMBED_LINE`` on a stripped text: its colon comes after "FRAME" or "EMBED" (5
letters) or "IFRAME" (6; each letter matches one character, ignoring case)."""


def _classify(unit: _Unit, previous: list[Token], group: int) -> tuple[Token | None, int]:
    text = unit.text
    first, last = unit.first, unit.last
    # ``text`` is stripped, and each markup pattern below needs its own first character:
    # testing that first keeps the regexes off ordinary lines (this runs on every line)
    lead = text[:1]
    other = not lead.isascii()  # no ASCII test for the rest (case-insensitive "İ", …)
    embed = (
        EMBED_LINE.match(text)
        if (other or lead in "iIeEfF") and ":" in text[EMBED_COLON_AT : EMBED_COLON_AT + 2]
        else None
    )
    if embed is not None:
        return _tok(TokenKind.EMBED, "", first, last, href=embed.group("url")), group
    url = URL_LINE.match(text) if _may_be_url(text) else None
    if url is not None:
        return _tok(TokenKind.URL, url.group("url"), first, last, href=url.group("url")), group
    image = MD_IMAGE.match(text) if lead == "!" else None
    if image is not None:
        ref = ImageRef(src=image.group("src") or None, alt=image.group("alt").strip() or None)
        return _tok(TokenKind.FIGURE, "", first, last, image=ref), group
    heading = MD_HEADING.match(text) if lead == "#" else None
    if heading is not None:
        body, links = _strip_markdown(heading.group("text"))
        level = len(heading.group("hashes"))
        return _tok(TokenKind.HEADING, body, first, last, level=level, link_chars=links), group
    quote = MD_QUOTE.match(text) if lead == ">" else None
    if quote is not None and quote.group("text").strip():
        body, links = _strip_markdown(quote.group("text").strip())
        return _tok(TokenKind.QUOTE, body, first, last, link_chars=links), group
    if unit.indent:  # the marker starts the stripped text (lynx bullets: "o", "@")
        item = (
            LIST_MARKER.match(" " * unit.indent + text)
            if lead in "*+-•·▪–o@" or lead.isdigit()
            else None
        )
    else:  # a marker or a digit (a \d decimal is always ``isdigit``)
        item = LIST_MARKER.match(text) if lead in "*+-•·▪–" or lead.isdigit() else None
    if item is not None and _is_dateline(unit.text):
        item = None  # "4. Februar 2025" is a date, not item 4 of a list
    if item is not None:
        rest = item.group("rest").strip()
        marked = "](" in rest or "*" in rest or "_" in rest  # (what _strip_markdown needs)
        body, links = _strip_markdown(rest) if marked else (rest, 0)
        prev = previous[-1] if previous else None
        ordered = item.group("marker")[0].isdigit()
        same_list = (
            prev is not None
            and prev.kind is TokenKind.LIST_ITEM
            and prev.lines is not None
            and first - prev.lines[1] <= 2
            and (prev.ordered == ordered or unit.indent > prev.level)
        )
        if not same_list:
            group += 1
        item_token = Token(  # a third of a dump's tokens: built directly, not through _tok
            kind=TokenKind.LIST_ITEM,
            text=body,
            lines=(first, last),
            level=unit.indent,
            link_chars=links,
            group=group,
            ordered=ordered,
        )
        return item_token, group
    body, links = _strip_markdown(text) if "](" in text or "*" in text or "_" in text else (text, 0)
    hints = (
        BREADCRUMB_HINTS
        if len(body) <= BREADCRUMB_MAX_CHARS and " " in body and _is_breadcrumb(body)
        else _NO_HINTS
    )
    paragraph = Token(  # most tokens are paragraphs: built directly, not through ``_tok``
        kind=TokenKind.PARAGRAPH,
        text=body,
        lines=(first, last),
        level=unit.indent,
        link_chars=links,
        hints=hints,
    )
    return paragraph, group


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


def _merge_tables(tokens: list[Token]) -> list[Token]:
    """Turn runs of consecutive table-like lines into TABLE tokens."""
    out: list[Token] = []
    run: list[Token] = []

    def close() -> None:
        if not run:
            return  # (called before every token that is no table row)
        if len(run) >= TABLE_MIN_ROWS:
            rows = tuple(_cells(t.text) for t in run)
            first = run[0].lines[0] if run[0].lines else 0
            last = run[-1].lines[1] if run[-1].lines else 0
            out.append(
                _tok(
                    TokenKind.TABLE, "\n".join(" | ".join(r) for r in rows), first, last, rows=rows
                )
            )
        else:
            out.extend(_squashed(t) for t in run)
        run.clear()

    rows = [  # (a row has cells, so a tab, three spaces or a bar: cheap tests first)
        token.kind is TokenKind.PARAGRAPH
        and ("|" in token.text or "\t" in token.text or "   " in token.text)
        and token.lines is not None
        and token.lines[0] == token.lines[1]
        and len(_cells(token.text)) >= TABLE_MIN_CELLS
        for token in tokens
    ]
    if not any(rows):
        return [_squashed(token) for token in tokens]
    for token, is_row in zip(tokens, rows, strict=True):
        if is_row and (
            not run or (run[-1].lines and token.lines and token.lines[0] - run[-1].lines[1] <= 1)
        ):
            run.append(token)
            continue
        close()
        if is_row:
            run.append(token)
        else:
            out.append(_squashed(token))
    close()
    return out


def _squashed(token: Token) -> Token:
    """``token`` with its whitespace collapsed (a copy only when that changes it);
    preformatted text keeps its lines and indentation."""
    if token.kind is TokenKind.PRE:
        return token
    text = token.text
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return token  # printable: no whitespace but " " (a cheap test, run on every token)
    text = " ".join(text.split())
    return token if text == token.text else replace(token, text=text)


def _cells(text: str) -> tuple[str, ...]:
    if "|" in text and text.count("|") >= TABLE_MIN_CELLS - 1:
        cells = [c.strip() for c in text.strip().strip("|").split("|")]
    # a gap needs a tab, three spaces or a "|": cheap substring tests before the regex
    elif ("\t" in text or "   " in text or "|" in text) and TABLE_CELL_GAP.search(text):
        cells = [c.strip() for c in re.split(r"\t+| {3,}", text.strip())]
    else:
        return (text,)
    return tuple(c for c in cells if c)
