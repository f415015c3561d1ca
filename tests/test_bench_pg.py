"""bench/scale_pg.py's pure parts: which statements tell two copies of a record apart, what
two servers' answers are compared on, and how the table says whether PostgreSQL met 1.5×."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from pages import Page
from pg_record import PROBES, database_name, probe_ids
from report import engine_table, listed
from scale_pg import onrecord_pages


def test_a_small_record_is_compared_whole() -> None:
    assert probe_ids(count=7, last_id=7) == [1, 2, 3, 4, 5, 6, 7]


def test_a_large_record_is_probed_from_its_first_to_its_last_statement() -> None:
    ids = probe_ids(count=1_000_000, last_id=1_000_003)
    assert ids[0] == 1 and ids[-1] == 1_000_003
    assert len(ids) <= PROBES + 2 and ids == sorted(set(ids))


def test_an_empty_record_has_nothing_to_probe() -> None:
    assert probe_ids(count=0, last_id=0) == []


def test_each_record_size_has_its_own_database() -> None:
    assert database_name(100_000) != database_name(1_000_000)


def _page(ids: list[int], counts: list[int]) -> bytes:
    cards = "".join(f'<article data-statement-id="{i}">words</article>' for i in ids)
    options = "".join(f'<input name="country" data-count="{n}">' for n in counts)
    return f"<!doctype html><html><body>{cards}{options}</body></html>".encode()


def test_pages_listing_the_same_statements_and_counts_are_the_same_answer() -> None:
    assert listed(_page([3, 2], [10, 4])) == listed(_page([3, 2], [10, 4]))
    assert listed(_page([3, 2], [10, 4])) != listed(_page([2, 3], [10, 4]))
    assert listed(_page([3, 2], [10, 4])) != listed(_page([3, 2], [10, 5]))


def test_json_items_are_compared_by_id_and_other_answers_whole() -> None:
    statements = json.dumps({"items": [{"id": 5, "text": "a"}, {"id": 4}], "next_cursor": "x"})
    assert listed(statements.encode()) == ["5", "4"]
    facet = json.dumps({"options": [{"value": "kv", "count": 3}]}).encode()
    other = json.dumps({"options": [{"value": "kv", "count": 2}]}).encode()
    assert listed(facet) != listed(other)


def test_an_onrecord_address_asked_twice_of_datasette_is_timed_once() -> None:
    compared = [Page("JSON newest", "/api/statements", "/db/statement.json"),
                Page("JSON newest, Datasette _nocount", "/api/statements",
                     "/db/statement.json?_nocount=1"),
                Page("JSON ordinary speaker, Datasette _nocount", "/api/statements?actor=a",
                     "/db/statement.json?actor_id=1&_nocount=1")]
    assert [p.name for p in onrecord_pages(compared)] == ["JSON newest", "JSON ordinary speaker"]


def _figures(p50: float) -> dict[str, float]:
    return {"p50": p50, "p95": p50 * 2, "rps": 100.0, "n": 10, "errors": 0}


def test_the_table_says_which_pages_postgresql_keeps_within_one_and_a_half_times() -> None:
    results = {}
    for name, pg in (("within", 15.0), ("beyond", 16.0)):
        for c in (1, 8):
            results[f"{name}|sqlite|{c}"] = _figures(10.0)
            results[f"{name}|postgres|{c}"] = _figures(pg)
    check = {"statuses": [200, 200], "listed": 50, "same": True}
    summary = {"statements": 100, "copy_seconds": 12.0, "vacuum_seconds": 1.0, "workers": 1,
               "ready_seconds": {"sqlite": 1.0, "postgres": 1.1},
               "worker_memory_mib": {"sqlite": {"rss": 90.0}, "postgres": {"rss": 80.0}},
               "checks": {"within": check, "beyond": check}, "results": results,
               "target": "1.5x"}
    rows = {line.split(" | ")[0][2:]: line.split(" | ") for line in
            engine_table(summary).splitlines() if line.startswith("| within")
            or line.startswith("| beyond")}
    assert rows["within"][3:5] == ["1.50×", "yes"]
    assert rows["beyond"][3:5] == ["1.60×", "no"]
    assert "Target met on 1 of 2 pages." in engine_table(summary)
