"""Command line: files, folders, WARCs or stdin → articles; adapter tooling; the schema.

Input → output: one path (``-`` is stdin) → the article as indented JSON / text /
Markdown on stdout; several paths, folders, globs or ``--warc`` files → one JSON Lines
record per input on stdout (documented in ``docs/pipelines.md``), a summary and, on a
terminal, a progress bar on stderr; ``adapters …`` commands read and write adapter and
fixture files; ``schema`` prints the JSON Schema of the article output. This module and
the job helpers of ``spark.py`` are the only places that open files.

Usage::

    articlekit article.html                      # indented JSON
    articlekit parse corpus/ --workers 4 > out.jsonl
    articlekit parse 'pages/**/*.html.gz' --format markdown > out.jsonl
    articlekit parse --warc crawl.warc.gz > out.jsonl
    articlekit --format markdown --url URL page.html
    cat dump.txt | articlekit --content-type text -
    articlekit adapters list | table | check [NAME…] | new NAME --domain DOMAIN
    articlekit schema > docs/schema.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import gzip
import json
import os
import sys
import time
import zlib
from collections import deque
from collections.abc import Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TextIO

from articlekit import __version__
from articlekit._api import parse
from articlekit.adapters.catalog import (
    adapter_class_name,
    adapter_skeleton,
    supported_sites_markdown,
)
from articlekit.adapters.checking import check_article
from articlekit.adapters.registry import default_registry
from articlekit.errors import ArticleKitError
from articlekit.model import Article
from articlekit.options import ParseOptions
from articlekit.schema import article_json_schema
from articlekit.warc import iter_responses

__all__ = ["main"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
DEFAULT_FIXTURES = Path("tests") / "fixtures"
DEFAULT_ADAPTER_DIR = Path("src") / "articlekit" / "adapters" / "sites"


# -- parse ------------------------------------------------------------------------------

PAGE_SUFFIXES = (".html", ".htm", ".txt")
"""Files a folder contributes to a batch (also with ``.gz`` appended)."""
WARC_SUFFIXES = (".warc", ".warc.gz")
"""Files a folder given to ``--warc`` contributes."""
GZIP_SUFFIX = ".gz"
GLOB_CHARS = frozenset("*?[")
STDIN = "-"
WINDOW_PER_WORKER = 8
"""Inputs in flight per worker process: keeps memory bounded and output in order."""
PROGRESS_INTERVAL_S = 0.1
"""Minimum time between two redraws of the progress bar."""
PROGRESS_BAR_WIDTH = 24
EXIT_INTERRUPTED = 130

STATUS_OK = "ok"
STATUS_PARTIAL = "partial"
STATUS_FAILED = "failed"

ERROR_UNREADABLE = "input.unreadable"
ERROR_NO_MATCH = "input.no_match"
ERROR_BAD_GZIP = "input.bad_gzip"
ERROR_INTERNAL = "internal"
"""Record error codes of the CLI itself; parse errors keep the library's codes."""


def _parse_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="articlekit",
        description="Extract articles from HTML pages or raw-text dumps. One input prints "
        "the article; several inputs, folders, globs or --warc print one JSON Lines record "
        "per input. See also: articlekit adapters --help, articlekit schema",
    )
    p.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="files, folders (searched for *.html, *.htm, *.txt and .gz variants), "
        "globs; '-' reads stdin",
    )
    p.add_argument(
        "--warc",
        nargs="+",
        action="extend",
        default=[],
        metavar="WARC",
        help="WARC files (or folders of *.warc[.gz]); their HTML responses are parsed "
        "(needs the 'warc' extra)",
    )
    p.add_argument("--url", help="URL of the page (with one input file)")
    p.add_argument("--format", choices=("json", "text", "markdown"), default="json")
    p.add_argument("--adapter", help="force an adapter by name, or 'generic' for none")
    p.add_argument("--content-type", choices=("html", "text"), help="skip sniffing")
    p.add_argument("--encoding", help="character encoding of the input bytes")
    p.add_argument(
        "--reference-time",
        type=_datetime,
        help="ISO time that relative dates ('2 hours ago') are resolved against",
    )
    p.add_argument(
        "--workers",
        type=_positive_int,
        default=1,
        metavar="N",
        help="parse in N processes (default 1); output order stays the input order",
    )
    p.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress bar (it is only drawn when stderr is a terminal)",
    )
    p.add_argument("--version", action="version", version=f"articlekit {__version__}")
    return p


