"""Properties of the query string parser, over generated addresses: it never raises, and a
parsed query written back as a URL parses to the same query (every view is a link)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.datastructures import QueryParams

from app.reading.query import TimelineQuery

NAMES = ["actor", "country", "stance", "kind", "target", "from", "to", "q", "sort", "events",
         "cursor", "page", ""]
#: Values that mean something to the parser, and anything at all.
VALUES = st.one_of(
    st.sampled_from(["anna-marsh", "fr", "UA", "critical", "neutral", "direct", "mixed",
                     "2021-06-11", "9999-12-31", "0001-01-01", "2021-02-30", "oldest",
                     "hide", "show", "2021-06-11.7", "harbour", '"sea wall"', "a OR b", "-x",
                     "ha*", "", " "]),
    st.text(max_size=30),
)
PAIRS = st.lists(st.tuples(st.sampled_from(NAMES), VALUES), max_size=12)


@settings(max_examples=400, deadline=None)
@given(PAIRS)
def test_the_parser_never_raises_and_names_each_error(pairs):
    query, errors = TimelineQuery.parsed(QueryParams(pairs))
    assert isinstance(query, TimelineQuery)
    assert all(e.param in NAMES for e in errors)


@settings(max_examples=400, deadline=None)
@given(PAIRS)
def test_a_parsed_query_written_back_as_a_url_parses_to_the_same_query(pairs):
    query, _ = TimelineQuery.parsed(QueryParams(pairs))
    again, errors = TimelineQuery.parsed(QueryParams(query.params()))
    assert errors == []
    assert again == query and again.cursor == query.cursor
