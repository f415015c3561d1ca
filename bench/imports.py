"""`onrecord import` of a big JSON Lines file: rows a second and peak memory, checked and written.

Makes a fictional record with `onrecord synth` (or reuses the one in --work), writes a file of
N fictional rows — most by speakers the record knows (by name, slug or in capitals), some by
new ones, half citing one of a pool of sources — then runs, each in a subprocess of its own:
`onrecord import --dry-run`, with --tty the same on a pseudo-terminal (the progress bar
drawn: what the bar costs), and `onrecord import`, on a copy of the record each time.
Reports wall time, rows a second (of wall time, and of the child's CPU time, steadier on a
shared machine) and peak resident memory (from the child's own rusage), checks that the
import added exactly N statements, and writes the figures to bench/out/imports-N.json.

    .venv/bin/python bench/imports.py [--rows 100000] [--record 20000] [--tty]
    .venv/bin/python bench/imports.py --rows 100000 --db postgresql+psycopg://u:p@host/db

With --db the named database is EMPTIED (its public schema dropped) and filled anew; the
terminal run is left out there (it would need a second copy of the record).
"""

from __future__ import annotations

import argparse
import json
import os
import pty
import random
import shutil
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from app.record.migrate import upgrade

ONRECORD = [sys.executable, "-m", "app"]
OUT = Path(__file__).parent / "out"
#: Share of rows by speakers the record does not know yet, and how many rows each has.
NEW_SHARE, ROWS_PER_NEW_SPEAKER = 0.2, 200
#: Share of rows citing a source, and rows per source.
SOURCED, ROWS_PER_SOURCE = 0.5, 25
_SYLLABLES = ("ka", "lo", "mi", "ren", "tas", "vo", "bel", "dri", "sun", "ah", "ter", "ul")
_STANCES = ("supportive", "critical", "neutral")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--record", type=int, default=20_000,
                        help="statements of the synthetic record imported into")
    parser.add_argument("--db", help="a PostgreSQL URL to empty and use instead of SQLite")
    parser.add_argument("--work", type=Path, default=Path("/tmp/onrecord-bench/imports"))
    parser.add_argument("--tty", action="store_true",
                        help="also time the dry run on a terminal, progress bar drawn")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    base = _record(args)
    path = args.work / f"rows-{args.rows}.jsonl"
    _write_rows(path, args.rows, _known_speakers(base), seed=args.rows)
    runs = {"dry run": _timed(path, base, args, "--dry-run")}
    if args.tty and not args.db:
        runs["dry run, on a terminal"] = _timed(path, base, args, "--dry-run", tty=True)
    before = _statements(base if args.db else _copy(base, args.work / "target.db"))
    runs["import"] = _timed(path, base, args)
    added = _statements(args.db or str(args.work / "target.db")) - before
    assert added == args.rows, f"the import added {added} statements, not {args.rows}"
    report = {"rows": args.rows, "record": args.record, "engine": "postgresql" if args.db
              else "sqlite", "runs": runs}
    OUT.mkdir(exist_ok=True)
    (OUT / f"imports-{args.rows}.json").write_text(json.dumps(report, indent=2))
    for name, run in runs.items():
        print(f"{name:>24}: {run['seconds']:7.1f} s  {run['rows_per_s']:9,.0f} rows/s  "
              f"(CPU {run['cpu_seconds']:6.1f} s, {run['rows_per_cpu_s']:7,.0f} rows/CPU-s)  "
              f"peak {run['peak_mb']:6.0f} MB")


def _record(args: argparse.Namespace) -> str:
    """Return the URL of the record to import into, made with synth unless already there."""
    if args.db:
        engine = create_engine(args.db)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        _run([*ONRECORD, "synth", "--statements", str(args.record), "--db", args.db])
        return str(args.db)
    made = args.work / f"record-{args.record}.db"
    if not made.exists():
        _run([*ONRECORD, "synth", "--statements", str(args.record), "--db", str(made)])
    # A record kept from an older version is brought up to date once, here: each timed
    # import would otherwise migrate its copy (1.3 s of a 21 s dry run from 0007).
    upgrade(f"sqlite:///{made}")
    return str(made)


