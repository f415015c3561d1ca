"""What a true history looks like: each revision starts where the one before it ended."""

from __future__ import annotations

from itertools import pairwise

from sqlmodel import Session

from app.record.history import revisions


def assert_history_chains(session: Session, entity: str, entity_id: int) -> None:
    """Each revision's "before" is the previous "after", and its snapshot is that one with
    its own changes applied: the history holds only states that existed."""
    kept = list(reversed(revisions(session, entity, entity_id)))
    for previous, revision in pairwise(kept):
        for name, (before, _after) in revision.changes.items():
            assert before == previous.snapshot[name], (revision.number, name)
        expected = {**previous.snapshot, **{k: v[1] for k, v in revision.changes.items()}}
        assert revision.snapshot == expected, revision.number
