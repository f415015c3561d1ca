"""A file import that stages its rows first and writes what row-by-row writing would."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import Session, col, select

from app.files.file_import import import_rows, read_rows
from app.record.history import snapshot
from app.record.models import Revision, Statement
from app.record.tallies import refill
from tests.bulk_helpers import seed

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
    parsed = read_rows((HEADER + "".join(_lines(60))).encode(), "csv")
    report = import_rows(session, parsed, author="import quays.csv")
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
