"""Benchmark harness: scoring rules on hand-made cases, a cross-check on real pages, the gate.

The harness lives in ``benchmarks/`` at the repository root (not in the installed
package), so the root is put on ``sys.path`` here.
"""

from __future__ import annotations

import importlib.util
import math
import re
import sys
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks import metrics  # noqa: E402
from benchmarks.corpora import (  # noqa: E402
    Document,
    Gold,
    LoadedCorpus,
    article_lines,
    html_to_text,
    load_fundus,
    text_blocks_to_html,
)
from benchmarks.extractors import (  # noqa: E402
    ALL_FIELDS,
    Extractor,
    LxmlFloorExtractor,
    Prediction,
    TrafilaturaExtractor,
)
from benchmarks.gate import (  # noqa: E402
    GateFailure,
    floor_below,
    gate_failures,
    raised_floors,
    run_gate,
)
from benchmarks.harness import run_corpus, run_interleaved  # noqa: E402
from benchmarks.report import startup_table  # noqa: E402
from benchmarks.scoring import aggregate, score_document  # noqa: E402
from benchmarks.speed import least_squares, repeat_body  # noqa: E402
from benchmarks.startup import StartupResult, measure_startup, startup_extractors  # noqa: E402

CORPORA = REPO_ROOT.parent / "shared" / "corpora"
CROSS_CHECK_PAGES = 8
UTC = timezone.utc  # noqa: UP017 - explicit for readers of the date tests
CET = timezone(timedelta(hours=1))


# --------------------------------------------------------------------------- tokens, shingles


def test_metrics_tokenize_keeps_case_and_unicode_words() -> None:
    assert metrics.tokenize("Größe, naïve—Ünïcode 42!") == ["Größe", "naïve", "Ünïcode", "42"]


def test_metrics_shingles_are_four_token_windows_as_multiset() -> None:
    counts = metrics.shingles(["a", "b", "c", "d", "a", "b", "c", "d"])
    assert counts[("a", "b", "c", "d")] == 2
    assert sum(counts.values()) == 5


def test_metrics_shingles_of_short_text_is_one_shorter_shingle() -> None:
    assert metrics.shingles(["a", "b", "c"]) == Counter({("a", "b", "c"): 1})
    assert metrics.shingles([]) == Counter()


def test_metrics_identical_texts_score_one_and_count_as_accurate() -> None:
    score = metrics.shingle_score("One two three four five.", "One  two three, four five")
    assert (score.tp, score.fp, score.fn, score.identical) == (1.0, 0.0, 0.0, True)
    assert score.precision == score.recall == 1.0
    prf = metrics.aggregate_shingles([score])
    assert (prf.precision, prf.recall, prf.f1, prf.accuracy) == (1.0, 1.0, 1.0, 1.0)


def test_metrics_case_difference_is_not_identical() -> None:
    score = metrics.shingle_score("one two three four", "One two three four")
    assert not score.identical
    assert score.tp == 0.0


def test_metrics_empty_prediction_has_no_precision_and_zero_recall() -> None:
    score = metrics.shingle_score("a b c d e", "")
    assert (score.tp, score.fp, score.fn) == (0.0, 0.0, 1.0)
    assert score.precision is None
    assert score.recall == 0.0
    assert not score.identical


def test_metrics_empty_gold_has_no_recall_and_zero_precision() -> None:
    score = metrics.shingle_score("", "a b c d e")
    assert (score.tp, score.fp, score.fn) == (0.0, 1.0, 0.0)
    assert score.precision == 0.0
    assert score.recall is None


def test_metrics_both_empty_are_identical_but_not_averaged() -> None:
    score = metrics.shingle_score("", "  ...  ")
    assert (score.tp, score.fp, score.fn, score.identical) == (0.0, 0.0, 0.0, True)
    assert score.precision is None and score.recall is None
    prf = metrics.aggregate_shingles([score])
    assert prf.precision is None and prf.recall is None
    assert prf.f1 == 0.0
    assert prf.accuracy == 1.0


