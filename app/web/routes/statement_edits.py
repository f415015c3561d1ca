"""Editors' pages for statements: add, edit in place, withdraw, link, history, restore."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from app.curation import statement_edits
from app.curation.inputs import LinkIn, StatementIn, StatementPatch, WithdrawIn
from app.errors import InvalidParameter
from app.reading.statements import views
from app.record import history
from app.record.db import SessionDep
from app.record.history import ChangedMeanwhile
from app.record.models import StatementStatus
from app.web.render import render
from app.web.routes.auth_deps import EditorDep, WriterDep
from app.web.routes.deps import RecordId
from app.web.routes.forms import CLEARABLE, choices, form_values, form_version, parse

router = APIRouter(include_in_schema=False)


def _back_to(statement_id: RecordId, session: Session) -> RedirectResponse:
    statement = statement_edits.get_any_statement(session, statement_id)
    return RedirectResponse(views(session, [statement])[0].path, status_code=303)


@router.get("/statements/new")
def new_statement_form(request: Request, session: SessionDep, _author: EditorDep) -> Response:
    """Show the form for a statement not imported from an article."""
    return render(request, "statement_new.html", {"values": {}, "errors": [], **choices(session)})


@router.post("/statements/new")
async def new_statement(request: Request, session: SessionDep, author: WriterDep) -> Response:
    """Add a statement from the form, or show the form again with what is wrong."""
    values = form_values(await request.form())
    source = {k.removeprefix("source_"): v for k, v in values.items()
              if k.startswith("source_") and k not in ("source_start", "source_end")}
    data = {k: v for k, v in values.items() if not k.startswith("source_")}
    data["publish"] = "publish" in values
    data["source"] = source or None
    parsed, errors = parse(StatementIn, data)
    if parsed is None:
        return render(request, "statement_new.html",
                      {"values": values, "errors": errors, **choices(session)}, status_code=422)
    statement = statement_edits.create_statement(session, parsed, author.name)
    return _back_to(statement.id or 0, session)


@router.get("/statements/{statement_id}/edit")
def edit_statement_form(statement_id: RecordId, request: Request, session: SessionDep,
                        _author: EditorDep) -> Response:
    """Show the edit form, in place of the statement when htmx asks."""
    view = views(session, [statement_edits.get_any_statement(session, statement_id)])[0]
    return _edit_form(request, session, view, _values_of(view), [], block="edit_form")


@router.post("/statements/{statement_id}/edit")
async def edit_statement(statement_id: RecordId, request: Request, session: SessionDep,
                         author: WriterDep) -> Response:
    """Save a correction; the permalink then links to its history. A form opened on a
    version another edit has replaced comes back with what changed, unsaved."""
    form = await request.form()
    values = form_values(form, keep_blank=CLEARABLE)
    parsed, errors = parse(StatementPatch, {k: (v or None) for k, v in values.items()})
    if parsed is None:
        view = views(session, [statement_edits.get_any_statement(session, statement_id)])[0]
        return _edit_form(request, session, view, values, errors, status=422,
                          version=form.get("version"))
    try:
        statement_edits.update_statement(session, statement_id, parsed, author.name,
                                         expected=form_version(form))
    except ChangedMeanwhile as stale:
        view = views(session, [statement_edits.get_any_statement(session, statement_id)])[0]
        return _edit_form(request, session, view, values, [], status=stale.status,
                          version=stale.now, stale=stale)
    return _back_to(statement_id, session)


def _edit_form(request: Request, session: Session, view: Any, values: dict[str, Any],
               errors: list[InvalidParameter], *, status: int = 200, block: str | None = None,
               version: object = None, stale: ChangedMeanwhile | None = None) -> Response:
    """Render the edit form on the version given (by default the statement's latest)."""
    if version is None:
        version = history.version_of(session, "statement", view.id)
    return render(request, "statement_edit.html", {
        "s": view, "values": values, "errors": errors, "version": version, "stale": stale,
        **choices(session)}, status_code=status, block=block)


@router.post("/statements/{statement_id}/withdraw")
async def withdraw(statement_id: RecordId, request: Request, session: SessionDep,
                   author: WriterDep) -> Response:
    """Withdraw a statement with a reason; its permalink then explains it (410)."""
    parsed, errors = parse(WithdrawIn, form_values(await request.form()))
    if parsed is None:
        return _form_error(request, errors)
    statement_edits.set_status(session, statement_id, StatementStatus.withdrawn, author.name,
                               reason=parsed.reason)
    return _back_to(statement_id, session)


@router.post("/statements/{statement_id}/links")
async def add_link(statement_id: RecordId, request: Request, session: SessionDep,
                   author: WriterDep) -> Response:
    """Link the statement to another: responds to, rebuts, repeats or contradicts."""
    parsed, errors = parse(LinkIn, form_values(await request.form()))
    if parsed is None:
        return _form_error(request, errors)
    statement_edits.link_statements(session, statement_id, parsed, author.name)
    return _back_to(statement_id, session)


@router.get("/statements/{statement_id}/history")
def statement_history(statement_id: RecordId, request: Request, session: SessionDep) -> Response:
    """Show every version of a statement: who changed what, and when."""
    statement = statement_edits.get_any_statement(session, statement_id)
    if statement.status in (StatementStatus.draft, StatementStatus.rejected) and not getattr(
            request.state, "author", None):
        return render(request, "error.html", {"title": "Not found", "errors": [],
                                              "message": "There is no page at this address."},
                      status_code=404)
    view = views(session, [statement])[0]
    return render(request, "history.html", {
        "s": view, "revisions": history.revisions(session, "statement", statement_id)})


@router.post("/statements/{statement_id}/history/{number}/restore")
def restore(statement_id: RecordId, number: RecordId, session: SessionDep,
            author: WriterDep) -> Response:
    """Bring back an earlier version; the restore is itself a new version."""
    statement_edits.restore_statement(session, statement_id, number, author.name)
    return _back_to(statement_id, session)


def _values_of(view: Any) -> dict[str, Any]:
    s = view.statement
    return {"speaker": view.actor.name, "text": s.text, "said_on": s.said_on.isoformat(),
            "date_precision": s.date_precision.value, "kind": s.kind.value,
            "stance": s.stance.value, "target": s.target or "", "country": s.country_code or "",
            "lang": s.lang, "translation": s.translation or "",
            "translated_by": s.translated_by or ""}


def _form_error(request: Request, errors: list[InvalidParameter]) -> Response:
    return render(request, "error.html", {"title": "Check the form", "errors": errors},
                  status_code=422)
