"""Editors' pages for actors and sources: correct, merge duplicates, read the history."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel import select

from app import urls
from app.curation import actor_edits, source_edits
from app.curation.inputs import ISO_DAY, ActorPatch, SourcePatch
from app.errors import InvalidParameter, NotFound
from app.reading.actors import get_actor, is_public, roles_in_order
from app.record import history
from app.record.db import SessionDep
from app.record.history import ChangedMeanwhile
from app.record.models import ActorKind, Country, Source
from app.web.render import render
from app.web.routes.auth_deps import EditorDep, WriterDep, current_author
from app.web.routes.deps import RecordId
from app.web.routes.forms import form_values, form_version, parse

router = APIRouter(include_in_schema=False)


def _actor_form(request: Request, session: SessionDep, slug: str, values: dict[str, Any],
                errors: list[InvalidParameter], status: int = 200, *, version: object = None,
                stale: ChangedMeanwhile | None = None) -> Response:
    actor = get_actor(session, slug)
    countries = session.exec(select(Country.code, Country.name).order_by(Country.name)).all()
    return render(request, "actor_edit.html", {
        "actor": actor, "values": values, "errors": errors, "stale": stale,
        "version": history.version_of(session, "actor", actor.id or 0)
        if version is None else version,
        "countries": countries, "kinds": [k.value for k in ActorKind]}, status_code=status)


@router.get("/actors/{slug}/edit")
def edit_actor_form(slug: str, request: Request, session: SessionDep,
                    _author: EditorDep) -> Response:
    """Show the form that corrects an actor's name, aliases, roles and country."""
    actor = get_actor(session, slug)
    roles = "\n".join(" | ".join([r.title, r.starts_on.isoformat() if r.starts_on else "",
                                  r.ends_on.isoformat() if r.ends_on else ""]).rstrip(" |")
                      for r in roles_in_order(actor))
    values = {"name": actor.name, "kind": actor.kind.value, "country": actor.country_code or "",
              "aliases": "\n".join(a.name for a in actor.aliases), "roles": roles}
    return _actor_form(request, session, slug, values, [])


@router.post("/actors/{slug}/edit")
async def edit_actor(slug: str, request: Request, session: SessionDep,
                     author: WriterDep) -> Response:
    """Save the corrections to an actor; the slug stays so links keep working. A form
    opened on a version another edit has replaced comes back with what changed, unsaved."""
    form = await request.form()
    values = form_values(form, keep_blank={"country", "aliases", "roles"})
    errors: list[InvalidParameter] = []
    data = {"name": values.get("name"), "kind": values.get("kind"),
            "country": values.get("country") or None,
            "aliases": [a for a in values.get("aliases", "").splitlines() if a.strip()],
            "roles": _roles(values.get("roles", ""), errors)}
    parsed, more = parse(ActorPatch, {k: v for k, v in data.items() if v is not None})
    if parsed is None or errors or more:
        return _actor_form(request, session, slug, values, errors + more, 422,
                           version=form.get("version"))
    try:
        actor_edits.update_actor(session, slug, parsed, author.name,
                                 expected=form_version(form))
    except ChangedMeanwhile as stale:
        return _actor_form(request, session, slug, values, [], stale.status,
                           version=stale.now, stale=stale)
    return RedirectResponse(urls.actor_path(slug), status_code=303)


def _day(raw: str) -> date | None:
    """Read a role's day as every date field does: YYYY-MM-DD only (not 20210611)."""
    if raw and not ISO_DAY.fullmatch(raw):
        raise ValueError(raw)
    return date.fromisoformat(raw) if raw else None


def _roles(text: str, errors: list[InvalidParameter]) -> list[dict[str, Any]]:
    """Read 'Title | from | to' lines, one role a line, dates optional."""
    roles = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        title, *dates = [part.strip() for part in line.split("|")]
        try:
            starts, ends = [_day(d) for d in [*dates, "", ""][:2]]
        except ValueError:
            errors.append(InvalidParameter("roles", f"line {number}: dates are YYYY-MM-DD"))
            continue
        roles.append({"title": title, "starts_on": starts, "ends_on": ends})
    return roles


@router.post("/actors/{slug}/merge")
async def merge_actor(slug: str, request: Request, session: SessionDep,
                      author: WriterDep) -> Response:
    """Fold a duplicate into this actor; the duplicate's address then leads here."""
    duplicate = str((await request.form()).get("duplicate", "")).strip()
    if not duplicate:
        return render(request, "error.html", {"title": "Check the form", "errors": [
            InvalidParameter("duplicate", "name the slug of the duplicate")]}, status_code=422)
    actor_edits.merge_actors(session, slug, duplicate, author.name)
    return RedirectResponse(urls.actor_path(slug), status_code=303)


@router.get("/actors/{slug}/history")
def actor_history(slug: str, request: Request, session: SessionDep) -> Response:
    """Show every version of an actor's record; one known only from drafts, to editors only."""
    actor = get_actor(session, slug)
    if not (current_author(request) or is_public(session, actor)):
        raise NotFound("actor", slug)
    return render(request, "record_history.html", {
        "title": actor.name, "back": urls.actor_path(slug),
        "restore": lambda n: urls.actor_action_path(slug, f"history/{n}/restore"),
        "revisions": history.revisions(session, "actor", actor.id or 0)})


@router.post("/actors/{slug}/history/{number}/restore")
def restore_actor(slug: str, number: RecordId, session: SessionDep, author: WriterDep) -> Response:
    """Bring back an earlier version of an actor; the restore is itself a new version."""
    actor_edits.restore_actor(session, slug, number, author.name)
    return RedirectResponse(urls.actor_action_path(slug, "history"), status_code=303)


@router.get("/sources/{source_id}/edit")
def edit_source_form(source_id: RecordId, request: Request, session: SessionDep,
                     _author: EditorDep) -> Response:
    """Show the form that corrects a source's citation."""
    source = _source(session, source_id)
    values = {"title": source.title, "publisher": source.publisher or "",
              "url": source.url or "", "author": source.author or "",
              "published_on": source.published_on.isoformat() if source.published_on else ""}
    return _source_form(request, session, source, values, [])


@router.post("/sources/{source_id}/edit")
async def edit_source(source_id: RecordId, request: Request, session: SessionDep,
                      author: WriterDep) -> Response:
    """Save a corrected citation, unless another edit replaced the version it was opened on."""
    form = await request.form()
    values = form_values(form, keep_blank={"publisher", "url", "published_on", "author"})
    parsed, errors = parse(SourcePatch, {k: (v or None) for k, v in values.items()})
    if parsed is None:
        return _source_form(request, session, _source(session, source_id), values, errors,
                            422, version=form.get("version"))
    try:
        source_edits.update_source(session, source_id, parsed, author.name,
                                   expected=form_version(form))
    except ChangedMeanwhile as stale:
        return _source_form(request, session, _source(session, source_id), values, [],
                            stale.status, version=stale.now, stale=stale)
    return RedirectResponse(urls.source_edit_path(source_id), status_code=303)


def _source_form(request: Request, session: SessionDep, source: Source, values: dict[str, Any],
                 errors: list[InvalidParameter], status: int = 200, *, version: object = None,
                 stale: ChangedMeanwhile | None = None) -> Response:
    if version is None:
        version = history.version_of(session, "source", source.id or 0)
    return render(request, "source_edit.html", {
        "source": source, "values": values, "errors": errors, "version": version,
        "stale": stale}, status_code=status)


def _source(session: SessionDep, source_id: RecordId) -> Source:
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound("source", source_id)
    return source
