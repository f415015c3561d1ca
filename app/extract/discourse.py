"""Track who has been introduced so short names, pronouns and titles resolve."""

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from app.extract import frame_rules, name_rules
from app.extract.phrases import Mention
from app.extract.places import place_names
from app.extract.records import SpeakerType


@dataclass
class Entity:
    """A speaker as first introduced, with what the text later adds."""

    name: str
    type: SpeakerType
    role: str | None = None
    country: str | None = None
    gender: str | None = None
    seen: int = 0


def _last(name: str) -> str:
    """Return the lower-cased last word of a name, the key short mentions use."""
    words = name.lower().replace("’", "'").split()
    return words[-1] if words else ""


def _same(entity: Entity, name: str) -> bool:
    """Tell whether a name mention refers to an entity (full name or surname)."""
    a, b = entity.name.lower(), name.lower()
    return a == b or a.endswith(" " + b) or b.endswith(" " + a) or (
        _last(a) == _last(b) and (" " not in a or " " not in b)
    )


def _one_letter_apart(a: str, b: str) -> bool:
    """Tell whether one word is the other with one letter more, not a plural ending
    ("the Quills" are a family) and never a different letter ("Fenn" and "Penn" are two
    people)."""
    if len(a) < len(b):
        a, b = b, a
    return len(a) == len(b) + 1 and a != b + "s" and any(
        a[:k] + a[k + 1 :] == b for k in range(len(a)))


def _prefixed(entity: Entity, m: Mention) -> bool:
    """Tell "Rival Ann Vole" (words before a full name already known: a title or a place
    the splitter kept) from "Ann Vole" after "Vole" or "Ann de Vole" after "De Vole", which
    complete the name."""
    first = entity.name.split()[0].lower()
    return " " in entity.name and first not in frame_rules.NAME_PARTICLES and (
        m.name.lower().endswith(" " + entity.name.lower()))


# Most recent entities a pronoun, description or group is resolved against: a reader's
# memory, and what keeps resolution linear in the length of the text.
MAX_RECALL = 40
# Shortest bare surname read as a misspelling of a known one: shorter names differ by design.
MIN_MISSPELT = 6


