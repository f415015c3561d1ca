"""Text search finds what a reader scanning every statement would find, and follows edits."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from datetime import date, timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.reading.counts import count_by
from app.reading.query import TimelineQuery
from app.record.models import Stance, Statement, StatementStatus
from tests import factories as f
from tests.conftest import ReadingClient, _app
from tests.factories import all_api_ids

VOCABULARY = ["harbour", "harbor", "border", "Border", "grain", "grains", "ceasefire",
              "sanctions", "talks", "TALKS", "ukraine", "union", "unity", "the", "a", "of"]


def naive(statements: list[Any], q: str) -> list[int]:
    """Ids, newest first, of published statements a reader scanning each text would pick.

    The syntax read plainly: "a phrase", x OR y, -word, prefix*, and bare words (all of
    them, whole words); written apart from app/reading/search.py, to check it.
    """
    chunks = re.findall(r'-?"[^"]*"|\S+', q)
    wanted: list[list[str]] = []  # each group: alternatives, any of which must be found
    unwanted: list[str] = []
    join = False
    for chunk in chunks:
        if chunk == "OR":
            join = True
            continue
        negated = chunk.startswith("-")
        term = chunk.lstrip("-").strip('"').lower()
        if not re.findall(r"[^\W_]+", term):
            continue
        if negated:
            unwanted.append(term)
        elif join:
            wanted[-1].append(term)
        else:
            wanted.append([term])
        join = False

    def found(term: str, text: str) -> bool:
        have = re.findall(r"[^\W_]+", text.lower())
        want = re.findall(r"[^\W_]+", term)
        prefix = term.endswith("*")
        for i in range(len(have) - len(want) + 1):
            *body, last = have[i:i + len(want)]
            if body == want[:-1] and (last.startswith(want[-1]) if prefix else last == want[-1]):
                return True
        return False

    def hit(text: str) -> bool:
        return (all(any(found(t, text) for t in group) for group in wanted)
                and not any(found(t, text) for t in unwanted))

    keep = [s for s in statements if s.status is StatementStatus.published and hit(s.text)]
    return [s.id for s in sorted(keep, key=lambda s: (s.said_on, s.id), reverse=True)
            if s.id is not None]


def _write_texts(session: Session) -> list[Statement]:
    """120 statements of random words by two fictional speakers, some of them drafts."""
    rng = random.Random(11)
    speakers = [f.actor(session, "Speaker Oak", country="FR"),
                f.actor(session, "Speaker Yew", country="DE")]
    made = []
    for i in range(120):
        text = " ".join(rng.choice(VOCABULARY) for _ in range(rng.randrange(2, 9))) + "."
        made.append(f.statement(session, speakers[i % 2], text=text, stance=rng.choice(
            list(Stance)), said_on=date(2022, 1, 1) + timedelta(days=rng.randrange(90))))
    for s in made[::9]:
        s.status = StatementStatus.draft
    session.commit()
    return made


@pytest.fixture
def texts(session: Session) -> list[Statement]:
    """The 120 statements, in a database of the test's own (for tests that write)."""
    return _write_texts(session)


@pytest.fixture(scope="module")
def searched(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, list[Any]]]:
    """A client that only reads the same 120 statements, shared by a module's tests, and
    the statements as plain values (the rows they came from belong to a closed session)."""
    for app in _app(tmp_path_factory.mktemp("search") / "search.db", demo=False):
        with Session(app.state.engine) as session:
            made = [SimpleNamespace(id=s.id, text=s.text, status=s.status, said_on=s.said_on,
                                    country_code=s.country_code)
                    for s in _write_texts(session)]
        with ReadingClient(app) as client:
            yield client, made


