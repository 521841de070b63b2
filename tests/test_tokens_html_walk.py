"""Behaviour of the HTML tokenizer's walk: element limits, time checks, node evidence."""

from __future__ import annotations

import time

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from articlekit.patterns._needles import holds, lowered
from articlekit.tokens.html import (
    HIDDEN_STYLE,
    HIDDEN_STYLE_NEEDLES,
    TIME_CHECK_EVERY,
    image_source,
    parse_html,
    tokenize_html,
)


def _page(paragraphs: int) -> str:
    items = "".join(f"<p>Paragraph number {i} of the page.</p>" for i in range(paragraphs))
    return f"<html><body>{items}</body></html>"


@pytest.mark.parametrize("limit", [0, 1, 4, 9])
def test_tokens_html_max_nodes_reads_exactly_that_many_elements(limit: int) -> None:
    stream = tokenize_html(parse_html(_page(10)), max_nodes=limit)
    assert len(stream.tokens) == limit
    assert [code for code, _ in stream.warnings] == ["limit.nodes"]


def test_tokens_html_max_nodes_equal_to_the_page_size_warns_nothing() -> None:
    stream = tokenize_html(parse_html(_page(10)), max_nodes=10)
    assert len(stream.tokens) == 10
    assert stream.warnings == ()


def test_tokens_html_deadline_is_checked_every_few_thousand_elements() -> None:
    past = time.monotonic() - 1.0
    short = tokenize_html(parse_html(_page(TIME_CHECK_EVERY - 1)), deadline=past)
    assert len(short.tokens) == TIME_CHECK_EVERY - 1
    assert short.warnings == ()
    long = tokenize_html(parse_html(_page(3 * TIME_CHECK_EVERY)), deadline=past)
    assert len(long.tokens) == TIME_CHECK_EVERY - 1  # the element that saw the clock stops
    assert [code for code, _ in long.warnings] == ["limit.time"]


def test_tokens_html_deadline_far_ahead_reads_past_the_check_points() -> None:
    later = time.monotonic() + 600.0
    stream = tokenize_html(parse_html(_page(2 * TIME_CHECK_EVERY + 5)), deadline=later)
    assert len(stream.tokens) == 2 * TIME_CHECK_EVERY + 5
    assert stream.warnings == ()


def test_tokens_html_both_limits_the_node_limit_first() -> None:
    later = time.monotonic() + 600.0
    stream = tokenize_html(
        parse_html(_page(TIME_CHECK_EVERY + 10)), max_nodes=TIME_CHECK_EVERY + 3, deadline=later
    )
    assert len(stream.tokens) == TIME_CHECK_EVERY + 3
    assert [code for code, _ in stream.warnings] == ["limit.nodes"]


@pytest.mark.parametrize(
    ("attributes", "evidence"),
    [
        ('class="Story Body" id="Main"', "main story body"),
        ('itemprop="articleBody" role="main" data-x="1"', "main articlebody"),
        ('class="" id="lead"', "lead"),
        ('data-only="yes"', ""),
        ("", ""),
    ],
    ids=["class-id", "role-itemprop", "empty-class", "other", "bare"],
)
def test_tokens_html_node_evidence_is_id_class_role_itemprop(
    attributes: str, evidence: str
) -> None:
    doc = parse_html(f"<html><body><div {attributes}><p>Some text here.</p></div></body></html>")
    stream = tokenize_html(doc)
    divs = [node for node in stream.nodes if node.tag == "div"]
    assert [node.evidence for node in divs] == [evidence]


# -- labelled elements (the metadata stage's clue scan reads them instead of a walk) ----

