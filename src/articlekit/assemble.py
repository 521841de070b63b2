"""Assemble stage: metadata + adapter result + generic result → ``Article``.

Input → output: the fused ``Metadata``, the site adapter's ``PartialArticle`` (if an
adapter ran) and the generic ``PartialArticle`` → the public, validated ``Article``.

This is the only place that builds the public model. Each field is taken from the
first source that knows it (``_choose``), and its provenance says which one:

- the site adapter always wins (it knows the site);
- for body and summary, the generic content stage comes next, then metadata; a
  declared description becomes the summary only when the page prints it apart
  from the body (it is always the ``description``);
- for every other field, the page's declared metadata (JSON-LD, OpenGraph, meta,
  DOM, text record headers) comes before what the content stage read from the text.

The nested values (body blocks, spans, images, persons, the field sources built here,
warnings) are built as plain dicts and validated with the ``Provenance`` and the
``Article`` around them, in two pydantic calls per article: the result is the same
validated model as building each one with its class, at a fraction of the cost (one
Python-level model ``__init__`` per block was most of this stage's time). A field that
fails validation is dropped with an ``assemble.invalid_field`` warning (``_salvage``).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pydantic

from articlekit.errors import InvalidOptionError
from articlekit.metadata.types import DateValue, Evidence, Metadata, PersonRef
from articlekit.model import Article, FieldSource, Provenance, Warning
from articlekit.model.provenance import SourceKind
from articlekit.options import ParseOptions
from articlekit.partial import PartialArticle
from articlekit.tokens.types import ImageRef, Token, TokenKind, TokenStream

__all__ = ["assemble"]

CONTENT_FIRST = frozenset({"body", "summary", "images", "notices", "editors"})
"""Fields the content stage (adapter, then generic) knows better than metadata."""
METADATA_FIELDS = (
    "title", "summary", "site_name", "language", "canonical_url", "short_url",
    "section", "topics", "authors", "organizations", "published", "modified", "paywalled",
)  # fmt: skip
"""Fields that ``Metadata`` can provide."""
CHOSEN_FIELDS = (*METADATA_FIELDS, "body", "images", "notices", "editors")
"""Fields taken from the first source that knows them (see ``_choose``)."""

Data = dict[str, Any]
"""A nested model's fields as a dict (a block, span, image, person or field source):
pydantic validates it into its class as part of the ``Article`` or ``Provenance``
around it."""
Source = FieldSource | Data
"""A field's source: as a content stage gave it, or as ``Data`` when built here."""


def assemble(
    *,
    url: str | None,
    content_type: str,
    encoding: str | None,
    stream: TokenStream,
    metadata: Metadata,
    adapter_ident: str | None,
    adapter_result: PartialArticle | None,
    generic: PartialArticle | None,
    options: ParseOptions,
    site_timezone: str | None = None,
    warnings: Sequence[tuple[str, str]] = (),
) -> Article:
    """Build the ``Article`` from the stage results (see the module docstring).

    ``site_timezone`` is the matched adapter's newsroom zone: it is assumed (and
    flagged) for times without an offset before the caller's ``default_timezone``.
    """
    sources: dict[str, Source] = {}
    values: dict[str, Any] = {}
    partials = [p for p in (adapter_result, generic) if p is not None]
    for name in CHOSEN_FIELDS:
        value, source = _choose(name, adapter_result, generic, metadata)
        if value is not None:
            values[name] = value
            if source is not None:
                sources[name] = source
    norms = _Norms()
    summary_declared = "summary" in values and not any(p.summary for p in partials)
    body_tokens: tuple[Token, ...] = values.pop("body", ())
    if summary_declared and not _lead_on_page(values["summary"], stream, body_tokens, norms):
        del values["summary"]  # the declared description stays ``description``
        sources.pop("summary", None)
    description, description_source = _from_metadata("summary", metadata)
    if description_source is not None:
        sources["description"] = description_source
    summary = values.get("summary")
    body_tokens = _drop_repeats(body_tokens, summary, values.get("title"), norms)
    if not options.include_images:
        body_tokens = tuple(t for t in body_tokens if t.image is None)
    blocks, origins = _blocks(body_tokens)
    images = _images(values.pop("images", None), blocks, metadata)
    if not options.include_images:
        images = []
    all_warnings = [*warnings, *metadata.warnings]
    for partial in partials:
        all_warnings.extend(partial.warnings)
    zone_name = site_timezone or options.default_timezone
    published = _date(values.pop("published", None), zone_name, sources, "published")
    modified = _date(values.pop("modified", None), zone_name, sources, "modified")
    if published is not None and modified is not None and modified == published:
        modified = None
        sources.pop("modified", None)
    if url:
        sources["url"] = {"kind": SourceKind.CALLER, "detail": "url argument"}
    fields: dict[str, Any] = {
        "url": url or (metadata.url.value if metadata.url else None),
        "title": values.get("title"),
        "summary": summary,
        "description": description,
        "site_name": values.get("site_name"),
        "language": values.get("language"),
        "canonical_url": values.get("canonical_url"),
        "short_url": values.get("short_url"),
        "section": values.get("section"),
        "topics": tuple(values.get("topics") or ()),
        "authors": _persons(values.get("authors")),
        "editors": _persons(values.get("editors")),
        "organizations": tuple(values.get("organizations") or ()),
        "published": published,
        "modified": modified,
        "body": blocks,
        "images": images,
        "notices": tuple(values.get("notices") or ()),
        "paywalled": values.get("paywalled"),
    }
    provenance = Provenance.model_validate(
        {
            "fields": sources,
            "blocks": _spans(origins, stream),
            "content_type": content_type,
            "encoding": encoding,
            "adapter": adapter_ident,
            "warnings": [{"code": c, "message": m} for c, m in _unique(all_warnings)],
        }
    )
    try:
        return Article.model_validate({**fields, "provenance": provenance})
    except pydantic.ValidationError as exc:  # a stage produced an invalid value: drop it
        return _salvage(fields, provenance, exc)


