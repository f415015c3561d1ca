"""Find the speaker phrase next to a reporting cue, before or after it."""

import re

from app.extract import frame_rules, name_rules, places, rules
from app.extract.appositives import (
    MAX_APPOSITIVE,
    MAX_TITLE,
    appositive_role,
    before_locators,
    in_title,
    names_a_member,
)
from app.extract.phrases import (
    MAX_PHRASE,
    Mention,
    Token,
    _description,
    _group,
    _is_cap,
    _is_role_part,
    split_phrase,
    tokens,
)

_SKIP = rules.AUXILIARIES | frame_rules.TIME_WORDS | frame_rules.VERB_NEGATIONS
# Most tokens of a number describing an inverted speaker ("9/11 widow").
MAX_NUMBER_TOKENS = 3
# A party and seat after a lawmaker's name (", R-Ohio,", ", D-N.Y.,").
PARTY_SEAT = re.compile(r"[RDI]-[A-Z][\w.]*")
_DASHES = frozenset({"--", "—", "–"})
_COMMAS = frozenset({","}) | _DASHES
# A relative pronoun on the speaker; "who’s" is "who has" before a participle.
_WHO = frozenset({"who", "who’s", "who's"})


def _run_back(
    toks: list[Token], i: int, accept: "set[str] | frozenset[str]", caps: bool = True
) -> int:
    """Return the first index of the phrase ending at i made of accepted tokens."""
    j = i
    while j > 0 and i - j < MAX_PHRASE:
        prev = toks[j - 1]
        if (caps and _is_cap(prev)) or prev.low in accept or _is_role_part(prev):
            j -= 1
        else:
            break
    return j


def phrase_ending(toks: list[Token], i: int) -> Mention | None:
    """Read the speaker phrase whose last token is toks[i]."""
    tok = toks[i]
    if tok.low in name_rules.PERSON_PRONOUNS:
        return Mention(tok.start, tok.end, tok.text, "pronoun")
    if tok.low.replace("'", "’") in name_rules.PRONOUN_IS:  # "He’s claiming"
        return Mention(tok.start, tok.end - 2, tok.text[:-2], "pronoun")
    if tok.low in name_rules.GROUP_PRONOUNS:
        return Mention(tok.start, tok.end, tok.text, "group_pronoun")
    if _is_cap(tok) and tok.low in name_rules.GROUP_NOUNS:
        return _group(toks[_run_back(toks, i, frame_rules.GROUP_MODIFIERS) : i + 1])
    if tok.low.endswith(("’s", "'s")):
        return None
    if _is_cap(tok) and (tok.low not in name_rules.NON_NAME_WORDS or _is_surname(toks, i)):
        j = _run_back(toks, i, frame_rules.NAME_PARTICLES)
        return _best_split(toks[j : i + 1])
    if tok.low in name_rules.GROUP_NOUNS:
        return _group(toks[_run_back(toks, i, frame_rules.GROUP_MODIFIERS) : i + 1])
    if tok.low in name_rules.TITLE_HEADS:
        j = _run_back(toks, i, {"the", "a", "an"}, caps=False)
        return _description(toks[j : i + 1])
    return None


def _is_surname(toks: list[Token], i: int) -> bool:
    """Tell "Petra May" (a surname after a first name) from "in May"."""
    prev = toks[i - 1] if i > 0 else None
    return toks[i].low in name_rules.SURNAME_MONTHS and prev is not None and _is_cap(prev) and (
        prev.low not in name_rules.NON_NAME_WORDS)


def _best_split(words: list[Token]) -> Mention | None:
    """Try the whole capitalised phrase, then drop leading words until a name reads."""
    for k in range(len(words)):
        found = split_phrase(words[k:])
        if found:
            return found
    return None


