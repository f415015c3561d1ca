"""Logging editors in and out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.curation import auth
from app.errors import AuthError, Busy, TooManyRequests
from app.record.db import SessionDep
from app.web.render import render
from app.web.routes.auth_deps import SESSION_COOKIE, WriterDep

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    """Go back only to a path on this site, never to another one."""
    return target if target and target.startswith("/") and not target.startswith("//") else "/"


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:
    """Show the login form."""
    return render(request, "login.html", {"next": _safe_next(next)})


@router.post("/login")
def login(request: Request, session: SessionDep, name: Annotated[str, Form()],
          password: Annotated[str, Form()], next: Annotated[str, Form()] = "/") -> Response:
    """Check the password, set the session cookie and go back where the editor was."""
    try:
        client = request.client.host if request.client else ""
        token, _opened = auth.log_in(session, name.strip(), password, ip=client)
    except (AuthError, TooManyRequests, Busy) as error:
        # A wrong password is 401 here (the form asks again), not AuthError's 403.
        status = 401 if isinstance(error, AuthError) else error.status
        return render(request, "login.html", {"error": str(error), "name": name,
                                              "next": _safe_next(next)}, status_code=status,
                      headers=error.headers)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, token, max_age=int(auth.SESSION_LIFETIME.total_seconds()),
                        httponly=True, samesite="lax", secure=request.url.scheme == "https",
                        path="/")
    return response


@router.post("/logout")
def logout(request: Request, session: SessionDep, _author: WriterDep) -> Response:
    """End the session and forget the cookie."""
    auth.log_out(session, request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
