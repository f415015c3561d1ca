"""Reading is public; every write needs an editor (with the form's CSRF token) or a token."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.curation.auth import add_editor, create_token, revoke_token
from app.curation.login_limits import ADDRESS_FREE as MAX_FAILURES
from app.record.models import ApiToken, Editor, EditorSession
from tests.curation import PASSWORD, editor_client, token_headers

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
#: Writes anyone may make: logging in is how an editor gets a session.
PUBLIC_WRITES = {("POST", "/login")}
SAMPLE_PATH_VALUES = {"statement_id": "1", "ref": "1", "slug": "liz-truss", "code": "GB",
                      "source_id": "1", "number": "1", "duplicate": "us-intelligence",
                      "event_id": "1", "feed_id": "1"}


def api_routes(routes) -> list[APIRoute]:
    """Every route of the app, looking inside the routers it includes."""
    found = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif hasattr(route, "original_router"):  # FastAPI keeps included routers whole
            found += api_routes(route.original_router.routes)
    return found


def write_routes(app) -> list[tuple[str, str]]:
    routes = []
    for route in api_routes(app.routes):
        for method in route.methods & WRITE_METHODS:
            if (method, route.path) not in PUBLIC_WRITES:
                path = re.sub(r"{(\w+)}", lambda m: SAMPLE_PATH_VALUES[m.group(1)], route.path)
                routes.append((method, path))
    return routes


def test_the_app_has_write_routes_to_check(demo_app):
    assert len(write_routes(demo_app)) >= 15


def test_every_write_refuses_a_request_without_an_editor_or_token(demo_app):
    client = TestClient(demo_app)
    for method, path in write_routes(demo_app):
        response = client.request(method, path, data={"text": "x"})
        assert response.status_code == 401, (method, path, response.status_code)
        response = client.request(method, path, json={},
                                  headers={"Authorization": "Bearer onr_not-a-token"})
        assert response.status_code == 401, (method, path)


def test_every_write_refuses_an_editor_without_the_csrf_token(demo_app):
    client, _token = editor_client(demo_app)
    for method, path in write_routes(demo_app):
        for bad in ({}, {"csrf_token": "forged"}):
            response = client.request(method, path, data={"text": "x", **bad})
            assert response.status_code == 403, (method, path, response.status_code)
    statement = client.get("/api/statements/1").json()
    assert statement["text"] != "x", "nothing was written"


def test_editor_pages_send_visitors_to_the_login(demo):
    for path in ("/review", "/statements/new", "/statements/1/edit", "/actors/liz-truss/edit",
                 "/sources/1/edit", "/sources/feeds"):
        response = demo.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/login?next=")


def test_a_bearer_token_writes_without_csrf_and_a_revoked_one_does_not(demo_app):
    client = TestClient(demo_app)
    headers = token_headers(demo_app, "newsroom-bot")
    body = {"speaker": "Anna Marsh", "text": "The harbour stays open.", "said_on": "2021-04-02"}
    assert client.post("/api/statements", json=body, headers=headers).status_code == 201
    with Session(demo_app.state.engine) as session:
        assert revoke_token(session, "newsroom-bot") == 1
    assert client.post("/api/statements", json=body, headers=headers).status_code == 401


def test_session_cookie_is_httponly_lax_and_secure_behind_https(demo_app):
    with Session(demo_app.state.engine) as session:
        add_editor(session, "ed", PASSWORD)
    plain = TestClient(demo_app).post("/login", data={"name": "ed", "password": PASSWORD},
                                      follow_redirects=False)
    cookie = plain.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    secure = TestClient(demo_app, base_url="https://testserver").post(
        "/login", data={"name": "ed", "password": PASSWORD}, follow_redirects=False)
    assert "secure" in secure.headers["set-cookie"].lower()


def test_no_password_or_token_is_stored_in_clear(demo_app):
    with Session(demo_app.state.engine) as session:
        add_editor(session, "ed", PASSWORD)
        token = create_token(session, "bot")
    client = TestClient(demo_app)
    client.post("/login", data={"name": "ed", "password": PASSWORD})
    cookie = client.cookies.get("onrecord_session")
    with Session(demo_app.state.engine) as session:
        stored = [str(value) for table in (Editor, EditorSession, ApiToken)
                  for row in session.exec(select(table)).all()
                  for value in row.model_dump().values()]
    assert cookie and all(secret not in value for secret in (PASSWORD, token, cookie)
                          for value in stored)
    assert any(value.startswith("$argon2") for value in stored)


def test_failed_logins_are_limited(demo_app):
    with Session(demo_app.state.engine) as session:
        add_editor(session, "ed", PASSWORD)
    client = TestClient(demo_app)
    for _ in range(MAX_FAILURES):
        assert client.post("/login", data={"name": "ed", "password": "wrong guess!"}
                           ).status_code == 401
    locked = client.post("/login", data={"name": "ed", "password": PASSWORD})
    assert locked.status_code == 429 and "too many" in locked.text
    assert "onrecord_session" not in locked.headers.get("set-cookie", "")


def test_login_goes_back_only_to_this_site(demo_app):
    with Session(demo_app.state.engine) as session:
        add_editor(session, "ed", PASSWORD)
    for target, expected in (("/review", "/review"), ("https://evil.example/", "/"),
                             ("//evil.example", "/")):
        response = TestClient(demo_app).post(
            "/login", data={"name": "ed", "password": PASSWORD, "next": target},
            follow_redirects=False)
        assert response.headers["location"] == expected


def test_logging_out_ends_the_session(demo_app):
    client, csrf = editor_client(demo_app)
    assert client.post("/logout", data={"csrf_token": csrf}).status_code == 200
    assert client.get("/review", follow_redirects=False).status_code == 303


@pytest.mark.parametrize("password", ["short", ""])
def test_weak_passwords_are_refused(demo_app, password):
    from app.errors import AuthError

    with Session(demo_app.state.engine) as session, pytest.raises(AuthError):
        add_editor(session, "ed", password)
