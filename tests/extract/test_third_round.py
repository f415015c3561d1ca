"""Constructions of the third extraction round (issue 14): attributions placed after the
words with a clause of their own, block quotes after a colon, quoted headings, -ing cues
and speech nouns."""

import pytest

from tests.extract.conftest import run

# (text, speaker, quoted words): each text gives this statement first.
FOUND = [
    # An end-placed attribution followed by a clause of its own (", citing …", ", and “…”")
    # still takes the words before it.
    ("The harbour “is cleaner than ever,” Quill said in May 2019, citing the new nets and the "
     "new pier.", "Quill", "The harbour “is cleaner than ever,”"),
    ("The skipper is “quick as a gull,” Tom Quill wrote in an email to the Gazette’s Ann Vole, "
     "and “never on time.”", "Tom Quill", "The skipper is “quick as a gull,”"),
    # "to" and a verb after the verb opens the content; the words before are a frame.
    ("Until last week, Tom Quill had refused to disclose the harbour’s debts.", "Tom Quill",
     "to disclose the harbour’s debts"),
    ("Tom Quill declined to comment on the toll.", "Tom Quill", "to comment on the toll"),
    # "X said:" ending its paragraph opens the next one, with or without quote marks.
    ("Tom Quill spoke at the pier.\n\nHe said:\n\n\"The ferry is late again. The council "
     "must act.\"", "Tom Quill", "The ferry is late again. The council must act."),
    ("Tom Quill spoke at the pier.\n\nQuill added:\n\nAnd the ferry is late again, so the "
     "council must act now.\n\nThe council met on Friday.", "Tom Quill",
     "And the ferry is late again, so the council must act now."),
    # A speech noun owned by its speaker ("X's claim that …").
    ("The council checked Tom Quill’s claim that the ferry had been late “forty times” this "
     "year.", "Tom Quill", "the ferry had been late “forty times” this year"),
    ("The crew heard Ann Vole’s repeated insistence that the harbour was safe.", "Ann Vole",
     "the harbour was safe"),
    ("Tom Quill maintained that the ferry was late.", "Tom Quill", "the ferry was late"),
    # "commented on X" names what the speaker spoke about.
    ("Ann Vole has commented on the new timetable.", "Ann Vole", "the new timetable"),
    # "both" and "all" after coordinated speakers: the nearest one is read.
    ("Tom Quill and Ann Vole both said that the toll could be cut.", "Ann Vole",
     "the toll could be cut"),
    ("Reps. Tom Quill (D-Maine), Ann Vole (D-Iowa) and Rob Fenn (D-Vt.) all argued that the "
     "toll could be cut.", "Rob Fenn", "the toll could be cut"),
    # A multi-word verb split by a day ("called Friday for").
    ("Tom Quill called Friday for an audit of the harbour accounts.", "Tom Quill",
     "an audit of the harbour accounts"),
    ("Ann Vole spoke out Tuesday about the new timetable.", "Ann Vole", "the new timetable"),
    # A recipient between the verb and "that" is no part of the words.
    ("Tom Quill said to reporters that the ferry was late.", "Tom Quill",
     "the ferry was late"),
    ("Tom Quill said to the crowd on Friday that the ferry was late.", "Tom Quill",
     "the ferry was late"),
    # A number describing an inverted speaker.
    ("“The ferry is late,” said 7/7 widow Ann Vole.", "Ann Vole", "The ferry is late"),
    # The subject of a clause after ", but" becomes the person "he" refers to.
    ("Dana Vole met the council on Friday. The crew mocked the timetable, but Mr. Pike took "
     "note. The ferry must run at dawn, he said.", "Pike", "The ferry must run at dawn"),
    # A document speaks for its named author.
    ("Ann Vole’s letter said the ferry was late.", "Ann Vole", "the ferry was late"),
    ("Ann Vole’s court filing also said the ferry was late.", "Ann Vole",
     "the ferry was late"),
    # "that" followed by a verb is the clause's subject, not its opening word.
    ("Ann Vole said that is not true.", "Ann Vole", "that is not true"),
    # A colon after the verb's manner or time opens the words.
    ("Tom Quill was asked about the strike. He replied the way he always does: WE SAIL AT "
     "DAWN.", "Tom Quill", "WE SAIL AT DAWN"),
    ("Tom Quill put it this way: the ferry is late and the council does not care.",
     "Tom Quill", "the ferry is late and the council does not care"),
    ("Ann Vole spoke warmly of the old ferry and its crew.", "Ann Vole",
     "the old ferry and its crew"),
    # "which X said" followed by a verb attributes the rest of the relative clause.
    ("The plan, which Tom Quill said would cost millions, was dropped.", "Tom Quill",
     "would cost millions"),
    ("The ferry, which Ann Vole says is the oldest in the fleet, sank.", "Ann Vole",
     "is the oldest in the fleet"),
    ("Ann Vole echoed Tom Quill’s warning that the ferry would sink.", "Ann Vole",
     "Tom Quill’s warning that the ferry would sink"),
    # A trailing participle's speaker is the subject after every opening phrase.
    ("Alarmed by the figures, as well as by the anger of the crews, Tom Quill changed course, "
     "promising to cut the toll for islanders.", "Tom Quill", "cut the toll for islanders"),
]


