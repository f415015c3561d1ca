"""Split text into paragraphs, quoted spans and sentences, keeping offsets."""

import itertools
import re
from dataclasses import dataclass

from app.extract import rules

_PARAGRAPH = re.compile(r"[^\n]+")
# Two straight single quotes stand for a double quote in some wire copy.
_MARK = re.compile(r"''|``|[“”„«»\"‘’']")
_SENTENCE_END = re.compile(r"[.?!]+[”\"’')\]]*(?=\s+[\"“‘'`(\[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
# Initials such as "j" or "j.k", which end no sentence.
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")
_OPENERS = set(" \t([{—–-/") | set(rules.DOUBLE_OPEN) | set(rules.SINGLE_OPEN)


@dataclass(frozen=True)
class Span:
    """A quoted span: content offsets, outer offsets with marks, and shape."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    closed: bool
    single: bool


@dataclass(frozen=True)
class Sentence:
    """A sentence (never split inside a quote) with the quotes it holds."""

    start: int
    end: int
    paragraph: int
    quotes: tuple[Span, ...]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each non-blank line, the unit news uses for paragraphs."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def _is_open(text: str, i: int, size: int, start: int, end: int) -> bool:
    """Decide whether a straight mark opens, from the characters around it."""
    prev = text[i - 1] if i > start else " "
    nxt = text[i + size] if i + size < end else " "
    return (prev in _OPENERS or prev.isspace()) and not nxt.isspace()


def _span(text: str, a: tuple[int, int], b: tuple[int, int], closed: bool, single: bool
          ) -> Span | None:
    """Build a span from (offset, size) of the opening and closing marks."""
    inner_start, inner_end = a[0] + a[1], b[0]
    while inner_end > inner_start and text[inner_end - 1] in " \t,":
        inner_end -= 1
    if inner_end <= inner_start:
        return None
    return Span(inner_start, inner_end, a[0], b[0] + b[1] if closed else b[0], closed, single)


def double_quotes(text: str, start: int, end: int) -> list[Span]:
    """Pair double quote marks within one paragraph; an unclosed one runs to its end."""
    spans: list[Span] = []
    open_at: tuple[int, int] | None = None
    for m in _MARK.finditer(text, start, end):
        ch, i = m.group(), m.start()
        if ch in "‘’'":
            continue
        straight = ch in ('"', "''")
        opens = ch in rules.DOUBLE_OPEN or ch == "``" or (
            straight and open_at is None and _is_open(text, i, len(ch), start, end)
        )
        if opens and open_at is None:
            open_at = (i, len(ch))
        elif not opens and open_at is not None:
            span = _span(text, open_at, (i, len(ch)), True, False)
            spans += [span] if span else []
            open_at = None
    if open_at is not None:
        span = _span(text, open_at, (end, 0), False, False)
        spans += [span] if span else []
    return spans


def _single_role(text: str, i: int, start: int, end: int) -> str:
    """Classify a single mark as 'open', 'close' or 'apostrophe'."""
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    if (prev in _OPENERS or prev.isspace()) and nxt.isalnum() and text[i] != "’":
        return "open"
    if not prev.isspace() and not nxt.isalnum() and text[i] != "‘":
        return "close"
    return "apostrophe"


def single_quotes(text: str, start: int, end: int, taken: list[Span]) -> list[Span]:
    """Pair British-style single quotes outside double-quoted spans."""
    spans: list[Span] = []
    open_at: int | None = None
    for m in _MARK.finditer(text, start, end):
        i = m.start()
        inside = any(s.outer_start <= i < s.outer_end for s in taken)
        if len(m.group()) > 1 or m.group() not in "‘’'" or inside:
            continue
        role = _single_role(text, i, start, end)
        if role == "open" and open_at is None:
            open_at = i
        elif role == "close" and open_at is not None:
            span = _span(text, (open_at, 1), (i, 1), True, True)
            spans += [span] if span else []
            open_at = None
    return spans


def quotes_in(text: str, start: int, end: int) -> list[Span]:
    """Return every quoted span of a paragraph in text order."""
    doubles = double_quotes(text, start, end)
    return sorted(doubles + single_quotes(text, start, end, doubles), key=lambda s: s.start)


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    """Tell whether the full stop at dot closes an abbreviation or an initial."""
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if not m:
        return False
    word = m.group(1).lower()
    place = word in rules.PLACE_ABBREVIATIONS and m.group(1)[:1].isupper()
    return word in rules.ABBREVIATIONS or place or _INITIALS.fullmatch(word) is not None


def sentences(text: str, start: int, end: int, index: int, spans: list[Span]) -> list[Sentence]:
    """Split a paragraph into sentences, never inside a quote."""
    cuts = [start]
    for m in _SENTENCE_END.finditer(text, start, end):
        inside = any(s.outer_start < m.start() and m.end() < s.outer_end for s in spans)
        dot = m.start() + m.group().find(".") if "." in m.group() else -1
        if inside or (dot >= 0 and m.group()[0] == "." and _ends_with_abbreviation(text, dot)):
            continue
        cuts.append(m.end())
    cuts.append(end)
    out = []
    for a, b in itertools.pairwise(cuts):
        while a < b and text[a].isspace():
            a += 1
        if a < b:
            held = tuple(s for s in spans if a <= s.outer_start < b)
            out.append(Sentence(a, b, index, held))
    return out


def mask(text: str, spans: list[Span]) -> str:
    """Blank quote contents so rules about the frame never match quoted words."""
    chars = list(text)
    for s in spans:
        chars[s.start : s.end] = "_" * (s.end - s.start)
    return "".join(chars)
