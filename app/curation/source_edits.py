"""Writing sources: add a citation once, correct it later, each change a revision."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import insert, literal, null, tuple_
from sqlmodel import Session, col, select

from app.curation.inputs import SourceIn, SourcePatch
from app.curation.write_lock import begin_write, locked
from app.errors import NotFound
from app.record.db import reserve_ids
from app.record.history import check_version, commit_change, record_change, snapshot
from app.record.models import Revision, Source, utcnow


def new_source(data: SourceIn, *, source_id: int | None = None,
               created_at: datetime | None = None) -> Source:
    """Make the source an input describes (one place for which of its fields are kept)."""
    return Source(id=source_id, title=data.title, publisher=data.publisher,
                  url=str(data.url) if data.url else None, published_on=data.published_on,
                  author=data.author, fetched_at=data.fetched_at,
                  created_at=created_at or utcnow())


def find_or_add_source(session: Session, data: SourceIn, author: str) -> Source:
    """Return the source with this URL (or title and date), adding it when it is new."""
    url = str(data.url) if data.url else None
    match = (select(Source).where(Source.url == url) if url else select(Source).where(
        Source.title == data.title, Source.published_on == data.published_on))
    source = session.exec(match).first()
    if source is None:
        source = new_source(data)
        session.add(source)
        session.flush()
        record_change(session, source, action="create", author=author, before=None)
    return source


#: What tells one source from another: its URL, or else its title and day.
SourceKey = tuple[Any, ...]


def source_key(data: SourceIn) -> SourceKey:
    """Return what a cited source is known by: its URL, or else its title and day."""
    return ("url", str(data.url)) if data.url else ("title", data.title, data.published_on)


def match_sources(session: Session, cited: Collection[SourceKey]) -> dict[SourceKey, int]:
    """Return the id of each cited source already known, as find_or_add_source matches
    them (the oldest of equals): three queries at most, however many sources."""
    urls = [key[1] for key in cited if key[0] == "url"]
    dated = [(key[1], key[2]) for key in cited if key[0] == "title" and key[2] is not None]
    undated = [key[1] for key in cited if key[0] == "title" and key[2] is None]
    titled = (literal("title"), col(Source.title), col(Source.published_on), col(Source.id))
    asks = [(urls, select(literal("url"), Source.url, null(), col(Source.id))
             .where(col(Source.url).in_(urls))),
            (dated, select(*titled).where(
                tuple_(col(Source.title), col(Source.published_on)).in_(dated))),
            (undated, select(*titled).where(col(Source.title).in_(undated),
                                            col(Source.published_on).is_(None)))]
    found: dict[SourceKey, int] = {}
    for wanted, ask in asks:
        rows = session.execute(ask.order_by(col(Source.id).desc())).all() if wanted else []
        for way, name, day, source_id in rows:
            # newest first: the oldest of equals is the one kept
            found[(way, name) if way == "url" else (way, name, day)] = source_id
    return found


def add_sources(session: Session, cited: dict[SourceKey, SourceIn], author: str,
                ) -> dict[SourceKey, int]:
    """Return the id of each cited source, adding the new ones with their first revisions
    in a few statements; call it holding the write lock on sources."""
    known = match_sources(session, list(cited))
    new = [(key, data) for key, data in cited.items() if key not in known]
    now = utcnow()
    made = [new_source(data, source_id=source_id, created_at=now)
            for source_id, (_, data) in zip(reserve_ids(session, "source", len(new)), new,
                                            strict=True)]
    if made:
        session.execute(insert(Source), [s.model_dump() for s in made])
        session.execute(insert(Revision), [
            {"entity": "source", "entity_id": s.id, "number": 1, "action": "create",
             "author": author, "created_at": now, "snapshot": snapshot(s),
             "changes": {k: [None, v] for k, v in snapshot(s).items()}} for s in made])
    return known | {key: s.id or 0 for (key, _), s in zip(new, made, strict=True)}


def create_source(session: Session, data: SourceIn, author: str) -> Source:
    """Add a source and commit it, or return the one already cited by its URL."""
    begin_write(session)  # so two writers never add the same source twice
    source = find_or_add_source(session, data, author)
    session.commit()
    session.refresh(source)
    return source


def update_source(session: Session, source_id: int, patch: SourcePatch, author: str, *,
                  expected: Collection[int] | None = None) -> Source:
    """Correct a source's citation and record what changed; with expected versions, refuse
    (ChangedMeanwhile) when another edit came first."""
    source = locked(session, Source, source_id)
    if source is None:
        raise NotFound("source", source_id)
    check_version(session, source, expected)
    before = snapshot(source)
    for name, value in patch.model_dump(exclude_unset=True).items():
        setattr(source, name, str(value) if name == "url" and value else value)
    return commit_change(session, source, action="edit", author=author, before=before)
