"""Is it already on the record? A candidate's words against what its speaker said before.

The same remark is carried by many outlets, each with its own quote marks, case and
trimming, so two texts are one remark when, once normalised (case, punctuation, quote marks
and spacing set aside), they are equal, one holds the other, or they are nearly alike
(rapidfuzz's ratio, a normalised Levenshtein similarity). Only the speaker's own published
statements are compared, read in one query per batch of candidates, so the check stays
fast however large the rest of the record grows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process
from sqlmodel import Session, col, select

from app.record.models import Statement, StatementStatus

#: How alike two normalised texts must be (rapidfuzz ratio, 0–100) to count as one remark.
SIMILAR_AT = 90.0
#: Fewest words the shorter text needs for "one holds the other" to count: "No." is in
#: everything a speaker says.
CONTAINED_WORDS = 5
#: Speakers read per query: a bound on the parameters one query sends.
SPEAKERS_PER_QUERY = 500


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
    """A candidate to check: who said it and the words."""

    actor_id: int
    text: str


def normalise(text: str) -> str:
    """Return the words of a text in lower case, without punctuation or quote marks, one
    space between them."""
    return " ".join(default_process(text).split())


def match_words(words: str, known: Sequence[tuple[int, str]]) -> Duplicate | None:
    """Return the statement among (id, normalised text) pairs that the normalised words
    repeat: an exact match first, then one holding the other, then the most alike."""
    if not words:
        return None
    for statement_id, text in known:
        if text == words:
            return Duplicate(statement_id, MatchKind.exact, 100.0)
    held = _holding(words, known)
    if held is not None:
        return held
    best = process.extractOne(words, [text for _, text in known], scorer=fuzz.ratio,
                              processor=None, score_cutoff=SIMILAR_AT)
    if best is None:
        return None
    return Duplicate(known[best[2]][0], MatchKind.similar, round(best[1], 1))


def _holding(words: str, known: Sequence[tuple[int, str]]) -> Duplicate | None:
    padded = f" {words} "
    long_enough = words.count(" ") + 1 >= CONTAINED_WORDS
    for statement_id, text in known:
        if (long_enough and padded in f" {text} ") or (
                text.count(" ") + 1 >= CONTAINED_WORDS and f" {text} " in padded):
            return Duplicate(statement_id, MatchKind.contained,
                             round(fuzz.ratio(words, text, processor=None), 1))
    return None


def find_duplicates(session: Session, candidates: Sequence[Said]) -> list[Duplicate | None]:
    """Return, for each candidate, the published statement of its speaker it repeats."""
    known = _known(session, {c.actor_id for c in candidates})
    return [match_words(normalise(c.text), known.get(c.actor_id, ())) for c in candidates]


def _known(session: Session, actor_ids: set[int]) -> dict[int, list[tuple[int, str]]]:
    """Read the speakers' published statements, normalised, oldest first: a query for up to
    SPEAKERS_PER_QUERY speakers."""
    known: dict[int, list[tuple[int, str]]] = {}
    ordered = sorted(actor_ids)
    for start in range(0, len(ordered), SPEAKERS_PER_QUERY):
        rows = session.exec(select(Statement.actor_id, Statement.id, Statement.text).where(
            col(Statement.actor_id).in_(ordered[start:start + SPEAKERS_PER_QUERY]),
            Statement.status == StatementStatus.published).order_by(col(Statement.id))).all()
        for actor_id, statement_id, text in rows:
            known.setdefault(actor_id, []).append((statement_id or 0, normalise(text)))
    return known
