"""Pick a sentence's reporting cue and the speaker phrase its word order points to."""

import re
from dataclasses import replace

from app.extract import frame_rules, name_rules, rules
from app.extract.appositives import appositive_after
from app.extract.cues import Cue, cues_in
from app.extract.phrases import Mention, Token, is_role_part, tokens
from app.extract.segment import Sentence
from app.extract.speakers import (
    PARTY_SEAT,
    follows_conjunction,
    skippable,
    speaker_after,
    speaker_before,
)


def _find_speaker(masked: str, sent: Sentence, cue: Cue) -> Mention | None:
    """Find the speaker phrase of a cue, looking where its word order puts it."""
    if cue.kind == "according":
        source = _document_source(masked, cue.end, sent.end)
        if source is not None:
            return source
        comma = masked.find(",", cue.end, sent.end)
        inside = speaker_before(masked, cue.end, comma) if comma > 0 else None
        if inside is not None and inside.kind == "name" and not inside.role:
            _, role, country = appositive_after(masked, comma, sent.end)
            inside = replace(inside, role=role, country=inside.country or country)
        return inside or speaker_after(masked, cue.end, sent.end)
    before = masked[sent.start : cue.start].rstrip()
    if before == "As":
        return _as_source(masked, sent, cue)
    if masked[cue.start : cue.end].endswith("ing") and not _progressive(before):
        lead = before.endswith(",") or before.lower().endswith(frame_rules.PARTICIPLE_LEADS) or (
            _after_speech_noun(before))
        return subject_of(masked, sent, cue.start) if lead else _recorded(masked, sent, cue)
    if _passive(masked, sent, cue):
        return None
    inverted = before.endswith(("”", '"', "'")) or not before or (
        before.endswith(",") and cue.kind != "object")  # "X, a rival, urged Y to …"
    if inverted and cue.lemma != "tell":
        found = speaker_after(masked, cue.end, sent.end)
        if found and (not before.endswith(",") or _ends_frame(masked, found.end, sent.end)):
            return found
    found = speaker_before(masked, sent.start, cue.start)
    if found is None and follows_conjunction(masked, sent.start, cue.start):
        found = subject_of(masked, sent, cue.start)
    if found is None:
        found = _author(masked, sent, cue)
    elif found.kind in ("name", "org") and _in_object_phrase(masked, sent, found):
        return None  # "anyone on the business side of TV is arguing": TV is no speaker
    if cue.kind == "finding" and (found is None or found.kind not in ("group", "org")):
        return None
    return found


def _document_source(masked: str, pos: int, end: int) -> Mention | None:
    """Return X of "according to a speech X gave" or "… a statement from X": the words are
    the named author's, the document only carries them."""
    m = _DOCUMENT_AFTER.match(masked, pos, end)
    if m is None:
        return None
    found = speaker_after(masked, m.end(), end)
    if found is None or found.kind not in ("name", "org", "description"):
        return None
    return found if not masked[m.end() : found.start].strip() else None


def _as_source(masked: str, sent: Sentence, cue: Cue) -> Mention | None:
    """Return X of a sentence-initial "As noted by X," or "As stated in X's letter,"."""
    m = _AS_SOURCE.match(masked, cue.end, sent.end)
    if m is None:
        return None
    found = speaker_before(masked, m.start("who"), m.end("who"))
    return found if found and found.kind == "name" and found.start == m.start("who") else None


def _in_object_phrase(masked: str, sent: Sentence, found: Mention) -> bool:
    """Tell a name governed by a preposition after a common noun ("the side of TV") from a
    subject; a title before "of" ("the mayor of X") is read elsewhere."""
    words = masked[sent.start : found.start].split()[-2:]
    return len(words) == 2 and words[1] in frame_rules.NOUN_PREPOSITIONS and (
        words[0].isalpha() and words[0].islower() and words[0] not in name_rules.TITLE_HEADS)


def _author(masked: str, sent: Sentence, cue: Cue) -> Mention | None:
    """Return X of "X's letter said …": a document speaks for its named author."""
    m = _AUTHORED.search(masked, sent.start, cue.start)
    if m is None:
        return None
    found = speaker_before(masked, sent.start, m.start())
    return found if found and found.kind == "name" and found.end == m.start() else None


def _recorded(masked: str, sent: Sentence, cue: Cue) -> Mention | None:
    """Return X of "footage of X saying …": a recording shows its speaker talking."""
    found = speaker_before(masked, sent.start, cue.start)
    if found is None or found.kind != "name":
        return None
    words = masked[max(sent.start, found.start - 30) : found.start].lower().split()
    return found if words[-2:-1] and words[-1] == "of" and (
        words[-2] in rules.RECORDING_NOUNS) else None


