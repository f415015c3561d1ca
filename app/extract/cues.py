"""Find reporting cues ("said", "warned", "according to") in a sentence frame."""

import re
from dataclasses import dataclass
from typing import Literal

from app.extract import frame_rules, name_rules, rules

CueKind = Literal["speech", "object", "finding", "according"]


def _forms(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Map each inflected form to its lemma."""
    return {form: lemma.rstrip("_") for lemma, forms in table.items() for form in forms}


_SPEECH = _forms(rules.SPEECH_VERBS)
_OBJECT = _forms(rules.OBJECT_VERBS)
# Every speech and object verb form, for finding a second attribution in a clause.
CUE_FORMS = (frozenset(_SPEECH) | frozenset(_OBJECT)) - rules.QUOTE_FORMS  # never a break
# Headlines capitalise every word ("Mayor Says Harbour Will Reopen"); only
# present-tense forms and "Said" are read there, as headlines use no others.
_HEADLINE = {f.capitalize(): lemma for f, lemma in {**_SPEECH, **_OBJECT}.items()
             if f.endswith("s") or f == "said"}
_ALL = {**_SPEECH, **_OBJECT, **_HEADLINE, **{f: "find" for f in rules.FINDING_VERBS}}


def word_pattern(words: "set[str] | frozenset[str] | list[str]") -> str:
    """Return a regex matching any of words, built as a trie so matching stays fast."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: "dict[str, dict]") -> str:
    """Turn one trie node into a regex, longer continuations tried first."""
    branches = [re.escape(ch) + _node_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


_THAT_NEXT = re.compile(r"\s+that\b")
# Up to three words of object, then a comma or colon and an opening quote mark.
_QUOTE_NEXT = re.compile(r"(?:\s+[\w’']+){0,3}\s*[,:]\s*[“\"‘]")
# A name or a pronoun opening a clause before "demands" makes it a verb ("Quill demands an
# apology").
_NAMED_SUBJECT = re.compile(r"(?:^|(?<=\s))(?:(?P<det>[A-Za-z]+)\s+)?(?:[A-Z][a-z]+|he|she)\s+$")


# Words after which a name opens a clause as its subject ("that Quill demands …"); after any
# other word ("to Russia demands", "the Quill demands") the name is inside a noun phrase.
_CLAUSE_OPENERS = frame_rules.CLAUSE_LEADS | frame_rules.SUBORDINATORS | {"that"}


def _named_subject(masked: str, pos: int) -> bool:
    """Tell whether a name or "he"/"she" stands as the subject just before pos."""
    m = _NAMED_SUBJECT.search(masked, max(0, pos - 40), pos)
    if m is None:
        return False
    det = m.group("det")
    return det is None or det.lower() in _CLAUSE_OPENERS or (
        det[0].isupper() and det.lower() not in name_rules.NON_NAME_WORDS)  # "Tom Quill demands"


# A multi-word object verb split by a day or an adverb ("called Friday for", "spoke out Tuesday
# about", "spoke emotionally of"), as news writes it: the verb and its particle stay.
_DAY_OR_ADVERB = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday"
                  r"|[a-z]+ly)")
_SPLIT_HEADS = {f.rsplit(" ", 1)[0] for f in _OBJECT if " " in f}
_SPLIT_TAILS = {f.rsplit(" ", 1)[1] for f in _OBJECT if " " in f}
# One pass finds every cue: "according to", a verb split by a day (tried first, so that
# "called Friday for" is not read as "called"), or a verb form.
_CUE = re.compile(
    r"\b(?:(?P<acc>[Aa]ccording to)"
    r"|(?P<head>" + word_pattern(_SPLIT_HEADS) + r")\s+" + _DAY_OR_ADVERB
    + r"\s+(?P<tail>" + word_pattern(_SPLIT_TAILS) + r")"
    r"|(?P<verb>" + word_pattern(list(_ALL)) + r"))\b"
)


@dataclass(frozen=True)
class Cue:
    """A reporting cue: where it is, its lemma and how its complement reads."""

    start: int
    end: int
    lemma: str
    kind: CueKind


def _kind(form: str) -> CueKind:
    """Tell how a verb form takes its complement."""
    form = form.lower()
    if form in _SPEECH:
        return "speech"
    return "object" if form in _OBJECT else "finding"


def cues_in(masked: str, start: int, end: int) -> list[Cue]:
    """Return the reporting cues of a sentence frame, quoted words already masked."""
    out = []
    for m in _CUE.finditer(masked, start, end):
        if m.group("acc"):
            out.append(Cue(m.start(), m.end(), "according", "according"))
        elif m.group("head"):  # "called Friday for": the verb and particle, without the day
            head, joined = m.group("head"), f"{m.group('head')} {m.group('tail')}"
            if joined in _OBJECT:
                out.append(Cue(m.start(), m.end(), _OBJECT[joined], "object"))
            elif head in _ALL:  # "called Friday at": the head alone, as without the day
                out.append(Cue(m.start(), m.start() + len(head), _ALL[head], _kind(head)))
        else:
            form = m.group("verb")
            if form in rules.QUOTE_FORMS and not _QUOTE_NEXT.match(masked, m.end()):
                continue
            if form in rules.NOUN_FORMS and not _THAT_NEXT.match(masked, m.end()) and not (
                    form in rules.VERB_AFTER_NAME and _named_subject(masked, m.start())):
                continue
            out.append(Cue(m.start(), m.end(), _ALL[form], _kind(form)))
    return out


_FIRST_WORD = re.compile(r"[A-Z][a-z]+ing\b")


def opening_participle(masked: str, start: int, end: int) -> Cue | None:
    """Return the cue of a sentence that opens on a participle ("Claiming …, X said")."""
    m = _FIRST_WORD.match(masked, start, end)
    lemma = _SPEECH.get(m.group().lower()) if m else None
    return Cue(m.start(), m.end(), lemma, "speech") if m and lemma else None
