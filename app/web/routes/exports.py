"""Feeds and downloads of any timeline view, taking the timeline's own query string."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response, StreamingResponse
from sqlmodel import Session

from app.files.feeds import atom_feed
from app.files.file_export import stream_export
from app.files.rows import Format, export_filename
from app.reading.actors import check_known
from app.reading.query import TimelineQuery
from app.record.db import SessionDep
from app.web.routes.deps import TIMELINE_PARAMETERS, BaseUrlDep

router = APIRouter(tags=["export"])
#: The media type of each download.
MEDIA_TYPES: dict[Format, str] = {"csv": "text/csv; charset=utf-8",
                                  "jsonl": "application/x-ndjson",
                                  "jsonld": "application/ld+json"}


def checked_query(request: Request, session: Session) -> TimelineQuery:
    """Read the view's filters, naming any parameter that is wrong or unknown."""
    query = TimelineQuery.from_params(request.query_params)
    check_known(session, query)
    return query


@router.get("/feed.atom", openapi_extra=TIMELINE_PARAMETERS, response_class=Response,
            responses={200: {"content": {"application/atom+xml": {}}}})
def feed(request: Request, session: SessionDep, base: BaseUrlDep) -> Response:
    """Follow a view: its newest statements as an Atom feed."""
    body = atom_feed(session, checked_query(request, session), base)
    return Response(body, media_type="application/atom+xml")


@router.get("/export.csv", openapi_extra=TIMELINE_PARAMETERS, response_class=StreamingResponse,
            responses={200: {"content": {"text/csv": {}}}})
def export_csv(request: Request, session: SessionDep, base: BaseUrlDep) -> StreamingResponse:
    """Download every statement of a view as CSV, in the columns an import reads."""
    return _download(request, session, base, "csv")


@router.get("/export.jsonl", openapi_extra=TIMELINE_PARAMETERS, response_class=StreamingResponse,
            responses={200: {"content": {"application/x-ndjson": {}}}})
def export_jsonl(request: Request, session: SessionDep, base: BaseUrlDep) -> StreamingResponse:
    """Download every statement of a view as JSON Lines, the shape an import reads."""
    return _download(request, session, base, "jsonl")


@router.get("/export.jsonld", openapi_extra=TIMELINE_PARAMETERS, response_class=StreamingResponse,
            responses={200: {"content": {"application/ld+json": {}}}})
def export_jsonld(request: Request, session: SessionDep, base: BaseUrlDep) -> StreamingResponse:
    """Download every statement of a view as schema.org Quotations in JSON-LD."""
    return _download(request, session, base, "jsonld")


def _download(request: Request, session: Session, base: str, fmt: Format) -> StreamingResponse:
    query = checked_query(request, session)
    name = export_filename(query.params(), fmt)
    return StreamingResponse(
        stream_export(request.app.state.engine, query, fmt, base), media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"'})
