"""Timed GET requests against 127.0.0.1, from a few threads on kept-alive connections."""

from __future__ import annotations

import http.client
import statistics
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass
class Run:
    """Latencies (seconds) of the requests one burst made, and how long it took."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    def merge(self, other: Run) -> None:
        """Add another burst of the same page and server."""
        self.latencies += other.latencies
        self.errors += other.errors
        self.seconds += other.seconds

    def percentile(self, p: float) -> float:
        """Return a latency percentile in milliseconds."""
        if not self.latencies:
            return float("nan")
        if len(self.latencies) == 1:
            return self.latencies[0] * 1000
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[int(p) - 1] * 1000

    @property
    def throughput(self) -> float:
        """Return completed requests per second."""
        return len(self.latencies) / self.seconds if self.seconds else 0.0


def fetch(port: int, path: str, timeout: float = 30.0) -> tuple[int, bytes]:
    """GET one path and return the status and body."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def burst(port: int, paths: Iterator[str], *, concurrency: int, seconds: float,
          max_requests: int) -> Run:
    """Request the next of `paths` from each of `concurrency` threads until time or the
    request budget runs out."""
    run = Run()
    lock = threading.Lock()
    budget = [max_requests]
    deadline = time.monotonic() + seconds

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < deadline:
            with lock:
                if budget[0] <= 0:
                    break
                budget[0] -= 1
                path = next(paths)
            started = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = time.perf_counter() - started
            with lock:
                if ok:
                    run.latencies.append(elapsed)
                else:
                    run.errors += 1
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run.seconds = time.monotonic() - started
    return run
