"""Quotation marks of French, German, Russian and Ukrainian text, paired without false alarms."""

from datetime import date

import pytest

from app.extract import parse_article, segment
from tests.extract.conftest import run

ON = date(2022, 2, 6)

# (text, the quoted words each pair of marks encloses)
MARKS = [
    ("« Le port rouvrira lundi », a dit Anna Marsh.", ["Le port rouvrira lundi"]),
    ("«Le port rouvrira»,a dit Anna Marsh.", ["Le port rouvrira"]),
    ("„Der Hafen bleibt offen“, sagte Anna Marsh.", ["Der Hafen bleibt offen"]),
    ("„Der Hafen bleibt offen”, sagte Anna Marsh.", ["Der Hafen bleibt offen"]),
    ("»Der Hafen bleibt offen«, sagte Anna Marsh.", ["Der Hafen bleibt offen"]),
    ("‹Der Hafen bleibt offen›, sagte Anna Marsh.", ["Der Hafen bleibt offen"]),
    ("›Der Hafen bleibt offen‹, sagte Anna Marsh.", ["Der Hafen bleibt offen"]),
    ("‚Der Hafen bleibt offen‘, sagte Anna Marsh.", ["Der Hafen bleibt offen"]),
    ("«Порт откроется», — сказала Анна Марш.", ["Порт откроется"]),
    ("«Він сказав „ні“ і пішов», — сказав Тарас Коваль.", ["Він сказав „ні“ і пішов"]),
    ("«Порт відкриється в понеділок», — заявив Тарас Коваль. «Ми готові».",
     ["Порт відкриється в понеділок", "Ми готові"]),
    ("„Wir sind bereit“, sagte sie, „und wir bleiben es.“",
     ["Wir sind bereit", "und wir bleiben es."]),
    ("Il a parlé d’« erreurs » graves.", ["erreurs"]),
]


@pytest.mark.parametrize(("text", "quoted"), MARKS)
def test_marks_pair_and_warn_of_nothing(text: str, quoted: list[str]) -> None:
    spans = segment.quotes_in(text, 0, len(text))
    assert [text[s.start : s.end] for s in spans] == quoted
    assert all(s.closed for s in spans)
    assert parse_article(text, date=ON).warnings == ()


UNCLOSED = [
    "„Der Hafen bleibt offen, sagte Anna Marsh.",
    "« Le port rouvrira, a dit Anna Marsh.",
    "«Порт откроется, — сказала Анна Марш.",
]


@pytest.mark.parametrize("text", UNCLOSED)
def test_a_quote_never_closed_still_warns(text: str) -> None:
    (warning,) = parse_article(text, date=ON).warnings
    assert "unbalanced" in warning


ENGLISH_FRAMES = [
    ("Anna Marsh said: « Nous ne céderons pas. »", "Nous ne céderons pas."),
    ("„Wir bleiben hier“, Anna Marsh said.", "Wir bleiben hier"),
    ("«Мы остаёмся», said Ivan Sorokin.", "Мы остаёмся"),
]


@pytest.mark.parametrize(("text", "quote"), ENGLISH_FRAMES)
def test_foreign_quote_in_an_english_frame_is_a_direct_quote(text: str, quote: str) -> None:
    (q,) = run(text)
    assert (q.quote, q.kind) == (quote, "direct")
