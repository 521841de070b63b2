"""HTML tokenizer: decoded HTML ``str`` → ``HtmlDocument`` → ``TokenStream``.

``parse_html`` builds a read-only lxml tree with a safe parser (no network, no
entities from outside, comments and processing instructions dropped).
``tokenize_html`` walks that tree once, depth first, and emits one ``Token`` per
block of text in reading order: paragraphs, headings, list items, quotes, tables,
figures and embeds. Inline markup is flattened into its block's text; the share of
link text is counted. Script, style, forms and hidden elements are skipped.
The tree is never modified.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Final
from urllib.parse import urljoin

import lxml.etree
import lxml.html

from articlekit.errors import EmptyInputError
from articlekit.patterns import clean_credit, split_caption
from articlekit.patterns._needles import holds, lowered
from articlekit.patterns.credits import split_name_tail
from articlekit.patterns.keywords import keyword_regex
from articlekit.tokens._build import new_node, new_token
from articlekit.tokens.types import (
    LABELLED_TAGS,
    ImageRef,
    Labelled,
    NodeInfo,
    Token,
    TokenKind,
    TokenStream,
)

__all__ = [
    "HtmlDocument",
    "absolute_url",
    "element_paths",
    "image_source",
    "parse_html",
    "read_image",
    "tokenize_html",
]

SKIP_TAGS: Final = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "head", "title",
        "input", "select", "option", "textarea", "button", "canvas", "object",
        "audio", "map", "dialog", "meta", "link", "base", "param", "source", "track",
    }
)  # fmt: skip
"""Elements whose content is never text of the page."""
BLOCK_TAGS: Final = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
        "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead",
        "tbody", "tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "h1",
        "h2", "h3", "h4", "h5", "h6", "hr", "address", "details", "summary", "form",
        "fieldset", "legend", "center", "body", "html", "iframe", "img", "picture",
        "video", "hgroup", "menu", "time-block",
    }
)  # fmt: skip
"""Elements that start a new block of text."""
HEADING_LEVELS: Final = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
EMBED_CLASSES: Final = re.compile(
    r"twitter-tweet|instagram-media|tiktok-embed|fb-post|bluesky-embed"
)
"""Class names of blockquotes that third-party scripts turn into embedded posts."""
PAYWALLED_CLASS: Final = re.compile(
    r"\bpaywall(?:ed)?\b|\bpremium-content\b|\bsubscriber-content\b"
)
"""Hidden containers that hold the rest of a metered article (a paywall script reveals
them for subscribers): their text is the article's, so they are read."""
HIDDEN_STYLE: Final = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
HIDDEN_STYLE_NEEDLES: Final = ("none", "hidden")
"""Every ``HIDDEN_STYLE`` match holds one of these (in ``lowered`` form): most style
attributes ("width: 100%") hold neither, and two ``in`` tests cost a tenth of the search,
which the flag makes try every position."""
LAZY_SRC_ATTRS: Final = (
    "data-src", "data-original", "data-lazy-src", "data-lazy", "data-url",
    "data-hi-res-src", "data-full-src", "src",
)  # fmt: skip
"""Image source attributes, most specific (lazy-load) first."""
SRCSET_ATTRS: Final = ("data-srcset", "srcset", "data-lazy-srcset")
LAZY_SRCSET_ATTR: Final = re.compile(r"^data-[\w-]*srcset$")
"""Other lazy-load ``srcset`` attributes ("data-lazyimage-srcset", "data-original-srcset")."""
CREDIT_CLASS: Final = keyword_regex(
    "credit", "copyright", "byline", "source", "author", "photographer", "rights",
    "distributor", "agency",
)  # fmt: skip
"""Lower-cased class/id of caption children that hold the photo credit."""
CAPTION_WORDS: Final = (
    "caption", "legend", "bildunterschrift", "bildtext", "img-?desc", "image-?desc",
    "photo-?desc", "media-?desc", "figure-?text", "wp-caption-text",
    *(f"{picture}(?:-?block)?(?:__|-)?(?:description|subtitle)"
      for picture in ("media", "image", "img", "photo", "picture")),
)  # fmt: skip
CAPTION_CLASS: Final = keyword_regex(*CAPTION_WORDS)
"""Lower-cased classes of elements that caption a picture (outside ``<figcaption>``)."""
CAPTION_NEEDLES: Final = ("caption", "legend", "bild", "desc", "figure", "subtitle")
"""Plain words every ``CAPTION_CLASS`` match holds: a class string without one is not
searched (``in`` tests cost a fraction of the pattern's search)."""
CAPTION_STATE_CLASS: Final = re.compile(
    r"(?<![\w-])(?:has|with|without|no|show|hide)[-_]?(?:caption|legend)s?(?![\w-])"
)
"""A class that says an element holds or toggles a caption ("articleHeader hasCaption",
"figure with-caption"): a state of its box, not the caption itself."""
CAPTION_CONTAINER_TAGS: Final = frozenset(
    {"figure", "figcaption", "body", "html", "article", "main"}
)
"""Elements never read as a caption themselves, whatever their classes."""
SCREEN_READER_WORDS: Final = (
    r"\bsr-only\b", r"\bvisually-?hidden\b", r"\bscreen-?reader(?:-text)?\b",
    r"\bh-offscreen\b", r"\boffscreen\b", r"\ba11y-hidden\b",
)  # fmt: skip
SCREEN_READER_CLASS: Final = keyword_regex(*SCREEN_READER_WORDS)
"""Lower-cased classes of text for screen readers only ("Legende:", "Image:"): not part
of the visible page."""
SCREEN_READER_NEEDLES: Final = ("sr-only", "hidden", "screen")
"""Plain words every ``SCREEN_READER_CLASS`` match holds (see ``CAPTION_NEEDLES``)."""
FIGURE_CAPTIONS: Final = (
    lxml.etree.XPath("descendant::figcaption[normalize-space()]"),
    lxml.etree.XPath(
        "descendant::*[not(ancestor::figcaption)][contains(@class, 'caption')"
        " or contains(@class, 'legend') or contains(@class, 'Caption')][normalize-space()]"
        "[not(self::svg or self::button)]"
    ),
)
"""Caption elements inside a ``<figure>``: a ``<figcaption>`` with text, else a
caption-classed element with text (not the "caption" icon of a toggle button). Compiled
once (a page has dozens of figures); ``descendant::`` is ``.//`` walked once."""
CAPTION_LINE_MAX_CHARS: Final = 400
"""A text block this short that ends with a labelled credit is a picture caption."""
CREDIT_LABEL_TAIL: Final = re.compile(
    r"(?:Bild|Bilder|Foto|Fotos|Photo|Photos|Image|Images|Credit|Quelle|Crédit|Fotografía"
    r"|Fotoğraf|Fotó|Фото|Φωτογραφία)"
    r"\s?(?::|©)"
)
"""Cheap pre-check for a credit label near the end of a text block."""
CREDIT_LABEL_TAIL_CHARS: Final = 120
"""How near the end: a caption's credit label and name fit in this many characters."""
PICTURE_BOX_MAX_TEXT_CHARS: Final = 300
"""A ``<div>`` holding one picture and at most this much link-free text beside it is a
figure written without ``<figure>``: the text is the picture's caption."""
PICTURE_BOX_MAX_CREDIT_CHARS: Final = 40
"""… and a last short text after the caption is its credit ("ES", "Reuters")."""
BUTTON_MAX_ELEMENTS: Final = 40
"""A lightbox button holds a small figure; larger buttons are not searched (bounded cost
per button, however deeply buttons nest)."""
PICTURE_HOLDER_MAX_ELEMENTS: Final = 8
"""A picture holder is small (``<div><picture><source/><img/></picture></div>``); larger
elements are never searched, so the check costs the same on any page."""
CAPTION_BOX_MAX_ELEMENTS: Final = 60
"""A caption beside a picture is a few elements (an icon's ``<svg>`` paths included);
larger ones are not read, so the check stays bounded however the page nests boxes."""
CAPTION_MAX_HOPS: Final = 3
"""A caption joins the image before it when they share an ancestor this close."""
PLACEHOLDER_SRC: Final = re.compile(r"blank\.gif|spacer\.gif|pixel\.gif|placeholder|1x1|\$\{|\{\{")
"""Sources that are not the picture: spacer GIFs, unfilled URL templates (and data
URIs, ``_placeholder``)."""
LAYOUT_TABLE_MAX_CELL_CHARS: Final = 400
"""A table with a cell longer than this is page layout, not a data table."""
DATA_TABLE_BLOCK_TAGS: Final = frozenset(
    {"p", "div", "table", "ul", "ol", "h1", "h2", "h3", "figure"}
)
"""Block children inside cells that mark a table as layout."""
_HIDING_ATTRIBUTES: Final = frozenset({"hidden", "aria-hidden", "style"})
"""Attributes that can hide an element (``_hidden`` decides)."""
_SPECIAL_BLOCK_TAGS: Final = frozenset(
    {"figure", "img", "picture", "div", "iframe", "video", "hr", "table", "blockquote", "pre"}
)
"""Blocks that may not be ordinary text containers (``_Walker._special_block``)."""
_GET: Final = lxml.etree._Element.get
"""(unbound: no method object made per element)"""
_ELEMENT: Final = lxml.etree.Element
"""``iter`` filter: elements only (comments and processing instructions left out, in C)."""
TIME_CHECK_EVERY: Final = 2048
"""Elements visited between two checks of the time budget."""
_ELEMENT_CLASSES: Final = lxml.etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)
"""Every element is a plain ``HtmlElement``, chosen in C. ``lxml.html``'s default lookup
calls back into Python for every element proxy to give form controls their own classes,
which nothing here uses (it cost ~0.5 ms per page)."""
_XML_DECLARATION: Final = re.compile(r"^\s*<\?xml[^>]{0,300}\?>")
_WS: Final = re.compile(r"\s+")
_BR: Final = "\x01"
"""Marker for ``<br>`` in the text buffer; two in a row are a paragraph boundary."""
_DOUBLE_BR: Final = re.compile("\x01\\s*\x01[\\s\x01]*")


