"""A fictional record of any size, for benchmarks and for trying onrecord at scale.

Speakers get Zipf-distributed statement counts (a few speak all the time, most rarely),
countries are skewed the same way, dates spread over ten years. Every name is made up
from syllables; no real person is named. Rows go in through the models' tables, so the
database's triggers keep search and counts exactly as they do for real data.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Table, insert
from sqlmodel import Session, col, func, select

from app.files.progress import Progress
from app.record.db import restart_id_sequences
from app.record.models import (
    Actor,
    ActorKind,
    Country,
    DatePrecision,
    Role,
    Source,
    Stance,
    Statement,
    StatementKind,
    StatementStatus,
)
from app.record.triggers import bulk_load
from app.record.words import words_key

_SYLLABLES = ("ka", "lo", "mi", "ren", "tas", "vo", "bel", "dri", "sun", "ah", "ter", "ul",
              "pes", "nor", "gi", "fa", "qua", "zem", "ro", "lin", "dak", "ve", "sor", "mu")
_TITLES = ("Minister of Harbours", "Foreign Minister", "Spokesperson", "Prime Minister",
           "Ambassador", "President", "Defence Minister", "Envoy", "Senator", "Governor")
#: Statements written per INSERT batch; bounds memory whatever the size asked for.
BATCH = 20_000
#: SQLite page cache while loading, in KiB: the indexes being filled stay in memory.
BULK_CACHE_KIB = 512 * 1024
#: Share of statements whose stance has a target.
TARGETED = 0.6
#: Statements per source on average.
PER_SOURCE = 25
FIRST_DAY = date(2016, 1, 1)
DAYS = 3653  # ten years
_STATUS_WEIGHTS = ((StatementStatus.published, 97), (StatementStatus.draft, 2),
                   (StatementStatus.withdrawn, 1))


@dataclass(frozen=True)
class Plan:
    """How big the fictional record is."""

    statements: int
    actors: int = 5000
    countries: int = 200
    targets: int = 60
    words: int = 3000
    seed: int = 1


def fake_word(rng: random.Random, parts: int) -> str:
    """Make a pronounceable word that names nobody."""
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts))


def zipf_weights(n: int, s: float = 1.0) -> list[float]:
    """Return cumulative Zipf weights for ranks 1..n, for random.choices(cum_weights=...)."""
    return list(itertools.accumulate(1 / (rank ** s) for rank in range(1, n + 1)))


def synthesize(session: Session, plan: Plan, progress: Progress | None = None) -> int:
    """Add a fictional record to a migrated database; return the statements added."""
    rng = random.Random(plan.seed)
    codes = _countries(session, rng, plan.countries)
    actor_ids = _actors(session, rng, plan.actors, codes)
    countries_of = dict(session.exec(select(Actor.id, Actor.country_code)
                                     .where(col(Actor.id).in_(actor_ids))).all())
    source_ids = _sources(session, rng, max(1, plan.statements // PER_SOURCE))
    vocabulary = [fake_word(rng, rng.randrange(2, 4)) for _ in range(plan.words)]
    targets = [fake_word(rng, 3).capitalize() + "ia" for _ in range(plan.targets)]
    rows = _statements(rng, plan, actor_ids, countries_of, source_ids, vocabulary, targets)
    table = _table(Statement)
    added = 0
    _roomy_cache(session)
    with bulk_load(session):
        for batch in _batched(rows, BATCH):
            session.execute(insert(table), batch)
            added += len(batch)
            if progress is not None:
                progress("writing", added, added / plan.statements)
    restart_id_sequences(session, [_table(m) for m in (Actor, Role, Source, Statement)])
    session.commit()
    return added


def _roomy_cache(session: Session) -> None:
    """Give SQLite room to keep the indexes being filled in memory (a no-op elsewhere)."""
    if session.get_bind().dialect.name == "sqlite":
        session.connection().exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")


def _countries(session: Session, rng: random.Random, n: int) -> list[str]:
    codes = list(session.exec(select(Country.code).order_by(col(Country.code))).all())
    return rng.sample(codes, min(n, len(codes)))


def _actors(session: Session, rng: random.Random, n: int, codes: list[str]) -> list[int]:
    """Add n fictional speakers with one role each; return their ids, busiest first."""
    first = _next_id(session, Actor)
    weights = zipf_weights(len(codes), 0.8)
    now = datetime.now(UTC)
    actors, roles = [], []
    for i in range(n):
        name = f"{fake_word(rng, 2).capitalize()} {fake_word(rng, 3).capitalize()}"
        kind = ActorKind.organisation if i % 10 == 9 else ActorKind.person
        actors.append({"id": first + i, "slug": f"{name.lower().replace(' ', '-')}-{first + i}",
                       "name": name, "kind": kind, "created_at": now, "updated_at": now,
                       "country_code": rng.choices(codes, cum_weights=weights)[0]})
        roles.append({"actor_id": first + i, "title": rng.choice(_TITLES),
                      "starts_on": FIRST_DAY, "ends_on": None})
    session.execute(insert(_table(Actor)), actors)
    session.execute(insert(_table(Role)), roles)
    return [first + i for i in range(n)]


def _sources(session: Session, rng: random.Random, n: int) -> list[int]:
    first = _next_id(session, Source)
    now = datetime.now(UTC)
    rows = [{"id": first + i, "title": f"The {fake_word(rng, 2).capitalize()} Gazette, "
             f"issue {i + 1}", "publisher": "Fictional Press", "created_at": now,
             "published_on": FIRST_DAY + timedelta(days=rng.randrange(DAYS))}
            for i in range(n)]
    for batch in _batched(iter(rows), BATCH):
        session.execute(insert(_table(Source)), batch)
    return [first + i for i in range(n)]


def _statements(rng: random.Random, plan: Plan, actor_ids: list[int],
                countries_of: dict[int | None, str | None], source_ids: list[int],
                vocabulary: list[str], targets: list[str]) -> Iterator[dict[str, Any]]:
    """Yield statement rows: Zipf speakers, words and targets; uniform days."""
    now = datetime.now(UTC)
    # In the order of days, as a record grows: the indexes fill at their ends, fast.
    days = sorted(rng.randrange(DAYS) for _ in range(plan.statements))
    for start in range(0, len(days), BATCH):
        chunk = days[start:start + BATCH]
        draws = _draws(rng, len(chunk), actor_ids, source_ids, vocabulary, targets)
        for day, actor_id, words, target, source_id, stance, status in zip(
                chunk, *draws, strict=True):
            said = " ".join(words).capitalize() + "."
            yield {"actor_id": actor_id, "said_on": FIRST_DAY + timedelta(days=day),
                   "date_precision": DatePrecision.day, "kind": StatementKind.direct,
                   "text": said, "words_key": words_key(said),
                   "country_code": countries_of[actor_id], "source_id": source_id,
                   "stance": stance, "target": target,
                   "target_slug": target.lower() if target else None, "status": status,
                   "created_at": now, "updated_at": now}


def _draws(rng: random.Random, n: int, actor_ids: list[int], source_ids: list[int],
           vocabulary: list[str], targets: list[str]) -> list[list[Any]]:
    """Draw n rows' worth of each random choice at once (a call per column, not per row)."""
    lengths = rng.choices(range(6, 24), k=n)
    words = rng.choices(vocabulary, cum_weights=zipf_weights(len(vocabulary)), k=sum(lengths))
    ends = list(itertools.accumulate(lengths))
    aimed = rng.choices(targets, cum_weights=zipf_weights(len(targets)), k=n)
    return [
        rng.choices(actor_ids, cum_weights=zipf_weights(len(actor_ids)), k=n),
        [words[end - k:end] for k, end in zip(lengths, ends, strict=True)],
        [t if rng.random() < TARGETED else None for t in aimed],
        rng.choices(source_ids, k=n),
        rng.choices(list(Stance), k=n),
        rng.choices([s for s, _ in _STATUS_WEIGHTS], weights=[w for _, w in _STATUS_WEIGHTS],
                    k=n),
    ]


def _table(model: Any) -> Table:
    """Return a model's table, for multi-row INSERTs."""
    table: Table = model.__table__
    return table


def _next_id(session: Session, model: Any) -> int:
    """Return the id after the biggest one a table holds, to number a batch in advance."""
    biggest: int = session.exec(select(func.coalesce(func.max(model.id), 0))).one()
    return biggest + 1


def _batched(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    while batch := list(itertools.islice(rows, size)):
        yield batch
