"""Robustness: any input gives an ``Article`` or a documented ``ArticleKitError``.

Property-based tests (hypothesis) generate HTML-like and text-like documents; the
output must validate, survive a JSON round trip and be deterministic. Adversarial
inputs from the issue run at sizes that keep the suite fast; the full sizes are in
``benchmarks/robustness.py``.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import pickle
from pathlib import Path
from typing import Any

import pydantic
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit
from articlekit import Article, ArticleKitError

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sample-article.html"

TAGS = st.sampled_from(
    ["p", "div", "span", "a", "h1", "h2", "li", "ul", "figure", "figcaption", "img", "table",
     "tr", "td", "script", "style", "article", "nav", "blockquote", "br", "time", "meta"]
)  # fmt: skip
ATTRS = st.dictionaries(
    st.sampled_from(["class", "id", "href", "src", "alt", "datetime", "content", "property",
                     "name", "hidden", "style", "srcset", "data-src", "itemprop", "rel"]),
    st.text(max_size=30),
    max_size=3,
)  # fmt: skip
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),
    max_size=80,
)


def _render(tag: str, attrs: dict[str, str], children: list[str]) -> str:
    quoted = "".join(f' {k}="{v.replace(chr(34), "&quot;")}"' for k, v in attrs.items())
    return f"<{tag}{quoted}>{''.join(children)}</{tag}>"


NODES = st.recursive(
    TEXT,
    lambda inner: st.builds(_render, TAGS, ATTRS, st.lists(inner, max_size=4)),
    max_leaves=25,
)
HTML_DOCS = st.builds(
    lambda head, body: f"<html><head>{head}</head><body>{body}</body></html>",
    st.lists(NODES, max_size=3).map("".join),
    st.lists(NODES, max_size=6).map("".join),
)
TEXT_DOCS = st.lists(
    st.one_of(
        TEXT,
        st.sampled_from(["", "   * Menu item", "By Jane Roe", "4 February 2025", "Image: A/B",
                         "https://example.org/x", "# Heading", "date 2025-01-02", "---"]),
    ),
    max_size=30,
).map("\n".join)  # fmt: skip

PROPERTY_SETTINGS = settings(max_examples=60)


def _parse_or_error(source: str | bytes, **kwargs: object) -> Article | ArticleKitError:
    try:
        return articlekit.parse(source, **kwargs)  # type: ignore[arg-type]
    except ArticleKitError as exc:
        return exc


def _check_article(result: Article | ArticleKitError) -> None:
    assert isinstance(result, Article | ArticleKitError)
    if isinstance(result, Article):
        again = Article.model_validate_json(result.model_dump_json())
        assert again == result
        assert isinstance(result.text, str)
        assert isinstance(result.to_markdown(), str)


@PROPERTY_SETTINGS
@given(HTML_DOCS)
def test_robustness_generated_html_gives_article_or_documented_error(doc: str) -> None:
    first = _parse_or_error(doc)
    _check_article(first)
    second = _parse_or_error(doc)
    assert type(first) is type(second)
    if isinstance(first, Article):
        assert first == second, "parse must be deterministic"


@PROPERTY_SETTINGS
@given(TEXT_DOCS)
def test_robustness_generated_text_gives_article_or_documented_error(doc: str) -> None:
    first = _parse_or_error(doc, content_type="text")
    _check_article(first)
    if isinstance(first, Article):
        assert first == _parse_or_error(doc, content_type="text")


@PROPERTY_SETTINGS
@given(st.binary(max_size=3000))
def test_robustness_arbitrary_bytes(data: bytes) -> None:
    _check_article(_parse_or_error(data))


def _parse_sample(_: int) -> str:
    return articlekit.parse(SAMPLE.read_bytes()).model_dump_json()


def test_robustness_threads_give_identical_results() -> None:
    expected = _parse_sample(0)
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(_parse_sample, range(16)))
    assert all(r == expected for r in results)


def test_robustness_processes_give_identical_results() -> None:
    expected = _parse_sample(0)
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(_parse_sample, range(4)))
    assert all(r == expected for r in results)


def test_robustness_article_and_errors_pickle() -> None:
    article = articlekit.parse(SAMPLE.read_bytes())
    assert pickle.loads(pickle.dumps(article)) == article
    error = _parse_or_error(b"")
    assert isinstance(error, ArticleKitError)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error) and copy.code == error.code


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("nul-bytes", b"<html><body><p>text\x00with\x00nuls and enough words to be body</p>"),
        ("invalid-utf8", b"<p>\xc3\x28 \xa0\xa1 \xe2\x82 broken sequences in a sentence</p>"),
        ("invalid-utf16", b"\xff\xfe<\x00p\x00>\x00\x00\xd8x\x00"),
        ("wrong-charset", '<meta charset="utf-16"><p>déjà vu, ça va</p>'.encode("latin-1")),
        ("pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(256))),
        ("png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
        ("gzip", b"\x1f\x8b\x08\x00" + bytes(200)),
        ("huge-jsonld", b'<script type="application/ld+json">{"headline": "'
         + b"x" * 3_000_000 + b'"}</script><p>body text</p>'),
        ("jsonld-garbage", b'<script type="application/ld+json">{"@graph": [{"@type":'
         b' ["NewsArticle", {"a": [[[[[[[}]]</script><p>body</p>'),
        ("many-elements", b"<html><body>" + b"<i>x</i>" * 300_000 + b"</body></html>"),
        ("long-text-node", b"<p>" + b"word " * 400_000 + b"</p>"),
        ("long-attribute", b'<img alt="' + b"a" * 2_000_000 + b'"><p>text</p>'),
        ("unclosed-tags-in-script", b'<html><body><script>var a="' + b"<p x" * 250_000
         + b'";</script></body></html>'),
        # found by the fuzzer: a record header whose "date" dateutil read as 01:00 at UTC-25
        ("offset-beyond-a-day", b" date 1,02,,1h00-25 2025\n\x80\x80 date 2025-03-1 2   1. Skip"),
        ("offset-beyond-a-day-html", b'<meta property="article:published_time"'
         b' content="2025-01-02T01:00:00-25:00"><p>Some words of running text here.</p>'),
        # found by the fuzzer: a declared charset that Python knows but is no text
        # encoding ("uu"), which bytes.decode refuses with a LookupError
        ("charset-of-a-bytes-codec", b'<meta charset="uu"><p>Some words of running text'
         b" here, caf\xe9.</p>"),
        # found by the fuzzer: a tag name with control characters, which lxml's tag filter
        # (used for block XPaths) refuses with a ValueError
        ("control-characters-in-a-tag", b"<html><body><div><p>One short line.</p><section"
         b"\x0e\x01><p>" + b"Some words of running text here. " * 8 + b"</p></section\x0e"
         b"\x01></div></body></html>"),
    ],
)  # fmt: skip
def test_robustness_adversarial_input(name: str, source: bytes) -> None:
    result = _parse_or_error(source)
    _check_article(result)


def test_robustness_time_budget_gives_partial_article() -> None:
    html = "<html><body>" + "<div><p>Some words in a paragraph here.</p></div>" * 50_000
    options = articlekit.ParseOptions(time_budget=0.0)
    article = articlekit.parse(html, options=options)
    assert any(w.code == "limit.time" for w in article.provenance.warnings)


def test_robustness_reference_time_only_resolves_relative_dates() -> None:
    text = "A headline for the test\n\nvor 3 Stunden\n\n" + "Ein ganz normaler Satz. " * 10
    without = articlekit.parse(text, content_type="text")
    with_ref = articlekit.parse(
        text,
        content_type="text",
        options=articlekit.ParseOptions(reference_time=dt.datetime(2024, 5, 1, 12, 0)),
    )
    assert without.published is None
    assert with_ref.published is not None


def test_robustness_dates_keep_offsets_iso_can_write() -> None:
    from dateutil.tz import tzoffset  # noqa: PLC0415

    from articlekit.metadata.dates import parse_date  # noqa: PLC0415

    found = parse_date("1,02,,1h00-25 2025")  # dateutil: 01:00 at UTC-25, no zone is that far
    assert found is not None and found.value == dt.datetime(2025, 1, 2, 1, 0)
    kept = parse_date("2025-01-02T01:00:00+14:00")  # UTC+14 exists (Kiribati)
    assert kept is not None and kept.value.utcoffset() == dt.timedelta(hours=14)
    with pytest.raises(pydantic.ValidationError):  # the model refuses what JSON cannot hold
        Article(published=dt.datetime(2025, 1, 2, tzinfo=tzoffset(None, -25 * 3600)))


# --- dates read by dateutil: no machine zone, no warning filters -------------------------

ZONE_PAGE = (
    "<html><head><title>T</title>"
    '<meta property="article:published_time" content="Tuesday 4th of February 2025, 10:00 {zone}">'
    "</head><body><article><h1>A headline of our own</h1><p>{body}</p></article></body></html>"
)
"""A page whose published date only dateutil reads (an ordinal day, a zone name)."""


def _zone_page(zone: str) -> str:
    return ZONE_PAGE.format(zone=zone, body="Words we wrote for this test page. " * 20)


def test_a_zone_name_reads_the_same_whatever_the_machines_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """dateutil, given no ``tzinfos`` callable, reads a zone name it does not know as the
    machine's local zone when the machine's zone has that name; the article would then
    depend on where it is parsed. It must not."""
    import time  # noqa: PLC0415

    page = _zone_page("XYZT")
    elsewhere = articlekit.parse(page).published
    monkeypatch.setattr(time, "tzname", ("XYZT", "XYZT"))
    here = articlekit.parse(page).published
    assert elsewhere == here == dt.datetime(2025, 2, 4, 10, 0)
    assert here.tzinfo is None
    known = articlekit.parse(_zone_page("+0130")).published
    assert known is not None and known.utcoffset() == dt.timedelta(hours=1, minutes=30)


def test_parse_never_changes_the_process_warning_filters(monkeypatch: pytest.MonkeyPatch) -> None:
    """``warnings.catch_warnings`` swaps the process-wide filter list: two threads in it at
    once can restore each other's list and leave an "ignore" filter behind. Nothing in a
    parse may use it, and no warning may escape either."""
    import warnings  # noqa: PLC0415

    original = warnings.catch_warnings
    calls: list[object] = []

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return original(*args, **kwargs)

    with original():
        warnings.simplefilter("error")
        monkeypatch.setattr(warnings, "catch_warnings", spy)
        try:
            found = [articlekit.parse(_zone_page(z)).published for z in ("XYZT", "CET", "UTC", "")]
        finally:
            monkeypatch.undo()  # (pytest's own reporting uses catch_warnings)
    assert not calls
    assert all(value is not None for value in found)
