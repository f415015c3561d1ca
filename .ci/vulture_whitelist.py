"""Names vulture cannot see used: the app's code reached from templates, frameworks and
migrations. Each line says where the use is; anything else vulture finds is dead code.

Run by `make lint` (see [tool.vulture] in pyproject.toml).
"""

# ruff: noqa
# mypy: ignore-errors
from app.curation import auth, inputs, review
from app.errors import Busy, StaleEdit, TooLarge, TooManyRequests
from app.reading import explorer, query, search
from app.record import models, triggers
from app.web import schemas
from app import main, urls

# Called by Jinja templates (templates/*.html), which vulture does not read.
explorer.Explorer.reset_url, explorer.Explorer.api_url, explorer.Explorer.next_url
explorer.Explorer.continues_day
query.TimelineQuery.is_filtered
review.Queued.pending
urls.target_path, urls.api_statement_path, urls.static_path, urls.export_path
urls.statement_action_path, urls.statement_history_path, urls.review_path, urls.external

# Routes on the API router of app/web/routes/merges.py (@api.post), a field pydantic
# writes, and a column set by keyword (app/curation/appearances.py).
from app.web.routes import merges
from app.web import schemas_appearances
merges.merge_api, merges.add_appearance_api
schemas_appearances.StatementDetail.first_appearance
models.Appearance.created_by

# Read by frameworks: pydantic (model_config, validators), SQLAlchemy (inherit_cache),
# Alembic (include_object's arguments), HTMLParser (its handle_* callbacks).
_.model_config
inputs.refuse_null, inputs.StatementIn.check_translator
search.TextMatch.inherit_cache
_.obj, _.type_, _.compare_to
_.handle_starttag, _.handle_endtag, _.handle_data, _.attrs

# Columns and fields written for the database or the JSON API, not read in Python.
models.StatementKind.indirect, models.StatementKind.mixed
models.Stance.supportive, models.Stance.critical
_.editor_id, _.last_used_at
schemas.StatementList.next_url

# The app factories uvicorn and the tests call (app/cli/serving.py names served_app as a
# string).
main.create_app
main.served_app

# Used by migrations (env.py; versions 0002, 0004, 0005), which import from app.
search.is_modelled
triggers.create_search_and_counts, triggers.create_version, triggers.restore_triggers

# The hardening errors, raised by branches still being merged (see app/errors.py).
Busy, StaleEdit, TooLarge, TooManyRequests

# Used by tests only (tests/test_timeline_query.py); its owner may fold it in or drop it.
query.TimelineQuery.toggled

# Called by templates added since: the chart's bars, the events among the days, the
# explorer's facet sizes and places, every path the templates link to.
from app.reading import chart, events
chart.Bar.short, chart.Bar.tick
events.Markers.tail
explorer.Explorer.sizes, explorer.Explorer.place_url, explorer.Explorer.found_path
explorer.Explorer.syntax, explorer.Explorer.events_in
urls.statement_citation_path, urls.new_event_path, urls.event_action_path
urls.event_history_path, urls.api_event_path, urls.events_export_path
urls.actors_index_path, urls.countries_index_path, urls.api_facet_path
urls.followed_feed_remove_path

# Read by pydantic when answers are written (fields of API shapes).
from app.web import schemas_directory
schemas.EventList.truncated, schemas_directory.SpeakerPublic.country_name
from app.web.routes import api_imports
api_imports.ImportedPublic.review_url

# A route on the events' files router (app/web/routes/api_events.py: @files.get).
from app.web.routes import api_events
api_events.export_events_csv

# When an article was fetched: kept with what was fetched, for the source it becomes.
from app.curation import fetching
fetching.Fetched.fetched_at

# Walked by the counting contract test (tests/test_counts.py): every facet a view counts.
from app.reading import counts
counts.FACETS

# When a followed feed's item was seen: kept for whoever reads the table, set by default.
from app.record import models
models.FeedItem.seen_at

# A filter's field, read by its declaration (getattr(query, filter.attr)) and by tests.
query.TimelineQuery.langs