def test_metrics_fewer_than_four_tokens_match_all_or_nothing() -> None:
    assert metrics.shingle_score("a b c", "a b c").identical
    miss = metrics.shingle_score("a b c", "a b d")
    assert (miss.tp, miss.fp, miss.fn) == (0.0, 0.5, 0.5)
    # three tokens against four: the short shingle is not a window of the long text
    assert metrics.shingle_score("a b c", "a b c d").tp == 0.0


def test_metrics_counts_are_normalised_per_document() -> None:
    # gold shingles: abcd, bcde; predicted: abcd → tp 1, fn 1 → 0.5 / 0.5
    score = metrics.shingle_score("a b c d e", "a b c d")
    assert (score.tp, score.fp, score.fn) == (0.5, 0.0, 0.5)
    assert score.precision == 1.0
    assert score.recall == 0.5


def test_metrics_repeated_shingles_count_as_multiset() -> None:
    # gold: abcd once; prediction: abcd twice (8 tokens → 5 windows, abcd ×2)
    score = metrics.shingle_score("a b c d", "a b c d a b c d")
    assert score.tp == pytest.approx(1 / 5)
    assert score.fp == pytest.approx(4 / 5)


def test_metrics_aggregate_averages_precision_and_recall_over_defined_documents() -> None:
    perfect = metrics.shingle_score("a b c d e", "a b c d e")
    empty_pred = metrics.shingle_score("a b c d e", "")  # precision undefined, recall 0
    empty_gold = metrics.shingle_score("", "a b c d e")  # precision 0, recall undefined
    prf = metrics.aggregate_shingles([perfect, empty_pred, empty_gold])
    assert prf.precision == pytest.approx(0.5)  # (1 + 0) / 2
    assert prf.recall == pytest.approx(0.5)  # (1 + 0) / 2
    assert prf.f1 == pytest.approx(0.5)
    assert prf.accuracy == pytest.approx(1 / 3)
    assert prf.n == 3


def test_metrics_f1_is_harmonic_mean_of_averages_not_average_of_f1() -> None:
    a = metrics.ShingleScore(tp=0.5, fp=0.5, fn=0.0, identical=False)  # P .5, R 1
    b = metrics.ShingleScore(tp=0.5, fp=0.0, fn=0.5, identical=False)  # P 1, R .5
    prf = metrics.aggregate_shingles([a, b])
    assert prf.precision == pytest.approx(0.75)
    assert prf.recall == pytest.approx(0.75)
    assert prf.f1 == pytest.approx(0.75)  # the mean of per-document F1 would be 2/3


def test_metrics_no_documents_gives_no_scores() -> None:
    prf = metrics.aggregate_shingles([])
    assert (prf.precision, prf.recall, prf.f1, prf.accuracy, prf.n) == (None, None, 0.0, None, 0)


# --------------------------------------------------------------------------- names, sets, titles


def test_metrics_normalise_name_strips_by_case_space_and_edge_punctuation() -> None:
    assert metrics.normalise_name("  By   Jane\u00a0DOE, ") == "jane doe"
    assert metrics.normalise_name("BY: Jane Doe") == "jane doe"
    assert metrics.normalise_name("Byron Doe") == "byron doe"


def test_metrics_set_score_compares_normalised_sets() -> None:
    score = metrics.set_score(["Jane Doe", "John Roe"], ["by jane doe", "Someone Else"])
    assert score.precision == 0.5
    assert score.recall == 0.5
    assert not score.exact


def test_metrics_set_score_edge_cases() -> None:
    assert metrics.set_score([], []) == metrics.SetScore(None, None, True)
    assert metrics.set_score(["A"], []) == metrics.SetScore(None, 0.0, False)
    assert metrics.set_score([], ["A"]) == metrics.SetScore(0.0, None, False)
    assert metrics.set_score(["A", "a"], ["A"]) == metrics.SetScore(1.0, 1.0, True)


