"""Read reported speech after a cue: the clause, object or chain of verbs that holds the
words ("said that A and warned B, adding C"; "A, she said, B"; "As X noted, A")."""

import re

from app.extract import frame_rules, name_rules, rules
from app.extract.appositives import appositive_after
from app.extract.claim import MIN_INDIRECT_WORDS, Claim, kind_of
from app.extract.clauses import TAIL, clause_break, clause_start, reported_before, trim
from app.extract.cues import Cue, cues_in
from app.extract.phrases import Mention, tokens
from app.extract.quoted import LEAD_IN
from app.extract.segment import Sentence, Span

WHO_AFTER = re.compile(r"(?:,|\s*(?P<dash>--|—|–))\s+who\b")
# A group's member named before the verb ("As experts, including Ann Vole, have noted").
_MEMBER_LEAD = re.compile(r",\s+(?:including|such as|among them)$")
# "by" opening a verb's complement names the means of the act: after a speech participle
# ("responded by saying that …") the words are that participle's.
_BY = re.compile(r"\s*by\s+")
# "…,” X said, going on to say that …", "… and went on to say …": a new statement follows.
_GO_ON_TO = re.compile(r"(?:,|\band)\s+(?:going|went|goes)\s+on\s+to$")
# The end of "…,” said X, who (also) argued that …": a relative clause on the speaker.
_RELATIVE_WHO = re.compile(r",\s+who(?:\s+(?:also|has|had|have|long|later|then|again|[a-z]+ly))*$")
# Longest object before a quoted fragment counted into a mixed claim, in characters.
MAX_OBJECT = 80
# Most words after an object verb's last quoted fragment still read as its noun phrase.
MAX_NOUN_TAIL = 2
# Characters read after a cue to see its first words.
SHORT_WINDOW = 40
# Most words between the verb and the comma closing a middle attribution.
MAX_ASIDE = 4
# Most words of a name standing alone as a content ("echoing Ann Vole").
MAX_NAME_WORDS = 4
# Prepositions of an occasion after a content ("as much in an interview"); "on" and "of"
# are left out, as they name a topic ("declined to comment on the budget").
_OCCASION_WORDS = frame_rules.FRAME_PREPOSITIONS - {"on", "of"}


# A clause joined by a contrasting conjunction, before an aside that interrupts the next.
_BUT = re.compile(r"(?:,|;)\s+(?:but|yet)\s+(?!.*(?:,|;)\s+(?:but|yet)\s)")

# Only "and" between a statement and the next verb of its chain.
_AND = re.compile(r"[\s”\"’',]*and\s+")


def reported(text: str, masked: str, sent: Sentence, cue: Cue, who: Mention) -> list[Claim]:
    """Return the reported-speech claims a cue introduces, following chained verbs."""
    if cue.kind == "object" or _takes_object(masked, cue, sent.end):
        frags = [q for q in sent.quotes if q.start > cue.end and not _is_title(masked, q)]
        if frags and frags[0].outer_start - cue.end < MAX_OBJECT:
            start = _object_start(text, cue, frags[0])
            limit, nxt = clause_break(masked, min(start, cue.end + 1), sent.end)
            frags = [q for q in frags if q.start < limit]
            if frags:
                end = frags[-1].outer_end if start < frags[0].start else frags[-1].end
                rest = trim(text, end, limit)
                if rest and start < frags[0].start and (cue.lemma in rules.APPEAL_VERBS or (
                        _noun_tail(text[rest[0] : rest[1]]))):
                    end = max(end, rest[1])  # "… and consider …", "its “reckless” spending"
                joined = nxt is not None and _AND.fullmatch(masked, end, nxt)
                return [Claim(start, end, "mixed", who, cue.lemma, sent)] + (
                    _chained(text, masked, sent, nxt, who) if joined else [])
    out = []
    for a, b, lemma in contents(text, masked, sent, cue, who):
        words = text[a:b].split()
        mixed = any(a <= q.start < b for q in sent.quotes)
        empty = _says_nothing(words) or (  # "said the same", "said as much on Friday"
            lemma == "echo" and _only_a_name(words))  # "echoing Mr. Pike": whose words, not which
        if len(words) >= MIN_INDIRECT_WORDS and not empty and not (
                (a > cue.start or not mixed) and _starts_with_frame(masked, a, words[0])):
            out.append(Claim(a, b, "mixed" if mixed else "indirect", who, lemma, sent))
    if out and who.start > cue.end and out[-1].end <= cue.start:  # "A, said X, who added B"
        out += follow_ups(text, masked, sent, who.end, who)
    return out


