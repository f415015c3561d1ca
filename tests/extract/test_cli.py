"""The `onrecord extract` entry point, called through run()."""

import io
import json
from datetime import date
from pathlib import Path

import pytest

from app.extract.cli import FIELDS, run

ARTICLE = "date 2022-02-06 Harbour news\n\n“The harbour will reopen,” said Anna Marsh.\n"


def test_file_gives_one_line_with_whole_file_offsets(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out = io.StringIO()
    assert run([path], jsonl=None, date=None, out=out) == 0
    line = json.loads(out.getvalue())
    assert line["id"] == "a.txt" and line["warnings"] == []
    (q,) = line["quotes"]
    assert tuple(q) == FIELDS
    assert ARTICLE[q["start"] : q["end"]] == q["quote"] and q["said_on"] == "2022-02-06"


def test_jsonl_gives_one_line_per_id(tmp_path: Path) -> None:
    rows = [
        {"id": "x1", "text": "Anna Marsh said the harbour will reopen.", "date": "2022-02-06",
         "title": None},
        {"id": "x2", "text": "Nothing said here.", "date": None, "title": None},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    out = io.StringIO()
    assert run([], jsonl=path, date=None, out=out) == 0
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [x["id"] for x in lines] == ["x1", "x2"]
    assert lines[0]["quotes"][0]["quote"] == "the harbour will reopen"


def test_plain_file_with_date_option(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Anna Marsh said the harbour will reopen.", encoding="utf-8")
    out = io.StringIO()
    assert run([path], jsonl=None, date=date(2022, 1, 1), out=out) == 0
    assert json.loads(out.getvalue())["quotes"][0]["said_on"] == "2022-01-01"


ERRORS = [
    ("missing.txt", None, "missing.txt: cannot read"),
    ("plain.txt", "Anna Marsh said so.", "plain.txt: line 1: expected 'date YYYY-MM-DD Title'"),
    ("in.jsonl", "{not json", "in.jsonl:1: bad record"),
]


@pytest.mark.parametrize(("name", "content", "message"), ERRORS)
def test_errors_name_the_file_and_exit_non_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str | None,
    message: str,
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    files, jsonl = ([], path) if name.endswith(".jsonl") else ([path], None)
    assert run(files, jsonl=jsonl, date=None, out=io.StringIO()) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
