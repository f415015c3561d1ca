"""Tell a quoted statement from a quoted fragment, a title or a heading, and name the
speaker of a quote that no reporting verb introduces ("“…,” Quill sighed.", "Tom Quill: “…”")."""

import re

from app.extract import rules
from app.extract.claim import MIN_INDIRECT_WORDS
from app.extract.framing import subject_of
from app.extract.phrases import Mention, tokens
from app.extract.segment import Sentence, Span
from app.extract.speakers import speaker_before

_WORDS = re.compile(r"[^\W\d_]+")
# After a quote: "Tom Quill sighed.", "he shot back.", "the mayor chimed in on Friday."
_MANNER = re.compile(
    r"\s*(?P<who>(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*|he|she|the\s+[a-z]+)"
    r"\s+(?:[a-z]+ed|shot back|chimed in|broke in|cut in)(?:\s+(?:in|back|out|up))?"
    r"(?:\s+(?:on|last|this|earlier|later)?\s*[A-Za-z]*day)?\s*[.,;]?\s*$"
)
_POSSESSIVE = re.compile(r"[’']s\b")
# Nothing but an opening dash, bracket or ellipsis before a sentence's first words.
LEAD_IN = re.compile(r"^[\s—–\-(\[…]*$")
# Most words between a cue and a quote it introduces ("said on Friday, “...").
MAX_COMMA_GAP, MAX_COLON_GAP = 7, 14
# Most words of a quoted section heading ("‘Legend in the Coal Fields.’").
MAX_HEADING_WORDS = 8


def standalone(text: str, masked: str, sent: Sentence, q: Span, cue_end: int) -> bool:
    """Tell a quoted statement from a quoted fragment by what comes before it."""
    if q.single and len(text[q.start : q.end].split()) < 3:
        return False
    before = masked[sent.start : q.outer_start]
    if LEAD_IN.match(before):
        return True
    stripped = before.rstrip()
    if stripped.endswith(" that,"):
        return False  # "said that, “…” against …": the quote sits inside a reported clause
    if stripped.endswith(":") and stripped[:-1].split()[-1:] and (
            stripped[:-1].split()[-1].lower() in rules.SPEECH_NOUNS):
        return True  # "The reply: “…”", "in a series of posts: “…”"
    if stripped.endswith(":") and _named_colon(masked, sent, q):
        return True  # "Tom Quill: “…”"
    gap = sum(t.text[:1].isalnum() for t in tokens(masked, cue_end, q.outer_start))
    if stripped.endswith(":"):
        return q.outer_start >= cue_end and gap <= MAX_COLON_GAP
    if stripped.endswith((", but", ", and")) and q.outer_start >= cue_end and (
            gap <= MAX_COLON_GAP) and any(s.outer_end < cue_end for s in sent.quotes):
        return True  # "“A,” he said (in an email), but “B”": the attribution stands between
    return q.outer_start >= cue_end and stripped.endswith((",", "—")) and gap <= MAX_COMMA_GAP


def _after_speech_noun_colon(masked: str, sent: Sentence, q: Span) -> bool:
    """Tell "X hit out in a series of posts: “…”" (a speech noun, a colon, the words)."""
    before = masked[sent.start : q.outer_start].rstrip()
    words = before[:-1].split()
    return before.endswith(":") and bool(words) and words[-1].lower() in rules.SPEECH_NOUNS


def uncued_speaker(text: str, masked: str, sent: Sentence, q: Span) -> Mention | None:
    """Return the speaker of a quote no reporting verb introduces, if the frame names one."""
    if LEAD_IN.match(masked[sent.start : q.outer_start]):
        return _manner_attribution(text, masked, sent, q)  # "“…,” Quill sighed."
    if _after_speech_noun_colon(masked, sent, q):
        return subject_of(masked, sent, q.outer_start) or (  # "X hit out in posts: “…”"
            _possessor(masked, sent, q.outer_start))  # "Tom Quill’s response: “…”"
    return _named_colon(masked, sent, q)  # "Tom Quill: “…”"


def _manner_attribution(text: str, masked: str, sent: Sentence, q: Span) -> Mention | None:
    """Return the speaker of "“…,” Tom Quill sighed." — a quote closed by a comma, "?" or
    "!", then a speaker and one past-tense verb of manner that ends the sentence."""
    if not set(text[q.end - 1 : q.outer_end]) & {",", "?", "!"}:
        return None  # "“…” Quill sighed" without the comma is too loose
    m = _MANNER.match(masked, q.outer_end, sent.end)
    if m is None:
        return None
    found = speaker_before(masked, m.start("who"), m.end("who"))
    return found if found and found.kind in ("name", "pronoun", "description") else None


def named_thing(text: str, masked: str, sent: Sentence, q: Span) -> bool:
    """Tell "“The Late Ferry” is his third book" (a quoted name the sentence goes on to
    describe) from a bare quote carried to the last speaker."""
    words = _WORDS.findall(text[q.start : q.end])
    if not all(w[0].isupper() for w in words if len(w) > 3):
        return False  # a sentence, not a title
    nxt = next((s.outer_start for s in sent.quotes if s.outer_start >= q.outer_end), sent.end)
    return len(_WORDS.findall(masked, q.outer_end, nxt)) >= MIN_INDIRECT_WORDS


def heading(text: str, sent: Sentence, q: Span) -> bool:
    """Tell a section heading set in quote marks ("‘All Bets Are Off.’" alone on its line,
    as news sites print them) from a bare quote carried to the last speaker."""
    words = _WORDS.findall(text[q.start : q.end])
    if not MIN_INDIRECT_WORDS <= len(words) <= MAX_HEADING_WORDS or not all(
            w[0].isupper() for w in words if len(w) > 3):
        return False
    line_start = text.rfind("\n", 0, sent.start) + 1
    line_end = text.find("\n", sent.end)
    outside = text[line_start : q.outer_start] + text[q.outer_end : (
        len(text) if line_end < 0 else line_end)]
    return not _WORDS.search(outside)


def _possessor(masked: str, sent: Sentence, limit: int) -> Mention | None:
    """Return the name owning the sentence's first noun ("Tom Quill’s reply: …")."""
    m = _POSSESSIVE.search(masked, sent.start, limit)
    found = speaker_before(masked, sent.start, m.start()) if m else None
    return found if found and found.kind == "name" and found.start == sent.start else None


def _named_colon(masked: str, sent: Sentence, q: Span) -> Mention | None:
    """Return the name of "Tom Quill: “…”", a speaker and a colon before the words."""
    colon = masked.rfind(":", sent.start, q.outer_start)
    if colon < 0 or masked[colon + 1 : q.outer_start].strip():
        return None
    found = speaker_before(masked, sent.start, colon)
    if found is None or found.kind != "name" or found.start != sent.start:
        return None
    return found if " " in found.name or found.honorific or found.role else None  # "Update:"
