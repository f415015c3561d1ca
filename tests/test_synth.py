"""A fictional record of any size, and copying a record into another database (PostgreSQL)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session, func, select

from app.config import Settings
from app.errors import TargetNotEmpty
from app.files.copy import copy_database
from app.files.synth import Plan, synthesize
from app.main import create_app
from app.reading.counts import count_by
from app.reading.query import TimelineQuery
from app.record.db import make_engine
from app.record.models import Actor, Statement, StatementStatus
from tests import factories as f
from tests.conftest import make_settings

PLAN = Plan(statements=3000, actors=60, countries=12, targets=8, words=200, seed=4)


def direct_counts(session: Session, key: str) -> dict[str, int]:
    """Count public statements per value of a column, straight from the statements."""
    column = getattr(Statement, key)
    rows = session.exec(select(column, func.count()).where(
        Statement.status == StatementStatus.published, column.is_not(None)).group_by(column))
    return {str(getattr(k, "value", k)): n for k, n in rows.all()}


def test_synth_adds_a_skewed_fictional_record_whose_counts_are_exact(session):
    assert synthesize(session, PLAN) == 3000
    per_actor = Counter(session.exec(select(Statement.actor_id)).all())
    busiest, *_, quietest = [n for _, n in per_actor.most_common()]
    assert busiest > 10 * quietest  # Zipf: a few speak all the time
    assert len(set(session.exec(select(Statement.status)).all())) == 3
    query = TimelineQuery()
    assert count_by(session, query, "actor") == direct_counts(session, "actor_id")
    assert count_by(session, query, "country") == direct_counts(session, "country_code")
    assert count_by(session, query, "target") == direct_counts(session, "target_slug")
    days = session.exec(select(func.min(Statement.said_on), func.max(Statement.said_on))).one()
    assert days[0] >= date(2016, 1, 1) and days[1] <= date(2025, 12, 31)


def test_a_synthetic_record_takes_new_speakers_and_statements_after_it(session):
    synthesize(session, Plan(statements=40, actors=4, countries=2, targets=2, words=20))
    speaker = f.actor(session, "Speaker Larch")  # a fresh id, on PostgreSQL too
    made = f.statement(session, speaker, said_on=date(2022, 1, 1))
    assert session.get(Statement, made.id) is not None
    assert session.exec(select(func.count()).select_from(Actor)).one() == 5


def test_the_same_seed_gives_the_same_record(tmp_path: Path):
    texts = []
    for name in ("a.db", "b.db"):
        app = create_app(make_settings(tmp_path / name, demo=False))
        with Session(app.state.engine) as session:
            synthesize(session, Plan(statements=50, actors=5, seed=9))
            texts.append(session.exec(select(Statement.text).order_by(Statement.id)).all())
    assert texts[0] == texts[1]


def test_copy_moves_the_whole_record_and_it_searches_and_counts_there(tmp_path: Path):
    """From a SQLite file into a fresh database: PostgreSQL when the suite runs on it."""
    source = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'source.db'}"))
    with Session(source.state.engine) as session:
        synthesize(session, Plan(statements=400, actors=20, seed=2))
        expected = direct_counts(session, "actor_id")
        total = session.exec(select(func.count()).select_from(Statement)).one()
    target_url = make_settings(tmp_path / "target.db", demo=False).database_url
    copied = copy_database(source.state.settings.database_url, target_url)
    assert copied.rows["statement"] == total
    engine = make_engine(target_url)
    with Session(engine) as session:
        assert count_by(session, TimelineQuery(), "actor") == expected
        assert count_by(session, TimelineQuery(q="Russian"), "stance")  # the demo's words
        speaker = session.exec(select(Actor)).first()
        assert speaker is not None
        added = f.statement(session, speaker, said_on=date(2024, 1, 1))  # ids go on
        assert added.id is not None and added.id > max(session.exec(
            select(Statement.id).where(Statement.id != added.id)).all())
    engine.dispose()
    with pytest.raises(TargetNotEmpty):
        copy_database(source.state.settings.database_url, target_url)
