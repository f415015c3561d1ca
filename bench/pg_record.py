"""The PostgreSQL side of `scale_pg.py`: the local server, the benchmark's database, and
the copy of the SQLite record into it.

The server is started the way `.ci/run` starts it (Debian's cluster on 127.0.0.1) when
nothing answers there. The database `onrecord_bench_N` is reused when its fingerprint
equals the SQLite file's (below); otherwise it is dropped, made anew and filled with
`onrecord copy`, then vacuumed and analysed so the planner has statistics and the
visibility map lets index-only scans skip the heap.
"""

from __future__ import annotations

import glob
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
import psycopg.errors
from serving import BIN
from sqlalchemy import create_engine, text
from sqlalchemy.exc import ProgrammingError

HOST, PORT = "127.0.0.1", int(os.environ.get("PG_PORT", "5432"))
#: The role `.ci/run` makes (password the same as the name).
ROLE = "onrecord"
#: Statements read whole for the fingerprint, spread evenly over the ids.
PROBES = 50
#: How long the server may take to answer once started, in seconds.
START_SECONDS = 30


@dataclass(frozen=True)
class Prepared:
    """The database the benchmark serves, and what it took to fill it (None: reused)."""

    url: str
    copy_seconds: float | None
    vacuum_seconds: float | None


def database_name(statements: int) -> str:
    """Return the benchmark database's name for a record of N statements, or PG_DATABASE's
    (a copy to try a migration on: onrecord migrates the database it serves)."""
    return os.environ.get("PG_DATABASE") or f"onrecord_bench_{statements}"


def url(database: str) -> str:
    """Return the SQLAlchemy URL onrecord is served with."""
    return f"postgresql+psycopg://{ROLE}:{ROLE}@{HOST}:{PORT}/{database}"


def probe_ids(count: int, last_id: int) -> list[int]:
    """Return the ids whose rows the fingerprint compares: PROBES of them, evenly spread
    from the first to the last id (all of them for a small record)."""
    if count <= 0 or last_id <= 0:
        return []
    step = max(1, last_id // PROBES)
    return sorted({*range(1, last_id + 1, step), last_id})


def fingerprint(database_url: str) -> tuple[object, ...]:
    """Return what two copies of one record share: how many statements and speakers, the
    last id, and the speaker, day, status and words of the probed statements."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as db:
            count, last = db.execute(text(
                "SELECT count(*), coalesce(max(id), 0) FROM statement")).one()
            actors = db.execute(text("SELECT count(*) FROM actor")).scalar_one()
            ids = probe_ids(count, last) or [0]
            rows = db.execute(text(
                "SELECT id, actor_id, said_on, status, text FROM statement "
                f"WHERE id IN ({', '.join(map(str, ids))}) ORDER BY id")).all()
    finally:
        engine.dispose()
    return (count, last, actors, *(tuple(str(v) for v in row) for row in rows))


def ensure_running() -> None:
    """Start Debian's PostgreSQL cluster on 127.0.0.1 unless one answers there already,
    then make the role `.ci/run` makes if it is missing."""
    if not _ready():
        _start_cluster()
    try:
        psycopg.connect(_libpq("postgres")).close()
    except psycopg.OperationalError:
        _as_postgres(["psql", "-q", "-p", str(PORT), "-v", "ON_ERROR_STOP=1", "-c",
                      f"CREATE ROLE {ROLE} LOGIN CREATEDB PASSWORD '{ROLE}'"])


def _start_cluster() -> None:
    versions = glob.glob("/usr/lib/postgresql/*/bin/postgres")
    if not versions:
        raise SystemExit("PostgreSQL is not installed: `apt-get install postgresql`, or run "
                         ".ci/run once, which installs it")
    version = max((v.split("/")[4] for v in versions), key=lambda v: [int(p) for p in
                                                                      v.split(".")])
    clusters = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True,
                              check=True).stdout
    if f"{version} main" not in {" ".join(line.split()[:2]) for line in clusters.splitlines()}:
        _as_root(["pg_createcluster", version, "main", "-p", str(PORT)])
    _as_root(["pg_ctlcluster", version, "main", "start"])
    deadline = time.monotonic() + START_SECONDS
    while not _ready():
        if time.monotonic() > deadline:
            raise SystemExit(f"PostgreSQL did not start on {HOST}:{PORT}")
        time.sleep(1)


def prepare(sqlite: Path, statements: int) -> Prepared:
    """Make sure `onrecord_bench_N` holds the SQLite file's record; copy it when not."""
    name = database_name(statements)
    target = url(name)
    if _exists(name) and _holds(target, sqlite):
        return Prepared(target, None, None)
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _create(name)
    started = time.monotonic()
    subprocess.run([str(BIN / "onrecord"), "copy", str(sqlite), target], check=True)
    copied = time.monotonic() - started
    started = time.monotonic()
    with psycopg.connect(_libpq(name), autocommit=True) as connection:
        connection.execute("VACUUM (ANALYZE)")
    return Prepared(target, copied, time.monotonic() - started)


def drop(statements: int) -> None:
    """Drop the benchmark database of N statements."""
    _admin(f'DROP DATABASE IF EXISTS "{database_name(statements)}" WITH (FORCE)')


def _holds(target: str, sqlite: Path) -> bool:
    """Whether the database holds the SQLite file's record (False when it has no schema)."""
    try:
        return fingerprint(target) == fingerprint(f"sqlite:///{sqlite}")
    except ProgrammingError:
        return False


def _exists(name: str) -> bool:
    with psycopg.connect(_libpq("postgres")) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        return found.fetchone() is not None


def _create(name: str) -> None:
    """Create the database as the role, or as postgres when the role may not (the role
    `.ci/run` makes has no CREATEDB)."""
    try:
        _admin(f'CREATE DATABASE "{name}" OWNER {ROLE}')
    except psycopg.errors.InsufficientPrivilege:
        _as_postgres(["createdb", "-p", str(PORT), "-O", ROLE, name])


def _admin(statement: str) -> None:
    with psycopg.connect(_libpq("postgres"), autocommit=True) as connection:
        connection.execute(statement.encode())


def _libpq(database: str) -> str:
    return f"host={HOST} port={PORT} user={ROLE} password={ROLE} dbname={database}"


def _ready() -> bool:
    return subprocess.run(["pg_isready", "-q", "-h", HOST, "-p", str(PORT)],
                          check=False).returncode == 0


def _as_root(command: list[str]) -> None:
    subprocess.run(([] if os.geteuid() == 0 else ["sudo"]) + command, check=True)


def _as_postgres(command: list[str]) -> None:
    _as_root(["runuser", "-u", "postgres", "--", *command])
