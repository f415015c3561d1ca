"""Counts of public statements kept by database triggers, so facets never scan the record.

`statement_tally` holds one row per month and combination of speaker, country, stance and
target; `statement_total` one row per facet value and stance. Triggers on `statement`
(migration 0002, on SQLite and PostgreSQL) add and take away as statements are inserted,
edited or deleted, so any writer — the app, a script, psql — keeps them exact.
No empty value is NULL here ('' stands for none), so the keys can be primary keys.
(No `from __future__ import annotations`: SQLModel reads the annotations at class creation.)
"""

from datetime import date

from sqlalchemy import Index
from sqlmodel import Field, Session, SQLModel, text

#: The facets `statement_total` counts; the stance facet is read from the month rows.
TOTAL_FACETS = ("actor", "country", "target", "month")


class StatementTally(SQLModel, table=True):
    """Public statements of one speaker in one month, per country, stance and target."""

    __tablename__ = "statement_tally"
    __table_args__ = (
        Index("ix_statement_tally_country", "country_code", "month"),
        Index("ix_statement_tally_stance", "stance", "month"),
        Index("ix_statement_tally_target", "target_slug", "month"),
        Index("ix_statement_tally_month", "month"),
    )

    actor_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    month: date = Field(primary_key=True)
    country_code: str = Field(primary_key=True, max_length=2)
    stance: str = Field(primary_key=True, max_length=12)
    target_slug: str = Field(primary_key=True, max_length=120)
    n: int = 0


class StatementTotal(SQLModel, table=True):
    """Public statements per value of one facet and stance, over the whole record."""

    __tablename__ = "statement_total"

    facet: str = Field(primary_key=True, max_length=12)
    value: str = Field(primary_key=True, max_length=120)
    stance: str = Field(primary_key=True, max_length=12)
    n: int = 0


_REFILL_TALLY = """
INSERT INTO statement_tally (actor_id, month, country_code, stance, target_slug, n)
SELECT actor_id, {month}, coalesce(country_code, ''), {stance}, coalesce(target_slug, ''),
       count(*)
FROM statement WHERE status = 'published'
GROUP BY 1, 2, 3, 4, 5
"""
_REFILL_TOTAL = """
INSERT INTO statement_total (facet, value, stance, n)
SELECT '{facet}', {value}, stance, sum(n) FROM statement_tally
WHERE {value} <> '' GROUP BY 2, 3
"""
_FACET_COLUMNS = {"actor": "CAST(actor_id AS VARCHAR)", "country": "country_code",
                  "target": "target_slug", "month": "{month_text}"}


def refill(session: Session) -> None:
    """Recount every tally from the statements, e.g. after a bulk load without triggers."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    month = "date(said_on, 'start of month')" if sqlite else \
        "CAST(date_trunc('month', said_on) AS DATE)"
    stance = "stance" if sqlite else "CAST(stance AS VARCHAR)"
    month_text = "month" if sqlite else "to_char(month, 'YYYY-MM-DD')"
    session.execute(text("DELETE FROM statement_total"))
    session.execute(text("DELETE FROM statement_tally"))
    session.execute(text(_REFILL_TALLY.format(month=month, stance=stance)))
    for facet in TOTAL_FACETS:
        value = _FACET_COLUMNS[facet].format(month_text=month_text)
        session.execute(text(_REFILL_TOTAL.format(facet=facet, value=value)))
