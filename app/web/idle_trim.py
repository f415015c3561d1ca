"""Give a worker's freed memory back to the system when it falls idle.

A burst of concurrent requests (eight searches, each reading thousands of rows) leaves
glibc's malloc holding the pages they freed: the worker stays at its peak though it needs
far less. `malloc_trim` hands whole free pages back. It runs TRIM_AFTER_S after the last
request in flight ends, if none is in flight then, on a thread of the default executor,
never on a request's path: a few milliseconds, at most once per TRIM_AFTER_S. Elsewhere
than glibc there is nothing to trim.
"""

from __future__ import annotations

import asyncio
import ctypes
from collections.abc import Callable

from starlette.types import ASGIApp, Receive, Scope, Send

#: How long after a worker falls idle it trims (and so the most trims a second).
TRIM_AFTER_S = 0.5


def _malloc_trim() -> Callable[[], object] | None:
    """Return glibc's malloc_trim(0) as a callable, or None where there is no glibc."""
    try:
        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None
    return lambda: trim(0)


class IdleTrim:
    """ASGI middleware: trim the heap when no request has been in flight for a moment."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.in_flight = 0
        self.pending: asyncio.TimerHandle | None = None
        self.trim = _malloc_trim()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.trim is None:
            await self.app(scope, receive, send)
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1
            if self.in_flight == 0 and self.pending is None:
                self.pending = asyncio.get_running_loop().call_later(TRIM_AFTER_S, self._idle)

    def _idle(self) -> None:
        self.pending = None
        if self.in_flight == 0 and self.trim is not None:
            asyncio.get_running_loop().run_in_executor(None, self.trim)
