"""The method page: what the record holds and how it is made, linked from every page."""

from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from app.main import create_app
from tests.conftest import make_settings


def test_the_method_page_counts_what_the_public_record_holds(demo):
    soup = BeautifulSoup(demo.get("/about").text, "html.parser")
    api = demo.get("/api/statements?sort=oldest").json()["items"]
    shown = int(soup.select_one("#count-statements").text.replace(",", ""))
    speakers = int(soup.select_one("#count-speakers").text)
    assert shown == len(api) and speakers == len({s["speaker"]["slug"] for s in api})
    for section in ("holds", "sources", "extraction", "stance", "corrections"):
        assert soup.select_one(f"#{section} h2"), section


def test_every_page_links_to_the_method_page(demo):
    for path in ("/", "/statements/1", "/actors/liz-truss", "/login", "/docs"):
        soup = BeautifulSoup(demo.get(path, follow_redirects=True).text, "html.parser")
        assert soup.select_one("#nav-about")["href"] == "/about", path


def test_the_contact_for_corrections_is_the_configured_one(tmp_path):
    settings = make_settings(tmp_path / "c.db", demo=False).model_copy(
        update={"contact": "corrections@fogport.example"})
    with TestClient(create_app(settings)) as client:
        link = BeautifulSoup(client.get("/about").text, "html.parser").select_one("#contact")
    assert link["href"] == "mailto:corrections@fogport.example"
