"""Properties over any text: never raises, offsets verbatim, time linear in input size."""

import time
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.extract import extract

ON = date(2022, 2, 6)

# Pieces of news-like text, shuffled into sentences no writer would produce.
PIECES = [
    "Anna Marsh", "Tom Quill", "Sen.", "Mr.", "the mayor", "he", "she", "they", "said",
    "told", "according to", "warned", "that", "the harbour", "will", "reopen", "on Monday",
    "last week", "Fla.", "U.S.", ",", ".", ":", ";", "—", "(", ")", "“", "”", '"', "'", "‘",
    "’", "«", "»", "„", "‹", "›", "''", "``", "\n", "\n\n", "adding", "saying", "of", "a",
    "spokeswoman", "Jane Roe", "Monaco", "in a statement", "wrote", "denied", "the charge",
]
news_like = st.lists(st.sampled_from(PIECES), min_size=1, max_size=80).map(" ".join).filter(
    str.strip)
# Blank text is refused with ExtractError by design; every other text must extract.
any_text = st.text(min_size=1, max_size=400).filter(lambda t: bool(t.strip()) and "\x00" not in t)


def _check(text: str) -> None:
    """Extract and check every record points verbatim into the text."""
    for q in extract(text, published_on=ON, title=text[:30]):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.quote


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like)
def test_news_like_text_never_raises_and_offsets_are_verbatim(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_any_text_never_raises_and_offsets_are_verbatim(text: str) -> None:
    _check(text)


# Inputs that were quadratic or worse: one paragraph without full stops, a long run
# of one sentence, a quote never closed, many names each met once.
PATHOLOGICAL = {
    "quotes without full stops": lambda i: f'"a{i}" said Anna Marsh ',
    "one sentence repeated": lambda i: "Anna Marsh said the harbour will reopen and ",
    "lower case, no stops": lambda i: "anna marsh said the harbour will reopen ",
    "capitalised names": lambda i: "Anna Marsh met Tom Quill, ",
    "unclosed quote": lambda i: ("“" if i == 0 else "") + "the harbour will reopen, said he ",
    "new names": lambda i: f"Ann{_letters(i)} Mar{_letters(i)} spoke. “No,” she said.\n",
}


def _letters(i: int) -> str:
    """Spell i in letters, so each generated name is new."""
    return "".join("abcdefghij"[int(d)] for d in str(i))


def _seconds(piece: object, n: int) -> float:
    """Return the best of three CPU times to extract n repetitions of a piece."""
    text = "".join(piece(i) for i in range(n))  # type: ignore[operator]
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        extract(text, published_on=ON)
        best = min(best, time.process_time() - started)
    return best


def test_time_is_linear_in_input_size() -> None:
    for name, piece in PATHOLOGICAL.items():
        small, large = _seconds(piece, 100), _seconds(piece, 1000)
        assert large <= 20 * max(small, 0.002), (name, small, large)
