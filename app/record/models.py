"""The stored record: countries, actors with their roles and aliases, sources, statements.

Only table definitions and their value types live here; queries live in the services.
(No `from __future__ import annotations`: SQLModel reads the annotations at class creation.)
"""

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, Optional

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    ColumnElement,
    Index,
    Text,
    UniqueConstraint,
    and_,
    event,
    or_,
)
from sqlmodel import Field, Relationship, SQLModel

from app.record.words import words_key

#: The largest id or offset both engines store: PostgreSQL's integer columns hold no more.
MAX_ID = 2**31 - 1


def utcnow() -> datetime:
    """Return the current time, aware and in UTC, for created/updated stamps."""
    return datetime.now(UTC)


def aware(moment: datetime | None) -> datetime | None:
    """Return a stored time as aware UTC: SQLite gives back naive UTC times, PostgreSQL
    aware ones, and what leaves onrecord is the same on both."""
    return moment.replace(tzinfo=UTC) if moment and moment.tzinfo is None else moment


class ActorKind(StrEnum):
    person = "person"
    organisation = "organisation"


class StatementKind(StrEnum):
    direct = "direct"  # the speaker's own words, in quotation marks
    indirect = "indirect"  # reported speech: "X said that ..."
    mixed = "mixed"  # reported speech around a partial quote


class Stance(StrEnum):
    supportive = "supportive"
    critical = "critical"
    neutral = "neutral"


class DatePrecision(StrEnum):
    day = "day"
    month = "month"
    year = "year"


class StatementStatus(StrEnum):
    draft = "draft"  # proposed, e.g. by the extractor; never public
    published = "published"
    withdrawn = "withdrawn"  # was public; its permalink now explains why it is not
    rejected = "rejected"  # a draft that review turned down; kept, never public


class Country(SQLModel, table=True):
    """An ISO 3166-1 country; the rows come from pycountry, never typed by hand."""

    code: str = Field(primary_key=True, max_length=2)
    name: str


class Actor(SQLModel, table=True):
    """A person or an organisation that makes statements."""

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, max_length=120)
    name: str
    kind: ActorKind = ActorKind.person
    country_code: str | None = Field(default=None, foreign_key="country.code", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

    roles: list["Role"] = Relationship(
        back_populates="actor", sa_relationship_kwargs={"cascade": "all, delete-orphan"})
    aliases: list["Alias"] = Relationship(
        back_populates="actor", sa_relationship_kwargs={"cascade": "all, delete-orphan"})


class Alias(SQLModel, table=True):
    """Another name an actor is known by ("Truss", "the foreign secretary")."""

    __tablename__ = "actor_alias"
    id: int | None = Field(default=None, primary_key=True)
    actor_id: int = Field(foreign_key="actor.id", index=True)
    name: str = Field(index=True)

    actor: Actor = Relationship(back_populates="aliases")


class Role(SQLModel, table=True):
    """A title an actor held, between two dates when they are known."""

    id: int | None = Field(default=None, primary_key=True)
    actor_id: int = Field(foreign_key="actor.id", index=True)
    title: str
    starts_on: date | None = None
    ends_on: date | None = None

    actor: Actor = Relationship(back_populates="roles")

    def held_on(self, day: date) -> bool:
        """Tell whether the role was held on a given day (open ends count as held)."""
        return held_between(self.starts_on, self.ends_on, day)


def held_between(starts_on: date | None, ends_on: date | None, day: date) -> bool:
    """Tell whether a role with these dates was held on a day (open ends count as held)."""
    return (starts_on is None or starts_on <= day) and (ends_on is None or day <= ends_on)


def held_between_sql(starts_on: Any, ends_on: Any, day: Any) -> ColumnElement[bool]:
    """held_between as an SQL condition on columns, for a query that finds roles itself."""
    return and_(or_(starts_on.is_(None), starts_on <= day), or_(ends_on.is_(None), day <= ends_on))


class Source(SQLModel, table=True):
    """Where statements were published: an article, a transcript, a post."""

    id: int | None = Field(default=None, primary_key=True)
    title: str
    publisher: str | None = None
    url: str | None = None
    published_on: date | None = None
    #: The full text, when stored, so a statement can be shown in its context.
    text: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime = Field(default_factory=utcnow)
    #: Who wrote the article, as its page says (a byline), when known.
    author: str | None = None
    #: When onrecord fetched the page from its address; none when it was pasted or given.
    fetched_at: datetime | None = None


class Statement(SQLModel, table=True):
    """Words an actor said on a day, where they were reported, and their stance."""

    __table_args__ = (
        Index("ix_statement_timeline", "status", "said_on", "id"),
        Index("ix_statement_actor_timeline", "actor_id", "said_on", "id"),
        Index("ix_statement_country_timeline", "country_code", "said_on", "id"),
        Index("ix_statement_stance_timeline", "stance", "said_on", "id"),
        Index("ix_statement_target_timeline", "target_slug", "said_on", "id"),
        Index("ix_statement_lang_timeline", "lang", "said_on", "id"),
        # A speaker's exact repeats, at any date (app/reading/duplicates.py).
        Index("ix_statement_words_key", "actor_id", "words_key"),
        # Every facet beside the day: the days of a partly covered month are counted
        # from this index alone (app/counts.py).
        Index("ix_statement_days", "status", "said_on", "actor_id", "country_code", "stance",
              "target_slug"),
    )

    id: int | None = Field(default=None, primary_key=True)
    actor_id: int = Field(foreign_key="actor.id")
    said_on: date
    date_precision: DatePrecision = DatePrecision.day
    text: str = Field(sa_column=Column(Text, nullable=False))
    #: The key of the normalised words (app/record/words.py), set whenever `text` is: every
    #: writer keys what it writes (the ORM's below, bulk writers their rows).
    words_key: int | None = Field(default=None, sa_column=Column(BigInteger))
    kind: StatementKind = StatementKind.direct
    #: The language of `text` as a BCP 47 tag; 'und' when not known (app/record/languages.py).
    lang: str = Field(default="und", max_length=35, sa_column_kwargs={"server_default": "und"})
    #: The words rendered in English when `text` is in another language, and who did it.
    translation: str | None = Field(default=None, sa_column=Column(Text))
    translated_by: str | None = Field(default=None, max_length=200)
    #: The country the speaker spoke for on that day (usually the actor's country).
    country_code: str | None = Field(default=None, foreign_key="country.code")
    source_id: int | None = Field(default=None, foreign_key="source.id", index=True)
    #: Where the words stand in the source text: text[source_start:source_end].
    source_start: int | None = None
    source_end: int | None = None
    stance: Stance = Stance.neutral
    #: Whom or what the stance is about: a country, an actor or a topic.
    target: str | None = None
    target_slug: str | None = Field(default=None, max_length=120)
    status: StatementStatus = StatementStatus.published
    #: Why an editor withdrew the statement; its permalink shows this instead of the words.
    withdrawn_reason: str | None = None
    #: The editor who accepted a draft in review; publishing a source publishes these.
    accepted_by: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

    actor: Actor = Relationship()
    source: Optional["Source"] = Relationship()
    country: Optional["Country"] = Relationship()
    links: list["StatementLink"] = Relationship(
        sa_relationship_kwargs={"foreign_keys": "[StatementLink.statement_id]"})
    #: The further sources that carried it (app/reading/appearances.py).
    appearances: list["Appearance"] = Relationship(
        sa_relationship_kwargs={"order_by": "Appearance.id"})


@event.listens_for(Statement, "before_insert")
@event.listens_for(Statement, "before_update")
def _key_words(_mapper: Any, _connection: Any, statement: Statement) -> None:
    """Key a statement's words as it is written, whichever edit set them."""
    statement.words_key = words_key(statement.text)


class LinkRelation(StrEnum):
    responds_to = "responds_to"
    rebuts = "rebuts"
    repeats = "repeats"
    contradicts = "contradicts"


class StatementLink(SQLModel, table=True):
    """One statement answering, rebutting, repeating or contradicting another."""

    __tablename__ = "statement_link"
    __table_args__ = (UniqueConstraint("statement_id", "other_id", "relation"),)
    id: int | None = Field(default=None, primary_key=True)
    statement_id: int = Field(foreign_key="statement.id", index=True)
    other_id: int = Field(foreign_key="statement.id", index=True)
    relation: LinkRelation
    created_at: datetime = Field(default_factory=utcnow)


class ActorRedirect(SQLModel, table=True):
    """The slug of an actor merged into another; its old links keep working."""

    __tablename__ = "actor_redirect"
    slug: str = Field(primary_key=True, max_length=120)
    actor_id: int = Field(foreign_key="actor.id", index=True)


class Appearance(SQLModel, table=True):
    """Another source that carried a statement, with the words as that source gives them.

    The statement's own source (and offsets) stays its primary appearance; these are the
    others: the same remark reported by further outlets, often later, often translated.
    """

    __table_args__ = (UniqueConstraint("statement_id", "source_id"),)
    id: int | None = Field(default=None, primary_key=True)
    statement_id: int = Field(foreign_key="statement.id", index=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    #: The words as this source gives them (a translation, a shorter quote).
    quote: str = Field(sa_column=Column(Text, nullable=False))
    #: Where the quote stands in the source's text: text[source_start:source_end].
    source_start: int | None = None
    source_end: int | None = None
    #: The day this source published it (the source's own day unless told otherwise).
    published_on: date | None = None
    created_at: datetime = Field(default_factory=utcnow)
    created_by: str = Field(max_length=80)

    source: Source = Relationship()


class StatementRedirect(SQLModel, table=True):
    """A statement merged into another: its old permalink answers with the kept one."""

    __tablename__ = "statement_redirect"
    merged_id: int = Field(primary_key=True, foreign_key="statement.id",
                           sa_column_kwargs={"autoincrement": False})
    kept_id: int = Field(foreign_key="statement.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)


class Revision(SQLModel, table=True):
    """One change to a statement, actor or source: who, when, which fields, before and after."""

    __table_args__ = (UniqueConstraint("entity", "entity_id", "number"),)
    id: int | None = Field(default=None, primary_key=True)
    entity: str = Field(max_length=20)
    entity_id: int
    #: 1 for the first version of the record, then one more per change.
    number: int
    #: What the change was: create, edit, withdraw, "restore v2", "merge old-slug", ...
    action: str = Field(max_length=200)
    author: str
    created_at: datetime = Field(default_factory=utcnow)
    #: {field: [before, after]} of the fields this change touched.
    changes: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    #: The whole record as it stood after this change, so any version can be shown or restored.
    snapshot: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class Editor(SQLModel, table=True):
    """A person who may write; readers need no account."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=80)
    #: An argon2 hash (pwdlib); the password itself is never stored.
    password_hash: str
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)


class EditorSession(SQLModel, table=True):
    """A login: the cookie holds a random token, the database only its SHA-256."""

    __tablename__ = "editor_session"
    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True, max_length=64)
    editor_id: int = Field(foreign_key="editor.id", index=True)
    #: Sent back in every form and htmx request that writes.
    csrf_token: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime


class ApiToken(SQLModel, table=True):
    """A token for scripts, sent as Bearer; stored as its SHA-256, shown once at creation."""

    __tablename__ = "api_token"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=80)
    token_hash: str = Field(unique=True, max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = None
    last_used_at: datetime | None = None


class LoginFailure(SQLModel, table=True):
    """A failed login, kept for a while to slow down password guessing."""

    __tablename__ = "login_failure"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, max_length=80)
    #: Where the try came from: a stranger's guesses lock out the stranger, not the editor.
    ip: str = Field(default="", max_length=64)
    at: datetime = Field(default_factory=utcnow, index=True)


# Tables kept by triggers rather than written by the app, registered with the rest.
import app.record.tallies  # noqa: E402
import app.record.versions  # noqa: E402, F401


class EventStatus(StrEnum):
    published = "published"
    withdrawn = "withdrawn"  # was public; its page now explains why it is not


class Event(SQLModel, table=True):
    """Something that happened on a day, not said: the ground statements are read against."""

    __table_args__ = (Index("ix_event_timeline", "status", "happened_on", "id"),)
    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=300)
    happened_on: date
    date_precision: DatePrecision = DatePrecision.day
    description: str | None = Field(default=None, sa_column=Column(Text))
    #: The country the event is about; none: it concerns every timeline.
    country_code: str | None = Field(default=None, foreign_key="country.code")
    source_id: int | None = Field(default=None, foreign_key="source.id", index=True)
    status: EventStatus = EventStatus.published
    #: Why an editor withdrew the event; its page shows this instead.
    withdrawn_reason: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

    source: Optional["Source"] = Relationship()
    country: Optional["Country"] = Relationship()
    statements: list["EventStatement"] = Relationship(
        sa_relationship_kwargs={"order_by": "EventStatement.id"})


class EventRelation(StrEnum):
    """How a statement stands to an event, read from the statement."""

    refers_to = "refers_to"
    said_before = "said_before"
    said_after = "said_after"
    contradicted_by = "contradicted_by"  # the event later showed the words untrue


class EventStatement(SQLModel, table=True):
    """A statement tied to an event: it refers to it, came before or after, or was belied."""

    __tablename__ = "event_statement"
    __table_args__ = (UniqueConstraint("event_id", "statement_id", "relation"),)
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True)
    statement_id: int = Field(foreign_key="statement.id", index=True)
    relation: EventRelation
    created_at: datetime = Field(default_factory=utcnow)


class FollowedFeed(SQLModel, table=True):
    """An RSS or Atom feed editors follow: its new items go to the review queue."""

    __tablename__ = "followed_feed"
    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(max_length=2000, unique=True)
    title: str | None = Field(default=None, max_length=500)
    #: The validators of the last answer, sent back so an unchanged feed answers 304.
    etag: str | None = Field(default=None, max_length=500)
    last_modified: str | None = Field(default=None, max_length=100)
    last_polled_at: datetime | None = None
    #: Why the last poll failed; none when it went well.
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    added_by: str = Field(max_length=200)
    created_at: datetime = Field(default_factory=utcnow)


class FeedItem(SQLModel, table=True):
    """An item of a followed feed already seen, by its guid and its canonical address, so
    that no poll imports it twice."""

    __tablename__ = "feed_item"
    __table_args__ = (UniqueConstraint("feed_id", "guid"),)
    id: int | None = Field(default=None, primary_key=True)
    feed_id: int = Field(foreign_key="followed_feed.id")
    guid: str = Field(max_length=2000)
    url: str | None = Field(default=None, max_length=2000, index=True)
    #: The source the item was imported as; none when its import was refused.
    source_id: int | None = Field(default=None, foreign_key="source.id")
    seen_at: datetime = Field(default_factory=utcnow)


class PollLease(SQLModel, table=True):
    """A lease on a piece of polling work: whoever holds an unexpired row does it, so two
    servers never poll the same feed at once."""

    __tablename__ = "poll_lease"
    name: str = Field(primary_key=True, max_length=200)
    holder: str = Field(max_length=200)
    expires_at: datetime
