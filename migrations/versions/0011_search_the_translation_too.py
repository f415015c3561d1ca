"""search: a statement is found by its words as said or by their translation

SQLite: `statement_fts` is made anew with two columns, `text` and `translation` (a search
matches a word in either; a phrase stands within one), refilled from the statements, and
the three triggers that keep it (and the counts) are recreated to write both columns.
PostgreSQL: the GIN index is rebuilt over `statement_search_vector(text, translation)`, a
function that reads both as one JSON array, whose positions leave a gap between the two so
that no phrase runs from the words into their translation (and the words alone, as the old
index did, when there is no translation: most rows cost no more). The counts do not change, so
nothing is recounted; the record's version is drawn anew so no kept search outlives it.
The SQL is written out as applied: this migration imports nothing from the app.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29 21:00:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SQLITE_TRIGGERS = ("statement_ai", "statement_ad", "statement_au")
_NEW_TOKEN = {"sqlite": "random()",
              "postgresql": "CAST(floor(random() * 9007199254740991) AS bigint)"}

SQLITE_FTS_0011 = (
    '\n'
    'CREATE VIRTUAL TABLE statement_fts USING fts5(\n'
    '    text, translation, content="statement", content_rowid="id",\n'
    '    tokenize=\'unicode61 remove_diacritics 2\')\n'
)
SQLITE_FTS_0010 = (
    '\n'
    'CREATE VIRTUAL TABLE statement_fts USING fts5(\n'
    '    text, content="statement", content_rowid="id", tokenize=\'unicode61 remove_diacritics 2\')\n'
)
PG_SEARCH_FUNCTION_0011 = (
    "CREATE FUNCTION statement_search_vector(words text, translation text) "
    "RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE "
    "AS $$ SELECT CASE WHEN translation IS NULL THEN to_tsvector('simple', words) "
    "ELSE to_tsvector('simple', jsonb_build_array(words, translation)) END $$"
)
PG_SEARCH_INDEX_0011 = (
    "CREATE INDEX ix_statement_text_search ON statement "
    "USING gin (statement_search_vector(text, translation))"
)
PG_SEARCH_INDEX_0010 = (
    "CREATE INDEX ix_statement_text_search ON statement USING gin (to_tsvector('simple', text))"
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_search(SQLITE_FTS_0011, SQLITE_TRIGGERS_0011)
    else:
        _run("DROP INDEX ix_statement_text_search")
        _run(PG_SEARCH_FUNCTION_0011)
        _run(PG_SEARCH_INDEX_0011)
    _new_version()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_search(SQLITE_FTS_0010, SQLITE_TRIGGERS_0010)
    else:
        _run("DROP INDEX ix_statement_text_search")
        _run("DROP FUNCTION statement_search_vector(text, text)")
        _run(PG_SEARCH_INDEX_0010)
    _new_version()


def _sqlite_search(fts: str, triggers: list[str]) -> None:
    """Make the search table anew as `fts` says, fill it, and put the triggers back."""
    for name in _SQLITE_TRIGGERS:
        _run(f"DROP TRIGGER IF EXISTS {name}")
    _run("DROP TABLE statement_fts")
    _run(fts)
    _run("INSERT INTO statement_fts (statement_fts) VALUES ('rebuild')")
    for statement in triggers:
        _run(statement)


def _new_version() -> None:
    _run(f"UPDATE statement_version SET token = {_NEW_TOKEN[op.get_bind().dialect.name]}")


def _run(statement: str) -> None:
    """Run SQL as written: no parameters, so no character in it means one."""
    op.get_bind().exec_driver_sql(statement)


# --- The triggers of 0011 (generated once by app/record/triggers.py), and of 0010 ---------

SQLITE_TRIGGERS_0011 = [
(
    'CREATE TRIGGER statement_ai AFTER INSERT ON statement BEGIN INSERT INTO statement_fts (rowid, text, translation) VALUES (new.id, new.text, new.translation);\n'
    '    INSERT INTO statement_tally (actor_id, country_code, stance, target_slug, kind, lang, month, n)\n'
    "    SELECT new.actor_id, coalesce(CAST(new.country_code AS TEXT), ''), coalesce(CAST(new.stance AS TEXT), ''), coalesce(CAST(new.target_slug AS TEXT), ''), coalesce(CAST(new.kind AS TEXT), ''), coalesce(CAST(new.lang AS TEXT), ''), date(new.said_on, 'start of month'), 1\n"
    "    WHERE new.status = 'published'\n"
    '    ON CONFLICT (actor_id, country_code, stance, target_slug, kind, lang, month) DO UPDATE SET n = n + excluded.n;\n'
    '    INSERT INTO statement_total (given, given_value, facet, value, n)\n'
    '    SELECT g, gv, f, v, 1 FROM (\n'
    "        SELECT '' AS g, '' AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v)\n"
    "    WHERE new.status = 'published' AND v IS NOT NULL AND v <> ''\n"
    "      AND (g = '' OR (gv IS NOT NULL AND gv <> ''))\n"
    '    ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = n + excluded.n;\n'
    ' END'
),
(
    "CREATE TRIGGER statement_ad AFTER DELETE ON statement BEGIN INSERT INTO statement_fts (statement_fts, rowid, text, translation) VALUES ('delete', old.id, old.text, old.translation);\n"
    '    INSERT INTO statement_tally (actor_id, country_code, stance, target_slug, kind, lang, month, n)\n'
    "    SELECT old.actor_id, coalesce(CAST(old.country_code AS TEXT), ''), coalesce(CAST(old.stance AS TEXT), ''), coalesce(CAST(old.target_slug AS TEXT), ''), coalesce(CAST(old.kind AS TEXT), ''), coalesce(CAST(old.lang AS TEXT), ''), date(old.said_on, 'start of month'), -1\n"
    "    WHERE old.status = 'published'\n"
    '    ON CONFLICT (actor_id, country_code, stance, target_slug, kind, lang, month) DO UPDATE SET n = n + excluded.n;\n'
    '    INSERT INTO statement_total (given, given_value, facet, value, n)\n'
    '    SELECT g, gv, f, v, -1 FROM (\n'
    "        SELECT '' AS g, '' AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v)\n"
    "    WHERE old.status = 'published' AND v IS NOT NULL AND v <> ''\n"
    "      AND (g = '' OR (gv IS NOT NULL AND gv <> ''))\n"
    '    ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = n + excluded.n;\n'
    ' END'
),
(
    "CREATE TRIGGER statement_au AFTER UPDATE ON statement BEGIN INSERT INTO statement_fts (statement_fts, rowid, text, translation) VALUES ('delete', old.id, old.text, old.translation); INSERT INTO statement_fts (rowid, text, translation) VALUES (new.id, new.text, new.translation);\n"
    '    INSERT INTO statement_tally (actor_id, country_code, stance, target_slug, kind, lang, month, n)\n'
    "    SELECT old.actor_id, coalesce(CAST(old.country_code AS TEXT), ''), coalesce(CAST(old.stance AS TEXT), ''), coalesce(CAST(old.target_slug AS TEXT), ''), coalesce(CAST(old.kind AS TEXT), ''), coalesce(CAST(old.lang AS TEXT), ''), date(old.said_on, 'start of month'), -1\n"
    "    WHERE old.status = 'published'\n"
    '    ON CONFLICT (actor_id, country_code, stance, target_slug, kind, lang, month) DO UPDATE SET n = n + excluded.n;\n'
    '    INSERT INTO statement_total (given, given_value, facet, value, n)\n'
    '    SELECT g, gv, f, v, -1 FROM (\n'
    "        SELECT '' AS g, '' AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v)\n"
    "    WHERE old.status = 'published' AND v IS NOT NULL AND v <> ''\n"
    "      AND (g = '' OR (gv IS NOT NULL AND gv <> ''))\n"
    '    ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = n + excluded.n;\n'
    '\n'
    '    INSERT INTO statement_tally (actor_id, country_code, stance, target_slug, kind, lang, month, n)\n'
    "    SELECT new.actor_id, coalesce(CAST(new.country_code AS TEXT), ''), coalesce(CAST(new.stance AS TEXT), ''), coalesce(CAST(new.target_slug AS TEXT), ''), coalesce(CAST(new.kind AS TEXT), ''), coalesce(CAST(new.lang AS TEXT), ''), date(new.said_on, 'start of month'), 1\n"
    "    WHERE new.status = 'published'\n"
    '    ON CONFLICT (actor_id, country_code, stance, target_slug, kind, lang, month) DO UPDATE SET n = n + excluded.n;\n'
    '    INSERT INTO statement_total (given, given_value, facet, value, n)\n'
    '    SELECT g, gv, f, v, 1 FROM (\n'
    "        SELECT '' AS g, '' AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v)\n"
    "    WHERE new.status = 'published' AND v IS NOT NULL AND v <> ''\n"
    "      AND (g = '' OR (gv IS NOT NULL AND gv <> ''))\n"
    '    ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = n + excluded.n;\n'
    ' END'
),
]

SQLITE_TRIGGERS_0010 = [
(
    'CREATE TRIGGER statement_ai AFTER INSERT ON statement BEGIN INSERT INTO statement_fts (rowid, text) VALUES (new.id, new.text);\n'
    '    INSERT INTO statement_tally (actor_id, country_code, stance, target_slug, kind, lang, month, n)\n'
    "    SELECT new.actor_id, coalesce(CAST(new.country_code AS TEXT), ''), coalesce(CAST(new.stance AS TEXT), ''), coalesce(CAST(new.target_slug AS TEXT), ''), coalesce(CAST(new.kind AS TEXT), ''), coalesce(CAST(new.lang AS TEXT), ''), date(new.said_on, 'start of month'), 1\n"
    "    WHERE new.status = 'published'\n"
    '    ON CONFLICT (actor_id, country_code, stance, target_slug, kind, lang, month) DO UPDATE SET n = n + excluded.n;\n'
    '    INSERT INTO statement_total (given, given_value, facet, value, n)\n'
    '    SELECT g, gv, f, v, 1 FROM (\n'
    "        SELECT '' AS g, '' AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v)\n"
    "    WHERE new.status = 'published' AND v IS NOT NULL AND v <> ''\n"
    "      AND (g = '' OR (gv IS NOT NULL AND gv <> ''))\n"
    '    ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = n + excluded.n;\n'
    ' END'
),
(
    "CREATE TRIGGER statement_ad AFTER DELETE ON statement BEGIN INSERT INTO statement_fts (statement_fts, rowid, text) VALUES ('delete', old.id, old.text);\n"
    '    INSERT INTO statement_tally (actor_id, country_code, stance, target_slug, kind, lang, month, n)\n'
    "    SELECT old.actor_id, coalesce(CAST(old.country_code AS TEXT), ''), coalesce(CAST(old.stance AS TEXT), ''), coalesce(CAST(old.target_slug AS TEXT), ''), coalesce(CAST(old.kind AS TEXT), ''), coalesce(CAST(old.lang AS TEXT), ''), date(old.said_on, 'start of month'), -1\n"
    "    WHERE old.status = 'published'\n"
    '    ON CONFLICT (actor_id, country_code, stance, target_slug, kind, lang, month) DO UPDATE SET n = n + excluded.n;\n'
    '    INSERT INTO statement_total (given, given_value, facet, value, n)\n'
    '    SELECT g, gv, f, v, -1 FROM (\n'
    "        SELECT '' AS g, '' AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v)\n"
    "    WHERE old.status = 'published' AND v IS NOT NULL AND v <> ''\n"
    "      AND (g = '' OR (gv IS NOT NULL AND gv <> ''))\n"
    '    ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = n + excluded.n;\n'
    ' END'
),
(
    "CREATE TRIGGER statement_au AFTER UPDATE ON statement BEGIN INSERT INTO statement_fts (statement_fts, rowid, text) VALUES ('delete', old.id, old.text); INSERT INTO statement_fts (rowid, text) VALUES (new.id, new.text);\n"
    '    INSERT INTO statement_tally (actor_id, country_code, stance, target_slug, kind, lang, month, n)\n'
    "    SELECT old.actor_id, coalesce(CAST(old.country_code AS TEXT), ''), coalesce(CAST(old.stance AS TEXT), ''), coalesce(CAST(old.target_slug AS TEXT), ''), coalesce(CAST(old.kind AS TEXT), ''), coalesce(CAST(old.lang AS TEXT), ''), date(old.said_on, 'start of month'), -1\n"
    "    WHERE old.status = 'published'\n"
    '    ON CONFLICT (actor_id, country_code, stance, target_slug, kind, lang, month) DO UPDATE SET n = n + excluded.n;\n'
    '    INSERT INTO statement_total (given, given_value, facet, value, n)\n'
    '    SELECT g, gv, f, v, -1 FROM (\n'
    "        SELECT '' AS g, '' AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(old.country_code AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(old.stance AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(old.target_slug AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(old.lang AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'lang' AS f, CAST(old.lang AS TEXT) AS v)\n"
    "    WHERE old.status = 'published' AND v IS NOT NULL AND v <> ''\n"
    "      AND (g = '' OR (gv IS NOT NULL AND gv <> ''))\n"
    '    ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = n + excluded.n;\n'
    '\n'
    '    INSERT INTO statement_tally (actor_id, country_code, stance, target_slug, kind, lang, month, n)\n'
    "    SELECT new.actor_id, coalesce(CAST(new.country_code AS TEXT), ''), coalesce(CAST(new.stance AS TEXT), ''), coalesce(CAST(new.target_slug AS TEXT), ''), coalesce(CAST(new.kind AS TEXT), ''), coalesce(CAST(new.lang AS TEXT), ''), date(new.said_on, 'start of month'), 1\n"
    "    WHERE new.status = 'published'\n"
    '    ON CONFLICT (actor_id, country_code, stance, target_slug, kind, lang, month) DO UPDATE SET n = n + excluded.n;\n'
    '    INSERT INTO statement_total (given, given_value, facet, value, n)\n'
    '    SELECT g, gv, f, v, 1 FROM (\n'
    "        SELECT '' AS g, '' AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(new.country_code AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(new.stance AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(new.target_slug AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(new.lang AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'lang' AS f, CAST(new.lang AS TEXT) AS v)\n"
    "    WHERE new.status = 'published' AND v IS NOT NULL AND v <> ''\n"
    "      AND (g = '' OR (gv IS NOT NULL AND gv <> ''))\n"
    '    ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = n + excluded.n;\n'
    ' END'
),
]
