"""Writing sources: add a citation once, correct it later, each change a revision."""

from __future__ import annotations

from collections.abc import Collection

from sqlmodel import Session, select

from app.curation.inputs import SourceIn, SourcePatch
from app.curation.write_lock import begin_write, locked
from app.errors import NotFound
from app.record.history import check_version, commit_change, record_change, snapshot
from app.record.models import Source


def find_or_add_source(session: Session, data: SourceIn, author: str) -> Source:
    """Return the source with this URL (or title and date), adding it when it is new."""
    url = str(data.url) if data.url else None
    match = (select(Source).where(Source.url == url) if url else select(Source).where(
        Source.title == data.title, Source.published_on == data.published_on))
    source = session.exec(match).first()
    if source is None:
        source = Source(title=data.title, publisher=data.publisher, url=url,
                        published_on=data.published_on, author=data.author,
                        fetched_at=data.fetched_at)
        session.add(source)
        session.flush()
        record_change(session, source, action="create", author=author, before=None)
    return source


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
