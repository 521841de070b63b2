"""articlekit's build backend: setuptools', plus mypy when the build compiles.

``ARTICLEKIT_COMPILE=1`` compiles the modules that ``[tool.articlekit.build] compiled``
in ``pyproject.toml`` lists with mypyc (see ``setup.py``). The build then needs, besides
``[build-system] requires``, what mypy type-checks the code against (the project's
dependencies) and ``[tool.articlekit.build] requires`` (mypy itself, the stubs), all
read from ``pyproject.toml``. Without it the build is setuptools' alone and the wheel is
pure Python. Every other hook is setuptools' own.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403  (the whole PEP 517/660 interface)

COMPILE_ENV = "ARTICLEKIT_COMPILE"
PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def compiling() -> bool:
    """Whether this build compiles (``ARTICLEKIT_COMPILE=1``)."""
    return os.environ.get(COMPILE_ENV, "") == "1"


def compile_requirements() -> list[str]:
    """What a compiled build needs installed (see the module docstring)."""
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    return [
        *config["build-system"]["requires"],
        *config["project"]["dependencies"],
        *config["tool"]["articlekit"]["build"]["requires"],
    ]


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    if compiling():  # (setuptools' own answer runs setup.py, which then needs mypyc)
        return compile_requirements()
    requires: list[str] = _setuptools.get_requires_for_build_wheel(config_settings)
    return requires
