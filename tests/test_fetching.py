"""Articles by address: fetched from a local server of fictional pages, safely, and read as
text with their title, publisher and date; HTML files read the same way."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import cli
from app.curation.article_text import from_html
from app.curation.fetching import FetchLimits, fetch
from app.errors import ArticleRefused

PAGE = """<!doctype html><html><head>
<title>Harbour to stay open | The Fogport Courier</title>
<meta property="og:title" content="Harbour to stay open">
<meta property="og:site_name" content="The Fogport Courier">
<meta name="author" content="Rosa Lind">
<meta property="article:published_time" content="2021-06-14T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour to stay open</h1>
<p>Foreign Minister Anna Marsh said on Friday that the harbour would stay open all summer,
whatever the weather and whatever the cost to the ferry companies of the coast.</p>
<p>&ldquo;We will not close it, not for a single day,&rdquo; she told reporters in Fogport.
&ldquo;The fishermen &amp; the ferries need it.&rdquo;</p>
<p>The harbour master, Tom Reyes, said the quays had been repaired in the spring and were
ready for the busiest months of the year.</p>
</article>
<footer>Subscribe to the Courier for more news from the coast.</footer>
</body></html>"""


class _Pages(BaseHTTPRequestHandler):
    """Fictional pages, and the kinds of answer a fetch must refuse."""

    def do_GET(self) -> None:
        routes = {"/article.html": self._article, "/big": self._big, "/slow": self._slow,
                  "/image": self._image, "/to-private": self._to_private,
                  "/to-article": self._to_article}
        routes.get(self.path, self._missing)()

    def _send(self, status: int, kind: str, body: bytes, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)  # the client may give up, as it should on a page too large

    def _article(self) -> None:
        self._send(200, "text/html; charset=utf-8", PAGE.encode())

    def _big(self) -> None:
        self._send(200, "text/html", b"<p>" + b"harbour " * 700_000 + b"</p>")

    def _slow(self) -> None:
        time.sleep(2)
        self._article()

    def _image(self) -> None:
        self._send(200, "image/png", b"\x89PNG\r\n\x1a\n")

    def _to_private(self) -> None:
        self._send(302, "text/plain", b"", Location="http://169.254.169.254/latest/")

    def _to_article(self) -> None:
        self._send(301, "text/plain", b"", Location="/article.html")

    def _missing(self) -> None:
        self._send(404, "text/plain", b"no such page")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


LOCAL = FetchLimits(timeout=1.0, max_bytes=2_000_000, allow=("127.0.0.1",))


def test_a_page_is_fetched_and_read_as_an_article_with_its_facts(site):
    page = fetch(f"{site}/to-article", LOCAL)
    assert page.url == f"{site}/article.html" and page.content_type == "text/html"
    article = from_html(page.text, url=page.url)
    assert "“We will not close it, not for a single day,”" in article.text
    assert "the ferries need it" in article.text and "&amp" not in article.text
    assert "Subscribe" not in article.text and "Sport" not in article.text
    assert article.title == "Harbour to stay open"
    assert article.publisher == "The Fogport Courier" and article.author == "Rosa Lind"
    assert article.published_on.isoformat() == "2021-06-14"


@pytest.mark.parametrize(("path", "limits", "reason"), [
    ("/big", LOCAL, "larger than 2,000,000 bytes"),
    ("/slow", LOCAL, "did not answer within 1 s"),
    ("/image", LOCAL, "image/png, not an article"),
    ("/to-private", LOCAL, "private or reserved network (169.254.169.254)"),
    ("/missing", LOCAL, "answered 404"),
    ("/article.html", FetchLimits(timeout=1.0), "private or reserved network (127.0.0.1)"),
])
def test_a_fetch_that_must_not_go_on_is_refused_saying_why(site, path, limits, reason):
    with pytest.raises(ArticleRefused, match=reason.replace("(", r"\(").replace(")", r"\)")):
        fetch(site + path, limits)


@pytest.mark.parametrize("address", ["ftp://127.0.0.1/x", "file:///etc/passwd",
                                     "http://no-such-host.invalid/"])
def test_only_http_addresses_of_real_hosts_are_fetched(address):
    with pytest.raises(ArticleRefused):
        fetch(address, LOCAL)


def _run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env)


def test_import_article_by_address_stores_its_text_source_and_drafts(site, tmp_path: Path):
    db = tmp_path / "fetched.db"
    env = {"ONRECORD_FETCH_ALLOW": "127.0.0.1", "ONRECORD_LOAD_DEMO": "false"}
    result = _run("import-article", f"{site}/article.html", "--db", str(db), env=env)
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as con:
        url, title, publisher, day, text = con.execute(
            "SELECT url, title, publisher, published_on, text FROM source").fetchone()
        drafts = con.execute("SELECT text, status FROM statement").fetchall()
    assert (url, title, publisher, day) == (f"{site}/article.html", "Harbour to stay open",
                                            "The Fogport Courier", "2021-06-14")
    assert "“We will not close it" in text
    assert drafts and {status for _, status in drafts} == {"draft"}
    assert any("We will not close it" in words for words, _ in drafts)


def test_import_article_by_address_refuses_and_writes_nothing(site, tmp_path: Path):
    db = tmp_path / "refused.db"
    result = _run("import-article", f"{site}/big", "--db", str(db),
                  env={"ONRECORD_FETCH_ALLOW": "127.0.0.1"})
    assert result.exit_code == 1 and "larger than" in result.output
    assert not db.exists() or sqlite3.connect(db).execute(
        "SELECT count(*) FROM source").fetchone() == (0,)


def test_extract_reads_an_html_file_as_its_article(tmp_path: Path):
    page = tmp_path / "courier.html"
    page.write_text(PAGE)
    result = _run("extract", str(page))
    assert result.exit_code == 0, result.output
    quotes = json.loads(result.output)["quotes"]
    said = {q["quote"] for q in quotes}
    assert "We will not close it, not for a single day" in said
    assert "The fishermen & the ferries need it." in said
    assert {q["speaker"] for q in quotes} >= {"Anna Marsh"}
