"""Turn one sentence into claims: the statement span, its kind and speaker phrase."""

import re
from dataclasses import dataclass

from app.extract import rules
from app.extract.clauses import TAIL, clause_break, clause_start, reported_before, trim
from app.extract.cues import Cue, cues_in
from app.extract.phrases import Mention, tokens
from app.extract.records import Kind
from app.extract.segment import Sentence, Span
from app.extract.speakers import follows_conjunction, speaker_after, speaker_before

_LEAD_IN = re.compile(r"^[\s—–\-(\[…]*$")
_RELATIVES = frozenset({"what", "how", "whom", "which", "where", "why", "as", "than", "whatever",
                        "everything", "anything", "nothing", "something", "all"})
# Words before a past participle that make it passive ("was charged with").
_PASSIVE_AUX = frozenset({"was", "were", "been", "be", "being", "is", "are", "get", "got"})
# Words right after a verb that show it does not report speech here ("called in").
_NOT_REPORTING_AFTER = frozenset({"to", "in", "into", "off", "up", "from", "back"})
# Verbs whose "to" complement is still the statement ("urged X to", "promised to").
_TO_VERBS = frozenset({"urge", "call_on", "promise", "vow", "pledge", "threaten", "tell",
                       "say", "write", "add", "explain", "admit", "report", "respond",
                       "reply", "complain", "confess", "testify", "ask", "demand"})
# Words that may follow an inverted speaker phrase ("said Anna Marsh on Friday").
_AFTER_SPEAKER = frozenset({"on", "in", "at", "during", "after", "before", "last", "this",
                            "yesterday", "today", "tonight", "who", "of", "from", "to",
                            "earlier", "later", "recently", "when", "while", "told", "via"})
# Most tokens between a cue and a quote it introduces ("said on Friday, “...").
MAX_COMMA_GAP, MAX_COLON_GAP = 7, 14
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
    if _passive(masked, sent, cue):
        return None
    if before.endswith((",", "”", '"', "'")) or not before:
        found = speaker_after(masked, cue.end, sent.end)
        if found and _ends_frame(masked, found.end, sent.end):
            return found
    found = speaker_before(masked, sent.start, cue.start)
    if found is None and follows_conjunction(masked, sent.start, cue.start):
        found = subject_of(masked, sent, cue.start)
    if cue.kind == "finding" and (found is None or found.kind not in ("group", "org")):
        return None
    return found


def _passive(masked: str, sent: Sentence, cue: Cue) -> bool:
    """Tell "was charged with" or "continued to" from a reporting use of the verb."""
    before = tokens(masked, max(sent.start, cue.start - 12), cue.start)
    after = tokens(masked, cue.end, min(sent.end, cue.end + 12))
    if before and before[-1].low in _PASSIVE_AUX and masked[cue.end - 2 : cue.end] == "ed":
        return True
    return bool(after) and after[0].low in _NOT_REPORTING_AFTER and cue.lemma not in _TO_VERBS


def _ends_frame(masked: str, pos: int, end: int) -> bool:
    """Tell whether an inverted speaker ("…, said the mayor") closes its clause."""
    toks = tokens(masked, pos, end)
    return not toks or not toks[0].text[:1].isalnum() or toks[0].low in _AFTER_SPEAKER


def subject_of(masked: str, sent: Sentence, limit: int) -> Mention | None:
    """Return the sentence subject, the speaker of a trailing ", saying ..." cue."""
    toks = tokens(masked, sent.start, limit)
    if toks and (toks[0].low in rules.NON_NAME_WORDS or toks[0].low.endswith(("ed", "ing"))):
        comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
        toks = toks[comma + 1 :] if comma is not None else toks
    lo = toks[0].start if toks else sent.start
    for k, tok in enumerate(toks):
        if tok.text[:1].islower() and k > 0:
            return speaker_before(masked, lo, tok.start)
        if tok.low in rules.PERSON_PRONOUNS:
            return speaker_before(masked, lo, tok.end + 1)
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
        lemma = cue.lemma if cue else None
        return [Claim(q.start, q.end, "direct", mention, lemma, sent) for q in direct] + (
            follow_ups(text, masked, sent, max(cue_end, direct[-1].outer_end), mention))
    if cue is None or mention is None:
        return []
    return _reported(text, masked, sent, cue, mention)