def test_metrics_aggregate_sets_reports_exact_share() -> None:
    prf = metrics.aggregate_sets(
        [metrics.set_score(["A"], ["A"]), metrics.set_score(["A", "B"], ["A"])]
    )
    assert prf.precision == 1.0
    assert prf.recall == pytest.approx(0.75)
    assert prf.accuracy == 0.5


def test_metrics_title_exact_after_nfc_and_whitespace() -> None:
    assert metrics.exact_match("Caf\u00e9  au\nlait", " Cafe\u0301 au lait ")
    assert not metrics.exact_match("Café", "café")
    assert not metrics.exact_match("Café", None)


# --------------------------------------------------------------------------- dates


def test_metrics_aware_prediction_is_converted_into_gold_offset() -> None:
    gold = metrics.parse_gold_date("2024-01-30 23:30:00+01:00")
    assert metrics.date_day_match(gold, datetime(2024, 1, 30, 22, 30, tzinfo=UTC))
    assert not metrics.date_day_match(gold, datetime(2024, 1, 31, 0, 30, tzinfo=UTC))
    assert metrics.date_day_match(
        gold, datetime(2024, 1, 31, 0, 30, tzinfo=timezone(timedelta(hours=2)))
    )


def test_metrics_naive_and_bare_dates_are_compared_as_is() -> None:
    gold = metrics.parse_gold_date("2024-01-30 23:30:00+01:00")
    assert metrics.date_day_match(gold, datetime(2024, 1, 30, 23, 59))
    assert metrics.date_day_match(gold, date(2024, 1, 30))
    assert not metrics.date_day_match(gold, date(2024, 1, 29))
    assert not metrics.date_day_match(gold, None)


def test_metrics_gold_day_only_takes_prediction_day_unconverted() -> None:
    gold = metrics.parse_gold_date("2016-12-23")
    assert gold == date(2016, 12, 23)
    assert metrics.date_day_match(gold, datetime(2016, 12, 23, 23, 0, tzinfo=CET))
    assert not metrics.gold_has_instant(gold)
    assert not metrics.date_instant_match(gold, datetime(2016, 12, 23, tzinfo=UTC))


def test_metrics_instant_needs_aware_prediction_within_tolerance() -> None:
    gold = metrics.parse_gold_date("2024-01-30 14:13:12.269000+00:00")
    assert metrics.gold_has_instant(gold)
    assert metrics.date_instant_match(gold, datetime(2024, 1, 30, 15, 13, 12, tzinfo=CET))
    assert not metrics.date_instant_match(gold, datetime(2024, 1, 30, 14, 13, 12))
    assert not metrics.date_instant_match(gold, datetime(2024, 1, 30, 14, 15, tzinfo=UTC))
    assert not metrics.date_instant_match(gold, date(2024, 1, 30))


# --------------------------------------------------------------------------- captions / credits


def test_metrics_found_count_is_normalised_exact_and_distinct() -> None:
    count = metrics.found_count(["Photo: AP", "photo:  ap", "Reuters", ""], ["PHOTO: AP", "AFP"])
    assert count == metrics.FoundCount(found=1, total=2)
    assert metrics.pooled_share([count, metrics.FoundCount(1, 2)]) == 0.5
    assert metrics.pooled_share([metrics.FoundCount(0, 0)]) is None


# --------------------------------------------------------------------------- document scoring


def test_scoring_unsupported_fields_are_not_scored() -> None:
    gold = Gold(title="T", authors=("A",), body="x y z", date="2024-01-01")
    scores = score_document(gold, Prediction(text="x y z"), frozenset({"text"}))
    assert scores.body is not None and scores.body.identical
    assert scores.title is None and scores.authors is None and scores.date_day is None
    assert set(aggregate([scores])) == {"body_p", "body_r", "body_f1", "body_acc"}


