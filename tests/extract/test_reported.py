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
     "the council of “reckless spending”", "mixed"),
    ("Anna Marsh criticized the council for its reckless spending on roads.",
     "the council for its reckless spending on roads", "indirect"),
    ("Anna Marsh spoke of her early plans for the harbour museum.",
     "her early plans for the harbour museum", "indirect"),
    ("Anna Marsh said the harbour would reopen soon in a statement on Friday.",
     "the harbour would reopen soon", "indirect"),
    ("Anna Marsh is warning that the harbour will flood again.",
     "the harbour will flood again", "indirect"),
    ("Anna Marsh has long said that the bridge is unsafe for lorries.",
     "the bridge is unsafe for lorries", "indirect"),
    ("Anna Marsh backed the council, and said she did not support the new mayor.",
     "she did not support the new mayor", "indirect"),
    ("The seat went to Anna Marsh, who said that the committee would meet every week.",
     "the committee would meet every week", "indirect"),
    ("The harbour “will reopen soon,” Anna Marsh said on Friday.",
     "The harbour “will reopen soon,”", "mixed"),
    ("According to radio host Anna Marsh, the move reeks of “fear” and desperation.",
     "the move reeks of “fear” and desperation", "mixed"),
    ("Flooding, Anna Marsh often says, is the greatest threat facing the town.",
     "is the greatest threat facing the town", "indirect"),
    ("Anna Marsh said the tax would be scrapped, which pleased the fishermen.",
     "the tax would be scrapped", "indirect"),
    ("Anna Marsh attacked the harbour council in early-morning tweets.",
     "the harbour council", "indirect"),
    ("Anna Marsh described the plan as a “disgrace” and called for a “fresh vote”.",
     "the plan as a “disgrace”", "mixed"),
    ("Anna Marsh pitched herself to voters by telling them that their lives would improve.",
     "their lives would improve", "indirect"),
    ("Anna Marsh says at a campaign stop in Harbourtown, Ohio, that nobody paid for the bridge.",
     "nobody paid for the bridge", "indirect"),
    ("Anna Marsh said she cannot comment on the letter because she has not seen it.",
     "she cannot comment on the letter because she has not seen it", "indirect"),
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


SEVERAL = [
    ("Anna Marsh said the harbour would reopen next year and warned that the bridge would "
     "stay shut.", ["the harbour would reopen next year", "the bridge would stay shut"]),
    ("Anna Marsh said the ferry would run daily, adding that fares would stay low.",
     ["the ferry would run daily", "fares would stay low"]),
    ("“The river is rising,” Anna Marsh said, adding that the town would need more sandbags.",
     ["The river is rising", "the town would need more sandbags"]),
    ("Anna Marsh said the vote was fair, though she noted that the count would take a week.",
     ["the vote was fair", "the count would take a week"]),
    ("Anna Marsh tweeted that the mayor was “reckless” and urged residents to vote him out.",
     ["the mayor was “reckless”", "residents to vote him out"]),
    ("Anna Marsh attacked the mayor for her support of the bridge tax, saying, “It is reckless.”",
     ["the mayor for her support of the bridge tax", "It is reckless."]),
]


@pytest.mark.parametrize(("text", "quotes"), SEVERAL)
def test_several_claims_in_one_sentence(text: str, quotes: list[str]) -> None:
    found = run(text)
    assert [q.quote for q in found] == quotes
    assert {q.speaker for q in found} == {"Anna Marsh"}


def test_middle_attribution_with_an_aside() -> None:
    text = "Anna Marsh arrived.\n\nThe new plan, she told me on Friday, is that the port reopens."
    quotes = run(text)
    assert [q.quote for q in quotes] == ["The new plan", "is that the port reopens"]
    assert {q.speaker for q in quotes} == {"Anna Marsh"}


def test_participle_cue_takes_sentence_subject() -> None:
    text = "Anna Marsh left the meeting early, adding that the vote had been rigged."
    (q,) = run(text)
    assert (q.speaker, q.quote) == ("Anna Marsh", "the vote had been rigged")


NOTHING = [
    "What Anna Marsh says about the harbour has changed little.",
    "The said harbour was closed for repairs.",
    "Anna Marsh visited the harbour.",
    "The mayor was charged with fraud by the police.",
    "Anna Marsh has been widely praised for the new harbour.",
    "Residents continued to call for a new bridge over the river.",
    "The interests of member states trump everything else here.",
    "Editor’s note: the mayor is a fictional character in this story.",
    "Anna Marsh reported from the harbour at dawn.",
    "Everything Anna Marsh says is false and misleading.",
    "The council’s claims, however, were rejected by the court.",
    "Anna Marsh wrote in an email to the council on Friday.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_reported_statement(text: str) -> None:
    assert run(text) == []


def test_title_case_headline_verb() -> None:
    title = "Harbour Will Reopen By Spring, Mayor Quill Says"
    text = f"{title}\n\nMayor Tom Quill spoke on Monday about the storm."
    (q,) = run(text, title=title)
    assert (q.quote, q.speaker) == ("Harbour Will Reopen By Spring", "Tom Quill")
