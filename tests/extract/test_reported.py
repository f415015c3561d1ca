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
    ("The harbour will reopen next year, Anna Marsh told the Harbour Gazette.",
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
    ("Anna Marsh spoke of her hopes for the new ferry line.",
     "her hopes for the new ferry line", "indirect"),
    ("Anna Marsh said the harbour would reopen soon in a statement on Friday.",
     "the harbour would reopen soon", "indirect"),
    ("Anna Marsh is warning that the harbour will flood again.",
     "the harbour will flood again", "indirect"),
    ("Anna Marsh has long said that the bridge is unsafe for lorries.",
     "the bridge is unsafe for lorries", "indirect"),
    ("Anna Marsh backed the council, and said she would not stand again next year.",
     "she would not stand again next year", "indirect"),
    ("The seat went to Anna Marsh, who said that the committee would meet every week.",
     "the committee would meet every week", "indirect"),
    ("The harbour “will reopen soon,” Anna Marsh said on Friday.",
     "The harbour “will reopen soon,”", "mixed"),
    ("According to radio host Anna Marsh, the ferry plan smells of “panic” and haste.",
     "the ferry plan smells of “panic” and haste", "mixed"),
    ("Flooding, Anna Marsh often says, will decide the town’s future.",
     "will decide the town’s future", "indirect"),
    ("Anna Marsh said the tax would be scrapped, which pleased the fishermen.",
     "the tax would be scrapped", "indirect"),
    ("Anna Marsh attacked the harbour council in a late-night post.",
     "the harbour council", "indirect"),
    ("Anna Marsh described the plan as a “shambles” and walked out.",
     "the plan as a “shambles”", "mixed"),
    ("Anna Marsh warned against the council’s “reckless dredging” of the harbour.",
     "the council’s “reckless dredging”", "mixed"),
    ("Anna Marsh courted the fishermen by telling them that the quotas would rise.",
     "the quotas would rise", "indirect"),
    ("Anna Marsh says at a harbour meeting in Eastport, Maine, that nobody paid for the pier.",
     "nobody paid for the pier", "indirect"),
    ("Anna Marsh said she would not vote on the memo until the board had met.",
     "she would not vote on the memo until the board had met", "indirect"),
    ("Although Anna Marsh has admitted missing the harbour vote, she regrets nothing.",
     "missing the harbour vote", "indirect"),
    ("Tom Quill fell ill. Anna Marsh said the harbour would reopen next spring.",
     "the harbour would reopen next spring", "indirect"),
    ("Anna Marsh also told one of her harbour staff that the ferry was “the lifeline.”",
     "the ferry was “the lifeline.”", "mixed"),
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
    ("Anna Marsh posted that the ferry plan was “a farce” and urged residents to object.",
     ["the ferry plan was “a farce”", "residents to object"]),
    ("Anna Marsh criticised the mayor over the bridge toll, saying, “It is reckless.”",
     ["the mayor over the bridge toll", "It is reckless."]),
]


@pytest.mark.parametrize(("text", "quotes"), SEVERAL)
def test_several_claims_in_one_sentence(text: str, quotes: list[str]) -> None:
    found = run(text)
    assert [q.quote for q in found] == quotes
    assert {q.speaker for q in found} == {"Anna Marsh"}


def test_middle_attribution_with_an_aside() -> None:
    text = "Anna Marsh arrived.\n\nThe real problem, she told us on Tuesday, lies with dredging."
    quotes = run(text)
    assert [q.quote for q in quotes] == ["The real problem", "lies with dredging"]
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
    "Several member states backed the harbour plan.",
    "Editor’s note: the mayor is a fictional character in this story.",
    "Anna Marsh reported from the harbour at dawn.",
    "Everything Anna Marsh says about ferries is old news.",
    "The council’s claims, however, were rejected by the court.",
    "Anna Marsh wrote in an email to the council on Friday.",
    "Having said that, the ferry timetable will change again in the spring.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_reported_statement(text: str) -> None:
    assert run(text) == []


def test_title_case_headline_verb() -> None:
    title = "Harbour Will Reopen By Spring, Mayor Quill Says"
    text = f"{title}\n\nMayor Tom Quill spoke on Monday about the storm."
    (q,) = run(text, title=title)
    assert (q.quote, q.speaker) == ("Harbour Will Reopen By Spring", "Tom Quill")
