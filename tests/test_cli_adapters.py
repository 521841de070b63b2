"""``articlekit adapters …``: list, table, check, new; the supported-sites page is current."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from pathlib import Path

import pytest

import articlekit
from articlekit.adapters import AdapterRegistry, default_registry
from articlekit.adapters.catalog import adapter_skeleton, supported_sites_markdown
from articlekit.adapters.checking import check_article
from articlekit.cli import main
from conftest import FIXTURES

DOCS = Path(__file__).resolve().parents[1] / "docs" / "supported-sites.md"


def _run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(args), stdout=out), out.getvalue()


def test_cli_adapters_list_names_every_adapter() -> None:
    status, out = _run("adapters", "list")
    assert status == 0
    listed = {line.split("@", 1)[0] for line in out.splitlines()}
    assert listed == set(default_registry().names())


def test_cli_adapters_table_matches_docs_page() -> None:
    """docs/supported-sites.md is regenerated with `articlekit adapters table`."""
    status, out = _run("adapters", "table")
    assert status == 0
    assert out == supported_sites_markdown()
    assert DOCS.read_text("utf-8") == out, (
        "run: articlekit adapters table > docs/supported-sites.md"
    )


def test_cli_adapters_check_passes_on_dw_fixtures() -> None:
    status, out = _run("adapters", "check", "dw", "--fixtures", str(FIXTURES))
    assert status == 0, out
    assert out.strip().endswith("0 failed")


def test_cli_adapters_check_reports_failures(tmp_path: Path) -> None:
    case = tmp_path / "dw" / "broken"
    case.mkdir(parents=True)
    (case / "source.txt").write_text("A title line\n\n" + "Some words in a sentence. " * 10)
    (case / "expected.json").write_text(json.dumps({"title": "Something else entirely"}))
    status, out = _run("adapters", "check", "dw", "--fixtures", str(tmp_path))
    assert status == 1
    assert "FAIL dw/broken: title" in out


def test_cli_adapters_new_writes_a_working_skeleton(tmp_path: Path) -> None:
    status, out = _run(
        "adapters", "new", "harbour_news", "--domain", "harbour-news.example",
        "--adapter-dir", str(tmp_path / "sites"), "--fixtures", str(tmp_path / "fixtures"),
    )  # fmt: skip
    assert status == 0, out
    module_path = tmp_path / "sites" / "harbour_news.py"
    spec = importlib.util.spec_from_file_location("harbour_news_adapter", module_path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    adapter = module.HarbourNewsAdapter
    case = tmp_path / "fixtures" / "harbour_news" / "example"
    expected = json.loads((case / "expected.json").read_text())
    article = articlekit.parse(
        (case / "source.html").read_bytes(),
        url=expected["url"],
        registry=AdapterRegistry([adapter]),
    )
    failed = [r for r in check_article(article, expected) if not r.ok]
    assert not failed, failed
    text_case = tmp_path / "fixtures" / "harbour_news" / "text-example"
    text_expected = json.loads((text_case / "expected.json").read_text())
    dump = articlekit.parse(
        (text_case / "source.txt").read_text(),
        content_type="text",
        registry=AdapterRegistry([adapter]),
        adapter="harbour_news",
    )
    failed = [r for r in check_article(dump, text_expected) if not r.ok]
    assert not failed, failed
    again, _ = _run(
        "adapters", "new", "harbour_news", "--domain", "harbour-news.example",
        "--adapter-dir", str(tmp_path / "sites"), "--fixtures", str(tmp_path / "fixtures"),
    )  # fmt: skip
    assert again == 1, "existing files are never overwritten"


@pytest.mark.parametrize(("name", "domain"), [("Bad-Name", "x.org"), ("ok", "not a domain")])
def test_cli_adapters_new_rejects_bad_arguments(name: str, domain: str) -> None:
    with pytest.raises(ValueError):
        adapter_skeleton(name, domain)
    status, _ = _run("adapters", "new", name, "--domain", domain)
    assert status == 2
