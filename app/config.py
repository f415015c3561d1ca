"""Settings from the environment (ONRECORD_ prefix), with defaults that run as-is."""

from __future__ import annotations

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
