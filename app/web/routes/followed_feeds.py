"""The feeds editors follow: listed with when each was last polled and its last error,
added and removed here; `onrecord feeds poll` (or `serve --poll-feeds`) polls them."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from app import urls
from app.curation import followed_feeds
from app.errors import EditRefused, InvalidParameter
from app.record.db import SessionDep
from app.web.render import render
from app.web.routes.auth_deps import EditorDep, WriterDep
from app.web.routes.deps import RecordId
from app.web.routes.forms import form_values

router = APIRouter(include_in_schema=False)


@router.get("/sources/feeds")
def feeds_page(request: Request, session: SessionDep, _author: EditorDep) -> Response:
    """List the followed feeds and offer to follow another."""
    return _page(request, session, {}, [])


@router.post("/sources/feeds")
async def follow(request: Request, session: SessionDep, author: WriterDep) -> Response:
    """Follow the feed at the address given, or say on the form why not."""
    values = form_values(await request.form())
    return await run_in_threadpool(_follow, request, session, author.name, values)


def _follow(request: Request, session: SessionDep, author: str,
            values: dict[str, str]) -> Response:
    try:
        followed_feeds.add_feed(session, values.get("url", ""), author)
    except InvalidParameter as error:
        return _page(request, session, values, [error], 422)
    except EditRefused as refused:
        return _page(request, session, values, [InvalidParameter("url", str(refused))], 409)
    return RedirectResponse(urls.followed_feeds_path(), status_code=303)


@router.post("/sources/feeds/{feed_id}/remove")
def unfollow(feed_id: RecordId, session: SessionDep, _author: WriterDep) -> Response:
    """Stop following a feed; what it brought in stays."""
    followed_feeds.remove_feed(session, feed_id)
    return RedirectResponse(urls.followed_feeds_path(), status_code=303)


def _page(request: Request, session: SessionDep, values: dict[str, str],
          errors: list[InvalidParameter], status: int = 200) -> Response:
    return render(request, "followed_feeds.html", {
        "feeds": followed_feeds.followed(session), "values": values, "errors": errors},
        status_code=status)
