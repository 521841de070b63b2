"""The command line: files and stdin in, JSON / text / Markdown out, clear failures."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from articlekit.cli import main

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sample-article.html"


def _run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(args), stdout=out)
    return status, out.getvalue()


def test_cli_prints_indented_json_for_one_file() -> None:
    status, out = _run(str(SAMPLE))
    assert status == 0
    data = json.loads(out)
    assert data["title"] == "Harbour town opens its first tidal energy plant"
    assert "text" in data


def test_cli_prints_json_lines_records_for_several_files() -> None:
    status, out = _run(str(SAMPLE), str(SAMPLE))
    assert status == 0
    lines = out.strip().split("\n")
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert [r["index"] for r in records] == [0, 1]
    assert all(r["article"]["title"] for r in records)


@pytest.mark.parametrize(("fmt", "needle"), [("text", "Portwenna"), ("markdown", "# Harbour")])
def test_cli_formats(fmt: str, needle: str) -> None:
    status, out = _run("--format", fmt, str(SAMPLE))
    assert status == 0
    assert needle in out


def test_cli_unreadable_file_gives_one_line_and_nonzero_exit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _ = _run(str(tmp_path / "missing.html"))
    assert status != 0
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "missing.html" in err


def test_cli_parse_error_is_reported_not_raised(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    status, _ = _run(str(empty))
    assert status != 0
    assert "input.empty" in capsys.readouterr().err


def test_cli_reads_stdin_and_takes_options() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "articlekit", "--adapter", "generic", "--url",
         "https://example.org/x", "-"],
        input=SAMPLE.read_bytes(),
        capture_output=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["url"] == "https://example.org/x"
    assert data["provenance"]["adapter"] is None
