"""Time one view of the timeline in process, for views the HTTP benchmark leaves out.

    .venv/bin/python bench/views.py [--db /tmp/onrecord-bench/bench-1000000.db]

Date ranges alone and with filters, several filters at once: each view is built as a page
builds it (`app.explorer.explore`: the page, every facet, the chart), on a file made by
`onrecord synth`, five times after one warm-up; prints the mean in milliseconds and the
number of statements in the view. No server, no rendering: what the database work costs.
"""

from __future__ import annotations

import argparse
import sqlite3
import time

from sqlmodel import Session
from starlette.datastructures import QueryParams

from app.reading.explorer import explore
from app.record.db import make_engine

_BUSIEST = ("SELECT value FROM statement_total WHERE given = '' AND facet = ? "
            "ORDER BY n DESC LIMIT 1")


def main() -> None:
    """Time every view on the file the arguments name."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default="/tmp/onrecord-bench/bench-1000000.db")
    parser.add_argument("--year", type=int, default=2020)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    engine = make_engine(f"sqlite:///{args.db}")
    for view in _views(args.db, args.year):
        with Session(engine) as session:
            explore(session, QueryParams(view), page_size=50)
        started = time.perf_counter()
        for _ in range(args.runs):
            with Session(engine) as session:
                shown = explore(session, QueryParams(view), page_size=50)
        mean = (time.perf_counter() - started) / args.runs * 1000
        print(f"{mean:7.1f} ms  {shown.total:8,d} statements  /?{view}")


def _views(path: str, y: int) -> list[str]:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    actor_id = db.execute(_BUSIEST, ("actor",)).fetchone()[0]
    actor = db.execute("SELECT slug FROM actor WHERE id = ?", (actor_id,)).fetchone()[0]
    country = db.execute(_BUSIEST, ("country",)).fetchone()[0]
    db.close()
    return [
        f"from={y}-01-01&to={y}-12-31", f"from={y}-05-01&to={y}-05-31",
        f"from={y}-03-15&to={y}-03-15", f"from={y}-03-15&to={y}-06-20",
        f"from={y - 1}-01-01", f"to={y - 3}-02-10",
        f"actor={actor}&from={y}-01-01&to={y}-12-31",
        f"actor={actor}&from={y}-03-15&to={y}-06-20",
        f"country={country}&from={y}-01-01&to={y}-12-31",
        f"stance=critical&from={y}-01-01&to={y}-12-31",
        f"country={country}&stance=critical",
        f"country={country}&stance=critical&from={y - 2}-05-05&to={y + 1}-07-07",
        f"actor={actor}&country={country}&stance=critical",
    ]


if __name__ == "__main__":
    main()
