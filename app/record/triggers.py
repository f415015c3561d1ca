"""The database's own machinery for search, counts and the record's version: triggers, the
FTS5 table, the GIN index.

The count triggers are written out below from one template per engine, with a line per
tallied facet (tallies.TALLIED): a statement adds one to its row of `statement_tally` and
to each of its rows of `statement_total`, or takes one away. Migration 0006 holds the SQL
this produces, as it applied it. A bulk load (synth, copy) sets the triggers aside and
recounts once at the end, and an import adds what its rows count in one pass: either is
many times faster than a trigger call per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlmodel import Session

from app.record import versions
from app.record.added_counts import add_counts
from app.record.db import begin_write
from app.record.tallies import refill, tallied_in, tally_value, total_pairs

# --- SQLite -------------------------------------------------------------------------------

SQLITE_FTS = """
CREATE VIRTUAL TABLE statement_fts USING fts5(
    text, translation, content="statement", content_rowid="id",
    tokenize='unicode61 remove_diacritics 2')
"""
#: The words as said and their translation, each a column of the search table (0011).
FTS_IN = ("INSERT INTO statement_fts (rowid, text, translation) "
          "VALUES (new.id, new.text, new.translation);")
FTS_OUT = ("INSERT INTO statement_fts (statement_fts, rowid, text, translation) "
           "VALUES ('delete', old.id, old.text, old.translation);")

#: What one statement (`row` is new or old) adds to the tallies, or takes away (sign -1).
_SQLITE_BUMP = """
    INSERT INTO statement_tally ({columns}, month, n)
    SELECT {values}, date({row}.said_on, 'start of month'), {sign}
    WHERE {row}.status = 'published'
    ON CONFLICT ({columns}, month) DO UPDATE SET n = n + excluded.n;
    INSERT INTO statement_total (given, given_value, facet, value, n)
    SELECT g, gv, f, v, {sign} FROM (
        {totals})
    WHERE {row}.status = 'published' AND v IS NOT NULL AND v <> ''
      AND (g = '' OR (gv IS NOT NULL AND gv <> ''))
    ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = n + excluded.n;
