"""Appearances and merges: a duplicate merged into the statement kept (a form on the edit
page and the API), and a further source added to a statement (the API)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from app.curation.appearances import add_appearance, merge_statements
from app.curation.inputs import AppearanceIn, MergeIn
from app.reading import appearances
from app.reading.statements import views
from app.record.db import SessionDep
from app.web.etags import expected_versions, tag_response
from app.web.render import render
from app.web.routes.api_write import VERSIONED_ERRORS, IfMatch
from app.web.routes.auth_deps import WriterDep
from app.web.routes.deps import BaseUrlDep, RecordId
from app.web.routes.forms import form_values, parse
from app.web.schemas_appearances import StatementDetail

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["write"])


@router.post("/statements/{statement_id}/merge")
async def merge_form(statement_id: RecordId, request: Request, session: SessionDep,
                     author: WriterDep) -> Response:
    """Merge this statement into another; go to the one kept."""
    parsed, errors = parse(MergeIn, form_values(await request.form()))
    if parsed is None:
        return render(request, "error.html", {"title": "Check the form", "errors": errors},
                      status_code=422)
    kept = merge_statements(session, statement_id, parsed.into, author.name)
    return RedirectResponse(views(session, [kept])[0].path, status_code=303)


@api.post("/statements/{statement_id}/merge", response_model=StatementDetail,
          responses=VERSIONED_ERRORS)
def merge_api(statement_id: RecordId, data: MergeIn, session: SessionDep, author: WriterDep,
              base: BaseUrlDep, response: Response, if_match: IfMatch = None) -> StatementDetail:
    """Merge this statement into another (`into`): its sources become appearances of the
    one kept, it leaves timelines and counts, and its address redirects there (301)."""
    kept = merge_statements(session, statement_id, data.into, author.name,
                            expected=expected_versions(if_match, "statement", statement_id))
    tag_response(response, session, "statement", data.into)
    return StatementDetail.with_appearances(views(session, [kept])[0], base,
                                            appearances.appearances_of(session, kept, kept.source))


@api.post("/statements/{statement_id}/appearances", status_code=201,
          response_model=StatementDetail, responses=VERSIONED_ERRORS)
def add_appearance_api(statement_id: RecordId, data: AppearanceIn, session: SessionDep,
                       author: WriterDep, base: BaseUrlDep,
                       response: Response) -> StatementDetail:
    """Add a further source that carried the statement, with the words as it gives them;
    the source is found by its URL (or title and day) or added."""
    statement = add_appearance(session, statement_id, data, author.name)
    tag_response(response, session, "statement", statement_id)
    return StatementDetail.with_appearances(views(session, [statement])[0], base,
                                            appearances.appearances_of(session, statement,
                                                                      statement.source))
