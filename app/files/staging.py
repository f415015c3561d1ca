"""A file's statements staged batch by batch, then written in one short transaction.

Matching speakers and sources and turning every row into the driver's values only reads, so
it happens first, a batch of rows at a time (a query or two per batch, not per row), while
other writers go on writing; the prepared rows wait in a spool file, so memory stays bounded
however long the file. The write lock is then held for one transaction that adds the new
speakers and sources, inserts the rows in the order said (executemany on SQLite, COPY on
PostgreSQL) and the further appearances they give (app/files/further.py), writes their
revisions with one INSERT ... SELECT, and does the per-row
triggers' work (search rows, counts, the record's version) in one pass each
(app/record/triggers.added_in_bulk). If it fails or the process dies, the transaction is
rolled back whole and the triggers stand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from app.curation.inputs import SourceIn, StatementIn, target_slug
from app.curation.source_edits import SourceKey, add_sources, match_sources, source_key
from app.curation.speakers import add_speakers
from app.files.binding import Binder
from app.files.further import Further, further_of, spooled
from app.files.languages_ahead import LanguagesAhead
from app.files.spool import Spool
from app.reading.actors import match_speakers, speaker_key
from app.record.db import begin_write, reserve_ids
from app.record.history import TRACKED
from app.record.models import StatementStatus, utcnow
from app.record.rebuilt_indexes import rebuilt_indexes
from app.record.triggers import added_in_bulk
from app.record.words import words_key

#: Rows sent to the database per executemany call: bounds the memory of one call.
BATCH = 5_000


@dataclass
class _NewSpeaker:
    """A speaker the record does not know yet: made when the rows are written."""

    speaker: str
    country: str | None
    placeholder: int


@dataclass
class Stager:
    """Stages checked rows batch by batch, reading only; `write` then writes them all.

    Every batch of checked rows has its speakers matched by `speaker_ids` (which the
    check of a batch against the record needs first), then passes through `add` before any
    is kept. On a dry run (writing False) rows are matched and counted, and nothing is
    kept.
    """

    session: Session
    author: str
    writing: bool = True
    rows: int = 0
    known_speakers: dict[str, None] = field(default_factory=dict)
    new_speakers: dict[str, _NewSpeaker] = field(default_factory=dict)
    new_sources: dict[SourceKey, tuple[int, SourceIn]] = field(default_factory=dict)
    _actors: dict[str, tuple[int, str | None]] = field(default_factory=dict)
    _sources: dict[SourceKey, int] = field(default_factory=dict)
    #: Once written, the id each new speaker's placeholder was given.
    written_speakers: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._binder = Binder(self.session.get_bind().dialect)
        # A spooled row: whether it gave a country, the statement's values, its appearances.
        self.spool = Spool() if self.writing else None
        self._languages = LanguagesAhead() if self.writing else None

    def close(self) -> None:
        """Let go of the rows kept."""
        if self._languages is not None:
            self._languages.close()
        if self.spool is not None:
            self.spool.close()

    def __enter__(self) -> Stager:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def add(self, batch: Sequence[StatementIn]) -> None:
        """Count a batch of rows whose speakers `speaker_ids` has matched, match their
        sources (one query for those not seen yet) and keep the rows, ready to write."""
        self.rows += len(batch)
        if self.spool is None:
            return  # a dry run: the speakers are all it reports
        sources = self._match_sources(batch)
        assert self._languages is not None
        self._languages.detect(batch, (self._binder.stamp(utcnow()), sources))
        self._keep(self._languages.done())

    def _keep(self, batches: Iterator[tuple[Sequence[StatementIn], Any, list[str]]]) -> None:
        """Spool the rows of batches whose languages are known."""
        assert self.spool is not None
        bind = self._binder.bind
        for batch, (stamp, sources), langs in batches:
            self.spool.add([(data.said_on.toordinal(), data.country is not None,
                             *bind(self._row(data, stamp, lang, source)),
                             spooled(further_of(data), self._sources))
                            for data, lang, source in zip(batch, langs, sources, strict=True)])

    def speaker_ids(self, batch: Sequence[StatementIn]) -> list[int]:
        """Match a batch's speakers and return each row's speaker id, or the placeholder
        (below 0) of a speaker the record does not know yet, one for each such speaker (for
        a check of the batch against the record and the file's earlier rows)."""
        actors = self._actors
        try:  # the usual batch after the first few: every speaker met before
            return [actors[d.speaker][0] for d in batch]
        except KeyError:
            self._match_speakers(batch)
            return [actors[d.speaker][0] for d in batch]

    def _match_speakers(self, batch: Sequence[StatementIn]) -> None:
        # Not `set - dict.keys()`: that walks every spelling met so far (some 16,000 at a
        # million rows of the bench's file), twice a batch: 0.9 ms a call against 0.05.
        unseen = {d.speaker for d in batch if d.speaker not in self._actors}
        if not unseen:  # the usual batch after the first few: every speaker met before
            return
        known = match_speakers(self.session, unseen)
        for data in batch:  # in the file's order, which the report keeps
            if data.speaker in self._actors:
                continue
            if data.speaker in known:
                actor = known[data.speaker]
                self._actors[data.speaker] = (actor.id, actor.country_code)
                self.known_speakers.setdefault(actor.name)
            else:
                new = self.new_speakers.setdefault(speaker_key(data.speaker), _NewSpeaker(
                    data.speaker, data.country, -len(self.new_speakers) - 1))
                self._actors[data.speaker] = (new.placeholder, new.country)

    def _match_sources(self, batch: Sequence[StatementIn]) -> list[int | None]:
        """Match a batch's sources and return the id (or placeholder) of each row's own."""
        keys = [None if d.source is None else source_key(d.source) for d in batch]
        cited = {key: d.source for key, d in zip(keys, batch, strict=True)
                 if key is not None and d.source is not None}
        cited |= {source_key(a.source): a.source for d in batch for a in further_of(d)}
        unseen = [key for key in cited if key not in self._sources]
        self._sources |= match_sources(self.session, unseen)
        for key in unseen:
            if key not in self._sources:
                self._sources[key] = -len(self.new_sources) - 1
                self.new_sources[key] = (self._sources[key], cited[key])
        return [None if key is None else self._sources[key] for key in keys]

    def _row(self, data: StatementIn, stamp: Any, lang: str,
             source: int | None) -> dict[str, Any]:
        """Return the columns of a new statement, as add_statement would set them."""
        actor_id, country = self._actors[data.speaker]
        return {"actor_id": actor_id, "said_on": data.said_on,
                "date_precision": data.date_precision, "text": data.text,
                "words_key": words_key(data.text), "kind": data.kind,
                "stance": data.stance, "target": data.target,
                "target_slug": target_slug(data.target),
                "country_code": data.country or country,
                "source_id": source,
                "source_start": data.source_start, "source_end": data.source_end,
                "withdrawn_reason": None, "accepted_by": None,
                "status": StatementStatus.published if data.publish else StatementStatus.draft,
                "created_at": stamp, "updated_at": stamp,
                "lang": lang, "translation": data.translation,
                "translated_by": data.translated_by}

    def write(self, progress: Callable[[int], None] | None = None) -> None:
        """Write every staged row and its revision in the session's transaction (not
        committed), under the write lock: new speakers and sources first."""
        assert self.spool is not None and self._languages is not None
        self._keep(self._languages.done(all_of_them=True))
        self._languages.close()  # the worker ends before the writing, where the peak is
        if not self.spool.count:
            return  # nothing to write: the record and its version stay as they are
        begin_write(self.session)
        _lock_writers_out(self.session)
        speakers = dict(zip([n.placeholder for n in self.new_speakers.values()], add_speakers(
            self.session, [(n.speaker, n.country) for n in self.new_speakers.values()],
            author=self.author), strict=True))
        self.written_speakers = {placeholder: actor_id
                                 for placeholder, (actor_id, _) in speakers.items()}
        made = add_sources(self.session, {k: data for k, (_, data) in self.new_sources.items()},
                           self.author)
        sources = {placeholder: made[key] for key, (placeholder, _) in self.new_sources.items()}
        further = Further(self.session, self.author, sources)
        with added_in_bulk(self.session) as added, \
                rebuilt_indexes(self.session, "statement", self.spool.count):
            ids = reserve_ids(self.session, "statement", self.spool.count)
            connection, numbered = self.session.connection(), iter(ids)
            placed = _Placing(self._binder.at, speakers, sources)
            source = 1 + self._binder.at["source_id"]  # in a row numbered for insertion
            for batch in self.spool.batches(BATCH):
                rows = [(next(numbered), *placed(row[:-1])) for row in batch]
                self._binder.insert(connection, rows)
                further.add((row[0], row[source], spooled_[-1])
                            for row, spooled_ in zip(rows, batch, strict=True))
                if progress is not None:
                    progress(len(batch))
            connection.execute(text(_REVISIONS_SQL[connection.dialect.name]), {
                "author": self.author, "first": ids[0], "last": ids[-1]})
            further.into_revisions()
            added(ids[0], ids[-1])


class _Placing:
    """Puts the ids of the new speakers and sources where a spooled row holds placeholders,
    and the speaker's country where the row gave none; returns the statement's values."""

    def __init__(self, at: dict[str, int], speakers: dict[int, tuple[int, str | None]],
                 sources: dict[int, int]) -> None:
        # A spooled row is (country given, *values): each value one place further on.
        self.actor, self.country, self.source = (at[c] + 1 for c in (
            "actor_id", "country_code", "source_id"))
        self.speakers, self.sources = speakers, sources

    def __call__(self, row: tuple[Any, ...]) -> Sequence[Any]:
        if row[self.actor] >= 0 and (row[self.source] or 0) >= 0:
            return row[1:]
        values = list(row)
        if values[self.actor] < 0:
            values[self.actor], country = self.speakers[values[self.actor]]
            if not values[0]:
                values[self.country] = country
        if (values[self.source] or 0) < 0:
            values[self.source] = self.sources[values[self.source]]
        return values[1:]


def _lock_writers_out(session: Session) -> None:
    """Keep other writers of statements, actors and sources waiting until commit, so the
    speakers and sources matched again now stay new (SQLite's write lock does it alone)."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("LOCK TABLE statement, actor, source "
                                   "IN SHARE ROW EXCLUSIVE MODE")


#: How each database spells a JSON object and array.
_JSON = {"sqlite": ("json_object", "json_array", "json('[]')"),
         "postgresql": ("json_build_object", "json_build_array", "'[]'::json")}


def _revisions_sql(dialect: str) -> str:
    """Return the INSERT that gives each new statement its first revision, as history's
    record_change would: the tracked fields (enums are stored by their values), and links."""
    obj, array, empty = _JSON[dialect]
    fields = [(f"'{name}'", name) for name in TRACKED["statement"]] + [("'links'", empty)]
    snapshot = f"{obj}({', '.join(f'{k}, {v}' for k, v in fields)})"
    changes = f"{obj}({', '.join(f'{k}, {array}(NULL, {v})' for k, v in fields)})"
    return (f"INSERT INTO revision (entity, entity_id, number, action, author, created_at, "
            f"changes, snapshot) SELECT 'statement', id, 1, 'create', :author, created_at, "
            f"{changes}, {snapshot} FROM statement WHERE id BETWEEN :first AND :last")


_REVISIONS_SQL = {dialect: _revisions_sql(dialect) for dialect in _JSON}
