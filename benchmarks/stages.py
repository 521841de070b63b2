"""Per-stage CPU time of a parse: where articlekit spends its time.

Input → output: the fundus pages of ``../shared/corpora`` → median CPU milliseconds per
page for the lxml floor and for each stage (decode, parse, tokenize, metadata, scoring)
and for the whole ``parse(adapter="generic")`` call, printed as a Markdown table. With
``--text CORPUS`` (``text`` or ``text-article``): the raw-text path's stages (tokenize,
metadata, scoring) and whole parses, generic and with the benchmark's arguments (URL,
reference time, adapters); then the whole parses of the documents an adapter reads and
of the others apart, and the median the whole parses would have if each document an
adapter reads cost what its generic parse costs (what the adapters add to the median).

Usage: ``python -m benchmarks.stages [--corpora DIR] [--text CORPUS]``
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar, cast

import lxml.html

import articlekit
from articlekit.decode import decode
from articlekit.metadata import extract_metadata
from articlekit.metadata.rawtext import extract_text_metadata
from articlekit.options import ParseOptions
from articlekit.scoring.html import score_html
from articlekit.scoring.text import score_text
from articlekit.tokens.html import parse_html, tokenize_html
from articlekit.tokens.text import tokenize_text
from benchmarks.corpora import DEFAULT_CORPORA, load

MAX_INPUT = 10**9
"""No size limit while measuring."""


P = ParamSpec("P")
T = TypeVar("T")


def _cpu(run: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> tuple[float, T]:
    """CPU seconds of ``run(*args, **kwargs)``, and its result."""
    start = time.process_time()
    result = run(*args, **kwargs)
    return time.process_time() - start, result


def _floor(raw: bytes) -> str:
    """The lxml floor: parse the page and read all of its text."""
    root = cast(lxml.html.HtmlElement, lxml.html.document_fromstring(raw))  # (stubs: _Element)
    return str(root.text_content())


def measure(corpora: Path) -> dict[str, list[float]]:
    """CPU seconds per page and stage."""
    options = ParseOptions()
    times: dict[str, list[float]] = {
        k: [] for k in ("lxml floor", "decode", "parse", "tokenize", "metadata", "scoring", "total")
    }
    for path in sorted(corpora.glob("fundus/*/*.html.gz")):
        raw = gzip.decompress(path.read_bytes())
        floor, _ = _cpu(_floor, raw)
        t_decode, decoded = _cpu(decode, raw, max_input_bytes=MAX_INPUT)
        t_parse, doc = _cpu(parse_html, decoded.text)
        t_tokens, stream = _cpu(tokenize_html, doc)
        t_meta, meta = _cpu(
            extract_metadata, doc.root, url=None, options=options, labelled=stream.labelled
        )
        t_score, _ = _cpu(score_html, stream, meta, config=options.scoring)
        total, _ = _cpu(articlekit.parse, raw, adapter="generic")
        values = (floor, t_decode, t_parse, t_tokens, t_meta, t_score, total)
        for key, value in zip(times, values, strict=True):
            times[key].append(value)
    return times


def measure_text(corpora: Path, corpus: str) -> dict[str, list[float]]:
    """CPU seconds per raw-text document and stage (``corpus``: a raw-text corpus)."""
    config = ParseOptions().text_scoring
    times: dict[str, list[float]] = {k: [] for k in STAGES}
    for doc in load(corpus, corpora).documents:
        text = doc.source
        options = ParseOptions(reference_time=doc.reference_time) if doc.reference_time else None
        t_tokens, stream = _cpu(tokenize_text, text)
        t_meta, _ = _cpu(extract_text_metadata, stream)
        t_score, _ = _cpu(
            score_text, stream, config=config, reference_time=doc.reference_time, url=doc.url
        )
        generic, _ = _cpu(
            articlekit.parse,
            text,
            url=doc.url,
            content_type="text",
            adapter="generic",
            options=options,
        )
        total, article = _cpu(
            articlekit.parse, text, url=doc.url, content_type="text", options=options
        )
        values = (t_tokens, t_meta, t_score, generic, total)
        for key, value in zip(STAGES, values, strict=True):
            times[key].append(value)
        adapted = article.provenance.adapter is not None
        times.setdefault(ADAPTED if adapted else OTHERS, []).append(total)
        times.setdefault(AT_GENERIC_COST, []).append(generic if adapted else total)
    return times


STAGES = ("tokenize", "metadata", "scoring", "total (generic)", "total")
"""The stages of ``measure_text``, and its two whole parses."""
ADAPTED = "total, documents an adapter reads"
OTHERS = "total, the other documents"
AT_GENERIC_COST = "total, adapter documents at their generic cost"


def main() -> None:
    """Print the median CPU time per stage."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--text", choices=("text", "text-article"), default=None)
    args = parser.parse_args()
    if args.text is not None:
        times = measure_text(args.corpora, args.text)
        print("| stage | CPU ms median | CPU ms mean |")
        print("| --- | ---: | ---: |")
        for key, values in times.items():
            median, mean = statistics.median(values), statistics.mean(values)
            print(f"| {key} ({len(values)}) | {median * 1000:.2f} | {mean * 1000:.2f} |")
        return
    times = measure(args.corpora)
    floor = statistics.median(times["lxml floor"])
    print("| stage | CPU ms median | × lxml floor |")
    print("| --- | ---: | ---: |")
    for key, values in times.items():
        median = statistics.median(values)
        print(f"| {key} | {median * 1000:.2f} | {median / floor:.1f}× |")


if __name__ == "__main__":
    main()
