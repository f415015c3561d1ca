"""Fetch a page an editor names by its address, without letting the address reach inside.

The server fetches what a user asks it to, so an address must not become a way into the
machine's own network: only http and https, only hosts whose every address is public
(private, loopback, link-local and reserved ranges are refused unless
`ONRECORD_FETCH_ALLOW` names them), the connection made to the address that was checked
(so a name cannot resolve to another address between the check and the connection), every
redirect checked again, a time limit on connecting and reading, a cap on the size, and
only HTML or plain text accepted.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import urllib3

from app.config import Settings
from app.errors import ArticleRefused

#: Redirects followed before giving up.
MAX_REDIRECTS = 5
#: Kinds of answer that can hold an article.
ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
#: Kinds of answer that can hold a news feed (RSS or Atom; servers often say plain XML).
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml")
_ACCEPT = {ARTICLE_TYPES: "text/html, application/xhtml+xml, text/plain;q=0.8",
           FEED_TYPES: "application/atom+xml, application/rss+xml, application/xml;q=0.9, "
                       "text/xml;q=0.8"}
_USER_AGENT = "onrecord (fetching an article an editor asked for)"

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class FetchLimits:
    """How far a fetch may go: time, size, and which non-public networks are allowed."""

    timeout: float = 10.0
    max_bytes: int = 2_000_000
    allow: tuple[str, ...] = ()

    def allowed_networks(self) -> list[Network]:
        """The networks `allow` names (addresses or CIDR ranges; host names match as names)."""
        nets = []
        for entry in self.allow:
            try:
                nets.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                continue
        return nets


@dataclass(frozen=True)
class Fetched:
    """A page as fetched: where it ended up, what it is, and when it was read."""

    url: str
    content_type: str
    body: bytes
    charset: str | None
    fetched_at: datetime
    #: The validators the server gave, to send back on the next conditional request.
    etag: str | None = None
    last_modified: str | None = None

    @property
    def text(self) -> str:
        """The body decoded as its charset says (UTF-8 when it says nothing or nonsense)."""
        try:
            return self.body.decode(self.charset or "utf-8", errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


def fetch(url: str, limits: FetchLimits) -> Fetched:
    """Fetch a page, following safe redirects; raise ArticleRefused saying why not."""
    url, response = _follow(url, limits, ARTICLE_TYPES, {})
    return _read(url, response, limits, ARTICLE_TYPES)


def fetch_feed(url: str, limits: FetchLimits, *, etag: str | None = None,
               last_modified: str | None = None) -> Fetched | None:
    """Fetch a feed as fetch() fetches a page, asking only for what changed since the
    validators given; return None when the server answers 304 Not Modified."""
    conditions = {"If-None-Match": etag or "", "If-Modified-Since": last_modified or ""}
    url, response = _follow(url, limits, FEED_TYPES,
                            {k: v for k, v in conditions.items() if v})
    if response.status == 304:
        response.release_conn()
        return None
    return _read(url, response, limits, FEED_TYPES)


def _follow(url: str, limits: FetchLimits, kinds: tuple[str, ...],
            headers: dict[str, str]) -> tuple[str, urllib3.BaseHTTPResponse]:
    """Request an address, following safe redirects; return where it ended and the answer."""
    for _ in range(MAX_REDIRECTS + 1):
        response = _get_once(url, limits, {"Accept": _ACCEPT[kinds], **headers})
        if response.status in (301, 302, 303, 307, 308):
            location = response.headers.get("Location")
            response.release_conn()
            if not location:
                raise ArticleRefused(f"{url} redirects without saying where")
            url = urljoin(url, location)
            continue
        return url, response
    raise ArticleRefused(f"more than {MAX_REDIRECTS} redirects; the last was to {url}")


def _get_once(url: str, limits: FetchLimits,
              extra: dict[str, str]) -> urllib3.BaseHTTPResponse:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ArticleRefused(f"url: {url!r} is not an http or https address")
    host, port = parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)
    address = _checked_address(host, port, limits)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    timeout = urllib3.Timeout(connect=limits.timeout, read=limits.timeout)
    pool: urllib3.HTTPConnectionPool
    if parts.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(address, port, timeout=timeout, retries=False,
                                           server_hostname=host, assert_hostname=host)
    else:
        pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False)
    headers = {"Host": parts.netloc.rsplit("@", 1)[-1], "User-Agent": _USER_AGENT, **extra}
    try:
        return pool.urlopen("GET", path, headers=headers, redirect=False,
                            preload_content=False, assert_same_host=False)
    except urllib3.exceptions.TimeoutError:
        raise ArticleRefused(f"{host} did not answer within {limits.timeout:g} s") from None
    except urllib3.exceptions.HTTPError as error:
        raise ArticleRefused(f"could not fetch {url}: {error.__class__.__name__}") from None


def _checked_address(host: str, port: int, limits: FetchLimits) -> str:
    """Resolve a host and return an address to connect to, refusing non-public ones."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise ArticleRefused(f"no such host: {host}") from None
    addresses = [ipaddress.ip_address(info[4][0]) for info in infos]
    allowed = host in limits.allow
    networks = limits.allowed_networks()
    for address in addresses:
        if not (address.is_global or allowed or any(address in n for n in networks)):
            raise ArticleRefused(f"{host} is in a private or reserved network ({address}); "
                                 "onrecord fetches only public addresses")
    return str(addresses[0])


def _read(url: str, response: urllib3.BaseHTTPResponse, limits: FetchLimits,
          kinds: tuple[str, ...]) -> Fetched:
    what = "an article (HTML or text)" if kinds is ARTICLE_TYPES else "a feed (RSS or Atom)"
    try:
        if response.status != 200:
            raise ArticleRefused(f"{url} answered {response.status}, not a page")
        kind, _, params = (response.headers.get("Content-Type") or "").partition(";")
        kind = kind.strip().lower()
        if kind not in kinds:
            raise ArticleRefused(f"{url} is {kind or 'of no stated type'}, not {what}")
        declared = int(response.headers.get("Content-Length") or 0)
        if declared > limits.max_bytes:
            raise ArticleRefused(_too_large(url, limits))
        body = _body(url, response, limits)
    except urllib3.exceptions.TimeoutError:
        raise ArticleRefused(f"{url} did not finish within {limits.timeout:g} s") from None
    finally:
        response.release_conn()
    return Fetched(url, kind, body, _charset(params), datetime.now(UTC),
                   response.headers.get("ETag"), response.headers.get("Last-Modified"))


def _body(url: str, response: urllib3.BaseHTTPResponse, limits: FetchLimits) -> bytes:
    """Read the body in chunks, within the size cap and a deadline for the whole read (a
    server trickling a byte at a time never times out one read)."""
    deadline = time.monotonic() + 3 * limits.timeout
    chunks: list[bytes] = []
    size = 0
    for chunk in response.stream(64 * 1024):
        size += len(chunk)
        if size > limits.max_bytes:
            raise ArticleRefused(_too_large(url, limits))
        if time.monotonic() > deadline:
            raise ArticleRefused(f"{url} did not finish within {3 * limits.timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(url: str, limits: FetchLimits) -> str:
    return f"{url} is larger than {limits.max_bytes:,} bytes; is it an article?"


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip('"').lower()
    return None


def limits_from(settings: Settings) -> FetchLimits:
    """Read the fetch limits from settings."""
    return FetchLimits(settings.fetch_timeout, settings.fetch_max_bytes,
                       tuple(settings.fetch_allow_list))
