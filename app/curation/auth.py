"""Editors, their logins and API tokens: passwords hashed with argon2, tokens as SHA-256.

Everything lives in the database, so several app servers share logins and tokens.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, timedelta
from functools import lru_cache

from pwdlib import PasswordHash
from sqlalchemy import delete, update
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col, select

from app.curation import login_limits
from app.errors import AuthError, Busy
from app.record.db import side_write
from app.record.models import ApiToken, Editor, EditorSession, LoginFailure, utcnow

#: How long a login lasts without being renewed.
SESSION_LIFETIME = timedelta(days=14)
#: How often a token's last use is written down: a read must not write on every request.
LAST_USE_EVERY = timedelta(minutes=1)
#: How long noting a token's use may wait for another writer's lock, in milliseconds.
LAST_USE_WAIT_MS = 50
#: Shortest password an editor may choose.
MIN_PASSWORD_LENGTH = 10

_hasher = PasswordHash.recommended()


@dataclass(frozen=True)
class Author:
    """Who is writing: an editor by session, or a script by token; named in revisions."""

    name: str
    editor_id: int | None = None
    csrf_token: str | None = None


def digest(secret: str) -> str:
    """Return the SHA-256 of a random token, the only form in which it is stored."""
    return hashlib.sha256(secret.encode()).hexdigest()


def add_editor(session: Session, name: str, password: str) -> Editor:
    """Create an editor account with a hashed password."""
    name = name.strip()
    if not name:
        raise AuthError("an editor needs a name")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AuthError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    if session.exec(select(Editor).where(Editor.name == name)).first():
        raise AuthError(f"there is already an editor called {name!r}")
    editor = Editor(name=name, password_hash=_hasher.hash(password))
    session.add(editor)
    session.commit()
    session.refresh(editor)
    return editor


def log_in(session: Session, name: str, password: str,
           ip: str = "") -> tuple[str, EditorSession]:
    """Check a password and open a session; return the cookie token and the session.

    Tries come no faster than login_limits allows for the address and the name, and the
    hash waits for none: when all its slots are busy the try is refused (Busy, 503).
    """
    name, ip = name[:80], ip[:64]
    login_limits.check_pace(session, name, ip)
    editor = session.exec(select(Editor).where(Editor.name == name, col(Editor.active))).first()
    with login_limits.hash_slot():  # the first unknown name's hash is made here too
        # An unknown name costs the same hash as a known one, so timing tells no names.
        stored = editor.password_hash if editor else _unknown_name_hash()
        correct = _hasher.verify(password, stored)
    since = utcnow() - login_limits.FAILURE_WINDOW
    session.exec(delete(LoginFailure).where(col(LoginFailure.at) <= since))
    if not correct or editor is None:
        session.add(LoginFailure(name=name, ip=ip))
        session.commit()
        raise AuthError("wrong name or password")
    assert editor.id is not None
    token = secrets.token_urlsafe(32)
    opened = EditorSession(token_hash=digest(token), editor_id=editor.id,
                           csrf_token=secrets.token_urlsafe(32),
                           expires_at=utcnow() + SESSION_LIFETIME)
    session.add(opened)
    session.commit()
    return token, opened


@lru_cache(maxsize=1)
def _unknown_name_hash() -> str:
    return _hasher.hash(secrets.token_urlsafe(16))


def session_author(session: Session, token: str | None) -> Author | None:
    """Return the editor behind a session cookie, or None when it is unknown or expired."""
    if not token:
        return None
    row = session.exec(select(EditorSession, Editor).join(Editor).where(
        EditorSession.token_hash == digest(token), col(EditorSession.expires_at) > utcnow(),
        col(Editor.active))).first()
    if row is None:
        return None
    opened, editor = row
    return Author(editor.name, editor.id, opened.csrf_token)


def log_out(session: Session, token: str | None) -> None:
    """End a session so its cookie opens nothing any more."""
    if token:
        session.exec(delete(EditorSession).where(
            col(EditorSession.token_hash) == digest(token)))
        session.commit()


def check_csrf(author: Author, sent: str | None) -> None:
    """Refuse a write from a session whose form did not carry the session's CSRF token."""
    if author.csrf_token is None:
        return  # a Bearer token is not sent by browsers on their own, so it needs none
    if not sent or not hmac.compare_digest(sent, author.csrf_token):
        raise AuthError("the form has expired or did not come from onrecord; reload and retry")


def create_token(session: Session, name: str) -> str:
    """Create an API token and return it; only its hash is kept, so show it once."""
    token = "onr_" + secrets.token_urlsafe(32)
    session.add(ApiToken(name=name, token_hash=digest(token)))
    session.commit()
    return token


def token_author(session: Session, token: str) -> Author | None:
    """Return the script behind a Bearer token, or None when it is unknown or revoked."""
    found = session.exec(select(ApiToken).where(ApiToken.token_hash == digest(token),
                                                col(ApiToken.revoked_at).is_(None))).first()
    if found is None:
        return None
    _note_use(session, found)
    return Author(f"token:{found.name}")


def _note_use(session: Session, token: ApiToken) -> None:
    """Write when a token was last used, at most once a minute and beside the request's own
    transaction; a record busy with another writer just leaves it for the next request."""
    now, last = utcnow(), token.last_used_at
    if last is not None and now - last.replace(tzinfo=last.tzinfo or UTC) < LAST_USE_EVERY:
        return
    try:
        with side_write(session.get_bind(), wait_ms=LAST_USE_WAIT_MS) as connection:
            connection.execute(update(ApiToken).where(col(ApiToken.id) == token.id)
                               .values(last_used_at=now))
    except (Busy, SQLAlchemyError):
        return


def revoke_token(session: Session, name: str) -> int:
    """Revoke every live token of a name; return how many were revoked."""
    live = session.exec(select(ApiToken).where(ApiToken.name == name,
                                               col(ApiToken.revoked_at).is_(None))).all()
    for token in live:
        token.revoked_at = utcnow()
        session.add(token)
    session.commit()
    return len(live)