_BREAK: Final = TokenKind.BREAK
_CAPTION: Final = TokenKind.CAPTION
_EMBED: Final = TokenKind.EMBED
_FIGURE: Final = TokenKind.FIGURE
_HEADING: Final = TokenKind.HEADING
_LIST_ITEM: Final = TokenKind.LIST_ITEM
_PARAGRAPH: Final = TokenKind.PARAGRAPH
_PRE: Final = TokenKind.PRE
_QUOTE: Final = TokenKind.QUOTE
_TABLE: Final = TokenKind.TABLE
"""Token kinds the functions below test, bound once (see ``TokenKind``)."""


@dataclass(frozen=True, slots=True)
class HtmlDocument:
    """A parsed HTML document, treated as read-only by every stage.

    Attributes:
        root: The ``<html>`` element.
        base_url: The URL relative links resolve against (``<base href>`` or the
            caller's ``url``).
        warnings: ``(code, message)`` pairs from parsing.
    """

    root: lxml.html.HtmlElement
    base_url: str | None
    warnings: tuple[tuple[str, str], ...] = ()


def parse_html(text: str, *, url: str | None = None) -> HtmlDocument:
    """Parse decoded HTML into a read-only document with a safe parser.

    Args:
        text: Decoded HTML.
        url: The page URL, the base for relative links unless ``<base href>`` says
            otherwise.

    Raises:
        EmptyInputError: the parser found no document at all.
    """
    text = _XML_DECLARATION.sub("", text, count=1)
    # libxml2 parses UTF-8 bytes faster than a Python str (which it reads as UCS-4), and
    # the explicit encoding makes it ignore the page's own (already applied) charset;
    # lone surrogates in a caller's str become "?" instead of ending the document
    data = text.encode("utf-8", "replace")
    parser = lxml.html.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        collect_ids=False,
        encoding="utf-8",
    )
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    warnings: list[tuple[str, str]] = []
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
        raise EmptyInputError(f"no HTML document could be parsed: {exc}") from None
    if root is None:
        raise EmptyInputError("no HTML document could be parsed")
    base_url = url
    # the first <base href> of the document (lxml's tag filter, in C, stops there;
    # XPath's ``/descendant::base[@href][1]`` walked the whole tree first)
    for base in root.iter("base"):
        href = base.get("href")
        if href is not None:
            href = href.strip()
            base_url = urljoin(url, href) if url else href
            break
    return HtmlDocument(root=root, base_url=base_url, warnings=tuple(warnings))


