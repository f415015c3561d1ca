"""Migrations are history: each goes down to exactly the schema before it, none imports the
app, and head is the models with triggers that keep the counts exact.

Runs on the suite's engine: a SQLite file, or a fresh PostgreSQL schema when
ONRECORD_TEST_DATABASE_URL is set.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session, SQLModel, select

from app.reading.search import is_modelled
from app.record.db import make_engine
from app.record.migrate import MIGRATIONS, alembic_config, head_revision, is_at_head
from app.record.models import Country, Stance, Statement, StatementStatus
from app.record.tallies import total_pairs
from app.record.triggers import restore_triggers
from tests import factories
from tests.conftest import blank_database_url

Schema = dict[str, Any]


# --- reading a schema ----------------------------------------------------------------------

def _sqlite_schema(connection: Connection) -> Schema:
    """Tables by their columns, keys and indexes (batch mode may respell a table's CREATE),
    and every other object by its SQL as stored in sqlite_master."""
    def rows(sql: str) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in connection.exec_driver_sql(sql)]

    objects = rows("SELECT type, name, tbl_name, sql FROM sqlite_master "
                   "WHERE name NOT LIKE 'sqlite_%' AND name <> 'alembic_version' "
                   "ORDER BY type, name")
    schema: Schema = {"objects": [(t, n, tb, sql if t != "table" else None)
                                  for t, n, tb, sql in objects]}
    for _, name, _, sql in (o for o in objects if o[0] == "table"):
        indexes = {
            index[1]: (index[2], index[3], rows(f"PRAGMA index_xinfo('{index[1]}')"))
            for index in rows(f"PRAGMA index_list('{name}')")}
        schema[f"table {name}"] = {
            "columns": rows(f"PRAGMA table_xinfo('{name}')"),
            "foreign keys": sorted(r[2:5] for r in rows(f"PRAGMA foreign_key_list('{name}')")),
            "indexes": indexes,
            "virtual": sql.startswith("CREATE VIRTUAL") and sql,
        }
    return schema


#: The catalogue of one PostgreSQL schema (the one on the search path), query by query.
_PG_QUERIES = {
    "columns": """SELECT table_name, column_name, data_type, udt_name, character_maximum_length,
                         is_nullable, column_default
                  FROM information_schema.columns WHERE table_schema = current_schema()
                  ORDER BY table_name, ordinal_position""",
    "constraints": """SELECT rel.relname, con.conname, con.contype, pg_get_constraintdef(con.oid)
                      FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
                      WHERE rel.relnamespace = current_schema()::regnamespace
                      ORDER BY 1, 2""",
    "indexes": """SELECT tablename, indexname, indexdef FROM pg_indexes
                  WHERE schemaname = current_schema() ORDER BY 1, 2""",
    "triggers": """SELECT tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t
                   JOIN pg_class rel ON rel.oid = t.tgrelid
                   WHERE rel.relnamespace = current_schema()::regnamespace
                   AND NOT t.tgisinternal ORDER BY 1""",
    "functions": """SELECT proname, pg_get_functiondef(oid), prosrc FROM pg_proc
                    WHERE pronamespace = current_schema()::regnamespace ORDER BY 1, 2""",
    "enums": """SELECT typ.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)
                FROM pg_type typ JOIN pg_enum e ON e.enumtypid = typ.oid
                WHERE typ.typnamespace = current_schema()::regnamespace
                GROUP BY 1 ORDER BY 1""",
}


def _postgres_schema(connection: Connection) -> Schema:
    """The catalogue, with the schema's own name taken out of the definitions that spell it."""
    prefix = f"{connection.exec_driver_sql('SELECT current_schema()').scalar()}."

    def unqualified(row: Any) -> tuple[Any, ...]:
        return tuple(v.replace(prefix, "") if isinstance(v, str) else v for v in row)

    return {name: [unqualified(row) for row in connection.exec_driver_sql(sql)
                   if "alembic_version" not in row]
            for name, sql in _PG_QUERIES.items()}


def schema_of(engine: Engine) -> Schema:
    """Return everything that makes up the database's schema, in a form that compares."""
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            return _sqlite_schema(connection)
        return _postgres_schema(connection)


# --- one walk up and down, shared by the tests ---------------------------------------------

