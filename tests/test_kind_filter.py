"""The kind of report (direct, indirect, mixed) filters and counts like every other filter,
on pages, in the API, in exports and feeds; odd dates answer without a server error."""

from __future__ import annotations

import json
from datetime import date

import pytest
from bs4 import BeautifulSoup

from app.record.models import StatementKind
from tests import factories as f
from tests.factories import all_api_ids

KINDS = [StatementKind.direct, StatementKind.indirect, StatementKind.indirect,
         StatementKind.mixed]


@pytest.fixture
def reported(client, session):
    """Twelve statements of two fictional speakers, of each kind."""
    speakers = [f.actor(session, "Speaker Quince", country="FR"),
                f.actor(session, "Speaker Sorrel", country="DE")]
    made = [f.statement(session, speakers[i % 2], said_on=date(2022, 3, 1 + i),
                        kind=KINDS[i % 4]) for i in range(12)]
    return client, made


def expected(made, kind, speaker_id=None):
    return [s.id for s in sorted(made, key=lambda s: (s.said_on, s.id), reverse=True)
            if s.kind is kind and (speaker_id is None or s.actor_id == speaker_id)]


def test_the_api_filters_by_kind(reported):
    client, made = reported
    assert all_api_ids(client, "kind=indirect") == expected(made, StatementKind.indirect)
    assert all_api_ids(client, "kind=Mixed") == expected(made, StatementKind.mixed)
    response = client.get("/api/statements?kind=hearsay")
    assert response.status_code == 400
    assert [e["param"] for e in response.json()["errors"]] == ["kind"]


def test_the_page_counts_each_kind_under_the_other_filters_and_says_the_choice(reported):
    client, made = reported
    speaker = made[1].actor_id
    page = BeautifulSoup(client.get("/?country=DE&kind=indirect").text, "html.parser")
    shown = {o["value"]: int(o["data-count"]) for o in page.select("#kind option[data-count]")}
    assert shown == {k.value: len(expected(made, k, speaker)) for k in StatementKind}
    assert page.select_one("#kind option[selected]")["value"] == "indirect"
    assert int(page.select_one("#total").text) == len(expected(made, StatementKind.indirect,
                                                                speaker))
    assert "Indirect" in page.select_one(".summary").text
    assert "kind=indirect" in page.select_one("#feed-link")["href"]


def test_exports_and_feeds_take_the_kind(reported):
    client, made = reported
    lines = client.get("/export.jsonl?kind=mixed").text.splitlines()
    assert sorted(json.loads(line)["kind"] for line in lines) == ["mixed"] * 3
    feed = BeautifulSoup(client.get("/feed.atom?kind=direct").text, "xml")
    assert len(feed.select("entry")) == len(expected(made, StatementKind.direct))


@pytest.mark.parametrize("qs", ["from=9999-12-31", "to=9999-12-31", "to=0001-01-01",
                                "from=0001-01-01", "from=9999-12-01&to=9999-12-31",
                                "country=FR&from=9999-12-31", "actor=speaker-quince&to=0001-01-01"])
def test_dates_at_the_ends_of_the_calendar_answer(reported, qs):
    client, _made = reported
    for path in ("/", "/actors/speaker-quince", "/countries/FR"):
        response = client.get(f"{path}?{qs}")
        assert response.status_code == 200, (path, response.text[:300])
    reaches_all = "to=9999" in qs or qs == "from=0001-01-01"
    total = int(BeautifulSoup(client.get(f"/?{qs}").text, "html.parser")
                .select_one("#total").text)
    assert total == (len(all_api_ids(client, qs)) if reaches_all else 0)


def test_a_from_after_to_keeps_the_other_filters_and_names_from(reported):
    client, made = reported
    response = client.get("/?kind=indirect&country=FR&from=2022-03-09&to=2022-03-02")
    assert response.status_code == 400
    page = BeautifulSoup(response.text, "html.parser")
    assert [li["data-param"] for li in page.select("#filter-errors li")] == ["from"]
    assert page.select_one("#kind option[selected]")["value"] == "indirect"
    assert page.select_one("#country-FR")["checked"] is not None
    assert int(page.select_one("#total").text) == len(
        expected(made, StatementKind.indirect, made[0].actor_id))
