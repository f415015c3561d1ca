"""Is it already on the record? A candidate's words against what its speaker said before.

The same remark is carried by many outlets, each with its own quote marks, case and
trimming, so two texts are one remark when, once normalised (case, punctuation, quote marks
and spacing set aside), they are equal, one holds the other, or they are nearly alike
(rapidfuzz's ratio, a normalised Levenshtein similarity). Only the speaker's own published
statements are compared, read in one query per batch of candidates, so the check stays
fast however large the rest of the record grows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from rapidfuzz import fuzz, process
from sqlalchemy import ColumnElement, and_, or_
from sqlmodel import Session, col, select

from app.record.models import Statement, StatementStatus
from app.record.tallies import StatementTotal
from app.record.words import key_of, normalise

#: How alike two normalised texts must be (rapidfuzz ratio, 0–100) to count as one remark.
SIMILAR_AT = 90.0
#: Fewest words the shorter text needs for "one holds the other" to count: "No." is in
#: everything a speaker says.
CONTAINED_WORDS = 5
#: Speakers (or a busy speaker's spans of days) read per query: a bound on what one query
#: sends.
SPEAKERS_PER_QUERY = 500
#: Past this many published statements, a speaker's are read only within NEAR_DAYS of a
#: candidate's day: outlets carry a remark within days, and the busiest speakers' whole
#: records would make the check slow. An older repeat is left for an editor to merge.
BUSY_SPEAKER = 1_000
NEAR_DAYS = 60
#: Candidates of one speaker in a batch from which their statements are indexed by runs of
#: three words (an import) rather than each compared with all of them (a review page).
INDEX_FROM = 8
#: Statements compared with a candidate through the index: those sharing most runs.
SHARING_COMPARED = 50


class MatchKind(StrEnum):
    exact = "exact"  # the same words once normalised
    contained = "contained"  # one text holds the other
    similar = "similar"  # nearly the same words (a typo, a word changed)


@dataclass(frozen=True)
class Duplicate:
    """A statement already on the record that a candidate repeats, and how alike they are."""

    statement_id: int
    how: MatchKind
    score: float


@dataclass(frozen=True)
class Said:
    """A candidate to check: who said it, the words, and the day when it is known."""

    actor_id: int
    text: str
    said_on: date | None = None


class Spoken:
    """A speaker's published statements, normalised, and the lookups that match words
    against them: a dictionary for exact matches; for a batch with many candidates of one
    speaker, an index of runs of three words, so that each candidate is compared with the
    few statements sharing one rather than with everything the speaker said."""

    def __init__(self, known: Sequence[tuple[int, str]], *, indexed: bool = False) -> None:
        self.known = known
        self.exact: dict[str, int] = {}
        for statement_id, text in known:
            self.exact.setdefault(text, statement_id)
        self.grams: dict[tuple[str, ...], list[int]] | None = None
        if indexed:
            self.grams = {}
            for n, (_, text) in enumerate(known):
                for gram in _trigrams(text):
                    self.grams.setdefault(gram, []).append(n)

    def match(self, words: str) -> Duplicate | None:
        """Return the statement the normalised words repeat, or None."""
        if not words:
            return None
        if words in self.exact:
            return Duplicate(self.exact[words], MatchKind.exact, 100.0)
        pool = self.known if self.grams is None else self._sharing(words)
        return _holding(words, pool) or _most_alike(words, pool)

    def _sharing(self, words: str) -> list[tuple[int, str]]:
        assert self.grams is not None
        shared: Counter[int] = Counter()
        for gram in set(_trigrams(words)):
            shared.update(self.grams.get(gram, ()))
        return [self.known[n] for n, _ in shared.most_common(SHARING_COMPARED)]


def _trigrams(text: str) -> list[tuple[str, ...]]:
    words = text.split()
    return [tuple(words[i:i + 3]) for i in range(len(words) - 2)]


def _holding(words: str, known: Sequence[tuple[int, str]]) -> Duplicate | None:
    padded = f" {words} "
    long_enough = words.count(" ") + 1 >= CONTAINED_WORDS
    for statement_id, text in known:
        if (long_enough and padded in f" {text} ") or (
                text.count(" ") + 1 >= CONTAINED_WORDS and f" {text} " in padded):
            return Duplicate(statement_id, MatchKind.contained,
                             round(fuzz.ratio(words, text, processor=None), 1))
    return None


def _most_alike(words: str, known: Sequence[tuple[int, str]]) -> Duplicate | None:
    best = process.extractOne(words, [text for _, text in known], scorer=fuzz.ratio,
                              processor=None, score_cutoff=SIMILAR_AT)
    if best is None:
        return None
    return Duplicate(known[best[2]][0], MatchKind.similar, round(best[1], 1))


class SpokenKept:
    """What an import has read of its speakers' statements, for the batches after: a
    speaker read whole (not a busy one, whose statements are read near each batch's days)
    is read once per import, up to MAX_KEPT_STATEMENTS statements in all."""

    def __init__(self) -> None:
        self.spoken: dict[int, Spoken] = {}
        self.statements = 0

    def keep(self, actor_id: int, spoken: Spoken) -> None:
        if self.statements + len(spoken.known) <= MAX_KEPT_STATEMENTS:
            self.spoken[actor_id] = spoken
            self.statements += len(spoken.known)


#: Most statements an import keeps read (normalised, some 200 bytes each with their index).
MAX_KEPT_STATEMENTS = 200_000


def find_duplicates(session: Session, candidates: Sequence[Said],
                    kept: SpokenKept | None = None) -> list[Duplicate | None]:
    """Return, for each candidate, the published statement of its speaker it repeats; with
    `kept`, what earlier batches of the same import read is not read again. A busy
    speaker's exact repeats are looked up by key at any date; near ones within NEAR_DAYS."""
    per_speaker = Counter(c.actor_id for c in candidates)
    spoken = {a: kept.spoken[a] for a in per_speaker if kept and a in kept.spoken}
    unread = [c for c in candidates if c.actor_id not in spoken]
    known, whole = _known(session, unread)
    for actor_id in whole:
        spoken[actor_id] = Spoken(known.get(actor_id, []),
                                  indexed=kept is not None or per_speaker[actor_id] >= INDEX_FROM)
        if kept is not None:
            kept.keep(actor_id, spoken[actor_id])
    for actor_id, texts in known.items():
        if actor_id not in whole:
            spoken[actor_id] = Spoken(texts, indexed=per_speaker[actor_id] >= INDEX_FROM)
    windowed = {c.actor_id for c in unread} - whole  # busy: read near the candidates' days
    words = [normalise(c.text) for c in candidates]
    anywhere = exact_repeats(session, [(c.actor_id, w) for c, w in zip(
        candidates, words, strict=True) if c.actor_id in windowed])
    return [_found(anywhere.get((c.actor_id, w)), spoken.get(c.actor_id), w)
            for c, w in zip(candidates, words, strict=True)]


def _found(exact_id: int | None, spoken: Spoken | None, words: str) -> Duplicate | None:
    if exact_id is not None:
        return Duplicate(exact_id, MatchKind.exact, 100.0)
    return spoken.match(words) if spoken is not None else None


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


def _known(session: Session, candidates: Sequence[Said],
           ) -> tuple[dict[int, list[tuple[int, str]]], set[int]]:
    """Read the speakers' published statements (a busy speaker's near the candidates' days),
    normalised, oldest first: a query for up to SPEAKERS_PER_QUERY speakers or days. Return
    them with the speakers read whole (every statement of theirs)."""
    known: dict[int, list[tuple[int, str]]] = {}
    if not candidates:
        return known, set()
    conditions, whole = _where(session, candidates)
    for start in range(0, len(conditions), SPEAKERS_PER_QUERY):
        # Core rows, not ORM ones: a busy speaker's thousands of rows cost half as much.
        rows = session.connection().execute(select(
            Statement.actor_id, Statement.id, Statement.text).where(
            or_(*conditions[start:start + SPEAKERS_PER_QUERY]),
            Statement.status == StatementStatus.published)).all()
        for actor_id, statement_id, text in sorted(rows, key=lambda row: row[1]):
            known.setdefault(actor_id, []).append((statement_id, normalise(text)))
    return known, whole


def _where(session: Session, candidates: Sequence[Said],
           ) -> tuple[list[ColumnElement[bool]], set[int]]:
    """Return which statements to read: all of each speaker's, but only those said within
    NEAR_DAYS of a candidate's day for a speaker with more than BUSY_SPEAKER statements;
    and the speakers read whole."""
    actor_ids = sorted({c.actor_id for c in candidates})
    # A candidate of no known day is compared with everything its speaker said.
    busy = set(_busy(session, actor_ids)) - {c.actor_id for c in candidates if not c.said_on}
    days: dict[int, list[date]] = {}
    for c in candidates:
        if c.actor_id in busy and c.said_on is not None:
            days.setdefault(c.actor_id, []).append(c.said_on)
    whole = {actor_id for actor_id in actor_ids if actor_id not in days}
    conditions: list[ColumnElement[bool]] = [
        col(Statement.actor_id) == actor_id for actor_id in sorted(whole)]
    for actor_id, said in days.items():
        for first, last in _windows(said):
            conditions.append(and_(col(Statement.actor_id) == actor_id,
                                   col(Statement.said_on).between(first, last)))
    return conditions, whole


def _busy(session: Session, actor_ids: Sequence[int]) -> list[int]:
    """Return the speakers among these with more than BUSY_SPEAKER published statements,
    from the totals the triggers keep (no count of the record)."""
    found: list[int] = []
    values = [str(actor_id) for actor_id in actor_ids]
    for start in range(0, len(values), SPEAKERS_PER_QUERY):
        found += [int(value) for value in session.exec(select(StatementTotal.value).where(
            StatementTotal.given == "", StatementTotal.facet == "actor",
            col(StatementTotal.value).in_(values[start:start + SPEAKERS_PER_QUERY]),
            StatementTotal.n > BUSY_SPEAKER)).all()]
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
