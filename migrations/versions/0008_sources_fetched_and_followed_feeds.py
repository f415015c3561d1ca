"""sources fetched by address and feeds followed: a source's author and the time it was
fetched; the feeds editors follow, the items already seen, and the lease that keeps two
servers from polling one feed at once

The SQL below is what this migration ran when it was made, frozen: the columns and tables
of app/record/models.py's Source, FollowedFeed, FeedItem and PollLease of that time.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 19:00:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    for statement in SQLITE if bind.dialect.name == "sqlite" else POSTGRESQL:
        bind.exec_driver_sql(statement)


def downgrade() -> None:
    op.execute("DROP TABLE poll_lease")
    op.execute("DROP TABLE feed_item")
    op.execute("DROP TABLE followed_feed")
    op.execute("ALTER TABLE source DROP COLUMN fetched_at")
    op.execute("ALTER TABLE source DROP COLUMN author")


#: Indexes, the same on both engines.
_INDEXES: tuple[str, ...] = (
    "CREATE INDEX ix_feed_item_url ON feed_item (url)",
)

SQLITE: tuple[str, ...] = (
    "ALTER TABLE source ADD COLUMN author VARCHAR",
    "ALTER TABLE source ADD COLUMN fetched_at DATETIME",
    """CREATE TABLE followed_feed (
\tid INTEGER NOT NULL,
\turl VARCHAR(2000) NOT NULL,
\ttitle VARCHAR(500),
\tetag VARCHAR(500),
\tlast_modified VARCHAR(100),
\tlast_polled_at DATETIME,
\tlast_error TEXT,
\tadded_by VARCHAR(200) NOT NULL,
\tcreated_at DATETIME NOT NULL,
\tPRIMARY KEY (id),
\tUNIQUE (url)
)""",
    """CREATE TABLE feed_item (
\tid INTEGER NOT NULL,
\tfeed_id INTEGER NOT NULL,
\tguid VARCHAR(2000) NOT NULL,
\turl VARCHAR(2000),
\tsource_id INTEGER,
\tseen_at DATETIME NOT NULL,
\tPRIMARY KEY (id),
\tUNIQUE (feed_id, guid),
\tFOREIGN KEY(feed_id) REFERENCES followed_feed (id),
\tFOREIGN KEY(source_id) REFERENCES source (id)
)""",
    """CREATE TABLE poll_lease (
\tname VARCHAR(200) NOT NULL,
\tholder VARCHAR(200) NOT NULL,
\texpires_at DATETIME NOT NULL,
\tPRIMARY KEY (name)
)""",
    *_INDEXES,
)

POSTGRESQL: tuple[str, ...] = (
    "ALTER TABLE source ADD COLUMN author VARCHAR",
    "ALTER TABLE source ADD COLUMN fetched_at TIMESTAMP WITH TIME ZONE",
    """CREATE TABLE followed_feed (
\tid SERIAL NOT NULL,
\turl VARCHAR(2000) NOT NULL,
\ttitle VARCHAR(500),
\tetag VARCHAR(500),
\tlast_modified VARCHAR(100),
\tlast_polled_at TIMESTAMP WITH TIME ZONE,
\tlast_error TEXT,
\tadded_by VARCHAR(200) NOT NULL,
\tcreated_at TIMESTAMP WITH TIME ZONE NOT NULL,
\tPRIMARY KEY (id),
\tUNIQUE (url)
)""",
    """CREATE TABLE feed_item (
\tid SERIAL NOT NULL,
\tfeed_id INTEGER NOT NULL,
\tguid VARCHAR(2000) NOT NULL,
\turl VARCHAR(2000),
\tsource_id INTEGER,
\tseen_at TIMESTAMP WITH TIME ZONE NOT NULL,
\tPRIMARY KEY (id),
\tUNIQUE (feed_id, guid),
\tFOREIGN KEY(feed_id) REFERENCES followed_feed (id),
\tFOREIGN KEY(source_id) REFERENCES source (id)
)""",
    """CREATE TABLE poll_lease (
\tname VARCHAR(200) NOT NULL,
\tholder VARCHAR(200) NOT NULL,
\texpires_at TIMESTAMP WITH TIME ZONE NOT NULL,
\tPRIMARY KEY (name)
)""",
    *_INDEXES,
)
