"""Reporting: BenchmarkResult → markdown tables (stdout), JSON, ``docs/benchmarks.md`` + plot."""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.metadata
import json
import os
import platform
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.harness import ExtractorRun
from benchmarks.scoring import format_metric
from benchmarks.speed import MemoryResult, ScalingResult
from benchmarks.startup import StartupResult

SPEED_BASELINES = ("trafilatura", "lxml-floor")
"""Extractors every median time is divided by."""

SUPPORT_PACKAGES = ("lxml", "matplotlib")
"""Packages reported beside the extractors' own (lxml: parser of most of them)."""

PLOT_CORPUS = "fundus"
PLOT_METRIC = "body_f1"
_PLOT_SIZE_INCHES = (7.0, 4.5)
_PLOT_DPI = 120
_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "<", ">")
_MARKER_AREA = 40


@dataclass(frozen=True, slots=True)
class Column:
    """One metric column: header text and metric key."""

    header: str
    metric: str


def _cols(*pairs: tuple[str, str]) -> tuple[Column, ...]:
    return tuple(Column(h, m) for h, m in pairs)


_BODY = _cols(
    ("body P", "body_p"), ("body R", "body_r"), ("body F1", "body_f1"), ("acc", "body_acc")
)

_TEXT_COLUMNS = (
    *_BODY,
    *_cols(
        ("title", "title"),
        ("authors F1", "authors_f1"),
        ("date (day)", "date"),
        ("date (day, shown)", "date_shown"),
        ("date coverage", "date_coverage"),
    ),
)
"""Columns of the raw-text corpora (``text``, ``text-article``)."""

TABLES: Mapping[str, tuple[tuple[str, tuple[Column, ...], bool], ...]] = {
    "fundus": (
        ("body text and speed", (*_BODY, *_cols(("summary F1", "summary_f1"))), True),
        (
            "metadata",
            _cols(
                ("title", "title"),
                ("authors P", "authors_p"),
                ("authors R", "authors_r"),
                ("authors F1", "authors_f1"),
                ("authors exact", "authors_exact"),
                ("date (day)", "date"),
                ("date (instant)", "date_instant"),
                ("date coverage", "date_coverage"),
                ("topics F1", "topics_f1"),
                ("captions", "captions"),
                ("credits", "credits"),
            ),
            False,
        ),
    ),
    "readability": (
        (
            "readerable pages",
            (
                *_BODY,
                *_cols(
                    ("title", "title"),
                    ("byline", "byline"),
                    ("byline names", "byline_names"),
                    ("excerpt exact", "excerpt_exact"),
                    ("excerpt F1", "excerpt_f1"),
                ),
            ),
            True,
        ),
    ),
    "htmldate": (
        ("publication dates", _cols(("date (day)", "date"), ("coverage", "date_coverage")), True),
    ),
    "text": (("lynx/w3m renderings", _TEXT_COLUMNS, True),),
    "text-article": (("lynx/w3m renderings cut to the article", _TEXT_COLUMNS, True),),
}
"""Per corpus: (table title, metric columns, append speed columns)."""

ORIGIN_COLUMNS = _cols(
    ("body F1", "body_f1"),
    ("title", "title"),
    ("authors F1", "authors_f1"),
    ("authors exact", "authors_exact"),
    ("date (day)", "date"),
    ("date (day, shown)", "date_shown"),
)
"""Columns of the per-origin table of the ``text`` corpus."""

SPEED_HEADERS = (
    "ms/doc median",
    "CPU ms median",
    "total s",
    "× trafilatura",
    "× lxml-floor",
    "errors",
)


@dataclass(frozen=True, slots=True)
class CorpusResult:
    """All extractor runs on one corpus."""

    name: str
    documents: int
    skipped: tuple[str, ...]
    runs: tuple[ExtractorRun, ...]
    skip_reason: str = ""


