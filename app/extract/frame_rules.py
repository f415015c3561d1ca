"""Rule data on the words around a cue: what a verb or a name is doing in its sentence frame,
and where a reported clause starts and stops."""

from app.extract.rules import words_of

# Sentence frames: words that tell what a verb or a name is doing there.

# Words before a name that make its verb a relative clause ("what Marsh says").
RELATIVE_LEADS = words_of(
    "what how whom which where why as than whatever everything anything nothing something all"
)
# Verbs that open the rest of "which he said were at his side": the relative clause is
# what was said.
FINITE_AFTER_WHICH = words_of("is was were are would will had has have could")
# Words before a past participle that make it passive ("was charged with").
PASSIVE_AUXILIARIES = words_of("was were been be being is are get got")
# Adverbs that may sit inside a passive ("was once asked", "has been widely praised").
PASSIVE_ADVERBS = words_of("once also never not often long since later")
# Subject pronouns before a present-tense verb ("he says.").
SUBJECT_PRONOUNS = words_of("he she they we i it")
# Words right after a verb that show it does not report speech here ("called in").
NOT_REPORTING_AFTER = words_of("to into off up back")
# Verbs whose "to" complement is still the statement ("urged X to", "promised to").
TO_VERBS = words_of(
    "urge call_on promise vow pledge threaten tell say write add explain admit report respond "
    "reply complain confess testify ask demand decline refuse"
)
# Prepositions after "reports" that make it a byline or a noun ("reports for the Daily News").
BYLINE_PREPOSITIONS = words_of("for from")
BYLINE_VERBS = frozenset({"report", "write"})  # "X reports for / writes for the Gazette"
# Words before a participle cue whose subject is the sentence's ("by telling them").
PARTICIPLE_LEADS = (" by", " after", " while", " before", " when", " in", " without", " quoted as",
                    " despite", " aside from")
# Words that may follow an inverted speaker phrase ("said Anna Marsh on Friday").
AFTER_SPEAKER = words_of(
    "on in at during after before last this yesterday today tonight who of from to for "
    "earlier later recently when while told via"
)
# Time words that may stand between a speaker and the verb ("Marsh on Friday said").
TIME_WORDS = words_of(
    "today yesterday tonight last night this week morning afternoon evening earlier later "
    "monday tuesday wednesday thursday friday saturday sunday on late early"
)
# Days a reporting verb may take straight after it, before its clause ("said Monday the …").
NAMED_DAYS = words_of("monday tuesday wednesday thursday friday saturday sunday today yesterday")
# "went on to say", "took to Twitter to slam": a verb and a phrase before "to" and the cue.
GO_ON = words_of("went goes go going")
TOOK = words_of("took takes take taking")
# Verbs that take another verb with "to" between a speaker and the cue ("tried to argue").
CATENATIVES = words_of(
    "tried try tries trying appeared appears seemed seems went wanted wants continued "
    "continues began begins sought seeks refused refuses declined declines attempted hoped "
    "expected yet"  # "has yet to explain why …"
    " quick careful eager keen"  # "was quick to point out that …"
)
# Negations and do-support that may stand between a speaker and the verb.
VERB_NEGATIONS = words_of("not n’t never did does do")
# Auxiliaries fused with "n't" ("wouldn't say", "isn't saying"), curly apostrophe: they stand
# between a speaker and the verb as "would not" does.
NEGATED_AUXILIARIES = words_of(
    "isn’t aren’t wasn’t weren’t doesn’t don’t didn’t hasn’t haven’t hadn’t won’t wouldn’t "
    "can’t couldn’t shouldn’t"
)
# Those of them that make an -ing form a finite verb ("isn't saying"), as "is" does.
NEGATED_BE = words_of("isn’t aren’t wasn’t weren’t")
# Words that may precede a group noun in a group speaker ("senior police officials").
GROUP_MODIFIERS = words_of(
    "new the some several senior top other police military intelligence campaign "
    "administration government state federal white house party"
)
# Words dropped from a group speaker's name ("several unnamed officials" -> "officials").
GROUP_FILLERS = words_of("new the a an some several senior top other unnamed anonymous")
# Group nouns that are documents, not people; the name keeps the issuer only.
DOCUMENT_NOUNS = words_of(
    "assessments assessment report reports study analysis survey review investigation"
)
# Nouns ending in "-ly" that are not adverbs.
LY_NOUNS = words_of("family ally rally assembly daily weekly italy fly")
# Words after which a capitalised name still opens its clause.
CLAUSE_LEADS = words_of("but and so then yet meanwhile still later")
# Lower-case particles inside a name ("Ursula von der Leyen", "Ali bin Saleh"): the one list.
NAME_PARTICLES = words_of("de van von der den da di du del la le bin al ibn")
# Relative pronouns: an appositive opening with one describes, it gives no title.
RELATIVE_PRONOUNS = words_of("who whom whose which that where when")
# Lower-case words that never sit inside a title ("adviser to the mayor" ends at "to").
NOT_IN_TITLE = words_of(
    "a an the of to for at in on with from by and or but who which that said says told "
    "is was has had have be been not also then when while as he she they it his her their"
)
# Party words in a title ("Republican Sen."), kept out of the role.
PARTIES = words_of("republican democratic democrat gop labour conservative liberal")

# Reported clauses: where they start and stop.

# Prepositions of place: a name after one ("voters in Gulltown", "Democrats on Harbour Hill")
# is where the speaker is, never the speaker.
LOCATIVES = words_of("in on at from across near")
# Prepositions that tie a name to a common noun before it ("the side of X", "the staff of
# X"): such a name is no subject.
NOUN_PREPOSITIONS = words_of("of on for with from")
# Prepositions that cannot open a reported clause ("wrote in an email", "reported from").
FRAME_PREPOSITIONS = words_of("in from at during on via with into of")
# Prepositions after an opening participle that make it an occasion ("Writing for …").
PARTICIPLE_FRAMES = FRAME_PREPOSITIONS | words_of("for to about as")
# Words opening a subordinate clause; a statement inside one ends at its comma.
SUBORDINATORS = words_of(
    "when while although though if after before because since unless once whereas as"
)
# Words opening a time or place phrase between a verb and its "that".
# Words that open a new clause or a frame, not a noun's tail ("and left", "on Friday").
TAIL_STOPS = CLAUSE_LEADS | FRAME_PREPOSITIONS | SUBORDINATORS | words_of("or if to for by")
PP_STARTS = words_of(
    "on in at during after before last this earlier later today yesterday tonight monday "
    "tuesday wednesday thursday friday saturday sunday also repeatedly again recently "
    "privately publicly via through over for since"
)
