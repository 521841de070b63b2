"""The metadata stage itself: parsed HTML document → fused ``Metadata``.

Input → output: see the package docstring (``articlekit.metadata``); this module runs the
extractors in order and hands their findings to ``merge``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from lxml import html

from articlekit.metadata._findings import Findings
from articlekit.metadata._head import collect_links, collect_marked, collect_meta
from articlekit.metadata._scan import scan_clues
from articlekit.metadata.dom import extract_dom
from articlekit.metadata.jsonld import extract_jsonld
from articlekit.metadata.merge import merge_findings
from articlekit.metadata.meta import extract_meta
from articlekit.metadata.opengraph import extract_opengraph, extract_twitter
from articlekit.metadata.pagedates import extract_page_dates
from articlekit.metadata.types import Metadata
from articlekit.metadata.visible import extract_visible_dates
from articlekit.options import ParseOptions
from articlekit.tokens.types import Labelled

__all__ = ["extract_metadata"]

logger = logging.getLogger(__name__)


def _safely(name: str, run: Callable[[], Findings]) -> Findings:
    """Extractor name and call → its findings, or empty findings plus a warning if it failed."""
    try:
        return run()
    except Exception as exc:  # the stage never raises: a broken extractor is a warning
        logger.debug("metadata extractor %s failed", name, exc_info=True)
        return Findings(warnings=(("metadata.extractor_failed", f"{name}: {exc!r}"[:300]),))


def extract_metadata(
    root: html.HtmlElement,
    *,
    url: str | None,
    options: ParseOptions,
    labelled: tuple[Labelled, ...] | None = None,
) -> Metadata:
    """Parsed document → fused ``Metadata``; ``root`` is only read, never changed.

    Args:
        root: The parsed document (``lxml.html``, comments removed).
        url: The page URL, used to resolve relative URLs and as a weak date source.
        options: ``default_timezone`` and ``reference_time`` are used for dates.
        labelled: The tokenizer's ``TokenStream.labelled`` for ``root``, when it has
            it: the clue scan then reads it instead of walking the body again.

    Returns:
        ``Metadata`` with winners, all candidates (``candidates``) and ``warnings``.
    """
    try:
        marked = collect_marked(root)
        tags = collect_meta(root, marked)
        links = collect_links(root, marked)
        clues = scan_clues(root, labelled)
    except Exception as exc:  # the stage never raises
        logger.debug("reading meta tags failed", exc_info=True)
        return Metadata(warnings=(("metadata.extractor_failed", f"head: {exc!r}"[:300]),))
    findings = [
        _safely("jsonld", lambda: extract_jsonld(root, url=url, marked=marked)),
        _safely("opengraph", lambda: extract_opengraph(tags, url=url)),
        _safely("twitter", lambda: extract_twitter(tags, url=url)),
        _safely("meta", lambda: extract_meta(root, tags, links, url=url, marked=marked)),
        _safely("dom", lambda: extract_dom(root, clues, marked)),
        _safely("visible", lambda: extract_visible_dates(root, tags, clues)),
    ]
    try:
        merged = merge_findings(
            findings,
            url=url,
            default_timezone=options.default_timezone,
            reference_time=options.reference_time,
        )
        if merged.published is not None:
            return merged
        # the last resort, for the few pages nothing else dated: their text's dates
        page = _safely("page dates", lambda: extract_page_dates(root, tags))
        if not page.published and not page.warnings:
            return merged
        return merge_findings(
            [*findings, page],
            url=url,
            default_timezone=options.default_timezone,
            reference_time=options.reference_time,
        )
    except Exception as exc:  # the stage never raises
        logger.debug("merging metadata failed", exc_info=True)
        return Metadata(warnings=(("metadata.merge_failed", f"{exc!r}"[:300]),))
