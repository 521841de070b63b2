"""Extractor adapters: :class:`~benchmarks.corpora.Document` → timed :class:`Prediction`.

Each adapter wraps one library behind the same two steps:

1. ``_extract(source, doc)``: the library's own call, and the only thing timed
   (``time.perf_counter`` around it; the input is already decoded and in memory).
2. ``_convert(raw)``: reading the library's result into a :class:`Prediction`
   (untimed; for readability-lxml this includes turning its HTML output into text).

``fields`` says what an adapter can predict at all; fields outside it are not scored
for that extractor (shown as "–"), which is different from predicting nothing.

Peers run with their default settings, except that network access is switched off
where a library would otherwise fetch images (goose3, newspaper4k). A peer whose
package is missing is reported as unavailable and skipped, never faked. HTML-only
peers get raw text input as one escaped ``<p>`` per blank-line-separated block
(:func:`~benchmarks.corpora.text_blocks_to_html`).
"""

from __future__ import annotations

import importlib
import importlib.metadata
import re
import time
import warnings
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar, Literal, cast

import lxml.html
from dateutil import parser as dateparser

from benchmarks.corpora import Document, html_to_text, text_blocks_to_html

Field = Literal["title", "authors", "date", "text", "summary", "topics", "captions", "credits"]

ALL_FIELDS: frozenset[Field] = frozenset(
    ("title", "authors", "date", "text", "summary", "topics", "captions", "credits")
)

_MS_PER_S = 1000.0
_PLACEHOLDER_URL = "https://example.invalid/article"
"""Given to libraries that insist on a URL when a page has none (no network is used)."""


@dataclass(frozen=True, slots=True)
class Prediction:
    """What one extractor produced for one document (empty = produced nothing).

    Attributes:
        title: Headline.
        authors: Author names.
        date: Publication date: aware/naive datetime, or a bare date for day-only.
        text: Main text, blocks separated by newlines.
        summary: Lead/teaser/description.
        topics: Tags/keywords.
        captions: Image captions.
        credits: Image credits.
        error: ``"ExcType: message"`` when the extractor raised.
    """

    title: str | None = None
    authors: tuple[str, ...] = ()
    date: datetime | date | None = None
    text: str = ""
    summary: str | None = None
    topics: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    error: str | None = None


@dataclass(frozen=True, slots=True)
class TimedPrediction:
    """A prediction with the time of the extraction call in milliseconds.

    Attributes:
        prediction: What was extracted.
        ms: Wall time (``time.perf_counter``): the reported speed.
        cpu_ms: CPU time of this process (``time.process_time``) over the same call:
            stable when other work competes for the CPUs, so it is reported beside.
    """

    prediction: Prediction
    ms: float
    cpu_ms: float = 0.0


class ExtractorUnavailableError(Exception):
    """The library behind an adapter cannot be imported or set up."""


class Extractor(ABC):
    """One library under benchmark.

    Attributes:
        name: Name used on the command line and in reports.
        package: Distribution name, for the reported version.
        module: The module it imports.
        fields: What this extractor can predict.
    """

    name: ClassVar[str]
    package: ClassVar[str]
    module: ClassVar[str]
    """The module the library is used through: what its import costs (``benchmarks.startup``)."""
    fields: ClassVar[frozenset[Field]]
    wants_text: ClassVar[bool] = False
    """Takes raw text natively (otherwise text input is wrapped into HTML)."""

    def prepare(self, doc: Document) -> str:
        """The input string this extractor gets for ``doc`` (untimed)."""
        if doc.content_type == "text" and not self.wants_text:
            return text_blocks_to_html(doc.source)
        return doc.source

    def run(self, doc: Document, source: str | None = None) -> TimedPrediction:
        """Extract from ``doc``; only the library call is timed. Never raises."""
        if source is None:
            source = self.prepare(doc)
        cpu_start = time.process_time()
        start = time.perf_counter()
        try:
            raw = self._extract(source, doc)
        except Exception as exc:  # a crashing peer is a data point, not a harness bug
            ms = (time.perf_counter() - start) * _MS_PER_S
            cpu_ms = (time.process_time() - cpu_start) * _MS_PER_S
            return TimedPrediction(Prediction(error=_describe(exc)), ms, cpu_ms)
        ms = (time.perf_counter() - start) * _MS_PER_S
        cpu_ms = (time.process_time() - cpu_start) * _MS_PER_S
        try:
            prediction = self._convert(raw)
        except Exception as exc:
            prediction = Prediction(error=_describe(exc))
        return TimedPrediction(prediction, ms, cpu_ms)

    def version(self) -> str:
        """Installed version of :attr:`package`."""
        try:
            return importlib.metadata.version(self.package)
        except importlib.metadata.PackageNotFoundError:
            return "unknown"

    @abstractmethod
    def _extract(self, source: str, doc: Document) -> Any:
        """The library call (timed)."""

    @abstractmethod
    def _convert(self, raw: Any) -> Prediction:
        """Library result → :class:`Prediction` (untimed)."""


