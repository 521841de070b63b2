"""Behaviour of the JSON-LD part of the metadata stage (snippets written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest
from lxml import html

from articlekit.metadata import extract_metadata
from articlekit.metadata.jsonld import MAX_SCRIPT_CHARS, extract_jsonld, parse_jsonld_text
from articlekit.model.provenance import SourceKind
from articlekit.options import ParseOptions

OPTIONS = ParseOptions()


def _doc(*scripts: str, body: str = "") -> html.HtmlElement:
    blocks = "".join(f'<script type="application/ld+json">{s}</script>' for s in scripts)
    return html.document_fromstring(f"<html><head>{blocks}</head><body>{body}</body></html>")


def test_metadata_jsonld_graph_picks_article_and_resolves_author_reference() -> None:
    root = _doc(
        """{"@context": "https://schema.org", "@graph": [
            {"@type": "WebSite", "@id": "https://ex.test/#site", "name": "Example Gazette"},
            {"@type": "WebPage", "@id": "https://ex.test/a", "name": "Page name"},
            {"@type": "NewsArticle", "headline": "Rivers rise after storm",
             "author": {"@id": "https://ex.test/#p1"},
             "datePublished": "2024-03-05T08:30:00+01:00"},
            {"@type": "Person", "@id": "https://ex.test/#p1", "name": "Ana Ortiz",
             "jobTitle": "Science reporter", "url": "https://ex.test/ana"}
        ]}"""
    )
    md = extract_metadata(root, url="https://ex.test/a", options=OPTIONS)
    assert md.title is not None and md.title.value == "Rivers rise after storm"
    assert md.title.kind is SourceKind.JSONLD
    assert md.authors is not None
    (author,) = md.authors.value
    assert author.name == "Ana Ortiz"
    assert author.role == "Science reporter"
    assert author.url == "https://ex.test/ana"
    assert md.published is not None
    assert md.published.value.value == dt.datetime(
        2024, 3, 5, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))
    )


def test_metadata_jsonld_top_level_list_and_type_list() -> None:
    root = _doc(
        """[{"@type": "BreadcrumbList", "itemListElement": []},
            {"@type": ["Article", "Thing"], "headline": "Listed headline",
             "keywords": "alpha, beta ,alpha,, "}]"""
    )
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert md.title is not None and md.title.value == "Listed headline"
    assert md.topics is not None and md.topics.value == ("alpha", "beta")


def test_metadata_jsonld_repairs_trailing_commas_wrappers_and_semicolon() -> None:
    text = """<!--//<![CDATA[
      {"@type": "BlogPosting", "headline": "Fixed up", "keywords": ["a", "b",],};
    //]]>-->"""
    values, warnings = parse_jsonld_text(text)
    assert warnings == ()
    assert values == ({"@type": "BlogPosting", "headline": "Fixed up", "keywords": ["a", "b"]},)


@pytest.mark.parametrize(
    "closer", ["-->", "// ]]>", "/* ]]> */", "]]>", ";", "; \n\t", "\u2003-->\u2003"]
)
def test_metadata_jsonld_every_closer_is_removed(closer: str) -> None:
    values, warnings = parse_jsonld_text('{"headline": "a/b-c]d"}' + closer)
    assert warnings == ()
    assert values == ({"headline": "a/b-c]d"},)


def test_metadata_jsonld_control_characters_inside_strings_are_tolerated() -> None:
    values, warnings = parse_jsonld_text('{"headline": "Line one\nline\ttwo"}')
    assert warnings == ()
    assert values == ({"headline": "Line one\nline\ttwo"},)


def test_metadata_jsonld_several_concatenated_objects_are_all_read() -> None:
    values, _ = parse_jsonld_text('{"@type": "Organization"} {"@type": "NewsArticle"}')
    assert [v["@type"] for v in values] == ["Organization", "NewsArticle"]


def test_metadata_jsonld_unreadable_json_becomes_warning_not_exception() -> None:
    root = _doc('{"@type": "NewsArticle", "headline": "Broken', body="<h1>Heading in page</h1>")
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert any(code == "metadata.jsonld_malformed" for code, _ in md.warnings)
    assert md.title is not None and md.title.value == "Heading in page"


def test_metadata_jsonld_oversized_script_is_skipped_with_warning() -> None:
    big = '{"@type": "NewsArticle", "headline": "Huge", "pad": "' + "x" * MAX_SCRIPT_CHARS + '"}'
    findings = extract_jsonld(_doc(big), url=None)
    assert findings.title == ()
    assert [code for code, _ in findings.warnings] == ["metadata.jsonld_too_large"]


