"""Languages of statements: the BCP 47 tag rule and the names of languages, in one place.

A statement's `lang` is a BCP 47 tag whose first subtag is an ISO 639 language (`ru`,
`uk`, `pt-BR`, `zh-Hant`); `und` (ISO 639's "undetermined") stands for a language not yet
known — the value existing statements got from migration 0010, until detection or an
editor names it. Tags are kept in their canonical case (language lower, script title,
region upper), so `RU` and `ru` filter and count as one.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

#: A statement whose language is not known (ISO 639-2 'und').
UNDETERMINED = "und"
#: Longest tag kept: RFC 5646 asks every implementation to take at least 35 characters.
MAX_TAG_LENGTH = 35
_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def language_tag(raw: str) -> str:
    """Check a BCP 47 tag and return it in canonical case; raise ValueError saying why."""
    value = raw.strip()
    if len(value) > MAX_TAG_LENGTH or not _TAG.match(value):
        raise ValueError(f"{raw!r} is not a language tag (BCP 47, like 'ru' or 'pt-BR')")
    primary, *rest = value.split("-")
    if _language(primary.lower()) is None:
        raise ValueError(f"{raw!r} does not start with an ISO 639 language code (like 'uk')")
    return "-".join([primary.lower(), *(_subtag(s) for s in rest)])


def language_name(tag: str) -> str:
    """Name the language of a tag in English ('ru' -> 'Russian', 'pt-BR' -> 'Portuguese (BR)')."""
    primary, *rest = tag.split("-")
    found = _language(primary)
    name = getattr(found, "name", primary) if found else tag
    return f"{name} ({'-'.join(rest)})" if rest else name


@lru_cache(maxsize=512)
def _language(code: str) -> object | None:
    if len(code) == 2:
        return pycountry.languages.get(alpha_2=code)
    return pycountry.languages.get(alpha_3=code)


def _subtag(subtag: str) -> str:
    """Spell a subtag in its canonical case: a script (4 letters) titled, a region upper."""
    if len(subtag) == 4 and subtag.isalpha():
        return subtag.title()
    if len(subtag) == 2 and subtag.isalpha():
        return subtag.upper()
    return subtag.lower()
