"""Adapter registry: explicit built-ins, entry points, lookups, duplicate names."""

from __future__ import annotations

import random
import re

import pytest

import articlekit
from articlekit.adapters import AdapterRegistry, Layout, SiteAdapter, available, default_registry
from articlekit.adapters.base import required_literal
from articlekit.adapters.registry import BUILTIN_ADAPTERS

PAGE = """<html><head><link rel="canonical" href="https://news.example.org/a/1"></head>
<body><div class="story"><h1>Headline of the test story</h1>
<p>This is the first paragraph of a story that the test adapter should read completely.</p>
<p>This is the second paragraph, which the test adapter should also read completely.</p>
</div><div class="other"><p>Unrelated text that sits outside the story container.</p></div>
</body></html>"""


class ExampleAdapter(SiteAdapter):
    name = "example-news"
    domains = ("news.example.org",)
    fingerprints = (r"news\.example\.org/a/",)
    layouts = (
        Layout(name="v1", fingerprint="//div[@class='story']", body="//div[@class='story']",
               title="//div[@class='story']/h1"),
    )  # fmt: skip


class Clash(SiteAdapter):
    name = "example-news"
    domains = ("other.example.org",)


def test_registry_builtins_listed_once_and_loaded() -> None:
    registry = default_registry()
    assert "dw" in registry.names()
    assert len(BUILTIN_ADAPTERS) == len(set(BUILTIN_ADAPTERS))
    assert "dw" in available()


def test_registry_duplicate_names_raise() -> None:
    with pytest.raises(articlekit.DuplicateAdapterError):
        AdapterRegistry([ExampleAdapter, Clash])


def test_registry_lookup_by_name_url_and_content() -> None:
    registry = AdapterRegistry([ExampleAdapter])
    assert registry.get("example-news") is ExampleAdapter
    assert registry.for_url("https://news.example.org/a/1") is ExampleAdapter
    assert registry.for_url("https://sub.news.example.org/x") is ExampleAdapter
    assert registry.for_url("https://example.org/") is None
    assert registry.for_url("not a url") is None
    assert registry.for_content("see https://news.example.org/a/77 for more") is ExampleAdapter
    with pytest.raises(articlekit.AdapterNotFoundError):
        registry.get("missing")


def test_registry_custom_registry_is_used_by_parse() -> None:
    registry = AdapterRegistry([ExampleAdapter])
    article = articlekit.parse(PAGE, registry=registry)
    assert article.provenance.adapter == "example-news@1"
    assert article.title == "Headline of the test story"
    assert "Unrelated text" not in article.text
    assert article.provenance.fields["body"].kind == "adapter"


def test_registry_adapter_class_can_be_passed_directly() -> None:
    article = articlekit.parse(PAGE, adapter=ExampleAdapter)
    assert article.provenance.adapter == "example-news@1"


def test_registry_adapter_without_matching_layout_degrades_to_generic() -> None:
    page = PAGE.replace('class="story"', 'class="redesigned"')
    article = articlekit.parse(page, adapter=ExampleAdapter)
    assert any(w.code == "adapter.no_layout" for w in article.provenance.warnings)
    assert article.body, "the generic path fills the body"


def test_registry_failing_adapter_becomes_a_warning() -> None:
    class Broken(ExampleAdapter):
        name = "broken"

        def extract(self, doc: object) -> object:  # type: ignore[override]
            raise RuntimeError("boom")

    article = articlekit.parse(PAGE, adapter=Broken)
    assert any(w.code == "adapter.failed" for w in article.provenance.warnings)
    assert article.body


def test_registry_with_adapters_returns_a_new_registry() -> None:
    class Another(SiteAdapter):
        name = "another"
        domains = ("another.example.org",)

    registry = AdapterRegistry([ExampleAdapter])
    bigger = registry.with_adapters(Another)
    assert registry.names() == ("example-news",)
    assert bigger.names() == ("another", "example-news")
    with pytest.raises(articlekit.DuplicateAdapterError):
        registry.with_adapters(Clash)