def _progressive(before: str) -> bool:
    """Tell "X is saying" (a finite verb) from ", saying" (a participle)."""
    words = before.split()
    last = words[-1].lower().replace("'", "’") if words else ""
    return last in ("is", "are", "was", "were", "been", "be") or (
        last in name_rules.PRONOUN_IS or last in frame_rules.NEGATED_BE)


def _after_speech_noun(before: str) -> bool:
    """Tell "a series of posts early Friday saying": the participle tells what they said."""
    words = [w.lower().strip(",") for w in before.split()[-SPEECH_NOUN_REACH:]]
    return any(w in rules.SPEECH_NOUNS for w in words)


def _passive(masked: str, sent: Sentence, cue: Cue) -> bool:
    """Tell "was charged with" or "continued to" from a reporting use of the verb."""
    before = tokens(masked, max(sent.start, cue.start - 30), cue.start)
    after = tokens(masked, cue.end, min(sent.end, cue.end + 12))
    aux = [t.low for t in before[-3:]
           if not (t.low.endswith("ly") or t.low in frame_rules.PASSIVE_ADVERBS)]
    passive_aux = frame_rules.PASSIVE_AUXILIARIES | frame_rules.NEGATED_BE  # "isn't repeated"
    if aux and aux[-1].replace("'", "’") in passive_aux and masked[cue.end - 2 : cue.end] == "ed":
        return True
    if aux and aux[-1].replace("'", "’") == "who’s" and after and (
            after[0].low in ("as", "by") or after[0].text in "“\"‘'"):
        return True  # "who’s called “the iron lady”": "’s" is "is"; "who’s called for" has
    if masked[cue.end - 1] == "s" and _owned_noun(before) and not (
            after and after[0].low == "that"):
        return True  # "Pagliano's Fifth Amendment claims": a noun the possessive owns
    if before and after and after[0].text in ",.;" and masked[cue.end - 1] == "s":
        prev = next((t for t in reversed(before) if not skippable(t)), before[0])
        lower = prev.text.islower() and prev.low not in frame_rules.SUBJECT_PRONOUNS
        return lower or prev.low.endswith("’s")
    if after and cue.lemma in frame_rules.BYLINE_VERBS and (
            after[0].low in frame_rules.BYLINE_PREPOSITIONS):
        return True
    return bool(after) and after[0].low in frame_rules.NOT_REPORTING_AFTER and (
        cue.lemma not in frame_rules.TO_VERBS)


def _owned_noun(before: list[Token]) -> bool:
    """Tell whether the words before a cue are "NAME's Capitalised …", so the cue's -s form
    is a plural noun after them, not a verb."""
    k = len(before) - 1
    while k >= 0 and before[k].text[:1].isupper() and not before[k].low.endswith(("'s", "’s")):
        k -= 1
    return 0 <= k < len(before) - 1 and before[k].low.endswith(("'s", "’s"))


def _ends_frame(masked: str, pos: int, end: int) -> bool:
    """Tell whether an inverted speaker ("…, said the mayor") closes its clause."""
    toks = tokens(masked, pos, min(end, pos + 40))
    return not toks or not toks[0].text[:1].isalnum() or toks[0].low in frame_rules.AFTER_SPEAKER


def subject_of(masked: str, sent: Sentence, limit: int) -> Mention | None:
    """Return the sentence subject, the speaker of a trailing ", saying ..." cue."""
    toks = _past_openers(tokens(masked, sent.start, limit))
    lo = toks[0].start if toks else sent.start
    for k, tok in enumerate(toks):
        if tok.text[:1].islower() and k > 0 and not is_role_part(tok):
            return speaker_before(masked, lo, tok.start)
        if tok.low in name_rules.PERSON_PRONOUNS:
            return speaker_before(masked, lo, tok.end + 1)
    return None


def _past_openers(toks: list[Token]) -> list[Token]:
    """Skip the phrases that open a sentence before its subject ("Chastened by the figures,
    as well as the costs, X …"): each runs to a comma and starts with no name."""
    while toks:
        lead = toks[0].low
        if lead in frame_rules.CLAUSE_LEADS and len(toks) > 1:
            toks = toks[1:]  # "But Tom Quill disagreed, saying …": the conjunction opens no phrase
            continue
        if lead in name_rules.PERSON_PRONOUNS or not (
                lead in name_rules.NON_NAME_WORDS or lead.endswith(("ed", "ing"))):
            break
        comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
        if comma is None:
            break
        if PARTY_SEAT.fullmatch(toks[comma + 1].text if comma + 1 < len(toks) else ""):
            break  # "such as Sen. Rob Fenn, R-Tenn., …": a seat is no subject
        toks = toks[comma + 1 :]
    return toks


def _embedded(masked: str, sent: Sentence, who: Mention, cue: Cue) -> bool:
    """Tell "what Marsh says" (a relative clause) from a real attribution; "which he said
    were at his side" attributes the rest of the relative clause."""
    words = masked[sent.start : who.start].split()
    if not words or words[-1].lower() not in frame_rules.RELATIVE_LEADS or words == ["As"] or (
            [w.lower() for w in words[-2:]] == ["such", "as"]):  # "Others, such as X, said"
        return False
    nxt = masked[cue.end : cue.end + 12].split()[:1]
    return not (words[-1].lower() == "which" and nxt and nxt[0] in frame_rules.FINITE_AFTER_WHICH)


