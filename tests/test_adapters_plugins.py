"""Third-party adapters through the ``articlekit.adapters`` entry-point group.

The test installs a tiny distribution (a module plus its ``.dist-info`` with an
``entry_points.txt``) into a temporary site directory on ``sys.path``, the way pip lays
out an installed package, and builds a registry from the real entry points.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import articlekit
from articlekit.adapters import build_registry

PLUGIN_MODULE = """
from articlekit.adapters import Layout, SiteAdapter


class LighthouseAdapter(SiteAdapter):
    name = "lighthouse_gazette"
    version = "3"
    domains = ("lighthouse-gazette.example",)
    layouts = (
        Layout(
            name="v3",
            fingerprint="//div[@id='lamp-story']",
            body="//div[@id='lamp-story']",
            title="//div[@id='lamp-story']/h1",
        ),
    )
"""

DUPLICATE_MODULE = """
from articlekit.adapters import SiteAdapter


class FakeDW(SiteAdapter):
    name = "dw"
    domains = ("fake-dw.example",)
"""


def _install(site: Path, dist: str, module: str, source: str, entry: str) -> None:
    (site / f"{module}.py").write_text(source)
    info = site / f"{dist}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[articlekit.adapters]\n{entry}\n")


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Path]:
    sys.path.insert(0, str(tmp_path))
    try:
        yield tmp_path
    finally:
        sys.path.remove(str(tmp_path))
        for name in ("lighthouse_plugin", "fake_dw_plugin"):
            sys.modules.pop(name, None)


def test_plugins_entry_point_adapter_is_registered_and_used(site: Path) -> None:
    _install(
        site,
        "lighthouse_plugin_dist",
        "lighthouse_plugin",
        PLUGIN_MODULE,
        "lighthouse = lighthouse_plugin:LighthouseAdapter",
    )
    registry = build_registry()
    assert "lighthouse_gazette" in registry.names()
    assert "dw" in registry.names()
    page = (
        "<html><body><div id='lamp-story'><h1>Keeper retires after forty years</h1>"
        "<p>The last keeper of the north light handed over the keys on Sunday, after four "
        "decades of climbing the same hundred and twelve steps every evening.</p></div>"
        "</body></html>"
    )
    article = articlekit.parse(
        page, url="https://lighthouse-gazette.example/keeper", registry=registry
    )
    assert article.provenance.adapter == "lighthouse_gazette@3"
    assert article.title == "Keeper retires after forty years"


def test_plugins_duplicate_name_of_a_builtin_is_an_error(site: Path) -> None:
    _install(site, "fake_dw_dist", "fake_dw_plugin", DUPLICATE_MODULE, "dw = fake_dw_plugin:FakeDW")
    with pytest.raises(articlekit.DuplicateAdapterError):
        build_registry()


def test_plugins_broken_entry_point_is_skipped_with_a_log(
    site: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _install(site, "broken_dist", "broken_plugin", "raise ImportError('nope')\n",
             "broken = broken_plugin:Nothing")  # fmt: skip
    registry = build_registry()
    assert "broken" not in registry.names()
    assert any("broken" in r.getMessage() for r in caplog.records)