def _chained(text: str, masked: str, sent: Sentence, at: int | None, who: Mention
             ) -> list[Claim]:
    """Return what the next verb of a chain says ("called A “B” and called for C": C)."""
    cue = next((c for c in cues_in(masked, at, sent.end) if c.start == at), None
               ) if at is not None else None
    if cue is None:
        return []
    return [Claim(a, b, kind_of(sent, a, b), who, lemma, sent)
            for a, b, lemma in _chain(text, masked, sent, cue, who)
            if len(text[a:b].split()) >= MIN_INDIRECT_WORDS]


def _only_a_name(words: list[str]) -> bool:
    """Tell a content that is only a name ("Mr. Pike", "Ann Vole")."""
    return len(words) <= MAX_NAME_WORDS and all(w[:1].isupper() for w in words)


def _says_nothing(words: list[str]) -> bool:
    """Tell a content that says nothing by itself, time words or a frame after it aside
    ("as much on Friday", "the same in an interview with the Gazette")."""
    low = [w.lower().strip(".,") for w in words]
    if len(low) > 1 and low[0] in rules.QUANTITY_WORDS and low[1] in rules.TOPIC_PREPOSITIONS:
        return True  # "much about the talks": only the topic
    frame = next((k for k, w in enumerate(low) if k and w in _OCCASION_WORDS), None)
    low = low[:frame]
    while low and low[-1] in frame_rules.TIME_WORDS:
        low.pop()
    return " ".join(low) in rules.EMPTY_CONTENTS


def _noun_tail(words: str) -> bool:
    """Tell "spending" after "its “reckless”" (the noun the quoted word qualifies) from
    "and left" or "on Friday" (a new clause or a frame)."""
    parts = words.split()
    return len(parts) <= MAX_NOUN_TAIL and parts[0].lower() not in frame_rules.TAIL_STOPS


def _object_start(text: str, cue: Cue, first: Span) -> int:
    """Start a mixed claim at the verb's object ("called the plan a “farce”")."""
    span = trim(text, cue.end, first.start)
    if span is None or first.outer_start - span[0] >= MAX_OBJECT:
        return first.start
    word = text[span[0] : span[1]].split()[0]
    if word.lower() in rules.OBJECT_PREPOSITIONS:  # "warned against X": X is the object
        rest = trim(text, span[0] + len(word), first.start)
        return rest[0] if rest else first.start
    return span[0]


def _starts_with_frame(masked: str, a: int, first: str) -> bool:
    """Tell "wrote in an email to X" (a frame, no clause) from "said that in 1998 ..."."""
    return first.lower() in frame_rules.FRAME_PREPOSITIONS and not (
        masked[:a].rstrip().endswith("that"))


def contents(
    text: str, masked: str, sent: Sentence, cue: Cue, who: Mention
) -> list[tuple[int, int, str]]:
    """Return the reported spans; "A, she said, B" gives both A and B."""
    lead = _as_lead_end(masked, sent, cue, who)
    if lead is not None:
        span = trim(text, lead + 1, sent.end)
        return [(*span, cue.lemma)] if span else []
    comma = _aside_end(masked, sent, cue, who)
    if comma is not None:
        first = trim(text, _aside_clause_start(masked, sent.start, who.start), who.start)
        head = [(*first, cue.lemma)] if first else []
        nxt = next(iter(cues_in(masked, comma + 1, sent.end)), None)
        if nxt and nxt.kind != "according" and not masked[comma + 1 : nxt.start].strip():
            return head + _chain(text, masked, sent, nxt, who)  # "A, X said, adding that B"
        rest = trim(text, comma + 1, sent.end)
        return head + ([(*rest, cue.lemma)] if rest else [])
    return _chain(text, masked, sent, cue, who)


def _as_lead_end(masked: str, sent: Sentence, cue: Cue, who: Mention) -> int | None:
    """Return the comma closing a sentence-initial "As X noted (on Friday)," or None."""
    if not masked.startswith("As ", sent.start):
        return None
    if who.start > cue.end and not masked[sent.start + 3 : cue.start].strip():
        comma = masked.find(",", who.end, sent.end)  # "As noted by X," / "… in X's letter,"
        return comma if comma > 0 else None
    if not who.start < cue.start:
        return None
    lead = masked[sent.start + 3 : who.start].strip().lower()
    if lead not in ("", "the") and not _MEMBER_LEAD.search(lead):
        return None  # "As many experts, including Ann Vole, have noted," is hers too
    comma = masked.find(",", cue.end, sent.end)
    between = tokens(masked, cue.end, comma) if comma > 0 else []
    if comma < 0 or len(between) > MAX_ASIDE or (
            between and between[0].low not in frame_rules.PP_STARTS):
        return None  # "As X said goodbye, …" is a time clause, not an attribution
    return comma


