"""Hostile and broken input: a clear error or a partial article, never a crash or a hang."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import articlekit
from articlekit import Article, ArticleKitError


def _parse_or_error(source: str | bytes) -> Article | ArticleKitError:
    try:
        return articlekit.parse(source)
    except ArticleKitError as exc:
        return exc


@pytest.mark.parametrize("seed", range(20))
def test_bad_input_random_bytes_give_article_or_documented_error(seed: int) -> None:
    rng = random.Random(seed)
    data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 5000)))
    result = _parse_or_error(data)
    assert isinstance(result, Article | ArticleKitError)


def test_bad_input_deep_nesting_is_partial_not_a_crash() -> None:
    depth = 100_000
    html = (
        "<html><body>" + "<div>" * depth + "<p>deep text</p>" + "</div>" * depth + "</body></html>"
    )
    result = _parse_or_error(html)
    assert isinstance(result, Article | ArticleKitError)


def test_bad_input_twenty_megabyte_page_parses() -> None:
    paragraph = "<p>" + "Words of a long but ordinary paragraph, repeated. " * 20 + "</p>\n"
    html = (
        "<html><body><article>"
        + paragraph * (20_000_000 // len(paragraph))
        + "</article></body></html>"
    )
    assert len(html) >= 19_000_000
    article = articlekit.parse(html)
    assert article.body


def test_bad_input_node_limit_gives_partial_article_with_warning() -> None:
    html = (
        "<html><body>"
        + "<p>Some sentence that is long enough to count as text.</p>" * 500
        + "</body></html>"
    )
    article = articlekit.parse(html, options=articlekit.ParseOptions(max_nodes=100))
    assert any(w.code == "limit.nodes" for w in article.provenance.warnings)


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>" + " " * 1_000_000 + "</p></body></html>",
        "<html><body><p>" + "9" * 1_000_000 + "</p></body></html>",
        "<html><body><p>" + "." * 1_000_000 + "</p></body></html>",
        '<html><body><img alt="' + "a" * 1_000_000 + '"></body></html>',
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>',
        '<script type="application/ld+json">' + "[" * 50_000 + "]" * 50_000 + "</script><p>x</p>",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>Declared as XML.</p></body></html>",
    ],
    ids=["spaces", "digits", "dots", "huge-attribute", "broken-jsonld", "deep-jsonld", "xml-decl"],
)
def test_bad_input_regex_and_parser_hostile_strings(html: str) -> None:
    result = _parse_or_error(html)
    assert isinstance(result, Article | ArticleKitError)


def test_bad_input_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    html = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<html><body><p>before &xxe; after, a sentence long enough to be body text.</p>"
        "</body></html>"
    )
    result = _parse_or_error(html)
    if isinstance(result, Article):
        assert "TOP-SECRET-CONTENT" not in result.model_dump_json()