def _open_paren(toks: list[Token], i: int) -> int:
    """Return the index of the "(" matching the ")" at i, or i if it is too far."""
    for j in range(i - 1, max(-1, i - MAX_PHRASE), -1):
        if toks[j].text == "(":
            return j
    return i


def skippable(tok: Token) -> bool:
    """Tell whether a word may sit between a speaker and the verb ("has long said")."""
    low = tok.low
    return low in _SKIP or (
        low.endswith("ly") and tok.text.islower() and low not in frame_rules.LY_NOUNS
    ) or low.replace("'", "’") in frame_rules.NEGATED_AUXILIARIES


def _catenative(toks: list[Token], i: int) -> int:
    """Return how many tokens "to" at toks[i] closes with the verb before it ("tried to",
    "went on to", "took to Twitter to"), or 0 if it is not such a "to"."""
    if toks[i].low != "to" or i == 0:
        return 0
    if toks[i - 1].low in frame_rules.CATENATIVES:
        return 2
    if i > 1 and toks[i - 1].low == "on" and toks[i - 2].low in frame_rules.GO_ON:
        return 3  # "went on to call"
    if i > 2 and toks[i - 2].low == "to" and toks[i - 3].low in frame_rules.TOOK and (
            toks[i - 1].text in rules.PLATFORMS):
        return 4  # "took to Twitter to say"
    return 0


def follows_conjunction(text: str, lo: int, pos: int) -> bool:
    """Tell "X did this and said ..." (the subject is the sentence's) from "X said"."""
    toks = tokens(text, max(lo, pos - 80), pos)
    i = len(toks) - 1
    while i >= 0 and skippable(toks[i]):
        i -= 1
    return i > 0 and toks[i].low in ("and", "but")


def speaker_before(text: str, lo: int, pos: int) -> Mention | None:
    """Return the speaker phrase ending just before a cue at pos."""
    toks = tokens(text, lo, pos)
    i = len(toks) - 1
    while i >= 0 and (skippable(toks[i]) or toks[i].text == ")" or _catenative(toks, i)):
        if toks[i].text == ")":
            i = _open_paren(toks, i)
        i -= _catenative(toks, i) or 1
    if i < 0:
        return None
    if toks[i].low in _WHO and i > 1 and toks[i - 1].text in _COMMAS:
        i -= 2  # "X, who said", "X — who’s called for": "’s" is "has" before a participle
    elif toks[i].low == "who" and i > 0 and _is_cap(toks[i - 1]):
        i -= 1  # "It was Ann Vole who first said …"
    if toks[i].text in _COMMAS:
        return _before_appositive(toks, i)
    owner = text.startswith(("’s", "'s"), pos)  # "a fact-check on Ann Vole's claim": hers
    return _past_place(toks, i, located=not owner)  # "Senator Ann Vole of Iowa wrote"


def _before_appositive(toks: list[Token], i: int) -> Mention | None:
    """Read "NAME, appositive, said": the name before the comma pair, role from inside."""
    if i > 2 and PARTY_SEAT.fullmatch(toks[i - 1].text) and toks[i - 2].text == ",":
        found = phrase_ending(toks, i - 3)  # "Sen. Tom Quill, R-Ohio, said"
        if found is not None and found.kind == "name":
            return found
    inside = phrase_ending(toks, i - 1) if i > 0 else None
    opens = _COMMAS if toks[i].text == "," else _DASHES  # "X -- a, b -- said" pairs dashes
    j = i - 1
    while j >= 0 and toks[j].text not in opens and i - j < MAX_APPOSITIVE:
        j -= 1
    if inside and inside.kind == "name" and (j < 0 or inside.start <= toks[j + 1].start):
        return _described_before(toks, j, inside) if j > 0 else inside
    if inside and inside.kind == "name" and j >= 0 and names_a_member(toks[j + 1 : i]):
        return inside  # "Several lawmakers, including Tom Quill, said": he is one who said it
    j = before_locators(toks, j)
    if j <= 0 or toks[j].text not in _COMMAS:
        return None
    if toks[j - 1].text == ")":
        j = _open_paren(toks, j - 1)
    found = _past_place(toks, j - 1) if j > 0 else None
    if found is not None and found.kind != "name" and toks[j].text in _DASHES:
        found = _outer_name(toks, j) or found
        return found
    if found is not None and found.kind == "description" and j > 0:
        # "X, the attorney general of Gullshire, one of the counties …, said": the place
        # closes a first appositive; the person is named before it
        return _outer_name(toks, j) or found
    if found is None or found.kind != "name" or found.role:
        return found
    role, country = appositive_role(toks[j + 1 : i])
    return Mention(found.start, found.end, found.name, "name", role, country or found.country)