@pytest.mark.parametrize(("text", "speaker", "quote"), FOUND)
def test_third_round_construction(text: str, speaker: str, quote: str) -> None:
    q = run(text)[0]
    assert (q.speaker, q.quote) == (speaker, quote)


NOTHING = [
    # "echoing X" names whose words were repeated, not what was said.
    "The Gazette covered the strike as a fair protest, echoing Mr. Pike.",
    # A name after a common noun and a preposition is no subject.
    "Not that anyone on the business side of Gull Media is arguing, since the emails show it.",
    "Nobody on the staff of Ann Vole is arguing that the ferry is late.",
    "What Tom Quill says about the ferry is not true.",
    "The ferry, which Ann Vole says goodbye to, sank.",
    # A party and seat is never the subject of a trailing participle.
    "The council was calm, though some early backers of the toll, such as Sen. Rob Fenn, "
    "R-Utah, and Ann Vole, R-Idaho, now saying the toll is too high, have left.",
    "Tom Quill called Friday.",
    # "comments on" after a possessive is a noun.
    "Tom Quill’s comments on the ferry were brief.",
    # "maintain" reports only with a clause.
    "The Gull Trust maintains a fleet of old boats.",
    # A noun that is no speech act, or no owner: no statement.
    "The council rejected Tom Quill’s plan that the ferry should stop.",
    "The claim that the ferry is late was checked.",
    # A colon without a speech verb or noun opens no one's words.
    "The harbour has three rules:\n\nNo swimming. No fishing. No boats.",
    # A refusal to speak says nothing; the frame before it is no statement.
    "Tom Quill lost the vote. Through a spokesman, he declined to comment.",
    "Tom Quill declined to comment.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_third_round_gives_nothing(text: str) -> None:
    assert run(text) == []


# A short quote in title case alone on its line is a section heading, not a bare quote.
HEADINGS = ["‘No Fishing Here.’", "“We Will Rebuild It.”", "'Nets at Dawn.'"]


@pytest.mark.parametrize("heading", HEADINGS)
def test_quoted_heading_is_not_carried(heading: str) -> None:
    quotes = run(f"Ann Vole said the pier was unsafe.\n\n{heading}\n\nThe pier is old.")
    assert [q.quote for q in quotes] == ["the pier was unsafe"]


def test_quoted_sentence_alone_is_still_carried() -> None:
    quotes = run("Ann Vole said the pier was unsafe.\n\n“We will rebuild it.”")
    assert [(q.speaker, q.quote) for q in quotes][-1] == ("Ann Vole", "We will rebuild it.")


def test_block_quote_is_one_paragraph_only() -> None:
    quotes = run("Tom Quill said on Friday:\n\nThe ferry is late.\n\nThe council met later.")
    assert [(q.speaker, q.quote, q.kind) for q in quotes] == [
        ("Tom Quill", "The ferry is late.", "direct")]


# -ing cues after "aside from", "despite", "now" and "going on to": a statement of their own.
PARTICIPLES = [
    ("Tom Quill refuses to discuss the toll, aside from saying it is too high.", "Tom Quill",
     ["to discuss the toll", "it is too high"]),
    ("Tom Quill kept his seat, despite admitting that he had missed “most of the votes.”",
     "Tom Quill",
     ["he had missed “most of the votes.”"]),
    ("Anna Marsh said the pier was unsafe, going on to say that the council “has failed.”",
     "Anna Marsh",
     ["the pier was unsafe", "the council “has failed.”"]),
    ("Tom Quill said the pier was unsafe, now arguing that the council must pay.", "Tom Quill",
     ["the pier was unsafe", "the council must pay"]),
]


@pytest.mark.parametrize(("text", "speaker", "quotes"), PARTICIPLES)
def test_participle_cue_gives_its_own_statement(text: str, speaker: str, quotes: list[str]
                                                ) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == [(speaker, x) for x in quotes]


def test_second_quote_after_the_attribution_and_but() -> None:
    quotes = run("“I like Ann,” Tom Quill said, but “on the ferry she is wrong.”")
    assert [(q.speaker, q.quote, q.kind) for q in quotes] == [
        ("Tom Quill", "I like Ann", "direct"),
        ("Tom Quill", "on the ferry she is wrong.", "direct")]


# A frame phrase closed by a comma and a participle: the participle's clause follows.
FRAMED = [
    ("Ann Vole said the ferry was late in a radio interview on Thursday night, arguing that "
     "the council must pay.", ["the ferry was late", "the council must pay"]),
    ("Ann Vole said as much in an interview on Thursday, arguing that the council must pay.",
     ["the council must pay"]),
]


@pytest.mark.parametrize(("text", "quotes"), FRAMED)
def test_frame_then_participle(text: str, quotes: list[str]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == [("Ann Vole", x) for x in quotes]


def test_clause_after_a_quote_closed_by_a_comma_and_but_is_not_the_statement() -> None:
    (q,) = run("Tom Quill said the ferry was “late, dirty and slow,” but he has also sailed "
               "it himself.")
    assert q.quote == "the ferry was “late, dirty and slow,”"


GO_ON_TO = [
    "“The toll is unfair,” Ann Vole said, going on to say that the town is “broke.”",
    "“The toll is unfair,” Ann Vole said, and went on to say that the town is “broke.”",
]


@pytest.mark.parametrize("text", GO_ON_TO)
def test_going_on_to_say_after_a_quote(text: str) -> None:
    assert [(q.speaker, q.quote, q.kind) for q in run(text)] == [
        ("Ann Vole", "The toll is unfair", "direct"),
        ("Ann Vole", "the town is “broke.”", "mixed")]


def test_they_never_resolves_to_a_place() -> None:
    quotes = run("According to a complaint filed by Vermont, the developers lied to investors."
                 "\n\nThe harbour, which was built in 1990, has grown too big, they say.")
    assert [q.speaker for q in quotes if q.quote.startswith("The harbour")] == []


def test_they_after_a_pair_is_the_pair_not_a_place() -> None:
    quotes = run("According to a complaint filed by Vermont, the developers lied to investors."
                 "\n\nMr. Pike and Ms. Vole say other changes are needed.\n\nThe harbour, which "
                 "was built in 1990, has grown too big, they say.")
    assert [q.speaker for q in quotes if q.quote.startswith("The harbour")] == ["Vole"]
