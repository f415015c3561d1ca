"""Direct quotes in the styles news uses, and quoted text that is no statement."""

import pytest

from tests.extract.conftest import run

DIRECT = [
    ('“We will not back down,” said Anna Marsh.', "We will not back down", "Anna Marsh"),
    ('"We will not back down," Anna Marsh said.', "We will not back down", "Anna Marsh"),
    ("Anna Marsh said: “The border stays open.”", "The border stays open.", "Anna Marsh"),
    ("Anna Marsh told reporters, “The border stays open.”", "The border stays open.",
     "Anna Marsh"),
    ("''The deal is dead,'' said Tom Quill.", "The deal is dead", "Tom Quill"),
    ("“Is this a joke?” asked Tom Quill.", "Is this a joke?", "Tom Quill"),
    ("“The deal is dead,” said harbour activist Mara Vell.", "The deal is dead", "Mara Vell"),
    ("“The deal is dead,” said Bram King, a long-serving harbour pilot.", "The deal is dead",
     "Bram King"),
    ("“The deal is dead,” Rep. Tom Quill (R-Ohio), a harbour board member, said by phone.",
     "The deal is dead", "Tom Quill"),
    ("“The deal is dead,” said Rep. Jane Roe of Ohio, the harbour board’s senior member.",
     "The deal is dead", "Jane Roe"),
    ("“The deal is dead,” said the Rev. Jonas Brook, of Harbour Chapel.",
     "The deal is dead", "Jonas Brook"),
    ("“The deal is dead,” said Rep. P.J. Tanner (D-Ohio), chair of the harbour panel.",
     "The deal is dead", "P.J. Tanner"),
    ("“The deal is dead,” Lena Hardy, a writer for the Harbour Gazette, said on Twitter.",
     "The deal is dead", "Lena Hardy"),
    ("“The deal is dead,” Jane Roe, 61, of Eastport, Md., told the crowd.", "The deal is dead",
     "Jane Roe"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), DIRECT)
def test_direct_quote_styles(text: str, quote: str, speaker: str) -> None:
    (q,) = run(text)
    assert (q.quote, q.speaker, q.kind) == (quote, speaker, "direct")


def test_split_quote_keeps_speaker() -> None:
    text = "“We are ready,” she said. “We have always been ready.”"
    intro = "Foreign Minister Anna Marsh of Freedonia spoke in the capital.\n\n"
    quotes = run(intro + text)
    assert [q.quote for q in quotes] == ["We are ready", "We have always been ready."]
    assert {q.speaker for q in quotes} == {"Anna Marsh"}


def test_quote_resumed_after_a_participle_aside() -> None:
    text = "“Each time the board meets,” Anna Marsh said, referring to the toll, “fares go up.”"
    quotes = run(text)
    assert [q.quote for q in quotes] == ["Each time the board meets", "fares go up."]
    assert {q.speaker for q in quotes} == {"Anna Marsh"}


def test_quote_over_paragraphs_gives_one_record_each() -> None:
    text = ("Tom Quill, the mayor, spoke at length.\n\n"
            "“The river is rising,” he said.\n\n"
            "“We have sandbags on every street.\n\n"
            "“And we will need more by Friday.”")
    quotes = run(text)
    assert [q.quote for q in quotes] == [
        "The river is rising", "We have sandbags on every street.",
        "And we will need more by Friday."]
    assert {q.speaker for q in quotes} == {"Tom Quill"}


def test_quote_inside_quote_stays_inside() -> None:
    text = "“They told us ‘wait’ and we waited,” said Anna Marsh."
    (q,) = run(text)
    assert q.quote == "They told us ‘wait’ and we waited"


NOTHING = [
    "In May the council said nothing at all.",
    "Critics called the plan a “bridge to nowhere” in the press.",
    "She read the novel “The Quiet Harbour” twice.",
    "The film “Night Train” opens on Friday.",
    "“The harbour is closed.”",
    "He wrote an article titled “Why Towns Fail” last year.",
    "The ‘reform’ was never passed.",
    "Residents worried that the bridge would close.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_statement(text: str) -> None:
    assert run(text) == []


def test_british_single_quotes_in_headline() -> None:
    text = "Marsh says talks are ‘dead in the water’\n\nAnna Marsh spoke on Monday."
    (q,) = run(text, title="Marsh says talks are ‘dead in the water’")
    assert q.speaker == "Anna Marsh"
    assert "dead in the water" in q.quote
