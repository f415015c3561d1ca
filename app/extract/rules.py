"""Rule data for the extractor: quote marks, reporting verbs and speech nouns, stance words.

Everything the heuristics key on lives in the rule modules as plain data so it can be read,
reviewed and extended without touching the matching code: this one for what reports speech,
`name_rules` for who speaks (names, titles, countries, organisations), `frame_rules` for the
words around a cue (sentence frames, where a reported clause starts and stops).
"""


def words_of(line: str) -> frozenset[str]:
    """Read a word list written as one long string, to keep the tables compact."""
    return frozenset(line.split())

# Quote marks: each opening mark with the marks that close it. English opens with “,
# German with „ (closed by “) or », French, Russian and Ukrainian with «; a straight
# mark's direction is read from the characters around it.
DOUBLE_PAIRS: dict[str, str] = {"“": "”", "„": "“”", "«": "»", "»": "«", '"': '"',
                                "''": "''\"", "``": "''\""}
SINGLE_PAIRS: dict[str, str] = {"‹": "›", "›": "‹", "‚": "‘’"}
DOUBLE_OPEN = "“„«"
SINGLE_OPEN = "‘‹‚"

# Reporting verbs with clausal complements ("said (that) ...").
SPEECH_VERBS: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "writing"),
    "add": ("add", "adds", "added", "adding"),
    "note": ("note", "notes", "noted", "noting"),
    "argue": ("argue", "argues", "argued", "arguing"),
    "claim": ("claim", "claims", "claimed", "claiming"),
    "state": ("stated", "stating"),
    "explain": ("explain", "explains", "explained", "explaining"),
    "tweet": ("tweet", "tweets", "tweeted"),
    "declare": ("declare", "declares", "declared", "declaring"),
    "announce": ("announce", "announces", "announced", "announcing"),
    "assert": ("assert", "asserts", "asserted", "asserting"),
    "suggest": ("suggest", "suggests", "suggested", "suggesting"),
    "acknowledge": ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "contend": ("contend", "contends", "contended"),
    "maintain": ("maintains", "maintained"),
    "stress": ("stress", "stresses", "stressed", "stressing"),
    "emphasise": ("emphasized", "emphasizes", "emphasised", "emphasises", "emphasizing",
                  "emphasising"),
    "predict": ("predict", "predicts", "predicted", "predicting"),
    "promise": ("promise", "promises", "promised", "promising"),
    "vow": ("vow", "vows", "vowed", "vowing"),
    "pledge": ("pledges", "pledged", "pledging"),
    "insist": ("insist", "insists", "insisted", "insisting"),
    "warn": ("warn", "warns", "warned", "warning"),
    "deny": ("deny", "denies", "denied", "denying"),
    "reply": ("replied", "replies", "replying"),
    "respond": ("responded", "responds", "responding"),
    "ask": ("asked", "asks", "asking"),
    "complain": ("complain", "complains", "complained", "complaining"),
    "concede": ("concede", "concedes", "conceded"),
    "confirm": ("confirm", "confirms", "confirmed", "confirming"),
    "recall": ("recalled", "recalls", "recalling"),
    "reiterate": ("reiterate", "reiterates", "reiterated", "reiterating"),
    "allege": ("allege", "alleges", "alleged"),
    "charge": ("charged", "charges"),
    "remark": ("remarked",),
    "observe": ("observed",),
    "testify": ("testify", "testifies", "testified"),
    "joke": ("joked", "jokes"),
    "quip": ("quipped", "quips"),
    "boast": ("boasted", "boasts"),
    "brag": ("bragged", "brags"),
    "conclude": ("concluded",),
    "caution": ("cautioned", "cautions"),
    "counter": ("countered", "counters"),
    "retort": ("retorted",),
    "report": ("reported", "reports"),
    "assure": ("assure", "assures", "assured"),
    "reassure": ("reassure", "reassures", "reassured"),
    "threaten": ("threaten", "threatens", "threatened"),
    "announce_": ("proclaimed",),
    "indicate": ("indicated", "indicates"),
    "point": ("pointed out", "points out", "point out", "pointing out"),
    "write_in": ("posted",),
    "continue": ("continued",),
    "demand": ("demand", "demands", "demanded", "demanding"),
    "predict_": ("forecast",),
    "mention": ("mentioned", "mentioning"),
    "echo": ("echoed", "echoing"),
    "tout": ("touted", "touts", "touting"),
    "remind": ("reminded", "reminds", "reminding"),
    "concede_": ("conceding",),
    "joke_": ("joking",),
    "decline": ("declined", "declines", "declining"),
    "refuse": ("refused", "refuses", "refusing"),
    "estimate": ("estimated",),
    "put_it": ("put it",),
    "lament": ("lamented", "laments", "lamenting"),
    "reveal": ("revealed", "reveals"),
    "disclose": ("disclosed", "discloses"),
    "hint": ("hinted", "hints"),
    "recount": ("recounted", "recounts"),
    "speculate": ("speculated", "speculates"),
    "recommend": ("recommended", "recommends"),
    "advise": ("advised", "advises"),
    "object": ("objected",),
    "muse": ("mused",),
    "scoff": ("scoffed",),
    "opine": ("opined",),
    "repeat": ("repeated", "repeats"),
    "inform": ("informed", "informs"),
    "make_clear": ("made clear", "made it clear", "makes clear", "makes it clear"),
    "shout": ("shouted", "shouts", "yelled", "exclaimed"),
    "clarify": ("clarified", "clarifies", "clarifying"),
    "reaffirm": ("reaffirmed", "reaffirms", "reaffirming", "affirmed", "affirms"),
    "confess": ("confessed", "confesses"),
    "plead": ("pleaded", "pleads"),
    "answer": ("answered", "answers"),
    "fume": ("fumed", "gushed", "griped", "grumbled"),
    "write_": ("texted", "emailed", "e-mailed"),
    "underscore": ("underscored", "underscores", "signaled", "signalled", "signals"),
    # a light verb and a speech noun before "that" ("made the case that …")
    "argue_": ("made the case", "makes the case", "making the case", "made the argument",
               "makes the argument", "made the point", "makes the point"),
    "suggest_": ("raised the possibility", "raises the possibility"),
}

