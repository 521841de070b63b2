"""The assemble stage's fast paths give what the straightforward code gave.

Each test compares the stage with a plain copy of the code it replaced (kept here, in
the test, as the reference): blocks, spans and images built one model at a time with
their classes, the field choice that built every metadata source, the lead test that
normalized the whole page, and the repeat filter that normalized text by text.
"""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata
from typing import Any

import lxml.etree
import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit
from articlekit import assemble as asm
from articlekit.assemble import (
    BLOCK_BUILDERS,
    CONTENT_FIRST,
    _choose,
    _drop_repeats,
    _lead_on_page,
    _norm,
    _Norms,
    assemble,
)
from articlekit.metadata.types import DateValue, Evidence, Metadata, PersonRef
from articlekit.model import (
    Article,
    Embed,
    FieldSource,
    Figure,
    Heading,
    Image,
    ListBlock,
    Paragraph,
    Person,
    Quote,
    SourceKind,
    Span,
    Table,
)
from articlekit.model.blocks import Block
from articlekit.options import ParseOptions
from articlekit.partial import PartialArticle
from articlekit.tokens.types import ImageRef, Token, TokenKind, TokenStream

# -- the reference: the code the fast paths replaced ---------------------------------


def _ref_image(ref: ImageRef) -> Image:
    return Image(src=ref.src, alt=ref.alt, caption=ref.caption, credit=ref.credit, is_lead=False)


def _ref_block(token: Token) -> Block | None:
    kind = token.kind
    if kind is TokenKind.FIGURE or kind is TokenKind.CAPTION:
        return Figure(image=_ref_image(token.image)) if token.image is not None else None
    if kind is TokenKind.EMBED:
        return Embed(url=token.href, text=token.text or None)
    if not token.text:
        return None
    if kind is TokenKind.HEADING:
        return Heading(text=token.text, level=min(max(token.level, 1), 6))
    if kind is TokenKind.QUOTE:
        return Quote(text=token.text)
    if kind is TokenKind.TABLE:
        return Table(rows=token.rows or ((token.text,),))
    return Paragraph(text=token.text)


def _ref_blocks(tokens: tuple[Token, ...], stream: TokenStream) -> tuple[list[Block], list[Span]]:
    blocks: list[Block] = []
    origins: list[Token] = []
    items: list[str] = []
    list_key: tuple[int, bool] | None = None
    list_first: Token | None = None

    def close_list() -> None:
        nonlocal list_key, list_first
        if items and list_key is not None and list_first is not None:
            blocks.append(ListBlock(items=tuple(items), ordered=list_key[1]))
            origins.append(list_first)
        items.clear()
        list_key, list_first = None, None

    for token in tokens:
        if token.kind is TokenKind.LIST_ITEM:
            key = (token.group, token.ordered)
            if key != list_key:
                close_list()
                list_key, list_first = key, token
            items.append(token.text)
            continue
        close_list()
        block = _ref_block(token)
        if block is not None:
            blocks.append(block)
            origins.append(token)
    close_list()
    xpaths = stream.xpaths(t.node for t in origins if t.lines is None)
    spans = [
        Span(lines=t.lines) if t.lines is not None else Span(xpath=xpaths.get(t.node))
        for t in origins
    ]
    return blocks, spans


def _ref_images(
    refs: tuple[ImageRef, ...] | None, blocks: list[Block], lead: str | None
) -> tuple[Image, ...]:
    if refs is not None:
        images = [_ref_image(r) for r in refs]
    else:
        images = [b.image for b in blocks if isinstance(b, Figure)]
    first_figure = next(
        (isinstance(b, Figure) for b in blocks if isinstance(b, Figure | Paragraph)), False
    )
    if not images:
        if lead is not None:
            images.append(Image(src=lead, is_lead=True))
    elif refs is not None or first_figure or asm._same_image(images[0].src, lead):
        images[0] = images[0].model_copy(update={"is_lead": True})
    unique: dict[tuple[str | None, str | None], Image] = {}
    for image in images:
        unique.setdefault((image.src, image.caption), image)
    return tuple(unique.values())


def _ref_from_metadata(name: str, metadata: Metadata) -> tuple[Any, FieldSource | None]:
    evidence: Evidence[Any] | None = getattr(metadata, name, None)
    if evidence is None:
        return None, None
    return evidence.value, FieldSource(kind=evidence.kind, detail=evidence.detail or None)