"""
SQLITE_TRIGGER_NAMES = ("statement_ai", "statement_ad", "statement_au")


def sqlite_triggers(tallied: dict[str, str]) -> list[str]:
    """Return the SQLite triggers that keep search and counts in step with `statement`."""
    return [
        f"CREATE TRIGGER statement_ai AFTER INSERT ON statement BEGIN {FTS_IN}"
        f"{_sqlite_bump(tallied, 'new', '1')} END",
        f"CREATE TRIGGER statement_ad AFTER DELETE ON statement BEGIN {FTS_OUT}"
        f"{_sqlite_bump(tallied, 'old', '-1')} END",
        f"CREATE TRIGGER statement_au AFTER UPDATE ON statement BEGIN {FTS_OUT} {FTS_IN}"
        f"{_sqlite_bump(tallied, 'old', '-1')}{_sqlite_bump(tallied, 'new', '1')} END",
    ]


def _sqlite_bump(tallied: dict[str, str], row: str, sign: str) -> str:
    spelled = {name: f"CAST({row}.{column} AS TEXT)" for name, column in tallied.items()}
    spelled["month"] = f"date({row}.said_on, 'start of month')"
    spelled["year"] = f"strftime('%Y', {row}.said_on)"
    return _SQLITE_BUMP.format(
        row=row, sign=sign, columns=", ".join(tallied.values()),
        values=", ".join(tally_value(c, f"{row}.{c}", "TEXT") for c in tallied.values()),
        totals=_total_rows(tallied, spelled))


def _total_rows(tallied: dict[str, str], spelled: dict[str, str]) -> str:
    """One SELECT per (given, facet) a statement is counted under, joined by UNION ALL."""
    spelled = {**spelled, "": "''"}
    return "\n        UNION ALL ".join(
        f"SELECT '{given}' AS g, {spelled[given]} AS gv, '{facet}' AS f, {spelled[facet]} AS v"
        for given, facet in total_pairs(tallied))


_NEW_SQLITE_VERSION = f"UPDATE statement_version SET token = {versions.SQLITE_NEW_TOKEN};"
SQLITE_VERSION_TRIGGER_NAMES = ("statement_version_ai", "statement_version_ad",
                                "statement_version_au")
SQLITE_VERSION_TRIGGERS = [
    f"CREATE TRIGGER {name} AFTER {event} ON statement BEGIN {_NEW_SQLITE_VERSION} END"
    for name, event in zip(SQLITE_VERSION_TRIGGER_NAMES, ("INSERT", "DELETE", "UPDATE"),
                           strict=True)
]

# --- PostgreSQL ---------------------------------------------------------------------------

#: The words searched, original and translation (0011): as one JSON array, so that their
#: positions keep a gap between them and no phrase runs from one into the other; the words
#: alone (as cheap as before 0011) when there is no translation. Declared immutable
#: (jsonb_build_array is only stable for its "any" arguments) so that it can be indexed.
PG_SEARCH_FUNCTION = (
    "CREATE FUNCTION statement_search_vector(words text, translation text) "
    "RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE "
    "AS $$ SELECT CASE WHEN translation IS NULL THEN to_tsvector('simple', words) "
    "ELSE to_tsvector('simple', jsonb_build_array(words, translation)) END $$")
PG_SEARCH_INDEX = ("CREATE INDEX ix_statement_text_search ON statement "
                   "USING gin (statement_search_vector(text, translation))")
#: Every statement's id, apart, with an index over its words (0013): a search's ids are read
#: from this small table rather than from the statement table's wide rows. The index's
#: function reads the statement of the id, declared immutable: the triggers below write a
#: statement's row anew whenever its words or translation change.
PG_SEARCH_IDS_INDEX = ("CREATE INDEX ix_statement_search ON statement_search "
                       "USING gin (statement_search_vector_of(id))")
PG_SEARCH_ROW_TRIGGERS = (
    "CREATE TRIGGER statement_search_row AFTER INSERT OR DELETE ON statement "
    "FOR EACH ROW EXECUTE FUNCTION statement_search_row()",
    "CREATE TRIGGER statement_search_words AFTER UPDATE OF text, translation ON statement "
    "FOR EACH ROW WHEN (OLD.text IS DISTINCT FROM NEW.text "
    "OR OLD.translation IS DISTINCT FROM NEW.translation) "
    "EXECUTE FUNCTION statement_search_row()",
)
_PG_SEARCH_ROW_TRIGGER_NAMES = ("statement_search_row", "statement_search_words")
#: What one statement `r` adds to the tallies (s = 1) or takes away (s = -1).
_PG_BUMP = """
    CREATE OR REPLACE FUNCTION statement_tally_bump(r statement, s integer) RETURNS void AS $$
    DECLARE m date := CAST(date_trunc('month', r.said_on) AS date);
    BEGIN
      IF r.status <> 'published' THEN RETURN; END IF;
      INSERT INTO statement_tally AS t ({columns}, month, n)
      VALUES ({values}, m, s)
      ON CONFLICT ({columns}, month) DO UPDATE SET n = t.n + excluded.n;
      INSERT INTO statement_total AS t (given, given_value, facet, value, n)
      SELECT g, gv, f, v, s FROM (
        {totals}) AS x
      WHERE v IS NOT NULL AND v <> '' AND (g = '' OR (gv IS NOT NULL AND gv <> ''))
      ON CONFLICT (given, given_value, facet, value) DO UPDATE SET n = t.n + excluded.n;
    END $$ LANGUAGE plpgsql
"""
PG_TRIGGER_FUNCTION = """
    CREATE FUNCTION statement_tally_trigger() RETURNS trigger AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM statement_tally_bump(OLD, -1); END IF;
      IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM statement_tally_bump(NEW, 1); END IF;
      RETURN NULL;
    END $$ LANGUAGE plpgsql
"""
PG_TRIGGER = ("CREATE TRIGGER statement_tally AFTER INSERT OR UPDATE OR DELETE ON statement "
              "FOR EACH ROW EXECUTE FUNCTION statement_tally_trigger()")


def pg_bump_function(tallied: dict[str, str]) -> str:
    """Return the PostgreSQL function that adds or takes away one statement's counts."""
    spelled = {name: f"CAST(r.{column} AS varchar)" for name, column in tallied.items()}
    spelled["month"] = "to_char(m, 'YYYY-MM-DD')"
    spelled["year"] = "to_char(m, 'YYYY')"
    return _PG_BUMP.format(
        columns=", ".join(tallied.values()),
        values=", ".join(tally_value(c, f"r.{c}", "varchar") for c in tallied.values()),
        totals=_total_rows(tallied, spelled))


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
    """Create the search index and the triggers, and count what is already there (0002)."""
    tallied = tallied_in(connection)
    for statement in ([SQLITE_FTS, *sqlite_triggers(tallied)]
                      if connection.dialect.name == "sqlite"
                      else [PG_SEARCH_FUNCTION, PG_SEARCH_INDEX, pg_bump_function(tallied),
                            PG_TRIGGER_FUNCTION, PG_TRIGGER]):
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
    else:  # the index made once over the rows: faster than growing it row by row
        for statement in ("DROP INDEX ix_statement_search", "TRUNCATE statement_search",
                          "INSERT INTO statement_search (id) SELECT id FROM statement ORDER BY id",
                          PG_SEARCH_IDS_INDEX):
            connection.exec_driver_sql(statement)
    refill(Session(bind=connection))


