"""articlekit's build backend: setuptools', plus mypy when the build compiles.

``ARTICLEKIT_COMPILE=1`` compiles the modules that ``[tool.articlekit.build] compiled``
in ``pyproject.toml`` lists with mypyc (see ``setup.py``). The build then also needs
mypy, which carries mypyc (pinned: the generated C depends on its version), and what
mypy type-checks the code against (pydantic, the lxml and dateutil stubs). Without it
the build is setuptools' alone and the wheel is pure Python. Every other hook is
setuptools' own.
"""

from __future__ import annotations

import os
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403  (the whole PEP 517/660 interface)

COMPILE_ENV = "ARTICLEKIT_COMPILE"
COMPILE_REQUIREMENTS = [
    "setuptools>=77",
    "mypy==2.4.1",
    "pydantic>=2.6,<3",
    "lxml-stubs>=0.5",
    "types-python-dateutil",
]


def compiling() -> bool:
    """Whether this build compiles (``ARTICLEKIT_COMPILE=1``)."""
    return os.environ.get(COMPILE_ENV, "") == "1"


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    if compiling():  # (setuptools' own answer runs setup.py, which then needs mypyc)
        return list(COMPILE_REQUIREMENTS)
    requires: list[str] = _setuptools.get_requires_for_build_wheel(config_settings)
    return requires
