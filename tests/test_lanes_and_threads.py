"""Side by side lanes, and threads folded on the timeline."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlmodel import Session

from app.main import create_app
from app.record.models import LinkRelation, Stance, StatementLink
from tests import factories as f
from tests.conftest import make_settings

SAMPLE = "/lanes?country=FR&country=NG&country=DE&stance=critical&from=2021-04-02"


def _record(session):
    speakers = [f.actor(session, name, country=code) for name, code in
                (("Anna Marsh", "FR"), ("Ben Okoro", "NG"), ("Clara Stein", "DE"),
                 ("Dev Rao", "IN"))]
    said = []
    for day in range(1, 8):
        for n, speaker in enumerate(speakers):
            stance = Stance.critical if (day + n) % 3 else Stance.neutral
            said.append(f.statement(session, speaker, said_on=date(2021, 4, day), stance=stance))
    return speakers, said


def _lanes(client, url: str) -> dict[str, list[int]]:
    """Follow a lanes view's "more" links to the end; return each lane's statement ids."""
    found: dict[str, list[int]] = {}
    while url:
        soup = BeautifulSoup(client.get(url).text, "html.parser")
        for cell in soup.select("#lane-rows td[data-lane]"):
            found.setdefault(cell["data-lane"], []).extend(
                int(a["data-statement-id"]) for a in cell.select("[data-statement-id]"))
        more = soup.select_one("#lane-rows .more-row a")
        url = more["href"] if more else None
    return found


def test_each_lane_holds_exactly_its_countrys_statements_under_the_filters(tmp_path):
    app = create_app(make_settings(tmp_path / "lanes.db", demo=False, page_size=4))
    with TestClient(app) as client:

        with Session(app.state.engine) as session:
            _record(session)
        lanes = _lanes(client, SAMPLE)
        page = BeautifulSoup(client.get(SAMPLE).text, "html.parser")
        for code in ("FR", "NG", "DE"):
            api = f.all_api_ids(client, f"country={code}&stance=critical&from=2021-04-02")
            assert lanes[code] == api and api, code
            count = page.select_one(f"thead th[data-lane={code}] .count")["data-count"]
            assert int(count) == len(api), "each lane's count is exact"
        assert "IN" not in lanes


def test_lanes_by_actor_and_the_url_restores_the_view(client, session):
    _record(session)
    url = "/lanes?actor=anna-marsh&actor=ben-okoro&to=2021-04-03"
    soup = BeautifulSoup(client.get(url).text, "html.parser")
    assert [th["data-lane"] for th in soup.select("thead th[data-lane]")] == [
        "anna-marsh", "ben-okoro"]
    assert soup.select_one("#actor-anna-marsh").has_attr("checked")
    assert soup.select_one("#to")["value"] == "2021-04-03"
    assert soup.select_one("#as-list")["href"] == "/?actor=anna-marsh&actor=ben-okoro&to=2021-04-03"
    assert [tr["data-day"] for tr in soup.select("#lane-rows tr[data-day]")] == [
        "2021-04-03", "2021-04-02", "2021-04-01"], "one row per day, one time axis"
    assert client.get(url).text == client.get(url).text


def test_fewer_than_two_or_more_than_six_lanes_is_a_400_naming_the_parameter(client, session):
    _record(session)
    for url, param in (("/lanes?country=FR", "country"), ("/lanes", "country"),
                       ("/lanes?" + "&".join(f"actor=a{n}" for n in range(7)), "actor")):
        answer = client.get(url)
        assert answer.status_code == 400, url
        soup = BeautifulSoup(answer.text, "html.parser")
        assert soup.select_one(f"#filter-errors [data-param={param}]"), url


def _thread(session):
    (anna, ben, *_), said = _record(session)
    question = f.statement(session, anna, said_on=date(2021, 4, 10), text="Will the port open?")
    reply = f.statement(session, ben, said_on=date(2021, 4, 11), text="The port stays shut.")
    session.add(StatementLink(statement_id=reply.id, other_id=question.id,
                              relation=LinkRelation.responds_to))
    session.commit()
    return question, reply, said


def test_a_reply_shows_the_statement_it_answers_folded(client, session):
    question, reply, _ = _thread(session)
    soup = BeautifulSoup(client.get("/?to=2021-04-11").text, "html.parser")
    folded = soup.select_one(f"#statement-{reply.id} details.in-reply-to")
    assert folded is not None and not folded.has_attr("open")
    assert folded["data-answers"] == str(question.id)
    assert folded.select_one("blockquote").text == "Will the port open?"
    assert folded.select_one("a")["href"].startswith(f"/statements/{question.id}-")
    assert soup.select_one(f"#statement-{question.id} details.in-reply-to") is None
    lanes = BeautifulSoup(client.get("/lanes?country=FR&country=NG").text, "html.parser")
    assert lanes.select_one(f"#statement-{reply.id} details.in-reply-to")


def test_threads_cost_one_query_per_page_not_one_per_row(app, client, session):
    _, _, said = _thread(session)
    session.add_all(StatementLink(statement_id=later.id, other_id=earlier.id,
                                  relation=LinkRelation.rebuts)
                    for earlier, later in pairwise(said))
    session.commit()
    queries: list[str] = []
    event.listen(app.state.engine, "before_cursor_execute", lambda *a: queries.append(a[2]))

    def count(url: str) -> tuple[int, int]:
        queries.clear()
        page = client.get(url)
        folded = BeautifulSoup(page.text, "html.parser").select("details.in-reply-to")
        return len(queries), len(folded)

    count("/")  # what the app keeps of the whole record (facet sizes) is read once, before
    few, many = count("/?sort=oldest&to=2021-04-01"), count("/?sort=oldest&to=2021-04-07")
    assert (few[1], many[1]) == (3, 19), "every reply on the page shows what it answers"
    assert few[0] == many[0], "as many queries for 19 replies as for 3"
