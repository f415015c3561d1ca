"""Read a speech noun owned by its speaker: "Tom Quill's claim that the ferry is late".

News reports a statement as a noun as often as a verb; the possessive names the speaker and
"that" opens the words, as after "said that".
"""

import re

from app.extract import rules
from app.extract.clauses import clause_break, trim
from app.extract.phrases import Mention
from app.extract.segment import Sentence
from app.extract.speakers import speaker_before

# "’s", at most one describing word ("repeated"), a speech noun, then "that".
_OWNED = re.compile(
    r"[’']s\s+(?:(?!that\b)[a-z]+\s+)?(?:" + "|".join(sorted(rules.SPEECH_ACT_NOUNS)) + r")"
    r"\s+that\s"
)
# Fewest words the words after "that" need to be a statement.
MIN_WORDS = 3


def owned_claim(text: str, masked: str, sent: Sentence) -> tuple[int, int, Mention] | None:
    """Return the span and speaker of "X's claim that A" in a sentence, or None."""
    m = _OWNED.search(masked, sent.start, sent.end)
    if m is None:
        return None
    who = speaker_before(masked, sent.start, m.start())
    if who is None or who.kind not in ("name", "org") or who.end != m.start():
        return None
    span = trim(text, m.end(), clause_break(masked, m.end(), sent.end)[0])
    if span is None or len(text[span[0] : span[1]].split()) < MIN_WORDS:
        return None
    return span[0], span[1], who