def speaker_of(masked: str, sent: Sentence, cue: Cue) -> Mention | None:
    """Return the speaker phrase of one cue, or None if it has none."""
    found = _find_speaker(masked, sent, cue)
    return None if found is None or _embedded(masked, sent, found, cue) else found


def pick_cue(masked: str, sent: Sentence) -> tuple[Cue, Mention] | None:
    """Pick the outermost cue with a speaker, preferring verbs over "according to"."""
    found = [(c, m) for c in cues_in(masked, sent.start, sent.end)
             if (m := _find_speaker(masked, sent, c)) and not _embedded(masked, sent, m, c)]
    verbs = [p for p in found if p[0].kind != "according"]
    return (verbs or found)[0] if found else None



# "’s letter " right before a cue ("Ann Vole’s court brief said"): the author speaks.
_AUTHORED = re.compile(r"[’']s\s+(?:[a-z]+\s+)?(?:" + "|".join(sorted(rules.AUTHORED_NOUNS))
                       + r")\s+(?:(?:also|had|has|later)\s+)?$")
# "according to a speech", "… a statement released by", "… a letter from": a document
# that carries its author's words, the author named next.
_DOCUMENT_AFTER = re.compile(
    r"\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}?(?:"
    + "|".join(sorted(rules.SPEECH_NOUNS | rules.AUTHORED_NOUNS | rules.SPOKEN_OCCASIONS))
    + r")\s+(?:(?:released|issued|posted|published|sent|given|made|delivered)\s+)?"
    r"(?:(?:by|from)\s+)?(?=[A-Z]|the\s)")
# After "As noted" / "As stated": "by X," or "in X's letter,".
_AS_SOURCE = re.compile(
    r"\s+(?:by\s+(?P<by>)|in\s+)(?P<who>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3}?)"
    r"(?:(?(by)|[’']s?\s+(?:[a-z-]+\s+){0,2}?[a-z-]+))\s*,")
# Most words between a speech noun and the participle that gives its content.
SPEECH_NOUN_REACH = 4
# Most words before a subordinate clause's speaker ("Back when he wrote …").
MAX_SUBORDINATE_LEAD = 3


def main_clause(masked: str, sent: Sentence, cue: Cue, who: Mention) -> Sentence | None:
    """Return the main clause after "When X noted that A, Y said B", or None.

    A cue inside a leading subordinate clause gives way to the main clause's own
    attribution, which starts at its speaker after a comma or a dash.
    """
    lead = [w.lower() for w in masked[sent.start : who.start].split()]
    if not lead or len(lead) > MAX_SUBORDINATE_LEAD or not any(
            w in frame_rules.SUBORDINATORS for w in lead):
        return None
    for later in cues_in(masked, cue.end, sent.end):
        found = _find_speaker(masked, sent, later) if later.kind != "according" else None
        between = masked[cue.end : found.start] if found else ""
        if found and found.end <= later.start and any(m in between for m in ",—–―"):
            held = tuple(q for q in sent.quotes if q.start >= found.start)
            return replace(sent, start=found.start, quotes=held)
    return None


# What may stand between one attribution's words and a second clause with its own
# speaker: a comma or semicolon and a coordinator ("…, and Ann Vole said B", "…; Quill said B").
_COORDINATION = re.compile(
    r"[\s”\"’']*(?:[,;][\s”\"’']*(?:and|but|while|whereas|yet|when)?|(?:and|but|while))\s*$")

# A relative pronoun after a statement's object, then a speaker of its own.
_RELATIVE = re.compile(r"[\s”\"’']*,\s*(?:which|who|whom)\s+$")


def next_clause(masked: str, sent: Sentence, after: int) -> Sentence | None:
    """Return the coordinated clause after a statement that names its own speaker ("X said A,
    and Ann Vole said B" gives "Ann Vole said B"; "X attacked A, which he said B" gives "he
    said B"), or None."""
    for later in cues_in(masked, after, sent.end):
        if later.kind == "according":
            continue
        found = _find_speaker(masked, sent, later)
        if found is None or not (after <= found.start and found.end <= later.start):
            return None
        relative = _RELATIVE.fullmatch(masked, after, found.start)
        if found.kind not in ("name", "description") and not (relative and found.kind == (
                "pronoun")):  # "…, which he said were set by a cartel": the object's own clause
            return None
        if not relative and not _COORDINATION.fullmatch(masked, after, found.start):
            return None
        held = tuple(q for q in sent.quotes if q.start >= found.start)
        return replace(sent, start=found.start, quotes=held)
    return None

