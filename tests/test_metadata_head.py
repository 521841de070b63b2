"""Behaviour of the OpenGraph, Twitter, ``<meta>``/``<link>`` and DOM metadata sources."""

from __future__ import annotations

import datetime as dt
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree, html

from articlekit.metadata import extract_metadata
from articlekit.metadata._head import collect_meta
from articlekit.metadata._text import (
    PLAIN_ABSOLUTE_URL,
    absolute_url,
    clean_text,
    fold,
    resolve_url,
)
from articlekit.model.provenance import SourceKind
from articlekit.options import ParseOptions

OPTIONS = ParseOptions()


def _doc(head: str, body: str = "", lang: str = "") -> html.HtmlElement:
    lang_attr = f' lang="{lang}"' if lang else ""
    text = f"<html{lang_attr}><head>{head}</head><body>{body}</body></html>"
    return html.document_fromstring(text)


def test_metadata_opengraph_fields_are_read() -> None:
    root = _doc(
        """<meta property="og:title" content="Harbour reopens">
        <meta property="og:description" content="Ships return.">
        <meta property="og:site_name" content="Coast Post">
        <meta property="og:image" content="/pics/harbour.jpg">
        <meta property="og:locale" content="de_AT">
        <meta property="article:published_time" content="2023-11-02T07:00:00Z">
        <meta property="article:modified_time" content="2023-11-02T09:15:00Z">
        <meta property="article:section" content="Local">
        <meta property="article:tag" content="ports">
        <meta property="article:tag" content="shipping">"""
    )
    md = extract_metadata(root, url="https://coast.test/n/1", options=OPTIONS)
    assert md.title is not None and md.title.value == "Harbour reopens"
    assert md.title.kind is SourceKind.OPENGRAPH and md.title.detail == "og:title"
    assert md.summary is not None and md.summary.value == "Ships return."
    assert md.site_name is not None and md.site_name.value == "Coast Post"
    assert (
        md.lead_image is not None and md.lead_image.value == "https://coast.test/pics/harbour.jpg"
    )
    assert md.language is not None and md.language.value == "de"
    assert md.section is not None and md.section.value == "Local"
    assert md.topics is not None and md.topics.value == ("ports", "shipping")
    assert md.published is not None and md.modified is not None
    assert md.modified.value.value == dt.datetime(2023, 11, 2, 9, 15, tzinfo=dt.UTC)


def test_metadata_article_author_url_is_not_taken_as_a_name() -> None:
    root = _doc(
        """<meta property="article:author" content="https://social.test/some.writer">
        <meta property="article:author" content="Mira Holm">"""
    )
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert md.authors is not None
    assert [p.name for p in md.authors.value] == ["Mira Holm"]


def test_metadata_twitter_card_is_a_lower_priority_source() -> None:
    root = _doc(
        """<meta name="twitter:title" content="Card title">
        <meta name="twitter:description" content="Card text">
        <meta name="twitter:creator" content="@handle">"""
    )
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert md.title is not None and md.title.kind is SourceKind.TWITTER
    assert md.summary is not None and md.summary.value == "Card text"
    assert md.authors is None


def test_metadata_meta_name_variants_give_author_date_keywords() -> None:
    root = _doc(
        """<meta name="byl" content="By Pia Lund and Ole Vik">
        <meta name="parsely-pub-date" content="2022-06-01">
        <meta name="news_keywords" content="energy; wind, Energy">
        <meta name="keywords" content="ignored, because, news_keywords, won">
        <meta name="description" content="What happened.">
        <meta http-equiv="content-language" content="nb-NO">"""
    )
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert md.authors is not None
    assert [p.name for p in md.authors.value] == ["Pia Lund", "Ole Vik"]
    assert md.published is not None and md.published.value.value == dt.date(2022, 6, 1)
    assert md.topics is not None and md.topics.value == ("energy", "wind")
    assert md.summary is not None and md.summary.value == "What happened."
    assert md.language is not None and md.language.value == "nb"


