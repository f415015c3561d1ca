"""Facet counts and the chart stay exact through inserts, edits, status changes and deletes."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

import pytest
from sqlmodel import Session, select

from app.reading import facet_columns
from app.reading.chart import chart
from app.reading.counts import FACETS, Facet, ViewCounts, count_by
from app.reading.facet_columns import HeldColumns
from app.reading.query import TimelineQuery
from app.record.models import Actor, Stance, Statement, StatementKind, StatementStatus
from app.record.tallies import StatementTally, StatementTotal, refill
from app.record.triggers import drop_triggers, restore_triggers
from tests import factories as f

TARGETS = [None, "Freedonia", "Sylvania", "Ruritania"]
COUNTRIES = ["FR", "DE", "IT", None]
LANGS = ["en", "ru", "uk", "und"]
START = date(2020, 1, 1)


def naive(statements: list[Statement], slugs: dict[int, str], query: TimelineQuery,
          facet: Facet) -> dict[str, int]:
    """Count facet values by looking at every statement, the way a reader would (the
    search in random queries, 'fictional', matches every statement the factory makes)."""
    skip = "date" if facet == "month" else facet
    keep = [s for s in statements if s.status is StatementStatus.published
            and (skip == "actor" or not query.actors or slugs[s.actor_id] in query.actors)
            and (skip == "country" or not query.countries or s.country_code in query.countries)
            and (skip == "stance" or not query.stance or s.stance is query.stance)
            and (skip == "target" or not query.target or s.target_slug == query.target)
            and (skip == "kind" or not query.kind or s.kind is query.kind)
            and (skip == "lang" or not query.langs or s.lang in query.langs)
            and (skip == "date" or not query.date_from or s.said_on >= query.date_from)
            and (skip == "date" or not query.date_to or s.said_on <= query.date_to)]
    key = {"actor": lambda s: str(s.actor_id), "country": lambda s: s.country_code,
           "stance": lambda s: s.stance.value, "target": lambda s: s.target_slug,
           "kind": lambda s: s.kind.value, "lang": lambda s: s.lang,
           "month": lambda s: s.said_on.replace(day=1).isoformat(),
           "day": lambda s: s.said_on.isoformat()}[facet]
    return dict(Counter(k for k in map(key, keep) if k))


def random_query(rng: random.Random, slugs: list[str]) -> TimelineQuery:
    lo = START + timedelta(days=rng.randrange(500)) if rng.random() < 0.5 else None
    hi = (lo or START) + timedelta(days=rng.randrange(400)) if rng.random() < 0.5 else None
    return TimelineQuery(
        actors=tuple(rng.sample(slugs, rng.choice([0, 0, 1, 2]))),
        countries=tuple(c for c in rng.sample(COUNTRIES[:3], rng.choice([0, 0, 1])) if c),
        stance=rng.choice([None, None, *Stance]),
        target=rng.choice([None, None, "freedonia", "sylvania"]),
        kind=rng.choice([None, None, *StatementKind]),
        langs=tuple(rng.sample(LANGS, rng.choice([0, 0, 1, 2]))),
        date_from=lo, date_to=hi, q=rng.choice([None, None, None, "fictional"]))


def mutate(session: Session, rng: random.Random, statements: list[Statement],
           actors: list[Actor]) -> None:
    """Edit, republish, withdraw or delete random statements, as curation will."""
    for s in rng.sample(statements, 25):
        change = rng.randrange(8)
        if change == 0:
            s.actor_id = rng.choice(actors).id  # type: ignore[assignment]
        elif change == 1:
            s.country_code = rng.choice(COUNTRIES)
        elif change == 2:
            s.stance = rng.choice(list(Stance))
        elif change == 3:
            s.target = rng.choice(TARGETS)
            s.target_slug = s.target.lower() if s.target else None
        elif change == 4:
            s.said_on = START + timedelta(days=rng.randrange(700))
        elif change == 5:
            s.kind = rng.choice(list(StatementKind))
        elif change == 6:
            s.lang = rng.choice(LANGS)
        else:
            s.status = rng.choice(list(StatementStatus))
        session.add(s)
    for s in rng.sample(statements, 5):
        # By identity: expired SQLModel objects compare equal to one another.
        statements[:] = [kept for kept in statements if kept is not s]
        session.delete(s)
    session.commit()


@pytest.fixture
def record(session: Session) -> tuple[list[Statement], list[Actor]]:
    """Five fictional speakers and 300 statements over two years."""
    rng = random.Random(7)
    actors = [f.actor(session, f"Speaker {name}", country=rng.choice(COUNTRIES[:3]))
              for name in ("Ash", "Birch", "Cedar", "Dogwood", "Elm")]
    made = []
    for _ in range(300):
        target = rng.choice(TARGETS)
        made.append(f.statement(session, rng.choice(actors), target=target,
                                said_on=START + timedelta(days=rng.randrange(700)),
                                stance=rng.choice(list(Stance)),
                                country=rng.choice(COUNTRIES[:3]),
                                kind=rng.choice(list(StatementKind)),
                                lang=rng.choice(LANGS)))
    for s in made[::7]:  # some speak for no country
        s.country_code = None
    session.commit()
    return made, actors


@pytest.fixture(params=["columns held", "columns with running counts", "no columns"])
def columns(request, monkeypatch) -> str:
    """Count with a worker's facet columns (a small record's counted one by one, or from
    running counts every few statements, as a big record's are), and without them (as
    while they are read again after a write): every way must count the same."""
    if request.param == "no columns":
        monkeypatch.setattr(HeldColumns, "at", lambda self, session, version: None)
    if request.param == "columns with running counts":
        monkeypatch.setattr(facet_columns, "MIN_STRIDE", 5)
    return str(request.param)


def assert_counts_exact(session: Session, actors: list[Actor], seed: int) -> None:
    """Compare every facet's counts with a count of the statements as stored, many queries."""
    session.expire_all()
    statements = list(session.exec(select(Statement)).all())
    rng = random.Random(seed)
    slugs = {a.id: a.slug for a in actors if a.id is not None}
    for _ in range(60):
        query = random_query(rng, list(slugs.values()))
        for facet in FACETS:
            assert count_by(session, query, facet) == naive(statements, slugs, query, facet), (
                query, facet)


