"""Find reporting cues ("said", "warned", "according to") in a sentence frame."""

import re
from dataclasses import dataclass
from typing import Literal

from app.extract import rules

CueKind = Literal["speech", "object", "finding", "according"]


def _forms(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Map each inflected form to its lemma."""
    return {form: lemma.rstrip("_") for lemma, forms in table.items() for form in forms}


_SPEECH = _forms(rules.SPEECH_VERBS)
_OBJECT = _forms(rules.OBJECT_VERBS)
# Every speech and object verb form, for finding a second attribution in a clause.
CUE_FORMS = frozenset(_SPEECH) | frozenset(_OBJECT)
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
# A multi-word object verb split by a day ("called Friday for", "spoke out Tuesday about"), as
# American news writes it: the day goes, the verb and its particle stay.
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)"
_SPLIT_BY_DAY = {f.rsplit(" ", 1)[0] + " " + _DAYS + " " + f.rsplit(" ", 1)[1]: lemma
                 for f, lemma in _OBJECT.items() if " " in f}
_SPLIT = re.compile(r"\b(?:" + "|".join(
    p.replace(" ", r"\s+") for p in sorted(_SPLIT_BY_DAY, key=len, reverse=True)) + r")\b")
_CUE = re.compile(r"\b(?:(?P<acc>[Aa]ccording to)|(?P<verb>" + word_pattern(list(_ALL)) + r"))\b")


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
        else:
            form = m.group("verb")
            if form in rules.NOUN_FORMS and not _THAT_NEXT.match(masked, m.end()):
                continue
            out.append(Cue(m.start(), m.end(), _ALL[form], _kind(form)))
    return _split_by_day(masked, start, end, out)


def _split_by_day(masked: str, start: int, end: int, found: list[Cue]) -> list[Cue]:
    """Add the multi-word object verbs a day splits ("called Friday for"), in text order."""
    extra = [Cue(m.start(), m.end(), _OBJECT[_join(m.group())], "object")
             for m in _SPLIT.finditer(masked, start, end)]
    if not extra:
        return found
    kept = [c for c in found if not any(x.start <= c.start < x.end for x in extra)]
    return sorted(kept + extra, key=lambda c: c.start)


def _join(words: str) -> str:
    """Drop the day from a split verb: "spoke out Friday about" -> "spoke out about"."""
    parts = words.split()
    return " ".join(parts[:-2] + parts[-1:])


_FIRST_WORD = re.compile(r"[A-Z][a-z]+ing\b")


def opening_participle(masked: str, start: int, end: int) -> Cue | None:
    """Return the cue of a sentence that opens on a participle ("Claiming …, X said")."""
    m = _FIRST_WORD.match(masked, start, end)
    lemma = _SPEECH.get(m.group().lower()) if m else None
    return Cue(m.start(), m.end(), lemma, "speech") if m and lemma else None
