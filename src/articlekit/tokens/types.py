"""The normalized token stream shared by the HTML and the text tokenizers.

Input → output: none; defines ``TokenKind``, ``Token``, ``NodeInfo``, ``ImageRef`` and
``TokenStream``. Both tokenizers produce a ``TokenStream``; everything downstream
(metadata from the DOM, adapters, scoring, assembly) reads tokens, never raw markup
positions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from articlekit._fastinit import fast_frozen_init


class TokenKind(StrEnum):
    """What a token is, as far as the tokenizer can tell from shape alone.

    Code that tests the kind of every token binds the members it tests to module
    constants (``_PARAGRAPH: Final = TokenKind.PARAGRAPH``): on Python 3.11 a member read
    from the class takes the slow attribute path (``EnumType`` defines ``__getattr__``),
    ~0.1 µs, more than the test itself; a ``Final`` constant is a C static in the
    compiled build.
    """

    PARAGRAPH = "paragraph"
    """Running text: a ``<p>``, a text block, a blank-line paragraph."""
    HEADING = "heading"
    """``<h1>``–``<h6>`` or an isolated short / underlined line in text."""
    LIST_ITEM = "list_item"
    """One item of a list; items of one list share ``group``."""
    QUOTE = "quote"
    """A block quotation."""
    TABLE = "table"
    """A whole table; its cells are in ``rows``."""
    PRE = "pre"
    """Preformatted text (code, poems)."""
    FIGURE = "figure"
    """An image with optional caption and credit, in ``image``."""
    CAPTION = "caption"
    """A caption line that could not be attached to an image (text input)."""
    EMBED = "embed"
    """An iframe or embedded post; ``href`` holds its URL."""
    URL = "url"
    """A line that is only a URL (text input)."""
    HINT = "hint"
    """A record header such as ``date 2025-02-04``: metadata, never body."""
    BREAK = "break"
    """A horizontal rule or a run of blank lines (text): a structural boundary."""


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class ImageRef:
    """An image as found in the source, texts kept apart.

    Attributes:
        src: URL of the image (lazy-load attributes already resolved).
        alt: ``alt`` text.
        caption: Visible caption without its credit.
        credit: Photographer / agency, without a label.
    """

    src: str | None = None
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class Token:
    """One block-level unit of the document.

    Attributes:
        kind: What the token is.
        text: Its normalized text (NFC, whitespace collapsed; lines joined).
        node: HTML: index into ``TokenStream.nodes`` of the element that produced
            it. Text: ``-1``.
        lines: Text: first and last source line, 1-based, inclusive. HTML: ``None``.
        level: Heading level (1–6), list nesting depth, or text indentation.
        link_chars: How many characters of ``text`` are link text.
        group: Tokens that belong together share it: items of one list, rows of one
            table (HTML: the list element's node index; text: a running number).
        ordered: For list items: the list is numbered.
        href: For EMBED and URL tokens, and single-link lines: the target.
        image: For FIGURE tokens: the image.
        rows: For TABLE tokens: the cell texts.
        hints: Evidence gathered by the tokenizer and the pattern recognisers, e.g.
            ``"byline"``, ``"date"``, ``"caption"``, ``"boilerplate"``, ``"nav"``.
    """

    kind: TokenKind
    text: str
    node: int = -1
    lines: tuple[int, int] | None = None
    level: int = 0
    link_chars: int = 0
    group: int = -1
    ordered: bool = False
    href: str | None = None
    image: ImageRef | None = None
    rows: tuple[tuple[str, ...], ...] = ()
    hints: frozenset[str] = frozenset()

    @property
    def link_density(self) -> float:
        """Share of the text that is link text (0.0 for empty tokens)."""
        return self.link_chars / len(self.text) if self.text else 0.0


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class NodeInfo:
    """An HTML element that contains at least one token (the side table for scoring).

    Attributes:
        tag: Lower-case tag name.
        parent: Index of the parent node, ``-1`` for the root.
        evidence: Lower-cased ``id``, ``class``, ``role`` and ``itemprop`` joined
            by spaces; what class/id heuristics look at.
        depth: Distance from the root element.
    """

    tag: str
    parent: int
    evidence: str
    depth: int


Labelled = tuple[Any, str | None, str | None, str | None]
"""An element and the values of its ``class``, ``id`` and ``itemprop`` attributes
(``None`` when absent): ``TokenStream.labelled``."""

LABELLED_TAGS = frozenset({"time", "abbr", "h1"})
"""Elements ``TokenStream.labelled`` lists even without class, id or itemprop: date
clues by themselves, and the headline candidates."""


@dataclass(frozen=True, slots=True)
class TokenStream:
    """The output of a tokenizer.

    Attributes:
        tokens: Block tokens in reading order.
        nodes: HTML only: the block elements, by index (see ``Token.node``).
        content_type: ``"html"`` or ``"text"``.
        warnings: ``(code, message)`` pairs raised while tokenizing.
    """

    tokens: tuple[Token, ...]
    nodes: tuple[NodeInfo, ...] = ()
    content_type: str = "html"
    warnings: tuple[tuple[str, str], ...] = ()
    elements: tuple[Any, ...] = field(default=(), repr=False, compare=False)
    """HTML only: the lxml element of each node (read-only; for XPath lookups)."""
    labelled: tuple[Labelled, ...] | None = field(default=None, repr=False, compare=False)
    """HTML only: every element inside ``<body>`` that has a ``class``, ``id`` or
    ``itemprop`` attribute, and every ``<time>``, ``<abbr>`` and ``<h1>``
    (``LABELLED_TAGS``), in document order, read
    by the tokenizer's walk (hidden and skipped elements included), so the metadata
    stage's clue scan needs no second walk. ``None`` when the walk did not read the whole
    body (a limit stopped it, no ``<body>``, or the tokens came from embedded markup)."""

    def xpath(self, node: int) -> str | None:
        """The XPath of ``node`` in the source document, or ``None`` for text input."""
        return self.xpaths([node]).get(node)

    def xpaths(self, nodes: Iterable[int]) -> dict[int, str]:
        """XPaths of several nodes at once, in time linear in the elements involved
        (``articlekit.tokens.html.element_paths``); ``{}`` for text input."""
        if not self.elements:
            return {}
        from articlekit.tokens.html import element_paths  # noqa: PLC0415 (it imports this)

        return element_paths(self.elements, nodes)

    def ancestors(self, node: int) -> list[int]:
        """Indices of ``node`` and its ancestors, innermost first."""
        chain: list[int] = []
        while node >= 0:
            chain.append(node)
            node = self.nodes[node].parent
        return chain
