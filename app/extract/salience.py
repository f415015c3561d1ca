"""Tell which people a sentence puts in the reader's mind besides its plain subject, so that
a later "he" or "she" means them: the doer of "with NAME -ing", a source introduced with a
title at the sentence's end, a known person a subject description names."""

import re

from app.extract import name_rules

# A sentence that ends on a name and its title (", president of the Harbour Board."): a
# source introduced, whom a "he"/"she" after it means.
_INTRODUCED = re.compile(r",\s+(?:(?:a|an|the)\s+)?(?:[a-z][\w-]*\s+){0,2}(\w+)\s+(?:of|for|at)\b"
                         r"[^,;:—–()“”\"]{0,80}$")


def _introduced(text: str, end: int, hi: int) -> bool:
    """Tell whether a name is introduced with its title at the end of its sentence."""
    m = _INTRODUCED.match(text, end, hi)
    return m is not None and m.group(1).lower() in name_rules.TITLE_HEADS


# "with NAME -ing" after a comma, an appositive between dashes or commas allowed: the name
# does what the participle says ("…, with Ann Vole — who ran the port — lambasting the plan").
_ABSOLUTE = re.compile(r"\s*(?:(?:—|–|--|,)[^—–,]{0,120}?(?:—|–|--|,))?\s*[a-z]+ing\b")


def _absolute(text: str, lo: int, start: int, end: int, hi: int) -> bool:
    """Tell whether a name is the doer of an absolute "with NAME -ing" phrase."""
    before = text[max(lo, start - 8) : start]
    return before.endswith(", with ") and _ABSOLUTE.match(text, end, hi) is not None


def doer(text: str, lo: int, start: int, end: int, hi: int) -> bool:
    """Tell whether the name at text[start:end] is made salient though not the subject."""
    return _absolute(text, lo, start, end, hi) or _introduced(text, end, hi)


# A sentence whose subject is a description ("The president appeared …", "In defeat, the
# senator said …"): the person it means is whom a later "he"/"she" means.
_DESCRIBED_SUBJECT = re.compile(
    r"\s*(?:[A-Z][^,.]{0,40},\s+)?[Tt]he\s+((?:[a-z]+\s+){0,2}?[a-z]+)\s+(?:[a-z]+ed|is|was|has)\b")


def described_subject(text: str, lo: int, hi: int) -> str | None:
    """Return the title a sentence's subject description holds ("the president"), or None."""
    m = _DESCRIBED_SUBJECT.match(text, lo, hi)
    return m.group(1) if m and m.group(1).split()[-1] in name_rules.TITLE_HEADS else None