@dataclass(frozen=True, slots=True)
class BenchmarkResult:
    """Everything one benchmark invocation measured."""

    started: str
    command: str
    environment: dict[str, Any]
    unavailable: tuple[tuple[str, str], ...]
    corpora: tuple[CorpusResult, ...]
    memory: tuple[MemoryResult, ...] = ()
    scaling: tuple[ScalingResult, ...] = ()
    startup: tuple[StartupResult, ...] = ()
    wall_s: float = 0.0
    notes: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """Plain-JSON form with every per-document score."""
        return {
            "started": self.started,
            "command": self.command,
            "wall_s": self.wall_s,
            "environment": self.environment,
            "unavailable": dict(self.unavailable),
            "corpora": {
                c.name: {
                    "documents": c.documents,
                    "skipped": list(c.skipped),
                    "skip_reason": c.skip_reason,
                    "runs": {r.extractor: r.to_json() for r in c.runs},
                }
                for c in self.corpora
            },
            "memory": [
                {
                    "extractor": m.extractor,
                    "median_peak_mib": m.median_peak_mib,
                    "max_peak_mib": m.max_peak_mib,
                    "n": m.n,
                }
                for m in self.memory
            ],
            "scaling": [s.to_json() for s in self.scaling],
            "startup": [s.to_json() for s in self.startup],
        }


# --------------------------------------------------------------------------- environment


