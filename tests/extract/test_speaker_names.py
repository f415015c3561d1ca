"""Speakers of the fourth extraction round (issue 14): a formal title inside a capitalised
run splits role from name, words before a known full name do not rename it, "they" after
a pair of named speakers, and the doer of "with NAME -ing" as the person a pronoun means."""

import pytest

from tests.extract.conftest import run

# (text, speaker, role, country): the first statement's speaker as the sentence names it.
TITLED = [
    # a place, an organisation or a board before the title qualifies the role
    ("Gullshire Sen. Ann Vole said the harbour was late.", "Ann Vole", "Senator", "US"),
    ("Harbour Board Chairman Tom Quill said the ferry would run.", "Tom Quill", "Chairman",
     None),
    ("Retired Gullshire Navy Adm. Rob Fenn said the pier was safe.", "Rob Fenn", "Admiral",
     None),
    ("Norvish Ferries CEO Lee Pike said the toll would rise.", "Lee Pike", "CEO", None),
    ("Gulltown Mayor Ann de Vole said the pier would reopen.", "Ann de Vole", "Mayor", None),
    ("Former Harbour Board Chairwoman Ann Vole said the toll was fair.", "Ann Vole",
     "Chairwoman", None),
    # a demonym before the title still gives the country
    ("French Minister Ann Vole said the port would open.", "Ann Vole", "Minister", "FR"),
    # a describing word capitalised by the sentence's start is no part of the name
    ("Rival Tom Quill said the toll was too high.", "Tom Quill", None, None),
    # nothing to split: the old readings stay
    ("Sen. Ann Vole said the harbour was late.", "Ann Vole", "Senator", "US"),
    ("Vice President Tom Quill said the ferry would run.", "Tom Quill", "Vice President",
     None),
    ("Tom Quill said the ferry would run.", "Tom Quill", None, None),
]


@pytest.mark.parametrize(("text", "speaker", "role", "country"), TITLED)
def test_title_inside_a_capitalised_run(text: str, speaker: str, role: str | None,
                                        country: str | None) -> None:
    q = run(text)[0]
    assert (q.speaker, q.role, q.country) == (speaker, role, country)


# (text, speakers in order): a full name already known keeps its words; a shorter one
# grows into the full name from the statement that gives it.
RENAMED = [
    ("Tom Quill said the toll was high.\n\nRival Tom Quill said it again.",
     ["Tom Quill", "Tom Quill"]),
    ("Quill said the toll was high.\n\nTom Quill said it again.",
     ["Quill", "Tom Quill"]),  # a first name completes a surname
    ("De Vole said the toll was high.\n\nMayor Ann de Vole said it again.",
     ["De Vole", "Ann de Vole"]),  # and a surname with a particle
]


@pytest.mark.parametrize(("text", "speakers"), RENAMED)
def test_known_name_is_not_renamed_by_words_before_it(text: str, speakers: list[str]) -> None:
    assert [q.speaker for q in run(text)] == speakers


# (text, speaker of the statement about the harbour, or None for no statement)
THEY = [
    # "they" soon after a pair of named speakers: the pair (the nearest, as for "A and B said")
    ("Mr. Pike and Ms. Vole say other changes are needed.\n\nThe harbour has grown too big, "
     "they say.", "Vole"),
    ("Tom Quill (D-Maine) and Ann Vole (D-Iowa) said the toll must go.\n\nThe harbour is too "
     "small, they said.", "Ann Vole"),
    # one speaker: "they" is not that person
    ("Ms. Vole said other changes are needed.\n\nThe harbour has grown too big, they say.",
     None),
    # a pair two paragraphs back is too far
    ("Mr. Pike and Ms. Vole say other changes are needed.\n\nThe pier is old.\n\nIt was built "
     "in 1990.\n\nThe harbour has grown too big, they say.", None),
]


@pytest.mark.parametrize(("text", "speaker"), THEY)
def test_they_after_a_pair_of_speakers(text: str, speaker: str | None) -> None:
    found = [q.speaker for q in run(text) if q.quote.startswith("The harbour")]
    assert found == ([speaker] if speaker else [])


# (text, speaker of the last quote): the doer of "with NAME -ing" is who "she" means next.
ABSOLUTE = [
    ("The toll would rise for some, said Lee Fenn.\n\nIt has become a quarrel in the town, "
     "with Sam Vole — who has called for a lower toll — lambasting the plan.\n\n“The plan "
     "would empty the harbour,” she said at the pier.", "Sam Vole"),
    ("The toll would rise for some, said Lee Fenn.\n\nThe quarrel grew, with Sam Vole "
     "mocking the plan.\n\n“It is a joke,” she said.", "Sam Vole"),
    # a companion, not a doer: the speaker before stays
    ("The toll would rise for some, said Lee Fenn.\n\nHe walked the pier, with Sam Vole at "
     "his side.\n\n“The plan would empty the harbour,” he said.", "Lee Fenn"),
    ("The toll would rise for some, said Lee Fenn.\n\nThe council met with Sam Vole, the "
     "harbour master, on Friday.\n\n“The plan would empty the harbour,” he said.", "Lee Fenn"),
]


@pytest.mark.parametrize(("text", "speaker"), ABSOLUTE)
def test_doer_of_an_absolute_phrase_is_salient(text: str, speaker: str) -> None:
    assert run(text)[-1].speaker == speaker


