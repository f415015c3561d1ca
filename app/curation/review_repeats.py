"""Review's "already on the record": which candidates repeat a published statement, and
which were added to one as a further appearance.

Kept apart from the queue itself (review.py) so that the check stays one query a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from app.reading.appearances import added_from
from app.reading.duplicates import Duplicate, Said, find_duplicates
from app.reading.statements import StatementView
from app.record.models import StatementStatus

#: Candidates still to be decided, or decided but open to a change of mind.
_UNDECIDED = (StatementStatus.draft, StatementStatus.rejected)


@dataclass(frozen=True)
class OnRecord:
    """The statement a candidate repeats, and how alike the two are."""

    statement_id: int
    how: str
    score: float


def on_page(session: Session, source_id: int, items: Sequence[StatementView]) -> dict[str, Any]:
    """Return, for the candidates shown, what each repeats ("duplicates") and the statement
    each was added to as an appearance ("appeared"), by candidate id."""
    open_ = [v for v in items if v.statement.status in _UNDECIDED]
    found = find_duplicates(session, [Said(v.actor.id or 0, v.statement.text,
                                            v.statement.said_on) for v in open_])
    added = added_from(session, source_id)
    return {
        "duplicates": {v.id: _on_record(d) for v, d in zip(open_, found, strict=True) if d},
        "appeared": {v.id: added[key] for v in open_
                     if (key := (v.statement.source_start, v.statement.source_end)) in added
                     and v.statement.status is StatementStatus.rejected},
    }


def _on_record(found: Duplicate) -> OnRecord:
    return OnRecord(found.statement_id, found.how.value, found.score)
