"""The timeline pages through the test client: filters, facets, paging, fragments, errors."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.main import create_app
from app.record.models import ActorKind, Stance, Statement, StatementStatus
from tests import factories as f
from tests.conftest import ReadingClient, make_settings
from tests.factories import all_api_ids

HX = {"HX-Request": "true"}


def make_world(app: FastAPI, client_type: type[TestClient] = TestClient
               ) -> Iterator[tuple[TestClient, Session, list[Statement]]]:
    """Three fictional speakers in two countries, 30 statements over two months."""
    with Session(app.state.engine) as session, client_type(app) as client:
        anna = f.actor(session, "Anna Marsh", country="FR")
        boris = f.actor(session, "Boris Vell", country="DE")
        fog = f.actor(session, "Ministry of Fog", country="FR", kind=ActorKind.organisation)
        speakers, stances = [anna, boris, fog], list(Stance)
        targets = ["Freedonia", "Sylvania", None]
        made = [
            f.statement(session, speakers[i % 3], said_on=date(2021, 3, 1) + timedelta(days=i * 2),
                        stance=stances[i % 3 if i % 5 else 1], target=targets[i % 2 * (i % 3 != 2)],
                        text=f"Remark {i} about the {'harbour' if i % 4 == 0 else 'border'}.")
            for i in range(30)
        ]
        yield client, session, made
    app.state.engine.dispose()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[tuple[TestClient, Session, list[Statement]]]:
    """The fictional world, seven statements a page, shared by the tests that only read it."""
    path = tmp_path_factory.mktemp("world") / "w.db"
    yield from make_world(create_app(make_settings(path, demo=False, page_size=7)), ReadingClient)


@pytest.fixture
def own_world(tmp_path: Path) -> Iterator[tuple[TestClient, Session, list[Statement]]]:
    """The same world for one test alone, which may write to it."""
    yield from make_world(create_app(make_settings(tmp_path / "w.db", demo=False, page_size=7)))


def ids(html: str) -> list[int]:
    soup = BeautifulSoup(html, "html.parser")
    return [int(a["data-statement-id"]) for a in soup.select("#statements article.statement")]


def expected(made: list[Statement], keep, *, oldest: bool = False) -> list[int]:
    rows = sorted((s for s in made if keep(s)), key=lambda s: (s.said_on, s.id),
                  reverse=not oldest)
    return [s.id for s in rows]


@pytest.mark.parametrize(("qs", "keep"), [
    ("actor=anna-marsh", lambda s: s.actor.slug == "anna-marsh"),
    ("actor=anna-marsh&actor=boris-vell", lambda s: s.actor.slug in ("anna-marsh", "boris-vell")),
    ("country=DE", lambda s: s.country_code == "DE"),
    ("country=fr", lambda s: s.country_code == "FR"),
    ("stance=critical", lambda s: s.stance is Stance.critical),
    ("target=freedonia", lambda s: s.target == "Freedonia"),
    ("from=2021-03-10&to=2021-03-31",
     lambda s: date(2021, 3, 10) <= s.said_on <= date(2021, 3, 31)),
    ("q=HARBOUR", lambda s: "harbour" in s.text),
    ("country=FR&stance=neutral&q=border",
     lambda s: s.country_code == "FR" and s.stance is Stance.neutral and "border" in s.text),
    ("actor=boris-vell&target=sylvania&from=2021-03-15",
     lambda s: s.actor.slug == "boris-vell" and s.target == "Sylvania"
     and s.said_on >= date(2021, 3, 15)),
])
def test_filters_alone_and_combined(world, qs, keep):
    client, session, made = world
    for s in made:
        session.refresh(s, ["actor"])
    want = expected(made, keep)
    assert want, "each case must select something"
    assert all_api_ids(client, qs) == want
    assert ids(client.get(f"/?{qs}").text) == want[:7]


def test_oldest_first_reverses_the_order(world):
    client, _, made = world
    assert all_api_ids(client, "sort=oldest") == expected(made, lambda s: True, oldest=True)


def test_free_text_search_treats_wildcards_literally(world):
    client, _, _ = world
    assert all_api_ids(client, "q=%25") == []
    assert all_api_ids(client, "q=_") == []


def facet_counts(html: str) -> dict[str, dict[str, int]]:
    soup = BeautifulSoup(html, "html.parser")
    counts: dict[str, dict[str, int]] = {}
    for box in soup.select("#filters input[type=checkbox], #filters input[type=radio]"):
        count = box.find_parent("label").select_one(".count")
        if count is not None:
            counts.setdefault(box["name"], {})[box["value"]] = int(count["data-count"])
    for option in soup.select("#target option[data-count]"):
        counts.setdefault("target", {})[option["value"]] = int(option["data-count"])
    return counts


@pytest.mark.parametrize("qs", ["", "country=FR&stance=critical", "actor=boris-vell&q=border",
                                "target=freedonia&from=2021-03-20"])
def test_each_facet_count_is_what_choosing_it_gives(world, qs):
    client, _, _ = world
    counts = facet_counts(client.get(f"/?{qs}").text)
    assert set(counts) == {"actor", "country", "stance", "target", "lang"}
    base = [p for p in qs.split("&") if p]
    for name, options in counts.items():
        for value, shown in options.items():
            others = [p for p in base if not p.startswith(f"{name}=")]
            assert len(all_api_ids(client, "&".join([*others, f"{name}={value}"]))) == shown, (
                name, value)


def test_total_is_the_number_of_statements_in_the_view(world):
    client, _, _ = world
    soup = BeautifulSoup(client.get("/?country=FR").text, "html.parser")
    assert int(soup.select_one("#total").text) == len(all_api_ids(client, "country=FR"))


def test_chosen_options_stay_listed_even_when_they_count_nothing(world):
    client, _, _ = world
    counts = facet_counts(client.get("/?actor=boris-vell&country=FR").text)
    assert counts["actor"]["boris-vell"] == 0
    assert counts["country"]["FR"] == 0 and counts["country"]["DE"] == 10


def test_cursor_paging_visits_every_statement_once(world):
    client, _, made = world
    seen, url = [], "/"
    while url:
        html = client.get(url).text
        seen += ids(html)
        more = BeautifulSoup(html, "html.parser").select_one(".more a")
        url = more["href"] if more else None
    assert seen == expected(made, lambda s: True)


def test_paging_is_stable_while_statements_are_added(own_world):
    client, session, made = own_world
    first = client.get("/api/statements").json()
    anna = made[0].actor
    f.statement(session, anna, said_on=date(2022, 1, 1))  # newer than everything
    f.statement(session, anna, said_on=date(2020, 1, 1))  # older than everything
    f.statement(session, anna, said_on=made[10].said_on)  # in the middle, same day as another
    rest, url = [], first["next_url"]
    while url:
        body = client.get(url).json()
        rest += [i["id"] for i in body["items"]]
        url = body["next_url"]
    seen = [i["id"] for i in first["items"]] + rest
    original = {s.id for s in made}
    assert len(seen) == len(set(seen)), "no statement twice"
    assert original <= set(seen), "every statement that was there is visited"


def test_htmx_gets_the_fragment_and_caches_are_told(world):
    client, _, _ = world
    full = client.get("/?country=DE")
    fragment = client.get("/?country=DE", headers=HX)
    assert "<html" in full.text and "<html" not in fragment.text
    roots = [t.name for t in BeautifulSoup(fragment.text, "html.parser").find_all(recursive=False)]
    assert roots == ["title", "div"], "htmx swaps #explorer and takes the title from the root"
    assert BeautifulSoup(fragment.text, "html.parser").title.text == "Germany · Timeline · onrecord"
    assert ids(fragment.text) == ids(full.text)
    assert full.headers["Vary"] == fragment.headers["Vary"] == "HX-Request"


def test_htmx_history_restore_gets_the_whole_page(world):
    client, _, _ = world
    restored = client.get("/?country=DE", headers={**HX, "HX-History-Restore-Request": "true"})
    assert "<html" in restored.text


def test_a_further_page_for_htmx_is_only_the_statements_and_the_next_link(world):
    client, _, made = world
    more = BeautifulSoup(client.get("/").text, "html.parser").select_one(".more a")
    assert more["hx-get"] == more["href"]
    fragment = client.get(more["href"], headers=HX).text
    assert "<html" not in fragment and 'id="filters"' not in fragment
    assert ids(f'<div id="statements">{fragment}</div>') == expected(made, lambda s: True)[7:14]


def test_without_javascript_the_next_page_is_a_whole_page(world):
    client, _, _ = world
    more = BeautifulSoup(client.get("/").text, "html.parser").select_one(".more a")
    page = client.get(more["href"])
    assert page.status_code == 200 and 'id="filters"' in page.text


def test_chart_bars_narrow_the_dates(world):
    client, _, _made = world
    soup = BeautifulSoup(client.get("/?country=DE").text, "html.parser")
    bars = soup.select("#chart a.bar")
    assert sum(int(b["data-count"]) for b in bars) == 10
    busiest = max(bars, key=lambda b: int(b["data-count"]))
    narrowed = client.get(busiest["href"])
    assert len(ids(narrowed.text)) == min(7, int(busiest["data-count"]))
    assert "country=DE" in busiest["href"] and f"from={busiest['data-from']}" in busiest["href"]


@pytest.mark.parametrize(("qs", "param"), [
    ("actor=nobody-at-all", "actor"), ("country=ZZ", "country"), ("stance=angry", "stance"),
    ("from=2021-02-31", "from"), ("cursor=nonsense", "cursor"),
    ("from=2021-05-01&to=2021-04-01", "from"),
])
def test_bad_filters_are_explained_above_the_list(world, qs, param):
    client, _, _ = world
    for headers in ({}, HX):
        response = client.get(f"/?{qs}", headers=headers)
        assert response.status_code == 400
        soup = BeautifulSoup(response.text, "html.parser")
        assert [li["data-param"] for li in soup.select("#filter-errors li")] == [param]
        assert soup.select("#statements article.statement"), "the whole timeline is still shown"


@pytest.mark.parametrize(("qs", "param"), [
    ("actor=nobody-at-all", "actor"), ("country=ZZ", "country"), ("stance=angry", "stance"),
    ("to=2021-02-31", "to"), ("cursor=2021-01-01", "cursor"),
])
def test_bad_filters_in_json_name_the_parameter(world, qs, param):
    client, _, _ = world
    response = client.get(f"/api/statements?{qs}")
    assert response.status_code == 400
    assert [e["param"] for e in response.json()["errors"]] == [param]


def test_unknown_pages_are_404_pages(world):
    client, _, _ = world
    for url in ("/statements/99999", "/statements/abc", "/actors/nobody", "/countries/ZZ",
                "/nowhere"):
        response = client.get(url)
        assert response.status_code == 404, url
        heading = BeautifulSoup(response.text, "html.parser").select_one("#error h1")
        assert heading.text == "Not found"
    assert client.get("/api/statements/99999").status_code == 404
    assert client.get("/api/statements/99999").json()["detail"]


def test_actor_page_shows_their_timeline_with_the_other_filters(world):
    client, _, _made = world
    anna_ids = all_api_ids(client, "actor=anna-marsh")
    page = client.get("/actors/anna-marsh")
    soup = BeautifulSoup(page.text, "html.parser")
    assert soup.select_one("#profile h1").text == "Anna Marsh"
    assert ids(page.text) == anna_ids[:7]
    assert not soup.select("#filters input[name=actor]"), "the page itself fixes the actor"
    critical = client.get("/actors/anna-marsh?stance=critical")
    assert ids(critical.text) == all_api_ids(client, "actor=anna-marsh&stance=critical")[:7]
    more = BeautifulSoup(client.get("/actors/anna-marsh").text, "html.parser").select_one(".more a")
    assert more["href"].startswith("/actors/anna-marsh?") and "actor=" not in more["href"]


def test_country_page_redirects_to_the_upper_case_code_and_lists_its_speakers(world):
    client, _, _ = world
    response = client.get("/countries/de?stance=critical", follow_redirects=False)
    assert response.status_code == 301
    assert response.headers["location"] == "/countries/DE?stance=critical"
    page = client.get("/countries/DE")
    assert ids(page.text) == all_api_ids(client, "country=DE")[:7]


def test_a_short_speaker_facet_is_filled_with_public_speakers_at_zero_never_drafts(client,
                                                                                  session):
    """Under a filter few speakers meet, the speaker facet still offers others (at 0, by
    name), so a reader sees who else is on the record; a speaker known only from a draft
    is never among them."""
    quill = f.actor(session, "Tom Quill", country=None)
    for name in ("Zed Arrow", "Ann Vole"):
        f.statement(session, f.actor(session, name, country=None), said_on=date(2022, 1, 3))
    f.statement(session, quill, said_on=date(2022, 1, 3), stance=Stance.critical)
    hidden = f.statement(session, f.actor(session, "Bea Hidden", country=None),
                         said_on=date(2022, 1, 4))
    hidden.status = StatementStatus.draft
    session.add(hidden)
    session.commit()
    page = BeautifulSoup(client.get("/", params={"stance": "critical"}).text, "html.parser")
    offered = [(box["value"], box.find_parent("label").select_one(".count")["data-count"])
               for box in page.select('fieldset[data-facet="actor"] input')]
    assert offered[0] == ("tom-quill", "1")
    assert offered[1:] == [("ann-vole", "0"), ("zed-arrow", "0")]


def test_a_chosen_speaker_or_country_beyond_the_biggest_shows_its_own_count(client, session):
    codes = ["FR", "DE", "IT", "ES", "PT", "NL", "BE", "AT", "CH", "PL", "CZ", "SE", "NO",
             "DK", "FI", "IE", "GR"]
    speakers = [f.actor(session, f"Harbour Voice {chr(65 + i)}", country=code)
                for i, code in enumerate(codes)]
    for rank, speaker in enumerate(speakers):  # the first busiest, the last said one thing
        for day in range(len(speakers) - rank):
            f.statement(session, speaker, said_on=date(2021, 1, 1) + timedelta(days=day))
    quiet = speakers[-1]
    by_speaker = facet_counts(client.get(f"/?actor={quiet.slug}").text)
    assert by_speaker["actor"][quiet.slug] == 1 and len(by_speaker["actor"]) > 15
    by_country = facet_counts(client.get("/?country=GR&country=IE").text)
    assert by_country["country"]["GR"] == 1 and by_country["country"]["IE"] == 2
