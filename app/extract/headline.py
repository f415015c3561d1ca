"""Recognise the headline and count a claim it shares with the body only once."""

import re

from app.extract.records import Quote

#: An article file's first line, "date YYYY-MM-DD Title" (app/extract/article.py reads it).
DATE_LINE = re.compile(r"\s*date (\d{4}-\d{2}-\d{2})\b[ \t]*(.*)")
_WORD = re.compile(r"[^\W\d_]{4,}")
# Share of a headline claim's words the body must repeat for it to be the same claim.
REPEAT_SHARE = 0.5


def headline_end(text: str, paras: list[tuple[int, int]], title: str | None) -> int:
    """Return where the body starts: after a date line or a first line equal to the title."""
    if not paras:
        return 0
    a, b = paras[0]
    first = text[a:b].strip()
    if DATE_LINE.match(first):
        return b
    wanted = (title or "").strip().rstrip(".").lower()
    if wanted and first.rstrip(".").lower().startswith(wanted[:60]) and len(paras) > 1:
        return b
    return 0


def _words(s: str) -> set[str]:
    """Return the content words of a claim, lower-cased, apostrophes dropped."""
    return {w.lower().rstrip("s") for w in _WORD.findall(s.replace("’", "").replace("'", ""))}


def _repeated(head: Quote, body: list[Quote]) -> bool:
    """Tell whether the body holds the same speaker making the same claim."""
    words = _words(head.quote)
    for q in body:
        shared = len(words & _words(q.quote))
        if q.speaker == head.speaker and words and shared >= REPEAT_SHARE * len(words):
            return True
    return False


def drop_repeated(quotes: list[Quote], head: int) -> list[Quote]:
    """Return the headline's quotes that the body does not repeat."""
    body = [q for q in quotes if q.start >= head]
    return [q for q in quotes if q.start < head and not _repeated(q, body)]