def _ref_choose(
    name: str, adapter: PartialArticle | None, generic: PartialArticle | None, metadata: Metadata
) -> tuple[Any, FieldSource | None]:
    meta_value, meta_source = _ref_from_metadata(name, metadata)
    order: list[tuple[Any, FieldSource | None]] = []
    for partial in (adapter, generic):
        if partial is not None and hasattr(partial, name):
            order.append((getattr(partial, name), partial.sources.get(name)))
    if name in CONTENT_FIRST:
        order.append((meta_value, meta_source))
    else:
        order.insert(1 if adapter is not None else 0, (meta_value, meta_source))
    for value, source in order:
        if value is not None and value not in ((), ""):
            return value, source
    return None, None


def _ref_lead_on_page(description: str, stream: TokenStream, body: tuple[Token, ...]) -> bool:
    key = _norm(description).rstrip(" .…")
    if not key:
        return False
    for token in body:
        text = _norm(token.text)
        if key in text and key != text:
            return False
    return key in "\0".join(_norm(token.text) for token in stream.tokens)


def _ref_drop_repeats(
    tokens: tuple[Token, ...], summary: str | None, title: str | None
) -> tuple[Token, ...]:
    summary_key, title_key = _norm(summary), _norm(title)
    pictures = {TokenKind.FIGURE, TokenKind.CAPTION}
    seen: set[str] = set()
    out: list[Token] = []
    for i, token in enumerate(tokens):
        key = _norm(token.text)
        if key and key == summary_key and token.kind not in pictures:
            continue
        if key and key == title_key and token.kind is TokenKind.HEADING and i < 3:
            continue
        if key and token.kind in pictures:
            if key in seen:
                continue
            seen.add(key)
        out.append(token)
    return tuple(out)


# -- generated inputs -------------------------------------------------------------------

# Few distinct words, so that repeats, summaries and titles match often; whitespace of
# several kinds, a combining accent, a sharp s and the NUL the lead test joins with.
# U+1F82 grows most under _norm (to four characters), "ß" to two, the ligature to two.
WORDS = ["Lead", "lead", "LEAD", "cafe\u0301", "café", "Straße", "STRASSE", "", " ", "\t\n", "\0"]
WORDS += ["\u1f82", "\u1f00\u0300\u03b9", "ß", "SS", "\ufb01", "fi", "\u0390", "\ufb03"]
texts = st.lists(st.sampled_from(WORDS), max_size=4).map(" ".join)
optional_texts = st.none() | texts
image_refs = st.builds(
    ImageRef,
    src=st.sampled_from([None, "a.jpg", "a.jpg?w=2", "b.jpg"]),
    alt=st.none() | st.just("alt"),
    caption=optional_texts,
    credit=st.none() | st.just("dpa"),
)


@st.composite
def tokens(draw: st.DrawFn, *, html: bool = False) -> Token:
    kind = draw(st.sampled_from(list(TokenKind)))
    first = draw(st.integers(1, 50))
    return Token(
        kind=kind,
        text=draw(texts),
        node=draw(st.integers(-1, 6)) if html else -1,
        lines=None if html else (first, first + draw(st.integers(0, 3))),
        level=draw(st.integers(-1, 8)),
        group=draw(st.integers(0, 2)),
        ordered=draw(st.booleans()),
        href=draw(st.none() | st.just("https://example.org/v")),
        image=draw(st.none() | image_refs),
        rows=draw(st.sampled_from([(), (("a", "b"), ("c",))])),
    )


def _article(
    body: tuple[Token, ...],
    *,
    stream: TokenStream | None = None,
    images: tuple[ImageRef, ...] | None = None,
    lead: str | None = None,
    options: ParseOptions | None = None,
) -> Article:
    meta = Metadata(lead_image=Evidence(lead, SourceKind.OPENGRAPH) if lead else None)
    return assemble(
        url=None,
        content_type="text" if stream is None else "html",
        encoding=None,
        stream=stream or TokenStream(tokens=body, content_type="text"),
        metadata=meta,
        adapter_ident=None,
        adapter_result=None,
        generic=PartialArticle(body=body, images=images),
        options=options or ParseOptions(),
    )


