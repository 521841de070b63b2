"""Behaviour of metadata fusion: title reconciliation, authors, dates and precedence."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from lxml import html

from articlekit.metadata import extract_metadata
from articlekit.metadata.dates import parse_date, url_date
from articlekit.model.provenance import SourceKind
from articlekit.options import ParseOptions

OPTIONS = ParseOptions()


def _doc(head: str = "", body: str = "", ld: object | None = None) -> html.HtmlElement:
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld else ""
    return html.document_fromstring(f"<html><head>{head}{script}</head><body>{body}</body></html>")


def _title(root: html.HtmlElement, url: str | None = None) -> str | None:
    md = extract_metadata(root, url=url, options=OPTIONS)
    return md.title.value if md.title else None


def test_merge_title_strips_known_site_name_suffix() -> None:
    head = """<title>Orchard harvest doubles | Valley Herald</title>
        <meta property="og:site_name" content="Valley Herald">"""
    assert _title(_doc(head)) == "Orchard harvest doubles"


def test_merge_title_strips_site_name_prefix() -> None:
    head = """<meta property="og:title" content="Valley Herald: Orchard harvest doubles">
        <meta property="og:site_name" content="Valley Herald">"""
    assert _title(_doc(head)) == "Orchard harvest doubles"


def test_merge_title_strips_suffix_matching_host() -> None:
    root = _doc("<title>Orchard harvest doubles - ValleyHerald.com</title>")
    assert _title(root, "https://www.valleyherald.com/a/1") == "Orchard harvest doubles"


def test_merge_title_reduced_by_comparing_candidates() -> None:
    head = "<title>Orchard harvest doubles — Fruit news and more</title>"
    root = _doc(head, "<article><h1>Orchard harvest doubles</h1></article>")
    assert _title(root) == "Orchard harvest doubles"


@pytest.mark.parametrize(
    ("declared", "headline"),
    [
        ("Orchard harvest doubles * Valley Herald * by Ann Lee", "Orchard harvest doubles"),
        ("Récolte record au verger * Le Courrier * par Ann Lee", "Récolte record au verger"),
        ("Rekordernte im Obstgarten * Talbote * von Ann Lee", "Rekordernte im Obstgarten"),
    ],
)
def test_merge_title_asterisk_separated_suffix_is_cut(declared: str, headline: str) -> None:
    head = f'<meta property="og:title" content="{declared}">'
    root = _doc(head, f"<article><h1>{headline}</h1></article>")
    assert _title(root) == headline


def test_merge_lone_title_loses_short_trailing_segment() -> None:
    root = _doc("<title>Mayor opens the new city library - Town Times</title>")
    assert _title(root) == "Mayor opens the new city library"


@pytest.mark.parametrize(
    ("title", "h1", "headline"),
    [
        (
            "Mayor opens the new city library | Notes | Jane Roe",
            "Hello, I'm Jane.",
            "Mayor opens the new city library | Notes",
        ),
        (
            "Le maire inaugure la nouvelle bibliothèque - Carnet",
            "Bienvenue !",
            "Le maire inaugure la nouvelle bibliothèque",
        ),
        (
            "Bürgermeister eröffnet die neue Stadtbibliothek | Blog",
            "Willkommen",
            "Bürgermeister eröffnet die neue Stadtbibliothek",
        ),
    ],
)
def test_merge_title_with_unrelated_h1_is_cut_like_a_lone_title(
    title: str, h1: str, headline: str
) -> None:
    assert _title(_doc(f"<title>{title}</title>", f"<h1>{h1}</h1>")) == headline


def test_merge_lone_short_title_with_dash_is_kept() -> None:
    root = _doc("<title>Brexit - what now</title>")
    assert _title(root) == "Brexit - what now"


def test_merge_truncated_jsonld_headline_loses_to_longer_og_title() -> None:
    ld = {"@type": "NewsArticle", "headline": "Council approves budget after…"}
    head = '<meta property="og:title" content="Council approves budget after long night">'
    root = _doc(head, ld=ld)
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert md.title is not None
    assert md.title.value == "Council approves budget after long night"
    assert md.title.kind is SourceKind.OPENGRAPH


def test_merge_cut_jsonld_headline_without_ellipsis_loses_to_h1() -> None:
    long = "A very long headline about the regional water authority and its new pricing pol"
    ld = {"@type": "NewsArticle", "headline": long}
    root = _doc(ld=ld, body=f"<h1>{long}icy for households</h1>")
    assert _title(root) == long + "icy for households"


def test_merge_h1_preferred_when_it_agrees_with_another_candidate() -> None:
    head = """<meta name="twitter:title" content="Share-friendly teaser line">
        <title>Storm Hits  the Coast | Shore News</title>"""
    root = _doc(head, "<main><h1>Storm hits the coast</h1></main>")
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert md.title is not None and md.title.value == "Storm hits the coast"
    assert md.title.kind is SourceKind.DOM
    assert md.candidates["title"][0].value == "Share-friendly teaser line"


def test_merge_opengraph_title_stands_against_h1_copied_into_title() -> None:
    head = """<meta property="og:title" content="Share-friendly teaser line">
        <title>Storm Hits  the Coast | Shore News</title>"""
    root = _doc(head, "<main><h1>Storm hits the coast</h1></main>")
    assert _title(root) == "Share-friendly teaser line"


def test_merge_unrelated_h1_loses_to_the_document_title() -> None:
    root = _doc("<title>Harbour festival returns</title>", "<article><h1>Lorem</h1></article>")
    assert _title(root) == "Harbour festival returns"


def test_merge_related_h1_stands_against_the_document_title() -> None:
    root = _doc(
        "<title>Harbour festival returns | Coast Post</title>",
        "<article><h1>The harbour festival returns this summer</h1></article>",
    )
    assert _title(root) == "The harbour festival returns this summer"


def test_merge_title_kicker_dropped_when_opengraph_confirms_it() -> None:
    ld = {"@type": "NewsArticle", "headline": "After the vote: Mayor resigns"}
    root = _doc('<meta property="og:title" content="Mayor resigns">', ld=ld)
    assert _title(root) == "Mayor resigns"


def test_merge_dublin_core_title_outranks_opengraph() -> None:
    head = """<meta name="DC.title" content="Declared resource title">
        <meta property="og:title" content="Social teaser">"""
    assert _title(_doc(head)) == "Declared resource title"


def test_merge_site_name_inside_a_headline_phrase_is_not_stripped() -> None:
    head = '<meta property="og:title" content="Kate Moss on the VOGUE cover: a new era">'
    root = _doc(head)
    assert (
        _title(root, "https://www.vogue.example/a/1") == "Kate Moss on the VOGUE cover: a new era"
    )


def test_merge_headline_put_into_site_name_is_not_a_site_name() -> None:
    head = """<meta property="og:title" content="Phone game will launch in early December">
        <meta property="og:site_name" content="Phone game will launch in early December">"""
    root = _doc(head, "<h1>back to home news</h1>")
    assert _title(root) == "Phone game will launch in early December"


def test_merge_jsonld_headline_stands_against_agreeing_h1() -> None:
    ld = {"@type": "NewsArticle", "headline": "Editorial headline of the story"}
    head = '<meta property="og:title" content="Storm hits the coast">'
    root = _doc(head, "<main><h1>Storm hits the coast</h1></main>", ld=ld)
    assert _title(root) == "Editorial headline of the story"


def test_merge_title_kicker_prefix_is_kept() -> None:
    ld = {"@type": "NewsArticle", "headline": "After the vote: Mayor resigns"}
    root = _doc(
        "<title>After the vote: Mayor resigns - City Paper</title>",
        "<article><h1>Mayor resigns</h1></article>",
        ld=ld,
    )
    assert _title(root) == "After the vote: Mayor resigns"


def test_merge_title_equal_to_site_name_is_not_a_headline() -> None:
    head = """<meta property="og:title" content="Shore News">
        <meta property="og:site_name" content="Shore News">"""
    root = _doc(head, "<h1>Tide tables updated</h1>")
    assert _title(root) == "Tide tables updated"


def test_merge_authors_precedence_and_organisations_separated() -> None:
    ld = {"@type": "NewsArticle", "author": [{"name": "EVA  STRÖM"}, {"name": "News Agency"}]}
    head = '<meta name="author" content="Someone Else">'
    md = extract_metadata(_doc(head, ld=ld), url=None, options=OPTIONS)
    assert md.authors is not None and md.authors.kind is SourceKind.JSONLD
    assert [p.name for p in md.authors.value] == ["Eva Ström"]
    assert md.organizations is not None and md.organizations.value == ("News Agency",)
    assert len(md.candidates["authors"]) == 2


def test_merge_authors_deduplicated_case_insensitively() -> None:
    head = '<meta name="author" content="Jo Park, jo park, Li Wu">'
    md = extract_metadata(_doc(head), url=None, options=OPTIONS)
    assert md.authors is not None
    assert [p.name for p in md.authors.value] == ["Jo Park", "Li Wu"]


def test_merge_published_precedence_jsonld_over_meta_over_url() -> None:
    ld = {"@type": "NewsArticle", "datePublished": "2024-01-29T10:00:00+00:00"}
    head = '<meta name="pubdate" content="2024-01-28">'
    md = extract_metadata(_doc(head, ld=ld), url="https://x.test/2024/01/27/s", options=OPTIONS)
    assert md.published is not None and md.published.kind is SourceKind.JSONLD
    kinds = [c.kind for c in md.candidates["published"]]
    assert kinds == [SourceKind.JSONLD, SourceKind.META, SourceKind.URL]


def test_merge_url_date_is_the_weak_fallback() -> None:
    md = extract_metadata(_doc(), url="https://x.test/news/20240130/story", options=OPTIONS)
    assert md.published is not None
    assert md.published.kind is SourceKind.URL
    assert md.published.value.value == dt.date(2024, 1, 30)


def test_merge_modified_equal_to_published_is_dropped() -> None:
    ld = {
        "@type": "NewsArticle",
        "datePublished": "2024-01-29T10:00:00+01:00",
        "dateModified": "2024-01-29T09:00:00Z",
    }
    md = extract_metadata(_doc(ld=ld), url=None, options=OPTIONS)
    assert md.published is not None and md.modified is None


def test_merge_modified_kept_when_different() -> None:
    ld = {
        "@type": "NewsArticle",
        "datePublished": "2024-01-29T10:00:00+01:00",
        "dateModified": "2024-01-30T09:00:00+01:00",
    }
    md = extract_metadata(_doc(ld=ld), url=None, options=OPTIONS)
    assert md.modified is not None


def test_merge_date_only_upgraded_by_same_day_time() -> None:
    ld = {"@type": "NewsArticle", "datePublished": "2024-01-29"}
    head = '<meta property="article:published_time" content="2024-01-29T06:45:00+02:00">'
    md = extract_metadata(_doc(head, ld=ld), url=None, options=OPTIONS)
    assert md.published is not None
    assert isinstance(md.published.value.value, dt.datetime)


def test_merge_default_timezone_makes_naive_time_aware_and_flags_it() -> None:
    ld = {"@type": "NewsArticle", "datePublished": "2024-07-01 12:00"}
    options = ParseOptions(default_timezone="Europe/Berlin")
    md = extract_metadata(_doc(ld=ld), url=None, options=options)
    assert md.published is not None
    value = md.published.value
    assert value.assumed_timezone is True
    assert isinstance(value.value, dt.datetime)
    assert value.value.utcoffset() == dt.timedelta(hours=2)


def test_merge_unknown_default_timezone_is_a_warning() -> None:
    ld = {"@type": "NewsArticle", "datePublished": "2024-07-01 12:00"}
    options = ParseOptions(default_timezone="Mars/Olympus")
    md = extract_metadata(_doc(ld=ld), url=None, options=options)
    assert md.published is not None and md.published.value.value == dt.datetime(2024, 7, 1, 12)
    assert "metadata.bad_timezone" in {code for code, _ in md.warnings}


def test_merge_unparseable_date_is_a_warning() -> None:
    md = extract_metadata(_doc('<meta name="date" content="soon">'), url=None, options=OPTIONS)
    assert md.published is None
    assert [code for code, _ in md.warnings] == ["metadata.date_unparseable"]


def test_dates_offset_gives_aware_datetime() -> None:
    value = parse_date("2024-01-30T10:00:00+05:30")
    assert value is not None and isinstance(value.value, dt.datetime)
    assert value.value.utcoffset() == dt.timedelta(hours=5, minutes=30)
    assert value.assumed_timezone is False


def test_dates_no_offset_gives_naive_datetime() -> None:
    value = parse_date("2024-01-30T10:00:00")
    assert value is not None and value.value == dt.datetime(2024, 1, 30, 10)


def test_dates_bare_date_stays_date() -> None:
    value = parse_date("2024-01-30")
    assert value is not None and type(value.value) is dt.date


def test_dates_rfc2822_and_zone_abbreviation() -> None:
    value = parse_date("Tue, 30 Jan 2024 10:00:00 GMT")
    assert value is not None and value.value == dt.datetime(2024, 1, 30, 10, tzinfo=dt.UTC)
    cest = parse_date("Mon, 03 Jun 2024 10:00:00 CEST")
    assert cest is not None and isinstance(cest.value, dt.datetime)
    assert cest.value.utcoffset() == dt.timedelta(hours=2)


def test_dates_rfc2822_with_a_year_too_large_is_no_date() -> None:
    # the email parser overflows on it; the metadata stage had let that escape
    assert parse_date("Tue, 30 Jan 99999999999999999999 10:00:00 GMT") is None


def test_dates_implausible_values_are_rejected() -> None:
    assert parse_date("0001-01-01T00:00:00Z") is None
    assert parse_date("next tuesday") is None
    future = parse_date("2030-01-01", reference_time=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    assert future is None


def test_dates_url_patterns() -> None:
    assert url_date("https://a.test/2019/12/31/x.html") is not None
    assert url_date("https://a.test/2019/13/31/x.html") is None
    assert url_date("https://a.test/item/2019-12-31-title") is not None
    assert url_date("https://a.test/id/123456789") is None
    assert url_date("https://a.test/2023/10/3-questions-for-the-team/") is None


def test_merge_ispartof_webpage_name_is_not_a_site_name() -> None:
    ld = {
        "@type": "NewsArticle",
        "headline": "Ferry timetable changes",
        "isPartOf": {"@type": "WebPage", "name": "Ferry timetable changes"},
    }
    md = extract_metadata(_doc(ld=ld), url=None, options=OPTIONS)
    assert md.title is not None and md.title.value == "Ferry timetable changes"
    assert md.site_name is None


def test_merge_h1_needs_agreement_from_outside_the_dom() -> None:
    head = '<meta property="og:title" content="Ferries return to the island">'
    body = """<article><span itemprop="headline">Kicker - Ferries return</span>
        <h1>Kicker - Ferries return</h1></article>"""
    assert _title(_doc(head, body)) == "Ferries return to the island"


def test_merge_dom_byline_takes_first_byline_not_teasers() -> None:
    body = """<article><h1>Main story</h1>
        <div class="byline"><a class="author">Rita Moe</a> and <a class="author">Sam Lee</a></div>
        <p>Body text.</p></article>
        <aside><ul>
          <li><span class="author">Other Writer</span></li>
          <li><span class="author">Second Writer</span></li>
        </ul></aside>"""
    md = extract_metadata(_doc(body=body), url=None, options=OPTIONS)
    assert md.authors is not None
    assert [p.name for p in md.authors.value] == ["Rita Moe", "Sam Lee"]


def test_merge_person_named_like_the_site_is_an_organisation() -> None:
    head = """<meta name="author" content="Harbor Daily">
        <meta property="og:site_name" content="Harbor Daily">"""
    body = '<article><p class="byline">By Noor Haddad</p></article>'
    md = extract_metadata(_doc(head, body), url=None, options=OPTIONS)
    assert md.authors is not None and [p.name for p in md.authors.value] == ["Noor Haddad"]
    assert md.organizations is not None and md.organizations.value == ("Harbor Daily",)


def test_merge_organisation_is_the_author_when_no_person_is_named() -> None:
    head = """<meta name="author" content="Harbor Daily">
        <meta property="og:site_name" content="Harbor Daily">"""
    md = extract_metadata(_doc(head), url=None, options=OPTIONS)
    assert md.authors is not None and [p.name for p in md.authors.value] == ["Harbor Daily"]
    assert md.authors.kind is SourceKind.META
    assert md.organizations is not None and md.organizations.value == ("Harbor Daily",)


def test_merge_organisation_authors_of_one_source_are_joined() -> None:
    ld = {
        "@type": "NewsArticle",
        "author": [
            {"@type": "Organization", "name": "Agencia Ejemplo"},
            {"@type": "Person", "name": "Redacción Costa"},
        ],
    }
    md = extract_metadata(_doc(ld=ld), url=None, options=OPTIONS)
    assert md.authors is not None and md.authors.kind is SourceKind.JSONLD
    assert {p.name for p in md.authors.value} == {"Agencia Ejemplo", "Redacción Costa"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("kuestenblatt.de", "kuestenblatt.de"),
        ("Par journal-exemple.fr", "journal-exemple.fr"),
        ("Von Redaktion Küste", "Redaktion Küste"),
    ],
)
def test_merge_organisation_rejected_as_a_name_is_kept(name: str, expected: str) -> None:
    ld = {"@type": "NewsArticle", "author": {"@type": "Person", "name": name}}
    md = extract_metadata(_doc(ld=ld), url=None, options=OPTIONS)
    assert md.authors is not None and [p.name for p in md.authors.value] == [expected]


def test_merge_h1_outside_content_ranks_below_title_element() -> None:
    root = _doc("<title>Quarterly harvest report</title>", "<header><h1>Farm Gazette</h1></header>")
    assert _title(root) == "Quarterly harvest report"


def test_merge_jsonld_name_wins_when_only_it_is_corroborated() -> None:
    ld = {"@type": "Article", "headline": "island nation in the Pacific", "name": "Tuvalu"}
    root = _doc("<title>Tuvalu - Encyclopedia</title>", "<main><h1>Tuvalu</h1></main>", ld=ld)
    assert _title(root) == "Tuvalu"


def test_merge_authority_class_is_not_an_author_byline() -> None:
    body = """<article><h1>Island</h1><div class="authority-control">Authority control</div>
        <p class="byline">By Nils Berg</p></article>"""
    md = extract_metadata(_doc(body=body), url=None, options=OPTIONS)
    assert md.authors is not None and [p.name for p in md.authors.value] == ["Nils Berg"]


def test_merge_utc_date_shown_in_the_pages_own_offset() -> None:
    head = """<meta property="article:published_time" content="2023-11-09T01:09:55Z">
        <meta name="pubdate" content="2023-11-09T02:09:55+01:00">"""
    md = extract_metadata(_doc(head), url=None, options=OPTIONS)
    assert md.published is not None
    value = md.published.value.value
    assert value == dt.datetime(2023, 11, 9, 1, 9, 55, tzinfo=dt.UTC)  # the same instant
    assert isinstance(value, dt.datetime) and value.utcoffset() == dt.timedelta(hours=1)


def test_merge_utc_date_offset_derived_from_printed_local_time() -> None:
    head = '<meta property="article:published_time" content="2023-11-09T01:09:55Z">'
    body = '<p class="post-date">November 8, 2023 6:09 p.m.</p>'
    md = extract_metadata(_doc(head, body), url=None, options=OPTIONS)
    assert md.published is not None
    value = md.published.value.value
    assert isinstance(value, dt.datetime)
    assert value.utcoffset() == dt.timedelta(hours=-7)
    assert value.date() == dt.date(2023, 11, 8)
    assert value == dt.datetime(2023, 11, 9, 1, 9, 55, tzinfo=dt.UTC)


def test_merge_utc_date_kept_when_no_local_time_matches() -> None:
    head = '<meta property="article:published_time" content="2023-11-09T01:09:55Z">'
    body = '<p class="post-date">November 8, 2023 6:13 p.m.</p>'
    md = extract_metadata(_doc(head, body), url=None, options=OPTIONS)
    assert md.published is not None
    assert md.published.value.value == dt.datetime(2023, 11, 9, 1, 9, 55, tzinfo=dt.UTC)
    value = md.published.value.value
    assert isinstance(value, dt.datetime) and value.utcoffset() == dt.timedelta(0)


def test_merge_visible_byline_naming_more_writers_completes_declared_authors() -> None:
    ld = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Siri Dahl"}}
    body = """<article><h1>Flom i dalen</h1>
        <div class="bylines"><div class="byline"><a rel="author" href="/a/1">Kari Nes</a></div>
        <div class="byline">Siri Dahl</div></div><p>Tekst.</p></article>"""
    md = extract_metadata(_doc(body=body, ld=ld), url=None, options=OPTIONS)
    assert md.authors is not None
    assert {p.name for p in md.authors.value} == {"Kari Nes", "Siri Dahl"}


def test_merge_byline_with_extra_names_from_one_element_does_not_replace_declared() -> None:
    ld = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Hugo Brandt"}}
    body = """<article><h1>Neue Brücke</h1>
        <p class="byline">Von Hugo Brandt, Stadtwerke Nordhafen</p><p>Text.</p></article>"""
    md = extract_metadata(_doc(body=body, ld=ld), url=None, options=OPTIONS)
    assert md.authors is not None
    assert [p.name for p in md.authors.value] == ["Hugo Brandt"]


@pytest.mark.parametrize(
    ("sidebar", "byline", "expected"),
    [
        ("Follow Rosa Lind", "By Tariq Amin", "Tariq Amin"),
        ("Folgen Sie Uwe Brandt", "Von Petra Lang", "Petra Lang"),
        ("Marta Ruiz", "Por Diego Sanz", "Diego Sanz"),
    ],
)
def test_merge_byline_next_to_the_headline_beats_an_earlier_sidebar_box(
    sidebar: str, byline: str, expected: str
) -> None:
    body = f"""<div class="rail"><div class="author-follow"><b>{sidebar}</b></div></div>
        <main><div class="story"><header><h1>Harbour reopens after storm</h1>
        <div class="author-name">{byline}</div></header>
        <p>The harbour reopened on Monday after a week of repairs.</p></div></main>"""
    md = extract_metadata(_doc(body=body), url=None, options=OPTIONS)
    assert md.authors is not None
    assert [p.name for p in md.authors.value] == [expected]


@pytest.mark.parametrize(
    ("writer", "editor_line", "editor"),
    [
        ("Dewi Lestari", "Editor : Agus Salim", "Agus Salim"),
        ("Tom Baker", "Edited by Ruth Ames", "Ruth Ames"),
        ("Lea Vogt", "Redigiert von Jens Ohm", "Jens Ohm"),
        ("Inés Mora", "Editado por Raúl Gil", "Raúl Gil"),
    ],
)
def test_merge_declared_author_labelled_editor_on_the_page_yields_to_the_writer(
    writer: str, editor_line: str, editor: str
) -> None:
    ld = {"@type": "NewsArticle", "author": {"@type": "Person", "name": editor}}
    body = f"""<article><h1>Banjir surut</h1>
        <div class="info"><div class="author-name">{writer}</div></div>
        <p>Teks berita.</p>
        <div class="info-author">{editor_line}</div></article>"""
    md = extract_metadata(_doc(body=body, ld=ld), url=None, options=OPTIONS)
    assert md.authors is not None
    assert [p.name for p in md.authors.value] == [writer]


def test_merge_declared_author_who_is_also_named_editor_stays_without_another_writer() -> None:
    ld = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Agus Salim"}}
    body = """<article><h1>Banjir surut</h1><p>Teks berita.</p>
        <div class="info-author">Editor : Agus Salim</div></article>"""
    md = extract_metadata(_doc(body=body, ld=ld), url=None, options=OPTIONS)
    assert md.authors is not None
    assert [p.name for p in md.authors.value] == ["Agus Salim"]


@pytest.mark.parametrize(
    "builder",
    ["Pixelwerk Webdesign GmbH", "Brightside Media Ltd", "Estudio Gráfico Norte S.L. Media"],
)
def test_merge_site_builder_in_meta_author_is_no_author(builder: str) -> None:
    head = f"""<meta name="author" content="{builder}">
        <meta property="og:site_name" content="Gemeinde Talheim">"""
    md = extract_metadata(_doc(head), url="https://talheim.example/news/1", options=OPTIONS)
    assert md.authors is None
    assert md.organizations is not None and md.organizations.value == (builder,)


@pytest.mark.parametrize("agency", ["dpa", "Reuters", "Agencia EFE"])
def test_merge_news_agency_in_meta_author_is_the_author(agency: str) -> None:
    head = f"""<meta name="author" content="{agency}">
        <meta property="og:site_name" content="Gemeinde Talheim">"""
    md = extract_metadata(_doc(head), url="https://talheim.example/news/1", options=OPTIONS)
    assert md.authors is not None and [p.name for p in md.authors.value] == [agency]


def _published_value(root: html.HtmlElement, url: str | None = None) -> dt.date | None:
    md = extract_metadata(root, url=url, options=OPTIONS)
    return md.published.value.value if md.published else None


def test_merge_utc_time_moved_onto_the_url_day_east() -> None:
    head = '<meta property="article:published_time" content="2019-01-01T23:30:00+00:00">'
    value = _published_value(_doc(head), "https://blog.example/2019/01/02/new-year-walk/")
    assert isinstance(value, dt.datetime)
    assert value.date() == dt.date(2019, 1, 2)
    assert value == dt.datetime(2019, 1, 1, 23, 30, tzinfo=dt.UTC)  # the same instant
    assert value.utcoffset() == dt.timedelta(hours=1)


def test_merge_utc_time_moved_onto_the_url_day_west() -> None:
    ld = {"@type": "NewsArticle", "datePublished": "2020-02-18T02:18:11Z"}
    value = _published_value(_doc(ld=ld), "https://noticias.example/2020/02/17/la-fiesta/")
    assert isinstance(value, dt.datetime)
    assert value.date() == dt.date(2020, 2, 17)
    assert value.utcoffset() == dt.timedelta(hours=-3)


def test_merge_utc_midnight_moved_onto_the_printed_day() -> None:
    head = '<meta property="article:published_time" content="2021-11-04T23:00:00+00:00">'
    body = '<h1>Wahl in der Stadt</h1><div class="meta">Bericht | 5. November 2021</div>'
    root = html.document_fromstring(
        f'<html lang="de"><head>{head}</head><body>{body}</body></html>'
    )
    value = _published_value(root)
    assert isinstance(value, dt.datetime) and value.date() == dt.date(2021, 11, 5)


def test_merge_utc_time_kept_when_a_shown_day_agrees_or_is_too_far() -> None:
    head = '<meta property="article:published_time" content="2020-07-09T22:30:00+00:00">'
    kept = _published_value(_doc(head), "https://news.example/2020/07/09/story")
    assert kept == dt.datetime(2020, 7, 9, 22, 30, tzinfo=dt.UTC)
    assert kept is not None and kept.utcoffset() == dt.timedelta(0)
    head = '<meta property="article:published_time" content="2020-07-09T10:04:00+00:00">'
    far = _published_value(_doc(head), "https://news.example/2020/07/08/story")
    assert far is not None and far.utcoffset() == dt.timedelta(0)


def test_merge_time_with_its_own_offset_is_never_moved() -> None:
    head = '<meta property="article:published_time" content="2019-12-09T19:00:00+01:00">'
    value = _published_value(_doc(head), "https://mag.example/2019/12/10/essay/")
    assert value == dt.datetime(2019, 12, 9, 19, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert value is not None and value.utcoffset() == dt.timedelta(hours=1)


def _page(head: str, body: str, lang: str, ld: object | None = None) -> html.HtmlElement:
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld else ""
    return html.document_fromstring(
        f'<html lang="{lang}"><head>{head}{script}</head><body>{body}</body></html>'
    )


def test_merge_declared_date_outvoted_by_the_page_german() -> None:
    head = '<meta name="dcterms.date" content="2022-01-21T09:43:00+01:00">'
    body = """<article><h1>Neue Regeln für Heizungen</h1>
        <div class="article-meta"><time datetime="2022-01-25T08:00:00+01:00">25.01.2022</time>
        </div><p>Text.</p></article>"""
    md = extract_metadata(_page(head, body, "de"), url=None, options=OPTIONS)
    assert md.published is not None
    assert md.published.value.value == dt.datetime(
        2022, 1, 25, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=1))
    )


def test_merge_declared_date_outvoted_by_opengraph_and_dom_english() -> None:
    ld = {"@type": "NewsArticle", "datePublished": "2023-11-03T10:25:56+00:00"}
    head = '<meta property="article:published_time" content="2023-11-06T14:25:00+00:00">'
    body = """<article><h1>Glacier tours resume</h1>
        <time datetime="2023-11-06T15:25:00+01:00">6 Nov</time><p>Text.</p></article>"""
    md = extract_metadata(_page(head, body, "en", ld=ld), url=None, options=OPTIONS)
    assert md.published is not None and md.published.kind is SourceKind.OPENGRAPH


def test_merge_tie_keeps_the_precedence_winner_french() -> None:
    head = '<meta property="article:published_time" content="2019-12-09T19:00:49+01:00">'
    body = """<h1>La retraite en débat</h1><div class="date-article">10 décembre 2019</div>"""
    md = extract_metadata(_page(head, body, "fr"), url=None, options=OPTIONS)
    assert md.published is not None and md.published.kind is SourceKind.OPENGRAPH


def test_merge_self_contradicting_source_abstains() -> None:
    head = '<meta name="date" content="2021-10-28T13:21:30+01:00">'
    body = """<h1>Hilfe nach dem Sturm</h1>
        <span class="date">27.10.2021</span><span class="date">28.10.2021</span>
        <div itemprop="datePublished" content="2021-10-27T20:35:36+01:00"></div>"""
    md = extract_metadata(_page(head, body, "de"), url=None, options=OPTIONS)
    assert md.published is not None and md.published.kind is SourceKind.META


def test_merge_same_instant_in_utc_supports_the_local_winner() -> None:
    ld = {"@type": "NewsArticle", "datePublished": "2023-11-01T23:01:00Z"}
    head = '<meta property="article:published_time" content="2023-11-01T23:01:00+00:00">'
    body = '<h1>Diretta</h1><time datetime="2023-11-01T23:01:00Z">ore 0:01</time>'
    md = extract_metadata(
        _page(head, body, "it", ld=ld),
        url="https://giornale.example/esteri/2023/11/02/diretta/",
        options=OPTIONS,
    )
    assert md.published is not None
    value = md.published.value.value
    assert isinstance(value, dt.datetime) and value.date() == dt.date(2023, 11, 2)


def test_merge_printed_update_day_backed_by_modified_sources_german() -> None:
    ld = {
        "@type": "Article",
        "datePublished": "2021-11-29T14:13:37+00:00",
        "dateModified": "2022-01-12T14:27:30+00:00",
    }
    body = '<h1>Spüren Fische Schmerz?</h1><div class="info">Redaktion · 12.01.2022</div>'
    md = extract_metadata(_page("", body, "de", ld=ld), url=None, options=OPTIONS)
    assert md.published is not None and md.published.kind is SourceKind.TEXT_PATTERN
    value = md.published.value.value
    day = value.date() if isinstance(value, dt.datetime) else value
    assert day == dt.date(2022, 1, 12)


def test_merge_printed_update_day_needs_modified_sources_english() -> None:
    ld = {"@type": "Article", "datePublished": "2021-11-29T14:13:37+00:00"}
    body = '<h1>Do fish feel pain?</h1><div class="info">Staff · January 12, 2022</div>'
    md = extract_metadata(_page("", body, "en", ld=ld), url=None, options=OPTIONS)
    assert md.published is not None and md.published.kind is SourceKind.JSONLD


def test_merge_lone_meta_date_loses_a_tie_to_the_printed_date() -> None:
    head = '<meta name="date" content="2020-02-12">'
    body = '<h1>Faire Lieferketten</h1><div class="news-time">05.02.2020</div><p>Text.</p>'
    md = extract_metadata(_page(head, body, "de"), url=None, options=OPTIONS)
    assert md.published is not None and md.published.value.value == dt.date(2020, 2, 5)
    # OpenGraph (declared for this page) keeps its tie
    head = '<meta property="article:published_time" content="2020-02-12T10:00:00+01:00">'
    body = '<h1>Fair supply chains</h1><div class="news-time">February 5, 2020</div>'
    md = extract_metadata(_page(head, body, "en"), url=None, options=OPTIONS)
    assert md.published is not None and md.published.kind is SourceKind.OPENGRAPH


def test_dates_url_day_first_only_when_the_order_is_certain() -> None:
    assert url_date("https://verein.test/meldungen/29-10-2021") == parse_date("2021-10-29")
    assert url_date("https://verein.test/termine/13.02.2019-jahresfeier") is not None
    assert url_date("https://club.test/posts/07-07-2020.html") == parse_date("2020-07-07")
    assert url_date("https://club.test/news/05-06-2021/picnic") is None  # May 6 or 5 June
    assert url_date("https://club.test/news/31-31-2021/x") is None


@pytest.mark.parametrize(
    ("short", "rest"),
    [
        ("Council approves the new harbour budget after a long night of talks", " with unions"),
        ("Le conseil adopte le nouveau budget du port après une longue nuit", " de débats"),
        ("Stadtrat beschließt den neuen Hafenhaushalt nach einer langen Nacht", " der Debatte"),
    ],
)
def test_merge_headline_two_declared_sources_agree_on_is_not_a_cut(short: str, rest: str) -> None:
    ld = {"@type": "NewsArticle", "headline": short}
    head = f'<meta property="og:title" content="{short}"><title>{short}{rest}</title>'
    root = _doc(head, f"<article><h1>{short}{rest}</h1></article>", ld=ld)
    assert _title(root) == short
    # one declared source alone, cut between two words: the longer page headline wins
    lone = _doc(
        f"<title>{short}{rest}</title>", f"<article><h1>{short}{rest}</h1></article>", ld=ld
    )
    assert _title(lone) == short + rest
