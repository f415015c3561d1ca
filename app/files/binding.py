"""A new statement's columns as the database driver takes them, for an import's bulk insert.

A million rows pass through here, so a row's values are taken from its dict in column order
at once (operator.itemgetter) and only the columns SQLAlchemy would process are touched:
the day, spelled as ISO text (what a spool keeps and both drivers take), and the enums,
whose few values are processed once each and remembered. Everything else (text, numbers,
None) goes as it is, as SQLAlchemy would send it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from operator import itemgetter
from typing import Any

from sqlalchemy.engine import Connection, Dialect

from app.record.models import Statement

#: Columns every row of a batch shares a value of: turned into the driver's value once.
STAMPS = ("created_at", "updated_at")


class Binder:
    """Turns staged rows into the driver's values, column by column as SQLAlchemy would,
    days and times spelled as text."""

    def __init__(self, dialect: Dialect) -> None:
        mark = "?" if dialect.paramstyle == "qmark" else "%s"
        self.columns = [c for c in Statement.__table__.columns if c.name != "id"]  # type: ignore[attr-defined]
        self.at = {c.name: n for n, c in enumerate(self.columns)}
        processors = [c.type.bind_processor(dialect) for c in self.columns]
        self._stamp = _spelled(processors[self.at[STAMPS[0]]])
        self._values = itemgetter(*(c.name for c in self.columns))
        #: (place, how) for each column whose value the driver cannot take as it is.
        self._converting = [(n, _converter(c.type.python_type, process))
                            for n, (c, process) in enumerate(zip(self.columns, processors,
                                                                 strict=True))
                            if c.name not in STAMPS and _converts(c.type.python_type, process)]
        names = ", ".join(c.name for c in self.columns)
        self.statement_sql = (f"INSERT INTO statement (id, {names}) "
                              f"VALUES ({', '.join([mark] * (len(self.columns) + 1))})")
        self.copy_sql = f"COPY statement (id, {names}) FROM STDIN"

    def insert(self, connection: Connection, rows: list[tuple[Any, ...]]) -> None:
        """Insert rows of values: executemany on SQLite, COPY on PostgreSQL (the values
        are text, numbers and None, which both take as they are)."""
        if connection.dialect.name != "postgresql":
            connection.exec_driver_sql(self.statement_sql, rows)
            return
        driver: Any = connection.connection.dbapi_connection
        with driver.cursor() as cursor, cursor.copy(self.copy_sql) as copy:
            for row in rows:
                copy.write_row(row)

    def bind(self, row: dict[str, Any]) -> list[Any]:
        """Return a row's values in column order, as the driver takes them (the row's
        stamps already so)."""
        values = list(self._values(row))
        for at, convert in self._converting:
            values[at] = convert(values[at])
        return values

    def stamp(self, now: datetime) -> Any:
        """Return the driver's value of a batch's created_at and updated_at."""
        return self._stamp(now)


def _converts(python_type: type, process: Callable[[Any], Any] | None) -> bool:
    return process is not None or issubclass(python_type, date)


def _converter(python_type: type, process: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    """Return how one column's values become the driver's: an enum's few values remembered
    once processed, anything else processed and spelled each time."""
    spell = _spelled(process)
    if not issubclass(python_type, Enum):
        return spell
    return _Remembered(spell).__getitem__


class _Remembered(dict[Any, Any]):
    """The values of a column with few of them, each processed the first time it is met."""

    def __init__(self, process: Callable[[Any], Any]) -> None:
        super().__init__()
        self._process = process

    def __missing__(self, value: Any) -> Any:
        self[value] = processed = self._process(value)
        return processed


def _spelled(process: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    """Return a column's bind processor that spells a day or a time as ISO text."""
    def spell(value: Any) -> Any:
        value = value if process is None else process(value)
        return value.isoformat() if isinstance(value, date) else value
    return spell