def _choose(
    name: str,
    adapter: PartialArticle | None,
    generic: PartialArticle | None,
    metadata: Metadata,
) -> tuple[Any, Source | None]:
    """The first known value of ``name`` and its source: the adapter's, then, for
    ``CONTENT_FIRST`` fields, the generic stage's before the metadata's, for the
    others the metadata's before the generic stage's (each looked at only when those
    before it know nothing)."""
    content_first = name in CONTENT_FIRST
    found = _known(adapter, name)
    if found is None and content_first:
        found = _known(generic, name)
    if found is None:
        evidence: Evidence[Any] | None = getattr(metadata, name, None)
        if evidence is not None and evidence.value is not None and evidence.value not in UNKNOWN:
            found = evidence.value, _evidence_source(evidence)
    if found is None and not content_first:
        found = _known(generic, name)
    return found if found is not None else (None, None)


def _known(partial: PartialArticle | None, name: str) -> tuple[Any, Source | None] | None:
    """A content stage's value of ``name`` and its source, if it knows one."""
    if partial is None:
        return None
    value = getattr(partial, name, None)
    if value is None or value in UNKNOWN:
        return None
    return value, partial.sources.get(name)


UNKNOWN = ((), "")
"""Values that count as unknown besides ``None``: empty text, an empty tuple."""


def _evidence_source(evidence: Evidence[Any]) -> Data:
    return {"kind": evidence.kind, "detail": evidence.detail or None}


def _from_metadata(name: str, metadata: Metadata) -> tuple[Any, Source | None]:
    evidence: Evidence[Any] | None = getattr(metadata, name, None)
    if evidence is None:
        return None, None
    return evidence.value, _evidence_source(evidence)


def _norm(text: str | None) -> str:
    """NFC, whitespace collapsed to single spaces (none at the ends), case folded.

    Text that is already collapsed is not split and joined again: it has no double
    space, no space at either end, and no other whitespace (``isprintable`` is false
    for every whitespace character but the space).
    """
    text = unicodedata.normalize("NFC", text or "")
    if "  " in text or text[:1] == " " or text[-1:] == " " or not text.isprintable():
        text = " ".join(text.split())
    return text.casefold()


MAX_NORM_GROWTH = 4
"""No character becomes more than this many under ``_norm`` (its canonical decomposition,
case folded: U+1F82 becomes four; composing and collapsing only shorten), and an ASCII
character stays one. The test suite checks it on every code point."""


def _may_reach(text: str, length: int) -> bool:
    """Whether ``_norm(text)`` can be ``length`` characters or longer: a bound that
    saves normalizing texts too short to hold (or equal) a longer key."""
    return len(text) * (1 if text.isascii() else MAX_NORM_GROWTH) >= length


def _may_equal(text: str, key: str) -> bool:
    """Whether ``_norm(text)`` can be ``key``, a non-empty normalized text: not when the
    text is too short (``_may_reach``), nor when it starts with two ASCII characters,
    the first not a space, and that one in lower case is not the key's first (NFC
    composes nothing out of two ASCII characters; folding an ASCII one lowers it)."""
    if not _may_reach(text, len(key)):
        return False
    head = text[:2]
    if head.isascii() and not head[0].isspace():
        return head[0].lower() == key[0]
    return True