# Verb forms that are also plural nouns ("the charges", "his demands"), or that report
# only with a clause ("maintained that …", not "maintains a program"; "clarified that …", not
# "clarified the matter"): read as a reporting verb only when "that" opens a clause right
# after them.
NOUN_FORMS = frozenset({"charges", "demands", "maintains", "maintained"}) | frozenset(
    SPEECH_VERBS["argue_"] + SPEECH_VERBS["suggest_"] + SPEECH_VERBS["underscore"]
    + SPEECH_VERBS["clarify"] + ("answers", "answered", "pleads", "pleaded"))
# Verb forms that report only words quoted right after them, past a short object and a
# comma or colon ("before asking her, “…”"): "asking for a raise", "asking price" report none.
QUOTE_FORMS = frozenset({"asking"})
# Of those, the ones a named subject makes a verb with any object ("Quill demands an apology";
# "charges" with an object is a price, "maintains" a road).
VERB_AFTER_NAME = frozenset({"demands"})

# Reporting verbs whose complement is an object, not a clause ("accused X of
# ..."): only their quoted fragments become statements.
OBJECT_VERBS: dict[str, tuple[str, ...]] = {
    "accuse": ("accuse", "accuses", "accused", "accusing"),
    "call": ("called", "calls", "calling"),
    "describe": ("described", "describes", "describing"),
    "urge": ("urge", "urges", "urged", "urging"),
    "praise": ("praise", "praises", "praised", "praising"),
    "criticise": ("criticized", "criticised", "criticizes", "criticises", "criticizing",
                  "criticising"),
    "attack": ("attacked", "attacking"),
    "lambast": ("lambasted", "lambasts", "lambasting"),
    "decry": ("decried", "decries", "decrying"),
    "condemn": ("condemn", "condemns", "condemned", "condemning"),
    "blast": ("blasted", "blasts", "blasting"),
    "slam": ("slammed", "slams", "slamming"),
    "thank": ("thanked",),
    "welcome": ("welcomed", "welcomes"),
    "dismiss": ("dismissed", "dismisses", "dismissing"),
    "label": ("labeled", "labelled", "labels"),
    "brand": ("branded", "brands"),
    "blame": ("blamed", "blames", "blaming"),
    "speak_of": ("spoke of", "spoke about", "speaks of", "speaks about", "spoke out about",
                 "talked about", "talks about", "speaking about", "speaking of",
                 "commented on", "comments on", "commenting on"),
    "call_on": ("called on", "calls on", "called for", "calls for", "calling for", "calling on"),
    "point_to": ("pointed to", "points to"),
    "mock": ("mocked", "mocks", "mocking"),
    "ridicule": ("ridiculed", "ridicules"),
    "hail": ("hailed", "hails"),
    "hit_out": ("lashed out at", "hit back at", "hit out at", "took aim at", "takes aim at",
                "lashing out at", "hitting back at", "hitting out at", "taking aim at"),
}

# Object verbs whose plain complement is itself the statement ("urged X to ...").
APPEAL_VERBS = frozenset({"urge", "call_on"})

# Prepositions that turn a speech verb into an object verb ("warned against ...").
OBJECT_PREPOSITIONS = frozenset({"against", "of", "about", "over", "for"})

# Nouns of the occasion an attribution names ("in a statement", "during an
# interview"); such a phrase ends the reported clause before it.
FRAME_NOUNS = (
    "statement", "statements", "interview", "interviews", "email", "emails", "e-mail",
    "speech", "speeches", "tweet", "tweets", "post", "posts", "remarks", "comments",
    "rally", "news conference", "press conference", "conference call", "call", "hearing",
    "debate", "forum", "town hall", "letter", "memo", "op-ed", "video", "radio interview",
    "television interview", "appearance", "briefing", "podcast", "event", "campaign stop",
)

