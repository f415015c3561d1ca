"""search and counts: full-text index and trigger-kept tallies of public statements

SQLite: an FTS5 table over statement.text (external content) and triggers that keep it and
the tallies in step with every insert, update and delete on statement.
PostgreSQL: a GIN index on to_tsvector('simple', text) and one plpgsql trigger for the tallies.

The SQL below is what this migration ran when it was made (rendered from app/triggers.py
and app/tallies.py of that time with migrations/render_sql.py): frozen, so that running it
today still does what it did then, whatever the app's triggers have become since.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 01:25:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _create_tables() -> None:
    op.create_table(
        "statement_tally",
        sa.Column("actor_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("country_code", sa.String(length=2), nullable=False),
        sa.Column("stance", sa.String(length=12), nullable=False),
        sa.Column("target_slug", sa.String(length=120), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("actor_id", "month", "country_code", "stance", "target_slug"),
    )
    for name, columns in [("country", ["country_code", "month"]), ("stance", ["stance", "month"]),
                          ("target", ["target_slug", "month"]), ("month", ["month"])]:
        op.create_index(f"ix_statement_tally_{name}", "statement_tally", columns)
    op.create_table(
        "statement_total",
        sa.Column("given", sa.String(length=12), nullable=False),
        sa.Column("given_value", sa.String(length=120), nullable=False),
        sa.Column("facet", sa.String(length=12), nullable=False),
        sa.Column("value", sa.String(length=120), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("given", "given_value", "facet", "value"),
    )
    op.create_index("ix_statement_total_top", "statement_total",
                    ["given", "given_value", "facet", "n"])


def upgrade() -> None:
    _create_tables()
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    for statement in ((*SQLITE_SEARCH, *SQLITE_TRIGGERS, *SQLITE_COUNT) if sqlite else
                      (*POSTGRESQL_SEARCH, *POSTGRESQL_TRIGGERS, *POSTGRESQL_COUNT)):
        bind.exec_driver_sql(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("statement_ai", "statement_ad", "statement_au"):
            op.execute(f"DROP TRIGGER {name}")
        op.execute("DROP TABLE statement_fts")
    else:
        op.execute("DROP TRIGGER statement_tally ON statement")
        op.execute("DROP FUNCTION statement_tally_trigger()")
        op.execute("DROP FUNCTION statement_tally_bump(statement, integer)")
        op.execute("DROP INDEX ix_statement_text_search")
    op.drop_index("ix_statement_total_top", "statement_total")
    op.drop_table("statement_total")
    op.drop_table("statement_tally")


#: SQLite: the search table over statement.text.
SQLITE_SEARCH: tuple[str, ...] = (
    (
        '\n'
        'CREATE VIRTUAL TABLE statement_fts USING fts5(\n'
        '    text, content="statement", content_rowid="id", tokenize=\'unicode61 remove_diacritics 2\')\n'
    ),
)

#: SQLite: the triggers that keep search and counts in step with statement (21 totals a
#: statement; 0005 put back its own, and puts these back when it goes down).
SQLITE_TRIGGERS: tuple[str, ...] = (
    (
        'CREATE TRIGGER statement_ai AFTER INSERT ON statement BEGIN INSERT INTO statement_fts (rowid, text) VALUES (new.id, new.text);\n'
        '    INSERT INTO statement_tally (actor_id, month, country_code, stance, target_slug, n)\n'
        "    SELECT new.actor_id, date(new.said_on, 'start of month'), coalesce(new.country_code, ''), new.stance,\n"
        "           coalesce(new.target_slug, ''), 1\n"
        "    WHERE new.status = 'published'\n"
        '    ON CONFLICT (actor_id, month, country_code, stance, target_slug)\n'
        '    DO UPDATE SET n = n + excluded.n;\n'
        '    \n'
        '    INSERT INTO statement_total  (given, given_value, facet, value, n)\n'
        "    SELECT g, gv, f, v, 1 FROM (SELECT '' AS g, '' AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v"
        " UNION ALL SELECT '' AS g, '' AS gv, 'country' AS f, new.country_code AS v"
        " UNION ALL SELECT '' AS g, '' AS gv, 'stance' AS f, new.stance AS v"
        " UNION ALL SELECT '' AS g, '' AS gv, 'target' AS f, new.target_slug AS v"
        " UNION ALL SELECT '' AS g, '' AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v"
        " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'country' AS f, new.country_code AS v"
        " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'stance' AS f, new.stance AS v"
        " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'target' AS f, new.target_slug AS v"
        " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v"
        " UNION ALL SELECT 'country' AS g, new.country_code AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v"
        " UNION ALL SELECT 'country' AS g, new.country_code AS gv, 'stance' AS f, new.stance AS v"
        " UNION ALL SELECT 'country' AS g, new.country_code AS gv, 'target' AS f, new.target_slug AS v"
        " UNION ALL SELECT 'country' AS g, new.country_code AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v"
        " UNION ALL SELECT 'stance' AS g, new.stance AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v"
        " UNION ALL SELECT 'stance' AS g, new.stance AS gv, 'country' AS f, new.country_code AS v"
        " UNION ALL SELECT 'stance' AS g, new.stance AS gv, 'target' AS f, new.target_slug AS v"
        " UNION ALL SELECT 'stance' AS g, new.stance AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v"
        " UNION ALL SELECT 'target' AS g, new.target_slug AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v"
        " UNION ALL SELECT 'target' AS g, new.target_slug AS gv, 'country' AS f, new.country_code AS v"
        " UNION ALL SELECT 'target' AS g, new.target_slug AS gv, 'stance' AS f, new.stance AS v"
        " UNION ALL SELECT 'target' AS g, new.target_slug AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v) AS x\n"
        "    WHERE new.status = 'published' AND v IS NOT NULL AND v <> '' AND (g = '' OR (gv IS NOT NULL AND gv <> ''))\n"
        '    ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = n + excluded.n;\n'
        ' END'
    ),
    (
        "CREATE TRIGGER statement_ad AFTER DELETE ON statement BEGIN INSERT INTO statement_fts (statement_fts, rowid, text) VALUES ('delete', old.id, old.text);\n"
        '    INSERT INTO statement_tally (actor_id, month, country_code, stance, target_slug, n)\n'
        "    SELECT old.actor_id, date(old.said_on, 'start of month'), coalesce(old.country_code, ''), old.stance,\n"
        "           coalesce(old.target_slug, ''), -1\n"
        "    WHERE old.status = 'published'\n"
        '    ON CONFLICT (actor_id, month, country_code, stance, target_slug)\n'
        '    DO UPDATE SET n = n + excluded.n;\n'
        '    \n'
        '    INSERT INTO statement_total  (given, given_value, facet, value, n)\n'
        "    SELECT g, gv, f, v, -1 FROM (SELECT '' AS g, '' AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v"
        " UNION ALL SELECT '' AS g, '' AS gv, 'country' AS f, old.country_code AS v"
        " UNION ALL SELECT '' AS g, '' AS gv, 'stance' AS f, old.stance AS v"
        " UNION ALL SELECT '' AS g, '' AS gv, 'target' AS f, old.target_slug AS v"
        " UNION ALL SELECT '' AS g, '' AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v"
        " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'country' AS f, old.country_code AS v"
        " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'stance' AS f, old.stance AS v"
        " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'target' AS f, old.target_slug AS v"
        " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v"
        " UNION ALL SELECT 'country' AS g, old.country_code AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v"
        " UNION ALL SELECT 'country' AS g, old.country_code AS gv, 'stance' AS f, old.stance AS v"
        " UNION ALL SELECT 'country' AS g, old.country_code AS gv, 'target' AS f, old.target_slug AS v"
        " UNION ALL SELECT 'country' AS g, old.country_code AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v"
        " UNION ALL SELECT 'stance' AS g, old.stance AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v"
        " UNION ALL SELECT 'stance' AS g, old.stance AS gv, 'country' AS f, old.country_code AS v"
        " UNION ALL SELECT 'stance' AS g, old.stance AS gv, 'target' AS f, old.target_slug AS v"
        " UNION ALL SELECT 'stance' AS g, old.stance AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v"
        " UNION ALL SELECT 'target' AS g, old.target_slug AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v"
        " UNION ALL SELECT 'target' AS g, old.target_slug AS gv, 'country' AS f, old.country_code AS v"
        " UNION ALL SELECT 'target' AS g, old.target_slug AS gv, 'stance' AS f, old.stance AS v"
        " UNION ALL SELECT 'target' AS g, old.target_slug AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v) AS x\n"
        "    WHERE old.status = 'published' AND v IS NOT NULL AND v <> '' AND (g = '' OR (gv IS NOT NULL AND gv <> ''))\n"
        '    ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = n + excluded.n;\n'
        ' END'
    ),
    (
        "CREATE TRIGGER statement_au AFTER UPDATE ON statement BEGIN INSERT INTO statement_fts (statement_fts, rowid, text) VALUES ('delete', old.id, old.text); INSERT INTO statement_fts (rowid, text) VALUES (new.id, new.text);\n"
        '    INSERT INTO statement_tally (actor_id, month, country_code, stance, target_slug, n)\n'
        "    SELECT old.actor_id, date(old.said_on, 'start of month'), coalesce(old.country_code, ''), old.stance,\n"
        "           coalesce(old.target_slug, ''), -1\n"
        "    WHERE old.status = 'published'\n"
        '    ON CONFLICT (actor_id, month, country_code, stance, target_slug)\n'
        '    DO UPDATE SET n = n + excluded.n;\n'
        '    \n'
        '    INSERT INTO statement_total  (given, given_value, facet, value, n)\n'
        "    SELECT g, gv, f, v, -1 FROM (SELECT '' AS g, '' AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v"
        " UNION ALL SELECT '' AS g, '' AS gv, 'country' AS f, old.country_code AS v"
        " UNION ALL SELECT '' AS g, '' AS gv, 'stance' AS f, old.stance AS v"
        " UNION ALL SELECT '' AS g, '' AS gv, 'target' AS f, old.target_slug AS v"
        " UNION ALL SELECT '' AS g, '' AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v"
        " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'country' AS f, old.country_code AS v"
        " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'stance' AS f, old.stance AS v"
        " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'target' AS f, old.target_slug AS v"
        " UNION ALL SELECT 'actor' AS g, CAST(old.actor_id AS TEXT) AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v"
        " UNION ALL SELECT 'country' AS g, old.country_code AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v"
        " UNION ALL SELECT 'country' AS g, old.country_code AS gv, 'stance' AS f, old.stance AS v"
        " UNION ALL SELECT 'country' AS g, old.country_code AS gv, 'target' AS f, old.target_slug AS v"
        " UNION ALL SELECT 'country' AS g, old.country_code AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v"
        " UNION ALL SELECT 'stance' AS g, old.stance AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v"
        " UNION ALL SELECT 'stance' AS g, old.stance AS gv, 'country' AS f, old.country_code AS v"
        " UNION ALL SELECT 'stance' AS g, old.stance AS gv, 'target' AS f, old.target_slug AS v"
        " UNION ALL SELECT 'stance' AS g, old.stance AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v"
        " UNION ALL SELECT 'target' AS g, old.target_slug AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v"
        " UNION ALL SELECT 'target' AS g, old.target_slug AS gv, 'country' AS f, old.country_code AS v"
        " UNION ALL SELECT 'target' AS g, old.target_slug AS gv, 'stance' AS f, old.stance AS v"
        " UNION ALL SELECT 'target' AS g, old.target_slug AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v) AS x\n"
        "    WHERE old.status = 'published' AND v IS NOT NULL AND v <> '' AND (g = '' OR (gv IS NOT NULL AND gv <> ''))\n"
        '    ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = n + excluded.n;\n'
        '\n'
        '    INSERT INTO statement_tally (actor_id, month, country_code, stance, target_slug, n)\n'
        "    SELECT new.actor_id, date(new.said_on, 'start of month'), coalesce(new.country_code, ''), new.stance,\n"
        "           coalesce(new.target_slug, ''), 1\n"
        "    WHERE new.status = 'published'\n"
        '    ON CONFLICT (actor_id, month, country_code, stance, target_slug)\n'
        '    DO UPDATE SET n = n + excluded.n;\n'
        '    \n'
        '    INSERT INTO statement_total  (given, given_value, facet, value, n)\n'
        "    SELECT g, gv, f, v, 1 FROM (SELECT '' AS g, '' AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v"
        " UNION ALL SELECT '' AS g, '' AS gv, 'country' AS f, new.country_code AS v"
        " UNION ALL SELECT '' AS g, '' AS gv, 'stance' AS f, new.stance AS v"
        " UNION ALL SELECT '' AS g, '' AS gv, 'target' AS f, new.target_slug AS v"
        " UNION ALL SELECT '' AS g, '' AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v"
        " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'country' AS f, new.country_code AS v"
        " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'stance' AS f, new.stance AS v"
        " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'target' AS f, new.target_slug AS v"
        " UNION ALL SELECT 'actor' AS g, CAST(new.actor_id AS TEXT) AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v"
        " UNION ALL SELECT 'country' AS g, new.country_code AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v"
        " UNION ALL SELECT 'country' AS g, new.country_code AS gv, 'stance' AS f, new.stance AS v"
        " UNION ALL SELECT 'country' AS g, new.country_code AS gv, 'target' AS f, new.target_slug AS v"
        " UNION ALL SELECT 'country' AS g, new.country_code AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v"
        " UNION ALL SELECT 'stance' AS g, new.stance AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v"
        " UNION ALL SELECT 'stance' AS g, new.stance AS gv, 'country' AS f, new.country_code AS v"
        " UNION ALL SELECT 'stance' AS g, new.stance AS gv, 'target' AS f, new.target_slug AS v"
        " UNION ALL SELECT 'stance' AS g, new.stance AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v"
        " UNION ALL SELECT 'target' AS g, new.target_slug AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v"
        " UNION ALL SELECT 'target' AS g, new.target_slug AS gv, 'country' AS f, new.country_code AS v"
        " UNION ALL SELECT 'target' AS g, new.target_slug AS gv, 'stance' AS f, new.stance AS v"
        " UNION ALL SELECT 'target' AS g, new.target_slug AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v) AS x\n"
        "    WHERE new.status = 'published' AND v IS NOT NULL AND v <> '' AND (g = '' OR (gv IS NOT NULL AND gv <> ''))\n"
        '    ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = n + excluded.n;\n'
        ' END'
    ),
)

#: SQLite: fill search and the counts from the statements already there.
SQLITE_COUNT: tuple[str, ...] = (
    (
        "INSERT INTO statement_fts (statement_fts) VALUES ('rebuild')"
    ),
    (
        'DELETE FROM statement_total'
    ),
    (
        'DELETE FROM statement_tally'
    ),
    (
        '\n'
        'INSERT INTO statement_tally (actor_id, month, country_code, stance, target_slug, n)\n'
        "SELECT actor_id, date(said_on, 'start of month'), coalesce(country_code, ''), stance, coalesce(target_slug, ''),\n"
        '       count(*)\n'
        "FROM statement WHERE status = 'published'\n"
        'GROUP BY 1, 2, 3, 4, 5\n'
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT '', '', 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally\n"
        "WHERE CAST(actor_id AS VARCHAR) <> ''  GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT '', '', 'country', country_code, sum(n) FROM statement_tally\n"
        "WHERE country_code <> ''  GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT '', '', 'stance', stance, sum(n) FROM statement_tally\n"
        "WHERE stance <> ''  GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT '', '', 'target', target_slug, sum(n) FROM statement_tally\n"
        "WHERE target_slug <> ''  GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT '', '', 'month', month, sum(n) FROM statement_tally\n"
        "WHERE month <> ''  GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'actor', CAST(actor_id AS VARCHAR), 'country', country_code, sum(n) FROM statement_tally\n"
        "WHERE country_code <> '' AND CAST(actor_id AS VARCHAR) <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'actor', CAST(actor_id AS VARCHAR), 'stance', stance, sum(n) FROM statement_tally\n"
        "WHERE stance <> '' AND CAST(actor_id AS VARCHAR) <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'actor', CAST(actor_id AS VARCHAR), 'target', target_slug, sum(n) FROM statement_tally\n"
        "WHERE target_slug <> '' AND CAST(actor_id AS VARCHAR) <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'actor', CAST(actor_id AS VARCHAR), 'month', month, sum(n) FROM statement_tally\n"
        "WHERE month <> '' AND CAST(actor_id AS VARCHAR) <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'country', country_code, 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally\n"
        "WHERE CAST(actor_id AS VARCHAR) <> '' AND country_code <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'country', country_code, 'stance', stance, sum(n) FROM statement_tally\n"
        "WHERE stance <> '' AND country_code <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'country', country_code, 'target', target_slug, sum(n) FROM statement_tally\n"
        "WHERE target_slug <> '' AND country_code <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'country', country_code, 'month', month, sum(n) FROM statement_tally\n"
        "WHERE month <> '' AND country_code <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'stance', stance, 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally\n"
        "WHERE CAST(actor_id AS VARCHAR) <> '' AND stance <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'stance', stance, 'country', country_code, sum(n) FROM statement_tally\n"
        "WHERE country_code <> '' AND stance <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'stance', stance, 'target', target_slug, sum(n) FROM statement_tally\n"
        "WHERE target_slug <> '' AND stance <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'stance', stance, 'month', month, sum(n) FROM statement_tally\n"
        "WHERE month <> '' AND stance <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'target', target_slug, 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally\n"
        "WHERE CAST(actor_id AS VARCHAR) <> '' AND target_slug <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'target', target_slug, 'country', country_code, sum(n) FROM statement_tally\n"
        "WHERE country_code <> '' AND target_slug <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'target', target_slug, 'stance', stance, sum(n) FROM statement_tally\n"
        "WHERE stance <> '' AND target_slug <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'target', target_slug, 'month', month, sum(n) FROM statement_tally\n"
        "WHERE month <> '' AND target_slug <> '' GROUP BY 2, 4\n"
    ),
)

#: PostgreSQL: the search index.
POSTGRESQL_SEARCH: tuple[str, ...] = (
    (
        "CREATE INDEX ix_statement_text_search ON statement USING gin (to_tsvector('simple', text))"
    ),
)

#: PostgreSQL: what one row adds to the counts (21 totals a statement; 0005 replaced it,
#: and puts it back when it goes down), and the trigger that calls it.
POSTGRESQL_TRIGGERS: tuple[str, ...] = (
    (
        '\n'
        '    CREATE FUNCTION statement_tally_bump(r statement, s integer) RETURNS void AS $$\n'
        "    DECLARE m date := CAST(date_trunc('month', r.said_on) AS date);\n"
        '    BEGIN\n'
        "      IF r.status <> 'published' THEN RETURN; END IF;\n"
        '      INSERT INTO statement_tally AS t (actor_id, month, country_code, stance, target_slug, n)\n'
        "      VALUES (r.actor_id, m, coalesce(r.country_code, ''), CAST(r.stance AS varchar),\n"
        "              coalesce(r.target_slug, ''), s)\n"
        '      ON CONFLICT (actor_id, month, country_code, stance, target_slug)\n'
        '      DO UPDATE SET n = t.n + excluded.n;\n'
        '      \n'
        '    INSERT INTO statement_total AS t (given, given_value, facet, value, n)\n'
        "    SELECT g, gv, f, v, s FROM (SELECT '' AS g, '' AS gv, 'actor' AS f, CAST(r.actor_id AS varchar) AS v"
        " UNION ALL SELECT '' AS g, '' AS gv, 'country' AS f, r.country_code AS v"
        " UNION ALL SELECT '' AS g, '' AS gv, 'stance' AS f, CAST(r.stance AS varchar) AS v"
        " UNION ALL SELECT '' AS g, '' AS gv, 'target' AS f, r.target_slug AS v"
        " UNION ALL SELECT '' AS g, '' AS gv, 'month' AS f, to_char(m, 'YYYY-MM-DD') AS v"
        " UNION ALL SELECT 'actor' AS g, CAST(r.actor_id AS varchar) AS gv, 'country' AS f, r.country_code AS v"
        " UNION ALL SELECT 'actor' AS g, CAST(r.actor_id AS varchar) AS gv, 'stance' AS f, CAST(r.stance AS varchar) AS v"
        " UNION ALL SELECT 'actor' AS g, CAST(r.actor_id AS varchar) AS gv, 'target' AS f, r.target_slug AS v"
        " UNION ALL SELECT 'actor' AS g, CAST(r.actor_id AS varchar) AS gv, 'month' AS f, to_char(m, 'YYYY-MM-DD') AS v"
        " UNION ALL SELECT 'country' AS g, r.country_code AS gv, 'actor' AS f, CAST(r.actor_id AS varchar) AS v"
        " UNION ALL SELECT 'country' AS g, r.country_code AS gv, 'stance' AS f, CAST(r.stance AS varchar) AS v"
        " UNION ALL SELECT 'country' AS g, r.country_code AS gv, 'target' AS f, r.target_slug AS v"
        " UNION ALL SELECT 'country' AS g, r.country_code AS gv, 'month' AS f, to_char(m, 'YYYY-MM-DD') AS v"
        " UNION ALL SELECT 'stance' AS g, CAST(r.stance AS varchar) AS gv, 'actor' AS f, CAST(r.actor_id AS varchar) AS v"
        " UNION ALL SELECT 'stance' AS g, CAST(r.stance AS varchar) AS gv, 'country' AS f, r.country_code AS v"
        " UNION ALL SELECT 'stance' AS g, CAST(r.stance AS varchar) AS gv, 'target' AS f, r.target_slug AS v"
        " UNION ALL SELECT 'stance' AS g, CAST(r.stance AS varchar) AS gv, 'month' AS f, to_char(m, 'YYYY-MM-DD') AS v"
        " UNION ALL SELECT 'target' AS g, r.target_slug AS gv, 'actor' AS f, CAST(r.actor_id AS varchar) AS v"
        " UNION ALL SELECT 'target' AS g, r.target_slug AS gv, 'country' AS f, r.country_code AS v"
        " UNION ALL SELECT 'target' AS g, r.target_slug AS gv, 'stance' AS f, CAST(r.stance AS varchar) AS v"
        " UNION ALL SELECT 'target' AS g, r.target_slug AS gv, 'month' AS f, to_char(m, 'YYYY-MM-DD') AS v) AS x\n"
        "    WHERE v IS NOT NULL AND v <> '' AND (g = '' OR (gv IS NOT NULL AND gv <> ''))\n"
        '    ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = t.n + excluded.n;\n'
        '\n'
        '    END $$ LANGUAGE plpgsql\n'
        '    '
    ),
    (
        '\n'
        '    CREATE FUNCTION statement_tally_trigger() RETURNS trigger AS $$\n'
        '    BEGIN\n'
        "      IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM statement_tally_bump(OLD, -1); END IF;\n"
        "      IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM statement_tally_bump(NEW, 1); END IF;\n"
        '      RETURN NULL;\n'
        '    END $$ LANGUAGE plpgsql\n'
        '    '
    ),
    (
        'CREATE TRIGGER statement_tally AFTER INSERT OR UPDATE OR DELETE ON statement FOR EACH ROW EXECUTE FUNCTION statement_tally_trigger()'
    ),
)

#: PostgreSQL: count the statements already there.
POSTGRESQL_COUNT: tuple[str, ...] = (
    (
        'DELETE FROM statement_total'
    ),
    (
        'DELETE FROM statement_tally'
    ),
    (
        '\n'
        'INSERT INTO statement_tally (actor_id, month, country_code, stance, target_slug, n)\n'
        "SELECT actor_id, CAST(date_trunc('month', said_on) AS DATE), coalesce(country_code, ''), CAST(stance AS VARCHAR), coalesce(target_slug, ''),\n"
        '       count(*)\n'
        "FROM statement WHERE status = 'published'\n"
        'GROUP BY 1, 2, 3, 4, 5\n'
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT '', '', 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally\n"
        "WHERE CAST(actor_id AS VARCHAR) <> ''  GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT '', '', 'country', country_code, sum(n) FROM statement_tally\n"
        "WHERE country_code <> ''  GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT '', '', 'stance', stance, sum(n) FROM statement_tally\n"
        "WHERE stance <> ''  GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT '', '', 'target', target_slug, sum(n) FROM statement_tally\n"
        "WHERE target_slug <> ''  GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT '', '', 'month', to_char(month, 'YYYY-MM-DD'), sum(n) FROM statement_tally\n"
        "WHERE to_char(month, 'YYYY-MM-DD') <> ''  GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'actor', CAST(actor_id AS VARCHAR), 'country', country_code, sum(n) FROM statement_tally\n"
        "WHERE country_code <> '' AND CAST(actor_id AS VARCHAR) <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'actor', CAST(actor_id AS VARCHAR), 'stance', stance, sum(n) FROM statement_tally\n"
        "WHERE stance <> '' AND CAST(actor_id AS VARCHAR) <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'actor', CAST(actor_id AS VARCHAR), 'target', target_slug, sum(n) FROM statement_tally\n"
        "WHERE target_slug <> '' AND CAST(actor_id AS VARCHAR) <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'actor', CAST(actor_id AS VARCHAR), 'month', to_char(month, 'YYYY-MM-DD'), sum(n) FROM statement_tally\n"
        "WHERE to_char(month, 'YYYY-MM-DD') <> '' AND CAST(actor_id AS VARCHAR) <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'country', country_code, 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally\n"
        "WHERE CAST(actor_id AS VARCHAR) <> '' AND country_code <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'country', country_code, 'stance', stance, sum(n) FROM statement_tally\n"
        "WHERE stance <> '' AND country_code <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'country', country_code, 'target', target_slug, sum(n) FROM statement_tally\n"
        "WHERE target_slug <> '' AND country_code <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'country', country_code, 'month', to_char(month, 'YYYY-MM-DD'), sum(n) FROM statement_tally\n"
        "WHERE to_char(month, 'YYYY-MM-DD') <> '' AND country_code <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'stance', stance, 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally\n"
        "WHERE CAST(actor_id AS VARCHAR) <> '' AND stance <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'stance', stance, 'country', country_code, sum(n) FROM statement_tally\n"
        "WHERE country_code <> '' AND stance <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'stance', stance, 'target', target_slug, sum(n) FROM statement_tally\n"
        "WHERE target_slug <> '' AND stance <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'stance', stance, 'month', to_char(month, 'YYYY-MM-DD'), sum(n) FROM statement_tally\n"
        "WHERE to_char(month, 'YYYY-MM-DD') <> '' AND stance <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'target', target_slug, 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally\n"
        "WHERE CAST(actor_id AS VARCHAR) <> '' AND target_slug <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'target', target_slug, 'country', country_code, sum(n) FROM statement_tally\n"
        "WHERE country_code <> '' AND target_slug <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'target', target_slug, 'stance', stance, sum(n) FROM statement_tally\n"
        "WHERE stance <> '' AND target_slug <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'target', target_slug, 'month', to_char(month, 'YYYY-MM-DD'), sum(n) FROM statement_tally\n"
        "WHERE to_char(month, 'YYYY-MM-DD') <> '' AND target_slug <> '' GROUP BY 2, 4\n"
    ),
)
