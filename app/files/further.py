"""The further appearances an import's rows give: spooled with their rows, written after them.

A row may list the further sources that carried its statement (app/files/rows.py). As the
row is staged, its appearances wait in the spool beside it as one JSON cell: each source's
id (a placeholder while the source is new), the words as it gives them, their place and its
day. When the rows are written, each batch's appearances follow its statements in one
executemany, and the first revision of each statement that has any is given them, as
history.snapshot would have written it; a few queries per batch, never one per row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlmodel import Session, col, select

from app.curation.inputs import AppearanceIn, StatementIn, StatementRowIn
from app.curation.source_edits import SourceKey, source_key
from app.record.models import Appearance, Revision, utcnow

#: Revisions read back at a time to be given their appearances (bounds an IN list).
REVISION_BATCH = 500


def further_of(data: StatementIn) -> Sequence[AppearanceIn]:
    """Return the further appearances a row gives (none for a plain StatementIn)."""
    return data.appearances if isinstance(data, StatementRowIn) else ()


def spooled(appearances: Sequence[AppearanceIn], sources: dict[SourceKey, int]) -> str | None:
    """Spell a row's appearances as the spool keeps them; `sources` gives each cited
    source's id, or its placeholder while it is new. None when there are none."""
    if not appearances:
        return None
    return json.dumps([[sources[source_key(a.source)], a.quote, a.source_start, a.source_end,
                        _day(a.published_on or a.source.published_on)] for a in appearances],
                      ensure_ascii=False)


class Further:
    """Writes the spooled appearances of the statements an import adds."""

    def __init__(self, session: Session, author: str, sources: dict[int, int]) -> None:
        #: The ids of the sources the import added, by their placeholders.
        self.session, self.author, self.sources = session, author, sources
        #: What each statement's first revision is to say of its appearances.
        self.given: dict[int, list[list[Any]]] = {}

    def add(self, rows: Iterable[tuple[int, int | None, str | None]]) -> None:
        """Insert the appearances of a batch of new statements, given as (statement id,
        its own source's id, its spooled appearances)."""
        values, now = [], utcnow()
        for statement_id, own_source, cell in rows:
            seen = {own_source}
            for source_id, quote, start, end, day in json.loads(cell) if cell else ():
                source_id = self.sources.get(source_id, source_id)
                if source_id in seen:  # two spellings of one source: it carried them once
                    continue
                seen.add(source_id)
                values.append({"statement_id": statement_id, "source_id": source_id,
                               "quote": quote, "source_start": start, "source_end": end,
                               "published_on": date.fromisoformat(day) if day else None,
                               "created_at": now, "created_by": self.author})
                self.given.setdefault(statement_id, []).append([source_id, quote, day])
        if values:
            self.session.execute(insert(Appearance), values)

    def into_revisions(self) -> None:
        """Give each new statement's first revision the appearances it was added with."""
        ids = sorted(self.given)
        for at in range(0, len(ids), REVISION_BATCH):
            chunk = ids[at:at + REVISION_BATCH]
            found = self.session.exec(select(Revision.id, Revision.entity_id, Revision.changes,
                                             Revision.snapshot).where(
                Revision.entity == "statement", Revision.number == 1,
                col(Revision.entity_id).in_(chunk))).all()
            self.session.connection().execute(
                update(Revision).where(col(Revision.id) == bindparam("revision_id"))
                .values(changes=bindparam("new_changes"), snapshot=bindparam("new_snapshot")),
                [self._given(revision_id, statement_id, changes, snapshot)
                 for revision_id, statement_id, changes, snapshot in found])

    def _given(self, revision_id: int | None, statement_id: int, changes: Mapping[str, Any],
               snapshot: Mapping[str, Any]) -> dict[str, Any]:
        shown = sorted(self.given[statement_id])
        return {"revision_id": revision_id,
                "new_changes": {**changes, "appearances": [None, shown]},
                "new_snapshot": {**snapshot, "appearances": shown}}


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None
