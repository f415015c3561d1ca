"""What a test pays to get its app: migrating a fresh database against copying a template.

    .venv/bin/python bench/startup.py [--postgres URL] [--rounds 10]

Prints the median of each step, in milliseconds: a fresh database migrated by
`create_app`; the copy the suite makes (a file copy, or a schema replayed on PostgreSQL);
`create_app` on that copy, and within it Alembic's `upgrade` and the countries check,
which are no-ops on a database at head but are paid on every app.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlmodel import Session

from app.config import Settings
from app.main import create_app
from app.record.countries import sync_countries
from app.record.db import make_engine
from app.record.migrate import upgrade
from tests.databases import copies_for


@contextmanager
def _timed(times: list[float]) -> Iterator[None]:
    started = time.perf_counter()
    yield
    times.append((time.perf_counter() - started) * 1000)


def _start(url: str, demo: bool) -> None:
    create_app(Settings(database_url=url, load_demo=demo)).state.engine.dispose()


def _sync(url: str) -> None:
    engine = make_engine(url)
    with Session(engine) as session:
        sync_countries(session)
    engine.dispose()


def measure(postgres: str, rounds: int, folder: Path) -> dict[str, list[float]]:
    """Time each step over rounds, on the engine the suite would use."""
    copies = copies_for(postgres)
    times: dict[str, list[float]] = {k: [] for k in (
        "fresh database, create_app", "copy of the template", "create_app on the copy",
        "  upgrade at head", "  countries check")}
    copies.copy("demo", folder / "warm.db")  # the template, made once per run
    for n in range(rounds):
        blank = copies.blank(folder / f"blank{n}.db")
        with _timed(times["fresh database, create_app"]):
            _start(blank, True)
        with _timed(times["copy of the template"]):
            url = copies.copy("demo", folder / f"copy{n}.db")
        with _timed(times["create_app on the copy"]):
            _start(url, True)
        with _timed(times["  upgrade at head"]):
            upgrade(url)
        with _timed(times["  countries check"]):
            _sync(url)
        copies.finish_test()
    copies.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postgres", default="", help="a PostgreSQL URL; SQLite without")
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        times = measure(args.postgres, args.rounds, Path(folder))
    for step, values in times.items():
        print(f"{step:<30} {statistics.median(values):8.1f} ms")


if __name__ == "__main__":
    main()
