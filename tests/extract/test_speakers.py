"""Speakers: names, pronouns, descriptions, organisations; role and country."""

import pytest

from tests.extract.conftest import run

ROLES = [
    ("Foreign Secretary Jane Holloway said the talks had failed badly.",
     "Jane Holloway", "Foreign Secretary", "GB"),
    ("Ukrainian foreign minister Petro Danko said the talks had failed badly.",
     "Petro Danko", "Foreign Minister", "UA"),
    ("Russian UN representative Ivan Sorokin said the talks had failed badly.",
     "Ivan Sorokin", "UN representative", "RU"),
    ("Prime Minister Petra May said the talks had failed badly.",
     "Petra May", "Prime Minister", None),
    ("Petro Danko, Ukraine’s foreign minister, said the talks had failed badly.",
     "Petro Danko", "Foreign Minister", "UA"),
    ("French President Claire Moreau said the talks had failed badly.",
     "Claire Moreau", "President", "FR"),
    ("Sen. Rob Tanner (R-Ohio) said the talks had failed badly.",
     "Rob Tanner", "Senator", "US"),
]


@pytest.mark.parametrize(("text", "speaker", "role", "country"), ROLES)
def test_role_and_country(text: str, speaker: str, role: str, country: str | None) -> None:
    (q,) = run(text)
    assert (q.speaker, q.role, q.country, q.speaker_type) == (speaker, role, country, "person")


RESOLVED = [
    ("Foreign Secretary Jane Holloway arrived on Sunday.\n\n"
     "“We are ready for anything,” she said.", "Jane Holloway"),
    ("Foreign Secretary Jane Holloway arrived on Sunday.\n\n"
     "The foreign secretary said the talks would resume in March.", "Jane Holloway"),
    ("Jane Holloway arrived on Sunday.\n\n"
     "Holloway said the talks would resume in March.", "Jane Holloway"),
    ("Mayor Tom Quill spoke first.\n\nThe mayor said the river would crest on Friday.",
     "Tom Quill"),
    ("Tom Quill met Anna Marsh on Monday.\n\nShe said the budget would be cut by half.",
     "Anna Marsh"),
    ("Anna Marsh met Tom Quill on Monday.\n\nHe said the budget would be cut by half.",
     "Tom Quill"),
    ("Mr. Quill met the new mayor on Monday.\n\nMs. Marsh arrived later.\n\n"
     "He said the budget would be cut by half.", "Quill"),
    ("Jane Holloway arrived on Sunday at the Harbour Museum.\n\n"
     "She said the talks would resume in March.", "Jane Holloway"),
    ("Ms Holloway met Mr Quill.\n\nHe said the talks would resume in March.", "Quill"),
    ("Tom Marsh and Anna Marsh spoke.\n\nMrs. Marsh said the talks would resume in March.",
     "Anna Marsh"),
    ("Anna Marsh and Tom Marsh spoke.\n\nMr. Marsh said the talks would resume in March.",
     "Tom Marsh"),
]


@pytest.mark.parametrize(("text", "speaker"), RESOLVED)
def test_speaker_resolves_to_full_name(text: str, speaker: str) -> None:
    (q,) = run(text)
    assert q.speaker == speaker


ORGS = [
    ("New US intelligence assessments found the border force is nearly ready to move.",
     "US intelligence", "US"),
    ("The Kremlin said the exercises were purely defensive in nature.", "Kremlin", "RU"),
]


@pytest.mark.parametrize(("text", "speaker", "country"), ORGS)
def test_organisation_speakers(text: str, speaker: str, country: str) -> None:
    (q,) = run(text)
    assert (q.speaker, q.country, q.speaker_type) == (speaker, country, "organisation")


def test_bare_quote_paragraph_carries_previous_speaker() -> None:
    text = ("“The river is rising,” said Tom Quill.\n\n"
            "“We have sandbags on every street.”")
    assert [q.speaker for q in run(text)] == ["Tom Quill", "Tom Quill"]


def test_bare_quote_without_any_speaker_gives_nothing() -> None:
    assert run("The river rose overnight.\n\n“We have sandbags on every street.”") == []
