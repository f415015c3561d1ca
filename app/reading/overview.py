"""What the record holds, in a few numbers: for the method page and anyone who asks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, func, select

from app.reading.counts import count_by
from app.reading.query import TimelineQuery
from app.record import versions
from app.record.models import Source, Statement, StatementStatus


@dataclass(frozen=True)
class Overview:
    """The size and span of the public record."""

    statements: int
    speakers: int
    countries: int
    sources: int
    first: date | None
    last: date | None


def overview(session: Session) -> Overview:
    """Count what the public record holds, once per version of the record: the sources
    that carry a public statement are counted by probing statements, a tenth of a second
    at a million of them."""
    return versions.remembered(session, "overview", lambda: _counted(session))


def _counted(session: Session) -> Overview:
    everything = TimelineQuery()
    by_stance = count_by(session, everything, "stance")
    public = Statement.status == StatementStatus.published
    first, last = session.exec(select(func.min(Statement.said_on), func.max(Statement.said_on))
                               .where(public)).one()
    cited = select(Statement.id).where(Statement.source_id == Source.id, public).exists()
    sources = session.exec(select(func.count()).select_from(Source).where(cited)).one()
    return Overview(sum(by_stance.values()), len(count_by(session, everything, "actor")),
                    len(count_by(session, everything, "country")), sources, first, last)
