"""Constructions of the second extraction round (issue 14): clause boundaries, end-placed
attributions, speakers behind nested appositions and false cues."""

import pytest

from tests.extract.conftest import run

# (text, speaker, quoted words): each text gives exactly this one statement.
FOUND = [
    # A coordinated clause that carries quoted words on is still the speaker's.
    ("Anna Marsh says she hopes to win the seat, but she knows that “the harbour decides.”",
     "Anna Marsh", "she hopes to win the seat, but she knows that “the harbour decides.”"),
    ("Tom Quill says the ferry is too slow, and “we are going to fix” that if he wins.",
     "Tom Quill", "the ferry is too slow, and “we are going to fix” that if he wins"),
    ("Ria Fenn said the visit brought back memories of her father, and of ''all the people "
     "who were not here.''", "Ria Fenn", "the visit brought back memories of her father, and "
     "of ''all the people who were not here.''"),
    # A frame noun that the clause runs on past with an infinitive is part of the clause.
    ("Tom Quill said the law does not require skippers to stop at a public hearing to explain "
     "their routes.", "Tom Quill", "the law does not require skippers to stop at a public "
     "hearing to explain their routes"),
    ("Tom Quill said the harbour would close in a statement to the council.", "Tom Quill",
     "the harbour would close"),
    # A time phrase between a verb's object and its clause.
    ("Tom Quill told reporters on Sunday the ferry was late.", "Tom Quill",
     "the ferry was late"),
    ("Tom Quill told reporters on Sunday night the ferry was late.", "Tom Quill",
     "the ferry was late"),
    # No reporting verb, but a speech noun and a colon before the quote.
    ("Anna Marsh hit out in a series of posts: “The ferry is late again.”", "Anna Marsh",
     "The ferry is late again."),
    # A section heading in capitals run into its paragraph is not part of the sentence.
    ("THE LOANS Back when he wrote his book, Mr. Pike said that he considered debt a last "
     "resort.", "Pike", "he considered debt a last resort"),
    # Verbs added in this round.
    ("Anna Marsh pointed to reports that the ferry had sunk twice.", "Anna Marsh",
     "reports that the ferry had sunk twice"),
    ("Tom Quill repeated that the harbour is dirty.", "Tom Quill", "the harbour is dirty"),
    ("Tom Quill informed the council that the harbour is dirty.", "Tom Quill",
     "the harbour is dirty"),
    ("Tom Quill made clear that the harbour would close.", "Tom Quill",
     "the harbour would close"),
    ("Tom Quill hit back at the council over the harbour accounts.", "Tom Quill",
     "the council over the harbour accounts"),
    # A quote closed by "?" or "!" and a capitalised speaker: one sentence, not two.
    ("“Is the ferry late again?” Tom Quill asked.", "Tom Quill", "Is the ferry late again?"),
    ("“The ferry is late again!” Mr. Quill shouted.", "Quill", "The ferry is late again!"),
    # A full name and a colon before the words.
    ("Tom Quill: “The ferry is late again.”", "Tom Quill", "The ferry is late again."),
    # "X said in a statement." hands the next paragraph's bare quote to X.
    ("Tom Quill said in a statement.\n\n“The ferry is late again. The council must act.”",
     "Tom Quill", "The ferry is late again. The council must act."),
    # A party and seat after a lawmaker's name is not the speaker.
    ("Sen. Tom Quill, R-Ohio, said the ferry is late.", "Tom Quill", "the ferry is late"),
    ("Rep. Ann Vole, D-N.Y., told the Gazette that the ferry is late.", "Ann Vole",
     "the ferry is late"),
    # An adverb set off by commas, a duration, a quotation frame, an expected statement.
    ("Tom Quill said, however, that the ferry is late.", "Tom Quill", "the ferry is late"),
    ("Tom Quill has argued for years that the ferry is late.", "Tom Quill",
     "the ferry is late"),
    ("Tom Quill was quoted as saying that the ferry is late.", "Tom Quill",
     "the ferry is late"),
    ("Tom Quill is expected to say that the ferry is late.", "Tom Quill", "the ferry is late"),
    # A relative clause on a noun of the content is part of it; one with its own subject is not.
    ("Tom Quill has called for ending the toll on ferries, which costs many islanders a day's "
     "pay.", "Tom Quill",
     "ending the toll on ferries, which costs many islanders a day's pay"),
    ("Tom Quill vowed to form a harbour guard, which would include the navy, to stop smugglers.",
     "Tom Quill", "to form a harbour guard, which would include the navy, to stop smugglers"),
    # An appeal runs on past its quoted words to the end of the clause.
    ("Ann Vole called on the council to “act now on the ferry” and consider closing the "
     "harbour to cargo ships.", "Ann Vole", "the council to “act now on the ferry” and "
     "consider closing the harbour to cargo ships"),
    ("Tom Quill’s response: “The ferry is late again.”", "Tom Quill",
     "The ferry is late again."),
    # Mixed statements: a quoted object, an end-placed "said of", a colon, a noun's tail.
    ("Tom Quill promised “a new ferry by spring.”", "Tom Quill",
     "“a new ferry by spring.”"),
    ("It was “a disgrace,” Tom Quill said of the ferry.", "Tom Quill", "It was “a disgrace,”"),
    ("Tom Quill said: the ferry is “a disgrace.”", "Tom Quill", "the ferry is “a disgrace.”"),
    ("Tom Quill blasted the council for its “reckless” spending.", "Tom Quill",
     "the council for its “reckless” spending"),
    # An occasion between a verb's object and its clause; a possessive object.
    ("Tom Quill tells his supporters at a rally in Gulltown to “vote early.”", "Tom Quill",
     "to “vote early.”"),
    ("Tom Quill told his crew the ferry was late.", "Tom Quill", "the ferry was late"),
    # Progressive forms.
    ("Tom Quill is denying that the ferry is late.", "Tom Quill", "the ferry is late"),
    ("Tom Quill is slamming the council over the ferry.", "Tom Quill",
     "the council over the ferry"),
    ("Tom Quill is hitting back at the council.", "Tom Quill", "the council"),
    # A long occasion phrase before "that"; a relative "that" inside it is skipped.
    ("Tom Quill said in a statement released by his office on Friday evening after the council "
     "meeting that the ferry was late.", "Tom Quill", "the ferry was late"),
    ("Tom Quill said in a statement that was released on Friday that the ferry was late.",
     "Tom Quill", "the ferry was late"),
    # A verb and a phrase before "to" and the cue.
    ("Tom Quill took to Twitter to say that the ferry was late.", "Tom Quill",
     "the ferry was late"),
    ("The mayor's aide Tom Quill says the ferry is late.", "Tom Quill", "the ferry is late"),
    # "NAME of PLACE/ORG" before the verb: the person speaks, not the place.
    ("Ann Vole of Iowa said the ferry was late.", "Ann Vole", "the ferry was late"),
    ("Ann Vole of the Harbour Trust said the ferry was late.", "Ann Vole",
     "the ferry was late"),
    ("The Bank of Gullshire said rates would rise.", "Bank of Gullshire", "rates would rise"),
    # A quote closed by a comma, "?" or "!", then a speaker and a verb of manner.
    ("Tom Quill spoke.\n\n“The ferry is late again,” Quill sighed.", "Tom Quill",
     "The ferry is late again"),
    ("Tom Quill spoke.\n\n“Is it late?” he wondered.", "Tom Quill", "Is it late?"),
    ("“It is late,” the mayor shot back on Friday.", "the mayor", "It is late"),
    # A lead-in phrase before a quoted fragment and an end-placed attribution.
    ("Tom Quill spoke. With hundreds of ferries, “there is no single harbour to blame,” he "
     "said.", "Tom Quill", "With hundreds of ferries, “there is no single harbour to blame,”"),
    # A described speaker after the content: the article belongs to the speaker.
    ("The council will publish the accounts soon, a spokesman announced Monday morning.",
     "the spokesman", "The council will publish the accounts soon"),
    # Dashes inside a comma appositive describe the organisation, not the speaker.
    ("John Dickey, the chief executive of Gull Media -- the company that owns the show -- "
     "told me, ''We are a content provider.''", "John Dickey", "We are a content provider."),
    # ", saying" after a sentence whose subject is a pronoun.
    ("Tom Quill spoke on Tuesday. He then defended the remark, saying, “I do not regret it.”",
     "Tom Quill", "I do not regret it."),
    # A recording shows its speaker talking.
    ("The advert shows footage of Tom Quill saying during the debate, “That makes me smart,” "
     "as the mayor spoke.", "Tom Quill", "That makes me smart"),
    # A colon after a speech noun opens the quote of the next paragraph.
    ("On July 6, Anna Marsh made the following comment:\n\n“The rate is 33 percent. For older "
     "people it is 51 percent.”\n\nThe council disagreed.", "Anna Marsh",
     "The rate is 33 percent. For older people it is 51 percent."),
]