def cpu_model() -> str:
    """CPU model name from ``/proc/cpuinfo`` (or ``platform.processor()``)."""
    try:
        for line in Path("/proc/cpuinfo").read_text("utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def package_version(name: str) -> str:
    """Installed version of a distribution, or "not installed"."""
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def git_commit(repo: Path) -> str:
    """Short commit of ``repo`` plus "+dirty" when the work tree has changes."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(repo), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(repo), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + ("+dirty" if dirty else "")


def load_average() -> float | None:
    """One-minute load average (``None`` where the platform has none)."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return None


def _load_note(env: Mapping[str, Any]) -> str:
    loads = [v for v in (env.get("load_before"), env.get("load_after")) if v is not None]
    if not loads:
        return ""
    shown = " and ".join(f"{v:.1f}" for v in loads)
    note = f" One-minute load average {shown} at start and end of the run."
    if max(loads) > (env.get("nproc") or 1):
        note += (
            " **The machine was busy with other work (load above its CPU count), so "
            "absolute times are inflated; ratios between extractors are more robust.**"
        )
    return note


def articlekit_build() -> str:
    """Which build of articlekit runs: ``"compiled (mypyc)"`` when its hot modules are
    extension modules (``ARTICLEKIT_COMPILE=1``, see ``setup.py``), else
    ``"pure Python"``."""
    import articlekit.scoring.text  # noqa: PLC0415

    compiled = (articlekit.scoring.text.__file__ or "").endswith(
        tuple(importlib.machinery.EXTENSION_SUFFIXES)
    )
    return "compiled (mypyc)" if compiled else "pure Python"


def environment(versions: Mapping[str, str]) -> dict[str, Any]:
    """Python, package versions, the articlekit build, the repository commit and machine
    description."""
    return {
        "commit": git_commit(Path(__file__).resolve().parents[1]),
        "articlekit_build": articlekit_build(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "nproc": os.cpu_count(),
        "cpu": cpu_model(),
        "versions": dict(versions),
    }


# --------------------------------------------------------------------------- markdown


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub-flavoured markdown table (first column left-aligned, the rest right)."""
    align = [":---"] + ["---:"] * (len(headers) - 1)
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _ratio(value: float, base: float | None) -> str:
    if base is None or base <= 0:
        return "–"
    return f"{value / base:.2f}×"


def _speed_cells(run: ExtractorRun, medians: Mapping[str, float]) -> list[str]:
    return [
        f"{run.timing.median_ms:.1f}",
        f"{run.timing.median_cpu_ms:.1f}",
        f"{run.timing.total_s:.1f}",
        *(_ratio(run.timing.median_ms, medians.get(b)) for b in SPEED_BASELINES),
        str(run.errors),
    ]


def corpus_tables(result: CorpusResult) -> str:
    """Markdown for one corpus: a heading and its tables."""
    lines = [f"### {result.name} ({result.documents} documents)"]
    if result.skipped:
        lines.append(f"\nSkipped {len(result.skipped)}: {result.skip_reason}.")
    medians = {r.extractor: r.timing.median_ms for r in result.runs}
    for title, columns, with_speed in TABLES.get(result.name, ()):
        runs = [r for r in result.runs if any(c.metric in r.metrics for c in columns)]
        if not runs:
            continue
        headers = ["extractor", *(c.header for c in columns)]
        if with_speed:
            headers += SPEED_HEADERS
        rows = []
        for run in runs:
            row = [run.extractor, *(format_metric(run.metrics.get(c.metric)) for c in columns)]
            if with_speed:
                row += _speed_cells(run, medians)
            rows.append(row)
        lines += ["", f"**{title}**", "", markdown_table(headers, rows)]
    origin_rows = [
        [
            f"{run.extractor} ({origin})",
            *(format_metric(values.get(c.metric)) for c in ORIGIN_COLUMNS),
        ]
        for run in result.runs
        for origin, values in sorted(run.by_origin.items())
    ]
    if origin_rows:
        headers = ["extractor (pages)", *(c.header for c in ORIGIN_COLUMNS)]
        lines += ["", "**by origin of the pages**", "", markdown_table(headers, origin_rows)]
    return "\n".join(lines)


def memory_table(results: Sequence[MemoryResult]) -> str:
    """Markdown table of tracemalloc peaks."""
    rows = [
        [m.extractor, f"{m.median_peak_mib:.1f}", f"{m.max_peak_mib:.1f}", str(m.n)]
        for m in results
    ]
    return markdown_table(["extractor", "median peak MiB", "max peak MiB", "pages"], rows)


def scaling_table(results: Sequence[ScalingResult]) -> str:
    """Markdown table of scaling medians and fits."""
    factors = sorted({f for s in results for f, _ in s.median_ms_by_factor})
    headers = ["extractor", *(f"{f}× ms" for f in factors), "exponent", "ms per 100 kB"]
    rows = []
    for s in results:
        by = dict(s.median_ms_by_factor)
        rows.append(
            [
                s.extractor,
                *(f"{by[f]:.1f}" if f in by else "–" for f in factors),
                format_metric(s.exponent),
                "–" if s.slope_ms_per_100kb is None else f"{s.slope_ms_per_100kb:.2f}",
            ]
        )
    return markdown_table(headers, rows)


def startup_table(results: Sequence[StartupResult]) -> str:
    """Markdown table of start-up medians."""

    def ms(value: float | None) -> str:
        return "–" if value is None else f"{value:.0f}"

    rows = [
        [
            s.extractor,
            f"`{s.module}`",
            ms(s.import_ms),
            ms(s.import_cpu_ms),
            ms(s.first_html_ms),
            ms(s.first_text_ms),
        ]
        for s in results
    ]
    headers = [
        "extractor",
        "module",
        "import ms",
        "import CPU ms",
        "import + first HTML parse ms",
        "import + first raw-text parse ms",
    ]
    return markdown_table(headers, rows)


def render_tables(result: BenchmarkResult) -> str:
    """Every table of ``result`` as markdown."""
    parts = [corpus_tables(c) for c in result.corpora]
    if result.memory:
        parts.append(
            "### Peak memory (tracemalloc, Python allocations only)\n\n"
            + memory_table(result.memory)
        )
    if result.scaling:
        parts.append("### Scaling with input size\n\n" + scaling_table(result.scaling))
    if result.startup:
        runs = result.startup[0].runs
        parts.append(
            f"### Start-up (median of {runs} fresh processes)\n\n" + startup_table(result.startup)
        )
    if result.unavailable:
        parts.append(
            "Not available: " + "; ".join(f"{name} ({why})" for name, why in result.unavailable)
        )
    return "\n\n".join(parts)


def write_json(result: BenchmarkResult, path: Path) -> None:
    """Write the full result, per-document scores included."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=1) + "\n", "utf-8")


# --------------------------------------------------------------------------- docs


_METHOD = """\
## How to read this

- **Body text** (`body P/R/F1`, `acc`): shingle matching as in the Zyte
  article-extraction benchmark: `\\w+` tokens, 4-token shingles as a multiset, tp/fp/fn
  normalised per document, precision averaged over documents with a prediction,
  recall over documents with gold, F1 the harmonic mean of the two averages. `acc` is
  the share of documents whose token lists are identical. Gold: fundus summary +
  section headlines + paragraphs; Readability's `expected.html` text (block elements
  as lines).
- **summary F1** (fundus): the same shingle F1, predicted summary (articlekit's
  `summary`, else its `description` when the page shows no lead; the peers'
  description/meta-description field) against the gold summary
  paragraphs.
- **title**: exact match after NFC and whitespace collapsing.
- **authors**: per-document set precision/recall over normalised names (NFC,
  whitespace, case-fold, leading "By" and edge punctuation removed), averaged;
  `exact` is the share of documents whose sets are equal.
- **byline** (readability): normalised gold byline equals the normalised predicted
  names joined with ", ". `byline names`: at least one name predicted and every
  predicted name occurs inside the normalised gold byline. Pages with an empty gold
  byline are not scored.
- **excerpt** (readability): exact match / shingle F1 of the predicted summary (as above).
- **date (day)**: the predicted calendar day equals the gold's; aware predictions are
  converted into the gold's UTC offset first, naive datetimes and bare dates are taken
  as they are. `date (instant)`: gold has a time with an offset, the prediction is an
  aware datetime within 1 s of it. `coverage`: a date was predicted at all.
- **topics F1**: set F1 over normalised tags, averaged like authors.
- **captions / credits**: pooled share of distinct gold captions (credits: each name
  in a gold image's `authors`) equal to some predicted caption (credit) after NFC,
  whitespace collapsing and case-folding.
- **text** corpus: lynx/w3m renderings of the fundus and readerable readability pages,
  parsed as raw text (articlekit: `content_type="text"`, fundus pages with the crawl
  time as `reference_time`; HTML-only peers: one escaped `<p>` per blank-line block).
  Renderings under 500 characters are skipped and counted. `date (day, shown)` is the
  day score over only the renderings that show the gold day in some written form
  (numeric with the year, e.g. 2024-04-26, 26.04.2024, 4/26/24, 2024年4月26日, or with a
  month name in one of the corpora's languages, with or without the year, e.g.
  "26 April 2024", "Apr 26", "26. April", "26 de abril"), found by a recogniser in
  `benchmarks/metrics.py` that is independent of articlekit's; relative dates
  ("3 hours ago") do not count as shown. The "by origin" table splits the corpus into
  the renderings of fundus pages and of readability pages.
- **text-article** corpus: the same renderings cut to the article, as a reader copies
  it from the rendered page: from the line where the gold headline starts (its last
  occurrence before the gold body; else the body's first line) to the line where the
  gold body ends, found with whitespace collapsed (`article_lines` in
  `benchmarks/corpora.py`); bylines, captions and inline links in between are kept as
  rendered. Raw text of article length, where the `text` renderings also hold the
  site's menus and footers. Renderings whose body start or end is not found are
  skipped and counted. Its accuracy is not comparable with `text`'s: there is no page
  furniture to tell apart, and a dateline above the headline is cut off.
- **Speed**: only the extraction call is timed (`time.perf_counter`), input decoded and
  in memory, all extractors in one process, one document at a time, after one untimed
  warm-up call per corpus (lazy imports, model loading). The extractors take turns of
  16 documents (each reads the same 16, then the next extractor does; who goes first
  moves on by one every turn), so that a change in the machine's speed during the run
  falls on all of them alike (`run_interleaved` in `benchmarks/harness.py`). So each
  turn starts with CPU caches that the other extractors filled: an extractor timed alone
  is faster (articlekit's raw-text median on text-article, compiled, on a 2-core AMD
  EPYC machine on 2026-11-27: 2.8 ms alone, 3.4 ms in turns with the peers, 3.7–4.0 ms
  in full runs). Ratios divide the median
  by trafilatura's / lxml-floor's median on the same corpus. `CPU ms median` is
  the process's CPU time over the same calls (`time.process_time`), which stays
  meaningful when other work competes for the machine. `lxml-floor` is
  `lxml.html.document_fromstring(html).text_content()`, the cost of parsing alone, by
  lxml's fastest route: the page encoded to UTF-8 (timed) and parsed as bytes with an
  explicit UTF-8 parser (a Python `str` is read as UCS-4, ~1.3× slower).
- **Peak memory**: `tracemalloc` peak during the call on 10 fundus pages; C-level
  allocations (libxml2, resiliparse) are invisible to it, so it is a lower bound.
- **Scaling**: the `<body>` content of 4 fundus pages repeated 1-8× in one page; best
  of 3 timings; `exponent` is b in ms ≈ a·size^b (log-log least squares, 1 = linear).
- **Start-up**: each figure is the median over fresh `python -c` processes (after one
  untimed process that leaves the bytecode caches written), timed inside the process
  around the statements (the interpreter's own start-up and reading the page are not
  counted): `import` of the module each extractor uses; for articlekit, also the import
  plus the first `parse` of the bundled `examples/sample-article.html`, and, in other
  processes, of the raw-text example in `../shared/examples` (the per-document timings
  above leave both costs out: they follow a warm-up call). See `benchmarks/startup.py`.
- A "–" means not measured: the extractor does not produce that field, or no
  document has gold for it.
"""


def render_docs(result: BenchmarkResult, image_name: str | None) -> str:
    """``docs/benchmarks.md`` content."""
    env = result.environment
    versions = "\n".join(f"| {name} | {ver} |" for name, ver in sorted(env["versions"].items()))
    parts = [
        "# Benchmarks",
        "",
        "<!-- generated by `python -m benchmarks --write-docs`; do not edit by hand -->",
        "",
        f"Generated {result.started} by `{result.command}` in {result.wall_s:.0f} s.",
        "",
        f"articlekit commit: `{env['commit']}`; build: "
        f"{env.get('articlekit_build', 'pure Python')} "
        "(see [the compiled build](pipelines.md#the-compiled-build)).",
        "",
        f"Machine: {env['nproc']} CPUs ({env['cpu']}), {env['platform']}; "
        f"Python {env['python']} ({env['implementation']})." + _load_note(env),
        "",
        "| package | version |",
        "| :--- | ---: |",
        versions,
        "",
        "Corpora: `../shared/corpora` (fundus, Mozilla Readability test pages, htmldate); "
        "they are not part of this repository. Per-document scores are in the JSON "
        "written by each run (`benchmarks/results/latest.json`).",
        "",
    ]
    if image_name:
        parts += [
            f"![fundus body F1 against median time per page]({image_name})",
            "",
        ]
    parts += ["## Results", "", render_tables(result), "", _METHOD]
    return "\n".join(parts)


def write_plot(result: BenchmarkResult, path: Path) -> bool:
    """Scatter of fundus body F1 against median ms/page (log x). False if no data."""
    corpus = next((c for c in result.corpora if c.name == PLOT_CORPUS), None)
    if corpus is None:
        return False
    points = [
        (r.extractor, r.timing.median_ms, r.metrics[PLOT_METRIC])
        for r in corpus.runs
        if r.metrics.get(PLOT_METRIC) is not None and r.timing.median_ms > 0
    ]
    if not points:
        return False
    importlib.import_module("matplotlib").use("Agg")  # optional dependency, headless
    plt: Any = importlib.import_module("matplotlib.pyplot")

    fig, ax = plt.subplots(figsize=_PLOT_SIZE_INCHES)
    # a legend rather than point labels: neighbouring points never hide each other's names
    for index, (name, ms, f1) in enumerate(sorted(points, key=lambda p: p[1])):
        ax.scatter(
            [ms],
            [f1],
            marker=_MARKERS[index % len(_MARKERS)],
            s=_MARKER_AREA * (2 if name.startswith("articlekit") else 1),
            label=f"{name} ({f1:.3f}, {ms:.1f} ms)",
        )
    ax.legend(loc="lower right", fontsize=8)
    ax.set_xscale("log")
    ax.set_xlabel("median ms per page (log scale)")
    ax.set_ylabel("fundus body F1")
    ax.set_title("Accuracy against speed (fundus)")
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=_PLOT_DPI)
    plt.close(fig)
    return True
