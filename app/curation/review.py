"""The review queue: an imported article's candidate statements, accepted or rejected one
by one, then published together. Drafts are never public."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.curation.statement_edits import get_any_statement, locked_statement, set_status
from app.curation.write_lock import begin_write
from app.errors import NotFound
from app.reading.statements import StatementView, views
from app.record.history import record_change, snapshot
from app.record.models import Source, Statement, StatementStatus

#: Candidates on one page of a review, so that a long article's page stays small.
REVIEW_PAGE_SIZE = 50


@dataclass(frozen=True)
class Queued:
    """A source in review and how far its review has come."""

    source: Source
    pending: int
    accepted: int
    rejected: int
    published: int


def queue(session: Session) -> list[Queued]:
    """Return the sources that still hold drafts, newest import first."""
    accepted = col(Statement.accepted_by).is_not(None)
    in_review = select(Statement.source_id).where(Statement.status == StatementStatus.draft)
    rows = session.exec(
        select(Statement.source_id, Statement.status, accepted, func.count())
        .where(col(Statement.source_id).in_(in_review))
        .group_by(col(Statement.source_id), col(Statement.status), accepted)).all()
    tally: dict[int, dict[str, int]] = {}
    for source_id, status, was_accepted, n in rows:
        key = "accepted" if status == StatementStatus.draft and was_accepted else str(status)
        counts = tally.setdefault(source_id or 0, {})
        counts[key] = counts.get(key, 0) + int(n)
    sources = session.exec(select(Source).where(col(Source.id).in_(tally))
                           .order_by(col(Source.id).desc())).all()
    return [Queued(s, *(tally[s.id or 0].get(k, 0)
                        for k in ("draft", "accepted", "rejected", "published")))
            for s in sources]


@dataclass(frozen=True)
class ReviewPage:
    """One page of a source's candidates, in the order they stand in it."""

    source: Source
    items: list[StatementView]
    number: int
    pages: int
    total: int

    @property
    def first(self) -> int:
        """Return the position of the page's first candidate, counting from 1."""
        return (self.number - 1) * REVIEW_PAGE_SIZE + 1


def candidates(session: Session, source_id: int, page: int = 1) -> ReviewPage:
    """Return a source and one page of its statements (the last page when page is past it)."""
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound("source", source_id)
    ids = _ordered_ids(session, source_id)
    pages = max(1, -(-len(ids) // REVIEW_PAGE_SIZE))
    number = min(max(page, 1), pages)
    shown = ids[(number - 1) * REVIEW_PAGE_SIZE:number * REVIEW_PAGE_SIZE]
    rows = session.exec(select(Statement).where(col(Statement.id).in_(shown))).all()
    place = {statement_id: n for n, statement_id in enumerate(shown)}
    rows = sorted(rows, key=lambda s: place[s.id or 0])
    return ReviewPage(source, views(session, rows), number, pages, len(ids))


def page_of(session: Session, source_id: int, statement_id: int) -> int:
    """Return the page of the source's review that shows a statement."""
    ids = _ordered_ids(session, source_id)
    return ids.index(statement_id) // REVIEW_PAGE_SIZE + 1 if statement_id in ids else 1


def _ordered_ids(session: Session, source_id: int) -> list[int]:
    # Ids only: cheap even for thousands of candidates, and one order for pages and links.
    return [i for i in session.exec(
        select(Statement.id).where(Statement.source_id == source_id)
        .order_by(col(Statement.source_start), col(Statement.id))).all() if i is not None]


def candidate(session: Session, source_id: int, statement_id: int) -> StatementView:
    """Return one statement of a source under review."""
    statement = get_any_statement(session, statement_id)
    if statement.source_id != source_id:
        raise NotFound("statement in source", statement_id)
    return views(session, [statement])[0]


def accept(session: Session, statement_id: int, author: str) -> None:
    """Mark a draft as accepted by an editor; it goes public when its source is published."""
    if get_any_statement(session, statement_id).status is StatementStatus.rejected:
        set_status(session, statement_id, StatementStatus.draft, author)
    statement = locked_statement(session, statement_id)  # "before" read under the lock
    before = snapshot(statement)
    statement.accepted_by = author
    session.add(statement)
    record_change(session, statement, action="accept", author=author, before=before)
    session.commit()


def reject(session: Session, statement_id: int, author: str) -> None:
    """Turn a draft down; it is kept, never public."""
    statement = get_any_statement(session, statement_id)
    statement.accepted_by = None
    set_status(session, statement_id, StatementStatus.rejected, author)


def publish(session: Session, source_id: int, author: str) -> int:
    """Publish the accepted drafts of a source together; return how many went public."""
    begin_write(session)  # what is accepted, and each "before", read under the lock
    accepted = session.exec(select(Statement).where(
        Statement.source_id == source_id, Statement.status == StatementStatus.draft,
        col(Statement.accepted_by).is_not(None)).with_for_update()
        .execution_options(populate_existing=True)).all()
    for statement in accepted:
        before = snapshot(statement)
        statement.status = StatementStatus.published
        session.add(statement)
        record_change(session, statement, action="publish", author=author, before=before)
    session.commit()
    return len(accepted)