def _datetime(value: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date/time: {value!r}") from exc


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from exc
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value!r}")
    return number


def _read(path: str) -> bytes:
    if path == STDIN:
        return sys.stdin.buffer.read()
    with open(path, "rb") as handle:
        data = handle.read()
    if path.lower().endswith(GZIP_SUFFIX):
        return gzip.decompress(data)
    return data


def _render(article: Article, fmt: str, *, many: bool) -> str:
    if fmt == "markdown":
        return article.to_markdown()
    if fmt == "text":
        return article.text + "\n"
    data = article.model_dump(mode="json")
    if many:
        return json.dumps(data, ensure_ascii=False) + "\n"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True, slots=True)
class _Settings:
    """What every input of a batch is parsed with; sent to worker processes."""

    fmt: str
    url: str | None
    encoding: str | None
    content_type: Literal["html", "text"] | None
    adapter: str | None
    reference_time: dt.datetime | None


@dataclass(frozen=True, slots=True)
class _Task:
    """One input of a batch: a file the worker reads, or bytes read already."""

    index: int
    input: str
    path: str | None = None
    data: bytes | None = None
    url: str | None = None
    encoding: str | None = None
    error: tuple[str, str] | None = None  # known to fail before parsing (code, message)


@dataclass(frozen=True, slots=True)
class _Outcome:
    """One finished input: its status and its JSON Lines record."""

    index: int
    status: str
    line: str


def _run_task(task: _Task, settings: _Settings) -> _Outcome:
    """Read and parse one input; every failure becomes a ``failed`` record."""
    article: Article | None = None
    error = task.error
    if error is None:
        try:
            data = task.data if task.data is not None else _read(task.path or STDIN)
            article = parse(
                data,
                url=task.url or settings.url,
                encoding=task.encoding or settings.encoding,
                content_type=settings.content_type,
                adapter=settings.adapter,
                options=ParseOptions(reference_time=settings.reference_time),
            )
        except ArticleKitError as exc:
            error = (exc.code, str(exc))
        except OSError as exc:
            code = ERROR_BAD_GZIP if isinstance(exc, gzip.BadGzipFile) else ERROR_UNREADABLE
            error = (code, f"cannot read: {exc.strerror or exc}")
        except (EOFError, zlib.error) as exc:
            error = (ERROR_BAD_GZIP, f"cannot read: {exc}")
        except Exception as exc:  # a bug must not abort the batch; report it per record
            error = (ERROR_INTERNAL, f"{type(exc).__name__}: {exc}")
    status = STATUS_FAILED
    rendered: Any = None
    if article is not None:
        status = STATUS_PARTIAL if article.provenance.warnings else STATUS_OK
        if settings.fmt == "json":
            rendered = article.model_dump(mode="json")
        else:
            rendered = _render(article, settings.fmt, many=True)
    record = {
        "input": task.input,
        "index": task.index,
        "url": task.url or settings.url or (article.url if article else None),
        "status": status,
        "article": rendered,
        "error": {"code": error[0], "message": error[1]} if error else None,
    }
    return _Outcome(task.index, status, json.dumps(record, ensure_ascii=False) + "\n")


def _expand(pattern: str, suffixes: tuple[str, ...]) -> list[str] | None:
    """Files named by one argument: itself, a folder's pages, or a glob's matches.

    Returns ``None`` for a glob that matches nothing.
    """
    if pattern == STDIN:
        return [pattern]
    path = Path(pattern)
    if path.is_dir():
        return _folder_files(path, suffixes)
    if path.exists() or not GLOB_CHARS.intersection(pattern):
        return [pattern]  # a missing plain path fails as a record of its own
    found: list[str] = []
    for match in sorted(glob.glob(pattern, recursive=True)):
        found.extend(_folder_files(Path(match), suffixes) if Path(match).is_dir() else [match])
    return found or None


def _folder_files(folder: Path, suffixes: tuple[str, ...]) -> list[str]:
    def wanted(name: str) -> bool:
        name = name.lower()
        name = name.removesuffix(GZIP_SUFFIX) if GZIP_SUFFIX not in suffixes else name
        return name.endswith(suffixes)

    return sorted(str(p) for p in folder.rglob("*") if p.is_file() and wanted(p.name))


