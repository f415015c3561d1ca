"""Date said: time expressions anchored on the article date (a Sunday)."""

from datetime import date

import pytest

from tests.extract.conftest import run

DATES = [
    ("Anna Marsh said last night that the deal was off.", date(2022, 2, 5), "day", "last night"),
    ("Anna Marsh said yesterday that the deal was off.", date(2022, 2, 5), "day", "yesterday"),
    ("Anna Marsh said today that the deal was off.", date(2022, 2, 6), "day", "today"),
    ("On Monday, Anna Marsh said that the deal was off.", date(2022, 1, 31), "day", "Monday"),
    ("Anna Marsh said on Sunday that the deal was off.", date(2022, 2, 6), "day", "Sunday"),
    ("Anna Marsh said on Saturday that the deal was off.", date(2022, 2, 5), "day", "Saturday"),
    ("Anna Marsh wrote in an email that the deal was off.", date(2022, 2, 6), "month", None),
    ("Anna Marsh said in a post on Monday that the deal was off.", date(2022, 1, 31), "day",
     "Monday"),
    ("Anna Marsh said in a 2015 speech that the deal was off.", date(2015, 1, 1), "year",
     "2015"),
    ("In her memoir, Anna Marsh wrote that the deal was off.", date(2022, 2, 6), "month", None),
    ("Anna Marsh said in an interview that the deal was off.", date(2022, 2, 6), "day", None),
    ("On 3 February, Anna Marsh said the deal was off.", date(2022, 2, 3), "day",
     "3 February"),
    ("Anna Marsh said on March 3 that the deal was off.", date(2021, 3, 3), "day", "March 3"),
    ("In January, Anna Marsh said the deal was off.", date(2022, 1, 1), "month", "January"),
    ("Anna Marsh said the deal was off.", date(2022, 2, 6), "day", None),
    # "last Sunday" in a Sunday article is a week before; periods keep their precision.
    ("Anna Marsh said last Sunday that the deal was off.", date(2022, 1, 30), "day",
     "last Sunday"),
    ("Anna Marsh said last Friday that the deal was off.", date(2022, 2, 4), "day",
     "last Friday"),
    ("Anna Marsh said last month that the deal was off.", date(2022, 1, 1), "month",
     "last month"),
    ("Anna Marsh said earlier this month that the deal was off.", date(2022, 2, 1), "month",
     "this month"),
    ("Anna Marsh said last year that the deal was off.", date(2021, 1, 1), "year",
     "last year"),
    ("Anna Marsh said earlier this year that the deal was off.", date(2022, 1, 1), "year",
     "this year"),
]


@pytest.mark.parametrize(("text", "on", "precision", "words"), DATES)
def test_date_said(text: str, on: date, precision: str, words: str | None) -> None:
    (q,) = run(text)
    assert (q.said_on, q.date_precision) == (on, precision)
    assert (q.date_words is None) == (words is None)
    assert words is None or words in (q.date_words or "")


def test_date_carries_to_continued_remarks() -> None:
    text = ("“The talks are over,” Anna Marsh said last night.\n\n"
            "“There is nothing left to discuss.”")
    assert [q.said_on for q in run(text)] == [date(2022, 2, 5), date(2022, 2, 5)]


def test_date_in_reported_clause_is_not_the_date_said() -> None:
    (q,) = run("Anna Marsh said that the vote would take place on Monday.")
    assert q.said_on == date(2022, 2, 6)
