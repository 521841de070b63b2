"""Command line: files or stdin → articles as JSON, text or Markdown on stdout.

Input → output: paths (``-`` is stdin) → one output per input. This is the only
module of articlekit that touches files, stdin or stdout.

Usage::

    articlekit article.html                      # indented JSON
    articlekit a.html b.txt                      # one JSON object per line
    articlekit --format markdown --url URL page.html
    cat dump.txt | articlekit --content-type text -
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from articlekit import __version__
from articlekit._api import parse
from articlekit.errors import ArticleKitError
from articlekit.model import Article
from articlekit.options import ParseOptions

__all__ = ["main"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="articlekit",
        description="Extract articles from HTML pages or raw-text dumps.",
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


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    out = stdout or sys.stdout
    args = _parser().parse_args(argv)
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
