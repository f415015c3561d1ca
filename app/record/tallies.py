"""Counts of public statements kept by database triggers, so facets never scan the record.

`statement_tally` holds one row per month and combination of the tallied facets (speaker,
country, stance, target, kind); `statement_total` one row per facet value, over the whole
record, within each single value of another facet (a speaker's countries, a country's
speakers) and within each year and month. Triggers on `statement` (app/record/triggers.py,
as migration 0006 applied them, on SQLite and PostgreSQL) add and take away as statements
are inserted, edited or deleted, so any writer — the app, a script, psql — keeps them exact.
No empty value is NULL here ('' stands for none), so the keys can be primary keys.
(No `from __future__ import annotations`: SQLModel reads the annotations at class creation.)
"""

from datetime import date

from sqlalchemy import Index, inspect
from sqlalchemy.engine import Connection
from sqlmodel import Field, Session, SQLModel, text

#: The facets the tallies count, each with its column on `statement`, which is also its
#: column in `statement_tally` (a filter of app/reading/query.py names the same column).
TALLIED: dict[str, str] = {"actor": "actor_id", "country": "country_code", "stance": "stance",
                           "target": "target_slug", "kind": "kind", "lang": "lang"}
#: Periods a total can be given, so that a date range alone is counted from a few rows a
#: year and a month rather than from every combination (given 'year', given_value '2020';
#: given 'month', given_value '2020-05-01'). `month` is also the chart's facet.
PERIODS = ("year", "month")


def _covering(lead: str) -> tuple[str, ...]:
    """Columns of a tally index led by one filter's column, holding every column."""
    return (lead, "month", *(c for c in TALLIED.values() if c != lead), "n")


#: The tally's covering indexes, one per filter but the speaker (whose column leads the key).
TALLY_INDEXES = {name: _covering(column) for name, column in TALLIED.items() if name != "actor"}


class StatementTally(SQLModel, table=True):
    """Public statements of one speaker in one month, per country, stance, target, kind and
    language."""

    __tablename__ = "statement_tally"
    # Each index holds every column, so a filter's months are counted from it alone.
    __table_args__ = (
        *(Index(f"ix_statement_tally_{name}", *columns)
          for name, columns in TALLY_INDEXES.items()),
        Index("ix_statement_tally_month", "month"),
    )

    actor_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    month: date = Field(primary_key=True)
    country_code: str = Field(primary_key=True, max_length=2)
    stance: str = Field(primary_key=True, max_length=12)
    target_slug: str = Field(primary_key=True, max_length=120)
    kind: str = Field(primary_key=True, max_length=12)
    lang: str = Field(primary_key=True, max_length=35)
    n: int = 0


class StatementTotal(SQLModel, table=True):
    """Public statements per value of one facet, over the whole record (given '') or among
    the statements with one value of another facet (given 'country', given_value 'FR')."""

    __tablename__ = "statement_total"
    __table_args__ = (Index("ix_statement_total_top", "given", "given_value", "facet", "n"),)

    given: str = Field(primary_key=True, max_length=12)
    given_value: str = Field(primary_key=True, max_length=120)
    facet: str = Field(primary_key=True, max_length=12)
    value: str = Field(primary_key=True, max_length=120)
    n: int = 0


def tallied_in(connection: Connection) -> dict[str, str]:
    """Return the tallied facets the database's `statement_tally` has a column for.

    At head that is all of TALLIED; migrations before 0006 that still call the trigger code
    see the columns of their time.
    """
    have = {c["name"] for c in inspect(connection).get_columns("statement_tally")}
    return {name: column for name, column in TALLIED.items() if column in have}


def total_pairs(tallied: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """Return the (given, facet) pairs `statement_total` counts for each statement."""
    facets = list(tallied or TALLIED)
    return ([(given, facet) for given in ("", *facets) for facet in (*facets, "month")
             if given != facet]
            + [(period, facet) for period in PERIODS for facet in facets])


def refill(session: Session) -> None:
    """Recount every tally from the statements, e.g. after a bulk load without triggers."""
    connection = session.connection()
    for statement in refill_sql(connection.dialect.name, tallied_in(connection)):
        session.execute(text(statement))


def refill_sql(dialect: str, tallied: dict[str, str]) -> list[str]:
    """Return the SQL that recounts both tables from the statements, on an engine."""
    keys = list(tallied.values())
    sql = ["DELETE FROM statement_total", "DELETE FROM statement_tally",
           f"INSERT INTO statement_tally ({', '.join(keys)}, month, n) "
           f"{tally_rows(dialect, tallied)}"]
    return sql + [f"INSERT INTO statement_total (given, given_value, facet, value, n) {rows}"
                  for rows in _total_rows(dialect, tallied, "statement_tally")]


def tally_rows(dialect: str, tallied: dict[str, str], where: str = "") -> str:
    """SELECT the tally rows of the published statements; `where` narrows them and names
    each column as the tally does."""
    keys = list(tallied.values())
    named = (lambda c: f" AS {c}") if where else (lambda c: "")
    values = [tally_value(c, c, "VARCHAR") + named(c) for c in keys]
    month = (_SQLITE_MONTH if dialect == "sqlite" else _PG_MONTH) + named("month")
    return (f"SELECT {', '.join(values)}, {month}, count(*){named('n')} "
            f"FROM statement WHERE status = 'published'{where} "
            f"GROUP BY {_numbers(len(keys) + 1)}")


def _total_rows(dialect: str, tallied: dict[str, str], table: str) -> list[str]:
    """SELECT the rows of `statement_total`, one SELECT per (given, facet), from tally rows."""
    sqlite = dialect == "sqlite"
    spelled = {name: f"CAST({column} AS VARCHAR)" for name, column in tallied.items()}
    spelled["month"] = "month" if sqlite else "to_char(month, 'YYYY-MM-DD')"
    spelled["year"] = "substr(month, 1, 4)" if sqlite else "to_char(month, 'YYYY')"
    sql = []
    for given, facet in total_pairs(tallied):
        given_value = spelled[given] if given else "''"
        and_given = f"AND {given_value} <> ''" if given else ""
        sql.append(f"SELECT '{given}', {given_value}, '{facet}', {spelled[facet]}, sum(n) "
                   f"FROM {table} WHERE {spelled[facet]} <> '' {and_given} GROUP BY 2, 4")
    return sql


def tally_value(column: str, expr: str, text_type: str) -> str:
    """Spell a statement column's value as `statement_tally` holds it: '' for none."""
    if StatementTally.__table__.c[column].type.python_type is int:  # type: ignore[attr-defined]
        return expr
    return f"coalesce(CAST({expr} AS {text_type}), '')"


def _numbers(n: int) -> str:
    return ", ".join(str(i) for i in range(1, n + 1))


_SQLITE_MONTH = "date(said_on, 'start of month')"
_PG_MONTH = "CAST(date_trunc('month', said_on) AS DATE)"
