"""A candidate statement before its speaker is resolved, and the least it must hold."""

from dataclasses import dataclass

from app.extract.phrases import Mention
from app.extract.records import Kind
from app.extract.segment import Sentence

# Fewest words an indirect statement needs to be worth a record.
MIN_INDIRECT_WORDS = 2


@dataclass(frozen=True)
class Claim:
    """A candidate statement before its speaker is resolved."""

    start: int
    end: int
    kind: Kind
    mention: Mention | None
    lemma: str | None
    sentence: Sentence


def kind_of(sent: Sentence, a: int, b: int) -> Kind:
    """Tell an indirect statement from a mixed one by the quotes inside it."""
    return "mixed" if any(a <= q.start < b for q in sent.quotes) else "indirect"