LABELLED_PAGE = """<html><head><meta itemprop="name" content="Head only"></head><body>
<header id="kopf"><h1 itemprop="headline">Ein Titel</h1>
 <span class="autor">Von <a href="/a" rel="author">Erika Beispiel</a></span>
 <time>12. März 2024</time> <abbr class="fecha" title="2024-03-12">hoy</abbr></header>
<script class="tracking" id="s1">var x = 1;</script>
<svg class="icon"><use class="icon-use" href="#i"></use></svg>
<div hidden class="datum-versteckt"><span class="date">1 janvier 2020</span></div>
<div style="display:none"><p id="gone">Texte caché</p></div>
<p>Premier paragraphe<br class="saut">du texte, <span class="sr-only">pour lecteurs</span>
 <b itemprop="author">Ana Ejemplo</b>.</p>
<figure class="bild"><img src="a.jpg" class="bild-img"><figcaption class="legende">
 Une légende <span class="credit">Foto: Agentur</span></figcaption></figure>
<figure class="zitat"><blockquote class="pull">Ohne Bild</blockquote></figure>
<div class="image-caption">Una leyenda suelta <em class="fuente">Agencia</em></div>
<table class="daten"><tr><td class="zelle">1</td><td>2</td></tr></table>
<pre class="code"><code class="lang">print()</code></pre>
<iframe class="video" src="https://video.test/1"><p class="fallback">no frames</p></iframe>
<hr class="trenner"><p class="published">Publié le 3 avril 2024</p>
<section><h1>Zweiter Titel</h1><div hidden><h1>Versteckter Titel</h1></div></section>
</body></html>"""


def _scanned(root: object) -> list[tuple[object, ...]]:
    from articlekit.metadata._scan import _labelled  # noqa: PLC0415

    return list(_labelled(root))  # type: ignore[arg-type]


def test_tokens_html_labelled_lists_every_labelled_body_element_in_order() -> None:
    doc = parse_html(LABELLED_PAGE)
    stream = tokenize_html(doc)
    assert stream.labelled is not None
    expected = _scanned(doc.root)
    assert [item[1:] for item in stream.labelled] == [item[1:] for item in expected]
    assert all(a[0] is b[0] for a, b in zip(stream.labelled, expected, strict=True))
    # hidden, skipped and whole-read elements are there too, in document order
    values = [item[1] or item[2] or item[3] for item in stream.labelled]
    for later, earlier in [("tracking", "autor"), ("date", "icon-use"), ("gone", "date"),
                           ("credit", "legende"), ("lang", "code"),
                           ("published", "trenner")]:  # fmt: skip
        assert values.index(earlier) < values.index(later)
    assert "name" not in values  # the head is not the body
    tags = [item[0].tag for item in stream.labelled]
    assert "time" in tags  # a <time> without attributes
    assert tags.count("h1") == 3  # every <h1>, hidden or not: the headline candidates


def test_tokens_html_labelled_is_none_when_a_limit_stopped_the_walk() -> None:
    stream = tokenize_html(parse_html(LABELLED_PAGE), max_nodes=3)
    assert stream.labelled is None


def test_tokens_html_labelled_is_none_without_body() -> None:
    doc = parse_html("<html><body><p class='x'>One</p></body></html>")
    body = doc.root.find("body")
    assert body is not None
    doc.root.remove(body)  # (a test-only document without <body>)
    assert tokenize_html(doc).labelled is None


@pytest.mark.parametrize(
    "page",
    [
        LABELLED_PAGE,
        "<html><body><div class='byline'>By Sam Author</div>"
        "<span class='post-date'>May 5, 2021</span></body></html>",
        "<html><body><article><p class='autor'>Por María Ejemplo</p>"
        "<p class='fecha-publicacion'>5 de mayo de 2021</p></article></body></html>",
    ],
    ids=["mixed", "english", "spanish"],
)
def test_tokens_html_clue_scan_from_labelled_equals_its_own_walk(page: str) -> None:
    from articlekit.metadata._scan import scan_clues  # noqa: PLC0415

    doc = parse_html(page)
    stream = tokenize_html(doc)
    assert scan_clues(doc.root, stream.labelled) == scan_clues(doc.root)
    assert scan_clues(doc.root).dates or scan_clues(doc.root).bylines


def test_tokens_html_labelled_headline_is_the_h1_inside_the_article() -> None:
    from articlekit.metadata._scan import scan_clues  # noqa: PLC0415

    page = (
        "<html><body><h1>Nom du site</h1><article><h1 class='titre'>Le vrai titre</h1>"
        "<p>Texte de l'article.</p></article></body></html>"
    )
    doc = parse_html(page)
    clues = scan_clues(doc.root, tokenize_html(doc).labelled)
    assert clues.headline is not None and clues.headline.text == "Le vrai titre"
    plain = parse_html(page.replace("article>", "div>"))
    first = scan_clues(plain.root, tokenize_html(plain).labelled)
    assert first.headline is not None and first.headline.text == "Nom du site"


