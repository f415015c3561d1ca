"""Nothing from another origin: every script, style, image, font and frame a page loads is
served by onrecord itself (vendored), so a page works offline and tells no third party
who reads what."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.curation import editor_client

#: Elements and the attribute through which they make the browser fetch something.
LOADED = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src",
          "audio": "src", "embed": "src", "object": "data"}
#: <link> relations that make the browser fetch the target.
FETCHED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}

READER_PAGES = ["/", "/?stance=critical", "/statements/1", "/statements/1/history",
                "/actors/liz-truss", "/countries/GB", "/docs", "/login"]
EDITOR_PAGES = ["/review", "/statements/new", "/statements/1/edit", "/actors/liz-truss/edit"]


def _fetched(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    found = [el[attr] for tag, attr in LOADED.items() for el in soup.find_all(tag)
             if el.get(attr)]
    found += [el["href"] for el in soup.find_all("link")
              if el.get("href") and FETCHED_LINKS & set(el.get("rel") or [])]
    return found


def _foreign(urls: list[str]) -> list[str]:
    return [u for u in urls if urlsplit(u).netloc not in ("", "testserver")]


@pytest.mark.parametrize("path", READER_PAGES)
def test_a_reader_page_loads_nothing_from_another_origin(demo, path):
    response = demo.get(path, follow_redirects=True)
    assert response.status_code == 200
    loaded = _fetched(response.text)
    assert loaded, "every page loads its styles and scripts"
    assert _foreign(loaded) == []


def test_an_editor_page_loads_nothing_from_another_origin(demo_app):
    client, _ = editor_client(demo_app)
    for path in EDITOR_PAGES:
        response = client.get(path, follow_redirects=True)
        assert response.status_code == 200, path
        assert _foreign(_fetched(response.text)) == [], path


def test_the_api_reference_is_drawn_by_the_vendored_swagger_ui(demo):
    page = demo.get("/docs")
    loaded = _fetched(page.text)
    bundle = next(u for u in loaded if u.endswith("swagger-ui-bundle.js"))
    assert demo.get(bundle).status_code == 200
    soup = BeautifulSoup(page.text, "html.parser")
    assert soup.find("h1") and soup.select_one("#swagger-ui")["data-openapi-url"]
    assert demo.get(soup.select_one("#swagger-ui")["data-openapi-url"]).json()["openapi"]


def test_flags_are_vendored_images_beside_the_country_name(demo):
    soup = BeautifulSoup(demo.get("/countries/UA").text, "html.parser")
    flag = soup.select_one("h1 img.flag")
    assert flag["alt"] == "" and "Ukraine" in soup.find("h1").text
    image = demo.get(flag["src"])
    assert image.status_code == 200 and image.text.lstrip().startswith("<svg")
