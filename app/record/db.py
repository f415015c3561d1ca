"""Engine and sessions: SQLite tuned for a web server, or PostgreSQL by URL."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from sqlalchemy import Executable, Table, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, create_engine

#: How long a SQLite writer waits for a lock before giving up, in milliseconds.
SQLITE_BUSY_TIMEOUT_MS = 5000
#: SQLite page cache per connection, in KiB: the hot index pages of a large record. A
#: worker holds a connection per concurrent request, so this multiplies; keep it modest.
#: (No mmap: mapped pages would count in every worker's resident memory, per connection,
#: and measured no faster than the OS page cache at a million statements.)
SQLITE_CACHE_KIB = 8 * 1024


def make_engine(url: str) -> Engine:
    """Create an engine; on SQLite turn on WAL, foreign keys and a busy timeout."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Make every SQLite connection durable, safe for concurrent readers, with room to cache."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "memory":
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def restart_id_sequences(session: Session, tables: Iterable[Table]) -> None:
    """Set PostgreSQL's id sequences past ids a bulk load wrote itself, so that new rows get
    fresh ones (SQLite needs nothing: it numbers from the biggest id)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in tables:
        column: Any = table.columns.get("id")
        if column is None or not column.primary_key or column.autoincrement is False:
            continue
        session.connection().exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
            f"coalesce(max(id), 1), max(id) IS NOT NULL) FROM {table.name}")


def plain_rows(session: Session, stmt: Executable) -> list[tuple[Any, ...]]:
    """Run a query whose columns need no conversion and return the driver's own tuples.

    For the thousands of rows counting reads: building SQLAlchemy Row objects would cost
    a third as much again as reading them.
    """
    result = session.connection().execute(stmt)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


_MEMO = "onrecord.memo"
T = TypeVar("T")


def per_transaction(session: Session, key: Hashable, compute: Callable[[], T]) -> T:
    """Return compute(), worked out once per transaction of the session.

    A flush (this session wrote) or the end of the transaction forgets it, so what is
    kept never outlives the reads it came from.
    """
    kept: dict[Hashable, Any] = session.info.setdefault(_MEMO, {})
    if key not in kept:
        kept[key] = compute()
    found: T = kept[key]
    return found


@event.listens_for(OrmSession, "after_flush")
@event.listens_for(OrmSession, "after_transaction_end")
def _forget(session: OrmSession, *_: Any) -> None:
    session.info.pop(_MEMO, None)


def get_session(request: Request) -> Iterator[Session]:
    """Yield a session bound to the app's engine for one request."""
    with Session(request.app.state.engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
