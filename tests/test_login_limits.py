"""Password guessing and login floods: a wait that grows, never a lock; few hashes at once."""

from __future__ import annotations

import http.client
import socket
import threading
import time
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher
from sqlmodel import Session, select

from app.cli.serving import uvicorn_config
from app.curation import auth, login_limits
from app.curation.auth import add_editor
from app.record.models import LoginFailure
from tests.conftest import make_settings
from tests.curation import PASSWORD

#: How long a test waits for the threads it starts (they finish in well under a second).
THREAD_BOUND = 20


@pytest.fixture(autouse=True)
def _quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hash with argon2 at its smallest cost: these tests count tries, not hash strength."""
    quick = PasswordHash((Argon2Hasher(time_cost=1, memory_cost=1024, parallelism=1),))
    unknown = quick.hash("nobody's password")
    monkeypatch.setattr(auth, "_hasher", quick)
    monkeypatch.setattr(auth, "_unknown_name_hash", lambda: unknown)


def _pass_time(app, seconds: int) -> None:
    """Make every recorded failure older, as if the given seconds had passed."""
    with Session(app.state.engine) as session:
        for failure in session.exec(select(LoginFailure)).all():
            failure.at -= timedelta(seconds=seconds)
            session.add(failure)
        session.commit()


def _log_in(client: TestClient, name: str, password: str):
    return client.post("/login", data={"name": name, "password": password},
                       follow_redirects=False)


def test_a_stranger_on_the_editors_address_delays_the_editor_only_briefly(demo_app):
    with Session(demo_app.state.engine) as session:
        add_editor(session, "ed", PASSWORD)
    shared = TestClient(demo_app, client=("203.0.113.9", 5000))
    failures = 0
    while failures < login_limits.NAME_FREE + 3:  # past both free counts, each wait served
        answer = _log_in(shared, "ed", "a wrong guess")
        if answer.status_code == 429:
            _pass_time(demo_app, int(answer.headers["retry-after"]))
        failures += answer.status_code == 401
    early = _log_in(shared, "ed", PASSWORD)
    assert early.status_code == 429 and "too many" in early.text
    waits = int(early.headers["retry-after"])
    assert waits <= login_limits.ADDRESS_MAX_WAIT.total_seconds()
    _pass_time(demo_app, waits)
    assert _log_in(shared, "ed", PASSWORD).status_code == 303, "in after the wait"


def test_guesses_from_many_addresses_wait_on_the_name(demo_app):
    with Session(demo_app.state.engine) as session:
        add_editor(session, "ed", PASSWORD)
    for n in range(login_limits.NAME_FREE):
        guesser = TestClient(demo_app, client=(f"203.0.113.{n}", 5000))
        assert _log_in(guesser, "ed", "a wrong guess").status_code == 401
    another = TestClient(demo_app, client=("198.51.100.7", 5000))
    answer = _log_in(another, "ed", "one more guess")
    assert answer.status_code == 429
    assert int(answer.headers["retry-after"]) <= login_limits.NAME_MAX_WAIT.total_seconds()


def test_logins_beyond_the_hash_slots_are_refused_at_once(demo_app, monkeypatch):
    inside, release = threading.Semaphore(0), threading.Event()

    def slow_verify(password: str, stored: str) -> bool:
        inside.release()
        release.wait(THREAD_BOUND)
        return False

    monkeypatch.setattr(auth._hasher, "verify", slow_verify)
    holders = [threading.Thread(target=_log_in, args=(
        TestClient(demo_app, client=(f"203.0.113.{n}", 5000)), f"guess{n}", "x"))
        for n in range(login_limits.HASH_SLOTS)]
    for thread in holders:
        thread.start()
    try:
        for _ in holders:
            assert inside.acquire(timeout=THREAD_BOUND)
        client = TestClient(demo_app, client=("198.51.100.7", 5000))
        crowded = _log_in(client, "one-more", "x")
        assert crowded.status_code == 503 and int(crowded.headers["retry-after"]) >= 1
        assert client.get("/healthz").status_code == 200
    finally:
        release.set()
        for thread in holders:
            thread.join(THREAD_BOUND)


def _post_login(port: int, name: str, *, forwarded_for: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=THREAD_BOUND)
    try:
        connection.request("POST", "/login", body=f"name={name}&password=x", headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Forwarded-For": forwarded_for})
        return connection.getresponse().status
    finally:
        connection.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_onrecord_serve_does_not_let_a_local_client_name_its_own_address(tmp_path, monkeypatch):
    """Each guess claims another address in X-Forwarded-For; the socket's address counts."""
    import uvicorn

    settings = make_settings(tmp_path / "served.db", demo=False)
    monkeypatch.setenv("ONRECORD_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("ONRECORD_LOAD_DEMO", "false")
    port = _free_port()
    server = uvicorn.Server(uvicorn_config(settings, host="127.0.0.1", port=port, workers=1))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + THREAD_BOUND
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        statuses = [_post_login(port, f"guess{n}", forwarded_for=f"203.0.113.{n}")
                    for n in range(login_limits.ADDRESS_FREE + 1)]
        assert statuses == [401] * login_limits.ADDRESS_FREE + [429]
    finally:
        server.should_exit = True
        thread.join(THREAD_BOUND)
