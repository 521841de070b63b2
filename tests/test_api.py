"""The public entry points: argument checking, errors, purity, the model contract."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path

import pytest

import articlekit
from articlekit import Article, ParseOptions
from articlekit.adapters import Layout, SiteAdapter

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sample-article.html"

SMALL_HTML = """<html lang="fr"><head><title>Le port | Journal</title>
<meta property="og:title" content="Le port ouvre une centrale"></head>
<body><article><h1>Le port ouvre une centrale</h1>
<p>La petite ville a inauguré vendredi une centrale marémotrice qui couvrira, selon ses
promoteurs, les deux tiers de ses besoins en électricité pendant les prochaines années.</p>
<p>Le projet a été financé par les habitants, par une subvention régionale et par un prêt,
et il a fallu six ans pour obtenir toutes les autorisations nécessaires.</p>
</article></body></html>"""


@pytest.fixture(scope="module")
def sample() -> bytes:
    return SAMPLE.read_bytes()


def test_api_parse_returns_article_with_typed_fields(sample: bytes) -> None:
    article = articlekit.parse(sample)
    assert isinstance(article, Article)
    assert article.title == "Harbour town opens its first tidal energy plant"
    assert [p.name for p in article.authors] == ["Maren Tregothnan", "Idris Okafor"]
    assert article.published == dt.datetime(2025, 3, 14, 9, 30, tzinfo=dt.UTC)
    assert article.language == "en"
    assert article.summary is not None and article.summary.startswith("After six years")
    assert article.body, "the body must not be empty"
    assert "Sign up for our weekly energy newsletter" not in article.text
    assert "Offshore wind farm delayed again" not in article.text


def test_api_parse_keeps_figure_caption_and_credit_apart(sample: bytes) -> None:
    article = articlekit.parse(sample)
    lead = article.images[0]
    assert lead.src == "https://img.coastal-ledger.example/2025/03/turbine-quay.jpg"
    assert lead.caption == "The turbine housings waited on the quay for a calm week in February."
    assert lead.credit == "Lowenna Pascoe"
    assert lead.is_lead


def test_api_parse_types_lists_quotes_and_headings(sample: bytes) -> None:
    kinds = [block.type for block in articlekit.parse(sample).body]
    assert {"paragraph", "heading", "list", "quote"} <= set(kinds)


def test_api_parse_records_provenance(sample: bytes) -> None:
    article = articlekit.parse(sample)
    assert article.provenance.fields["title"].kind in {"json-ld", "opengraph", "dom"}
    assert article.provenance.fields["published"].kind == "json-ld"
    assert len(article.provenance.blocks) == len(article.body)
    assert all(span.xpath for span in article.provenance.blocks)


def test_api_parse_is_deterministic(sample: bytes) -> None:
    assert articlekit.parse(sample) == articlekit.parse(sample)


def test_api_parse_str_and_bytes_agree(sample: bytes) -> None:
    from_bytes = articlekit.parse(sample)
    from_str = articlekit.parse(sample.decode("utf-8"))
    assert from_bytes.provenance.encoding == "utf-8"
    assert from_str.provenance.encoding is None
    exclude = {"provenance": {"encoding"}}
    assert from_bytes.model_dump(exclude=exclude) == from_str.model_dump(exclude=exclude)


def test_api_article_json_round_trip(sample: bytes) -> None:
    article = articlekit.parse(sample)
    again = Article.model_validate_json(article.model_dump_json())
    assert again == article
    assert json.loads(article.model_dump_json())["text"] == article.text


def test_api_article_pickles(sample: bytes) -> None:
    article = articlekit.parse(sample)
    assert pickle.loads(pickle.dumps(article)) == article


def test_api_article_is_frozen(sample: bytes) -> None:
    article = articlekit.parse(sample)
    with pytest.raises(Exception):  # noqa: B017 - pydantic raises ValidationError
        article.title = "changed"  # type: ignore[misc]


def test_api_article_json_schema_lists_fields() -> None:
    schema = Article.model_json_schema(mode="serialization")
    for name in ("title", "authors", "published", "body", "images", "provenance", "text"):
        assert name in schema["properties"], name


def test_api_text_is_summary_then_blocks(sample: bytes) -> None:
    article = articlekit.parse(sample)
    lines = article.text.split("\n")
    assert lines[0] == article.summary
    first_paragraph = next(b for b in article.body if isinstance(b, articlekit.Paragraph))
    assert lines[1] == first_paragraph.text, "figures carry no text; the paragraph follows"


@pytest.mark.parametrize(
    ("description", "shown"),
    [
        ("Un résumé que la page ne montre nulle part, seulement dans ses balises.", False),
        ("Ein Anriss, der nur in den Metadaten der Seite steht und nie im Text.", False),
        # the lead printed above the body, declared again (cut short) as the description
        ("Les habitants ont attendu six ans avant de voir tourner les turbines du port...", True),
        # the body's first paragraph, cut short: the body says it already
        ("La petite ville a inauguré vendredi une centrale marémotrice…", False),
    ],
)
def test_api_description_is_summary_only_when_the_page_prints_it(
    description: str, shown: bool
) -> None:
    lead = (
        '<p class="chapo">Les habitants ont attendu six ans avant de voir tourner les turbines '
        "du port, et la mise en service a eu lieu vendredi matin.</p>"
    )
    html = SMALL_HTML.replace(
        "</head>", f'<meta property="og:description" content="{description}"></head>'
    ).replace("<body>", f"<body><header>{lead}</header>")  # printed, outside the article
    if not shown:
        html = html.replace(lead, "")
    article = articlekit.parse(html)
    assert article.description == description
    assert article.provenance.fields["description"].kind == "opengraph"
    if shown:
        assert article.summary == description  # the declared text, which the page prints
        assert article.provenance.fields["summary"].kind == "opengraph"
        assert article.text.startswith(article.summary)
    else:
        assert article.summary is None
        assert "summary" not in article.provenance.fields
        assert description not in article.text
        assert article.text.startswith("La petite ville")
        assert article.text.count("inauguré vendredi") == 1


def test_api_markdown_has_title_and_body(sample: bytes) -> None:
    markdown = articlekit.parse(sample).to_markdown()
    assert markdown.startswith("# Harbour town opens its first tidal energy plant")
    assert "## Six years from idea to switch-on" in markdown
    assert "- a regional development grant," in markdown


def test_api_date_without_time_stays_a_date() -> None:
    html = SMALL_HTML.replace(
        "<head>", '<head><meta property="article:published_time" content="2024-05-02">'
    )
    article = articlekit.parse(html)
    assert article.published == dt.date(2024, 5, 2)
    assert not isinstance(article.published, dt.datetime)


def test_api_time_without_offset_stays_naive_unless_zone_assumed() -> None:
    html = SMALL_HTML.replace(
        "<head>", '<head><meta property="article:published_time" content="2024-05-02T10:15:00">'
    )
    naive = articlekit.parse(html).published
    assert naive == dt.datetime(2024, 5, 2, 10, 15)
    assumed = articlekit.parse(html, options=ParseOptions(default_timezone="Europe/Paris"))
    assert isinstance(assumed.published, dt.datetime)
    assert assumed.published.utcoffset() == dt.timedelta(hours=2)
    assert assumed.provenance.fields["published"].assumed_timezone


def test_api_language_from_markup() -> None:
    assert articlekit.parse(SMALL_HTML).language == "fr"


def test_api_rejects_wrong_source_type() -> None:
    with pytest.raises(articlekit.InputTypeError) as info:
        articlekit.parse(12345)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)
    assert info.value.code == "input.type"


@pytest.mark.parametrize("empty", ["", "   \n\t ", b"", b"\x00\x00", "\ufeff"])
def test_api_rejects_empty_input(empty: str | bytes) -> None:
    with pytest.raises(articlekit.EmptyInputError):
        articlekit.parse(empty)


def test_api_rejects_bad_content_type() -> None:
    with pytest.raises(articlekit.InvalidOptionError):
        articlekit.parse(SMALL_HTML, content_type="pdf")  # type: ignore[arg-type]


def test_api_rejects_bad_options_type() -> None:
    with pytest.raises(articlekit.InvalidOptionError):
        articlekit.parse(SMALL_HTML, options={"max_nodes": 3})  # type: ignore[arg-type]


def test_api_unknown_adapter_name_is_clear() -> None:
    with pytest.raises(articlekit.AdapterNotFoundError) as info:
        articlekit.parse(SMALL_HTML, adapter="no-such-site")
    assert "no-such-site" in str(info.value)
    assert isinstance(info.value, KeyError)


def test_api_generic_adapter_disables_adapters() -> None:
    article = articlekit.parse(SMALL_HTML, url="https://www.dw.com/de/x/a-1", adapter="generic")
    assert article.provenance.adapter is None


def test_api_tokenize_exposes_tokens(sample: bytes) -> None:
    stream = articlekit.tokenize(sample)
    assert stream.content_type == "html"
    kinds = {t.kind for t in stream.tokens}
    assert articlekit.TokenKind.PARAGRAPH in kinds
    assert articlekit.TokenKind.FIGURE in kinds
    first = next(t for t in stream.tokens if t.kind is articlekit.TokenKind.PARAGRAPH)
    assert stream.xpath(first.node) is not None


def test_api_metadata_exposes_candidates(sample: bytes) -> None:
    meta = articlekit.metadata(sample)
    assert meta.title is not None
    assert meta.title.value == "Harbour town opens its first tidal energy plant"
    assert meta.candidates["title"], "every title candidate is kept"


def test_api_text_input_is_sniffed() -> None:
    text = (
        "A quiet harbour gets a power plant\n\n"
        "The town council met on Monday and agreed, after a long debate, to fund the "
        "new plant together with the residents of the old quarter.\n\n"
        "Engineers say the first turbines will turn before the end of the summer, if the "
        "weather allows the divers to finish their work on the foundations.\n"
    )
    article = articlekit.parse(text)
    assert article.provenance.content_type == "text"
    assert article.title == "A quiet harbour gets a power plant"
    assert len(article.body) == 2


def test_api_images_can_be_left_out(sample: bytes) -> None:
    article = articlekit.parse(sample, options=ParseOptions(include_images=False))
    assert article.images == ()
    assert not any(block.type == "figure" for block in article.body)
    assert article.body


def test_api_adapter_site_timezone_is_assumed_and_flagged() -> None:
    class ZoneAdapter(SiteAdapter):
        name = "zone-example"
        site_timezone = "Europe/Berlin"
        layouts = (Layout(name="v1", fingerprint="//article", body="//article"),)

    html = SMALL_HTML.replace(
        "<head>", '<head><meta property="article:published_time" content="2024-05-02T10:15:00">'
    )
    article = articlekit.parse(html, adapter=ZoneAdapter)
    assert isinstance(article.published, dt.datetime)
    assert article.published.utcoffset() == dt.timedelta(hours=2)
    assert article.provenance.fields["published"].assumed_timezone


def test_tokens_hidden_paywalled_text_is_read_but_hidden_menus_are_not() -> None:
    html = (
        "<html><body><article><h1>Ferry timetable changes</h1>"
        "<p>The island ferry will run every forty minutes from May, the operator said on "
        "Tuesday, after a winter of complaints about crowded boats.</p>"
        '<div class="paywall" hidden><p>Subscribers read on: the new timetable adds two '
        "evening crossings and a dedicated lane for cyclists on the car deck.</p></div>"
        '<div class="menu" hidden><p>Sections Politics Sport Culture Travel Weather</p></div>'
        "</article></body></html>"
    )
    text = articlekit.parse(html).text
    assert "two evening crossings" in text
    assert "Politics Sport Culture" not in text


def test_tokens_paragraph_ending_in_a_labelled_credit_is_a_caption() -> None:
    html = (
        "<html><body><article><h1>Lighthouse gets a new lamp</h1>"
        "<p>The old lamp of the north lighthouse was replaced on Monday after ninety years "
        "of service, the harbour authority said in a short statement.</p>"
        "<p>The new lamp being lifted into place. Foto: Lena Marsh/dpa</p>"
        "<p>The new lamp being lifted into place. Foto: Lena Marsh/dpa</p>"
        "<p>Engineers expect it to use a tenth of the power of the old one and to need "
        "almost no maintenance for the next twenty years.</p>"
        "</article></body></html>"
    )
    article = articlekit.parse(html)
    assert "Lena Marsh" not in article.text
    captions = [i for i in article.images if i.caption == "The new lamp being lifted into place."]
    assert len(captions) == 1
    assert captions[0].credit == "Lena Marsh/dpa"


@pytest.mark.parametrize("state", ["hasCaption", "has-caption", "with_caption", "no-legend"])
def test_tokens_class_saying_a_box_has_a_caption_does_not_make_it_one(state: str) -> None:
    html = (
        f'<html><body><article><div class="articleHeader column {state}">'
        "<h1>Lighthouse gets a new lamp</h1><h2>After ninety years the old one retires</h2>"
        "</div><p>The old lamp of the north lighthouse was replaced on Monday after ninety "
        "years of service, the harbour authority said in a short statement.</p>"
        "<p>Engineers expect it to use a tenth of the power of the old one and to need "
        "almost no maintenance for the next twenty years.</p></article></body></html>"
    )
    stream = articlekit.tokenize(html)
    kinds = {t.text: t.kind.value for t in stream.tokens}
    assert kinds.get("Lighthouse gets a new lamp") == "heading"
    assert not any(t.kind.value == "caption" for t in stream.tokens)