def test_scoring_missing_prediction_counts_as_miss_when_supported() -> None:
    gold = Gold(title="T", date="2024-01-01")
    scores = score_document(gold, Prediction(), ALL_FIELDS)
    assert scores.title is False
    assert scores.date_covered is False and scores.date_day is False
    assert scores.date_instant is None  # gold is day-only


def test_scoring_byline_rule() -> None:
    exact = score_document(
        Gold(byline="By Jane Doe"), Prediction(authors=("Jane Doe",)), ALL_FIELDS
    )
    assert exact.byline is True and exact.byline_names is True
    two = score_document(
        Gold(byline="Jane Doe, John Roe"), Prediction(authors=("Jane Doe", "John Roe")), ALL_FIELDS
    )
    assert two.byline is True
    dated = score_document(
        Gold(byline="By JANE DOE\n   March 11, 2015"), Prediction(authors=("Jane Doe",)), ALL_FIELDS
    )
    assert dated.byline is False and dated.byline_names is True
    nothing = score_document(Gold(byline="Jane Doe"), Prediction(), ALL_FIELDS)
    assert nothing.byline is False and nothing.byline_names is False
    assert score_document(Gold(byline="  By "), Prediction(), ALL_FIELDS).byline is None


# --------------------------------------------------------------------------- text helpers


def test_corpora_html_to_text_puts_blocks_on_lines_and_joins_inline() -> None:
    html = (
        "<div><h1>Head</h1><p>One <b>bold</b>word</p><p>Two<br>lines</p>"
        "<script>var x;</script><ul><li>a</li><li>b</li></ul>tail</div>"
    )
    assert html_to_text(html) == "Head\nOne boldword\nTwo\nlines\na\nb\ntail"
    assert html_to_text("") == ""


def test_corpora_text_blocks_are_wrapped_as_escaped_paragraphs() -> None:
    page = text_blocks_to_html("First <block>\nstill first\n\n \n\nSecond & last")
    assert "<p>First &lt;block&gt;\nstill first</p>" in page
    assert "<p>Second &amp; last</p>" in page
    assert html_to_text(page) == "First <block> still first\nSecond & last"


def test_speed_repeat_body_repeats_body_content_only() -> None:
    page = "<html><head><title>t</title></head><body class='x'><p>a</p></body></html>"
    assert repeat_body(page, 3).count("<p>a</p>") == 3
    assert repeat_body(page, 3).count("<title>") == 1
    assert repeat_body("<p>no body</p>", 2) == "<p>no body</p><p>no body</p>"


def test_speed_least_squares_recovers_exponent() -> None:
    xs = [1.0, 2.0, 4.0, 8.0]
    fit = least_squares([math.log(x) for x in xs], [math.log(x**2) for x in xs])
    assert fit is not None and fit[0] == pytest.approx(2.0)
    assert least_squares([1.0, 1.0], [2.0, 3.0]) is None


def test_startup_measures_import_and_first_parse_in_fresh_processes(tmp_path: Path) -> None:
    articlekit_extractor = _ModuleExtractor()
    found = measure_startup(articlekit_extractor, tmp_path / "missing.txt", runs=1)
    assert found.extractor == "module-extractor" and found.module == "articlekit"
    assert found.runs == 1
    assert found.import_ms > 0 and found.import_cpu_ms > 0
    # the first parse loads the pipeline: it costs more than the import alone
    assert found.first_html_ms is not None and found.first_html_ms > found.import_ms
    assert found.first_text_ms is None  # no raw-text example: not measured
    peer = measure_startup(_ModuleExtractor.of("json"), None, runs=1)
    assert peer.module == "json" and peer.first_html_ms is None and peer.first_text_ms is None


