"""the record's version: a token drawn anew by triggers on every change to a statement

Workers keep a search's matches and counts under it (app/record/versions.py). The SQL
below is what this migration ran when it was made (rendered from app/triggers.py and
app/versions.py of that time with migrations/render_sql.py), frozen.

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
    op.create_table(
        "statement_version",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("token", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    bind = op.get_bind()
    for statement in SQLITE if bind.dialect.name == "sqlite" else POSTGRESQL:
        bind.exec_driver_sql(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("statement_version_ai", "statement_version_ad", "statement_version_au"):
            op.execute(f"DROP TRIGGER {name}")
    else:
        op.execute("DROP TRIGGER statement_changed ON statement")
        op.execute("DROP FUNCTION statement_version_bump()")
    op.drop_table("statement_version")


#: SQLite: the record's first version, and a trigger per change that draws a new one.
SQLITE: tuple[str, ...] = (
    (
        'INSERT INTO statement_version (id, token) VALUES (1, random())'
    ),
    (
        'CREATE TRIGGER statement_version_ai AFTER INSERT ON statement BEGIN UPDATE statement_version SET token = random(); END'
    ),
    (
        'CREATE TRIGGER statement_version_ad AFTER DELETE ON statement BEGIN UPDATE statement_version SET token = random(); END'
    ),
    (
        'CREATE TRIGGER statement_version_au AFTER UPDATE ON statement BEGIN UPDATE statement_version SET token = random(); END'
    ),
)

#: PostgreSQL: the same, with one trigger per SQL statement rather than per row.
POSTGRESQL: tuple[str, ...] = (
    (
        'INSERT INTO statement_version (id, token) VALUES (1, CAST(floor(random() * 9007199254740991) AS bigint))'
    ),
    (
        '\n'
        '    CREATE FUNCTION statement_version_bump() RETURNS trigger AS $$\n'
        '    BEGIN\n'
        '      UPDATE statement_version SET token = CAST(floor(random() * 9007199254740991) AS bigint);\n'
        '      RETURN NULL;\n'
        '    END $$ LANGUAGE plpgsql\n'
    ),
    (
        'CREATE TRIGGER statement_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON statement FOR EACH STATEMENT EXECUTE FUNCTION statement_version_bump()'
    ),
)
