"""date ranges: totals per year and month, and indexes that count days and months alone

The triggers of 0002 now also count each statement within its year and its month
(statement_total, given 'year' or 'month'); this recreates them and recounts. A covering
index counts the days of partly covered months, and the tally's filter indexes hold
every column.

The SQL below is what this migration ran when it was made (rendered from app/triggers.py
and app/tallies.py of that time with migrations/render_sql.py), frozen. Going down puts
back 0002's own triggers, from 0002, and drops the totals per period that only 0005's
triggers keep.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 04:20:00
"""
from collections.abc import Sequence
from types import ModuleType

from alembic import op

_OLD_TALLY_INDEXES = {"country": ("country_code", "month"), "stance": ("stance", "month"),
                      "target": ("target_slug", "month")}
_NEW_TALLY_INDEXES = {
    "country": ("country_code", "month", "actor_id", "stance", "target_slug", "n"),
    "stance": ("stance", "month", "actor_id", "country_code", "target_slug", "n"),
    "target": ("target_slug", "month", "actor_id", "country_code", "stance", "n"),
}
_DAYS = ["status", "said_on", "actor_id", "country_code", "stance", "target_slug"]

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_statement_days", "statement", _DAYS)
    _tally_indexes(_NEW_TALLY_INDEXES)
    bind = op.get_bind()
    for statement in SQLITE if bind.dialect.name == "sqlite" else POSTGRESQL:
        bind.exec_driver_sql(statement)
    _analyse_if_analysed()


def _tally_indexes(columns: dict[str, tuple[str, ...]]) -> None:
    for name, keys in columns.items():
        op.drop_index(f"ix_statement_tally_{name}", "statement_tally")
        op.create_index(f"ix_statement_tally_{name}", "statement_tally", list(keys))


def _analyse_if_analysed() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and bind.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
        # A database once analysed (onrecord synth does) would plan with the old indexes'
        # statistics and none for the new ones, which SQLite then takes for selective.
        op.execute("ANALYZE statement")
        op.execute("ANALYZE statement_tally")


def _migration_0002() -> ModuleType:
    script = op.get_context().script
    assert script is not None, "0005 goes down only through Alembic's script directory"
    return script.get_revision("0002").module


