"""Preview cards of statements, the images pasted links unfurl with."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.curation.inputs import MAX_INT
from app.errors import Gone
from app.reading import permalinks
from app.record.db import SessionDep
from app.record.models import StatementStatus
from app.web.cards import card_inputs, draw_card
from app.web.routes.deps import RecordId

router = APIRouter()
#: A card whose address names its inputs (a version, or their digest) never changes.
FOREVER = "public, max-age=31536000, immutable"
#: The card at the bare address follows edits: caches check back within the hour.
AN_HOUR = "public, max-age=3600"


@router.get("/statements/{statement_id}/card.png", response_class=Response,
            responses={200: {"content": {"image/png": {}}, "description": "A 1200×630 PNG."}})
def statement_card(statement_id: RecordId, request: Request, session: SessionDep,
                   v: Annotated[int | None, Query(ge=1, le=MAX_INT)] = None,
                   d: Annotated[str | None, Query(max_length=64)] = None) -> Response:
    """Draw the preview card of a statement, or of one of its versions with `?v=N`."""
    view = permalinks.statement_for_permalink(session, statement_id, editor=False)
    if view.statement.status is StatementStatus.withdrawn:
        raise Gone(f"Statement {statement_id} was withdrawn: {view.statement.withdrawn_reason}")
    shown, version = (view, None)
    if v is not None:
        shown, revision = permalinks.as_of_version(session, view, v)
        version = revision.number
    inputs = card_inputs(shown, version=version)
    lasting = version is not None or d == inputs.etag.strip('"')
    headers = {"ETag": inputs.etag, "Cache-Control": FOREVER if lasting else AN_HOUR}
    if inputs.etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(draw_card(inputs), media_type="image/png", headers=headers)
