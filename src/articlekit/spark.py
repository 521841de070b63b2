"""Spark integration: DataFrames of (url, html) or of WARC paths → DataFrames of articles.

Input → output: a Spark DataFrame with an HTML column (and a URL column), or one with a
column of WARC file paths → a DataFrame with one row per page: ``url``, ``status``
(``ok`` | ``partial`` | ``failed``), ``error`` (``code``, ``message``) and ``article``, a
struct whose type ``article_schema()`` derives from the ``Article`` JSON Schema.

The jobs follow the shape of Common Crawl's PySpark jobs (cc-pyspark): the work is done
per partition with ``mapPartitions``, one ``articlekit.parse`` call per page, and a page
that fails becomes a ``failed`` row instead of failing the task::

    from articlekit.spark import parse_dataframe, parse_warc_paths
    articles = parse_dataframe(pages)                     # columns url, html
    articles = parse_warc_paths(spark.createDataFrame([(p,) for p in paths], "path string"))

pyspark is imported lazily, so ``import articlekit`` never needs it; the optional extra
``[spark]`` installs pyspark and warcio. ``article_schema()``, ``to_spark_record()`` and
``article_from_spark()`` are pure; ``parse_warc_paths`` opens the WARC files it is given
(with ``open`` or the caller's ``opener``) and, with ``cli.py`` and ``warc.py``, is the
only code of articlekit that reads files.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any, cast

from pydantic import BaseModel

from articlekit._api import parse
from articlekit.errors import ArticleKitError
from articlekit.model import Article
from articlekit.model.blocks import Embed, Figure, Heading, ListBlock, Paragraph, Quote, Table
from articlekit.options import ParseOptions
from articlekit.schema import article_json_schema
from articlekit.warc import iter_responses

if TYPE_CHECKING:
    from pyspark.sql import DataFrame  # type: ignore[import-not-found, unused-ignore]
    from pyspark.sql.types import StructType  # type: ignore[import-not-found, unused-ignore]

__all__ = [
    "SPARK_EXTRA_HINT",
    "article_from_spark",
    "article_schema",
    "parse_dataframe",
    "parse_partition",
    "parse_warc_partition",
    "parse_warc_paths",
    "result_schema",
    "to_spark_record",
    "warc_result_schema",
]

SPARK_EXTRA_HINT = "Spark support needs the optional 'spark' extra: pip install 'articlekit[spark]'"
"""The message given when pyspark is not installed."""

STATUS_OK = "ok"
STATUS_PARTIAL = "partial"
STATUS_FAILED = "failed"
ERROR_INTERNAL = "internal"
ERROR_UNREADABLE = "input.unreadable"

_BLOCK_MODELS: dict[str, type[BaseModel]] = {
    model.model_fields["type"].default: model
    for model in (Paragraph, Heading, Quote, ListBlock, Table, Figure, Embed)
}
"""Block ``type`` → model: which fields of the merged block struct belong to a block."""

Opener = Callable[[str], IO[bytes]]
"""Opens a WARC path for reading bytes (local files by default; fsspec/S3 clients work)."""


# -- schema -----------------------------------------------------------------------------


def _types() -> Any:
    try:
        from pyspark.sql import types  # type: ignore[import-not-found, unused-ignore]  # noqa: PLC0415
    except ModuleNotFoundError as exc:
        raise ModuleNotFoundError(SPARK_EXTRA_HINT, name=exc.name) from exc
    return types


def article_schema() -> StructType:
    """Return the Spark type of an article: ``Article``'s JSON Schema as a ``StructType``.

    The mapping is simple and total: objects → structs, arrays and fixed-length tuples →
    arrays, string-keyed maps (``provenance.fields``) → maps, ``date``/``date-time``
    strings stay ISO strings, integers → ``long``. The body-block union becomes one
    struct holding every block type's fields (``type`` says which are meaningful). Any
    shape without a Spark equivalent becomes a JSON string. Every field is nullable.

    Raises:
        ModuleNotFoundError: pyspark is not installed (message: ``SPARK_EXTRA_HINT``).
    """
    schema = article_json_schema()
    return cast("StructType", _spark_type(schema, schema.get("$defs", {}), _types()))


def result_schema() -> StructType:
    """The rows ``parse_dataframe`` returns: ``url``, ``status``, ``error``, ``article``."""
    t = _types()
    error = t.StructType(
        [t.StructField("code", t.StringType()), t.StructField("message", t.StringType())]
    )
    fields = [
        t.StructField("url", t.StringType()),
        t.StructField("status", t.StringType()),
        t.StructField("error", error),
        t.StructField("article", article_schema()),
    ]
    return cast("StructType", t.StructType(fields))


def warc_result_schema() -> StructType:
    """The rows ``parse_warc_paths`` returns: ``warc_path``, ``warc_offset``, then as
    ``result_schema``."""
    t = _types()
    head = [t.StructField("warc_path", t.StringType()), t.StructField("warc_offset", t.LongType())]
    return cast("StructType", t.StructType(head + list(result_schema().fields)))


def _spark_type(node: Mapping[str, Any], defs: Mapping[str, Any], t: Any) -> Any:
    """One JSON Schema node → a pyspark ``DataType`` (``t`` is ``pyspark.sql.types``)."""
    if "$ref" in node:
        return _spark_type(defs[node["$ref"].rsplit("/", 1)[-1]], defs, t)
    options = node.get("anyOf") or node.get("oneOf")
    if options:
        return _union_type([o for o in options if o.get("type") != "null"], defs, t)
    kind = node.get("type")
    if kind == "string":
        return t.StringType()
    if kind == "integer":
        return t.LongType()
    if kind == "number":
        return t.DoubleType()
    if kind == "boolean":
        return t.BooleanType()
    if kind == "array":
        items = node.get("items") or {}
        prefix = node.get("prefixItems")
        if prefix:
            items = prefix[0] if all(p == prefix[0] for p in prefix) else {}
        return t.ArrayType(_spark_type(items, defs, t)) if items else t.StringType()
    if kind == "object" and "properties" in node:
        return t.StructType(
            [
                t.StructField(name, _spark_type(prop, defs, t))
                for name, prop in node["properties"].items()
            ]
        )
    if kind == "object" and isinstance(node.get("additionalProperties"), dict):
        value = _spark_type(node["additionalProperties"], defs, t)
        return t.MapType(t.StringType(), value)
    return t.StringType()  # anything else travels as JSON text


def _union_type(options: list[Mapping[str, Any]], defs: Mapping[str, Any], t: Any) -> Any:
    types = [_spark_type(o, defs, t) for o in options]
    if len(types) == 1:
        return types[0]
    if all(isinstance(x, t.StructType) for x in types):
        merged: dict[str, Any] = {}
        for struct in types:
            for field in struct.fields:
                known = merged.setdefault(field.name, field.dataType)
                if known != field.dataType:
                    merged[field.name] = t.StringType()
        return t.StructType([t.StructField(n, d) for n, d in merged.items()])
    if all(x == types[0] for x in types):
        return types[0]  # e.g. date-time | date: both ISO strings
    return t.StringType()


# -- records ----------------------------------------------------------------------------


def to_spark_record(article: Article, schema: StructType | None = None) -> tuple[Any, ...]:
    """Return the article as a tuple shaped like ``article_schema()`` (for a DataFrame).

    Args:
        article: A parsed article.
        schema: ``article_schema()``, passed in to avoid rebuilding it per article.
    """
    struct = article_schema() if schema is None else schema
    record: tuple[Any, ...] = _conform(article.model_dump(mode="json"), struct, _types())
    return record


def _conform(value: Any, dtype: Any, t: Any) -> Any:
    if value is None:
        return None
    if isinstance(dtype, t.StructType):
        return tuple(_conform(value.get(f.name), f.dataType, t) for f in dtype.fields)
    if isinstance(dtype, t.ArrayType):
        return [_conform(item, dtype.elementType, t) for item in value]
    if isinstance(dtype, t.MapType):
        return {key: _conform(item, dtype.valueType, t) for key, item in value.items()}
    if isinstance(dtype, t.StringType) and not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(dtype, t.DoubleType):
        return float(value)
    return value


def article_from_spark(value: Mapping[str, Any]) -> Article:
    """Rebuild an ``Article`` from an ``article`` struct (``Row.asDict(recursive=True)``)
    or from its JSON as Spark writes it (null fields left out).

    Each body block keeps only the fields of its own ``type``; everything else is
    validated by the model as usual.
    """
    data = dict(value)
    blocks = data.get("body") or []
    data["body"] = [_block_fields(dict(block)) for block in blocks]
    return Article.model_validate(_drop_nulls(data))


def _block_fields(block: dict[str, Any]) -> dict[str, Any]:
    model = _BLOCK_MODELS.get(block.get("type") or "")
    if model is None:
        return block  # unknown type: let validation report it
    return {k: v for k, v in block.items() if k in model.model_fields}


def _drop_nulls(value: Any) -> Any:
    """Drop null struct fields: the model's defaults fill them."""
    if isinstance(value, dict):
        return {k: _drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_nulls(v) for v in value]
    return value


