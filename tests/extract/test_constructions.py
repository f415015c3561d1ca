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
    ("Mr. Bishop said the harbour would reopen in spring.", "Bishop",
     "the harbour would reopen in spring"),
    ("“The ferry must sail,” Anna Marsh, a fellow at the Harbour Institute, said of the council.",
     "Anna Marsh", "The ferry must sail"),
    ("As Anna Marsh noted, the harbour will reopen in the spring.", "Anna Marsh",
     "the harbour will reopen in the spring"),
    ("As Anna Marsh put it on Friday, the harbour is the town's front door.", "Anna Marsh",
     "the harbour is the town's front door"),
    ("As the mayor said, the harbour will reopen.", "the mayor", "the harbour will reopen"),
    ("Jane Roe said in a letter that, “We will sail” despite the storm warnings.",
     "Jane Roe", "“We will sail” despite the storm warnings"),
    ("Ann Vole, a harbour trustee, called on Governor Pike to reopen the ferry office.",
     "Ann Vole", "Governor Pike to reopen the ferry office"),
    ("Ann Vole urged the council to act before the winter storms and the long nights that "
     "follow them, which locals call “the dark months”.", "Ann Vole",
     "the council to act before the winter storms and the long nights that follow them"),
    ("Long before he ran the ferry, Tom Quill said that tolls were a tax on islanders.",
     "Tom Quill", "tolls were a tax on islanders"),
    ("When Anna Marsh said the harbour would close, the crowd booed.", "Anna Marsh",
     "the harbour would close"),
    ("Anna Marsh noted that the mayor spoke slowly at the harbour debate with the fishermen "
     "about the nets and that nobody left.", "Anna Marsh",
     "the mayor spoke slowly at the harbour debate with the fishermen about the nets and that "
     "nobody left"),
    ("Anna Marsh said the harbour would close in a statement on Friday.", "Anna Marsh",
     "the harbour would close"),
    ("Tom Quill sailed in. He’s claiming that the toll is “a heavy load” for traders.",
     "Tom Quill", "the toll is “a heavy load” for traders"),
    ("Tom Quill sent a letter to the board saying that the toll would be cut.",
     "Tom Quill", "the toll would be cut"),
    ("Writing for the Gazette, Tom Quill said the toll would be cut.", "Tom Quill",
     "the toll would be cut"),
    ("Ria Fenn -- editor of Tide Tables, a guide to the coast -- said the council broke its "
     "word.", "Ria Fenn", "the council broke its word"),
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
    ("When Anna Marsh noted that the harbour had lost money ― as the ferry had too ― "
     "Tom Quill replied, “Boats cost money.”",
     ["the harbour had lost money", "Boats cost money."]),
    ("Insisting the pier plan favours builders, Anna Marsh told the Gazette that the count "
     "was wrong.", ["the pier plan favours builders", "the count was wrong"]),
    ("About the tolls, ''the fee hurts traders,'' said Tom Quill, who added that it would go.",
     ["About the tolls, ''the fee hurts traders,''", "it would go"]),
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