JSONLD_PAGE = """<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
 {"@type": "WebSite", "name": "Example News"},
 {"@type": ["NewsArticle"], "headline": "Bridge reopens after repairs",
  "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"@type": "Person", "name": "Bo Lind"}],
  "keywords": ["bridges", "traffic"]}]}
</script></head><body><div class="story"><h1>Bridge reopens</h1>
<p>The old bridge over the river opened again on Monday after eight months of repairs.</p>
</div></body></html>"""


class JsonLdAdapter(SiteAdapter):
    name = "jsonld-example"
    domains = ("jsonld.example.org",)
    layouts = (
        Layout(
            name="v1",
            fingerprint="//div[@class='story']",
            body="//div[@class='story']",
            title="jsonld:@NewsArticle.headline",
            authors="jsonld:author.name",
            topics="jsonld:@NewsArticle.keywords",
        ),
    )


def test_adapter_rules_read_jsonld_paths() -> None:
    article = articlekit.parse(JSONLD_PAGE, adapter=JsonLdAdapter)
    assert article.title == "Bridge reopens after repairs"
    assert [p.name for p in article.authors] == ["Ana Ruiz", "Bo Lind"]
    assert article.topics == ("bridges", "traffic")
    assert article.provenance.fields["title"].kind == "adapter"


def test_registry_content_fingerprints_only_for_documents_without_url() -> None:
    page = PAGE.replace('<link rel="canonical" href="https://news.example.org/a/1">', "")
    quote = "<p>Quoted from news.example.org/a/9 by another site.</p></body>"
    page = page.replace("</body>", quote)
    registry = AdapterRegistry([ExampleAdapter])
    assert articlekit.parse(page, registry=registry).provenance.adapter == "example-news@1"
    elsewhere = articlekit.parse(page, url="https://other.example.net/x", registry=registry)
    assert elsewhere.provenance.adapter is None


def test_builtin_fingerprints_open_with_literal_text() -> None:
    """Content fingerprints run over every document without a URL: each must open with
    literal text (found by a fast scan), not with ``^\\s*`` or a class tried everywhere."""
    registry = default_registry()
    for name in registry.names():
        for pattern in registry.get(name).fingerprints:
            body = pattern.removeprefix("(?m)").removeprefix("(?i)")
            assert body and body[0] not in "^$.[(|?+{", (name, pattern)
            assert body[0] != "\\" or body[1] not in "sdwbSDWBAZ", (name, pattern)


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        (r"https?://img\.example\.com/", "://img.example.com/"),
        (r"(?m)TOI logo\s*$", "TOI logo"),
        (r"a|b", ""),
        (r"(?i)abc", ""),
        (r"ab+c", "a"),
        (r"x[a-z]+yz", "yz"),
        (r"[]a]bcd", "bcd"),
        (r"(foo)?barbaz", "barbaz"),
        (r"ab{2,3}cde", "cde"),
        (r"\(BUTTON\) x", "(BUTTON) x"),
        (r"media\d*\.faz\.net/", ".faz.net/"),
        (r"[\]x]yy(?:a|b)", "yy"),
    ],
)
def test_required_literal_reads_the_top_level(pattern: str, literal: str) -> None:
    assert required_literal(pattern) == literal


def test_required_literal_is_in_every_match() -> None:
    """For every built-in fingerprint, a text the pattern matches holds its literal: texts
    are made of the pattern's own pieces, shuffled, so that many of them match."""
    rng = random.Random(5)
    registry = default_registry()
    matched = 0
    for name in registry.names():
        for pattern in registry.get(name).fingerprints:
            literal = required_literal(pattern)
            assert literal, (name, pattern)  # each built-in fingerprint has one
            plain = re.sub(r"\\(.)", r"\1", pattern)
            pieces = [*re.findall(r"\w+|\W", plain), "2024", "x1", " ", "\n"]
            for _ in range(300):
                cut = rng.randrange(len(plain))
                text = plain[:cut] + rng.choice(pieces) + plain[cut:]
                text = "".join(rng.choice(pieces) for _ in range(3)) + text
                if re.search(pattern, text):
                    matched += 1
                    assert literal in text, (pattern, text)
    assert matched > 250


