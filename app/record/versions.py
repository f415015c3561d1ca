"""The record's version: a token that changes whenever any statement does.

A worker may keep what it read about statements (a search's matches, their counts) under
the version it read them at, and reuse it while the version stands: the token lives in the
database, so every worker and every server sees a write at once, and nothing another
process would need stays in one process.

The token is random, not a counter, so two databases (a backup restored over the record,
a test's fresh one) never share a version unless they hold the same statements. Triggers
on `statement` (migration 0004, app/triggers.py) draw a new token on every insert, update
and delete, whoever writes; a bulk load that sets the triggers aside draws one at its end.
What a worker keeps lives in its app (`keep_on`, called by create_app), in `Kept` stores
bounded by weight, never in module globals.
(No `from __future__ import annotations`: SQLModel reads the annotations at class creation.)
"""

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from sqlalchemy import BigInteger, Column, event
from sqlalchemy.engine import Engine
from sqlmodel import Field, Session, SQLModel, select, text

K = TypeVar("K")
V = TypeVar("V")


class StatementVersion(SQLModel, table=True):
    """The one row that holds the record's version."""

    __tablename__ = "statement_version"

    id: int = Field(default=1, primary_key=True, sa_column_kwargs={"autoincrement": False})
    token: int = Field(sa_column=Column(BigInteger, nullable=False))


#: A new random token, in each engine's SQL (SQLite's random() is already 64-bit).
SQLITE_NEW_TOKEN = "random()"
PG_NEW_TOKEN = "CAST(floor(random() * 9007199254740991) AS bigint)"


def new_token_sql(dialect: str) -> str:
    """Return the SQL expression of a fresh token on an engine ('sqlite' or 'postgresql')."""
    return SQLITE_NEW_TOKEN if dialect == "sqlite" else PG_NEW_TOKEN


def bump(session: Session) -> None:
    """Give the record a new version, after statements changed without the triggers."""
    token = new_token_sql(session.get_bind().dialect.name)
    session.execute(text(f"UPDATE statement_version SET token = {token}"))
    _forget(session)


def current(session: Session) -> int:
    """Read the record's version in the session's transaction.

    Read it before what is kept under it: what a worker then reads is at least as new as
    the version it files it under, never older. A page asks several times (its counts,
    its search, what is remembered): the session reads it once (read_once).
    """
    return int(read_once(session, "version",
                         lambda: session.exec(select(StatementVersion.token)).one()))


#: The record's version as a column of another query (a scalar subquery, run once per
#: query): a page's first query reads it too, and `seen` spares the page a round trip.
TOKEN_NOW = select(StatementVersion.token).scalar_subquery().label("version_token")


def seen(session: Session, token: int | None) -> None:
    """Note the version read by a query's TOKEN_NOW column, unless the session has read it
    already: what the session reads after is at least as new, as `current` requires."""
    if token is not None:
        read_once(session, "version", lambda: int(token))


#: Where a session holds what it read once, until it writes or its transaction ends.
_READ = "onrecord.read_once"


def read_once(session: Session, key: Any, compute: Callable[[], V]) -> V:
    """Return compute(), read once in the session's transaction and again after the session
    writes (a flush) or its transaction ends: for what a page asks of the database several
    times (the version, a speaker's id by slug). On PostgreSQL each asking is a round trip."""
    memo: dict[Any, Any] = session.info.setdefault(_READ, {})
    if key not in memo:
        memo[key] = compute()
    found: V = memo[key]
    return found


@event.listens_for(Session, "after_flush")
@event.listens_for(Session, "after_transaction_end")
def _forget(session: Session, *_: Any) -> None:
    session.info.pop(_READ, None)


#: Longest a request waits for another one reading the value it wants (Kept.get_or_read)
#: before reading it itself: as long as a search may read (search.SEARCH_SECONDS).
READ_WAIT_SECONDS = 5.0


class _Reading(Generic[V]):
    """A value being read by one request, which those asking for it meanwhile wait for."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.value: tuple[V] | None = None


class Kept(Generic[K, V]):
    """The most recently used values, up to a total weight; safe across request threads."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._items: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._weight = 0
        self._lock = threading.Lock()
        self._reading: dict[K, _Reading[V]] = {}

    def get(self, key: K) -> tuple[V] | None:
        """Return (value,) if kept, else None (a kept value may itself be None)."""
        with self._lock:
            return self._get(key)

    def _get(self, key: K) -> tuple[V] | None:
        found = self._items.get(key)
        if found is None:
            return None
        self._items.move_to_end(key)
        return (found[0],)

    def get_or_read(self, key: K, read: Callable[[], V],
                    weigh: Callable[[V], int] = lambda _: 1) -> V:
        """Return the kept value, or read() it and keep it (weighing weigh(value)).

        Read once for all who ask at the same time: after a write every kept value is of
        an old version, and the requests of a popular view would all read it again at once
        (a phrase takes PostgreSQL 0.3–0.5 s to find at a million statements; read by all of
        eight clients at once, its page served 28–32 a second, read once 93). They wait
        for the first one instead, and take what it read even when it is too heavy to
        keep; if it fails, or takes over READ_WAIT_SECONDS, each reads for itself.
        """
        with self._lock:
            found = self._get(key)
            if found is not None:
                return found[0]
            reading = self._reading.get(key)
            first = reading is None
            if reading is None:
                reading = self._reading[key] = _Reading()
        if not first:
            if reading.done.wait(READ_WAIT_SECONDS) and reading.value is not None:
                return reading.value[0]
            return self._read(key, read, weigh)
        try:
            value = self._read(key, read, weigh)
            reading.value = (value,)
            return value
        finally:
            with self._lock:
                del self._reading[key]
            reading.done.set()

    def _read(self, key: K, read: Callable[[], V], weigh: Callable[[V], int]) -> V:
        value = read()
        self.put(key, value, weigh(value))
        return value

    def put(self, key: K, value: V, weight: int = 1) -> None:
        """Keep a value, forgetting the least recently used ones to make room."""
        if weight > self.capacity:
            return
        with self._lock:
            old = self._items.pop(key, None)
            self._weight += weight - (old[1] if old else 0)
            self._items[key] = (value, weight)
            while self._weight > self.capacity:
                _, (_, dropped) = self._items.popitem(last=False)
                self._weight -= dropped

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._weight = 0


#: The engine execution option under which an app's engine carries what the app keeps.
_KEPT_OPTION = "onrecord_kept"


def keep_on(engine: Engine) -> dict[str, Any]:
    """Give an app's engine a place for what the app keeps between requests, and return it.

    create_app calls this once and holds the result in `app.state.kept`; every session on
    that engine (a request's, a test's) then finds it, and two apps never share it.
    """
    kept: dict[str, Any] = {}
    engine.update_execution_options(**{_KEPT_OPTION: kept})
    return kept


#: Most values `remembered` keeps per app (a few per page kind; they are small).
MAX_REMEMBERED = 256


def remembered(session: Session, name: Any, compute: Callable[[], V]) -> V:
    """Return compute(), kept by the session's app while the record's version stands: for
    what every page asks of the whole record, read once per change rather than per request."""
    kept = kept_for(session)
    if kept is None:
        return compute()
    store: Kept[tuple[Any, int], V] = kept.setdefault("remembered", Kept(MAX_REMEMBERED))
    return store.get_or_read((name, current(session)), compute)


def kept_for(session: Session) -> dict[str, Any] | None:
    """Return what the app of the session's engine keeps, or None outside an app (CLI)."""
    found: dict[str, Any] | None = session.get_bind().get_execution_options().get(_KEPT_OPTION)
    return found
