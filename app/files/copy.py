"""Copy a whole record from one database into an empty one: SQLite into PostgreSQL, say.

Both are first brought to the newest schema; every table the models know is copied in
foreign-key order, in batches, in one transaction on the target. Search and counts are
rebuilt once at the end rather than by a trigger call per row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Table, func, insert, select
from sqlalchemy.engine import Connection
from sqlmodel import Session, SQLModel

from app.errors import TargetNotEmpty
from app.files.progress import Progress, adding
from app.record.db import make_engine, restart_id_sequences
from app.record.migrate import upgrade
from app.record.tallies import StatementTally, StatementTotal
from app.record.triggers import bulk_load

#: Rows read and written per batch; bounds memory whatever the size of the record.
BATCH = 5000
#: Tables that are counts of others, recounted on the target rather than copied.
_RECOUNTED = {str(StatementTally.__tablename__), str(StatementTotal.__tablename__)}




@dataclass(frozen=True)
class Copied:
    """How many rows of each table were copied."""

    rows: dict[str, int]


def copy_database(source_url: str, target_url: str,
                  progress: Progress | None = None) -> Copied:
    """Copy every row of the source into the empty target, or raise TargetNotEmpty."""
    upgrade(source_url)
    upgrade(target_url)
    source, target = make_engine(source_url), make_engine(target_url)
    tables = [t for t in SQLModel.metadata.sorted_tables if t.name not in _RECOUNTED]
    rows: dict[str, int] = {}
    try:
        with source.connect() as reading, Session(target) as session:
            _check_empty(session)
            for table in reversed(tables):  # e.g. the countries every migrated database has
                session.execute(table.delete())
            total = sum(reading.execute(select(func.count()).select_from(t)).scalar_one()
                        for t in tables)
            advance = adding(progress, "copying", total)
            with bulk_load(session):
                for table in tables:
                    rows[table.name] = _copy_table(reading, session, table, advance)
            restart_id_sequences(session, tables)
            session.commit()
    finally:
        source.dispose()
        target.dispose()
    return Copied(rows)


def _check_empty(session: Session) -> None:
    statements = SQLModel.metadata.tables["statement"]
    if session.execute(select(func.count()).select_from(statements)).scalar_one():
        raise TargetNotEmpty("the target database already holds statements")


def _copy_table(reading: Connection, session: Session, table: Table,
                advance: Callable[[int], None]) -> int:
    """Stream one table across in batches; return how many rows it held."""
    result = reading.execution_options(yield_per=BATCH).execute(
        select(table).order_by(*table.primary_key.columns))
    count = 0
    for batch in result.partitions():
        session.execute(insert(table), [dict(row._mapping) for row in batch])
        count += len(batch)
        advance(len(batch))
    return count
