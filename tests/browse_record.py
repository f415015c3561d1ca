"""A fictional record with thousands of speakers, loaded in bulk, for the browsing tests."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert
from sqlmodel import Session

from app.files.synth import fake_word
from app.record.models import Actor, Alias, Statement
from app.record.triggers import bulk_load
from app.record.words import words_key

FIRST_ID = 10_000


def load_speakers(session: Session, speakers: int, *, seed: int = 7) -> list[int]:
    """Add speakers with 1 to 4 published statements each (the busiest first); return ids."""
    rng, now = random.Random(seed), datetime.now(UTC)
    ids = [FIRST_ID + i for i in range(speakers)]
    actors = [{"id": i, "slug": f"speaker-{i}", "created_at": now, "updated_at": now,
               "name": f"{fake_word(rng, 2).capitalize()} {fake_word(rng, 3).capitalize()}",
               "kind": "person", "country_code": rng.choice(("FR", "DE", "AT"))} for i in ids]
    said = [{"actor_id": i, "said_on": date(2020, 1, 1) + timedelta(days=rng.randrange(900)),
             "text": "Fictional remark.", "words_key": words_key("Fictional remark."),
             "country_code": a["country_code"], "kind": "direct",
             "stance": rng.choice(("critical", "neutral")), "status": "published",
             "date_precision": "day", "created_at": now, "updated_at": now}
            for rank, (i, a) in enumerate(zip(ids, actors, strict=True))
            for _ in range(1 + 3 * (speakers - rank) // speakers)]
    with bulk_load(session):
        session.execute(insert(Actor.__table__), actors)  # type: ignore[attr-defined]
        session.execute(insert(Statement.__table__), said)  # type: ignore[attr-defined]
    session.commit()
    return ids


def add_alias(session: Session, actor_id: int, name: str) -> None:
    """Give a speaker another name."""
    session.add(Alias(actor_id=actor_id, name=name))
    session.commit()
