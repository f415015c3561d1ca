"""Split text into paragraphs, quoted spans and sentences, keeping offsets."""

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from app.extract import name_rules, rules
from app.extract.cues import CUE_FORMS, word_pattern

_PARAGRAPH = re.compile(r"[^\n]+")
# Two straight single quotes stand for a double quote in some wire copy.
_MARK = re.compile(r"''|``|[“”„«»\"‘’'‹›‚]")
_SENTENCE_END = re.compile(r"[.?!]+[”\"’')\]»“]*(?=\s+[\"“‘'`(\[«„A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
# Initials such as "j" or "j.k", which end no sentence.
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")
_OPENERS = set(" \t([{—–-/") | set(rules.DOUBLE_OPEN) | set(rules.SINGLE_OPEN)
# Marks that close an English-style quote whatever opened it (wire copy mixes them).
# A section heading in capitals run into its paragraph ("THE LOANS Back when …").
_HEADER = re.compile(r"(?:[A-Z][A-Z’'&-]+[ \t]+){2,6}(?=[A-Z][a-z])")
_CLOSERS = "”\"’'"
# A capitalised speaker and a reporting verb right after a quote closed by "?" or "!".
_ATTRIBUTION = re.compile(
    r"\s+(?:[A-Z][\w.’'-]*\s+){1,4}(?:" + word_pattern(CUE_FORMS) + r")\b")
_ANY_CLOSE = ("”", '"', "''")
# Longest sentence read as one, in characters: longer runs (no full stop in sight) are
# cut so that the work per sentence, quadratic in places, stays bounded. Real news
# sentences stay under 1,000 characters.
MAX_SENTENCE = 1500

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
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1  # French « texte » puts a space inside the marks
    while inner_end > inner_start and (text[inner_end - 1].isspace() or text[inner_end - 1] == ","):
        inner_end -= 1
    if inner_end <= inner_start:
        return None
    return Span(inner_start, inner_end, a[0], b[0] + b[1] if closed else b[0], closed, single)


def _double_opens(text: str, ch: str, i: int, start: int, end: int) -> bool:
    """Tell whether a double mark opens a quote when none is open."""
    if ch in ('"', "''", "»"):  # » opens only German »so«, never after a word
        return _is_open(text, i, len(ch), start, end)
    return ch in rules.DOUBLE_PAIRS


def _double_closes(opener: str, ch: str) -> bool:
    """Tell whether a mark closes the quote opener began."""
    if ch in rules.DOUBLE_PAIRS[opener]:
        return True
    return opener in ("“", '"', "``", "''") and ch in _ANY_CLOSE


def double_quotes(text: str, start: int, end: int) -> list[Span]:
    """Pair double quote marks within one paragraph; an unclosed one runs to its end."""
    spans: list[Span] = []
    open_at: tuple[int, int] | None = None
    opener = ""
    for m in _MARK.finditer(text, start, end):
        ch, i = m.group(), m.start()
        if ch in "‘’'‹›‚":
            continue
        if open_at is None and ch != "”" and _double_opens(text, ch, i, start, end):
            open_at, opener = (i, len(ch)), ch
        elif open_at is not None and _double_closes(opener, ch):
            span = _span(text, open_at, (i, len(ch)), True, False)
            spans += [span] if span else []
            open_at = None
    if open_at is not None:
        span = _span(text, open_at, (end, 0), False, False)
        spans += [span] if span else []
    return spans


def _single_role(text: str, i: int, start: int, end: int, opener: str) -> str:
    """Classify a single mark as 'open', 'close' or 'apostrophe'."""
    ch = text[i]
    if opener and ch in rules.SINGLE_PAIRS.get(opener, ""):
        return "close"
    if ch in "‹‚" or (ch == "›" and _is_open(text, i, 1, start, end)):
        return "open"
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    if (prev in _OPENERS or prev.isspace()) and nxt.isalnum() and ch in "‘'":
        return "open"
    if not prev.isspace() and not nxt.isalnum() and ch in "’'":
        return "close"
    return "apostrophe"


def single_quotes(text: str, start: int, end: int, taken: list[Span]) -> list[Span]:
    """Pair single quotes (British ‘…’, guillemets ‹…›) outside double-quoted spans."""
    spans: list[Span] = []
    open_at: int | None = None
    opener = ""
    starts = [s.outer_start for s in taken]
    for m in _MARK.finditer(text, start, end):
        i = m.start()
        if len(m.group()) > 1 or m.group() not in "‘’'‹›‚" or _covering(taken, starts, i):
            continue
        role = _single_role(text, i, start, end, opener)
        if role == "open" and open_at is None:
            open_at, opener = i, text[i]
        elif role == "close" and open_at is not None:
            span = _span(text, (open_at, 1), (i, 1), True, True)
            spans += [span] if span else []
            open_at, opener = None, ""
    return spans


def _covering(spans: list[Span], starts: list[int], i: int) -> Span | None:
    """Return the span (sorted, never overlapping) whose marks enclose offset i."""
    k = bisect_right(starts, i) - 1
    return spans[k] if k >= 0 and i < spans[k].outer_end else None


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
    place = word in name_rules.PLACE_ABBREVIATIONS and m.group(1)[:1].isupper()
    return word in name_rules.ABBREVIATIONS or place or _INITIALS.fullmatch(word) is not None


def _quote_after_place(text: str, dot: int, after: int) -> bool:
    """Tell "said in Naples, Fla. “It …”": a place abbreviation, then a new quote."""
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if m is None or m.group(1).lower() not in name_rules.PLACE_ABBREVIATIONS:
        return False
    nxt = text[after : after + 3].lstrip()[:1]
    return nxt in rules.DOUBLE_OPEN or nxt == '"'


def sentences(text: str, start: int, end: int, index: int, spans: list[Span]) -> list[Sentence]:
    """Split a paragraph into sentences, never inside a quote, none over MAX_SENTENCE."""
    starts = [s.outer_start for s in spans]
    cuts = [start]
    header = _HEADER.match(text, start, end)
    if header:  # "THE LOANS Back when he …": a section heading is not part of the sentence
        cuts.append(header.end())
    for m in _SENTENCE_END.finditer(text, start, end):
        around = _covering(spans, starts, m.start())
        inside = around is not None and around.outer_start < m.start() and (
            m.end() < around.outer_end)
        dot = m.start() + m.group().find(".") if "." in m.group() else -1
        if inside or (dot >= 0 and m.group()[0] == "." and _ends_with_abbreviation(text, dot)
                      and not _quote_after_place(text, dot, m.end())):
            continue
        if m.group()[0] in "?!" and m.group()[-1] in _CLOSERS and _ATTRIBUTION.match(
                text, m.end(), end):
            continue  # "“Is it late?” Tom Quill asked.": the attribution ends the sentence
        cuts.append(m.end())
    cuts.append(end)
    out = []
    for run_start, run_end in itertools.pairwise(cuts):
        for a, b in _bounded(text, run_start, run_end, starts):
            while a < b and text[a].isspace():
                a += 1
            if a < b:
                held = tuple(spans[bisect_left(starts, a) : bisect_left(starts, b)])
                out.append(Sentence(a, b, index, held))
    return out


def _bounded(text: str, a: int, b: int, starts: list[int]) -> list[tuple[int, int]]:
    """Cut a run longer than MAX_SENTENCE before a quote mark, else at a space."""
    out = []
    while b - a > MAX_SENTENCE:
        lo, hi = a + MAX_SENTENCE // 2, a + MAX_SENTENCE
        k = bisect_left(starts, hi) - 1
        cut = starts[k] if k >= 0 and starts[k] > lo else text.rfind(" ", lo, hi)
        cut = cut if cut > lo else hi
        out.append((a, cut))
        a = cut
    return [*out, (a, b)]


def mask(text: str, spans: list[Span]) -> str:
    """Blank quote contents so rules about the frame never match quoted words."""
    chars = list(text)
    for s in spans:
        chars[s.start : s.end] = "_" * (s.end - s.start)
    return "".join(chars)
