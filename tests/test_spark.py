"""Spark: the example job over a tiny WARC of fixture pages gives the articles of ``parse``.

Skipped, with the reason shown by ``pytest -ra``, when pyspark, Java or warcio is absent.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import articlekit

pytest.importorskip("pyspark", reason="the 'spark' extra (pyspark) is not installed")
pytest.importorskip("warcio", reason="the 'warc' extra (warcio) is not installed")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("Spark needs Java (no java on PATH, no JAVA_HOME)", allow_module_level=True)

from pyspark.sql import SparkSession

from articlekit.spark import (
    article_from_spark,
    article_schema,
    parse_dataframe,
    to_spark_record,
)
from test_cli_batch import LATIN1_PAGE, write_warc

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SPARK_MASTER = "local[2]"


def _pages() -> list[tuple[str, str, bytes]]:
    """(url, content type, payload): the sample article, the HTML fixtures, a Latin-1
    page announced by its HTTP header, and an empty page (a failed row)."""
    pages = [
        (
            "https://news.example/sample",
            "text/html; charset=utf-8",
            (ROOT / "examples" / "sample-article.html").read_bytes(),
        )
    ]
    for source in sorted(FIXTURES.glob("*/*/source.html")):
        expected = json.loads((source.parent / "expected.json").read_text("utf-8"))
        url = expected.get("url") or f"https://fixture.example/{source.parent.name}"
        pages.append((url, "text/html", source.read_bytes()))
    pages.append(("https://example.org/cafe", "text/html; charset=ISO-8859-1", LATIN1_PAGE))
    pages.append(("https://example.org/empty", "text/html", b""))
    return pages


def _expected(url: str, content_type: str, payload: bytes) -> articlekit.Article:
    encoding = content_type.split("charset=")[1] if "charset=" in content_type else None
    return articlekit.parse(payload, url=url, encoding=encoding)


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    session = (
        SparkSession.builder.master(SPARK_MASTER)
        .appName("articlekit-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _differences(got: articlekit.Article, expected: articlekit.Article) -> str:
    a, b = got.model_dump(mode="json"), expected.model_dump(mode="json")
    return "; ".join(f"{k}: {a[k]!r:.200} != {b[k]!r:.200}" for k in a if a[k] != b[k])


def _example_job() -> ModuleType:
    spec = importlib.util.spec_from_file_location("spark_job", ROOT / "examples" / "spark_job.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_spark_example_job_gives_the_articles_of_parse(spark: SparkSession, tmp_path: Path) -> None:
    pages = _pages()
    warc = tmp_path / "pages.warc.gz"
    write_warc(warc, pages)
    output = tmp_path / "articles"
    counts = _example_job().run(spark, [str(warc)], str(output), fmt="json")
    rows = [
        json.loads(line)
        for part in sorted(output.glob("part-*.json"))
        for line in part.read_text("utf-8").splitlines()
    ]
    assert len(rows) == len(pages) == sum(counts.values())
    rows.sort(key=lambda row: row["warc_offset"])  # file order
    assert [row["url"] for row in rows] == [url for url, _, _ in pages]
    for row, page in zip(rows[:-1], pages[:-1], strict=True):
        assert row["status"] in {"ok", "partial"}, row.get("error")
        got, expected = article_from_spark(row["article"]), _expected(*page)
        assert got == expected, _differences(got, expected)
    assert rows[-1]["status"] == "failed"
    assert rows[-1]["error"]["code"] == "input.empty"
    assert counts["failed"] == 1


def test_spark_parse_dataframe_maps_url_and_html_columns(spark: SparkSession) -> None:
    pages = _pages()[:3]
    df = spark.createDataFrame(
        [(url, payload) for url, _, payload in pages], "url string, html binary"
    )
    rows = parse_dataframe(df).collect()
    assert [row["url"] for row in rows] == [url for url, _, _ in pages]
    for row, (url, _, payload) in zip(rows, pages, strict=True):
        expected = articlekit.parse(payload, url=url)
        assert row["article"] == to_spark_record(expected)
        assert article_from_spark(row["article"].asDict(recursive=True)) == expected
    assert parse_dataframe(df).schema["article"].dataType == article_schema()


def test_spark_article_schema_has_every_article_field() -> None:
    schema = article_schema()
    fields: dict[str, Any] = {f.name: f.dataType for f in schema.fields}
    assert set(fields) == set(
        articlekit.Article.model_json_schema(mode="serialization")["properties"]
    )
    block = fields["body"].elementType
    assert {"type", "text", "items", "rows", "image", "level"} <= set(block.fieldNames())
    assert all(f.nullable for f in block.fields)
