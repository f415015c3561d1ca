"""Rule data on who speaks: pronouns, titles and roles, honorifics, countries and demonyms,
organisations and groups, words that are never names, first names that tell gender."""

from app.extract.rules import words_of

# A pronoun fused with "is" ("He’s claiming that …"): the subject of a progressive cue.
PRONOUN_IS = frozenset({"he’s", "she’s"})
# Pronouns that resolve to the last salient person (or group for "they").
PERSON_PRONOUNS = frozenset({"he", "she"})
GROUP_PRONOUNS = frozenset({"they", "we"})

# Words that head a role or title ("foreign minister", "Sen."); capitalised
# ones are formal titles before a name.
TITLE_HEADS = words_of(
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
TITLE_MODIFIERS = words_of(
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
CAPITALISED_HEADS = words_of(
    "president minister secretary mayor governor senator commissioner chancellor ambassador "
    "general director chairman chairwoman speaker premier judge justice prosecutor"
)
# Capitalised titles that end a role inside a capitalised run, a name after them
# ("Gullshire Gov. Ann Vole", "Harbour Board CEO Tom Quill").
INNER_TITLES = CAPITALISED_HEADS | words_of("ceo chairwoman commissioner representative")
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
ORG_HEADS = words_of(
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
GROUP_NOUNS = words_of(
    "officials assessments assessment report reports study analysis survey review investigation "
    "sources spokesmen authorities aides advisers leaders diplomats investigators prosecutors "
    "experts analysts critics supporters opponents residents voters protesters observers "
    "lawmakers democrats republicans others many some people team"
)
# Words that cannot start a name even when capitalised at sentence start.
NON_NAME_WORDS = words_of(
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
LEADING_VERBS = words_of("said say says")

# Month names that are also surnames ("Petra May"), read as names after a first name.
SURNAME_MONTHS = frozenset({"may", "march", "june", "april", "august"})

# Words before a quote that mark a title, not a statement ("the film “…”").
TITLE_CUES = words_of(
    "book novel film movie song album show series play poem article essay column headline "
    "titled entitled called dubbed nicknamed named slogan hashtag motto memoir documentary "
    "episode program programme campaign"
)

# Abbreviated US state names ("Richmond, Va."): never speakers; capitalised, they end
# no sentence (lower-case "ill." or "mass." still may).
PLACE_ABBREVIATIONS = words_of(
    "ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont "
    "neb nev okla ore pa tenn tex va vt wash wis wyo n.c s.c n.y n.j n.h n.m n.d s.d w.va r.i "
    "d.c"
)

# Sentence-final abbreviations that do not end a sentence.
ABBREVIATIONS = words_of(
    "mr mrs ms dr sen rep gov gen lt col sgt adm st jr sr prof pres amb atty vs v no jan feb "
    "mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m inc corp co ltd dept mt "
    "ft rev del hon capt maj cmdr supt msgr fr"
)



# Common first names and titles that tell a person's gender, so "he" and "she"
# resolve to the last man or woman mentioned.
MALE_NAMES = words_of(
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
FEMALE_NAMES = words_of(
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