def _described_before(toks: list[Token], j: int, found: Mention) -> Mention:
    """Give "The chairman of the caucus, Tom Quill, said" the title that names him first."""
    if found.role:
        return found
    k = j - 1
    while k >= 0 and toks[k].text not in _COMMAS and j - k < MAX_APPOSITIVE:
        k -= 1
    part = toks[k + 1 : j]
    owner = None
    if part and part[0].low not in ("the", "a", "an"):
        # "Ann Vole's lawyer, Tom Quill, said", "Norland's foreign minister, Tom Quill, said":
        # the title follows its owner, and a country owner gives the country
        owner = next((n for n in range(len(part) - 1, -1, -1)
                      if part[n].low.endswith(("’s", "'s", "s’", "s'"))), None)
        if owner is None or owner > MAX_TITLE:
            return found
        part = part[owner + 1 :]
    role, country = appositive_role(part)
    if owner is not None and role is not None:
        country = country or places.country_of_name(toks[k + 1 + owner].low)
    return Mention(found.start, found.end, found.name, "name", role, found.country or country)


def _outer_name(toks: list[Token], j: int) -> Mention | None:
    """Read "NAME, the head of ORG -- a company that … -- told": the dashes describe the
    organisation, the person named before the comma speaks."""
    c = j - 1
    while c > 0 and toks[c].text != "," and j - c < MAX_APPOSITIVE:
        c -= 1
    found = _past_place(toks, c - 1) if c > 0 and toks[c].text == "," else None
    if found is None or found.kind != "name":
        return None
    role, country = appositive_role(toks[c + 1 : j])
    return Mention(found.start, found.end, found.name, "name", found.role or role,
                   found.country or country)


def _past_place(toks: list[Token], i: int, located: bool = True) -> Mention | None:
    """Read the phrase ending at i, stepping over "of (the) PLACE" ("Jane Roe of Ohio").

    "Jane Roe of the Harbour Institute" names a person from an organisation or a
    place: the speaker is the name before "of", never what follows it. With located, a
    name after a noun or a title and "in"/"at"/"from" ("voters in Gulltown"), and a name or
    an organisation after a person's name ("Tom Quill at the Harbour Board"), is where they
    are, never the speaker; "officials at the Harbour Board" still speak for the board.
    """
    found = phrase_ending(toks, i)
    if found is None or found.kind == "pronoun":
        return found
    k = next((k for k in range(i, -1, -1) if toks[k].start == found.start), 0)
    if k > 0 and toks[k - 1].low == "the":
        k -= 1
    located = located and k > 1 and toks[k - 1].low in frame_rules.LOCATIVES
    if located and found.kind in ("name", "org"):  # "voters in Gulltown, who …": a place
        before = phrase_ending(toks, k - 2)  # or "Tom Quill at the Harbour Board": a person
        if before is not None and before.kind == "name":
            return before
        if found.kind == "name" and (  # "officials at the Harbour Board" speak for it
                toks[k - 2].text.islower() or toks[k - 2].low in name_rules.GROUP_NOUNS or (
                before is not None and before.kind == "description")):
            return before
        title = toks[k - 2]  # "Senator from Gullshire says" (a headline): the senator
        if before is None and title.low in name_rules.TITLE_HEADS and (
                k == 2 or not _is_cap(toks[k - 3])):
            return Mention(title.start, title.end, title.text, "description", title.text)
    if k > 1 and toks[k - 1].low == "of":
        before = phrase_ending(toks, k - 2)
        if before and before.kind == "name":
            return before
        if before and before.kind == "org":  # "the Bank of England"
            return Mention(before.start, found.end, f"{before.name} of {found.name}", "org")
    return found


