"""A local news site of fictional outlets for tests that fetch: pages and feeds served from
127.0.0.1, changed as a test goes, and every request kept with its headers."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Answer:
    """What the site answers at a path."""

    body: bytes
    kind: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class NewsSite:
    """The answers by path, and the requests seen as (path, headers)."""

    base: str = ""
    answers: dict[str, Answer] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def seen(self, path: str) -> list[dict[str, str]]:
        """Return the headers of each request for path."""
        return [headers for p, headers in self.requests if p == path]


def article_page(title: str, *, author: str, outlet: str, day: str, paragraphs: list[str]) -> str:
    """Write a news page of a fictional outlet, with its metadata and some boilerplate."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html><html><head><title>{title} | {outlet}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{outlet}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{day}T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
{body}
</article><footer>Subscribe to {outlet} for more news.</footer></body></html>"""


def rss(title: str, items: list[tuple[str, str, str]]) -> str:
    """Write an RSS 2.0 feed of (guid, link, title) items, newest first."""
    entries = "".join(f"<item><title>{t}</title><link>{link}</link><guid>{guid}</guid></item>"
                      for guid, link, t in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://127.0.0.1/</link><description>news</description>{entries}"
            "</channel></rss>")


def _handler(site: NewsSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append((self.path, dict(self.headers.items())))
            answer = site.answers.get(self.path, Answer(b"no such page", "text/plain", 404))
            time.sleep(answer.delay)
            etag = answer.headers.get("ETag")
            if etag and self.headers.get("If-None-Match") == etag:
                return self._send(Answer(b"", answer.kind, 304, {"ETag": etag}))
            self._send(answer)

        def _send(self, answer: Answer) -> None:
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.kind)
            self.send_header("Content-Length", str(len(answer.body)))
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(answer.body)

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@contextlib.contextmanager
def serving() -> Iterator[NewsSite]:
    """Serve a new, empty site on a free port of 127.0.0.1 for the time of the block."""
    site = NewsSite()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