# (text, speaker of the last quote): a sentence ending on a name and its title introduces a
# source, whom the pronoun of the next quote means.
INTRODUCED = [
    ("“The toll is too high,” Lee Fenn said.\n\nWhile Lee Fenn had friends on the pier, the "
     "council had none, which is something that worries Sam Quill, president of the Gulltown "
     "Harbour Board.\n\n“No one sails for the council,” he said.", "Sam Quill"),
    ("“The toll is too high,” Lee Fenn said.\n\nThe pier is run by Sam Quill, a spokesman for "
     "the harbour.\n\n“No one sails for the council,” he said.", "Sam Quill"),
    # the name and title do not end the sentence: the speaker before stays
    ("“The toll is too high,” Lee Fenn said.\n\nHe met Sam Quill, the president of the board, "
     "on Friday.\n\n“No one sails for the council,” he said.", "Lee Fenn"),
    # a relation, not a title
    ("“The toll is too high,” Lee Fenn said.\n\nHe sailed with Sam Quill, a friend of the "
     "family.\n\n“No one sails for the council,” he said.", "Lee Fenn"),
]


@pytest.mark.parametrize(("text", "speaker"), INTRODUCED)
def test_source_introduced_with_a_title_is_salient(text: str, speaker: str) -> None:
    assert run(text)[-1].speaker == speaker


# (text, speaker, speaker type): what opens a sentence before a name, and what a name
# that is an organisation looks like.
KINDS = [
    ("Said Ann Vole: “The toll is unfair.”", "Ann Vole", "person"),
    ("Says Tom Quill, the harbour master: “The toll is unfair.”", "Tom Quill", "person"),
    # an acronym alone names an organisation
    ("NORFA said the toll was unfair.", "NORFA", "organisation"),
    ("Officials at Gulltown Harbour Investigations said the toll was unfair.",
     "Gulltown Harbour Investigations", "organisation"),
    ("Norland Ferry Services said the toll was unfair.", "Norland Ferry Services",
     "organisation"),
]


@pytest.mark.parametrize(("text", "speaker", "kind"), KINDS)
def test_words_around_a_name(text: str, speaker: str, kind: str) -> None:
    q = run(text)[0]
    assert (q.speaker, q.speaker_type) == (speaker, kind)


# (text, speaker, role, words): "according to NAME, APPOSITIVE, …" gives the appositive's role
# to the speaker and keeps it out of the words.
ACCORDING = [
    ("According to Rob Fenn, the director of the port, the ferry is late.", "Rob Fenn",
     "Director", "the ferry is late"),
    ("According to Ann Vole, a senior analyst at the Gulltown Institute, the toll will rise.",
     "Ann Vole", "senior analyst", "the toll will rise"),
    ("According to Ola Brand, who runs the port, the ferry is late.", "Ola Brand", None,
     "the ferry is late"),
    ("The ferry is late, according to Sam Dunn, a spokesman for the port.", "Sam Dunn",
     "spokesman", "The ferry is late"),
    # a clause after the comma, not an appositive: all of it is the statement
    ("According to Lee Pike, the director is late.", "Lee Pike", None, "the director is late"),
    ("According to Tom Quill, the director of the port is late, and the pier is shut.",
     "Tom Quill", None, "the director of the port is late"),
]


@pytest.mark.parametrize(("text", "speaker", "role", "words"), ACCORDING)
def test_according_to_a_name_and_its_appositive(text: str, speaker: str, role: str | None,
                                                words: str) -> None:
    (q,) = run(text)
    assert (q.speaker, q.role, q.quote) == (speaker, role, words)


# (text, speaker of the last quote): a sentence whose subject is a description of a known
# person makes that person the one a later "he"/"she" means.
DESCRIBED = [
    ("“The toll is too high,” Lee Fenn said.\n\nThe crews met President Ola Brand. In defeat, "
     "the president appeared tired.\n\n“It will sail,” he said.", "Ola Brand"),
    ("“The toll is too high,” Lee Fenn said.\n\nThe crews met Mayor Sam Dunn. The mayor "
     "looked tired.\n\n“It will sail,” he said.", "Sam Dunn"),
    # a description no known person holds, or no description: the speaker before stays
    ("“The toll is too high,” Lee Fenn said.\n\nThe governor appeared tired.\n\n“It will "
     "sail,” he said.", "Lee Fenn"),
    ("“The toll is too high,” Lee Fenn said.\n\nThe crews met Mayor Sam Dunn. The pier "
     "looked old.\n\n“It will sail,” he said.", "Lee Fenn"),
]


@pytest.mark.parametrize(("text", "speaker"), DESCRIBED)
def test_described_subject_is_salient(text: str, speaker: str) -> None:
    assert run(text)[-1].speaker == speaker


# (text, speaker, role, country): a title after its owner ("X's lawyer, NAME, said").
OWNED_TITLES = [
    ("Ann Vole’s lawyer, Rob Fenn, said the case was closed.", "Rob Fenn", "lawyer", None),
    ("France’s foreign minister, Lee Pike, said the port would open.", "Lee Pike",
     "Foreign Minister", "FR"),
    ("Gulltown Ferries’ chief executive, Sam Dunn, said the toll would rise.", "Sam Dunn",
     "chief executive", None),
    # the old readings stay
    ("The minister’s spokeswoman, Ola Brand, said the pier would reopen.", "Ola Brand",
     "spokeswoman", None),
    # an owned thing that is no title gives no role
    ("Ann Vole’s boat, the Gull, was late, Tom Quill said.", "Tom Quill", None, None),
]


@pytest.mark.parametrize(("text", "speaker", "role", "country"), OWNED_TITLES)
def test_title_after_its_owner(text: str, speaker: str, role: str | None,
                               country: str | None) -> None:
    q = run(text)[0]
    assert (q.speaker, q.role, q.country) == (speaker, role, country)
