"""A statement is found by its words as said or by their English translation, on both
engines, with the words found marked in either, and the counts of such a search exact."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

from bs4 import BeautifulSoup
from sqlmodel import Session, select

from app.reading.counts import count_by
from app.reading.query import TimelineQuery
from app.record.models import Stance, Statement, StatementStatus
from tests import factories as f
from tests.factories import all_api_ids

RUSSIAN = "Переговоры о зерне продолжатся в понедельник."
ENGLISH = "The grain talks will go on on Monday."


def _translated(session: Session, speaker, text: str, translation: str | None, *,
                said_on: date = date(2022, 3, 1), stance: Stance = Stance.neutral) -> Statement:
    made = f.statement(session, speaker, said_on=said_on, text=text, stance=stance,
                       lang="ru" if translation else "en")
    made.translation, made.translated_by = translation, "Fictional Wire" if translation else None
    session.add(made)
    session.commit()
    return made


def test_a_russian_statement_is_found_by_a_word_of_its_words_or_of_its_translation(
        client, session):
    speaker = f.actor(session, "Olga Fictiva", country="FR")
    said = _translated(session, speaker, RUSSIAN, ENGLISH)
    _translated(session, speaker, "Nothing about cereals here.", None)
    for q in ("зерне", "ЗЕРНЕ", "grain", "Monday", "понедельник grain", '"grain talks"',
              "перегов*"):
        assert all_api_ids(client, f"q={q}") == [said.id], q
    assert all_api_ids(client, "q=grain -понедельник") == []
    assert all_api_ids(client, "q=wheat") == []


def test_a_phrase_stands_within_the_words_or_within_the_translation(client, session):
    speaker = f.actor(session, "Olga Fictiva", country="FR")
    _translated(session, speaker, RUSSIAN, ENGLISH)
    assert all_api_ids(client, 'q="понедельник the"') == []  # the last word, then the first


def test_the_words_found_are_marked_in_the_translation_on_the_card_and_the_permalink(
        client, session):
    speaker = f.actor(session, "Olga Fictiva", country="FR")
    _translated(session, speaker, RUSSIAN, ENGLISH)
    soup = BeautifulSoup(client.get("/", params={"q": "grain OR зерне"}).text, "html.parser")
    card = soup.select_one("#statements article.statement")
    assert [m.get_text() for m in card.select(".words mark")] == ["зерне"]
    assert [m.get_text() for m in card.select(".translation mark")] == ["grain"]
    permalink = BeautifulSoup(client.get(card.select_one("a.permalink")["href"]).text,
                              "html.parser")
    assert [m.get_text() for m in permalink.select("#words mark")] == ["зерне"]
    assert [m.get_text() for m in permalink.select("#translation mark")] == ["grain"]


def test_search_follows_a_translation_edited_or_taken_away(client, session):
    speaker = f.actor(session, "Olga Fictiva", country="FR")
    said = _translated(session, speaker, RUSSIAN, ENGLISH)
    said.translation = "Negotiations on cereals continue on Monday."
    session.add(said)
    session.commit()
    assert all_api_ids(client, "q=cereals") == [said.id]
    assert all_api_ids(client, "q=grain") == []
    said.translation, said.translated_by = None, None
    session.add(said)
    session.commit()
    assert all_api_ids(client, "q=cereals") == []
    assert all_api_ids(client, "q=зерне") == [said.id]


def test_the_counts_of_a_search_through_translations_are_exact(client, session):
    speakers = [f.actor(session, "Olga Fictiva", country="FR"),
                f.actor(session, "Ivan Fictov", country="DE")]
    stances = list(Stance)
    for n in range(18):
        translation = ENGLISH if n % 3 else None
        text = RUSSIAN if n % 2 else "Grain talks were mentioned in English."
        _translated(session, speakers[n % 2], text, translation, stance=stances[n % 3],
                    said_on=date(2022, 1 + n % 5, 1 + n))
    hidden = session.exec(select(Statement)).first()
    assert hidden is not None
    hidden.status = StatementStatus.draft
    session.add(hidden)
    session.commit()
    for q in ("grain", "зерне", "grain OR зерне", "grain -зерне"):
        found = [s for s in session.exec(select(Statement)).all()
                 if s.status is StatementStatus.published and _holds(s, q)]
        query = TimelineQuery(q=q)
        for facet, value in (("stance", lambda s: s.stance.value),
                             ("actor", lambda s: str(s.actor_id)), ("lang", lambda s: s.lang)):
            assert count_by(session, query, facet) == dict(Counter(map(value, found))), q
        assert sorted(all_api_ids(client, f"q={q}")) == sorted(s.id for s in found), q


def _holds(s: Statement, q: str) -> bool:
    """Whether a statement's words or translation hold the search's words, read plainly."""
    words = set((s.text + " " + (s.translation or "")).lower().replace(".", "").split())
    wanted, _, unwanted = q.partition(" -")
    return (any(w.lower() in words for w in wanted.split(" OR "))
            and not (unwanted and unwanted in words))


def test_a_statement_imported_from_a_file_is_found_by_its_translation(client, session):
    from tests.bulk_helpers import import_bytes

    row = {"speaker": "Olga Fictiva", "text": RUSSIAN, "said_on": "2022-03-01", "lang": "ru",
           "translation": ENGLISH, "translated_by": "Fictional Wire"}
    assert import_bytes(session, (json.dumps(row, ensure_ascii=False) + "\n").encode(),
                        "jsonl").added == 1
    said = session.exec(select(Statement)).one()
    assert all_api_ids(client, "q=grain") == all_api_ids(client, "q=зерне") == [said.id]
