"""Load the demo record (the sample article's statements) into an empty database."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from slugify import slugify
from sqlmodel import Session, select

from app.record.models import (
    Actor,
    ActorKind,
    Alias,
    DatePrecision,
    LinkRelation,
    Role,
    Source,
    Stance,
    Statement,
    StatementKind,
    StatementLink,
)

FIXTURE = Path(__file__).parent / "fixtures" / "demo.json"
#: Where a checkout keeps the sample article; its text, when present, gives the permalinks
#: their context. The repository itself keeps only the quoted words, never the prose.
SEEDS_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def load_demo(session: Session, seeds_dir: Path = SEEDS_DIR) -> int:
    """Add the demo statements if the database has none; return how many were added."""
    if session.exec(select(Statement.id).limit(1)).first() is not None:
        return 0
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    source = _source(data["source"], seeds_dir)
    actors = {a["slug"]: _actor(a) for a in data["actors"]}
    session.add(source)
    session.add_all(actors.values())
    statements = [_statement(s, actors[s["speaker"]], source) for s in data["statements"]]
    if source.text and not all(_words_stand_in(source.text, s) for s in statements):
        source.text = None  # another edition of the article: keep the citation, drop context
    session.add_all(statements)
    session.flush()
    session.add_all(StatementLink(statement_id=statements[link["statement"]].id,
                                  other_id=statements[link["other"]].id,
                                  relation=LinkRelation(link["relation"]))
                    for link in data.get("links", []))
    session.commit()
    return len(statements)


def _source(row: dict[str, Any], seeds_dir: Path) -> Source:
    article = seeds_dir / row["file"]
    text = article.read_text(encoding="utf-8") if article.is_file() else None
    return Source(title=row["title"], publisher=row["publisher"], url=row["url"],
                  published_on=_day(row["published_on"]), text=text)


def _actor(row: dict[str, Any]) -> Actor:
    actor = Actor(slug=row["slug"], name=row["name"], kind=ActorKind(row["kind"]),
                  country_code=row["country"])
    actor.aliases = [Alias(name=name) for name in row["aliases"]]  # type: ignore[call-arg]
    actor.roles = [Role(title=r["title"], starts_on=_day(r["starts_on"]),  # type: ignore[call-arg]
                        ends_on=_day(r["ends_on"])) for r in row["roles"]]
    return actor


def _statement(row: dict[str, Any], actor: Actor, source: Source) -> Statement:
    # The foreign keys are set from the related objects on flush.
    return Statement(  # type: ignore[call-arg]
        actor=actor, source=source, said_on=date.fromisoformat(row["said_on"]),
        date_precision=DatePrecision(row["date_precision"]), text=row["text"],
        kind=StatementKind(row["kind"]), country_code=row["country"],
        stance=Stance(row["stance"]), target=row["target"], target_slug=slugify(row["target"]),
        source_start=row["source_start"], source_end=row["source_end"],
        lang=row.get("lang", "en"),  # the seeds are English articles, quoted as they give them
    )


def _words_stand_in(text: str, s: Statement) -> bool:
    return text[s.source_start:s.source_end] == s.text


def _day(raw: str | None) -> date | None:
    return date.fromisoformat(raw) if raw else None
