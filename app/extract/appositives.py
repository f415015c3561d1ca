"""Read what an appositive says about a speaker: the title it opens with (", a tax expert at
…,"), where it closes after "according to X", the place and age it may hold (", 59, of
Ashton,"), or a group's member it names (", including Tom Quill,")."""

from app.extract import frame_rules, name_rules
from app.extract.phrases import MAX_PHRASE, Token, _description, _is_role_part, tokens

# Most words of a title read in an appositive ("a senior policy adviser").
MAX_TITLE = 5
# Words an appositive may hold before the verb ("Kuleba, Ukraine's foreign minister, said").
MAX_APPOSITIVE = 40


def names_a_member(part: list[Token]) -> bool:
    """Tell whether an appositive names one of a group ("including X", "such as X")."""
    words = [t.low for t in part[:2]]
    lead = 1 if words[:1] == ["including"] else 2 if words in (["such", "as"], ["among", "them"]
                                                           ) else 0
    return lead > 0 and len(part) > lead and (  # the name is all the rest
        part[lead].text[:1].isupper() and all(t.text[:1].isupper() for t in part[lead:]))


def before_locators(toks: list[Token], j: int) -> int:
    """Step back over ", 59," and ", of Ashton, Md.," to the comma after the name."""
    while j > 0 and toks[j].text == ",":
        k = j - 1
        while k >= 0 and toks[k].text != "," and j - k < MAX_PHRASE:
            k -= 1
        part = toks[k + 1 : j]
        locator = part and (part[0].low == "of" or part[0].text.isdigit() or (
            part[0].low.rstrip(".") in name_rules.PLACE_ABBREVIATIONS))
        if k < 0 or not locator or toks[k].text != ",":
            return j
        j = k
    return j


def appositive_after(masked: str, comma: int, end: int) -> tuple[int, str | None, str | None]:
    """Read ", a spokesman for the port," or ", who runs the port," after "according to
    NAME": return the comma that closes it (or the one given) with the role it names; at the
    sentence's end it closes there ("…, according to X, a spokesman for the port.")."""
    close = masked.find(",", comma + 1, end)
    close = close if close > 0 else end
    toks = tokens(masked, comma + 1, close)
    if not toks or len(toks) > MAX_APPOSITIVE:
        return comma, None, None
    if toks[0].low in ("who", "whose"):
        return close, None, None
    role, country = appositive_role(toks)
    if role is None or any(t.low in frame_rules.FINITE_AFTER_WHICH for t in toks):
        return comma, None, None  # "According to X, the director is late, and …": a clause
    return close, role, country


def appositive_role(toks: list[Token]) -> tuple[str | None, str | None]:
    """Return the title an appositive opens with ("Ukraine's foreign minister", "a tax expert").

    The title must open the appositive: in ", who met the president," the president is
    someone else.
    """
    if toks and toks[0].low in frame_rules.RELATIVE_PRONOUNS:
        return None, None
    for k, tok in enumerate(toks[:MAX_TITLE]):
        if tok.low in name_rules.TITLE_HEADS and tok.low not in name_rules.HONORIFICS:
            j = k
            while k + 1 < len(toks) and toks[k + 1].low in name_rules.TITLE_HEADS:
                k += 1  # "executive director", "chief economist"
            while j > 0 and in_title(toks[j - 1]):
                j -= 1
            found = _description(toks[j : k + 1])
            if found is None:
                return None, None
            role, tail = found.role or "", " ".join(t.low for t in toks[k + 1 : k + 3])
            if tail in name_rules.TITLE_TAILS:  # in the case of its head: "Secretary of State"
                role += " of " + (tail[3:].title() if role[:1].isupper() else tail[3:])
            return role, found.country
        if not in_title(tok) and tok.low not in ("a", "an", "the"):
            break
    return None, None


def in_title(tok: Token) -> bool:
    """Tell whether a word can stand in a title before its head ("tax" in "tax expert")."""
    low = tok.low
    return (_is_role_part(tok) and low not in ("the", "a", "an")) or (
        tok.text.isalpha() and tok.text.islower() and low not in frame_rules.NOT_IN_TITLE)
