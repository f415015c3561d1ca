"""The records the extractor returns and the one error it raises."""

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal

Kind = Literal["direct", "indirect", "mixed"]
Precision = Literal["day", "month", "year"]
Stance = Literal["supportive", "critical", "neutral"]
SpeakerType = Literal["person", "organisation"]


class ExtractError(ValueError):
    """Input the extractor cannot read; the message says where and why."""


@dataclass(frozen=True)
class Article:
    """One article: the text offsets point into, its date, title and warnings."""

    text: str
    published_on: date | None = None
    title: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    """One statement: who said what, where in the text, when, and in what tone."""

    speaker: str
    quote: str
    start: int
    end: int
    kind: Kind
    said_on: date | None
    date_precision: Precision = "day"
    date_words: str | None = None
    role: str | None = None
    country: str | None = None
    stance: Stance = "neutral"
    target: str | None = None
    confidence: float = 0.0
    stance_words: tuple[str, ...] = ()
    act: str | None = None
    speaker_type: SpeakerType = "person"

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-ready dict with ISO dates and lists for tuples."""
        data = asdict(self)
        data["said_on"] = self.said_on.isoformat() if self.said_on else None
        data["stance_words"] = list(self.stance_words)
        return data