def _known_speakers(database: str) -> list[str]:
    """Return ways of naming the record's speakers: by name, by slug, in capitals."""
    engine = create_engine(database if "://" in database else f"sqlite:///{database}")
    with engine.connect() as connection:
        actors = connection.execute(text("SELECT name, slug FROM actor ORDER BY id")).all()
    engine.dispose()
    return [way for name, slug in actors for way in (name, slug, name.upper())]


def _write_rows(path: Path, rows: int, known: list[str], *, seed: int) -> None:
    """Write `rows` fictional JSON Lines rows (the same file for the same size)."""
    if path.exists():
        return
    rng = random.Random(seed)
    new = [f"{_word(rng, 2).capitalize()} {_word(rng, 3).capitalize()} Neu{n}"
           for n in range(max(1, int(rows * NEW_SHARE) // ROWS_PER_NEW_SPEAKER))]
    sources = max(1, int(rows * SOURCED) // ROWS_PER_SOURCE)
    with path.open("w", encoding="utf-8") as out:
        for n in range(rows):
            row: dict[str, Any] = {
                "speaker": rng.choice(new) if rng.random() < NEW_SHARE else rng.choice(known),
                "text": " ".join(_word(rng, rng.randrange(1, 4)) for _ in range(12)) + ".",
                "said_on": (date(2016, 1, 1) + timedelta(days=rng.randrange(3650))).isoformat(),
                "stance": rng.choice(_STANCES)}
            if rng.random() < 0.3:
                row["target"] = _word(rng, 3).capitalize() + "ia"
            if rng.random() < SOURCED:
                s = rng.randrange(sources)
                row["source"] = {"title": f"The Quay Courier, issue {s}",
                                 "url": f"https://courier.example/{s}", "publisher": "Quay"}
            if n % 50 == 0:
                row["publish"] = False
            out.write(json.dumps(row) + "\n")


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts))


def _timed(path: Path, base: str, args: argparse.Namespace, *flags: str,
           tty: bool = False) -> dict[str, float]:
    """Run one import in a subprocess on a copy of the record; return its time and memory."""
    target = args.db or str(_copy(base, args.work / "target.db"))
    command = [*ONRECORD, "import", str(path), "--db", target, *flags]
    started = time.monotonic()
    if tty:
        leader, follower = pty.openpty()
        child = subprocess.Popen(command, stdout=follower, stderr=follower)
        os.close(follower)
        _drain(leader)
    else:
        with (args.work / "output.txt").open("wb") as log:
            child = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.monotonic() - started
    output = b"" if tty else (args.work / "output.txt").read_bytes()
    assert status == 0, f"{' '.join(command)} failed: {output.decode()[-2000:]}"
    print(_added_line(output.decode()) if output else "(on a terminal)")
    cpu = usage.ru_utime + usage.ru_stime
    return {"seconds": round(seconds, 2), "rows_per_s": round(args.rows / seconds),
            "cpu_seconds": round(cpu, 2), "rows_per_cpu_s": round(args.rows / cpu),
            "peak_mb": round(usage.ru_maxrss / 1024)}


def _added_line(output: str) -> str:
    return next((line for line in output.splitlines() if "dd " in line), output[-200:])


def _drain(leader: int) -> None:
    """Read what the child draws on its terminal until it ends, so it never blocks."""
    while True:
        try:
            if not os.read(leader, 65536):
                break
        except OSError:  # the child closed the terminal
            break
    os.close(leader)


def _copy(base: str, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(base, target)
    return target


def _statements(database: str | Path) -> int:
    url = str(database) if "://" in str(database) else f"sqlite:///{database}"
    engine = create_engine(url)
    with engine.connect() as connection:
        count = int(connection.execute(text("SELECT count(*) FROM statement")).scalar_one())
    engine.dispose()
    return count


def _run(command: list[str]) -> None:
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    main()
