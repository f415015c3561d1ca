"""Near-duplicate detection: a remark already on the record is found however an outlet
spells it, and only for the same speaker and the same words."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session

from app.reading.duplicates import MatchKind, Said, find_duplicates, match_words, normalise
from app.record.models import StatementStatus
from tests import factories

ON_RECORD = "The harbour of Velmora will stay open to every ship this summer."

#: (words as a second outlet gives them, how they match ON_RECORD, or None: no match).
CASES = [
    (ON_RECORD, MatchKind.exact),
    ("“the harbour of Velmora will stay open to every ship this summer”", MatchKind.exact),
    ("THE HARBOUR OF VELMORA   WILL STAY OPEN, TO EVERY SHIP, THIS SUMMER!", MatchKind.exact),
    ("«The harbour of Velmora will stay open to every ship this summer»", MatchKind.exact),
    ("The harbour of Velmora will stay open", MatchKind.contained),
    ("Let me be clear: the harbour of Velmora will stay open to every ship this summer, "
     "whatever the weather.", MatchKind.contained),
    ("The harbor of Velmora will stay open to every ship this summer.", MatchKind.similar),
    ("The harbour of Velmora will stay open to all ships this summer.", MatchKind.similar),
    ("The harbour of Velmora will close to every ship this winter.", None),
    ("The harbour will stay", None),  # too short to count as held
    ("Fishing quotas for Velmora are under review.", None),
    ("We will not close it.", None),
    ("", None),
]


@pytest.mark.parametrize(("words", "expected"), CASES)
def test_a_remark_matches_however_an_outlet_spells_it(words: str, expected: MatchKind | None):
    found = match_words(normalise(words), [(7, normalise("A different remark entirely.")),
                                           (8, normalise(ON_RECORD))])
    assert (found.how if found else None) == expected
    if found:
        assert found.statement_id == 8


def test_normalising_sets_aside_case_punctuation_quote_marks_and_spacing():
    assert normalise(" „Wir   bleiben“, sagte sie —  HEUTE. ") == "wir bleiben sagte sie heute"


def test_the_exact_match_wins_over_a_nearer_older_one():
    known = [(1, normalise("The harbour of Velmora will stay open to every ship")),
             (2, normalise(ON_RECORD))]
    found = match_words(normalise(ON_RECORD), known)
    assert found is not None and (found.statement_id, found.how) == (2, MatchKind.exact)


def test_only_the_same_speakers_published_statements_match(session: Session):
    marsh = factories.actor(session, "Anna Marsh")
    hale = factories.actor(session, "Victor Hale")
    said = factories.statement(session, marsh, said_on=date(2021, 6, 11), text=ON_RECORD)
    withdrawn = factories.statement(session, marsh, said_on=date(2021, 6, 12),
                                    text="Fishing quotas for Velmora are under review today.")
    withdrawn.status = StatementStatus.withdrawn
    session.add(withdrawn)
    session.commit()
    assert marsh.id is not None and hale.id is not None
    found = find_duplicates(session, [
        Said(marsh.id, f"“{ON_RECORD.upper()}”"),
        Said(hale.id, ON_RECORD),  # a different speaker saying the same words
        Said(marsh.id, "Fishing quotas for Velmora are under review today."),
        Said(marsh.id, "Something new about the bridge at Korvan."),
    ])
    assert [(f.statement_id, f.how) if f else None for f in found] == [
        (said.id, MatchKind.exact), None, None, None]
