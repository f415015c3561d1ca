"""Statements of the sixth extraction pass (issue 14): speech acts news writing reports in
forms the earlier passes missed — a negated auxiliary fused with "n't", … — with sentences
that must give nothing or keep the old reading."""

import pytest

from tests.extract.conftest import run

# (text, [(speaker, words)]): each statement found, in order.
NEGATED = [
    # "n't" fused with its auxiliary stands between speaker and verb as "not" does
    ("Tom Quill isn't saying whether the board broke any rules.",
     [("Tom Quill", "whether the board broke any rules")]),
    ("Ann Vole wouldn’t say how much the ferry cost.",
     [("Ann Vole", "how much the ferry cost")]),
    ("Tom Quill didn't say when the pier would reopen.",
     [("Tom Quill", "when the pier would reopen")]),
    ("Ann Vole would not say whether the board broke any rules.",  # the old reading stays
     [("Ann Vole", "whether the board broke any rules")]),
    # a quantity and a topic say only that little was said
    ("Tom Quill isn't saying much about the ferry talks.", []),
    ("Ann Vole said little about the harbour on Friday.", []),
    # "isn't" before a past participle is a passive, not a cue
    ("The town hopes the sorry tale of Tom Quill isn’t repeated.", []),
]


@pytest.mark.parametrize(("text", "expected"), NEGATED)
def test_negated_auxiliary(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.speaker, q.quote) for q in run(text)] == expected
