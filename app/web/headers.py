"""Security headers on every response: a strict Content-Security-Policy and its companions.

The pages hold no inline script or style (htmx is told not to inject its indicator style),
so the policy needs no 'unsafe-inline'. Two kinds of page differ, each in one line here:
embeds (`/embed…`) may be framed by any site, and every other response refuses to be
framed; the API reference at /docs, drawn by the vendored Swagger UI, may set inline styles.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_COMMON = ("default-src 'self'", "script-src 'self'", "img-src 'self' data:",
           "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'",
           "form-action 'self'")
#: The policy of every page, fragment, feed and API answer.
CSP = "; ".join((*_COMMON, "style-src 'self'", "frame-ancestors 'none'"))
#: Embeds are meant for other sites' iframes.
EMBED_PREFIX = "/embed"
EMBED_CSP = "; ".join((*_COMMON, "style-src 'self'", "frame-ancestors *"))
#: Swagger UI sets style attributes as it draws; it runs no inline script.
DOCS_PATH = "/docs"
DOCS_CSP = "; ".join((*_COMMON, "style-src 'self' 'unsafe-inline'", "frame-ancestors 'none'"))
#: Sent with every response, whatever its kind.
FIXED_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
#: Only over https: browsers then refuse plain http to this host for a year.
HSTS = "max-age=31536000"


class SecurityHeaders:
    """ASGI middleware that adds the security headers to every http response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                add_headers(scope, message)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def policy_for(path: str) -> tuple[str, bool]:
    """Return the Content-Security-Policy of a path, and whether it may be framed."""
    if path == EMBED_PREFIX or path.startswith(EMBED_PREFIX + "/"):
        return EMBED_CSP, True
    return (DOCS_CSP if path == DOCS_PATH else CSP), False


def add_headers(scope: Scope, start: Message) -> None:
    """Add the headers to a response start message, keeping any a route set itself."""
    headers = MutableHeaders(scope=start)
    policy, framed = policy_for(scope["path"])
    for name, value in {**FIXED_HEADERS, "Content-Security-Policy": policy}.items():
        headers.setdefault(name, value)
    if not framed:
        headers.setdefault("X-Frame-Options", "DENY")
    if scope.get("scheme") == "https":
        headers.setdefault("Strict-Transport-Security", HSTS)
