"""the record's version: a token drawn anew by triggers on every change to a statement

Workers keep a search's matches and counts under it (app/versions.py).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 03:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The triggers live in app/triggers.py, shared with the bulk loaders that set them aside.
    from app.record.triggers import create_version

    op.create_table(
        "statement_version",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("token", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    create_version(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("statement_version_ai", "statement_version_ad", "statement_version_au"):
            op.execute(f"DROP TRIGGER {name}")
    else:
        op.execute("DROP TRIGGER statement_changed ON statement")
        op.execute("DROP FUNCTION statement_version_bump()")
    op.drop_table("statement_version")
