"""A file import that stages its rows first and writes what row-by-row writing would."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, insert, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from app.reading.counts import count_by
from app.reading.query import TimelineQuery
from app.record.history import snapshot
from app.record.models import Actor, Revision, Statement
from app.record.tallies import refill
from app.record.triggers import bulk_load
from tests import factories
from tests.bulk_helpers import db_file, import_bytes, run, seed

HEADER = "speaker,text,said_on,stance,target,country,source_title,source_url,publish\n"


def _lines(count: int, *, known_only: bool = False) -> list[str]:
    """Fictional rows: known and new speakers, shared sources, both stances, some drafts
    (only known speakers and no source when known_only: nothing to add but statements)."""
    speakers = ("Anna Marsh", "Bruno Vale") if known_only else (
        "Anna Marsh", "Bruno Vale", "Clara Dune", "Dario Fen")
    return [f"{speakers[i % len(speakers)]},Quay {i} will reopen by spring.,2021-"
            f"{1 + i % 12:02d}-{1 + i % 28:02d},{('supportive', 'critical')[i % 2]},"
            f"Harbour Board,,{_source(i, known_only)},{'false' if i % 5 == 0 else ''}\n"
            for i in range(count)]


def _source(i: int, known_only: bool) -> str:
    return "," if known_only else f"Quay Weekly,https://quay.example/{i % 3}"


def _tallies(session: Session) -> list[list[str]]:
    # Rows counted down to zero may stay (triggers leave them; a recount makes none).
    return [sorted(str(tuple(r)) for r in session.execute(text(
                f"SELECT * FROM {table} WHERE n <> 0")))
            for table in ("statement_tally", "statement_total")]


def test_an_import_writes_what_row_by_row_writing_would(app, session):
    seed(session)
    report = import_bytes(session, (HEADER + "".join(_lines(60))).encode(),
                          author="import quays.csv")
    assert report.added == 60 and report.new_speakers == ["Clara Dune", "Dario Fen"]
    assert report.known_speakers == ["Anna Marsh", "Bruno Vale"]
    with Session(app.state.engine) as fresh:
        made = fresh.exec(select(Statement).where(col(Statement.text).like("Quay %"))).all()
        assert len(made) == 60 and len({s.source_id for s in made} - {None}) == 3
        for statement in made:
            revision = fresh.exec(select(Revision).where(
                Revision.entity == "statement", Revision.entity_id == statement.id)).one()
            assert revision.snapshot == snapshot(statement) and revision.action == "create"
            assert revision.changes == {k: [None, v] for k, v in snapshot(statement).items()}
        counted = _tallies(fresh)
        refill(fresh)
        assert _tallies(fresh) == counted, "the counts are those a recount gives"
    found = TestClient(app).get("/api/statements?q=reopen").json()["items"]
    assert found and all("reopen" in item["text"] for item in found)


def _triggers(session: Session) -> list[str]:
    """Name the triggers on `statement` and whether each is on."""
    if session.get_bind().dialect.name == "sqlite":
        sql = "SELECT name, 'on' FROM sqlite_master WHERE type = 'trigger'"
    else:
        sql = ("SELECT tgname, tgenabled FROM pg_trigger "
               "WHERE tgrelid = 'statement'::regclass AND NOT tgisinternal")
    return sorted(f"{name} {state}" for name, state in session.execute(text(sql)))


def _counts_and_triggers(engine: Engine) -> tuple[object, ...]:
    with Session(engine) as fresh:
        statements = fresh.execute(text("SELECT count(*) FROM statement")).scalar()
        return statements, _triggers(fresh), _tallies(fresh)


def test_a_bulk_load_that_fails_leaves_triggers_and_counts_as_they_were(app, session):
    seed(session)
    before = _counts_and_triggers(app.state.engine)
    session.close()  # the load starts on a session that has not begun a transaction
    marsh = session.exec(select(Actor).where(Actor.slug == "anna-marsh")).one().id
    session.close()
    with pytest.raises(RuntimeError), bulk_load(session):
        session.execute(insert(Statement), [{"actor_id": marsh, "said_on": date(2021, 1, 1),
                                             "text": "Half-loaded words."}])
        raise RuntimeError("the load fails part way")
    session.rollback()
    assert _counts_and_triggers(app.state.engine) == before
    factories.statement(session, session.get(Actor, marsh), said_on=date(2021, 1, 2))
    assert _counts_and_triggers(app.state.engine)[0] == before[0] + 1  # type: ignore[operator]
    assert count_by(session, TimelineQuery(), "actor")[str(marsh)] == 3, "the triggers count"


def test_an_import_that_fails_while_writing_leaves_triggers_and_counts(app, session,
                                                                      monkeypatch):
    seed(session)
    before = _counts_and_triggers(app.state.engine)

    def failing(*_: object) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr("app.record.triggers.add_counts", failing)
    data = (HEADER + "".join(_lines(30))).encode()
    with pytest.raises(RuntimeError):
        import_bytes(session, data)
    assert _counts_and_triggers(app.state.engine) == before
    monkeypatch.undo()
    assert import_bytes(session, data).added == 30
    after = _counts_and_triggers(app.state.engine)
    assert after[0] == before[0] + 30 and after[1] == before[1]  # type: ignore[operator]


def test_an_import_counts_as_a_recount_would_and_keeps_counting(app, session):
    seed(session)
    import_bytes(session, (HEADER + "".join(_lines(80))).encode())
    with Session(app.state.engine) as fresh:
        marsh = fresh.exec(select(Actor).where(Actor.slug == "anna-marsh")).one()
        factories.statement(fresh, marsh, said_on=date(2021, 3, 4), target="Harbour Board")
        counted = _tallies(fresh)
        refill(fresh)
        assert _tallies(fresh) == counted


def test_an_import_asks_a_few_queries_per_batch_not_per_speaker_or_row(app, session):
    seed(session)
    rows = [f"Speaker {n % 400} Quay,Words {n}.,2021-05-{1 + n % 28:02d},,,,"
            f"Quay {n % 300},https://quay.example/{n % 300},\n" for n in range(3000)]
    asked: list[str] = []
    event.listen(app.state.engine, "before_cursor_execute", lambda *a: asked.append(a[2]))
    report = import_bytes(session, (HEADER + "".join(rows)).encode())
    assert report.added == 3000 and len(report.new_speakers) == 400
    # A few per batch of 1,000 rows, and some hundred and seventy however many rows: to add
    # the counts (app/record/added_counts.py: 21 groupings, 55 kinds of total) and, the rows
    # outnumbering the record's, to build the indexes of the statements and of both tallies
    # again once (app/record/rebuilt_indexes.py).
    assert len(asked) < 200, f"{len(asked)} queries for 3,000 rows of 400 speakers"


def test_more_bad_lines_than_are_shown_are_counted(app, tmp_path):
    path = tmp_path / "late.csv"
    path.write_text(HEADER + "".join(f"anna-marsh,Late {n}.,2021-02-30,,,,,,\n"
                                     for n in range(70)))
    result = run("import", path, "--db", db_file(app))
    assert result.exit_code == 1
    assert "late.csv:51: said_on" in result.output and "late.csv:52:" not in result.output
    assert "... and 20 more bad lines" in result.output
