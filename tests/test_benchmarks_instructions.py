"""The instruction counter's arithmetic and parsing (``benchmarks.instructions``), on
callgrind output written here: the tests need no valgrind."""

from __future__ import annotations

import pytest
from benchmarks.instructions import (
    Count,
    callgrind_total,
    function_costs,
    measured,
    parse_args,
    render,
    top_functions,
)

_OUT = """\
# callgrind format
version: 1
creator: callgrind-3.19.0
cmd:  python -m benchmarks.instructions --child all
events: Ir
summary: 11766531501
fn=(1) main
0 5
totals: 99
"""

_ANNOTATED = """\
--------------------------------------------------------------------------------
Ir
--------------------------------------------------------------------------------
1,500,000 (100.0%)  PROGRAM TOTALS

--------------------------------------------------------------------------------
Ir                      file:function
--------------------------------------------------------------------------------
  900,000 (60.00%)  /build/Modules/_sre/sre_lib.h:sre_ucs1_match [/usr/lib/libpython3.11.so.1.0]
  300,000 (20.00%)  /build/Modules/_sre/sre.c:sre_ucs1_match [/usr/lib/libpython3.11.so.1.0]
  200,000 (13.33%)  ???:0x000000000024b710 [/venv/lxml/etree.cpython-311-x86_64-linux-gnu.so]
   50,000 ( 3.33%)  /work/build/__native.c:CPyDef_lines___classify_lines [/venv/ak.so]
"""


def test_total_is_the_summary_line_else_the_totals_line() -> None:
    assert callgrind_total(_OUT) == 11_766_531_501
    assert callgrind_total(_OUT.replace("summary: 11766531501\n", "")) == 99
    with pytest.raises(ValueError, match="not a callgrind output file"):
        callgrind_total("events: Ir\n")


def test_measured_is_the_difference_and_refuses_a_smaller_measured_run() -> None:
    assert measured(1_000, 1_750) == 750
    assert measured(5, 5) == 0
    with pytest.raises(ValueError, match="below its warm-up"):
        measured(1_750, 1_000)


def test_function_costs_add_up_rows_of_one_function_and_name_bare_addresses() -> None:
    costs = function_costs(_ANNOTATED)
    assert costs == {
        "sre_ucs1_match": 1_200_000,  # two source files, one function
        "0x000000000024b710 (etree.cpython-311-x86_64-linux-gnu.so)": 200_000,
        "CPyDef_lines___classify_lines": 50_000,
    }
    assert "PROGRAM TOTALS" not in " ".join(costs)  # (the rows before the header)


def test_top_functions_are_what_the_measured_calls_added() -> None:
    warm = {"a": 100, "b": 50, "c": 10}
    everything = {"a": 130, "b": 250, "c": 10, "d": 40}
    assert top_functions(warm, everything, 2) == [("b", 200), ("d", 40)]
    assert top_functions(warm, everything, 10) == [("b", 200), ("d", 40), ("a", 30)]


def test_render_gives_per_page_counts_and_the_ratio_to_the_floor_of_the_same_corpus() -> None:
    counts = [
        Count("fundus", "articlekit", 10, 740_000_000),
        Count("fundus", "lxml-floor", 10, 200_000_000),
        Count("text-article", "articlekit", 4, 40_000_000),
    ]
    table = render(counts).splitlines()
    assert table[2] == "| fundus | articlekit | 10 | 74.00 M | 3.70× |"
    assert table[3] == "| fundus | lxml-floor | 10 | 20.00 M | 1.00× |"
    assert table[4] == "| text-article | articlekit | 4 | 10.00 M | – |"  # no floor measured
    assert Count("x", "y", 0, 5).per_page == 0.0


def test_subjects_are_checked_against_the_benchmark_extractors() -> None:
    assert parse_args(["--subjects", "articlekit,lxml-floor"]).subjects == [
        "articlekit",
        "lxml-floor",
    ]
    with pytest.raises(SystemExit):
        parse_args(["--subjects", "articlekit,nonesuch"])
    with pytest.raises(SystemExit):  # refused before any child program starts
        parse_args(["--every", "0"])
