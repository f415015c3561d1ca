"""Review's "already on the record": which candidates repeat a published statement, which
were added to one as a further appearance, and the choice that adds one.

Kept apart from the queue itself (review.py) so that the check stays one query a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from app.curation.appearances import Carried, attach, record_edit
from app.curation.statement_edits import locked_statement
from app.errors import EditRefused
from app.reading.appearances import added_from
from app.reading.duplicates import Duplicate, Said, find_duplicates
from app.reading.statements import StatementView
from app.record.history import snapshot
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


def add_as_appearance(session: Session, candidate_id: int, statement_id: int,
                      author: str) -> None:
    """Turn a draft in review into an appearance of a statement already on the record: the
    draft's source and words go to the statement; the draft is set aside (rejected)."""
    if candidate_id == statement_id:
        raise EditRefused("a candidate cannot be an appearance of itself")
    candidate = locked_statement(session, candidate_id)
    if candidate.status not in (StatementStatus.draft, StatementStatus.rejected):
        raise EditRefused(f"statement {candidate_id} is not a candidate in review")
    if candidate.source_id is None:
        raise EditRefused(f"candidate {candidate_id} has no source to add")
    carried = Carried(candidate.source_id, candidate.text, candidate.source_start,
                      candidate.source_end)
    kept = locked_statement(session, statement_id)
    if kept.status is not StatementStatus.published:
        raise EditRefused(f"statement {statement_id} is {kept.status.value}; only a "
                          "published statement takes further appearances")
    before = snapshot(kept)
    attach(session, kept, carried, author)
    record_edit(session, kept, before, f"add appearance (source {carried.source_id})", author)
    before = snapshot(candidate)
    candidate.status, candidate.accepted_by = StatementStatus.rejected, None
    record_edit(session, candidate, before, f"added as appearance of {statement_id}", author)
    session.commit()