def test_metadata_html_lang_wins_over_og_locale() -> None:
    root = _doc('<meta property="og:locale" content="en_GB">', lang="FR-ca")
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert md.language is not None and md.language.value == "fr"
    assert md.language.detail == "html[lang]"


def test_metadata_relative_canonical_is_made_absolute() -> None:
    root = _doc(
        """<link rel="canonical" href="/world/story-42">
        <link rel="shortlink" href="?p=42">
        <meta property="og:url" content="https://other.test/ignored">"""
    )
    md = extract_metadata(root, url="https://news.test/world/story-42?utm=x", options=OPTIONS)
    assert md.canonical_url is not None
    assert md.canonical_url.value == "https://news.test/world/story-42"
    assert (
        md.short_url is not None and md.short_url.value == "https://news.test/world/story-42?p=42"
    )
    assert md.url is not None and md.url.kind is SourceKind.CALLER


def test_metadata_relative_canonical_without_base_is_dropped() -> None:
    root = _doc(
        '<link rel="canonical" href="/x"><meta property="og:url" content="https://a.test/x">'
    )
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert md.canonical_url is not None and md.canonical_url.value == "https://a.test/x"
    assert md.url == md.canonical_url


def test_metadata_dom_h1_time_and_byline() -> None:
    body = """<nav><h1>Portal</h1></nav>
      <article><h1> Bridge  works &amp; delays </h1>
        <p class="byline">By Karl Ek</p>
        <time datetime="2021-02-03T04:05:06+00:00">3 Feb</time>
        <p>Text.</p>
      </article>
      <div class="comments"><span class="author">Troll Person</span></div>"""
    md = extract_metadata(_doc("", body), url=None, options=OPTIONS)
    assert md.title is not None and md.title.value == "Bridge works & delays"
    assert md.title.kind is SourceKind.DOM
    assert md.authors is not None and [p.name for p in md.authors.value] == ["Karl Ek"]
    assert md.published is not None and md.published.kind is SourceKind.DOM


def test_metadata_microdata_author_and_dates() -> None:
    body = """<div itemscope itemtype="https://schema.org/NewsArticle">
        <meta itemprop="datePublished" content="2020-05-06">
        <span itemprop="author" itemscope><span itemprop="name">Ida Berg</span></span>
        <span itemprop="dateModified" content="2020-05-07">7 May</span>
      </div>"""
    md = extract_metadata(_doc("", body), url=None, options=OPTIONS)
    assert md.authors is not None and [p.name for p in md.authors.value] == ["Ida Berg"]
    assert md.published is not None and md.published.value.value == dt.date(2020, 5, 6)
    assert md.modified is not None and md.modified.value.value == dt.date(2020, 5, 7)


def test_metadata_input_tree_is_not_modified() -> None:
    root = _doc(
        '<title>T | Site</title><script type="application/ld+json">{"@type":"Article"}</script>',
        "<h1>T</h1>",
    )
    before = html.tostring(root)
    extract_metadata(root, url="https://site.test/", options=OPTIONS)
    assert html.tostring(root) == before


def test_metadata_empty_document_gives_empty_metadata() -> None:
    md = extract_metadata(_doc(""), url=None, options=OPTIONS)
    assert md.title is None and md.authors is None and md.published is None
    assert md.warnings == ()


def test_metadata_space_separated_properties_and_dc_colon_form() -> None:
    root = _doc(
        """<meta property="og:description twitter:description" content="Shared text">
        <meta property="dc:creator" content="Una Vale">"""
    )
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert md.summary is not None and md.summary.detail == "og:description"
    assert [c.kind for c in md.candidates["summary"]] == [SourceKind.OPENGRAPH, SourceKind.TWITTER]
    assert md.authors is not None and md.authors.detail == "meta[name=dc.creator]"


