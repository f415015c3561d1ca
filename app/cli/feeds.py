"""`onrecord feeds add|list|remove|poll`: the RSS and Atom feeds whose new articles go to
review."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from app.cli.app import cli, settings_from

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from app.config import Settings
    from app.curation.address_import import AddressImport

feeds = typer.Typer(help="Feeds followed: their new articles go to the review queue.",
                    no_args_is_help=True)
cli.add_typer(feeds, name="feeds")
_DB = typer.Option(help="SQLite file or database URL.")


def _engine(settings: Settings) -> Engine:
    from app.record.setup import open_engine, prepare_database

    prepare_database(settings)
    return open_engine(settings)


@feeds.command("add")
def add(url: Annotated[str, typer.Argument(help="The feed's http(s) address.")],
        by: Annotated[str, typer.Option(help="Who follows it, for the list.")] = "onrecord feeds",
        db: Annotated[str | None, _DB] = None) -> None:
    """Follow an RSS or Atom feed."""
    from sqlmodel import Session

    from app.curation.followed_feeds import add_feed

    with Session(_engine(settings_from(db))) as session:
        feed = add_feed(session, url, by)
    typer.echo(f"Following {feed.url} (feed {feed.id}).")


@feeds.command("list")
def list_feeds(db: Annotated[str | None, _DB] = None) -> None:
    """List the feeds followed, with when each was last polled and its last error."""
    from sqlmodel import Session

    from app.curation.followed_feeds import followed

    with Session(_engine(settings_from(db))) as session:
        for feed in followed(session):
            polled = feed.last_polled_at.isoformat(timespec="seconds") if (
                feed.last_polled_at) else "never polled"
            error = f"\terror: {feed.last_error}" if feed.last_error else ""
            typer.echo(f"{feed.id}\t{feed.url}\t{polled}{error}")


@feeds.command("remove")
def remove(feed_id: Annotated[int, typer.Argument(help="The feed's number, as listed.")],
           db: Annotated[str | None, _DB] = None) -> None:
    """Stop following a feed (what it brought in stays)."""
    from sqlmodel import Session

    from app.curation.followed_feeds import remove_feed

    with Session(_engine(settings_from(db))) as session:
        remove_feed(session, feed_id)
    typer.echo(f"Feed {feed_id} is no longer followed.")


@feeds.command("poll")
def poll(db: Annotated[str | None, _DB] = None) -> None:
    """Poll every feed once, new articles to review; a failed feed is named (exit 1)."""
    from app.curation.feed_polling import poll_all

    settings = settings_from(db)
    how = address_import(settings)
    try:
        results = poll_all(_engine(settings), how)
    finally:
        how.reader.stop()
    for polled in results:
        typer.echo(f"{polled.url}: {polled.state}, {len(polled.imported)} new, "
                   f"{polled.seen} seen before" + (f": {polled.error}" if polled.error else ""))
        for refusal in polled.refused:
            typer.echo(f"  refused {refusal}", err=True)
    raise typer.Exit(1 if any(p.state == "failed" for p in results) else 0)


def address_import(settings: Settings) -> AddressImport:
    """Return how to import by address under these settings, with a reader of its own."""
    from app.curation.address_import import AddressImport
    from app.curation.article_import import ArticleReader
    from app.curation.fetching import limits_from

    return AddressImport(limits_from(settings), ArticleReader(settings.extract_seconds),
                         settings.max_candidates)
