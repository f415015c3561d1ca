"""Embedded posts: words signed "— Name (@handle) Month D, YYYY" are that person's, dated
by the signature, whether the signature closes the paragraph or stands alone after it."""

from datetime import date

import pytest

from tests.extract.conftest import run

# (text, quoted words): each gives exactly this one statement by Tom Quill on 2016-09-26.
SIGNED = [
    ("Tom Quill spoke.\n\n“The ferry is late again!” — Tom Quill (@tomquill) September 26, "
     "2016\n\nThe council met.", "The ferry is late again!"),
    ("The council met.\n\nThe ferry is late again! Sad! — Tom Quill (@tomquill) September 26, "
     "2016", "The ferry is late again! Sad!"),
    ("The council met.\n\nThe ferry is late again! Sad!\n\n— Tom Quill (@tomquill) September "
     "26, 2016\n\nThe council met.", "The ferry is late again! Sad!"),
]


@pytest.mark.parametrize(("text", "quote"), SIGNED)
def test_signed_post_is_its_signers_on_its_day(text: str, quote: str) -> None:
    (q,) = run(text)
    assert (q.speaker, q.quote, q.said_on, q.date_precision) == (
        "Tom Quill", quote, date(2016, 9, 26), "day")


NOTHING = [
    "— Tom Quill (@tomquill) September 26, 2016",
    "Tom Quill sails well -- Quill (@q) has 2,000 followers.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_post(text: str) -> None:
    assert run(text) == []
