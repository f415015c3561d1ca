"""Read an article file: a "date YYYY-MM-DD Title" line, then the body."""

from datetime import date

from app.extract import segment
from app.extract.engine import check_text
from app.extract.headline import DATE_LINE
from app.extract.records import Article, ExtractError

EXPECTED = "line 1: expected 'date YYYY-MM-DD Title'"


def _line_date(value: str) -> date:
    """Parse the ISO date of the date line, naming the line when it is wrong."""
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise ExtractError(f"line 1: invalid date {value!r}") from err


def parse_article(raw: str | bytes, date: date | None = None, title: str | None = None) -> Article:
    """Return the article; offsets stay those of the whole raw text, date line included."""
    text = check_text(_decode(raw))
    first = text.split("\n", 1)[0]
    m = DATE_LINE.match(first)
    if m:
        on = date or _line_date(m.group(1))
        return Article(text, on, title or m.group(2).strip() or None, _warnings(text))
    if date is None:
        raise ExtractError(EXPECTED)
    return Article(text, date, title, _warnings(text))


def _decode(raw: str | bytes) -> str:
    """Decode bytes as UTF-8, refusing binary data with a clear message."""
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ExtractError(f"not UTF-8 text (byte {err.start})") from err


def _warnings(text: str) -> tuple[str, ...]:
    """Warn about input the extractor reads only in part, such as a quote never closed."""
    spans = [s for a, b in segment.paragraphs(text) for s in segment.quotes_in(text, a, b)]
    unclosed = sum(not s.closed for s in spans)
    if unclosed:
        return (f"unbalanced quotation marks ({unclosed} of {len(spans)} quotes never closed)",)
    return ()
