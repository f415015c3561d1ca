"""Flood `onrecord serve` with concurrent logins; report the server's peak memory and how
long /healthz takes meanwhile.

    .venv/bin/python bench/login_flood.py [--logins 32]

Starts the server on a free port of 127.0.0.1 with a fresh SQLite file, sends the logins
at once (random names, so each costs an argon2 hash), asks /healthz while they run, and
prints peak RSS (VmHWM) and the slowest /healthz.
"""

from __future__ import annotations

import argparse
import http.client
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def request(port: int, method: str, path: str, body: str = "") -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
    connection.request(method, path, body=body or None, headers=headers)
    status = connection.getresponse().status
    connection.close()
    return status


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--logins", type=int, default=32)
    args = parser.parse_args()
    port, folder = free_port(), tempfile.mkdtemp()
    env = {**os.environ, "ONRECORD_LOAD_DEMO": "false"}
    server = subprocess.Popen([sys.executable, "-m", "app", "serve", "--port", str(port),
                               "--db", f"{folder}/flood.db"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                request(port, "GET", "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        before = peak_rss_mb(server.pid)
        statuses: Counter[int] = Counter()
        logins = [threading.Thread(target=lambda: statuses.update([request(
            port, "POST", "/login", f"name={secrets.token_hex(6)}&password=guess")]))
            for _ in range(args.logins)]
        started = time.monotonic()
        for thread in logins:
            thread.start()
        slowest = 0.0
        while any(t.is_alive() for t in logins):
            asked = time.monotonic()
            request(port, "GET", "/healthz")
            slowest = max(slowest, time.monotonic() - asked)
        took = time.monotonic() - started
        print(f"{args.logins} logins in {took:.1f} s: {dict(statuses)}; peak RSS "
              f"{before:.0f} -> {peak_rss_mb(server.pid):.0f} MB; slowest /healthz {slowest:.2f} s")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
