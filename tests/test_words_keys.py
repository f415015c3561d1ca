"""Every writer of statements keys their words (statement.words_key), so an exact repeat is
found by its key: a writer that forgets leaves a statement no repeat check can find."""

from __future__ import annotations

import importlib.util
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

from alembic import command
from fastapi import FastAPI
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from app.curation.inputs import StatementIn, StatementPatch
from app.curation.statement_edits import (
    create_statement,
    restore_statement,
    update_statement,
)
from app.files.copy import copy_database
from app.files.file_import import import_file
from app.files.synth import Plan, synthesize
from app.main import create_app
from app.record.db import make_engine
from app.record.demo import load_demo
from app.record.migrate import alembic_config
from app.record.models import Statement
from app.record.words import words_key
from tests.conftest import blank_database_url, make_settings


def unkeyed(engine: Engine) -> list[int]:
    """Return the statements whose key is missing or is not the key of their words."""
    with Session(engine) as session:
        return [s_id for s_id, text, key in session.exec(
            select(Statement.id, Statement.text, Statement.words_key)).all()
            if key != words_key(text)]


def _count(engine: Engine) -> int:
    with Session(engine) as session:
        return len(session.exec(select(Statement.id)).all())


def test_a_written_statement_and_its_edits_are_keyed(app: FastAPI, session: Session):
    said = create_statement(session, StatementIn(speaker="Anna Marsh", said_on=date(2021, 6, 1),
                                                 text="The harbour will stay open."), "ed")
    assert said.id is not None
    update_statement(session, said.id, StatementPatch(text="The harbour will close."), "ed")
    assert unkeyed(app.state.engine) == []
    restore_statement(session, said.id, 1, "ed")
    assert unkeyed(app.state.engine) == [] and _count(app.state.engine) == 1
    assert said.words_key == words_key("“THE HARBOUR WILL STAY OPEN”")


def test_an_imported_file_is_keyed(app: FastAPI, session: Session):
    rows = [{"speaker": "Anna Marsh", "text": f"Ferry {n} sails at dawn.",
             "said_on": "2021-06-01"} for n in range(3)]
    data = "".join(json.dumps(row) + "\n" for row in rows).encode()
    import_file(session, io.BytesIO(data), "jsonl", author="importer")
    assert _count(app.state.engine) == 3 and unkeyed(app.state.engine) == []


def test_the_demo_a_synthetic_record_and_its_copy_are_keyed(tmp_path: Path):
    source = create_app(make_settings(tmp_path / "source.db", demo=False))
    with Session(source.state.engine) as session:
        load_demo(session)
        synthesize(session, Plan(statements=200, actors=10, seed=3))
    assert _count(source.state.engine) > 200 and unkeyed(source.state.engine) == []
    target_url = make_settings(tmp_path / "target.db", demo=False).database_url
    copy_database(source.state.settings.database_url, target_url)
    engine = make_engine(target_url)
    assert _count(engine) > 200 and unkeyed(engine) == []
    engine.dispose()


def _frozen_at_0012() -> Any:
    """Return migration 0012's own copy of the key, as it keys the statements before it."""
    path = Path(__file__).parent.parent / "migrations/versions/0012_statement_words_key.py"
    spec = importlib.util.spec_from_file_location("migration_0012", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module._words_key


@settings(max_examples=2_000, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
       | st.lists(st.sampled_from([" ", "\t", "\n", "\x0b", "\x1c", "\xa0", "\u2028",
                                   "\u3000", "«", "—", "Aé", "b", "1", "Ж", "!"]),
                  max_size=20).map("".join))
def test_words_are_keyed_as_0012_keyed_the_record_before_it(text: str):
    assert words_key(text) == FROZEN_AT_0012(text)


FROZEN_AT_0012 = _frozen_at_0012()


def test_0012_keys_the_statements_recorded_before_it(tmp_path: Path):
    url = blank_database_url(tmp_path / "before.db")
    config, engine = alembic_config(url), make_engine(url)
    command.upgrade(config, "0011")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO actor (id, slug, name, kind, created_at, updated_at) VALUES "
            "(1, 'ines-valmont', 'Ines Valmont', 'person', '2021-01-01', '2021-01-01')")
        for n, text in enumerate(["«Le port restera ouvert», a-t-elle dit.", "Fictional remark.",
                                  "", "ПОРТ ОСТАНЕТСЯ ОТКРЫТЫМ!"], start=1):
            connection.exec_driver_sql(
                "INSERT INTO statement (id, actor_id, said_on, date_precision, text, kind, "
                "stance, status, created_at, updated_at) VALUES "
                f"({n}, 1, '2021-03-04', 'day', '{text}', 'direct', 'neutral', 'published', "
                "'2021-01-01', '2021-01-01')")
    command.upgrade(config, "0012")
    assert _count(engine) == 4 and unkeyed(engine) == []
    with engine.connect() as connection:
        counted = connection.exec_driver_sql("SELECT n FROM statement_total "
                                             "WHERE facet = 'actor' AND given = ''").scalar()
    assert counted == 4, "the counts stand as they were"
    engine.dispose()


def test_after_0012_an_analysed_record_still_reads_a_speakers_timeline_in_order(tmp_path: Path):
    """A record analysed before 0012 (onrecord synth analyses) has statistics for the old
    indexes and none for the new one: unless 0012 analyses it too, SQLite reads a speaker's
    timeline through the key index and sorts every statement of the speaker."""
    url = blank_database_url(tmp_path / "analysed.db")
    if not url.startswith("sqlite"):
        return  # statistics and plans are SQLite's here; PostgreSQL analyses by itself
    config, engine = alembic_config(url), make_engine(url)
    command.upgrade(config, "0011")
    with engine.begin() as connection:
        for a in range(1, 41):
            connection.exec_driver_sql(
                "INSERT INTO actor (id, slug, name, kind, created_at, updated_at) VALUES "
                f"({a}, 'speaker-{a}', 'Speaker {a}', 'person', '2021-01-01', '2021-01-01')")
        connection.exec_driver_sql(  # 200 statements a speaker, as at a million
            "INSERT INTO statement (id, actor_id, said_on, date_precision, text, kind, "
            "stance, status, created_at, updated_at) VALUES "
            "(?, ?, ?, 'day', ?, 'direct', 'neutral', 'published', '2021-01-01', '2021-01-01')",
            [(n, n % 40 + 1, f"2021-03-{n % 28 + 1:02d}", f"Fictional remark {n}.")
             for n in range(1, 8001)])
        connection.exec_driver_sql("ANALYZE")
    command.upgrade(config, "0012")
    with engine.connect() as connection:
        analysed = {row[0] for row in connection.exec_driver_sql(
            "SELECT idx FROM sqlite_stat1 WHERE tbl = 'statement'").all()}
        plan = " ".join(row[-1] for row in connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM statement WHERE status = 'published' AND "
            "actor_id = 1 ORDER BY said_on DESC, id DESC LIMIT 51").all())
    engine.dispose()
    # At a million statements, without its own statistics the new index was chosen (175 ms
    # for the busiest speaker's page, against 8 ms): here it must have them.
    assert "ix_statement_words_key" in analysed
    assert "ix_statement_actor_timeline" in plan and "TEMP B-TREE" not in plan, plan
