"""Naming speakers: the actor a writer means by a slug, name or alias, added when new."""

from __future__ import annotations

from collections.abc import Sequence

from slugify import slugify
from sqlalchemy import insert, or_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.reading.actors import SLUG_LENGTH, find_actor, find_by_slug, match_speakers
from app.record.db import reserve_ids
from app.record.history import record_change, snapshot
from app.record.models import Actor, ActorKind, ActorRedirect, Revision, utcnow


def free_slug(session: Session, name: str) -> str:
    """Return a slug for a new actor that no actor has yet."""
    return _free(_base_slug(name), _taken(session, [_base_slug(name)]))


def _base_slug(name: str) -> str:
    return slugify(name, max_length=SLUG_LENGTH, word_boundary=True) or "actor"


def _free(base: str, taken: set[str]) -> str:
    """Return the first of base, base-2, base-3 ... not taken."""
    return next(s for s in (base, *(f"{base}-{n}" for n in range(2, len(taken) + 3)))
                if s not in taken)


def _taken(session: Session, bases: Sequence[str]) -> set[str]:
    """Return the slugs of actors and redirects that start as one of the bases does (a
    range each on the slug's index: base itself and base-N sort between base and base.)."""
    taken: set[str] = set()
    for slug_of in (col(Actor.slug), col(ActorRedirect.slug)):
        for start in range(0, len(bases), _BASES_PER_QUERY):
            near = [(slug_of >= b) & (slug_of < b + ".")
                    for b in bases[start:start + _BASES_PER_QUERY]]
            taken |= set(session.exec(select(slug_of).where(or_(*near))))
    return taken


#: Slug ranges asked for in one query: well under the bound parameters a query may hold.
_BASES_PER_QUERY = 500


def resolve_speaker(session: Session, speaker: str, *, author: str,
                    country: str | None = None,
                    kind: ActorKind = ActorKind.person) -> Actor:
    """Return the actor a writer means by a slug, name or alias, adding one for a new name."""
    matched = match_speakers(session, [speaker]).get(speaker)
    found = session.get(Actor, matched.id) if matched is not None else None
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


def add_speakers(session: Session, wanted: Sequence[tuple[str, str | None]],
                 *, author: str) -> list[tuple[int, str | None]]:
    """Return the id and country of the actor each (speaker, country) names, adding the new
    ones with their first revisions in a few statements; call it holding the write lock on
    actors, so that no other writer adds one of them meanwhile."""
    known = match_speakers(session, [speaker for speaker, _ in wanted])
    new = [(s, c) for s, c in dict(wanted).items() if s not in known]
    ids = reserve_ids(session, "actor", len(new))
    taken = _taken(session, sorted({_base_slug(s) for s, _ in new}))
    now, made = utcnow(), list[Actor]()
    for actor_id, (speaker, country) in zip(ids, new, strict=True):
        slug = _free(_base_slug(speaker), taken)
        taken.add(slug)
        made.append(Actor(id=actor_id, slug=slug, name=" ".join(speaker.split()),
                          country_code=country, created_at=now, updated_at=now))
    if made:
        session.execute(insert(Actor), [a.model_dump() for a in made])
        session.execute(insert(Revision), [
            {"entity": "actor", "entity_id": a.id, "number": 1, "action": "create",
             "author": author, "created_at": now, "snapshot": snapshot(a),
             "changes": {k: [None, v] for k, v in snapshot(a).items()}} for a in made])
    made_for = {a.name: (a.id or 0, a.country_code) for a in made}
    return [(known[s].id, known[s].country_code) if s in known
            else made_for[" ".join(s.split())] for s, _ in wanted]
