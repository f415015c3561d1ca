"""Writers and editors at once against a real server (uvicorn, SQLite file or PostgreSQL).

Eight scripts add statements while two editors correct one statement, for a few seconds:
no answer is a server error (a 503 with Retry-After is asked again; a 412 is the answer an
If-Match client gets when the other editor came first), every write the server
acknowledged is in the database, and the edited statement's history holds only states
that existed, each revision starting where the one before it ended.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import httpx2 as httpx
from sqlmodel import Session, create_engine

from app.curation.auth import create_token
from app.main import create_app
from app.record.history import revisions
from app.record.models import Statement
from tests import factories
from tests.conftest import make_settings
from tests.live_server import LiveServer, send
from tests.revisions import assert_history_chains

#: How long the writers and editors keep at it, in seconds (the brief bounds it at 10).
SECONDS = 3.0
#: The most requests one client sends, however fast the server answers.
MAX_REQUESTS = 150


@dataclass
class Seen:
    """What the clients were told: acknowledged writes, and any answer that should not be."""

    created: dict[int, str] = field(default_factory=dict)
    edits: list[tuple[str, str]] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, response: httpx.Response, allowed: tuple[int, ...] = ()) -> bool:
        """Keep an unexpected answer; return whether the write was acknowledged."""
        if response.status_code in (200, 201):
            return True
        if response.status_code not in allowed:
            with self.lock:
                self.wrong.append(f"{response.request.method} {response.request.url.path}: "
                                  f"{response.status_code} {response.text[:200]}")
        return False


def prepare(tmp_path: Path) -> tuple[str, str, int]:
    """Make a database with an API token and one statement to edit."""
    settings = make_settings(tmp_path / "live.db", demo=False)
    app = create_app(settings)
    with Session(app.state.engine) as session:
        token = create_token(session, "load")
        speaker = factories.actor(session, "Perpetua Lindqvist")
        edited = factories.statement(session, speaker, said_on=date(2022, 3, 1),
                                     text="Start.", target="Start")
        edited_id = edited.id or 0
    app.state.engine.dispose()
    return settings.database_url, token, edited_id


def run_clients(url: str, token: str, workers: list[Callable[[httpx.Client, int], bool]],
                seconds: float) -> None:
    """Run each worker in its own thread until time is up, it says stop, or the cap."""
    deadline = time.monotonic() + seconds

    def loop(work: Callable[[httpx.Client, int], bool]) -> None:
        with httpx.Client(base_url=url, timeout=30,
                          headers={"Authorization": f"Bearer {token}"}) as client:
            for i in range(MAX_REQUESTS):
                if time.monotonic() > deadline or not work(client, i):
                    return

    threads = [threading.Thread(target=loop, args=(w,)) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
        assert not thread.is_alive(), "a client hung"


def writer(seen: Seen, number: int) -> Callable[[httpx.Client, int], bool]:
    def work(client: httpx.Client, i: int) -> bool:
        text = f"Writer {number} remark {i}."
        response = send(client, "POST", "/api/statements", json={
            "speaker": f"Fictional Writer {number}", "text": text, "said_on": "2022-03-02"})
        if seen.note(response):
            with seen.lock:
                seen.created[response.json()["id"]] = text
        return True
    return work


def editor(seen: Seen, statement_id: int, name: str, *, if_match: bool
           ) -> Callable[[httpx.Client, int], bool]:
    field_name = "target" if if_match else "text"

    def work(client: httpx.Client, i: int) -> bool:
        headers = {}
        if if_match:
            headers["If-Match"] = send(client, "GET", f"/api/statements/{statement_id}"
                                       ).headers["ETag"]
        value = f"{name} {i}."
        response = send(client, "PATCH", f"/api/statements/{statement_id}",
                        json={field_name: value}, headers=headers)
        if seen.note(response, allowed=(412,) if if_match else ()):
            with seen.lock:
                seen.edits.append((field_name, value))
        return True
    return work


def check_record(database_url: str, seen: Seen, statement_id: int) -> None:
    """Every acknowledged write is in the database, and the history chains."""
    engine = create_engine(database_url)
    with Session(engine) as session:
        for created_id, text in seen.created.items():
            found = session.get(Statement, created_id)
            assert found is not None and found.text == text, created_id
        kept = revisions(session, "statement", statement_id)
        written = {(name, change[1]) for r in kept for name, change in r.changes.items()}
        assert set(seen.edits) <= written
        edited = session.get(Statement, statement_id)
        assert edited is not None
        assert (edited.text, edited.target) == (kept[0].snapshot["text"],
                                                kept[0].snapshot["target"])
        assert_history_chains(session, "statement", statement_id)
    engine.dispose()


def test_writers_and_editors_at_once_lose_nothing_and_keep_a_true_history(
        tmp_path: Path) -> None:
    database_url, token, statement_id = prepare(tmp_path)
    seen = Seen()
    workers = [writer(seen, n) for n in range(8)]
    workers += [editor(seen, statement_id, "Ana", if_match=False),
                editor(seen, statement_id, "Bea", if_match=True)]
    with LiveServer(database_url) as server:
        run_clients(server.url, token, workers, SECONDS)
    assert not seen.wrong, seen.wrong[:5]
    assert seen.created and seen.edits
    check_record(database_url, seen, statement_id)
