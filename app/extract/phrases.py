"""Read speaker noun phrases (names, titles, pronouns, groups) around a cue."""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, NamedTuple

from app.extract import frame_rules, name_rules, places

MentionKind = Literal["name", "pronoun", "group_pronoun", "description", "group", "org"]

_TOKEN = re.compile(r"[^\W_][\w’'\-]*(?:\.(?:[^\W_][\w’'\-]*)?)*|--|[^\w\s]")
_ROLE_WORDS = name_rules.TITLE_HEADS | name_rules.TITLE_MODIFIERS
# Builds a Token without the named-tuple constructor's extra call: tokens are made by the
# hundred thousand.
_new = tuple.__new__
# A split phrase: (words skipped, name, kind, role, country, honorific).
_Split = tuple[int, str, MentionKind, str | None, str | None, str | None]
# Words opening a clause, capitalised at a sentence's start, that are no part of a group.
_CLAUSE_WORDS = frame_rules.SUBORDINATORS | frame_rules.CLAUSE_LEADS
# Longest speaker phrase read around a cue, in tokens.
MAX_PHRASE = 9


class Token(NamedTuple):
    """A word or punctuation mark with its offsets (a tuple: made by the thousand)."""

    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        """Return the lower-cased text without a trailing full stop."""
        return self.text.lower()


@dataclass(frozen=True)
class Mention:
    """A phrase that can name a speaker, split into name, role and country."""

    start: int
    end: int
    name: str
    kind: MentionKind
    role: str | None = None
    country: str | None = None
    honorific: str | None = None  # "Mr.", "Ms.": tells gender, is never a role


def tokens(text: str, lo: int, hi: int) -> list[Token]:
    """Tokenise text[lo:hi], dropping sentence-final full stops from plain words."""
    out = [_new(Token, (m.start(), m.end(), m.group())) for m in _TOKEN.finditer(text, lo, hi)]
    for k, tok in enumerate(out):
        word = tok.text
        if word[-1] == "." and len(word) > 2 and word.count(".") == 1 and (
                word[:-1].lower() not in name_rules.ABBREVIATIONS):
            out[k] = Token(tok.start, tok.end - 1, word[:-1])
    return out


def _is_cap(tok: Token) -> bool:
    """Tell whether a token could be part of a proper name."""
    return tok.text[:1].isupper() and tok.text[:1].isalpha()


def _is_acronym(tok: Token) -> bool:
    """Tell whether a token is an acronym such as UN, NYPD or U.S."""
    letters = tok.text.replace(".", "")
    if "." in tok.text and tok.low not in name_rules.DEMONYMS and (
            tok.low not in name_rules.TITLE_MODIFIERS):
        return False
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def is_role_part(tok: Token) -> bool:
    """Tell whether a token can sit in a title (public name for other modules)."""
    return _is_role_part(tok)


def _is_role_part(tok: Token) -> bool:
    """Tell whether a token can sit in the title before a name."""
    low = tok.low
    return (
        low in _ROLE_WORDS or low in name_rules.DEMONYMS or low in frame_rules.PARTIES
        or _is_acronym(tok)
        or low in name_rules.ABBREVIATED_TITLES or low.endswith(("’s", "'s"))
    )


def _role(words: list[Token]) -> tuple[str | None, str | None]:
    """Split title words into (role, country): demonyms give the country."""
    country, kept = None, []
    for tok in words:
        code = places.country_of_demonym(tok.low) if not tok.low.endswith("s’") else None
        if tok.low.endswith(("’s", "'s")):
            country = places.country_of_name(tok.low) or country
        elif code and (tok.low in name_rules.DEMONYMS or _is_acronym(tok)):
            country = code
        elif tok.low not in frame_rules.PARTIES and (
                tok.low not in ("the", "a", "an", "former")) and (
                tok.low not in name_rules.HONORIFICS):
            kept.append(name_rules.ABBREVIATED_TITLES.get(tok.low, tok.text))
    if not any(w.lower() in name_rules.TITLE_HEADS or w in name_rules.ABBREVIATED_TITLES.values()
               for w in kept):
        return None, country
    return _title_case(kept), country


def _title_case(words: list[str]) -> str:
    """Capitalise a formal title ("foreign minister" -> "Foreign Minister")."""
    if words[-1].lower() not in name_rules.CAPITALISED_HEADS:
        return " ".join(words)
    return " ".join(w if w in ("of", "the") or not w.islower() else w.capitalize()
                    for w in words)


def _name_kind(name: str) -> MentionKind | None:
    """Classify a capitalised phrase as a person name, an organisation or neither."""
    low = name.lower()
    last = low.split()[-1]
    if low in name_rules.METONYMS or last in name_rules.ORG_HEADS or _is_acronym(Token(0, 0, name)):
        return "org"  # an acronym alone ("AROS said") names an organisation, never a person
    if low in places.place_names():
        return "org"
    surname = last in name_rules.SURNAME_MONTHS and " " in low
    if (last in name_rules.NON_NAME_WORDS and not surname) or (
            last in name_rules.TITLE_HEADS and " " not in low) or (
            low.rstrip(".") in name_rules.PLACE_ABBREVIATIONS):
        return None
    return "name"


