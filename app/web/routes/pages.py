"""HTML pages: the timeline, permalinks, and actor and country profiles."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from app import urls
from app.curation.inputs import MAX_INT
from app.errors import NotFound
from app.files import citations
from app.files.jsonld import quotation_jsonld
from app.files.jsonld_appearances import with_appearances
from app.reading import actors, appearances, events, permalinks, statements
from app.reading.explorer import Explorer, explore
from app.record.db import SessionDep
from app.record.models import MAX_ID, StatementStatus
from app.web import embeds
from app.web.render import is_htmx, render
from app.web.routes.auth_deps import current_author
from app.web.routes.deps import BaseUrlDep, SettingsDep
from app.web.routes.forms import choices

router = APIRouter(include_in_schema=False)
_STATEMENT_REF = re.compile(r"^([1-9]\d{0,9})(?:-.*)?$")
#: A version number in ?v=: a database integer, so a longer number is a 422 naming v.
Version = Annotated[int | None, Query(ge=1, le=MAX_INT)]


def _explorer_page(request: Request, explorer: Explorer, template: str,
                   context: dict[str, Any]) -> Response:
    """Render a timeline page, its explorer, or a further page of it for htmx."""
    block = "page" if explorer.query.cursor else "explorer"
    status = 400 if explorer.errors else 200
    return render(request, template, {"view": explorer, **context}, block=block, status_code=status)


def _explore(request: Request, session: SessionDep, settings: SettingsDep, base: str,
             **fixed: Any) -> Explorer:
    further = is_htmx(request) and "cursor" in request.query_params
    if current_author(request):
        actors.read_for_editor(session)  # an editor may name a speaker known only from drafts
    return explore(session, request.query_params, page_size=settings.page_size, base=base,
                   fixed=fixed, summary=not further)


@router.get("/")
def timeline(request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    """Show the timeline, filtered as the query string says."""
    return _explorer_page(request, _explore(request, session, settings, "/"),
                          "timeline.html", {"page_title": "Timeline"})


@router.get("/statements/{ref}")
def statement(ref: str, request: Request, session: SessionDep, base: BaseUrlDep,
              v: Version = None) -> Response:
    """Show one statement at its canonical address; other spellings redirect there.

    A withdrawn statement answers 410 with its notice; `?v=N` pins an earlier version.
    """
    match = _STATEMENT_REF.match(ref)
    if not match or int(match.group(1)) > MAX_ID:
        raise NotFound("statement", ref)
    editor = current_author(request) is not None
    kept = appearances.merged_into(session, int(match.group(1)))
    if kept is not None:  # merged: the remark lives on as the kept statement
        view = permalinks.statement_for_permalink(session, kept, editor=editor)
        return RedirectResponse(view.path, status_code=301)
    view = permalinks.statement_for_permalink(session, int(match.group(1)), editor=editor)
    if request.url.path != view.path:
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(view.path + query, status_code=301)
    shown, pinned = (permalinks.as_of_version(session, view, v, editor=editor) if v
                      else (view, None))
    canonical = base + view.path + (f"?v={pinned.number}" if pinned else "")
    before, after = statements.before_and_after(session, view)
    seen_in = appearances.appearances_of(session, view.statement, view.source)
    context = {"s": shown, "current": view, "pinned": pinned, "excerpt": statements.excerpt(shown),
               "before": before, "after": after,
               "same_source": statements.same_source(session, view),
               "thread": permalinks.thread(session, view.id),
               "corrected": permalinks.last_correction(session, view.id),
               "canonical": canonical, "base": base,
               "embed": embeds.Embed(base + urls.embed_statement_path(view.id),
                                     f"Statement by {view.actor.name} on onrecord",
                                     *embeds.STATEMENT_SIZE),
               "citations": citations.in_every_format(
                   citations.cite(session, view, base, version=v, editor=editor)),
               "appearances": seen_in, "first_reported": appearances.first_reported(seen_in),
               "jsonld": with_appearances(quotation_jsonld(shown, canonical, base), seen_in),
               **events.on_statement_page(session, view.id)}
    if editor:
        context.update(choices(session))
    withdrawn = view.statement.status is StatementStatus.withdrawn
    return render(request, "statement.html", context, status_code=410 if withdrawn else 200)


@router.get("/actors/{slug}")
def actor(slug: str, request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    """Show an actor's profile over their own filterable timeline; a merged actor's old
    address, or an alias spelled as a slug, redirects to the actor; an unknown one is a 404
    offering the closest names."""
    person = actors.find_by_slug(session, slug) or actors.find_by_alias(session, slug)
    if person is None or not (actors.is_public(session, person) or current_author(request)):
        return render(request, "actor_missing.html",
                      {"slug": slug, "closest": actors.closest_actors(session, slug),
                       "page_title": "No such speaker"}, status_code=404)
    if person.slug != slug:
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(urls.actor_path(person.slug) + query, status_code=301)
    explorer = _explore(request, session, settings, request.url.path, actors=(person.slug,))
    return _explorer_page(request, explorer, "actor.html",
                          {"actor": person, "roles": actors.roles_in_order(person),
                           "page_title": person.name})


@router.get("/countries/{code}")
def country(code: str, request: Request, session: SessionDep,
            settings: SettingsDep) -> Response:
    """Show a country's page over the timeline of its speakers."""
    place = actors.get_country(session, code)
    if code != place.code:
        return RedirectResponse(f"/countries/{place.code}?{request.url.query}".rstrip("?"),
                                status_code=301)
    explorer = _explore(request, session, settings, request.url.path, countries=(place.code,))
    return _explorer_page(request, explorer, "country.html",
                          {"country": place, "page_title": place.name})
