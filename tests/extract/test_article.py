"""parse_article and bad input: clear errors or warnings, never a traceback."""

from datetime import date

import pytest

from app.extract import ExtractError, extract, parse_article

SAMPLE = (
    "date 2022-02-06 Marsh: harbour ‘will reopen’\n\nAnna Marsh said the harbour will reopen.\n"
)


def test_date_line_gives_date_and_title_and_whole_text_offsets() -> None:
    article = parse_article(SAMPLE)
    assert article.published_on == date(2022, 2, 6)
    assert article.title == "Marsh: harbour ‘will reopen’"
    assert article.text == SAMPLE
    (q,) = extract(article.text, published_on=article.published_on, title=article.title)
    assert SAMPLE[q.start : q.end] == q.quote == "the harbour will reopen"


def test_plain_text_with_a_given_date() -> None:
    article = parse_article("Anna Marsh said the harbour will reopen.", date=date(2022, 1, 1))
    assert (article.published_on, article.title) == (date(2022, 1, 1), None)


BAD = [
    ("Anna Marsh said the harbour will reopen.", "line 1: expected 'date YYYY-MM-DD Title'"),
    ("date 2022-13-40 Title\n\nBody.", "line 1: invalid date"),
    ("", "empty text"),
    ("   \n\n ", "empty text"),
    (b"\xff\xfe\x00binary", "not UTF-8"),
    ("date 2022-02-06 T\n\nbody\x00more", "binary data"),
    ("date 2022-02-06 T\n\n" + "word " * 500_000, "text too long"),
]


@pytest.mark.parametrize(("raw", "message"), BAD)
def test_bad_input_raises_a_clear_error(raw: str | bytes, message: str) -> None:
    with pytest.raises(ExtractError, match=message.replace("(", r"\(")):
        parse_article(raw)


def test_unbalanced_quotes_warn_and_still_extract() -> None:
    article = parse_article("date 2022-02-06 T\n\n“The harbour will reopen, said Anna Marsh.")
    assert article.warnings and "unbalanced" in article.warnings[0]
    extract(article.text, published_on=article.published_on)


def test_ten_megabytes_is_refused_not_crashed() -> None:
    with pytest.raises(ExtractError, match="too long"):
        extract("a" * 10_000_000)


def test_extract_rejects_non_text() -> None:
    with pytest.raises(ExtractError, match="expected text"):
        extract(b"bytes")  # type: ignore[arg-type]
