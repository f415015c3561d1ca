"""What input hygiene costs (issue 11): CSV neutralisation, XML-safe feeds, the restore check.

    .venv/bin/python bench/hygiene.py [--statements 50000] [--rounds 3]

Makes a fictional record with `synthesize` in a temporary folder, then times, best of
--rounds, each step with the hygiene on and with it replaced by the identity.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlmodel import Session

from app.config import Settings
from app.files import backup as backups
from app.files import feeds, file_export
from app.files.synth import Plan, synthesize
from app.reading.query import TimelineQuery
from app.record.db import make_engine
from app.record.setup import prepare_database


def best(rounds: int, work: Callable[[], Any]) -> float:
    """Return the fastest of several runs, in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--statements", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="onrecord-hygiene-"))
    url = f"sqlite:///{folder / 'bench.db'}"
    prepare_database(Settings(database_url=url, load_demo=False))
    engine = make_engine(url)
    with Session(engine) as session:
        synthesize(session, Plan(statements=args.statements, actors=500))

    def export() -> int:
        with Session(engine) as session:
            return sum(len(c) for c in file_export.export_text(
                session, TimelineQuery(), "csv", "http://bench.example"))

    def feed() -> int:
        with Session(engine) as session:
            return sum(len(feeds.atom_feed(session, TimelineQuery(), "http://bench.example"))
                       for _ in range(20))

    feed()  # warm the page cache and the tallies before any timing
    on: dict[str, list[float]] = {"csv": [], "feed": []}
    off: dict[str, list[float]] = {"csv": [], "feed": []}
    kept_csv, kept_xml = file_export.neutralised, feeds.xml_text
    for _ in range(args.rounds):  # alternate, so neither side gets the warmer cache
        for times, csv_cells, xml in ((on, kept_csv, kept_xml),
                                      (off, lambda cells: cells, lambda text: text)):
            file_export.neutralised, feeds.xml_text = csv_cells, xml
            times["csv"].append(best(1, export))
            times["feed"].append(best(1, feed))
    file_export.neutralised, feeds.xml_text = kept_csv, kept_xml
    with_csv, without_csv = min(on["csv"]), min(off["csv"])
    with_feed, without_feed = min(on["feed"]), min(off["feed"])

    row = {name: f"-{name} cell" if n % 3 else "plain words" for n, name in enumerate(
        file_export.EXPORT_COLUMNS)}
    per_row = best(args.rounds, lambda: [kept_csv(row) for _ in range(args.statements)])
    texts = [f"Fictional words number {n}, of an ordinary length for a statement." * 3
             for n in range(args.statements)]
    per_text = best(args.rounds, lambda: [kept_xml(t) for t in texts])

    copy = folder / "copy.db"
    backups.backup(url, copy)
    cold = best(1, lambda: backups.check_backup(copy))
    warm = best(args.rounds, lambda: backups.check_backup(copy))
    whole = best(1, lambda: backups.restore(url, copy))
    print(f"statements: {args.statements}")
    print(f"CSV export: {with_csv:.2f} s neutralised, {without_csv:.2f} s without")
    print(f"neutralised() on {args.statements} rows of {len(row)} cells: {per_row:.3f} s")
    print(f"xml_text() on {args.statements} texts of {len(texts[0])} characters: "
          f"{per_text:.3f} s")
    print(f"20 feeds of 50: {with_feed:.3f} s XML-safe, {without_feed:.3f} s without")
    print(f"restore check: {cold:.2f} s cold (migrates a scratch database), {warm:.3f} s warm")
    print(f"restore (check, copy, migrate, check, keep the old, swap): {whole:.2f} s")


if __name__ == "__main__":
    main()
