"""Long commands say how far they are: a bar on a terminal, one summary line elsewhere."""

from __future__ import annotations

import io
import re
import sqlite3
from contextlib import nullcontext
from pathlib import Path

import pytest
from sqlmodel import Session

from app.cli.progress import progress
from app.files.file_import import import_file
from tests.bulk_helpers import db_file, run, seed
from tests.test_load_import import HEADER, _lines

SUMMARY = re.compile(r"^(\w+): ([\d,]+) (\w+) in [\d.]+ s \([\d,]+ \w+/s\)$")


class Terminal(io.StringIO):
    """What a command writes to, taken for a terminal."""

    def isatty(self) -> bool:
        return True


def _summaries(stderr: str) -> list[tuple[str, ...]]:
    return [m.groups() for m in map(SUMMARY.match, stderr.splitlines()) if m]


def test_an_import_off_a_terminal_ends_with_one_summary_line(app, session, tmp_path):
    seed(session)
    path = tmp_path / "quays.csv"
    path.write_text(HEADER + "".join(_lines(25)))
    result = run("import", path, "--db", db_file(app))
    assert result.exit_code == 0, result.output
    assert _summaries(result.stderr) == [("import", "25", "rows")]
    assert "\x1b[" not in result.output, "nothing is drawn where no one sees it"
    assert "Added 25 statements" in result.stdout


def test_an_export_keeps_its_summary_out_of_what_it_writes(app, session):
    seed(session)
    result = run("export", "--format", "jsonl", "--db", db_file(app))
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 3, "the file is the three public statements"
    assert _summaries(result.stderr) == [("export", "3", "rows")]


def test_a_refused_import_prints_no_summary(app, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "anna-marsh,Late words.,2021-02-30,neutral,,,,,\n")
    result = run("import", path, "--db", db_file(app))
    assert result.exit_code == 1 and "bad.csv:2: said_on" in result.output
    assert _summaries(result.stderr) == []


def test_on_a_terminal_each_phase_draws_its_rows_rate_and_time_left(app, session):
    seed(session)
    screen = Terminal()
    data = (HEADER + "".join(_lines(2500))).encode()
    with Session(app.state.engine) as writer, progress("import", stream=screen) as meter:
        import_file(writer, io.BytesIO(data), "csv", author="test", progress=meter)
    drawn = screen.getvalue()
    assert "import: checking" in drawn and "import: writing" in drawn
    assert "2,500 rows" in drawn and "/s" in drawn
    assert not _summaries(drawn), "the bars stand in for the summary"


@pytest.mark.parametrize("fails", [False, True])
def test_a_meter_reports_the_last_rows_it_was_told(fails):
    out = io.StringIO()
    with pytest.raises(RuntimeError) if fails else nullcontext(), \
            progress("synth", stream=out) as meter:
        meter("writing", 1000, 0.5)
        meter("writing", 2000, 1.0)
        if fails:
            raise RuntimeError("stopped")
    assert _summaries(out.getvalue()) == ([] if fails else [("synth", "2,000", "rows")])



def test_synth_backup_and_extract_each_end_with_one_summary_line(tmp_path):
    record, copy = tmp_path / "record.db", tmp_path / "copy.db"
    synth = run("synth", "--statements", "300", "--actors", "20", "--db", record)
    assert synth.exit_code == 0, synth.output
    backup = run("backup", copy, "--db", record)
    assert backup.exit_code == 0, backup.output
    articles = tmp_path / "articles.jsonl"
    articles.write_text('{"id": "a1", "text": "Mayor Tom Quill said the harbour would '
                        'reopen.", "date": "2021-06-11"}\n')
    extract = run("extract", "--jsonl", articles)
    assert extract.exit_code == 0, extract.output
    assert [_summaries(r.stderr) for r in (synth, backup, extract)] == [
        [("synth", "300", "rows")], [("backup", _pages(copy), "pages")],
        [("extract", "1", "articles")]]


def _pages(database: Path) -> str:
    with sqlite3.connect(database) as db:
        return f"{db.execute('PRAGMA page_count').fetchone()[0]:,}"
