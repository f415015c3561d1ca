"""A bulk insert as large as its table: the table's indexes set aside, then built again.

Adding a row to an index costs a search of it, one row at a time, for every index of the
table (eight on `statement`); building an index sorts the table once. When a write adds at
least as many rows as the table already holds (a first big import, a record loaded from a
file), building each index again once the rows are in is several times cheaper than adding
every row to each: at a million rows into a record of 20,000, about 12 s against 30. Below
that the indexes are kept, and grow as usual. The same holds for the tallies an import adds
to (app/record/added_counts.py): a million new statements add some 900,000 rows to
`statement_tally`, each into its six covering indexes, and some 2,500,000 to
`statement_total` (measured, replayed twice each way: 19–21 s of CPU for the counts with
their indexes built again, against 23–28 s adding to them; the import's peak memory up to
some 36 MB higher, SQLite's sorter holding a covering index's keys while it builds it).

SQLite only, and inside the caller's write transaction: its DDL is transactional, and each
index's own CREATE statement, kept in `sqlite_master`, is run again as it stands, so the
index comes back exactly as the migrations made it; a failure rolls back to the indexes as
they were. (PostgreSQL's COPY path keeps its indexes.)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlmodel import Session


@contextmanager
def rebuilt_indexes(session: Session, table: str, adding: int) -> Iterator[None]:
    """Drop a table's indexes for the block and create them again after it, when `adding`
    rows are at least as many as the table may hold (SQLite; else a no-op)."""
    connection = session.connection()
    if connection.dialect.name != "sqlite" or adding < _rows_at_most(session, table):
        yield
        return
    indexes = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL ORDER BY name", (table,)).all()  # not a key's own index
    for name, _ in indexes:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _, create in indexes:
        connection.exec_driver_sql(create)


def _rows_at_most(session: Session, table: str) -> int:
    """How many rows the table may hold, at most, read from its key alone (the highest
    rowid: the id of `statement`, a hidden one of the tallies)."""
    highest = session.connection().exec_driver_sql(f"SELECT max(rowid) FROM {table}").scalar()
    return int(highest or 0)
