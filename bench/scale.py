"""onrecord against Datasette on one SQLite file of N fictional statements, page by page.

    .venv/bin/python bench/scale.py --statements 1000000

Generates the file (`onrecord synth`) unless it exists, starts both servers on 127.0.0.1,
checks that every page answers and what facet counts it carries, then times the pages in
alternating short bursts (onrecord, Datasette, next page ...) at concurrency 1 and 8,
each burst bounded in time and requests. Writes bench/out/scale-N.json and prints the
Markdown table that bench/README.md shows.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import serving
from pages import pages, sample
from report import facet_check, memory_at_rest_mib, table
from serving import Side

OUT = Path(__file__).resolve().parent / "out"
ONRECORD_PORT, DATASETTE_PORT = 8711, 8712
#: onrecord first, then Datasette where it has the page.
SIDES = [Side("onrecord", ONRECORD_PORT, lambda page: page.paths("onrecord")),
         Side("datasette", DATASETTE_PORT, lambda page: page.paths("datasette"))]


def main() -> None:
    """Run the whole comparison as the arguments say."""
    parser = serving.arguments(__doc__.split("\n")[0])
    parser.add_argument("--only", action="append", default=[], metavar="WORDS",
                        help="time only the pages whose name holds these words (repeatable): "
                             "a quick look, its figures kept apart from the whole run's")
    args = parser.parse_args()
    db = serving.sqlite_file(args)
    synth_seconds = serving.generate(db, args.statements, args.seed) if not db.exists() else None
    onrecord, ready = serving.start_onrecord(str(db), ONRECORD_PORT, args.workers)
    datasette = serving.start([str(serving.BIN / "datasette"), "serve", str(db), "-h",
                               "127.0.0.1", "-p", str(DATASETTE_PORT),
                               "--setting", "suggest_facets", "off"])
    try:
        serving.wait(DATASETTE_PORT, "/-/versions.json")
        compared = [p for p in pages(sample(str(db), args.word), db.stem)
                    if not args.only or any(words in p.name for words in args.only)]
        checks = {p.name: facet_check(p, ONRECORD_PORT, DATASETTE_PORT) for p in compared}
        settled = serving.warm(compared, SIDES, onrecord.pid)
        results, growth = serving.measure(compared, SIDES, args, onrecord.pid)
        memory = memory_at_rest_mib(onrecord.pid)
    finally:
        serving.stop(onrecord, datasette)
    summary = {"statements": args.statements, "db": str(db), "synth_seconds": synth_seconds,
               "ready_seconds": ready, "settled_seconds": settled, "worker_memory_mib": memory,
               "workers": args.workers,
               "memory_growth_mib": growth, "checks": checks, "results": results,
               "targets": {p.name: p.target for p in compared}}
    OUT.mkdir(exist_ok=True)
    kind = "-only" if args.only else ""
    (OUT / f"scale-{args.statements}{kind}.json").write_text(json.dumps(summary, indent=1))
    print(table(summary))


if __name__ == "__main__":
    main()
