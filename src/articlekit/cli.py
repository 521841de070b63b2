"""Command line: files or stdin → articles; adapter tooling. The only module with I/O.

Input → output: paths (``-`` is stdin) → one JSON object / text / Markdown document per
input on stdout; ``adapters …`` commands read and write adapter and fixture files.

Usage::

    articlekit article.html                      # indented JSON
    articlekit a.html b.txt                      # one JSON object per line
    articlekit --format markdown --url URL page.html
    cat dump.txt | articlekit --content-type text -
    articlekit adapters list | table | check [NAME…] | new NAME --domain DOMAIN
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

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

__all__ = ["main"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
FIXTURE_SOURCES = ("source.html", "source.txt")
DEFAULT_FIXTURES = Path("tests") / "fixtures"
DEFAULT_ADAPTER_DIR = Path("src") / "articlekit" / "adapters" / "sites"


# -- parse ------------------------------------------------------------------------------


def _parse_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="articlekit",
        description="Extract articles from HTML pages or raw-text dumps. "
        "See also: articlekit adapters --help",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="input files; '-' reads stdin")
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
    p.add_argument("--version", action="version", version=f"articlekit {__version__}")
    return p


def _datetime(value: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date/time: {value!r}") from exc


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as handle:
        return handle.read()


def _render(article: Article, fmt: str, *, many: bool) -> str:
    if fmt == "markdown":
        return article.to_markdown()
    if fmt == "text":
        return article.text + "\n"
    data = article.model_dump(mode="json")
    if many:
        return json.dumps(data, ensure_ascii=False) + "\n"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _run_parse(argv: Sequence[str], out: TextIO) -> int:
    args = _parse_parser().parse_args(argv)
    if args.url and len(args.files) > 1:
        print("articlekit: --url applies to a single input file", file=sys.stderr)
        return EXIT_USAGE
    options = ParseOptions(reference_time=args.reference_time)
    many = len(args.files) > 1
    status = EXIT_OK
    for path in args.files:
        try:
            data = _read(path)
        except OSError as exc:
            print(f"articlekit: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
            status = EXIT_FAILED
            continue
        try:
            article = parse(
                data,
                url=args.url,
                encoding=args.encoding,
                content_type=args.content_type,
                adapter=args.adapter,
                options=options,
            )
        except ArticleKitError as exc:
            print(f"articlekit: {path}: {exc.code}: {exc}", file=sys.stderr)
            status = EXIT_FAILED
            continue
        out.write(_render(article, args.format, many=many))
    return status


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


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    out = stdout or sys.stdout
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["adapters"]:
        return _run_adapters(args[1:], out)
    if args[:1] == ["parse"]:
        args = args[1:]
    return _run_parse(args, out)
