"""A lease on a piece of polling work, kept as a row with an expiry: whoever holds an
unexpired row does the work, so two servers (or a server and a timer) never poll the same
feed at once. A holder that dies lets its lease run out, and another takes it then.

One conditional UPDATE or one INSERT decides, which both engines make atomic: PostgreSQL
re-reads the row an UPDATE waited for, and a second INSERT of the same name fails on the
key; SQLite runs one writer at a time.
"""

from __future__ import annotations

import os
import socket
import uuid
from datetime import timedelta

from sqlalchemy import delete, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from app.record.models import PollLease, utcnow


def holder_name() -> str:
    """Return a name for this poller that no other process shares."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"[:200]


def take_lease(session: Session, name: str, holder: str, seconds: float) -> bool:
    """Take (or renew) the lease called name for seconds; return whether it is ours."""
    now = utcnow()
    until = now + timedelta(seconds=seconds)
    renewed = session.connection().execute(
        update(PollLease).where(col(PollLease.name) == name,
                                or_(col(PollLease.expires_at) < now,
                                    col(PollLease.holder) == holder))
        .values(holder=holder, expires_at=until)).rowcount
    taken = bool(renewed) or _insert(session, PollLease(name=name, holder=holder,
                                                        expires_at=until))
    session.commit()
    return taken


def _insert(session: Session, lease: PollLease) -> bool:
    try:
        with session.begin_nested():
            session.add(lease)
        return True
    except IntegrityError:  # another holder has it, unexpired
        return False


def release_lease(session: Session, name: str, holder: str) -> None:
    """Give the lease back, if it is still ours."""
    session.execute(delete(PollLease).where(col(PollLease.name) == name,
                                            col(PollLease.holder) == holder))
    session.commit()