class Walk:
    """The schema after each revision going up, and after going down to each one."""

    def __init__(self, url: str) -> None:
        self.url, self.config = url, alembic_config(url)
        script = ScriptDirectory.from_config(self.config)
        self.revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
        self.engine = make_engine(url)
        self.up: dict[str, Schema] = {"base": schema_of(self.engine)}
        self.down: dict[str, Schema] = {}

    def run(self) -> None:
        """Go up one revision at a time, down one at a time, and up to head again."""
        for revision in self.revisions:
            command.upgrade(self.config, revision)
            self.up[revision] = schema_of(self.engine)
        for before in reversed(["base", *self.revisions[:-1]]):
            command.downgrade(self.config, before)
            self.down[before] = schema_of(self.engine)
        command.upgrade(self.config, "head")
        self.again = schema_of(self.engine)

    def revision_before(self, revision: str) -> str:
        """The revision before this one ("base" before the first)."""
        return (["base", *self.revisions])[self.revisions.index(revision)]


@pytest.fixture(scope="module")
def walk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Walk]:
    made = Walk(blank_database_url(tmp_path_factory.mktemp("walk") / "walk.db"))
    made.run()
    yield made
    made.engine.dispose()


def _revisions() -> list[str]:
    return [r.revision for r in reversed(list(
        ScriptDirectory.from_config(alembic_config("sqlite://")).walk_revisions()))]


@pytest.mark.parametrize("revision", _revisions())
def test_going_down_from_a_revision_gives_back_the_schema_before_it(walk: Walk, revision: str):
    before = (["base", *walk.revisions])[walk.revisions.index(revision)]
    assert walk.down[before] == walk.up[before]


def test_going_up_again_after_going_down_to_base_gives_the_same_head(walk: Walk):
    assert walk.again == walk.up[walk.revisions[-1]]


def test_the_schema_read_tells_each_revision_from_the_one_before(walk: Walk):
    changing = [r for r in walk.revisions if not _postgresql_only(r)
                or walk.engine.dialect.name == "postgresql"]
    assert all(walk.up[walk.revision_before(r)] != walk.up[r] for r in changing)


def test_a_revision_for_postgresql_alone_leaves_sqlite_as_it_was(walk: Walk):
    if walk.engine.dialect.name != "sqlite":
        pytest.skip("the SQLite schema")
    for revision in filter(_postgresql_only, walk.revisions):
        assert walk.up[walk.revision_before(revision)] == walk.up[revision]


def _postgresql_only(revision: str) -> bool:
    """Whether a revision says it changes nothing on SQLite (its POSTGRESQL_ONLY)."""
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return bool(getattr(script.get_revision(revision).module, "POSTGRESQL_ONLY", False))


def test_head_has_the_tables_and_columns_of_the_models(walk: Walk):
    with walk.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": is_modelled})
        assert compare_metadata(context, SQLModel.metadata) == []


def test_the_bulk_loaders_put_back_the_triggers_head_has(walk: Walk):
    with walk.engine.begin() as connection:
        restore_triggers(connection)
    assert schema_of(walk.engine) == walk.up[walk.revisions[-1]]


# --- the triggers at head keep the counts ---------------------------------------------------

def _expected_totals(statements: list[Statement]) -> Counter[tuple[str, str, str, str]]:
    """Count (given, given value, facet, value) straight from the published statements."""
    counted: Counter[tuple[str, str, str, str]] = Counter()
    for s in statements:
        if s.status != StatementStatus.published:
            continue
        month = s.said_on.replace(day=1).isoformat()
        values = {"": "", "actor": str(s.actor_id), "country": s.country_code or "",
                  "stance": s.stance.value, "target": s.target_slug or "",
                  "kind": s.kind.value, "lang": s.lang, "month": month, "year": month[:4]}
        counted.update((given, values[given], facet, values[facet])
                       for given, facet in total_pairs()
                       if values[facet] and (given == "" or values[given]))
    return counted


def _kept(session: Session) -> tuple[Counter[tuple[Any, ...]], Counter[tuple[Any, ...]]]:
    connection = session.connection()
    tally = Counter({tuple(str(v) for v in row[:-1]): row[-1] for row in connection.exec_driver_sql(
        "SELECT actor_id, month, country_code, stance, target_slug, kind, lang, n "
        "FROM statement_tally "
        "WHERE n <> 0")})
    totals = Counter({tuple(row[:-1]): row[-1] for row in connection.exec_driver_sql(
        "SELECT given, given_value, facet, value, n FROM statement_total WHERE n <> 0")})
    return tally, totals


def _expected_tally(statements: list[Statement]) -> Counter[tuple[Any, ...]]:
    return Counter((str(s.actor_id), s.said_on.replace(day=1).isoformat(), s.country_code or "",
                    s.stance.value, s.target_slug or "", s.kind.value, s.lang)
                   for s in statements if s.status == StatementStatus.published)


