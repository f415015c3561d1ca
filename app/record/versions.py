"""The record's version: a token that changes whenever any statement does.

A worker may keep what it read about statements (a search's matches, their counts) under
the version it read them at, and reuse it while the version stands: the token lives in the
database, so every worker and every server sees a write at once, and nothing another
process would need stays in one process.

The token is random, not a counter, so two databases (a backup restored over the record,
a test's fresh one) never share a version unless they hold the same statements. Triggers
on `statement` (migration 0004, app/triggers.py) draw a new token on every insert, update
and delete, whoever writes; a bulk load that sets the triggers aside draws one at its end.
(No `from __future__ import annotations`: SQLModel reads the annotations at class creation.)
"""

from sqlalchemy import BigInteger, Column
from sqlmodel import Field, Session, SQLModel, select, text


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


def current(session: Session) -> int:
    """Read the record's version in the session's transaction.

    Read it before what is kept under it: what a worker then reads is at least as new as
    the version it files it under, never older.
    """
    return session.exec(select(StatementVersion.token)).one()
