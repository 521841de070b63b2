"""Compiled builds: with ``ARTICLEKIT_COMPILE=1`` the modules listed under
``[tool.articlekit.build] compiled`` in ``pyproject.toml`` are compiled with mypyc into
one platform wheel (same code, same output, less interpreter work); without it, this adds
nothing and the wheel is pure Python. Everything else is in ``pyproject.toml``.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from setuptools import Extension, setup

ROOT = Path(__file__).resolve().parent


def compiled_modules() -> list[str]:
    """The source files to compile, relative to the project root."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [f"src/articlekit/{name}" for name in config["tool"]["articlekit"]["build"]["compiled"]]


def ext_modules() -> list[Extension]:
    if os.environ.get("ARTICLEKIT_COMPILE", "") != "1":
        return []
    from mypyc.build import mypycify  # noqa: PLC0415  (a build requirement only then)

    return mypycify(compiled_modules(), opt_level="3", group_name="articlekit")


setup(ext_modules=ext_modules())