def test_the_triggers_at_head_keep_the_counts_through_insert_update_and_delete(walk: Walk):
    with Session(walk.engine) as session:
        session.add_all(Country(code=code, name=f"Country {code}") for code in ("FR", "DE", "AT"))
        session.commit()
        first = factories.actor(session, "Ines Valmont", country="FR")
        second = factories.actor(session, "Oskar Brandt", country="DE")
        said = [factories.statement(session, first, said_on=date(2021, 3, 4), target="Borealia"),
                factories.statement(session, first, said_on=date(2021, 3, 9),
                                    stance=Stance.critical),
                factories.statement(session, second, said_on=date(2022, 1, 2), country="AT",
                                    target="Borealia"),
                factories.statement(session, second, said_on=date(2022, 5, 30), lang="de")]
        said[1].stance, said[2].said_on = Stance.supportive, date(2021, 12, 31)
        said[2].lang = "fr"
        said[3].status = StatementStatus.draft
        session.delete(said[0])
        session.commit()
        rows = list(session.exec(select(Statement)).all())
        tally, totals = _kept(session)
    assert tally == _expected_tally(rows)
    assert totals == _expected_totals(rows)
    assert len(rows) == 3 and sum(tally.values()) == 2


# --- frozen: no migration imports the app ---------------------------------------------------

VERSIONS = sorted((MIGRATIONS / "versions").glob("*.py"))


def _imported(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("path", VERSIONS, ids=lambda p: p.name)
def test_a_migration_imports_nothing_from_the_app(path: Path):
    assert not {m for m in _imported(path) if m == "app" or m.startswith("app.")}


# --- each migration counts as it did when it was made ---------------------------------------

_ONE_STATEMENT = (
    "INSERT INTO country (code, name) VALUES ('FR', 'Country FR')",
    "INSERT INTO actor (id, slug, name, kind, country_code, created_at, updated_at) VALUES "
    "(1, 'ines-valmont', 'Ines Valmont', 'person', 'FR', '2021-01-01', '2021-01-01')",
    "INSERT INTO statement (id, actor_id, said_on, date_precision, text, kind, country_code, "
    "stance, target_slug, status, created_at, updated_at) VALUES (1, 1, '2021-03-04', 'day', "
    "'Fictional remark.', 'direct', 'FR', 'critical', 'borealia', 'published', '2021-01-01', "
    "'2021-01-01')",
)


def _totals_by_given(engine: Engine) -> Counter[str]:
    with engine.connect() as connection:
        return Counter(given for (given,) in connection.exec_driver_sql(
            "SELECT given FROM statement_total WHERE n <> 0"))


def test_totals_per_period_come_with_0005_and_go_with_it(tmp_path: Path):
    url = blank_database_url(tmp_path / "periods.db")
    config, engine = alembic_config(url), make_engine(url)
    command.upgrade(config, "0004")
    with engine.begin() as connection:
        for statement in _ONE_STATEMENT:
            connection.exec_driver_sql(statement)
    as_0002_counted = _totals_by_given(engine)
    command.upgrade(config, "0005")
    as_0005_counted = _totals_by_given(engine)
    command.downgrade(config, "0004")
    with engine.begin() as connection:  # counted by 0002's triggers again
        connection.exec_driver_sql("UPDATE statement SET said_on = '2022-06-01'")
    after_going_down = _totals_by_given(engine)
    engine.dispose()
    assert sum(as_0002_counted.values()) == 21 and not {"year", "month"} & set(as_0002_counted)
    assert as_0005_counted == as_0002_counted + Counter({"year": 4, "month": 4})
    assert after_going_down == as_0002_counted


def test_a_rejected_statement_goes_back_to_the_drafts_when_0003_goes_down(tmp_path: Path):
    url = blank_database_url(tmp_path / "rejected.db")
    config, engine = alembic_config(url), make_engine(url)
    command.upgrade(config, "0003")
    with engine.begin() as connection:
        for statement in _ONE_STATEMENT:
            connection.exec_driver_sql(statement.replace("'published'", "'rejected'"))
    command.downgrade(config, "0002")
    with engine.connect() as connection:
        status = connection.exec_driver_sql("SELECT CAST(status AS VARCHAR) FROM statement")
        assert status.scalar_one() == "draft"
    engine.dispose()


def test_the_head_a_start_compares_with_is_alembics_head(tmp_path: Path):
    """A worker's start reads the head from the scripts' own lines, not through Alembic:
    it must name the head Alembic would, and only a database brought there is at it."""
    assert head_revision() == ScriptDirectory.from_config(alembic_config("sqlite://")) \
        .get_current_head()
    url = blank_database_url(tmp_path / "head.db")
    config, engine = alembic_config(url), make_engine(url)
    try:
        assert not is_at_head(engine)  # a new database: no revision at all
        command.upgrade(config, _revisions()[-2])
        assert not is_at_head(engine)
        command.upgrade(config, "head")
        assert is_at_head(engine)
    finally:
        engine.dispose()
