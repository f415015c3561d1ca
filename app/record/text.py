"""What a stored text may hold: one rule for the write API, forms, imports and searches."""

from __future__ import annotations

import re

#: Characters no text field may hold: the C0 controls but tab, newline and carriage return,
#: and what XML 1.0 cannot carry (surrogates, U+FFFE, U+FFFF), which would break the feeds.
UNSAFE_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: What a one-line field may not hold besides (compiled once: every field of every row of an
#: import is checked).
CARRIAGE_RETURN = re.compile("\r")
#: Anything a one-line field may not hold, in one search: most texts are clean, and this
#: tells them from the others without a second search.
UNSAFE_IN_A_LINE = re.compile(UNSAFE_CHARACTERS.pattern[:-1] + "\r]")


def unsafe_pattern(multiline: bool) -> re.Pattern[str]:
    """Return the pattern that finds something unsafe_character would describe."""
    return UNSAFE_CHARACTERS if multiline else UNSAFE_IN_A_LINE


def unsafe_character(text: str, *, multiline: bool = True) -> str | None:
    """Describe the first control character a text may not hold, or return None.

    Tab and newline are fine anywhere; a carriage return only where a newline is (a
    browser's textarea sends CRLF), not in a one-line field such as a name.
    """
    found = UNSAFE_CHARACTERS.search(text) or (
        None if multiline else CARRIAGE_RETURN.search(text))
    if found is None:
        return None
    return f"holds the control character U+{ord(found.group()):04X} at position {found.start()}"
