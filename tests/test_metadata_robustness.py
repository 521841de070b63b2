"""The metadata stage never raises and never changes its input, whatever the markup says."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html

from articlekit.metadata import extract_metadata
from articlekit.metadata.jsonld import parse_jsonld_text
from articlekit.options import ParseOptions

OPTIONS = ParseOptions(default_timezone="Europe/Paris")
INTERNAL_FAILURES = {"metadata.extractor_failed", "metadata.merge_failed"}
"""Warnings that mean a bug in the stage (caught by its safety net), not bad input."""

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "@type",
                    "@graph",
                    "@id",
                    "headline",
                    "name",
                    "author",
                    "datePublished",
                    "dateModified",
                    "keywords",
                    "image",
                    "publisher",
                    "mainEntity",
                    "inLanguage",
                    "isAccessibleForFree",
                    "url",
                    "description",
                ]
            ),
            children,
            max_size=6,
        )
    ),
    max_leaves=25,
)


@settings(max_examples=150)
@given(value=json_values)
def test_metadata_any_jsonld_shape_never_raises(value: object) -> None:
    script = json.dumps(value).replace("</", "<\\/")
    root = html.document_fromstring(
        f'<html><head><script type="application/ld+json">{script}</script></head>'
        "<body><p>x</p></body></html>"
    )
    before = html.tostring(root)
    metadata = extract_metadata(root, url="https://example.test/a/b", options=OPTIONS)
    assert html.tostring(root) == before
    assert not {code for code, _ in metadata.warnings} & INTERNAL_FAILURES


@settings(max_examples=150)
@given(text=st.text(max_size=200))
def test_metadata_arbitrary_script_text_gives_values_or_warnings(text: str) -> None:
    values, warnings = parse_jsonld_text(text)
    assert isinstance(values, tuple)
    assert all(code.startswith("metadata.") for code, _ in warnings)


@settings(max_examples=100)
@given(
    content=st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60),
    key=st.sampled_from(
        [
            "author",
            "date",
            "og:title",
            "article:published_time",
            "keywords",
            "og:locale",
            "twitter:creator",
            "article:tag",
            "dc.language",
            "og:image",
        ]
    ),
    url=st.one_of(st.none(), st.just("https://example.test/2020/02/30/x"), st.text(max_size=20)),
)
def test_metadata_arbitrary_meta_content_never_raises(
    content: str, key: str, url: str | None
) -> None:
    root = html.Element("html")
    head = html.Element("head")
    meta = html.Element("meta")
    meta.set("name", key)
    meta.set("content", content)
    head.append(meta)
    root.append(head)
    metadata = extract_metadata(root, url=url, options=OPTIONS)
    assert not {code for code, _ in metadata.warnings} & INTERNAL_FAILURES
