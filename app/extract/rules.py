"""Rule data for the extractor: quote marks, reporting verbs, titles, demonyms.

Everything the heuristics key on lives here as plain data so it can be read,
reviewed and extended without touching the matching code.
"""


def _words(line: str) -> frozenset[str]:
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
    "ask": ("asked", "asks"),
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
    # a light verb and a speech noun before "that" ("made the case that …")
    "argue_": ("made the case", "makes the case", "making the case", "made the argument",
               "makes the argument", "made the point", "makes the point"),
    "suggest_": ("raised the possibility", "raises the possibility"),
}

# Verb forms that are also plural nouns ("the charges", "his demands"), or that report
# only with a clause ("maintained that …", not "maintains a program"): read as a reporting
# verb only when "that" opens a clause right after them.
NOUN_FORMS = frozenset({"charges", "demands", "maintains", "maintained"}) | frozenset(
    SPEECH_VERBS["argue_"] + SPEECH_VERBS["suggest_"])  # "made the case for a ferry": no words
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
SPEECH_NOUNS = _words(
    "reply response answer message statement words tweet tweets post posts email emails letter "
    "note comment comments remarks retort warning verdict explanation excuse promise pledge"
)

# Nouns of a speech act that a possessive speaker owns before "that" ("X's claim that …").
SPEECH_ACT_NOUNS = _words(
    "claim claims assertion insistence contention suggestion warning promise pledge vow remark "
    "statement charge accusation allegation admission emphasis boast denial prediction"
)

# Documents that speak for their named author ("Ann Vole's letter said …").
AUTHORED_NOUNS = _words(
    "letter brief statement memo email e-mail post tweet filing op-ed memoir affidavit "
    "testimony lawsuit complaint motion website"
)

# Occasions whose words belong to the one who spoke ("according to a speech Ann Vole gave").
SPOKEN_OCCASIONS = _words("speech interview testimony transcript remarks")

# Adverbs set off by commas between a verb and its clause ("said, however, that").
ASIDE_ADVERBS = _words("however though too also again instead moreover nonetheless meanwhile then")
# Contents that say nothing by themselves ("X said the same", "said as much").
EMPTY_CONTENTS = frozenset({
    "the same", "as much", "the following", "the same thing", "so too", "much the same",
    "the opposite", "nothing more", "little else", "no more",
    # "declined to comment": a refusal to speak, with nothing said
    "to comment", "to comment further", "to elaborate", "to be interviewed", "to say more",
})
# A quantity before a topic ("said little about the talks", "isn't saying much on the
# plan"): the words say that little was said, not what.
QUANTITY_WORDS = _words("much little nothing anything")
TOPIC_PREPOSITIONS = _words("about on of regarding")
# Words that open a noun phrase: after "to" they make it a preposition, not an infinitive.
DETERMINERS = _words("the a an his her their its our my your this that these those all every")
# Recordings that show a person speaking ("footage of X saying, “…”").
RECORDING_NOUNS = _words("footage video clip clips recording audio tape tapes film")

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
AUXILIARIES = _words(
    "also has had have would will could later then again previously repeatedly recently once "
    "further earlier publicly privately separately reportedly has_also had_also was is were are "
    "been being openly flatly angrily bluntly simply quickly immediately long often never "
    "already still just first since initially originally subsequently even now both all"
)

# A pronoun fused with "is" ("He’s claiming that …"): the subject of a progressive cue.
PRONOUN_IS = frozenset({"he’s", "she’s"})
# Pronouns that resolve to the last salient person (or group for "they").
PERSON_PRONOUNS = frozenset({"he", "she"})
GROUP_PRONOUNS = frozenset({"they", "we"})