@pytest.mark.parametrize("q", [
    "harbour", "harb", "HARBOUR", "talks grain", "border union", "uni", "of the",
    "ceasefire, sanctions!", "zzz", "b",
    # the syntax: a phrase, OR, an exclusion, a prefix, and each with the others
    '"talks grain"', '"the border"', "harbour OR harbor", "talks OR grain union",
    "border -union", 'talks -"the grain"', "harb*", "uni*", "gra* -grains", '"of the"*',
    'sanctions OR "border talks" -ukraine', "grain OR zzz", "-zzz talks"])
def test_search_finds_what_a_scan_finds(searched, q):
    client, texts = searched
    assert all_api_ids(client, f"q={q}") == naive(texts, q)


def test_search_combines_with_filters_and_counts(searched):
    client, texts = searched
    expected = [i for i in naive(texts, "grain") if i in {s.id for s in texts
                                                          if s.country_code == "DE"}]
    assert all_api_ids(client, "q=grain&country=DE") == expected


def test_search_follows_edits_and_deletes(client, session, texts):
    first, second = texts[1], texts[2]
    said_before = first.text.split()[0].strip(".")
    first.text = "Quokkas were mentioned once."
    session.add(first)
    session.delete(second)
    session.commit()
    assert all_api_ids(client, "q=quokkas") == [first.id]
    assert first.id not in all_api_ids(client, f"q={said_before}"), "nor by its old words"
    assert all_api_ids(client, f"q={second.text.split()[0]}") == naive(
        list(session.exec(select(Statement)).all()), second.text.split()[0])


def test_search_without_words_matches_literally(client, session):
    speaker = f.actor(session, "Speaker Ivy")
    made = f.statement(session, speaker, said_on=date(2022, 2, 2), text="Really?! No.")
    assert all_api_ids(client, "q=%3F%21") == [made.id]
    assert all_api_ids(client, "q=%25") == []


def _stance_counts(page: str) -> dict[str, str]:
    """The count each stance shows on a timeline page, as written there."""
    found = {}
    for stance in ("supportive", "critical", "neutral"):
        shown = re.search(rf'value="{stance}"[^>]*>\s*<span[^>]*>[^<]*</span> '
                          rf'<span class="count" data-count="\d+">([^<]*)</span>', page)
        assert shown is not None
        found[stance] = shown.group(1)
    return found


def test_facets_of_a_search_held_in_memory_are_exact(searched):
    client, texts = searched
    assert all_api_ids(client, "q=border&country=FR") == [
        i for i in naive(texts, "border") if i in {s.id for s in texts if s.country_code == "FR"}]
    page = client.get("/?q=border&stance=critical").text
    for stance, shown in _stance_counts(page).items():
        assert shown == str(len(all_api_ids(client, f"q=border&stance={stance}")))
    assert "estimate-note" not in page


@pytest.mark.parametrize("q", ["border", "border -union", "talks OR grain", "the*"])
def test_a_search_too_wide_to_hold_still_lists_exactly_its_matches(client, texts, monkeypatch, q):
    monkeypatch.setattr("app.reading.kept_searches.MAX_HELD_MATCHES", 10)
    monkeypatch.setattr("app.reading.kept_searches.SAMPLE_ROWS", 8)
    assert len(naive(texts, q)) > 10  # too many to hold: a sample is kept for the counts
    assert all_api_ids(client, f"q={q}") == naive(texts, q)
    fr = {s.id for s in texts if s.country_code == "FR"}
    assert all_api_ids(client, f"q={q}&country=FR") == [i for i in naive(texts, q) if i in fr]
    assert "estimate-note" in client.get("/", params={"q": q}).text