# -- jobs -------------------------------------------------------------------------------


def _parse_row(
    data: str | bytes | bytearray | None,
    url: str | None,
    encoding: str | None,
    *,
    options: ParseOptions | None,
    adapter: str | None,
    schema: Any,
) -> tuple[Any, ...]:
    """One page → ``(url, status, error, article)``; failures become ``failed`` rows."""
    try:
        source = bytes(data) if isinstance(data, bytearray) else data
        article = parse(
            source,  # type: ignore[arg-type]  # None is reported as input.type
            url=url,
            encoding=encoding,
            adapter=adapter,
            options=options,
        )
    except ArticleKitError as exc:
        return (url, STATUS_FAILED, (exc.code, str(exc)), None)
    except Exception as exc:  # one bad page must not fail the Spark task
        return (url, STATUS_FAILED, (ERROR_INTERNAL, f"{type(exc).__name__}: {exc}"), None)
    status = STATUS_PARTIAL if article.provenance.warnings else STATUS_OK
    return (url, status, None, to_spark_record(article, schema))


def parse_partition(
    rows: Iterable[Any],
    *,
    html_col: str = "html",
    url_col: str | None = "url",
    encoding_col: str | None = None,
    options: ParseOptions | None = None,
    adapter: str | None = None,
) -> Iterator[tuple[Any, ...]]:
    """Parse one partition of rows: the function ``parse_dataframe`` maps over partitions.

    Args:
        rows: Spark ``Row`` objects (anything indexable by column name).
        html_col: Column with the page, ``string`` or ``binary``.
        url_col: Column with the page URL, or ``None``.
        encoding_col: Column with the charset of binary pages, or ``None``.
        options: Passed to ``articlekit.parse``.
        adapter: Passed to ``articlekit.parse``.

    Yields:
        Tuples shaped like ``result_schema()``.
    """
    schema = article_schema()
    for row in rows:
        yield _parse_row(
            row[html_col],
            row[url_col] if url_col else None,
            row[encoding_col] if encoding_col else None,
            options=options,
            adapter=adapter,
            schema=schema,
        )


