"""The database's own machinery for search, counts and the record's version: triggers, the
FTS5 table, the GIN index.

Migration 0002 creates the search and count triggers, migration 0004 the version's; a bulk
load (synth, copy) sets all of them aside and recounts once at the end, which is many
times faster than a trigger call per row.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlmodel import Session

from app.record import versions
from app.record.tallies import refill, total_pairs

# --- SQLite -------------------------------------------------------------------------------

SQLITE_FTS = """
CREATE VIRTUAL TABLE statement_fts USING fts5(
    text, content="statement", content_rowid="id", tokenize='unicode61 remove_diacritics 2')
"""


def _pairs(expr: dict[str, str]) -> str:
    """Rows (given, given_value, facet, value) of one statement for `statement_total`."""
    expr = {**expr, "": "''"}
    return " UNION ALL ".join(
        f"SELECT '{given}' AS g, {expr[given]} AS gv, '{facet}' AS f, {expr[facet]} AS v"
        for given, facet in total_pairs())


_TOTAL_UPSERT = """
    INSERT INTO statement_total {alias} (given, given_value, facet, value, n)
    SELECT g, gv, f, v, {sign} FROM ({pairs}) AS x
    WHERE v IS NOT NULL AND v <> '' AND (g = '' OR (gv IS NOT NULL AND gv <> ''))
    ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = {n} + excluded.n;
"""


def _sqlite_bump(row: str, sign: str) -> str:
    """SQL that adds (sign '1') or takes away ('-1') one row's statement from the tallies."""
    month = f"date({row}.said_on, 'start of month')"
    expr = {"actor": f"CAST({row}.actor_id AS TEXT)", "country": f"{row}.country_code",
            "stance": f"{row}.stance", "target": f"{row}.target_slug", "month": month,
            "year": f"strftime('%Y', {row}.said_on)"}
    pairs = _pairs(expr).replace(" AS x", "")
    return f"""
    INSERT INTO statement_tally (actor_id, month, country_code, stance, target_slug, n)
    SELECT {row}.actor_id, {month}, coalesce({row}.country_code, ''), {row}.stance,
           coalesce({row}.target_slug, ''), {sign}
    WHERE {row}.status = 'published'
    ON CONFLICT (actor_id, month, country_code, stance, target_slug)
    DO UPDATE SET n = n + excluded.n;
    """ + _TOTAL_UPSERT.format(alias="", sign=sign, pairs=pairs, n="n").replace(
        "WHERE v IS", f"WHERE {row}.status = 'published' AND v IS")


_PG_EXPR = {"actor": "CAST(r.actor_id AS varchar)", "country": "r.country_code",
            "stance": "CAST(r.stance AS varchar)", "target": "r.target_slug",
            "month": "to_char(m, 'YYYY-MM-DD')", "year": "to_char(m, 'YYYY')"}


FTS_IN = "INSERT INTO statement_fts (rowid, text) VALUES (new.id, new.text);"
FTS_OUT = ("INSERT INTO statement_fts (statement_fts, rowid, text) "
           "VALUES ('delete', old.id, old.text);")
SQLITE_TRIGGER_NAMES = ("statement_ai", "statement_ad", "statement_au")
SQLITE_TRIGGERS = [
    f"CREATE TRIGGER statement_ai AFTER INSERT ON statement BEGIN {FTS_IN}"
    f"{_sqlite_bump('new', '1')} END",
    f"CREATE TRIGGER statement_ad AFTER DELETE ON statement BEGIN {FTS_OUT}"
    f"{_sqlite_bump('old', '-1')} END",
    f"CREATE TRIGGER statement_au AFTER UPDATE ON statement BEGIN {FTS_OUT} {FTS_IN}"
    f"{_sqlite_bump('old', '-1')}{_sqlite_bump('new', '1')} END",
]

_NEW_SQLITE_VERSION = f"UPDATE statement_version SET token = {versions.SQLITE_NEW_TOKEN};"
SQLITE_VERSION_TRIGGER_NAMES = ("statement_version_ai", "statement_version_ad",
                                "statement_version_au")
SQLITE_VERSION_TRIGGERS = [
    f"CREATE TRIGGER {name} AFTER {event} ON statement BEGIN {_NEW_SQLITE_VERSION} END"
    for name, event in zip(SQLITE_VERSION_TRIGGER_NAMES, ("INSERT", "DELETE", "UPDATE"),
                           strict=True)
]

# --- PostgreSQL ---------------------------------------------------------------------------

PG_SEARCH_INDEX = ("CREATE INDEX ix_statement_text_search ON statement "
                   "USING gin (to_tsvector('simple', text))")
