"""The compiled build (``ARTICLEKIT_COMPILE=1``, ``setup.py``): the modules it lists
exist, and a test run is of the build it says it is.

``.ci/run`` runs the whole suite twice: on the editable source install (pure Python)
and on a compiled wheel with ``ARTICLEKIT_EXPECT_COMPILED=1``, so the two builds are
held to the same tests.
"""

from __future__ import annotations

import ast
import importlib
import os
import re
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


def _compiled_sources() -> list[tuple[str, str]]:
    """``(listed name, source)`` of each module the compiled build lists."""
    return [
        (name, (ROOT / "src" / "articlekit" / name).read_text(encoding="utf-8"))
        for name in _listed()
    ]


CONSTANT = re.compile(r"^_*[A-Z][A-Z0-9_]*$")
NOT_FINAL = {
    "metadata/_scan.py": {"MAX_CLUE_VALUES"},  # tests/test_tokens_html_walk.py lowers it
}
"""Module constants of compiled modules that are deliberately not ``Final``, with why."""


def _unannotated_constants(source: str) -> list[str]:
    """UPPER_CASE names bound once at module level without a ``Final`` annotation
    (``TypeVar`` and names a function rebinds through ``global`` aside)."""
    tree = ast.parse(source)
    bound: dict[str, int] = {}
    plain: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names = [n.id for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name)]
            is_typevar = (
                isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Name)
                and node.value.func.id == "TypeVar"
            )
            if not is_typevar:  # (names bound together cannot be Final: one per line)
                plain.extend(names)
        elif isinstance(node, ast.AnnAssign | ast.AugAssign) and isinstance(node.target, ast.Name):
            names = [node.target.id]
            annotation = ast.unparse(node.annotation) if isinstance(node, ast.AnnAssign) else ""
            if not annotation.startswith("Final"):
                plain.append(node.target.id)
        else:
            continue
        for name in names:
            bound[name] = bound.get(name, 0) + 1
    rebound = {n for node in ast.walk(tree) if isinstance(node, ast.Global) for n in node.names}
    return [
        name for name in plain if CONSTANT.match(name) and bound[name] == 1 and name not in rebound
    ]


def test_constants_of_compiled_modules_are_final() -> None:
    # mypyc reads a module global from the module's dict on every use, with a type
    # check; a Final one becomes a C static (about 2% of the instructions of a parse)
    found = {
        name: sorted(plain)
        for name, source in _compiled_sources()
        if (plain := set(_unannotated_constants(source)) - NOT_FINAL.get(name, set()))
    }
    assert not found, f"annotate these module constants with Final: {found}"


def test_the_final_check_sees_a_plain_constant() -> None:
    source = (
        "from typing import Final, TypeVar\n"
        "T = TypeVar('T')\n"
        "A: Final = 1\n"
        "B = 2\n"
        "C: int = 3\n"
        "D = 4\n"
        "D = 5\n"
        "lower = 6\n"
        "E = 7\n"
        "F, G = 8, 9\n"
        "def f() -> None:\n"
        "    global E\n"
        "    E = 8\n"
    )
    assert _unannotated_constants(source) == ["B", "C", "F", "G"]


RE_FUNCTIONS = frozenset(
    {"match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer"}
)


def _runtime_re_calls(source: str) -> list[int]:
    """Lines where a function calls one of ``re``'s module-level matching functions."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and isinstance(call.func.value, ast.Name)
                    and call.func.value.id == "re"
                    and call.func.attr in RE_FUNCTIONS
                ):
                    lines.append(call.lineno)
    return sorted(set(lines))


def test_compiled_modules_match_with_compiled_patterns() -> None:
    # re.split(pattern, …) inside a function looks the pattern up in re's cache on every
    # call (~1.5 µs), and compiles it again once other code has pushed it out of that
    # cache (512 entries, shared with every library in the process)
    found = {
        name: lines for name, source in _compiled_sources() if (lines := _runtime_re_calls(source))
    }
    assert not found, f"compile these patterns once, as module constants: {found}"


def test_the_pattern_check_sees_a_call_inside_a_function() -> None:
    source = (
        "import re\n"
        "WORDS = re.split(r'\\s', 'a b')\n"
        "PATTERN = re.compile(r'\\s')\n"
        "def f(text: str) -> list[str]:\n"
        "    PATTERN.split(text)\n"
        "    return re.split(r'\\s+', text)\n"
        "g = lambda text: re.sub('a', '', text)\n"
    )
    assert _runtime_re_calls(source) == [6, 7]


def _eager_generator_expressions(source: str) -> list[int]:
    """Lines where a generator expression is read lazily: the operand of ``yield from``,
    or what ``islice`` takes its first items of."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.YieldFrom):
            read = node.value
        elif isinstance(node, ast.Call) and ast.unparse(node.func) in {
            "islice",
            "itertools.islice",
        }:
            read = node.args[0] if node.args else None
        else:
            continue
        if isinstance(read, ast.GeneratorExp):
            lines.append(node.lineno)
    return sorted(set(lines))


def test_compiled_modules_read_no_generator_expression_lazily() -> None:
    # mypyc builds a generator expression as a list ("Treating generator comprehension as
    # list"): ``yield from (t for t in walk(x) if t)`` walked the whole subtree of x where
    # the caller took the first few texts (5 ms instead of 0.15 ms on a page)
    found = {
        name: lines
        for name, source in _compiled_sources()
        if (lines := _eager_generator_expressions(source))
    }
    assert not found, f"read these with a for loop (a generator function): {found}"


def test_the_generator_check_sees_yield_from_and_islice() -> None:
    source = (
        "import itertools\n"
        "from itertools import islice\n"
        "def f(xs: list[str]):\n"
        "    yield from xs\n"
        "    yield from (x for x in xs if x)\n"
        "    first = list(islice((x for x in xs), 2))\n"
        "    more = list(itertools.islice((x for x in xs), 2))\n"
        "    whole = tuple(x for x in xs)\n"
        "    yield from [x for x in xs]\n"
    )
    assert _eager_generator_expressions(source) == [5, 6, 7]
