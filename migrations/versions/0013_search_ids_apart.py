"""search: on PostgreSQL, a search's matching ids are read from a table of ids alone

A search's first reading lists the ids of its matches (app/reading/kept_searches.py). On
PostgreSQL they came from the GIN index over the statement table and then from the table
itself, one visit per match to read its id: some 4,000 pages of a 430 MB table for a word
in 0.4 % of a million statements, mostly outside PostgreSQL's buffers, 20–35 ms. SQLite's
FTS5 index lists the ids alone.

So `statement_search` holds one row per statement, its id and nothing else (35 MB at a
million), with a GIN index over `statement_search_vector_of(id)`: the words of the
statement of that id, as `statement_search_vector` reads them for the statement table's own
index. A search reads its ids from this small table (kept in PostgreSQL's buffers by every
search), 3–5 ms for the same word. The function reads another table, so it is not truly
immutable, as an index needs: it is declared so, and kept true by the trigger
`statement_search_row`, which writes a statement's row anew (a new index entry) whenever
its words or translation change, and removes it with the statement. Its search_path is the
one it was made under, so that a restore or a rebuild finds `statement`.

SQLite: nothing (its FTS5 table already lists ids alone; POSTGRESQL_ONLY says so to the
migrations' tests). The record's version is drawn anew: no kept search outlives it.
The SQL is written out as applied: this migration imports nothing from the app.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 07:15:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: This revision changes nothing on SQLite.
POSTGRESQL_ONLY = True

PG_SEARCH_TABLE_0013 = "CREATE TABLE statement_search (id integer PRIMARY KEY)"
PG_SEARCH_OF_FUNCTION_0013 = (
    "CREATE FUNCTION statement_search_vector_of(statement_id integer) "
    "RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT "
    "AS $$ SELECT statement_search_vector(text, translation) FROM statement "
    "WHERE id = statement_id $$"
)
PG_SEARCH_IDS_INDEX_0013 = (
    "CREATE INDEX ix_statement_search ON statement_search "
    "USING gin (statement_search_vector_of(id))"
)
PG_SEARCH_ROW_FUNCTION_0013 = """
    CREATE FUNCTION statement_search_row() RETURNS trigger AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN DELETE FROM statement_search WHERE id = OLD.id; END IF;
      IF TG_OP IN ('UPDATE', 'INSERT') THEN INSERT INTO statement_search (id) VALUES (NEW.id); END IF;
      RETURN NULL;
    END $$ LANGUAGE plpgsql
"""
PG_SEARCH_ROW_TRIGGERS_0013 = (
    "CREATE TRIGGER statement_search_row AFTER INSERT OR DELETE ON statement "
    "FOR EACH ROW EXECUTE FUNCTION statement_search_row()",
    "CREATE TRIGGER statement_search_words AFTER UPDATE OF text, translation ON statement "
    "FOR EACH ROW WHEN (OLD.text IS DISTINCT FROM NEW.text "
    "OR OLD.translation IS DISTINCT FROM NEW.translation) "
    "EXECUTE FUNCTION statement_search_row()",
)
_NEW_TOKEN = "CAST(floor(random() * 9007199254740991) AS bigint)"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    _run(PG_SEARCH_TABLE_0013)
    _run(PG_SEARCH_OF_FUNCTION_0013)
    _run("INSERT INTO statement_search (id) SELECT id FROM statement ORDER BY id")
    _run(PG_SEARCH_IDS_INDEX_0013)
    _run("ANALYZE statement_search")  # the planner's estimate of a word, from the start
    _run(PG_SEARCH_ROW_FUNCTION_0013)
    for trigger in PG_SEARCH_ROW_TRIGGERS_0013:
        _run(trigger)
    _run(f"UPDATE statement_version SET token = {_NEW_TOKEN}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    _run("DROP TRIGGER statement_search_words ON statement")
    _run("DROP TRIGGER statement_search_row ON statement")
    _run("DROP FUNCTION statement_search_row()")
    _run("DROP TABLE statement_search")
    _run("DROP FUNCTION statement_search_vector_of(integer)")
    _run(f"UPDATE statement_version SET token = {_NEW_TOKEN}")


def _run(statement: str) -> None:
    """Run SQL as written: no parameters, so no character in it means one."""
    op.get_bind().exec_driver_sql(statement)
