"""Statements of the seventh extraction pass (issue 14): forms of English news writing read
from the second half of the development split — an attribution standing between a partly
quoted clause and a whole quote, an aside that scopes over its own clause only, … — each table
with sentences that must give nothing or keep the old reading."""

import pytest

from tests.extract.conftest import run

# (text, [(speaker, words)]): each statement found, in order.
BETWEEN_QUOTES = [
    # "A “…,” X said (in an email to Y), and “B”": both parts are X's
    ("The pier is “a disgrace,” Tom Quill said, and “a danger to children.”",
     [("Tom Quill", "The pier is “a disgrace,”"), ("Tom Quill", "a danger to children.")]),
    ("The pier is “a disgrace,” Tom Quill said on Friday, and “a danger to children.”",
     [("Tom Quill", "The pier is “a disgrace,”"), ("Tom Quill", "a danger to children.")]),
    ("Rob Fenn is “smart as a whip,” Ann Vole wrote in an email to the Harbour Weekly’s Sam "
     "Dunn, but “far too slow.”",
     [("Ann Vole", "Rob Fenn is “smart as a whip,”"), ("Ann Vole", "far too slow.")]),
    # the old readings stay: two whole quotes, and a title before the verb's own object
    ("“It is late,” Tom Quill said, and “it is dear.”",
     [("Tom Quill", "It is late"), ("Tom Quill", "it is dear.")]),
    ("At the end of the song ‘Late Ferry Home,’ Ann Vole added the words, “Rob Fenn for "
     "mayor.”", [("Ann Vole", "Rob Fenn for mayor.")]),
]