def speaker_after(text: str, pos: int, hi: int) -> Mention | None:
    """Return the speaker phrase starting just after a cue at pos ("said the mayor")."""
    toks = tokens(text, pos, hi)
    while toks and toks[0].low in frame_rules.TIME_WORDS and toks[0].low != "on":
        toks = toks[1:]
    if toks and toks[0].low in frame_rules.FRAME_PREPOSITIONS:
        return None  # "said of the council": what follows is the topic, not the speaker
    toks = _past_number(toks)
    k = 0
    while k < len(toks) and k < MAX_PHRASE and (
        _is_cap(toks[k]) or _is_role_part(toks[k]) or toks[k].low in ("the", "a", "an")
        or toks[k].low in frame_rules.GROUP_MODIFIERS or toks[k].low in name_rules.GROUP_NOUNS
        or (k and toks[k].low in frame_rules.NAME_PARTICLES)
    ):
        k += 1
    if k == 0:
        return _described_after(toks)
    if toks[k - 1].low in name_rules.PERSON_PRONOUNS:
        return Mention(toks[k - 1].start, toks[k - 1].end, toks[k - 1].text, "pronoun")
    found = _past_place(toks[:k], k - 1)
    if found is None or found.kind not in ("name", "description"):
        return found
    return _with_apposition(found, toks[k:])


def _past_number(toks: list[Token]) -> list[Token]:
    """Skip a number that describes the speaker ("said 9/11 widow Ann Vole")."""
    j = 0
    while j < len(toks) and j < MAX_NUMBER_TOKENS and (
            toks[j].text[:1].isdigit() or toks[j].text == "/"):
        j += 1
    if j and j < len(toks) and (_is_role_part(toks[j]) or _is_cap(toks[j])):
        return toks[j:]
    return toks


def _with_apposition(found: Mention, rest: list[Token]) -> Mention:
    """Read what follows an inverted speaker: ", a professor at …" or ", Jane Roe"."""
    if not rest or rest[0].text != ",":
        return found
    end = next((k for k, t in enumerate(rest[1:], 1) if t.text in ",.;:!?—()"), len(rest))
    inside = rest[1:end]
    if found.kind == "description":
        named = phrase_ending(inside, len(inside) - 1) if inside else None
        if named and named.kind == "name" and named.start == inside[0].start:
            return Mention(named.start, named.end, named.name, "name",
                           named.role or found.role, named.country or found.country,
                           named.honorific)
        return found
    if found.role:
        return found
    role, country = appositive_role(inside)
    return Mention(found.start, found.end, found.name, "name", role, found.country or country,
                   found.honorific)


def _described_after(toks: list[Token]) -> Mention | None:
    """Read "said harbour widow Terry Strand": a name after lower-case describing words."""
    stop = next((k for k, t in enumerate(toks) if not t.text[:1].isalnum()), len(toks))
    if stop == 0 or stop > MAX_PHRASE:
        return None
    lower = [t for t in toks[:stop] if t.text.islower()]
    if not lower or len(lower) > MAX_TITLE or not all(in_title(t) for t in lower):
        return None
    found = phrase_ending(toks[:stop], stop - 1)
    if found is None or found.kind != "name":
        return None
    role = found.role or " ".join(t.text for t in lower if in_title(t))
    return Mention(found.start, found.end, found.name, "name", role, found.country,
                   found.honorific)
