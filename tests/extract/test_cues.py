"""Cues issue 14 found missed or misread: noun and infinitive content, -ing and colon cues,
words between cue and content, trailing clauses, and words that only look like cues."""

import pytest

from tests.extract.conftest import run

# (text, speaker, quoted words)
FOUND = [
    ("Anna Marsh denied the charge.", "Anna Marsh", "the charge"),
    ("Anna Marsh criticised the council's handling of the flood warnings.", "Anna Marsh",
     "the council's handling of the flood warnings"),
    ("Anna Marsh declined to comment on the harbour budget.", "Anna Marsh",
     "to comment on the harbour budget"),
    ("Anna Marsh promised to fight the closure of the harbour school.", "Anna Marsh",
     "fight the closure of the harbour school"),
    ("Tom Quill wrote in a series of posts: “The harbour will reopen in spring.”", "Tom Quill",
     "The harbour will reopen in spring."),
    ("Tom Quill spoke to the crowd on Monday, saying, “The harbour will reopen in spring.”",
     "Tom Quill", "The harbour will reopen in spring."),
    ("Tom Quill spoke at the harbour on Monday, vowing to keep the harbour school open.",
     "Tom Quill", "to keep the harbour school open"),
    ("Tom Quill acknowledged on a Sunday programme that the harbour would stay closed.",
     "Tom Quill", "the harbour would stay closed"),
    ("Tom Quill tried to argue on Tuesday that the harbour would stay closed.", "Tom Quill",
     "the harbour would stay closed"),
    ("Most harbours recover within a year, says psychologist Jane Roe.", "Jane Roe",
     "Most harbours recover within a year"),
    ("Tom Quill said the harbour would reopen in spring, as he charged into the chamber.",
     "Tom Quill", "the harbour would reopen in spring"),
]


@pytest.mark.parametrize(("text", "speaker", "quote"), FOUND)
def test_cue_gives_the_statement(text: str, speaker: str, quote: str) -> None:
    (q,) = run(text)
    assert (q.speaker, q.quote) == (speaker, quote)


def test_second_quote_after_a_place_abbreviation() -> None:
    text = "“The harbour is safe,” said Tom Quill in Naples, Fla. “It will reopen in spring.”"
    quotes = run(text)
    assert [q.quote for q in quotes] == ["The harbour is safe", "It will reopen in spring."]
    assert {q.speaker for q in quotes} == {"Tom Quill"}


def test_adding_that_gives_a_second_statement() -> None:
    text = "Tom Quill said the harbour would reopen in spring, adding that the school would stay."
    assert [q.quote for q in run(text)] == [
        "the harbour would reopen in spring", "the school would stay"]


def test_colon_after_a_speech_noun_carries_the_speaker() -> None:
    text = ("“We will see,” said Tom Quill.\n\nThe board wrote to him again. "
            "The reply: “The harbour will reopen in spring.”")
    assert [q.speaker for q in run(text)] == ["Tom Quill", "Tom Quill"]


NOTHING = [
    "Most forecast models give the harbour plan a slim chance of passing.",
    "Earnings reports for the harbour company came out on Monday.",
    "Jane Roe reports for the Daily Harbour from Eastport.",
    "She read the book “The Harbour Will Rise” twice.",
    "The so-called “reform” changed nothing at the harbour.",
    "The headline: “Harbour to reopen in spring.”",
    "Harbour sales declined sharply in the spring.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_statement(text: str) -> None:
    assert run(text) == []
