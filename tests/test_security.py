"""The edge every request meets: security headers, Host names, proxies and body sizes."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests.conftest import make_settings
from tests.curation import editor_client, token_headers

EVERY_KIND = ("/", "/statements/1", "/actors/liz-truss", "/countries/GB", "/login",
              "/api/statements", "/api/statements?stance=wrong", "/no/such/page",
              "/static/app.css", "/feed.atom", "/openapi.json")


def _app(tmp_path: Path, **changes: object) -> TestClient:
    tmp_path.mkdir(exist_ok=True)
    settings = make_settings(tmp_path / "edge.db", demo=True).model_copy(update=changes)
    return TestClient(create_app(settings))


def _policy(response) -> dict[str, str]:
    directives = (d.strip().split(" ", 1) for d in
                  response.headers["content-security-policy"].split(";"))
    return {d[0]: d[1] if len(d) > 1 else "" for d in directives}


def test_every_response_carries_the_security_headers(demo):
    for path in EVERY_KIND:
        response = demo.get(path)
        assert response.headers["x-content-type-options"] == "nosniff", path
        assert response.headers["x-frame-options"] == "DENY", path
        assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin", path
        policy = _policy(response)
        assert policy["frame-ancestors"] == "'none'", path
        assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'", path
        assert "unsafe" not in response.headers["content-security-policy"], path
        assert "strict-transport-security" not in response.headers, path


def test_https_answers_ask_browsers_to_stay_on_https(demo_app):
    response = TestClient(demo_app, base_url="https://testserver").get("/")
    assert response.headers["strict-transport-security"].startswith("max-age=")


def test_the_api_explorer_runs_only_scripts_of_our_own(demo):
    response = demo.get("/docs")
    policy = _policy(response)
    assert policy["script-src"] == "'self'" and policy["frame-ancestors"] == "'none'"
    assert demo.get("/redoc").status_code == 404, "one explorer, not two"


def test_only_embeds_may_be_framed_by_other_sites(demo):
    embed = demo.get("/embed/statements/1")
    assert _policy(embed)["frame-ancestors"] == "*" and "x-frame-options" not in embed.headers
    assert _policy(embed)["script-src"] == "'self'"
    for path in ("/", "/statements/1", "/docs", "/api/statements"):
        response = demo.get(path, follow_redirects=True)
        assert _policy(response)["frame-ancestors"] == "'none'", path
        assert response.headers["x-frame-options"] == "DENY", path


def test_pages_hold_no_inline_script_style_or_handler(demo_app):
    client, _csrf = editor_client(demo_app)
    for path in (*EVERY_KIND[:5], "/review", "/statements/new", "/statements/1/edit",
                 "/statements/1/history", "/actors/liz-truss/edit"):
        response = client.get(path)
        assert response.status_code == 200, path
        page = BeautifulSoup(response.text, "html.parser")
        inline = [s for s in page.find_all("script")
                  if not s.get("src") and s.get("type") != "application/ld+json"]
        assert not inline and not page.find_all("style"), path
        for tag in page.find_all(True):
            assert "style" not in tag.attrs, (path, tag.name)
            assert not [a for a in tag.attrs if a.startswith("on")], (path, tag.name)
    config = BeautifulSoup(client.get("/").text, "html.parser").find(
        "meta", attrs={"name": "htmx-config"})["content"]
    assert '"includeIndicatorStyles": false' in config, "htmx would inject a <style>"


def test_a_host_that_is_not_ours_is_refused(demo):
    assert demo.get("/api/statements", headers={"Host": "evil.example"}).status_code == 400
    assert demo.get("/", headers={"Host": "localhost:8000"}).status_code == 200


def test_links_never_come_from_the_host_header(tmp_path):
    client = _app(tmp_path, allowed_hosts="records.example,*")
    items = client.get("/api/statements", headers={"Host": "evil.example"}).json()["items"]
    assert items and all(i["url"].startswith("http://records.example/") for i in items)
    feed = client.get("/feed.atom", headers={"Host": "evil.example"}).text
    assert "evil.example" not in feed


def test_links_come_from_the_base_url_whose_host_is_allowed(tmp_path):
    client = _app(tmp_path, base_url="https://records.example/")
    response = client.get("/api/statements/1", headers={"Host": "records.example"})
    assert response.json()["url"].startswith("https://records.example/statements/1")
    local = client.get("/api/statements/1", headers={"Host": "localhost"})
    assert local.json()["url"].startswith("https://records.example/statements/1")


def test_forwarded_headers_count_only_from_a_trusted_proxy(tmp_path):
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.7"}
    local = ("127.0.0.1", 5000)
    plain = _app(tmp_path / "a")
    plain = TestClient(plain.app, client=local)
    assert "strict-transport-security" not in plain.get("/", headers=forwarded).headers
    behind = _app(tmp_path / "b", trusted_proxies="127.0.0.1")
    behind = TestClient(behind.app, client=local)
    assert "strict-transport-security" in behind.get("/", headers=forwarded).headers


@pytest.mark.parametrize("chunked", [False, True])
def test_an_over_size_body_is_refused_with_413(tmp_path, chunked):
    client = _app(tmp_path, max_body_bytes=1000)
    body = b'{"speaker": "Anna Marsh", "text": "' + b"x" * 2000 + b'", "said_on": "2021-01-01"}'
    content = iter([body[:500], body[500:]]) if chunked else body
    response = client.post("/api/statements", content=content,
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert "1,000 bytes" in response.json()["detail"]
    page = client.post("/login", data={"name": "ed", "password": "p" * 2000})
    assert page.status_code == 413 and "Too large" in page.text


def test_a_body_under_the_limit_still_reaches_the_route(tmp_path):
    client = _app(tmp_path, max_body_bytes=1000)
    chunks = iter([b'{"speaker": "Anna Marsh", ', b'"text": "Short.", "said_on": "2021-01-01"}'])
    response = client.post("/api/statements", content=chunks,
                           headers={"Content-Type": "application/json",
                                    **token_headers(client.app)})
    assert response.status_code == 201 and response.json()["text"] == "Short."


def test_settings_read_lists_from_the_environment(monkeypatch):
    monkeypatch.setenv("ONRECORD_TRUSTED_PROXIES", "10.0.0.1, 10.0.0.2")
    monkeypatch.setenv("ONRECORD_ALLOWED_HOSTS", "records.example")
    monkeypatch.setenv("ONRECORD_BASE_URL", "https://cdn.records.example")
    settings = Settings()
    assert settings.trusted_proxy_list == ["10.0.0.1", "10.0.0.2"]
    assert settings.allowed_host_list == ["records.example", "cdn.records.example"]
