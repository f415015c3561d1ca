"""events: dated things that happened, not said, and their ties to statements

The SQL below is what this migration ran when it was made, frozen: the tables of
app/record/models.py's Event and EventStatement of that time, on each engine.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 10:00:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    for statement in SQLITE if bind.dialect.name == "sqlite" else POSTGRESQL:
        bind.exec_driver_sql(statement)


def downgrade() -> None:
    op.execute("DROP TABLE event_statement")
    op.execute("DROP TABLE event")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TYPE eventrelation")
        op.execute("DROP TYPE eventstatus")


#: Indexes, the same on both engines.
_INDEXES: tuple[str, ...] = (
    "CREATE INDEX ix_event_source_id ON event (source_id)",
    "CREATE INDEX ix_event_timeline ON event (status, happened_on, id)",
    "CREATE INDEX ix_event_statement_event_id ON event_statement (event_id)",
    "CREATE INDEX ix_event_statement_statement_id ON event_statement (statement_id)",
)

SQLITE: tuple[str, ...] = (
    """CREATE TABLE event (
\tid INTEGER NOT NULL,
\ttitle VARCHAR(300) NOT NULL,
\thappened_on DATE NOT NULL,
\tdate_precision VARCHAR(5) NOT NULL,
\tdescription TEXT,
\tcountry_code VARCHAR,
\tsource_id INTEGER,
\tstatus VARCHAR(9) NOT NULL,
\twithdrawn_reason VARCHAR,
\tcreated_at DATETIME NOT NULL,
\tupdated_at DATETIME NOT NULL,
\tPRIMARY KEY (id),
\tFOREIGN KEY(country_code) REFERENCES country (code),
\tFOREIGN KEY(source_id) REFERENCES source (id)
)""",
    """CREATE TABLE event_statement (
\tid INTEGER NOT NULL,
\tevent_id INTEGER NOT NULL,
\tstatement_id INTEGER NOT NULL,
\trelation VARCHAR(15) NOT NULL,
\tcreated_at DATETIME NOT NULL,
\tPRIMARY KEY (id),
\tUNIQUE (event_id, statement_id, relation),
\tFOREIGN KEY(event_id) REFERENCES event (id),
\tFOREIGN KEY(statement_id) REFERENCES statement (id)
)""",
    *_INDEXES,
)

POSTGRESQL: tuple[str, ...] = (
    "CREATE TYPE eventstatus AS ENUM ('published', 'withdrawn')",
    "CREATE TYPE eventrelation AS ENUM ('refers_to', 'said_before', 'said_after', "
    "'contradicted_by')",
    """CREATE TABLE event (
\tid SERIAL NOT NULL,
\ttitle VARCHAR(300) NOT NULL,
\thappened_on DATE NOT NULL,
\tdate_precision dateprecision NOT NULL,
\tdescription TEXT,
\tcountry_code VARCHAR,
\tsource_id INTEGER,
\tstatus eventstatus NOT NULL,
\twithdrawn_reason VARCHAR,
\tcreated_at TIMESTAMP WITH TIME ZONE NOT NULL,
\tupdated_at TIMESTAMP WITH TIME ZONE NOT NULL,
\tPRIMARY KEY (id),
\tFOREIGN KEY(country_code) REFERENCES country (code),
\tFOREIGN KEY(source_id) REFERENCES source (id)
)""",
    """CREATE TABLE event_statement (
\tid SERIAL NOT NULL,
\tevent_id INTEGER NOT NULL,
\tstatement_id INTEGER NOT NULL,
\trelation eventrelation NOT NULL,
\tcreated_at TIMESTAMP WITH TIME ZONE NOT NULL,
\tPRIMARY KEY (id),
\tUNIQUE (event_id, statement_id, relation),
\tFOREIGN KEY(event_id) REFERENCES event (id),
\tFOREIGN KEY(statement_id) REFERENCES statement (id)
)""",
    *_INDEXES,
)
