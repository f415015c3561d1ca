"""What one request of a page says to PostgreSQL, from libpq's own trace.

    .venv/bin/python bench/pg_trace.py URL /path [/path ...]

Serves the app in process on the database at URL (only read: no demo is loaded), asks each
path a few times so that the connection is warm, then traces the next request: every
simple query (BEGIN, COMMIT, a ping) and every statement sent, whether it was prepared
(PostgreSQL keeps its plan) or parsed and planned anew, and the round trips (one per
time the client sends and then waits for an answer: each query and each statement, or
several sent together in a pipeline). Timing is left to
scale_pg.py; this says what is sent.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile

from psycopg import pq
from sqlalchemy import event
from starlette.testclient import TestClient

from app.config import Settings
from app.main import create_app

#: Requests of a path before the one traced: enough for a kept plan to be made.
WARM_UP = 8
_QUERY = re.compile(r'^F\t\d+\tQuery\t "(?P<sql>[^"]*)')
_PARSE = re.compile(r'^F\t\d+\tParse\t "(?P<name>[^"]*)" "(?P<sql>[^\n]*)')
_BIND = re.compile(r'^F\t\d+\tBind\t "" "(?P<name>[^"]+)"')


def trace(url: str, paths: list[str]) -> None:
    """Print what each path's request sends, after warming it up."""
    app = create_app(Settings(database_url=url, load_demo=False, page_size=50))
    with tempfile.TemporaryFile("w+") as log:
        @event.listens_for(app.state.engine, "connect")
        def _traced(dbapi_connection: object, _record: object) -> None:
            pgconn = dbapi_connection.pgconn  # type: ignore[attr-defined]
            pgconn.trace(log.fileno())
            pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS | pq.Trace.REGRESS_MODE)

        with TestClient(app) as client:
            for path in paths:
                for _ in range(WARM_UP):
                    client.get(path)
                log.flush()
                os.ftruncate(log.fileno(), 0)
                os.lseek(log.fileno(), 0, os.SEEK_SET)
                status = client.get(path).status_code
                log.flush()
                log.seek(0)
                print(f"{path} ({status})")
                _summarise(log.read())
    app.state.engine.dispose()


def _summarise(text: str) -> None:
    # A round trip: what the client sends before it reads an answer (several statements
    # when they go in one pipeline, as a read's BEGIN and first statement do).
    trips, prepared_now, sending = 0, set(), False
    for line in text.splitlines():
        if line.startswith("B\t"):
            trips += sending
            sending = False
            continue
        sending = sending or line.startswith("F\t")
        if found := _QUERY.match(line):
            print(f"  query     {found['sql'][:90]}")
        elif found := _PARSE.match(line):
            kind = "prepare  " if found["name"] else "plan anew"
            prepared_now.add(found["name"])
            print(f"  {kind} {found['sql'][:90]}")
        elif (found := _BIND.match(line)) and found["name"] not in prepared_now:
            print(f"  prepared  (kept plan {found['name']})")
    print(f"  {trips + sending} round trips")


if __name__ == "__main__":
    trace(sys.argv[1], sys.argv[2:])
