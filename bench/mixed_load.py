"""Readers and writers against `onrecord serve` while `onrecord import` loads a big file.

For each worker count: start the server on 127.0.0.1 over a fresh synthetic record, run
readers (timeline, filters, search, permalinks) and writers (add and edit through the API
with a token) for a few seconds alone, then again while a 100,000-row import runs, and
report read latency before and during the import, every status seen, and the import's time.
Everything is bounded: each phase stops after its seconds, and each worker count's run
after --deadline seconds (the import is stopped if it has not finished by then).

    .venv/bin/python bench/mixed_load.py [--rows 100000] [--workers 1 2] [--deadline 60]
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ONRECORD = [sys.executable, "-m", "app"]
HOST = "127.0.0.1"
#: Readers and writers at once: enough to keep two workers busy on a two-core machine.
READERS, WRITERS = 4, 2
#: Fictional speakers of the imported file and of the writers.
SPEAKERS = ("Anna Marsh", "Bruno Vale", "Clara Dune", "Dario Fen", "Elin Moor")


@dataclass
class Tally:
    """What one phase saw: read and write latencies (s) and every status."""

    reads: list[float] = field(default_factory=list)
    writes: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float, status: int) -> None:
        with self.lock:
            (self.reads if kind == "read" else self.writes).append(seconds)
            self.statuses[status] += 1

    def summary(self) -> dict[str, object]:
        def ms(values: list[float], q: int) -> float:
            if len(values) < 2:
                return float("nan")
            return round(statistics.quantiles(values, n=100)[q - 1] * 1000, 1)
        return {"reads": len(self.reads), "read_p50_ms": ms(self.reads, 50),
                "read_p95_ms": ms(self.reads, 95), "writes": len(self.writes),
                "write_p50_ms": ms(self.writes, 50), "write_max_ms":
                round(max(self.writes, default=0) * 1000, 1),
                "statuses": dict(sorted(self.statuses.items())),
                "errors_5xx": sum(n for s, n in self.statuses.items() if s >= 500)}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def request(port: int, method: str, path: str, body: object = None,
            token: str = "") -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        connection.request(method, path, json.dumps(body) if body is not None else None,
                           headers)
        answer = connection.getresponse()
        return answer.status, answer.read()
    except (OSError, http.client.HTTPException):
        return 599, b""  # no answer at all counts as a server error
    finally:
        connection.close()


def make_record(folder: Path, statements: int) -> tuple[Path, str]:
    """Make a synthetic record and an API token; return the file and the token."""
    db = folder / "mixed.db"
    subprocess.run([*ONRECORD, "synth", "--statements", str(statements), "--actors", "300",
                    "--db", str(db)], check=True, capture_output=True, timeout=120)
    made = subprocess.run([*ONRECORD, "token", "create", "--name", "bench-writer", "--db",
                           str(db)], check=True, capture_output=True, text=True, timeout=60)
    token = next(w for w in made.stdout.split() if w.startswith("onr_"))
    return db, token


def make_file(folder: Path, rows: int) -> Path:
    """Write a CSV of fictional statements for `onrecord import`."""
    path = folder / "import.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("speaker,text,said_on,stance,target,source_title,source_url\n")
        for i in range(rows):
            out.write(f"{SPEAKERS[i % 5]},Pier {i} of the fictional harbour will reopen.,"
                      f"20{10 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d},"
                      f"{('supportive', 'critical', 'neutral')[i % 3]},Harbour Board,"
                      f"Pier Weekly {i % 40},https://pier.example/{i % 40}\n")
    return path


def read_paths(port: int) -> list[str]:
    """Pages a reader asks for: the timeline, filters, a search and permalinks."""
    actors = json.loads(request(port, "GET", "/api/actors")[1])[:5]
    listed = json.loads(request(port, "GET", "/api/statements")[1])["items"][:5]
    paths = ["/", "/?stance=critical", "/?sort=oldest", "/?q=harbour", "/?q=border+policy",
             "/?from=2019-01-01&to=2019-03-31", "/api/statements?stance=supportive"]
    paths += [f"/?actor={a['slug']}" for a in actors]
    paths += [f"/?actor={a['slug']}&stance=neutral" for a in actors[:2]]
    paths += [urlsplit(s["url"]).path for s in listed]
    return paths


def reader(port: int, paths: list[str], tally: Tally, stop: threading.Event) -> None:
    chooser = random.Random(1)
    while not stop.is_set():
        started = time.monotonic()
        status, _ = request(port, "GET", chooser.choice(paths))
        tally.add("read", time.monotonic() - started, status)


def writer(port: int, token: str, tally: Tally, stop: threading.Event, n: int) -> None:
    made: list[int] = []
    while not stop.is_set():
        started = time.monotonic()
        if made and n % 2:
            status, _ = request(port, "PATCH", f"/api/statements/{random.choice(made)}",
                                {"stance": random.choice(["critical", "neutral"])}, token)
        else:
            status, body = request(port, "POST", "/api/statements", {
                "speaker": SPEAKERS[n % 5], "said_on": "2021-06-14",
                "text": f"Writer line {n} about the fictional ferry.", "publish": True}, token)
            if status == 201:
                made.append(json.loads(body)["id"])
        tally.add("write", time.monotonic() - started, status)
        n += 1
        time.sleep(0.05)


def load(port: int, token: str, paths: list[str], until: Callable[[], bool]) -> Tally:
    """Run readers and writers until until() is true; return what they saw."""
    tally, stop = Tally(), threading.Event()
    threads = [threading.Thread(target=reader, args=(port, paths, tally, stop))
               for _ in range(READERS)]
    threads += [threading.Thread(target=writer, args=(port, token, tally, stop, w * 1000))
                for w in range(WRITERS)]
    for thread in threads:
        thread.start()
    while not until():
        time.sleep(0.05)
    stop.set()
    for thread in threads:
        thread.join(timeout=35)
    return tally


def run(workers: int, db: Path, token: str, csv: Path, seconds: float,
        deadline: float) -> dict[str, object]:
    port = free_port()
    log = (db.parent / "server.log").open("w")
    server = subprocess.Popen([*ONRECORD, "serve", "--host", HOST, "--port", str(port),
                               "--workers", str(workers), "--db", str(db)],
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        while request(port, "GET", "/healthz")[0] != 200:
            if time.monotonic() > deadline:
                raise SystemExit("the server did not start in time")
            time.sleep(0.1)
        paths = read_paths(port)
        for name in SPEAKERS:  # made once here: two writers adding one new name at once race
            request(port, "POST", "/api/actors", {"name": name}, token)
        alone_until = time.monotonic() + seconds
        alone = load(port, token, paths, lambda: time.monotonic() > alone_until)
        started = time.monotonic()
        importer = subprocess.Popen([*ONRECORD, "import", str(csv), "--db", str(db)],
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        during = load(port, token, paths,
                      lambda: importer.poll() is not None or time.monotonic() > deadline)
        finished = importer.poll() is not None
        if not finished:
            importer.kill()
        output = (importer.communicate(timeout=30)[0] or "").strip().splitlines()
        return {"workers": workers, "alone": alone.summary(), "during_import": during.summary(),
                "import_seconds": round(time.monotonic() - started, 1) if finished else None,
                "import_said": output[0] if output else "", "server_errors": _errors(db)}
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _errors(db: Path) -> list[str]:
    """Return the last lines of each traceback the server logged, if any."""
    lines = (db.parent / "server.log").read_text(errors="replace").splitlines()
    return [line for n, line in enumerate(lines)
            if n + 1 < len(lines) and lines[n + 1].startswith("INFO") is False
            and line and not line.startswith((" ", "INFO", "Traceback"))][-5:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows the import adds")
    parser.add_argument("--statements", type=int, default=20_000, help="record to start from")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--seconds", type=float, default=5, help="load before the import")
    parser.add_argument("--deadline", type=float, default=60,
                        help="most seconds for each worker count")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="onrecord-mixed-") as tmp:
        folder = Path(tmp)
        csv = make_file(folder, args.rows)
        for workers in args.workers:
            run_folder = folder / f"w{workers}"
            run_folder.mkdir()
            db, token = make_record(run_folder, args.statements)
            results.append(run(workers, db, token, csv, args.seconds,
                               time.monotonic() + args.deadline))
            print(json.dumps(results[-1]), flush=True)
    out = Path(__file__).parent / "out" / "mixed_load.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
