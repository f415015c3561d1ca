"""Is it already on the record? A candidate's words against what its speaker said before.

The same remark is carried by many outlets, each with its own quote marks, case and
trimming; app/reading/spoken.py says when two texts are one remark. Only the speaker's own
published statements are compared, read in one query per batch of candidates, so the check
stays fast however large the rest of the record grows. A busy speaker's statements are
compared only near the candidate's day, except for exact repeats: those are looked up at any
date by the key of their words (statement.words_key), one indexed query per batch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, and_, or_
from sqlmodel import Session, col, select

from app.reading.spoken import NEAR_DAYS, Duplicate, MatchKind, Spoken
from app.record.models import Statement, StatementStatus
from app.record.tallies import StatementTotal
from app.record.words import key_of, normalise

__all__ = ["Duplicate", "MatchKind", "Said", "Spoken", "SpokenKept", "exact_repeats",
           "find_duplicates", "normalise"]

#: Speakers (or a busy speaker's spans of days) read per query: a bound on what one query
#: sends.
SPEAKERS_PER_QUERY = 500
#: Past this many published statements, a speaker's are compared beyond exact equality only
#: within NEAR_DAYS of a candidate's day (and a review reads only those): the busiest
#: speakers' whole records would make the check slow. An older near repeat is left for an
#: editor to merge.
BUSY_SPEAKER = 1_000
#: An import keeps what it reads for its later batches: a busy speaker with up to this many
#: statements is read whole once (their days kept) rather than near each batch's days again.
KEPT_WHOLE = 20_000
#: Candidates of one speaker in a batch from which their statements are indexed by runs of
#: three words (an import) rather than each compared with all of them (a review page).
INDEX_FROM = 8
#: Most statements an import keeps read (normalised, some 200 bytes each with their index).
MAX_KEPT_STATEMENTS = 200_000


class Said(NamedTuple):
    """A candidate to check: who said it, the words, and the day when it is known."""

    actor_id: int
    text: str
    said_on: date | None = None


class SpokenKept:
    """What an import has read of its speakers' statements, for the batches after: a
    speaker read whole is read once per import, up to MAX_KEPT_STATEMENTS statements in
    all."""

    def __init__(self) -> None:
        self.spoken: dict[int, Spoken] = {}
        self.statements = 0

    def keep(self, actor_id: int, spoken: Spoken) -> None:
        if self.statements + len(spoken.known) <= MAX_KEPT_STATEMENTS:
            self.spoken[actor_id] = spoken
            self.statements += len(spoken.known)

    def room(self) -> int:
        """Return how many more statements may be kept."""
        return MAX_KEPT_STATEMENTS - self.statements


@dataclass
class _Reading:
    """Which statements to read: conditions, a query's worth at a time; the speakers read
    whole, those of them that are busy (their days kept), and those read near days."""

    conditions: list[ColumnElement[bool]] = field(default_factory=list)
    whole: set[int] = field(default_factory=set)
    busy: set[int] = field(default_factory=set)
    near: set[int] = field(default_factory=set)


def find_duplicates(session: Session, candidates: Sequence[Said],
                    kept: SpokenKept | None = None,
                    words: Sequence[str] | None = None) -> list[Duplicate | None]:
    """Return, for each candidate, the published statement of its speaker it repeats; with
    `kept`, what earlier batches of the same import read is not read again; `words`: the
    candidates' words already normalised."""
    per_speaker = Counter(c.actor_id for c in candidates)
    read_before = {} if kept is None else kept.spoken
    spoken = {a: read_before[a] for a in per_speaker if a in read_before}
    reading = _reading(session, [c for c in candidates if c.actor_id not in spoken], kept)
    known = _known(session, reading.conditions)
    for actor_id in reading.whole | reading.near:
        texts = known.get(actor_id, [])
        spoken[actor_id] = Spoken(
            [(i, w) for i, w, _ in texts], days=[d for *_, d in texts]
            if actor_id in reading.busy else None,
            indexed=(kept is not None and actor_id in reading.whole)
            or per_speaker[actor_id] >= INDEX_FROM)
        if kept is not None and actor_id in reading.whole:
            kept.keep(actor_id, spoken[actor_id])
    words = [normalise(c.text) for c in candidates] if words is None else words
    anywhere = exact_repeats(session, [(c.actor_id, w) for c, w in zip(
        candidates, words, strict=True) if c.actor_id in reading.near])
    return [_found(anywhere.get((c.actor_id, w)), spoken.get(c.actor_id), w, c.said_on)
            for c, w in zip(candidates, words, strict=True)]


def _found(exact_id: int | None, spoken: Spoken | None, words: str,
           said_on: date | None) -> Duplicate | None:
    if exact_id is not None:
        return Duplicate(exact_id, MatchKind.exact, 100.0)
    return spoken.match(words, said_on) if spoken is not None else None