def _recount(connection: Connection) -> None:
    """Rebuild search and counts, and give the record a new version (migration 0004 on)."""
    _rebuild(connection)
    versions.bump(Session(bind=connection))


def _triggers(connection: Connection) -> list[str]:
    """Return the statements that create every trigger on `statement`."""
    if connection.dialect.name == "sqlite":
        return [*sqlite_triggers(tallied_in(connection)), *SQLITE_VERSION_TRIGGERS]
    return [PG_TRIGGER, PG_VERSION_TRIGGER, *PG_SEARCH_ROW_TRIGGERS]


def drop_triggers(connection: Connection) -> None:
    """Drop the triggers (bulk loads, tests); restore_triggers or bulk_load puts them back."""
    if connection.dialect.name == "sqlite":
        for name in (*SQLITE_TRIGGER_NAMES, *SQLITE_VERSION_TRIGGER_NAMES):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    else:
        for name in ("statement_tally", "statement_changed", *_PG_SEARCH_ROW_TRIGGER_NAMES):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON statement")


@contextmanager
def bulk_load(session: Session) -> Iterator[None]:
    """Load many statements without per-row triggers, then rebuild search and counts once.

    Everything happens in the session's one write transaction, the dropping of the triggers
    included (SQLite's driver would otherwise run it on its own, committed at once): on
    failure the triggers, the counts and the rows stand exactly as they were.
    """
    begin_write(session)
    connection = session.connection()
    drop_triggers(connection)
    yield
    session.flush()
    _recount(connection)
    for statement in _triggers(connection):
        connection.execute(text(statement))


@contextmanager
def added_in_bulk(session: Session) -> Iterator[Callable[[int, int], None]]:
    """Insert many statements with the per-row triggers set aside, inside the caller's
    write transaction; the caller reports the ids it added (first, last) and their search
    rows, counts and the record's version are then added in one pass each.

    The triggers are dropped on SQLite and disabled on PostgreSQL (which also keeps other
    writers of statements waiting, as SQLite's write lock does); both come back at the
    end, and a failure rolls back to them as they stood.
    """
    begin_write(session)
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        drop_triggers(connection)
    else:
        connection.exec_driver_sql("ALTER TABLE statement DISABLE TRIGGER USER")
    added: list[tuple[int, int]] = []
    yield lambda first, last: added.append((first, last))
    session.flush()
    for first, last in added:
        _count_added(session, first, last)
    if connection.dialect.name == "sqlite":
        for statement in _triggers(connection):
            connection.exec_driver_sql(statement)
    else:
        connection.exec_driver_sql("ALTER TABLE statement ENABLE TRIGGER USER")
    versions.bump(session)


def _count_added(session: Session, first: int, last: int) -> None:
    """Do what the insert triggers would have done for statements first to last."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("INSERT INTO statement_fts (rowid, text, translation) "
                             "SELECT id, text, translation FROM statement "
                             "WHERE id BETWEEN :first AND :last"),
                        {"first": first, "last": last})
    else:
        session.execute(text("INSERT INTO statement_search (id) SELECT id FROM statement "
                             "WHERE id BETWEEN :first AND :last"),
                        {"first": first, "last": last})
    add_counts(session, first, last)


def restore_triggers(connection: Connection, *, rebuild_search: bool = True) -> None:
    """Recreate the triggers as now defined and recount: after a migration rebuilt the
    statement table, or changed what the triggers count.

    On SQLite, Alembic's batch mode copies a table into a new one to alter it, and the
    triggers of the old one go with it; a migration that does so calls this at its end.
    """
    drop_triggers(connection)
    if connection.dialect.name != "sqlite":  # what a row adds may have changed since
        connection.exec_driver_sql(pg_bump_function(tallied_in(connection)))
    for statement in _triggers(connection):
        connection.exec_driver_sql(statement)
    if rebuild_search:
        _recount(connection)
    else:  # the text is as it was: only the counts need doing again
        session = Session(bind=connection)
        refill(session)
        versions.bump(session)
