"""Reading actors and countries, and checking that a query names ones that exist."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, Generic, NamedTuple, TypeVar

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process
from sqlalchemy import CompoundSelect, bindparam, func, literal, union_all
from sqlalchemy.orm import joinedload, selectinload
from sqlmodel import Session, col, select

from app.errors import InvalidParameter, InvalidParameters, NotFound
from app.reading.counting.totals import is_public_speaker, public_values
from app.reading.counts import count_by
from app.reading.filters import actor_ids, actor_ids_key
from app.reading.listed import SpeakerRow
from app.reading.names import folded
from app.reading.query import TimelineQuery
from app.record import versions
from app.record.db import plan_once
from app.record.models import Actor, ActorRedirect, Alias, Country, Role

T = TypeVar("T")
#: Longest actor slug; matches the column.
SLUG_LENGTH = 120


@dataclass(frozen=True)
class Counted(Generic[T]):
    """A record with the number of public statements it has."""

    item: T
    statements: int


def get_actor(session: Session, slug: str) -> Actor:
    """Return an actor with roles, aliases and country loaded, or raise NotFound."""
    stmt = select(Actor).where(Actor.slug == slug).options(
        selectinload(Actor.roles), selectinload(Actor.aliases)  # type: ignore[arg-type]
    )
    actor = session.exec(stmt).first()
    if actor is None:
        raise NotFound("actor", slug)
    return actor


def roles_in_order(actor: Actor) -> list[Role]:
    """Return an actor's roles, latest first, undated ones last."""
    return sorted(actor.roles, key=lambda r: (r.starts_on is not None, r.starts_on), reverse=True)


def get_country(session: Session, code: str) -> Country:
    """Return a country by ISO code (any case), or raise NotFound."""
    country = session.get(Country, code.upper())
    if country is None:
        raise NotFound("country", code)
    return country



def is_public(session: Session, actor: Actor | SpeakerRow) -> bool:
    """Tell whether an actor has a published statement, which makes its page public."""
    return actor.slug in _public_slugs(session, [actor.slug])


def list_countries(session: Session) -> list[Counted[Country]]:
    """Return the countries with public statements, with their counts."""
    counts = count_by(session, TimelineQuery(), "country")
    countries = session.exec(select(Country).where(col(Country.code).in_(list(counts)))
                             .order_by(col(Country.name))).all()
    return [Counted(country, counts.get(country.code, 0)) for country in countries]


#: Marks a session that reads for an editor, who may name actors known only from drafts.
_FOR_EDITOR = "onrecord.for_editor"


def read_for_editor(session: Session) -> None:
    """Let this session's checks show an editor the actors readers may not see."""
    session.info[_FOR_EDITOR] = True


def check_known(session: Session, query: TimelineQuery, *,
                shown: Collection[str] = ()) -> None:
    """Raise InvalidParameters naming every actor or country in the query that does not exist.

    To a reader an actor known only from drafts does not exist either: the answer is the
    same as for a slug never used, so its name, and that it was ever added, stay private.
    A session marked by read_for_editor knows them. The slugs of `shown`, speakers of
    public statements a page has read already, are known without asking the database
    (a list checked after its page: most name speakers that have statements on it).
    """
    asked = [s for s in query.actors if s not in shown]
    known = _known_slugs(session, asked, editor=bool(session.info.get(_FOR_EDITOR)))
    errors = [InvalidParameter("actor", f"no actor {s!r}") for s in asked if s not in known]
    if query.countries:
        codes = country_names(session)
        errors += [InvalidParameter("country", f"no country with ISO code {c!r}")
                   for c in query.countries if c not in codes]
    if errors:
        raise InvalidParameters(errors)


_COUNTRY_NAMES = select(col(Country.code), col(Country.name))


def country_names(session: Session) -> dict[str, str]:
    """Every country's name by ISO code: the table is filled from ISO 3166 at start-up and
    never edited, so an app reads it once, not on every page (nor once per version of the
    record: a page checking a country would read the version first, a round trip more)."""
    kept = versions.kept_for(session)
    if kept is not None and "country names" in kept:
        names: dict[str, str] = kept["country names"]
        return names
    names = dict(session.connection().execute(_COUNTRY_NAMES).all())
    if kept is not None:
        kept["country names"] = names
    return names


#: Probes by key, whatever the slugs: its plan is kept.
_PUBLIC_SLUG_IDS = plan_once(select(col(Actor.slug), col(Actor.id), is_public_speaker()).where(
    col(Actor.slug).in_(bindparam("slugs", expanding=True))))


def _known_slugs(session: Session, slugs: Sequence[str], *, editor: bool) -> set[str]:
    if not slugs:
        return set()
    if editor:
        return set(actor_ids(session, slugs))
    return _public_slugs(session, slugs)


