"""The record's version changes with every change to a statement: kept searches never go stale."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

from sqlmodel import Session, text

from app.errors import Busy
from app.files.synth import Plan, synthesize
from app.record import versions
from app.record.triggers import bulk_load
from app.record.versions import Kept
from tests import factories as f
from tests.factories import all_api_ids


def shown_total(client, qs: str) -> int:
    found = re.search(r'<span id="total">(\d+)</span>', client.get(f"/?{qs}").text)
    assert found is not None
    return int(found.group(1))


def read_version(session: Session) -> int:
    session.commit()  # a new transaction sees what others committed
    return versions.current(session)


def test_every_insert_update_and_delete_of_a_statement_gives_a_new_version(session):
    speaker = f.actor(session, "Speaker Rowan")
    seen = [read_version(session)]
    made = f.statement(session, speaker, said_on=date(2022, 3, 1))
    seen.append(read_version(session))
    made.text = "An edited fictional remark."
    session.add(made)
    session.commit()
    seen.append(read_version(session))
    session.exec(text("UPDATE statement SET stance = 'critical'"))  # a writer outside the app
    seen.append(read_version(session))
    session.delete(made)
    session.commit()
    seen.append(read_version(session))
    assert len(set(seen)) == len(seen), seen


def test_writes_elsewhere_leave_the_version_alone(session):
    before = read_version(session)
    f.actor(session, "Speaker Linden")
    assert read_version(session) == before


def test_a_bulk_load_without_triggers_still_gives_a_new_version(session):
    before = read_version(session)
    synthesize(session, Plan(statements=30, actors=3, countries=2))
    assert read_version(session) != before
    with bulk_load(session):
        pass
    after = read_version(session)
    f.statement(session, f.actor(session, "Speaker Alder"), said_on=date(2022, 1, 1))
    assert read_version(session) != after, "the triggers are back after the load"


def test_a_search_shown_before_a_write_elsewhere_shows_the_write_after_it(client, session):
    speaker = f.actor(session, "Speaker Hornbeam")
    first = f.statement(session, speaker, said_on=date(2022, 4, 1), text="Quolls at dusk.")
    assert all_api_ids(client, "q=quoll*") == [first.id]
    assert shown_total(client, "q=quoll*") == 1
    second = f.statement(session, speaker, said_on=date(2022, 4, 2), text="More quolls.")
    assert all_api_ids(client, "q=quoll*") == [second.id, first.id]
    assert shown_total(client, "q=quoll*") == 2
    session.exec(text(f"UPDATE statement SET status = 'withdrawn' WHERE id = {first.id}"))
    session.commit()
    assert all_api_ids(client, "q=quoll*") == [second.id]


def test_kept_values_are_the_most_recently_used_within_their_weight():
    kept: Kept[str, list[int] | None] = Kept(capacity=10)
    kept.put("a", [1] * 4, 4)
    kept.put("b", None, 1)
    kept.put("c", [3] * 4, 4)
    assert kept.get("a") == ([1] * 4,)  # now the most recent
    kept.put("d", [4] * 3, 3)  # 12 > 10: "b", then "c", the least recent, go
    assert kept.get("b") is None and kept.get("c") is None
    assert kept.get("a") == ([1] * 4,) and kept.get("d") == ([4] * 3,)
    kept.put("huge", [0] * 11, 11)
    assert kept.get("huge") is None and kept.get("a") is not None


def _ask_at_once(kept: Kept[str, Any], read: Callable[[], Any], askers: int = 8,
                 **weighed: Any) -> list[Any]:
    """Ask `askers` threads for one value at the same time; return what each got."""
    with ThreadPoolExecutor(askers) as pool:
        return list(pool.map(lambda _: kept.get_or_read("view", read, **weighed),
                             range(askers)))


def _slow(value: Any, reads: list[int], fail_first: bool = False) -> Callable[[], Any]:
    lock = threading.Lock()

    def read() -> Any:
        with lock:
            reads.append(1)
            failing = fail_first and len(reads) == 1
        time.sleep(0.2)  # long enough for every asker to arrive while it reads
        if failing:
            raise Busy("the first reading failed")
        return value
    return read


def test_a_value_asked_for_at_once_is_read_once_and_shared():
    """After a write, the requests of a popular view wait for one reading of it."""
    kept: Kept[str, Any] = Kept(capacity=10)
    reads: list[int] = []
    assert _ask_at_once(kept, _slow([7], reads)) == [[7]] * 8
    assert len(reads) == 1 and kept.get("view") == ([7],)


def test_a_value_too_heavy_to_keep_is_still_shared_by_those_waiting():
    kept: Kept[str, Any] = Kept(capacity=10)
    reads: list[int] = []
    assert _ask_at_once(kept, _slow([0] * 11, reads), weigh=len) == [[0] * 11] * 8
    assert len(reads) == 1 and kept.get("view") is None


def test_when_the_first_reading_fails_each_waiting_request_reads_for_itself():
    kept: Kept[str, Any] = Kept(capacity=10)
    reads: list[int] = []
    with ThreadPoolExecutor(4) as pool:
        asked = [pool.submit(kept.get_or_read, "view", _slow("v", reads, fail_first=True))
                 for _ in range(4)]
        outcomes = [a.exception() or a.result() for a in asked]
    assert sum(isinstance(o, Busy) for o in outcomes) == 1
    assert [o for o in outcomes if not isinstance(o, Busy)] == ["v"] * 3
    assert len(reads) == 4 and kept.get("view") == ("v",)


def test_pages_of_a_kept_search_follow_one_another_without_gaps_either_way(client, session):
    speaker = f.actor(session, "Speaker Juniper")
    made = [f.statement(session, speaker, said_on=date(2022, 5, 1 + i % 4), text=f"Numbat {i}.")
            for i in range(47)]  # three pages of 20, days shared across page breaks
    expected = [s.id for s in sorted(made, key=lambda s: (s.said_on, s.id), reverse=True)]
    assert all_api_ids(client, "q=numbat") == expected
    assert all_api_ids(client, "q=numbat&sort=oldest") == expected[::-1]
    assert all_api_ids(client, "q=numbat&from=2022-05-02&to=2022-05-03") == [
        i for i, s in zip(expected, sorted(made, key=lambda s: (s.said_on, s.id), reverse=True),
                          strict=True) if s.said_on.day in (2, 3)]