def test_metadata_jsonld_pathological_nesting_becomes_warning() -> None:
    depth = 100_000
    deep = '{"@type": "NewsArticle", "headline": "Deep", "x": ' + "[" * depth + "]" * depth + "}"
    md = extract_metadata(_doc(deep), url=None, options=OPTIONS)
    assert any(code == "metadata.jsonld_malformed" for code, _ in md.warnings)


def test_metadata_jsonld_walk_stops_at_depth_limit_but_keeps_article() -> None:
    nested = '{"@type": "NewsArticle", "headline": "Deep", "x": ' + "[" * 60 + "]" * 60 + "}"
    md = extract_metadata(_doc(nested), url=None, options=OPTIONS)
    assert md.title is not None and md.title.value == "Deep"
    assert any(code == "metadata.jsonld_too_deep" for code, _ in md.warnings)


def test_metadata_jsonld_main_entity_nested_article_is_found() -> None:
    root = _doc(
        """{"@type": "WebPage", "name": "Wrapper page",
            "mainEntity": {"@type": "ReportageNewsArticle", "headline": "Inner story",
                           "inLanguage": "pt-BR", "isAccessibleForFree": "False"}}"""
    )
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert md.title is not None and md.title.value == "Inner story"
    assert md.language is not None and md.language.value == "pt"
    assert md.paywalled is not None and md.paywalled.value is True


def test_metadata_jsonld_webpage_is_fallback_when_no_article() -> None:
    root = _doc('{"@type": "WebPage", "name": "Only a page", "description": "About it"}')
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert md.title is not None and md.title.value == "Only a page"
    assert md.summary is not None and md.summary.value == "About it"


def test_metadata_jsonld_persons_and_organisations_are_kept_apart() -> None:
    root = _doc(
        """{"@type": "NewsArticle", "headline": "Joint report",
            "author": [{"@type": "Person", "name": "Lena Kraus"},
                       {"@type": "Organization", "name": "Wire Service"},
                       "Tom Berg"],
            "publisher": {"@type": "Organization", "name": "Daily Example"}}"""
    )
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert md.authors is not None
    assert [p.name for p in md.authors.value] == ["Lena Kraus", "Tom Berg"]
    assert md.organizations is not None and md.organizations.value == ("Wire Service",)
    assert md.site_name is not None and md.site_name.value == "Daily Example"


def test_metadata_jsonld_entities_and_markup_in_values_are_cleaned() -> None:
    root = _doc(
        """{"@type": "Article", "headline": "Caf&eacute;  &amp; bar\\n opening",
            "description": "<p>Short <b>text</b></p>",
            "image": {"@type": "ImageObject", "url": "/img/lead.jpg"}}"""
    )
    md = extract_metadata(root, url="https://ex.test/news/x", options=OPTIONS)
    assert md.title is not None and md.title.value == "Café & bar opening"
    assert md.summary is not None and md.summary.value == "Short text"
    assert md.lead_image is not None and md.lead_image.value == "https://ex.test/img/lead.jpg"


def test_metadata_jsonld_prefers_article_matching_page_url() -> None:
    root = _doc(
        """[{"@type": "NewsArticle", "headline": "Related teaser", "url": "https://ex.test/other"},
            {"@type": "NewsArticle", "headline": "This page", "url": "https://ex.test/this/"}]"""
    )
    md = extract_metadata(root, url="http://www.ex.test/this", options=OPTIONS)
    assert md.title is not None and md.title.value == "This page"


def test_metadata_jsonld_js_comments_and_single_quoted_values_are_repaired() -> None:
    text = """{
        "@type": "NewsArticle",
        // "author": "commented out",
        "height": "100", // trailing note
        "description": 'A &quot;quoted&quot; teaser'
    }"""
    values, warnings = parse_jsonld_text(text)
    assert warnings == ()
    assert values == (
        {"@type": "NewsArticle", "height": "100", "description": "A &quot;quoted&quot; teaser"},
    )


def test_metadata_jsonld_person_name_with_affiliation_keeps_the_name() -> None:
    root = _doc(
        """{"@type": "NewsArticle", "headline": "Opinion",
            "author": {"@type": "Person", "url": "https://example.org/a/1",
                       "name": "Ona Petraitė, Vilniaus universiteto teisės fakulteto docentė"}}"""
    )
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert md.authors is not None
    assert [p.name for p in md.authors.value] == ["Ona Petraitė"]
    assert md.authors.value[0].url == "https://example.org/a/1"