@dataclass(slots=True)
class _Counts:
    ok: int = 0
    partial: int = 0
    failed: int = 0
    skipped: int = 0

    @property
    def done(self) -> int:
        return self.ok + self.partial + self.failed


def _tasks(
    expanded: list[tuple[str, list[str] | None]], warcs: list[str], counts: _Counts
) -> Iterator[_Task]:
    """The batch's inputs in order: files first, then the HTML responses of WARC files."""
    index = 0
    for pattern, files in expanded:
        if files is None:
            yield _Task(index, pattern, error=(ERROR_NO_MATCH, "no file matches"))
            index += 1
            continue
        for path in files:
            if path == STDIN:
                yield _stdin_task(index)
            else:
                yield _Task(index, path, path=path)
            index += 1
    for pattern in warcs:
        for path in _expand(pattern, WARC_SUFFIXES) or [pattern]:
            for task in _warc_tasks(path, index, counts):
                yield task
                index += 1


def _stdin_task(index: int) -> _Task:
    """Stdin is read here, in the main process: worker processes cannot share it."""
    try:
        return _Task(index, STDIN, data=sys.stdin.buffer.read())
    except OSError as exc:
        return _Task(index, STDIN, error=(ERROR_UNREADABLE, f"cannot read: {exc}"))


def _warc_tasks(path: str, start: int, counts: _Counts) -> Iterator[_Task]:
    index = start
    try:
        with open(path, "rb") as stream:
            for response in iter_responses(stream):
                if not response.is_html:
                    counts.skipped += 1
                    continue
                yield _Task(
                    index,
                    f"{path}@{response.offset}",
                    data=response.data,
                    url=response.url,
                    encoding=response.encoding,
                )
                index += 1
    except ModuleNotFoundError:
        raise
    except Exception as exc:  # unreadable or corrupt WARC: one failed record, go on
        message = f"cannot read WARC: {exc.strerror if isinstance(exc, OSError) else exc}"
        yield _Task(index, path, error=(ERROR_UNREADABLE, message))


def _outcomes(
    tasks: Iterator[_Task], settings: _Settings, workers: int
) -> Generator[_Outcome, None, None]:
    """Parse every task, in ``workers`` processes when > 1; yields in input order."""
    if workers == 1:
        for task in tasks:
            yield _run_task(task, settings)
        return
    window = workers * WINDOW_PER_WORKER
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        pending: deque[tuple[_Task, Future[_Outcome]]] = deque()
        for task in tasks:
            pending.append((task, pool.submit(_run_task, task, settings)))
            if len(pending) >= window:
                yield _collect(*pending.popleft(), settings)
        while pending:
            yield _collect(*pending.popleft(), settings)
    finally:  # also when the consumer stops early (closed pipe, Ctrl-C)
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(task: _Task, future: Future[_Outcome], settings: _Settings) -> _Outcome:
    try:
        return future.result()
    except Exception as exc:  # the worker process died (e.g. killed): report, go on
        failed = _Task(task.index, task.input, url=task.url, error=(ERROR_INTERNAL, repr(exc)))
        return _run_task(failed, settings)


class _Progress:
    """A one-line progress bar on a terminal (plain ANSI); silent when disabled."""

    def __init__(self, stream: TextIO, *, total: int | None, enabled: bool) -> None:
        self._stream = stream
        self._total = total
        self._enabled = enabled
        self._start = time.monotonic()
        self._last_draw = 0.0

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self._start

    def update(self, done: int, *, force: bool = False) -> None:
        if not self._enabled:
            return
        now = time.monotonic()
        if not force and now - self._last_draw < PROGRESS_INTERVAL_S:
            return
        self._last_draw = now
        self._stream.write("\r\x1b[2K" + self.line(done, now - self._start))
        self._stream.flush()

    def line(self, done: int, elapsed: float) -> str:
        """The bar for ``done`` inputs after ``elapsed`` seconds."""
        rate = done / elapsed if elapsed > 0 else 0.0
        speed = f"{rate:.1f} pages/s"
        if not self._total:
            return f"articlekit {done} pages  {speed}"
        share = min(done / self._total, 1.0)
        filled = round(share * PROGRESS_BAR_WIDTH)
        bar = "#" * filled + "." * (PROGRESS_BAR_WIDTH - filled)
        eta = _clock((self._total - done) / rate) if rate > 0 else "--:--"
        return f"articlekit [{bar}] {done}/{self._total} {share:4.0%}  {speed}  ETA {eta}"

    def close(self) -> None:
        if self._enabled:
            self._stream.write("\r\x1b[2K")
            self._stream.flush()


