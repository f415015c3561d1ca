"""Near-duplicate detection: a remark already on the record is found however an outlet
spells it, and only for the same speaker and the same words."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session

from app.reading import duplicates
from app.reading.duplicates import (
    MatchKind,
    Said,
    Spoken,
    find_duplicates,
    normalise,
)
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


@pytest.mark.parametrize("indexed", [False, True], ids=["compared-with-all", "indexed"])
@pytest.mark.parametrize(("words", "expected"), CASES)
def test_a_remark_matches_however_an_outlet_spells_it(words: str, expected: MatchKind | None,
                                                      indexed: bool):
    """The same answers whether each candidate is compared with everything its speaker said
    (a review page) or through the index of runs of three words (an import's batch)."""
    found = Spoken([(7, normalise("A different remark entirely.")), (8, normalise(ON_RECORD))],
                   indexed=indexed).match(normalise(words))
    assert (found.how if found else None) == expected
    if found:
        assert found.statement_id == 8


def test_normalising_sets_aside_case_punctuation_quote_marks_and_spacing():
    assert normalise(" „Wir   bleiben“, sagte sie —  HEUTE. ") == "wir bleiben sagte sie heute"


def test_the_exact_match_wins_over_a_nearer_older_one():
    known = [(1, normalise("The harbour of Velmora will stay open to every ship")),
             (2, normalise(ON_RECORD))]
    found = Spoken(known).match(normalise(ON_RECORD))
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


def test_a_batch_with_many_candidates_of_one_speaker_finds_each_repeat(session: Session):
    marsh = factories.actor(session, "Anna Marsh")
    said = [factories.statement(session, marsh, said_on=date(2021, 6, 1),
                                text=f"Ferry number {n} will sail from Velmora at dawn on {day}.")
            for n, day in enumerate(["Monday", "Tuesday", "Friday"] * 4)]
    assert marsh.id is not None
    batch = [Said(marsh.id, s.text.upper()) for s in said] + [
        Said(marsh.id, "Ferry number 3 will sail from Velmora at noon on Monday."),
        Said(marsh.id, "Nothing at all in common with any of those words.")]
    found = find_duplicates(session, batch)
    assert [f.statement_id if f else None for f in found[:12]] == [s.id for s in said]
    assert found[12] is not None and found[12].how is MatchKind.similar
    assert found[12].statement_id == said[3].id
    assert found[13] is None


def test_a_busy_speaker_is_compared_near_the_candidates_day(session: Session, monkeypatch):
    monkeypatch.setattr(duplicates, "BUSY_SPEAKER", 2)
    marsh = factories.actor(session, "Anna Marsh")
    old = factories.statement(session, marsh, said_on=date(2019, 1, 10), text=ON_RECORD)
    for day in (1, 2, 3):
        factories.statement(session, marsh, said_on=date(2021, 6, day),
                            text=f"Ferry {day} sails at dawn from the harbour of Velmora.")
    assert marsh.id is not None
    found = find_duplicates(session, [
        Said(marsh.id, ON_RECORD, date(2021, 6, 11)),  # said again years later
        Said(marsh.id, ON_RECORD, date(2019, 2, 1)),  # carried within weeks
        Said(marsh.id, ON_RECORD),  # no day known: everything the speaker said
        Said(marsh.id, "Ferry 2 sails at dawn from the harbour of Velmora.", date(2021, 6, 9)),
    ])
    assert [f.statement_id if f else None for f in found[:3]] == [old.id, old.id, old.id], \
        "a candidate of no day widens the search to the speaker's whole record"
    alone = find_duplicates(session, [Said(marsh.id, ON_RECORD, date(2021, 6, 11))])
    assert alone == [duplicates.Duplicate(old.id or 0, MatchKind.exact, 100.0)], \
        "an exact repeat of years before is found by its key"
    near = find_duplicates(session, [Said(marsh.id, ON_RECORD.replace("harbour", "harbor"),
                                          date(2021, 6, 11))])
    assert near == [None], "a near repeat of a busy speaker's remark of years before is not"
    assert found[3] is not None and found[3].how is MatchKind.exact


def test_a_busy_speakers_exact_repeat_is_found_at_any_date_however_spelled(
        session: Session, monkeypatch):
    monkeypatch.setattr(duplicates, "BUSY_SPEAKER", 2)
    marsh, vale = factories.actor(session, "Anna Marsh"), factories.actor(session, "Bruno Vale")
    first = factories.statement(session, marsh, said_on=date(2015, 3, 2), text=ON_RECORD)
    factories.statement(session, marsh, said_on=date(2016, 3, 2), text=ON_RECORD)
    withdrawn = factories.statement(session, marsh, said_on=date(2014, 3, 2),
                                    text="The lighthouse of Velmora will be rebuilt.")
    withdrawn.status = StatementStatus.withdrawn
    session.add(withdrawn)
    session.commit()
    for day in range(1, 5):
        factories.statement(session, marsh, said_on=date(2024, 1, day),
                            text=f"Ferry {day} sails at dawn.")
    assert marsh.id is not None and vale.id is not None
    found = find_duplicates(session, [
        Said(marsh.id, "“THE HARBOUR OF VELMORA WILL STAY OPEN TO EVERY SHIP THIS SUMMER”",
             date(2024, 1, 20)),
        Said(vale.id, ON_RECORD, date(2024, 1, 20)),
        Said(marsh.id, "The lighthouse of Velmora will be rebuilt.", date(2024, 1, 20)),
    ])
    assert found == [duplicates.Duplicate(first.id or 0, MatchKind.exact, 100.0), None, None]