def downgrade() -> None:
    _tally_indexes(_OLD_TALLY_INDEXES)
    op.drop_index("ix_statement_days", "statement")
    bind, before = op.get_bind(), _migration_0002()
    if bind.dialect.name == "sqlite":
        for name in ("statement_ai", "statement_ad", "statement_au"):
            op.execute(f"DROP TRIGGER {name}")
        for statement in before.SQLITE_TRIGGERS:
            bind.exec_driver_sql(statement)
    else:  # the trigger stays; what it calls counts as 0002's did again
        bump = before.POSTGRESQL_TRIGGERS[0]
        bind.exec_driver_sql(bump.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
    op.execute("DELETE FROM statement_total WHERE given IN ('year', 'month')")
    _analyse_if_analysed()


#: SQLite: every trigger on statement dropped and made again, the count triggers now with
#: totals per year and month (29 a statement); the counts made again, and a new version.
SQLITE: tuple[str, ...] = (
    (
        'DROP TRIGGER IF EXISTS statement_ai'
    ),
    (
        'DROP TRIGGER IF EXISTS statement_ad'
    ),
    (
        'DROP TRIGGER IF EXISTS statement_au'
    ),
    (
        'DROP TRIGGER IF EXISTS statement_version_ai'
    ),
    (
        'DROP TRIGGER IF EXISTS statement_version_ad'
    ),
    (
        'DROP TRIGGER IF EXISTS statement_version_au'
    ),
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
        " UNION ALL SELECT 'target' AS g, new.target_slug AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v"
        " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v"
        " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'country' AS f, new.country_code AS v"
        " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'stance' AS f, new.stance AS v"
        " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'target' AS f, new.target_slug AS v"
        " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v"
        " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'country' AS f, new.country_code AS v"
        " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'stance' AS f, new.stance AS v"
        " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'target' AS f, new.target_slug AS v) AS x\n"
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
        " UNION ALL SELECT 'target' AS g, old.target_slug AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v"
        " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v"
        " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'country' AS f, old.country_code AS v"
        " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'stance' AS f, old.stance AS v"
        " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'target' AS f, old.target_slug AS v"
        " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v"
        " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'country' AS f, old.country_code AS v"
        " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'stance' AS f, old.stance AS v"
        " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'target' AS f, old.target_slug AS v) AS x\n"
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
        " UNION ALL SELECT 'target' AS g, old.target_slug AS gv, 'month' AS f, date(old.said_on, 'start of month') AS v"
        " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v"
        " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'country' AS f, old.country_code AS v"
        " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'stance' AS f, old.stance AS v"
        " UNION ALL SELECT 'year' AS g, strftime('%Y', old.said_on) AS gv, 'target' AS f, old.target_slug AS v"
        " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'actor' AS f, CAST(old.actor_id AS TEXT) AS v"
        " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'country' AS f, old.country_code AS v"
        " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'stance' AS f, old.stance AS v"
        " UNION ALL SELECT 'month' AS g, date(old.said_on, 'start of month') AS gv, 'target' AS f, old.target_slug AS v) AS x\n"
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
        " UNION ALL SELECT 'target' AS g, new.target_slug AS gv, 'month' AS f, date(new.said_on, 'start of month') AS v"
        " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v"
        " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'country' AS f, new.country_code AS v"
        " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'stance' AS f, new.stance AS v"
        " UNION ALL SELECT 'year' AS g, strftime('%Y', new.said_on) AS gv, 'target' AS f, new.target_slug AS v"
        " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'actor' AS f, CAST(new.actor_id AS TEXT) AS v"
        " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'country' AS f, new.country_code AS v"
        " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'stance' AS f, new.stance AS v"
        " UNION ALL SELECT 'month' AS g, date(new.said_on, 'start of month') AS gv, 'target' AS f, new.target_slug AS v) AS x\n"
        "    WHERE new.status = 'published' AND v IS NOT NULL AND v <> '' AND (g = '' OR (gv IS NOT NULL AND gv <> ''))\n"
        '    ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = n + excluded.n;\n'
        ' END'
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
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'year', substr(month, 1, 4), 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally\n"
        "WHERE CAST(actor_id AS VARCHAR) <> '' AND substr(month, 1, 4) <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'year', substr(month, 1, 4), 'country', country_code, sum(n) FROM statement_tally\n"
        "WHERE country_code <> '' AND substr(month, 1, 4) <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'year', substr(month, 1, 4), 'stance', stance, sum(n) FROM statement_tally\n"
        "WHERE stance <> '' AND substr(month, 1, 4) <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'year', substr(month, 1, 4), 'target', target_slug, sum(n) FROM statement_tally\n"
        "WHERE target_slug <> '' AND substr(month, 1, 4) <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'month', month, 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally\n"
        "WHERE CAST(actor_id AS VARCHAR) <> '' AND month <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'month', month, 'country', country_code, sum(n) FROM statement_tally\n"
        "WHERE country_code <> '' AND month <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'month', month, 'stance', stance, sum(n) FROM statement_tally\n"
        "WHERE stance <> '' AND month <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'month', month, 'target', target_slug, sum(n) FROM statement_tally\n"
        "WHERE target_slug <> '' AND month <> '' GROUP BY 2, 4\n"
    ),
    (
        'UPDATE statement_version SET token = random()'
    ),
)

