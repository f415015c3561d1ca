"""appearances: the further sources that carried a statement; redirects of merged statements

The SQL below is what this migration ran when it was made, frozen: the tables of
app/record/models.py's Appearance and StatementRedirect of that time, on each engine.
No trigger changes: a merged statement leaves the counts by its status (withdrawn), which
the triggers of 0006 already follow.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 19:00:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    for statement in SQLITE if bind.dialect.name == "sqlite" else POSTGRESQL:
        bind.exec_driver_sql(statement)


def downgrade() -> None:
    op.execute("DROP TABLE statement_redirect")
    op.execute("DROP TABLE appearance")


#: Indexes, the same on both engines.
_INDEXES: tuple[str, ...] = (
    "CREATE INDEX ix_appearance_source_id ON appearance (source_id)",
    "CREATE INDEX ix_appearance_statement_id ON appearance (statement_id)",
    "CREATE INDEX ix_statement_redirect_kept_id ON statement_redirect (kept_id)",
)

SQLITE: tuple[str, ...] = (
    """CREATE TABLE appearance (
\tid INTEGER NOT NULL,
\tstatement_id INTEGER NOT NULL,
\tsource_id INTEGER NOT NULL,
\tquote TEXT NOT NULL,
\tsource_start INTEGER,
\tsource_end INTEGER,
\tpublished_on DATE,
\tcreated_at DATETIME NOT NULL,
\tcreated_by VARCHAR(80) NOT NULL,
\tPRIMARY KEY (id),
\tUNIQUE (statement_id, source_id),
\tFOREIGN KEY(statement_id) REFERENCES statement (id),
\tFOREIGN KEY(source_id) REFERENCES source (id)
)""",
    """CREATE TABLE statement_redirect (
\tmerged_id INTEGER NOT NULL,
\tkept_id INTEGER NOT NULL,
\tcreated_at DATETIME NOT NULL,
\tPRIMARY KEY (merged_id),
\tFOREIGN KEY(merged_id) REFERENCES statement (id),
\tFOREIGN KEY(kept_id) REFERENCES statement (id)
)""",
    *_INDEXES,
)

POSTGRESQL: tuple[str, ...] = (
    """CREATE TABLE appearance (
\tid SERIAL NOT NULL,
\tstatement_id INTEGER NOT NULL,
\tsource_id INTEGER NOT NULL,
\tquote TEXT NOT NULL,
\tsource_start INTEGER,
\tsource_end INTEGER,
\tpublished_on DATE,
\tcreated_at TIMESTAMP WITH TIME ZONE NOT NULL,
\tcreated_by VARCHAR(80) NOT NULL,
\tPRIMARY KEY (id),
\tUNIQUE (statement_id, source_id),
\tFOREIGN KEY(statement_id) REFERENCES statement (id),
\tFOREIGN KEY(source_id) REFERENCES source (id)
)""",
    """CREATE TABLE statement_redirect (
\tmerged_id INTEGER NOT NULL,
\tkept_id INTEGER NOT NULL,
\tcreated_at TIMESTAMP WITH TIME ZONE NOT NULL,
\tPRIMARY KEY (merged_id),
\tFOREIGN KEY(merged_id) REFERENCES statement (id),
\tFOREIGN KEY(kept_id) REFERENCES statement (id)
)""",
    *_INDEXES,
)
