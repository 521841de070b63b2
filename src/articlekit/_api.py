"""The public functions: ``parse``, ``tokenize`` and ``metadata``.

Input → output: ``str | bytes`` → ``Article`` (or the token stream, or the fused
metadata). ``parse`` only calls the stages in order; it has no heuristics of its own:

1. ``decode``     bytes → normalized str, content type sniffed
2. ``tokens``     HTML or text → ``TokenStream``
3. ``metadata``   JSON-LD, OpenGraph, meta, DOM / text record headers → ``Metadata``
4. ``adapters``   the site adapter, if one matches → ``PartialArticle``
5. ``scoring``    generic content selection → ``PartialArticle``
6. ``assemble``   → ``Article``

Every function is pure: no network, no files, no global mutable state.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable
from typing import TypeVar

from articlekit.adapters.base import Document, SiteAdapter
from articlekit.adapters.registry import AdapterRegistry, default_registry
from articlekit.assemble import assemble
from articlekit.decode import ContentType, decode, sniff_content_type
from articlekit.errors import ArticleKitError, InputTypeError, InvalidOptionError
from articlekit.metadata.stage import extract_metadata
from articlekit.metadata.types import Metadata
from articlekit.model import Article
from articlekit.options import ParseOptions
from articlekit.partial import PartialArticle
from articlekit.scoring.html import score_html
from articlekit.tokens.embedded import with_embedded_text
from articlekit.tokens.html import HtmlDocument, parse_html, tokenize_html
from articlekit.tokens.types import TokenStream

__all__ = ["metadata", "parse", "tokenize"]

log = logging.getLogger(__name__)

GENERIC = "generic"
"""``adapter=GENERIC`` turns site adapters off."""
_CONTENT_TYPES = ("html", "text")

T = TypeVar("T")
Source = str | bytes


@dataclasses.dataclass(frozen=True, slots=True)
class _Prepared:
    """Stages 1–3 done: what every public function starts from."""

    text: str
    encoding: str | None
    content_type: ContentType
    html: HtmlDocument | None
    stream: TokenStream
    metadata: Metadata
    warnings: tuple[tuple[str, str], ...]


def parse(
    source: Source,
    /,
    *,
    url: str | None = None,
    encoding: str | None = None,
    content_type: ContentType | None = None,
    adapter: str | type[SiteAdapter] | None = None,
    registry: AdapterRegistry | None = None,
    options: ParseOptions | None = None,
) -> Article:
    """Extract the article from an HTML page or a raw-text dump.

    Args:
        source: The page as ``bytes`` (decoded by BOM, ``encoding``, ``<meta charset>``,
            then UTF-8 / Windows-1252) or as ``str``.
        url: The page's URL: picks the site adapter, resolves relative links.
        encoding: The character encoding of ``bytes`` input, if known.
        content_type: ``"html"`` or ``"text"``; ``None`` sniffs it.
        adapter: A registered adapter name (or class) to force, or ``"generic"`` to
            use no adapter. ``None`` picks one by URL, then by content.
        registry: Where adapters are looked up (default: built-ins + entry points).
        options: Limits, date handling and scoring thresholds.

    Returns:
        The article. Problems that affect single fields are listed in
        ``article.provenance.warnings``.

    Raises:
        InputTypeError: ``source`` is not ``str`` or ``bytes``.
        EmptyInputError: ``source`` is empty.
        InputTooLargeError: ``source`` exceeds ``options.max_input_bytes``.
        BinaryInputError: ``source`` is a binary file.
        InvalidOptionError: an argument has an invalid value.
        AdapterNotFoundError: ``adapter`` names no registered adapter.
    """
    opts = _options(options)
    prepared = _prepare(source, url=url, encoding=encoding, content_type=content_type, options=opts)
    warnings = list(prepared.warnings)
    site = _choose_adapter(prepared, url, adapter, registry)
    doc = Document(
        text=prepared.text,
        content_type=prepared.content_type,
        url=url
        or (prepared.metadata.canonical_url.value if prepared.metadata.canonical_url else None),
        html=prepared.html,
        stream=prepared.stream,
        metadata=prepared.metadata,
        options=opts,
    )
    site_result: PartialArticle | None = None
    ident: str | None = None
    if site is not None:
        instance = site()
        ident = instance.ident
        site_result = _guard(f"adapter {ident}", lambda: instance.extract(doc), None, warnings)
    generic: PartialArticle | None = None
    if _needs_generic(site_result, prepared.content_type):
        generic = _guard("scoring", lambda: _generic(prepared, opts, doc.url), None, warnings)
    return assemble(
        url=url,
        content_type=prepared.content_type,
        encoding=prepared.encoding,
        stream=prepared.stream,
        metadata=prepared.metadata,
        adapter_ident=ident,
        adapter_result=site_result,
        generic=generic,
        options=opts,
        site_timezone=site.site_timezone if site is not None else None,
        warnings=warnings,
    )


def tokenize(
    source: Source,
    /,
    *,
    url: str | None = None,
    encoding: str | None = None,
    content_type: ContentType | None = None,
    options: ParseOptions | None = None,
) -> TokenStream:
    """The normalized token stream that ``parse`` works on (stages 1–2).

    Arguments and errors are those of ``parse``.
    """
    opts = _options(options)
    text, used, kind, warnings = _decode(source, encoding, content_type, opts)
    html, stream = _tokens(text, kind, url, opts)
    del used, warnings, html
    return stream


def metadata(
    source: Source,
    /,
    *,
    url: str | None = None,
    encoding: str | None = None,
    content_type: ContentType | None = None,
    options: ParseOptions | None = None,
) -> Metadata:
    """The fused metadata of a document, with every candidate and its source (stages 1–3).

    Arguments and errors are those of ``parse``.
    """
    opts = _options(options)
    return _prepare(
        source, url=url, encoding=encoding, content_type=content_type, options=opts
    ).metadata


# -- stages ---------------------------------------------------------------------------


def _options(options: ParseOptions | None) -> ParseOptions:
    if options is None:
        return ParseOptions()
    if not isinstance(options, ParseOptions):
        raise InvalidOptionError(f"options must be ParseOptions, not {type(options).__name__}")
    return options


def _decode(
    source: Source, encoding: str | None, content_type: ContentType | None, options: ParseOptions
) -> tuple[str, str | None, ContentType, tuple[tuple[str, str], ...]]:
    if content_type is not None and content_type not in _CONTENT_TYPES:
        raise InvalidOptionError(
            f"content_type must be 'html', 'text' or None, not {content_type!r}"
        )
    if not isinstance(source, str | bytes | bytearray | memoryview):
        raise InputTypeError(f"source must be str or bytes, not {type(source).__name__}")
    decoded = decode(source, encoding=encoding, max_input_bytes=options.max_input_bytes)
    kind: ContentType = content_type or sniff_content_type(decoded.text)
    return decoded.text, decoded.encoding, kind, decoded.warnings


def _tokens(
    text: str, kind: ContentType, url: str | None, options: ParseOptions
) -> tuple[HtmlDocument | None, TokenStream]:
    if kind == "text":
        from articlekit.tokens.text import tokenize_text  # noqa: PLC0415 (text path: lazy)

        return None, tokenize_text(text)
    html = parse_html(text, url=url)
    deadline = time.monotonic() + options.time_budget
    stream = tokenize_html(html, max_nodes=options.max_nodes, deadline=deadline)
    return html, with_embedded_text(html, stream, max_nodes=options.max_nodes, deadline=deadline)


def _prepare(
    source: Source,
    *,
    url: str | None,
    encoding: str | None,
    content_type: ContentType | None,
    options: ParseOptions,
) -> _Prepared:
    text, used, kind, decode_warnings = _decode(source, encoding, content_type, options)
    html, stream = _tokens(text, kind, url, options)
    warnings = [*decode_warnings, *stream.warnings]
    if html is not None:
        root = html.root
        meta = _guard(
            "metadata",
            lambda: extract_metadata(
                root, url=html.base_url, options=options, labelled=stream.labelled
            ),
            Metadata(),
            warnings,
        )
    else:
        from articlekit.metadata.rawtext import extract_text_metadata  # noqa: PLC0415

        meta = _guard("metadata", lambda: extract_text_metadata(stream), Metadata(), warnings)
    return _Prepared(
        text=text,
        encoding=used,
        content_type=kind,
        html=html,
        stream=stream,
        metadata=meta,
        warnings=tuple(warnings),
    )


def _choose_adapter(
    prepared: _Prepared,
    url: str | None,
    adapter: str | type[SiteAdapter] | None,
    registry: AdapterRegistry | None,
) -> type[SiteAdapter] | None:
    if adapter == GENERIC:
        return None
    if isinstance(adapter, type):
        if not issubclass(adapter, SiteAdapter):
            raise InvalidOptionError("adapter must be a name or a SiteAdapter subclass")
        return adapter
    if adapter is not None and not isinstance(adapter, str):
        raise InvalidOptionError("adapter must be a name or a SiteAdapter subclass")
    if registry is not None and not isinstance(registry, AdapterRegistry):
        raise InvalidOptionError("registry must be an AdapterRegistry")
    reg = registry if registry is not None else default_registry()
    if adapter is not None:
        return reg.get(adapter)
    meta = prepared.metadata
    candidates = [
        u
        for u in (
            url,
            meta.canonical_url.value if meta.canonical_url else None,
            meta.url.value if meta.url else None,
        )
        if u
    ]
    for candidate in candidates:
        found = reg.for_url(candidate)
        if found is not None:
            return found
    # Content fingerprints are for documents that do not say where they come from: a
    # page whose own URL matches no adapter belongs to another site.
    return reg.for_content(prepared.text) if not candidates else None


HIDDEN_BY_TEXT_RULES = ("title", "authors", "published", "body", "images")
"""Fields a text adapter's own scoring run may miss: its rules take lines out of the
text before it is scored, which can hide the headline, byline, dateline, captions or
part of the body from that run (``_needs_generic``)."""


def _needs_generic(site_result: PartialArticle | None, content_type: ContentType) -> bool:
    """Whether the generic stage runs: without an adapter result or its body; and for
    text, also when the adapter's result lacks one of ``HIDDEN_BY_TEXT_RULES``, which the
    generic run over the unfiltered text then fills (it costs one more scoring of the
    text, about as much as the adapter's own)."""
    if site_result is None or site_result.body is None:
        return True
    return content_type == "text" and not all(
        getattr(site_result, name) for name in HIDDEN_BY_TEXT_RULES
    )


def _generic(prepared: _Prepared, options: ParseOptions, url: str | None) -> PartialArticle:
    if prepared.content_type == "text":
        from articlekit.scoring.text import score_text  # noqa: PLC0415 (text path: lazy)

        return score_text(
            prepared.stream,
            config=options.text_scoring,
            reference_time=options.reference_time,
            url=url or (prepared.metadata.url.value if prepared.metadata.url else None),
        )
    return score_html(prepared.stream, prepared.metadata, config=options.scoring)


def _guard(stage: str, run: Callable[[], T], fallback: T, warnings: list[tuple[str, str]]) -> T:
    """Run one stage; an unexpected error becomes a warning and the fallback value."""
    try:
        return run()
    except ArticleKitError:
        raise
    except (RecursionError, MemoryError) as exc:
        warnings.append(
            (f"{stage.split(maxsplit=1)[0]}.failed", f"{stage} gave up: {type(exc).__name__}")
        )
        return fallback
    except Exception as exc:
        log.debug("stage %s failed", stage, exc_info=True)
        warnings.append(
            (f"{stage.split(maxsplit=1)[0]}.failed", f"{stage} failed: {type(exc).__name__}: {exc}")
        )
        return fallback
