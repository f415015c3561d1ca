"""A worker hands freed memory back when it falls idle, never while a request runs."""

from __future__ import annotations

import asyncio
import platform
import threading

import pytest

from app.web import idle_trim
from app.web.idle_trim import IdleTrim


async def _ok(scope, receive, send):
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


async def _call(app, gate: asyncio.Event | None = None):
    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        if gate is not None and message["type"] == "http.response.body":
            await gate.wait()

    await app({"type": "http", "method": "GET", "path": "/"}, receive, send)


def run_alone(scenario):
    """Run a scenario on an event loop of its own, on a thread of its own (another test's
    loop may still run on this one)."""
    failed: list[BaseException] = []

    def run():
        try:
            asyncio.run(scenario())
        except BaseException as error:  # handed back to the test
            failed.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if failed:
        raise failed[0]


@pytest.fixture
def trims(monkeypatch):
    monkeypatch.setattr(idle_trim, "TRIM_AFTER_S", 0.05)
    calls: list[int] = []
    app = IdleTrim(_ok)
    app.trim = lambda: calls.append(1)
    return app, calls


def test_trims_once_after_the_last_request_ends(trims):
    app, calls = trims

    async def scenario():
        for _ in range(5):
            await _call(app)
        assert calls == [], "not on the request's path"
        await asyncio.sleep(0.2)

    run_alone(scenario)
    assert calls == [1], "one trim for a burst, once the worker is idle"


def test_never_trims_while_a_request_is_in_flight(trims):
    app, calls = trims

    async def scenario():
        gate = asyncio.Event()
        slow = asyncio.create_task(_call(app, gate))
        await _call(app)  # ends while the slow one still runs
        await asyncio.sleep(0.2)
        assert calls == []
        gate.set()
        await slow
        await asyncio.sleep(0.2)

    run_alone(scenario)
    assert calls == [1]


def test_the_trim_is_glibc_malloc_trim_where_there_is_glibc():
    trim = idle_trim._malloc_trim()
    assert (trim is not None) == (platform.libc_ver()[0] == "glibc")
    if trim is not None:
        assert trim() in (0, 1)  # whether memory was released
