"""Countries from ISO 3166-1 through pycountry: the table's rows and each one's flag."""

from __future__ import annotations

import pycountry
from sqlmodel import Session, select

from app.record.models import Country

#: Offset from an ASCII capital letter to its Unicode regional indicator symbol.
_REGIONAL_INDICATOR_OFFSET = ord("🇦") - ord("A")


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


def flag(code: str | None) -> str:
    """Return the flag emoji of a country code, built from regional indicator letters."""
    if not code or len(code) != 2 or not code.isalpha():
        return ""
    return "".join(chr(ord(ch) + _REGIONAL_INDICATOR_OFFSET) for ch in code.upper())
