"""Naming speakers: a name another writer added a moment ago is found, never added twice."""

from __future__ import annotations

from sqlmodel import Session, func, select

from app.curation import speakers
from app.record.models import Actor


def test_a_speaker_added_meanwhile_by_another_writer_is_found_not_added_again(app,
                                                                           monkeypatch):
    with Session(app.state.engine) as other:
        other.add(Actor(slug="nova-quill", name="Nova Quill"))
        other.commit()
    # What the writer saw before the other writer's commit: no such name, its slug free.
    before = {"by_slug": True, "by_name": True}
    real_slug, real_name = speakers.find_by_slug, speakers.find_actor

    def by_slug(session, slug):
        return None if before.pop("by_slug", False) else real_slug(session, slug)

    def by_name(session, name):
        return None if before.pop("by_name", False) else real_name(session, name)

    monkeypatch.setattr(speakers, "find_by_slug", by_slug)
    monkeypatch.setattr(speakers, "find_actor", by_name)
    monkeypatch.setattr(speakers, "free_slug", lambda session, name: "nova-quill")
    with Session(app.state.engine) as session:
        found = speakers.resolve_speaker(session, "Nova Quill", author="script")
        session.commit()
        assert found.slug == "nova-quill"
        assert session.exec(select(func.count()).select_from(Actor)
                            .where(Actor.name == "Nova Quill")).one() == 1