def parse_dataframe(
    df: DataFrame,
    html_col: str = "html",
    url_col: str | None = "url",
    *,
    encoding_col: str | None = None,
    options: ParseOptions | None = None,
    adapter: str | None = None,
) -> DataFrame:
    """Map a DataFrame of pages to a DataFrame of articles (``result_schema()``).

    Rows keep their order within each partition; join back on ``url`` if needed.
    """
    job = functools.partial(
        parse_partition,
        html_col=html_col,
        url_col=url_col,
        encoding_col=encoding_col,
        options=options,
        adapter=adapter,
    )
    return df.sparkSession.createDataFrame(df.rdd.mapPartitions(job), result_schema())


def _open_local(path: str) -> IO[bytes]:
    return open(path.removeprefix("file://"), "rb")  # closed by the caller


def parse_warc_partition(
    rows: Iterable[Any],
    *,
    path_col: str = "path",
    opener: Opener | None = None,
    options: ParseOptions | None = None,
    adapter: str | None = None,
) -> Iterator[tuple[Any, ...]]:
    """Parse the HTML responses of the WARC files named in one partition of rows.

    Yields:
        Tuples shaped like ``warc_result_schema()``; a WARC file that cannot be read
        gives one ``failed`` row (``input.unreadable``) and the partition goes on.
    """
    schema = article_schema()
    open_warc = opener or _open_local
    for row in rows:
        path = row[path_col]
        try:
            with open_warc(path) as stream:
                for response in iter_responses(stream):
                    if not response.is_html:
                        continue
                    parsed = _parse_row(
                        response.data,
                        response.url,
                        response.encoding,
                        options=options,
                        adapter=adapter,
                        schema=schema,
                    )
                    yield (path, response.offset, *parsed)
        except ModuleNotFoundError:
            raise
        except Exception as exc:  # unreadable or truncated WARC file
            yield (path, None, None, STATUS_FAILED, (ERROR_UNREADABLE, str(exc)), None)


def parse_warc_paths(
    df: DataFrame,
    path_col: str = "path",
    *,
    opener: Opener | None = None,
    options: ParseOptions | None = None,
    adapter: str | None = None,
) -> DataFrame:
    """Map a DataFrame of WARC file paths to a DataFrame of articles.

    Args:
        df: One WARC path per row; repartition it so that each executor gets files.
        path_col: The column holding the paths.
        opener: Opens a path for reading bytes; local files (and ``file://`` URLs) by
            default. On a cluster pass e.g. ``lambda p: fsspec.open(p, "rb").open()``.
        options: Passed to ``articlekit.parse``.
        adapter: Passed to ``articlekit.parse``.

    Returns:
        A DataFrame shaped like ``warc_result_schema()``, one row per HTML response.
    """
    job = functools.partial(
        parse_warc_partition, path_col=path_col, opener=opener, options=options, adapter=adapter
    )
    return df.sparkSession.createDataFrame(df.rdd.mapPartitions(job), warc_result_schema())
