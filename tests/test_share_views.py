"""Every view previews: tags an unfurler reads on timelines, profiles and lanes, and the view
card they point at."""

from __future__ import annotations

import io
from datetime import date

from bs4 import BeautifulSoup
from PIL import Image

from app.record.models import Stance
from tests import factories as f

VIEWS = ("/?actor=anna-marsh&stance=critical", "/actors/anna-marsh", "/countries/FR",
         "/lanes?country=FR&country=NG&from=2021-04-01")


def _record(session):
    anna = f.actor(session, "Anna Marsh", country="FR")
    ben = f.actor(session, "Ben Okoro", country="NG")
    for d in (1, 2, 3):
        f.statement(session, anna, said_on=date(2021, 4, d), stance=Stance.critical)
    f.statement(session, ben, said_on=date(2021, 4, 4))
    return anna, ben


def _tags(client, path: str) -> dict[str, str]:
    page = client.get(path)
    assert page.status_code == 200, path
    soup = BeautifulSoup(page.text, "html.parser")
    tags = {m.get("property") or m.get("name"): m["content"]
            for m in soup.find_all("meta") if m.get("content")}
    tags["canonical"] = soup.select_one("link[rel=canonical]")["href"]
    tags["oembed"] = soup.select_one("link[type='application/json+oembed']")["href"]
    return tags


def _local(url: str) -> str:
    assert url.startswith("http://testserver/"), url
    return url.removeprefix("http://testserver")


def test_every_kind_of_view_unfurls_as_a_large_card_an_unfurler_can_fetch(client, session):
    _record(session)
    for path in VIEWS:
        tags = _tags(client, path)
        assert tags["twitter:card"] == "summary_large_image"
        assert tags["og:url"] == tags["canonical"] == "http://testserver" + path
        assert tags["og:title"] and tags["og:image:alt"]
        assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
        image = client.get(_local(tags["og:image"]))
        assert image.status_code == 200 and image.headers["content-type"] == "image/png"
        assert Image.open(io.BytesIO(image.content)).size == (1200, 630)
        assert "immutable" in image.headers["cache-control"], "its digest pins the card"
        assert client.get(_local(tags["oembed"])).json()["type"] == "rich"


def test_the_description_says_what_the_view_is_narrowed_to_and_how_many(client, session):
    _record(session)
    filtered = _tags(client, "/?actor=anna-marsh&stance=critical")
    assert filtered["og:description"] == "3 statements on the record: Anna Marsh · Critical"
    assert filtered["og:title"] == "Anna Marsh · Critical · onrecord"
    profile = _tags(client, "/actors/anna-marsh")
    assert profile["og:title"] == "Anna Marsh · onrecord", "the fixed filter is named too"
    lanes = _tags(client, "/lanes?country=FR&country=NG&from=2021-04-01")
    assert lanes["og:description"].startswith("4 statements on the record: ")


def test_the_view_card_changes_when_the_views_counts_change_and_not_otherwise(client, session):
    anna, ben = _record(session)
    first = client.get("/card.png?actor=anna-marsh")
    assert first.status_code == 200
    again = client.get("/card.png?actor=anna-marsh&sort=oldest",
                       headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304, "the order of a view does not change its card"
    f.statement(session, ben, said_on=date(2021, 4, 2))
    other = client.get("/card.png?actor=anna-marsh")
    assert other.headers["etag"] == first.headers["etag"], "another speaker's words"
    f.statement(session, anna, said_on=date(2021, 4, 5))
    after = client.get("/card.png?actor=anna-marsh")
    assert after.headers["etag"] != first.headers["etag"] and after.content != first.content
    assert _tags(client, "/actors/anna-marsh")["og:image"].endswith(
        "d=" + after.headers["etag"].strip('"'))


def test_a_wrong_filter_on_a_view_card_is_named(client):
    answer = client.get("/card.png?stance=angry")
    assert answer.status_code == 400 and "stance" in answer.text


def test_the_timeline_offers_its_embed_and_lanes_only_for_two_to_six(client, session):
    _record(session)
    two = BeautifulSoup(client.get("/?country=FR&country=NG").text, "html.parser")
    assert two.select_one("#to-lanes")["href"] == "/lanes?country=FR&country=NG"
    code = two.select_one("#embed-code").text
    assert 'src="http://testserver/embed?country=FR&amp;country=NG"' in code
    one = BeautifulSoup(client.get("/?country=FR").text, "html.parser")
    assert one.select_one("#to-lanes") is None and one.select_one("#embed-code")
    box = client.get("/share-box?country=FR&country=NG", headers={"HX-Request": "true"})
    swapped = BeautifulSoup(box.text, "html.parser").select_one("#view-share")
    assert swapped.select_one("#to-lanes") and swapped.select_one("#embed-code"), \
        "share.js swaps in the box of the view htmx shows"
