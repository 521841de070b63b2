"""Corpus loading: ``shared/corpora`` files → :class:`Document` (input + gold) values.

Five corpora are known:

* ``fundus``: news pages with field-level gold (``*.gold.json``) and ``meta.json``.
* ``readability``: Mozilla Readability's test pages; only ``readerable`` ones are kept.
  The gold body is the text of ``expected.html`` (see :func:`html_to_text`).
* ``htmldate``: pages with a gold publication day (pages whose gold date is NaN,
  i.e. "no date", are counted and skipped).
* ``text``: the lynx and w3m renderings of the fundus and readability pages, with the
  gold of their HTML page. Renderings shorter than :data:`MIN_RENDERING_CHARS` are
  JavaScript-only pages; they are counted and skipped.
* ``text-article``: the same renderings cut to the article, as a reader copies it from
  the rendered page (see :func:`article_lines`): raw text of article length, where the
  ``text`` renderings also hold the site's menus and footers.

The corpora are read-only inputs: nothing here writes, and nothing from them is ever
copied into the repository.
"""

from __future__ import annotations

import gzip
import html as html_lib
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

import lxml.html
from lxml import etree

from benchmarks.metrics import parse_gold_date, shows_day

CORPORA = ("fundus", "readability", "htmldate", "text", "text-article")
"""Every corpus name, in report order."""

DEFAULT_CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
"""Where the corpora are: ``shared/corpora`` beside the repository (every benchmark
command's default ``--corpora``)."""

RENDERERS = ("lynx", "w3m")
"""Text browsers whose renderings make up the ``text`` corpus."""

MIN_RENDERING_CHARS = 500
"""Renderings shorter than this are (nearly) empty JavaScript-only pages: skipped."""

ContentType = Literal["html", "text"]

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_CHARSET_SNIFF_BYTES = 4096
_FALLBACK_ENCODING = "cp1252"

BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main",
        "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "tr", "ul",
    }
)  # fmt: skip
"""Elements whose content starts and ends a line in :func:`html_to_text`."""

_WHITESPACE_RE = re.compile(r"\s+")
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head"})


@dataclass(frozen=True, slots=True)
class Gold:
    """Gold annotations of one document; ``None`` means "not annotated, don't score".

    Attributes:
        title: Headline.
        authors: Author names (fundus).
        byline: Free-text byline (readability).
        date: Publication date as given (ISO 8601, with or without a time/offset).
        body: Main text, one block per line.
        summary: Lead/teaser paragraphs joined by newlines (fundus; may be empty).
        excerpt: Short description (readability).
        topics: Tags/keywords.
        captions: Image captions.
        credits: Image credits (each string of each image's ``authors`` list).
    """

    title: str | None = None
    authors: tuple[str, ...] | None = None
    byline: str | None = None
    date: str | None = None
    body: str | None = None
    summary: str | None = None
    excerpt: str | None = None
    topics: tuple[str, ...] | None = None
    captions: tuple[str, ...] | None = None
    credits: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One benchmark input with its gold.

    Attributes:
        corpus: Corpus name (one of :data:`CORPORA`).
        doc_id: Stable id within the corpus (e.g. ``de/DW_2024_01_30``,
            ``lynx:fundus/de/DW_2024_01_30``).
        source: The page, already decoded, in memory.
        content_type: ``"html"`` or ``"text"``.
        url: Page URL when known.
        reference_time: Crawl time, for resolving relative dates in text input.
        gold: The annotations.
        origin: For ``text`` and ``text-article`` documents, the corpus of the HTML page
            ("fundus"/"readability").
        shows_date: For ``text`` documents with a gold date: the rendering shows the gold
            day in some written form (:func:`benchmarks.metrics.shows_day`); ``None``
            otherwise. Day scores "where the rendering shows a date" count only these.
    """

    corpus: str
    doc_id: str
    source: str = field(repr=False)
    content_type: ContentType
    url: str | None
    reference_time: datetime | None
    gold: Gold
    origin: str = ""
    shows_date: bool | None = None


@dataclass(frozen=True, slots=True)
class LoadedCorpus:
    """A corpus's documents plus what was skipped while loading.

    Attributes:
        name: Corpus name.
        documents: Documents in a stable (sorted) order.
        skipped: Ids of documents left out (see ``skip_reason``).
        skip_reason: Why they were left out.
    """

    name: str
    documents: tuple[Document, ...]
    skipped: tuple[str, ...] = ()
    skip_reason: str = ""


# --------------------------------------------------------------------------- helpers


def read_gz(path: Path) -> bytes:
    """Decompress one corpus file."""
    with gzip.open(path, "rb") as fh:
        return fh.read()


def decode_html(data: bytes) -> str:
    """Bytes → str: BOM, then strict UTF-8, then ``<meta charset>``, then cp1252.

    Every extractor receives the same already-decoded string, so decoding is neither
    timed nor a source of differences between extractors.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET_RE.search(data[:_CHARSET_SNIFF_BYTES])
    if match:
        try:
            return data.decode(match.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return data.decode(_FALLBACK_ENCODING, errors="replace")


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment/page, block-level elements as separate lines.

    Used for Readability's ``expected.html`` (the gold body) and for extractors that
    return HTML. Whitespace inside text (newlines included) is collapsed as a browser
    would; ``<br>`` breaks a line; script/style/head content is dropped; blank lines
    are removed.
    """
    if not html.strip():
        return ""
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    parts: list[str] = []
    _collect_text(root, parts)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _collect_text(element: Any, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIP_TAGS or not isinstance(element.tag, str):
        # comments / processing instructions / skipped elements: keep only the tail
        if element.tail:
            parts.append(_WHITESPACE_RE.sub(" ", element.tail))
        return
    block = tag in BLOCK_TAGS
    if block:
        parts.append("\n")
    if element.text:
        parts.append(_WHITESPACE_RE.sub(" ", element.text))
    for child in element:
        _collect_text(child, parts)
    if tag == "br":
        parts.append("\n")
    if block:
        parts.append("\n")
    if element.tail:
        parts.append(_WHITESPACE_RE.sub(" ", element.tail))


def text_blocks_to_html(text: str) -> str:
    """Wrap each blank-line-separated block of raw text as an escaped ``<p>`` in a page.

    This is how HTML-only peers are given the ``text`` corpus.
    """
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    body = "\n".join(f"<p>{html_lib.escape(b)}</p>" for b in blocks)
    return (
        f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'></head><body>\n{body}\n</body></html>"
    )


def _take(items: list[Any], limit: int | None) -> list[Any]:
    return items if limit is None else items[:limit]


# --------------------------------------------------------------------------- fundus


def fundus_gold(raw: Mapping[str, Any]) -> Gold:
    """Gold of one fundus page from its ``*.gold.json`` content."""
    body = raw.get("body") or {}
    summary = [str(p) for p in body.get("summary") or []]
    lines = list(summary)
    for section in body.get("sections") or []:
        lines.extend(str(h) for h in section.get("headline") or [])
        lines.extend(str(p) for p in section.get("paragraphs") or [])
    images = raw.get("images")
    captions: tuple[str, ...] | None = None
    credits: tuple[str, ...] | None = None
    if images is not None:
        captions = tuple(str(i["caption"]) for i in images if i.get("caption"))
        credits = tuple(str(a) for i in images for a in (i.get("authors") or []) if a)
    authors = raw.get("authors")
    topics = raw.get("topics")
    return Gold(
        title=raw.get("title"),
        authors=None if authors is None else tuple(str(a) for a in authors),
        date=raw.get("publishing_date"),
        body="\n".join(lines),
        summary="\n".join(summary),
        topics=None if topics is None else tuple(str(t) for t in topics),
        captions=captions,
        credits=credits,
    )


def _fundus_pages(root: Path) -> Iterator[tuple[str, Path, dict[str, Any]]]:
    """(doc id, path stem, meta entry) of every fundus page, sorted."""
    for country in sorted(p for p in (root / "fundus").iterdir() if p.is_dir()):
        meta_path = country / "meta.json"
        meta: dict[str, Any] = (
            json.loads(meta_path.read_text("utf-8")) if meta_path.exists() else {}
        )
        for html_path in sorted(country.glob("*.html.gz")):
            stem = html_path.name.removesuffix(".html.gz")
            if not (country / f"{stem}.gold.json").exists():
                continue
            yield f"{country.name}/{stem}", country / stem, meta.get(html_path.name, {})


def _crawl_time(meta: Mapping[str, Any], gold_raw: Mapping[str, Any]) -> datetime | None:
    value = meta.get("crawl_date") or gold_raw.get("crawl_date")
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def load_fundus(root: Path, *, limit: int | None = None) -> LoadedCorpus:
    """Every fundus HTML page with its gold."""
    docs: list[Document] = []
    for doc_id, stem, meta in _take(list(_fundus_pages(root)), limit):
        raw = json.loads(stem.with_name(stem.name + ".gold.json").read_text("utf-8"))
        docs.append(
            Document(
                corpus="fundus",
                doc_id=doc_id,
                source=decode_html(read_gz(stem.with_name(stem.name + ".html.gz"))),
                content_type="html",
                url=meta.get("url") or raw.get("url"),
                reference_time=_crawl_time(meta, raw),
                gold=fundus_gold(raw),
            )
        )
    return LoadedCorpus("fundus", tuple(docs))


# --------------------------------------------------------------------------- readability


def readability_gold(metadata: Mapping[str, Any], expected_html: str) -> Gold:
    """Gold of one readability page from ``expected-metadata.json`` and ``expected.html``."""
    return Gold(
        title=metadata.get("title") or None,
        byline=metadata.get("byline") or None,
        excerpt=metadata.get("excerpt") or None,
        body=html_to_text(expected_html),
    )


def _readability_pages(root: Path) -> list[tuple[Path, dict[str, Any]]]:
    pages = []
    for folder in sorted(p for p in (root / "readability").iterdir() if p.is_dir()):
        meta_path = folder / "expected-metadata.json"
        if not (meta_path.exists() and (folder / "source.html.gz").exists()):
            continue
        metadata = json.loads(meta_path.read_text("utf-8"))
        if metadata.get("readerable"):
            pages.append((folder, metadata))
    return pages


def load_readability(root: Path, *, limit: int | None = None) -> LoadedCorpus:
    """Readerable readability test pages with their gold."""
    docs = []
    for folder, metadata in _take(_readability_pages(root), limit):
        expected = decode_html(read_gz(folder / "expected.html.gz"))
        docs.append(
            Document(
                corpus="readability",
                doc_id=folder.name,
                source=decode_html(read_gz(folder / "source.html.gz")),
                content_type="html",
                url=None,
                reference_time=None,
                gold=readability_gold(metadata, expected),
            )
        )
    return LoadedCorpus("readability", tuple(docs))


# --------------------------------------------------------------------------- htmldate


def load_htmldate(root: Path, *, limit: int | None = None) -> LoadedCorpus:
    """htmldate pages with their gold day, sorted by file name."""
    gold: dict[str, dict[str, str]] = json.loads(
        (root / "htmldate" / "gold.json").read_text("utf-8")
    )
    entries = sorted(gold.items(), key=lambda kv: kv[1]["file"])
    docs = []
    skipped = []
    for url, entry in _take(entries, limit):
        path = root / "htmldate" / "pages" / entry["file"]
        doc_id = entry["file"].removesuffix(".html.gz")
        if not (isinstance(entry.get("date"), str) and path.exists()):
            skipped.append(doc_id)  # gold date is NaN ("no date") or the page is missing
            continue
        docs.append(
            Document(
                corpus="htmldate",
                doc_id=doc_id,
                source=decode_html(read_gz(path)),
                content_type="html",
                url=url,
                reference_time=None,
                gold=Gold(date=entry["date"]),
            )
        )
    return LoadedCorpus(
        "htmldate", tuple(docs), tuple(skipped), "without a gold date (NaN) or missing"
    )


# --------------------------------------------------------------------------- text


def load_text(
    root: Path,
    *,
    limit: int | None = None,
    origins: tuple[str, ...] = ("fundus", "readability"),
) -> LoadedCorpus:
    """lynx/w3m renderings of fundus and readerable readability pages.

    ``limit`` applies to the HTML pages of each origin (each page gives up to two
    renderings). Fundus renderings get the crawl time as reference time.
    """
    docs: list[Document] = []
    skipped: list[str] = []

    def add(origin: str, page_id: str, base: Path, gold: Gold, **kw: Any) -> None:
        for renderer in RENDERERS:
            path = base.with_name(f"{base.name}.{renderer}.txt.gz")
            if not path.exists():
                continue
            doc_id = f"{renderer}:{origin}/{page_id}"
            text = read_gz(path).decode("utf-8", errors="replace")
            if len(text.strip()) < MIN_RENDERING_CHARS:
                skipped.append(doc_id)
                continue
            shown = shows_day(text, parse_gold_date(gold.date)) if gold.date else None
            docs.append(
                Document(
                    corpus="text",
                    doc_id=doc_id,
                    source=text,
                    content_type="text",
                    gold=gold,
                    origin=origin,
                    shows_date=shown,
                    **kw,
                )
            )

    if "fundus" in origins:
        for doc_id, stem, meta in _take(list(_fundus_pages(root)), limit):
            raw = json.loads(stem.with_name(stem.name + ".gold.json").read_text("utf-8"))
            add(
                "fundus",
                doc_id,
                stem,
                fundus_gold(raw),
                url=meta.get("url") or raw.get("url"),
                reference_time=_crawl_time(meta, raw),
            )
    if "readability" in origins:
        for folder, metadata in _take(_readability_pages(root), limit):
            expected = decode_html(read_gz(folder / "expected.html.gz"))
            add(
                "readability",
                folder.name,
                folder / "source",
                readability_gold(metadata, expected),
                url=None,
                reference_time=None,
            )
    return LoadedCorpus(
        "text",
        tuple(docs),
        tuple(skipped),
        f"renderings shorter than {MIN_RENDERING_CHARS} characters (JavaScript-only pages)",
    )


# ------------------------------------------------------------------- text-article

ARTICLE_ANCHOR_CHARS = (40, 20)
"""Characters of the gold headline's start (and of the gold body's start and end) that
:func:`article_lines` looks for in a rendering, longest first (a renderer may alter
punctuation further on)."""


def article_lines(rendering: str, gold: Gold) -> str | None:
    """The lines of a rendering that a reader copies as the article: from the line where
    the gold headline starts (its last occurrence before the body, as menus and teasers
    may repeat it; else the body's first line) to the line where the gold body ends,
    found with whitespace collapsed (renderers wrap lines); ``None`` when the body's start
    or end is not found. Whatever the page shows in between (bylines, captions, inline
    links, ads) is kept as rendered."""
    body = " ".join((gold.body or "").split())
    if not body:
        return None
    lines = rendering.split("\n")
    flat_parts: list[str] = []
    line_of: list[int] = []  # the rendering's line of each character of ``flat``
    for number, line in enumerate(lines):
        words = line.split()
        if words:
            part = " ".join(words) + " "
            flat_parts.append(part)
            line_of.extend([number] * len(part))
    flat = "".join(flat_parts)
    body_at = _found(flat, [body[:n] for n in ARTICLE_ANCHOR_CHARS], flat.find)
    body_end = _found(flat, [body[-n:] for n in ARTICLE_ANCHOR_CHARS], flat.rfind)
    if body_at is None or body_end is None or body_end[0] < body_at[0]:
        return None
    title = " ".join((gold.title or "").split())
    title_at = _found(
        flat, [title[:n] for n in ARTICLE_ANCHOR_CHARS], lambda t: flat.rfind(t, 0, body_at[0])
    )
    start = title_at[0] if title_at is not None else body_at[0]
    end = body_end[0] + len(body_end[1]) - 1
    return "\n".join(lines[line_of[start] : line_of[end] + 1])


def _found(flat: str, needles: list[str], find: Callable[[str], int]) -> tuple[int, str] | None:
    """Where ``find`` finds the first of ``needles`` (longest first) that it finds."""
    for needle in needles:
        at = find(needle) if needle.strip() else -1
        if at >= 0:
            return at, needle
    return None


def load_text_article(root: Path, *, limit: int | None = None) -> LoadedCorpus:
    """The ``text`` renderings cut to their article (:func:`article_lines`); renderings
    where the article is not found (the renderer changed its first or last words) are
    counted and skipped, with the renderings ``text`` skips."""
    text = load_text(root, limit=limit)
    docs: list[Document] = []
    skipped = list(text.skipped)
    for doc in text.documents:
        cut = article_lines(doc.source, doc.gold)
        if cut is None:
            skipped.append(doc.doc_id)
            continue
        shown = shows_day(cut, parse_gold_date(doc.gold.date)) if doc.gold.date else None
        docs.append(
            Document(
                corpus="text-article",
                doc_id=doc.doc_id,
                source=cut,
                content_type="text",
                url=doc.url,
                reference_time=doc.reference_time,
                gold=doc.gold,
                origin=doc.origin,
                shows_date=shown,
            )
        )
    return LoadedCorpus(
        "text-article",
        tuple(docs),
        tuple(skipped),
        f"{text.skip_reason}; renderings whose article start or end was not found",
    )


def load(name: str, root: Path, *, limit: int | None = None) -> LoadedCorpus:
    """Load one corpus by name."""
    loaders = {
        "fundus": load_fundus,
        "readability": load_readability,
        "htmldate": load_htmldate,
        "text": load_text,
        "text-article": load_text_article,
    }
    if name not in loaders:
        raise ValueError(f"unknown corpus {name!r}; expected one of {', '.join(CORPORA)}")
    return loaders[name](root, limit=limit)
