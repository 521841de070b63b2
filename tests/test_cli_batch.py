"""The batch command line: folders, globs, WARC files → one JSON Lines record per input."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import articlekit
from articlekit.cli import _Progress, main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "sample-article.html"
TEXT_PAGE = ROOT / "tests" / "fixtures" / "dw" / "text-lynx-de" / "source.txt"
RECORD_KEYS = {"input", "index", "url", "status", "article", "error"}


def _run(*args: str) -> tuple[int, list[dict[str, Any]]]:
    out = io.StringIO()
    status = main(list(args), stdout=out)
    return status, [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder with pages at two depths, a gzipped page, a text dump and other files."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.html").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "sub" / "b.html.gz").write_bytes(gzip.compress(SAMPLE.read_bytes()))
    (tmp_path / "sub" / "c.txt").write_bytes(TEXT_PAGE.read_bytes())
    (tmp_path / "notes.json").write_text("{}")
    (tmp_path / "sub" / "image.png").write_bytes(b"\x89PNG\r\n")
    return tmp_path


def test_cli_batch_folder_is_searched_recursively_in_stable_order(corpus: Path) -> None:
    status, records = _run("parse", str(corpus))
    assert status == 0
    assert [Path(r["input"]).name for r in records] == ["a.html", "b.html.gz", "c.txt"]
    assert [r["index"] for r in records] == [0, 1, 2]
    assert all(set(r) == RECORD_KEYS for r in records)
    assert all(r["status"] in {"ok", "partial"} and r["error"] is None for r in records)
    expected = articlekit.parse(SAMPLE.read_bytes()).model_dump(mode="json")
    assert records[0]["article"] == expected
    assert records[1]["article"] == expected  # .gz is decompressed
    assert records[2]["article"]["provenance"]["content_type"] == "text"


def test_cli_batch_bare_form_and_glob(corpus: Path) -> None:
    status, records = _run(str(corpus / "**" / "*.gz"))
    assert status == 0
    assert [Path(r["input"]).name for r in records] == ["b.html.gz"]


def test_cli_batch_errors_are_records_and_never_abort(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "empty.html").write_bytes(b"")
    (corpus / "broken.html.gz").write_bytes(b"not gzip at all")
    status, records = _run(
        "parse", str(corpus / "missing.html"), str(corpus), str(corpus / "nothing-*.html")
    )
    assert status == 1
    by_name = {Path(r["input"]).name: r for r in records}
    assert by_name["missing.html"]["error"]["code"] == "input.unreadable"
    assert by_name["empty.html"]["error"]["code"] == "input.empty"
    assert by_name["broken.html.gz"]["error"]["code"] == "input.bad_gzip"
    assert by_name["nothing-*.html"]["error"]["code"] == "input.no_match"
    failed = [r for r in records if r["status"] == "failed"]
    assert all(r["article"] is None and r["error"]["message"] for r in failed)
    assert by_name["a.html"]["status"] in {"ok", "partial"}
    assert [r["index"] for r in records] == list(range(len(records)))
    err = capsys.readouterr().err
    assert err.count("\n") == 1  # the summary only; no progress bar off a terminal
    assert "\r" not in err
    assert f"{len(records)} inputs" in err
    assert "4 failed" in err


def test_cli_batch_workers_give_the_same_records_in_the_same_order(corpus: Path) -> None:
    for i in range(6):
        (corpus / f"copy{i}.htm").write_bytes(SAMPLE.read_bytes())
    _, serial = _run("parse", str(corpus))
    status, parallel = _run("parse", "--workers", "2", str(corpus))
    assert status == 0
    assert parallel == serial


def test_cli_batch_markdown_records_hold_the_rendered_article_and_stdin_is_an_input(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(TEXT_PAGE.read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    status, records = _run("parse", "--format", "markdown", str(corpus / "a.html"), "-")
    assert status == 0
    assert records[0]["article"].startswith("# Harbour town")
    assert records[1]["input"] == "-"
    assert records[1]["article"] == articlekit.parse(TEXT_PAGE.read_bytes()).to_markdown()


def test_cli_batch_url_needs_a_single_input(corpus: Path) -> None:
    assert main(["parse", "--url", "https://example.org/", str(corpus)], stdout=io.StringIO()) == 2


def test_cli_progress_bar_shows_rate_and_eta() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    progress = _Progress(stream, total=10, enabled=True)
    line = progress.line(4, 2.0)
    assert "4/10" in line and "2.0 pages/s" in line and "ETA 00:03" in line
    progress.update(4, force=True)
    progress.close()
    assert stream.getvalue().startswith("\r\x1b[2K") and stream.getvalue().endswith("\r\x1b[2K")
    assert "pages/s" in _Progress(stream, total=None, enabled=True).line(3, 1.0)


# -- WARC -------------------------------------------------------------------------------

LATIN1_PAGE = (
    "<html><head><title>Café crème</title></head><body><article><h1>Café crème in Zürich"
    "</h1><p>"
    + "Die Bäckerei öffnet früh und schließt spät, sagt die Besitzerin. " * 6
    + "</p></article></body></html>"
).encode("latin-1")


def write_warc(path: Path, responses: list[tuple[str, str, bytes]]) -> None:
    """Write (url, content type, payload) HTTP responses and one request to a WARC.gz."""
    warcio = pytest.importorskip("warcio", reason="the 'warc' extra (warcio) is not installed")
    from warcio.statusandheaders import StatusAndHeaders  # noqa: PLC0415
    from warcio.warcwriter import WARCWriter  # noqa: PLC0415

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        request = writer.create_warc_record(
            "https://example.org/", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
        )
        writer.write_record(request)
        for url, content_type, payload in responses:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=headers
            )
            writer.write_record(record)
    assert warcio


def test_cli_warc_parses_html_responses_with_url_and_charset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warc = tmp_path / "crawl.warc.gz"
    write_warc(
        warc,
        [
            ("https://example.org/sample", "text/html; charset=utf-8", SAMPLE.read_bytes()),
            ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n"),
            ("https://example.org/cafe", "text/html; charset=ISO-8859-1", LATIN1_PAGE),
        ],
    )
    status, records = _run("parse", "--warc", str(warc))
    assert status == 0
    assert [r["url"] for r in records] == ["https://example.org/sample", "https://example.org/cafe"]
    assert [r["index"] for r in records] == [0, 1]
    assert records[0]["input"].startswith(f"{warc}@")
    sample = articlekit.parse(SAMPLE.read_bytes(), url="https://example.org/sample")
    assert records[0]["article"] == sample.model_dump(mode="json")
    cafe = records[1]["article"]
    assert cafe["title"].startswith("Café crème")
    assert cafe["provenance"]["encoding"] in {"iso8859-1", "latin-1", "ISO-8859-1"}
    assert "1 WARC responses skipped" in capsys.readouterr().err


def test_cli_warc_without_the_extra_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    (tmp_path / "x.warc.gz").write_bytes(b"")
    status, records = _run("parse", "--warc", str(tmp_path / "x.warc.gz"))
    assert status == 2
    assert records == []
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "pip install 'articlekit[warc]'" in err


def test_cli_batch_stops_quietly_when_the_reader_goes_away(corpus: Path) -> None:
    for i in range(30):  # more output than a pipe buffer holds
        (corpus / f"copy{i}.html").write_bytes(SAMPLE.read_bytes())
    process = subprocess.Popen(
        [sys.executable, "-m", "articlekit", "parse", "--workers", "2", str(corpus)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(100)
    process.stdout.close()  # like `| head -c 100`
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == 1
    assert "Traceback" not in err
