"""Roles come from titles and appositions, never honorifics; countries never from a name."""

import pytest

from tests.extract.conftest import run

# (text, speaker, role, country)
ROLES = [
    ("“The plan is dead,” said Jane Roe, a professor at Eastport University.",
     "Jane Roe", "professor", None),
    ("“The plan is dead,” said Jane Roe, a tax expert at the Harbour Policy Institute.",
     "Jane Roe", "tax expert", None),
    ("“The plan is dead,” said Jane Roe, a senior policy adviser to the mayor.",
     "Jane Roe", "senior policy adviser", None),
    ("“The plan is dead,” said Jane Roe, executive director of the Harbour Trust.",
     "Jane Roe", "Executive Director", None),
    ("Most harbours recover within a year, says psychologist Jane Roe.",
     "Jane Roe", "psychologist", None),
    ("“The plan is dead,” said the minister’s spokeswoman, Jane Roe.",
     "Jane Roe", "spokeswoman", None),
    ("“The plan is dead,” said Monaco’s finance minister, Albert Grimaldo.",
     "Albert Grimaldo", "Finance Minister", "MC"),
    ("“The plan is dead,” said Jane Roe of the Harbour Policy Institute.",
     "Jane Roe", None, None),
    ("“The plan is dead,” said Mr. Tom Quill.", "Tom Quill", None, None),
    ("“The plan is dead,” said Ms. Jane Roe, who met the president on Friday.",
     "Jane Roe", None, None),
    ("Albert Monaco arrived on Monday.\n\n“The plan is dead,” Monaco said.",
     "Albert Monaco", None, None),
    ("Albert Monaco arrived on Monday.\n\nMonaco said the plan was dead for good.",
     "Albert Monaco", None, None),
    ("Dr. Lena Hardy said the plan was dead for good.", "Lena Hardy", None, None),
    # a minister's portfolio before the title is part of the role, not of the name
    ("Transport Minister Anna Marsh said ferry fares would not rise.",
     "Anna Marsh", "Transport Minister", None),
    ("“The museum stays open,” Culture Secretary Tom Quill told reporters.",
     "Tom Quill", "Culture Secretary", None),
    ("Sport Velmora said the grounds would reopen in May.", "Sport Velmora", None, None),
]


@pytest.mark.parametrize(("text", "speaker", "role", "country"), ROLES)
def test_role_and_country_from_the_text(
    text: str, speaker: str, role: str | None, country: str | None
) -> None:
    (q,) = run(text)
    assert (q.speaker, q.role, q.country) == (speaker, role, country)


def test_honorific_still_tells_gender_for_pronouns() -> None:
    text = ("Mr. Quill met Ms. Marsh on Monday.\n\nShe said the budget would be cut by half.")
    (q,) = run(text)
    assert (q.speaker, q.role) == ("Marsh", None)
