"""Reporting constructions the accuracy round (issue 14) added: verb classes, relative and
subordinate clauses, appositions, and the boundaries of a reported clause."""

import pytest

from tests.extract.conftest import run

# (text, speaker, quoted words): each sentence gives exactly this one statement.
FOUND = [
    ("Tom Quill charges that the ferry fund paid for the mayor's boat.", "Tom Quill",
     "the ferry fund paid for the mayor's boat"),
    ("Anna Marsh is describing as “reckless” the plan to close the harbour.", "Anna Marsh",
     "as “reckless”"),
    ("Anna Marsh estimated that the repairs would cost two million.", "Anna Marsh",
     "the repairs would cost two million"),
    ("Anna Marsh lamented that the harbour school had lost its roof.", "Anna Marsh",
     "the harbour school had lost its roof"),
    ("Mr. King said the harbour would reopen in spring.", "King",
     "the harbour would reopen in spring"),
    ("“The ferry must sail,” Anna Marsh, a fellow at the Harbour Institute, said of the council.",
     "Anna Marsh", "The ferry must sail"),
    ("As Anna Marsh noted, the harbour will reopen in the spring.", "Anna Marsh",
     "the harbour will reopen in the spring"),
    ("As Anna Marsh put it on Friday, the harbour is the town's front door.", "Anna Marsh",
     "the harbour is the town's front door"),
    ("As the mayor said, the harbour will reopen.", "the mayor", "the harbour will reopen"),
    ("Jane Roe said via email that, “Of course we will sail” despite the storm warnings.",
     "Jane Roe", "“Of course we will sail” despite the storm warnings"),
    ("Ann Vole, a harbour trustee, called on Governor Pike to reopen the ferry office.",
     "Ann Vole", "Governor Pike to reopen the ferry office"),
    ("Ann Vole urged the council to act before the winter storms and the long nights that "
     "follow them, which locals call “the dark months”.", "Ann Vole",
     "the council to act before the winter storms and the long nights that follow them"),
    ("Back when he wrote his memoir, Tom Quill said that he saw debt as a last resort.",
     "Tom Quill", "he saw debt as a last resort"),
    ("When Anna Marsh said the harbour would close, the crowd booed.", "Anna Marsh",
     "the harbour would close"),
    ("Anna Marsh noted that the mayor looked tired in his first debate against Tom Quill in "
     "1998 and that few voters minded.", "Anna Marsh",
     "the mayor looked tired in his first debate against Tom Quill in 1998 and that few voters "
     "minded"),
    ("Anna Marsh said the harbour would close in a statement on Friday.", "Anna Marsh",
     "the harbour would close"),
    ("Tom Quill sailed in. He’s claiming that the toll is “a big, big problem” for traders.",
     "Tom Quill", "the toll is “a big, big problem” for traders"),
    ("Tom Quill sent a series of posts early Friday saying that the toll would be cut.",
     "Tom Quill", "the toll would be cut"),
    ("Writing for the Gazette, Tom Quill said the toll would be cut.", "Tom Quill",
     "the toll would be cut"),
    ("Kall -- co-editor of Harbour Days, a book about ferries -- said the council broke its word.",
     "Kall", "the council broke its word"),
]


@pytest.mark.parametrize(("text", "speaker", "quote"), FOUND)
def test_construction_gives_the_statement(text: str, speaker: str, quote: str) -> None:
    (q,) = run(text)
    assert (q.speaker, q.quote) == (speaker, quote)


# (text, quoted words in order): a sentence that gives more than one statement.
SEVERAL = [
    ("Mr. Pike has attacked the harbour fees, and has called for ending the ferry toll.",
     ["the harbour fees", "ending the ferry toll"]),
    ("“The ferry must sail,” said Tom Quill, who emphasized that fares would fall.",
     ["The ferry must sail", "fares would fall"]),
    ("“The ferry must sail,” said Tom Quill, who has long argued that fares are too high.",
     ["The ferry must sail", "fares are too high"]),
    ("When Anna Marsh noted that the harbour had lost money ― as was true of the ferry ― "
     "Tom Quill boasted, “That makes me smart.”",
     ["the harbour had lost money", "That makes me smart."]),
    ("Claiming the harbour plan helps developers, Anna Marsh told the Gazette that the vote "
     "was rigged.", ["the harbour plan helps developers", "the vote was rigged"]),
    ("As for fares, ''the toll hurts traders,'' said Tom Quill, who added that it would go.",
     ["As for fares, ''the toll hurts traders,''", "it would go"]),
]


@pytest.mark.parametrize(("text", "quotes"), SEVERAL)
def test_construction_gives_each_statement(text: str, quotes: list[str]) -> None:
    assert [q.quote for q in run(text)] == quotes


NOTHING = [
    "The harbour charges ten pounds a night for a berth.",
    "Tom Quill met the council, which hears new demands every week.",
    "Mr. President, the harbour will reopen in spring.",
    "As Anna Marsh said goodbye, the crowd cheered.",
    "She put it on the table before the vote.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_statement(text: str) -> None:
    assert run(text) == []
