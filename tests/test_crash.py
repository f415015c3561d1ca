"""A server killed mid-edit (kill -9) loses nothing it acknowledged and leaves a sound file.

Two editors correct one statement and two scripts add statements against a real server;
the server is killed without warning while they write. After a restart the SQLite file
passes its integrity check, every acknowledged write is there, and the edited
statement's history still chains (on PostgreSQL the same, less the file check).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx2 as httpx

from tests.conftest import POSTGRES_URL
from tests.live_server import LiveServer, send
from tests.test_concurrent_server import Seen, check_record, editor, prepare, writer

#: How long the clients write before the kill, in seconds.
WRITE_SECONDS = 1.5


def write_until_killed(url: str, token: str, seen: Seen,
                       statement_id: int) -> list[threading.Thread]:
    """Start clients that write until the server stops answering."""
    workers = [writer(seen, 1), writer(seen, 2),
               editor(seen, statement_id, "Ana", if_match=False),
               editor(seen, statement_id, "Bea", if_match=False)]

    def loop(work: Callable[[httpx.Client, int], bool]) -> None:
        with httpx.Client(base_url=url, timeout=10,
                          headers={"Authorization": f"Bearer {token}"}) as client:
            for i in range(1000):
                try:
                    work(client, i)
                except httpx.TransportError:
                    return  # the server is gone: this write was never acknowledged

    threads = [threading.Thread(target=loop, args=(w,)) for w in workers]
    for thread in threads:
        thread.start()
    return threads


def test_a_killed_server_keeps_every_acknowledged_edit(tmp_path: Path) -> None:
    database_url, token, statement_id = prepare(tmp_path)
    seen = Seen()
    with LiveServer(database_url) as server:
        threads = write_until_killed(server.url, token, seen, statement_id)
        time.sleep(WRITE_SECONDS)
        server.kill()
        for thread in threads:
            thread.join(timeout=30)
            assert not thread.is_alive(), "a client hung after the kill"
    assert seen.created and seen.edits
    assert not seen.wrong, seen.wrong[:5]
    if not POSTGRES_URL:
        with sqlite3.connect(tmp_path / "live.db") as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with LiveServer(database_url) as restarted, httpx.Client(base_url=restarted.url) as client:
        for created_id, text in seen.created.items():
            assert send(client, "GET", f"/api/statements/{created_id}").json()["text"] == text
    check_record(database_url, seen, statement_id)