# Words that head a role or title ("foreign minister", "Sen."); capitalised
# ones are formal titles before a name.
TITLE_HEADS = _words(
    "president minister secretary mayor governor gov. gov senator sen. sen commissioner "
    "chancellor ambassador general gen. director chairman chairwoman chair speaker leader "
    "premier king queen prince judge justice attorney sheriff chief envoy prosecutor "
    "congressman congresswoman representative rep. rep spokesman spokeswoman spokesperson "
    "nominee candidate adviser advisor aide official manager strategist pollster analyst "
    "economist professor founder ceo executive head deputy coordinator counsel lawyer officer "
    "treasurer administrator diplomat lt. col. sgt. adm. admiral colonel lieutenant captain "
    "commander dr. mr. mrs. ms. dr mr mrs ms sir lord lady pope spokesperson surgeon host "
    "anchor commentator columnist reporter correspondent activist widow organizer member "
    "owner pastor rev. bishop author historian scientist researcher expert consultant "
    "operative donor fellow partner editor producer writer physician doctor nurse teacher "
    "student veteran mother father master trustee psychologist sociologist lobbyist banker"
)
# Words that complete a title after its head ("chief of staff").
TITLE_TAILS = frozenset({"of staff", "of state", "of defense", "of defence"})
TITLE_MODIFIERS = _words(
    "foreign home defence defense interior finance prime vice deputy assistant former acting "
    "senior chief top state federal presidential vice-presidential running campaign press "
    "national security health justice trade economy economic justice majority minority house "
    "senate white un u.n. nato eu supreme district county city police fire democratic "
    "republican gop then-president then top-ranking ranking executive general attorney "
    "communications policy education energy environment labor labour treasury commerce "
    "transportation veterans affairs intelligence military homeland of the party's campaign's "
    # ministers' portfolios, as "Transport Minister Anna Marsh" names one
    "transport agriculture culture tourism fisheries climate digital housing infrastructure "
    "immigration science industry development social cabinet "
    # describing words a sentence's first capital makes look like a name ("Rival Ann Vole")
    "rival"
)
# Role heads that are formal titles, capitalised when reported as a role.
CAPITALISED_HEADS = _words(
    "president minister secretary mayor governor senator commissioner chancellor ambassador "
    "general director chairman chairwoman speaker premier judge justice prosecutor"
)
# Capitalised titles that end a role inside a capitalised run, a name after them
# ("Gullshire Gov. Ann Vole", "Harbour Board CEO Tom Quill").
INNER_TITLES = CAPITALISED_HEADS | _words("ceo chairwoman commissioner representative")
# Titles dropped from a name but kept as the role.
HONORIFICS = frozenset(
    ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady", "miss",
     "rev", "rev."]
)
ABBREVIATED_TITLES: dict[str, str] = {
    "sen.": "Senator", "sen": "Senator", "rep.": "Representative",
    "gov.": "Governor", "gen.": "General", "lt.": "Lieutenant",
    "col.": "Colonel", "pres.": "President", "sgt.": "Sergeant",
    "adm.": "Admiral", "amb.": "Ambassador", "atty.": "Attorney",
}

# Role -> country when the title names one country's office (a rule of thumb).
TITLE_COUNTRIES: dict[str, str] = {
    "foreign secretary": "GB", "home secretary": "GB", "defence secretary": "GB",
    "chancellor of the exchequer": "GB", "secretary of state": "US",
    "senator": "US", "representative": "US", "governor": "US",
    "congressman": "US", "congresswoman": "US",
}

# Demonyms that pycountry cannot derive from a country name.
DEMONYMS: dict[str, str] = {
    "american": "US", "us": "US", "u.s.": "US", "british": "GB", "uk": "GB",
    "english": "GB", "scottish": "GB", "welsh": "GB", "russian": "RU",
    "ukrainian": "UA", "french": "FR", "german": "DE", "chinese": "CN",
    "japanese": "JP", "korean": "KR", "south korean": "KR", "north korean": "KP",
    "iranian": "IR", "iraqi": "IQ", "syrian": "SY", "israeli": "IL",
    "palestinian": "PS", "turkish": "TR", "spanish": "ES", "italian": "IT",
    "dutch": "NL", "belgian": "BE", "polish": "PL", "swedish": "SE",
    "norwegian": "NO", "danish": "DK", "finnish": "FI", "irish": "IE",
    "canadian": "CA", "mexican": "MX", "brazilian": "BR", "argentine": "AR",
    "indian": "IN", "pakistani": "PK", "afghan": "AF", "saudi": "SA",
    "egyptian": "EG", "nigerian": "NG", "kenyan": "KE", "australian": "AU",
    "greek": "GR", "hungarian": "HU", "czech": "CZ", "romanian": "RO",
    "belarusian": "BY", "georgian": "GE", "lithuanian": "LT", "latvian": "LV",
    "estonian": "EE", "swiss": "CH", "austrian": "AT", "portuguese": "PT",
    "venezuelan": "VE", "cuban": "CU", "colombian": "CO", "chilean": "CL",
    "lebanese": "LB", "jordanian": "JO", "qatari": "QA", "emirati": "AE",
    "burmese": "MM", "filipino": "PH", "vietnamese": "VN", "thai": "TH",
    "indonesian": "ID", "malaysian": "MY", "taiwanese": "TW", "serbian": "RS",
    "croatian": "HR", "bulgarian": "BG", "moldovan": "MD", "kazakh": "KZ",
    "ethiopian": "ET", "south african": "ZA", "libyan": "LY", "yemeni": "YE",
}
# Capitals and metonyms that speak for a country ("the Kremlin said").
METONYMS: dict[str, str] = {
    "kremlin": "RU", "white house": "US", "pentagon": "US", "state department": "US",
    "downing street": "GB", "whitehall": "GB", "élysée": "FR", "elysee": "FR",
    "moscow": "RU", "kyiv": "UA", "kiev": "UA", "washington": "US", "london": "GB",
    "beijing": "CN", "paris": "FR", "berlin": "DE", "tehran": "IR", "tokyo": "JP",
}

