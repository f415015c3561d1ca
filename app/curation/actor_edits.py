"""Writing actors: add, correct (aliases, roles with dates, country) and merge duplicates."""

from __future__ import annotations

from collections.abc import Collection

from pydantic import ValidationError
from sqlmodel import Session, col, select, update

from app.curation.inputs import ActorIn, ActorPatch, RoleIn
from app.curation.speakers import free_slug
from app.curation.write_lock import begin_write, locked
from app.errors import EditRefused, NotFound
from app.reading.actors import find_actor, get_actor
from app.record.history import check_version, commit_change, get_revision, record_change, snapshot
from app.record.models import Actor, ActorRedirect, Alias, Role, Statement, utcnow


def create_actor(session: Session, data: ActorIn, author: str) -> Actor:
    """Add an actor, refusing a name or alias that already names one."""
    begin_write(session)  # so no other edit takes the name between the check and the write
    _refuse_names_of_others(session, None, [data.name, *data.aliases])
    actor = Actor(slug=free_slug(session, data.name), name=data.name, kind=data.kind,
                  country_code=data.country)
    _set_aliases(actor, data.aliases)
    _set_roles(actor, data.roles)
    return commit_change(session, actor, action="create", author=author, before=None)


def locked_actor(session: Session, slug: str,
                 expected: Collection[int] | None = None) -> Actor:
    """Return an actor (by slug or old slug) read under the write lock, refusing it when it
    is no longer one of the expected versions (None: any version)."""
    found = locked(session, Actor, get_actor(session, slug).id or 0)
    if found is None:  # merged away meanwhile
        raise NotFound("actor", slug)
    check_version(session, found, expected)
    return found


def update_actor(session: Session, slug: str, patch: ActorPatch, author: str, *,
                 action: str = "edit", expected: Collection[int] | None = None) -> Actor:
    """Correct an actor; the slug stays, so links to the profile keep working. With expected
    versions, refuse (ChangedMeanwhile) when another edit came first."""
    actor = locked_actor(session, slug, expected)
    before = snapshot(actor)
    fields = patch.model_dump(exclude_unset=True)
    _refuse_names_of_others(session, actor, [fields.get("name") or "",
                                             *(fields.get("aliases") or [])])
    if "aliases" in fields:
        _set_aliases(actor, fields.pop("aliases") or [])
    if "roles" in fields:
        _set_roles(actor, [RoleIn(**r) for r in fields.pop("roles") or []])
    if "country" in fields:
        actor.country_code = fields.pop("country")
    for name, value in fields.items():
        setattr(actor, name, value)
    actor.updated_at = utcnow()
    return commit_change(session, actor, action=action, author=author, before=before)


def restore_actor(session: Session, slug: str, number: int, author: str) -> Actor:
    """Bring back an earlier version of an actor (names, kind, country, aliases, roles)."""
    actor = locked_actor(session, slug)
    old = get_revision(session, "actor", actor.id or 0, number).snapshot
    try:
        patch = ActorPatch(name=old["name"], kind=old["kind"], country=old["country_code"],
                           aliases=old["aliases"], roles=[RoleIn(**r) for r in old["roles"]])
    except ValidationError as error:  # a version from before a rule it breaks
        first = error.errors()[0]
        raise EditRefused(f"version {number} cannot be restored: "
                          f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}") from None
    return update_actor(session, slug, patch, author, action=f"restore v{number}")


def merge_actors(session: Session, keep_slug: str, drop_slug: str, author: str) -> Actor:
    """Fold a duplicate into the actor kept: statements, names and roles move; its slug
    redirects to the kept one."""
    for actor_id in sorted({get_actor(session, s).id or 0 for s in (keep_slug, drop_slug)}):
        locked(session, Actor, actor_id)  # in order of id, so two merges never deadlock
    keep, drop = locked_actor(session, keep_slug), locked_actor(session, drop_slug)
    assert keep.id is not None
    if keep.id == drop.id:
        raise EditRefused("an actor cannot be merged into itself")
    before = snapshot(keep)
    _move_statements(session, drop, keep, author)
    names = {a.name for a in keep.aliases} | {keep.name}
    _set_aliases(keep, [*(a.name for a in keep.aliases),
                        *(n for n in [drop.name, *(a.name for a in drop.aliases)]
                          if n not in names)])
    titles = {(r.title, r.starts_on, r.ends_on) for r in keep.roles}
    keep.roles += [Role(title=r.title, starts_on=r.starts_on, ends_on=r.ends_on)  # type: ignore[call-arg]
                   for r in drop.roles if (r.title, r.starts_on, r.ends_on) not in titles]
    keep.country_code = keep.country_code or drop.country_code
    session.exec(update(ActorRedirect).where(
        col(ActorRedirect.actor_id) == drop.id).values(actor_id=keep.id))
    session.add(ActorRedirect(slug=drop.slug, actor_id=keep.id))
    session.delete(drop)  # its aliases and roles go with it; their copies live on keep
    return commit_change(session, keep, action=f"merge {drop.slug}", author=author,
                         before=before)


def _move_statements(session: Session, drop: Actor, keep: Actor, author: str) -> None:
    """Give the duplicate's statements to the actor kept, each move a revision of its own,
    so every statement's history still runs from one "after" to the next "before"."""
    for statement in session.exec(select(Statement).where(Statement.actor_id == drop.id)).all():
        before = snapshot(statement)
        statement.actor_id = keep.id or 0
        session.add(statement)
        record_change(session, statement, action=f"merge {drop.slug}", author=author,
                      before=before)


def _refuse_names_of_others(session: Session, actor: Actor | None, names: list[str]) -> None:
    """Keep names unambiguous: a name or alias may name one actor only."""
    for name in filter(None, (n.strip() for n in names)):
        known = find_actor(session, name)
        if known is not None and (actor is None or known.id != actor.id):
            raise EditRefused(f"{name!r} already names {known.name} ({known.slug})")


def _set_aliases(actor: Actor, names: list[str]) -> None:
    wanted = list(dict.fromkeys(n.strip() for n in names if n.strip() and n.strip() != actor.name))
    kept = [a for a in actor.aliases if a.name in wanted]
    have = {a.name for a in kept}
    actor.aliases = kept + [Alias(name=n) for n in wanted if n not in have]  # type: ignore[call-arg]


def _set_roles(actor: Actor, roles: list[RoleIn]) -> None:
    for role in roles:
        if role.starts_on and role.ends_on and role.starts_on > role.ends_on:
            raise EditRefused(f"the role {role.title!r} ends before it starts")
    actor.roles = [Role(title=r.title, starts_on=r.starts_on, ends_on=r.ends_on)  # type: ignore[call-arg]
                   for r in roles]


__all__ = ["create_actor", "merge_actors", "restore_actor", "update_actor"]
