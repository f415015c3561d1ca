"""Security headers on every response: a strict Content-Security-Policy and its companions.

The pages hold no inline script or style (htmx is told not to inject its indicator style),
so the policy needs no 'unsafe-inline'. The API explorer at /docs is FastAPI's Swagger UI,
which loads from a CDN and starts with one inline script: it gets a narrow policy of its
own that allows that script by its hash, and the inline styles Swagger UI sets.
"""

from __future__ import annotations

import base64
import hashlib
import re

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: The policy of every page, fragment, feed and API answer.
CSP = "; ".join((
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
    "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'",
    "form-action 'self'", "frame-ancestors 'none'",
))
#: The API explorer's policy; {scripts} is the hash of its inline bootstrap script.
DOCS_PATH, DOCS_CDN = "/docs", "https://cdn.jsdelivr.net"
DOCS_CSP = "; ".join((
    "default-src 'self'", f"script-src 'self' {DOCS_CDN} {{scripts}}",
    f"style-src 'self' {DOCS_CDN} 'unsafe-inline'",
    "img-src 'self' data: https://fastapi.tiangolo.com", "connect-src 'self'",
    "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'",
))
#: Sent with every response, whatever its kind.
FIXED_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
#: Only over https: browsers then refuse plain http to this host for a year.
HSTS = "max-age=31536000"
_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)


class SecurityHeaders:
    """ASGI middleware that adds the security headers to every http response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"] == DOCS_PATH:
            await self.app(scope, receive, _DocsPage(scope, send))
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                add_headers(scope, message, CSP)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def add_headers(scope: Scope, start: Message, policy: str) -> None:
    """Add the headers to a response start message, keeping any a route set itself."""
    headers = MutableHeaders(scope=start)
    for name, value in {**FIXED_HEADERS, "Content-Security-Policy": policy}.items():
        headers.setdefault(name, value)
    if scope.get("scheme") == "https":
        headers.setdefault("Strict-Transport-Security", HSTS)


class _DocsPage:
    """Hold the small /docs page until its end, to allow exactly its inline scripts."""

    def __init__(self, scope: Scope, send: Send) -> None:
        self.scope, self.send = scope, send
        self.start: Message | None = None
        self.body = b""

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.start = message
            return
        if message["type"] != "http.response.body" or self.start is None:
            await self.send(message)
            return
        self.body += message.get("body", b"")
        if message.get("more_body"):
            return
        add_headers(self.scope, self.start, DOCS_CSP.format(scripts=script_hashes(self.body)))
        await self.send(self.start)
        await self.send({"type": "http.response.body", "body": self.body})


def script_hashes(html: bytes) -> str:
    """Return the CSP hash sources of the inline scripts of a page."""
    digests = (hashlib.sha256(m.group(1)).digest() for m in _INLINE_SCRIPT.finditer(html))
    return " ".join(f"'sha256-{base64.b64encode(d).decode()}'" for d in digests)