def _import_optional(module: str) -> Any:
    """Import a peer's module, turning any import-time failure into "unavailable"."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. newspaper4k warns that nltk is missing
            return importlib.import_module(module)
    except Exception as exc:  # ImportError, or a broken install raising anything else
        raise ExtractorUnavailableError(f"{module} not importable ({exc})") from exc


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {str(exc)[:200]}"


def _strings(values: Iterable[object] | None) -> tuple[str, ...]:
    if not values:
        return ()
    return tuple(s for s in (str(v).strip() for v in values if v is not None) if s)


def _split(value: str | None, pattern: str) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(s for s in (p.strip() for p in re.split(pattern, value)) if s)


def _parse_any_date(value: object) -> datetime | date | None:
    """A library's date value → datetime/date (strings via ISO, then dateutil)."""
    if value is None or isinstance(value, datetime | date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text)
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return dateparser.parse(text)
    except (ValueError, OverflowError):
        return None


# --------------------------------------------------------------------------- articlekit


class ArticlekitExtractor(Extractor):
    """articlekit with site adapters (``articlekit.parse`` defaults)."""

    name = "articlekit"
    package = "articlekit"
    module = "articlekit"
    fields = ALL_FIELDS
    wants_text = True
    adapter: ClassVar[str | None] = None

    def __init__(self) -> None:
        articlekit = _import_optional(self.module)  # the core may be mid-rewrite
        if not callable(getattr(articlekit, "parse", None)):
            raise ExtractorUnavailableError("articlekit not importable (no articlekit.parse yet)")
        self._ak: Any = articlekit

    def _extract(self, source: str, doc: Document) -> Any:
        options = None
        if doc.content_type == "text" and doc.reference_time is not None:
            options = self._ak.ParseOptions(reference_time=doc.reference_time)
        return self._ak.parse(
            source,
            url=doc.url,
            content_type=doc.content_type,
            adapter=self.adapter,
            options=options,
        )

    def _convert(self, raw: Any) -> Prediction:
        images = tuple(raw.images or ())
        return Prediction(
            title=raw.title,
            authors=_strings(p.name for p in raw.authors or ()),
            date=raw.published,
            text=raw.text or "",
            summary=raw.summary or raw.description,
            topics=_strings(raw.topics),
            captions=_strings(i.caption for i in images),
            credits=_strings(i.credit for i in images),
        )

    def version(self) -> str:
        """Package version, falling back to ``articlekit.__version__``."""
        found = super().version()
        return found if found != "unknown" else str(getattr(self._ak, "__version__", found))


class ArticlekitGenericExtractor(ArticlekitExtractor):
    """articlekit with site adapters disabled (``adapter="generic"``)."""

    name = "articlekit-generic"
    adapter = "generic"


# --------------------------------------------------------------------------- peers


