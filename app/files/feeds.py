"""Atom feeds of timeline views, so a reader can follow a speaker, a country or a search.

A feed also holds the newest events its view draws, as entries in the category "event".
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from app import urls
from app.reading.events import EventView, newest_events
from app.reading.query import TimelineQuery
from app.reading.statements import StatementView, list_statements
from app.record.models import Actor, Country, DatePrecision

if TYPE_CHECKING:
    from feedgen.feed import FeedGenerator

#: Newest statements a feed holds; readers keep what they have seen.
FEED_SIZE = 50
#: How the day a statement was said is spelled in an entry's title, by its precision.
DAY_FORMATS = {DatePrecision.day: "%-d %B %Y", DatePrecision.month: "%B %Y",
               DatePrecision.year: "%Y"}
#: What XML 1.0 cannot hold: text stored before input was checked may still carry it.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Replace each character XML cannot hold with U+FFFD, so one bad row never breaks a feed."""
    return NOT_XML.sub("\ufffd", text)


def atom_feed(session: Session, query: TimelineQuery, base_url: str) -> bytes:
    """Return the Atom document of a view's newest statements."""
    query = query.but(sort="newest")
    items = list_statements(session, query, limit=FEED_SIZE, answers=False).items
    feed = _feed(query, base_url, feed_title(session, query))
    for view in items:
        _add_entry(feed, view, base_url)
    happened = newest_events(session, query, limit=FEED_SIZE)
    for event in happened:
        _add_event_entry(feed, event, base_url)
    feed.updated(max([_aware(v.statement.updated_at) for v in items]
                     + [_aware(e.event.updated_at) for e in happened],
                     default=datetime.now(UTC)))
    data: bytes = feed.atom_str(pretty=True)
    return data


def feed_title(session: Session, query: TimelineQuery) -> str:
    """Say in words what a feed follows, as a reader's feed list shows it."""
    actors = dict(session.exec(select(Actor.slug, Actor.name)
                               .where(col(Actor.slug).in_(query.actors))).all())
    countries = dict(session.exec(select(Country.code, Country.name)
                                  .where(col(Country.code).in_(query.countries))).all())
    words = [actors.get(a, a) for a in query.actors]
    words += [countries.get(c, c) for c in query.countries]
    words += [query.stance.value] if query.stance else []
    words += [f"toward {query.target}"] if query.target else []
    if query.date_from or query.date_to:
        words.append(f"{query.date_from or '…'} to {query.date_to or '…'}")
    words += [f"“{query.q}”"] if query.q else []
    return xml_text("onrecord: " + (" · ".join(words) if words else "every statement"))


def _feed(query: TimelineQuery, base_url: str, title: str) -> FeedGenerator:
    from feedgen.feed import FeedGenerator  # feedgen and lxml: 4 MB a worker asked no feed keeps

    feed = FeedGenerator()
    feed_url = base_url + urls.feed_path(query)
    feed.id(feed_url)
    feed.title(title)
    feed.subtitle("Who said what, and when.")
    feed.link(href=feed_url, rel="self", type="application/atom+xml")
    feed.link(href=base_url + urls.timeline_path(query), rel="alternate", type="text/html")
    feed.generator("onrecord", uri=base_url + "/")
    return feed


def _add_entry(feed: FeedGenerator, view: StatementView, base_url: str) -> None:
    s, actor = view.statement, view.actor
    permalink = base_url + view.path
    entry = feed.add_entry(order="append")
    entry.id(permalink)
    name = xml_text(actor.name)
    entry.title(f"{name}, {s.said_on.strftime(DAY_FORMATS[s.date_precision])}")
    entry.link(href=permalink, rel="alternate", type="text/html")
    entry.author(name=name, uri=base_url + urls.actor_path(actor.slug))
    entry.content(xml_text(s.text), type="text")
    entry.updated(_aware(s.updated_at))
    entry.published(_aware(s.created_at))
    entry.category(term=s.stance.value, label=s.stance.value)


def _add_event_entry(feed: FeedGenerator, view: EventView, base_url: str) -> None:
    e, source = view.event, view.event.source
    permalink = base_url + view.path
    entry = feed.add_entry(order="append")
    entry.id(permalink)
    entry.title(f"Event: {e.title}, {e.happened_on.strftime(DAY_FORMATS[e.date_precision])}")
    entry.link(href=permalink, rel="alternate", type="text/html")
    entry.author(name=source.publisher if source and source.publisher else "onrecord")
    entry.content(e.description or e.title, type="text")
    entry.updated(_aware(e.updated_at))
    entry.published(_aware(e.created_at))
    entry.category(term="event", label="event")


def _aware(moment: datetime) -> datetime:
    """Read a stored time as UTC: SQLite gives it back without its zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
