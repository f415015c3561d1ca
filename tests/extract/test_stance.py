"""Stance: a suggestion with a target, confidence and the words behind it."""

import pytest

from tests.extract.conftest import run

STANCES = [
    ("Anna Marsh said Russia’s claims were false and dangerous.", "critical", "Russia"),
    ("Anna Marsh said Canada was a strong and trusted partner.", "supportive", "Canada"),
    ("Anna Marsh said the harbour would reopen next year.", "neutral", None),
]


@pytest.mark.parametrize(("text", "stance", "target"), STANCES)
def test_stance_and_target(text: str, stance: str, target: str | None) -> None:
    (q,) = run(text)
    assert (q.stance, q.target) == (stance, target)
    assert 0 <= q.confidence <= 1
    assert bool(q.stance_words) == (stance != "neutral")


ACTS = [
    ("Anna Marsh accused the council of “reckless spending”.", "accuse"),
    ("Anna Marsh denied that the files were lost.", "deny"),
    ("Anna Marsh warned that the bridge would close.", "warn"),
    ("Anna Marsh urged residents to stay indoors tonight.", "appeal"),
]


@pytest.mark.parametrize(("text", "act"), ACTS)
def test_act_from_reporting_verb(text: str, act: str) -> None:
    (q,) = run(text)
    assert q.act == act


def test_to_json_is_plain() -> None:
    (q,) = run("Anna Marsh said the harbour would reopen next year.")
    data = q.to_json()
    assert data["said_on"] == "2022-02-06" and isinstance(data["stance_words"], list)