def test_fingerprints_found_by_their_literal_match_as_patterns() -> None:
    """``matches_content`` searches a pattern only where its literal is: the answer is
    that of searching every pattern, and a registry picks the adapter it names."""
    registry = default_registry()
    texts = [
        "intro https://p.dw.com/p/4abcd end",
        "nothing here at all",
        "   TOI logo\n",
        "TOI logo in the middle of a line",
        "Copyright © 2024 Heise Medien",
        "© SZ/dpa - Rechte am Artikel können Sie hier erwerben.",
    ]
    for adapter in registry.adapters():
        for text in texts:
            searched = any(re.search(p, text) for p in adapter.fingerprints)
            assert adapter.matches_content(text) == searched, (adapter.name, text)
    assert registry.for_content(texts[0]) is registry.get("dw")
    assert registry.for_content(texts[1]) is None


def test_fingerprints_set_after_the_class_are_read() -> None:
    class Later(SiteAdapter):
        name = "later-news"
        fingerprints = (r"later\.example/a/",)

    assert Later.matches_content("see later.example/a/1")
    Later.fingerprints = (r"other\.example/\d+",)
    assert not Later.matches_content("see later.example/a/1")
    assert Later.matches_content("see other.example/7")


# -- for_url: the domain index answers as asking every adapter would ----------------


def _asked_in_turn(registry: AdapterRegistry, url: str) -> type[SiteAdapter] | None:
    """``for_url`` by its definition: every adapter's ``matches_url``, in order."""
    try:
        from urllib.parse import urlsplit  # noqa: PLC0415

        if not (urlsplit(url).hostname or ""):
            return None
    except ValueError:
        return None
    return next((a for a in registry._adapters.values() if a.matches_url(url)), None)


class _Suffix(SiteAdapter):
    name = "suffix-test"
    domains = ("news.example", "", "b.news.example")


class _Patterned(SiteAdapter):
    name = "patterned-test"
    domains = ("news.example",)
    url_patterns = (r"/story/",)


class _Custom(SiteAdapter):
    name = "custom-test"
    domains = ("nowhere.invalid",)

    @classmethod
    def matches_url(cls, url: str) -> bool:
        return "/custom/" in url


_HOSTS = (
    "news.example", "a.news.example", "b.news.example", "x.b.news.example", "news.example.",
    "xnews.example", "NEWS.example", "example", "www.dw.com", "dw.com.evil.test", "a..news.example",
    "[::1]", "bbc.co.uk", "www.bbc.com",
)  # fmt: skip
_PATHS = ("/", "/story/1", "/custom/2", "/en/a-123", "?q=/story/")


def test_registry_for_url_index_equals_asking_each_adapter() -> None:
    registry = default_registry().with_adapters(_Patterned, _Suffix, _Custom)
    urls = [f"{scheme}://{host}{path}" for scheme in ("https", "http") for host in _HOSTS
            for path in _PATHS]  # fmt: skip
    urls += ["", "not a url", "https://[broken/", "mailto:someone@news.example"]
    found = {url: registry.for_url(url) for url in urls}
    assert found == {url: _asked_in_turn(registry, url) for url in urls}
    assert found["https://a.news.example/story/1"] is _Patterned  # registered before _Suffix
    assert found["https://a.news.example/"] is _Suffix
    assert found["https://news.example./"] is _Suffix  # the empty domain: a trailing dot
    assert found["https://xnews.example/"] is None
    assert found["https://example/custom/2"] is _Custom


def test_registry_for_url_reads_domains_replaced_after_it_was_built() -> None:
    class Late(SiteAdapter):
        name = "late-test"
        domains = ("before.example",)

    registry = AdapterRegistry([Late])
    assert registry.for_url("https://before.example/") is Late
    Late.domains = ("after.example",)
    assert registry.for_url("https://before.example/") is None
    assert registry.for_url("https://www.after.example/") is Late


