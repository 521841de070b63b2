"""Behaviour of the HTML tokenizer's walk: element limits, time checks, node evidence."""

from __future__ import annotations

import time

import pytest

from articlekit.tokens.html import TIME_CHECK_EVERY, parse_html, tokenize_html


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