def test_counts_equal_a_direct_count_under_random_filters(session, record, columns):
    assert_counts_exact(session, record[1], seed=1)


def a_bound(rng: random.Random) -> date | None:
    """A date range's end as readers and the chart set them: open, a year's or a month's
    edge, or any day."""
    day = START + timedelta(days=rng.randrange(-40, 760))
    return rng.choice([None, day.replace(month=1, day=1), day.replace(month=12, day=31),
                       day.replace(day=1), (day.replace(day=28) + timedelta(days=4)).replace(
                           day=1) - timedelta(days=1), day])


@pytest.mark.parametrize("seed", range(3))
def test_a_date_range_alone_counts_exactly_from_years_months_and_days(session, record, seed,
                                                                    columns):
    statements, actors = record
    mutate(session, random.Random(seed), statements, actors)
    session.expire_all()
    stored = list(session.exec(select(Statement)).all())
    slugs = {a.id: a.slug for a in actors if a.id is not None}
    rng = random.Random(seed)
    for _ in range(40):
        lo, hi = sorted([a_bound(rng) or date.min, a_bound(rng) or date.max])
        query = TimelineQuery(date_from=None if lo == date.min else lo,
                              date_to=None if hi == date.max else hi)
        for facet in FACETS:
            assert count_by(session, query, facet) == naive(stored, slugs, query, facet), (
                query, facet)


def test_a_whole_year_or_month_alone_counts_its_biggest_values_exactly(session, record):
    """A bar of the chart (a whole year or month) is read straight off the totals, the
    biggest first: the same counts, and the same top values, as a direct count."""
    statements, actors = record
    mutate(session, random.Random(7), statements, actors)
    session.expire_all()
    stored = list(session.exec(select(Statement)).all())
    slugs = {a.id: a.slug for a in actors if a.id is not None}
    months = [date(2020 + m // 12, m % 12 + 1, 1) for m in range(0, 24, 5)]
    ranges = [(date(y, 1, 1), date(y, 12, 31)) for y in (2020, 2021)]
    ranges += [(m, (m.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1))
               for m in months]
    for lo, hi in ranges:
        query = TimelineQuery(date_from=lo, date_to=hi)
        for facet in FACETS:
            exact = naive(stored, slugs, query, facet)
            assert count_by(session, query, facet) == exact, (query, facet)
            top = sorted(exact.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
            assert list(count_by(session, query, facet, limit=3).items()) == top, (query, facet)


def test_counts_stay_exact_through_edits_status_changes_and_deletes(session, record, columns):
    statements, actors = record
    rng = random.Random(3)
    for round_ in range(3):
        mutate(session, rng, statements, actors)
        assert_counts_exact(session, actors, seed=round_)


def tallies(session: Session) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Return the non-zero rows of both tally tables, sorted."""
    tally = sorted((t.actor_id, t.month, t.country_code, t.stance, t.target_slug, t.kind, t.lang,
                    t.n)
                   for t in session.exec(select(StatementTally)).all() if t.n)
    total = sorted((t.given, t.given_value, t.facet, t.value, t.n)
                   for t in session.exec(select(StatementTotal)).all() if t.n)
    return tally, total


def test_a_recount_from_scratch_equals_what_the_triggers_kept(session, record):
    mutate(session, random.Random(5), *record)
    kept = tallies(session)
    refill(session)
    session.commit()
    assert tallies(session) == kept
    assert kept[0]


@pytest.mark.parametrize("days", [20, 75, 500])
def test_chart_bars_sum_the_statements_of_their_period(session, days):
    speaker = f.actor(session, "Speaker Fir")
    said = [date(2021, 5, 30) + timedelta(days=i * days // 40) for i in range(40)]
    for day in said:
        f.statement(session, speaker, said_on=day)
    drawn = chart(ViewCounts(session, TimelineQuery()))
    assert drawn is not None
    bars = drawn.bars
    assert sum(b.count for b in bars) == 40
    for bar in bars:
        assert bar.count == sum(bar.start <= d <= bar.end for d in said)
    assert bars[0].start <= said[0] and said[-1] <= bars[-1].end


def test_restoring_the_triggers_after_a_table_rebuild_recounts_and_keeps_counting(session):
    speaker = f.actor(session, "Speaker Hazel", country="DE")
    f.statement(session, speaker, said_on=date(2021, 1, 5))
    connection = session.connection()
    drop_triggers(connection)  # as a batch migration that copies the table would
    f.statement(session, speaker, said_on=date(2021, 1, 6))
    restore_triggers(session.connection())
    session.commit()
    f.statement(session, speaker, said_on=date(2021, 1, 7))
    assert count_by(session, TimelineQuery(), "actor") == {str(speaker.id): 3}
    assert count_by(session, TimelineQuery(q="fictional"), "country") == {"DE": 3}
