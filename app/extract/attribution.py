"""Turn one sentence into claims: the statement span, its kind and speaker phrase."""

import re
from dataclasses import dataclass

from app.extract import rules
from app.extract.cues import Cue, cues_in
from app.extract.phrases import Mention, tokens
from app.extract.records import Kind
from app.extract.segment import Sentence, Span
from app.extract.speakers import speaker_after, speaker_before

_LEAD_IN = re.compile(r"^[\s—–\-(\[…]*$")
_TAIL = " \t.,;:!?"
_PP_STARTS = frozenset(
    [
        "on", "in", "at", "during", "after", "before", "last", "this", "earlier", "later",
        "today", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "also", "repeatedly", "again", "recently", "privately", "publicly",
    ]
)
_RELATIVES = frozenset({"what", "how", "whom", "which", "where", "why", "as", "than", "whatever"})
_HEAD_CONJ = re.compile(r"^(?:and|but|so|yet|or|that)\s+", re.I)
# Furthest a "that" may sit after the verb and still open its clause, in tokens.
MAX_THAT_GAP = 12
# Most tokens between a cue and a quote it introduces ("said on Friday, “...").
MAX_COMMA_GAP, MAX_COLON_GAP = 7, 14
# Longest tail after "CLAUSE, X said" that is still a place or time, not a clause.
MAX_TAIL = 8
# Fewest words an indirect statement needs to be worth a record.
MIN_INDIRECT_WORDS = 3


@dataclass(frozen=True)
class Claim:
    """A candidate statement before its speaker is resolved."""

    start: int
    end: int
    kind: Kind
    mention: Mention | None
    lemma: str | None
    sentence: Sentence


def _standalone(text: str, masked: str, sent: Sentence, q: Span, cue_end: int) -> bool:
    """Tell a quoted statement from a quoted fragment by what comes before it."""
    if q.single and len(text[q.start : q.end].split()) < 3:
        return False
    before = masked[sent.start : q.outer_start]
    if _LEAD_IN.match(before):
        return True
    stripped = before.rstrip()
    gap = len(tokens(masked, cue_end, q.outer_start))
    if stripped.endswith(":"):
        return q.outer_start >= cue_end and gap <= MAX_COLON_GAP
    return q.outer_start >= cue_end and stripped.endswith((",", "—")) and gap <= MAX_COMMA_GAP


def _find_speaker(masked: str, sent: Sentence, cue: Cue) -> Mention | None:
    """Find the speaker phrase of a cue, looking where its word order puts it."""
    if cue.kind == "according":
        return speaker_after(masked, cue.end, sent.end)
    before = masked[sent.start : cue.start].rstrip()
    if masked[cue.start : cue.end].endswith("ing"):
        return subject_of(masked, sent, cue.start) if before.endswith(",") else None
    if before.endswith((",", "”", '"', "'")) or not before:
        found = speaker_after(masked, cue.end, sent.end)
        if found:
            return found
    found = speaker_before(masked, sent.start, cue.start)
    if cue.kind == "finding" and (found is None or found.kind not in ("group", "org")):
        return None
    return found


def subject_of(masked: str, sent: Sentence, limit: int) -> Mention | None:
    """Return the sentence subject, the speaker of a trailing ", saying ..." cue."""
    toks = tokens(masked, sent.start, limit)
    for k, tok in enumerate(toks):
        if tok.text[:1].islower() and k > 0:
            return speaker_before(masked, sent.start, tok.start)
        if tok.low in rules.PERSON_PRONOUNS:
            return speaker_before(masked, sent.start, tok.end + 1)
    return None


def _embedded(masked: str, sent: Sentence, who: Mention) -> bool:
    """Tell "what Trump says" (a relative clause) from a real attribution."""
    words = masked[sent.start : who.start].split()
    return bool(words) and words[-1].lower() in _RELATIVES


def _pick_cue(masked: str, sent: Sentence) -> tuple[Cue, Mention] | None:
    """Pick the outermost cue with a speaker, preferring verbs over "according to"."""
    found = [(c, m) for c in cues_in(masked, sent.start, sent.end)
             if (m := _find_speaker(masked, sent, c)) and not _embedded(masked, sent, m)]
    verbs = [p for p in found if p[0].kind != "according"]
    return (verbs or found)[0] if found else None


def claims_in(text: str, masked: str, sent: Sentence) -> list[Claim]:
    """Return the statements of one sentence, with the speaker phrase when it has one."""
    picked = _pick_cue(masked, sent)
    cue, mention = picked if picked else (None, None)
    cue_end = cue.end if cue else sent.end
    direct = [q for q in sent.quotes if _standalone(text, masked, sent, q, cue_end)]
    if direct:
        return [Claim(q.start, q.end, "direct", mention, cue.lemma if cue else None, sent)
                for q in direct]
    if cue is None or mention is None:
        return []
    return _reported(text, masked, sent, cue, mention)


