"""An import's rows that repeat statements already on the record, and what to do with them.

A file gathered from many outlets carries the same remark again and again. As each batch of
rows is staged, the speakers they name are matched by the stager (one query a batch) and
their words checked against those speakers' published statements (app/reading/duplicates.py:
one query per batch, never per row). Each repeat is then, as
asked: added to the statement as a further appearance (its source and words, and the
further sources the row lists; the default,
so nothing a file says is lost and nothing is said twice), kept as a separate statement,
or skipped. Everything is reported by line, and it all goes in the import's one
transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sqlmodel import Session, col, select

from app.curation.appearances import Carried, attach
from app.curation.inputs import StatementRowIn
from app.curation.source_edits import find_or_add_source
from app.reading.duplicates import Duplicate, Said, SpokenKept, find_duplicates
from app.record.history import record_change, snapshot
from app.record.models import Statement, StatementStatus, utcnow


class OnDuplicate(StrEnum):
    add_appearance = "add-appearance"  # the row's source becomes an appearance
    keep = "keep"  # the row is added as a statement of its own anyway
    skip = "skip"  # the row is left out


#: What an import does with a repeat unless told: keep the source, never say it twice.
DEFAULT_ON_DUPLICATE = OnDuplicate.add_appearance


@dataclass(frozen=True)
class Repeat:
    """A row that repeats a statement on the record, and what the import did with it."""

    line: int
    statement_id: int
    how: str
    done: str

    def __str__(self) -> str:
        return f"{self.line}: repeats statement {self.statement_id} ({self.how}); {self.done}"


@dataclass
class Repeats:
    """The rows to stage as new statements, and the repeats set aside or to be added."""

    new: list[tuple[int, StatementRowIn]] = field(default_factory=list)
    found: list[Repeat] = field(default_factory=list)
    appearances: list[tuple[int, StatementRowIn, Duplicate]] = field(default_factory=list)


def sort_rows(session: Session, rows: Sequence[tuple[int, StatementRowIn, int | None]],
              mode: OnDuplicate, kept: SpokenKept | None = None) -> Repeats:
    """Find the rows that repeat a published statement of their speaker (the rows come
    with their speaker's id, None for a speaker the record does not know); reading only.
    `kept`: what the import's earlier batches read of their speakers' statements."""
    known = [(line, data, actor_id) for line, data, actor_id in rows if actor_id is not None]
    found = find_duplicates(session, [Said(actor_id, d.text, d.said_on)
                                      for _, d, actor_id in known], kept)
    matched = {line: dup for (line, _, _), dup in zip(known, found, strict=True) if dup}
    sorted_ = Repeats()
    for line, data, _ in rows:
        dup = matched.get(line)
        if dup is None or mode is OnDuplicate.keep:
            sorted_.new.append((line, data))
        if dup is not None:
            sorted_.found.append(Repeat(line, dup.statement_id, dup.how.value, _done(mode, data)))
            if mode is OnDuplicate.add_appearance and data.source is not None:
                sorted_.appearances.append((line, data, dup))
    return sorted_


def _done(mode: OnDuplicate, data: StatementRowIn) -> str:
    if mode is OnDuplicate.keep:
        return "added as a statement of its own"
    if mode is OnDuplicate.skip or data.source is None:
        return "skipped" + ("" if mode is OnDuplicate.skip else ": no source to add")
    return "its source added as an appearance"


def write_appearances(session: Session, repeats: Repeats, author: str) -> None:
    """Add the repeats' sources to their statements, each with a revision; call it inside
    the import's write transaction (not committed here)."""
    ids = sorted({dup.statement_id for _, _, dup in repeats.appearances})
    if not ids:
        return
    statements = {s.id: s for s in session.exec(
        select(Statement).where(col(Statement.id).in_(ids)).with_for_update()
        .execution_options(populate_existing=True)).all()}
    befores = {i: snapshot(s) for i, s in statements.items()}
    changed: set[int] = set()
    for _, data, dup in repeats.appearances:
        statement = statements[dup.statement_id]
        if statement.status is not StatementStatus.published or data.source is None:
            continue  # withdrawn meanwhile: the row was reported, nothing is added
        source = find_or_add_source(session, data.source, author)
        carried = [Carried(source.id or 0, data.text, data.source_start, data.source_end)]
        for further in data.appearances:  # the sources the row says carried it too
            seen = find_or_add_source(session, further.source, author)
            carried.append(Carried(seen.id or 0, further.quote, further.source_start,
                                   further.source_end, further.published_on))
        added = [attach(session, statement, one, author) for one in carried]  # each of them
        if any(added):
            changed.add(dup.statement_id)
    for statement_id in sorted(changed):
        statement = statements[statement_id]
        statement.updated_at = utcnow()
        session.add(statement)
        session.flush()
        record_change(session, statement, action="add appearance (import)", author=author,
                      before=befores[statement_id])
