"""Running extractors: (Extractor, LoadedCorpus) → ExtractorRun (per-document records + metrics).

Every extractor runs in this one process, one document at a time, on input that is
already decoded and in memory; only the library call is timed (see
``benchmarks.extractors``). ``run_corpus`` runs one extractor over a corpus;
``run_interleaved`` runs several over it in turns of ``BLOCK_DOCUMENTS`` documents, so
that a change in the machine's speed during the run falls on all of them alike.
"""

from __future__ import annotations

import logging
import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from benchmarks.corpora import Document, LoadedCorpus
from benchmarks.extractors import Extractor, Field
from benchmarks.scoring import DocScores, Metrics, aggregate, score_document, scored_fields

log = logging.getLogger(__name__)

_MS_PER_S = 1000.0
BLOCK_DOCUMENTS = 16
"""Documents an extractor reads in one turn of ``run_interleaved``: enough that its code
and data are warm again after the first one, few enough that every extractor gets turns
all through the run."""


@dataclass(frozen=True, slots=True)
class DocRecord:
    """One extractor's result on one document."""

    doc_id: str
    ms: float
    cpu_ms: float
    error: str | None
    scores: DocScores

    def to_json(self) -> dict[str, Any]:
        """Plain-JSON form."""
        out: dict[str, Any] = {
            "doc": self.doc_id,
            "ms": round(self.ms, 3),
            "cpu_ms": round(self.cpu_ms, 3),
        }
        if self.error:
            out["error"] = self.error
        out["scores"] = self.scores.to_json()
        return out


@dataclass(frozen=True, slots=True)
class Timing:
    """Extraction-call timing over a corpus.

    Attributes:
        median_ms: Median per-document wall time.
        total_s: Sum of per-document wall times.
        n: Documents timed.
        median_cpu_ms: Median per-document CPU time of the process.
    """

    median_ms: float
    total_s: float
    n: int
    median_cpu_ms: float = 0.0


@dataclass(frozen=True, slots=True)
class ExtractorRun:
    """One extractor over one corpus."""

    extractor: str
    corpus: str
    records: tuple[DocRecord, ...]
    metrics: Metrics
    timing: Timing
    by_origin: Mapping[str, Metrics] = field(default_factory=dict)
    """Text renderings: the metrics per origin corpus of the HTML pages
    ("fundus", "readability"); empty for other corpora."""

    @property
    def errors(self) -> int:
        """Documents on which the extractor raised."""
        return sum(1 for r in self.records if r.error)

    def to_json(self) -> dict[str, Any]:
        """Plain-JSON form with every per-document score."""
        return {
            "extractor": self.extractor,
            "corpus": self.corpus,
            "metrics": self.metrics,
            "by_origin": dict(self.by_origin),
            "timing": {
                "median_ms": self.timing.median_ms,
                "total_s": self.timing.total_s,
                "n": self.timing.n,
                "median_cpu_ms": self.timing.median_cpu_ms,
            },
            "errors": self.errors,
            "documents": [r.to_json() for r in self.records],
        }


def corpus_fields(corpus: LoadedCorpus) -> frozenset[Field]:
    """Prediction fields scored anywhere in ``corpus``."""
    needed: set[Field] = set()
    for doc in corpus.documents:
        needed |= scored_fields(doc.gold)
    return frozenset(needed)


def applies(extractor: Extractor, corpus: LoadedCorpus) -> bool:
    """The extractor predicts at least one field this corpus scores."""
    return bool(extractor.fields & corpus_fields(corpus))


def timing_of(records: Sequence[DocRecord]) -> Timing:
    """Median and total extraction time of ``records``."""
    times = [r.ms for r in records]
    if not times:
        return Timing(0.0, 0.0, 0)
    return Timing(
        statistics.median(times),
        sum(times) / _MS_PER_S,
        len(times),
        statistics.median(r.cpu_ms for r in records),
    )


Progress = Callable[[str, int, int], None]


def run_corpus(
    extractor: Extractor,
    corpus: LoadedCorpus,
    *,
    progress: Progress | None = None,
    warm_up: bool = True,
) -> ExtractorRun:
    """Run ``extractor`` over every document of ``corpus`` and score it.

    With ``warm_up``, the first document is extracted once untimed beforehand, so
    one-off costs (lazy imports, compiled patterns, model loading) don't land on
    whichever page happens to come first.
    """
    records: list[DocRecord] = []
    total = len(corpus.documents)
    if warm_up and corpus.documents:
        extractor.run(corpus.documents[0])
    for index, doc in enumerate(corpus.documents):
        records.append(run_document(extractor, doc))
        if progress is not None:
            progress(extractor.name, index + 1, total)
    return _summarise(extractor, corpus, records)


def run_interleaved(
    extractors: Sequence[Extractor],
    corpus: LoadedCorpus,
    *,
    block: int = BLOCK_DOCUMENTS,
    warm_up: bool = True,
) -> tuple[ExtractorRun, ...]:
    """Run every one of ``extractors`` over every document of ``corpus``, in turns.

    The documents are taken ``block`` at a time; each extractor reads the block in one
    turn, and the extractor that goes first moves on by one with every block. Run one
    after the other, the extractors would each be timed in their own minutes of the
    run, and a machine that slows down or speeds up meanwhile (other virtual machines on
    the same host, a job on the other core) would change their ratios; in turns, such
    a change falls on all of them. Each extractor gets the same warm-up call as in
    ``run_corpus``. The records are the same as ``run_corpus``'s, timings aside.
    """
    if block < 1:
        raise ValueError(f"block must be at least 1, not {block}")
    documents = corpus.documents
    if warm_up and documents:
        for extractor in extractors:
            extractor.run(documents[0])
    records: list[list[DocRecord]] = [[] for _ in extractors]
    for turn, start in enumerate(range(0, len(documents), block)):
        chunk = documents[start : start + block]
        for offset in range(len(extractors)):
            index = (turn + offset) % len(extractors)
            records[index].extend(run_document(extractors[index], doc) for doc in chunk)
    return tuple(
        _summarise(extractor, corpus, own)
        for extractor, own in zip(extractors, records, strict=True)
    )


def _summarise(
    extractor: Extractor, corpus: LoadedCorpus, records: Sequence[DocRecord]
) -> ExtractorRun:
    """Per-document records (in the corpus's order) → the extractor's run."""
    origins: dict[str, list[DocScores]] = {}
    for doc, record in zip(corpus.documents, records, strict=True):
        if doc.origin:
            origins.setdefault(doc.origin, []).append(record.scores)
    return ExtractorRun(
        extractor=extractor.name,
        corpus=corpus.name,
        records=tuple(records),
        metrics=aggregate([r.scores for r in records]),
        timing=timing_of(records),
        by_origin={origin: aggregate(scores) for origin, scores in origins.items()},
    )


def run_document(extractor: Extractor, doc: Document) -> DocRecord:
    """Extract and score one document."""
    timed = extractor.run(doc)
    if timed.prediction.error:
        log.debug("%s failed on %s: %s", extractor.name, doc.doc_id, timed.prediction.error)
    return DocRecord(
        doc_id=doc.doc_id,
        ms=timed.ms,
        cpu_ms=timed.cpu_ms,
        error=timed.prediction.error,
        scores=score_document(
            doc.gold, timed.prediction, extractor.fields, shows_date=doc.shows_date
        ),
    )