def tokenize_html(
    doc: HtmlDocument, *, max_nodes: int = 1_000_000, deadline: float | None = None
) -> TokenStream:
    """Walk the document once and emit its block tokens in reading order.

    Args:
        doc: The parsed document (not modified).
        max_nodes: Stop after visiting this many elements (``limit.nodes`` warning).
        deadline: ``time.monotonic()`` value after which the walk stops
            (``limit.time`` warning).
    """
    walker = _Walker(doc.base_url, max_nodes, deadline)
    root = doc.root
    body = root.find("body")
    start = body if body is not None else root
    walker.visit_block(start, -1, 0)
    # ``labelled`` covers the body when the walk read all of it and it is the page's
    # only <body> (what the metadata stage's clue scan reads: /html/body/descendant::*)
    whole_body = (
        body is not None
        and not walker.stopped
        and root.tag == "html"
        and sum(1 for _ in root.iterchildren("body")) == 1
    )
    return TokenStream(
        tokens=tuple(walker.tokens),
        nodes=tuple(walker.nodes),
        content_type="html",
        warnings=(*doc.warnings, *walker.warnings),
        elements=tuple(walker.elements),
        labelled=tuple(walker.labelled) if whole_body else None,
    )


def clean_text(text: str) -> str:
    """Collapse whitespace runs to single spaces and strip the ends."""
    return " ".join(text.split())


def _evidence(el: lxml.html.HtmlElement) -> str:
    """Lower-cased id, class, role and itemprop of ``el``, joined by spaces (the walk
    builds the same string from the values it has read already)."""
    get = el.get
    parts = [p for p in (get("id"), get("class"), get("role"), get("itemprop")) if p]
    return " ".join(parts).lower() if parts else ""


def _hidden(el: lxml.html.HtmlElement, names: list[str]) -> bool:
    """Whether ``el`` (whose attribute ``names`` are given) is hidden from readers."""
    if "hidden" in names or ("aria-hidden" in names and el.get("aria-hidden") == "true"):
        classes = el.get("class", "")
        return "fallback-image" not in classes and not PAYWALLED_CLASS.search(classes)
    if "style" not in names:
        return False
    style = el.get("style")
    return bool(
        style and holds(lowered(style), HIDDEN_STYLE_NEEDLES) and HIDDEN_STYLE.search(style)
    )


_CLASS_PLAIN: Final = 0
_CLASS_SCREEN_READER: Final = 1
_CLASS_CAPTION: Final = 2
"""What an element's class attribute makes it (``_class_kind``)."""


def _small_subtree(
    element: lxml.html.HtmlElement, limit: int
) -> list[lxml.html.HtmlElement] | None:
    """``element`` and its descendants when they are at most ``limit``, else None: the
    picture checks below look at small subtrees only, so their cost is bounded however
    the page nests the boxes they look at."""
    elements = list(itertools.islice(element.iter(), limit + 1))
    return elements if len(elements) <= limit else None


def _holds_picture(button: lxml.html.HtmlElement) -> bool:
    """A ``<button>`` around a figure is the lightbox trigger of an article picture
    ("click to enlarge"): its figure and caption are read, other buttons are skipped."""
    return any(
        element.tag in ("figure", "figcaption", "picture")
        for element in itertools.islice(button.iter(), BUTTON_MAX_ELEMENTS)
    )