@pytest.mark.parametrize(("text", "speaker", "quote"), FOUND)
def test_second_round_construction(text: str, speaker: str, quote: str) -> None:
    (q,) = run(text)
    assert (q.speaker, q.quote) == (speaker, quote)


def test_relative_clause_with_its_own_subject_ends_the_content() -> None:
    (q,) = run("Tom Quill said the harbour faces long nights, which locals call the dark "
               "months.")
    assert q.quote == "the harbour faces long nights"


def test_relative_clause_on_the_whole_statement_ends_it() -> None:
    (q,) = run("Tom Quill acknowledges the reality of rising seas, which makes him an outlier "
               "on the council.")
    assert q.quote == "the reality of rising seas"


def test_object_verb_keeps_its_quoted_object_only() -> None:
    (q,) = run("Ann Vole called the plan a “farce” and left.")
    assert q.quote == "the plan a “farce”"


def test_aside_then_participle_gives_the_participles_clause() -> None:
    quotes = run("The council rejected the plan, Tom Quill said, adding that it would cost too "
                 "much.")
    assert [q.quote for q in quotes] == ["The council rejected the plan",
                                         "it would cost too much"]


RELATIVE_THEN_MAIN = [
    ("Tom Quill, who called the plan “a joke,” said the ferry was late.",
     ["the plan “a joke,”", "the ferry was late"]),
    ("Tom Quill, who has called the plan a joke, said the ferry was late.",
     ["the plan a joke", "the ferry was late"]),
]