def test_metadata_language_tags_are_validated_and_reduced() -> None:
    root = _doc(
        """<meta http-equiv="content-language" content="utf-8">
        <meta name="dc.language" content="pt_BR.UTF-8">"""
    )
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert md.language is not None and md.language.value == "pt"
    assert [c.value for c in md.candidates["language"]] == ["pt"]


def test_metadata_keywords_drop_machine_ids_and_split_cjk_lists() -> None:
    root = _doc(
        """<meta name="keywords"
              content="8ae9ab2d-fe1b-4230-acb8-a59b52877682, paper.example.com, Harbour">
        <meta name="news_keywords" content="月面 探査">"""
    )
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert md.topics is not None and md.topics.value == ("月面", "探査")
    assert [c.value for c in md.candidates["topics"]] == [("月面", "探査"), ("Harbour",)]


def test_metadata_dublin_core_creator_outranks_plain_author() -> None:
    head = """<meta name="author" content="Site Admin Default">
        <meta name="DC.creator" content="Jana Weber">"""
    md = extract_metadata(_doc(head), url=None, options=OPTIONS)
    assert md.authors is not None and [p.name for p in md.authors.value] == ["Jana Weber"]


def test_metadata_author_naming_the_site_is_an_organisation() -> None:
    head = """<meta name="author" content="Harbour Courier">
        <meta property="og:site_name" content="Harbour Courier (www.harbour.example)">"""
    md = extract_metadata(_doc(head), url=None, options=OPTIONS)
    assert md.organizations is not None and md.organizations.value == ("Harbour Courier",)
    # no person is named: the organisation credited as author is the author
    assert md.authors is not None and [p.name for p in md.authors.value] == ["Harbour Courier"]


def test_metadata_og_prefixed_article_author_is_read() -> None:
    head = '<meta property="og:article:author" content="Ilse Marquardt">'
    md = extract_metadata(_doc(head), url=None, options=OPTIONS)
    assert md.authors is not None and [p.name for p in md.authors.value] == ["Ilse Marquardt"]
    assert md.authors.detail == "og:article:author"


def test_metadata_author_class_single_words_are_not_names() -> None:
    body = """<div><a class="author-share">Twitter</a></div>
        <div><p class="byline">By Lena Martens</p></div>"""
    md = extract_metadata(_doc("", body), url=None, options=OPTIONS)
    assert md.authors is not None and [p.name for p in md.authors.value] == ["Lena Martens"]


def test_metadata_head_dublin_core_keys_use_dots() -> None:
    root = _doc(
        """<meta property="dc:title dcterms:created" content="Ein Titel">
        <meta name="DC:Creator" content="Ana Roe"><meta name="dcx:thing" content="x">
        <meta name="og:dc:title" content="y">"""
    )
    keys = [tag.key for tag in collect_meta(root)]
    assert keys == ["dc.title", "dcterms.created", "dc.creator", "dcx:thing", "og:dc:title"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Tor\u00a0und\u2028Hafen\t ", "Tor und Hafen"),
        ("zero\u200bwidth\ufeffmarks", "zero width marks"),
        ("\u200b", None),
        ("Cafe\u0301 &amp; Bar", "Café & Bar"),
        ("Ω\u3000中文  文本", "Ω 中文 文本"),
        (" \n ", None),
    ],
    ids=["nbsp-separator", "zero-width", "only-zero-width", "nfc-entity", "ideographic", "blank"],
)
def test_metadata_head_clean_text_collapses_every_kind_of_space(
    raw: str, expected: str | None
) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Zeit – Nachrichten", "diezeitnachrichten"),
        ("ＬＥ　ＭＯＮＤＥ", "lemonde"),  # full-width forms fold by NFKC
        ("El País | España", "elpaísespaña"),
        ("Straße", "strasse"),
    ],
    ids=["de", "fullwidth", "es", "casefold"],
)
def test_metadata_text_fold_short_and_long_alike(text: str, expected: str) -> None:
    assert fold(text) == expected
    assert fold(text * 100) == expected * 100