def _assembled(
    generic: PartialArticle | None,
    *,
    metadata: Metadata | None = None,
    url: str | None = None,
    options: ParseOptions | None = None,
) -> Article:
    """``assemble`` of a text page with no tokens, from the generic stage's result."""
    return assemble(
        url=url,
        content_type="text",
        encoding=None,
        stream=TokenStream(tokens=(), content_type="text"),
        metadata=metadata or Metadata(),
        adapter_ident=None,
        adapter_result=None,
        generic=generic,
        options=options or ParseOptions(),
    )


# -- blocks, spans and images built as dicts and validated at once ---------------------


@settings(max_examples=300)
@given(
    body=st.lists(tokens(), max_size=12).map(tuple),
    images=st.none() | st.lists(image_refs, max_size=3).map(tuple),
    lead=st.sampled_from([None, "a.jpg", "c.jpg"]),
)
def test_assemble_blocks_equal_the_ones_built_by_their_classes(
    body: tuple[Token, ...], images: tuple[ImageRef, ...] | None, lead: str | None
) -> None:
    article = _article(body, images=images, lead=lead)
    kept = _ref_drop_repeats(body, None, None)
    blocks, spans = _ref_blocks(kept, TokenStream(tokens=body, content_type="text"))
    assert article.body == tuple(blocks)
    assert [type(b) for b in article.body] == [type(b) for b in blocks]
    assert article.provenance.blocks == tuple(spans)
    # (an empty tuple of images is "don't know": the body's figures are used)
    assert article.images == _ref_images(images or None, blocks, lead)
    # the figure in the body is never the lead, even when images[0] is its copy
    assert not any(b.image.is_lead for b in article.body if isinstance(b, Figure))
    # a valid model: it survives a JSON round trip unchanged
    assert Article.model_validate_json(article.model_dump_json()) == article


def test_assemble_html_spans_are_the_elements_xpaths() -> None:
    html = (
        "<html><body><div><h2>Head</h2><p>One</p><p>Two</p></div>"
        "<ul><li>a</li><li>b</li></ul><p>Three</p><table><tr><td>x</td></tr></table>"
        "</body></html>"
    )
    stream = articlekit.tokenize(html, content_type="html")
    body = stream.tokens
    article = _article(body, stream=stream)
    blocks, spans = _ref_blocks(body, stream)
    assert [s.xpath for s in article.provenance.blocks] == [s.xpath for s in spans]
    assert all(s.xpath and s.lines is None for s in spans)
    assert article.body == tuple(blocks)


def test_assemble_images_option_off_gives_no_images_and_no_figures() -> None:
    pic = Token(kind=TokenKind.FIGURE, text="", lines=(1, 1), image=ImageRef(src="a.jpg"))
    para = Token(kind=TokenKind.PARAGRAPH, text="Text", lines=(2, 2))
    article = _article((pic, para), lead="a.jpg", options=ParseOptions(include_images=False))
    assert article.images == ()
    assert article.body == (Paragraph(text="Text"),)


def test_block_builders_cover_every_kind_that_is_not_a_paragraph() -> None:
    # list items are gathered by _blocks; the others become paragraphs when they have text
    special = {k for k in TokenKind if k is not TokenKind.LIST_ITEM} - set(BLOCK_BUILDERS)
    for kind in special:
        token = Token(kind=kind, text="Some text", lines=(1, 1))
        assert _article((token,)).body == (Paragraph(text="Some text"),)


def test_assemble_drops_an_invalid_body_with_its_spans() -> None:
    # a third-party adapter's token with a number for text: the body fails validation
    bad = Token(kind=TokenKind.PARAGRAPH, text=12, lines=(1, 1))  # type: ignore[arg-type]
    article = _article((bad,))
    assert article.body == ()
    assert article.provenance.blocks == ()
    assert ("assemble.invalid_field", "dropped invalid body") in {
        (w.code, w.message) for w in article.provenance.warnings
    }


def test_assemble_drops_invalid_persons_and_keeps_the_rest() -> None:
    generic = PartialArticle(
        title="Title",
        authors=(PersonRef(name=None),),  # type: ignore[arg-type]
        body=(Token(kind=TokenKind.PARAGRAPH, text="Text", lines=(1, 1)),),
    )
    article = _assembled(generic)
    assert article.authors == ()
    assert article.title == "Title"
    assert article.body == (Paragraph(text="Text"),)
    assert len(article.provenance.blocks) == 1