def exact_repeats(session: Session, said: Sequence[tuple[int, str]]) -> dict[tuple[int, str], int]:
    """Return the first published statement of each (speaker, normalised words) given that
    has those very words, at any date: by the key of the words, a lookup of the
    (actor_id, words_key) index, a query for up to SPEAKERS_PER_QUERY speakers."""
    keys: dict[int, dict[int, str]] = {}
    for actor_id, words in said:
        if words:
            keys.setdefault(actor_id, {})[key_of(words)] = words
    found: dict[tuple[int, str], int] = {}
    speakers = sorted(keys)
    for start in range(0, len(speakers), SPEAKERS_PER_QUERY):
        rows = session.connection().execute(select(
            Statement.actor_id, Statement.id, Statement.words_key, Statement.text).where(
            or_(*[and_(col(Statement.actor_id) == a, col(Statement.words_key).in_(keys[a]))
                  for a in speakers[start:start + SPEAKERS_PER_QUERY]]),
            Statement.status == StatementStatus.published)).all()
        for actor_id, statement_id, key, text in sorted(rows, key=lambda row: row[1]):
            words = keys[actor_id][key]
            if normalise(text) == words:  # not another text whose key is the same
                found.setdefault((actor_id, words), statement_id)
    return found


def _known(session: Session, conditions: Sequence[ColumnElement[bool]],
           ) -> dict[int, list[tuple[int, str, date]]]:
    """Read the published statements the conditions name, normalised, with their days,
    oldest first: a query for up to SPEAKERS_PER_QUERY speakers or spans of days."""
    known: dict[int, list[tuple[int, str, date]]] = {}
    for start in range(0, len(conditions), SPEAKERS_PER_QUERY):
        # Core rows, not ORM ones: a busy speaker's thousands of rows cost half as much.
        rows: Sequence[Any] = session.connection().execute(select(
            col(Statement.actor_id), col(Statement.id), col(Statement.text),
            col(Statement.said_on)).where(
            or_(*conditions[start:start + SPEAKERS_PER_QUERY]),
            Statement.status == StatementStatus.published)).all()
        for actor_id, statement_id, text, said_on in sorted(rows, key=lambda row: row[1]):
            known.setdefault(actor_id, []).append((statement_id, normalise(text), said_on))
    return known


def _reading(session: Session, candidates: Sequence[Said],
             kept: SpokenKept | None) -> _Reading:
    """Say which statements to read: all of each speaker's, but for a speaker with more
    than BUSY_SPEAKER statements only those said within NEAR_DAYS of a candidate's day,
    unless a candidate of theirs has no day (everything is compared with it) or an import
    keeps them whole (up to KEPT_WHOLE statements, while there is room)."""
    reading = _Reading()
    if not candidates:
        return reading
    actor_ids = sorted({c.actor_id for c in candidates})
    busy = _busy(session, actor_ids)
    dayless = {c.actor_id for c in candidates if c.said_on is None}
    whole_up_to = 0 if kept is None else min(KEPT_WHOLE, kept.room())
    for actor_id in actor_ids:
        n = busy.get(actor_id, 0)
        if not n or actor_id in dayless or n <= whole_up_to:
            reading.whole.add(actor_id)
            reading.conditions.append(col(Statement.actor_id) == actor_id)
            whole_up_to -= n
        else:
            reading.near.add(actor_id)
    reading.busy = set(busy) - reading.near
    days: dict[int, list[date]] = {}
    for c in candidates:
        if c.actor_id in reading.near and c.said_on is not None:
            days.setdefault(c.actor_id, []).append(c.said_on)
    for actor_id, said in days.items():
        for first, last in _windows(said):
            reading.conditions.append(and_(col(Statement.actor_id) == actor_id,
                                           col(Statement.said_on).between(first, last)))
    return reading


def _busy(session: Session, actor_ids: Sequence[int]) -> dict[int, int]:
    """Return how many published statements each speaker among these with more than
    BUSY_SPEAKER has, from the totals the triggers keep (no count of the record)."""
    found: dict[int, int] = {}
    values = [str(actor_id) for actor_id in actor_ids]
    for start in range(0, len(values), SPEAKERS_PER_QUERY):
        found |= {int(value): n for value, n in session.exec(select(
            StatementTotal.value, StatementTotal.n).where(
            StatementTotal.given == "", StatementTotal.facet == "actor",
            col(StatementTotal.value).in_(values[start:start + SPEAKERS_PER_QUERY]),
            StatementTotal.n > BUSY_SPEAKER)).all()}
    return found


def _windows(days: list[date]) -> list[tuple[date, date]]:
    """Return the spans within NEAR_DAYS of the days, overlapping ones joined."""
    spans: list[tuple[date, date]] = []
    for day in sorted(days):
        first, last = day - timedelta(days=NEAR_DAYS), day + timedelta(days=NEAR_DAYS)
        if spans and first <= spans[-1][1]:
            spans[-1] = (spans[-1][0], last)
        else:
            spans.append((first, last))
    return spans
