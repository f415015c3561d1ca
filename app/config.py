"""Settings from the environment (ONRECORD_ prefix), with defaults that run as-is."""

from __future__ import annotations

from urllib.parse import urlsplit

from pydantic_settings import BaseSettings, SettingsConfigDict

#: The database a bare `onrecord serve` uses: a file in the working folder.
DEFAULT_DATABASE_URL = "sqlite:///onrecord.db"


class Settings(BaseSettings):
    """Everything the app reads from its environment, in one place."""

    model_config = SettingsConfigDict(env_prefix="ONRECORD_", env_file=".env", extra="ignore")

    database_url: str = DEFAULT_DATABASE_URL
    #: Load the demo statements into a database that has none.
    load_demo: bool = True
    #: Statements on one page of the timeline and of the JSON API.
    page_size: int = 20
    #: Public base URL for absolute links (feeds, OpenGraph); derived from requests when empty.
    base_url: str = ""
    #: Where readers report an error (an e-mail address or a URL), shown on /about.
    contact: str = ""
    #: Hosts, addresses or CIDR ranges outside the public internet that onrecord may fetch
    #: articles from, comma-separated (none by default: only public addresses).
    fetch_allow: str = ""
    #: Seconds to connect, and to wait for each read, when fetching an article.
    fetch_timeout: float = 10.0
    #: Largest page fetched, in bytes.
    fetch_max_bytes: int = 2_000_000

    # The edge: who may claim to be a proxy, which Host names are ours, how much a request
    # may carry. Lists are comma-separated in the environment.
    #: Addresses (or networks) of proxies whose X-Forwarded-For/-Proto are believed; none by
    #: default, so a client cannot pick its own address or scheme.
    trusted_proxies: str = ""
    #: Host names this app answers for; others get 400 (Starlette's TrustedHostMiddleware).
    allowed_hosts: str = "127.0.0.1,localhost,[::1],testserver"
    #: Largest request body in bytes (article uploads included); larger ones get 413.
    max_body_bytes: int = 2_000_000

    # Writes and heavy work.
    #: How long a write waits for another writer's lock before answering 503, in milliseconds:
    #: longer than a 100,000-row import holds it on a busy two-core machine (bench/README.md).
    lock_wait_ms: int = 15_000
    #: Seconds the extractor may spend on one article uploaded for review.
    extract_seconds: float = 20.0
    #: Most candidate statements one article uploaded for review may give.
    max_candidates: int = 300

    @property
    def trusted_proxy_list(self) -> list[str]:
        """Return the trusted proxies as a list (empty: trust no forwarded header)."""
        return _split(self.trusted_proxies)

    @property
    def fetch_allow_list(self) -> list[str]:
        """Return the hosts and networks outside the public internet that may be fetched."""
        return _split(self.fetch_allow)

    @property
    def allowed_host_list(self) -> list[str]:
        """Return the Host names to answer for, the base URL's host included."""
        hosts = _split(self.allowed_hosts)
        if self.base_url and (named := urlsplit(self.base_url).hostname):
            hosts.append(named)
        return hosts


def _split(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]
