"""Helpers for tests that write: an editor, a logged-in client, a token."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.curation.auth import add_editor, create_token

PASSWORD = "a long enough passphrase"


def editor_client(app: FastAPI, name: str = "ed") -> tuple[TestClient, str]:
    """Return a client logged in as a new editor, and its CSRF token."""
    with Session(app.state.engine) as session:
        add_editor(session, name, PASSWORD)
    client = TestClient(app)
    response = client.post("/login", data={"name": name, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return client, csrf_of(client.get("/login").text)


def csrf_of(html: str) -> str:
    """Read the CSRF token an editor's page carries."""
    match = re.search(r'"X-CSRF-Token": "([^"]+)"', html)
    assert match, "an editor's page carries its CSRF token"
    return match.group(1)


def token_headers(app: FastAPI, name: str = "script") -> dict[str, str]:
    """Return the Authorization header of a new API token."""
    with Session(app.state.engine) as session:
        return {"Authorization": f"Bearer {create_token(session, name)}"}
