"""Engine and sessions: SQLite tuned for a web server, or PostgreSQL by URL."""

from __future__ import annotations

import select
import time
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Annotated, Any, TypeVar
from weakref import WeakKeyDictionary

from anyio import CancelScope
from fastapi import Depends, Request
from sqlalchemy import (
    ARRAY,
    BindParameter,
    ColumnElement,
    Executable,
    Table,
    any_,
    bindparam,
    event,
)
from sqlalchemy.engine import Connection, Engine, ExceptionContext
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.types import NullType
from sqlmodel import Session, create_engine
from starlette.concurrency import run_in_threadpool

from app.errors import Busy

_Statement = TypeVar("_Statement", bound=Executable)

#: How long a writer waits for a lock before giving up, in milliseconds (Settings.lock_wait_ms
#: for the app and the command line).
SQLITE_BUSY_TIMEOUT_MS = 15_000
#: SQLite page cache per connection, in KiB: the hot index pages of a large record. A
#: worker holds a connection per concurrent request (nine under eight concurrent readers),
#: so this multiplies; behind the OS's page cache a page missed costs one system call. (No mmap:
#: mapped pages would count in every worker's resident memory, per connection, and
#: measured no faster than the OS page cache at a million statements.) Searches and date
#: ranges read a worker's facet columns, not the table: 1 MiB holds what a page reads again.
SQLITE_CACHE_KIB = 1024


