"""Preview cards: the image a pasted permalink unfurls with, and the tags that point at it."""

from __future__ import annotations

import io
from datetime import date

from bs4 import BeautifulSoup
from PIL import Image

from app.reading.permalinks import statement_for_permalink
from app.record.models import Role, Stance
from app.web.cards import card_inputs, draw_card
from tests import factories as f
from tests.curation import token_headers


def _permalink_tags(client, statement_id: int) -> dict[str, str]:
    page = client.get(f"/statements/{statement_id}")
    assert page.status_code == 200
    soup = BeautifulSoup(page.text, "html.parser")
    return {m.get("property") or m.get("name"): m["content"]
            for m in soup.find_all("meta") if m.get("content")}


def _marsh(session):
    anna = f.actor(session, "Anna Marsh", country="FR",
                   roles=[Role(title="Minister of Harbours", starts_on=date(2020, 1, 1))])
    return anna, f.statement(session, anna, said_on=date(2021, 4, 2),
                             text="The harbour stays open.", stance=Stance.critical,
                             target="Port Fog")


def test_a_permalink_unfurls_as_a_large_card_an_unfurler_can_fetch(client, session):
    _, s = _marsh(session)
    tags = _permalink_tags(client, s.id)
    assert tags["twitter:card"] == "summary_large_image"
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert "Anna Marsh" in tags["og:image:alt"] and "harbour stays open" in tags["og:image:alt"]
    image = client.get(tags["og:image"].removeprefix("http://testserver"))
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"
    assert "immutable" in image.headers["cache-control"]
    assert Image.open(io.BytesIO(image.content)).size == (1200, 630)


def test_the_card_says_who_said_what_in_which_role_for_which_country_and_when(client, session):
    _, s = _marsh(session)
    inputs = card_inputs(statement_for_permalink(session, s.id, editor=False))
    assert inputs.words == "The harbour stays open."
    assert inputs.speaker == "Anna Marsh"
    assert inputs.details == "Minister of Harbours · France · 2 April 2021"
    assert inputs.stance == "Critical of Port Fog"
    assert inputs.site == "onrecord" and inputs.label == f"#{s.id}"


def test_long_words_are_cut_with_an_ellipsis_and_still_fit(session):
    anna = f.actor(session, "Anna Marsh")
    s = f.statement(session, anna, said_on=date(2021, 4, 2), text="harbour " * 400)
    png = draw_card(card_inputs(statement_for_permalink(session, s.id, editor=False)))
    assert Image.open(io.BytesIO(png)).size == (1200, 630)


def test_the_card_changes_when_the_statement_is_edited_and_not_otherwise(app, client, session):
    _, s = _marsh(session)
    first = client.get(f"/statements/{s.id}/card.png")
    again = client.get(f"/statements/{s.id}/card.png",
                       headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.headers["etag"] == first.headers["etag"]
    before = _permalink_tags(client, s.id)["og:image"]
    edited = client.patch(f"/api/statements/{s.id}", json={"text": "The harbour shuts."},
                          headers=token_headers(app))
    assert edited.status_code == 200
    after = client.get(f"/statements/{s.id}/card.png")
    assert after.status_code == 200 and after.headers["etag"] != first.headers["etag"]
    assert after.content != first.content
    assert _permalink_tags(client, s.id)["og:image"] != before


def test_a_pinned_version_has_its_own_card_that_never_changes(app, client, session):
    _, s = _marsh(session)
    client.patch(f"/api/statements/{s.id}", json={"text": "The harbour shuts."},
                 headers=token_headers(app))
    page = client.get(f"/statements/{s.id}?v=1", follow_redirects=True)
    soup = BeautifulSoup(page.text, "html.parser")
    image_url = soup.find("meta", property="og:image")["content"]
    assert image_url.endswith(f"/statements/{s.id}/card.png?v=1")
    pinned = client.get(image_url.removeprefix("http://testserver"))
    current = client.get(f"/statements/{s.id}/card.png")
    assert pinned.status_code == 200 and "immutable" in pinned.headers["cache-control"]
    assert pinned.headers["etag"] != current.headers["etag"]
    assert "max-age=3600" in current.headers["cache-control"]


def test_no_card_for_drafts_or_unknown_statements(client):
    assert client.get("/statements/999/card.png").status_code == 404
    assert client.get("/statements/1/card.png?v=0").status_code == 422


def test_a_withdrawn_statement_has_no_card(app, client, session):
    _, s = _marsh(session)
    withdrawn = client.post(f"/api/statements/{s.id}/withdraw", json={"reason": "Misquoted."},
                            headers=token_headers(app))
    assert withdrawn.status_code == 200
    assert client.get(f"/statements/{s.id}/card.png").status_code == 410