PG_FUNCTIONS = [
    """
    CREATE OR REPLACE FUNCTION statement_tally_bump(r statement, s integer) RETURNS void AS $$
    DECLARE m date := CAST(date_trunc('month', r.said_on) AS date);
    BEGIN
      IF r.status <> 'published' THEN RETURN; END IF;
      INSERT INTO statement_tally AS t (actor_id, month, country_code, stance, target_slug, n)
      VALUES (r.actor_id, m, coalesce(r.country_code, ''), CAST(r.stance AS varchar),
              coalesce(r.target_slug, ''), s)
      ON CONFLICT (actor_id, month, country_code, stance, target_slug)
      DO UPDATE SET n = t.n + excluded.n;
      """ + _TOTAL_UPSERT.format(alias="AS t", sign="s", pairs=_pairs(_PG_EXPR), n="t.n") + """
    END $$ LANGUAGE plpgsql
    """,
    """
    CREATE FUNCTION statement_tally_trigger() RETURNS trigger AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM statement_tally_bump(OLD, -1); END IF;
      IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM statement_tally_bump(NEW, 1); END IF;
      RETURN NULL;
    END $$ LANGUAGE plpgsql
    """,
    "CREATE TRIGGER statement_tally AFTER INSERT OR UPDATE OR DELETE ON statement "
    "FOR EACH ROW EXECUTE FUNCTION statement_tally_trigger()",
]


PG_BUMP_FUNCTION, PG_TRIGGER = PG_FUNCTIONS[0], PG_FUNCTIONS[-1]
#: Once per SQL statement, not per row: an UPDATE of many statements draws one token.
PG_VERSION_FUNCTION = f"""
    CREATE FUNCTION statement_version_bump() RETURNS trigger AS $$
    BEGIN
      UPDATE statement_version SET token = {versions.PG_NEW_TOKEN};
      RETURN NULL;
    END $$ LANGUAGE plpgsql
"""
PG_VERSION_TRIGGER = ("CREATE TRIGGER statement_changed AFTER INSERT OR UPDATE OR DELETE "
                      "OR TRUNCATE ON statement FOR EACH STATEMENT "
                      "EXECUTE FUNCTION statement_version_bump()")


def create_search_and_counts(connection: Connection) -> None:
    """Create the search index and the triggers, and count what is already there."""
    sqlite = connection.dialect.name == "sqlite"
    for statement in ([SQLITE_FTS, *SQLITE_TRIGGERS] if sqlite
                      else [PG_SEARCH_INDEX, *PG_FUNCTIONS]):
        connection.exec_driver_sql(statement)
    _rebuild(connection)  # the record's version comes with migration 0004


def create_version(connection: Connection) -> None:
    """Give the record its first version and the triggers that draw a new one on each change."""
    dialect = connection.dialect.name
    connection.exec_driver_sql("INSERT INTO statement_version (id, token) "
                               f"VALUES (1, {versions.new_token_sql(dialect)})")
    for statement in (SQLITE_VERSION_TRIGGERS if dialect == "sqlite"
                      else [PG_VERSION_FUNCTION, PG_VERSION_TRIGGER]):
        connection.exec_driver_sql(statement)


def _rebuild(connection: Connection) -> None:
    """Rebuild search and counts from the statements."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("INSERT INTO statement_fts (statement_fts) VALUES ('rebuild')")
    refill(Session(bind=connection))


def _recount(connection: Connection) -> None:
    """Rebuild search and counts, and give the record a new version (migration 0004 on)."""
    _rebuild(connection)
    versions.bump(Session(bind=connection))


def _triggers(connection: Connection) -> list[str]:
    """Return the statements that create every trigger on `statement`."""
    if connection.dialect.name == "sqlite":
        return [*SQLITE_TRIGGERS, *SQLITE_VERSION_TRIGGERS]
    return [PG_TRIGGER, PG_VERSION_TRIGGER]


def drop_triggers(connection: Connection) -> None:
    """Drop the triggers (bulk loads, tests); restore_triggers or bulk_load puts them back."""
    if connection.dialect.name == "sqlite":
        for name in (*SQLITE_TRIGGER_NAMES, *SQLITE_VERSION_TRIGGER_NAMES):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    else:
        for name in ("statement_tally", "statement_changed"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON statement")


@contextmanager
def bulk_load(session: Session) -> Iterator[None]:
    """Load many statements without per-row triggers, then rebuild search and counts once.

    Everything happens in the session's transaction: on failure nothing is left half-counted.
    """
    connection = session.connection()
    drop_triggers(connection)
    yield
    session.flush()
    _recount(connection)
    for statement in _triggers(connection):
        connection.execute(text(statement))


def restore_triggers(connection: Connection, *, rebuild_search: bool = True) -> None:
    """Recreate the triggers as now defined and recount: after a migration rebuilt the
    statement table, or changed what the triggers count.

    On SQLite, Alembic's batch mode copies a table into a new one to alter it, and the
    triggers of the old one go with it; a migration that does so calls this at its end.
    """
    drop_triggers(connection)
    if connection.dialect.name != "sqlite":  # what a row adds may have changed since
        connection.exec_driver_sql(PG_BUMP_FUNCTION)
    for statement in _triggers(connection):
        connection.exec_driver_sql(statement)
    if rebuild_search:
        _recount(connection)
    else:  # the text is as it was: only the counts need doing again
        session = Session(bind=connection)
        refill(session)
        versions.bump(session)