# Heads that make a capitalised phrase an organisation, not a person.
ORG_HEADS = _words(
    "kremlin house department ministry office commission committee council agency post times "
    "journal news party campaign government administration intelligence police army navy court "
    "bank fund union institute foundation university association service services bureau "
    "network investigations "
    "organization organisation senate congress parliament pentagon reuters nato un eu press "
    "tribune herald telegraph guardian independent mail express examiner inc corp company group "
    "center centre coalition alliance board federation embassy cabinet assembly commission fbi "
    "cia nsa dhs doj gop dnc rnc cnn nbc abc cbs fox msnbc bbc ap afp politico axios breitbart "
    "poll media"
)
# Plural or document nouns that report for an organisation ("US intelligence
# assessments", "police officials"); stripped from the speaker name.
GROUP_NOUNS = _words(
    "officials assessments assessment report reports study analysis survey review investigation "
    "sources spokesmen authorities aides advisers leaders diplomats investigators prosecutors "
    "experts analysts critics supporters opponents residents voters protesters observers "
    "lawmakers democrats republicans others many some people team"
)
# Words that cannot start a name even when capitalised at sentence start.
NON_NAME_WORDS = _words(
    "the a an in on at but and or so if as when while after before then this that these those "
    "it its his her their our my your he she they we i you there here what why how who where "
    "asked speaking according yet however meanwhile also still later earlier last next today "
    "yesterday tonight monday tuesday wednesday thursday friday saturday sunday january "
    "february march april may june july august september october november december mr mrs ms dr "
    "for with from by to of not no now although though because since unless whether until once "
    "even everything nothing something anything editor editor’s editor's having unlike despite "
    "most many few several all both each every some such other earnings sales like"
)

# Verbs a sentence may open with before a name ("Said Ann Vole: …", "Say Norland refused …"),
# no part of the name; last in a phrase they stay a name ("Ann Said").
LEADING_VERBS = _words("said say says")

# Month names that are also surnames ("Petra May"), read as names after a first name.
SURNAME_MONTHS = frozenset({"may", "march", "june", "april", "august"})

# Words before a quote that mark a title, not a statement ("the film “…”").
TITLE_CUES = _words(
    "book novel film movie song album show series play poem article essay column headline "
    "titled entitled called dubbed nicknamed named slogan hashtag motto memoir documentary "
    "episode program programme campaign"
)

# Abbreviated US state names ("Richmond, Va."): never speakers; capitalised, they end
# no sentence (lower-case "ill." or "mass." still may).
PLACE_ABBREVIATIONS = _words(
    "ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont "
    "neb nev okla ore pa tenn tex va vt wash wis wyo n.c s.c n.y n.j n.h n.m n.d s.d w.va r.i "
    "d.c"
)

# Sentence-final abbreviations that do not end a sentence.
ABBREVIATIONS = _words(
    "mr mrs ms dr sen rep gov gen lt col sgt adm st jr sr prof pres amb atty vs v no jan feb "
    "mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m inc corp co ltd dept mt "
    "ft rev del hon capt maj cmdr supt msgr fr"
)