def test_assemble_persons_equal_the_ones_built_by_their_class() -> None:
    refs = (PersonRef(name="Ana Lima", role="Editor"), PersonRef(name="Bo Li", url="u"))
    generic = PartialArticle(authors=refs, editors=refs[:1])
    article = _assembled(generic)
    expected = tuple(
        Person(name=r.name, role=r.role, description=r.description, url=r.url) for r in refs
    )
    assert article.authors == expected
    assert article.editors == expected[:1]


# -- the field choice ---------------------------------------------------------------------

values = st.sampled_from([None, "", (), "x", ("a",)])
sources = st.sampled_from([{}, {"title": FieldSource(kind=SourceKind.DOM, detail="//h1")}])


@st.composite
def partials(draw: st.DrawFn) -> PartialArticle | None:
    if draw(st.booleans()):
        return None
    return PartialArticle(
        title=draw(values),
        summary=draw(values),
        topics=draw(values),
        notices=draw(values),
        sources=draw(sources),
    )


@settings(max_examples=300)
@given(
    adapter=partials(),
    generic=partials(),
    title=st.none() | values,
    summary=st.none() | values,
    topics=st.none() | values,
)
def test_choose_takes_the_value_the_full_order_took(
    adapter: PartialArticle | None,
    generic: PartialArticle | None,
    title: Any,
    summary: Any,
    topics: Any,
) -> None:
    def evidence(value: Any) -> Evidence[Any] | None:
        return None if value is None else Evidence(value, SourceKind.META, "meta")

    metadata = Metadata(title=evidence(title), summary=evidence(summary), topics=evidence(topics))
    for name in ("title", "summary", "topics", "notices", "section"):
        value, source = _choose(name, adapter, generic, metadata)
        if isinstance(source, dict):  # built here: validated with the Provenance
            source = FieldSource.model_validate(source)
        assert (value, source) == _ref_choose(name, adapter, generic, metadata)


# -- the normalized comparisons ----------------------------------------------------------


@settings(max_examples=300)
@given(
    description=texts,
    page=st.lists(texts, max_size=8),
    body_picks=st.lists(st.integers(0, 7), max_size=4),
)
def test_lead_on_page_answers_as_the_whole_page_comparison(
    description: str, page: list[str], body_picks: list[int]
) -> None:
    stream_tokens = tuple(Token(kind=TokenKind.PARAGRAPH, text=t) for t in page)
    body = tuple(stream_tokens[i] for i in body_picks if i < len(stream_tokens))
    stream = TokenStream(tokens=stream_tokens, content_type="text")
    expected = _ref_lead_on_page(description, stream, body)
    assert _lead_on_page(description, stream, body, _Norms()) is expected


def test_lead_on_page_finds_a_description_only_across_two_blocks_when_it_holds_the_separator() -> (
    None
):
    stream_tokens = (
        Token(kind=TokenKind.PARAGRAPH, text="first half"),
        Token(kind=TokenKind.PARAGRAPH, text="second half"),
    )
    stream = TokenStream(tokens=stream_tokens, content_type="text")
    assert _lead_on_page("half\0second", stream, (), _Norms())
    assert not _lead_on_page("half second", stream, (), _Norms())


# Kinds the filter treats apart, and few texts: repeats of the title and the summary.
repeat_kinds = st.sampled_from(
    [TokenKind.PARAGRAPH, TokenKind.HEADING, TokenKind.FIGURE, TokenKind.CAPTION]
)
repeat_texts = st.sampled_from(["Lead", "LEAD ", "café", "café", "", "Other"])
repeat_tokens = st.builds(Token, kind=repeat_kinds, text=repeat_texts, image=st.none() | image_refs)


@settings(max_examples=400)
@given(
    body=st.lists(tokens() | repeat_tokens, max_size=10).map(tuple),
    summary=st.none() | repeat_texts | texts,
    title=st.none() | repeat_texts | texts,
)
def test_drop_repeats_keeps_what_the_text_by_text_filter_kept(
    body: tuple[Token, ...], summary: str | None, title: str | None
) -> None:
    expected = _ref_drop_repeats(body, summary, title)
    assert _drop_repeats(body, summary, title, _Norms()) == expected
    norms = _Norms()
    assert _drop_repeats(body, summary, title, norms) == expected
    assert all(norms[text] == _norm(text) for text in list(norms))


@pytest.mark.parametrize("text", ["Ein Satz", "  two  spaces ", "STRASSE", "cafe\u0301", "Σίσυφος"])
def test_norms_memo_gives_norm(text: str) -> None:
    norms = _Norms()
    assert norms[text] == _norm(text) == norms[text]
    assert unicodedata.is_normalized("NFC", norms[text])


