"""Naming speakers: the actor a writer means by a slug, name or alias, added when new."""

from __future__ import annotations

from slugify import slugify
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.reading.actors import SLUG_LENGTH, find_actor, find_by_slug
from app.record.history import record_change
from app.record.models import Actor, ActorKind, ActorRedirect


def free_slug(session: Session, name: str) -> str:
    """Return a slug for a new actor that no actor has yet."""
    base = slugify(name, max_length=SLUG_LENGTH, word_boundary=True) or "actor"
    taken = set(session.exec(select(Actor.slug).where(col(Actor.slug).startswith(base))))
    taken |= set(session.exec(select(ActorRedirect.slug)
                              .where(col(ActorRedirect.slug).startswith(base))))
    return next(s for s in (base, *(f"{base}-{n}" for n in range(2, len(taken) + 3)))
                if s not in taken)


def resolve_speaker(session: Session, speaker: str, *, author: str,
                    country: str | None = None,
                    kind: ActorKind = ActorKind.person) -> Actor:
    """Return the actor a writer means by a slug, name or alias, adding one for a new name."""
    found = find_by_slug(session, speaker) or find_actor(session, speaker)
    if found is not None:
        return found
    actor = Actor(slug=free_slug(session, speaker), name=" ".join(speaker.split()), kind=kind,
                  country_code=country)
    try:
        with session.begin_nested():  # another writer may add the same name meanwhile
            session.add(actor)
            session.flush()
    except IntegrityError:
        found = find_by_slug(session, actor.slug) or find_actor(session, speaker)
        if found is None:
            raise
        return found
    record_change(session, actor, action="create", author=author, before=None)
    return actor
