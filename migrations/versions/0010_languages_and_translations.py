"""lang: statements carry their language, an English translation and who translated it

`statement` gains `lang` (a BCP 47 tag; every existing statement gets 'und', undetermined:
which language each is in is for the detector, `onrecord detect-languages`, or an editor
to say, not for frozen SQL to guess), `translation` and `translated_by`, and an index for
the timeline of one language. `statement_tally` gains a `lang` column (in its key and in
every covering index, with an index of its own), `statement_total` rows given and counting
lang; the count triggers are recreated to keep them, and everything is recounted. The SQL
is written out as applied: this migration imports nothing from the app.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29 20:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TALLY_0009 = ["actor_id", "month", "country_code", "stance", "target_slug", "kind"]
_INDEXES_0009 = {
    "country": ["country_code", "month", "actor_id", "stance", "target_slug", "kind", "n"],
    "stance": ["stance", "month", "actor_id", "country_code", "target_slug", "kind", "n"],
    "target": ["target_slug", "month", "actor_id", "country_code", "stance", "kind", "n"],
    "kind": ["kind", "month", "actor_id", "country_code", "stance", "target_slug", "n"],
    "month": ["month"],
}
_TALLY_0010 = ["actor_id", "month", "country_code", "stance", "target_slug", "kind", "lang"]
_INDEXES_0010 = {
    "country": ["country_code", "month", "actor_id", "stance", "target_slug", "kind", "lang",
                "n"],
    "stance": ["stance", "month", "actor_id", "country_code", "target_slug", "kind", "lang",
               "n"],
    "target": ["target_slug", "month", "actor_id", "country_code", "stance", "kind", "lang",
               "n"],
    "kind": ["kind", "month", "actor_id", "country_code", "stance", "target_slug", "lang", "n"],
    "lang": ["lang", "month", "actor_id", "country_code", "stance", "target_slug", "kind", "n"],
    "month": ["month"],
}
_STATEMENT_COLUMNS_0010 = [
    "ALTER TABLE statement ADD COLUMN lang VARCHAR(35) DEFAULT 'und' NOT NULL",
    "ALTER TABLE statement ADD COLUMN translation TEXT",
    "ALTER TABLE statement ADD COLUMN translated_by VARCHAR(200)",
    "CREATE INDEX ix_statement_lang_timeline ON statement (lang, said_on, id)",
]
_SQLITE_TRIGGERS = ("statement_ai", "statement_ad", "statement_au")
_NEW_TOKEN = {"sqlite": "random()",
              "postgresql": "CAST(floor(random() * 9007199254740991) AS bigint)"}
_PG_TRIGGER = ("CREATE TRIGGER statement_tally AFTER INSERT OR UPDATE OR DELETE ON statement "
               "FOR EACH ROW EXECUTE FUNCTION statement_tally_trigger()")


def upgrade() -> None:
    dialect = _drop_count_triggers()
    for statement in _STATEMENT_COLUMNS_0010:
        _run(statement)
    _tally_table(_TALLY_0010, _INDEXES_0010)
    for statement in SQLITE_REFILL_0010 if dialect == "sqlite" else PG_REFILL_0010:
        _run(statement)
    _create_count_triggers(dialect, SQLITE_TRIGGERS_0010, PG_BUMP_0010)
    _analyze(dialect)


def downgrade() -> None:
    dialect = _drop_count_triggers()
    _tally_table(_TALLY_0009, _INDEXES_0009)
    op.execute("DELETE FROM statement_total WHERE given = 'lang' OR facet = 'lang'")
    _run(SQLITE_REFILL_TALLY_0009 if dialect == "sqlite" else PG_REFILL_TALLY_0009)
    _run("DROP INDEX ix_statement_lang_timeline")
    for column in ("translated_by", "translation", "lang"):
        _run(f"ALTER TABLE statement DROP COLUMN {column}")
    _create_count_triggers(dialect, SQLITE_TRIGGERS_0009, PG_BUMP_0009)
    _analyze(dialect)


def _drop_count_triggers() -> str:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in _SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    else:
        op.execute("DROP TRIGGER IF EXISTS statement_tally ON statement")
    return dialect


def _tally_table(key: list[str], indexes: dict[str, list[str]]) -> None:
    """Make `statement_tally` anew (empty) with the key columns and indexes given."""
    op.drop_table("statement_tally")
    text = {"country_code": 2, "stance": 12, "target_slug": 120, "kind": 12, "lang": 35}
    columns = [sa.Column("actor_id", sa.Integer(), autoincrement=False, nullable=False),
               sa.Column("month", sa.Date(), nullable=False)]
    columns += [sa.Column(name, sa.String(length=text[name]), nullable=False)
                for name in key if name in text]
    op.create_table("statement_tally", *columns, sa.Column("n", sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint(*key))
    for name, keys in indexes.items():
        op.create_index(f"ix_statement_tally_{name}", "statement_tally", keys)


def _create_count_triggers(dialect: str, sqlite: list[str], pg_bump: str) -> None:
    for statement in sqlite if dialect == "sqlite" else [pg_bump, _PG_TRIGGER]:
        _run(statement)
    _run(f"UPDATE statement_version SET token = {_NEW_TOKEN[dialect]}")


def _run(statement: str) -> None:
    """Run SQL as written: no parameters, so no character in it means one."""
    op.get_bind().exec_driver_sql(statement)


def _analyze(dialect: str) -> None:
    if dialect == "sqlite" and op.get_bind().exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
        op.execute("ANALYZE statement_tally")  # statistics for the new indexes


# --- The SQL of 0010 (generated once by app/record/triggers.py and tallies.refill_sql) ----

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

PG_BUMP_0010 = (
    '\n'
    '    CREATE OR REPLACE FUNCTION statement_tally_bump(r statement, s integer) RETURNS void AS $$\n'
    "    DECLARE m date := CAST(date_trunc('month', r.said_on) AS date);\n"
    '    BEGIN\n'
    "      IF r.status <> 'published' THEN RETURN; END IF;\n"
    '      INSERT INTO statement_tally AS t (actor_id, country_code, stance, target_slug, kind, lang, month, n)\n'
    "      VALUES (r.actor_id, coalesce(CAST(r.country_code AS varchar), ''), coalesce(CAST(r.stance AS varchar), ''), coalesce(CAST(r.target_slug AS varchar), ''), coalesce(CAST(r.kind AS varchar), ''), coalesce(CAST(r.lang AS varchar), ''), m, s)\n"
    '      ON CONFLICT (actor_id, country_code, stance, target_slug, kind, lang, month) DO UPDATE SET n = t.n + excluded.n;\n'
    '      INSERT INTO statement_total AS t (given, given_value, facet, value, n)\n'
    '      SELECT g, gv, f, v, s FROM (\n'
    "        SELECT '' AS g, '' AS gv, 'actor' AS f, CAST(r.actor_id AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'country' AS f, CAST(r.country_code AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'stance' AS f, CAST(r.stance AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'target' AS f, CAST(r.target_slug AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'kind' AS f, CAST(r.kind AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'lang' AS f, CAST(r.lang AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'month' AS f, to_char(m, 'YYYY-MM-DD') AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(r.actor_id AS varchar) AS gv, 'country' AS f, CAST(r.country_code AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(r.actor_id AS varchar) AS gv, 'stance' AS f, CAST(r.stance AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(r.actor_id AS varchar) AS gv, 'target' AS f, CAST(r.target_slug AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(r.actor_id AS varchar) AS gv, 'kind' AS f, CAST(r.kind AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(r.actor_id AS varchar) AS gv, 'lang' AS f, CAST(r.lang AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(r.actor_id AS varchar) AS gv, 'month' AS f, to_char(m, 'YYYY-MM-DD') AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(r.country_code AS varchar) AS gv, 'actor' AS f, CAST(r.actor_id AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(r.country_code AS varchar) AS gv, 'stance' AS f, CAST(r.stance AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(r.country_code AS varchar) AS gv, 'target' AS f, CAST(r.target_slug AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(r.country_code AS varchar) AS gv, 'kind' AS f, CAST(r.kind AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(r.country_code AS varchar) AS gv, 'lang' AS f, CAST(r.lang AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(r.country_code AS varchar) AS gv, 'month' AS f, to_char(m, 'YYYY-MM-DD') AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(r.stance AS varchar) AS gv, 'actor' AS f, CAST(r.actor_id AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(r.stance AS varchar) AS gv, 'country' AS f, CAST(r.country_code AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(r.stance AS varchar) AS gv, 'target' AS f, CAST(r.target_slug AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(r.stance AS varchar) AS gv, 'kind' AS f, CAST(r.kind AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(r.stance AS varchar) AS gv, 'lang' AS f, CAST(r.lang AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(r.stance AS varchar) AS gv, 'month' AS f, to_char(m, 'YYYY-MM-DD') AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(r.target_slug AS varchar) AS gv, 'actor' AS f, CAST(r.actor_id AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(r.target_slug AS varchar) AS gv, 'country' AS f, CAST(r.country_code AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(r.target_slug AS varchar) AS gv, 'stance' AS f, CAST(r.stance AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(r.target_slug AS varchar) AS gv, 'kind' AS f, CAST(r.kind AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(r.target_slug AS varchar) AS gv, 'lang' AS f, CAST(r.lang AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(r.target_slug AS varchar) AS gv, 'month' AS f, to_char(m, 'YYYY-MM-DD') AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(r.kind AS varchar) AS gv, 'actor' AS f, CAST(r.actor_id AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(r.kind AS varchar) AS gv, 'country' AS f, CAST(r.country_code AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(r.kind AS varchar) AS gv, 'stance' AS f, CAST(r.stance AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(r.kind AS varchar) AS gv, 'target' AS f, CAST(r.target_slug AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(r.kind AS varchar) AS gv, 'lang' AS f, CAST(r.lang AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(r.kind AS varchar) AS gv, 'month' AS f, to_char(m, 'YYYY-MM-DD') AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(r.lang AS varchar) AS gv, 'actor' AS f, CAST(r.actor_id AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(r.lang AS varchar) AS gv, 'country' AS f, CAST(r.country_code AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(r.lang AS varchar) AS gv, 'stance' AS f, CAST(r.stance AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(r.lang AS varchar) AS gv, 'target' AS f, CAST(r.target_slug AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(r.lang AS varchar) AS gv, 'kind' AS f, CAST(r.kind AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'lang' AS g, CAST(r.lang AS varchar) AS gv, 'month' AS f, to_char(m, 'YYYY-MM-DD') AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, to_char(m, 'YYYY') AS gv, 'actor' AS f, CAST(r.actor_id AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, to_char(m, 'YYYY') AS gv, 'country' AS f, CAST(r.country_code AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, to_char(m, 'YYYY') AS gv, 'stance' AS f, CAST(r.stance AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, to_char(m, 'YYYY') AS gv, 'target' AS f, CAST(r.target_slug AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, to_char(m, 'YYYY') AS gv, 'kind' AS f, CAST(r.kind AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, to_char(m, 'YYYY') AS gv, 'lang' AS f, CAST(r.lang AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, to_char(m, 'YYYY-MM-DD') AS gv, 'actor' AS f, CAST(r.actor_id AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, to_char(m, 'YYYY-MM-DD') AS gv, 'country' AS f, CAST(r.country_code AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, to_char(m, 'YYYY-MM-DD') AS gv, 'stance' AS f, CAST(r.stance AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, to_char(m, 'YYYY-MM-DD') AS gv, 'target' AS f, CAST(r.target_slug AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, to_char(m, 'YYYY-MM-DD') AS gv, 'kind' AS f, CAST(r.kind AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, to_char(m, 'YYYY-MM-DD') AS gv, 'lang' AS f, CAST(r.lang AS varchar) AS v) AS x\n"
    "      WHERE v IS NOT NULL AND v <> '' AND (g = '' OR (gv IS NOT NULL AND gv <> ''))\n"
    '      ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = t.n + excluded.n;\n'
    '    END $$ LANGUAGE plpgsql\n'
)

SQLITE_REFILL_0010 = [
(
    'DELETE FROM statement_total'
),
(
    'DELETE FROM statement_tally'
),
(
    "INSERT INTO statement_tally (actor_id, country_code, stance, target_slug, kind, lang, month, n) SELECT actor_id, coalesce(CAST(country_code AS VARCHAR), ''), coalesce(CAST(stance AS VARCHAR), ''), coalesce(CAST(target_slug AS VARCHAR), ''), coalesce(CAST(kind AS VARCHAR), ''), coalesce(CAST(lang AS VARCHAR), ''), date(said_on, 'start of month'), count(*) FROM statement WHERE status = 'published' GROUP BY 1, 2, 3, 4, 5, 6, 7"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT '', '', 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(actor_id AS VARCHAR) <> ''  GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT '', '', 'country', CAST(country_code AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(country_code AS VARCHAR) <> ''  GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT '', '', 'stance', CAST(stance AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(stance AS VARCHAR) <> ''  GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT '', '', 'target', CAST(target_slug AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(target_slug AS VARCHAR) <> ''  GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT '', '', 'kind', CAST(kind AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(kind AS VARCHAR) <> ''  GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT '', '', 'lang', CAST(lang AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(lang AS VARCHAR) <> ''  GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT '', '', 'month', month, sum(n) FROM statement_tally WHERE month <> ''  GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'actor', CAST(actor_id AS VARCHAR), 'country', CAST(country_code AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(country_code AS VARCHAR) <> '' AND CAST(actor_id AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'actor', CAST(actor_id AS VARCHAR), 'stance', CAST(stance AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(stance AS VARCHAR) <> '' AND CAST(actor_id AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'actor', CAST(actor_id AS VARCHAR), 'target', CAST(target_slug AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(target_slug AS VARCHAR) <> '' AND CAST(actor_id AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'actor', CAST(actor_id AS VARCHAR), 'kind', CAST(kind AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(kind AS VARCHAR) <> '' AND CAST(actor_id AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'actor', CAST(actor_id AS VARCHAR), 'lang', CAST(lang AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(lang AS VARCHAR) <> '' AND CAST(actor_id AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'actor', CAST(actor_id AS VARCHAR), 'month', month, sum(n) FROM statement_tally WHERE month <> '' AND CAST(actor_id AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'country', CAST(country_code AS VARCHAR), 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(actor_id AS VARCHAR) <> '' AND CAST(country_code AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'country', CAST(country_code AS VARCHAR), 'stance', CAST(stance AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(stance AS VARCHAR) <> '' AND CAST(country_code AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'country', CAST(country_code AS VARCHAR), 'target', CAST(target_slug AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(target_slug AS VARCHAR) <> '' AND CAST(country_code AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'country', CAST(country_code AS VARCHAR), 'kind', CAST(kind AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(kind AS VARCHAR) <> '' AND CAST(country_code AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'country', CAST(country_code AS VARCHAR), 'lang', CAST(lang AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(lang AS VARCHAR) <> '' AND CAST(country_code AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'country', CAST(country_code AS VARCHAR), 'month', month, sum(n) FROM statement_tally WHERE month <> '' AND CAST(country_code AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'stance', CAST(stance AS VARCHAR), 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(actor_id AS VARCHAR) <> '' AND CAST(stance AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'stance', CAST(stance AS VARCHAR), 'country', CAST(country_code AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(country_code AS VARCHAR) <> '' AND CAST(stance AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'stance', CAST(stance AS VARCHAR), 'target', CAST(target_slug AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(target_slug AS VARCHAR) <> '' AND CAST(stance AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'stance', CAST(stance AS VARCHAR), 'kind', CAST(kind AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(kind AS VARCHAR) <> '' AND CAST(stance AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'stance', CAST(stance AS VARCHAR), 'lang', CAST(lang AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(lang AS VARCHAR) <> '' AND CAST(stance AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'stance', CAST(stance AS VARCHAR), 'month', month, sum(n) FROM statement_tally WHERE month <> '' AND CAST(stance AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'target', CAST(target_slug AS VARCHAR), 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(actor_id AS VARCHAR) <> '' AND CAST(target_slug AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'target', CAST(target_slug AS VARCHAR), 'country', CAST(country_code AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(country_code AS VARCHAR) <> '' AND CAST(target_slug AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'target', CAST(target_slug AS VARCHAR), 'stance', CAST(stance AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(stance AS VARCHAR) <> '' AND CAST(target_slug AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'target', CAST(target_slug AS VARCHAR), 'kind', CAST(kind AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(kind AS VARCHAR) <> '' AND CAST(target_slug AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'target', CAST(target_slug AS VARCHAR), 'lang', CAST(lang AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(lang AS VARCHAR) <> '' AND CAST(target_slug AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'target', CAST(target_slug AS VARCHAR), 'month', month, sum(n) FROM statement_tally WHERE month <> '' AND CAST(target_slug AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'kind', CAST(kind AS VARCHAR), 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(actor_id AS VARCHAR) <> '' AND CAST(kind AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'kind', CAST(kind AS VARCHAR), 'country', CAST(country_code AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(country_code AS VARCHAR) <> '' AND CAST(kind AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'kind', CAST(kind AS VARCHAR), 'stance', CAST(stance AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(stance AS VARCHAR) <> '' AND CAST(kind AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'kind', CAST(kind AS VARCHAR), 'target', CAST(target_slug AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(target_slug AS VARCHAR) <> '' AND CAST(kind AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'kind', CAST(kind AS VARCHAR), 'lang', CAST(lang AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(lang AS VARCHAR) <> '' AND CAST(kind AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'kind', CAST(kind AS VARCHAR), 'month', month, sum(n) FROM statement_tally WHERE month <> '' AND CAST(kind AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'lang', CAST(lang AS VARCHAR), 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(actor_id AS VARCHAR) <> '' AND CAST(lang AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'lang', CAST(lang AS VARCHAR), 'country', CAST(country_code AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(country_code AS VARCHAR) <> '' AND CAST(lang AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'lang', CAST(lang AS VARCHAR), 'stance', CAST(stance AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(stance AS VARCHAR) <> '' AND CAST(lang AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'lang', CAST(lang AS VARCHAR), 'target', CAST(target_slug AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(target_slug AS VARCHAR) <> '' AND CAST(lang AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'lang', CAST(lang AS VARCHAR), 'kind', CAST(kind AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(kind AS VARCHAR) <> '' AND CAST(lang AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'lang', CAST(lang AS VARCHAR), 'month', month, sum(n) FROM statement_tally WHERE month <> '' AND CAST(lang AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'year', substr(month, 1, 4), 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(actor_id AS VARCHAR) <> '' AND substr(month, 1, 4) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'year', substr(month, 1, 4), 'country', CAST(country_code AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(country_code AS VARCHAR) <> '' AND substr(month, 1, 4) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'year', substr(month, 1, 4), 'stance', CAST(stance AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(stance AS VARCHAR) <> '' AND substr(month, 1, 4) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'year', substr(month, 1, 4), 'target', CAST(target_slug AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(target_slug AS VARCHAR) <> '' AND substr(month, 1, 4) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'year', substr(month, 1, 4), 'kind', CAST(kind AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(kind AS VARCHAR) <> '' AND substr(month, 1, 4) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'year', substr(month, 1, 4), 'lang', CAST(lang AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(lang AS VARCHAR) <> '' AND substr(month, 1, 4) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'month', month, 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(actor_id AS VARCHAR) <> '' AND month <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'month', month, 'country', CAST(country_code AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(country_code AS VARCHAR) <> '' AND month <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'month', month, 'stance', CAST(stance AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(stance AS VARCHAR) <> '' AND month <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'month', month, 'target', CAST(target_slug AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(target_slug AS VARCHAR) <> '' AND month <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'month', month, 'kind', CAST(kind AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(kind AS VARCHAR) <> '' AND month <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'month', month, 'lang', CAST(lang AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(lang AS VARCHAR) <> '' AND month <> '' GROUP BY 2, 4"
),
]

PG_REFILL_0010 = [
(
    'DELETE FROM statement_total'
),
(
    'DELETE FROM statement_tally'
),
(
    "INSERT INTO statement_tally (actor_id, country_code, stance, target_slug, kind, lang, month, n) SELECT actor_id, coalesce(CAST(country_code AS VARCHAR), ''), coalesce(CAST(stance AS VARCHAR), ''), coalesce(CAST(target_slug AS VARCHAR), ''), coalesce(CAST(kind AS VARCHAR), ''), coalesce(CAST(lang AS VARCHAR), ''), CAST(date_trunc('month', said_on) AS DATE), count(*) FROM statement WHERE status = 'published' GROUP BY 1, 2, 3, 4, 5, 6, 7"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT '', '', 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(actor_id AS VARCHAR) <> ''  GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT '', '', 'country', CAST(country_code AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(country_code AS VARCHAR) <> ''  GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT '', '', 'stance', CAST(stance AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(stance AS VARCHAR) <> ''  GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT '', '', 'target', CAST(target_slug AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(target_slug AS VARCHAR) <> ''  GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT '', '', 'kind', CAST(kind AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(kind AS VARCHAR) <> ''  GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT '', '', 'lang', CAST(lang AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(lang AS VARCHAR) <> ''  GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT '', '', 'month', to_char(month, 'YYYY-MM-DD'), sum(n) FROM statement_tally WHERE to_char(month, 'YYYY-MM-DD') <> ''  GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'actor', CAST(actor_id AS VARCHAR), 'country', CAST(country_code AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(country_code AS VARCHAR) <> '' AND CAST(actor_id AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'actor', CAST(actor_id AS VARCHAR), 'stance', CAST(stance AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(stance AS VARCHAR) <> '' AND CAST(actor_id AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'actor', CAST(actor_id AS VARCHAR), 'target', CAST(target_slug AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(target_slug AS VARCHAR) <> '' AND CAST(actor_id AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'actor', CAST(actor_id AS VARCHAR), 'kind', CAST(kind AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(kind AS VARCHAR) <> '' AND CAST(actor_id AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'actor', CAST(actor_id AS VARCHAR), 'lang', CAST(lang AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(lang AS VARCHAR) <> '' AND CAST(actor_id AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'actor', CAST(actor_id AS VARCHAR), 'month', to_char(month, 'YYYY-MM-DD'), sum(n) FROM statement_tally WHERE to_char(month, 'YYYY-MM-DD') <> '' AND CAST(actor_id AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'country', CAST(country_code AS VARCHAR), 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(actor_id AS VARCHAR) <> '' AND CAST(country_code AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'country', CAST(country_code AS VARCHAR), 'stance', CAST(stance AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(stance AS VARCHAR) <> '' AND CAST(country_code AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'country', CAST(country_code AS VARCHAR), 'target', CAST(target_slug AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(target_slug AS VARCHAR) <> '' AND CAST(country_code AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'country', CAST(country_code AS VARCHAR), 'kind', CAST(kind AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(kind AS VARCHAR) <> '' AND CAST(country_code AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'country', CAST(country_code AS VARCHAR), 'lang', CAST(lang AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(lang AS VARCHAR) <> '' AND CAST(country_code AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'country', CAST(country_code AS VARCHAR), 'month', to_char(month, 'YYYY-MM-DD'), sum(n) FROM statement_tally WHERE to_char(month, 'YYYY-MM-DD') <> '' AND CAST(country_code AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'stance', CAST(stance AS VARCHAR), 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(actor_id AS VARCHAR) <> '' AND CAST(stance AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'stance', CAST(stance AS VARCHAR), 'country', CAST(country_code AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(country_code AS VARCHAR) <> '' AND CAST(stance AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'stance', CAST(stance AS VARCHAR), 'target', CAST(target_slug AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(target_slug AS VARCHAR) <> '' AND CAST(stance AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'stance', CAST(stance AS VARCHAR), 'kind', CAST(kind AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(kind AS VARCHAR) <> '' AND CAST(stance AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'stance', CAST(stance AS VARCHAR), 'lang', CAST(lang AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(lang AS VARCHAR) <> '' AND CAST(stance AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'stance', CAST(stance AS VARCHAR), 'month', to_char(month, 'YYYY-MM-DD'), sum(n) FROM statement_tally WHERE to_char(month, 'YYYY-MM-DD') <> '' AND CAST(stance AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'target', CAST(target_slug AS VARCHAR), 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(actor_id AS VARCHAR) <> '' AND CAST(target_slug AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'target', CAST(target_slug AS VARCHAR), 'country', CAST(country_code AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(country_code AS VARCHAR) <> '' AND CAST(target_slug AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'target', CAST(target_slug AS VARCHAR), 'stance', CAST(stance AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(stance AS VARCHAR) <> '' AND CAST(target_slug AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'target', CAST(target_slug AS VARCHAR), 'kind', CAST(kind AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(kind AS VARCHAR) <> '' AND CAST(target_slug AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'target', CAST(target_slug AS VARCHAR), 'lang', CAST(lang AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(lang AS VARCHAR) <> '' AND CAST(target_slug AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'target', CAST(target_slug AS VARCHAR), 'month', to_char(month, 'YYYY-MM-DD'), sum(n) FROM statement_tally WHERE to_char(month, 'YYYY-MM-DD') <> '' AND CAST(target_slug AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'kind', CAST(kind AS VARCHAR), 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(actor_id AS VARCHAR) <> '' AND CAST(kind AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'kind', CAST(kind AS VARCHAR), 'country', CAST(country_code AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(country_code AS VARCHAR) <> '' AND CAST(kind AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'kind', CAST(kind AS VARCHAR), 'stance', CAST(stance AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(stance AS VARCHAR) <> '' AND CAST(kind AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'kind', CAST(kind AS VARCHAR), 'target', CAST(target_slug AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(target_slug AS VARCHAR) <> '' AND CAST(kind AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'kind', CAST(kind AS VARCHAR), 'lang', CAST(lang AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(lang AS VARCHAR) <> '' AND CAST(kind AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'kind', CAST(kind AS VARCHAR), 'month', to_char(month, 'YYYY-MM-DD'), sum(n) FROM statement_tally WHERE to_char(month, 'YYYY-MM-DD') <> '' AND CAST(kind AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'lang', CAST(lang AS VARCHAR), 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(actor_id AS VARCHAR) <> '' AND CAST(lang AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'lang', CAST(lang AS VARCHAR), 'country', CAST(country_code AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(country_code AS VARCHAR) <> '' AND CAST(lang AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'lang', CAST(lang AS VARCHAR), 'stance', CAST(stance AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(stance AS VARCHAR) <> '' AND CAST(lang AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'lang', CAST(lang AS VARCHAR), 'target', CAST(target_slug AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(target_slug AS VARCHAR) <> '' AND CAST(lang AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'lang', CAST(lang AS VARCHAR), 'kind', CAST(kind AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(kind AS VARCHAR) <> '' AND CAST(lang AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'lang', CAST(lang AS VARCHAR), 'month', to_char(month, 'YYYY-MM-DD'), sum(n) FROM statement_tally WHERE to_char(month, 'YYYY-MM-DD') <> '' AND CAST(lang AS VARCHAR) <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'year', to_char(month, 'YYYY'), 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(actor_id AS VARCHAR) <> '' AND to_char(month, 'YYYY') <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'year', to_char(month, 'YYYY'), 'country', CAST(country_code AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(country_code AS VARCHAR) <> '' AND to_char(month, 'YYYY') <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'year', to_char(month, 'YYYY'), 'stance', CAST(stance AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(stance AS VARCHAR) <> '' AND to_char(month, 'YYYY') <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'year', to_char(month, 'YYYY'), 'target', CAST(target_slug AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(target_slug AS VARCHAR) <> '' AND to_char(month, 'YYYY') <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'year', to_char(month, 'YYYY'), 'kind', CAST(kind AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(kind AS VARCHAR) <> '' AND to_char(month, 'YYYY') <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'year', to_char(month, 'YYYY'), 'lang', CAST(lang AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(lang AS VARCHAR) <> '' AND to_char(month, 'YYYY') <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'month', to_char(month, 'YYYY-MM-DD'), 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(actor_id AS VARCHAR) <> '' AND to_char(month, 'YYYY-MM-DD') <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'month', to_char(month, 'YYYY-MM-DD'), 'country', CAST(country_code AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(country_code AS VARCHAR) <> '' AND to_char(month, 'YYYY-MM-DD') <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'month', to_char(month, 'YYYY-MM-DD'), 'stance', CAST(stance AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(stance AS VARCHAR) <> '' AND to_char(month, 'YYYY-MM-DD') <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'month', to_char(month, 'YYYY-MM-DD'), 'target', CAST(target_slug AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(target_slug AS VARCHAR) <> '' AND to_char(month, 'YYYY-MM-DD') <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'month', to_char(month, 'YYYY-MM-DD'), 'kind', CAST(kind AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(kind AS VARCHAR) <> '' AND to_char(month, 'YYYY-MM-DD') <> '' GROUP BY 2, 4"
),
(
    "INSERT INTO statement_total (given, given_value, facet, value, n) SELECT 'month', to_char(month, 'YYYY-MM-DD'), 'lang', CAST(lang AS VARCHAR), sum(n) FROM statement_tally WHERE CAST(lang AS VARCHAR) <> '' AND to_char(month, 'YYYY-MM-DD') <> '' GROUP BY 2, 4"
),
]

# --- The SQL of 0006 to 0009, which a downgrade puts back ---------------------------------

SQLITE_TRIGGERS_0009 = [
(
    'CREATE TRIGGER statement_ai AFTER INSERT ON statement BEGIN INSERT INTO statement_fts (rowid, text) VALUES (new.id, new.text);\n'
    '    INSERT INTO statement_tally (actor_id, country_code, stance, target_slug, kind, month, n)\n'
    "    SELECT new.actor_id, coalesce(CAST(new.country_code AS TEXT), ''), coalesce(CAST(new.stance AS TEXT), ''), coalesce(CAST(new.target_slug AS TEXT), ''), coalesce(CAST(new.kind AS TEXT), ''), date(new.said_on, 'start of month'), 1\n"
    "    WHERE new.status = 'published'\n"
    '    ON CONFLICT (actor_id, country_code, stance, target_slug, kind, month) DO UPDATE SET n = n + excluded.n;\n'
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
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
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
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v)\n"
    "    WHERE new.status = 'published' AND v IS NOT NULL AND v <> ''\n"
    "      AND (g = '' OR (gv IS NOT NULL AND gv <> ''))\n"
    '    ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = n + excluded.n;\n'
    ' END'
),
(
    "CREATE TRIGGER statement_ad AFTER DELETE ON statement BEGIN INSERT INTO statement_fts (statement_fts, rowid, text) VALUES ('delete', old.id, old.text);\n"
    '    INSERT INTO statement_tally (actor_id, country_code, stance, target_slug, kind, month, n)\n'
    "    SELECT old.actor_id, coalesce(CAST(old.country_code AS TEXT), ''), coalesce(CAST(old.stance AS TEXT), ''), coalesce(CAST(old.target_slug AS TEXT), ''), coalesce(CAST(old.kind AS TEXT), ''), date(old.said_on, 'start of month'), -1\n"
    "    WHERE old.status = 'published'\n"
    '    ON CONFLICT (actor_id, country_code, stance, target_slug, kind, month) DO UPDATE SET n = n + excluded.n;\n'
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
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
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
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v)\n"
    "    WHERE old.status = 'published' AND v IS NOT NULL AND v <> ''\n"
    "      AND (g = '' OR (gv IS NOT NULL AND gv <> ''))\n"
    '    ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = n + excluded.n;\n'
    ' END'
),
(
    "CREATE TRIGGER statement_au AFTER UPDATE ON statement BEGIN INSERT INTO statement_fts (statement_fts, rowid, text) VALUES ('delete', old.id, old.text); INSERT INTO statement_fts (rowid, text) VALUES (new.id, new.text);\n"
    '    INSERT INTO statement_tally (actor_id, country_code, stance, target_slug, kind, month, n)\n'
    "    SELECT old.actor_id, coalesce(CAST(old.country_code AS TEXT), ''), coalesce(CAST(old.stance AS TEXT), ''), coalesce(CAST(old.target_slug AS TEXT), ''), coalesce(CAST(old.kind AS TEXT), ''), date(old.said_on, 'start of month'), -1\n"
    "    WHERE old.status = 'published'\n"
    '    ON CONFLICT (actor_id, country_code, stance, target_slug, kind, month) DO UPDATE SET n = n + excluded.n;\n'
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
    " UNION ALL SELECT 'kind' AS g, CAST(old.kind AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v\n"
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
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'country' AS f, CAST(old.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'stance' AS f, CAST(old.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'target' AS f, CAST(old.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'kind' AS f, CAST(old.kind AS TEXT) AS v)\n"
    "    WHERE old.status = 'published' AND v IS NOT NULL AND v <> ''\n"
    "      AND (g = '' OR (gv IS NOT NULL AND gv <> ''))\n"
    '    ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = n + excluded.n;\n'
    '\n'
    '    INSERT INTO statement_tally (actor_id, country_code, stance, target_slug, kind, month, n)\n'
    "    SELECT new.actor_id, coalesce(CAST(new.country_code AS TEXT), ''), coalesce(CAST(new.stance AS TEXT), ''), coalesce(CAST(new.target_slug AS TEXT), ''), coalesce(CAST(new.kind AS TEXT), ''), date(new.said_on, 'start of month'), 1\n"
    "    WHERE new.status = 'published'\n"
    '    ON CONFLICT (actor_id, country_code, stance, target_slug, kind, month) DO UPDATE SET n = n + excluded.n;\n'
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
    " UNION ALL SELECT 'kind' AS g, CAST(new.kind AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v\n"
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
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'country' AS f, CAST(new.country_code AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'stance' AS f, CAST(new.stance AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'target' AS f, CAST(new.target_slug AS TEXT) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'kind' AS f, CAST(new.kind AS TEXT) AS v)\n"
    "    WHERE new.status = 'published' AND v IS NOT NULL AND v <> ''\n"
    "      AND (g = '' OR (gv IS NOT NULL AND gv <> ''))\n"
    '    ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = n + excluded.n;\n'
    ' END'
),
]

PG_BUMP_0009 = (
    '\n'
    '    CREATE OR REPLACE FUNCTION statement_tally_bump(r statement, s integer) RETURNS void AS $$\n'
    "    DECLARE m date := CAST(date_trunc('month', r.said_on) AS date);\n"
    '    BEGIN\n'
    "      IF r.status <> 'published' THEN RETURN; END IF;\n"
    '      INSERT INTO statement_tally AS t (actor_id, country_code, stance, target_slug, kind, month, n)\n'
    "      VALUES (r.actor_id, coalesce(CAST(r.country_code AS varchar), ''), coalesce(CAST(r.stance AS varchar), ''), coalesce(CAST(r.target_slug AS varchar), ''), coalesce(CAST(r.kind AS varchar), ''), m, s)\n"
    '      ON CONFLICT (actor_id, country_code, stance, target_slug, kind, month) DO UPDATE SET n = t.n + excluded.n;\n'
    '      INSERT INTO statement_total AS t (given, given_value, facet, value, n)\n'
    '      SELECT g, gv, f, v, s FROM (\n'
    "        SELECT '' AS g, '' AS gv, 'actor' AS f, CAST(r.actor_id AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'country' AS f, CAST(r.country_code AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'stance' AS f, CAST(r.stance AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'target' AS f, CAST(r.target_slug AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'kind' AS f, CAST(r.kind AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT '' AS g, '' AS gv, 'month' AS f, to_char(m, 'YYYY-MM-DD') AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(r.actor_id AS varchar) AS gv, 'country' AS f, CAST(r.country_code AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(r.actor_id AS varchar) AS gv, 'stance' AS f, CAST(r.stance AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(r.actor_id AS varchar) AS gv, 'target' AS f, CAST(r.target_slug AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(r.actor_id AS varchar) AS gv, 'kind' AS f, CAST(r.kind AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'actor' AS g, CAST(r.actor_id AS varchar) AS gv, 'month' AS f, to_char(m, 'YYYY-MM-DD') AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(r.country_code AS varchar) AS gv, 'actor' AS f, CAST(r.actor_id AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(r.country_code AS varchar) AS gv, 'stance' AS f, CAST(r.stance AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(r.country_code AS varchar) AS gv, 'target' AS f, CAST(r.target_slug AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(r.country_code AS varchar) AS gv, 'kind' AS f, CAST(r.kind AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'country' AS g, CAST(r.country_code AS varchar) AS gv, 'month' AS f, to_char(m, 'YYYY-MM-DD') AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(r.stance AS varchar) AS gv, 'actor' AS f, CAST(r.actor_id AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(r.stance AS varchar) AS gv, 'country' AS f, CAST(r.country_code AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(r.stance AS varchar) AS gv, 'target' AS f, CAST(r.target_slug AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(r.stance AS varchar) AS gv, 'kind' AS f, CAST(r.kind AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'stance' AS g, CAST(r.stance AS varchar) AS gv, 'month' AS f, to_char(m, 'YYYY-MM-DD') AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(r.target_slug AS varchar) AS gv, 'actor' AS f, CAST(r.actor_id AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(r.target_slug AS varchar) AS gv, 'country' AS f, CAST(r.country_code AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(r.target_slug AS varchar) AS gv, 'stance' AS f, CAST(r.stance AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(r.target_slug AS varchar) AS gv, 'kind' AS f, CAST(r.kind AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'target' AS g, CAST(r.target_slug AS varchar) AS gv, 'month' AS f, to_char(m, 'YYYY-MM-DD') AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(r.kind AS varchar) AS gv, 'actor' AS f, CAST(r.actor_id AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(r.kind AS varchar) AS gv, 'country' AS f, CAST(r.country_code AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(r.kind AS varchar) AS gv, 'stance' AS f, CAST(r.stance AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(r.kind AS varchar) AS gv, 'target' AS f, CAST(r.target_slug AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'kind' AS g, CAST(r.kind AS varchar) AS gv, 'month' AS f, to_char(m, 'YYYY-MM-DD') AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, to_char(m, 'YYYY') AS gv, 'actor' AS f, CAST(r.actor_id AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, to_char(m, 'YYYY') AS gv, 'country' AS f, CAST(r.country_code AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, to_char(m, 'YYYY') AS gv, 'stance' AS f, CAST(r.stance AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, to_char(m, 'YYYY') AS gv, 'target' AS f, CAST(r.target_slug AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'year' AS g, to_char(m, 'YYYY') AS gv, 'kind' AS f, CAST(r.kind AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, to_char(m, 'YYYY-MM-DD') AS gv, 'actor' AS f, CAST(r.actor_id AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, to_char(m, 'YYYY-MM-DD') AS gv, 'country' AS f, CAST(r.country_code AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, to_char(m, 'YYYY-MM-DD') AS gv, 'stance' AS f, CAST(r.stance AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, to_char(m, 'YYYY-MM-DD') AS gv, 'target' AS f, CAST(r.target_slug AS varchar) AS v\n"
    '       '
    " UNION ALL SELECT 'month' AS g, to_char(m, 'YYYY-MM-DD') AS gv, 'kind' AS f, CAST(r.kind AS varchar) AS v) AS x\n"
    "      WHERE v IS NOT NULL AND v <> '' AND (g = '' OR (gv IS NOT NULL AND gv <> ''))\n"
    '      ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = t.n + excluded.n;\n'
    '    END $$ LANGUAGE plpgsql\n'
)

SQLITE_REFILL_TALLY_0009 = (
    "INSERT INTO statement_tally (actor_id, country_code, stance, target_slug, kind, month, n) SELECT actor_id, coalesce(CAST(country_code AS VARCHAR), ''), coalesce(CAST(stance AS VARCHAR), ''), coalesce(CAST(target_slug AS VARCHAR), ''), coalesce(CAST(kind AS VARCHAR), ''), date(said_on, 'start of month'), count(*) FROM statement WHERE status = 'published' GROUP BY 1, 2, 3, 4, 5, 6"
)

PG_REFILL_TALLY_0009 = (
    "INSERT INTO statement_tally (actor_id, country_code, stance, target_slug, kind, month, n) SELECT actor_id, coalesce(CAST(country_code AS VARCHAR), ''), coalesce(CAST(stance AS VARCHAR), ''), coalesce(CAST(target_slug AS VARCHAR), ''), coalesce(CAST(kind AS VARCHAR), ''), CAST(date_trunc('month', said_on) AS DATE), count(*) FROM statement WHERE status = 'published' GROUP BY 1, 2, 3, 4, 5, 6"
)

