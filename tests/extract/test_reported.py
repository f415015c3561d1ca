"""Reported speech and partial quotes (kind "mixed")."""

import pytest

from tests.extract.conftest import run

REPORTED = [
    ("Anna Marsh said that the harbour would reopen next year.",
     "the harbour would reopen next year", "indirect"),
    ("Anna Marsh said the harbour would reopen next year.",
     "the harbour would reopen next year", "indirect"),
    ("The harbour will reopen next year, Anna Marsh said.",
     "The harbour will reopen next year", "indirect"),
    ("The harbour will reopen next year, according to Anna Marsh.",
     "The harbour will reopen next year", "indirect"),
    ("According to Anna Marsh, the harbour will reopen next year.",
     "the harbour will reopen next year", "indirect"),
    ("Anna Marsh warned that the harbour would stay shut all winter.",
     "the harbour would stay shut all winter", "indirect"),
    ("Anna Marsh insisted that the talks were going well.",
     "the talks were going well", "indirect"),
    ("Anna Marsh denied that the ministry had lost the files.",
     "the ministry had lost the files", "indirect"),
    ("Anna Marsh told reporters that the plan was “dead”.",
     "the plan was “dead”", "mixed"),
    ("Anna Marsh accused the council of “reckless spending”.",
     "reckless spending", "mixed"),
    ("Anna Marsh urged the council to approve the budget quickly.",
     "the council to approve the budget quickly", "indirect"),
]


@pytest.mark.parametrize(("text", "quote", "kind"), REPORTED)
def test_reported_speech(text: str, quote: str, kind: str) -> None:
    (q,) = run(text)
    assert (q.quote, q.kind, q.speaker) == (quote, kind, "Anna Marsh")


def test_middle_attribution_gives_both_parts() -> None:
    text = "The new river bridge, Anna Marsh said, will be finished by next summer."
    quotes = run(text)
    assert [q.quote for q in quotes] == ["The new river bridge", "will be finished by next summer"]


def test_participle_cue_takes_sentence_subject() -> None:
    text = "Anna Marsh left the meeting early, adding that the vote had been rigged."
    (q,) = run(text)
    assert (q.speaker, q.quote) == ("Anna Marsh", "the vote had been rigged")


NOTHING = [
    "What Anna Marsh says about the harbour has changed little.",
    "The said harbour was closed for repairs.",
    "Anna Marsh visited the harbour.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_reported_statement(text: str) -> None:
    assert run(text) == []
