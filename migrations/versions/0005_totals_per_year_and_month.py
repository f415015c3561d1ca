"""date ranges: totals per year and month, and indexes that count days and months alone

The triggers of 0002 now also count each statement within its year and its month
(statement_total, given 'year' or 'month'); this recreates them and recounts. A covering
index counts the days of partly covered months, and the tally's filter indexes hold
every column.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 04:20:00
"""
from collections.abc import Sequence

from alembic import op

_OLD_TALLY_INDEXES = {"country": ("country_code", "month"), "stance": ("stance", "month"),
                      "target": ("target_slug", "month")}
_NEW_TALLY_INDEXES = {
    "country": ("country_code", "month", "actor_id", "stance", "target_slug", "n"),
    "stance": ("stance", "month", "actor_id", "country_code", "target_slug", "n"),
    "target": ("target_slug", "month", "actor_id", "country_code", "stance", "n"),
}
_DAYS = ["status", "said_on", "actor_id", "country_code", "stance", "target_slug"]

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The triggers live in app/triggers.py, shared with the bulk loaders.
    from app.record.triggers import restore_triggers

    op.create_index("ix_statement_days", "statement", _DAYS)
    _tally_indexes(_NEW_TALLY_INDEXES)
    bind = op.get_bind()
    restore_triggers(bind, rebuild_search=False)
    if bind.dialect.name == "sqlite" and bind.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
        # A database once analysed (onrecord synth does) would plan with the old indexes'
        # statistics and none for the new ones, which SQLite then takes for selective.
        op.execute("ANALYZE statement")
        op.execute("ANALYZE statement_tally")


def _tally_indexes(columns: dict[str, tuple[str, ...]]) -> None:
    for name, keys in columns.items():
        op.drop_index(f"ix_statement_tally_{name}", "statement_tally")
        op.create_index(f"ix_statement_tally_{name}", "statement_tally", list(keys))


def downgrade() -> None:
    # The rows given a period stay, exact (the triggers keep counting them); code before
    # 0005 never reads them.
    _tally_indexes(_OLD_TALLY_INDEXES)
    op.drop_index("ix_statement_days", "statement")
