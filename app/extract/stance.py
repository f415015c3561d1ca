"""Suggest a stance toward a target from a small lexicon; a reviewer confirms it."""

import re
from dataclasses import dataclass

from app.extract import places, rules
from app.extract.records import Stance

_WORD = re.compile(r"[A-Za-z][\w’'\-.]*")
# Confidence for a stance read from n cue words, capped below certainty.
BASE_CONFIDENCE, STEP, CAP = 0.4, 0.15, 0.9


@dataclass(frozen=True)
class StanceGuess:
    """A suggested stance toward a target with its confidence and cue words."""

    stance: Stance
    target: str | None
    confidence: float
    words: tuple[str, ...]
    act: str | None


def _target(words: list[str], own: str | None) -> str | None:
    """Return the first country, other than the speaker's own, the statement names."""
    for w in words:
        code = places.country_of_demonym(w.rstrip(".").removesuffix("’s").removesuffix("'s"))
        if code and code != own and w[0].isupper():
            return places.country_label(code)
    return None


def guess(quote: str, lemma: str | None, own: str | None = None) -> StanceGuess:
    """Return a stance from counted critical and supportive words in the quote."""
    words = _WORD.findall(quote)
    lows = [w.lower().strip(".") for w in words]
    bad = tuple(w for w in lows if w in rules.CRITICAL_WORDS)
    good = tuple(w for w in lows if w in rules.SUPPORTIVE_WORDS)
    act = rules.VERB_ACTS.get(lemma or "")
    if act == "accuse" and lemma:
        bad += (lemma,)
    target = _target(words, own)
    if len(bad) == len(good):
        return StanceGuess("neutral", target, 0.3, (), act)
    stance: Stance = "critical" if len(bad) > len(good) else "supportive"
    cues = bad if stance == "critical" else good
    confidence = min(CAP, BASE_CONFIDENCE + STEP * abs(len(bad) - len(good)))
    return StanceGuess(stance, target, round(confidence, 2), cues, act)