#: PostgreSQL: the same, the function that counts a row replaced in place.
POSTGRESQL: tuple[str, ...] = (
    (
        'DROP TRIGGER IF EXISTS statement_tally ON statement'
    ),
    (
        'DROP TRIGGER IF EXISTS statement_changed ON statement'
    ),
    (
        '\n'
        '    CREATE OR REPLACE FUNCTION statement_tally_bump(r statement, s integer) RETURNS void AS $$\n'
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
        " UNION ALL SELECT 'target' AS g, r.target_slug AS gv, 'month' AS f, to_char(m, 'YYYY-MM-DD') AS v"
        " UNION ALL SELECT 'year' AS g, to_char(m, 'YYYY') AS gv, 'actor' AS f, CAST(r.actor_id AS varchar) AS v"
        " UNION ALL SELECT 'year' AS g, to_char(m, 'YYYY') AS gv, 'country' AS f, r.country_code AS v"
        " UNION ALL SELECT 'year' AS g, to_char(m, 'YYYY') AS gv, 'stance' AS f, CAST(r.stance AS varchar) AS v"
        " UNION ALL SELECT 'year' AS g, to_char(m, 'YYYY') AS gv, 'target' AS f, r.target_slug AS v"
        " UNION ALL SELECT 'month' AS g, to_char(m, 'YYYY-MM-DD') AS gv, 'actor' AS f, CAST(r.actor_id AS varchar) AS v"
        " UNION ALL SELECT 'month' AS g, to_char(m, 'YYYY-MM-DD') AS gv, 'country' AS f, r.country_code AS v"
        " UNION ALL SELECT 'month' AS g, to_char(m, 'YYYY-MM-DD') AS gv, 'stance' AS f, CAST(r.stance AS varchar) AS v"
        " UNION ALL SELECT 'month' AS g, to_char(m, 'YYYY-MM-DD') AS gv, 'target' AS f, r.target_slug AS v) AS x\n"
        "    WHERE v IS NOT NULL AND v <> '' AND (g = '' OR (gv IS NOT NULL AND gv <> ''))\n"
        '    ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = t.n + excluded.n;\n'
        '\n'
        '    END $$ LANGUAGE plpgsql\n'
        '    '
    ),
    (
        'CREATE TRIGGER statement_tally AFTER INSERT OR UPDATE OR DELETE ON statement FOR EACH ROW EXECUTE FUNCTION statement_tally_trigger()'
    ),
    (
        'CREATE TRIGGER statement_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON statement FOR EACH STATEMENT EXECUTE FUNCTION statement_version_bump()'
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
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'year', to_char(month, 'YYYY'), 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally\n"
        "WHERE CAST(actor_id AS VARCHAR) <> '' AND to_char(month, 'YYYY') <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'year', to_char(month, 'YYYY'), 'country', country_code, sum(n) FROM statement_tally\n"
        "WHERE country_code <> '' AND to_char(month, 'YYYY') <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'year', to_char(month, 'YYYY'), 'stance', stance, sum(n) FROM statement_tally\n"
        "WHERE stance <> '' AND to_char(month, 'YYYY') <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'year', to_char(month, 'YYYY'), 'target', target_slug, sum(n) FROM statement_tally\n"
        "WHERE target_slug <> '' AND to_char(month, 'YYYY') <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'month', to_char(month, 'YYYY-MM-DD'), 'actor', CAST(actor_id AS VARCHAR), sum(n) FROM statement_tally\n"
        "WHERE CAST(actor_id AS VARCHAR) <> '' AND to_char(month, 'YYYY-MM-DD') <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'month', to_char(month, 'YYYY-MM-DD'), 'country', country_code, sum(n) FROM statement_tally\n"
        "WHERE country_code <> '' AND to_char(month, 'YYYY-MM-DD') <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'month', to_char(month, 'YYYY-MM-DD'), 'stance', stance, sum(n) FROM statement_tally\n"
        "WHERE stance <> '' AND to_char(month, 'YYYY-MM-DD') <> '' GROUP BY 2, 4\n"
    ),
    (
        '\n'
        'INSERT INTO statement_total (given, given_value, facet, value, n)\n'
        "SELECT 'month', to_char(month, 'YYYY-MM-DD'), 'target', target_slug, sum(n) FROM statement_tally\n"
        "WHERE target_slug <> '' AND to_char(month, 'YYYY-MM-DD') <> '' GROUP BY 2, 4\n"
    ),
    (
        'UPDATE statement_version SET token = CAST(floor(random() * 9007199254740991) AS bigint)'
    ),
)