def _titled_surname(words: list[Token], name_toks: list[Token]) -> MentionKind | None:
    """Read "Mr. King" or "Ms. Judge" as a name: an honorific makes a title word a surname."""
    if len(name_toks) != 1 or name_toks[0].low in name_rules.CAPITALISED_HEADS:
        return None
    titled = any(w.low in name_rules.HONORIFICS for w in words)
    return "name" if titled and name_toks[0].low in name_rules.TITLE_HEADS else None


def split_phrase(words: list[Token]) -> Mention | None:
    """Turn the tokens of a phrase into a mention: title words first, then a name."""
    found = _split_texts(tuple(w.text for w in words))
    if found is None:
        return None
    skip, name, kind, role, country, honorific = found
    return Mention(words[skip].start, words[-1].end, name, kind, role, country, honorific)


def _leads(tok: Token, more: bool) -> bool:
    """Tell whether a word before a name is no part of it ("In", "Said" with a name after)."""
    low = tok.low
    return (low in name_rules.NON_NAME_WORDS and low not in name_rules.HONORIFICS) or (
        more and low in name_rules.LEADING_VERBS)


@lru_cache(maxsize=8192)
def _split_texts(texts: tuple[str, ...]) -> _Split | None:
    """Split a phrase's words into (words skipped, name, kind, role, country); names recur."""
    words = [Token(0, 0, t) for t in texts]
    skip = 0
    while skip < len(words) and _leads(words[skip], skip < len(words) - 1):
        skip += 1
    words = words[skip:]
    if not words:
        return None
    cut = 0
    while cut < len(words) - 1 and _is_role_part(words[cut]):
        cut += 1
    inner = _inner_title(words, cut)
    if inner is not None:
        return _split_inner(skip, words, inner)
    role, country = _role(words[:cut])
    lead = [w.low for w in words[:cut] if w.low not in ("the", "a", "an")]
    if role and lead and lead[-1] == "of":
        # "the mayor of Gulltown", "executive director of AROS": the title speaks, and what
        # follows "of" is its place or organisation, never the speaker's name
        title = role[: -len(" of")] if role.endswith(" of") else role
        place = " ".join(w.text for w in words[cut:])
        return skip, title, "description", title, country or places.country_of_name(place), None
    name_toks = [w for w in words[cut:] if w.low.rstrip(".") not in name_rules.HONORIFICS]
    if not name_toks or not all(
            _is_cap(w) or w.low in frame_rules.NAME_PARTICLES for w in name_toks):
        return None
    name = " ".join(w.text for w in name_toks)
    kind = _name_kind(name) or _titled_surname(words, name_toks)
    if kind is None:
        return None
    if kind == "org":
        country = country or places.country_of_name(name)
    honorific = next(
        (w.text for w in words if w.low in name_rules.HONORIFICS and w.low != "miss"), None)
    return skip, name, kind, role, country, honorific


def _is_formal_title(tok: Token) -> bool:
    """Tell whether a capitalised word is a formal title that a name follows ("Sen.", "Mayor")."""
    low = tok.low
    return _is_cap(tok) and (low in name_rules.ABBREVIATED_TITLES or low in name_rules.INNER_TITLES)


def _inner_title(words: list[Token], cut: int) -> int | None:
    """Return the index of a formal title inside a capitalised run, with a two-word name after
    it ("Gullshire Sen. Ann Vole", "Harbour Board Chairman Tom Quill"), or None."""
    for k in range(len(words) - 3, max(cut, 1) - 1, -1):
        if _is_formal_title(words[k]) and all(_is_name_word(w) for w in words[k + 1 :]):
            return k
    return None


def _is_name_word(tok: Token) -> bool:
    """Tell whether a token can be a word of a person's name after a title."""
    return (_is_cap(tok) and not _is_role_part(tok)) or tok.low in frame_rules.NAME_PARTICLES


def _split_inner(skip: int, words: list[Token], k: int) -> _Split | None:
    """Split at a formal title: the words before it qualify the role, the rest is the name."""
    start = k
    while start > 0 and _is_role_part(words[start - 1]):
        start -= 1
    role, country = _role(words[start : k + 1])
    prefix = " ".join(w.text for w in words[:start])
    if prefix:
        country = country or places.country_of_demonym(prefix)
    name = " ".join(w.text for w in words[k + 1 :])
    if role is None or _name_kind(name) != "name":
        return None
    return skip, name, "name", role, country, None


def _description(words: list[Token]) -> Mention | None:
    """Read "the foreign secretary" or "a spokesman" as a description to resolve."""
    words = [w for w in words if w.low not in ("the", "a", "an")]
    if not words:
        return None
    role, country = _role(words)
    if role is None:
        return None
    return Mention(words[0].start, words[-1].end, role, "description", role, country)


def _group(words: list[Token]) -> Mention | None:
    """Read "US intelligence assessments" or "police officials" as a group speaker."""
    kept = [w for w in words if w.low not in frame_rules.GROUP_FILLERS]
    while kept and kept[0].low in _CLAUSE_WORDS:  # "As critics have noted": not "As"
        kept = kept[1:]
    if not kept or (len(kept) < 2 and kept[-1].low != "officials"):
        return None
    named = [w for w in kept if w.low not in frame_rules.DOCUMENT_NOUNS] or kept
    country = next((places.country_of_demonym(w.low) for w in kept
                    if _is_acronym(w) or w.low in name_rules.DEMONYMS), None)
    name = " ".join(w.text for w in named)
    return Mention(words[0].start, words[-1].end, name, "group", None, country)