def test_a_wide_search_says_its_counts_are_estimates_and_a_narrow_one_does_not(
        client, texts, monkeypatch):
    monkeypatch.setattr("app.reading.kept_searches.MAX_HELD_MATCHES", 10)
    monkeypatch.setattr("app.reading.kept_searches.SAMPLE_ROWS", 8)
    truth = len(naive(texts, "border"))
    soup = BeautifulSoup(client.get("/?q=border").text, "html.parser")
    total = soup.select_one("#total").get_text()
    assert total.startswith("≈") and soup.select_one("#estimate-note")
    assert truth / 2 <= int(total.lstrip("≈").replace(",", "")) <= truth * 2
    assert all(shown.startswith("≈") for shown in _stance_counts(str(soup)).values())
    facets = client.get("/api/facets/actor", params={"q": "border"}).json()
    assert facets["estimated"] is True
    narrow = next(q for q in ('"talks grain"', '"grain talks"', '"of the"', "ceasefire talks")
                  if 0 < len(naive(texts, q)) <= 10)
    soup = BeautifulSoup(client.get("/", params={"q": narrow}).text, "html.parser")
    assert soup.select_one("#total").get_text() == str(len(naive(texts, narrow)))
    assert soup.select_one("#estimate-note") is None
    assert client.get("/api/facets/actor", params={"q": narrow}).json()["estimated"] is False


def test_a_session_that_writes_after_a_search_counts_afresh(session, texts):
    query = TimelineQuery(q="quokka")
    assert count_by(session, query, "stance") == {}
    texts[3].text = "A quokka, at last."
    session.add(texts[3])
    session.flush()
    assert sum(count_by(session, query, "stance").values()) == (
        1 if texts[3].status is StatementStatus.published else 0)


@pytest.mark.parametrize(("q", "says"), [
    ('"grain talks', "quotation mark"), ("OR grain", "OR needs"), ("grain OR", "OR needs"),
    ("grain OR OR talks", "OR needs"), ("grain OR -talks", "OR joins"), ("-grain", "only words"),
    ("h*", "at least 2 letters"), ("ab " * 17, "at most 16 words"),
])
def test_a_search_the_syntax_cannot_read_is_refused_naming_q(searched, q, says):
    client, _ = searched
    answer = client.get("/api/statements", params={"q": q})
    assert answer.status_code == 400
    assert [e["param"] for e in answer.json()["errors"]] == ["q"]
    assert says in answer.json()["errors"][0]["message"]
    page = client.get("/", params={"q": q})
    soup = BeautifulSoup(page.text, "html.parser")
    assert page.status_code == 400 and soup.select_one('#filter-errors [data-param="q"]')
    assert soup.select_one("#q")["value"] == q.strip()  # kept in the box, to be mended


def test_matched_words_are_marked_in_results_and_on_the_permalink_reached(client, session):
    speaker = f.actor(session, "Speaker Elm")
    f.statement(session, speaker, said_on=date(2022, 2, 2),
                text="Harbours reopen; the harbour talks go on, grain talks later.")
    soup = BeautifulSoup(client.get("/", params={"q": 'harb* "grain talks" -wheat'}).text,
                         "html.parser")
    card = soup.select_one("#statements article.statement")
    assert [m.get_text() for m in card.select(".words mark")] == [
        "Harbours", "harbour", "grain talks"]
    link = card.select_one("a.permalink")["href"]
    assert "q=harb" in link
    permalink = BeautifulSoup(client.get(link).text, "html.parser")
    assert [m.get_text() for m in permalink.select("#words mark")] == [
        "Harbours", "harbour", "grain talks"]
    plain = BeautifulSoup(client.get(link.split("?")[0]).text, "html.parser")
    assert not plain.select("#words mark")


@pytest.mark.parametrize(("q", "marked"), [
    ("talks", ["talks", "TALKS"]), ("talks -grain", ["talks", "TALKS"]),
    ("bo* OR union", ["border", "union"]), ('"the border"', ["the border"]),
    ("<b>", ["b", "b"]),
])
def test_marks_cut_the_text_where_the_search_matched(q, marked):
    from app.reading.search import marks
    text = "the border talks, <b>union</b> TALKS."
    parts = marks(text, q)
    assert "".join(p for p, _ in parts) == text
    assert [p for p, hit in parts if hit] == marked
