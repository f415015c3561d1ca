"""Databases for tests: migrated once per run into a template, then copied for each test.

Two templates hold what `create_app` makes of an empty database: the countries, and for
the second also the demo record. A test gets its own copy, so it starts at the newest
revision and `create_app` finds nothing to migrate or load. On SQLite a copy is a file
copy; on PostgreSQL it is a schema of its own, dropped when the test is over.
"""

from __future__ import annotations

import itertools
import queue
import shutil
import sqlite3
import subprocess
import tempfile
import threading
import uuid
from contextlib import closing
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import URL, make_url

from app.config import Settings
from app.record.setup import prepare_database

#: The templates: what a fresh app finds without the demo record, and with it.
KINDS = ("empty", "demo")
#: Test databases need no durability: committing without waiting for the disk keeps
#: PostgreSQL's per-commit cost off the suite (a crash loses only a test's data).
POSTGRES_TEST_OPTIONS = "-csynchronous_commit=off"
#: How long a test waits for its copy before the run gives up on the server, in seconds.
MAKE_TIMEOUT_S = 60
#: Stands for a copy's schema name in the script that builds it.
_PLACEHOLDER = "__onrecord_copy__"


class SqliteCopies:
    """Template files in a folder of the run's; a copy per test in the test's own folder."""

    def __init__(self) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix="onrecord-templates-"))
        self._templates: dict[str, Path] = {}

    def blank(self, path: Path) -> str:
        """Return the URL of an empty, unmigrated database at path."""
        return f"sqlite:///{path}"

    def copy(self, kind: str, path: Path) -> str:
        """Copy the template of that kind to path and return its URL."""
        shutil.copyfile(self._template(kind), path)
        return f"sqlite:///{path}"

    def _template(self, kind: str) -> Path:
        if kind not in self._templates:
            path = self._folder / f"{kind}.db"
            prepare_database(Settings(database_url=f"sqlite:///{path}",
                                      load_demo=kind == "demo"))
            with closing(sqlite3.connect(path)) as db:  # fold the WAL into the file copied
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._templates[kind] = path
        return self._templates[kind]

    def start_test(self) -> None:
        """Nothing to do: a test's files go with its temporary folder."""

    def finish_test(self) -> None:
        """Nothing to do: a test's files go with its temporary folder."""

    def close(self) -> None:
        shutil.rmtree(self._folder, ignore_errors=True)


class PostgresCopies:
    """Schemas named after the run, in the database of a URL, made by the role it names.

    A template schema is migrated once and written out by pg_dump, rows included; a copy
    replays that script under a new name (rows go in before triggers and keys exist, as
    in any restore). A worker thread keeps one copy of each kind made ahead and drops the
    copies of finished tests, so a test rarely waits for either. A schema is dropped
    rather than a database because dropping a database forces a server-wide checkpoint.
    """

    def __init__(self, url: str) -> None:
        self._url = make_url(url)
        self._run = f"onrecord_t{uuid.uuid4().hex[:10]}"
        self._admin = create_engine(self._url, isolation_level="AUTOCOMMIT")
        self._scripts: dict[str, str] = {}
        self._ready: dict[str, queue.Queue[str]] = {kind: queue.Queue() for kind in KINDS}
        self._made: list[str] = []
        self._this_test = 0  # where the current test's schemas start in _made
        self._failure: Exception | None = None
        self._jobs: queue.PriorityQueue[tuple[int, int, str, str]] = queue.PriorityQueue()
        self._numbers = itertools.count()
        self._worker = threading.Thread(target=self._work, daemon=True)
        self._worker.start()

    def blank(self, _path: Path) -> str:
        """Create an empty schema nothing has migrated yet and return its URL."""
        name = self._new_name()
        self._run_sql(f"CREATE SCHEMA {name}")
        self._made.append(name)
        return self._url_of(name)

    def copy(self, kind: str, _path: Path) -> str:
        """Take a copy of the template of that kind, have the next one made, return its URL."""
        if kind not in self._scripts:
            self._scripts[kind] = self._template_script(kind)
            self._ask("make", kind)
        try:
            name = self._ready[kind].get(timeout=MAKE_TIMEOUT_S)
        except queue.Empty:
            raise RuntimeError(f"no {kind} copy was made: {self._failure!r}") from None
        self._ask("make", kind)
        self._made.append(name)
        return self._url_of(name)

    def start_test(self) -> None:
        """Mark where the schemas of the next test begin; earlier ones live on."""
        self._this_test = len(self._made)

    def finish_test(self) -> None:
        """Have the schemas the test just made dropped."""
        for name in self._made[self._this_test:]:
            self._ask("drop", name)
        del self._made[self._this_test:]

    def close(self) -> None:
        """Drop every schema the run made, copies made ahead and templates included."""
        self._jobs.put((2, next(self._numbers), "stop", ""))
        self._worker.join()
        unused = [q.get() for q in self._ready.values() for _ in range(q.qsize())]
        for name in [*self._made, *unused, *(f"{self._run}_{k}" for k in self._scripts)]:
            self._drop(name)
        self._admin.dispose()

    def _template_script(self, kind: str) -> str:
        """Migrate a template schema and return the SQL that rebuilds it, rows included."""
        name = f"{self._run}_{kind}"
        self._run_sql(f"CREATE SCHEMA {name}")
        prepare_database(Settings(database_url=self._url_of(name), load_demo=kind == "demo"))
        url = self._url.set(drivername="postgresql", query={})
        dump = subprocess.run(
            ["pg_dump", "--no-owner", "--no-privileges", f"--schema={name}",
             "--rows-per-insert=1000", f"--dbname={url.render_as_string(hide_password=False)}"],
            capture_output=True, text=True, check=True).stdout
        # Lines starting with a backslash are psql's (\restrict), not SQL.
        return "\n".join(line for line in dump.splitlines() if not line.startswith("\\")
                         ).replace(name, _PLACEHOLDER)

    def _ask(self, job: str, argument: str) -> None:
        self._jobs.put((0 if job == "make" else 1, next(self._numbers), job, argument))

    def _work(self) -> None:
        while True:
            _, _, job, argument = self._jobs.get()
            if job == "stop":
                return
            try:
                if job == "make":
                    name = self._new_name()
                    self._run_sql(self._scripts[argument].replace(_PLACEHOLDER, name))
                    self._ready[argument].put(name)
                else:
                    self._drop(argument)
            except Exception as failure:  # told to the test that waits for the copy
                self._failure = failure

    def _drop(self, name: str) -> None:
        """Drop a schema, closing first the connections a test's app left open on it."""
        self._run_sql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                      f"WHERE application_name = '{name}' AND pid <> pg_backend_pid()")
        self._run_sql(f"DROP SCHEMA IF EXISTS {name} CASCADE")

    def _run_sql(self, sql: str) -> None:
        with self._admin.begin() as connection:
            connection.exec_driver_sql("SET LOCAL synchronous_commit = off")
            connection.exec_driver_sql(sql)

    def _new_name(self) -> str:
        return f"{self._run}_{next(self._numbers)}"

    def _url_of(self, name: str) -> str:
        url: URL = self._url.update_query_dict({
            "options": f"-csearch_path={name} {POSTGRES_TEST_OPTIONS}",
            "application_name": name})
        return url.render_as_string(hide_password=False)


def copies_for(postgres_url: str) -> SqliteCopies | PostgresCopies:
    """Return the copier of the run: PostgreSQL when a server URL is given, else SQLite."""
    return PostgresCopies(postgres_url) if postgres_url else SqliteCopies()
