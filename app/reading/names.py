"""Matching names by the start of any of their words, whatever their case and accents.

"tr" finds "Liz Truss", "kul" finds "Dmytro Kuleba", "sa" finds "São Tomé"; a prefix of
several words ("liz tr") must find them in that order, side by side.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

#: Names kept folded per worker: every speaker, alias, country and target of a big record.
NAMES_REMEMBERED = 200_000
_NOT_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=NAMES_REMEMBERED)
def folded(text: str) -> str:
    """Spell a name as its words, lower case and without accents, each after a space."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    words = [w for w in _NOT_WORD.split(plain) if w]
    return "".join(f" {w}" for w in words)


def prefix_key(prefix: str | None) -> str:
    """Fold what a reader typed for matching; '' matches every name."""
    return folded(prefix or "") if prefix and prefix.strip() else ""


def matches(key: str, names: Iterable[str]) -> bool:
    """Tell whether a word of one of the names starts with the folded prefix."""
    return not key or any(key in folded(name) for name in names if name)
