"""The supported-sites table and the adapter skeleton: registry → Markdown / source text.

Input → output: an ``AdapterRegistry`` → the Markdown table of supported sites (the
source of ``docs/supported-sites.md``), and a name + domain → the text of a new
adapter module and its fixture skeleton. Pure: writing files is the CLI's job.
"""

from __future__ import annotations

import json
import keyword
import re
from collections.abc import Mapping

from articlekit.adapters.registry import AdapterRegistry, default_registry

__all__ = [
    "adapter_class_name",
    "adapter_skeleton",
    "supported_sites_markdown",
    "valid_adapter_name",
]

_NAME = re.compile(r"^[a-z][a-z0-9_]{1,40}$")
_DOMAIN = re.compile(r"^(?=.{3,253}$)[a-z0-9-]+(?:\.[a-z0-9-]+)+$")


def supported_sites_markdown(registry: AdapterRegistry | None = None) -> str:
    """A Markdown table with one row per adapter: name, site, domains, layouts, text."""
    reg = registry or default_registry()
    lines = [
        "# Supported sites",
        "",
        "Generated from the adapter registry by `articlekit adapters table`; a test keeps",
        "it current. Every other site goes through the generic path.",
        "",
        "| adapter | site | domains | layouts | raw-text rules |",
        "| --- | --- | --- | --- | --- |",
    ]
    for adapter in reg.adapters():
        layouts = ", ".join(f"`{layout.name}`" for layout in adapter.layouts) or "—"
        domains = ", ".join(adapter.domains) or "—"
        text = "yes" if adapter.text_rules is not None else "generic"
        lines.append(
            f"| `{adapter.name}@{adapter.version}` | {adapter.site_name or '—'} | {domains} "
            f"| {layouts} | {text} |"
        )
    return "\n".join(lines) + "\n"


def valid_adapter_name(name: str) -> bool:
    """Adapter names are lower-case identifiers (they become module names)."""
    return bool(_NAME.match(name)) and not keyword.iskeyword(name)


def adapter_class_name(name: str) -> str:
    """The class name the skeleton gives an adapter called ``name``."""
    return "".join(part.capitalize() for part in name.split("_")) + "Adapter"


def adapter_skeleton(name: str, domain: str) -> dict[str, str]:
    """The files of a new adapter, by relative path.

    Returns:
        ``{"<name>.py": adapter module, "<name>/example/source.html": page,
        "<name>/example/expected.json": expected fields}``, and the same for a raw-text
        dump (``"<name>/text-example/source.txt"``).

    Raises:
        ValueError: ``name`` is not a lower-case identifier or ``domain`` is no host name.
    """
    if not valid_adapter_name(name):
        raise ValueError(f"adapter name must be a lower-case identifier, not {name!r}")
    domain = domain.lower().removeprefix("www.")
    if not _DOMAIN.match(domain):
        raise ValueError(f"not a domain name: {domain!r}")
    cls = adapter_class_name(name)
    module = f'''"""{domain}: ``Document`` → ``PartialArticle``.

Layouts:

- ``v1``: the article page (replace this with what identifies the design).

Raw-text dumps (lynx): the headline, "By …" and "Published …" above the text; "Read
more" link boxes inside it; the text ends at "Related stories".
"""

from __future__ import annotations

import re

from articlekit.adapters.base import Box, Layout, SiteAdapter, TextRules

_STORY = "//article[contains(@class, 'story')]"


class {cls}(SiteAdapter):
    """{domain}."""

    name = "{name}"
    version = "1"
    site_name = "{domain}"
    domains = ("{domain}",)
    layouts = (
        Layout(
            name="v1",
            fingerprint=_STORY,
            body=_STORY + "//div[contains(@class, 'story-body')]",
            title=_STORY + "//h1",
            authors=_STORY + "//*[contains(@class, 'byline')]",
        ),
    )
    text_rules = TextRules(
        drop=(re.compile(r"^(?:Share|Advertisement)$"),),
        end_of_body=re.compile(r"^Related stories$"),
        boxes=(Box(re.compile(r"^Read more$"), items=True),),
        byline=re.compile(r"^By (?P<names>.+)$"),
        dateline=re.compile(r"^Published (?P<date>.+)$"),
        headline="topmost",
        standfirst="below_headline",
    )
'''
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Example headline | {domain}</title>
<link rel="canonical" href="https://www.{domain}/news/example-headline"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article class="story"><h1>Example headline</h1>
<p class="byline">By Jane Example</p>
<div class="story-body">
<p>Replace this page with one written in your own words that reproduces the real
structure of the site: its element names, classes and furniture.</p>
<p>Then set the expected fields below to what the adapter must extract from it.</p>
</div></article>
<footer><p>Copyright notice of the site</p></footer></body></html>
"""
    expected = {
        "url": f"https://www.{domain}/news/example-headline",
        "adapter": name,
        "layout": "v1",
        "title": "Example headline",
        "authors": [{"name": "Jane Example"}],
        "body_paragraphs": [
            "Replace this page with one written in your own words that reproduces the real "
            "structure of the site: its element names, classes and furniture.",
            "Then set the expected fields below to what the adapter must extract from it.",
        ],
        "not_in_text": ["Copyright notice of the site"],
    }
    dump = """   Home
   Share

Example headline

   A standfirst of one sentence that says what the story is about.

   By Jane Example

   Published March 12, 2025

   Replace this dump with one written in your own words that reproduces the real
   rendering of the site's pages: its header, boxes and furniture.

   Read more
     * Another story of the site

   Then set the expected fields below to what the text rules must extract from it.

Related stories

     * A story of the site
"""
    text_expected = {
        "content_type": "text",
        "adapter": name,
        "title": "Example headline",
        "authors": [{"name": "Jane Example"}],
        "published": "2025-03-12",
        "summary": "A standfirst of one sentence that says what the story is about.",
        "not_in_text": ["Another story of the site", "A story of the site"],
    }
    return {
        f"{name}.py": module,
        f"{name}/example/source.html": page,
        f"{name}/example/expected.json": _json(expected),
        f"{name}/text-example/source.txt": dump,
        f"{name}/text-example/expected.json": _json(text_expected),
    }


def _json(data: Mapping[str, object]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
