"""The chart zooms: its unit follows the dates shown, a bar narrows to its period, a link
steps back out, and every bar is a link with its words and count."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.config import Settings
from app.main import create_app
from app.reading.chart import unit_for, zoom_out
from app.reading.query import TimelineQuery
from app.record.models import Stance
from tests import factories as f

HX = {"HX-Request": "true"}
FIRST = date(2016, 1, 1)
#: One statement every 9 days over ten years, alternately critical and supportive.
SAID = [FIRST + timedelta(days=9 * i) for i in range(406)]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path: Path = tmp_path_factory.mktemp("chart")
    app = create_app(Settings(database_url=f"sqlite:///{path / 'c.db'}", load_demo=False,
                              page_size=5))
    with Session(app.state.engine) as session, TestClient(app) as client:
        oak = f.actor(session, "Speaker Oak", country="FR")
        for i, day in enumerate(SAID):
            f.statement(session, oak, said_on=day, stance=list(Stance)[i % 2])
        yield client


def bars(client: TestClient, qs: str) -> tuple[BeautifulSoup, list]:
    soup = BeautifulSoup(client.get(f"/?{qs}").text, "html.parser")
    return soup, soup.select("#chart ol.bars > li > a.bar")


@pytest.mark.parametrize(("lo", "hi", "unit"), [
    (date(2016, 1, 1), date(2025, 12, 31), "year"),
    (date(2021, 1, 1), date(2023, 12, 31), "month"),
    (date(2021, 1, 1), date(2021, 12, 31), "month"),
    (date(2021, 1, 1), date(2021, 5, 31), "week"),
    (date(2021, 3, 1), date(2021, 5, 31), "day"),
    (date(2021, 3, 1), date(2021, 3, 31), "day"),
])
def test_the_unit_follows_the_range(lo, hi, unit):
    assert unit_for(lo, hi) == unit


@pytest.mark.parametrize(("qs", "unit", "n"), [
    ("", "year", 10), ("from=2021-01-01&to=2021-12-31", "month", 12),
    ("from=2021-03-01&to=2021-05-31", "day", 92), ("from=2021-03-01&to=2021-03-31", "day", 31),
    ("from=2021-01-01&to=2021-05-31", "week", 23),
])
def test_each_range_is_drawn_in_its_unit_and_bars_sum_its_statements(client, qs, unit, n):
    soup, found = bars(client, qs)
    assert soup.select_one("#chart")["data-unit"] == unit and len(found) == n
    for bar in found:
        lo, hi = date.fromisoformat(bar["data-from"]), date.fromisoformat(bar["data-to"])
        assert int(bar["data-count"]) == sum(lo <= d <= hi for d in SAID)
        assert bar.select_one(".n").get_text() == f"{int(bar['data-count']):,}"  # visible


def test_a_bar_zooms_in_to_the_next_unit_and_zoom_out_steps_back(client):
    path = "/"
    for unit, out, pick in (("year", None, "2021-01"), ("month", "all dates", "2021-03"),
                            ("day", "2021", "2021-03")):
        soup = BeautifulSoup(client.get(path).text, "html.parser")
        assert soup.select_one("#chart")["data-unit"] == unit
        link = soup.select_one("#zoom-out")
        assert (link.get_text().removeprefix("Zoom out to ") if link else None) == out
        path = next(a["href"] for a in soup.select("#chart a.bar")
                    if a["data-from"].startswith(pick) and int(a["data-count"]))
    assert "from=2021-03-" in path  # a day of March 2021
    soup = BeautifulSoup(client.get(path).text, "html.parser")
    picked = soup.select("#chart a.bar.selected")
    assert soup.select_one("#chart")["data-unit"] == "day" and len(picked) == 1
    assert picked[0]["aria-current"] == "true" and "(chosen)" in picked[0].get_text()
    assert soup.select_one("#zoom-out").get_text() == "Zoom out to March 2021"


@pytest.mark.parametrize(("lo", "hi", "out"), [
    (date(2021, 3, 5), date(2021, 3, 5), (date(2021, 3, 1), date(2021, 3, 31))),
    (date(2021, 3, 1), date(2021, 3, 31), (date(2021, 1, 1), date(2021, 12, 31))),
    (date(2021, 3, 8), date(2021, 5, 2), (date(2021, 1, 1), date(2021, 12, 31))),
    (date(2021, 1, 1), date(2021, 12, 31), (None, None)),
    (date(2020, 6, 1), None, (None, None)),
])
def test_zoom_out_widens_to_the_month_the_year_then_every_date(lo, hi, out):
    step = zoom_out(TimelineQuery(date_from=lo, date_to=hi))
    assert step is not None and (step.date_from, step.date_to) == out


def test_bars_are_a_list_of_links_with_text_not_links_inside_an_image(client):
    soup, found = bars(client, "stance=critical")
    chart = soup.select_one("#chart")
    assert not chart.select("[role=img]") and not chart.select("svg a, svg [tabindex]")
    assert all(svg.get("aria-hidden") == "true" for svg in chart.select("svg"))
    for bar in found:
        name = bar.select_one(".visually-hidden").get_text()
        assert name.startswith(bar.select_one(".tick").get_text()[:3]) or name[:4].isdigit()
        assert f": {bar['data-count']} statement" in name
        assert "stance=critical" in bar["href"] and bar["hx-get"] == bar["href"]
    assert soup.select_one("#chart ol")["aria-labelledby"] == "chart-caption"


def test_the_chart_counts_under_the_other_filters_and_answers_htmx_alike(client):
    plain = bars(client, "stance=supportive&from=2021-03-01&to=2021-05-31")[1]
    fragment = BeautifulSoup(client.get("/?stance=supportive&from=2021-03-01&to=2021-05-31",
                                        headers=HX).text, "html.parser")
    assert [a["data-count"] for a in plain] == [
        a["data-count"] for a in fragment.select("#chart a.bar")]
    assert sum(int(a["data-count"]) for a in plain) == sum(
        date(2021, 3, 1) <= d <= date(2021, 5, 31) for i, d in enumerate(SAID) if i % 2)
