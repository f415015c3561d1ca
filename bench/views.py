"""Time one view of the timeline in process, for views the HTTP benchmark leaves out.

    .venv/bin/python bench/views.py [--db /tmp/onrecord-bench/bench-1000000.db]

Date ranges alone and with filters, several filters at once: each view is built as a page
builds it (`app.explorer.explore`: the page, every facet, the chart), on a file made by
`onrecord synth`, five times after one warm-up; prints the median in milliseconds and the
number of statements in the view, then the median over all views. No server, no rendering:
what the database work costs. The engine keeps searches as an app's does (when the code
has `versions.keep_on`), so that runs compare like with like.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time

from sqlmodel import Session
from starlette.datastructures import QueryParams

from app.reading.explorer import explore
from app.record import versions
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
    keep_on = getattr(versions, "keep_on", None)
    if keep_on is not None:
        keep_on(engine)
    medians = []
    for view in _views(args.db, args.year):
        with Session(engine) as session:
            explore(session, QueryParams(view), page_size=50)
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            with Session(engine) as session:
                shown = explore(session, QueryParams(view), page_size=50)
            times.append((time.perf_counter() - started) * 1000)
        medians.append(statistics.median(times))
        print(f"{medians[-1]:7.1f} ms  {shown.total:8,d} statements  /?{view}")
    print(f"{statistics.median(medians):7.1f} ms  median over {len(medians)} views")


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
