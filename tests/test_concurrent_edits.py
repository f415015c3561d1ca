"""Revisions stay true when two editors change one record at once (issue 11, defect 4).

The sessions are interleaved by hand: one reads the record as an edit would, another
edit commits, then the first goes on. Without the write lock the first edit's revision
kept the record as it had read it, undoing the other edit in every later snapshot.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from fastapi import FastAPI
from sqlmodel import Session

from app.curation import actor_edits, source_edits, statement_edits
from app.curation.inputs import ActorPatch, SourceIn, SourcePatch, StatementPatch
from app.record.history import ChangedMeanwhile, revisions
from app.record.models import Actor, Source, Statement
from tests import factories
from tests.revisions import assert_history_chains


@pytest.fixture
def statement_id(session: Session) -> int:
    speaker = factories.actor(session, "Ilse Vantongeren")
    made = factories.statement(session, speaker, said_on=date(2022, 3, 1),
                               text="We are watching closely.", target="Ostravia")
    return made.id or 0


def test_an_edit_after_another_keeps_the_other_edits_fields(app: FastAPI,
                                                           statement_id: int) -> None:
    with Session(app.state.engine) as first, Session(app.state.engine) as second:
        # The first editor's edit reads the statement (the session holds what it read).
        read = first.get(Statement, statement_id)
        statement_edits.update_statement(second, statement_id,
                                         StatementPatch(text="We are watching."), "bea")
        statement_edits.update_statement(first, statement_id,
                                         StatementPatch(target="Veldland"), "ana")
        assert (read.text, read.target) == ("We are watching.", "Veldland")  # type: ignore[union-attr]
    with Session(app.state.engine) as session:
        latest = revisions(session, "statement", statement_id)[0]
        assert latest.snapshot["text"] == "We are watching."
        assert latest.changes == {"target": ["Ostravia", "Veldland"],
                                  "target_slug": ["ostravia", "veldland"]}
        assert session.get(Statement, statement_id).text == "We are watching."  # type: ignore[union-attr]
        assert_history_chains(session, "statement", statement_id)


def test_two_edits_of_one_field_each_start_from_the_last(app: FastAPI,
                                                        statement_id: int) -> None:
    with Session(app.state.engine) as first, Session(app.state.engine) as second:
        read = first.get(Statement, statement_id)
        statement_edits.update_statement(second, statement_id, StatementPatch(text="B."), "bea")
        statement_edits.update_statement(first, statement_id, StatementPatch(text="A."), "ana")
        assert read.text == "A."  # type: ignore[union-attr]
    with Session(app.state.engine) as session:
        latest = revisions(session, "statement", statement_id)[0]
        assert latest.changes["text"] == ["B.", "A."]
        assert [r.number for r in revisions(session, "statement", statement_id)] == [3, 2, 1]
        assert_history_chains(session, "statement", statement_id)


def test_restoring_a_version_after_a_concurrent_edit_restores_what_existed(
        app: FastAPI, statement_id: int) -> None:
    with Session(app.state.engine) as first, Session(app.state.engine) as second:
        read = first.get(Statement, statement_id)
        statement_edits.update_statement(second, statement_id, StatementPatch(text="B."), "bea")
        statement_edits.update_statement(first, statement_id,
                                         StatementPatch(target="Veldland"), "ana")
        assert read.text == "B."  # type: ignore[union-attr]
        # Restoring the version just before the first editor's edit must keep "B.".
        statement_edits.restore_statement(second, statement_id, 2, "bea")
    with Session(app.state.engine) as session:
        restored = session.get(Statement, statement_id)
        assert restored is not None
        assert (restored.text, restored.target) == ("B.", "Ostravia")
        assert_history_chains(session, "statement", statement_id)


def test_an_edit_on_a_version_replaced_meanwhile_is_refused_with_what_changed(
        app: FastAPI, statement_id: int) -> None:
    with Session(app.state.engine) as session:
        statement_edits.update_statement(session, statement_id, StatementPatch(text="B."), "bea")
        with pytest.raises(ChangedMeanwhile) as refused:
            statement_edits.update_statement(session, statement_id,
                                             StatementPatch(target="Veldland"), "ana",
                                             expected={1})
        assert (refused.value.seen, refused.value.now, refused.value.status) == (1, 2, 412)
        assert refused.value.changes == {"text": ["We are watching closely.", "B."]}
        session.rollback()
        assert session.get(Statement, statement_id).target == "Ostravia"  # type: ignore[union-attr]
        statement_edits.update_statement(session, statement_id,
                                         StatementPatch(target="Veldland"), "ana", expected={2})
        assert_history_chains(session, "statement", statement_id)


def test_actor_and_source_edits_keep_the_other_edits_fields(app: FastAPI,
                                                           session: Session) -> None:
    actor = factories.actor(session, "Orla Penhallow")
    source = source_edits.create_source(session, SourceIn(title="The Fictional Herald"), "bea")
    with Session(app.state.engine) as first, Session(app.state.engine) as second:
        read = first.get(Actor, actor.id), first.get(Source, source.id)
        actor_edits.update_actor(second, actor.slug, ActorPatch(country="DE"), "bea")
        actor_edits.update_actor(first, actor.slug, ActorPatch(aliases=["O. Penhallow"]), "ana")
        source_edits.update_source(second, source.id or 0, SourcePatch(publisher="Herald"),
                                   "bea")
        source_edits.update_source(first, source.id or 0, SourcePatch(title="Herald"), "ana")
        assert (read[0].country_code, read[1].publisher) == ("DE", "Herald")  # type: ignore[union-attr]
    with Session(app.state.engine) as session2:
        assert revisions(session2, "actor", actor.id or 0)[0].snapshot["country_code"] == "DE"
        assert revisions(session2, "source", source.id or 0)[0].snapshot["publisher"] == "Herald"
        assert_history_chains(session2, "actor", actor.id or 0)
        assert_history_chains(session2, "source", source.id or 0)


def test_a_merge_is_in_the_history_of_each_statement_it_moves(app: FastAPI,
                                                             session: Session) -> None:
    keep = factories.actor(session, "Tamsin Arkwright")
    drop = factories.actor(session, "T. Arkwright")
    moved = factories.statement(session, drop, said_on=date(2022, 3, 2))
    statement_edits.update_statement(session, moved.id or 0, StatementPatch(text="Moved."), "bea")
    actor_edits.merge_actors(session, keep.slug, drop.slug, "bea")
    statement_edits.update_statement(session, moved.id or 0, StatementPatch(text="Again."), "bea")
    kept: list[Any] = revisions(session, "statement", moved.id or 0)
    assert [r.action for r in kept] == ["edit", f"merge {drop.slug}", "edit", "original"]
    assert_history_chains(session, "statement", moved.id or 0)

