"""Start the servers a benchmark times, and time pages on them in alternating bursts.

Shared by `scale.py` (onrecord beside Datasette) and `scale_pg.py` (onrecord on SQLite
beside onrecord on PostgreSQL): the same bursts, the same order, the same figures.
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from load import Run, burst, fetch
from pages import PAGE_SIZE, Page
from report import memory_mib

BIN = Path(sys.executable).parent


def arguments(description: str) -> argparse.ArgumentParser:
    """Return the options every page benchmark takes: the record, the workers, the bursts."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", help="SQLite file (made with onrecord synth if missing)")
    parser.add_argument("--word", default="tasdri", help="the word the text search looks for")
    # One worker: uvicorn's multi-worker sockets lack TCP_NODELAY (see bench/README.md).
    parser.add_argument("--workers", type=int, default=1, help="onrecord's uvicorn workers")
    parser.add_argument("--rounds", type=int, default=3, help="bursts per page and server")
    parser.add_argument("--seconds", type=float, default=2.0, help="longest burst")
    parser.add_argument("--requests", type=int, default=200, help="most requests per burst")
    return parser


def sqlite_file(args: argparse.Namespace) -> Path:
    """Return the SQLite file of the run: --db, or the one kept for --statements N."""
    return Path(args.db or f"/tmp/onrecord-bench/bench-{args.statements}.db")


@dataclass(frozen=True)
class Side:
    """One server the pages are asked of: its name in the figures, its port, and the
    addresses a page has on it (none: the page is not asked of this server)."""

    name: str
    port: int
    paths: Callable[[Page], list[str]]


def generate(db: Path, statements: int, seed: int) -> float:
    """Make the SQLite file with `onrecord synth`; return the seconds it took."""
    db.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    subprocess.run([str(BIN / "onrecord"), "synth", "--statements", str(statements),
                    "--seed", str(seed), "--db", str(db)], check=True)
    return time.monotonic() - started


def start(command: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """Start a server quietly in the background."""
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def start_onrecord(db: str, port: int, workers: int) -> tuple[subprocess.Popen[bytes], float]:
    """Start `onrecord serve` on a file or URL and return it with the seconds it took to
    answer."""
    env = {**os.environ, "ONRECORD_PAGE_SIZE": str(PAGE_SIZE), "ONRECORD_LOAD_DEMO": "false"}
    started = time.monotonic()
    process = start([str(BIN / "onrecord"), "serve", "--db", db, "--port", str(port),
                     "--workers", str(workers)], env)
    wait(port, "/healthz")
    return process, time.monotonic() - started


def stop(*processes: subprocess.Popen[bytes]) -> None:
    """Stop the servers this run started."""
    for process in processes:
        process.terminate()
        process.wait(timeout=30)


def wait(port: int, path: str, seconds: float = 60) -> None:
    """Wait until the server on `port` answers `path` with 200, or give up."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if fetch(port, path, timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"nothing answered on port {port} within {seconds}s")


def measure(compared: list[Page], sides: list[Side], args: argparse.Namespace,
            pid: int) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """Time every page on every side in alternating bursts; return the figures per row, and
    how much the worker of `pid` grew over the bursts of each page that watches memory."""
    runs: dict[tuple[str, str, int], Run] = {}
    # One turn of addresses per page and server for the whole run: a page whose words take
    # turns never repeats one before it has asked for all of them.
    turns: dict[tuple[str, str], Iterator[str]] = {
        (page.name, side.name): itertools.cycle(side.paths(page))
        for page in compared for side in sides if side.paths(page)}
    growth: dict[str, float] = {}
    for concurrency in (1, 8):
        for _ in range(args.rounds):
            for page in compared:
                before = memory_mib(pid)["rss"] if page.watch_memory else 0.0
                for side in sides:
                    if (page.name, side.name) not in turns:
                        continue
                    done = burst(side.port, turns[page.name, side.name],
                                 concurrency=concurrency, seconds=args.seconds,
                                 max_requests=args.requests)
                    runs.setdefault((page.name, side.name, concurrency), Run()).merge(done)
                if page.watch_memory:
                    grown = memory_mib(pid)["rss"] - before
                    growth[page.name] = max(growth.get(page.name, 0.0), grown)
    figures = {f"{name}|{server}|{c}": {"p50": run.percentile(50), "p95": run.percentile(95),
                                        "rps": run.throughput, "n": len(run.latencies),
                                        "errors": run.errors}
               for (name, server, c), run in runs.items()}
    return figures, growth


#: How long each page is asked for at c8 on each server before any timing.
WARM_SECONDS = 0.5
#: Most seconds the workers are given to fall idle after the warm-up.
SETTLE_SECONDS = 60.0


def warm(compared: list[Page], sides: list[Side], *pids: int) -> float:
    """Ask every page on every server for a moment at c8 (so each worker meets each kind of
    page), then wait until the workers of onrecord's servers (pids) fall idle: a worker
    reads its facet columns on a thread after its first search or date range (a few
    seconds of CPU at a million statements), which timing would otherwise catch. Return
    the seconds waited."""
    for page in compared:
        for side in sides:
            paths = side.paths(page)
            if paths:
                burst(side.port, itertools.cycle(paths), concurrency=8, seconds=WARM_SECONDS,
                      max_requests=200)
    started = time.monotonic()
    busy = sum(map(_cpu_seconds, pids))
    while time.monotonic() - started < SETTLE_SECONDS:
        time.sleep(0.5)
        now = sum(map(_cpu_seconds, pids))
        if now - busy < 0.02:  # under 4 % of a core over the half second
            break
        busy = now
    return time.monotonic() - started


def _cpu_seconds(pid: int) -> float:
    """Return the CPU time the server's worker processes have used, in seconds."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split() or [str(pid)]
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for child in children:
        fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks
