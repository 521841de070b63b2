"""The site-adapter API: ``Document`` → ``PartialArticle`` for one publisher.

Input → output: an adapter reads a ``Document`` (the decoded source, its token
stream, its parsed HTML if any, and the fused metadata) and returns a
``PartialArticle``. Fields it leaves ``None`` fall through to the generic path.

An adapter is a small class with declarative class data:

- identity: ``name``, ``version``, ``domains``, ``url_patterns`` and ``fingerprints``
  (regexes that recognise the site's documents by content, for input without URL);
- ``layouts``: one ``Layout`` per page design, each with a content ``fingerprint``
  (an XPath that must match), optional ``valid_from``/``valid_until`` dates, and
  field rules (XPaths). The layout is chosen by content first; dates only break ties,
  so two layouts that are live at the same time both work;
- ``text_rules``: ``TextRules`` for raw-text dumps of the site's pages.

Code hooks (``extract_html``, ``extract_text``, ``postprocess``) exist for what rules
cannot say. See ``docs/adapters.md``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal
from urllib.parse import urlsplit

from articlekit.decode import ContentType
from articlekit.metadata.types import Metadata
from articlekit.model.provenance import FieldSource, SourceKind
from articlekit.options import ParseOptions
from articlekit.partial import PartialArticle
from articlekit.tokens.types import TokenStream

if TYPE_CHECKING:
    from articlekit.tokens.html import HtmlDocument

__all__ = ["Box", "Document", "Layout", "SiteAdapter", "TextRules"]

FINGERPRINT_WINDOW = 200_000
"""Characters of the source searched for content fingerprints."""


@dataclass(frozen=True, slots=True)
class Document:
    """Everything the pipeline knows about one input before content selection.

    Attributes:
        text: The decoded, normalized source.
        content_type: ``"html"`` or ``"text"``.
        url: The caller's URL, else the canonical URL the page declares.
        html: The parsed HTML (read-only), ``None`` for text input.
        stream: The token stream.
        metadata: The fused metadata.
        options: The parse options.
    """

    text: str
    content_type: ContentType
    url: str | None
    html: HtmlDocument | None
    stream: TokenStream
    metadata: Metadata
    options: ParseOptions

    @property
    def published_hint(self) -> dt.date | None:
        """The publication day from metadata, used to break ties between layouts."""
        if self.metadata.published is None:
            return None
        value = self.metadata.published.value.value
        return value.date() if isinstance(value, dt.datetime) else value


@dataclass(frozen=True, slots=True)
class Layout:
    """One page design of a site, and where its fields are.

    Rules are XPath expressions evaluated on the document root, or JSON-LD paths
    written ``"jsonld:author.name"`` (``"jsonld:@NewsArticle.keywords"`` keeps only
    objects of that type); ``None`` means the layout says nothing about that field
    (the generic path and the page's metadata fill it).

    Attributes:
        name: Short name, shown in provenance (``"dw@2@rich-text"``).
        fingerprint: XPath that matches only pages of this design.
        valid_from: First day this design was live (inclusive), if known.
        valid_until: Last day this design was live (inclusive), if known.
        body: Container(s) of the article body.
        exclude: Elements inside the body that are not body (ads, share bars).
        title: Element holding the headline.
        summary: Element holding the lead / teaser.
        authors: Elements each holding one author name (or a byline to split).
        published: Element or attribute holding the publication date.
        modified: Element or attribute holding the modification date.
        topics: Elements each holding one topic/tag.
        section: Element holding the section / department name.
        short_url: Element or attribute holding the page's short link.
        figures: Image containers (``<figure>``, a site's picture box); when set, these
            are the article's images, in document order.
        figure_caption: Caption element, relative to a figure (default ``.//figcaption``).
        figure_credit: Credit element, relative to a figure (default: read from the
            caption: credit-classed children or a labelled credit such as "Photo: …").
        authors_verbatim: Each result of ``authors`` is one name as written (a newsroom
            credit such as "La Gazette et AFP" stays whole), not a byline to split.
        authors_fallback: Rule for the authors when ``authors`` names no person (the
            newsroom the JSON-LD names); its results are kept as written.
        author_noise: Removed from each author text before it is read (short codes
            after the name: "Elena Muster (emu)").
        topic_separators: Characters that separate topics inside one result.
        topics_drop: Topics matching this are dropped (SEO phrases, package flags).
        topics_strip: Removed from each topic (a section path before the keyword).
        topics_title_case: Topics are shown in title case (lower-case slugs).
        caption_as_written: The caption is the text of ``figure_caption`` as written
            (agency notes such as "(AP Photo)" stay in it; the credit comes from
            ``figure_credit``).
        caption_credit: Splits a caption that carries its credit (when the figure has no
            separate credit): groups ``caption`` and ``credit``.
        subheadings: Elements of the body that are sub-headings although their markup
            says paragraph; their blocks become headings of ``subheading_level``.
        subheading_level: Level of those headings.
        exclude_text: Body blocks whose whole text is the text of one of these elements
            are not body (an inline dateline span that the tokenizer made a block).
    """

    name: str
    fingerprint: str
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    body: str | None = None
    exclude: str | None = None
    title: str | None = None
    summary: str | None = None
    authors: str | None = None
    published: str | None = None
    modified: str | None = None
    topics: str | None = None
    section: str | None = None
    short_url: str | None = None
    figures: str | None = None
    figure_caption: str | None = None
    figure_credit: str | None = None
    authors_verbatim: bool = False
    authors_fallback: str | None = None
    author_noise: re.Pattern[str] | None = None
    topic_separators: str = ","
    topics_drop: re.Pattern[str] | None = None
    topics_strip: re.Pattern[str] | None = None
    topics_title_case: bool = False
    caption_as_written: bool = False
    caption_credit: re.Pattern[str] | None = None
    subheadings: str | None = None
    subheading_level: int = 3
    exclude_text: str | None = None

    def live_on(self, day: dt.date | None) -> bool:
        """Whether the design was live on ``day`` (unknown days match every layout)."""
        if day is None:
            return True
        if self.valid_from is not None and day < self.valid_from:
            return False
        return not (self.valid_until is not None and day > self.valid_until)


@dataclass(frozen=True, slots=True)
class Box:
    """A box that sits inside the text of a raw-text dump ("Lesen Sie auch", "Mehr zum
    Thema", "Para saber más"): its label line and the lines that belong to it.

    Attributes:
        start: Matches the box's first line (its label).
        lines: How many lines after the label belong to the box.
        items: The list items right after the label (and lines indented deeper than
            the label, which continue them) belong to the box too.
        until: The box runs up to and including the first later line matching this.
        above: How many lines above the label belong to the box (a kicker).
        named: The line after the label is the box's name; a copy of it right above the
            label (a line of its own, or glued by the text browser to the end of the
            paragraph above) belongs to the box too.
        then: One more line belongs to the box when it matches this (a teaser's byline).
        teasers: Then the box holds teasers, as many as follow: a line (a picture's
            caption), a title line matching this, and the list items under it.
        to_repeat: The box runs to the repetition of its first flush-left line (a teaser
            title printed twice).
    """

    start: re.Pattern[str]
    lines: int = 0
    items: bool = False
    until: re.Pattern[str] | None = None
    above: int = 0
    named: bool = False
    then: re.Pattern[str] | None = None
    teasers: re.Pattern[str] | None = None
    to_repeat: bool = False


ByOrganizations = Literal["drop", "split", "whole"]
"""What a byline that names no person gives: nothing, each organization as an author,
or the byline as written ("La Gazette et AFP")."""
HeadlineRule = Literal["topmost", "nearest"]
"""Which flush-left line above the header's anchor is the headline."""
StandfirstRule = Literal["below_headline", "after_header"]
"""Where the standfirst of a dump is: the paragraph right under the headline, or the
first line (long enough) after the header's dateline or byline."""


@dataclass(frozen=True, slots=True)
class TextRules:
    """Patterns for raw-text dumps of a site's pages (regexes over whole lines).

    Every rule is optional; what the rules do not find, the generic text path finds.
    The rules run in this order: the text is repaired (``mojibake``,
    ``unwrapped_width``) and read again as lines; lines are joined (``wrap_width``) and split
    (``unglue``); the article starts after the breadcrumb (``crumbs``); boxes, deep
    indents, captions and ``drop`` lines are taken out; the header (``dateline``,
    ``byline``, ``headline``, ``standfirst``) is read; the generic text path scores
    what follows the header, and the body ends at ``end_of_body``.

    Attributes:
        drop: Lines matching any of these are furniture, never body.
        short_url: Matches the site's short link; group ``url`` is the link.
        end_of_body: The body ends before the first line matching this.
        mojibake: The dumps are UTF-8 read as Latin-1 ("sanciÃ³n"): runs of such
            characters are decoded back before anything else.
        unwrapped_width: The dump's width: a paragraph line shorter than this was not
            wrapped, so the line right under it starts a new paragraph even without a
            blank line between.
        drop_indent: Paragraph lines indented this deep or deeper are not body (pull
            quotes, menu entries).
        boxes: Boxes inside the text, taken out with their lines.
        wrap_width: The dump's wrap width: a paragraph at least this long was wrapped,
            and the lines right under it at its indentation continue it.
        link_lists: Lists printed right under a paragraph (no blank line between: lists
            of the text are set off by one), and list items whose text recurs in the
            dump, are related-story links.
        pull_quotes: Lines indented deeper than the paragraphs whose words recur in a
            paragraph are pull quotes.
        cards: Teaser cards inside the text are not text: two lines right under each
            other (a picture's alt text and a label), then one blank line and a
            flush-left title.
        glued_lines: The dump sets its paragraphs apart by blank lines: lines printed
            right under a paragraph of running text (no blank line, no wrap) are
            pictures and galleries, with the lines that continue them.
        unglue: Text browsers glue some lines to the paragraph above ("… können.
            28.04.2023, 20.15 Uhr"); text matched at a paragraph's end is set apart as
            its own line.
        flush_left_headings: In a dump whose paragraphs are indented, lines printed flush
            left inside the text are sub-headings of this level.
        subheads: Short lines without final punctuation set between two long paragraphs
            are sub-headings of this level (headings the dump indents like paragraphs).
        crumbs: Matches the breadcrumb's first item or the label above it; the list's
            last item is the title, and the article starts after the list.
        crumb_lines: ``"paragraphs"`` when the dump prints the crumbs after the first one
            as indented lines: they run to the first flush-left line (the headline),
            where the article starts.
        dateline: Matches the dateline; groups ``date``, ``time`` and ``zone`` (else the
            whole match) are read with ``dayfirst`` and the site's time zone. A bare time
            ("13:37 Uhr") is on the reference day.
        dayfirst: How to read slashed dates (``04/11/2024``): day first (True), month
            first (False) or not at all (None).
        byline: Matches the byline; group ``names`` holds the names (when it is empty,
            the names are on the next line, or are the list items under it); an
            optional group ``date`` is the publication date.
        signature: Matches the closing signature of a story ("(Name aus Ort, Name,
            3.5.2024)", "red, Kurier.example"); group ``names``. The last match names the
            authors, before the header's byline.
        by_organizations: What a byline naming no person gives (see ``ByOrganizations``).
        byline_below_title: Bylines follow the headline: names the generic path found
            above the title are menu entries, not authors.
        names_between: The persons named on the lines between the headline and the
            dateline are the authors (a byline without a label).
        headline: The headline is a line printed flush left within ``header_lines``
            lines above the header's anchor (the dateline, else the byline): the
            ``"topmost"`` such line, or the ``"nearest"`` one (under a flush-left kicker).
        kicker: The indented line right above the headline, one blank line apart, is
            its kicker; the title is kicker, this separator, headline ("Kicker: Title").
        header_lines: How far above the anchor the headline and the byline may be.
        standfirst: Where the standfirst is (see ``StandfirstRule``), or a pattern that
            it matches (searched after the anchor).
        standfirst_chars: A standfirst is at least this long.
        standfirst_above: The line right above the first line matching this (a reading
            time) is the standfirst, when it is ``standfirst_chars`` long.
        alt_repeats_title: The lead picture's alt text repeats the headline: lines after
            the header that repeat it are not body, and the paragraph right above the
            first one (``standfirst_chars`` long) is the standfirst (a synopsis box).
        title_after: The line after the first line matching this is the title (a form
            that repeats the SEO title).
        body_start: The text starts after the first line matching this, after the
            header (a share bar).
        crop_header: Whether the generic text path scores only what follows the header.
        whole_text: Every line between the header (or ``body_start``) and
            ``end_of_body`` is body: the generic path does not choose (tickers whose
            short items it would leave out).
        body_from_header: The body starts right after the header: paragraphs and
            headings the generic path leaves above its body (an opening paragraph it
            took for a header line) are body too.
        caption_credit: Matches a caption line; groups ``caption`` and ``credit`` (an
            empty ``caption`` is the line above, an empty ``credit`` the line below).
            The line above the caption is its alt text when it repeats the caption or
            when ``alt_above`` is set.
        caption_after: The line after a line matching this (a picture's button) is a
            caption without credit.
        alt_above: The line above every caption is the picture's alt text.
        repeated_captions: A line that repeats the line above it is a picture: the line
            above is its alt text, the repeat its caption, with the credit glued to its
            end or (when nothing is glued) on the short line below.
    """

    drop: tuple[re.Pattern[str], ...] = ()
    short_url: re.Pattern[str] | None = None
    end_of_body: re.Pattern[str] | None = None
    mojibake: bool = False
    unwrapped_width: int | None = None
    drop_indent: int | None = None
    boxes: tuple[Box, ...] = ()
    wrap_width: int | None = None
    unglue: tuple[re.Pattern[str], ...] = ()
    glued_lines: bool = False
    cards: bool = False
    link_lists: bool = False
    pull_quotes: bool = False
    flush_left_headings: int | None = None
    subheads: int | None = None
    crumbs: re.Pattern[str] | None = None
    crumb_lines: Literal["items", "paragraphs"] = "items"
    dateline: re.Pattern[str] | None = None
    dayfirst: bool | None = None
    byline: re.Pattern[str] | None = None
    signature: re.Pattern[str] | None = None
    by_organizations: ByOrganizations = "split"
    names_between: bool = False
    byline_below_title: bool = False
    headline: HeadlineRule | None = None
    kicker: str | None = None
    header_lines: int = 4
    standfirst: StandfirstRule | re.Pattern[str] | None = None
    standfirst_chars: int = 0
    standfirst_above: re.Pattern[str] | None = None
    title_after: re.Pattern[str] | None = None
    alt_repeats_title: bool = False
    body_start: re.Pattern[str] | None = None
    crop_header: bool = True
    whole_text: bool = False
    body_from_header: bool = False
    caption_credit: re.Pattern[str] | None = None
    caption_after: re.Pattern[str] | None = None
    alt_above: bool = False
    repeated_captions: bool = False


_QUANTIFIERS = "*+?{"
_BREAKS = ".^$"


def _checks(fingerprints: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """``(required_literal(p), re.compile(p))`` of each fingerprint ``p``."""
    return tuple((required_literal(p), re.compile(p)) for p in fingerprints)


def required_literal(pattern: str) -> str:
    r"""The longest run of characters that every match of ``pattern`` contains verbatim,
    read off the pattern's top level (``r"https?://img\.example\.com/"`` →
    ``"://img.example.com/"``); ``""`` when none can be read: an alternation at the top
    level, case-insensitive or verbose flags, or nothing but classes and groups.

    A text without it cannot match, so a plain substring test can spare the search.
    """
    flags = re.match(r"\(\?([aiLmsux]+)\)", pattern)
    if flags is not None and ("i" in flags[1] or "x" in flags[1]):
        return ""
    i = flags.end() if flags is not None else 0
    runs: list[str] = []
    run: list[str] = []
    while i < len(pattern):
        ch = pattern[i]
        if ch == "|":
            return ""  # an alternation: no run is required
        if ch in _QUANTIFIERS:
            if run:
                run.pop()  # the quantified character may be missing or repeated
            if ch == "{":
                i = pattern.find("}", i)
                if i < 0:
                    return ""
            runs.append("".join(run))
            run = []
        elif ch == "\\" and i + 1 < len(pattern):
            i += 1
            if pattern[i].isalnum():  # a class (\d, \w, \s), anchor (\b) or code
                runs.append("".join(run))
                run = []
            else:
                run.append(pattern[i])
        elif ch in "([":
            end = _group_end(pattern, i)
            if end < 0:
                return ""
            i = end
            runs.append("".join(run))
            run = []
        elif ch in _BREAKS:
            runs.append("".join(run))
            run = []
        else:
            run.append(ch)
        i += 1
    runs.append("".join(run))
    return max(runs, key=len)


def _group_end(pattern: str, start: int) -> int:
    """Index of the bracket closing the group or class opened at ``start``, -1 if none."""
    depth = 0
    i = start
    in_class = False
    class_start = start
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]" and i > class_start + 1:
                in_class = False
                if depth == 0:
                    return i
        elif ch == "[":
            in_class = True
            class_start = i + 1 if pattern[i + 1 : i + 2] == "^" else i
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


class SiteAdapter:
    """Base class of site adapters. Subclasses set class data and may override hooks.

    The default ``extract`` picks a layout (``choose_layout``) and applies its rules
    for HTML, or the ``text_rules`` for raw text. Anything not found stays ``None``.
    """

    name: ClassVar[str] = ""
    """Unique registry name, lower case (``"dw"``)."""
    version: ClassVar[str] = "1"
    """Bumped whenever the adapter's output changes; shown in provenance."""
    domains: ClassVar[tuple[str, ...]] = ()
    """Host names served (sub-domains included): ``("dw.com",)``."""
    url_patterns: ClassVar[tuple[str, ...]] = ()
    """Regexes over the full URL that must match (when given) for the adapter to apply."""
    fingerprints: ClassVar[tuple[str, ...]] = ()
    r"""Regexes over the source that identify the site's documents without a URL. Each is
    searched in every document that gives no URL, so each should open with literal text
    (``r"https?://img\.example\.com/"``): one that opens with ``^\s*`` or a class is tried
    at every position of the source instead of found by a fast scan."""
    layouts: ClassVar[tuple[Layout, ...]] = ()
    """Page designs, newest first."""
    text_rules: ClassVar[TextRules | None] = None
    """Rules for raw-text dumps; ``None`` uses the generic text path alone."""
    site_name: ClassVar[str | None] = None
    """The publisher's display name."""
    site_timezone: ClassVar[str | None] = None
    """IANA zone of the newsroom, assumed (and flagged) for times without an offset."""
    house_author: ClassVar[str | None] = None
    """The byline of unsigned pieces ("DIE REDAKTION"): when the result names no author,
    this organization is the author (and raw-text dumps without a byline get it)."""
    strip_phrases: ClassVar[tuple[str, ...]] = ()
    """Phrases removed from the body's text wherever they occur (screen-reader notes
    inside links such as ", opens new tab")."""

    @property
    def ident(self) -> str:
        """``name@version``, as shown in provenance."""
        return f"{self.name}@{self.version}"

    # -- identity ------------------------------------------------------------------

    @classmethod
    def matches_url(cls, url: str) -> bool:
        """Whether ``url`` belongs to this site (domain, then URL patterns)."""
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            return False
        if not any(host == d or host.endswith("." + d) for d in cls.domains):
            return False
        return cls._matches_url_patterns(url)

    @classmethod
    def _matches_url_patterns(cls, url: str) -> bool:
        """Whether ``url`` matches one of ``url_patterns`` (or there are none)."""
        return not cls.url_patterns or any(re.search(p, url) for p in cls.url_patterns)

    _fingerprint_checks: ClassVar[
        tuple[tuple[str, ...], tuple[tuple[str, re.Pattern[str]], ...]]
    ] = ((), ())
    """``fingerprints`` and ``fingerprint_checks`` of them, made once per class."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._fingerprint_checks = (cls.fingerprints, _checks(cls.fingerprints))

    @classmethod
    def fingerprint_checks(cls) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """``(required literal, compiled pattern)`` of each of ``fingerprints``, in order
        (made with the class; made again when ``fingerprints`` was set after it)."""
        patterns, checks = cls._fingerprint_checks
        return checks if patterns is cls.fingerprints else _checks(cls.fingerprints)

    @classmethod
    def matches_content(cls, text: str) -> bool:
        """Whether the source carries one of this site's fingerprints.

        A pattern is searched only in a source that holds the literal text every match of
        it contains (``required_literal``): a substring test is many times faster than a
        pattern scan, and most documents carry no fingerprint.
        """
        head = text[:FINGERPRINT_WINDOW]
        return any(
            literal in head and pattern.search(head) is not None
            for literal, pattern in cls.fingerprint_checks()
        )

    # -- extraction ------------------------------------------------------------------

    def choose_layout(self, doc: Document) -> Layout | None:
        """The layout whose fingerprint matches; the publication date breaks ties."""
        if doc.html is None:
            return None
        root = doc.html.root
        matching = [layout for layout in self.layouts if _xpath_matches(root, layout.fingerprint)]
        if len(matching) > 1:
            day = doc.published_hint
            dated = [layout for layout in matching if layout.live_on(day)]
            matching = dated or matching
        return matching[0] if matching else None

    def extract(self, doc: Document) -> PartialArticle:
        """Extract what this site's rules know. Override hooks, not this method."""
        if doc.content_type == "text":
            result = self.extract_text(doc)
        else:
            layout = self.choose_layout(doc)
            if layout is None:
                return PartialArticle(
                    warnings=(
                        (
                            "adapter.no_layout",
                            f"adapter {self.ident} matched no known layout; used the generic path",
                        ),
                    )
                )
            result = self.extract_html(doc, layout)
        from articlekit.adapters.rules import house_byline, strip_phrases  # noqa: PLC0415

        result = strip_phrases(result, self.strip_phrases)
        result = house_byline(self, doc, result)
        return self.postprocess(doc, result)

    def extract_html(self, doc: Document, layout: Layout) -> PartialArticle:
        """Apply ``layout``'s rules (override to add code)."""
        from articlekit.adapters.helpers import apply_layout  # noqa: PLC0415

        return apply_layout(self, doc, layout)

    def extract_text(self, doc: Document) -> PartialArticle:
        """Apply ``text_rules`` on top of the generic text path (override to add code)."""
        from articlekit.adapters.helpers import apply_text_rules  # noqa: PLC0415

        return apply_text_rules(self, doc)

    def postprocess(self, doc: Document, result: PartialArticle) -> PartialArticle:
        """Last hook: adjust the partial result (default: unchanged)."""
        return result

    def amend(self, result: PartialArticle, changes: Mapping[str, Any], how: str) -> PartialArticle:
        """``result`` with ``changes`` applied, each changed field credited to this
        adapter in provenance (``how`` names the rule, e.g. ``"text header"``)."""
        source = FieldSource(kind=SourceKind.ADAPTER, detail=f"{self.ident} {how}")
        sources = {**result.sources, **dict.fromkeys(changes, source)}
        return dataclasses.replace(result, **changes, sources=sources)


def _xpath_matches(root: object, expression: str) -> bool:
    from articlekit.adapters.helpers import xpath  # noqa: PLC0415

    return bool(xpath(root, expression))