def make_engine(url: str, *, lock_wait_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> Engine:
    """Create an engine whose writers wait lock_wait_ms for a lock, then raise Busy; on
    SQLite turn on WAL and foreign keys too."""
    if not url.startswith("sqlite"):
        # No pool_pre_ping: its round trip per request is replaced by _drop_if_closed.
        engine = create_engine(url, connect_args={"prepare_threshold": _NEVER})
        event.listen(engine, "connect", partial(_postgres_lock_wait, lock_wait_ms))
        event.listen(engine, "checkout", _drop_if_closed)
        event.listen(engine, "do_execute", _prepare_when_asked)
        event.listen(engine, "before_cursor_execute", _send_time_limit)
        for ended in ("commit", "rollback", "rollback_savepoint"):
            event.listen(engine, ended, _limit_gone)
    else:
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", partial(_sqlite_pragmas, lock_wait_ms))
    event.listen(engine, "handle_error", _busy_instead)
    return engine


def _postgres_lock_wait(lock_wait_ms: int, dbapi_connection: Any, _record: Any) -> None:
    """Make a PostgreSQL writer give up waiting for a row or table lock after lock_wait_ms."""
    with dbapi_connection.cursor() as cursor:
        cursor.execute(f"SET lock_timeout = {int(lock_wait_ms)}")
    dbapi_connection.commit()


def _drop_if_closed(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """Hand out no PostgreSQL connection the server has ended (a restart, an idle timeout,
    pg_terminate_backend): the pool replaces it with a fresh one.

    A server that ends a session says so and closes the socket, while an idle session
    hears nothing from it (onrecord listens for no notifications), so a socket with
    something to read is one the server is done with. Looking costs a system call where
    pool_pre_ping cost a round trip to the server on every request. (A connection lost
    without a word, as behind a firewall that drops it, is found by its first statement
    instead: that request fails, and the pool replaces the connection.)
    """
    pgconn = dbapi_connection.pgconn
    if pgconn.status != _PG_CONNECTION_OK or _has_word(pgconn.socket):
        raise DisconnectionError("PostgreSQL ended the connection")


def _has_word(socket: int) -> bool:
    waiting = select.poll()
    waiting.register(socket, select.POLLIN)
    return bool(waiting.poll(0))


#: libpq's status of a usable connection (psycopg.pq.ConnStatus.OK).
_PG_CONNECTION_OK = 0

#: Runs of one statement on a connection after which psycopg would prepare it, never
#: reached: only the statements plan_once marks are prepared (None would refuse them too).
_NEVER = 2**62
#: The execution option that asks PostgreSQL to keep a statement's plan (plan_once).
_PREPARED = "onrecord_prepared"


def plan_once(stmt: _Statement) -> _Statement:
    """Ask PostgreSQL to prepare the statement on each connection and keep its plan, for a
    statement run on most pages whose plan costs more than running it and does not depend
    on the values bound (SQLite keeps none; it plans in microseconds).

    After five runs PostgreSQL keeps a generic plan, made without the values, when it
    estimates it no worse than the plans made for them: only for statements whose best plan
    is the same whatever the values (a speaker named by a subquery, a page of the timeline
    without a text search), or the plan kept could be wrong for another value. What its
    estimate depends on is written into the SQL (`written`). (Not plan_cache_mode
    force_generic_plan: it holds for every statement with parameters, unprepared ones
    too, and a search planned without its words read a word in 40 % of the record in
    27 ms instead of 3.)
    """
    return stmt.execution_options(**{_PREPARED: True})


def written(value: Any, type_: Any = None) -> BindParameter[Any]:
    """Return a value (or a list of values, for IN) to write into the SQL rather than bind,
    for a statement plan_once marks whose plan's estimate depends on it.

    A plan made without the values guesses what they keep: a tenth of the rows for a
    LIMIT, a third for a status of three, 0.5 % for statuses in a list. Weighed against
    plans made for the values, the plan kept looked dearer than it is, and PostgreSQL
    planned a page of the newest statements again on every run (0.45 ms of a 0.65 ms
    statement). Each value written makes a statement of its own, prepared once per
    connection: write only values that take a few forms (a page's size, a status).
    """
    many = isinstance(value, list | tuple)
    return bindparam(None, list(value) if many else value, type_=type_, expanding=many,
                     literal_execute=True)


class _Among(ColumnElement[bool]):
    """`column IN (values)`, spelled per engine (see among)."""

    # Not Boolean: SQLite would compare the IN (...) with 1 and lose the index.
    type: Any = NullType()
    inherit_cache = True
    _traverse_internals = [  # noqa: RUF012 (SQLAlchemy's own list, read as the cache key)
        ("column", InternalTraversal.dp_clauseelement),
        ("listed", InternalTraversal.dp_clauseelement),
        ("array", InternalTraversal.dp_clauseelement)]

    def __init__(self, column: ColumnElement[Any], values: list[Any]) -> None:
        self.column = column
        self.listed = bindparam(None, values, type_=column.type, expanding=True)
        self.array = bindparam(None, values, type_=ARRAY(column.type))


def among(column: Any, values: Iterable[Any]) -> ColumnElement[bool]:
    """Return `column IN (values)` for a list whose length varies (a page of ids picked in
    memory): one array bound on PostgreSQL, `= ANY(...)`, so that one statement serves
    every length, is planned once, and is planned for a few rows. Bound as fifty values
    its plan read all 5,000 speakers into a hash to join fifty statements (0.7 ms of a
    2 ms page). SQLite takes the list as it is."""
    return _Among(column, list(values))


@compiles(_Among, "postgresql")
def _among_array(element: _Among, compiler: SQLCompiler, **kw: Any) -> str:
    return str(compiler.process(element.column == any_(element.array), **kw))


@compiles(_Among)
def _among_listed(element: _Among, compiler: SQLCompiler, **kw: Any) -> str:
    return str(compiler.process(element.column.in_(element.listed), **kw))


def _prepare_when_asked(cursor: Any, statement: str, parameters: Any, context: Any) -> bool:
    """Run a statement marked by plan_once as a prepared statement (psycopg's own)."""
    if not context.execution_options.get(_PREPARED):
        return False
    cursor.execute(statement, parameters, prepare=True)
    return True


def _sqlite_pragmas(lock_wait_ms: int, dbapi_connection: Any, _record: Any) -> None:
    """Make every SQLite connection durable, safe for concurrent readers, with room to cache."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {int(lock_wait_ms)}")
    cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "memory":
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


#: SQLite's primary result codes for a lock held elsewhere, and for a query interrupted.
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_INTERRUPT = 5, 6, 9
#: PostgreSQL's codes for lock_timeout (and a deadlock) and for statement_timeout.
_PG_LOCKED, _PG_CANCELED = {"55P03", "40P01"}, "57014"
#: Where time_limit notes its limit on the connection, for the message.
_LIMIT_KEY = "onrecord.time_limit"
LOCKED_MESSAGE = "another change is being written to the record; try again in a moment"


def _busy_instead(context: ExceptionContext) -> None:
    """Raise Busy for a lock that could not be had in time or a query over its time limit:
    the one place that turns these database errors into a 503 rather than a 500."""
    error = context.original_exception
    sqlite_code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    sqlstate = getattr(error, "sqlstate", None)
    if sqlite_code in (_SQLITE_BUSY, _SQLITE_LOCKED) or sqlstate in _PG_LOCKED:
        raise Busy(LOCKED_MESSAGE) from error
    if sqlite_code == _SQLITE_INTERRUPT or sqlstate == _PG_CANCELED:
        info = context.connection.info if context.connection is not None else {}
        limit = info.get(_LIMIT_KEY)
        within = f" within {limit:g} s" if limit else " in time"
        raise Busy(f"the query could not be answered{within}; narrow it, or try again "
                   "when the record is less busy", retry_after=5) from error


@contextmanager
def time_limit(session: Session, seconds: float) -> Iterator[None]:
    """Stop the queries run inside once they take over `seconds` (in all on SQLite, each on
    PostgreSQL), raising Busy with a clear message."""
    connection = session.connection()
    connection.info[_LIMIT_KEY] = seconds
    try:
        if connection.dialect.name == "postgresql":
            with _statement_timeout(connection, seconds):
                yield
        else:
            with _progress_deadline(connection.connection.dbapi_connection, seconds):
                yield
    finally:
        connection.info.pop(_LIMIT_KEY, None)


#: SQLite virtual machine steps between two looks at the clock: about a millisecond's work.
_STEPS_PER_CHECK = 10_000


@contextmanager
def _progress_deadline(dbapi_connection: Any, seconds: float) -> Iterator[None]:
    deadline = time.monotonic() + seconds
    dbapi_connection.set_progress_handler(lambda: time.monotonic() > deadline, _STEPS_PER_CHECK)
    try:
        yield
    finally:
        dbapi_connection.set_progress_handler(None, 0)


#: The limit of the time_limit block being run on a PostgreSQL connection (milliseconds).
_WANTED_LIMIT_KEY = "onrecord.time_limit_wanted"
#: The limit the server holds for the connection's transaction (SET LOCAL: until it ends).
_SET_LIMIT_KEY = "onrecord.time_limit_set"


@contextmanager
def _statement_timeout(connection: Any, seconds: float) -> Iterator[None]:
    """Limit each statement of the block. The server is told only before a statement that
    runs under another limit than the one it holds: a block often asks nothing of the
    database (a search's page and counts drawn from what a worker kept), the next block of
    a page wants the same limit, and the transaction's end takes the limit away (each SET
    is a round trip: a fresh search's page sent four, now two)."""
    connection.info[_WANTED_LIMIT_KEY] = max(1, int(seconds * 1000))
    try:
        yield
    finally:
        connection.info.pop(_WANTED_LIMIT_KEY, None)


#: Statements that only mark or end a savepoint: no limit is told before them (one told
#: before a rollback to a savepoint would be taken back by it).
_SAVEPOINT_STATEMENTS = ("SAVEPOINT", "ROLLBACK TO SAVEPOINT", "RELEASE SAVEPOINT")


def _send_time_limit(connection: Connection, cursor: Any, statement: str, *_: Any) -> None:
    """Before a statement, tell the server the limit it runs under if the server holds
    another: the block's, or none outside one (on the driver's own connection: the cursor
    may be a server-side one, which runs only queries)."""
    if statement.startswith(_SAVEPOINT_STATEMENTS):
        return
    wanted = connection.info.get(_WANTED_LIMIT_KEY)
    if wanted != connection.info.get(_SET_LIMIT_KEY) and connection.in_transaction():
        cursor.connection.execute(f"SET LOCAL statement_timeout = {wanted or 'DEFAULT'}")
        connection.info[_SET_LIMIT_KEY] = wanted


def _limit_gone(connection: Connection, *_: Any) -> None:
    """Forget the limit the server held: the transaction (or the savepoint, which may have
    set it) has ended, and SET LOCAL with it."""
    connection.info.pop(_SET_LIMIT_KEY, None)


#: SQLite page cache while one transaction writes a bulk of rows, in KiB: the indexes being
#: filled stay in memory instead of spilling to the log mid-transaction.
BULK_CACHE_KIB = 96 * 1024


@contextmanager
def roomy_cache(session: Session) -> Iterator[None]:
    """Give SQLite room to keep the indexes a bulk write fills in memory for the block (a
    no-op on PostgreSQL), then the usual cache again."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    driver: Any = connection.connection.dbapi_connection
    driver.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")


def begin_write(session: Session) -> None:
    """Start the session's transaction as a writer now, waiting lock_wait for the lock: on
    SQLite the lock is taken up front (BEGIN IMMEDIATE), so that what follows, schema
    changes included, is one transaction; PostgreSQL takes its locks as it goes."""
    connection = session.connection()
    if connection.dialect.name == "sqlite" \
            and not connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
        connection.exec_driver_sql("BEGIN IMMEDIATE")


@contextmanager
def side_write(bind: Engine | Connection, *, wait_ms: int) -> Iterator[Connection]:
    """Yield a connection of its own for a small write beside a request's transaction, that
    waits at most wait_ms for a lock (then Busy) and commits when the block ends."""
    with bind.engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            # A write, even beside a request that only reads (whose engine is reading()'s).
            connection.execution_options(isolation_level="READ COMMITTED",
                                         postgresql_readonly=False)
            connection.exec_driver_sql(f"SET LOCAL lock_timeout = {int(wait_ms)}")
            yield connection
            connection.commit()
            return
        kept = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {int(wait_ms)}")
        try:
            yield connection
            connection.commit()
        finally:
            connection.rollback()
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {int(kept or 0)}")


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


def reserve_ids(session: Session, table: str, count: int) -> range:
    """Return ids for `count` new rows of a table, numbered in a row; call it holding the
    write lock on the table (SQLite: after the biggest id; PostgreSQL: a block taken from
    the table's sequence, which no other writer can draw from meanwhile)."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        last = connection.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table}").scalar()
        return range(int(last or 0) + 1, int(last or 0) + 1 + count)
    if count == 0:
        return range(0)
    first = connection.exec_driver_sql(
        f"SELECT nextval(pg_get_serial_sequence('{table}', 'id'))").scalar()
    connection.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                               f"{int(first or 0) + count - 1})")
    return range(int(first or 0), int(first or 0) + count)


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


async def get_session(request: Request) -> AsyncIterator[Session]:
    """Yield a session bound to the app's engine for one request.

    Made on the event loop: a session connects only when first used, on the route's thread.
    Ended on a thread of the pool, since ending it may ask the database, and shielded, so
    that a request cancelled midway still hands its connection back. On PostgreSQL a read
    (GET, HEAD) runs in a read-only transaction, which ends, when the read went well, in a
    COMMIT: that keeps the connection's prepared statements, which a ROLLBACK drops all.
    On SQLite a read ends on the loop itself: it only lets go of its snapshot, in memory,
    never waiting, and the hand-over to a thread cost a JSON page a twentieth of its time.
    """
    engine = request.app.state.engine
    reads = request.method in _READ_METHODS
    view = reading(engine) if reads else None
    session = Session(view or engine)
    end = session.close
    try:
        yield session
        if view is not None:
            end = session.commit
    finally:
        if reads and view is None and engine.dialect.name == "sqlite":
            _end(session, end)
        else:
            with CancelScope(shield=True):
                await run_in_threadpool(_end, session, end)


def _end(session: Session, end: Callable[[], None]) -> None:
    try:
        end()
    finally:
        session.close()


#: The methods that only read (HTTP's safe methods that onrecord answers).
_READ_METHODS = frozenset({"GET", "HEAD"})
#: How a request that only reads reads PostgreSQL: every statement from one snapshot
#: (under READ COMMITTED each statement takes its own, so a page's counts and its list
#: could disagree while a write lands), in a transaction that can write nothing, so that
#: ending it with a COMMIT is as harmless as a ROLLBACK. Sent with the BEGIN: no round trip
#: of its own.
_READING_OPTIONS = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
#: Each engine's reading view, made on first use (after the app set its own options).
_reading_views: WeakKeyDictionary[Engine, Engine] = WeakKeyDictionary()


def read_alone(session: Session) -> None:
    """Let a request that reads with one statement read outside a transaction on
    PostgreSQL; call it before the session's first statement, from a route that knows all
    the request will ask (a no-op once the session has asked anything, and on SQLite).

    One statement reads one snapshot by itself, so nothing is lost; what is spared is the
    BEGIN before it, a round trip of its own (psycopg waits for its answer), and the COMMIT
    after: a tenth of a speaker's JSON page on a million statements, in process, which
    SQLite pays none of. A request that goes on to ask more reads each further statement
    from a snapshot of its own: only the route can know it will not.
    """
    if session.get_bind().dialect.name == "postgresql" and not session.in_transaction():
        session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})


def reading(engine: Engine) -> Engine | None:
    """Return the engine a request that only reads uses on PostgreSQL: a view of the engine
    (the same pool) whose transactions read one snapshot and write nothing; None on SQLite,
    whose reads are left as they are."""
    if engine.dialect.name != "postgresql":
        return None
    view = _reading_views.get(engine)
    if view is None:
        view = _reading_views[engine] = engine.execution_options(**_READING_OPTIONS)
    return view


SessionDep = Annotated[Session, Depends(get_session)]