class Discourse:
    """Remember entities in order of mention, and the last salient person."""

    def __init__(self) -> None:
        self._recent: dict[int, Entity] = {}  # by id, oldest first: moves are O(1)
        self.salient: Entity | None = None
        self._by_last: dict[str, list[Entity]] = {}
        self._tick = 0

    def _find(self, name: str, gender: str | None = None) -> Entity | None:
        """Return the latest entity a name refers to; "Mrs. X" skips a Mr. X."""
        found = [e for e in self._by_last.get(_last(name), ())
                 if _same(e, name) and (gender is None or e.gender in (None, gender))]
        return max(found, key=lambda e: e.seen) if found else None

    def _misspelt(self, surname: str) -> Entity | None:
        """Return the one recent person whose surname a bare surname misses by a single
        letter ("McLenney" after "Tyra McClenney"): news copy misspells names it has already
        printed in full, and a second person would split one speaker's statements in two."""
        if len(surname) < MIN_MISSPELT:
            return None
        key = surname.lower()
        found = [e for e in self.recent() if e.type == "person" and " " in e.name
                 and _one_letter_apart(_last(e.name), key)]
        return found[0] if len(found) == 1 else None

    def recent(self) -> Iterator[Entity]:
        """Yield the last MAX_RECALL entities, most recently mentioned first."""
        return islice(reversed(self._recent.values()), MAX_RECALL)

    def _touch(self, entity: Entity) -> Entity:
        """Move an entity to the most-recent end of the list."""
        self._recent.pop(id(entity), None)
        self._recent[id(entity)] = entity
        self._tick += 1
        entity.seen = self._tick
        return entity

    def introduce(self, m: Mention) -> Entity:
        """Register a name, organisation or group mention and return its entity."""
        kind: SpeakerType = "person" if m.kind == "name" else "organisation"
        known = self._find(m.name) if kind == "organisation" and " " not in m.name else None
        if known is not None and known.type == "person":
            return self._touch(known)  # "Monaco said": the Albert Monaco met before, no country
        gender = gender_of(m.name, m.role, m.honorific) if kind == "person" else None
        found = self._find(m.name, gender)
        if found is None and kind == "person" and " " not in m.name:
            found = self._misspelt(m.name)
        if found is None:
            found = Entity(m.name, kind, m.role, m.country)
            self._recent[id(found)] = found
            self._by_last.setdefault(_last(m.name), []).append(found)
        elif len(m.name) > len(found.name) and kind == found.type and not _prefixed(found, m):
            found.name = m.name
        found.gender = found.gender or gender
        found.role = found.role or m.role
        found.country = found.country or m.country or _title_country(found.role)
        return self._touch(found)

    def resolve(self, m: Mention) -> Entity | None:
        """Resolve a speaker mention to an entity, introducing names on first sight."""
        entity: Entity | None
        if m.kind in ("name", "org", "group"):
            entity = self.introduce(m)
        elif m.kind == "pronoun":
            entity = self._by_pronoun(m.name.lower())
        elif m.kind == "description":
            entity = self._by_role(m) or Entity(f"the {m.name.lower()}", "person", m.role,
                                                 m.country or _title_country(m.role))
        else:  # "they": the last organisation or group, never a place named on the way
            entity = next((e for e in self.recent() if e.type == "organisation"
                           and e.name.lower() not in place_names()), None)
        if entity is not None and entity.type == "person":
            self.salient = entity
        return entity

    def _by_pronoun(self, pronoun: str) -> Entity | None:
        """Return the salient person if the pronoun fits, else the last who fits it."""
        want = "male" if pronoun == "he" else "female"
        people = [e for e in self.recent() if e.type == "person"]
        if self.salient is not None:
            people.insert(0, self.salient)
        for fits in (lambda e: e.gender in (None, want), lambda e: True):
            found = next((e for e in people if e.gender == want or fits(e)), None)
            if found is not None:
                if found.gender is None:
                    found.gender = want
                return found
        return None

    def _by_role(self, m: Mention) -> Entity | None:
        """Return the latest person whose role has the description's head word."""
        head = (m.role or m.name).lower().split()[-1]
        words = set((m.role or "").lower().split())
        for e in self.recent():
            role = set((e.role or "").lower().split())
            if e.type == "person" and head in role and words <= role | {"the"}:
                return e
        return None

    def notice_described(self, m: Mention) -> None:
        """Make the person a subject description means ("The president appeared …") salient."""
        found = self._by_role(m)
        if found is not None:
            self.salient = self._touch(found)

    def notice(self, m: Mention, subject: bool) -> None:
        """Record a name seen outside an attribution; a sentence subject becomes salient."""
        if m.kind != "name" or (" " not in m.name and not (m.role or m.honorific)
                                  and self._find(m.name) is None):
            return
        entity = self.introduce(m)
        if subject:
            self.salient = entity


def _title_country(role: str | None) -> str | None:
    """Return the country a title implies, e.g. Foreign Secretary -> GB."""
    return name_rules.TITLE_COUNTRIES.get((role or "").lower())


def gender_of(name: str, role: str | None, honorific: str | None = None) -> str | None:
    """Guess a person's gender from a title or a common first name, else None."""
    words = [w.lower() for w in f"{role or ''} {honorific or ''}".split()]
    first = name.split()[0].lower() if " " in name else ""
    if first in name_rules.MALE_NAMES or any(w in name_rules.MALE_TITLES for w in words):
        return "male"
    if first in name_rules.FEMALE_NAMES or any(w in name_rules.FEMALE_TITLES for w in words):
        return "female"
    return None