class TrafilaturaExtractor(Extractor):
    """trafilatura ``bare_extraction(html, url=…, with_metadata=True)``, default settings."""

    name = "trafilatura"
    package = "trafilatura"
    module = "trafilatura"
    fields = frozenset(("title", "authors", "date", "text", "summary", "topics"))

    def __init__(self) -> None:
        self._fn: Callable[..., Any] = _import_optional(self.module).bare_extraction

    def _extract(self, source: str, doc: Document) -> Any:
        return self._fn(source, url=doc.url, with_metadata=True)

    def _convert(self, raw: Any) -> Prediction:
        if raw is None:
            return Prediction()
        values: dict[str, Any] = raw if isinstance(raw, dict) else raw.as_dict()

        def get(key: str) -> Any:
            return values.get(key)

        tags = [t for tag in get("tags") or () for t in _split(str(tag), r",")]
        return Prediction(
            title=get("title"),
            authors=_split(get("author"), r";"),
            date=_parse_any_date(get("date")),
            text=get("text") or "",
            summary=get("description"),
            topics=_strings(tags),
        )


class ReadabilityExtractor(Extractor):
    """readability-lxml ``Document(html).summary()``; title is ``short_title()``."""

    name = "readability-lxml"
    package = "readability-lxml"
    module = "readability"
    fields = frozenset(("title", "text"))

    def __init__(self) -> None:
        self._cls: Any = _import_optional(self.module).Document

    def _extract(self, source: str, doc: Document) -> Any:
        document = self._cls(source)
        return document.short_title(), document.summary()

    def _convert(self, raw: Any) -> Prediction:
        title, summary_html = raw
        return Prediction(title=title or None, text=html_to_text(summary_html))


class NewspaperExtractor(Extractor):
    """newspaper4k ``Article.download(input_html=…)`` + ``parse()``, no network, no NLP."""

    name = "newspaper4k"
    package = "newspaper4k"
    module = "newspaper"
    fields = frozenset(("title", "authors", "date", "text", "summary", "topics"))

    def __init__(self) -> None:
        newspaper = _import_optional(self.module)
        self._np: Any = newspaper
        config = newspaper.Config()
        config.fetch_images = False  # would download images to size them
        config.memorize_articles = False
        self._config = config

    def _extract(self, source: str, doc: Document) -> Any:
        article = self._np.Article(doc.url or _PLACEHOLDER_URL, config=self._config)
        article.download(input_html=source)
        article.parse()
        return article

    def _convert(self, raw: Any) -> Prediction:
        return Prediction(
            title=raw.title or None,
            authors=_strings(raw.authors),
            date=_parse_any_date(raw.publish_date),
            text=raw.text or "",
            summary=raw.meta_description or None,
            topics=_strings(sorted(raw.tags or ())),
        )


class GooseExtractor(Extractor):
    """goose3 ``Goose().extract(raw_html=…)`` with image fetching off."""

    name = "goose3"
    package = "goose3"
    module = "goose3"
    fields = frozenset(("title", "authors", "date", "text", "summary", "topics"))

    def __init__(self) -> None:
        self._goose: Any = _import_optional(self.module).Goose({"enable_image_fetching": False})

    def _extract(self, source: str, doc: Document) -> Any:
        return self._goose.extract(raw_html=source)

    def _convert(self, raw: Any) -> Prediction:
        published = raw.publish_datetime_utc or _parse_any_date(raw.publish_date)
        topics = _strings(raw.tags) or _split(raw.meta_keywords, r",")
        return Prediction(
            title=raw.title or None,
            authors=_strings(raw.authors),
            date=published,
            text=raw.cleaned_text or "",
            summary=raw.meta_description or None,
            topics=topics,
        )


class ResiliparseExtractor(Extractor):
    """resiliparse ``extract_plain_text(html, main_content=True)``."""

    name = "resiliparse"
    package = "resiliparse"
    module = "resiliparse.extract.html2text"
    fields = frozenset(("text",))

    def __init__(self) -> None:
        module = _import_optional(self.module)
        self._fn: Callable[..., str] = module.extract_plain_text

    def _extract(self, source: str, doc: Document) -> Any:
        return self._fn(source, main_content=True)

    def _convert(self, raw: Any) -> Prediction:
        return Prediction(text=str(raw or ""))


