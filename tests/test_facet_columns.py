"""A worker's facet columns give a search exactly the rows the statement table gives.

The columns (app/reading/facet_columns.py) replace reading a search's matches out of the
table; they are of one version of the record and must never be used at another.
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import date

import pytest
from sqlmodel import Session, select

from app.reading import facet_columns, kept_searches, search
from app.reading.counts import count_by
from app.reading.facet_columns import HeldColumns, _Column, read_columns
from app.reading.kept_searches import KeptSearches
from app.reading.query import FILTERS, TimelineQuery
from app.record import versions
from app.record.models import Stance, Statement, StatementKind, StatementStatus
from tests import factories as f

SEARCHES = ["harbour", "levy", "harbour OR grain", '"harbour levy"', "grain -harbour", "lev*"]


def _record(session: Session, *, hole: bool = True) -> None:
    """Statements of every kind of value a kept row holds: drafts, no country, targets,
    kinds, languages, several days and speakers; one deleted, leaving a hole in the ids."""
    speakers = [f.actor(session, "Ilse Varnow", country="NO"),
                f.actor(session, "Tomas Reddel", country=None),
                f.actor(session, "Ana Quellbrook", country="PT")]
    words = ["harbour levy", "grain levy", "harbour grain", "the levy stands", "harbourmaster"]
    for n in range(60):
        made = f.statement(session, speakers[n % 3], said_on=date(2023, 1 + n % 12, 1 + n % 27),
                           text=f"On the {words[n % 5]} question, point {n}",
                           stance=list(Stance)[n % 3], target="Harbour Board" if n % 4 else None,
                           kind=list(StatementKind)[n % 2], lang="en" if n % 5 else "no")
        if n % 7 == 0:
            made.status = StatementStatus.draft
            session.add(made)
    session.commit()
    if hole:
        session.delete(session.exec(select(Statement).where(Statement.id == 30)).one())
        session.commit()


def test_the_columns_give_each_search_the_rows_the_table_gives(session: Session):
    _record(session)
    columns = read_columns(session)
    assert columns is not None and columns.version == versions.current(session)
    for q in SEARCHES:
        from_table, _ = kept_searches._rows(session, search.condition(q), None)
        from_columns = columns.pick(search.matching_ids(session, q, limit=1_000)).rows()
        assert from_columns == from_table, q
        assert from_columns  # each search finds something, so the comparison says something


def test_a_search_without_filters_counts_and_pages_from_the_columns_as_from_the_table(
        session: Session):
    """Counted from the codes (a column of one value, every statement in one kind, too),
    its newest page picked without drawing the rows: as the table's rows give them."""
    _record(session, hole=False)  # (a hole in the ids is a value of its own in a column)
    for s in session.exec(select(Statement)).all():
        s.kind = StatementKind.direct
        session.add(s)
    session.commit()
    version = versions.current(session)
    held = HeldColumns.of(session).at(session, version)
    assert held is not None
    for q in SEARCHES:
        from_table = kept_searches.Matches(kept_searches._rows(session, search.condition(q),
                                                               None)[0])
        picked = kept_searches.Matches(held.pick(search.matching_ids(session, q, limit=1_000)))
        for field in ("said_on", *(declared.key for declared in FILTERS)):
            assert picked.count(field) == from_table.count(field), (q, field)
        for newest in (True, False):
            assert picked.page(None, 7, newest=newest, cursor=None) == from_table.page(
                None, 7, newest=newest, cursor=None), q
    assert picked.count("kind") == {"direct": len(picked.rows)}


def test_a_column_widens_as_its_values_pass_what_a_byte_holds():
    column = _Column()
    values = [f"value-{n}" for n in range(70_000)]
    column.extend(values[:200])
    assert column.array.typecode == "B"
    column.extend(values[200:])
    column.extend(values[:3])
    assert column.array.typecode == "I"
    assert [column.codes.by_code[c] for c in column.array] == [*values, *values[:3]]


def test_a_search_after_an_edit_counts_the_edit(session: Session):
    _record(session)
    query = TimelineQuery(q="harbour")
    before = count_by(session, query, "stance")
    assert HeldColumns.of(session).columns is not None  # the search read them (small record)
    changed = session.exec(select(Statement).where(
        Statement.text.contains("harbour"), Statement.status == StatementStatus.published,
        Statement.stance == Stance.critical)).first()
    changed.stance = Stance.supportive
    session.add(changed)
    session.commit()
    after = count_by(session, query, "stance")
    assert after["critical"] == before["critical"] - 1
    assert after["supportive"] == before["supportive"] + 1