def _reaching(texts: list[str], length: int) -> list[str]:
    """The texts that pass ``_may_reach(text, length)``, tested in one comprehension."""
    least = -(-length // MAX_NORM_GROWTH)  # for a text that is not ASCII
    return [t for t in texts if len(t) >= length or (len(t) >= least and not t.isascii())]


class _Norms(dict[str, str]):
    """``_norm`` of texts, each computed once per article: the summary checks and the
    repeat checks compare the same body texts (a dict, so a text seen before costs one
    lookup)."""

    def __missing__(self, text: str) -> str:
        key = self[text] = _norm(text)
        return key


def _lead_on_page(
    description: str, stream: TokenStream, body: tuple[Token, ...], norms: _Norms
) -> bool:
    """Whether a declared description is a lead the page prints: it is one of the
    page's blocks, or inside one, and the body does not already say it inside a longer
    paragraph (the summary would print it twice).

    Compared after NFC, whitespace collapsing and case folding, without a trailing
    ellipsis (descriptions are often cut short of the lead they copy).
    """
    key = _norm(description).rstrip(" .…")
    if not key:
        return False
    for text in _reaching([t.text for t in body], len(key)):
        normalized = norms[text]
        if key in normalized and key != normalized:
            return False
    if "\0" in key:  # it could span two blocks joined by the separator
        return key in "\0".join(norms[token.text] for token in stream.tokens)
    page = _reaching([t.text for t in stream.tokens], len(key))
    return any(key in norms[text] for text in page)  # none spans blocks


PICTURE_KINDS = frozenset({TokenKind.FIGURE, TokenKind.CAPTION})
"""Body tokens that carry a picture; one caption is shown once (lightbox copies are not)."""


def _drop_repeats(
    tokens: tuple[Token, ...],
    summary: str | None,
    title: str | None,
    norms: _Norms,
) -> tuple[Token, ...]:
    """The summary and the title are not repeated as body blocks, and a picture with
    the same caption appears once (pages print captions again for lightboxes).

    ``norms``: the article's memo of normalized texts.
    """
    summary_key, title_key = _norm(summary), _norm(title)
    seen: set[str] = set()
    out: list[Token] = []
    for i, token in enumerate(tokens):
        kind = token.kind
        if kind in PICTURE_KINDS:
            # (a picture whose caption is the summary or the title is still the picture)
            key = norms[token.text]
            if key:
                if key in seen:
                    continue
                seen.add(key)
        elif summary_key or i < 3:
            title_test = bool(title_key) and i < 3 and kind is TokenKind.HEADING
            if title_test or (summary_key and _may_equal(token.text, summary_key)):
                key = norms[token.text]
                if key and (key == summary_key or (title_test and key == title_key)):
                    continue
            # else no test applies (or the text cannot be the summary)
        out.append(token)
    return tuple(out)


def _spans(tokens: list[Token], stream: TokenStream) -> list[Data]:
    """One ``Span`` per token: its line range (text), else its element's XPath (HTML)."""
    nodes = [t.node for t in tokens if t.lines is None]
    xpaths = stream.xpaths(nodes) if nodes else {}
    return [
        {"lines": t.lines} if t.lines is not None else {"xpath": xpaths.get(t.node)} for t in tokens
    ]


def _image(ref: ImageRef) -> Data:
    return {
        "src": ref.src,
        "alt": ref.alt,
        "caption": ref.caption,
        "credit": ref.credit,
        "is_lead": False,
    }


def _blocks(tokens: Iterable[Token]) -> tuple[list[Data], list[Token]]:
    """Turn body tokens into blocks (as ``Data``), each with the token it came from;
    consecutive list items become one list (from its first item)."""
    blocks: list[Data] = []
    origins: list[Token] = []
    items: list[str] = []
    list_key: tuple[int, bool] | None = None
    # (an enum member is slow to look up on its class)
    list_item, paragraph = TokenKind.LIST_ITEM, TokenKind.PARAGRAPH
    for token in tokens:
        kind = token.kind
        if kind is paragraph and token.text:  # the common case: no look-up, no call
            list_key = None
            blocks.append({"type": "paragraph", "text": token.text})
            origins.append(token)
            continue
        if kind is list_item:
            key = (token.group, token.ordered)
            if key != list_key:
                list_key = key
                items = []
                blocks.append({"type": "list", "items": items, "ordered": token.ordered})
                origins.append(token)
            items.append(token.text)
            continue
        list_key = None
        block = BLOCK_BUILDERS.get(kind, _paragraph)(token)
        if block is not None:
            blocks.append(block)
            origins.append(token)
    return blocks, origins


def _paragraph(token: Token) -> Data | None:
    return {"type": "paragraph", "text": token.text} if token.text else None


def _heading(token: Token) -> Data | None:
    if not token.text:
        return None
    return {"type": "heading", "text": token.text, "level": min(max(token.level, 1), 6)}


def _quote(token: Token) -> Data | None:
    return {"type": "quote", "text": token.text} if token.text else None


def _table(token: Token) -> Data | None:
    return {"type": "table", "rows": token.rows or ((token.text,),)} if token.text else None


def _figure(token: Token) -> Data | None:
    return {"type": "figure", "image": _image(token.image)} if token.image is not None else None


def _embed(token: Token) -> Data:
    return {"type": "embed", "url": token.href, "text": token.text or None}


BLOCK_BUILDERS: Mapping[TokenKind, Callable[[Token], Data | None]] = MappingProxyType(
    {
        TokenKind.HEADING: _heading,
        TokenKind.QUOTE: _quote,
        TokenKind.TABLE: _table,
        TokenKind.FIGURE: _figure,
        TokenKind.CAPTION: _figure,
        TokenKind.EMBED: _embed,
    }
)
"""The block a body token becomes, by kind (``None``: none, e.g. an empty text or a
figure without image); list items are gathered by ``_blocks``, and every other kind
with text is a paragraph."""


def _images(
    refs: tuple[ImageRef, ...] | None, blocks: list[Data], metadata: Metadata
) -> list[Data]:
    if refs is not None:
        images = [_image(r) for r in refs]
    else:
        images = [b["image"] for b in blocks if b["type"] == "figure"]
    lead = metadata.lead_image.value if metadata.lead_image is not None else None
    if not images:
        if lead is not None:
            images.append({"src": lead, "is_lead": True})
    elif (
        refs is not None
        or _lead_figure_index(blocks) is not None
        or _same_image(images[0]["src"], lead)
    ):
        # The page's own first picture is the lead; the og:image is usually another
        # crop of it, so it is not added as a caption-less duplicate. (A copy: the
        # figure in the body is not the lead.)
        images[0] = {**images[0], "is_lead": True}
    seen: set[tuple[str | None, str | None]] = set()
    unique: list[Data] = []
    for image in images:
        key = (image["src"], image.get("caption"))
        if key not in seen:
            seen.add(key)
            unique.append(image)
    return unique


def _lead_figure_index(blocks: list[Data]) -> int | None:
    """Index of a figure placed before the first paragraph: the page's lead image."""
    for i, block in enumerate(blocks):
        if block["type"] == "figure":
            return i
        if block["type"] == "paragraph":
            return None
    return None


def _same_image(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return a.split("?")[0] == b.split("?")[0]


def _persons(refs: tuple[PersonRef, ...] | None) -> list[Data]:
    if not refs:
        return []
    return [
        {"name": r.name, "role": r.role, "description": r.description, "url": r.url} for r in refs
    ]


def _date(
    value: DateValue | None,
    zone_name: str | None,
    sources: dict[str, Source],
    name: str,
) -> dt.datetime | dt.date | None:
    """The date as the model holds it; a naive time gets ``zone_name`` (flagged)."""
    if value is None:
        return None
    result = value.value
    assumed = value.assumed_timezone
    if isinstance(result, dt.datetime) and result.tzinfo is None and zone_name is not None:
        try:
            zone = ZoneInfo(zone_name)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise InvalidOptionError(f"unknown time zone {zone_name!r}") from exc
        result = result.replace(tzinfo=zone)
        assumed = True
    if assumed and name in sources:
        source = sources[name]
        if isinstance(source, FieldSource):
            sources[name] = source.model_copy(update={"assumed_timezone": True})
        else:
            sources[name] = {**source, "assumed_timezone": True}
    return result


def _unique(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return list(dict.fromkeys(pairs))


def _salvage(
    fields: dict[str, Any], provenance: Provenance, error: pydantic.ValidationError
) -> Article:
    """Drop the fields that failed validation and say so in the warnings (a dropped
    body takes its spans with it)."""
    bad = {str(e["loc"][0]) for e in error.errors() if e.get("loc")}
    kept = {k: v for k, v in fields.items() if k not in bad}
    warnings = (
        *provenance.warnings,
        *(
            Warning(code="assemble.invalid_field", message=f"dropped invalid {k}")
            for k in sorted(bad)
        ),
    )
    update: dict[str, Any] = {"warnings": warnings}
    if "body" in bad:
        update["blocks"] = ()
    return Article.model_validate({**kept, "provenance": provenance.model_copy(update=update)})