# -- for_content: the flat fingerprint list answers as asking every adapter would ------


class _Fingerprinted(SiteAdapter):
    name = "fingerprinted-test"
    fingerprints = (r"Copyright © \d{4} Example Media", r"cdn\.example\.net/img/")


class _NoLiteral(SiteAdapter):
    name = "no-literal-test"
    fingerprints = (r"alpha-\d+-edition|omega-\d+-edition",)  # no literal is read off it


class _ContentCustom(SiteAdapter):
    name = "content-custom-test"
    fingerprints = ("unused",)

    @classmethod
    def matches_content(cls, text: str) -> bool:
        return text.startswith("CUSTOM")


def _content_asked_in_turn(registry: AdapterRegistry, text: str) -> type[SiteAdapter] | None:
    """``for_content`` by its definition: every adapter with fingerprints, in order."""
    return next(
        (a for a in registry._adapters.values() if a.fingerprints and a.matches_content(text)),
        None,
    )


def test_registry_for_content_equals_asking_each_adapter() -> None:
    registry = default_registry().with_adapters(_ContentCustom, _NoLiteral, _Fingerprinted)
    literals = [
        required_literal(p) for a in registry.adapters() for p in a.fingerprints
    ]  # each literal alone: its pattern may or may not match it
    texts = [f"Some page text. {literal} and more." for literal in literals if literal]
    texts += [
        "Copyright © 2024 Example Media",  # the pattern's literal and its digits
        "Copyright © 20x4 Example Media",  # the literal, not the pattern
        "see https://cdn.example.net/img/1.jpg",
        "CUSTOM page that says unused",  # the override answers, not the fingerprint
        "a page that says unused",
        "the omega-7-edition, no literal of any fingerprint",
        "a lone \ud800 surrogate beside cdn.example.net/img/",
        "a lone \ud800 surrogate and nothing else",
        "",
    ]
    found = {text: registry.for_content(text) for text in texts}
    assert found == {text: _content_asked_in_turn(registry, text) for text in texts}
    assert found["Copyright © 2024 Example Media"] is _Fingerprinted
    assert found["Copyright © 20x4 Example Media"] is None
    assert found["CUSTOM page that says unused"] is _ContentCustom
    assert found["a page that says unused"] is None
    assert found["the omega-7-edition, no literal of any fingerprint"] is _NoLiteral
    assert found["a lone \ud800 surrogate beside cdn.example.net/img/"] is _Fingerprinted
    assert any(adapter is not None for adapter in found.values())


def test_registry_screens_pages_for_all_required_literals_at_once() -> None:
    """The built-in fingerprints all have a required literal, and one screen holds them
    all: a page without a URL costs one scan of its source, not one per fingerprint."""
    registry = default_registry()
    screen = registry._literal_screen
    assert screen is not None
    assert registry._unscreened == ()
    for adapter in registry.adapters():
        for fingerprint in adapter.fingerprints:
            literal = required_literal(fingerprint)
            assert literal, (adapter.name, fingerprint)
            assert screen(f"<p>{literal}</p>"), (adapter.name, literal)
    assert not screen("<html><body><p>A page from no site with an adapter.</p></body></html>")
    # a fingerprint without a literal, and an adapter's own test, are asked on every page
    # and the others are still screened
    mixed = registry.with_adapters(_NoLiteral, _ContentCustom)
    assert {test[0] for test in mixed._unscreened} == {_NoLiteral, _ContentCustom}
    assert mixed._literal_screen is not None


def test_registry_for_content_reads_fingerprints_replaced_after_it_was_built() -> None:
    class Late(SiteAdapter):
        name = "late-content-test"
        fingerprints = (r"before\.example/a/",)

    registry = AdapterRegistry([Late])
    assert registry.for_content("see before.example/a/1") is Late
    Late.fingerprints = (r"after\.example/\d+",)
    assert registry.for_content("see before.example/a/1") is None
    assert registry.for_content("see after.example/7") is Late
