"""words_key: each statement keyed by its normalised words, indexed with its speaker

`statement` gains `words_key` (a BIGINT: 8 bytes of the BLAKE2b digest of the words
normalised as the repeat check compares them) and an index on (actor_id, words_key), so
that an exact repeat of a busy speaker's remark is found at any date in one indexed
lookup. The statements already recorded are keyed here, a batch at a time, with a frozen
copy of the normalisation as it stood when this migration was written (rapidfuzz's
default_process, then one space between words): this migration imports nothing from the
app. The triggers on `statement` are set aside while the keys are written (a key changes
neither search nor counts) and put back exactly as they stood.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-29 21:30:00
"""
from collections.abc import Sequence
from hashlib import blake2b

import sqlalchemy as sa
from alembic import op
from rapidfuzz.utils import default_process

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Statements keyed per round trip: bounds the memory of one batch.
_BATCH = 5_000
_READ = sa.text("SELECT id, text FROM statement WHERE id > :after ORDER BY id LIMIT :n")
_WRITE = sa.text("UPDATE statement SET words_key = :key WHERE id = :id")


def upgrade() -> None:
    _run("ALTER TABLE statement ADD COLUMN words_key BIGINT")
    triggers = _set_triggers_aside()
    _key_every_statement()
    _put_triggers_back(triggers)
    _run("CREATE INDEX ix_statement_words_key ON statement (actor_id, words_key)")
    _analyse_if_analysed()


def _analyse_if_analysed() -> None:
    """Give the new index its statistics in a database analysed before (onrecord synth
    does): SQLite would otherwise take an index without them for selective and read a
    speaker's timeline through it, every statement of the speaker then sorted."""
    connection = op.get_bind()
    if connection.dialect.name == "sqlite" and connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
        _run("ANALYZE statement")


def downgrade() -> None:
    _run("DROP INDEX ix_statement_words_key")
    _run("ALTER TABLE statement DROP COLUMN words_key")


def _words_key(text: str) -> int:
    """The key of a text's words, frozen as app/record/words.py had it at 0012."""
    words = " ".join(default_process(text).split())
    digest = blake2b(words.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _key_every_statement() -> None:
    connection, after = op.get_bind(), 0
    while rows := connection.execute(_READ, {"after": after, "n": _BATCH}).all():
        connection.execute(_WRITE, [{"key": _words_key(text), "id": statement_id}
                                    for statement_id, text in rows])
        after = rows[-1][0]


def _set_triggers_aside() -> list[str]:
    """Drop SQLite's triggers on statement, returning their SQL as stored; disable
    PostgreSQL's (so a million updates do not redo search and counts a row at a time)."""
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        _run("ALTER TABLE statement DISABLE TRIGGER USER")
        return []
    triggers = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'statement' "
        "ORDER BY name").all()
    for name, _ in triggers:
        _run(f"DROP TRIGGER {name}")
    return [sql for _, sql in triggers]


def _put_triggers_back(triggers: list[str]) -> None:
    if op.get_bind().dialect.name != "sqlite":
        _run("ALTER TABLE statement ENABLE TRIGGER USER")
    for sql in triggers:
        _run(sql)


def _run(statement: str) -> None:
    """Run SQL as written: no parameters, so no character in it means one."""
    op.get_bind().exec_driver_sql(statement)