@pytest.mark.parametrize(("text", "expected"), BETWEEN_QUOTES)
def test_attribution_between_quotes(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected


# (text, [(speaker, words)]): an aside inside a sentence scopes over the clause it sits in.
ASIDE_SCOPE = [
    ("The ferry had long run at a loss, but the fares had become so high, Ann Vole noted, "
     "that nobody rode it.",
     [("Ann Vole", "the fares had become so high"), ("Ann Vole", "that nobody rode it")]),
    ("The harbour was quiet; yet the boats, Tom Quill said, were all booked.",
     [("Tom Quill", "the boats"), ("Tom Quill", "were all booked")]),
    # without a contrasting conjunction the whole head stays, as before
    ("The ferry had long run at a loss, and the fares had become so high, Ann Vole noted, "
     "that nobody rode it.",
     [("Ann Vole", "The ferry had long run at a loss, and the fares had become so high"),
      ("Ann Vole", "that nobody rode it")]),
    # an attribution at the end of the sentence takes all of it
    ("The ferry ran at a loss, but the fares were high, Ann Vole said.",
     [("Ann Vole", "The ferry ran at a loss, but the fares were high")]),
]


@pytest.mark.parametrize(("text", "expected"), ASIDE_SCOPE)
def test_aside_scopes_over_its_clause(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected


# (text, [(speaker, words)]): ", which X said B" after a statement's object is X's B.
RELATIVE_SAID = [
    ("Ann Vole attacked the owners for their fares, which she said were set by a cartel.",
     [("Ann Vole", "the owners for their fares"), ("Ann Vole", "were set by a cartel")]),
    ("Ann Vole attacked the owners for their fares, which Tom Quill said were set by a cartel.",
     [("Ann Vole", "the owners for their fares"), ("Tom Quill", "were set by a cartel")]),
    ("Ann Vole said the fares were high, which she said was unfair to the islanders.",
     [("Ann Vole", "the fares were high"), ("Ann Vole", "was unfair to the islanders")]),
    # the old readings stay: a relative clause with no speaker of its own, and one alone
    ("Ann Vole attacked the owners for their fares, which were set by a cartel.",
     [("Ann Vole", "the owners for their fares, which were set by a cartel")]),
    ("Ann Vole cut the budgets, which she said would save the town money.",
     [("Ann Vole", "would save the town money")]),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE_SAID)
def test_relative_clause_with_its_own_speaker(text: str, expected: list[tuple[str, str]]
                                              ) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected


# (text, [(speaker, words)]): a verb that takes a quoted object ("called A “B”") chains on
# through "and" to the same speaker's next verb.
OBJECT_CHAIN = [
    ("Ann Vole called the fares “outrageous” and called for refunds to be paid to riders.",
     [("Ann Vole", "the fares “outrageous”"), ("Ann Vole", "refunds to be paid to riders")]),
    ("Ann Vole called the fares “outrageous” and demanded that the board pay refunds.",
     [("Ann Vole", "the fares “outrageous”"), ("Ann Vole", "the board pay refunds")]),
    ("Ann Vole described the plan as a “shambles” and called for a “fresh vote”.",
     [("Ann Vole", "the plan as a “shambles”"), ("Ann Vole", "a “fresh vote”")]),
    # a deed after "and" is no statement; a new subject before the verb is someone else
    ("Ann Vole called the fares “outrageous” and left the room.",
     [("Ann Vole", "the fares “outrageous”")]),
    ("Tom Quill described Ann Vole as “a menace” after she attacked the owners and blamed "
     "the fares on “plain greed” in the town.",
     [("Tom Quill", "Ann Vole as “a menace”")]),
]


@pytest.mark.parametrize(("text", "expected"), OBJECT_CHAIN)
def test_quoted_object_then_next_verb(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected


# (text, [(speaker, words)]): a bare surname one letter off a person named in full before is
# that person, misspelt; a plural, another letter or two people it could be are not.
MISSPELT = [
    ("Tyra McClenney runs the ferry café. McLenney said the fares were far too high.",
     [("Tyra McClenney", "the fares were far too high")]),
    ("Rob Halloran runs the ferry café. Hallorn said the fares were far too high.",
     [("Rob Halloran", "the fares were far too high")]),
    ("Rob Halloran runs the ferry café. The Hallorans said the fares were far too high.",
     [("Hallorans", "the fares were far too high")]),
    ("Rob Halloran runs the ferry café. Hallorat said the fares were far too high.",
     [("Hallorat", "the fares were far too high")]),
    ("Tom Marsden met Ann Marsdon at the pier. Marsdn said the fares were far too high.",
     [("Marsdn", "the fares were far too high")]),
    ("Rob Fenn runs the ferry café. Penn said the fares were far too high.",
     [("Penn", "the fares were far too high")]),
]


@pytest.mark.parametrize(("text", "expected"), MISSPELT)
def test_misspelt_surname(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected


# (text, [(speaker, words)]): a relative clause on a name, set off by commas or dashes, with
# "who’s" read as "who has" before an active participle and as "who is" before a passive one.
RELATIVE_WHO = [
    ("Ann Vole, who’s called for higher fares on the mainland, met the board on Friday.",
     [("Ann Vole", "higher fares on the mainland")]),
    ("It is a campaign issue, with Ann Vole — who’s called for higher fares on the mainland — "
     "attacking the plan.", [("Ann Vole", "higher fares on the mainland")]),
    ("Ann Vole -- who said the fares are too low -- met the board on Friday.",
     [("Ann Vole", "the fares are too low")]),
    ("Ann Vole, who’s long argued that the fares are too low, met the board on Friday.",
     [("Ann Vole", "the fares are too low")]),
    # the old reading stays; a passive names her, she says nothing
    ("Ann Vole, who said the fares are too low, met the board on Friday.",
     [("Ann Vole", "the fares are too low")]),
    ("Ann Vole, who’s called “the iron lady” by her staff, met the board on Friday.", []),
    ("Ann Vole, who’s described as a maverick, met the board on Friday.", []),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE_WHO)
def test_relative_clause_on_a_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected


# (text, [(speaker, words)]): the person named before "at/in/from" an organisation or a place
# speaks, never the organisation or the place; a bare title before a place ("Senator from
# Gullshire", as headlines write) is that title.
BEFORE_A_PLACE = [
    ("Senator from Gullshire says he will vote against the ferry bill.",
     [("the senator", "he will vote against the ferry bill")]),
    ("Tom Quill at the Gulltown Harbour Board said the ferry is late.",
     [("Tom Quill", "the ferry is late")]),
    # the old readings stay: officials at an organisation speak for it
    ("Officials at the Gulltown Harbour Board said the ferry is late.",
     [("Gulltown Harbour Board", "the ferry is late")]),
    ("The Gulltown Harbour Board said the ferry is late.",
     [("Gulltown Harbour Board", "the ferry is late")]),
    ("Tom Quill of the Gulltown Harbour Board said the ferry is late.",
     [("Tom Quill", "the ferry is late")]),
]


@pytest.mark.parametrize(("text", "expected"), BEFORE_A_PLACE)
def test_speaker_before_a_place(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected


# (text, [(speaker, words)]): "asking" reports the words quoted right after it (past a short
# object and a comma), as "asked" does; otherwise it reports nothing and ends no clause.
ASKING_A_QUOTE = [
    ("Tom Quill sang to the crowd before asking them, “Where is the ferry?”",
     [("Tom Quill", "Where is the ferry?")]),
    ("The new ad uses footage of Ann Vole asking, “Why is the ferry late?”",
     [("Ann Vole", "Why is the ferry late?")]),
    ("Tom Quill turned to the mayor, asking, “Where is the ferry?”",
     [("Tom Quill", "Where is the ferry?")]),
    ("Tom Quill is asking for a raise.", []),
    ("Ann Vole suggested reading the fare table and asking yourself whether the ferry is "
     "worth it.", [("Ann Vole", "reading the fare table and asking yourself whether the "
                               "ferry is worth it")]),
    ("The asking price, “a bargain,” was too high for the town.", []),
]


@pytest.mark.parametrize(("text", "expected"), ASKING_A_QUOTE)
def test_asking_before_a_quote(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected
