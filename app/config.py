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
    #: How long a write waits for another writer's lock before answering 503, in milliseconds:
    #: longer than a 100,000-row import holds it on a busy two-core machine (bench/README.md).
    lock_wait_ms: int = 15_000
    #: Seconds the extractor may spend on one article uploaded for review.
    extract_seconds: float = 20.0
    #: Most candidate statements one article uploaded for review may give.
    max_candidates: int = 300
