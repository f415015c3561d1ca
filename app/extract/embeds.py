"""Read embedded posts: a paragraph of words signed "— Name (@handle) Month D, YYYY".

Pages that embed a tweet keep its text and its signature line, and no reporting verb:
the signature names the speaker and dates the words, so the post is a statement of that
day, not a quote to carry to whoever spoke last.
"""

import re
from dataclasses import dataclass

from app.extract.claim import Claim
from app.extract.phrases import Mention
from app.extract.segment import Sentence, Span

# "— Tom Quill (@tomquill) September 26, 2016" at the end of a paragraph.
_SIGNATURE = re.compile(
    r"(?<!\S)[—–-]{1,2}\s*(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s*"
    r"\(@\w{1,30}\)\s*(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})\s*$"
)
_QUOTES = "“”\"'‘’"


@dataclass(frozen=True)
class Embed:
    """A signed post: the claim, and the paragraphs it takes out of ordinary reading."""

    claim: Claim
    paragraphs: tuple[int, ...]


def embeds_in(text: str, paras: list[tuple[int, int]], spans: dict[int, list[Span]]
              ) -> dict[int, Embed]:
    """Return the signed posts by the index of their signature's paragraph."""
    out = {}
    for i, (a, b) in enumerate(paras):
        m = _SIGNATURE.search(text, a, b)
        if m is None:
            continue
        lo, taken = (a, (i,)) if text[a : m.start()].strip() else (
            (paras[i - 1][0], (i - 1, i)) if i > 0 else (a, (i,)))
        words = _strip(text, lo, m.start())
        if words is None:
            continue
        held = tuple(s for k in taken for s in spans.get(k, []))
        sent = Sentence(lo, b, i, held)
        who = Mention(m.start("name"), m.end("name"), m.group("name"), "name")
        out[i] = Embed(Claim(*words, "direct", who, "tweet", sent), taken)
    return out


def _strip(text: str, a: int, b: int) -> tuple[int, int] | None:
    """Trim spaces and quote marks around the post's words."""
    while a < b and (text[a] in _QUOTES or text[a].isspace()):
        a += 1
    while b > a and (text[b - 1] in _QUOTES or text[b - 1].isspace()):
        b -= 1
    return (a, b) if b > a else None