def test_a_big_record_reads_its_columns_off_the_request_and_searches_meanwhile(
        session: Session, monkeypatch):
    _record(session)
    monkeypatch.setattr("app.reading.facet_columns.INLINE_IDS", 0)  # read on a thread
    held = HeldColumns.of(session)
    version = versions.current(session)
    expected = kept_searches._rows(session, search.condition("levy"), None)[0]
    found = KeptSearches().matches(session, version, "levy")  # starts the reading
    assert found is not None and found.rows == expected  # from the table meanwhile
    deadline = time.monotonic() + 10
    while (held.columns is None or held.columns.version != version) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert held.at(session, version) is not None
    assert KeptSearches().matches(session, version, "levy").rows == expected


def test_columns_of_an_older_version_are_never_used(session: Session, monkeypatch):
    _record(session)
    held = HeldColumns.of(session)
    old = versions.current(session)
    assert held.at(session, old) is not None
    f.statement(session, f.actor(session, "Petra Holm"), said_on=date(2024, 5, 1),
                text="A harbour levy, again")
    new = versions.current(session)
    assert new != old
    monkeypatch.setattr(held, "_not_before", time.monotonic() + 60)  # no reading may start
    assert held.at(session, new) is None
    found = KeptSearches().matches(session, new, "again")
    assert found is not None and len(found.rows) == 1  # read from the table


def test_a_record_with_ids_far_apart_is_not_held_and_still_searched(session: Session,
                                                                    monkeypatch):
    _record(session)
    monkeypatch.setattr("app.reading.facet_columns.MAX_SPREAD", 0)
    monkeypatch.setattr("app.reading.facet_columns.SPREAD_SLACK", 10)
    assert read_columns(session) is None
    assert count_by(session, TimelineQuery(q="levy"), "stance")


def test_outside_an_app_nothing_is_held(tmp_path):
    from app.config import Settings
    from app.record.setup import open_engine, prepare_database

    settings = Settings(database_url=f"sqlite:///{tmp_path / 'cli.db'}", load_demo=False)
    prepare_database(settings)
    with Session(open_engine(settings)) as cli_session:
        assert HeldColumns.of(cli_session) is None
        assert count_by(cli_session, TimelineQuery(q="levy"), "stance") == {}


@pytest.mark.parametrize("stride", [4, facet_columns.MIN_STRIDE])
def test_the_columns_count_any_days_as_the_statements_do(session: Session, monkeypatch,
                                                          stride: int):
    """Counted from running counts every few statements and the rest one by one, and (a
    small record under the usual stride) wholly one by one."""
    monkeypatch.setattr(facet_columns, "MIN_STRIDE", stride)
    _record(session)
    columns = read_columns(session)
    assert columns is not None
    edges = [(date(2023, 3, 5), date(2023, 3, 20)), (date(2023, 1, 1), date(2023, 12, 31)),
             (date(2023, 6, 10), date(2023, 6, 10)), (date(2024, 1, 1), date(2024, 2, 1)),
             (date.min, date(2023, 2, 14)), (date(2023, 11, 3), date.max)]
    stored = session.exec(select(Statement)).all()
    for first, last in edges:
        counted = columns.count_days(first, last)
        for declared in FILTERS:
            expected = Counter(getattr(s, declared.key) for s in stored
                               if s.status is StatementStatus.published
                               and first <= s.said_on <= last)
            spelled = {"" if k is None else str(k): n for k, n in expected.items()}
            days_counts = counted[declared.key]
            assert days_counts.counted() == spelled, (declared.name, first, last)
            if len(spelled) > 2:  # the biggest two asked for: they and their ties, no less
                second = sorted(spelled.values(), reverse=True)[1]
                assert days_counts.counted(limit=2) == {
                    k: n for k, n in spelled.items() if n >= second}, (declared.name, first)
            for value, n in list(spelled.items())[:2]:
                assert days_counts.counted(only=[value]) == {value: n}


def test_a_failed_reading_leaves_searches_to_the_table_and_is_not_retried_at_once(
        session: Session, monkeypatch, caplog):
    _record(session)
    tries = []

    def failing(session: Session) -> None:
        tries.append(1)
        raise RuntimeError("the disk is gone")

    monkeypatch.setattr("app.reading.facet_columns.read_columns", failing)
    version = versions.current(session)
    expected = kept_searches._rows(session, search.condition("grain"), None)[0]
    for _ in range(3):
        found = KeptSearches().matches(session, version, "grain")
        assert found is not None and found.rows == expected
    assert len(tries) == 1
    assert "could not read the facet columns" in caplog.text


def test_an_empty_record_has_every_column_and_counts_nothing(session: Session):
    columns = read_columns(session)
    assert columns is not None
    picked = columns.pick([1, 2, 3])
    assert picked.ids == [] and picked.rows() == []
    assert all(picked.count(f.key) == Counter() for f in FILTERS)
    days = columns.count_days(date(2020, 1, 1), date(2020, 12, 31))
    assert set(days) == {f.key for f in FILTERS}
    assert all(not counted.counted() for counted in days.values())
    assert columns.per_day(date(2020, 1, 1), date(2020, 12, 31)) == {}