def _aside_clause_start(masked: str, start: int, who_start: int) -> int:
    """Return where the clause an aside interrupts begins: "A, but B, X noted, that C" is
    the narrator's A and X's B … C, as an aside scopes over the clause it sits in."""
    found = _BUT.search(masked, start, who_start)
    return found.end() if found else start


def _aside_end(masked: str, sent: Sentence, cue: Cue, who: Mention) -> int | None:
    """Return the comma closing "A, she told me on Friday, B", or None if no aside."""
    if who.end > cue.start or who.start <= sent.start:
        return None
    comma = masked.find(",", cue.end, sent.end)
    if comma < 0 or len(tokens(masked, cue.end, comma)) > MAX_ASIDE:
        return None
    head = masked[sent.start : who.start].rstrip()
    return comma if comma == cue.end or head.endswith(",") else None


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
        if c.kind != "according" and (lead.endswith((",", " and")) or _GO_ON_TO.search(lead)
                                      or _RELATIVE_WHO.search(lead)):
            at_cue = Mention(c.start, c.start, "", "name")  # stands in for a carried speaker
            spans = _chain(text, masked, sent, c, who or at_cue)
            return [Claim(a, b, kind_of(sent, a, b), who, lemma, sent) for a, b, lemma in spans
                    if len(text[a:b].split()) >= MIN_INDIRECT_WORDS]
    return []


def _takes_object(masked: str, cue: Cue, end: int) -> bool:
    """Tell whether a speech verb is used with a prepositional object ("warned against")."""
    toks = tokens(masked, cue.end, min(end, cue.end + SHORT_WINDOW))
    return bool(toks) and toks[0].low in rules.OBJECT_PREPOSITIONS


def _content(
    text: str, masked: str, sent: Sentence, cue: Cue, who: Mention
) -> tuple[tuple[int, int], int | None] | None:
    """Find the reported clause: after the verb, or before an end-placed attribution."""
    if cue.kind == "according" and "," not in masked[cue.end : who.start]:
        if LEAD_IN.match(masked[sent.start : cue.start]):
            comma = masked.find(",", who.end, sent.end)
            if comma > 0:
                comma = appositive_after(masked, comma, sent.end)[0]  # ", a spokesman for Y,"
            return _ended(text, masked, comma + 1, sent.end) if comma > 0 else None
        return _plain(trim(text, sent.start, cue.start))
    if who.end > cue.start:
        return _plain(trim(text, sent.start, min(cue.start, who.start)))
    after = clause_start(masked, cue.end, cue.lemma, sent.end)
    tail = text[after:sent.end].strip(TAIL)
    if not tail or reported_before(masked, sent.start, who.start, after, sent.end):
        return _plain(trim(text, sent.start, who.start))
    means = _BY.match(masked, after, sent.end)  # "responded by saying that A": A
    said = next((c for c in cues_in(masked, means.end(), sent.end)
                 if c.start == means.end() and c.kind == "speech"), None) if means else None
    if said is not None:
        cue, after = said, clause_start(masked, said.end, said.lemma, sent.end)
    if cue.lemma in rules.APPEAL_VERBS:
        after = cue.end
    return _ended(text, masked, after, _clause_limit(masked, sent, who, after))


def _clause_limit(masked: str, sent: Sentence, who: Mention, after: int) -> int:
    """End "When X said A, B followed" at the comma before the main clause."""
    words = masked[sent.start : who.start].split()
    relative = WHO_AFTER.match(masked, who.end)  # "X, who said A, left early"
    relative = relative if relative and "," not in masked[relative.end() : after] else None
    if not relative and (
            not words or words[-1].lower() not in frame_rules.SUBORDINATORS | {"which"}):
        return sent.end
    if relative and relative.group("dash"):  # "X — who has called for A — left early"
        dash = masked.find(relative.group("dash"), after, sent.end)
        return dash if dash > 0 else sent.end
    comma = masked.find(",", after, sent.end)
    return comma if comma > 0 else sent.end


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
    return bool(words) and words[-1].strip(",:") in name_rules.TITLE_CUES