def test_assemble_date_zone_is_flagged_on_the_chosen_source() -> None:
    # the metadata's FieldSource is now built only when chosen: the flag still lands on it
    meta = Metadata(
        published=Evidence(DateValue(dt.datetime(2025, 2, 4, 9, 30)), SourceKind.JSONLD, "p")
    )
    berlin = ParseOptions(default_timezone="Europe/Berlin")
    article = _assembled(None, metadata=meta, url="https://example.org/a", options=berlin)
    assert article.published is not None and isinstance(article.published, dt.datetime)
    assert article.published.tzinfo is not None
    source = article.provenance.fields["published"]
    assert (source.kind, source.detail, source.assumed_timezone) == (SourceKind.JSONLD, "p", True)
    assert source.model_fields_set == {"kind", "detail", "assumed_timezone"}
    assert article.provenance.fields["url"].kind is SourceKind.CALLER


# -- XPaths of the spans -----------------------------------------------------------------


def _ref_xpaths(elements: tuple[Any, ...], nodes: list[int]) -> dict[int, str]:
    """The whole-table version: every child of a parent numbered at once."""
    positions: dict[Any, dict[Any, str]] = {}
    cache: dict[Any, str] = {}

    def step(el: Any) -> str:
        parent = el.getparent()
        if parent is None:
            return "/" + str(el.tag)
        table = positions.get(parent)
        if table is None:
            counts: dict[str, int] = {}
            table = {}
            for child in parent:
                if isinstance(child.tag, str):
                    counts[child.tag] = counts.get(child.tag, 0) + 1
                    table[child] = f"{child.tag}[{counts[child.tag]}]"
            positions[parent] = table
        return table.get(el, str(el.tag))

    def path(el: Any) -> str:
        chain: list[Any] = []
        cursor = el
        while cursor is not None and cursor not in cache:
            chain.append(cursor)
            cursor = cursor.getparent()
        prefix = cache[cursor] if cursor is not None else ""
        for item in reversed(chain):
            prefix = step(item) if item.getparent() is None else f"{prefix}/{step(item)}"
            cache[item] = prefix
        return prefix

    return {n: path(elements[n]) for n in nodes if 0 <= n < len(elements)}


# Tags the HTML parser keeps, names with "*" and "{" (syntax for lxml's tag filter) or
# with characters it refuses or may not read as themselves, comments and a processing
# instruction among the siblings.
PIECES = [
    "<p>a</p>",
    "<div>",
    "</div>",
    "<span>s</span>",
    "<p*x>w</p*x>",
    "<a{b>v</a{b>",
    "<q\x0e\x01>u</q\x0e\x01>",  # lxml's tag filter refuses control characters
    "<bé>t</bé>",
    "<!-- c -->",
    "<?pi x?>",
]


@settings(max_examples=200)
@given(
    pieces=st.lists(st.sampled_from(PIECES), min_size=1, max_size=40),
    data=st.data(),
)
def test_xpaths_equal_the_whole_table_numbering(pieces: list[str], data: st.DataObject) -> None:
    root = lxml.html.document_fromstring("<html><body>" + "".join(pieces) + "</body></html>")
    elements = tuple(el for el in root.iter() if isinstance(el.tag, str))
    nodes = data.draw(st.lists(st.integers(-1, len(elements)), max_size=12))
    stream = TokenStream(tokens=(), elements=elements)
    assert stream.xpaths(nodes) == _ref_xpaths(elements, nodes)
    # one at a time (nothing known yet) gives the same
    assert {n: stream.xpath(n) for n in nodes if 0 <= n < len(elements)} == _ref_xpaths(
        elements, nodes
    )


def test_xpaths_count_namespaced_tags_apart() -> None:
    root = lxml.etree.fromstring('<r xmlns:a="urn:a"><p/><a:p/><!--c--><p/><a:p/><p><a:p/></p></r>')
    elements = tuple(el for el in root.iter() if isinstance(el.tag, str))
    nodes = list(range(len(elements)))[::-1]
    assert TokenStream(tokens=(), elements=elements).xpaths(nodes) == _ref_xpaths(elements, nodes)


def test_norm_pre_test_every_whitespace_but_the_space_is_unprintable() -> None:
    # _norm skips the split and join for printable text without double or edge spaces
    assert not [
        c
        for c in map(chr, range(sys.maxunicode + 1))
        if c.isspace() and c != " " and c.isprintable()
    ]


