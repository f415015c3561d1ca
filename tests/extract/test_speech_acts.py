"""Statements of the sixth extraction pass (issue 14): speech acts news writing reports in
forms the earlier passes missed (negated or delayed verbs, documents that carry an author's
words, chains and second clauses, light verbs with speech nouns, a group's named member),
words recorded more exactly (a day after the verb, the means "by telephone"), and a place no
longer read as a person — each table with sentences that must give nothing or keep the old
reading."""

import pytest

from tests.extract.conftest import run

# (text, [(speaker, words)]): each statement found, in order.
NEGATED = [
    # "n't" fused with its auxiliary stands between speaker and verb as "not" does
    ("Tom Quill isn't saying whether the board broke any rules.",
     [("Tom Quill", "whether the board broke any rules")]),
    ("Ann Vole wouldn’t say how much the ferry cost.",
     [("Ann Vole", "how much the ferry cost")]),
    ("Tom Quill didn't say when the pier would reopen.",
     [("Tom Quill", "when the pier would reopen")]),
    ("Ann Vole would not say whether the board broke any rules.",  # the old reading stays
     [("Ann Vole", "whether the board broke any rules")]),
    # a quantity and a topic say only that little was said
    ("Tom Quill isn't saying much about the ferry talks.", []),
    ("Ann Vole said little about the harbour on Friday.", []),
    # "isn't" before a past participle is a passive, not a cue
    ("The town hopes the sorry tale of Tom Quill isn’t repeated.", []),
]


