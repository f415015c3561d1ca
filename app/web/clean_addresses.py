"""Clean addresses: a view asked for with empty parameters is sent to the same view without them.

A filter form submitted without JavaScript sends every field, so `/?q=&stance=&actor=ana`
arrives as often as `/?actor=ana`. Both show the same statements; only the second is worth
sharing, bookmarking and caching, so the first is redirected to it, keeping every
non-empty parameter as it was sent and in its order.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_plus

from starlette.types import ASGIApp, Receive, Scope, Send

#: The pages whose parameters are the timeline's filters, where an empty one means "any".
FILTERED_PAGES = re.compile(r"^(?:/|/actors/[^/]+|/countries/[^/]+|/embed(?:/.*)?)$")
#: A redirect that a browser may remember: the clean address always shows the same view.
REDIRECT_STATUS = 301


def is_empty(pair: str) -> bool:
    """Tell whether one `name=value` piece of a query string carries no value."""
    _, _, value = pair.partition("=")
    return not unquote_plus(value).strip()


def cleaned(query: str) -> str | None:
    """Return the query string without its empty parameters, or None when it has none."""
    pairs = query.split("&")
    kept = [pair for pair in pairs if not is_empty(pair)]
    return None if len(kept) == len(pairs) else "&".join(kept)


def clean_location(path: str, query: str) -> str | None:
    """Return where a request for a filtered page should go instead, if anywhere."""
    if not query or not FILTERED_PAGES.match(path):
        return None
    rest = cleaned(query)
    if rest is None:
        return None
    return f"{path}?{rest}" if rest else path


class CleanAddresses:
    """ASGI middleware that redirects a filtered page asked with empty parameters."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        location = None
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            location = clean_location(scope["path"],
                                      scope.get("query_string", b"").decode("latin-1"))
        if location is None:
            await self.app(scope, receive, send)
            return
        # The path as it came, still percent-encoded: the decoded one may not be ASCII.
        raw_path = scope.get("raw_path") or scope["path"].encode()
        target = raw_path + location[len(scope["path"]):].encode("latin-1")
        await send({"type": "http.response.start", "status": REDIRECT_STATUS,
                    "headers": [(b"location", target), (b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})
