"""A statement's words as the repeat check compares them, and the short key that indexes them.

The same remark reaches the record through many outlets, each with its own quote marks,
case and spacing; once normalised (lower case, punctuation and quote marks set aside, one
space between words) its copies are equal. Every statement stores the key of its
normalised words (`statement.words_key`, indexed with its speaker), so that an exact repeat
is found in one indexed lookup however many statements its speaker has and whenever they
were said. Migration 0012 holds a frozen copy of these two functions, to key the
statements recorded before it: a change here is a new migration that keys them again.
"""

from __future__ import annotations

from hashlib import blake2b

from rapidfuzz.utils import default_process

#: Bytes of the digest a key is cut from: a signed 64-bit integer, a BIGINT column.
KEY_BYTES = 8


def normalise(text: str) -> str:
    """Return the words of a text in lower case, without punctuation or quote marks, one
    space between them."""
    processed = default_process(text)  # marks made spaces, trimmed; often one space already
    return processed if "  " not in processed else " ".join(processed.split())


def words_key(text: str) -> int:
    """Return the key of a text's normalised words: equal for copies of one remark (two
    different texts share one about once in 10^19, so a match is read and compared)."""
    return key_of(normalise(text))


def key_of(words: str) -> int:
    """Return the key of words already normalised."""
    digest = blake2b(words.encode(), digest_size=KEY_BYTES).digest()
    return int.from_bytes(digest, "big", signed=True)