@pytest.mark.parametrize(("text", "expected"), NEGATED)
def test_negated_auxiliary(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected


# (text, [(speaker, words)]): "has yet to" before the verb, as "tried to" is.
YET_TO = [
    ("Tom Quill has yet to explain why the fares rose so sharply.",
     [("Tom Quill", "why the fares rose so sharply")]),
    ("Ann Vole has yet to say whether she will run.", [("Ann Vole", "whether she will run")]),
    ("The ferry has yet to arrive, Tom Quill said.",  # the old reading stays
     [("Tom Quill", "The ferry has yet to arrive")]),
    ("The harbour has yet to reopen.", []),
]


@pytest.mark.parametrize(("text", "expected"), YET_TO)
def test_yet_to(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected


# (text, [(speaker, words)]): "according to" a document or an occasion names its author.
ACCORDING_TO_A_DOCUMENT = [
    ("But the goal is not profit, according to a speech Ann Vole gave at the harbour in May.",
     [("Ann Vole", "the goal is not profit")]),
    ("The fares will rise, according to a statement Tom Quill released on Friday.",
     [("Tom Quill", "The fares will rise")]),
    ("According to a statement released by Tom Quill, the fares will rise next year.",
     [("Tom Quill", "the fares will rise next year")]),
    ("The fares will rise, according to a letter from Ann Vole to the harbour board.",
     [("Ann Vole", "The fares will rise")]),
    # the old readings stay; a document with no author named gives nothing
    ("The fares will rise, according to Tom Quill, a harbour expert.",
     [("Tom Quill", "The fares will rise")]),
    ("The fares will rise, according to the speech.", []),
    ("The fares will rise, according to a speech on Friday.", []),
]


@pytest.mark.parametrize(("text", "expected"), ACCORDING_TO_A_DOCUMENT)
def test_according_to_a_document(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected


# (text, [(speaker, words)]): a sentence-initial "As noted by X," / "As stated in X's
# letter," gives the main clause to X.
AS_NOTED_BY = [
    ("As stated in Ann Vole's letter, the ferry cannot run in winter.",
     [("Ann Vole", "the ferry cannot run in winter")]),
    ("As noted by Tom Quill, the harbour is too shallow for the new ferries.",
     [("Tom Quill", "the harbour is too shallow for the new ferries")]),
    ("As Tom Quill noted on Friday, the harbour is too shallow.",  # the old reading stays
     [("Tom Quill", "the harbour is too shallow")]),
    # no person named: nothing
    ("As noted in the report, the harbour is too shallow.", []),
    ("As noted above, the harbour is too shallow.", []),
    ("As Tom Quill said goodbye, the harbour closed.", []),
]


@pytest.mark.parametrize(("text", "expected"), AS_NOTED_BY)
def test_as_noted_by(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected


# (text, [(speaker, words)]): "demands" after a named subject is a verb; ", yet" and "or"
# before a reporting verb chain a second and third act of the same speaker.
DEMANDS_YET_OR = [
    ("It is odd that Quill demands openness from the board, yet refuses to release his own "
     "accounts or explain how his firm won the contract.",
     [("Quill", "openness from the board"), ("Quill", "to release his own accounts"),
      ("Quill", "how his firm won the contract")]),
    ("Tom Quill demands an apology from the board.", [("Tom Quill", "an apology from the board")]),
    # a noun after an article or an owner, and "charges" with an object, stay nouns
    ("The Quill demands were dropped on Friday.", []),
    ("Ann Vole's demands were met.", []),
    ("Gulltown charges a toll on the bridge.", []),
    ("The talks stalled over Norland demands to close the pier.", []),
    ("Tom Quill charges that the board lied.", [("Tom Quill", "the board lied")]),
]


@pytest.mark.parametrize(("text", "expected"), DEMANDS_YET_OR)
def test_demands_yet_or(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected


# (text, [(speaker, words)]): a second clause with its own speaker after ", and", ";" or
# ", when".
SECOND_CLAUSE = [
    ("Tom Quill said he would run again, and Ann Vole said she would not.",
     [("Tom Quill", "he would run again"), ("Ann Vole", "she would not")]),
    ("Tom Quill said the fares would fall; Ann Vole argued they would rise.",
     [("Tom Quill", "the fares would fall"), ("Ann Vole", "they would rise")]),
    ("The ad ends with footage of Tom Quill saying, “That makes me smart,” when Ann Vole "
     "blasted him for not paying the toll.",
     [("Tom Quill", "That makes me smart"), ("Ann Vole", "him for not paying the toll")]),
    # a second clause without a reporting verb of its own gives nothing more
    ("Tom Quill said the fares would fall, and the board met on Friday.",
     [("Tom Quill", "the fares would fall")]),
]


@pytest.mark.parametrize(("text", "expected"), SECOND_CLAUSE)
def test_second_clause_with_its_own_speaker(text: str, expected: list[tuple[str, str]]
                                            ) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected


# (text, [(speaker, words)]): a light verb and a speech noun before "that".
LIGHT_VERB = [
    ("Tom Quill made the case that the ferry should stay public.",
     [("Tom Quill", "the ferry should stay public")]),
    ("Ann Vole made the point that the harbour had never flooded.",
     [("Ann Vole", "the harbour had never flooded")]),
    ("Tom Quill raised the possibility that the ferry would close.",
     [("Tom Quill", "the ferry would close")]),
    # without "that" they name no words
    ("Tom Quill made the case for a new ferry.", []),
    ("The storm raised the possibility of floods.", []),
]


@pytest.mark.parametrize(("text", "expected"), LIGHT_VERB)
def test_light_verb_and_speech_noun(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected


# (text, [(speaker, words)]): "responded by saying that A" gives A; "said by telephone" is the
# means; "was quick to point out" reads as "tried to" does.
MEANS_AND_MANNER = [
    ("Tom Quill responded by saying that the board had lied.",
     [("Tom Quill", "the board had lied")]),
    ("Ann Vole replied by noting the fares had fallen.", [("Ann Vole", "the fares had fallen")]),
    ("The fares will rise, Tom Quill said by telephone.", [("Tom Quill", "The fares will rise")]),
    ("Tom Quill was quick to point out that the fares had fallen.",
     [("Tom Quill", "the fares had fallen")]),
    ("Ann Vole was careful to note that the ferry was safe.",
     [("Ann Vole", "the ferry was safe")]),
    ("The board was quick to act.", []),
    # a dash closing an aside is no part of the words
    ("The ferry is late — and it will stay late — Tom Quill said.",
     [("Tom Quill", "The ferry is late — and it will stay late")]),
    ("The gauge will point out to sea.", []),
]


@pytest.mark.parametrize(("text", "expected"), MEANS_AND_MANNER)
def test_means_and_manner(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected


# (text, [(speaker, words)]): a name after a common noun and "in"/"on"/"at" is a place; the
# speaker is the noun before it, and a bare group ("voters") names no one to record.
PLACE_AFTER_A_NOUN = [
    ("The plan will calm nervous Democrats on Harbour Hill, who have argued that the ferry "
     "helps the town.", []),
    ("The plan will calm voters in Gulltown, who have argued that the ferry helps the town.", []),
    ("The plan will calm senior officials in Gulltown, who have argued that the ferry helps "
     "the town.", [("officials", "the ferry helps the town")]),
    # a person before the place, "of PLACE", an owner, and organisations keep the old readings
    ("The plan will please Tom Quill in Gulltown, who has argued that the ferry helps the town.",
     [("Tom Quill", "the ferry helps the town")]),
    ("The plan will please Tom Quill of Gulltown, who has argued that the ferry helps the town.",
     [("Tom Quill", "the ferry helps the town")]),
    ("The paper ran a fact-check on Ann Vole’s claim that the ferry is unsafe.",
     [("Ann Vole", "the ferry is unsafe")]),
    ("Officials at the Harbour Board said the ferry was late.",
     [("Harbour Board", "the ferry was late")]),
]


@pytest.mark.parametrize(("text", "expected"), PLACE_AFTER_A_NOUN)
def test_place_after_a_noun_is_no_speaker(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected


# (text, [(speaker, words)]): a group's member named in an appositive ("including X", "such
# as X") is one who said it; a word opening the clause is no part of a group.
MEMBER_OF_A_GROUP = [
    ("Several lawmakers, including Tom Quill, said the ferry was late.",
     [("Tom Quill", "the ferry was late")]),
    ("As many harbour experts, including Mr. Pike, have pointed out, the ferry cannot run in "
     "winter.", [("Pike", "the ferry cannot run in winter")]),
    ("Others, such as Ann Vole, argued that the ferry was late.",
     [("Ann Vole", "the ferry was late")]),
    # an organisation among the group is not read as a person; a bare group names no one
    ("Several groups, including the Gulltown Board of Ferries, said the ferry was late.", []),
    ("As several critics have noted, the ferry is late.", []),
    ("The ferry is as late as Tom Quill said it would be.", []),
    ("After harbour officials met, the ferry left.", []),
]


@pytest.mark.parametrize(("text", "expected"), MEMBER_OF_A_GROUP)
def test_member_of_a_group(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected


def test_clause_word_is_no_part_of_a_group() -> None:
    quotes = run("As campaign aides noted, the ferry was late.")
    assert [(q.speaker, q.quote) for q in quotes] == [("campaign aides", "the ferry was late")]


# (text, [(speaker, words)]): ", saying" ends even a short object, and the participle's words
# follow as a statement of their own.
SHORT_OBJECT_THEN_PARTICIPLE = [
    ("Tom Quill dismissed the idea, saying the ferry was fine.",
     [("Tom Quill", "the idea"), ("Tom Quill", "the ferry was fine")]),
    ("Ann Vole also took aim at the board, saying it had failed the town.",
     [("Ann Vole", "the board"), ("Ann Vole", "it had failed the town")]),
    ("Tom Quill dismissed the idea that the ferry was late.",  # the old reading stays
     [("Tom Quill", "the idea that the ferry was late")]),
]


@pytest.mark.parametrize(("text", "expected"), SHORT_OBJECT_THEN_PARTICIPLE)
def test_short_object_then_participle(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected


# (text, words, day said): a day straight after the verb is when, not what ("said Monday the
# ferry was late"); a day followed by its verb is the clause's subject.
DAY_AFTER_THE_VERB = [
    ("Tom Quill said Monday the ferry was late.", "the ferry was late", "2022-01-31"),
    ("Ann Vole said Tuesday that the ferry was late.", "the ferry was late", "2022-02-01"),
    ("Tom Quill said Friday was a bad day for the ferry.", "Friday was a bad day for the ferry",
     "2022-02-06"),
]


@pytest.mark.parametrize(("text", "words", "day"), DAY_AFTER_THE_VERB)
def test_day_after_the_verb(text: str, words: str, day: str) -> None:
    q = run(text)[0]
    assert (q.quote, q.said_on.isoformat() if q.said_on else None) == (words, day)


# (text, [(speaker, words)]): more verbs of saying; those that also take a plain object
# ("clarified the matter", "answered questions", "signaled the start") report only before
# "that".
MORE_VERBS = [
    ("Tom Quill later clarified that the ferry would run.", [("Tom Quill", "the ferry would run")]),
    ("Ann Vole signaled that she would run again.", [("Ann Vole", "she would run again")]),
    ("Tom Quill answered that the ferry was safe.", [("Tom Quill", "the ferry was safe")]),
    ("Ann Vole fumed that the board had lied.", [("Ann Vole", "the board had lied")]),
    ("Tom Quill confessed that he had missed the vote.", [("Tom Quill", "he had missed the vote")]),
    ("Tom Quill hardly clarified the matter.", []),
    ("The lights signaled the start.", []),
    ("Ann Vole answered questions for an hour.", []),
    ("Tom Quill pleaded guilty to fraud.", []),
]


@pytest.mark.parametrize(("text", "expected"), MORE_VERBS)
def test_more_verbs_of_saying(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected


# (text, [(speaker, words)]): a conjunction opening the sentence opens no phrase before the
# subject of a trailing ", saying"; a cleft ("It was X who said") names X.
SUBJECTS = [
    ("But Tom Quill disagreed, saying the ferry was unsafe.",
     [("Tom Quill", "the ferry was unsafe")]),
    ("And Ann Vole hit back, saying the fares were fair.", [("Ann Vole", "the fares were fair")]),
    ("But after the vote, Tom Quill left, saying the ferry was unsafe.",
     [("Tom Quill", "the ferry was unsafe")]),
    ("It was Ann Vole who first said the ferry was unsafe.",
     [("Ann Vole", "the ferry was unsafe")]),
    ("Those who said the ferry was unsafe were right.", []),
]


@pytest.mark.parametrize(("text", "expected"), SUBJECTS)
def test_subjects(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected
