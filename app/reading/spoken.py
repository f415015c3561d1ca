"""What a speaker has said, as the repeat check matches a candidate's words against it.

Two texts are one remark when, normalised (app/record/words.py), they are equal, one
holds the other, or they are nearly alike (rapidfuzz's ratio, a normalised Levenshtein
similarity). Equality is one dictionary lookup; the other two compare the candidate with
a pool of statements: all of them for a few candidates, or, indexed by runs of three
words, the few sharing most runs with it. A busy speaker's pool holds only statements
said near the candidate's day.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rapidfuzz import fuzz, process

#: How alike two normalised texts must be (rapidfuzz ratio, 0–100) to count as one remark.
SIMILAR_AT = 90.0
#: Fewest words the shorter text needs for "one holds the other" to count: "No." is in
#: everything a speaker says.
CONTAINED_WORDS = 5
#: Statements compared with a candidate through the index: those sharing most runs.
SHARING_COMPARED = 50
#: How near a candidate's day a busy speaker's statement must be said to be compared
#: beyond exact equality: outlets carry a remark within days.
NEAR_DAYS = 60


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


class Spoken:
    """A speaker's published statements (id, normalised words), oldest first, and the
    lookups that match words against them. With `days` (each statement's day: a busy
    speaker), only statements said within NEAR_DAYS of a candidate's day are compared
    beyond exact equality."""

    def __init__(self, known: Sequence[tuple[int, str]], *, indexed: bool = False,
                 days: Sequence[date] | None = None) -> None:
        self.known, self.days = known, days
        self.exact: dict[str, int] = {}
        for statement_id, text in known:
            self.exact.setdefault(text, statement_id)
        self.grams: dict[tuple[str, str, str], list[int]] | None = None
        if indexed:
            self.grams = {}
            for n, (_, text) in enumerate(known):
                for gram in _trigrams(text):
                    self.grams.setdefault(gram, []).append(n)

    def match(self, words: str, said_on: date | None = None) -> Duplicate | None:
        """Return the statement the normalised words repeat, or None."""
        if not words:
            return None
        if words in self.exact:
            return Duplicate(self.exact[words], MatchKind.exact, 100.0)
        pool = self._sharing(words, said_on) if self.grams is not None else [
            self.known[n] for n in range(len(self.known)) if self._near(n, said_on)]
        return (_holding(words, pool) or _most_alike(words, pool)) if pool else None

    def _near(self, n: int, said_on: date | None) -> bool:
        return (self.days is None or said_on is None
                or abs((self.days[n] - said_on).days) <= NEAR_DAYS)

    def _sharing(self, words: str, said_on: date | None) -> list[tuple[int, str]]:
        assert self.grams is not None
        grams = self.grams
        if grams.keys().isdisjoint(_runs(words)):
            return []  # nothing shares a run of three words: the usual new remark
        hits = [n for gram in set(_trigrams(words)) for n in grams.get(gram, ())]
        shared = Counter(hits)
        if self.days is not None and said_on is not None:
            shared = Counter({n: k for n, k in shared.items() if self._near(n, said_on)})
        return [self.known[n] for n, _ in shared.most_common(SHARING_COMPARED)]


def _trigrams(text: str) -> list[tuple[str, str, str]]:
    return list(_runs(text))


def _runs(text: str) -> Iterator[tuple[str, str, str]]:
    """Return the text's runs of three words, made one at a time as they are asked for (the
    usual remark shares none with its speaker's: no list of them is needed)."""
    words = text.split()
    return zip(words, words[1:], words[2:], strict=False)  # runs end with the words


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
