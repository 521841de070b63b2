"""Behaviour of dates read from the page's visible text (date lines, labels, ``<abbr>``)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from lxml import html

import articlekit
from articlekit.metadata import extract_metadata
from articlekit.metadata._near import preceding_texts
from articlekit.metadata.visible import RegionCache, is_furniture
from articlekit.model.provenance import SourceKind
from articlekit.options import ParseOptions

OPTIONS = ParseOptions()


def _doc(body: str, head: str = "", lang: str = "") -> html.HtmlElement:
    lang_attr = f' lang="{lang}"' if lang else ""
    return html.document_fromstring(
        f"<html{lang_attr}><head>{head}</head><body>{body}</body></html>"
    )


def _published(root: html.HtmlElement, url: str | None = None) -> dt.date | None:
    md = extract_metadata(root, url=url, options=OPTIONS)
    return md.published.value.value if md.published else None


def test_metadata_visible_date_in_date_class_element() -> None:
    root = _doc('<h1>Pond frogs sing</h1><span class="entry-date">March 11, 2020</span><p>x</p>')
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert md.published is not None
    assert md.published.value.value == dt.date(2020, 3, 11)
    assert md.published.kind is SourceKind.TEXT_PATTERN


def test_metadata_visible_date_in_german_meta_line_keeps_time() -> None:
    root = _doc('<div class="post-meta">Von Anna Beispiel am 03.05.2013, 11:51 | 2 Meinungen</div>')
    assert _published(root) == dt.datetime(2013, 5, 3, 11, 51)


def test_metadata_visible_time_without_datetime_attribute() -> None:
    root = _doc("<article><h1>Snow</h1><time>30. Juni 2022</time></article>")
    assert _published(root) == dt.date(2022, 6, 30)


def test_metadata_visible_abbr_title_is_read() -> None:
    root = _doc('<abbr class="published" title="2019-06-27T10:21:40Z">jeudi</abbr>')
    assert _published(root) == dt.datetime(2019, 6, 27, 10, 21, 40, tzinfo=dt.UTC)


def test_metadata_visible_comment_dates_are_ignored() -> None:
    body = """<h1>Garden notes</h1>
        <div class="comments"><span class="comment-date">May 5, 2019</span></div>
        <span class="post-date">April 19, 2019</span>"""
    assert _published(_doc(body)) == dt.date(2019, 4, 19)


def test_metadata_visible_sidebar_dates_are_ignored() -> None:
    body = """<aside><span class="date">1 January 2021</span></aside>
        <div class="widget"><span class="date">2 January 2021</span></div>
        <span class="date">3 January 2021</span>"""
    assert _published(_doc(body)) == dt.date(2021, 1, 3)


def test_metadata_visible_updated_label_gives_modified_not_published() -> None:
    body = '<p class="meta">Veröffentlicht am 06.10.2023 (Letztes Update: 09.10.2023)</p>'
    md = extract_metadata(_doc(body), url=None, options=OPTIONS)
    assert md.published is not None and md.published.value.value == dt.date(2023, 10, 6)
    assert md.modified is not None and md.modified.value.value == dt.date(2023, 10, 9)


def test_metadata_visible_print_date_is_not_a_publication_date() -> None:
    body = (
        '<div class="print-meta">Print date: 31.10.2023</div><span class="date">06.10.2023</span>'
    )
    assert _published(_doc(body)) == dt.date(2023, 10, 6)


def test_metadata_visible_slashed_date_read_by_page_language() -> None:
    body = '<span class="post-date">02/10/2020</span>'
    assert _published(_doc(body, lang="en-GB")) == dt.date(2020, 10, 2)
    assert _published(_doc(body, lang="en-US")) == dt.date(2020, 2, 10)
    assert _published(_doc(body)) is None  # unknown language: ambiguous, not guessed


def test_metadata_visible_dates_rank_below_declared_metadata() -> None:
    head = '<meta property="article:published_time" content="2021-11-02T08:00:00+01:00">'
    root = _doc('<span class="date">5 November 2021</span>', head=head)
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert md.published is not None and md.published.kind is SourceKind.OPENGRAPH


def test_metadata_visible_dates_rank_below_url_date() -> None:
    root = _doc('<span class="date">5 November 2021</span>')
    url = "https://news.example/2021/11/04/story"
    assert _published(root, url) == dt.date(2021, 11, 4)


def test_metadata_visible_whole_post_container_is_not_a_date_line() -> None:
    long_text = "Words of the post. " * 40
    body = f'<div class="post-meta-wrapper">{long_text} 12 March 2019 {long_text}</div>'
    assert _published(_doc(body)) is None


def test_metadata_visible_date_right_after_headline() -> None:
    body = """<div class="nav">Home</div><h1>River cleanup ends</h1>
        <p>Jana Roe · 14 January 2022</p><p>The long report text starts here.</p>"""
    md = extract_metadata(_doc(body), url=None, options=OPTIONS)
    assert md.published is not None and md.published.value.value == dt.date(2022, 1, 14)
    assert md.published.detail == "text after headline"


def test_metadata_visible_date_after_headline_stops_in_prose() -> None:
    prose = "The festival, first held on 2 May 1998 in the old market hall, " * 6
    body = f"<h1>Festival returns</h1><p>{prose}</p>"
    assert _published(_doc(body)) is None


def test_metadata_visible_time_classed_published_and_updated_is_published() -> None:
    body = (
        '<article><h1>Sailing</h1><time class="entry-date published updated"'
        ' datetime="2020-02-23T10:07:02+01:00">23. Februar 2020</time></article>'
    )
    md = extract_metadata(_doc(body), url=None, options=OPTIONS)
    assert md.published is not None
    assert md.published.value.value == dt.datetime.fromisoformat("2020-02-23T10:07:02+01:00")


def test_metadata_visible_post_inside_blog_widget_is_not_furniture() -> None:
    body = """<div class="widget Blog"><div class="post hentry">
        <h3 class="post-title">Notes</h3><h2 class="date-header">Wednesday, October 16, 2019</h2>
        </div></div>"""
    assert _published(_doc(body)) == dt.date(2019, 10, 16)


def test_metadata_visible_aside_inside_article_is_read() -> None:
    body = """<article><aside><ul><li class="meta-date">26.02.2020</li></ul></aside>
        <p>Text.</p></article>"""
    assert _published(_doc(body, lang="de")) == dt.date(2020, 2, 26)


# -- a labelled byline under the headline (dom) ------------------------------------------


@pytest.mark.parametrize(
    ("byline_html", "names"),
    [
        ('<p class="meta-info">von <a href="/a/1">Dr. Lena Hofmann</a></p>', ["Dr. Lena Hofmann"]),
        ("<p>By <a>Jane Roe</a> and <a>John Doe</a></p>", ["Jane Roe", "John Doe"]),
        ("<div><span>Par</span> <span>Julien Marchetti</span></div>", ["Julien Marchetti"]),
        ("<p>Por Carmen de la Vega, Madrid</p>", ["Carmen de la Vega"]),
    ],
)
def test_labelled_byline_under_the_headline(byline_html: str, names: list[str]) -> None:
    body = "<p>" + "The council met on Tuesday and agreed on the new plan for the harbour. " * 5
    html = (
        '<html><head><meta name="author" content="Example News"></head><body><article>'
        f"<h1>The council agrees on the harbour plan</h1>{byline_html}{body}</p>"
        "</article></body></html>"
    )
    article = articlekit.parse(html, adapter="generic")
    assert [p.name for p in article.authors] == names


def test_unlabelled_line_under_the_headline_is_no_byline() -> None:
    html = (
        "<html><body><article><h1>The council agrees on the harbour plan</h1>"
        "<p>Harbour Master Office</p><p>"
        + "The council met on Tuesday and agreed on the new plan for the harbour. " * 5
        + "</p></article></body></html>"
    )
    assert articlekit.parse(html, adapter="generic").authors == ()


@pytest.mark.parametrize(
    ("lang", "headline", "dated", "sentence", "day"),
    [
        pytest.param(
            "en",
            "Quay opens",
            '<span class="news-time-ago" title="2024-03-05T09:30:00Z">3 hours ago</span>',
            "The quay opened on a cold morning with a small crowd watching. ",
            "2024-03-05",
            id="tooltip-of-a-date-element",
        ),
        pytest.param(
            "de",
            "Neuer Kai",
            '<div class="left author">Autor: Jana Falk am 29.12.2010, 13:36 Uhr</div>',
            "Der neue Kai wurde an einem kalten Morgen vor wenigen Gästen eröffnet. ",
            "2010-12-29",
            id="author-box",
        ),
    ],
)
def test_date_in_a_date_element(
    lang: str, headline: str, dated: str, sentence: str, day: str
) -> None:
    html = (
        f'<html lang="{lang}"><body><article><h1>{headline}</h1>{dated}'
        "<p>" + sentence * 4 + "</p></article></body></html>"
    )
    article = articlekit.parse(html, adapter="generic")
    assert article.published is not None
    assert article.published.isoformat().startswith(day)


def test_metadata_visible_page_classes_on_body_are_not_furniture() -> None:
    root = html.document_fromstring(
        '<html lang="en"><body class="single no-sidebars page-archive-free">'
        '<div class="wrap"><span class="post-date">7 June 2018</span></div></body></html>'
    )
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert md.published is not None and md.published.detail == "span.post-date text"


def test_metadata_visible_blog_feed_inside_widget_is_content() -> None:
    body = """<div class="widget Blog"><div class="blog-posts hfeed">
        <h2 class="date-header"><span>Samstag, 5. Oktober 2013</span></h2>
        <div class="post"><p>Text</p></div></div></div>
        <div class="widget PopularPosts"><span class="date">1. Mai 2012</span></div>"""
    md = extract_metadata(_doc(body, lang="de"), url=None, options=OPTIONS)
    assert md.published is not None and md.published.value.value == dt.date(2013, 10, 5)
    assert md.published.detail == "h2.date-header text"


def test_metadata_visible_teaser_times_are_not_the_page_date() -> None:
    body = """<article class="post"><h1>Neue Intendantin</h1>
        <p class="post-byline">31.10.2023 · Redaktion</p><p>Text.</p></article>
        <div class="related-posts"><div class="teaser">
        <time datetime="2020-12-03T07:32:49">3.12.</time></div></div>"""
    md = extract_metadata(_doc(body, lang="de"), url=None, options=OPTIONS)
    assert md.published is not None and md.published.value.value == dt.date(2023, 10, 31)


def test_metadata_visible_sidebar_inside_the_article_is_its_side_column() -> None:
    body = """<div class="page-with-sidebar"><article><h1>Ruster Ausbruch</h1>
        <div class="sidebar"><time datetime="2022-01-28">28.01.2022</time></div>
        <p>Text.</p></article></div>"""
    md = extract_metadata(_doc(body, lang="de"), url=None, options=OPTIONS)
    assert md.published is not None and md.published.value.value == dt.date(2022, 1, 28)
    outside = """<div class="sidebar"><time datetime="2022-01-28">28.01.2022</time></div>
        <div><h1>Ruster Ausbruch</h1><p>Text.</p></div>"""
    md = extract_metadata(_doc(outside, lang="de"), url=None, options=OPTIONS)
    details = [ev.detail for ev in md.candidates.get("published", ())]
    assert "time[datetime]" not in details


def test_metadata_visible_furniture_verdicts_same_with_a_shared_cache() -> None:
    root = html.document_fromstring(
        """<html><body class="no-sidebars"><div class="layout">
        <div class="sidebar"><span>a</span><article><span>b</span>
        <div class="widget"><span>c</span></div></article></div>
        <aside><div class="comments"><span>d</span></div><span>e</span></aside>
        <main><aside><span>f</span></aside><div class="related"><span>g</span></div></main>
        <div class="sidebar-comments"><span>h</span></div><span>i</span></div></body></html>"""
    )
    spans = list(root.iter("span"))
    fresh = [is_furniture(span) for span in spans]
    cache: RegionCache = {}
    shared = [is_furniture(span, cache) for span in spans]
    again = [is_furniture(span, cache) for span in spans]
    assert fresh == shared == again
    assert fresh == [True, False, False, True, True, False, True, True, False]


PRECEDING_XPATH = (
    "preceding::text()[normalize-space()][not(parent::script or parent::style or parent::noscript)]"
)
"""What ``_near.preceding_texts`` computes, as the XPath it replaced (reverse order)."""


@pytest.mark.parametrize(
    "body",
    [
        "<p>Kicker <b>bold</b> tail</p><div><span>12 May 2021</span> after</div><h1>Title</h1>",
        "<div>Rubrik<script>var x = 1;</script> shown<style>p{}</style></div><h1>T</h1>",
        "<noscript>hidden <i>italic shown</i> also hidden</noscript>\xa0<h1>Nbsp is text</h1>",
        "<section><p>1</p><p>2</p><p>3</p><p>4</p><p>5</p><p>6</p><p>7</p>"
        "<header>Stand: 05.03.2024<h1>Nested</h1>x</header></section>",
        "<ul><li>a</li><li>b <a>c</a></li></ul>\n \t<h1>Blank tail skipped</h1>",
        "<h1>Nothing before</h1><p>after</p>",
    ],
    ids=["inline", "script-style", "noscript-nbsp", "deep", "blank", "first"],
)
def test_metadata_visible_preceding_texts_match_the_xpath(body: str) -> None:
    root = _doc(body)
    headline = root.find(".//h1")
    found = root.xpath("//h1")[0].xpath(PRECEDING_XPATH)
    expected = [str(text) for text in reversed(found)]
    assert list(preceding_texts(headline)) == expected
    assert list(itertools.islice(preceding_texts(headline), 2)) == expected[:2]


def test_metadata_visible_date_right_before_headline() -> None:
    body = (
        "<p>Navigation</p><div class='kicker'>Politik · 5. März 2024</div>"
        "<h1>Ein Titel</h1><p>Text ohne Datum, lang genug für einen Absatz.</p>"
    )
    assert _published(_doc(body, lang="de")) == dt.date(2024, 3, 5)
