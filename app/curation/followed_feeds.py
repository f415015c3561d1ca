"""The RSS and Atom feeds editors follow, and the items of each already seen.

Not to be confused with app/files/feeds.py, the record's own outgoing feeds: these are
feeds onrecord reads, whose new articles go to the review queue.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlalchemy import and_, delete, or_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.curation.write_lock import begin_write
from app.errors import EditRefused, InvalidParameter, NotFound
from app.record.models import FeedItem, FollowedFeed
from app.record.text import unsafe_character

#: Query parameters that only say where a reader came from: left out of a canonical URL.
TRACKING_PREFIXES = ("utm_", "fbclid", "gclid", "mc_")
#: Longest feed address kept (a column's size).
MAX_FEED_URL = 2000


def add_feed(session: Session, url: str, added_by: str) -> FollowedFeed:
    """Follow a feed by its http(s) address; refuse one already followed."""
    url = check_feed_url(url)
    begin_write(session)  # so two editors never add the same feed twice
    if session.exec(select(FollowedFeed.id).where(FollowedFeed.url == url)).first():
        raise EditRefused(f"{url} is already followed")
    feed = FollowedFeed(url=url, added_by=added_by[:200])
    session.add(feed)
    try:
        session.commit()
    except IntegrityError:  # added meanwhile by another editor (PostgreSQL)
        session.rollback()
        raise EditRefused(f"{url} is already followed") from None
    session.refresh(feed)
    return feed


def check_feed_url(url: str) -> str:
    """Return a feed's address cleaned, or raise InvalidParameter naming `url`."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidParameter("url", f"{url!r} is not an http or https address")
    if len(url) > MAX_FEED_URL or unsafe_character(url):
        raise InvalidParameter("url", f"not an address a feed can have (at most "
                                      f"{MAX_FEED_URL} characters, no control characters)")
    return url


def followed(session: Session) -> list[FollowedFeed]:
    """Return every followed feed, first added first."""
    return list(session.exec(select(FollowedFeed).order_by(col(FollowedFeed.id))).all())


def remove_feed(session: Session, feed_id: int) -> None:
    """Stop following a feed and forget the items seen in it (the sources stay)."""
    begin_write(session)
    if session.get(FollowedFeed, feed_id) is None:
        raise NotFound("followed feed", feed_id)
    session.execute(delete(FeedItem).where(col(FeedItem.feed_id) == feed_id))
    session.execute(delete(FollowedFeed).where(col(FollowedFeed.id) == feed_id))
    session.commit()


def canonical_url(url: str) -> str:
    """Return an article's address as it is compared: host in lower case, no fragment, no
    tracking parameters, so one article reached two ways is seen once."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(TRACKING_PREFIXES)]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/",
                       urlencode(query), ""))


def was_seen(session: Session, feed_id: int, guid: str, url: str | None) -> bool:
    """Tell whether an item was seen before: by its guid in this feed, or by its address in
    any feed."""
    condition = and_(col(FeedItem.feed_id) == feed_id, col(FeedItem.guid) == _kept(guid))
    if url:
        condition = or_(condition, col(FeedItem.url) == _kept(url))
    return session.exec(select(FeedItem.id).where(condition)).first() is not None


def mark_seen(session: Session, feed_id: int, guid: str, url: str | None,
              source_id: int | None) -> None:
    """Remember an item, and the source it was imported as (none when refused)."""
    session.add(FeedItem(feed_id=feed_id, guid=_kept(guid), url=_kept(url) if url else None,
                         source_id=source_id))
    session.commit()


def _kept(key: str) -> str:
    """Return a guid or address as its column keeps it (a longer one cut, the same way when
    it is looked for)."""
    return key[:MAX_FEED_URL]
