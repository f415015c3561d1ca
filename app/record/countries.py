"""Countries from ISO 3166-1 through pycountry: the rows of the country table."""

from __future__ import annotations

from functools import cache

import pycountry
from sqlmodel import Session, select

from app.record.models import Country


@cache
def iso_names() -> dict[str, str]:
    """Every ISO 3166-1 country by code, named by its common name where it has one (read
    once: every start and every command asks)."""
    return {c.alpha_2: getattr(c, "common_name", None) or c.name for c in pycountry.countries}


def sync_countries(session: Session) -> int:
    """Add the ISO countries the table lacks; return how many were added."""
    have = set(session.exec(select(Country.code)).all())
    new = [Country(code=code, name=name) for code, name in iso_names().items()
           if code not in have]
    session.add_all(new)
    return len(new)