@settings(max_examples=500)
@given(
    text=st.none()
    | st.text(
        alphabet=st.sampled_from(
            list(" \t\n\xa0\u2003\u3000\x1f\u200b\0") + list("aBße\u0301éİΣς\ufb01\u212b")
        )
    )
)
def test_norm_equals_split_and_join_of_the_nfc_text(text: str | None) -> None:
    expected = " ".join(unicodedata.normalize("NFC", text or "").split()).casefold()
    assert _norm(text) == expected


def test_max_norm_growth_bounds_every_character() -> None:
    # _may_reach: _norm never makes a text longer than MAX_NORM_GROWTH times (decompose,
    # fold each character; composing and collapsing only shorten), ASCII not at all
    growth = [
        sum(len(d.casefold()) for d in unicodedata.normalize("NFD", c))
        for c in map(chr, range(sys.maxunicode + 1))
    ]
    assert max(growth) == asm.MAX_NORM_GROWTH
    assert max(growth[:128]) == 1


@settings(max_examples=500)
@given(text=texts, length=st.integers(0, 12))
def test_may_reach_never_rules_out_a_reachable_length(text: str, length: int) -> None:
    if len(_norm(text)) >= length:
        assert asm._may_reach(text, length)


def test_drop_repeats_tests_a_heading_shorter_than_the_summary_against_the_title() -> None:
    heading = Token(kind=TokenKind.HEADING, text="The Title")
    para = Token(kind=TokenKind.PARAGRAPH, text="Body text")
    summary = "A summary much longer than the title"
    assert _drop_repeats((heading, para), summary, "the title", _Norms()) == (para,)
    assert _drop_repeats((para, para, para, heading), summary, "the title", _Norms()) == (
        para,
        para,
        para,
        heading,
    )


def test_assemble_date_zone_is_flagged_on_a_content_stage_source() -> None:
    published = DateValue(dt.datetime(2025, 2, 4, 9, 30))
    generic = PartialArticle(
        published=published,
        sources={"published": FieldSource(kind=SourceKind.TEXT_PATTERN, detail="line 3")},
    )
    article = _assembled(generic, options=ParseOptions(default_timezone="UTC"))
    source = article.provenance.fields["published"]
    assert source == FieldSource(
        kind=SourceKind.TEXT_PATTERN, detail="line 3", assumed_timezone=True
    )
    assert source.model_fields_set == {"kind", "detail", "assumed_timezone"}
    # the stage's own source is not changed
    assert generic.sources["published"].assumed_timezone is False


@settings(max_examples=1000)
@given(text=texts | st.text(max_size=6), other=texts | st.text(max_size=6))
def test_may_equal_never_rules_out_the_text_s_own_key(text: str, other: str) -> None:
    for key in (_norm(text), _norm(other), _norm(other.upper()), _norm(text).rstrip(" .")):
        if key and _norm(text) == key:
            assert asm._may_equal(text, key)


@pytest.mark.parametrize(
    ("text", "key", "possible"),
    [
        ("Lead story", "lead story", True),
        ("Lead story", "other story", False),  # first letters differ
        ("e\u0301clair", "éclair", True),  # the accent composes with the "e"
        (" Lead", "lead", True),  # a leading space is collapsed away
        ("\tLead", "lead", True),
        ("Le", "lead", False),  # too short
        ("\ufb01le", "file", True),  # the ligature folds to two letters
    ],
)
def test_may_equal_examples(text: str, key: str, possible: bool) -> None:
    assert asm._may_equal(text, key) is possible
    assert (_norm(text) == key) <= possible


@settings(max_examples=300)
@given(texts=st.lists(texts | st.text(max_size=8), max_size=8), length=st.integers(0, 14))
def test_reaching_keeps_the_texts_may_reach_keeps(texts: list[str], length: int) -> None:
    assert asm._reaching(texts, length) == [t for t in texts if asm._may_reach(t, length)]


def test_may_equal_grounds_nfc_and_folding_leave_two_ascii_characters_alone() -> None:
    ascii_chars = [chr(i) for i in range(128)]
    assert all(
        unicodedata.normalize("NFC", a + b) == a + b for a in ascii_chars for b in ascii_chars
    )
    assert all(c.casefold() == c.lower() for c in ascii_chars)