@pytest.mark.parametrize("extra", ["", "é"], ids=["ascii", "non-ascii"])
def test_metadata_text_fold_keeps_letters_and_digits_only(extra: str) -> None:
    # ASCII text is folded by a translation table, other text by a pattern: the same
    ascii = "".join(chr(code) for code in range(128))
    assert fold(ascii + extra) == string.digits + string.ascii_lowercase * 2 + extra
    assert fold(f"Ab_1-{extra}!C d") == f"ab1{extra}cd"


# -- one walk for the elements the extractors select by tag -------------------------

MARKED_PAGE = """<html lang="fr"><head><title>Le titre du site</title>
<meta name="description" content="Une description."><meta name="vide" content="">
<meta charset="utf-8"><meta itemprop="datePublished" content="2024-02-01">
<link rel="canonical" href="https://exemple.test/a"><link href="/sans-rel.css">
<script type="APPLICATION/LD+JSON">{"@type": "NewsArticle"}</script>
<script type="text/javascript">var a = 1;</script></head>
<body><svg><title>Icône</title></svg><h1>Überschrift</h1>
<p><a rel="author" href="/autorin">Erika Muster</a> <a href="/x">lien</a>
<time datetime="2024-02-01T10:00">1. Februar</time>
<time datetime="2024-02-02" itemprop="dateModified">2. Februar</time><time>heute</time></p>
<title>Título en el cuerpo</title><article><h1>Segundo título</h1></article>
<script type="application/ld+json; charset=utf-8">{"@type": "Person"}</script>
</body></html>"""


MARKED_XPATHS = {
    "meta": "/descendant::meta[@content]",
    "links": "/descendant::link[@href and @rel]",
    "microdata_meta": "/descendant::meta[@itemprop and @content]",
    "title": "(/descendant::head/title"
    " | /descendant::title[not(ancestor::svg) and not(ancestor::body)])[1]",
    "ldjson": "/descendant::script[contains(translate(@type, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',"
    " 'abcdefghijklmnopqrstuvwxyz'), 'ld+json')]",
    "h1s": "//h1",
    "times": "/descendant::time[@datetime][not(@itemprop)]",
    "rel_links": "/descendant::a[@rel]",
}
"""What each list of ``collect_marked`` is specified as: the XPaths the metadata
extractors used before it found them all in one walk."""


@pytest.mark.parametrize(
    "page",
    [MARKED_PAGE, "<html><body><p>Nur Text, nichts weiter.</p></body></html>", "<p>sans html</p>"],
    ids=["mixed", "bare", "fragment"],
)
def test_metadata_marked_elements_are_what_each_xpath_selects(page: str) -> None:
    from articlekit.metadata._head import collect_marked  # noqa: PLC0415

    root = html.document_fromstring(page)
    marked = collect_marked(root)
    for name, xpath in MARKED_XPATHS.items():
        assert list(getattr(marked, name)) == list(etree.XPath(xpath)(root)), name
    body = root.find("body")
    if body is not None and len(body):  # from any element of the document: the same
        assert collect_marked(body[0]) == marked


def test_metadata_marked_elements_of_a_mixed_page() -> None:
    from articlekit.metadata._head import collect_marked  # noqa: PLC0415

    marked = collect_marked(html.document_fromstring(MARKED_PAGE))
    assert [e.get("name") or e.get("itemprop") for e in marked.meta] == [
        "description", "vide", "datePublished",
    ]  # fmt: skip
    assert [e.text for e in marked.title] == ["Le titre du site"]  # not the svg's, not the body's
    assert len(marked.ldjson) == 2  # any case, with parameters
    assert [e.text for e in marked.h1s] == ["Überschrift", "Segundo título"]
    assert [e.text for e in marked.times] == ["1. Februar"]
    assert [e.text for e in marked.rel_links] == ["Erika Muster"]
    assert len(marked.links) == 1 and len(marked.microdata_meta) == 1