def _clock(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def _is_batch(args: argparse.Namespace) -> bool:
    if args.warc or len(args.files) != 1:
        return True
    only = args.files[0]
    return only != STDIN and (Path(only).is_dir() or _expand(only, PAGE_SUFFIXES) != [only])


def _run_single(args: argparse.Namespace, out: TextIO) -> int:
    """One input file: the article itself (indented JSON, text or Markdown)."""
    path = args.files[0]
    try:
        data = _read(path)
    except (OSError, EOFError, zlib.error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        print(f"articlekit: cannot read {path}: {reason}", file=sys.stderr)
        return EXIT_FAILED
    try:
        article = parse(
            data,
            url=args.url,
            encoding=args.encoding,
            content_type=args.content_type,
            adapter=args.adapter,
            options=ParseOptions(reference_time=args.reference_time),
        )
    except ArticleKitError as exc:
        print(f"articlekit: {path}: {exc.code}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    out.write(_render(article, args.format, many=False))
    return EXIT_OK


def _run_batch(args: argparse.Namespace, out: TextIO) -> int:
    """Many inputs: one JSON Lines record per input, a summary (and a bar) on stderr."""
    settings = _Settings(
        fmt=args.format,
        url=None,
        encoding=args.encoding,
        content_type=args.content_type,
        adapter=args.adapter,
        reference_time=args.reference_time,
    )
    counts = _Counts()
    expanded = [(pattern, _expand(pattern, PAGE_SUFFIXES)) for pattern in args.files]
    total = None if args.warc else sum(len(files or [pattern]) for pattern, files in expanded)
    err = sys.stderr
    progress = _Progress(err, total=total, enabled=err.isatty() and not args.no_progress)
    outcomes = _outcomes(_tasks(expanded, args.warc, counts), settings, args.workers)
    try:
        for outcome in outcomes:
            out.write(outcome.line)
            if outcome.status == STATUS_OK:
                counts.ok += 1
            elif outcome.status == STATUS_PARTIAL:
                counts.partial += 1
            else:
                counts.failed += 1
            progress.update(counts.done)
    except ModuleNotFoundError as exc:
        progress.close()
        print(f"articlekit: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        progress.close()
        print(f"articlekit: interrupted; {_summary(counts, progress.elapsed)}", file=err)
        return EXIT_INTERRUPTED
    finally:
        outcomes.close()
    progress.close()
    print(f"articlekit: {_summary(counts, progress.elapsed)}", file=err)
    return EXIT_FAILED if counts.failed else EXIT_OK


def _summary(counts: _Counts, elapsed: float) -> str:
    rate = counts.done / elapsed if elapsed > 0 else 0.0
    text = (
        f"{counts.done} inputs in {elapsed:.1f} s ({rate:.1f} pages/s): {counts.ok} parsed, "
        f"{counts.partial} partial (with warnings), {counts.failed} failed"
    )
    if counts.skipped:
        text += f"; {counts.skipped} WARC responses skipped (not HTML or not 2xx)"
    return text


def _run_parse(argv: Sequence[str], out: TextIO) -> int:
    parser = _parse_parser()
    args = parser.parse_args(argv)
    if not args.files and not args.warc:
        parser.error("give at least one FILE or --warc WARC")
    if _is_batch(args):
        if args.url:
            print("articlekit: --url applies to a single input file", file=sys.stderr)
            return EXIT_USAGE
        return _run_batch(args, out)
    return _run_single(args, out)


# -- adapters ---------------------------------------------------------------------------


def _adapters_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="articlekit adapters", description="Site adapter tools.")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="registered adapters, one per line")
    sub.add_parser("table", help="the supported-sites table (Markdown)")
    check = sub.add_parser("check", help="run adapters on their fixtures, field by field")
    check.add_argument("names", nargs="*", help="adapters to check (default: all)")
    check.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES)
    new = sub.add_parser("new", help="write a new adapter module and a fixture skeleton")
    new.add_argument("name", help="adapter name: a lower-case identifier")
    new.add_argument("--domain", required=True, help="the site's domain, e.g. example.com")
    new.add_argument("--adapter-dir", type=Path, default=DEFAULT_ADAPTER_DIR)
    new.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES)
    return p


