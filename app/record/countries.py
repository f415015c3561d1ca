"""Countries from ISO 3166-1 through pycountry: the rows of the country table."""

from __future__ import annotations

import pycountry
from sqlmodel import Session, select

from app.record.models import Country


def iso_countries() -> list[Country]:
    """Return every ISO 3166-1 country, named by its common name where it has one."""
    return [
        Country(code=c.alpha_2, name=getattr(c, "common_name", None) or c.name)
        for c in pycountry.countries
    ]


def sync_countries(session: Session) -> int:
    """Add the ISO countries the table lacks; return how many were added."""
    have = set(session.exec(select(Country.code)).all())
    new = [c for c in iso_countries() if c.code not in have]
    session.add_all(new)
    return len(new)