def _reported(text: str, masked: str, sent: Sentence, cue: Cue, who: Mention) -> list[Claim]:
    """Return the reported-speech claims a cue introduces, following chained verbs."""
    if cue.kind == "object" or _takes_object(masked, cue, sent.end):
        frags = [q for q in sent.quotes if q.start > cue.end and not _is_title(masked, q)]
        if frags:
            return [Claim(frags[0].start, frags[-1].end, "mixed", who, cue.lemma, sent)]
    out = []
    for a, b, lemma in _contents(text, masked, sent, cue, who):
        if len(text[a:b].split()) >= MIN_INDIRECT_WORDS:
            mixed = any(a <= q.start < b for q in sent.quotes)
            out.append(Claim(a, b, "mixed" if mixed else "indirect", who, lemma, sent))
    return out


def _contents(
    text: str, masked: str, sent: Sentence, cue: Cue, who: Mention
) -> list[tuple[int, int, str]]:
    """Return the reported spans; "A, she said, B" gives both A and B."""
    frame = masked[cue.end : sent.end]
    if who.end <= cue.start and frame.lstrip().startswith(",") and who.start > sent.start:
        comma = masked.index(",", cue.end)
        spans = [trim(text, sent.start, who.start), trim(text, comma + 1, sent.end)]
        return [(*s, cue.lemma) for s in spans if s is not None]
    return _chain(text, masked, sent, cue, who)


def _chain(
    text: str, masked: str, sent: Sentence, cue: Cue | None, who: Mention
) -> list[tuple[int, int, str]]:
    """Follow "X said A and warned B, adding C": one span per reporting verb."""
    out = []
    while cue is not None:
        found = _content(text, masked, sent, cue, who)
        nxt = None
        if found is not None:
            (a, b), nxt = found
            out.append((a, b, cue.lemma))
        cue = next((c for c in cues_in(masked, nxt, sent.end) if c.start == nxt), None
                   ) if nxt is not None else None
    return out


def follow_ups(text: str, masked: str, sent: Sentence, after: int, who: Mention | None
               ) -> list[Claim]:
    """Return the reported clauses after a direct quote ("…,” he said, adding that …)."""
    for c in cues_in(masked, after, sent.end):
        lead = masked[after : c.start].rstrip()
        if c.kind != "according" and lead.endswith((",", " and")):
            spans = _chain(text, masked, sent, c, who or Mention(c.start, c.start, "", "name"))
            return [Claim(a, b, "indirect", who, lemma, sent) for a, b, lemma in spans
                    if len(text[a:b].split()) >= MIN_INDIRECT_WORDS]
    return []


def _takes_object(masked: str, cue: Cue, end: int) -> bool:
    """Tell whether a speech verb is used with a prepositional object ("warned against")."""
    toks = tokens(masked, cue.end, end)
    return bool(toks) and toks[0].low in rules.OBJECT_PREPOSITIONS


def _content(
    text: str, masked: str, sent: Sentence, cue: Cue, who: Mention
) -> tuple[tuple[int, int], int | None] | None:
    """Find the reported clause: after the verb, or before an end-placed attribution."""
    if cue.kind == "according" and masked[cue.end : who.start].strip() in ("", "the"):
        if _LEAD_IN.match(masked[sent.start : cue.start]):
            comma = masked.find(",", who.end, sent.end)
            return _ended(text, masked, comma + 1, sent.end) if comma > 0 else None
        return _plain(trim(text, sent.start, cue.start))
    if who.end > cue.start:
        return _plain(trim(text, sent.start, min(cue.start, who.start)))
    after = clause_start(masked, cue.end, cue.lemma, sent.end)
    tail = text[after:sent.end].strip(TAIL)
    if not tail or reported_before(masked, sent.start, who.start, after, sent.end):
        return _plain(trim(text, sent.start, who.start))
    if cue.lemma in rules.APPEAL_VERBS:
        after = cue.end
    return _ended(text, masked, after, sent.end)


def _ended(text: str, masked: str, a: int, b: int) -> tuple[tuple[int, int], int | None] | None:
    """Cut a clause at its first break, returning the span and any next verb."""
    end, nxt = clause_break(masked, a, b)
    span = trim(text, a, end)
    return (span, nxt) if span else None


def _plain(span: tuple[int, int] | None) -> tuple[tuple[int, int], int | None] | None:
    """Wrap a span that no further verb follows."""
    return (span, None) if span else None


def _is_title(masked: str, q: Span) -> bool:
    """Tell whether a quote names a work ("the film “…”") rather than words said."""
    words = masked[max(0, q.outer_start - 30) : q.outer_start].lower().split()
    return bool(words) and words[-1].strip(",:") in rules.TITLE_CUES
