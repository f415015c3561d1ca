"""The write lock an edit holds from the moment it reads the record it changes.

An edit reads a record, changes it and keeps a revision of "before" and "after". If
another writer commits between the read and the write, "before" is not what the record
was, and the snapshot keeps stale values of fields this edit did not touch. So an edit
first takes the lock, then reads: on SQLite the database's one write lock (BEGIN
IMMEDIATE), on PostgreSQL the row itself (SELECT ... FOR UPDATE); either is held until
the transaction commits or rolls back, and the revision number is counted under it.
"""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from app.errors import Busy
from app.record.models import Actor, Source, Statement

R = TypeVar("R", Statement, Actor, Source)


def begin_write(session: Session) -> None:
    """Start the session's write transaction now, so reads that follow see the record as
    no other writer can change it until commit; raise Busy when the lock stays taken."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return  # PostgreSQL locks the rows an edit reads, in locked()
    driver = connection.connection.dbapi_connection
    if driver is None or driver.in_transaction:
        return  # this transaction has written already, so it holds the lock
    try:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    except OperationalError as error:
        if "locked" not in str(error) and "busy" not in str(error):
            raise
        raise Busy("another edit is being saved; try again in a moment") from error


def locked(session: Session, model: type[R], record_id: int) -> R | None:
    """Return a record read fresh under the write lock (and its row locked), or None."""
    begin_write(session)
    session.flush()  # changes this session made before the edit began are kept
    # Whatever this session read before the lock may be stale: read it all again.
    session.expire_all()
    return session.get(model, record_id, with_for_update=True, populate_existing=True)
