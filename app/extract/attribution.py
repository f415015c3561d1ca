"""Turn one sentence into claims: pick its cue and speaker, then hand the words to the
readers of quotes (quoted.py) and of reported speech (reported.py)."""

import re

from app.extract import frame_rules
from app.extract.claim import MIN_INDIRECT_WORDS, Claim, kind_of
from app.extract.clauses import clause_start, trim
from app.extract.cues import Cue, cues_in, opening_participle
from app.extract.framing import main_clause, next_clause, pick_cue, speaker_of
from app.extract.owned import owned_claim
from app.extract.phrases import Mention
from app.extract.quoted import heading, named_thing, standalone, uncued_speaker
from app.extract.reported import WHO_AFTER, contents, follow_ups, reported
from app.extract.segment import Sentence, Span

# Where a leading subordinate clause ends: its first comma or dash.
_SUBORDINATE_END = re.compile(r",|\s*(?:--|—|–|―)")


def claims_in(text: str, masked: str, sent: Sentence) -> list[Claim]:
    """Return the statements of one sentence, with the speaker phrase when it has one."""
    picked = pick_cue(masked, sent)
    owned = owned_claim(text, masked, sent) if picked is None else None
    if owned is not None:  # "Tom Quill's claim that A"
        return [Claim(owned[0], owned[1], kind_of(sent, *owned[:2]), owned[2], "say", sent)]
    cue, mention = picked if picked else (None, None)
    cue_end = cue.end if cue else sent.end
    direct = [q for q in sent.quotes if standalone(text, masked, sent, q, cue_end)]
    if cue is None and direct:
        mention = uncued_speaker(text, masked, sent, direct[0])
    if cue is None and mention is None:
        direct = [q for q in direct if not named_thing(text, masked, sent, q) and not (
            heading(text, sent, q))]
    if cue is None or mention is None:
        return _direct_claims(text, masked, sent, direct, cue, mention) if direct else []
    main = main_clause(masked, sent, cue, mention)
    if main is not None:
        return _subordinate(text, masked, sent, cue, mention, main.start) + (
            claims_in(text, masked, main))
    out = _opening_participle(text, masked, sent, cue, mention) + (
        _claims_of(text, masked, sent, cue, mention, direct)) + (
        _after_relative(text, masked, sent, cue, mention))
    last = max((c.end for c in out), default=0)
    second = next_clause(masked, sent, last) if last > max(cue.end, mention.end) else None
    return out + (claims_in(text, masked, second) if second else [])


def _claims_of(text: str, masked: str, sent: Sentence, cue: Cue, mention: Mention,
               direct: list[Span]) -> list[Claim]:
    """Return the claims of the picked cue: quotes first, else reported clauses."""
    late = _late_cue(masked, sent, cue)
    if direct and not (late and mention.end <= cue.start and late.end <= direct[0].outer_start):
        return _words_before(text, masked, sent, cue, mention, direct[0]) + (
            _direct_claims(text, masked, sent, direct, cue, mention))
    return _late_direct(text, masked, sent, cue, mention) or (
        reported(text, masked, sent, cue, mention))


def _words_before(text: str, masked: str, sent: Sentence, cue: Cue, who: Mention,
                  first: Span) -> list[Claim]:
    """Return A of "A “…,” Tom Quill said (on Friday), and “B.”": words quoted in part before
    an attribution that stands between them and a whole quote are the same speaker's."""
    if not (sent.start < who.start < cue.start < first.outer_start) or not any(
            q.outer_end <= who.start for q in sent.quotes) or not (
            masked[cue.end : first.outer_start].rstrip().endswith((", and", ", but"))):
        return []
    head = text[sent.start : who.start].rstrip().rstrip("”\"’'")  # "A is “B,” X said"
    span = trim(text, sent.start, who.start) if head.endswith(",") else None
    if span is None or len(text[span[0] : span[1]].split()) < MIN_INDIRECT_WORDS:
        return []
    return [Claim(*span, kind_of(sent, *span), who, cue.lemma, sent)]


def _after_relative(text: str, masked: str, sent: Sentence, cue: Cue, who: Mention
                    ) -> list[Claim]:
    """Return the main clause of "X, who called the plan “a joke,” said A": the cue read
    first sits in a relative clause on X, and X's own verb follows its closing comma."""
    if who.end > cue.start or not WHO_AFTER.match(masked, who.end):
        return []
    for c in cues_in(masked, cue.end, sent.end):
        lead = masked[cue.end : c.start].rstrip().rstrip("”\"’'")
        if c.kind != "according" and lead.endswith((",", "_")):  # "_": a masked quote
            return [x for x in reported(text, masked, sent, c, who) if x.start >= c.end]
    return []


def _opening_participle(text: str, masked: str, sent: Sentence, cue: Cue, who: Mention
                        ) -> list[Claim]:
    """Return A of "Claiming A, X told reporters …": the subject speaks the participle too."""
    first = opening_participle(masked, sent.start, cue.start)
    if first is None or who.start < first.end:
        return []
    comma = masked.find(",", first.end, who.start)
    span = trim(text, first.end, comma) if comma > 0 else None
    words = text[span[0] : span[1]].lower().split() if span else []
    if span is None or len(words) < MIN_INDIRECT_WORDS or words[0] in frame_rules.PARTICIPLE_FRAMES:
        return []  # "Writing for the Gazette, X …" names an occasion, not words said
    return [Claim(*span, "indirect", who, first.lemma, sent)]


def _subordinate(text: str, masked: str, sent: Sentence, cue: Cue, who: Mention, end: int
                 ) -> list[Claim]:
    """Return the "that" clause of a leading "When X noted that A," up to the main clause."""
    after = clause_start(masked, cue.end, cue.lemma, end)
    stop = _SUBORDINATE_END.search(masked, after, end)
    span = trim(text, after, stop.start() if stop else end) if after > cue.end else None
    if span is None or len(text[span[0] : span[1]].split()) < MIN_INDIRECT_WORDS:
        return []
    return [Claim(*span, "indirect", who, cue.lemma, sent)]


def _direct_claims(text: str, masked: str, sent: Sentence, direct: list[Span],
                   cue: Cue | None, who: Mention | None) -> list[Claim]:
    """Return the quotes as direct claims, then reported clauses that follow them."""
    lemma = cue.lemma if cue else None
    after = max(cue.end if cue else sent.end, direct[-1].outer_end)
    return [Claim(q.start, q.end, "direct", who, lemma, sent) for q in direct] + (
        follow_ups(text, masked, sent, after, who))


def _late_direct(text: str, masked: str, sent: Sentence, cue: Cue, who: Mention
                 ) -> list[Claim]:
    """Read "X attacked Y for Z, saying, “…”": the reported part, then the quote."""
    late = _late_cue(masked, sent, cue)
    direct = [q for q in sent.quotes if late and standalone(text, masked, sent, q, late.end)]
    if late is None or not direct:
        return []
    before = [Claim(a, b, "indirect", who, lemma, sent)
              for a, b, lemma in contents(text, masked, sent, cue, who)
              if b <= late.start and len(text[a:b].split()) >= MIN_INDIRECT_WORDS]
    speaker = speaker_of(masked, sent, late) or who
    return before + _direct_claims(text, masked, sent, direct, late, speaker)


def _late_cue(masked: str, sent: Sentence, first: Cue) -> Cue | None:
    """Return the last verb cue after the first one ("X attacked Y, saying, “…”")."""
    later = [c for c in cues_in(masked, first.end, sent.end) if c.kind != "according"]
    return later[-1] if later else None
