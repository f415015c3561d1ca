"""Find where a reported clause starts and ends inside its sentence frame."""

import re

from app.extract import frame_rules, rules
from app.extract.cues import CUE_FORMS, word_pattern
from app.extract.phrases import Token, tokens

TAIL = " \t.,;:!?"
_HEAD_CONJ = re.compile(r"^(?:and|but|so|yet|or|that)\s+", re.I)
_FORMS = word_pattern(CUE_FORMS)
_PARTICIPLES = word_pattern([f for f in CUE_FORMS if f.endswith("ing")])
# "…, which benefits many …", "…, which would include …", "…, which, even today, …": a
# relative clause on a noun of the content, part of it; "…, which locals call …" is not.
_WHICH_VERB = (
    r"(?:would|will|is|are|was|were|has|have|had|can|could|may|might|also)\b"
    r"|(?!makes|means|puts|leaves)"  # "which makes him an outlier" comments on the whole
    r"[a-z]+s\s+(?:the|a|an|his|her|their|its|our|many|more|most|some|no|us|them|him|it)\b"
    r"|,"
)
# A reported clause ends where a new attribution, a relative or contrast clause,
# a semicolon or a frame phrase ("in a statement") begins.
_BREAK = re.compile(
    r",?\s+(?:and|but|yet|or|though|although|while)\s+"
    r"(?:(?:also|then|later|again|he|she|they|has|have|had|would|will)\s+)*"
    rf"(?P<verb>{_FORMS})\b"
    rf"|,\s+(?:(?:aside|apart) from\s+|besides\s+|despite\s+|now\s+|going on to\s+)?"
    rf"(?P<part>{_PARTICIPLES}|(?<=going on to )(?:{_FORMS}))\b"
    r"|,\s+(?P<conj>but|yet|and(?! that\b))\b"
    # "“late, dirty and slow,” but he …": the comma sits inside the closing quote mark
    r"|(?<=,[”\"’'])\s+(?P<qconj>but)\s+(?:he|she|they|it|[A-Z][a-z]+)\b"
    r"|,\s+which\s+(?!" + _WHICH_VERB + ")"
    r"|,\s+(?:according to|although|though|while|even as)\b"
    r"|,\s+as\s+(?:he|she|they|it|we|I|the|his|her|their)\s+[a-z]+(?:ed|s)\b"
    r"|;"
    r"|(?<=[”\"’'])\s+and\s+[a-z]+ed\b"
    r"|(?P<frame>\s+(?:in|during|at|via)\s+(?:(?:a|an|his|her|their|the)\s+)?(?:[\w-]+\s+)?(?:"
    + "|".join(rules.FRAME_NOUNS) + r")\b"
    r"|\s+on\s+(?:" + "|".join(rules.PLATFORMS) + r")\b)"
)
_PART_AFTER = re.compile(rf",\s+(?P<part>{_PARTICIPLES})\b")
# An article left before a described speaker ("…, a spokesman said"): not part of the frame.
_ARTICLE_END = re.compile(r"\s(?:a|an|the)\s*$", re.I)
_LEFT_ARTICLE = re.compile(r",\s+(?:a|an|the)$", re.I)
_QUOTE_MARK = re.compile("[" + rules.DOUBLE_OPEN + rules.SINGLE_OPEN + '"]|\'\'')
_VERB = re.compile(rf"\b(?:{_FORMS})\b")
# Furthest a "that" may sit after the verb and still open its clause, in tokens.
MAX_THAT_GAP = 12
# The same after a time or place phrase ("said in a statement released by his office on
# Friday evening after the meeting that …").
MAX_FRAMED_GAP = 24
# Characters after a verb searched for the "that" opening its clause.
THAT_WINDOW = 160
# Longest tail after "CLAUSE, X said" that is still a place or time, not a clause.
MAX_TAIL = 8
# Most words of a time phrase between a verb's object and its clause ("last Sunday night").
MAX_TIME = 3
# Fewest characters a clause must run before a break may end it.
MIN_BEFORE_BREAK = 12


def trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    """Trim spaces, sentence punctuation and a leading conjunction from a span."""
    while a < b and (text[a].isspace() or text[a] in ",:"):
        a += 1
    m = _HEAD_CONJ.match(text, a, b)
    if m:
        a = m.end()
    while b > a and (text[b - 1] in TAIL or text[b - 1] in "—–"):  # "A — and B —, X said"
        b -= 1
    left = _LEFT_ARTICLE.search(text, a, b)  # "A, a spokesman said": "a" opens the speaker
    if left:
        b = left.start()
    return (a, b) if b > a else None


def clause_break(masked: str, start: int, end: int) -> tuple[int, int | None]:
    """Return where the clause ends and, if a new reporting verb follows, where it is."""
    for m in _BREAK.finditer(masked, start, end):
        if m.start() - start < MIN_BEFORE_BREAK and not m.group("part"):
            continue  # ", saying …" ends even a short object ("dismissed the idea, saying")
        if m.group("frame") and not _frame_closes(masked, m.end(), end):
            continue  # "appeared unsteady in his first debate against …": part of the clause
        if m.group("frame"):  # "… in an interview on Friday, arguing that B": B follows
            comma = masked.find(",", m.end(), end)
            part = _PART_AFTER.match(masked, comma) if comma > 0 else None
            return m.start(), (part.start("part") if part else None)
        if (m.group("conj") or m.group("qconj")) and _quotes_on(masked, m.end(), end):
            continue  # "A, but she knows that “B”": the quoted words are still the speaker's
        verb = m.start("verb") if m.group("verb") else m.start("part")
        return m.start(), (verb if verb >= 0 else None)
    return end, None


def _quotes_on(masked: str, pos: int, end: int) -> bool:
    """Tell whether a coordinated clause carries the speaker's quoted words on, with no new
    reporting verb before them (", but Ann Vole said “…”" is someone else's)."""
    m = _QUOTE_MARK.search(masked, pos, end)
    return m is not None and not _VERB.search(masked, pos, m.start())


def _frame_closes(masked: str, pos: int, end: int) -> bool:
    """Tell "… in a statement on Friday." (the frame closes the clause) from a frame noun
    that the clause runs on past."""
    toks = tokens(masked, pos, end)
    if len(toks) > 1 and toks[0].low == "to" and toks[1].text.isalpha() and (
            toks[1].text.islower() and toks[1].low not in rules.DETERMINERS):
        return False  # "to show up at a public hearing to assert their rights"
    comma = next((k for k, t in enumerate(toks) if t.text == ","), len(toks))
    participle = comma + 1 < len(toks) and toks[comma + 1].low.endswith("ing")
    return len(toks) <= MAX_TAIL or toks[0].text in (",", ";", "--", "—") or (
        participle and comma <= MAX_TAIL)  # "… in an interview on Friday, arguing that …"


def clause_start(masked: str, cue_end: int, lemma: str, end: int) -> int:
    """Skip an object, a time or place phrase and "that" after the verb."""
    toks = tokens(masked, cue_end, min(end, cue_end + THAT_WINDOW))
    if len(toks) > 3 and toks[0].text == "," and toks[2].text == "," and (
            toks[1].low in rules.ASIDE_ADVERBS):
        cue_end, toks = toks[2].end, toks[3:]  # "said, however, that …"
    if len(toks) > 2 and toks[0].low in frame_rules.NAMED_DAYS and toks[1].low != "that" and (
            toks[1].text.isalpha() and toks[1].low not in frame_rules.TIME_WORDS | (
                frame_rules.FINITE_AFTER_WHICH)):  # "said Friday was late": Friday is the subject
        cue_end, toks = toks[0].end, toks[1:]  # "said Monday the ferry was late"
    framed = bool(toks) and (toks[0].low in frame_rules.PP_STARTS or (  # "said to reporters that"
        toks[0].low == "to" and not _infinitive(toks[1:3] + toks[1:2])))
    for k, tok in enumerate(toks[: MAX_FRAMED_GAP if framed else MAX_THAT_GAP]):
        if tok.text == ":" and k > 0 and k + 1 < len(toks):
            return tok.end  # "replied the way he always does: WE SAIL"
        if tok.text in ("“", '"', ":", "_") or (tok.text == "," and not framed):
            break
        verb_next = k + 1 < len(toks) and toks[k + 1].low in frame_rules.PASSIVE_AUXILIARIES
        if tok.low == "that" and k == 0 and verb_next:
            return tok.start  # "said that is not true": "that" is the subject
        relative = k > 0 and verb_next
        if tok.low == "that" and not relative and (
                k == 0 or framed or lemma in rules.OBJECT_BEFORE_CLAUSE):
            return tok.end  # "in a statement that was released" is a relative clause
    if toks and lemma in rules.OBJECT_BEFORE_CLAUSE and not _QUOTE_MARK.match(toks[0].text):
        k = 2 if toks[0].low in rules.DETERMINERS else 1
        while k < len(toks) and toks[k].text[:1].isupper():
            k += 1
        k = _past_time(toks, k)  # "told reporters on Sunday the plan …"
        k = _past_frame(toks, k)  # "tells supporters at a rally in Ohio to “vote”"
        return toks[k].start if k < len(toks) else end
    return cue_end


