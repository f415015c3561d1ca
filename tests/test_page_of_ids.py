"""A page of statements picked in memory (a search's kept matches): the statements asked
for, in the timeline's order, read by their ids whatever the engine."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from sqlmodel import Session, col, select

from app.reading.listed import listed
from app.reading.timeline_sql import page_of_ids
from app.record.models import Statement
from tests.conftest import POSTGRES_URL


def _timeline(session: Session) -> list[int]:
    """Every statement's id, oldest first."""
    return list(session.exec(select(Statement.id).order_by(col(Statement.said_on),
                                                           col(Statement.id))).all())


def _page(session: Session, ids: list[int], *, newest: bool) -> list[int]:
    return [parts[0].id for parts, _ in listed(session, page_of_ids(ids, newest))]


def test_pages_of_picked_ids_hold_those_statements_in_timeline_order(reading_demo_app: FastAPI):
    """Pages of several lengths, one after another on one connection: each shows its own
    statements (a statement kept for one length must not carry another's values)."""
    with Session(reading_demo_app.state.engine) as session:
        timeline = _timeline(session)
        assert len(timeline) >= 6
        for picked in ([timeline[3]], timeline[:2], timeline[1::2], timeline, [timeline[-1]]):
            shuffled = picked[::-1]
            assert _page(session, shuffled, newest=False) == picked
            assert _page(session, shuffled, newest=True) == picked[::-1]
        assert _page(session, [max(timeline) + 1000], newest=True) == []


@pytest.mark.skipif(bool(POSTGRES_URL), reason="SQLite's own plan")
def test_sqlite_reads_a_page_of_picked_ids_by_their_key(reading_demo_app: FastAPI):
    """Each statement of the page is looked up by its id, never the table walked: written
    `IN (...) = 1`, the list lost its index and a search's page took 120 ms at a million."""
    with Session(reading_demo_app.state.engine) as session:
        compiled = page_of_ids([1, 2, 3], True).compile(
            session.get_bind(), compile_kwargs={"render_postcompile": True})
        values = tuple(compiled.params[name] for name in compiled.positiontup or ())
        plan = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}",
                                                    values).all()
    steps = [row[-1].split() for row in plan]
    assert ["SEARCH", "statement", "USING", "INTEGER", "PRIMARY", "KEY"] in [
        s[:6] for s in steps], steps
    assert ["SCAN", "statement"] not in [s[:2] for s in steps], steps


@pytest.mark.skipif(not POSTGRES_URL, reason="PostgreSQL's prepared statements")
def test_postgres_plans_pages_of_any_length_as_one_statement(demo_app: FastAPI):
    """The ids go as one array: pages of one, three and six statements are one prepared
    statement, planned for a few rows, not one per length."""
    with Session(demo_app.state.engine) as session:
        timeline = _timeline(session)
        for picked in (timeline[:1], timeline[:3], timeline[:6]) * 3:
            assert _page(session, picked, newest=True) == picked[::-1]
        prepared = session.connection().exec_driver_sql(
            "SELECT count(*) FROM pg_prepared_statements "
            "WHERE strpos(statement, 'statement.id = ANY') > 0").scalar_one()
    assert prepared == 1
