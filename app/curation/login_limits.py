"""How fast passwords may be guessed: a growing wait per address and per name, and a cap
on password hashes computed at once.

A failed login is a row in login_failure (name, address, time), so every app server sees
the same count. After a few free failures each further try waits twice as long as the
last, up to a ceiling: there is no lock a stranger can set on an editor, only a wait that
ends soon after the stranger stops. Addresses come from the socket, or from a trusted
proxy's X-Forwarded-For (ONRECORD_TRUSTED_PROXIES), never from the client's own say.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.errors import Busy, TooManyRequests
from app.record.models import LoginFailure, utcnow

#: How long a failure counts.
FAILURE_WINDOW = timedelta(minutes=15)
#: Failures from one address, then against one name, before any wait.
ADDRESS_FREE, NAME_FREE = 5, 10
#: Longest waits: short for a name, so a stranger's guesses keep its editor out for at
#: most this long; longer for the address that guesses.
NAME_MAX_WAIT, ADDRESS_MAX_WAIT = timedelta(seconds=30), timedelta(seconds=120)
#: Password hashes computed at once in this process: argon2 takes 64 MiB and a core for
#: a moment, so 32 at once took a gigabyte and stalled every other request.
HASH_SLOTS = 2

_hash_slots = threading.BoundedSemaphore(HASH_SLOTS)


def check_pace(session: Session, name: str, address: str) -> None:
    """Refuse a try that comes before the wait its address or name has earned."""
    now = utcnow()
    for column, key, free, ceiling in ((LoginFailure.ip, address, ADDRESS_FREE,
                                        ADDRESS_MAX_WAIT),
                                       (LoginFailure.name, name, NAME_FREE, NAME_MAX_WAIT)):
        count, last = session.exec(select(func.count(), func.max(LoginFailure.at)).where(
            column == key, col(LoginFailure.at) > now - FAILURE_WINDOW)).one()
        ready = _ready_at(count, last, free, ceiling)
        if ready is not None and ready > now:
            seconds = math.ceil((ready - now).total_seconds())
            raise TooManyRequests(f"too many failed logins; try again in {seconds} seconds",
                                  retry_after=seconds)


def wait_after(failures: int, free: int, ceiling: timedelta) -> timedelta:
    """Return the wait after the given number of failures: none, then 2 s, 4 s, ... up to
    the ceiling."""
    if failures < free:
        return timedelta(0)
    return min(ceiling, timedelta(seconds=2 ** (failures - free + 1)))


def _ready_at(count: int, last: datetime | None, free: int,
              ceiling: timedelta) -> datetime | None:
    if last is None:
        return None
    if last.tzinfo is None:  # SQLite gives back naive UTC times
        last = last.replace(tzinfo=utcnow().tzinfo)
    return last + wait_after(count, free, ceiling)


@contextmanager
def hash_slot() -> Iterator[None]:
    """Hold one of the few slots for a password hash, or refuse at once: never queue."""
    if not _hash_slots.acquire(blocking=False):
        raise Busy("too many logins at once; try again in a moment", retry_after=1)
    try:
        yield
    finally:
        _hash_slots.release()
