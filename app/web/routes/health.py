"""Liveness for load balancers and container health checks."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from app.record.db import SessionDep

router = APIRouter(tags=["ops"])


@router.get("/healthz")
def healthz(session: SessionDep) -> dict[str, str]:
    """Answer ok when the database answers."""
    session.exec(text("SELECT 1"))  # type: ignore[call-overload]
    return {"status": "ok"}
