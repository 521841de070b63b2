"""The compiled build (``ARTICLEKIT_COMPILE=1``, ``setup.py``): the modules it lists
exist, and a test run is of the build it says it is.

``.ci/run`` runs the whole suite twice: on the editable source install (pure Python)
and on a compiled wheel with ``ARTICLEKIT_EXPECT_COMPILED=1``, so the two builds are
held to the same tests.
"""

from __future__ import annotations

import importlib
import os
import tomllib
from pathlib import Path

from conftest import is_compiled

ROOT = Path(__file__).resolve().parents[1]
EXPECT_COMPILED = os.environ.get("ARTICLEKIT_EXPECT_COMPILED", "") == "1"


def _listed() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names: list[str] = config["tool"]["articlekit"]["build"]["compiled"]
    return names


def _module(name: str) -> str:
    """``"metadata/dates.py"`` → ``"articlekit.metadata.dates"``."""
    path = name.removesuffix(".py").removesuffix("/__init__")
    return "articlekit." + path.replace("/", ".")


def test_every_module_the_compiled_build_lists_exists() -> None:
    names = _listed()
    assert names, "the compiled build lists no module"
    assert len(set(names)) == len(names)
    missing = [n for n in names if not (ROOT / "src" / "articlekit" / n).is_file()]
    assert not missing


def test_a_test_run_is_of_the_build_it_expects() -> None:
    """With ``ARTICLEKIT_EXPECT_COMPILED=1`` every listed module is an extension module
    (the compiled wheel is what is tested, not a source tree beside it); without it none
    is (no stale compiled module shadows the source a developer edits)."""
    compiled = {name: is_compiled(importlib.import_module(_module(name))) for name in _listed()}
    if EXPECT_COMPILED:
        assert all(compiled.values()), [n for n, c in compiled.items() if not c]
    else:
        assert not any(compiled.values()), (
            [n for n, c in compiled.items() if c],
            "set ARTICLEKIT_EXPECT_COMPILED=1 to test a compiled build",
        )
