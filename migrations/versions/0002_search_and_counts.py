"""search and counts: full-text index and trigger-kept tallies of public statements

SQLite: an FTS5 table over statement.text (external content) and triggers that keep it and
the tallies in step with every insert, update and delete on statement.
PostgreSQL: a GIN index on to_tsvector('simple', text) and one plpgsql trigger for the tallies.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 01:25:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _create_tables() -> None:
    op.create_table(
        "statement_tally",
        sa.Column("actor_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("country_code", sa.String(length=2), nullable=False),
        sa.Column("stance", sa.String(length=12), nullable=False),
        sa.Column("target_slug", sa.String(length=120), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("actor_id", "month", "country_code", "stance", "target_slug"),
    )
    for name, columns in [("country", ["country_code", "month"]), ("stance", ["stance", "month"]),
                          ("target", ["target_slug", "month"]), ("month", ["month"])]:
        op.create_index(f"ix_statement_tally_{name}", "statement_tally", columns)
    op.create_table(
        "statement_total",
        sa.Column("given", sa.String(length=12), nullable=False),
        sa.Column("given_value", sa.String(length=120), nullable=False),
        sa.Column("facet", sa.String(length=12), nullable=False),
        sa.Column("value", sa.String(length=120), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("given", "given_value", "facet", "value"),
    )
    op.create_index("ix_statement_total_top", "statement_total",
                    ["given", "given_value", "facet", "n"])


def upgrade() -> None:
    # The DDL lives in app/triggers.py, shared with the bulk loaders that set triggers aside.
    from app.record.triggers import create_search_and_counts

    _create_tables()
    create_search_and_counts(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("statement_ai", "statement_ad", "statement_au"):
            op.execute(f"DROP TRIGGER {name}")
        op.execute("DROP TABLE statement_fts")
    else:
        op.execute("DROP TRIGGER statement_tally ON statement")
        op.execute("DROP FUNCTION statement_tally_trigger()")
        op.execute("DROP FUNCTION statement_tally_bump(statement, integer)")
        op.execute("DROP INDEX ix_statement_text_search")
    op.drop_index("ix_statement_total_top", "statement_total")
    op.drop_table("statement_total")
    op.drop_table("statement_tally")
