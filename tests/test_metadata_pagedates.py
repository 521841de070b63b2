"""Behaviour of the last-resort page-text dates (labelled date lines anywhere on a page)."""

from __future__ import annotations

import datetime as dt

from lxml import html

from articlekit.metadata import extract_metadata
from articlekit.metadata.pagedates import extract_page_dates
from articlekit.model.provenance import SourceKind
from articlekit.options import ParseOptions

OPTIONS = ParseOptions()
PROSE = "A long sentence of the story that goes on and on about the river. " * 5


def _doc(body: str, lang: str = "de", head: str = "") -> html.HtmlElement:
    return html.document_fromstring(
        f'<html lang="{lang}"><head>{head}</head><body>{body}</body></html>'
    )


def _published(root: html.HtmlElement) -> dt.date | None:
    md = extract_metadata(root, url=None, options=OPTIONS)
    return md.published.value.value if md.published else None


def test_metadata_pagedates_german_label_in_its_own_element() -> None:
    body = f"""<div class="box"><h4>Wetter</h4><span>Freitag, 01.04.2022</span></div>
        <div class="content"><p>{PROSE}</p>
        <div class="facts"><h5 class="label">Datum: </h5>03.02.2022</div></div>"""
    root = _doc(body)
    assert _published(root) == dt.date(2022, 2, 3)
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert md.published is not None and md.published.kind is SourceKind.TEXT_PATTERN
    assert md.published.detail == "page text (labelled)"


def test_metadata_pagedates_french_label_then_value_paragraphs() -> None:
    body = f"""<ul><li><p class="t">Durée</p><p class="c">12 min</p></li>
        <li><p class="t">Mise en ligne</p><p class="c">23 mai 2019</p></li></ul><p>{PROSE}</p>"""
    assert _published(_doc(body, lang="fr")) == dt.date(2019, 5, 23)


def test_metadata_pagedates_english_definition_list() -> None:
    body = f"""<p>{PROSE}</p><p>Call us before 14 March 2021 for tickets.</p>
        <dl class="facts"><dt>Category</dt><dd>Software</dd>
        <dt>Date</dt><dd>Jan 12, 2017</dd></dl>"""
    assert _published(_doc(body, lang="en")) == dt.date(2017, 1, 12)


def test_metadata_pagedates_first_short_date_line_without_label() -> None:
    body = f"""<h2>Warm evening by the lake</h2><p class="info">10.06.2018 22:00</p><p>{PROSE}</p>
        <p>Next meeting: 01.07.2018</p>"""
    assert _published(_doc(body)) == dt.datetime(2018, 6, 10, 22, 0)


def test_metadata_pagedates_prose_dates_are_not_the_page_date() -> None:
    body = f"<p>{PROSE} On 4 March 2019 the bridge was closed. {PROSE}</p>"
    assert _published(_doc(body, lang="en")) is None


def test_metadata_pagedates_update_label_below_publication_label() -> None:
    only_update = f'<p>{PROSE}</p><p class="info">Aktualisiert: 30.12.2016</p>'
    assert _published(_doc(only_update)) == dt.date(2016, 12, 30)
    over_plain = f"<p>04.08.2014</p><p>{PROSE}</p><p>Last updated: 18 November 2016</p>"
    assert _published(_doc(over_plain, lang="en")) == dt.date(2016, 11, 18)
    stand = "<p>Termine ab 28.09.2017</p><p>[Stand: 09.10.2017, 01:40 Uhr]</p>"
    assert _published(_doc(stand)) == dt.datetime(2017, 10, 9, 1, 40)
    both = f"<p>{PROSE}</p><p>Zuletzt aktualisiert: 30.12.2016</p><p>Erschienen am: 02.11.2016</p>"
    assert _published(_doc(both)) == dt.date(2016, 11, 2)


def test_metadata_pagedates_skip_links_comments_and_sidebars() -> None:
    body = f"""<div class="sidebar"><p>Veröffentlicht: 01.01.2020</p></div>
        <p><a href="/archiv/2020/02">05.02.2020</a></p>
        <div id="comments"><p>Geschrieben am 07.03.2020</p></div><p>{PROSE}</p>"""
    assert _published(_doc(body)) is None


def test_metadata_pagedates_not_used_when_another_source_dates_the_page() -> None:
    head = '<meta name="date" content="2021-05-04">'
    root = _doc("<p>Datum: 01.02.2021</p>", head=head)
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert md.published is not None and md.published.value.value == dt.date(2021, 5, 4)
    assert all(ev.detail != "page text (labelled)" for ev in md.candidates["published"])


def test_metadata_pagedates_ignored_labels_and_old_years() -> None:
    body = "<p>Geboren: 12.05.1960</p><p>Abgerufen am 03.03.2022</p><p>Gründung 01.04.1987</p>"
    assert extract_page_dates(_doc(body), ()).published == ()


def test_metadata_pagedates_huge_page_is_bounded() -> None:
    body = "<p>Just words without any numbers at all here.</p>" * 20_000
    assert extract_page_dates(_doc(body + "<p>Datum: 03.02.2022</p>"), ()).published == ()


def test_metadata_pagedates_publication_key_in_script_data() -> None:
    script = (
        '<script>window.shop = {"item": {"title": "Beans",'
        ' "published_at": "2019-03-02T06:22:28+01:00"}};</script>'
    )
    root = _doc(f"<h1>Kaffeebohnen</h1><p>{PROSE}</p>{script}")
    md = extract_metadata(root, url=None, options=OPTIONS)
    assert md.published is not None and md.published.detail == "script data"
    assert md.published.value.value == dt.datetime(
        2019, 3, 2, 6, 22, 28, tzinfo=dt.timezone(dt.timedelta(hours=1))
    )


def test_metadata_pagedates_printed_label_beats_script_data() -> None:
    script = "<script>var state = {'datePublished': '2020-05-01'};</script>"
    root = _doc(f"<p>Publié le 3 mai 2020</p>{script}", lang="fr")
    assert _published(root) == dt.date(2020, 5, 3)


def test_metadata_pagedates_creation_key_below_printed_date_line() -> None:
    script = '<script>app({"createdAt":"2022-01-31T15:58:43+01:00"})</script>'
    assert _published(_doc(f"<p>{PROSE}</p>{script}", lang="en")) == dt.datetime(
        2022, 1, 31, 15, 58, 43, tzinfo=dt.timezone(dt.timedelta(hours=1))
    )
    printed = f'<p class="info">12.01.2022</p><p>{PROSE}</p>{script}'
    assert _published(_doc(printed)) == dt.date(2022, 1, 12)
