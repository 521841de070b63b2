"""Command line: arguments → benchmark run (or gate) → stdout tables, JSON, docs, exit code.

Examples (from the repository root)::

    python -m benchmarks                          # every corpus, every available extractor
    python -m benchmarks --corpus fundus --extractors articlekit,trafilatura --limit 20
    python -m benchmarks --write-docs             # also regenerate docs/benchmarks.{md,png}
    python -m benchmarks --gate                   # articlekit vs benchmarks/floors.json
    python -m benchmarks --gate --raise-floors    # move floors up to the current scores
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import shlex
import sys
import time
import warnings
from collections.abc import Sequence
from pathlib import Path

from benchmarks import corpora as corpora_mod
from benchmarks import gate as gate_mod
from benchmarks.extractors import EXTRACTOR_NAMES, ArticlekitExtractor, build_extractors
from benchmarks.harness import applies, run_interleaved
from benchmarks.report import (
    SUPPORT_PACKAGES,
    BenchmarkResult,
    CorpusResult,
    environment,
    git_commit,
    load_average,
    package_version,
    render_docs,
    render_tables,
    write_json,
    write_plot,
)
from benchmarks.speed import (
    MEMORY_SUBSET_SIZE,
    SCALING_EXTRACTORS,
    SCALING_PAGES,
    MemoryResult,
    ScalingResult,
    measure_memory,
    measure_scaling,
    scaling_factors,
)
from benchmarks.startup import (
    TEXT_EXAMPLE_NAME,
    StartupResult,
    measure_startup,
    startup_extractors,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_JSON = REPO_ROOT / "benchmarks" / "results" / "latest.json"
DOCS_MD = REPO_ROOT / "docs" / "benchmarks.md"
DOCS_PNG = REPO_ROOT / "docs" / "benchmarks.png"
PEER_LOGGERS = ("goose3", "newspaper", "trafilatura", "htmldate", "readability", "justext")
DEFAULT_SCALING_MAX = 8
EXTENDED_SCALING_MAX = 64


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description="Benchmark articlekit against its peers."
    )
    parser.add_argument(
        "--corpora", type=Path, default=corpora_mod.DEFAULT_CORPORA, help="corpora folder"
    )
    parser.add_argument(
        "--corpus",
        type=_csv,
        default=list(corpora_mod.CORPORA),
        help=f"comma-separated corpora (default: {','.join(corpora_mod.CORPORA)})",
    )
    parser.add_argument(
        "--extractors",
        type=_csv,
        default=None,
        help=f"comma-separated extractors (default: all available: {','.join(EXTRACTOR_NAMES)})",
    )
    parser.add_argument("--limit", type=int, default=None, help="documents per corpus")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="result JSON path")
    parser.add_argument(
        "--write-docs", action="store_true", help="regenerate docs/benchmarks.md and .png"
    )
    parser.add_argument(
        "--gate", action="store_true", help="articlekit on the quick subset vs floors.json"
    )
    parser.add_argument(
        "--raise-floors",
        action="store_true",
        help="with --gate: raise floors.json to the measured scores (never lowers)",
    )
    parser.add_argument(
        "--floors", type=Path, default=gate_mod.FLOORS_PATH, help="floors file for --gate"
    )
    parser.add_argument(
        "--scaling-64",
        action="store_true",
        help=f"scale inputs up to {EXTENDED_SCALING_MAX}x (default {DEFAULT_SCALING_MAX}x)",
    )
    parser.add_argument(
        "--no-extras",
        action="store_true",
        help="skip the memory, scaling and start-up measurements",
    )
    args = parser.parse_args(argv)
    unknown = [c for c in args.corpus if c not in corpora_mod.CORPORA]
    if unknown:
        parser.error(f"unknown corpus {unknown}; known: {', '.join(corpora_mod.CORPORA)}")
    unknown = [e for e in args.extractors or () if e not in EXTRACTOR_NAMES]
    if unknown:
        parser.error(f"unknown extractor {unknown}; known: {', '.join(EXTRACTOR_NAMES)}")
    return args


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_gate_command(args: argparse.Namespace) -> int:
    """``--gate``: exit 0 when every floored metric holds, 1 otherwise (2: cannot run)."""
    started = time.perf_counter()
    try:
        extractor = ArticlekitExtractor()
    except Exception as exc:
        _say(f"gate: {exc}")
        return 2
    floors = gate_mod.load_floors(args.floors)
    corpora = gate_mod.load_gate_corpora(args.corpora)
    result = gate_mod.run_gate(extractor, floors, corpora)
    for corpus in corpora:
        measured = result.measured.get(corpus.name, {})
        pinned = floors.get(corpus.name, {})
        _say(f"{corpus.name} ({len(corpus.documents)} documents)")
        for metric, value in sorted(measured.items()):
            floor = pinned.get(metric)
            shown = "–" if value is None else f"{value:.4f}"
            suffix = "" if floor is None else f"  (floor {floor:.2f})"
            print(f"  {corpus.name}.{metric} = {shown}{suffix}")
    if args.raise_floors:
        gate_mod.write_floors(gate_mod.raised_floors(floors, result.measured), args.floors)
        print(f"floors written to {args.floors}")
    elapsed = time.perf_counter() - started
    if result.failures:
        print(f"GATE FAILED ({elapsed:.0f} s):")
        for failure in result.failures:
            print(f"  {failure}")
        return 1
    print(f"gate passed ({elapsed:.0f} s)")
    return 0


def run_benchmark(args: argparse.Namespace, argv: Sequence[str]) -> int:
    """Full benchmark: tables on stdout, JSON, optionally docs."""
    wall_start = time.perf_counter()
    load_before = load_average()
    commit = git_commit(REPO_ROOT)  # before running: the core may be committed meanwhile
    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    if not args.corpora.is_dir():
        _say(f"corpora folder not found: {args.corpora}")
        return 2
    extractors = build_extractors(args.extractors)
    for name, why in extractors.unavailable:
        _say(f"skipping {name}: {why}")
    results: list[CorpusResult] = []
    for name in args.corpus:
        corpus = corpora_mod.load(name, args.corpora, limit=args.limit)
        _say(f"{name}: {len(corpus.documents)} documents, {len(corpus.skipped)} skipped")
        chosen = [e for e in extractors.available if applies(e, corpus)]
        runs = run_interleaved(chosen, corpus)
        for run in runs:
            _say(f"  {run.extractor:<20} {run.timing.total_s:7.1f} s  errors={run.errors}")
        results.append(
            CorpusResult(
                name, len(corpus.documents), corpus.skipped, tuple(runs), corpus.skip_reason
            )
        )

    memory: tuple[MemoryResult, ...] = ()
    scaling: tuple[ScalingResult, ...] = ()
    startup: tuple[StartupResult, ...] = ()
    if not args.no_extras:
        fundus_pages = corpora_mod.load_fundus(
            args.corpora, limit=max(MEMORY_SUBSET_SIZE, SCALING_PAGES)
        ).documents
        _say("memory (tracemalloc)")
        memory = tuple(
            measure_memory(e, fundus_pages[:MEMORY_SUBSET_SIZE]) for e in extractors.available
        )
        factors = scaling_factors(EXTENDED_SCALING_MAX if args.scaling_64 else DEFAULT_SCALING_MAX)
        _say(f"scaling {factors}")
        scaling = tuple(
            measure_scaling(e, fundus_pages[:SCALING_PAGES], factors)
            for e in extractors.available
            if e.name in SCALING_EXTRACTORS
        )
        _say("start-up (fresh processes)")
        text_example = args.corpora.parent / "examples" / TEXT_EXAMPLE_NAME
        startup = tuple(
            measure_startup(e, text_example) for e in startup_extractors(extractors.available)
        )

    versions = {e.package: e.version() for e in extractors.available}
    versions |= {name: package_version(name) for name in SUPPORT_PACKAGES}
    env = environment(versions) | {
        "commit": commit,
        "load_before": load_before,
        "load_after": load_average(),
    }
    result = BenchmarkResult(
        started=started,
        command="python -m benchmarks " + shlex.join(argv),
        environment=env,
        unavailable=extractors.unavailable,
        corpora=tuple(results),
        memory=memory,
        scaling=scaling,
        startup=startup,
        wall_s=time.perf_counter() - wall_start,
    )
    print(render_tables(result))
    write_json(result, args.json)
    _say(f"JSON: {args.json}")
    if args.write_docs:
        image = DOCS_PNG.name if write_plot(result, DOCS_PNG) else None
        DOCS_MD.parent.mkdir(parents=True, exist_ok=True)
        DOCS_MD.write_text(render_docs(result, image) + "\n", "utf-8")
        _say(f"docs: {DOCS_MD}" + (f", {DOCS_PNG}" if image else ""))
    _say(f"total {result.wall_s:.0f} s")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark or the gate; returns the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    warnings.simplefilter("ignore")  # peers warn a lot (nltk missing, dateparser, …)
    for name in PEER_LOGGERS:  # per-page warnings ("could not resolve date") are noise here
        logging.getLogger(name).setLevel(logging.ERROR)
    if args.gate:
        return run_gate_command(args)
    return run_benchmark(args, argv)