def test_startup_one_measurement_per_module_and_dashes_for_unmeasured() -> None:
    chosen = startup_extractors(
        [_ModuleExtractor.of("json"), _ModuleExtractor.of("json"), _ModuleExtractor.of("re")]
    )
    assert [e.module for e in chosen] == ["json", "re"]
    table = startup_table([StartupResult("lib", "lib.mod", 12.4, 11.6, None, 80.2, 3)])
    assert "| lib | `lib.mod` | 12 | 12 | – | 80 |" in table


# --------------------------------------------------------------------------- extractors


class _EmptyExtractor(Extractor):
    """A deliberately broken extractor: claims every field, returns nothing."""

    name = "broken-empty"
    package = "none"
    module = "none"
    fields = ALL_FIELDS

    def _extract(self, source: str, doc: Document) -> Any:
        return None

    def _convert(self, raw: Any) -> Prediction:
        return Prediction()


class _ModuleExtractor(_EmptyExtractor):
    """An extractor that only names the module it would import (``benchmarks.startup``)."""

    name = "module-extractor"
    module = "articlekit"

    @classmethod
    def of(cls, module: str) -> _ModuleExtractor:
        return type(f"_{module.title()}Extractor", (cls,), {"module": module})()


class _CrashingExtractor(_EmptyExtractor):
    name = "broken-crash"

    def _extract(self, source: str, doc: Document) -> Any:
        raise RuntimeError("boom")


def test_extractors_run_reports_crash_instead_of_raising() -> None:
    doc = _synthetic_corpus().documents[0]
    timed = _CrashingExtractor().run(doc)
    assert timed.prediction.error == "RuntimeError: boom"
    assert timed.ms >= 0.0


class _RecordingExtractor(_EmptyExtractor):
    """Notes each call in a log shared with the others of a run."""

    def __init__(self, name: str, log: list[tuple[str, str]]) -> None:
        self.name = name
        self.log = log

    def _extract(self, source: str, doc: Document) -> Any:
        self.log.append((self.name, doc.doc_id))
        return None


def test_run_interleaved_gives_turns_of_a_block_and_rotates_who_goes_first() -> None:
    corpus = _synthetic_corpus(5)
    log: list[tuple[str, str]] = []
    a, b = _RecordingExtractor("a", log), _RecordingExtractor("b", log)
    runs = run_interleaved([a, b], corpus, block=2)
    ids = [doc.doc_id for doc in corpus.documents]
    assert log == [
        ("a", ids[0]), ("b", ids[0]),  # warm-up
        ("a", ids[0]), ("a", ids[1]), ("b", ids[0]), ("b", ids[1]),
        ("b", ids[2]), ("b", ids[3]), ("a", ids[2]), ("a", ids[3]),
        ("a", ids[4]), ("b", ids[4]),
    ]  # fmt: skip
    assert [run.extractor for run in runs] == ["a", "b"]
    for run in runs:
        assert [record.doc_id for record in run.records] == ids
        assert run.timing.n == len(ids)
        alone = run_corpus(_EmptyExtractor(), corpus)
        assert [r.scores for r in run.records] == [r.scores for r in alone.records]
        assert run.metrics == alone.metrics


def test_run_interleaved_refuses_an_empty_block() -> None:
    with pytest.raises(ValueError, match="block"):
        run_interleaved([_EmptyExtractor()], _synthetic_corpus(), block=0)


def _synthetic_corpus(size: int = 3) -> LoadedCorpus:
    paragraphs = [
        "The quick brown fox jumps over the lazy dog near the river bank.",
        "Every good boy deserves fudge, said the music teacher to the class.",
    ]
    docs = tuple(
        Document(
            corpus="fundus",
            doc_id=f"synthetic/{i}",
            source="<html><body>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>",
            content_type="html",
            url=None,
            reference_time=None,
            gold=Gold(body="\n".join(paragraphs)),
        )
        for i in range(size)
    )
    return LoadedCorpus("fundus", docs)


# --------------------------------------------------------------------------- gate


