"""Document scoring: (Gold, Prediction, extractor fields) → DocScores → corpus metrics.

A per-document value is ``None`` when it is not scored: the gold lacks that field, or
the extractor cannot predict it at all. Corpus metrics are computed over the
documents where the value is present; a metric with no such document is ``None``
(shown as "–").

Field rules beyond ``benchmarks.metrics``:

* fundus summary: shingle F1 of the predicted summary against the gold summary
  paragraphs (exact match is too brittle for multi-paragraph leads).
* readability byline: the gold byline and the predicted author names joined with
  ", " are both normalised (NFC, whitespace, case-fold, a leading "By" and edge
  punctuation removed) and must be equal ("byline"). Because gold bylines often carry
  a date or affiliation, "byline names" also reports the share where at least one
  name was predicted and every predicted name occurs inside the normalised gold byline.
  Pages whose gold byline is empty are not scored.
* readability excerpt: exact (NFC + whitespace) and shingle F1 against ``summary``.
* text renderings, "date (day, shown)": the day score over only the renderings that
  show the gold day in some written form (``Document.shows_date``); a page that shows
  no date cannot be dated from its text.
* image captions/credits: pooled share of distinct gold strings found among the
  predicted ones (NFC + whitespace + case-fold exact); a credit is each string of a
  gold image's ``authors`` list, a predicted credit is one image's ``credit``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from benchmarks import metrics
from benchmarks.corpora import Gold
from benchmarks.extractors import Field, Prediction


@dataclass(frozen=True, slots=True)
class DocScores:
    """Every per-document score; ``None`` = not scored for this document/extractor."""

    body: metrics.ShingleScore | None = None
    summary: metrics.ShingleScore | None = None
    excerpt: metrics.ShingleScore | None = None
    excerpt_exact: bool | None = None
    title: bool | None = None
    authors: metrics.SetScore | None = None
    byline: bool | None = None
    byline_names: bool | None = None
    date_covered: bool | None = None
    date_day: bool | None = None
    date_day_shown: bool | None = None
    date_instant: bool | None = None
    topics: metrics.SetScore | None = None
    captions: metrics.FoundCount | None = None
    credits: metrics.FoundCount | None = None

    def to_json(self) -> dict[str, Any]:
        """Plain-JSON form (shingle/set scores as small dicts), ``None`` values dropped."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None:
                continue
            if isinstance(value, metrics.ShingleScore):
                out[f.name] = {
                    "tp": round(value.tp, 6),
                    "fp": round(value.fp, 6),
                    "fn": round(value.fn, 6),
                    "identical": value.identical,
                }
            elif isinstance(value, metrics.SetScore):
                out[f.name] = {
                    "precision": value.precision,
                    "recall": value.recall,
                    "exact": value.exact,
                }
            elif isinstance(value, metrics.FoundCount):
                out[f.name] = {"found": value.found, "total": value.total}
            else:
                out[f.name] = value
        return out


def _byline_scores(gold: str, authors: Sequence[str]) -> tuple[bool, bool]:
    gold_norm = metrics.normalise_name(gold)
    names = [metrics.normalise_name(a) for a in authors]
    names = [n for n in names if n]
    exact = metrics.normalise_name(", ".join(names)) == gold_norm if names else False
    contained = bool(names) and all(n in gold_norm for n in names)
    return exact, contained