def test_metadata_marked_title_outside_head_when_head_has_none() -> None:
    from articlekit.metadata._head import collect_marked  # noqa: PLC0415

    root = html.document_fromstring("<html><body><p>x</p></body></html>")
    extra = html.Element("title")
    extra.text = "Titre hors de l'en-tête"
    root.append(extra)  # (a test-only tree: a <title> after the body)
    title = etree.XPath(MARKED_XPATHS["title"])
    assert list(collect_marked(root).title) == list(title(root)) == [extra]


_HOST_CHARS = string.ascii_letters + string.digits + "-._~%!$&'()*+,=:@"
_PATH_CHARS = _HOST_CHARS + "/é"
_INSERTED_CHARS = "?#;[]\\ \t\x01/é"
"""Put in anywhere: characters the pattern refuses, and a slash or a non-ASCII letter,
which it takes in a path but not in a host."""
_BASES = (
    None,
    "",
    "https://news.example.org/section/story.html?page=2#top",
    "http://example.com",
    "ftp://files.example.net/dir/",
    "https://[bad-ipv6.example/",  # urljoin rejects it
)


def _resolved(raw: str, base: str | None) -> str | None:
    """``absolute_url``'s result by resolution alone (what the fast path skips)."""
    return resolve_url(_cleaned(raw), base)


def _cleaned(raw: str) -> str:
    """What ``absolute_url`` resolves or keeps: the clean text, spaces escaped."""
    return (clean_text(raw) or "").replace(" ", "%20")


@given(
    scheme=st.sampled_from(["http://", "https://", "HTTP://", "http:/", "http:///"]),
    host=st.text(alphabet=_HOST_CHARS, max_size=20),
    path=st.text(alphabet=_PATH_CHARS, max_size=20),
    inserted=st.text(alphabet=_INSERTED_CHARS, max_size=2),
    at=st.integers(min_value=0, max_value=60),
)
@settings(max_examples=400)
def test_metadata_absolute_url_fast_path_is_what_resolution_gives(
    scheme: str, host: str, path: str, inserted: str, at: int
) -> None:
    """Every URL the fast path keeps is what resolving it gives, whatever the base
    (a malformed one included), and every other URL is resolved."""
    raw = scheme + host + ("/" + path if path else "")
    raw = raw[:at] + inserted + raw[at:]
    value = _cleaned(raw)  # ("&amp" in a path is unescaped first)
    kept = PLAIN_ABSOLUTE_URL.fullmatch(value) is not None
    for base in _BASES:
        assert absolute_url(raw, base) == _resolved(raw, base), base
        if kept:
            assert _resolved(raw, base) == value, base


@pytest.mark.parametrize(
    ("value", "plain"),
    [
        ("https://example.org/a/b.jpg", True),
        ("http://example.org", True),
        ("https://example.org:8080/x/../y", True),
        ("https://example.org/a?", False),  # urljoin drops the empty query
        ("https://example.org/a#", False),
        ("https://example.org/a;", False),
        ("HTTPS://example.org/a", False),  # urlsplit lower-cases the scheme
        ("https:///a", False),  # no host: resolved against the base
        ("https://[::1/a", False),  # urlsplit rejects it
        ("https://exämple.org/a", False),  # urlsplit checks a non-ASCII host
        ("//example.org/a", False),
        ("/a/b", False),
    ],
)
def test_metadata_absolute_url_fast_path_takes_only_urls_kept_as_they_are(
    value: str, plain: bool
) -> None:
    assert (PLAIN_ABSOLUTE_URL.fullmatch(value) is not None) is plain
    base = "https://example.org/base/page"
    assert absolute_url(value, base) == _resolved(value, base)
