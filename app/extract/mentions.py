"""Note the names a sentence mentions, and which stand where a subject does, so the
discourse model knows whom a later "he", "she" or surname means."""

import re
from bisect import bisect_left, bisect_right

from app.extract import frame_rules, name_rules, salience
from app.extract.phrases import Mention, Token, tokens
from app.extract.speakers import phrase_ending

# A run of capitalised words, the shape every introduced name has.
_CAP_RUN = re.compile(r"\b[A-Z][\w’'\-.]*(?:[ \t]+(?:[A-Z][\w’'\-.]*|(?:"
                      + "|".join(sorted(frame_rules.NAME_PARTICLES)) + r")\b))*")
# Characters read before a name for its title, and the reach of a sentence's subject.
WINDOW = 40


def names_in(text: str, lo: int, hi: int) -> list[tuple[Mention, bool]]:
    """Return (mention, is_subject) for each multi-word name in a sentence frame."""
    out: list[tuple[Mention, bool]] = []
    runs = [m for m in _CAP_RUN.finditer(text, lo, hi) if " " in m.group() or (
        m.start() - lo < WINDOW and m.group().lower() not in name_rules.NON_NAME_WORDS)]
    toks = tokens(text, max(lo, runs[0].start() - WINDOW), runs[-1].end()) if runs else []
    for m in runs:
        found = _name_ending(toks, m.start() - WINDOW, m.end())
        if found and found.kind == "name":
            nxt = text[m.end() : m.end() + 2].strip()
            lead = _opens_clause(text[lo : m.start()])
            subject = lead and (nxt[:1].islower() or nxt == ",")
            doer = salience.doer(text, lo, m.start(), m.end(), hi)
            out.append((found, subject or doer))
    return out


def _name_ending(toks: list[Token], lo: int, end: int) -> Mention | None:
    """Read the phrase whose last token ends at end, looking back no further than lo."""
    i = bisect_right([t.end for t in toks], end) - 1
    a = bisect_left([t.start for t in toks], lo)
    return phrase_ending(toks[a : i + 1], i - a) if i >= a else None


def _opens_clause(before: str) -> bool:
    """Tell whether a name stands where a subject does: first, or after a comma."""
    words = before.split()
    if len(words) > 1 and words[-2].endswith(",") and words[-1].lower() in frame_rules.CLAUSE_LEADS:
        return True  # "…, but Mr. Pike took note": a coordinated clause's subject
    return len(before) < WINDOW and (
        not words or words[-1].endswith(",") or words[-1].lower() in frame_rules.CLAUSE_LEADS)
