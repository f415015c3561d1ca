"""Fictional actors and statements for tests; never a real person's words."""

from __future__ import annotations

from datetime import date
from itertools import count
from typing import Any

from slugify import slugify
from sqlmodel import Session

from app.record.models import Actor, ActorKind, Role, Source, Stance, Statement, StatementKind

_numbers = count(1)


def actor(session: Session, name: str, *, country: str | None = "FR",
          kind: ActorKind = ActorKind.person, roles: list[Role] | None = None) -> Actor:
    """Add a fictional actor."""
    made = Actor(slug=slugify(name), name=name, kind=kind, country_code=country)
    made.roles = roles or []
    session.add(made)
    session.commit()
    session.refresh(made)
    return made


def statement(session: Session, speaker: Actor, *, said_on: date, text: str | None = None,
              stance: Stance = Stance.neutral, target: str | None = None,
              country: str | None = None, kind: StatementKind = StatementKind.direct,
              source: Source | None = None, start: int | None = None,
              end: int | None = None, lang: str = "en") -> Statement:
    """Add a published statement by a fictional actor (in English unless told)."""
    made = Statement(
        actor_id=speaker.id, said_on=said_on, text=text or f"Fictional remark {next(_numbers)}.",
        stance=stance, target=target, target_slug=slugify(target) if target else None,
        country_code=country if country is not None else speaker.country_code, kind=kind,
        source=source, source_start=start, source_end=end, lang=lang,
    )
    session.add(made)
    session.commit()
    session.refresh(made)
    return made


def all_api_ids(client: Any, qs: str) -> list[int]:
    """Follow the JSON API's cursors to the end and return every id, in order."""
    found: list[int] = []
    url: str | None = f"/api/statements?{qs}"
    while url:
        body = client.get(url).json()
        found += [item["id"] for item in body["items"]]
        url = body["next_url"]
    return found
