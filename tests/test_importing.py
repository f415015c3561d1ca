"""Importing an article: speakers matched, drafts kept private, all or nothing."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, func, select
from typer.testing import CliRunner

from app.cli import cli
from app.curation.article_import import import_article
from app.errors import ArticleRefused
from app.extract import Article, Quote, parse_article
from app.record.models import Actor, Alias, Role, Source, Statement, StatementStatus
from tests import factories as f

ARTICLE = """date 2021-06-14 Harbour row deepens

Foreign Minister Anna Marsh said on Friday that the harbour would stay open all summer.

"We will not close it," she said.

Opposition leader Victor Hale accused the government of "reckless optimism".
"""


def counts(session: Session) -> tuple[int, int, int, int]:
    return tuple(session.exec(select(func.count()).select_from(t)).one()  # type: ignore[return-value]
                 for t in (Source, Actor, Statement, Role))


def test_import_matches_known_speakers_by_alias_and_keeps_drafts_private(client, session):
    anna = f.actor(session, "Anna Marsh", country="FR")
    session.add(Alias(actor_id=anna.id, name="Minister Marsh"))
    session.commit()
    report = import_article(session, parse_article(ARTICLE), url="https://example.org/harbour")
    assert report.matched_actors == ["Anna Marsh"]
    assert session.exec(select(func.count()).select_from(Actor).where(
        Actor.name == "Anna Marsh")).one() == 1, "never a duplicate of a known actor"
    stored = session.exec(select(Statement).where(Statement.source_id == report.source_id)).all()
    assert stored and {s.status for s in stored} == {StatementStatus.draft}
    assert all(ARTICLE[s.source_start:s.source_end] == s.text for s in stored)
    assert client.get("/api/statements").json()["items"] == []
    assert client.get(f"/statements/{stored[0].id}").status_code == 404


def test_published_import_is_on_the_timeline_with_new_speakers_and_roles(client, session):
    report = import_article(session, parse_article(ARTICLE), publish=True)
    items = client.get("/api/statements?actor=anna-marsh").json()["items"]
    assert items and {i["role"] for i in items} == {"Foreign Minister"}
    assert {i["source"]["title"] for i in items} == {"Harbour row deepens"}
    assert "Anna Marsh" in report.new_actors
    source = session.get(Source, report.source_id)
    assert source is not None and source.text == ARTICLE


def test_a_failure_part_way_writes_nothing(session):
    article = Article("Anna Marsh said the harbour stays open.", None, "Undated")
    quotes = [Quote("Anna Marsh", "the harbour stays open", 16, 38, "indirect", date(2021, 1, 1)),
              Quote("Victor Hale", "nothing", 0, 5, "indirect", None)]
    before = counts(session)
    with pytest.raises(ArticleRefused, match="no date"):
        import_article(session, article, quotes=quotes)
    assert counts(session) == before


def test_the_same_url_is_not_imported_twice(session):
    import_article(session, parse_article(ARTICLE), url="https://example.org/h")
    before = counts(session)
    with pytest.raises(ArticleRefused, match="already imported"):
        import_article(session, parse_article(ARTICLE), url="https://example.org/h")
    assert counts(session) == before


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00binary", "UTF-8"),
    (b"Just a body with no date line.", "line 1"),
])
def test_bad_files_are_refused_with_a_clear_message(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    db = tmp_path / "i.db"
    result = CliRunner().invoke(cli, ["import-article", str(path), "--db", str(db)])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_import_article_command_reports_what_it_stored(tmp_path):
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "i.db"
    result = CliRunner().invoke(cli, ["import-article", str(path), "--db", str(db),
                                      "--publisher", "Harbour Herald", "--publish"])
    assert result.exit_code == 0, result.output
    assert "(published)" in result.output and "Anna Marsh" in result.output