# Common first names and titles that tell a person's gender, so "he" and "she"
# resolve to the last man or woman mentioned.
MALE_NAMES = _words(
    "james john robert michael william david richard joseph thomas charles christopher daniel "
    "matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy "
    "ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin "
    "scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry "
    "tyler aaron jose adam nathan henry douglas zachary peter kyle walter ethan jeremy harold "
    "keith roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe "
    "billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent "
    "russell elijah louis bobby philip johnny mike bill tom jim bob ted ben chris dan tim "
    "steve jeff ron ed tony hank vladimir boris mohammed muhammad ahmed ali omar ivan petro "
    "jonas rob igor sergei dmitri hans pierre jean-pierre luis carlos miguel antonio"
)
FEMALE_NAMES = _words(
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty "
    "margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah "
    "stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda "
    "pamela nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth "
    "maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan "
    "evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa "
    "kathryn sara janice alice madison doris abigail julia judy grace denise amber marilyn "
    "beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose "
    "alexis kayla claire jane mara lena petra liz jill kirsten tammy dianne patty maxine "
    "debbie ana carmen sofia elena olga irina"
)
MALE_TITLES = frozenset(
    {"mr", "mr.", "congressman", "spokesman", "chairman", "king", "prince", "sir", "lord",
     "father", "businessman", "husband", "son", "brother"}
)
FEMALE_TITLES = frozenset(
    {"mrs", "mrs.", "ms", "ms.", "miss", "congresswoman", "spokeswoman", "chairwoman", "queen",
     "princess", "lady", "dame", "mother", "businesswoman", "wife", "daughter", "sister"}
)


# Sentence frames: words that tell what a verb or a name is doing there.

# Words before a name that make its verb a relative clause ("what Marsh says").
RELATIVE_LEADS = _words(
    "what how whom which where why as than whatever everything anything nothing something all"
)
# Verbs that open the rest of "which he said were at his side": the relative clause is
# what was said.
FINITE_AFTER_WHICH = _words("is was were are would will had has have could")
# Words before a past participle that make it passive ("was charged with").
PASSIVE_AUXILIARIES = _words("was were been be being is are get got")
# Adverbs that may sit inside a passive ("was once asked", "has been widely praised").
PASSIVE_ADVERBS = _words("once also never not often long since later")
# Subject pronouns before a present-tense verb ("he says.").
SUBJECT_PRONOUNS = _words("he she they we i it")
# Words right after a verb that show it does not report speech here ("called in").
NOT_REPORTING_AFTER = _words("to into off up back")
# Verbs whose "to" complement is still the statement ("urged X to", "promised to").
TO_VERBS = _words(
    "urge call_on promise vow pledge threaten tell say write add explain admit report respond "
    "reply complain confess testify ask demand decline refuse"
)
# Prepositions after "reports" that make it a byline or a noun ("reports for the Daily News").
BYLINE_PREPOSITIONS = _words("for from")
BYLINE_VERBS = frozenset({"report", "write"})  # "X reports for / writes for the Gazette"
# Words before a participle cue whose subject is the sentence's ("by telling them").
PARTICIPLE_LEADS = (" by", " after", " while", " before", " when", " in", " without", " quoted as",
                    " despite", " aside from")
