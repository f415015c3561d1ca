"""The method page: what the record holds, how it is made, and how to correct it."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from app.reading.overview import overview
from app.record.db import SessionDep
from app.web.render import render
from app.web.routes.deps import SettingsDep

router = APIRouter(include_in_schema=False)


@router.get("/about")
def about(request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    """Explain the record: sources, extraction, review, stance labels, corrections."""
    contact = settings.contact
    href = contact if "://" in contact else f"mailto:{contact}" if contact else None
    return render(request, "about.html", {"record": overview(session), "contact": contact,
                                          "contact_href": href})
