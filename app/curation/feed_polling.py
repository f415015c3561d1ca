"""Poll the feeds editors follow: each feed fetched through the safe fetch with its
validators (304: nothing new), read by feedparser, and every item not seen before (by guid
or canonical address) imported by its address into the review queue.

A feed that fails is recorded with its error and the poll goes on with the others; a feed
another poller holds the lease of is left to it.
"""

from __future__ import annotations

import io
import logging
import threading
from dataclasses import dataclass, field
from typing import Any

import feedparser
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.curation.address_import import AddressImport, import_address
from app.curation.fetching import Fetched, fetch_feed
from app.curation.followed_feeds import canonical_url, followed, mark_seen, was_seen
from app.curation.poll_lease import holder_name, release_lease, take_lease
from app.errors import ArticleRefused, FeedUnreadable, OnrecordError
from app.record.models import FollowedFeed, utcnow

#: How long one feed's lease lasts: longer than a poll of one feed takes (each item is
#: fetched and read within its own limits, and a feed gives MAX_ITEMS at most).
LEASE_SECONDS = 15 * 60
#: Items read from the top of a feed (its latest): following a feed starts from its latest
#: items, and one poll of a long feed stays bounded.
MAX_ITEMS = 30
#: The name revisions carry for what a poll imports.
POLL_AUTHOR = "feed poll"
#: Longest error kept for a feed.
MAX_ERROR = 1000

log = logging.getLogger("onrecord.feeds")


@dataclass
class FeedPolled:
    """What one poll did with one feed."""

    url: str
    #: polled, unchanged (304), busy (another poller holds it), or failed (see error).
    state: str = "polled"
    imported: list[int] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    seen: int = 0
    error: str | None = None


def poll_all(engine: Engine, how: AddressImport, holder: str | None = None) -> list[FeedPolled]:
    """Poll every followed feed in turn; return what each poll did."""
    holder = holder or holder_name()
    with Session(engine) as session:
        ids = [feed.id for feed in followed(session) if feed.id is not None]
    return [poll_one(engine, feed_id, how, holder) for feed_id in ids]


def poll_one(engine: Engine, feed_id: int, how: AddressImport, holder: str) -> FeedPolled:
    """Poll one feed under its lease, recording when it was polled and how it failed."""
    lease = f"feed:{feed_id}"
    with Session(engine) as session:
        feed = session.get(FollowedFeed, feed_id)
        polled = FeedPolled(feed.url if feed else f"feed {feed_id}")
        if feed is None:
            polled.state, polled.error = "failed", "the feed is no longer followed"
            return polled
        if not take_lease(session, lease, holder, LEASE_SECONDS):
            polled.state = "busy"
            return polled
        try:
            _poll(session, feed_id, how, polled)
        except Exception as error:  # a feed's failure is its own; the poll goes on
            session.rollback()
            polled.state, polled.error = "failed", _message(error)
            log.warning("feed %s failed: %s", polled.url, polled.error)
        finally:
            _record(session, feed_id, polled)
            release_lease(session, lease, holder)
    return polled


def _poll(session: Session, feed_id: int, how: AddressImport, polled: FeedPolled) -> None:
    feed = _feed(session, feed_id)
    page = fetch_feed(feed.url, how.limits, etag=feed.etag, last_modified=feed.last_modified)
    if page is None:
        polled.state = "unchanged"
        return
    parsed = _parsed(page)
    entries = list(parsed.entries)[:MAX_ITEMS]
    for entry in reversed(entries):  # oldest first, as they were published
        _item(session, feed_id, entry, how, polled)
    feed = _feed(session, feed_id)
    feed.etag, feed.last_modified = page.etag, page.last_modified
    feed.title = (parsed.feed.get("title") or feed.title or "")[:500] or None
    session.add(feed)
    session.commit()


def _parsed(page: Fetched) -> Any:
    """Read a feed with feedparser, from the bytes fetched (feedparser never fetches)."""
    headers = {"content-location": page.url,
               "content-type": page.content_type + (f"; charset={page.charset}"
                                                    if page.charset else "")}
    parsed = feedparser.parse(io.BytesIO(page.body), response_headers=headers)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        reason = getattr(parsed, "bozo_exception", None) or "no RSS or Atom in it"
        raise FeedUnreadable(f"{page.url} is not a feed onrecord can read: {reason}")
    return parsed


def _item(session: Session, feed_id: int, entry: Any, how: AddressImport,
          polled: FeedPolled) -> None:
    """Import one item by its link unless it was seen before; remember it either way."""
    link = entry.get("link")
    if not link:
        polled.refused.append(f"{entry.get('title') or 'an item'}: no link to an article")
        return
    guid, url = str(entry.get("id") or link), canonical_url(link)
    if was_seen(session, feed_id, guid, url):
        polled.seen += 1
        return
    source_id = None
    try:
        source_id = import_address(session, link, how, author=POLL_AUTHOR).source_id
        polled.imported.append(source_id)
    except ArticleRefused as refused:  # refused for good: not tried again on every poll
        session.rollback()
        polled.refused.append(f"{link}: {refused}")
    mark_seen(session, feed_id, guid, url, source_id)


def _feed(session: Session, feed_id: int) -> FollowedFeed:
    feed = session.get(FollowedFeed, feed_id)
    if feed is None:
        raise FeedUnreadable("the feed was removed while it was polled")
    return feed


def _record(session: Session, feed_id: int, polled: FeedPolled) -> None:
    feed = session.get(FollowedFeed, feed_id)
    if feed is None:
        return
    feed.last_polled_at, feed.last_error = utcnow(), polled.error
    session.add(feed)
    session.commit()


def _message(error: Exception) -> str:
    text = str(error) if isinstance(error, OnrecordError) else (
        f"{type(error).__name__}: {error}")
    return text[:MAX_ERROR]


class Poller:
    """Polls every followed feed every few minutes in a thread of its own, beside the
    server; the leases keep it from polling a feed another server or timer is polling."""

    def __init__(self, engine: Engine, how: AddressImport, minutes: float) -> None:
        self.engine, self.how, self.seconds = engine, how, minutes * 60
        self.holder = holder_name()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="feed-poller", daemon=True)

    def start(self) -> None:
        """Start polling now, then every few minutes."""
        self._thread.start()

    def stop(self, wait: float = 0) -> None:
        """Stop polling: wait up to `wait` seconds for the feed being polled, if any, then
        stop the reader whatever it is doing."""
        self._stopping.set()
        if wait:
            self._thread.join(wait)
        self.how.reader.stop()

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                for polled in poll_all(self.engine, self.how, self.holder):
                    log.info("feed %s: %s, %d new", polled.url, polled.state,
                             len(polled.imported))
            except Exception:  # the database away for a moment: try again next round
                log.exception("polling the feeds failed")
            self._stopping.wait(self.seconds)
