"""Who is asking: an editor by session cookie or a script by Bearer token; CSRF on writes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from app.curation import auth
from app.curation.auth import Author
from app.errors import NotAuthenticated
from app.record.db import SessionDep

SESSION_COOKIE = "onrecord_session"
CSRF_FIELD, CSRF_HEADER = "csrf_token", "X-CSRF-Token"
_SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


async def load_author(request: Request, session: SessionDep) -> None:
    """Remember on the request who is asking, so pages can offer editors their tools.

    A reader with no credentials costs nothing; a token or a login is looked up on a
    thread of the pool, as the routes' own queries are."""
    request.state.author = None
    bearer = request.headers.get("Authorization", "")
    if bearer.lower().startswith("bearer "):
        request.state.author = await run_in_threadpool(
            auth.token_author, session, bearer[7:].strip())
    elif cookie := request.cookies.get(SESSION_COOKIE):
        request.state.author = await run_in_threadpool(auth.session_author, session, cookie)


def current_author(request: Request) -> Author | None:
    """Return who is asking, if anyone (after load_author ran)."""
    author: Author | None = getattr(request.state, "author", None)
    return author


def require_editor(request: Request) -> Author:
    """Let only editors and scripts with a token through."""
    author = current_author(request)
    if author is None:
        raise NotAuthenticated()
    return author


async def require_writer(request: Request) -> Author:
    """Let a write through only from an editor whose form carries the CSRF token, or a token."""
    author = require_editor(request)
    if request.method not in _SAFE_METHODS:
        sent = request.headers.get(CSRF_HEADER)
        if sent is None and _is_form(request):
            value = (await request.form()).get(CSRF_FIELD)
            sent = value if isinstance(value, str) else None
        auth.check_csrf(author, sent)
    return author


def _is_form(request: Request) -> bool:
    kind = request.headers.get("content-type", "")
    return kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data"))


EditorDep = Annotated[Author, Depends(require_editor)]
WriterDep = Annotated[Author, Depends(require_writer)]
