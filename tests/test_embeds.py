"""Embeds and oEmbed: what another site pastes to show a statement or a view."""

from __future__ import annotations

from datetime import date

from bs4 import BeautifulSoup

from app.record.models import Stance
from tests import factories as f
from tests.curation import token_headers

#: What the oEmbed 1.0 specification requires of every answer, and of a "rich" one.
OEMBED_REQUIRED = {"type", "version"}
OEMBED_RICH = {"html", "width", "height"}


def _record(session):
    anna = f.actor(session, "Anna Marsh", country="FR")
    ben = f.actor(session, "Ben Okoro", country="NG")
    said = [f.statement(session, anna, said_on=date(2021, 4, d), stance=Stance.critical,
                        text=f"Harbour remark {d}.") for d in (1, 2, 3)]
    said.append(f.statement(session, ben, said_on=date(2021, 4, 4), text="River remark."))
    return anna, said


def test_an_embedded_statement_may_be_framed_and_opens_its_permalink_in_a_new_tab(
        client, session):
    _, said = _record(session)
    page = client.get(f"/embed/statements/{said[0].id}")
    assert page.status_code == 200
    assert "frame-ancestors *" in page.headers["content-security-policy"]
    soup = BeautifulSoup(page.text, "html.parser")
    assert soup.select_one("#words").text == "Harbour remark 1."
    links = soup.select("a[href]")
    assert links and all(a["target"] == "_blank" and "noopener" in a["rel"] for a in links)
    assert soup.select_one("#open-full")["href"].endswith(
        f"/statements/{said[0].id}-anna-marsh-harbour-remark-1")
    assert not soup.find("script"), "an embed runs no script"


def test_an_embedded_view_holds_the_statements_of_its_filters(client, session):
    _, said = _record(session)
    page = client.get("/embed?actor=anna-marsh&stance=critical")
    ids = [int(li["data-statement-id"]) for li in
           BeautifulSoup(page.text, "html.parser").select("#statements li[data-statement-id]")]
    api = client.get("/api/statements?actor=anna-marsh&stance=critical").json()
    assert ids == [item["id"] for item in api["items"]] == [s.id for s in said[2::-1]]
    full = BeautifulSoup(page.text, "html.parser").select_one("#open-full")
    assert full["target"] == "_blank" and full["href"].endswith(
        "/?actor=anna-marsh&stance=critical")


def test_a_wrong_filter_in_an_embed_is_named(client):
    page = client.get("/embed?stance=angry")
    assert page.status_code == 400
    assert BeautifulSoup(page.text, "html.parser").select_one("[data-param=stance]")


def test_oembed_describes_a_statement_as_the_specification_requires(client, session):
    _, said = _record(session)
    url = f"http://testserver/statements/{said[0].id}-anna-marsh-harbour-remark-1"
    answer = client.get("/oembed", params={"url": url, "maxwidth": 400}).json()
    assert answer.keys() >= OEMBED_REQUIRED | OEMBED_RICH
    assert answer["version"] == "1.0" and answer["type"] == "rich"
    assert answer["width"] == 400 and isinstance(answer["height"], int)
    assert f'src="http://testserver/embed/statements/{said[0].id}"' in answer["html"]
    assert answer["author_name"] == "Anna Marsh" and answer["provider_name"] == "onrecord"
    thumb = client.get(answer["thumbnail_url"].removeprefix("http://testserver"))
    assert thumb.headers["content-type"] == "image/png"


def test_oembed_describes_a_view_and_refuses_other_sites_and_formats(client, session):
    _record(session)
    view = client.get("/oembed", params={"url": "http://testserver/actors/anna-marsh?stance=critical"})
    assert view.status_code == 200
    assert "/embed?actor=anna-marsh&amp;stance=critical" in view.json()["html"]
    assert client.get("/oembed", params={"url": "https://elsewhere.example/statements/1"}
                      ).status_code == 404
    refused = client.get("/oembed", params={"url": "http://testserver/statements/1",
                                            "format": "xml"})
    assert refused.status_code == 422 and refused.json()["errors"][0]["param"] == "format"


def test_the_permalink_offers_the_embed_code_its_fallback_and_oembed_discovery(
        app, client, session):
    _, said = _record(session)
    soup = BeautifulSoup(client.get(f"/statements/{said[0].id}", follow_redirects=True).text,
                         "html.parser")
    code = soup.select_one("#embed-code").text
    assert f'src="http://testserver/embed/statements/{said[0].id}"' in code
    assert 'height="360"' in code
    assert "/card.png" in soup.select_one("#embed-fallback").text
    discovery = soup.find("link", type="application/json+oembed")["href"]
    assert client.get(discovery.removeprefix("http://testserver")).json()["type"] == "rich"
    assert soup.select_one("#embed-preview")["src"].endswith(f"/embed/statements/{said[0].id}")


def test_a_withdrawn_statement_embeds_as_its_notice(app, client, session):
    _, said = _record(session)
    client.post(f"/api/statements/{said[0].id}/withdraw", json={"reason": "Misquoted."},
                headers=token_headers(app))
    soup = BeautifulSoup(client.get(f"/embed/statements/{said[0].id}").text, "html.parser")
    assert "Misquoted." in soup.select_one("#withdrawn-notice").text
    assert soup.select_one("#words") is None


def test_oembed_reads_any_address_without_failing(client):
    for url in ("http://[::1", "http://testserver", "not a url", "http://testserver/about"):
        answer = client.get("/oembed", params={"url": url})
        assert answer.status_code in (200, 400, 404), url
        assert answer.headers["content-type"].startswith("application/json"), url
