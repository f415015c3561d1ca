"""Pick a sentence's reporting cue and the speaker phrase its word order points to."""

from app.extract import rules
from app.extract.cues import Cue, cues_in
from app.extract.phrases import Mention, is_role_part, tokens
from app.extract.segment import Sentence
from app.extract.speakers import (
    follows_conjunction,
    skippable,
    speaker_after,
    speaker_before,
)

# Words before a name that make its verb a relative clause ("what Marsh says").
_RELATIVES = frozenset({"what", "how", "whom", "which", "where", "why", "as", "than", "whatever",
                        "everything", "anything", "nothing", "something", "all"})
# Words before a past participle that make it passive ("was charged with").
_PASSIVE_AUX = frozenset({"was", "were", "been", "be", "being", "is", "are", "get", "got"})
# Adverbs that may sit inside a passive ("was once asked", "has been widely praised").
_ADVERBS = frozenset({"once", "also", "never", "not", "often", "long", "since", "later"})
# Subject pronouns before a present-tense verb ("he says.").
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
# Words right after a verb that show it does not report speech here ("called in").
_NOT_REPORTING_AFTER = frozenset({"to", "into", "off", "up", "back"})
# Verbs whose "to" complement is still the statement ("urged X to", "promised to").
_TO_VERBS = frozenset({"urge", "call_on", "promise", "vow", "pledge", "threaten", "tell",
                       "say", "write", "add", "explain", "admit", "report", "respond",
                       "reply", "complain", "confess", "testify", "ask", "demand"})
# Words before a participle cue whose subject is the sentence's ("by telling them").
_PARTICIPLE_LEADS = (" by", " after", " while", " before", " when", " in", " without")
# Words that may follow an inverted speaker phrase ("said Anna Marsh on Friday").
_AFTER_SPEAKER = frozenset({"on", "in", "at", "during", "after", "before", "last", "this",
                            "yesterday", "today", "tonight", "who", "of", "from", "to", "for",
                            "earlier", "later", "recently", "when", "while", "told", "via"})


def _find_speaker(masked: str, sent: Sentence, cue: Cue) -> Mention | None:
    """Find the speaker phrase of a cue, looking where its word order puts it."""
    if cue.kind == "according":
        comma = masked.find(",", cue.end, sent.end)
        inside = speaker_before(masked, cue.end, comma) if comma > 0 else None
        return inside or speaker_after(masked, cue.end, sent.end)
    before = masked[sent.start : cue.start].rstrip()
    if masked[cue.start : cue.end].endswith("ing") and not _progressive(before):
        lead = before.endswith(",") or before.lower().endswith(_PARTICIPLE_LEADS)
        return subject_of(masked, sent, cue.start) if lead else None
    if _passive(masked, sent, cue):
        return None
    if (before.endswith((",", "”", '"', "'")) or not before) and cue.lemma != "tell":
        found = speaker_after(masked, cue.end, sent.end)
        if found and (not before.endswith(",") or _ends_frame(masked, found.end, sent.end)):
            return found
    found = speaker_before(masked, sent.start, cue.start)
    if found is None and follows_conjunction(masked, sent.start, cue.start):
        found = subject_of(masked, sent, cue.start)
    if cue.kind == "finding" and (found is None or found.kind not in ("group", "org")):
        return None
    return found


def _progressive(before: str) -> bool:
    """Tell "X is saying" (a finite verb) from ", saying" (a participle)."""
    words = before.split()
    return bool(words) and words[-1].lower() in ("is", "are", "was", "were", "been", "be")


def _passive(masked: str, sent: Sentence, cue: Cue) -> bool:
    """Tell "was charged with" or "continued to" from a reporting use of the verb."""
    before = tokens(masked, max(sent.start, cue.start - 30), cue.start)
    after = tokens(masked, cue.end, min(sent.end, cue.end + 12))
    aux = [t.low for t in before[-3:] if not (t.low.endswith("ly") or t.low in _ADVERBS)]
    if aux and aux[-1] in _PASSIVE_AUX and masked[cue.end - 2 : cue.end] == "ed":
        return True
    if before and after and after[0].text in ",.;" and masked[cue.end - 1] == "s":
        prev = next((t for t in reversed(before) if not skippable(t)), before[0])
        return (prev.text.islower() and prev.low not in _PRONOUNS) or prev.low.endswith("’s")
    return bool(after) and after[0].low in _NOT_REPORTING_AFTER and cue.lemma not in _TO_VERBS


def _ends_frame(masked: str, pos: int, end: int) -> bool:
    """Tell whether an inverted speaker ("…, said the mayor") closes its clause."""
    toks = tokens(masked, pos, min(end, pos + 40))
    return not toks or not toks[0].text[:1].isalnum() or toks[0].low in _AFTER_SPEAKER


def subject_of(masked: str, sent: Sentence, limit: int) -> Mention | None:
    """Return the sentence subject, the speaker of a trailing ", saying ..." cue."""
    toks = tokens(masked, sent.start, limit)
    if toks and (toks[0].low in rules.NON_NAME_WORDS or toks[0].low.endswith(("ed", "ing"))):
        comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
        toks = toks[comma + 1 :] if comma is not None else toks
    lo = toks[0].start if toks else sent.start
    for k, tok in enumerate(toks):
        if tok.text[:1].islower() and k > 0 and not is_role_part(tok):
            return speaker_before(masked, lo, tok.start)
        if tok.low in rules.PERSON_PRONOUNS:
            return speaker_before(masked, lo, tok.end + 1)
    return None


def _embedded(masked: str, sent: Sentence, who: Mention) -> bool:
    """Tell "what Marsh says" (a relative clause) from a real attribution."""
    words = masked[sent.start : who.start].split()
    return bool(words) and words[-1].lower() in _RELATIVES


def speaker_of(masked: str, sent: Sentence, cue: Cue) -> Mention | None:
    """Return the speaker phrase of one cue, or None if it has none."""
    found = _find_speaker(masked, sent, cue)
    return None if found is None or _embedded(masked, sent, found) else found


def pick_cue(masked: str, sent: Sentence) -> tuple[Cue, Mention] | None:
    """Pick the outermost cue with a speaker, preferring verbs over "according to"."""
    found = [(c, m) for c in cues_in(masked, sent.start, sent.end)
             if (m := _find_speaker(masked, sent, c)) and not _embedded(masked, sent, m)]
    verbs = [p for p in found if p[0].kind != "according"]
    return (verbs or found)[0] if found else None

