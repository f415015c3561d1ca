"""Which language a statement's words are in, told by lingua-language-detector.

The detector is built on first use only (never at server start), asks only about the
languages a record of this kind meets, and runs in lingua's low-accuracy mode (trigrams
only): about 30 MB and half a millisecond a statement, against 240 MB and 5 ms for the
high-accuracy mode, whose gain is on texts of a few words, which a guess with too small a
lead leaves 'und' anyway. Everything it needs ships in its wheel; it fetches nothing.
A text it cannot tell apart is 'und' (undetermined), for an editor to name.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from app.record.languages import UNDETERMINED

if TYPE_CHECKING:
    from lingua import LanguageDetector

#: The languages detection chooses among (lingua's names): those of the record's sources.
DETECTED = ("ENGLISH", "RUSSIAN", "UKRAINIAN", "FRENCH", "GERMAN", "SPANISH", "POLISH",
            "ARABIC", "CHINESE")
#: How far the best language must lead the next for a guess; closer is 'und' (0..1).
MIN_LEAD = 0.1


@cache
def _detector() -> LanguageDetector:
    from lingua import Language, LanguageDetectorBuilder  # loaded when first asked for

    languages = [getattr(Language, name) for name in DETECTED]
    return (LanguageDetectorBuilder.from_languages(*languages)
            .with_minimum_relative_distance(MIN_LEAD).with_low_accuracy_mode().build())


def detect_language(text: str) -> str:
    """Return the BCP 47 tag of the language the words are in, or 'und' when unsure."""
    return _tag(_detector().detect_language_of(text))


def languages_of(given: Sequence[str | None], texts: Sequence[str]) -> list[str]:
    """Return each text's language as given, or detected: a batch at once, on every core
    (an import's thousands of rows: some 20 µs a text instead of 50)."""
    todo = [i for i, tag in enumerate(given) if not tag]
    tags = [tag or UNDETERMINED for tag in given]
    if todo:
        found = _detector().detect_languages_in_parallel_of([texts[i] for i in todo])
        for i, language in zip(todo, found, strict=True):
            tags[i] = _tag(language)
    return tags


def _tag(language: object | None) -> str:
    """The BCP 47 tag of one of lingua's languages, 'und' for none."""
    return str(language.iso_code_639_1.name).lower() if language is not None else UNDETERMINED  # type: ignore[attr-defined]


def language_of(given: str | None, text: str) -> str:
    """Return the language a writer gave, or the one detected in the words."""
    return given or detect_language(text)