def _load_case(folder: Path) -> tuple[str | bytes, dict[str, Any]] | None:
    expected_path = folder / "expected.json"
    if not expected_path.is_file():
        return None
    expected: dict[str, Any] = json.loads(expected_path.read_text("utf-8"))
    html = folder / "source.html"
    if html.is_file():
        return html.read_bytes(), expected
    text = folder / "source.txt"
    if text.is_file():
        return text.read_text("utf-8"), expected
    return None


def _check(names: list[str], fixtures: Path, out: TextIO) -> int:
    registry = default_registry()
    wanted = names or list(registry.names())
    failures = checked = 0
    for name in wanted:
        registry.get(name)  # unknown names fail loudly
        cases = sorted(p for p in (fixtures / name).glob("*") if p.is_dir())
        if not cases:
            out.write(f"{name}: no fixtures in {fixtures / name}\n")
            failures += 1
            continue
        for folder in cases:
            loaded = _load_case(folder)
            if loaded is None:
                continue
            source, expected = loaded
            reference = expected.get("reference_time")
            article = parse(
                source,
                url=expected.get("url"),
                content_type=expected.get("content_type"),
                adapter=name,
                options=ParseOptions(
                    reference_time=dt.datetime.fromisoformat(reference) if reference else None
                ),
            )
            for result in check_article(article, expected):
                checked += 1
                mark = "ok  " if result.ok else "FAIL"
                out.write(f"{mark} {name}/{folder.name}: {result.field}\n")
                if not result.ok:
                    failures += 1
                    out.write(f"       expected: {result.expected!r}\n")
                    out.write(f"       observed: {result.observed!r}\n")
    out.write(f"{checked} checks, {failures} failed\n")
    return EXIT_FAILED if failures else EXIT_OK


def _new(args: argparse.Namespace, out: TextIO) -> int:
    try:
        files = adapter_skeleton(args.name, args.domain)
    except ValueError as exc:
        print(f"articlekit: {exc}", file=sys.stderr)
        return EXIT_USAGE
    targets = {
        (args.adapter_dir if rel.endswith(".py") else args.fixtures) / rel: text
        for rel, text in files.items()
    }
    existing = [str(p) for p in targets if p.exists()]
    if existing:
        print(f"articlekit: refusing to overwrite {', '.join(existing)}", file=sys.stderr)
        return EXIT_FAILED
    for path, text in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        out.write(f"wrote {path}\n")
    module = next(p for p in targets if p.suffix == ".py")
    out.write(
        "next: add the adapter to BUILTIN_ADAPTERS (built-in) or to the\n"
        '"articlekit.adapters" entry points of your package, as '
        f'"<package>.{module.stem}:{adapter_class_name(args.name)}";\n'
        "then write the fixture in your own words and run: articlekit adapters check "
        f"{args.name}\n"
    )
    return EXIT_OK


def _run_adapters(argv: Sequence[str], out: TextIO) -> int:
    args = _adapters_parser().parse_args(argv)
    if args.command == "list":
        for adapter in default_registry().adapters():
            layouts = ",".join(layout.name for layout in adapter.layouts)
            out.write(f"{adapter.name}@{adapter.version}\t{','.join(adapter.domains)}\t{layouts}\n")
        return EXIT_OK
    if args.command == "table":
        out.write(supported_sites_markdown())
        return EXIT_OK
    if args.command == "check":
        try:
            return _check(list(args.names), args.fixtures, out)
        except ArticleKitError as exc:
            print(f"articlekit: {exc}", file=sys.stderr)
            return EXIT_FAILED
    return _new(args, out)


def _run_schema(argv: Sequence[str], out: TextIO) -> int:
    argparse.ArgumentParser(
        prog="articlekit schema",
        description="Print the JSON Schema of the Article JSON output (docs/schema.json).",
    ).parse_args(argv)
    out.write(json.dumps(article_json_schema(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    out = stdout or sys.stdout
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["adapters"]:
        return _run_adapters(args[1:], out)
    if args[:1] == ["schema"]:
        return _run_schema(args[1:], out)
    if args[:1] == ["parse"]:
        args = args[1:]
    try:
        return _run_parse(args, out)
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        if out is sys.stdout:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