# Words that may follow an inverted speaker phrase ("said Anna Marsh on Friday").
AFTER_SPEAKER = _words(
    "on in at during after before last this yesterday today tonight who of from to for "
    "earlier later recently when while told via"
)
# Time words that may stand between a speaker and the verb ("Marsh on Friday said").
TIME_WORDS = _words(
    "today yesterday tonight last night this week morning afternoon evening earlier later "
    "monday tuesday wednesday thursday friday saturday sunday on late early"
)
# Days a reporting verb may take straight after it, before its clause ("said Monday the …").
NAMED_DAYS = _words("monday tuesday wednesday thursday friday saturday sunday today yesterday")
# "went on to say", "took to Twitter to slam": a verb and a phrase before "to" and the cue.
GO_ON = _words("went goes go going")
TOOK = _words("took takes take taking")
# Verbs that take another verb with "to" between a speaker and the cue ("tried to argue").
CATENATIVES = _words(
    "tried try tries trying appeared appears seemed seems went wanted wants continued "
    "continues began begins sought seeks refused refuses declined declines attempted hoped "
    "expected yet"  # "has yet to explain why …"
    " quick careful eager keen"  # "was quick to point out that …"
)
# Negations and do-support that may stand between a speaker and the verb.
VERB_NEGATIONS = _words("not n’t never did does do")
# Auxiliaries fused with "n't" ("wouldn't say", "isn't saying"), curly apostrophe: they stand
# between a speaker and the verb as "would not" does.
NEGATED_AUXILIARIES = _words(
    "isn’t aren’t wasn’t weren’t doesn’t don’t didn’t hasn’t haven’t hadn’t won’t wouldn’t "
    "can’t couldn’t shouldn’t"
)
# Those of them that make an -ing form a finite verb ("isn't saying"), as "is" does.
NEGATED_BE = _words("isn’t aren’t wasn’t weren’t")
# Words that may precede a group noun in a group speaker ("senior police officials").
GROUP_MODIFIERS = _words(
    "new the some several senior top other police military intelligence campaign "
    "administration government state federal white house party"
)
# Words dropped from a group speaker's name ("several unnamed officials" -> "officials").
GROUP_FILLERS = _words("new the a an some several senior top other unnamed anonymous")
# Group nouns that are documents, not people; the name keeps the issuer only.
DOCUMENT_NOUNS = _words(
    "assessments assessment report reports study analysis survey review investigation"
)
# Nouns ending in "-ly" that are not adverbs.
LY_NOUNS = _words("family ally rally assembly daily weekly italy fly")
# Words after which a capitalised name still opens its clause.
CLAUSE_LEADS = _words("but and so then yet meanwhile still later")
# Lower-case particles inside a name ("Ursula von der Leyen", "Ali bin Saleh"): the one list.
NAME_PARTICLES = _words("de van von der den da di du del la le bin al ibn")
# Relative pronouns: an appositive opening with one describes, it gives no title.
RELATIVE_PRONOUNS = _words("who whom whose which that where when")
# Lower-case words that never sit inside a title ("adviser to the mayor" ends at "to").
NOT_IN_TITLE = _words(
    "a an the of to for at in on with from by and or but who which that said says told "
    "is was has had have be been not also then when while as he she they it his her their"
)
# Party words in a title ("Republican Sen."), kept out of the role.
PARTIES = _words("republican democratic democrat gop labour conservative liberal")

# Reported clauses: where they start and stop.

# Prepositions of place: a name after one ("voters in Gulltown", "Democrats on Harbour Hill")
# is where the speaker is, never the speaker.
LOCATIVES = _words("in on at from across near")
# Prepositions that tie a name to a common noun before it ("the side of X", "the staff of
# X"): such a name is no subject.
NOUN_PREPOSITIONS = _words("of on for with from")
# Prepositions that cannot open a reported clause ("wrote in an email", "reported from").
FRAME_PREPOSITIONS = _words("in from at during on via with into of")
# Prepositions after an opening participle that make it an occasion ("Writing for …").
PARTICIPLE_FRAMES = FRAME_PREPOSITIONS | _words("for to about as")
# Words opening a subordinate clause; a statement inside one ends at its comma.
SUBORDINATORS = _words(
    "when while although though if after before because since unless once whereas as"
)
# Words opening a time or place phrase between a verb and its "that".
# Words that open a new clause or a frame, not a noun's tail ("and left", "on Friday").
TAIL_STOPS = CLAUSE_LEADS | FRAME_PREPOSITIONS | SUBORDINATORS | _words("or if to for by")
PP_STARTS = _words(
    "on in at during after before last this earlier later today yesterday tonight monday "
    "tuesday wednesday thursday friday saturday sunday also repeatedly again recently "
    "privately publicly via through over for since"
)

# Stance: words counted for a critical or a supportive tone.
CRITICAL_WORDS = _words(
    "false lie lies lying liar threat threaten threatens subvert aggression aggressive invade "
    "invasion madness scaremongering wrong dangerous reckless disgrace disgraceful shameful "
    "fail failed failure corrupt illegal unacceptable condemn condemns attack attacks blame "
    "irresponsible outrageous ridiculous absurd terrible disaster disastrous sanctions crisis "
    "violate violation fraud rigged incompetent weak hypocrisy hypocritical deplorable "
    "deplorables scandal cost punish oppose against destroy abuse racist bad worst"
)
SUPPORTIVE_WORDS = _words(
    "support supports supported ready strong stand united unity praise welcome thank thanks "
    "grateful proud great good best success successful progress help partner ally allies "
    "friend friendship peace peaceful solidarity faith trust confident committed commend "
    "respect agree agreement win winning hope hopeful protect safe secure"
)
