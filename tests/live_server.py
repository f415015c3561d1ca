"""A real onrecord server for tests: uvicorn on 127.0.0.1 in its own process, on a database
the test prepared, stopped (or killed) by the test and never left running."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from types import TracebackType

import httpx2 as httpx

#: How long a server may take to answer its first request (a busy machine imports slowly).
START_SECONDS = 30
#: How often a client asks again after a 503 with Retry-After before it gives up.
BUSY_RETRIES = 20


def free_port() -> int:
    """Return a port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn serving create_app() on a database URL, for one `with` block."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> LiveServer:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ONRECORD_")}
        env |= {"ONRECORD_DATABASE_URL": self.database_url, "ONRECORD_LOAD_DEMO": "false"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory",
             "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "warning"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._wait_until_up()
        return self

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + START_SECONDS
        while True:
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            assert self.process and self.process.poll() is None, "the server stopped"
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)

    def kill(self) -> None:
        """Kill the server as a crash would: no shutdown, no last commit."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def __exit__(self, *_: type[BaseException] | BaseException | TracebackType | None) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


def send(client: httpx.Client, method: str, url: str, **kwargs: object) -> httpx.Response:
    """Send a request, asking again after a 503 that says when (Retry-After)."""
    for _ in range(BUSY_RETRIES):
        response = client.request(method, url, **kwargs)  # type: ignore[arg-type]
        if response.status_code != 503 or "Retry-After" not in response.headers:
            return response
        time.sleep(0.05)  # sooner than Retry-After asks: the test runs for seconds only
    return response