def test_gate_failures_lists_metrics_below_floor_or_missing() -> None:
    floors = {"fundus": {"body_f1": 0.8, "title": 0.5}, "htmldate": {"date": 0.7}}
    measured: dict[str, dict[str, float | None]] = {
        "fundus": {"body_f1": 0.79, "title": 0.5},
        "htmldate": {"date": None},
    }
    assert gate_failures(measured, floors) == (
        GateFailure("fundus", "body_f1", 0.8, 0.79),
        GateFailure("htmldate", "date", 0.7, None),
    )
    assert (
        gate_failures({"fundus": {"body_f1": 0.9, "title": 0.6}}, {"fundus": floors["fundus"]})
        == ()
    )


def test_gate_floors_only_move_up_and_round_down() -> None:
    assert floor_below(0.8765) == 0.86
    assert floor_below(0.005) == 0.0
    old = {"fundus": {"body_f1": 0.9, "title": 0.5}}
    measured = {
        "fundus": {
            "body_f1": 0.7,
            "title": 0.8,
            "date": None,
            "body_p": 0.9,
            "body_acc": 0.5,
            "topics_f1": 0.0,
        }
    }
    new = raised_floors(old, measured)
    assert new == {"fundus": {"body_f1": 0.9, "title": 0.79}}
    assert old == {"fundus": {"body_f1": 0.9, "title": 0.5}}  # input not mutated


def test_gate_fails_for_broken_extractor_and_passes_for_working_one() -> None:
    corpus = _synthetic_corpus()
    floors = {"fundus": {"body_f1": 0.9}, "readability": {"body_f1": 0.9}}
    broken = run_gate(_EmptyExtractor(), floors, [corpus])
    assert not broken.passed
    assert broken.failures == (GateFailure("fundus", "body_f1", 0.9, 0.0),)
    working = run_gate(LxmlFloorExtractor(), floors, [corpus])  # readability not run: ignored
    assert working.passed, working.failures


@pytest.mark.skipif(not CORPORA.is_dir(), reason=f"corpora not found at {CORPORA}")
def test_gate_fails_on_real_pages_for_empty_extractor() -> None:
    corpus = load_fundus(CORPORA, limit=3)
    result = run_gate(_EmptyExtractor(), {"fundus": {"body_f1": 0.1, "title": 0.1}}, [corpus])
    assert {f.metric for f in result.failures} == {"body_f1", "title"}


# --------------------------------------------------------------------------- cross-check


