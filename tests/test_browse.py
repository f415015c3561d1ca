"""Everything reachable on a big record: every speaker, country and target through the
facet search and the indexes, aliases that redirect, and near misses that suggest."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.main import create_app
from app.reading.counts import count_by
from app.reading.query import TimelineQuery
from app.record.models import Actor, Stance, Statement, StatementStatus
from tests import factories as f
from tests.browse_record import add_alias, load_speakers
from tests.conftest import make_settings

SPEAKERS = 2100


@pytest.fixture(scope="module")
def big_app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    app = create_app(make_settings(tmp_path_factory.mktemp("big") / "big.db", demo=False))
    with Session(app.state.engine) as session:
        load_speakers(session, SPEAKERS)
    return app


@pytest.fixture(scope="module")
def big(big_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(big_app) as c:
        yield c


@pytest.fixture(scope="module")
def two_thousandth(big_app: FastAPI) -> Actor:
    """The speaker ranked 2,000th by statements, as the facet ranks them."""
    with Session(big_app.state.engine) as session:
        ranked = list(count_by(session, TimelineQuery(), "actor"))
        found = session.get(Actor, int(ranked[1999]))
        assert found is not None
        session.expunge(found)
        return found


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


# --- the facet search --------------------------------------------------------------------------

def test_the_2000th_speaker_is_reached_by_the_facet_search_with_its_count(big, big_app,
                                                                         two_thousandth):
    surname = two_thousandth.name.split()[1]
    body = big.get("/api/facets/actor", params={"prefix": surname.lower()[:5],
                                                 "stance": "critical"}).json()
    with Session(big_app.state.engine) as session:
        expected = count_by(session, TimelineQuery(stance=Stance.critical), "actor",
                            only=[str(two_thousandth.id)]).get(str(two_thousandth.id), 0)
    found = {o["value"]: o for o in body["options"]}
    assert two_thousandth.slug in found, body
    assert found[two_thousandth.slug]["count"] == expected
    page = soup(big.get("/facets/actor", params={"prefix": surname[:5], "stance": "critical"}))
    assert page.select_one(f'#facet-options-actor a[data-value="{two_thousandth.slug}"]')


def test_the_timeline_offers_n_more_beyond_its_biggest_speakers(big):
    more = soup(big.get("/")).select_one("#actor-more")
    assert more is not None and int(more["data-more"]) == SPEAKERS - 15
    panel = soup(big.get(more["href"])).select("#facet-options-actor li")
    assert len(panel) == 50  # the biggest; typing narrows to the others


def test_n_more_follows_a_new_speaker_and_a_withdrawn_one_at_once(client, session):
    speakers = [f.actor(session, f"Speaker Number{i}", country=None) for i in range(17)]
    said = [f.statement(session, s, said_on=date(2021, 3, 1)) for s in speakers]

    def more() -> int:
        found = soup(client.get("/")).select_one("#actor-more")
        return int(found["data-more"]) if found is not None else 0

    assert more() == 2
    f.statement(session, f.actor(session, "Speaker Latecomer", country=None),
                said_on=date(2021, 3, 2))
    assert more() == 3, "the app keeps the sizes only while no statement changes"
    said[0].status = StatementStatus.withdrawn
    session.add(said[0])
    session.commit()
    assert more() == 2


def test_facet_search_matches_any_word_whatever_case_and_accents(client, session):
    zoe = f.actor(session, "Zoë Ångström")
    f.statement(session, zoe, said_on=date(2022, 3, 1), stance=Stance.critical)
    f.statement(session, f.actor(session, "Bram Angle"), said_on=date(2022, 3, 1))
    for prefix in ("ang", "ÅNG", "zoe", "zoë ang"):
        values = [o["value"] for o in client.get(
            "/api/facets/actor", params={"prefix": prefix}).json()["options"]]
        assert "zoe-angstrom" in values, prefix
    assert [o["value"] for o in client.get("/api/facets/actor",
                                           params={"prefix": "ngs"}).json()["options"]] == []
    biggest = client.get("/api/facets/actor", params={"prefix": "an", "stance": "critical"})
    assert [(o["value"], o["count"]) for o in biggest.json()["options"]] == [
        ("zoe-angstrom", 1), ("bram-angle", 0)]


def test_facet_search_names_a_wrong_filter_and_an_unknown_facet(client):
    assert client.get("/api/facets/actor", params={"stance": "angry"}).status_code == 400
    assert client.get("/api/facets/kind").status_code == 404
    assert client.get("/facets/actor", params={"on": "https://elsewhere.example"}
                      ).status_code == 400


def test_the_facet_list_is_a_page_without_htmx_and_a_dialog_with_it(demo):
    plain = soup(demo.get("/facets/country", params={"prefix": "uni"}))
    assert plain.select_one("main section#facet-panel-country") and plain.select_one("nav")
    fragment = demo.get("/facets/country", params={"prefix": "uni"}, headers={"HX-Request": "true"})
    assert fragment.headers["Vary"] == "HX-Request"
    part = soup(fragment)
    assert part.select_one("dialog#facet-panel-country") and not part.select_one("nav")
    assert {a["data-value"] for a in part.select("#facet-options-country a")} == {"GB", "US"}
    link = part.select_one('a[data-value="GB"]')["href"]
    assert link == "/?country=GB"


# --- the index of speakers ---------------------------------------------------------------------

def _walk(client: TestClient, url: str) -> list[str]:
    """Follow the Link headers to the end, returning every slug in order."""
    slugs: list[str] = []
    next_url: str | None = url
    while next_url:
        response = client.get(next_url)
        slugs += [a["slug"] for a in response.json()]
        link = response.headers.get("link")
        next_url = link[1:link.index(">")] if link else None
    return slugs


@pytest.mark.parametrize("sort", ["name", "count", "latest"])
def test_paging_the_index_never_repeats_or_skips_a_speaker(big, sort):
    every = [a["slug"] for a in big.get("/api/actors", params={"sort": sort}).json()]
    assert len(every) == SPEAKERS
    assert _walk(big, f"/api/actors?sort={sort}&limit=333") == every


def test_paging_keeps_its_place_when_a_speaker_is_added_meanwhile(client, session):
    for name in ("Ada Brook", "Cyd Dorn", "Eli Fern"):
        f.statement(session, f.actor(session, name), said_on=date(2022, 3, 1))
    first = client.get("/api/actors", params={"limit": 2})
    f.statement(session, f.actor(session, "Abe Aalto"), said_on=date(2022, 3, 1))
    link = first.headers["link"]
    rest = client.get(link[1:link.index(">")]).json()
    assert [a["slug"] for a in first.json()] + [a["slug"] for a in rest] == [
        "ada-brook", "cyd-dorn", "eli-fern"]


def test_the_2000th_speaker_is_found_on_the_index_by_name_and_by_paging(big, two_thousandth):
    found = soup(big.get("/actors", params={"q": two_thousandth.name}))
    assert found.select_one(f'#speaker-rows tr[data-slug="{two_thousandth.slug}"]')
    url: str | None = "/actors?sort=count"
    pages = 0
    while url:
        shown = soup(big.get(url))
        if shown.select_one(f'tr[data-slug="{two_thousandth.slug}"]'):
            break
        next_link = shown.select_one("#speakers-next")
        url, pages = (next_link["href"] if next_link else None), pages + 1
    assert url is not None and pages == 1999 // 50


@pytest.mark.parametrize("params", [{}, {"sort": "count"}, {"sort": "latest", "country": "AT"},
                                    {"q": "ka"}])
def test_the_json_twin_of_the_index_equals_its_page(big, params):
    page = soup(big.get("/actors", params=params))
    rows = [(tr["data-slug"], int(tr.select_one("[data-count]")["data-count"]))
            for tr in page.select("#speaker-rows tr[data-slug]")]
    twin = big.get(page.select_one("#speakers-json")["href"]).json()
    assert rows == [(a["slug"], a["statements"]) for a in twin] and rows
    fragment = big.get("/actors", params=params, headers={"HX-Request": "true"})
    assert soup(fragment).select_one("#speakers") and "<nav" not in fragment.text


def test_the_index_lists_no_draft_only_speaker_and_the_countries_twin(client, session):
    f.statement(session, f.actor(session, "Ida Public"), said_on=date(2022, 3, 1))
    hidden = f.actor(session, "Otto Hidden", country="DE")
    session.add(Statement(actor_id=hidden.id, said_on=date(2022, 3, 2), text="Draft.",
                          country_code="DE", status=StatementStatus.draft))
    session.commit()
    add_alias(session, hidden.id, "Hidden")  # type: ignore[arg-type]
    assert [a["slug"] for a in client.get("/api/actors").json()] == ["ida-public"]
    assert "otto-hidden" not in client.get("/actors", params={"q": "otto"}).text
    assert client.get("/api/facets/actor", params={"prefix": "ot"}).json()["matched"] == 0
    assert client.get("/actors/hidden", follow_redirects=False).status_code == 404
    assert "Otto" not in client.get("/actors/otto-hiden").text
    rows = soup(client.get("/countries")).select("#countries tr[data-code]")
    assert [(r["data-code"], int(r.select_one("[data-count]")["data-count"])) for r in rows] == [
        (c["code"], c["statements"]) for c in client.get("/api/countries").json()] == [("FR", 1)]


def test_a_wrong_index_parameter_is_named(big):
    answer = big.get("/api/actors", params={"sort": "loud", "cursor": "x"})
    assert answer.status_code == 400
    assert {e["param"] for e in answer.json()["errors"]} == {"sort"}
    assert big.get("/api/actors", params={"cursor": "nonsense"}).status_code == 400
    assert big.get("/actors", params={"country": "ZZ"}).status_code == 400


# --- aliases and near misses -------------------------------------------------------------------

def test_an_alias_redirects_to_the_actor_keeping_the_query(demo):
    answer = demo.get("/actors/truss", params={"stance": "critical"}, follow_redirects=False)
    assert answer.status_code == 301
    assert answer.headers["location"] == "/actors/liz-truss?stance=critical"


def test_an_unknown_actor_is_a_404_offering_the_closest_names(demo):
    answer = demo.get("/actors/liz-trus")
    assert answer.status_code == 404
    offered = soup(answer).select("#did-you-mean a")
    assert offered[0]["href"] == "/actors/liz-truss" and offered[0].text == "Liz Truss"
    assert not soup(demo.get("/actors/qqqqqqqq")).select("#did-you-mean a")


def test_languages_past_the_biggest_are_reached_by_name_with_their_counts(client, session):
    """A record in more languages than a facet shows offers "N more", and the facet search
    finds a language by its name in words or by its tag, with its count."""
    speaker = f.actor(session, "Speaker Polyglot", country=None)
    tags = ["de", "es", "fi", "fr", "hu", "it", "ja", "ko", "lt", "lv", "nl", "pl", "pt", "ro",
            "ru", "sk", "sv", "uk"]
    for n, tag in enumerate(tags):
        for _ in range(n + 1):  # Ukrainian the biggest, German the smallest
            f.statement(session, speaker, said_on=date(2022, 5, 1), lang=tag)
    more = soup(client.get("/")).select_one("#lang-more")
    assert more is not None and int(more["data-more"]) == len(tags) - 15
    found = client.get("/api/facets/lang", params={"prefix": "germ"}).json()
    assert [(o["value"], o["label"], o["count"]) for o in found["options"]] == [
        ("de", "German", 1)]
    assert [o["value"] for o in client.get("/api/facets/lang",
                                           params={"prefix": "uk"}).json()["options"]] == ["uk"]
    page = soup(client.get(more["href"], params={"prefix": "ger"}))
    assert page.select_one('#facet-options-lang a[data-value="de"]')["href"] == "/?lang=de"


def test_the_index_gives_a_speakers_latest_public_day_past_newer_drafts(client, session):
    ida = f.actor(session, "Ida Public")
    f.statement(session, ida, said_on=date(2022, 3, 1))
    f.statement(session, ida, said_on=date(2021, 5, 1))
    for day, status in ((date(2023, 1, 1), StatementStatus.draft),
                        (date(2023, 2, 1), StatementStatus.withdrawn),
                        (date(2023, 3, 1), StatementStatus.rejected)):
        session.add(Statement(actor_id=ida.id, said_on=day, text="Not public.",
                              country_code="FR", status=status))
    session.commit()
    for sort in ("name", "latest"):
        listed = client.get("/api/actors", params={"sort": sort}).json()
        assert [(a["slug"], a["latest"]) for a in listed] == [("ida-public", "2022-03-01")]
