"""Citations: plain text, BibTeX and CSL-JSON, with the permanent link, version and day read."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from bs4 import BeautifulSoup

from app.record.models import DatePrecision, Role, Source
from tests import factories as f
from tests.curation import token_headers


def _cited(session, **kwargs):
    anna = f.actor(session, "Anna Marsh", country="FR",
                   roles=[Role(title="Minister of Harbours", starts_on=date(2020, 1, 1))])
    source = Source(title="Harbour news", publisher="The Fogport Courier",
                    published_on=date(2021, 4, 3))
    return f.statement(session, anna, said_on=date(2021, 4, 2), source=source,
                       text=kwargs.get("text", "The harbour stays open & {free}."))


def test_each_format_names_speaker_words_day_link_and_the_day_it_was_read(client, session):
    s = _cited(session)
    today = datetime.now(UTC).date()
    text = client.get(f"/statements/{s.id}/cite.txt")
    assert text.status_code == 200 and text.headers["content-type"].startswith("text/plain")
    assert text.text.startswith("Anna Marsh, Minister of Harbours (France), “The harbour stays")
    assert "”, said 2 April 2021." in text.text and "Reported in Harbour news" in text.text
    assert f"/statements/{s.id}-anna-marsh" in text.text and str(today.year) in text.text
    bib = client.get(f"/statements/{s.id}/cite.bib").text
    assert bib.startswith(f"@misc{{onrecord-{s.id},")
    assert "author = {{Anna Marsh}}" in bib and r"\& \{free\}" in bib
    assert "year = 2021" in bib and "month = apr" in bib and "day = 2" in bib
    assert f"urldate = {{{today.isoformat()}}}" in bib
    csl = json.loads(client.get(f"/statements/{s.id}/cite.json").text)[0]
    assert csl["type"] == "speech" and csl["author"] == [{"literal": "Anna Marsh"}]
    assert csl["issued"] == {"date-parts": [[2021, 4, 2]]}
    assert csl["accessed"]["date-parts"] == [[today.year, today.month, today.day]]
    assert csl["URL"].endswith(f"/statements/{s.id}-anna-marsh-the-harbour-stays-open-free")


def test_a_citation_dates_only_as_precisely_as_the_day_is_known(client, session):
    s = _cited(session)
    s.date_precision = DatePrecision.month
    session.add(s)
    session.commit()
    csl = json.loads(client.get(f"/statements/{s.id}/cite.json").text)[0]
    assert csl["issued"] == {"date-parts": [[2021, 4]]}
    bib = client.get(f"/statements/{s.id}/cite.bib").text
    assert "month = apr" in bib and "day =" not in bib


def test_an_edited_statement_is_cited_at_its_version_and_a_pinned_one_at_the_pin(app, client,
                                                                                 session):
    s = _cited(session)
    headers = token_headers(app)
    client.patch(f"/api/statements/{s.id}", json={"text": "The harbour shuts."}, headers=headers)
    latest = json.loads(client.get(f"/statements/{s.id}/cite.json").text)[0]
    assert latest["title"] == "The harbour shuts." and latest["URL"].endswith(
        f"?v={latest['version']}")
    pinned = json.loads(client.get(f"/statements/{s.id}/cite.json?v=1").text)[0]
    assert pinned["version"] == "1" and pinned["URL"].endswith("?v=1")
    assert pinned["title"] != latest["title"]


def test_the_permalink_offers_every_citation_and_a_pinned_page_stays_pinned(app, client,
                                                                            session):
    s = _cited(session)
    client.patch(f"/api/statements/{s.id}", json={"text": "The harbour shuts."},
                 headers=token_headers(app))
    page = client.get(f"/statements/{s.id}?v=1", follow_redirects=True)
    soup = BeautifulSoup(page.text, "html.parser")
    for ext in ("txt", "bib", "json"):
        assert soup.select_one(f"#cite-{ext}").text.strip()
        assert soup.select_one(f"#cite-{ext}-file")["href"].endswith(f"cite.{ext}?v=1")
    assert soup.select_one("#permalink-url")["value"].endswith("?v=1")
    assert soup.find("link", rel="canonical")["href"].endswith("?v=1")
    assert soup.find("meta", property="og:url")["content"].endswith("?v=1")


def test_no_citation_of_an_unknown_statement_or_format(client):
    assert client.get("/statements/999/cite.txt").status_code == 404
    assert client.get("/statements/1/cite.docx").status_code in (404, 422)
