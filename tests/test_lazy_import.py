"""Importing articlekit loads the errors, options and token and metadata types, not the
model (nor pydantic) and not the pipeline; the lazy names still resolve to the documented
classes and functions."""

from __future__ import annotations

import subprocess
import sys

import articlekit

PIPELINE_MODULES = (
    "articlekit._api",
    "articlekit.patterns",
    "articlekit.metadata.stage",
    "articlekit.tokens.html",
    "articlekit.tokens.text",
    "articlekit.scoring.html",
    "articlekit.adapters.sites.dw",
)


def _printed(code: str) -> str:
    """What ``code`` prints when a fresh interpreter runs it."""
    return subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout


def _loaded_after(code: str) -> set[str]:
    return set(_printed(f"import sys\n{code}\nprint('\\n'.join(sys.modules))").split())


def test_import_does_not_load_the_pipeline() -> None:
    loaded = _loaded_after("import articlekit")
    assert "articlekit.errors" in loaded and "articlekit.options" in loaded
    assert not loaded & set(PIPELINE_MODULES)
    assert "articlekit.adapters.base" not in loaded


def test_import_does_not_load_the_model() -> None:
    loaded = _loaded_after("import articlekit")
    assert "articlekit.model" not in loaded
    assert not {name for name in loaded if name.split(".")[0] in {"pydantic", "pydantic_core"}}
    assert "pydantic" in _loaded_after("import articlekit\narticlekit.Article")


def test_model_names_are_the_model_classes() -> None:
    from articlekit import Article, SourceKind, Warning, model  # noqa: PLC0415

    assert Article is model.Article and SourceKind is model.SourceKind
    assert Warning is model.Warning
    assert set(articlekit._MODEL) == set(model.__all__)  # (written out: see _MODEL)
    assert set(articlekit._MODEL) <= set(dir(articlekit)) & set(articlekit.__all__)
    assert all(getattr(articlekit, name) is getattr(model, name) for name in articlekit._MODEL)


def test_metadata_stays_the_function_once_everything_is_loaded() -> None:
    # loading a subpackage binds it on its parent: the package's ``metadata`` must stay
    # the documented function however the model, the pipeline and the adapters load
    out = _printed(
        "import articlekit\n"
        "articlekit.Article\n"
        "articlekit.parse('Some words in a line.', content_type='text')\n"
        "articlekit.adapters.default_registry()\n"
        "print(callable(articlekit.metadata), articlekit.metadata.__module__)"
    )
    assert out.split() == ["True", "articlekit._api"]


def test_import_builds_no_validator() -> None:
    # pydantic loads its plugin machinery (importlib.metadata, email, zipfile) the
    # first time it builds a validator; importing the model must build none
    loaded = _loaded_after("import articlekit")
    assert "pydantic.plugin._loader" not in loaded
    assert "importlib.metadata" not in loaded


def test_article_default_provenance_is_empty() -> None:
    article = articlekit.Article()
    assert article.provenance == articlekit.Provenance()
    assert article.provenance.fields == {} and article.provenance.warnings == ()
    assert articlekit.Article.model_validate({}).provenance == articlekit.Provenance()


def test_adapter_api_names_load_on_use() -> None:
    from articlekit import Layout, SiteAdapter, TextRules, adapters  # noqa: PLC0415

    assert issubclass(SiteAdapter, object) and Layout and TextRules
    assert articlekit.adapters is adapters
    assert articlekit.SiteAdapter is adapters.SiteAdapter


def test_html_parse_does_not_load_the_text_path() -> None:
    loaded = _loaded_after(
        "import articlekit\narticlekit.parse('<html><body><p>One two three.</p></body></html>',"
        " adapter='generic')"
    )
    assert "articlekit._api" in loaded
    assert "articlekit.tokens.text" not in loaded
    assert "articlekit.scoring.text" not in loaded


def test_pipeline_names_are_the_functions() -> None:
    from articlekit import metadata, parse, tokenize  # noqa: PLC0415

    assert callable(parse) and callable(tokenize) and callable(metadata)
    assert articlekit.metadata is metadata
    assert metadata.__module__ == "articlekit._api"
    assert {"parse", "tokenize", "metadata"} <= set(dir(articlekit))


def test_unknown_attribute_still_raises() -> None:
    try:
        articlekit.no_such_name  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


def test_metadata_package_lazy_names() -> None:
    from articlekit.metadata import DEFAULT_PRECEDENCE, Precedence, extract_metadata  # noqa: PLC0415

    assert isinstance(DEFAULT_PRECEDENCE, Precedence)
    assert callable(extract_metadata)