@pytest.mark.parametrize(
    ("head", "url", "base"),
    [
        ('<base target="_top"><base href=" /de/ "><base href="/fr/">', "https://n.test/a/b", "https://n.test/de/"),
        ('<base href="https://cdn.test/x/">', None, "https://cdn.test/x/"),
        ('<base target="_blank">', "https://n.test/a", "https://n.test/a"),
        ("", None, None),
    ],
    ids=["first-with-href", "absolute-no-url", "no-href", "none"],
)  # fmt: skip
def test_tokens_html_base_url_is_the_first_base_href(
    head: str, url: str | None, base: str | None
) -> None:
    doc = parse_html(f"<html><head>{head}</head><body><p>Texto.</p></body></html>", url=url)
    assert doc.base_url == base


def test_tokens_html_clue_scan_stops_after_its_budget_of_attribute_values(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from articlekit.metadata import _scan  # noqa: PLC0415

    spans = "".join(f'<span class="datum">{i}. Mai 2024</span>' for i in range(1, 6))
    page = (
        '<html><body><p class="fecha" id="f1">1 de mayo</p><p>x</p>'
        f'<p itemprop="datePublished">2 mai</p>{spans}</body></html>'
    )
    doc = parse_html(page)
    labelled = tokenize_html(doc).labelled
    monkeypatch.setattr(_scan, "MAX_CLUE_VALUES", 5)  # class + id, itemprop, 2 classes
    for clues in (_scan.scan_clues(doc.root, labelled), _scan.scan_clues(doc.root)):
        texts = [element.text for element in clues.dates]
        assert texts == ["1 de mayo", "2 mai", "1. Mai 2024", "2. Mai 2024"]


@pytest.mark.parametrize(
    ("attributes", "expected"),
    [
        ('src="data:image/gif;base64,R0lGOD" data-src="/p/quay.jpg"', "https://x.test/p/quay.jpg"),
        ('src="/img/spacer.gif" data-src="/p/quay.jpg"', "https://x.test/p/quay.jpg"),
        ('src="/p/{{id}}.jpg" data-lazy-src="/p/quay.jpg"', "https://x.test/p/quay.jpg"),
        ('srcset="/p/${w}.jpg 2x" src="/p/quay.jpg"', "https://x.test/p/quay.jpg"),
        ('src="/p/quay-data:1.jpg"', "https://x.test/p/quay-data:1.jpg"),
        ('src="data:image/png;base64,AAAA"', None),
    ],
    ids=["data-uri", "spacer", "template", "srcset-template", "data-inside", "only-data"],
)
def test_walk_image_source_skips_placeholders(attributes: str, expected: str | None) -> None:
    doc = parse_html(f"<html><body><img {attributes}></body></html>")
    img = next(doc.root.iter("img"))
    assert image_source(img, "https://x.test/a/") == expected


@pytest.mark.parametrize(
    ("paragraph", "caption", "credit"),
    [
        ("The quay at dawn. Foto: Jane Roe/Agentur", "The quay at dawn.", "Jane Roe/Agentur"),
        ("The quay at dawn. Photo © Jane Roe", "The quay at dawn.", "Jane Roe"),
        ("The quay at dawn, as seen from the ferry", None, None),
    ],
    ids=["colon", "copyright", "none"],
)
def test_walk_paragraph_with_a_credit_label_is_a_caption(
    paragraph: str, caption: str | None, credit: str | None
) -> None:
    stream = tokenize_html(parse_html(f"<html><body><p>{paragraph}</p></body></html>"))
    (token,) = stream.tokens
    if credit is None:
        assert token.image is None and token.text == paragraph
    else:
        assert token.image is not None
        assert (token.image.caption, token.image.credit) == (caption, credit)


_STYLE_PIECES = [
    "display", "DISPLAY", "dısplay", "visibility", "VİSİBİLİTY", "vısıbılıty", ":", " ",
    "none", "NONE", "hidden", "HİDDEN", "hıdden", "width: 10px", ";", "\t", "ſ", "x",
]  # fmt: skip


@given(st.lists(st.sampled_from(_STYLE_PIECES), max_size=6).map("".join))
@example("DISPLAY : NONE")
@example("visibility:hıdden")
def test_tokens_html_hidden_style_needles_reject_no_match(style: str) -> None:
    # the needles only spare the search on styles it cannot match
    if HIDDEN_STYLE.search(style) is not None:
        assert holds(lowered(style), HIDDEN_STYLE_NEEDLES), style