def _independent_f1(pairs: list[tuple[str, str]]) -> float:
    """Shingle F1 written from the scoring rules, sharing no code with benchmarks.metrics."""
    precisions: list[float] = []
    recalls: list[float] = []
    for gold_text, pred_text in pairs:
        bags = []
        for text in (gold_text, pred_text):
            words = re.findall(r"\w+", text)
            bag: dict[tuple[str, ...], int] = {}
            if 0 < len(words) < 4:
                bag[tuple(words)] = 1
            for i in range(len(words) - 3):
                key = tuple(words[i : i + 4])
                bag[key] = bag.get(key, 0) + 1
            bags.append(bag)
        gold_bag, pred_bag = bags
        tp = fp = fn = 0
        for key in set(gold_bag) | set(pred_bag):
            g, p = gold_bag.get(key, 0), pred_bag.get(key, 0)
            tp += min(g, p)
            fp += max(p - g, 0)
            fn += max(g - p, 0)
        if tp + fp + fn == 0:
            continue
        if tp + fp > 0:
            precisions.append(1.0 if fp == fn == 0 else tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(1.0 if fp == fn == 0 else tp / (tp + fn))
    precision = sum(precisions) / len(precisions)
    recall = sum(recalls) / len(recalls)
    return 2 * precision * recall / (precision + recall)


@pytest.mark.skipif(not CORPORA.is_dir(), reason=f"corpora not found at {CORPORA}")
@pytest.mark.skipif(
    importlib.util.find_spec("trafilatura") is None, reason="trafilatura not installed"
)
def test_benchmark_f1_of_trafilatura_matches_independent_implementation() -> None:
    corpus = load_fundus(CORPORA, limit=CROSS_CHECK_PAGES)
    extractor = TrafilaturaExtractor()
    run = run_corpus(extractor, corpus)
    pairs = [(doc.gold.body or "", extractor.run(doc).prediction.text) for doc in corpus.documents]
    assert run.metrics["body_f1"] == pytest.approx(_independent_f1(pairs), abs=1e-12)
    assert 0.0 < _independent_f1(pairs) <= 1.0


def test_metrics_shows_day_finds_numeric_and_named_forms_in_several_languages() -> None:
    day = date(2024, 4, 26)
    for text in (
        "Published 2024-04-26 at noon",
        "Stand: 26.04.2024, 10:15 Uhr",
        "posted 4/26/24",
        "Friday, April 26, 2024",
        "26. April 2024",
        "le 26 avril 2024 à 10h",
        "26 de abril de 2024",
        "26 aprile 2024",
        "Apr. 26",
        "2024年4月26日",
    ):
        assert metrics.shows_day(text, day), text
    aware = datetime(2024, 4, 26, 23, 0, tzinfo=CET)
    assert metrics.shows_day("am 26.4.2024", aware)


def test_metrics_shows_day_rejects_other_days_and_bare_numbers() -> None:
    day = date(2024, 4, 26)
    for text in ("2024-04-27", "126.04.2024", "26 May 2024", "3 hours ago", "page 26 of 4"):
        assert not metrics.shows_day(text, day), text


def test_scoring_day_where_shown_is_scored_only_when_the_input_shows_it() -> None:
    gold = Gold(date="2024-04-26")
    pred = Prediction(date=date(2024, 4, 26))
    assert score_document(gold, pred, ALL_FIELDS, shows_date=True).date_day_shown is True
    assert score_document(gold, pred, ALL_FIELDS, shows_date=False).date_day_shown is None
    assert score_document(gold, pred, ALL_FIELDS).date_day_shown is None


# --------------------------------------------------------------------------- text-article

_RENDERING = """\
   Home  News  Sport
   * River ferry returns after the winter pause
   Latest
     River ferry returns after the winter pause

   By Jane Roe, 4 March 2025

   The small ferry that links the two banks of the river runs again
   from Monday, the operator said.

   [photo] The ferry at its pier. Photo: Max Muster

   Tickets cost the same as last year, and the first crossing leaves at
   seven in the morning.
   Related: Bridge works delayed
   Footer  Contact  Imprint
"""


def test_article_lines_cut_a_rendering_to_its_article() -> None:
    gold = Gold(
        title="River ferry returns after the winter pause",
        body="The small ferry that links the two banks of the river runs again from Monday, "
        "the operator said.\nTickets cost the same as last year, and the first crossing "
        "leaves at seven in the morning.",
    )
    cut = article_lines(_RENDERING, gold)
    assert cut is not None
    lines = cut.split("\n")
    # the headline's last occurrence before the body (not the teaser in the menu) …
    assert lines[0].strip() == "River ferry returns after the winter pause"
    # … to the line where the body ends (its words wrapped over two lines)
    assert lines[-1].strip() == "seven in the morning."
    assert "By Jane Roe, 4 March 2025" in cut and "Photo: Max Muster" in cut
    assert "Home" not in cut and "Related" not in cut


def test_article_lines_without_the_title_start_at_the_body_or_give_none() -> None:
    body = (
        "Tickets cost the same as last year, and the first crossing leaves at seven in the morning."
    )
    cut = article_lines(_RENDERING, Gold(title="A headline the page never shows", body=body))
    assert cut is not None and cut.split("\n")[0].strip().startswith("Tickets cost")
    assert article_lines(_RENDERING, Gold(title="River", body="Words this page lacks.")) is None
    assert article_lines(_RENDERING, Gold(title="River", body=None)) is None
