"""The `onrecord` command as a newcomer runs it."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from typer.testing import CliRunner

from app.cli import cli

ARTICLE = """date 2021-06-14 Harbour to stay open

Foreign Minister Anna Marsh said on Friday that the harbour would stay open all summer.

"We will not close it," she said.
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_creates_the_database_loads_the_demo_and_answers(tmp_path: Path):
    port, db = _free_port(), tmp_path / "served.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ONRECORD_")}
    server = subprocess.Popen(
        [sys.executable, "-m", "app", "serve", "--port", str(port), "--db", str(db)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        body = _wait_for(f"http://127.0.0.1:{port}/api/statements")
        assert len(json.loads(body)["items"]) == 10
        assert db.exists()
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for(url: str, seconds: float = 30) -> bytes:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return bytes(response.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_extract_prints_one_json_line_per_article(tmp_path: Path):
    article = tmp_path / "harbour.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article)])
    assert result.exit_code == 0, result.output
    line = json.loads(result.stdout.strip())
    assert line["id"] == "harbour.txt"
    speakers = {q["speaker"] for q in line["quotes"]}
    assert speakers == {"Anna Marsh"}
    for q in line["quotes"]:
        assert ARTICLE[q["start"]:q["end"]] == q["quote"]


def test_extract_names_a_bad_date_option():
    result = CliRunner().invoke(cli, ["extract", "--date", "2021-02-30", "x.txt"])
    assert result.exit_code == 2 and "--date" in result.output


def test_extract_without_input_says_what_it_needs():
    result = CliRunner().invoke(cli, ["extract"])
    assert result.exit_code == 2 and "--jsonl" in result.output


def test_user_add_and_token_create_store_only_hashes(tmp_path: Path):
    db = tmp_path / "u.db"
    runner = CliRunner()
    added = runner.invoke(cli, ["user", "add", "ed", "--password-stdin", "--db", str(db)],
                          input="a long enough passphrase\n")
    assert added.exit_code == 0, added.output
    short = runner.invoke(cli, ["user", "add", "al", "--password-stdin", "--db", str(db)],
                          input="short\n")
    assert short.exit_code == 1 and "at least" in short.output
    created = runner.invoke(cli, ["token", "create", "--name", "bot", "--db", str(db)])
    token = created.stdout.strip()
    assert created.exit_code == 0 and token.startswith("onr_")
    dump = "\n".join(sqlite3.connect(db).iterdump())
    assert token not in dump and "a long enough passphrase" not in dump
    revoked = runner.invoke(cli, ["token", "revoke", "--name", "bot", "--db", str(db)])
    assert revoked.exit_code == 0 and "Revoked 1 token" in revoked.stdout


def test_a_command_that_finds_the_record_busy_says_so_in_one_line(tmp_path: Path):
    db = tmp_path / "busy.db"
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("ONRECORD_")},
           "ONRECORD_LOAD_DEMO": "false", "ONRECORD_LOCK_WAIT_MS": "200"}
    command = [sys.executable, "-m", "app", "token", "create", "--db", str(db), "--name"]
    assert subprocess.run([*command, "first"], env=env, capture_output=True).returncode == 0
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another writer holds the record
    try:
        busy = subprocess.run([*command, "second"], env=env, capture_output=True, text=True)
    finally:
        writer.rollback()
        writer.close()
    assert busy.returncode == 1
    assert busy.stderr.startswith("onrecord: ") and "try again" in busy.stderr
    assert "Traceback" not in busy.stderr and len(busy.stderr.splitlines()) == 1