@pytest.mark.parametrize(("text", "quotes"), RELATIVE_THEN_MAIN)
def test_relative_clause_then_main_verb(text: str, quotes: list[str]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == [("Tom Quill", x) for x in quotes]


def test_new_speaker_after_but_ends_the_clause() -> None:
    """", but Tom Quill said “…”" is someone else's: the first clause stops at the comma."""
    first = run("Anna Marsh says the pier is safe, but Tom Quill said “it is falling apart.”")[0]
    assert (first.speaker, first.quote) == ("Anna Marsh", "the pier is safe")


def test_announced_quote_carries_the_date_given() -> None:
    """A quote announced with its own date ("On July 6, 2021, X wrote:") carries that day."""
    (q,) = run("On July 6, 2021, Anna Marsh made the following comment:\n\n“The rate is 33 "
               "percent.”")
    assert (q.speaker, str(q.said_on), q.date_precision) == ("Anna Marsh", "2021-07-06", "day")


# (text, speaker, role): the title of an organisation never makes it the speaker.
ROLES = [
    ("Tom Quill, the harbour master, said the ferry was late.", "Tom Quill", "harbour master"),
    ("Keron Vale, executive director of GULL, said the schools need money.", "Keron Vale",
     "Executive Director"),
    ("Rep. Tom Quill (D-N.Y.), chairman of the Harbour Caucus, said members will help.",
     "Tom Quill", "Representative"),
    ("“It is an invasion,” Tom Quill, the attorney general of Gullshire, one of the counties "
     "suing the board, said at an event.", "Tom Quill", "Attorney General"),
    ("The chairman of the Harbour Caucus, Tom Quill, said members will help.", "Tom Quill",
     "Chairman"),
    ("In a statement, Tom Quill said the ferry was late.", "Tom Quill", None),
    ("The mayor of Gulltown said the ferry was late.", "the mayor", "mayor"),
    ("“It is late,” said the mayor of Gulltown.", "the mayor", "mayor"),
    ("“It works,” said Tom Quill, a chief of staff to the mayor.", "Tom Quill",
     "chief of staff"),
    ("“It works,” said Tom Quill, the former secretary of state.", "Tom Quill",
     "Secretary of State"),
]


@pytest.mark.parametrize(("text", "speaker", "role"), ROLES)
def test_role_from_the_text(text: str, speaker: str, role: str | None) -> None:
    (q,) = run(text)
    assert (q.speaker, q.role) == (speaker, role)


# A quoted title the sentence goes on to describe is not carried to the last speaker.
AFTER_A_STATEMENT = [
    "“The Late Ferry” is his third book.",
    "“Harbour Lights,” a new film, opens Friday.",
]


@pytest.mark.parametrize("text", AFTER_A_STATEMENT)
def test_title_after_a_statement_gives_nothing(text: str) -> None:
    quotes = run("Tom Quill said the ferry was late.\n\n" + text)
    assert [q.quote for q in quotes] == ["the ferry was late"]


def test_bare_quote_is_still_carried() -> None:
    quotes = run("Tom Quill said the ferry was late.\n\n“It is a scandal.”")
    assert [(q.speaker, q.quote) for q in quotes][-1] == ("Tom Quill", "It is a scandal.")


NOTHING = [
    "“The Late Ferry,” Tom Quill published in 2001, sold well.",
    "“It is late,” Tom Quill sailed away.",
    "Tom Quill, a councillor, said the same.",
    "Anna Marsh said as much on Friday.",
    "A judge may not enforce the order because of Tom Quill's Fifth Amendment claims, and the "
    "council rarely acts.",
    "Tom Quill took to the sea to say goodbye.",
    "Tom Quill said in a statement that was released on Friday.",
    "Tom Quill told the story at a rally in Gulltown to cheers.",
    "Tom Quill told the story at a rally in Gulltown to the crowd.",
    "Tom Quill writes for the Daily Gull.",
    "Tom Quill, who said little, left early.",
    "The harbour’s motto: “Never late.”",
    "Tom Quill’s boat: “The Gull”.",
    "Tom Quill is expected to sail on Friday.",
    "Tom Quill was quoted as a source.",
    "Update: “The harbour is closed.”",
    "The sign read: “No fishing.”",
    "Tom Quill sailed home.\n\n“No fishing” signs lined the pier.",
    "“Is the ferry late again?” Tom Quill sailed on.",
    "The ferry pointed to the north all night.",
    "NEW HARBOUR The ferry sailed at noon.",
    "Tom Quill told the Gazette on Sunday.",
    "The harbour has a new sign: “No fishing”.",
    "The advert shows a picture of Tom Quill saying goodbye.",
    "The advert shows footage of Tom Quill sailing.",
    "The harbour has three rules:\n\n“No swimming. No fishing. No boats.”",
    "With hundreds of ferries, the harbour is busy all year.",
    "Gull Media -- the company that owns the show -- sold its boats on Friday.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_second_round_gives_nothing(text: str) -> None:
    assert run(text) == []