class JustextExtractor(Extractor):
    """jusText with the union of all its stoplists (the page language is not given)."""

    name = "justext"
    package = "jusText"
    module = "justext"
    fields = frozenset(("text",))

    def __init__(self) -> None:
        justext = _import_optional(self.module)
        self._jt: Any = justext
        stoplist: set[str] = set()
        for language in justext.get_stoplists():
            stoplist.update(justext.get_stoplist(language))
        self._stoplist = frozenset(stoplist)

    def _extract(self, source: str, doc: Document) -> Any:
        return self._jt.justext(source, self._stoplist)

    def _convert(self, raw: Any) -> Prediction:
        return Prediction(text="\n".join(p.text for p in raw if not p.is_boilerplate))


class HtmldateExtractor(Extractor):
    """htmldate ``find_date(html, url=…)``, default settings (dates only)."""

    name = "htmldate"
    package = "htmldate"
    module = "htmldate"
    fields = frozenset(("date",))

    def __init__(self) -> None:
        self._fn: Callable[..., str | None] = _import_optional(self.module).find_date

    def _extract(self, source: str, doc: Document) -> Any:
        return self._fn(source, url=doc.url)

    def _convert(self, raw: Any) -> Prediction:
        return Prediction(date=_parse_any_date(raw))


class LxmlFloorExtractor(Extractor):
    """Speed/accuracy floor: ``lxml.html.document_fromstring(html).text_content()``, by
    the fastest route lxml offers: the decoded page encoded to UTF-8 bytes (encoding
    included in the time) and parsed with an explicit UTF-8 parser. libxml2 reads a
    Python ``str`` as UCS-4, which is ~1.3× slower and would flatter every ratio."""

    name = "lxml-floor"
    package = "lxml"
    module = "lxml.html"
    fields = frozenset(("text",))

    def __init__(self) -> None:
        self._parser = lxml.html.HTMLParser(encoding="utf-8")

    def _extract(self, source: str, doc: Document) -> Any:
        data = source.encode("utf-8", "replace")
        root = lxml.html.document_fromstring(data, parser=self._parser)
        return cast(lxml.html.HtmlElement, root).text_content()  # (the stubs say _Element)

    def _convert(self, raw: Any) -> Prediction:
        return Prediction(text=str(raw))


EXTRACTOR_CLASSES: tuple[type[Extractor], ...] = (
    ArticlekitExtractor,
    ArticlekitGenericExtractor,
    TrafilaturaExtractor,
    ReadabilityExtractor,
    NewspaperExtractor,
    GooseExtractor,
    ResiliparseExtractor,
    JustextExtractor,
    HtmldateExtractor,
    LxmlFloorExtractor,
)
"""Every known extractor, in report order."""

EXTRACTOR_NAMES = tuple(cls.name for cls in EXTRACTOR_CLASSES)


@dataclass(frozen=True, slots=True)
class ExtractorSet:
    """Extractors that could be set up, and why the others could not."""

    available: tuple[Extractor, ...]
    unavailable: tuple[tuple[str, str], ...]


def build_extractors(names: Sequence[str] | None = None) -> ExtractorSet:
    """Instantiate the named extractors (all when ``None``), collecting failures."""
    wanted = list(EXTRACTOR_NAMES if names is None else names)
    unknown = [n for n in wanted if n not in EXTRACTOR_NAMES]
    if unknown:
        raise ValueError(f"unknown extractor(s) {unknown}; known: {', '.join(EXTRACTOR_NAMES)}")
    available: list[Extractor] = []
    unavailable: list[tuple[str, str]] = []
    for cls in EXTRACTOR_CLASSES:
        if cls.name not in wanted:
            continue
        try:
            available.append(cls())
        except ExtractorUnavailableError as exc:
            unavailable.append((cls.name, str(exc)))
    return ExtractorSet(tuple(available), tuple(unavailable))
