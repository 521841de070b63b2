"""The model contract: the Article JSON Schema changes only together with the version."""

from __future__ import annotations

import io
import json
from pathlib import Path

import articlekit
from articlekit.cli import main
from articlekit.schema import (
    SCHEMA_VERSION,
    SCHEMA_VERSION_KEY,
    article_json_schema,
    schema_fingerprint,
)

ROOT = Path(__file__).resolve().parents[1]
VERSIONS = Path(__file__).resolve().parent / "schema_versions.json"
DOCS_SCHEMA = ROOT / "docs" / "schema.json"
REGENERATE = "articlekit schema > docs/schema.json"


def test_schema_version_is_the_package_version() -> None:
    assert articlekit.__version__ == SCHEMA_VERSION
    assert article_json_schema()[SCHEMA_VERSION_KEY] == SCHEMA_VERSION


def test_schema_changes_only_with_a_version_bump() -> None:
    """``tests/schema_versions.json`` maps each version to its schema's fingerprint.

    If this fails after a model change: bump the version (minor for added optional
    fields, major for removed or retyped ones), add ``"<new version>": "<fingerprint>"``
    to that file, run ``articlekit schema > docs/schema.json`` and note it in CHANGELOG.md.
    """
    recorded: dict[str, str] = json.loads(VERSIONS.read_text("utf-8"))
    current = schema_fingerprint()
    if SCHEMA_VERSION in recorded:
        assert recorded[SCHEMA_VERSION] == current, (
            f"the Article schema changed but the version is still {SCHEMA_VERSION}: "
            f"bump it and record {current} for the new version"
        )
    else:
        raise AssertionError(
            f"version {SCHEMA_VERSION} has no recorded schema: add "
            f'"{SCHEMA_VERSION}": "{current}" to {VERSIONS.name}'
        )


def test_schema_fingerprint_ignores_descriptions_but_not_fields() -> None:
    schema = article_json_schema()
    reworded = json.loads(json.dumps(schema))
    reworded["$defs"]["Person"]["description"] = "Someone."
    assert schema_fingerprint(reworded) == schema_fingerprint(schema)
    changed = json.loads(json.dumps(schema))
    del changed["$defs"]["Person"]["properties"]["description"]
    assert schema_fingerprint(changed) != schema_fingerprint(schema)


def test_schema_docs_file_is_generated_from_the_model() -> None:
    out = io.StringIO()
    assert main(["schema"], stdout=out) == 0
    assert json.loads(out.getvalue()) == article_json_schema()
    assert json.loads(DOCS_SCHEMA.read_text("utf-8")) == article_json_schema(), REGENERATE


def test_schema_describes_the_json_output() -> None:
    sample = ROOT / "examples" / "sample-article.html"
    data = articlekit.parse(sample.read_bytes()).model_dump(mode="json")
    schema = article_json_schema()
    assert set(data) == set(schema["properties"])
    assert set(schema["required"]) <= set(data)