def _past_time(toks: list[Token], k: int) -> int:
    """Step over a time phrase ("on Sunday", "last week", "this morning") at toks[k]."""
    j = k
    while j < len(toks) and j - k < MAX_TIME and toks[j].low in frame_rules.TIME_WORDS:
        j += 1
    ends_on_day = j > k and toks[j - 1].low in frame_rules.TIME_WORDS - {
        "on", "last", "late", "early"}
    return j if ends_on_day and j < len(toks) and toks[j].text[:1].isalpha() else k


def _past_frame(toks: list[Token], k: int) -> int:
    """Step over a place or occasion phrase ("at a rally in Ohio") to the "to" or "that"
    opening the clause after it; stay at k if none follows before a comma or a quote."""
    if k >= len(toks) or toks[k].low not in frame_rules.FRAME_PREPOSITIONS:
        return k
    for j in range(k + 1, min(len(toks), k + MAX_THAT_GAP)):
        if toks[j].text in (",", ";") or _QUOTE_MARK.match(toks[j].text):
            break
        if toks[j].low == "that":
            return j + 1 if j + 1 < len(toks) else k
        if toks[j].low == "to" and _infinitive(toks[j + 1 : j + 3]):
            return j
    return k


def _infinitive(after: list[Token]) -> bool:
    """Tell "to “vote early”" or "to check the gates" from "to cheers" or "to the pier"."""
    if not after:
        return False
    if _QUOTE_MARK.match(after[0].text) or after[0].low == "not":
        return True
    word = after[0]
    return len(after) > 1 and word.text.isalpha() and word.text.islower() and (
        word.low not in rules.DETERMINERS and not word.low.endswith("s"))


def reported_before(masked: str, sent_start: int, who_start: int, after: int, end: int
                    ) -> bool:
    """Tell "CLAUSE, X said in an interview." from "X said the plan works."."""
    head = _ARTICLE_END.sub("", masked[sent_start:who_start]).rstrip()
    quoted = head.endswith(("”", '"'))  # "It was “a disgrace,” X said of …": comma inside
    head = head.rstrip("\"”’'")
    if not (head.endswith(",") or quoted) or len(head.split()) < 3:
        return False
    toks = _own_tail(tokens(masked, after, end))
    if len(toks) > 1 and toks[0].low == "to" and _infinitive(toks[1:3] + toks[1:2]):
        return False  # "Through a spokesman, he declined to comment": "to" opens the content
    return len(toks) <= MAX_TAIL and (  # "…, X said by telephone": the means, not words
        not toks or toks[0].low in frame_rules.PP_STARTS | {"to", "of", "by"})


def _own_tail(toks: list[Token]) -> list[Token]:
    """Cut the words after an end-placed attribution where a clause of its own joins them
    (", citing …", ", and “…”"): "A,” X said in June, citing B" is still A's attribution."""
    for k, tok in enumerate(toks[:-1]):
        nxt = toks[k + 1].low
        quoted = k + 2 < len(toks) and bool(_QUOTE_MARK.match(toks[k + 2].text))
        if tok.text == "," and (nxt.endswith("ing") or (nxt == "and" and quoted)):
            return toks[:k]
    return toks
