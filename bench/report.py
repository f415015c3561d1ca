"""What the benchmark checks besides speed (facet counts present, memory), and its table."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from load import fetch
from pages import Page

_FACET_GROUPS = {"country": "#filters input[name=country]", "stance": "#filters input[name=stance]",
                 "target": "#target option[data-count]"}


def onrecord_facets(html: str) -> int:
    """Count the facets (country, stance, target) an onrecord page shows with counts."""
    soup = BeautifulSoup(html, "html.parser")
    return sum(1 for css in _FACET_GROUPS.values() if soup.select(css))


def facet_check(page: Page, onrecord_port: int, datasette_port: int) -> dict[str, Any]:
    """Fetch a page from both servers once; say whether it answered and which counts it has."""
    mine = page.paths("onrecord")[0]
    status, body = fetch(onrecord_port, mine)
    check: dict[str, Any] = {"onrecord_status": status}
    if not mine.startswith(("/api/", "/actors?", "/actors")) or mine.startswith("/actors/"):
        check["onrecord_facets"] = onrecord_facets(body.decode())
    if page.datasette is None:
        return check
    theirs = page.paths("datasette")[0]
    d_status, _ = fetch(datasette_port, theirs)
    check["datasette_status"] = d_status
    if page.facets:
        _, raw = fetch(datasette_port, theirs.replace("/statement?", "/statement.json?"))
        data = json.loads(raw)
        check["datasette_facets"] = len(data.get("facet_results", {}))
        check["datasette_facets_timed_out"] = data.get("facets_timed_out", [])
    return check


def memory_mib(pid: int) -> dict[str, float]:
    """Return the largest resident and peak memory of a server's worker processes, in MiB."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    figures = [_status(int(p)) for p in children or [str(pid)]]
    return {"rss": max(f["VmRSS"] for f in figures), "peak": max(f["VmHWM"] for f in figures)}


#: How long the workers rest before their memory after a run is read: a worker hands back
#: what a burst freed half a second after its last request (app/web/idle_trim.py). The
#: peak is the high-water mark, whenever it was reached.
REST_SECONDS = 1.0


def memory_at_rest_mib(pid: int) -> dict[str, float]:
    """Return memory_mib once the workers have rested REST_SECONDS after the run."""
    time.sleep(REST_SECONDS)
    return memory_mib(pid)


