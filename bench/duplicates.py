"""Time the duplicate check of one candidate statement, on a synthetic record.

    .venv/bin/python bench/duplicates.py [--statements 100000] [--db FILE] [--runs 100]

Makes the record with `onrecord synth --statements N --seed 1` unless the file exists
(`/tmp/onrecord-bench-duplicates/bench-N.db`, or --db), then times
`app.reading.duplicates.find_duplicates` for one candidate at a time, as review checks a
page and an import a batch: for a typical speaker (the speaker of a statement drawn at
random, so speakers come as often as they speak) and for the busiest speaker; for words
already on the record as another outlet spells them (exact), with one word changed
(near), and a new sentence. Prints p50 and p95 in milliseconds for each, and what a
batch of 1,000 mixed candidates costs per candidate.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from sqlmodel import Session, col, func, select

from app.reading.duplicates import Said, find_duplicates
from app.record.db import make_engine
from app.record.models import Statement, StatementStatus

_FOLDER = Path("/tmp/onrecord-bench-duplicates")


def main() -> None:
    """Time the check for each kind of speaker and candidate on the file the arguments name."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--db", default=None)
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    path = Path(args.db) if args.db else _FOLDER / f"bench-{args.statements}.db"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(Path(sys.executable).parent / "onrecord"), "synth", "--statements",
                        str(args.statements), "--seed", "1", "--db", str(path)], check=True)
    engine = make_engine(f"sqlite:///{path}")
    rng = random.Random(1)
    with Session(engine) as session:
        rows = _published(session)
        counts = _counts(session)
        busiest = max(counts.items(), key=lambda item: item[1])[0]
        pools = {"typical": rows, "busiest": [r for r in rows if r[0] == busiest]}
        print(f"{len(rows):,d} published statements; the busiest speaker has "
              f"{counts[busiest]:,d}")
        for who, pool in pools.items():
            for kind in ("exact", "near", "new"):
                times = [_time(session, _candidate(rng, pool, kind)) for _ in range(args.runs)]
                print(f"{who:8s} {kind:6s} p50 {_pct(times, 50):7.1f} ms   "
                      f"p95 {_pct(times, 95):7.1f} ms")
        batch = [_candidate(rng, rows, rng.choice(["exact", "near", "new"]))
                 for _ in range(1000)]
        started = time.perf_counter()
        find_duplicates(session, batch)
        each = (time.perf_counter() - started) * 1000 / len(batch)
        print(f"batch of 1,000 typical candidates: {each:.2f} ms per candidate")
    engine.dispose()


def _published(session: Session) -> list[tuple[int, str, date]]:
    return [(a, t, d) for a, t, d in session.exec(select(
        Statement.actor_id, Statement.text, Statement.said_on).where(
        Statement.status == StatementStatus.published)).all()]


def _counts(session: Session) -> dict[int, int]:
    return {a: int(n) for a, n in session.exec(
        select(Statement.actor_id, func.count()).where(
            Statement.status == StatementStatus.published)
        .group_by(col(Statement.actor_id))).all()}


def _candidate(rng: random.Random, pool: list[tuple[int, str, date]], kind: str) -> Said:
    """Return a candidate, said a few days after a statement of the pool: its words
    respelled, with one word changed, or new words."""
    actor_id, text, day = rng.choice(pool)
    day += timedelta(days=rng.randrange(4))
    if kind == "exact":
        return Said(actor_id, f"“{text.upper().rstrip('.')}”", day)
    words = text.rstrip(".").split()
    if kind == "near":
        words[rng.randrange(len(words))] = "harbour"
        return Said(actor_id, " ".join(words) + ".", day)
    return Said(actor_id, "The bridge at Korvan will reopen on a day nobody can name yet.", day)


def _time(session: Session, candidate: Said) -> float:
    started = time.perf_counter()
    find_duplicates(session, [candidate])
    return (time.perf_counter() - started) * 1000


def _pct(times: list[float], p: int) -> float:
    return statistics.quantiles(times, n=100)[p - 1] if p != 50 else statistics.median(times)


if __name__ == "__main__":
    main()
