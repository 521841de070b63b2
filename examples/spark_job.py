"""Spark job: WARC files → a table of articles (Parquet or JSON), locally or on a cluster.

Input → output: WARC paths (or a text file listing them, one per line, as Common Crawl's
``warc.paths`` files do) → one row per HTML response, shaped like
``articlekit.spark.warc_result_schema()``, written to OUTPUT.

    python examples/spark_job.py --master 'local[2]' crawl.warc.gz /tmp/articles
    spark-submit --master yarn --py-files articlekit.whl examples/spark_job.py \\
        --format parquet warc.paths s3a://bucket/articles/

Needs ``pip install 'articlekit[spark]'`` (pyspark and warcio) wherever the job runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pyspark.sql import SparkSession

from articlekit.spark import parse_warc_paths

FORMATS = ("parquet", "json")
LISTING_SUFFIX = ".paths"


def warc_paths(inputs: Sequence[str]) -> list[str]:
    """Expand listing files (``*.paths`` or ``*.txt``) and make local paths absolute."""
    paths: list[str] = []
    for item in inputs:
        if item.endswith((LISTING_SUFFIX, ".txt")) and Path(item).is_file():
            lines = Path(item).read_text("utf-8").splitlines()
            paths.extend(line.strip() for line in lines if line.strip())
        else:
            paths.append(item)
    return [p if "://" in p else str(Path(p).resolve()) for p in paths]


def run(
    spark: SparkSession, inputs: Sequence[str], output: str, *, fmt: str = "parquet"
) -> dict[str, int]:
    """Parse the WARC files on ``spark`` and write the articles; returns counts by status."""
    paths = warc_paths(inputs)
    files = spark.createDataFrame([(p,) for p in paths], "path string")
    articles = parse_warc_paths(files.repartition(max(1, len(paths)))).cache()
    articles.write.mode("overwrite").format(fmt).save(output)
    counts = {
        row["status"]: int(row["count"]) for row in articles.groupBy("status").count().collect()
    }
    articles.unpersist()
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", metavar="WARC", help="WARC files or *.paths listings")
    parser.add_argument("output", help="output directory (local path, hdfs://, s3a:// …)")
    parser.add_argument("--format", choices=FORMATS, default="parquet")
    parser.add_argument("--master", help="e.g. 'local[2]'; spark-submit sets it otherwise")
    args = parser.parse_args(argv)
    # executors run this interpreter (with articlekit installed) unless told otherwise
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("articlekit-warc")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        counts = run(spark, args.inputs, args.output, fmt=args.format)
    finally:
        spark.stop()
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    print(f"articlekit: wrote {sum(counts.values())} rows to {args.output} ({summary})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
