"""Counts of public statements kept by database triggers, so facets never scan the record.

`statement_tally` holds one row per month and combination of speaker, country, stance and
target; `statement_total` one row per facet value, over the whole record, within each
single value of another facet (a speaker's countries, a country's speakers) and within
each year and month. Triggers on `statement` (migration 0002, periods since 0005, on
SQLite and PostgreSQL) add and take away as statements are inserted, edited or deleted,
so any writer — the app, a script, psql — keeps them exact.
No empty value is NULL here ('' stands for none), so the keys can be primary keys.
(No `from __future__ import annotations`: SQLModel reads the annotations at class creation.)
"""

from datetime import date

from sqlalchemy import Index
from sqlmodel import Field, Session, SQLModel, text

#: The facets counted; `month` is the chart's.
FACETS = ("actor", "country", "stance", "target", "month")
#: The facets a total can be given (narrowed to one value of).
GIVENS = ("actor", "country", "stance", "target")
#: Periods a total can be given, so that a date range alone is counted from a few rows a
#: year and a month rather than from every combination (given 'year', given_value '2020';
#: given 'month', given_value '2020-05-01').
PERIODS = ("year", "month")


#: The columns of the tally's covering indexes, led by the filter each serves.
TALLY_INDEXES = {
    "country": ("country_code", "month", "actor_id", "stance", "target_slug", "n"),
    "stance": ("stance", "month", "actor_id", "country_code", "target_slug", "n"),
    "target": ("target_slug", "month", "actor_id", "country_code", "stance", "n"),
}


class StatementTally(SQLModel, table=True):
    """Public statements of one speaker in one month, per country, stance and target."""

    __tablename__ = "statement_tally"
    # Each index holds every column, so a filter's months are counted from it alone.
    __table_args__ = (
        Index("ix_statement_tally_country", *TALLY_INDEXES["country"]),
        Index("ix_statement_tally_stance", *TALLY_INDEXES["stance"]),
        Index("ix_statement_tally_target", *TALLY_INDEXES["target"]),
        Index("ix_statement_tally_month", "month"),
    )

    actor_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    month: date = Field(primary_key=True)
    country_code: str = Field(primary_key=True, max_length=2)
    stance: str = Field(primary_key=True, max_length=12)
    target_slug: str = Field(primary_key=True, max_length=120)
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


def total_pairs() -> list[tuple[str, str]]:
    """Return the (given, facet) pairs `statement_total` counts: 29 rows per statement."""
    return ([(given, facet) for given in ("", *GIVENS) for facet in FACETS if given != facet]
            + [(period, facet) for period in PERIODS for facet in GIVENS])


def refill(session: Session) -> None:
    """Recount every tally from the statements, e.g. after a bulk load without triggers."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    session.execute(text("DELETE FROM statement_total"))
    session.execute(text("DELETE FROM statement_tally"))
    session.execute(text(_REFILL_TALLY.format(
        month=_SQLITE_MONTH if sqlite else _PG_MONTH,
        stance="stance" if sqlite else "CAST(stance AS VARCHAR)")))
    columns = {**_TALLY_COLUMNS,
               "month": "month" if sqlite else "to_char(month, 'YYYY-MM-DD')",
               "year": "substr(month, 1, 4)" if sqlite else "to_char(month, 'YYYY')"}
    for given, facet in total_pairs():
        given_value = columns[given] if given else "''"
        and_given = f"AND {given_value} <> ''" if given else ""
        session.execute(text(_REFILL_TOTAL.format(given=given, given_value=given_value,
                                                  facet=facet, value=columns[facet],
                                                  and_given=and_given)))


_SQLITE_MONTH = "date(said_on, 'start of month')"
_PG_MONTH = "CAST(date_trunc('month', said_on) AS DATE)"
_REFILL_TALLY = """
INSERT INTO statement_tally (actor_id, month, country_code, stance, target_slug, n)
SELECT actor_id, {month}, coalesce(country_code, ''), {stance}, coalesce(target_slug, ''),
       count(*)
FROM statement WHERE status = 'published'
GROUP BY 1, 2, 3, 4, 5
"""
_REFILL_TOTAL = """
INSERT INTO statement_total (given, given_value, facet, value, n)
SELECT '{given}', {given_value}, '{facet}', {value}, sum(n) FROM statement_tally
WHERE {value} <> '' {and_given} GROUP BY 2, 4
"""
_TALLY_COLUMNS = {"actor": "CAST(actor_id AS VARCHAR)", "country": "country_code",
                  "stance": "stance", "target": "target_slug"}
