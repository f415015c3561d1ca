"""What readers notice on every page: counts with thousands separators, addresses without
empty parameters, one h1, and a skip link before anything else that takes focus."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from sqlmodel import Session

from app.curation.inputs import StatementPatch
from app.curation.statement_edits import update_statement
from app.files.synth import Plan, synthesize
from app.web.clean_addresses import clean_location
from tests.curation import editor_client

#: Enough statements for every count past a thousand to need its separator.
BIG = Plan(statements=1500, actors=3, countries=2, targets=2, words=50)


def soup_of(client, path: str) -> BeautifulSoup:
    answer = client.get(path)
    assert answer.status_code == 200, path
    return BeautifulSoup(answer.text, "html.parser")


def test_counts_past_a_thousand_have_separators(client, session):
    synthesize(session, BIG)
    home = soup_of(client, "/")
    total = home.select_one("#total").text
    assert re.fullmatch(r"1,\d{3}", total)
    counts = home.select(".count[data-count]") + home.select("option[data-count]")
    assert max(int(c["data-count"]) for c in counts) >= 1000
    for count in counts:
        assert f"{int(count['data-count']):,}" in count.text
    assert soup_of(client, "/about").select_one("#count-statements").text == total


@pytest.mark.parametrize(("asked", "sent_to"), [
    ("/?q=&stance=&actor=ana&to=", "/?actor=ana"),
    ("/?actor=ana&q=&actor=bo&stance=critical&from=", "/?actor=ana&actor=bo&stance=critical"),
    ("/?q=", "/"),
    ("/?q=+&sort=oldest", "/?sort=oldest"),
    ("/actors/ana-marsh?q=&stance=critical", "/actors/ana-marsh?stance=critical"),
    ("/countries/FR?kind=&target=", "/countries/FR"),
    ("/embed?actor=ana&q=", "/embed?actor=ana"),
])
def test_empty_parameters_are_dropped_by_a_redirect(client, asked, sent_to):
    answer = client.get(asked, follow_redirects=False)
    assert answer.status_code in (301, 303) and answer.headers["location"] == sent_to
    assert client.get(asked).url.path == sent_to.partition("?")[0]


@pytest.mark.parametrize("path", ["/?actor=ana&q=words%20here", "/api/statements?q=",
                                  "/statements/1?v=", "/export.csv?q=", "/actors/x/history?q="])
def test_clean_addresses_and_other_pages_are_left_alone(path):
    assert clean_location(*path.split("?")) is None


def test_a_redirected_search_keeps_its_encoded_words(client):
    answer = client.get("/?q=caf%C3%A9%20r%C3%A9seau&stance=", follow_redirects=False)
    assert answer.headers["location"] == "/?q=caf%C3%A9%20r%C3%A9seau"


READER_PAGES = ("/", "/?stance=critical", "/statements/1", "/statements/1?v=1",
                "/statements/1/history", "/actors/liz-truss", "/actors/liz-truss/history",
                "/countries/GB", "/login", "/about", "/docs", "/embed", "/embed/statements/1")
EDITOR_PAGES = ("/review", "/statements/new", "/statements/1/edit", "/actors/liz-truss/edit")


def test_every_page_has_one_h1_and_starts_with_a_skip_link(demo_app):
    client, _ = editor_client(demo_app)
    with Session(demo_app.state.engine) as session:
        update_statement(session, 1, StatementPatch(target="the Kremlin"), "ed")  # a version 2
        session.commit()
    for path in READER_PAGES + EDITOR_PAGES:
        soup = soup_of(client, path)
        assert len(soup.select("h1")) == 1, path
        if path.startswith("/embed"):
            continue  # an embed is its content alone, nothing before it to skip
        first = soup.body.find(["a", "button", "input", "select", "textarea", "summary"])
        assert "skip-link" in first.get("class", []), path
        assert soup.select_one(first["href"]) or first["href"] == "#results-heading", path


def test_the_permalink_heading_names_the_speaker(demo):
    heading = soup_of(demo, "/statements/1").select_one("h1")
    assert heading.select_one("a.speaker").text == "Liz Truss"