def score_document(
    gold: Gold,
    pred: Prediction,
    supported: frozenset[Field],
    *,
    shows_date: bool | None = None,
) -> DocScores:
    """Score one prediction against one gold for the fields the extractor supports.

    ``shows_date`` (text renderings): whether the input shows the gold day; when it is
    ``True`` the day score is also recorded as ``date_day_shown``.
    """
    scores: dict[str, Any] = {}
    if gold.body is not None and "text" in supported:
        scores["body"] = metrics.shingle_score(gold.body, pred.text)
    if gold.summary is not None and "summary" in supported:
        scores["summary"] = metrics.shingle_score(gold.summary, pred.summary or "")
    if gold.excerpt is not None and "summary" in supported:
        scores["excerpt"] = metrics.shingle_score(gold.excerpt, pred.summary or "")
        scores["excerpt_exact"] = metrics.exact_match(gold.excerpt, pred.summary)
    if gold.title and "title" in supported:
        scores["title"] = metrics.exact_match(gold.title, pred.title)
    if gold.authors is not None and "authors" in supported:
        scores["authors"] = metrics.set_score(gold.authors, pred.authors)
    if gold.byline and metrics.normalise_name(gold.byline) and "authors" in supported:
        scores["byline"], scores["byline_names"] = _byline_scores(gold.byline, pred.authors)
    if gold.date and "date" in supported:
        gold_date = metrics.parse_gold_date(gold.date)
        scores["date_covered"] = pred.date is not None
        scores["date_day"] = metrics.date_day_match(gold_date, pred.date)
        if shows_date:
            scores["date_day_shown"] = scores["date_day"]
        if metrics.gold_has_instant(gold_date):
            scores["date_instant"] = metrics.date_instant_match(gold_date, pred.date)
    if gold.topics is not None and "topics" in supported:
        scores["topics"] = metrics.set_score(gold.topics, pred.topics)
    if gold.captions is not None and "captions" in supported:
        scores["captions"] = metrics.found_count(gold.captions, pred.captions)
    if gold.credits is not None and "credits" in supported:
        scores["credits"] = metrics.found_count(gold.credits, pred.credits)
    return DocScores(**scores)


def scored_fields(gold: Gold) -> frozenset[Field]:
    """Prediction fields that some score of ``gold`` depends on."""
    needed: set[Field] = set()
    if gold.body is not None:
        needed.add("text")
    if gold.summary is not None or gold.excerpt is not None:
        needed.add("summary")
    if gold.title:
        needed.add("title")
    if gold.authors is not None or gold.byline:
        needed.add("authors")
    if gold.date:
        needed.add("date")
    if gold.topics is not None:
        needed.add("topics")
    if gold.captions is not None:
        needed.add("captions")
    if gold.credits is not None:
        needed.add("credits")
    return frozenset(needed)


# --------------------------------------------------------------------------- aggregation

Metrics = dict[str, float | None]
"""Corpus-level metric name → value (``None`` = not measured)."""


def _present(values: Sequence[DocScores], name: str) -> list[Any]:
    return [v for v in (getattr(s, name) for s in values) if v is not None]


def _shingle_metrics(prefix: str, items: list[metrics.ShingleScore]) -> Metrics:
    if not items:
        return {}
    prf = metrics.aggregate_shingles(items)
    if prefix != "body":
        return {f"{prefix}_f1": prf.f1}
    return {
        "body_p": prf.precision,
        "body_r": prf.recall,
        "body_f1": prf.f1,
        "body_acc": prf.accuracy,
    }


def _set_metrics(prefix: str, items: list[metrics.SetScore]) -> Metrics:
    if not items:
        return {}
    prf = metrics.aggregate_sets(items)
    out: Metrics = {f"{prefix}_f1": prf.f1, f"{prefix}_exact": prf.accuracy}
    if prefix == "authors":
        out |= {"authors_p": prf.precision, "authors_r": prf.recall}
    return out


_BOOL_METRICS: tuple[tuple[str, str], ...] = (
    ("title", "title"),
    ("byline", "byline"),
    ("byline_names", "byline_names"),
    ("excerpt_exact", "excerpt_exact"),
    ("date_day", "date"),
    ("date_day_shown", "date_shown"),
    ("date_instant", "date_instant"),
    ("date_covered", "date_coverage"),
)
"""(DocScores attribute, metric name) of the share-of-true metrics."""


def aggregate(scores: Sequence[DocScores]) -> Metrics:
    """Corpus metrics from per-document scores (only metrics with data appear)."""
    out: Metrics = {}
    for name in ("body", "summary", "excerpt"):
        out |= _shingle_metrics(name, _present(scores, name))
    for name in ("authors", "topics"):
        out |= _set_metrics(name, _present(scores, name))
    for attr, metric in _BOOL_METRICS:
        values = _present(scores, attr)
        if values:
            out[metric] = metrics.share(values)
    for name in ("captions", "credits"):
        counts = _present(scores, name)
        if counts:
            out[name] = metrics.pooled_share(counts)
    return out


MetricFormatter = Callable[[float | None], str]


def format_metric(value: float | None) -> str:
    """Three decimals, or "–" for not measured."""
    return "–" if value is None else f"{value:.3f}"


def metric_subset(values: Mapping[str, float | None], names: Sequence[str]) -> Metrics:
    """The named metrics (missing ones as ``None``)."""
    return {n: values.get(n) for n in names}
