"""Every site adapter on its hand-written fixtures, field by field.

Fixtures live in ``fixtures/<adapter name>/<case>/``: ``source.html`` or ``source.txt``
(written for this project in the structure of the real site, with our own words) and
``expected.json`` (keys documented in ``articlekit.adapters.checking``). Cases are
discovered by globbing, so a new fixture needs no change here.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path
from typing import Any

import pytest

import articlekit
from articlekit import Article, _api
from articlekit.adapters import default_registry
from articlekit.adapters.checking import check_article
from conftest import FIXTURES

SOURCES = ("source.html", "source.txt")
ADAPTERS = default_registry().names()
CASES = sorted(
    f"{path.parent.parent.name}/{path.parent.name}"
    for path in FIXTURES.glob("*/*/expected.json")
    if path.parent.parent.name in ADAPTERS
    and any((path.parent / name).is_file() for name in SOURCES)
)


@functools.cache
def expected(case: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / case / "expected.json").read_text("utf-8"))
    return data


def source(case: str) -> str | bytes:
    html = FIXTURES / case / "source.html"
    if html.is_file():
        return html.read_bytes()
    return (FIXTURES / case / "source.txt").read_text("utf-8")


@functools.cache
def parsed(case: str, adapter: str | None = None) -> Article:
    exp = expected(case)
    reference = exp.get("reference_time")
    options = articlekit.ParseOptions(
        reference_time=dt.datetime.fromisoformat(reference) if reference else None
    )
    return articlekit.parse(
        source(case),
        url=exp.get("url"),
        content_type=exp.get("content_type"),
        adapter=adapter,
        options=options,
    )


def _field_params() -> list[Any]:
    params = []
    for case in CASES:
        for result in check_article(parsed(case), expected(case)):
            params.append(pytest.param(case, result.field, id=f"{case}:{result.field}"))
    return params


@pytest.mark.parametrize(("case", "field"), _field_params())
def test_adapter_fixture_field_matches(case: str, field: str) -> None:
    (result,) = [r for r in check_article(parsed(case), expected(case)) if r.field == field]
    assert result.observed == result.expected


@pytest.mark.parametrize("case", CASES)
def test_adapter_fixture_uses_its_adapter(case: str) -> None:
    name = case.split("/", 1)[0]
    ident = parsed(case).provenance.adapter
    assert ident is not None and ident.split("@", 1)[0] == name


@pytest.mark.parametrize("case", CASES)
def test_adapter_fixture_generic_path_is_not_empty(case: str) -> None:
    """Adapters cannot hide a generic path that finds nothing on the same page."""
    assert parsed(case, adapter="generic").body


@pytest.mark.parametrize("name", ADAPTERS)
def test_adapter_every_adapter_and_layout_has_a_fixture(name: str) -> None:
    adapter = default_registry().get(name)
    cases = [c for c in CASES if c.startswith(f"{name}/")]
    assert cases, f"adapter {name!r} has no fixture in tests/fixtures/{name}/"
    covered = {expected(c).get("layout") for c in cases}
    missing = [layout.name for layout in adapter.layouts if layout.name not in covered]
    assert not missing, f"layouts without a fixture: {missing}"
    kinds = {"text" if (FIXTURES / c / "source.txt").is_file() else "html" for c in cases}
    assert kinds == {"html", "text"}, f"{name} needs HTML and raw-text fixtures, has {kinds}"


def test_adapter_fixture_folders_name_registered_adapters() -> None:
    folders = {p.name for p in FIXTURES.iterdir() if p.is_dir() and p.name in ADAPTERS}
    assert folders == set(ADAPTERS)
    assert len(CASES) >= len(ADAPTERS)


def test_adapter_checking_reports_mismatches() -> None:
    article = parsed(CASES[0])
    wrong = {"title": "not the title", "not_in_text": [article.text[:20]]}
    results = {r.field: r for r in check_article(article, wrong)}
    assert not results["title"].ok
    assert not results["not_in_text"].ok


def test_adapter_fixture_paths_exist() -> None:
    assert Path(FIXTURES).is_dir()


TEXT_CASES = [case for case in CASES if (FIXTURES / case / "source.txt").is_file()]


def test_adapter_text_fixtures_skip_the_generic_run_without_loss(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A text adapter's result that knows every field its own (filtered) run may miss
    (``HIDDEN_BY_TEXT_RULES``) is not completed by a generic run over the unfiltered text:
    each article equals the one made with that run always on, and the run is skipped on
    some fixtures and made on others."""
    skipped = made = 0
    for case in TEXT_CASES:
        calls: list[int] = []
        real = _api._generic
        monkeypatch.setattr(_api, "_generic", lambda *a, r=real, c=calls: (c.append(1), r(*a))[1])
        article = parsed.__wrapped__(case)
        ran = bool(calls)
        monkeypatch.setattr(_api, "_needs_generic", lambda *a: True)
        always = parsed.__wrapped__(case)
        monkeypatch.undo()
        assert article == always, case
        skipped += not ran
        made += ran
    assert skipped >= 3
    assert made >= 3