def _public_slugs(session: Session, slugs: Sequence[str]) -> set[str]:
    """Return which of these slugs name a speaker with a published statement, read once per
    transaction (a profile asks, then its query's check) with the speakers' ids, in one
    statement (on PostgreSQL one round trip less a page): actor_ids then knows them."""
    def read() -> set[str]:
        rows = session.connection().execute(_PUBLIC_SLUG_IDS, {"slugs": list(slugs)}).all()
        versions.read_once(session, actor_ids_key(slugs),
                           lambda: {slug: actor_id for slug, actor_id, _ in rows})
        return {slug for slug, _, public in rows if public}

    return set(versions.read_once(session, ("public slugs", tuple(slugs)), read))


def find_actor(session: Session, name: str) -> Actor | None:
    """Return the actor known by this name or alias (any case), or None."""
    key = " ".join(name.split()).casefold()
    by_name = select(Actor).where(func.lower(Actor.name) == key)
    by_alias = select(Actor).join(Alias).where(func.lower(Alias.name) == key)
    return session.exec(by_name).first() or session.exec(by_alias).first()


def speaker_key(name: str) -> str:
    """Return how a name is compared with names and aliases: spaces collapsed, any case."""
    return " ".join(name.split()).casefold()


class Speaker(NamedTuple):
    """What naming a speaker needs of an actor, read without loading the whole record."""

    id: int
    name: str
    country_code: str | None


def match_speakers(session: Session, speakers: Collection[str]) -> dict[str, Speaker]:
    """Return the actor each of many speakers names, by slug, an old slug, a name or an
    alias (any case), in that order of preference: two queries however many speakers."""
    keys = {speaker: speaker_key(speaker) for speaker in speakers}
    if not keys:
        return {}
    lowered = list(set(keys.values()))
    ways: CompoundSelect[Any] = union_all(
        select(literal(0).label("way"), col(Actor.slug).label("key"), col(Actor.id).label("id"))
        .where(col(Actor.slug).in_(list(keys))),
        select(literal(1), col(ActorRedirect.slug), col(ActorRedirect.actor_id))
        .where(col(ActorRedirect.slug).in_(list(keys))),
        select(literal(2), func.lower(Actor.name), col(Actor.id))
        .where(func.lower(Actor.name).in_(lowered)),
        select(literal(3), func.lower(Alias.name), col(Alias.actor_id))
        .where(func.lower(Alias.name).in_(lowered)))
    found: dict[tuple[int, str], int] = {}
    for way, key, actor_id in session.execute(ways).all():
        found[way, key] = min(actor_id, found.get((way, key), actor_id))
    chosen = {speaker: next((found[way, k] for way, k in ((0, speaker), (1, speaker),
                                                          (2, key), (3, key))
                             if (way, k) in found), None)
              for speaker, key in keys.items()}
    actors = {row[0]: Speaker(*row) for row in session.execute(
        select(col(Actor.id), col(Actor.name), col(Actor.country_code))
        .where(col(Actor.id).in_({i for i in chosen.values() if i is not None})))}
    return {speaker: actors[i] for speaker, i in chosen.items() if i is not None}


#: An actor with its roles and aliases, joined (a few rows each).
_BY_SLUG = plan_once(select(Actor).options(joinedload(Actor.roles),  # type: ignore[arg-type]
                                           joinedload(Actor.aliases)))  # type: ignore[arg-type]


def find_by_slug(session: Session, slug: str) -> Actor | None:
    """Return the actor with a slug, following the redirects merges leave behind; its roles
    and aliases, which its profile shows, read with it (one statement, not three)."""
    actor = session.exec(_BY_SLUG.where(Actor.slug == slug)).unique().first()
    if actor is None:
        moved = session.get(ActorRedirect, slug)
        actor = session.get(Actor, moved.actor_id) if moved else None
    return actor


#: Closest names offered when an address names no actor, and how close they must be (0-100).
SUGGESTIONS = 3
SUGGESTION_CUTOFF = 60


def find_by_alias(session: Session, slug: str) -> Actor | None:
    """Return the public actor one of whose aliases spells this slug ('truss'), or None."""
    wanted = folded(slug.replace("-", " "))
    public = {int(k) for k in public_values(session, "actor")}
    for actor_id, name in session.exec(select(Alias.actor_id, Alias.name)).all():
        if actor_id in public and folded(name) == wanted:
            return session.get(Actor, actor_id)
    return None


def closest_actors(session: Session, slug: str) -> list[Actor]:
    """Return the public actors whose name or alias is closest to a mistyped slug."""
    public = {int(k) for k in public_values(session, "actor")}
    names = [(i, n) for i, n in session.exec(select(Actor.id, Actor.name)).all() if i in public]
    names += [(i, n) for i, n in session.exec(select(Alias.actor_id, Alias.name)).all()
              if i in public]
    found = process.extract(slug.replace("-", " "), [n for _, n in names], scorer=fuzz.WRatio,
                            processor=default_process, score_cutoff=SUGGESTION_CUTOFF,
                            limit=SUGGESTIONS * 3)
    ids = list(dict.fromkeys(names[index][0] for _, _, index in found))[:SUGGESTIONS]
    by_id = {a.id: a for a in session.exec(select(Actor).where(col(Actor.id).in_(ids))).all()}
    return [by_id[i] for i in ids if i in by_id]