def _reported(text: str, masked: str, sent: Sentence, cue: Cue, who: Mention) -> list[Claim]:
    """Return the reported-speech claim (or quoted fragments) a cue introduces."""
    if cue.kind == "object" or _takes_object(masked, cue, sent.end):
        frags = [q for q in sent.quotes if q.start > cue.end and not _is_title(masked, q)]
        if frags:
            return [Claim(frags[0].start, frags[-1].end, "mixed", who, cue.lemma, sent)]
        if cue.lemma not in rules.APPEAL_VERBS:
            return []
    out = []
    for a, b in _contents(text, masked, sent, cue, who):
        if len(text[a:b].split()) >= MIN_INDIRECT_WORDS:
            mixed = any(a <= q.start < b for q in sent.quotes)
            out.append(Claim(a, b, "mixed" if mixed else "indirect", who, cue.lemma, sent))
    return out


def _contents(
    text: str, masked: str, sent: Sentence, cue: Cue, who: Mention
) -> list[tuple[int, int]]:
    """Return the reported spans; "A, she said, B" gives both A and B."""
    frame = masked[cue.end : sent.end]
    if who.end <= cue.start and frame.lstrip().startswith(",") and who.start > sent.start:
        comma = masked.index(",", cue.end)
        spans = [_trim(text, sent.start, who.start), _trim(text, comma + 1, sent.end)]
    else:
        spans = [_content(text, masked, sent, cue, who)]
    return [s for s in spans if s is not None]


def _takes_object(masked: str, cue: Cue, end: int) -> bool:
    """Tell whether a speech verb is used with a prepositional object ("warned against")."""
    toks = tokens(masked, cue.end, end)
    return bool(toks) and toks[0].low in rules.OBJECT_PREPOSITIONS


def _content(
    text: str, masked: str, sent: Sentence, cue: Cue, who: Mention
) -> tuple[int, int] | None:
    """Find the reported clause: after the verb, or before an end-placed attribution."""
    speaker_first = who.end <= cue.start
    if cue.kind == "according" and masked[cue.end : who.start].strip() in ("", "the"):
        if _LEAD_IN.match(masked[sent.start : cue.start]):
            comma = masked.find(",", who.end, sent.end)
            return _trim(text, comma + 1, sent.end) if comma > 0 else None
        return _trim(text, sent.start, cue.start)
    if not speaker_first:
        return _trim(text, sent.start, min(cue.start, who.start))
    after = _clause_start(masked, cue, sent.end)
    tail = text[after:sent.end].strip(_TAIL)
    if not tail or _reported_before(masked, sent, who, after):
        return _trim(text, sent.start, who.start)
    if cue.lemma in rules.APPEAL_VERBS:
        after = cue.end
    return _trim(text, after, _clause_end(masked, after, sent.end))


def _reported_before(masked: str, sent: Sentence, who: Mention, after: int) -> bool:
    """Tell "CLAUSE, X said in an interview." from "X said the plan works."."""
    head = masked[sent.start : who.start].rstrip()
    if not head.endswith(",") or len(head.split()) < MIN_INDIRECT_WORDS:
        return False
    toks = tokens(masked, after, sent.end)
    return len(toks) <= MAX_TAIL and (not toks or toks[0].low in _PP_STARTS | {"to", "via"})


def _clause_start(masked: str, cue: Cue, end: int) -> int:
    """Skip an object, a time or place phrase and "that" after the verb."""
    toks = tokens(masked, cue.end, end)
    for k, tok in enumerate(toks[:MAX_THAT_GAP]):
        if tok.text in (",", "“", '"', ":") or tok.text == "_":
            break
        if tok.low == "that" and (k == 0 or toks[0].low in _PP_STARTS
                                  or cue.lemma in rules.OBJECT_BEFORE_CLAUSE):
            return tok.end
    if toks and cue.lemma in rules.OBJECT_BEFORE_CLAUSE and len(toks) > 1:
        skip = 2 if toks[0].low in ("the", "a") else 1
        return toks[min(skip, len(toks) - 1)].start
    return cue.end


def _clause_end(masked: str, start: int, end: int) -> int:
    """End the clause before a trailing ", according to ..." attribution."""
    at = masked.find(", according to", start, end)
    return at if at >= 0 else end


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    """Trim spaces, sentence punctuation and a leading conjunction from a span."""
    while a < b and text[a].isspace():
        a += 1
    m = _HEAD_CONJ.match(text, a, b)
    if m:
        a = m.end()
    while b > a and text[b - 1] in _TAIL:
        b -= 1
    return (a, b) if b > a else None


def _is_title(masked: str, q: Span) -> bool:
    """Tell whether a quote names a work ("the film “…”") rather than words said."""
    words = masked[max(0, q.outer_start - 30) : q.outer_start].lower().split()
    return bool(words) and words[-1].strip(",:") in rules.TITLE_CUES