# Documents whose words may be older than the article that quotes them; without a date
# in the frame such a statement is dated to the month only.
DOCUMENT_FRAMES = (
    "emails?", "e-mails?", "posts?", "tweets?", "letters?", "memos?", "books?", "memoir",
    "op-ed", "essay", "column", "blog", "speech", "speeches", "posted", "tweeted",
)

# Nouns for words said or written; before a colon they introduce a quote ("The reply: “…”").
SPEECH_NOUNS = words_of(
    "reply response answer message statement words tweet tweets post posts email emails letter "
    "note comment comments remarks retort warning verdict explanation excuse promise pledge"
)

# Nouns of a speech act that a possessive speaker owns before "that" ("X's claim that …").
SPEECH_ACT_NOUNS = words_of(
    "claim claims assertion insistence contention suggestion warning promise pledge vow remark "
    "statement charge accusation allegation admission emphasis boast denial prediction"
)

# Documents that speak for their named author ("Ann Vole's letter said …").
AUTHORED_NOUNS = words_of(
    "letter brief statement memo email e-mail post tweet filing op-ed memoir affidavit "
    "testimony lawsuit complaint motion website"
)

# Occasions whose words belong to the one who spoke ("according to a speech Ann Vole gave").
SPOKEN_OCCASIONS = words_of("speech interview testimony transcript remarks")

# Adverbs set off by commas between a verb and its clause ("said, however, that").
ASIDE_ADVERBS = words_of(
    "however though too also again instead moreover nonetheless meanwhile then")
# Contents that say nothing by themselves ("X said the same", "said as much").
EMPTY_CONTENTS = frozenset({
    "the same", "as much", "the following", "the same thing", "so too", "much the same",
    "the opposite", "nothing more", "little else", "no more",
    # "declined to comment": a refusal to speak, with nothing said
    "to comment", "to comment further", "to elaborate", "to be interviewed", "to say more",
})
# A quantity before a topic ("said little about the talks", "isn't saying much on the
# plan"): the words say that little was said, not what.
QUANTITY_WORDS = words_of("much little nothing anything")
TOPIC_PREPOSITIONS = words_of("about on of regarding")
# Words that open a noun phrase: after "to" they make it a preposition, not an infinitive.
DETERMINERS = words_of("the a an his her their its our my your this that these those all every")
# Recordings that show a person speaking ("footage of X saying, “…”").
RECORDING_NOUNS = words_of("footage video clip clips recording audio tape tapes film")

# Outlets named in "said on Twitter"; such a phrase ends the reported clause before it.
PLATFORMS = ("Twitter", "Facebook", "Instagram", "YouTube", "television", "radio", "Fox News",
             "CNN", "MSNBC", "the BBC", "BBC")

# Verbs that report only when the subject is a document or an agency
# ("assessments found ...").
FINDING_VERBS = ("found", "finds", "showed", "shows", "concluded", "concludes")

# Verbs taking a person object before the clause ("told reporters that").
OBJECT_BEFORE_CLAUSE = frozenset(
    {"tell", "warn", "assure", "reassure", "remind", "ask", "promise", "urge", "inform"}
)

# Lemma -> CAMEO-style act suggested by the reporting verb.
VERB_ACTS: dict[str, str] = {
    "accuse": "accuse", "allege": "accuse", "charge": "accuse", "blame": "accuse",
    "criticise": "accuse", "condemn": "accuse", "blast": "accuse", "slam": "accuse",
    "deny": "deny", "dismiss": "deny",
    "warn": "warn", "threaten": "warn", "caution": "warn",
    "assure": "reassure", "reassure": "reassure", "promise": "reassure", "pledge": "reassure",
    "vow": "reassure",
    "urge": "appeal", "call_on": "appeal", "demand": "appeal", "ask": "appeal",
    "praise": "praise", "thank": "praise", "welcome": "praise", "tout": "praise",
    "attack": "accuse", "lambast": "accuse", "decry": "accuse",
}

# Words that may stand between a speaker and the verb ("Truss last night warned").
AUXILIARIES = words_of(
    "also has had have would will could later then again previously repeatedly recently once "
    "further earlier publicly privately separately reportedly has_also had_also was is were are "
    "been being openly flatly angrily bluntly simply quickly immediately long often never "
    "already still just first since initially originally subsequently even now both all"
)

# Stance: words counted for a critical or a supportive tone.
CRITICAL_WORDS = words_of(
    "false lie lies lying liar threat threaten threatens subvert aggression aggressive invade "
    "invasion madness scaremongering wrong dangerous reckless disgrace disgraceful shameful "
    "fail failed failure corrupt illegal unacceptable condemn condemns attack attacks blame "
    "irresponsible outrageous ridiculous absurd terrible disaster disastrous sanctions crisis "
    "violate violation fraud rigged incompetent weak hypocrisy hypocritical deplorable "
    "deplorables scandal cost punish oppose against destroy abuse racist bad worst"
)
SUPPORTIVE_WORDS = words_of(
    "support supports supported ready strong stand united unity praise welcome thank thanks "
    "grateful proud great good best success successful progress help partner ally allies "
    "friend friendship peace peaceful solidarity faith trust confident committed commend "
    "respect agree agreement win winning hope hopeful protect safe secure"
)
