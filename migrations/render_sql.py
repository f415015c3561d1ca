"""Print the SQL one migration ran, by running it as the code of an old commit had it.

    python migrations/render_sql.py COMMIT REVISION [POSTGRESQL_URL]

The tree of COMMIT is unpacked into a temporary folder, its migrations run up to the
revision before REVISION on an empty database (a SQLite file, or a new schema at the
PostgreSQL URL), then REVISION runs while every statement sent to the database is kept.
Each is printed as a Python literal, one line of SQL a string, ready to paste into a
frozen migration. Run it from the root of the repository.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tarfile
import tempfile
import uuid
from io import BytesIO
from pathlib import Path

#: Run inside the old tree: migrate to the revision before, then keep what REVISION sends.
_CAPTURE = """
import json, sys
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import event
from sqlalchemy.engine import Engine

revision, url = sys.argv[1], sys.argv[2]
config = Config()
config.set_main_option("script_location", "migrations")
config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
before = ScriptDirectory.from_config(config).get_revision(revision).down_revision
if before:
    command.upgrade(config, before)
sent = []
event.listen(Engine, "before_cursor_execute",
             lambda conn, cursor, statement, *rest: sent.append(statement))
command.upgrade(config, revision)
print(json.dumps([s for s in sent if "alembic_version" not in s]))
"""


def _unpack(commit: str, into: Path) -> None:
    archive = subprocess.run(["git", "archive", commit], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")


def _database(folder: Path, postgres: str) -> tuple[str, str]:
    """Return the URL of an empty database and the PostgreSQL schema made for it ('' if none)."""
    if not postgres:
        return f"sqlite:///{folder / 'render.db'}", ""
    schema = f"render_{uuid.uuid4().hex[:12]}"
    _psql(postgres, f"CREATE SCHEMA {schema}")
    joiner = "&" if "?" in postgres else "?"
    return f"{postgres}{joiner}options=-csearch_path%3D{schema}", schema


def _psql(url: str, sql: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql(sql)
    engine.dispose()


def sent_by(commit: str, revision: str, postgres: str = "") -> list[str]:
    """Return the statements REVISION sends to an empty database, as run at COMMIT."""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        _unpack(commit, folder)
        url, schema = _database(folder, postgres)
        try:
            done = subprocess.run([sys.executable, "-c", _CAPTURE, revision, url], cwd=folder,
                                  env={"PYTHONPATH": str(folder), "PATH": ""},
                                  check=True, capture_output=True, text=True)
        finally:
            if schema:
                _psql(postgres, f"DROP SCHEMA {schema} CASCADE")
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def as_literal(sql: str, indent: str = "    ") -> str:
    """Spell one statement as adjacent Python string literals: a line of SQL each, and a
    long line of unions a SELECT each."""
    pieces = [piece for line in sql.splitlines(keepends=True)
              for piece in re.split(r"(?= UNION ALL )", line)]
    return "(\n" + "".join(f"{indent}{piece!r}\n" for piece in pieces) + ")"


if __name__ == "__main__":
    for statement in sent_by(*sys.argv[1:4]):
        print(as_literal(statement), end=",\n\n")