def _status(pid: int) -> dict[str, float]:
    lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    values = dict(line.split(":", 1) for line in lines if ":" in line)
    return {k: int(values[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM")}


def met(target: str, mine: float, theirs: float | None) -> bool:
    """Whether a p50 meets its target: "0.5x" of Datasette's, or "50ms" outright."""
    if target.endswith("ms"):
        return mine <= float(target[:-2])
    return theirs is not None and mine <= float(target[:-1]) * theirs


def table(summary: dict[str, Any]) -> str:
    """Render the results as the Markdown table of bench/README.md."""
    results, checks = summary["results"], summary["checks"]
    targets = summary.get("targets", {})
    lines = ["| page | onrecord p50 / p95 (ms), c1 | Datasette p50 / p95 (ms), c1 | p50 ratio "
             "| target | met | onrecord req/s, c8 | Datasette req/s, c8 | throughput ratio "
             "| errors (onrecord / Datasette) | facet counts (onrecord / Datasette) |",
             "|---" * 11 + "|"]
    for name, check in checks.items():
        mine, mine8 = results[f"{name}|onrecord|1"], results[f"{name}|onrecord|8"]
        theirs, theirs8 = results.get(f"{name}|datasette|1"), results.get(f"{name}|datasette|8")
        target = targets.get(name, "0.5x")
        facets = f"{check.get('onrecord_facets', '–')} / {check.get('datasette_facets', '–')}"
        if check.get("datasette_facets_timed_out"):
            facets += f" (timed out: {', '.join(check['datasette_facets_timed_out'])})"
        errors = f"{mine['errors'] + mine8['errors']} / " + (
            f"{theirs['errors'] + theirs8['errors']}" if theirs and theirs8 else "–")
        if theirs and theirs8:
            datasette = (f"{theirs['p50']:.1f} / {theirs['p95']:.1f} | "
                         f"{mine['p50'] / theirs['p50']:.2f}×")
            rates = f"{theirs8['rps']:.0f} | {mine8['rps'] / theirs8['rps']:.1f}×"
        else:
            datasette, rates = "– | –", "– | –"
        ok = met(target, mine["p50"], theirs["p50"] if theirs else None)
        lines.append(
            f"| {name} | {mine['p50']:.1f} / {mine['p95']:.1f} | {datasette} | "
            f"≤ {target.replace('x', '×').replace('ms', ' ms')} | {'yes' if ok else 'no'} | "
            f"{mine8['rps']:.0f} | {rates} | {errors} | {facets} |")
    for name, grown in summary.get("memory_growth_mib", {}).items():
        lines.append(f"\nWorker memory over the bursts of \"{name}\": grew by at most "
                     f"{grown:.0f} MiB.")
    memory = summary["worker_memory_mib"]
    lines.append("")
    workers = summary["workers"]
    lines.append(f"{summary['statements']:,} statements; onrecord with {workers} "
                 f"worker{'s' if workers > 1 else ''}, ready in {summary['ready_seconds']:.1f} s"
                 + (f", idle {summary['settled_seconds']:.1f} s after the warm-up"
                    if summary.get("settled_seconds") is not None else "") + "; "
                 f"largest worker, at rest {REST_SECONDS:g} s after the run, "
                 f"{memory['rss']:.0f} MiB resident (peak {memory['peak']:.0f} MiB)"
                 + (f"; synth took {summary['synth_seconds']:.0f} s"
                    if summary["synth_seconds"] else "") + ".")
    return "\n".join(lines)


def listed(body: bytes) -> list[str]:
    """Return what an answer lists, to compare two servers' answers to one address: an
    HTML page's statements, counts and speakers (by their data attributes), or a JSON
    answer's items (their ids, or the whole item when it has none) and counts."""
    if body.lstrip().startswith((b"{", b"[")):
        data = json.loads(body)
        items = data.get("items", data) if isinstance(data, dict) else data
        return [json.dumps(i.get("id", i) if isinstance(i, dict) else i, sort_keys=True)
                for i in items] if isinstance(items, list) else [json.dumps(data)]
    soup = BeautifulSoup(body, "html.parser")
    return [f"{attr}={tag[attr]}" for attr in _LISTED
            for tag in soup.select(f"[{attr}]")]


#: The data attributes that say what a page lists: statements, counts, speakers.
_LISTED = ("data-statement-id", "data-count", "data-slug")


def same_answer(path: str, port: int, other_port: int) -> dict[str, Any]:
    """Fetch one address from two servers; say how each answered and whether both
    listed the same statements, counts and speakers."""
    status, body = fetch(port, path)
    other_status, other_body = fetch(other_port, path)
    mine, theirs = listed(body), listed(other_body)
    return {"statuses": [status, other_status], "listed": len(mine),
            "same": status == other_status and mine == theirs}


def engine_table(summary: dict[str, Any]) -> str:
    """Render onrecord on PostgreSQL against onrecord on SQLite as a Markdown table."""
    results, target = summary["results"], summary["target"]
    lines = ["| page | SQLite p50 / p95 (ms), c1 | PostgreSQL p50 / p95 (ms), c1 "
             f"| PostgreSQL ÷ SQLite p50 | ≤ {target.replace('x', '×')} "
             "| SQLite req/s, c8 | PostgreSQL req/s, c8 | errors (SQLite / PostgreSQL) "
             "| same answer (items compared) |", "|---" * 9 + "|"]
    met_count = 0
    for name, check in summary["checks"].items():
        lite, pg = results[f"{name}|sqlite|1"], results[f"{name}|postgres|1"]
        lite8, pg8 = results[f"{name}|sqlite|8"], results[f"{name}|postgres|8"]
        ok = met(target, pg["p50"], lite["p50"])
        met_count += ok
        errors = f"{lite['errors'] + lite8['errors']} / {pg['errors'] + pg8['errors']}"
        lines.append(f"| {name} | {lite['p50']:.1f} / {lite['p95']:.1f} | "
                     f"{pg['p50']:.1f} / {pg['p95']:.1f} | {pg['p50'] / lite['p50']:.2f}× | "
                     f"{'yes' if ok else 'no'} | {lite8['rps']:.0f} | {pg8['rps']:.0f} | "
                     f"{errors} | {'yes' if check['same'] else 'no'} ({check['listed']}) |")
    lines += ["", _engine_footer(summary, met_count)]
    return "\n".join(lines)


def _engine_footer(summary: dict[str, Any], met_count: int) -> str:
    ready, memory = summary["ready_seconds"], summary["worker_memory_mib"]
    copy = (f"copied by `onrecord copy` in {summary['copy_seconds']:.0f} s, then VACUUM "
            f"ANALYZE in {summary['vacuum_seconds']:.0f} s" if summary["copy_seconds"]
            else "the PostgreSQL database reused (it held the same record)")
    return (f"{summary['statements']:,} statements; {copy}; {summary['workers']} worker(s) "
            f"each, ready in {ready['sqlite']:.1f} s (SQLite) and {ready['postgres']:.1f} s "
            f"(PostgreSQL); largest worker {memory['sqlite']['rss']:.0f} / "
            f"{memory['postgres']['rss']:.0f} MiB resident (SQLite / PostgreSQL). "
            f"Target met on {met_count} of {len(summary['checks'])} pages.")