def _lone_picture(holder: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The only ``<img>`` of a small, text-free element, else None."""
    if holder.tag != "img":  # (most holders: decided without listing their subtree)
        text = holder.text
        if (text and text.strip()) or not len(holder):
            return None
    elements = _small_subtree(holder, PICTURE_HOLDER_MAX_ELEMENTS)
    if elements is None:
        return None
    pictures = [element for element in elements if element.tag == "img"]
    if len(pictures) != 1 or any(
        (element.text and element.text.strip())
        or (element is not holder and element.tail and element.tail.strip())
        for element in elements
        if element.tag != "img"
    ):
        return None
    return pictures[0]


def _small_text(element: lxml.html.HtmlElement) -> str | None:
    """The text of a small element without links or pictures, else None."""
    if element.tag in SKIP_TAGS:
        return None
    elements = _small_subtree(element, CAPTION_BOX_MAX_ELEMENTS)
    if elements is None or any(node.tag in ("a", "img", "picture") for node in elements):
        return None
    return clean_text(element.text_content())


def _outside_figure(figcaption: lxml.html.HtmlElement) -> bool:
    parent = figcaption.getparent()
    return parent is None or parent.tag != "figure"


def _screen_reader(classes: str) -> bool:
    """Whether lower-cased ``classes`` mark text for screen readers only (the needles
    first: most class strings hold none)."""
    return holds(classes, SCREEN_READER_NEEDLES) and SCREEN_READER_CLASS.search(classes) is not None


def _class_kind(classes: str) -> int:
    """Class attribute → whether it marks screen-reader text, a caption, or neither."""
    classes = classes.lower()
    if _screen_reader(classes):
        return _CLASS_SCREEN_READER
    if not holds(classes, CAPTION_NEEDLES):
        return _CLASS_PLAIN
    if "caption" in classes or "legend" in classes:
        classes = CAPTION_STATE_CLASS.sub(" ", classes)
    return _CLASS_CAPTION if CAPTION_CLASS.search(classes) else _CLASS_PLAIN


class _Walker:
    """One depth-first pass over the tree; the only mutable state is its own."""

    def __init__(self, base_url: str | None, max_nodes: int, deadline: float | None) -> None:
        self.base_url = base_url
        self.max_nodes = max_nodes
        self.deadline = deadline
        self.tokens: list[Token] = []
        self.nodes: list[NodeInfo] = []
        self.elements: list[lxml.html.HtmlElement] = []
        self.warnings: list[tuple[str, str]] = []
        self.buffer: list[str] = []
        self.link_chars = 0
        self.link_depth = 0
        self.quote_depth = 0
        self.list_depth = 0
        self.visited = 0
        self.stopped = False
        self.check_at = 0
        """Visit count at which ``_limits_allow`` runs next: the walk tests one number per
        element, the limits themselves every ``TIME_CHECK_EVERY`` elements."""
        self._schedule_check()
        self.labelled: list[Labelled] = []
        """``TokenStream.labelled``, in document order."""
        self.class_kinds: dict[str, int] = {}
        """Class attribute → ``_CLASS_PLAIN``/``_CLASS_SCREEN_READER``/``_CLASS_CAPTION``,
        memoised for this walk (pages repeat a few class strings thousands of times)."""

    # -- bookkeeping ------------------------------------------------------------

    def _new_node(
        self,
        el: lxml.html.HtmlElement,
        tag: str,
        parent: int,
        depth: int,
        evidence: str | None = None,
    ) -> int:
        """Append the node of ``el``; ``evidence``: its ``_evidence``, when known."""
        if evidence is None:
            evidence = _evidence(el)
        self.nodes.append(new_node(tag=tag, parent=parent, evidence=evidence, depth=depth))
        self.elements.append(el)
        return len(self.nodes) - 1

    def _schedule_check(self) -> None:
        """Set ``check_at``: the next multiple of ``TIME_CHECK_EVERY`` (when there is a
        deadline) or the first count over ``max_nodes``, whichever comes first."""
        limit = self.max_nodes + 1
        if self.deadline is not None:
            limit = min(limit, (self.visited // TIME_CHECK_EVERY + 1) * TIME_CHECK_EVERY)
        self.check_at = limit

    def _limits_allow(self) -> bool:
        """Run when the visit count (already counted) reaches ``check_at``; return False
        when a limit says stop (and from then on, for every element)."""
        if self.stopped:
            return False
        if self.visited > self.max_nodes:
            self.stopped = True
            self.check_at = 0
            self.warnings.append(
                ("limit.nodes", f"only the first {self.max_nodes:,} elements were read")
            )
            return False
        if (
            self.deadline is not None
            and self.visited % TIME_CHECK_EVERY == 0
            and time.monotonic() > self.deadline
        ):
            self.stopped = True
            self.check_at = 0
            self.warnings.append(("limit.time", "the time budget ran out while reading"))
            return False
        self._schedule_check()
        return True

    def _label_subtree(self, el: lxml.html.HtmlElement, *, descendants_only: bool) -> None:
        """Record the labelled elements of a subtree the walk does not enter (scripts,
        hidden elements, figures read as a whole …), so ``labelled`` stays complete."""
        labelled = self.labelled
        get = _GET
        if not len(el):  # (most: a script, an image, a rule, an empty element)
            if descendants_only:
                return
            elements: Iterable[lxml.html.HtmlElement] = (el,)
        else:
            elements = el.iterdescendants(_ELEMENT) if descendants_only else el.iter(_ELEMENT)
        for element in elements:
            classes = get(element, "class")
            ident = get(element, "id")
            prop = get(element, "itemprop")
            if (
                classes is not None
                or ident is not None
                or prop is not None
                or element.tag in LABELLED_TAGS
            ):
                labelled.append((element, classes, ident, prop))

    def _add_text(self, text: str | None) -> None:
        """Add ``text`` to the block being read. Whitespace before the block's first text
        is not added (it would be stripped): the indentation between blocks then leaves
        the buffer empty, and no flush has to look at it."""
        if text and (self.buffer or not text.isspace()):
            self.buffer.append(text)
            if self.link_depth:
                self.link_chars += len(text.strip())

    def _flush(self, node: int, tag: str) -> None:
        buffer = self.buffer
        if not buffer:
            return
        raw = buffer[0] if len(buffer) == 1 else "".join(buffer)
        link_chars = self.link_chars
        buffer.clear()  # (the same list for the whole walk: the loops hold it)
        self.link_chars = 0
        if raw.isspace():
            return  # (the whitespace between blocks: most flushes, no token)
        if _BR not in raw:  # (most blocks: one piece, nothing to replace)
            text = " ".join(raw.split())
            if text:
                self._emit_text(text, node, tag, min(link_chars, len(text)))
            return
        for piece in _DOUBLE_BR.split(raw):
            text = clean_text(piece.replace(_BR, " "))
            if not text:
                continue
            self._emit_text(text, node, tag, min(link_chars, len(text)))

    def _emit_text(self, text: str, node: int, tag: str, link_chars: int) -> None:
        level = 0
        if tag in HEADING_LEVELS:
            kind, level = _HEADING, HEADING_LEVELS[tag]
        elif tag == "li":
            kind, level = _LIST_ITEM, self.list_depth
        elif self.quote_depth:
            kind = _QUOTE
        else:
            kind = _PARAGRAPH
            if len(text) <= CAPTION_LINE_MAX_CHARS and _credit_label_near_end(text):
                parts = split_caption(text)
                if parts.credit is not None:  # "… the harbour at dawn. Foto: A. Name/dpa"
                    image = ImageRef(caption=parts.caption, credit=parts.credit)
                    self.tokens.append(
                        new_token(kind=_CAPTION, text=parts.caption or "", node=node, image=image)
                    )
                    return
        group = -1
        ordered = False
        if kind is _LIST_ITEM and node >= 0:
            group = self.nodes[node].parent
            ordered = group >= 0 and self.nodes[group].tag == "ol"
        self.tokens.append(
            new_token(
                kind=kind,
                text=text,
                node=node,
                level=level,
                link_chars=link_chars,
                group=group,
                ordered=ordered,
            )
        )

    # -- the walk ------------------------------------------------------------------

    def visit(self, el: lxml.html.HtmlElement, owner: int, owner_tag: str, depth: int) -> None:
        tag = el.tag
        if not isinstance(tag, str):  # comments, entities, processing instructions
            return
        self.visited += 1
        if self.visited >= self.check_at and not self._limits_allow():
            return
        tag = tag.lower()
        if tag in SKIP_TAGS and not (tag == "button" and _holds_picture(el)):
            self._label_subtree(el, descendants_only=False)
            return
        names = el.keys()
        classes = ident = prop = None
        if names:
            if len(names) == 1:  # (most elements: one name compared, no list searched)
                name = names[0]
                if name == "class":
                    classes = el.get("class")
                elif name == "id":
                    ident = el.get("id")
                elif name == "itemprop":
                    prop = el.get("itemprop")
                may_hide = name in _HIDING_ATTRIBUTES
            else:
                classes = el.get("class") if "class" in names else None
                ident = el.get("id") if "id" in names else None
                prop = el.get("itemprop") if "itemprop" in names else None
                may_hide = "hidden" in names or "aria-hidden" in names or "style" in names
            if classes is not None or ident is not None or prop is not None:
                self.labelled.append((el, classes, ident, prop))
            elif tag in LABELLED_TAGS:
                self.labelled.append((el, None, None, None))
            if may_hide and _hidden(el, names):
                self._label_subtree(el, descendants_only=True)
                return
        elif tag in LABELLED_TAGS:
            self.labelled.append((el, None, None, None))
        if tag == "br":
            self.buffer.append(_BR)
            if len(el):
                self._label_subtree(el, descendants_only=True)
            return
        if classes:
            kind = self.class_kinds.get(classes)
            if kind is None:
                kind = self.class_kinds[classes] = _class_kind(classes)
            if kind == _CLASS_SCREEN_READER:
                self._label_subtree(el, descendants_only=True)
                return
            if kind == _CLASS_CAPTION and tag not in CAPTION_CONTAINER_TAGS:
                self._flush(owner, owner_tag)
                self._caption(el, owner, depth)
                self._label_subtree(el, descendants_only=True)
                return
        if tag == "figcaption" and _outside_figure(el):
            # a <figcaption> next to a <picture> in a plain <div>: the picture's caption
            self._flush(owner, owner_tag)
            self._caption(el, owner, depth)
            self._label_subtree(el, descendants_only=True)
            return
        if tag in BLOCK_TAGS:
            if self.buffer:
                self._flush(owner, owner_tag)
            evidence = ""
            if names:  # (``_evidence`` from the values read above: only role is new)
                role = el.get("role") if "role" in names else None
                parts = [value for value in (ident, classes, role, prop) if value]
                if parts:
                    evidence = parts[0].lower() if len(parts) == 1 else " ".join(parts).lower()
            self.visit_block(el, owner, depth, tag, evidence)
            return
        self._visit_inline(el, tag, owner, owner_tag, depth)

    def _visit_inline(
        self, el: lxml.html.HtmlElement, tag: str, owner: int, owner_tag: str, depth: int
    ) -> None:
        is_link = tag == "a"
        if is_link:
            self.link_depth += 1
        buffer = self.buffer
        text = el.text
        if text and (buffer or not text.isspace()):
            buffer.append(text)
            if self.link_depth:
                self.link_chars += len(text.strip())
        depth += 1
        for child in el:
            self.visit(child, owner, owner_tag, depth)
            text = child.tail
            # (``_add_text``, inlined: this loop runs for every element)
            if text and (buffer or not text.isspace()):
                buffer.append(text)
                if self.link_depth:
                    self.link_chars += len(text.strip())
        if is_link:
            self.link_depth -= 1

    def visit_block(
        self,
        el: lxml.html.HtmlElement,
        parent: int,
        depth: int,
        tag: str | None = None,
        evidence: str | None = None,
    ) -> None:
        """Emit the tokens of block ``el``; ``tag`` (lower-cased) and ``evidence`` (its
        ``_evidence``) when the caller has read them already."""
        if tag is None:
            tag = str(el.tag).lower()
        if evidence is None:
            evidence = _evidence(el)
        nodes = self.nodes
        nodes.append(new_node(tag=tag, parent=parent, evidence=evidence, depth=depth))
        self.elements.append(el)
        node = len(nodes) - 1  # (``_new_node``, inlined)
        if (
            tag in _SPECIAL_BLOCK_TAGS
            and (tag != "div" or 2 <= len(el) <= 3)
            and self._special_block(el, tag, node)
        ):
            return
        entered_quote = tag == "blockquote"
        entered_list = tag in ("ul", "ol")
        self.quote_depth += entered_quote
        self.list_depth += entered_list
        buffer = self.buffer
        text = el.text
        if text and (buffer or not text.isspace()):
            buffer.append(text)
            if self.link_depth:
                self.link_chars += len(text.strip())
        depth += 1
        for child in el:
            self.visit(child, node, tag, depth)
            text = child.tail
            # (``_add_text``, inlined: this loop runs for every element)
            if text and (buffer or not text.isspace()):
                buffer.append(text)
                if self.link_depth:
                    self.link_chars += len(text.strip())
        if buffer:
            self._flush(node, tag)
        self.quote_depth -= entered_quote
        self.list_depth -= entered_list

    # -- special blocks --------------------------------------------------------------

    def _special_block(self, el: lxml.html.HtmlElement, tag: str, node: int) -> bool:
        """Emit the tokens of a block that is not an ordinary text container (a figure,
        an embed, a data table, a rule, preformatted text) and return True; False when
        ``el`` is an ordinary block after all. A block read as a whole has its labelled
        elements recorded here, since the walk does not enter it."""
        if tag in {"figure", "img", "picture"}:
            if self._figure(el, node):
                self._label_subtree(el, descendants_only=True)
            return True
        if tag == "div":  # (of two or three children: the caller checks)
            if not self._picture_box(el, node):
                return False
        elif tag in {"iframe", "video"}:
            self._embed(el, node)
        elif tag == "hr":
            self.tokens.append(new_token(kind=_BREAK, text="", node=node))
        elif tag == "table":
            if not self._data_table(el, node):
                return False
        elif tag == "blockquote":
            if not EMBED_CLASSES.search(el.get("class", "")):
                return False
            self._embed(el, node)
        else:  # (tag == "pre")
            self._pre(el, node)
        self._label_subtree(el, descendants_only=True)
        return True

    def _pre(self, el: lxml.html.HtmlElement, node: int) -> None:
        text = "".join(el.itertext()).strip("\n")
        if text.strip():
            self.tokens.append(new_token(kind=_PRE, text=text, node=node))

    def _embed(self, el: lxml.html.HtmlElement, node: int) -> None:
        href = el.get("src") or el.get("data-src")
        if href is None:
            links = el.xpath(".//a/@href")
            href = str(links[-1]) if links else None
        text = clean_text(el.text_content()) if el.tag == "blockquote" else ""
        self.tokens.append(
            new_token(kind=_EMBED, text=text, node=node, href=absolute_url(href, self.base_url))
        )

    def _data_table(self, el: lxml.html.HtmlElement, node: int) -> bool:
        """Emit a data table as one TABLE token; return False for layout tables."""
        if el.get("role") == "presentation":
            return False
        rows: list[tuple[str, ...]] = []
        for tr in el.iter("tr"):
            cells: list[str] = []
            for cell in tr:
                if cell.tag not in ("td", "th"):
                    continue
                for child in cell.iter():
                    if child is not cell and child.tag in DATA_TABLE_BLOCK_TAGS:
                        return False
                text = clean_text(cell.text_content())
                if len(text) > LAYOUT_TABLE_MAX_CELL_CHARS:
                    return False
                cells.append(text)
            if any(cells):
                rows.append(tuple(cells))
        if not rows:
            return False
        text = "\n".join(" | ".join(r) for r in rows)
        links = sum(len(clean_text(a.text_content())) for a in el.iter("a"))
        self.tokens.append(
            new_token(
                kind=_TABLE,
                text=text,
                node=node,
                rows=tuple(rows),
                link_chars=min(links, len(text)),
            )
        )
        return True

    # -- images ------------------------------------------------------------------------

    def _caption(self, el: lxml.html.HtmlElement, parent: int, depth: int) -> None:
        """A caption outside ``<figure>``: joins the image just before it, else stands
        alone as a CAPTION token (never body text)."""
        caption, credit = caption_parts(el)
        if caption is None and credit is None:
            return
        node = self._new_node(el, str(el.tag).lower(), parent, depth)
        previous = self.tokens[-1] if self.tokens else None
        if (
            previous is not None
            and previous.kind is _FIGURE
            and previous.image is not None
            and previous.image.caption is None
            and _near(self.nodes, previous.node, node)
        ):
            image = replace(previous.image, caption=caption, credit=previous.image.credit or credit)
            self.tokens[-1] = replace(previous, text=caption or "", image=image)
            return
        self.tokens.append(
            new_token(
                kind=_CAPTION,
                text=caption or "",
                node=node,
                image=ImageRef(caption=caption, credit=credit),
            )
        )

    def _picture_box(self, el: lxml.html.HtmlElement, node: int) -> bool:
        """A ``<div>`` (of two or three children: the caller checks) whose first child
        holds one picture and no text and whose other children are short link-free
        texts: a figure without ``<figure>``
        (``<div><div><picture/></div><div>caption</div><div>credit</div></div>``).
        Emits the FIGURE token and returns True; returns False for anything else."""
        if el.text and el.text.strip():
            return False
        picture = _lone_picture(el[0])
        if picture is None:
            return False  # (the common case, decided after a few elements)
        children = list(el)
        if any(not isinstance(c.tag, str) or (c.tail and c.tail.strip()) for c in children):
            return False
        texts = children[1:]
        caption_texts: list[str] = []
        for child in texts:
            text = _small_text(child)
            if not text:
                return False
            caption_texts.append(text)
        if sum(len(t) for t in caption_texts) > PICTURE_BOX_MAX_TEXT_CHARS:
            return False
        caption, credit = caption_parts(texts[0])
        if len(texts) == 2:
            last = caption_texts[1]
            if len(last) > PICTURE_BOX_MAX_CREDIT_CHARS or credit is not None:
                return False
            credit = clean_credit(last)
        src = image_source(picture, self.base_url)
        alt = clean_text(picture.get("alt", "")) or None
        image = ImageRef(src=src, alt=alt, caption=caption, credit=credit)
        self.tokens.append(new_token(kind=_FIGURE, text=caption or "", node=node, image=image))
        return True

    def _figure(self, el: lxml.html.HtmlElement, node: int) -> bool:
        """Emit the FIGURE token of a figure, picture or image; True when ``el`` was read
        as a whole, False for a figure without picture (its children were walked)."""
        image = read_image(el, base_url=self.base_url)
        if image is None:
            if el.tag == "figure":  # a figure around text (pull quote, chart): keep its text
                self._add_text(el.text)
                for child in el:
                    self.visit(child, node, "figure", self.nodes[node].depth + 1)
                    self._add_text(child.tail)
                self._flush(node, "figure")
                return False
            return True
        self.tokens.append(
            new_token(kind=_FIGURE, text=image.caption or "", node=node, image=image)
        )
        return True


def absolute_url(href: str | None, base_url: str | None) -> str | None:
    """``href`` resolved against ``base_url`` (unchanged when either is missing)."""
    if not href:
        return None
    href = href.strip()
    if base_url and not href.startswith(("http://", "https://", "data:")):
        try:
            return urljoin(base_url, href)
        except ValueError:
            return href
    return href


def _credit_label_near_end(text: str) -> bool:
    """Whether the end of ``text`` (``CREDIT_LABEL_TAIL_CHARS``) holds a
    ``CREDIT_LABEL_TAIL``; every match holds ":" or "©", which ``in`` finds for a
    fraction of a search."""
    tail = text[-CREDIT_LABEL_TAIL_CHARS:]
    return (":" in tail or "©" in tail) and CREDIT_LABEL_TAIL.search(tail) is not None


def _placeholder(src: str) -> bool:
    """Whether ``src`` is not the picture: a data URI or a ``PLACEHOLDER_SRC``. (The
    data-URI test is not an ``^data:`` branch of the pattern: a branch anchored at the
    start made the search try the whole pattern at every character of the URL.)"""
    return src.startswith("data:") or PLACEHOLDER_SRC.search(src) is not None


def image_source(img: lxml.html.HtmlElement, base_url: str | None) -> str | None:
    """The real source of an ``<img>``: the largest ``srcset`` entry, else a lazy-load
    attribute, else ``src``; placeholders and unfilled URL templates are skipped."""
    for name in SRCSET_ATTRS:
        value = img.get(name)
        if value:
            best = _largest_in_srcset(value)
            if best and not _placeholder(best):
                return absolute_url(best, base_url)
    for name in LAZY_SRC_ATTRS:
        value = img.get(name)
        if value and not _placeholder(value):
            return absolute_url(value, base_url)
    return _lazy_srcset(img, base_url)


def _lazy_srcset(element: lxml.html.HtmlElement, base_url: str | None) -> str | None:
    """The largest entry of a site-specific lazy ``data-…srcset`` attribute."""
    for name, value in element.items():
        if value and name not in SRCSET_ATTRS and LAZY_SRCSET_ATTR.match(name):
            best = _largest_in_srcset(value)
            if best and not _placeholder(best):
                return absolute_url(best, base_url)
    return None


def read_image(
    container: lxml.html.HtmlElement,
    *,
    base_url: str | None,
    caption: str | None = None,
    credit: str | None = None,
) -> ImageRef | None:
    """Read an image container (``<figure>``, ``<img>``, a site's picture box).

    Args:
        container: The element.
        base_url: For making the source absolute.
        caption: Relative XPath of the caption element (default: ``.//figcaption``).
        credit: Relative XPath of the credit element (default: caption children whose
            class says credit/copyright, else a labelled credit inside the caption text).

    Returns:
        The image, or ``None`` when there is neither a source nor a caption.
    """
    tag = container.tag
    imgs = [container] if tag == "img" else list(container.iter("img"))
    src = alt = None
    if imgs:
        src = image_source(imgs[0], base_url)
        alt = clean_text(imgs[0].get("alt", "")) or None
    if src is None:
        for source in container.iter("source"):
            srcset = source.get("srcset") or source.get("data-srcset")
            best = _largest_in_srcset(srcset) if srcset else None
            if best and not _placeholder(best):
                src = absolute_url(best, base_url)
                break
            src = _lazy_srcset(source, base_url)
            if src is not None:
                break
    cap_text, credit_text = _caption_and_credit(container, caption, credit)
    if src is None and cap_text is None:
        return None
    return ImageRef(src=src, alt=alt, caption=cap_text, credit=credit_text)


def _caption_and_credit(
    container: lxml.html.HtmlElement, caption_path: str | None, credit_path: str | None
) -> tuple[str | None, str | None]:
    if caption_path is None and container.tag != "figure":
        return None, None
    caps: list[lxml.html.HtmlElement] = []
    for path in FIGURE_CAPTIONS if caption_path is None else (caption_path,):
        found = path(container) if isinstance(path, lxml.etree.XPath) else container.xpath(path)
        caps = [c for c in found if hasattr(c, "iter")] if isinstance(found, list) else []
        if caps:
            break
    caption, credit = caption_parts(caps[0]) if caps else (None, None)
    if credit_path is not None:
        found_credit = container.xpath(credit_path)
        texts = [_text_of(c) for c in found_credit] if isinstance(found_credit, list) else []
        credit = clean_credit(clean_text(" ".join(texts))) if texts else None
    return caption, credit


def _text_of(item: object) -> str:
    text_content = getattr(item, "text_content", None)
    return str(text_content()) if callable(text_content) else str(item)


def _split_caption_element(
    el: lxml.html.HtmlElement, caption: list[str], credit: list[str], in_credit: list[bool]
) -> None:
    """Collect caption and credit texts; once a credit element has been seen, the text
    after it ("Photo by X / AFP via Getty Images") belongs to the credit too."""
    if el.text:
        (credit if in_credit[0] else caption).append(el.text)
    for child in el:
        if isinstance(child.tag, str) and child.tag not in SKIP_TAGS:
            classes = child.get("class", "")
            evidence = _evidence(child)
            if classes and _screen_reader(classes.lower()):
                pass
            elif evidence and CREDIT_CLASS.search(evidence):
                credit.append(child.text_content())
                in_credit[0] = True
            else:
                _split_caption_element(child, caption, credit, in_credit)
        if child.tail:
            (credit if in_credit[0] else caption).append(child.tail)


def caption_parts(el: lxml.html.HtmlElement) -> tuple[str | None, str | None]:
    """Caption and credit of a caption element (credit label removed)."""
    caption_texts: list[str] = []
    credit_texts: list[str] = []
    _split_caption_element(el, caption_texts, credit_texts, [False])
    caption = clean_text(" ".join(caption_texts)) or None
    credit = clean_text(" ".join(credit_texts)) or None
    if caption is not None:
        parts = split_caption(caption)
        caption = parts.caption
        credit = credit or parts.credit
    if caption is not None and credit is None:
        caption, credit = split_name_tail(caption)
    if credit is not None:
        credit = clean_credit(credit)
    return caption, credit


def _near(nodes: list[NodeInfo], first: int, second: int) -> bool:
    """Two nodes share an ancestor within ``CAPTION_MAX_HOPS`` levels of ``second``."""
    ancestors: set[int] = set()
    node = first
    while node >= 0:
        ancestors.add(node)
        node = nodes[node].parent
    node = second
    for _ in range(CAPTION_MAX_HOPS):
        node = nodes[node].parent
        if node < 0:
            return False
        if node in ancestors:
            return True
    return False


def _largest_in_srcset(srcset: str) -> str | None:
    best: str | None = None
    best_width = -1.0
    for candidate in srcset.split(","):
        parts = candidate.split()
        if not parts:
            continue
        width = 0.0
        if len(parts) > 1:
            descriptor = parts[1]
            try:
                width = float(descriptor[:-1]) if descriptor[-1:] in "wx" else 0.0
            except ValueError:
                width = 0.0
        if width > best_width:
            best, best_width = parts[0], width
    return best


PLAIN_TAG_RE: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_.:-]*")
"""A tag name that lxml's tag filter reads as itself (``element_paths``): no "*" or "{"
(wildcard and namespace syntax), no control character, nothing it refuses."""


def element_paths(elements: Sequence[Any], nodes: Iterable[int]) -> dict[int, str]:
    """The XPath of each element ``elements[node]`` (indices out of range are left out),
    in time linear in the elements involved (``TokenStream.xpaths``).

    Each step is ``tag[n]``, ``n`` counting from 1 among the siblings of that tag: a
    first child is 1, the sibling right after a numbered one of its tag is the next
    number, and any other counts its preceding siblings of that tag (lxml's tag filter
    skips the others in C) back to the nearest numbered one. (lxml's ``getpath`` counts
    all preceding siblings for every call, which is quadratic for pages with thousands
    of sibling paragraphs.) Ancestors' paths are shared between the nodes.
    """
    paths = _Paths()
    out: dict[int, str] = {}
    for node in nodes:
        if 0 <= node < len(elements):
            out[node] = paths.path(elements[node])
    return out


class _Paths:
    """``element_paths``'s memo: the position of each element numbered so far among its
    siblings of its tag, and the path of each element whose path is known."""

    def __init__(self) -> None:
        self.positions: dict[Any, int] = {}
        self.cache: dict[Any, str] = {}

    def path(self, el: Any) -> str:
        cache = self.cache
        chain: list[Any] = []
        cursor = el
        while cursor is not None and cursor not in cache:
            chain.append(cursor)
            cursor = cursor.getparent()
        if cursor is None:  # the chain reaches the root: its path is its tag
            root = chain.pop()
            cache[root] = "/" + str(root.tag)
            cursor = root
        prefix: str = cache[cursor]
        chain.reverse()  # (not ``reversed``: mypyc cannot compile it over ``list[Any]``)
        for item in chain:
            prefix = cache[item] = f"{prefix}/{self.step(item)}"
        return prefix

    def step(self, el: Any) -> str:
        """The last step of the path of ``el``, an element with a parent."""
        positions = self.positions
        tag = el.tag
        if not isinstance(tag, str):  # a comment or processing instruction
            return str(tag)
        previous = el.getprevious()
        if previous is None:  # the first child
            positions[el] = 1
            return f"{tag}[1]"
        if previous.tag == tag and previous in positions:
            index = positions[el] = positions[previous] + 1  # (a run of paragraphs)
            return f"{tag}[{index}]"
        index = 1
        # (lxml's filter reads "*" and "{" as wildcard and namespace syntax, and refuses
        # a name with a control character or one that is not a character: a name that is
        # not plain is compared by hand)
        plain = PLAIN_TAG_RE.fullmatch(tag) is not None
        for sibling in el.itersiblings(tag if plain else None, preceding=True):
            if sibling.tag != tag:
                continue
            known = positions.get(sibling)
            if known is not None:
                index += known
                break
            index += 1
        positions[el] = index
        return f"{tag}[{index}]"
