"""A record with no statement yet (a new install without the demo) answers every reading
page: its searches, date ranges and charts find nothing, and say so."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

PATHS = ["/?q=anything", "/?from=2020-01-01", "/?from=2020-01-01&to=2020-02-01&stance=critical",
         "/?q=anything&from=2020-01-01", "/?from=2020-01-01&to=2020-01-31&chart=day",
         "/api/statements?q=anything", "/api/statements?from=2020-01-01",
         "/feed.atom?q=anything", "/export.csv?from=2020-01-01", "/actors"]


@pytest.mark.parametrize("path", PATHS)
def test_an_empty_record_answers_its_searches_and_days(client: TestClient, path: str):
    answer = client.get(path)
    assert answer.status_code == 200, answer.text[:300]


def test_an_empty_record_lists_no_statement(client: TestClient):
    assert client.get("/api/statements?q=anything&from=2020-01-01").json()["items"] == []
